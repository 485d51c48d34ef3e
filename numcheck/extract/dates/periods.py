"""Period forms: months, years, quarters and halves, fiscal years, seasons, decades, centuries and holidays.

"August 2019", "in August", "last September", "in 2022", "2009-10", "Q3 2016",
"the third quarter", "fiscal 2005", "summer 2016", "the 1970s", "the 15th
century", "Christmas".  A bare month or year needs a context word ("in",
"since", "the") so that "May" the name and "2005 people" stay what they are.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from .arith import (
    When,
    _day,
    _decade,
    _fiscal,
    _half,
    _holiday_near,
    _join,
    _latest_month,
    _month,
    _part,
    _quarter,
    _REL_OFFSET,
    _season,
    _year,
    add_months,
    granularity,
    holiday as holiday_day,
)
from .context import COUNT_NOUN, Told, clause_before, tense, told
from .form import Anchor, Focus, Groups, Read, Skip, Spanned, anaphoric, fixed, form, relative, yearless
from .vocab import MONTH_ABBREVIATIONS, month_of, ordinal_of, vocab, year_of

_THINGS_NAMED = ("island|tree|trees|card|cards|cracker|crackers|pudding|puddings|jumper|jumpers|carol|carols|lights|egg|eggs"
                 "|bunny|rising|offensive|tet|agreement|accord")


@form("holiday", r"(?:(?P<rel>this|last|next)\s+)?(?<!Father )(?<!Chinese )(?<!Lunar )(?<!Jewish )(?<!Islamic )"
                 r"(?P<h>{HOL})(?!\s+(?:" + _THINGS_NAMED + r")\b)(?:,?\s+(?:of\s+)?{Y4:y})?",
      first="#rel #holiday", needs=(r"^(?:(?:this|last|next)\s+)?{HOLIDAY}",))
def holiday(g: Groups) -> Read:
    """Christmas, Christmas Day 2004, last Easter, New Year's Eve (not Father Christmas, Chinese New Year or a
    Christmas tree: the name of a thing, not a day)."""
    name = g.req("h")
    if not name[:1].isupper():
        raise Skip  # a holiday is a proper name: "christmas" in lower case is not trusted
    rule = vocab().words["holiday"][re.sub(r"\s+", " ", name.lower().replace("’", "'"))]
    ys = g("y")
    if ys:
        return fixed(_day(holiday_day(rule, int(ys))))
    when = told(g.text, g.start, g.end)
    unanchored = f"XXXX-{rule}" if re.fullmatch(r"\d\d-\d\d", rule) else "XXXX-XX-XX"
    rel = g.low("rel")
    return relative(lambda ref: _holiday_near(rule, ref, when.tense, rel, when.firm), unanchored, yearless=True)


@form("fiscal", r"(?:(?:the\s+)?(?P<rel>this|last|next|current|previous)\s+(?:fiscal|financial)\s+year\b"
                r"|(?:(?:the\s+)?(?:fiscal(?:\s+year)?|financial\s+year)|\bFY)\s*{Y4:y}(?:\s?[-/]\s?(?P<y2>\d{4}|\d\d)(?!\d))?"
                r"|(?:the\s+)?{Y4:y3}\s?[-/]\s?(?P<y4>\d{4}|\d\d)(?!\d)\s+(?:fiscal|financial|tax)\s+year\b)",
      first="the #rel fiscal financial fy #y",
      needs=(r"^(?:the\s+)?(?:[a-z]+\s+)?(?:\d{4}\s?[-/]\s?\d+\s+)?(?:fiscal|financial|fy)"
             r"|^(?:the\s+)?\d{4}\s?[-/]\s?\d+\s+(?:fiscal|financial|tax)",))
def fiscal(g: Groups) -> Read:
    """fiscal year 2008, the 2004/05 financial year, last fiscal year, FY2005."""
    if g("rel"):
        off = _REL_OFFSET[g.low("rel")]
        return relative(lambda ref: _fiscal(ref.year + off), "XXXX")
    ys, ye = (g("y"), g("y2")) if g("y") else (g("y3"), g("y4"))
    if ys is None:
        raise Skip
    y = int(ys)
    if ye:  # "2004/05": the year it starts in and the next
        if _next_year(y, ye) is None:
            raise Skip
        return fixed(_split_fiscal(y))
    return fixed(_fiscal(y))


def _next_year(y: int, written: str) -> int | None:
    """The second year of a fiscal year told by two ("2004/05", "1999-00", "2010-2011"), or None when it is not the
    year after the first (then the two are no fiscal year)."""
    y2 = int(written) if len(written) == 4 else y // 100 * 100 + int(written)
    if y2 == y - 99:
        y2 += 100  # "1999-00"
    return y2 if y2 == y + 1 else None


FISCAL_MONTH = 4  # a fiscal year told by two years ("2004/05") starts in April, as Britain, India and Japan count it
# (Australia's starts in July: that reading is not taken)


def _split_fiscal(y: int) -> When:
    """The fiscal year y/y+1, from FISCAL_MONTH; the TIMEX3 value is the year it starts in."""
    start = date(y, FISCAL_MONTH, 1)
    return When(f"{y:04d}", start, add_months(start, 12) - timedelta(days=1))


@form("quarter", r"(?:(?P<y1>{Y4})\s*-?\s*|\b)(?P<q>[QH][1-4])\b(?:\s*{Y4:y2}|\s+(?P<rel>this|last|next)\s+year\b)?",
      first="q h #y", needs=(r"^(?:\d{4}\s*-?\s*)?[qh][1-4]\b",))
def quarter(g: Groups) -> Read:
    """Q3 2016, 2016 Q3, 2016H2, Q1 next year, Q4 (the latest fourth quarter begun by publication)."""
    q = g.req("q").upper()
    kind, n = q[0], int(q[1])
    if kind == "H" and n > 2:
        raise Skip
    mk = _quarter if kind == "Q" else _half
    ys = g("y1") or g("y2")
    if ys:
        return fixed(mk(int(ys), n))
    if g("rel"):
        off = {"this": 0, "last": -1, "next": 1}[g.low("rel")]
        return relative(lambda ref: mk(ref.year + off, n), f"XXXX-{kind}{n}")
    if kind == "H":
        raise Skip  # a bare "H2" is too often something else

    def fn(ref: date) -> When:
        w = mk(ref.year, n)
        return w if w.start is not None and w.start <= ref else mk(ref.year - 1, n)
    return relative(fn, f"XXXX-Q{n}")


_QUARTER_NUMBER = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}
_RESULTS = r"(?:profits?|earnings|results|sales|revenues?|growth|figures|output|loss(?:es)?|gdp|net)"


@form("quarter_words", r"(?:the\s+)?(?P<n>first|second|third|fourth|1st|2nd|3rd|4th|last)[\s-]+(?P<kind>quarter|half)\b"
                       r"(?:\s+(?:of\s+)?(?:{YEAR:y}(?:[-/](?P<fy>\d\d(?:\d\d)?)(?!\d))?|(?P<rel>this|last|next)\s+year\b|the\s+year\b)"
                       r"|(?P<bare>(?=[\s-]+" + _RESULTS + r"\b)|(?<=quarter)(?!\s+of\s+(?:the|a|an|this|that|his|her|its|their)\b)))",
      first="the #ord #dd", needs=(r"^(?:the\s+)?[a-z0-9]+[\s-]+(?:quarter|half)\b",))
def quarter_words(g: Groups) -> Read:
    """the third quarter of 2016, first half of this year, third-quarter profits (the latest begun by then), the first
    quarter of 2010-11 (of a fiscal year told by its two years: April to June 2010, as "the 2010-11 fiscal year" is read
    from April)."""
    return _quarter_in_words(g, g.low("kind") or "quarter", g("fy"))


def _fiscal_part(y: int, kind: str, n: int) -> When:
    """The n-th quarter or half of the fiscal year y/y+1 ("2010-11"), read as _split_fiscal reads it."""
    months = 3 if kind == "quarter" else 6
    first = add_months(date(y, FISCAL_MONTH, 1), months * (n - 1))
    return When(f"{y:04d}", first, add_months(first, months) - timedelta(days=1))


@form("y_quarter", r"(?P<y>{Y4})\s+the\s+(?P<n>first|second|third|fourth)\s+quarter\b", first="#y",
      needs=(r"^\d{4}\s+the\s+[a-z]+\s+quarter\b",))
def y_quarter(g: Groups) -> Read:
    """2016 the first quarter."""
    return _quarter_in_words(g, "quarter")


def _quarter_in_words(g: Groups, kind: str, fiscal_to: str | None = None) -> Read:
    nword = g.low("n")
    n = 4 if nword == "last" and kind == "quarter" else 2 if nword == "last" else _QUARTER_NUMBER.get(nword)
    if n is None or kind == "half" and n > 2:
        raise Skip
    mk = _quarter if kind == "quarter" else _half
    ys = g("y")
    if ys:
        y = year_of(ys)
        if fiscal_to and _next_year(y, fiscal_to) is not None:
            return fixed(_fiscal_part(y, kind, n))  # (else "the first quarter of 2010-12": of 2010)
        return fixed(mk(y, n))
    code = f"{'Q' if kind == 'quarter' else 'H'}{n}"
    if g("bare") is not None:
        if nword == "last":
            raise Skip  # "the last quarter" is read as a relative quarter elsewhere

        def latest(ref: date) -> When:  # "third-quarter profits": the latest third quarter begun by then
            w = mk(ref.year, n)
            return w if w.start is not None and w.start <= ref else mk(ref.year - 1, n)
        return relative(latest, f"XXXX-{code}")
    off = {"this": 0, "last": -1, "next": 1}.get(g.low("rel") or "this", 0)
    return relative(lambda ref: mk(ref.year + off, n), f"XXXX-{code}")


@form("mon_relyear", r"{MON:m}\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b", first="#month",
      needs=(r"^{MONTH}\.?\s+(?:of\s+)?[a-z]+\s+year\b",))
def mon_relyear(g: Groups) -> Read:
    """June next year, August last year."""
    month = month_of(g.req("m"))
    off = {"this": 0, "last": -1, "next": 1}[g.low("rel")]
    return relative(lambda ref: _month(ref.year + off, month), f"XXXX-{month:02d}")


_POSSESSIVE_BEFORE = re.compile(r"\b(?:his|her|their|its|my|your|our)\s*$")
_DECADE_BEFORE = re.compile(r"(?:\bthe\s+|[12]\d)(?:(?:early|mid|late)[\s-]+)?['’]?\d0['’]?s\s*(?:and|or|to|-|–)\s*"
                            r"(?:(?:early|mid|late)[\s-]+)?$", re.I)
_AGE_DECADES_BEFORE = re.compile(r"\b(?:his|her|their|my|your|our)\s+(?:(?:early|mid|late)[\s-]+)?[1-9]0s\s*(?:and|or|to|-|–)\s*"
                                 r"(?:(?:early|mid|late)[\s-]+)?$", re.I)


@form("decade", r"(?:\bthe\s+)?(?P<part>(?:early|mid|late)[\s-]+)?(?:(?P<y4>[12]\d{2}0)\s?['’]?s\b"
                r"|(?:(?<=the )|(?<=0s and )|(?<=0s or )|(?<=0s to )|(?<=0s-)|(?<=0s – ))"  # the 80s; the 1970s and 80s
                r"(?P<part2>(?:early|mid|late)[\s-]+)?['’]?(?P<y2>[0-9]0)['’]?s\b"
                r"|(?P<words>(?:(?:nineteen|twenty)[\s-])?(?:seventies|sixties|fifties|forties|thirties|twenties|eighties|nineties|noughties)"
                r"|twenty[\s-]tens|two\s+thousand(?:\s+and\s+tens|s)))",
      first="the #part ' ’ #num #decade #y #dd",
      needs=(r"^(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?(?:[12]\d{2}0\s?['’]?s|['’]?\d0['’]?s|(?:(?:nineteen|twenty)[\s-])?[a-z]+ties"
             r"|twenty[\s-]tens|two\s+thousand)",))
def decade(g: Groups) -> Read:
    """the 1970s, the late 1990s, the '40s, the seventies, the nineteen seventies, the noughties."""
    part = g("part") or g("part2")
    y4, y2 = g("y4"), g("y2")
    if y4:
        return fixed(_part(_decade(int(y4)), part))
    if y2:
        if _POSSESSIVE_BEFORE.search(g.text[max(0, g.start - 6):g.start].lower()) \
                or _AGE_DECADES_BEFORE.search(g.text, max(0, g.start - 45), g.start):
            raise Skip  # "in their 40s", "in their 30s and 40s" are ages
        if not g.whole.lower().startswith("the") and g.text[max(0, g.start - 4):g.start].lower() != "the " \
                and not _DECADE_BEFORE.search(g.text, max(0, g.start - 30), g.start):
            raise Skip  # "in 10s and 20s": seconds; "the 1970s and 80s", "the 70s and 80s": decades
        dd = int(y2)
        if dd >= 30:
            return fixed(_part(_decade(1900 + dd), part))

        def fn(ref: date) -> When:
            y0 = ref.year // 100 * 100 + dd
            if y0 > ref.year:
                y0 -= 100
            return _part(_decade(y0), part)
        return relative(fn, f"XX{dd // 10}")
    words = g.low("words").replace("-", " ")
    last = words.split()[-1]
    if words.startswith("two thousand") and last == "thousands":
        return fixed(_part(_decade(2000), part))
    if words.endswith("and tens") or words == "twenty tens":
        return fixed(_part(_decade(2010), part))
    dd = int(vocab().words["decade"][last])
    if words.startswith("twenty") or dd == 0:
        return fixed(_part(_decade(2000 + dd), part))
    if words.startswith("nineteen") or dd >= 30:
        return fixed(_part(_decade(1900 + dd), part))
    raise Skip


