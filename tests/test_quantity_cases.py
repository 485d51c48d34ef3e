"""Case tables of the quantity reader (tests/cases/quantities/*.yaml), one file per stage or category, one test.

Each case gives an input (``in``) and every quantity claim it must give, in
order (``claims``; date claims are left out, ``claims: []`` means none).  A
claim lists only the fields it checks: any key of ``Claim.to_dict()``, plus
``head``, the singular head noun of the subject that scorers use as a count's
unit ("12,000 Corolla hatchbacks" -> "hatchback").  A value of the form
``[low, high]`` under ``value`` checks the interval (``value`` itself null).
``published`` sets the publication date; ``why`` is a note for the reader.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

import numcheck
from numcheck.text import head_noun

CASES_DIR = Path(__file__).parent / "cases" / "quantities"
KEYS = frozenset({"text", "start", "end", "kind", "value", "low", "high", "range", "qualifier", "change", "unit",
                  "canonical", "subject", "timex", "date_start", "date_end", "head"})


def load_cases() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for path in sorted(CASES_DIR.glob("*.yaml")):
        for case in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            out.append((path.stem, case))
    return out


CASES = load_cases()


def claim_fields(claim: Any) -> dict[str, Any]:
    d = claim.to_dict()
    d["head"] = head_noun(claim.subject)
    return d


def check_claim(got: dict[str, Any], want: dict[str, Any]) -> list[str]:
    problems = []
    for key, expected in want.items():
        if key not in KEYS:
            problems.append(f"unknown key {key!r} in the case")
            continue
        if key == "value" and isinstance(expected, list):
            pairs = [("value", None), ("low", expected[0]), ("high", expected[1])]
        else:
            pairs = [(key, expected)]
        for k, e in pairs:
            g = got[k]
            if isinstance(e, (int, float)) and not isinstance(e, bool) and isinstance(g, (int, float)):
                ok = g == pytest.approx(e, rel=1e-9)
            else:
                ok = g == e
            if not ok:
                problems.append(f"{k}: got {g!r}, want {e!r}")
    return problems


@pytest.mark.parametrize("table, case", CASES, ids=[f"{t}: {c['in'][:60]}" for t, c in CASES])
def test_quantity_case(table: str, case: dict[str, Any]) -> None:
    claims = [c for c in numcheck.extract(case["in"], published=case.get("published")) if c.kind != "date"]
    want = case["claims"]
    got = [claim_fields(c) for c in claims]
    summary = [(g["text"], g["kind"], g["value"] if g["value"] is not None else [g["low"], g["high"]], g["unit"]) for g in got]
    assert len(got) == len(want), f"{len(got)} claims, want {len(want)}: {summary}"
    problems = [f"claim {i} ({g['text']!r}): {p}" for i, (g, w) in enumerate(zip(got, want)) for p in check_claim(g, w)]
    assert not problems, "; ".join(problems)


def test_every_table_has_cases_and_every_case_says_what_it_wants() -> None:
    tables = {t for t, _ in CASES}
    assert tables, f"no case tables in {CASES_DIR}"
    for table, case in CASES:
        assert set(case) <= {"in", "claims", "published", "why"}, f"{table}: unknown keys in {case}"
        assert isinstance(case.get("claims"), list), f"{table}: {case['in']!r} has no claims list"
