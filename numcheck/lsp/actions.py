"""Code actions: a finding's suggestion as a quick fix, and "ignore NCxxx on this line" as an inline directive.

Both are workspace edits the client applies itself (never a command the client
would have to know).  The directive is the one ``numcheck.suppress`` reads after
text on its line (that line only): an HTML comment in Markdown and HTML, a
``# numcheck:`` line comment in plain text.
"""
from __future__ import annotations

from lsprotocol import types

from ..model import Finding
from .checker import Checked


def directive(code: str, fmt: str) -> str:
    """The inline comment that silences ``code`` on the line it ends."""
    if fmt == "text":
        return f"  # numcheck: ignore {code}"
    return f" <!-- numcheck: ignore {code} -->"


def code_actions(checked: Checked, uri: str, wanted: types.Range) -> list[types.CodeAction]:
    """The actions for the findings whose span meets ``wanted`` (the cursor or a selection)."""
    if checked.analysis is None:
        return []
    lines = checked.lines
    lo, hi = lines.offset(wanted.start), lines.offset(wanted.end)
    out: list[types.CodeAction] = []
    for f, diag in zip(checked.analysis.findings, checked.diagnostics):
        if f.end < lo or f.start > hi:
            continue
        if f.suggestion is not None and f.suggestion != lines.text[f.start:f.end]:
            out.append(_fix(f, uri, diag, lines.text[f.start:f.end]))
        if f.code != "NC900":
            out.append(_ignore(f, uri, diag, checked))
    return out


def _fix(f: Finding, uri: str, diag: types.Diagnostic, text: str) -> types.CodeAction:
    edit = types.TextEdit(range=diag.range, new_text=f.suggestion or "")
    return types.CodeAction(
        title=f"Replace '{text}' with '{f.suggestion}' ({f.code})",
        kind=types.CodeActionKind.QuickFix, diagnostics=[diag], is_preferred=True,
        edit=types.WorkspaceEdit(changes={uri: [edit]}),
    )


def _ignore(f: Finding, uri: str, diag: types.Diagnostic, checked: Checked) -> types.CodeAction:
    lines = checked.lines
    line = lines.position(f.start).line
    at = lines.position(lines.line_end(line))
    fmt = checked.analysis.document.format if checked.analysis else "text"
    edit = types.TextEdit(range=types.Range(start=at, end=at), new_text=directive(f.code, fmt))
    return types.CodeAction(
        title=f"Ignore {f.code} on this line", kind=types.CodeActionKind.QuickFix, diagnostics=[diag],
        edit=types.WorkspaceEdit(changes={uri: [edit]}),
    )
