"""Property-based robustness: extract, check, the rule loader and every report format, on any input.

Properties, per entry point:

* ``extract``: never raises; every claim's span is inside the text and
  ``text[start:end] == claim.text``; ``to_dict()`` is JSON.
* ``check``: never raises; every finding's span (and each related span) is in
  bounds; its ``line:col`` is the line and column of its start, so it points
  at its text; ``to_dict()`` is JSON.
* ``load_rules`` on generated YAML (structured from the schema's own keys, and
  raw text) written to a file: a RuleSet or a ``RuleError`` whose
  ``file:line:col`` is inside that file; nothing else.
* every format in ``numcheck.report.FORMATS`` on generated findings with
  hostile messages and paths: never raises; json and every jsonl line parse;
  SARIF parses and keeps line/col; JUnit is well-formed XML; github is one
  command per finding.

The default run uses a few hundred examples per entry point.  ``pytest -m
fuzz tests/test_robust_props.py`` runs 100,000 per entry point and, instead of
stopping at the first failure, counts every failing example (kept in
NUMCHECK_FUZZ_REPORT as JSON when that is set) and fails at the end.
"""
from __future__ import annotations

import json
import os
import re
import time
import traceback
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path
from typing import Any, Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

DEFAULT = settings(max_examples=100, deadline=None, database=None,
                   suppress_health_check=list(HealthCheck))
FEW = settings(DEFAULT, max_examples=40)  # generated reports and rule files: generation dominates
FUZZ_N = int(os.environ.get("NUMCHECK_FUZZ_EXAMPLES", "100000"))
FUZZ = settings(max_examples=FUZZ_N, deadline=None, database=None, suppress_health_check=list(HealthCheck))

# ---------------------------------------------------------------- inputs

# the pieces numeric claims are made of, and the characters that break parsers
TOKENS = [
    "0", "1", "5", "7", "10", "12", "99", "2024", "1945", "1,000", "10,000", "3.5", "0.5", ".5", "1,00", "007",
    "½", "¼", "⅔", "²", "³", "⁶", "١٢", "１２", "१०",
    "-", "–", "—", "−", "‒", "~", "+", "±", "/", "⁄", ":", ".", ",", ";", "%", "％", "٪", "°", "′", "″", "#", "@", "&",
    " ", "  ", "\u00a0", "\u202f", "\u2009", "\n", "\r\n", "\t", "\u2028", "\u200f", "\u200e", "\u200b", "\ufeff", "\x00",
    "(", ")", "[", "]", "{", "}", "\"", "'", "’", "`", "*", "_", "<", ">",
    "$", "US$", "£", "€", "¥", "Â£", "â€™", "EUR", "GBP",
    "km", "km²", "miles", "m", "kg", "tonnes", "mph", "°C", "degrees", "hours", "years", "year-old", "-year", "days",
    "million", "bn", "m", "k", "billion", "thousand", "hundred", "dozen", "dozens of", "half", "third", "quarter",
    "one", "two", "twenty", "twenty-five", "a", "an", "and", "or", "to", "of", "the", "in", "on", "at", "by",
    "more than", "less than", "about", "around", "nearly", "almost", "up to", "at least", "or more", "-plus",
    "between", "from", "since", "until", "rose", "fell", "up", "down", "increase", "cut",
    "per cent", "percent", "percentage points", "pp", "times", "x",
    "troops", "people", "civilians", "front", "Russian", "Ukraine", "war", "conflict", "aged",
    "January", "August", "Friday", "last year", "next month", "ago", "on", "date 2025-02-01", "2025-01-31", "31/01/2025",
    "http://x.org/2005/10", "a@b.co", "10:30", "3pm", "22nd", "1.2.3", "+44 20 7946 0000",
    "numcheck: disable", "numcheck: ignore NC101", "<!--", "-->", "---",
]
_tokens = st.lists(st.sampled_from(TOKENS), max_size=30)
_words = st.lists(st.sampled_from(TOKENS), max_size=30).map(" ".join)
TEXT = st.one_of(
    st.text(max_size=120),
    _tokens.map("".join),
    _words,
    st.tuples(_words, st.text(max_size=30), _words).map("".join),
)
# findings and related spans from a real check need a sentence with a contradiction now and then
SENTENCES = [
    "More than 10,000 troops were sent. Fewer than 5,000 troops were sent.",
    "The road is 5 km (10 miles) long.",
    "Prices rose 5% from 100 to 120.",
    "Half of the 30 people, 20 of them, left.",
    "She was 25 years old, born in 1990.",
    "date 2025-02-01\nIn August, 2,000 of the 1,000 people died.",
    "It grew by 150 per cent, to three times its size.",
    "Of the 120% of voters, 5 million voted.",
]
CHECK_TEXT = st.one_of(TEXT, st.lists(st.one_of(st.sampled_from(SENTENCES), TEXT), max_size=5).map(" ".join))