@form("century", r"(?:\bthe\s+)?(?P<part>(?:early|mid|late)[\s-]+)?(?P<n>(?:[1-9]|1\d|2[01])(?:st|nd|rd|th)|{DORD})[\s-]+century\b",
      first="the #part #ord #num #dd",
      needs=(r"^(?:the\s+)?(?:(?:early|mid|late)[\s-]+)?[a-z0-9-]+(?:\s[a-z]+)?[\s-]+centur",))
def century(g: Groups) -> Read:
    """the 15th century, the twenty-first century."""
    n = ordinal_of(g.req("n"), 22)
    c = n - 1
    w = When(f"{c:02d}", date(max(c * 100, 1), 1, 1), date(c * 100 + 99, 12, 31))
    return fixed(_part(w, g("part")))


@form("season", r"(?:(?P<rel>this\s+past|this|last|next|the|mid|early|late|in|during|until|by|since)\s+(?:the\s+)?)?"
                r"(?P<part>(?:early|mid|late)[\s-]+)?(?P<s>{SEASON})(?:\s+(?:of\s+)?{YEAR:y})?",
      first="#rel #part in during until by since #season", needs=(r"^(?:[a-z]+\s+){0,3}?(?:(?:early|mid|late)[\s-]+)?{SEASON}",))
