"""Relative forms: days and units counted from publication ("yesterday", "two days ago", "last month",
"early next year", "the past few weeks", "earlier this month") and the vague references ("now", "the future").
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from .arith import (
    When,
    _at_unit,
    _day,
    _part,
    _year,
    _REL_OFFSET,
    _unanchored_unit,
    _unit_code,
    _UNIT_MONTHS,
    _unit_when,
    _week_monday,
    _weekend,
    shift,
)
from .form import Focus, Groups, Read, Skip, Spanned, anaphoric, fixed, form, relative
from .pieces import expand, pieces, ref_phrases
from ..times import PART_CODE
from .narrative import UNIT_AHEAD, longer_period_before
from .vocab import count_of, vocab

_UNIT_ORDER = ["D", "W", "F", "M", "Q", "Y", "DE", "CE"]


@lru_cache(maxsize=1)
def _ago_parts() -> re.Pattern[str]:
    """One "number unit" part of a compound span: "1 month", "21 days", "a few weeks"."""
    p = pieces()
    return re.compile(f"({expand('{N}', p, 'x')})\\s*({expand('{UNIT}', p, 'x')})", re.I)


def _steps(parts: str) -> list[tuple[int, str]]:
    """'1 month 21 days' -> [(1, 'M'), (21, 'D')], years first so month ends clamp as people count."""
    steps = []
    for ns, us in _ago_parts().findall(parts):
        steps.append((count_of(ns), _unit_code(us)))
    if not steps:
        raise Skip
    return sorted(steps, key=lambda s: -(_UNIT_MONTHS.get(s[1], 0)))


_VAGUE_COUNT = re.compile(r"\b(?:few|several)\b")


@form("ago", r"(?P<parts>(?:{N}\s*{UNIT}(?:,?\s*(?:and\s+)?)?)+)\s+(?P<dir>ago|from\s+now)\b", first="#num #dd #ddd",
      needs=(r"^(?:[a-z0-9]+[\s,-]+){1,8}?(?:ago|from\s+now)\b",))
def ago(g: Groups) -> Read:
    """two days ago, a month ago, 1 month 21 days ago, a few days ago: at the precision of the unit counted; a few
    years ago, several weeks from now: no count told, and a guessed one could be years off, so only before or
    after publication (PAST_REF, FUTURE_REF)."""
    steps = _steps(g.req("parts"))
    sign = -1 if g.low("dir").startswith(("ago", "earlier")) else 1
    coarse = min((code for _, code in steps), key=_UNIT_ORDER.index)
    if _VAGUE_COUNT.search(g.low("parts")) and coarse != "D":  # "a few days ago" still names a day, near enough
        return fixed(When("PAST_REF" if sign < 0 else "FUTURE_REF"))
    years = sum(n for n, code in steps if code == "Y") if all(code == "Y" for _, code in steps) else 0

    by_year = bool(years) and longer_period_before(g.text, g.start)

    def fn(ref: date, focus: Focus) -> When:
        if by_year:
            told = focus.quarter or focus.last
            return _year((told.start.year if told is not None and told.start is not None else ref.year) - years)
        if years and sign < 0 and focus.quarter is not None and focus.quarter.start is not None:
            # "profit rose in the third quarter from $2m a year ago": that quarter, a year back
            return _at_unit(shift(focus.quarter.start, -years, "Y"), "Q")
        d = ref
        for n, code in steps:
            d = shift(d, sign * n, code)
        return _at_unit(d, coarse)
    return anaphoric(fn, _unanchored_unit(coarse), moves=not years)


@form("from_relday", r"(?P<n>{N})\s+(?P<u>days?|weeks?)\s+(?P<dir>from|after|before)\s+(?P<base>today|tomorrow|yesterday)\b",
      first="#num #dd #ddd", needs=(r"^[a-z0-9]+\s+(?:days?|weeks?)\s+(?:from|after|before)\s+(?:today|tomorrow|yesterday)\b",))
def from_relday(g: Groups) -> Read:
    """two days from tomorrow, four days from yesterday, two days after today."""
    n = count_of(g.req("n"))
    code = _unit_code(g.req("u"))
    base = {"today": 0, "tomorrow": 1, "yesterday": -1}[g.low("base")]
    sign = -1 if g.low("dir") == "before" else 1
    return relative(lambda ref: _day(shift(ref + timedelta(days=base), sign * n, code)), "XXXX-XX-XX")


@form("nth_day_of", r"(?:(?<=\bis )|(?<=['’]s ))(?:the\s+)?(?P<n>{ORD}|\d{1,3}(?:st|nd|rd|th))\s+day(?=\s+(?:of|since|in)\b)",
      first="the #ord #dd #ddd", needs=(r"^(?:the\s+)?[a-z0-9]+\s+day\s+(?:of|since|in)\b",))
def nth_day_of(g: Groups) -> Read:
    """"today is the eighth day of the operation", "it's the second day of an offensive": the day it is now."""
    if g.low("n") == "last":
        raise Skip
    return relative(_day, "XXXX-XX-XX")


@form("day_around", r"\bthe\s+day\s+(?P<dir>before|after)\s+(?P<base>yesterday|tomorrow|tmrw)\b", first="the",
      needs=(r"^the\s+day\s+(?:before|after)\b",))
def day_around(g: Groups) -> Read:
    """the day before yesterday, the day after tomorrow."""
    base = 1 if g.low("base").startswith("t") else -1
    step = 1 if g.low("dir") == "after" else -1
    return relative(lambda ref: _day(ref + timedelta(days=base + step)), "XXXX-XX-XX")


@form("relday", r"\b(?P<w>today|yesterday|tomorrow|tmrw|tonight|last\s+night|this\s+(?:morning|afternoon|evening))\b",
      first="#relday last this", needs=(r"^(?:today|yesterday|tomorrow|tmrw|tonight|last\s+night|this\s+(?:morning|afternoon|evening))",))
def relday(g: Groups) -> Read:
    """today, yesterday, tomorrow; tonight, last night, this morning (the day with its part: 2025-02-05TMO)."""
    w = re.sub(r"\s+", " ", g.low("w"))
    text, start = g.text, g.start
    if w == "today" and g("w") == "Today" and start > 0 and text[:start].rstrip()[-1:] not in ".!?\"'`“‘\n:(" \
            and text[:start].strip():
        raise Skip  # "the BBC's Today programme"
    if w == "today" and _GENERIC_TODAY.match(text, start):
        raise Skip  # "in today's world": these days, not the publication day
    if w in ("today", "tomorrow") and _AGE_OF.search(text, max(0, start - 30), start):
        raise Skip  # "the people of tomorrow", "the world of today": an age, not a day
    off = {"yesterday": -1, "tomorrow": 1, "tmrw": 1}.get(w, -1 if w.startswith("last") else 0)
    part = "NI" if w in ("tonight", "last night") else PART_CODE.get(w.split()[-1], "")
    suffix = f"T{part}" if part else ""
    return relative(lambda ref: _with_time(_day(ref + timedelta(days=off)), suffix), "XXXX-XX-XX" + suffix)


# "the people of tomorrow", "the cities of today": a noun of an age, not of a day
_AGE_OF = re.compile(r"\b(?:the|our|their)\s+(?:people|world|society|children|youth|young|generations?|leaders|cities"
                     r"|workers|jobs|technology|technologies|men|women|citizens|students|stars|champions)\s+of\s+\Z", re.I)
# "in today's world", "by today's standards", "for today's youth": these days, not the publication day
_GENERIC_TODAY = re.compile(r"\btoday['’]s\s+(?:world|society|youth|young|generation|standards|terms|dollars|money)\b", re.I)


def _with_time(w: When, suffix: str) -> When:
    return When(w.timex + suffix, w.start, w.end) if suffix else w


# after a reference phrase, what makes it part of something else: "the past 20 years", "the current quarter",
# "the future of", "at the time when" (but "now that", "the future that awaits" are references), or a term of its
# own: "current account", "current affairs"
_REF_AFTER = (r"(?:(?<=time)(?!\s+(?:when|that)\b)|(?<!time))(?!\s+of\b|\s+\d|\s+(?:few|several|couple|two|three|four|five|six|seven|eight|nine|ten"
              r"|twelve|twenty|day|week|month|quarter|year|decade|century|weekend|fiscal|financial|period|[a-z]+day|accounts?|affairs)\b)")


@form("ref", r"(?P<w>{REF})" + _REF_AFTER, first="#ref", needs=("^{REF}",))
def ref(g: Groups) -> Read:
    """now, currently, at present (the publication day); recently, at the time, the past (before it); the future,
    as soon as possible (after): the phrases of dates.tsv "ref"."""
    phrase = ref_phrases()[re.sub(r"\s+", " ", g.low("w"))]
    value = vocab().words["ref"][phrase]
    if value == "PRESENT_REF":
        return relative(lambda r: When("PRESENT_REF", r, r), "PRESENT_REF")
    return fixed(When(value))


_VAGUE_CODE = {"day": "D", "week": "W", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE", "centurie": "CE"}


@form("vague_span", r"\b(?:the\s+)?(?:(?P<rel>recent|coming|next|past|last|previous|following|ensuing|upcoming)\s+"
                    r"(?P<u>days|weeks|months|quarters|years|decades|centuries)|(?P<u2>days|weeks|months|years)\s+ahead)\b",
      first="the recent coming next past last previous following ensuing upcoming",
      needs=(UNIT_AHEAD, r"^(?:the\s+)?[a-z]+\s+(?:days|weeks|months|quarters|years|decades|centuries|ahead)\b",))
def vague_span(g: Groups) -> Read:
    """in recent years, the coming weeks, over the past months, the weeks ahead: a length of time with no
    number (TIMEX3 PXY, PXW)."""
    unit = (g.low("u") or g.low("u2"))[:-1]
    code = _VAGUE_CODE[unit]
    return fixed(When(f"PX{code}", kind="duration"))


@form("vague_phrase", r"\b(?:over|through|throughout)\s+(?P<y>the\s+years)\b(?![\s,]+\d|[\s,]+(?:ahead|to\s+come|of|when|that"
                     r"|before|after|since|between|from|in\s+which)\b|['’\d])", first="over through throughout",
      needs=(r"^(?:over|through|throughout)\s+the\s+years\b",))
def vague_phrase(g: Groups) -> Read:
    """over the years, through the years: a length told with no number (PXY), the claim on "the years"."""
    return Spanned(g.begin("y"), g.end, fixed(When("PXY", kind="duration")))


@form("rel_n", r"\b(?:the\s+)?(?P<rel>past|last|previous|next|coming|following)\s+(?P<n>{N})\s*(?P<u>{UNIT})", first="the #rel",
      needs=(r"^(?:the\s+)?(?:past|last|previous|next|coming|following)\s", "UNIT"))
def rel_n(g: Groups) -> Read:
    """the past few days, the last several weeks, the next couple of months: lengths of time with no number
    (numbered spans, "the past 20 years", are the quantity reader's; but for quarters, which it reads as
    fractions: "the next three quarters" P3Q)."""
    nword = re.sub(r"\s+", " ", g.low("n"))
    code = _unit_code(g.req("u"))
    vague = re.fullmatch(r"(?:an? )?(?:few|several|couple(?: of)?)", nword)
    if code == "Q" and not vague and (n := count_of(nword)):
        return fixed(When(f"P{n}Q", kind="duration"))  # "the next three quarters": the quantity reader sees a fraction
    if not vague:
        # "the past 20 years" is a duration (P20Y) that the quantity extractor reads; only vague
        # counts ("the last few weeks") are left for dates
        raise Skip
    if code == "CE":
        raise Skip
    return fixed(When(f"PX{'W' if code == 'F' else code}", kind="duration"))  # TIMEX3 PXW; PXDE for decades


# the word before a span that makes it a length: "over the coming decade", "for the past century"
_HOW_LONG_BEFORE = re.compile(r"\b(?:over|for|throughout|within|across)\s+\Z", re.I)


@form("rel_unit", r"\b(?:the\s+)?(?P<rel>this|last|next|previous|coming|upcoming|current|past)\s+(?P<u>week|month|quarter|year|decade|century)\b",
      first="the #rel",
      needs=(r"^(?:the\s+)?(?:this|last|next|previous|coming|upcoming|current|past)\s+(?:week|month|quarter|year|decade|century)\b",))
def rel_unit(g: Groups) -> Read:
    """this week, last month, next year, the coming week, this decade, the next decade; "over the coming decade"
    says how long (P10Y), "in the coming decade" names the period (203)."""
    rel = g.low("rel")
    code = _unit_code(g.req("u"))
    if g.whole.istitle() and g.start > 0 and g.text[g.start - 1] in "\"“'‘`":
        raise Skip  # "This Week" in quotes: a programme
    if code in ("DE", "CE") and rel != "this" and _HOW_LONG_BEFORE.search(g.text, max(0, g.start - 16), g.start):
        return fixed(When("P10Y" if code == "DE" else "P100Y", kind="duration"))
    if rel in ("past", "last") and g.whole.lower().startswith("the ") and code in ("W", "M", "Y"):
        # "the past year", "over the last week": TimeML's value is the calendar unit before (1997), the days the
        # span up to publication
        return relative(lambda ref: When(_unit_when(ref, code, -1).timex, shift(ref, -1, code), ref),
                        _unanchored_unit(code))
    if rel == "past":
        raise Skip
    off = _REL_OFFSET[rel]
    return relative(lambda ref: _unit_when(ref, code, off), _unanchored_unit(code))


@form("part_rel", r"(?P<part>{PART})(?P<rel>this|last|next)\s+(?P<u>week|month|year|decade)\b", first="#part",
      needs=(r"^(?:the\s+)?(?:end|beginning|start|middle|early|late|mid)\b", r"\b(?:this|last|next)\s+(?:week|month|year|decade)\b"))
def part_rel(g: Groups) -> Read:
    """early next year, late last week, the end of this month, mid next week."""
    code = _unit_code(g.req("u"))
    off = _REL_OFFSET[g.low("rel")]
    part = g("part")
    return relative(lambda ref: _part(_unit_when(ref, code, off), part), _unanchored_unit(code))


@form("after_next", r"\bthe\s+(?P<u>week|weekend|month|year)\s+after\s+(?:the\s+)?next\b", first="the",
      needs=(r"^the\s+[a-z]+\s+after\b",))
def after_next(g: Groups) -> Read:
    """the week after next, the year after next, the weekend after the next."""
    u = g.low("u")
    if u == "weekend":
        return relative(lambda ref: _weekend(_week_monday(ref, 2)), "XXXX-WXX-WE")
    code = _unit_code(u)
    return relative(lambda ref: _unit_when(ref, code, 2), _unanchored_unit(code))


@form("rest_of", r"\brest\s+(?:of\s+)?(?:the|this|my|current)?\s*(?P<u>week|month|year)\b", first="rest", needs=(r"^rest\b",))
def rest_of(g: Groups) -> Read:
    """rest of the week / month / year: from publication to the unit's end."""
    code = _unit_code(g.req("u"))

    def fn(ref: date) -> When:
        w = _unit_when(ref, code, 0)
        return When(w.timex, ref, w.end)
    return relative(fn, _unanchored_unit(code))


@form("earlier_this", r"\b(?P<which>earlier|later)\s+(?:this|in\s+the)\s+(?P<u>week|month|year)\b", first="earlier later",
      needs=(r"^(?:earlier|later)\s+(?:this|in)\b",))
def earlier_this(g: Groups) -> Read:
    """earlier this month, later this year, earlier in the week: the part of the unit before or after publication."""
    code = _unit_code(g.req("u"))
    earlier = g.low("which") == "earlier"

    def fn(ref: date) -> When:
        w = _unit_when(ref, code, 0)
        if w.start is None or w.end is None:
            return w
        if earlier:
            return When(w.timex, w.start, max(w.start, ref - timedelta(days=1)))
        return When(w.timex, ref, w.end)
    return relative(fn, _unanchored_unit(code))
