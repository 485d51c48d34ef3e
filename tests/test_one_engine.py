"""One engine: the library, the frames, Dask, the CLI and ``history add`` read a document the same way and agree.

Each draft has front matter or a meta tag (the publication date), code that is
full of wrong figures (which must not be read), an inline suppression, and real
inconsistencies outside the code.
"""
from __future__ import annotations

import json
import os
import subprocess
import sys
import warnings
from pathlib import Path

import pandas as pd
import pytest

import numcheck
from numcheck.checks.base import Check
from numcheck.table import RowSkipped

SCRIPT = Path(sys.executable).with_name("numcheck")

MARKDOWN = """---
title: Kursk draft
date: 2025-02-03
---

# North Korean troops pulled back

The front is 1,000km (900 miles) long.

The troops left on Friday 3 February 2025.

```text
The front is 1,000km (900 miles); they left on Friday 3 February 2025.
```

Inline code is not prose either: `1,000km (900 miles)`.

<!-- numcheck: ignore NC101 -->
The old line was 500km (900 miles) long.

Two weeks ago, on Monday 20 January, the line held.
"""

HTML = """<!doctype html>
<html><head><meta property="article:published_time" content="2025-02-03T08:00:00Z"></head>
<body>
<p>The front is 1,000km (900 miles) long.</p>
<p>The troops left on Friday 3 February 2025.</p>
<pre>The front is 1,000km (900 miles); Friday 3 February 2025.</pre>
<p>Inline <code>1,000km (900 miles)</code> is code.</p>
<!-- numcheck: ignore NC101 -->
<p>The old line was 500km (900 miles) long.</p>
<p>Two weeks ago, on Monday 20 January, the line held.</p>
</body></html>
"""

DRAFTS = {"draft.md": MARKDOWN, "draft.html": HTML}


def keyed(findings: list) -> list[tuple]:
    """What must agree between entry points: code, span, line, column and message."""
    return [(f["code"], f["start"], f["end"], f["line"], f["col"], f["message"]) if isinstance(f, dict)
            else (f.code, f.start, f.end, f.line, f.col, f.message) for f in findings]


@pytest.mark.parametrize("name", DRAFTS)
def test_the_library_reads_markup_dates_and_suppressions(name):
    text = DRAFTS[name]
    found = numcheck.check(text, path=name)
    codes = sorted({f.code for f in found})
    assert codes == ["NC101", "NC201"], [(f.code, f.line, f.message) for f in found]
    lines = text.splitlines()
    for f in found:  # nothing from the code block, the inline code or the suppressed paragraph
        assert "```" not in lines[f.line - 1] and "<pre>" not in lines[f.line - 1]
        assert "`1,000km" not in lines[f.line - 1] and "500km" not in lines[f.line - 1]
    # the weekday is checked against the date the document states (2025): 3 February 2025 is a Monday
    assert any(f.code == "NC201" and "Monday" in f.message for f in found)
    # the same text named by format, and a Markdown draft passed as a bare string, read the same
    fmt = "markdown" if name.endswith(".md") else "html"
    assert keyed(numcheck.check(text, format=fmt)) == keyed(found)
    assert keyed(numcheck.check(text)) == keyed(found)


@pytest.mark.skipif(not SCRIPT.exists(), reason=f"console script not installed at {SCRIPT}")
@pytest.mark.parametrize("name", DRAFTS)
def test_library_frames_dask_and_cli_give_the_same_findings(name, tmp_path):
    text = DRAFTS[name]
    (tmp_path / name).write_text(text, encoding="utf-8")
    fmt = "markdown" if name.endswith(".md") else "html"
    library = keyed(numcheck.check(text, path=name, config={}))
    assert library

    df = pd.DataFrame({"id": [name], "text": [text]})
    frame = numcheck.findings_frame(df, text="text", id="id", format=fmt)
    assert keyed(frame.drop(columns=["id"]).to_dict("records")) == library

    import dask.dataframe as dd

    from numcheck import dask as nc_dask

    lazy = nc_dask.findings_frame(dd.from_pandas(df, npartitions=1), text="text", id="id", format=fmt)
    assert keyed(lazy.compute(scheduler="synchronous").drop(columns=["id"]).to_dict("records")) == library

    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    p = subprocess.run([str(SCRIPT), "check", "--isolated", "--format", "json", name], cwd=tmp_path,
                       capture_output=True, text=True, env=env, timeout=120)
    assert p.returncode == 1, p.stderr
    assert keyed(json.loads(p.stdout)) == library


def test_claims_frame_reads_markup_like_check():
    df = pd.DataFrame({"text": [MARKDOWN]})
    claims = numcheck.claims_frame(df, format="markdown")
    assert "1,000km" in set(claims.text) and claims.start.min() > MARKDOWN.index("# North")
    code_block = MARKDOWN.index("```text")
    assert not ((claims.start > code_block) & (claims.start < MARKDOWN.index("Inline code"))).any()
    # the front matter's date anchors relative dates: "Friday 3 February 2025" is read against 2025-02-03
    assert "2025-02-03" in set(claims.timex)


