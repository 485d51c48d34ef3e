"""Shared machinery of the extractor scorers: expected quantities, claim matching, reports.

The scorers (test_recognizers_numbers.py, test_quantulum_cases.py) turn each
labelled case into a list of ``Expected`` quantities, run ``numcheck.extract``
on the input, and ask ``score_case`` whether every expected quantity has a
matching claim (and, where the model says so, whether numcheck claims anything
extra).  Everything here is a pure function of the case and the claims, so the
matching rules themselves are unit-tested with hand-built claims.

The rules are written out in the docstrings of the two scorer modules; the
helpers below implement them:

* spans overlap when they share at least one character;
* values compare with a relative tolerance of 1e-6 (absolute 1e-9 near zero);
* units compare by name, else through pint (``1 got == 1 want`` exactly, so
  ``milliliter`` matches ``centimeter ** 3`` but ``kilometer`` never matches
  ``meter``); ``*ISO`` accepts any ISO 4217 code;
* a claim offers readings: its value, its point (midpoint of a range), and for
  durations the number and unit inside its TIMEX3 (``P6M`` -> 6 month).
"""
from __future__ import annotations

import csv
import json
import math
import os
import re
import traceback
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable, Iterable, Sequence

TESTS = Path(__file__).resolve().parent
SHARED = TESTS.parents[1] / "shared"
OUT_DIR = Path(os.environ.get("NUMCHECK_SCORE_DIR", "/tmp/numcheck-score"))

REL_TOL = 1e-6
ABS_TOL = 1e-9
ONE_SIDED = {"lower": (">", ">="), "upper": ("<", "<=")}
DURATION_UNITS = {"Y": "year", "M": "month", "W": "week", "D": "day"}
TIME_UNITS = {"H": "hour", "M": "minute", "S": "second"}


# ---------------------------------------------------------------- expectations


@dataclass(frozen=True)
class Target:
    """One acceptable reading of an expected quantity.

    ``mode`` is ``value`` (a point value in one of ``units``), ``interval``
    (``low``/``high`` bounds, None for an open side, with the qualifiers a
    one-sided interval allows), or ``year`` (a four-digit number that numcheck
    may read as a date: a date claim whose TIMEX3 or first day starts with it).
    ``units`` None means any unit; ``kinds`` None means any claim kind.
    """

    mode: str = "value"
    value: float | None = None
    low: float | None = None
    high: float | None = None
    units: frozenset[str] | None = None
    kinds: frozenset[str] | None = None
    qualifiers: frozenset[str] | None = None
    allow_rate: bool = False  # a rate "X / Y" also reads as X ("500,000 barrels a day" -> barrel)

    def describe(self) -> str:
        if self.mode == "interval":
            text = f"[{_fmt(self.low)}, {_fmt(self.high)}]"
            if self.qualifiers:
                text += " qualifier " + "/".join(sorted(self.qualifiers))
        elif self.mode == "year":
            text = f"date {int(self.value or 0)}"
        else:
            text = _fmt(self.value)
        if self.units is not None:
            text += " " + "|".join(sorted(u or '""' for u in self.units))
        if self.kinds is not None:
            text += " (" + "|".join(sorted(self.kinds)) + ")"
        return text


@dataclass(frozen=True)
class Expected:
    """An expected quantity: its surface, its span in the input, and its acceptable readings."""

    text: str
    start: int
    end: int
    targets: tuple[Target, ...]

    def describe(self) -> str:
        return f"{self.text!r}@{self.start}:{self.end} = " + " or ".join(t.describe() for t in self.targets)


@dataclass(frozen=True)
class Case:
    """One labelled input: what must be found, and spans whose claims are neither required nor extra."""

    file: str
    index: int
    input: str
    expected: tuple[Expected, ...]
    ignored: tuple[tuple[int, int, str], ...] = ()  # (start, end, why)
    note: str = ""


@dataclass
class Outcome:
    """The verdict on one case, with enough detail to act on it."""

    case: Case
    right: bool
    lenient_right: bool  # right when extra claims are ignored
    problems: list[tuple[str, str]] = field(default_factory=list)  # (category, detail)
    claims: list[Any] = field(default_factory=list)
    error: str = ""


