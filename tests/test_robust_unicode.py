"""Unicode in numbers: read where it means a number, ignored where it does not, never a crash.

Each case states what ``extract`` SHOULD return for the claim named by its
surface text.  Cases the extractor does not read yet are marked
``xfail(strict=True)`` with the reason and listed in /work/notes/robust-bugs.md
(U-numbered), so a fix flips them to XPASS and the mark must come off.
"""
from __future__ import annotations

import unicodedata

import pytest

from numcheck.extract import extract

NBSP, NNBSP, THIN, FIGURE = "\u00a0", "\u202f", "\u2009", "\u2007"
MINUS, EN, EM, FIGDASH = "\u2212", "\u2013", "\u2014", "\u2012"
RLM, LRM, ZWSP, WJ, SHY, NBHY = "\u200f", "\u200e", "\u200b", "\u2060", "\u00ad", "\u2011"


def _xfail(reason: str):
    return pytest.mark.xfail(strict=True, reason=reason)


def _only(text: str, surface: str):
    """The one claim whose text is ``surface`` (or whose span covers it), with honest offsets."""
    claims = extract(text)
    for c in claims:
        assert text[c.start:c.end] == c.text
    hits = [c for c in claims if c.text == surface]
    if not hits:
        hits = [c for c in claims if c.start <= text.find(surface) and c.end >= text.find(surface) + len(surface)]
    assert len(hits) == 1, f"{text!r}: wanted one claim for {surface!r}, got {[(c.text, c.kind, c.value) for c in claims]}"
    return hits[0], claims


