"""``numcheck lsp`` end to end: the server as a subprocess over stdio, driven by a push-only (Neovim) and a pull (VS Code) client."""
from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
import pytest_lsp
from lsprotocol import types
from pytest_lsp import LanguageClient

import numcheck
from lsp_clients import PROFILES, SERVER, Editor, apply_edits, is_pull, position

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = (ROOT / "examples" / "kursk-2025-02-01.txt").read_text(encoding="utf-8")
BROKEN = EXAMPLE.replace("more than 10,000", "more than 100,000", 1)
CONVERSION = "# Front\n\nThe front is 1,000km (900 miles) long, officials said on Friday.\n"
STYLE = "Inflation rose 5 percent in a year.\n\nWages rose 3%.\n"


@pytest_lsp.fixture(params=list(PROFILES), config=SERVER)
async def client(request, lsp_client: LanguageClient, tmp_path_factory):
    root = tmp_path_factory.mktemp("workspace")
    lsp_client.registrations = []  # type: ignore[attr-defined]

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(client: LanguageClient, params: types.RegistrationParams) -> None:
        client.registrations.extend(params.registrations)  # type: ignore[attr-defined]

    await lsp_client.initialize_session(types.InitializeParams(
        capabilities=PROFILES[request.param](), root_uri=root.as_uri(),
        workspace_folders=[types.WorkspaceFolder(uri=root.as_uri(), name="workspace")],
        initialization_options={"numcheck": {"debounce": 0.25}}))
    lsp_client.root = root  # type: ignore[attr-defined]
    yield
    await lsp_client.shutdown_session()


def _root(client: LanguageClient) -> Path:
    return client.root  # type: ignore[attr-defined, no-any-return]


def _plain(x):
    """pygls hands a custom request's result back as named tuples: as dicts and lists again."""
    if hasattr(x, "_asdict"):
        return {k: _plain(v) for k, v in x._asdict().items()}
    if isinstance(x, (list, tuple)):
        return [_plain(v) for v in x]
    return x


async def _status(client: LanguageClient) -> dict:
    status = _plain(await client.protocol.send_request_async("numcheck/status", None))
    status["documents"] = {d["uri"]: d for d in status["documents"]}
    return status


def _as_engine_sees(text: str, path: Path, **kw) -> list[tuple[str, str, str]]:
    return [(f.code, f.message, f.severity) for f in numcheck.check(text, path=path, **kw)]


def _seen(diags: list[types.Diagnostic]) -> list[tuple[str, str, str]]:
    names = {1: "error", 2: "warning", 3: "info"}
    return [(str(d.code), d.message, names[d.severity]) for d in diags]


@pytest.mark.asyncio
async def test_opening_a_document_gives_the_engines_findings_as_diagnostics(client: LanguageClient):
    ed = Editor(client)
    path = _root(client) / "front.md"
    uri, diags = await ed.open(path, CONVERSION)
    assert _seen(diags) == _as_engine_sees(CONVERSION, path)
    nc101 = next(d for d in diags if d.code == "NC101")
    assert nc101.source == "numcheck" and nc101.severity == types.DiagnosticSeverity.Error
    assert nc101.range == types.Range(start=position(CONVERSION, CONVERSION.index("900 miles")),
                                      end=position(CONVERSION, CONVERSION.index("900 miles") + 9))
    assert "621 miles" in nc101.message  # the arithmetic
    rel = nc101.related_information
    assert rel and rel[0].location.uri == uri and "1,000km" in rel[0].message
    start = CONVERSION.index("1,000km")
    assert rel[0].location.range.start == position(CONVERSION, start)
    assert nc101.code_description is None  # no documentation URL configured: no link to nowhere


@pytest.mark.asyncio
async def test_the_documentation_link_follows_docs_url(client: LanguageClient):
    root = _root(client)
    (root / "numcheck.toml").write_text('docs-url = "https://wiki.example.org/numcheck/{code}"\n', encoding="utf-8")
    _, diags = await Editor(client).open(root / "front.md", CONVERSION)
    nc101 = next(d for d in diags if d.code == "NC101")
    pushed = client.capabilities.text_document.publish_diagnostics
    if pushed.code_description_support:  # VS Code shows links
        assert nc101.code_description.href == "https://wiki.example.org/numcheck/NC101"
    else:  # Neovim 0.9 does not say it can: none is sent
        assert nc101.code_description is None


