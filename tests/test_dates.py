"""find_dates: news date forms, anchoring to (partial) publication dates, years vs counts, ranges, and round trips."""
from __future__ import annotations

import calendar
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from numcheck.extract.dates import add_months, find_dates, weekday_in

PUB = (date(2025, 2, 1), date(2025, 2, 1))  # a Saturday
KURSK = Path(__file__).resolve().parents[1] / "examples" / "kursk-2025-02-01.txt"


def one(text: str, published=PUB, dayfirst: bool = True):
    claims = find_dates(text, published, dayfirst=dayfirst)
    assert len(claims) == 1, [(c.text, c.timex) for c in claims]
    c = claims[0]
    assert text[c.start:c.end] == c.text
    assert c.kind == "date" and c.value is None and c.low is None and c.high is None
    assert c.canonical is None and c.unit == ""
    return c


@pytest.mark.parametrize("text,surface,timex,start,end", [
    # absolute days in news forms
    ("on 1 February 2025,", "1 February 2025", "2025-02-01", "2025-02-01", "2025-02-01"),
    ("on Feb. 1, 2025,", "Feb. 1, 2025", "2025-02-01", "2025-02-01", "2025-02-01"),
    ("on February 1st, 2025.", "February 1st, 2025", "2025-02-01", "2025-02-01", "2025-02-01"),
    ("dated 2025-02-01.", "2025-02-01", "2025-02-01", "2025-02-01", "2025-02-01"),
    ("on Monday 3 February 2025", "Monday 3 February 2025", "2025-02-03", "2025-02-03", "2025-02-03"),
    ("the tenth of September, 2000", "tenth of September, 2000", "2000-09-10", "2000-09-10", "2000-09-10"),
    # months, years, decades, seasons, quarters, halves
    ("launched an offensive in August.", "August", "2024-08", "2024-08-01", "2024-08-31"),
    ("in February it rose", "February", "2025-02", "2025-02-01", "2025-02-28"),
    ("Russia in 2022 said", "2022", "2022", "2022-01-01", "2022-12-31"),
    ("in June 2004", "June 2004", "2004-06", "2004-06-01", "2004-06-30"),
    ("since the 1990s", "the 1990s", "199", "1990-01-01", "1999-12-31"),
    ("in the late 1990s", "the late 1990s", "199", "1997-01-01", "1999-12-31"),
    ("by mid-2004", "mid-2004", "2004", "2004-05-01", "2004-08-31"),
    ("until the end of 2005.", "end of 2005", "2005", "2005-09-01", "2005-12-31"),
    ("in the summer of 2016", "summer of 2016", "2016-SU", "2016-06-01", "2016-08-31"),
    ("this summer", "this summer", "2025-SU", "2025-06-01", "2025-08-31"),
    ("last winter", "last winter", "2023-WI", "2023-12-01", "2024-02-29"),
    ("in Q1 2024", "Q1 2024", "2024-Q1", "2024-01-01", "2024-03-31"),
    ("in the third quarter of 2016", "the third quarter of 2016", "2016-Q3", "2016-07-01", "2016-09-30"),
    ("in the first half of 2005", "the first half of 2005", "2005-H1", "2005-01-01", "2005-06-30"),
    ("in the 19th century", "the 19th century", "18", "1800-01-01", "1899-12-31"),
    ("in fiscal 2005", "fiscal 2005", "2005", "2004-10-01", "2006-03-31"),
    ("in the 2004/05 financial year", "the 2004/05 financial year", "2004", "2004-04-01", "2005-03-31"),
    ("for the first quarter of 2010-11", "the first quarter of 2010-11", "2010", "2010-04-01", "2010-06-30"),
    ("in the fourth quarter of 2010/11", "the fourth quarter of 2010/11", "2010", "2011-01-01", "2011-03-31"),
    ("in the second half of 2009-10", "the second half of 2009-10", "2009", "2009-10-01", "2010-03-31"),
    ("in the first quarter of 2010-2011", "the first quarter of 2010-2011", "2010", "2010-04-01", "2010-06-30"),
    ("in the last quarter of 1999-00", "the last quarter of 1999-00", "1999", "2000-01-01", "2000-03-31"),
    ("in the 1999-00 fiscal year", "the 1999-00 fiscal year", "1999", "1999-04-01", "2000-03-31"),
    # two years that are no fiscal year: the quarter of the first
    ("in the first quarter of 2010-12", "the first quarter of 2010-12", "2010-Q1", "2010-01-01", "2010-03-31"),
    ("third-quarter profits", "third-quarter", "2024-Q3", "2024-07-01", "2024-09-30"),
    ("in the last quarter", "the last quarter", "2024-Q4", "2024-10-01", "2024-12-31"),
    ("It is now clear", "now", "PRESENT_REF", "2025-02-01", "2025-02-01"),
    # spans
    ("the 2009-10 season", "2009-10", "2009/2010", "2009-01-01", "2010-12-31"),
    ("from 2001 to 2005", "2001 to 2005", "2001/2005", "2001-01-01", "2005-12-31"),
    ("between May and July 2004", "May and July 2004", "2004-05/2004-07", "2004-05-01", "2004-07-31"),
    ("from January to September 2006", "January to September 2006", "2006-01/2006-09", "2006-01-01", "2006-09-30"),
    ("from Dec. 28 to Jan. 3, 2006", "Dec. 28 to Jan. 3, 2006", "2005-12-28/2006-01-03", "2005-12-28", "2006-01-03"),
    ("from 3 August to 24 December", "3 August to 24 December", "2024-08-03/2024-12-24", "2024-08-03", "2024-12-24"),
    ("on 22 and 23 June 2003", "22 and 23 June 2003", "2003-06-22/2003-06-23", "2003-06-22", "2003-06-23"),
    # weekdays and relative dates against Saturday 2025-02-01
    ("on Friday the Kremlin", "Friday", "2025-01-31", "2025-01-31", "2025-01-31"),
    ("talks will resume on Tuesday", "Tuesday", "2025-02-04", "2025-02-04", "2025-02-04"),
    ("last Monday", "last Monday", "2025-01-27", "2025-01-27", "2025-01-27"),
    ("yesterday", "yesterday", "2025-01-31", "2025-01-31", "2025-01-31"),
    ("last week", "last week", "2025-W04", "2025-01-20", "2025-01-26"),
    ("earlier this month", "earlier this month", "2025-02", "2025-02-01", "2025-02-01"),
    ("two months ago", "two months ago", "2024-12", "2024-12-01", "2024-12-31"),
    ("three days ago", "three days ago", "2025-01-29", "2025-01-29", "2025-01-29"),
    ("two years ago", "two years ago", "2023", "2023-01-01", "2023-12-31"),
    ("next year", "next year", "2026", "2026-01-01", "2026-12-31"),
    ("late last year", "late last year", "2024", "2024-07-01", "2024-12-31"),
    ("over the past year", "the past year", "2024", "2024-02-01", "2025-02-01"),
    ("the weekend", "the weekend", "2025-W05-WE", "2025-02-01", "2025-02-02"),
    ("in late August", "late August", "2024-08", "2024-08-16", "2024-08-31"),
    ("in the July to September period", "July to September", "2024-07/2024-09", "2024-07-01", "2024-09-30"),
    ("in the October-to-December period", "October-to-December", "2024-10/2024-12", "2024-10-01", "2024-12-31"),
    ("January's figures", "January", "2025-01", "2025-01-01", "2025-01-31"),
])
def test_forms(text, surface, timex, start, end) -> None:
    c = one(text)
    assert (c.text, c.timex, c.date_start, c.date_end) == (surface, timex, start, end)


