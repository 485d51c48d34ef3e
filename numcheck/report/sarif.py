"""SARIF 2.1.0 (one run): rules with stable ids, results with regions, related spans as relatedLocations.

Columns count Unicode code points (``columnKind``), as Python strings do; end
columns are exclusive, as SARIF defines them.  Paths become URI references
relative to where numcheck ran, which is what GitHub code scanning expects.
"""
from __future__ import annotations

import os

import json
from pathlib import Path
from typing import Any, Mapping, Sequence
from urllib.parse import quote

from . import FileResult, RuleInfo, end_line_col, unchecked_counts

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVELS = {"error": "error", "warning": "warning", "info": "note"}


def artifact_uri(path: str) -> str:
    """A URI reference for a path: relative paths stay relative (posix, percent-encoded), absolute ones become file: URIs."""
    if path in ("-", "<stdin>"):
        return "stdin"
    p = Path(path)
    if p.is_absolute():
        try:
            p = p.relative_to(Path.cwd())
        except ValueError:
            return p.as_uri()
    # a file name that is not UTF-8 holds surrogate escapes: quote its bytes, as the file system has them
    return quote(os.fsencode(p.as_posix()), safe="/")


def _region(source: str, start: int, end: int, line: int, col: int) -> dict[str, Any]:
    from ..model import Finding

    probe = Finding("NC000", "x", "info", "", start, end, line, col)
    end_line, end_col = end_line_col(source, probe)
    region: dict[str, Any] = {
        "startLine": line, "startColumn": col, "endLine": end_line, "endColumn": max(end_col, 1),
        "charOffset": start, "charLength": end - start,
    }
    if source and end <= len(source):
        region["snippet"] = {"text": source[start:end]}
    return region


def _markdown_help(info: RuleInfo) -> str:
    """The documentation as code-scanning tools render it: a heading, then the text with examples as code."""
    lines: list[str] = []
    for line in info.doc.strip().replace("``", "`").splitlines():
        if line.startswith("    ") and lines and lines[-1].strip() and not lines[-1].startswith("    "):
            lines.append("")  # an indented example after "Anti-pattern:" is a code block only after a blank line
        lines.append(line)
    return f"**{info.code} {info.name}**\n\n" + "\n".join(lines)


def _line_col(source: str, offset: int) -> tuple[int, int]:
    offset = min(offset, len(source))
    return source.count("\n", 0, offset) + 1, offset - (source.rfind("\n", 0, offset) + 1) + 1


def render(
    results: Sequence[FileResult],
    rules: Mapping[str, RuleInfo] | None = None,
    version: str | None = None,
    **_: Any,
) -> str:
    """The SARIF log as a string.  ``rules`` describes codes (from the check registry); missing ones are named from their findings."""
    if version is None:
        from .. import __version__ as version
    rules = dict(rules or {})
    used: dict[str, RuleInfo] = {}
    for r in results:
        for f in r.findings:
            if f.code not in used:
                used[f.code] = rules.get(f.code) or RuleInfo(f.code, f.name, f.severity)
    codes = sorted(used)
    index = {c: i for i, c in enumerate(codes)}
    sarif_rules = []
    for c in codes:
        info = used[c]
        rule: dict[str, Any] = {
            "id": c,
            "name": info.name,
            "shortDescription": {"text": info.summary},
            "defaultConfiguration": {"level": LEVELS[info.severity]},
            "properties": {"tags": ["numcheck", c[:3] + "xx"]},
        }
        if info.doc:
            rule["fullDescription"] = {"text": info.doc.strip()}
            rule["help"] = {"text": info.doc.strip(), "markdown": _markdown_help(info)}
        if info.help_uri:
            rule["helpUri"] = info.help_uri
        sarif_rules.append(rule)
    out_results = []
    for r in results:
        uri = artifact_uri(r.path)
        location = {"artifactLocation": {"uri": uri}}
        for f in r.findings:
            res: dict[str, Any] = {
                "ruleId": f.code,
                "ruleIndex": index[f.code],
                "level": LEVELS[f.severity],
                "message": {"text": f.message or f.name},
                "locations": [{"physicalLocation": {**location, "region": _region(r.source, f.start, f.end, f.line, f.col)}}],
            }
            related = []
            for k, rel in enumerate(f.related, 1):
                if r.source[rel.start:rel.end] != rel.text:
                    continue  # the other side lives in another document (an earlier report)
                line, col = _line_col(r.source, rel.start)
                related.append({
                    "id": k,
                    "message": {"text": rel.note or rel.text},
                    "physicalLocation": {**location, "region": _region(r.source, rel.start, rel.end, line, col)},
                })
            if related:
                res["relatedLocations"] = related
            props: dict[str, Any] = {}
            if f.suggestion is not None:
                props["suggestion"] = f.suggestion
            if f.evidence:
                props["evidence"] = json.loads(json.dumps(f.evidence, default=str))
            if props:
                res["properties"] = props
            out_results.append(res)
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "numcheck",
                "version": version,
                "semanticVersion": version,
                "rules": sarif_rules,
            }},
            "columnKind": "unicodeCodePoints",
            "results": out_results,
            # what the checks found but could not check, by code and reason (never a result)
            "properties": {"unchecked": unchecked_counts(results)},
        }],
    }
    return json.dumps(log, ensure_ascii=False, indent=2) + "\n"
