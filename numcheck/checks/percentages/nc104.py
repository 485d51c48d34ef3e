"""NC104 percentage-mismatch: a percentage that does not match the part and the whole stated with it."""
from __future__ import annotations

import re
from itertools import chain
from typing import Iterator

from ... import numfmt as nf
from ... import tolerance as tol
from ...model import Claim, Finding
from ...text import head_noun
from .._asides import without_asides
from .._common import OF_THEM, claims_between, numeric, subject_end, tells_who
from ..base import Check, Context
from ._common import part_ratio, share_of
from ._pairs import another_tally, apposed, part_after, share_further_on, share_of_the_last, shares_told_first
from ._rate import fractions_told_after, rates_told_first
from ._sentence import (share_in_sentence, shares_of_the_figure_before, shares_of_the_pair_before,
                        shares_said_of_a_whole_after)
from ._trio import OUT_OF, Trio, pairs_misread, fractions_beside, respective_shares_of_the_whole_before, trios
from ._told_before import shares_of_a_whole_before
from ._whole import base_told_of
from ._typo import shares_one_digit_off


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
    1,508,000 tonnes made up 26.4 percent of the harvest of 5,712,000 tonnes",
    "12.3 billion dollars, accounting for 45.6 percent of the total 27.0
    billion dollars", "cut 1,650 of its 2,100 weekly flights, or 79 percent"
    (a part a change verb tells, of a whole told per time), "spending of
    288.4 billion euros, of which 123.9 billion, or 43 percent" (the currency
    left out; the part right after "of which" is of the figure before, even
    when it exceeds it), "makes up 5.5 percent of total government spending
    of 606 billion pounds", "39.6 billion of the Royal Bank of Scotland's
    56.4 billion shares, or 70.2 percent", "thefts made up 229,000 of them,
    or 46 percent", "286,000 barrels per day, running at 84.1 percent of
    its 340,000-bpd capacity", and the sentence's figure put as a share of a
    whole after the percentage however far apart: "fell 4.2 percent to 13.5
    trillion yen, accounting for nearly 25 percent of Japan's total exports
    of 54.9 trillion yen", "attracted 233 billion dollars in 2004, 36
    percent of the global total of 648 billion dollars", "sold 570,000 cars,
    giving the group 17 percent of the 3.3 million-car market"; a part may
    be a lower bound, "More than 1,800 of the 2,700 homes, or 67 percent";
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
    14.9 percent of the total"), the part is "of whom" it ("600,000 voters,
    of whom 450,000, or 75 percent"), or it is the one larger figure like
    the part before it, told as a total or a whole or with the part told as
    some of it ("among them", "setting aside"), and the percentage is the
    part's plain share, the sentence's only one, with no change between
    them ("exports totalled 17 billion Swiss francs, with Hong Kong taking
    2.9 billion francs, or 17.1 percent"; not a peer, "Airbus delivered 483
    jets, with Boeing delivering 441, or 48 percent"), or the whole's owner's
    own part by any act ("revenue of 24.4 billion dollars, with its services
    business bringing in 12.1 billion dollars, or 49.6 percent").  It may stand in the sentence before, in
    the same paragraph, where a noun names it as a whole and the part opens
    its own sentence's figures ("a workforce of 31 million. Some 4.1 million,
    or 13 percent, ...": numcheck/data/whole_nouns.txt), or where the part's
    sentence points back ("Of those, 1,556, or 25 percent", "Only 48 of
    them", "Transshipment accounted for 1,203,075, or 25 percent"), or where
    it is that sentence's one figure of its kind and the part's share is put
    plainly, one mistyped digit from it ("Malaysia's census counted 23.27
    million people. Malays numbered 11.68 million, or 60.2 per cent").  A dash
    may stand before the "or" ("150 -- or 33 percent --"), and a word that
    says the share is small after it ("-- just 6 percent --").  A tally's later
    entries, each with its share in brackets, are of the first entry's whole
    ("won 296 of the 480 seats (61.7 percent), New Komeito 31 (6.5
    percent)").  The part of a whole and its percentage may stand far apart when the sentence states one part of a
    whole and one percentage, set off as the share ("Only 9,817 of the
    11,340 graduates who sat the test cleared it, a pass rate of 86.6
    percent", "giving battery cars a market share of 36.3%", "which is
    65.2 per cent of the network").  A rate told first may be of a part and a whole told after it
    with "with" when the whole is named as the whole ("Turnout stood at 63.4
    percent, with 2,418,906 of the 3,815,227 registered voters casting
    ballots", "Unemployment rose to 9.7 percent in March, with 2,516,300
    people out of a labour force of 25,940,000": numcheck/data/whole_nouns.txt
    and whole_modifiers.txt), not a part with a rate of its own ("with 45,000
    of the 300,000 young people", "3,000 people in the town").  The one
    percentage of a sentence that no reading takes, put as a share ("of the
    22,914", ", or", ", a ... share", "accounting for", a share or rate
    named before it, ", a turnout of", "giving it a market share of"; not a
    rate of its own, "turnout stood at 68.2 percent"), raises a warning when one
    digit of it, of a part or of a whole of the sentence, changed far beyond
    the figures' rounding, would make it exactly that share, and no pair of
    the sentence's figures makes it as written ("Just 3,811 NGOs filed ...,
    42.8 percent of the 22,914 on the register": 9,811 would be): all three
    written to three significant digits or more.  So does a share put of the
    figure before it (", or", "accounting for") of the one figure like it
    told before: in its sentence, told as the whole ("includes", "of which",
    "a total of") or with the base named ("of the total", "of the deaths"),
    or alone in the sentence before ("India's defence budget of 490 billion
    rupees includes 372 billion rupees for new weapons, accounting for 41.8
    percent of the total": percentages/_told_before).  A percentage that names another base ("30%
    of the vote") is not compared.  A figure that tells who a part is
    (an age, "2.66 million people aged 60 or above, or nearly 20 percent";
    a bound after its noun, "9,600 children under five, or 20 percent") is
    none of the three.  Other forms read: "The district's 48,000 residents
    include 9,600 ..., or 20 percent", "contributed 9.2 million tonnes, or
    37.6 per cent, to the central pool's wheat procurement of 24.5 million
    tonnes", "12.5 percent of the total, or 2.4 million tonnes, out of 19.2
    million tonnes", and a share of "the total", "output" or "the harvest"
    (numcheck/data/share_bases.txt) of the one figure of the sentence before
    told ahead of any level it is compared with ("Malaysia exported 1.38
    million tonnes ..., down from 1.52 million tonnes. India took 412,000
    tonnes, or 29.9 per cent of the total"), unless the part's sentence
    tells a time of its own.  A sentence that puts the one part of a whole
    the sentence before tells as a share, and tells nothing more ("Of the
    17,408 murders reported, 12,201 involved firearms. That is 70.1 percent"),
    gives that part's share.  The finding is on
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
        ctx = without_asides(ctx)  # "1,914,403 votes out of 3,424,695 valid ballots, the Constitutional Council said,
        # giving him 55.9 percent": who gave the figures says nothing of how they are related
        every = numeric(ctx)
        cl = [c for k, c in enumerate(every) if not tells_who(ctx.text, every[k - 1] if k else None, c)]
        done: set[int] = set()  # the percentages read with a part and a whole so far
        for trio in respective_shares_of_the_whole_before(ctx, cl, done):  # first: "respectively" pairs each part
            if base_told_of(ctx, trio.pct, trio.whole):  # with its share, so no other pairing is feared
                yield from self._compare(ctx, trio)
        readings = chain(trios(ctx, cl, done), apposed(ctx, cl, done), part_after(ctx, cl, done),
                         share_further_on(ctx, cl, done), share_of_the_last(ctx, cl, done), share_in_sentence(ctx, cl, done),
                         rates_told_first(ctx, cl, done), shares_of_the_pair_before(ctx, cl, done),
                         shares_of_the_figure_before(ctx, cl, done), shares_said_of_a_whole_after(ctx, cl, done),
                         shares_told_first(ctx, cl, done))
        for trio in readings:
            if not _another_whole_fits(ctx, cl, trio) and not _another_part_fits(ctx, cl, trio) \
                    and not pairs_misread(ctx.text, cl, trio) and not _of_another_tally(ctx.text, trio) \
                    and base_told_of(ctx, trio.pct, trio.whole):  # (not "548 bodies were recovered. ... 412 of the dead,
                # or 39.8 percent of the toll": a toll is told as one)
                yield from self._compare(ctx, trio)
        for pct, frac in chain(fractions_beside(ctx.text, cl), fractions_told_after(ctx, cl)):
            done.add(id(pct))
            yield from self._fraction(ctx, pct, frac)
        for trio in chain(shares_of_a_whole_before(ctx, cl, done), shares_one_digit_off(ctx, cl, done)):
            yield from self._one_digit_off(ctx, trio)

    def _one_digit_off(self, ctx: Context, trio: Trio) -> Iterator[Finding]:
        """A warning, on the percentage, where it is one mistyped digit away from a part and whole of its sentence."""
        part, whole, pct = trio.part, trio.whole, trio.pct
        exp_pct = tol.point(part) / tol.point(whole) * 100
        yield ctx.finding(
            self, pct.start, pct.end,
            f"{part.text} of {whole.text} is {nf.amount(exp_pct, like=pct)}; the text says {pct.text}, one digit off "
            f"it or a figure: if it is that share, one of the three is mistyped",
            related=[ctx.related(c, "stated with it") for c in (part, whole)],
            evidence={"part": tol.point(part), "whole": tol.point(whole), "percent": tol.point(pct),
                      "computed_percent": nf.evidence(exp_pct, pct.step), "one_digit_off": True},
            severity="warning")

    def _fraction(self, ctx: Context, pct: Claim, frac: Claim) -> Iterator[Finding]:
        """A finding where the percentage is not the fraction beside it ("6% of MPs - 13 out of 659 -")."""
        m = OUT_OF.search(frac.text)
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

    def _compare(self, ctx: Context, trio: Trio) -> Iterator[Finding]:
        """A finding, on the trio's flag, where the part over the whole is not the percentage, each read as rounded."""
        part, whole, pct, flag = trio.part, trio.whole, trio.pct, trio.flag
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


# a part told "of which" or "of whom", which may point back at either of two figures before it
_OF_WHICH_BEFORE = re.compile(r"\bof\s+(?:which|whom)\s+$", re.I)


def _another_whole_fits(ctx: Context, cl: list[Claim], trio: Trio) -> bool:
    """Whether a part told "of which" ("20 plants employing 40,000 workers, of which 5, or 25 percent") is that share
    of another figure of its sentence before it than the whole read: "which" may point back at either, so the one
    it fits is the one meant (and so for a part told "of them" of a whole in the sentence before: any figure of that
    sentence); or whether it is that share of the whole less a figure like it told in its paragraph
    (_net_whole_fits)."""
    part, whole = trio.part, trio.whole
    if _net_whole_fits(ctx, cl, trio):
        return True
    if _OF_WHICH_BEFORE.search(ctx.text, max(0, part.start - 12), part.start):
        s0 = ctx.sentences.span(part.start)[0]
    elif OF_THEM.match(ctx.text, part.end):
        s0 = ctx.sentences.span(whole.start)[0]  # "A total of 3,215 candidates are contesting the 543 seats. Women
        # number only 274 of them (8.5 percent)": "them" may point back at any figure of the sentence before, or of
        # its own ("Only 380 of the 9,500 troops are women (4 percent), and only 19 of them, or 5 percent, ...")
    else:
        return False
    return any(c is not whole and s0 <= c.start < part.start and c.kind == whole.kind and c.unit == whole.unit
               and tol.point(c) > tol.point(part) and (r := part_ratio(part, c)) is not None
               and r.overlaps(share_of(trio.pct), PercentOfParts.SLACK) for c in cl)


def _another_part_fits(ctx: Context, cl: list[Claim], trio: Trio) -> bool:
    """Whether the percentage, its sentence's only one, is the share of another part of the same whole told in its
    sentence before it: "of whom 3,872 passed and 20,644 failed, a pass rate of 15.8 percent" (the rate is of those
    who passed, not of the figure nearest it), counting what the whole counts (not "failed to win any of the 50 seats,
    and only 28 of the 249 candidates (11.2 percent)")."""
    part, whole = trio.part, trio.whole
    s0, s1 = ctx.sentences.span(part.start)
    if any(c.kind == "percent" and c is not trio.pct for c in claims_between(cl, s0, s1)):
        return False  # ("Smith had 14.9 million votes (36.4%), Jones 14.7 million (35.9%)": each part its own share)
    return any(c is not part and c is not whole and c.kind == part.kind and c.unit == part.unit and c.point is not None
               and tol.point(c) < tol.point(whole) and _counted_alike(c, whole)
               and (r := part_ratio(c, whole)) is not None and r.overlaps(share_of(trio.pct), PercentOfParts.SLACK)
               for c in claims_between(cl, s0, trio.pct.start))


def _counted_alike(c: Claim, whole: Claim) -> bool:
    """A figure that names nothing, or what the whole names ("3,872 passed" of "24,516 law graduates")."""
    return not c.subject or bool(whole.subject) and head_noun(c.subject) == head_noun(whole.subject)


def _net_whole_fits(ctx: Context, cl: list[Claim], trio: Trio) -> bool:
    """Whether the part is the share of the whole less a figure like it that its sentence, or the one before or after,
    says did not take part (_LEFT_OUT): "Of the 780,000 students who registered, 512,000 passed, a pass rate of 70.8
    percent. About 57,000 registered candidates did not sit the exams" (the rate is of those who sat), "out of 91.6
    million ballots cast, of which 5.4 million were blank or spoiled".  The figures are read as
    written, to the percentage's own precision: a mistyped share fits such a difference only by chance."""
    part, whole, text = trio.part, trio.whole, ctx.text
    si = ctx.sentences.index(part.start)
    told = share_of(trio.pct)
    for near in (si - 1, si, si + 1):
        if near < 0 or near >= len(ctx.sentences):
            continue
        n0, n1 = ctx.sentences.span_at(near)
        if "\n\n" in text[min(n1, part.start):max(n0, part.end)]:
            continue  # (another paragraph)
        for c in claims_between(cl, n0, n1):
            if any(c is x for x in (part, whole, trio.pct)) or c.kind != whole.kind or c.unit != whole.unit \
                    or c.point is None \
                    or not 0 < tol.point(c) < tol.point(whole) - tol.point(part) \
                    or not _LEFT_OUT.match(text, subject_end(text, c), n1):
                continue
            ratio = tol.point(part) / (tol.point(whole) - tol.point(c))
            if told.lo <= ratio <= told.hi:
                return True
    return False


# what those left out of a rate's base did: "57,000 registered candidates did not sit the exams", "12,000 ballots were
# spoiled", "3,000 stayed away"
_LEFT_OUT = re.compile(r"[^.;\d]{0,40}?\b(?:did\s+not|didn't|failed\s+to|were\s+absent|absent|stayed\s+away|abstained"
                       r"|(?:were|was)\s+(?:disqualified|spoiled|spoilt|invalid|blank|rejected)|withdrew|dropped\s+out)\b", re.I)


CHECK = PercentOfParts()


def _of_another_tally(text: str, trio: Trio) -> bool:
    """Whether a share told before its part and whole is of another tally than theirs ("took 42.8 percent of the vote,
    winning 19 of the 60 seats")."""
    return trio.pct.end <= trio.part.start < trio.whole.start \
        and another_tally(text[trio.pct.end:trio.part.start], trio.whole)
