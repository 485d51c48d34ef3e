"""NC106-NC108: a stated change must match the levels it moves between.

Read within one clause of one sentence:
  "rose 12% from £187m to £210m"  /  "rose 12% to £210m from £187m"   percent change vs levels
  "fell by 2,000 to 8,000 from 10,000"                               absolute change vs levels
  "fell from 7,613 to 6,630, or 12.9%"                                levels, or percent
  "rose 20.54 points, or 0.2%, to 10,842"                             absolute and percent change vs the new level
  "doubled from 200 to 400", "halved to £2m from £4m"                 multiples (NC107)
  "rose 2% from 5% to 7%"                                             percent vs percentage points (NC108)
Every number is read to its stated precision (numcheck.tolerance.interval),
and a clause that qualifies its change ("underlying", "at constant exchange
rates", "in real terms") is skipped: the change is then of another measure.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import chain, takewhile
from typing import Iterator

from .. import numfmt as nf
from .. import tolerance as tol
from ..model import Claim, Finding
from ._nc1 import numeric, pairs_in_sentence
from .base import Check, ClaimsByStart, Context

_FROM = re.compile(r"\bfrom\s+(?:(?:a|an|the)\s+)?(?:(?:low|high|level|total|figure|record)\s+of\s+)?$", re.I)
_TO = re.compile(r"(?:\bto|\bat)\s+(?:(?:a|an|the)\s+)?(?:(?:new\s+)?(?:low|high|level|total|figure|record)\s+of\s+)?$", re.I)
_OR = re.compile(r"^\s*(?:,|-|\u2013|\u2014|\()?\s*(?:or|and|up|down)?\s*$", re.I)
_BREAK = re.compile(r"[;:]|\b(?:while|whereas|but|although|compared|against|versus|however|meanwhile|which|who|after|before|since|when)\b|\band\b(?!\s+(?:by|to)\b)", re.I)
# the change is of another measure than the levels, or the levels are of another time
_OTHER_MEASURE = re.compile(
    r"\b(?:underlying|like[- ]for[- ]like|constant|exchange\s+rates?|currency|excluding|exclud\w*|adjusted|"
    r"real\s+terms|inflation|seasonally|annual(?:ised|ized)\s+rate|annually|year[- ]on[- ]year|"
    r"per\s+annum|compound(?:ed)?|cumulative)\b", re.I)
_MULTIPLE = re.compile(r"\b(?P<w>doubl(?:ed|ing|e)|tripl(?:ed|ing|e)|trebl(?:ed|ing|e)|quadrupl(?:ed|ing|e)|halv(?:ed|ing|e))\b", re.I)
_MULTIPLE_Q = re.compile(r"\b(?P<q>nearly|almost|more\s+than|over|roughly|about|around|just\s+over|just\s+under|well\s+over)\s+$", re.I)
_FACTORS = {"doubl": 2.0, "tripl": 3.0, "trebl": 3.0, "quadrupl": 4.0, "halv": 0.5}

MAX_CLAUSE = 110     # characters a change and its levels may spread over
REL_SLACK = 0.03     # writers compute from unrounded figures; a little beyond the stated precision
ABS_SLACK = 0.05     # percentage points


@dataclass(frozen=True)
class Levels:
    """The old and new level a change is stated with (either may be missing)."""

    old: Claim | None
    new: Claim | None
    old_iv: tol.Interval | None
    new_iv: tol.Interval | None


def _preceding(text: str, c: Claim, n: int = 40) -> str:
    return text[max(0, c.start - n):c.start]


def _role(text: str, c: Claim) -> str | None:
    if c.range and c.text.lower().startswith("from ") and c.low is not None and c.high is not None:
        return "fromto"
    if c.change is not None:
        return None
    pre = _preceding(text, c)
    if _FROM.search(pre):
        return "from"
    if _TO.search(pre) and not re.search(r"\bup\s+to\s*$", pre, re.I):
        return "to"
    return None


def _fromto(c: Claim) -> tuple[tol.Interval, tol.Interval]:
    """The two ends of a "from A to B" range claim, in the order written."""
    m = re.match(r"from\s+(.*?)\s+to\s+(.*)$", c.text, re.I)
    half = (c.step or 1.0) / 2
    a, b = c.low, c.high
    if m:  # the extractor may sort the ends; the text says which came first
        first = re.sub(r"[^\d.]", "", m.group(1).split()[0]) if m.group(1) else ""
        try:
            if first and abs(float(first) - c.high) < abs(float(first) - c.low):
                a, b = c.high, c.low
        except ValueError:
            pass
    return tol.Interval(a - half, a + half), tol.Interval(b - half, b + half)


def _same_measure(x: Claim, y: Claim) -> bool:
    """Same kind and unit, and for things counted, the same thing ("65 cents" is not "1.90 dollars")."""
    if x.kind != y.kind or x.unit != y.unit:
        return False
    if x.subject and y.subject and x.kind == "count":
        from ..extract.subjects import head_noun

        return head_noun(x.subject) == head_noun(y.subject)
    return True


def _clause_ok(text: str, claims: list[Claim]) -> bool:
    start, end = min(c.start for c in claims), max(c.end for c in claims)
    if end - start > MAX_CLAUSE:
        return False
    inner = text[start:end]
    for c in claims:  # claim texts may hold "and" ("between 5 and 7"); blank them out
        inner = inner.replace(c.text, " " * len(c.text))
    if _BREAK.search(inner):
        return False
    sent_start = text.rfind(".", max(0, start - 60), start)  # the last full stop in the 60 characters before
    if _OTHER_MEASURE.search(text[max(sent_start, start - 60, 0):end + 30]):
        return False
    return True


def _levels(text: str, group: list[Claim], j: int, like: Claim | None) -> Levels | None:
    """The from/to levels nearest a change at index ``j`` of a sentence's claims, not crossing another change.

    Only claims that could share a clause with the change are read (MAX_CLAUSE
    characters either side): a long sentence costs no more per change.
    """
    old = new = None
    old_iv = new_iv = None
    z = group[j]
    forward = takewhile(lambda k: group[k].start <= z.start + MAX_CLAUSE, range(j + 1, len(group)))
    backward = takewhile(lambda k: group[k].start >= z.end - MAX_CLAUSE, range(j - 1, -1, -1))
    for k in chain(forward, backward):
        c = group[k]
        if c.change is not None:
            if k > j:
                # skip the rest of the forward side; continue with the backward side
                continue
            break
        if like is not None and not _same_measure(c, like):
            continue
        role = _role(text, c)
        if role == "fromto" and old is None and new is None:
            old, new = c, c
            old_iv, new_iv = _fromto(c)
        elif role == "from" and old is None:
            old, old_iv = c, tol.interval(c)
        elif role == "to" and new is None:
            new, new_iv = c, tol.interval(c)
        if old is not None and new is not None:
            break
    if old is None and new is None:
        return None
    return Levels(old, new, old_iv, new_iv)


def _rel(old: tol.Interval, new: tol.Interval) -> tol.Interval | None:
    """(new - old) / old * 100, as an interval; None unless old is clearly positive."""
    if old.lo <= 0:
        return None
    lo = (new.lo - old.hi) / old.hi * 100 if new.lo - old.hi >= 0 else (new.lo - old.hi) / old.lo * 100
    hi = (new.hi - old.lo) / old.lo * 100 if new.hi - old.lo >= 0 else (new.hi - old.lo) / old.hi * 100
    return tol.Interval(min(lo, hi), max(lo, hi))


def _signed(claim: Claim, iv: tol.Interval) -> tol.Interval:
    return tol.Interval(-iv.hi, -iv.lo) if claim.change == "down" else iv


def _agree(stated: tol.Interval, computed: tol.Interval, abs_slack: float = ABS_SLACK) -> bool:
    s = tol.Interval(stated.lo - abs_slack, stated.hi + abs_slack)
    return s.overlaps(computed, REL_SLACK)


def _magnitude_agree(stated: tol.Interval, computed: tol.Interval) -> bool:
    """Agreement of sizes, whatever the direction (for changes stated without one: "or 12.9%")."""
    neg = tol.Interval(-computed.hi, -computed.lo)
    return _agree(stated, computed) or _agree(stated, neg)


class ChangeMismatch(Check):
    """A change (percent or absolute) that does not take the old level to the new one.

    The finding is on the stated change; the suggestion is the change the
    levels give, to the stated change's precision.  When the levels move the
    other way than the verb says, the verb is wrong too and there is no suggestion.

    Anti-pattern: Profits rose 25% from £187m to £210m.
    Best practice: Profits rose 12% from £187m to £210m.
    """

    code = "NC106"
    name = "change-mismatch"
    severity = "error"
    fix = "unsafe"

    def run(self, ctx: Context) -> Iterator[Finding]:
        return iter([f for f in self.analyse(ctx) if f.code == self.code])

    def analyse(self, ctx: Context) -> list[Finding]:
        """NC106 and NC108 findings together (one reading of each clause), cached per text."""
        cached = ctx.options.get("_nc1_changes")
        if cached is None:
            cached = []
            for group in pairs_in_sentence(ctx, numeric(ctx)):
                cached.extend(self._sentence(ctx, ctx.text, group))
            try:
                ctx.options["_nc1_changes"] = cached
            except TypeError:
                pass
        return cached

    def _sentence(self, ctx: Context, text: str, group: list[Claim]) -> Iterator[Finding]:
        used: set[int] = set()
        for j, z in enumerate(group):
            if z.change is not None and not z.range:
                if z.kind == "percent":
                    yield from self._percent_change(ctx, text, group, j, z, used)
                else:
                    yield from self._absolute_change(ctx, text, group, j, z, used)
            elif j + 1 < len(group) and z.change is None and _role(text, z) in ("to", "fromto"):
                yield from self._levels_then_percent(ctx, text, group, j, used)

    # "rose 12% from £187m to £210m"
    def _percent_change(self, ctx, text, group, j, z, used) -> Iterator[Finding]:
        lv = _levels(text, group, j, None)
        if lv is None or lv.old is None or lv.new is None or not _same_measure(lv.old, lv.new):
            return
        if id(z) in used or not _clause_ok(text, [z, lv.old, lv.new]):
            return
        levels_pct = lv.old.kind == "percent"
        if z.unit == "percentage_point" and not levels_pct:
            return
        rel = _rel(lv.old_iv, lv.new_iv)
        points = lv.new_iv - lv.old_iv if levels_pct else None
        stated = _signed(z, tol.interval(z))
        used.add(id(z))
        if z.unit == "percentage_point":
            if points is not None and _agree(stated, points):
                return
            if rel is not None and _agree(stated, rel):
                yield _points_finding(ctx, z, lv, rel, points, says="points")
                return
            computed, what = points, "percentage points"
        else:
            if rel is None or _agree(stated, rel):
                return
            if points is not None and _agree(stated, points):
                yield _points_finding(ctx, z, lv, rel, points, says="percent")
                return
            computed, what = rel, "%"
        if computed is None:
            return
        change = _mid_rel(lv.old_iv, lv.new_iv) if what == "%" else computed.mid
        yield _change_finding(ctx, z, z, lv, change, computed, ABS_SLACK)

    # "fell by 2,000 to 8,000 from 10,000"  /  "rose 20.54 points, or 0.2%, to 10,842"
    def _absolute_change(self, ctx, text, group, j, z, used) -> Iterator[Finding]:
        lv = _levels(text, group, j, z)
        if lv is None or id(z) in used:
            return
        stated = _signed(z, tol.interval(z))
        companion = group[j + 1] if j + 1 < len(group) else None
        if companion is not None and not (companion.kind == "percent" and companion.unit == "percent"
                                          and companion.change is None and _OR.match(text[z.end:companion.start].replace(z.subject, "", 1))):
            companion = None
        if lv.old is not None and lv.new is not None:
            if not _clause_ok(text, [z, lv.old, lv.new]):
                return
            used.add(id(z))
            diff = lv.new_iv - lv.old_iv
            if _agree(stated, diff, 0.0):
                return
            yield _change_finding(ctx, z, z, lv, diff.mid, diff, 0.0)
            return
        if lv.new is not None and companion is not None and lv.old is None:
            if not _clause_ok(text, [z, companion, lv.new]):
                return
            used.add(id(z))
            old = lv.new_iv - stated  # the old level the change implies
            rel = _rel(old, lv.new_iv)
            pct = _signed(z, tol.interval(companion))
            if rel is None or _agree(pct, rel):
                return
            yield ctx.finding(
                CHECKS[0], companion.start, companion.end,
                f"{z.text} to {lv.new.text} means from {nf.amount(old.mid, like=lv.new)}, a change of "
                f"{nf.amount(rel.mid, like=companion, signed=True)}; the text says {companion.text}",
                related=[ctx.related(z, "the change"), ctx.related(lv.new, "the new level")],
                evidence={"implied_old": nf.evidence(old.mid, lv.new.step),
                          "computed": [nf.evidence(rel.lo, companion.step), nf.evidence(rel.hi, companion.step)]},
                suggestion=_corrected(companion, rel.mid, rel, ABS_SLACK))

    # "fell from 7,613 to 6,630, or 12.9%"
    def _levels_then_percent(self, ctx, text, group, j, used) -> Iterator[Finding]:
        b = group[j]
        if _role(text, b) == "fromto":
            old_c, new_c = b, b
            old_iv, new_iv = _fromto(b)
        else:
            a = group[j - 1] if j > 0 else None
            if a is None or _role(text, a) != "from" or not _same_measure(a, b):
                return
            old_c, new_c, old_iv, new_iv = a, b, tol.interval(a), tol.interval(b)
        pct = group[j + 1]
        from ._nc1 import subject_end

        if not (pct.kind == "percent" and pct.unit == "percent" and pct.change is None
                and re.match(r"^\s*,\s*or\s*(?:about|around|nearly|almost|some)?\s*$", text[subject_end(text, new_c):pct.start], re.I)):
            return
        if id(pct) in used or not _clause_ok(text, [old_c, new_c, pct]):
            return
        used.add(id(pct))
        rel = _rel(old_iv, new_iv)
        if rel is None or _magnitude_agree(tol.interval(pct), rel):
            return
        lv = Levels(old_c, new_c, old_iv, new_iv)
        yield _change_finding(ctx, pct, None, lv, _mid_rel(old_iv, new_iv), rel, ABS_SLACK)


def _change_finding(ctx: Context, flag: Claim, change: Claim | None, lv: Levels, value: float,
                    computed: tol.Interval, abs_slack: float) -> Finding:
    """NC106 on ``flag``: what the levels make of the change, and the change they call for (when its direction fits).

    ``change`` is the claim that carries the direction ("rose 25%"), None for
    a bare "or 12.9%", which states a size only.
    """
    old, new, old_iv, new_iv = lv.old, lv.new, lv.old_iv, lv.new_iv
    assert old is not None and new is not None and old_iv is not None and new_iv is not None  # callers have both levels
    said = f" ({'down' if change.change == 'down' else 'up'} {nf.amount(change.point or 0.0, like=change, step=change.step)})" if change else ""
    wrong_way = change is not None and value * (-1 if change.change == "down" else 1) < 0
    return ctx.finding(
        CHECKS[0], flag.start, flag.end,
        f"from {_txt(old, old_iv)} to {_txt(new, new_iv)} is a change of {nf.amount(value, like=flag, signed=True)}; "
        f"the text says {flag.text}{said}" + ("; the levels move the other way, so the verb is wrong too" if wrong_way else ""),
        related=_rel_spans(ctx, lv),
        evidence={"old": nf.evidence(old_iv.mid, old.step), "new": nf.evidence(new_iv.mid, new.step),
                  "computed": [nf.evidence(computed.lo, flag.step), nf.evidence(computed.hi, flag.step)]},
        suggestion=None if wrong_way else _corrected(flag, value, computed, abs_slack),
    )


def _corrected(flag: Claim, value: float, computed: tol.Interval, abs_slack: float) -> str | None:
    """The flagged change restated with the size the levels give (its direction is in the verb, not the figure)."""
    iv = computed.widen(REL_SLACK)
    lo, hi = iv.lo - abs_slack, iv.hi + abs_slack
    if value < 0:
        lo, hi = -hi, -lo
    return nf.restate(flag, abs(value), tol.Interval(max(lo, 0.0), max(hi, 0.0)))


def _txt(c: Claim, iv: tol.Interval) -> str:
    """A level for a message: its own text, or the end of a "from A to B" range as written."""
    if c.range:
        m = re.match(r"from\s+(.*?)\s+to\s+(.*)$", c.text, re.I)
        if m:
            a, b = _fromto(c)
            return m.group(1) if iv == a else m.group(2)
        return nf.fmt(iv.mid)
    return c.text


def _mid_rel(old: tol.Interval, new: tol.Interval) -> float:
    return (new.mid - old.mid) / old.mid * 100 if old.mid else float("nan")


def _rel_spans(ctx: Context, lv: Levels):
    out = []
    if lv.old is not None:
        out.append(ctx.related(lv.old, "old level"))
    if lv.new is not None and lv.new is not lv.old:
        out.append(ctx.related(lv.new, "new level"))
    return out


def _points_finding(ctx, z, lv, rel, points, says):
    pct = _percent_form(lv.old)
    change = f"{nf.signed(points.mid)} percentage points"
    if says == "percent":
        msg = (f"from {_txt(lv.old, lv.old_iv)} to {_txt(lv.new, lv.new_iv)} is {change} "
               f"but {nf.signed(_mid_rel(lv.old_iv, lv.new_iv))}{pct}; the text says {z.text}: percentage points written as percent")
        unit = POINTS
    else:
        msg = (f"from {_txt(lv.old, lv.old_iv)} to {_txt(lv.new, lv.new_iv)} is {change} "
               f"({nf.signed(_mid_rel(lv.old_iv, lv.new_iv))}{pct}); the text says {z.text}: a percent change written as points")
        unit = pct
    lay = nf.layout(z)
    return ctx.finding(CHECKS[2], z.start, z.end, msg, related=_rel_spans(ctx, lv),
                       evidence={"points": points.mid, "percent": rel.mid},
                       suggestion=z.text[:len(z.text) - len(lay.tail)] + unit if lay is not None and lay.tail else None)


POINTS = " percentage points"
_PERCENT_FORM = re.compile(r"\s?(?:%|per\s?cent\b|percent\b)", re.I)


def _percent_form(level: Claim) -> str:
    """How the text writes percent, from a level ("5%" -> "%", "5 per cent" -> " per cent")."""
    m = _PERCENT_FORM.search(level.text)
    return m.group(0) if m else "%"


class MultipleMismatch(Check):
    """Doubled, tripled or halved, when the stated levels say otherwise.

    Anti-pattern: Sales doubled from 200 to 300 units.
    Best practice: Sales rose by half, from 200 to 300 units.
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
            old = new = None
            old_iv = new_iv = None
            for c in levels[:2]:
                role = _role(text, c)
                if role == "fromto":
                    old = new = c
                    old_iv, new_iv = _fromto(c)
                    break
                if role == "from" and old is None:
                    old, old_iv = c, tol.interval(c)
                elif role == "to" and new is None:
                    new, new_iv = c, tol.interval(c)
            if old is None or new is None or not _same_measure(old, new) or old_iv.lo <= 0:
                continue
            if not _clause_ok(text, [old, new]) or _BREAK.search(text[m.end():min(old.start, new.start)]):
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
            ratio = new_iv.divide(old_iv)
            if ratio is None or ratio.overlaps(tol.Interval(min(lo, hi), max(lo, hi))):
                continue
            yield ctx.finding(
                self, m.start("w"), m.end("w"),
                f"from {_txt(old, old_iv)} to {_txt(new, new_iv)} is x{nf.number(ratio.mid)}; the text says '{(q + ' ' if q else '') + m.group('w')}' (x{nf.number(factor)})",
                related=_rel_spans(ctx, Levels(old, new, old_iv, new_iv)),
                evidence={"ratio": [ratio.lo, ratio.hi], "factor": factor})


def _stem(word: str) -> str:
    w = word.lower()
    for stem in _FACTORS:
        if w.startswith(stem):
            return stem
    raise KeyError(word)


class PointsVsPercent(Check):
    """A change between two percentages given in percent where it is in percentage points, or the other way round.

    Found by NC106's reading of the clause (shared and cached), so select/ignore work on each code alone.
    The suggestion keeps the figure and changes its unit ("2%" -> "2 percentage
    points", "10 percentage points" -> "10%", percent as the levels write it).

    Anti-pattern: Unemployment rose 2% from 5% to 7%.
    Best practice: Unemployment rose 2 percentage points, from 5% to 7%.
    """

    code = "NC108"
    name = "points-vs-percent"
    severity = "warning"
    fix = "safe"

    def run(self, ctx: Context) -> Iterator[Finding]:
        return iter([f for f in CHECKS[0].analyse(ctx) if f.code == self.code])


CHECKS = (ChangeMismatch(), MultipleMismatch(), PointsVsPercent())
