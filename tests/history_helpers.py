"""Hand-built claims for the history tests: the claims a text states, without running the extractor."""
from __future__ import annotations

from datetime import date

from numcheck.checks.base import Context
from numcheck.model import Canonical, Claim


def q(text: str, surface: str, value: float, subject: str, *, kind: str = "count", qualifier: str = "=",
      low: float | None = None, high: float | None = None, unit: str = "", change: str | None = None,
      nth: int = 0) -> Claim:
    """A quantity claim for ``surface`` (its ``nth`` occurrence) in ``text``."""
    start = -1
    for _ in range(nth + 1):
        start = text.index(surface, start + 1)
    if low is None and high is None and qualifier in ("=", "~"):
        low = high = value
    return Claim(text=surface, start=start, end=start + len(surface), kind=kind, value=value, low=low, high=high,
                 qualifier=qualifier, change=change, unit=unit, canonical=Canonical(value, unit), subject=subject)


def d(text: str, surface: str, timex: str, first: str, last: str) -> Claim:
    """A date claim for ``surface`` in ``text``."""
    start = text.index(surface)
    return Claim(text=surface, start=start, end=start + len(surface), kind="date", timex=timex,
                 date_start=first, date_end=last)


def context(text: str, claims: list[Claim], published: str | None, history, rules=None) -> Context:
    pub = date.fromisoformat(published) if published else None
    return Context(text=text, claims=tuple(sorted(claims, key=lambda c: c.start)), published=pub,
                   published_end=pub, rules=rules, history=history)


def run_checks(text: str, claims: list[Claim], published: str | None, history, rules=None):
    from numcheck.checks import family

    ctx = context(text, claims, published, history, rules)
    return [f for chk in family("history") for f in chk.run(ctx)]
