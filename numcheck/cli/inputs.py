"""Turning CLI paths (files, directories, -) into documents.  Delegates decoding and markup to ``read``."""
from __future__ import annotations

import sys
from dataclasses import dataclass


@dataclass(frozen=True)
class Document:
    path: str
    text: str
    published: str | None = None


def read_inputs(paths: list[str]) -> tuple[list[Document], list[str]]:
    """Read every path; return the documents read and one-line errors for those that could not be."""
    docs, errors = [], []
    for path in paths:
        try:
            if path == "-":
                data = sys.stdin.buffer.read()
            else:
                with open(path, "rb") as fh:
                    data = fh.read()
        except OSError as exc:
            errors.append(f"{path}: cannot read: {exc.strerror or exc}")
            continue
        if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
            errors.append(f"{path}: skipped: binary file (NUL bytes)")
            continue
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("cp1252", errors="replace")
        docs.append(Document(path if path != "-" else "<stdin>", text))
    return docs, errors
