"""What the change checks share: the levels a change moves between, the clause they share, and the arithmetic."""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import takewhile

from ... import numfmt as nf
from ... import tolerance as tol
from ...datafiles import table
from ...model import Claim, Related
from ...text import alternation
from ..base import Context


FROM = re.compile(r"\bfrom\s+(?:(?:a|an|the)\s+)?(?:(?:low|high|level|total|figure|record)\s+of\s+)?$", re.I)

TO = re.compile(r"(?:\bto|\bat)\s+(?:(?:a|an|the)\s+)?(?:(?:new\s+)?(?:low|high|level|total|figure|record)\s+of\s+)?$", re.I)

OR = re.compile(r"^\s*(?:,|-|\u2013|\u2014|\()?\s*(?:or|and|up|down)?\s*$", re.I)

BREAK = re.compile(r"[;:]|\b(?:while|whereas|but|although|compared|against|versus|however|meanwhile|which|who|after|before|since|when)\b|\band\b(?!\s+(?:by|to)\b)", re.I)

# the change is of another measure than the levels, or the levels are of another time
OTHER_MEASURE = re.compile(
    r"\b(?:underlying|like[- ]for[- ]like|constant|exchange\s+rates?|currency|excluding|exclud\w*|adjusted|"
    r"real\s+terms|inflation|seasonally|annual(?:ised|ized)\s+rate|annually|year[- ]on[- ]year|"
    r"per\s+annum|compound(?:ed)?|cumulative)\b", re.I)

@lru_cache(maxsize=1)
def _change_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a change verb of its own, a change put beside a figure), from numcheck/data/changes.tsv.

    A verb of its own ("rising", "fell", "grew") starts another change's clause;
    "up", "down" and the noun phrases ("a rise of") are not verbs.  Beside a
    figure: ", up 25%", " - a 43% increase", ", rising 3%".
    """
    rows = table("changes.tsv", ("phrase", "direction", "position"))
    before = [p for p, _, where in rows if where == "before"]
    verbs = [p for p in before if " " not in p and p not in ("up", "down", "cut", "cuts")]
    other = re.compile(r"\b" + alternation(verbs) + r"\b", re.I)
    apposed = re.compile(r"^\s*(?:,|-|\u2013|\u2014|\()\s*(?:an?\s+|by\s+)?(?:" + alternation(before) + r"(?:\s+by)?\s*)?$", re.I)
    return other, apposed


class _Lazy:
    """A pattern built on first use (import stays cheap): ``search``/``match`` as the pattern's."""

    def __init__(self, which: int) -> None:
        self.which = which

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        return _change_words()[self.which].search(text, pos, len(text) if endpos is None else endpos)

    def match(self, text: str) -> re.Match[str] | None:
        return _change_words()[self.which].match(text)


_OTHER_VERB = _Lazy(0)
_APPOSED = _Lazy(1)

MAX_CLAUSE = 110     # characters a change and its levels may spread over

REL_SLACK = 0.03     # writers compute from unrounded figures; a little beyond the stated precision

ABS_SLACK = 0.001    # percentage points: the levels carry their own rounding; this is for a writer's last digit


@dataclass(frozen=True)
class Level:
    """A level a change moves from or to: its claim and the interval the text allows (one end of "from A to B")."""

    claim: Claim
    iv: tol.Interval


@dataclass(frozen=True)
class Levels:
    """The old and new level a change is stated with (either may be missing)."""

    old: Level | None
    new: Level | None

    def both(self) -> "Both | None":
        """Both levels, when the text states both, each read to the precision the pair is written to."""
        if self.old is None or self.new is None:
            return None
        old, new = self.old, self.new
        if old.claim is not new.claim:
            old, new = _one_precision(old, new)
        return Both(old.claim, new.claim, old.iv, new.iv)


# a figure's scale as written: "2.05 million", "£3bn"
_SCALED = re.compile(r"\d\s*(?P<s>million|billion|trillion|m|bn|tn|k)\b", re.I)


def _one_precision(old: Level, new: Level) -> tuple[Level, Level]:
    """Two levels of one change are written to one precision: "from 2.05 million to 2.1 million" is to 2.10
    million, and "from £3 to £4" are prices to the pound.  (A level read as any rounding of itself would let
    "grew by 12,000 to 2.1 million from 2.05 million" pass.)"""
    a, b = old.claim, new.claim
    if a.qualifier != "=" or b.qualifier != "=" or a.range or b.range or a.point is None or b.point is None:
        return old, new
    sa, sb = _SCALED.search(a.text), _SCALED.search(b.text)
    if sa and sb and sa.group("s").lower() == sb.group("s").lower() and a.step and b.step and a.step != b.step:
        half = min(a.step, b.step) / 2
        return Level(a, tol.Interval(a.point - half, a.point + half)), Level(b, tol.Interval(b.point - half, b.point + half))
    if a.kind == b.kind == "money" and not sa and not sb and "." not in a.text + b.text:
        return Level(a, tol.Interval(a.point, a.point)), Level(b, tol.Interval(b.point, b.point))
    return old, new


