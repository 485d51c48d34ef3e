"""Lengths of time: TIMEX3 values ("three years" -> P3Y) and durations written in parts ("1 year 1 month 21 days",
"an hour and a half").
"""
from __future__ import annotations

import re

from ..units import Unit, load_units
from .number import read_number
from .parts import Draft, Scan
from .unit import read_after

# unit name -> (multiplier, TIMEX3 designator); "T" marks the time part (PT2H)
TIMEX_UNIT = {"year": (1, "Y"), "month": (1, "M"), "week": (1, "W"), "day": (1, "D"),
              "hour": (1, "TH"), "minute": (1, "TM"), "second": (1, "TS"), "decade": (10, "Y"),
              "century": (100, "Y"), "millennium": (1000, "Y"), "fortnight": (2, "W"),
              "megayear": (1_000_000, "Y"), "gigayear": (1_000_000_000, "Y")}
_SUBSECOND = {"millisecond": 1e-3, "microsecond": 1e-6, "nanosecond": 1e-9}
# "an hour and a half", "two years and a half"
_AND_A_HALF = re.compile(r"\s+and\s+(?:a\s+)?half(?![\w-])", re.I)
# "3 years, 2 months and 14 days": an item of a list of durations
_LISTED_DURATION = re.compile(r"\b(?:years?|months?|weeks?|days?|hours?|minutes?|seconds?)[ \t]*,[ \t]*\Z", re.I)
# "1 year 1 month", "two hours and 40 minutes"
_DURATION_JOIN = re.compile(r"[ \t]+(?:(?P<and>and)[ \t]+)?")


def timex(unit: str, value: float | None, vague: bool) -> str:
    """The TIMEX3 duration for ``value`` ``unit``: P3Y, PT40M, PXY (vague), PT0.25S."""
    mult, code = TIMEX_UNIT.get(unit, (None, None))
    if code is None or mult is None:
        if unit in _SUBSECOND and value is not None:
            return f"PT{number_text(value * _SUBSECOND[unit])}S"
        return "PXS"
    n = "X" if value is None or vague else number_text(value * mult)
    return f"PT{n}{code[1]}" if code.startswith("T") else f"P{n}{code}"


def number_text(v: float) -> str:
    """A number as TIMEX3 writes it: 3, 1.5, 1e+06."""
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


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
    end, value_timex, value, step = more
    return d.evolve(end=end, timex=value_timex, value=value, low=value, high=value, step=step)


def _compound(scan: Scan, pos: int, unit: Unit, value: float, listed: bool) -> tuple[int, str, float, float] | None:
    """ "1 year 1 month 21 days", "two hours and 40 minutes": (end, TIMEX3, total, step) of the whole, the
    total and the step (the smallest part's unit) in the first part's unit.

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
                or a2.unit.name not in TIMEX_UNIT:
            break
        if j.group("and") and (listed or seconds(a2.unit.name) >= seconds(found[-1][0])):
            break  # "two hours and 40 minutes" is one length of time; "10 minutes and 2 hours" two
        found.append((a2.unit.name, n2.value))
        end = a2.end
        if j.group("and"):
            break
    if len(found) < 2:
        return None
    date_part: list[str] = []
    time_part: list[str] = []
    for name, v in sorted(found, key=lambda p: -seconds(p[0])):
        mult, code = TIMEX_UNIT[name]
        (time_part if code.startswith("T") else date_part).append(f"{number_text(v * mult)}{code[-1]}")
    first = seconds(unit.name)
    total = sum(v * seconds(name) for name, v in found) / first
    step = min(seconds(name) for name, _ in found) / first
    return end, "P" + "".join(date_part) + ("T" + "".join(time_part) if time_part else ""), total, step
