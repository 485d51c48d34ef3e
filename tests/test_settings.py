"""settings: config files found upward, every key, per-file ignores, CLI overrides, file:line errors."""
from __future__ import annotations

import re

from pathlib import Path

import pytest

from numcheck.settings import Settings, SettingsError, find_config, load, settings_for


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, "utf-8")
    return path


FULL = """
[project]
name = "newsroom"

[tool.numcheck]
rules = ["rules/local"]
select = ["NC1", "NC2"]
ignore = ["NC203"]
fail-on = "error"
date-format = "month-first"
history = "claims.db"
include = ["*.md"]
exclude = ["archive"]

[tool.numcheck.per-file-ignores]
"drafts/*.md" = ["NC1"]

[tool.numcheck.severity]
NC2 = "info"
NC201 = "error"
"""


def test_every_key_in_pyproject(tmp_path):
    cfg_file = write(tmp_path / "pyproject.toml", FULL)
    s = load(cfg_file)
    assert s.path == cfg_file and s.root == tmp_path.resolve()
    assert s.rules == (str(tmp_path.resolve() / "rules/local"),)
    assert s.select == ("NC1", "NC2") and s.ignore == ("NC203",)
    assert s.fail_on == "error" and s.dayfirst is False
    assert s.history == str(tmp_path.resolve() / "claims.db")
    assert s.include == ("*.md",) and s.exclude == ("archive",)
    assert s.severity == {"NC2": "info", "NC201": "error"}
    c = s.config_for(tmp_path / "story.md")
    assert c.enabled("NC101") and not c.enabled("NC203") and not c.enabled("NC501")
    assert c.fail_on == "error" and c.dayfirst is False
    c2 = s.config_for(tmp_path / "drafts" / "x.md")
    assert not c2.enabled("NC101") and c2.enabled("NC201")


def test_found_upward_and_numcheck_toml_wins(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.numcheck]\nselect = ['NC1']\n")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    assert find_config(deep / "x.md") == (tmp_path / "pyproject.toml").resolve()
    write(tmp_path / "a" / "numcheck.toml", "select = ['NC2']\n")
    assert find_config(deep / "x.md") == (tmp_path / "a" / "numcheck.toml").resolve()
    assert settings_for(deep / "x.md").select == ("NC2",)


def test_pyproject_without_table_is_passed_over(tmp_path):
    write(tmp_path / "pyproject.toml", "[tool.numcheck]\nfail-on = 'info'\n")
    write(tmp_path / "sub" / "pyproject.toml", "[project]\nname = 'x'\n")
    assert find_config(tmp_path / "sub" / "f.md") == (tmp_path / "pyproject.toml").resolve()


def test_numcheck_toml_may_use_the_tool_table(tmp_path):
    s = load(write(tmp_path / "numcheck.toml", "[tool.numcheck]\nignore = 'NC5'\n"))
    assert s.ignore == ("NC5",)


def test_underscore_keys_are_accepted(tmp_path):
    s = load(write(tmp_path / "numcheck.toml", "fail_on = 'info'\ndate_format = 'day-first'\n"))
    assert s.fail_on == "info" and s.dayfirst is True


def test_no_config_gives_defaults(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    s = settings_for(tmp_path / "x.md")
    if s.path is None:  # a config further up the real tree would be found, as it should
        assert s.select == ("ALL",) and s.fail_on == "warning" and s.dayfirst is True


@pytest.mark.parametrize("text, line, needle", [
    ("select = ['NC1']\nselct = ['NC2']\n", 2, "unknown key 'selct' (did you mean 'select'?)"),
    ("fail-on = 'loud'\n", 1, "fail-on must be one of error, warning, info"),
    ("\n\nselect = ['XX1']\n", 3, "unknown code 'XX1'"),
    ("select = ['NC1', 'NC999']\n", 1, "unknown code 'NC999' (did you mean"),
    ("ignore = ['elapsed-time-mismatch', 'NC2O3']\n", 1, "unknown code 'NC2O3' (did you mean NC203?)"),
    ("[severity]\nNC777 = 'error'\n", 2, "unknown code 'NC777'"),
    ("date-format = 'ymd'\n", 1, "date-format must be"),
    ("[severity]\nNC101 = 'fatal'\n", 2, "severity for NC101 must be one of"),
    ("rules = 5\n", 1, "rules must be a string or a list of strings"),
    ("[per-file-ignores]\n'a.md' = ['NC1']\n'b.md' = ['nope']\n", 3, "unknown code 'nope'"),
    ("select = [\n", 1, "invalid TOML"),
    ("history = ''\n", 1, "history must be a path"),
    ("docs-url = 'wiki/numcheck'\n", 1, "docs-url must be an absolute URL"),
])
def test_errors_are_one_line_with_file_and_line(tmp_path, text, line, needle):
    f = write(tmp_path / "numcheck.toml", text)
    with pytest.raises(SettingsError) as exc:
        load(f)
    msg = str(exc.value)
    assert "\n" not in msg
    assert re.match(rf"{re.escape(str(f))}:{line}:\d+: ", msg), msg  # file:line:col
    assert needle in msg


def test_error_line_inside_pyproject_table(tmp_path):
    f = write(tmp_path / "pyproject.toml", "[project]\nname='x'\n\n[tool.numcheck]\nselect = ['NC1']\nbogus = 1\n")
    with pytest.raises(SettingsError, match=r"pyproject.toml:6:\d+: unknown key 'bogus'"):
        load(f)


def test_cli_overrides_replace_and_ignore_extends(tmp_path):
    s = load(write(tmp_path / "numcheck.toml", "select=['NC1']\nignore=['NC101']\nfail-on='error'\nrules=['r']\n"))
    o = s.override(select=("NC2",), extend_ignore=("NC202",), fail_on="info", rules=("cli",), history=None, dayfirst=None)
    assert o.select == ("NC2",) and o.ignore == ("NC101", "NC202") and o.fail_on == "info"
    assert o.rules == ("cli",) and o.history is None and o.dayfirst is True
    assert s.override(select=None) is s


def test_walk_globs(tmp_path):
    s = Settings(root=tmp_path, include=("*.md",), exclude=("archive", "drafts/old/**"))
    assert s.included(tmp_path / "x" / "a.md") and not s.included(tmp_path / "a.txt")
    assert s.excluded(tmp_path / "archive") and s.excluded(tmp_path / "drafts" / "old" / "z.md")
    assert not s.excluded(tmp_path / "drafts" / "new.md")
