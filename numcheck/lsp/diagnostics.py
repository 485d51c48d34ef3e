"""Findings as LSP diagnostics: range, severity, code, the message with its arithmetic, related spans, documentation link.

``codeDescription.href`` is given only when a documentation URL is configured
(``docs-url`` in numcheck.toml or NUMCHECK_DOCS_URL): numcheck has no public
documentation host, and a link to nowhere is worse than none (``numcheck
explain CODE`` and the hover still give the text).  Related spans and the link
are sent only to clients that say they show them.
"""
from __future__ import annotations

import os
from dataclasses import dataclass

from lsprotocol import types

from ..model import Finding
from ..report import help_uri
from .positions import Lines

SOURCE = "numcheck"
SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}


def docs_base(configured: str | None) -> str | None:
    """The documentation URL the settings give, else the environment's, else None."""
    return configured or os.environ.get("NUMCHECK_DOCS_URL") or None


@dataclass(frozen=True)
class Support:
    """What the client says its diagnostics can show."""

    related: bool = True
    links: bool = True

    @classmethod
    def of(cls, caps: types.ClientCapabilities) -> "Support":
        """From the pull capability where it says, else the push one (3.17 pull clients state neither)."""
        td = caps.text_document
        pull = td.diagnostic if td else None
        push = td.publish_diagnostics if td else None

        def said(name: str) -> bool:
            for source in (pull, push):
                value = getattr(source, name, None) if source is not None else None
                if value is not None:
                    return bool(value)
            return False

        return cls(related=said("related_information"), links=said("code_description_support"))


def diagnostic(f: Finding, uri: str, lines: Lines, docs_url: str | None = None,
               support: Support = Support()) -> types.Diagnostic:
    """One finding as a diagnostic of the document at ``uri``."""
    href = help_uri(docs_url, f.code) if support.links else None
    where = lines.range(f.start, f.end)
    return types.Diagnostic(
        range=where,
        message=f.message,
        severity=SEVERITY[f.severity],
        code=f.code,
        code_description=types.CodeDescription(href=href) if href else None,
        source=SOURCE,
        related_information=(_related(f, uri, lines, where) or None) if support.related else None,
    )


def _related(f: Finding, uri: str, lines: Lines, where: types.Range) -> list[types.DiagnosticRelatedInformation]:
    """The other claims involved: spans of this document where they are in it; an earlier report is
    quoted in the message of an entry placed on the finding itself (it has no location an editor can open)."""
    out = []
    for r in f.related:
        inside = lines.text[r.start:r.end] == r.text
        note = r.note or "related"
        message = f"{note}: {r.text}" if inside and r.text not in note else note
        location = types.Location(uri=uri, range=lines.range(r.start, r.end) if inside else where)
        out.append(types.DiagnosticRelatedInformation(location=location, message=message))
    return out


def notice(message: str, severity: types.DiagnosticSeverity = types.DiagnosticSeverity.Warning,
           code: str = "not-checked") -> types.Diagnostic:
    """A diagnostic at the top of a document that could not be checked: the reason, in one line."""
    top = types.Range(start=types.Position(line=0, character=0), end=types.Position(line=0, character=0))
    return types.Diagnostic(range=top, message=f"numcheck: {message}", severity=severity, code=code, source=SOURCE)
