"""The claims store: one SQLite file (WAL) holding earlier reports' claims with what is needed to cite and match them.

Every write is one ``BEGIN IMMEDIATE`` transaction holding one whole report,
so a crash or SIGKILL leaves only whole reports; ``busy_timeout`` plus a
retry loop with back-off lets several processes add reports at once without
"database is locked".  Reads (the checks' lookups) never block writers.
"""
from __future__ import annotations

import hashlib
import math
import os
import random
import sqlite3
import time
from contextlib import contextmanager
from functools import partial
from datetime import date, datetime, timedelta, timezone
from typing import Any, Callable, Iterable, Iterator, Sequence, TypeVar

from ..model import Claim
from . import schema
from ..text import SentenceIndex
from ..text import singular
from .keys import (attribute_key, bare_key, conversion_keys, entities, event_nouns, has_cue, head_noun, own_date,
                   told_cumulative, topic, vocabulary, who)

T = TypeVar("T")
_SQLITE_MAGIC = b"SQLite format 3\x00"

CLAIM_COLUMNS = (
    "report_id", "start", "end", "text", "sentence", "kind", "value", "low", "high", "range",
    "qualifier", "change", "unit", "canon_value", "canon_unit", "canon_low", "canon_high",
    "subject", "subject_key", "timex", "date_start", "date_end",
    "t_start", "t_end", "entities", "events", "cumulative", "changed", "converts",
)
_ENTITIES = CLAIM_COLUMNS.index("entities") - 1  # its place in a claim_rows() row (which has no report_id)
_INSERT_CLAIM = "INSERT INTO claims ({}) VALUES ({})".format(
    ", ".join(f'"{c}"' for c in CLAIM_COLUMNS), ", ".join("?" * len(CLAIM_COLUMNS)))


# what the checks read of a stored claim (not everything: fetching fewer columns keeps lookups cheap)
_LOOKUP_COLUMNS = ", ".join(
    [f'c."{c}"' for c in ("id", "report_id", "start", "end", "text", "sentence", "kind", "qualifier", "change", "unit",
                          "canon_value", "canon_low", "canon_high", "subject", "subject_key", "timex",
                          "date_start", "date_end", "t_start", "t_end", "entities", "cumulative", "changed")]
    + ["r.source", "r.published", "r.published_end"])


class StoreError(ValueError):
    """The file given as a history store is missing, corrupt, foreign or from a newer numcheck."""


def digest(text: str) -> str:
    """The identity of a report: adding the same text twice stores it once, and a check skips itself."""
    return hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()


