"""The table of date forms in the order they are tried, and the dispatch that keeps trying them cheap.

Each form (form.Form) is declared beside its resolver in the module of its
family: days.py, weeks.py, relative.py, periods.py.  ``FORMS`` below lists them
in the order they are tried at one position (longer and more specific first), so
a new form is one entry there.  ``_dispatch`` maps a first word to the forms
worth trying at a word start, ``_possible`` checks their necessary conditions
before a form is compiled or run, and ``_trigger`` finds the words every date
contains, which keeps both the cold start and the scan cheap.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from . import days, narrative, periods, relative, sets, weeks
from .form import Form
from .pieces import expand, holiday_first_words, holiday_names, pieces, ref_phrases
from .vocab import _trie, vocab

FORMS: tuple[Form, ...] = (
    periods.holiday,
    days.iso,
    days.numeric,
    days.range_dm,
    days.range_d_md,
    days.range_drel,
    days.range_md,
    days.dmy,
    weeks.week_of,
    weeks.week_num,
    days.d_relmonth,
    days.mdy,
    days.the_nth,
    days.on_md,
    days.slash_md,
    weeks.ord_wd,
    days.wd_the_d,
    weeks.nth_wd,
    periods.fiscal,
    periods.quarter,
    narrative.period_ref,
    periods.quarter_words,
    periods.y_quarter,
    relative.after_next,
    relative.rest_of,
    relative.earlier_this,
    relative.rel_n,
    relative.vague_span,
    relative.vague_phrase,
    relative.ago,
    narrative.units_apart,
    narrative.year_ago_adj,
    relative.from_relday,
    weeks.n_weekdays,
    sets.every,
    sets.times_per,
    sets.recurring,
    sets.weekdays,
    sets.unit_on_unit,
    relative.nth_day_of,
    relative.day_around,
    narrative.day_ref,
    narrative.month_ref,
    narrative.year_ref,
    narrative.the_unit,
    weeks.week_wd,
    weeks.wd_week,
    weeks.weekday,
    relative.relday,
    relative.ref,
    weeks.weekend,
    relative.part_rel,
    relative.rel_unit,
    periods.mon_relyear,
    periods.decade,
    periods.century,
    periods.season,
    periods.ym_num,
    periods.yrange,
    periods.month_year,
    periods.year_month,
    periods.rel_month,
    periods.month,
    periods.year,
    periods.year_words,
    periods.year_end,
)

BY_NAME: dict[str, Form] = {f.name: f for f in FORMS}

_NEED_WINDOW = 70


_REL_WORDS = ("this", "last", "next", "previous", "coming", "upcoming", "current", "past", "following")


_PART_WORDS = ("the", "end", "beginning", "start", "middle", "early", "late", "mid")


@lru_cache(maxsize=1)
def _need_words() -> dict[str, str]:
    v = vocab()
    return {
        "MONTH": rf"\b{_trie(set(v.words['month']))}(?![a-z])", "WEEKDAY": rf"\b{_trie(set(v.words['weekday']))}",
        "SEASON": rf"\b{_trie(set(v.words['season']))}\b", "UNIT": rf"{_trie(set(v.words['unit']))}\b",
        "RECUR": rf"\b{_trie(set(v.words['recur']))}\b",
        "HOLIDAY": rf"\b{_trie(holiday_names())}\b", "REF": pieces()["REF"],
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
    return tuple(_need(n) for n in BY_NAME[name].needs)


@lru_cache(maxsize=None)
def _key_forms(key: str) -> tuple[tuple[tuple[str, tuple[int, ...]], ...], tuple[tuple[bool, re.Pattern[str]], ...]]:
    """The forms a first word dispatches to, each with the indices of its conditions among the key's
    distinct ones (forms share some), so one test serves every form that states it."""
    conds: list[tuple[bool, re.Pattern[str]]] = []
    entries = []
    for name in _dispatch().get(key, ()):
        idx = []
        for c in _needs(name):
            if c not in conds:
                conds.append(c)
            idx.append(conds.index(c))
        entries.append((name, tuple(idx)))
    return tuple(entries), tuple(conds)


@lru_cache(maxsize=None)
def _key_gate(key: str) -> re.Pattern[str] | None:
    """One pattern that holds where any form of a first word may start: the alternation of their first conditions.

    A common word ("the", "last", "two") stands before most triggers and starts a score of forms, nearly always
    none of them; this turns it away with one test.  None when some form of the word has no condition at all.
    """
    entries, conds = _key_forms(key)
    if any(not idx for _, idx in entries):
        return None
    bodies = []
    for i in sorted({idx[0] for _, idx in entries}):
        anchored, pat = conds[i]
        bodies.append(f"(?:{pat.pattern})" if anchored else f"[\\s\\S]*?(?:{pat.pattern})")
    return re.compile("|".join(bodies))


def _possible(key: str, low: str, pos: int) -> Iterator[str]:
    """The forms starting with ``key`` whose necessary conditions hold at ``pos``, in order."""
    entries, conds = _key_forms(key)
    end = pos + _NEED_WINDOW
    gate = _key_gate(key)
    if gate is not None and gate.match(low, pos, end) is None:
        return
    memo: list[bool | None] = [None] * len(conds)
    for name, idx in entries:
        for i in idx:
            ok = memo[i]
            if ok is None:
                anchored, pat = conds[i]
                ok = memo[i] = (pat.match(low, pos, end) if anchored else pat.search(low, pos, end)) is not None
            if not ok:
                break
        else:
            yield name


@lru_cache(maxsize=None)
def _form(name: str) -> re.Pattern[str]:
    """One form's pattern, compiled the first time a text needs it (compiling all costs a cold start dearly)."""
    return re.compile(f"(?P<{name}>{expand(BY_NAME[name].template, pieces(), name)})", re.I)


