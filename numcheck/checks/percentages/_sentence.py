"""A sentence's one part of a whole and its one percentage, however far apart (NC104): "Only 9,817 of the 11,340
graduates who sat the test passed, a pass rate of 86.6 percent", "Of the 410 deaths recorded since the outbreak
began, 276 were children -- 67.3% of the total".

The figures between them may say anything, so the reading asks more of the sentence than the readings of figures
side by side do: it states exactly one part of a whole ("X of the Y", "X graduated out of Y", "Y ..., of which
X", or opens on its whole, "Of the Y ..., X") and no other figure like them, holds exactly one percentage that is
no change, and sets that percentage off as a share: after a comma, dash, colon or bracket, plain or as "a <...>
rate of", "which works out to", and with nothing after it that makes it the share of something else ("60 percent
support", "30% of the vote", "a vote share of 41 percent").
"""
from __future__ import annotations

import re
from typing import Iterator

from ... import tolerance as tol
from ...model import Claim
from ...text import head_noun, singular
from .._common import (OF_THEM, OPENS_ON_WHOLE, claims_between, compared_with, gap, held_in, of_its_whole,
                       opens_paragraph, pairs_in_sentence, subject_end)
from ..base import Context
from ..totals._lists import toll_nouns
from ..totals._parts import holds_parts
from ._common import (APPROX, CLAUSE_END, OF, OF_NAMED, OF_OWNED_NAMED, OR_PCT, RATE_NOUNS, SHARE_OF_WHOLE, alike,
                      ok_amount, ok_pct, own_base)
from ._trio import Trio, whole_of
from ._rate import voted
from ._whole import SHARE_BEFORE, THEM_AFTER_BRACKET, base_named, whole_intro

# the percentage set off as the share: ", 82.8 percent", "-- a fill rate of 71.2%", ", which works out to 53.96 per
# cent", ", giving him a 55.70 percent share" (_RATE_AFTER), "giving battery cars a market share of 36.3%" (a
# market's share is of the units sold; "a vote share" names another base than seats); not a clause of its own
# before the rate (", which has a mortality rate of 90 percent", ", with a turnout of")
_SET_OFF = r"(?:,|--|\u2013|\u2014|\(|:|\s-)\s*"
_SHARE_CUE = re.compile(
    _SET_OFF + r"(?:or\s+|which\s+(?:is|was|works\s+out\s+to|represents|amounts\s+to)\s+"
    r"|(?:giving\s+(?:[a-z]+\s+){0,2})?an?\s+(?:(?:market\s+)?share|(?:[a-z-]+\s+){0,2}(?:" + RATE_NOUNS + r"))\s+of\s+)?"
    + APPROX + r"\Z", re.I)
_RATE_CUE = re.compile(_SET_OFF + r"(?:giving\s+(?:[a-z]+\s+){0,2})?an?\s+" + APPROX + r"\Z", re.I)
_RATE_AFTER = re.compile(r"\s+(?:market\s+share(?=\s*(?:[,.;:)]|--|\Z))|share|(?:[a-z-]+\s+)?rate)\b", re.I)  # not "a vote
# share": another base; nor "a 20 percent market share by revenue"
# after it, nothing that makes it the share of something else: the clause ends, "of the total", "... rate"
_SHARE_END = re.compile(CLAUSE_END.pattern + "|" + _RATE_AFTER.pattern, re.I)  # not "of the total for the region"
# a percentage told in words before its number, set off as the rate: ", a pass percentage of 24.84"
_WORDED_CUE = re.compile(_SET_OFF + r"an?\s+(?:[a-z-]+\s+){0,2}\Z", re.I)
CUE_REACH = 60  # characters before the percentage in which its cue is read
# a part told a few words after its figure, then its whole: "9,731 students graduated this year out of 11,020"
_WORDS_OUT_OF = re.compile(r"^\s+(?:[a-z]+\s+){1,8}out\s+of\s+(?:a\s+total\s+of\s+|the\s+)?$", re.I)
# a part, then its whole named by a noun: "38,416 houses in the district, out of a housing stock of 212,900", "812,000
# ... in an economically active population of" (not "from a": "rose to 120 million from a year-earlier figure of
# 100 million" is a change's base)
_FROM_A_WHOLE = re.compile(r"^[^.;:\d]{0,40}?\s(?:out\s+of|in|among)\s+(?:a|an|the|its|their)\s+"
                           r"(?:[a-z][\w-]*\s+){1,4}of\s+(?:about\s+|some\s+)?$", re.I)
