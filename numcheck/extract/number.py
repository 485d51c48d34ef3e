"""Stage 1, the number: its value, interval and step, its sign, and number-to-number forms ("one in five", "5 ± 1").

``read_number`` reads the match of the number pattern alone; the stages after
it (``sign``, ``ratio``, ``plus_minus``) look one step to either
side of it.
"""
from __future__ import annotations

import math
import re

from .lexicon import patterns
from .parts import Draft, Number, Scan
from .words import bound_tokens, fraction_value, numeral_value, parse_words, tokens_of

_VULGAR_END = "½⅓⅔¼¾⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"
# a minus before the number: "-1", "minus five", "<-30", "-18 °C"
_SIGN = re.compile(r"(?:(?<![\w\d.,)\]%-])(?P<sym>[-−])|(?<![\w])(?P<word>minus|negative)\s+|^\s*(?P<lead>[-−])\s+)$", re.I)
# "75 -300mm": a dash between figures, not a minus
_FIGURE_BEFORE = re.compile(r"\d\s+$")
_PLUS_OR = re.compile(r"\bplus\s+or\s+$", re.I)
# "9.83e-3 +/- 1e-5", "5 ± 1"
_PLUS_MINUS = re.compile(r"\s*(?:±|\+/-|\+-)\s*")
_SCORES_OF = re.compile(r"\s+of\b")
_COUPLE_OF = re.compile(r"\s+(?:of\b|hundred|thousand|million|billion|dozen|more\b|[a-z]+s\b)", re.I)
# "plans to double", "will treble", "could triple": a verb of multiplying, not a multiple
_AND_A_HALF = re.compile(r"(?:[ \t]+|[ \t]*-[ \t]*)and(?:[ \t]+|-)a(?:[ \t]+|-)half(?![\w])", re.I)
_ORDINAL_COMPOUND = re.compile(r"[-‐‑][a-z]", re.I)
_VERB_BEFORE = re.compile(r"\b(?:to|will|would|could|can|may|might|must|should|shall|did|does|do|n't|not)\s+$", re.I)


def read_number(scan: Scan, m: re.Match[str]) -> Number | None:
    """The number itself: value, interval and step, before anything around it is read."""
    s, e = m.span()
    kind = m.lastgroup
    raw = m.group(0)
    if kind == "numeral":
        return _and_a_half(scan.text, _numeral(raw, s, e))
    if kind == "fold":
        return _fold(scan, raw, s, e)
    if kind == "mult":  # "double the", "twice as": not the verb ("to double the size")
        if _VERB_BEFORE.search(scan.text, max(0, s - 12), s):
            return None
        v = scan.lx.multiples[raw.lower()]
        return Number(s, e, v, v, v, 1.0, multiplier=True)
    if kind == "fraction":
        try:
            value = fraction_value(raw)
        except (ValueError, ZeroDivisionError):
            return None
        written = "/" in raw or not raw[0].isdigit() or raw.strip()[-1] in _VULGAR_END
        return Number(s, e, value, value, value, 0.0, fraction=written)
    if kind == "bare":  # "for years": some number of years, more than one
        return Number(s, s, None, 2.0, None, 1.0, vague=True)
    if kind == "idiom":  # "absolute zero"
        return Number(s, e, 0.0, 0.0, 0.0, 1.0, idiom=scan.lx.measure_idioms[re.sub(r"\s+", " ", raw.lower())])
    if kind == "vague":
        return _vague(scan, raw, s, e)
    return _and_a_half(scan.text, _words(scan.text, raw, s))


def _and_a_half(text: str, num: Number | None) -> Number | None:
    """ "15 and a half miles", "a two-and-a-half year high": a whole number and a half, read as one."""
    if num is None or num.value is None or num.fraction or num.step < 1 or text[num.end:num.end + 1] not in " -":
        return num
    m = _AND_A_HALF.match(text, num.end)
    if m is None:
        return num
    v = num.value + 0.5
    return Number(num.start, m.end(), v, v, v, 0.5)


def next_figure(scan: Scan, pos: int) -> tuple[re.Match[str], Number] | None:
    """The figure written at ``pos`` (a numeral or number words, outside dates and codes), read: the second
    number of "5-7 km" or "45 and 50 mg"."""
    m = scan.P.number.match(scan.text, pos)
    if not m or m.lastgroup not in ("numeral", "words") or scan.is_blocked(*m.span()):
        return None
    num = read_number(scan, m)
    return (m, num) if num is not None else None


def _numeral(raw: str, s: int, e: int) -> Number | None:
    """ "10,000", "3.5", "1.3e6"; not "007" or "00" (a code, a typo like "$110,00")."""
    if len(raw) > 1 and raw[0] == "0" and raw[1].isdigit():
        return None
    try:
        value, step = numeral_value(raw)
    except ValueError:
        return None  # 1e999999: no number a text can mean
    if not math.isfinite(value):
        return None
    return Number(s, e, value, value, value, step)


