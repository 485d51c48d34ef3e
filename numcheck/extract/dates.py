"""Dates: text -> date claims with TIMEX3 values and inclusive day intervals, anchored to the publication date.

How it reads: one pass of a trie-shaped regex over the lower-cased text finds
trigger words (digits, month, weekday, season, relative and unit words); only
the word starts just before each trigger are tried, and only against the forms
that can begin with that word and whose cheap necessary conditions hold there.
Forms are regexes built from named pieces and the vocabulary in
``numcheck/data/dates.tsv``, compiled the first time a text needs them, so a
cold start pays for a handful.  Each form has a resolver that turns its groups
into a TIMEX3 value and a day interval, or declines ("2005 people" is a count).

Relative forms ("on Friday", "last year", "in August") are resolved against
both ends of the publication interval and the results joined, so a partial
publication date (2005, 2005-02) gives an honest interval; with no publication
date they stay unresolved (``XXXX-08``), never guessed.  Adjacent dates joined
by "to", "until" or a dash merge into one range claim whose timex is an ISO
8601 interval (``2009/2010``).  Numbered spans ("the past 20 years") are
durations and left to the quantity extractor.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, timedelta
from functools import lru_cache
from importlib import resources
from typing import Callable, Iterator

from ..model import Claim

Ref = date | None
Resolver = Callable[[Ref], "When | None"]


# ---------------------------------------------------------------------------
# Values: a timex with the days it covers
# ---------------------------------------------------------------------------

@dataclass(frozen=True)
class When:
    """A resolved date: TIMEX3 value and inclusive first/last day (None when unresolved or impossible)."""

    timex: str
    start: date | None = None
    end: date | None = None


def _day(d: date) -> When:
    return When(d.isoformat(), d, d)


def _month(y: int, m: int) -> When:
    return When(f"{y:04d}-{m:02d}", date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1]))


def _year(y: int) -> When:
    return When(f"{y:04d}", date(y, 1, 1), date(y, 12, 31))


def _make_day(y: int, m: int, d: int) -> When:
    """A day, or an impossible day (31 April) kept with its timex and no interval."""
    try:
        return _day(date(y, m, d))
    except ValueError:
        return When(f"{y:04d}-{m:02d}-{d:02d}")


# ---------------------------------------------------------------------------
# Calendar arithmetic (stdlib only; month steps clamp to the month's last day)
# ---------------------------------------------------------------------------

def add_months(d: date, n: int) -> date:
    """``d`` moved by ``n`` calendar months, the day clamped (31 Jan + 1 month = 28/29 Feb)."""
    y, m = divmod(d.year * 12 + d.month - 1 + n, 12)
    m += 1
    return date(y, m, min(d.day, calendar.monthrange(y, m)[1]))


_UNIT_DAYS = {"D": 1, "W": 7, "F": 14}
_UNIT_MONTHS = {"M": 1, "Q": 3, "Y": 12, "DE": 120, "CE": 1200}


def shift(d: date, n: int, unit: str) -> date:
    """``d`` moved by ``n`` units (D day, W week, F fortnight, M month, Y year, DE decade, CE century)."""
    if unit in _UNIT_DAYS:
        return d + timedelta(days=n * _UNIT_DAYS[unit])
    return add_months(d, n * _UNIT_MONTHS[unit])


def _week(d: date) -> When:
    y, w, _ = d.isocalendar()
    mon = d - timedelta(days=d.weekday())
    return When(f"{y:04d}-W{w:02d}", mon, mon + timedelta(days=6))


def _weekend(d: date) -> When:
    y, w, _ = d.isocalendar()
    mon = d - timedelta(days=d.weekday())
    return When(f"{y:04d}-W{w:02d}-WE", mon + timedelta(days=5), mon + timedelta(days=6))


_SEASON_MONTHS = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def _season(y: int, code: str) -> When:
    first = date(y, _SEASON_MONTHS[code], 1)
    last = add_months(first, 3) - timedelta(days=1)
    return When(f"{y:04d}-{code}", first, last)


def _quarter(y: int, q: int) -> When:
    first = date(y, 3 * q - 2, 1)
    return When(f"{y:04d}-Q{q}", first, add_months(first, 3) - timedelta(days=1))


def _half(y: int, h: int) -> When:
    first = date(y, 6 * h - 5, 1)
    return When(f"{y:04d}-H{h}", first, add_months(first, 6) - timedelta(days=1))


def _fiscal(y: int) -> When:
    """Fiscal year Y: countries differ (US October Y-1 to September Y, UK April Y to March Y+1), so the days
    are the union of both readings."""
    return When(f"FY{y:04d}", date(y - 1, 10, 1), date(y + 1, 3, 31))


def _decade(y0: int) -> When:
    return When(f"{y0 // 10:03d}X", date(y0, 1, 1), date(y0 + 9, 12, 31))


def _part(w: When, part: str | None) -> When:
    """The early/mid/late part of a week, month, year, decade or century; the timex stays the whole unit's.

    Weeks, months and years split in halves ("late last year" is July to December), "the beginning/end of"
    a year in thirds ("the end of 2000" is September to December), the middle of a year is May to August,
    decades and centuries in their first four, middle three and last three tenths ("the late 1990s": 1997-99).
    """
    if not part or w.start is None or w.end is None:
        return w
    p = re.sub(r"[\s-]+", " ", part.lower()).strip()
    p = p[4:] if p.startswith("the ") else p
    kind = "early" if p in ("early", "beginning of", "start of") else "late" if p in ("late", "end of") else "mid"
    days = (w.end - w.start).days + 1
    if days > 400:
        y0, n = w.start.year, w.end.year - w.start.year + 1
        a, b = {"early": (0.0, 0.4), "mid": (0.4, 0.7), "late": (0.7, 1.0)}[kind]
        return When(w.timex, date(y0 + round(n * a), 1, 1), date(y0 + round(n * b) - 1, 12, 31))
    year = days >= 300
    thirds = year and p.endswith(" of")
    a, b = {"early": (0.0, 1 / 3 if thirds else 0.5), "late": (2 / 3 if thirds else 0.5, 1.0),
            "mid": (1 / 3, 2 / 3) if year else (0.25, 0.75)}[kind]
    if year:  # whole months
        return When(w.timex, add_months(w.start, round(12 * a)), add_months(w.start, round(12 * b)) - timedelta(days=1))
    s = w.start + timedelta(days=int(days * a))
    e = w.start + timedelta(days=max(int(days * b) - 1, int(days * a)))
    return When(w.timex, s, e)


def _join(a: When, b: When) -> When:
    """The interval from ``a`` to ``b``, with an ISO 8601 interval timex (2009/2010)."""
    start = a.start
    end = b.end
    if start is not None and end is not None and end < start:
        return When(f"{a.timex}/{b.timex}")
    return When(f"{a.timex}/{b.timex}", start, end)


def _merge_refs(a: When, b: When) -> When:
    """One value for the two ends of a partial publication date: the union of days, the common timex."""
    if a.timex == b.timex:
        return When(a.timex, a.start, b.end if b.end and (a.end is None or b.end > a.end) else a.end)
    tx = []
    for ca, cb in zip(a.timex, b.timex):
        if ca != cb:
            break
        tx.append(ca)
    rest = a.timex[len(tx):]
    timex = "".join(tx) + re.sub(r"\d", "X", rest)
    starts = [d for d in (a.start, b.start) if d]
    ends = [d for d in (a.end, b.end) if d]
    return When(timex, min(starts) if starts else None, max(ends) if ends else None)


# ---------------------------------------------------------------------------
# Vocabulary (data file) and number words
# ---------------------------------------------------------------------------

def _trie(words: set[str]) -> str:
    """A regex alternation shaped as a trie ("jan(?:uary)?|ju(?:ly|ne)"), which re matches far faster than a flat one."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        ends = "" in node
        branches = [re.escape(ch) + emit(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if ends:
            return f"(?:{body})?"
        return body
    return emit(root)


@dataclass(frozen=True)
class Vocab:
    """The date words of ``dates.tsv`` by kind; ``cap`` holds words that count only when capitalised."""

    words: dict[str, dict[str, str]]
    cap: frozenset[str]

    def alt(self, kind: str, exclude: tuple[str, ...] = ()) -> str:
        """A regex alternation of the words of one kind, longest first; capitalised-only words case-sensitive."""
        plain = {w for w in self.words[kind] if w not in exclude and w not in self.cap}
        capped = [w for w in self.words[kind] if w not in exclude and w in self.cap]
        out = [_trie(plain)] if plain else []
        out += [f"(?-i:{w.capitalize()}|{w.upper()})" for w in capped]
        return "|".join(out)


@lru_cache(maxsize=1)
def vocab() -> Vocab:
    words: dict[str, dict[str, str]] = {}
    cap: set[str] = set()
    raw = resources.files("numcheck.data").joinpath("dates.tsv").read_text(encoding="utf-8")
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) < 3:
            raise ValueError(f"dates.tsv line {n}: expected kind<TAB>word<TAB>value, got {line!r}")
        kind, word, value = parts[0], parts[1].lower(), parts[2]
        words.setdefault(kind, {})[word] = value
        if len(parts) > 3 and parts[3].strip() == "cap":
            cap.add(word)
    return Vocab(words, frozenset(cap))


def _num_words(s: str) -> int | None:
    """'twenty-one' -> 21, 'fifteen' -> 15, '3' -> 3, 'a few' -> 3 (small cardinals only)."""
    s = s.lower().strip()
    if s.isdigit():
        return int(s)
    s = re.sub(r"^an?\s+(?=few|couple)", "", s)
    cards = vocab().words["card"]
    total = 0
    seen = False
    for tok in re.split(r"[\s-]+", s):
        if tok in ("and", "of", ""):
            continue
        if tok not in cards:
            return None
        total += int(cards[tok])
        seen = True
    return total if seen else None


def _ord_words(s: str) -> int | None:
    """'twenty-first' -> 21, '3rd' -> 3, 'fifteen' -> 15."""
    s = s.lower().strip().rstrip(".")
    m = re.match(r"(\d+)(?:st|nd|rd|th)?$", s)
    if m:
        return int(m.group(1))
    ords = vocab().words["ord"]
    toks = [t for t in re.split(r"[\s-]+", s) if t]
    if not toks:
        return None
    if toks[-1] in ords:
        head = _num_words(" ".join(toks[:-1])) if len(toks) > 1 else 0
        return None if head is None else head + int(ords[toks[-1]])
    return _num_words(s)


def _year_words(s: str) -> int | None:
    """A year in words: 'nineteen seventy eight' -> 1978, 'two thousand and eighteen' -> 2018."""
    s = s.lower().replace("-", " ")
    toks = [t for t in s.split() if t != "and"]
    if not toks:
        return None
    if toks[:2] == ["two", "thousand"]:
        rest = _num_words(" ".join(toks[2:])) if len(toks) > 2 else 0
        return None if rest is None else 2000 + rest
    if len(toks) >= 2:
        head = _num_words(toks[0])
        if head is not None and 10 <= head <= 20:
            tail = toks[1:]
            if tail[0] in ("zero", "oh", "o"):
                v = _num_words(" ".join(tail[1:]))
                return None if v is None else head * 100 + v
            if tail == ["hundred"]:
                return head * 100
            v = _num_words(" ".join(tail))
            if v is not None and 10 <= v <= 99:
                return head * 100 + v
    return None


def _year_value(s: str, ref: Ref = None) -> int | None:
    """A year written as digits (2005, '05) or words; two digits pivot on the reference (or 1950-2049)."""
    s = s.strip().lstrip("'’")
    if s.isdigit():
        if len(s) == 4:
            return int(s)
        if len(s) == 2:
            v = int(s)
            pivot = (ref.year % 100 + 20) % 100 if ref else 50
            century = (ref.year // 100 * 100) if ref else 2000
            if ref is None:
                return 2000 + v if v < 50 else 1900 + v
            return century + v if v <= pivot else century - 100 + v
        return None
    return _year_words(s)


# ---------------------------------------------------------------------------
# Pattern pieces.  Each piece is a regex fragment; {NAME} inserts a piece,
# {NAME:g} inserts it as the named group g.
# ---------------------------------------------------------------------------

_NUMWORD_1_9 = "one|two|three|four|five|six|seven|eight|nine"


_MONTH_CONTEXT = (
    "in", "since", "by", "until", "till", "from", "during", "before", "after", "through", "throughout",
    "between", "and", "to", "of", "every", "each", "around", "the", "(", "-to-",
)
_YEAR_CONTEXT = (
    "in", "since", "by", "until", "till", "from", "during", "of", "before", "after", "year", "the", "to",
    "between", "through", "and", "or", "than", "for", "with", "circa", "c.", "fiscal", "fy", "around",
    "about", "as of", "spring", "summer", "autumn", "winter", "a", "its", "their", "his", "her", "our",
    "both", "that", "'", '"', "“",
)


def _lookbehinds(words: tuple[str, ...]) -> str:
    """Lookbehinds for context words, so the claim starts at the date itself: "in 2005", "since 1945".

    A word must be followed by a space or newline; a quote mark stands right before the date ('"2005 offers').
    Words of one length share one lookbehind (re needs a fixed width), which keeps the pattern small.
    """
    by_len: dict[int, list[str]] = {}
    marks = []
    longer = []
    for w in words:
        if w[:1].isalpha():
            by_len.setdefault(len(w), []).append(re.escape(w))
        elif len(w) == 1:
            marks.append(re.escape(w))
        else:
            longer.append(f"(?<={re.escape(w)})")
    alts = [f"(?<=\\b(?:{'|'.join(ws)})\\s)" for _, ws in sorted(by_len.items())] + longer
    if marks:
        alts.append(f"(?<=[{''.join(marks)}])")
    return "(?:" + "|".join(alts) + ")"


def _pieces() -> dict[str, str]:
    v = vocab()
    p: dict[str, str] = {}
    # January, Jan., Sept, May (capitalised only)
    full = tuple(w for w in v.words["month"] if len(w) > 4 or w in ("may", "june", "july"))
    abbr = tuple(w for w in v.words["month"] if w not in full)
    p["MON"] = rf"\b(?:(?:{v.alt('month', exclude=abbr)})(?![a-z])|(?:{v.alt('month', exclude=full)})(?![a-z])\.?)"
    # Monday, Mon (capitalised only), Thurs.
    p["WD"] = rf"\b(?:{v.alt('weekday')})\b\.?"
    # full weekday names only: a standalone "Sun" is a newspaper
    p["WDFULL"] = r"\b(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b"
    # a day of the month in digits: 3, 03, 3rd, 21st (not part of a longer number)
    p["DNUM"] = r"(?<!\d)(?<!\d[.,])(?:[12]\d|3[01]|0?[1-9])(?!\d|[.,]\d)(?:st|nd|rd|th)?\b"
    # a day in ordinal words: first, twenty-first, thirtieth
    # a day in ordinal words: first, twenty-first, thirtieth (a loose shape; the resolver checks the word)
    p["DORD"] = r"\b(?:(?:twenty|thirty)[\s-]?)?(?:first|second|third|[a-z]{2,7}th)\b"
    p["DCARD"] = rf"\b(?:(?:twenty|thirty)(?:[\s-](?:{_NUMWORD_1_9}))?|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)\b"
    p["DAY"] = r"(?:{DNUM}|{DORD})"
    # a four-digit year inside a date: 2025, 1391
    p["Y4"] = r"(?<![\d.,])[12]\d{3}(?!\d|[.,]\d|{CLOCK})"
    # a 24-hour clock time, not a year: "1400 GMT", "1945 hrs"
    p["CLOCK"] = r"\s*(?:GMT|BST|UTC|CET|CEST|EST|EDT|ET|PT|PST|hrs?|hours|h)\b"
    # a year in words: nineteen seventy eight, two thousand and eighteen
    teens = "ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen"
    tens = "(?:twen|thir|for|fif|six|seven|eigh|nine)ty"
    two = rf"(?:{tens}(?:[\s-](?:{_NUMWORD_1_9}))?|{teens})"
    p["YWORDS"] = (
        rf"\b(?:(?:{teens}|twenty)[\s-](?:{two}|(?:zero|oh)[\s-](?:{_NUMWORD_1_9})|hundred)"
        rf"|two\s+thousand(?:(?:\s+and)?[\s-](?:{two}|{_NUMWORD_1_9}))?)\b"
    )
    p["YEAR"] = r"(?:{Y4}|{YWORDS}|['’]\d\d\b)"
    p["SEASON"] = rf"\b(?:{v.alt('season')})\b"
    p["ORD"] = rf"\b(?:{v.alt('ord')}|[1-5](?:st|nd|rd|th))\b"
    p["REL"] = r"\b(?:this|last|next|previous|coming|upcoming|current|past)\b"
    # part of a period: early, mid-, late, the end of, the beginning of
    p["PART"] = r"\b(?:(?:the\s+)?(?:end|beginning|start|middle)\s+of|early|late|mid)\b[\s-]*"
    # a count in a relative phrase: 2, two, a, a few, several, a couple of
    p["N"] = rf"(?:(?<![\d.,\-–])\b\d{{1,3}}(?!\d|[.,]\d)|\b(?:a\s+few|a\s+couple\s+of|couple\s+of|few|several|(?:twenty|thirty|forty|fifty)(?:[\s-](?:{_NUMWORD_1_9}))?|{teens}|{_NUMWORD_1_9}|an?)\b)"
    p["UNIT"] = r"(?:days?|weeks?|fortnights?|months?|years?|decades?|centur(?:y|ies))\b"
    # the word before a bare month or year that makes it a date: "in August", "since 1945"
    p["MCTX"] = _lookbehinds(_MONTH_CONTEXT)
    p["YCTX"] = _lookbehinds(_YEAR_CONTEXT)
    p["SEP"] = r"\s*(?:-|–|—|to|until|till|through|thru|and)\s*"
    return p


def _expand(template: str, pieces: dict[str, str], prefix: str) -> str:
    """Insert pieces (recursively) and prefix every named group with the form's name."""
    def sub(m: re.Match[str]) -> str:
        name, group = m.group(1), m.group(2)
        body = _expand(pieces[name], pieces, prefix)
        if group:
            return f"(?P<{prefix}__{group}>{body})"
        return f"(?:{body})"

    out = re.sub(r"\{([A-Z][A-Z0-9]*)(?::(\w+))?\}", sub, template)
    out = re.sub(r"\(\?P=(\w+)\)", lambda m: f"(?P={prefix}__{m.group(1)})", out)
    return re.sub(r"\(\?P<(?!\w+__)(\w+)>", lambda m: f"(?P<{prefix}__{m.group(1)}>", out)


# ---------------------------------------------------------------------------
# Forms, in the order they are tried at one position (longest first).  Each is
# (name, template, first words): the resolver of the same name is a branch of
# _resolve_form, and "first words" says which words the form can start with
# (#y four digits, #dd one or two, #ddd three, #month, #weekday, #season, #ord, #num, #rel, #part, #relday,
# #decade, or a literal word), so a position is only tried against the forms
# that can start there.
# ---------------------------------------------------------------------------

_FORMS: tuple[tuple[str, str, str], ...] = (
    # 2025-02-01, 2015/08/12, 2019-sep-1
    ("iso", r"(?<![\d.\-/])(?P<y>[12]\d{3})(?P<s>[-/.])(?P<m>0?[1-9]|1[0-2]|{MON})(?P=s)(?P<d>[0-3]?\d)(?![\d]|[.\-/]\d)", "#y"),
    # 21/04/2016, 02/22/2016, 13.5.2015, 9-18-15, 08/12,2015
    ("numeric", r"(?<![\d.,\-/])(?P<a>\d{1,2})(?P<s>[/.\-])(?P<b>\d{1,2})(?:(?P=s)|,\s?)(?P<y>\d{4}|\d{2})(?![\d]|[.\-/]\d|%)", "#dd"),
    # 4 to 22 January 1995, 3 until 12 of Sept, 2 and 7 Feb, two thousand and eighteen
    ("range_dm", r"(?<![\d.,])(?P<d1>{DNUM}|{DORD}){SEP}(?P<d2>{DNUM}|{DORD})\s+(?:of\s+)?{MON:m}(?:,?\s*{YEAR:y})?", "#ord #num #dd"),
    # from 4 to January 22, 1995; from 02 to April 07
    ("range_d_md", r"(?<=\bfrom )(?P<d1>{DNUM}){SEP}{MON:m}\s*(?P<d2>{DNUM})(?!\s*[:%])(?:,?\s*{YEAR:y})?", "#dd"),
    # 4 to 22 this month, 4-23 in next month
    ("range_drel", r"(?<![\d.,])(?P<d1>{DNUM}){SEP}(?P<d2>{DNUM})\s+(?:(?:of|in)\s+)?(?P<rel>this|next|last|previous)\s+month\b", "#dd"),
    # November 19-20, November 19 to 20, Feb between 2-7 2018
    ("range_md", r"{MON:m}\s*(?:between\s+)?(?P<d1>{DNUM}){SEP}(?P<d2>{DNUM})(?!\s*[:%])(?:,?\s*{YEAR:y})?", "#month"),
    # Friday 3 February 2025, 1st Jan, Wed, 22 of Jan, the tenth of September, two thousand
    ("dmy", r"(?:(?P<wd>{WD}),?\s+(?:the\s+)?)?(?P<d>{DAY})\.?(?:\s*|-)(?:of\s+)?{MON:m}(?:(?:\s*,?\s*|-|\s+in\s+){YEAR:y})?", "#weekday #ord #num #dd"),
    # the first week of October, the last week of 2015, the third week of this month
    ("week_of", r"(?:\bthe\s+)?(?P<n>{ORD})\s+week\s+(?:of\s+|in\s+)?(?:(?P<rel>this|next|last|previous)\s+(?P<u>month|year)\b|{MON:m}(?:,?\s+{Y4:my})?|{YEAR:y})", "the #ord #dd"),
    # week 10, Week 31
    ("week_num", r"\bweek\s+(?P<w>[1-9]|[1-4]\d|5[0-3])\b(?!\s*(?:of|in)\b|[.,]\d)(?:\s+(?:of\s+)?{Y4:y})?", "week"),
    # the 20th of next month, 31st of this month
    ("d_relmonth", r"(?:the\s+)?(?P<d>{DAY})\s+of\s+(?P<rel>this|next|last|previous)\s+month\b", "the #ord #num #dd"),
    # Monday January 12th, 2016; Feb. 1, 2025; Oct-2; May twenty-first; September the 21st nineteen seventy eight
    ("mdy", r"(?:(?P<wd>{WD}),?\s+)?{MON:m}\s*[-/.]?\s*(?:the\s+)?(?P<d>{DNUM}|{DORD}|{DCARD})(?!\s*(?:%|per\s?cent|[:.]\d))(?:(?:\s*,\s*|\s+|\s+in\s+){YEAR:y})?", "#weekday #month"),
    # on the 27th, for the 21st, until the second (a day of the current or last month)
    ("the_nth", r"(?:(?<=\bon )|(?<=\bfor )|(?<=\bby )|(?<=\buntil )|(?<=\bsince )|(?<=\bfrom )|(?<=\bof ))the\s+(?P<d>(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?|{DORD}|thirty)(?!\d|[.,]\d)(?=\s*(?:[.!?;)]|\Z|,\s))", "the"),
    # on 4.22, on 22/04, from 10/1 (month and day, no year, after a date preposition)
    ("on_md", r"(?:(?<=\bon )|(?<=\bfrom )|(?<=\bsince )|(?<=\buntil )|(?<=\bto ))(?P<a>\d{1,2})(?P<s>[/.\-])(?P<b>\d{1,2})(?![\d%]|[.\-/]\d|\s*of\b)", "#dd"),
    # 4/22, 22/04 (a slash date whose order is certain: one side above 12)
    ("slash_md", r"(?<![\d.,/\-])(?P<a>\d{1,2})/(?P<b>\d{1,2})(?![\d%/]|[.,]\d)", "#dd"),
    # second Sunday, first Friday (of the current month)
    ("ord_wd", r"(?<!\bthe )(?<!\ba )(?<!\bevery )\b(?P<n>first|second|third|fourth|fifth|1st|2nd|3rd|4th|5th)\s+(?P<wd>{WDFULL})(?!\s+(?:of|in)\b|\s+[a-z])", "#ord #dd"),
    # Thursday the 21st, Friday the fifteen
    ("wd_the_d", r"(?P<wd>{WDFULL}),?\s+the\s+(?P<d>{DNUM}|{DORD}|{DCARD})", "#weekday"),
    # the first Friday of July, the third Wednesday of previous month
    ("nth_wd", r"(?:the\s+)?(?P<n>{ORD})\s+(?P<wd>{WDFULL})\s+(?:of|in)\s+(?:(?P<rel>this|next|last|previous)\s+month\b|{MON:m}(?:\s+{Y4:y})?)", "the #ord #dd"),
    # fiscal year 2008, the 2004/05 financial year, last fiscal year, FY2005
    ("fiscal", r"(?:(?:the\s+)?(?P<rel>this|last|next|current|previous)\s+(?:fiscal|financial)\s+year\b|(?:(?:the\s+)?(?:fiscal(?:\s+year)?|financial\s+year)|\bFY)\s*{Y4:y}(?:\s?[-/]\s?(?P<y2>\d{4}|\d\d)(?!\d))?|(?:the\s+)?{Y4:y3}\s?[-/]\s?(?P<y4>\d{4}|\d\d)(?!\d)\s+(?:fiscal|financial|tax)\s+year\b)", "the #rel fiscal financial fy #y"),
    # Q3 2016, 2016 Q3, 2016H2, the third quarter of 2016, first half of this year
    ("quarter", r"(?:(?P<y1>{Y4})\s*-?\s*|\b)(?P<q>[QH][1-4])\b(?:\s*{Y4:y2}|\s+(?P<rel>this|last|next)\s+year\b)?", "q h #y"),
    ("quarter_words", r"(?:the\s+)?(?P<n>first|second|third|fourth|1st|2nd|3rd|4th|last)[\s-]+(?P<kind>quarter|half)\b(?:\s+(?:of\s+)?(?:{YEAR:y}|(?P<rel>this|last|next)\s+year\b|the\s+year\b)|(?P<bare>(?=[\s-]+(?:profits?|earnings|results|sales|revenues?|growth|figures|output|loss(?:es)?|gdp|net)\b)|(?<=quarter)(?!\s+of\b)))", "the #ord #dd"),
    ("y_quarter", r"(?P<y>{Y4})\s+the\s+(?P<n>first|second|third|fourth)\s+quarter\b", "#y"),
    # the week after next, the year after next, the weekend after the next
    ("after_next", r"\bthe\s+(?P<u>week|weekend|month|year)\s+after\s+(?:the\s+)?next\b", "the"),
    # rest of the week / month / year
    ("rest_of", r"\brest\s+(?:of\s+)?(?:the|this|my|current)?\s*(?P<u>week|month|year)\b", "rest"),
    # earlier this month, later this year, earlier in the week
    ("earlier_this", r"\b(?P<which>earlier|later)\s+(?:this|in\s+the)\s+(?P<u>week|month|year)\b", "earlier later"),
    # the past few days, the last several weeks, the next couple of months (numbered spans are durations)
    ("rel_n", r"\b(?:the\s+)?(?P<rel>past|last|previous|next|coming|following)\s+(?P<n>{N})\s*(?P<u>{UNIT})", "the #rel"),
    # two days ago, a month ago, 1 month 21 days ago, a few months ago
    ("ago", r"(?P<parts>(?:{N}\s*{UNIT}(?:,?\s*(?:and\s+)?)?)+)\s+(?P<dir>ago|from\s+now)\b", "#num #dd #ddd"),
    # two days from tomorrow, four days from yesterday, two days after today
    ("from_relday", r"(?P<n>{N})\s+(?P<u>days?|weeks?)\s+(?P<dir>from|after|before)\s+(?P<base>today|tomorrow|yesterday)\b", "#num #dd #ddd"),
    # two sundays from now
    ("n_weekdays", r"(?P<n>{N})\s+(?P<wd>mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)\s+from\s+now\b", "#num #dd"),
    # the day before yesterday, the day after tomorrow
    ("day_around", r"\bthe\s+day\s+(?P<dir>before|after)\s+(?P<base>yesterday|tomorrow|tmrw)\b", "the"),
    # next week on Friday, next week Sunday, this week Friday
    ("week_wd", r"\b(?P<rel>this|next|last|previous)\s+week(?:'s)?\s+(?:on\s+)?(?P<wd>{WDFULL})", "#rel"),
    # Friday next week, Sunday of next week
    ("wd_week", r"(?P<wd>{WDFULL})\s+(?:of\s+)?(?P<rel>this|next|last|previous)\s+week\b", "#weekday"),
    # this Friday, next Sunday, last Monday, Friday (standalone, not "Good Friday" or "Sunday Times")
    ("weekday", r"(?:(?P<rel>this|next|last|coming|past|previous)\s+)?(?<!Good )(?<!Black )(?<!Bloody )(?<!Easter )(?<!Super )(?<!Ash )(?<!Palm )(?<!Holy )(?<!Maundy )(?<!Shrove )(?<!Cyber )(?<!Whit )(?<!Low )(?<!Blue )(?<!Manic )(?<!Mail on )(?<!Independent on )(?<!Scotland on )(?<!Wales on )(?P<wd>{WDFULL})(?!\s+(?:Times|Telegraph|Mirror|Express|Herald|Post|Mail|Sport|Independent|Tribune|Star|Night\s+Live|People|Business|Sunday|Magazine|Review|Edition|Programme|Show)\b)(?!['’]s\s+(?:edition|paper|newspaper))", "#rel #weekday"),
    # today, yesterday, tomorrow, tonight, last night, this morning
    ("relday", r"\b(?P<w>today|yesterday|tomorrow|tmrw|tonight|last\s+night|this\s+(?:morning|afternoon|evening))\b", "#relday last this"),
    # now, currently, at present (the publication day); recent years, the past (before it); the future (after)
    ("ref", r"\b(?P<w>now|currently|at\s+present|nowadays|(?:in\s+)?recent\s+(?:days|weeks|months|years|decades)|the\s+past(?!\s+(?:\d|few|several|couple|two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|day|week|month|quarter|year|decade|century|weekend|[a-z]+day))|the\s+(?:near\s+|distant\s+)?future)\b", "now currently at nowadays in recent the"),
    # this weekend, the weekend, last weekend
    ("weekend", r"\b(?P<rel>this|last|next|the|that|coming|past)\s+weekend\b", "#rel the that"),
    # early next year, late last week, the end of this month, mid next week
    ("part_rel", r"(?P<part>{PART})(?P<rel>this|last|next)\s+(?P<u>week|month|year|decade)\b", "#part"),
    # this week, last month, next year, the coming week, this decade, the next decade
    ("rel_unit", r"\b(?:the\s+)?(?P<rel>this|last|next|previous|coming|upcoming|current|past)\s+(?P<u>week|month|quarter|year|decade|century)\b", "the #rel"),
    # June next year, August last year
    ("mon_relyear", r"{MON:m}\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b", "#month"),
    # the 1970s, the late 1990s, the '40s, the seventies, the nineteen seventies, the noughties
    ("decade", r"(?:\bthe\s+)?(?P<part>(?:early|mid|late)[\s-]+)?(?:(?P<y4>[12]\d{2}0)\s?['’]?s\b|(?<=the )(?P<part2>(?:early|mid|late)[\s-]+)?['’]?(?P<y2>[0-9]0)['’]?s\b|(?P<words>(?:(?:nineteen|twenty)[\s-])?(?:seventies|sixties|fifties|forties|thirties|twenties|eighties|nineties|noughties)|twenty[\s-]tens|two\s+thousand(?:\s+and\s+tens|s)))", "the #part ' ’ #num #decade #y #dd"),
    # the 15th century, the twenty-first century
    ("century", r"(?:\bthe\s+)?(?P<part>(?:early|mid|late)[\s-]+)?(?P<n>(?:[1-9]|1\d|2[01])(?:st|nd|rd|th)|{DORD})[\s-]+century\b", "the #part #ord #num #dd"),
    # summer 2016, the spring of 1978, this summer, last winter, mid summer
    ("season", r"(?:(?P<rel>this|last|next|the|mid|early|late|in|during|until|by|since)\s+(?:the\s+)?)?(?P<part>(?:early|mid|late)[\s-]+)?(?P<s>{SEASON})(?:\s+(?:of\s+)?{YEAR:y})?", "#rel #part in during until by since #season"),
    # 2015-3, 2016/11, 2016 - 11, 11/2016, 3-2015
    ("ym_num", r"(?<![\d.,\-/])(?:(?P<y>[12]\d{3})\s?[-/]\s?(?P<m>0?[1-9]|1[0-2])|(?P<m2>0?[1-9]|1[0-2])\s?[-/]\s?(?P<y2>[12]\d{3}))(?![\d]|[.,/\-]\d|%)", "#y #dd"),
    # 2009-2010, 2009-10, 2004/05
    ("yrange", r"(?<![\d.,\-/])(?P<y1>1[5-9]\d\d|20\d\d)\s?[-–/]\s?(?P<y2>1[5-9]\d\d|20\d\d|\d\d)(?![\d]|[.,]\d|%)", "#y"),
    # August 2019, November, 2016, June of nineteen ninety-nine, August 99, late August 2004
    ("month_year", r"(?P<part>{PART})?{MON:m}\s*[,/-]?\s*(?:of\s+)?(?P<y>{Y4}|{YWORDS}|['’]?\d\d(?![\d:]))", "#part #month"),
    # 2016 June, 2016, nov
    ("year_month", r"(?P<y>{Y4})\s*,?\s*{MON:m}(?!\s*\d)", "#y"),
    # (in|since|until|...) August; late August; this September
    # last September, next June, this August
    ("rel_month", r"\b(?P<rel>this|last|next)\s+{MON:m}", "#rel"),
    ("month", r"(?:{MCTX}(?P<part0>(?:early|mid|late)[\s-]+)?|(?P<part>{PART})|(?P<bare>(?={MON}(?:['’]s\b|\s+(?:was|is|will|has|had|saw)\b))))(?P<mctx>{MON:m})", "#part #month"),
    # a year in context: in 2022, since 1945, the 2004 election, mid-2004, fiscal 2005
    ("year", r"(?:{YCTX}|(?P<part>{PART})|(?<=\()(?=\d{4}\))|(?=\d{4}['’]s\b)|(?=\d{4}\s+(?:was|is|will|has|had|saw|marked|offers|brings)\b))(?P<yr>1[5-9]\d\d|20\d\d)(?!\d|[.,]\d|%|{CLOCK}|\s*(?:per\s?cent|percent)|\s?[-–/]\s?\d)", "#part #num #y"),
)

_CONTEXT_WORDS = re.compile(
    r"\s*(?:[a-z]+s\b(?<!\bis)(?<!\bwas)(?<!\bhas)(?<!\bas)(?<!\bthis)(?<!\bits)(?<!\bhis)(?<!\bthus)(?<!\bplus)(?<!\bacross)(?<!\bless)(?<!\bunless)"
    r"(?<!\bdoes)(?<!\bgoes)(?<!\bsays)(?<!\bmakes)(?<!\bsees)(?<!\bmeans)(?<!\bonwards)(?<!\bafterwards)(?<!\btowards)(?<!\bwas)|km\b|kg\b|mph\b|mm\b|cm\b|ft\b|lb\b|g\b|m\b|mi\b|kWh?\b|MW\b|GW\b|tonnes?\b|metres?\b|meters?\b|feet\b|people\b|men\b|women\b|children\b|sq\b)"
)


@lru_cache(maxsize=1)
def _ago_parts() -> re.Pattern[str]:
    pieces = _pieces()
    return re.compile(f"({_expand('{N}', pieces, 'x')})\\s*({_expand('{UNIT}', pieces, 'x')})", re.I)


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


# ---------------------------------------------------------------------------
# Resolvers: (match, form name, text) -> (claim start, claim end, resolver)
# ---------------------------------------------------------------------------

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


def _latest_month(month: int, ref: date) -> When:
    """The latest month named ``month`` that starts on or before ``ref``: "in August" in Feb 2025 -> 2024-08."""
    y = ref.year if month <= ref.month else ref.year - 1
    return _month(y, month)


def _latest_day(month: int, day: int, ref: date) -> When:
    """The latest month-day on or before the reference month: "Oct. 2" on 2016-11-07 -> 2016-10-02."""
    if day > calendar.monthrange(2000, month)[1]:
        return When(f"XXXX-{month:02d}-{day:02d}")  # 30 February exists in no year
    y = ref.year if (month, day) <= (ref.month, ref.day) or month < ref.month else ref.year - 1
    if month == 2 and day == 29:  # the latest leap year
        while not calendar.isleap(y):
            y -= 1
    return _make_day(y, month, day)


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


def _day_near(month: int, day: int, ref: date, tense: str | None) -> When:
    """A yearless day: the latest on or before the reference when told as past, the next on or after it when told
    as future, else whichever is nearer ("on 3 March" in a text of 1 February is next month's)."""
    past = _latest_day(month, day, ref)
    if tense == "past" or past.start is None:
        return past
    y = past.start.year + (0 if past.start >= ref else 1)
    while True:
        try:
            nxt = date(y, month, day)
            break
        except ValueError:  # 29 February: the next leap year
            y += 1
    if tense == "future" or (nxt - ref) < (ref - past.start):
        return _day(nxt)
    return past


def _future_context(text: str, start: int) -> bool:
    """True when the clause before ``start`` speaks of the future ("will meet on Friday")."""
    return bool(_FUTURE_CUES.search(_clause_before(text, start)))


def _weekday_near(wd: int, ref: date, future: bool) -> date:
    """The weekday nearest the reference: the latest on or before it, or with future cues the next after it."""
    if future:
        return ref + timedelta(days=(wd - ref.isoweekday()) % 7 or 7)
    return ref - timedelta(days=(ref.isoweekday() - wd) % 7)


def _week_monday(ref: date, offset_weeks: int = 0) -> date:
    return ref - timedelta(days=ref.weekday()) + timedelta(weeks=offset_weeks)


_REL_OFFSET = {"this": 0, "current": 0, "last": -1, "previous": -1, "past": -1, "next": 1, "coming": 1,
               "upcoming": 1, "following": 1}


def _unit_code(u: str) -> str:
    u = u.lower().rstrip("s")
    return {"day": "D", "week": "W", "fortnight": "F", "month": "M", "quarter": "Q", "year": "Y", "decade": "DE",
            "centurie": "CE", "century": "CE"}[u]


def _unit_when(ref: date, unit: str, offset: int) -> When:
    """The calendar week/month/year/decade/century ``offset`` units from the one holding ``ref``."""
    if unit == "W":
        return _week(_week_monday(ref, offset))
    if unit == "M":
        d = add_months(ref.replace(day=1), offset)
        return _month(d.year, d.month)
    if unit == "Q":
        q = add_months(date(ref.year, (ref.month - 1) // 3 * 3 + 1, 1), 3 * offset)
        return _quarter(q.year, (q.month - 1) // 3 + 1)
    if unit == "Y":
        return _year(ref.year + offset)
    if unit == "DE":
        return _decade(ref.year // 10 * 10 + 10 * offset)
    if unit == "CE":
        c = ref.year // 100 + offset
        return When(f"{c:02d}", date(c * 100, 1, 1), date(c * 100 + 99, 12, 31))
    raise ValueError(unit)


def _at_unit(d: date, unit: str) -> When:
    """The day, week, month or year holding ``d``, by the unit a relative phrase counted in."""
    if unit in ("D",):
        return _day(d)
    if unit in ("W", "F"):
        return _week(d)
    if unit == "M":
        return _month(d.year, d.month)
    return _year(d.year)


def _unanchored_unit(unit: str) -> str:
    return {"W": "XXXX-WXX", "M": "XXXX-XX", "Q": "XXXX-QX", "Y": "XXXX", "DE": "XXXX", "CE": "XXXX"}.get(unit, "XXXX-XX-XX")


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
                return _join(_make_day(first.year, first.month, d1), _make_day(first.year, first.month, d2))
            return start, end, _rel(fn, f"XXXX-XX-{d1:02d}/XXXX-XX-{d2:02d}")
        month = _month_of(g("m"))
        if ystr:
            y = _year_value(ystr)
            if y is None:
                raise _Skip
            return start, end, _abs(_join(_make_day(y, month, d1), _make_day(y, month, d2)))

        tense = _tense(text, start, end)

        def fn2(ref: date) -> When:
            a = _day_near(month, d1, ref, tense)
            y = a.start.year if a.start else ref.year
            return _join(_make_day(y, month, d1), _make_day(y, month, d2))
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
            return start, end, _abs(_join(_make_day(y, month, d1), _make_day(y, month, d2)))

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
        return start, end, _rel(lambda ref: _part(_latest_month(month, ref), part), f"XXXX-{month:02d}",
                                yearless=True)

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




# ---------------------------------------------------------------------------
# Ranges: two adjacent dates joined by "to", "until", "-" or "and" after "between"
# ---------------------------------------------------------------------------

_JOINER = re.compile(r"\s*(?:-to-|-|–|—|to|until|till|through|thru|and)\s*\Z", re.I)
_BETWEEN = re.compile(r"\b(?:between|from)\s*\Z", re.I)


@dataclass(frozen=True)
class _Hit:
    start: int
    end: int
    resolve: Resolver


# What must appear in the lower-cased text within _NEED_WINDOW characters of a start before a form is
# tried (or compiled): cheap necessary conditions.  "^..." must match at the start itself; an upper-case
# name alone, or {NAME} inside a pattern, stands for a word list (MONTH, WEEKDAY, SEASON, UNIT, SEP).
_NEEDS: dict[str, tuple[str, ...]] = {
    "iso": ('^\\d{4}[-/.]',),
    "numeric": ('^\\d{1,2}[/.\\-]\\d{1,2}(?:[/.\\-]|,\\s?)\\d',),
    "range_dm": ('^(?:\\d{1,2}|[a-z]+(?:[\\s-][a-z]+)?)(?:st|nd|rd|th)?\\s*(?:-|–|—|to|until|till|through|thru|and)\\s*(?:\\d|[a-z])', '{MONTH}',),
    "range_d_md": ('^\\d{1,2}\\s*(?:-|–|—|to|until|till|through|thru|and)\\s*{MONTH}',),
    "range_drel": ('^\\d{1,2}(?:st|nd|rd|th)?\\s*(?:-|–|—|to|until|till|through|thru|and)\\s*\\d', '\\bmonth\\b',),
    "range_md": ('^{MONTH}\\.?\\s*(?:between\\s+)?\\d{1,2}(?:st|nd|rd|th)?\\s*(?:-|–|—|to|until|till|through|thru|and)\\s*\\d',),
    "dmy": ('^(?:[a-z]+\\.?,?\\s+(?:the\\s+)?)?[a-z0-9]+(?:[\\s-][a-z]+)?\\.?(?:\\s*|-)(?:of\\s+)?{MONTH}',),
    "week_of": ('^(?:the\\s+)?[a-z0-9]+\\s+week\\b',),
    "week_num": ('^week\\s+\\d',),
    "d_relmonth": ('^(?:the\\s+)?[a-z0-9-]+(?:\\s[a-z]+)?\\s+of\\s+[a-z]+\\s+month\\b',),
    "mdy": ('^(?:[a-z]+\\.?,?\\s+)?{MONTH}\\.?\\s*[-/.]?\\s*(?:the\\s+)?(?:\\d|first|second|third|[a-z]+th\\b|twenty|thirty|[a-z]+teen\\b)',),
    "the_nth": ('^the\\s+(?:\\d|twenty|thirty|[a-z-]*(?:st|nd|rd|th|first|second|third|fifth|eighth|ninth|twelfth)\\b)',),
    "on_md": ('^\\d{1,2}[/.\\-]\\d',),
    "slash_md": ('^\\d{1,2}/\\d',),
    "ord_wd": ('^[a-z0-9]+\\s+{WEEKDAY}',),
    "wd_the_d": ('^[a-z]+,?\\s+the\\s',),
    "nth_wd": ('^(?:the\\s+)?[a-z0-9]+\\s+{WEEKDAY}',),
    "fiscal": ('^(?:the\\s+)?(?:[a-z]+\\s+)?(?:\\d{4}\\s?[-/]\\s?\\d+\\s+)?(?:fiscal|financial|fy)|^(?:the\\s+)?\\d{4}\\s?[-/]\\s?\\d+\\s+(?:fiscal|financial|tax)',),
    "quarter": ('^(?:\\d{4}\\s*-?\\s*)?[qh][1-4]\\b',),
    "quarter_words": ('^(?:the\\s+)?[a-z0-9]+[\\s-]+(?:quarter|half)\\b',),
    "y_quarter": ('^\\d{4}\\s+the\\s+[a-z]+\\s+quarter\\b',),
    "after_next": ('^the\\s+[a-z]+\\s+after\\b',),
    "rest_of": ('^rest\\b',),
    "earlier_this": ('^(?:earlier|later)\\s+(?:this|in)\\b',),
    "rel_n": ('^(?:the\\s+)?(?:past|last|previous|next|coming|following)\\s', 'UNIT',),
    "ago": ('\\b(?:ago|from\\s+now)\\b',),
    "from_relday": ('^[a-z0-9]+\\s+(?:days?|weeks?)\\s+(?:from|after|before)\\s+(?:today|tomorrow|yesterday)\\b',),
    "n_weekdays": ('^[a-z0-9]+\\s+[a-z]+days\\s+from\\s+now\\b',),
    "day_around": ('^the\\s+day\\s+(?:before|after)\\b',),
    "week_wd": ('^[a-z]+\\s+week', '{WEEKDAY}',),
    "wd_week": ('^{WEEKDAY}[a-z]*\\s+(?:of\\s+)?[a-z]+\\s+week\\b',),
    "weekday": ('^(?:(?:this|next|last|coming|past|previous)\\s+)?{WEEKDAY}',),
    "weekend": ('\\bweekend\\b',),
    "part_rel": ('^(?:the\\s+)?(?:end|beginning|start|middle|early|late|mid)\\b', '\\b(?:this|last|next)\\s+(?:week|month|year|decade)\\b',),
    "rel_unit": ('^(?:the\\s+)?(?:this|last|next|previous|coming|upcoming|current|past)\\s+(?:week|month|quarter|year|decade|century)\\b',),
    "mon_relyear": ('^{MONTH}\\.?\\s+(?:of\\s+)?[a-z]+\\s+year\\b',),
    "decade": ("(?:0\\s?['’]?s|ties|tens|thousands)\\b",),
    "century": ('^(?:the\\s+)?(?:(?:early|mid|late)[\\s-]+)?[a-z0-9-]+(?:\\s[a-z]+)?[\\s-]+centur',),
    "season": ('{SEASON}',),
    "ym_num": ('^\\d{1,4}\\s?[-/]\\s?\\d',),
    "yrange": ('^\\d{4}\\s?[-–/]\\s?\\d\\d',),
    "month_year": ("^(?:[a-z]+[\\s-]+){0,3}{MONTH}\\.?\\s*[,/-]?\\s*(?:of\\s+)?(?:\\d|['’]|nineteen|twenty|two|ten|eleven|twelve|[a-z]+teen)",),
    "year_month": ('^\\d{4}\\s*,?\\s*{MONTH}',),
    "rel_month": ('^[a-z]+\\s+{MONTH}',),
    "month": ('{MONTH}',),
}
_NEED_WINDOW = 70
_TEMPLATES = {name: tpl for name, tpl, _ in _FORMS}
_REL_WORDS = ("this", "last", "next", "previous", "coming", "upcoming", "current", "past", "following")
_PART_WORDS = ("the", "end", "beginning", "start", "middle", "early", "late", "mid")


@lru_cache(maxsize=1)
def _need_words() -> dict[str, str]:
    v = vocab()
    return {
        "MONTH": rf"\b{_trie(set(v.words['month']))}(?![a-z])", "WEEKDAY": rf"\b{_trie(set(v.words['weekday']))}",
        "SEASON": rf"\b{_trie(set(v.words['season']))}\b", "UNIT": rf"{_trie(set(v.words['unit']))}\b",
        "SEP": r"-|–|—|\b(?:to|until|till|through|thru|and)\b",
    }


@lru_cache(maxsize=None)
def _need(need: str) -> tuple[bool, re.Pattern[str]]:
    """One necessary condition compiled: (anchored, pattern).  Shared by every form that states it."""
    words = _need_words()
    body = need.lstrip("^")
    body = words.get(body) or re.sub(r"\{([A-Z]+)\}", lambda m: f"(?:{words[m.group(1)]})", body)
    return need.startswith("^"), re.compile(body)


@lru_cache(maxsize=None)
def _needs(name: str) -> tuple[tuple[bool, re.Pattern[str]], ...]:
    """The compiled necessary conditions of a form."""
    return tuple(_need(n) for n in _NEEDS.get(name, ()))


def _may_match(name: str, low: str, pos: int, memo: dict[re.Pattern[str], bool]) -> bool:
    """Whether a form's necessary conditions hold at ``pos``; ``memo`` shares results between forms."""
    for anchored, pat in _needs(name):
        ok = memo.get(pat)
        if ok is None:
            end = pos + _NEED_WINDOW
            ok = (pat.match(low, pos, end) if anchored else pat.search(low, pos, end)) is not None
            memo[pat] = ok
        if not ok:
            return False
    return True


@lru_cache(maxsize=None)
def _form(name: str) -> re.Pattern[str]:
    """One form's pattern, compiled the first time a text needs it (compiling all costs a cold start dearly)."""
    tpl = _TEMPLATES[name]
    return re.compile(f"(?P<{name}>{_expand(tpl, _pieces(), name)})", re.I)


@lru_cache(maxsize=1)
def _dispatch() -> dict[str, tuple[str, ...]]:
    """First word (lower case; "#y", "#dd", "#ddd" for digits) -> names of the forms that can start with it,
    in _FORMS order."""
    v = vocab()
    classes = {
        "#month": v.words["month"], "#weekday": v.words["weekday"], "#season": v.words["season"],
        "#ord": v.words["ord"], "#num": v.words["card"], "#relday": v.words["relday"],
        "#decade": v.words["decade"], "#rel": _REL_WORDS, "#part": _PART_WORDS,
    }
    table: dict[str, list[str]] = {}
    for name, _, first in _FORMS:
        keys: set[str] = set()
        for spec in first.split():
            keys |= set(classes[spec]) if spec in classes else {spec}
        if "#d" in keys:  # digits are keyed by their count: 2025 is "#y", 3 and 21 are "#dd"
            keys.discard("#d")
            keys |= {"#y", "#dd", "#ddd"}
        for k in keys:
            table.setdefault(k, []).append(name)
    return {k: tuple(names) for k, names in table.items()}


@lru_cache(maxsize=1)
def _trigger() -> re.Pattern[str]:
    """Words every date contains at least one of: digits, month, weekday, season, relative and unit words.

    Scanning the lower-cased text for these first, and trying the forms only at
    the few word starts just before each, keeps the pass linear and cheap.
    """
    v = vocab()
    words = set(v.words["month"]) | set(v.words["weekday"]) | set(v.words["season"]) | set(v.words["relday"])
    words |= set(v.words["unit"]) | set(v.words["decade"]) | {w for w in v.words["ord"] if w != "last"}
    words |= {w + "s" for w in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")}
    words |= {"weekend", "weekends", "night", "morning", "afternoon", "evening", "quarter", "half",
              "thousand", "thousands", "nineteen", "twenty", "thirty", "tmrw", "q1", "q2", "q3", "q4", "h1", "h2",
              "now", "currently", "present", "nowadays", "recent", "past", "future", "fiscal", "financial", "fy"}
    return re.compile(rf"\d+|\b{_trie(words)}\b")


# a word start in lower-cased text: a word, a digit (not inside 10,000 or 3.5), or the apostrophe of '90s
_WORD_KEY = re.compile(r"(?<![\w'’])(?<!\d[.,])(?:[a-z]+|\d|['’])")


@lru_cache(maxsize=1)
def _small_number_gate() -> re.Pattern[str]:
    """What must follow a one- to three-digit number for any form to start there (most numbers count things).

    The union of the digit forms' shapes: 21/04, 4-22 January, 3 May, the 20th of next month, 1st week,
    2nd Sunday, third quarter, 15th century, two days ago, 3 days from today, the '70s.
    """
    w = _need_words()
    return re.compile(
        rf"\d+(?:st|nd|rd|th)?(?:\s*[/.\-–—]\s*\d"
        rf"|\s*(?:-|–|—|to|until|till|through|thru|and)\s*(?:\d|{w['MONTH']})"
        rf"|[\s.-]*(?:of\s+)?{w['MONTH']}"
        rf"|\s+of\s+[a-z]+\s+month"
        rf"|[\s-]+(?:[a-z0-9,]+[\s-]+){{0,6}}?(?:ago\b|from\s+now|weeks?\b|quarter|half\b|centur|{w['WEEKDAY']}"
        rf"|days?\s+(?:from|after|before)|[a-z]+days\s+from)"
        rf"|['’]?s\b)")
_DIGITS = re.compile(r"\d+")
_LOOKBACK = 36  # how far before a trigger word a form may start ("the third quarter of", "a couple of")


def _hits(text: str, dayfirst: bool = True) -> Iterator[_Hit]:
    """Every date hit, left to right.  At each candidate start the forms are tried in order; one
    whose resolver says "not a date" (a count, a name) hands over to the next."""
    table = _dispatch()
    low = text.lower()
    if len(low) != len(text):  # a few non-ASCII capitals change length when lowered
        low = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    done = 0  # end of the last hit: nothing before it is looked at again
    tried = -1  # candidate starts up to here have been tried
    for t in _trigger().finditer(low):
        tpos = t.start()
        if tpos < done:
            continue
        for w in _WORD_KEY.finditer(low, max(done, tried + 1, tpos - _LOOKBACK), t.end()):
            pos = w.start()
            tried = pos
            key = w.group()
            if key.isdigit():
                n = _DIGITS.match(low, pos).end() - pos
                key = "#dd" if n <= 2 else "#y" if n == 4 else "#ddd" if n == 3 else ""
                if n <= 3 and not _small_number_gate().match(low, pos):
                    continue
            names = table.get(key)
            if not names:
                continue
            hit = None
            memo: dict[re.Pattern[str], bool] = {}
            for name in names:
                if not _may_match(name, low, pos, memo):
                    continue
                m = _form(name).match(text, pos)
                if m is None:
                    continue
                try:
                    hit = _Hit(*_resolve_form(name, m, text, dayfirst))
                except (_Skip, ValueError, KeyError, OverflowError):
                    continue  # not a date after all (a count, a name): the later forms get their try
                break
            if hit is None:
                continue
            while hit.end > hit.start and text[hit.end - 1] in " \t\n,":
                hit = _Hit(hit.start, hit.end - 1, hit.resolve)
            yield hit
            done = max(m.end(), hit.end)
            break


def _ranges(text: str, hits: list[_Hit]) -> list[_Hit]:
    """Merge "from 2001 to 2005", "2 October - 22 October", "between May and July" into one hit."""
    out: list[_Hit] = []
    i = 0
    while i < len(hits):
        h = hits[i]
        if i + 1 < len(hits):
            nxt = hits[i + 1]
            gap = text[h.end:nxt.start]
            jm = _JOINER.match(gap) if len(gap) <= 12 else None
            if jm:
                word = gap.strip().lower()
                before = text[max(0, h.start - 10):h.start]
                if word != "and" or _BETWEEN.search(before):
                    a, b = h.resolve, nxt.resolve

                    def joined(ref: Ref, a: Resolver = a, b: Resolver = b) -> When:
                        wb = b(ref)
                        yearless = getattr(a, "yearless", False)
                        if getattr(b, "absolute", False) and yearless and wb.end:
                            wa = a(wb.end)  # "between May and July 2004": May 2004
                        else:
                            wa = a(ref)
                            if wa.start and wb.start and wa.start > wb.start and wb.end and yearless:
                                wa = a(wb.end)  # "from September to November" in February: both last year
                        return _join(wa, wb)
                    out.append(_Hit(h.start, nxt.end, joined))
                    i += 2
                    continue
        out.append(h)
        i += 1
    return out


_WEEK_OF = re.compile(
    r"(?:\bthe\s+)?\b(?P<u>week|month)\s+(?:of|commencing|starting|beginning)(?:\s+on)?\s+\Z|\bw/c\s+\Z", re.I)


def _week_of(text: str, hits: list[_Hit]) -> list[_Hit]:
    """"the week of 16 September", "w/c 4 February": the week (or month) holding the date."""
    out = []
    for h in hits:
        m = _WEEK_OF.search(text, max(0, h.start - 40), h.start)
        if m is None:
            out.append(h)
            continue
        unit = (m.group("u") or "week").lower()

        def widen(ref: Ref, inner: Resolver = h.resolve, unit: str = unit) -> When:
            w = inner(ref)
            if w.start is None or w.start != w.end:
                return w
            if unit == "week":
                return _week(w.start)
            return _month(w.start.year, w.start.month)
        out.append(_Hit(m.start(), h.end, widen))
    return out


def _claim(text: str, h: _Hit, published: tuple[date, date] | None) -> Claim | None:
    try:
        if published is None:
            w = h.resolve(None)
        else:
            first, last = published
            w = h.resolve(first)
            if last != first:
                w = _merge_refs(w, h.resolve(last))
    except (_Skip, ValueError, OverflowError):
        return None  # arithmetic ran off the calendar (year 0, year 10000)
    if w is None:
        return None
    return Claim(
        text=text[h.start:h.end], start=h.start, end=h.end, kind="date", timex=w.timex,
        date_start=w.start.isoformat() if w.start else None,
        date_end=w.end.isoformat() if w.end else None,
    )


def find_dates(text: str, published: tuple[date, date] | None, dayfirst: bool = True) -> list[Claim]:
    """Date claims in ``text``; ``published`` is the (first, last) day the publication date allows.

    ``dayfirst`` reads 1/2/2025 as 1 February (True) or January 2 (False);
    an order that gives an impossible month falls back to the other.
    """
    if not isinstance(text, str):
        raise TypeError(f"find_dates() takes a str, not {type(text).__name__}")
    if published is not None and (len(published) != 2 or published[0] > published[1]):
        raise ValueError(f"published must be (first_day, last_day), got {published!r}")
    hits = _week_of(text, _ranges(text, list(_hits(text, dayfirst))))
    out = []
    for h in hits:
        c = _claim(text, h, published)
        if c is not None:
            out.append(c)
    return out


# ---------------------------------------------------------------------------
# Helpers for the temporal checks
# ---------------------------------------------------------------------------

@lru_cache(maxsize=1)
def _weekday_word() -> re.Pattern[str]:
    return re.compile(_expand("{WD}", _pieces(), "wd"), re.I)


def weekday_in(text: str) -> int | None:
    """The ISO weekday a date's own text names ("Friday 3 February 2025" -> 5), or None."""
    m = _weekday_word().search(text)
    return _weekday_of(m.group(0)) if m else None
