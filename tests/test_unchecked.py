"""What the checks found but could not check: counted with its reason (Analysis.unchecked), shown in --statistics and
in SARIF's run properties, never a finding (issue 15: a conversion no ECB rate can check is not a silent pass)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from numcheck.engine import analyse
from numcheck.report import FileResult, unchecked_counts

EXE = str(Path(sys.executable).with_name("numcheck"))


@pytest.mark.parametrize("text,published,reason", [
    # no ECB rate yet: the euro's rates start on 1999-01-04, the yuan's in 2005
    ("The farm was sold for 920 million yuan (50 million dollars).", "1997-04-01", "no ECB CNY/USD rate before 2005-04-01"),
    ("Profits reached 5.65bn euros ($7.4bn).", "1998-06-01", "no ECB EUR/USD rate before 1999-01-04"),
    # a currency the ECB does not publish
    ("Exports reached 20 billion dong ($1.3m).", "2005-06-01", "the ECB publishes no VND rate"),
    # a name several currencies share, with nothing to tell which
    ("It cost 5,000 rupees (110 dollars).", "2005-01-01", "'rupees' names several currencies"),
    ("The deal is worth 400m pesos (2bn dollars).", "2005-01-01", "'pesos' names several currencies"),
    ("It was sold for A$5m (3 million dollars).", "2005-01-01", "'dollars' names several currencies"),
])
def test_a_conversion_no_rate_can_check_is_counted_with_its_reason(text, published, reason) -> None:
    a = analyse(text, published=published)
    assert not [f for f in a.findings if f.code == "NC102"]
    assert [(u.code, u.reason) for u in a.unchecked] == [("NC102", reason)]
    u = a.unchecked[0]
    assert text[u.start:u.end] == u.text and u.name == "currency-conversion-mismatch"


def test_checked_conversions_and_ignored_checks_count_nothing() -> None:
    assert analyse("Profits reached 5.65bn euros ($7.4bn).", published="2005-02-21").unchecked == ()
    # bare "dollars" beside a non-dollar currency is read as US dollars, so it is checked
    assert analyse("It cost 5,000 yuan (640 dollars).", published="2006-06-01").unchecked == ()
    text = "It cost 5,000 rupees (110 dollars)."
    assert analyse(text, published="2005-01-01", config={"ignore": ["NC102"]}).unchecked == ()


def test_counts_group_by_code_and_reason() -> None:
    a = analyse("It cost 5,000 rupees (110 dollars) and 9,000 rupees (200 dollars).", published="2005-01-01")
    rows = unchecked_counts([FileResult("a.txt", "", (), (), a.unchecked)])
    assert rows == [{"code": "NC102", "name": "currency-conversion-mismatch",
                     "reason": "'rupees' names several currencies", "count": 2}]


def test_statistics_and_sarif_show_what_was_not_checked(tmp_path) -> None:
    (tmp_path / "a.txt").write_text("It cost 5,000 rupees (110 dollars).\n", encoding="utf-8")
    run = lambda *args: subprocess.run([EXE, "check", "a.txt", "--date", "2005-01-01", *args], cwd=tmp_path,  # noqa: E731
                                       capture_output=True, text=True, timeout=120)
    text = run("--statistics")
    assert text.returncode == 0 and "1  NC102  not checked: 'rupees' names several currencies" in text.stdout
    rows = json.loads(run("--statistics", "--format", "json").stdout)
    assert rows == [{"code": "NC102", "name": "currency-conversion-mismatch",
                     "reason": "'rupees' names several currencies", "count": 1}]
    sarif = json.loads(run("--format", "sarif").stdout)
    assert sarif["runs"][0]["results"] == []
    assert sarif["runs"][0]["properties"]["unchecked"] == rows
    plain = run()
    assert plain.returncode == 0 and "NC102" not in plain.stdout  # never a finding
