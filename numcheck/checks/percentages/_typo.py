"""A percentage one mistyped digit away from a part and a whole of its sentence that no other reading takes (NC104):
where changing one digit of the percentage, the part or the whole would make the part that share of the whole, the
three were most likely written as one sum.  On the 2,733 unbroken development articles it raises nothing."""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import permutations
from typing import Iterator

from ... import tolerance as tol
from ...model import Claim
from .._common import pairs_in_sentence
from .._digits import one_digit_variants, significant, written
from ..base import Context
from ._common import RATE_NOUNS, alike, ok_amount, ok_pct, own_base
from ._trio import Trio

# the three figures are written to this many significant digits ("42.8 percent", "3,811", "22,914"): of rounder ones
# ("37 percent", "1.5 million of 30 million") one digit changed lands within the rounding of some ratio far too often
MIN_SIG = 3


def shares_one_digit_off(ctx: Context, cl: list[Claim], done: set[int]) -> Iterator[Trio]:
    """The one percentage of a sentence, not read yet (``done``) and put as a share (put_as_share: not "turnout
    stood at 68.2 percent", nor "30% of the vote"), with the one part and whole of its sentence that one digit
    changed would make it, when no pair of the sentence makes it as written; all three precise (MIN_SIG)."""
    for group in pairs_in_sentence(ctx, cl):
        percentages = [c for c in group if c.kind == "percent"]
        if len(percentages) != 1:
            continue  # "youth unemployment hit 21.3 percent", "up from 13.7 percent": which is the share is not known
        amounts = [c for c in group if ok_amount(c) and _precise(c)]
        for pct in percentages:
            if id(pct) in done or not ok_pct(pct) or pct.change is not None or not _precise(pct) \
                    or not put_as_share(ctx.text, pct):
                continue
            pairs = [(a, b) for a, b in permutations(amounts, 2) if alike(a, b)]
            if any(tol.point(a) < tol.point(b) and _share(_rounded(a), _rounded(b), pct) for a, b in pairs):
                continue  # the percentage is a share of two figures as written
            # (a part mistyped past its whole is one digit from it too, "823.4 billion yuan, 23.4 percent of 527.4":
            # read only where no part smaller than its whole is)
            apposed = _apposed_to(ctx.text, amounts, pct)
            pairs = [(a, b) for a, b in pairs if apposed is None or a is apposed
                     or b is apposed and a.end <= b.start and _OF_BETWEEN.search(ctx.text, a.end, b.start)]  # ("won with
            # 52,793,364 votes, or 61.3 percent, against 33,370,739": the share of the figure it is put beside, or of
            # the whole it is beside when the part before is told of it: "1,459,201 'yes' votes out of 2,589,014
            # ballots cast, or 56.4 percent")
            near = [(a, b) for a, b in pairs if tol.point(a) < tol.point(b) and one_digit_away(a, b, pct)] \
                or [(a, b) for a, b in pairs if tol.point(a) > tol.point(b) and one_digit_away(a, b, pct)]
            if len(near) == 1:
                done.add(id(pct))
                yield Trio(near[0][0], near[0][1], pct, pct)


# a percentage of a figure: "42.8 percent of the 22,914 on the register" (a base, but one of the sentence's figures)
_OF_FIGURE = re.compile(r"\s+of\s+(?:the\s+|its\s+|their\s+)?(?:[A-Za-z]+['\u2019]s\s+)?\d")


# the percentage put as a share just before it: ", or 42.8 percent", "(42.8%)", ", a 25.0 percent share",
# "accounting for", "which works out at", "putting 63.3 percent"; not a rate of its own ("turnout stood at 68.2
# percent", "Inflation hit 20.4 percent": a base the sentence's figures are not); or a share or rate named before it:
# ", a turnout of 78.3 percent", ", a pass rate of 45.3 percent", "giving it a market share of 49.7 percent"
SHARE_CUE = re.compile(r"(?:,\s*or|\(|--|\u2013|\u2014|,\s*an?|(?:,\s*|\bgiving\s+(?:[\w'\u2019.-]+\s+){1,3}?)an?\s+(?:[a-z-]+\s+){0,3}?"
                       r"(?:share|turnout|majority|" + RATE_NOUNS + r")\s+of|\b(?:accounting|accounted)\s+for|\bmak(?:ing|es)\s+up"
                        r"|\bmade\s+up|\brepresent\w*|\bamount\w*\s+to|\bequal\s+to|\bworks?\s+out\s+(?:at|to)"
                        r"|\bwhich\s+(?:is|was)|\bputting|\bput\s+(?:it\s+)?at|\bor\s+just|\bor\s+about)\s+"
                        r"(?:(?:just|about|around|some|nearly|almost|only)\s+)?\Z", re.I)
