"""The human format: ``path:line:col: CODE [severity] message``, the quoted line, the span underlined.

Colour (ANSI) only when the caller says so; the CLI asks for it on a terminal.
"""
from __future__ import annotations

import unicodedata
from collections import Counter
from typing import Sequence

from ..model import Finding
from . import FileResult

WINDOW = 100  # the widest quoted line; longer ones are cut around the span
_SGR = {"bold": "1", "dim": "2", "error": "1;31", "warning": "1;33", "info": "1;36", "caret": "1;35"}


def _paint(text: str, style: str, color: bool) -> str:
    return f"\x1b[{_SGR[style]}m{text}\x1b[0m" if color and text else text


def _width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def _clean(ch: str) -> str:
    return " " if ch == "\t" or unicodedata.category(ch) in ("Cc", "Cf", "Zl", "Zp") else ch


def quote(source: str, finding: Finding) -> tuple[str, str]:
    """(the line holding the span's start, a caret line under the span), cut to WINDOW columns."""
    start = min(finding.start, len(source))
    ls = source.rfind("\n", 0, start) + 1
    le = source.find("\n", start)
    le = len(source) if le == -1 else le
    line = source[ls:le].rstrip("\r")
    s, e = start - ls, max(min(finding.end, ls + len(line)) - ls, start - ls + 1)
    lo, hi = 0, len(line)
    if len(line) > WINDOW:
        lo = max(0, min(s - WINDOW // 3, len(line) - WINDOW))
        hi = min(len(line), lo + WINDOW)
    shown = "".join(_clean(c) for c in line[lo:hi])
    lead = "…" if lo > 0 else ""
    tail = "…" if hi < len(line) else ""
    pad = len(lead) + sum(_width(c) for c in shown[: max(s - lo, 0)])
    carets = max(1, sum(_width(c) for c in shown[max(s - lo, 0): max(min(e, hi) - lo, 0)]))
    return lead + shown + tail, " " * pad + "^" * carets


def format_finding(path: str, source: str, f: Finding, color: bool = False, show_source: bool = True) -> str:
    head = (
        f"{_paint(path, 'bold', color)}:{f.line}:{f.col}: "
        f"{_paint(f.code, f.severity, color)} [{f.severity}] {f.message}"
    )
    if not show_source or not source:
        return head
    text, carets = quote(source, f)
    gutter = str(f.line)
    blank = " " * len(gutter)
    lines = [
        head,
        f"  {_paint(gutter, 'dim', color)} | {text}".rstrip(),
        f"  {blank} | {_paint(carets, f.severity, color)}",
    ]
    for r in f.related:
        note = f": {r.note}" if r.note else ""
        if source[r.start:r.end] == r.text:
            rl = source.count("\n", 0, r.start) + 1
            rc = r.start - (source.rfind("\n", 0, r.start) + 1) + 1
            lines.append(f"  {blank} = related {rl}:{rc} {r.text!r}{note}")
        else:  # the other side is in another document (an earlier report)
            lines.append(f"  {blank} = related {r.text!r}{note}")
    if f.suggestion is not None:
        lines.append(f"  {blank} = suggestion: {f.suggestion}")
    return "\n".join(lines)


def summarise(results: Sequence[FileResult]) -> str:
    counts = Counter(f.severity for r in results for f in r.findings)
    total = sum(counts.values())
    if not total:
        n = len(results)
        return f"All checks passed ({n} file{'s' if n != 1 else ''})."
    parts = [f"{counts[s]} {s}{'s' if counts[s] != 1 else ''}" for s in ("error", "warning", "info") if counts[s]]
    return f"Found {total} finding{'s' if total != 1 else ''} ({', '.join(parts)})."


def render(results: Sequence[FileResult], color: bool = False, show_source: bool = True, summary: bool = True) -> str:
    """Every finding, file by file, then (unless ``summary`` is off, as ``--quiet`` asks) a one-line summary."""
    blocks = [
        format_finding(r.path, r.source, f, color=color, show_source=show_source)
        for r in results for f in r.findings
    ]
    sep = "\n\n" if show_source else "\n"
    body = sep.join(blocks)
    if not summary:
        return body + "\n" if body else ""
    return (body + "\n\n" if body else "") + summarise(results) + "\n"


def statistics(results: Sequence[FileResult]) -> list[dict]:
    """Counts per code, most frequent first (ties by code): code, name, severity, count."""
    counts: Counter[str] = Counter()
    meta: dict[str, Finding] = {}
    for r in results:
        for f in r.findings:
            counts[f.code] += 1
            meta.setdefault(f.code, f)
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return [{"code": c, "name": meta[c].name, "severity": meta[c].severity, "count": n} for c, n in rows]


def render_statistics(results: Sequence[FileResult], color: bool = False) -> str:
    """Counts per code, then what could not be checked, per code and reason ("3  NC102  not checked: ...")."""
    from . import unchecked_counts

    rows = statistics(results)
    skipped = unchecked_counts(results)
    if not rows and not skipped:
        return summarise(results) + "\n"
    width = max(len(str(r["count"])) for r in [*rows, *skipped])
    out = [
        f"{str(r['count']).rjust(width)}  {_paint(r['code'], r['severity'], color)}  [{r['severity']}] {r['name']}"
        for r in rows
    ]
    out += [f"{str(r['count']).rjust(width)}  {r['code']}  not checked: {r['reason']}" for r in skipped]
    return "\n".join(out) + "\n"