def test_kursk_article() -> None:
    text = KURSK.read_text(encoding="utf-8")
    got = {(c.text, c.timex) for c in find_dates(text, PUB)}
    assert ("August", "2024-08") in got and ("Friday", "2025-01-31") in got and ("2022", "2022") in got
    assert not any("six" in c.text or "three" in c.text or "2,000" in c.text for c in find_dates(text, PUB))


@pytest.mark.parametrize("text,timex", [
    ("in August", "XXXX-08"),
    ("on Friday", "XXXX-WXX-5"),
    ("last year", "XXXX"),
    ("yesterday", "XXXX-XX-XX"),
    ("the 20s", "XX2"),
])
def test_unanchored_without_publication(text: str, timex: str) -> None:
    c = one(text, published=None)
    assert c.timex == timex and c.date_start is None and c.date_end is None


def test_absolute_dates_need_no_publication() -> None:
    c = one("on 3 March 2005", published=None)
    assert (c.timex, c.date_start) == ("2005-03-03", "2005-03-03")


def test_partial_publication_gives_intervals() -> None:
    year = (date(2005, 1, 1), date(2005, 12, 31))
    c = one("last year", published=year)
    assert (c.timex, c.date_start, c.date_end) == ("2004", "2004-01-01", "2004-12-31")
    c = one("yesterday", published=year)
    assert (c.date_start, c.date_end) == ("2004-12-31", "2005-12-30")
    assert c.timex == "200X-XX-XX"
    month = (date(2005, 2, 1), date(2005, 2, 28))
    c = one("in August", published=month)
    assert (c.timex, c.date_start, c.date_end) == ("2004-08", "2004-08-01", "2004-08-31")
    # a tense holds from both ends of a year: nearness to a publication day that is not known says nothing
    assert one("Borrowing rose at a record pace in January.", published=year).timex == "2005-01"
    # a recurrence or a length read from both ends stays what it is
    [c] = find_dates("They meet twice a week.", year)
    assert (c.kind, c.timex, c.value, c.unit) == ("set", "P1W", 2.0, "1 / week")
    [c] = find_dates("Prices rose in recent years.", year)
    assert (c.kind, c.timex) == ("duration", "PXY")


