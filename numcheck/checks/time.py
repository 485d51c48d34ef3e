"""NC2xx: time arithmetic inside one text — weekdays, impossible days, elapsed times, ages, "first since", tense.

Every check reads the date and duration claims of the extractor and the
publication date; checks that need the publication date stay silent without
one.  Each check prefers a miss to a false alarm: it fires only when the
arithmetic fails for every reading the text allows (every day of a month, both
birthdays of a year, the loosest reading of "nearly").
"""
from __future__ import annotations

import calendar
import re
from datetime import date
from typing import Iterator

from ..extract.dates import add_months, weekday_span
from ..extract.dates.durations import duration_length
from ..model import Claim, Finding
from ..numfmt import between, days, restate
from .base import Check, ClaimsByStart, Context

_WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
_DAY_TIMEX = re.compile(r"^(\d{4}|XXXX)-(\d\d)-(\d\d)$")
_MONTH_WORD = re.compile(
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b|\d", re.I)


def _d(s: str | None) -> date | None:
    return date.fromisoformat(s) if s else None


def _dates(ctx: Context) -> list[Claim]:
    return [c for c in ctx.claims if c.kind == "date"]


_SENTENCE_REACH = 600  # a sentence is read at most this far either side of a claim, so one endless sentence stays linear


def _sentence(ctx: Context, c: Claim) -> tuple[int, int]:
    """The sentence holding a claim (``Context.sentences``), cut to _SENTENCE_REACH characters either side of it."""
    lo, hi = ctx.sentences.span(c.start)
    return max(lo, c.start - _SENTENCE_REACH), min(max(hi, c.end), c.end + _SENTENCE_REACH)


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


class WeekdayMismatch(Check):
    """A date names a weekday that the calendar does not give that day.

    The finding is on the date; the suggestion is the date with the weekday
    the calendar gives, written in the same form ("Fri" -> "Mon").

    Anti-pattern: The summit opened on Friday 3 February 2025.
    Best practice: The summit opened on Monday 3 February 2025.
    """

    code = "NC201"
    name = "weekday-mismatch"
    severity = "error"
    fix = "safe"

    def run(self, ctx: Context) -> Iterator[Finding]:
        for c in _dates(ctx):
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
                f"{day.day} {calendar.month_name[day.month]} {day.year} was a {_WEEKDAYS[day.isoweekday() - 1]}, "
                f"not a {_WEEKDAYS[wd - 1]}",
                evidence={"date": c.date_start, "stated_weekday": _WEEKDAYS[wd - 1],
                          "calendar_weekday": _WEEKDAYS[day.isoweekday() - 1]},
                suggestion=c.text[:w0] + _weekday_as(c.text[w0:w1], day.isoweekday()) + c.text[w1:],
            )


def _weekday_as(word: str, iso: int) -> str:
    """The weekday ``iso`` written as ``word`` writes one: "Friday" -> "Monday", "FRI." -> "MON.", "thurs" -> "mon"."""
    core = word.rstrip(".")
    full = _WEEKDAYS[iso - 1]
    name = full if core.lower().endswith("day") else full[:3]
    name = name.upper() if core.isupper() and len(core) > 1 else name.lower() if core.islower() else name
    return name + word[len(core):]


class ImpossibleDate(Check):
    """A day that no calendar has: `31 April`, `30 February`, `29 February` in a common year.

    Anti-pattern: The deal was signed on 31 April 2024.
    Best practice: The deal was signed on 30 April 2024.
    """

    code = "NC202"
    name = "impossible-date"
    severity = "error"

    def run(self, ctx: Context) -> Iterator[Finding]:
        for c in _dates(ctx):
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


_ON = re.compile(r"\s*(?:on\s*(?:[,.;:—–)]|-\s|\Z|from\b|since\b)|since\b)", re.I)
_SPELLED = re.compile(r"\b(?:in|since|from)\s*\Z", re.I)


