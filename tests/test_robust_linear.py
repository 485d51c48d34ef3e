"""No hang: every adversarial input family costs work linear in its size, and oversized input is refused.

Two measures, neither of which a busy machine can move (tests/workcount.py):

- counted work: the Python lines numcheck executes.  Each family's size is
  doubled three times from where the count passes COUNT_TARGET lines (or the
  text CHARS_CAP characters), and every doubling may at most MAX_RATIO (2.3x)
  the count: linear work doubles, quadratic work quadruples.  The count is
  exact, so small sizes are enough.
- CPU time, for what a line count cannot see (a regex backtracking inside one C
  call): from the size where one run takes CPU_BASE seconds of process time,
  8x the text must cost under CPU_RATIO (20x) the CPU time, best of three runs
  each (quadratic work costs 64x).

The families are in tests/linear_families.py; check() runs with every rule
pack loaded.  A single line is held to the same prose in lines: the counted
work of one long line may be at most LINE_RATIO times that of the same text
broken into lines (a cost per line length, such as quoting the whole line,
would show).  The wall-clock figures (every family's sizes, times and ratios,
the 10 MB single line) are printed by bench/linear_growth.py.
"""
from __future__ import annotations

import os
from typing import Callable

import pytest

from linear_families import ARTICLE, FAMILIES, MARKDOWN, PLAIN, SENTENCE, check_all_rules, extract_claims, prose_of, repeat_to
from workcount import Family, NotLinear, count_growth, count_lines, cpu_growth

LINE_RATIO = 1.5      # one long line against the same text in lines

# known failures: (family name -> reason)
XFAIL: dict[str, str] = {}
# families whose CPU time says nothing about numcheck: (family name -> why); their lines are still counted
NOT_TIMED: dict[str, str] = {
    "size_limit_wide_chars": "one str.encode call, whose cost per byte doubles as the text outgrows each cache "
                             "(8x the text measured 13-18x the time at every size tried, 12 kB to 25 MB)",
}


def _params(skip: dict[str, str] | None = None):
    for fam in FAMILIES:
        if skip and fam.name in skip:
            continue
        marks = [pytest.mark.xfail(strict=True, raises=NotLinear, reason=XFAIL[fam.name])] if fam.name in XFAIL else []
        yield pytest.param(fam, id=fam.name, marks=marks)


@pytest.mark.parametrize("fam", list(_params()))
def test_counted_work_grows_linearly(fam: Family) -> None:
    count_growth(fam)


@pytest.mark.parametrize("fam", list(_params(skip=NOT_TIMED)))
def test_cpu_time_grows_linearly(fam: Family) -> None:
    cpu_growth(fam)


def _pairs_in_python(s: str) -> None:
    """Quadratic work in numcheck's frames: a numcheck function called for every pair of words."""
    from numcheck.limits import max_bytes

    words = s.split()
    for _ in words:
        for _ in words:
            max_bytes(5)


def _rescan_in_c(s: str) -> None:
    """Quadratic work inside C calls: from every offset, a search to the end of the text (a line count sees n calls)."""
    for i in range(len(s)):
        s.find("b", i)


def test_the_measures_fail_quadratic_work() -> None:
    """Each measure fails a run that is quadratic where it looks: the tests above can fail."""
    with pytest.raises(NotLinear):
        count_growth(Family("pairs_in_python", lambda n: "x " * n, run=_pairs_in_python, fixed=(50, 100, 200, 400)))
    with pytest.raises(NotLinear):
        cpu_growth(Family("rescan_in_c", lambda n: "a" * n, run=_rescan_in_c, fixed=(20_000, 160_000)))
    assert count_lines(_rescan_in_c, "a" * 1000) == 0  # not numcheck's frames: not counted


# ---------------------------------------------------------------- check() with every rule pack


@pytest.mark.parametrize("lines", [True, False], ids=["in_lines", "one_line"])
def test_check_with_every_rule_pack_is_linear(lines: bool) -> None:
    """The example article repeated to 64 kB and 256 kB: 4x the text costs at most 5x the counted work of check().

    (With a sentence scan per claim, the rule check's cost was 6.9x in lines and 5.6x on one line.)
    """
    unit = ARTICLE.read_text(encoding="utf-8")
    if not lines:
        unit = unit.replace("\n", " ")  # one line, as the BBC corpus has it
    check_all_rules(unit)
    small = count_lines(check_all_rules, repeat_to(unit, 64_000))
    large = count_lines(check_all_rules, repeat_to(unit, 256_000))
    assert large <= 5 * small, f"4x the text cost {large / small:.2f}x the work ({small:,} -> {large:,} lines)"


# ---------------------------------------------------------------- one long line


@pytest.mark.parametrize("run,unit", [(extract_claims, PLAIN * 4 + SENTENCE), (prose_of("markdown"), MARKDOWN),
                                      (check_all_rules, PLAIN * 4 + SENTENCE)],
                         ids=["extract_prose", "prose_markdown", "check_prose"])
def test_one_long_line_costs_what_the_same_lines_cost(run: Callable[[str], None], unit: str) -> None:
    """64 kB on one line against the same prose in lines: no cost per line length (bench/linear_growth.py times 10 MB)."""
    run(unit)
    lined = count_lines(run, repeat_to(unit.rstrip() + "\n", 64_000))
    single = count_lines(run, repeat_to(unit, 64_000))
    assert single <= LINE_RATIO * lined, (single, lined)