# a whole, then its part brought in by "with" and a share verb: "Housing starts totalled 48,310, with single-family
# homes accounting for 29,754 units", "rice exports stood at 22.3 million tonnes, with basmati accounting for", "48.5
# million passengers in 2002, with transfer passengers accounting for"
_WITH_SHARE = re.compile(r"^(?:[^.;:\d]|(?<=\s)(?:19|20)\d\d\b){0,40}?,\s+with\s+(?:[a-z][\w-]*\s+){1,5}(?:accounting\s+for|making\s+up|"
                         r"representing|contributing)\s+" + APPROX + "$"
                         # (or the whole's owner's own part, by any act: "revenue of 24.4 billion dollars, with its
                         # services business bringing in"; not "won 257 seats, with the Republicans taking 178": a peer)
                         r"|^(?:[^.;:\d]|(?<=\s)(?:19|20)\d\d\b){0,40}?,\s+with\s+(?:its|their)\s+(?:[a-z][\w-]*\s+){1,4}"
                         r"[a-z]+ing(?:\s+(?:in|out|up))?\s+" + APPROX + "$", re.I)
# a whole, then the part of it told after "of which": "27,531 applications, of which it approved 19,802"
_OF_WHICH = re.compile(r"^(?:\s+[a-z]+){0,5}(?:\s+(?:in|during)\s+(?:19|20)\d\d)?,\s+of\s+(?:which|whom)\s+(?:[a-z]+\s+){0,3}$",
                       re.I)  # (its year told: "2,382,230 vehicles worldwide in 2008, of which")


# a survey's whole, then what it found: " primary schools published on Monday found "
_FOUND = re.compile(r"\s+[^.;:\d]{0,60}?\b(?:found|showed|shows|finds|revealed)\s+(?:that\s+)?", re.I)


def _parts_of_wholes(ctx: Context, group: list[Claim]) -> list[tuple[Claim, Claim]]:
    """Each (part, whole) the sentence states: "X of the Y", "X of the country's Y", "X graduated out of Y", "X ...
    out of a housing stock of Y", "Y, of which it approved X", "X seats in the Y-member house", or opening on its
    whole."""
    text = ctx.text
    out: list[tuple[Claim, Claim]] = []
    for a, b in zip(group, group[1:]):
        g = gap(text, a, b)
        if of_its_whole(text, a, b) and _cut_of(a) and ok_amount(b) and _per_time_alike(a, b):
            out.append((a, b))  # "cut 1,650 of its 2,100 weekly flights": the part cut, of a whole told per week
            continue
        if not (ok_amount(a) and ok_amount(b) and alike(a, b)):
            continue
        if whole_of(text, a, b) or _WORDS_OUT_OF.match(g) or _FROM_A_WHOLE.match(g) or held_in(text, a, b):
            out.append((a, b))
        elif _OF_WHICH.match(g) or _WITH_SHARE.match(g) \
                or _FOUND.fullmatch(g) and whole_intro().search(text, max(0, a.start - 30), a.start) \
                and (not b.subject or not a.subject or head_noun(b.subject) == head_noun(a.subject)):
            out.append((b, a))  # (a whole named as a survey's: "The study of 640 primary schools found 211"; not "a
            # study of 900 twins found 27 pairs": another count)
    s0 = ctx.sentences.span(group[0].start)[0]
    if len(group) > 1 and OPENS_ON_WHOLE.fullmatch(text, s0, group[0].start) and ok_amount(group[0]) \
            and ok_amount(group[1]) and alike(group[0], group[1]):
        out.append((group[1], group[0]))
    return out


def _cut_of(part: Claim) -> bool:
    """A part that is a figure of its own, or one a change verb tells ("cut 5,000 of the 95,000 jobs": a fall by it,
    and a part of them)."""
    return part.kind in ("count", "money", "measure") and part.point is not None and part.qualifier not in ("<", "<=")


