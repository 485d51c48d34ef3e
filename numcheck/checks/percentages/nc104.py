"""NC104 percentage-mismatch: a percentage that does not match the part and the whole stated with it."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator, NamedTuple

from ... import numfmt as nf
from ... import tolerance as tol
from ...model import Claim, Finding
from ...datafiles import words
from ...text import alternation, compound_noun, head_noun, singular
from .._common import OPENS_ON_WHOLE, gap, numeric, subject_end
from ..base import Check, Context
from ._common import (APPROX, DET, OF, OF_NAMED, OF_OWNER, OR, OR_PCT, SHARE_VERBS, alike, ok_amount, ok_pct, part_ratio,
                      share_of)


DASHED = re.compile(r"^\s*(?:-|\u2013|\u2014|\(|,)\s*$")
_OUT_OF = re.compile(r"^(\d[\d,]*)\s+(?:out\s+)?of\s+(\d[\d,]*)$", re.I)
# a percentage that names its own base ("30% of the vote") is a share of that, unless the base points back
_OWN_BASE = re.compile(r"\s+of\s+(?!(?:the\s+)?(?:[a-z]+\s+)?total\b|(?:the\s+)?(?:them|those|these|whom|all)\b)", re.I)
# where the whole is said to be the whole ("Of the 1,200 patients": OPENS_ON_WHOLE): "a total of 123 million", "totaled 123 million"
_TOTAL = re.compile(r"\b(?:totall?ed|totall?ing|a\s+total\s+of|in\s+total|numbered|stood\s+at|reached|hit|amount(?:ed|ing)\s+to|came\s+to"
                    r"|rose\s+to|fell\s+to|grew\s+to)"
                    r"\s+" + APPROX + "$", re.I)
_OF_THEM = re.compile(r"\s+of\s+(?:them|those|these|whom)\b", re.I)
# "600,000 voters, of whom 450,000, or 75 percent", "120.4 billion yuan, of which industry accounted for 48.2 billion":
# the part told as one of the figure before
_OF_WHOM = re.compile(r"\bof\s+(?:whom|which|them|those)\b[^.;\d]{0,40}$", re.I)
# the apposition closed before the whole: "1,234, or 55.6 percent, of the 2,706"
_CLOSED = re.compile(r"^\s*[),]\s*")
# "62 percent, or 526": the percentage, then the part it is
_OR_PART = re.compile(r"\s*(?:,\s*or|\()\s*" + APPROX)
# between one part-and-percentage pair and the next: "1,234,567 votes, or 52.3 percent, against 1,100,000"
_PAIR_JOIN = re.compile(r"\s*\)?\s*,?\s*(?:against|and|while|versus|compared\s+with)\s+")
_OF_AFTER = re.compile(r"\s*\)?\s*,?\s+of\s+" + DET)


def _whole_after_pairs(text: str, cl: list[Claim], i: int) -> Claim | None:
    """The whole after a list of parts each with its percentage: "Smith won 1,234,567 votes, or 52.3 percent,
    against 1,100,000, or 46.6 percent, of the 2,360,000 votes cast" (the percentage at ``cl[i]``)."""
    j = i
    while j + 2 < len(cl) and _PAIR_JOIN.fullmatch(gap(text, cl[j], cl[j + 1])) and ok_amount(cl[j + 1]) \
            and ok_pct(cl[j + 2]) and OR_PCT.match(gap(text, cl[j + 1], cl[j + 2])):
        j += 2
    if j + 1 >= len(cl) or not _OF_AFTER.fullmatch(gap(text, cl[j], cl[j + 1])):
        return None
    whole, part = cl[j + 1], cl[i - 1]
    return whole if ok_amount(whole) and alike(whole, part) and tol.point(whole) > tol.point(part) else None


