"""The text NC109 reads: a sum's conversion in brackets ("865 billion shillings (11.2 billion U.S. dollars)") is the
same sum again, neither a part nor a total, and stands between a whole and its parts or between two parts; NC109 reads
the text with such brackets blanked out (offsets kept) and without the converted claims."""
from __future__ import annotations

import re
from bisect import bisect_left

from ...model import Claim
from .._asides import blanked
from ..base import ClaimsByStart, Context
from ..conversions._common import conversions

# from a sum to its conversion's figure: " (", " (about ", " (US"; and from that figure to the bracket's end
_OPENING = re.compile(r"\s*\(\s*(?:(?:about|around|some|nearly|almost|roughly|approximately|close\s+to)\s+)?[^()\d]{0,4}$",
                      re.I)
_CLOSING = re.compile(r"[^()\d]{0,30}?\)")


def without_conversions(ctx: Context) -> tuple[Context, frozenset[int]]:
    """``ctx`` with every bracketed conversion of a sum blanked to spaces, and the ids of the claims so hidden: the
    bracket's, or, where the sums after it in its sentence are in the bracket's currency ("an 11.2 billion dollar (865
    billion shilling) budget ..., made up of ... 594 billion shillings"), the sum before it (and the brackets)."""
    text = ctx.text
    spans: list[tuple[int, int]] = []
    dropped: set[int] = set()
    sums = ClaimsByStart(c for c in ctx.claims if c.kind == "money")
    for conv in conversions(ctx):
        a, b = conv.src, conv.dst
        opening = _OPENING.fullmatch(text, a.end, b.start)
        closing = _CLOSING.match(text, b.end)
        if not (b.start > a.end and opening and closing and "(" in text[a.end:b.start]):
            continue
        bracket = (text.index("(", a.end, b.start), closing.end())
        if _told_after_in(ctx, sums, b, closing.end()):
            spans += [(a.start, bracket[0] + 1), (closing.end() - 1, closing.end())]
            dropped.add(id(a))
        else:
            spans.append(bracket)
            dropped.add(id(b))
    if not spans:
        return ctx, frozenset()
    return blanked(ctx, spans), frozenset(dropped)


def _told_after_in(ctx: Context, sums: ClaimsByStart, converted: Claim, at: int) -> bool:
    """Whether the next sum after ``at`` in the sentence is in the converted sum's currency (and so the figures the
    sentence goes on to tell are in it); ``sums``: the text's sums of money, looked up in log time."""
    i = bisect_left(sums.starts, at)  # the first sum after the bracket, not every sum of a long line
    return i < len(sums.claims) and sums.claims[i].start < ctx.sentences.span(at)[1] \
        and sums.claims[i].unit == converted.unit