def _per_time_alike(part: Claim, whole: Claim) -> bool:
    """A part and its whole in one kind and unit, or a bare count of a whole counted per time ("2,310 of its 8,950
    daily regional trains": the trains of each day)."""
    return alike(part, whole) or (part.kind == whole.kind == "count" and not part.unit and whole.unit.startswith("1 / "))


# a relative clause of the part that names the whole by a noun: ", which is 65.2 per cent of the network."
_WHICH = re.compile(_SET_OFF + r"(?:which\s+(?:is|was|represents|amounts\s+to)|" + SHARE_OF_WHOLE + r")\s+" + APPROX
                    + r"\Z", re.I)  # (or the part's share verb: ", making up 9.8 percent of the new chamber")
_OF_THE_NOUN = re.compile(r"\s+of\s+(?:the|its|their)\s+(?:[a-z-]+\s+){0,2}[a-z-]+\s*(?:[,.;:)]|\Z)")


def _set_off(text: str, pct: Claim) -> bool:
    """Whether the percentage is set off as a share, with nothing after it that names another base (but the part's
    relative clause may name the whole by a noun: _WHICH, _OF_THE_NOUN)."""
    before = max(0, pct.start - CUE_REACH)
    if _WHICH.search(text, before, pct.start) and _OF_THE_NOUN.match(text, pct.end):
        return True
    cued = bool(_SHARE_CUE.search(text, before, pct.start) and _SHARE_END.match(text, pct.end)) \
        or bool(_RATE_CUE.search(text, before, pct.start) and _RATE_AFTER.match(text, pct.end)) \
        or bool(pct.text[:1].isalpha() and _WORDED_CUE.search(text, before, pct.start)
                and CLAUSE_END.match(text, pct.end))
    return cued and not own_base(text, pct)


# the percentage of a whole, then its part after ", with": "Women account for 21.2 percent of the 1,403 candidates
# contesting the polls, with 297 female nominees"
_THEN_WITH_PART = re.compile(r"^[^.;:\d]{0,50}?,\s+with\s+(?:[a-z]+\s+)?$", re.I)


def _same_group_noun(whole: Claim, part: Claim) -> bool:
    """The part counts what the whole counts, by the same noun or one for it ("1,403 candidates ... 297 female
    nominees": numcheck/data/group_names.tsv), not something else ("with 297 in the capital")."""
    from ..repeats._names import group_names

    same = group_names().same
    heads = [head_noun(c.subject) for c in (whole, part)]
    return all(heads) and same.get(heads[0], heads[0]) == same.get(heads[1], heads[1])


def _share_of_whole_then_part(ctx: Context, group: list[Claim], pcts: list[Claim]) -> Trio | None:
    """A sentence's one percentage (``pcts``: its percentages that are no change) told of its whole ("21.2 percent
    of the 1,403 candidates"), and the one figure like the whole after it brought in by ", with" ("with 297 female
    nominees"), smaller than it and counting the same."""
    if len(pcts) != 1:
        return None
    pct = pcts[0]
    after = [c for c in group if c.start > pct.end]
    if len(after) != 2 or not OF.match(gap(ctx.text, pct, after[0])):
        return None
    whole, part = after
    if not (ok_amount(whole) and ok_amount(part) and alike(whole, part)) or part.point is None \
            or whole.point is None or part.point >= whole.point \
            or not _THEN_WITH_PART.match(gap(ctx.text, whole, part)) or not _same_group_noun(whole, part) \
            or any(ok_amount(c) and alike(c, part) for c in group if c.start < pct.start):
        return None
    return Trio(part, whole, pct, pct)


# a sentence that opens pointing back at a whole before it, perhaps naming it again: "Of those patients, 53 had died"
_POINTS_BACK = re.compile(r"\s*(?:Of|Among)\s+(?:them\b\s*,?|(?:those|these)(?:\s+(?!(?:who|which|that|still|not|now|already)\b)"
                          r"[a-z]+(?<!ed)(?<!ing))?\s*,)\s*", re.I)  # (not a new group: "Of those killed", "Among
