"""``numcheck check`` in process, with stand-in checks so the CLI's own behaviour is what is tested.

The stand-ins flag marker words (WRONG, BAD, MEH, ECHO); extraction is
stubbed out.  The real checks are exercised end to end in test_e2e.py.
"""
from __future__ import annotations

import io
import json
import re
import sys
from pathlib import Path

import pytest

import numcheck.checks as checks_pkg
import numcheck.extract as extract_pkg
from numcheck.checks.base import Check
from numcheck.cli import main
from numcheck.cli.inputs import Progress


class _Marker(Check):
    word = ""

    def run(self, ctx):
        for m in re.finditer(self.word, ctx.text):
            yield ctx.finding(self, m.start(), m.end(), f"{self.word} found: expected nothing")


class Wrong(_Marker):
    """Flags WRONG.

    Anti-pattern:
        This is WRONG.

    Best practice:
        This is right.
    """

    code, name, severity, word = "NC199", "wrong-word", "warning", "WRONG"


class Bad(_Marker):
    """Flags BAD."""

    code, name, severity, word = "NC299", "bad-word", "error", "BAD"


class Meh(_Marker):
    """Flags MEH."""

    code, name, severity, word = "NC599", "meh-word", "info", "MEH"


class Echo(Check):
    """Reports the publication date the engine was given, at each ECHO."""

    code, name, severity = "NC598", "echo-date", "info"

    def run(self, ctx):
        for m in re.finditer("ECHO", ctx.text):
            yield ctx.finding(self, m.start(), m.end(), f"published {ctx.published}")


class Context_(Check):
    """Reports what the engine handed the checks: rule files, history store, date order, at each CTX."""

    code, name, severity = "NC597", "echo-context", "info"

    def run(self, ctx):
        files = [Path(f).name for f in getattr(ctx.rules, "files", ())]
        for m in re.finditer("CTX", ctx.text):
            yield ctx.finding(self, m.start(), m.end(),
                              f"rules={','.join(files)} history={type(ctx.history).__name__} dayfirst={SEEN.get('dayfirst')}")


SEEN: dict = {}


def _fake_extract(text, published=None, **kw):
    SEEN.update(kw)
    return []


@pytest.fixture(autouse=True)
def stand_ins(monkeypatch, tmp_path):
    monkeypatch.setattr(checks_pkg, "registry", lambda: (Wrong(), Bad(), Echo(), Meh(), Context_()))
    monkeypatch.setattr(extract_pkg, "extract", _fake_extract)
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.delenv("NO_COLOR", raising=False)
    import numcheck.settings as settings

    settings._CACHE.clear()


def run(capsys, *argv):
    rc = main(["check", *argv])
    out, err = capsys.readouterr()
    return rc, out, err


def write(name, text, encoding="utf-8"):
    from pathlib import Path

    p = Path(name)
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_bytes(text.encode(encoding) if isinstance(text, str) else text)
    return str(p)


# ---------------------------------------------------------------- exit codes and text output

def test_text_output_and_exit_1(capsys):
    write("a.txt", "Fine line.\nThis is WRONG here.\n")
    rc, out, err = run(capsys, "a.txt")
    assert rc == 1 and err == ""
    lines = out.splitlines()
    assert lines[0] == "a.txt:2:9: NC199 [warning] WRONG found: expected nothing"
    assert lines[1] == "  2 | This is WRONG here."
    assert lines[2] == "    |         ^^^^^"
    assert lines[-1] == "Found 1 finding (1 warning)."


def test_clean_file_exit_0(capsys):
    write("a.txt", "All is well.\n")
    rc, out, _ = run(capsys, "a.txt")
    assert rc == 0 and out == "All checks passed (1 file).\n"


@pytest.mark.parametrize("fail_on, text, rc", [
    ("error", "WRONG", 0), ("error", "BAD", 1), ("warning", "MEH", 0), ("info", "MEH", 1), ("warning", "WRONG", 1),
])
def test_fail_on(capsys, fail_on, text, rc):
    write("a.txt", text)
    assert run(capsys, "a.txt", "--fail-on", fail_on)[0] == rc


