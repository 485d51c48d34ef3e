"""Three figures in a row that state a part, its whole and its percentage, and a percentage beside the fraction it
should be (NC104): the readings where all the figures stand together."""
from __future__ import annotations

import re
from typing import Callable, Iterator, NamedTuple

from ...model import Claim
from ... import numfmt as nf
from ... import tolerance as tol
from .._common import compared_before, gap, held_in, opens_paragraph, past_where_held, plain_gap, subject_end
from ..base import Context
from ._common import (APPROX, APPROX_WORDS, CLAUSE_END, DET, GIVING_SHARE, GROUP_CLAUSE, MERELY_WORDS, OF, OF_NAMED,
                      OF_OWNED_NAMED, OF_OWNER, OR, OR_PCT, SHARE_VERBS, RIVAL_BEFORE, WHOLE_OF_A_SHARE, alike, far_off,
                      nouns_alike, ok_amount, ok_pct, own_base)


_DASHED = re.compile(r"^\s*(?:-|\u2013|\u2014|\(|,|:)\s*$")
OUT_OF = re.compile(r"^(\d[\d,]*)\s+(?:out\s+)?of\s+(\d[\d,]*)$", re.I)
# the apposition closed before the whole: "1,234, or 55.6 percent, of the 2,706"
_CLOSED = re.compile(r"^\s*[),]\s*")
_SHARE_VERB = re.compile(SHARE_VERBS, re.I)
# "40 percent of which, or 2.24 billion yuan": the percentage of the figure before, then the part
# (or "and 90.8 percent of it -- 2,180 megawatts --")
_OF_WHICH_OR = re.compile(r"\s+of\s+(?:which|whom|them|those|it)\s*(?:,\s*or|,?\s+or|\(|--|\u2013|\u2014)\s*$", re.I)
# "Foreign investors own 40 percent of the shares, or 2.1 million of the 10.5 million": the percentage, then its part
# of its whole ("with" is not enough: "the jobless rate was 5.2 percent, with 120,000 of the 400,000 new claims from
# Ontario" tells another share)
_PCT_THEN = re.compile(r"^\s*(?:,\s*or|,?\s+or|\(|--|\u2013|\u2014|:|,\s*(?:taking|winning|making|scoring|converting))\s*"
                       + APPROX + "$", re.I)  # "won 81 percent of his first-serve points, taking 64 of 79"
def _counts_ballots(c: Claim) -> bool:
    """A whole that counts votes or ballots ("2,248,000 valid ballots", "69.6 million votes cast")."""
    words = c.subject.lower().split() if c.subject else []
    return bool(words) and (words[-1] in ("votes", "ballots", "vote", "ballot") or words[-2:-1] in (["votes"], ["ballots"]))


# a share of the vote, then a bare comma before its count: " of the vote, " (the count "of" its ballots follows)
_OF_THE_VOTE_THEN = re.compile(r"\s+of\s+the\s+(?:votes?|ballots?)(?:\s+cast)?\s*,\s*" + APPROX, re.I)
# a date written out, which holds digits and perhaps a comma: "July 1, 2007", "30 June 2008" (after "as of")
_DATE_TOLD = r"(?:[A-Z][a-z]+\.?\s+\d{1,2},\s+(?:19|20)\d\d|\d{1,2}\s+[A-Z][a-z]+\s+(?:19|20)\d\d)"
# a figure and what it is of, then the share: "6.83 billion dollars in the first half, accounting for 27 percent"
# (not changes/_common._PHRASE_OF, which reads a time with its figures, "for the quarter ended Sept. 29", and no
# "from", "to" or "by": "6.83 billion dollars from January to June, or 47 percent of ...")
_PHRASE_OF = re.compile(r"^\s+(?:(?:in|for|during|over|at|on|to|from|by)\s+[^,;()\d]{0,40}(?:(?<=\s)(?:19|20)\d\d(?:/\d\d)?(?:\s+[a-z]+)?)?"
                        r"|as\s+(?:of|at)\s+" + _DATE_TOLD +
                        r"|so\s+far|to\s+date"
                        r"|(?:this|last)\s+(?:[a-z]+\s+)?[a-z]+)(?=,)", re.I)  # "1,742,300 people this winter, or", "in the
