"""Subject folding: the one way rule subjects and claim subjects are compared ("The soldiers" ~ "soldier").

Folding lowercases, drops punctuation and a leading article or possessive,
and singularises the last word (``numcheck.text.singular``, the one plural
table), so a rule written as "troops" matches a claim about "troop" or "Troops".  It is deliberately simple: a wrong fold would
make a rule match the wrong claim, and silence beats a guess.
"""
from __future__ import annotations

import re

from ..text import singular

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)

# leading words that do not change what is counted: "the troops", "its soldiers"
_DROP = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "some", "these", "those"})

def words(text: str) -> list[str]:
    return [w.replace("’", "'") for w in _WORD.findall(text.lower())]


def fold(text: str) -> str:
    """The comparison key of a subject phrase: "The North Korean Soldiers" -> "north korean soldier"."""
    ws = words(text)
    while ws and ws[0] in _DROP:
        ws = ws[1:]
    if not ws:
        return ""
    ws[-1] = singular(ws[-1])
    return " ".join(ws)


def fold_words(text: str) -> str:
    """Lower-case words of a text joined by single spaces and padded, for whole-word phrase search."""
    return " " + " ".join(words(text)) + " "


def mentions(folded_text: str, phrase: str) -> bool:
    """Whether ``phrase`` occurs as whole words in a ``fold_words`` result."""
    p = " ".join(words(phrase))
    return bool(p) and f" {p} " in folded_text


# words that may sit between "the" and an event's name: "the three-year conflict", "the ongoing war"
# (words() splits hyphens, so "11-year-long" arrives as "11", "year", "long")
_MODIFIER = re.compile(
    r"^(?:\d[\d.,]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|half|"
    r"years?|months?|weeks?|days?|decades?|long|old|ongoing|current|continuing|nearly|almost|brutal|bloody)$"
)


def mentions_modified(folded_text: str, phrase: str) -> bool:
    """Whether "the X" occurs with up to four time or size modifiers after "the": "the three-year conflict"."""
    ws = words(phrase)
    if len(ws) < 2 or ws[0] != "the":
        return False
    rest = " ".join(ws[1:])
    tokens = folded_text.split()
    n = len(ws) - 1
    for i, tok in enumerate(tokens):
        if tok != "the":
            continue
        for k in range(1, 5):
            mods = tokens[i + 1:i + 1 + k]
            if len(mods) < k or not all(_MODIFIER.match(m) for m in mods):
                break
            if " ".join(tokens[i + 1 + k:i + 1 + k + n]) == rest:
                return True
    return False
