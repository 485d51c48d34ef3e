"""Tolerance: the interval a stated number allows, from its reported precision and its qualifier.

The rule, as statcheck and GRIM use it: a value is stated to its last digit, so
"7.4" allows [7.35, 7.45] and "3.5bn" allows [3.45bn, 3.55bn] (``Claim.step``
is the size of that last digit in the stated unit).  A count stated to the unit
is a whole number and exact: "3 people" is 3.  A qualifier widens it:
"about 2,000" allows the claim's own ``low``/``high`` (the extractor's
qualifier table), and an open side (``more than 10,000``) stays open.

Round numbers: "10,000" or "620 miles" usually are not exact; the writer
rounded.  ``rounded`` treats trailing zeros of a whole number as rounding to
its significant figures, but never to fewer than ``MIN_SIG`` of them: "620"
allows [615, 625], "10,000" allows [9,500, 10,500] (two figures, not one:
one-figure rounding would let 10,000 stand for anything from 5,000 to 15,000,
and writers who round that hard say "about").  Checks use ``rounded`` where a
writer is known to round (conversions, derived shares) and ``interval``
elsewhere.  Two intervals "agree" when they overlap; checks fire only when
they cannot.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Sequence

from .model import Claim

MIN_SIG = 2
INF = math.inf


@dataclass(frozen=True)
class Interval:
    """A closed interval of values; ``lo``/``hi`` may be infinite for an open side."""

    lo: float
    hi: float

    def __post_init__(self) -> None:
        if self.lo > self.hi:
            raise ValueError(f"empty interval [{self.lo}, {self.hi}]")

    def overlaps(self, other: "Interval", rel: float = 0.0) -> bool:
        """True when the two intervals share a point, after widening both by ``rel`` of their size."""
        a, b = self.widen(rel), other.widen(rel)
        return a.lo <= b.hi and b.lo <= a.hi

    def widen(self, rel: float) -> "Interval":
        if rel == 0:
            return self
        return Interval(self.lo - abs(self.lo) * rel, self.hi + abs(self.hi) * rel)

    def scale(self, factor_lo: float, factor_hi: float | None = None) -> "Interval":
        """Multiply by a positive factor (or a factor interval)."""
        fh = factor_lo if factor_hi is None else factor_hi
        cands = [self.lo * factor_lo, self.lo * fh, self.hi * factor_lo, self.hi * fh]
        cands = [0.0 if math.isnan(c) else c for c in cands]
        return Interval(min(cands), max(cands))

    def __add__(self, other: "Interval") -> "Interval":
        return Interval(self.lo + other.lo, self.hi + other.hi)

    def __sub__(self, other: "Interval") -> "Interval":
        return Interval(self.lo - other.hi, self.hi - other.lo)

    def divide(self, other: "Interval") -> "Interval | None":
        """self / other for a positive divisor; None when the divisor can be zero or negative."""
        if other.lo <= 0:
            return None
        cands = [self.lo / other.lo, self.lo / other.hi, self.hi / other.lo, self.hi / other.hi]
        cands = [c for c in cands if not math.isnan(c)]
        return Interval(min(cands), max(cands))

    @property
    def mid(self) -> float:
        if math.isinf(self.lo) or math.isinf(self.hi):
            return self.lo if not math.isinf(self.lo) else self.hi
        return (self.lo + self.hi) / 2

    def distance(self, other: "Interval") -> float:
        """How far apart two intervals are (0 when they overlap)."""
        if self.hi < other.lo:
            return other.lo - self.hi
        if other.hi < self.lo:
            return self.lo - other.hi
        return 0.0


def point(claim: Claim) -> float:
    """The claim's point value (``Claim.point``) for a claim that states one; ValueError for a date or a bare range."""
    v = claim.point
    if v is None:
        raise ValueError(f"claim {claim.text!r} has no value")
    return v


def _step(claim: Claim) -> float:
    return claim.step if claim.step and claim.step > 0 else 1.0


def _bounds(claim: Claim) -> tuple[float, float]:
    """The stated value(s): (low, high) of a range, or the point twice."""
    if claim.range and claim.low is not None and claim.high is not None:
        return claim.low, claim.high
    v = point(claim)
    return v, v


def exact(claim: Claim) -> Interval:
    """Precision only: the stated value(s) +- half the last stated digit, ignoring qualifiers."""
    lo, hi = _bounds(claim)
    step = _step(claim)
    # a count to the unit is a whole number: "3 people" is exactly 3, not 2.5-3.5
    half = 0.0 if claim.kind == "count" and step == 1 and lo == int(lo) and hi == int(hi) else step / 2
    return Interval(lo - half, hi + half)


def interval(claim: Claim) -> Interval:
    """Precision widened by the qualifier's interval (``Claim.low``/``high``); open sides are infinite."""
    base = exact(claim)
    if claim.range:
        return base
    lo, hi = base.lo, base.hi
    if claim.qualifier != "=":
        lo = -INF if claim.low is None else min(lo, claim.low)
        hi = INF if claim.high is None else max(hi, claim.high)
        if claim.qualifier in (">", ">="):
            lo = min(lo, base.lo)
        if claim.qualifier in ("<", "<="):
            hi = max(hi, base.hi)
    return Interval(lo, hi)


def summed(claims: Sequence[Claim]) -> Interval:
    """The sum of claims each read as ``interval`` reads it: what parts told together may add up to."""
    total = interval(claims[0])
    for c in claims[1:]:
        total = total + interval(c)
    return total


def sig_step(value: float, step: float, min_sig: int = MIN_SIG) -> float:
    """The rounding step of a whole number written with trailing zeros ("620" -> 10, "10,000" -> 1,000)."""
    if value == 0 or not math.isfinite(value):
        return step
    digits = int(math.floor(math.log10(abs(value)))) + 1  # digits before the point
    if value != round(value) or digits <= min_sig:
        return step
    # trailing zeros of the integer part, counted in units of the stated step
    n = round(abs(value) / step)
    zeros = 0
    while n and n % 10 == 0 and zeros < 15:
        n //= 10
        zeros += 1
    sig = digits - zeros - int(round(math.log10(step))) if step >= 1 else digits - zeros
    sig = max(sig, min_sig)
    return max(step, 10.0 ** (digits - sig))


def rounded(claim: Claim, min_sig: int = MIN_SIG, open_sides: bool = True) -> Interval:
    """Like ``interval``, but a round number is taken as rounded to its significant figures (see module doc).

    ``open_sides=False`` drops an open qualifier ("more than $150m (£80m)": the
    bracket converts the stated figure, and the "more than" applies to both).
    """
    lo, hi = _bounds(claim)
    step = _step(claim)
    s_lo = sig_step(lo, step, min_sig)
    s_hi = sig_step(hi, step, min_sig)
    base = Interval(lo - s_lo / 2, hi + s_hi / 2)
    if not open_sides and claim.qualifier in (">", ">=", "<", "<="):
        return base
    q = interval(claim)
    return Interval(min(base.lo, q.lo), max(base.hi, q.hi))


def is_exactish(claim: Claim) -> bool:
    """True when the claim states a closed value (no open side); ranges and "about" count as closed."""
    if claim.point is None:
        return False
    if claim.qualifier in (">", ">=", "<", "<="):
        return False
    return True