# 2006/07 season, or", "45.5 million as of July 1, 2007, or"
# a part told with what it is, then its whole "out of": "declared 10.6 lakh candidates successful in the Class X
# examination, out of 12.5 lakh who appeared"
TOLD_OUT_OF = re.compile(r"^\s+[a-z][^,;:.()\d]{0,90}?(?:,\s+|\s+)out\s+of\s+(?:" + DET
                          + r"|(?:an?\s+|the\s+)?(?:total|global|world|overall|national)(?:\s+[a-z]+){1,3}\s+of\s+)$", re.I)
# (or with no comma, out of a total named: "sold 1.42 million vehicles in Europe last year out of total sales of 5.68
# million, or", "out of total outstanding loans of 1.28 trillion yuan")
# a share verb with no comma: "Brazil's harvest of 2,315,000 tonnes made up 33.1 percent of world output of ..."
# (perhaps after what the part is: "The 2,907 cases reported in August represented 31.2 percent of ...")
_SHARE_BARE = re.compile(r"^\s*\)?\s+(?:[a-z]+ed\s+(?:in|on|at|by|during|for|from)\s+[^,;()\d]{0,30}?\s+)?"
                         r"(?:(?:will|would|could|may)\s+)?"
                         r"(?:made\s+up|makes?\s+up|accounted\s+for|accounts?\s+for|represent(?:s|ed)?"
                         r"|constitut(?:es?|ed)|absorb(?:s|ed)?|t(?:ake|akes|ook)\s+up|ate\s+up|eat\s+up|consum(?:es?|ed))\s+"
                         + APPROX + "$", re.I)  # (the part in brackets, then a verb that takes its share: "Interest
# payments (312 billion pesos) will absorb 17.5 percent of")
# an approximate percentage, put beside a figure by a bare comma (not all of APPROX: "47 of the 188 people detained,
# more than 35 percent" is not read so)
_APPROX_WORD = re.compile(r"(?:" + APPROX_WORDS + r")\b", re.I)
# after a percentage: it is the share of the whole just stated ("35 per cent of the total"), or a rate ("37.9 per
# cent success rate")
_OF_THE_TOTAL = re.compile(r"\s+of\s+(?:the|their|its)\s+(?:[a-z]+\s+)?(?:total|whole|them|all|chamber|house|assembly|parliament"
                           r"|legislature|council|senate|congress|seats)\b", re.I)
# (or the body whose seats the whole counts: "won 83 of the 150 seats, 55.3 per cent of the chamber"; not "of the
# vote" or "of the market", another base than the figures': a seat share is no vote share)
# the name of a body after its size: "-seat Lok Sabha", "-member National Assembly (parliament)"
_BODY_NAME = re.compile(r"^\s+(?:(?:[A-Z][\w'\u2019-]*|of|the)\s+)*[A-Z][\w'\u2019-]*(?:\s+\([^()]{1,30}\))?(?=\s*,)")
# a percentage that names itself the share: ", 97.2 percent coverage", ", 61 percent turnout"
_SHARE_NOUN_AFTER = re.compile(r"\s+(?:coverage|turnout|(?:pass|success|occupancy|approval|response|attendance)\s+rate)\b", re.I)
_RATE_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?(?:rate|share|majority)\b", re.I)


class Trio(NamedTuple):
    """A part, its whole and its percentage stated together, and the one of them a finding is on."""

    part: Claim
    whole: Claim
    pct: Claim
    flag: Claim


def trios(ctx: Context, cl: list[Claim], done: set[int]) -> Iterator[Trio]:
    """Every three figures in a row that read as a part, its whole and its percentage (read_trio); each percentage
    read is added to ``done``, so that no later reading takes it again."""
    text = ctx.text
    for i in range(len(cl) - 2):
        first = cl[past_where_held(text, cl, i)]  # ("killed 42 children in eight camps ..., out of
        # 1,050 cases recorded, a case fatality rate of 4 percent": the children)
        trio = read_trio(ctx, first, cl[i + 1], cl[i + 2])
        if trio is not None and i and trio.part is cl[i] and (whole_of(text, cl[i - 1], cl[i])
                                                              or TOLD_OUT_OF.match(gap(text, cl[i - 1], cl[i]))):
            continue  # "spend 340 million of Kenya's 520 million dollars ..., or 1.9 percent of gross domestic product of
            # 17.9 billion dollars": the 520 million is the whole of the part before it, no part of the GDP
        if trio is not None and i and trio.part is cl[i] and _PAIRED.fullmatch(gap(text, cl[i - 1], cl[i])) \
                and alike(cl[i - 1], cl[i]):
            yield from _respectively(text, cl, i, done)  # "took 150 and 96 of the 427 gold medals, or 35.1 percent
            # and 22.5 percent respectively": two parts of the whole, each with its share in turn
            continue
        if trio is not None:
            done.add(id(trio.pct))
            yield trio


