"""The LSP methods numcheck answers, each a short handler over ``NumcheckServer``'s state."""
from __future__ import annotations

from typing import Any

from lsprotocol import types

from .actions import code_actions
from .hover import hover
from .diagnostics import Support
from .server import WATCHED, NumcheckServer, OpenDocument

STATUS = "numcheck/status"  # a custom request: counts of the work done, for tests and for curious users


def register(server: NumcheckServer) -> None:  # noqa: C901 - one short handler per method
    @server.feature(types.INITIALIZE)
    def initialize(ls: NumcheckServer, params: types.InitializeParams) -> None:
        caps = params.capabilities
        ls.pull = caps.text_document is not None and caps.text_document.diagnostic is not None
        ls.refresh = bool(caps.workspace and caps.workspace.diagnostics and caps.workspace.diagnostics.refresh_support)
        ls.support = Support.of(caps)
        ls.settings.root = ls.workspace.root_path
        _settings(ls, params.initialization_options)

    @server.feature(types.INITIALIZED)
    def initialized(ls: NumcheckServer, params: types.InitializedParams) -> None:
        caps = ls.client_capabilities
        watch = caps.workspace.did_change_watched_files if caps.workspace else None
        if watch is not None and watch.dynamic_registration:
            options = types.DidChangeWatchedFilesRegistrationOptions(
                watchers=[types.FileSystemWatcher(glob_pattern=g) for g in WATCHED])
            ls.client_register_capability(types.RegistrationParams(registrations=[types.Registration(
                id="numcheck-watch", method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES, register_options=options)]))

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def did_change_configuration(ls: NumcheckServer, params: types.DidChangeConfigurationParams) -> None:
        _settings(ls, params.settings)
        ls.recheck_all()

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def did_change_watched_files(ls: NumcheckServer, params: types.DidChangeWatchedFilesParams) -> None:
        ls.recheck_all()

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: NumcheckServer, params: types.DidOpenTextDocumentParams) -> None:
        uri = params.text_document.uri
        ls.documents[uri] = OpenDocument(uri, params.text_document.language_id)
        ls.schedule(uri, 0.0)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: NumcheckServer, params: types.DidChangeTextDocumentParams) -> None:
        if ls.options.run == "onType":
            ls.schedule(params.text_document.uri, ls.options.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE, types.SaveOptions(include_text=False))
    def did_save(ls: NumcheckServer, params: types.DidSaveTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, 0.0)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: NumcheckServer, params: types.DidCloseTextDocumentParams) -> None:
        doc = ls.documents.pop(params.text_document.uri, None)
        if doc is not None and doc.pending is not None:
            doc.pending.cancel()
        if not ls.pull:
            ls.text_document_publish_diagnostics(types.PublishDiagnosticsParams(uri=params.text_document.uri,
                                                                                diagnostics=[]))

    @server.feature(types.TEXT_DOCUMENT_DIAGNOSTIC,
                    types.DiagnosticOptions(identifier="numcheck", inter_file_dependencies=False,
                                            workspace_diagnostics=False))
    async def diagnostic(ls: NumcheckServer, params: types.DocumentDiagnosticParams) -> Any:
        doc = ls.documents.get(params.text_document.uri)
        checked = await ls.current(doc) if doc is not None else None
        if doc is None or checked is None:
            return types.RelatedFullDocumentDiagnosticReport(items=[])
        result_id = str(doc.result_id)
        if params.previous_result_id == result_id:
            return types.RelatedUnchangedDocumentDiagnosticReport(result_id=result_id)
        return types.RelatedFullDocumentDiagnosticReport(items=checked.diagnostics, result_id=result_id)

    @server.feature(types.TEXT_DOCUMENT_CODE_ACTION,
                    types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]))
    async def code_action(ls: NumcheckServer, params: types.CodeActionParams) -> list[types.CodeAction] | None:
        doc = ls.documents.get(params.text_document.uri)
        checked = await ls.current(doc) if doc is not None else None
        return code_actions(checked, params.text_document.uri, params.range) if checked is not None else None

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def on_hover(ls: NumcheckServer, params: types.HoverParams) -> types.Hover | None:
        doc = ls.documents.get(params.text_document.uri)
        checked = await ls.current(doc) if doc is not None else None
        return hover(checked, params.position) if checked is not None else None


    @server.feature(STATUS)
    def status(ls: NumcheckServer, params: Any) -> dict[str, Any]:
        """What the server has done per open document: checks run, paragraphs read afresh and reused."""
        return {"run": ls.options.run, "debounce": ls.options.debounce, "pull": ls.pull, "documents": [
            {"uri": uri, "checks": d.checks, "extracted": d.cache.total.extracted, "reused": d.cache.total.reused,
             "last_extracted": d.cache.last.extracted, "version": d.checked.version if d.checked else None}
            for uri, d in ls.documents.items()]}


def _settings(ls: NumcheckServer, values: Any) -> None:
    for problem in ls.options.update(values):
        ls.window_show_message(types.ShowMessageParams(type=types.MessageType.Warning, message=f"numcheck: {problem}"))


def warm_up() -> None:
    """Load the extractor's tables and the check registry in the worker before the first document arrives."""
    from ..engine import check

    try:
        check("Warm-up: 1,000km (621 miles) on Friday 31 January 2025, up 5% to 2,100.", config={})
    except Exception:  # noqa: BLE001 - only a head start; the first real check reports any problem
        pass


def warm_up_rates() -> None:
    """The ECB rate table (0.4 s to read): loaded when the worker is idle after the first check, not before it."""
    from .. import rates

    try:
        rates.known("USD")
    except Exception:  # noqa: BLE001 - as above
        pass
