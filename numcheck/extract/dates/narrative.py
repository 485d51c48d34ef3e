"""Anaphoric forms: dates told relative to what the text has just named, not to the publication day.

"Profit rose in the third quarter ... from $2m a year earlier" is the third
quarter of last year; "the latest quarter" is the quarter the story is about;
"later that year" is the year the narrative has moved to.  These forms resolve
against the ``Focus`` (form.py): the latest day, quarter and date the text
named before them.  With nothing named yet they fall back on the publication
day ("the quarter" is the latest one completed by then).
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from .arith import When, _at_unit, _day, _latest_day, _month, _part, _quarter, _year, add_months, granularity
from .context import clause_before
from .form import Focus, Groups, Read, Skip, anaphoric, fixed, form
from .vocab import count_of, month_of

# the shared first condition of the forms below that start with a common word ("the", "that", "earlier"): a
# calendar word within five words, so most places those words stand are turned away by one test
UNIT_AHEAD = (r"^(?:[a-z0-9'’]+[\s-]+){1,5}?(?:day|week|month|quarter|period|year|decade|centur(?:y|ie))s?\b")

_QUARTER_WORD = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}


def _latest_quarter(ref: date) -> When:
    """The latest quarter completed by ``ref``: the one before the quarter holding it."""
    first = date(ref.year, (ref.month - 1) // 3 * 3 + 1, 1)
    return _at_unit(first - timedelta(days=1), "Q")


def _years_back(w: When, n: int) -> When:
    """``w`` moved ``n`` years back at its own granularity (a quarter stays a quarter, a day a day)."""
    unit = granularity(w)
    if w.start is None or unit is None:
        return w
    return _at_unit(add_months(w.start, -12 * n), unit)


# a reported period longer than a quarter named earlier in the sentence: "For the nine months, net was $5m, against
# $4m a year earlier" compares nine months with nine months, which TimeML writes as last year, not a quarter
_LONGER_PERIOD = re.compile(r"\bnine[\s-]+months?\b|\bthe\s+(?:full\s+|fiscal\s+)?year\b(?![-\s](?:ago|earlier|before))", re.I)


def longer_period_before(text: str, start: int) -> bool:
    """Whether the sentence before ``start`` names a reported period longer than a quarter."""
    return _LONGER_PERIOD.search(clause_before(text, start, 300)) is not None


def _focus_quarter(ref: date, focus: Focus) -> When:
    return focus.quarter if focus.quarter is not None else _latest_quarter(ref)


# "... ended Sept. 30", "... ending July 31": the day a reported period ends on
_ENDED = re.compile(r"\s+(?:that\s+)?end(?:ed|s|ing)\s+(?P<m>[A-Z][a-z]{2,8})\.?\s+(?P<d>[0-3]?\d)\b")

# the modifiers of an anaphoric quarter or period: "the year-ago quarter", "the latest period", "the 1988 second
# quarter", "next year's first quarter", "the comparable year-earlier period"
_PERIOD_MODS = (r"year[-\s](?:ago|earlier)|comparable|corresponding|same|latest|most\s+recent|just[-\s]ended|recent"
                r"|fiscal|(?P<rel>last|next|this)\s+year['’]s|(?P<y>[12]\d{3})")


@form("period_ref", r"(?:\bthe\s+|\b)(?P<mods>(?:(?:" + _PERIOD_MODS + r")[\s-]+)*)"
                    r"(?:(?P<n>first|second|third|fourth|1st|2nd|3rd|4th)[\s-]+)?(?P<u>quarter|period)\b"
                    r"(?P<ago>\s+(?:a\s+year\s+(?:ago|earlier)|of\s+last\s+year|last\s+year))?",
      first="the year comparable corresponding same latest most just recent fiscal last next this #y",
      needs=(UNIT_AHEAD, r"^(?:the\s+)?(?:[a-z0-9'’]+[\s-]+){0,5}?(?:quarter|period)\b",))
def period_ref(g: Groups) -> Read:
    """the quarter, the latest quarter, the latest period, the year-ago quarter, the 1988 second quarter, the
    quarter a year ago, next year's first quarter: the quarter in focus, moved as the words say."""
    mods = g.low("mods")
    if g.low("u") == "period" and not mods:
        raise Skip  # "the period" alone names no quarter
    if g("n") and not mods and not g("ago"):
        raise Skip  # "the third quarter": the quarter forms read it
    if not g.whole.lower().startswith("the") and not mods:
        raise Skip  # a bare "quarter" is a fraction or a district
    back = 1 if "year-ago" in mods.replace(" ", "-") or "year-earlier" in mods.replace(" ", "-") or g("ago") else 0
    rel = g.low("rel")
    back -= {"next": 1, "last": -1}.get(rel, 0)
    n = _QUARTER_WORD.get(g.low("n"))
    ys = g("y")
    ended = _ENDED.match(g.text, g.end)
    month_day = (month_of(ended.group("m")), int(ended.group("d"))) if ended else None

    def fn(ref: date, focus: Focus) -> When:
        if month_day is not None and n is None:  # "the quarter ended Sept. 30": the quarter holding that day
            end_day = _latest_day(*month_day, ref)
            if end_day.start is not None:
                return _at_unit(end_day.start, "Q")
        base = _focus_quarter(ref, focus)
        start = base.start or ref
        y, q = start.year, (start.month - 1) // 3 + 1
        if rel:
            y = ref.year
        if n is not None:
            q = n
        if ys:
            y = int(ys)
        return _quarter(y - back, q)
    return anaphoric(fn, "XXXX-QX", moves=not back and not ys)