# two figures told as a pair: "150 and 96" (not a comma alone, which sets off a part from its whole: "Of the 1,842
# people detained ..., 1,203")


_PAIRED = re.compile(r" and ", re.I)  # (one space each side: no aside blanked between, checks/_asides)


def pairs_misread(text: str, cl: list[Claim], trio: Trio) -> bool:
    """Whether a trio breaks the pairs its figures are told in: the part the second of a pair ("412,000 and 268,000
    vehicles") with a percentage alone, which may be the pair's share together ("or 61.4 percent of the 1.107 million
    sold there"); or a percentage of a pair ("or 44.2 percent and 30.0 percent respectively") with a part told alone
    ("won 212 of the 480 seats ... and 74 of the 247 in the upper house") or with the other of its pair as its whole."""
    partner = _paired(text, cl, trio.part, lambda c: alike(c, trio.part))
    shares = _paired(text, cl, trio.pct, ok_pct)
    if partner is not None and partner.start < trio.part.start and shares is None:
        return True
    if shares is not None and partner is not None and (partner.start < trio.part.start) != (shares.start < trio.pct.start):
        return True  # "numbered 38,000 and 42,000, or 47.5 percent and 52.5 percent, respectively": the second part
        # with the first share
    return shares is not None and (partner is None or partner is trio.whole)


def _paired(text: str, cl: list[Claim], c: Claim, like: Callable[[Claim], bool]) -> Claim | None:
    """The figure told as a pair with ``c`` right before or after it ("150 and 96", "35.1 percent and 22.5 percent"),
    or None."""
    k = next((j for j, x in enumerate(cl) if x is c), -1)
    if k > 0 and like(cl[k - 1]) and _PAIRED.fullmatch(gap(text, cl[k - 1], c)):
        return cl[k - 1]
    if 0 <= k < len(cl) - 1 and like(cl[k + 1]) and _PAIRED.fullmatch(gap(text, c, cl[k + 1])):
        return cl[k + 1]
    return None


def _respectively(text: str, cl: list[Claim], i: int, done: set[int]) -> Iterator[Trio]:
    """The pair of parts ``cl[i - 1]``, ``cl[i]`` of the whole ``cl[i + 1]``, with the pair of percentages after it
    ("or 35.1 percent and 22.5 percent respectively"), each part with its own; none when one percentage follows (of
    the pair, or of either)."""
    if i + 3 >= len(cl) or not ok_pct(cl[i + 3]) or cl[i + 3].change is not None \
            or not _PAIRED.fullmatch(gap(text, cl[i + 2], cl[i + 3])) or own_base(text, cl[i + 3]):
        return  # (not "or 12 percent and 7 percent of global trade": shares of another base)
    for part, pct in ((cl[i - 1], cl[i + 2]), (cl[i], cl[i + 3])):
        done.add(id(pct))
        yield Trio(part, cl[i + 1], pct, pct)


def respective_shares_of_the_whole_before(ctx: Context, cl: list[Claim], done: set[int]) -> Iterator[Trio]:
    """Two to four parts with as many percentages "respectively" ("Men and women numbered 1.84 million and 1.51
    million, or 54.9 percent and 45.1 percent, respectively"), of the one figure like them and larger before them:
    in their sentence ("Of the 3.76 million valid votes cast, the CDU received 1.81 million and the SPD 1.26 million,
    or 48.1 and 33.5 percent respectively"), or else in the sentence before, in the paragraph ("Japan's farming
    population fell to 3.35 million"); each percentage read is added to ``done``."""
    text = ctx.text
    if "respectively" not in text.lower():
        return  # (the word every such reading needs: most texts are read no further)
    for i in range(len(cl)):
        run = _respective_run(text, cl, i)
        if run is None or any(id(p) in done for p in run[1]):
            continue
        parts, pcts = run
        whole = _respective_whole(ctx, cl, parts, pcts)
        if whole is not None:
            done.update(id(p) for p in pcts)
            for part, pct in zip(parts, pcts):
                yield Trio(part, whole, pct, pct)


