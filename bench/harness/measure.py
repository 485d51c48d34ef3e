"""Cases and their measurement: one break per article and kind, caught or not, and the findings on the originals.

A case is one article with ONE site of one kind broken (harness.edits).  It is
caught when numcheck.check gives the broken text a warning or error that the
original did not have (same code and message), from the check families that
answer for the kind (harness.sites.families), covering the broken span or
having it among its related spans.  The originals' findings (every code, the
default configuration) are the quietness figures: findings per 20 articles,
warnings and errors per article.
"""
from __future__ import annotations

import random
from collections import Counter
from dataclasses import dataclass, field
from typing import Any, Iterable

from . import edits
from .corpora import Article
from .sites import Site, families, find

SERIOUS = ("warning", "error")


@dataclass(frozen=True)
class Case:
    """One article with one site broken: the broken text, where the break is, and what it was."""

    article: str
    kind: str
    text: str
    start: int
    end: int
    original: str
    broken: str
    how: str
    note: str = ""
    variant: str = ""

    @property
    def form(self) -> str:
        """The site's variant and how it was broken ("money, digit"; "weekday" for a weekday break)."""
        return ", ".join(x for x in (self.variant, self.how if self.how != "digit" else "") if x) or self.how


@dataclass
class Tally:
    """One kind on one corpus: cases and catches, and the sites that could not be cases, by reason."""

    cases: int = 0
    caught: int = 0
    inconsistent: int = 0
    unchecked: Counter = field(default_factory=Counter)
    forms: dict[str, list[int]] = field(default_factory=dict)  # form -> [cases, caught]

    def add(self, case: Case, hit: bool) -> None:
        """Count one case of this kind, caught or not."""
        self.cases += 1
        self.caught += hit
        counts = self.forms.setdefault(case.form, [0, 0])
        counts[0] += 1
        counts[1] += hit

    @property
    def recall(self) -> float | None:
        return self.caught / self.cases if self.cases else None

    def to_dict(self) -> dict[str, Any]:
        return {"cases": self.cases, "caught": self.caught, "recall": self.recall, "inconsistent": self.inconsistent,
                "unchecked": dict(self.unchecked), "forms": {k: {"cases": v[0], "caught": v[1]} for k, v in self.forms.items()}}


def rng_for(seed: int, article: str, kind: str) -> random.Random:
    """The same choices for an article and kind whatever else the run measures (str seeds hash stably)."""
    return random.Random(f"{seed}:{article}:{kind}")


def make_case(article: Article, sites: list[Site], seed: int) -> Case | None:
    """One site of the list broken, chosen reproducibly; None when no target of any site can be broken."""
    if not sites:
        return None
    kind = sites[0].kind
    rng = rng_for(seed, article.id, kind)
    order = list(sites)
    rng.shuffle(order)
    for site in order:
        targets = list(site.targets)
        rng.shuffle(targets)
        for t in targets:
            new = edits.apply(article.text, t, rng)
            if new is None or new == article.text[t.start:t.end]:
                continue
            text = article.text[:t.start] + new + article.text[t.end:]
            return Case(article.id, kind, text, t.start, t.start + len(new), article.text[t.start:t.end], new,
                        t.how, site.note, site.variant)
    return None


def cases_of(article: Article, kinds: Iterable[str], seed: int, tallies: dict[str, Tally],
             odd: list[tuple[Article, Site]] | None = None) -> list[Case]:
    """One case per kind the article has a site of; sites that cannot be cases are counted in ``tallies``
    (and the inconsistent ones, maybe real errors in the copy, kept in ``odd``)."""
    by_kind: dict[str, list[Site]] = {}
    for site in find(article, tuple(kinds)):
        t = tallies.setdefault(site.kind, Tally())
        if site.status == "inconsistent":
            t.inconsistent += 1
            if odd is not None:
                odd.append((article, site))
        elif site.status.startswith("unchecked:"):
            t.unchecked[site.status.split(":", 1)[1]] += 1
        else:
            by_kind.setdefault(site.kind, []).append(site)
    out = []
    for kind in kinds:
        case = make_case(article, by_kind.get(kind, []), seed)
        if case is not None:
            out.append(case)
    return out


def overlaps(f: Any, start: int, end: int, *, related: bool = True) -> bool:
    """Whether a finding's span, or one of its related spans, meets [start, end)."""
    spans = [(f.start, f.end)] + ([(r.start, r.end) for r in f.related] if related else [])
    return any(s < end and start < e for s, e in spans)


def caught(case: Case, findings: Iterable[Any], before: set[tuple[str, str]]) -> bool:
    """A new warning or error of the kind's families covers the break (NC4xx: its own span; its related spans
    point into the earlier report, not this text)."""
    prefixes = families(case.kind)
    for f in findings:
        if f.severity not in SERIOUS or (f.code, f.message) in before or not f.code.startswith(prefixes):
            continue
        if overlaps(f, case.start, case.end, related=not f.code.startswith("NC4")):
            return True
    return False
