"""What the words around a date say about it: the tense of its clause, and a count noun that makes it no date.

"will meet on 3 March" is the next 3 March, "met on 3 March" the latest one;
"in 2000 homes" is a count, not a year.  Resolvers ask these questions of the
text; the answers are cue words (numcheck/data/tense.tsv), read in the clause
around the match.
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from .vocab import _trie

# a plural noun or a unit right after a number: "2005 people", "May 5 km", "1,000 metres" (not "is", "was"...)
COUNT_NOUN = re.compile(
    r"\s*(?:[a-z]+s\b(?<!\bis)(?<!\bwas)(?<!\bhas)(?<!\bas)(?<!\bthis)(?<!\bits)(?<!\bhis)(?<!\bthus)(?<!\bplus)(?<!\bacross)(?<!\bless)(?<!\bunless)"
    r"(?<!\bdoes)(?<!\bgoes)(?<!\bsays)(?<!\bmakes)(?<!\bsees)(?<!\bmeans)(?<!\bonwards)(?<!\bafterwards)(?<!\btowards)(?<!\bwas)|km\b|kg\b|mph\b|mm\b|cm\b|ft\b|lb\b|g\b|m\b|mi\b|kWh?\b|MW\b|GW\b|tonnes?\b|metres?\b|meters?\b|feet\b|people\b|men\b|women\b|children\b|sq\b)"
)


@lru_cache(maxsize=1)
def _cues() -> dict[str, list[str]]:
    """The tense cue phrases of numcheck/data/tense.tsv by kind, longest first."""
    out: dict[str, list[str]] = {}
    raw = resources.files("numcheck.data").joinpath("tense.tsv").read_text(encoding="utf-8")
    for n, line in enumerate(raw.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        kind, sep, phrase = line.partition("\t")
        if not sep or not phrase.strip():
            raise ValueError(f"tense.tsv line {n}: expected kind<TAB>phrase, got {line!r}")
        out.setdefault(kind, []).append(phrase.strip())
    return {k: sorted(v, key=len, reverse=True) for k, v in out.items()}


def _alt(kind: str) -> str:
    """The phrases of one kind as a trie-shaped alternation (fast to match); a space matches any whitespace."""
    return _trie(set(_cues()[kind])).replace(r"\ ", r"\s+")


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """The verb cues (one pattern: a future match wins where both start, and "will be held" hides its "held"),
    and the words right before a date that put it ahead or behind, compiled."""
    not_past = "".join(rf"(?<!\b{re.escape(w)})" for w in _cues()["not-past"])
    cues = re.compile(
        rf"\b(?:(?P<future>(?i:(?:{_alt('modal')})(?:\s+(?:{_alt('helper')}))*(?:\s+[a-z]+)?"  # will (not be) held
        rf"|(?:(?:is|are|was|were)\s+)?(?:{_alt('to')})\s+to"  # is due to
        rf"|to\s+be\s+[a-z]+|{_alt('future')}))\b"
        rf"|(?P<present>(?:is|are|am)\s+(?:[a-z]+ly\s+)?(?:{_alt('past')}|[a-z]{{3,}}ed))\b"  # "are held": no past
        rf"|(?P<past>{_alt('past')}|[a-z]{{3,}}ed)\b{not_past})")
    ahead = re.compile(rf"\b(?:{_alt('ahead')})\s+\Z", re.I)
    behind = re.compile(rf"\b(?:{_alt('behind')})\s+\Z", re.I)
    return cues, ahead, behind


# a sentence end: . ! ? before a capital or quote (not the dot of "Oct. 2"), a newline, or a semicolon
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+(?=[A-Z\"“‘(`])|\n|;")

# a time of day between such a word and the day: "until 9 a.m. EST Tuesday", "by midnight Friday"
_TIME_BEFORE = re.compile(r"(?:(?:\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?|noon|midnight)(?:\s+[A-Z]{2,4})?|morning|afternoon|evening|night),?\s*\Z",
                          re.I)


def clause_before(text: str, start: int) -> str:
    """Up to 120 characters before ``start``, from the last sentence end on."""
    seg = text[max(0, start - 120):start]
    last = None
    for last in _SENTENCE_END.finditer(seg):
        pass
    return seg[last.end():] if last else seg


# where the words after a date stop governing it: a comma, quote or bracket ("... on Thursday,'' Castro said")
_CLAUSE_BREAK = re.compile(r"[,;:()\"“”‘’`]|'(?!s\b)")


def _clause_after(text: str, end: int) -> str:
    after = text[end:end + 80]
    m = _CLAUSE_BREAK.search(after) or _SENTENCE_END.search(after)
    return after[:m.start()] if m else after


def tense(text: str, start: int, end: int) -> str | None:
    """"future", "past" or None for a date in its clause: the word right before it if it points one way
    ("until", "since"), else the nearest verb cue on either side ("will meet on Friday", "said Friday")."""
    cues, ahead, behind = _patterns()
    near = _TIME_BEFORE.sub("", text[max(0, start - 40):start])
    if ahead.search(near):
        return "future"
    if behind.search(near):
        return "past"
    before, after = clause_before(text, start), _clause_after(text, end)
    best: tuple[int, str] | None = None
    last = None
    for last in cues.finditer(before):
        pass
    if last is not None:
        best = (len(before) - last.end(), last.lastgroup or "")
    first = cues.search(after)
    if first is not None and (best is None or first.start() < best[0]):
        best = (first.start(), first.lastgroup or "")
    return best[1] if best and best[1] != "present" else None
