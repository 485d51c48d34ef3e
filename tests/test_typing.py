"""The quantity reader and the unit table type-check under ``mypy --strict`` (skipped where mypy is absent).

Covers numcheck/extract/ except the date reader (dates/, times.py, which another
issue owns), numcheck/units.py and numcheck/rules/units.py; imports into other
modules are followed silently, so only these files' own errors count.
"""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
EXCLUDED = ("dates", "times.py")
FILES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "numcheck" / "extract").glob("*.py")
               if p.name not in EXCLUDED) + ["numcheck/units.py", "numcheck/rules/units.py"]


def test_strict_typing_of_the_quantity_reader() -> None:
    pytest.importorskip("mypy", reason="mypy is not installed (pip install mypy to run this check)")
    run = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "--follow-imports=silent", "--no-error-summary", *FILES],
        cwd=ROOT, capture_output=True, text=True, timeout=600)
    errors = [line for line in run.stdout.splitlines() if ": error:" in line]
    assert not errors, "\n".join(errors)
