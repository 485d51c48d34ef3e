"""The conversions a text states, shared by NC101-NC103: which claim converts which, in which currencies, and how exactly.

Currencies are read as written, with two rules for the names several
currencies share (numcheck/data/currency_ambiguous.txt: "dollars", "pesos",
"rupees"):

* "dollars" written bare beside an amount in a currency that is not itself a
  dollar ("920m ringgit (245m dollars)", "70bn dollars (8.3bn euros)") is the
  US dollar: wires convert into it, and a reader of either side of the bracket
  takes it so.  The check says it read it so (``Conversion.assumed``).
* any other shared name, or "dollars" beside another dollar or another shared
  name, cannot be told apart: the conversion is not checked, and it is
  counted as unchecked with that reason (``Conversion.unchecked``).

A figure that a text converts is the figure as written: "€2bn" read as any
amount from €1.5bn to €2.5bn would let a conversion pass that is a quarter
out, so each side of a money conversion is read to its last digit but no
looser than ``MONEY_ROUNDING`` either way.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ... import tolerance as tol
from ...datafiles import table, words
from ...model import Claim
from ...text import alternation
from .._common import numeric
from ..base import ClaimsByStart, Context

if TYPE_CHECKING:  # pragma: no cover
    from ...rates import RateSpan

# gap before the converted value:  " ("  " [ "  ", or "  " - or "  (with an optional "about")
_OPEN = re.compile(r"^\s*(?:\(|\[)\s*(?:(?:about|around|roughly|some|approximately|approx\.?|nearly|almost|c\.)\s*)?$", re.I)
_OR = re.compile(r"^\s*(?:,|-|\u2013|\u2014)?\s*or\s+(?:(?:about|around|roughly|some|approximately|nearly|almost)\s+)?$", re.I)
# gap between two conversions inside one bracket:  "; "  ", "  " or "  " / "  ":"
_NEXT = re.compile(r"^\s*(?:;|,|/|:|or|\bor\b)\s*$", re.I)
# right after a bracketed conversion: the bracket closes, or another conversion follows
_CLOSE = re.compile(r"\s*(?:\)|\]|;|,|:|/|\s+or\s)")

UNIT_SLACK = 0.02      # conversion factors are exact; this covers "1.6" for 1.609 and the like
MONEY_SLACK = 0.05     # writers convert at a round or slightly stale rate
MONEY_ROUNDING = 0.1   # a converted amount is read to its last digit, but no looser than 10% either way
PRICE_SLACK = 0.2      # "$149 (£99)": shop prices are set per country, not converted
RATE_CERTAIN = 0.02    # a correction is suggested only when the window's rates agree this closely (a week's, not a year's)
BARE_DOLLARS = ("dollars", "dollar")
# a shop price: "149", "99", "9.99", "1,299", "49.95" (a figure ending in 9 or in .95/.99)
_PRICE_POINT = re.compile(r"(?:9|\.9[59])$")
_FIGURE = re.compile(r"\d[\d,]*(?:\.\d+)?")
_SCALE_AFTER = re.compile(r"\s*(?:bn|m|k|tn|million|billion|trillion|thousand)\b", re.I)  # "$99m" is no shop price


@dataclass(frozen=True)
class Conversion:
    """One amount the text converts (``src``) and the converted amount (``dst``)."""

    src: Claim
    dst: Claim
    same_currency: bool = False  # "$3bn ($1.6bn)": a bracket "converting" into the currency it started from
    assumed: str = ""            # "dollars" read as US dollars: said in the message
    unchecked: str = ""          # why the currencies cannot be told (a shared name): counted, never a finding


# the number, its scale, then the currency name alone: "400m pesos", "8.50 dollars"; not "8.50 U.S. dollars"
_SCALE = r"(?:bn|m|k|tn|million|billion|trillion|thousand)"


@lru_cache(maxsize=1)
def _shared_names() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a shared name right after the number and its scale, a shared name before the number), built on first use."""
    names = alternation(words("currency_ambiguous.txt"))
    after = re.compile(r"\d\s*(?:" + _SCALE + r"\b)?\s*(?P<name>" + names + r")$", re.I)
    before = re.compile(r"^(?P<name>" + names + r")\s", re.I)
    return after, before


def shared_name(c: Claim) -> str:
    """The currency name several currencies share, when that is all the claim says ("400m pesos" -> "pesos"), else ""."""
    after, before = _shared_names()
    m = after.search(c.text) or before.match(c.text)
    return m.group("name").lower() if m else ""


