"""Lengths of time written in parts ("1 year 1 month 21 days", "an hour and a half"), as one duration.

Their TIMEX3 values are written by ``dates.durations.duration_timex``, the one
place for the format ("2 1/2 years" P2Y6M, "two hours and 40 minutes" PT2H40M).
"""
from __future__ import annotations

import re

from ..units import Unit, load_units
from .dates.durations import TIMEX_UNITS, duration_timex
from .number import read_number
from .parts import Draft, Scan
from .unit import read_after

# "an hour and a half", "two years and a half"
_AND_A_HALF = re.compile(r"\s+and\s+(?:a\s+)?half(?![\w-])", re.I)
# "3 years, 2 months and 14 days": an item of a list of durations
_LISTED_DURATION = re.compile(r"\b(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?)[ \t]*,[ \t]*\Z", re.I)
# "1 year 1 month", "two hours and 40 minutes"
_DURATION_JOIN = re.compile(r"[ \t]+(?:(?P<and>and)[ \t]+)?")


def seconds(name: str) -> float:
    """How many seconds one ``name`` lasts (a year is 365.25 days, as pint has it)."""
    return load_units()[name].factor


def parts(scan: Scan, d: Draft) -> Draft:
    """The duration stage: "an hour and a half", and "1 year 1 month 21 days" read as one length of time."""
    unit, value = d.unit, d.value
    if unit is None or unit.kind != "duration" or value is None or d.is_range:
        return d
    ha = _AND_A_HALF.match(scan.text, d.end)
    if ha:
        value += 0.5
        d = d.evolve(value=value, low=value, high=value, end=ha.end())
    listed = bool(_LISTED_DURATION.search(scan.text, max(0, d.start - 24), d.start))
    more = _compound(scan, d.end, unit, value, listed)
    if more is None:
        return d
    end, value_timex, value, smallest = more
    return d.evolve(end=end, timex=value_timex, value=value, low=value, high=value, step=1.0, unit=smallest)


def _compound(scan: Scan, pos: int, unit: Unit, value: float, listed: bool) -> tuple[int, str, float, Unit] | None:
    """ "1 year 1 month 21 days", "two hours and 40 minutes": (end, TIMEX3, total, unit) of the whole, the
    total in its smallest part's unit (160 minutes: a whole number, as the text counts it).

    Parts written side by side join, and one last smaller part after "and" unless the duration is itself
    an item of a list (``listed``): "3 years, 2 months and 14 days" stays three claims, each checkable on
    its own.
    """
    text = scan.text
    found = [(unit.name, value)]
    end = pos
    for _ in range(4):
        j = _DURATION_JOIN.match(text, end)  # "1 year 1 month": one duration; with commas, a list
        if not j:
            break
        m2 = scan.P.number.match(text, j.end())
        if not m2 or m2.lastgroup not in ("numeral", "words"):
            break
        n2 = read_number(scan, m2)
        if n2 is None or n2.value is None:
            break
        a2 = read_after(scan, n2.end, n2, None)
        if a2 is None or a2.unit is None or a2.unit.kind != "duration" or a2.unit.name in (p[0] for p in found) \
                or a2.unit.name not in TIMEX_UNITS:
            break
        if seconds(a2.unit.name) >= seconds(found[-1][0]) or j.group("and") and listed:
            break  # "two hours and 40 minutes" is one length of time; "10 minutes and 2 hours" two, and
            # "a second four-year term" an ordinal: the parts of one length run from the largest down
        found.append((a2.unit.name, n2.value))
        end = a2.end
        if j.group("and"):
            break
    if len(found) < 2:
        return None
    smallest = min((name for name, _ in found), key=seconds)
    total = float(f"{sum(v * seconds(name) for name, v in found) / seconds(smallest):.12g}")
    return end, duration_timex([(name, v) for name, v in found]), total, load_units()[smallest]
