"""Numbers written back for people: messages, suggestions and evidence, in the text's own style.

Every check writes numbers through here, so a figure reads as the text writes
it: its currency sign, thousands separator and scale word ("£12m", "$3.5bn",
"1,083,500"), its unit as written ("feet", "km/h") and its percent ("%",
"per cent").  The one piece of knowledge is ``Layout``: how a claim's text lays
out its number (what comes before it, the figure, the scale word, the unit).
``amount`` writes a value in that layout for a message; ``restate`` rewrites
the whole claim with a new value, rounded to the claim's own precision, for a
suggestion.  ``between`` never prints a degenerate range ("9.4-9.4"), and
``tidy`` rounds evidence floats so JSON carries meaningful digits, not float noise.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from datetime import date
from functools import lru_cache
from typing import Any, Callable

from .model import Claim
from .tolerance import MIN_SIG, Interval, sig_step

# a figure, with thousands separators (a comma, a space, a no-break or a thin space) and a decimal part, or grouped
# in lakhs and crores:
#   "1,083,500"   "1 083 500"   "12.9"   "0.64"   "10000"   "9,16,190"
_FIGURE = re.compile(
    r"(?<![\d.,])(?:\d{1,2}(?:,\d\d)+,\d{3}(?![\d,])|\d{1,3}(?P<sep>[,\u00a0\u202f ])\d{3}(?:(?P=sep)\d{3})*|\d+)"
    r"(?:\.\d+)?(?![\d])")

MESSAGE_SIG = 3     # significant figures of a computed value in a message ("about 621 miles")
EVIDENCE_SIG = 6    # significant figures of an evidence float with no stated precision to go by
EVIDENCE_EXTRA = 2  # digits kept beyond a stated precision ("1,066.27" for a figure stated to the unit)
RATE_SIG = 5        # the ECB publishes its reference rates to five significant figures (1.2967, 138.23)
MAX_REFINE = 3      # digits a suggestion may add beyond the stated precision to fit the right value
MIN_SCALED = 0.1    # a computed value smaller than this in the scale word's units ("£0.05m") prints without it
ROUGH = 0.05        # with no interval to fit, a suggestion rounded further than this from the value takes a digit more


@dataclass(frozen=True)
class Layout:
    """How a claim's text lays out its number: ``lead + sign + figure + scale + tail``.

    "about £12m" is lead "about ", sign "£", figure "12", scale "m", tail "";
    "1,083,500 feet" is figure "1,083,500", tail " feet".  ``factor`` is what
    one unit of the figure is worth in the claim's value (1e6 for "£12m", 0.01
    for "64 pence"); ``step`` is the figure's last stated digit (0.1 for "12.9").
    """

    lead: str
    sign: str
    figure: str
    scale: str
    tail: str
    factor: float
    step: float
    sep: str          # the thousands separator the text uses ("," / " " / "" when it writes none)
    words: bool       # the figure is in words ("five")
    capital: bool     # ... starting with a capital ("Five")

    def write(self, value: float, step: float | None = None, words: bool | None = None, trim: bool = False) -> str:
        """``value`` (in the claim's unit) as a figure in this layout, without lead or tail."""
        x = value / self.factor
        spelled = _in_words(x) if (self.words if words is None else words) else None
        if spelled is not None:
            return spelled.capitalize() if self.capital else spelled
        step = self.step if step is None else step / self.factor
        return self.sign + figure(x, step, self.sep, trim) + self.scale


def layout(claim: Claim) -> Layout | None:
    """The layout of a claim's number, or None (a range, a date, a value its text does not show); kept per claim and
    step (a claim is frozen; its step is no part of its equality), since the checks ask for one figure's scale many
    times."""
    return _layout(claim, claim.step)


@lru_cache(maxsize=8192)
def _layout(claim: Claim, claim_step: float | None) -> Layout | None:
    """``layout``, cached by the claim and its step (``claim_step``, the key only)."""
    if claim.range or claim.value is None or claim.kind == "date":
        return None
    text = claim.text
    for m in _FIGURE.finditer(text):
        shown = float(m.group(0).replace(m.group("sep") or ",", "").replace(",", ""))
        if shown == 0:
            continue
        factor = _power_of_ten(abs(claim.value) / shown)
        if factor is None:
            continue
        scale = _scale_after(text, m.end(), factor)
        step = (claim.step or 1.0) / factor
        sign = _sign_before(text, m.start())
        return Layout(
            lead=text[:m.start() - len(sign)], sign=sign, figure=m.group(0), scale=scale,
            tail=text[m.end() + len(scale):], factor=factor, step=step,
            sep=_separator(m.group(0), m.group("sep")), words=False, capital=False)
    return _word_layout(claim)


def scale_factor(claim: Claim) -> float | None:
    """What one unit of the figure a claim's text shows is worth in its value (1e6 for "450 million", 0.01 for "64
    pence", 1 for "3,811"), or None where ``layout`` reads no figure."""
    lay = layout(claim)
    return lay.factor if lay is not None else None


def restate(claim: Claim, value: float, allowed: Interval | None = None, step: float | None = None) -> str | None:
    """The claim's text with ``value`` in place of its number, rounded to the claim's own precision.

    A sub-editor keeps the writer's precision: no finer than the claim's last
    digit, and no more significant figures than it states (trailing zeros of a
    whole number are rounding, at least ``MIN_SIG`` figures): "1,083,500 feet"
    corrected for 330 metres is "1,083 feet", "900 miles" for 1,000km is "620
    miles", "$11.8bn" becomes "$7.4bn".  Only when that rounding leaves
    ``allowed`` (or rounds to zero) does a digit more go in, up to
    ``MAX_REFINE``; a count stays whole.  ``step`` (in the claim's unit) sets
    the rounding instead ("about 12,345" to 100).  None when no such text
    exists or it equals the claim's own.
    """
    lay = layout(claim)
    if lay is None or not math.isfinite(value):
        return None
    if step is None:
        first = max(lay.step, _sig_step(value / lay.factor, _stated_figures(claim)))
    else:
        first = step / lay.factor
    steps = [first / 10 ** k for k in range(MAX_REFINE + 1)]
    if claim.kind == "count" and first >= 1:
        steps = steps[:1]  # people and things come whole
    for s in steps:
        x = _round(value / lay.factor, s)
        if (x == 0 and value != 0) or (allowed is not None and not _holds(allowed, x * lay.factor)):
            continue
        if allowed is None and value and abs(x * lay.factor - value) > abs(value) * ROUGH:
            continue
        words = lay.words and x == int(x)
        out = lay.lead + lay.write(x * lay.factor, s * lay.factor, words=words) + lay.tail
        return None if out == claim.text else out
    return None


def amount(value: float, like: Claim | None = None, step: float | None = None, signed: bool = False) -> str:
    """``value`` for a message, written the way ``like`` writes its number ("£47m", "1,083 feet", "12.3 per cent").

    ``step`` None gives a computed value: three significant figures, whole
    numbers from 1,000 ("1,083 feet", "10,821"), four figures from 100,000 ("$1,952,000").  Figures, never words ("3 + 3 = 6"); a unit written
    as an adjective ("1,000-kilometre") prints as a noun ("621 kilometres").
    """
    lay = layout(like) if like is not None else None
    if step:
        step = float(f"{step:.12g}")  # a step read through a scale word may carry float noise: 1e8 as 100000000.00000001
    if lay is None:
        text = fmt(abs(value) if signed else value)
    else:
        computed = step is None
        x = abs(value / lay.factor)
        if computed and lay.factor > 1 and x < MIN_SCALED:  # "$6.3" against "£3.35m": not "£0.00000299m"
            text = lay.sign + fmt(abs(value) if signed else value) + _unit_tail(lay.tail, like, value)
        else:
            if computed:
                step = lay.factor * (_sig_step(x, MESSAGE_SIG) if x < 1000 else 1.0 if x < 1e5 else _sig_step(x, MESSAGE_SIG + 1))
            text = lay.write(abs(value) if signed else value, step, words=False, trim=computed) + _unit_tail(lay.tail, like, value)
    return (("+" if value > 0 else "-" if value < 0 else "") + text) if signed else text


def amounts(lo: float, hi: float, like: Claim | None = None) -> str:
    """An interval of amounts for a message, its unit written once ("135-165", "22-25%", "$7.33bn-$7.38bn")."""
    a, b = amount(lo, like), amount(hi, like)
    if a == b:
        return a
    lay = layout(like) if like is not None else None
    tail = _unit_tail(lay.tail, like, hi) if lay is not None else ""
    if tail and a.endswith(tail) and b.endswith(tail):
        a = a[:len(a) - len(tail)]
    return f"{a}-{b}"


def signed(x: float, sig: int = MESSAGE_SIG) -> str:
    """A computed difference with its sign: "+20", "-12.3"."""
    text = number(abs(x), sig)
    return text if text == "0" else ("+" if x > 0 else "-") + text


def display_unit(claim: Claim) -> str:
    """How the text writes the claim's unit ("620 miles" -> "miles", "61km/h" -> "km/h"), for messages."""
    lay = layout(claim)
    tail = _unit_tail(lay.tail, claim, claim.value or 0.0).strip() if lay is not None else ""
    return tail or claim.unit.replace("_", " ")


def figure(x: float, step: float = 1.0, sep: str = ",", trim: bool = False) -> str:
    """A number rounded to ``step`` with thousands separators: figure(1082.68) -> "1,083".

    ``trim`` drops trailing zeros of the decimals (a computed "8.40" prints "8.4"; a stated "1.90" keeps its zero).
    """
    q = Decimal(repr(step)).normalize()
    places = max(0, -int(q.as_tuple().exponent))
    text = f"{_round(x, step):,.{places}f}"
    if trim and "." in text:
        text = text.rstrip("0").rstrip(".")
    if sep == INDIAN:
        return _in_lakhs(text)
    return text.replace(",", sep) if sep != "," else text


INDIAN = "lakh"  # a separator that groups as India writes: "9,16,190" (the last three figures, then by twos)


def _in_lakhs(text: str) -> str:
    """A figure written with thousands separators ("916,190.5") regrouped in lakhs and crores ("9,16,190.5")."""
    whole, dot, decimals = text.partition(".")
    sign = "-" if whole.startswith("-") else ""
    digits = whole.lstrip("-").replace(",", "")
    head, tail = digits[:-3], digits[-3:]
    pairs = [head[max(0, i - 2):i] for i in range(len(head), 0, -2)][::-1]
    return sign + ",".join([*pairs, tail]) + dot + decimals


def number(x: float, sig: int = MESSAGE_SIG) -> str:
    """A computed number to ``sig`` significant figures, whole numbers in full, never in e-notation."""
    if not math.isfinite(x):
        return "∞" if x > 0 else "-∞" if x < 0 else "n/a"
    a = abs(x)
    return figure(x, 1.0 if a >= 10 ** sig else _sig_step(a, sig), trim=True)


def fmt(value: float, unit: str = "") -> str:
    """A number for a message with no claim to copy: 3 significant figures, separators, "m"/"bn" for big values."""
    a = abs(value)
    if a >= 1e9:
        s = number(value / 1e9) + "bn"
    elif a >= 1e6:
        s = number(value / 1e6) + "m"
    elif a >= 1000:
        s = figure(value)
    else:
        s = number(value)
    return f"{s} {unit}".strip() if unit else s


def rel_diff(found: float, expected: float) -> str:
    """The signed relative difference of ``found`` from ``expected`` for messages: "+60%", "x1,000"."""
    if expected == 0:
        return "n/a"
    d = (found - expected) / abs(expected) * 100
    if abs(d) >= 1000 or found / expected < 0.1:
        ratio = found / expected
        return "x" + figure(ratio, _sig_step(ratio, MESSAGE_SIG), trim=True)
    return f"{d:+.0f}%" if abs(d) >= 1 else f"{d:+.1f}%"


def between(lo: float, hi: float, render: Callable[[float], str] = number, sep: str = "-") -> str:
    """An interval for a message; one value when both ends print the same ("9.4", not "9.4-9.4")."""
    a, b = render(lo), render(hi)
    return a if a == b else f"{a}{sep}{b}"


def days(first: date, last: date) -> str:
    """Inclusive days for a message, in ISO form: "2024-06-02", or "2024-08-01 to 2024-08-31"."""
    return first.isoformat() if first == last else f"{first.isoformat()} to {last.isoformat()}"


def evidence(x: float | None, step: float | None = None) -> float | None:
    """An evidence number: ``EVIDENCE_EXTRA`` digits beyond a stated precision ``step``, else ``EVIDENCE_SIG`` figures."""
    if x is None or not math.isfinite(x):
        return None
    if step:
        places = EVIDENCE_EXTRA - math.floor(math.log10(step))
        return _clean(round(x, places))
    return _sig(x, EVIDENCE_SIG)


def rate(x: float) -> float:
    """An exchange rate as the ECB publishes it (five significant figures)."""
    return _sig(x, RATE_SIG)


def tidy(value: Any) -> Any:
    """Evidence made JSON-honest: floats to ``EVIDENCE_SIG`` figures, infinities as null (an open side), tuples as lists."""
    if isinstance(value, bool) or value is None or isinstance(value, (int, str)):
        return value
    if isinstance(value, float):
        return _sig(value, EVIDENCE_SIG) if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: tidy(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [tidy(v) for v in value]
    return value


# --- pieces -------------------------------------------------------------------------------------------------

def _holds(iv: Interval, x: float) -> bool:
    eps = 1e-9 * max(1.0, abs(iv.lo), abs(iv.hi))
    return iv.lo - eps <= x <= iv.hi + eps


def _sig(x: float, sig: int) -> float:
    return 0.0 if x == 0 else _clean(float(f"{x:.{sig}g}"))


def _clean(x: float) -> float:
    """-0.0 as 0.0."""
    return x + 0.0


def _sig_step(x: float, sig: int) -> float:
    """The step that keeps ``sig`` significant figures of ``x`` (621.37, 3 -> 1; 0.1898, 3 -> 0.001)."""
    if x == 0:
        return 1.0
    return 10.0 ** (math.floor(math.log10(abs(x))) - sig + 1)


def _stated_figures(claim: Claim) -> int:
    """Significant figures a claim states: "1,083,500" 5, "18.9%" 3, "£50m" and "900" 2 (at least ``MIN_SIG``)."""
    v = abs(claim.value or 0.0)
    if v == 0:
        return MIN_SIG
    step = claim.step or 1.0
    return max(MIN_SIG, math.floor(math.log10(v)) + 1 - round(math.log10(sig_step(v, step))))


def _round(x: float, step: float) -> float:
    """Half up, as people round (7.35 -> 7.4), in decimal so 0.1 steps stay exact.

    A step too small to be a float (5e-324 makes 10 ** -330, which is 0.0) rounds nothing.
    """
    if not step > 0 or not math.isfinite(x):
        return x
    q = Decimal(repr(step))
    return float((Decimal(repr(x)) / q).to_integral_value(ROUND_HALF_UP) * q)


def _power_of_ten(ratio: float) -> float | None:
    """``ratio`` when it is a power of ten (1, 1e6, 0.01), else None."""
    if ratio <= 0:
        return None
    k = round(math.log10(ratio))
    return 10.0 ** k if math.isclose(ratio, 10.0 ** k, rel_tol=1e-9) else None


def _separator(fig: str, sep: str | None) -> str:
    """The separator to write: the one shown, none for a writer who leaves 10000 bare, else a comma."""
    if sep:
        return sep
    whole = fig.split(".")[0]
    if re.fullmatch(r"\d{1,2}(?:,\d\d)+,\d{3}", whole):
        return INDIAN  # "9,16,190": lakhs and crores
    return "" if len(whole) >= 5 else ","


@lru_cache(maxsize=1)
def _scales() -> dict[str, float]:
    from .extract.lexicon import lexicon

    return lexicon().scales


def _scale_after(text: str, end: int, factor: float) -> str:
    """The scale word right after a figure ("m" in "£12m", " million") when it accounts for ``factor``."""
    if factor == 1:
        return ""
    m = re.match(r"\s?([A-Za-z]+)\b", text[end:])
    if m and math.isclose(_scales().get(m.group(1).lower(), 0.0), factor, rel_tol=1e-9):
        return m.group(0)
    return ""


@lru_cache(maxsize=1)
def _currency_signs() -> tuple[str, ...]:
    from .extract.lexicon import lexicon

    return tuple(sorted(lexicon().currency_symbols, key=len, reverse=True))


def _sign_before(text: str, start: int) -> str:
    """The currency sign a figure follows ("£", "US$", "€ ", "Rs ", "NIS "), as written; a sign in letters only as a
    word of its own (not the end of "hours")."""
    before = text[:start]
    stripped = before.rstrip(" \u00a0")
    for s in _currency_signs():
        if stripped.endswith(s) and not (s[0].isalpha() and stripped[:-len(s)][-1:].isalpha()):
            return before[len(stripped) - len(s):]
    return ""


def _unit_tail(tail: str, claim: Claim | None, value: float) -> str:
    """The unit as a message writes it after a figure: counts' subjects dropped, adjectives as nouns."""
    if claim is None or claim.kind == "count":
        return ""
    if tail.startswith("-") and claim.kind in ("measure", "duration"):
        word = tail[1:].split("-")[0]
        return " " + (_plural(word) if abs(value) != 1 else word)
    if claim.kind == "money" and abs(value) != 1 and tail[-1:].isalpha():
        head, space, last = tail.rpartition(" ")
        return f"{head}{space}{_currency_plural(last)}"
    return tail


@lru_cache(maxsize=None)
def _currency_plural(word: str) -> str:
    """ "one US dollar" says 6.35 "US dollars": a currency name's plural where numcheck/data/currencies.tsv lists it
    ("dollar" -> "dollars", "euro" -> "euros"; "yen" stays "yen")."""
    from .datafiles import table

    for _, _, names in table("currencies.tsv", ("code", "symbols", "names")):
        listed = names.split("|")
        if word.lower() in listed and word.lower() + "s" in listed:
            return word + "s"
    return word


@lru_cache(maxsize=None)
def _plural(word: str) -> str:
    """A unit word's plural from the unit table: made as the table makes plurals ("kilometre" -> "kilometres")
    where the unit is written so, else the written plural listed after it ("foot|feet", "inch|inches")."""
    from .units import load_units, plural

    made = plural(word)
    for unit in load_units().values():
        surfaces = [s.lstrip("=") for s in unit.surfaces]
        lower = [s.lower() for s in surfaces]
        if word.lower() not in lower:
            continue
        if made is not None and made.lower() in lower:
            return made
        i = lower.index(word.lower())
        if i + 1 < len(surfaces) and surfaces[i + 1][:2].lower() == word[:2].lower():
            return surfaces[i + 1]
    return word


@lru_cache(maxsize=1)
def _number_words() -> tuple[dict[int, str], dict[str, int]]:
    """(value -> word, word -> value) for 0-90 from number_words.tsv: units, teens and tens."""
    from .extract.lexicon import lexicon

    to_word: dict[int, str] = {}
    to_value: dict[str, int] = {}
    for w, (v, role) in lexicon().number_words.items():
        if role in ("unit", "teen", "ten"):
            to_word.setdefault(v, w)
            to_value[w] = v
    return to_word, to_value


def word_value(word: str) -> int | None:
    """The whole number a number word names ("three" -> 3; 0-90), None for any other word."""
    return _number_words()[1].get(word.lower())


def _in_words(x: float) -> str | None:
    """0-99 in words ("six", "twenty-one"); None for anything else."""
    if x != int(x) or not 0 <= x < 100:
        return None
    to_word, _ = _number_words()
    n = int(x)
    if n in to_word:
        return to_word[n]
    return f"{to_word[n - n % 10]}-{to_word[n % 10]}"


_WORD_NUMBER = re.compile(r"\b([A-Za-z]+)(?:-([A-Za-z]+))?\b")


def _word_layout(claim: Claim) -> Layout | None:
    """The layout of a number written in words ("Five", "twenty-one"), when those words are the whole value."""
    _, to_value = _number_words()
    for m in _WORD_NUMBER.finditer(claim.text):
        first, second = m.group(1).lower(), (m.group(2) or "").lower()
        if first not in to_value:
            continue
        n = to_value[first] + (to_value.get(second, 0) if second else 0)
        end = m.end() if second in to_value else m.start() + len(m.group(1))
        if n != claim.value:
            return None
        return Layout(lead=claim.text[:m.start()], sign="", figure=claim.text[m.start():end], scale="",
                      tail=claim.text[end:], factor=1.0, step=1.0, sep=",", words=True,
                      capital=m.group(1)[0].isupper())
    return None
