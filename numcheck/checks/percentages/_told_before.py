"""A share told of the one whole before it, one mistyped digit from it (NC104): "India's defence budget of 890
billion rupees includes 372 billion rupees for new weapons, accounting for 41.8 percent of the total"; "Road
accidents claimed 33,957 lives in Russia last year. Drunk drivers were blamed for 4,212 of the deaths, or 12.4
percent".

The sentence puts its one percentage as the share of the figure before it (", or", "(", "accounting for", "making
up") and names no other base after it (the clause ends, or the base points back: "of the total", "of output",
"of the deaths" after a toll of lives).  The whole is then the one figure like the part told before it, in its
sentence or, where its sentence tells none, in the sentence before in the same paragraph.  What joins them is not
read, so the reading speaks only where one digit of the three, changed far beyond their rounding, would make the
share (percentages/_typo): a share of some other base is seldom that near, and the copy in which it is read as
written stays quiet.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from ...model import Claim
from ...text import head_noun, singular
from .._common import OPENS_ON_WHOLE, claims_between, gap, opens_paragraph, pairs_in_sentence
from ..base import Context
from ..totals._parts import LEVEL_BEFORE, clause_ends
from ._common import APPROX, alike, nouns_alike, ok_amount, ok_pct, part_ratio, share_of
from ._trio import Trio, whole_of
from ._typo import SHARE_CUE, SHARE_REACH, one_digit_away
from ._whole import (CHANGED_BEFORE, COMPARED_AFTER, HYPHENS, MISTYPED, OF_THE_NOUN, base_told_of, counts_alike,
                     of_a_group, share_bases, told_as_whole, told_of_the_one_before)

# after the percentage, the clause ends, perhaps after a base named by a few words: ", or 12.4 percent.", "(36.9%)",
# " of the total,", " of Indonesia's total", " of the deaths"
_BASE_AFTER = re.compile(r"\s+of\s+(?:(?:the|its|their)\s+|[A-Z][\w.-]*['\u2019]s\s+)?(?:[a-z]+['\u2019]s\s+)?"
                         r"(?P<base>(?:[a-z-]+\s+){0,2}[a-z-]+)"
                         r"(?=\s*(?:[,.;:)]|--|\u2013|\u2014|\Z))")
_MOVED = re.compile(r"\b(?:up|down)\s+from\b|\bcompared\s+(?:with|to)\b", re.I)  # a sentence that moves a level
PART_REACH = 80  # characters from the part to its percentage, at most


def shares_of_a_whole_before(ctx: Context, cl: list[Claim], done: set[int]) -> Iterator[Trio]:
    """Each percentage not read yet (``done``; each read here is added) put as the share of the figure before it,
    of the one figure like it told before, where the three do not make the share as written and one digit mistyped
    would (a finding the caller raises as one digit off)."""
    for group in pairs_in_sentence(ctx, cl):
        pcts = [c for c in group if ok_pct(c)]
        if len(pcts) != 1 or id(pcts[0]) in done or pcts[0].change is not None:
            continue
        pct = pcts[0]
        part = _part(ctx, group, pct)
        whole = _whole(ctx, cl, part, pct) if part is not None else None
        if part is None or whole is None or not _base_points_back(ctx.text, pct, part, whole, ctx.sentences.span(pct.start)[1]) \
                or not base_told_of(ctx, pct, whole) \
                or of_a_group(ctx.text, part, whole):
            continue
        done.add(id(pct))
        ratio = part_ratio(part, whole)
        if ratio is not None and not ratio.overlaps(share_of(pct), 0.02) \
                and one_digit_away(part, whole, pct, far=MISTYPED):
            yield Trio(part, whole, pct, pct)


def _part(ctx: Context, group: list[Claim], pct: Claim) -> Claim | None:
    """The figure the percentage is put as the share of: the nearest amount before it in its sentence, within
    PART_REACH, not the whole of "X of Y" before it, not told as a change or a difference."""
    text = ctx.text
    before = [c for c in group if c.end <= pct.start and ok_amount(c)]
    s0 = ctx.sentences.span(pct.start)[0]
    if not before or not (SHARE_CUE.search(text, max(0, pct.start - SHARE_REACH), pct.start)
                          or _COMMA.search(text, max(0, pct.start - SHARE_REACH), pct.start)
                          and (_BASE_AFTER.match(text, pct.end) or OPENS_ON_WHOLE.fullmatch(text, s0, before[0].start))):
        return None  # (set off by a comma alone, the share names its base, ", 57.3 percent of the total", or the
        # sentence opens on its whole: "Of the 2.1 million refugees ..., some 1.25 million, 59.5 percent, live ...")
    part = before[-1]
    if len(before) > 1 and alike(before[-2], part) and whole_of(text, before[-2], part):
        return None  # "scored 576 of Australia's 3,542 runs, 16.3 percent": the figure before is the whole's (trios)
    if pct.start - part.end > PART_REACH or ";" in text[part.end:pct.start] \
            or not _SHARE_CUE_AFTER_PART.search(text, max(part.end, pct.start - SHARE_REACH), pct.start) \
            or CHANGED_BEFORE.search(text, max(s0, part.start - 30), part.start) or COMPARED_AFTER.match(text, part.end):
        return None  # (nor a difference: "7.6 million tonnes more than last season's harvest, or 15 percent")
    return part


_POINTING = frozenset({"them", "those", "these", "which", "whom", "it", "that"})  # "45 percent of them": of the part
_OWN_TOTALS = frozenset({"group", "overall", "combined", "grand", "team"})  # a total of what was told
_CLAUSE_OF_ITS_OWN = re.compile(r",\s+(?:while|whereas|but)\s", re.I)
_COMMA = re.compile(r",\s*" + APPROX + r"\Z", re.I)
# the share cue stands between the part and the percentage (not before the part: "accounting for 3,000, ..., 45%")
_SHARE_CUE_AFTER_PART = re.compile(r"(?:,|\(|--|\u2013|\u2014|\bfor|\bup|\bin|\bto|\bof|\bat|\bis|\bwas|\bputting)\s+"
                                   r"(?:[a-z]+\s+){0,3}\Z", re.I)


def _whole(ctx: Context, cl: list[Claim], part: Claim, pct: Claim) -> Claim | None:
    """The one figure like the part told before it in its sentence, or, where its sentence tells none, in the sentence
    before in the same paragraph when the part's sentence may tell a share of it (told_of_the_one_before); None where
    there are more, or a level is moved or compared there."""
    text = ctx.text
    s0 = ctx.sentences.span(part.start)[0]
    found = _alike_before(ctx, cl, part, s0, part.start)
    p0 = s0
    if not found and not opens_paragraph(text, s0):
        p0 = ctx.sentences.span(s0 - 1)[0]
        found = _alike_before(ctx, cl, part, p0, s0)
    if len(found) != 1 or _MOVED.search(text, p0, part.start) \
            or LEVEL_BEFORE.search(text, max(0, found[0].start - 12), found[0].start) \
            or not counts_alike(part, found[0]):
        return None
    if p0 < s0 and not told_of_the_one_before(ctx, part, found[0], p0, s0, pct):
        return None
    if p0 == s0 and not (told_as_whole(ctx, found[0], part) or _BASE_AFTER.match(text, pct.end)
                         or OF_THE_NOUN.match(text, part.end)):
        return None  # in one sentence, a figure told beside a peer's ("pumped 9.2 million barrels a day, with Iran
        # producing 3.9 million, or 12 percent") unless the text says it is the whole, or names the base ("122 of the
        # deaths": of_a_group then asks that the noun is the whole's)
    return found[0]



def _alike_before(ctx: Context, cl: list[Claim], part: Claim, lo: int, hi: int) -> list[Claim]:
    """The amounts like the part in [lo, hi), but a figure joined to a noun by a hyphen ("two-wheelers", "a 300-seat
    house"), which names a kind of thing rather than counting it."""
    return [c for c in claims_between(cl, lo, hi) if c is not part and ok_amount(c) and alike(c, part)
            and c.start < part.start and ctx.text[c.end:c.end + 1] not in HYPHENS]


def _base_points_back(text: str, pct: Claim, part: Claim, whole: Claim, sentence_end: int) -> bool:
    """Whether nothing after the percentage names another base than the whole: nothing but who said so follows it
    (clause_ends), perhaps after a base named by one noun that is a total or output (numcheck/data/share_bases.txt)
    or what the whole or the part counts ("of the deaths" after a toll of lives: nouns_alike)."""
    m = _BASE_AFTER.match(text, pct.end)
    end = m.end() if m else pct.end
    if not clause_ends(text, end + (text[end:end + 1] == ")"), sentence_end) \
            and not (m is not None and _CLAUSE_OF_ITS_OWN.match(text, end)):
        return False  # (nor a scope after it: "or 53.2 percent, in the construction sector"; but after a base named,
        # a clause of its own may follow: "57.3 percent of the total, while Chrysler contributed 1.5 billion")
    if m is None:
        return True
    told = m.group("base").lower().split()
    if told[0] == "total" and len(told) == 2:
        told = told[1:]  # "of total exports": of the exports told
    elif told[-1] == "total" and (len(told) == 1 or told[0] in _OWN_TOTALS):
        return True  # "of the total", "of the group total", "of the team's total"
    if len(told) != 1:
        return False  # a base narrowed by a word of its own: "of national industrial output", "of rural residents"
    noun = singular(told[0])
    return noun not in _POINTING and (noun in _bases()
                                      or any(c.subject and singular(head_noun(c.subject)) == noun for c in (whole, part))
                                      or bool(whole.subject) and nouns_alike(noun, whole.subject))


@lru_cache(maxsize=1)
def _bases() -> frozenset[str]:
    return share_bases() | {"sum"}

