"""Stage 6 after the fact: what the claims of one phrase say about each other, read over the finished claims.

A number written bare beside others that carry a unit takes theirs where the
phrase gives it: "£3bn and 4bn" (the unit written once, before), "1,980,000 yen
($13,200) and 2,150,000 ($14,300)" (the same conversion twice), "450 million of
the 2 billion rupees" (a part of a whole); a bare level in a sentence about a
stock index is in its points ("the FTSE rose 0.4% to 7,512.3": index_point); and a lower and an
upper bound side by side make one interval ("more than 10 and less than 20").
The unit written once after several numbers ("45 and 50 mg") is lent inside the
reader (``ranges.shared``), where the unit is still being read.
"""
from __future__ import annotations

import dataclasses
import re

from ..model import Canonical, Claim
from ..datafiles import words
from ..text import SentenceIndex, alternation
from ..units import load_units
from . import cues
from .lexicon import lexicon
from .subjects import clause_subject, priced_subject
from .ages import MAX_AGE

# "£3bn and 4bn", "$5, 6 or 7": a bare figure joined to the one before it ("rose 5% to 7,512" is a level)
_FORWARD_JOIN = re.compile(r"[ \t]*(?:,[ \t]*(?:(?:and|or)[ \t]+)?|(?:and|or)[ \t]+)", re.I)
# "62 percent, or 526": the share restated as a count, not a second percentage
_RESTATED = re.compile(r"[ \t]*,[ \t]*or[ \t]", re.I)
# "320 votes to 115": the counted thing, then a joiner, then the bare count
_COUNT_JOIN = re.compile(r"[ \t]+[\w' -]+?[ \t]+(?:to|and|or|versus|v|vs\.?|against)[ \t]+", re.I)
# a toll's next state right after the counted thing: "killed 19 people, injured 592 in Dayao county"
_TOLL_NEXT = re.compile(r"[ \t]*,?[ \t]+(?:and[ \t]+)?" + alternation(words("part_states.txt")) + r"[ \t]+", re.I)
# what may follow a figure that takes the unit before it: the end of the phrase
_PHRASE_END = re.compile(r"[ \t]*(?:[.,;:!?)]|$|\s+(?:respectively|each|apiece|in|on|at|for|from|by|over|under|during|this|last|next)\b)")
# "to $3.65 billion from 3.2 billion", "5.2 percent, up from 4.8": a level reached, then the level it moved from
_FROM_LEVEL = re.compile(r"[ \t]*,?[ \t]*(?:(?:up|down)[ \t]+)?(?:from|compared[ \t]+(?:with|to)|against|versus|vs\.?)[ \t]+", re.I)
_LEVEL_RATIO = 100.0  # the earlier level lies within this factor of the one reached
# "($13,200)": a conversion in brackets right after a figure
_OPEN_BRACKET = re.compile(r"[ \t]*\([ \t]*$")
# "450 million of the 2 billion rupees": a part of a whole
_PART_OF = re.compile(r"[ \t]+of[ \t]+(?:the|its|their|his|her|our|a|an)?[ \t]*$", re.I)
# "rose 0.4% to 7,512.3", "closed at 38,500": a level reached
_LEVEL = re.compile(r"\b(?:to|at|of|from)[ \t]+$", re.I)
_SENTENCE_END = re.compile(r"[.!?][ \t\n]+(?=[A-Z\"“])")


def coordinate(text: str, claims: list[Claim]) -> list[Claim]:
    """The claims with bare figures given the units their phrases give them, and bounds merged."""
    out = list(claims)
    for i, c in enumerate(out):
        if not _bare(c):
            continue
        like = _unit_source(text, out, i)
        if like is not None:
            out[i] = _relabel(c, like)
        elif _index_level(text, out, i):
            out[i] = _in_index_points(c)
        elif i > 0 and _counts_alike(text, out[i - 1], c):
            out[i] = dataclasses.replace(c, subject=out[i - 1].subject)  # "passed by 320 votes to 115"
        elif i + 1 < len(out) and _count_part_of(text, c, out[i + 1]):
            out[i] = dataclasses.replace(c, subject=out[i + 1].subject)  # "10 of 12 American victims"
    return _clause_subjects(text, merge_bounds(text, share_per(text, out)))


