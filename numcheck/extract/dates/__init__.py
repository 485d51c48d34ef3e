"""Dates: text -> date, time, duration and set claims with TIMEX3 values and inclusive day intervals.

How it reads (scan.py, forms.py): one pass of a trie-shaped regex over the
lower-cased text finds trigger words (digits, month, weekday, season, relative
and unit words); only the word starts just before each trigger are tried, and
only against the forms that can begin with that word and whose cheap necessary
conditions hold there.  A form is a regex built from named pieces (pieces.py)
and the vocabulary in ``numcheck/data/dates.tsv``, declared beside the small
resolver that turns its match into a reading or declines ("2005 people" is a
count): days.py, weeks.py, relative.py, periods.py, narrative.py, sets.py.
Joins (join.py) then mark ranges ("from 2001 to 2005", one claim whose timex is
an ISO 8601 interval), weeks of a day, and a day with its time ("Tuesday
evening", "10 p.m. Wednesday").

Readings are resolved in text order (``_resolved``) against the publication day
and the narrative's focus, the latest day, quarter and date the text named, so
"the quarter", "a year earlier" and "that day" follow the story.  A yearless
month or day and a bare weekday take the tense of their clause (context.py,
``numcheck/data/tense.tsv``).  A partial publication date (2005, 2005-02) is read
from both ends and the values joined, so it gives an honest interval; with no
publication date relative dates stay unresolved (``XXXX-08``), never guessed.
Numbered spans ("the past 20 years") are durations and left to the quantity
extractor; TIMEX3 duration values are written by durations.py for both.
"""
from __future__ import annotations

import re
from datetime import date
from typing import Iterator

from ...model import Canonical, Claim
from ...units import load_units
from .arith import When, _merge_refs, add_months, shift
from .form import Anchor, Focus, Skip
from .forms import _form, _weekday_word
from .join import anchor_times, day_times, ranges, week_of
from .scan import Hit, hits
from .vocab import weekday_of

__all__ = ["find_dates", "anchor_times", "counted_offset", "weekday_in", "weekday_span", "add_months", "shift", "When"]


def _resolve(h: Hit, anchor: Anchor) -> When | None:
    try:
        return h.resolve(anchor)
    except (Skip, ValueError, OverflowError):
        return None  # arithmetic ran off the calendar (year 0, year 10000)


def _claim(text: str, h: Hit, w: When) -> Claim:
    if w.rate is not None:
        return _set_claim(text, h, w, *w.rate)
    return Claim(
        text=text[h.start:h.end], start=h.start, end=h.end, kind=w.kind, timex=w.timex,
        date_start=w.start.isoformat() if w.start else None,
        date_end=w.end.isoformat() if w.end else None,
    )


def _set_claim(text: str, h: Hit, w: When, count: float | None, per: str) -> Claim:
    """A recurrence: how often per unit as value and unit ("twice a week": 2, "1 / week"), per second canonical;
    "every few years" says no count."""
    canonical = Canonical(count / load_units()[per].factor, "1 / second") if count is not None else None
    return Claim(
        text=text[h.start:h.end], start=h.start, end=h.end, kind="set", timex=w.timex, value=count, low=count,
        high=count, unit=f"1 / {per}", canonical=canonical,
    )


def _resolved(found: list[Hit], published: tuple[date, date] | None) -> Iterator[tuple[Hit, When]]:
    """Each hit resolved in text order, against the publication date and the narrative's focus so far.

    A partial publication date (2005, 2005-02) is read from both of its ends, each with its own focus, and
    the two values joined (``_merge_refs``), so the claim says no more than the text and the date allow.
    """
    if published is None:
        for h in found:
            w = _resolve(h, Anchor(None))
            if w is not None:
                yield h, w
        return
    first, last = published
    exact = first == last
    focus_a = focus_b = Focus()
    for h in found:
        wa = _resolve(h, Anchor(first, focus_a, exact))
        if wa is None:
            continue
        if not exact:
            wb = _resolve(h, Anchor(last, focus_b, exact))
            if wb is None:
                continue
            if h.resolve.moves:
                focus_b = focus_b.moved(wb, last, h.end)
            w = _merge_refs(wa, wb)
        else:
            w = wa
        if h.resolve.moves:
            focus_a = focus_a.moved(wa, first, h.end)
        yield h, w


def find_dates(text: str, published: tuple[date, date] | None, dayfirst: bool = True) -> list[Claim]:
    """Date claims in ``text``; ``published`` is the (first, last) day the publication date allows.

    ``dayfirst`` reads 1/2/2025 as 1 February (True) or January 2 (False);
    an order that gives an impossible month falls back to the other.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_dates() takes a str, not {type(text).__name__}")
    if published is not None and (len(published) != 2 or published[0] > published[1]):
        raise ValueError(f"published must be (first_day, last_day), got {published!r}")
    found = day_times(text, week_of(text, ranges(text, list(hits(text, dayfirst)))))
    return [_claim(text, h, w) for h, w in _resolved(found, published)]


# a date told as an amount of time from another: "two years ago", "a year earlier", "six months later"
_COUNTED_OFFSET = re.compile(r"\s(?:ago|earlier|later|before|after|hence|from\s+now)$", re.I)


def counted_offset(c: Claim) -> bool:
    """Whether a date claim is an amount of time counted from another time ("two years ago"), whose amount is a
    quantity too."""
    return c.kind == "date" and bool(_COUNTED_OFFSET.search(c.text))


def weekday_in(text: str) -> int | None:
    """The ISO weekday a date's own text names ("Friday 3 February 2025" -> 5), or None."""
    found = weekday_span(text)
    return found[2] if found else None


def weekday_span(text: str) -> tuple[int, int, int] | None:
    """Where a date's own text names a weekday, and which: "Friday 3 February 2025" -> (0, 6, 5)."""
    m = _weekday_word().search(text)
    return (m.start(), m.end(), weekday_of(m.group(0))) if m else None
