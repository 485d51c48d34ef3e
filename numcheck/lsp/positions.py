"""Offsets into a document's text <-> LSP positions (line, character in the client's code units).

numcheck's findings and claims hold offsets into the Python string (code points);
LSP counts characters in UTF-16 code units unless the client and server agreed
on UTF-32 or UTF-8.  Lines end at "\\n" (a "\\r" before it stays at the end of its line).
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Callable

from lsprotocol import types

Units = Callable[[str], int]


def utf16(s: str) -> int:
    return len(s) + sum(1 for ch in s if ord(ch) > 0xFFFF)


def utf8(s: str) -> int:
    return len(s.encode("utf-8", "surrogatepass"))


UNITS: dict[str, Units] = {"utf-16": utf16, "utf-32": len, "utf-8": utf8}


class Lines:
    """A document's line starts, to turn offsets into positions and back."""

    def __init__(self, text: str, encoding: str = "utf-16") -> None:
        self.text = text
        self.units = UNITS.get(encoding, utf16)
        starts = [0]
        i = text.find("\n")
        while i != -1:
            starts.append(i + 1)
            i = text.find("\n", i + 1)
        self.starts = starts

    def position(self, offset: int) -> types.Position:
        offset = max(0, min(offset, len(self.text)))
        line = bisect_right(self.starts, offset) - 1
        return types.Position(line=line, character=self.units(self.text[self.starts[line]:offset]))

    def range(self, start: int, end: int) -> types.Range:
        return types.Range(start=self.position(start), end=self.position(end))

    def offset(self, pos: types.Position) -> int:
        """The offset of a client position; past the end of a line means its end."""
        if pos.line >= len(self.starts):
            return len(self.text)
        start = self.starts[pos.line]
        end = self.starts[pos.line + 1] - 1 if pos.line + 1 < len(self.starts) else len(self.text)
        count = 0
        for i in range(start, end):
            if count >= pos.character:
                return i
            count += self.units(self.text[i])
        return end

    def line_end(self, line: int) -> int:
        """The offset just before a line's break (and before a "\\r" ending it)."""
        end = self.starts[line + 1] - 1 if line + 1 < len(self.starts) else len(self.text)
        return end - 1 if end > self.starts[line] and self.text[end - 1] == "\r" else end
