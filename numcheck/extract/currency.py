"""Stage 3, the currency: a symbol or code before the number ("$", "US$", "EUR "), a name or minor unit after it
("dollars", "pence", "50p"), and the cents after a major amount ("15 dollars 50").
"""
from __future__ import annotations

import re

from .lexicon import WORD_CODES, Lexicon, Patterns
from .number import read_number
from .parts import After, Draft, Number, Scan
from .rate import compound
from .scale import apply_scale

# "15 dollars 50", "17 USD 25", "10 $ 30 cent", "thirteen dollars and forty-five cents"  (cents after the major unit)
_CENTS_JOIN = re.compile(r"(?:\s+and)?\s+")
_CENTS_END = re.compile(r"[\s-]*(?P<c>cents?|c)(?![\w])|(?=\s*(?:[.,;!?]|$|more\b|and\b|only\b))", re.I)
_SENTENCE_ENDS = re.compile(r"\s*(?:[.!?]|$)")
# "#54.8 million", "#1,200": the old wire files' rendering of £ before an amount (a hashtag or "#1" is no money)
HASH_POUND = r"#(?=\d{1,3}(?:,\d{3})+(?![\d,])|\d+\.\d+|\d+(?:\.\d+)?[ \t]*(?:million|billion|trillion|m|bn)(?![\w]))"
_HASH_POUND = re.compile(HASH_POUND)
_CENTS_AFTER = re.compile(r"[ \t]*cents?(?![\w])", re.I)

# "won" as a verb after a number: "3 won the title", "9/11 won three awards"
_VERB_WON = re.compile(r"\s+(?:the|a|an|his|her|their|its|it|them|him|by|in|at|on|over|against|gold|silver|bronze|\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten"
                       r"|places?|seats?|votes?|medals?|awards?|prizes?|titles?|races?|matches|games|cases|contracts?"
                       r"|admission|scholarships?|asylum|approval|election)\b", re.I)  # ("12,320 won places")


def currency_before(text: str, s: int, P: Patterns, lx: Lexicon) -> tuple[str, int, float] | None:
    """A currency written before the number: "$", "US$ ", "Â£", "EUR ", "MAUD " -> (code, start, factor)."""
    if text[s - 1:s] == "#" and _HASH_POUND.match(text, s - 1):
        return "GBP", s - 1, 1.0
    left = text[max(0, s - 24):s]
    tail = left.rstrip()
    if not tail or (tail[-1] not in lx.currency_tails and tail.rsplit(None, 1)[-1].lower() not in lx.currency_tails):
        return None  # nothing a currency can end with: skip the regex
    cb = P.currency_before.search(left)
    if not cb:
        return None
    start = s - (len(left) - cb.start())
    if cb.group("mcode"):
        return cb.group("mcode")[1:], start, 1e6
    if cb.group("code"):
        word = cb.group("code").lower()
        code = lx.currency_words.get(word) or word.upper()
        return code, start, 1.0
    sym = cb.group("sym")
    if sym:
        sym = re.sub(r"\s+", "", sym)
        sym = sym if sym in lx.currency_symbols else sym.upper()
        # "US$", "HK$": letters inside a symbol are fine; "5$" or "x$" glued to a word are not
        # "RON95 petrol": a code that is also a word, glued to a figure, names a grade ("USD115" is money)
        if start > 0 and text[start - 1].isalnum() or sym.lower() in WORD_CODES and text[s - 1:s].isalpha():
            return None
        return lx.currency_symbols[sym], start, 1.0
    return ("GBP" if cb.group("mojibake") else "EUR"), start, 1.0


def us_cents(text: str, s: int, end: int) -> bool:
    """ "US64.3 cents", "US90 cents a share": American cents with "US" glued before the figure."""
    return text[max(0, s - 3):s] in ("US", " US", "(US") and bool(_CENTS_AFTER.match(text, end))