def season(g: Groups) -> Read:
    """summer 2016, the spring of 1978, this summer, last winter, mid summer."""
    code = vocab().words["season"][g.low("s")]
    rel = "last" if g.low("rel").startswith("this past") else g.low("rel")
    ys = g("y")
    part = g("part")
    start = g.start
    if g.low("s") == "fall" and not ys and rel not in ("this", "last", "next", "the"):
        raise Skip  # "prices fall"
    if ys:
        y = year_of(ys)
        if rel in ("the", "in", "during", "until", "by", "since"):
            start = g.begin("s") if not part else g.start + g.whole.lower().index(part.lower())
        return Spanned(start, g.end, fixed(_part(_season(y, code), part)))
    if not rel and not part:
        raise Skip  # a bare "spring" is water, a bare "summer" too often a name
    if rel in ("in", "during", "until", "by", "since", "the"):
        start = g.begin("part") if part else g.begin("s")
        if rel != "the" and not re.match(r"(?:in|during|until|by|since)\s+the\s", g.whole, re.I):
            raise Skip  # "in spring" alone is fine in prose but too vague to anchor
    off = {"last": -1, "next": 1}.get(rel, 0)

    def fn(ref: date) -> When:
        w = _season(ref.year, code)
        if code == "WI" and ref.month <= 2:
            w = _season(ref.year - 1, code)
        if off == 0 and rel != "this" and w.start is not None and w.start > ref:
            w = _season(w.start.year - 1, code)
        elif off == -1:
            while w.end is not None and w.end >= ref and w.start is not None:
                w = _season(w.start.year - 1, code)
        elif off == 1:
            while w.start is not None and w.start <= ref:
                w = _season(w.start.year + 1, code)
        return _part(w, part)
    return Spanned(start, g.end, relative(fn, code if not rel or rel == "the" else f"XXXX-{code}"))


