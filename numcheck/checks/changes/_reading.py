"""One reading of each sentence's changes and levels, shared by NC106 and NC108 (cached per text)."""
from __future__ import annotations

import re
from typing import Iterator

from ... import numfmt as nf
from ... import tolerance as tol
from ...model import Claim, Finding
from .._common import multiple_end, numeric, pairs_in_sentence, subject_end
from ..base import Check, Context
from ._common import (ABS_SLACK, OR, REL_SLACK, Both, agree, clause_ok, from_to_ends, level_text, levels_near,
                      magnitude_agree, mid_rel, rel_change, related_levels, role_of, same_measure, signed_iv)




def changes_read(ctx: Context) -> list[Finding]:
    """NC106 and NC108 findings together (one reading of each clause), cached per text."""
    cached = ctx.options.get("_changes")
    if cached is None:
        from .nc106 import CHECK as change
        from .nc108 import CHECK as points

        reading = _Reading(change, points)
        cached = []
        for group in pairs_in_sentence(ctx, numeric(ctx)):
            cached.extend(reading.sentence(ctx, ctx.text, group))
        try:
            ctx.options["_changes"] = cached
        except TypeError:
            pass
    return cached


class _Reading:
    """Reads each change of a sentence against its levels once; findings go out under NC106 (``change``) or NC108 (``points``)."""

    def __init__(self, change: Check, points: Check) -> None:
        self.change, self.points = change, points

    def sentence(self, ctx: Context, text: str, group: list[Claim]) -> Iterator[Finding]:
        used: set[int] = set()
        for j, z in enumerate(group):
            if z.change is not None and not z.range:
                if z.kind == "percent":
                    yield from self._percent_change(ctx, text, group, j, z, used)
                else:
                    yield from self._absolute_change(ctx, text, group, j, z, used)
            elif j + 1 < len(group) and z.change is None and role_of(text, z) in ("to", "fromto"):
                yield from self._levels_then_percent(ctx, text, group, j, used)

    # "rose 12% from £187m to £210m"
    def _percent_change(self, ctx, text, group, j, z, used) -> Iterator[Finding]:
        levels = levels_near(text, group, j, None)
        lv = levels.both() if levels is not None else None
        if lv is None or not same_measure(lv.old, lv.new):
            return
        if id(z) in used or not clause_ok(text, [z, lv.old, lv.new]):
            return
        levels_pct = lv.old.kind == "percent"
        if z.unit == "percentage_point" and not levels_pct:
            return
        rel = rel_change(lv.old_iv, lv.new_iv)
        points = lv.new_iv - lv.old_iv if levels_pct else None
        stated = signed_iv(z, tol.interval(z))
        used.add(id(z))
        if z.unit == "percentage_point":
            if points is None or agree(stated, points):
                return  # (points is None only between levels that are not percentages, ruled out above)
            if rel is not None and agree(stated, rel):
                yield _points_finding(ctx, self.points, z, lv, rel, points, says="points")
                return
            computed, what = points, "percentage points"
        else:
            if rel is None or agree(stated, rel):
                return
            if points is not None and agree(stated, points):
                yield _points_finding(ctx, self.points, z, lv, rel, points, says="percent")
                return
            computed, what = rel, "%"
        change = mid_rel(lv.old_iv, lv.new_iv) if what == "%" else computed.mid
        yield _change_finding(ctx, self.change, z, z, lv, change, computed, ABS_SLACK)

    # "fell by 2,000 to 8,000 from 10,000"  /  "rose 20.54 points, or 0.2%, to 10,842"
    def _absolute_change(self, ctx, text, group, j, z, used) -> Iterator[Finding]:
        if multiple_end(text, z) is not None:
            return  # "a jump of almost twenty times": a multiple (NC107), not an absolute change
        levels = levels_near(text, group, j, z)
        if levels is None or id(z) in used:
            return
        stated = signed_iv(z, tol.interval(z))
        companion = group[j + 1] if j + 1 < len(group) else None
        if companion is not None and not (companion.kind == "percent" and companion.unit == "percent"
                                          and companion.change is None and OR.match(text[z.end:companion.start].replace(z.subject, "", 1))):
            companion = None
        lv = levels.both()
        if lv is not None:
            if not clause_ok(text, [z, lv.old, lv.new]):
                return
            used.add(id(z))
            diff = lv.new_iv - lv.old_iv
            if agree(stated, diff, 0.0):
                return
            yield _change_finding(ctx, self.change, z, z, lv, diff.mid, diff, 0.0)
            return
        if levels.new is not None and companion is not None and levels.old is None:
            new = levels.new.claim
            if not clause_ok(text, [z, companion, new]):
                return
            used.add(id(z))
            old = levels.new.iv - stated  # the old level the change implies
            rel = rel_change(old, levels.new.iv)
            pct = signed_iv(z, tol.interval(companion))
            if rel is None or agree(pct, rel):
                return
            yield ctx.finding(
                self.change, companion.start, companion.end,
                f"{z.text} to {new.text} means from {nf.amount(old.mid, like=new)}, a change of "
                f"{nf.amount(rel.mid, like=companion, signed=True)}; the text says {companion.text}",
                related=[ctx.related(z, "the change"), ctx.related(new, "the new level")],
                evidence={"implied_old": nf.evidence(old.mid, new.step),
                          "computed": [nf.evidence(rel.lo, companion.step), nf.evidence(rel.hi, companion.step)]},
                suggestion=_corrected(companion, rel.mid, rel, ABS_SLACK))

    # "fell from 7,613 to 6,630, or 12.9%"
    def _levels_then_percent(self, ctx, text, group, j, used) -> Iterator[Finding]:
        b = group[j]
        if role_of(text, b) == "fromto":
            old_c, new_c = b, b
            old_iv, new_iv = from_to_ends(b)
        else:
            a = group[j - 1] if j > 0 else None
            if a is None or role_of(text, a) != "from" or not same_measure(a, b):
                return
            old_c, new_c, old_iv, new_iv = a, b, tol.interval(a), tol.interval(b)
        pct = group[j + 1]
        if not (pct.kind == "percent" and pct.unit == "percent" and pct.change is None
                and re.match(r"^\s*,\s*or\s*(?:about|around|nearly|almost|some)?\s*$", text[subject_end(text, new_c):pct.start], re.I)):
            return
        if id(pct) in used or not clause_ok(text, [old_c, new_c, pct]):
            return
        used.add(id(pct))
        rel = rel_change(old_iv, new_iv)
        if rel is None or magnitude_agree(tol.interval(pct), rel):
            return
        lv = Both(old_c, new_c, old_iv, new_iv)
        yield _change_finding(ctx, self.change, pct, None, lv, mid_rel(old_iv, new_iv), rel, ABS_SLACK)


