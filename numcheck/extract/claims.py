"""The claim builder: a finished ``Draft`` -> a ``Claim`` with its kind, unit name, canonical value and subject.

The one place a quantity claim is made, so every stage only finds parts and the
rules that turn parts into a claim (money per unit is a compound unit, an age is
a duration in years, a fraction has no unit) are read in one function.
"""
from __future__ import annotations

import math

from ..model import Canonical, Claim
from ..units import Unit
from . import cues
from .dates.durations import duration_timex
from .parts import Draft, Scan
from .per import after_noun_phrase
from .subjects import subject_before, subject_span


def build(scan: Scan, d: Draft) -> Claim | None:
    """The claim the draft describes, or None when its values overflow ("1e300bn")."""
    value, low, high, step = d.value, d.low, d.high, d.step
    if d.factor != 1.0:  # "50p" -> 0.5 GBP
        value, low, high = _times(value, d.factor), _times(low, d.factor), _times(high, d.factor)
        step *= d.factor
    if value is not None and not math.isfinite(value) or low is not None and not math.isfinite(low) \
            or high is not None and not math.isfinite(high):
        return None  # "1e300bn": beyond any float a claim can hold
    subject, subject_end = ("", d.end) if d.multiplier else subject_span(
        scan.text, d.end, scan.lx, allow_of=True, one=d.bare and value == 1 and not d.is_range)
    if subject:
        d = after_noun_phrase(scan, d, subject_end)  # "12,000 Corolla hatchbacks a year"
    per = d.after.per if d.after else None
    kind, unit_name, canonical, dimension = _kind_and_unit(scan, d, _point(value, low, high), per)
    claim_timex = None
    if kind in ("duration", "age") and d.unit is not None and d.unit.kind == "duration":
        # TimeML reads an age as a duration too: "a 22-year-old" is P22Y
        claim_timex = d.timex or duration_timex([(d.unit.name, value)], d.num.vague)
    if d.qualifier == "=" and not d.is_range and value is not None:
        low = high = value
    if not subject and not d.multiplier:
        subject = subject_before(scan.text, d.start, scan.lx)
    return Claim(
        text=scan.text[d.start:d.end], start=d.start, end=d.end, kind=kind, value=value, low=low, high=high,
        range=d.is_range, qualifier=d.qualifier, change=d.change, unit=unit_name, canonical=canonical,
        subject=subject, timex=claim_timex, step=step,
        dimension=dimension,
    )


def build_idiom(scan: Scan, d: Draft, unit: Unit, value: float) -> Claim | None:
    """ "absolute zero": a measure the words themselves state."""
    return build(scan, d.evolve(value=value, low=value, high=value, step=1.0, unit=unit))


def _times(x: float | None, factor: float) -> float | None:
    """``x`` in the major unit, to 15 significant digits: 74.9 pence -> 0.749 pounds, not 0.7490000000000001."""
    return None if x is None else float(f"{x * factor:.15g}")


def _point(value: float | None, low: float | None, high: float | None) -> float | None:
    """The value if stated, else the middle of the interval, else its closed side."""
    if value is not None:
        return value
    if low is not None and high is not None:
        return (low + high) / 2
    return low if low is not None else high


# a percentage's unit -> (factor to its base, base): 25 basis points are 0.25 percentage points
_PERCENTS = {"percent": (0.01, "dimensionless"), "percentage_point": (1.0, "percentage_point"),
             "basis_point": (0.01, "percentage_point")}


def _kind_and_unit(scan: Scan, d: Draft, point: float | None, per: Unit | None) -> tuple[str, str, Canonical | None, str]:
    """(kind, unit name, canonical value, dimension) from the parts found."""
    if d.currency:
        code = cues.currency(scan.text, d.start, d.end, d.currency)
        name, base = (per.name, per.base) if per else (code, code)
        if code != d.currency:  # "francs" in French copy: the rate's numerator too
            name, base = name.replace(d.currency, code, 1), base.replace(d.currency, code, 1)
        canonical = Canonical(point * (per.factor if per else 1.0), base) if point is not None else None
        return "money", name, canonical, "currency"
    if d.percent:
        factor, base = _PERCENTS[d.percent]
        amount = None if point is None else point * factor
        if per is not None:  # "0.5% a month": percent / month
            name = d.percent + per.name[1:]
            base = per.base if base == "dimensionless" else base + per.base[1:]
            amount = None if amount is None else amount * per.factor
            return "percent", name, None if amount is None else Canonical(amount, base), ""
        return "percent", d.percent, None if amount is None else Canonical(amount, base), ""
    if d.unit is not None:
        canonical = Canonical(d.unit.to_base(point), d.unit.base) if point is not None else None
        kind = "age" if d.age else "duration" if d.unit.kind == "duration" else "count" if d.unit.name.startswith("1 / ") \
            else "measure"  # "12,000 times a minute", "15 per constituency": a count per something
        return kind, d.unit.name, canonical, d.unit.dimension
    canonical = Canonical(point, "") if point is not None else None
    return ("fraction" if d.num.fraction else "count"), "", canonical, ""
