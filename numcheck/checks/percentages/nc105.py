"""NC105 share-word-mismatch: a share word (half, a third, the majority) that does not match the numbers stated with it."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Iterator

from ... import numfmt as nf
from ... import tolerance as tol
from ...datafiles import table
from ...model import Claim, Finding, Related
from ...text import alternation
from .._common import gap, numeric, subject_end
from ..base import Check, ClaimsByStart, Context
from ._share_told import parts_with_shares
from ._common import DET, EXACT_SHARE_WIDTH, GROUP_CLAUSE, OF_OWNER, OR, PAREN, ok_part, ok_pct, part_ratio, share_of


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
    A share word with a whole and a part ("half of the 300 workers, or 250",
    "Half of its 8,000 staff, 3,000 people, work abroad", "two-thirds of its
    1,500 members - 600 people -") or with a percentage ("almost a quarter
    (21%)") that the numbers do not give.  Share words and what they allow are
    in numcheck/data/share_words.tsv ("the majority" is anything over half); a
    qualifier moves the interval ("nearly half" is 40-50%,
    numcheck/data/share_qualifiers.tsv); an exact fraction the extractor reads
    ("one in five", "three out of four") counts as its value.  The part stands
    right after the whole, after "or", a bracket or a dash, or between commas
    ("3,000 people,", "90 in all").  A share word may also follow a part
    told of its whole ("won 24 of the 72 elected seats, or three-quarters",
    not "about half the country", a share of its area) or stand between the part
    and its whole ("1.1 million, or more than half, of the 2.15 million
    workers", "2.95 billion dollars, more than two-thirds of the country's
    total exports of 4.36 billion dollars": percentages/_share_told.py).  The
    part may follow the whole's place, set off by dashes ("of the 2,700
    workers at the Peugeot plant -- 1,300 people --"), and a fraction may be
    qualified ("about one in three").  The finding is on the number; when the
    share is exact and unqualified ("half", "a third", "one in five") the
    suggestion is the number the share gives.

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
        text = ctx.text
        cl = numeric(ctx)
        if not cl:
            return
        by_start = ClaimsByStart(cl)
        shares = _shares(text, cl)
        flagged: set[int] = set()
        for sh in shares:
            after = by_start.between(sh.end, sh.end + 41)
            if not after:
                continue
            first = after[0]
            between = text[sh.end:first.start]
            if PAREN.match(between) and ok_pct(first) and first.change is None:
                found = share_of(first)
                if not sh.share.overlaps(found, self.SLACK):
                    allowed = sh.share.widen(self.SLACK).scale(100.0)
                    yield ctx.finding(
                        self, first.start, first.end,
                        f"'{sh.said}' means {nf.amounts(sh.share.lo * 100, sh.share.hi * 100, like=first)}; "
                        f"the text says {first.text}",
                        related=[sh.related()], evidence={"share": [sh.share.lo, sh.share.hi]},
                        suggestion=nf.restate(first, sh.exact * 100, allowed) if sh.exact is not None else None)
                continue
            if not ((re.match(r"^\s+of\s+" + DET + "$", between, re.I) or OF_OWNER.match(" " + between.lstrip()))
                    and ok_part(first)):
                continue  # "Half of the 300 workers", "one in 10 of Spain's 46.2 million residents"
            nxt = by_start.between(first.end, first.end + 90)
            part = nxt[0] if nxt else None
            if part is None or not (ok_part(part) and _apposed(text, first, part)):
                continue
            if part.subject and first.subject and part.subject != first.subject and not _person(part.subject) \
                    and not _DASHED.match(gap(text, first, part)):
                continue  # (in dashes the part restates the whole's members: "the 27 member states -- 18 countries --")
            for f in self._part(ctx, sh, first, part):
                flagged.add(id(part))
                yield f
        by_span = {(sh.start, sh.end): sh for sh in shares}
        for span, whole, part in parts_with_shares(text, cl, list(by_span)):
            if id(part) not in flagged:
                yield from self._part(ctx, by_span[span], whole, part)

    def _part(self, ctx: Context, sh: "_Share", whole: Claim, part: Claim) -> Iterator[Finding]:
        ratio = part_ratio(part, whole)
        if ratio is None or ratio.overlaps(sh.share, self.SLACK):
            return
        whole_iv = tol.rounded(whole)
        allowed = sh.share.widen(self.SLACK).scale(whole_iv.lo, whole_iv.hi)
        yield ctx.finding(
            self, part.start, part.end,
            f"'{sh.said}' of {nf.amount(tol.point(whole), like=whole, step=whole.step)} is "
            f"{nf.amounts(sh.share.lo * tol.point(whole), sh.share.hi * tol.point(whole), like=part)}; "
            f"the text says {part.text} ({nf.number(tol.point(part) / tol.point(whole) * 100)}%)",
            related=[sh.related(), ctx.related(whole, "the whole")],
            evidence={"share": [sh.share.lo, sh.share.hi], "part": tol.point(part), "whole": tol.point(whole)},
            suggestion=nf.restate(part, sh.exact * tol.point(whole), allowed) if sh.exact is not None else None)


# after the whole, the part in apposition: ", or 150", " (150)", " - 600 people -", ", some 450,", ", 3,000 people,"
_CLOSES = re.compile(r"\s*(?:,|\)|-|\u2013|\u2014|\bin\s+all\b|\bin\s+total\b|\baltogether\b)")


def _apposed(text: str, whole: Claim, part: Claim) -> bool:
    """The part set beside the whole (after the whole's place, "of the 2,700 workers at the Peugeot plant in
    Aulnay-sous-Bois -- 1,300 people --", or what the whole is, "of the 412 people arrested during the riots, 371 in
    all,")."""
    between = gap(text, whole, part)
    told = GROUP_CLAUSE.match(between)
    cuts = {_PLACE_OF_WHOLE.sub("", between, count=1)}
    if told and not _FINITE.search(told.group()):
        cuts.add(between[told.end():])  # (not a clause with the sentence's own verb: "laid off in March have found")
    return any(bool(OR.match(g) or re.fullmatch(r"\s*,\s*", g) and _CLOSES.match(text, subject_end(text, part)))
               for g in cuts)


_FINITE = re.compile(r"\b(?:have|has|had|are|is|were|was|will|would|can|could|did|do|does)\b", re.I)


# the place of a whole, before the part set beside it: " at the Peugeot plant in Aulnay-sous-Bois"
_PLACE_OF_WHOLE = re.compile(r"^\s+(?:at|in|on)\s+[^,;:()\d-]{1,50}?(?:-[A-Za-z][^,;:()\d-]*?){0,3}(?=\s*(?:--|\u2013|\u2014|\())")
_DASHED = re.compile(r"^.*?(?:--|\u2013|\u2014|\()\s*$")


@dataclass(frozen=True)
class _Share:
    """A share word or fraction and the shares it allows: "nearly half" (0.4-0.5), "one in five" (0.2)."""

    start: int
    end: int
    said: str
    share: tol.Interval
    exact: float | None

    def related(self) -> Related:
        return Related(self.start, self.end, self.said, "share word")


def _shares(text: str, claims: list[Claim]) -> list[_Share]:
    """The share words of the text (numcheck/data/share_words.tsv, with their qualifiers), and the extractor's
    exact fractions the table does not name ("one in five", "three out of four"), in text order."""
    _, _, pattern, qualifier = _share_table()
    out = []
    for w in pattern.finditer(text):
        if _MARGIN.match(text, w.end()):
            continue  # "a majority of 66 over all other parties": the margin, not a share
        q = qualifier.search(text, max(0, w.start() - 20), w.start())
        start = q.start() if q else w.start()
        qual = q.group("q") if q else None
        out.append(_Share(start, w.end(), text[start:w.end()], share_interval(w.group("w"), qual),
                          exact_share(w.group("w"), qual)))
    taken = [(sh.start, sh.end) for sh in out]
    for c in claims:
        if c.kind == "fraction" and c.qualifier in _FRACTION_QUALIFIED and c.value and 0 < c.value < 1 \
                and not any(a < c.end and c.start < b for a, b in taken):
            lo, hi = _FRACTION_QUALIFIED[c.qualifier]  # "about one in three": as "about" moves a share word
            out.append(_Share(c.start, c.end, c.text, tol.Interval(c.value * lo, min(1.0, c.value * hi)),
                              c.value if c.qualifier == "=" else None))
    return sorted(out, key=lambda sh: sh.start)


# after "a majority", the margin it is won by: " of 66 over", " of 66 seats", " of 12,"
_MARGIN = re.compile(r"\s+of\s+\d[\d,]*\s*(?:over\b|seats\b|votes\b|[,.;)]|$)", re.I)
# an exact fraction the extractor reads, and the shares its qualifier allows ("about one in three", "more than one in
# 10"), as numcheck/data/share_qualifiers.tsv moves a share word
_FRACTION_QUALIFIED = {"=": (1.0, 1.0), "~": (0.85, 1.15), ">": (1.0, 1.3), ">=": (1.0, 1.3), "<": (0.8, 1.0),
                       "<=": (0.8, 1.0)}


def _person(subject: str) -> bool:
    return subject.split()[-1].lower() in ("people", "persons", "of", "them")


CHECK = ShareWord()