def _respective_run(text: str, cl: list[Claim], i: int) -> tuple[list[Claim], list[Claim]] | None:
    """The parts from ``cl[i]`` told as a list, then as many percentages told as one after ", or" and closed by
    "respectively", or None."""
    first = cl[i]
    if not ok_amount(first):
        return None
    n = 1
    while i + n < len(cl) and n < 4 and ok_amount(cl[i + n]) and _alike_or_elided(first, cl[i + n]) \
            and _LISTED.fullmatch(gap(text, cl[i + n - 1], cl[i + n])):
        n += 1
    pcts = cl[i + n:i + 2 * n]
    if n < 2 or len(pcts) < n or not all(ok_pct(p) and p.change is None and not own_base(text, p) for p in pcts) \
            or not all(_SHARES_LISTED.fullmatch(gap(text, p, q)) for p, q in zip(pcts, pcts[1:])) \
            or not _LABEL_THEN_OR.fullmatch(gap(text, cl[i + n - 1], pcts[0])) \
            or not _RESPECTIVELY_AFTER.match(text, pcts[-1].end):
        return None
    return cl[i:i + n], pcts


def _alike_or_elided(first: Claim, c: Claim) -> bool:
    """A part like the first, or one whose unit the list leaves out ("3.1 million tonnes went to Africa, 2.4 million
    to the Middle East")."""
    return alike(first, c) or c.kind == "count" and not c.unit and first.kind in ("count", "measure", "money")


def _respective_whole(ctx: Context, cl: list[Claim], parts: list[Claim], pcts: list[Claim]) -> Claim | None:
    """The one figure like the first part, larger than the parts, before them in their sentence, or else in the
    sentence before (in the paragraph); where the shares make up all of it, a part mistyped past it is still of it."""
    text, first = ctx.text, parts[0]
    s0 = ctx.sentences.span(first.start)[0]
    like = [c for c in cl if s0 <= c.start < first.start and alike(c, first) and ok_amount(c)
            and not compared_before(text, c, s0)]  # (not "up from 2.1 million a
    # year earlier": a level left)
    if not like:
        if opens_paragraph(text, s0):
            return None
        p0 = ctx.sentences.span(s0 - 1)[0]
        like = [c for c in cl if p0 <= c.start < s0 and alike(c, first) and ok_amount(c)]
    partition = abs(sum(tol.point(p) for p in pcts) - 100) <= 0.2
    if len(like) == 1 and tol.point(like[0]) > (min if partition else max)(tol.point(p) for p in parts):
        return like[0]
    return None


# between parts told as a list: their labels, then a comma or "and" (no "while", no clause of its own)
_LISTED = re.compile(r"(?!.*\b(?:while|but|whereas|compared|against|than)\b)[^\d;:()]{0,60}?(?:,\s*(?:and\s+)?|\s+and\s+)"
                     r"[^\d;:(),]{0,40}", re.I | re.S)  # (" went to Africa, ", " and the Social Democrats ")
_LABEL_THEN_OR = re.compile(r"[^\d;:()]{0,40}?,?\s*(?:or|\()\s*", re.I)  # " from Congolese, or ", ", or "
_SHARES_LISTED = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)")  # "48.1 and 33.5", "40, 13 and 8"


_OR_THEN = re.compile(r"\s*,?\s*(?:or|\()\s*")  # between the pair of parts and their pair of shares: ", or ", " ("
_RESPECTIVELY_AFTER = re.compile(r"\s*\)?\s*,?\s*respectively\s*(?:[.;)]|,(?!\s*(?:of|in|among|for)\b))", re.I)  # (not
# "..., respectively, of the cases in the capital alone": a base of their own)


def whole_of(text: str, part: Claim, c: Claim) -> bool:
    """Whether ``c`` is told as the whole of ``part`` right before it, whatever ``part``'s subject ("340 million of
    Kenya's 520 million", "412 of the country's 1,280")."""
    g = _RESPECTIVELY_FIRST.sub("", gap(text, part, c), count=1)  # ("412 million euros and 287 million euros
    # respectively of the 1.9 billion euros")
    return bool(OF.match(g) or OF_OWNER.match(_RESPECTIVELY_FIRST.sub("", text[part.end:c.start], count=1)))


_RESPECTIVELY_FIRST = re.compile(r"^\s*,?\s*respectively,?(?=\s+(?:out\s+)?of\b)", re.I)


