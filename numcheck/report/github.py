"""GitHub Actions workflow commands: ``::warning file=..,line=..,col=..,endColumn=..,title=NC203::message``.

Escaping follows @actions/core: in the message ``%``, CR and LF become
``%25``, ``%0D``, ``%0A``; in property values ``:`` and ``,`` also become
``%3A`` and ``%2C``.  Levels map error -> error, warning -> warning, info -> notice.
"""
from __future__ import annotations

from typing import Any, Sequence

from . import FileResult, end_line_col

LEVELS = {"error": "error", "warning": "warning", "info": "notice"}


def escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(s: str) -> str:
    return escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render(results: Sequence[FileResult], **_: Any) -> str:
    lines = []
    for r in results:
        for f in r.findings:
            end_line, end_col = end_line_col(r.source, f)
            props = [("file", r.path), ("line", str(f.line)), ("col", str(f.col))]
            if end_line != f.line:
                props.append(("endLine", str(end_line)))
            props += [("endColumn", str(end_col)), ("title", f.code)]
            prop_text = ",".join(f"{k}={escape_property(v)}" for k, v in props)
            lines.append(f"::{LEVELS[f.severity]} {prop_text}::{escape_data(f.message)}")
    return "".join(line + "\n" for line in lines)
