"""NC2xx temporal checks: a table of pass/fail cases per code, the docstring examples, messages, and quietness on news."""
from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest

from numcheck.checks import time as time_checks
from numcheck.engine import check

KURSK = Path(__file__).resolve().parents[1] / "examples" / "kursk-2025-02-01.txt"
BBC = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc" / "bbc_train.csv"

# (code, text, published, fires)
CASES = [
    # NC201 weekday and date disagree
    ("NC201", "The summit opened on Friday 3 February 2025.", None, True),
    ("NC201", "The summit opened on Monday 3 February 2025.", None, False),
    ("NC201", "The summit opened on Monday, February 3, 2025.", None, False),
    ("NC201", "The summit opened on Sunday, February 3, 2025.", None, True),
    ("NC201", "Kick-off is on Saturday 20 November.", "2004-11-15", False),  # 2004-11-20 was a Saturday
    ("NC201", "Kick-off was on Friday 20 November.", "2004-11-25", True),  # no year near 2004 makes it a Friday
    ("NC201", "The deal closed on Friday.", "2025-02-01", False),  # a lone weekday is resolved, not stated
    ("NC201", "Tuesday, 1 March 1945 GMT at Griffin Park", None, False),  # 1945 GMT is a kick-off time
    # NC202 impossible dates
    ("NC202", "The deal was signed on 31 April 2024.", None, True),
    ("NC202", "The deal was signed on 30 April 2024.", None, False),
    ("NC202", "It opened on 29 February 2023.", None, True),
    ("NC202", "It opened on 29 February 2024.", None, False),
    ("NC202", "Payments are due on 30 February.", None, True),
    ("NC202", "The vote was held on 31/06/2021.", None, True),
    # NC203 elapsed time against the dated event and the publication date
    ("NC203", "Ukraine launched an offensive in August. But nearly six months on, it holds ground.", "2025-02-01", False),
    ("NC203", "Ukraine launched an offensive in August. But nearly nine months on, it holds ground.", "2025-02-01", True),
    ("NC203", "The strike began in March 2024. Two years on, talks continue.", "2025-02-01", True),
    ("NC203", "The strike began in March 2023. Two years on, talks continue.", "2025-02-01", False),
    ("NC203", "The strike began in March 2023. Two years on, talks continue.", None, False),  # no anchor
    ("NC203", "He was jailed in 2019. He spent two years on the run.", "2025-02-01", False),  # "on the run"
    ("NC203", "It is now six months since the flood in August.", "2025-02-01", False),
    ("NC203", "It is now ten months since the flood in August.", "2025-02-01", True),
    ("NC203", "The ceasefire began on 1 January. More than three weeks on, it holds.", "2025-02-01", False),
    ("NC203", "The ceasefire began on 1 January. More than six weeks on, it holds.", "2025-02-01", True),
    # NC204 age against a stated birth year
    ("NC204", "The 58-year-old, born in 1960, said he would stand.", "2025-02-01", True),
    ("NC204", "The 64-year-old, born in 1960, said he would stand.", "2025-02-01", False),
    ("NC204", "The 65-year-old, born in 1960, said he would stand.", "2025-02-01", False),
    ("NC204", "The 58-year-old, born in 1960, said he would stand.", None, False),
    ("NC204", "In 2018 the 58-year-old, born in 1960, stood.", "2025-02-01", False),  # age told at another date
    # NC205 "first time since" contradicted by the text
    ("NC205", "It was the first time since 1990 that the club won the title; the last time was in 1998.", None, True),
    ("NC205", "It was the first time since 1998 that the club won the title; the last time was in 1998.", None, False),
    ("NC205", "It was the first time since 2030 that prices fell.", "2025-02-01", True),
    ("NC205", "Their first Grand Slam since 1948. Ireland last won the title in 1985.", None, False),
    # NC206 past-tense events after publication
    ("NC206", "The treaty was signed on 3 March 2025.", "2025-02-01", True),
    ("NC206", "The treaty will be signed on 3 March 2025.", "2025-02-01", False),
    ("NC206", "The treaty was signed on 3 January 2025.", "2025-02-01", False),
    ("NC206", "The contract was extended until June 2026.", "2025-02-01", False),
    ("NC206", "He said the plant would close in 2027.", "2025-02-01", False),
    ("NC206", "The treaty was signed on 3 March 2025.", None, False),
]


