"""The bundled example article, claim by claim, against the contract in design.md.

examples/kursk-2025-02-01.txt opens with a "date 2025-02-01" marker (the
publication date, read by numcheck.pubdate) and then the prose.  design.md
lists what the prose states; each entry below asserts it exactly, and the set
of claim texts in the prose must equal the expected set -- nothing else is a
quantity ("a key" is not 1000 exayear, "the Second World War" is not 2).

Surfaces follow one convention: a claim's text is the quantity phrase with its
qualifier ("more than 10,000", "nearly six months") and without the counted
thing or a leading preposition ("August", not "in August").

Beyond design.md's brief list, "several North Korean soldiers" is expected: the
issue requires vague amounts ("several", "a few", "dozens") to be read as
intervals, and this is one.  Its bounds are numcheck's vocabulary choice, so
only their shape is asserted.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import pytest

from numcheck.model import CLAIM_KEYS

ARTICLE = Path(__file__).resolve().parents[1] / "examples" / "kursk-2025-02-01.txt"

EXPECTED_TEXTS = {
    "more than 10,000", "August", "dozens", "nearly six months", "several", "Friday",
    "three-year", "around 2,000", "1,000-kilometre", "2022",
}


@pytest.fixture(scope="module")
def text() -> str:
    if not ARTICLE.is_file():
        pytest.skip(f"example article missing: {ARTICLE}")
    return ARTICLE.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def body_start(text: str) -> int:
    """Offset of the prose: after the leading "date YYYY-MM-DD" marker."""
    m = re.match(r"\s*date 2025-02-01\b", text)
    assert m, "the article should open with its publication date marker"
    return m.end()


@pytest.fixture(scope="module")
def claims(text: str) -> list[Any]:
    from numcheck.extract import extract

    return extract(text)


@pytest.fixture(scope="module")
def prose_claims(claims: list[Any], body_start: int) -> list[Any]:
    return [c for c in claims if c.start >= body_start]


def only(prose_claims: list[Any], surface: str) -> Any:
    found = [c for c in prose_claims if c.text == surface]
    assert len(found) == 1, f"want one claim {surface!r}, got {[c.to_dict() for c in found]}"
    return found[0]


def test_the_set_of_claims_is_exactly_the_expected_one(prose_claims: list[Any]) -> None:
    assert {c.text for c in prose_claims} == EXPECTED_TEXTS


def test_spans_and_contract_keys(text: str, claims: list[Any]) -> None:
    for c in claims:
        assert text[c.start:c.end] == c.text
        assert tuple(c.to_dict()) == CLAIM_KEYS


def test_more_than_10000_troops(prose_claims: list[Any]) -> None:
    c = only(prose_claims, "more than 10,000")
    assert (c.kind, c.value, c.low, c.high, c.qualifier) == ("count", 10000, 10000, None, ">")
    assert (c.unit, c.subject, c.range, c.change) == ("", "troops", False, None)
    assert c.timex is None and c.date_start is None


def test_around_2000_russian_civilians(prose_claims: list[Any]) -> None:
    c = only(prose_claims, "around 2,000")
    assert (c.kind, c.value, c.qualifier, c.unit, c.subject) == ("count", 2000, "~", "", "Russian civilians")
    assert c.low is not None and c.high is not None and c.low <= 2000 <= c.high
    assert c.range is False


def test_1000_kilometre_front(prose_claims: list[Any]) -> None:
    c = only(prose_claims, "1,000-kilometre")
    assert (c.kind, c.value, c.unit, c.subject, c.qualifier) == ("measure", 1000, "kilometer", "front", "=")
    assert c.canonical is not None and c.canonical.to_dict() == {"value": 1_000_000.0, "unit": "meter"}


def test_three_year_conflict(prose_claims: list[Any]) -> None:
    c = only(prose_claims, "three-year")
    assert (c.kind, c.timex, c.value, c.unit, c.qualifier) == ("duration", "P3Y", 3, "year", "=")


def test_nearly_six_months_on(prose_claims: list[Any]) -> None:
    c = only(prose_claims, "nearly six months")
    assert (c.kind, c.timex, c.value, c.unit, c.qualifier) == ("duration", "P6M", 6, "month", "<")
    assert c.high == 6 and (c.low is None or c.low < 6)


def test_in_august(prose_claims: list[Any]) -> None:
    c = only(prose_claims, "August")
    assert (c.kind, c.timex, c.date_start, c.date_end) == ("date", "2024-08", "2024-08-01", "2024-08-31")
    assert c.value is None and c.canonical is None


def test_on_friday_twice(prose_claims: list[Any]) -> None:
    fridays = [c for c in prose_claims if c.text == "Friday"]
    assert len(fridays) == 2
    for c in fridays:
        assert (c.kind, c.timex, c.date_start, c.date_end) == ("date", "2025-01-31", "2025-01-31", "2025-01-31")


def test_in_2022(prose_claims: list[Any]) -> None:
    c = only(prose_claims, "2022")
    assert (c.kind, c.timex, c.date_start, c.date_end) == ("date", "2022", "2022-01-01", "2022-12-31")


def test_dozens_of_border_settlements(prose_claims: list[Any]) -> None:
    c = only(prose_claims, "dozens")
    assert (c.kind, c.low, c.high, c.unit, c.subject) == ("count", 24, 99, "", "border settlements")


def test_several_north_korean_soldiers(prose_claims: list[Any]) -> None:
    c = only(prose_claims, "several")
    assert (c.kind, c.unit, c.subject) == ("count", "", "North Korean soldiers")
    assert c.low is not None and c.high is not None and 2 <= c.low < c.high


@pytest.mark.parametrize("phrase", ["the Second World War", "a key bargaining", "a key logistics", "the key hub",
                                    "North Korean prisoners of war", "Kursk region"])
def test_not_quantities(text: str, prose_claims: list[Any], phrase: str) -> None:
    start = text.index(phrase)
    end = start + len(phrase)
    assert not [c.to_dict() for c in prose_claims if c.start < end and start < c.end]


def test_header_date_if_claimed_is_the_publication_date(claims: list[Any], body_start: int) -> None:
    for c in claims:
        if c.start < body_start:
            assert (c.kind, c.timex) == ("date", "2025-02-01")


def test_explicit_publication_date_gives_the_same_claims(text: str, claims: list[Any]) -> None:
    from numcheck.extract import extract

    assert [c.to_dict() for c in extract(text, published="2025-02-01")] == [c.to_dict() for c in claims]
