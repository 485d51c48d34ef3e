"""A subject's figure over time: every stored claim about it, with the NC4xx findings between its reports.

The contradictions are not worked out here a second time: each report's
sentences about the subject are checked again by the one engine, with only the
NC4xx checks on and a view of the store that holds nothing published after it,
so a mark on the picture is exactly the finding ``numcheck check --history``
gave (or would have given) that report when it was new.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date
from typing import Any, Iterable

from .keys import head_noun


@dataclass(frozen=True)
class Point:
    """One stored claim: when its report was published, what it said (in base units), and whether it marks a change."""

    claim_id: int
    report_id: int
    source: str
    published: date
    text: str
    sentence: str
    value: float | None
    low: float | None
    high: float | None
    qualifier: str
    unit: str
    changed: bool

    @property
    def y(self) -> float:
        """Where the point sits: the stated value, else the middle of a closed interval, else its closed side."""
        if self.value is not None:
            return self.value
        if self.low is not None and self.high is not None:
            return (self.low + self.high) / 2
        return self.low if self.low is not None else self.high  # type: ignore[return-value]


@dataclass(frozen=True)
class Mark:
    """An NC4xx finding between two stored claims: the later one contradicts (or shrinks below) the earlier."""

    code: str
    claim_id: int
    earlier_id: int | None
    message: str


@dataclass(frozen=True)
class Timeline:
    subject: str
    unit: str
    points: tuple[Point, ...]
    marks: tuple[Mark, ...]

    def revisions(self) -> tuple[Point, ...]:
        """Points whose sentence marks a change (revised, now, rose to) from an earlier, different figure."""
        out = []
        for i, p in enumerate(self.points):
            if p.changed and any(q.published < p.published and q.y != p.y for q in self.points[:i]):
                out.append(p)
        return tuple(out)


class Before:
    """A read-only view of a store holding only reports published before one report (for re-checking it)."""

    def __init__(self, store: Any, report_id: int, published: str) -> None:
        self.store, self.key = store, (published, report_id)

    def idf(self, words: Iterable[str]) -> dict[str, float]:
        return self.store.idf(words)

    def lookup(self, *args: Any, **kwargs: Any) -> list[dict[str, Any]]:
        return [r for r in self.store.lookup(*args, **kwargs)
                if r["published"] is not None and (r["published"], r["report_id"]) < self.key]


def _f(x: Any) -> float | None:
    return None if x is None or (isinstance(x, float) and math.isnan(x)) else float(x)


def timeline(store: Any, subject: str, since: "str | date | None" = None, until: "str | date | None" = None,
             rules: Any = None) -> Timeline:
    """The dated claims about ``subject`` (matched on its head noun) in the unit most of them use, with their marks."""
    frame = store.claims(subject=subject, since=since, until=until)
    frame = frame[frame["published"].notna() & frame["kind"].isin(("count", "measure", "money", "percent", "age"))]
    if frame.empty:
        return Timeline(head_noun(subject), "", (), ())
    unit = frame["canon_unit"].value_counts().index[0]
    frame = frame[frame["canon_unit"] == unit].sort_values(["published", "report_id", "start"])
    points = tuple(
        Point(int(r.claim_id), int(r.report_id), str(r.source or f"report #{r.report_id}"),
              date.fromisoformat(r.published), r.text, r.sentence, _f(r.canon_value), _f(r.canon_low),
              _f(r.canon_high), r.qualifier, unit, bool(r.changed))
        for r in frame.itertuples() if _f(r.canon_value) is not None or _f(r.canon_low) is not None
        or _f(r.canon_high) is not None)
    return Timeline(head_noun(subject), unit, points, tuple(_marks(store, points, rules)))


def _marks(store: Any, points: tuple[Point, ...], rules: Any) -> list[Mark]:
    """Each report's sentences about the subject, checked again against the reports before it (NC4xx only)."""
    from ..engine import check

    by_report: dict[int, list[Point]] = {}
    for p in points:
        by_report.setdefault(p.report_id, []).append(p)
    marks = []
    for report_id, group in by_report.items():
        sentences = list(dict.fromkeys(p.sentence for p in group))
        text = "\n\n".join(sentences)
        starts, pos = [], 0
        for s in sentences:
            starts.append(pos)
            pos += len(s) + 2
        view = Before(store, report_id, group[0].published.isoformat())
        for f in check(text, format="text", published=group[0].published, rules=rules, history=view,
                       config={"select": ("NC4",)}):
            sentence = sentences[max(i for i, s in enumerate(starts) if s <= f.start)]
            said = text[f.start:f.end]
            hit = next((p for p in group if p.sentence == sentence and p.text == said), None)
            if hit is not None:
                earlier = f.evidence.get("claim_id")
                marks.append(Mark(f.code, hit.claim_id, int(earlier) if earlier is not None else None, f.message))
    return marks
