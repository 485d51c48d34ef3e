"""TIMEX3 duration values (numcheck/extract/dates/durations.py): written whole-part as TimeML does, read back."""
from __future__ import annotations

import pytest

import numcheck
from numcheck.extract.dates.durations import duration_length, duration_timex


@pytest.mark.parametrize("parts,vague,timex", [
    ([("year", 2.5)], False, "P2Y6M"),
    ([("minute", 1.5)], False, "PT1M30S"),
    ([("hour", 5.5)], False, "PT5H30M"),
    ([("day", 1.5)], False, "P1DT12H"),
    ([("year", 2.3)], False, "P2.3Y"),          # no whole smaller part: the fraction stays
    ([("year", 0.5)], False, "P6M"),
    ([("decade", 2)], False, "P20Y"),
    ([("century", None)], False, "PXCE"),      # "centuries"
    ([("year", None)], False, "PXY"),
    ([("minute", 3)], True, "PTXM"),           # "a few minutes"
    ([("millisecond", 250)], False, "PT0.25S"),
    ([("hour", 2), ("minute", 40)], False, "PT2H40M"),
    ([("year", 1), ("month", 1), ("day", 21)], False, "P1Y1M21D"),
])
def test_written_as_timeml_does(parts, vague, timex):
    assert duration_timex(parts, vague) == timex


@pytest.mark.parametrize("timex,length", [
    ("P2Y6M", (2.5, "Y")), ("P6M", (6.0, "M")), ("P3W", (3.0, "W")), ("P2.5Y", (2.5, "Y")),
    ("P1DT12H", (1.5, "D")), ("PXY", None), ("PT2H", None), ("P", None), ("2005", None),
])
def test_read_back_in_the_largest_unit(timex, length):
    assert duration_length(timex) == length


def test_claims_carry_them():
    got = {c.text: (c.kind, c.timex) for c in numcheck.extract("A 22-year-old, held for 2 1/2 years, for centuries.")}
    assert got == {"22-year-old": ("age", "P22Y"), "2 1/2 years": ("duration", "P2Y6M"),
                   "centuries": ("duration", "PXCE")}


def test_the_elapsed_time_check_reads_whole_parts():
    text = "The plant opened in March 2002. Now, 5 1/2 years on from March 2002, it closed."
    assert [f.code for f in numcheck.check(text, published="2005-03-15")] == ["NC203"]
