"""The time kinds: a date with its weekday, and an elapsed time counted from a dated event to the publication date.

Dates are read on the page with the calendar module's month and day names.  A
date without a year takes the year the publication date implies (the one that
puts it nearest the publication day), which is what a reader does; a site is
kept only when the original weekday or elapsed time is right for that year.
"""
from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Iterator

from .corpora import Article
from .sites import Site, Target

_WEEKDAY = "|".join(calendar.day_name)
_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_MONTH = "|".join(sorted((m.capitalize() for m in _MONTHS), key=len, reverse=True))
_YEAR = r"(?P<year>(?:19|20)\d\d)(?!\s*(?:GMT|BST|UTC|local|hrs|hours|h\b))"  # "1 March 2000 GMT" is a time
# "Tuesday, March 9", "Tuesday (March 9, 2004)", "Friday Oct. 13"
_WD_MONTH_DAY = rf"\b(?P<wd>{_WEEKDAY})\s*[,(]?\s*(?P<mon>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?!\d)(?:st|nd|rd|th)?(?:,?\s+{_YEAR})?"
# "Tuesday 9 March", "Tuesday, the 9th of March 2004"
_WD_DAY_MONTH = rf"\b(?P<wd>{_WEEKDAY})\s*[,(]?\s*(?:the\s+)?(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon>{_MONTH})\b\.?(?:\s+{_YEAR})?"
# "March 9 (Tuesday)", "March 9, 2004, a Tuesday"
_MONTH_DAY_WD = rf"\b(?P<mon>{_MONTH})\.?\s+(?P<day>\d{{1,2}})(?:,?\s+{_YEAR})?\s*[,(]\s*(?:a\s+)?(?P<wd>{_WEEKDAY})\b"
WEEKDAY_FORMS = tuple(re.compile(p) for p in (_WD_MONTH_DAY, _WD_DAY_MONTH, _MONTH_DAY_WD))

_NUMBER_WORDS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen "
    "seventeen eighteen nineteen twenty".split())}
