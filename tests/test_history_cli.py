"""``numcheck history add|import|list|export``: one-line refusals, progress bar on a TTY, round trips."""
from __future__ import annotations

import io
import json
import sqlite3

import pandas as pd
import pytest

from numcheck.cli import main
from numcheck.cli.history import Progress

ARTICLE = ("date 2025-02-01\nPyongyang deployed more than 10,000 troops to support Russia's forces in Kursk.\n"
           "Ukraine says around 2,000 Russian civilians live in areas under its occupation.\n")


@pytest.fixture()
def article(tmp_path):
    p = tmp_path / "kursk.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    return p


def test_add_list_export(tmp_path, article, capsys):
    db = str(tmp_path / "h.db")
    assert main(["history", "add", str(article), "--db", db, "--source", "BBC"]) == 0
    assert "1 report(s) added" in capsys.readouterr().err
    assert main(["history", "add", str(article), "--db", db]) == 0
    assert "0 report(s) added, 1 already stored" in capsys.readouterr().err
    assert main(["history", "list", "--db", db]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].split() == ["id", "published", "n_claims", "source"]
    assert out[1].split()[1] == "2025-02-01" and out[1].split()[3] == "BBC"
    assert main(["history", "list", "--db", db, "--format", "json"]) == 0
    [rep] = json.loads(capsys.readouterr().out)
    assert rep["source"] == "BBC" and rep["n_claims"] >= 0
    assert main(["history", "export", "--db", db]) == 0
    rows = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    assert len(rows) == rep["n_claims"] and all(r["source"] == "BBC" for r in rows)
    out_csv = tmp_path / "claims.csv"
    assert main(["history", "export", "--db", db, "-o", str(out_csv)]) == 0
    assert len(pd.read_csv(out_csv)) == rep["n_claims"]


def test_add_with_date_overrides_the_text(tmp_path, article, capsys):
    db = str(tmp_path / "h.db")
    assert main(["history", "add", str(article), "--db", db, "--date", "2025-03"]) == 0
    main(["history", "list", "--db", db, "--format", "json"])
    assert json.loads(capsys.readouterr().out)[0]["published"] == "2025-03-01"
    assert main(["history", "add", str(article), "--db", db, "--date", "March"]) == 2
    assert "bad publication date" in capsys.readouterr().err


@pytest.mark.parametrize("fmt", ["csv", "jsonl", "parquet"])
def test_import_tables(tmp_path, fmt, capsys):
    df = pd.DataFrame({"body": [ARTICLE, "Kyiv said 50 drones were shot down.", ARTICLE],
                       "day": ["2025-02-01", "2025-02-02", "2025-02-01"], "outlet": ["BBC", "AP", "BBC"]})
    path = tmp_path / f"reports.{fmt}"
    {"csv": lambda: df.to_csv(path, index=False), "jsonl": lambda: df.to_json(path, orient="records", lines=True),
     "parquet": lambda: df.to_parquet(path)}[fmt]()
    db = str(tmp_path / "h.db")
    rc = main(["history", "import", str(path), "--db", db, "--text-col", "body", "--date-col", "day",
               "--source-col", "outlet"])
    assert rc == 0, capsys.readouterr().err
    assert "2 report(s) added from 3 row(s)" in capsys.readouterr().err
    conn = sqlite3.connect(db)
    assert sorted(conn.execute("SELECT source, published FROM reports")) == [("AP", "2025-02-02"), ("BBC", "2025-02-01")]


def test_import_refuses_bad_columns_and_files(tmp_path, capsys):
    path = tmp_path / "r.csv"
    pd.DataFrame({"text": ["x"]}).to_csv(path, index=False)
    db = str(tmp_path / "h.db")
    assert main(["history", "import", str(path), "--db", db, "--date-col", "when"]) == 2
    err = capsys.readouterr().err
    assert "no column 'when' for --date-col" in err and len(err.strip().splitlines()) == 1
    assert main(["history", "import", str(tmp_path / "none.csv"), "--db", db]) == 2
    assert "no such file" in capsys.readouterr().err
    assert main(["history", "import", str(tmp_path / "r.xlsx"), "--db", db]) == 2
    assert "unknown table format" in capsys.readouterr().err


@pytest.mark.parametrize("content", [b"hello, I am a text file\n", b"SQLite format 3\x00" + b"\x00" * 200])
def test_corrupt_store_is_one_line_exit_2(tmp_path, article, capsys, content):
    db = tmp_path / "bad.db"
    db.write_bytes(content)
    for argv in (["history", "add", str(article)], ["history", "list"], ["history", "export"]):
        assert main([*argv, "--db", str(db)]) == 2
        err = capsys.readouterr().err.strip()
        assert len(err.splitlines()) == 1 and "Traceback" not in err and "bad.db" in err


def test_missing_store_for_list_and_default_from_env(tmp_path, monkeypatch, article, capsys):
    assert main(["history", "list", "--db", str(tmp_path / "none.db")]) == 2
    assert "no such history store" in capsys.readouterr().err
    monkeypatch.setenv("NUMCHECK_HISTORY", str(tmp_path / "env.db"))
    assert main(["history", "add", str(article)]) == 0
    assert (tmp_path / "env.db").exists()


def test_no_subverb_is_a_usage_error(capsys):
    assert main(["history"]) == 2
    assert "add, import, list, export or plot" in capsys.readouterr().err


class _Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_bar_draws_only_on_a_terminal():
    tty = _Tty()
    bar = Progress("importing", stream=tty)
    for i in range(1, 6):
        bar(i, 5)
    out = tty.getvalue()
    assert "\r" in out and "5/5" in out and out.endswith("\n") and "#" * 30 in out
    pipe = io.StringIO()
    quiet = Progress("importing", stream=pipe)
    quiet(5, 5)
    assert pipe.getvalue() == ""


def test_check_with_history_end_to_end(tmp_path, capsys):
    """The issue's example with the real extractor: Monday's figure stored, Tuesday's contradicts it."""
    mon = tmp_path / "mon.txt"
    mon.write_text("date 2025-02-01\nWestern, South Korean and Ukrainian intelligence agencies say Pyongyang "
                   "deployed more than 10,000 troops to support Russia's forces fighting in its western Kursk "
                   "region.\n", encoding="utf-8")
    tue = tmp_path / "tue.txt"
    tue.write_text("date 2025-02-03\nPyongyang has 8,000 North Korean troops fighting in Russia's Kursk region, "
                   "South Korean officials said.\n", encoding="utf-8")
    db = str(tmp_path / "h.db")
    assert main(["history", "add", str(mon), "--db", db, "--source", "BBC"]) == 0
    capsys.readouterr()
    rc = main(["check", str(tue), "--history", db, "--format", "json"])
    out = json.loads(capsys.readouterr().out)
    findings = out if isinstance(out, list) else out.get("findings", out)
    nc401 = [f for f in findings if f["code"] == "NC401"]
    assert rc == 1 and len(nc401) == 1
    assert nc401[0]["evidence"]["source"] == "BBC" and nc401[0]["evidence"]["published"] == "2025-02-01"
    assert "10,000" in nc401[0]["related"][0]["text"]
    revised = tmp_path / "wed.txt"
    revised.write_text("date 2025-02-04\nPyongyang now has 8,000 North Korean troops fighting in Russia's Kursk "
                       "region, South Korean officials said.\n", encoding="utf-8")
    main(["check", str(revised), "--history", db, "--format", "json"])
    out = json.loads(capsys.readouterr().out)
    findings = out if isinstance(out, list) else out.get("findings", out)
    assert not [f for f in findings if f["code"].startswith("NC4")]