# those who died", "Of those still missing")
# a level a whole was moved from or compared with, no whole: "up from 1.52 million tonnes", "than 900"
_LEVEL_BEFORE = re.compile(r"\b(?:from|than|by|against|with)\s+(?:about\s+|some\s+)?\Z", re.I)
# a share set off plainly after its part's clause: ", some 70 percent", ", or 25 percent", perhaps of a base that
# points back (", about 51 percent of the crop.": _OF_BASE_ENDS, numcheck/data/share_bases.txt)
_OF_BASE_ENDS = re.compile(r"\s+of\s+(?:the|its|their)\s+[a-z-]+\s*(?:[,.;:)]|\Z)")
_PLAIN_SHARE_CUE = re.compile(_SET_OFF + r"(?:or\s+)?" + APPROX + r"\Z", re.I)


def _lone_figure_before(ctx: Context, cl: list[Claim], s0: int) -> Claim | None:
    """The one figure (an amount or a percentage) of the sentence before the one starting at ``s0``, when that sentence
    tells exactly one and not as a level moved from or compared with; else None (a level and a change, or two of a
    kind, leave which is meant unsaid)."""
    p0 = ctx.sentences.span(s0 - 1)[0]
    figures = [c for c in claims_between(cl, p0, s0) if (ok_amount(c) or ok_pct(c))
               and not compared_with(ctx.text, c, p0)]  # (not "well ahead of
    # the 35 won at Melbourne": a figure it is set against)
    if len(figures) != 1 or _LEVEL_BEFORE.search(ctx.text, max(p0, figures[0].start - 12), figures[0].start):
        return None
    return figures[0]


def _whole_in_sentence_before(ctx: Context, cl: list[Claim], group: list[Claim], pcts: list[Claim]) -> Trio | None:
    """The one part of a sentence that points back at a whole ("Of those patients, 53 had died", "had 16.3 million of
    them", "accounted for 3,160 of the deaths", "buy 3.5 million tonnes of it"), with the one percentage it sets off as
    its plain share however far from the part (", some 70 percent", ", or 25 percent"; not a rate of its own, "a
    fatality rate of 2.1 percent", which may be of the part): the whole is the one figure like the part in the sentence
    before, in the same paragraph, larger than it and no level moved from."""
    text = ctx.text
    if len(pcts) != 1:
        return None
    pct = pcts[0]
    s0, s1 = ctx.sentences.span(pct.start)
    amounts = [c for c in group if ok_amount(c)]
    if len(amounts) != 1 or opens_paragraph(text, s0) or amounts[0].start > pct.start:
        return None
    part = amounts[0]
    named = _OF_A_NOUN_BEFORE.match(text, part.end) or _OF_A_NOUN_BEFORE.match(text, subject_end(text, part)) \
        or _OPENS_OF_THE_NOUN.match(text, s0)  # ("Of the dead, 187 (59.9 percent) were children")
    if not (_POINTS_BACK.match(text, s0, part.start) or OF_THEM.match(text, part.end) or named
            or OF_THEM.match(text, subject_end(text, part)) or SHARE_BEFORE.search(text, s0, part.start)
            or text[part.end:pct.start].strip() == "(" and THEM_AFTER_BRACKET.match(text, pct.end)):  # ("117 (24
        # percent) of those on board")
        return None
    whole = _lone_figure_before(ctx, cl, s0)
    if whole is None or not alike(whole, part) or tol.point(whole) <= tol.point(part) and not named \
            or named and not _names_the_figure(named.group(1), whole):
        return None  # (nor one smaller than the part, "About 300 refugees arrived on Monday. Syria has taken in 450,000
        # of them"; "Exports to India fell to 300,000 tonnes. China accounted for 412,000 tonnes": a peer), unless the
        # part names it: "Malaria killed 1,932 people. ... 6,410 of the dead"
    if _PLAIN_SHARE_CUE.search(text, max(0, pct.start - CUE_REACH), pct.start) and not own_base(text, pct) \
            and (CLAUSE_END.match(text, pct.end) or base_named(text, pct) and _OF_BASE_ENDS.match(text, pct.end)
                 and not any(c.kind in ("date", "duration") for c in claims_between(ctx.claims, s0, s1))):  # (of
        # another period: "In the first half of March the board bought 60,000 tonnes of it, about 40 percent of the crop")
        return Trio(part, whole, pct, pct)
    return None


# a part told "of" a noun that points back at a figure before: " of the killings", " of the dead", " of the total"
_OF_A_NOUN_BEFORE = re.compile(r"\s+of\s+(?:the|those|these)\s+([a-z]+)\b(?!\s+(?:of|in|at|for)\b)", re.I)


