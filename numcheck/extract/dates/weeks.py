"""Weekday and week forms: "Friday", "next Sunday", "Friday next week", "the first Friday of July", "week 10",
"the third week of October", "this weekend".

A bare weekday is the latest such day on or before publication, or the next
one after it when its clause speaks of the future ("will meet on Friday").
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from .arith import (
    When,
    _day,
    _latest_year,
    _REL_OFFSET,
    _week,
    _week_monday,
    _weekday_near,
    _weekend,
    add_months,
)
from .context import clause_before, tense
from .form import Focus, Groups, Read, Skip, Spanned, anaphoric, fixed, form, relative
from .vocab import count_of, month_of, _ord_words, ordinal_of, weekday_of, year_of

# names a weekday forms part of: "Good Friday", "Black Monday", "the Mail on Sunday" ...
_NOT_BEFORE = ("Good", "Black", "Bloody", "Easter", "Super", "Ash", "Palm", "Holy", "Maundy", "Shrove", "Cyber", "Whit",
               "Low", "Blue", "Manic", "Mail on", "Independent on", "Scotland on", "Wales on")
# ... and "Sunday Times", "Saturday Night Live" ("Friday's edition" is that day's)
_NOT_AFTER = (r"(?!\s+(?:Times|Telegraph|Mirror|Express|Herald|Post|Mail|Sport|Independent|Tribune|Star|Night\s+Live|People"
              r"|Business|Sunday|Magazine|Review|Edition|Programme|Show)\b)")


# a week the sentence names before a bare weekday: "Last week, ... on Monday", "next week ... on Friday"
_WEEK_TOLD = re.compile(r"\b(last|next)\s+week\b(?!['’]s)", re.I)
_QUOTE = re.compile(r"[\"“”]|''|``")


@form("weekday", r"(?:(?P<the>the\s+)?(?P<rel>this|next|last|coming|past|previous|preceding)\s+)?"
      + "".join(f"(?<!{w} )" for w in _NOT_BEFORE) + r"(?P<wd>{WDFULL})" + _NOT_AFTER,
      first="the #rel #weekday", needs=(r"^(?:the\s+)?(?:(?:this|next|last|coming|past|previous|preceding)\s+)?{WEEKDAY}",))
def weekday(g: Groups) -> Read:
    """this Friday, next Sunday, last Monday, Friday (standalone, not "Good Friday" or "Sunday Times"); "the
    previous Friday" is the one before the day the story is at."""
    wd = weekday_of(g.req("wd"))
    rel = g.low("rel")
    unanchored = f"XXXX-WXX-{wd}"
    if g("the") and rel not in ("previous", "preceding"):
        raise Skip  # "the next Friday", "the last Friday": left to the bare weekday
    if rel in ("previous", "preceding"):
        def before_focus(ref: date, focus: Focus) -> When:
            d = focus.day.start if focus.day is not None and focus.day.start is not None else ref
            return _day(d - timedelta(days=(d.isoweekday() - wd - 1) % 7 + 1))
        return anaphoric(before_focus, unanchored)
    if not rel:
        start = g.begin("wd")
        clause = clause_before(g.text, start)
        told = _WEEK_TOLD.search(clause)
        if told and not _QUOTE.search(clause, told.end()):  # "Last week, talks began on Monday": the week the sentence has moved to
            off = -1 if told.group(1).lower() == "last" else 1
            return Spanned(start, g.end, relative(lambda ref: _day(_week_monday(ref, off) + timedelta(days=wd - 1)),
                                                  unanchored))
        future = tense(g.text, start, g.end) == "future"
        return Spanned(start, g.end, relative(lambda ref: _day(_weekday_near(wd, ref, future, today=True)), unanchored))
    if rel in ("last", "past"):
        return relative(lambda ref: _day(ref - timedelta(days=(ref.isoweekday() - wd - 1) % 7 + 1)), unanchored)
    if rel == "coming":
        return relative(lambda ref: _day(_weekday_near(wd, ref, True)), unanchored)
    off = _REL_OFFSET[rel]
    return relative(lambda ref: _day(_week_monday(ref, off) + timedelta(days=wd - 1)), unanchored)


