"""What the history checks share: the text's claims keyed for lookup, how surely a stored claim is the same fact, and citing it."""
from __future__ import annotations

import math
import re
from datetime import date
from functools import lru_cache
from typing import Any, Iterator

from ...model import QUALIFIERS, Claim, Finding, Related
from ...numfmt import between, number
from ...datafiles import table
from ...text import after_dateline, alternation
from ...units import load_units
from ..base import Check, Context, HistoryStore
from ...history.keys import CLAUSE_JOIN, CUE_AFTER, CUE_BEFORE, stem


# How near in time two claims must be to be "about the same time", and how far lookups reach.
WINDOW_DAYS = 7            # a figure stated "now" in two reports a week apart is about the same time

# Two figures are about the same time only at the same grain: a day (or a few), a month, a year.
# "in 2004 sales were $5bn" is not compared with a figure about last Tuesday.  (Extra days: 0 = one day.
# The year grain stretches to 400 days: "last week" read against a publication date known only to the
# year covers a year and a few days.)
GRAINS = ((0, 7), (8, 30), (31, 400))

CUMULATIVE_DAYS = 366       # a running total may not shrink against any report of the past year

SETTLED_DAYS = 400         # a finished event's toll, a length of time, a fixed size: compared this far back
PLACE_DAYS = 3653          # where a named place lies, its sentence told again: compared this far back
TOLD_LATE_DAYS = 60        # a toll a report gave this long after the event it dates had stopped growing (weeks are
                           # not enough: the Bam earthquake's toll rose from 30,000 to 41,000 in its third week)

DAY_SECONDS = 86400

STATE_DAYS = 183           # a standing state told again ("holds 264 of the 400 seats"): compared this far back (a
                           # headcount or a capacity may grow within the year)
AGE_DAYS = 365             # one named person's age in years ("Slepian, 52,"): compared this far back, where it may
                           # have moved on by one birthday (nc401's conflicts)
SETTLED_CANDIDATES = 200   # per key, the most recent stored claims looked at that far back

CONVERSION_DAYS = 14       # the same amount converted in reports this far apart gives about the same figure
CONVERSION_SLACK = 0.10    # beyond each figure's rounding: two weeks' move of a floating rate, and a stale rate

EVENT_DAYS = 183           # a dated event is compared with reports published within half a year

MIN_SCORE = 9.0            # summed rarity (idf) of the entity words the two sentences share

MIN_SHARED = 2             # and at least this many shared entity words

MIN_CONTEXT = 1            # and this many content words beyond entities and subject ("fighting", "deployed")

MIN_JACCARD = 0.4          # or: the two sentences share this share of their entity and content words

MIN_STATEMENT_WORDS = 3    # and at least this many of them
RESTATED_JACCARD = 0.7     # a statement restated nearly word for word shares this share of its words: only such
                           # a restatement matches a toll, a small count with no subject, or a figure beside a
                           # change cue ("now", "doubled") that the earlier sentence has too

TOLD_AGAIN = 0.8            # a figure told in the past, restated in a later report months on: this share of the
TOLD_AGAIN_WORDS = 6        # shorter sentence's entity and content words (at least this many) are the longer's
SHORT_TOLD_AGAIN_WORDS = 3  # a shorter sentence told again whole, every word, within SHORT_TOLD_DAYS, a digit changed
SHORT_TOLD_DAYS = 31        # ("Castlebrook employs 8,400 people.": the name, the verb and the noun counted)
SHORT_SENTENCE_WORDS = 12   # of a short sentence, at most (not a price table's lines run together)
NAMELESS_TOLD_AGAIN = 0.7  # two sentences naming nobody, each of its article's topic, told again: who said so may
                           # change ("the disaster management ministry said", "officials said")
AFTER_REACH = 60  # the characters after a figure whose verbs tell what became of it ("were evacuated to")

VAGUE_RATIO = 3.0          # a claim whose interval spans more than 3x says too little to contradict

REL_TOL = 0.005            # rounding slack on both sides of an exact figure

APPROX = 0.10              # "about 2,000" allows 10% either way when the text gives no bounds

MAX_CANDIDATES = 2000      # per key: the most recent stored claims in the time window

TOLL_AFTER = 40                  # a toll's cue this far after its figure: "312 people are feared to have been killed"

MAX_RATIO = 20.0           # figures further apart than this are different things, not a contradiction

BIG_BARE = 1000            # a count with no subject is matched only from here up

SMALL = 20                 # counts below this are too common to match on entities alone

CHANGE_KINDS = ("count", "measure", "money", "percent", "fraction", "age", "duration")

# patterns, compiled on first use (re caches them) so that importing this module stays cheap
REVISED = r"\b(?:revis\w*|correct\w*|lower\w*|downgrad\w*|recount\w*|reduc\w*)\b"

OTHER_INSTANCE = r"\b(?:last|previous|next|former|earlier|later|upcoming|second|another)\b"

# a sentence told again months on may tell another occasion in the same words: "after a fresh outbreak", "a second
# ambush", "a similar attack"; or restate a figure first given as provisional ("a preliminary count")
_ANOTHER = re.compile(r"\b(?:fresh|second|third|another|similar)\b"
                      r"|\bthe\s+[a-z]+est\s+of\s+(?:them|these|those|the)\b", re.I)  # ("the furthest of them some 90 km
# inside Chad": one picked out of several, not the camp told of before)
_PROVISIONAL = re.compile(r"\b(?:preliminary|provisional|initial|early|first|rough|partial|incomplete|unofficial)\s+"
                          r"(?:count|estimates?|figures?|tally|results?|returns|reports?|assessment|survey)\b"
                          # a count still running: "with 61 percent of precincts reporting", "after 40 percent of the
                          # ballots were counted"
                          r"|\b(?:percent|per\s+cent|%)\s+of\s+(?:the\s+)?(?:[a-z]+\s+)?(?:precincts|polling\s+stations"
                          r"|constituencies|districts|ballots|votes|returns)\s+(?:(?:had\s+been|have\s+been|were|was)\s+)?"
                          r"(?:reporting|reported|counted|tallied|processed)\b", re.I)


def provisional(row: dict[str, Any]) -> bool:
    """Whether an earlier report gave its figure as provisional ("according to a preliminary count", "with 61
    percent of precincts reporting"): a later report may rightly give the final one, or a later provisional count."""
    return bool(_PROVISIONAL.search(row["sentence"]))


def another_occasion(new: "_New", row: dict[str, Any]) -> bool:
    """Whether a sentence told again may tell another occasion: the two figures are told of different names
    (keys.names_differ: "Nasiriyah, 375 km southeast of Baghdad" after "Samawah, 270 km ..."), either sentence
    tells another instance (_ANOTHER), or the earlier one was published before the day the new sentence dates its
    figure to.  (A provisional earlier figure, the other reason to leave a row out, is left out by every caller's
    eligibility test already: ``provisional``.)"""
    from ...history.keys import names_differ

    if _ANOTHER.search(new.sentence) or _ANOTHER.search(row["sentence"]):
        return True
    if new.dated and not new.fixed and new.t is not None \
            and (row["published_end"] or row["published"] or "9999")[:10] < new.t[0]:
        return True  # "a ferry capsized on Sunday (Nov. 27)": a report published in August told of another
    return names_differ(new.sentence, max(new.sentence.find(new.claim.text), 0),
                        row["sentence"], max(row["sentence"].find(row["text"]), 0))

