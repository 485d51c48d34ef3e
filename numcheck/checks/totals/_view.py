"""The text NC109 reads: a sum's conversion in brackets ("865 billion shillings (11.2 billion U.S. dollars)") is the
same sum again, neither a part nor a total, and stands between a whole and its parts or between two parts; NC109 reads
the text with such brackets blanked out (offsets kept) and without the converted claims."""
from __future__ import annotations

import dataclasses
import re

from ..base import Context
from ..conversions._common import conversions

# from a sum to its conversion's figure: " (", " (about ", " (US"; and from that figure to the bracket's end
_OPENING = re.compile(r"\s*\(\s*(?:about\s+|around\s+|some\s+|nearly\s+)?[^()\d]{0,4}$", re.I)
_CLOSING = re.compile(r"[^()\d]{0,30}?\)")


def without_conversions(ctx: Context) -> tuple[Context, frozenset[int]]:
    """``ctx`` with every bracketed conversion of a sum blanked to spaces, and the ids of the converted claims."""
    text = ctx.text
    spans: list[tuple[int, int]] = []
    dropped: set[int] = set()
    for conv in conversions(ctx):
        a, b = conv.src, conv.dst
        opening = _OPENING.fullmatch(text, a.end, b.start)
        closing = _CLOSING.match(text, b.end)
        if b.start > a.end and opening and closing and "(" in text[a.end:b.start]:
            spans.append((text.index("(", a.end, b.start), closing.end()))
            dropped.add(id(b))
    if not spans:
        return ctx, frozenset()
    chars = list(text)
    for s, e in spans:
        for i in range(s, e):
            if chars[i] != "\n":
                chars[i] = " "
    return dataclasses.replace(ctx, text="".join(chars)), frozenset(dropped)
