"""What looks like a quantity and is not: phone numbers, times, links, codes and names (G7, F-16, Covid-19,
Section 427, "the Six Nations", "Hot 97"), bare years, and "a"/"one" that count nothing.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..model import Claim
from .currency import HASH_POUND, currency_before, us_cents
from .lexicon import Lexicon, Patterns, unit_term
from .parts import Draft, Number, Scan
from ..text import is_plural
from .subjects import subject_after
from .unit import read_after

# Spans that hold digits but no quantity, each with an example:
_LINKS = re.compile(
    r"(?:https?://|www\.)\S+"                                  # http://example.com/2005/10
    r"|(?<![\w.+-])[\w.+-]++@[\w-]+\.[\w.]+"                   # jo.2005@example.com (possessive: linear)
)
_NOT_QUANTITY = re.compile(
    r"(?=[\d(+#])(?<!\d)(?:"                                   # every form starts with one of these, never
                                                              # inside a figure (one test skips its digits)
    r"(?<![\w.,])(?<!\d )\(?0\d{1,4}\)?(?:[ \-]\d{3,4}){1,3}(?![\w])"  # 0800 123 4567, 020 7946 0000
    r"|(?<![\w.,])\(\d{2,5}(?:-\d{1,4})?\)[ \t]?\d{2,4}-\d{2,4}(?![\w])"  # (255-51) 666-015: an area code
    r"|(?<![\w.,])\d{2,4}-0\d{2,3}(?![\w,.]?\d)"            # 666-015, 555-0154: no figure starts with 0
    r"|(?<![\w.])\(\d{3}\)\s?\d{3}-\d{4}(?![\w])"             # (202) 555-0100
    r"|\+\d{1,3}[ \-]?\(?\d{1,4}\)?(?:[ \-]?\d{2,4}){2,4}"   # +44 20 7946 0000
    r"|(?<![\w.:])\d{1,2}:\d{2}(?::\d{2})?(?:\s*(?:[ap]\.?m\.?|GMT|BST|CET|EST|PST|UTC|hrs?\b|h\b))?(?![\d])"  # 10:30
    r"|(?<![\w.])\d{1,2}\.\d{2}\s*(?:[ap]\.?m\.?|GMT|BST|CET|EST|PST|UTC)(?![\w])"  # 3.30pm
    r"|(?<![\w.])\d{1,2}\s*(?:[ap]\.m\.|[ap]m)(?![\w])"        # 11pm, 9 a.m.
    r"|(?<![\w.,])[012]\d[0-5]\d\s*(?:GMT|BST|CET|EST|PST|UTC|hrs|hours\s+GMT)(?![\w])"  # 1600 GMT
    r"|(?<![\w])\d+(?:st|nd|rd|th)(?![\w])"                    # 22nd, 1st
    r"|(?<![\w])\d+\.\d+\.\d+[\d.]*"                           # 2.0.1, 192.168.0.1
    rf"|(?!{HASH_POUND})#[\w.,]+"                             # #2005, #1 ("#2.5 million" is £2.5 million)
    r"|(?<![\w/])24/7(?![\w/])"                                # 24/7
    r"|(?:(?<=['’]s )|(?<=[‘“\"']))\d{1,3}[ \t]+(?-i:Seconds|Minutes|Hours|Days|Weeks|Months|Years)(?![\w])"  # CBS's
                                                              # 60 Minutes, "48 Hours": a title, not a length
    r"|(?<![\w.,])\d{1,3}[ \t]+for[ \t]+(?:one|two|three|four|five|six|seven|eight|nine|ten|\d)"  # 162 for eight
    r"(?=[ \t]*(?:[.,;:)]|$|[ \t]+(?:after|in|when|and|with|off|at|declared|before|from|by)\b))"  # (a cricket score)
    r")",
    re.I,
)
_CANDIDATE = re.compile(r"[\d(+#]\d*")  # a class first: the engine skips to a candidate at once
_CODE_HYPHEN = re.compile(r"[A-Za-z][A-Za-z]*\d+-$")
_DOTTED_NAME = re.compile(r"(?<![\w.])[A-Z][A-Za-z]{0,3}\.$")
_ONE_PRONOUN_AFTER = re.compile(r"\s+(?:of|another|who|that|which|day(?!\s+(?:after|before|later|earlier|ago)\b)|time|way|thing|side"
                                r"|hand)\b|'s\b|-(?:off|on-one)\b", re.I)  # "one day" is some day ("one day after" is one)
# "for one day", "followed by one day", "in just one day": "one day" told as a length, not as some day
_ONE_DAY_LENGTH_BEFORE = re.compile(r"\b(?:for|by|within|only|just|than|nearly|almost|about|least|took|take|takes|lasted"
                                    r"|lasts|spent|spend)\s+$", re.I)
_ONE_PRONOUN_BEFORE = re.compile(r"(?<![\w])(?:no|the|any|every|each|this|that|which|only|someone|anyone|no-|at)\s+$", re.I)
_SENTENCE_END = re.compile(r"(?:^|[.!?:;\n\"“”‘’'(]\s*|\n|\s(?:--|[-–—])\s+|(?:--|[–—])\s*)$")  # (or a dateline's dash:
# "DAKAR, May 23 (AFP) - Twelve of the 125 councillors")
_A_ORDINAL = re.compile(r"an?\s+(?:third|fourth|fifth|sixth|seventh|eighth|ninth|tenth)", re.I)
_LOWER_WORD_AFTER = re.compile(r"\s+(?!of\b)[a-z]")
_RANK_WORDS = frozenset("round stage leg heat game match set hole lap phase chapter part series season "
                        "episode verse row seat gate platform level grade tier day week group pool zone division".split())
_DETERMINER_BEFORE = re.compile(r"(?:^|\W)(?:the|this|that|first|second|third|fourth|final|last|other|opposite|each|either|"
                                r"his|her|their|its|our|my|your|top|bottom|upper|lower|same)\s+$", re.I)
_ADJECTIVE_ONE = re.compile(r"(?:^|\W)(?:an?|the)\s+[a-z]+\s+$")
_NEXT_WORD = re.compile(r"\s+([A-Z][a-z]+)\b")
_MODEL_AFTER = re.compile(r"[ \t]+[A-Z][a-z]+[ \t]+\d")
_FIGURE_THEN = re.compile(r"\d[ \t]+$")
_CAPITAL_AFTER = re.compile(r"[ \t]+[A-Z]")
# what may follow a number word that names ("line two"): punctuation, a figure, or a function word ("line two has"),
# not a noun it counts ("the front line two days ago", "its flight one hour after")
_NAME_ENDS = re.compile(r"\s*(?:[,.;:)]|\d|\Z)|\s+(?:and|or|was|were|is|are|has|had|have|will|would|could|at|on|to"
                        r"|with|from|for|the|a|an)\b")  # (not "of" or "in": "two of the four patients", "one in five")
NAMED_IN_WORDS_MAX = 20  # "line two", "phase one": a small number word names, a larger one counts


def _named_in_words(text: str, left: str, num: Number) -> bool:
    """A small number in words right after a noun that numbers things (numcheck/data/numbered_nouns.txt: "line two",
    "phase one", "unit three"), with nothing after it that it counts."""
    words = left.split()
    return bool(words) and left[-1:].isspace() and words[-1].lower() in _numbered_nouns() \
        and not (len(words) > 1 and words[-2].lower() in _TIME_DETERMINERS) \
        and num.value is not None and num.value <= NAMED_IN_WORDS_MAX and float(num.value).is_integer() \
        and bool(_NAME_ENDS.match(text, num.end))


# before a noun, words that make it a time or a measure, not a series' name: "this year nine, a total of 21", "per unit"
_TIME_DETERMINERS = frozenset({"this", "last", "next", "that", "each", "every", "per", "a", "one", "following", "the",
                               "past", "same", "final", "previous", "whole", "entire", "first"})  # ("in the sector three of")


@lru_cache(maxsize=1)
def _numbered_nouns() -> frozenset[str]:
    from ..datafiles import words

    return frozenset(words("numbered_nouns.txt"))


def _unit_after(text: str, end: int) -> bool:
    """A unit symbol of two letters or more right after a figure, in mixed case or ending in a watt or byte ("121
    TWh", "40 MW", "2 GB"), which no model name is (not "206 CC", "500 C": a model's letters)."""
    at = end + len(text[end:end + 3]) - len(text[end:end + 3].lstrip(" \t"))
    m = unit_term().match(text, at)
    if m is None or (m.end() < len(text) and text[m.end()].isalnum()):
        return False
    sym = m.group(0).strip()
    return len(sym) >= 2 and (sym != sym.upper() or sym.endswith(("W", "B")))


_DETERMINER_ONLY = re.compile(r"(?:^|\W)(?:the|a|an|its|their|his|her)\s+$", re.I)
# "Apollo 11", "iPhone 15", "FTSE 100", "'Halo 2 flu'"
_CAPITALISED_BEFORE = re.compile(r"(?:^|[^\w.’'-]|\s['‘])([A-Z][a-z]+(?:[A-Z][A-Za-z]*)?|[a-z]+[A-Z][A-Za-z]*|[A-Z][A-Z&]+)\s$")
_MONTHS_AND_DAYS = frozenset(
    "January February March April May June July August September October November December "
    "Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Monday Tuesday Wednesday Thursday Friday "
    "Saturday Sunday".split())
_OF_AFTER = re.compile(r"\s+of\b", re.I)
# "/80mmHg" after "120": the second reading of a blood pressure
PRESSURE_PAIR = re.compile(r"/\d{2,3}[ \t]*mm[ \t]*hg\b", re.I)
_TIMES_AFTER = re.compile(r"\s+times\b", re.I)
_WEEKDAYS = frozenset("Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split())
# "in 1992 and 1993 fires": a year coordinated with a year before it
_YEAR_BEFORE = re.compile(r"\b(?:1[89]|20)\d\d[ \t]*(?:,|and|or|to|-|–)[ \t]*$")
_YEAR_DETERMINER = re.compile(r"(?:\b(?:the|its|their|his|her|our|this|that|last|next)|['’]s)\s+$", re.I)
# "the last 32", "the top 20": a place in a ranking or a round of a competition
_RANK_BEFORE = re.compile(r"\b(?:top|last|bottom|final|best)\s+$", re.I)
_NOTHING_COUNTED = re.compile(r"[ \t]*(?:[.,;:!?)\"”’']|$|[ \t]+(?:if|in|of|for|but|when|after|before|since|with|at|on|by|to)\b)", re.I)
_TIME_ONE_UNITS = frozenset("hour day week month year minute second".split())
_WORD_AFTER = re.compile(r"[ \t]+([a-z]+)\b")
# words after "a second" that keep it a length of time ("a second later", "a second or two")
_AFTER_A_LENGTH = frozenset("later earlier ago longer shorter before after and or but to in of for on at by with "
                            "from than as the when while is was".split())
# "once a year", "twice a day", "10,000 a day", "5% a month": "a" + time unit as a per part
_PER_PART_BEFORE = re.compile(r"(?:\b(?:once|twice|thrice|times|each|per)|[\d%])[ \t]+$", re.I)


def blocked_spans(text: str) -> list[tuple[int, int]]:
    """Spans that hold digits but no quantity: phone numbers, times of day, ordinals, versions, links."""
    spans = []
    match, pos = _NOT_QUANTITY.match, 0
    m = _CANDIDATE.search(text)
    while m is not None:  # every form starts at a run of digits, "(", "+" or "#" (never inside a run): jump between those
        hit = match(text, m.start())
        pos = hit.end() if hit is not None else m.end()
        if hit is not None:
            spans.append(hit.span())
        m = _CANDIDATE.search(text, pos)
    if "@" in text or "://" in text or "www." in text:
        spans += [m.span() for m in _LINKS.finditer(text)]
    return spans


def sentence_start(text: str, s: int) -> bool:
    return bool(_SENTENCE_END.search(text[max(0, s - 3):s]))


def letter_after(text: str, end: int) -> bool:
    """A letter glued to the end of a number: "3D", "4G", "747s"."""
    c = text[end:end + 1]
    return bool(c) and (c.isalpha() or c == "_")


def is_identifier(scan: Scan, m: re.Match[str], num: Number) -> bool:
    """G7, F-16, Covid-19, MP3, J1149.5+6663, Section 427, the Six Nations, "no one"."""
    text, lx, P = scan.text, scan.lx, scan.P
    s = num.start
    left = text[max(0, s - 40):s]
    group = m.lastgroup
    raw = m.group(0)
    if group in ("numeral", "fraction") and _glued_code(text, s, num.end, left, P, lx):
        return True
    if group == "numeral" and left[-1:] in "-–" and left[-2:-1].isdigit():
        return True  # the "1" of "Chelsea 3-1" once "Chelsea 3" is a name: the rest of a score or a code
    if group == "numeral" and _MODEL_AFTER.match(text, num.end) and _DETERMINER_ONLY.search(left):
        return True  # "the 737 Max 9", "a 911 Turbo S": a model number ("70 Boeing 737s" counts planes)
    if group == "numeral" and left.endswith(("'s ", "’s ")) and "," not in raw and _CAPITAL_AFTER.match(text, num.end) \
            and not _unit_after(text, num.end):
        return True  # "Samsung's 990 Pro SSD", "Apple's 15 Pro": a model named after its maker (not "Norway's 121 TWh
        # electricity output": a unit)
    if group == "numeral" and left[-2:-1].isdigit() and _FIGURE_THEN.search(left) and _CAPITAL_AFTER.match(text, num.end):
        return True  # "136 737 MAX jets": a model number after the count
    if group == "numeral" and left[-1:].isspace() and "," not in raw:
        words = left.split()
        if words and words[-1] in lx.identifier_words \
                and not ((num.value or 0) >= TALLY_MIN and _in_tally(text, s - len(left) + left.rfind(words[-1]), num)):
            return True  # Section 427, Flight 370; not "Volume 170,330,000 shares", nor a tally's entry ("Kingston
            # accounted for 722, St. Catherine 378 and ..."; not "300 homes, and Building 7 collapsed")
    if group in ("words", "vague") and raw[:1].isupper() and not sentence_start(text, s):
        return True  # "the Six Nations", "Big Four"
    if group == "words" and _named_in_words(text, left, num):
        return True  # "line two 143 million", "in phase one of the project"
    if text[num.end:num.end + 2] in ("'s", "’s") and group != "fraction":
        return True  # "50's beef", "Hot 97's": a name
    nm = _NEXT_WORD.match(text, num.end)
    if nm and nm.group(1).lower() in (lx.currency_words.keys() | lx.minor_units.keys()) and nm.group(1).lower() not in ("euro", "euros"):
        return True  # "50 Cent", "Three Pounds": a name
    if group in ("numeral", "fraction") and _name_before(scan, num):
        return True  # "Hot 97 studios", "Apollo 11", "(Biscan 67)", "Fahrenheit 9/11"
    if left[-1:] == "/" and left[-2:-1].isalpha():
        return True  # "OS/2"
    return group == "words" and _word_not_counting(scan, m, num, left)


def _glued_code(text: str, s: int, end: int, left: str, P: Patterns, lx: Lexicon) -> bool:
    """A figure glued to letters or a code: G7, F-16, Covid-19, "scp2-173m", "4/5" as a code, "1.2.3"."""
    c1, c2 = left[-1:], left[-2:-1]
    if c1 == "S" and us_cents(text, s, end):
        return False  # "US64.3 cents"
    if (c1.isascii() and c1.isalpha() or c1 in "-\u2010\u2011" and c2.isascii() and c2.isalpha()) \
            and currency_before(text, s, P, lx) is None:
        return True  # G7, F-16, Covid-19
    if left[-1:] == "+" and left[-2:-1].isalnum():
        return True
    if c1 == "." and _DOTTED_NAME.search(left):
        return True  # "ID.3", "No.5": a model or a number glued after a dot
    if left[-1:] == "-" and _CODE_HYPHEN.search(left):
        return True  # "scp2-173m", "A4-210"
    nxt = text[end:end + 1]
    if nxt == "/" and PRESSURE_PAIR.match(text, end):
        return False  # "120/80mmHg": two readings of one blood pressure
    return nxt == "/" and not unit_term().match(text, end + 1) or (nxt == "." and text[end + 1:end + 2].isdigit())


# a quarter of a year: after a word of time ("in a quarter that", "for two quarters", "the first two quarters")
# and before no "of", or before "of" and a year ("two quarters of 1990"); "by a quarter", "a quarter of staff" are shares
_QUARTER_TIME_BEFORE = re.compile(r"(?:^|\W)(?:in|during|for|within|per|each|every|past|last|next|coming|"
                                  r"previous|consecutive|straight|successive|first|second|third|final)\s+\Z", re.I)
_OF_A_YEAR = re.compile(r"\s+of\s+(?:\d{4}\b|fiscal\b|(?:this|last|next|the)\s+(?:fiscal\s+)?year\b)", re.I)


def _quarter_of_year(text: str, left: str, end: int) -> bool:
    """Whether "a quarter" or "two quarters" names three months of a year rather than a share."""
    if _OF_A_YEAR.match(text, end):
        return True
    return not _OF_AFTER.match(text, end) and bool(_QUARTER_TIME_BEFORE.search(left))


def _word_not_counting(scan: Scan, m: re.Match[str], num: Number, left: str) -> bool:
    """A number word that names or ranks: "half-time", "number one", "round four", "a third term",
    "the first quarter", "a later one", "no one"."""
    text, P = scan.text, scan.P
    raw = m.group(0).lower()
    if raw == "half" and text[num.end:num.end + 1] in "-‐‑":
        return True  # "half-marathon", "half-time"
    if left.endswith(("number ", "No. ", "No ")) and not (raw[:1].isdigit() and not _a_rank(num)):
        return True  # "number one in the charts": a rank (not "they number 1.1 million and 550,000 more": a count,
        # its digits read as words for the "and" after them)
    last = left.split()[-1:]
    if last and last[0].lower() in _RANK_WORDS and left[-1:].isspace():
        return True  # "round four", "stage two": a name for a place in a sequence
    if _A_ORDINAL.fullmatch(raw) and _LOWER_WORD_AFTER.match(text[num.end:num.end + 3]):
        return True  # "a third term", "a fifth week in a row": an ordinal, not a fraction ("a third of" is one)
    if raw in ("half", "quarter") and _DETERMINER_BEFORE.search(left):
        return True  # "the opposite half of the draw", "the first quarter"
    if raw == "quarter" and not _OF_AFTER.match(text, num.end) and read_after(scan, num.end, num, None) is None:
        return True  # "in the year-ago quarter", "quarter-final": a period or a place; "a quarter point" is one
    if raw.split()[-1] in ("quarter", "quarters") and _quarter_of_year(text, left, num.end):
        return True  # "in a quarter that produced a loss", "the first two quarters of 1990": periods, not shares
    if raw == "one" and num.end == m.end():
        if _ONE_PRONOUN_AFTER.match(text, num.end) \
                and not (text[num.end:num.end + 4].lower() == " day" and _ONE_DAY_LENGTH_BEFORE.search(left)):
            return True  # "one of", "one day" (some day; "followed by one day", "for only one day" is a length)
        ua = P.unit_after.match(text, num.end)
        if ua and ua.group("unit"):
            return False  # "that one mile", "the five one-day internationals"
        if _ONE_PRONOUN_BEFORE.search(left) and not left.lower().endswith(("another ", "at ")):
            nxt = _WORD_AFTER.match(text, num.end)
            if nxt and len(nxt.group(1)) > 2 and nxt.group(1) not in scan.lx.stopwords \
                    and not nxt.group(1).endswith(("ed", "ing", "ly")):
                return False  # "only one person", "each one country": one counts what follows
            return True  # "no one", "the only one who"
        return bool(_ADJECTIVE_ONE.search(left) or _ONE_PRONOUN_BEFORE.search(left)  # "a later one", "at one point"
                    or left.endswith("another "))  # "another one"
    if raw == "one" and _ADJECTIVE_ONE.search(left):
        return True
    return False


RANK_MAX = 100  # "number 12 in the charts" may rank; "number 1.1 million" counts


def _a_rank(num: Number) -> bool:
    """A figure that may be a place in a ranking: a whole number below RANK_MAX."""
    return num.value is not None and float(num.value).is_integer() and num.value < RANK_MAX


# a tally's entry's change told in brackets after its figure: " (down 47)", " (+3)" (NC109's seat tables read it too)
CHANGE_IN_BRACKETS = r"\s*\((?:up|down|\+|-|\u2212|unchanged|no\s+change)[^()]{0,12}\)"
# a tally told name by name after a count, its verb left out: "won 143 seats, the opposition Democrats 87", "took
# 264 seats, the Democratic Alliance 67, COPE 30" (the figure before, then a comma or "and", then the name's words)
_TALLY_BEFORE = re.compile(r"(?<![\d,.])(?P<figure>\d[\d,]*(?:\.\d+)?)(?:-(?:seat|member)\s+[A-Z][\w'\u2019-]*|(?:\s+[a-z]+)?\s+[a-z]+s"
                           r"(?:\s+(?:in|at)\s+(?:the\s+)?(?:[A-Za-z][\w'\u2019-]*\s+){0,3}[A-Za-z][\w'\u2019-]*)?)?"  # "646 seats in the
                           r"(?:\s*\([^()\d]{0,8}\d[\d.]*\s*(?:%|percent|per\s+cent)\))?"  # (its share in brackets: "31 (6.5 percent)")
                           r"(?:\s+of\s+(?:them|those|these|the\s+[a-z]+(?:\s+[a-z]+)?))?"  # ("Americans account for 1,150 of
                           # them, Japanese 860", "420 of the foreign contingent, Japanese 260")
                           r"(?:" + CHANGE_IN_BRACKETS + r")?"  # (its change: "356 (down 47)")
                           r"\s*(?:,|,?\s+and)\s+(?:(?:the|its|his|her|their)\s+)?"
                           r"(?:(?!(?:aboard|on|at|from|to|into|onto|near|by|inside|off)\s)[A-Za-z][\w'\u2019.-]*\s+){0,4}$")  # House of Commons, the
# Conservatives 198", "the 350-member Congress, the Popular Party 154", "296 seats and its junior partner New Komeito 31",
# "87 gold medals at the Southeast Asian Games, Vietnam 64"
# (not "899 passengers and crew aboard SuperFerry 14": a name after a place word)
# a capitalised word right before a name's word, of the same name: "Civic " of "Civic Platform 133"
_NAME_WORD_BEFORE = re.compile(r"\b[A-Z][\w'\u2019-]*\s+$")
_NAME_REACH = 60  # characters read for the name before a tally's figure ("the Indonesian Democratic Party-Struggle ")
_WORD_REACH = 24  # characters read for a name's first word (no rank word is longer; not the rest of the text)
TALLY_MIN = 100  # a tally's entry after a word of identifier_words.txt is this large ("St. Catherine 378"): a smaller
# figure there is a name's number ("Building 7", "Section 12")
TALLY_DEPTH = 8  # entries of a tally read back to its first: "..., FDP 93, the Left 76 and the Greens 68"
# a tally's first entry after a whole said to be broken down: "divided as follows: CDU/CSU 239, SPD 146"
_TALLY_OPENS = re.compile(r"(?:\b(?:as\s+follows|divided|split|broken\s+down|shared)\b[^.;:\d]{0,30}|(?P<plain>\b[a-z]+))"
                          r":\s*(?:the\s+)?(?:[A-Za-z]+/)?(?:(?-i:[A-Z])[\w'\u2019.-]*\s+){0,4}$", re.I)
# (or any noun then a colon, before a name of a few words: "for the 350-seat Congress: Socialists 164, Popular Party
# 148", "by party: Democratic Progressive Party 89, Kuomintang 79")
_NEXT_ENTRY = re.compile(r"(?:" + CHANGE_IN_BRACKETS + r")?"
                         r",\s+(?:the\s+)?(?:[A-Z][\w'\u2019.-]*\s+){1,4}\d")  # ", Popular Party 148" (after a change: " (down 47),")
# the name before a figure, perhaps after "the" and a teller ("the opposition Democrats ", "COPE ")
_NAMED_BEFORE = re.compile(r"(?<![\w'\u2019.-])(?:(?:the\s+)?(?:[a-z]+\s+)?(?:[A-Z][\w'\u2019.-]*\s+){1,3})$")
_NAME_GOES_ON = re.compile(r"\s+(?:[A-Z]|among\b|(?:and\s+(?:[A-Z][\w.]*\s+)+(?:\d+\s+)?)?"
                           r"(?:said|says|reported|reports|told|quoted|showed|added)\b)")  # "a Porsche 911 among them",
# "Chelsea 3 Arsenal 1", "Sky 1 reported", "Fox 5 and CNN said": a name that goes on, or a teller


def _in_tally(text: str, name_start: int, num: Number) -> bool:
    """Whether the name before ``num`` opens the next entry of a tally after a count, its verb left out ("won 143
    seats, the opposition Democrats 87 and independents 22"): see _tally_entry."""
    return num.value is not None and _tally_entry(text, name_start, num.value, num.end, TALLY_DEPTH)


def _tally_entry(text: str, name_start: int, value: float, end: int, depth: int) -> bool:
    """A figure ``value`` (ending at ``end``) after a name that starts at ``name_start`` is an entry of a tally: a
    figure stands before the name, set off by a comma or "and", which is a count or itself an entry (not a name's,
    "Hot 97 and Power 105"); this one is not ten times it ("2 rivals, Hot 97"); no name or "among" goes on after it
    ("a Porsche 911 among them")."""
    if _FIGURE_NEXT.match(text, end):
        return False  # "Democrats 66 6": the party's name holds the first figure, the tally's entry is the next
    if _NAME_GOES_ON.match(text, end) or text[name_start:name_start + _WORD_REACH].split(maxsplit=1)[0].lower() in _RANK_WORDS \
            and not _NAME_WORD_BEFORE.search(text, max(0, name_start - _WORD_REACH), name_start):
        return False  # ("split as follows: Group 1, Group 2": names of places in a sequence; not "Civic Platform 133", a
        # party whose name ends on such a word)
    opened = _TALLY_OPENS.search(text, max(0, name_start - 60), name_start)
    if opened:
        return not opened.group("plain") or bool(_NEXT_ENTRY.match(text, end))  # "are divided as follows: CDU/CSU
        # 239"; after any other colon, only with a next entry like it ("Socialists 164, Popular Party 148"; not
        # "Models on show: Boeing 747, Airbus A380")
    m = _TALLY_BEFORE.search(text, max(0, name_start - 80), name_start)
    if m is None or depth == 0:
        return False
    before = float(m.group("figure").replace(",", ""))
    name = _NAMED_BEFORE.search(text, max(0, m.start() - _NAME_REACH), m.start())
    if value > 10 * before:  # ("3 rivals, Kiss 92": a name's number; not "the Democrats 96, Mahachon 2 and Chart Thai
        # 25": an entry after an entry of the tally, whatever its size)
        return name is not None and depth > 1 and _tally_entry(text, name.start(), before, m.end("figure"), depth - 1)
    return name is None or bool(_SEATS_AFTER.match(text, m.end("figure"))) \
        or _tally_entry(text, name.start(), before, m.end("figure"), depth - 1)  # ("Labour 50 seats and the National
    # Party 48": a name's figure told as seats is a count)


_FIGURE_NEXT = re.compile(r"[ \t]+\d")
# the nouns of a party's tally after its figure: "Labour 50 seats", "the Liberals 1.2 million votes"
_SEATS_AFTER = re.compile(r"[ \t]+(?:seats|votes)\b")


def _name_before(scan: Scan, num: Number) -> bool:
    """A bare whole number right after a capitalised word inside a sentence is part of a name."""
    text, s, lx, P = scan.text, num.start, scan.lx, scan.P
    prev = text[max(0, s - 30):s].split()
    if not prev or not any(c.isupper() for c in prev[-1][:3]):
        return False
    cm = _CAPITALISED_BEFORE.search(text, max(0, s - 30), s)
    value = num.value
    if not cm or value is None or num.scaled or "," in text[s:num.end] \
            or not (float(value).is_integer() or "/" in text[s:num.end]):  # "Fahrenheit 9/11" is a name too
        return False  # "Volume 170,330,000 shares": no name holds a figure in thousands
    word = cm.group(1)
    if word.lower() in lx.stopwords or word.lower() in lx.qualifier_tails:
        return False
    if word in _MONTHS_AND_DAYS:  # "the August 7 bombings": a day of the month; "In January 25 people" a count
        return 1 <= value <= 31 and word not in _WEEKDAYS \
            and bool(_DETERMINER_ONLY.search(text, max(0, cm.start(1) - 8), cm.start(1)))
    if sentence_start(text, cm.start(1)) and text[max(0, cm.start(1) - 1):cm.start(1)] != "(":
        return False
    if _in_tally(text, cm.start(1), num):
        return False  # "won 143 seats, the opposition Democrats 87 and ...": a tally, its verb left out
    if read_after(scan, num.end, num, None) is not None or currency_before(text, s, P, lx) is not None:
        return False  # "Flight 370 km" is a distance, "USD 200" money
    if _TIMES_AFTER.match(text, num.end):
        return False  # "won the French Open 14 times"
    if _SEATS_AFTER.match(text, num.end):
        return False  # "Final results gave Labour 50 seats": a party's share of a house or a poll, no name
    return not P.scale_after.match(text, num.end)


def bare_year(scan: Scan, d: Draft) -> Draft | Claim | None:
    """ "beyond 2009", "the classic 1982 film": a year the date reader's contexts left alone, as a date claim.

    After a qualifier or before "of" ("at least 2006", "2000 of them") it may be either: neither is claimed.
    """
    value = d.value
    if not d.bare or d.is_range or d.age or value is None or d.group != "numeral" or len(d.m.group(0)) != 4 \
            or not 1800 <= value <= 2100 or d.num.scaled:
        return d
    text, end, start = scan.text, d.end, d.start
    head = subject_after(text, end, scan.lx).split()
    if head and is_plural(head[-1]) and head[-1].lower() not in scan.lx.year_nouns \
            and not _YEAR_DETERMINER.search(text, max(0, start - 12), start) \
            and not _YEAR_BEFORE.search(text, max(0, start - 12), start):
        return d  # "2005 people"; but "the 1992 protests", "its 2004 results", "1990 levels", "1998 winners",
        # "in 1992 and 1993 fires" are years
    lead = text[max(0, start - 20):start].split()[-1:]
    if d.signed or _OF_AFTER.match(text, end) or (lead and lead[0].lower() in scan.lx.qualifier_tails):
        return None
    year = int(value)
    s, e = d.num.start, d.num.end
    return Claim(text=text[s:e], start=s, end=e, kind="date", timex=f"{year:04d}",
                 date_start=f"{year:04d}-01-01", date_end=f"{year:04d}-12-31")


def counts_nothing(scan: Scan, d: Draft) -> Draft | None:
    """ "3D", "4G" (a bare number glued to letters), "a" with no unit, "twice a day" (a per part), "the last
    32" (a round, not a number of things)."""
    if d.unit is None and d.percent is None and d.currency is None and letter_after(scan.text, d.end):
        return None  # a bare number glued to letters is a name or code: 3D, 4G, 747s
    if d.bare and not d.is_range and _RANK_BEFORE.search(scan.text, max(0, d.start - 12), d.start) \
            and _NOTHING_COUNTED.match(scan.text, d.end):
        return None  # "through to the last 32", "in the top 20."
    if not d.num.one_of:
        return d
    if d.unit is None and d.currency is None:
        return None
    if d.m.group(0).lower() in ("a", "an") and d.unit is not None and d.unit.kind == "duration" \
            and d.unit.name in _TIME_ONE_UNITS and d.value == 1 \
            and _PER_PART_BEFORE.search(scan.text, max(0, d.start - 12), d.start):
        return None  # "twice a day", "5 a week": the per part of a rate ("in a year", "a week that saw" are lengths)
    if d.m.group(0).lower() in ("a", "an") and d.unit is not None and d.unit.name == "second" and d.end == d.num.end + 7:
        nxt = _WORD_AFTER.match(scan.text, d.end)
        if nxt and nxt.group(1) not in _AFTER_A_LENGTH:
            return None  # "a second thought", "a second term": an ordinal
    return d
