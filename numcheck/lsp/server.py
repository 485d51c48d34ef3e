"""The language server: open documents checked by the one engine, findings pushed or pulled as diagnostics.

Timing: a document is checked at once when opened, then again about 250 ms
after the last edit (``run = "onType"``) or on save (``run = "onSave"``); a
newer edit cancels the pending check, and a check whose document changed while
it ran is thrown away.  Checks run one at a time in a worker thread, each
through a per-document ``ParagraphCache`` (only the changed paragraphs are read
again), so the server keeps answering while it checks.

Clients that can pull diagnostics (``textDocument/diagnostic``) get them on
request and are not sent them as well; the others get
``textDocument/publishDiagnostics``.  Configuration is the workspace's
numcheck.toml or pyproject.toml (reloaded when it changes), with its rule files
and history store; ``initializationOptions`` or ``workspace/didChangeConfiguration``
may set ``{"run": "onType" | "onSave", "debounce": seconds}``.
"""
from __future__ import annotations

import asyncio
import logging
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

from .. import __version__
from ..incremental import ParagraphCache
from .checker import Checked, SettingsCache, check_document
from .diagnostics import Support

log = logging.getLogger(__name__)
RUN_MODES = ("onType", "onSave")
WATCHED = ("**/numcheck.toml", "**/pyproject.toml", "**/*.yaml", "**/*.yml", "**/*.db")


@dataclass
class Options:
    """What the client may set: when to check, and how long to wait after the last keystroke."""

    run: str = "onType"
    debounce: float = 0.25

    def update(self, values: Any) -> list[str]:
        """Take the known keys of a settings object (under "numcheck" or at the top); return complaints."""
        if not isinstance(values, dict):
            return []
        values = values.get("numcheck", values) if isinstance(values.get("numcheck", values), dict) else values
        bad = []
        if "run" in values:
            if values["run"] in RUN_MODES:
                self.run = values["run"]
            else:
                bad.append(f"run must be one of {', '.join(RUN_MODES)}, not {values['run']!r}")
        if "debounce" in values:
            try:
                self.debounce = max(0.0, float(values["debounce"]))
            except (TypeError, ValueError):
                bad.append(f"debounce must be a number of seconds, not {values['debounce']!r}")
        return bad


@dataclass
class OpenDocument:
    """The server's state for one open document: its cache, its last check, the check pending for it."""

    uri: str
    language: str | None
    cache: ParagraphCache = field(default_factory=ParagraphCache)
    checked: Checked | None = None
    result_id: int = 0
    pending: asyncio.Task | None = None
    checks: int = 0


class NumcheckServer(LanguageServer):
    """pygls' server with numcheck's documents, options and worker thread."""

    def __init__(self) -> None:
        super().__init__("numcheck", __version__)
        self.documents: dict[str, OpenDocument] = {}
        self.options = Options()
        self.settings = SettingsCache()
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="numcheck-check")
        self.pull = False
        self.refresh = False
        self.support = Support()
        self.rates_loaded = False

    # ---- checking ------------------------------------------------------------------------------

    def schedule(self, uri: str, delay: float) -> None:
        """Check ``uri`` after ``delay`` seconds, cancelling a check still waiting for it."""
        doc = self.documents.get(uri)
        if doc is None:
            return
        if doc.pending is not None and not doc.pending.done():
            doc.pending.cancel()
        doc.pending = asyncio.ensure_future(self._check_after(doc, delay))

    async def _check_after(self, doc: OpenDocument, delay: float) -> None:
        if delay:
            await asyncio.sleep(delay)
        await self.check_now(doc)

    async def check_now(self, doc: OpenDocument) -> Checked | None:
        """Check the document's current text in the worker; publish unless a newer edit came meanwhile."""
        try:
            text_doc = self.workspace.get_text_document(doc.uri)
        except Exception:  # noqa: BLE001 - closed meanwhile
            return None
        version, text = text_doc.version, text_doc.source
        path = to_fs_path(doc.uri) if doc.uri.startswith("file:") else None
        encoding = str(getattr(self.workspace.position_encoding, "value", self.workspace.position_encoding) or "utf-16")
        loop = asyncio.get_running_loop()
        checked = await loop.run_in_executor(self.worker, check_document, text, version, path, doc.language,
                                             doc.cache, self.settings, encoding, doc.uri, self.support)
        if self.documents.get(doc.uri) is not doc or text_doc.version != version:
            return None  # closed, or edited while checking: the newer edit's check will answer
        doc.checked, doc.result_id, doc.checks = checked, doc.result_id + 1, doc.checks + 1
        if not self.rates_loaded:
            from .features import warm_up_rates

            self.rates_loaded = True
            self.worker.submit(warm_up_rates)
        if checked.problem:
            self.window_log_message(types.LogMessageParams(type=types.MessageType.Warning,
                                                           message=f"numcheck: {doc.uri}: {checked.problem}"))
        if not self.pull:
            self.text_document_publish_diagnostics(types.PublishDiagnosticsParams(
                uri=doc.uri, version=version, diagnostics=checked.diagnostics))
        return checked

    async def current(self, doc: OpenDocument) -> Checked | None:
        """The check of the document's current text (waiting for a pending one), for pull requests and actions.

        In ``onSave`` mode the last check stands until the next save, as a pushed result would."""
        for _ in range(100):
            if doc.pending is not None and not doc.pending.done():
                try:
                    await asyncio.shield(doc.pending)
                except asyncio.CancelledError:
                    me = asyncio.current_task()
                    if me is not None and me.cancelling():
                        raise
                continue  # cancelled by a newer edit: wait for the check that one scheduled
            text_doc = self.workspace.get_text_document(doc.uri)
            if doc.checked is not None and (doc.checked.version == text_doc.version or self.options.run == "onSave"):
                return doc.checked
            await self.check_now(doc)
        return doc.checked

    def recheck_all(self) -> None:
        """Configuration, rules or history changed: check every open document again, and ask pull clients to pull."""
        self.settings.forget()
        for uri in list(self.documents):
            self.schedule(uri, 0.0)
        if self.pull and self.refresh:
            self.workspace_diagnostic_refresh(None)


def make_server() -> NumcheckServer:
    """The server with its features registered (see ``features``)."""
    from . import features

    server = NumcheckServer()
    features.register(server)
    return server