@pytest.mark.parametrize("text", [
    "2,000 civilians", "1,500 km", "2005 people died", "in 2000 homes", "a 1,000-kilometre front",
    "rose 2.5%", "more than 10,000 troops", "3/4 of voters", "open 24/7", "version 1.2.15",
    "over the past 20 years", "in the next three months", "2 days hence",  # durations: the quantity extractor's
    "the Sunday Times", "the Good Friday Agreement", "Theresa May said", "the BBC's Today programme", "prices fall",
    "in spring water", "the second time", "at 1400 GMT", "from 1.27 million", "in his 70s", "sold to the 1.4m viewers",
    "Theresa May was there", "Mrs May's plan", "the May government", "Tom and June Brown said", "DEC has no link",
    "told the Mail on Sunday", "the Independent on Sunday", "Peter and Jan went",
])
def test_not_dates(text: str) -> None:
    assert find_dates(text, PUB) == []


@pytest.mark.parametrize("text,published,surface,timex", [
    ("Sales over Christmas were poor.", "2005-01-10", "Christmas", "2004-12-25"),        # the nearer one
    ("Shops expect a busy Christmas.", "2004-11-20", "Christmas", "2004-12-25"),
    ("It was blamed on Christmas falling on a weekend.", "2005-03-01", "Christmas", "2004-12-25"),  # past
    ("He will be back by Christmas.", "2005-01-10", "Christmas", "2005-12-25"),           # future
    ("on Christmas Day 2003", "2005-01-10", "Christmas Day 2003", "2003-12-25"),
    ("on New Year's Eve", "2005-01-03", "New Year's Eve", "2004-12-31"),
    ("on New Year’s Day", "2005-01-03", "New Year’s Day", "2005-01-01"),
    ("last Easter", "2005-06-01", "last Easter", "2005-03-27"),
    ("next Easter", "2005-06-01", "next Easter", "2006-04-16"),
    ("It will open at Easter.", "2004-01-10", "Easter", "2004-04-11"),
    ("Good Friday", "2005-04-01", "Good Friday", "2005-03-25"),
    ("at Thanksgiving", "2004-12-01", "Thanksgiving", "2004-11-25"),             # 4th Thursday of November
    ("on Memorial Day", "2005-06-10", "Memorial Day", "2005-05-30"),             # last Monday of May
    ("Christmas", None, "Christmas", "XXXX-12-25"),                              # no anchor: no year guessed
    ("Easter", None, "Easter", "XXXX-XX-XX"),
])
def test_holidays(text: str, published, surface: str, timex: str) -> None:
    from numcheck.pubdate import parse_published

    c = one(text, published=parse_published(published) if published else None)
    assert (c.text, c.timex) == (surface, timex)
    if published:
        assert c.date_start == c.date_end == timex