def test_select_and_ignore(capsys):
    write("a.txt", "WRONG BAD MEH")
    _, out, _ = run(capsys, "a.txt", "--select", "NC1,NC5", "--no-source")
    assert re.findall(r"NC\d{3}", out) == ["NC199", "NC599"]
    _, out, _ = run(capsys, "a.txt", "--ignore", "NC199", "--ignore", "NC5", "--no-source")
    assert re.findall(r"NC\d{3}", out) == ["NC299"]


@pytest.mark.parametrize("argv, needle", [
    (["--select", "XY1"], "unknown code 'XY1'"),
    (["--select", "NC999"], "unknown code 'NC999' (did you mean"),
    (["--ignore", "NC1,NC198"], "unknown code 'NC198' (did you mean NC199"),
    (["--select", "wrong-wrod"], "(did you mean wrong-word?)"),
    (["--date", "Feb 2025"], "bad publication date"),
    (["--format", "xml"], "invalid choice"),
    (["--rules", "no/such/dir"], "--rules no/such/dir: no such file or directory"),
    (["--history", "missing.db"], "--history missing.db: no such file"),
    (["--config", "nope.toml"], "--config nope.toml: no such file"),
])
def test_usage_errors_are_one_line_exit_2(capsys, argv, needle):
    write("a.txt", "x")
    rc, out, err = run(capsys, "a.txt", *argv)
    assert rc == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and needle in err


def test_unreadable_inputs(capsys):
    write("ok.txt", "fine")
    write("pic.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00")
    rc, out, err = run(capsys, "missing.txt")
    assert rc == 2 and err.strip() == "numcheck: missing.txt: no such file or directory"
    rc, out, err = run(capsys, "pic.png")
    assert rc == 2 and "pic.png: skipped: binary file" in err
    # a mistyped path in CI must not pass: the others are still checked and reported, and the exit code is 2
    rc, out, err = run(capsys, "missing.txt", "ok.txt", "pic.png")
    assert rc == 2 and "All checks passed (1 file)." in out
    assert err.strip().splitlines() == ["numcheck: missing.txt: no such file or directory",
                                        "numcheck: pic.png: skipped: binary file (NUL bytes)"]
    write("bad.txt", "WRONG")
    rc, out, err = run(capsys, "missing.txt", "bad.txt", "--no-source")
    assert rc == 2 and out.startswith("bad.txt:1:1: NC199") and "missing.txt" in err
    rc, out, err = run(capsys, "missing.txt", "ok.txt", "--exit-zero")
    assert rc == 2, "--exit-zero forgives findings, not errors"


def test_cp1252_notice_goes_to_stderr(capsys):
    write("old.txt", "Price \u00a35 is WRONG", encoding="cp1252")
    rc, out, err = run(capsys, "old.txt")
    assert rc == 1 and "old.txt: not valid UTF-8 (line 1); read as cp1252" in err
    assert "old.txt:1:13: NC199" in out


# ---------------------------------------------------------------- inputs

def test_markdown_code_front_matter_and_offsets(capsys):
    write("d.md", "---\ntitle: WRONG\n---\n\n```\nWRONG\n```\n\nInline `WRONG` but *WRONG* here.\n")
    rc, out, _ = run(capsys, "d.md", "--no-source")
    assert out.splitlines()[0] == "d.md:9:21: NC199 [warning] WRONG found: expected nothing"
    assert out.count("NC199") == 1


def test_html_input(capsys):
    write("p.html", "<html><script>WRONG</script><p title='WRONG'>A <b>WRONG</b> one</p></html>")
    _, out, _ = run(capsys, "p.html", "--no-source")
    assert out.splitlines()[0] == "p.html:1:51: NC199 [warning] WRONG found: expected nothing"
    assert out.count("NC199") == 1


