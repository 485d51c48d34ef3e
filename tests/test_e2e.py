"""End to end: the installed ``numcheck`` console script on a Markdown draft, as an editor or CI would run it.

The draft has front matter, a code block full of numbers that must be ignored,
a suppressed paragraph, and real inconsistencies: a share of voters above
100% (NC302, core rules) always; a km/miles conversion that does not hold
(NC1xx) and a weekday that does not fit its date (NC2xx) are asserted whenever
checks with those codes are registered (they are: NC101 and NC201 fire).
The suppression is a blanket one so that whichever check flags "150% of voters"
(NC302 today) the paragraph stays quiet and the directive counts as used.
"""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).with_name("numcheck")
from shared import SARIF_SCHEMA as SCHEMA

pytestmark = pytest.mark.skipif(not SCRIPT.exists(), reason=f"console script not installed at {SCRIPT}")

DRAFT = """---
title: Kursk draft
date: 2025-02-03
---

# North Korean troops pulled back

About 120% of voters backed the plan.

The front is 1,000km (900 miles) long.

The troops left on Friday 3 February 2025.

```text
About 130% of voters; the front is 1,000km (900 miles); on Friday 3 February 2025
```

<!-- numcheck: ignore -->
About 150% of voters backed the old plan.

The line is 1,000km (620 miles) long and about 40% of voters agree.
"""
# line numbers in DRAFT, 1-based
SHARE, CONVERSION, WEEKDAY, CODE_BLOCK, SUPPRESSED = 8, 10, 12, 15, 19

CLEAN = """---
date: 2025-02-03
---

About 40% of voters backed the plan.

```
About 130% of voters; 1,000km (900 miles)
```

<!-- numcheck: ignore -->
About 150% of voters backed the old plan.
"""


def numcheck(cwd: Path, *args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("FORCE_COLOR", "NO_COLOR")}
    return subprocess.run([str(SCRIPT), *args], cwd=cwd, capture_output=True, text=True, env=env,
                          input=stdin, timeout=120)


@pytest.fixture(scope="module")
def registered() -> set[str]:
    out = subprocess.run([str(SCRIPT), "explain"], capture_output=True, text=True, timeout=120).stdout
    return {line.split()[0] for line in out.splitlines() if line.strip()}


@pytest.fixture
def draft(tmp_path: Path) -> Path:
    (tmp_path / "draft.md").write_text(DRAFT, "utf-8")
    return tmp_path


def _expected(registered: set[str]) -> dict[int, str]:
    """Line -> code prefix that must be reported there, given the checks this build has."""
    want = {SHARE: "NC302"}
    if any(c.startswith("NC1") for c in registered):
        want[CONVERSION] = "NC1"
    if any(c.startswith("NC2") for c in registered):
        want[WEEKDAY] = "NC2"
    return want


def test_text_output_and_exit_code(draft, registered):
    proc = numcheck(draft, "check", "draft.md")
    assert proc.returncode == 1, proc.stderr
    assert proc.stderr == ""
    heads = re.findall(r"^draft\.md:(\d+):(\d+): (NC\d{3}) \[(\w+)\] (.+)$", proc.stdout, re.M)
    lines = {int(h[0]) for h in heads}
    for line, prefix in _expected(registered).items():
        assert any(int(h[0]) == line and h[2].startswith(prefix) for h in heads), (line, prefix, proc.stdout)
    # nothing from the front matter, the code block or the suppressed paragraph
    assert not lines & {1, 2, 3, 4, CODE_BLOCK, SUPPRESSED}, proc.stdout
    # the NC302 finding is quoted with its span underlined
    assert "draft.md:8:1: NC302 [error]" in proc.stdout
    assert "  8 | About 120% of voters backed the plan." in proc.stdout
    assert re.search(r"^ {4}\| \^{5,}", proc.stdout, re.M)
    assert re.search(r"^Found \d+ findings? \(", proc.stdout, re.M)


def test_json_and_jsonl(draft, registered):
    proc = numcheck(draft, "check", "draft.md", "--format", "json")
    assert proc.returncode == 1
    recs = json.loads(proc.stdout)
    assert all(r["path"] == "draft.md" for r in recs)
    share = [r for r in recs if r["code"] == "NC302"]
    assert len(share) == 1
    r = share[0]
    assert (r["line"], r["col"], r["severity"], r["name"]) == (8, 1, "error", "impossible-value")
    assert DRAFT[r["start"]:r["end"]].startswith("About 120%")
    assert {x["line"] for x in recs}.isdisjoint({CODE_BLOCK, SUPPRESSED})
    assert {r["line"] for r in recs} >= set(_expected(registered))
    jl = numcheck(draft, "check", "draft.md", "--format", "jsonl")
    assert [json.loads(x) for x in jl.stdout.splitlines()] == recs


