"""Numbers written in words and numerals, turned into values: "twenty-five" -> 25, "10,000" -> 10000.

``parse_words`` reads the longest run of tokens that makes one number, so
"three-nought-four" is three numbers and "one hundred and six" is one.  The
grammar, in the order it is tried:

* decimals: "two hundred point seventy-one" -> 200.71
* a whole and a fraction joined by "and": "one hundred and three quarters" -> 100.75,
  "one million and a half" -> 1500000, "one billion and a half million" -> 1000500000
* numerator and ordinal denominator: "five eighths", "one hundred thirty fifths" (100/35)
* a fraction of a scale: "half a million", "two thirds of a million", "quarter million"
* cardinals: "four thousand three hundred and twenty-one", "3 hundred and 21", "three dozens"
"""
from __future__ import annotations

import math
import re
from fractions import Fraction

from .lexicon import lexicon

_VULGAR = {"½": 0.5, "⅓": 1 / 3, "⅔": 2 / 3, "¼": 0.25, "¾": 0.75, "⅕": 0.2, "⅖": 0.4, "⅗": 0.6,
           "⅘": 0.8, "⅙": 1 / 6, "⅚": 5 / 6, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875}
_SEPARATORS = str.maketrans("", "", ",\u00a0\u202f\u2009 '")
_TOKEN = re.compile(r"[^\s\-‐‑–,&]+|&|,")
_NUMERAL = re.compile(r"^\d+(?:\.\d+)?$")
_POWER = re.compile(r"^(?P<m>[\d.,]+)\s*(?:[x×*]\s*(?P<b>\d+)\s*\^?\s*(?P<e10>[+-]?\d+)|[eE](?P<e>[+-]?\d+)|\^\s*(?P<p>[+-]?\d+))$")
_MAX_TOKENS = 40


def numeral_value(s: str) -> tuple[float, float]:
    """A numeral's value and its step (the size of its last digit): "3,500.75" -> (3500.75, 0.01).

    Also reads scientific forms ("1.3e6", "6.23x10^-4") and powers ("1.1^23").
    """
    m = _POWER.match(s.strip().replace("−", "-"))
    if m:
        base = float(m.group("m").translate(_SEPARATORS))
        try:
            if m.group("p") is not None:
                value = base ** int(m.group("p"))
            elif m.group("e10") is not None:  # 1.3x10^6, 8x2^10, 2.48×10−5
                value = base * float(m.group("b")) ** int(m.group("e10"))
            else:
                value = base * 10.0 ** int(m.group("e"))
        except (OverflowError, ZeroDivisionError):
            raise ValueError(f"{s!r} is out of range") from None
        if not math.isfinite(value):
            raise ValueError(f"{s!r} is out of range")
        return value, 0.0
    clean = s.translate(_SEPARATORS)
    if "," in s and "." in s and s.rfind(",") > s.rfind("."):  # 1.111,11 (European)
        clean = s.replace(".", "").replace(",", ".")
    value = float(clean)
    step = 10.0 ** -len(clean.split(".", 1)[1]) if "." in clean else 1.0
    return value, step


def fraction_value(s: str) -> float:
    """ "2 1/2" -> 2.5, "1/40" -> 0.025, "2½" -> 2.5."""
    s = s.strip()
    if s and s[-1] in _VULGAR:
        head = s[:-1].strip()
        return (float(head) if head else 0.0) + _VULGAR[s[-1]]
    whole = 0.0
    parts = s.split()
    if len(parts) >= 2 and "/" not in parts[0]:
        whole = float(parts[0])
        s = "".join(parts[1:])
    num, den = (p.strip() for p in s.replace(" ", "").split("/"))
    if float(den) == 0:
        raise ValueError("zero denominator")
    return whole + float(Fraction(int(num), int(den)))


def tokens_of(s: str) -> list[re.Match[str]]:
    return list(_TOKEN.finditer(s))


def bound_tokens(s: str) -> tuple[list[str], list[int]]:
    """Tokens with hyphenated compounds kept whole ("ninety - five" -> "ninety-five"), and their end offsets.

    A hyphen binds: "ninety - five hundred fifths" is 9500/5, while "one hundred thirty
    fifths" is 100/35, because a denominator cannot start inside "ninety-five".
    """
    if not any(h in s for h in "-‐‑–"):  # no hyphen: every token stands alone (the common case, done in C)
        ms = list(_TOKEN.finditer(s))
        return [m.group() for m in ms], [m.end() for m in ms]
    words: list[str] = []
    ends: list[int] = []
    prev_end = None
    for m in _TOKEN.finditer(s):
        gap = s[prev_end:m.start()] if prev_end is not None else ""
        hyphen = bool(gap) and not gap.isspace() and any(h in gap for h in "-‐‑–")
        if words and hyphen and m.group(0).isalpha() and words[-1].replace("-", "").isalpha():
            words[-1] += "-" + m.group(0)
            ends[-1] = m.end()
        elif words and hyphen:
            break  # "hundred-10": a hyphen between a word and a figure ends the number
        else:
            words.append(m.group(0))
            ends.append(m.end())
        prev_end = m.end()
    return words, ends


