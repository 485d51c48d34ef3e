"""The shared text layer (numcheck/text.py, numcheck/datafiles.py): sentences, plurals, alternations, data files."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from numcheck.text import SentenceIndex, sentence_starts

RULES = Path(__file__).resolve().parents[1] / "rules"


def sentences(text: str) -> list[str]:
    return [text[a:b] for a, b in SentenceIndex(text).spans()]


@pytest.mark.parametrize("text,expected", [
    ("Prices rose 5%. Wages fell.", ["Prices rose 5%. ", "Wages fell."]),
    ('He said: "It is over." Then he left.', ['He said: "It is over." ', "Then he left."]),
    ("It ended in 2004. 2005 was calm.", ["It ended in 2004. ", "2005 was calm."]),
    ("Sales fell. £5m was lost.", ["Sales fell. ", "£5m was lost."]),
    ("Is it? (Nobody knows.) Yes!", ["Is it? ", "(Nobody knows.) ", "Yes!"]),
    ("He met Mr. Smith and Dr. Jones.", ["He met Mr. Smith and Dr. Jones."]),
    ("J. Smith and U.S. troops left.", ["J. Smith and U.S. troops left."]),
    ("It rose to 5.5 per cent. at 3 p.m. on Friday", ["It rose to 5.5 per cent. at 3 p.m. on Friday"]),
    ("Kursk offensive\nMore than 10,000 troops", ["Kursk offensive\n", "More than 10,000 troops"]),
    ("a line ends at Mr.\nSmith", ["a line ends at Mr.\n", "Smith"]),
    ("- 5 km\n- 7 km\n\n| a | 5 |", ["- 5 km\n", "- 7 km\n\n", "| a | 5 |"]),
    ("The bombings on Aug. 7 killed 259 people. It was Sept. 11, 2001.",
     ["The bombings on Aug. 7 killed 259 people. ", "It was Sept. 11, 2001."]),
    ("It happened in Aug. The next day it rained.", ["It happened in Aug. ", "The next day it rained."]),
    ("", [""]),
])
def test_where_sentences_end(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


def test_lookups() -> None:
    text = "One. Two three.\nFour."
    idx = SentenceIndex(text)
    assert idx.starts == [0, 5, 16] and len(idx) == 3
    assert [idx.index(i) for i in (0, 4, 5, 15, 16, 20)] == [0, 0, 1, 1, 2, 2]
    assert idx.span(7) == (5, 16) and idx.span_at(2) == (16, len(text))
    assert idx.sentence(7) == "Two three."


# a reference: the same rules, found by looking at every position alone
_END_HERE = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9\u00a3$\u20ac])|\n\s*")


def _reference_starts(text: str) -> list[int]:
    starts = [0]
    i = 0
    while i < len(text):
        m = _END_HERE.match(text, i)
        abbreviation = m and text[i] == "." and re.search(r"(?:\b[A-Z]|\bMrs?|\bDr|\bSt|\bNo)$", text[max(0, i - 3):i])
        if m and not abbreviation and m.end() > starts[-1]:
            starts.append(m.end())
            i = m.end()
        else:
            i += 1
    return starts


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet="aZ5£. !?\"”(\n", max_size=30))
def test_starts_match_a_position_by_position_reading(text: str) -> None:
    starts = sentence_starts(text)
    assert starts == _reference_starts(text)
    assert starts == sorted(set(starts)) and all(0 <= s <= len(text) for s in starts)


def test_one_index_per_check_call(monkeypatch) -> None:
    """check() splits the text once, however many checks ask which sentence holds a claim."""
    import numcheck.text
    from numcheck import check

    built: list[int] = []
    real_init = numcheck.text.SentenceIndex.__init__

    def counting_init(self, text: str) -> None:
        built.append(len(text))
        real_init(self, text)

    monkeypatch.setattr(numcheck.text.SentenceIndex, "__init__", counting_init)
    text = ("Sales doubled from 200 to 300 units. The 5 villages and the 12 towns, around 2,000 civilians. "
            "The 1,400 civilians were mourned. Prices rose 5% from 10 to 12.")
    check(text, rules=[RULES / "examples", RULES / "style" / "ap.yaml"])
    assert built == [len(text)]


# ---------------------------------------------------------------- plurals, alternations, data files

@pytest.mark.parametrize("word,one", [
    ("troops", "troop"), ("Troops", "troop"), ("casualties", "casualty"), ("people", "person"), ("knives", "knife"),
    ("boxes", "box"), ("crises", "crisis"), ("news", "news"), ("series", "series"), ("status", "status"),
    ("buses", "bus"), ("areas", "area"), ("Iraqis", "iraqi"), ("workers'", "worker"), ("union's", "union"),
    ("sub-editors", "sub-editor"), ("physics", "physics"), ("gas", "gas"), ("staff", "staff"), ("class", "class"),
])
def test_singular_is_one_function_for_extractor_rules_and_history(word, one) -> None:
    from numcheck.history.keys import head_noun as history_head
    from numcheck.rules.subjects import fold
    from numcheck.text import head_noun, singular

    assert singular(word) == one
    assert head_noun(f"Russian {word}") == one and history_head(word) == one
    assert fold(f"the {word}") == one.replace("-", " ")  # fold reads words: a hyphen parts them


@pytest.mark.parametrize("word,plural", [("troops", True), ("people", True), ("MPs", True), ("news", False),
                                         ("Athens", False), ("famous", False), ("crisis", False), ("this", False)])
def test_is_plural(word, plural) -> None:
    from numcheck.text import is_plural

    assert is_plural(word) is plural


def test_alternation_is_a_prefix_tree_that_prefers_the_longer_phrase() -> None:
    from numcheck.text import alternation

    rx = re.compile(r"\b" + alternation(["half", "half of", "a third", "two thirds", "two-thirds"], r"[\s-]+") + r"\b")
    assert rx.match("half of it").group() == "half of"
    assert rx.match("two-thirds").group() == "two-thirds" and rx.match("two  thirds").group() == "two  thirds"
    assert rx.match("a-third").group() == "a-third" and rx.match("halfway") is None
    assert alternation(["ten", "twelve", "twenty"]) == "(?:t(?:en|we(?:lve|nty)))"
    assert re.fullmatch(alternation(["a.b", "c+"]), "a.b") and not re.fullmatch(alternation(["a.b"]), "axb")


def test_data_files_are_held_to_their_headers(monkeypatch) -> None:
    from numcheck import datafiles

    files = {
        "good.tsv": "# Things: phrase<TAB>low factor<TAB>high\nnearly\t0.8\t1.0\n",
        "list.txt": "# Words.  One phrase per line.\nnow\nrevised\n",
        "short.tsv": "# phrase<TAB>low<TAB>high\nnearly\t0.8\n",
        "nohead.txt": "now\n",
    }
    monkeypatch.setattr(datafiles, "_text", lambda name: files[name])
    datafiles.table.cache_clear()
    try:
        assert datafiles.table("good.tsv", ("phrase", "low", "high")) == (("nearly", "0.8", "1.0"),)
        assert datafiles.words("list.txt") == ("now", "revised")
        with pytest.raises(datafiles.DataFileError, match=r"names columns \('phrase', 'low', 'high'\)"):
            datafiles.table("good.tsv", ("phrase", "low"))
        with pytest.raises(datafiles.DataFileError, match=r"short.tsv:2: 2 fields, expected 3"):
            datafiles.table("short.tsv", ("phrase", "low", "high"))
        with pytest.raises(datafiles.DataFileError, match="one ... per line"):
            datafiles.words("nohead.txt")
    finally:
        datafiles.table.cache_clear()


def test_every_data_file_the_checks_read_matches_its_header() -> None:
    from numcheck.datafiles import table, words
    from numcheck.history.keys import vocabulary
    from numcheck.text import plurals

    assert plurals().singular["people"] == "person" and vocabulary().events
    assert words("currency_ambiguous.txt") and table("repeat_quiet.tsv", ("phrase", "reach"))
    assert table("share_words.tsv", ("phrase", "nominal", "low", "high"))
    assert table("share_qualifiers.tsv", ("phrase", "low", "high"))



@pytest.mark.parametrize("text, words_at", [
    ("DOHA, Dec 9 (AFP) - China said", "China"),
    ("NAIROBI (AFP) - Tourist arrivals fell", "Tourist"),
    ("ANKARA (Anadolu) -- Unemployment rose", "Unemployment"),
    ("AIDS (Acquired Immune Deficiency Syndrome) kills", "AIDS"),
    ("OPEC (Organization of Petroleum Exporting Countries) said", "OPEC"),
    ("UN (AFP) said", "UN"),
])
def test_a_dateline_may_leave_its_date_out_before_an_agency_and_a_dash(text: str, words_at: str) -> None:
    from numcheck.text import after_dateline

    assert text[after_dateline(text, 0):].startswith(words_at)
