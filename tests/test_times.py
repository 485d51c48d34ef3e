"""Times of day (numcheck/extract/times.py) and the Unicode plain copy (numcheck/extract/normal.py)."""
from __future__ import annotations

import pytest

import numcheck
from numcheck.extract import normal, times


@pytest.mark.parametrize("text,surface,timex", [
    ("open from 8am to 6pm.", "8am", "XXXX-XX-XXT08:00"),
    ("open from 8am to 6pm.", "6pm", "XXXX-XX-XXT18:00"),
    ("at 10:30 GMT", "10:30 GMT", "XXXX-XX-XXT10:30"),
    ("kick-off at 1600 GMT", "1600 GMT", "XXXX-XX-XXT16:00"),
    ("at noon", "noon", "XXXX-XX-XXT12:00"),
    ("take them home at night", "night", "XXXX-XX-XXTNI"),
])
def test_times_of_day(text: str, surface: str, timex: str) -> None:
    got = {c.text: c.timex for c in numcheck.extract(text) if c.kind == "date"}
    assert got.get(surface) == timex


def test_a_part_of_day_needs_a_cue() -> None:
    assert times.find_times("The Night of the Proms", None) == []


def test_anchored_part_of_day() -> None:
    from datetime import date
    [c] = times.find_times("yesterday evening", (date(2005, 3, 15), date(2005, 3, 15)))
    assert c.timex == "2005-03-14TEV" and c.date_start == "2005-03-14"


def test_plain_copy_maps_back_to_the_original() -> None:
    text = "more than \u200f10\u2060000 km and â‚¬5m"
    plain, index = normal.plain(text)
    assert "\u200f" not in plain and "€5m" in plain and index is not None
    claims = numcheck.extract(text)
    for c in claims:
        assert text[c.start:c.end] == c.text
    assert [c.value for c in claims] == [10000, 5000000]


def test_plain_copy_costs_nothing_on_plain_text() -> None:
    assert normal.plain("10,000 troops") == ("10,000 troops", None)
