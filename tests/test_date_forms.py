"""Each date form, by name: a sentence it must read, the form that reads it, and the TIMEX3 value it gives.

The forms live beside their resolvers (numcheck/extract/dates/days.py,
weeks.py, relative.py, periods.py) and are tried in the order of
``forms.FORMS``; this table holds at least one case per form, so a new form is
one entry there and one here, and a resolver that breaks fails under its name.
Publication day of every case: Wednesday 5 February 2025 unless given.
"""
from __future__ import annotations

from datetime import date

import pytest

from numcheck.extract.dates.join import ranges as _ranges, week_of as _week_of
from numcheck.extract.dates.scan import hits as _hits
from numcheck.extract.dates import _resolved
from numcheck.extract.dates.forms import BY_NAME, FORMS

PUB = date(2025, 2, 5)

# form -> [(sentence, surface the form claims, TIMEX3 value)]
CASES: dict[str, list[tuple[str, str, str]]] = {
    "holiday": [("Shops shut on Christmas Day 2004.", "Christmas Day 2004", "2004-12-25"),
                ("They met last Easter.", "last Easter", "2024-03-31")],
    "iso": [("Filed 2025-02-01 in court.", "2025-02-01", "2025-02-01")],
    "numeric": [("Signed on 21/04/2016.", "21/04/2016", "2016-04-21")],
    "range_dm": [("Held 4 to 22 January 1995.", "4 to 22 January 1995", "1995-01-04/1995-01-22")],
    "range_d_md": [("Open from 4 to January 22, 1995.", "4 to January 22, 1995", "1995-01-04/1995-01-22")],
    "range_drel": [("Closed 4 to 22 next month.", "4 to 22 next month", "2025-03-04/2025-03-22")],
    "range_md": [("Held November 19-20, 2024.", "November 19-20, 2024", "2024-11-19/2024-11-20")],
    "dmy": [("It fell on Friday 3 January 2025.", "Friday 3 January 2025", "2025-01-03")],
    "mdy": [("Payable Feb. 1, 2025.", "Feb. 1, 2025", "2025-02-01")],
    "week_of": [("In the first week of October 2024 it rained.", "the first week of October 2024", "2024-W40")],
    "week_num": [("Sales in week 10 rose.", "week 10", "2025-W10")],
    "d_relmonth": [("Due the 20th of next month.", "the 20th of next month", "2025-03-20")],
    "the_nth": [("It ends on the 27th.", "the 27th", "2025-01-27"),
                ("The strike began on the morning of the 3rd.", "the 3rd", "2025-02-03")],
    "on_md": [("It opened on 22/04 this year.", "22/04", "2024-04-22")],
    "slash_md": [("A vote 4/22 was held.", "4/22", "2024-04-22")],
    "ord_wd": [("Polls open second Sunday.", "second Sunday", "2025-02-09")],
    "wd_the_d": [("See you Thursday the 13th.", "Thursday the 13th", "2025-02-13")],
    "nth_wd": [("It is held the first Friday of March 2024.", "the first Friday of March 2024", "2024-03-01")],
    "fiscal": [("Profits in fiscal 2005 rose.", "fiscal 2005", "2005")],
    "quarter": [("Sales in Q3 2016 rose.", "Q3 2016", "2016-Q3")],
    "quarter_words": [("In the third quarter of 2016 it rose.", "the third quarter of 2016", "2016-Q3")],
    "y_quarter": [("Sales in 2016 the first quarter rose.", "2016 the first quarter", "2016-Q1")],
    "after_next": [("It opens the week after next.", "the week after next", "2025-W08")],
    "rest_of": [("Rain for the rest of the week.", "rest of the week", "2025-W06")],
    "earlier_this": [("It fell earlier this month.", "earlier this month", "2025-02")],
    "rel_n": [("It rose over the past few weeks.", "the past few weeks", "PXW"),
              ("Costs are spread over the next three quarters.", "the next three quarters", "P3Q"),
              ("Losses grew over the past several quarters.", "the past several quarters", "PXQ")],
    "vague_span": [("Kidnappings rose in recent years.", "recent years", "PXY"),
                   ("Rates may fall in the coming weeks.", "the coming weeks", "PXW"),
                   ("Sales will slow in the months ahead.", "the months ahead", "PXM")],
    "vague_phrase": [("Over the years many more patients died.", "the years", "PXY")],
    "ago": [("It began two years ago.", "two years ago", "2023"), ("It peaked two quarters ago.", "two quarters ago", "2024-Q3"),
            ("The machines were removed a few years ago.", "a few years ago", "PAST_REF"),  # no count told
            ("It opens several weeks from now.", "several weeks from now", "FUTURE_REF")],
    "from_relday": [("It opens two days from tomorrow.", "two days from tomorrow", "2025-02-08")],
    "n_weekdays": [("It opens two sundays from now.", "two sundays from now", "2025-02-16")],
    "nth_day_of": [("Today is the eighth day of the strike.", "the eighth day", "2025-02-05"),
                   ("It's the second day of an offensive.", "the second day", "2025-02-05")],
    "day_around": [("It opened the day before yesterday.", "the day before yesterday", "2025-02-03")],
    "week_wd": [("It opens next week on Friday.", "next week on Friday", "2025-02-14")],
    "wd_week": [("It opens Friday next week.", "Friday next week", "2025-02-14")],
    "weekday": [("Last week, talks began on Thursday.", "Thursday", "2025-01-30"),
                ("Talks were held on Monday.", "Monday", "2025-02-03"),
                ("Talks will be held on Monday.", "Monday", "2025-02-10"),
                ("Talks will be held on Wednesday.", "Wednesday", "2025-02-05"),  # in Wednesday's paper: today
                # the story's day, not publication's: Friday 31 January, and the Friday before it
                ("Stocks fell on Friday, down 4% from the previous Friday.", "the previous Friday", "2025-01-24")],
    "relday": [("It rained yesterday.", "yesterday", "2025-02-04")],
    "ref": [("It is currently closed.", "currently", "PRESENT_REF"), ("It recently closed.", "recently", "PAST_REF"),
            ("Now that it closed, we left.", "Now", "PRESENT_REF"),
            ("At the time, it closed.", "the time", "PAST_REF"), ("It reopens as soon as possible.", "as soon as possible", "FUTURE_REF"),
            ("Prices fall in the near term.", "the near term", "FUTURE_REF"), ("The future that awaits us.", "The future", "FUTURE_REF")],
    "weekend": [("It rained last weekend.", "last weekend", "2025-W05-WE"),
                ("Talks were held over the weekend.", "the weekend", "2025-W05-WE"),  # published Wednesday
                ("Talks will be held at the weekend.", "the weekend", "2025-W06-WE")],
    "part_rel": [("It opens early next year.", "early next year", "2026")],
    "rel_unit": [("It opened last month.", "last month", "2025-01"),
                 ("Prices will double over the coming decade.", "the coming decade", "P10Y"),
                 ("Prices will double in the coming decade.", "the coming decade", "203")],
    "mon_relyear": [("It opens June next year.", "June next year", "2026-06")],
    "decade": [("It began in the 1970s.", "the 1970s", "197"),
               ("It grew in the 1970s and early 80s.", "early 80s", "198")],
    "century": [("It was built in the 15th century.", "the 15th century", "14")],
    "season": [("It opened in summer 2016.", "summer 2016", "2016-SU"),
               ("It closed this past spring.", "this past spring", "2024-SP")],
    "ym_num": [("Figures for 2016/11 came out.", "2016/11", "2016-11")],
    "yrange": [("It ran 2009-2010 only.", "2009-2010", "2009/2010")],
    "month_year": [("It opened in August 2019.", "August 2019", "2019-08")],
    "year_month": [("It opened 2016 June.", "2016 June", "2016-06")],
    "rel_month": [("It opened last September.", "last September", "2024-09"),
                  ("Two helicopters crashed last January.", "last January", "2024-01")],  # the month just gone is "last month"
    "month": [("It was launched in August.", "August", "2024-08")],
    "year": [("It opened in 2022.", "2022", "2022"), ("The post-1959 politics split families.", "1959", "1959"),
             ("Output is back to pre-1990 levels.", "1990", "1990")],
    "year_end": [("The deal closes by year-end.", "year-end", "2025"),
                 ("The index has risen 4% since year end.", "year end", "2024"),  # told as past: the one just gone
                 ("It must be in place by year's end.", "year's end", "2025")],
    "year_words": [("He was convicted in nineteen ninety-one.", "nineteen ninety-one", "1991"),
                   ("By the year two thousand it was gone.", "two thousand", "2000"),
                   ("Atlanta, nineteen ninety-six. A bomb shook the games.", "nineteen ninety-six", "1996")],
    "period_ref": [("Profit rose in the third quarter of 2024; in the year-ago quarter it fell.",
                    "the year-ago quarter", "2023-Q3"),
                   ("Sales in the latest quarter rose.", "the latest quarter", "2024-Q4")],
    "year_ago_adj": [("Net rose in the third quarter of 2024 from year-earlier levels.", "year-earlier", "2023-Q3")],
    "units_apart": [("He left on 3 March 2020. A year later he returned.", "A year later", "2021-03-03"),
                    # nine months against nine months: last year, not the quarter in focus
                    ("Net rose in the third quarter of 2024. For the nine months, net was $5m against $4m a year "
                     "earlier.", "a year earlier", "2023")],
    "day_ref": [("He landed on 3 March 2020 and left the next day.", "the next day", "2020-03-04")],
    "month_ref": [("He landed in March 2020; later that month he left.", "later that month", "2020-03")],
    "year_ref": [("He was elected in 1995 and resigned the following year.", "the following year", "1996")],
    "the_unit": [("For the year, volume was flat.", "the year", "2025"),
                 ("It aims for half the market by 2028. It expects a gain for the full year.", "the full year", "2025"),
                 ("Sales for the year ended Sept. 30 rose.", "the year", "P1Y"),
                 # the story is at last Friday: its week, not publication's
                 ("Shares fell on Friday. For the week, the index lost 4%.", "the week", "2025-W05"),
                 ("For the week, the index lost 4%.", "the week", "2025-W06"),
                 ("It opens by the end of the year.", "the end of the year", "2025")],
    "every": [("The board meets every month.", "every month", "P1M"),
              ("It runs every other week.", "every other week", "P2W"),
              ("They march each summer.", "each summer", "XXXX-SU"),
              ("He calls every Monday night.", "every Monday night", "XXXX-WXX-1TNI"),
              ("It floods every July.", "every July", "XXXX-07"),
              ("She walks every evening.", "every evening", "XXXX-XX-XXTEV")],
    "times_per": [("Flights leave twice a week.", "twice a week", "P1W")],
    "recurring": [("The paper is published daily.", "daily", "P1D"), ("Rents rise annually.", "annually", "P1Y"),
                  ("The reserve is adjusted quarterly and reported.", "quarterly", "P1Q"),
                  ("It is paid on a quarterly basis.", "quarterly", "P1Q")],
    "unit_on_unit": [("Costs rose year on year.", "year on year", "P1Y"),
                     ("Sales fell 3% month-on-month.", "month-on-month", "P1M")],
    "weekdays": [("The shop shuts on Mondays.", "Mondays", "XXXX-WXX-1"),
                 ("Flights leave on Tuesday nights.", "Tuesday nights", "XXXX-WXX-2TNI")],
}