def _fold(scan: Scan, raw: str, s: int, e: int) -> Number | None:
    """ "fivefold", "3-fold", "hundredfold": a multiplier."""
    head = raw[:-4].rstrip("-‐").lower()
    if head[:1].isdigit():
        value, step = numeral_value(head)
    else:
        value, step = float(scan.lx.number_words[head][0]), 1.0
    return Number(s, e, value, value, value, step, multiplier=True)


def _vague(scan: Scan, raw: str, s: int, e: int) -> Number | None:
    """ "dozens", "a couple of", "thousands": an interval, or exactly two."""
    if raw.lower() == "scores" and not _SCORES_OF.match(scan.text[e:e + 4]):
        return None  # "scores" alone is usually the verb
    phrase = re.sub(r"\s+", " ", raw.lower())
    v = scan.vague.get(phrase)
    if v is None:
        return None
    if phrase in ("a couple", "couple") and not _COUPLE_OF.match(scan.text, e):
        return None  # "a couple with a mortgage": two people, a noun ("a couple days", "a couple hundred" count)
    if v.low == v.high:  # "a couple of": exactly two
        return Number(s, e, v.low, v.low, v.high, 1.0)
    return Number(s, e, None, v.low, v.high, 1.0, vague=True)


def _words(text: str, raw: str, s: int) -> Number | None:
    """ "twenty-five", "a dozen", "half a million"; "a"/"another" as one of a unit ("a decade")."""
    low_raw = raw.lower()
    if low_raw in ("a", "an") or low_raw.split()[-1] in ("all", "full", "whole", "another"):
        return Number(s, s + len(raw), 1.0, 1.0, 1.0, 1.0, one_of=True)
    words, ends = bound_tokens(raw)
    words, ends = _no_compound_after_words(text, s, words, ends)
    got = parse_words(words)
    if got is None:
        parts = tokens_of(raw)
        for k in range(1, len(parts)):  # "hundred-10": a figure after a hyphen is not part of the number
            if not parts[k].group(0).isalpha() and "-" in raw[parts[k - 1].end():parts[k].start()]:
                parts = parts[:k]
                break
        words, ends = [t.group(0) for t in parts], [t.end() for t in parts]
        got = parse_words(words)  # "three-nought-four": read the parts one by one
        if got is None:
            return None
    value, used, is_fraction = got
    end = s + ends[used - 1]
    if is_fraction and _ORDINAL_COMPOUND.match(text, end) and words[used - 1].isalpha() \
            and words[used - 1].lower() not in ("half", "halves") and not patterns().unit_after.match(text, end):
        # "four third-generation reactors", "a quarter-final": an ordinal in a compound, not a fraction
        # ("a quarter-hour", "two-thirds-owned" stay fractions); what stands before it is read alone
        got = parse_words(words[:used - 1]) if used > 1 else None
        if got is None or got[2]:
            return None
        return Number(s, s + ends[got[1] - 1], got[0], got[0], got[0], 1.0)
    if patterns().ordinal_after.match(text, end):
        return None  # "twenty-first": an ordinal, not twenty
    return Number(s, end, value, value, value, _scaled_step(words[:used], value), fraction=is_fraction and value <= 1)


def _no_compound_after_words(text: str, s: int, words: list[str], ends: list[int]) -> tuple[list[str], list[int]]:
    """The tokens up to a figure in digits that follows a word and joins a hyphen: "45.99 million 60-kg bags" is
    45.99 million bags of 60 kg each, as "two million 60-seat buses" is two million ("2 million 500 thousand" stays
    one number)."""
    for k in range(1, len(words)):
        if words[k][:1].isdigit() and words[k - 1].isalpha() and text[s + ends[k]:s + ends[k] + 1] in ("-", "\u2011"):
            return words[:k], ends[:k]
    return words, ends


def _scaled_step(words: list[str], value: float) -> float:
    """A numeral then scale words keeps the numeral's precision ("8.4 billion" read as words, as before "and 7.3
    billion": 0.1 billion); a number all in words is read to the unit ("two hundred")."""
    if len(words) < 2 or not words[0][:1].isdigit() or not all(w.isalpha() for w in words[1:]):
        return 1.0
    try:
        head, step = numeral_value(words[0])
    except ValueError:
        return 1.0
    ratio = value / head if head else 0.0
    power = round(math.log10(ratio)) if ratio >= 10 else 0
    return step * ratio if power and math.isclose(ratio, 10.0 ** power) else 1.0


