"""Day forms: a calendar day written in digits or words, with or without its year, and ranges of days.

"2025-02-01", "21/04/2016", "Friday 3 February 2025", "Feb. 1", "4 to 22
January 1995", "on the 27th".  A day without its year is resolved by the tense
of its clause (context.tense): the latest such day when told as past, the next
when told as future, else the nearer.
"""
from __future__ import annotations

import calendar
import re
from datetime import date
from functools import lru_cache

from .arith import When, _day, _day_near, _join, _make_day, _REL_OFFSET, add_months
from .context import COUNT_NOUN, told
from .pieces import expand, pieces
from .form import Anchor, Groups, Read, Reading, Skip, fixed, form, relative, yearless
from .vocab import month_of, _ord_words, ordinal_of, vocab, weekday_of, year_of


@lru_cache(maxsize=1)
def _year_words() -> re.Pattern[str]:
    return re.compile(expand("{YWORDS}", pieces(), "yw"), re.I)


def _days(y: int, month: int, d1: int, d2: int) -> When:
    """Days d1 to d2 of one month: "4-22 January 1995"."""
    return _join(_make_day(y, month, d1), _make_day(y, month, d2))


def _day_number(s: str) -> int:
    """A day of the month written in digits or words (3, 3rd, third, twenty-first), 1 to 31."""
    return ordinal_of(s, 31)


@form("iso", r"(?<![\d.\-/])(?P<y>[12]\d{3})(?P<s>[-/.])(?P<m>0?[1-9]|1[0-2]|{MON})(?P=s)(?P<d>[0-3]?\d)(?![\d]|[.\-/]\d)",
      first="#y", needs=(r"^\d{4}[-/.]",))
def iso(g: Groups) -> Read:
    """2025-02-01, 2015/08/12, 2019-sep-1."""
    mo = g.req("m")
    month = int(mo) if mo.isdigit() else month_of(mo)
    return fixed(_make_day(int(g.req("y")), month, int(g.req("d"))))


@form("numeric", r"(?<![\d.,\-/])(?P<a>\d{1,2})(?P<s>[/.\-])(?P<b>\d{1,2})(?:(?P=s)|,\s?)(?P<y>\d{4}|\d{2})(?![\d]|[.\-/]\d|%)",
      first="#dd", needs=(r"^\d{1,2}[/.\-]\d{1,2}(?:[/.\-]|,\s?)\d",))
def numeric(g: Groups) -> Read:
    """21/04/2016, 02/22/2016, 13.5.2015, 9-18-15, 08/12,2015: day first unless that gives no month."""
    a, b, ys = int(g.req("a")), int(g.req("b")), g.req("y")
    if g("s") == "." and len(ys) == 2:
        raise Skip  # 1.2.15 is a version number
    d, mo = (a, b) if g.dayfirst else (b, a)
    if mo > 12 and d <= 12:
        d, mo = mo, d
    if mo > 12 or d > 31 or d == 0 or mo == 0:
        raise Skip

    def res(anchor: Anchor) -> When:  # a two-digit year pivots on the reference, or on 1950-2049 without one
        return _make_day(year_of(ys, anchor.ref), mo, d)
    return Reading(res)


def _day_pair(g: Groups) -> tuple[int, int]:
    """The two days of a range, the second after the first."""
    d1, d2 = _ord_words(g.req("d1")), _ord_words(g.req("d2"))
    if not d1 or not d2 or d1 > 31 or d2 > 31 or d2 <= d1:
        raise Skip
    return d1, d2


def _month_range(g: Groups, by_last: bool = False) -> Read:
    """Days d1 to d2 of a named month, its year given or, failing that, by the tense of the clause (read at the
    first day, or at the last when the month is written beside it: "from 4 to January 22")."""
    d1, d2 = _day_pair(g)
    month = month_of(g.req("m"))
    ys = g("y")
    if ys:
        return fixed(_days(year_of(ys), month, d1, d2))
    when = told(g.text, g.start, g.end)

    def fn(ref: date, anchor: Anchor) -> When:
        a = _day_near(month, d2 if by_last else d1, ref, when.tense, when.firm or not anchor.exact)
        return _days(a.start.year if a.start else ref.year, month, d1, d2)
    return yearless(fn, f"XXXX-{month:02d}-{d1:02d}/XXXX-{month:02d}-{d2:02d}")


