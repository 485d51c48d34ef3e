"""Set forms: recurrences ("every month", "each summer", "daily", "twice a week", "on Mondays").

TIMEX3 calls them SETs.  The value follows the TimeML guidelines: a recurring
length is a duration ("every month" P1M, "every other week" P2W, "daily" P1D),
a recurring calendar point is that point with its unknown parts as X ("every
July" XXXX-07, "each summer" XXXX-SU, "every Monday night" XXXX-WXX-1TNI,
"every evening" XXXX-XX-XXTEV).  How often is carried by the claim's value and
unit, occurrences per unit: "twice a week" is 2 with unit "1 / week" (the
TIMEX3 freq attribute, 2X), "every other week" 0.5 per week.
"""
from __future__ import annotations

import re

from .arith import When
from .form import Groups, Read, Skip, fixed, form
from .vocab import _num_words, month_of, vocab, weekday_of

# a recurring unit: its TIMEX3 duration code and the unit its rate is counted in
_UNIT = {"hour": ("PT1H", "hour"), "day": ("P1D", "day"), "week": ("P1W", "week"), "fortnight": ("P2W", "fortnight"),
         "month": ("P1M", "month"), "quarter": ("P1Q", "month"), "year": ("P1Y", "year"), "decade": ("P10Y", "year")}
_PART = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


def recurrence(timex: str, count: float | None, unit: str) -> When:
    """A set: its TIMEX3 value and how many times per ``unit`` it recurs."""
    return When(timex, kind="set", rate=(count, unit))


def _every_unit(unit: str, n: int) -> When:
    """every (n) unit(s): P<n><unit>, 1/n per unit."""
    code, per = _UNIT[unit]
    size = int(code.strip("PTHDWMQY") or 1) * n
    letter = code[-1]
    timex = f"{'PT' if code.startswith('PT') else 'P'}{size}{letter}"
    return recurrence(timex, (1 / 3 if unit == "quarter" else 1.0) / n, per)


@form("every", r"\b(?:every|each)\s+(?:(?P<other>other|second)\s+|(?P<n>\d{1,2}|two|three|four|five|six|seven|eight|nine|ten|few|several)\s+)?"
               r"(?:(?P<wd>{WDFULL})|{MON:m}|(?P<s>{SEASON})|(?P<u>hour|day|night|morning|afternoon|evening|week|weekend|fortnight|month|quarter|year|decade)s?)"
               r"(?:\s+(?P<part>morning|afternoon|evening|night)s?)?\b",
      first="every each", needs=(r"^(?:every|each)\s+[a-z0-9]",))
def every(g: Groups) -> Read:
    """every month, each year, every other week, every two years, each summer, every July, every Monday
    night, every evening."""
    n = 2 if g("other") else (_num_words(g.low("n")) if g("n") else 1)
    if g("n") and g.low("n") in ("few", "several"):
        n = 0  # "every few years": P?Y, X in TIMEX3
    if n is None:
        raise Skip
    part = _PART.get(g.low("part"), "")
    wd, mon, season, unit = g("wd"), g("m"), g("s"), g.low("u")
    if wd:
        return fixed(recurrence(f"XXXX-WXX-{weekday_of(wd)}" + (f"T{part}" if part else ""), 1.0, "week"))
    if mon:
        return fixed(recurrence(f"XXXX-{month_of(mon):02d}", 1.0, "year"))
    if season:
        return fixed(recurrence(f"XXXX-{vocab().words['season'][season.lower()]}", 1.0, "year"))
    if unit in _PART:
        return fixed(recurrence(f"XXXX-XX-XXT{_PART[unit]}", 1.0, "day"))
    if unit == "weekend":
        return fixed(recurrence("XXXX-WXX-WE", 1.0, "week"))
    if n == 0:
        code, per = _UNIT[unit]
        return fixed(recurrence(code.replace("1", "X"), None, per))
    return fixed(_every_unit(unit, n))


