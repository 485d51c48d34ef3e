"""Subjects: the counted or measured thing after a number ("10,000 troops" -> "troops").

A subject is the short noun phrase right after the quantity (after "of" for
"dozens of border settlements"), read word by word up to a stop word, a
punctuation mark, or the first plural noun, which is usually its head.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..datafiles import words as word_list
from ..text import COMPASS, is_plural, singular
from .lexicon import Lexicon, rows

# a word of a subject; an initialism with its full stops is one ("159 U.S. warships")
_WORD = re.compile(r"[ \t\u00a0]+([A-Z](?:\.[A-Z])+\.(?=[ \t\u00a0]+[A-Za-z])|[A-Za-z][A-Za-z'’]*(?:-[A-Za-z]+)*)")
_OF = re.compile(r"[ \t\u00a0]+of(?:[ \t\u00a0]+(?:the|their|its|his|her|our|these|those))?(?=[ \t\u00a0])", re.I)
_MAX_WORDS = 4
# a word in capitals before a word in lower case: an initialism in running copy ("US troops", "IT workers")
_INITIALISM = re.compile(r"[A-Z]{2,}(?=[ \t\u00a0]+[a-z])")
_MEASURE_ADJECTIVES = frozenset("high long wide deep tall thick old strong odd plus year month week day hour".split())
_COMPOUND = re.compile(r"([A-Za-z]+)(?![\w-])")


def subject_after(text: str, pos: int, lx: Lexicon, allow_of: bool = True, one: bool = False) -> str:
    """The noun phrase starting at ``pos`` (just after a quantity), or "" when there is none.

    ``one``: the quantity is exactly one thing, so its noun is singular and a word in -s after the noun
    is a verb ("one motion calls for").
    """
    return subject_span(text, pos, lx, allow_of, one)[0]


def subject_span(text: str, pos: int, lx: Lexicon, allow_of: bool = True, one: bool = False) -> tuple[str, int]:
    """The subject (as ``subject_after``) and where its phrase ends (``pos`` when there is none)."""
    if text[pos:pos + 1] == "-":
        # "a 30-storey tower", "a three-judge panel": a compound modifier describes the noun after it (the
        # tower, the panel); with no noun after it, the word after the hyphen ("the 14-party")
        cm = _COMPOUND.match(text, pos + 1)
        if cm and cm.group(1).lower() in ("time", "times", "fold"):
            return "", pos  # "an eight-time champion": a number of occasions, nothing counted
        if cm and cm.group(1).lower() not in lx.stopwords and cm.group(1).lower() not in _MEASURE_ADJECTIVES:
            words, ends = _without_verbs(*_noun_phrase(text, cm.end(), lx, one))
            if words and words[0][:1].islower():
                return " ".join(words), ends[-1]
            return cm.group(1), cm.end()
        pos = cm.end() if cm else pos + 1  # "a 10m-high wall": the wall, not "high"
    of = _OF.match(text, pos) if allow_of else None
    if of:
        pos = of.end()
    words, ends = _noun_phrase(text, pos, lx, one)
    if len(words) == 1 and words[0].lower() in _counting_words():
        of = _OF.match(text, ends[-1])  # "2.4 million head of livestock": the livestock is counted
        if of:
            words, ends = _noun_phrase(text, of.end(), lx, one)
    if len(words) == 1 and _not_a_noun(words[0]):
        return "", pos  # "91% effective", "5% higher": an adjective, not the thing measured
    # a subject does not start with a verb: "the 29-year-old finished second" (after "of" it is an adjective: "18
    # percent of installed capacity")
    if words and not of and words[0].lower().endswith(("ed", "ing")) and len(words[0]) > 4 and not (
            len(words) > 1 and is_plural(words[-1])):
        return "", pos
    words, ends = _without_verbs(words, ends)
    return " ".join(words), ends[-1] if ends else pos


_ADJECTIVE_ENDINGS = ("ive", "ful", "ous", "able", "ible")
_COMPARATIVES = frozenset("higher lower bigger smaller cheaper dearer faster slower stronger weaker longer shorter older "
                          "younger larger greater fewer richer poorer wider narrower heavier lighter".split())


# where a length lies, not what it measures: "some 225 kilometres west of Tehran", "northward"
_DIRECTION = re.compile(COMPASS + r"(?:ward)?")


def _not_a_noun(word: str) -> bool:
    """An adjective, a comparative or a direction standing alone after a quantity: "effective", "higher", "west"."""
    w = word.lower()
    return w in _COMPARATIVES or bool(_DIRECTION.fullmatch(word)) or w.endswith(_ADJECTIVE_ENDINGS) and not is_plural(w)


def _without_verbs(words: list[str], ends: list[int]) -> tuple[list[str], list[int]]:
    """Trailing verbs and participles are not part of the noun phrase: "2,000 civilians killed"."""
    while words and (words[-1].lower().endswith(("ed", "ing")) and len(words[-1]) > 4
                     and not words[-1].lower().endswith(_ED_ING_NOUNS)):
        words.pop()
        ends.pop()
    return words, ends


_ED_ING_NOUNS = ("building", "ceiling", "wedding", "sibling", "seed", "speed", "bed", "feed", "need", "creed", "breed")
# a model name standing before the head noun: "F-150 pickups", "A320 jets", "iPhone 15 handsets"
_MODEL = re.compile(r"[ \t\u00a0]+(?P<m>[A-Z][A-Za-z]*-\d[\w-]*|[A-Z]+\d[\w-]*|(?:[A-Z][a-z]+|[a-z]+[A-Z]\w*)[ \t]+\d+[A-Za-z]*)"
                    r"(?=[ \t\u00a0]+[a-z])")


# a verb that looks like a plural noun before "for": "accounts for"
_VERBS_FOR = frozenset("accounts account accounted".split())
_FOR = re.compile(r"\s+for\s+(?:(?:about|around|nearly|almost|some|just|only|roughly|over|more\s+than|less\s+than)\s+)?"
                  r"(?:\d|half\b|a\s+(?:third|quarter|fifth|tenth|half|share|fraction|majority)\b|most\b|much\b"
                  r"|(?:one|two|three|four|five|six|seven|eight|nine|ten)\b)", re.I)  # (a share after it, not "for farmers")


def _noun_phrase(text: str, pos: int, lx: Lexicon, one: bool) -> tuple[list[str], list[int]]:
    """The words of the noun phrase at ``pos``, up to a stop word, punctuation or its head noun, and where
    each ends."""
    words: list[str] = []
    ends: list[int] = []
    while len(words) < _MAX_WORDS:
        m = _WORD.match(text, pos)
        mm = _MODEL.match(text, pos) if m and text[m.end():m.end() + 2].lstrip(" -")[:1].isdigit() else None
        if mm:  # only a word with a figure after it can start a model name
            words.append(mm.group("m"))
            pos = mm.end()
            ends.append(pos)
            continue
        if not m:
            break
        w = m.group(1)
        lw = w.lower()
        if (lw in lx.stopwords or lw in lx.number_words) and not _INITIALISM.match(text, m.start(1)):
            break  # (but "1,049 US troops": an initialism, not "us")
        if lw.endswith("ly") and len(lw) > 4:
            break
        if one and words and w[:1].islower() and is_plural(w):
            break  # "one motion calls for": the verb agrees with one thing
        if lw in _VERBS_FOR and _FOR.match(text, m.end()):
            break  # "$401.7 billion accounts for 16.7 percent": a verb, not what the figure counts
        if w[:1].isupper() and words and words[-1][:1].islower() and not _name_modifies(text, pos, lx):
            break  # "a politics student Nick Vaughan": the name after the noun is no part of it
        words.append(w)
        pos = m.end()
        ends.append(pos)
        if is_plural(w) and not _modifies_plural(text, pos, w, lx):
            break
    return words, ends


def _modifies_plural(text: str, pos: int, word: str, lx: Lexicon) -> bool:
    """Whether a capitalised word in -s is a name before the plural head noun that follows it ("31 Airbus jets",
    "the Texas Rangers"), not the head itself ("12 Americans were"); or a plural with no singular of its own that
    modifies one ("14 police officers", "cattle farmers")."""
    if word[:1].islower() and singular(word) == word:
        m = _WORD.match(text, pos)
        nxt = m.group(1) if m else ""
        return nxt[:1].islower() and nxt.lower() not in lx.stopwords and is_plural(nxt) and singular(nxt) != nxt
    if not word[:1].isupper() or word.endswith(("'s", "\u2019s", "'", "\u2019", "ans", "ons", "ers", "ese", "ites", "ists")):
        return False  # a possessive ("Erbamont's shares") keeps the owner; a people ("awarded 5 Americans medals")
    m = _WORD.match(text, pos)
    nxt = m.group(1) if m else ""
    return nxt[:1].islower() and nxt.lower() not in lx.stopwords and is_plural(nxt)


def _name_modifies(text: str, pos: int, lx: Lexicon) -> bool:
    """Whether the run of capitalised words at ``pos`` modifies a noun after it ("Bond movies", "Dublin
    milkman", "Grammy Awards") rather than naming someone after the noun ("student Nick Vaughan")."""
    last = ""
    m = _WORD.match(text, pos)
    while m and m.group(1)[:1].isupper():
        last, pos = m.group(1), m.end()
        m = _WORD.match(text, pos)
    if is_plural(last):
        return True
    nxt = m.group(1).lower() if m and m.group(1)[:1].islower() else ""
    return bool(nxt) and nxt not in lx.stopwords and not nxt.endswith(("ed", "ly"))


# "a crowd of 75,784", "a par of 72", "revenue of $3.5bn", "an average of £2,627": the noun the amount is of
_NOUN_OF = re.compile(r"(?<![\w-])(?P<n>[a-z]{3,})[ \t]+of[ \t]+$")


def subject_before(text: str, pos: int, lx: Lexicon) -> str:
    """The noun a quantity at ``pos`` is an amount of, written before it with "of" ("a crowd of 75,784"), or ""."""
    if text[max(0, pos - 4):pos].rstrip()[-2:] != "of":
        return ""
    nm = _NOUN_OF.search(text, max(0, pos - 30), pos)
    if nm is None or nm.group("n") in lx.stopwords or nm.group("n") in lx.number_words or nm.group("n") in _NOT_OF_NOUNS:
        return ""
    return nm.group("n")


# words before "of" that are no noun a quantity is of ("most of 10", "instead of 5", "out of 10")
_NOT_OF_NOUNS = frozenset("out instead because ahead outside inside most all some none each many much half part "
                          "rest lots plenty kind sort".split())


# what may stand between the verb and the quantity: "rose by", "fell to", "was up", "closed at about", "rose 21% to"
_AFTER_VERB = frozenset("by to at from up down about around nearly almost some over under a an more less than per cent "
                        "percent point points".split())
_FIGURE = re.compile(r"[$£€]?\d[\d.,]*%?$")
# where a clause begins, looking back from the verb: a word ending a sentence or clause, or a joining word
_JOINERS = frozenset("while whereas and but as after with".split())


@lru_cache(maxsize=1)
def _verbs() -> frozenset[str]:
    """Verbs of level and change, after which a quantity measures the clause's subject."""
    level = {r[0].strip() for r in rows("level_verbs.txt")}
    change = {r[0].strip() for r in rows("changes.tsv") if r[2].strip() == "before" and " " not in r[0].strip()}
    return frozenset(level | change)


def clause_subject(text: str, pos: int, lx: Lexicon) -> str:
    """The thing whose level or change a quantity at ``pos`` states, as the subject of the verb before it:
    "Brent crude futures rose 1.2%" -> futures, "the price of Brent crude shed 36 cents" -> price, "Sales of new
    cars rose 21%" -> Sales; "" when that subject is a name ("Toyota rose 2%") or there is no such verb."""
    words = text[max(0, pos - 120):pos].split()
    i = len(words) - 1
    while i >= 0 and (words[i].lower() in _AFTER_VERB or _FIGURE.match(words[i])):
        i -= 1
    if i < 1:
        return ""
    if words[i].lower() not in _verbs():
        return _object_of_change(words, i, lx) if {"to", "by"} & {w.lower() for w in words[i + 1:]} else ""
    if words[i - 1].endswith(","):
        return ""  # "The dollar index, which measures ..., was flat": too far to read
    start = i
    while start > 0 and words[start - 1][-1:] not in ".;:!?" and words[start - 1].lower() not in _JOINERS:
        start -= 1
    phrase = _after_opening_phrase(words[start:i])
    if not phrase:
        return ""
    low = [w.lower() for w in phrase]
    # the head comes before the first prepositional phrase: "the death toll in the Kursk floods stands at 95"
    first_prep = next((k for k in range(1, len(low)) if low[k] in _PREPOSITIONS), None)
    k = first_prep if first_prep is not None else len(phrase)
    while first_prep is not None and k > 2 and _participle(low[k - 1]):
        k -= 1  # "the gas used for cars is": a participle opens a phrase after the head too
    head = phrase[k - 1]
    head = _POSSESSIVE_END.sub("", head)
    if head is phrase[0] and head[1:].islower() and is_plural(head):
        head = head.lower()  # "Sales of new cars rose": a common noun starting the sentence ("Toyota rose" is a name)
    if not head.isalpha() or not head.islower() or head in lx.stopwords or head in lx.number_words:
        return ""
    return head


def _participle(word: str) -> bool:
    """ "used", "charged", "falling": a verb form in -ed or -ing (not "speed", "building")."""
    return word.endswith(("ed", "ing")) and len(word) > 3 and not word.endswith(_ED_ING_NOUNS)


def _object_of_change(words: list[str], i: int, lx: Lexicon) -> str:
    """ "increasing general reserves to $300 million", "cutting prices by 5%": the noun a change verb moves."""
    head = words[i]
    if not head.isalpha() or not head.islower() or head in lx.stopwords or head in lx.number_words:
        return ""
    for n in range(1, 4):
        w = words[i - n] if i - n >= 0 else ""
        if not w.isalpha():
            return ""  # a comma, a figure: the verb is not in this phrase
        if w.lower() in _verbs():
            return head
    return ""


def _after_opening_phrase(phrase: list[str]) -> list[str]:
    """ "By the end of the year, China's netizens totaled": an opening phrase and its comma are not the subject."""
    if not phrase or phrase[0].lower() not in _OPENING_PREPOSITIONS:
        return phrase
    for k in range(len(phrase) - 1, -1, -1):
        before, comma, after = phrase[k].rpartition(",")
        if comma:
            return ([after] if after else []) + phrase[k + 1:]  # "year,China's": no space after the comma
    return phrase


_OPENING_PREPOSITIONS = frozenset("by in at after during for on since until before over under within from "
                                  "despite following amid".split())
_POSSESSIVE_END = re.compile(r"(?:'s|’s|')$")
# prepositions that open a phrase after the head noun of a clause's subject ("the price of oil", "the toll in Kursk")
_PREPOSITIONS = frozenset("of in at on for from with across among around near over under within".split())


# a thing told with its price right before the figure: "a mill costing 1.2 billion dollars", "a plant worth $300
# million", "a contract valued at 2 billion euros"
_PRICED = re.compile(r"\b(?:an?|the|its|their|his|her)\s+(?:[a-z][\w-]*\s+){0,2}?(?P<noun>[a-z]+)\s+"
                     r"(?:costing|worth|valued\s+at|priced\s+at)\s+(?:about\s+|some\s+|nearly\s+|around\s+)?$")


def priced_subject(text: str, pos: int) -> str:
    """The thing a sum at ``pos`` is the price of, told right before it ("building a mill costing 1.2 billion
    dollars" -> mill), or ""."""
    m = _PRICED.search(text, max(0, pos - 80), pos)
    return m.group("noun") if m else ""


@lru_cache(maxsize=1)
def _counting_words() -> frozenset[str]:
    """numcheck/data/counting_words.txt: words that count what "of" names after them ("head of livestock")."""
    return frozenset(word_list("counting_words.txt"))