def sign(scan: Scan, d: Draft) -> Draft:
    """A minus before the number: -1, minus five, <-30, -18 °C to -34 °C."""
    text, s, num = scan.text, d.num.start, d.num
    window = text[max(0, s - 10):s]
    if num.value is None or window[-1:] not in ("-", "−", " "):
        return d
    if not ("-" in window or "−" in window or "minus" in window.lower() or "negative" in window.lower()):
        return d
    sg = _SIGN.search(window)
    if sg is None or sg.group("sym") and _FIGURE_BEFORE.search(text[max(0, s - 12):s - 1]):
        return d
    if sg.group("word") and _PLUS_OR.search(text, max(0, s - 20), s - len(window) + sg.start()):
        return d  # "plus or minus three percentage points": a margin, not a negative number
    return d.with_number(num.negated(), start=s - (len(window) - sg.start()), signed=True)


def ratio(scan: Scan, d: Draft) -> Draft:
    """ "one in five", "one school in five", "2 out of 3", "1 over 20": a ratio, unless a unit follows ("3 over 5
    years")."""
    num = d.num
    if d.currency or num.vague or num.fraction or num.value is None:
        return d
    text, P = scan.text, scan.P
    fj = P.fraction_join.match(text, num.end)
    if not fj or (fj.group("noun") and (num.value != 1 or fj.group("noun").lower() in scan.lx.stopwords)):
        return d  # (a noun between only after "one": "one school in five", not "2 people in 10 cities")
    m2 = P.number.match(text, fj.end())
    if not m2 or m2.lastgroup not in ("numeral", "words") or scan.is_blocked(*m2.span()):
        return d
    n2 = read_number(scan, m2)
    if n2 is None or not n2.value:
        return d
    after = P.unit_after.match(text, n2.end)
    if after and (after.group("unit") or after.group("unitcs") or after.group("percent")) or P.currency_after.match(text, n2.end):
        return d
    joiner = fj.group("j").lower()
    if joiner == "over" and re.match(r"\s+[a-z]", text[n2.end:n2.end + 2]):
        return d
    if num.value > n2.value and joiner != "over":
        return d  # "12 out of 10", "8 in 5": not a ratio
    v = num.value / n2.value
    return d.with_number(Number(num.start, n2.end, v, v, v, 0.0, fraction=True))


# "an eight-time champion", "three times as many", "won it five times", "12,000 times a minute" (then a rate)
# "10x zoom", "5× faster": a multiple glued to its figure ("4x4" is a vehicle)
_X = re.compile(r"[x×](?![\w.])")
_OR_NEXT = re.compile(r"[ \t]+(?:or|to)[ \t]+", re.I)
_TIMES = re.compile(r"(?:-times?|\s+times)(?![\w-])", re.I)


def multiple(scan: Scan, d: Draft) -> Draft | None:
    """ "three times as many", "an eight-time champion", "a 10x telephoto": a multiplier or a number of
    occasions, nothing counted."""
    if not d.bare or d.group not in ("numeral", "words"):
        return d
    if d.is_range:  # "two to three times larger": the range is the multiplier
        tm = _TIMES.match(scan.text, d.end)
        return d.evolve(end=tm.end(), multiplier=True) if tm and "-" not in tm.group(0) else d
    if d.value is None:
        return d
    xm = _X.match(scan.text, d.end) if d.group == "numeral" else None
    if xm:
        return d.evolve(end=xm.end(), multiplier=True)
    tm = _TIMES.match(scan.text, d.end)
    if tm and d.value == 1 and "-" in tm.group(0):
        return None  # "a one-time charge", "the one-time leader": single or former, no quantity
    if tm:
        return d.evolve(end=tm.end(), multiplier=True)
    return d.evolve(multiplier=True) if _shares_times(scan, d.end) else d


def _shares_times(scan: Scan, end: int) -> bool:
    """ "three or four times cheaper": the first of two alternatives takes the "times" of the second."""
    om = _OR_NEXT.match(scan.text, end)
    nxt = next_figure(scan, om.end()) if om else None
    return nxt is not None and _TIMES.match(scan.text, nxt[1].end) is not None


def plus_minus(scan: Scan, d: Draft) -> Draft:
    """ "9.83e-3 +/- 1e-5 km/s2": the value with its uncertainty, as an interval."""
    if d.value is None or d.num.vague:
        return d
    pm = _PLUS_MINUS.match(scan.text, d.end)
    if not pm:
        return d
    m3 = scan.P.number.match(scan.text, pm.end())
    n3 = read_number(scan, m3) if m3 and m3.lastgroup == "numeral" else None
    if n3 is None or n3.value is None:
        return d
    return d.evolve(low=d.value - n3.value, high=d.value + n3.value, end=n3.end, is_range=True)


def unscaled(m: re.Match[str]) -> float | None:
    """The value of a range's second number before its scale word: "4" of "$3-4bn"."""
    raw = m.group(0)
    if m.lastgroup == "numeral":
        return numeral_value(raw)[0]
    got = parse_words(bound_tokens(raw)[0])
    return got[0] if got else None
