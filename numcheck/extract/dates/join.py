"""Joining what the scan found: "from 2001 to 2005" into one range, "the week of 16 September" into a week,
"Tuesday evening" and "10 p.m. Wednesday" into a day with its time; and giving lone times their day.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import Callable, Sequence

from ..times import CLOCK, PART_CODE, UNANCHORED, clock_time
from .arith import When, _join, _month, _week, add_months
from ...model import Claim
from .context import tense
from .form import Anchor, Reading
from .scan import Hit

_JOINER = re.compile(r"\s*(?:-to-|-|–|—|to|until|till|through|thru|and)\s*\Z", re.I)


_BETWEEN = re.compile(r"\b(?:between|from)\s*\Z", re.I)
# a possessive second date names a thing, it ends no range: "a revision Friday to December's figures"
_POSSESSIVE = re.compile(r"['’]s\b")


def ranges(text: str, hits: list[Hit]) -> list[Hit]:
    """Merge "from 2001 to 2005", "2 October - 22 October", "between May and July" into one hit."""
    out: list[Hit] = []
    i = 0
    while i < len(hits):
        h = hits[i]
        if i + 1 < len(hits):
            nxt = hits[i + 1]
            gap = text[h.end:nxt.start]
            jm = _JOINER.match(gap) if len(gap) <= 12 else None
            if jm:
                word = gap.strip().lower()
                before = text[max(0, h.start - 10):h.start]
                if (word != "and" or _BETWEEN.search(before)) and not _POSSESSIVE.match(text, nxt.end) \
                        and not _PERIOD_TO.search(text, max(0, h.start - 20), nxt.start):
                    out.append(Hit(h.start, nxt.end, Reading(_range_of(h.resolve, nxt.resolve)), "range"))
                    i += 2
                    continue
        out.append(h)
        i += 1
    return out


# a period named by its length, then the day it ends: "the week to Oct. 11", "the three months to June 30" (TimeML
# reads a length and a date, not this week joined to the day as a range)
_PERIOD_TO = re.compile(r"(?:^|\bthe\s+)(?:[\w-]+\s+)?(?:weeks?|fortnight|months?|quarter|year)\s+to\s+\Z", re.I)


def _range_of(a: Reading, b: Reading) -> Callable[[Anchor], When]:
    """How "from A to B" resolves: a yearless A takes B's year when B has one or A would fall after B; a yearless
    B that would fall before A is read from A ("from today through Nov. 17" in October: this November)."""
    def joined(anchor: Anchor) -> When:
        wb = b(anchor)
        if b.absolute and a.yearless and wb.end:
            wa = a(anchor.at(wb.end))  # "between May and July 2004": May 2004
            if wa.start and wb.start and wa.start > wb.start:
                wa = a(anchor.at(add_months(wb.end, -12)))  # "January to September 2006": not the January after
        else:
            wa = a(anchor)
            if wa.start and wb.start and wa.start > wb.start and wb.end and a.yearless:
                back = a(anchor.at(wb.end))  # "from September to November" in February: both last year
                wa = back if back.start is None or back.start <= wb.start else wa
            if wa.start and wb.start and wa.start > wb.start and b.yearless:
                start = wa.start
                later = [(w.start, w) for w in (b(anchor.at(start)), b(anchor.at(add_months(start, 12))))
                         if w.start is not None and w.start >= start]
                wb = min(later, key=lambda sw: sw[0])[1] if later else wb
        return _join(wa, wb)
    return joined


_WEEK_OF = re.compile(
    r"(?:\bthe\s+)?\b(?P<u>week|month)\s+(?:of|commencing|starting|beginning)(?:\s+on)?\s+\Z|\bw/c\s+\Z", re.I)


def week_of(text: str, hits: list[Hit]) -> list[Hit]:
    """"the week of 16 September", "w/c 4 February": the week (or month) holding the date."""
    out = []
    for h in hits:
        m = _WEEK_OF.search(text, max(0, h.start - 40), h.start)
        if m is None:
            out.append(h)
            continue
        unit = (m.group("u") or "week").lower()

        out.append(Hit(m.start(), h.end, Reading(_widened(h.resolve, unit)), h.form))
    return out


def _widened(inner: Reading, unit: str) -> Callable[[Anchor], When]:
    """The week or month holding a resolved day."""
    def widen(anchor: Anchor) -> When:
        w = inner(anchor)
        if w.start is None or w.start != w.end:
            return w
        if unit == "week":
            return _week(w.start)
        return _month(w.start.year, w.start.month)
    return widen


# a part of the day right after a day: "Tuesday evening", "yesterday afternoon", "Friday late night"
_PART_AFTER = re.compile(r"[ \t]+(?:(?:early|late)[ \t]+)?(?P<part>morning|afternoon|evening|night)\b", re.I)
# ... or right before it: "mid-afternoon yesterday", "late Friday night" is read by the one after
_PART_BEFORE = re.compile(r"\b(?:(?:early|late|mid)[\s-]*)?(?P<part>morning|afternoon|evening|night)[ \t]+\Z", re.I)
# a clock time right before a day: "10 p.m. Wednesday", "noon Thursday", "5 p.m. EST, Nov. 6", "at 18:30 on Thursday"
_CLOCK_BEFORE = re.compile(r"(?P<clock>" + CLOCK.pattern + r"),?[ \t]+(?:on[ \t]+)?\Z", re.I)


# cheap tests before the patterns above: a digit or a named time, a part of the day
_CLOCKISH = re.compile(r"\d|noon|midday|midnight", re.I)
_PARTISH = re.compile(r"morning|afternoon|evening|night", re.I)


def day_times(text: str, hits: list[Hit]) -> list[Hit]:
    """A day with its time: "Tuesday evening" (the day and TEV), "10 p.m. Wednesday" (the day and T22:00)."""
    out = []
    for h in hits:
        after = _PART_AFTER.match(text, h.end)
        window = text[max(0, h.start - 32):h.start]
        clock = _CLOCK_BEFORE.search(text, max(0, h.start - 32), h.start) if _CLOCKISH.search(window) else None
        before = _PART_BEFORE.search(text, max(0, h.start - 24), h.start) \
            if clock is None and _PARTISH.search(window) else None
        if after is not None:
            out.append(Hit(h.start, after.end(), Reading(_at_time(h.resolve, PART_CODE[after.group("part").lower()])),
                           h.form))
        elif clock is not None:
            m = CLOCK.match(text, clock.start("clock"))
            out.append(Hit(clock.start(), h.end, Reading(_at_time(h.resolve, clock_time(m))), h.form) if m else h)
        elif before is not None:
            out.append(Hit(before.start(), h.end, Reading(_at_time(h.resolve, PART_CODE[before.group("part").lower()])),
                           h.form))
        else:
            out.append(h)
    return out


def _at_time(inner: Reading, time: str) -> Callable[[Anchor], When]:
    """A day's value with a time of day on it; anything but a single day keeps its own value."""
    def at(anchor: Anchor) -> When:
        w = inner(anchor)
        if w.start is not None and w.start != w.end or "/" in w.timex or not _DAY.fullmatch(w.timex):
            return w
        return When(f"{w.timex}T{time}", w.start, w.end)
    return at