def _clause_subjects(text: str, claims: list[Claim]) -> list[Claim]:
    """A claim that names nothing it counts or measures takes the subject of the verb before it ("Brent crude
    futures rose 1.2%": futures), or a sum the thing it prices ("a mill costing 1.2 billion dollars": mill); read
    last, so that a bare figure is first given the unit its phrase gives."""
    lx = lexicon()
    out = claims
    for i, c in enumerate(claims):
        if not c.subject:
            subject = clause_subject(text, c.start, lx) or (priced_subject(text, c.start) if c.kind == "money" else "")
            if subject:
                if out is claims:
                    out = list(claims)
                out[i] = dataclasses.replace(c, subject=subject)
    return out


def _bare(c: Claim) -> bool:
    """A count of nothing named: a figure whose unit the phrase may give."""
    return c.kind == "count" and not c.subject and not c.range


def _unit_source(text: str, claims: list[Claim], i: int) -> Claim | None:
    """The claim whose unit the bare figure ``claims[i]`` shares, if its phrase says so."""
    c = claims[i]
    prev = claims[i - 1] if i > 0 else None
    nxt = claims[i + 1] if i + 1 < len(claims) else None
    if prev is not None and _unit_bearing(prev) and _FORWARD_JOIN.fullmatch(text, prev.end, c.start) \
            and _PHRASE_END.match(text, c.end) and not (prev.kind == "age" and (c.point or 0) >= MAX_AGE) \
            and not (prev.kind == "percent" and _RESTATED.match(text, prev.end)):
        return prev  # "£3bn and 4bn"; not "under the age of 18, 18.3 million,", nor "62 percent, or 526" (restated)
    if prev is not None and _from_level(text, prev, c):
        return _converted_from(text, claims, i - 1, c)  # "rose to $3.65 billion from 3.2 billion": the level it moved
        # from, in the same unit
    if nxt is not None and nxt.kind == "money" and _PART_OF.fullmatch(text, c.end, nxt.start) \
            and _scaled(c) == _scaled(nxt):
        return nxt  # "450 million of the 2 billion rupees" (not "118 of its $312 million": millions, or dollars?)
    if nxt is not None and nxt.kind == "money" and _OPEN_BRACKET.fullmatch(text, c.end, nxt.start):
        return _converted_like(text, claims, i, nxt)
    return None


def _from_level(text: str, prev: Claim, c: Claim) -> bool:
    """ "rose 14% to 3.65 billion dollars from 3.2 billion", "5.2 percent, compared with 4.8 a year earlier": a bare
    figure naming nothing, right after "from" (or "compared with", "against") that follows a level in a unit, is the
    level moved from, of a size like it; not a part of something named after it ("against 14 of the 16 most-traded
    currencies")."""
    if prev.kind not in ("money", "percent", "measure") or prev.range or not _FROM_LEVEL.fullmatch(text, prev.end, c.start) \
            or _OF_AFTER.match(text, c.end):
        return False
    return _scaled(prev) == _scaled(c) and _within(prev, c, _LEVEL_RATIO)


_OF_AFTER = re.compile(r"[ \t]+of\b", re.I)
# "3.65 billion yuan, or 534 million dollars, from 3.2 billion": a level and its conversion, told before the level moved
# from
_CONVERTED_BEFORE = re.compile(r"[ \t]*(?:,[ \t]*or|\()[ \t]*(?:about[ \t]+|some[ \t]+)?$", re.I)


def _converted_from(text: str, claims: list[Claim], j: int, bare: Claim) -> Claim | None:
    """The level at ``claims[j]``; when it is a conversion of the one before ("3.65 billion yuan, or 534 million
    dollars, from 3.2 billion"), the one of the two the bare figure is like in size (yuan), or none when both are
    ("1.2 billion euros, or about 1.6 billion dollars, from 1.48 billion")."""
    c = claims[j]
    if not (j > 0 and c.kind == "money" and claims[j - 1].kind == "money"
            and _CONVERTED_BEFORE.fullmatch(text, claims[j - 1].end, c.start)):
        return c
    near = [x for x in (claims[j - 1], c) if _within(x, bare, _SIDE_RATIO)]
    return near[0] if len(near) == 1 else None


_SIDE_RATIO = 2.0  # a level moved from lies within this factor of the side of a conversion it is in the currency of