_OPENS_OF_THE_NOUN = re.compile(r"\s*(?:Of|Among)\s+the\s+([a-z]+)\s*,", re.I)


def _names_the_figure(noun: str, whole: Claim) -> bool:
    """Whether the noun a part is told "of" names the figure before: "the total", the whole's own noun, or a toll's
    ("Malaria killed 1,932 people ... 1,410 of the dead", "21,683 murders ... 9,187 of the killings")."""
    noun = singular(noun.lower())
    told = singular(head_noun(whole.subject).lower()) if whole.subject else ""
    tolls = {singular(w) for w in toll_nouns()}
    return noun in ("total", told) or noun in tolls and (told in tolls or told in ("people", "person", "murder"))


# the subject of a sentence that goes on about the figure before it, a demonstrative and its verb: "This accounted for",
# "That made up" (not "This year": a time; nor "That sector made up", "The sector accounted for", which may be more
# than it; nor "It", often the teller: "The company sold 1.2 million vehicles. It made up 8.5 percent of the market")
_GOES_ON = re.compile(r"\s*(?:This|That)\s+(?:alone\s+|figure\s+|amount\s+|sum\s+)?(?:thus\s+|also\s+)?(?:accounted|accounts"
                      r"|made|makes|represented|represents|was|is|put|puts|brought|took|gave|meant|means|amounted)\b")
# the percentage put as the share of the whole after it: "accounted for 45.7 percent", "climbed to 7.1 percent"
_SHARE_LEAD = re.compile(r"\b(?:accounted\s+for|accounts\s+for|made\s+up|makes\s+up|represented|represents|"
                         + SHARE_OF_WHOLE + r"|(?:" + RATE_NOUNS + r")\s+(?:\w+\s+){0,2}?(?:to|at|of|was|is))\s+" + APPROX
                         + r"\Z", re.I)


def _part_in_sentence_before(ctx: Context, cl: list[Claim], group: list[Claim], pcts: list[Claim]) -> Trio | None:
    """A sentence that goes on about the one figure of the sentence before (_GOES_ON) and puts it as its one
    percentage of a whole it names after it ("Chile's copper exports brought in 14.7 billion dollars in 2005. This
    accounted for 45.7 percent of the country's total exports of 32.2 billion dollars"): the part is that figure."""
    text = ctx.text
    if len(pcts) != 1:
        return None
    pct = pcts[0]
    s0 = ctx.sentences.span(pct.start)[0]
    amounts = [c for c in group if ok_amount(c)]
    if len(amounts) != 1 or amounts[0].start < pct.end or opens_paragraph(text, s0) or not _GOES_ON.match(text, s0) \
            or not _SHARE_LEAD.search(text, max(s0, pct.start - CUE_REACH), pct.start):
        return None
    whole = amounts[0]
    between = text[pct.end:whole.start]
    if not (OF_NAMED.match(between) or OF_OWNED_NAMED.match(between)):
        return None
    part = _lone_figure_before(ctx, cl, s0)
    if part is None or not alike(part, whole):
        return None
    return Trio(part, whole, pct, pct)


# a turnout set off, the clause ending after it: ", a turnout of 61.4 percent,"
_TURNOUT_CUE = re.compile(r",\s*an?\s+(?:[a-z]+\s+)?turnout\s+of\s+" + APPROX + r"\Z", re.I)
VOTER_NOUNS = frozenset({"voter", "elector", "electorate"})  # what a turnout is a share of


def _turnout_of_voters(text: str, pct: Claim, part: Claim, whole: Claim) -> bool:
    """A turnout set off as the share where the sentence's whole counts voters and its part is told voting, in the
    words of numcheck/data/vote_acts.txt ("Of the 4,659,000 registered voters, 2,861,022 cast ballots in Sunday's
    referendum, a turnout of 61.4 percent"): a turnout elsewhere may be of another base than the figures beside it
    ("won 60 of the 120 seats, on a turnout of 55 percent", "2,100,000 said yes, a turnout of 71 percent")."""
    cue = _TURNOUT_CUE.search(text, max(0, pct.start - CUE_REACH), pct.start)
    return bool(whole.subject) and head_noun(whole.subject) in VOTER_NOUNS and cue is not None \
        and bool(CLAUSE_END.match(text, pct.end)) \
        and any(voted(text[at:cue.start()]) for at in (part.end, subject_end(text, part)))  # ("2,861,022 cast ballots":
    # the act may be read as the part's noun)