def test_sarif_is_schema_valid(draft):
    jsonschema = pytest.importorskip("jsonschema")
    proc = numcheck(draft, "check", "draft.md", "--format", "sarif")
    assert proc.returncode == 1
    log = json.loads(proc.stdout)
    if not SCHEMA.is_file():
        pytest.skip(f"SARIF schema not found at {SCHEMA} (../shared is not beside the repo)")
    schema = json.loads(SCHEMA.read_text("utf-8"))
    jsonschema.Draft4Validator(schema).validate(log)
    run = log["runs"][0]
    rule_ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert "NC302" in rule_ids
    nc302 = run["tool"]["driver"]["rules"][rule_ids.index("NC302")]
    assert nc302["name"] == "impossible-value" and nc302["fullDescription"]["text"]
    res = [x for x in run["results"] if x["ruleId"] == "NC302"][0]
    loc = res["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "draft.md"
    assert loc["region"]["startLine"] == 8 and loc["region"]["startColumn"] == 1
    assert res["level"] == "error" and rule_ids[res["ruleIndex"]] == "NC302"


def test_github_annotations(draft):
    proc = numcheck(draft, "check", "draft.md", "--format", "github")
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert all(re.match(r"^::(error|warning|notice) file=draft\.md,line=\d+,col=\d+,(endLine=\d+,)?endColumn=\d+,title=NC\d{3}::", x) for x in lines), lines
    share = [x for x in lines if "title=NC302" in x]
    assert len(share) == 1 and share[0].startswith("::error file=draft.md,line=8,col=1,endColumn=")
    # messages are escaped: no raw newlines, and '%' in the message is %25
    assert "120%25" in share[0] or "%" not in share[0].split("::", 2)[2].replace("%25", "")


def test_clean_draft_exits_0_and_suppression_is_used(tmp_path):
    (tmp_path / "clean.md").write_text(CLEAN, "utf-8")
    proc = numcheck(tmp_path, "check", "clean.md")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout == "All checks passed (1 file).\n"


def test_unused_suppression_is_reported(tmp_path):
    (tmp_path / "u.md").write_text("<!-- numcheck: ignore NC302 -->\nAbout 40% of voters agree.\n", "utf-8")
    proc = numcheck(tmp_path, "check", "u.md", "--format", "json")
    recs = json.loads(proc.stdout)
    assert [(r["code"], r["line"], r["col"]) for r in recs] == [("NC901", 1, 1)]
    assert proc.returncode == 1
    assert numcheck(tmp_path, "check", "u.md", "--ignore", "NC901").returncode == 0


def test_stdin_and_fail_level(draft):
    proc = numcheck(draft, "check", "-", "--stdin-filename", "draft.md", "--select", "NC302", "--format", "jsonl",
                    stdin=DRAFT)
    assert [json.loads(x)["line"] for x in proc.stdout.splitlines()] == [SHARE]
    assert proc.returncode == 1
    # NC302 is an error; demoted to info by config it no longer fails a warning-level gate
    (draft / "numcheck.toml").write_text('select = ["NC302"]\n[severity]\nNC302 = "info"\n', "utf-8")
    proc = numcheck(draft, "check", "draft.md")
    assert proc.returncode == 0 and "NC302 [info]" in proc.stdout
    assert numcheck(draft, "check", "draft.md", "--fail-on", "info").returncode == 1


def test_input_and_usage_errors_exit_2(draft):
    proc = numcheck(draft, "check", "missing.md")
    assert proc.returncode == 2 and proc.stdout == ""
    assert proc.stderr == "numcheck: missing.md: no such file or directory\n"
    (draft / "numcheck.toml").write_text("selekt = ['NC1']\n", "utf-8")
    proc = numcheck(draft, "check", "draft.md")
    assert proc.returncode == 2
    assert re.search(r"numcheck\.toml:1:\d+: unknown key 'selekt' \(did you mean 'select'\?\)$", proc.stderr.strip()), proc.stderr
    assert len(proc.stderr.splitlines()) == 1


def test_explain(registered):
    assert "NC302" in registered and "NC901" in registered
    proc = subprocess.run([str(SCRIPT), "explain", "NC302"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0 and proc.stdout.startswith("NC302 (impossible-value)")


def test_extract_reads_prose_only(draft):
    proc = numcheck(draft, "extract", "draft.md", "--format", "jsonl")
    assert proc.returncode == 0, proc.stderr
    claims = [json.loads(x) for x in proc.stdout.splitlines()]
    texts = [c["text"] for c in claims]
    assert any(t.startswith("About 120%") for t in texts)
    assert not any("130%" in t for t in texts)  # in the code block
    assert all(DRAFT[c["start"]:c["end"]] == c["text"] for c in claims)
    assert not any(DRAFT.count("\n", 0, c["start"]) + 1 in (1, 2, 3, 4, CODE_BLOCK) for c in claims)
    csv_out = numcheck(draft, "extract", "draft.md", "--format", "csv").stdout
    assert csv_out.splitlines()[0].startswith("path,text,start,end,kind")


def test_pre_commit_hooks_file():
    yaml = pytest.importorskip("yaml")
    root = Path(__file__).resolve().parents[1]
    hooks = yaml.safe_load((root / ".pre-commit-hooks.yaml").read_text("utf-8"))
    by_id = {h["id"]: h for h in hooks}
    assert set(by_id) == {"numcheck", "numcheck-github"}
    for h in hooks:
        assert h["language"] == "python" and h["entry"].startswith("numcheck check")
        files = re.compile(h["files"])
        assert all(files.search(f) for f in ("a.md", "b/c.markdown", "d.html", "e.htm", "f.txt", "g.mdx"))
        assert not any(files.search(f) for f in ("a.py", "b.yaml", "c.mdown.bak"))
    assert by_id["numcheck-github"]["entry"].endswith("--format github")


@pytest.mark.slow
def test_startup_benchmark_runs():
    root = Path(__file__).resolve().parents[1]
    proc = subprocess.run([sys.executable, str(root / "bench" / "startup.py"), "--runs", "1", "--target", "1000"],
                          capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert re.search(r"ratio of medians [\d.]+x, of minimums [\d.]+x \(target <= 1000x\): PASS", proc.stdout)