# ---------------------------------------------------------------- numbers


def close(a: float | None, b: float | None) -> bool:
    """Equal within the scorers' tolerance (relative 1e-6)."""
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=REL_TOL, abs_tol=ABS_TOL)


def _fmt(x: float | None) -> str:
    if x is None:
        return "-"
    return f"{x:.10g}"


def parse_interval(text: str) -> tuple[float | None, float | None, bool, bool]:
    """Recognizers' interval notation "(,40]" -> (low, high, low_open, high_open)."""
    m = re.fullmatch(r"\s*([\[(])\s*([^,]*?)\s*,\s*([^,]*?)\s*([\])])\s*", text)
    if not m:
        raise ValueError(f"not an interval: {text!r}")
    low = float(m.group(2)) if m.group(2) else None
    high = float(m.group(3)) if m.group(3) else None
    return low, high, m.group(1) == "(", m.group(4) == ")"


# ---------------------------------------------------------------- units


@lru_cache(maxsize=1)
def _ureg() -> Any:
    import pint

    return pint.UnitRegistry()


_REWRITES = (
    (re.compile(r"^square_(\w+)$"), r"\1 ** 2"),
    (re.compile(r"^cubic_(\w+)$"), r"\1 ** 3"),
    (re.compile(r"_per_"), " / "),
    (re.compile(r"^per_"), "1 / "),
)


@lru_cache(maxsize=None)
def pint_unit(name: str) -> Any:
    """The pint unit a numcheck or table unit name denotes, or None if pint cannot read it."""
    if not name or re.fullmatch(r"[A-Z]{3}", name):
        return None
    ureg = _ureg()
    candidates = [name]
    rewritten = name
    for pattern, repl in _REWRITES:
        rewritten = pattern.sub(repl, rewritten)
    if rewritten != name:
        candidates.append(rewritten)
    for cand in candidates:
        try:
            return ureg.parse_units(cand)
        except Exception:
            continue
    return None


@lru_cache(maxsize=None)
def same_unit(got: str, want: str) -> bool:
    """Does numcheck's unit ``got`` name the unit ``want`` (a table name, ``*ISO`` or "")?"""
    got = got or ""
    if want == "*ISO":
        return bool(re.fullmatch(r"[A-Z]{3}", got))
    if got == want or got.lower() == want.lower():
        return True
    if not got or not want:
        return False
    g, w = pint_unit(got), pint_unit(want)
    if g is None or w is None:
        return False
    try:
        ureg = _ureg()
        return close(ureg.Quantity(1.0, g).to(w).magnitude, 1.0)
    except Exception:
        return False


def unit_ok(got: str, units: frozenset[str] | None, allow_rate: bool = False) -> bool:
    """Is ``got`` one of ``units`` -- or, with ``allow_rate``, a rate of one of them per something?"""
    if units is None or any(same_unit(got, u) for u in units):
        return True
    if allow_rate and " / " in got:
        numerator = got.split(" / ", 1)[0].strip()
        return any(same_unit(numerator, u) for u in units)
    return False


# ---------------------------------------------------------------- claims


def timex_reading(timex: str | None) -> tuple[float, str] | None:
    """A duration's TIMEX3 as (number, unit): "P6M" -> (6, "month"), "PT3H" -> (3, "hour")."""
    if not timex:
        return None
    m = re.fullmatch(r"P(?:(\d+(?:\.\d+)?)([YMWD])|T(\d+(?:\.\d+)?)([HMS]))", timex)
    if not m:
        return None
    if m.group(1):
        return float(m.group(1)), DURATION_UNITS[m.group(2)]
    return float(m.group(3)), TIME_UNITS[m.group(4)]


def readings(claim: Any) -> list[tuple[float, str]]:
    """Every (number, unit) a claim can be read as: value, point, and a duration's TIMEX3."""
    out: list[tuple[float, str]] = []
    if claim.value is not None:
        out.append((float(claim.value), claim.unit))
    point = claim.point
    if point is not None and (claim.value is None or not close(point, claim.value)):
        out.append((float(point), claim.unit))
    if claim.kind == "duration":
        tr = timex_reading(claim.timex)
        if tr is not None and not any(close(v, tr[0]) and same_unit(u, tr[1]) for v, u in out):
            out.append(tr)
    return out


