"""Replays every input in tests/data/fuzz-regressions/ (kept from fuzz runs) through the entry point it broke."""
from __future__ import annotations

from pathlib import Path

import pytest

from test_robust_props import _RuleFiles, make_prop_rules, prop_check, prop_extract

DATA = Path(__file__).resolve().parent / "data" / "fuzz-regressions"
# file name -> bug id and summary (see /work/notes/robust-bugs.md); fixed bugs leave this table
OPEN: dict[str, str] = {}


def _cases(prefix: str):
    for f in sorted(DATA.glob(f"{prefix}-*")):
        marks = [pytest.mark.xfail(strict=True, reason=OPEN[f.name])] if f.name in OPEN else []
        yield pytest.param(f, id=f.name, marks=marks)


@pytest.mark.parametrize("path", list(_cases("extract")))
def test_extract_regression(path: Path) -> None:
    text = path.read_bytes().decode("utf-8", "replace")
    prop_extract(text)
    prop_check(text)


@pytest.mark.parametrize("path", list(_cases("rules")))
def test_rules_regression(path: Path, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("NUMCHECK_NO_CACHE", "1")
    make_prop_rules(_RuleFiles(tmp_path))(path.read_bytes().decode("utf-8", "replace"))


def test_regression_files_are_present() -> None:
    assert any(DATA.glob("extract-*")) and any(DATA.glob("rules-*"))
    for name in OPEN:
        assert (DATA / name).exists(), f"OPEN names a missing file: {name}"