def _read(text: str, published: date = PUB) -> list[tuple[str, str, str]]:
    """(form, surface, timex) of each date found, joined and resolved in text order as find_dates does."""
    hits = _week_of(text, _ranges(text, list(_hits(text))))
    return [(h.form, text[h.start:h.end], w.timex) for h, w in _resolved(hits, (published, published))]


def test_every_form_has_a_case():
    assert set(CASES) == set(BY_NAME), "each form needs a case here (and a case names a real form)"
    assert len(BY_NAME) == len(FORMS), "form names are unique"


@pytest.mark.parametrize("name,text,surface,timex",
                         [(n, t, s, x) for n, cases in CASES.items() for t, s, x in cases])
def test_form_reads_its_case(name: str, text: str, surface: str, timex: str):
    assert (name, surface, timex) in _read(text), _read(text)


@pytest.mark.parametrize("text,found", [
    ("Sales in the current quarter rose.", [("rel_unit", "the current quarter", "2025-Q1")]),
    ("It rose over the past few weeks.", [("rel_n", "the past few weeks", "PXW")]),
    ("At the time of the vote, the future of the talks was unclear.", []),
    ("By the year 2000 it was gone.", [("year", "2000", "2000")]),  # "the year" names the year that follows
    ("Nineteen forty people came.", []),  # no year said so before a count
    ("When year-end net was below the target, it sold.", []),
    ("It was the second day of talks.", []),  # which day is not told  # "year-end" before a noun: no time told
    ("In the six months to September, 35% more were sold.", [("month", "September", "2024-09")]),  # 35 is no year
    ("He ran it in 10s and 20s.", []),  # seconds: no decade before them
    ("Most were in their 30s and 40s.", []),  # ages
    ("If I were choosing the people of tomorrow, I would pick them.", []),  # an age, not a day
    ("Throughout the years of the war it grew.", []),  # the years named after, not a vague length
    ("The current chairman left.", []),  # an adjective of the present, no time told
    ("Magna cut its quarterly dividend in half.", []),  # a kind of payment, not a recurrence told
    ("It declared its initial quarterly of five cents.", []),
    ("Average daily volume was 133 million shares.", []),  # a mean per day
    ("Of the 18, 14 reached the final.", []),  # a count's whole: after "of", only an ordinal is a day
])
def test_a_word_inside_something_else_is_no_date(text: str, found: list[tuple[str, str, str]]):
    assert _read(text) == found