@form("ym_num", r"(?<![\d.,\-/])(?:(?P<y>[12]\d{3})\s?[-/]\s?(?P<m>0?[1-9]|1[0-2])|(?P<m2>0?[1-9]|1[0-2])\s?[-/]\s?(?P<y2>[12]\d{3}))"
                r"(?![\d]|[.,/\-]\d|%)",
      first="#y #dd", needs=(r"^\d{1,4}\s?[-/]\s?\d",))
def ym_num(g: Groups) -> Read:
    """2015-3, 2016/11, 2016 - 11, 11/2016, 3-2015."""
    ys, ms = g("y"), g("m")
    if ys and ms:
        y, mo = int(ys), int(ms)
        if len(ms) == 2 and mo == (y + 1) % 100:
            raise Skip  # 2011-12 is a season, not December
    else:
        y, mo = int(g.req("y2")), int(g.req("m2"))
    if COUNT_NOUN.match(g.text, g.end):
        raise Skip
    return fixed(_month(y, mo))


@form("yrange", r"(?<![\d.,\-/])(?P<y1>1[5-9]\d\d|20\d\d)\s?[-–/]\s?(?P<y2>1[5-9]\d\d|20\d\d|\d\d)(?![\d]|[.,]\d|%)",
      first="#y", needs=(r"^\d{4}\s?[-–/]\s?\d\d",))
