"""NC203 elapsed-time-mismatch: an elapsed time that does not fit the event it counts from and the publication date."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import lru_cache
from typing import Iterator

from ...extract.dates import add_months
from ...extract.dates.durations import duration_length
from ...datafiles import table
from ...model import Claim, Finding
from ...text import alternation
from ...numfmt import between, days
from ..base import Check, ClaimsByStart, Context
from ._common import dates_of, days_of, sentence_near


def _months_between(a: date, b: date) -> float:
    """Calendar months from a to b, with the part month as a fraction of 30.44 days."""
    whole = (b.year - a.year) * 12 + (b.month - a.month)
    if add_months(a, whole) > b:
        whole -= 1
    return whole + (b - add_months(a, whole)).days / 30.44


def _elapsed(a: date, b: date, unit: str) -> float:
    if unit == "Y":
        return _months_between(a, b) / 12
    if unit == "M":
        return _months_between(a, b)
    if unit == "W":
        return (b - a).days / 7
    return float((b - a).days)


_UNIT_NAME = {"Y": "years", "M": "months", "W": "weeks", "D": "days"}

ANNIVERSARY_REACH = 120  # characters after "anniversary of" in which its year is read
AFTER_REACH = 90         # characters after "<duration> after" in which the event's date is read
# "Six months after the March flood, the town is ...": the time elapsed to now, told in the present
_AFTER = re.compile(r"\s+after\s+", re.I)
_PRESENT = re.compile(r"\b(?:is|are|has|have|remains?|still|now|continues?|stands?)\b", re.I)
_DEADLINE = re.compile(r"\b(?:within|in|up\s+to|for|until|by|no\s+later\s+than)\s+$", re.I)
_PAST_MAIN = re.compile(r"\b(?:was|were|had|did)\b", re.I)


def _after_clause(ctx: Context, c: Claim, dates: ClaimsByStart, p0: date) -> list[Claim]:
    """The dated event of "<duration> after <event in date>", when the sentence tells the time up to now."""
    text = ctx.text
    m = _AFTER.match(text, c.end)
    if not m or _DEADLINE.search(text, max(0, c.start - 20), c.start):
        return []  # "within 30 days after the report": a deadline, not a time elapsed
    s0, s1 = ctx.sentences.span(c.start)
    event = next((d for d in dates.between(m.end(), min(s1, m.end() + AFTER_REACH))), None)
    if event is None or re.search(r"[,;:]", text[m.end():event.start]):
        return []
    main = text[s0:c.start] + " " + text[event.end:s1]
    if not _PRESENT.search(main) or _PAST_MAIN.search(main):
        return []  # "Two years after the invasion, the city was ...": a time in the past, not up to now
    e0, e1 = days_of(event)
    if e1 >= p0 and not _YEAR.search(event.text):
        # a time elapsed since the event puts it in the past: "the January election" in a September paper is
        # the January before, whatever year a yearless month resolves to elsewhere
        return [_year_before(event, p0)]
    return [] if e1 >= p0 else [event]


_YEAR = re.compile(r"\b\d{4}\b|['\u2019]\d\d\b")


def _year_before(event: Claim, p0: date) -> Claim:
    """A yearless date moved to its last occurrence before ``p0`` (same month and day)."""
    e0, e1 = days_of(event)
    shift = e1.year - p0.year + (1 if (e1.month, e1.day) >= (p0.month, p0.day) else 0)
    def back(d: date) -> date:
        return d.replace(year=d.year - shift) if not (d.month == 2 and d.day == 29) else d.replace(year=d.year - shift, day=28)
    return replace(event, date_start=back(e0).isoformat(), date_end=back(e1).isoformat())


@lru_cache(maxsize=1)
def _anniversary() -> re.Pattern[str]:
    words = [w for w, _ in table("ordinals.tsv", ("word", "value"))]
    tens = [w for w, _, role in table("number_words.tsv", ("word", "value", "role")) if role == "ten"]
    ordinal = (r"\d+(?:st|nd|rd|th)|(?:" + alternation(tens) + r"[\s-])?" + alternation(words))
    return re.compile(r"\b(?P<n>" + ordinal + r")\s+anniversary\s+of\b", re.I)


def _ordinal_value(said: str) -> int | None:
    """ "33rd" -> 33, "sixth" -> 6, "twenty-fifth" -> 25."""
    m = re.fullmatch(r"(\d+)(?:st|nd|rd|th)", said, re.I)
    if m:
        return int(m.group(1))
    ordinals = {w.lower(): int(v) for w, v in table("ordinals.tsv", ("word", "value"))}
    numbers = {w.lower(): int(v) for w, v, role in table("number_words.tsv", ("word", "value", "role")) if role == "ten"}
    parts = re.split(r"[\s-]+", said.lower())
    if len(parts) == 1:
        return ordinals.get(parts[0])
    if len(parts) == 2 and parts[0] in numbers and parts[1] in ordinals:
        return numbers[parts[0]] + ordinals[parts[1]]
    return None


_ON = re.compile(r"\s*(?:on\s*(?:[,.;:—–)]|-\s|\Z|from\b|since\b)|since\b)", re.I)


class ElapsedTimeMismatch(Check):
    """An elapsed time ("six months on") that does not fit the dated event it counts from and the publication date.

    What it flags:
    "<duration> on", "<duration> since <date>" or, told in the present,
    "<duration> after <dated event>" ("Two years after the 2003 invasion, the
    city is still without power") where no dated event it can count from is
    that long before the publication date; and "the Nth anniversary of <event
    in year>" where the year plus N is not within a year of publication.  The
    event is one of the earlier dates in the text, or the date that follows
    "since", "on from" or "after".  The elapsed time is read loosely: "nearly
    six" allows 4.5 to 6, "six" allows 4.8 to 7.2 (a fifth either way, at
    least one unit), and it is flagged only when no day of any such event
    fits.  The message shows the nearest event.

    Why it matters:
    Elapsed times go stale: a story updated months after it was first written
    keeps its "three months on".  The publication date makes the arithmetic
    checkable.

    Anti-pattern:
        (published 2025-02-01) Ukraine launched an offensive in August. Nearly nine months on, it holds ground.

    Best practice:
        (published 2025-02-01) Ukraine launched an offensive in August. Nearly six months on, it holds ground.

    Options:
    Needs a publication date; without one the check is silent.
    """

    code = "NC203"
    name = "elapsed-time-mismatch"
    severity = "warning"
    WINDOW = 1200

    def run(self, ctx: Context) -> Iterator[Finding]:
        if ctx.published is None:
            return
        p0, p1 = ctx.published, ctx.published_end or ctx.published
        text = ctx.text
        dates = ClaimsByStart([c for c in dates_of(ctx) if c.date_start and c.date_end and "/" not in (c.timex or "")])
        lead = len(text) - len(text.lstrip())  # a date at the very top is a dateline
        for c in ctx.claims:
            if c.kind != "duration" or not c.timex or c.range or c.within_date:
                continue  # "two years" of "two years ago" is the date's: the date claim is read
            length = duration_length(c.timex)
            if length is None:
                continue
            n, unit = length
            after = _ON.match(text, c.end)
            if after:
                # "six months since the flood in August", "five years on from their inception": the event follows
                since = bool(re.search(r"(?:since|from)\s*\Z", after.group(0), re.I))
                events = self._events(ctx, c, dates, p0, since, lead)
            else:
                events = _after_clause(ctx, c, dates, p0)
            if not events:
                continue
            lo_ok, hi_ok = self._allowed(n, c.qualifier)
            spans = []
            for event in events:
                e0, e1 = days_of(event)
                spans.append((_elapsed(e1, p0, unit), _elapsed(e0, p1, unit)))
            if any(hi >= lo_ok - 1e-9 and lo <= hi_ok + 1e-9 for lo, hi in spans):
                continue  # some dated event it may count from fits
            event, (lo_el, hi_el) = events[0], spans[0]
            e0, e1 = days_of(event)
            uname = _UNIT_NAME[unit]
            allowed = between(lo_ok, hi_ok, render=lambda x: f"{x:g}") if hi_ok != float("inf") else f"more than {lo_ok:g}"
            yield ctx.finding(
                self, c.start, c.end,
                f"{c.text} counted from {event.text} ({days(e0, e1)}) does not fit publication "
                f"on {p0.isoformat()}: the time elapsed is {between(lo_el, hi_el, render=lambda x: f'{x:.1f}')} {uname} "
                f"({between((p0 - e1).days, (p1 - e0).days)} days), the text allows {allowed} {uname}",
                related=[ctx.related(event, "the event counted from")],
                evidence={"event": [event.date_start, event.date_end], "published": p0.isoformat(),
                          "elapsed": [round(lo_el, 2), round(hi_el, 2)], "allowed": [lo_ok, hi_ok], "unit": unit},
            )

        yield from self._anniversaries(ctx, dates, p0, p1)

    def _anniversaries(self, ctx: Context, dates: ClaimsByStart, p0: date, p1: date) -> Iterator[Finding]:
        """ "the 33rd anniversary of the uprising in 1973": the Nth anniversary of a year is that year plus N, which
        a text about it tells within a year of publication."""
        text = ctx.text
        for m in _anniversary().finditer(text):
            n = _ordinal_value(m.group("n"))
            s1 = ctx.sentences.span(m.start())[1]
            event = next((d for d in dates.between(m.end(), min(s1, m.end() + ANNIVERSARY_REACH))
                          if d.timex and re.fullmatch(r"\d{4}", d.timex)), None)
            if n is None or event is None:
                continue
            year = days_of(event)[0].year
            if p0.year - 1 <= year + n <= p1.year + 1:
                continue
            right = p0.year - year if p0.year == p1.year else None
            yield ctx.finding(
                self, m.start("n"), m.end("n"),
                f"the {m.group('n')} anniversary of {event.text} falls in {year + n}; the text was published on "
                f"{p0.isoformat()}" + (f", {right} years on" if right is not None else ""),
                related=[ctx.related(event, "the event counted from")],
                evidence={"event": event.date_start, "published": p0.isoformat(), "anniversary": n, "year": year + n})

    @staticmethod
    def _allowed(n: float, qualifier: str) -> tuple[float, float]:
        """The elapsed times a stated duration allows, read loosely: news rounds elapsed times."""
        if qualifier in ("<", "<="):
            return n - max(1.0, 0.25 * n), n
        if qualifier in (">", ">="):
            return n, float("inf")
        slack = max(1.0, 0.2 * n)
        return max(0.0, n - slack), n + slack

    def _events(self, ctx: Context, c: Claim, dates: ClaimsByStart, p0: date, since: bool, lead: int) -> list[Claim]:
        """The dated events an elapsed time may count from, nearest first."""
        text = ctx.text
        def usable(d: Claim) -> bool:
            d0, d1 = days_of(d)
            return d1 < p0 and not (d0 == d1 == p0)
        if since:  # the date must follow closely in the same sentence, or the event is named but not dated
            s_lo, s_hi = sentence_near(ctx, c)
            return [d for d in dates.between(c.end, min(s_hi, c.end + 60)) if usable(d)][:1]
        out = []
        for d in reversed(dates.before(c.start, self.WINDOW + 200)):
            if d.end <= c.start and c.start - d.end <= self.WINDOW and usable(d) and d.start > 0:
                if d.start <= lead and "\n" in text[d.end:c.start]:
                    continue  # a dateline, not an event
                out.append(d)
        return out


CHECK = ElapsedTimeMismatch()
