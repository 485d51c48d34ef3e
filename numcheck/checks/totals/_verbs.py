"""A whole, then its parts each led by a verb that parts it in full (NC109): "United have played 30 league matches,
winning 18, drawing 7 and losing 5" (numcheck/data/partitions.txt, the lines in -ing; the whole counts a noun of
numcheck/data/partition_wholes.txt); or a record told before the matches it is of: "18 wins, nine draws and seven
defeats from their 34 matches", "have won 22, drawn seven and lost just one of their 30 league games"."""
from __future__ import annotations

import re
from functools import lru_cache

from ...datafiles import words
from ...model import Claim
from ...text import head_noun
from .._common import gap, subject_end
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


# the last part of a record, then the matches it is of: " from their ", " of their ", " in its "
_RECORD_OF = re.compile(r"\s+(?:from|of|in|out\s+of)\s+(?:(?:their|its|his|her|the)\s+)?", re.I)
# from one part of a record to the next, with the verb that tells the next: ", drawn ", " and lost just "
_RECORD_JOIN = re.compile(r"\s*(?:,|,?\s+and)\s+(?:([a-z]+)\s+)?(?:(?:just|only)\s+)?", re.I)
_RECORD_VERB = re.compile(r"\b([a-z]+)\s+(?:(?:just|only)\s+)?$", re.I)  # the verb that tells the first: "have won "


def records_of_matches(ctx: Context, cl: list[Claim], k: int) -> Sum | None:
    """The parts of a record before ``cl[k]``, the matches it is of, when they name one partition in full (a noun
    each, "18 wins, nine draws and seven defeats", or a verb each, "won 22, drawn seven and lost one"; a part its
    verb makes a change, "lost three", is a count here); two parts ("won 54 and lost 28 of their 82") are some of them."""
    text, whole = ctx.text, cl[k]
    at = subject_end(text, cl[k - 1])
    at = at if at <= whole.start else cl[k - 1].end  # "lost one of their 38 league matches": the noun is the whole's
    if not whole_ok(whole) or head_noun(whole.subject) not in _parted() or not _RECORD_OF.fullmatch(text, at, whole.start):
        return None
    parts: list[Claim] = [cl[k - 1]]
    verbs: list[str] = []
    s0 = ctx.sentences.span(whole.start)[0]
    for c in reversed(cl[:k - 1]):
        join = _RECORD_JOIN.fullmatch(text, subject_end(text, c), parts[0].start)
        if join is None or c.start < s0 or not whole_ok(c):
            break
        verbs.insert(0, (join.group(1) or "").lower())
        parts.insert(0, c)
    first = _RECORD_VERB.search(text, max(s0, parts[0].start - 20), parts[0].start)
    verbs.insert(0, first.group(1).lower() if first else "")
    nouns = [head_noun(p.subject) for p in parts]
    s1 = ctx.sentences.span(whole.start)[1]
    if len(parts) < 2 or not all(whole_ok(p) for p in parts) or not (a_partition(nouns) or a_partition(verbs)) \
            or not clause_ends(text, _after_season(text, subject_end(text, whole)), s1) or left_out_next(ctx, s1):
        return None  # (nor ", with three postponed", "after one walkover": the rest told after them)
    return Sum(tuple(parts), whole, including=len(parts) < 3)  # (two kinds, "won 54 and lost 28 of their 82", may
    # leave the draws out: they fall short of the matches, never past them)


# the season or year a record is of, after its matches: " this season", " in 2005", " since 2001"
_SEASON = re.compile(r"\s+(?:(?:this|last|the)\s+(?:season|year|campaign|term|tournament)|(?:in|since)\s+(?:19|20)\d\d(?:[-/]\d\d)?)\b",
                     re.I)


def _after_season(text: str, at: int) -> int:
    """Where the words about a record's matches end, past the season they are of ("of their 38 games this season")."""
    m = _SEASON.match(text, at)
    return m.end() if m else at