@dataclass(frozen=True)
class Both:
    """The old and the new level of a change, both stated."""

    old: Claim
    new: Claim
    old_iv: tol.Interval
    new_iv: tol.Interval


def preceding(text: str, c: Claim, n: int = 40) -> str:
    return text[max(0, c.start - n):c.start]


def role_of(text: str, c: Claim) -> str | None:
    if c.range and c.text.lower().startswith("from ") and c.low is not None and c.high is not None:
        return "fromto"
    if c.change is not None:
        return None
    pre = preceding(text, c)
    if FROM.search(pre):
        return "from"
    if TO.search(pre) and not re.search(r"\bup\s+to\s*$", pre, re.I):
        return "to"
    return None


def from_to_ends(c: Claim) -> tuple[tol.Interval, tol.Interval]:
    """The two ends of a "from A to B" range claim, in the order written."""
    m = re.match(r"from\s+(.*?)\s+to\s+(.*)$", c.text, re.I)
    half = (c.step or 1.0) / 2
    if c.kind == "money" and not _SCALED.search(c.text) and "." not in c.text:
        half = 0.0  # "from £3 to £4": prices to the pound
    a, b = c.low, c.high
    if a is None or b is None:
        raise ValueError(f"{c.text!r} states no range")
    if m:  # the extractor may sort the ends; the text says which came first
        first = re.sub(r"[^\d.]", "", m.group(1).split()[0]) if m.group(1) else ""
        try:
            if first and abs(float(first) - b) < abs(float(first) - a):
                a, b = b, a
        except ValueError:
            pass
    return tol.Interval(a - half, a + half), tol.Interval(b - half, b + half)


def same_measure(x: Claim, y: Claim) -> bool:
    """Same kind and unit, and for things counted, the same thing ("65 cents" is not "1.90 dollars")."""
    if x.kind != y.kind or x.unit != y.unit:
        return False
    if x.subject and y.subject and x.kind == "count":
        from ...text import head_noun

        return head_noun(x.subject) == head_noun(y.subject)
    return True


def clause_ok(text: str, claims: list[Claim]) -> bool:
    start, end = min(c.start for c in claims), max(c.end for c in claims)
    if end - start > MAX_CLAUSE:
        return False
    inner = text[start:end]
    for c in claims:  # claim texts may hold "and" ("between 5 and 7"); blank them out
        inner = inner.replace(c.text, " " * len(c.text))
    if BREAK.search(inner):
        return False
    sent_start = text.rfind(".", max(0, start - 60), start)  # the last full stop in the 60 characters before
    if OTHER_MEASURE.search(text[max(sent_start, start - 60, 0):end + 30]):
        return False
    return True


def levels_near(text: str, group: list[Claim], j: int, like: Claim | None) -> Levels | None:
    """The from/to levels nearest a change at index ``j`` of a sentence's claims, in its clause.

    Forward, the levels stop at another change ("rose 5% to £10m, while
    costs fell 3%") or at a level another verb reaches ("grew by 24,400 to
    3.4m, with the labour force rising to 3.6m from 3.5m": those are the
    labour force's).  Backward, the figure the change is put beside is its new
    level ("12.5 million passengers, up 25% from 9 million", "$6.01 billion, a
    43% increase from $704.4 million").  Only claims that could share a clause
    with the change are read (MAX_CLAUSE characters either side): a long
    sentence costs no more per change.
    """
    z = group[j]
    found: dict[str, Level] = {}

    def take(c: Claim, role: str | None) -> bool:
        """File ``c`` under its role; True when both levels are known."""
        if role == "fromto" and not found:
            a, b = from_to_ends(c)
            found["old"], found["new"] = Level(c, a), Level(c, b)
        elif role == "from" and "old" not in found:
            found["old"] = Level(c, tol.interval(c))
        elif role == "to" and "new" not in found:
            found["new"] = Level(c, tol.interval(c))
        return len(found) == 2

    prev_end = z.end
    for k in takewhile(lambda k: group[k].start <= z.start + MAX_CLAUSE, range(j + 1, len(group))):
        c = group[k]
        if c.change is not None or _OTHER_VERB.search(text, prev_end, c.start):
            break
        prev_end = c.end
        if (like is None or same_measure(c, like)) and take(c, role_of(text, c)):
            break
    if len(found) < 2:
        for k in takewhile(lambda k: group[k].start >= z.end - MAX_CLAUSE, range(j - 1, -1, -1)):
            c = group[k]
            if c.change is not None:
                break
            if c.kind in ("date", "duration") or (like is not None and not same_measure(c, like)):
                continue  # a time is no level ("for the quarter ended Sept. 29, up 39%")
            role = role_of(text, c)
            if role is None and k == j - 1 and _apposed_before(text, c, z):
                role = "to"
            if take(c, role):
                if _levels_of_earlier_change(text, group, k, role):
                    return None
                break
    if not found:
        return None
    return Levels(found.get("old"), found.get("new"))


