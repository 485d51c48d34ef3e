"""Quantities: text -> claims for counts, measures, money, percentages, fractions, durations and ages.

One pass of the number pattern over the text; around each number the stages
in ``STAGES`` read, in order, what the number carries: its sign and a currency
before it, a scale word ("3.5bn"), a ratio ("one in five"), a unit, percent
sign or currency after it, a rate ("$15/hour"), a range partner ("5-7 km") or
a unit shared with the next figure ("45 and 50 mg"), an age, qualifiers
("more than", "or so") and a change verb ("rose"); ``claims.build`` then adds
the counted thing ("troops").  Spans that dates, phone numbers, times of day,
URLs and identifiers hold are skipped.
"""
from __future__ import annotations

import re
from typing import Any, Callable, Iterable

from ..model import Claim
from ..units import load_units
from . import ages, coordination, currency, durations, identifiers, number, per, qualify, ranges, rate, scale, unit
from .claims import build, build_idiom
from .lexicon import Lexicon, Patterns, Qualifier, Vague, lexicon, patterns
from .parts import Draft, Scan
from .spans import overlap_test

Stage = Callable[[Scan, Draft], "Draft | Claim | int | None"]

# Each stage takes the draft so far and returns it with what it found, None (not a quantity), an offset to
# skip to (a game score), or a finished claim (a bare year).
STAGES: tuple[Stage, ...] = (
    number.sign,            # -1, minus five
    currency.before,        # $5, EUR 20
    scale.scale,            # 3.5bn, 12 million
    number.ratio,           # one in five
    unit.half_an,           # half an hour
    number.plus_minus,      # 5 ± 1
    unit.unit,              # 5 km, 12%, 20 dollars, km/h
    rate.money_rate,        # $15.4/hour
    ranges.between,         # between / from ...
    ranges.partner,         # 5-7 km, between 10 and 12, $3-4bn
    ranges.shared,          # 45 and 50 mg
    unit.settle,            # the unit found becomes the claim's
    number.multiple,        # three times as many, an eight-time champion
    unit.percent_of,        # per cent of 210
    currency.after,         # 75 USD million
    currency.cents,         # 15 dollars 50
    per.rate,               # £1,200 a month, $1.65 a share, 37 hours a week, 0.5% a month
    durations.parts,        # an hour and a half, 1 year 1 month
    unit.subunit,           # 5 feet 2 inches
    ages.age,               # aged 25, a 17-year-old, Mr Mubanga, 29,
    identifiers.bare_year,  # the classic 1982 film
    identifiers.counts_nothing,  # 3D, once a year
    qualify.qualifier,      # more than 10,000, 20-odd
    qualify.change,         # rose 5%
)


def find_quantities(text: str, taken: Iterable[tuple[int, int]] = (), vocabulary: Any = None,
                    yielding: Iterable[tuple[int, int]] = ()) -> list[Claim]:
    """Quantity claims in ``text``, skipping the ``taken`` spans (dates) and non-quantity spans.

    ``yielding`` spans (recurrences such as "annually", "each month", among the taken ones) may still be
    read as the per part of an amount before them ("3 billion rand annually").
    """
    lx = lexicon()
    P = patterns()
    lowered = text.lower()
    taken = list(taken)
    blocked = identifiers.blocked_spans(text)
    soft = set(yielding)
    is_blocked = overlap_test([*taken, *blocked])
    is_fixed = overlap_test([*(t for t in taken if t not in soft), *blocked]) if soft else is_blocked
    scan = Scan(text, lx, P, _vocabulary_qualifiers(lx, vocabulary), _vocabulary_vague(lx, vocabulary),
                is_blocked, is_fixed)
    claims: list[Claim] = []
    floor = 0
    search = _searcher(text, lowered, P)
    m = search(0)
    while m is not None:
        s, e = m.span()
        nxt = s + 1
        if s >= floor and not scan.is_blocked(s, e):
            claim = _read(scan, m, floor)
            if isinstance(claim, int):  # a span to pass over (a score like 3-0, an ordinal)
                floor = nxt = max(claim, nxt)
            elif claim is not None and claim.start >= floor:
                claims.append(claim)
                floor = nxt = max(claim.end, nxt, scan.reach[0])  # "two tablets a day": "a day" is read
            elif m.lastgroup != "words":
                nxt = e
            elif text[s].isdigit():
                nxt = _LEADING_FIGURE.match(text, s).end()  # type: ignore[union-attr]  # not ".1 million" of a
                # "1.1 million and 5" not taken whole: the next read starts past the figure's digits
        m = search(nxt)
    return coordination.coordinate(text, claims)


_LEADING_FIGURE = re.compile(r"\d[\d.,]*")


def _searcher(text: str, lowered: str, P: Patterns) -> Callable[[int], "re.Match[str] | None"]:
    """``search(pos)``: the next number match at or after ``pos``.

    A case-insensitive scan costs half as much again as a case-sensitive one, so the scan runs over a
    lower-cased copy and each hit is matched again on the text itself (its match holds the original case,
    which names and sentence starts are read by).  Text whose lower case changes its length is scanned as is.
    """
    if len(lowered) != len(text):
        return lambda pos: P.number.search(text, pos)
    scan_lower, match = P.number_lower.search, P.number.match

    def search(pos: int) -> "re.Match[str] | None":
        hit = scan_lower(lowered, pos)
        if hit is None:
            return None
        m = match(text, hit.start())
        return m if m is not None and m.end() == hit.end() else P.number.search(text, hit.start())
    return search


def _read(scan: Scan, m: re.Match[str], floor: int) -> Claim | int | None:
    """The claim around one number match; an int means "skip to here" (scores, ordinals)."""
    num = number.read_number(scan, m)
    if num is None or identifiers.is_identifier(scan, m, num):
        return None
    d = Draft.of(m, num, floor)
    if num.idiom is not None:  # "absolute zero"
        value, unit_name = num.idiom
        return build_idiom(scan, d, load_units()[unit_name], value)
    for stage in STAGES:
        got = stage(scan, d)
        if type(got) is not Draft:
            return got  # type: ignore[return-value]  # a claim, an offset to skip to, or None: not a Draft
        d = got
    return build(scan, d)


def _vocabulary_qualifiers(lx: Lexicon, vocabulary: Any) -> dict[str, Qualifier]:
    """The qualifier table with a rule vocabulary's re-sized entries ("about" as +/-10%)."""
    q = dict(lx.qualifiers_before)
    for entry in vocabulary or ():
        if not getattr(entry, "absolute", False) and entry.phrase.lower() in q:
            old = q[entry.phrase.lower()]
            q[entry.phrase.lower()] = Qualifier(old.phrase, entry.qualifier or old.qualifier,
                                                entry.low, entry.high, old.position)
    return q


def _vocabulary_vague(lx: Lexicon, vocabulary: Any) -> dict[str, Vague]:
    """The vague-amount table with a rule vocabulary's absolute entries ("a handful" as [3, 5])."""
    v = dict(lx.vague)
    for entry in vocabulary or ():
        if getattr(entry, "absolute", False):
            v[entry.phrase.lower()] = Vague(entry.phrase.lower(), entry.low, entry.high)
    return v
