"""Overlap tests against a set of taken spans, in logarithmic time, so a text full of claims stays linear."""
from __future__ import annotations

from bisect import bisect_right
from typing import Callable, Iterable


def overlap_test(spans: Iterable[tuple[int, int]]) -> Callable[[int, int], bool]:
    """``test(s, e)``: whether [s, e) overlaps any of ``spans``.

    The spans are sorted by start, and each keeps the furthest end of any span starting at or before it;
    the last span starting before ``e`` then answers with one comparison.
    """
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    reach: list[int] = []
    furthest = -1
    for _, e in ordered:
        furthest = max(furthest, e)
        reach.append(furthest)

    def test(s: int, e: int) -> bool:
        i = bisect_right(starts, e - 1) - 1
        return i >= 0 and reach[i] > s

    return test