@lru_cache(maxsize=1)
def dollar_currencies() -> frozenset[str]:
    """The ISO codes of currencies named dollars (USD, AUD, CAD, ...), from numcheck/data/currencies.tsv."""
    return frozenset(code for code, _, names in table("currencies.tsv", ("code", "symbols", "names"))
                     if "dollar" in names)


# "a $550,000 fine" is US dollars, whatever a reader of "A$" might think: a lower-case word before "$" is no prefix
_WORD_BEFORE_SYMBOL = re.compile(r"^[a-z]{1,3}\s+\$")


def currency(c: Claim) -> str:
    """The claim's currency, reading "a $550,000" as the bare "$" (USD) even where the extractor saw "A$"."""
    if _WORD_BEFORE_SYMBOL.match(c.text):
        return "USD"
    return c.currency or c.unit


def _pairing(a: Claim, b: Claim) -> Conversion | None:
    """The conversion of ``a`` into ``b`` when they can be one (money or measures of one dimension), else None."""
    if a.kind != b.kind:
        return None  # the change verb is not repeated inside the bracket ("lost $100m (£54m)"): a change is no level
    if a.kind == "measure":
        ok = a.unit != b.unit and bool(a.dimension) and a.dimension == b.dimension
        return Conversion(a, b) if ok else None
    if a.kind != "money" or not (a.unit and b.unit):
        return None
    if a.per and b.per and a.per != b.per:
        return None  # "$9 an hour ($1,400 a month)" restates a rate over another period: no conversion of currency
    na, nb = shared_name(a), shared_name(b)
    if not na and not nb:
        return Conversion(a, b) if currency(a) != currency(b) else None
    bare, other, other_name = (a, b, nb) if na else (b, a, na)
    if (na or nb) in BARE_DOLLARS and not other_name and currency(other) not in dollar_currencies():
        return Conversion(a, b, assumed=f"'{bare.text}' read as US dollars, the currency {currency(other)} is converted "
                                        "to or from")
    return Conversion(a, b, unchecked=f"'{na or nb}' names several currencies")


def _same_currency(a: Claim, b: Claim) -> bool:
    """ "$3bn ($1.6bn)": a bracket in the source's own currency, both sides exact, which no conversion explains."""
    return (a.kind == b.kind == "money" and bool(a.unit) and currency(a) == currency(b) and a.per == b.per
            and not shared_name(a)
            and not shared_name(b) and a.qualifier == b.qualifier == "=" and not a.range and not b.range)


def conversions(ctx: Context) -> list[Conversion]:
    """Every (source, converted) pair the text states, cached per text."""
    cached = ctx.options.get("_conversions")
    if cached is not None:
        return cached
    text = ctx.text
    numbers = ClaimsByStart(numeric(ctx))
    claims = [c for c in numbers.claims if c.kind in ("money", "measure")]
    out: list[Conversion] = []
    for i, a in enumerate(claims):
        if i + 1 >= len(claims):
            break
        b = claims[i + 1]
        between = text[a.end:b.start]
        bracket = bool(_OPEN.match(between))
        if not (bracket or _OR.match(between)) or a.kind != b.kind:
            continue
        listed = _listed_before(text, numbers, a)
        if len(listed) > 1:
            # "24.84, 24.04 and 23.34 baht (62, 60 and 58 cents)": a list converted by a list, in order
            if bracket:
                out.extend(_list_in_bracket(text, claims, listed, i + 1))
            continue
        if bracket and not _CLOSE.match(text, b.end):
            continue  # "$99 (£69 in the UK)": a price of its own, not a conversion
        conv = _pairing(a, b)
        if conv is not None:
            out.append(conv)
        elif bracket and _same_currency(a, b):
            out.append(Conversion(a, b, same_currency=True))
        if bracket:
            out.extend(_more_in_bracket(text, claims, i, a, b))
    try:
        ctx.options["_conversions"] = out
    except TypeError:
        pass
    return out


# between the amounts of a list: ", "  " and "  ", and "
_LIST = re.compile(r"^\s*(?:,|,?\s+and)\s+$", re.I)


def _listed_before(text: str, numbers: ClaimsByStart, last: Claim) -> list[Claim]:
    """The list ``last`` ends ("24.84, 24.04 and 23.34 baht", "$10m and $20m"): amounts joined by commas or "and",
    each in ``last``'s kind and unit or a bare number that takes the unit written once at the end."""
    run = [last]
    for c in reversed(numbers.before(last.start, 400)):
        same = c.kind == last.kind and c.unit == last.unit
        bare = c.kind == "count" and not c.unit and not c.subject
        if not (same or bare) or c.end > run[0].start or not _LIST.match(text[c.end:run[0].start]):
            break
        run.insert(0, c)
    return run


