"""NC104-NC105: a percentage or share word must match the part and the whole it is stated with.

The shapes read are the ones news prose uses:
  "12 of the 20 members (60%)"            part of whole (percentage)
  "10% of its 5,000 staff, or 500 people"  percentage of whole, or part
  "500 people, or 10% of its 5,000 staff"  part, or percentage of whole
  "half of the 300 workers, or 150"        share word of whole, or part
  "almost a quarter (21%)"                 share word (percentage)
All three numbers are taken as rounded (numcheck.tolerance.rounded) so only a
relation that no rounding explains fires.
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from .. import numfmt as nf
from .. import tolerance as tol
from ..model import Claim, Finding
from ._nc1 import gap, numeric, phrase_regex, words
from .base import Check, Context

_DET = r"(?:(?:the|its|their|his|her|our|all|these|those|all\s+the|all\s+of\s+the)\s+)?"
_OF = re.compile(r"^\s+(?:out\s+)?of\s+" + _DET + "$", re.I)
_PAREN = re.compile(r"^\s*\(\s*$")
EXACT_SHARE_WIDTH = 0.1  # a share word whose table interval is this narrow names one share ("half"), not a span ("most")
_OR = re.compile(r"^\s*(?:,\s*or|,?\s+or|\(|-|\u2013|\u2014|,\s*(?:some|about|around|nearly|almost))\s*$", re.I)
_OR_PCT = re.compile(r"^\s*(?:,\s*or|,?\s+or|\()\s*(?:(?:about|around|nearly|almost|some|roughly|just\s+over|just\s+under|more\s+than|less\s+than)\s+)?$", re.I)


def _ratio(part: Claim, whole: Claim) -> tol.Interval | None:
    return tol.rounded(part).divide(tol.rounded(whole))


def _pct(claim: Claim) -> tol.Interval:
    i = tol.interval(claim)
    return tol.Interval(i.lo / 100, i.hi / 100)


def _ok_part(c: Claim) -> bool:
    return c.kind == "count" and c.change is None and tol.is_exactish(c)


def _ok_pct(c: Claim) -> bool:
    return c.kind == "percent" and c.unit == "percent" and c.point is not None


class PercentOfParts(Check):
    """A percentage that does not match the part and the whole stated with it.

    The finding is on the last of the three numbers the sentence states; its
    suggestion is that number computed from the other two, to its own precision.

    Anti-pattern: The firm cut 10% of its 5,000 staff, or 800 people.
    Best practice: The firm cut 10% of its 5,000 staff, or 500 people.
    """

    code = "NC104"
    name = "percentage-mismatch"
    severity = "error"
    fix = "unsafe"
    SLACK = 0.02

    def run(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        cl = numeric(ctx)
        for i in range(len(cl) - 2):
            a, b, c = cl[i], cl[i + 1], cl[i + 2]
            g1, g2 = gap(text, a, b), gap(text, b, c)
            # X of Y (Z%)
            if _ok_part(a) and _ok_part(b) and _ok_pct(c) and c.change is None and _OF.match(g1) and _OR_PCT.match(g2):
                yield from self._compare(ctx, part=a, whole=b, pct=c, flag=c)
            # Z% of Y, or X
            elif _ok_pct(a) and _ok_part(b) and _ok_part(c) and _OF.match(g1) and _OR.match(g2):
                yield from self._compare(ctx, part=c, whole=b, pct=a, flag=c)
            # X, or Z% of Y
            elif _ok_part(a) and _ok_pct(b) and b.change is None and _ok_part(c) and _OR_PCT.match(g1) and _OF.match(g2):
                yield from self._compare(ctx, part=a, whole=c, pct=b, flag=a)

    def _compare(self, ctx: Context, part: Claim, whole: Claim, pct: Claim, flag: Claim) -> Iterator[Finding]:
        if part.subject and whole.subject and part.subject == whole.subject and part.point > whole.point:
            return
        ratio = _ratio(part, whole)
        if ratio is None or ratio.overlaps(_pct(pct), self.SLACK):
            return
        exp_pct = part.point / whole.point * 100
        exp_part = pct.point / 100 * whole.point
        whole_text = nf.amount(whole.point, like=whole, step=whole.step)
        if flag is pct:
            msg = (f"{nf.amount(part.point, like=part, step=part.step)} of {whole_text} is {nf.amount(exp_pct, like=pct)}; "
                   f"the text says {pct.text} ({nf.signed(pct.point - exp_pct)} points)")
            allowed = ratio.widen(self.SLACK).scale(100.0)
            suggestion = nf.restate(pct, exp_pct, allowed)
        else:
            msg = (f"{pct.text} of {whole_text} is about {nf.amount(exp_part, like=part)}; "
                   f"the text says {part.text} ({nf.rel_diff(part.point, exp_part)})")
            whole_iv = tol.rounded(whole)
            allowed = _pct(pct).widen(self.SLACK).scale(whole_iv.lo, whole_iv.hi)
            suggestion = nf.restate(part, exp_part, allowed)
        others = [c for c in (part, whole, pct) if c is not flag]
        yield ctx.finding(self, flag.start, flag.end, msg,
                          related=[ctx.related(c, "stated with it") for c in others],
                          evidence={"part": part.point, "whole": whole.point, "percent": pct.point,
                                    "computed_percent": nf.evidence(exp_pct, pct.step)},
                          suggestion=suggestion)


@lru_cache(maxsize=1)
def _share_table() -> tuple[dict[str, tuple[float, float, float]], dict[str, tuple[float, float]], re.Pattern, re.Pattern]:
    shares = {p: (float(n), float(lo), float(hi)) for p, n, lo, hi in words("share_words.tsv")}
    quals = {p: (float(lo), float(hi)) for p, lo, hi in words("share_qualifiers.tsv")}
    # the share word is searched for alone (fast); its qualifier is read from the words before it
    pattern = re.compile(r"\b(?P<w>" + phrase_regex(list(shares)) + r")\b(?![-\u2011])", re.I)
    qualifier = re.compile(r"\b(?P<q>" + phrase_regex(list(quals)) + r")\s+$", re.I)
    return shares, quals, pattern, qualifier


def _share_row(word: str) -> tuple[float, float, float]:
    """(nominal, low, high) of a share word as the table gives it, whatever its spaces and hyphens."""
    shares = _share_table()[0]
    key = re.sub(r"[\s-]+", " ", word.lower())
    return shares[next(k for k in shares if re.sub(r"[\s-]+", " ", k) == key)]


def exact_share(word: str, qualifier: str | None) -> float | None:
    """The share an unqualified, precise share word names ("half" -> 0.5); None for "most", "nearly half"."""
    nominal, lo, hi = _share_row(word)
    return nominal if qualifier is None and round(hi - lo, 9) <= EXACT_SHARE_WIDTH else None


def share_interval(word: str, qualifier: str | None) -> tol.Interval:
    """The shares a share word allows, moved by its qualifier ("nearly half" -> 0.4-0.5)."""
    quals = _share_table()[1]
    nominal, lo, hi = _share_row(word)
    if qualifier and hi - lo <= 0.2:
        q = re.sub(r"\s+", " ", qualifier.lower())
        flo, fhi = quals[q]
        lo, hi = min(lo, nominal * flo), max(hi if fhi > 1 else nominal, nominal * fhi)
        if fhi <= 1.0:
            hi = nominal + (hi - nominal) * 0.2  # "nearly half": up to half, and a hair for rounding
        if flo >= 1.0:
            lo = nominal - (nominal - lo) * 0.2
    return tol.Interval(max(lo, 0.0), min(hi, 1.0))


class ShareWord(Check):
    """A share word (half, a third, the majority) that does not match the numbers stated with it.

    The finding is on the number; when the share word is exact and
    unqualified ("half", "a third", not "most" or "nearly half") the
    suggestion is the number the share gives.

    Anti-pattern: Half of the 300 workers, or 250, voted to strike.
    Best practice: Half of the 300 workers, or 150, voted to strike.
    """

    code = "NC105"
    name = "share-word-mismatch"
    severity = "error"
    fix = "unsafe"
    SLACK = 0.01

    def run(self, ctx: Context) -> Iterator[Finding]:
        _, _, pattern, qualifier = _share_table()
        text = ctx.text
        cl = numeric(ctx)
        if not cl:
            return
        starts = [c.start for c in cl]
        from bisect import bisect_left

        for w in pattern.finditer(text):
            i = bisect_left(starts, w.end())
            if i >= len(cl):
                break
            first = cl[i]
            if first.start - w.end() > 40:
                continue
            between = text[w.end():first.start]
            q = qualifier.search(text, max(0, w.start() - 20), w.start())
            m = _Share(text, q.start() if q else w.start(), w.end(), w.group("w"), q.group("q") if q else None)
            share = share_interval(m.group("w"), m.group("q"))
            exact = exact_share(m.group("w"), m.group("q"))
            if _PAREN.match(between) and _ok_pct(first) and first.change is None:
                found = _pct(first)
                if not share.overlaps(found, self.SLACK):
                    allowed = share.widen(self.SLACK).scale(100.0)
                    yield ctx.finding(
                        self, first.start, first.end,
                        f"'{m.group(0)}' means {nf.amounts(share.lo * 100, share.hi * 100, like=first)}; the text says {first.text}",
                        related=[tol_related(ctx, m)], evidence={"share": [share.lo, share.hi]},
                        suggestion=nf.restate(first, exact * 100, allowed) if exact is not None else None)
                continue
            if not (re.match(r"^\s+of\s+" + _DET + "$", between, re.I) and _ok_part(first)):
                continue
            if i + 1 >= len(cl):
                continue
            part = cl[i + 1]
            if not (_ok_part(part) and _OR.match(gap(text, first, part))):
                continue
            if part.subject and first.subject and part.subject != first.subject and not _person(part.subject):
                continue
            ratio = _ratio(part, first)
            if ratio is None or ratio.overlaps(share, self.SLACK):
                continue
            whole_iv = tol.rounded(first)
            allowed = share.widen(self.SLACK).scale(whole_iv.lo, whole_iv.hi)
            yield ctx.finding(
                self, part.start, part.end,
                f"'{m.group(0)}' of {nf.amount(first.point, like=first, step=first.step)} is "
                f"{nf.amounts(share.lo * first.point, share.hi * first.point, like=part)}; the text says {part.text} "
                f"({nf.number(part.point / first.point * 100)}%)",
                related=[tol_related(ctx, m), ctx.related(first, "the whole")],
                evidence={"share": [share.lo, share.hi], "part": part.point, "whole": first.point},
                suggestion=nf.restate(part, exact * (first.point or 0.0), allowed) if exact is not None else None)


class _Share:
    """A share word with its qualifier, matched in two steps; answers like the re.Match it replaces."""

    def __init__(self, text: str, start: int, end: int, word: str, qual: str | None) -> None:
        self._text, self._start, self._end = text, start, end
        self._groups = {"w": word, "q": qual, 0: text[start:end]}

    def group(self, key=0):
        return self._groups[key]

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end


def _person(subject: str) -> bool:
    return subject.split()[-1].lower() in ("people", "persons", "of", "them")


def tol_related(ctx: Context, m: "_Share"):
    from ..model import Related

    return Related(m.start(), m.end(), m.group(0), "share word")


CHECKS = (PercentOfParts(), ShareWord())