@pytest.mark.parametrize("text", [
    "Father Christmas", "a Christmas tree", "the Easter Rising", "Christmas Island", "Chinese New Year",
    "the christmas period",  # lower case: not trusted as a name
])
def test_holiday_names_that_are_not_days(text: str) -> None:
    assert find_dates(text, PUB) == []


def test_easter_matches_dateutil() -> None:
    from dateutil.easter import easter as reference

    from numcheck.extract.dates.arith import easter

    assert all(easter(y) == reference(y) for y in range(1583, 2400))


@pytest.mark.parametrize("text,year", [
    ("in 2005", "2005"), ("since 1945", "1945"), ("the 2004 election", "2004"), ("by 2010,", "2010"),
    ("until 2030.", "2030"), ("(1997)", "1997"), ("2004's result", "2004"), ("a 2001 audit", "2001"),
])
def test_years_in_context(text: str, year: str) -> None:
    c = one(text)
    assert c.text == year and c.timex == year


def test_dayfirst_setting() -> None:
    assert one("on 1/2/2025", dayfirst=True).timex == "2025-02-01"
    assert one("on 1/2/2025", dayfirst=False).timex == "2025-01-02"
    assert one("on 21/04/2016", dayfirst=False).timex == "2016-04-21"  # no 21st month: day first after all


def test_impossible_days_keep_their_timex() -> None:
    c = one("on 31 April 2024")
    assert (c.timex, c.date_start, c.date_end) == ("2024-04-31", None, None)
    assert one("on 30 February").timex == "XXXX-02-30"


def test_bad_input() -> None:
    with pytest.raises(ValueError, match="published"):
        find_dates("in August", (date(2025, 2, 1), date(2025, 1, 1)))
    assert find_dates("", PUB) == []
    assert find_dates("year 0 in 0001-01-01 and 9999-12-31 and 31/12/9999", PUB) is not None


def test_helpers() -> None:
    assert add_months(date(2024, 1, 31), 1) == date(2024, 2, 29)
    assert add_months(date(2024, 12, 15), 2) == date(2025, 2, 15)
    assert weekday_in("Friday 3 February 2025") == 5 and weekday_in("3 February") is None


def test_linear_time() -> None:
    """Four times the text costs at most five times the counted work (no quadratic pass)."""
    from workcount import count_lines

    chunk = KURSK.read_text(encoding="utf-8")
    find_dates(chunk, PUB)

    def work(text: str) -> int:
        return count_lines(lambda t: find_dates(t, PUB), text)
    small, large = work(chunk * 5), work(chunk * 20)
    assert large <= 5 * small, (small, large)


# ---------------------------------------------------------------------------
# Property tests: written forms round-trip; relative forms match stdlib arithmetic
# ---------------------------------------------------------------------------

days = st.dates(min_value=date(1600, 1, 1), max_value=date(2099, 12, 31))
pubs = st.dates(min_value=date(1700, 3, 1), max_value=date(2099, 10, 31))
MONTHS = calendar.month_name
ABBR = ["", "Jan.", "Feb.", "Mar.", "Apr.", "May", "Jun.", "Jul.", "Aug.", "Sept.", "Oct.", "Nov.", "Dec."]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]


def _ordinal(n: int) -> str:
    return f"{n}{'th' if 10 <= n % 100 <= 20 else {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th')}"


FORMS = {
    "d month yyyy": lambda d: f"{d.day} {MONTHS[d.month]} {d.year}",
    "month d, yyyy": lambda d: f"{MONTHS[d.month]} {d.day}, {d.year}",
    "abbr d, yyyy": lambda d: f"{ABBR[d.month]} {d.day}, {d.year}",
    "dth of month yyyy": lambda d: f"{_ordinal(d.day)} of {MONTHS[d.month]} {d.year}",
    "weekday, d month yyyy": lambda d: f"{DAYS[d.weekday()]}, {d.day} {MONTHS[d.month]} {d.year}",
    "iso": lambda d: d.isoformat(),
    "dd/mm/yyyy": lambda d: f"{d.day:02d}/{d.month:02d}/{d.year}",
    "d.m.yyyy": lambda d: f"{d.day}.{d.month}.{d.year}",
}


