"""Shared bits of the history benchmarks: the BBC corpus (all three splits, in order) and timing helpers."""
from __future__ import annotations

import csv
import sys
import time
from pathlib import Path
from typing import Callable

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
CORPUS = ROOT.parent / "shared" / "corpora" / "bbc"
SPLITS = ("bbc_train.csv", "bbc_val.csv", "bbc_test.csv")


def bbc_texts(limit: int | None = None) -> list[str]:
    """Every BBC article (2,225), train then val then test; timing only, nothing is tuned on them."""
    missing = [s for s in SPLITS if not (CORPUS / s).exists()]
    if missing:
        raise SystemExit(f"BBC corpus not found under {CORPUS} (missing {', '.join(missing)})")
    csv.field_size_limit(10**8)
    texts: list[str] = []
    for split in SPLITS:
        with open(CORPUS / split, newline="", encoding="utf-8") as fh:
            texts.extend(row["text"] for row in csv.DictReader(fh))
    return texts[:limit] if limit else texts


def timed(fn: Callable[[], object]) -> tuple[float, float, object]:
    """(wall seconds, CPU seconds of this process, result)."""
    w, c = time.perf_counter(), time.process_time()
    out = fn()
    return time.perf_counter() - w, time.process_time() - c, out
