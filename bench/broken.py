"""Injected-error harness: recall of the checks on articles with one number broken, and quietness on the originals.

    .venv/bin/python bench/broken.py                                   # wire-dev, wire-test, tbaq, bbc-dev; every kind
    .venv/bin/python bench/broken.py --corpus wire-dev --kinds conversion,change --limit 100
    .venv/bin/python bench/broken.py --corpus wire-dev --missed /tmp/missed.txt   # read the misses (dev only)
    .venv/bin/python bench/broken.py --before /tmp/main-checkout       # the same run with another numcheck, side by side
    .venv/bin/python bench/broken.py --corpus bbc-test,wire-test       # measurement only: never tune on these

Corpora (bench/harness/corpora.py): bbc-dev (train+val) and bbc-test, undated,
checked as published "2005"; wire-dev and wire-test, the two fixed halves of
the Gigaword silver wire (AFP, Xinhua; a hash of the file name decides) with
their own dates; tbaq, TimeBank + AQUAINT (dated, development).  Kinds: a
conversion, a percentage with its parts, a change with its levels, a total
with its parts, a group referred back to (repeat), a date with its weekday, an
elapsed time, and a figure of an earlier article restated (history).  How
each kind's cases are found and broken is in bench/README.md and the harness
modules' docstrings.  Every article gives at most one case per kind (one
number broken per copy).

For each corpus the run prints per kind caught/cases and recall, the sites that
could not be cases (inconsistent originals: maybe real errors; unchecked: no ECB
rate, an ambiguous currency word), all findings on the unbroken articles per 20
articles, warnings and errors per article, and NC4xx per article against the
history store.  ``--json FILE`` keeps the figures; ``--missed FILE`` lists the
missed cases of development corpora, and their sites whose original arithmetic
fails (maybe real errors), only (held-out corpora are counted, never read case
by case).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from harness import corpora  # noqa: E402
from harness.sites import KINDS  # noqa: E402

DEFAULT_CORPORA = ("wire-dev", "wire-test", "tbaq", "bbc-dev")


def measure(corpus_names: list[str], kinds: tuple[str, ...], seed: int, limit: int | None) -> dict[str, Any]:
    """Every corpus measured: {"numcheck": where it was imported from, "corpora": {name: figures}, "missed": [...]}."""
    import numcheck
    from harness.run import measure_corpus

    out: dict[str, Any] = {"numcheck": str(Path(numcheck.__file__).parent), "corpora": {}, "missed": [], "odd": []}
    for name in corpus_names:
        res = measure_corpus(name, kinds, seed, limit)
        out["corpora"][name] = res.to_dict()
        if not corpora.is_held_out(name):
            out["missed"].extend({"corpus": name, **vars(c)} for c in res.missed)
            out["odd"].extend({"corpus": name, "article": a.id, "kind": s.kind, "note": s.note,
                               "text": a.text[max(0, s.spans[0][0] - 120):s.spans[-1][1] + 60]} for a, s in res.odd)
    return out


def _cell(kind: dict[str, Any] | None) -> str:
    if not kind or not kind["cases"]:
        return "-"
    return f"{kind['caught']}/{kind['cases']} {100 * kind['recall']:.0f}%"


def _overall(fig: dict[str, Any], kinds: tuple[str, ...]) -> dict[str, Any]:
    cases = sum(fig["kinds"].get(k, {}).get("cases", 0) for k in kinds)
    hit = sum(fig["kinds"].get(k, {}).get("caught", 0) for k in kinds)
    return {"cases": cases, "caught": hit, "recall": hit / cases if cases else None}


def table(now: dict[str, Any], kinds: tuple[str, ...], before: dict[str, Any] | None = None) -> str:
    """The figures as a text table, one column per corpus ("before -> now" in each cell with --before)."""
    names = list(now["corpora"])
    def cell(fn) -> list[str]:
        row = []
        for n in names:
            v = fn(now["corpora"][n])
            row.append(f"{fn(before['corpora'][n])} -> {v}" if before else v)
        return row
    rows = [["kind", *names]]
    for k in kinds:
        rows.append([k, *cell(lambda f, k=k: _cell(f["kinds"].get(k)))])
    text_kinds = tuple(k for k in kinds if k != "history")
    rows.append(["all but history", *cell(lambda f: _cell(_overall(f, text_kinds)))])
    if "history" in kinds:
        rows.append(["all kinds", *cell(lambda f: _cell(_overall(f, kinds)))])
    rows.append(["articles", *cell(lambda f: str(f["articles"]))])
    rows.append(["findings per 20", *cell(lambda f: f"{f['findings_per_20']:.2f} ({f['findings']})")])
    rows.append(["warn+err per article", *cell(lambda f: f"{f['serious_per_article']:.3f}")])
    if "history" in kinds:
        rows.append(["NC4xx per article", *cell(lambda f: f"{f['nc4_per_article']:.3f} ({f['history_checked']})")])
    rows.append(["inconsistent sites", *cell(lambda f: str(sum(t["inconsistent"] for t in f["kinds"].values())))])
    rows.append(["unchecked sites", *cell(lambda f: str(sum(sum(t["unchecked"].values()) for t in f["kinds"].values())))])
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip() for r in rows)


def forms(now: dict[str, Any], kinds: tuple[str, ...]) -> str:
    """Caught/cases per form within a kind (money or unit conversion, weekday or day break...), per corpus."""
    lines = []
    for k in kinds:
        for form in sorted({f for c in now["corpora"].values() for f in c["kinds"].get(k, {}).get("forms", {})}):
            cells = []
            for name, c in now["corpora"].items():
                got = c["kinds"].get(k, {}).get("forms", {}).get(form)
                cells.append(f"{name} {got['caught']}/{got['cases']}" if got else f"{name} -")
            lines.append(f"  {k} ({form}): " + ", ".join(cells))
    return "\n".join(lines)


def codes(now: dict[str, Any]) -> str:
    """Findings on the unbroken articles by code, per corpus."""
    return "\n".join(f"{n}: {f['by_code'] or 'none'}" for n, f in now["corpora"].items())


def run_with(checkout: Path, argv: list[str]) -> dict[str, Any]:
    """This harness's --json output with the numcheck package found in ``checkout`` (a child process)."""
    env = dict(os.environ, PYTHONPATH=str(checkout.resolve()))
    with tempfile.TemporaryDirectory() as cwd:
        out = Path(cwd) / "out.json"
        done = subprocess.run([sys.executable, str(Path(__file__).resolve()), *argv, "--json", str(out)],
                              env=env, cwd=cwd, capture_output=True, text=True, check=False)
        if done.returncode:
            raise SystemExit(f"broken: the run with {checkout} failed:\n{done.stderr}")
        result = json.loads(out.read_text())
    if Path(result["numcheck"]).resolve() != (checkout.resolve() / "numcheck"):
        raise SystemExit(f"broken: --before imported numcheck from {result['numcheck']}, not {checkout}")
    return result


