"""NC4xx: checks against earlier reports in a ``History`` store (contradicted figures, shrinking totals, moved dates).

A stored claim is "about the same thing" as a new one only when the subject's
head noun matches (directly or through the rules' aliases), the subjects'
modifiers do not disagree ("Russian civilians" is not "Ukrainian civilians"),
and the sentences share telling entity words (Kursk, Pyongyang) — weighted by
how rare they are in the store, so "BBC" or "UK" alone never links two reports.
Anything less and the checks stay silent: a guess would cost trust.
"""
from __future__ import annotations

import math
import os
import re
from typing import Any, Iterator

from ..model import Claim, Finding, Related
from ..numfmt import between, number
from .base import Check, Context

# How near in time two claims must be to be "about the same time", and how far lookups reach.
WINDOW_DAYS = 7            # a figure stated "now" in two reports a week apart is about the same time
# Two figures are about the same time only at the same grain: a day (or a few), a month, a year.
# "in 2004 sales were $5bn" is not compared with a figure about last Tuesday.  (Extra days: 0 = one day.
# The year grain stretches to 400 days: "last week" read against a publication date known only to the
# year covers a year and a few days.)
GRAINS = ((0, 7), (8, 30), (31, 400))
CUMULATIVE_DAYS = 366       # a running total may not shrink against any report of the past year
EVENT_DAYS = 183           # a dated event is compared with reports published within half a year
MIN_SCORE = 9.0            # summed rarity (idf) of the entity words the two sentences share
MIN_SHARED = 2             # and at least this many shared entity words
MIN_CONTEXT = 1            # and this many content words beyond entities and subject ("fighting", "deployed")
MIN_JACCARD = 0.4          # or: the two sentences share this share of their entity and content words
MIN_STATEMENT_WORDS = 3    # and at least this many of them
VAGUE_RATIO = 3.0          # a claim whose interval spans more than 3x says too little to contradict
REL_TOL = 0.005            # rounding slack on both sides of an exact figure
APPROX = 0.10              # "about 2,000" allows 10% either way when the text gives no bounds
MAX_CANDIDATES = 2000      # per key: the most recent stored claims in the time window
CUE_BEFORE, CUE_AFTER = 50, 25   # a change cue counts this near the figure (characters)
MAX_RATIO = 20.0           # figures further apart than this are different things, not a contradiction
BIG_BARE = 1000            # a count with no subject is matched only from here up
SMALL = 20                 # counts below this are too common to match on entities alone

_CHANGE_KINDS = ("count", "measure", "money", "percent", "fraction", "age", "duration")
# patterns, compiled on first use (re caches them) so that importing this module stays cheap
_REVISED = r"\b(?:revis\w*|correct\w*|lower\w*|downgrad\w*|recount\w*|reduc\w*)\b"
_OTHER_INSTANCE = r"\b(?:last|previous|next|former|earlier|later|upcoming|second|another)\b"
_MODIFIER = r"[A-Za-z][A-Za-z\-']*"
_DETERMINERS = frozenset("the a an its their his her our some these those this that of more than about around "
                         "nearly almost over under at least most".split())


class _New:
    """One claim of the text being checked, with its matching keys.

    A plain slotted class, not a dataclass: this module is imported on every
    ``numcheck check`` and a dataclass costs milliseconds to build.
    """

    __slots__ = ("claim", "sentence", "keys", "ents", "mods", "t", "context", "times", "changed", "cumulative")

    def __init__(self, claim: Claim, sentence: str, keys: frozenset[str], ents: frozenset[str],
                 mods: frozenset[str], t: tuple[str, str] | None, context: frozenset[str],
                 times: frozenset[str], changed: bool, cumulative: bool) -> None:
        self.claim, self.sentence, self.keys, self.ents, self.mods = claim, sentence, keys, ents, mods
        self.t, self.context, self.times, self.changed, self.cumulative = t, context, times, changed, cumulative


class _HistoryCheck(Check):
    """Shared plumbing: open the store, split the text into sentences, score matches, cite the earlier report."""

    def run(self, ctx: Context) -> Iterator[Finding]:
        store = _store(ctx.history)
        if store is None:
            return iter(())
        return self._run(ctx, store)

    def _run(self, ctx: Context, store: Any) -> Iterator[Finding]:  # pragma: no cover - abstract
        raise NotImplementedError


def _store(history: Any) -> Any:
    if history is None:
        return None
    if isinstance(history, (str, os.PathLike)):
        from ..history import History

        return History(history, create=False)
    return history