_MODIFIER = r"[A-Za-z][A-Za-z\-']*"

_DETERMINERS = frozenset("the a an its their his her our some these those this that of more than about around "
                         "nearly almost over under at least most".split())


class _New:
    """One claim of the text being checked, with its matching keys.

    A plain slotted class, not a dataclass: this module is imported on every
    ``numcheck check`` and a dataclass costs milliseconds to build.
    """

    __slots__ = ("claim", "sentence", "keys", "ents", "mods", "t", "context", "times", "changed", "cumulative",
                 "volatile", "toll", "dated", "restated_only", "siblings", "follows", "settled", "converts",
                 "conversion", "past", "fixed", "located", "state", "running", "lead", "topical", "story", "after", "ongoing",
                 "record", "clause")

    def __init__(self, claim: Claim, sentence: str, keys: frozenset[str], ents: frozenset[str],
                 mods: frozenset[str], t: tuple[str, str] | None, context: frozenset[str],
                 times: frozenset[str], changed: frozenset[str], cumulative: bool) -> None:
        self.claim, self.sentence, self.keys, self.ents, self.mods = claim, sentence, keys, ents, mods
        self.t, self.context, self.times, self.changed, self.cumulative = t, context, times, changed, cumulative
        self.volatile = False
        self.toll = False
        self.dated = False  # timed by a date its own sentence names, not by the report's publication
        self.restated_only = False  # matched only on a sentence restated nearly word for word (RESTATED_JACCARD)
        self.siblings: tuple[tuple[str, tuple[float, float]], ...] = ()  # the other figures of its sentence
        self.follows: frozenset[str] = frozenset()  # a subject-less figure's next words: "$20bn in damages"
        self.settled = False  # a finished event's figure or a thing's fixed size: compared with reports months back
        self.past = False  # told in the simple past in a sentence naming someone: as settled, when told again (TOLD_AGAIN)
        self.state = False  # a standing state in a sentence naming someone: as past, within STATE_DAYS
        self.fixed = False  # a thing's fixed size ("the 1,000-bed hospital") or where a place lies: of no one time
        self.record: tuple[str, ...] = ()  # the words of its sentence before a record of a past year (RECORD_WORDS)
        self.located = False  # where a named place lies ("Samawah, about 270 kilometers southeast of Baghdad"): for years
        self.converts = ""  # a sum of money the text converts: the amount on the other side ("=CNY 200000")
        self.conversion: Any = None  # and the conversion it is a side of (checks.conversions.Conversion)
        self.running = False  # of a span still running at publication ("this year", "since August"): it may grow
        self.lead: frozenset[str] | None = None  # the words leading it in its clause (lead_words; None: no guard)
        self.topical = False  # its sentence names nobody who tells it apart: its ents are its article's topic
        self.story: frozenset[str] = frozenset()  # every name its article gives (entities of the whole text)
        self.after: frozenset[str] = frozenset()  # the verbs right after it in its clause ("were evacuated")
        self.ongoing: frozenset[str] = frozenset()  # the cues near it of a state lasting on ("still", "so far")
        self.clause: frozenset[str] = frozenset()  # the content words of its statement clause (_statement_clause)


_SINCE = re.compile(r"\bsince\s+(?:(?:the\s+)?(?:end|start|beginning|middle)\s+of\s+)?$", re.I)


def _running(text: str, date: Any, pub: tuple[str, str] | None, near: str) -> bool:
    """Whether a figure told in the present perfect or the progressive (``near`` it: "have been hijacked", "has
    driven", "are holding") is of a span still running when the report is published: "40 ships have been hijacked
    off Somalia this year", "has driven 250,000 people from their homes since August".  Such a count grows as the span
    runs on, so a later report's higher figure is news.  ("Growth will be 8 percent in 2005" is of the year too, but
    a forecast, not a running count.)"""
    from ...history.keys import in_progress, told_in_perfect

    if pub is None or pub[0] != pub[1] or not (told_in_perfect(near) or in_progress(near)):
        return False  # (a report dated only to its year, "2005", is of no one moment)
    return bool(_SINCE.search(text, max(0, date.start - 30), date.start)) or date.date_start < pub[0] <= date.date_end


def _conversion_sides(ctx: Context) -> dict[int, Any]:
    """Each converted figure's conversion, by the figure's start (the first, where a figure is a side of two)."""
    from ..conversions._common import conversions

    sides: dict[int, Any] = {}
    for conv in conversions(ctx):
        for side in (conv.src, conv.dst):
            sides.setdefault(side.start, conv)
    return sides


def _score_noun(noun: str) -> bool:
    """Whether a noun counts a score or an amount of the moment ("runs", "points": numcheck/data/not_groups.txt)."""
    from ..repeats.nc110 import not_groups

    return noun in not_groups()


def _first_word(sentence: str) -> frozenset[str]:
    """The sentence's first word, lower case ("Turnovers totaled ..."): capitalised for its place, maybe no name."""
    m = re.match(r"\W*([A-Za-z][\w'-]*)", sentence)
    return frozenset([m.group(1).lower()]) if m else frozenset()


def _conversion_partners(ctx: Context) -> dict[int, frozenset[int]]:
    """For each converted figure (by its start), the starts of the figures that convert it."""
    from ..conversions._common import conversions

    partners: dict[int, set[int]] = {}
    for conv in conversions(ctx):
        partners.setdefault(conv.src.start, set()).add(conv.dst.start)
        partners.setdefault(conv.dst.start, set()).add(conv.src.start)
    return {k: frozenset(v) for k, v in partners.items()}


class HistoryCheck(Check):
    """Shared plumbing: open the store, split the text into sentences, score matches, cite the earlier report."""

    def run(self, ctx: Context) -> Iterator[Finding]:
        if ctx.history is None:
            return iter(())
        return self._run(ctx, ctx.history)

    def _run(self, ctx: Context, store: HistoryStore) -> Iterator[Finding]:  # pragma: no cover - abstract
        raise NotImplementedError


# the last text's prepared claims, shared by the three checks of one check() call (holds that Context only;
# replaced as one tuple, so threads checking different texts never see each other's)
_MEMO: tuple[Any, ...] = ()


