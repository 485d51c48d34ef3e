"""Bad configuration and rule files: one line naming file:line:col, exit 2, never a traceback; --debug shows it.

Each malformed file is given to the CLI in a subprocess, the way a newsroom
pipeline meets it: ``numcheck check --config FILE``, a numcheck.toml /
pyproject.toml found beside the checked file, ``numcheck check --rules FILE``
and ``numcheck rules validate FILE``.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

EXE = Path(sys.executable).with_name("numcheck")
ENV = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING",)}
ENV["NUMCHECK_NO_CACHE"] = "1"
LOCATION = re.compile(r"(?P<file>[^\s:][^:]*):(?P<line>\d+):(?P<col>\d+):")


def run(*args, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([str(EXE), *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=120, env=ENV)


def one_line_error(p: subprocess.CompletedProcess, name: str, want_line: int | None = None) -> re.Match:
    assert "Traceback" not in p.stderr, p.stderr
    assert p.returncode == 2, (p.returncode, p.stderr)
    lines = [ln for ln in p.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, p.stderr
    m = LOCATION.search(lines[0])
    assert m and Path(m.group("file")).name == name, f"no {name}:line:col in {lines[0]!r}"
    if want_line is not None:
        assert int(m.group("line")) == want_line, lines[0]
    return m


# ---------------------------------------------------------------- configuration files

TOML = [  # (content, line of the mistake)
    pytest.param('select = ["NC1"\n', 1, id="unclosed-array"),
    pytest.param('fail-on = "warning"\nselect = 5\n', 2, id="wrong-type"),
    pytest.param('\n\nbogus = 1\n', 3, id="unknown-key"),
    pytest.param('fail-on = "loud"\n', 1, id="bad-choice"),
    pytest.param('[severity]\nNC101 = "fatal"\n', 2, id="bad-severity"),
    pytest.param('a = = 1\n', 1, id="syntax"),
    pytest.param('select = ["NC1"]\nselect = ["NC2"]\n', 2, id="duplicate-key"),
    pytest.param('per-file-ignores = {"*.md" = 5}\n', 1, id="bad-per-file-ignores"),
    pytest.param('date-format = "sideways"\n', 1, id="bad-date-format"),
    pytest.param('select = ["NC1", 5]\n', 1, id="mixed-list"),
    pytest.param('\x00\x00\n', 1, id="nul-bytes"),
    pytest.param('select = "' + "x" * 100_000 + '\n', 1, id="huge-unterminated-string"),
]


@pytest.mark.parametrize("content,line", TOML)
@pytest.mark.parametrize("how", ["--config", "found-beside"])
def test_bad_config_is_one_line_with_location(tmp_path, content, line, how):
    (tmp_path / "a.txt").write_text("The road is 5 km long.\n")
    (tmp_path / "numcheck.toml").write_text(content, encoding="utf-8")
    args = ("check", "--config", "numcheck.toml", "a.txt") if how == "--config" else ("check", "a.txt")
    p = run(*args, cwd=tmp_path)
    assert "Traceback" not in p.stderr, p.stderr
    assert p.returncode == 2, p.stderr
    lines = [ln for ln in p.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and "numcheck.toml:" in lines[0], p.stderr
    assert re.search(rf"numcheck\.toml:{line}\b", lines[0]), f"want line {line}: {lines[0]}"


@pytest.mark.parametrize("content,line", TOML[:6])
def test_bad_config_names_the_column(tmp_path, content, line):
    (tmp_path / "a.txt").write_text("x\n")
    (tmp_path / "numcheck.toml").write_text(content, encoding="utf-8")
    one_line_error(run("check", "--config", "numcheck.toml", "a.txt", cwd=tmp_path), "numcheck.toml", line)


def test_bad_pyproject_table(tmp_path):
    (tmp_path / "a.txt").write_text("x\n")
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.numcheck]\nselect = ["NC1", 5]\n')
    p = run("check", "a.txt", cwd=tmp_path)
    assert "Traceback" not in p.stderr and p.returncode == 2, p.stderr
    lines = [ln for ln in p.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1 and re.search(r"pyproject\.toml:5\b", lines[0]), lines


@pytest.mark.parametrize("data", [b"\xff\xfe\x00x", b"select = [\"\xe9\"]\n"], ids=["utf16-ish", "latin-1"])
def test_config_not_utf8(tmp_path, data):
    (tmp_path / "a.txt").write_text("x\n")
    (tmp_path / "numcheck.toml").write_bytes(data)
    p = run("check", "a.txt", cwd=tmp_path)
    assert "Traceback" not in p.stderr and p.returncode == 2, p.stderr
    assert len([ln for ln in p.stderr.splitlines() if ln.strip()]) == 1


def test_config_that_is_a_directory_or_missing(tmp_path):
    (tmp_path / "a.txt").write_text("x\n")
    (tmp_path / "cfgdir").mkdir()
    for cfg in ("cfgdir", "missing.toml"):
        p = run("check", "--config", cfg, "a.txt", cwd=tmp_path)
        assert "Traceback" not in p.stderr and p.returncode == 2, (cfg, p.stderr)
        lines = [ln for ln in p.stderr.splitlines() if ln.strip()]
        assert len(lines) == 1 and cfg in lines[0], lines


def test_debug_shows_the_traceback_for_a_bad_config(tmp_path):
    (tmp_path / "a.txt").write_text("x\n")
    (tmp_path / "numcheck.toml").write_text("select = 5\n")
    p = subprocess.run([str(EXE), "--debug", "check", "a.txt"], capture_output=True, text=True, cwd=tmp_path,
                       timeout=120, env=ENV)
    assert p.returncode != 0
    assert "Traceback (most recent call last)" in p.stderr, p.stderr


# ---------------------------------------------------------------- rule files

RULES = [  # (content, line, col) of the mistake
    pytest.param("bounds:\n  - id: x\n    kind: count\n    min: [\n", 5, 1, id="unclosed-flow-list"),
    pytest.param("bounds:\n  - id: x\n    kind: cuont\n", 3, 11, id="unknown-kind"),
    pytest.param("bounds: 5\n", 1, 9, id="section-not-a-list"),
    pytest.param("\t- x", 1, 1, id="tab-indent"),
    pytest.param('!!python/object/apply:os.system ["echo pwned"]\n', 1, 1, id="python-tag"),
    pytest.param("events:\n  - id: e\n    date: 2024-02-30\n", 3, 11, id="impossible-date"),
    pytest.param("- 1\n- 2\n", 1, 1, id="top-level-list"),
    pytest.param("version: 99\n", 1, 10, id="unknown-version"),
    pytest.param("bogus:\n  - 1\n", 1, 1, id="unknown-section"),
    pytest.param("bounds:\n  - id: x\n    kind: count\n    min: ten\n", 4, 10, id="number-expected"),
    pytest.param("bounds:\n  - id: x\n    kind: count\n    min: 0\n  - id: x\n    kind: count\n    min: 1\n", 5, None,
                 id="duplicate-id"),
    pytest.param("bounds: " + "[" * 5000 + "]" * 5000 + "\n", 1, None, id="deep-nesting"),
    pytest.param("a: &a [*a]\n", 1, None, id="recursive-alias"),
    pytest.param("key: 'unterminated\n", 2, None, id="unterminated-quote"),
    pytest.param("\ufeffbounds: 5\n", 1, 9, id="bom-is-not-a-column"),
]


@pytest.mark.parametrize("content,line,col", RULES)
def test_bad_rule_file_is_one_line_with_file_line_col(tmp_path, content, line, col):
    (tmp_path / "a.txt").write_text("The road is 5 km long.\n")
    (tmp_path / "bad.yaml").write_text(content, encoding="utf-8")
    m = one_line_error(run("check", "--rules", "bad.yaml", "a.txt", cwd=tmp_path), "bad.yaml", line)
    if col is not None:
        assert int(m.group("col")) == col, m.group(0)


@pytest.mark.parametrize("content,line,col", RULES[:6])
def test_rules_validate_names_file_line_col_and_exits_2(tmp_path, content, line, col):
    (tmp_path / "bad.yaml").write_text(content, encoding="utf-8")
    p = run("rules", "validate", "bad.yaml", cwd=tmp_path)
    assert "Traceback" not in p.stderr + p.stdout
    assert p.returncode == 2
    out = p.stdout + p.stderr
    assert re.search(rf"bad\.yaml:{line}:\d+:", out), out


def _events_file(path: Path, anchored: bool) -> Path:
    """Ten events whose aliases are either nine plain words each or, anchored, each list nine copies of the last.

    Anchored, the aliases expand to 9**10 words (a "billion laughs"): a loader
    that expanded aliases would never finish.
    """
    out = ["events:"]
    for i in range(10):
        if anchored:
            items = ['"lol"'] * 9 if i == 0 else [f"*a{i - 1}"] * 9
            aliases = f"&a{i} [" + ",".join(items) + "]"
        else:
            aliases = "[" + ",".join(f'"lol{i}{k}"' for k in range(9)) + "]"
        out.append(f"  - id: e{i}\n    date: 2020-01-01\n    aliases: {aliases}")
    path.write_text("\n".join(out) + "\n")
    return path


def test_billion_laughs_rule_file_is_refused_quickly(tmp_path, monkeypatch):
    """The anchored file costs the loader no more counted work than the same file with plain lists, then one error."""
    from workcount import count_lines

    from numcheck.rules import RuleError, load_rules

    def load(path: Path) -> None:
        try:
            load_rules(path, core=False)
        except RuleError:
            pass

    monkeypatch.setenv("NUMCHECK_NO_CACHE", "1")
    load(_events_file(tmp_path / "warm.yaml", anchored=False))  # imports and the YAML loader, read once
    plain = count_lines(load, _events_file(tmp_path / "plain.yaml", anchored=False))
    laughs = count_lines(load, _events_file(tmp_path / "laughs.yaml", anchored=True))
    assert laughs <= 2 * plain, f"alias expansion is not bounded: {laughs:,} lines against {plain:,}"

    (tmp_path / "a.txt").write_text("x\n")
    p = run("check", "--rules", "laughs.yaml", "a.txt", cwd=tmp_path)
    assert "Traceback" not in p.stderr
    assert p.returncode in (0, 2)
    if p.returncode == 2:
        one_line_error(p, "laughs.yaml")


@pytest.mark.parametrize("data", [b"\xff\xfe\x00b\x00", b"\x00" * 20, b"bounds:\n  - id: caf\xe9\n"],
                         ids=["utf16-bytes", "nul", "latin-1"])
def test_rule_file_bytes_that_are_not_utf8(tmp_path, data):
    (tmp_path / "a.txt").write_text("x\n")
    (tmp_path / "bad.yaml").write_bytes(data)
    one_line_error(run("check", "--rules", "bad.yaml", "a.txt", cwd=tmp_path), "bad.yaml")


def test_rules_directory_with_one_bad_file_names_that_file(tmp_path):
    d = tmp_path / "rules"
    d.mkdir()
    (d / "good.yaml").write_text("version: 1\n")
    (d / "worse.yaml").write_text("bounds:\n  - id: x\n    kind: cuont\n")
    (tmp_path / "a.txt").write_text("x\n")
    one_line_error(run("check", "--rules", "rules", "a.txt", cwd=tmp_path), "worse.yaml", 3)


def test_debug_shows_the_traceback_for_a_bad_rule_file(tmp_path):
    (tmp_path / "a.txt").write_text("x\n")
    (tmp_path / "bad.yaml").write_text("bounds: 5\n")
    p = subprocess.run([str(EXE), "--debug", "check", "--rules", "bad.yaml", "a.txt"], capture_output=True, text=True,
                       cwd=tmp_path, timeout=120, env=ENV)
    assert p.returncode != 0
    assert "Traceback (most recent call last)" in p.stderr and "bad.yaml:1:9" in p.stderr, p.stderr