_SHARE_VERB = re.compile(SHARE_VERBS, re.I)
# what the part is, told between it and its percentage: "Of 254 passengers, 51 were injured, or 20 percent"
_TOLD = re.compile(r"\s+(?:(?:were|was|are|is|had|have|has)\s+[A-Za-z][\w-]*|[a-z]+ed)(?:\s+[a-z]+){0,6}(?=\s*(?:,|\s-\s))")
# "40 percent of which, or 2.24 billion yuan": the percentage of the figure before, then the part
_OF_WHICH_OR = re.compile(r"\s+of\s+(?:which|whom|them|those)\s*(?:,\s*or|,?\s+or|\()\s*$", re.I)
# "Foreign investors own 40 percent of the shares, or 2.1 million of the 10.5 million": the percentage, then its part
# of its whole ("with" is not enough: "the jobless rate was 5.2 percent, with 120,000 of the 400,000 new claims from
# Ontario" tells another share)
_PCT_THEN = re.compile(r"^\s*(?:,\s*or|,?\s+or|\(|--|\u2013|\u2014|,\s*(?:taking|winning|making|scoring|converting))\s*"
                       + APPROX + "$", re.I)  # "won 81 percent of his first-serve points, taking 64 of 79"


@lru_cache(maxsize=1)
def _whole_intro() -> re.Pattern[str]:
    """A whole named by its noun, which may stand in the sentence before its share: "a workforce of 31 million"
    (numcheck/data/whole_nouns.txt)."""
    return re.compile(r"\b" + alternation(words("whole_nouns.txt")) + r"\s+of\s+" + APPROX + "$",
                      re.I)


# a percentage that says what share the sentence's figure is: "... amounting to only 32% of the 5.8 million"
_AMOUNTING = re.compile(r"\b(?:amounting\s+to|accounting\s+for|representing|equal\s+to|equivalent\s+to|making\s+up)"
                        r"\s+(?:(?:only|just|some|about|around|nearly|almost|roughly)\s+)?\Z", re.I)
_FROM_BEFORE = re.compile(r"\b(?:from|to|than|by)\s+(?:about\s+|some\s+)?\Z", re.I)


def _subject_figure(ctx: Context, claims: list[Claim], k: int, whole: Claim) -> Claim | None:
    """The figure a sentence is about, which "amounting to 32% of the 5.8 million" puts as a share: the nearest count
    of the sentence, not a level a change moves from ("700,000 people ... up from 440,000 ... amounting to 32% of
    the 5.8 million"), in the whole's kind and unit and smaller than it."""
    s0 = ctx.sentences.span(claims[k].start)[0]
    for c in reversed(claims[:k]):
        if c.start < s0:
            return None
        if not ok_amount(c) or c.unit != whole.unit or c.kind != whole.kind \
                or _FROM_BEFORE.search(ctx.text, max(s0, c.start - 12), c.start):
            continue
        return c if tol.point(c) < tol.point(whole) else None
    return None


def _own_base(text: str, pct: Claim) -> bool:
    return bool(_OWN_BASE.match(text, subject_end(text, pct)) or _OWN_BASE.match(text, pct.end))


