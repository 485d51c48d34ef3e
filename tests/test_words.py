"""The number-word grammar: the bound on a number's span (_open_prefix) never changes what parse_words reads."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from numcheck.extract import words as W
from numcheck.extract.lexicon import lexicon

TOKENS = sorted(lexicon().number_words) + [
    "and", "a", "an", "point", "of", ",", "&", "half", "halves", "quarter", "quarters", "third", "thirds", "fourth",
    "fifth", "fifths", "tenth", "hundredth", "hundredths", "millionth", "first", "second", "twenty-five",
    "ninety-five", "two-thirds", "twenty-fifth", "one-hundredth", "3", "21", "0", "1.5",
]


def _longest_prefix(tokens: list[str]):
    """parse_words without the bound: every prefix tried, longest first (the definition it must keep)."""
    toks = [t.lower() for t in tokens[:W._MAX_TOKENS]]
    for n in range(len(toks), 0, -1):
        if toks[n - 1] in ("and", "a", "an", "point", "of", ",", "&"):
            continue
        got = W._value(toks[:n])
        if got is not None:
            if n < len(toks) and n >= 2 and toks[n - 2] == "and" and W._multiplier(toks[n]):
                continue
            if W._scale_again(toks[:n]) or W._figures_joined(toks[:n]) or W._more_after_decimal_scaled(toks[:n]):
                continue  # "8 million and 7 million", "1.7 million and 620,000": two numbers; "1.5 billion dozen": a
                # decimal figure ends at its scale
            return got[0], n, got[1]
    return None


@settings(max_examples=3000, deadline=None, database=None, derandomize=True)
@given(st.lists(st.sampled_from(TOKENS), min_size=1, max_size=9))
def test_bound_keeps_the_longest_prefix(tokens):
    assert W.parse_words(tokens) == _longest_prefix(tokens)


def test_bound_stops_runs_of_numbers():
    assert W._open_prefix(["one", "one", "one"]) == 1
    assert W._open_prefix(["two", "and", "a", "half", "two", "and"]) == 4
    assert W._open_prefix(["a", "third", "a", "third"]) == 2
    assert W._open_prefix(["half", "a", "million"]) == 3
    assert W._open_prefix(["three", "point", "one", "four"]) == 4
    assert W.parse_words(["twenty", "one", "thousand", "one", "one"]) == (21001.0, 4, False)


def test_the_same_scale_after_and_starts_a_second_number():
    assert W.parse_words(["8", "million", "and", "7", "million"]) == (8e6, 2, False)
    assert W.parse_words(["one", "hundred", "and", "one", "thousand"])[0] == 101000.0
    assert W.parse_words(["two", "hundred", "and", "five"])[0] == 205.0


def test_a_decimal_figure_ends_at_its_scale():
    """ "13.2 million twenty-foot units": the figure is 13.2 million; "1.5 billion dozen" likewise (the example the
    property above once found against a reference that lacked the rule)."""
    assert W.parse_words(["13.2", "million", "twenty"]) == (13.2e6, 2, False)
    assert W.parse_words(["1.5", "billion", "doz"])[:2] == (1.5e9, 2)
    assert W.parse_words(["2", "million", "500", "thousand"])[0] == 2_500_000.0