# a percentage, then a colon and the figures it is of: "Turnout was a low 44.6 percent: of 5,612,000 registered voters,
# only 2,503,000 voted", "Turnout was 61 percent: 2,360,717 voters out of 3,870,000"
_COLON = re.compile(r"\s*:\s*")
# what makes a percentage before a colon a share of the figures after it: a turnout
_COLON_SHARE_LEAD = re.compile(r"\bturnout\b", re.I)  # (not "won 59 percent:", of votes cast, before registered voters)
_OF_FIRST = re.compile(r"(?:of|out\s+of|among)\s+(?:the\s+)?", re.I)
_THEN_PART = re.compile(r"[^.;:\d]{0,60},\s*(?:(?:only|just|some|about|nearly|almost)\s+)?")


def _explained_after_colon(ctx: Context, group: list[Claim], pct: Claim) -> Trio | None:
    """The sentence's one percentage followed by a colon and its part of its whole, the clause's two figures like
    each other: "X out of Y" or "of Y ..., X"."""
    text = ctx.text
    colon = _COLON.match(text, pct.end)
    after = [c for c in group if c.start > pct.end and ok_amount(c)]
    s0 = ctx.sentences.span(pct.start)[0]
    if colon is None or ":" not in colon.group() or len(after) != 2 or not alike(*after) \
            or not _COLON_SHARE_LEAD.search(text, s0, pct.start):
        return None  # (not a rate of its own: "Unemployment hit 11.2 percent: of the 2,400 jobs lost in May, 1,900 ...")
    a, b = after
    g = gap(text, a, b)
    if text[colon.end():a.start] == "" or _OF_FIRST.fullmatch(text, colon.end(), a.start) is None:
        return Trio(a, b, pct, pct) if OF.match(g) else None
    return Trio(b, a, pct, pct) if _THEN_PART.fullmatch(text, subject_end(text, a), b.start) else None


# a percentage of a whole, then its part put another way: "made up 64 percent of the 1.64 million vehicles Hyundai
# sold last year, or 1.05 million"
_OR_PART_AFTER = re.compile(r"[^,;:.()\d]{0,60}?,\s*or\s+(?:about\s+|some\s+|nearly\s+|almost\s+)?")


def _whole_then_or_part(ctx: Context, group: list[Claim], pct: Claim) -> Trio | None:
    """The sentence's one percentage told of the whole right after it, then its part after ", or"."""
    text = ctx.text
    after = [c for c in group if c.start > pct.end and ok_amount(c)]
    if len(after) != 2 or not alike(*after) or not OF.match(text[pct.end:after[0].start]):
        return None
    whole, part = after
    if not _OR_PART_AFTER.fullmatch(text, subject_end(text, whole), part.start) or not CLAUSE_END.match(text, subject_end(text, part)):
        return None
    return Trio(part, whole, pct, part)


def _told_around(ctx: Context, group: list[Claim], pcts: list[Claim]) -> Trio | None:
    """A percentage told before its part and whole: explained after a colon, or of a whole then its part after ", or"."""
    if len(pcts) != 1 or any(ok_amount(c) and c.start < pcts[0].start for c in group):
        return None
    pct = pcts[0]
    return _explained_after_colon(ctx, group, pct) or _whole_then_or_part(ctx, group, pct)


