"""Time check() with every rule pack loaded as the text grows 0.25 MB -> 1 MB (target: 4x the text, at most 5x the time).

The text is the example article (examples/kursk-2025-02-01.txt) repeated to
each size, once as written (a paragraph per line) and once joined into one
line (as the BBC corpus stores articles); --text FILE uses another article.
The rules are the core rules, rules/examples and the three house styles.
Each size is timed --repeats times and the fastest is kept, in CPU time (what
a neighbour on the shared cores distorts least) and on the wall clock.  The
baseline is measured in the same run: the 0.25 MB time of the same call, and
extract() alone on the same texts (check() extracts first, so its growth
cannot beat extraction's).  --by-check adds each check's own time at both
sizes, to find the one that grows.

    .venv/bin/python bench/check_growth.py
    .venv/bin/python bench/check_growth.py --by-check --repeats 1
    .venv/bin/python bench/check_growth.py --sizes 0.25 1 4
"""
from __future__ import annotations

import argparse
import gc
import sys
import time
from pathlib import Path
from typing import Any, Callable

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "kursk-2025-02-01.txt"
PACKS = [ROOT / "rules" / "examples", *(ROOT / "rules" / "style" / f"{s}.yaml" for s in ("ap", "economist", "guardian"))]
TARGET = 5.0  # 4x the text, at most 5x the time


def repeat_to(unit: str, n: int) -> str:
    return (unit * (n // len(unit) + 1))[:n]


def best_time(run: Callable[[], Any], repeats: int) -> tuple[float, float]:
    """(CPU seconds, wall seconds) of the fastest of ``repeats`` runs, gc off."""
    best = (float("inf"), float("inf"))
    for _ in range(repeats):
        gc.disable()
        try:
            c, w = time.process_time(), time.perf_counter()
            run()
            best = min(best, (time.process_time() - c, time.perf_counter() - w))
        finally:
            gc.enable()
    return best


def by_check(text: str, rules: Any) -> dict[str, float]:
    """CPU seconds of each check's run() over one Context, and of extraction."""
    from numcheck.checks import Context, registry
    from numcheck.extract import extract
    from numcheck.pubdate import find_published

    pub = find_published(text)
    c0 = time.process_time()
    claims = tuple(extract(text, rules=rules))
    out = {"extract": time.process_time() - c0}
    ctx = Context(text=text, claims=claims, published=pub[0] if pub else None, published_end=pub[1] if pub else None,
                  rules=rules)
    for chk in registry():
        c0 = time.process_time()
        list(chk.run(ctx))
        out[chk.code] = time.process_time() - c0
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--text", type=Path, default=EXAMPLE, help="the article to repeat (default: the example)")
    ap.add_argument("--sizes", type=float, nargs="+", default=[0.25, 1.0], help="sizes in MB; the first is the baseline")
    ap.add_argument("--repeats", type=int, default=3, help="runs per size, fastest kept (default 3)")
    ap.add_argument("--by-check", action="store_true", help="also time each check alone at the first and last size")
    args = ap.parse_args(argv)

    import numcheck
    from numcheck.rules import load_rules

    rules = load_rules(PACKS)
    unit = args.text.read_text(encoding="utf-8")
    numcheck.check(unit, rules=rules)  # imports, vocabularies, compiled patterns
    worst = 0.0
    for layout, text_unit in (("in lines", unit), ("one line", unit.replace("\n", " "))):
        print(f"\n{args.text.name} repeated, {layout}; rules: core + {', '.join(p.name for p in PACKS)}")
        print(f"{'MB':>6} {'check cpu s':>12} {'x base':>7} {'check wall s':>13} {'extract cpu s':>14} {'x base':>7}")
        base = None
        for mb in args.sizes:
            text = repeat_to(text_unit, int(mb * 1_000_000))
            cpu, wall = best_time(lambda: numcheck.check(text, rules=rules), args.repeats)
            ext, _ = best_time(lambda: numcheck.extract(text, rules=rules), args.repeats)
            base = base or (mb, cpu, ext)
            growth = cpu / base[1]
            print(f"{mb:6.2f} {cpu:12.3f} {growth:7.2f} {wall:13.3f} {ext:14.3f} {ext / base[2]:7.2f}", flush=True)
            if mb != base[0]:
                worst = max(worst, growth / (mb / base[0]) * 4)
        if args.by_check:
            lo = by_check(repeat_to(text_unit, int(args.sizes[0] * 1_000_000)), rules)
            hi = by_check(repeat_to(text_unit, int(args.sizes[-1] * 1_000_000)), rules)
            scale = args.sizes[-1] / args.sizes[0]
            print(f"  per check, {args.sizes[0]} MB -> {args.sizes[-1]} MB (CPU s; text x{scale:g}):")
            for code in sorted(hi, key=lambda k: -hi[k]):
                if hi[code] >= 0.005:
                    print(f"  {code:8} {lo[code]:8.3f} {hi[code]:8.3f} {hi[code] / max(lo[code], 1e-4):7.1f}x")
    print(f"\nworst growth, scaled to 4x the text: {worst:.2f}x the time (target at most {TARGET:g}x)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
