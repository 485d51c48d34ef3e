"""``numcheck check --fix | --diff [--unsafe-fixes]``: apply findings' suggestions (``numcheck.fix``), re-check, write.

The engine computes findings and ``numcheck.fix`` the edited text; this module
is the part that touches files: it re-checks the fixed text (a fix left out
for overlapping another is tried again), then writes the file back atomically
in its own encoding, byte-order mark and line endings, or collects a diff.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Callable

if TYPE_CHECKING:  # pragma: no cover
    from ..model import Finding
    from ..read import Source
    from .inputs import Target

FIX_PASSES = 4  # a fix left out for overlapping another is tried again on the re-checked text
Lint = Callable[[str], "list[Finding]"]


class Fixer:
    """Fixes file by file: counts what was applied, keeps diffs, fixed stdin and write errors for the CLI to print."""

    def __init__(self, unsafe: bool, write: bool) -> None:
        self.unsafe, self.write = unsafe, write
        self.applied = self.files = self.unsafe_left = 0
        self.diffs: list[str] = []
        self.errors: list[str] = []
        self.stdout: str | None = None

    def run(self, target: "Target", src: "Source", findings: "list[Finding]",
            lint: Lint) -> "tuple[Source, list[Finding]]":
        """The source and its findings after fixing (the fixed text re-checked), writing the file if asked."""
        from ..fix import UNSAFE, apply_fixes, safety, unified_diff

        first, applied = src, 0
        for _ in range(FIX_PASSES):
            result = apply_fixes(src.raw, findings, self.unsafe)
            if not result.changed:
                break
            applied += len(result.edits)
            src = replace(src, raw=result.text)
            findings = lint(src.raw)
        self.unsafe_left += sum(1 for f in findings
                                if f.suggestion is not None and not self.unsafe and safety(f.code) == UNSAFE)
        if not applied:
            return src, findings
        if not self.write:
            self.diffs.append(unified_diff(first.raw, src.raw, src.path))
        elif target.path == "-":
            self.stdout = src.raw
        elif not self._write(target.path, first.raw, src.raw):
            return first, lint(first.raw)
        self.applied += applied
        self.files += 1
        return src, findings

    def _write(self, path: str, old: str, new: str) -> bool:
        from ..read import encode_like

        try:
            data = encode_like(Path(path).read_bytes(), old, new)
            fd, tmp = tempfile.mkstemp(dir=os.path.dirname(os.path.abspath(path)), prefix=".numcheck-fix-")
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            shutil.copymode(path, tmp)
            os.replace(tmp, path)
        except (OSError, ValueError) as exc:
            self.errors.append(f"{path}: fixes not written: {exc}")
            return False
        return True

    def summary(self, diff: bool) -> list[str]:
        """The notices for stderr: how many fixes were (or would be) applied, how many wait for --unsafe-fixes."""
        lines = []
        if self.applied:
            verb = "would fix" if diff else "fixed"
            lines.append(f"{verb} {self.applied} finding{'s' * (self.applied != 1)} in "
                         f"{self.files} file{'s' * (self.files != 1)}")
        if self.unsafe_left:
            lines.append(f"{self.unsafe_left} more fix{'es' * (self.unsafe_left != 1)} available with --unsafe-fixes")
        return lines
