"""Property tests of extract(): it never raises, its spans are honest, and numbers read back.

Three properties (issue 2):

* ``extract`` never raises on any string -- arbitrary unicode, and text built
  from the characters and tokens numbers are made of, where parsers break;
* every claim's span is inside the input and ``text[start:end] == claim.text``;
* a number generated at random and written in one of many styles (1,234.5 /
  1.2m / three thousand / 2,000-strong / 3.5bn / $3.5bn / £12m / 12 per cent /
  12%) and placed in a sentence is read back: a claim over the written number
  has its value (and, for money and percentages, its unit).
"""
from __future__ import annotations

import math
from typing import Any, Callable

import pytest
from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from numcheck.model import CLAIM_KEYS, KINDS

SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ONES = ("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
        "fifteen sixteen seventeen eighteen nineteen").split()
TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
SCALES = ((10**9, "billion"), (10**6, "million"), (10**3, "thousand"))


def to_words(n: int) -> str:
    """English words for 0 <= n < 10**12: 3,021 -> "three thousand and twenty-one"."""
    if n < 20:
        return ONES[n]
    if n < 100:
        tens, ones = divmod(n, 10)
        return TENS[tens] + (f"-{ONES[ones]}" if ones else "")
    if n < 1000:
        hundreds, rest = divmod(n, 100)
        return f"{ONES[hundreds]} hundred" + (f" and {to_words(rest)}" if rest else "")
    for size, name in SCALES:
        if n >= size:
            high, rest = divmod(n, size)
            tail = "" if not rest else (f" and {to_words(rest)}" if rest < 100 else f" {to_words(rest)}")
            return f"{to_words(high)} {name}{tail}"
    raise ValueError(n)


def test_to_words() -> None:
    assert to_words(3000) == "three thousand"
    assert to_words(3021) == "three thousand and twenty-one"
    assert to_words(2_500_000) == "two million five hundred thousand"
    assert to_words(115) == "one hundred and fifteen"


def extract(text: str) -> list[Any]:
    from numcheck.extract import extract as run

    return run(text)


def check_spans(text: str, claims: list[Any]) -> None:
    for c in claims:
        assert 0 <= c.start <= c.end <= len(text), (c.start, c.end, len(text))
        assert text[c.start:c.end] == c.text
        assert c.kind in KINDS
        assert tuple(c.to_dict()) == CLAIM_KEYS


# ---------------------------------------------------------------- never raises, honest spans

NUMBERISH = st.lists(
    st.one_of(
        st.sampled_from([
            " ", "  ", ",", ".", "-", "–", "/", "%", "$", "£", "Â£", "€", "¥", "(", ")", "'", "\n", "^", "e", "x",
            "k", "m", "bn", "tn", "per cent", "percent", "million", "billion", "thousand", "dozen", "dozens",
            "half", "a", "and", "of", "to", "between", "more than", "about", "nearly", "up to", "km", "kilometre",
            "mph", "°C", "F", "year-old", "years", "months", "-strong", "fell", "rose", "by", "in", "on", "May",
            "Friday", "2022", "1999-2000", "one", "twenty", "-five", "thirds", "quarter", "1/2", "½", "½ ", "0",
            "00", "000", "1", "12", "3.5", "10,000", "1,2", "1.2.3", "9" * 30, "\u202f", "\u00a0", "x10^",
        ]),
        st.integers(-10**6, 10**12).map(str),
        st.text(max_size=3),
    ),
    max_size=25,
).map("".join)


@SETTINGS
@given(st.text(max_size=400))
@example("")
@example("1/0")
@example("$")
@example("£.")
@example("-" * 50 + "1")
@example("9" * 400)
@example("between and")
@example("1e999999 km")
def test_extract_never_raises_on_any_string(text: str) -> None:
    check_spans(text, extract(text))


@SETTINGS
@given(NUMBERISH)
@example("between 10,000 and")
@example("1,000-")
@example("more than ")
@example("$3.5bn-$4bn")
@example("10^999 people")
@example("1.1^999999")
def test_extract_never_raises_on_number_shaped_text(text: str) -> None:
    check_spans(text, extract(text))


# ---------------------------------------------------------------- numbers read back

Style = Callable[[Any], tuple[str, float, str | None]]  # -> (surface, value, unit or None)


