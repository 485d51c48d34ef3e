"""Numbers written in words and numerals, turned into values: "twenty-five" -> 25, "10,000" -> 10000."""
from __future__ import annotations

import re
from fractions import Fraction

from .lexicon import lexicon

_SPLIT = re.compile(r"[\s\-]+")
_VULGAR = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅖": 0.4, "⅗": 0.6,
           "⅘": 0.8, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875}
_SEPARATORS = str.maketrans("", "", ",\u00a0\u202f\u2009")


def numeral_value(s: str) -> tuple[float, float]:
    """A numeral's value and its step (the size of its last digit): "3,500.75" -> (3500.75, 0.01)."""
    clean = s.translate(_SEPARATORS)
    value = float(clean)
    if "." in clean:
        step = 10.0 ** -len(clean.split(".", 1)[1])
    else:
        step = 1.0
    return value, step


def fraction_value(s: str) -> float:
    """ "2 1/2" -> 2.5, "1/40" -> 0.025, "2½" -> 2.5."""
    s = s.strip()
    whole = 0.0
    if s and s[-1] in _VULGAR:
        head = s[:-1].strip()
        return (float(head) if head else 0.0) + _VULGAR[s[-1]]
    parts = s.split()
    if len(parts) == 2 and "/" not in parts[0]:
        whole = float(parts[0])
        s = parts[1]
    num, den = (p.strip() for p in s.replace(" ", "").split("/"))
    if float(den) == 0:
        raise ValueError("zero denominator")
    return whole + float(Fraction(int(num), int(den)))


def words_value(s: str) -> float | None:
    """The value of a number written in words, or None when the words do not make one number.

    "one hundred and six" -> 106, "half a million" -> 500000, "two and a half million"
    -> 2500000, "two-thirds" -> 0.667, "a dozen" -> 12.
    """
    lx = lexicon()
    tokens = [t for t in _SPLIT.split(s.lower().strip()) if t]
    if not tokens:
        return None
    # fractions: "two-thirds", "a third", "three quarters"
    if tokens[-1] in lx.fractions and tokens[0] != "half":
        den = lx.fractions[tokens[-1]]
        head = tokens[:-1]
        if not head or head in (["a"], ["an"]):
            num = 1.0
        else:
            num = words_value(" ".join(head))
            if num is None:
                return None
        return num / den
    # "half a million", "half a dozen"
    if tokens[0] == "half" and len(tokens) == 3 and tokens[1] in ("a", "an"):
        v = lx.number_words.get(tokens[2])
        return 0.5 * v[0] if v else None
    # "two and a half million"
    half = 0.0
    scale_after_half = 1.0
    if "half" in tokens:
        i = tokens.index("half")
        if i >= 3 and tokens[i - 2:i] == ["and", "a"] or tokens[i - 2:i] == ["and", "an"]:
            half = 0.5
            rest = tokens[i + 1:]
            tokens = tokens[: i - 2]
            if rest:
                v = lx.number_words.get(rest[0])
                if not v or len(rest) > 1:
                    return None
                scale_after_half = float(v[0])
        else:
            return None
    total, current, seen = 0.0, 0.0, False
    for t in tokens:
        if t in ("and",):
            continue
        if t in ("a", "an"):
            current = max(current, 1.0)
            seen = True
            continue
        entry = lx.number_words.get(t)
        if entry is None:
            return None
        v, role = entry
        seen = True
        if role in ("unit", "teen", "ten"):
            current += v
        elif role == "hundred":
            current = max(current, 1.0) * 100
        elif role == "dozen":
            current = max(current, 1.0) * 12
        elif role == "scale":
            total += max(current, 1.0) * v
            current = 0.0
    if not seen:
        return None
    value = total + current
    if half:
        value = (value + half) * scale_after_half
    return value
