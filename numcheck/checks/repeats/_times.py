"""When and where a group is told (NC110): the words near a figure that mark it as changed, planned or of another time
(numcheck/data/repeat_quiet.tsv), the places told near it, and the times its sentence sets its figures in."""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from ...datafiles import DataFileError, table
from ...model import Claim
from ...text import DEADLINE, alternation
from .._common import subject_end
from ..base import ClaimsByStart, Context
from ..time._common import days_of


NEAR = 60  # characters either side of a figure in which a change or time marker silences the check


def near(text: str, c: Claim, sentence: tuple[int, int]) -> str:
    return text[max(sentence[0], c.start - NEAR):min(sentence[1], c.end + NEAR)]


_PLACE = re.compile(r"\b(?i:in|at|from|across)\s+(?:the\s+)?([A-Z][A-Za-z-]+)")


def places(window: str) -> set[str]:
    return set(_PLACE.findall(window))


def dates_in(ctx: Context, dates: ClaimsByStart, span: tuple[int, int],
              figure: Claim) -> list[tuple[date, date] | str] | None:
    """The times a sentence sets its figures in: its past periods (a year, a month, "in the three months from
    October"), as days where known; not a day or a week an event is told in ("freed 72 hostages on Tuesday", "over
    the weekend": NARRATED_DAYS), a period holding the publication ("this year"), or one still to come ("will be
    sworn in next month": when something will happen to the group, not a time it was counted in).  None: only a
    time not known ("October to December" in a copy dated to the year)."""
    out: list[tuple[date, date] | str] = []
    vague = False
    for c in dates.between(*span):
        if c.kind == "date" and c.timex == "PRESENT_REF":
            continue  # "now", "currently": the time of the report, as a sentence with no time
        if c.kind == "date" and "X" in (c.timex or ""):
            vague = True  # a vague one ("October to December", no year) says too little to tell two times apart
            continue
        if c.kind != "date" or DEADLINE.search(ctx.text, max(span[0], c.start - 30), c.start) \
                or _SINCE.search(ctx.text, max(span[0], c.start - 40), c.start):
            continue  # a length of time sets no time, nor a deadline ("could take until the spring"), nor a time
            # running up to now ("approved 187 projects since January", "held since an ambush in October")
        if c.date_start and c.date_end:
            first, last = days_of(c)
            to_come = ctx.published is not None and first > ctx.published \
                and not _RIGHT_AFTER.fullmatch(ctx.text, subject_end(ctx.text, figure), c.start)
            if (last - first).days <= NARRATED_DAYS or (ctx.published is not None and first <= ctx.published <= last) \
                    or to_come:
                continue  # a day or a weekend told, the period holding publication, or one still to come ("next month")
            out.append((first, last))
        else:
            out.append(c.timex or c.text)
    return None if vague and not out else out


_SINCE = re.compile(r"\bsince\s+(?:[a-z]+\s+){0,4}?(?:in\s+)?$", re.I)
NARRATED_DAYS = 7  # a time this short ("on Tuesday", "over the weekend", "last week") narrates an event; it sets no period
_RIGHT_AFTER = re.compile(r"\s+(?:in|by)\s+(?:the\s+)?")  # between a group's noun and the time it is sized for


def same_time(a: list[tuple[date, date] | str] | None, b: list[tuple[date, date] | str] | None) -> bool:
    """Whether two sentences set their figures in the same time: both in none, or each time of one overlapping
    one of the other ("the closing months of 2004" and "the three months from October to December"); a time
    not known may be any.  A time one sentence tells and the other does not may set a group apart ("12,575
    cafes were shut in the three months to December ... the 100,000 cafes")."""
    if a is None or b is None:
        return True
    if not a or not b:
        return not a and not b
    def meets(x: tuple[date, date] | str, ys: list[tuple[date, date] | str]) -> bool:
        return any(x == y if isinstance(x, str) or isinstance(y, str) else x[0] <= y[1] and y[0] <= x[1] for y in ys)
    return all(meets(x, b) for x in a) and all(meets(y, a) for y in b)


@lru_cache(maxsize=1)
def _markers() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """numcheck/data/repeat_quiet.tsv: the words that mark a change or another time on either side of a figure, those
    that mark it only before it, and those only right before it ("cut off" marks no change)."""
    rows = table("repeat_quiet.tsv", ("phrase", "reach"))
    bad = [phrase for phrase, reach in rows if reach not in ("either", "before", "adjacent")]
    if bad:
        raise DataFileError(f"numcheck/data/repeat_quiet.tsv: {bad[0]!r} has a reach that is not either, before or "
                            "adjacent")
    def pattern(reach: str, tail: str = "") -> re.Pattern[str]:
        return re.compile(r"\b" + alternation([p for p, r in rows if r == reach]) + r"\b(?!\s+off\b)" + tail, re.I)
    return pattern("either"), pattern("before"), pattern("adjacent", r"\s+$")


def marked(text: str, c: Claim, sentence: tuple[int, int]) -> bool:
    """Whether a word near ``c`` marks it as changed, planned or of another time."""
    either, before, adjacent = _markers()
    start = max(sentence[0], c.start - NEAR)
    return bool(either.search(near(text, c, sentence)) or before.search(text, start, c.start)
                or adjacent.search(text, start, c.start))
