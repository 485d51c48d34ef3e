"""The HTML report in Chromium: how long the example article's report and a 200-article folder's report take to open.

Makes the reports with ``numcheck check --format html`` (the 200 articles are
written at run time from ../shared/corpora/bbc/bbc_train.csv, one file each,
and deleted afterwards), then opens each in headless Chromium (Debian's
``chromium`` and ``chromium-driver``, through Selenium) ``--runs`` times in a
fresh browser each time, and prints the median and worst of

- load: navigation start to the end of the load event (the page parsed,
  styled, laid out, its script run), from the Navigation Timing API;
- get: the wall-clock time Selenium's ``get()`` takes, the same from outside;

against a baseline in the same run, an empty page.  Target: under 2 s.

    python bench/html_open.py [--articles N] [--runs N]
"""
from __future__ import annotations

import argparse
import csv
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
CORPUS = ROOT.parent / "shared" / "corpora" / "bbc" / "bbc_train.csv"
EXE = str(Path(sys.executable).with_name("numcheck"))


def folder(where: Path, n: int) -> Path:
    """``n`` BBC articles as text files, each with a publication date line."""
    if not CORPUS.exists():
        sys.exit(f"{CORPUS}: not found (the benchmark needs ../shared/corpora)")
    out = where / "articles"
    out.mkdir()
    with CORPUS.open(encoding="utf-8") as fh:
        for i, row in enumerate(csv.DictReader(fh)):
            if i >= n:
                break
            (out / f"{i:03d}-{row['category']}.txt").write_text(f"date 2005-03-{i % 28 + 1:02d}\n\n{row['text']}\n",
                                                                 encoding="utf-8")
    return out


def report(args: list[str], out: Path) -> Path:
    t0 = time.perf_counter()
    p = subprocess.run([EXE, "check", *args, "--format", "html", "-o", str(out)], cwd=ROOT, capture_output=True,
                       text=True)
    if p.returncode not in (0, 1):
        sys.exit(p.stderr)
    print(f"  made {out.name}: {out.stat().st_size / 1e6:.2f} MB in {time.perf_counter() - t0:.1f} s")
    return out


def open_times(page: Path, runs: int) -> tuple[list[float], list[float]]:
    from browser import chromium

    loads, gets = [], []
    for _ in range(runs):
        driver = chromium()
        try:
            driver.get("about:blank")
            t0 = time.perf_counter()
            driver.get(page.as_uri())
            gets.append(time.perf_counter() - t0)
            timing = driver.execute_script(
                "const n = performance.getEntriesByType('navigation')[0]; return [n.startTime, n.loadEventEnd];")
            loads.append((timing[1] - timing[0]) / 1000)
        finally:
            driver.quit()
    return loads, gets


def main() -> int:
    from browser import MISSING

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=200)
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    if MISSING:
        sys.exit(MISSING)
    with tempfile.TemporaryDirectory(prefix="numcheck-html-bench-") as tmp:
        d = Path(tmp)
        (d / "empty.html").write_text("<!DOCTYPE html><title>empty</title>", encoding="utf-8")
        pages = {
            "empty page (baseline)": d / "empty.html",
            "example article": report(["examples/kursk-2025-02-01.txt", "--rules", "rules/examples"], d / "example.html"),
            f"{args.articles}-article folder": report([str(folder(d, args.articles))], d / "folder.html"),
        }
        for name, page in pages.items():
            loads, gets = open_times(page, args.runs)
            print(f"{name}: load median {statistics.median(loads) * 1000:.0f} ms (max {max(loads) * 1000:.0f}), "
                  f"get() median {statistics.median(gets) * 1000:.0f} ms (max {max(gets) * 1000:.0f})"
                  + ("" if "baseline" in name else "   (target 2,000 ms)"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