def parse_words(tokens: list[str]) -> tuple[float, int, bool] | None:
    """(value, tokens used, is_fraction) for the longest prefix of ``tokens`` that is one number."""
    toks = [t.lower() for t in tokens[:_MAX_TOKENS]]
    toks = toks[:_open_prefix(toks)]  # "one one one ...": only the first "one" can be a number
    for n in range(len(toks), 0, -1):
        if toks[n - 1] in ("and", "a", "an", "point", "of", ",", "&"):
            continue
        got = _value(toks[:n])
        if got is not None:
            if n < len(toks) and n >= 2 and toks[n - 2] == "and" and _multiplier(toks[n]):
                continue  # "3 hundred and 2 hundred": the second number keeps its "hundred"
            if _scale_again(toks[:n]) or _figures_joined(toks[:n]) or _more_after_decimal_scaled(toks[:n]):
                continue  # "8 million and 7 million", "1.7 million and 620,000 barrels": two numbers; "13.2 million
                # twenty-foot units": the number ends at its scale
            return got[0], n, got[1]
    return None


def _scale_again(toks: list[str]) -> bool:
    """The largest scale before "and" said again after it starts a second number ("8 million and 7 million"),
    where "two hundred and five", "one hundred and one thousand" and "a million and a half" are one."""
    if "and" not in toks:
        return False
    i = toks.index("and")
    before = max((_scale_of(t) for t in toks[:i]), default=0.0)
    return before > 0 and max((_scale_of(t) for t in toks[i + 1:]), default=0.0) == before


def _figures_joined(toks: list[str]) -> bool:
    """A figure with a decimal point before "and" and a figure in digits after it: two numbers of a list ("1.7 million
    and 620,000 barrels a day"), where "3 hundred and 21" is one."""
    if "and" not in toks:
        return False
    i = toks.index("and")
    return any("." in t and _NUMERAL.match(t) for t in toks[:i]) and any(_NUMERAL.match(t) for t in toks[i + 1:])


def _more_after_decimal_scaled(toks: list[str]) -> bool:
    """A figure with a decimal point, then scale words, then more ("13.2 million twenty-foot equivalent units"): a
    decimal figure is scaled whole and ends at its scale ("2 million 500 thousand" may go on; "1.5 million" may not)."""
    if len(toks) < 3 or not ("." in toks[0] and _NUMERAL.match(toks[0])):
        return False
    k = 1
    while k < len(toks) and _scale_of(toks[k]) > 0:
        k += 1
    return 1 < k < len(toks)


def _scale_of(tok: str) -> float:
    """The size of a scale word ("million" -> 1e6, "hundred" -> 100), 0 for any other token."""
    value, role = lexicon().number_words.get(tok, (0, ""))
    return float(value) if role in ("hundred", "scale") else 0.0


_SMALL = ("unit", "teen", "numeral")
_COUNTING = (*_SMALL, "ten")


def _open_prefix(toks: list[str]) -> int:
    """How many tokens one number can span at most: no whole number holds a unit, teen or figure right before
    another unit, teen, ten or figure ("five six", "one one"), and none a denominator right before a unit,
    teen, ten or figure ("a half two") or an "a" that no scale word follows ("a third a third"); the
    digits after "point" are left whole.

    Without this bound the longest-prefix search in parse_words tries every prefix of a 40-token run of
    number words, each in time of its length: a page of "one one one ..." read at 10 kB/s.
    """
    if any(_is_denominator(t) for t in toks):
        # "three forty fifths": a numerator and its denominator do stand side by side, but nothing that
        # counts follows a denominator ("a half two" is two numbers)
        for i in range(1, len(toks)):
            if not _is_denominator(toks[i - 1]):
                continue
            if _role(toks[i]) in _COUNTING:
                return i
            if toks[i] in ("a", "an") and (i + 1 == len(toks) or _role(toks[i + 1]) not in ("hundred", "scale", "dozen")):
                return i  # "a third a third": only "half a million" goes on past a denominator's "a"
        return len(toks)
    prev_small = False
    for i, t in enumerate(toks):
        if t == "point":
            return len(toks)
        role = _role(t)
        if prev_small and role in _COUNTING:
            return i
        prev_small = role in _SMALL
    return len(toks)


