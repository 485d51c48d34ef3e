"""The named regex pieces date forms are built from ({MON}, {DAY}, {YEAR}...) and the expansion of a template.

A piece is a regex under a name, with an example in the comment above it;
templates name pieces in braces (``{MON:m}`` puts the piece in group ``m``), and
``expand`` inserts them recursively and prefixes each group with the form's
name, so all forms can live in one compiled alternation without clashing.
"""
from __future__ import annotations

import re
from functools import lru_cache

from .vocab import _trie, vocab

_NUMWORD_1_9 = "one|two|three|four|five|six|seven|eight|nine"


_MONTH_CONTEXT = (
    "in", "since", "by", "until", "till", "from", "during", "before", "after", "through", "throughout",
    "between", "and", "to", "of", "every", "each", "around", "the", "for", "a", "(", "-to-",
)


_YEAR_CONTEXT = (
    "in", "since", "by", "until", "till", "from", "during", "of", "before", "after", "year", "the", "to",
    "between", "through", "and", "or", "than", "for", "with", "circa", "c.", "fiscal", "fy", "around",
    "about", "as of", "spring", "summer", "autumn", "winter", "a", "its", "their", "his", "her", "our",
    "both", "that", "'", '"', "“", "'s ", "’s ", "post-", "pre-",
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
        if w[:1].isalpha() and w[-1:].isalpha():
            by_len.setdefault(len(w), []).append(re.escape(w))
        elif len(w) == 1:
            marks.append(re.escape(w))
        else:  # "'s ", "post-": the mark itself ends right before the date
            longer.append(f"(?<={chr(92) + 'b' if w[:1].isalpha() else ''}{re.escape(w)})")
    alts = [f"(?<=\\b(?:{'|'.join(ws)})\\s)" for _, ws in sorted(by_len.items())] + longer
    if marks:
        alts.append(f"(?<=[{''.join(marks)}])")
    return "(?:" + "|".join(alts) + ")"


def holiday_names() -> set[str]:
    """The holiday names of dates.tsv, each also with a typographic apostrophe."""
    names = set(vocab().words.get("holiday", {}))
    return names | {n.replace("'", "’") for n in names}


def holiday_first_words() -> set[str]:
    """The first word of each holiday name ("new" of "New Year's Day"): the words the form can start with."""
    return {re.findall(r"[a-z]+", n)[0] for n in vocab().words.get("holiday", {})}


@lru_cache(maxsize=1)
def ref_phrases() -> dict[str, str]:
    """The reference phrases of dates.tsv ("now", "(at) the time") by the words they claim ("the time")."""
    return {re.sub(r"^\(\w+\)\s*", "", p): p for p in vocab().words.get("ref", {})}


def _ref_alt() -> str:
    """The reference phrases as one alternation, longest first; "(at) the time" wants "at" before "the time"."""
    alts = []
    for phrase in sorted(vocab().words.get("ref", {}), key=len, reverse=True):
        m = re.match(r"\((\w+)\)\s*", phrase)
        body = r"\s+".join(re.escape(w) for w in phrase[m.end() if m else 0:].split())
        alts.append(rf"(?<=\b{m.group(1)}\s){body}" if m else body)
    return "|".join(alts)


@lru_cache(maxsize=1)
def pieces() -> dict[str, str]:
    """The named pieces forms are built from; built once (each lazily compiled form expands them), read only."""
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
    # daily, weekly, annually (dates.tsv "recur")
    p["RECUR"] = rf"\b(?:{v.alt('recur')})\b"
    # now, recently, the future, (at) the time (dates.tsv "ref")
    p["REF"] = rf"\b(?:{_ref_alt()})\b"
    # Christmas, New Year's Eve, Good Friday (the resolver wants a capital; apostrophes either way)
    p["HOL"] = rf"\b{_trie(holiday_names())}\b"
    p["ORD"] = rf"\b(?:{v.alt('ord')}|[1-5](?:st|nd|rd|th))\b"
    p["REL"] = r"\b(?:this|last|next|previous|coming|upcoming|current|past)\b"
    # part of a period: early, mid-, late, the end of, the beginning of
    p["PART"] = r"\b(?:(?:the\s+)?(?:end|beginning|start|middle)\s+of|early|late|mid)\b[\s-]*"
    # a count in a relative phrase: 2, two, a, a few, several, a couple of
    p["N"] = rf"(?:(?<![\d.,\-–])\b\d{{1,3}}(?!\d|[.,]\d)|\b(?:a\s+few|a\s+couple\s+of|couple\s+of|few|several|(?:twenty|thirty|forty|fifty)(?:[\s-](?:{_NUMWORD_1_9}))?|{teens}|{_NUMWORD_1_9}|an?)\b)"
    p["UNIT"] = r"(?:days?|weeks?|fortnights?|months?|quarters?|years?|decades?|centur(?:y|ies))\b"
    # the word before a bare month or year that makes it a date: "in August", "since 1945"
    p["MCTX"] = _lookbehinds(_MONTH_CONTEXT)
    p["YCTX"] = _lookbehinds(_YEAR_CONTEXT)
    p["SEP"] = r"\s*(?:-|–|—|to|until|till|through|thru|and)\s*"
    return p


def expand(template: str, table: dict[str, str], prefix: str) -> str:
    """Insert pieces (recursively) and prefix every named group with the form's name."""
    def sub(m: re.Match[str]) -> str:
        name, group = m.group(1), m.group(2)
        body = expand(table[name], table, prefix)
        if group:
            return f"(?P<{prefix}__{group}>{body})"
        return f"(?:{body})"

    out = re.sub(r"\{([A-Z][A-Z0-9]*)(?::(\w+))?\}", sub, template)
    out = re.sub(r"\(\?P=(\w+)\)", lambda m: f"(?P={prefix}__{m.group(1)})", out)
    return re.sub(r"\(\?P<(?!\w+__)(\w+)>", lambda m: f"(?P<{prefix}__{m.group(1)}>", out)
