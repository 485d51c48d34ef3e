"""Joining what the scan found: "from 2001 to 2005" into one range, "the week of 16 September" into a week.
"""
from __future__ import annotations

import re
from typing import Callable

from .arith import When, _join, _month, _week
from .form import Anchor, Reading
from .scan import Hit

_JOINER = re.compile(r"\s*(?:-to-|-|–|—|to|until|till|through|thru|and)\s*\Z", re.I)


_BETWEEN = re.compile(r"\b(?:between|from)\s*\Z", re.I)


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
                if word != "and" or _BETWEEN.search(before):
                    out.append(Hit(h.start, nxt.end, Reading(_range_of(h.resolve, nxt.resolve)), "range"))
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


