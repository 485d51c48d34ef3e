"""Figures as their digits are written, for the one-mistyped-digit readings (NC104, NC109): the digits, the factor from
them to the value, and the values the figure would have with one digit changed."""
from __future__ import annotations

from .. import numfmt as nf
from ..model import Claim


def written(c: Claim) -> tuple[str, float] | None:
    """The digits a figure is written with ("22,300", "1.2", separators as commas) and the factor from them to its
    value (a million for "1.2 million"); None for a figure in words, a range, a bound or a value of zero or less."""
    if c.qualifier != "=" or c.point is None or c.point <= 0:
        return None
    return shown(c)


def shown(c: Claim) -> tuple[str, float] | None:
    """As ``written``, for a figure whatever its qualifier ("about 40 minutes": "40"); None for one in words or a
    range."""
    lay = nf.layout(c)
    if lay is None or lay.words:
        return None
    return (lay.figure.replace(lay.sep, ",") if lay.sep else lay.figure), lay.factor


def significant(digits: str) -> int:
    """How many significant digits a figure is written with ("42.8" -> 3, "38,500" -> 3, "0.25" -> 2)."""
    bare = digits.replace(",", "").replace(".", "").lstrip("0")
    return len(bare.rstrip("0")) if "." not in digits else len(bare)


def one_digit_changed(digits: str, value: float) -> bool:
    """Whether ``value``, written as ``digits`` is, differs from them in exactly one digit ("38,500" -> "39,500")."""
    decimals = len(digits.split(".")[1]) if "." in digits else 0
    new = f"{value:,.{decimals}f}" if "," in digits else f"{value:.{decimals}f}"
    if len(new) != len(digits):
        return False
    diff = [i for i, (a, b) in enumerate(zip(digits, new)) if a != b]
    return len(diff) == 1 and new[diff[0]].isdigit()


def one_digit_variants(c: Claim) -> list[float]:
    """The values the figure would have with one of its digits changed (no leading zero); none for a figure
    ``written`` does not read."""
    w = written(c)
    if w is None:
        return []
    digits, factor = w
    out = []
    for i, ch in enumerate(digits):
        if not ch.isdigit():
            continue
        for d in "0123456789":
            if d != ch and not (i == 0 and d == "0"):
                out.append(float((digits[:i] + d + digits[i + 1:]).replace(",", "")) * factor)
    return out
