"""What the time checks share: the text's dated claims, the days a claim covers, and the sentence around a claim."""
from __future__ import annotations

from datetime import date

from ...model import Claim
from ..base import Context


WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def days_of(c: Claim) -> tuple[date, date]:
    """The first and last day a dated claim covers; ValueError for a claim without days (callers keep dated ones)."""
    if not c.date_start or not c.date_end:
        raise ValueError(f"{c.text!r} covers no known days")
    return date.fromisoformat(c.date_start), date.fromisoformat(c.date_end)


def dates_of(ctx: Context) -> list[Claim]:
    return [c for c in ctx.claims if c.kind == "date"]


_SENTENCE_REACH = 600  # a sentence is read at most this far either side of a claim, so one endless sentence stays linear


def sentence_near(ctx: Context, c: Claim) -> tuple[int, int]:
    """The sentence holding a claim (``Context.sentences``), cut to _SENTENCE_REACH characters either side of it."""
    lo, hi = ctx.sentences.span(c.start)
    return max(lo, c.start - _SENTENCE_REACH), min(max(hi, c.end), c.end + _SENTENCE_REACH)
