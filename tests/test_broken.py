"""The broken-text generator (bench/broken.py): it breaks exactly one pinned-down number, clearly, and the checks see it."""
from __future__ import annotations

import random
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
import broken  # noqa: E402


@pytest.mark.parametrize("surface", ["£481.5m", "1,000km", "12.9%", "$6.3bn", "7,613", "0.25%"])
def test_break_number_moves_the_leading_digit_enough(surface: str) -> None:
    rng = random.Random(1)
    for _ in range(20):
        out = broken.break_number(surface, rng)
        assert out is not None and out != surface
        old = float(broken._DIGITS.search(surface).group(0).replace(",", ""))
        new = float(broken._DIGITS.search(out).group(0).replace(",", ""))
        assert max(new / old, old / new) >= broken.MIN_MOVE
        assert broken._DIGITS.sub("", out) == broken._DIGITS.sub("", surface)  # format kept


def test_break_number_without_digits() -> None:
    assert broken.break_number("five", random.Random(0)) is None


TEXT = ("The firm earned $630m (£340m) in the quarter. Profits rose 12% from £187m to £210m. "
        "It cut 10% of its 5,000 staff, or 500 people. The families of 40 victims met. "
        "The families of the 40 victims spoke.")


def test_sites_and_cases_find_each_kind() -> None:
    from numcheck.extract import extract

    kinds = {k for k, _ in broken.sites(TEXT, extract(TEXT))}
    assert {"conversion", "change", "percentage", "repeat"} <= kinds
    cases = broken.make_cases([TEXT], seed=3, per_article=5)
    assert {c.kind for c in cases} == kinds
    for c in cases:
        assert c.text[c.start:c.end] == c.broken and c.text != TEXT
        assert c.text[:c.start] == TEXT[:c.start]


def test_checks_catch_the_generated_breaks() -> None:
    from numcheck import check

    before = {(f.code, f.message) for f in check(TEXT, published="2005-01")}
    assert not before
    cases = broken.make_cases([TEXT], seed=3, per_article=5)
    caught = {c.kind for c in cases if broken.caught(c, check(c.text, published="2005-01"), before)}
    assert {"conversion", "change", "percentage", "repeat"} <= caught