def prepared(ctx: Context, store: HistoryStore) -> tuple[list[_New], str, dict[str, float]]:
    """The text's claims with keys, the text's digest (to skip itself in the store) and the idf of its entities."""
    global _MEMO
    memo = _MEMO
    if memo and memo[0] is ctx and memo[1] is store:
        return memo[2]
    from ...history import digest
    from ...history.keys import (alias_keys, attribute_key, context, conversion_keys, cues, entities, follows, has_cue, identity, own_date,
                                 told_cumulative, place_distance, settled, bare_key, told_again_later, told_as_state, topic,
                                 vocabulary, who)

    v = vocabulary()
    sentences = ctx.sentences
    pub = (ctx.published.isoformat(), (ctx.published_end or ctx.published).isoformat()) if ctx.published else None
    by_sentence: dict[int, list[Claim]] = {}
    for c in ctx.claims:
        by_sentence.setdefault(sentences.index(c.start), []).append(c)
    out = []
    all_ents: set[str] = set()
    about = topic(ctx.text)
    story = lru_cache(maxsize=1)(lambda: entities(ctx.text))  # read once, for the figures of sentences naming nobody
    converted = conversion_keys(ctx)
    sides = _conversion_sides(ctx) if converted else {}
    for c in ctx.claims:
        if c.within_date:
            continue  # "two years" of "two years ago": the date is the figure of record
        si = sentences.index(c.start)
        span = sentences.span_at(si)
        sentence = ctx.text[span[0]:span[1]].strip()
        attribute = attribute_key(ctx.text, c)  # "the 30-share DAX": "share" ("" for any other figure)
        if attribute and _score_noun(attribute):
            attribute = ""  # "a 40-run victory", "a 3-point lead": a margin of the moment, not a thing's size
        near = _near(ctx.text, c, span, SETTLED_REACH, SETTLED_REACH)  # the words that tell its tense
        running = False
        if c.kind == "date":
            t = pub
            keys: frozenset[str] = frozenset()
        else:
            dated_by = own_date(c, by_sentence[si], ctx.text)
            t = (dated_by.date_start, dated_by.date_end) if dated_by is not None else pub
            running = dated_by is not None and _running(ctx.text, dated_by, pub, near)
            if attribute:
                keys = frozenset([attribute])
            elif c.subject:
                keys = frozenset(alias_keys(c.subject, ctx.rules))
            else:
                keys = frozenset([bare_key(ctx.text, span[0], c)])  # "" when none: matched only on a near-identical
                # statement
        named = entities(sentence, c.subject)
        ents = who(named, about)
        named -= _first_word(sentence)  # capitalised as the sentence's first word, not as a name
        topical = not identity(named)
        all_ents |= ents
        new = _New(c, sentence, keys, ents, _modifiers(c.subject), t,
                   context(sentence, [*ents, *c.subject.split(), *keys]),
                   cues(v.time, _near(ctx.text, c, span)),
                   changed=cues(v.change, _near(ctx.text, c, span)),
                   cumulative=told_cumulative(ctx.text, c, span))
        placed = place_distance(ctx.text, c, sentence)
        new.volatile = not attribute and (volatile(ctx.text, c, span) or placed == "moving")
        new.settled = bool(attribute) or c.kind == "duration" or settled(near, sentence) or placed == "place"
        # (a sentence naming nobody may be a template told every day: "Turnovers totaled 1.8 billion shares worth ...")
        new.past = c.change is None and c.kind != "age" and bool(named) and told_again_later(near)
        clause = _clause_of(ctx.text, c, span)  # "SABIC, 70 percent owned by ...," not "..., remains the largest"
        new.state = (not new.past and c.change is None and bool(named) and not new.volatile and told_as_state(clause)
                     and (c.kind not in ("age", "percent") or c.kind == "percent" and has_cue(v.stake, near)))
        # (a percentage is a state only as a share owned: "SABIC, 70 percent owned by the Saudi government")
        new.located = placed == "place"
        new.fixed = bool(attribute) or new.located
        new.toll = c.kind != "age" and has_cue(v.toll, _near(ctx.text, c, span, CUE_BEFORE, TOLL_AFTER))  # (the toll
        # of its own clause: not "the acquittal of all 16 defendants charged over the fire that killed 155 people")
        new.running = running
        new.lead = lead_words(sentence, c.text)
        new.record = _words_before(ctx.text, c, span) if c.kind != "date" and _of_past_year(t, pub) else ()
        new.topical = topical
        new.ongoing = cues(v.still, clause)  # "were still in shelters"
        new.story = story() if topical else frozenset()
        new.after = context(_verbs_after(ctx.text, c.end, span[1]))
        new.clause = _clause_words(sentence, c.text)
        new.converts = converted.get(c.start, "")
        new.conversion = sides.get(c.start) if new.converts else None
        new.dated = c.kind != "date" and t is not pub
        new.restated_only = new.toll or (not new.keys - {""} and needs_subject(c)) or _age_by_surname(sentence, c)
        if not new.keys - {""} and not needs_subject(c):
            new.follows = follows(sentence, c.text)
        out.append(new)
    partners = _conversion_partners(ctx)
    volatile_at = {n.claim.start for n in out if n.volatile}
    changed_at = {n.claim.start: n.changed for n in out if n.changed}
    for new in out:
        own = partners.get(new.claim.start, frozenset())  # "700 metres (2,300 feet)": the same figure, not beside it
        if own & volatile_at:
            new.volatile = True  # "rose 14.1 percent to 7.21 billion yuan (932 million U.S. dollars)": the level's
        for start in own & changed_at.keys():  # "the improved offer values it at 7.2 billion euros (9.2 billion
            new.changed |= changed_at[start]   # dollars)": the cue before one side tells the other's move too
        new.siblings = tuple((o.claim.canonical.unit, new_interval(o.claim)) for o in out
                             if o.sentence == new.sentence and o is not new and o.claim.canonical is not None
                             and o.claim.start not in own)
    result = (out, digest(ctx.text), store.idf(all_ents))
    _MEMO = (ctx, store, result)
    return result


# a price per unit, which the next report quotes anew: "$9.58 a share", "$50 a barrel", "$400 an ounce"
_PER_UNIT_WORDS = ("share", "barrel", "gallon", "litre", "liter", "ounce", "tonne", "ton", "bushel", "unit")
_PER_UNIT = re.compile(r"\s+(?:a|an|per)\s+(?:" + alternation(_PER_UNIT_WORDS) + r")\b", re.I)
# the terms of an offer, fixed until the bidder raises them (a change cue): "its $18-a-share offer",
# "a tender offer of $18 a share", "bid $20 a share for"
_OFFER_WORDS = ("offer", "offers", "offered", "offering", "bid", "bids", "bidding", "tender", "buyout", "takeover")
_OFFER_BEFORE = re.compile(r"\b" + alternation(_OFFER_WORDS) + r"\b(?:\s+(?:of|at|for|to|worth|valued\s+at))?"
                           r"(?:\s+(?:about|around|some|nearly|almost))?\s+$", re.I)
# a change with the level it reaches, a move of the moment: "fell 32 cents to $49.74", "up 6% at 458.5p"
_MOVE_TO = re.compile(r"[^.;:!?]{0,30}?\b(?:to|at)\s+(?:[$\u00a3\u20ac]|[A-Z]{1,3}\$)?\d")


def _per_time(c: Claim) -> bool:
    """A rate per unit of time ("rising at 15% a year", "$500 a month"): a pace, not a level a market reached."""
    unit = load_units().get(c.per) if c.per else None
    return unit is not None and unit.dimension == "time"


def _priced_per_unit(c: Claim) -> bool:
    """A price per share, barrel, litre or kilo ("USD / share"), which markets set daily; not a rent or a wage per
    month or hour, nor a figure per head."""
    if c.kind != "money" or not c.per or _per_time(c):
        return False
    return c.per in _PER_UNIT_WORDS or c.per in load_units()


