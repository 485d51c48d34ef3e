"""A total one mistyped digit away from its parts' sum (NC109): where parts that may fall short of their total miss it
by what one digit of one figure, changed, would make up exactly, the figures were most likely meant to add up."""
from __future__ import annotations

from ... import numfmt as nf
from ... import tolerance as tol
from ...model import Claim

# the shortfall must be this many of the figures' coarsest rounding unit: a shortfall of a few units is what rounded
# figures told loosely leave ("spend 3.9 billion, with 2.1 billion in grants and 1.4 billion in loans"), and one of a
# few tens is one in ten by chance ("61 new drugs, 27 of them for rare diseases and 14 for cancers")
MIN_UNITS = 100


def _written(c: Claim) -> tuple[str, float] | None:
    """The digits a figure is written with ("22,300", "1.2") and the factor from them to its value (a million for
    "1.2 million"); None for a figure not written in digits, a range or a bound."""
    lay = nf.layout(c)
    if lay is None or lay.words or c.qualifier != "=" or c.point is None or c.point <= 0:
        return None
    return (lay.figure.replace(lay.sep, ",") if lay.sep else lay.figure), lay.factor


def _unit(digits: str) -> float:
    """The rounding unit of a figure as written: its last significant place ("38,500" -> 100, "1.25" -> 0.01)."""
    bare = digits.replace(",", "")
    if "." in bare:
        return 10.0 ** -len(bare.split(".")[1])
    zeros = len(bare) - len(bare.rstrip("0"))
    return 10.0 ** zeros


def _one_digit_changed(digits: str, value: float) -> bool:
    """Whether ``value``, written as ``digits`` is, differs from them in exactly one digit ("38,500" -> "39,500")."""
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    new = f"{value:,.{decimals}f}" if "," in digits else f"{value:.{decimals}f}"
    if len(new) != len(digits):
        return False
    diff = [i for i, (a, b) in enumerate(zip(digits, new)) if a != b]
    return len(diff) == 1 and new[diff[0]].isdigit()


def one_digit_off(parts: tuple[Claim, ...], total: Claim, beyond: bool = False) -> bool:
    """Whether the parts fall short of the total (or, with ``beyond``, go past it) by what one digit of one figure,
    the total or a part, changed would make up exactly (by MIN_UNITS or more of the figures' rounding, so not by the
    slack of rounded figures).  Parts past the total are read so only where the caller knows the total opens its
    list: a part of a list with the smaller parts after it ("Punjab 12.1 million tonnes, Madhya Pradesh 7.6
    million and Haryana 6.5 million") often sums past it by chance."""
    figures = (total, *parts)
    written = [_written(c) for c in figures]
    if any(w is None for w in written):
        return False
    units = [_unit(d) * k for d, k in written]  # type: ignore[misc]
    off = tol.point(total) - sum(tol.point(p) for p in parts)
    if (off if not beyond else abs(off)) < MIN_UNITS * max(units) * (1 - 1e-9):
        return False
    for c, (digits, k) in zip(figures, written):  # type: ignore[misc]
        meant = tol.point(c) - off if c is total else tol.point(c) + off
        if meant > 0 and _one_digit_changed(digits, meant / k):
            return True
    return False
