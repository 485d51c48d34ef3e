"""A count of new ones that moves a running total from one level to another (NC109): "reported 14 new deaths on
Monday, bringing the total to 178 from 164", "a further 12 cases, taking the tally from 201 to 213"."""
from __future__ import annotations

import re
from dataclasses import replace

from ...model import Canonical, Claim
from .._common import gap
from ..base import Context
from ._lists import counts_alike
from ._parts import RUNNING_TOTAL, Sum, clause_ends, part_ok, whole_ok

# from the increment to the running total's first level: " new deaths on Monday, bringing the total to "
_BRINGING = re.compile(r"[^.;:!?\d]{0,80}?\b" + RUNNING_TOTAL + r"[^.;:!?\d]{0,30}?(?:\s(?P<first>to|from))?\s+",
                       re.I)
# a range read as one claim: "from 4,310 to 4,522"
_FROM_TO = re.compile(r"(from\s+)(.+?)(\s+to\s+)(.+)$", re.I)
# the word that says the count is of new ones, added to the total (not "freed 40 prisoners, taking the number held
# from 250 to 210", a fall): before it ("a further 12 cases") or after it ("14 new deaths", "adding to")
_NEW = re.compile(r"\b(?:new|more|additional|further|fresh|another|add(?:ing|ed)\s+to)\b", re.I)


def running_from(ctx: Context, cl: list[Claim], k: int) -> Sum | None:
    """A count of new ones ``cl[k - 1]`` with the levels of the running total it moves: "bringing the total to 178
    from 164" (``cl[k]``, ``cl[k + 1]``), "taking the tally from 4,310 to 4,522" (one claim, ``cl[k]``), or "adding
    to 23,421 ... and bringing the tally to 24,517" (_added_to).  The later level is the earlier plus the count,
    exactly: the levels name the whole before and after."""
    step, first = cl[k - 1], cl[k]
    m = _BRINGING.fullmatch(gap(ctx.text, step, first))
    if m is None:
        return _added_to(ctx, cl, k)
    if not _told_new(ctx, cl, k - 1, first) or not counts_alike(m.group(0), [step]):
        return None
    if m.group("first") is None:
        ends = _range_ends(first)  # "taking the national tally from 4,310 to 4,522"
        if ends is None or not _alike(step, *ends) or not _clause_ends_at(ctx, first):
            return None
        return Sum((step, ends[0]), ends[1], including=False)
    if k + 1 >= len(cl) or not whole_ok(first):
        return None
    second = cl[k + 1]
    to_first = m.group("first").lower() == "to"
    if not re.fullmatch(r"\s+from\s+" if to_first else r"\s+to\s+", gap(ctx.text, first, second)) \
            or not _alike(step, first, second) or not _clause_ends_at(ctx, second):
        return None  # (not "to 190 from 164 a week ago": a level of another time than the count's)
    after, before = (first, second) if to_first else (second, first)
    return Sum((step, before), after, including=False)


def _added_to(ctx: Context, cl: list[Claim], k: int) -> Sum | None:
    """The increment ``cl[k - 1]``, added to the earlier count ``cl[k]``, bringing the total to ``cl[k + 1]``."""
    if k + 1 >= len(cl) or not _ADDING_TO.fullmatch(gap(ctx.text, cl[k - 1], cl[k])):
        return None
    step, before, after = cl[k - 1], cl[k], cl[k + 1]
    m = _BRINGING.fullmatch(gap(ctx.text, before, after))
    if m is None or (m.group("first") or "").lower() != "to" or not _alike(step, before, after) \
            or not counts_alike(m.group(0), [step]) or not _told_new(ctx, cl, k - 1, before) \
            or not _clause_ends_at(ctx, after):
        return None
    return Sum((step, before), after, including=False)


# "recorded 1,096 new dengue cases in the past week, adding to 23,421 reported earlier in the year and bringing the
# 2024 tally to 24,517"
_ADDING_TO = re.compile(r"[^.;:!?\d]{0,60}?\badd(?:ing|ed)\s+to\s+(?:the\s+)?", re.I)


def _told_new(ctx: Context, cl: list[Claim], i: int, level: Claim) -> bool:
    """Whether the count ``cl[i]`` is told as new ones added (_NEW, from just before it to the first level), and is
    the only such count before the total: "14 new deaths on Monday and 9 on Sunday, bringing the total to" adds two."""
    step = cl[i]
    if not _NEW.search(ctx.text, max(0, step.start - 20), level.start):
        return False
    if i > 0 and _alike(cl[i - 1], step) and ctx.sentences.index(cl[i - 1].start) == ctx.sentences.index(step.start):
        return False
    return True


def _alike(*claims: Claim) -> bool:
    """One kind and unit throughout, each figure fit to be a part: "14 new deaths, ... to 178 from 164"."""
    return len({c.kind for c in claims}) == 1 and len({c.unit for c in claims}) == 1 and all(part_ok(c) for c in claims)


def _clause_ends_at(ctx: Context, last: Claim) -> bool:
    """Whether the running total's clause ends with its last level (perhaps after who said it)."""
    return clause_ends(ctx.text, last.end, ctx.sentences.span(last.start)[1])


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