@pytest.mark.parametrize("code,text,published,fires", CASES, ids=[f"{c[0]}-{i}" for i, c in enumerate(CASES)])
def test_case_table(code: str, text: str, published: str | None, fires: bool) -> None:
    found = [f for f in check(text, published=published) if f.code == code]
    assert bool(found) == fires, [f.message for f in found]


def test_every_code_has_pass_and_fail_cases() -> None:
    codes = {c.code for c in time_checks.CHECKS}
    for code in codes:
        assert {fires for c, _, _, fires in CASES if c == code} == {True, False}, code


@pytest.mark.parametrize("chk", time_checks.CHECKS, ids=lambda c: c.code)
def test_docstring_examples(chk) -> None:
    """Each check's Anti-pattern fires and its Best practice does not; both run through check()."""
    doc = chk.__doc__ or ""
    assert re.fullmatch(r"NC2\d\d", chk.code) and chk.name and chk.severity in ("error", "warning", "info")
    examples = {}
    for label in ("Anti-pattern", "Best practice"):
        m = re.search(label + r":\s*(?:\(published (\d{4}-\d\d-\d\d)\)\s*)?(.+)", doc)
        assert m, f"{chk.code} docstring lacks {label}"
        examples[label] = (m.group(2).replace(" ... ", " "), m.group(1))
    bad = [f for f in check(examples["Anti-pattern"][0], published=examples["Anti-pattern"][1]) if f.code == chk.code]
    good = [f for f in check(examples["Best practice"][0], published=examples["Best practice"][1]) if f.code == chk.code]
    assert bad and not good


def test_elapsed_message_shows_arithmetic() -> None:
    text = KURSK.read_text(encoding="utf-8").replace("nearly six months on", "nearly nine months on")
    (f,) = [f for f in check(text) if f.code == "NC203"]
    assert f.severity == "warning"
    assert text[f.start:f.end] == "nearly nine months"
    assert "2024-08-01 to 2024-08-31" in f.message and "2025-02-01" in f.message
    assert "154-184 days" in f.message and "6.75-9 months" in f.message
    assert f.related and f.related[0].text == "August"
    assert f.evidence["elapsed"] == [5.03, 6.05] or f.evidence["elapsed"][0] < 6 < f.evidence["elapsed"][1] + 1


def test_kursk_article_has_no_time_finding() -> None:
    findings = [f for f in check(KURSK.read_text(encoding="utf-8")) if f.code.startswith("NC2")]
    assert findings == []


def test_weekday_message_and_location() -> None:
    (f,) = [f for f in check("Talks.\nThey met on Friday 3 February 2025.") if f.code == "NC201"]
    assert f.message == "3 February 2025 was a Monday, not a Friday"
    assert (f.line, f.col) == (2, 13)


@pytest.mark.parametrize("text,published,span,suggestion", [
    ("The summit opened on Friday 3 February 2025.", None, "Friday 3 February 2025", "Monday 3 February 2025"),
    ("The summit opened on Sunday, February 3, 2025.", None, "Sunday, February 3, 2025", "Monday, February 3, 2025"),
    ("It opened on Fri 3 Feb 2025.", None, "Fri 3 Feb 2025", "Mon 3 Feb 2025"),
    ("It opened on Thurs. 3 Feb 2025.", None, "Thurs. 3 Feb 2025", "Mon. 3 Feb 2025"),
    ("IT OPENED ON FRIDAY 3 FEBRUARY 2025.", None, "FRIDAY 3 FEBRUARY 2025", "MONDAY 3 FEBRUARY 2025"),
    ("Kick-off was on Friday 20 November.", "2004-11-25", "Friday 20 November", "Saturday 20 November"),
])
def test_weekday_suggestion_is_the_calendars_weekday(text, published, span, suggestion) -> None:
    """NC201 suggests the date with the weekday the calendar gives it, in the form written; the fix is safe and sticks."""
    from numcheck.fix import apply_fixes

    (f,) = [f for f in check(text, published=published) if f.code == "NC201"]
    assert text[f.start:f.end] == span and f.suggestion == suggestion
    fixed = apply_fixes(text, [f])  # safe fixes only
    assert fixed.text == text.replace(span, suggestion)
    assert [g for g in check(fixed.text, published=published) if g.code == "NC201"] == []