@form("year_ago_adj", r"\byear[-\s](?P<w>ago|earlier)\b(?![-\s](?:quarter|period))", first="year",
      needs=(r"^year[-\s](?:ago|earlier)\b",))
def year_ago_adj(g: Groups) -> Read:
    """"year-earlier profit", "the year-ago results": the quarter in focus a year back, else last year."""
    if g.start > 0 and g.text[g.start - 1] in "-":
        raise Skip

    def fn(ref: date, focus: Focus) -> When:
        if focus.quarter is not None:
            return _years_back(focus.quarter, 1)
        return _year(ref.year - 1)
    return anaphoric(fn, "XXXX", moves=False)


@form("units_apart", r"(?P<n>{N})\s*(?P<u>days?|weeks?|months?|years?)\s+(?P<dir>earlier|later)\b",
      first="#num #dd #ddd", needs=(r"^[a-z0-9]+\s*(?:days?|weeks?|months?|years?)\s+(?:earlier|later)\b",))
def units_apart(g: Groups) -> Read:
    """a year earlier, two weeks later: the date in focus moved by that much, at its own granularity (a year
    before "the third quarter" is a quarter, before "Sept. 30" a day)."""
    n = count_of(g.low("n"))
    unit = g.low("u").rstrip("s")[0].upper()
    sign = -1 if g.low("dir") == "earlier" else 1
    months = {"M": 1, "Y": 12}.get(unit, 0)
    days = {"D": 1, "W": 7}.get(unit, 0)

    by_year = unit == "Y" and longer_period_before(g.text, g.start)

    def fn(ref: date, focus: Focus) -> When:
        if by_year:
            base_year = focus.quarter or focus.last
            y = base_year.start.year if base_year is not None and base_year.start is not None else ref.year
            return _year(y + sign * n)
        base = focus.quarter if unit == "Y" and focus.quarter is not None else focus.last
        if base is None or base.start is None:
            base = _at_unit(ref, unit)
        start = base.start or ref
        moved = add_months(start, sign * n * months) + timedelta(days=sign * n * days)
        own = granularity(base) or unit
        order = "DWMQY"
        return _at_unit(moved, own if order.index(own) <= order.index(unit if unit in order else "Y") else unit)
    return anaphoric(fn, "XXXX", moves=False)


@form("day_ref", r"\b(?:(?P<which>earlier|later)\s+(?:that|in\s+the)\s+day|(?:that|the)\s+same\s+day|that\s+day"
                 r"|the\s+(?P<step>next|following|previous)\s+day)\b",
      first="earlier later that the", needs=(UNIT_AHEAD, r"^(?:[a-z]+\s+){1,3}day\b",))
def day_ref(g: Groups) -> Read:
    """that day, the same day, later that day, later in the day, the next day, the previous day: the day in
    focus (the publication day when none was named), moved as the words say."""
    step = {"next": 1, "following": 1, "previous": -1}.get(g.low("step"), 0)

    def fn(ref: date, focus: Focus) -> When:
        d = focus.day.start if focus.day is not None and focus.day.start is not None else ref
        return _day(d + timedelta(days=step))
    return anaphoric(fn, "XXXX-XX-XX")