def read_trio(ctx: Context, a: Claim, b: Claim, c: Claim) -> Trio | None:
    """Three figures in a row that state a part, its whole and its percentage, or None.

    "X of Y (Z%)", "X of Y questioned, or Z%", "Z% of Y, or X", "X, or Z% of Y"
    (also "of the total trade volume of Y", where the whole must be the larger),
    "X made up Z% of Y", "Y, Z% of which, or X", "Z%, or X of Y".
    """
    text = ctx.text
    g1, g2 = gap(text, a, b), gap(text, a, b, after_subject=False)
    g3 = GROUP_CLAUSE.sub("", gap(text, b, c), count=1)  # "4,290 people questioned, or": what the group is
    if ok_pct(a):
        if ok_amount(b) and ok_amount(c) and alike(b, c):
            if (OF.match(g1) or OF_OWNER.match(g2) or OF_OWNED_NAMED.match(g2)) and _put_beside(text, g3, c, OR):
                return Trio(c, b, a, c)  # Z% of Y, or X ("cut 10% of its 5,000 staff, or 500 people", "of the
                # group's 14.7 billion francs in revenue, or 10.5 billion")
            of_total = a.subject.lower().split()[-1:] == ["total"]
            plain = _PCT_THEN.match(g1) and g2 == g1  # no base of the share's own before its part
            of_after = g3.startswith(",") and plain and (OF.match(g3[1:]) or OF_OWNER.match(g3[1:]))  # ("About 70
            # percent, or 2.1 million, of Darfur's 3 million"; not "60 percent of the displaced, or 1.2 million, of")
            ballots = _OF_THE_VOTE_THEN.fullmatch(g2) and OF.match(g3) and _counts_ballots(c)  # ("won 38 percent of
            # the vote, 854,316 of the 2,248,000 valid ballots"; not "..., 356 of the 646 seats")
            if a.change is None and (_PCT_THEN.match(GROUP_CLAUSE.sub("", g1, count=1)) and (
                    OF.match(g3) or OF_NAMED.match(g3) and _OF_A_BASE.match(text, a.end)
                    or (of_total and _OUT_OF_TOTAL.fullmatch(g3)))
                    or of_after or ballots):  # ("9.6 percent of the city's residents -- about 1.1 million people out
                # of a population of 11.5 million"; the share told of a base: not "Youth unemployment hit 24 percent in
                # March -- 1.2 million jobless out of a population of 6.5 million", a rate of another base)
                return Trio(b, c, a, a)  # Z%, or X of Y; "12.5 percent of the total, or 2.4 million tonnes, out of
                # 19.2 million tonnes"; "won 38 percent of the vote, 854,316 of the 2,248,000 valid ballots"
        return None
    if not ok_amount(a):
        return None
    held = held_in(text, a, b)
    if held:
        g3 = _BODY_NAME.sub("", g3, count=1)  # "545-seat Lok Sabha, or": the body's name
    named = OF_NAMED.match(g1)
    out_of = bool(named and _OUT_OF.match(g1) or TOLD_OUT_OF.match(g1)
                  or _digits_in(g1) and TOLD_OUT_OF.match(plain_gap(ctx, subject_end(text, a), b.start)))  # ("in 2002 out
    # of total"), unless the share is of a base of its own: not "640 million dollars out of total public debt of 28.4
    # billion dollars, equivalent to 1.5 percent of gross domestic product"
    if ok_amount(b) and ok_pct(c) and c.change is None and (alike(a, b) or _unit_elided(a, b)) \
            and (whole_of(text, a, b) or OF_OWNED_NAMED.match(g2) or named and not _OUT_OF.match(g1)
                 or out_of and not own_base(text, c) or held) \
            and _put_beside(text, g3, c, OR_PCT) and not _OF_A_FIGURE.match(text, c.end) \
            and not _OF_A_NAMED_FIGURE.match(text, c.end):  # (not "2.1 million of Iraq's 2.6 million barrels per day,
        # or 2.8 percent of world demand of about 75 million bpd": a base of its own, told with its figure)
        return Trio(a, b, c, c)  # X of Y (Z%); "145 seats in the 545-seat Lok Sabha, or 26.6 percent"; "477,400 of a
        # labour force of 606,000 were unemployed, a rate of 29.3 percent"
    if ok_amount(b) and ok_pct(c) and c.change is None and (alike(a, b) or _unit_elided(a, b)) \
            and _ON_SALES_OF.fullmatch(g1) and _MARGIN.fullmatch(gap(text, b, c)):
        return Trio(a, b, c, c)  # "net profit of 13.74 billion riyals on sales of 63.8 billion riyals, a net margin of
        # 21.5 percent": the profit's share of the sales
    if ok_pct(b) and b.change is None and ok_amount(c) and (alike(a, c) or _unit_elided(c, a)):
        return _share_of_named(ctx, a, b, c, g1)  # (the whole's currency left out: "4.09 billion dollars ..., which was
        # 30.5 percent of consolidated sales of 10.13 billion")
    return None


