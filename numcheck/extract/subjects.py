"""Subjects: the counted or measured thing after a number ("10,000 troops" -> "troops").

A subject is the short noun phrase right after the quantity (after "of" for
"dozens of border settlements"), read word by word up to a stop word, a
punctuation mark, or the first plural noun, which is usually its head.
"""
from __future__ import annotations

import re

from .lexicon import Lexicon

_WORD = re.compile(r"[ \t\u00a0]+([A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*)")
_OF = re.compile(r"[ \t\u00a0]+of(?:[ \t\u00a0]+(?:the|their|its|his|her|our|these|those))?(?=[ \t\u00a0])", re.I)
_IRREGULAR_PLURALS = frozenset({
    "people", "men", "women", "children", "police", "staff", "personnel", "cattle", "sheep",
    "fish", "deer", "feet", "teeth", "mice", "geese", "data", "media", "crew", "livestock",
    "aircraft", "troops", "youth", "clergy",
})
_NOT_PLURAL_S = frozenset({"is", "was", "has", "as", "us", "this", "its", "his", "news", "series",
                           "species", "bus", "gas", "status", "virus", "campus", "bonus", "census",
                           "crisis", "analysis", "basis", "thesis", "plus", "minus", "across", "less",
                           "unless", "chaos", "lens", "atlas"})
_MAX_WORDS = 4
_MEASURE_ADJECTIVES = frozenset("high long wide deep tall thick old strong odd plus year month week day hour".split())
_COMPOUND = re.compile(r"([A-Za-z]+)(?![\w-])")


def is_plural(word: str) -> bool:
    if len(word) > 2 and word.endswith("s") and word[:-1].isupper():
        return True  # PCs, MPs, CDs
    if word[:1].isupper() and word.lower() not in _IRREGULAR_PLURALS and not word.isupper():
        if word.lower().rsplit("-", 1)[-1] not in _IRREGULAR_PLURALS and not word[1:].islower():
            return False
        if word.endswith(("eles", "ens", "ings")):
            return False  # "Los Angeles", "Athens", "Hastings": names, not plurals
    w = word.lower().rsplit("-", 1)[-1]
    if w in _IRREGULAR_PLURALS:
        return True
    return len(w) > 3 and w.endswith("s") and not w.endswith("ss") and w not in _NOT_PLURAL_S


def subject_after(text: str, pos: int, lx: Lexicon, allow_of: bool = True) -> str:
    """The noun phrase starting at ``pos`` (just after a quantity), or "" when there is none."""
    if text[pos:pos + 1] == "-":
        # "a three-judge panel": the counted thing is the word after the hyphen
        cm = _COMPOUND.match(text, pos + 1)
        if cm and cm.group(1).lower() not in lx.stopwords and cm.group(1).lower() not in _MEASURE_ADJECTIVES:
            return cm.group(1)
        pos = cm.end() if cm else pos + 1  # "a 10m-high wall": the wall, not "high"
    if allow_of:
        of = _OF.match(text, pos)
        if of:
            pos = of.end()
    words: list[str] = []
    while len(words) < _MAX_WORDS:
        m = _WORD.match(text, pos)
        if not m:
            break
        w = m.group(1)
        lw = w.lower()
        if lw in lx.stopwords or lw in lx.number_words:
            break
        if lw.endswith("ly") and len(lw) > 4:
            break
        words.append(w)
        pos = m.end()
        if is_plural(w):
            break
    # a subject does not start with a verb: "the 29-year-old finished second"
    if words and words[0].lower().endswith(("ed", "ing")) and len(words[0]) > 4 and not (
            len(words) > 1 and is_plural(words[-1])):
        return ""
    # trailing verbs and participles are not part of the noun phrase: "2,000 civilians killed"
    while words and (words[-1].lower().endswith(("ed", "ing")) and len(words[-1]) > 4
                     and not words[-1].lower().endswith(("building", "ceiling", "wedding", "sibling", "seed", "speed", "bed", "feed", "need", "creed", "breed"))):
        words.pop()
    return " ".join(words)


def head_noun(subject: str) -> str:
    """The last word of a subject, singular and lower-case: "Russian civilians" -> "civilian"."""
    if not subject:
        return ""
    w = subject.split()[-1].lower()
    if w in _IRREGULAR_PLURALS:
        return {"people": "person", "men": "man", "women": "woman", "children": "child",
                "feet": "foot", "teeth": "tooth", "mice": "mouse", "geese": "goose",
                "troops": "troop"}.get(w, w)
    if len(w) > 2 and w.endswith("s") and subject.split()[-1][:-1].isupper():
        return w[:-1]  # "PCs" -> "pc"
    if w.endswith("ies") and len(w) > 4:
        return w[:-3] + "y"
    if w.endswith(("ches", "shes", "xes", "sses")):
        return w[:-2]
    if is_plural(w):
        return w[:-1]
    return w
