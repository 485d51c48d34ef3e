"""NC107 multiple-mismatch: doubled, tripled or halved, when the stated levels say otherwise."""
from __future__ import annotations

import re
from typing import Iterator

from ... import numfmt as nf
from ... import tolerance as tol
from ...model import Finding
from .._common import numeric
from ..base import Check, ClaimsByStart, Context
from ._common import BREAK, Level, Levels, clause_ok, from_to_ends, level_text, related_levels, role_of, same_measure


_MULTIPLE = re.compile(r"\b(?P<w>doubl(?:ed|ing|e)|tripl(?:ed|ing|e)|trebl(?:ed|ing|e)|quadrupl(?:ed|ing|e)|halv(?:ed|ing|e))\b", re.I)

_MULTIPLE_Q = re.compile(r"\b(?P<q>nearly|almost|more\s+than|over|roughly|about|around|just\s+over|just\s+under|well\s+over)\s+$", re.I)

_FACTORS = {"doubl": 2.0, "tripl": 3.0, "trebl": 3.0, "quadrupl": 4.0, "halv": 0.5}


class MultipleMismatch(Check):
    """Doubled, tripled or halved, when the stated levels say otherwise.

    What it flags:
    "doubled", "tripled", "trebled", "quadrupled" or "halved" with the levels
    it moves between ("doubled from 200 to 300") when their ratio is not the
    multiple: 10% is allowed either way, more with a qualifier ("nearly
    doubled" is 1.4-2.04 times, "more than doubled" 1.96-3 times).

    Why it matters:
    A multiple is a headline word; when the levels beside it say something
    else, the reader is told two different stories.

    Anti-pattern:
        Sales doubled from 200 to 300 units.

    Best practice:
        Sales rose by half, from 200 to 300 units.

    Options:
    None.
    """

    code = "NC107"
    name = "multiple-mismatch"
    severity = "error"

    def run(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        cl = numeric(ctx)
        if not cl:
            return
        by_start = ClaimsByStart(cl)
        for m in _MULTIPLE.finditer(text):
            after = by_start.between(m.end(), m.end() + 61)
            levels = [c for c in after if c.change is None]
            if not levels:
                continue
            old: Level | None = None
            new: Level | None = None
            for c in levels[:2]:
                role = role_of(text, c)
                if role == "fromto":
                    a, b = from_to_ends(c)
                    old, new = Level(c, a), Level(c, b)
                    break
                if role == "from" and old is None:
                    old = Level(c, tol.interval(c))
                elif role == "to" and new is None:
                    new = Level(c, tol.interval(c))
            lv = Levels(old, new).both()
            if lv is None or not same_measure(lv.old, lv.new) or lv.old_iv.lo <= 0:
                continue
            if not clause_ok(text, [lv.old, lv.new]) or BREAK.search(text[m.end():min(lv.old.start, lv.new.start)]):
                continue
            factor = _FACTORS[_stem(m.group("w"))]
            qm = _MULTIPLE_Q.search(text, max(0, m.start() - 15), m.start())
            q = qm.group("q").lower() if qm else ""
            lo, hi = factor * 0.9, factor * 1.12
            if q.startswith(("nearly", "almost", "just under")):
                lo, hi = factor * 0.7, factor * 1.02
            elif q.startswith(("more than", "over", "just over", "well over")):
                lo, hi = factor * 0.98, factor * 1.5
            elif q:
                lo, hi = factor * 0.8, factor * 1.2
            if factor < 1:  # "halved" is "doubled" backwards: invert the bounds of x2
                lo, hi = factor * factor / hi, factor * factor / lo
            ratio = lv.new_iv.divide(lv.old_iv)
            if ratio is None or ratio.overlaps(tol.Interval(min(lo, hi), max(lo, hi))):
                continue
            yield ctx.finding(
                self, m.start("w"), m.end("w"),
                f"from {level_text(lv.old, lv.old_iv)} to {level_text(lv.new, lv.new_iv)} is x{nf.number(ratio.mid)}; the text says '{(q + ' ' if q else '') + m.group('w')}' (x{nf.number(factor)})",
                related=related_levels(ctx, lv),
                evidence={"ratio": [ratio.lo, ratio.hi], "factor": factor})


def _stem(word: str) -> str:
    w = word.lower()
    for stem in _FACTORS:
        if w.startswith(stem):
            return stem
    raise KeyError(word)


CHECK = MultipleMismatch()
