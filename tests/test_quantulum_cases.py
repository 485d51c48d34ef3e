"""Scores numcheck's extractor on quantulum3's own English test file (quantities.json).

The file ships with quantulum3 (``quantulum3/_lang/en_US/tests/quantities.json``;
located through importlib, so it follows whichever quantulum3 is installed).
Each case is a sentence ("req") and the quantities quantulum3 expects ("res":
surface, value, unit name, and for ranges an uncertainty around the midpoint).
Target (issue 2): >= 95% of cases right.

Scoring rules
-------------
* A case is right when every expected quantity is found: some numcheck claim,
  used for no other expected quantity, overlaps the surface and reads the same
  value in the same unit (relative tolerance 1e-6).
* quantulum's unit names map to numcheck units through
  tests/unit_maps/quantulum.tsv (metre -> meter, pound sterling -> GBP,
  dimensionless -> a count/fraction with unit "" whatever its subject,
  "a dozen" -> a count of 12, ...).  Any unit spelling pint resolves to the
  same unit counts (``milliliter`` == cubic centimetre).
* Ranges, which quantulum states as a midpoint and an uncertainty, match a
  claim whose point (midpoint of low/high) is the midpoint, or whose low/high
  are the midpoint -/+ the uncertainty.
* A four-digit dimensionless number (a year, "in 1979") also matches a date
  claim whose TIMEX3 starts with it: numcheck's contract makes the years inside
  dates date claims, which quantulum has no notion of.
* A duration claim also reads as the number and unit of its TIMEX3.

The asserted share is the rule above.  Quantulum's own test compares the whole
list, so the report also gives a strict share where any extra non-date claim
outside the expected surfaces makes the case wrong, and lists those extras --
the strict share is not asserted because the file leaves some real quantities
unlabelled (e.g. "at least several hundred years").  Cases judged wrongly
labelled are in tests/known_exceptions/quantulum.tsv, each with a reason.

Failures go to /tmp/numcheck-score/quantities.json.txt (and .json).
The targets are hard assertions.
"""
from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path
from typing import Any

import pytest

from scoring import (
    TESTS,
    Case,
    Expected,
    FileScore,
    Target,
    announce,
    apply_exceptions,
    load_known_exceptions,
    numcheck_extract,
    read_tsv,
    run_case,
    write_report,
)

NAME = "quantities.json"
TARGET = 0.95
EXCEPTIONS = TESTS / "known_exceptions" / "quantulum.tsv"
UNIT_MAP = TESTS / "unit_maps" / "quantulum.tsv"


def quantities_file() -> Path | None:
    """quantulum3's en_US tests/quantities.json, wherever quantulum3 is installed."""
    spec = importlib.util.find_spec("quantulum3")
    if spec is None or not spec.submodule_search_locations:
        return None
    for root in spec.submodule_search_locations:
        path = Path(root) / "_lang" / "en_US" / "tests" / "quantities.json"
        if path.is_file():
            return path
    return None


QFILE = quantities_file()
pytestmark = pytest.mark.skipif(QFILE is None, reason="quantulum3's tests/quantities.json not installed")


def unit_table() -> dict[str, tuple[frozenset[str], float, frozenset[str] | None]]:
    """quantulum unit -> (accepted numcheck units, factor, accepted kinds or None)."""
    table = {}
    for row in read_tsv(UNIT_MAP):
        units = frozenset("" if u == "-" else u for u in row["units"].split("|"))
        kinds = None if row["kinds"] == "*" else frozenset(row["kinds"].split("|"))
        table[row["unit"]] = (units, float(row["factor"]), kinds)
    return table


def find_surface(text: str, surface: str, start_from: int) -> int:
    """Where ``surface`` occurs, preferring whole-token matches at or after ``start_from``."""
    pattern = re.escape(surface)
    if surface[:1].isalnum():
        pattern = r"(?<![\w.])" + pattern
    if surface[-1:].isalnum():
        pattern += r"(?![\w])"
    for origin in (start_from, 0):
        m = re.compile(pattern).search(text, origin)
        if m:
            return m.start()
        found = text.find(surface, origin)
        if found >= 0:
            return found
    raise ValueError(f"surface {surface!r} not in {text!r}")


def expected_for(text: str, res: dict[str, Any], start: int,
                 table: dict[str, tuple[frozenset[str], float, frozenset[str] | None]]) -> Expected:
    """One quantulum result as an Expected quantity with all its acceptable readings."""
    unit = res["unit"]
    if unit not in table:
        raise KeyError(f"no mapping for quantulum unit {unit!r}: add it to {UNIT_MAP.name}")
    units, factor, kinds = table[unit]
    value = float(res["value"]) * factor
    targets = [Target(value=value, units=units, kinds=kinds)]
    spread = res.get("uncertainty")
    if spread:
        spread = float(spread) * factor
        targets.append(Target(mode="interval", low=value - spread, high=value + spread, units=units, kinds=kinds))
    if unit == "dimensionless" and value.is_integer() and 1000 <= value <= 2999:
        targets.append(Target(mode="year", value=value))
    surface = res["surface"]
    return Expected(surface, start, start + len(surface), tuple(targets))


def load_cases() -> list[Case]:
    assert QFILE is not None
    table = unit_table()
    data = json.loads(QFILE.read_text(encoding="utf-8"))
    cases = []
    for i, item in enumerate(data):
        text = item["req"]
        expected = []
        cursor = 0
        for res in item["res"]:
            start = find_surface(text, res["surface"], cursor)
            cursor = start + 1
            expected.append(expected_for(text, res, start, table))
        cases.append(Case(NAME, i, text, tuple(expected)))
    return cases


def not_a_date(claim: Any) -> bool:
    return claim.kind != "date"


def score() -> FileScore:
    cases = load_cases()
    kept, excluded = apply_exceptions(cases, [ex for ex in load_known_exceptions(EXCEPTIONS) if ex.file == NAME])
    extract = numcheck_extract()
    return FileScore(NAME, [run_case(case, extract, not_a_date) for case in kept], excluded)


def test_quantulum_score(request: pytest.FixtureRequest) -> None:
    result = score()
    share = result.lenient / max(result.total, 1)
    line = (
        f"{NAME}: total {result.total}, right {result.lenient}, share {share:.1%} (asserted); "
        f"strict (no extra non-date claims): {result.right}/{result.total} = {result.share:.1%}; "
        f"known exceptions excluded: {len(result.excluded)} cases"
    )
    report = write_report(result, [line, "    (cases listed below include those failing only the strict rule)"])
    announce(request, line + f"; failures in {report}")
    assert share >= TARGET, f"{NAME}: {result.lenient}/{result.total} = {share:.1%} < {TARGET:.0%} (see {report})"


def test_every_quantulum_unit_is_mapped() -> None:
    load_cases()  # raises KeyError naming the missing unit


def test_surfaces_are_located() -> None:
    for case in load_cases():
        for exp in case.expected:
            assert case.input[exp.start:exp.end] == exp.text


def test_known_exceptions_are_few_and_reasoned() -> None:
    rows = load_known_exceptions(EXCEPTIONS)
    assert len(rows) <= 8 and all(len(r.reason) > 20 for r in rows)
    apply_exceptions(load_cases(), rows)  # stale rows raise
