"""Numbers as a sub-editor reads them on the page: digits, scale word, currency sign, unit or percent after.

The harness finds its cases with this reader, not with numcheck's extractor, so
that a number the extractor misreads is still a case (and a miss) rather than
no case at all.  It reads only numbers written in digits (the breaks change a
digit) and knows the units and currencies of ``units.tsv``.
"""
from __future__ import annotations

import calendar
import csv
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

SCALES = {"thousand": 1e3, "k": 1e3, "million": 1e6, "mn": 1e6, "m": 1e6, "billion": 1e9, "bn": 1e9,
          "trillion": 1e12, "tn": 1e12}


@dataclass(frozen=True)
class Unit:
    """One reading of a unit word: its dimension, unit name (ISO code for money), factor and offset to base."""

    dimension: str
    unit: str
    factor: float
    offset: float = 0.0
    surface: str = ""   # as units.tsv writes it: what currency_hints.tsv looks up


@dataclass(frozen=True)
class Number:
    """A number on the page: the whole surface ("US$10m"), its digits, value with scale, and what it counts."""

    start: int
    end: int
    text: str
    digits_start: int          # the digits alone ("10" of "US$10m"): what a break changes
    digits_end: int
    value: float               # scale applied: "4.1 million" -> 4100000.0
    step: float                # the size of the last written digit, scale applied ("4.1 million" -> 100000.0)
    units: tuple[Unit, ...]    # the readings of its currency or unit, () for a bare count
    percent: bool = False
    points: bool = False       # "3 percentage points", "13.68 points"
    year: bool = False         # a bare four-digit 1800-2100: a year, not a count
    in_date: bool = False      # the day of "April 1" or "1 April", or the year after it
    in_range: bool = False     # an end of "15 to 24", "5-7", "between 10 and 12", an age ("24-year-olds"), or
                               # half of a decimal the wire split in two ("84. 54")
    scaled: bool = False       # written with a scale word ("3 million", "£5.4m")
    bound: bool = False        # one side only: "more than 5,000", "up to 20", "nearly 300", "at least 12"

    @property
    def bare(self) -> bool:
        """A plain count: no unit, currency, percent or points, and not a year, a day or a range end."""
        return not (self.units or self.percent or self.points or self.year or self.in_date or self.in_range)

    @property
    def plain(self) -> bool:
        """A figure that stands for itself: not a year, a day of a date or the end of a range."""
        return not (self.year or self.in_date or self.in_range)

    def same_unit(self, other: "Number") -> bool:
        """Both bare counts, or both percents, or both in one unit (one of their readings)."""
        if self.percent or other.percent:
            return self.percent == other.percent and self.points == other.points
        if self.points or other.points:
            return self.points == other.points
        if not self.units and not other.units:
            return True
        return any(a.unit == b.unit and a.unit != "?" for a in self.units for b in other.units)


# the BBC corpus writes every "£" mis-decoded as "Â£" (UTF-8 read as Latin-1): the same sign
_PRE = r"(?P<pre>US\$|U\.S\.\$|HK\$|NZ\$|NT\$|S\$|A\$|C\$|R\$|Rs\.?\s?|Â£|[$£€¥])"
# the digits: 1,189.42  470  0.25 ; not inside a token (F-16, 1:30, 2/3, 3.4.5, G8)
_DIGITS = r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)(?![\d,.]\d)"
_SCALE = r"(?:\s?(?P<scale>trillion|billion|million|thousand)\b|(?P<abbr>bn|tn|mn|m|k)\b)?"
_NUMBER = re.compile(r"(?<![\w.,/:$£€¥-])(?<!Â)" + _PRE + r"?" + _DIGITS + _SCALE)
_PERCENT = re.compile(r"\s?(?:%|per\s?cent\b|pct\b)", re.I)
_POINTS = re.compile(r"\s(?:percentage\s|basis\s)?points?\b", re.I)
_MONTH = "|".join(sorted({m.lower() for m in calendar.month_name[1:] + calendar.month_abbr[1:] if m} | {"sept"},
                         key=len, reverse=True))
_MONTH_BEFORE = re.compile(r"\b(?:" + _MONTH + r")\.?\s+$", re.I)
_MONTH_AFTER = re.compile(r"^(?:st|nd|rd|th)?\s+(?:of\s+)?(?:" + _MONTH + r")\b", re.I)
# a range end, an age, or half of a decimal the wire split in two ("84. 54")
_RANGE_AFTER = re.compile(r"^\s*(?:to|-|\u2013)\s*[$£€]?\d|^-year|^\.\s\d", re.I)
_RANGE_BEFORE = re.compile(r"(?:\d\s*(?:to|-|\u2013)|\d\.\s|\bbetween|\bbetween\s+[$£€]?[\d,.]+\s*\w*\s+and)\s*[$£€]?$", re.I)
_BOUND_BEFORE = re.compile(r"\b(?:more|less|fewer|greater|higher|lower)\s+than\s+$|\b(?:over|under|at\s+least|at\s+most|"
                           r"up\s+to|nearly|almost|as\s+many\s+as|as\s+much\s+as|as\s+few\s+as|"
                           r"no\s+more\s+than|just\s+(?:over|under)|exceeding|above|below)\s+$", re.I)