def target_matches(target: Target, claim: Any) -> bool:
    """Does ``claim`` satisfy ``target`` (kind, unit, value or interval)?"""
    if target.mode == "year":
        year = str(int(target.value or 0))
        if claim.kind == "date":
            return (claim.timex or "").startswith(year) or (claim.date_start or "").startswith(year)
        return False
    if target.kinds is not None and claim.kind not in target.kinds:
        return False
    if target.mode == "interval":
        if not unit_ok(claim.unit, target.units):
            return False
        if target.low is not None and target.high is not None and close(target.low, target.high):
            # "equal to 170": a point claim, or a degenerate interval.
            exact = claim.qualifier == "=" and close(claim.point, target.low)
            return exact or (close(claim.low, target.low) and close(claim.high, target.high))
        if not (close(claim.low, target.low) and close(claim.high, target.high)):
            return False
        return target.qualifiers is None or claim.qualifier in target.qualifiers
    return any(close(v, target.value) and unit_ok(u, target.units, target.allow_rate) for v, u in readings(claim))


def diagnose(exp: Expected, overlapping: Sequence[Any]) -> tuple[str, str]:
    """Why no overlapping claim satisfies ``exp``: a category and a detail line."""
    if not overlapping:
        return "missed", f"no claim overlaps {exp.text!r}"
    got = "; ".join(describe_claim(c) for c in overlapping)
    if all(c.kind == "date" for c in overlapping) and not any(t.mode == "year" for t in exp.targets):
        return "read-as-date", f"want {exp.describe()}, got {got}"
    for t in exp.targets:
        for c in overlapping:
            if t.mode == "year":
                return "not-a-date", f"want {t.describe()}, got {got}"
            if t.kinds is not None and c.kind not in t.kinds:
                continue
            if t.mode == "interval":
                if close(c.low, t.low) and close(c.high, t.high):
                    if not unit_ok(c.unit, t.units):
                        return "unit", f"want {t.describe()}, got {got}"
                    return "qualifier", f"want {t.describe()}, got {got}"
                continue
            for v, u in readings(c):
                if close(v, t.value):
                    return "unit", f"want {t.describe()}, got {got}"
    kinds = set().union(*(t.kinds or set() for t in exp.targets))
    if kinds and not any(c.kind in kinds for c in overlapping):
        return "kind", f"want {exp.describe()}, got {got}"
    if exp.text.strip() and not any(c.start <= exp.start and c.end >= exp.end for c in overlapping):
        return "partial-span", f"want {exp.describe()}, got {got}"
    if any(t.mode == "interval" for t in exp.targets):
        return "interval", f"want {exp.describe()}, got {got}"
    return "value", f"want {exp.describe()}, got {got}"


def describe_claim(c: Any) -> str:
    """A compact one-line rendering of a claim for failure reports."""
    parts = [f"{c.text!r}@{c.start}:{c.end} {c.kind}"]
    if c.value is not None:
        parts.append(_fmt(c.value))
    if c.low is not None or c.high is not None or c.range:
        parts.append(f"[{_fmt(c.low)},{_fmt(c.high)}]" + (" range" if c.range else ""))
    if c.qualifier != "=":
        parts.append(c.qualifier)
    if c.unit:
        parts.append(c.unit)
    if c.timex:
        parts.append(f"timex={c.timex}")
    if c.subject:
        parts.append(f"subject={c.subject!r}")
    return " ".join(parts)


def overlaps(c: Any, start: int, end: int) -> bool:
    if start == end:  # an empty surface: touch counts
        return c.start <= start <= c.end
    return c.start < end and start < c.end