def _within(a: Claim, b: Claim, ratio: float) -> bool:
    x, y = a.point, b.point
    return x is not None and y is not None and x > 0 and y > 0 and 1 / ratio <= y / x <= ratio


def _counts_alike(text: str, prev: Claim, c: Claim) -> bool:
    """ "320 votes to 115", "12 goals and 3", "killed 19 people, injured 592": a bare count right after a count of
    something, at the end of the phrase, counts the same thing (after a toll's next state, only with the counted
    thing alone between: not "sent 300 doctors to the county where the quake injured 592")."""
    if not (prev.kind == "count" and prev.subject and not prev.range and _PHRASE_END.match(text, c.end)):
        return False
    between = text[prev.end:c.start]
    if not between.lstrip().startswith(prev.subject):
        return False
    after_noun = between.lstrip()[len(prev.subject):]
    return bool(_COUNT_JOIN.fullmatch(between) or _TOLL_NEXT.fullmatch(after_noun))


def _count_part_of(text: str, c: Claim, whole: Claim) -> bool:
    """ "10 of 12 American victims", "five of the 10 largest banks": a part counts what the whole counts."""
    return whole.kind == "count" and bool(whole.subject) and bool(_PART_OF.fullmatch(text, c.end, whole.start))


def _scaled(c: Claim) -> bool:
    """Whether a figure is written with a scale word ("450 million", "$2bn")."""
    from ..numfmt import scale_factor

    factor = scale_factor(c)
    return factor is not None and factor != 1


def _unit_bearing(c: Claim) -> bool:
    return c.kind in ("money", "percent", "measure", "age") and not c.range and c.qualifier == "="


def _converted_like(text: str, claims: list[Claim], i: int, conversion: Claim) -> Claim | None:
    """ "1,980,000 yen ($13,200) and 2,150,000 ($14,300)": the earlier amount converted into the same
    currency in brackets gives the bare figure its currency."""
    start = claims[i].start
    for j in range(i - 1, 0, -1):
        before, after = claims[j - 1], claims[j]
        if _SENTENCE_END.search(text, after.end, start):
            return None
        if before.kind == "money" and after.kind == "money" and after.unit == conversion.unit \
                and before.unit != conversion.unit and _OPEN_BRACKET.fullmatch(text, before.end, after.start):
            return before
    return None


def _index_level(text: str, claims: list[Claim], i: int) -> bool:
    """ "The FTSE 100 rose 0.4% to 7,512.3", "the Dow fell 200": a stock index moves and stands in points."""
    c = claims[i]
    if c.change is None and not _LEVEL.search(text, max(0, c.start - 6), c.start):
        return False
    if c.change is None and any(p.unit == "index_point" and p.change is not None and not _SENTENCE_END.search(text, p.end, c.start)
                                for p in claims[max(0, i - 2):i]):
        return True  # "The broader Tokyo Stock Price Index ... gained 74.56 points, or 0.94 percent, to 1,569.67"
    return cues.near(text, c.start, c.end, "index")


def _in_index_points(c: Claim) -> Claim:
    """ "The FTSE rose 0.4% to 7,512.3": the bare level of a stock index, in its points."""
    points = load_units()["index_point"]
    canonical = Canonical(c.point, points.base) if c.point is not None else None
    return dataclasses.replace(c, kind="measure", unit=points.name, canonical=canonical, dimension=points.dimension)


def _relabel(c: Claim, like: Claim) -> Claim:
    """The bare claim ``c`` in the unit of ``like``: kind, unit, canonical value and dimension."""
    point = c.point
    canonical = None
    if point is not None and like.canonical is not None:
        unit = load_units().get(like.unit)
        if unit is not None:
            canonical = Canonical(unit.to_base(point), unit.base)
        elif like.point:
            canonical = Canonical(point * like.canonical.value / like.point, like.canonical.unit)
        else:
            canonical = Canonical(point, like.canonical.unit)
    return dataclasses.replace(c, kind=like.kind, unit=like.unit, canonical=canonical, dimension=like.dimension)


# "to $70.65", "at ₹6,132", "and RM2.15": a price level in a series whose per part is written once
_SERIES_BEFORE = re.compile(r"\b(?:to|at|from|and)[ \t]+$", re.I)
_LIST_AFTER = re.compile(r",?[ \t]+and[ \t]|,[ \t]")
_SERIES_RATIO = 3.0    # a level of the series lies within this factor of the priced one
_CHANGE_RATIO = 1000.0  # a change is smaller than the price it changes, and not by more than this