def whole_before(ctx: Context, claims: list[Claim], k: int, pct: Claim) -> Claim | None:
    """The whole a part (``claims[k]``) is a percentage of, stated earlier in its sentence, when the text says which.

    "Of the 1,200 patients, 300 (20%)": the sentence opens on the whole;
    "700 of them, or 45%": the nearest larger figure before; "a workforce of 31
    million ... 4.1 million of them"; "the 120-seat parliament ... 48 seats, or
    30 percent": a compound of the part's own noun; "totaled 123 million ...
    18.3 million, accounting for 14.9 percent of the total".
    """
    text, part = ctx.text, claims[k]
    s0 = ctx.sentences.span(part.start)[0]
    same = [c for c in claims[:k] if c.start >= s0 and alike(c, part) and ok_amount(c)]
    earlier = [c for c in same if tol.point(c) > tol.point(part)]
    if earlier and (_OF_THEM.match(text, pct.end) or _OF_THEM.match(text, subject_end(text, pct))):
        return earlier[-1]  # "300 were in Beijing and 60, or 20 percent of those": of the figure just before
    if same and OPENS_ON_WHOLE.fullmatch(text, s0, same[0].start):
        return same[0]  # "Of the 1,847 candidates ..., 5,312, or 71 percent": the whole, even when a part exceeds it
    if not earlier:
        return _whole_in_sentence_before(ctx, claims, k, s0)
    if _OF_WHOM.search(text, max(s0, earlier[-1].end), part.start):
        return earlier[-1]
    of_them = bool(_OF_THEM.match(text, part.end) or _OF_THEM.match(text, subject_end(text, part)))
    of_total = pct.subject.lower().split()[-1:] == ["total"]  # "of the total", "of the group total"
    head = singular(part.subject.split()[-1].lower()) if part.subject else ""
    for w in reversed(earlier):
        nearest = w is earlier[-1]  # a whole named only by its kind ("a survey of", "the 25-member") is the
        # nearest larger figure: "a survey of 2,000 households found 1,500 owned a car, and 600, or 40 percent,
        # owned two" is a share of the 1,500
        opens = bool(OPENS_ON_WHOLE.fullmatch(text, s0, w.start))
        noun = singular((compound_noun(text, w.end) or _joined_noun(w)).lower())
        compound = bool(head) and noun == head or (nearest and part.kind == "count" and noun in words("member_nouns.txt"))
        introduced = nearest and bool(_whole_intro().search(text, max(s0, w.start - 30), w.start))
        total = bool(_TOTAL.search(text, max(s0, w.start - 30), w.start))
        if opens or compound or introduced or (of_total and total) or (of_them and nearest):
            return w
    return None


def _joined_noun(c: Claim) -> str:
    """The noun a claim's own text joins to its figure: "300-strong" -> strong."""
    head, _, noun = c.text.rpartition("-")
    return noun if head and noun.isalpha() else ""


def _whole_in_sentence_before(ctx: Context, claims: list[Claim], k: int, s0: int) -> Claim | None:
    """A whole in the sentence before, in the same paragraph, when the part's sentence has no figure before the
    part and says the part is of it: a noun names it as a whole ("The country has a workforce of 31 million. Some
    4.1 million, or 13 percent, ..."), or the part's sentence points back ("Of those, 5,296, or 63 percent",
    "Only 38 of them, or 8.4 percent", "International routes accounted for 3,421,106, or 37.2 percent").  The
    whole is the last figure of that sentence in the part's kind and unit that is larger."""
    part, text = claims[k], ctx.text
    if s0 == 0 or "\n" in text[max(0, s0 - 2):s0] or any(c.start >= s0 for c in claims[:k]):
        return None
    p0 = ctx.sentences.span(s0 - 1)[0]
    larger = [c for c in claims[:k] if p0 <= c.start < s0 and alike(c, part) and ok_amount(c)
              and tol.point(c) > tol.point(part)]
    if not larger:
        return None
    opening = _OPENS_ON_NOUN.match(text, s0, part.start)
    if opening:  # "Of the job cuts, 1,538, or 63.6 percent": the figure before that counts those (a cut is one)
        nouns = {singular(w.lower()) for w in opening.group("noun").split()}
        counted = [c for c in claims[:k] if p0 <= c.start < s0 and alike(c, part) and c.subject and tol.is_exactish(c)
                   and head_noun(c.subject) in nouns and tol.point(c) > tol.point(part)]
        return counted[-1] if counted else None
    w = larger[-1]
    named = bool(_whole_intro().search(text, max(p0, w.start - 30), w.start))
    points_back = bool(_POINTS_BACK.match(text, s0, part.start) or _OF_THEM.match(text, part.end)
                       or _SHARE_BEFORE.search(text, s0, part.start))
    return w if named or points_back else None


