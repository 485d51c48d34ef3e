"""A whole count or measure, then the list it breaks down into, summed past it (NC109): "Macau's visitor arrivals hit
18.7 million, with mainland Chinese making up 10.5 million, Hong Kong residents 7.6 million and visitors from
elsewhere 2.6 million"; "Norway's fishermen landed 2.39 million tonnes of fish (herring 1.02 million, cod and haddock
710,000, ...)"; "Chile's salmon farmers exported 385,000 tonnes last year. Of that, 512,000 tonnes were Atlantic
salmon, 101,000 tonnes trout and 72,000 tonnes coho salmon."

Such a list may be some of its whole only (a breakdown need not be told in full), so a sum short of it says nothing;
a sum past it says one of the figures is wrong.  The list is told right after its whole, set off by ", with" and a
share verb ("making up", "accounting for"), a colon, a bracket, "comprising" or "made up of", or a comma with its
first part told "of them"; or it fills the next sentence, which opens pointing back ("Of that,").  Sums of money are
left out: a company's divisions sell to one another, or lose, and their figures pass the group's ("Net profit rose to
1.1 billion dollars, with mining contributing 1.4 billion").  The parts are one list with one verb (later parts told
with a verb of their own, or by what was done to them, may overlap: "900 of them girls, 800 released"), takers not
paired before one verb, none told at a named place (places may lie within one another) or a time, none a change, a
level or a rate, and none naming another noun than the whole's or a kind of it (numcheck/data/group_names.tsv).
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Iterator, Sequence

from ... import tolerance as tol
from ...model import Claim
from ...text import head_noun
from .._common import OF_THEM, claims_between, claims_by_sentence, opens_paragraph, subject_end
from ..base import Context
from ..repeats._names import group_names, kinds_of
from ._parts import (AND, A_RATE, ANOTHER_TIME, LEVEL_BEFORE, RATE_AFTER, Sum, bare_scaled, elided, part_ok, told_as_rest,
                     told_at_place)
from ._lists import EACH as _EACH
from ._told import a_kind_word, one_group, parts_count_alike
from ._wholes import MAX_PARTS, list_joined

# from the whole (after its noun) to its first part: the whole's own words (a time, a place), then what sets the list
# off, then the first part's name: ", with mainland Chinese making up ", ": income tax brought in ", " comprises ",
# ", by party: Democratic Progressive Party "
_WORDS = r"(?:[^.,;:\d()]|(?<=[A-Za-z])\d|(?<!\d)(?:19|20)\d\d(?!\d))"  # words ("H5N1"), a year among them ("at the end of 2005")
_SET_OFF = re.compile(r"^" + _WORDS + r"{0,60}?(?:,\s*with\s(?P<with>" + _WORDS + r"{0,50})|(?:(?:,\s*by\s+[a-z]+\s*)?:\s|\(\s*|,?\s+(?:comprises|comprising"
                      r"|comprised|(?:is|are|was|were)?\s*made\s+up\s+of|consist(?:s|ed|ing)?\s+of)\s)" + _WORDS + r"{0,50})$", re.I)
# or a comma alone, where the first part is told "of them": "62 million birds ..., 36.5 million of them broiler chickens"
_COMMA = re.compile(r"^" + _WORDS + r"{0,60}?,\s*$")
# after "with", the first part told as a share of the whole: "with mainland Chinese making up", "with VAT contributing"
# (not "with China topping the table with 32": a count of something else)
_SHARE_VERB = re.compile(r"\b(?:making\s+up|accounting\s+for|contributing|comprising|representing|having|holding)\s*$", re.I)
# a part of the part before it: "600,000 of it for export and 500,000 of that already sold forward"
_OF_A_PART = re.compile(r"\s+of\s+(?:it|that|them|these|those)\b", re.I)
# a sentence that points back at the whole it breaks down: "Of these, ", "Of that, ", "Of the debutants, "
_OF_THESE = re.compile(r"\s*Of\s+(?:these|this|that|those|them|the\s+[a-z]+)\s*,\s*", re.I)
# from a part (after its noun) to the next, named before its figure: ", cod and haddock ", " of them, business
# travellers ", " and those in transit "
_NAMED_NEXT = re.compile(r"(?:\s+of\s+them)?\s*(?:,|,?\s+and)\s+(?:[A-Za-z][\w'\u2019-]*\s+){1,3}")
# a later part told with a verb of its own, which may count some of another part too ("700 were girls and 600 were
# boarders"; the first may carry the list's verb: "Of that, 512,000 tonnes were Atlantic salmon, 101,000 tonnes trout")
_OWN_VERB = re.compile(r"\b(?:were|was|are|is|had|have|has|will|would|won|got|received|took)\b", re.I)


def breakdowns_past_the_whole(ctx: Context, cl: list[Claim]) -> Iterator[Sum]:
    """Each whole with the list it breaks down into, right after it in its sentence or filling the next: some of the
    whole, never more (read after the other readings, whatever figures they took: nc109).  The whole is the first
    figure of its kind in its sentence (not "36 candidates ... the 12 seats: 14 ..."); each sentence's figures are read
    a bounded number of times."""
    by_sentence = claims_by_sentence(ctx, cl)
    for i, group in by_sentence.items():
        kinds = Counter((c.kind, c.unit) for c in group)
        seen: set[tuple[str, str, bool]] = set()
        for j, whole in enumerate(group):
            key = (whole.kind, whole.unit, whole.text.isalpha())  # (a count in words counts who holds the list: "Four
            # European markets sent Egypt 3.71 million visitors ...: Russians 1.25 million, ...")
            first = key not in seen
            seen.add(key)
            if not first or not _may_be_whole(ctx, whole):
                continue
            parts = _set_off_after(ctx, group[j + 1:j + 1 + LOOK], whole) \
                or (_next_sentence(ctx, by_sentence.get(i + 1, []), whole) if kinds[(whole.kind, whole.unit)] == 1 else [])
            if parts and parts_count_alike(whole, parts):
                closed = told_as_rest(ctx.text, parts, len(parts) - 1) == "before"  # ("..., South Asia 0.62 million,
                # others 0.43 million)": the list is all of it)
                yield Sum(tuple(parts), whole, including=not closed, past_only=not closed)


LOOK = 3 * MAX_PARTS  # the figures after a whole read for its list (other figures may stand between its parts)


_DONE = re.compile(r"\b[a-z]{2,}ed\b")
# measures that do not add up: a temperature, a speed, a density (a measure in units per another is a rate already)
_NOT_ADDED = frozenset({"degree_Celsius", "degree_Fahrenheit", "kelvin", "degree"})


def _may_be_whole(ctx: Context, c: Claim) -> bool:
    """A count that names what it counts, or a sum or measure, told as a level, not a rate, average or a level
    compared with (not "the NDP 29, with one independent": an entry of a tally)."""
    text = ctx.text
    s0 = ctx.sentences.span(c.start)[0]
    return part_ok(c) and (c.kind == "measure" and c.unit not in _NOT_ADDED and "/" not in c.unit
                           or c.kind == "count" and bool(c.subject)) \
        and not A_RATE.search(text, max(s0, c.start - 40), c.start) \
        and not RATE_AFTER.match(text, c.end) and not LEVEL_BEFORE.search(text, max(s0, c.start - 20), c.start)


def _set_off_after(ctx: Context, following: list[Claim], whole: Claim) -> list[Claim]:
    """The list set off right after ``whole`` among the figures ``following`` it in its sentence (_SET_OFF), or
    none."""
    after = _like(following, whole)
    lead = ctx.text[subject_end(ctx.text, whole):after[0].start] if after else ""
    m = _SET_OFF.match(lead)
    of_them = bool(after) and bool(OF_THEM.match(ctx.text, after[0].end))
    if not after or not (m or _COMMA.match(lead) and of_them):
        return []
    if m and m.group("with") is not None and (not (_SHARE_VERB.search(m.group("with")) or of_them)
                                              or AND.search(m.group("with"))):
        return []  # (nor takers paired before one verb, whose sorts may overlap: "with frozen fish and export-grade
        # fish accounting for 2,200 tonnes and 1,900 tonnes")
    if m and _DONE.search(lead, max(0, len(lead) - 50)):
        return []  # (a clause of its own in the bracket: "(the city recorded highs of 44 degrees and 46 degrees")
    return _list_from(ctx, after, whole)


def _like(claims: Sequence[Claim], whole: Claim) -> list[Claim]:
    """The figures that may be the whole's parts (not "for eight diesel submarines" between sums of money)."""
    return [c for c in claims if _alike(c, whole) or _elided(c, whole)]