def _role(tok: str) -> str:
    """A token's role in the grammar: "numeral" for figures, the number_words.tsv role for words, else ""."""
    return "numeral" if _NUMERAL.match(tok) else lexicon().number_words.get(tok, (0, ""))[1]


def words_value(s: str) -> float | None:
    """The value of a whole phrase in words, or None when it is not exactly one number."""
    toks, _ = bound_tokens(s)
    got = parse_words(toks)
    return got[0] if got and got[1] == len(toks) else None


def _value(t: list[str]) -> tuple[float, bool] | None:
    """The value of exactly these tokens, or None."""
    idiom = " ".join(t[1:]) if t[0] in ("a", "an") else None
    if idiom in lexicon().idioms:
        return lexicon().idioms[idiom], False
    t = ["and" if x == "&" else x for x in t]
    if "," in t:  # "three million, two hundred": a comma only after a scale word
        if any(x == "," and (i == 0 or not _scale(t[i - 1])) for i, x in enumerate(t)):
            return None
        t = [x for x in t if x != ","]
    if len(t) >= 3 and _scale(t[-1]) and t[-2] in ("a", "an"):  # "half a million", "two thirds of a million"
        t = t[:-3] + [t[-1]] if t[-3] == "of" else t[:-2] + [t[-1]]
        if len(t) < 2 or not _is_denominator(t[-2]):
            return None
    if "point" in t:
        i = t.index("point")
        whole = _cardinal(t[:i]) if i else 0.0
        digits = _decimal_digits(t[i + 1:])
        if whole is None or digits is None:
            return None
        return whole + float("0." + digits), False
    if _is_denominator(t[-1]) or (len(t) > 1 and _is_denominator(t[-2]) and _scale(t[-1])):
        got = _with_fraction(t)
        return (got, True) if got is not None else None
    v = _cardinal(t)
    return (v, False) if v is not None else None


def _multiplier(tok: str) -> bool:
    return lexicon().number_words.get(tok, (0, ""))[1] in ("hundred", "scale")


def _scale(tok: str) -> float | None:
    e = lexicon().number_words.get(tok)
    return float(e[0]) if e and e[1] in ("scale", "dozen") else None


def _is_denominator(tok: str) -> bool:
    lx = lexicon()
    if "-" in tok:
        return _is_denominator(tok.rsplit("-", 1)[1])
    return tok in lx.fractions or tok in lx.ordinals


def _denominator(tok: str) -> float:
    lx = lexicon()
    return float(lx.fractions.get(tok) or lx.ordinals[tok])


def _with_fraction(t: list[str]) -> float | None:
    # "one billion and three quarters million": a fraction with its own scale
    trailing_scale = 1.0
    if _scale(t[-1]) and _is_denominator(t[-2]):
        trailing_scale = _scale(t[-1]) or 1.0
        t = t[:-1]
        if t and t[-1] == "of":
            return None
    # whole "and" fraction: split at the last "and" that leaves two valid parts
    for i in range(len(t) - 1, 0, -1):
        if t[i] != "and":
            continue
        whole = _cardinal(t[:i])
        frac = _simple_fraction(t[i + 1:])
        if whole is None or frac is None or frac >= 1:
            continue  # "one hundred and thirty fifths" is 130/5, not 100 + 30/5
        if trailing_scale != 1.0:
            if _scale(t[i - 1]):  # "one billion and a half million"
                return whole + frac * trailing_scale
            return (whole + frac) * trailing_scale  # "five and a half million"
        last_scale = _scale(t[i - 1])
        if last_scale and frac < 1:  # "one million and a half" -> 1.5 million
            return whole + frac * last_scale
        return whole + frac
    frac = _simple_fraction(t)
    if frac is None:
        return None
    return frac * trailing_scale


