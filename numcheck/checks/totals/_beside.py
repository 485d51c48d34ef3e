"""Figures beside another that no NC109 reading takes as its parts, kept for the one-digit test (_typo): a run of
figures of its kind and unit right after or before it in its sentence ("39,500 runners ..., 22,300 in the full
marathon and 16,200 in the half"), which may or may not be all of it."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from ... import tolerance as tol
from ...model import Claim
from ...text import head_noun
from .._common import POINTS_BACK, claims_by_sentence, gap, opens_paragraph
from ..base import ClaimsByStart, Context
from ._next import TOLD_AS_PART, peers
from ._parts import Sum

# a figure set against the next rather than made of it: a vote or a score ("passed by 312 votes to 198, with 14
# abstentions", "beat them 3-1"), a change from or to a level, a comparison
_AGAINST = re.compile(r"(?:\b(?:to|against|versus|vs\.?|from|than|over|by)|[-\u2013])\s*$", re.I)
# a clause that sets the figures after it against the figure before: "Revenue reached 6,845 million dollars, while
# operating costs were ...", "compared with 21,406 tonnes in ...", "but ran at 61,205 barrels a day", "after 21,406
# cubic metres were released"
_CONTRAST = re.compile(r"\b(?:while|whereas|but|compar\w*\s+(?:with|to)|against|than|after|before|since|versus)\b", re.I)


@dataclass(frozen=True)
class Beside:
    """A figure and the run of smaller figures beside it; ``opens``: the figure is the first of its kind and unit in
    its sentence and the run follows it ("A field of 38,500 runners ..., 22,300 in the marathon and 16,200 in the
    half"), as a whole and then its breakdown are told."""

    sum: Sum
    opens: bool


def runs_beside(ctx: Context, cl: list[Claim], told: set[int]) -> Iterator[Beside]:
    """Each figure with the whole run of two or more smaller figures of its kind and unit next to it in its sentence
    (after a figure that opens its sentence's figures of that kind, of any size: a part mistyped may exceed it),
    none of them read as parts already (``told``): a run cut short would make a part of the list its whole ("11.7
    billion for hospitals, 4.2 billion ... and 2.5 billion ...")."""
    at = [ctx.sentences.index(c.start) for c in cl]  # each figure's sentence, read once (linear in the text)
    seen: set[tuple[int, str, str]] = set()
    opening = []
    for i, c in enumerate(cl):
        opening.append((at[i], c.kind, c.unit) not in seen)
        seen.add((at[i], c.kind, c.unit))
    for i, whole in enumerate(cl):
        if not _figure(whole):
            continue
        for step in (1, -1):
            run: list[Claim] = []
            j = i + step
            while 0 <= j < len(cl) and at[j] == at[i] and id(cl[j]) not in told and _alike(cl[j], whole) \
                    and (tol.point(cl[j]) < tol.point(whole) or (opening[i] and step == 1)):
                run.append(cl[j])
                j += step
            if len(run) >= 2 and not _set_against(ctx.text, whole, run[0], step) \
                    and not (step == 1 and _told_alike(ctx.text, whole, run[0])):
                yield Beside(Sum(tuple(run if step == 1 else reversed(run)), whole, including=True), opening[i] and step == 1)


def runs_after_sentence(ctx: Context, cl: list[Claim], told: set[int]) -> Iterator[Beside]:
    """The one figure of its kind and unit in a sentence with every figure of that kind and unit in the next sentence
    of its paragraph, two or more, none read as parts already ("... rose to 159,245 tonnes in the fiscal year.
    Washed coffee made up 68,910 tonnes and unwashed 90,335 tonnes"), which may count other nouns than the whole
    does.  Not where the next sentence tells a time of its own or compares ("Arrivals reached 12,450 in March. They
    were 11,830 in February and 10,620 in January": the same measure at other times), and never read past the whole
    (two figures of a size with it often sum to about twice it, a leading digit off by chance).  Each sentence's
    figures are read once (linear in the text)."""
    by_sentence = claims_by_sentence(ctx, (c for c in cl if _figure(c)))
    dates = ClaimsByStart(c for c in ctx.claims if c.kind in ("date", "duration"))
    for i, after in by_sentence.items():
        before = by_sentence.get(i - 1)
        if not before:
            continue
        kind, unit = after[0].kind, after[0].unit
        wholes = [c for c in before if c.kind == kind and c.unit == unit]
        run = [c for c in after if c.kind == kind and c.unit == unit]
        if len(wholes) != 1 or len(run) < 2 or any(id(c) in told for c in run) \
                or sum(tol.point(c) for c in run) >= tol.point(wholes[0]):
            continue
        s0, s1 = ctx.sentences.span_at(i)
        if _told_as_its_parts(ctx.text, wholes[0], run, s0) and not (
                opens_paragraph(ctx.text, s0) or dates.between(s0, s1) or _COMPARING.search(ctx.text, s0, s1)):
            yield Beside(Sum(tuple(run), wholes[0], including=True), False)


def _told_as_its_parts(text: str, whole: Claim, run: list[Claim], s0: int) -> bool:
    """Whether the sentence (from ``s0``) tells its figures as parts of the whole before: it points back at it ("Of
    them", "It listed", "They said", "Its game business") or tells them by a part's verb ("made up", "accounted for":
    _next.TOLD_AS_PART), and not as its peers ("Kerala recorded 3,412 cases. Tamil Nadu recorded 1,986 cases":
    _next.peers)."""
    return bool(POINTS_BACK.match(text, s0) or _POINTS_TO_IT.match(text, s0) or TOLD_AS_PART.search(text, s0, run[-1].start)) \
        and not peers(text, whole, run[0], s0)


# a sentence that opens on the subject of the one before: "It listed", "They said", "Its South African mines"
_POINTS_TO_IT = re.compile(r"\s*(?:It|They|Its|Their)\b")


# a sentence that compares or tells other times, whose figures are no parts of the one before: "That compares with",
# "up from", "By contrast", "a week ago", "the year before"
_COMPARING = re.compile(r"\b(?:compar\w*|contrast|than|versus|against|while|whereas|(?:up|down)\s+from|ago|earlier|before"
                        r"|previous\w*|last|next|estimat\w*|put\s+(?:it|the)|according)\b", re.I)


def _figure(c: Claim) -> bool:
    """A figure that may be a part or a whole: one amount, not a change or a range."""
    return c.point is not None and c.change is None and not c.range


def _alike(c: Claim, whole: Claim) -> bool:
    """A figure of the whole's kind and unit, and not a count of another noun ("destroyed 3,460 homes ..., leaving
    19,745 people homeless")."""
    other_noun = c.kind == "count" and bool(c.subject and whole.subject) and head_noun(c.subject) != head_noun(whole.subject)
    return _figure(c) and c.kind == whole.kind and c.unit == whole.unit and not other_noun


# a figure's phrase told by a little word after its unit: " of wheat", " for schools", " in Leyte"
_PHRASE_AFTER = re.compile(r"\s+(of|for|in|from|to|at|on)\s+(?:the\s+)?[a-z]", re.I)


def _told_alike(text: str, whole: Claim, first: Claim) -> bool:
    """Whether the figure and the first of the run after it, a comma between, are each told by the same little word
    and a phrase ("2.81 million tonnes of wheat, 1.27 million tonnes of barley and 540,000 tonnes of maize"): the
    first entry of a list, a peer of the rest, not their whole."""
    mine, theirs = _PHRASE_AFTER.match(text, whole.end), _PHRASE_AFTER.match(text, first.end)
    return mine is not None and theirs is not None and mine.group(1).lower() == theirs.group(1).lower() \
        and "," in text[mine.end():first.start] and not re.search(r"[:;(]|\d", text[mine.end():first.start])


def _set_against(text: str, whole: Claim, nearest: Claim, step: int) -> bool:
    """Whether the words between the figure and the run's nearest figure set one against the other (_AGAINST,
    _CONTRAST)."""
    between = gap(text, whole, nearest, after_subject=False) if step == 1 else gap(text, nearest, whole, after_subject=False)
    return bool(_AGAINST.search(between) or _CONTRAST.search(between))
