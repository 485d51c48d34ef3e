"""NC105 share-word-mismatch: a share word (half, a third, the majority) that does not match the numbers stated with it."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from ... import numfmt as nf
from ... import tolerance as tol
from ...model import Finding
from ...datafiles import table
from ...text import alternation
from .._common import gap, numeric
from ..base import Check, Context
from ._common import DET, EXACT_SHARE_WIDTH, OR, PAREN, ok_part, ok_pct, part_ratio, share_of


@lru_cache(maxsize=1)
def _share_table() -> tuple[dict[str, tuple[float, float, float]], dict[str, tuple[float, float]], re.Pattern, re.Pattern]:
    shares = {p: (float(n), float(lo), float(hi)) for p, n, lo, hi in table("share_words.tsv", ("phrase", "nominal", "low", "high"))}
    quals = {p: (float(lo), float(hi)) for p, lo, hi in table("share_qualifiers.tsv", ("phrase", "low", "high"))}
    # the share word is searched for alone (fast); its qualifier is read from the words before it
    pattern = re.compile(r"\b(?P<w>" + alternation(shares, r"[\s-]+") + r")\b(?![-\u2011])", re.I)
    qualifier = re.compile(r"\b(?P<q>" + alternation(quals, r"[\s-]+") + r")\s+$", re.I)
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

    What it flags:
    A share word with a whole and a part ("half of the 300 workers, or 250")
    or with a percentage ("almost a quarter (21%)") that the numbers do not
    give.  Share words and what they allow are in numcheck/data/share_words.tsv
    ("the majority" is anything over half); a qualifier moves the interval
    ("nearly half" is 40-50%, numcheck/data/share_qualifiers.tsv).  The finding
    is on the number; when the share word is exact and unqualified ("half", "a
    third") the suggestion is the number the share gives.

    Why it matters:
    Readers take "half" and "a third" at their word; a share word that the
    figure beside it contradicts makes the sentence say two things.

    Anti-pattern:
        Half of the 300 workers, or 250, voted to strike.

    Best practice:
        Half of the 300 workers, or 150, voted to strike.

    Options:
    None: the share words and qualifiers are data files.
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
            if PAREN.match(between) and ok_pct(first) and first.change is None:
                found = share_of(first)
                if not share.overlaps(found, self.SLACK):
                    allowed = share.widen(self.SLACK).scale(100.0)
                    yield ctx.finding(
                        self, first.start, first.end,
                        f"'{m.group(0)}' means {nf.amounts(share.lo * 100, share.hi * 100, like=first)}; the text says {first.text}",
                        related=[tol_related(ctx, m)], evidence={"share": [share.lo, share.hi]},
                        suggestion=nf.restate(first, exact * 100, allowed) if exact is not None else None)
                continue
            if not (re.match(r"^\s+of\s+" + DET + "$", between, re.I) and ok_part(first)):
                continue
            if i + 1 >= len(cl):
                continue
            part = cl[i + 1]
            if not (ok_part(part) and OR.match(gap(text, first, part))):
                continue
            if part.subject and first.subject and part.subject != first.subject and not _person(part.subject):
                continue
            ratio = part_ratio(part, first)
            if ratio is None or ratio.overlaps(share, self.SLACK):
                continue
            whole_iv = tol.rounded(first)
            allowed = share.widen(self.SLACK).scale(whole_iv.lo, whole_iv.hi)
            yield ctx.finding(
                self, part.start, part.end,
                f"'{m.group(0)}' of {nf.amount(tol.point(first), like=first, step=first.step)} is "
                f"{nf.amounts(share.lo * tol.point(first), share.hi * tol.point(first), like=part)}; the text says {part.text} "
                f"({nf.number(tol.point(part) / tol.point(first) * 100)}%)",
                related=[tol_related(ctx, m), ctx.related(first, "the whole")],
                evidence={"share": [share.lo, share.hi], "part": tol.point(part), "whole": tol.point(first)},
                suggestion=nf.restate(part, exact * (tol.point(first) or 0.0), allowed) if exact is not None else None)


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
    from ...model import Related

    return Related(m.start(), m.end(), m.group(0), "share word")


CHECK = ShareWord()
