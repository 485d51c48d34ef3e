"""Parts told in another unit of their total's measure (NC109): "seized 2.6 tonnes of cocaine, 1.75 tonnes at the port
and 850 kilogrammes at a warehouse" adds up once the kilogrammes are read as tonnes."""
from __future__ import annotations

from dataclasses import replace

from ...model import Claim
from ._parts import Sum


def in_the_totals_unit(s: Sum) -> Sum:
    """The sum with each measured part in another unit of the total's dimension restated in the total's unit (value,
    interval and precision scaled by the ratio of their base-unit factors); unchanged where none is."""
    total = s.total
    factor = _factor(total)
    if total.kind != "measure" or factor is None or all(p.unit == total.unit for p in s.parts):
        return s
    parts = tuple(_restated(p, total, factor) for p in s.parts)
    return s if parts == s.parts else replace(s, parts=parts)


def _restated(p: Claim, total: Claim, factor: float) -> Claim:
    """``p`` in the total's unit where both measure one dimension in base units alike, else ``p``."""
    own = _factor(p)
    if p.kind != "measure" or p.unit == total.unit or own is None or p.canonical is None or total.canonical is None \
            or p.canonical.unit != total.canonical.unit or not p.dimension or p.dimension != total.dimension:
        return p
    r = own / factor
    return replace(p, value=_times(p.value, r), low=_times(p.low, r), high=_times(p.high, r), unit=total.unit,
                   step=_times(p.step, r))


def _factor(c: Claim) -> float | None:
    """Base units per unit of the claim ("tonne" -> 1000 kilogram), from its value and canonical value; None where
    the value is nought or missing (no ratio to read) or the unit has an offset (temperatures are not summed)."""
    if c.value is None or c.value == 0 or c.canonical is None or c.dimension == "temperature":
        return None
    return c.canonical.value / c.value


def _times(x: float | None, r: float) -> float | None:
    return None if x is None else x * r
