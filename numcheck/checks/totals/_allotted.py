"""A sum of money, then what it is set aside for (NC109): "approved the 2009 budget of 3.1 trillion naira, of which 1.2
trillion naira is earmarked for capital projects such as roads and power plants and 1.9 trillion naira for recurrent
spending", "tabled a RM4.1 billion state budget, the largest in Sarawak's history, with RM2.5 billion allocated for
development and RM1.6 billion for operating expenditure".  The sums set aside may be told by their purpose alone ("approved
345 million euros in aid, with 210 million euros for reconstruction and 135 million euros for the civil
administration", "allotting NIS 2.1 billion to roads and NIS 1.3 billion to housing", "with 1.9 billion yuan going
to dikes and 1.3 billion yuan to relocation"), two or more of them, the later ones perhaps without their currency
("and 5.4 billion for infrastructure").  They are some of the whole: they may fall short of it, never exceed it; a
profit is no such whole (its parts' gross figures may pass it).  A whole "split between" what gets each part ("set
aside Rs 1,800 crore for rural roads, split between the Pradhan Mantri Gram Sadak Yojana, which gets Rs 1,250 crore,
and state schemes, which get Rs 550 crore") is all of them, unless more of it is told after them ("with the rest
held in reserve")."""
from __future__ import annotations

import re

from ...datafiles import words
from ...model import Claim
from ...text import alternation
from .._common import OPENS_ON_WHOLE, compared_before, held_in, subject_end
from ..base import Context
from ._parts import AND, ANOTHER_TIME, LEVEL_BEFORE, RATE_AFTER, Sum, bare_scaled, part_ok, whole_ok
from ._wholes import NET

# from the whole to the first sum set aside, in its sentence: ", of which ", ", the largest in Sarawak's history, with ",
# ", allotting "
_OPENING = re.compile(r"[^;:()]{0,80}?,\s*(?:of\s+which|with|allotting|allocating|earmarking|setting\s+aside)\s+", re.I)
# a sum's purpose, then the next sum: " is earmarked for capital projects such as roads and power plants and ", " for
# reconstruction and ", " going to reinforcing dikes, "
_SET_ASIDE = re.compile(r"\s+(?:(?:(?:is|are|was|were|will\s+be|would\s+be|has\s+been|have\s+been)\s+)?"
                        r"(?:earmarked|allocated|allotted|set\s+aside|budgeted|reserved|meant|intended|destined|going)\s+)?"
                        r"(?:for|to|on)\s+[a-z][^,;:.()\d]{0,80}?\s*(?:,\s*(?:and\s+)?|,?\s+and\s+)", re.I)
# the last sum's purpose, told by ellipsis: " for recurrent spending", " to defence"
_FOR = re.compile(r"\s+(?:[a-z]+\s+)?(?:for|to|on)\s+[a-z]", re.I)
MAX_SUMS = 6


def allotted_sums(ctx: Context, cl: list[Claim], k: int) -> Sum | None:
    """The whole ``cl[k - 1]`` and the sums from ``cl[k]`` on set aside out of it (two or more)."""
    text, whole = ctx.text, cl[k - 1]
    if k + 1 >= len(cl) or whole.kind != "money" or not whole_ok(whole):
        return None
    s0, s1 = ctx.sentences.span(whole.start)
    if not _OPENING.fullmatch(text, subject_end(text, whole), cl[k].start) \
            or NET.search(text, max(s0, whole.start - 40), whole.start) \
            or compared_before(text, whole, s0):
        return None  # (nor a sum compared with: "more than double the 6.3 billion dollars of 2004, with 5.9 billion
        # dollars going to Asia")
    parts = [cl[k]]
    for c in cl[k + 1:k + MAX_SUMS]:
        if c.start >= s1 or not _told_as_whole(c, whole) \
                or not _SET_ASIDE.fullmatch(text, subject_end(text, parts[-1]), c.start):
            break
        parts.append(c)
    if len(parts) < 2 or not _told_as_whole(parts[0], whole, first=True) or not _FOR.match(text, parts[-1].end) \
            or _SPAN.search(text, parts[0].end, min(s1, parts[-1].end + 40)) or ANOTHER_TIME.search(text, parts[0].end, s1):
        return None  # ("with 1.2 billion baht for drought relief and 450 million for crop insurance approved at a
        # previous meeting": sums of another time)
    return Sum(tuple(parts), whole, including=True)


def _told_as_whole(c: Claim, whole: Claim, first: bool = False) -> bool:
    """A part of the whole's kind and unit (a sum in its currency), or after the first a bare scaled figure that keeps
    it ("and 5.4 billion for")."""
    if not part_ok(c):
        return False
    return (c.kind == whole.kind and c.unit == whole.unit) or (not first and bare_scaled(c))


# a time a sum is set aside over, which sums over longer times hold again: "1 billion dollars allocated for the first
# year and 1.2 billion dollars for the first two years", "for the second phase"
_SPAN = re.compile(r"\b(?:years?|months?|annually|a\s+year|per\s+year|phases?|stages?|tranches?|rounds?)\b", re.I)

# from the whole to the first taker of a split: " for rural roads in the budget, split between the Yojana, which gets "
# (or each taker told "with" its part, or its part in brackets: "The 64 seats were split between the ruling party with
# 38, ...", "divided among the winner (750,000), ...")
_SPLIT = re.compile(r"(?:[^;:()\d]|(?:19|20)\d\d(?:[-/]\d\d)?){0,80}?,?\s+(?:(?:is|are|was|were|will\s+be|has\s+been|had\s+been|to\s+be)\s+)?"
                    r"(?:split|divided|shared)\s+(?:between|among)\s+(?:[^,;:()\d]{1,60},\s+which\s+(?P<verb>[a-z]+)\s+"
                    r"|[^,;:()\d]{1,60}?\s+(?P<with>with)\s+|[^,;:()\d]{1,60}?\s*(?P<bracket>\()\s*)", re.I)