def _next_sentence(ctx: Context, group: list[Claim], whole: Claim) -> list[Claim]:
    """The list that fills the sentence after the whole's (its figures ``group``), in the whole's paragraph, opening by
    pointing back at the whole ("Of that, ...")."""
    text = ctx.text
    if not group:
        return []
    n0, n1 = ctx.sentences.span(group[0].start)
    if opens_paragraph(text, n0) or not _OF_THESE.match(text, n0) \
            or ANOTHER_TIME.search(text, n0, n1):
        return []  # (a sentence that does not point back may tell a peer's, or another time's, figures)
    after = _like(group, whole)
    parts = _list_from(ctx, after, whole) if after else []
    return parts if len(parts) == len(after) else []


def _list_from(ctx: Context, after: list[Claim], whole: Claim) -> list[Claim]:
    """The parts from ``after[0]`` on: at least two, like the whole, one list with one verb, no part at a named place,
    a time, a change or a level, or past MAX_PARTS."""
    text = ctx.text
    parts = [after[0]]
    for b in after[1:]:
        if not (list_joined(text, parts[-1], b) or _NAMED_NEXT.fullmatch(text, subject_end(text, parts[-1]), b.start)):
            break
        parts.append(b)
    if not 2 <= len(parts) <= MAX_PARTS or not all(part_ok(p) and (_alike(p, whole) or _elided(p, whole)) for p in parts) \
            or any(c.kind in ("date", "duration") for c in claims_between(ctx.claims, parts[0].start + 1, parts[-1].end + TIME_REACH)):
        return []  # (each part of a time: "8,400 in the first half, 2,340 in July")
    gaps = [text[a.end:b.start] for a, b in zip(parts, parts[1:])]
    nouns = {head_noun(p.subject) for p in parts if p.subject}
    if any(_OWN_VERB.search(g) for g in gaps[1:]) or any(_EACH.search(g) for g in gaps) or any(told_at_place(text, p) for p in parts) \
            or any(LEVEL_BEFORE.search(text, max(0, p.start - 20), p.start) or RATE_AFTER.match(text, p.end) for p in parts) \
            or any(_OF_A_PART.match(text, p.end) for p in parts[1:]) or _EACH.search(text, parts[-1].end, parts[-1].end + 20) \
            or any(_DONE_AFTER.match(text, p.end) for p in parts) \
            or all(tol.point(p) >= tol.point(whole) for p in parts) \
            or bool(nouns) and (whole.kind == "count" or whole.subject) \
            and not (whole.subject and all(_named_as(n, head_noun(whole.subject)) for n in nouns)
                     or all(a_kind_word(p.subject) for p in parts if p.subject)):
        return []  # (nor parts past the whole every one: "70,000 tickets were split between the two clubs, ... 20,000";
        # nor parts that name another noun, or a whole after another like it: "36 candidates ... the 12 seats: 14 ...")
    return parts


def _named_as(noun: str, whole: str) -> bool:
    """Whether a part's noun names what the whole counts: the same noun, a synonym, or a kind of it ("broiler
    chickens" of "birds": numcheck/data/group_names.tsv)."""
    return one_group(noun, whole) or group_names().same.get(whole, whole) in kinds_of(noun)

# a part told by what was done to it, which may count some of another part too: "900 of them girls, 800 released",
# "26 million breeding ewes and 23 million lambs tailed"
_DONE_AFTER = re.compile(r"(?:\s+of\s+them)?(?:\s+[a-z-]+){0,2}?\s+[a-z]{2,}ed\b")


TIME_REACH = 30  # characters after the last part in which a time of the parts' own is read


def _alike(a: Claim, b: Claim) -> bool:
    return a.kind == b.kind and a.unit == b.unit


def _elided(part: Claim, whole: Claim) -> bool:
    """A bare figure of a sum or measure, its currency or unit left out ("income tax brought in 99.2 billion"): the
    engine's measured_alike says whether it keeps the whole's."""
    return whole.kind in ("money", "measure") and (bare_scaled(part) or elided(part))
