"""The checks as a registry: one module per check in its family folder, and the NC1xx family governed by Config."""
from __future__ import annotations

import importlib
import inspect
import pkgutil
import re

import pytest

from numcheck import check
from numcheck.checks import FAMILIES, Check, family, registry


def test_one_check_per_module_named_after_its_code() -> None:
    """Every checks/<family>/ncNNN.py holds exactly one Check class, whose code is NCNNN; every check lives in one."""
    seen = []
    for name in FAMILIES:
        package = importlib.import_module(f"numcheck.checks.{name}")
        for info in pkgutil.iter_modules(package.__path__):
            module = importlib.import_module(f"{package.__name__}.{info.name}")
            classes = [c for _, c in inspect.getmembers(module, inspect.isclass)
                       if issubclass(c, Check) and c.__module__ == module.__name__ and c.code]
            if not re.fullmatch(r"nc\d{3}", info.name):
                assert not classes, f"{module.__name__} holds checks but is not named after a code"
                continue
            assert len(classes) == 1, f"{module.__name__} holds {len(classes)} checks"
            assert module.CHECK.code == info.name.upper() and type(module.CHECK) is classes[0]
            seen.append(module.CHECK.code)
    assert sorted(seen) == [c.code for c in registry()]
    assert len({c.name for c in registry()}) == len(registry())
    assert [c.code for c in family("time")] == ["NC201", "NC202", "NC203", "NC204", "NC205", "NC206"]
    with pytest.raises(KeyError):
        family("granularity")

NC1 = [c for c in registry() if c.code.startswith("NC1")]


def test_family_is_registered() -> None:
    codes = [c.code for c in NC1]
    assert codes == sorted(codes) and len(codes) == len(set(codes)) >= 11
    assert len({c.name for c in NC1}) == len(NC1)


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
