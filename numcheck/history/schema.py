"""The history store's SQLite schema: each version's layout and the migrations between them.

The version lives in ``PRAGMA user_version`` and the file is marked as ours with
``PRAGMA application_id``.  A migration is a function from version N to N+1
run inside one transaction, so a store is never left half-migrated.

Version 1 kept each claim with its sentence, subject key and values.
Version 2 adds the matching keys (entity words, cue flags, event nouns, the
time a claim is about) and the entity document frequencies, and re-indexes
lookups by (subject key, canonical unit, time).  Version 1 stores are
back-filled from the sentences they hold.
Version 3 has the same layout; its subject keys are singular by the one plural
table (``numcheck.text.singular``, numcheck/data/plurals.tsv), so version 2
keys are recomputed from the subjects stored ("iraqis" -> "iraqi").
Version 4 has the same layout; a count joined by a hyphen to its noun ("the
30-share DAX index") is keyed by that noun (share), so version 3 keys of such
counts are recomputed from the sentences stored.
Version 5 adds a column: a sum of money the report converts is also keyed by
the amount on the other side ("200,000 yuan (25,000 U.S. dollars)": "=CNY
200000"), read again for version 4 stores from the sentences stored.
"""
from __future__ import annotations

import sqlite3
from typing import Callable

APPLICATION_ID = 0x4E43484B  # "NCHK"
VERSION = 5

REPORTS = """
CREATE TABLE reports (
    id INTEGER PRIMARY KEY,
    digest TEXT NOT NULL UNIQUE,      -- sha1 of the text: adding a report twice is a no-op
    source TEXT,
    published TEXT,                   -- first day the publication date allows (ISO), or NULL
    published_end TEXT,               -- last day it allows
    added TEXT NOT NULL,
    n_claims INTEGER NOT NULL         -- how many claims rows belong to it: a whole report has them all
)"""

CLAIMS_V1 = """
CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
    start INTEGER NOT NULL, "end" INTEGER NOT NULL, text TEXT NOT NULL,
    sentence TEXT NOT NULL,
    kind TEXT NOT NULL, value REAL, low REAL, high REAL, range INTEGER NOT NULL,
    qualifier TEXT NOT NULL, change TEXT, unit TEXT NOT NULL,
    canon_value REAL, canon_unit TEXT NOT NULL, canon_low REAL, canon_high REAL,
    subject TEXT NOT NULL, subject_key TEXT NOT NULL,
    timex TEXT, date_start TEXT, date_end TEXT
)"""

V1 = (REPORTS, CLAIMS_V1,
      "CREATE INDEX claims_subject ON claims(subject_key)",
      "CREATE INDEX claims_report ON claims(report_id)")

# Version 2 columns, added to version 1's claims table (so new stores and migrated ones agree)
V2_COLUMNS = (
    ("t_start", "TEXT"),      # lookup time: the date in the claim's sentence, else publication (dates: publication)
    ("t_end", "TEXT"),
    ("entities", "TEXT NOT NULL DEFAULT ''"),   # space-separated lower-case entity words
    ("events", "TEXT NOT NULL DEFAULT ''"),     # space-separated event nouns of the sentence
    ("cumulative", "INTEGER NOT NULL DEFAULT 0"),
    ("changed", "INTEGER NOT NULL DEFAULT 0"),
)
V2_EXTRA = (
    "CREATE TABLE entity_df (entity TEXT PRIMARY KEY, n INTEGER NOT NULL) WITHOUT ROWID",
    "DROP INDEX IF EXISTS claims_subject",
    "CREATE INDEX claims_lookup ON claims(subject_key, canon_unit, t_start, t_end)",
    "CREATE INDEX reports_published ON reports(published)",
)


# Version 5: what a sum of money converts ("=CNY 200000"; '' for none), looked up on its own partial index
V5_COLUMNS = (("converts", "TEXT NOT NULL DEFAULT ''"),)
V5_EXTRA = ("CREATE INDEX claims_converts ON claims(converts, canon_unit, t_start) WHERE converts != ''",)


def create(conn: sqlite3.Connection) -> None:
    """Lay out a fresh store at the current version (inside the caller's transaction)."""
    for ddl in V1:
        conn.execute(ddl)
    _v1_to_v2(conn, backfill=False)
    _add_v5(conn)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute(f"PRAGMA user_version = {VERSION}")


def create_v1(conn: sqlite3.Connection) -> None:
    """Lay out a version-1 store (what early numcheck wrote); used to test migrations."""
    for ddl in V1:
        conn.execute(ddl)
    conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
    conn.execute("PRAGMA user_version = 1")


def _v1_to_v2(conn: sqlite3.Connection, backfill: bool = True) -> None:
    for name, decl in V2_COLUMNS:
        conn.execute(f"ALTER TABLE claims ADD COLUMN {name} {decl}")
    for ddl in V2_EXTRA:
        conn.execute(ddl)
    if backfill:
        _backfill_v2(conn)


