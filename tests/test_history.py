"""The history store: atomic reports, refusals, migrations, concurrent writers, SIGKILL mid-import."""
from __future__ import annotations

import multiprocessing
import os
import pickle
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from history_helpers import q

import numcheck
from numcheck.history import History, StoreError, schema
from numcheck.history import store as store_mod

KURSK = ("Western, South Korean and Ukrainian intelligence agencies say Pyongyang deployed more than "
         "10,000 troops to support Russia's forces fighting in its western Kursk region. "
         "Ukraine says around 2,000 Russian civilians live in areas under its occupation.")


def kursk_claims(text: str = KURSK):
    return [q(text, "more than 10,000 troops", 10000, "troops", qualifier=">", low=10000),
            q(text, "around 2,000 Russian civilians", 2000, "Russian civilians", qualifier="~")]


def test_add_stores_what_is_needed_to_cite_a_claim(tmp_path):
    h = History(tmp_path / "h.db")
    rid = h.add(KURSK, published="2025-02-01", source="BBC", claims=kursk_claims())
    frame = h.claims()
    assert len(frame) == 2 and set(frame.report_id) == {rid}
    row = frame.iloc[1]
    assert row.source == "BBC" and row.published == "2025-02-01"
    assert row.sentence.startswith("Ukraine says around 2,000")
    assert row.subject == "Russian civilians" and row.subject_key == "civilian"
    assert row.qualifier == "~" and row.kind == "count" and row.canon_value == 2000
    assert row.t_start == row.t_end == "2025-02-01"
    troops = frame.iloc[0]
    assert troops.canon_low == 10000 and troops.canon_high is None or troops.canon_high != troops.canon_high
    assert {"kursk", "pyongyang", "korean"} <= set(troops.entities.split())
    assert "the" not in troops.entities.split()


def test_adding_the_same_text_twice_stores_it_once(tmp_path):
    h = History(tmp_path / "h.db")
    a = h.add(KURSK, published="2025-02-01", claims=kursk_claims())
    b = h.add(KURSK, published="2025-02-01", claims=kursk_claims())
    assert a == b and len(h) == 1 and h.n_claims == 2


def test_claims_filters_by_subject_and_publication_date(tmp_path):
    h = History(tmp_path / "h.db")
    h.add(KURSK, published="2025-02-01", claims=kursk_claims())
    later = KURSK.replace("10,000", "11,000")
    h.add(later, published="2025-03-01",
          claims=[q(later, "more than 11,000 troops", 11000, "troops", qualifier=">", low=11000)])
    assert len(h.claims(subject="North Korean troops")) == 2
    assert len(h.claims(subject="civilians")) == 1
    assert list(h.claims(since="2025-02-15").text) == ["more than 11,000 troops"]
    assert len(h.claims(until="2025-02")) == 2
    assert len(h.claims(since="2026")) == 0


def test_add_is_all_or_nothing(tmp_path, monkeypatch):
    h = History(tmp_path / "h.db")
    real = store_mod.claim_rows

    def broken(text, claims, pub):
        rows = real(text, claims, pub)
        return rows + [(0, 1, None) + rows[0][3:]]  # text NULL violates NOT NULL after the good rows

    monkeypatch.setattr(store_mod, "claim_rows", broken)
    with pytest.raises(sqlite3.IntegrityError):
        h.add(KURSK, published="2025-02-01", claims=kursk_claims())
    assert len(h) == 0 and h.n_claims == 0
    assert h._db().execute("SELECT count(*) FROM entity_df").fetchone()[0] == 0


def test_store_is_wal_versioned_and_marked(tmp_path):
    h = History(tmp_path / "h.db")
    db = h._db()
    assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert h.version == schema.VERSION
    assert db.execute("PRAGMA application_id").fetchone()[0] == schema.APPLICATION_ID
    plan = " ".join(r[-1] for r in db.execute(
        "EXPLAIN QUERY PLAN SELECT * FROM claims WHERE subject_key IN ('troop') AND canon_unit = '' "
        "AND t_start BETWEEN '2024-01-01' AND '2025-01-01'"))
    assert "claims_lookup" in plan