def score_case(
    case: Case,
    claims: Sequence[Any],
    is_extra: Callable[[Any], bool],
) -> Outcome:
    """Score one case: every expected quantity matched by a distinct overlapping claim, and no extras."""
    used: set[int] = set()
    problems: list[tuple[str, str]] = []
    for exp in case.expected:
        overlapping = [(i, c) for i, c in enumerate(claims) if overlaps(c, exp.start, exp.end)]
        hit = next(
            (i for i, c in overlapping if i not in used and any(target_matches(t, c) for t in exp.targets)),
            None,
        )
        if hit is None:
            problems.append(diagnose(exp, [c for _, c in overlapping]))
        else:
            used.add(hit)
    lenient = not problems
    spans = [(e.start, e.end) for e in case.expected] + [(s, e) for s, e, _ in case.ignored]
    for i, c in enumerate(claims):
        if i in used or any(overlaps(c, s, e) for s, e in spans):
            continue
        if is_extra(c):
            problems.append(("extra", describe_claim(c)))
    return Outcome(case, right=not problems, lenient_right=lenient, problems=problems, claims=list(claims))


def run_case(case: Case, extract: Callable[[str], list[Any]], is_extra: Callable[[Any], bool]) -> Outcome:
    """Extract from the case's input and score it; an exception is a wrong case, not a crash."""
    try:
        claims = extract(case.input)
    except Exception as exc:  # the scorer reports it; the property tests hunt it down
        frame = traceback.extract_tb(exc.__traceback__)[-1]
        where = f"{Path(frame.filename).name}:{frame.lineno} in {frame.name}"
        detail = f"{type(exc).__name__}: {exc} (at {where})"
        return Outcome(case, False, False, [("exception", detail)], error=detail)
    for c in claims:
        if c.text != case.input[c.start:c.end]:
            return Outcome(case, False, False, [("bad-span", describe_claim(c))], claims=list(claims))
    return score_case(case, claims, is_extra)


# ---------------------------------------------------------------- known exceptions


@dataclass(frozen=True)
class KnownException:
    """A label judged wrong: which file, which input, which surface ("*" = whole case), and why."""

    file: str
    input: str
    surface: str
    reason: str


def load_known_exceptions(path: Path) -> list[KnownException]:
    """Read a known-exceptions TSV: file, input, surface, reason (header line, # comments)."""
    out: list[KnownException] = []
    with path.open(encoding="utf-8") as fh:
        rows = [line.rstrip("\n") for line in fh if line.strip() and not line.startswith("#")]
    header, *body = rows
    if header.split("\t") != ["file", "input", "surface", "reason"]:
        raise ValueError(f"{path}: header must be file<TAB>input<TAB>surface<TAB>reason")
    for n, line in enumerate(body, 2):
        cols = line.split("\t")
        if len(cols) != 4 or not cols[3].strip():
            raise ValueError(f"{path}: row {n} needs 4 tab-separated columns with a reason")
        out.append(KnownException(*cols))
    return out


def apply_exceptions(cases: list[Case], exceptions: Iterable[KnownException]) -> tuple[list[Case], list[tuple[Case, KnownException]]]:
    """Drop the excepted expectations (their spans become 'ignored'); whole-case exceptions leave the set.

    Returns (scored cases, excluded whole cases).  Every exception must hit
    something, so a stale row is an error rather than silent slack.
    """
    by_input: dict[str, list[KnownException]] = {}
    for ex in exceptions:
        by_input.setdefault(ex.input, []).append(ex)
    hit: set[KnownException] = set()
    kept: list[Case] = []
    excluded: list[tuple[Case, KnownException]] = []
    for case in cases:
        exs = by_input.get(case.input, [])
        whole = next((ex for ex in exs if ex.surface == "*"), None)
        if whole is not None:
            hit.add(whole)
            excluded.append((case, whole))
            continue
        expected = list(case.expected)
        ignored = list(case.ignored)
        for ex in exs:
            for exp in list(expected):
                if exp.text.lower() == ex.surface.lower():
                    expected.remove(exp)
                    ignored.append((exp.start, exp.end, "known exception: " + ex.reason))
                    hit.add(ex)
        if len(expected) != len(case.expected):
            case = Case(case.file, case.index, case.input, tuple(expected), tuple(ignored), case.note)
        kept.append(case)
    stale = [ex for exs in by_input.values() for ex in exs if ex not in hit]
    if stale:
        raise ValueError("known exceptions that match no case: " + "; ".join(f"{e.input!r} / {e.surface!r}" for e in stale))
    return kept, excluded