def test_degenerate_ranges_print_as_one_value() -> None:
    """A one-day event and a one-day publication give one elapsed time, not "9.4-9.4 months" or "2024-06-02 to 2024-06-02"."""
    text = "The flood hit on 2 June 2024. Three months on, the town is rebuilding."
    (f,) = [f for f in check(text, published="2025-03-15") if f.code == "NC203"]
    assert "(2024-06-02) does not fit" in f.message and "2024-06-02 to" not in f.message
    assert "the time elapsed is 9.4 months (286 days)" in f.message and "9.4-9.4" not in f.message
    assert "the text allows 2-4 months" in f.message


def test_age_suggestion_only_when_one_age_fits() -> None:
    (f,) = [f for f in check("The 58-year-old, born on 3 March 1960, said.", published="2025-02-01") if f.code == "NC204"]
    assert f.suggestion == "64-year-old"
    (g,) = [f for f in check("The 58-year-old, born in 1960, said.", published="2025-02-01") if f.code == "NC204"]
    assert "64-65" in g.message and g.suggestion is None  # the birthday decides: no single right age


def test_impossible_date_message() -> None:
    (f,) = [f for f in check("It opened on 29 February 2023.") if f.code == "NC202"]
    assert "2023 is not a leap year" in f.message and "28 days" in f.message


def test_quiet_on_bbc_news() -> None:
    """Real news must stay quiet: NC2xx findings on a quarter of the BBC training articles (2004-2005, no date)."""
    if not BBC.exists():
        pytest.skip(f"BBC corpus not found at {BBC}")
    with BBC.open(encoding="utf-8") as fh:
        rows = [r["text"] for i, r in enumerate(csv.DictReader(fh)) if i % 4 == 0]
    fired = [(f.code, f.message) for text in rows for f in check(text) if f.code.startswith("NC2")]
    # all checks together may warn once per 20 articles; the time checks take at most a quarter of that
    assert len(fired) <= len(rows) / 20 / 4, fired


@pytest.mark.parametrize("text", [
    "The Commission met in March this year to assess progress, five years on from their inception.",
    "He pointed out that it was 30 years since the sex discrimination act was passed.",
    "A team began a four-day tour to assess London's bid for the 2012 Games.",
    "The Mail said the money was earmarked for spending in 2010, 2011 and 2012.",
    "GM said it was expecting reduced losses in Europe in 2005.",
    "Heineken saw its profits drop and warned that earnings in 2005 may also slide.",
])
def test_quiet_on_news_sentences(text: str) -> None:
    """Sentences from real news that once drew a time finding under a publication date of mid-2004."""
    assert [f.message for f in check(text, published="2004-06") if f.code.startswith("NC2")] == []


@pytest.mark.parametrize("end", [". ", " "], ids=["sentences", "one_sentence"])
def test_time_checks_stay_linear(end: str) -> None:
    """Many dates, ages and elapsed times on one line: four times the text, at most five times the counted work."""
    from workcount import count_lines

    unit = ("Ukraine launched an offensive in August 2024, and nearly six months on it holds; the 58-year-old "
            "born in 1960 was there on Friday 3 February 2025" + end)

    def work(n: int) -> int:
        return count_lines(lambda text: check(text, published="2025-02-01", config={"select": ["NC2"]}), unit * n)

    work(1)
    small, large = work(100), work(400)
    assert large <= 5 * small, (small, large)


def test_elapsed_time_may_count_from_an_earlier_event() -> None:
    """'Two years on' counts from the war, not from the nearest date: quiet while some earlier date fits."""
    text = ("The war began in February 2023. Russia captured the town in October. "
            "Two years on, the front has barely moved.")
    assert [f for f in check(text, published="2025-02-01") if f.code == "NC203"] == []
    wrong = text.replace("Two years on", "Five years on")
    (f,) = [f for f in check(wrong, published="2025-02-01") if f.code == "NC203"]
    assert f.related[0].text == "October"  # the nearest is shown
