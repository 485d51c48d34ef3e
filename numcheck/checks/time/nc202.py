"""NC202 impossible-date: a day no calendar has (31 April, 29 February in a common year)."""
from __future__ import annotations

import calendar
import re
from typing import Iterator

from ...model import Finding
from ..base import Check, Context
from ._common import dates_of


_DAY_TIMEX = re.compile(r"^(\d{4}|XXXX)-(\d\d)-(\d\d)$")


class ImpossibleDate(Check):
    """A day that no calendar has: `31 April`, `30 February`, `29 February` in a common year.

    What it flags:
    A day past the end of its month, in words or figures ("31/06/2021"), and
    29 February in a year that is not a leap year.  A date without a year is
    flagged only when no year has that day.

    Why it matters:
    An impossible date is a typo in a day or a month, so the date the reader
    takes away is wrong whichever part was mistyped.

    Anti-pattern:
        The deal was signed on 31 April 2024.

    Best practice:
        The deal was signed on 30 April 2024.

    Options:
    None.
    """

    code = "NC202"
    name = "impossible-date"
    severity = "error"

    def run(self, ctx: Context) -> Iterator[Finding]:
        for c in dates_of(ctx):
            if c.date_start is not None:
                continue
            for part in (c.timex or "").split("/"):
                m = _DAY_TIMEX.match(part)
                if not m:
                    continue
                y, mo, d = m.group(1), int(m.group(2)), int(m.group(3))
                if not 1 <= mo <= 12:
                    continue
                year = int(y) if y.isdigit() else 2000  # a leap year: only days no year has
                last = calendar.monthrange(year, mo)[1]
                if 1 <= d <= last:
                    continue
                name = calendar.month_name[mo]
                if mo == 2 and d == 29:
                    why = f"{year} is not a leap year, so February {year} has {last} days"
                else:
                    why = f"{name} has {last} days"
                yield ctx.finding(self, c.start, c.end, f"{c.text} does not exist: {why}",
                                  evidence={"timex": part, "days_in_month": last})
                break


CHECK = ImpossibleDate()
