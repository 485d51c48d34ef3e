"""Span matching, scores and the offset digest shared by the hand-labelled development sets (news_gold, timex_gold)."""
from __future__ import annotations

import hashlib
from typing import Any, Sequence


def sha1(s: str) -> str:
    """A short digest of a stored passage: a corpus whose offsets no longer give it is caught."""
    return hashlib.sha1(s.encode("utf-8")).hexdigest()[:12]


def overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    return max(0, min(a_end, b_end) - max(a_start, b_start))


def match(golds: Sequence[Any], preds: Sequence[Any]) -> list[tuple[Any, Any]]:
    """Greedy pairing by overlapping span (anything with .start/.end); unpaired items come back with None."""
    free = list(range(len(preds)))
    pairs: list[tuple[Any, Any]] = []
    for g in golds:
        best = max(free, key=lambda i: overlap(g.start, g.end, preds[i].start, preds[i].end), default=None)
        if best is not None and overlap(g.start, g.end, preds[best].start, preds[best].end) > 0:
            free.remove(best)
            pairs.append((g, preds[best]))
        else:
            pairs.append((g, None))
    pairs.extend((None, preds[i]) for i in free)
    return pairs


def prf(hits: int, pred: int, gold: int) -> tuple[float, float, float]:
    """Precision, recall and F1 in percent (an empty side scores 100 only when both are empty)."""
    p = 100.0 * hits / pred if pred else (100.0 if not gold else 0.0)
    r = 100.0 * hits / gold if gold else (100.0 if not pred else 0.0)
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f