@pytest.mark.asyncio
async def test_plain_text_and_html_are_read_as_the_cli_reads_them(client: LanguageClient):
    ed = Editor(client)
    html = ("<html><head><meta property='article:published_time' content='2025-02-01'></head><body>"
            "<p>On Tuesday 1 February 2025 the front was 1,000km (900 miles) long.</p>"
            "<pre>1,000km (5 miles)</pre></body></html>")
    path = _root(client) / "page.html"
    _, diags = await ed.open(path, html, "html")
    assert _seen(diags) == _as_engine_sees(html, path)
    assert {str(d.code) for d in diags} == {"NC101", "NC201"}
    tpath = _root(client) / "broken.txt"
    _, tdiags = await ed.open(tpath, BROKEN, "plaintext")
    assert _seen(tdiags) == _as_engine_sees(BROKEN, tpath)


@pytest.mark.asyncio
async def test_an_edit_is_checked_after_the_debounce_and_only_its_paragraph_is_read_again(client: LanguageClient):
    ed = Editor(client)
    text = EXAMPLE.replace("\n", "\n\n") + "\nThe front is 1,000km (900 miles) long.\n"
    uri, diags = await ed.open(_root(client) / "draft.md", text)
    assert "NC101" in {d.code for d in diags}
    before = (await _status(client))["documents"][uri]
    at = text.index("900 miles")
    waiter = ed.change(uri, position(text, at), position(text, at + 3), "621")
    text = text[:at] + "621" + text[at + 3:]
    diags = await ed.diagnostics(uri, waiter)
    assert "NC101" not in {d.code for d in diags}
    assert _seen(diags) == _as_engine_sees(text, _root(client) / "draft.md")
    after = (await _status(client))["documents"][uri]
    assert after["checks"] == before["checks"] + 1
    assert after["last_extracted"] == 1  # one paragraph read again, the others reused
    assert after["reused"] - before["reused"] >= text.count("\n\n") - 1


@pytest.mark.asyncio
async def test_a_burst_of_edits_is_checked_once_for_its_last_version(client: LanguageClient):
    ed = Editor(client)
    text = "Officials said 5 people were hurt.\n"
    uri, _ = await ed.open(_root(client) / "burst.md", text)
    before = (await _status(client))["documents"][uri]["checks"]
    waiter = None
    for word in ("1,000km", "(900", "miles)", "long."):
        end = position(text, len(text) - 1)
        if waiter is not None:
            waiter.cancel()
        waiter = ed.change(uri, end, end, " " + word)
        text = text[:-1] + " " + word + "\n"
    diags = await ed.diagnostics(uri, waiter)
    assert "NC101" in {d.code for d in diags}
    status = (await _status(client))["documents"][uri]
    assert status["checks"] == before + 1, "each edit should cancel the check the previous one scheduled"
    assert status["version"] == ed.versions[uri]


@pytest.mark.asyncio
async def test_quick_fix_is_the_suggestion_as_a_workspace_edit(client: LanguageClient):
    root = _root(client)
    (root / "numcheck.toml").write_text(f'rules = ["{ROOT / "rules" / "style" / "guardian.yaml"}"]\n', encoding="utf-8")
    ed = Editor(client)
    uri, diags = await ed.open(root / "style.md", STYLE)
    nc502 = next(d for d in diags if d.code == "NC502")
    actions = await client.text_document_code_action_async(types.CodeActionParams(
        text_document=types.TextDocumentIdentifier(uri=uri), range=nc502.range,
        context=types.CodeActionContext(diagnostics=[nc502])))
    fix = next(a for a in actions if a.title.startswith("Replace"))
    assert fix.kind == types.CodeActionKind.QuickFix and fix.is_preferred and fix.command is None
    fixed = apply_edits(STYLE, fix.edit.changes[uri])
    assert fixed.startswith("Inflation rose 5% in a year.")
    assert "NC502" not in {f.code for f in numcheck.check(fixed, path=root / "style.md")}


