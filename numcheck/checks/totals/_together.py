"""A whole that a counted few hold together, then what each holds (NC109): "Together the two companies paid 412
billion roubles in taxes, 306 billion by Gazprom and 106 billion by Lukoil", "The two leading candidates together
won 7,814,220 votes, the prime minister with 4,102,610 and the opposition leader with 3,711,610".  As many parts as
holders, each told after a comma or "and", are all of it."""
from __future__ import annotations

import re

from ... import tolerance as tol
from ...model import Claim
from .._common import gap, subject_end
from ..base import Context
from ._parts import A_RATE, RATE_AFTER, Sum, bare_scaled, part_ok, whole_ok

# the word that says the holders hold the whole together, before it in its sentence, or "between them" right after
# it: "Together the two companies paid ", "the two leading candidates together won ", "412 billion between them"
_TOGETHER = re.compile(r"\b(?:together|combined|jointly)\b", re.I)
_BETWEEN_THEM = re.compile(r"\s+between\s+them\b", re.I)
# from one holder's part to the next holder's: ", " / " and ", then at most six words that name the holder, perhaps
# "with" or "by": ", the opposition leader with ", " by Gazprom and "
_NEXT = re.compile(r"(?:\s+(?:by|for|from|to|at|in)\s+[^,;:()\d]{1,40}?)?(?:\s*,\s*(?:and\s+)?|,?\s+and\s+)"
                   r"(?:(?!(?:while|but|whereas|compared|against|than)\b)[A-Za-z][\w'\u2019.-]*\s+){0,6}?(?:with\s+)?", re.I)
# from the whole to the first holder's part: the whole's own phrase, then as between parts: " in taxes last year, "
_FIRST = re.compile(r"(?:\s+[a-z][^,;:()\d]{0,40}?)?" + _NEXT.pattern, re.I)
MOST = 4  # holders counted: "the two", "three", "four"


def held_together(ctx: Context, cl: list[Claim], k: int) -> Sum | None:
    """The whole ``cl[k - 1]``, held together by the holders a count before it in its sentence names, with one part
    each from ``cl[k]`` on."""
    text, whole = ctx.text, cl[k - 1]
    if not whole_ok(whole) or k < 2:
        return None
    holders = cl[k - 2]
    s0, s1 = ctx.sentences.span(whole.start)
    if holders.start < s0 or holders.kind != "count" or not holders.subject or holders.point is None \
            or not 2 <= tol.point(holders) <= MOST or tol.point(holders) != int(tol.point(holders)):
        return None
    said = _TOGETHER.search(text, s0, whole.start) or _BETWEEN_THEM.match(text, subject_end(text, whole))
    if said is None or re.search(r"[,;:()]", text[holders.end:whole.start]):
        return None
    if A_RATE.search(text, s0, whole.end) or RATE_AFTER.match(text, subject_end(text, whole)):
        return None  # "Together the three clubs averaged 38,000 fans a game": an average, no sum
    n = int(tol.point(holders))
    parts = cl[k:k + n]
    if len(parts) != n or any(p.start >= s1 or not _of_whole(p, whole) for p in parts) \
            or not _FIRST.fullmatch(gap(text, whole, parts[0])) \
            or not all(_NEXT.fullmatch(text, a.end, b.start) for a, b in zip(parts, parts[1:])) \
            or (k + n < len(cl) and cl[k + n].start < s1 and _of_whole(cl[k + n], whole)) \
            or any(RATE_AFTER.match(text, p.end) for p in parts):
        return None  # (no more holders' parts than holders; none a rate: "the ruling party 2.1 million a year")
    return Sum(tuple(parts), whole, including=False)


def _of_whole(c: Claim, whole: Claim) -> bool:
    """A part in the whole's kind and unit, or a bare scaled figure that keeps its unit ("306 billion")."""
    return part_ok(c) and ((c.kind == whole.kind and c.unit == whole.unit) or bare_scaled(c))
