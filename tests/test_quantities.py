"""Data-driven extractor cases (tests/cases/extract.yaml): one feature of numcheck.extract per line."""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

import numcheck

CASES = yaml.safe_load((Path(__file__).parent / "cases" / "extract.yaml").read_text(encoding="utf-8"))


@pytest.mark.parametrize("case", CASES, ids=[c["in"] for c in CASES])
def test_extract_case(case: dict) -> None:
    claims = [c for c in numcheck.extract(case["in"]) if c.kind != "date"]
    if case.get("none"):
        assert claims == [], f"expected no quantity, got {[c.text for c in claims]}"
        return
    assert claims, "no claim"
    claim = claims[0].to_dict()
    for key, want in case.items():
        if key == "in":
            continue
        got = claim[key]
        if isinstance(want, (int, float)) and not isinstance(want, bool) and got is not None:
            assert got == pytest.approx(want, rel=1e-9), f"{key}: {got!r} != {want!r}"
        else:
            assert got == want, f"{key}: {got!r} != {want!r} in {claim}"


@pytest.mark.parametrize("text,figures", [
    ("The 622 seats are divided as follows: CDU/CSU 239, SPD 146, FDP 93, the Left 76 and the Greens 68.",
     ["622", "239", "146", "93", "76", "68"]),
    ("Labour won 355 of the 646 seats in the House of Commons, the Conservatives 198 and the Liberal Democrats 62.",
     ["355", "646", "198", "62"]),
    ("The Socialists won 169 seats in the 350-member Congress, the Popular Party 154.", ["169", "350", "154"]),
    ("He flew a Boeing 747 and an Airbus 320 to the Hot 100 awards.", []),
])
def test_a_tally_told_name_by_name_is_read(text: str, figures: list[str]) -> None:
    """A party's seats after its name, the verb left out, are counts; a model or a chart's name holds its figure."""
    assert [c.text for c in numcheck.extract(text) if c.kind == "count"] == figures


def test_a_listed_duration_stays_a_list() -> None:
    """"3 years, 2 months and 14 days" is three claims, each checkable; "5 years and 6 months" is one."""
    claims = numcheck.extract("He served 3 years, 2 months and 14 days.")
    assert [(c.text, c.timex) for c in claims] == [("3 years", "P3Y"), ("2 months", "P2M"), ("14 days", "P14D")]


def test_spans_point_into_the_input() -> None:
    for case in CASES:
        for c in numcheck.extract(case["in"]):
            assert case["in"][c.start:c.end] == c.text


@pytest.mark.parametrize("one, other", [
    ("winds of 190 kilometres (118 miles) per hour", "winds of 190 kilometres per hour"),
    ("a wage of $15 an hour", "a wage of $15/hour"),
    ("10 tonnes per hectare", "10,000 kg per square metre"),
])
def test_a_rate_has_one_base_however_it_is_read(one: str, other: str) -> None:
    """A rate read unit by unit ("kilometres (118 miles) per hour") has the base spelling of the same rate read whole:
    the history store looks claims up by it."""
    first, second = numcheck.extract(one)[0], numcheck.extract(other)[0]
    assert first.canonical is not None and second.canonical is not None
    assert first.canonical.unit == second.canonical.unit
