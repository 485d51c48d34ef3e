"""Span matching, scores and the offset digest shared by the hand-labelled development sets
(news_gold, news_dev, timex_gold).

A gold item and a prediction are anything with ``.start``/``.end``; the
quantity scorers add what a pair is judged on through two predicates: whether
the amounts agree (``value_ok``) and whether the amount and the unit agree
(``unit_ok``, asked only of a value hit).  Each set's conventions live in its
own test module; the pairing, the tallies and the verdict names live here.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import Any, Callable, Iterable, Sequence

from scoring import close

Judge = Callable[[Any, Any], bool]


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


def amounts_agree(g_value: float | None, g_low: float | None, g_high: float | None,
                  p_value: float | None, p_low: float | None, p_high: float | None) -> bool:
    """A stated value against the value; a range or vague amount (no value) against both ends of the interval."""
    if g_value is None:
        return close(g_low, p_low) and close(g_high, p_high)
    return close(g_value, p_value)


@dataclass(frozen=True)
class Tally:
    """Gold items, predictions, value hits and value+unit hits (for one sentence, or summed)."""

    gold: int = 0
    pred: int = 0
    value_hits: int = 0
    unit_hits: int = 0

    def __add__(self, other: "Tally") -> "Tally":
        return Tally(self.gold + other.gold, self.pred + other.pred,
                     self.value_hits + other.value_hits, self.unit_hits + other.unit_hits)

    def value_prf(self) -> tuple[float, float, float]:
        return prf(self.value_hits, self.pred, self.gold)

    def unit_prf(self) -> tuple[float, float, float]:
        return prf(self.unit_hits, self.pred, self.gold)


def verdict(g: Any, p: Any, value_ok: Judge, unit_ok: Judge) -> str:
    """``ok``, ``unit`` (the amount agrees, the unit not), ``value``, ``missed`` or ``extra``."""
    if p is None:
        return "missed"
    if g is None:
        return "extra"
    if not value_ok(g, p):
        return "value"
    return "ok" if unit_ok(g, p) else "unit"


def tally(pairs: Iterable[tuple[Any, Any]], value_ok: Judge, unit_ok: Judge) -> Tally:
    """The tally of matched pairs (``match``'s output) under one set's judges."""
    t = Tally()
    for g, p in pairs:
        v = verdict(g, p, value_ok, unit_ok)
        t = t + Tally(int(g is not None), int(p is not None), int(v in ("ok", "unit")), int(v == "ok"))
    return t