# the last text's prepared claims, shared by the three checks of one check() call (holds that Context only;
# replaced as one tuple, so threads checking different texts never see each other's)
_MEMO: tuple[Any, ...] = ()


def _prepared(ctx: Context, store: Any) -> tuple[list[_New], str, dict[str, float]]:
    """The text's claims with keys, the text's digest (to skip itself in the store) and the idf of its entities."""
    global _MEMO
    memo = _MEMO
    if memo and memo[0] is ctx and memo[1] is store:
        return memo[2]
    from ..history import digest
    from ..history.keys import alias_keys, context, cues, entities, has_cue, tally_subject, vocabulary

    v = vocabulary()
    sentences = ctx.sentences
    pub = (ctx.published.isoformat(), (ctx.published_end or ctx.published).isoformat()) if ctx.published else None
    dates_by_sentence: dict[int, list[Claim]] = {}
    for c in ctx.claims:
        if c.kind == "date" and c.date_start and c.date_end:
            dates_by_sentence.setdefault(sentences.index(c.start), []).append(c)
    out = []
    all_ents: set[str] = set()
    for c in ctx.claims:
        si = sentences.index(c.start)
        span = sentences.span_at(si)
        sentence = ctx.text[span[0]:span[1]].strip()
        if c.kind == "date":
            t = pub
            keys = frozenset()
        else:
            near = min(dates_by_sentence.get(si, ()), key=lambda d: abs(d.start - c.start), default=None)
            t = (near.date_start, near.date_end) if near is not None else pub  # type: ignore[assignment]
            if c.subject:
                keys = frozenset(alias_keys(c.subject, ctx.rules))
            else:
                tally = tally_subject(ctx.text[span[0]:c.start], ctx.text[c.end:c.end + 2])
                keys = frozenset([tally])  # "" when none: matched only on a near-identical statement
        ents = entities(sentence, c.subject)
        all_ents |= ents
        out.append(_New(c, sentence, keys, ents, _modifiers(c.subject), t,
                        context(sentence, [*ents, *c.subject.split(), *keys]),
                        cues(v.time, _near(ctx.text, c, span)),
                        changed=has_cue(v.change, _near(ctx.text, c, span)),
                        cumulative=has_cue(v.cumulative, sentence + " " + c.subject)))
    result = (out, digest(ctx.text), store.idf(all_ents))
    _MEMO = (ctx, store, result)
    return result


def _near(text: str, c: Claim, span: tuple[int, int]) -> str:
    """The words around a claim, within its sentence, where a change cue ("now", "revised to") counts."""
    return text[max(span[0], c.start - CUE_BEFORE):min(span[1], c.end + CUE_AFTER)]


def _modifiers(subject: str) -> frozenset[str]:
    """The subject's words other than its head noun and determiners: "North Korean troops" -> {north, korean}."""
    words = [w.lower() for w in re.findall(_MODIFIER, subject or "")]
    for i, w in enumerate(words):
        if w in ("of", "in", "at", "for", "from", "on", "with") and i:
            words = words[:i]
            break
    return frozenset(w for w in words[:-1] if w not in _DETERMINERS)


def _score(new: _New, row: dict[str, Any], idf: dict[str, float]) -> tuple[float, frozenset[str]] | None:
    """How surely a stored claim is about the same thing as a new one, or None when unsure.

    Two kinds of evidence count: telling entity words in common (at least two,
    rare enough in the store, plus one shared content word), or the two
    sentences saying much the same thing (Jaccard of their entity and content
    words).  A claim without a subject needs the second.
    """
    old_mods = _modifiers(row["subject"])
    if new.mods and old_mods and not (new.mods & old_mods):
        return None
    from ..history.keys import context

    old_ents = frozenset(row["entities"].split())
    shared = new.ents & old_ents
    if new.ents and old_ents and not shared:
        return None  # both sentences name who or where, and not the same ones
    theirs = context(row["sentence"], [*old_ents, *row["subject"].split(), row["subject_key"]])
    common = new.context & theirs
    union = len(new.ents | old_ents | new.context | theirs)
    jaccard = (len(shared) + len(common)) / union if union else 0.0
    e_score = sum(idf.get(e, 0.0) for e in shared)
    small = new.claim.kind == "count" and new.claim.value is not None and abs(new.claim.value) < SMALL
    by_entities = (bool(new.keys - {""}) and not small and len(shared) >= MIN_SHARED and e_score >= MIN_SCORE
                   and len(common) >= MIN_CONTEXT)
    by_statement = jaccard >= MIN_JACCARD and len(shared) + len(common) >= MIN_STATEMENT_WORDS
    if not (by_entities or by_statement):
        return None
    return e_score + 10 * jaccard, frozenset(shared)