# a sentence that opens on a whole named by its noun alone: "Of the job cuts, 1,538, or 63.6 percent, ..."
_OPENS_ON_NOUN = re.compile(r"\s*(?:Of|Among)\s+the\s+(?P<noun>[a-z]+(?:\s+[a-z]+)?)\s*,\s*")
# a sentence that opens pointing back at the figure before: "Of those, 5,296 ...", "Among them, ..."
_POINTS_BACK = re.compile(r"\s*(?:Of|Among)\s+(?:those|them|these)\s*,\s*", re.I)
# a share verb right before the part: "International routes accounted for 3,421,106, or 37.2 percent"
_SHARE_BEFORE = re.compile(r"\b(?:accounted\s+for|made\s+up|represented)\s+" + APPROX + r"\Z", re.I)


class Trio(NamedTuple):
    """A part, its whole and its percentage stated together, and the one of them a finding is on."""

    part: Claim
    whole: Claim
    pct: Claim
    flag: Claim


def _three(text: str, a: Claim, b: Claim, c: Claim) -> Trio | None:
    """Three figures in a row that state a part, its whole and its percentage, or None.

    "X of Y (Z%)", "X of Y questioned, or Z%", "Z% of Y, or X", "X, or Z% of Y"
    (also "of the total trade volume of Y", where the whole must be the larger),
    "X made up Z% of Y", "Y, Z% of which, or X", "Z%, or X of Y".
    """
    g1, g2 = gap(text, a, b), gap(text, a, b, after_subject=False)
    g3 = _CLAUSE.sub("", gap(text, b, c), count=1)  # "4,290 people questioned, or": what the group is
    if ok_pct(a):
        if ok_amount(b) and ok_amount(c) and alike(b, c):
            if OF.match(g1) and _put_beside(text, g3, c, OR):
                return Trio(c, b, a, c)  # Z% of Y, or X ("cut 10% of its 5,000 staff, or 500 people")
            if a.change is None and _PCT_THEN.match(_CLAUSE.sub("", g1, count=1)) and OF.match(g3):
                return Trio(b, c, a, a)  # Z%, or X of Y
        return None
    if not ok_amount(a):
        return None
    if ok_amount(b) and ok_pct(c) and c.change is None and alike(a, b) \
            and (OF.match(g1) or OF_OWNER.match(g2)) and _put_beside(text, g3, c, OR_PCT):
        return Trio(a, b, c, c)  # X of Y (Z%)
    if ok_pct(b) and b.change is None and ok_amount(c) and alike(a, c):
        return _share_of_named(text, a, b, c, g1)
    return None


def _share_of_named(text: str, a: Claim, b: Claim, c: Claim, g1: str) -> Trio | None:
    """X, or Z% of Y ("X, accounting for Z% of Y" and "X made up Z% of Y" put the percentage as the figure
    derived); Y, Z% of which, or X."""
    g3 = _CLOSED.sub(" ", gap(text, b, c), count=1)  # "1,234, or 55.6 percent, of the 2,706", "1,234 (55.6 percent) of"
    owner = _CLOSED.sub(" ", gap(text, b, c, after_subject=False), count=1)  # "40 percent of the company's 2 billion"
    lead = _PHRASE_OF.sub("", g1, count=1)  # "6.83 billion dollars in the first half, accounting for"
    shared = bool(_SHARE_VERB.search(lead))
    bare = bool(re.fullmatch(r"\s*,\s*", lead))  # "earned $10.7 billion in the fiscal year, 56.1 percent of ... of $14.06 billion"
    if OR_PCT.match(lead) or _SHARE_BARE.match(g1) or bare:
        flag = b if shared or _SHARE_BARE.match(g1) else a
        if OF.match(owner) or OF_OWNER.match(owner):
            return Trio(a, c, b, flag)  # "of the 2,706": the whole, even where a part exceeds it
        if (OF.match(g3) or OF_NAMED.match(g3) or OF_NAMED.match(owner)) and tol.point(c) > tol.point(a):
            return Trio(a, c, b, flag)  # named between ("of the residents of 12 villages" is no whole)
    if re.fullmatch(r"\s*,\s*", g1) and _OF_WHICH_OR.match(text, b.end, c.start) and text[b.end:c.start].strip():
        return Trio(c, a, b, c)  # Y, Z% of which, or X
    return None


