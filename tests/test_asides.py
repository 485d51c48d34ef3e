"""The clause of who gave the figures, blanked in the text the sum checks read (checks/_asides.py)."""
from __future__ import annotations

import pytest

from numcheck.checks._asides import joined_back, without_asides
from numcheck import extract
from numcheck.checks.base import Context


def _squeezed(text: str) -> str:
    """The text as the checks read it, each run of blanks one space."""
    return " ".join(without_asides(Context(text, ())).text.split())


@pytest.mark.parametrize("text, read", [
    ("It damaged 2,135 schools, the ministry said in Jakarta on Thursday, of which 1,488 were flattened.",
     "It damaged 2,135 schools, of which 1,488 were flattened."),
    ("It will spend 8.1 trillion won this year, the company said in Seoul on Tuesday: 5.3 trillion won for chips.",
     "It will spend 8.1 trillion won this year : 5.3 trillion won for chips."),
    ("Abu Ghraib held 1,314 inmates, U.S. military officials said, 1,080 of them detainees.",
     "Abu Ghraib held 1,314 inmates, 1,080 of them detainees."),
    ("The fire destroyed 412 homes, according to the Red Cross, of which 250 were in Hilltop.",
     "The fire destroyed 412 homes, of which 250 were in Hilltop."),
])
def test_attribution_is_blanked(text: str, read: str) -> None:
    assert _squeezed(text) == read


@pytest.mark.parametrize("text", [
    # a figure in the clause: not only who said it
    "Exports reached 5 billion dollars, the ministry said in its report of 12 pages, while imports fell.",
    # the sentence ends before any comma: the clause would run into the next sentence
    "It sent home 16.4 billion dollars, the bank said on Monday. Remittances from the United States, home to many, rose.",
    # no verb of saying
    "It won 198 of the 219 seats, the opposition taking 12, while others shared the rest.",
])
def test_other_clauses_are_kept(text: str) -> None:
    assert without_asides(Context(text, ())).text == text


def test_offsets_are_kept() -> None:
    text = "It damaged 2,135 schools, the ministry said, of which 1,488 were flattened."
    assert len(without_asides(Context(text, ())).text) == len(text)


@pytest.mark.parametrize("text, read", [
    ("It razed 12,450 hectares. The burnt area is made up of 8,300 hectares of peat and 4,150 hectares of palms.",
     "It razed 12,450 hectares, made up of 8,300 hectares of peat and 4,150 hectares of palms."),
    ("It will create 3,450 jobs. They break down as follows: 2,100 in manufacturing and 1,350 in logistics.",
     "It will create 3,450 jobs, broken down as follows: 2,100 in manufacturing and 1,350 in logistics."),
    ("It approved an 82.1 trillion yen budget. It allots 47.6 trillion yen to spending and 34.5 trillion yen to debt.",
     "It approved an 82.1 trillion yen budget, allotting 47.6 trillion yen to spending and 34.5 trillion yen to debt."),
    ("Crime fell to 33,263 cases. The figure comprised 21,418 property crimes and 11,845 other offences.",
     "Crime fell to 33,263 cases, comprising 21,418 property crimes and 11,845 other offences."),
    ("Ninety-three people were hurt. Of them, 61 were treated and 32 kept in.",
     "Ninety-three people were hurt, of which 61 were treated and 32 kept in."),
])
def test_sentence_pointing_back_is_joined(text: str, read: str) -> None:
    assert " ".join(joined_back(_context(text)).text.split()) == read


@pytest.mark.parametrize("text", [
    "It razed 12,450 hectares.\n\nThe burnt area is made up of 8,300 hectares of peat.",  # another paragraph
    "It razed 12,450 hectares. The minister said the area is made up of peat.",  # not opening on the whole
    "It razed 12,450 hectares. The fires included 8,300 hectares of peat.",  # another noun than a whole's
    # a sentence of several figures, any of which "them" may point back at
    "Police arrested 84 people on Friday, more than the 52 held on Thursday. Of them, 60 were students.",
])
def test_other_sentences_stay_apart(text: str) -> None:
    assert joined_back(_context(text)).text == text


def _context(text: str) -> Context:
    return Context(text, tuple(extract(text)))
