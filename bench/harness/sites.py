"""Sites: places in an article where other words of the same text pin a number down, one finder per kind.

A site is found on the page (harness.numbers, harness.dates), never through
numcheck, and only where the original arithmetic holds: a conversion at the
day's rate, a percentage that is its part over its whole, a change that is the
difference of its levels.  That is what makes it a case "the data can check",
and it keeps coincidences out.  A place that has the shape but not the
arithmetic is counted as ``inconsistent`` (the copy may really be wrong: worth
reading, never broken), one the data cannot check (no ECB rate on that day, a
currency word naming several currencies) as ``unchecked`` with the reason.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Iterator

from .corpora import Article


@dataclass(frozen=True)
class Target:
    """One span a break may change, and how: ``digit`` (leading digit), ``weekday``, ``day`` or ``count``."""

    start: int
    end: int
    how: str
    low: float = 0.0    # for ``count``: the values the arithmetic allows; the break goes outside them
    high: float = 0.0


@dataclass(frozen=True)
class Site:
    """A place of one kind: the spans it ties together, what may be broken, and whether it can be a case."""

    kind: str
    spans: tuple[tuple[int, int], ...]
    targets: tuple[Target, ...]
    status: str = "ok"       # ok | inconsistent | unchecked:<reason>
    note: str = ""           # the arithmetic, for listings ("1,000 km = 621 mile")
    variant: str = ""        # the form within the kind ("money" or "unit" conversion, "percent" or "absolute" change)


Finder = Callable[[Article], Iterator[Site]]


def finders() -> dict[str, Finder]:
    """Kind -> its finder, in report order (history is measured by bench/history_eval.py over a store)."""
    from . import arith, timing

    return {"conversion": arith.conversions, "percentage": arith.percentages, "change": arith.changes,
            "total": arith.totals, "repeat": arith.repeats, "weekday": timing.weekdays, "elapsed": timing.elapsed}


KINDS = ("conversion", "percentage", "change", "total", "repeat", "weekday", "elapsed", "history")
# the checks that answer for each kind: a break is caught only by a finding of these families
FAMILIES = {"history": ("NC4",)}
DEFAULT_FAMILIES = ("NC1", "NC2", "NC3")


def families(kind: str) -> tuple[str, ...]:
    return FAMILIES.get(kind, DEFAULT_FAMILIES)


def find(article: Article, kinds: tuple[str, ...]) -> list[Site]:
    """Every site of the given kinds in one article."""
    table = finders()
    return [s for k in kinds if k in table for s in table[k](article)]