# a day's TIMEX3 value, resolved or not: 2005-03-15, XXXX-XX-XX, XXXX-WXX-5
_DAY = re.compile(r"(?:\d{4}|XXXX)-(?:\d\d-\d\d|XX-XX|WXX-[1-7])")


def anchor_times(text: str, times: Sequence[Claim], days: Sequence[Claim], published: tuple[date, date] | None) -> list[Claim]:
    """Times of day (times.find_times) with the day they happen on, where the text or publication gives one."""
    day = published[0] if published and published[0] == published[1] else None
    return [_anchored(text, c, days, day) for c in times]


# between a time and a day named after it, a word that opens another clause or phrase of time
_CLAUSE_AFTER = re.compile(r";|\band\b(?!\s+(?:\d|noon|midday|midnight))"
                           r"|\b(?:but|while|whereas|from|since|after|before|than|until|till)\b", re.I)
# a full day, with or without a time: 2005-03-15, 2005-03-15T08:00
_DAY_TIMEX = re.compile(r"\d{4}-\d\d-\d\d(?=T|$)")
# a sentence end between two claims: "... on Friday. At 8am ..."
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+[\"“‘(]?[A-Z]|\n\s*\n")


def _clause_between(text: str, lo: int, hi: int) -> bool:
    """Whether a word between a time and a later day opens another clause ("and results are due Monday"; not
    "between 9am and 5pm on Monday", whose "and" joins two times)."""
    m = _CLAUSE_AFTER.search(text[lo:hi + 12])
    return m is not None and m.start() < hi - lo


def _anchored(text: str, c: Claim, days: Sequence[Claim], published: date | None) -> Claim:
    """A time with no day takes the nearest day named in its sentence, else, when its clause tells of a
    particular time (a past or future tense), the latest day named before it or the publication day."""
    if not (c.timex or "").startswith(UNANCHORED):
        return c
    best: tuple[int, str] | None = None
    told: str | None = None
    for d in days:
        m = _DAY_TIMEX.match(d.timex or "")
        if m is None:
            continue
        if d.end <= c.start:
            told = m.group()
        lo, hi = (d.end, c.start) if d.end <= c.start else (c.end, d.start)
        if hi - lo > 200 or _SENTENCE_END.search(text, lo, hi):
            continue
        if d.start >= c.end and (_POSSESSIVE.match(text, d.end) or _clause_between(text, lo, hi)):
            continue  # "closes at 3 p.m. and results are due Monday", "bid at 6.51 at 15:40 from Friday's close"
        if best is None or hi - lo < best[0]:
            best = (hi - lo, m.group())
    if best is None and tense(text, c.start, c.end) is None:
        return c  # "open from 8am to 6pm": a habit, no particular day
    iso = best[1] if best else told or (published.isoformat() if published else None)
    if iso is None:
        return c
    return replace(c, timex=iso + (c.timex or "")[len(UNANCHORED):], date_start=iso, date_end=iso)