def _apart(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Figures more than MAX_RATIO apart are different counts (2 copies bought, 72,000 sold), not one misreported."""
    x, y = sorted(abs(v) for v in (_finite_mid(a), _finite_mid(b)))
    return x > 0 and y / x > MAX_RATIO


def _finite_mid(iv: tuple[float, float]) -> float:
    lo, hi = iv
    if math.isinf(lo):
        return hi
    if math.isinf(hi):
        return lo
    return (lo + hi) / 2


def _grain(t: tuple[str, str]) -> tuple[int, int] | None:
    """The grain (day, month, year) of a time interval, as bounds on its extra days; None beyond (about) a year."""
    from datetime import date

    extra = (date.fromisoformat(t[1]) - date.fromisoformat(t[0])).days
    return next((g for g in GRAINS if g[0] <= extra <= g[1]), None)


def _needs_subject(c: Claim) -> bool:
    """A small bare count with no subject could be anything (a minute, a shirt number, a ranking).

    Counts of a thousand or more (not a year), and measures, money, percentages and
    durations, are telling enough to match on a near-identical sentence.
    """
    if c.kind != "count" or c.unit:
        return False
    v = c.value if c.value is not None else 0.0
    return abs(v) < BIG_BARE or (1900 <= v <= 2100 and c.text.strip().isdigit())


def _vague(iv: tuple[float, float]) -> bool:
    """An interval too wide to contradict anything ("millions", "dozens", "between 10 and 100")."""
    lo, hi = iv
    return math.isinf(lo) and math.isinf(hi) or (lo > 0 and not math.isinf(hi) and hi > VAGUE_RATIO * lo)


def _interval(value: float | None, low: float | None, high: float | None, qualifier: str) -> tuple[float, float]:
    """The canonical interval a claim allows (10% either way for an "about" the text gives no bounds to)."""
    lo = low if low is not None else (-math.inf if qualifier in ("<", "<=") else value)
    hi = high if high is not None else (math.inf if qualifier in (">", ">=") else value)
    if lo is None or hi is None:
        return (-math.inf, math.inf)
    if qualifier == "~" and lo == hi:
        lo, hi = lo - abs(lo) * APPROX, hi + abs(hi) * APPROX
    return (lo, hi)


def _below(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Interval a lies wholly below b, beyond rounding slack on both sides."""
    return a[1] + abs(a[1]) * REL_TOL < b[0] - abs(b[0]) * REL_TOL


def _new_interval(c: Claim) -> tuple[float, float]:
    canon = c.canonical
    if canon is None:
        return (-math.inf, math.inf)
    factor = canon.value / c.value if c.value not in (None, 0) else 1.0
    scale = (lambda x: None if x is None else x * factor)
    return _interval(canon.value, scale(c.low), scale(c.high), c.qualifier)


def _old_interval(row: dict[str, Any]) -> tuple[float, float]:
    return _interval(row["canon_value"], row["canon_low"], row["canon_high"], row["qualifier"])


def _fmt(x: float) -> str:
    return number(x, 6)


def _span(iv: tuple[float, float], c: Claim | None = None) -> str:
    """An interval for a message, in the new claim's stated unit (29 years, not 9.15e+08 seconds)."""
    factor, unit = 1.0, ""
    if c is not None and c.canonical is not None and c.value not in (None, 0) and c.canonical.value:
        factor = c.canonical.value / c.value
        unit = c.unit if c.kind in ("measure", "duration", "age") and c.unit else ""
    lo, hi = iv[0] / factor, iv[1] / factor
    text = between(lo, hi, render=_fmt, sep="–")
    return f"{text} {unit}" if unit else text


def _about(row: dict[str, Any]) -> str:
    return f"the same subject ({row['subject_key']})" if row["subject_key"] else "the same statement"


def _cite(row: dict[str, Any]) -> tuple[str, Related, dict[str, Any]]:
    source = row["source"] or f"report #{row['report_id']}"
    when = row["published"] or "undated"
    if row["published"] and row["published_end"] and row["published_end"] != row["published"]:
        when = f"{row['published']}..{row['published_end']}"
    related = Related(int(row["start"]), int(row["end"]), row["text"], f"earlier report {source}, {when}: {row['sentence']}")
    evidence = {
        "source": row["source"], "published": row["published"], "sentence": row["sentence"],
        "text": row["text"], "report_id": row["report_id"], "claim_id": row["id"],
    }
    return f"{source}, {when}", related, evidence


def _best(new: _New, rows: list[dict[str, Any]], idf: dict[str, float], eligible, conflicts
          ) -> tuple[dict[str, Any], frozenset[str]] | None:
    """The surest matching stored claim that conflicts with the new one (ties: the latest report).

    A report that also holds a matching claim which agrees is no contradiction:
    it states several figures ("Unison's 800,000, the TGWU's 70,000 and
    Amicus' 20,000") and the new one is among them.
    """
    agreeing: set[int] = set()
    best = None
    for row in rows:
        if not eligible(row):
            continue
        s = _score(new, row, idf)
        if s is None:
            continue
        if not conflicts(row):
            agreeing.add(row["report_id"])
            continue
        rank = (s[0], row["published"] or "", row["id"])
        if best is None or rank > best[0]:
            best = (rank, row, s[1])
    if best is None:
        return None
    if best[1]["report_id"] in agreeing:
        return _best(new, [r for r in rows if r["report_id"] not in agreeing], idf, eligible, conflicts)
    return best[1], best[2]


class ContradictsEarlierReport(_HistoryCheck):
    """A figure contradicts an earlier report about the same subject and time, and the text marks no change.

    Both claims' intervals are compared ("more than 10,000" allows 10,000 and up),
    so only figures that cannot both be true are flagged.  A text that says the
    figure moved ("revised", "now", "rose to", "updated") is news, not an error.

    Anti-pattern: Monday "more than 10,000 North Korean troops in Kursk";
    Tuesday "8,000 North Korean troops in Kursk".
    Best practice: "Pyongyang now has about 8,000 troops in Kursk, down from more than 10,000".
    """

    code = "NC401"
    name = "contradicts-earlier-report"
    severity = "warning"

    def _run(self, ctx: Context, store: Any) -> Iterator[Finding]:
        from ..history.keys import cues, vocabulary
        from ..history.store import shift

        time_cues = vocabulary().time
        news, dig, idf = _prepared(ctx, store)
        for new in news:
            c = new.claim
            if (c.kind not in _CHANGE_KINDS or new.t is None or new.changed or new.cumulative
                    or c.canonical is None or (not new.keys - {""} and _needs_subject(c))):
                continue
            grain = _grain(new.t)
            if grain is None:
                continue  # about a span longer than a year: too vague in time to compare
            rows = store.lookup(new.keys, c.canonical.unit, shift(new.t[0], -(WINDOW_DAYS + grain[1])),
                                shift(new.t[1], WINDOW_DAYS), exclude_digest=dig, limit=MAX_CANDIDATES,
                                ends_after=shift(new.t[0], -WINDOW_DAYS), kind=c.kind, change=c.change,
                                cumulative=False, span=grain)
            mine = _new_interval(c)
            if _vague(mine):
                continue

            def eligible(row: dict[str, Any]) -> bool:
                # kind, change, running total and time overlap are already narrowed by the lookup
                if _vague(_old_interval(row)):
                    return False
                return not new.times or new.times <= cues(time_cues, row["sentence"])

            def conflicts(row: dict[str, Any]) -> bool:
                theirs = _old_interval(row)
                return (_below(mine, theirs) or _below(theirs, mine)) and not _apart(mine, theirs)

            found = _best(new, rows, idf, eligible, conflicts)
            if found is None:
                continue
            row, shared = found
            where, related, evidence = _cite(row)
            theirs = _old_interval(row)
            evidence["shared_entities"] = sorted(shared)
            yield ctx.finding(
                self, c.start, c.end,
                f"{c.text!r} ({_span(mine, c)}) contradicts {row['text']!r} ({_span(theirs, c)}) in an earlier report "
                f"({where}) about {_about(row)}; the text marks no revision",
                related=[related], evidence=evidence)


class CumulativeFigureDecreased(_HistoryCheck):
    """A running total (toll, total, so far, in all) is lower than an earlier report's.

    A cumulative figure can only grow between reports; a lower one is a typo,
    a different count, or an unmarked correction.

    Anti-pattern: Monday "the death toll has reached 120"; Wednesday "the death toll stands at 95".
    Best practice: "the death toll, revised down after a recount, stands at 95".
    """

    code = "NC402"
    name = "cumulative-figure-decreased"
    severity = "warning"

    def _run(self, ctx: Context, store: Any) -> Iterator[Finding]:
        from ..history.store import shift

        news, dig, idf = _prepared(ctx, store)
        for new in news:
            c = new.claim
            if (c.kind not in _CHANGE_KINDS or new.t is None or not new.cumulative
                    or c.change is not None or re.search(_REVISED, new.sentence, re.I) or c.canonical is None):
                continue
            rows = store.lookup(new.keys, c.canonical.unit, shift(new.t[0], -CUMULATIVE_DAYS), new.t[1],
                                exclude_digest=dig, limit=MAX_CANDIDATES, kind=c.kind, change=None,
                                cumulative=True)
            mine = _new_interval(c)
            if _vague(mine):
                continue

            def eligible(row: dict[str, Any]) -> bool:
                if row["kind"] != c.kind or row["change"] is not None or not row["cumulative"]:
                    return False
                if _vague(_old_interval(row)):
                    return False
                # the stored report must be earlier, not later
                return not (row["published"] and ctx.published
                            and row["published"] > (ctx.published_end or ctx.published).isoformat())

            def conflicts(row: dict[str, Any]) -> bool:
                return _below(mine, _old_interval(row))

            found = _best(new, rows, idf, eligible, conflicts)
            if found is None:
                continue
            row, shared = found
            where, related, evidence = _cite(row)
            theirs = _old_interval(row)
            evidence["shared_entities"] = sorted(shared)
            yield ctx.finding(
                self, c.start, c.end,
                f"running total {c.text!r} (at most {_span((mine[1], mine[1]), c)}) is lower than {row['text']!r} "
                f"(at least {_span((theirs[0], theirs[0]), c)}) in an earlier report ({where}); a total cannot shrink "
                f"unless the text says it was revised",
                related=[related], evidence=evidence)


class EventDateMoved(_HistoryCheck):
    """A dated event has a different date than in an earlier report, and the text does not say it moved.

    Same event means the same event noun next to the date (offensive, election,
    summit) and telling entity words in common; only dates of month or day
    precision are compared, and "postponed", "rescheduled", "last", "next" keep it silent.

    Anti-pattern: Monday "Ukraine launched its Kursk offensive in August";
    Tuesday "Ukraine launched its Kursk offensive in September".
    Best practice: the same date, or "the offensive, first reported as August, began in September".
    """

    code = "NC403"
    name = "event-date-moved"
    severity = "warning"

    def _run(self, ctx: Context, store: Any) -> Iterator[Finding]:
        from ..history.keys import event_nouns, has_cue, vocabulary
        from ..history.store import event_key, shift

        news, dig, idf = _prepared(ctx, store)
        moved = vocabulary().moved
        for new in news:
            c = new.claim
            if (c.kind != "date" or new.t is None or not c.date_start or not c.date_end or not c.timex
                    or c.timex.startswith("X") or len(c.timex) < 7):
                continue
            if has_cue(moved, new.sentence) or re.search(_OTHER_INSTANCE, new.sentence, re.I):
                continue
            events = event_nouns(new.sentence)
            offset = new.sentence.find(c.text)
            key = event_key(new.sentence, max(offset, 0), events)
            if not key:
                continue
            rows = store.lookup([key], "date", shift(new.t[0], -EVENT_DAYS), shift(new.t[1], EVENT_DAYS),
                                exclude_digest=dig, limit=MAX_CANDIDATES)

            def eligible(row: dict[str, Any]) -> bool:
                if not row["date_start"] or not row["timex"] or row["timex"].startswith("X") or len(row["timex"]) < 7:
                    return False
                return not (re.search(_OTHER_INSTANCE, row["sentence"], re.I) or has_cue(moved, row["sentence"]))

            def conflicts(row: dict[str, Any]) -> bool:
                return c.date_end < row["date_start"] or row["date_end"] < c.date_start  # type: ignore[operator]

            found = _best(new, rows, idf, eligible, conflicts)
            if found is None:
                continue
            row, shared = found
            where, related, evidence = _cite(row)
            evidence["shared_entities"] = sorted(shared)
            yield ctx.finding(
                self, c.start, c.end,
                f"the {key} is dated {c.text!r} ({c.date_start}..{c.date_end}) but an earlier report ({where}) "
                f"dated it {row['text']!r} ({row['date_start']}..{row['date_end']}); the text does not say it moved",
                related=[related], evidence=evidence)


CHECKS: tuple[Check, ...] = (ContradictsEarlierReport(), CumulativeFigureDecreased(), EventDateMoved())