def before(scan: Scan, d: Draft) -> Draft:
    """The currency stage before the number: "$5", "£3m", "EUR 20", "$-99.99"; "US" of "US64.3 cents"."""
    text, P, lx = scan.text, scan.P, scan.lx
    if text[d.start - 1:d.start] == "S" and us_cents(text, d.start, d.end):
        return d.evolve(start=d.start - 2)
    cb = currency_before(text, d.start, P, lx)
    if cb and cb[1] < d.floor:
        cb = None  # "10 $ 30 $": the first "$" belongs to the first number
    num = d.num
    s = num.start
    if cb is None and not d.signed and text[s - 1:s] in ("-", "−") and num.value is not None:
        cb = currency_before(text, s - 1, P, lx)  # "$-99.99"
        if cb:
            d = d.with_number(num.negated())
    if not cb:
        return d
    code, start, factor = cb
    return d.evolve(currency=code, start=start, factor=factor)


def named_after(text: str, pos: int, P: Patterns, lx: Lexicon, scaled: bool = False) -> After | None:
    """A currency written after the number: "dollars", "euros", "Swiss francs", "pence", "MUSD", "10 €"."""
    ca = P.currency_after.match(text, pos)
    if not ca:
        return None
    if ca.group("mcode"):
        return After(ca.end(), currency=ca.group("mcode")[1:], factor=1e6)
    if ca.group("sym"):
        return compound(text, After(ca.end(), currency=lx.currency_symbols[ca.group("sym")]), P, lx)
    cur = ca.group("cur")
    if cur[:1].isupper() and cur[1:].islower() and " " not in cur and cur.lower() not in ("euro", "euros"):
        return None  # "50 Cent": a name ("65 Canadian cents" is money)
    word = re.sub(r"\s+", " ", ca.group("cur").lower())
    if word == "won" and not scaled and _VERB_WON.match(text, ca.end()):
        return None  # "Burnout 3 won three awards": the verb ("10.85 trillion won a year earlier" is money)
    if word in lx.minor_units:
        code, factor = lx.minor_units[word]
        if word == "p" and ca.start("cur") != pos:
            return None  # "50p" yes, "50 p" no
        return After(ca.end(), currency=code, factor=factor)
    return compound(text, After(ca.end(), currency=lx.currency_words[word]), P, lx)


def after(scan: Scan, d: Draft) -> Draft:
    """A currency read after the number becomes the claim's: "75 USD", "75 USD million" (scale after the code)."""
    if not (d.after and d.after.currency):
        return d
    d = d.evolve(currency=d.after.currency, factor=d.after.factor)
    num = d.num
    widened = Number(num.start, d.end, d.value, d.low, d.high, d.step, num.vague, num.fraction, num.scaled)
    num2 = apply_scale(scan.text, widened, scan.P, scan.lx, True)
    if num2.end > d.end and not num.scaled:
        return d.evolve(value=num2.value, low=num2.low, high=num2.high, step=num2.step, end=num2.end)
    return d


def cents(scan: Scan, d: Draft) -> Draft:
    """ "15 dollars 50", "thirteen dollars and forty-five cents": the minor amount after a major one."""
    if not d.currency or d.value is None or d.is_range or not float(d.value).is_integer() or d.factor < 1:
        return d  # "60 cents and 58 cents": cents follow a major amount, never a minor one
    got = _cents(scan, d.end)
    if got is None:
        return d
    amount, end, said_cents = got
    if not (d.after is not None and d.after.currency or said_cents or _SENTENCE_ENDS.match(scan.text[end:end + 2])):
        return d
    value = d.value + amount / 100
    return d.evolve(value=value, low=value, high=value, step=0.01, end=end)


def _cents(scan: Scan, pos: int) -> tuple[float, int, bool] | None:
    """(cents, end, said "cents") for the minor amount after a major one, or None."""
    text = scan.text
    j = _CENTS_JOIN.match(text, pos)
    if not j:
        return None
    m2 = scan.P.number.match(text, j.end())
    if not m2 or m2.lastgroup not in ("numeral", "words"):
        return None
    n2 = read_number(scan, m2)
    if n2 is None or n2.value is None or not 0 < n2.value < 100 or not float(n2.value).is_integer():
        return None
    e = _CENTS_END.match(text, n2.end)
    if not e:
        return None
    if m2.lastgroup == "numeral" and len(m2.group(0)) != 2 and not e.group("c"):
        return None  # "15 dollars 5" is not 15.05
    return n2.value, e.end(), bool(e.group("c"))