@pytest.mark.parametrize("name", DRAFTS)
def test_history_add_stores_the_date_from_front_matter_or_meta(name, tmp_path):
    (tmp_path / name).write_text(DRAFTS[name], encoding="utf-8")
    db = tmp_path / "h.db"
    p = subprocess.run([str(SCRIPT), "history", "add", "--db", str(db), str(tmp_path / name)],
                       capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stderr
    with numcheck.History(db) as h:
        reports = h.reports()
        assert list(reports.published) == ["2025-02-03"]
        stored = h.claims()
    assert "1,000km" in set(stored.text)
    assert "500km" in set(stored.text), "a suppression silences findings, not claims"
    code_claims = stored[stored.sentence.str.contains("Friday 3 February 2025.", regex=False)
                         & stored.sentence.str.contains(";", regex=False)]
    assert code_claims.empty, "claims inside code are not stored"


def test_a_crashing_check_is_one_nc900_and_the_others_still_run(monkeypatch):
    import numcheck.checks as checks

    class Boom(Check):
        code, name = "NC109", "parts-total-mismatch"

        def run(self, ctx):
            raise ZeroDivisionError("division by zero")

    real = checks.registry()
    monkeypatch.setattr(checks, "registry", lambda: tuple(c for c in real if c.code != "NC109") + (Boom(),))
    found = numcheck.check("The front is 1,000km (900 miles) long.")
    assert [f.code for f in found] == ["NC101", "NC900"] or [f.code for f in found] == ["NC900", "NC101"]
    crash = next(f for f in found if f.code == "NC900")
    assert crash.severity == "error" and "NC109" in crash.message and "ZeroDivisionError" in crash.message
    assert "Traceback" in crash.evidence["traceback"]


def test_a_bad_row_is_skipped_with_a_warning_naming_it():
    df = pd.DataFrame({"id": ["a", "b", "c"],
                       "text": ["It rose 5% to 21 in 2024.", "The front is 1,000km long.", "It fell 3%."],
                       "date": ["2025-02-01", "not a date", None]})
    with pytest.warns(RowSkipped, match=r"id 'b': bad publication date 'not a date'"):
        claims = numcheck.claims_frame(df, text="text", published="date", id="id")
    assert set(claims.id) == {"a", "c"}
    with pytest.warns(RowSkipped, match="id 'b'"):
        findings = numcheck.findings_frame(df, text="text", published="date", id="id")
    assert "b" not in set(findings.id)
    odd = pd.DataFrame({"text": ["5 km", 12345]})
    with pytest.warns(RowSkipped, match=r"row 1: the 'text' cell is a int, not text"):
        assert list(numcheck.claims_frame(odd).id) == [0]


@pytest.mark.skipif(not SCRIPT.exists(), reason=f"console script not installed at {SCRIPT}")
def test_history_import_skips_a_bad_row_and_says_which(tmp_path):
    table = tmp_path / "reports.csv"
    pd.DataFrame({"story": ["s1", "s2", "s3"],
                  "text": ["Ten people died.", "Twelve people died.", "Fifteen people died."],
                  "date": ["2025-02-01", "31/02/2025", "2025-02-03"]}).to_csv(table, index=False)
    db = tmp_path / "h.db"
    p = subprocess.run([str(SCRIPT), "history", "import", "--db", str(db), str(table), "--date-col", "date",
                        "--id-col", "story", "--no-progress"], capture_output=True, text=True, timeout=120)
    assert p.returncode == 2
    assert "story 's2': bad publication date '31/02/2025'" in p.stderr and "row skipped" in p.stderr
    with numcheck.History(db) as h:
        assert sorted(h.reports().published) == ["2025-02-01", "2025-02-03"]


@pytest.mark.skipif(not SCRIPT.exists(), reason=f"console script not installed at {SCRIPT}")
@pytest.mark.parametrize("output, ok", [("out.xlsx", False), ("out", False), ("out.csv", True),
                                        ("out.jsonl", True), ("out.parquet", True)])
def test_history_export_takes_its_format_from_the_suffix(tmp_path, output, ok):
    db = tmp_path / "h.db"
    with numcheck.History(db) as h:
        h.add("Ten people died on Friday.", published="2025-02-01")
    p = subprocess.run([str(SCRIPT), "history", "export", "--db", str(db), "-o", str(tmp_path / output)],
                       capture_output=True, text=True, timeout=120)
    if not ok:
        assert p.returncode == 2 and "use .csv, .jsonl or .parquet" in p.stderr
        assert not (tmp_path / output).exists()
        return
    assert p.returncode == 0, p.stderr
    reader = {".csv": pd.read_csv, ".jsonl": lambda f: pd.read_json(f, lines=True), ".parquet": pd.read_parquet}
    back = reader[Path(output).suffix](tmp_path / output)
    assert "Ten" in set(back.text)


def test_select_by_name_and_unknown_codes_in_the_api():
    text = "The front is 1,000km (900 miles) long."
    assert [f.code for f in numcheck.check(text, config={"select": ["unit-conversion-mismatch"]})] == ["NC101"]
    with pytest.raises(ValueError, match=r"unknown code 'NC999'"):
        numcheck.check(text, config={"select": ["NC999"]})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert numcheck.check(text, config={"ignore": ["NC1"]}) == []
