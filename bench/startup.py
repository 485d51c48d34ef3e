"""Start-up: a cold ``numcheck check`` on the example article against a bare ``python -c pass``, in the same run.

Each run is a new process; the figure is the median of several runs of each,
interleaved so load on the machine hits both alike.  Prints both times and the
ratio; exits 1 when the ratio is above the target (25x).

    python bench/startup.py [--runs N] [--target X] [FILE]
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EXAMPLE = ROOT / "examples" / "kursk-2025-02-01.txt"


def _time(cmd: list[str]) -> float:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT)
    elapsed = time.perf_counter() - t0
    if proc.returncode not in (0, 1):
        sys.exit(f"{' '.join(cmd)} failed ({proc.returncode}): {proc.stderr.decode(errors='replace').strip()}")
    return elapsed


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("file", nargs="?", default=str(EXAMPLE))
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--target", type=float, default=25.0)
    args = ap.parse_args()
    script = Path(sys.executable).with_name("numcheck")
    check = [str(script), "check", args.file] if script.exists() else [sys.executable, "-m", "numcheck", "check", args.file]
    bare = [sys.executable, "-c", "pass"]
    os.environ.pop("PYTHONSTARTUP", None)
    _time(check)  # one warm-up so .pyc files and the rule cache exist, as after any install
    bare_t, check_t = [], []
    for _ in range(args.runs):
        bare_t.append(_time(bare))
        check_t.append(_time(check))
    b, c = statistics.median(bare_t), statistics.median(check_t)
    ratio = c / b
    print(f"python -c pass          median {b * 1000:7.1f} ms  (min {min(bare_t) * 1000:.1f})")
    print(f"numcheck check example  median {c * 1000:7.1f} ms  (min {min(check_t) * 1000:.1f})")
    print(f"ratio of medians {ratio:.1f}x, of minimums {min(check_t) / min(bare_t):.1f}x "
          f"(target <= {args.target:g}x): {'PASS' if ratio <= args.target else 'FAIL'}")
    return 0 if ratio <= args.target else 1


if __name__ == "__main__":
    sys.exit(main())
