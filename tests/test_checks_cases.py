"""The NC1xx case tables: every tests/cases/NC1xx.yaml 'fail' text must raise its code, every 'pass' text must not.

One YAML file per check code (as sqlfluff keeps them), run by one parametrised
test.  A case may give ``published`` (YYYY, YYYY-MM or YYYY-MM-DD), ``xfail``
with the reason when a known extractor bug (notes/extract-bugs.md) hides it,
and for a failing case:
  message      a fragment the finding's message must contain, or a list of them
  suggestion   the finding's exact suggestion (null: the finding must have none)
Every suggestion a failing case gets is applied (numcheck.fix) and the text
checked again: the code must not fire there any more.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from numcheck import check
from numcheck.fix import apply_fixes

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
    fragments = case.get("message", [])
    for fragment in [fragments] if isinstance(fragments, str) else fragments:
        assert any(fragment in f.message for f in mine), [f.message for f in mine]
    if "suggestion" in case:
        assert case["suggestion"] in [f.suggestion for f in mine], [(f.message, f.suggestion) for f in mine]
    for f in mine:
        # the span is a claim of the text, and related spans point into the text
        assert case["text"][f.start:f.end].strip()
        for r in f.related:
            assert case["text"][r.start:r.end] == r.text
    _fixed_text_passes(code, case, mine)


def _fixed_text_passes(code: str, case: dict, mine: list) -> None:
    """Applying every suggestion (safe and unsafe) leaves no finding of the code on the edited spans."""
    result = apply_fixes(case["text"], mine, unsafe=True)
    if not result.applied:
        return
    again = check(result.text, published=case.get("published"), config={"select": [code]})
    edited = result.new_spans()
    left = [f for f in again if f.code == code and any(f.start < b and a < f.end for a, b in edited)]
    assert not left, (result.text, [f.message for f in left])


def test_every_nc1_check_has_a_case_file() -> None:
    from numcheck.checks import registry

    codes = {c.code for c in registry() if c.code.startswith("NC1")}
    files = {p.stem for p in CASES.glob("NC1*.yaml")}
    assert codes <= files, f"checks without case tables: {sorted(codes - files)}"
