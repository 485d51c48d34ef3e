"""The case tables: every tests/cases/NCxxx.yaml 'fail' text must raise its code, every 'pass' text must not.

One YAML file per check code (as sqlfluff keeps them), run by one parametrised
test.  A file has ``code`` and lists ``pass`` and ``fail`` of cases; a case has
``text`` and may give:
  published    the publication date (YYYY, YYYY-MM or YYYY-MM-DD)
  rules        rule files or folders under the shipped rules/ (a string or a list: style/ap.yaml, examples)
  format       text, markdown or html (default: text)
  history      earlier reports stored in a fresh history store first: a list of {text, published}
  xfail        the reason, when a known bug hides the case (run as a strict xfail: the day it is fixed, it says so)
and a failing case may give:
  message      a fragment the finding's message must contain, or a list of them
  suggestion   the finding's exact suggestion (null: the finding must have none)
Every suggestion a failing case gets is applied (numcheck.fix) and the text
checked again: the code must not fire on the edited spans any more.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from numcheck import check
from numcheck.fix import apply_fixes
from numcheck.rules import shipped_dir

CASES = Path(__file__).resolve().parent / "cases"
KEYS = {"text", "published", "rules", "format", "history", "xfail", "message", "suggestion"}


def _cases():
    for path in sorted(CASES.glob("NC*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        code = data["code"]
        assert path.stem == code, f"{path.name} holds cases for {code}"
        for outcome in ("pass", "fail"):
            for i, case in enumerate(data.get(outcome) or []):
                assert set(case) <= KEYS, f"{path.name} {outcome}[{i}]: unknown keys {set(case) - KEYS}"
                marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if case.get("xfail") else []
                yield pytest.param(code, outcome, case, id=f"{code}-{outcome}-{i}", marks=marks)


def _check(case: dict[str, Any], text: str, code: str, tmp_path: Path) -> list:
    rules = case.get("rules")
    if isinstance(rules, str):
        rules = [rules]
    history = None
    if case.get("history"):
        from numcheck.history import History

        tmp_path.mkdir(parents=True, exist_ok=True)
        history = History(tmp_path / "history.db")
        for i, earlier in enumerate(case["history"]):
            history.add(earlier["text"], published=str(earlier["published"]), source=f"earlier-{i}")
    published = case.get("published")
    return check(text, published=str(published) if published is not None else None, format=case.get("format"),
                 rules=[shipped_dir() / r for r in rules] if rules else None, history=history,
                 config={"select": _select(code)})


def _select(code: str) -> list[str]:
    """The case's code alone; for NC9xx every code, since they report on the directives of the others."""
    return ["ALL"] if code.startswith("NC9") else [code]


@pytest.mark.parametrize("code,outcome,case", list(_cases()))
def test_case(code: str, outcome: str, case: dict, tmp_path: Path) -> None:
    mine = [f for f in _check(case, case["text"], code, tmp_path) if f.code == code]
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
        # the span is in the text (NC9xx directives may span nothing but their line), and related spans point into it
        assert case["text"][f.start:f.end].strip() or code.startswith("NC9")
        for r in f.related:
            assert r.start < 0 or case["text"][r.start:r.end] == r.text or code.startswith("NC4")
    _fixed_text_passes(code, case, mine, tmp_path)


def _fixed_text_passes(code: str, case: dict, mine: list, tmp_path: Path) -> None:
    """Applying every suggestion (safe and unsafe) leaves no finding of the code on the edited spans."""
    result = apply_fixes(case["text"], mine, unsafe=True)
    if not result.applied:
        return
    again = _check(case, result.text, code, tmp_path / "again")
    edited = result.new_spans()
    left = [f for f in again if f.code == code and any(f.start < b and a < f.end for a, b in edited)]
    assert not left, (result.text, [f.message for f in left])


def test_every_check_has_a_case_file() -> None:
    """Every code has a table with passing and failing cases, except NC900: no text makes a check crash."""
    from numcheck.checks import registry

    for chk in registry():
        path = CASES / f"{chk.code}.yaml"
        if chk.code == "NC900":
            assert not path.exists()
            continue
        assert path.exists(), f"{chk.code} has no case table"
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert data.get("pass") and data.get("fail"), f"{path.name} needs passing and failing cases"