# (input, surface of the claim, expected fields)
READ = [
    # thousands separators: no-break, narrow no-break, thin, figure space
    pytest.param(f"more than 10{NBSP}000 troops", f"more than 10{NBSP}000",
                 dict(kind="count", value=10000, low=10000, high=None, qualifier=">", subject="troops"), id="nbsp-thousands"),
    pytest.param(f"more than 10{NNBSP}000 troops", f"more than 10{NNBSP}000",
                 dict(kind="count", value=10000, qualifier=">"), id="narrow-nbsp-thousands"),
    pytest.param(f"10{THIN}000 troops", f"10{THIN}000", dict(kind="count", value=10000), id="thin-space-thousands"),
    pytest.param(f"1{NBSP}234{NBSP}567 people", f"1{NBSP}234{NBSP}567", dict(value=1234567), id="nbsp-millions"),
    pytest.param(f"10{NBSP}000{NBSP}km", f"10{NBSP}000{NBSP}km", dict(kind="measure", value=10000, unit="kilometer"),
                 id="nbsp-thousands-and-unit"),
    pytest.param(f"5{FIGURE}000 people", f"5{FIGURE}000", dict(kind="count", value=5000), id="figure-space-thousands"),
    pytest.param(f"5{NBSP}km", f"5{NBSP}km", dict(kind="measure", value=5, unit="kilometer"), id="nbsp-before-unit"),
    pytest.param(f"5{THIN}%", f"5{THIN}%", dict(kind="percent", value=5), id="thin-space-percent"),
    pytest.param(f"5{NNBSP}%", f"5{NNBSP}%", dict(kind="percent", value=5), id="narrow-nbsp-percent"),
    pytest.param(f"5{NBSP}%", f"5{NBSP}%", dict(kind="percent", value=5), id="nbsp-percent"),
    pytest.param(f"US${NNBSP}5bn", f"US${NNBSP}5bn", dict(kind="money", value=5e9, unit="USD"), id="narrow-nbsp-money"),
    pytest.param(f"five{NBSP}million people", f"five{NBSP}million", dict(value=5e6), id="nbsp-in-number-words"),
    pytest.param(f"more than{NBSP}10,000 troops", f"more than{NBSP}10,000", dict(qualifier=">"), id="nbsp-after-qualifier"),
    # Unicode minus
    pytest.param(f"it was {MINUS}5 degrees Celsius", f"{MINUS}5 degrees Celsius",
                 dict(kind="measure", value=-5, unit="degree_Celsius"), id="unicode-minus"),
    pytest.param(f"it fell to {MINUS}12%", f"{MINUS}12%", dict(kind="percent", value=-12), id="unicode-minus-percent"),
    pytest.param(f"{MINUS}5°C", f"{MINUS}5°C", dict(value=-5, unit="degree_Celsius"), id="unicode-minus-degree-sign"),
    # dashes in ranges
    pytest.param(f"between 5{EN}7 km", f"between 5{EN}7 km", dict(range=True, low=5, high=7, unit="kilometer"), id="en-dash-range"),
    pytest.param(f"5{EM}7 km", f"5{EM}7 km", dict(range=True, low=5, high=7), id="em-dash-range"),
    pytest.param(f"5 {EN} 7 km", f"5 {EN} 7 km", dict(range=True, low=5, high=7), id="spaced-en-dash-range"),
    pytest.param(f"5{FIGDASH}7 km", f"5{FIGDASH}7 km", dict(range=True, low=5, high=7), id="figure-dash-range"),
    pytest.param(f"5 {MINUS} 7 km", f"5 {MINUS} 7 km", dict(range=True, low=5, high=7), id="minus-as-range-dash"),
    pytest.param(f"5{EN}7%", f"5{EN}7%", dict(kind="percent", range=True, low=5, high=7), id="en-dash-percent-range"),
    pytest.param(f"£5{EN}£7m", f"£5{EN}£7m", dict(kind="money", low=5e6, high=7e6, unit="GBP"), id="en-dash-money-range"),
    pytest.param(f"five{EN}six km", f"five{EN}six km", dict(range=True, low=5, high=6), id="en-dash-word-range"),
    pytest.param(f"2010{EN}2015", f"2010{EN}2015", dict(kind="date"), id="en-dash-year-range"),
    # full-width and other scripts' digits
    pytest.param("\uff11\uff10\uff10 troops", "\uff11\uff10\uff10", dict(kind="count", value=100, subject="troops"), id="full-width-digits"),
    pytest.param("\uff11\uff0c\uff10\uff10\uff10 troops", "\uff11\uff0c\uff10\uff10\uff10", dict(kind="count", value=1000), id="full-width-comma"),
    pytest.param("\uff15\uff10\uff05 of voters", "\uff15\uff10\uff05", dict(kind="percent", value=50), id="full-width-percent"),
    pytest.param("\u0661\u0662\u0663 troops", "\u0661\u0662\u0663", dict(kind="count", value=123, subject="troops"), id="arabic-indic-digits"),
    pytest.param("\u06f1\u06f2 km", "\u06f1\u06f2 km", dict(kind="measure", value=12), id="extended-arabic-indic-digits"),
    pytest.param("\u0661\u0660\u066c\u0660\u0660\u0660 troops", "\u0661\u0660\u066c\u0660\u0660\u0660", dict(value=10000), id="arabic-thousands-separator"),
    pytest.param("\u0665\u066b\u0665 km", "\u0665\u066b\u0665 km", dict(kind="measure", value=5.5), id="arabic-decimal-separator"),
    pytest.param("\u0665\u0660\u066a of voters", "\u0665\u0660\u066a", dict(kind="percent", value=50), id="arabic-percent"),
    pytest.param("\u0967\u0966,\u0966\u0966\u0966 troops", "\u0967\u0966,\u0966\u0966\u0966", dict(value=10000), id="devanagari-digits"),
    pytest.param("\U0001d7d3 km", "\U0001d7d3 km", dict(value=5, unit="kilometer"), id="math-bold-digit"),
    # vulgar fractions
    pytest.param("\u00bd of voters", "\u00bd", dict(kind="fraction", value=0.5), id="half"),
    pytest.param("2\u00bd miles", "2\u00bd miles", dict(kind="measure", value=2.5, unit="mile"), id="two-and-a-half"),
    pytest.param("5 \u00bd km", "5 \u00bd km", dict(value=5.5), id="spaced-half"),
    pytest.param("about \u00bc of the budget", "about \u00bc", dict(kind="fraction", value=0.25, qualifier="~"), id="quarter"),
    pytest.param("2 \u2153 cups", "2 \u2153 cups", dict(value=pytest.approx(7 / 3)), id="third"),
    pytest.param("1\u20442 of voters", "1\u20442", dict(kind="fraction", value=0.5), id="fraction-slash"),
    # superscripts: units and powers
    pytest.param("an area of 50 km\u00b2", "50 km\u00b2", dict(kind="measure", value=50, unit="kilometer ** 2"), id="km-squared"),
    pytest.param("5km\u00b2", "5km\u00b2", dict(value=5, unit="kilometer ** 2"), id="km-squared-attached"),
    pytest.param("50 m\u00b3 of water", "50 m\u00b3", dict(value=50, unit="meter ** 3"), id="cubic-metres"),
    pytest.param(f"5{NBSP}km\u00b2", f"5{NBSP}km\u00b2", dict(unit="kilometer ** 2"), id="nbsp-km-squared"),
    pytest.param("10\u2076 tonnes", "10\u2076 tonnes", dict(kind="measure", value=1e6), id="superscript-power"),
    # bidi marks and invisible characters between the parts of a quantity
    pytest.param(f"{LRM}5 km", "5 km", dict(value=5, unit="kilometer"), id="lrm-before"),
    pytest.param("\u202e5 km\u202c", "5 km", dict(value=5), id="rtl-override"),
    pytest.param("\u2067\u06f1\u06f2 km\u2069", "\u06f1\u06f2 km", dict(value=12), id="rtl-isolate"),
    pytest.param(f"{RLM}{MINUS}5 degrees Celsius", f"{MINUS}5 degrees Celsius", dict(value=-5), id="rlm-before-minus"),
    pytest.param(f"more than {RLM}10,000 troops", f"more than {RLM}10,000", dict(value=10000, qualifier=">"), id="rlm-after-qualifier"),
    pytest.param(f"10,000{EN}{RLM}12,000 troops", f"10,000{EN}{RLM}12,000", dict(range=True, low=10000, high=12000), id="rlm-in-range"),
    pytest.param(f"more than 10{WJ}000", f"more than 10{WJ}000", dict(value=10000, qualifier=">"), id="word-joiner-in-number"),
    pytest.param(f"10{SHY}000 troops", f"10{SHY}000", dict(value=10000), id="soft-hyphen-in-number"),
    pytest.param(f"a 5{NBHY}year plan", f"5{NBHY}year", dict(kind="duration", value=5, timex="P5Y"), id="non-breaking-hyphen"),
    pytest.param("\u0661\u066b\u0665 million", "\u0661\u066b\u0665 million", dict(value=1.5e6), id="arabic-decimal-million"),
]