def _backfill_v2(conn: sqlite3.Connection) -> None:
    """Compute version 2's keys from what version 1 stored: the sentence, the dates beside it, publication."""
    from .keys import entities, event_nouns, has_cue, vocabulary

    v = vocabulary()
    reports = {r[0]: (r[1], r[2]) for r in conn.execute("SELECT id, published, published_end FROM reports")}
    dates: dict[tuple[int, str], tuple[str, str]] = {}
    for rid, sentence, ds, de in conn.execute(
            "SELECT report_id, sentence, date_start, date_end FROM claims WHERE kind = 'date' ORDER BY id"):
        dates.setdefault((rid, sentence), (ds, de))
    df: dict[str, set[int]] = {}
    rows = []
    for cid, rid, kind, sentence, subject in conn.execute(
            "SELECT id, report_id, kind, sentence, subject FROM claims").fetchall():
        ents = entities(sentence, subject)
        for e in ents:
            df.setdefault(e, set()).add(rid)
        pub = reports.get(rid, (None, None))
        t = pub if kind == "date" else dates.get((rid, sentence), pub)
        rows.append((t[0], t[1], " ".join(sorted(ents)), " ".join(sorted(event_nouns(sentence))),
                     int(has_cue(v.cumulative, sentence + " " + subject)), int(has_cue(v.change, sentence)), cid))
    conn.executemany("UPDATE claims SET t_start=?, t_end=?, entities=?, events=?, cumulative=?, changed=? "
                     "WHERE id=?", rows)
    conn.executemany("INSERT INTO entity_df(entity, n) VALUES (?, ?)", [(e, len(s)) for e, s in df.items()])


def _v2_to_v3(conn: sqlite3.Connection) -> None:
    """Subject keys by the one plural table: each claim with a subject keyed again from it (dates keep their event key)."""
    from .keys import head_noun

    rows = conn.execute("SELECT id, subject, subject_key FROM claims WHERE kind != 'date' AND subject != ''").fetchall()
    conn.executemany("UPDATE claims SET subject_key = ? WHERE id = ?",
                     [(key, cid) for cid, subject, old in rows if (key := head_noun(subject)) != old])


def _v3_to_v4(conn: sqlite3.Connection) -> None:
    """Counts joined by a hyphen to their noun keyed by it ("30-share" -> share), read from the stored sentence."""
    from .keys import attribute_noun

    rows = conn.execute("SELECT id, text, sentence, subject_key FROM claims WHERE kind = 'count' AND unit = ''").fetchall()
    updates = []
    for cid, text, sentence, old in rows:
        at = sentence.find(text + "-")
        key = attribute_noun(sentence[at + len(text):at + len(text) + 40]) if at >= 0 else ""
        if key and key != old:
            updates.append((key, cid))
    conn.executemany("UPDATE claims SET subject_key = ? WHERE id = ?", updates)


def _add_v5(conn: sqlite3.Connection) -> None:
    for name, decl in V5_COLUMNS:
        conn.execute(f"ALTER TABLE claims ADD COLUMN {name} {decl}")
    for ddl in V5_EXTRA:
        conn.execute(ddl)


def _v4_to_v5(conn: sqlite3.Connection) -> None:
    """The converts column, read again from each stored sentence holding two sums of money or more (the one
    reading of conversions, history.keys.conversion_keys)."""
    from ..checks.base import Context
    from ..extract import extract
    from .keys import conversion_keys

    _add_v5(conn)
    rows = conn.execute("SELECT id, report_id, sentence, text FROM claims WHERE kind = 'money' "
                        "ORDER BY report_id, start").fetchall()
    by_sentence: dict[tuple[int, str], list[tuple[int, str]]] = {}
    for cid, rid, sentence, text in rows:
        by_sentence.setdefault((rid, sentence), []).append((cid, text))
    updates: list[tuple[str, int]] = []
    for (_, sentence), stored in by_sentence.items():
        if len(stored) < 2:
            continue
        claims = tuple(extract(sentence))
        keys = conversion_keys(Context(sentence, claims))
        money = [c for c in claims if c.kind == "money"]
        copies = len(stored) // len(money) if money else 0  # a report may say the same sentence twice
        if not copies or [c.text for c in money] * copies != [text for _, text in stored]:
            continue  # the sentence reads otherwise out of its report: leave it unkeyed
        updates.extend((keys[c.start], cid) for c, (cid, _) in zip(money * copies, stored) if c.start in keys)
    conn.executemany("UPDATE claims SET converts = ? WHERE id = ?", updates)


MIGRATIONS: dict[int, Callable[[sqlite3.Connection], None]] = {1: _v1_to_v2, 2: _v2_to_v3, 3: _v3_to_v4, 4: _v4_to_v5}
