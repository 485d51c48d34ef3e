"""Claims as TimeML writes them: a TIMEX3 (span, type, value) for each temporal claim, a range as its two ends.

numcheck keeps "from 1991 to 1997" as one claim, a period (timex ``1991/1997``,
its days from the first of 1991 to the last of 1997), because that is what the
sentence states and what the checks and the Recognizers period specs read.
TimeML has no interval value: its guidelines annotate each end of a range as a
TIMEX3 of its own ("from [1991] to [1997]").  So the TIMEX3 view writes a range
claim as its two ends, each with the value the range resolved it to ("between
May and July 2004": May is 2004-05), the span split at the word that joins them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

from ...model import Claim


@dataclass(frozen=True)
class Timex3:
    """One TIMEX3: its span in the text, its type (DATE, TIME, DURATION, SET) and its value."""

    start: int
    end: int
    text: str
    type: str
    value: str


TEMPORAL_KINDS = ("date", "duration", "set")

# a time on a value: 1998-01-07T08:00, 1998-01-07TEV
_TIME = re.compile(r"T(?:\d\d|MO|AF|EV|NI|DT)")


def timex_type(kind: str, value: str) -> str:
    """The TIMEX3 type of a claim of ``kind`` with TIMEX3 ``value``."""
    if kind == "set":
        return "SET"
    if kind in ("duration", "age"):
        return "DURATION"
    return "TIME" if _TIME.search(value) else "DATE"


# the word joining the ends of a range, by preference: a word, a spaced dash, else the dash nearest the middle
_WORD_JOINER = re.compile(r"\s+(?:to|until|till|through|thru|and)\s+|-to-|\s+[-–—]\s+", re.I)
_DASH = re.compile(r"\s*[-–—]\s*")


def _joiner(text: str) -> re.Match[str] | None:
    inner = [m for m in _DASH.finditer(text) if 0 < m.start() and m.end() < len(text)]
    m = _WORD_JOINER.search(text)
    if m is not None or not inner:
        return m
    return min(inner, key=lambda d: abs(d.start() + d.end() - len(text)))


def _ends(c: Claim, first: str, second: str) -> list[Timex3] | None:
    """The two ends of a range claim, or None when its text holds no joining word."""
    m = _joiner(c.text)
    if m is None or m.start() == 0 or m.end() == len(c.text):
        return None
    a, b = c.text[:m.start()], c.text[m.end():]
    return [Timex3(c.start, c.start + m.start(), a, timex_type(c.kind, first), first),
            Timex3(c.start + m.end(), c.end, b, timex_type(c.kind, second), second)]


def timex3s(claims: Iterable[Claim], ages: bool = False) -> list[Timex3]:
    """The TIMEX3s of a text's claims: each date, duration and set claim with a TIMEX3 value (and each age when
    ``ages``: TimeML calls "a 22-year-old" a duration), a range written as its two ends."""
    kinds = TEMPORAL_KINDS + (("age",) if ages else ())
    out: list[Timex3] = []
    for c in claims:
        if not c.timex or c.kind not in kinds or c.within_date:
            continue  # "two years" of "two years ago": TimeML tags the date only
        first, sep, second = c.timex.partition("/")
        ends = _ends(c, first, second) if sep and first and second else None
        out.extend(ends or [Timex3(c.start, c.end, c.text, timex_type(c.kind, c.timex), c.timex)])
    return out