def share_in_sentence(ctx: Context, cl: list[Claim], done: set[int]) -> Iterator[Trio]:
    """The one part of a whole a sentence states, with the one percentage it sets off as the share (a percentage
    in ``done`` is read already; each one read here is added)."""
    for group in pairs_in_sentence(ctx, cl):
        pcts = [c for c in group if ok_pct(c) and c.change is None]
        first = _share_of_whole_then_part(ctx, group, pcts)
        if first is not None and id(first.pct) not in done:
            done.add(id(first.pct))
            yield first
            continue
        pairs = _parts_of_wholes(ctx, group)
        back = None if pairs else _whole_in_sentence_before(ctx, cl, group, pcts) \
            or _part_in_sentence_before(ctx, cl, group, pcts)
        back = back or _told_around(ctx, group, pcts)
        if back is not None and id(back.pct) not in done:
            done.add(id(back.pct))
            yield back
            continue
        if len(pcts) != 1 or len(pairs) != 1:
            continue
        (part, whole), pct = pairs[0], pcts[0]
        if id(pct) in done or pct.start < max(part.end, whole.end) \
                or not (_set_off(ctx.text, pct) or _turnout_of_voters(ctx.text, pct, part, whole)) \
                or any(ok_amount(c) and alike(c, part) and c is not part and c is not whole
                       and ((c.point or 0) > (part.point or 0)
                            or (max(part.end, whole.end) <= c.start < pct.start
                                or c.end <= pct.start and OR_PCT.match(gap(ctx.text, c, pct))) and not holds_parts(c, [part]))
                       for c in group):
            continue  # another figure like them may be the base: "which employs 150,000 people, said 4,500 of ..."
            # (not one smaller than the part: "5,000 of the 95,000 jobs at its six plants", unless the percentage is put
            # beside it: "found that 1,500 owned a car, and 600, or 40 percent": its own share; nor one between them and
            # the percentage: "found 1,400 had no toilets, including 600 in rural areas, or 20 percent of the total")
        done.add(id(pct))
        yield Trio(part, whole, pct, pct)


# the verbs by which a sentence calls a figure told before a share: "That is", "This represents", "that was"
_CALLS = r"is|was|represents|represented|amounts\s+to|amounted\s+to"


# a sentence that puts the pair of the sentence before as a share, the percentage its first figure and all it tells:
# "That is 70.1 percent", "That is a rate of 40.8 percent", "This represents 40.8 percent", a quote's '"That is 31
# percent, nearly one in three ..."', '"Gold's share is now 45.8 percent"'
_THAT_IS_SHARE = re.compile(r"\s*[\"'\u201c]?(?:That|This|(?:(?P<owner>[A-Z][\w-]*)['\u2019]s\s+)?(?-i:share))\s+"
                            r"(?:" + _CALLS + r")\s+(?:now\s+)?"
                            r"(?:an?\s+(?:" + RATE_NOUNS + r"|share)\s+of\s+)?" + APPROX + r"\Z", re.I)


_AND_GOING = re.compile(r"\s+and\s+(?:still\s+)?[a-z]+ing\b", re.I)  # "... 45.8 percent and still falling"


def shares_of_the_pair_before(ctx: Context, cl: list[Claim], done: set[int]) -> Iterator[Trio]:
    """A sentence opening "That is 70.1 percent" after one that tells one part of a whole ("Of the 17,408 murders
    reported ..., 12,201 involved firearms"): the percentage is that part's share, where nothing after it names
    another base (a percentage in ``done`` is read already; each one read here is added)."""
    text = ctx.text
    groups = list(pairs_in_sentence(ctx, cl))
    for before, group in zip(groups, groups[1:]):
        pct = group[0]
        s0 = ctx.sentences.span(pct.start)[0]
        if id(pct) in done or not ok_pct(pct) or pct.change is not None or opens_paragraph(text, s0) \
                or ctx.sentences.index(before[0].start) != ctx.sentences.index(s0) - 1 \
                or not (CLAUSE_END.match(text, pct.end) or _AND_GOING.match(text, pct.end)) or own_base(text, pct):
            continue
        that = _THAT_IS_SHARE.fullmatch(text, s0, pct.start)
        pairs = _parts_of_wholes(ctx, before) if that else []
        if that and that.group("owner") and pairs \
                and that.group("owner") not in text[max(0, pairs[0][0].start - 40):pairs[0][0].start]:
            continue  # "Calderon's share was 35.89 percent" after "a margin of 233,831 in a count of 41,557,430": whose
            # share is not the part's ("Gold mines employed 198,000 ... Gold's share": it is)
        if len(pairs) == 1 and not any(c.kind == "percent" for c in before):
            done.add(id(pct))
            yield Trio(pairs[0][0], pairs[0][1], pct, pct)


