"""numcheck.tolerance: intervals from stated precision, qualifiers and rounding (the rule every NC1xx check relies on)."""
from __future__ import annotations

import math

import pytest

from numcheck import tolerance as tol
from numcheck.model import Claim


_SAME = object()


def claim(text: str, value: float, step: float = 1.0, kind: str = "measure", qualifier: str = "=",
          low=_SAME, high=_SAME, rng: bool = False) -> Claim:
    """A hand-built claim; ``low``/``high`` default to the value (None is an open side)."""
    return Claim(text=text, start=0, end=len(text), kind=kind, value=None if rng else value,
                 low=value if low is _SAME else low, high=value if high is _SAME else high,
                 range=rng, qualifier=qualifier, step=step)


def test_precision_interval_is_half_the_last_digit_either_side() -> None:
    iv = tol.interval(claim("7.4", 7.4, 0.1))
    assert iv.lo == pytest.approx(7.35) and iv.hi == pytest.approx(7.45)
    iv = tol.interval(claim("3.5bn", 3.5e9, 1e8, kind="money"))
    assert iv.lo == pytest.approx(3.45e9) and iv.hi == pytest.approx(3.55e9)


def test_whole_counts_are_exact() -> None:
    iv = tol.interval(claim("3", 3, 1, kind="count"))
    assert iv.lo == iv.hi == 3


def test_qualifier_widens_and_open_sides_are_infinite() -> None:
    iv = tol.interval(claim("about 2,000", 2000, 1, kind="count", qualifier="~", low=1800, high=2200))
    assert (iv.lo, iv.hi) == (1800, 2200)
    iv = tol.interval(claim("more than 10,000", 10000, 1, kind="count", qualifier=">", low=10000, high=None))
    assert iv.lo == 10000 and math.isinf(iv.hi)


def test_range_claim_covers_both_ends() -> None:
    iv = tol.interval(claim("5-7 km", 0, 1, rng=True, low=5, high=7))
    assert (iv.lo, iv.hi) == (4.5, 7.5)


@pytest.mark.parametrize("value,step,expected", [
    (620, 1, 10),          # two significant figures
    (10000, 1, 1000),      # never fewer than two: 9,500-10,500, not 5,000-15,000
    (1000, 1, 100),
    (42, 1, 1),            # nothing to round
    (3.5e9, 1e8, 1e8),     # the stated digit already says it
    (5e9, 1e9, 1e9),
    (7.4, 0.1, 0.1),
])
def test_sig_step(value: float, step: float, expected: float) -> None:
    assert tol.sig_step(value, step) == pytest.approx(expected)


def test_rounded_reads_round_numbers_as_rounded() -> None:
    iv = tol.rounded(claim("620 miles", 620))
    assert (iv.lo, iv.hi) == (615, 625)
    iv = tol.rounded(claim("1,000km", 1000))
    assert (iv.lo, iv.hi) == (950, 1050)


def test_rounded_can_drop_an_open_qualifier() -> None:
    c = claim("more than $150m", 150e6, 1e6, kind="money", qualifier=">", low=150e6, high=None)
    assert math.isinf(tol.rounded(c).hi)
    iv = tol.rounded(c, open_sides=False)
    assert iv.lo == pytest.approx(145e6) and iv.hi == pytest.approx(155e6)


def test_interval_arithmetic() -> None:
    a, b = tol.Interval(1, 2), tol.Interval(3, 5)
    assert (a + b) == tol.Interval(4, 7)
    assert (b - a) == tol.Interval(1, 4)
    assert b.divide(a) == tol.Interval(1.5, 5)
    assert a.divide(tol.Interval(0, 1)) is None
    assert not a.overlaps(b)
    assert a.overlaps(tol.Interval(2.05, 3), rel=0.05)
    assert a.distance(b) == 1
    with pytest.raises(ValueError):
        tol.Interval(2, 1)
