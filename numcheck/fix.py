"""Fixes: a text with its findings' suggestions applied, as ruff's ``--fix`` does, and the diff that shows them.

Pure: the original text and its findings in (offsets into that text), the new
text and a record of what was applied and what was not out; no files, no
printing.  A suggestion replaces exactly ``text[start:end]`` (``Finding``).
Which suggestions apply is the checks' own ``fix`` safety: "safe" ones always
(wording: weekday names, percent against points, house style), "unsafe" ones
(a figure changes) only when asked.  Two edits never overlap: in text order
the first is kept and the others are reported as not applied; running the fix
again after a re-check picks them up if they still hold.  Findings only point
into prose, so Markdown and HTML structure outside them is left byte for byte.
"""
from __future__ import annotations

import difflib
from dataclasses import dataclass
from typing import Iterable

from .model import Finding

SAFE = "safe"
UNSAFE = "unsafe"


@dataclass(frozen=True)
class Edit:
    """One applied replacement: ``old`` (``text[start:end]`` of the original) became ``new``."""

    start: int
    end: int
    old: str
    new: str
    finding: Finding


@dataclass(frozen=True)
class Skipped:
    """A finding with a suggestion that was not applied, and why."""

    finding: Finding
    reason: str


@dataclass(frozen=True)
class FixResult:
    """The fixed text, the edits made (in text order, offsets into the original) and the suggestions left."""

    text: str
    edits: tuple[Edit, ...]
    skipped: tuple[Skipped, ...]

    @property
    def applied(self) -> tuple[Finding, ...]:
        return tuple(e.finding for e in self.edits)

    @property
    def changed(self) -> bool:
        return bool(self.edits)

    def new_spans(self) -> list[tuple[int, int]]:
        """Where each edit's new text sits in the fixed text (to re-check just those places)."""
        out, shift = [], 0
        for e in self.edits:
            out.append((e.start + shift, e.start + shift + len(e.new)))
            shift += len(e.new) - (e.end - e.start)
        return out


def safety(code: str) -> str | None:
    """The fix safety a check declares ("safe", "unsafe"), None for a check that makes no suggestions or is unknown."""
    from .checks import by_code

    chk = by_code(code)
    return getattr(chk, "fix", None) if chk is not None else None


def apply_fixes(text: str, findings: Iterable[Finding], unsafe: bool = False) -> FixResult:
    """``text`` with the suggestions of ``findings`` applied: the safe ones, and the unsafe ones too when ``unsafe``.

    Raises ValueError when a finding's span lies outside ``text`` (findings of
    another text, or of the text before a change).
    """
    edits: list[Edit] = []
    skipped: list[Skipped] = []
    with_suggestion = sorted((f for f in findings if f.suggestion is not None), key=lambda f: f.start)
    for f in with_suggestion:
        if not 0 <= f.start <= f.end <= len(text):
            raise ValueError(f"{f.code} at {f.start}:{f.end}: the span is outside the text ({len(text)} characters)")
        reason = _not_applied(f, text, edits, unsafe)
        if reason:
            skipped.append(Skipped(f, reason))
        else:
            edits.append(Edit(f.start, f.end, text[f.start:f.end], f.suggestion or "", f))
    return FixResult(_spliced(text, edits), tuple(edits), tuple(skipped))


def _not_applied(f: Finding, text: str, edits: list[Edit], unsafe: bool) -> str:
    """Why a suggestion is left out ("" when it applies)."""
    kind = safety(f.code)
    if kind is None:
        return f"{f.code} declares no fix"
    if kind == UNSAFE and not unsafe:
        return "unsafe fix (applied with --unsafe-fixes)"
    if text[f.start:f.end] == f.suggestion:
        return "the text already reads so"
    if edits and (f.start < edits[-1].end or f.start == edits[-1].start):
        last = edits[-1].finding
        return f"overlaps the {last.code} fix at {last.line}:{last.col}"
    return ""


def _spliced(text: str, edits: list[Edit]) -> str:
    out, pos = [], 0
    for e in edits:
        out += [text[pos:e.start], e.new]
        pos = e.end
    out.append(text[pos:])
    return "".join(out)


def unified_diff(old: str, new: str, path: str = "text") -> str:
    """A unified diff of ``old`` against ``new`` as ``--diff`` prints it; "" when they are equal."""
    if old == new:
        return ""
    lines = difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True),
                                 fromfile=f"a/{path}", tofile=f"b/{path}")
    # a last line without a newline gets git's marker, so the next header does not run into it
    return "".join(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines)
