"""One harness run over one corpus: the originals' findings, every kind's cases and catches, the history kind."""
from __future__ import annotations

import time
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from . import corpora, restated
from .measure import SERIOUS, Case, Tally, cases_of, caught
from .sites import Site

# the development articles a held-out corpus's history store starts with (they were published before it)
BACKGROUND = {"bbc-test": "bbc-dev"}


@dataclass
class CorpusResult:
    """What one corpus gave: article count, findings on the originals by code, tallies by kind, the misses."""

    corpus: str
    articles: int = 0
    findings: Counter = field(default_factory=Counter)
    serious: int = 0
    tallies: dict[str, Tally] = field(default_factory=dict)
    history_checked: int = 0
    nc4: Counter = field(default_factory=Counter)
    missed: list[Case] = field(default_factory=list)
    odd: list[tuple[corpora.Article, Site]] = field(default_factory=list)  # inconsistent originals
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        n = max(1, self.articles)
        total = sum(self.findings.values())
        return {
            "corpus": self.corpus, "articles": self.articles, "findings": total,
            "findings_per_20": 20 * total / n, "serious_per_article": self.serious / n,
            "by_code": dict(sorted(self.findings.items())),
            "kinds": {k: t.to_dict() for k, t in self.tallies.items()},
            "history_checked": self.history_checked,
            "nc4_per_article": sum(self.nc4.values()) / max(1, self.history_checked),
            "nc4_by_code": dict(self.nc4), "seconds": round(self.seconds, 1),
        }


def measure_corpus(corpus: str, kinds: tuple[str, ...], seed: int = 0, limit: int | None = None) -> CorpusResult:
    """Check every article of ``corpus`` and one broken copy per kind it has a site of."""
    from numcheck import check

    t0 = time.perf_counter()
    articles = corpora.load(corpus, limit)
    out = CorpusResult(corpus, len(articles))
    text_kinds = tuple(k for k in kinds if k != "history")
    for a in articles:
        fs = check(a.text, published=a.published)
        out.findings.update(f.code for f in fs)
        out.serious += sum(f.severity in SERIOUS for f in fs)
        before = {(f.code, f.message) for f in fs}
        for case in cases_of(a, text_kinds, seed, out.tallies, out.odd):
            hit = caught(case, check(case.text, published=a.published), before)
            out.tallies[case.kind].add(case, hit)
            if not hit:
                out.missed.append(case)
    if "history" in kinds:
        background = corpora.load(BACKGROUND[corpus], limit) if corpus in BACKGROUND else []
        h = restated.measure(articles, background, seed)
        out.tallies["history"] = h.tally
        out.history_checked, out.nc4 = h.checked, h.nc4
        out.missed.extend(h.missed)
    out.seconds = time.perf_counter() - t0
    return out
