"""JSON and JSON Lines: each finding's contract dict plus where it is (path, end line and column)."""
from __future__ import annotations

import json
from typing import Any, Sequence

from . import FileResult, end_line_col


def records(results: Sequence[FileResult]) -> list[dict[str, Any]]:
    """One dict per finding: ``path``, the ``Finding.to_dict()`` keys, then ``end_line``/``end_col`` (exclusive)."""
    out = []
    for r in results:
        for f in r.findings:
            end_line, end_col = end_line_col(r.source, f)
            out.append({"path": r.path, **f.to_dict(), "end_line": end_line, "end_col": end_col})
    return out


def render(results: Sequence[FileResult], **_: Any) -> str:
    return json.dumps(records(results), ensure_ascii=False, indent=2, default=str) + "\n"


def render_jsonl(results: Sequence[FileResult], **_: Any) -> str:
    return "".join(_one_line(json.dumps(rec, ensure_ascii=False, default=str)) + "\n" for rec in records(results))


def _one_line(record: str) -> str:
    """Escape the separators that line readers split on (U+2028, U+2029, U+0085): one record, one line."""
    return record.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029").replace("\x85", "\\u0085")


def render_statistics(results: Sequence[FileResult]) -> str:
    """Counts per code (code, name, severity, count), then what could not be checked (code, name, reason, count)."""
    from . import unchecked_counts
    from .text import statistics

    return json.dumps(statistics(results) + unchecked_counts(results), ensure_ascii=False, indent=2) + "\n"
