"""NC205 first-since-contradicted: a "first time since <year>" the same text contradicts."""
from __future__ import annotations

import re
from typing import Iterator

from ...model import Finding
from ..base import Check, ClaimsByStart, Context
from ._common import dates_of, days_of


# "the first time since 1945", "for the first time since 1998": only "first", whose last time is one event
_FIRST_SINCE = re.compile(r"\bfirst\s+time\b[\w\s'’,-]{0,40}?\bsince\s+\Z", re.I)

# "the last time was in 1998", "it last happened in 1998": generic phrases that name the same event
_LAST_TIME = re.compile(
    r"\b(?:the\s+last\s+time\b[^.!?\n]{0,60}?\b(?:was|were)|last\s+(?:did\s+so|happened|occurred|took\s+place))"
    r"\s+(?:in|back\s+in)\s+\Z", re.I)


class FirstSinceContradicted(Check):
    """A "first time since <year>" that the same text contradicts: it names another last time, or a future year.

    What it flags:
    "the first time since 1990" when the text says nearby that the last time
    was in another year ("the last time was in 1998"), or when the year is
    after the publication date.  The suggestion, when the other last time is a
    plain year, is that year.

    Why it matters:
    "First since" is a claim about a record; when the same story gives the
    record another year, one of the two is wrong.

    Anti-pattern:
        It was the first time since 1990 that the club won the title; the last time was in 1998.

    Best practice:
        It was the first time since 1998 that the club won the title; the last time was in 1998.

    Options:
    The publication date, when known, also flags a "since" year in the future.
    """

    code = "NC205"
    name = "first-since-contradicted"
    severity = "warning"
    fix = "unsafe"
    WINDOW = 600

    def run(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        dates = dates_of(ctx)
        sinces = [c for c in dates if c.date_start and _FIRST_SINCE.search(text, max(0, c.start - 60), c.start)]
        if not sinces:
            return
        last_index = ClaimsByStart([c for c in dates if c.date_start
                               and _LAST_TIME.search(text, max(0, c.start - 110), c.start)])
        for s in sinces:
            s0 = days_of(s)[0]
            sy = s0.year
            if ctx.published is not None and ctx.published_end is not None and s0 > ctx.published_end:
                yield ctx.finding(
                    self, s.start, s.end,
                    f"since {s.text} counts from {s.date_start}, after publication on {ctx.published.isoformat()}",
                    evidence={"since": s.date_start, "published": ctx.published.isoformat()},
                )
                continue
            for last in last_index.between(s.start - self.WINDOW, s.start + self.WINDOW + 1):
                if last is s:
                    continue
                l0, l1 = days_of(last)
                ly0, ly1 = l0.year, l1.year
                if ly0 <= sy <= ly1:
                    continue
                yield ctx.finding(
                    self, s.start, s.end,
                    f"first since {s.text} says it last happened in {sy}, but the text says it last happened "
                    f"in {last.text}",
                    related=[ctx.related(last, "the last time the text names")],
                    evidence={"since": sy, "last": [ly0, ly1]},
                    suggestion=last.text if len(last.text) == 4 and last.text.isdigit() else None,
                )
                break


CHECK = FirstSinceContradicted()
