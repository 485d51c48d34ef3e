"""Calendar arithmetic for dates: resolved values (When), month steps that clamp, weeks, seasons, quarters, parts.

Stdlib only.  Every function takes a reference day where it needs one and
returns a ``When``: a TIMEX3 value with its inclusive first and last day.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable

Ref = date | None


Resolver = Callable[[Ref], "When | None"]


@dataclass(frozen=True)
class When:
    """A resolved date: TIMEX3 value and inclusive first/last day (None when unresolved or impossible).

    ``kind`` is the claim kind it makes: ``date``, or ``duration`` for a span
    read as a length ("the past few weeks" -> PXW), or ``set`` for a recurrence,
    whose ``rate`` says how often: (2.0, "week") for "twice a week".
    """

    timex: str
    start: date | None = None
    end: date | None = None
    kind: str = "date"
    rate: tuple[float | None, str] | None = None


def _day(d: date) -> When:
    return When(d.isoformat(), d, d)


def _month(y: int, m: int) -> When:
    return When(f"{y:04d}-{m:02d}", date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1]))


def _year(y: int) -> When:
    return When(f"{y:04d}", date(y, 1, 1), date(y, 12, 31))


def _make_day(y: int, m: int, d: int) -> When:
    """A day, or an impossible day (31 April) kept with its timex and no interval."""
    try:
        return _day(date(y, m, d))
    except ValueError:
        return When(f"{y:04d}-{m:02d}-{d:02d}")


def add_months(d: date, n: int) -> date:
    """``d`` moved by ``n`` calendar months, the day clamped (31 Jan + 1 month = 28/29 Feb)."""
    y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
    m += 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


_UNIT_DAYS = {"D": 1, "W": 7, "F": 14}


_UNIT_MONTHS = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}


def shift(d: date, n: int, unit: str) -> date:
    """``d`` moved by ``n`` units (D day, W week, F fortnight, M month, Y year, DE decade, CE century)."""
    if unit in _UNIT_DAYS:
        return d + timedelta(days=n * _UNIT_DAYS[unit])
    return add_months(d, n * _UNIT_MONTHS[unit])


def _week(d: date) -> When:
    y, w, _ = d.isocalendar()
    mon = d - timedelta(days=d.weekday())
    return When(f"{y:04d}-W{w:02d}", mon, mon + timedelta(days=6))


def _weekend(d: date) -> When:
    y, w, _ = d.isocalendar()
    mon = d - timedelta(days=d.weekday())
    return When(f"{y:04d}-W{w:02d}-WE", mon + timedelta(days=5), mon + timedelta(days=6))


_SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _season(y: int, code: str) -> When:
    first = date(y, _SEASON_MONTHS[code], 1)
    last = add_months(first, 3) - timedelta(days=1)
    return When(f"{y:04d}-{code}", first, last)


def _quarter(y: int, q: int) -> When:
    first = date(y, 3 * q - 2, 1)
    return When(f"{y:04d}-Q{q}", first, add_months(first, 3) - timedelta(days=1))


def _half(y: int, h: int) -> When:
    first = date(y, 6 * h - 5, 1)
    return When(f"{y:04d}-H{h}", first, add_months(first, 6) - timedelta(days=1))


def _fiscal(y: int) -> When:
    """Fiscal year Y: countries differ (US October Y-1 to September Y, UK April Y to March Y+1), so the days
    are the union of both readings; the TIMEX3 value is the year, as TimeML writes "fiscal 1989"."""
    return When(f"{y:04d}", date(y - 1, 10, 1), date(y + 1, 3, 31))


def _decade(y0: int) -> When:
    """A decade: TIMEX3 writes the 1990s "199" (the year with its last digit dropped, as "19" is a century)."""
    return When(f"{y0 // 10:03d}", date(y0, 1, 1), date(y0 + 9, 12, 31))


def _part(w: When, part: str | None) -> When:
    """The early/mid/late part of a week, month, year, decade or century; the timex stays the whole unit's.

    Weeks, months and years split in halves ("late last year" is July to December), "the beginning/end of"
    a year in thirds ("the end of 2000" is September to December), the middle of a year is May to August,
    decades and centuries in their first four, middle three and last three tenths ("the late 1990s": 1997-99).
    """
    if not part or w.start is None or w.end is None:
        return w
    p = re.sub(r"[\s-]+", " ", part.lower()).strip()
    p = p[4:] if p.startswith("the ") else p
    kind = "early" if p in ("early", "beginning of", "start of") else "late" if p in ("late", "end of") else "mid"
    days = (w.end - w.start).days + 1
    if days > 400:
        y0, n = w.start.year, w.end.year - w.start.year + 1
        a, b = {"early": (0.0, 0.4), "mid": (0.4, 0.7), "late": (0.7, 1.0)}[kind]
        return When(w.timex, date(y0 + round(n * a), 1, 1), date(y0 + round(n * b) - 1, 12, 31))
    year = days >= 300
    thirds = year and p.endswith(" of")
    a, b = {"early": (0.0, 1 / 3 if thirds else 0.5), "late": (2 / 3 if thirds else 0.5, 1.0),
            "mid": (1 / 3, 2 / 3) if year else (0.25, 0.75)}[kind]
    if year:  # whole months
        return When(w.timex, add_months(w.start, round(12 * a)), add_months(w.start, round(12 * b)) - timedelta(days=1))
    s = w.start + timedelta(days=int(days * a))
    e = w.start + timedelta(days=max(int(days * b) - 1, int(days * a)))
    return When(w.timex, s, e)


def _join(a: When, b: When) -> When:
    """The interval from ``a`` to ``b``, with an ISO 8601 interval timex (2009/2010)."""
    start = a.start
    end = b.end
    if start is not None and end is not None and end < start:
        return When(f"{a.timex}/{b.timex}")
    return When(f"{a.timex}/{b.timex}", start, end)


def _merge_refs(a: When, b: When) -> When:
    """One value for the two ends of a partial publication date: the union of days, the common timex (a set or a
    duration stays one: "twice a week" in a paper dated 2005 is still a recurrence)."""
    if a.timex == b.timex:
        return When(a.timex, a.start, b.end if b.end and (a.end is None or b.end > a.end) else a.end, a.kind, a.rate)
    tx = []
    for ca, cb in zip(a.timex, b.timex):
        if ca != cb:
            break
        tx.append(ca)
    rest = a.timex[len(tx):]
    timex = "".join(tx) + re.sub(r"\d", "X", rest)
    starts = [d for d in (a.start, b.start) if d]
    ends = [d for d in (a.end, b.end) if d]
    return When(timex, min(starts) if starts else None, max(ends) if ends else None, a.kind, a.rate)


def _latest_year(month: int, ref: date) -> int:
    """The year of the latest month named ``month`` that starts on or before ``ref``."""
    return ref.year if month <= ref.month else ref.year - 1


def _latest_month(month: int, ref: date) -> When:
    """The latest month named ``month`` that starts on or before ``ref``: "in August" in Feb 2025 -> 2024-08."""
    return _month(_latest_year(month, ref), month)


def _latest_day(month: int, day: int, ref: date) -> When:
    """The latest month-day on or before the reference month: "Oct. 2" on 2016-11-07 -> 2016-10-02."""
    if day > calendar.monthrange(2000, month)[1]:
        return When(f"XXXX-{month:02d}-{day:02d}")  # 30 February exists in no year
    y = ref.year if (month, day) <= (ref.month, ref.day) or month < ref.month else ref.year - 1
    if month == 2 and day == 29:  # the latest leap year
        while not calendar.isleap(y):
            y -= 1
    return _make_day(y, month, day)


def _day_near(month: int, day: int, ref: date, tense: str | None, firm: bool = False) -> When:
    """A yearless day: the latest on or before the reference when told as past, the next on or after it when told
    as future, else whichever is nearer ("on 3 March" in a text of 1 February is next month's).  A day a tense
    told further off in the clause (not ``firm``ly) puts a year away gives way to one close on the other side:
    "to repatriate the child by Jan. 14" on 15 January was yesterday, "has invited them to a ceremony on March
    12" on 16 February is next month; "was held on 3 March" stays last year's."""
    past = _latest_day(month, day, ref)
    if past.start is None:
        return past
    y = past.start.year + (0 if past.start >= ref else 1)
    while True:
        try:
            nxt = date(y, month, day)
            break
        except ValueError:  # 29 February: the next leap year
            y += 1
    back, ahead = ref - past.start, nxt - ref
    if tense == "past" and (firm or not (back > _YEAR_OFF and ahead <= _CLOSE)):
        return past
    if tense == "future" and (firm or not (ahead > _YEAR_OFF and back <= _CLOSE)):
        return _day(nxt)
    return _day(nxt) if ahead < back else past


_YEAR_OFF = timedelta(days=300)
_CLOSE = timedelta(days=45)
# a feast told in the past may still be the coming one a week ahead ("as Easter week began"), not a fortnight
# ahead ("sales fell at Christmas", said on 10 December, is last year's)
_HOLIDAY_CLOSE = timedelta(days=7)


def easter(y: int) -> date:
    """Gregorian Easter Sunday of year ``y`` (the anonymous Gregorian computus)."""
    a, (b, c) = y % 19, divmod(y, 100)
    d, e = divmod(b, 4)
    g = (b - (b + 8) // 25 + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * el) // 451
    month, day = divmod(h + el - 7 * m + 114, 31)
    return date(y, month, day + 1)


def holiday(rule: str, y: int) -> date:
    """The day a holiday rule of dates.tsv gives in year ``y``: "12-25" fixed, "easter-2" counted from Easter,
    "nth:4:4:11" the fourth Thursday (ISO 4) of November, "nth:-1:1:5" the last Monday of May."""
    if rule.startswith("easter"):
        return easter(y) + timedelta(days=int(rule[6:] or 0))
    if rule.startswith("nth:"):
        n, wd, mo = (int(x) for x in rule[4:].split(":"))
        if n > 0:
            first = date(y, mo, 1)
            return first + timedelta(days=(wd - first.isoweekday()) % 7 + 7 * (n - 1))
        last = date(y, mo, calendar.monthrange(y, mo)[1])
        return last - timedelta(days=(last.isoweekday() - wd) % 7)
    mo, d = (int(x) for x in rule.split("-"))
    return date(y, mo, d)


def _holiday_near(rule: str, ref: date, tense: str | None, rel: str = "", firm: bool = False) -> When:
    """A holiday named without its year: "this"/"last"/"next" as said, else as _day_near reads a yearless
    day (the latest when told as past, the next when told as future, else the nearer; but a past that puts it a
    year back, when told further off in the clause (not ``firm``ly), gives way to one days ahead: "as Easter week
    began" six days before Easter)."""
    this, prev, nxt = holiday(rule, ref.year), holiday(rule, ref.year - 1), holiday(rule, ref.year + 1)
    if rel == "this":
        return _day(this)
    if rel == "last":
        return _day(this if this < ref else prev)
    if rel == "next":
        return _day(this if this > ref else nxt)
    past = this if this <= ref else prev
    future = this if this >= ref else nxt
    back, ahead = ref - past, future - ref
    if tense == "past" and (firm or not (back > _YEAR_OFF and ahead <= _HOLIDAY_CLOSE)):
        return _day(past)
    if tense == "future":
        return _day(future)  # "back by Christmas" in January: a year ahead is how feasts are awaited
    return _day(future if ahead < back else past)


def _weekday_near(wd: int, ref: date, future: bool, today: bool = False) -> date:
    """The weekday nearest the reference: the latest on or before it, or with future cues the next after it (or
    the reference day itself when ``today``: "will meet on Thursday" in Thursday's paper is that day)."""
    if future:
        return ref + timedelta(days=(wd - ref.isoweekday()) % 7 or (0 if today else 7))
    return ref - timedelta(days=(ref.isoweekday() - wd) % 7)


def _week_monday(ref: date, offset_weeks: int = 0) -> date:
    return ref - timedelta(days=ref.weekday()) + timedelta(weeks=offset_weeks)


_REL_OFFSET = {"this": 0, "current": 0, "last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1,
               "upcoming": 1, "following": 1}


def _unit_code(u: str) -> str:
    u = u.lower().rstrip("s")
    return {"day": "D", "week": "W", "fortnight": "F", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE",
            "centurie": "CE", "century": "CE"}[u]


def _unit_when(ref: date, unit: str, offset: int) -> When:
    """The calendar week/month/year/decade/century ``offset`` units from the one holding ``ref``."""
    if unit == "W":
        return _week(_week_monday(ref, offset))
    if unit == "M":
        d = add_months(ref.replace(day=1), offset)
        return _month(d.year, d.month)
    if unit == "Q":
        q = add_months(date(ref.year, (ref.month - 1) // 3 * 3 + 1, 1), 3 * offset)
        return _quarter(q.year, (q.month - 1) // 3 + 1)
    if unit == "Y":
        return _year(ref.year + offset)
    if unit == "DE":
        return _decade(ref.year // 10 * 10 + 10 * offset)
    if unit == "CE":
        c = ref.year // 100 + offset
        return When(f"{c:02d}", date(c * 100, 1, 1), date(c * 100 + 99, 12, 31))
    raise ValueError(unit)


def _at_unit(d: date, unit: str) -> When:
    """The day, week, month, quarter or year holding ``d``, by the unit a relative phrase counted in."""
    if unit in ("D",):
        return _day(d)
    if unit in ("W", "F"):
        return _week(d)
    if unit == "M":
        return _month(d.year, d.month)
    if unit == "Q":
        return _quarter(d.year, (d.month - 1) // 3 + 1)
    return _year(d.year)


_GRANULARITY = (("D", re.compile(r"\d{4}-\d\d-\d\d")), ("W", re.compile(r"\d{4}-W\d\d")), ("M", re.compile(r"\d{4}-\d\d")),
                ("Q", re.compile(r"\d{4}-Q[1-4]")), ("Y", re.compile(r"\d{4}")))


def granularity(w: When) -> str | None:
    """The calendar unit a resolved date names (D, W, M, Q or Y), None for anything else (a range, a season)."""
    for unit, pat in _GRANULARITY:
        if pat.fullmatch(w.timex):
            return unit
    return None


def _unanchored_unit(unit: str) -> str:
    return {"W": "XXXX-WXX", "M": "XXXX-XX", "Q": "XXXX-QX", "Y": "XXXX", "DE": "XXXX", "CE": "XXXX"}.get(unit, "XXXX-XX-XX")