def yrange(g: Groups) -> Read:
    """2009-2010, 2009-10, 2004/05."""
    y1 = int(g.req("y1"))
    s2 = g.req("y2")
    y2 = int(s2) if len(s2) == 4 else y1 // 100 * 100 + int(s2)
    if len(s2) == 2 and y2 < y1:
        y2 += 100
    if not y1 < y2 <= y1 + 100 or COUNT_NOUN.match(g.text, g.end):
        raise Skip
    return fixed(_join(_year(y1), _year(y2)))


# what follows a number that is an amount, not a two-digit year ("September 35%", "March 40 percent")
_NOT_A_YEAR = re.compile(r"\s*(?:%|per\s*cent|percent|[.,]\d)", re.I)


@form("month_year", r"(?P<part>{PART})?{MON:m}\s*[,/-]?\s*(?:of\s+)?(?P<y>{Y4}|{YWORDS}|['’]?\d\d(?![\d:]))", first="#part #month",
      needs=("^(?:[a-z]+[\\s-]+){0,3}{MONTH}\\.?\\s*[,/-]?\\s*(?:of\\s+)?(?:\\d|['’]|nineteen|twenty|two|ten|eleven|twelve|[a-z]+teen)",))
def month_year(g: Groups) -> Read:
    """August 2019, November, 2016, June of nineteen ninety-nine, August 99, late August 2004."""
    month = month_of(g.req("m"))
    ys = g.req("y")
    if ys[:1].isdigit() and len(ys) == 2 and (int(ys) <= 31 or "," in g.whole or _NOT_A_YEAR.match(g.text, g.end)):
        raise Skip  # "May 12" is a day, handled elsewhere; "to September, 35% more" a month and an amount
    if ys[:1].isdigit() and len(ys) == 4 and g.low("m") in vocab().cap and COUNT_NOUN.match(g.text, g.end):
        raise Skip  # "May 2000 people" is modal + count; "December 2004 continues" is a date
    y = year_of(ys)
    return fixed(_part(_month(y, month), g("part")))


@form("year_month", r"(?P<y>{Y4})\s*,?\s*{MON:m}(?!\s*\d)", first="#y", needs=(r"^\d{4}\s*,?\s*{MONTH}",))
def year_month(g: Groups) -> Read:
    """2016 June, 2016, nov."""
    if COUNT_NOUN.match(g.text, g.m.end(f"{g.form}__y")):
        raise Skip
    return fixed(_month(int(g.req("y")), month_of(g.req("m"))))