# ---------------------------------------------------------------- reports


@dataclass
class FileScore:
    """The figures for one spec file."""

    name: str
    outcomes: list[Outcome]
    excluded: list[tuple[Case, KnownException]]
    skipped_results: int = 0  # expected results that are not quantities (no value)

    @property
    def total(self) -> int:
        return len(self.outcomes)

    @property
    def right(self) -> int:
        return sum(o.right for o in self.outcomes)

    @property
    def lenient(self) -> int:
        return sum(o.lenient_right for o in self.outcomes)

    @property
    def share(self) -> float:
        return self.right / self.total if self.total else 0.0

    def categories(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for o in self.outcomes:
            for cat in sorted({p[0] for p in o.problems}):
                counts[cat] = counts.get(cat, 0) + 1
        return dict(sorted(counts.items(), key=lambda kv: -kv[1]))

    def line(self) -> str:
        cats = ", ".join(f"{k} {v}" for k, v in self.categories().items()) or "none"
        return (
            f"{self.name}: total {self.total}, right {self.right}, share {self.share:.1%} "
            f"(ignoring extras: {self.lenient}/{self.total} = {self.lenient / max(self.total, 1):.1%}); "
            f"known exceptions excluded: {len(self.excluded)} cases; "
            f"failure categories (cases): {cats}"
        )


def write_report(score: FileScore, extra_lines: Sequence[str] = ()) -> Path:
    """Write the failing cases to OUT_DIR/<name>.txt (human) and <name>.json (for summaries)."""
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    txt = OUT_DIR / f"{score.name}.txt"
    lines = [score.line(), *extra_lines, ""]
    failing = [o for o in score.outcomes if not o.right]
    for o in failing:
        lines.append(f"#{o.case.index} INPUT: {o.case.input}")
        for exp in o.case.expected:
            lines.append(f"    expected: {exp.describe()}")
        for s, e, why in o.case.ignored:
            lines.append(f"    ignored:  {o.case.input[s:e]!r}@{s}:{e} ({why})")
        lines.append("    got:      " + ("; ".join(describe_claim(c) for c in o.claims) or "(no claims)"))
        for cat, detail in o.problems:
            lines.append(f"    PROBLEM [{cat}] {detail}")
        lines.append("")
    if score.excluded:
        lines.append("KNOWN EXCEPTIONS (excluded from the share):")
        for case, ex in score.excluded:
            lines.append(f"    #{case.index} {case.input!r}: {ex.reason}")
    txt.write_text("\n".join(lines) + "\n", encoding="utf-8")
    data = {
        "file": score.name,
        "total": score.total,
        "right": score.right,
        "share": score.share,
        "lenient_right": score.lenient,
        "excluded": len(score.excluded),
        "categories": score.categories(),
        "failures": [
            {
                "index": o.case.index,
                "input": o.case.input,
                "expected": [e.describe() for e in o.case.expected],
                "got": [describe_claim(c) for c in o.claims],
                "problems": o.problems,
            }
            for o in failing
        ],
    }
    (OUT_DIR / f"{score.name}.json").write_text(json.dumps(data, indent=1, ensure_ascii=False), encoding="utf-8")
    return txt


def announce(request: Any, text: str) -> None:
    """Show a line in pytest's output even when output capture is on."""
    capture = request.config.pluginmanager.get_plugin("capturemanager")
    reporter = request.config.pluginmanager.get_plugin("terminalreporter")
    if capture is not None and reporter is not None:
        with capture.global_and_fixture_disabled():
            reporter.write_line("")
            reporter.write_line(text)
    else:  # pragma: no cover
        print(text)


def numcheck_extract() -> Callable[[str], list[Any]]:
    """numcheck's extract(), imported where the scorers need it."""
    from numcheck.extract import extract

    return extract


def read_tsv(path: Path) -> list[dict[str, str]]:
    """A data table: header row, tab separated, '#' comment lines ignored."""
    with path.open(encoding="utf-8") as fh:
        lines = [line for line in fh if line.strip() and not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
