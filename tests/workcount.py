"""How much work numcheck does on an input, measured so that a busy machine cannot change the answer.

The growth tests (is this linear in the input?) used to compare wall-clock
times, which a neighbour on the two shared cores moves by a third.  Two
measures replace them:

- ``count_lines``: the Python lines executed in numcheck's own modules (frames
  whose file is under ``numcheck/``), counted with ``sys.settrace``.  The
  same input gives the same count on any machine under any load, so sizes can
  be small and the tests stay fast.  It cannot see work done inside one C call
  (a regex backtracking, a slice copy), which is why there is a second measure.
- ``cpu_seconds``: this process's CPU time (``time.process_time``, not the wall
  clock), the fastest of a few runs with the garbage collector off.  Only ever
  compared as a ratio with a wide bound over a large size step (8x the text
  under 20x the time: quadratic work gives 64x), so a neighbour's load cannot
  push a linear run over it.

``count_growth`` and ``cpu_growth`` apply them to a ``Family`` of inputs.
Wall-clock timings of the same families are printed by bench/linear_growth.py.
"""
from __future__ import annotations

import gc
import os
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import Any, Callable

import numcheck

PACKAGE = str(Path(numcheck.__file__).resolve().parent) + os.sep

MAX_RATIO = 2.3        # counted work per doubling of the input: linear doubles, quadratic quadruples
DOUBLINGS = 3
COUNT_TARGET = 20_000  # lines of numcheck the smallest counted size does at least (so fixed costs are small)...
CHARS_CAP = 1 << 13    # ...unless its text is this long: little Python work is left to the CPU-time measure
CPU_RATIO = 20.0       # 8x the text under 20x the CPU time
CPU_BASE = 0.005       # CPU seconds the smaller timed run takes at least...
CPU_CHARS_CAP = 1 << 21  # ...unless its text is this long


@dataclass(frozen=True)
class Family:
    """Inputs of one shape in every size: ``build(n)`` makes the text, ``run`` is the entry point it goes through."""

    name: str
    build: Callable[[int], str]
    run: Callable[[str], object]
    start: int = 64                        # first size parameter tried in calibration
    fixed: tuple[int, ...] | None = None   # exact size parameters, doubling (the named sizes)
    note: str = ""


class NotLinear(AssertionError):
    """A family's work grew faster than its input."""


def count_lines(run: Callable[[Any], object], arg: Any) -> int:
    """The number of Python lines of numcheck/ executed by ``run(arg)``: a deterministic measure of its work."""
    n = 0

    def line(frame: FrameType, event: str, _: Any) -> Any:
        nonlocal n
        if event == "line":
            n += 1
        return line

    def call(frame: FrameType, event: str, _: Any) -> Any:
        return line if frame.f_code.co_filename.startswith(PACKAGE) else None

    previous = sys.gettrace()
    sys.settrace(call)
    try:
        run(arg)
    finally:
        sys.settrace(previous)
    return n


def cpu_seconds(run: Callable[[Any], object], arg: Any, best_of: int = 3) -> float:
    """The least process CPU time (``time.process_time``) of ``best_of`` runs of ``run(arg)``, gc off.

    CPU time of this process only: time spent waiting for a core that a
    neighbour holds is not counted.  Still a time, so compare it only as a
    ratio against a run measured just before, with a wide bound.
    """
    best = float("inf")
    for _ in range(best_of):
        gc.disable()
        try:
            t0 = time.process_time()
            run(arg)
            best = min(best, time.process_time() - t0)
        finally:
            gc.enable()
    return best


def counted_sizes(fam: Family) -> list[int]:
    """The family's size parameters for counting: its fixed sizes, or doublings from where the work is enough."""
    if fam.fixed:
        return list(fam.fixed)
    n = fam.start
    while len(fam.build(n)) < CHARS_CAP and count_lines(fam.run, fam.build(n)) < COUNT_TARGET:
        n *= 2
    return [n << i for i in range(DOUBLINGS + 1)]


def count_growth(fam: Family) -> dict:
    """Counted work at each size; raises NotLinear when a doubling of the input does over MAX_RATIO the work."""
    fam.run(fam.build(8))  # imports, vocabularies, compiled patterns
    sizes = counted_sizes(fam)
    fam.run(fam.build(sizes[-1] + 1))  # anything loaded only for longer input, without repeating a measured text
    counts = [count_lines(fam.run, fam.build(n)) for n in sizes]
    ratios = [b / max(a, 1) for a, b in zip(counts, counts[1:])]
    out = {"family": fam.name, "sizes": sizes, "chars": [len(fam.build(n)) for n in sizes], "lines": counts,
           "ratios": [round(r, 2) for r in ratios]}
    if max(ratios) > MAX_RATIO:
        raise NotLinear(f"{fam.name}: counted work grew up to {max(ratios):.2f}x when the input doubled "
                        f"({out}), limit {MAX_RATIO}x: not linear")
    return out


def cpu_growth(fam: Family) -> dict:
    """CPU time at a size and at 8x it, best of three each; raises NotLinear over CPU_RATIO."""
    fam.run(fam.build(8))
    if fam.fixed:
        small, large = fam.fixed[0], fam.fixed[-1]
    else:
        small = fam.start
        while len(fam.build(small)) < CPU_CHARS_CAP and cpu_seconds(fam.run, fam.build(small), best_of=1) < CPU_BASE:
            small *= 2
        large = small * 8
    t_small, t_large = cpu_seconds(fam.run, fam.build(small)), cpu_seconds(fam.run, fam.build(large))
    ratio = t_large / max(t_small, 1e-4)
    out = {"family": fam.name, "sizes": [small, large], "cpu_seconds": [t_small, t_large], "ratio": round(ratio, 1),
           "size_ratio": round(len(fam.build(large)) / len(fam.build(small)), 1)}
    if ratio > CPU_RATIO:
        raise NotLinear(f"{fam.name}: {out['size_ratio']}x the text took {ratio:.1f}x the CPU time ({out}), "
                        f"limit {CPU_RATIO}x: not linear")
    return out