def test_the_focus_is_what_the_text_named_last():
    from numcheck.extract.dates import find_dates

    text = ("Profit rose in the third quarter of 2024 from a year ago. The company expects more in the first "
            "quarter of 2026. Sales in the latest period rose; a year earlier they fell.")
    got = [(c.text, c.timex) for c in find_dates(text, (PUB, PUB))]
    # a forecast quarter (2026) does not become the quarter in focus; comparisons do not move it either
    assert got == [("the third quarter of 2024", "2024-Q3"), ("a year ago", "2023-Q3"),
                   ("the first quarter of 2026", "2026-Q1"), ("the latest period", "2024-Q3"),
                   ("a year earlier", "2023-Q3")]
    text = ("Net rose in the third quarter of 2024 from a year ago. After a flat second quarter, sales recovered; "
            "in the year-earlier period they fell.")
    got = [(c.text, c.timex) for c in find_dates(text, (PUB, PUB))]
    # an earlier quarter named in passing does not take the reported quarter's place
    assert got[-1] == ("the year-earlier period", "2023-Q3")


def test_a_set_says_how_often():
    from numcheck import extract

    [c] = extract("Flights leave twice a week.")
    assert (c.kind, c.timex, c.value, c.unit) == ("set", "P1W", 2.0, "1 / week")
    assert c.canonical is not None and c.canonical.unit == "1 / second"
    assert c.canonical.value == pytest.approx(2 / (7 * 86400))
    [c] = extract("It is held every other week.")
    assert (c.timex, c.value, c.unit) == ("P2W", 0.5, "1 / week")
    [c] = extract("It recurs every few years.")
    assert (c.timex, c.value, c.canonical) == ("PXY", None, None)
    assert extract("Each of the men was paid.") == []


def test_a_declined_match_hands_over_to_the_next_form():
    # "2005 people" is a count: the year form declines and no date is claimed
    assert _read("In 2005 people voted.") == []
    assert _read("He was named player of the year.") == []
    # "Theresa May was" is a name: the month form declines
    assert _read("Theresa May was there.") == []


@pytest.mark.parametrize("text,timex", [
    ("Protesters prayed as Easter week began.", "2000-04-23"),  # told as past, but Easter is six days off
    ("They met at Easter.", "1999-04-04"),  # the verb governs it: the Easter gone
    ("Shops will close at Easter.", "2000-04-23"),
])
def test_a_holiday_a_loose_tense_puts_a_year_off_is_the_near_one(text: str, timex: str):
    got = [(f, x) for f, _, x in _read(text, date(2000, 4, 17))]
    assert ("holiday", timex) in got, got