@form("year_ref", r"\b(?:(?P<which>earlier|later)\s+(?:that|in\s+the)\s+year|(?:that|the)\s+same\s+year|that\s+year"
                  r"|the\s+(?P<step>following|previous)\s+year|the\s+year\s+(?P<side>before|after)(?=\s*[,.;]))\b",
      first="earlier later that the", needs=(UNIT_AHEAD, r"^(?:[a-z]+\s+){1,3}year\b",))
def year_ref(g: Groups) -> Read:
    """that year, the same year, later that year, the following year, the previous year: the year in focus
    (the publication year when none was named), moved as the words say."""
    step = {"following": 1, "previous": -1}.get(g.low("step"), 0) + {"after": 1, "before": -1}.get(g.low("side"), 0)

    def fn(ref: date, focus: Focus) -> When:
        y = focus.last.start.year if focus.last is not None and focus.last.start is not None else ref.year
        return _year(y + step)
    return anaphoric(fn, "XXXX")


@form("month_ref", r"\b(?:(?P<which>earlier|later)\s+that\s+month|(?:that|the)\s+same\s+month|that\s+month"
                   r"|the\s+(?P<step>following|previous)\s+month)\b",
      first="earlier later that the", needs=(UNIT_AHEAD, r"^(?:[a-z]+\s+){1,3}month\b",))
def month_ref(g: Groups) -> Read:
    """that month, later that month, the following month: the month in focus, moved as the words say."""
    step = {"following": 1, "previous": -1}.get(g.low("step"), 0)

    def fn(ref: date, focus: Focus) -> When:
        d = focus.last.start if focus.last is not None and focus.last.start is not None else ref
        d = add_months(d.replace(day=1), step)
        return _month(d.year, d.month)
    return anaphoric(fn, "XXXX-XX")


# "Player of the Year", "footballer of the year", "album of the week"
_AWARD_BEFORE = re.compile(r"(?:\b[A-Z][\w'’-]*|\b(?:player|person|man|woman|team|car|book|album|song|record|coach|driver"
                           r"|manager|footballer|cricketer|athlete|word|story|goal|game|show|film|pick|event|deal))\s+of\s+\Z")
_WEEK = timedelta(days=7)
# "the year ended Sept. 30", "the fiscal year ending June 30": a reporting year, told as a length
_PERIOD_ENDED = re.compile(r"\s+(?:that\s+)?end(?:ed|s|ing)\b|\s+to\s+date\b")


@form("the_unit", r"\b(?:(?P<part>(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+|(?:early|late|mid)[\s-]+)the\s+|the\s+"
                  r"(?:(?P<mod>full|whole|entire|fiscal|calendar)\s+)?)(?P<u>year|month|week)\b"
                  r"(?![-\s](?:ago|earlier|before|after|later|old|of\b|in\s+review|\d|two\s+thousand|nineteen|twenty)"
                  r"|['’]s\s+(?:best|worst|top|biggest))",
      first="the end beginning start middle early late mid",
      needs=(UNIT_AHEAD, r"^(?:[a-z]+[\s-]+){1,4}(?:year|month|week)\b",))
def the_unit(g: Groups) -> Read:
    """the year, the full year, the week, the end of the year, mid-the-month: the unit the story is in (the year
    last named unless it lies ahead, else publication's); "the year ended Sept. 30" is a reporting year, the
    length P1Y."""
    unit = g.low("u")
    code = unit[0].upper()
    if _AWARD_BEFORE.search(g.text, max(0, g.start - 30), g.start):
        raise Skip  # "player of the year": an award, not a year
    if _PERIOD_ENDED.match(g.text, g.end):
        if g("part"):
            raise Skip
        return fixed(When(f"P1{code}", kind="duration"))
    part = g("part")

    def fn(ref: date, focus: Focus) -> When:
        told = focus.last.start if unit == "year" and focus.last is not None else None
        if unit == "week" and focus.day is not None and focus.day.start is not None \
                and timedelta(0) < ref - focus.day.start < _WEEK:
            told = focus.day.start  # Monday's paper on Friday's trading: "for the week" is Friday's
        # a year ahead of publication is a goal or a forecast ("a 50% share by 1992"), not the year told of
        d = told if told is not None and told.year <= ref.year else ref
        return _part(_at_unit(d, code), part)
    return anaphoric(fn, {"Y": "XXXX", "M": "XXXX-XX", "W": "XXXX-WXX"}[code])