@form("range_dm", r"(?<![\d.,])(?P<d1>{DNUM}|{DORD}){SEP}(?P<d2>{DNUM}|{DORD})\s+(?:of\s+)?{MON:m}(?:,?\s*{YEAR:y})?",
      first="#ord #num #dd",
      needs=(r"^(?:\d{1,2}|[a-z]+(?:[\s-][a-z]+)?)(?:st|nd|rd|th)?\s*(?:-|–|—|to|until|till|through|thru|and)\s*(?:\d|[a-z])",
             "{MONTH}"))
def range_dm(g: Groups) -> Read:
    """4 to 22 January 1995, 3 until 12 of Sept, 2 and 7 Feb."""
    return _month_range(g)


@form("range_d_md", r"(?<=\bfrom )(?P<d1>{DNUM}){SEP}{MON:m}\s*(?P<d2>{DNUM})(?!\s*[:%])(?:,?\s*{YEAR:y})?",
      first="#dd", needs=(r"^\d{1,2}\s*(?:-|–|—|to|until|till|through|thru|and)\s*{MONTH}",))
def range_d_md(g: Groups) -> Read:
    """from 4 to January 22, 1995; from 02 to April 07."""
    return _month_range(g, by_last=True)


@form("range_drel", r"(?<![\d.,])(?P<d1>{DNUM}){SEP}(?P<d2>{DNUM})\s+(?:(?:of|in)\s+)?(?P<rel>this|next|last|previous)\s+month\b",
      first="#dd",
      needs=(r"^\d{1,2}(?:st|nd|rd|th)?\s*(?:-|–|—|to|until|till|through|thru|and)\s*\d", r"\bmonth\b"))
def range_drel(g: Groups) -> Read:
    """4 to 22 this month, 4-23 in next month."""
    d1, d2 = _day_pair(g)
    off = _REL_OFFSET[g.low("rel")]

    def fn(ref: date) -> When:
        first = add_months(ref.replace(day=1), off)
        return _days(first.year, first.month, d1, d2)
    return relative(fn, f"XXXX-XX-{d1:02d}/XXXX-XX-{d2:02d}")


@form("range_md", r"{MON:m}\s*(?:between\s+)?(?P<d1>{DNUM}){SEP}(?P<d2>{DNUM})(?!\s*[:%])(?:,?\s*{YEAR:y})?",
      first="#month",
      needs=(r"^{MONTH}\.?\s*(?:between\s+)?\d{1,2}(?:st|nd|rd|th)?\s*(?:-|–|—|to|until|till|through|thru|and)\s*\d",))
def range_md(g: Groups) -> Read:
    """November 19-20, November 19 to 20, Feb between 2-7 2018."""
    return _month_range(g)


# "in" right before a month: "In January 25 people", "in March 12 firms" (a month, then a count)
_IN_BEFORE = re.compile(r"\bin\s+\Z", re.I)


def _day_month(g: Groups) -> Read:
    """A day of a named month: its year given, else by the tense of the clause (and the weekday if named)."""
    d = _day_number(g.req("d"))
    month = month_of(g.req("m"))
    ys = g("y")
    if ys:
        return fixed(_make_day(year_of(ys), month, d))
    # no year: the mdy form must not swallow "May 5 people" (a modal, a number, a noun), nor "In January 25 people
    # took part" ("in" takes a month, "on" a day); "the Aug. 7 bombings" is a day
    if g.form == "mdy" and g.req("d").isdigit() and COUNT_NOUN.match(g.text, g.end) \
            and (g.low("m").rstrip(".") in vocab().cap or _IN_BEFORE.search(g.text, max(0, g.start - 12), g.start)):
        raise Skip
    if not g.req("d")[:1].isdigit() and _year_words().match(g.text, g.begin("d")):
        raise Skip  # "January nineteen ninety-seven" is a month of a year, not 19 January
    wd = weekday_of(g.req("wd")) if g("wd") else None
    when = told(g.text, g.start, g.end)

    def fn(ref: date, anchor: Anchor) -> When:
        w = _day_near(month, d, ref, when.tense, when.firm or not anchor.exact)
        if wd is None or w.start is None or w.start.isoweekday() == wd:
            return w
        # "Saturday 20 November" with no year: the year, next to the latest, in which the weekday fits
        for y in (w.start.year + 1, w.start.year - 1):
            try:
                if date(y, month, d).isoweekday() == wd:
                    return _day(date(y, month, d))
            except ValueError:
                continue
        return w
    return yearless(fn, f"XXXX-{month:02d}-{d:02d}")