# ---------------------------------------------------------------- the size limit


def test_size_limit_default_is_20_mb(monkeypatch):
    from numcheck.limits import DEFAULT_MAX_BYTES, InputTooLarge, check_size, max_bytes

    monkeypatch.delenv("NUMCHECK_MAX_BYTES", raising=False)
    assert max_bytes() == DEFAULT_MAX_BYTES == 20_000_000
    check_size("x" * 20_000_000)
    with pytest.raises(InputTooLarge) as info:
        check_size("x" * 20_000_001)
    assert isinstance(info.value, ValueError)
    msg = str(info.value)
    assert "\n" not in msg and "20 MB" in msg and "NUMCHECK_MAX_BYTES" in msg


def test_size_limit_counts_utf8_bytes_not_characters(monkeypatch):
    from numcheck.limits import InputTooLarge, check_size

    monkeypatch.delenv("NUMCHECK_MAX_BYTES", raising=False)
    check_size("€" * 33, limit=99)           # 99 bytes
    with pytest.raises(InputTooLarge):
        check_size("€" * 34, limit=100)      # 102 bytes in 34 characters
    check_size(b"x" * 100, limit=100)
    with pytest.raises(InputTooLarge):
        check_size(b"x" * 101, limit=100)
    check_size("\udcff" * 10, limit=30)      # a lone surrogate (surrogateescape) does not crash


@pytest.mark.parametrize("env,limit", [("1000", 1000), ("2k", 2000), ("3M", 3_000_000), ("1 GB", 1_000_000_000),
                                       ("0", None), ("none", None), ("off", None)])
def test_size_limit_env_override(monkeypatch, env, limit):
    from numcheck.limits import check_size, max_bytes

    monkeypatch.setenv("NUMCHECK_MAX_BYTES", env)
    assert max_bytes() == limit
    check_size("x" * min(limit or 10, 10_000))
    assert max_bytes(5) == 5  # an explicit argument beats the environment


def test_size_limit_env_override_refuses(monkeypatch):
    from numcheck.limits import InputTooLarge, check_size

    monkeypatch.setenv("NUMCHECK_MAX_BYTES", "1k")
    with pytest.raises(InputTooLarge, match="1 kB limit"):
        check_size("x" * 1001)


@pytest.mark.parametrize("bad", ["lots", "-5", "1.5M", "20 TB", "0x10"])
def test_size_limit_bad_env_is_a_clear_error(monkeypatch, bad):
    from numcheck.limits import check_size

    monkeypatch.setenv("NUMCHECK_MAX_BYTES", bad)
    with pytest.raises(ValueError, match="NUMCHECK_MAX_BYTES"):
        check_size("x")


def test_size_limit_check_is_cheap_far_under_the_limit(monkeypatch):
    """The common case (a news article) must not pay for encoding the text: bytes are counted only near the limit."""
    from numcheck import limits

    encoded: list[int] = []
    real = limits._utf8_len
    monkeypatch.setattr(limits, "_utf8_len", lambda text: encoded.append(len(text)) or real(text))
    monkeypatch.delenv("NUMCHECK_MAX_BYTES", raising=False)
    limits.check_size("é" * 1_000_000)      # 4 bytes a character could not reach 20 MB: nothing encoded
    limits.check_size("é" * 5_000_000)      # at most exactly 20 MB
    assert encoded == []
    limits.check_size("é" * 5_000_001)      # 4 bytes a character could pass the limit: now the bytes are counted
    assert encoded == [5_000_001]
    assert count_lines(limits.check_size, "é" * 1_000_000) == count_lines(limits.check_size, "é")


def test_extract_refuses_input_over_the_limit(monkeypatch):
    """Wired into extract() by the lead: over the limit -> InputTooLarge before any work."""
    from numcheck import extract
    from numcheck.limits import InputTooLarge

    monkeypatch.setenv("NUMCHECK_MAX_BYTES", "1000")
    extract("more than 10,000 troops " * 40)  # 960 bytes: read as usual
    with pytest.raises(InputTooLarge):
        extract("more than 10,000 troops " * 42)  # 1,008 bytes


def test_check_refuses_input_over_the_limit(monkeypatch):
    from numcheck import check
    from numcheck.limits import InputTooLarge

    monkeypatch.setenv("NUMCHECK_MAX_BYTES", "1000")
    with pytest.raises(InputTooLarge):
        check("more than 10,000 troops " * 42)


def test_cli_refuses_input_over_the_limit_with_one_line(tmp_path):
    import subprocess
    import sys
    from pathlib import Path

    exe = Path(sys.executable).with_name("numcheck")
    big = tmp_path / "dump.txt"
    big.write_text("more than 10,000 troops\n" * 1000, encoding="utf-8")
    env = {**os.environ, "NUMCHECK_MAX_BYTES": "1000"}
    for verb in ("extract", "check"):
        p = subprocess.run([str(exe), verb, str(big)], capture_output=True, text=True, env=env, timeout=60)
        assert p.returncode == 2, (verb, p.returncode, p.stderr)
        lines = [ln for ln in p.stderr.splitlines() if ln.strip()]
        assert len(lines) == 1 and "dump.txt" in lines[0] and "limit" in lines[0], (verb, p.stderr)
        assert "Traceback" not in p.stderr