@pytest.mark.parametrize("text,surface,want", READ)
def test_reads_unicode_number(text, surface, want):
    claim, _ = _only(text, surface)
    got = claim.to_dict()
    for key, value in want.items():
        assert got[key] == value, f"{text!r}: {key} = {got[key]!r}, want {value!r} ({got})"


# Unicode that looks like a digit but states no quantity: read nothing from it.
IGNORED = [
    pytest.param("the study found\u00b9 that voters", id="footnote-superscript"),
    pytest.param("E=mc\u00b2", id="formula-superscript"),
    pytest.param("H\u2082O and CO\u2082 levels", id="chemical-subscripts"),
    pytest.param("\u2460 troops", id="circled-digit"),
    pytest.param("\u216b troops", id="roman-numeral-character"),
    pytest.param("\u200f\u200e\u200b\u2060\ufeff", id="only-invisible-marks"),
    pytest.param("\u0301\u0301\u0301", id="only-combining-marks"),
]


@pytest.mark.parametrize("text", IGNORED)
def test_ignores_non_numbers(text):
    assert [(c.text, c.kind) for c in extract(text)] == []


def test_superscript_power_next_to_text_is_not_a_claim():
    claims = extract("x\u00b2 + 5")
    assert [(c.text, c.value) for c in claims] == [("5", 5.0)]


# Never a crash: every character class that could confuse a pattern or an offset.
NASTY = [
    "\ud800 5 km \udfff",                         # lone surrogates (from surrogateescape)
    "\ufeff5 km",                                  # a BOM in the text
    "5\x00km", "\x00", "\x00" * 100 + "5%",        # NUL
    "5\u0301 km", "e\u0301 5 km",                  # combining marks
    "5\ufe0f\u20e3 troops",                        # keycap emoji
    "\U0001f600" * 50 + " 5 km \U0001f600",        # astral characters before a claim
    "\u202e\u202d\u202a\u202b\u202c 5 km",          # every bidi embedding control
    "\u2028 5 km \u2029 6 km",                     # line and paragraph separators
    "5\r\n6\r7\x0b8\x0c9\x1c10\x1d11\x1e12\x85km",  # every Python line boundary
    "Ⅻ Ⅳ ⅳ ↉ ⅒ ⅑ 5 km",                           # number-like letters
    "\U000e0031\U000e0030 5 km",                   # tag digits
    "１２３４５６７８９０" * 10 + " km",             # a long full-width number
    "٠١٢٣٤٥٦٧٨٩" * 30 + "٪",                       # a long Arabic-Indic number
    "½½½½½ ¼¾ ⅓⅔ km",
    "5\u00b2\u00b3\u00b9\u2070\u2074 km",
    "\u00a0" * 1000 + "5",
    "ﬀ ﬁ ﬂ 5 ﬃ km",                                 # ligatures
    "İ ı ß ẞ 5 KM",                                # case mappings that change length
]


@pytest.mark.parametrize("text", NASTY)
def test_never_crashes_and_offsets_point_at_text(text):
    for c in extract(text):
        assert 0 <= c.start <= c.end <= len(text)
        assert text[c.start:c.end] == c.text


def test_every_decimal_digit_in_unicode_reads_its_value():
    """Each of Unicode's decimal digit sets (Nd) reads '42' as 42, or reads nothing; never a wrong value."""
    wrong = []
    for cp in range(0x110000):
        ch = chr(cp)
        if unicodedata.category(ch) != "Nd" or unicodedata.decimal(ch) != 4:
            continue
        two = chr(cp - 2)
        text = f"{ch}{two} troops"
        for c in extract(text):
            if c.start == 0 and c.value is not None and c.value != 42:
                wrong.append((hex(cp), text, c.text, c.value))
    assert not wrong, wrong[:10]
