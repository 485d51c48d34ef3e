"""NC201 weekday-mismatch: a date names a weekday the calendar does not give that day."""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Iterator

from ...extract.dates import weekday_span
from ...model import Claim, Finding
from ..base import Check, Context
from ._common import WEEKDAYS, dates_of, days_of


_MONTH_WORD = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|\d", re.I)


class WeekdayMismatch(Check):
    """A date names a weekday that the calendar does not give that day.

    What it flags:
    "Friday 3 February 2025": 3 February 2025 was a Monday.  Only a weekday
    written with its day and month counts, in one date ("Wednesday, March 9")
    or with the date in brackets after it ("Thursday (Dec. 12)"); a lone "on
    Friday" is resolved to a Friday, so it cannot clash.  A date without a year
    is the day of that month within half a year of the publication date (with
    a publication date given as a year, any such day), not a year chosen to
    fit the weekday.  The finding is on the weekday's date; the suggestion is
    that date with the weekday the calendar gives, written in the same form
    ("Fri" -> "Mon").

    Why it matters:
    Readers plan by weekdays; a date and weekday that disagree send half of
    them to the wrong day, and the error survives every other check.

    Anti-pattern:
        The summit opened on Friday 3 February 2025.

    Best practice:
        The summit opened on Monday 3 February 2025.

    Options:
    The publication date chooses the year of a date written without one.
    """

    code = "NC201"
    name = "weekday-mismatch"
    severity = "error"
    fix = "safe"

    def run(self, ctx: Context) -> Iterator[Finding]:
        dates = dates_of(ctx)
        for c, said, w0, w1, wd, month, day in _stated(ctx.text, dates):
            days = _days_meant(ctx, c, said, month, day)
            if not days or any(d.isoweekday() == wd for d in days):
                continue
            d = days[0]
            yield ctx.finding(
                self, said.start, said.end,
                f"{d.day} {calendar.month_name[d.month]} {d.year} was a {WEEKDAYS[d.isoweekday() - 1]}, "
                f"not a {WEEKDAYS[wd - 1]}",
                related=[ctx.related(c, "the date")] if c is not said else [],
                evidence={"date": d.isoformat(), "stated_weekday": WEEKDAYS[wd - 1],
                          "calendar_weekday": WEEKDAYS[d.isoweekday() - 1]},
                suggestion=said.text[:w0] + _weekday_as(said.text[w0:w1], d.isoweekday()) + said.text[w1:],
            )


# "Thursday (Dec. 12)": a weekday, then its date in brackets
_BRACKETED = re.compile(r"^\s*\(\s*$")
_YEAR = re.compile(r"\b(?:1[6-9]|20)\d\d\b|['\u2019]\d\d\b")
YEAR_REACH = 183  # a yearless date is the one within half a year of publication


def _stated(text: str, dates: list[Claim]) -> Iterator[tuple[Claim, Claim, int, int, int, int, int]]:
    """(date claim, claim naming the weekday, weekday span in it, ISO weekday, month, day) of each dated weekday:
    "Friday 3 February 2025" in one claim, or "Thursday (Dec. 12)" in two."""
    for k, c in enumerate(dates):
        found = weekday_span(c.text)
        if found is None or not c.date_start or not c.date_end:
            continue
        w0, w1, wd = found
        said = c
        if not _MONTH_WORD.search(c.text[:w0] + c.text[w1:]):
            # "Friday" alone is resolved to a Friday; only a weekday with a stated day can clash
            nxt = dates[k + 1] if k + 1 < len(dates) else None
            if nxt is None or not _BRACKETED.match(text[c.end:nxt.start]) or weekday_span(nxt.text) is not None \
                    or not nxt.date_start or not nxt.date_end:
                continue
            c = nxt
        first, last = days_of(c)
        if (first.month, first.day) != (last.month, last.day) or "/" in (c.timex or ""):
            continue
        yield c, said, w0, w1, wd, first.month, first.day


def _days_meant(ctx: Context, c: Claim, said: Claim, month: int, day: int) -> list[date]:
    """The days a date can mean: the one it states with its year, or, without one, each day of that month and day
    within half a year of publication, nearest first (not the year the extractor chose to fit the weekday)."""
    first, last = days_of(c)
    if _YEAR.search(c.text) or _YEAR.search(said.text) or ctx.published is None:
        return [first] if first == last else []
    p0, p1 = ctx.published, ctx.published_end or ctx.published
    out = []
    for y in range(p0.year - 1, p1.year + 2):
        try:
            d = date(y, month, day)
        except ValueError:
            continue
        if p0 - timedelta(days=YEAR_REACH) <= d <= p1 + timedelta(days=YEAR_REACH):
            out.append(d)
    mid = p0 + (p1 - p0) / 2
    return sorted(out, key=lambda d: abs((d - mid).days))


def _weekday_as(word: str, iso: int) -> str:
    """The weekday ``iso`` written as ``word`` writes one: "Friday" -> "Monday", "FRI." -> "MON.", "thurs" -> "mon"."""
    core = word.rstrip(".")
    full = WEEKDAYS[iso - 1]
    name = full if core.lower().endswith("day") else full[:3]
    name = name.upper() if core.isupper() and len(core) > 1 else name.lower() if core.islower() else name
    return name + word[len(core):]


CHECK = WeekdayMismatch()