@lru_cache(maxsize=1)
def _moment_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(a level a change verb or a close reaches: "closed up $2.80 to", "fell 32 cents to", "trading at";
    a market's moment anywhere in a sentence)."""
    from ...history.keys import vocabulary

    v = vocabulary()
    rows = table("changes.tsv", ("phrase", "direction", "position"))
    verbs = [p for p, _, where in rows if where == "before" and p not in ("up", "down")]
    level = re.compile(r"\b" + alternation([*verbs, *v.close.phrases, *v.session.phrases])
                       + r"\b[^;:!?]{0,40}?\b(?:at|to|from)\s+$", re.I)
    # an index's move in points ("gained 14.56 points, or 0.94 percent, to 1,569.67") is a session's too; a verb that
    # ends something is a session's only where a level, a move or a place in a table follows ("ended 2 percent lower",
    # "closed at", "finished in second place"), not "Israel ended its 22-year occupation"
    moment = re.compile(r"\b" + alternation(v.session.phrases) + r"\b|\d\s+points?\b|\b" + alternation(v.close.phrases)
                        + r"\b(?:\s+[^\s.;:!?]+){0,4}?\s+(?:at|up|down|higher|lower|unchanged|flat|firmer|weaker|steady"
                        r"|the\s+(?:day|session|week|month|year)|in\s+[a-z]+\s+(?:place|position))\b", re.I)
    return level, moment


_CLOCK = re.compile(r"\b\d{1,2}(?:[:.]\d\d)?\s*[ap]\.?m\b|\b\d{4}\s*GMT\b", re.I)


def moment_words(sentence: str) -> frozenset[str]:
    """The market's moment a sentence tells: its moment words ("closed", "trading"), times of the session ("morning",
    "noon") and clock times ("at 5 p.m."): two reports of one moment tell the same."""
    from ...history.keys import vocabulary

    v = vocabulary()
    words = v.close.found(sentence) | v.session.found(sentence) | v.session_time.found(sentence)
    return words | frozenset(m.group().lower().replace(" ", "") for m in _CLOCK.finditer(sentence))


RECORD_WORDS = 6  # the fewest words before a record of a past year that make it the same when told again


def _words_before(text: str, c: Claim, span: tuple[int, int]) -> tuple[str, ...]:
    """The words of the figure's sentence before it, past a wire dateline, lower case (empty when fewer than
    RECORD_WORDS): who the record is of and what it is ("China, which topped the medal table at the last Games in
    Busan in 2002 with")."""
    words = tuple(w.lower() for w in _RECORD_WORD.findall(text, after_dateline(text, span[0]), c.start))
    return words if len(words) >= RECORD_WORDS else ()


_RECORD_WORD = re.compile(r"[\w'\u2019-]+")


def _record_told_again(words: tuple[str, ...], row: dict[str, Any]) -> bool:
    """Whether the stored sentence tells its figure right after the same words, from its own sentence's start."""
    told = r"\b" + r"\W+".join(re.escape(w) for w in words) + r"\W+" + re.escape(row["text"])
    return re.search(told, row["sentence"], re.I) is not None


def _of_past_year(t: tuple[str, str] | None, pub: tuple[str, str] | None) -> bool:
    """A figure dated by a time of its own that ended a year or more before the report ("topped the medal table at
    the last Games in Busan in 2002 with 150 gold medals"): a record of then, which a figure of the moment (volatile)
    is the same as only when its sentence is told again word for word up to it (_record_told_again)."""
    return t is not None and pub is not None and t != pub and bool(t[1]) and bool(pub[0]) \
        and t[1] < f"{int(pub[0][:4]) - 1}{pub[0][4:]}"


def volatile(text: str, c: Claim, span: tuple[int, int]) -> bool:
    """A figure of the moment, which the next report gives anew and rightly differently: a market's move or level
    ("closed up $2.80 to $51.15", "fell 32 cents to $49.74 in trading", "trading at 590 pence"; not a pace such as
    "rising at 15% a year"), the levels a change moves between ("dropped to $663 million from $1 billion"), a price per unit ("$9.58 a share"), or a score or an
    index's points ("75 runs", "5.90 points": numcheck/data/not_groups.txt)."""
    from ..repeats.nc110 import not_groups

    level, moment = _moment_words()
    if moment.search(text, span[0], span[1]):
        return True  # a market sentence's every figure is of its session
    if level.search(text, max(span[0], c.start - 60), c.start) and not _per_time(c):
        return True
    if c.change is not None and _MOVE_TO.match(text, c.end, span[1]):
        return True
    if (_PER_UNIT.match(text, c.end) or _priced_per_unit(c)) and not _offer_term(text, c):
        return True
    return bool(c.subject) and c.subject.split()[-1].lower() in not_groups()


def told_moved(row: dict[str, Any], lead: frozenset[str] | None) -> bool:
    """A stored figure its sentence tells as a level a change moved it to or from ("raised its pay offer to striking
    teachers to 9 billion shillings", and the amount it converts), which a later figure led by other words ("agreed to
    pay", ``lead``: lead_words) does not contradict: the figure was of its moment, as volatile reads a new one.  One
    led by what moved ("the offer of 6 billion shillings") tells the same move again and is compared."""
    what = _what_moved(row["sentence"], row["text"])
    return what is not None and not (lead and what and stem(what) in lead)


@lru_cache(maxsize=4096)
def _what_moved(sentence: str, text: str) -> str | None:
    """What a change moved a stored figure to or from (told_moved), lower case ("" when no word names it), or None
    when its sentence tells no such move: read once per stored row, which many new figures are compared with."""
    level, _ = _moment_words()
    found = sentence.find(text)
    at = found
    converts = _CONVERTS_BEFORE.search(sentence, max(0, at - 60), at) if at > 0 else None
    if converts is not None:
        at = converts.start()  # "to 9 billion shillings (120 million U.S. dollars)": the amount it converts moved
    moved = level.search(sentence, max(0, at - 60), at) if at > 0 else None
    if moved is None or _PACE.search(sentence, found, found + len(text) + 20):
        return None  # (not a pace: "debt is rising at 15% a year", as volatile has it)
    what = _MOVED_NOUN.match(moved.group())
    return what.group(1).lower() if what else ""


# what a change moved, the word before its first "to", "at" or "from": "raised its pay offer to" -> offer
_MOVED_NOUN = re.compile(r"\w+\s+(?:[\w'\u2019-]+\s+){0,4}?([A-Za-z]+)\s+(?:to|at|from)\b")
# a pace, told right after its figure: "rising at 15% a year"
_PACE = re.compile(r"\s(?:a|an|per|each)\s+(?:year|month|week|day|quarter|annum)\b", re.I)
# the amount a bracketed figure converts, right before its bracket: "8 billion shillings ("
_CONVERTS_BEFORE = re.compile(r"\d[\d,.]*(?:\s+[A-Za-z.$]+){0,3}\s*\(\s*\Z")
# a stored whole with its part told before it: "1,238 of the country's 3,871 polling centres"
_OF_ITS_WHOLE = r"\s+(?:out\s+)?of\s+(?:(?:the|its|their)\s+)?(?:[\w.-]+['\u2019]s\s+)?"
_FIGURE = r"(\d[\d,]*(?:\.\d+)?)"


def grown_part(row: dict[str, Any], mine: tuple[float, float], kind: str, lead: frozenset[str] | None) -> bool:
    """Whether a new count is the part of a whole told in the stored sentence, grown since: it lies between the
    part and the whole, and words that lead it lead the stored part too ("results counted from 2,800 polling centres"
    after "votes counted from 1,400 of the country's 3,900 polling centres"); not a count told another way ("the
    country has 3,817 polling centres": the whole told otherwise)."""
    if kind != "count" or row["canon_value"] is None or not lead:
        return False
    told = _part_told_before(row["sentence"], row["text"])
    return told is not None and told[0] < mine[0] and mine[1] < row["canon_value"] and bool(told[1] and lead & told[1])


@lru_cache(maxsize=4096)
def _part_told_before(sentence: str, text: str) -> tuple[float, frozenset[str] | None] | None:
    """The part a stored whole's sentence tells of it and the words that lead that part (grown_part), or None: read
    once per stored row.  A stored part ("59 of the 100 seats") has none, so it is compared: "99 of the 100 seats" is
    the same part told otherwise."""
    whole_of = re.search(_FIGURE + _OF_ITS_WHOLE + re.escape(text), sentence)
    if whole_of is None:
        return None
    return float(whole_of.group(1).replace(",", "")), lead_words(sentence, whole_of.group(1))


def _offer_term(text: str, c: Claim) -> bool:
    """A price per share that is an offer's term ("its $18-a-share offer", "a tender offer of $18 a share"): the
    next report restates it, not the market's new price."""
    head = c.subject.split()[-1].lower() if c.subject else ""
    near = text[max(0, c.start - 40):c.end + 40]
    if _RIVAL.search(near):
        return False  # "GM made a rival offer at $21 a share": another bidder's, not the offer told before
    return head in _OFFER_WORDS or bool(_OFFER_BEFORE.search(text, max(0, c.start - 40), c.start))


_RIVAL = re.compile(r"\b(?:rival|competing|counter|second|new|higher|lower|improved|revised)[\s-]+(?:offer|bid)", re.I)


def _near(text: str, c: Claim, span: tuple[int, int], before: int = CUE_BEFORE, after: int = CUE_AFTER) -> str:
    """The words around a claim, within its sentence, where a change cue ("now", "revised to") counts."""
    return text[max(span[0], c.start - before):min(span[1], c.end + after)]


SETTLED_REACH = 60  # the words either side of a figure that tell its tense ("which killed 224 people, including")


def _modifiers(subject: str) -> frozenset[str]:
    """The subject's words other than its head noun and determiners: "North Korean troops" -> {north, korean}."""
    words = [w.lower() for w in re.findall(_MODIFIER, subject or "")]
    for i, w in enumerate(words):
        if w in ("of", "in", "at", "for", "from", "on", "with") and i:
            words = words[:i]
            break
    return frozenset(w for w in words[:-1] if w not in _DETERMINERS)


def _score(new: _New, row: dict[str, Any], idf: dict[str, float], restated_only: bool = False,
           settled: bool = False, told_again: bool = False, whole: bool = False) -> tuple[float, frozenset[str]] | None:
    """How surely a stored claim is about the same thing as a new one, or None when unsure.

    Two kinds of evidence count: telling entity words in common (at least two,
    rare enough in the store, plus one shared content word), or the two
    sentences saying much the same thing (Jaccard of their entity and content
    words).  A claim without a subject needs the second.  ``settled``: a
    finished event's toll, which has stopped growing, is matched as any figure.
    ``told_again``: only the shorter sentence told again inside the longer one
    (TOLD_AGAIN of its words; a clause may be dropped or added) is the same
    statement; with ``whole``, every word of it, SHORT_TOLD_AGAIN_WORDS or more.
    """
    old_mods = _modifiers(row["subject"])
    if new.mods and old_mods and not (new.mods & old_mods):
        return None
    if ("other" in new.mods) != ("other" in old_mods):
        return None  # "his mother and 10 other people" leaves one out of "11 people": another count
    from ...history.keys import context, follows, identity

    old_ents = frozenset(row["entities"].split())
    shared = new.ents & old_ents
    nameless = False
    by_clause = _clause_told_again(new.clause, _clause_words(row["sentence"], row["text"])) \
        and _clause_names(new.sentence, new.claim.text) == _clause_names(row["sentence"], row["text"]) \
        and _same_where(new, row, old_ents)
    if new.ents and old_ents and not shared and not by_clause:
        if not (new.topical and old_ents <= new.story and _names_nobody(row["sentence"], row["subject"])):
            return None  # both sentences name who or where, and not the same ones (or name nobody, each about its
            # article's topic, but the new article does not name the earlier one's)
        told_again = nameless = True  # both name nobody, each about its article's topic, which two reports may name
        # apart ("Dhaka", "Sidr"): only the shorter sentence's words told again inside the longer make it the same
    mine, theirs_id = identity(new.ents), identity(old_ents)
    if mine and theirs_id and not mine & theirs_id and not nameless and not by_clause:
        return None  # two companies or people ("Valley Federal Savings", "Benjamin Franklin Federal Savings")
    if new.record and shared and _record_told_again(new.record, row):
        return sum(idf.get(e, 0.0) for e in shared) + 10.0, frozenset(shared)  # a record of a past year, its sentence
        # told again word for word up to it: "China, which topped the medal table at the last Games in Busan in 2002
        # with 150"
    if new.volatile and new.record:
        return None  # a record told with a figure of the moment's words is the same only told again so
    theirs = context(row["sentence"], [*old_ents, *row["subject"].split(), row["subject_key"]])
    common = new.context & theirs
    union = len(new.ents | old_ents | new.context | theirs)
    jaccard = (len(shared) + len(common)) / union if union else 0.0
    e_score = sum(idf.get(e, 0.0) for e in shared)
    small = new.claim.kind == "count" and new.claim.value is not None and abs(new.claim.value) < SMALL
    # a figure with no subject is known by the words after it, which the earlier one must share ("in damages")
    of_same = bool(new.follows) and not row["subject_key"] and bool(new.follows & follows(row["sentence"], row["text"]))
    by_entities = ((bool(new.keys - {""}) or of_same) and not small and len(shared) >= MIN_SHARED and e_score >= MIN_SCORE
                   and len(common) >= MIN_CONTEXT)
    same_subject = bool(row["subject_key"]) and row["subject_key"] in new.keys  # "members" in both: a word in common
    by_statement = by_clause or jaccard >= MIN_JACCARD and len(shared) + len(common) + same_subject >= MIN_STATEMENT_WORDS
    if restated_only or (new.restated_only and not (settled and new.toll and new.keys - {""})):
        # a toll grows between reports, a small bare count could be anything, a figure beside "now" may have moved:
        # only a sentence restated nearly word for word is the same statement
        by_entities, by_statement = False, by_clause or by_statement and jaccard >= RESTATED_JACCARD
    if told_again:
        smaller = min(len(new.context), len(theirs)) if nameless else min(len(new.ents | new.context), len(old_ents | theirs))
        contained = (len(shared) + len(common)) / smaller if smaller else 0.0
        words = len(shared) + len(common) + same_subject
        by_entities, by_statement = False, contained >= (NAMELESS_TOLD_AGAIN if nameless else TOLD_AGAIN) \
            and words >= TOLD_AGAIN_WORDS  # (the noun counted is a telling word: "Van Heerden, based in Eindhoven,
        # employs 14,000 people")
        if whole:
            by_statement = contained >= 1.0 and SHORT_TOLD_AGAIN_WORDS <= words and smaller <= SHORT_SENTENCE_WORDS \
                and not nameless
    told = context(row["sentence"]) if by_statement and not by_entities else frozenset()  # read once, for both guards
    if by_statement and not by_entities and not new.keys - {""} and not _lead_told(new, row, told):
        return None
    if by_statement and not by_entities and not (new.fixed or new.settled or new.past) and not new.after <= told:
        return None  # the same words around it, but not what became of it: "were still in cyclone shelters" after "were
        # evacuated to cyclone shelters" is another statement (a thing's size or a finished event is told again in
        # other clauses: "the 1,000-bed hospital ... discharged its last patient")
    if not (by_entities or by_statement):
        return None
    return e_score + 10 * jaccard, frozenset(shared)


SAME_PERSON_WORDS = 3  # words of what is told (not "said" or "police") two sentences about one person share
_TITLES = frozenset("dr sir lord lady prof president minister general gen col capt judge former sen rep gov senator "
                    "governor king queen prince princess".split())
_GENDERED = frozenset("mr mrs ms miss".split())  # titles that tell a man from a woman, kept with the names
# words of a report, not of what it tells, which two sentences about two people share anyway
_REPORTING = frozenset("said say says told police officials official reported report added".split())


@lru_cache(maxsize=4096)
def _named_before(sentence: str, figure: str) -> frozenset[str]:
    """The names of the person an age stands in apposition to ("Dr. Barnett Slepian, 52," -> barnett, slepian), titles
    left out but one that tells a man from a woman ("Mrs Jones, 61," -> mrs, jones); empty when none does.  Read once
    per sentence and figure: the guards of one stored row (other_person, same_names, same_person) each ask."""
    m = re.search(r"((?:[A-Z][\w'\u2019.-]*\s+){0,3}[A-Z][\w'\u2019-]*),\s*" + re.escape(figure) + r"\s*[,)]", sentence)
    return frozenset(w.lower().rstrip(".") for w in m.group(1).split()) - _TITLES if m else frozenset()


def _age_by_surname(sentence: str, c: Claim) -> bool:
    """An age in apposition to one name alone ("Williams, 26,"): it may be any of a family (either sister), so only a
    sentence told again nearly word for word is about the same one."""
    return c.kind == "age" and len(_named_before(sentence, c.text) - _GENDERED) == 1


def _apart(mine: frozenset[str], theirs: frozenset[str]) -> bool:
    """Two people by their names: names that differ once their titles are left out ("Qusay Hussein", "Saddam
    Hussein"; "President Bush", "Former President George Bush"), or one title of a man and one of a woman ("Mr
    Jones", "Mrs Jones"); not "Mr Ebbers" and "Ebbers"."""
    names_differ = mine - _GENDERED != theirs - _GENDERED
    titles = mine & _GENDERED, theirs & _GENDERED
    return names_differ or (bool(titles[0]) and bool(titles[1]) and titles[0] != titles[1])


def other_person(new: _New, row: dict[str, Any]) -> bool:
    """Two ages each in apposition to the names of two people (_apart), however alike their sentences."""
    mine, theirs = _people(new, row)
    return bool(mine) and bool(theirs) and _apart(mine, theirs)


def same_names(new: _New, row: dict[str, Any]) -> bool:
    """Two ages each in apposition to one person's full name, a given name and a surname at least ("Barnett Slepian,
    52," twice): a surname alone may be any of a family ("Williams, 28" and "Williams, 26")."""
    mine, theirs = _people(new, row)
    return len(mine - _GENDERED) >= 2 and not _apart(mine, theirs)


def _people(new: _New, row: dict[str, Any]) -> tuple[frozenset[str], frozenset[str]]:
    """The names an age stands in apposition to in the new sentence and in the earlier one (empty for none, or for
    a figure that is no age)."""
    c = new.claim
    if c.kind != "age":
        return frozenset(), frozenset()
    return _named_before(new.sentence, c.text), _named_before(row["sentence"], row["text"])


def same_person(new: _New, row: dict[str, Any]) -> tuple[float, frozenset[str]] | None:
    """An age told in apposition to one person's full name in both reports ("Barnett Slepian, 52, an obstetrician and
    gynecologist, was shot ..." and "Barnett Slepian, 52, and the father of four boys, was shot ..."), or None: the
    same names (same_names), another name or place in common, and SAME_PERSON_WORDS words of what they tell."""
    from ...history.keys import context

    if not row["subject_key"] or row["subject_key"] not in new.keys or not same_names(new, row):
        return None
    mine = _people(new, row)[0]
    shared = new.ents & frozenset(row["entities"].split())
    if len(shared - mine) < 1 or len(new.context & context(row["sentence"]) - _REPORTING) < SAME_PERSON_WORDS:
        return None  # (not "Smith, 62, was found dead at his home" and "Smith, 45, was charged with murder")
    return float(len(shared)), frozenset(shared)


# a sum told as mounting up to the time of the report: "the company has lost about Rs 38 crore" in a strike's fourth
# day, "losses have mounted to", which a later report may give higher
_MOUNTING = re.compile(r"(?:\b(?:has|have)\s+(?:so\s+far\s+|already\s+)?(?:lost|cost|mounted\s+to|risen\s+to|climbed\s+to)\b"
                       r"[^.;]{0,40}|\balready\b[^.;]{0,60})$", re.I)  # ("have already offered grants and loans worth")


def told_mounting(row: dict[str, Any]) -> bool:
    """Whether the earlier sentence told its figure as mounting up to then (_MOUNTING right before it)."""
    sentence, figure = row["sentence"], row["text"]
    at = sentence.find(figure)
    return at > 0 and bool(_MOUNTING.search(sentence[:at]))


# where a sentence's statements part: a clause after ", and", ", but", ", while" (history/keys.CLAUSE_JOIN), a semicolon
_STATEMENTS = re.compile(CLAUSE_JOIN + r"|;\s+")
CLAUSE_WORDS = 5  # content words two statement clauses share, at least, to be one statement told again


def _statement_clause(sentence: str, figure: str) -> str:
    """The statement clause holding a figure in its sentence ("2,400 police and soldiers were deployed to guard ballot
    boxes during the count" of "..., and 2,400 police ... count."; the sentence when it is one statement)."""
    found = re.search(r"(?<![\d,.])" + re.escape(figure) + r"(?!\d)", sentence)  # (not "40" inside "240")
    if found is None:
        return ""
    at = found.start()
    cuts = list(_STATEMENTS.finditer(sentence))
    start = max((m.end() for m in cuts if m.end() <= at), default=0)
    end = min((m.start() for m in cuts if m.start() > at), default=len(sentence))
    return sentence[start:end]


@lru_cache(maxsize=4096)
def _clause_names(sentence: str, figure: str) -> frozenset[str]:
    """The names a figure's statement clause gives: two clauses told alike of different names are two statements."""
    from ...history.keys import entities

    clause = _statement_clause(sentence, figure)
    return frozenset(entities(clause)) - _first_word(clause)  # ("Engineers said ...": capitalised for its place)


@lru_cache(maxsize=4096)
def _clause_words(sentence: str, figure: str) -> frozenset[str]:
    """The content words of a figure's statement clause (_statement_clause)."""
    from ...history.keys import context

    clause = _statement_clause(sentence, figure)
    return context(clause) if clause else frozenset()


def _same_where(new: _New, row: dict[str, Any], old_ents: frozenset[str]) -> bool:
    """Whether two sentences whose clause is told alike may be of one place: their datelines name the same place (or
    one has none), and they share a name or one names nobody but its first word ("MANILA ... 2,100 police and
    soldiers were deployed" and "CEBU CITY ... 3,100 police and soldiers were deployed" are two)."""
    mine, theirs = _DATELINE_PLACE.match(new.sentence), _DATELINE_PLACE.match(row["sentence"])
    if mine and theirs and mine.group(1) != theirs.group(1):
        return False
    return bool(new.ents & old_ents) or not new.ents - _first_word(new.sentence) \
        or not old_ents - _first_word(row["sentence"])


_DATELINE_PLACE = re.compile(r"\s*([A-Z][A-Z .'-]{2,}),")


def _clause_told_again(mine: frozenset[str], theirs: frozenset[str]) -> bool:
    """Whether two statement clauses, one of them cut from a longer sentence, are one statement told again: they share
    CLAUSE_WORDS content words or more and RESTATED_JACCARD of their words, as a sentence restated nearly word for word
    does."""
    common = mine & theirs
    return len(common) >= CLAUSE_WORDS and len(common) >= RESTATED_JACCARD * len(mine | theirs)


def _clause_of(text: str, c: Claim, span: tuple[int, int]) -> str:
    """The words of the figure's clause, SETTLED_REACH either way, cut at a comma, semicolon or "and": "were still in
    cyclone shelters", not "..., remains the Middle East's largest" nor "... and will remain listed"."""
    before = re.split(r"[,;:(]|\band\b", text[max(span[0], c.start - SETTLED_REACH):c.start])[-1]
    after = re.split(r"[,;:(]|\band\b", text[c.end:min(span[1], c.end + SETTLED_REACH)], maxsplit=1)[0]
    return before + c.text + after


def _verbs_after(text: str, at: int, sentence_end: int) -> str:
    """The finite verbs of the AFTER_REACH characters after a figure, in its clause: what became of it ("were
    evacuated", "have returned"), not who said so after a comma, a word that only qualifies it ("common shares",
    "people working in 20 countries") or a name ("Boeing")."""
    from ...history.keys import vocabulary

    window = re.split(r"[,;:(]", text[at:min(at + AFTER_REACH, sentence_end)], maxsplit=1)[0]
    if at + AFTER_REACH < sentence_end and len(window) == AFTER_REACH:
        window = window.rsplit(" ", 1)[0]
    past = vocabulary().past.single
    return " ".join(w for w in re.findall(r"\b[a-z]+\b", window) if len(w) > 4 and w.endswith("ed") or w in past)


@lru_cache(maxsize=4096)
def _names_nobody(sentence: str, subject: str) -> bool:
    """Whether a stored claim's sentence names nobody who tells it apart (its entities are its article's topic); read
    once per stored sentence."""
    from ...history.keys import entities, identity

    return not identity(entities(sentence, subject) - _first_word(sentence))


LEAD_REACH = 50  # the characters before a figure with no subject that say what it is ("fixed the plan outlay at"),
_COPULA_END = re.compile(r"\b(?:is|are|was|were|be|been)\s+$", re.I)  # but not a subject's complement
_CLAUSE_START = re.compile(r"[,;:(]|\b(?:and|with|while|but|or)\b", re.I)  # back to its clause's start


def lead_words(sentence: str, figure: str) -> frozenset[str] | None:
    """The content words that lead a figure, back to its clause's start ("fixed the plan outlay at"), read once per
    figure for _lead_told; None after a copula, whose subject may be told another way ("The former world number one
    was 22 when she retired" after "Hingis was 22 ...")."""
    from ...history.keys import context

    found = re.search(r"(?<![\d.,])" + re.escape(figure) + r"(?![\d])", sentence)  # the figure, not its digits
    at = found.start() if found else -1  # inside another ("200 crore" in "1,200 crore")
    window = sentence[max(0, at - LEAD_REACH):max(at, 0)]
    if at > LEAD_REACH:
        window = window.split(" ", 1)[-1]  # not the tail of a word cut by the reach
    if _COPULA_END.search(window):
        return None
    return context(_CLAUSE_START.split(window)[-1])


def _lead_told(new: _New, row: dict[str, Any], told: frozenset[str] | None = None) -> bool:
    """Whether the words that lead a figure with no subject (``new.lead``) are in the earlier sentence too (``told``:
    its words, when the caller has read them): "The budget fixed the plan outlay at Rs 9,200 crore and projects a
    fiscal deficit of 3.9 pc" tells another sum than "..., and the revenue deficit at Rs 2,140 crore", however much
    of the rest the two sentences share."""
    from ...history.keys import context

    return not new.lead or bool(new.lead & (told if told is not None else context(row["sentence"])))


def stated_beside(new: _New, row: dict[str, Any]) -> bool:
    """The earlier figure is another figure of the new claim's own sentence: "GM swapped a 6% stake in itself
    for 20% of Fiat" does not contradict "a 20% stake" of an earlier report, it states it.  A one-sided bound states
    no figure ("at altitudes above 4,000 meters" beside "about 550 km running over permafrost")."""
    theirs = old_interval(row)
    unit = new.claim.canonical.unit if new.claim.canonical is not None else None  # the lookup's, so the row's
    return any(u == unit and not (math.isinf(iv[0]) or math.isinf(iv[1]))
               and not (below(iv, theirs) or below(theirs, iv)) for u, iv in new.siblings)


def told_in_earlier(new: _New, row: dict[str, Any]) -> bool:
    """Whether the earlier sentence states the new figure itself, as another figure of its unit than the one matched
    ("licensed to carry 250 passengers" after "carrying about 600 passengers, more than twice its licensed capacity
    of 250"): no contradiction.  It reads the earlier sentence's figures, so the callers ask it last, of a row that
    matched already (every other test is cheaper)."""
    c = new.claim
    if c.canonical is None:
        return False
    mine = new_interval(c)
    for o in _figures_of(row["sentence"]):
        iv = new_interval(o)
        if o.canonical is not None and o.canonical.unit == c.canonical.unit and o.text != row["text"] \
                and not (math.isinf(iv[0]) or math.isinf(iv[1]) or vague(iv)) and not (below(iv, mine) or below(mine, iv)):
            return True
    return False


@lru_cache(maxsize=4096)
def _figures_of(sentence: str) -> tuple[Claim, ...]:
    """The figures of an earlier report's sentence, read once."""
    from ...extract import extract

    return tuple(o for o in extract(sentence) if o.kind in CHANGE_KINDS)


def dated_alike(new: _New, row: dict[str, Any]) -> bool:
    """Two figures each set on days their own sentences name are about one time only where those days meet:
    "arrived on Saturday for a five-day visit" and "arrived on Monday for a three-day visit" are two visits.
    (A figure timed by its report's publication, no day named beside it, is about "now", and a week either way is the
    same now; a thing's fixed size, "the 1,000-bed hospital ... discharged its last patient on Friday", is of no one
    time.)"""
    if new.t is None or not new.dated or new.fixed:
        return True
    own_date = (row["t_start"], row["t_end"]) != (row["published"], row["published_end"] or row["published"]) \
        or _names_its_day(row)  # "rose to 24.6 meters on Tuesday morning": the day it was published, named
    return not own_date or (new.t[0] <= row["t_end"] and row["t_start"] <= new.t[1])


# the day a figure is of, named beside it, which may be the day of its report: "on Tuesday morning", "yesterday"
_NAMES_ITS_DAY = re.compile(r"\b(?:on\s+(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|today|yesterday|tonight)\b", re.I)
_SAID_BEFORE = re.compile(r"\b(?:said|says|told|announced|reported|added|confirmed)\s+(?:\w+\s+)?$", re.I)
DAY_REACH = 30  # characters either side of a stored figure in which the day it is of is named


def _names_its_day(row: dict[str, Any]) -> bool:
    """Whether a stored figure's sentence names its day right beside it ("rose to 24.6 meters on Tuesday morning, 6.6
    meters above"), not the day it was said ("officials said on Tuesday")."""
    sentence = row["sentence"]
    at = sentence.find(row["text"])
    if at < 0:
        return False
    lo, hi = max(0, at - DAY_REACH), min(len(sentence), at + len(row["text"]) + DAY_REACH)
    return any(not _SAID_BEFORE.search(sentence, max(0, m.start() - 30), m.start())
               for m in _NAMES_ITS_DAY.finditer(sentence, lo, hi))


def apart(a: tuple[float, float], b: tuple[float, float]) -> bool:
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


def grain_of(t: tuple[str, str]) -> tuple[int, int] | None:
    """The grain (day, month, year) of a time interval, as bounds on its extra days; None beyond (about) a year."""
    from datetime import date

    extra = (date.fromisoformat(t[1]) - date.fromisoformat(t[0])).days
    return next((g for g in GRAINS if g[0] <= extra <= g[1]), None)


def needs_subject(c: Claim) -> bool:
    """A small bare count with no subject could be anything (a minute, a shirt number, a ranking): it is matched
    only on a sentence restated nearly word for word ("Mr Hague became an MP at 27 and Leader of the Opposition
    at 36"), where it fills the same place.

    Counts of a thousand or more, and measures, money, percentages and
    durations, are telling enough to match on a sentence that says much the same.
    """
    if c.kind != "count" or c.unit:
        return False
    return abs(c.value if c.value is not None else 0.0) < BIG_BARE


def year_like(c: Claim) -> bool:
    """A bare count written as a year ("in 1998"), which no subject makes a count of anything."""
    v = c.value if c.value is not None else 0.0
    return c.kind == "count" and not c.unit and 1900 <= v <= 2100 and c.text.strip().isdigit()


def vague(iv: tuple[float, float]) -> bool:
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


def bound_told_again(new: "_New", row: dict[str, Any]) -> bool | None:
    """Whether the figure changed, where both are bounds of the same side ("more than 3,000") in sentences told
    again nearly word for word (RESTATED_JACCARD of their content words): "More than 3,000 small savers lost money"
    and "More than 5,000 small savers lost money" overlap as bounds, yet the restatement changed the figure.  None
    for any other pair."""
    from ...history.keys import context

    c = new.claim
    if c.qualifier not in QUALIFIERS[2:] or row["qualifier"] != c.qualifier or c.canonical is None:
        return None
    mine, theirs = context(new.sentence), context(row["sentence"])
    if not mine or len(mine & theirs) < RESTATED_JACCARD * len(mine | theirs):
        return None
    mine_point, theirs_point = (c.canonical.value,) * 2, (row["canon_value"],) * 2
    return below(mine_point, theirs_point) or below(theirs_point, mine_point)


def days_since(published: date | None, row: dict[str, Any]) -> int | None:
    """Days from an earlier report's publication to ``published`` (None when either is unknown)."""
    if published is None or not row["published"]:
        return None
    return (published - date.fromisoformat(row["published"][:10])).days


def below(a: tuple[float, float], b: tuple[float, float]) -> bool:
    """Interval a lies wholly below b, beyond rounding slack on both sides."""
    return a[1] + abs(a[1]) * REL_TOL < b[0] - abs(b[0]) * REL_TOL


def new_interval(c: Claim) -> tuple[float, float]:
    canon = c.canonical
    if canon is None:
        return (-math.inf, math.inf)
    factor = canon.value / c.value if c.value not in (None, 0) else 1.0
    scale = (lambda x: None if x is None else x * factor)
    return _interval(canon.value, scale(c.low), scale(c.high), c.qualifier)


def old_interval(row: dict[str, Any]) -> tuple[float, float]:
    return _interval(row["canon_value"], row["canon_low"], row["canon_high"], row["qualifier"])


def _fmt(x: float) -> str:
    return number(x, 6)


def span_text(iv: tuple[float, float], c: Claim | None = None) -> str:
    """An interval for a message, in the new claim's stated unit (29 years, not 9.15e+08 seconds)."""
    factor, unit = 1.0, ""
    if c is not None and c.canonical is not None and c.value not in (None, 0) and c.canonical.value:
        factor = c.canonical.value / c.value
        unit = c.unit if c.kind in ("measure", "duration", "age") and c.unit else ""
    lo, hi = iv[0] / factor, iv[1] / factor
    text = between(lo, hi, render=_fmt, sep="–")
    return f"{text} {unit}" if unit else text


def about(row: dict[str, Any]) -> str:
    return f"the same subject ({row['subject_key']})" if row["subject_key"] else "the same statement"


def cite(row: dict[str, Any]) -> tuple[str, Related, dict[str, Any]]:
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


def best_match(new: _New, rows: list[dict[str, Any]], idf: dict[str, float], eligible, conflicts, agrees=None,
               restated_only: bool = False, settled: bool = False,
               score=None) -> tuple[dict[str, Any], frozenset[str]] | None:
    """The surest matching stored claim that conflicts with the new one (ties: the latest report).

    A sentence that also holds a matching claim which agrees is no contradiction:
    it states several figures ("Unison's 800,000, the TGWU's 70,000 and
    Amicus' 20,000") and the new one is among them.  (Another sentence of the
    report agreeing proves nothing: "a super union of two million members" does
    not make "Amicus has 2.2 million members" right.)  A figure that neither
    conflicts nor ``agrees`` (default: every one that does not conflict) is
    another thing in the sentence: "in 11 years" is not borne out by "in a
    fortnight".  ``restated_only``: match only sentences restated nearly word for word; ``settled``: see _score;
    ``score``: a row's _score computed beforehand (the caller has scored the rows already).
    """
    if score is None:
        def score(row: dict[str, Any]) -> tuple[float, frozenset[str]] | None:
            return _score(new, row, idf, restated_only, settled)

    agreeing: set[tuple[int, str]] = set()
    best = None
    for row in rows:
        if not eligible(row):
            continue
        s = score(row)
        if s is None:
            continue
        if not conflicts(row):
            if agrees is None or agrees(row):
                agreeing.add((row["report_id"], row["sentence"]))
            continue
        rank = (s[0], row["published"] or "", row["id"])
        if best is None or rank > best[0]:
            best = (rank, row, s[1])
    if best is None:
        return None
    if (best[1]["report_id"], best[1]["sentence"]) in agreeing:
        return best_match(new, [r for r in rows if (r["report_id"], r["sentence"]) not in agreeing], idf, eligible,
                          conflicts, agrees, restated_only, settled, score)
    return best[1], best[2]