def _simple_fraction(t: list[str]) -> float | None:
    """ "five eighths", "a third", "one hundred thirty fifths" (100/35), "half", "two-thirds"."""
    if not t or not _is_denominator(t[-1]):
        return None
    lx = lexicon()
    last = t[-1]
    if "-" in last:
        head, den_word = last.rsplit("-", 1)
        head_value = _cardinal(head.split("-"))
        if head_value is None:
            return None
        den = _denominator(den_word)
        if head_value % 10 == 0 and head_value >= 20 and den < 10:  # "twenty-fifth": one ordinal
            den = head_value + den
            num = 1.0 if t[:-1] in (["a"], ["an"]) else _cardinal(t[:-1]) if t[:-1] else None
            return num / den if num is not None else None
        if len(t) > 1:
            return None  # "one two-thirds"
        if den_word in ("first", "firsts", "second", "seconds"):
            return None
        return head_value / den  # "two-thirds", "three-quarters"
    if len(t) == 1:
        return 1 / _denominator(last) if last in lx.fractions else None
    # try the longest denominator phrase that leaves a numerator
    for k in range(1, len(t)):
        num_t, den_t = t[:k], t[k:]
        if den_t[0] in ("and", "a", "an"):
            continue
        if len(den_t) > 1:
            if den_t[0] in lx.fractions or _scale(den_t[0]) or lx.number_words.get(den_t[0], (0, ""))[1] == "hundred":
                continue
            base = _cardinal(den_t[:-1])
            # a compound denominator is tens or hundreds plus a unit ordinal: "thirty fifths", "one hundred fifth"
            if base is None or base % 10 or _denominator(last) >= 10:
                continue
            den = base + _denominator(last)
        else:
            if last in ("first", "firsts", "second", "seconds"):
                continue
            den = _denominator(last)
        num = 1.0 if num_t in (["a"], ["an"]) else _cardinal(num_t)
        if num is None or den == 0:
            continue
        return num / den
    return None


def _decimal_digits(t: list[str]) -> str | None:
    lx = lexicon()
    if not t:
        return None
    if all(lx.number_words.get(x, (0, ""))[1] == "unit" or x.isdigit() for x in t) and len(t) > 0:
        out = ""
        for x in t:
            out += x if x.isdigit() else str(lx.number_words[x][0])
        if len(t) > 1 or len(out) == 1:
            return out
    v = _cardinal(t)
    if v is None or v >= 1000 or v != int(v):
        return None
    return str(int(v))


def _cardinal(t: list[str]) -> float | None:
    """Whole numbers in words (and numerals mixed in): "four thousand 3 hundred and 21" -> 4321."""
    lx = lexicon()
    if not t:
        return None
    total, hund, current = 0.0, 0.0, 0.0  # current: units/teens/tens since the last hundred or scale
    last = ""        # role of the previous token
    small = False    # current holds units/teens/tens not yet closed by hundred or a scale
    for i, tok in enumerate(t):
        if tok == "and":
            if last in ("", "and", "a"):
                return None
            if last in ("unit", "teen", "numeral") and not (hund or total):
                return None  # "five and six hundred" is two numbers, not 1,100
            last = "and"
            continue
        if tok in ("a", "an"):
            if last not in ("", "and") or i + 1 >= len(t):
                return None
            nxt = lx.number_words.get(t[i + 1], (0, ""))[1]
            if nxt not in ("hundred", "scale", "dozen"):
                return None
            current, last = 1.0, "a"
            continue
        if "-" in tok:  # "twenty-five", "ninety - five": one group, never split
            v = _cardinal(tok.split("-"))
            if v is None or v >= 100 or small:
                return None
            current += v
            small, last = True, "ten"
            continue
        if _NUMERAL.match(tok):
            if small or last in ("unit", "teen", "ten", "numeral") or i and "." in tok:
                return None  # "1.8 million and 2.35": a figure with decimals starts a number, never adds to one
            if last == "and" and float(tok) == 0:
                return None
            current += float(tok)
            small, last = True, "numeral"
            continue
        entry = lx.number_words.get(tok)
        if entry is None:
            return None
        v, role = entry
        if role == "unit":
            if small and last in ("unit", "teen", "numeral") or last == "ten" and v == 0 or last == "and" and v == 0:
                return None
            current += v
            small, last = True, "unit"
        elif role in ("teen", "ten"):
            if small:
                return None
            current += v
            small, last = True, role
        elif role == "hundred":
            if last == "hundred" or hund:
                return None  # "3 hundred and 2 hundred" is two numbers
            hund, current = (current or 1.0) * 100, 0.0
            small, last = False, "hundred"
        elif role == "dozen":
            if current:
                current *= 12  # "three hundred and two dozens" = 300 + 24
            else:
                hund, current = 0.0, (hund or 1.0) * 12
            small, last = False, "dozen"
        elif role == "scale":
            group = hund + current
            if group == 0 and last == "scale" and total:
                total *= v  # "lakh crore", "thousand million"
            elif total and v >= total:
                return None  # "1.8 million and 2.35 million": each scale after the first is smaller
            else:
                total += (group or 1.0) * v
            hund, current, small, last = 0.0, 0.0, False, "scale"
    if last in ("and", "a"):
        return None
    if len(t) == 1 and lx.number_words.get(t[0], (0, ""))[1] in ("hundred", "scale"):
        return None  # "hundred" alone counts nothing ("a hundred" does)
    return total + hund + current