_NUMBER_WORDS.update({"thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90})
_COUNT = r"(?P<n>\d{1,3}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
_UNITS = {"year": 365.25, "month": 30.4375, "week": 7.0, "day": 1.0}
_UNIT = r"(?P<unit>years|months|weeks|days)"
# "five years ago", "six months after the March flood", "ten years since the 1995 quake", "nearly six months on"
_DURATION = re.compile(rf"\b{_COUNT}[\s-]+{_UNIT}\s+(?P<rel>ago|after|since|on(?=\s*[,;.]|\s+from\b))\b", re.I)
# a span that is not an elapsed time up to now: "within 30 days after", "for 90 days since", "every two years after"
_NOT_ELAPSED = re.compile(r"\b(?:within|for|in|every|up\s+to|than|at\s+least|next|another)\s+(?:about\s+|some\s+)?$", re.I)
# the date of an "ago" stands right beside it: "two years ago, in 1995", "in March 2003, two years ago"
_AGO_AFTER = re.compile(r"^\s*,?\s*(?:in|on|back\s+in)\s+")
_AGO_BEFORE = re.compile(r"\s*,?\s*$")
# "the 60th anniversary of the end of the war in 1945"
_ANNIVERSARY = re.compile(r"\b(?P<n>\d{1,3}(?:st|nd|rd|th))\s+anniversary\s+of\b(?P<rest>[^.;]{0,90})", re.I)
# a dated event: "in 1997", "the March flood", "March 2003", "Dec. 26, 2004", "the 2004 tsunami"
_EVENT = re.compile(rf"\b(?:(?P<mon>{_MONTH})\.?(?:\s+(?P<day>\d{{1,2}})(?!\d))?(?:,?\s+{_YEAR})?|{_YEAR.replace('year', 'y2')})\b")
REACH = 60   # characters after "after"/"since" or around "ago" in which the event's date is looked for
BACK = 400   # characters before "N months on" in which the event it counts from is looked for


def word_value(token: str) -> int | None:
    """12, "12th", "twelve" -> 12; None for anything else."""
    digits = re.match(r"\d+", token)
    return int(digits.group()) if digits else _NUMBER_WORDS.get(token.lower())


def value_word(n: int) -> str | None:
    """6 -> "six" for the counts written in words here; None beyond them."""
    return next((w for w, v in _NUMBER_WORDS.items() if v == n), None)


def published_day(published: str | None) -> date | None:
    """The publication day; None unless the date is exact to the day (a weekday or day count needs the day)."""
    if not published or len(published) < 10:
        return None
    return date.fromisoformat(published[:10])


def weekdays(article: Article) -> Iterator[Site]:
    """A date written with its weekday: break the weekday, or the day of the month."""
    text = article.text
    seen: set[int] = set()
    for form in WEEKDAY_FORMS:
        for m in form.finditer(text):
            if m.start() in seen:
                continue
            seen.add(m.start())
            day = _weekday_date(m, article.published)
            if day is None:
                yield Site("weekday", ((m.start(), m.end()),), (), "unchecked:no year for the date")
                continue
            ok = calendar.day_name[day.weekday()] == m.group("wd")
            targets = (Target(m.start("wd"), m.end("wd"), "weekday"),
                       Target(m.start("day"), m.end("day"), "day"))
            yield Site("weekday", ((m.start(), m.end()),), targets, "ok" if ok else "inconsistent",
                       f"{day.isoformat()} is a {calendar.day_name[day.weekday()]}")


def _weekday_date(m: re.Match[str], published: str | None) -> date | None:
    month = _MONTHS[m.group("mon").lower()]
    d = int(m.group("day"))
    years = [int(m.group("year"))] if m.group("year") else _years_near(published)
    pub = published_day(published)
    candidates = []
    for y in years:
        try:
            candidates.append(date(y, month, d))
        except ValueError:
            continue
    if not candidates:
        return None
    return min(candidates, key=lambda c: abs((c - pub).days)) if pub and not m.group("year") else candidates[0]


def _years_near(published: str | None) -> list[int]:
    if not published:
        return []
    y = int(published[:4])
    return [y - 1, y, y + 1] if len(published) >= 10 else [y]


def elapsed(article: Article) -> Iterator[Site]:
    """An elapsed time from a dated event to the publication day: "six months after the March flood"."""
    pub = published_day(article.published)
    if pub is None:
        return
    text = article.text
    for m in _DURATION.finditer(text):
        if _NOT_ELAPSED.search(text[max(0, m.start() - 16):m.start()]):
            continue
        unit = m.group("unit").lower()[:-1]
        event = _event_of(text, m, pub)
        if event is not None:
            yield _elapsed_site(m, "n", unit, event, pub, (m.start(), m.end()))
    for m in _ANNIVERSARY.finditer(text):
        y = re.search(r"\b(?:19|20)\d\d\b", m.group("rest"))
        if y:
            year = int(y.group())
            yield _elapsed_site(m, "n", "year", (date(year, 1, 1), date(year, 12, 31)), pub, (m.start(), m.end()))


def _elapsed_site(m: re.Match[str], group: str, unit: str, event: tuple[date, date], pub: date,
                  span: tuple[int, int]) -> Site:
    """A site whose count must lie in the elapsed range the event's days give (one unit of slack for rounding)."""
    size = _UNITS[unit]
    low = (pub - event[1]).days / size
    high = (pub - event[0]).days / size
    n = word_value(m.group(group)) or 0
    ok = low - 0.75 <= n <= high + 0.75 and n > 0
    note = f"{event[0]}..{event[1]} to {pub} is {low:.1f}-{high:.1f} {unit}s"
    return Site("elapsed", (span,), (Target(m.start(group), m.end(group), "count", low - 1.5, high + 1.5),),
                "ok" if ok else "inconsistent", note)


def _event_of(text: str, m: re.Match[str], pub: date) -> tuple[date, date] | None:
    """The dated event an elapsed time counts from: the nearest date before "N months on", the date beside
    "N years ago", the first date after "after"/"since" within REACH."""
    rel = m.group("rel").lower()
    if rel == "on":
        return _last_event(text[max(0, m.start() - BACK):m.start()], pub)
    if rel == "ago":
        after = _AGO_AFTER.match(text, m.end())
        if after:
            beside = _EVENT.match(text, after.end())
            return _event_days(beside, pub) if beside else None
        before = text[max(0, m.start() - 24):m.start()]
        found = [e for e in _EVENT.finditer(before) if _AGO_BEFORE.fullmatch(before[e.end():])]
        return _event_days(found[-1], pub) if found else None
    return _first_event(text[m.end():m.end() + REACH], pub)


def _events(window: str, pub: date) -> list[tuple[date, date]]:
    """The dated events named in a stretch of text, as day intervals, in text order; only those before ``pub``."""
    out = []
    for m in _EVENT.finditer(window):
        iv = _event_days(m, pub)
        if iv is not None and iv[0] <= pub:
            out.append(iv)
    return out


def _first_event(window: str, pub: date) -> tuple[date, date] | None:
    found = _events(window, pub)
    return found[0] if found else None


def _last_event(window: str, pub: date) -> tuple[date, date] | None:
    found = _events(window, pub)
    return found[-1] if found else None


def _event_days(m: re.Match[str], pub: date) -> tuple[date, date] | None:
    """The days an event's date covers: a year, a month (of the year given, else the last before publication), a day."""
    if m.group("y2"):
        y = int(m.group("y2"))
        return date(y, 1, 1), date(y, 12, 31)
    month = _MONTHS[m.group("mon").lower()]
    if m.group("mon").lower() == "may" and not (m.group("day") or m.group("year")):
        return None  # "may" is more often a verb
    year = int(m.group("year")) if m.group("year") else (pub.year if month <= pub.month else pub.year - 1)
    last = calendar.monthrange(year, month)[1]
    if m.group("day"):
        d = int(m.group("day"))
        if not 1 <= d <= last:
            return None
        return date(year, month, d), date(year, month, d)
    return date(year, month, 1), date(year, month, last)