@settings(max_examples=150, deadline=None)
@given(d=days, pub=pubs, form=st.sampled_from(sorted(FORMS)))
def test_written_day_reads_back(d: date, pub: date, form: str) -> None:
    written = FORMS[form](d)
    c = one(f"The talks took place on {written} in Geneva.", published=(pub, pub))
    assert c.text == written
    assert c.date_start == c.date_end == d.isoformat()


@settings(max_examples=100, deadline=None)
@given(d=days, pub=pubs)
def test_month_first_reads_back(d: date, pub: date) -> None:
    c = one(f"It was signed on {d.month}/{d.day}/{d.year}.", published=(pub, pub), dayfirst=False)
    assert c.date_start == d.isoformat()


@settings(max_examples=100, deadline=None)
@given(pub=pubs, n=st.integers(min_value=1, max_value=40), unit=st.sampled_from(["day", "week"]))
def test_ago_matches_timedelta(pub: date, n: int, unit: str) -> None:
    """'n days ago' is the day pub - n days; 'n weeks ago' the ISO week holding pub - 7n days."""
    text = f"It closed {n} {unit}{'s' if n > 1 else ''} ago."
    c = one(text, published=(pub, pub))
    d = pub - timedelta(days=n * (7 if unit == "week" else 1))
    if unit == "day":
        assert c.date_start == c.date_end == c.timex == d.isoformat()
    else:
        monday = d - timedelta(days=d.weekday())
        assert (c.date_start, c.date_end) == (monday.isoformat(), (monday + timedelta(days=6)).isoformat())
        assert c.timex == f"{d.isocalendar()[0]:04d}-W{d.isocalendar()[1]:02d}"


@settings(max_examples=100, deadline=None)
@given(pub=pubs, n=st.integers(min_value=1, max_value=30))
def test_months_ago_clamps_like_calendar(pub: date, n: int) -> None:
    """'n months ago' is the month holding pub moved back n calendar months."""
    y, m = divmod(pub.year * 12 + pub.month - 1 - n, 12)
    assert one(f"It closed {n} months ago.", published=(pub, pub)).timex == f"{y:04d}-{m + 1:02d}"


@settings(max_examples=100, deadline=None)
@given(pub=pubs, wd=st.integers(min_value=0, max_value=6))
def test_weekday_is_latest_on_or_before(pub: date, wd: int) -> None:
    c = one(f"The minister resigned on {DAYS[wd]}.", published=(pub, pub))
    expected = pub - timedelta(days=(pub.weekday() - wd) % 7)
    assert c.date_start == expected.isoformat()


@settings(max_examples=100, deadline=None)
@given(pub=pubs, month=st.integers(min_value=1, max_value=12))
def test_month_is_latest_not_after(pub: date, month: int) -> None:
    c = one(f"The offensive began in {MONTHS[month]}.", published=(pub, pub))
    year = pub.year if month <= pub.month else pub.year - 1
    assert c.timex == f"{year:04d}-{month:02d}"


@settings(max_examples=60, deadline=None)
@given(pub=pubs)
def test_relative_days_and_years(pub: date) -> None:
    p = (pub, pub)
    assert one("It fell yesterday.", p).date_start == (pub - timedelta(days=1)).isoformat()
    assert one("It rises tomorrow.", p).date_start == (pub + timedelta(days=1)).isoformat()
    assert one("It fell last year.", p).timex == f"{pub.year - 1:04d}"
    nxt = add_months(pub.replace(day=1), 1)
    assert one("It opens next month.", p).timex == f"{nxt.year:04d}-{nxt.month:02d}"


COUNT_SENTENCES = (
    "Officials said {} people attended the rally.",
    "The army sent {} troops to the border.",
    "Some {} homes lost power, and {} km of road closed.",
)


@settings(max_examples=150, deadline=None)
@given(n=st.integers(min_value=0, max_value=10_000_000), sentence=st.sampled_from(COUNT_SENTENCES),
       commas=st.booleans())
def test_counts_are_not_dates(n: int, sentence: str, commas: bool) -> None:
    """Numbers that count things (with or without thousands commas) never come back as dates."""
    written = f"{n:,}" if commas else str(n)
    text = sentence.format(written, written)
    assert find_dates(text, PUB) == []


