"""The TIMEX3 view of claims (numcheck.extract.dates.timex3): types, and a range written as its two ends."""
from __future__ import annotations

from datetime import date

import pytest

import numcheck
from numcheck.extract.dates.timex3 import Timex3, timex3s, timex_type
from numcheck.model import Claim

PUB = date(2000, 2, 10)


def view(text: str) -> list[tuple[str, str, str]]:
    return [(t.text, t.type, t.value) for t in timex3s(numcheck.extract(text, published=PUB))]


def test_claims_map_to_timex_types():
    assert timex_type("set", "P1W") == "SET"
    assert timex_type("age", "P22Y") == "DURATION"
    assert timex_type("duration", "P3M") == "DURATION"
    assert timex_type("date", "1998-01-07TEV") == "TIME"
    assert timex_type("date", "1998-01-07T08:00") == "TIME"
    assert timex_type("date", "1998-01-07") == "DATE"


@pytest.mark.parametrize("text,ends", [
    ("He was arrested twice from 1991 to 1997.", [("1991", "DATE", "1991"), ("1997", "DATE", "1997")]),
    ("Shares sold between 1985 and 1987 rose.", [("1985", "DATE", "1985"), ("1987", "DATE", "1987")]),
    # each end keeps the value the range gave it: May takes July's year
    ("It ran between May and July 1998.", [("May", "DATE", "1998-05"), ("July 1998", "DATE", "1998-07")]),
    ("bought from Aug. 26 to Oct. 20, 1999", [("Aug. 26", "DATE", "1999-08-26"), ("Oct. 20, 1999", "DATE", "1999-10-20")]),
    ("the summit on April 24 and 25, 1999", [("April 24", "DATE", "1999-04-24"), ("25, 1999", "DATE", "1999-04-25")]),
    ("The 2009-2010 budget", [("2009", "DATE", "2009"), ("2010", "DATE", "2010")]),
])
def test_a_range_is_written_as_its_two_ends(text: str, ends: list[tuple[str, str, str]]) -> None:
    claims = [c for c in numcheck.extract(text, published=PUB) if c.kind == "date"]
    assert len(claims) == 1 and "/" in (claims[0].timex or "")  # the claim stays one range
    assert view(text) == ends
    for t in timex3s(claims):
        assert text[t.start:t.end] == t.text


def test_a_claim_that_is_no_range_stays_whole():
    assert view("It opened on Friday, Feb. 4, and closes in 2005.") == [
        ("Friday, Feb. 4", "DATE", "2000-02-04"), ("2005", "DATE", "2005")]


def test_a_range_value_without_a_joining_word_stays_whole():
    c = Claim(text="the nineties", start=0, end=12, kind="date", timex="1990/1999")
    assert timex3s([c]) == [Timex3(0, 12, "the nineties", "DATE", "1990/1999")]


def test_ages_and_counts():
    text = "A 22-year-old was held for three months with 40 others."
    assert view(text) == [("three months", "DURATION", "P3M")]
    claims = numcheck.extract(text, published=PUB)
    assert [t.text for t in timex3s(claims, ages=True)] == ["22-year-old", "three months"]