@form("rel_month", r"\b(?P<rel>this|last|next)\s+{MON:m}(?!\.?\s*\d)", first="#rel", needs=(r"^[a-z]+\s+{MONTH}",))
def rel_month(g: Groups) -> Read:
    """last September, next June, this August; "last February" in a March paper is a year back (the month just
    gone is "last month")."""
    month = month_of(g.req("m"))
    off = {"last": -1, "next": 1, "this": 0}[g.low("rel")]

    def fn(ref: date) -> When:
        w = _month(ref.year, month)
        if off == -1 and w.start is not None and w.start >= add_months(ref.replace(day=1), -1):
            w = _month(ref.year - 1, month)
        elif off == 1 and w.start is not None and w.start <= ref:
            w = _month(ref.year + 1, month)
        return w
    return relative(fn, f"XXXX-{month:02d}")


def _month_near(mo: int, ref: date, when: Told) -> When:
    """A month named without its year: the latest such month when told as past ("launched in August"), the next
    when told as future ("will run in February"), else the nearer; a tense told further off in the clause that
    puts it most of a year away gives way to one close on the other side."""
    back = (ref.month - mo) % 12  # months since the latest one (0: this month)
    ahead = (mo - ref.month) % 12
    far = not when.firm and (back >= _MONTHS_OFF and ahead <= _MONTHS_CLOSE)
    if when.tense == "past" and not far or when.tense != "future" and back <= ahead:
        return _latest_month(mo, ref)
    if when.tense == "future" and not when.firm and ahead >= _MONTHS_OFF and back <= _MONTHS_CLOSE:
        return _latest_month(mo, ref)
    return _month(ref.year + (mo < ref.month), mo)


_MONTHS_OFF = 10
_MONTHS_CLOSE = 1


_NAME_BEFORE = re.compile(r"[A-Z][\w'’-]*\s+\Z")
_THE_BEFORE = re.compile(r"\bthe\s+\Z", re.I)
_RANGE_AFTER = re.compile(r"\s*(?:-|–|to|and|until)\s")
_NEXT_NAME = re.compile(r"\s+([A-Z][a-z]+)")
_JOIN_BEFORE = re.compile(r"\b(?:and|or|to|of|the|for|a)\s+\Z|\(\Z", re.I)
_PAST_BEFORE = re.compile(r"\b(?:since|ago|last|earlier|previous|past)\s+\Z", re.I)


@form("month", r"(?:{MCTX}(?P<part0>(?:early|mid|late)[\s-]+)?|(?P<part>{PART})|(?P<bare>(?={MON}(?:['’]s\b|\s+(?:was|is|will|has|had|saw)\b))))"
               r"(?P<mctx>{MON:m})",
      first="#part #month", needs=(r"^(?:(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+|(?:early|mid|late)[\s-]+)?{MONTH}",))
def month(g: Groups) -> Read:
    """(in|since|until|...) August; late August; "August was": the latest such month, or the next when told
    as future; not "Theresa May", "the May government" or "Tom and June Brown"."""
    word_raw = g.req("mctx")
    mo = month_of(word_raw)
    word = word_raw.rstrip(".").lower()
    text, start, end = g.text, g.start, g.end
    if word in MONTH_ABBREVIATIONS:
        raise Skip  # "Peter and Jan": a bare abbreviation is a name more often than a month
    before = text[max(0, start - 24):start]
    if g("bare") is not None and (word in vocab().cap or _NAME_BEFORE.search(before)):
        raise Skip  # "Theresa May was", "Mrs May's": a name, not a month
    if word in vocab().cap and _THE_BEFORE.search(before) and not _RANGE_AFTER.match(text[end:end + 8]):
        raise Skip  # "the May government"; "the March to May period" is kept
    nxt = _NEXT_NAME.match(text[end:end + 20])
    if (nxt and _JOIN_BEFORE.search(before)
            and nxt.group(1).lower() not in vocab().words["month"]
            and nxt.group(1).lower() not in vocab().words["weekday"]):
        raise Skip  # "Tom and June Brown": a first name
    part = g("part") or g("part0")
    if g("part0"):
        start = g.begin("part0")
    when = told(text, start, end)
    if _PAST_BEFORE.search(text[max(0, start - 12):start]):
        when = Told("past", True)  # "the fifth deal since October", whatever the rest of the clause says

    clause_start = start - len(clause_before(text, start))

    def fn(ref: date, anchor: Anchor) -> When:
        told = anchor.focus.last
        if told is not None and told.start is not None and anchor.focus.last_end >= clause_start \
                and told.start.year < ref.year and granularity(told) in ("Y", "M", "D"):
            return _part(_month(told.start.year, mo), part)  # "In 1995 he moved to Paris, and in June he married"
        return _part(_month_near(mo, ref, when if anchor.exact else Told(when.tense, True)), part)
    return Spanned(start, end, yearless(fn, f"XXXX-{mo:02d}"))