@settings(max_examples=80, deadline=None)
@given(first=st.dates(min_value=date(1800, 1, 1), max_value=date(2099, 1, 1)),
       length=st.integers(min_value=0, max_value=364))
def test_partial_publication_spans_both_ends(first: date, length: int) -> None:
    """With a publication interval, a relative date covers what it means at either end, and no more."""
    last = first + timedelta(days=length)
    c = one("It fell yesterday.", published=(first, last))
    assert c.date_start == (first - timedelta(days=1)).isoformat()
    assert c.date_end == (last - timedelta(days=1)).isoformat()
    m = one("It began in June.", published=(first, last))
    lo = one("It began in June.", published=(first, first))
    hi = one("It began in June.", published=(last, last))
    assert (m.date_start, m.date_end) == (lo.date_start, hi.date_end)


@settings(max_examples=100, deadline=None)
@given(pub=pubs, back=st.integers(min_value=0, max_value=330), form=st.sampled_from(["d month", "month d", "wd d month"]))
def test_yearless_day_reads_back_within_the_year_before(pub: date, back: int, form: str) -> None:
    """A day written without its year, in the year up to publication, reads back as that day."""
    d = pub - timedelta(days=back)
    written = {"d month": f"{d.day} {MONTHS[d.month]}", "month d": f"{MONTHS[d.month]} {d.day}",
               "wd d month": f"{DAYS[d.weekday()]} {d.day} {MONTHS[d.month]}"}[form]
    c = one(f"The vote was held on {written}, officials said.", published=(pub, pub))
    assert c.date_start == d.isoformat()


@settings(max_examples=60, deadline=None)
@given(d=days, pub=pubs)
def test_month_year_reads_back(d: date, pub: date) -> None:
    c = one(f"Prices peaked in {MONTHS[d.month]} {d.year}.", published=(pub, pub))
    assert (c.timex, c.date_start) == (f"{d.year:04d}-{d.month:02d}", d.replace(day=1).isoformat())


def test_patterns_compile_lazily() -> None:
    """Cold start: reading a typical article compiles only the few forms it needs."""
    from numcheck.extract import dates as D

    D._form.cache_clear()
    find_dates(KURSK.read_text(encoding="utf-8"), PUB)
    assert D._form.cache_info().currsize <= 12


@pytest.mark.parametrize("text,timex", [
    ("The vote will be held on 3 March.", "2025-03-03"),   # future tense: the next 3 March
    ("The vote was held on 3 March.", "2024-03-03"),       # past tense: the latest
    ("Talks resume on 3 March.", "2025-03-03"),            # no cue: the nearer one
    ("Talks resume on 3 December.", "2024-12-03"),
    ("I'll be out Oct. 2 to October 22", "2025-10-02/2025-10-22"),  # "Oct." ends no sentence
    ("I'll be out Jan. 2 to January 22", "2026-01-02/2026-01-22"),  # the end read back would fall before the start
    ("Elections are held on 20 July.", "2025-07-20"),  # "are held": a passive present, no past
    ("Closing is expected in December.", "2025-12"),
    ("It was offered from today through 17 March.", "2025-02-01/2025-03-17"),  # the end read from the start
    ("They must leave by 25 January.", "2025-01-25"),  # a deadline a week past, not next year's
    # a past verb further off in the clause does not send a day a month ahead back a year ("was held on" does)
    ("She has invited the ministers to a ceremony in Geneva on 3 March.", "2025-03-03"),
    # "will redeem preferred shares": an -ed word after a modal is no past verb
    ("It will redeem the preferred shares on 20 June.", "2025-06-20"),
    ("They said they would appeal the ruling, announced 20 December.", "2024-12-20"),
    # a date opening its sentence takes the verb after its comma
    ("In December, the company moved to Leeds.", "2024-12"),
    ("In March, the company will move to Leeds.", "2025-03"),
    ("Closing is expected in February, officials say.", "2025-02"),
    ("The team planned to leave on 4 February.", "2025-02-04"),
    ("It agreed to complete the sale in October.", "2025-10"),  # the deed agreed to lies ahead
    ("The index is near its record set on 6 August.", "2024-08-06"),  # "set on": a past participle
    ("The vote is set for 6 August.", "2025-08-06"),
    ("Police are looking for him since shortly after the 23 May attack.", "2024-05-23"),
    ("On 10 December, the government planned to pay the claims.", "2024-12-10"),  # the planning's date
    # a deadline with a past perfect has passed
    ("By 10 December, two members had filed reports.", "2024-12-10"),
    ("Until 10 December, they had not named him.", "2024-12-10"),
    ("The sale, which had been expected, pays the loan by 10 December.", "2025-12-10"),
    # the verb after the comma, past the sentence's other phrases ("vs." ends no sentence)
    ("In June, a week after the Roe vs. Wade anniversary, a bombing killed a guard.", "2024-06"),
    # no tense: the nearer month
    ("A summit in April.", "2025-04"),
    ("A summit in October.", "2024-10"),
])
def test_yearless_days_follow_tense(text: str, timex: str) -> None:
    assert one(text).timex == timex


