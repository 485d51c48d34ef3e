"""What the words around a date say about it: the tense of its clause, and a count noun that makes it no date.

"will meet on 3 March" is the next 3 March, "met on 3 March" the latest one;
"in 2000 homes" is a count, not a year.  Resolvers ask these questions of the
text; the answers are cue words, read in a short window around the match.
"""
from __future__ import annotations

import re

# a plural noun or a unit right after a number: "2005 people", "May 5 km", "1,000 metres" (not "is", "was"...)
COUNT_NOUN = re.compile(
    r"\s*(?:[a-z]+s\b(?<!\bis)(?<!\bwas)(?<!\bhas)(?<!\bas)(?<!\bthis)(?<!\bits)(?<!\bhis)(?<!\bthus)(?<!\bplus)(?<!\bacross)(?<!\bless)(?<!\bunless)"
    r"(?<!\bdoes)(?<!\bgoes)(?<!\bsays)(?<!\bmakes)(?<!\bsees)(?<!\bmeans)(?<!\bonwards)(?<!\bafterwards)(?<!\btowards)(?<!\bwas)|km\b|kg\b|mph\b|mm\b|cm\b|ft\b|lb\b|g\b|m\b|mi\b|kWh?\b|MW\b|GW\b|tonnes?\b|metres?\b|meters?\b|feet\b|people\b|men\b|women\b|children\b|sq\b)"
)

_FUTURE_CUES = re.compile(
    r"\b(?:(?:will|shall|'ll|’ll|won't|would)(?:\s+(?:not|be|have|been|also|still|then|now|soon))*(?:\s+[a-z]+)?|(?:(?:is|are|was|were)\s+)?(?:due|expected|planning|scheduled|set|going)\s+to|is\s+due|are\s+due|plans?\s+to|planned|"
    r"going\s+to|set\s+to|scheduled|to\s+be\s+held|to\s+meet|to\s+visit|to\s+travel|to\s+vote|upcoming|"
    r"(?:is|are)\s+to|intends?\s+to|aims?\s+to|to\s+be\s+[a-z]+)\b",
    re.I,
)

# a sentence end: . ! ? before a capital or quote (not the dot of "Oct. 2"), a newline, or a semicolon
_SENTENCE_END = re.compile(r"[.!?][\"”’)]?\s+(?=[A-Z\"“‘(`])|\n|;")

_PAST_CUES = re.compile(r"\b(?:was|were|had|did|said|told|took|began|came|went|held|met|won|lost|made|gave|left|saw|rose|fell"
                        r"|became|ran|died|stood|fled|shot|struck|fought|found|brought|bought|sold|spoke|wrote|broke|chose"
                        r"|drove|flew|got|grew|heard|knew|led|paid|sent|spent|sat|stole|taught|thought|threw|woke|wore"
                        r"|[a-z]{3,}ed)\b(?<!\bexpected)(?<!\bscheduled)(?<!\bplanned)")

# the words right before a date that say it lies ahead: "until Friday", "by May", "as early as Tuesday",
# "payable Dec. 15", "of record Nov. 17", "effective Jan. 1", "extended to Nov. 20", "expire on Friday"
_AHEAD_BEFORE = re.compile(r"\b(?:until|till|by|as\s+(?:early|soon)\s+as|payable|(?:of\s+)?record|effective|deadline"
                           r"|(?:extended|postponed|delayed|adjourned|put\s+off)\s+(?:to|until)|expir(?:e|es|ing)(?:\s+on)?"
                           r"|(?:redemption|redeem|mature|matures|due)(?:\s+on)?)\s+\Z", re.I)
# a time of day between such a word and the day: "until 9 a.m. EST Tuesday", "by midnight Friday"
_TIME_BEFORE = re.compile(r"(?:(?:\d{1,2}(?::\d\d)?\s*[ap]\.?m\.?|noon|midnight)(?:\s+[A-Z]{2,4})?|morning|afternoon|evening|night),?\s*\Z",
                          re.I)
# "since October", "the fifth deal since October"
_BEHIND_BEFORE = re.compile(r"\b(?:since|ago|last|earlier|previous|past)\s+\Z", re.I)


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
    near = _TIME_BEFORE.sub("", text[max(0, start - 40):start])
    if _AHEAD_BEFORE.search(near):
        return "future"
    if _BEHIND_BEFORE.search(near):
        return "past"
    before, after = clause_before(text, start), _clause_after(text, end)
    best: tuple[int, str] | None = None
    for side, offset in ((before, -len(before)), (after, 0)):
        futures = [m.span() for m in _FUTURE_CUES.finditer(side)]
        pasts = [m.span() for m in _PAST_CUES.finditer(side)
                 if not any(a <= m.start() < b for a, b in futures)]  # "will be held" is no past
        for label, spans in (("future", futures), ("past", pasts)):
            for a, b in spans:
                d = -(b + offset) if offset else a
                if best is None or d < best[0]:
                    best = (d, label)
    return best[1] if best else None


def future_context(text: str, start: int) -> bool:
    """True when the clause before ``start`` speaks of the future ("will meet on Friday")."""
    return bool(_FUTURE_CUES.search(clause_before(text, start)))
