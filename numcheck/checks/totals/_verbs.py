"""A whole, then its parts each led by a verb that parts it in full (NC109): "United have played 30 league matches,
winning 18, drawing 7 and losing 5" (numcheck/data/partitions.txt, the lines in -ing; the whole counts a noun of
numcheck/data/partition_wholes.txt)."""
from __future__ import annotations

import re
from functools import lru_cache

from ...datafiles import words
from ...model import Claim
from ...text import head_noun
from .._common import gap
from ..base import Context
from ._parts import Sum, a_partition, clause_ends, left_out_next, part_ok, whole_ok

# from the whole to its first part: "30 league matches, winning "
_FIRST = re.compile(r"(?:\s+[a-z][^,;:.()\d]{0,40})?\s*,\s*([a-z]+ing)\s+", re.I)
# from a part to the next: ", drawing "  " and losing "
_NEXT = re.compile(r"\s*(?:,|,?\s+and)\s+([a-z]+ing)\s+", re.I)


def parts_led_by_verbs(ctx: Context, cl: list[Claim], k: int) -> Sum | None:
    """The whole ``cl[k - 1]`` and its parts from ``cl[k]`` on, when each part is led by a verb of one partition."""
    text, whole = ctx.text, cl[k - 1]
    first = _FIRST.fullmatch(gap(text, whole, cl[k]))
    if first is None or not whole_ok(whole) or not part_ok(cl[k]):
        return None
    verbs, parts = [first.group(1).lower()], [cl[k]]
    s1 = ctx.sentences.span(whole.start)[1]
    for c in cl[k + 1:]:
        then = _NEXT.fullmatch(gap(text, parts[-1], c))
        if then is None or c.start >= s1 or not part_ok(c):
            break
        verbs.append(then.group(1).lower())
        parts.append(c)
    if len(parts) < 2 or not a_partition(verbs) or not clause_ends(text, parts[-1].end, s1) \
            or any(c.start < s1 for c in cl[k + len(parts):]) or left_out_next(ctx, s1):
        return None  # "winning 18 and losing 5, while 7 were drawn", ", with 40 still awaiting results", "... of their
        # 25 matches", "losing 3 in the league", "... The rest were waved through": the list goes on, names its own
        # whole or another
    if head_noun(whole.subject) not in _parted() or _IN_A_PHRASE.search(text, max(0, whole.start - 8), whole.start):
        return None  # "collected 95 points, winning 29, ...", "played 14 seasons", "14 schools with 6,200 pupils,
        # passing 11": the verbs part the matches or the schools, not what the figure counts
    return Sum(tuple(parts), whole, including=False)


# a figure inside a phrase of another: "14 schools with 6,200 pupils", "at 4 grounds"
_IN_A_PHRASE = re.compile(r"\b(?:with|at|in|for|of|from|over|across|behind|clear)\s+$", re.I)


@lru_cache(maxsize=1)
def _parted() -> frozenset[str]:
    """numcheck/data/partition_wholes.txt: what verbs of a partition may part ("matches", "candidates")."""
    return frozenset(words("partition_wholes.txt"))