def test_stdin(capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"`WRONG` and BAD")))
    rc, out, _ = run(capsys, "-", "--no-source")
    assert rc == 1 and "<stdin>:1:2: NC199" in out and "<stdin>:1:13: NC299" in out
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"`WRONG` and BAD")))
    rc, out, _ = run(capsys, "--stdin-filename", "x.md", "--no-source")
    assert "NC199" not in out and "x.md:1:13: NC299" in out


def test_directory_walk_with_globs(capsys):
    write("docs/a.md", "WRONG")
    write("docs/b.txt", "WRONG")
    write("docs/c.py", "WRONG")
    write("docs/archive/old.md", "WRONG")
    write("docs/.hidden/x.md", "WRONG")
    write("docs/img.html", b"\x00\x01binary")
    rc, out, err = run(capsys, "docs", "--no-source")
    paths = re.findall(r"^(\S+?):\d+:\d+:", out, re.M)
    assert paths == ["docs/a.md", "docs/archive/old.md", "docs/b.txt"]
    assert "img.html: skipped: binary" in err and rc == 1
    _, out, _ = run(capsys, "docs", "--no-source", "--exclude", "archive", "--include", "*.md")
    assert re.findall(r"^(\S+?):\d+:\d+:", out, re.M) == ["docs/a.md"]


def test_progress_bar_draws_and_clears():
    buf = io.StringIO()
    p = Progress(3, stream=buf, enabled=True)
    for name in ("a", "b", "c"):
        p.step(name)
    p.close()
    assert "[##########" in buf.getvalue() and "3/3 c" in buf.getvalue() and buf.getvalue().endswith("\r\x1b[2K")
    assert Progress(100, stream=io.StringIO()).enabled is False  # not a terminal


# ---------------------------------------------------------------- dates

def test_publication_date_from_document_and_override(capsys):
    write("d.md", "---\ndate: 2025-02-01\n---\nECHO\n")
    _, out, _ = run(capsys, "d.md", "--no-source")
    assert "published 2025-02-01" in out
    _, out, _ = run(capsys, "d.md", "--no-source", "--date", "2024-08-06")
    assert "published 2024-08-06" in out


# ---------------------------------------------------------------- configuration

def test_config_file_applies_and_cli_overrides(capsys):
    write("pyproject.toml", "[tool.numcheck]\nignore = ['NC1']\nfail-on = 'error'\n"
                            "[tool.numcheck.severity]\nNC599 = 'error'\n")
    write("a.txt", "WRONG MEH")
    rc, out, _ = run(capsys, "a.txt", "--no-source")
    assert "NC199" not in out and "NC599 [error]" in out and rc == 1
    rc, out, _ = run(capsys, "a.txt", "--no-source", "--select", "NC1", "--isolated")
    assert "NC199 [warning]" in out and rc == 1
    rc, out, _ = run(capsys, "a.txt", "--no-source", "--fail-on", "info", "--ignore", "NC5")
    assert out.startswith("All checks passed") and rc == 0


def test_per_file_ignores_and_config_found_upward(capsys):
    write("site/numcheck.toml", "[per-file-ignores]\n'drafts/*' = ['NC199']\n")
    write("site/drafts/x.md", "WRONG")
    write("site/live/y.md", "WRONG")
    _, out, _ = run(capsys, "site", "--no-source")
    assert re.findall(r"^(\S+?):", out, re.M) == ["site/live/y.md"]


def test_bad_config_is_file_line_message_exit_2(capsys):
    write("numcheck.toml", "select = ['NC1']\nfail_on = 'sometimes'\n")
    write("a.txt", "WRONG")
    rc, out, err = run(capsys, "a.txt")
    assert rc == 2 and out == ""
    assert re.fullmatch(r"numcheck: error: \S*numcheck.toml:2:\d+: fail-on must be one of error, warning, info, not 'sometimes'\n", err), err


def test_explicit_config(capsys):
    write("conf/strict.toml", "fail-on = 'info'\n")
    write("a.txt", "MEH")
    assert run(capsys, "a.txt")[0] == 0
    assert run(capsys, "a.txt", "--config", "conf/strict.toml")[0] == 1


