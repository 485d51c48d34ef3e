"""TIMEX3 duration values: written from lengths of time ("2 1/2 years" -> P2Y6M) and read back (P2Y6M -> 2.5 Y).

One place for the format, shared by the quantity reader (which finds durations
and ages) and the checks that count elapsed time.  TimeML writes a duration as
whole parts, largest first ("two and a half years" P2Y6M, "a minute and a
half" PT1M30S); a part that does not come out whole keeps its fraction
(P2.3Y).  Vague lengths put X for the number ("years" PXY, "a few minutes"
PTXM); decades, centuries and millennia told vaguely keep their own unit
("centuries" PXCE), counted ones are years ("two decades" P20Y).
"""
from __future__ import annotations

import re

# unit name -> (how many of the TIMEX3 unit it is, TIMEX3 unit; T marks a time part)
TIMEX_UNITS: dict[str, tuple[int, str]] = {
    "year": (1, "Y"), "month": (1, "M"), "week": (1, "W"), "day": (1, "D"), "hour": (1, "TH"), "minute": (1, "TM"),
    "second": (1, "TS"), "decade": (10, "Y"), "century": (100, "Y"), "millennium": (1000, "Y"), "fortnight": (2, "W"),
    "megayear": (1_000_000, "Y"), "gigayear": (1_000_000_000, "Y"),
}
_VAGUE_UNIT = {"decade": "DE", "century": "CE", "millennium": "ML"}
_SUBSECOND = {"millisecond": 1e-3, "microsecond": 1e-6, "nanosecond": 1e-9}
# a TIMEX3 code, the next smaller one and how many of those make one
_SMALLER = {"Y": ("M", 12), "M": ("D", 30), "W": ("D", 7), "D": ("TH", 24), "TH": ("TM", 60), "TM": ("TS", 60)}
_ORDER = ("Y", "M", "W", "D", "TH", "TM", "TS")
# in days, to read a duration back in its largest unit
_DAYS = {"Y": 365.25, "M": 30.4375, "W": 7.0, "D": 1.0, "H": 1 / 24, "TM": 1 / 1440, "S": 1 / 86400}
_PART = re.compile(r"(\d+(?:\.\d+)?)([YMWDHS])")
_DURATION = re.compile(r"P(?!$)((?:\d+(?:\.\d+)?[YMWD])*)(?:T((?:\d+(?:\.\d+)?[HMS])+))?")


def _num(v: float) -> str:
    return str(int(v)) if float(v).is_integer() else f"{v:g}"


def _whole_parts(value: float, code: str) -> list[tuple[float, str]]:
    """``value`` of ``code`` as whole parts, largest first: 2.5 Y -> [(2, Y), (6, M)]; 2.3 Y stays [(2.3, Y)]."""
    whole = int(value)
    rest = value - whole
    if rest < 1e-9 or code not in _SMALLER:
        return [(value, code)]
    smaller, n = _SMALLER[code]
    small = rest * n
    if abs(small - round(small)) > 1e-6:
        return [(value, code)]
    return ([(float(whole), code)] if whole else []) + [(float(round(small)), smaller)]


def duration_timex(parts: list[tuple[str, float | None]], vague: bool = False) -> str:
    """The TIMEX3 value of a length of time given as (unit name, value) parts: [("year", 2.5)] -> P2Y6M,
    [("hour", 2), ("minute", 40)] -> PT2H40M; a vague or unknown number is X ([("year", None)] -> PXY)."""
    if len(parts) == 1:
        unit, value = parts[0]
        if unit in _SUBSECOND and value is not None:
            return f"PT{_num(value * _SUBSECOND[unit])}S"
        if unit not in TIMEX_UNITS:
            return "PXS"
        mult, code = TIMEX_UNITS[unit]
        if value is None or vague:
            return f"PX{_VAGUE_UNIT[unit]}" if unit in _VAGUE_UNIT else f"{'PT' if code.startswith('T') else 'P'}X{code[-1]}"
        pieces = _whole_parts(value * mult, code)
    else:
        pieces = [(v * TIMEX_UNITS[u][0], TIMEX_UNITS[u][1]) for u, v in parts if v is not None and u in TIMEX_UNITS]
    pieces.sort(key=lambda p: _ORDER.index(p[1]))
    date_part = "".join(f"{_num(v)}{c}" for v, c in pieces if not c.startswith("T"))
    time_part = "".join(f"{_num(v)}{c[-1]}" for v, c in pieces if c.startswith("T"))
    return "P" + date_part + ("T" + time_part if time_part else "")


def duration_length(timex: str) -> tuple[float, str] | None:
    """A TIMEX3 duration read back as one number in its largest date unit: P2Y6M -> (2.5, "Y"), P6M -> (6, "M"),
    P3W -> (3, "W"); None for a vague one (PXY), a time-only one (PT2H) or anything that is no duration."""
    m = _DURATION.fullmatch(timex)
    if m is None or not m.group(1):
        return None
    parts = [(float(n), u) for n, u in _PART.findall(m.group(1))]
    parts += [(float(n), "TM" if u == "M" else u) for n, u in _PART.findall(m.group(2) or "")]
    unit = parts[0][1]
    days = sum(n * _DAYS[u] for n, u in parts)
    return round(days / _DAYS[unit], 6), unit