# what a group is, told after its noun and before its percentage: "the 4,290 people questioned, or 73 percent",
# "the 311 people arrested during the weekend riots, about 28 percent"
_CLAUSE = re.compile(r"^\s+[a-z](?:[^.;:\d()]|(?<=\s)\d{4}\b){0,60}?(?=\s*[,(])")  # a year may be told: "since 1998"
# a figure and what it is of, then the share: "6.83 billion dollars in the first half, accounting for 27 percent"
_PHRASE_OF = re.compile(r"^\s+(?:in|for|during|over|at|on|to|from|by)\s+[^,;()\d]{0,40}(?=,)", re.I)
# a share verb with no comma: "Brazil's harvest of 2,315,000 tonnes made up 33.1 percent of world output of ..."
_SHARE_BARE = re.compile(r"^\s+(?:made\s+up|accounted\s+for|represented|constituted)\s+" + APPROX + "$", re.I)
_APPROX_WORD = re.compile(r"(?:about|around|nearly|almost|some|roughly)\b", re.I)


def _put_beside(text: str, between: str, pct: Claim, joins: re.Pattern[str]) -> bool:
    """The percentage put beside what goes before it: "or 25 percent", "(25%)", or after a bare comma an
    approximate one (", about 28 percent": the extractor keeps "about" in the percentage), one that says it is the
    share (", 35 per cent of the total"), or one a rate follows (", a 37.9 per cent success rate")."""
    if joins.match(between):
        return True
    if re.fullmatch(r"\s*,\s*", between):
        return bool(_APPROX_WORD.match(pct.text) or _OF_THE_TOTAL.match(text, pct.end))
    return bool(re.fullmatch(r"\s*,\s*an?\s*", between) and _RATE_AFTER.match(text, pct.end))


# after a percentage: it is the share of the whole just stated ("35 per cent of the total"), or a rate ("37.9 per
# cent success rate")
_OF_THE_TOTAL = re.compile(r"\s+of\s+(?:the|their|its)\s+(?:[a-z]+\s+)?(?:total|whole|them|all)\b", re.I)
_RATE_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?(?:rate|share|majority)\b", re.I)


