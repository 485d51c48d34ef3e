"""Turning CLI paths (files, directories, -) into documents.  Delegates decoding and markup to ``read``.

Files named on the command line are always read; directories are walked in
sorted order, keeping files that match the include globs and pruning what
matches the exclude globs (both matched against the name and the path under
the walked directory).  A progress bar goes to stderr on a terminal when
there are many files.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Iterable, Sequence

from ..read import BinaryFileError, Source, read_bytes, read_path

if TYPE_CHECKING:  # pragma: no cover
    from ..settings import Settings

Document = Source  # what extract and check consume: path, text (prose), raw, published, notices
PROGRESS_MIN = 5  # fewer files than this finish before a bar is worth drawing


@dataclass(frozen=True)
class Target:
    """One input to read: a path as the user will see it, and whether a directory walk found it."""

    path: str
    walked: bool = False


def _matches(rel: str, name: str, globs: Iterable[str]) -> bool:
    from ..settings import glob_match
    import fnmatch

    return any(fnmatch.fnmatchcase(name, g) or glob_match(rel, g) for g in globs)


def walk(root: str, include: Sequence[str], exclude: Sequence[str]) -> list[Target]:
    """Files under ``root`` matching ``include`` and not ``exclude``, sorted; excluded directories are not entered."""
    out = []
    base = Path(root)
    for dirpath, dirnames, filenames in os.walk(root):
        rel_dir = Path(dirpath).relative_to(base).as_posix()
        rel_dir = "" if rel_dir == "." else rel_dir + "/"
        dirnames[:] = sorted(d for d in dirnames if not _matches(rel_dir + d, d, exclude))
        for name in sorted(filenames):
            rel = rel_dir + name
            if _matches(rel, name, include) and not _matches(rel, name, exclude):
                out.append(Target(os.path.normpath(os.path.join(dirpath, name)), walked=True))
    return sorted(out, key=lambda t: t.path)


def collect(
    paths: Sequence[str],
    include: Sequence[str] | None = None,
    exclude: Sequence[str] = (),
    settings: "Settings | None" = None,
) -> tuple[list[Target], list[str]]:
    """Expand paths into targets; return one-line errors for paths that do not exist.

    A directory is walked with ``include`` (default: the governing settings' include globs)
    and the settings' exclude globs plus ``exclude``.  ``settings`` None means the
    configuration found upward from each directory.
    """
    from ..settings import settings_for

    targets, errors, seen = [], [], set()
    for path in paths:
        if path == "-":
            targets.append(Target("-"))
            continue
        p = Path(path)
        if p.is_dir():
            s = settings or settings_for(p / ".")
            found = walk(path, tuple(include or s.include), tuple(s.exclude) + tuple(exclude))
        elif p.exists():
            found = [Target(path)]
        else:
            errors.append(f"{path}: no such file or directory")
            continue
        for t in found:
            key = os.path.normpath(t.path)
            if key not in seen:
                seen.add(key)
                targets.append(t)
    return targets, errors


def read_target(target: Target, stdin_name: str | None = None) -> Source:
    """Read one target; ``OSError`` and ``BinaryFileError`` propagate."""
    if target.path == "-":
        data = sys.stdin.buffer.read()
        src = read_bytes(data, "<stdin>", _stdin_format(stdin_name))
        return src if stdin_name is None else Source(stdin_name, src.raw, src.format, src.encoding, src.notices)
    return read_path(target.path)


def _stdin_format(name: str | None) -> str | None:
    if not name:
        return None
    from ..read import EXTENSIONS

    return EXTENSIONS.get(Path(name).suffix.lower(), "text")


def read_inputs(
    paths: list[str],
    include: Sequence[str] | None = None,
    exclude: Sequence[str] = (),
) -> tuple[list[Document], list[str]]:
    """Read every path; return the documents read and one-line errors for those that could not be."""
    targets, errors = collect(paths, include, exclude)
    docs = []
    for t in targets:
        try:
            docs.append(read_target(t))
        except BinaryFileError as exc:
            if not t.walked:
                errors.append(f"{t.path}: skipped: {exc}")
        except OSError as exc:
            errors.append(f"{t.path}: cannot read: {exc.strerror or exc}")
        except ValueError as exc:  # over the size limit: the message names the file
            errors.append(str(exc))
    return docs, errors


class Progress:
    """A one-line bar on stderr, drawn only on a terminal and only for many files."""

    def __init__(self, total: int, stream: IO[str] | None = None, enabled: bool | None = None) -> None:
        self.stream = stream or sys.stderr
        self.total = total
        if enabled is None:
            enabled = total >= PROGRESS_MIN and _isatty(self.stream)
        self.enabled = enabled
        self.done = 0

    def step(self, label: str = "") -> None:
        self.done += 1
        if not self.enabled:
            return
        width = 30
        filled = width * self.done // max(self.total, 1)
        label = label if len(label) <= 40 else "…" + label[-39:]
        self.stream.write(f"\r\x1b[2K[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} {label}")
        self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.done:
            self.stream.write("\r\x1b[2K")
            self.stream.flush()


def _isatty(stream: IO[str]) -> bool:
    try:
        return stream.isatty()
    except (AttributeError, ValueError):
        return False
