"""NC107 multiple-mismatch: doubled, tripled or halved, when the stated levels say otherwise."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from ... import numfmt as nf
from ... import tolerance as tol
from ...datafiles import table
from ...model import Claim, Finding
from ...text import alternation
from .._common import multiple_end, numeric
from ..base import Check, ClaimsByStart, Context
from ._common import (BREAK, MAX_CLAUSE, Both, Level, Levels, clause_ok, from_to_ends, level_text, related_levels,
                      role_of, same_measure)


_MULTIPLE = re.compile(r"\b(?P<w>doubl(?:ed|ing|e)|tripl(?:ed|ing|e)|trebl(?:ed|ing|e)|quadrupl(?:ed|ing|e)|halv(?:ed|ing|e))\b", re.I)
_MULTIPLE_Q = re.compile(r"\b(?P<q>nearly|almost|more\s+than|over|roughly|about|around|just\s+over|just\s+under|well\s+over)\s+$", re.I)
_FACTORS = {"doubl": 2.0, "tripl": 3.0, "trebl": 3.0, "quadrupl": 4.0, "halv": 0.5}
LEVEL_REACH = 90   # characters either side of the multiple in which its levels are read


@dataclass(frozen=True)
class Multiple:
    """A change told as a multiple of the old level: its words, and the ratios new/old they allow."""

    start: int
    end: int
    said: str
    factor: float
    lo: float
    hi: float


def _multiple(word: str, factor: float, q: str, start: int, end: int) -> Multiple:
    """The ratios a multiple allows: 10% either way, more with a qualifier ("nearly doubled": 1.4-2.04)."""
    lo, hi = factor * 0.9, factor * 1.12
    if q.startswith(("nearly", "almost", "just under")):
        lo, hi = factor * 0.7, factor * 1.02
    elif q.startswith(("more than", "over", "just over", "well over")):
        lo, hi = factor * 0.98, factor * 1.5
    elif q:
        lo, hi = factor * 0.8, factor * 1.2
    if factor < 1:  # "halved" is "doubled" backwards: invert the bounds of x2
        lo, hi = factor * factor / hi, factor * factor / lo
    return Multiple(start, end, (q + " " if q else "") + word, factor, min(lo, hi), max(lo, hi))


@lru_cache(maxsize=1)
def _fraction_changes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """ "fell by a third", "rose by two-thirds", "shrank by a fifth": "by" and an exact share word, then the change
    verb right before it (matched from "by", so the verbs' long alternation is tried only there, not at every
    word of every text)."""
    rows = table("changes.tsv", ("phrase", "direction", "position"))
    verbs = [p for p, _, where in rows if where == "before" and p not in ("up", "down")]
    from ..percentages.nc105 import exact_share

    shares = [p for p, _, _, _ in table("share_words.tsv", ("phrase", "nominal", "low", "high"))
              if exact_share(p, None) is not None]
    return (re.compile(r"\bby\s+(?P<w>" + alternation(shares, r"[\s-]+") + r")\b(?![-\u2011])", re.I),
            re.compile(r"\b(?P<v>" + alternation(verbs) + r")\s+$", re.I))


def _fraction_change_matches(text: str) -> Iterator[tuple[str, str, int, int]]:
    """Every "<change verb> by <share word>": the verb, the share word and where the share word stands."""
    by_share, verb_before = _fraction_changes()
    for m in by_share.finditer(text):
        v = verb_before.search(text, max(0, m.start() - VERB_REACH), m.start())
        if v is not None:
            yield v.group("v"), m.group("w"), m.start("w"), m.end("w")


VERB_REACH = 40  # characters before "by" in which its change verb is read


def _direction(verb: str) -> str:
    rows = table("changes.tsv", ("phrase", "direction", "position"))
    return next((d for p, d, where in rows if where == "before" and p == " ".join(verb.lower().split())), "up")


def multiples(text: str, claims: list[Claim]) -> Iterator[Multiple]:
    """Every change the text tells as a multiple: "doubled", "fell by a third", "a jump of almost twenty times"."""
    from ..percentages.nc105 import share_interval

    for m in _MULTIPLE.finditer(text):
        qm = _MULTIPLE_Q.search(text, max(0, m.start() - 15), m.start())
        yield _multiple(m.group("w"), _FACTORS[_stem(m.group("w"))], qm.group("q").lower() if qm else "",
                        m.start("w"), m.end("w"))
    for verb, word, at, to in _fraction_change_matches(text):
        share = share_interval(word, None)
        sign = -1.0 if _direction(verb) == "down" else 1.0
        lo, hi = sorted((1 + sign * share.lo, 1 + sign * share.hi))
        yield Multiple(at, to, f"{verb} by {word}", 1 + sign * (share.lo + share.hi) / 2, lo, hi)
    for c in claims:
        end = multiple_end(text, c)
        if c.change == "up" and not c.unit and c.value and c.value > 1 and end is not None:
            q = {"<": "almost", "<=": "almost", ">": "more than", ">=": "more than", "~": "about"}.get(c.qualifier, "")
            mu = _multiple("", c.value, q, c.start, end)
            yield Multiple(mu.start, mu.end, text[c.start:end], mu.factor, mu.lo, mu.hi)


class MultipleMismatch(Check):
    """Doubled, tripled or halved, when the stated levels say otherwise.

    What it flags:
    A change told as a multiple or a share of the old level, with the levels it
    moves between, when their ratio is not what it says: "doubled", "tripled",
    "trebled", "quadrupled", "halved" (10% either way, more with a qualifier:
    "nearly doubled" is 1.4-2.04 times, "more than doubled" 1.96-3 times); a
    change verb with "by" and an exact share word ("fell by a third, from 300
    to 250", "rose by a quarter"; the share words of
    numcheck/data/share_words.tsv); and "N times" or "N-fold" ("a jump of
    almost twenty times").  The levels are the first two after it in its
    clause, else the last two before it.

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
        for mu in multiples(text, cl):
            lv = _levels(text, by_start, mu)
            if lv is None:
                continue
            ratio = lv.new_iv.divide(lv.old_iv)
            if ratio is None or ratio.overlaps(tol.Interval(mu.lo, mu.hi)):
                continue
            yield ctx.finding(
                self, mu.start, mu.end,
                f"from {level_text(lv.old, lv.old_iv)} to {level_text(lv.new, lv.new_iv)} is x{nf.number(ratio.mid)}; "
                f"the text says '{mu.said}' (x{nf.number(mu.factor)})",
                related=related_levels(ctx, lv),
                evidence={"ratio": [ratio.lo, ratio.hi], "factor": mu.factor})


def _levels(text: str, by_start: ClaimsByStart, mu: Multiple) -> Both | None:
    """The old and new level of a multiple: the first two levels after it in its clause, else the last two before it."""
    after = [c for c in by_start.between(mu.end, mu.end + LEVEL_REACH) if c.change is None][:2]
    before = [c for c in by_start.before(mu.start, LEVEL_REACH) if c.change is None][-2:]
    for side in (after, before):
        found: dict[str, Level] = {}
        for c in side:
            role = role_of(text, c)
            if role == "fromto":
                a, b = from_to_ends(c)
                found = {"old": Level(c, a), "new": Level(c, b)}
                break
            if role in ("from", "to"):
                found.setdefault("old" if role == "from" else "new", Level(c, tol.interval(c)))
        lv = Levels(found.get("old"), found.get("new")).both()
        if lv is None or not same_measure(lv.old, lv.new) or lv.old_iv.lo <= 0:
            continue
        lo, hi = min(lv.old.start, lv.new.start, mu.start), max(lv.old.end, lv.new.end, mu.end)
        between = text[mu.end:min(lv.old.start, lv.new.start)] if side is after else text[max(lv.old.end, lv.new.end):mu.start]
        if hi - lo <= MAX_CLAUSE + 40 and clause_ok(text, [lv.old, lv.new]) and not BREAK.search(between):
            return lv
    return None


def _stem(word: str) -> str:
    w = word.lower()
    for stem in _FACTORS:
        if w.startswith(stem):
            return stem
    raise KeyError(word)


CHECK = MultipleMismatch()
