"""Dates: text -> date claims with TIMEX3 values and inclusive day intervals, anchored to the publication date.

How it reads: one pass of a trie-shaped regex over the lower-cased text finds
trigger words (digits, month, weekday, season, relative and unit words); only
the word starts just before each trigger are tried, and only against the forms
that can begin with that word and whose cheap necessary conditions hold there.
Forms are regexes built from named pieces and the vocabulary in
``numcheck/data/dates.tsv``, compiled the first time a text needs them, so a
cold start pays for a handful.  Each form has a resolver that turns its groups
into a TIMEX3 value and a day interval, or declines ("2005 people" is a count).

Relative forms ("on Friday", "last year", "in August") are resolved against
both ends of the publication interval and the results joined, so a partial
publication date (2005, 2005-02) gives an honest interval; with no publication
date they stay unresolved (``XXXX-08``), never guessed.  Adjacent dates joined
by "to", "until" or a dash merge into one range claim whose timex is an ISO
8601 interval (``2009/2010``).  Numbered spans ("the past 20 years") are
durations and left to the quantity extractor.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from typing import Callable, Iterator

from ...model import Claim
from .arith import When, _join, _merge_refs, _month, _week, add_months, shift
from .form import Anchor, Groups, Reading, Skip, Spanned
from .forms import (
    BY_NAME,
    _DIGITS,
    _dispatch,
    _form,
    _LOOKBACK,
    _possible,
    _small_number_gate,
    _trigger,
    _weekday_word,
    _keyed_start,
)
from .vocab import weekday_of

__all__ = ["find_dates", "weekday_in", "add_months", "shift", "When"]

_JOINER = re.compile(r"\s*(?:-to-|-|–|—|to|until|till|through|thru|and)\s*\Z", re.I)


_BETWEEN = re.compile(r"\b(?:between|from)\s*\Z", re.I)


@dataclass(frozen=True)
class _Hit:
    """A date found: its span, how it resolves, and the name of the form that read it."""

    start: int
    end: int
    resolve: Reading
    form: str = ""


def _read(name: str, m: re.Match[str], text: str, dayfirst: bool) -> _Hit:
    """Run a form's resolver on its match; raises Skip (or a calendar error) when it is no date after all."""
    read = BY_NAME[name].resolve(Groups(m, name, text, dayfirst))
    if isinstance(read, Spanned):
        return _Hit(read.start, read.end, read.reading, name)
    return _Hit(m.start(name), m.end(name), read, name)


def _hits(text: str, dayfirst: bool = True) -> Iterator[_Hit]:
    """Every date hit, left to right.  At each candidate start the forms are tried in order; one
    whose resolver says "not a date" (a count, a name) hands over to the next."""
    table = _dispatch()
    low = text.lower()
    if len(low) != len(text):  # a few non-ASCII capitals change length when lowered
        low = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    done = 0  # end of the last hit: nothing before it is looked at again
    tried = -1  # candidate starts up to here have been tried
    keyed = _keyed_start()
    for t in _trigger().finditer(low):
        tpos = t.start()
        if tpos < done:
            continue
        for w in keyed.finditer(low, max(done, tried + 1, tpos - _LOOKBACK), t.end()):
            pos = w.start()
            tried = pos
            key = w.group()
            if key.isdigit():
                digits = _DIGITS.match(low, pos)
                n = digits.end() - pos if digits else 0
                key = "#dd" if n <= 2 else "#y" if n == 4 else "#ddd" if n == 3 else ""
                if n <= 3 and not _small_number_gate().match(low, pos):
                    continue
            if key not in table:
                continue
            hit = None
            for name in _possible(key, low, pos):
                m = _form(name).match(text, pos)
                if m is None:
                    continue
                try:
                    hit = _read(name, m, text, dayfirst)
                except (Skip, ValueError, KeyError, OverflowError):
                    continue  # not a date after all (a count, a name): the later forms get their try
                break
            if hit is None or m is None:
                continue
            while hit.end > hit.start and text[hit.end - 1] in " \t\n,":
                hit = _Hit(hit.start, hit.end - 1, hit.resolve, hit.form)
            yield hit
            done = max(m.end(), hit.end)
            break


def _ranges(text: str, hits: list[_Hit]) -> list[_Hit]:
    """Merge "from 2001 to 2005", "2 October - 22 October", "between May and July" into one hit."""
    out: list[_Hit] = []
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
                if word != "and" or _BETWEEN.search(before):
                    out.append(_Hit(h.start, nxt.end, Reading(_range_of(h.resolve, nxt.resolve)), "range"))
                    i += 2
                    continue
        out.append(h)
        i += 1
    return out


def _range_of(a: Reading, b: Reading) -> Callable[[Anchor], When]:
    """How "from A to B" resolves: a yearless A takes B's year when B has one or A would fall after B."""
    def joined(anchor: Anchor) -> When:
        wb = b(anchor)
        if b.absolute and a.yearless and wb.end:
            wa = a(anchor.at(wb.end))  # "between May and July 2004": May 2004
        else:
            wa = a(anchor)
            if wa.start and wb.start and wa.start > wb.start and wb.end and a.yearless:
                wa = a(anchor.at(wb.end))  # "from September to November" in February: both last year
        return _join(wa, wb)
    return joined


_WEEK_OF = re.compile(
    r"(?:\bthe\s+)?\b(?P<u>week|month)\s+(?:of|commencing|starting|beginning)(?:\s+on)?\s+\Z|\bw/c\s+\Z", re.I)


def _week_of(text: str, hits: list[_Hit]) -> list[_Hit]:
    """"the week of 16 September", "w/c 4 February": the week (or month) holding the date."""
    out = []
    for h in hits:
        m = _WEEK_OF.search(text, max(0, h.start - 40), h.start)
        if m is None:
            out.append(h)
            continue
        unit = (m.group("u") or "week").lower()

        out.append(_Hit(m.start(), h.end, Reading(_widened(h.resolve, unit)), h.form))
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


def _claim(text: str, h: _Hit, published: tuple[date, date] | None) -> Claim | None:
    try:
        if published is None:
            w = h.resolve(Anchor(None))
        else:
            first, last = published
            w = h.resolve(Anchor(first))
            if last != first:
                w = _merge_refs(w, h.resolve(Anchor(last)))
    except (Skip, ValueError, OverflowError):
        return None  # arithmetic ran off the calendar (year 0, year 10000)
    if w is None:
        return None
    return Claim(
        text=text[h.start:h.end], start=h.start, end=h.end, kind="date", timex=w.timex,
        date_start=w.start.isoformat() if w.start else None,
        date_end=w.end.isoformat() if w.end else None,
    )


def find_dates(text: str, published: tuple[date, date] | None, dayfirst: bool = True) -> list[Claim]:
    """Date claims in ``text``; ``published`` is the (first, last) day the publication date allows.

    ``dayfirst`` reads 1/2/2025 as 1 February (True) or January 2 (False);
    an order that gives an impossible month falls back to the other.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_dates() takes a str, not {type(text).__name__}")
    if published is not None and (len(published) != 2 or published[0] > published[1]):
        raise ValueError(f"published must be (first_day, last_day), got {published!r}")
    hits = _week_of(text, _ranges(text, list(_hits(text, dayfirst))))
    out = []
    for h in hits:
        c = _claim(text, h, published)
        if c is not None:
            out.append(c)
    return out


def weekday_in(text: str) -> int | None:
    """The ISO weekday a date's own text names ("Friday 3 February 2025" -> 5), or None."""
    m = _weekday_word().search(text)
    return weekday_of(m.group(0)) if m else None