# a profit told on the sales it was made on, then its margin: " on sales of ", ", a net margin of "
_ON_SALES_OF = re.compile(r"\s+(?:[a-z]+\s+){0,2}?on\s+(?:total\s+|net\s+|group\s+)?(?:sales|revenues?|turnover)\s+of\s+" + APPROX,
                          re.I)
_MARGIN = re.compile(r"\s*,\s*(?:giving\s+|for\s+)?an?\s+(?:(?:net|operating|profit|gross|pre-?tax|pretax)\s+){0,2}margin\s+of\s+"
                     + APPROX, re.I)


def _digits_in(s: str) -> bool:
    return any(ch.isdigit() for ch in s)


def _share_of_named(ctx: Context, a: Claim, b: Claim, c: Claim, g1: str) -> Trio | None:
    """X, or Z% of Y ("X, accounting for Z% of Y" and "X made up Z% of Y" put the percentage as the figure
    derived); Y, Z% of which, or X.  A date in the part's phrase is read as words ("in the season to May xx,
    about")."""
    text = ctx.text
    g3 = _CLOSED.sub(" ", gap(text, b, c), count=1)  # "1,234, or 55.6 percent, of the 2,706", "1,234 (55.6 percent) of"
    owner = _CLOSED.sub(" ", gap(text, b, c, after_subject=False), count=1)  # "40 percent of the company's 2 billion"
    lead = _PHRASE_OF.sub("", g1, count=1)  # "6.83 billion dollars in the first half, accounting for"
    if lead == g1 and _digits_in(g1):
        lead = _PHRASE_OF.sub("", plain_gap(ctx, subject_end(text, a), b.start), count=1)  # ("in the season to May xx,
        # about")
    shared = bool(_SHARE_VERB.search(lead))
    bare = bool(re.fullmatch(r"\s*,\s*", lead))  # "earned $10.7 billion in the fiscal year, 56.1 percent of ... of $14.06 billion"
    if WHOLE_OF_A_SHARE.search(text, max(0, a.start - 60), a.start):
        return None  # "1.3 percent of sales of 38.2 billion euros, or 4 percent of profits of 12.4 billion": a whole
    if RIVAL_BEFORE.search(text, max(0, a.start - 50), a.start):
        return None  # "won 2,329 votes to Thabo Mbeki's 1,505 ..., taking 60.7 percent of the 3,834": the share is the
        # winner's, not the rival's
    bare_share = _SHARE_BARE.match(g1)
    if OR_PCT.match(lead) or bare_share or bare or GIVING_SHARE.fullmatch(lead) \
            or _CLAUSE_THEN_DASH.fullmatch(lead) and nouns_alike(a.subject, c.subject):  # (", giving the German
        # automaker a share of 17.6 percent of a passenger car market of 3.24 million": the whole named after it; after
        # a dash, of the part's noun: not "About 1.3 million people ... -- 28 percent of the 1.6 million households")
        flag = b if shared or bare_share else a
        if OF.match(owner) or OF_OWNER.match(owner):
            return Trio(a, c, b, flag)  # "of the 2,706": the whole, even where a part exceeds it
        contributed = bool(_TO_NAMED.match(owner) and _CONTRIBUTED.search(text, max(0, a.start - 30), a.start)
                           and not _AIMED.search(owner))
        named = OF.match(g3) or OF_NAMED.match(g3) or OF_NAMED.match(owner) or OF_OWNED_NAMED.match(owner) \
            or contributed  # ("of Vietnam's export turnover of")
        if named and not _VALUE_OF.search(owner) and (tol.point(c) > tol.point(a) or c.kind in ("money", "measure")) \
                and not far_off(a, c, b):
            return Trio(a, c, b, flag)  # named between ("of the residents of 12 villages" is no whole; a sum or
            # measure in the part's unit is: "of the national crop of 21.1 million tonnes")
    if re.fullmatch(r"\s*,\s*(?:and\s+)?", g1) and _OF_WHICH_OR.match(text, b.end, c.start) and text[b.end:c.start].strip():
        return Trio(c, a, b, c)  # Y, Z% of which, or X; Y, and Z% of it -- X
    if _OF_WHOM_FIRST.fullmatch(g1) and _OR_THEN_PART.fullmatch(text, b.end, c.start) and tol.point(c) < tol.point(a) * 10:
        return Trio(c, a, b, c)  # Y, of whom Z%, or X ("shelters 329,000 people, of whom 95 percent, or about 312,500")
    if _A_SHARE.fullmatch(lead) and _SHARE_OF_NAMED.fullmatch(text, b.end, c.start) \
            and not _FROM_BASE.search(text, max(0, a.start - 12), a.start):
        return Trio(a, c, b, b)  # "totalled 8.4 million tonnes, a 21.4 percent share of total LNG imports of 39.2 ..."
    return None