SHARE_REACH = 40  # characters before the percentage in which its cue is read


def _apposed_to(text: str, amounts: list[Claim], pct: Claim) -> Claim | None:
    """The figure right before the percentage that it is put beside as its share (", or 61.3 percent", "(61.3%)"),
    or None."""
    before = [a for a in amounts if a.end <= pct.start]
    return before[-1] if before and _APPOSED.fullmatch(text, before[-1].end, pct.start) else None


_OF_BETWEEN = re.compile(r"\b(?:out\s+)?of\b", re.I)
# between a figure (or its noun) and the share it is put beside: " votes, or ", " ("
_APPOSED = re.compile(r"(?:\s+[a-z]+){0,2}\s*(?:,\s*or|\()\s*(?:(?:about|around|some|nearly|almost|just)\s+)?", re.I)


def put_as_share(text: str, pct: Claim) -> bool:
    """Whether the text puts the percentage as the share of figures of its sentence: "42.8 percent of the 22,914"
    (a base that is a figure), or a share cue right before it (SHARE_CUE)."""
    if own_base(text, pct):
        return bool(_OF_FIGURE.match(text, pct.end))
    return bool(_OF_FIGURE.match(text, pct.end) or SHARE_CUE.search(text, max(0, pct.start - SHARE_REACH), pct.start))


def _precise(c: Claim) -> bool:
    """A figure written in digits to MIN_SIG significant digits or more."""
    w = written(c)
    return w is not None and significant(w[0]) >= MIN_SIG


def _share(part: tol.Interval, whole: tol.Interval, pct: Claim) -> bool:
    """Whether the part over the whole, each an interval, can be the percentage read to its rounding."""
    if whole.lo <= 0:
        return False
    share = _rounded(pct)
    return part.lo / whole.hi * 100 <= share.hi and share.lo <= part.hi / whole.lo * 100


# a digit changed must move its figure by this many times the width the comparison allows (the rounding of the
# figures as written), as a total's parts must miss it by a hundred of their rounding units (totals/_typo): a change
# in the last place or two lands within that width by chance ("12.3 million of the 17.9 million" is 68.7 percent,
# one digit from "18.9 million"; "395 of 646" is 61.1 percent, one digit from "355")
FAR = 100


def one_digit_away(part: Claim, whole: Claim, pct: Claim, far: float = FAR) -> bool:
    """Whether one digit of the percentage, the part or the whole, changed far beyond the rounding (``far`` times
    it), makes the part that share of the whole."""
    p, wh, share = _rounded(part), _rounded(whole), _rounded(pct)
    if wh.lo <= 0:
        return False
    ratio = tol.Interval(p.lo / wh.hi * 100, p.hi / wh.lo * 100)
    slack = (ratio.hi - ratio.lo) + (share.hi - share.lo)
    half = (share.hi - share.lo) / 2
    if any(abs(v - tol.point(pct)) >= far * slack and ratio.lo <= v + half and v - half <= ratio.hi
           for v in _variants(pct)):
        return True
    p_half, w_half = (p.hi - p.lo) / 2, (wh.hi - wh.lo) / 2
    return any(abs(v - tol.point(part)) >= far * 2 * p_half and v < tol.point(whole)
               and _share(tol.Interval(v - p_half, v + p_half), wh, pct) for v in _variants(part)) \
        or any(abs(v - tol.point(whole)) >= far * 2 * w_half and v > tol.point(part)
               and _share(p, tol.Interval(v - w_half, v + w_half), pct) for v in _variants(whole))


@lru_cache(maxsize=4096)
def _rounded(c: Claim) -> tol.Interval:
    return tol.rounded(c)


@lru_cache(maxsize=4096)
def _variants(c: Claim) -> tuple[float, ...]:
    return tuple(one_digit_variants(c))