def _list_in_bracket(text: str, claims: list[Claim], sources: list[Claim], j: int) -> list[Conversion]:
    """A bracketed list converting a list, paired in order; nothing when the lists differ in length (no pairing is sure)."""
    targets = [claims[j]]
    k = j + 1
    while k < len(claims) and claims[k].unit == targets[0].unit and _LIST.match(text[targets[-1].end:claims[k].start]):
        targets.append(claims[k])
        k += 1
    if len(targets) != len(sources) or any(t.range for t in targets):
        return []
    return [conv for a, b in zip(sources, targets) if (conv := _pairing(a, b)) is not None]


def _more_in_bracket(text: str, claims: list[Claim], i: int, a: Claim, b: Claim) -> list[Conversion]:
    """ "(£16.7bn; 24.1bn euros)": further conversions of the same source inside the bracket (and the first against them)."""
    out = []
    prev, read_to = b, a.end  # no ")" from a.end to read_to
    for k in range(i + 2, len(claims)):  # not claims[i + 2:], a copy of the rest of the text's claims
        c = claims[k]
        if not _NEXT.match(text[prev.end:c.start]) or ")" in text[read_to:c.start]:
            break
        read_to = c.start
        for src in ((a, b) if prev is b else (a,)):  # "$32bn (£16.7bn; 24.1bn euros)": the two conversions agree too
            conv = _pairing(src, c)
            if conv is not None:
                out.append(conv)
        prev = c
    return out


def money_interval(c: Claim, bound: bool = False) -> tol.Interval:
    """A money amount as a conversion reads it: to its last digit, but within ``MONEY_ROUNDING`` of the figure.

    ``bound``: the converted side's own "less than" or "more than" makes it a
    bound ("RMB 5 (less than one US dollar)"); a qualifier on the source is
    the source's ("more than $150m (£80m)" converts $150m).
    """
    if bound and c.qualifier in ("<", "<=", ">", ">="):
        return tol.rounded(c, open_sides=True)
    iv = tol.rounded(c, open_sides=False)
    p = tol.point(c)
    if p > 0 and not c.range:
        iv = tol.Interval(max(iv.lo, p * (1 - MONEY_ROUNDING)), min(iv.hi, p * (1 + MONEY_ROUNDING)))
    return iv


def money_slack(a: Claim, b: Claim) -> float:
    """5% for a writer's rate; 20% for two shop prices ("$149 (£99)"), which are set per country, not converted."""
    return PRICE_SLACK if all(_price_point(c) for c in (a, b)) else MONEY_SLACK


def _price_point(c: Claim) -> bool:
    m = _FIGURE.search(c.text)
    if m is None or _SCALE_AFTER.match(c.text, m.end()):
        return False
    return bool(_PRICE_POINT.search(m.group().replace(",", "")))


def expected_at(a: Claim, span: "RateSpan") -> tol.Interval:
    """What the source amount converts to at the span's rates, read as a conversion reads it."""
    return money_interval(a).scale(span.lo, span.hi)


def bad_currency(ctx: Context, conv: Conversion) -> "RateSpan | None":
    """The ECB rate span when this currency conversion fails it, else None (also when no rate can be had)."""
    from ... import rates

    a, b = conv.src, conv.dst
    if a.kind != "money" or conv.unchecked or conv.same_currency:
        return None
    span = rates.span(_code(a, conv), _code(b, conv), ctx.published, ctx.published_end)
    if span is None:
        return None
    if expected_at(a, span).widen(money_slack(a, b)).overlaps(money_interval(b, bound=True)):
        return None  # the slack is the writer's, on the rate: applied once, to what the rate gives
    return span


def rate_vouches(ctx: Context, conv: Conversion) -> bool:
    """Whether a reference rate covers the text's day and the money conversion fits it: then no other report's
    conversion of the same amount can overrule it (NC401 compares only the others)."""
    from ... import rates

    return bad_currency(ctx, conv) is None and not rates.unavailable(*codes(conv), ctx.published, ctx.published_end)


def _code(c: Claim, conv: Conversion) -> str:
    """The ISO code the check reads a side in: its own, or USD for bare "dollars" read as US dollars."""
    return "USD" if conv.assumed and shared_name(c) else currency(c)


def codes(conv: Conversion) -> tuple[str, str]:
    """The (source, converted) currencies a money conversion is checked in."""
    return _code(conv.src, conv), _code(conv.dst, conv)