# "post-1959 politics", "pre-1990 levels": a year, whatever noun follows
_ERA_BEFORE = re.compile(r"\b(?:post|pre)-\Z", re.I)


_PERCENT_OR_RANGE = r"(?!\d|[.,]\d|%|{CLOCK}|\s*(?:per\s?cent|percent)|\s?[-–/]\s?\d)"


@form("year", r"(?:{YCTX}|(?P<part>{PART})|(?<=\()(?=\d{4}\))|(?=\d{4}['’]s\b)|(?=\d{4}\s+(?:was|is|will|has|had|saw|marked|offers|brings)\b))"
              r"(?P<yr>1[5-9]\d\d|20\d\d)" + _PERCENT_OR_RANGE,
      first="#part #num #y", needs=(r"^(?:(?:the\s+)?(?:end|beginning|start|middle)\s+of\s+|(?:early|late|mid)[\s-]*)?\d{4}",))
def year(g: Groups) -> Read:
    """in 2022, since 1945, the 2004 election, mid-2004, (2005), 2004's, "2005 was", the post-1959 politics."""
    text, end = g.text, g.end
    if COUNT_NOUN.match(text, end) and text[end:end + 2] not in ("'s", "’s") \
            and not _ERA_BEFORE.search(text, max(0, g.start - 5), g.start):
        raise Skip  # "in 2000 homes", "2005 people"
    y = year_of(g.req("yr"))
    part = g("part")
    start = g.start + 4 if part and part.lower().startswith("the ") else g.start
    return Spanned(start, end, fixed(_part(_year(y), part)))


@form("year_words", r"(?:(?<=\bin )|(?<=\bsince )|(?<=\byear )|(?<=\buntil )|(?<=\bby )|(?<=\bof )|(?<=\bbefore )|(?<=\bafter )"
                    r"|(?=(?:eighteen|nineteen)[\s-][a-z]+ty\b))(?P<yw>{YWORDS})",
      first="#num", needs=(r"^(?:(?:ten|eleven|twelve|[a-z]+teen|twenty)[\s-][a-z]|two\s+thousand)",))
def year_words(g: Groups) -> Read:
    """in nineteen ninety-six, since nineteen seventy-nine, the year two thousand (as broadcast scripts write); a
    year of the 1800s or 1900s said "nineteen ninety-six" needs no such word: no count is said so."""
    if COUNT_NOUN.match(g.text, g.end):
        raise Skip  # "in two thousand homes"
    y = year_of(g.req("yw"))
    return fixed(_year(y))


@form("year_end", r"(?:(?<=\bby )|(?<=\bat )|(?<=\bsince )|(?<=\buntil )|(?<=\btill )|(?<=\bbefore )|(?<=\bafter )"
                  r"|(?<=\baround )|(?<=\bthrough ))year(?:[-\s]|['’]s\s+)end\b",
      first="year", needs=(r"^year(?:[-\s]|['’]s\s+)end\b",))
def year_end(g: Groups) -> Read:
    """by year-end, since year end, by year's end: the end of the year told (TimeML: the year, its end), the
    latest one passed when told as past ("the change since year-end" in October is last year's)."""
    past = tense(g.text, g.start, g.end) == "past"

    def fn(ref: date) -> When:
        return _part(_year(ref.year - 1 if past and ref.month < 12 else ref.year), "end of")
    return relative(fn, "XXXX")
