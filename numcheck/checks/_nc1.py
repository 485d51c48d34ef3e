"""Shared plumbing for the NC1xx arithmetic checks: the words between claims, subjects, vocabularies.

Every NC1xx check relates claims that the prose ties together ("1,000km (620
miles)", "X of Y (Z%)"), so the questions are always the same: what stands
between two claims, where a claim's subject ends, and which sentence holds it
(``Context.sentences``).
"""
from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from typing import Iterator

from ..model import Claim
from .base import Context

NUMERIC_KINDS = ("count", "measure", "money", "percent", "fraction", "age")

def numeric(ctx: Context) -> list[Claim]:
    """Claims with a value (no dates or durations), in text order."""
    return [c for c in ctx.claims if c.kind in NUMERIC_KINDS and c.point is not None]


_OF_DET = re.compile(r"[-\s]*(?:of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|our\s+|these\s+|those\s+)?)?", re.I)


def subject_end(text: str, claim: Claim) -> int:
    """The offset just after the claim's subject when it follows the claim ("10,000 troops|"), else ``claim.end``."""
    if not claim.subject:
        return claim.end
    m = _OF_DET.match(text, claim.end)
    pos = m.end() if m else claim.end
    if text.startswith(claim.subject, pos):
        return pos + len(claim.subject)
    i = text.find(claim.subject, claim.end, claim.end + 40 + len(claim.subject))
    return i + len(claim.subject) if i != -1 else claim.end


def gap(text: str, a: Claim, b: Claim, after_subject: bool = True) -> str:
    """The text between claim ``a`` (after its subject, if asked) and claim ``b``."""
    start = subject_end(text, a) if after_subject else a.end
    if start > b.start:
        start = a.end
    return text[start:b.start]


@lru_cache(maxsize=None)
def words(name: str) -> tuple[tuple[str, ...], ...]:
    """A tab-separated vocabulary file from numcheck/data/ as rows (comments and blank lines skipped)."""
    text = (resources.files("numcheck") / "data" / name).read_text(encoding="utf-8")
    return tuple(tuple(line.split("\t")) for line in text.splitlines() if line.strip() and not line.startswith("#"))


def phrase_regex(phrases: "list[str] | tuple[str, ...]") -> str:
    """An alternation of phrases, longest first, with flexible spaces and hyphens."""
    out = []
    for p in sorted(set(phrases), key=len, reverse=True):
        out.append(r"[\s-]+".join(re.escape(w) for w in p.split()))
    return "(?:" + "|".join(out) + ")"


def pairs_in_sentence(ctx: Context, claims: list[Claim]) -> Iterator[list[Claim]]:
    """The numeric claims grouped by sentence."""
    group: list[Claim] = []
    current = -1
    sentences = ctx.sentences
    for c in claims:
        i = sentences.index(c.start)
        if i != current and group:
            yield group
            group = []
        current = i
        group.append(c)
    if group:
        yield group