@pytest.mark.parametrize("content, message", [
    (b"this is a text file, not a database\n" * 10, "not an SQLite database"),
    (b"SQLite format 3\x00" + b"\xff" * 4000, "corrupt"),
])
def test_corrupt_file_is_refused_in_one_line(tmp_path, content, message):
    p = tmp_path / "h.db"
    p.write_bytes(content)
    with pytest.raises(StoreError, match=message) as err:
        History(p)
    assert isinstance(err.value, ValueError) and "\n" not in str(err.value)
    assert p.read_bytes() == content  # refused, not overwritten


def test_foreign_sqlite_file_is_refused(tmp_path):
    p = tmp_path / "other.db"
    conn = sqlite3.connect(p)
    conn.execute("CREATE TABLE invoices (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="something else"):
        History(p)


def test_newer_schema_and_missing_file_are_refused(tmp_path):
    p = tmp_path / "h.db"
    History(p).close()
    conn = sqlite3.connect(p)
    conn.execute(f"PRAGMA user_version = {schema.VERSION + 1}")
    conn.commit()
    conn.close()
    with pytest.raises(StoreError, match="newer"):
        History(p)
    with pytest.raises(StoreError, match="no such history store"):
        History(tmp_path / "missing.db", create=False)
    assert not (tmp_path / "missing.db").exists()


def test_version_1_store_is_migrated(tmp_path):
    p = tmp_path / "old.db"
    conn = sqlite3.connect(p, isolation_level=None)
    conn.execute("BEGIN")
    schema.create_v1(conn)
    conn.execute("INSERT INTO reports (id, digest, source, published, published_end, added, n_claims) "
                 "VALUES (1, 'x', 'BBC', '2025-02-01', '2025-02-01', '2025-02-01T00:00:00', 1)")
    sentence = "Pyongyang deployed more than 10,000 troops to Kursk."
    conn.execute("INSERT INTO claims (report_id, start, \"end\", text, sentence, kind, value, low, high, range, "
                 "qualifier, change, unit, canon_value, canon_unit, canon_low, canon_high, subject, subject_key) "
                 "VALUES (1, 19, 42, 'more than 10,000 troops', ?, 'count', 10000, 10000, NULL, 0, '>', NULL, '', "
                 "10000, '', 10000, NULL, 'troops', 'troop')", (sentence,))
    conn.execute("COMMIT")
    conn.close()
    h = History(p)
    assert h.version == schema.VERSION
    row = h.claims().iloc[0]
    assert row.t_start == "2025-02-01" and set(row.entities.split()) == {"pyongyang", "kursk"}
    assert h.lookup(["troop"], "", "2025-01-01", "2025-03-01")[0]["text"] == "more than 10,000 troops"
    assert h.idf(["kursk"])["kursk"] < h.idf(["nowhere"])["nowhere"]
    assert h.integrity() == "ok"
    h.add(KURSK, published="2025-02-02", claims=kursk_claims())  # and it takes new reports
    assert len(h) == 2


def _before_version_5(conn: sqlite3.Connection, version: int) -> None:
    """A current store made into one of an older version (2-4: version 5 added the converts column)."""
    conn.execute("DROP INDEX claims_converts")
    conn.execute("ALTER TABLE claims DROP COLUMN converts")
    conn.execute(f"PRAGMA user_version = {version}")


def _migrated(p) -> sqlite3.Connection:
    """Open an older store as History does (migrating it to the current version), then a plain connection to read it."""
    h = History(p)
    assert h.version == schema.VERSION == 5
    h.close()
    return sqlite3.connect(p)


def test_version_2_keys_follow_the_one_plural_table(tmp_path):
    """A version 2 store keyed "iraqis" (the old history singular kept words in -is) is keyed "iraqi" after migration."""
    p = tmp_path / "v2.db"
    h = History(p)
    h.add(KURSK, published="2025-02-01", claims=kursk_claims())
    h.close()
    conn = sqlite3.connect(p, isolation_level=None)
    conn.execute("UPDATE claims SET subject = 'Iraqis', subject_key = 'iraqis' WHERE id = 1")
    _before_version_5(conn, 2)
    conn.close()
    conn = _migrated(p)
    assert conn.execute("SELECT subject_key FROM claims WHERE id = 1").fetchone() == ("iraqi",)
    conn.close()


def test_version_3_keys_a_hyphened_count_by_its_noun(tmp_path):
    """A version 3 store keyed "the 30-share benchmark DAX index" by benchmark is keyed by share after migration,
    as a new store keys it; other counts keep their keys."""
    p = tmp_path / "v3.db"
    h = History(p)
    h.add("The 30-share benchmark DAX index rose 2%, and 40 traders cheered.", published="2006-11-07")
    h.close()
    conn = sqlite3.connect(p, isolation_level=None)
    before = dict(conn.execute("SELECT text, subject_key FROM claims WHERE kind = 'count'").fetchall())
    assert before == {"30": "share", "40": "trader"}
    conn.execute("UPDATE claims SET subject_key = 'benchmark' WHERE text = '30'")
    _before_version_5(conn, 3)
    conn.close()
    conn = _migrated(p)
    assert dict(conn.execute("SELECT text, subject_key FROM claims WHERE kind = 'count'").fetchall()) == before
    conn.close()


def test_version_4_gains_what_each_converted_sum_converts(tmp_path):
    """A version 4 store has no converts column; after migration each sum of money a stored sentence converts has
    the amount on the other side there, as a new store writes it; a sum converted into two currencies and other
    money have none, and subject keys stay."""
    p = tmp_path / "v4.db"
    h = History(p)
    h.add("Families will each receive 200,000 yuan (25,000 U.S. dollars) in compensation. "
          "The deal is worth 3.1bn Australian dollars ($2.3bn; £1.2bn). Profit was $5m.\n\n"
          "The fund pays 300,000 yuan (37,500 U.S. dollars). The fund pays 300,000 yuan (37,500 U.S. dollars).",
          published="2006-11-14")
    h.close()
    conn = sqlite3.connect(p, isolation_level=None)
    query = "SELECT id, text, converts, subject_key FROM claims WHERE kind = 'money'"
    before = {text: (conv, key) for _, text, conv, key in conn.execute(query).fetchall()}
    every = conn.execute(query).fetchall()
    assert [conv for _, text, conv, _ in every if text == "37,500 U.S. dollars"] == ["=CNY 300000"] * 2  # said twice
    assert before["200,000 yuan"][0] == "=USD 25000" and before["25,000 U.S. dollars"][0] == "=CNY 200000"
    assert before["$2.3bn"][0] == before["$5m"][0] == ""
    _before_version_5(conn, 4)
    conn.close()
    conn = _migrated(p)
    assert conn.execute(query).fetchall() == every
    h = History(p)
    assert h.lookup(["=CNY 200000"], "USD", "2006-11-01", "2006-11-30", converted=True)[0]["text"] == "25,000 U.S. dollars"
    h.close()
    conn.close()


def test_history_pickles_by_path(tmp_path):
    h = History(tmp_path / "h.db")
    h.add(KURSK, published="2025-02-01", claims=kursk_claims())
    h2 = pickle.loads(pickle.dumps(h))
    assert h2.path == h.path and len(h2) == 1


def test_public_api_exposes_history(tmp_path):
    assert numcheck.History is History
    with numcheck.History(tmp_path / "h.db") as h:
        assert len(h) == 0


def _writer(path: str, worker: int, n: int) -> None:
    import traceback

    from history_helpers import q as make

    try:
        h = History(path, timeout=120)
        for i in range(n):
            text = f"Report {worker}-{i}: officials in Springfield counted {1000 + i} voters and {i + 7} polling stations."
            claims = [make(text, f"{1000 + i} voters", 1000 + i, "voters"),
                      make(text, f"{i + 7} polling stations", i + 7, "polling stations")]
            h.add(text, published="2025-05-01", source=f"w{worker}", claims=claims)
        h.close()
    except BaseException:  # the parent reports it: a child's stderr is easily lost
        Path(f"{path}.w{worker}.err").write_text(traceback.format_exc(), encoding="utf-8")
        raise


def test_four_writer_processes_lose_nothing(tmp_path):
    path = str(tmp_path / "shared.db")
    ctx = multiprocessing.get_context("spawn")
    sys_path = str(Path(__file__).parent)
    procs = [ctx.Process(target=_writer, args=(path, w, 40)) for w in range(4)]
    if sys_path not in sys.path:
        sys.path.insert(0, sys_path)
    for p in procs:
        p.start()
    for p in procs:
        p.join(180)
    errors = [e.read_text(encoding="utf-8") for e in sorted(tmp_path.glob("shared.db.w*.err"))]
    assert [p.exitcode for p in procs] == [0, 0, 0, 0], "\n".join(errors)
    h = History(path)
    assert len(h) == 160 and h.n_claims == 320
    assert h.integrity() == "ok"


KILL_SCRIPT = textwrap.dedent("""
    import os, signal, sys, pandas as pd
    import numcheck.extract
    from numcheck.model import Canonical, Claim
    from numcheck.history import History
    from numcheck.history import store

    def fake_extract(text, published=None, **kw):  # many claims per report: each transaction is big
        out = []
        for i in range(0, len(text) - 4, 6):
            out.append(Claim(text=text[i:i + 4], start=i, end=i + 4, kind="count", value=float(i),
                             low=float(i), high=float(i), canonical=Canonical(float(i), ""), subject="votes"))
        return out

    stored = store._store
    batches = []

    def store_then_die(conn, reports):  # the third batch's rows are written, then the process dies uncommitted
        ids = stored(conn, reports)
        batches.append(len(reports))
        if len(batches) == 3:
            os.kill(os.getpid(), signal.SIGKILL)
        return ids

    numcheck.extract.extract = fake_extract
    store._store = store_then_die
    texts = [f"Report {i}. " + "Officials in Springfield counted 12,345 votes today. " * 60 for i in range(200)]
    h = History(sys.argv[1])
    h.import_frame(pd.DataFrame({"text": texts, "source": "wire"}), text="text", source="source", batch=32)
""")


def test_sigkill_mid_import_leaves_only_whole_reports(tmp_path):
    """Killed inside the third batch's transaction (counted, not timed): the two committed batches stay whole."""
    path = tmp_path / "killed.db"
    proc = subprocess.run([sys.executable, "-c", KILL_SCRIPT, str(path)], stderr=subprocess.PIPE)
    assert proc.returncode == -signal.SIGKILL, proc.stderr.decode()
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    bad = conn.execute("SELECT r.id, r.n_claims, count(c.id) FROM reports r LEFT JOIN claims c ON c.report_id = r.id "
                       "GROUP BY r.id HAVING r.n_claims != count(c.id)").fetchall()
    assert bad == []
    orphans = conn.execute("SELECT count(*) FROM claims WHERE report_id NOT IN (SELECT id FROM reports)").fetchone()[0]
    assert orphans == 0
    stored = conn.execute("SELECT count(*) FROM reports").fetchone()[0]
    conn.close()
    assert stored == 64  # two whole batches of 32; the third, written but not committed, is gone
    h = History(path)  # and the store still opens and takes more
    h.add(KURSK, claims=kursk_claims())
    assert len(h) == stored + 1


def test_damaged_pages_raise_store_error_on_lookup(tmp_path):
    p = tmp_path / "h.db"
    h = History(p)
    for i in range(200):
        t = f"Report {i}: officials in Springfield counted {1000 + i} voters. " + "Filler text. " * 40
        h.add(t, published="2025-05-01", claims=[q(t, f"{1000 + i} voters", 1000 + i, "voters")])
    h._db().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    h.close()
    data = bytearray(p.read_bytes())
    page = 4096
    assert len(data) > 8 * page
    data[page:] = b"\xa5" * (len(data) - page)  # keep the header and schema page, wreck the rest
    p.write_bytes(bytes(data))
    with pytest.raises(StoreError, match="corrupt") as err:
        h = History(p)
        h.lookup(["voter"], "", "2025-01-01", "2025-12-31")
    assert "\n" not in str(err.value)