def write_missed(path: Path, missed: list[dict[str, Any]], odd: list[dict[str, Any]]) -> None:
    """The missed cases of development corpora with their context, then the sites whose original arithmetic
    fails (maybe real errors the checks should catch in the unbroken copy), for reading."""
    with open(path, "w", encoding="utf-8") as fh:
        for m in missed:
            s = max(0, m["start"] - 160)
            fh.write(f"[{m['corpus']}] {m['kind']} {m['article']} {m['original']!r} -> {m['broken']!r} ({m['note']})\n")
            fh.write(f"    ...{m['text'][s:m['end'] + 100]!r}\n")
        fh.write("\n# inconsistent in the original (not broken by the harness): maybe real errors\n")
        for o in odd:
            fh.write(f"[{o['corpus']}] {o['kind']} {o['article']} ({o['note']})\n    ...{o['text']!r}\n")


def _args(argv: list[str] | None) -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--corpus", default=",".join(DEFAULT_CORPORA),
                    help=f"comma-separated corpora, of {', '.join(corpora.NAMES)} (default %(default)s)")
    ap.add_argument("--kinds", default=",".join(KINDS), help="comma-separated kinds (default: all)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--limit", type=int, default=None, help="the first N articles of each corpus (quick runs)")
    ap.add_argument("--json", type=Path, help="write the figures to this file")
    ap.add_argument("--missed", type=Path, help="write the missed cases of development corpora to this file")
    ap.add_argument("--before", type=Path, help="a checkout whose numcheck package is measured too, side by side")
    return ap.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    a = _args(argv)
    names = [c.strip() for c in a.corpus.split(",") if c.strip()]
    kinds = tuple(k.strip() for k in a.kinds.split(",") if k.strip())
    bad = [n for n in names if n not in corpora.NAMES] + [k for k in kinds if k not in KINDS]
    if bad:
        print(f"error: unknown corpus or kind: {', '.join(bad)} (corpora: {', '.join(corpora.NAMES)}; "
              f"kinds: {', '.join(KINDS)})", file=sys.stderr)
        return 2
    try:
        now = measure(names, kinds, a.seed, a.limit)
    except FileNotFoundError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if a.json:
        a.json.write_text(json.dumps(now, indent=1, default=str), encoding="utf-8")
    before = None
    if a.before:
        child = ["--corpus", a.corpus, "--kinds", a.kinds, "--seed", str(a.seed)]
        before = run_with(a.before, child + (["--limit", str(a.limit)] if a.limit else []))
    if a.missed:
        write_missed(a.missed, now["missed"], now["odd"])
    print(f"numcheck: {now['numcheck']}" + (f"  (before: {before['numcheck']})" if before else ""))
    print(table(now, kinds, before))
    print("by form:")
    print(forms(now, kinds))
    print("findings on the unbroken articles, by code:")
    print(codes(now))
    return 0


if __name__ == "__main__":
    sys.exit(main())
