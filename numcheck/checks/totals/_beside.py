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
from .._common import gap, opens_paragraph
from ..base import Context
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
            if len(run) >= 2 and not _set_against(ctx.text, whole, run[0], step):
                yield Beside(Sum(tuple(run if step == 1 else reversed(run)), whole, including=True), opening[i] and step == 1)


def runs_after_sentence(ctx: Context, cl: list[Claim], told: set[int]) -> Iterator[Beside]:
    """The one figure of its kind and unit in a sentence with every figure of that kind and unit in the next sentence
    of its paragraph, two or more, none read as parts already ("... killed 1,810 people this year. They said 1,011
    militants, 552 civilians and 247 members of the security forces died."): told first, it opens the run, and the
    parts may count other nouns than the whole does.  Each sentence's figures are read once (linear in the text)."""
    by_sentence: dict[int, list[Claim]] = {}
    for c in cl:
        if _figure(c):
            by_sentence.setdefault(ctx.sentences.index(c.start), []).append(c)
    for i, after in by_sentence.items():
        before = by_sentence.get(i - 1)
        if not before or opens_paragraph(ctx.text, ctx.sentences.span_at(i)[0]):
            continue
        kind, unit = after[0].kind, after[0].unit
        wholes = [c for c in before if c.kind == kind and c.unit == unit]
        run = [c for c in after if c.kind == kind and c.unit == unit]
        if len(wholes) == 1 and len(run) >= 2 and not any(id(c) in told for c in run):
            yield Beside(Sum(tuple(run), wholes[0], including=True), True)


def _figure(c: Claim) -> bool:
    """A figure that may be a part or a whole: one amount, not a change or a range."""
    return c.point is not None and c.change is None and not c.range


def _alike(c: Claim, whole: Claim) -> bool:
    """A figure of the whole's kind and unit, and not a count of another noun ("destroyed 3,460 homes ..., leaving
    19,745 people homeless")."""
    other_noun = c.kind == "count" and bool(c.subject and whole.subject) and head_noun(c.subject) != head_noun(whole.subject)
    return _figure(c) and c.kind == whole.kind and c.unit == whole.unit and not other_noun


def _set_against(text: str, whole: Claim, nearest: Claim, step: int) -> bool:
    """Whether the words between the figure and the run's nearest figure set one against the other (_AGAINST,
    _CONTRAST)."""
    between = gap(text, whole, nearest, after_subject=False) if step == 1 else gap(text, nearest, whole, after_subject=False)
    return bool(_AGAINST.search(between) or _CONTRAST.search(between))