def _change_finding(ctx: Context, check: Check, flag: Claim, change: Claim | None, lv: Both, value: float,
                    computed: tol.Interval, abs_slack: float) -> Finding:
    """NC106 on ``flag``: what the levels make of the change, and the change they call for (when its direction fits).

    ``change`` is the claim that carries the direction ("rose 25%"), None for
    a bare "or 12.9%", which states a size only.
    """
    old, new, old_iv, new_iv = lv.old, lv.new, lv.old_iv, lv.new_iv
    said = f" ({'down' if change.change == 'down' else 'up'} {nf.amount(change.point or 0.0, like=change, step=change.step)})" if change else ""
    wrong_way = change is not None and value * (-1 if change.change == "down" else 1) < 0
    return ctx.finding(
        check, flag.start, flag.end,
        f"from {level_text(old, old_iv)} to {level_text(new, new_iv)} is a change of {nf.amount(value, like=flag, signed=True)}; "
        f"the text says {flag.text}{said}" + ("; the levels move the other way, so the verb is wrong too" if wrong_way else ""),
        related=related_levels(ctx, lv),
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


def _points_finding(ctx: Context, check: Check, z: Claim, lv: Both, rel: tol.Interval, points: tol.Interval, says: str) -> Finding:
    pct = _percent_form(lv.old)
    change = f"{nf.signed(points.mid)} percentage points"
    if says == "percent":
        msg = (f"from {level_text(lv.old, lv.old_iv)} to {level_text(lv.new, lv.new_iv)} is {change} "
               f"but {nf.signed(mid_rel(lv.old_iv, lv.new_iv))}{pct}; the text says {z.text}: percentage points written as percent")
        unit = POINTS
    else:
        msg = (f"from {level_text(lv.old, lv.old_iv)} to {level_text(lv.new, lv.new_iv)} is {change} "
               f"({nf.signed(mid_rel(lv.old_iv, lv.new_iv))}{pct}); the text says {z.text}: a percent change written as points")
        unit = pct
    lay = nf.layout(z)
    return ctx.finding(check, z.start, z.end, msg, related=related_levels(ctx, lv),
                       evidence={"points": points.mid, "percent": rel.mid},
                       suggestion=z.text[:len(z.text) - len(lay.tail)] + unit if lay is not None and lay.tail else None)


POINTS = " percentage points"

_PERCENT_FORM = re.compile(r"\s?(?:%|per\s?cent\b|percent\b)", re.I)


def _percent_form(level: Claim) -> str:
    """How the text writes percent, from a level ("5%" -> "%", "5 per cent" -> " per cent")."""
    m = _PERCENT_FORM.search(level.text)
    return m.group(0) if m else "%"
