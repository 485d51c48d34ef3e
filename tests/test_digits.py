"""The one-mistyped-digit helpers (numcheck/checks/_digits.py) that NC104 and NC109 read figures with."""
from __future__ import annotations

import pytest

from numcheck import extract
from numcheck import tolerance as tol
from numcheck.checks._digits import one_digit_changed, one_digit_variants, significant, written


def _claim(text: str):
    return next(c for c in extract(text) if c.point is not None)


@pytest.mark.parametrize("text, digits, factor", [
    ("22,300 runners", "22,300", 1.0),
    ("1.2 million people", "1.2", 1e6),
    ("$3.5bn", "3.5", 1e9),
])
def test_written_reads_the_digits_and_their_factor(text: str, digits: str, factor: float) -> None:
    assert written(_claim(text)) == (digits, factor)


@pytest.mark.parametrize("text", ["five people", "about 300 people", "between 20 and 30 people"])
def test_written_leaves_out_words_bounds_and_ranges(text: str) -> None:
    assert written(_claim(text)) is None


@pytest.mark.parametrize("digits, expected_unit, sig", [
    ("38,500", 100.0, 3), ("1.25", 0.01, 3), ("0.25", 0.01, 2), ("100", 100.0, 1), ("42.8", 0.1, 3),
])
def test_rounding_unit_and_significant_digits(digits: str, expected_unit: float, sig: int) -> None:
    c = _claim(f"{digits} tonnes")  # the one-digit readings take a figure's last significant place from tolerance
    assert tol.sig_step(tol.point(c), c.step or 1.0, min_sig=1) == pytest.approx(expected_unit)
    assert significant(digits) == sig


@pytest.mark.parametrize("digits, value, expected", [
    ("38,500", 39500, True),    # one digit
    ("38,500", 39600, False),   # two digits
    ("9,500", 10500, False),    # another length
    ("42.8", 82.8, True),
    ("42.8", 42.8, False),      # no change
])
def test_one_digit_changed(digits: str, value: float, expected: bool) -> None:
    assert one_digit_changed(digits, value) is expected


def test_variants_change_one_digit_and_never_lead_with_zero() -> None:
    variants = one_digit_variants(_claim("47 people"))
    assert 97 in variants and 40 in variants and 7 not in variants
    assert len(variants) == 8 + 9