def _weekday_of_week(g: Groups) -> Read:
    off = _REL_OFFSET[g.low("rel")]
    wd = weekday_of(g.req("wd"))
    return relative(lambda ref: _day(_week_monday(ref, off) + timedelta(days=wd - 1)), f"XXXX-WXX-{wd}")


@form("week_wd", r"\b(?P<rel>this|next|last|previous)\s+week(?:'s)?\s+(?:on\s+)?(?P<wd>{WDFULL})", first="#rel",
      needs=(r"^[a-z]+\s+week", "{WEEKDAY}"))
def week_wd(g: Groups) -> Read:
    """next week on Friday, next week Sunday, this week Friday."""
    return _weekday_of_week(g)


@form("wd_week", r"(?P<wd>{WDFULL})\s+(?:of\s+)?(?P<rel>this|next|last|previous)\s+week\b", first="#weekday",
      needs=(r"^{WEEKDAY}[a-z]*\s+(?:of\s+)?[a-z]+\s+week\b",))
def wd_week(g: Groups) -> Read:
    """Friday next week, Sunday of next week."""
    return _weekday_of_week(g)


@form("ord_wd", r"(?<!\bthe )(?<!\ba )(?<!\bevery )\b(?P<n>first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)\s+(?P<wd>{WDFULL})"
                r"(?!\s+(?:of|in)\b|\s+[a-z])",
      first="#ord #dd", needs=(r"^[a-z0-9]+\s+{WEEKDAY}",))
def ord_wd(g: Groups) -> Read:
    """second Sunday, first Friday (of the current month)."""
    n = ordinal_of(g.req("n"))
    wd = weekday_of(g.req("wd"))

    def fn(ref: date) -> When:
        first = ref.replace(day=1)
        cand = first + timedelta(days=(wd - first.isoweekday()) % 7) + timedelta(weeks=n - 1)
        if cand.month != ref.month:
            return When(f"{ref.year:04d}-{ref.month:02d}-WXX-{wd}-#{n}")
        return _day(cand)
    return relative(fn, f"XXXX-XX-WXX-{wd}-#{n}")


@form("nth_wd", r"(?:the\s+)?(?P<n>{ORD})\s+(?P<wd>{WDFULL})\s+(?:of|in)\s+(?:(?P<rel>this|next|last|previous)\s+month\b|{MON:m}(?:\s+{Y4:y})?)",
      first="the #ord #dd", needs=(r"^(?:the\s+)?[a-z0-9]+\s+{WEEKDAY}",))
def nth_wd(g: Groups) -> Read:
    """the first Friday of July, the third Wednesday of previous month, the last Monday in May."""
    n = ordinal_of(g.req("n")) if g.low("n") != "last" else -1
    wd = weekday_of(g.req("wd"))
    rel, mon, ys = g("rel"), g("m"), g("y")

    def nth(y: int, mo: int) -> When:
        if n == -1:
            last = date(y, mo, calendar.monthrange(y, mo)[1])
            return _day(last - timedelta(days=(last.isoweekday() - wd) % 7))
        first = date(y, mo, 1)
        cand = first + timedelta(days=(wd - first.isoweekday()) % 7) + timedelta(weeks=n - 1)
        if cand.month != mo:
            return When(f"{y:04d}-{mo:02d}-WXX-{wd}-#{n}")
        return _day(cand)
    if mon and ys:
        return fixed(nth(int(ys), month_of(mon)))
    if mon:
        month = month_of(mon)
        return relative(lambda ref: nth(_latest_year(month, ref), month),
                        f"XXXX-{month:02d}-WXX-{wd}-#{n}")
    off = _REL_OFFSET[(rel or "this").lower()]

    def fn(ref: date) -> When:
        f = add_months(ref.replace(day=1), off)
        return nth(f.year, f.month)
    return relative(fn, f"XXXX-XX-WXX-{wd}-#{n}")


@form("n_weekdays", r"(?P<n>{N})\s+(?P<wd>mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)\s+from\s+now\b",
      first="#num #dd", needs=(r"^[a-z0-9]+\s+[a-z]+days\s+from\s+now\b",))
def n_weekdays(g: Groups) -> Read:
    """two sundays from now."""
    n = count_of(g.req("n"))
    wd = weekday_of(g.req("wd"))
    return relative(lambda ref: _day(_weekday_near(wd, ref, True) + timedelta(weeks=n - 1)), f"XXXX-WXX-{wd}")