@form("dmy", r"(?:(?P<wd>{WD}),?\s+(?:the\s+)?)?(?P<d>{DAY})\.?(?:\s*|-)(?:of\s+)?{MON:m}(?:(?:\s*,?\s*|-|\s+in\s+){YEAR:y})?",
      first="#weekday #ord #num #dd",
      needs=(r"^(?:[a-z]+\.?,?\s+(?:the\s+)?)?[a-z0-9]+(?:[\s-][a-z]+)?\.?(?:\s*|-)(?:of\s+)?{MONTH}",))
def dmy(g: Groups) -> Read:
    """Friday 3 February 2025, 1st Jan, 22 of Jan, the tenth of September."""
    return _day_month(g)


@form("mdy", r"(?:(?P<wd>{WD}),?\s+)?{MON:m}\s*[-/.]?\s*(?:the\s+)?(?P<d>{DNUM}|{DORD}|{DCARD})(?!\s*(?:%|per\s?cent|[:.]\d))"
             r"(?:(?:\s*,\s*|\s+|\s+in\s+){YEAR:y})?",
      first="#weekday #month",
      needs=(r"^(?:[a-z]+\.?,?\s+)?{MONTH}\.?\s*[-/.]?\s*(?:the\s+)?(?:\d|first|second|third|[a-z]+th\b|twenty|thirty|[a-z]+teen\b)",))
def mdy(g: Groups) -> Read:
    """Monday January 12th, 2016; Feb. 1, 2025; Oct-2; May twenty-first; September the 21st nineteen seventy eight."""
    return _day_month(g)


@form("d_relmonth", r"(?:the\s+)?(?P<d>{DAY})\s+of\s+(?P<rel>this|next|last|previous)\s+month\b",
      first="the #ord #num #dd", needs=(r"^(?:the\s+)?[a-z0-9-]+(?:\s[a-z]+)?\s+of\s+[a-z]+\s+month\b",))
def d_relmonth(g: Groups) -> Read:
    """the 20th of next month, 31st of this month."""
    d = _day_number(g.req("d"))
    off = _REL_OFFSET[g.low("rel")]

    def fn(ref: date) -> When:
        first = add_months(ref.replace(day=1), off)
        return _make_day(first.year, first.month, d)
    return relative(fn, f"XXXX-XX-{d:02d}")


@form("the_nth", r"(?:(?:(?<=\bon )|(?<=\bfor )|(?<=\bby )|(?<=\buntil )|(?<=\bsince )|(?<=\bfrom ))the\s+"
                 r"|(?<=\bof )the\s+(?=(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)|[A-Za-z]))"  # "of the 18th", not "Of the 18,"
                 r"(?P<d>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?|{DORD}|thirty)(?!\d|[.,]\d)(?=\s*(?:[.!?;)]|\Z|,\s))",
      first="the", needs=(r"^the\s+(?:\d|twenty|thirty|[a-z-]*(?:st|nd|rd|th|first|second|third|fifth|eighth|ninth|twelfth)\b)",))