# from one part to the next taker's: ", and state schemes, which get ", ", school repairs, " (the verb left out); ", the
# opposition with "; "), the runner-up ("
_NEXT_TAKER = {
    "verb": re.compile(r"\s*,\s*(?:and\s+)?[^,;:()\d]{1,60}?,\s+(?:which\s+[a-z]+(?:\s+[a-z]+)?\s+)?|\s+and\s+[^,;:()\d]{1,60}?,\s+",
                       re.I),
    "with": re.compile(r"(?:\s*,\s*(?:and\s+)?|,?\s+and\s+)[^,;:()\d]{1,60}?\s+with\s+", re.I),
    "bracket": re.compile(r"\s*\)\s*(?:,\s*(?:and\s+)?|,?\s+and\s+)(?!with\b|while\b)[^,;:()\d]{1,60}?\s*\(\s*", re.I)}
# (not ", with Germany (1,200) the hardest hit": one of them again)

_TAKES = frozenset(words("taker_verbs.txt"))


def split_between(ctx: Context, cl: list[Claim], k: int) -> Sum | None:
    """The whole ``cl[k - 1]`` split between takers each told with the part it gets, from ``cl[k]`` on ("which gets",
    "with", in brackets): all of it."""
    text, whole = ctx.text, cl[k - 1]
    if not whole_ok(whole) or whole.kind not in ("money", "count"):
        return None
    m = _SPLIT.fullmatch(text, subject_end(text, whole), cl[k].start)
    if m is None or m.group("verb") and m.group("verb").lower() not in _TAKES \
            or LEVEL_BEFORE.search(text, max(0, whole.start - 24), whole.start):
        return None
    if k >= 2 and held_in(text, cl[k - 2], whole):
        whole = cl[k - 2]  # "277 seats in the 480-member lower house, split between ...": the seats held are split
    s1 = ctx.sentences.span(whole.start)[1]
    parts = [cl[k]]
    told = _NEXT_TAKER[next(form for form in ("verb", "with", "bracket") if m.group(form))]
    for c in cl[k + 1:k + MAX_SUMS]:
        joined = told.fullmatch(text, parts[-1].end, c.start)
        if c.start >= s1 or not _told_as_whole(c, whole) or not joined:
            break
        parts.append(c)
        if AND.search(joined.group()):
            break  # ("and Britain (500)": the last taker)
    if len(parts) < 2 or not part_ok(parts[0]) or any(RATE_AFTER.match(text, p.end) for p in parts):
        return None  # ("Flanders (50 million a year), Wallonia (45 million a year)": each a rate, the whole a sum of years)
    goes_on = bool(_MORE_TAKERS.match(text, parts[-1].end, s1))  # ("..., with the rest held in reserve")
    return Sum(tuple(parts), whole, including=goes_on)


# after the last taker's part, more of the whole told without a figure: ", with the rest held in reserve", ", while
# 50 million dollars is kept in reserve", ", with smaller sums going to Greece and Malta", ", leaving 500 unallocated"
_MORE_TAKERS = re.compile(r"[^.;]*?\b(?:rest|remainder|remaining|balance|reserve|others?|smaller|while|with|plus|besides"
                          r"|leaving|left|unallocated|unspent)\b",
                          re.I)


def taken_from_the_opening_whole(ctx: Context, cl: list[Claim], k: int) -> Sum | None:
    """A sum a sentence opens on ("Of the 4.2 billion euros set aside for capital spending, ...") and the takers of it
    told after, the first by its verb and the next by name alone ("the public works ministry gets 1.75 billion, defence
    1.6 billion and justice 850 million"): sums taken by different takers, some of the whole, never more."""
    text, whole = ctx.text, cl[k - 1]
    s0, s1 = ctx.sentences.span(whole.start)
    if whole.kind != "money" or not part_ok(whole) or (k > 1 and cl[k - 2].start >= s0) \
            or not OPENS_ON_WHOLE.fullmatch(text, s0, whole.start) \
            or not _TAKER_VERB.search(text, max(s0, cl[k].start - 30), cl[k].start):
        return None
    parts = [cl[k]]
    for c in cl[k + 1:k + MAX_SUMS]:
        if c.start >= s1 or not _NAME_ONLY.fullmatch(text, parts[-1].end, c.start):
            break
        parts.append(c)
    if len(parts) < 2 or not all(p.kind == "money" and p.unit == whole.unit or bare_scaled(p) for p in parts):
        return None
    return Sum(tuple(parts), whole, including=True)


# the first taker's verb, right before its sum: "the public works ministry gets "
_TAKER_VERB = re.compile(r"\b(?:" + alternation(_TAKES) + r"|will\s+(?:get|receive|take))\s+$", re.I)
# the next takers, by name alone: ", defence ", " and justice "
_NAME_ONLY = re.compile(r"\s*(?:,|,?\s+and)\s+(?:the\s+)?(?:(?!" + alternation(_TAKES) + r"\b)[A-Za-z][\w'\u2019-]*\s+){1,4}",
                        re.I)  # (with no verb of its own: not "and aid agencies got 210 million dollars for other programmes")