_DAY_BEFORE = re.compile(r"\b(?:" + _MONTH + r")\.?\s+\d{1,2},?\s+$", re.I)


@lru_cache(maxsize=1)
def unit_table() -> tuple[dict[str, tuple[Unit, ...]], dict[str, tuple[Unit, ...]]]:
    """(symbols written before a number, words written after it) -> their readings, from units.tsv."""
    before: dict[str, list[Unit]] = {}
    after: dict[str, list[Unit]] = {}
    path = Path(__file__).with_name("units.tsv")
    lines = [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln and not ln.startswith("#")]
    for row in csv.DictReader(lines, delimiter="\t"):
        table = before if row["where"] == "before" else after
        table.setdefault(row["surface"], []).append(
            Unit(row["dimension"], row["unit"], float(row["factor"]), float(row["offset"]), row["surface"]))
    return ({k: tuple(v) for k, v in before.items()}, {k: tuple(v) for k, v in after.items()})


@lru_cache(maxsize=1)
def _unit_after() -> re.Pattern[str]:
    words = sorted(unit_table()[1], key=len, reverse=True)
    long = "|".join(re.escape(w) for w in words if len(w) > 1)
    # a one-letter unit (40C, 104F) only written on the number, in capitals
    return re.compile(r"(?:[\s-]?(?P<word>" + long + r")\b(?!-)|(?P<letter>[CF])\b(?![.'’]))", re.I)


def numbers(text: str) -> list[Number]:
    """Every number written in digits, in text order."""
    out = []
    for m in _NUMBER.finditer(text):
        n = _read(text, m)
        if n is not None:
            out.append(n)
    return out


def _read(text: str, m: re.Match[str]) -> Number | None:
    """The number of one match with what follows it (unit, percent, points) and where it stands; None if not a quantity."""
    digits = m.group("num")
    pre = (m.group("pre") or "").strip().replace("Â£", "£")
    scale_word = m.group("scale") or m.group("abbr") or ""
    if m.group("abbr") and not pre and scale_word == "m":
        scale_word = ""  # "100m hurdles": metres, not millions ("m" is no unit of the table, so no quantity)
    scale = SCALES.get(scale_word.lower(), 1.0)
    plain = digits.replace(",", "")
    frac = plain.split(".")[1] if "." in plain else ""
    units: tuple[Unit, ...] = unit_table()[0].get(pre, ()) if pre else ()
    units, percent, points, end = _after(text, m.end() if scale_word else m.end("num"), units)
    if end < len(text) and text[end].isalpha() and not _MONTH_AFTER.match(text[end:end + 16]):
        return None  # "21st", "3D", "4x4": not a quantity
    year = (not (pre or scale_word or units or percent) and digits.isdigit() and len(digits) == 4
            and 1800 <= int(digits) <= 2100)
    in_date, in_range, bound = _place(text, m, plain)
    return Number(m.start(), end, text[m.start():end], m.start("num"), m.end("num"), float(plain) * scale,
                  10.0 ** -len(frac) * scale, units, percent, points, year, in_date, in_range, bool(scale_word), bound)


def _after(text: str, end: int, units: tuple[Unit, ...]) -> tuple[tuple[Unit, ...], bool, bool, int]:
    """(units, percent, points, the new end) from the words right after a number."""
    percent = points = False
    rest = text[end:end + 40]
    if (p := _PERCENT.match(rest)):
        percent, end = True, end + p.end()
    elif not units and (u := _unit_after().match(rest)):
        units, end = unit_table()[1][(u.group("word") or u.group("letter")).lower()], end + u.end()
    if not percent and (p := _POINTS.match(text, end)):
        points, end = True, p.end()
    return units, percent, points, end


def _place(text: str, m: re.Match[str], plain: str) -> tuple[bool, bool, bool]:
    """(in a date, a range end, a one-sided bound) from the words around a number."""
    before = text[max(0, m.start() - 30):m.start()]
    in_date = bool(_MONTH_BEFORE.search(before[-12:]) or _MONTH_AFTER.match(text[m.end("num"):m.end("num") + 16])
                   or (len(plain) == 4 and _DAY_BEFORE.search(before[-20:])))
    in_range = bool(_RANGE_AFTER.match(text[m.end():m.end() + 12]) or _RANGE_BEFORE.search(before))
    return in_date, in_range, bool(_BOUND_BEFORE.search(before[-24:]))
