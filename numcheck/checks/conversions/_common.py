"""The conversions a text states, shared by NC101-NC103: which claim converts which, and the rates that explain it."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from ... import tolerance as tol
from ...model import Claim
from ...datafiles import words
from ...text import alternation
from .._common import numeric
from ..base import Context


if TYPE_CHECKING:  # pragma: no cover
    from ...rates import RateSpan


# gap before the converted value:  " ("  " [ "  ", or "  " - or "  (with an optional "about")
_OPEN = re.compile(r"^\s*(?:\(|\[)\s*(?:(?:about|around|roughly|some|approximately|approx\.?|nearly|almost|c\.)\s*)?$", re.I)

_OR = re.compile(r"^\s*(?:,|-|\u2013|\u2014)?\s*or\s+(?:(?:about|around|roughly|some|approximately|nearly|almost)\s+)?$", re.I)

# gap between two conversions inside one bracket:  "; "  ", "  " or "  " / "  ":"
_NEXT = re.compile(r"^\s*(?:;|,|/|:|or|\bor\b)\s*$", re.I)

# right after a bracketed conversion: the bracket closes, or another conversion follows
_CLOSE = re.compile(r"\s*(?:\)|\]|;|,|:|/|\s+or\s)")

UNIT_SLACK = 0.02    # conversion factors are exact; this covers "1.6" for 1.609 and the like

MONEY_SLACK = 0.05   # writers convert at a round or slightly stale rate

PRICE_SLACK = 0.2    # "$149 (£99)": shop prices are set per country, not converted

PRICE_LIMIT = 1000

RATE_CERTAIN = 0.02  # a correction is suggested only when the window's rates agree this closely (a week's, not a year's)


@dataclass(frozen=True)
class Conversion:
    src: Claim
    dst: Claim
    same_currency: bool = False  # "$3bn ($1.6bn)": a bracket "converting" into the currency it started from


# Currency names several currencies share ("400m pesos" may be Argentine or Mexican): such a side is never checked.
@lru_cache(maxsize=1)
def _ambiguous() -> tuple[re.Pattern, re.Pattern]:
    """(name after the number, name before it), built on first use so start-up does not pay for them."""
    names = alternation(words("currency_ambiguous.txt"))
    after = re.compile(r"[\d.,]\s*(?:bn|m|k|million|billion|trillion|thousand)?\s*" + names + r"$", re.I)
    before = re.compile(r"^" + names + r"\s", re.I)
    return after, before


# "a $550,000 fine" is US dollars, whatever a reader of "A$" might think: a lower-case word before "$" is no prefix
_WORD_BEFORE_SYMBOL = re.compile(r"^[a-z]{1,3}\s+\$")


def _doubtful(c: Claim) -> bool:
    """A shared currency name, after ("400m pesos") or before ("dollars 648m") the number."""
    after, before = _ambiguous()
    return bool(after.search(c.text) or before.match(c.text))


def currency(c: Claim) -> str:
    """The claim's currency, reading "a $550,000" as the bare "$" (USD) even where the extractor saw "A$"."""
    if _WORD_BEFORE_SYMBOL.match(c.text):
        return "USD"
    return c.unit


def _convertible(a: Claim, b: Claim) -> bool:
    # the change verb is not repeated inside the bracket ("lost $100m (£54m)"), so changes are not compared
    if a.kind != b.kind:
        return False
    if a.kind == "money":
        if currency(a) == currency(b):
            return False
        return bool(a.unit and b.unit) and not (_doubtful(a) or _doubtful(b))
    if a.kind == "measure":
        return a.unit != b.unit and bool(a.dimension) and a.dimension == b.dimension
    return False


def conversions(ctx: Context) -> list[Conversion]:
    """Every (source, converted) pair the text states, cached per text."""
    cached = ctx.options.get("_nc1_conversions")
    if cached is not None:
        return cached
    text = ctx.text
    claims = [c for c in numeric(ctx) if c.kind in ("money", "measure")]
    out: list[Conversion] = []
    for i, a in enumerate(claims):
        if i + 1 >= len(claims):
            break
        b = claims[i + 1]
        between = text[a.end:b.start]
        bracket = bool(_OPEN.match(between))
        if not (bracket or _OR.match(between)):
            continue
        if a.kind != b.kind:
            continue
        if bracket and not _CLOSE.match(text, b.end):
            continue  # "$99 (£69 in the UK)": a price of its own, not a conversion
        if _convertible(a, b):
            out.append(Conversion(a, b))
        elif bracket and a.kind == "money" and a.unit and currency(a) == currency(b) and not (_doubtful(a) or _doubtful(b)) \
                and a.qualifier == b.qualifier == "=" and not a.range and not b.range:
            out.append(Conversion(a, b, same_currency=True))
        if not bracket:
            continue
        # "(£16.7bn; 24.1bn euros)": further conversions of the same source inside the bracket
        prev, read_to = b, a.end  # no ")" from a.end to read_to
        for k in range(i + 2, len(claims)):  # not claims[i + 2:], a copy of the rest of the text's claims
            c = claims[k]
            if not _NEXT.match(text[prev.end:c.start]) or ")" in text[read_to:c.start]:
                break
            read_to = c.start
            if _convertible(a, c):
                out.append(Conversion(a, c))
            if prev is b and _convertible(b, c):  # "$32bn (£16.7bn; 24.1bn euros)": the two conversions agree too
                out.append(Conversion(b, c))
            prev = c
    try:
        ctx.options["_nc1_conversions"] = out
    except TypeError:
        pass
    return out


def bad_currency(ctx: Context, conv: Conversion) -> "RateSpan | None":
    """The ECB rate span when this currency conversion fails it, else None."""
    from ... import rates

    a, b = conv.src, conv.dst
    if a.kind != "money":
        return None
    span = rates.span(currency(a), currency(b), ctx.published, ctx.published_end)
    if span is None:
        return None
    if expected_at(a, span).overlaps(tol.rounded(b, open_sides=False), money_slack(a, b)):
        return None
    return span


def money_slack(a: Claim, b: Claim) -> float:
    return PRICE_SLACK if max(tol.point(a), tol.point(b)) < PRICE_LIMIT else MONEY_SLACK


def expected_at(a: Claim, span: "RateSpan") -> tol.Interval:
    """What the source amount converts to at the span's rates, read as rounded."""
    return tol.rounded(a, open_sides=False).scale(span.lo, span.hi)
