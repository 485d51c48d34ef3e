"""The README's shown output is what numcheck prints: the extract table and the check example, run for real."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")
EXE = str(Path(sys.executable).with_name("numcheck"))


def _block_after(command: str) -> str:
    """The console lines the README shows after ``$ command``, up to the next prompt or the end of the block."""
    start = README.index(f"$ {command}\n") + len(command) + 3
    end = min(i for i in (README.find("\n$ ", start), README.find("```", start)) if i >= 0)
    return README[start:end].strip("\n")


def test_extract_table_is_what_numcheck_prints():
    out = subprocess.run([EXE, "extract", "examples/kursk-2025-02-01.txt"], cwd=ROOT, capture_output=True,
                         text=True, timeout=120, check=True).stdout
    assert out.strip() == _block_after("numcheck extract examples/kursk-2025-02-01.txt").strip()


def test_check_example_is_what_numcheck_prints(tmp_path):
    clean = subprocess.run([EXE, "check", "examples/kursk-2025-02-01.txt", "--rules", "rules/examples"],
                           cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert clean.returncode == 0
    assert clean.stdout.strip() == _block_after("numcheck check examples/kursk-2025-02-01.txt --rules rules/examples")

    text = (ROOT / "examples" / "kursk-2025-02-01.txt").read_text(encoding="utf-8")
    for old, new in re.findall(r"s/([^/]+)/([^/]+)/", README[README.index("$ sed "):].split("\n")[0]):
        text = text.replace(old, new, 1)
    (tmp_path / "broken.txt").write_text(text, encoding="utf-8")
    broken = subprocess.run([EXE, "check", "broken.txt", "--rules", str(ROOT / "rules" / "examples")],
                            cwd=tmp_path, capture_output=True, text=True, timeout=120)
    assert broken.returncode == 1
    shown = _block_after("numcheck check broken.txt --rules rules/examples").splitlines()
    lines = broken.stdout.strip().splitlines()
    assert lines[:3] == shown[:3]          # the first finding, quoted and underlined
    assert lines[-1] == shown[-1]          # the summary


def test_code_table_is_the_registry():
    """The README's table of codes is generated (``numcheck explain --markdown``); a check added or reworded shows here."""
    out = subprocess.run([EXE, "explain", "--markdown"], cwd=ROOT, capture_output=True, text=True, timeout=120,
                         check=True).stdout
    start = README.index("| code | name | default severity | what it flags |")
    assert README[start:start + len(out)] == out, "README's code table drifted: paste `numcheck explain --markdown`"


def test_numcheck_passes_its_own_readme():
    p = subprocess.run([EXE, "check", "README.md"], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert p.returncode == 0, p.stdout + p.stderr
