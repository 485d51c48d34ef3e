"""A total one mistyped digit away from its parts' sum (NC109): where parts miss their total by what one digit of one
figure, changed, would make up exactly, the figures were most likely meant to add up."""
from __future__ import annotations

import re

from ... import tolerance as tol
from ...model import Claim
from .._common import claims_between, opens_paragraph
from .._digits import one_digit_changed, written
from ..base import Context

# the shortfall must be this many of the figures' coarsest rounding unit: a shortfall of a few units is what rounded
# figures told loosely leave ("spend 3.9 billion, with 2.1 billion in grants and 1.4 billion in loans"), and one of a
# few tens is one in ten by chance ("61 new drugs, 27 of them for rare diseases and 14 for cancers"; a hundred, not
# fewer: with 50, a real toll told in part, "8,009 of the 10,749 people killed, with 1,874 ..., 177 ... and 599 ...",
# misses by 90, one digit of 8,009, by chance; fresh blind totals would gain six points at 50, no unbroken development
# article a warning)
MIN_UNITS = 100

# the text tells the parts as examples of the total ("such as", "notably" before them), or tells what else is in it
# after them, with no figure ("the rest being vocational colleges", "keeping the rest in its vaults"): a shortfall is
# then no mistake
_SOME = re.compile(r"\b(?:among\s+(?:them|whom|those|others)|such\s+as|led\s+by|notably|in\s+particular)\b", re.I)
# "including", "of whom" and "of which" may tell all of a whole or some: in one sentence a shortfall of exactly one
# digit is still warned (none of 9 such shortfalls of MIN_UNITS or more on 2,733 dev articles is one); parts told in
# the sentence after their whole ("They included 2,140 from Taiwan and ...") are some of it
_SOME_APART = re.compile(r"\b(?:includ\w*|of\s+(?:which|whom|them))\b", re.I)
_REST_NAMED = re.compile(r"\b(?:rest|remainder|others|remaining|balance)\b", re.I)
# the figures compared, not summed: "more than the 18,150 ... and 11,150 ... put together"
_COMPARED = re.compile(r"\b(?:more|less|fewer|larger|bigger|smaller|greater)\s+than\b|\bexceed\w*|\boutnumber\w*", re.I)


def told_partial(text: str, figures: list[Claim], sentence_end: int, apart: bool = False) -> bool:
    """Whether the text tells a total's parts (``figures``: the total and its parts, in text order) as some of it
    (_SOME, before the last figure; _SOME_APART too when they are ``apart``, in two sentences), tells a rest with no
    figure after them (_REST_NAMED), or compares the total with their sum (_COMPARED)."""
    start, last = figures[0].start, figures[-1]
    return bool(_SOME.search(text, start, last.start) or apart and _SOME_APART.search(text, start, last.start)
                or _REST_NAMED.search(text, last.end, sentence_end) or compared(text, figures, sentence_end))


def compared(text: str, figures: list[Claim], sentence_end: int) -> bool:
    """Whether the text compares a total (among ``figures``, in text order) with its parts' sum (_COMPARED), as
    two figures rather than one made of the other."""
    return bool(_COMPARED.search(text, figures[0].start, sentence_end))


def one_digit_off(parts: tuple[Claim, ...], total: Claim, beyond: bool = False) -> bool:
    """Whether the parts fall short of the total (or, with ``beyond``, go past it) by what one digit of one figure,
    the total or a part, changed would make up exactly (by MIN_UNITS or more of the figures' rounding, so not by the
    slack of rounded figures).  Parts past the total are read so only where the caller knows the total opens its
    list: a part of a list with the smaller parts after it ("Punjab 12.1 million tonnes, Madhya Pradesh 7.6
    million and Haryana 6.5 million") often sums past it by chance."""
    figures = (total, *parts)
    written_as = [written(c) for c in figures]
    if any(w is None for w in written_as):
        return False
    units = [tol.sig_step(tol.point(c), c.step or 1.0, min_sig=1) for c in figures]  # each one's last significant place
    # (a zero after the point too is read as rounding: "0.60 billion" to the hundred million, which keeps partial lists
    # told to two decimals, "with the Philippines taking 0.90 million tonnes, ...", from a warning by chance)
    off = tol.point(total) - sum(tol.point(p) for p in parts)
    if (off if not beyond else abs(off)) < MIN_UNITS * max(units) * (1 - 1e-9):
        return False
    for c, (digits, k) in zip(figures, written_as):  # type: ignore[misc]
        meant = tol.point(c) - off if c is total else tol.point(c) + off
        if meant > 0 and one_digit_changed(digits, meant / k):
            return True
    return False


def rest_told_near(ctx: Context, total: Claim, parts: tuple[Claim, ...] | list[Claim]) -> bool:
    """Whether a count of what the parts leave out of the total is told beside them: in their sentence, or in the
    one before or after in the paragraph ("Seven of the detainees were foreigners held on visa charges. Police
    arrested 120 people in all, 97 for looting and 16 for violating the curfew"; "registered 2,453 refugees,
    including 1,121 Karen and 332 Mon, and estimate that 1,000 more are hiding")."""
    rest = tol.point(total) - sum(tol.point(p) for p in parts)
    s0, s1 = ctx.sentences.span(total.start)
    lo = ctx.sentences.span(s0 - 1)[0] if s0 > 0 and not opens_paragraph(ctx.text, s0) else s0
    hi = ctx.sentences.span(s1)[1] if s1 < len(ctx.text) and not opens_paragraph(ctx.text, s1) else s1
    members = {id(c) for c in (total, *parts)}
    return any(c.kind == "count" and c.point == rest and id(c) not in members for c in claims_between(ctx.claims, lo, hi))
