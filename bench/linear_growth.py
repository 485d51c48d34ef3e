"""Time every adversarial input family of tests/linear_families.py as its input doubles, and the 10 MB single line.

The tests hold these families to linear growth by counted work and a wide
CPU-time bound (tests/test_robust_linear.py); this script prints the timed
figures those tests no longer assert on.  For each family the size is
calibrated so the smallest timed input takes about --target seconds of CPU, then
doubled three times; each size is timed --repeats times (median) on the wall
clock and in process CPU time, and each doubling's ratio is printed (linear
work: about 2x, quadratic: 4x).  Then two single lines are doubled up to 10 MB
(the extractor on prose, the Markdown reader) and read against 1 MB of the same
prose in lines timed in the same run: the per-byte slowdown of one long line.

    .venv/bin/python bench/linear_growth.py                  # every family, then the 10 MB lines
    .venv/bin/python bench/linear_growth.py --only check_    # families whose name contains check_
    .venv/bin/python bench/linear_growth.py --no-10mb --json /tmp/linear.json

Figures move with load (two shared cores): run it on an idle machine.
"""
from __future__ import annotations

import argparse
import gc
import json
import statistics
import sys
import time
from pathlib import Path
from typing import Callable

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))

from linear_families import FAMILIES, MARKDOWN, PLAIN, SENTENCE, Family, extract_claims, prose_of, repeat_to  # noqa: E402

TEN_MB = 10_000_000
CAL_CAP = 1 << 22   # calibration never goes past this size parameter


def timed(run: Callable[[str], None], s: str) -> tuple[float, float]:
    """(wall seconds, CPU seconds) of one run, gc off."""
    gc.disable()
    try:
        w, c = time.perf_counter(), time.process_time()
        run(s)
        return time.perf_counter() - w, time.process_time() - c
    finally:
        gc.enable()


def median_time(run: Callable[[str], None], s: str, repeats: int) -> tuple[float, float]:
    runs = [timed(run, s)]
    if runs[0][1] < 0.5:
        runs += [timed(run, s) for _ in range(repeats - 1)]
    return statistics.median(r[0] for r in runs), statistics.median(r[1] for r in runs)


def sizes_of(fam: Family, target: float) -> list[int]:
    if fam.fixed:
        return list(fam.fixed)
    n = fam.start
    while n < CAL_CAP and timed(fam.run, fam.build(n))[1] < target:
        n *= 2
    return [n << i for i in range(4)]


def family_growth(fam: Family, target: float, repeats: int) -> dict:
    fam.run(fam.build(8))
    out: dict = {"family": fam.name, "entry": fam.run.__name__, "note": fam.note, "sizes": [], "chars": [],
                 "wall": [], "cpu": []}
    for n in sizes_of(fam, target):
        s = fam.build(n)
        wall, cpu = median_time(fam.run, s, repeats)
        out["sizes"].append(n)
        out["chars"].append(len(s))
        out["wall"].append(round(wall, 5))
        out["cpu"].append(round(cpu, 5))
    out["wall_ratios"] = [round(b / max(a, 1e-6), 2) for a, b in zip(out["wall"], out["wall"][1:])]
    out["cpu_ratios"] = [round(b / max(a, 1e-6), 2) for a, b in zip(out["cpu"], out["cpu"][1:])]
    return out


def ten_mb_line(name: str, run: Callable[[str], None], unit: str) -> dict:
    """A single line of 2.5, 5 and 10 MB against 1 MB of the same prose in lines, per byte."""
    run(unit)
    lined = repeat_to(unit.rstrip() + "\n", 1_000_000)
    per_byte_lines = timed(run, lined)[1] / len(lined)
    cpu = [timed(run, repeat_to(unit, n))[1] for n in (TEN_MB // 4, TEN_MB // 2, TEN_MB)]
    per_byte = cpu[-1] / TEN_MB
    return {"family": f"ten_mb_{name}", "chars": [TEN_MB // 4, TEN_MB // 2, TEN_MB], "cpu": [round(t, 3) for t in cpu],
            "cpu_ratios": [round(b / a, 2) for a, b in zip(cpu, cpu[1:])], "mb_per_s": round(1e-6 / per_byte, 3),
            "vs_lines": round(per_byte / per_byte_lines, 2)}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", default="", help="only families whose name contains this")
    ap.add_argument("--target", type=float, default=0.01, help="CPU seconds of the smallest timed size (default 0.01)")
    ap.add_argument("--repeats", type=int, default=3, help="runs per size, median taken (default 3)")
    ap.add_argument("--no-10mb", action="store_true", help="skip the 10 MB single lines")
    ap.add_argument("--json", help="also write every figure to this file")
    args = ap.parse_args(argv)

    results = []
    print(f"{'family':30} {'chars (smallest)':>16}  wall ratios per doubling   cpu ratios per doubling   largest cpu")
    for fam in FAMILIES:
        if args.only not in fam.name:
            continue
        r = family_growth(fam, args.target, args.repeats)
        results.append(r)
        print(f"{fam.name:30} {r['chars'][0]:>16,}  {' '.join(f'{x:5.2f}' for x in r['wall_ratios']):24}  "
              f"{' '.join(f'{x:5.2f}' for x in r['cpu_ratios']):24}  {r['cpu'][-1]:8.3f} s", flush=True)
    worst = max(results, key=lambda r: max(r["cpu_ratios"]), default=None)
    if worst:
        print(f"\nworst CPU ratio per doubling: {max(worst['cpu_ratios']):.2f}x ({worst['family']}; linear ~2, quadratic ~4)")
    if not args.no_10mb:
        for name, run, unit in (("extract_prose", extract_claims, PLAIN * 4 + SENTENCE),
                                ("prose_markdown", prose_of("markdown"), MARKDOWN)):
            r = ten_mb_line(name, run, unit)
            results.append(r)
            print(f"{r['family']:30} cpu {r['cpu']} s, ratios {r['cpu_ratios']}, {r['mb_per_s']} MB/s, "
                  f"{r['vs_lines']}x the per-byte time of 1 MB in lines", flush=True)
    if args.json:
        Path(args.json).write_text(json.dumps(results, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
