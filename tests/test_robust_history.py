"""The history store under faults not covered by test_history.py: a full disk, and damaged or odd store files.

A full disk is simulated with a file-size limit (RLIMIT_FSIZE, SIGXFSZ
ignored) on the ``numcheck history add|import`` subprocess: SQLite's writes
past the limit fail as they would on a full disk.  Each case must end in a
consistent store (integrity_check ok, exactly the reports there were before:
nothing half-written) and a one-line refusal with exit 2, never a traceback.
"""
from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

pytest.importorskip("numcheck.history")
resource = pytest.importorskip("resource")  # POSIX only

EXE = Path(sys.executable).with_name("numcheck")
ENV = {**os.environ, "NUMCHECK_NO_CACHE": "1"}
ENV.pop("NUMCHECK_HISTORY", None)
SMALL = "date 2025-01-01\nMore than 10,000 troops moved. About 2,000 civilians left. Prices rose 5%.\n"
BIG = "date 2025-01-02\n" + " ".join(
    f"In town {i}, more than {i * 10 + 7:,} troops and about {i * 3 + 1:,} civilians were counted." for i in range(600))


def cli(*args, limit: int | None = None) -> subprocess.CompletedProcess:
    def preexec() -> None:
        if limit is not None:
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
            resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    return subprocess.run([str(EXE), *map(str, args)], capture_output=True, text=True, timeout=300, env=ENV,
                          preexec_fn=preexec)


def state(db: Path) -> tuple[str, int, int]:
    """(integrity_check, reports, claims) read with plain sqlite3."""
    conn = sqlite3.connect(db)
    try:
        ok = conn.execute("PRAGMA integrity_check").fetchone()[0]
        reports = conn.execute("SELECT count(*) FROM reports").fetchone()[0]
        claims = conn.execute("SELECT count(*) FROM claims").fetchone()[0]
    finally:
        conn.close()
    return ok, reports, claims


def one_line_refusal(p: subprocess.CompletedProcess) -> str:
    assert "Traceback" not in p.stderr, p.stderr
    assert p.returncode == 2, (p.returncode, p.stderr)
    lines = [ln for ln in p.stderr.splitlines() if ln.strip()]
    assert len(lines) == 1, p.stderr
    return lines[0]


@pytest.fixture
def store(tmp_path) -> Path:
    (tmp_path / "r1.txt").write_text(SMALL, encoding="utf-8")
    (tmp_path / "big.txt").write_text(BIG, encoding="utf-8")
    db = tmp_path / "h.db"
    p = cli("history", "add", tmp_path / "r1.txt", "--db", db)
    assert p.returncode == 0, p.stderr
    return db


def _fill_the_disk(store: Path) -> tuple[subprocess.CompletedProcess, tuple[str, int, int]]:
    before = state(store)
    size = sum(f.stat().st_size for f in store.parent.glob(store.name + "*"))
    p = cli("history", "add", store.parent / "big.txt", "--db", store, limit=size + 40_000)
    return p, before


def test_full_disk_during_add_leaves_the_store_as_it_was(store):
    p, before = _fill_the_disk(store)
    one_line_refusal(p)
    assert state(store) == before
    ok = cli("history", "list", "--db", store)
    assert ok.returncode == 0 and "r1.txt" in ok.stdout and "big.txt" not in ok.stdout
    again = cli("history", "add", store.parent / "big.txt", "--db", store)  # room again: the add goes through
    assert again.returncode == 0, again.stderr
    assert state(store)[1] == before[1] + 1


def test_full_disk_refusal_names_the_store(store):  # H2, fixed: StoreError names the store
    p, _ = _fill_the_disk(store)
    line = one_line_refusal(p)
    assert str(store) in line or store.name in line, line


def test_full_disk_during_import_keeps_whole_reports_only(store, tmp_path):
    import csv

    table = tmp_path / "reports.csv"
    with open(table, "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["text", "published", "source"])
        for i in range(40):
            w.writerow([BIG[:4000].replace("town", f"town{i}"), "2025-01-03", f"wire-{i}"])
    before = state(store)
    size = sum(f.stat().st_size for f in store.parent.glob(store.name + "*"))
    p = cli("history", "import", table, "--db", store, limit=size + 60_000)
    assert "Traceback" not in p.stderr, p.stderr
    ok, reports, claims = state(store)
    assert ok == "ok"
    if p.returncode == 0:  # it fitted after all
        return
    assert p.returncode == 2 and len([ln for ln in p.stderr.splitlines() if ln.strip()]) == 1, p.stderr
    # whatever was stored is whole reports: every stored report has its claims
    conn = sqlite3.connect(store)
    try:
        empty = conn.execute("SELECT count(*) FROM reports r WHERE NOT EXISTS "
                             "(SELECT 1 FROM claims c WHERE c.report_id = r.id)").fetchone()[0]
    finally:
        conn.close()
    assert empty == 0 and reports >= before[1]


def _damaged(store: Path, how: str) -> Path:
    data = store.read_bytes()
    out = store.with_name(f"{how}.db")
    if how == "truncated":
        out.write_bytes(data[: len(data) // 2])
    elif how == "page-garbage":
        b = bytearray(data)
        b[8192:12288] = b"\xab" * 4096
        out.write_bytes(bytes(b))
    elif how == "wal-garbage":
        shutil.copy(store, out)
        Path(str(out) + "-wal").write_bytes(b"garbage" * 1000)
    elif how == "header-only":
        out.write_bytes(data[:100])
    return out


@pytest.mark.parametrize("how", ["truncated", "page-garbage", "wal-garbage", "header-only"])
def test_damaged_store_is_read_or_refused_in_one_line(store, how):
    db = _damaged(store, how)
    raw = db.read_bytes()
    for args in (("history", "list", "--db", db), ("history", "export", "--db", db),
                 ("check", "--history", db, store.parent / "r1.txt")):
        p = cli(*args)
        assert "Traceback" not in p.stderr, (args, p.stderr)
        assert p.returncode in (0, 1, 2), (args, p.returncode)
        if p.returncode == 2:
            assert len([ln for ln in p.stderr.splitlines() if ln.strip()]) == 1, p.stderr
    assert db.read_bytes() == raw, "reading a damaged store changed it"


@pytest.mark.parametrize("how", [
    "truncated",
    "page-garbage",  # H1, fixed: StoreError names the store
])
def test_adding_to_a_damaged_store_is_refused_naming_it(store, how):
    db = _damaged(store, how)
    p = cli("history", "add", store.parent / "big.txt", "--db", db)
    line = one_line_refusal(p)
    assert db.name in line, line


@pytest.mark.parametrize("target", ["/dev/null", "/dev/zero", "dir"])
def test_device_or_directory_as_store_is_refused(tmp_path, target):
    db = tmp_path if target == "dir" else Path(target)
    if target != "dir" and not db.exists():
        pytest.skip(f"{target} missing")
    for args in (("history", "list", "--db", db), ("history", "add", tmp_path / "x.txt", "--db", db)):
        (tmp_path / "x.txt").write_text(SMALL)
        one_line_refusal(cli(*args))
