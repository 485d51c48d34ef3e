"""Resolvers: one per date form, turning a match into a claim span and a function of the reference day.

A resolver returns (start, end, resolve) or raises ``_Skip`` when the match is
not a date after all ("2005 people", "Theresa May").  ``resolve(ref)`` gives a
``When``; with ``ref`` None it gives the unanchored timex (``XXXX-08``).
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from typing import Callable

from .arith import (
    add_months,
    _at_unit,
    _day,
    _day_near,
    _decade,
    _fiscal,
    _half,
    holiday,
    _holiday_near,
    _join,
    _latest_month,
    _make_day,
    _month,
    _part,
    _quarter,
    Ref,
    _REL_OFFSET,
    Resolver,
    _season,
    shift,
    _unanchored_unit,
    _unit_code,
    _UNIT_MONTHS,
    _unit_when,
    _week,
    _week_monday,
    _weekday_near,
    _weekend,
    When,
    _year,
)
from .forms import _ago_parts, _CONTEXT_WORDS
from .vocab import _num_words, _ord_words, vocab, _year_value

def _steps(parts: str) -> list[tuple[int, str]]:
    """'1 month 21 days' -> [(1, 'M'), (21, 'D')], years first so month ends clamp as people count."""
    steps = []
    for ns, us in _ago_parts().findall(parts):
        n = _num_words(ns)
        if n is None:
            raise _Skip
        steps.append((n, _unit_code(us)))
    if not steps:
        raise _Skip
    return sorted(steps, key=lambda s: -(_UNIT_MONTHS.get(s[1], 0)))


def _g(m: re.Match[str], form: str, name: str) -> str | None:
    return m.group(f"{form}__{name}")


_MONTH_ABBREVIATIONS = frozenset({"jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec"})


def _month_of(s: str) -> int:
    word = s.rstrip(".")
    if word.isupper() and word.lower() in _MONTH_ABBREVIATIONS:
        raise _Skip  # "DEC", "MAR": an acronym, not an abbreviated month
    return int(vocab().words["month"][word.lower()])


def _weekday_of(s: str) -> int:
    w = s.lower().rstrip(".")
    if w.endswith("s") and w not in vocab().words["weekday"]:
        w = w[:-1]
    return int(vocab().words["weekday"][w])


_FUTURE_CUES = re.compile(
    r"\b(?:will|shall|'ll|’ll|is\s+due|are\s+due|due\s+to|is\s+expected|are\s+expected|expected\s+to|plans?\s+to|planned|"
    r"going\s+to|set\s+to|scheduled|to\s+be\s+held|to\s+meet|to\s+visit|to\s+travel|to\s+vote|would|upcoming)\b",
    re.I,
)


# a sentence end: . ! ? before a capital or quote (not the dot of "Oct. 2"), a newline, or a semicolon
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+(?=[A-Z\"“‘(])|\n|;")


def _clause_before(text: str, start: int) -> str:
    """Up to 120 characters before ``start``, from the last sentence end on."""
    seg = text[max(0, start - 120):start]
    last = None
    for last in _SENTENCE_END.finditer(seg):
        pass
    return seg[last.end():] if last else seg


_PAST_CUES = re.compile(r"\b(?:was|were|had|did|said|took|began|came|went|held|met|won|lost|[a-z]{3,}ed)\b")


def _tense(text: str, start: int, end: int) -> str | None:
    """"future", "past" or None for the clause around a date, from cue words ("will", "was", "-ed")."""
    seg = _clause_before(text, start)
    after = text[end:end + 60]
    m = _SENTENCE_END.search(after)
    seg_after = after[:m.start()] if m else after
    if _FUTURE_CUES.search(seg) or _FUTURE_CUES.search(seg_after):
        return "future"
    if _PAST_CUES.search(seg) or _PAST_CUES.search(seg_after):
        return "past"
    return None


def _future_context(text: str, start: int) -> bool:
    """True when the clause before ``start`` speaks of the future ("will meet on Friday")."""
    return bool(_FUTURE_CUES.search(_clause_before(text, start)))


class _Skip(Exception):
    """Raised by a resolver when a match is not a date after all (a count, a name)."""


def _rel(fn: Callable[[date], When], unanchored: str, yearless: bool = False) -> Resolver:
    """A resolver for a relative form: ``fn(ref)`` when anchored, else the unanchored timex.

    ``yearless`` marks a date that only lacks its year ("3 March", "August"): in a range it takes the year of
    the other end ("between May and July 2004"), unlike a deictic one ("next Friday").
    """
    def resolve(ref: Ref) -> When:
        return fn(ref) if ref is not None else When(unanchored)
    resolve.yearless = yearless  # type: ignore[attr-defined]
    return resolve


def _abs(w: When) -> Resolver:
    """A resolver for an absolute date: the reference does not matter."""
    def resolve(ref: Ref) -> When:
        return w
    resolve.absolute = True  # type: ignore[attr-defined]
    return resolve


def _days(y: int, month: int, d1: int, d2: int) -> When:
    """Days d1 to d2 of one month: "4-22 January 1995"."""
    return _join(_make_day(y, month, d1), _make_day(y, month, d2))


def _resolve_form(form: str, m: re.Match[str], text: str, dayfirst: bool = True) -> tuple[int, int, Resolver]:
    g = lambda name: _g(m, form, name)  # noqa: E731
    start, end = m.span(form)

    if form == "iso":
        y, d = int(g("y")), int(g("d"))
        mo = g("m")
        month = int(mo) if mo.isdigit() else _month_of(mo)
        return start, end, _abs(_make_day(y, month, d))

    if form == "numeric":
        a, b, ys, sep = int(g("a")), int(g("b")), g("y"), g("s")
        if sep == "." and len(ys) == 2:
            raise _Skip  # 1.2.15 is a version number
        d, mo = (a, b) if dayfirst else (b, a)
        if mo > 12 and d <= 12:
            d, mo = mo, d
        if mo > 12 or d > 31 or d == 0 or mo == 0:
            raise _Skip

        def res(ref: Ref) -> When:
            return _make_day(_year_value(ys, ref), mo, d)
        return start, end, res

    if form in ("range_dm", "range_drel", "range_md"):
        d1 = _ord_words(g("d1"))
        d2 = _ord_words(g("d2"))
        if not d1 or not d2 or d1 > 31 or d2 > 31 or d2 <= d1:
            raise _Skip
        ystr = g("y") if form != "range_drel" else None
        if form == "range_drel":
            off = _REL_OFFSET[g("rel").lower()]

            def fn(ref: date) -> When:
                first = add_months(ref.replace(day=1), off)
                return _days(first.year, first.month, d1, d2)
            return start, end, _rel(fn, f"XXXX-XX-{d1:02d}/XXXX-XX-{d2:02d}")
        month = _month_of(g("m"))
        if ystr:
            y = _year_value(ystr)
            if y is None:
                raise _Skip
            return start, end, _abs(_days(y, month, d1, d2))

        tense = _tense(text, start, end)

        def fn2(ref: date) -> When:
            a = _day_near(month, d1, ref, tense)
            y = a.start.year if a.start else ref.year
            return _days(y, month, d1, d2)
        return start, end, _rel(fn2, f"XXXX-{month:02d}-{d1:02d}/XXXX-{month:02d}-{d2:02d}", yearless=True)

    if form == "range_d_md":
        d1, d2 = _ord_words(g("d1")), _ord_words(g("d2"))
        month = _month_of(g("m"))
        if not d1 or not d2 or d2 <= d1:
            raise _Skip
        if g("y"):
            y = _year_value(g("y"))
            if y is None:
                raise _Skip
            return start, end, _abs(_days(y, month, d1, d2))

        tense = _tense(text, start, end)

        def fn_rdm(ref: date) -> When:
            b = _day_near(month, d2, ref, tense)
            y = b.start.year if b.start else ref.year
            return _join(_make_day(y, month, d1), b)
        return start, end, _rel(fn_rdm, f"XXXX-{month:02d}-{d1:02d}/XXXX-{month:02d}-{d2:02d}", yearless=True)

    if form == "week_of":
        nword = g("n").lower()
        n = -1 if nword == "last" else _ord_words(nword)
        if n is None or not (n == -1 or 1 <= n <= 53):
            raise _Skip
        if g("u") and g("u").lower() == "month" or g("m"):
            month = _month_of(g("m")) if g("m") else None

            def week_in_month(y: int, mo: int) -> When:
                # week 1 of a month is the week holding its first Thursday (as ISO weeks do for years)
                first = date(y, mo, 1)
                thu = first + timedelta(days=(4 - first.isoweekday()) % 7)
                if n == -1:
                    last = date(y, mo, calendar.monthrange(y, mo)[1])
                    thu = last - timedelta(days=(last.isoweekday() - 4) % 7)
                    return _week(thu)
                return _week(thu + timedelta(weeks=n - 1))
            if month is not None and g("my"):
                return start, end, _abs(week_in_month(int(g("my")), month))
            if month is not None:
                return start, end, _rel(lambda ref: week_in_month(_latest_month(month, ref).start.year, month),
                                        "XXXX-WXX")
            off = _REL_OFFSET[g("rel").lower()]

            def fn_wm(ref: date) -> When:
                f = add_months(ref.replace(day=1), off)
                return week_in_month(f.year, f.month)
            return start, end, _rel(fn_wm, "XXXX-WXX")

        def week_in_year(y: int) -> When:
            if n == -1:
                return _week(date(y, 12, 28))
            try:
                return _week(date.fromisocalendar(y, n, 1))
            except ValueError:
                raise _Skip from None
        if g("y"):
            y = _year_value(g("y"))
            if y is None:
                raise _Skip
            return start, end, _abs(week_in_year(y))
        off = _REL_OFFSET[g("rel").lower()]
        return start, end, _rel(lambda ref: week_in_year(ref.year + off), "XXXX-WXX")

    if form == "week_num":
        w = int(g("w"))
        if g("y"):
            y = int(g("y"))
            try:
                return start, end, _abs(_week(date.fromisocalendar(y, w, 1)))
            except ValueError:
                raise _Skip from None

        def fn_wn(ref: date) -> When:
            try:
                return _week(date.fromisocalendar(ref.isocalendar()[0], w, 1))
            except ValueError:
                return When(f"XXXX-W{w:02d}")
        return start, end, _rel(fn_wn, f"XXXX-W{w:02d}")

    if form == "the_nth":
        d = _ord_words(g("d"))
        if d is None or not 1 <= d <= 31:
            raise _Skip

        def fn_nth(ref: date) -> When:
            first = ref.replace(day=1) if d <= ref.day else add_months(ref.replace(day=1), -1)
            for back in range(0, 12):
                mo = add_months(first, -back)
                if d <= calendar.monthrange(mo.year, mo.month)[1]:
                    return _day(mo.replace(day=d))
            return When(f"XXXX-XX-{d:02d}")  # pragma: no cover
        return start, end, _rel(fn_nth, f"XXXX-XX-{d:02d}")

    if form in ("on_md", "slash_md"):
        a, b = int(g("a")), int(g("b"))
        if form == "slash_md":
            if (a, b) == (24, 7) or not ((a > 12) != (b > 12)):
                raise _Skip  # 24/7, and 3/4 is a fraction
        else:
            if g("s") == "." and (b > 31 or text[max(0, start - 3):start].lower() != "on "):
                raise _Skip  # "from 1.27 million" is a number
            if _CONTEXT_WORDS.match(text, end) or re.match(r"\s*(?:million|billion|trillion|bn|m\b|%)", text[end:end + 12]):
                raise _Skip  # "from 10-15 years ago"
            if text[max(0, start - 3):start].lower().strip() == "to" and not re.search(
                    r"from\s+\d{1,2}[/.\-]\d{1,2}\s+to\s*\Z", text[max(0, start - 20):start], re.I):
                raise _Skip  # "cut to 3/4" is a fraction
        d, mo = (a, b) if dayfirst else (b, a)
        if mo > 12 and d <= 12:
            d, mo = mo, d
        if mo > 12 or mo < 1 or d < 1 or d > 31:
            raise _Skip
        tense = _tense(text, start, end)
        return start, end, _rel(lambda ref: _day_near(mo, d, ref, tense), f"XXXX-{mo:02d}-{d:02d}", yearless=True)

    if form == "ord_wd":
        n = _ord_words(g("n"))
        wd = _weekday_of(g("wd"))

        def fn_ow(ref: date) -> When:
            first = ref.replace(day=1)
            cand = first + timedelta(days=(wd - first.isoweekday()) % 7) + timedelta(weeks=n - 1)
            if cand.month != ref.month:
                return When(f"{ref.year:04d}-{ref.month:02d}-WXX-{wd}-#{n}")
            return _day(cand)
        return start, end, _rel(fn_ow, f"XXXX-XX-WXX-{wd}-#{n}")

    if form in ("dmy", "mdy"):
        d = _ord_words(g("d"))
        if d is None or not 1 <= d <= 31:
            raise _Skip
        month = _month_of(g("m"))
        ystr = g("y")
        if ystr:
            y = _year_value(ystr)
            if y is None:
                raise _Skip
            return start, end, _abs(_make_day(y, month, d))
        # no year: the mdy form must not swallow "May 5 people": the day needs a date-like neighbour
        if form == "mdy" and g("d").isdigit() and _CONTEXT_WORDS.match(text, end):
            raise _Skip
        wd = _weekday_of(g("wd")) if g("wd") else None

        tense = _tense(text, start, end)

        def fn_md(ref: date) -> When:
            w = _day_near(month, d, ref, tense)
            if wd is None or w.start is None or w.start.isoweekday() == wd:
                return w
            # "Saturday 20 November" with no year: the year, next to the latest, in which the weekday fits
            for y in (w.start.year + 1, w.start.year - 1):
                try:
                    if date(y, month, d).isoweekday() == wd:
                        return _day(date(y, month, d))
                except ValueError:
                    continue
            return w
        return start, end, _rel(fn_md, f"XXXX-{month:02d}-{d:02d}", yearless=True)

    if form == "d_relmonth":
        d = _ord_words(g("d"))
        off = _REL_OFFSET[g("rel").lower()]
        if d is None or not 1 <= d <= 31:
            raise _Skip

        def fn3(ref: date) -> When:
            first = add_months(ref.replace(day=1), off)
            return _make_day(first.year, first.month, d)
        return start, end, _rel(fn3, f"XXXX-XX-{d:02d}")

    if form == "wd_the_d":
        wd = _weekday_of(g("wd"))
        d = _ord_words(g("d"))
        if d is None or not 1 <= d <= 31:
            raise _Skip

        def fn4(ref: date) -> When:
            # the month nearest the reference in which the d-th falls on that weekday
            first = ref.replace(day=1)
            for step in range(0, 24):
                mo = add_months(first, (step + 1) // 2 * (1 if step % 2 == 0 else -1))
                try:
                    cand = mo.replace(day=d)
                except ValueError:
                    continue
                if cand.isoweekday() == wd:
                    return _day(cand)
            return When(f"XXXX-XX-{d:02d}")
        return start, end, _rel(fn4, f"XXXX-XX-{d:02d}")

    if form == "nth_wd":
        n = _ord_words(g("n")) if g("n").lower() != "last" else -1
        wd = _weekday_of(g("wd"))
        rel, mon, ys = g("rel"), g("m"), g("y")

        def nth(y: int, mo: int) -> When:
            if n == -1:
                last = date(y, mo, calendar.monthrange(y, mo)[1])
                return _day(last - timedelta(days=(last.isoweekday() - wd) % 7))
            first = date(y, mo, 1)
            day1 = first + timedelta(days=(wd - first.isoweekday()) % 7)
            cand = day1 + timedelta(weeks=n - 1)
            if cand.month != mo:
                return When(f"{y:04d}-{mo:02d}-WXX-{wd}-#{n}")
            return _day(cand)
        if mon and ys:
            return start, end, _abs(nth(int(ys), _month_of(mon)))
        if mon:
            month = _month_of(mon)
            return start, end, _rel(lambda ref: nth(_latest_month(month, ref).start.year, month),
                                    f"XXXX-{month:02d}-WXX-{wd}-#{n}")
        off = _REL_OFFSET[rel.lower()]

        def fn5(ref: date) -> When:
            f = add_months(ref.replace(day=1), off)
            return nth(f.year, f.month)
        return start, end, _rel(fn5, f"XXXX-XX-WXX-{wd}-#{n}")

    if form == "fiscal":
        if g("rel"):
            off = _REL_OFFSET[g("rel").lower()]
            return start, end, _rel(lambda ref: _fiscal(ref.year + off), "FYXXXX")
        ys, ye = (g("y"), g("y2")) if g("y") else (g("y3"), g("y4"))
        y = int(ys)
        if ye:  # "2004/05": the year it starts in and the next
            y2 = int(ye) if len(ye) == 4 else y // 100 * 100 + int(ye)
            if y2 != y + 1:
                raise _Skip
            return start, end, _abs(When(f"FY{y:04d}", date(y, 4, 1), date(y2, 3, 31)))
        return start, end, _abs(_fiscal(y))

    if form == "quarter":
        q = g("q").upper()
        kind, n = q[0], int(q[1])
        if kind == "H" and n > 2:
            raise _Skip
        mk = _quarter if kind == "Q" else _half
        ys = g("y1") or g("y2")
        if ys:
            return start, end, _abs(mk(int(ys), n))
        if g("rel"):
            off = {"this": 0, "last": -1, "next": 1}[g("rel").lower()]
            return start, end, _rel(lambda ref: mk(ref.year + off, n), f"XXXX-{kind}{n}")
        if kind == "H":
            raise _Skip  # a bare "H2" is too often something else

        def fn6(ref: date) -> When:
            w = mk(ref.year, n)
            return w if w.start <= ref else mk(ref.year - 1, n)
        return start, end, _rel(fn6, f"XXXX-Q{n}")

    if form in ("quarter_words", "y_quarter"):
        nword = g("n").lower()
        n = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}.get(nword)
        kind = (g("kind") or "quarter").lower() if form == "quarter_words" else "quarter"
        if nword == "last":
            n = 4 if kind == "quarter" else 2
        if kind == "half" and n > 2:
            raise _Skip
        mk = _quarter if kind == "quarter" else _half
        ys = g("y")
        if ys:
            y = _year_value(ys)
            if y is None:
                raise _Skip
            return start, end, _abs(mk(y, n))
        code = f"{'Q' if kind == 'quarter' else 'H'}{n}"
        if g("bare") is not None:
            if nword == "last":
                raise _Skip  # "the last quarter" is read as a relative quarter elsewhere

            def latest(ref: date) -> When:  # "third-quarter profits": the latest third quarter begun by then
                w = mk(ref.year, n)
                return w if w.start <= ref else mk(ref.year - 1, n)
            return start, end, _rel(latest, f"XXXX-{code}")
        off = {"this": 0, "last": -1, "next": 1}.get((g("rel") or "this").lower(), 0)
        return start, end, _rel(lambda ref: mk(ref.year + off, n), f"XXXX-{code}")

    if form == "after_next":
        u = g("u").lower()
        if u == "weekend":
            return start, end, _rel(lambda ref: _weekend(_week_monday(ref, 2)), "XXXX-WXX-WE")
        code = _unit_code(u)
        return start, end, _rel(lambda ref: _unit_when(ref, code, 2), _unanchored_unit(code))

    if form == "rest_of":
        code = _unit_code(g("u"))
        return start, end, _rel(lambda ref: When(_unit_when(ref, code, 0).timex, ref, _unit_when(ref, code, 0).end),
                                _unanchored_unit(code))

    if form == "earlier_this":
        code = _unit_code(g("u"))
        earlier = g("which").lower() == "earlier"

        def fn7(ref: date) -> When:
            w = _unit_when(ref, code, 0)
            if earlier:
                return When(w.timex, w.start, max(w.start, ref - timedelta(days=1)))
            return When(w.timex, ref, w.end)
        return start, end, _rel(fn7, _unanchored_unit(code))

    if form == "rel_n":
        rel = g("rel").lower()
        nword = re.sub(r"\s+", " ", g("n").lower())
        if not re.fullmatch(r"(?:an? )?(?:few|several|couple(?: of)?)", nword):
            # "the past 20 years" is a duration (P20Y) that the quantity extractor reads; only vague
            # counts ("the last few weeks") are left for dates
            raise _Skip
        n = _num_words(nword)
        code = _unit_code(g("u"))
        if n is None or code == "CE":
            raise _Skip
        past = rel in ("past", "last", "previous")
        if code == "DE":
            def fn8(ref: date) -> When:
                d0 = ref.year // 10 * 10
                if past:
                    return _join(_decade(d0 - 10 * n), _decade(d0 - 10))
                return _join(_decade(d0 + 10), _decade(d0 + 10 * n))
            return start, end, _rel(fn8, "XXXX/XXXX")

        duration = f"PX{'W' if code in ('W', 'F') else 'D' if code == 'D' else 'M' if code == 'M' else 'Y'}"

        def fn9(ref: date) -> When:
            # the timex is the duration (TIMEX3 "P2W"); the days are the span it covers up to publication
            if past:
                a, b = shift(ref, -n, code), ref
            else:
                a, b = ref + timedelta(days=1), shift(ref, n, code)
            return When(duration, a, b)
        return start, end, _rel(fn9, duration)

    if form == "ago":
        steps = _steps(g("parts"))
        sign = -1 if g("dir").lower().startswith(("ago", "earlier")) else 1
        coarse = min((code for _, code in steps), key=["D", "W", "F", "M", "Y", "DE", "CE"].index)

        def fn10(ref: date) -> When:
            # at the precision of the unit, as news means it: "two years ago" is a year, "three months ago" a month
            d = ref
            for n, code in steps:
                d = shift(d, sign * n, code)
            return _at_unit(d, coarse)
        return start, end, _rel(fn10, _unanchored_unit(coarse))

    if form == "from_relday":
        n = _num_words(g("n"))
        if n is None:
            raise _Skip
        code = _unit_code(g("u"))
        base = {"today": 0, "tomorrow": 1, "yesterday": -1}[g("base").lower()]
        sign = -1 if g("dir").lower() == "before" else 1
        return start, end, _rel(lambda ref: _day(shift(ref + timedelta(days=base), sign * n, code)), "XXXX-XX-XX")

    if form == "n_weekdays":
        n = _num_words(g("n"))
        wd = _weekday_of(g("wd"))
        if n is None:
            raise _Skip
        return start, end, _rel(lambda ref: _day(_weekday_near(wd, ref, True) + timedelta(weeks=n - 1)), f"XXXX-WXX-{wd}")

    if form == "day_around":
        base = 1 if g("base").lower().startswith("t") else -1
        step = 1 if g("dir").lower() == "after" else -1
        return start, end, _rel(lambda ref: _day(ref + timedelta(days=base + step)), "XXXX-XX-XX")

    if form in ("week_wd", "wd_week"):
        off = _REL_OFFSET[g("rel").lower()]
        wd = _weekday_of(g("wd"))
        return start, end, _rel(lambda ref: _day(_week_monday(ref, off) + timedelta(days=wd - 1)), f"XXXX-WXX-{wd}")

    if form == "weekday":
        wd = _weekday_of(g("wd"))
        rel = (g("rel") or "").lower()
        if not rel:
            start = m.start(f"{form}__wd")
            future = _future_context(text, start)
            return start, end, _rel(lambda ref: _day(_weekday_near(wd, ref, future)), f"XXXX-WXX-{wd}")
        if rel in ("last", "past", "previous"):
            return start, end, _rel(lambda ref: _day(ref - timedelta(days=(ref.isoweekday() - wd - 1) % 7 + 1)),
                                    f"XXXX-WXX-{wd}")
        if rel == "coming":
            return start, end, _rel(lambda ref: _day(_weekday_near(wd, ref, True)), f"XXXX-WXX-{wd}")
        off = _REL_OFFSET[rel]
        return start, end, _rel(lambda ref: _day(_week_monday(ref, off) + timedelta(days=wd - 1)), f"XXXX-WXX-{wd}")

    if form == "ref":
        w = re.sub(r"\s+", " ", g("w").lower())
        if w.startswith("in "):
            start += 3
        if w in ("now", "currently", "at present", "nowadays"):
            return start, end, _rel(lambda ref: When("PRESENT_REF", ref, ref), "PRESENT_REF")
        return start, end, _abs(When("FUTURE_REF" if w.endswith("future") else "PAST_REF"))

    if form == "relday":
        w = g("w").lower()
        if w == "today" and g("w") == "Today" and start > 0 and text[:start].rstrip()[-1:] not in ".!?\"'“‘\n:(" \
                and text[:start].strip():
            raise _Skip  # "the BBC's Today programme"
        off = {"yesterday": -1, "tomorrow": 1, "tmrw": 1}.get(w, -1 if w.startswith("last") else 0)
        return start, end, _rel(lambda ref: _day(ref + timedelta(days=off)), "XXXX-XX-XX")

    if form == "weekend":
        rel = g("rel").lower()
        if rel == "that":
            raise _Skip
        off = {"last": -1, "past": -1, "next": 1, "coming": 1}.get(rel, 0)
        return start, end, _rel(lambda ref: _weekend(_week_monday(ref, off)), "XXXX-WXX-WE")

    if form == "part_rel":
        code = _unit_code(g("u"))
        off = _REL_OFFSET[g("rel").lower()]
        part = g("part")
        return start, end, _rel(lambda ref: _part(_unit_when(ref, code, off), part), _unanchored_unit(code))

    if form == "rel_unit":
        rel = g("rel").lower()
        code = _unit_code(g("u"))
        the = m.group(form).lower().startswith("the ")
        if rel in ("past", "last") and the and code in ("W", "M", "Y"):
            # "the past year", "over the last week": the span up to publication (TIMEX3 "P1Y"), not the calendar unit
            return start, end, _rel(lambda ref: When(f"P1{code}", shift(ref, -1, code), ref), f"P1{code}")
        if rel == "past":
            raise _Skip
        off = _REL_OFFSET[rel]
        return start, end, _rel(lambda ref: _unit_when(ref, code, off), _unanchored_unit(code))

    if form == "mon_relyear":
        month = _month_of(g("m"))
        off = {"this": 0, "last": -1, "next": 1}[g("rel").lower()]
        return start, end, _rel(lambda ref: _month(ref.year + off, month), f"XXXX-{month:02d}")

    if form == "decade":
        part = g("part") or g("part2")
        if g("y4"):
            y0 = int(g("y4"))
            w = _decade(y0)
            return start, end, _abs(_part(w, part))
        if g("y2"):
            pre = text[max(0, start - 6):start].lower()
            if re.search(r"\b(?:his|her|their|its|my|your|our)\s*$", pre):
                raise _Skip
            dd = int(g("y2"))
            if dd >= 30:
                return start, end, _abs(_part(_decade(1900 + dd), part))

            def fn11(ref: date) -> When:
                y0 = ref.year // 100 * 100 + dd
                if y0 > ref.year:
                    y0 -= 100
                return _part(_decade(y0), part)
            return start, end, _rel(fn11, f"XX{dd // 10}X")
        words = g("words").lower().replace("-", " ")
        dec = vocab().words["decade"]
        last = words.split()[-1]
        if words.startswith("two thousand") and last in ("thousands",):
            return start, end, _abs(_part(_decade(2000), part))
        if words.endswith("and tens") or words == "twenty tens":
            return start, end, _abs(_part(_decade(2010), part))
        dd = int(dec[last])
        if words.startswith("twenty") or dd == 0:
            return start, end, _abs(_part(_decade(2000 + dd), part))
        if words.startswith("nineteen") or dd >= 30:
            return start, end, _abs(_part(_decade(1900 + dd), part))
        raise _Skip

    if form == "century":
        n = _ord_words(g("n"))
        if n is None or not 1 <= n <= 22:
            raise _Skip
        c = n - 1
        w = When(f"{c:02d}", date(max(c * 100, 1), 1, 1), date(c * 100 + 99, 12, 31))
        return start, end, _abs(_part(w, g("part")))

    if form == "holiday":
        name = g("h")
        if not name[:1].isupper():
            raise _Skip  # a holiday is a proper name: "christmas" in lower case is not trusted
        rule = vocab().words["holiday"][re.sub(r"\s+", " ", name.lower().replace("’", "'"))]
        rel = (g("rel") or "").lower()
        if g("y"):
            return start, end, _abs(_day(holiday(rule, int(g("y")))))
        tense = _tense(text, start, end)
        unanchored = f"XXXX-{rule}" if re.fullmatch(r"\d\d-\d\d", rule) else "XXXX-XX-XX"
        return start, end, _rel(lambda ref: _holiday_near(rule, ref, tense, rel), unanchored, yearless=True)

    if form == "season":
        code = vocab().words["season"][g("s").lower()]
        rel = (g("rel") or "").lower()
        ys = g("y")
        part = g("part")
        word = g("s")
        if word.lower() == "fall" and not ys and rel not in ("this", "last", "next", "the"):
            raise _Skip  # "prices fall"
        if ys:
            y = _year_value(ys)
            if y is None:
                raise _Skip
            if rel in ("the", "in", "during", "until", "by", "since"):
                start = m.start(f"{form}__s") if not part else m.start(form) + m.group(form).lower().index(part.lower())
            return start, end, _abs(_part(_season(y, code), part))
        if not rel and not part:
            raise _Skip  # a bare "spring" is water, a bare "summer" too often a name
        if rel in ("in", "during", "until", "by", "since", "the"):
            start = m.start(f"{form}__part") if part else m.start(f"{form}__s")
            if rel != "the" and not re.match(r"(?:in|during|until|by|since)\s+the\s", m.group(form), re.I):
                raise _Skip  # "in spring" alone is fine in prose but too vague to anchor
        off = {"last": -1, "next": 1}.get(rel, 0)

        def fn12(ref: date) -> When:
            w = _season(ref.year, code)
            if code == "WI" and ref.month <= 2:
                w = _season(ref.year - 1, code)
            if off == 0 and rel != "this" and w.start > ref:
                w = _season(w.start.year - 1, code)
            elif off == -1:
                while w.end >= ref:
                    w = _season(w.start.year - 1, code)
            elif off == 1:
                while w.start <= ref:
                    w = _season(w.start.year + 1, code)
            return _part(w, part)
        return start, end, _rel(fn12, code if not rel or rel == "the" else f"XXXX-{code}")

    if form == "ym_num":
        if g("y"):
            y, mo = int(g("y")), int(g("m"))
            mtxt = g("m")
            if len(mtxt) == 2 and mo == (y + 1) % 100:
                raise _Skip  # 2011-12 is a season, not December
        else:
            y, mo = int(g("y2")), int(g("m2"))
        if _CONTEXT_WORDS.match(text, end):
            raise _Skip
        return start, end, _abs(_month(y, mo))

    if form == "yrange":
        y1 = int(g("y1"))
        s2 = g("y2")
        y2 = int(s2) if len(s2) == 4 else y1 // 100 * 100 + int(s2)
        if len(s2) == 2 and y2 < y1:
            y2 += 100
        if not y1 < y2 <= y1 + 100 or _CONTEXT_WORDS.match(text, end):
            raise _Skip
        return start, end, _abs(_join(_year(y1), _year(y2)))

    if form == "month_year":
        month = _month_of(g("m"))
        ys = g("y")
        if ys[:1].isdigit() and len(ys) == 2 and int(ys) <= 31:
            raise _Skip  # "May 12" is a day, handled elsewhere
        if ys[:1].isdigit() and len(ys) == 4 and g("m").lower() in vocab().cap and _CONTEXT_WORDS.match(text, end):
            raise _Skip  # "May 2000 people" is modal + count; "December 2004 continues" is a date
        y = _year_value(ys)
        if y is None:
            raise _Skip
        return start, end, _abs(_part(_month(y, month), g("part")))

    if form == "year_month":
        if _CONTEXT_WORDS.match(text, m.end(f"{form}__y")):
            raise _Skip
        return start, end, _abs(_month(int(g("y")), _month_of(g("m"))))

    if form == "rel_month":
        month = _month_of(g("m"))
        off = {"last": -1, "next": 1, "this": 0}[g("rel").lower()]

        def fn13(ref: date) -> When:
            w = _month(ref.year, month)
            if off == -1 and w.start >= ref.replace(day=1):
                w = _month(ref.year - 1, month)
            elif off == 1 and w.start <= ref:
                w = _month(ref.year + 1, month)
            return w
        return start, end, _rel(fn13, f"XXXX-{month:02d}")

    if form == "month":
        month = _month_of(g("mctx"))
        word = g("mctx").rstrip(".").lower()
        if word in _MONTH_ABBREVIATIONS:
            raise _Skip  # "Peter and Jan": a bare abbreviation is a name more often than a month
        before = text[max(0, start - 24):start]
        if g("bare") is not None and (word in vocab().cap or re.search(r"[A-Z][\w'’-]*\s+\Z", before)):
            raise _Skip  # "Theresa May was", "Mrs May's": a name, not a month
        if word in vocab().cap and re.search(r"\bthe\s+\Z", before, re.I) and not re.match(
                r"\s*(?:-|–|to|and|until)\s", text[end:end + 8]):
            raise _Skip  # "the May government"; "the March to May period" is kept
        nxt = re.match(r"\s+([A-Z][a-z]+)", text[end:end + 20])
        if (nxt and re.search(r"\b(?:and|or|to|of|the)\s+\Z|\(\Z", before, re.I)
                and nxt.group(1).lower() not in vocab().words["month"]
                and nxt.group(1).lower() not in vocab().words["weekday"]):
            raise _Skip  # "Tom and June Brown": a first name
        part = g("part") or g("part0")
        if g("part0"):
            start = m.start(f"{form}__part0")
        tense = _tense(text, start, end)
        if re.search(r"\b(?:since|ago|last|earlier|previous|past)\s+\Z", text[max(0, start - 12):start], re.I):
            tense = "past"  # "the fifth deal since October", whatever the rest of the clause says

        def fn_month(ref: date) -> When:
            # "launched ... in August": the latest August; "will run in February": the next one
            if tense == "future":
                return _part(_month(ref.year if month >= ref.month else ref.year + 1, month), part)
            return _part(_latest_month(month, ref), part)
        return start, end, _rel(fn_month, f"XXXX-{month:02d}", yearless=True)

    if form == "year":
        if _CONTEXT_WORDS.match(text, end) and not text[end:end + 2] in ("'s", "’s"):
            raise _Skip  # "in 2000 homes", "2005 people"
        y = _year_value(g("yr"))
        if y is None:
            raise _Skip
        part = g("part")
        if part and part.lower().startswith("the "):
            start += 4
        return start, end, _abs(_part(_year(y), part))

    raise AssertionError(form)  # pragma: no cover
