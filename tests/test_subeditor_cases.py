"""What a sub-editor catches (tests/cases/subeditor.yaml): every wrong phrasing flagged on its wrong figure, every
clean counterpart and every 'quiet' sentence without an NC1xx-NC4xx finding.

A case the checks do not meet yet carries ``xfail`` (or ``clean_xfail``) with
the reason and runs as a strict xfail: when a fix makes it pass, the test fails
until the mark is removed.  The table itself is checked too: each kind has the
issue's phrasing (where the issue quotes one) and at least five others, each
wrong figure is in its text, and each clean counterpart differs from it.
"""
from __future__ import annotations

from pathlib import Path
from typing import Any, Iterator

import pytest
import yaml

from numcheck import check

TABLE = Path(__file__).resolve().parent / "cases" / "subeditor.yaml"
CHECKED = ("NC1", "NC2", "NC3", "NC4")  # a clean sentence has no arithmetic, time, rule or history finding
MIN_OTHERS = 5


def _table() -> dict[str, Any]:
    return yaml.safe_load(TABLE.read_text(encoding="utf-8"))


def _codes(group: dict[str, Any]) -> tuple[str, ...]:
    code = group["code"]
    return tuple(code) if isinstance(code, list) else (code,)


def _params() -> Iterator[Any]:
    for group in _table()["groups"]:
        for i, case in enumerate(group["cases"]):
            for side, mark in (("text", "xfail"), ("clean", "clean_xfail")):
                marks = [pytest.mark.xfail(strict=True, reason=case[mark])] if case.get(mark) else []
                yield pytest.param(group, case, side, id=f"{group['kind']}-{i}-{side}", marks=marks)


def _quiet() -> Iterator[Any]:
    for i, case in enumerate(_table()["quiet"]):
        marks = [pytest.mark.xfail(strict=True, reason=case["xfail"])] if case.get("xfail") else []
        yield pytest.param(case, id=f"quiet-{i}", marks=marks)


def _covers(f: Any, start: int, end: int) -> bool:
    return any(s < end and start < e for s, e in [(f.start, f.end), *((r.start, r.end) for r in f.related)])


@pytest.mark.parametrize("group,case,side", list(_params()))
def test_phrasing(group: dict[str, Any], case: dict[str, Any], side: str) -> None:
    text = case[side]
    findings = check(text, published=case.get("published"))
    if side == "clean":
        loud = [f"{f.code} {f.message}" for f in findings if f.code.startswith(CHECKED)]
        assert not loud, f"the clean sentence is flagged: {loud}"
        return
    start = text.index(case["span"])
    end = start + len(case["span"])
    codes = _codes(group)
    mine = [f for f in findings if f.code in codes]
    assert any(_covers(f, start, end) for f in mine), (
        f"no {'/'.join(codes)} on {case['span']!r}; findings: {[(f.code, f.message) for f in findings]}")


@pytest.mark.parametrize("case", list(_quiet()))
def test_quiet(case: dict[str, Any]) -> None:
    loud = [f"{f.code} {f.message}" for f in check(case["text"], published=case.get("published"))
            if f.code.startswith(CHECKED)]
    assert not loud, f"a right sentence is flagged: {loud}"


def test_table_shape() -> None:
    from numcheck.checks import registry

    known = {c.code for c in registry()}
    table = _table()
    issue_phrasings = 0
    for group in table["groups"]:
        cases = group["cases"]
        assert set(_codes(group)) <= known, group["kind"]
        issue = [c for c in cases if c.get("issue")]
        issue_phrasings += len(issue)
        assert len(cases) - len(issue) >= MIN_OTHERS, f"{group['kind']}: fewer than {MIN_OTHERS} other phrasings"
        for c in cases:
            assert c["span"] in c["text"], c["text"]
            assert c["clean"] != c["text"], c["text"]
            unknown = set(c) - {"text", "span", "clean", "published", "issue", "xfail", "clean_xfail"}
            assert not unknown, unknown
    assert issue_phrasings == 9, "the issue quotes nine phrasings"
    assert len(table["quiet"]) >= 10