class ElapsedTimeMismatch(Check):
    """An elapsed time ("six months on") that does not fit the dated event it counts from and the publication date.

    The event is one of the earlier dates in the text (or, after "since" or
    "on from", the date that follows); the elapsed time is read loosely
    ("nearly six" allows 4.5 to 6, "six" allows 4.8 to 7.2: a fifth either way,
    at least one unit) and flagged only when no day of any such event gives an
    elapsed time in that range.  The message shows the nearest event.

    Anti-pattern: (published 2025-02-01) Ukraine launched an offensive in August. Nearly nine months on, ...
    Best practice: (published 2025-02-01) Ukraine launched an offensive in August. Nearly six months on, ...
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
        dates = ClaimsByStart([c for c in _dates(ctx) if c.date_start and c.date_end and "/" not in (c.timex or "")])
        lead = len(text) - len(text.lstrip())  # a date at the very top is a dateline
        for c in ctx.claims:
            if c.kind != "duration" or not c.timex or c.range:
                continue
            length = duration_length(c.timex)
            if length is None:
                continue
            after = _ON.match(text, c.end)
            if not after:
                continue
            n, unit = length
            # "six months since the flood in August", "five years on from their inception": the event follows
            since = bool(re.search(r"(?:since|from)\s*\Z", after.group(0), re.I))
            events = self._events(ctx, c, dates, p0, since, lead)
            if not events:
                continue
            lo_ok, hi_ok = self._allowed(n, c.qualifier)
            spans = []
            for event in events:
                e0, e1 = _d(event.date_start), _d(event.date_end)
                spans.append((_elapsed(e1, p0, unit), _elapsed(e0, p1, unit)))
            if any(hi >= lo_ok - 1e-9 and lo <= hi_ok + 1e-9 for lo, hi in spans):
                continue  # some dated event it may count from fits
            event, (lo_el, hi_el) = events[0], spans[0]
            assert event.date_start and event.date_end  # _events keeps dated claims only
            e0, e1 = _d(event.date_start), _d(event.date_end)
            uname = _UNIT_NAME[unit]
            allowed = between(lo_ok, hi_ok, render=lambda x: f"{x:g}") if hi_ok != float("inf") else f"more than {lo_ok:g}"
            yield ctx.finding(
                self, c.start, c.end,
                f"{c.text} on from {event.text} ({days(event.date_start, event.date_end)}) does not fit publication "
                f"on {p0.isoformat()}: the time elapsed is {between(lo_el, hi_el, render=lambda x: f'{x:.1f}')} {uname} "
                f"({between((p0 - e1).days, (p1 - e0).days)} days), the text allows {allowed} {uname}",
                related=[ctx.related(event, "the event counted from")],
                evidence={"event": [event.date_start, event.date_end], "published": p0.isoformat(),
                          "elapsed": [round(lo_el, 2), round(hi_el, 2)], "allowed": [lo_ok, hi_ok], "unit": unit},
            )

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
            return _d(d.date_end) < p0 and not (_d(d.date_start) == _d(d.date_end) == p0)
        if since:  # the date must follow closely in the same sentence, or the event is named but not dated
            s_lo, s_hi = _sentence(ctx, c)
            return [d for d in dates.between(c.end, min(s_hi, c.end + 60)) if usable(d)][:1]
        out = []
        for d in reversed(dates.before(c.start, self.WINDOW + 200)):
            if d.end <= c.start and c.start - d.end <= self.WINDOW and usable(d) and d.start > 0:
                if d.start <= lead and "\n" in text[d.end:c.start]:
                    continue  # a dateline, not an event
                out.append(d)
        return out


_BORN = re.compile(r"\b(?:born|b\.)\s+(?:in\s+|on\s+)?\Z", re.I)


class AgeBirthMismatch(Check):
    """An age that the stated birth year and the publication date cannot give.

    When the birth date and publication date give one age, the suggestion is
    that age written as the text writes the stated one; a birth year alone
    often allows two, and then there is none.

    Anti-pattern: (published 2025-02-01) The 58-year-old, born in 1960, ...
    Best practice: (published 2025-02-01) The 64-year-old, born in 1960, ...
    """

    code = "NC204"
    name = "age-birth-mismatch"
    severity = "warning"
    fix = "unsafe"

    def run(self, ctx: Context) -> Iterator[Finding]:
        if ctx.published is None:
            return
        p0, p1 = ctx.published, ctx.published_end or ctx.published
        text = ctx.text
        all_dates = _dates(ctx)
        births = [c for c in all_dates if c.date_start and _BORN.search(text, max(0, c.start - 12), c.start)]
        if not births:
            return
        birth_index, date_index = ClaimsByStart(births), ClaimsByStart(all_dates)
        ages = [c for c in ctx.claims if c.kind == "age" and c.value is not None and not c.range]
        for age in ages:
            s_lo, s_hi = _sentence(ctx, age)
            near = birth_index.between(s_lo, s_hi)
            others = [d for d in date_index.between(s_lo, s_hi) if d not in near]
            if len(near) != 1 or others:
                continue  # no birth date here, or the age may be told at another date
            b = near[0]
            assert b.date_start and b.date_end  # births are dated claims
            b0, b1 = _d(b.date_start), _d(b.date_end)
            lo = _age(b1, p0)
            hi = _age(b0, p1)
            if lo <= age.value <= hi:
                continue
            yield ctx.finding(
                self, age.start, age.end,
                f"{age.text} does not fit {b.text}: someone born {days(b.date_start, b.date_end)} is "
                f"{lo}-{hi} on {p0.isoformat()}" if lo != hi else
                f"{age.text} does not fit {b.text}: someone born then is {lo} on {p0.isoformat()}",
                related=[ctx.related(b, "the birth date")],
                evidence={"birth": [b.date_start, b.date_end], "published": p0.isoformat(), "age": [lo, hi]},
                suggestion=restate(age, lo) if lo == hi else None,
            )


def _age(born: date, on: date) -> int:
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


# "the first time since 1945", "for the first time since 1998": only "first", whose last time is one event
_FIRST_SINCE = re.compile(r"\bfirst\s+time\b[\w\s'’,-]{0,40}?\bsince\s+\Z", re.I)
# "the last time was in 1998", "it last happened in 1998": generic phrases that name the same event
_LAST_TIME = re.compile(
    r"\b(?:the\s+last\s+time\b[^.!?\n]{0,60}?\b(?:was|were)|last\s+(?:did\s+so|happened|occurred|took\s+place))"
    r"\s+(?:in|back\s+in)\s+\Z", re.I)


class FirstSinceContradicted(Check):
    """A "first time since <year>" that the same text contradicts: it names another last time, or a future year.

    Anti-pattern: It was the first time since 1990 that the club won the title; the last time was in 1998.
    Best practice: It was the first time since 1998 that the club won the title; the last time was in 1998.
    """

    code = "NC205"
    name = "first-since-contradicted"
    severity = "warning"
    fix = "unsafe"
    WINDOW = 600

    def run(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        dates = _dates(ctx)
        sinces = [c for c in dates if c.date_start and _FIRST_SINCE.search(text, max(0, c.start - 60), c.start)]
        if not sinces:
            return
        last_index = ClaimsByStart([c for c in dates if c.date_start
                               and _LAST_TIME.search(text, max(0, c.start - 110), c.start)])
        for s in sinces:
            sy = _d(s.date_start).year
            if ctx.published_end is not None and _d(s.date_start) > ctx.published_end:
                yield ctx.finding(
                    self, s.start, s.end,
                    f"since {s.text} counts from {s.date_start}, after publication on {ctx.published.isoformat()}",
                    evidence={"since": s.date_start, "published": ctx.published.isoformat()},
                )
                continue
            for last in last_index.between(s.start - self.WINDOW, s.start + self.WINDOW + 1):
                if last is s:
                    continue
                ly0, ly1 = _d(last.date_start).year, _d(last.date_end).year
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


# event verbs in the past tense (not reporting verbs: "said" reports plans as readily as events)
_PAST = re.compile(
    r"\b(?:was|were|had|did|launched|won|lost|died|killed|began|ended|took\s+place|happened|"
    r"occurred|signed|visited|arrived|left|released|published|elected|opened|closed|fell|rose|grew|held|"
    r"met|struck|hit|invaded|captured|attacked|crashed|resigned|married|became|came|went|saw)\b", re.I)
# the date must be the time of the clause: right after "on", "in" or "during" ("was signed on 3 March 2025"),
# not an attribute ("the bid for the 2012 Games")
_ADVERBIAL = re.compile(r"\b(?:on|in|during)\s+\Z", re.I)
_NOT_PAST = re.compile(
    r"\b(?:will|would|shall|could|might|may|can|'ll|’ll|due|expected|scheduled|planned|plans?|set\s+to|to\s+be|"
    r"until|till|by|before|ahead|next|from|upcoming|forecasts?|predicted|projected|target|aims?|hopes?|"
    r"intends?|deadline|ends?\s+in|runs?\s+(?:to|until)|through|expires?|valid|contract|deal\s+until|"
    r"if|unless|whether|should|must|earmarked|for\s+\w+ing|expect\w*|forecast\w*|predict\w*|plann?\w*|hop\w*|"
    r"is|are|am|be|being)\b", re.I)


_MODAL_AFTER = re.compile(r"[^.!?;\n]{0,30}?\b(?:may|might|will|would|could|should|is\s+expected|are\s+expected)\b",
                          re.I)


class PastEventAfterPublication(Check):
    """A past-tense event dated after the publication date.

    Anti-pattern: (published 2025-02-01) The treaty was signed on 3 March 2025.
    Best practice: (published 2025-02-01) The treaty will be signed on 3 March 2025.
    """

    code = "NC206"
    name = "past-event-after-publication"
    severity = "warning"

    def run(self, ctx: Context) -> Iterator[Finding]:
        if ctx.published_end is None:
            return
        text = ctx.text
        for c in _dates(ctx):
            if not c.date_start or "/" in (c.timex or "") or not re.search(r"\d{4}", c.text):
                continue  # only stated years: relative dates are anchored to publication already
            if _d(c.date_start) <= ctx.published_end:
                continue
            s_lo, _ = _sentence(ctx, c)
            before = text[max(s_lo, c.start - 60):c.start]
            if not _ADVERBIAL.search(before) or not _PAST.search(before) or _NOT_PAST.search(before):
                continue
            between = before[list(_PAST.finditer(before))[-1].end():]
            if re.search(r"[,;:]|\bthat\b", between):
                continue  # the past verb is in another clause, or reports one ("warned that ...")
            if _MODAL_AFTER.match(text, c.end):
                continue  # "earnings in 2005 may also slide"
            yield ctx.finding(
                self, c.start, c.end,
                f"{c.text} ({c.date_start}) is after publication on {ctx.published_end.isoformat()} "
                f"({(_d(c.date_start) - ctx.published_end).days} days later), but the sentence tells it as past",
                evidence={"date": c.date_start, "published": ctx.published_end.isoformat()},
            )


CHECKS: tuple[Check, ...] = (
    WeekdayMismatch(), ImpossibleDate(), ElapsedTimeMismatch(), AgeBirthMismatch(),
    FirstSinceContradicted(), PastEventAfterPublication(),
)
