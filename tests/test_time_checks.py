"""NC2xx temporal checks: messages, suggestions and quietness on news (the pass/fail cases are in tests/cases/NC2xx.yaml)."""
from __future__ import annotations

import csv
from pathlib import Path

import pytest

from numcheck.engine import check

KURSK = Path(__file__).resolve().parents[1] / "examples" / "kursk-2025-02-01.txt"
BBC = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "bbc" / "bbc_train.csv"


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
