"""A whole and its parts, the last said to be what is left (NC109): "handled 6.8 million passengers, 5.9 million on
international routes and the remaining 900,000 on domestic flights", "with forest accounting for 410 hectares and the
rest, 130 hectares, farmland", "India supplying 312,400, ... and all other countries 285,500".  A last part told
as the rest makes the parts all of the whole, however the whole and the first parts are joined."""
from __future__ import annotations

import re
from typing import Iterator

from ... import tolerance as tol
from ...model import Claim
from .._common import OF_THEM, POINTS_BACK, gap, subject_end
from ..base import Context
from ._parts import Sum, bare_scaled, elided, part_ok, told_as_rest
from ._wholes import MAX_PARTS

# the first two figures told alike, a name before the second: "won 140 seats, the Greens 75": peers, not a whole
# and its part
_PEER = re.compile(r",\s*(?:and\s+)?(?:the\s+)?(?:[A-Z][\w'\u2019.-]*\s+){1,3}(?:(?:at|on|with|took|won)\s+)?$")
# a first part told of its whole: "convicted him on 11 of the 17 counts and acquitted him on the other six"
_PART_OF = re.compile(r"\s+(?:out\s+)?of\s+(?:the|its|their)\s+", re.I)
# the whole after the rest: "taking the remaining 17 of the 300"
_OF_THE_WHOLE = re.compile(r"\s+(?:of|in)\s+(?:the|its)\s+$", re.I)
# a level or a change a figure is compared with, not a part: "up from 3.1 billion", "more than", "by 5,000"
_NOT_A_PART = re.compile(r"\b(?:from|than|up|down|by|versus|vs\.?|against|compared\s+with)\s+(?:about\s+|some\s+)?$",
                         re.I)


def wholes_with_rest(ctx: Context, cl: list[Claim], read: set[int]) -> Iterator[Sum]:
    """Every last part told as the rest, with the whole and the parts before it in its sentence; parts in ``read``
    are read already by another reading."""
    for k, rest in enumerate(cl):
        if id(rest) not in read and part_ok(rest) and told_as_rest(ctx.text, cl, k):
            found = _with_whole(ctx, cl, k)
            if found is not None and not any(id(p) in read for p in found.parts):
                yield found


def _with_whole(ctx: Context, cl: list[Claim], k: int) -> Sum | None:
    """The rest ``cl[k]`` with the figures of its sentence before it: the first is the whole (or the sentence points
    back at the one before: "Of these, 903 were motorcyclists"; or the whole follows, "the remaining 17 of the 300"),
    the others the parts, each smaller than the whole."""
    text, rest = ctx.text, cl[k]
    whole: Claim | None
    s0, s1 = ctx.sentences.span(rest.start)
    alike = [c for c in cl[:k] if s0 <= c.start and _alike(c, rest) and not _NOT_A_PART.search(text, s0, c.start)]
    after = cl[k + 1] if k + 1 < len(cl) and cl[k + 1].start < s1 else None
    if after is not None and _alike(after, rest) and _OF_THE_WHOLE.fullmatch(text, subject_end(text, rest), after.start):
        whole, parts = after, [*alike, rest]  # "the remaining 17 of the 300", "the remaining 20 in the 275-seat assembly"
    elif alike and (POINTS_BACK.match(text, s0) or OF_THEM.match(text, alike[0].end)):
        whole, parts = _before(ctx, cl, s0, rest), [*alike, rest]  # "Of these, 903 ...", "China accounted for 781,000 of them"
    elif len(alike) >= 2 and _PART_OF.fullmatch(text, alike[0].end, alike[1].start):
        whole, parts = alike[1], [alike[0], *alike[2:], rest]  # "won 172 of the 300 seats, ... the remaining 34"
    elif len(alike) >= 2 and not _PEER.search(gap(text, alike[0], alike[1])):
        whole, parts = alike[0], [*alike[1:], rest]
    else:
        return None  # "won 140 seats, the Kurdish alliance 75, ...": the first figure is a part, told like the others
    if whole is None or len(parts) < 2 or len(parts) > MAX_PARTS or tol.point(rest) >= tol.point(whole):
        return None  # "cut 300 jobs last year and the remaining 1,000 staff": the rest of something else
    return Sum(tuple(parts), whole, including=False)


def _before(ctx: Context, cl: list[Claim], s0: int, rest: Claim) -> Claim | None:
    """The last figure like ``rest`` in the sentence before ``s0``, in the same paragraph ("... 1,482 road deaths
    in the first half. Of these, ...")."""
    if s0 == 0 or "\n" in ctx.text[max(0, s0 - 2):s0]:
        return None
    p0 = ctx.sentences.span(s0 - 1)[0]
    before = [c for c in cl if p0 <= c.start < s0 and _alike(c, rest)]
    return before[-1] if before else None


def _alike(c: Claim, rest: Claim) -> bool:
    """A figure that may be the rest's whole or a part beside it: a part or total of its kind, or a bare scaled
    figure beside a sum of money ("700 billion roubles ... the remaining 500 billion"); the units are compared
    after, by measured_alike."""
    if not part_ok(c):
        return False
    if c.kind == rest.kind:
        return True
    count = c if c.kind == "count" else rest
    if {c.kind, rest.kind} == {"money", "count"}:
        return bare_scaled(count)
    return {c.kind, rest.kind} == {"measure", "count"} and (bare_scaled(count) or elided(count))  # "4.6 million
    # barrels ... Russia at 1.9 million, ... all other suppliers at 0.9 million": the unit elided