class History:
    """A claims history in one SQLite file: ``History(path)``, then ``add``, ``import_frame``, ``claims``.

    ``create=False`` refuses a path that does not exist yet (for ``check --history``).
    ``timeout`` is how long a writer waits for others before giving up.
    Picklable (it reopens by path), so Dask workers can share one.
    """

    def __init__(self, path: "str | os.PathLike[str]", *, create: bool = True, timeout: float = 120.0) -> None:
        self.path = os.fspath(path)
        self.create = create
        self.timeout = timeout
        self._conn: sqlite3.Connection | None = None
        self._df_cache: dict[str, int] = {}
        self._n_reports: int | None = None
        self._open()

    # ---- opening, refusing, migrating ----------------------------------------------------------

    def _open(self) -> None:
        path = self.path
        exists = os.path.exists(path)
        if not exists and not self.create:
            raise StoreError(f"{path}: no such history store")
        if exists:
            if os.path.isdir(path):
                raise StoreError(f"{path}: is a directory, not a history store")
            try:
                with open(path, "rb") as fh:
                    head = fh.read(16)
            except OSError as exc:
                raise StoreError(f"{path}: cannot read history store: {exc.strerror or exc}") from None
            if head and head != _SQLITE_MAGIC:
                raise StoreError(f"{path}: not a numcheck history store (not an SQLite database)")
        try:
            conn = sqlite3.connect(path, timeout=self.timeout, isolation_level=None, check_same_thread=False)
        except sqlite3.Error as exc:
            raise StoreError(f"{path}: cannot open history store: {exc}") from None
        self._conn = conn
        try:
            conn.execute(f"PRAGMA busy_timeout = {int(self.timeout * 1000)}")
            conn.execute("PRAGMA foreign_keys = ON")
            # the first reads can meet "database is locked" without the busy handler while another process
            # creates the store or switches it to WAL; _prepare is idempotent, so it is simply run again
            self._retry(self._prepare)
        except sqlite3.DatabaseError as exc:
            conn.close()
            self._conn = None
            raise StoreError(f"{path}: corrupt or unreadable history store ({exc})") from None
        except StoreError:
            conn.close()
            self._conn = None
            raise

    def _prepare(self) -> None:
        conn = self._conn
        assert conn is not None
        app_id, version, n_tables = self._header()
        if app_id != schema.APPLICATION_ID and n_tables:
            raise StoreError(f"{self.path}: not a numcheck history store (an SQLite database of something else)")
        if version > schema.VERSION:
            raise StoreError(f"{self.path}: history store has schema version {version}, newer than this "
                             f"numcheck understands ({schema.VERSION}); upgrade numcheck")
        if conn.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            self._retry(lambda: conn.execute("PRAGMA journal_mode = WAL").fetchone())
        conn.execute("PRAGMA synchronous = NORMAL")
        if version < schema.VERSION:
            self._write(self._migrate)

    def _header(self) -> tuple[int, int, int]:
        """The store's application id, schema version and table count, read in one snapshot: read one by one, they
        may straddle another process creating the store (its tables seen, its id not yet), which looked like a
        database of something else."""
        conn = self._db()
        conn.execute("BEGIN")
        try:
            n_tables = conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]  # (a read: the snapshot starts)
            app_id = conn.execute("PRAGMA application_id").fetchone()[0]
            version = conn.execute("PRAGMA user_version").fetchone()[0]
        except BaseException:
            conn.execute("ROLLBACK")  # (the read's own error is the one to tell)
            raise
        conn.execute("COMMIT")
        return app_id, version, n_tables

    def _migrate(self, conn: sqlite3.Connection) -> None:
        """Create or migrate, re-reading the version under the write lock (another process may have done it)."""
        version = conn.execute("PRAGMA user_version").fetchone()[0]
        if version == 0:
            if conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0]:
                raise StoreError(f"{self.path}: not a numcheck history store (an SQLite database of something else)")
            schema.create(conn)
            return
        while version < schema.VERSION:
            schema.MIGRATIONS[version](conn)
            version += 1
            conn.execute(f"PRAGMA user_version = {version}")

    @property
    def version(self) -> int:
        return self._db().execute("PRAGMA user_version").fetchone()[0]

    def _db(self) -> sqlite3.Connection:
        if self._conn is None:
            raise StoreError(f"{self.path}: history store is closed")
        return self._conn

    def close(self) -> None:
        if self._conn is not None:
            self._conn.close()
            self._conn = None

    def __enter__(self) -> "History":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __getstate__(self) -> dict[str, Any]:
        return {"path": self.path, "create": self.create, "timeout": self.timeout}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__init__(state["path"], create=state["create"], timeout=state["timeout"])  # type: ignore[misc]

    def __repr__(self) -> str:
        return f"History({self.path!r})"

    # ---- transactions ----------------------------------------------------------------------------

    def _retry(self, fn: Callable[[], T]) -> T:
        """Run ``fn`` again while SQLite says busy/locked, with jittered back-off, until ``timeout``."""
        deadline = time.monotonic() + self.timeout
        delay = 0.005
        while True:
            try:
                return fn()
            except sqlite3.OperationalError as exc:
                msg = str(exc).lower()
                if ("locked" not in msg and "busy" not in msg) or time.monotonic() > deadline:
                    raise
                time.sleep(delay * (0.5 + random.random()))
                delay = min(delay * 2, 0.25)

    def _write(self, fn: Callable[[sqlite3.Connection], T]) -> T:
        """``fn`` inside one write transaction (all or nothing), retried when the store is busy."""
        conn = self._db()

        def attempt() -> T:
            conn.execute("BEGIN IMMEDIATE")
            try:
                result = fn(conn)
                conn.execute("COMMIT")
                return result
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise

        try:
            result = self._retry(attempt)
        except sqlite3.DatabaseError as exc:
            # a damaged page, a full disk, a read-only file: the store's fault, named in one line
            # (an IntegrityError is a bug in what was written, and stays itself)
            if type(exc) not in (sqlite3.DatabaseError, sqlite3.OperationalError):
                raise
            raise StoreError(f"{self.path}: cannot write to history store ({exc})") from None
        self._n_reports = None
        self._df_cache.clear()
        return result

    # ---- adding reports --------------------------------------------------------------------------

    def add(self, text: str, published: "str | date | None" = None, source: str | None = None,
            claims: Sequence[Claim] | None = None, format: str | None = None,
            path: "str | os.PathLike[str] | None" = None) -> int:
        """Store one report's claims in one transaction; return its id (the existing id if already stored).

        The report is read as ``numcheck check`` reads it (``format`` or ``path``'s
        suffix: code, markup and front matter are not prose), and ``published``
        (YYYY, YYYY-MM, YYYY-MM-DD or a date) defaults to the date the report
        states about itself: a leading date line, front matter or an HTML meta tag.
        ``claims`` skips extraction (e.g. claims made elsewhere, offsets into ``text``).
        """
        if not isinstance(text, str):
            raise TypeError(f"History.add() takes a str, not {type(text).__name__}")
        known = self._known(digest(text))
        if known is not None:
            return known
        report = self._build(text, published, source, claims, format, path)
        return self._write(lambda conn: _store(conn, [report]))[0]

    def _known(self, dig: str) -> int | None:
        with self._reading():
            row = self._db().execute("SELECT id FROM reports WHERE digest = ?", (dig,)).fetchone()
        return int(row[0]) if row else None

    def _build(self, text: str, published: "str | date | None", source: str | None,
               claims: Sequence[Claim] | None, format: str | None = None,
               path: "str | os.PathLike[str] | None" = None) -> "_Report":
        """Read, extract (unless given) and build the rows of one report: all the work done outside the write lock."""
        from ..engine import read_document
        from ..pubdate import iso

        doc = read_document(text, format=format, path=path, published=published)
        if claims is None:
            from ..extract import extract

            claims = extract(doc.prose, published=iso(doc.published))
        pub = doc.published
        rows = claim_rows(doc.prose, claims, pub)
        ents = sorted({e for r in rows for e in r[_ENTITIES].split()})
        report = (digest(text), source, pub[0].isoformat() if pub else None, pub[1].isoformat() if pub else None,
                  datetime.now(timezone.utc).isoformat(timespec="seconds"), len(rows))
        return report, rows, ents

    def import_frame(self, df: Any, text: str = "text", published: str | None = None, source: str | None = None,
                     progress: Callable[[int, int], None] | None = None, batch: int = 32,
                     format: str = "text", id: str | None = None) -> int:
        """Add every row of a DataFrame (column names for text, publication date and source); return rows added.

        Reports are written ``batch`` at a time, each batch one transaction of
        whole reports, so an interrupted import keeps only whole reports and
        re-running it skips those already stored (same text, same digest).  A row
        with a bad date is skipped with a ``RowSkipped`` warning naming it
        (by ``id``'s column, else the frame's index).
        """
        from ..table import rows as table_rows

        n = len(df)
        added = 0
        pending: list[_Report] = []
        seen: set[str] = set()
        for i, row in enumerate(table_rows(df, text, published, id, source)):
            if row.text.strip():
                added += 1
                dig = digest(row.text)
                if dig not in seen and self._known(dig) is None:
                    seen.add(dig)
                    pending.append(self._build(row.text, row.published, row.source, None, format))
            if len(pending) >= batch:
                self._write(partial(_store, reports=tuple(pending)))
                pending.clear()
            if progress is not None:
                progress(min(i + 1, n), n)
        if pending:
            self._write(partial(_store, reports=tuple(pending)))
        if progress is not None:
            progress(n, n)
        return added

    # ---- reading ---------------------------------------------------------------------------------

    def __len__(self) -> int:
        """Number of reports stored."""
        with self._reading():
            return int(self._db().execute("SELECT count(*) FROM reports").fetchone()[0])

    @property
    def n_claims(self) -> int:
        with self._reading():
            return int(self._db().execute("SELECT count(*) FROM claims").fetchone()[0])

    def reports(self) -> Any:
        """A DataFrame of the stored reports: id, source, published, published_end, added, n_claims, digest."""
        import pandas as pd

        with self._reading():
            cur = self._db().execute("SELECT id, source, published, published_end, added, n_claims, digest "
                                     "FROM reports ORDER BY id")
            return pd.DataFrame(cur.fetchall(), columns=[d[0] for d in cur.description])

    def claims(self, subject: str | None = None, since: "str | date | None" = None,
               until: "str | date | None" = None) -> Any:
        """A DataFrame of stored claims with their report's source and date.

        ``subject`` matches on the normalised key (``"North Korean troops"`` finds
        every claim whose head noun is troop); ``since``/``until`` bound the
        report's publication date (inclusive; undated reports are then left out).
        """
        import pandas as pd

        from ..pubdate import parse_published

        where, args = [], []
        if subject:
            key = head_noun(subject)
            where.append("c.subject_key = ?")
            args.append(key)
        if since is not None:
            where.append("r.published_end >= ?")
            args.append(parse_published(since)[0].isoformat())  # type: ignore[index]
        if until is not None:
            where.append("r.published <= ?")
            args.append(parse_published(until)[1].isoformat())  # type: ignore[index]
        sql = ("SELECT c.id AS claim_id, c.report_id, r.source, r.published, c.sentence, "
               + ", ".join(f'c."{col}"' for col in CLAIM_COLUMNS[1:] if col != "sentence")
               + " FROM claims c JOIN reports r ON r.id = c.report_id"
               + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY c.id")
        with self._reading():
            cur = self._db().execute(sql, args)
            frame = pd.DataFrame(cur.fetchall(), columns=[d[0] for d in cur.description])
        for col in ("range", "cumulative", "changed"):
            frame[col] = frame[col].astype(bool)
        return frame

    def lookup(self, keys: Iterable[str], canon_unit: str, t_low: str, t_high: str,
               exclude_digest: str | None = None, limit: int = 2000, *, ends_after: str | None = None,
               kind: str | None = None, change: "str | None | bool" = False,
               cumulative: bool | None = None, span: tuple[int, int] | None = None,
               converted: bool = False) -> list[dict[str, Any]]:
        """Stored claims with one of ``keys``, in ``canon_unit``, whose lookup time starts in [t_low, t_high].
        ``converted``: the keys are what sums of money convert ("=CNY 200000"), not subjects.

        One index range scan per key on (subject_key, canon_unit, t_start, t_end), or with ``converted`` on the
        partial index of sums converted (converts, canon_unit, t_start);
        ``ends_after`` (lookup time ends on or after), ``kind``, ``change`` (a
        direction, None for none, False for any), ``cumulative`` and ``span`` (bounds on
        the days a lookup time covers beyond its first) narrow it in SQL, on the
        index's own columns where they can.
        """
        keys = sorted(set(keys))  # "" is a key too: claims with no subject
        where = ["c.canon_unit = ?", "c.t_start BETWEEN ? AND ?"]
        args: list[Any] = [canon_unit, t_low, t_high]
        if ends_after is not None:
            where.append("c.t_end >= ?")
            args.append(ends_after)
        if span is not None:
            where.append("julianday(c.t_end) - julianday(c.t_start) BETWEEN ? AND ?")
            args.extend(span)
        if kind is not None:
            where.append("c.kind = ?")
            args.append(kind)
        if change is None:
            where.append("c.change IS NULL")
        elif change is not False:
            where.append("c.change = ?")
            args.append(change)
        if cumulative is not None:
            where.append("c.cumulative = ?")
            args.append(int(cumulative))
        if exclude_digest:
            where.append("r.digest != ?")
            args.append(exclude_digest)
        # one query per key, newest first, so SQLite walks the index backwards and stops at ``limit``:
        # the cost does not grow with the archive, only with how many claims a key has near that time
        sql = (f"SELECT {_LOOKUP_COLUMNS} FROM claims c JOIN reports r ON r.id = c.report_id "
               + ("WHERE c.converts = ? AND c.converts != '' AND " if converted else "WHERE c.subject_key = ? AND ")
               + " AND ".join(where) + " ORDER BY c.t_start DESC LIMIT ?")
        db = self._db()
        out: list[dict[str, Any]] = []
        with self._reading():
            for key in keys:
                cur = db.execute(sql, [key, *args, limit])
                names = [d[0] for d in cur.description]
                out.extend(dict(zip(names, row)) for row in cur.fetchall())
        return out

    @contextmanager
    def _reading(self) -> Iterator[None]:
        """Reads that hit a damaged page say so in one line (StoreError), not with SQLite's bare error."""
        try:
            yield
        except sqlite3.DatabaseError as exc:
            if type(exc) not in (sqlite3.DatabaseError, sqlite3.OperationalError) or "locked" in str(exc).lower():
                raise
            raise StoreError(f"{self.path}: corrupt or unreadable history store ({exc})") from None

    def idf(self, words: Iterable[str]) -> dict[str, float]:
        """How telling each entity word is: log((N+1)/(n+0.5)) over the stored reports (unseen words score high)."""
        words = [w for w in set(words) if w not in self._df_cache]
        with self._reading():
            for i in range(0, len(words), 500):
                chunk = words[i:i + 500]
                found = dict(self._db().execute(
                    f"SELECT entity, n FROM entity_df WHERE entity IN ({', '.join('?' * len(chunk))})", chunk))
                for w in chunk:
                    self._df_cache[w] = int(found.get(w, 0))
            if self._n_reports is None:
                self._n_reports = len(self)
        n = self._n_reports
        return {w: math.log((n + 1) / (self._df_cache[w] + 0.5)) for w in self._df_cache}

    def timeline(self, subject: str, since: "str | date | None" = None, until: "str | date | None" = None,
                 rules: Any = None) -> Any:
        """Every dated claim about ``subject`` with the NC4xx findings between its reports (``history.timeline``)."""
        from .timeline import timeline

        return timeline(self, subject, since=since, until=until, rules=rules)

    def plot(self, subject: str, since: "str | date | None" = None, until: "str | date | None" = None,
             rules: Any = None, ax: Any = None) -> Any:
        """The figure about ``subject`` over publication date, as a matplotlib Figure (needs ``numcheck[plot]``)."""
        from .plot import draw

        return draw(self.timeline(subject, since=since, until=until, rules=rules), ax=ax)

    def integrity(self) -> str:
        """``PRAGMA integrity_check``'s verdict ("ok" when sound)."""
        return str(self._db().execute("PRAGMA integrity_check").fetchone()[0])

    def iter_claims(self) -> Iterator[dict[str, Any]]:
        """Every stored claim as a dict with its report's source and date, without pandas (for export)."""
        with self._reading():
            cur = self._db().execute("SELECT c.id AS claim_id, r.source, r.published, c.* FROM claims c "
                                     "JOIN reports r ON r.id = c.report_id ORDER BY c.id")
            names = [d[0] for d in cur.description]
            for row in cur:
                yield dict(zip(names, row))


# ---- writing ----------------------------------------------------------------------------------------

_Report = tuple  # (reports row, claims rows, entity words): what _build builds and _store writes


def _store(conn: sqlite3.Connection, reports: Sequence[_Report]) -> list[int]:
    """Insert whole reports inside the caller's transaction; a report already stored keeps its id."""
    ids = []
    for report, rows, ents in reports:
        found = conn.execute("SELECT id FROM reports WHERE digest = ?", (report[0],)).fetchone()
        if found:  # another writer stored the same text meanwhile
            ids.append(int(found[0]))
            continue
        cur = conn.execute("INSERT INTO reports (digest, source, published, published_end, added, n_claims) "
                           "VALUES (?, ?, ?, ?, ?, ?)", report)
        rid = cur.lastrowid
        assert rid is not None  # an INSERT always sets it
        conn.executemany(_INSERT_CLAIM, [(rid,) + r for r in rows])
        conn.executemany("INSERT INTO entity_df (entity, n) VALUES (?, 1) "
                         "ON CONFLICT(entity) DO UPDATE SET n = n + 1", [(e,) for e in ents])
        ids.append(rid)
    return ids


# ---- claims -> rows ------------------------------------------------------------------------------


def claim_rows(text: str, claims: Sequence[Claim], pub: tuple[date, date] | None) -> list[tuple[Any, ...]]:
    """The claims table rows (without report_id) for one report's claims."""
    v = vocabulary()
    sentences = SentenceIndex(text)
    pub_t: tuple[str | None, str | None] = (pub[0].isoformat(), pub[1].isoformat()) if pub else (None, None)
    by_sentence: dict[int, list[Claim]] = {}
    for c in claims:
        if not c.within_date:  # "two years" of "two years ago": the date is stored, as the checks read it
            by_sentence.setdefault(sentences.index(c.start), []).append(c)
    rows = []
    about = topic(text)
    from ..checks.base import Context  # the checks' reading of the text: which figure converts which

    converted = conversion_keys(Context(text, tuple(claims)))
    for si, group in by_sentence.items():
        s0, s1 = sentences.span_at(si)
        sentence = text[s0:s1].strip()
        sent_ents = entities(sentence)
        events = event_nouns(sentence)
        changed = int(has_cue(v.change, sentence))
        for c in group:
            canon = c.canonical
            factor = None
            if canon is not None:
                factor = canon.value / c.value if c.value not in (None, 0) else 1.0
            ents = who(sent_ents | entities("", c.subject) if c.subject else sent_ents, about)
            if c.kind == "date":
                t = pub_t
                key = event_key(sentence, c.start - s0 - (len(text[s0:s1]) - len(text[s0:s1].lstrip())), events)
                unit = "date"
            else:
                near = own_date(c, group, text)
                t = (near.date_start, near.date_end) if near is not None else pub_t
                key = attribute_key(text, c) or (head_noun(c.subject) if c.subject else bare_key(text, s0, c))
                unit = canon.unit if canon is not None else c.unit
            rows.append((
                c.start, c.end, c.text, sentence, c.kind, c.value, c.low, c.high, int(c.range),
                c.qualifier, c.change, c.unit,
                canon.value if canon is not None else None, unit or "",
                c.low * factor if factor is not None and c.low is not None else None,
                c.high * factor if factor is not None and c.high is not None else None,
                c.subject, key, c.timex, c.date_start, c.date_end,
                t[0], t[1], " ".join(sorted(ents)), " ".join(sorted(events)),
                int(told_cumulative(text, c, (s0, s1))), changed,
                converted.get(c.start, ""),
            ))
    return rows


def event_key(sentence: str, offset: int, events: frozenset[str]) -> str:
    """The event noun nearest a date in its sentence ("offensive" in "launched an offensive in August")."""
    if not events:
        return ""
    import re

    best, dist = "", None
    for m in re.finditer(r"[A-Za-z][A-Za-z\-']*", sentence):
        raw = m.group(0).lower()
        w = singular(raw)
        if raw in vocabulary().events:
            d = abs(m.start() - offset)
            if dist is None or d < dist:
                best, dist = w, d
    return best


def shift(day: str, days: int) -> str:
    """An ISO day moved by ``days``."""
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()