def the_nth(g: Groups) -> Read:
    """on the 27th, for the 21st, until the second, the morning of the 18th: that day of the current month, or of
    the last ("Of the 18, 14 reached the final" is a count: after "of", only an ordinal is a day)."""
    d = ordinal_of(g.req("d"), 31)

    def fn(ref: date) -> When:
        first = ref.replace(day=1) if d <= ref.day else add_months(ref.replace(day=1), -1)
        for back in range(0, 12):
            mo = add_months(first, -back)
            if d <= calendar.monthrange(mo.year, mo.month)[1]:
                return _day(mo.replace(day=d))
        return When(f"XXXX-XX-{d:02d}")  # pragma: no cover
    return relative(fn, f"XXXX-XX-{d:02d}")


def _month_day(g: Groups, a: int, b: int) -> Read:
    """A yearless month and day in digits, day first unless that gives no month."""
    d, mo = (a, b) if g.dayfirst else (b, a)
    if mo > 12 and d <= 12:
        d, mo = mo, d
    if mo > 12 or mo < 1 or d < 1 or d > 31:
        raise Skip
    when = told(g.text, g.start, g.end)
    return yearless(lambda ref, anchor: _day_near(mo, d, ref, when.tense, when.firm or not anchor.exact),
                    f"XXXX-{mo:02d}-{d:02d}")


_AMOUNT_AFTER = re.compile(r"\s*(?:million|billion|trillion|bn|m\b|%)")
_FROM_TO = re.compile(r"from\s+\d{1,2}[/.\-]\d{1,2}\s+to\s*\Z", re.I)


@form("on_md", r"(?:(?<=\bon )|(?<=\bfrom )|(?<=\bsince )|(?<=\buntil )|(?<=\bto ))(?P<a>\d{1,2})(?P<s>[/.\-])(?P<b>\d{1,2})"
               r"(?![\d%]|[.\-/]\d|\s*of\b)",
      first="#dd", needs=(r"^\d{1,2}[/.\-]\d",))
def on_md(g: Groups) -> Read:
    """on 4.22, on 22/04, from 10/1: a month and day after a date preposition."""
    a, b = int(g.req("a")), int(g.req("b"))
    text, start, end = g.text, g.start, g.end
    if g("s") == "." and (b > 31 or text[max(0, start - 3):start].lower() != "on "):
        raise Skip  # "from 1.27 million" is a number
    if COUNT_NOUN.match(text, end) or _AMOUNT_AFTER.match(text[end:end + 12]):
        raise Skip  # "from 10-15 years ago"
    if text[max(0, start - 3):start].lower().strip() == "to" and not _FROM_TO.search(text[max(0, start - 20):start]):
        raise Skip  # "cut to 3/4" is a fraction
    return _month_day(g, a, b)


@form("slash_md", r"(?<![\d.,/\-])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\d%/]|[.,]\d)", first="#dd", needs=(r"^\d{1,2}/\d",))
def slash_md(g: Groups) -> Read:
    """4/22, 22/04: a slash date whose order is certain (one side above 12); 3/4 is a fraction, 24/7 a phrase."""
    a, b = int(g.req("a")), int(g.req("b"))
    if (a, b) == (24, 7) or not ((a > 12) != (b > 12)):
        raise Skip
    return _month_day(g, a, b)


@form("wd_the_d", r"(?P<wd>{WDFULL}),?\s+the\s+(?P<d>{DNUM}|{DORD}|{DCARD})(?!\s+[a-z])", first="#weekday", needs=(r"^[a-z]+,?\s+the\s",))
def wd_the_d(g: Groups) -> Read:
    """Thursday the 21st, Friday the fifteen: the month nearest publication in which that day is that weekday."""
    wd = weekday_of(g.req("wd"))
    d = _day_number(g.req("d"))

    def fn(ref: date) -> When:
        first = ref.replace(day=1)
        for step in range(0, 24):
            mo = add_months(first, (step + 1) // 2 * (1 if step % 2 == 0 else -1))
            try:
                cand = mo.replace(day=d)
            except ValueError:
                continue
            if cand.isoweekday() == wd:
                return _day(cand)
        return When(f"XXXX-XX-{d:02d}")
    return relative(fn, f"XXXX-XX-{d:02d}")