def _week_in_month(n: int, y: int, mo: int) -> When:
    """Week ``n`` of a month (-1 the last): week 1 holds the month's first Thursday, as ISO weeks do for years."""
    if n == -1:
        last = date(y, mo, calendar.monthrange(y, mo)[1])
        return _week(last - timedelta(days=(last.isoweekday() - 4) % 7))
    first = date(y, mo, 1)
    thu = first + timedelta(days=(4 - first.isoweekday()) % 7)
    return _week(thu + timedelta(weeks=n - 1))


def _week_in_year(n: int, y: int) -> When:
    if n == -1:
        return _week(date(y, 12, 28))
    try:
        return _week(date.fromisocalendar(y, n, 1))
    except ValueError:
        raise Skip from None


@form("week_of", r"(?:\bthe\s+)?(?P<n>{ORD})\s+week\s+(?:of\s+|in\s+)?(?:(?P<rel>this|next|last|previous)\s+(?P<u>month|year)\b"
                 r"|{MON:m}(?:,?\s+{Y4:my})?|{YEAR:y})",
      first="the #ord #dd", needs=(r"^(?:the\s+)?[a-z0-9]+\s+week\b",))
def week_of(g: Groups) -> Read:
    """the first week of October, the last week of 2015, the third week of this month."""
    nword = g.low("n")
    n = -1 if nword == "last" else _ord_words(nword)
    if n is None or not (n == -1 or 1 <= n <= 53):
        raise Skip
    if g.low("u") == "month" or g("m"):
        mon = g("m")
        if mon is not None:
            month = month_of(mon)
            my = g("my")
            if my:
                return fixed(_week_in_month(n, int(my), month))
            return relative(lambda ref: _week_in_month(n, _latest_year(month, ref), month), "XXXX-WXX")
        off = _REL_OFFSET[g.low("rel")]

        def fn(ref: date) -> When:
            f = add_months(ref.replace(day=1), off)
            return _week_in_month(n, f.year, f.month)
        return relative(fn, "XXXX-WXX")
    ys = g("y")
    if ys:
        y = year_of(ys)
        return fixed(_week_in_year(n, y))
    off = _REL_OFFSET[g.low("rel")]
    return relative(lambda ref: _week_in_year(n, ref.year + off), "XXXX-WXX")


@form("week_num", r"\bweek\s+(?P<w>[1-9]|[1-4]\d|5[0-3])\b(?!\s*(?:of|in)\b|[.,]\d)(?:\s+(?:of\s+)?{Y4:y})?", first="week",
      needs=(r"^week\s+\d",))
def week_num(g: Groups) -> Read:
    """week 10, Week 31, week 5 2016: an ISO week."""
    w = int(g.req("w"))
    ys = g("y")
    if ys:
        try:
            return fixed(_week(date.fromisocalendar(int(ys), w, 1)))
        except ValueError:
            raise Skip from None

    def fn(ref: date) -> When:
        try:
            return _week(date.fromisocalendar(ref.isocalendar()[0], w, 1))
        except ValueError:
            return When(f"XXXX-W{w:02d}")
    return relative(fn, f"XXXX-W{w:02d}")


@form("weekend", r"\b(?P<rel>this|last|next|the|that|coming|past)\s+weekend\b", first="#rel the that", needs=(r"^[a-z]+\s+weekend\b",))
def weekend(g: Groups) -> Read:
    """this weekend, last weekend, next weekend; "the weekend" is the one its clause tells of: "talks held over
    the weekend" on a Monday the one just past, "will meet at the weekend" the coming one."""
    rel = g.low("rel")
    if rel == "that":
        raise Skip
    off = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(rel, 0)
    if rel != "the":
        return relative(lambda ref: _weekend(_week_monday(ref, off)), "XXXX-WXX-WE")
    when = tense(g.text, g.start, g.end)

    def fn(ref: date) -> When:
        this = _weekend(_week_monday(ref, 0))
        if this.start is not None and this.start <= ref:
            return this  # published on the weekend itself
        if when == "future" or when is None and ref.isoweekday() >= 4:
            return this
        return _weekend(_week_monday(ref, -1))
    return relative(fn, "XXXX-WXX-WE")