# after "quarterly", a word that makes it an adjective or a noun: "quarterly dividend", "its initial quarterly of
# five cents" (but "adjusted quarterly and", "paid quarterly since 1990" are recurrences)
_NAMES_A_THING = re.compile(r"[ \t]+(?!(?:and|or|but|since|through|until|to|from|in|on|at|by|for|with|as|if|when|"
                            r"while|thereafter|instead|rather|basis|intervals?)\b)(?:of\b|[a-z])")
# "average daily volume", "the average monthly wage": a mean per unit, not a recurrence
_AVERAGE_BEFORE = re.compile(r"\baverage\s+\Z", re.I)


@form("recurring", r"\b(?P<w>{RECUR})\b", first="#recur", needs=("^{RECUR}",))
def recurring(g: Groups) -> Read:
    """daily, weekly, monthly, annually, hourly, nightly, quarterly; but not "its quarterly dividend" (a kind of
    report or payment, not a recurrence told) nor "average daily volume" (a mean per day)."""
    w = g.low("w")
    if w == "quarterly" and _NAMES_A_THING.match(g.text, g.end) or _AVERAGE_BEFORE.search(g.text, max(0, g.start - 12), g.start):
        raise Skip
    timex, rate = vocab().words["recur"][g.low("w")].split()
    count, per = rate.split("/")
    return fixed(recurrence(timex, float(count), per))


@form("times_per", r"\b(?:(?P<once>once|twice|thrice)|(?P<n>\d{1,3}|{N})\s+times)\s+(?:a|an|per|each|every)\s+"
                   r"(?P<u>hour|day|week|fortnight|month|quarter|year|decade)\b",
      first="once twice thrice #num #dd #ddd", needs=(r"^(?:once|twice|thrice|[a-z0-9-]+(?:\s[a-z]+)?\s+times)\s+(?:a|an|per|each|every)\s+(?:hour|day|week|fortnight|month|quarter|year|decade)\b",))
def times_per(g: Groups) -> Read:
    """twice a week, once a month, three times a year: the unit as a TIMEX3 duration, how often as the count."""
    count = {"once": 1, "twice": 2, "thrice": 3}.get(g.low("once")) or _num_words(g.low("n"))
    if not count:
        raise Skip
    code, per = _UNIT[g.low("u")]
    return fixed(recurrence(code, count / 3 if g.low("u") == "quarter" else float(count), per))


@form("weekdays", r"\b(?:(?P<wd>mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)"
                  r"(?:\s+(?P<part>morning|afternoon|evening|night)s)?"
                  r"|(?P<wd1>{WDFULL})\s+(?P<part1>morning|afternoon|evening|night)s)\b",
      first="#weekday mondays tuesdays wednesdays thursdays fridays saturdays sundays", needs=(r"^[a-z]+days?\b",))
def weekdays(g: Groups) -> Read:
    """on Mondays, Sunday mornings, Tuesday nights: the weekday every week."""
    wd = weekday_of(g("wd") or g.req("wd1"))
    part = _PART.get(g.low("part") or g.low("part1"), "")
    if g.start > 0 and g.text[max(0, g.start - 12):g.start].lower().rstrip().endswith(("two", "three", "few")):
        raise Skip  # "two Sundays from now" is read elsewhere
    return fixed(recurrence(f"XXXX-WXX-{wd}" + (f"T{part}" if part else ""), 1.0, "week"))


@form("unit_on_unit", r"\b(?P<u>day|week|month|quarter|year)[\s-]+(?:on|over|by)[\s-]+(?P=u)\b", first="day week month quarter year",
      needs=(r"^[a-z]+[\s-]+(?:on|over|by)[\s-]+[a-z]+",))
def unit_on_unit(g: Groups) -> Read:
    """year on year, month-on-month, day by day: each year (compared with the one before)."""
    return fixed(_every_unit(g.low("u"), 1))
