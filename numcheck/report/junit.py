"""JUnit XML, as ruff writes it: a test suite per file, a failing test case per finding, a passing one per clean file."""
from __future__ import annotations

import re
from typing import Any, Sequence
from xml.sax.saxutils import escape, quoteattr

from . import FileResult

# characters XML 1.0 cannot hold at all
_INVALID_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(s: str) -> str:
    return _INVALID_XML.sub("\ufffd", s)


def _attr(s: str) -> str:
    return quoteattr(_clean(s), {"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def render(results: Sequence[FileResult], **_: Any) -> str:
    total = sum(max(len(r.findings), 1) for r in results)
    failures = sum(len(r.findings) for r in results)
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<testsuites name="numcheck" tests="{total}" failures="{failures}" errors="0">',
    ]
    for r in results:
        n = len(r.findings)
        out.append(f'  <testsuite name={_attr(r.path)} tests="{max(n, 1)}" failures="{n}" errors="0">')
        if not n:
            out.append(f'    <testcase name="numcheck" classname={_attr(r.path)}/>')
        for f in r.findings:
            out.append(
                f'    <testcase name={_attr(f"numcheck.{f.code}")} classname={_attr(r.path)} '
                f'file={_attr(r.path)} line="{f.line}" column="{f.col}">'
            )
            body = escape(_clean(f"{r.path}:{f.line}:{f.col}: {f.code} [{f.severity}] {f.message}"))
            out.append(f'      <failure message={_attr(f.message)} type={_attr(f.severity)}>{body}</failure>')
            out.append("    </testcase>")
        out.append("  </testsuite>")
    out.append("</testsuites>")
    return "\n".join(out) + "\n"
