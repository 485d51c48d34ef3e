"""Client capability profiles and helpers for the language-server tests (pytest-lsp drives the server over stdio).

Two real profiles from pytest-lsp's recordings: Neovim 0.9.1, which only
receives pushed diagnostics, and VS Code 1.65.2 with the ``textDocument.diagnostic``
capability that vscode-languageclient 8 and later add (LSP 3.17 pull
diagnostics; the 1.65.2 recording predates it): a pull client.
"""
from __future__ import annotations

import asyncio
import sys
from pathlib import Path
from typing import Callable

from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient, client_capabilities


def neovim_push() -> types.ClientCapabilities:
    caps = client_capabilities("neovim@v0.9.1")
    assert caps.text_document is not None and caps.text_document.diagnostic is None  # push only
    return caps


def vscode_pull() -> types.ClientCapabilities:
    caps = client_capabilities("visual-studio-code@v1.65.2")
    assert caps.text_document is not None
    caps.text_document.diagnostic = types.DiagnosticClientCapabilities(dynamic_registration=True,
                                                                       related_document_support=False)
    return caps


PROFILES: dict[str, Callable[[], types.ClientCapabilities]] = {"neovim-push": neovim_push, "vscode-pull": vscode_pull}
SERVER = ClientServerConfig(server_command=[sys.executable, "-m", "numcheck", "lsp"])


def is_pull(client: LanguageClient) -> bool:
    caps = client.capabilities
    return bool(caps and caps.text_document and caps.text_document.diagnostic is not None)


class Editor:
    """An editor session over one client: open, edit, save and read diagnostics the way its profile does."""

    def __init__(self, client: LanguageClient) -> None:
        self.client = client
        self.versions: dict[str, int] = {}

    async def _pushed(self, uri: str, version: int | None, timeout: float = 30) -> list[types.Diagnostic]:
        async def wait() -> list[types.Diagnostic]:
            while True:
                params = await self.client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
                if params.uri == uri and (version is None or params.version in (None, version)):
                    return list(params.diagnostics)
        return await asyncio.wait_for(wait(), timeout)

    async def diagnostics(self, uri: str, waiter: "asyncio.Future | None" = None) -> list[types.Diagnostic]:
        """The diagnostics for the document's current version: pulled, or the push that follows the last edit."""
        if is_pull(self.client):
            report = await asyncio.wait_for(self.client.text_document_diagnostic_async(
                types.DocumentDiagnosticParams(text_document=types.TextDocumentIdentifier(uri=uri))), 30)
            return list(report.items)
        assert waiter is not None
        return await waiter

    def _expect(self, uri: str) -> "asyncio.Future | None":
        if is_pull(self.client):
            return None
        return asyncio.ensure_future(self._pushed(uri, self.versions[uri]))

    async def open(self, path: Path, text: str, language: str = "markdown") -> tuple[str, list[types.Diagnostic]]:
        uri = path.as_uri()
        self.versions[uri] = 1
        waiter = self._expect(uri)
        self.client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
            uri=uri, language_id=language, version=1, text=text)))
        return uri, await self.diagnostics(uri, waiter)

    def change(self, uri: str, start: types.Position, end: types.Position, new: str) -> "asyncio.Future | None":
        """An incremental edit; returns what will carry the pushed diagnostics (None for a pull client)."""
        self.versions[uri] += 1
        waiter = self._expect(uri)
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
            content_changes=[types.TextDocumentContentChangePartial(range=types.Range(start=start, end=end),
                                                                    text=new)]))
        return waiter

    def replace_all(self, uri: str, text: str) -> "asyncio.Future | None":
        self.versions[uri] += 1
        waiter = self._expect(uri)
        self.client.text_document_did_change(types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=self.versions[uri]),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)]))
        return waiter


def position(text: str, offset: int) -> types.Position:
    """A UTF-16 position (both profiles use UTF-16) of a Python offset."""
    line = text.count("\n", 0, offset)
    col = text[text.rfind("\n", 0, offset) + 1:offset]
    return types.Position(line=line, character=len(col.encode("utf-16-le")) // 2)


def apply_edits(text: str, edits: list[types.TextEdit]) -> str:
    """What a client does with a workspace edit's text edits (applied from the end)."""
    def offset(p: types.Position) -> int:
        starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
        base = starts[p.line]
        n = 0
        i = base
        while n < p.character and i < len(text) and text[i] != "\n":
            n += 2 if ord(text[i]) > 0xFFFF else 1
            i += 1
        return i

    for e in sorted(edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True):
        text = text[:offset(e.range.start)] + e.new_text + text[offset(e.range.end):]
    return text