_OF_A_BASE = re.compile(r"\s+of\s+[a-z]", re.I)  # a share told of its base: "9.6 percent of the city's residents"
_OUT_OF = re.compile(r"\s+out\s+of\b", re.I)  # a whole told "out of", not "of": " out of total public debt of "
# a part's clause, then a dash before its share: "5.6 million South Africans were living with HIV at the end of last year
# -- 10.9 percent of a population of 51.5 million" (no figure or clause mark between)
_CLAUSE_THEN_DASH = re.compile(r"\s+[^\d;:()\-\u2013\u2014]{1,80}?\s(?:--|\u2013|\u2014)\s*" + APPROX)
# the whole, then "of whom" or "of which" before the share, and the part after it: ", of whom ", ", or about "
_OF_WHOM_FIRST = re.compile(r"\s*,\s*of\s+(?:whom|which)\s+" + APPROX, re.I)
_OR_THEN_PART = re.compile(r"\s*(?:,\s*or|\()\s*" + APPROX, re.I)
# the whole a share "of the total" is of, told after its part: ", out of ", ", of a total "
_OUT_OF_TOTAL = re.compile(r"\s*,\s*(?:out\s+of|of\s+a\s+total(?:\s+of)?)\s+(?:the\s+|a\s+)?", re.I)
# what a part gave to a whole named: "Punjab contributed 9.2 million tonnes, or 37.6 per cent, to the central pool's
# wheat procurement of 24.5 million tonnes"
_CONTRIBUTED = re.compile(r"\bcontribut(?:ed|es|ing|e)\s+(?:about\s+|some\s+|nearly\s+|around\s+)?$", re.I)
_AIMED = re.compile(r"\b(?:target|goal|quota|forecast|projection|plan|ceiling|limit|capacity)\b", re.I)  # not yet
# reached: "to the central pool's procurement target of 30 million tonnes" is no whole of what was given
_TO_NAMED = re.compile(r"^\s+to\s+(?:the\s+|its\s+|their\s+)?(?:[A-Za-z][\w'\u2019-]*\s+){1,5}of\s+" + APPROX + "$")
# a share of a whole's worth, not of its amount: "35 percent of the value of the national crop of 21.1 million tonnes"
_VALUE_OF = re.compile(r"\b(?:value|worth)\s+of\b", re.I)
# a figure, then its share told as "a P percent share of" its whole named: ", a " ... " share of total LNG imports of "
_A_SHARE = re.compile(r"\s*,\s*an?\s*")
_FROM_BASE = re.compile(r"\bfrom\s+$", re.I)  # "rose to 8.4 million tonnes from 7.2 million tonnes, a 21.4 percent share"
_SHARE_OF_NAMED = re.compile(r"\s+share\s+of\s+(?:the\s+)?(?:[A-Za-z][\w'\u2019-]*\s+){1,4}of\s+" + APPROX)


def _unit_elided(part: Claim, whole: Claim) -> bool:
    """A bare count of a measure or sum in its unit, the unit told once after the whole: "supplied 118 of the
    country's 312 terawatt-hours", "3.6 million of Vietnam's 4.1 million tonnes" (neither scaled, or both by one word:
    "118 of the $312 million" may be millions or not)."""
    return part.kind == "count" and not part.unit and whole.kind in ("measure", "money") \
        and (_unscaled(part) and _unscaled(whole) or nf.scale_factor(part) == nf.scale_factor(whole))