# ---------------------------------------------------------------- tallies (fuzz mode)


class Tally:
    """Failures by (exception type, innermost numcheck frame), with the shortest input seen for each."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.examples = 0
        self.failures: Counter[str] = Counter()
        self.shortest: dict[str, str] = {}

    def run(self, prop: Callable[[Any], None], value: Any) -> None:
        self.examples += 1
        if self.examples % 1000 == 0 and os.environ.get("NUMCHECK_FUZZ_REPORT"):
            with open(os.environ["NUMCHECK_FUZZ_REPORT"] + ".progress", "a", encoding="utf-8") as fh:
                fh.write(f"{time.strftime('%H:%M:%S')} {self.name} {self.examples} examples, "
                         f"{sum(self.failures.values())} failing\n")
        try:
            prop(value)
        except Exception as exc:  # noqa: BLE001 — counting every kind is the point
            key = _where(exc)
            bug = known_open(exc)
            if bug:
                key = f"{bug} (filed) {key}"
            self.failures[key] += 1
            r = repr(value)
            if key not in self.shortest or len(r) < len(self.shortest[key]):
                self.shortest[key] = r

    def report(self) -> dict[str, Any]:
        return {"entry": self.name, "examples": self.examples, "crashes": sum(self.failures.values()),
                "distinct": len(self.failures),
                "by_kind": {k: {"count": n, "shortest_input": self.shortest[k]} for k, n in self.failures.most_common()}}

    def finish(self) -> None:
        rep = self.report()
        path = os.environ.get("NUMCHECK_FUZZ_REPORT")
        if path:
            old = {}
            if os.path.exists(path):
                with open(path, encoding="utf-8") as fh:
                    old = json.load(fh)
            old[self.name] = rep
            with open(path, "w", encoding="utf-8") as fh:
                json.dump(old, fh, indent=1, ensure_ascii=True)
        assert not self.failures, json.dumps(rep, indent=1)[:4000]


def _where(exc: BaseException) -> str:
    frames = [f for f in traceback.extract_tb(exc.__traceback__) if "/numcheck/" in f.filename]
    at = f"{Path(frames[-1].filename).name}:{frames[-1].lineno}" if frames else "test"
    msg = str(exc).split("\n")[0][:80]
    if isinstance(exc, AssertionError):
        return f"property violated at {at}: {re.sub(r'[0-9]+', 'N', msg)}"
    return f"{type(exc).__name__} at {at}"


# ---------------------------------------------------------------- open bugs

# Crashes already filed (/work/notes/robust-bugs.md), as (id, exception type, text in the message, module).
# The default run steps over them so the suite stays green while the owner fixes them, and still fails on
# any new crash; their inputs are replayed, xfail, by test_robust_fuzz_regressions.py.  The fuzz run counts
# everything.  Remove an entry when its bug is fixed.
KNOWN_OPEN: list[tuple[str, type, str, str]] = []  # X1, X2 fixed in eb3de50


def known_open(exc: BaseException) -> str | None:
    frames = traceback.extract_tb(exc.__traceback__)
    where = Path(frames[-1].filename).name if frames else ""
    for bug, kind, text, module in KNOWN_OPEN:
        if isinstance(exc, kind) and text in str(exc) and where == module:
            return bug
    return None


def stepping_over_known(prop: Callable[[Any], None]) -> Callable[[Any], None]:
    def run(value: Any) -> None:
        try:
            prop(value)
        except Exception as exc:
            if known_open(exc) is None:
                raise

    return run


# ---------------------------------------------------------------- extract


def prop_extract(text: str) -> None:
    from numcheck.extract import extract

    claims = extract(text)
    for c in claims:
        assert 0 <= c.start <= c.end <= len(text), f"claim span out of bounds: {c.start}:{c.end} of {len(text)}"
        assert text[c.start:c.end] == c.text, "claim text is not input[start:end]"
        d = c.to_dict()
        json.loads(json.dumps(d, allow_nan=True))
    assert [c.start for c in claims] == sorted(c.start for c in claims), "claims not in order of position"


@DEFAULT
@given(TEXT)
def test_extract_never_raises(text):
    stepping_over_known(prop_extract)(text)


@pytest.mark.fuzz
def test_fuzz_extract():
    tally = Tally("extract")
    given(TEXT)(FUZZ(lambda text: tally.run(prop_extract, text)))()
    tally.finish()


def test_public_extract_is_the_function_whatever_was_imported_first():
    import subprocess
    import sys

    code = "import numcheck.extract.quantities\nfrom numcheck import extract\nprint(len(extract('5 km')))"
    p = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert p.returncode == 0 and p.stdout.strip() == "1", p.stderr[-300:]


# ---------------------------------------------------------------- check


def _line_col(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    return line, offset - (text.rfind("\n", 0, offset) + 1) + 1


def prop_check(text: str) -> None:
    from numcheck import check

    findings = check(text)
    for f in findings:
        assert 0 <= f.start <= f.end <= len(text), f"finding span out of bounds: {f.start}:{f.end} of {len(text)}"
        assert (f.line, f.col) == _line_col(text, f.start), f"{f.code} line:col {f.line}:{f.col} is not its start"
        line_text = text.split("\n")[f.line - 1]
        assert line_text[f.col - 1:].startswith(text[f.start:f.end].split("\n")[0]), "line:col does not point at the text"
        for r in f.related:
            if r.start or r.end:  # an earlier report's sentence carries its own offsets
                assert 0 <= r.start <= r.end, f"related span {r.start}:{r.end}"
        json.loads(json.dumps(f.to_dict(), default=str))
    if findings:  # the real findings through the machine-read formats
        from numcheck.report import FileResult, render

        result = [FileResult("story.md", text, tuple(findings))]
        for fmt in ("json", "sarif"):
            if fmt in FORMATS:
                json.loads(render(fmt, result))


@DEFAULT
@given(CHECK_TEXT)
def test_check_never_raises(text):
    stepping_over_known(prop_check)(text)


@pytest.mark.fuzz
def test_fuzz_check():
    tally = Tally("check")
    given(CHECK_TEXT)(FUZZ(lambda text: tally.run(prop_check, text)))()
    tally.finish()


# ---------------------------------------------------------------- the rule loader


def _rules_module():
    try:
        from numcheck.rules import RuleError, load_rules
    except ImportError as exc:  # pragma: no cover - the rules package is not built yet
        pytest.skip(f"numcheck.rules.load_rules not importable yet: {exc}")
    return load_rules, RuleError


def _schema() -> tuple[tuple[str, ...], dict[str, tuple[str, ...]]]:
    try:
        from numcheck.rules.schema import SECTIONS, TOP_LEVEL
    except ImportError:
        return ("version", "events", "facts", "bounds", "dimensions", "aliases", "vocabulary", "style"), {}
    return tuple(TOP_LEVEL), {k: tuple(v) for k, v in SECTIONS.items()}


TOP, FIELDS = _schema()
_scalar = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**12), st.floats(allow_nan=True, allow_infinity=True),
    st.text(max_size=20), st.sampled_from(["2024-02-30", "2025-01-31", "0000-00-00", "km", "meter ** 2", "USD",
                                           "percent", "count", "money", "~", ">", "=", "P6M", "1e400", "-0", "NaN",
                                           "troops", "[1, 2]", "{a: 1}", "!!python/object:os.system", "yes", "no"]),
    st.dates().map(str),
)
_value = st.recursive(_scalar, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                        st.dictionaries(st.text(max_size=8), inner, max_size=3)),
                      max_leaves=8)


def _entry(section: str) -> st.SearchStrategy[dict]:
    keys = FIELDS.get(section, ()) + ("id", "junk", "")
    return st.dictionaries(st.sampled_from(keys), _value, max_size=6)


def _document() -> st.SearchStrategy[Any]:
    section = st.sampled_from(TOP + ("unknown", "Events"))
    body = section.flatmap(lambda s: st.tuples(st.just(s), st.one_of(
        st.lists(_entry(s), max_size=4), _value, st.dictionaries(st.text(max_size=8), _entry(s), max_size=3))))
    return st.one_of(st.lists(body, max_size=4).map(dict), _value)


def _dump(doc: Any) -> str:
    import yaml

    return yaml.safe_dump(doc, allow_unicode=True, sort_keys=False)


_mutation = st.tuples(st.integers(0, 10**6), st.sampled_from(["", ":", "- ", "\n  ", "\t", "'", "\"", "{", "[", "&a ",
                                                              "*a", "!!binary ", "%YAML 1.1\n", "---\n", "\x00", "\ufeff"]))


@st.composite
def rule_files(draw) -> str:
    kind = draw(st.integers(0, 3))
    if kind == 0:
        return draw(st.text(max_size=200))
    text = _dump(draw(_document()))
    if kind >= 2:
        for pos, piece in draw(st.lists(_mutation, max_size=3)):
            p = pos % (len(text) + 1)
            text = text[:p] + piece + text[p:]
    return text


class _RuleFiles:
    """A fresh file per example (the loader caches by path, size and mtime)."""

    def __init__(self, root: Path) -> None:
        self.root, self.n = root, 0

    def write(self, text: str) -> Path:
        self.n += 1
        p = self.root / f"r{self.n}.yaml"
        p.write_bytes(text.encode("utf-8", "surrogatepass"))
        return p


def make_prop_rules(files: _RuleFiles) -> Callable[[str], None]:
    load_rules, RuleError = _rules_module()

    def prop(text: str) -> None:
        path = files.write(text)
        try:
            load_rules(path, core=False)
        except RuleError as exc:
            msg = str(exc)
            assert "\n" not in msg, "a rule error is more than one line"
            assert exc.file == str(path), f"error names {exc.file!r}, not the file"
            # YAML breaks lines at \r\n, \r, \n, \x85, \u2028, \u2029; splitlines() is a superset of those
            lines = text.encode("utf-8", "surrogatepass").decode("utf-8-sig", "replace").splitlines() or [""]
            assert 1 <= exc.line <= len(lines) + 1, f"line {exc.line} outside the file ({len(lines)} lines)"
            assert exc.col >= 1
            assert msg.startswith(f"{path}:{exc.line}:{exc.col}: ")
        finally:
            path.unlink()

    return prop


@pytest.fixture
def rule_dir(tmp_path, monkeypatch):
    monkeypatch.setenv("NUMCHECK_NO_CACHE", "1")
    return _RuleFiles(tmp_path)


def test_rule_loader_never_raises(rule_dir):
    prop = make_prop_rules(rule_dir)
    FEW(given(rule_files())(prop))()


@pytest.mark.fuzz
def test_fuzz_rule_loader(rule_dir):
    prop = make_prop_rules(rule_dir)
    tally = Tally("load_rules")
    given(rule_files())(FUZZ(lambda text: tally.run(prop, text)))()
    tally.finish()


# ---------------------------------------------------------------- report formats


def _report_formats() -> tuple[str, ...]:
    try:
        from numcheck.report import FORMATS
    except ImportError:  # pragma: no cover
        return ()
    import importlib

    present = []
    for fmt in FORMATS:
        try:
            importlib.import_module(f"numcheck.report.{'json' if fmt == 'jsonl' else fmt}")
        except ModuleNotFoundError:
            continue
        present.append(fmt)
    return tuple(present)


FORMATS = _report_formats()
_codes = st.integers(100, 999).map(lambda n: f"NC{n}")
_hostile = st.one_of(st.text(max_size=40), st.sampled_from(["", "%", "%0A", "::error::x", "\r\n", "a,b:c", "<x>&amp;",
                                                             "]]>", "\x00\x1b[31m", "\u2028", "'\"", "\\", "\ufffe"]))


_evidence_value = st.one_of(st.none(), st.integers(), st.floats(), st.text(max_size=10),
                            st.lists(st.floats(), max_size=2))


@st.composite
def results(draw):
    from numcheck.model import Finding, Related
    from numcheck.report import FileResult

    out = []
    for _ in range(draw(st.integers(0, 3))):
        source = draw(st.one_of(st.text(max_size=80), _tokens.map("".join)))
        path = draw(st.one_of(st.sampled_from(["a.md", "dir/b c.txt", "<stdin>", "ü/€.html", "x,y:z.txt", "%25.txt"]),
                              st.text(min_size=1, max_size=20)))
        findings = []
        for _ in range(draw(st.integers(0, 4))):
            start = draw(st.integers(0, len(source)))
            end = draw(st.integers(start, len(source)))
            line, col = _line_col(source, start)
            related = tuple(Related(a, a + b, draw(_hostile), draw(_hostile))
                            for a, b in draw(st.lists(st.tuples(st.integers(0, 50), st.integers(0, 9)), max_size=2)))
            findings.append(Finding(
                code=draw(_codes), name=draw(_hostile), severity=draw(st.sampled_from(["error", "warning", "info"])),
                message=draw(_hostile), start=start, end=end, line=line, col=col, related=related,
                evidence=draw(st.dictionaries(st.text(max_size=5), _evidence_value, max_size=3)),
                suggestion=draw(st.one_of(st.none(), _hostile)),
            ))
        out.append(FileResult(path=path, source=source, findings=tuple(findings)))
    return out


def prop_report(fmt: str, res) -> None:
    from numcheck.report import render

    text = render(fmt, res)
    assert isinstance(text, str)
    n = sum(len(r.findings) for r in res)
    if fmt == "json":
        data = json.loads(text)
        assert len(data) == n
        for rec, (r, f) in zip(data, [(r, f) for r in res for f in r.findings]):
            assert (rec["line"], rec["col"], rec["start"], rec["end"]) == (f.line, f.col, f.start, f.end)
    elif fmt == "jsonl":
        lines = text.split("\n")  # JSON Lines: records end in \n, whatever other line breaks a string holds
        assert lines[-1] == ""
        lines = lines[:-1]
        assert len(lines) == n
        for ln in lines:
            json.loads(ln)
    elif fmt == "sarif":
        data = json.loads(text)
        got = [(res_["locations"][0]["physicalLocation"]["region"]["startLine"],
                res_["locations"][0]["physicalLocation"]["region"]["startColumn"])
               for run in data["runs"] for res_ in run.get("results", [])]
        assert got == [(f.line, f.col) for r in res for f in r.findings]
    elif fmt == "junit":
        ET.fromstring(text.encode("utf-8"))
    elif fmt == "github":
        cmds = [ln for ln in text.split("\n") if ln]
        assert len(cmds) == n, "a finding is not exactly one workflow command"
        for ln in cmds:
            assert re.match(r"::(error|warning|notice) ", ln), ln
            assert "\r" not in ln


@pytest.mark.skipif(not FORMATS, reason="numcheck.report has no formats yet")
@pytest.mark.parametrize("fmt", FORMATS)
def test_report_formats_never_raise(fmt):
    FEW(given(results())(lambda res: prop_report(fmt, res)))()


@pytest.mark.fuzz
@pytest.mark.skipif(not FORMATS, reason="numcheck.report has no formats yet")
def test_fuzz_report_formats():
    """Every generated report goes through every format (generation costs more than rendering)."""
    tallies = {fmt: Tally(f"report.{fmt}") for fmt in FORMATS}

    def every_format(res):
        for fmt, tally in tallies.items():
            tally.run(lambda r: prop_report(fmt, r), res)

    given(results())(FUZZ(every_format))()
    errors = []
    for tally in tallies.values():
        try:
            tally.finish()
        except AssertionError as exc:
            errors.append(str(exc))
    assert not errors, "\n".join(errors)


def test_sarif_output_validates_against_the_schema():
    """A few generated reports validated against the SARIF 2.1.0 schema (slow, so not per example)."""
    if "sarif" not in FORMATS:
        pytest.skip("no SARIF format yet")
    schema_path = Path(__file__).resolve().parents[2] / "shared" / "schemas" / "sarif-schema-2.1.0.json"
    if not schema_path.exists():
        pytest.skip(f"SARIF schema not found at {schema_path}")
    jsonschema = pytest.importorskip("jsonschema")
    from numcheck.report import render

    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    validator = jsonschema.Draft7Validator(schema)

    @settings(max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck))
    @given(results())
    def run(res):
        errors = list(validator.iter_errors(json.loads(render("sarif", res))))
        assert not errors, errors[0].message

    run()


@pytest.mark.skipif("jsonl" not in FORMATS, reason="no jsonl format yet")
def test_jsonl_record_is_one_line_for_every_line_reader():
    from numcheck.model import Finding
    from numcheck.report import FileResult, render

    f = Finding(code="NC101", name="x", severity="error", message="a\u2028b\x85c", start=0, end=1)
    text = render("jsonl", [FileResult("a.md", "x", (f,))])
    assert len(text.splitlines()) == 1, text
