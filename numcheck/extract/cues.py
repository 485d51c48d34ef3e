"""Unit words with more than one reading ("pounds", "°", "c") read by the words around the number.

data/unit_cues.tsv names groups of cue words (money, mass, temperature) and,
for each ambiguous surface, the unit each group selects; the first group with
a cue in the sentence near the number wins ("paid 34 pounds" is money,
"weighs 120 pounds" a mass, "a high of 32 c" Celsius).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .lexicon import rows

_WORDS = re.compile(r"[a-z&]+")
_SENTENCE_BREAK = re.compile(r"[.!?]\s+(?=[A-Z\"'“])|\n")
_REACH = 80  # characters either side of the number that count as near


@dataclass(frozen=True)
class Cues:
    groups: dict[str, frozenset[str]]              # group -> cue words
    readings: dict[str, tuple[tuple[str, str], ...]]  # surface -> ((group, unit), ...) in file order


@lru_cache(maxsize=1)
def cues() -> Cues:
    groups: dict[str, frozenset[str]] = {}
    readings: dict[str, list[tuple[str, str]]] = {}
    for row in rows("unit_cues.tsv"):
        if row[0] == "cue":
            groups[row[1].strip()] = frozenset(row[2].split())
        elif row[0] == "reading":
            readings.setdefault(row[1].strip(), []).append((row[2].strip(), row[3].strip()))
        else:
            raise ValueError(f"unit_cues.tsv: unknown row kind {row[0]!r}")
    for surface, pairs in readings.items():
        for group, _ in pairs:
            if group not in groups:
                raise ValueError(f"unit_cues.tsv: {surface!r} names a group {group!r} with no cue row")
    return Cues(groups, {k: tuple(v) for k, v in readings.items()})


def reading(text: str, start: int, end: int, surface: str) -> str | None:
    """The unit ``surface`` means for the number at ``start:end``, by the cues near it; None with no cue."""
    table = cues()
    pairs = table.readings.get(_key(surface))
    if not pairs:
        return None
    words = set(_WORDS.findall(_sentence_window(text, start, end).lower()))
    for group, unit in pairs:
        if words & table.groups[group]:
            return unit
    return None


def currency(text: str, start: int, end: int, code: str) -> str:
    """The currency a generic word in the amount's surface means by the country named near it ("528 million
    francs" in French copy is FRF, "Rs262" in Pakistani copy PKR), or near the same word told earlier in the text:
    copy that read "Rs 311 billion" as Pakistani goes on meaning it by "Rs 2,010 billion" (_told_before);
    ``code`` when nothing says otherwise."""
    if code not in _generic_codes() or _qualified(text[start:end].lower(), code):
        return code
    readings = cues().readings
    for word in _WORDS.findall(text[start:end].lower()):
        if len(word) > 1 and word in readings:
            found = _currency_reading(text, start, end, word) or _told_before(text, start, word)
            if found is not None:
                return found
    return code


def _qualified(surface: str, code: str) -> bool:
    """Whether the amount names its currency in full ("5 Swiss francs", "3.2 billion Swedish crowns"): no cue moves it."""
    from .lexicon import lexicon

    return any(" " in name and name in surface for name, c in lexicon().currency_words.items() if c == code)


def _currency_reading(text: str, start: int, end: int, word: str) -> str | None:
    found = reading(text, start, end, word)
    return found if found is not None and re.fullmatch(r"[A-Z]{3}", found) else None


_AMOUNT_BEFORE = re.compile(r"\d(?:\s*(?:million|billion|trillion|bn|mn|m))?[\s-]*$", re.I)
TOLD_BEFORE_REACH = 1500  # characters back in which an earlier use of the word is read: its story, not the page's
TOLD_BEFORE_USES = 3      # the nearest earlier uses read (each reads its own sentence's cues)


def _told_before(text: str, start: int, word: str) -> str | None:
    """The currency the nearest earlier uses of the same generic word, within TOLD_BEFORE_REACH, were read as by a
    country named near them."""
    lo = max(0, start - TOLD_BEFORE_REACH)
    stem = word[:-1] if word.endswith("s") and len(word) > 3 else word  # ("an 11.3 billion peso allocation" told
    # before "4.9 billion pesos": the other number of the word only after an amount, not "The Swiss franc eased")
    uses = [m for m in re.finditer(r"\b" + re.escape(stem) + r"s?\b", text[lo:start], re.I)
            if m.group().lower() == word or _AMOUNT_BEFORE.search(text, max(0, lo + m.start() - 24), lo + m.start())]
    for m in reversed(uses[-TOLD_BEFORE_USES:]):
        found = _currency_reading(text, _amount_start(text, lo + m.start()), lo + m.end(), m.group().lower())
        if found is not None:
            return found
    return None


def _amount_start(text: str, word_start: int) -> int:
    """Where the amount a currency word ends begins ("456.8 billion pesos" -> the 4), or the word itself with no
    amount before it: the cues are read around the amount, as they were when it was read."""
    m = _AMOUNT_FIGURE.search(text, max(0, word_start - 40), word_start)
    return m.start() if m else word_start


_AMOUNT_FIGURE = re.compile(r"\d[\d.,]*(?:\s*(?:million|billion|trillion|bn|mn|m))?[\s-]*$", re.I)


@lru_cache(maxsize=1)
def _generic_codes() -> frozenset[str]:
    """The currencies a generic word is read as when no country is named ("francs": CHF, "Rs": INR)."""
    from .lexicon import lexicon

    lx = lexicon()
    symbols = {k.lower(): v for k, v in lx.currency_symbols.items()}
    return frozenset(code for word, pairs in cues().readings.items() if any(re.fullmatch(r"[A-Z]{3}", u) for _, u in pairs)
                     for code in (lx.currency_words.get(word), symbols.get(word)) if code)


def near(text: str, start: int, end: int, group: str) -> bool:
    """Whether a cue word of ``group`` stands in the sentence near ``start:end``."""
    return bool(set(_WORDS.findall(_sentence_window(text, start, end).lower())) & cues().groups[group])


def ambiguous(surface: str) -> bool:
    return _key(surface) in cues().readings


def _key(surface: str) -> str:
    """Words match in any case; a single letter only as written ("C" is Celsius, "c" may be a cent)."""
    return surface if len(surface) == 1 else surface.lower()


def _sentence_window(text: str, start: int, end: int) -> str:
    """The text near the number, not crossing a sentence end."""
    left = text[max(0, start - _REACH):start]
    breaks = list(_SENTENCE_BREAK.finditer(left))
    if breaks:
        left = left[breaks[-1].end():]
    right = text[end:end + _REACH]
    br = _SENTENCE_BREAK.search(right)
    return left + " " + (right[:br.start()] if br else right)