def _unscaled(c: Claim) -> bool:
    return nf.scale_factor(c) == 1


# a percentage of another figure named right after it, or of the vote: "-- just 0.5 percent of the 680,000 Afghans who
# fled", "160 of the 300 seats (41.2 percent of the vote)"
# a percentage of a base named with a figure of its own: " of world demand of about 75 million bpd", " of gross
# domestic product of 17.9 billion dollars"
_OF_A_NAMED_FIGURE = re.compile(r"\s+of\s+(?:[\w'\u2019.-]+\s+){1,6}?(?:of|at)\s+(?:about\s+|some\s+|nearly\s+|around\s+"
                                r"|an\s+estimated\s+)?(?:[A-Z]{0,3}\$|\u00a3|\u20ac)?\d")
_OF_A_FIGURE = re.compile(r"\s+of\s+(?:(?:the\s+|a\s+|an\s+)?(?:about\s+|some\s+|nearly\s+)?\d"
                          r"|the\s+(?:popular\s+|valid\s+)?(?:vote|votes|ballots)\b)", re.I)
# a comma and a word that says the share is small: ", just 23 percent", ", only 41.2 per cent"
_MERELY = re.compile(r"\s*,\s*(?:" + MERELY_WORDS + r")\s+", re.I)


def _put_beside(text: str, between: str, pct: Claim, joins: re.Pattern[str]) -> bool:
    """The percentage put beside what goes before it: "or 25 percent", "(25%)", or after a bare comma an
    approximate one (", about 28 percent": the extractor keeps "about" in the percentage), one that says it is the
    share (", 35 per cent of the total"), one that ends its clause (", 72 per cent, leaving": nothing after it makes
    it the share of another base or a change), perhaps after "just" or "only" (_MERELY) or a share named (", giving it
    a market share of": GIVING_SHARE), or one a rate follows (", a 37.9 per cent success rate")."""
    if joins.match(between):
        return True
    if re.fullmatch(r"\s*,\s*", between):
        return bool(_APPROX_WORD.match(pct.text) or _OF_THE_TOTAL.match(text, pct.end) or _SHARE_NOUN_AFTER.match(text, pct.end)
                    or CLAUSE_END.match(text, pct.end))
    if _MERELY.fullmatch(between) or GIVING_SHARE.fullmatch(between):
        return bool(CLAUSE_END.match(text, pct.end) or _OF_THE_TOTAL.match(text, pct.end))
    return bool(re.fullmatch(r"\s*,\s*an?\s*", between) and _RATE_AFTER.match(text, pct.end))


def fractions_beside(text: str, cl: list[Claim]) -> Iterator[tuple[Claim, Claim]]:
    """A percentage and the fraction it should be, side by side: "6% of MPs - 13 out of 659 -", "17.8 percent of
    the staff at state firms, or 934,210 out of 5,248,371", "in 6.5 percent of cases: 96 out of 1,480"; or the
    fraction first: "419 out of 1,603 listed firms, or 26.1 percent", "1,306 out of 2,000 respondents, 65.3
    percent, backed"."""
    for first, second in zip(cl, cl[1:]):
        between = gap(text, first, second)
        if ok_pct(first) and first.change is None and _out_of(second) \
                and (_DASHED.match(between) or _PCT_THEN.match(GROUP_CLAUSE.sub("", between, count=1))):
            yield first, second
        elif _out_of(first) and ok_pct(second) and second.change is None and not own_base(text, second) \
                and _fraction_then_pct(text, between, second):
            yield second, first


def _out_of(c: Claim) -> bool:
    return c.kind == "fraction" and bool(OUT_OF.search(c.text))


def _fraction_then_pct(text: str, between: str, pct: Claim) -> bool:
    """The percentage put beside the fraction before it: "or 26.1 percent", "(26.1%)", or after a bare comma one
    that ends its clause ("1,306 out of 2,000 respondents, 65.3 percent, backed")."""
    between = GROUP_CLAUSE.sub("", between, count=1)
    return bool(OR_PCT.fullmatch(between) or (re.fullmatch(r"\s*,\s*", between) and CLAUSE_END.match(text, pct.end)))
