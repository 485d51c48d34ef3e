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
    ("the shop opens at 9 o'clock", "9 o'clock", "XXXX-XX-XXT09:00"),
    ("the train leaves at 7 in the evening", "7 in the evening", "XXXX-XX-XXT19:00"),
])
def test_times_of_day(text: str, surface: str, timex: str) -> None:
    got = {c.text: c.timex for c in numcheck.extract(text) if c.kind == "date"}
    assert got.get(surface) == timex


def test_a_part_of_day_needs_a_cue() -> None:
    assert times.find_times("The Night of the Proms", None) == []


def test_an_hour_in_words_needs_a_preposition() -> None:
    """"at 4 in the morning" is a time, one claim; "4 in the morning session" counts people."""
    assert [c.text for c in times.find_times("They left at 4 in the morning.", None)] == ["4 in the morning"]
    assert [c.text for c in times.find_times("He has 4 in the morning session.", None)] == ["morning"]
    assert times.find_times("It was on the 10 O'clock News.", None) == []  # a programme


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


@pytest.mark.parametrize("text,surface,timex", [
    ("He was killed Thursday evening in a raid.", "Thursday evening", "2005-03-10TEV"),
    ("Talks broke off at noon Thursday.", "noon Thursday", "2005-03-10T12:00"),
    ("The store was robbed at 10 p.m. Wednesday, police said.", "10 p.m. Wednesday", "2005-03-09T22:00"),
    ("The offer runs until 5 p.m. EST Friday.", "5 p.m. EST Friday", "2005-03-18T17:00"),
    ("He will leave at 4 a.m. EDT Thursday, he said.", "4 a.m. EDT Thursday", "2005-03-17T04:00"),  # "a.m. E" ends no sentence
    ("Prices rose at mid-afternoon yesterday.", "mid-afternoon yesterday", "2005-03-14TAF"),
    ("Officials said last night that it was over.", "last night", "2005-03-14TNI"),
    ("It will be disclosed this morning.", "this morning", "2005-03-15TMO"),
])
def test_a_day_and_its_time_are_one_timex(text: str, surface: str, timex: str) -> None:
    got = {c.text: c.timex for c in numcheck.extract(text, published="2005-03-15") if c.kind == "date"}
    assert got.get(surface) == timex, got


def test_a_lone_time_takes_the_day_of_its_story() -> None:
    text = "The doctor was shot on 23 October. He died at 10 p.m. as he stood in his kitchen."
    got = {c.text: c.timex for c in numcheck.extract(text, published="2005-03-15")}
    assert got["10 p.m."] == "2004-10-23T22:00"
    # a time in a sentence with its own day takes that day, even after it
    got = {c.text: c.timex for c in numcheck.extract("The blast came at 10:35 a.m. (local time) on Friday.",
                                                     published="2005-03-15")}
    assert got["10:35 a.m."] == "2005-03-11T10:35"
    # ... but not a day in another clause, nor a day that owns a thing ("Friday's close")
    text = "Voting began on Sunday. The polls close at 3 p.m. and results are expected no earlier than Monday."
    got = {c.text: c.timex for c in numcheck.extract(text, published="2005-11-27")}
    assert got["3 p.m."] == "2005-11-27T15:00"
    got = {c.text: c.timex for c in numcheck.extract("At 15:40 the rand was bid at 6.5160 from Friday's close.",
                                                     published="2005-11-28")}
    assert not got["15:40"].startswith("2005-11-25")
    # "and" joining two times is no new clause: both take the day
    got = {c.text: c.timex for c in numcheck.extract("It opens between 9am and 5pm on Monday.", published="2025-03-10")}
    assert got["9am"] == "2025-03-10T09:00"
    # a habit has no day: opening hours stay generic
    got = {c.text: c.timex for c in numcheck.extract("Shops open from 8am to 6pm.", published="2005-03-15")}
    assert got["8am"] == "XXXX-XX-XXT08:00"


@pytest.mark.parametrize("text,surface,timex,value,unit", [
    ("He won the marathon in 2:14:09.", "2:14:09", "PT2H14M9S", 8049, "second"),
    ("She set a lap of 1:31.2 in practice.", "1:31.2", "PT1M31.2S", 91.2, "second"),
    ("The marathon world record now stands at 2:11:53.", "2:11:53", "PT2H11M53S", 7913, "second"),
])
def test_stopwatch_times_are_durations(text: str, surface: str, timex: str, value: float, unit: str) -> None:
    [c] = [c for c in numcheck.extract(text) if c.text == surface]
    assert (c.kind, c.timex, c.unit) == ("duration", timex, unit)
    assert c.value == pytest.approx(value) and c.canonical is not None and c.canonical.unit == "second"


def test_a_clock_with_seconds_is_still_a_clock() -> None:
    got = {c.text: (c.kind, c.timex) for c in numcheck.extract("It ended at 10:30:15 GMT, or 2:14:09 pm.")}
    assert got["10:30:15 GMT"] == ("date", "XXXX-XX-XXT10:30")
    assert got["2:14:09 pm"] == ("date", "XXXX-XX-XXT14:14")