@pytest.mark.asyncio
async def test_ignore_action_inserts_the_directive_that_silences_the_finding(client: LanguageClient):
    ed = Editor(client)
    for name, lang, text in (("front.md", "markdown", CONVERSION), ("front.txt", "plaintext", CONVERSION.lstrip("# "))):
        path = _root(client) / name
        uri, diags = await ed.open(path, text, lang)
        nc101 = next(d for d in diags if d.code == "NC101")
        actions = await client.text_document_code_action_async(types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri), range=nc101.range,
            context=types.CodeActionContext(diagnostics=[nc101])))
        ignore = next(a for a in actions if a.title == "Ignore NC101 on this line")
        assert ignore.command is None and ignore.edit is not None
        edited = apply_edits(text, ignore.edit.changes[uri])
        assert "numcheck: ignore NC101" in edited
        after = numcheck.check(edited, path=path)
        assert {f.code for f in after} == {f.code for f in numcheck.check(text, path=path)} - {"NC101"}
        waiter = ed.replace_all(uri, edited)
        assert "NC101" not in {d.code for d in await ed.diagnostics(uri, waiter)}


@pytest.mark.asyncio
async def test_hover_says_what_was_read_the_conversion_and_the_rule(client: LanguageClient):
    root = _root(client)
    (root / "numcheck.toml").write_text(f'rules = ["{ROOT / "rules" / "examples"}"]\n', encoding="utf-8")
    ed = Editor(client)
    text = BROKEN + "\nThe front is 1,000km (621 miles) long. It cost $3.5bn (£2.8bn).\n"
    uri, _ = await ed.open(root / "kursk.txt", text, "plaintext")

    async def hover_at(needle: str) -> str:
        h = await client.text_document_hover_async(types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=uri), position=position(text, text.index(needle) + 1)))
        assert h is not None, needle
        return h.contents.value

    troops = await hover_at("more than 100,000")
    assert "count" in troops and "value 100,000" in troops and "qualifier `>`" in troops and "troops" in troops
    assert "rule `nk-troops-kursk`" in troops and "russia-ukraine-war.yaml" in troops
    assert "NC301" in troops
    km = await hover_at("1,000km")
    assert "unit kilometer" in km and "1 kilometer = 0.621371 mile" in km
    money = await hover_at("$3.5bn")
    assert "currency USD" in money and "ECB USD/GBP" in money and "2025-01-25..2025-02-01" in money
    august = await hover_at("August")
    assert "TIMEX3 `2024-08`" in august and "2024-08-01 .. 2024-08-31" in august
    none = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=position(text, text.index("Pyongyang") + 2)))
    assert none is None


@pytest.mark.asyncio
async def test_hover_quotes_the_earlier_report_from_the_history_store(client: LanguageClient):
    root = _root(client)
    store = numcheck.History(root / "claims.db")
    store.add("date 2024-12-20 Officials said North Korea deployed about 11,000 troops to the Kursk region.",
              source="BBC archive")
    store.close()
    (root / "numcheck.toml").write_text('history = "claims.db"\n', encoding="utf-8")
    ed = Editor(client)
    uri, _ = await ed.open(root / "kursk.txt", EXAMPLE, "plaintext")
    h = await client.text_document_hover_async(types.HoverParams(
        text_document=types.TextDocumentIdentifier(uri=uri), position=position(EXAMPLE, EXAMPLE.index("10,000"))))
    assert "earlier report BBC archive, 2024-12-20" in h.contents.value and "11,000 troops" in h.contents.value


@pytest.mark.asyncio
async def test_configuration_is_reloaded_when_it_changes(client: LanguageClient):
    root = _root(client)
    config = root / "numcheck.toml"
    config.write_text('ignore = ["NC101"]\n', encoding="utf-8")
    ed = Editor(client)
    uri, diags = await ed.open(root / "front.md", CONVERSION)
    assert "NC101" not in {d.code for d in diags}
    watch = client.capabilities.workspace.did_change_watched_files
    if watch is not None and watch.dynamic_registration:  # VS Code: the server asked to be told of config changes
        methods = {r.method for r in client.registrations}  # type: ignore[attr-defined]
        assert types.WORKSPACE_DID_CHANGE_WATCHED_FILES in methods
    config.write_text('ignore = ["NC201"]\n', encoding="utf-8")
    waiter = ed._expect(uri)
    client.workspace_did_change_watched_files(types.DidChangeWatchedFilesParams(
        changes=[types.FileEvent(uri=config.as_uri(), type=types.FileChangeType.Changed)]))
    assert "NC101" in {d.code for d in await ed.diagnostics(uri, waiter)}