class PercentOfParts(Check):
    """A percentage that does not match the part and the whole stated with it.

    What it flags:
    A part, its whole and a percentage stated together ("12 of the 20 members
    (60%)", "450 of the council's 1,500 staff (20%)", "10% of its 5,000 staff,
    or 500 people", "500 people, or 10% of its 5,000 staff", "6% of MPs - 13
    out of 659 -", "123 deaths among 1,046 patients, a rate of 12 percent",
    "own 20 percent of the shares, or 2.1 million of the 10.5 million",
    "lent 3.2 billion yuan, 70 percent of which, or 2.24 billion yuan", "1,402
    of the 2,317 voters polled, or 60.5 percent", "47 of the 188 people
    detained, about 25 percent", "a pass rate of 84 percent", "output of
    1,508,000 tonnes made up 26.4 percent of the harvest of 5,712,000 tonnes";
    parts and wholes are counts, sums of money in one currency or measures in
    one unit, and a part larger than its whole is flagged too) where the part over the whole, each read as rounded, is not
    the percentage (2% of it either way is allowed).  The whole may stand
    earlier in the sentence where the text says it is the whole: the sentence
    opens on it ("Of the 1,200 patients, 300 (20%)", "Out of 254
    passengers, 51 were injured, or 20 percent", "Among the ..."), the part is "of them"
    ("a workforce of 31 million, and 4.1 million of them, or 18 percent"), it is
    a compound of the part's noun ("the 120-seat parliament ... 48 seats, or
    30 percent") or a body's size in people ("the 25-member board has 11
    women", numcheck/data/member_nouns.txt), a noun names it as a whole ("a
    survey of 2,013 adults found 604, or 30 percent"), it is the total ("totaled 123 million ... accounting for
    14.9 percent of the total"), or the part is "of whom" it ("600,000 voters,
    of whom 450,000, or 75 percent").  It may stand in the sentence before, in
    the same paragraph, where a noun names it as a whole and the part opens
    its own sentence's figures ("a workforce of 31 million. Some 4.1 million,
    or 13 percent, ...": numcheck/data/whole_nouns.txt), or where the part's
    sentence points back ("Of those, 1,556, or 25 percent", "Only 48 of
    them", "Transshipment accounted for 1,203,075, or 25 percent").  A dash may stand
    before the "or" ("150 -- or 33 percent --").  A percentage that names another base ("30%
    of the vote") is not compared.  The finding is on
    the last of the three numbers, or on the percentage where the text puts
    it as the share ("accounting for", "made up"); its suggestion is that number
    computed from the other two, to its own precision.

    Why it matters:
    The three numbers are a sum the reader can do; when they disagree, one of
    them was mistyped or taken from another table, and the sentence says two
    different things at once.

    Anti-pattern:
        The firm cut 10% of its 5,000 staff, or 800 people.

    Best practice:
        The firm cut 10% of its 5,000 staff, or 500 people.

    Options:
    None.
    """

    code = "NC104"
    name = "percentage-mismatch"
    severity = "error"
    fix = "unsafe"
    SLACK = 0.02

    def run(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        cl = numeric(ctx)
        done: set[int] = set()
        for i in range(len(cl) - 2):
            a, b, c = cl[i], cl[i + 1], cl[i + 2]
            trio = _three(text, a, b, c)
            if trio is not None:
                done.add(id(trio.pct))
                yield from self._compare(ctx, part=trio.part, whole=trio.whole, pct=trio.pct, flag=trio.flag)
        yield from self._apposed(ctx, cl, done)
        yield from self._part_after(ctx, cl, done)
        yield from self._share_further_on(ctx, cl, done)
        # "6% of MPs - 13 out of 659 -", "17.8 percent of the staff at state firms, or 934,210 out of 5,248,371":
        # a percentage and the fraction it should be, side by side
        for pct, frac in zip(cl, cl[1:]):
            between = gap(text, pct, frac)
            if ok_pct(pct) and pct.change is None and frac.kind == "fraction" and _OUT_OF.search(frac.text) \
                    and (DASHED.match(between) or _PCT_THEN.match(_CLAUSE.sub("", between, count=1))):
                yield from self._fraction(ctx, pct, frac)

    def _apposed(self, ctx: Context, cl: list[Claim], done: set[int]) -> Iterator[Finding]:
        """A part with its percentage in apposition ("309 (20%)", "51 were injured, or 20 percent"), of a whole
        stated before them (whole_before) or after a list of such pairs (_whole_after_pairs)."""
        text = ctx.text
        for i in range(1, len(cl)):
            part, pct = cl[i - 1], cl[i]
            if id(pct) in done or not (ok_amount(part) and ok_pct(pct) and pct.change is None):
                continue
            them = _OF_THEM.match(text, part.end)
            between = text[them.end():pct.start] if them else gap(text, part, pct)
            told = _TOLD.match(between)
            if not OR_PCT.match(between[told.end():] if told else between) or _own_base(text, pct):
                continue
            whole = whole_before(ctx, cl, i - 1, pct) or _whole_after_pairs(text, cl, i)
            if whole is not None:
                done.add(id(pct))
                yield from self._compare(ctx, part=part, whole=whole, pct=pct, flag=pct)

    def _part_after(self, ctx: Context, cl: list[Claim], done: set[int]) -> Iterator[Finding]:
        """ "The poll of 1,012 adults found 62 percent, or 526, ...": the percentage, then its part, of a whole
        stated before them as whole_before reads it."""
        for i in range(1, len(cl)):
            pct, part = cl[i - 1], cl[i]
            if id(pct) in done or not (ok_pct(pct) and pct.change is None and ok_amount(part)) \
                    or not _OR_PART.fullmatch(gap(ctx.text, pct, part)) or _own_base(ctx.text, pct):
                continue
            whole = whole_before(ctx, cl, i, pct)
            if whole is not None:
                yield from self._compare(ctx, part=part, whole=whole, pct=pct, flag=part)

    def _share_further_on(self, ctx: Context, cl: list[Claim], done: set[int]) -> Iterator[Finding]:
        """ "700,000 people ... up from 440,000 ... amounting to only 32% of the 5.8 million": the sentence's figure
        put as a share of a whole named after the percentage."""
        for k, pct in enumerate(cl[:-1]):
            whole = cl[k + 1]
            if id(pct) in done or not (ok_pct(pct) and pct.change is None and ok_amount(whole)) \
                    or not _AMOUNTING.search(ctx.text, max(0, pct.start - 40), pct.start) \
                    or not OF.match(gap(ctx.text, pct, whole)):
                continue
            part = _subject_figure(ctx, cl, k, whole)
            if part is not None:
                yield from self._compare(ctx, part=part, whole=whole, pct=pct, flag=pct)

    def _fraction(self, ctx: Context, pct: Claim, frac: Claim) -> Iterator[Finding]:
        m = _OUT_OF.search(frac.text)
        assert m is not None
        part, whole = float(m.group(1).replace(",", "")), float(m.group(2).replace(",", ""))
        exact = tol.Interval(part / whole, part / whole)
        if whole <= 0 or exact.overlaps(share_of(pct), self.SLACK):
            return
        computed = part / whole * 100
        yield ctx.finding(self, pct.start, pct.end,
                          f"{m.group(1)} of {m.group(2)} is {nf.amount(computed, like=pct)}; the text says {pct.text} "
                          f"({nf.signed(tol.point(pct) - computed)} points)",
                          related=[ctx.related(frac, "stated with it")],
                          evidence={"part": part, "whole": whole, "percent": tol.point(pct),
                                    "computed_percent": nf.evidence(computed, pct.step)},
                          suggestion=nf.restate(pct, computed, exact.widen(self.SLACK).scale(100.0)))

    def _compare(self, ctx: Context, part: Claim, whole: Claim, pct: Claim, flag: Claim) -> Iterator[Finding]:
        ratio = part_ratio(part, whole)
        if ratio is None or ratio.overlaps(share_of(pct), self.SLACK):
            return
        exp_pct = tol.point(part) / tol.point(whole) * 100
        exp_part = tol.point(pct) / 100 * tol.point(whole)
        whole_text = nf.amount(tol.point(whole), like=whole, step=whole.step)
        if flag is pct:
            msg = (f"{nf.amount(tol.point(part), like=part, step=part.step)} of {whole_text} is {nf.amount(exp_pct, like=pct)}; "
                   f"the text says {pct.text} ({nf.signed(tol.point(pct) - exp_pct)} points)")
            allowed = ratio.widen(self.SLACK).scale(100.0)
            suggestion = nf.restate(pct, exp_pct, allowed)
        else:
            msg = (f"{pct.text} of {whole_text} is about {nf.amount(exp_part, like=part)}; "
                   f"the text says {part.text} ({nf.rel_diff(tol.point(part), exp_part)})")
            whole_iv = tol.rounded(whole)
            allowed = share_of(pct).widen(self.SLACK).scale(whole_iv.lo, whole_iv.hi)
            suggestion = nf.restate(part, exp_part, allowed)
        others = [c for c in (part, whole, pct) if c is not flag]
        yield ctx.finding(self, flag.start, flag.end, msg,
                          related=[ctx.related(c, "stated with it") for c in others],
                          evidence={"part": tol.point(part), "whole": tol.point(whole), "percent": tol.point(pct),
                                    "computed_percent": nf.evidence(exp_pct, pct.step)},
                          suggestion=suggestion)


CHECK = PercentOfParts()