def shares_of_the_figure_before(ctx: Context, cl: list[Claim], done: set[int]) -> Iterator[Trio]:
    """A sentence that opens on a whole and calls the figure of the sentence before its share ("Viktor Yushchenko won
    15,115,712 votes in the rerun ... Of the 29,068,971 votes cast, that was 52 percent"): the part is the one figure
    like the whole in the sentence before, in the paragraph (a percentage in ``done`` is read already; each one read
    here is added)."""
    text = ctx.text
    for k, whole in enumerate(cl[:-1]):
        pct = cl[k + 1]
        s0 = ctx.sentences.span(whole.start)[0]
        if not _share_pointing_back(ctx, pct, whole, s0, done) or not OPENS_ON_WHOLE.fullmatch(text, s0, whole.start) \
                or not _THAT_WAS.fullmatch(text, subject_end(text, whole), pct.start) or not CLAUSE_END.match(text, pct.end):
            continue
        if any(c.end <= s0 and alike(c, whole) and c.point == whole.point for c in cl):
            continue  # "Of the 1,240 deaths, that was 35 percent": a whole told before, the share of some figure since
        part = _one_figure_before(ctx, [c for c in cl if alike(c, whole) and ok_amount(c)], s0, whole)
        if part is not None:
            done.add(id(pct))
            yield Trio(part, whole, pct, pct)


def shares_said_of_a_whole_after(ctx: Context, cl: list[Claim], done: set[int]) -> Iterator[Trio]:
    """A sentence that calls the figure of the sentence before a share of a whole it names after ("Police ... killed
    1,195 people in 2003 ... Human rights groups noted that this was 18.1 percent of the 6,620 violent deaths"): the
    part is the one figure like the whole in the sentence before, in the paragraph (a percentage in ``done`` is read
    already; each one read here is added)."""
    text = ctx.text
    for k, pct in enumerate(cl[:-1]):
        whole = cl[k + 1]
        s0 = ctx.sentences.span(pct.start)[0]
        if not _share_pointing_back(ctx, pct, whole, s0, done) or not _THIS_WAS.search(text, s0, pct.start) \
                or not _OF_THE.fullmatch(text, pct.end, whole.start) or any(s0 <= c.start < pct.start for c in cl):
            continue
        part = _one_figure_before(ctx, [c for c in ctx.claims if c.kind in ("count", "money", "measure")], s0, whole)
        if part is not None:  # (the one figure there of any kind: not "Twelve of the 125 councillors ... That is 3
            # percent of the 400 women": which?)
            done.add(id(pct))
            yield Trio(part, whole, pct, pct)


def _share_pointing_back(ctx: Context, pct: Claim, whole: Claim, s0: int, done: set[int]) -> bool:
    """Whether ``pct``, not read yet, and ``whole`` may be a share of a figure told in the sentence before the one
    at ``s0``: a plain share, a whole that is an amount, a sentence with one before it in its paragraph."""
    return id(pct) not in done and ok_pct(pct) and pct.change is None and ok_amount(whole) and s0 > 0 \
        and not opens_paragraph(ctx.text, s0)


def _one_figure_before(ctx: Context, pool: list[Claim], s0: int, whole: Claim) -> Claim | None:
    """The one figure of ``pool`` in the sentence before ``s0``, in its paragraph, when it is like ``whole`` and no
    more than ten times it: the part a sentence that calls it a share points back at."""
    p0 = ctx.sentences.span(s0 - 1)[0]
    before = [c for c in pool if p0 <= c.start < s0]
    if len(before) == 1 and alike(before[0], whole) and ok_amount(before[0]) and tol.point(before[0]) <= tol.point(whole) * 10:
        return before[0]
    return None


# what points back at the figure before and calls it a share, right before the percentage: "noted that this was ",
# "It represents " (the sentence holds no figure before it)
_THIS_WAS = re.compile(r"\b(?:that|this|it)\s+(?:" + _CALLS + r"|accounted\s+for"
                       r"|made\s+up)\s+" + APPROX + r"\Z", re.I)
_OF_THE = re.compile(r"\s+of\s+(?:the|all|all\s+the)\s+")  # between the share and its whole: " of the "


# between a whole a sentence opens on and the share it gives the figure before: " cast, that was "
_THAT_WAS = re.compile(r"[^\d.;:]{0,40}?,\s*(?:that|this|it)\s+(?:" + _CALLS + r")\s+"
                       + APPROX + r"\Z", re.I)