def share_per(text: str, claims: list[Claim]) -> list[Claim]:
    """A per part written once for a series of prices: "Brent rose to $74.30 a barrel, while WTI gained 85 cents
    to $70.65" (85 cents and $70.65 are per barrel too), "by Rs8 to Rs262 per litre", "RM2.05 a litre for petrol
    and RM2.15 for diesel".  A change in a price takes its per part; so does a level of the same size reached
    with "to", "at", "from" or "and", in the same sentence and currency."""
    out = list(claims)
    rates = [i for i, c in enumerate(out) if c.kind == "money" and " / " in c.unit and not c.range]
    if not rates:
        return out
    sentences = SentenceIndex(text)
    for i, c in enumerate(out):
        if c.kind != "money" or " / " in c.unit or c.range or c.point is None:
            continue
        like = _nearest_rate(sentences, out, rates, i)
        if like is not None and _in_series(text, c, like):
            out[i] = _relabel(c, like)
    return out


def _nearest_rate(sentences: SentenceIndex, claims: list[Claim], rates: list[int], i: int) -> Claim | None:
    """The nearest money rate of the same currency in the sentence of ``claims[i]``."""
    c = claims[i]
    best = None
    for j in rates:
        r = claims[j]
        if r.unit.split(" / ")[0] != c.unit or sentences.index(r.start) != sentences.index(c.start):
            continue
        if best is None or abs(j - i) < abs(best[0] - i):
            best = (j, r)
    return best[1] if best else None


def _in_series(text: str, c: Claim, like: Claim) -> bool:
    """Whether ``c`` is a change in, or another level of, the price ``like`` states."""
    a, b = abs(c.point or 0.0), abs(like.point or 0.0)
    if not a or not b:
        return False
    if c.change is not None:
        return b / _CHANGE_RATIO <= a < b
    if not 1 / _SERIES_RATIO <= a / b <= _SERIES_RATIO:
        return False
    # "24.84, 24.04 and 23.34 baht per liter": a list before the price that names the per part once
    listed = like.start > c.start and _LIST_AFTER.match(text, c.end) is not None
    return listed or bool(_SERIES_BEFORE.search(text, max(0, c.start - 6), c.start))


# "more than 10 and less than 20", "no more than 50 and no less than 20": two bounds, one interval
_BOUND_JOIN = re.compile(r"[ \t]{0,3}(?:,[ \t]{0,3})?(?:(?:and|but)[ \t]{1,3})?", re.I)


def merge_bounds(text: str, claims: list[Claim]) -> list[Claim]:
    """ "more than 10 and less than 20": a lower and an upper bound side by side become one interval."""
    out: list[Claim] = []
    for c in claims:
        prev = out[-1] if out else None
        merged = _bounds(text, prev, c) if prev is not None else None
        if merged is not None:
            out[-1] = merged
        else:
            out.append(c)
    return out


def _bounds(text: str, prev: Claim, c: Claim) -> Claim | None:
    if not (prev.kind == c.kind and prev.unit == c.unit and not prev.range and not c.range
            and c.start - prev.end <= 12 and _BOUND_JOIN.fullmatch(text, prev.end, c.start)
            and text[prev.end:c.start].strip()):
        return None
    lows = [x for x in (prev, c) if x.qualifier in (">", ">=") and x.high is None]
    highs = [x for x in (prev, c) if x.qualifier in ("<", "<=") and x.low is None]
    if len(lows) != 1 or len(highs) != 1:
        return None
    lo, hi = lows[0].low, highs[0].high
    if lo is None or hi is None or not lo < hi:
        return None
    return Claim(
        text=text[prev.start:c.end], start=prev.start, end=c.end, kind=c.kind, value=None,
        low=lo, high=hi, range=True, qualifier="=", change=prev.change or c.change, unit=c.unit,
        canonical=_midpoint(prev.canonical, c.canonical), subject=c.subject or prev.subject,
        step=c.step, dimension=c.dimension)


def _midpoint(a: Canonical | None, b: Canonical | None) -> Canonical | None:
    if a is None or b is None:
        return a or b
    return Canonical((a.value + b.value) / 2, a.unit)