@lru_cache(maxsize=1)
def _dispatch() -> dict[str, tuple[str, ...]]:
    """First word (lower case; "#y", "#dd", "#ddd" for digits) -> names of the forms that can start with it,
    in FORMS order."""
    v = vocab()
    classes = {
        "#month": v.words["month"], "#weekday": v.words["weekday"], "#season": v.words["season"],
        "#holiday": holiday_first_words(),
        "#ord": v.words["ord"], "#num": v.words["card"], "#relday": v.words["relday"],
        "#decade": v.words["decade"], "#unit": v.words["unit"], "#ref": {w.split()[0] for w in ref_phrases()}, "#rel": _REL_WORDS, "#part": _PART_WORDS, "#recur": v.words["recur"],
    }
    table: dict[str, list[str]] = {}
    for f in FORMS:
        keys: set[str] = set()
        for spec in f.first.split():
            keys |= set(classes[spec]) if spec in classes else {spec}
        if "#d" in keys:  # digits are keyed by their count: 2025 is "#y", 3 and 21 are "#dd"
            keys.discard("#d")
            keys |= {"#y", "#dd", "#ddd"}
        for k in keys:
            table.setdefault(k, []).append(f.name)
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
    words |= {w for n in v.words.get("holiday", {}) for w in re.findall(r"[a-z]+", n)} - {"new", "st", "s", "good", "of"}
    words |= {w + "s" for w in ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")}
    words |= set(v.words["recur"]) | {"every", "each", "once", "twice", "thrice", "times", "mornings", "afternoons",
                                      "evenings", "nights"}
    words |= {"weekend", "weekends", "night", "morning", "afternoon", "evening", "quarter", "half",
              "thousand", "thousands", "nineteen", "twenty", "thirty", "tmrw", "q1", "q2", "q3", "q4", "h1", "h2",
              "recent", "fiscal", "financial", "fy", "period"}
    words |= {p.split()[-1] for p in ref_phrases()}
    return re.compile(rf"\d+|\b{_trie(words)}\b")


@lru_cache(maxsize=1)
def _keyed_start() -> re.Pattern[str]:
    """A word start (in lower-cased text) that some form begins with: a word of the dispatch table, a digit
    (not inside 10,000 or 3.5) or the apostrophe of '90s.

    Dense text has a trigger every few words, so nearly every word start falls in some lookback window;
    matching only the keyed ones keeps the per-word work inside the regex engine."""
    words = {k for k in _dispatch() if k.isalpha()}
    return re.compile(rf"(?<![\w'’])(?<!\d[.,])(?:\d|['’]|{_trie(words)}(?![a-z]))")


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


@lru_cache(maxsize=1)
def _weekday_word() -> re.Pattern[str]:
    return re.compile(expand("{WD}", pieces(), "wd"), re.I)