# ---------------------------------------------------------------- suppressions

def test_suppressions_and_unused_ones(capsys):
    write("s.md", "<!-- numcheck: ignore NC199 -->\nWRONG here\n\nWRONG there <!-- numcheck: ignore NC299 -->\n")
    rc, out, _ = run(capsys, "s.md", "--no-source")
    lines = out.splitlines()
    assert lines[0] == "s.md:4:1: NC199 [warning] WRONG found: expected nothing"
    assert lines[1].startswith("s.md:4:13: NC901 [warning] unused suppression in 'ignore': NC299 suppresses nothing")
    assert len(re.findall(r"^s.md:", out, re.M)) == 2 and rc == 1


def test_plain_text_directive_is_blanked_not_checked(capsys):
    write("t.txt", "# numcheck: disable NC2 -- BAD is fine in this file\nBAD\n")
    rc, out, _ = run(capsys, "t.txt")
    assert rc == 0, out


# ---------------------------------------------------------------- formats and statistics

def test_formats(capsys):
    write("a.txt", "WRONG\nBAD")
    rc, out, _ = run(capsys, "a.txt", "--format", "json")
    recs = json.loads(out)
    assert rc == 1 and [(r["path"], r["code"], r["line"]) for r in recs] == [("a.txt", "NC199", 1), ("a.txt", "NC299", 2)]
    _, out, _ = run(capsys, "a.txt", "--format", "jsonl")
    assert [json.loads(x)["code"] for x in out.splitlines()] == ["NC199", "NC299"]
    _, out, _ = run(capsys, "a.txt", "--format", "github")
    assert out.splitlines()[1] == "::error file=a.txt,line=2,col=1,endColumn=4,title=NC299::BAD found: expected nothing"
    _, out, _ = run(capsys, "a.txt", "--format", "sarif")
    log = json.loads(out)
    rules = log["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["NC199", "NC299"]
    assert rules[0]["fullDescription"]["text"].startswith("Flags WRONG.") and "Anti-pattern:" in rules[0]["help"]["text"]
    _, out, _ = run(capsys, "a.txt", "--format", "junit")
    assert out.startswith("<?xml") and 'failures="2"' in out


def test_statistics(capsys):
    write("a.txt", "WRONG WRONG BAD")
    rc, out, _ = run(capsys, "a.txt", "--statistics")
    assert rc == 1 and out.splitlines() == ["2  NC199  [warning] wrong-word", "1  NC299  [error] bad-word"]
    _, out, _ = run(capsys, "a.txt", "--statistics", "--format", "json")
    assert json.loads(out)[0] == {"code": "NC199", "name": "wrong-word", "severity": "warning", "count": 2}


def test_colour_only_on_request(capsys, monkeypatch):
    write("a.txt", "WRONG")
    assert "\x1b[" not in run(capsys, "a.txt")[1]
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\x1b[1;33mNC199\x1b[0m" in run(capsys, "a.txt")[1]
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\x1b[" not in run(capsys, "a.txt")[1]


def test_internal_error_in_a_check_is_one_line_and_exit_2(capsys, monkeypatch):
    class Boom(Check):
        code, name = "NC198", "boom"

        def run(self, ctx):
            raise RuntimeError("kaput")

    from numcheck.checks.meta import CHECKS as META

    monkeypatch.setattr(checks_pkg, "registry", lambda: (Boom(), Wrong(), *META))
    write("a.txt", "WRONG")
    rc, out, err = run(capsys, "a.txt", "--no-source")
    # the crash is a finding of its own and the other checks still ran; exit 2 because the file was not fully checked
    assert rc == 2 and err == ""
    assert sorted(out.splitlines()[:2]) == [
        "a.txt:1:1: NC199 [warning] WRONG found: expected nothing",
        "a.txt:1:1: NC900 [error] check NC198 (boom) crashed on this document, so its findings are missing: "
        "RuntimeError: kaput"]
    rc, out, err = run(capsys, "a.txt", "--no-source", "--ignore", "NC9")
    assert rc == 2 and "NC900" in out, "a crash cannot be ignored away"
    assert main(["--debug", "check", "a.txt"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("a.txt: Traceback") and "RuntimeError: kaput" in err


# ---------------------------------------------------------------- explain

def test_explain(capsys):
    assert main(["explain", "nc199"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("NC199 (wrong-word) [default severity: warning]") and "Anti-pattern:\n    This is WRONG." in out
    assert main(["explain", "bad-word"]) == 0
    assert capsys.readouterr().out.startswith("NC299 (bad-word)")
    assert main(["explain"]) == 0
    listing = capsys.readouterr().out.splitlines()
    assert [x.split()[0] for x in listing] == ["NC199", "NC299", "NC597", "NC598", "NC599"]
    assert main(["explain", "NC5"]) == 0
    assert [x.split()[0] for x in capsys.readouterr().out.splitlines()] == ["NC597", "NC598", "NC599"]
    assert main(["explain", "NC404"]) == 2
    assert "unknown code 'NC404'" in capsys.readouterr().err
    assert main(["explain", "bad-wrod"]) == 2
    assert "did you mean bad-word?" in capsys.readouterr().err


def test_input_over_the_size_limit_is_one_line(capsys, monkeypatch):
    pytest.importorskip("numcheck.limits")
    monkeypatch.setenv("NUMCHECK_MAX_BYTES", "1000")
    write("big.txt", "WRONG\n" * 1000)
    write("small.txt", "WRONG")
    rc, out, err = run(capsys, "big.txt")
    assert rc == 2 and out == "" and len(err.splitlines()) == 1
    assert err.startswith("numcheck: big.txt is ") and "limit" in err
    rc, out, err = run(capsys, "big.txt", "small.txt", "--no-source")
    assert rc == 2 and out.startswith("small.txt:1:1: NC199") and "big.txt" in err


def test_findings_quote_the_file_not_the_blanked_prose():
    from numcheck.engine import _as_in_file, read_document
    from numcheck.model import Finding, Related

    raw = "<p>It is 1,000&nbsp;km (900 miles) long.</p>"
    doc = read_document(raw, format="html")
    text = doc.prose
    s = raw.index("1,000")
    e = raw.index("km") + 2
    f = Finding("NC101", "x", "error", f"{text[s:e]} is about 621 miles", 27, 36, 1, 28,
                related=(Related(s, e, text[s:e], "converted from"), Related(0, 3, "elsewhere", "")))
    (g,) = _as_in_file([f], doc)
    assert g.message == "1,000 km is about 621 miles"
    assert g.related[0].text == "1,000&nbsp;km" and g.related[1].text == "elsewhere"
    assert _as_in_file([f], read_document(raw, format="text")) == [f]


REPO = Path(__file__).resolve().parents[1]


def test_rules_history_and_date_order_reach_the_checks(capsys):
    history = pytest.importorskip("numcheck.history")
    h = history.History("claims.db")
    getattr(h, "close", lambda: None)()
    write("a.txt", "CTX")
    _, out, _ = run(capsys, "a.txt", "--no-source")
    assert "history=NoneType dayfirst=True" in out and "russia-ukraine-war.yaml" not in out
    rules_dir = REPO / "rules" / "examples"
    if not rules_dir.is_dir():
        pytest.skip("no example rules in this checkout")
    _, out, _ = run(capsys, "a.txt", "--no-source", "--rules", str(rules_dir), "--history", "claims.db", "--month-first")
    assert "russia-ukraine-war.yaml" in out and "history=History dayfirst=False" in out
    # the same from a configuration file, with paths relative to it
    write("cfg/numcheck.toml", f"rules = [{str(rules_dir)!r}]\nhistory = '../claims.db'\ndate-format = 'month-first'\n")
    write("cfg/b.txt", "CTX")
    _, out, _ = run(capsys, "cfg/b.txt", "--no-source")
    assert "russia-ukraine-war.yaml" in out and "history=History dayfirst=False" in out
