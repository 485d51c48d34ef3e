"""A count of new ones that moves a running total from one level to another (NC109): "reported 14 new deaths on
Monday, bringing the total to 178 from 164", "a further 12 cases, taking the tally from 201 to 213"."""
from __future__ import annotations

import re
from dataclasses import replace

from ...model import Canonical, Claim
from .._common import gap
from ..base import Context
from ._parts import Sum, part_ok, whole_ok

# from the increment to the running total's first level: " new deaths on Monday, bringing the total to "
_BRINGING = re.compile(r"[^.;:!?\d]{0,80}?\b(?:bringing|taking|pushing|raising|lifting)\s+(?:the|its|their)\s+"
                       r"(?:[\w'\u2019-]+\s+){0,3}?(?:total|toll|tally|number|count)\b[^.;:!?\d]{0,30}?"
                       r"(?:\s(?P<first>to|from))?\s+", re.I)
# a range read as one claim: "from 4,310 to 4,522"
_FROM_TO = re.compile(r"(from\s+)(.+?)(\s+to\s+)(.+)$", re.I)


def running_from(ctx: Context, cl: list[Claim], k: int) -> Sum | None:
    """The increment ``cl[k - 1]`` with the two levels after it (``cl[k]``, ``cl[k + 1]``): the level it brings the
    total to is the level it brings it from plus the increment, exactly (not "including": the levels name the whole
    before and after)."""
    step, first = cl[k - 1], cl[k]
    m = _BRINGING.fullmatch(gap(ctx.text, step, first))
    if m is None:
        return _added_to(ctx, cl, k)
    if m.group("first") is None:
        ends = _range_ends(first)  # "taking the national tally from 4,310 to 4,522"
        if ends is None or not part_ok(step) or step.kind != first.kind or step.unit != first.unit:
            return None
        return Sum((step, ends[0]), ends[1], including=False)
    if k + 1 >= len(cl):
        return None
    second = cl[k + 1]
    if not all(part_ok(c) for c in (step, first, second)) or not whole_ok(first):
        return None
    to_first = m.group("first").lower() == "to"
    if not re.fullmatch(r"\s+from\s+" if to_first else r"\s+to\s+", gap(ctx.text, first, second)):
        return None
    if len({c.kind for c in (step, first, second)}) > 1 or len({c.unit for c in (step, first, second)}) > 1:
        return None  # "14 new deaths, bringing the total to 178 from 164": one kind and unit throughout
    after, before = (first, second) if to_first else (second, first)
    return Sum((step, before), after, including=False)


# "recorded 1,096 new dengue cases in the past week, adding to 23,421 reported earlier in the year and bringing the
# 2024 tally to 24,517"
_ADDING_TO = re.compile(r"[^.;:!?\d]{0,60}?\badd(?:ing|ed)\s+to\s+(?:the\s+)?", re.I)


def _added_to(ctx: Context, cl: list[Claim], k: int) -> Sum | None:
    """The increment ``cl[k - 1]``, added to the earlier count ``cl[k]``, bringing the total to ``cl[k + 1]``."""
    if k + 1 >= len(cl) or not _ADDING_TO.fullmatch(gap(ctx.text, cl[k - 1], cl[k])):
        return None
    step, before, after = cl[k - 1], cl[k], cl[k + 1]
    m = _BRINGING.fullmatch(gap(ctx.text, before, after))
    if m is None or (m.group("first") or "").lower() != "to" or not all(part_ok(c) for c in (step, before, after)) \
            or len({c.kind for c in (step, before, after)}) > 1 or len({c.unit for c in (step, before, after)}) > 1:
        return None
    return Sum((step, before), after, including=False)


def _range_ends(c: Claim) -> tuple[Claim, Claim] | None:
    """The two ends of a range read as one claim ("from 4,310 to 4,522"), each a claim of its own at its place, for
    a count or a sum whose canonical value is its value (not a measure, whose unit the range converts)."""
    m = _FROM_TO.fullmatch(c.text)
    if not c.range or m is None or c.low is None or c.high is None or c.kind not in ("count", "money") \
            or c.canonical is None or abs(c.canonical.value - (c.low + c.high) / 2) > 1e-9 * abs(c.canonical.value):
        return None
    a, b = c.low, c.high
    x, y = (_digits(m.group(g)) for g in (2, 4))
    if x is not None and y is not None and _SCALE.findall(m.group(2)) == _SCALE.findall(m.group(4)) and x > y:
        a, b = b, a  # the extractor sorts the ends; the text says which came first ("from 4,922 to 4,310")
    at_a, at_b = c.start + len(m.group(1)), c.start + len(m.group(1)) + len(m.group(2)) + len(m.group(3))

    def end(value: float, at: int, text: str) -> Claim:
        return replace(c, text=text, start=at, end=at + len(text), value=value, low=value, high=value, range=False,
                       canonical=Canonical(value, c.canonical.unit))  # type: ignore[union-attr]
    return end(a, at_a, m.group(2)), end(b, at_b, m.group(4))


_SCALE = re.compile(r"\b(?:thousand|million|billion|trillion|bn|m|k)\b", re.I)


def _digits(text: str) -> float | None:
    """The number a range's end is written with, before any scale word ("$275 million" -> 275)."""
    m = re.search(r"\d[\d,]*(?:\.\d+)?", text)
    return float(m.group().replace(",", "")) if m else None
