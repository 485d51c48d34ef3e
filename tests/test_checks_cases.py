"""The NC1xx case tables: every tests/cases/NC1xx.yaml 'fail' text must raise its code, every 'pass' text must not.

One YAML file per check code (as sqlfluff keeps them), run by one parametrised
test.  A case may give ``published`` (YYYY, YYYY-MM or YYYY-MM-DD), for a
failing case a ``message`` fragment the finding must contain, and ``xfail`` with
the reason when a known extractor bug (notes/extract-bugs.md) hides it.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from numcheck import check

CASES = Path(__file__).resolve().parent / "cases"


def _cases():
    for path in sorted(CASES.glob("NC1*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        code = data["code"]
        assert path.stem == code, f"{path.name} holds cases for {code}"
        for outcome in ("pass", "fail"):
            for i, case in enumerate(data.get(outcome) or []):
                # a known extractor bug runs as a strict xfail: the day it is fixed, the case says so
                marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if case.get("xfail") else []
                yield pytest.param(code, outcome, case, id=f"{code}-{outcome}-{i}", marks=marks)


@pytest.mark.parametrize("code,outcome,case", list(_cases()))
def test_case(code: str, outcome: str, case: dict) -> None:
    findings = check(case["text"], published=case.get("published"), config={"select": [code]})
    mine = [f for f in findings if f.code == code]
    if outcome == "pass":
        assert not mine, f"{code} fired on a passing case: {[f.message for f in mine]}"
        return
    assert mine, f"{code} did not fire on: {case['text']}"
    if "message" in case:
        assert any(case["message"] in f.message for f in mine), [f.message for f in mine]
    for f in mine:
        # the span is a claim of the text, and related spans point into the text
        assert case["text"][f.start:f.end].strip()
        for r in f.related:
            assert case["text"][r.start:r.end] == r.text


def test_every_nc1_check_has_a_case_file() -> None:
    from numcheck.checks import registry

    codes = {c.code for c in registry() if c.code.startswith("NC1")}
    files = {p.stem for p in CASES.glob("NC1*.yaml")}
    assert codes <= files, f"checks without case tables: {sorted(codes - files)}"