# what the figure is of, between it and the change put beside it: "$738.5 million for the quarter ended Sept. 29,
# up 39%", "$52.3 million in the first half, up 19%"
_PHRASE_OF = re.compile(r"\s+(?:in|for|during|over|through|at|on)\s+[^,;()]*(?=,)", re.I)


def _apposed_before(text: str, c: Claim, z: Claim) -> bool:
    """The figure ``c`` is the one the change ``z`` is put beside (its new level): right before it ("12.5 million
    passengers, up 25%"), or with only what it is of between ("$52.3 million in the first half, up 19%")."""
    between = text[c.end:z.start].replace(c.subject, "", 1)
    of = _PHRASE_OF.match(between)
    return bool(_APPOSED.match(between) or (of and _APPOSED.match(between[of.end():])))


def _levels_of_earlier_change(text: str, group: list[Claim], k: int, role: str | None) -> bool:
    """Levels read backwards that a change right before them reaches, perhaps past its other level: "a 38% jump in
    profit to £54.8m from £39.8m on a 63% rise in sales" (the levels are the 38%'s, not the 63%'s), or the other
    level of a pair of its own ("profit rose 18.4 percent to 42.5 billion yen from 35.9 billion yen, on sales up 6.2
    percent at 1.084 trillion yen")."""
    if role not in ("from", "to", "fromto"):
        return False
    before = [c for c in reversed(group[:k]) if c.kind not in ("date", "duration")][:2]
    if before and before[0].change is None and {role, role_of(text, before[0])} == {"from", "to"}:
        return True  # the other level of a pair of its own, its change told by a verb: "The deficit widened to $58.3
        # billion in March from $55.0 billion in February, ... as imports rose 2.3 percent to $166.2 billion"
    return bool(before) and before[0].change is not None


def rel_change(old: tol.Interval, new: tol.Interval) -> tol.Interval | None:
    """(new - old) / old * 100, as an interval; None unless old is clearly positive."""
    if old.lo <= 0:
        return None
    lo = (new.lo - old.hi) / old.hi * 100 if new.lo - old.hi >= 0 else (new.lo - old.hi) / old.lo * 100
    hi = (new.hi - old.lo) / old.lo * 100 if new.hi - old.lo >= 0 else (new.hi - old.lo) / old.hi * 100
    return tol.Interval(min(lo, hi), max(lo, hi))


def signed_iv(claim: Claim, iv: tol.Interval) -> tol.Interval:
    return tol.Interval(-iv.hi, -iv.lo) if claim.change == "down" else iv


def agree(stated: tol.Interval, computed: tol.Interval, abs_slack: float = ABS_SLACK) -> bool:
    s = tol.Interval(stated.lo - abs_slack, stated.hi + abs_slack)
    return s.overlaps(computed, REL_SLACK)


def magnitude_agree(stated: tol.Interval, computed: tol.Interval) -> bool:
    """Agreement of sizes, whatever the direction (for changes stated without one: "or 12.9%")."""
    neg = tol.Interval(-computed.hi, -computed.lo)
    return agree(stated, computed) or agree(stated, neg)


def level_text(c: Claim, iv: tol.Interval) -> str:
    """A level for a message: its own text, or the end of a "from A to B" range as written."""
    if c.range:
        m = re.match(r"from\s+(.*?)\s+to\s+(.*)$", c.text, re.I)
        if m:
            a, b = from_to_ends(c)
            return m.group(1) if iv == a else m.group(2)
        return nf.fmt(iv.mid)
    return c.text


def mid_rel(old: tol.Interval, new: tol.Interval) -> float:
    return (new.mid - old.mid) / old.mid * 100 if old.mid else float("nan")


def related_levels(ctx: Context, lv: Both) -> list[Related]:
    out = [ctx.related(lv.old, "old level")]
    if lv.new is not lv.old:
        out.append(ctx.related(lv.new, "new level"))
    return out
