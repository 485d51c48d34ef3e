"""Language-server latency: first diagnostics for a 2,000-word article after opening it, and after a one-word edit.

Starts ``numcheck lsp`` as a subprocess and talks to it over stdio with pygls'
client, as an editor would (a push client: Neovim 0.9's capabilities).  The
article is made at run time from ../shared/corpora/bbc/bbc_train.csv: whole
articles, four sentences to a paragraph, until 2,000 words.  Prints

- open: didOpen -> publishDiagnostics, for the first document the server sees
  (cold: imports and tables loading, unless the warm-up after ``initialized``
  is done) and for the next ones (median, max); target 300 ms;
- edit: didChange of one word -> publishDiagnostics, minus the debounce
  (250 ms), median and max over ``--edits`` edits; target 50 ms;
- the baseline measured in the same run: one in-process ``numcheck.check`` of
  the same article (what a re-check without the paragraph cache costs).

    python bench/lsp_latency.py [--edits N] [--words N] [--fail]
"""
from __future__ import annotations

import argparse
import asyncio
import csv
import os
import re
import statistics
import sys
import time
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpora" / "bbc" / "bbc_train.csv"
DEBOUNCE = 0.25


def article(words: int, skip: int = 0) -> str:
    """About ``words`` words of BBC copy, four sentences to a paragraph, blank lines between."""
    if not CORPUS.exists():
        sys.exit(f"{CORPUS}: not found (the benchmark needs ../shared/corpora)")
    sentences: list[str] = []
    with CORPUS.open(encoding="utf-8") as fh:
        for i, row in enumerate(csv.DictReader(fh)):
            if i < skip:
                continue
            sentences += re.split(r"(?<=[.!?\"]) (?=[A-Z\"])", row["text"])
            if sum(len(s.split()) for s in sentences) >= words:
                break
    paras, count = [], 0
    for k in range(0, len(sentences), 4):
        paras.append(" ".join(sentences[k:k + 4]))
        count += sum(len(s.split()) for s in sentences[k:k + 4])
        if count >= words:
            break
    return "date 2005-03-01\n\n" + "\n\n".join(paras) + "\n"


def neovim_capabilities() -> types.ClientCapabilities:
    return types.ClientCapabilities(text_document=types.TextDocumentClientCapabilities(
        publish_diagnostics=types.PublishDiagnosticsClientCapabilities(related_information=True),
        synchronization=types.TextDocumentSyncClientCapabilities(did_save=True)))


class Timer:
    """The time each publishDiagnostics arrives, per document and version."""

    def __init__(self, client: LanguageClient) -> None:
        self.waiting: dict[tuple[str, int], asyncio.Future] = {}

        @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        def published(params: types.PublishDiagnosticsParams) -> None:
            fut = self.waiting.pop((params.uri, params.version or 0), None)
            if fut is not None and not fut.done():
                fut.set_result((time.perf_counter(), len(params.diagnostics)))

    def expect(self, uri: str, version: int) -> asyncio.Future:
        fut = asyncio.get_running_loop().create_future()
        self.waiting[(uri, version)] = fut
        return fut


async def open_doc(client: LanguageClient, timer: Timer, uri: str, text: str) -> tuple[float, int]:
    fut = timer.expect(uri, 1)
    t0 = time.perf_counter()
    client.text_document_did_open(types.DidOpenTextDocumentParams(text_document=types.TextDocumentItem(
        uri=uri, language_id="markdown", version=1, text=text)))
    t1, n = await asyncio.wait_for(fut, 60)
    return t1 - t0, n


def _pos(text: str, offset: int) -> types.Position:
    return types.Position(line=text.count("\n", 0, offset), character=offset - (text.rfind("\n", 0, offset) + 1))


async def edit_word(client: LanguageClient, timer: Timer, uri: str, text: str, version: int, k: int) -> tuple[str, float]:
    words = [m for m in re.finditer(r"\b[a-z]{4,}\b", text)]
    m = words[(k * 7919) % len(words)]
    new = m.group(0)[::-1]
    fut = timer.expect(uri, version)
    t0 = time.perf_counter()
    client.text_document_did_change(types.DidChangeTextDocumentParams(
        text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
        content_changes=[types.TextDocumentContentChangePartial(
            range=types.Range(start=_pos(text, m.start()), end=_pos(text, m.end())), text=new)]))
    t1, _ = await asyncio.wait_for(fut, 60)
    return text[:m.start()] + new + text[m.end():], t1 - t0 - DEBOUNCE


async def run(args: argparse.Namespace) -> dict[str, list[float]]:
    client = LanguageClient("numcheck-bench", "1")
    timer = Timer(client)
    await client.start_io(sys.executable, "-m", "numcheck", "lsp", cwd=str(ROOT))
    await client.initialize_async(types.InitializeParams(capabilities=neovim_capabilities(),
                                                         root_uri=(ROOT / "examples").as_uri()))
    client.initialized(types.InitializedParams())
    out: dict[str, list[float]] = {"cold": [], "open": [], "edit": []}
    texts = [article(args.words, skip=40 * i) for i in range(args.opens + 1)]
    base = ROOT / "examples"
    dt, n = await open_doc(client, timer, (base / "bench-0.md").as_uri(), texts[0])
    out["cold"].append(dt)
    print(f"article: {len(texts[0].split())} words, {len(texts[0]):,} chars, {n} diagnostics")
    for i, text in enumerate(texts[1:], 1):
        await asyncio.sleep(0.3)
        out["open"].append((await open_doc(client, timer, (base / f"bench-{i}.md").as_uri(), text))[0])
    uri, text = (base / "bench-1.md").as_uri(), texts[1]
    for k in range(args.edits):
        await asyncio.sleep(0.05)
        text, dt = await edit_word(client, timer, uri, text, k + 2, k)
        out["edit"].append(dt)
    await client.shutdown_async(None)
    client.exit(None)
    await client.stop()
    return out


def baseline(text: str, repeat: int = 5) -> float:
    import numcheck

    numcheck.check(text, format="markdown", config={})
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        numcheck.check(text, format="markdown", config={})
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--words", type=int, default=2000)
    ap.add_argument("--edits", type=int, default=20)
    ap.add_argument("--opens", type=int, default=5)
    ap.add_argument("--fail", action="store_true", help="exit 1 when a median misses its target")
    args = ap.parse_args()
    got = asyncio.run(run(args))
    full = baseline(article(args.words, skip=40))
    ms = lambda xs: f"median {statistics.median(xs) * 1000:.0f} ms, max {max(xs) * 1000:.0f} ms"  # noqa: E731
    print(f"open, first document (cold server): {got['cold'][0] * 1000:.0f} ms   (target 300 ms)")
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        print("  note: PYTHONDONTWRITEBYTECODE is set, so the server may compile numcheck from source at start, which "
              "an installed numcheck never does; run `python -m compileall numcheck` or unset it for the cold figure")
    print(f"open, next {len(got['open'])} documents: {ms(got['open'])}   (target 300 ms); each: "
          + ", ".join(f"{x * 1000:.0f}" for x in got["open"]))
    print(f"one-word edit, after the {DEBOUNCE * 1000:.0f} ms debounce, {len(got['edit'])} edits: {ms(got['edit'])}"
          f"   (target 50 ms)")
    print(f"baseline, one full in-process check() of the article: {full * 1000:.0f} ms; "
          f"edit median / full check = {statistics.median(got['edit']) / full:.2f}")
    missed = statistics.median(got["open"]) > 0.3 or statistics.median(got["edit"]) > 0.05
    return 1 if args.fail and missed else 0


if __name__ == "__main__":
    sys.exit(main())