@pytest.mark.parametrize("text,found", [
    ("in the aftermath of the Aug. 7 bombings", [("Aug. 7", "2024-08-07")]),   # a month word, then a plural noun
    ("the August 7 bombings", [("August 7", "2024-08-07")]),
    ("May 5 people attend?", []),                                              # a modal, a count
    ("on the front of Friday's edition", [("Friday", "2025-01-31")]),         # that day's edition
])
def test_a_day_before_a_noun(text: str, found: list[tuple[str, str]]) -> None:
    assert [(c.text, c.timex) for c in find_dates(text, PUB)] == found


def test_a_possessive_ends_no_range() -> None:
    claims = find_dates("After a revision on 3 January to December's figures, jobs rose.", PUB)
    assert [(c.text, c.timex) for c in claims] == [("3 January", "2025-01-03"), ("December", "2024-12")]


@pytest.mark.parametrize("text,surface,timex", [
    ("in recent years", "recent years", "PXY"),
    ("in the last few weeks", "the last few weeks", "PXW"),
    ("over the next several months", "the next several months", "PXM"),
])
def test_lengths_with_no_number_are_durations(text: str, surface: str, timex: str) -> None:
    [c] = find_dates(text, PUB)
    assert (c.text, c.kind, c.timex, c.date_start) == (surface, "duration", timex, None)


def test_the_amount_of_a_counted_date_is_a_duration_within_it() -> None:
    """ "two years ago" is a date (TimeML's one TIMEX3) holding an amount of time (the quantity guideline's)."""
    import numcheck
    from numcheck.extract.dates.timex3 import timex3s

    claims = numcheck.extract("The plant opened two years ago and sales rose from a year earlier.", published="2025-02-01")
    got = [(c.text, c.kind, c.timex, c.within_date) for c in claims]
    assert got == [("two years", "duration", "P2Y", True), ("two years ago", "date", "2023", False),
                   ("a year", "duration", "P1Y", True), ("a year earlier", "date", "2024", False)]
    assert [t.text for t in timex3s(claims)] == ["two years ago", "a year earlier"]
    assert "within_date" not in claims[0].to_dict()  # internal: the contract's keys only


def test_a_feast_told_in_the_past_is_last_years_unless_a_week_ahead() -> None:
    import numcheck

    got = {c.text: c.timex for c in numcheck.extract("Sales fell 5% at Christmas, the retailer said.", published="2025-12-10")}
    assert got["Christmas"] == "2024-12-25"
    got = {c.text: c.timex for c in numcheck.extract("Crowds gathered as Easter week began.", published="2000-04-17")}
    assert got["Easter"] == "2000-04-23"


def test_period_ending_on_a_day_is_no_range() -> None:
    """"the week to Jan. 25": a length and the day it ends, as TimeML reads it, not this week joined to the day as a
    range (which put the day in the next year)."""
    found = {c.text: c for c in find_dates("Officials confirmed 58 new cases in the week to Jan. 25.", PUB)}
    assert "Jan. 25" in found and (found["Jan. 25"].date_start, found["Jan. 25"].date_end) == ("2025-01-25", "2025-01-25")
    assert not any(" to " in text for text in found)
