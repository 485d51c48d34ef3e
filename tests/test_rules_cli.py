"""``numcheck rules validate`` (exit 0 clean, 2 on any error, one line each) and ``numcheck rules list``."""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from numcheck.cli import main

REPO = Path(__file__).resolve().parents[1]
RULES = REPO / "rules"
BAD = Path(__file__).resolve().parent / "data" / "bad_rules"


@pytest.fixture(autouse=True)
def _private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("NUMCHECK_CACHE_DIR", str(tmp_path / "cache"))


def test_validate_shipped_rules(capsys):
    assert main(["rules", "validate", str(RULES)]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("ok: ") and err == ""


def test_validate_errors_exit_2_one_line_each(capsys):
    files = [str(BAD / "bad_unit.yaml"), str(BAD / "duplicate_id.yaml"), str(RULES / "core")]
    assert main(["rules", "validate", *files]) == 2
    out, err = capsys.readouterr()
    lines = err.strip().splitlines()
    assert out == ""
    assert any(l.endswith("bad_unit.yaml:7:11: facts field 'unit': unknown unit 'kilometrs' (hint: did you mean 'kilometer'?)") for l in lines), lines
    assert any("duplicate_id.yaml:7:9: duplicate event id 'invasion'" in l for l in lines)
    assert lines[-1] == "numcheck: 2 errors in rule files"


def test_validate_missing_file(capsys, tmp_path):
    assert main(["rules", "validate", str(tmp_path / "nope.yaml")]) == 2
    assert "no such rule file" in capsys.readouterr().err


def test_rules_without_verb_is_usage_error(capsys):
    assert main(["rules"]) == 2
    err = capsys.readouterr().err
    assert "validate" in err and len(err.strip().splitlines()) == 1


def test_list_shows_rules_and_sources(capsys):
    example = RULES / "examples" / "russia-ukraine-war.yaml"
    assert main(["rules", "list", str(example)]) == 0
    out = capsys.readouterr().out
    assert "files loaded" in out and "core/bounds.yaml" in out
    assert any(l.startswith("fact") and "nk-troops-kursk" in l and "russia-ukraine-war.yaml:" in l for l in out.splitlines())
    assert any(l.startswith("event") and "full-scale-invasion" in l and "2022-02-24" in l for l in out.splitlines())
    assert any(l.startswith("alias") and "soldiers" in l and "-> troops" in l and "core/aliases.yaml:" in l for l in out.splitlines())


def test_list_json(capsys):
    assert main(["rules", "list", "--format", "json", str(RULES / "style" / "ap.yaml")]) == 0
    data = json.loads(capsys.readouterr().out)
    kinds = {r["kind"] for r in data["rules"]}
    assert {"bound", "dimension", "alias", "style"} <= kinds
    assert data["files"][-1].endswith("ap.yaml")


def test_list_broken_file_exit_2(capsys):
    assert main(["rules", "list", str(BAD / "bad_date.yaml")]) == 2
    assert "bad_date.yaml:5:11" in capsys.readouterr().err
