"""The shared text layer: where each sentence of a text begins and ends, found once and looked up by offset.

Every check that asks "which sentence holds this claim?" asks the same
``SentenceIndex``, built once per text (``Context.sentences``), and so does
the history store; each lookup is a binary search, so a check that asks once
per claim stays linear in the text.

A line break always ends a sentence: a headline, a list item, a table row or a
plain-text paragraph is a statement of its own.  Prose hard-wrapped inside a
sentence is split at the wrap too, which can only cost a check a pair of
claims (a miss), never join two statements (a false alarm).

The extractor keeps two local tests of its own, for other questions: whether a
capital opens a clause (extract/quantities.py, after colons and brackets too)
and where the clause before a date begins (extract/dates/resolve.py, at
semicolons too); they look a few characters back and run before any index.
"""
from __future__ import annotations

import re
from bisect import bisect_right

# A sentence ends at . ! or ? (closing quotes and brackets may follow) before white space and a
# capital, a digit, a currency sign or an opening quote:  'said Sella. "This season'  /  'in 2004. The'
_END = re.compile(r"[.!?][\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9\u00a3$\u20ac])"
                  # ...and at a line break: a paragraph, a headline, a list item or a table row
                  r"|\n\s*")
# ...but not at the full stop of an abbreviation or an initial: "Mr. Smith", "J. Smith", "U.S. troops"
_ABBREVIATION = re.compile(r"(?:\b[A-Z]|\bMrs?|\bDr|\bSt|\bNo)$")


def sentence_starts(text: str) -> list[int]:
    """The offset of each sentence's first character (after the white space before it); the first is 0."""
    starts = [0]
    for m in _END.finditer(text):
        i = m.start()
        if text[i] == "." and _ABBREVIATION.search(text, max(0, i - 3), i) and "\n" not in m.group():
            continue
        if m.end() > starts[-1]:
            starts.append(m.end())
    return starts


class SentenceIndex:
    """The sentences of one text: ``span(pos)`` is the sentence holding offset ``pos`` as (start, end).

    A sentence runs from its first character to the next sentence's first
    character (trailing white space included), so the spans cover the text.
    """

    __slots__ = ("text", "starts")

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = sentence_starts(text)

    def __len__(self) -> int:
        return len(self.starts)

    def index(self, pos: int) -> int:
        """The number of the sentence holding ``pos`` (0 for the first)."""
        return max(bisect_right(self.starts, pos) - 1, 0)

    def span_at(self, i: int) -> tuple[int, int]:
        """(start, end) of sentence number ``i``."""
        end = self.starts[i + 1] if i + 1 < len(self.starts) else len(self.text)
        return self.starts[i], end

    def span(self, pos: int) -> tuple[int, int]:
        """(start, end) of the sentence holding ``pos``."""
        return self.span_at(self.index(pos))

    def sentence(self, pos: int) -> str:
        """The text of the sentence holding ``pos``, white space stripped."""
        start, end = self.span(pos)
        return self.text[start:end].strip()

    def spans(self) -> list[tuple[int, int]]:
        """Every sentence's (start, end), in order."""
        return [self.span_at(i) for i in range(len(self.starts))]