def tenths(k: int) -> str:
    """k/10 as written in prose: 35 -> "3.5", 30 -> "3"."""
    return str(k // 10) if k % 10 == 0 else f"{k // 10}.{k % 10}"


SENTENCES = (
    "Officials said {} people attended the rally on the square.",
    "The census found {} residents in the northern district.",
    "{} workers joined the strike, the union said.",
    "According to the ministry, the programme reached {} households last spring.",
)
MONEY_SENTENCES = (
    "The company said it would invest {} in the new plant.",
    "{} was wiped off the value of the firm, analysts said.",
    "The deal, worth {}, was signed in Brussels.",
)
PERCENT_SENTENCES = (
    "Turnout fell to {} in the capital.",
    "Prices rose by {} over the past year, the office said.",
    "{} of voters backed the proposal.",
)

STYLES: dict[str, tuple[st.SearchStrategy[Any], Callable[[Any], tuple[str, float, str | None]], tuple[str, ...]]] = {
    # 1,234.5 and 1,234: separators and a decimal
    "separators": (st.integers(1, 10**9), lambda k: (f"{k / 10:,.1f}" if k % 10 else f"{k // 10:,}", k / 10, None),
                   SENTENCES),
    # 1.2m, 3.5bn, 40k: a scale abbreviation glued on
    "abbreviation": (st.tuples(st.integers(11, 9999), st.sampled_from([("m", 1e6), ("bn", 1e9), ("k", 1e3)])),
                     lambda t: (tenths(t[0]) + t[1][0], t[0] / 10 * t[1][1], None), SENTENCES),
    # 3.5 million, 12 billion: a scale word
    "scale word": (st.tuples(st.integers(11, 9999), st.sampled_from([("million", 1e6), ("billion", 1e9)])),
                   lambda t: (f"{tenths(t[0])} {t[1][0]}", t[0] / 10 * t[1][1], None), SENTENCES),
    # three thousand, two hundred and six
    "words": (st.integers(2, 999_999_999), lambda n: (to_words(n), float(n), None), SENTENCES),
    # a 2,000-strong crowd
    "strong": (st.integers(2, 10**6), lambda n: (f"{n:,}-strong", float(n), None),
               ("A {} crowd gathered outside the parliament.", "The {} force crossed the border at dawn.")),
    # $3.5bn, £12m, €40m
    "money": (st.tuples(st.integers(11, 9999), st.sampled_from([("$", "USD"), ("£", "GBP"), ("€", "EUR")]),
                        st.sampled_from([("m", 1e6), ("bn", 1e9)])),
              lambda t: (f"{t[1][0]}{tenths(t[0])}{t[2][0]}", t[0] / 10 * t[2][1], t[1][1]), MONEY_SENTENCES),
    # 12 per cent, 12.5%, 40 percent
    "percent": (st.tuples(st.integers(1, 999), st.sampled_from([" per cent", "%", " percent"])),
                lambda t: (tenths(t[0]) + t[1], t[0] / 10, "percent"), PERCENT_SENTENCES),
}


@pytest.mark.parametrize("style", list(STYLES))
def test_number_written_in_a_style_is_read_back(style: str) -> None:
    strategy, render, sentences = STYLES[style]

    @SETTINGS
    @given(strategy, st.sampled_from(sentences))
    def read_back(drawn: Any, sentence: str) -> None:
        surface, value, unit = render(drawn)
        if sentence.startswith("{}") and surface[:1].isalpha():
            surface = surface[:1].upper() + surface[1:]
        text = sentence.format(surface)
        start = text.index(surface)
        end = start + len(surface)
        assume(math.isfinite(value))
        claims = extract(text)
        check_spans(text, claims)
        over = [c for c in claims if c.start < end and start < c.end]
        got = [c.to_dict() for c in over]
        assert any(
            c.value is not None and math.isclose(c.value, value, rel_tol=1e-9)
            and (unit is None or c.unit == unit)
            for c in over
        ), f"{text!r}: want {value} {unit or ''} over {surface!r}, got {got}"

    read_back()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet="0123456789 ,.%$abcmkt", min_size=1, max_size=40))
def test_equal_claims_hash_alike(text: str) -> None:
    """Claim.__hash__ reads the span, kind and text only: claims equal in every field hash alike (they key the
    checks' caches), and a claim's copy is found in a set of the originals."""
    from dataclasses import replace

    from numcheck import extract

    claims = extract(text)
    for c in claims:
        twin = replace(c)
        assert twin == c and hash(twin) == hash(c)
    assert all(replace(c) in set(claims) for c in claims)