@pytest.mark.asyncio
async def test_a_malformed_config_is_a_diagnostic_not_a_crash(client: LanguageClient):
    root = _root(client)
    (root / "numcheck.toml").write_text('selcet = ["NC1"]\n', encoding="utf-8")
    ed = Editor(client)
    uri, diags = await ed.open(root / "front.md", CONVERSION)
    assert [d.code for d in diags] == ["config"]
    assert "numcheck.toml:1:" in diags[0].message and "did you mean 'select'" in diags[0].message
    assert diags[0].severity == types.DiagnosticSeverity.Error
    assert any("configuration error" in m.message for m in client.log_messages)
    (root / "numcheck.toml").write_text('select = ["NC1"]\n', encoding="utf-8")
    waiter = ed.replace_all(uri, CONVERSION + "\n")
    assert [d.code for d in await ed.diagnostics(uri, waiter)] == ["NC101"]


@pytest.mark.asyncio
async def test_binary_and_oversized_documents_get_a_diagnostic_and_the_server_lives_on(client: LanguageClient):
    ed = Editor(client)
    _, diags = await ed.open(_root(client) / "blob.txt", "PK\x03\x04\x00\x00 10,000km (5 miles)", "plaintext")
    assert len(diags) == 1 and "binary" in diags[0].message and diags[0].code == "not-checked"
    big = ("The front is 1,000km (620 miles) long. " * 40 + "\n\n") * 13_000  # about 21 MB
    assert len(big.encode()) > 20_000_000
    _, diags = await ed.open(_root(client) / "big.md", big)
    assert len(diags) == 1 and diags[0].code == "not-checked" and "20" in diags[0].message
    _, diags = await ed.open(_root(client) / "front.md", CONVERSION)
    assert "NC101" in {d.code for d in diags}


@pytest.mark.asyncio
async def test_on_save_mode_checks_on_save_only(client: LanguageClient):
    ed = Editor(client)
    client.workspace_did_change_configuration(types.DidChangeConfigurationParams(
        settings={"numcheck": {"run": "onSave"}}))
    uri, _ = await ed.open(_root(client) / "save.md", "Nothing to see.\n")
    assert (await _status(client))["run"] == "onSave"
    checks = (await _status(client))["documents"][uri]["checks"]
    ed.replace_all(uri, CONVERSION)
    await asyncio.sleep(0.6)  # beyond the debounce: an onType server would have checked by now
    assert (await _status(client))["documents"][uri]["checks"] == checks
    waiter = ed._expect(uri)
    client.text_document_did_save(types.DidSaveTextDocumentParams(text_document=types.TextDocumentIdentifier(uri=uri)))
    if waiter is None:  # a pull client asks after saving
        await asyncio.sleep(0)
    diags = await ed.diagnostics(uri, waiter)
    assert "NC101" in {d.code for d in diags}
    assert (await _status(client))["documents"][uri]["checks"] == checks + 1


@pytest.mark.asyncio
async def test_pull_and_push_follow_the_clients_capabilities(client: LanguageClient):
    ed = Editor(client)
    uri, _ = await ed.open(_root(client) / "front.md", CONVERSION)
    status = await _status(client)
    assert status["pull"] == is_pull(client)
    if is_pull(client):
        first = await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
            text_document=types.TextDocumentIdentifier(uri=uri)))
        again = await client.text_document_diagnostic_async(types.DocumentDiagnosticParams(
            text_document=types.TextDocumentIdentifier(uri=uri), previous_result_id=first.result_id))
        assert again.kind == "unchanged" and again.result_id == first.result_id
        assert uri not in client.diagnostics  # nothing pushed to a pull client
    else:
        assert "NC101" in {d.code for d in client.diagnostics[uri]}
        client.text_document_did_close(types.DidCloseTextDocumentParams(
            text_document=types.TextDocumentIdentifier(uri=uri)))
        params = await asyncio.wait_for(client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS), 10)
        assert params.uri == uri and not params.diagnostics
