"""NC201 weekday-mismatch: a date names a weekday the calendar does not give that day."""
from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Iterator

from ...extract.dates import weekday_span
from ...model import Finding
from ..base import Check, Context
from ._common import WEEKDAYS, dates_of


_MONTH_WORD = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|\d", re.I)


class WeekdayMismatch(Check):
    """A date names a weekday that the calendar does not give that day.

    What it flags:
    "Friday 3 February 2025": 3 February 2025 was a Monday.  Only a weekday
    written with its day and month counts (a lone "on Friday" is resolved to a
    Friday, so it cannot clash); a date without a year takes the year nearest
    the publication date.  The finding is on the date; the suggestion is the
    date with the weekday the calendar gives, written in the same form ("Fri"
    -> "Mon").

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
        for c in dates_of(ctx):
            if c.date_start is None or c.date_start != c.date_end or "/" in (c.timex or ""):
                continue
            found = weekday_span(c.text)
            if found is None:
                continue
            w0, w1, wd = found
            if not _MONTH_WORD.search(c.text[:w0] + c.text[w1:]):
                continue  # "Friday" alone is resolved to a Friday; only a weekday with a stated day can clash
            day = date.fromisoformat(c.date_start)
            if day.isoweekday() == wd:
                continue
            yield ctx.finding(
                self, c.start, c.end,
                f"{day.day} {calendar.month_name[day.month]} {day.year} was a {WEEKDAYS[day.isoweekday() - 1]}, "
                f"not a {WEEKDAYS[wd - 1]}",
                evidence={"date": c.date_start, "stated_weekday": WEEKDAYS[wd - 1],
                          "calendar_weekday": WEEKDAYS[day.isoweekday() - 1]},
                suggestion=c.text[:w0] + _weekday_as(c.text[w0:w1], day.isoweekday()) + c.text[w1:],
            )


def _weekday_as(word: str, iso: int) -> str:
    """The weekday ``iso`` written as ``word`` writes one: "Friday" -> "Monday", "FRI." -> "MON.", "thurs" -> "mon"."""
    core = word.rstrip(".")
    full = WEEKDAYS[iso - 1]
    name = full if core.lower().endswith("day") else full[:3]
    name = name.upper() if core.isupper() and len(core) > 1 else name.lower() if core.islower() else name
    return name + word[len(core):]


CHECK = WeekdayMismatch()
