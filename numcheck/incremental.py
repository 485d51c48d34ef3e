"""Re-reading only what changed: a document's prose cut into paragraphs, each paragraph's claims kept between edits.

The language server checks a document again after every edit.  The checks run
over the whole document each time (they compare claims across it), but the
extraction, most of the work, only needs to read the paragraphs that changed:
a claim never spans a paragraph break, so the claims of an unchanged
paragraph are the same wherever it moves (offsets are kept relative to the
paragraph and shifted back).  ``ParagraphCache`` is an ``engine.Extractor``;
``tests/test_incremental.py`` compares it with a full extraction on random edit
sequences.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Sequence

from .model import Claim
from .pubdate import find_published, iso

if TYPE_CHECKING:  # pragma: no cover
    from .rules import RuleSet

# Where a paragraph ends: a blank line, or a line break right after a sentence's end
# ("...in August.\nKyiv captured..." as in a wire copy with one paragraph per line).
# A line break inside a sentence ("between 10,000\nand 12,000") is never a break.
_BREAK = re.compile(r"\r?\n[ \t\r]*\n[ \t\r\n]*|(?<=[.!?])[\"'\u201d\u2019)]?\r?\n(?=[ \t]*[^\sa-z])")


def paragraphs(prose: str) -> list[tuple[int, str]]:
    """The prose cut at paragraph breaks: (offset, text) pieces that together cover it."""
    out: list[tuple[int, str]] = []
    pos = 0
    for m in _BREAK.finditer(prose):
        out.append((pos, prose[pos:m.end()]))
        pos = m.end()
    if pos < len(prose) or not out:
        out.append((pos, prose[pos:]))
    return out


@dataclass
class Work:
    """What the cache did in its last call: paragraphs read afresh and reused (tests count these, not time)."""

    extracted: int = 0
    reused: int = 0
    chars_extracted: int = 0


class ParagraphCache:
    """An extractor that remembers each paragraph's claims from the previous call and reads only new paragraphs."""

    def __init__(self) -> None:
        self._claims: dict[tuple[str, str, bool], tuple[Claim, ...]] = {}
        self._rules: "RuleSet | None" = None
        self.last = Work()
        self.total = Work()

    def __call__(self, prose: str, *, published: str | None, dayfirst: bool, rules: "RuleSet") -> list[Claim]:
        from .extract import extract

        if published is None:  # as extract() would: the date the whole text states, never one a paragraph seems to
            published = iso(find_published(prose)) or ""
        if rules is not self._rules:  # other rule files (a vocabulary) may read the same words otherwise
            self._claims, self._rules = {}, rules
        work = Work()
        kept: dict[tuple[str, str, bool], tuple[Claim, ...]] = {}
        out: list[Claim] = []
        for offset, text in paragraphs(prose):
            key = (text, published, dayfirst)
            found = kept.get(key) or self._claims.get(key)
            if found is None:
                found = tuple(extract(text, published, dayfirst=dayfirst, rules=rules))
                work.extracted += 1
                work.chars_extracted += len(text)
            else:
                work.reused += 1
            kept[key] = found
            out.extend(_shifted(found, offset))
        self._claims = kept  # only the current version's paragraphs: memory follows the document
        self._count(work)
        return out

    def _count(self, work: Work) -> None:
        self.last = work
        self.total.extracted += work.extracted
        self.total.reused += work.reused
        self.total.chars_extracted += work.chars_extracted


def _shifted(claims: Sequence[Claim], offset: int) -> list[Claim]:
    if not offset:
        return list(claims)
    return [replace(c, start=c.start + offset, end=c.end + offset) for c in claims]
