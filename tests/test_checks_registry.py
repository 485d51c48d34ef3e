"""The NC1xx checks as a family: registered, documented with examples that behave, and governed by Config."""
from __future__ import annotations

import re

import pytest

from numcheck import check
from numcheck.checks import registry

NC1 = [c for c in registry() if c.code.startswith("NC1")]


def test_family_is_registered() -> None:
    codes = [c.code for c in NC1]
    assert codes == sorted(codes) and len(codes) == len(set(codes)) >= 11
    assert len({c.name for c in NC1}) == len(NC1)


@pytest.mark.parametrize("chk", NC1, ids=lambda c: c.code)
def test_docstring_examples_behave(chk) -> None:
    doc = chk.__class__.__doc__ or ""
    assert chk.severity in ("error", "warning", "info")
    bad = re.search(r"Anti-pattern:\s*(.+)", doc)
    good = re.search(r"Best practice:\s*(.+)", doc)
    assert bad and good, f"{chk.code} docstring needs an Anti-pattern and a Best practice"

    def run(example: str):
        m = re.match(r"\(published ([\d-]+)\)\s*(.*)", example.strip())
        pub, text = (m.group(1), m.group(2)) if m else (None, example.strip())
        text = text.replace(" ... ", " Officials spoke. ")
        return [f.code for f in check(text, published=pub, config={"select": [chk.code]})]

    assert chk.code in run(bad.group(1)), f"{chk.code}: the anti-pattern does not fire"
    assert chk.code not in run(good.group(1)), f"{chk.code}: the best practice fires"


TEXT = "Unemployment rose 2% from 5% to 7%. Profits rose 25% from £187m to £210m. The road is 1,000km (900 miles) long."


def test_select_ignore_and_severity_apply_to_nc1() -> None:
    codes = {f.code for f in check(TEXT)}
    assert {"NC101", "NC106", "NC108"} <= codes
    # NC106 and NC108 share one reading of the clause, yet each obeys select/ignore alone
    assert {f.code for f in check(TEXT, config={"ignore": ["NC108"]})} >= {"NC101", "NC106"}
    assert "NC108" not in {f.code for f in check(TEXT, config={"ignore": ["NC108"]})}
    assert {f.code for f in check(TEXT, config={"select": ["NC108"]})} == {"NC108"}
    assert not {f.code for f in check(TEXT, config={"ignore": ["NC1"]})} & {"NC101", "NC106", "NC108"}
    sev = {f.code: f.severity for f in check(TEXT, config={"severity": {"NC10": "info"}})}
    assert sev["NC101"] == "info" and sev["NC108"] == "info"


def test_findings_carry_arithmetic_and_evidence() -> None:
    text = "Profits reached 5.65bn euros ($11.8bn)."
    f = next(f for f in check(text, published="2005-02-21") if f.code == "NC102")
    assert "about $7.35bn" in f.message and "$11.8bn" in f.message and "+6" in f.message and f.suggestion == "$7.4bn"
    assert f.evidence["from"] == "EUR" and f.evidence["to"] == "USD" and "ECB" in f.evidence["rate"]
    assert f.related and f.related[0].text == "5.65bn euros"
    assert text[f.start:f.end] == "$11.8bn" and (f.line, f.col) == (1, text.index("$") + 1)
