"""NC401 contradicts-earlier-report: a figure contradicting an earlier report about the same subject and time."""
from __future__ import annotations

from datetime import date
from functools import lru_cache
from typing import Any, Callable, Iterator

from ...model import Claim, Finding
from .._digits import one_digit_changed, shown, significant
from ..base import Context, HistoryStore
from ._common import (AGE_DAYS, CHANGE_KINDS, CONVERSION_DAYS, CONVERSION_SLACK, DAY_SECONDS, PLACE_DAYS,
                      SHORT_TOLD_DAYS,
                      MAX_CANDIDATES, SETTLED_CANDIDATES, SETTLED_DAYS, STATE_DAYS, TOLD_LATE_DAYS, WINDOW_DAYS,
                      HistoryCheck, _New, _score, about, another_occasion, apart, below, best_match,
                      bound_told_again, cite, days_since, other_person,
                      provisional, same_names, same_person, told_in_earlier, told_mounting, told_moved, grown_part,
                      dated_alike, grain_of, moment_words, stated_beside, new_interval, old_interval, prepared,
                      span_text, vague, year_like)


class ContradictsEarlierReport(HistoryCheck):
    """A figure contradicts an earlier report about the same subject and time, and the text marks no change.

    What it flags:
    A figure whose subject, time and telling words (Kursk, Pyongyang) match a
    claim stored from an earlier report, when the two intervals cannot both
    be true ("more than 10,000" allows 10,000 and up, "about 2,000" 10% either
    way).  A text that says the figure moved ("revised", "now", "rose to",
    "updated", "missing", "remaining") is news, not an error; figures more than
    20 times apart are different things, and so are figures about two
    companies or people: the names that tell them apart (not "Federal" or
    "Savings") must meet, and a sentence naming nobody ("the company earned")
    is about its article's most frequent name.  A money, measure or
    percentage figure with no subject is matched on telling names only when
    the words after it say what it is of in both reports ("$20bn in
    damages").  Figures of the moment (a market's session, "closed at", "in
    trading", "gained 14.56 points"; a change with the level it reaches, "fell
    32 cents to $49.74", and the levels a change moves between; a price per
    unit, "$9.58 a share"; scores and index points) are compared only with a
    report published the same day that tells the sentence again nearly word
    for word, at the same moment ("closed", "in morning trading", "at 5
    p.m."): another day's, or another hour's, may rightly differ.  Two
    figures set on days their own sentences name are about one time only
    where those days meet; an age may move on by a birthday, and an age in
    months is not one in years.  One person's age in apposition to their
    full name ("Barnett Slepian, 52, an obstetrician ...") is compared with
    reports of the past year (AGE_DAYS), a birthday allowed, told again or in
    other words (a place and three words in common); an age by a surname
    alone or a title may be any of a family ("Williams, 28", "Mrs Jones"),
    and two names are two people ("Qusay Hussein", "Saddam Hussein").  A toll grows as reports come in, so a figure
    whose own clause tells of the killed or injured (not "the 16 defendants
    charged over the fire that killed 155") is compared only with one it
    restates nearly word for word; so is a small count with no subject
    ("Leader of the Opposition at 36"), and a figure beside a change cue
    ("now 45% of ...") that the earlier sentence has too.  An earlier figure
    told as mounting ("has already offered", "has so far cost") may be passed
    by a later one, and one dated by a day named beside it ("rose to 24.6
    meters on Tuesday morning", not "said on Tuesday") is of that day.  An earlier figure that the new
    sentence itself states beside the new one is not contradicted by it, and
    a figure of another size in the earlier sentence ("in a fortnight" beside
    "in 11 years") does not bear the new one out.

    Most figures are of their report's week; some kinds stay true for months
    and are compared with reports of the past year (background copy carries
    them unchanged): a finished event's toll, told in the simple past ("the
    bombings killed 224 people, including 12 Americans", also when its
    sentence dates the event, "on Aug. 7, 1998"; a higher one contradicts it
    only once earlier reports weeks apart gave it alike, as for any toll a
    week or more older, or once an earlier report gave it two months or
    more after the event its sentence dates), a
    length of time (which may have grown by the time between the reports),
    a thing's fixed size joined to it by a hyphen ("the 30-share DAX
    index", even in a market sentence; not a score, "a 40-run victory"),
    where a place lies ("Samawah, about 270 kilometers southeast of
    Baghdad", "5,072 meters above sea level"; not what moves, "the typhoon
    was 650 kilometres east of Manila"; a named place's sentence told again
    is compared over ten years, PLACE_DAYS), and any other happening told in the
    simple past in a sentence that names someone ("Rodriguez Saa suspended
    payments on Argentina's public debt of 132 billion dollars"; not a
    period's level, "turnovers totaled 1.8 billion shares", nor an age).
    A standing state in a sentence that names someone ("the ANC holds 264 of
    the 400 seats", "the German company has an annual capacity of 4.2
    million tonnes", a share "owned by" someone: history_cues.txt [stake])
    is compared with reports of the past half year; not a
    state still moving ("now", "so far", "stands at", "are holding"), a
    rate, or an earlier figure beside a change cue ("slipped to 22 from
    44").  Such a figure with no subject, any happening told in the past
    and any standing state are matched only on a sentence told again: the
    shorter of the two sentences is told inside the longer (80% of its
    telling words, at least six).  Any other level told in a sentence naming
    someone or somewhere is matched so too, with reports of the past half
    year, background copy carried over ("The managers are accused of
    defrauding some 3,400 small investors of 86 million euros"), when the two
    differ in one digit (a mistyped copy, not an update); not a change
    ("shares rose 1.9 per cent after the results"), a rate, a state in flux,
    a toll, a running count or an age.  A figure with no subject matched by its statement must be led
    by words the earlier sentence has ("fixed the plan outlay at" is another
    sum than "the revenue deficit at").  A count of a span still running at
    publication ("40 ships have been hijacked this year", "has driven
    250,000 people from their homes since August") may have grown: only a
    lower one contradicts.  An earlier figure told as the level a change
    moved it to ("raised its pay offer to striking teachers to 9 billion
    shillings", and the amount it converts) is of its moment: a later figure
    not led by what moved ("agreed to pay 14 billion shillings") does not
    contradict it.  A count between an earlier whole and the part told of
    it, led by the part's words ("results counted from 2,800 polling
    centres" after "votes counted from 1,400 of the country's 3,900 polling
    centres"), is the part grown, not the whole told otherwise.  A cue of
    change before one side of a conversion
    ("the improved offer values it at 7.2 billion euros (9.2 billion
    dollars)") tells the other side's move too.  Two sentences that name
    nobody, each about its report's topic named apart ("Dhaka", "Sidr"), are
    one statement when the shorter is told again inside the longer and the
    new report names the earlier one's topic; a statement matched by its
    words must tell the verbs after the figure as the earlier one does, and
    a state told as lasting on ("still", "so far") must be so in both.

    A sum of money the text converts ("200,000 yuan (25,000 U.S. dollars)")
    is compared, whatever the two reports are about, with what reports of
    the fortnight either side converted the same amount to: the same amount
    converts alike, give or take 10% for two weeks' move of the rate and a
    stale one.  A conversion that a reference rate of the day bears out is
    not compared (the earlier report is the wrong one); so this finds a
    mistyped conversion where no reference rate covers the day (NC102 says
    it could not check it), and says more of one the rate finds wrong.  A
    sum converted into two currencies at once is left out.  The finding
    cites the earlier report, its date and its sentence.

    Why it matters:
    A figure restated from an earlier story and changed on the way, without a
    word that it changed, tells readers of both stories two different facts.

    Anti-pattern:
        (earlier report, published 2025-01-28) More than 10,000 North Korean troops are fighting in Kursk, officials in Seoul said.
        (published 2025-02-03) About 8,000 North Korean troops are fighting in Kursk, officials in Seoul said.

    Best practice:
        (earlier report, published 2025-01-28) More than 10,000 North Korean troops are fighting in Kursk, officials in Seoul said.
        (published 2025-02-03) Pyongyang now has about 8,000 North Korean troops in Kursk, down from more than 10,000, officials in Seoul said.

    Options:
    A history store (``--history``, ``history=``; build one with ``numcheck
    history add``) and a publication date; silent without either.
    """

    code = "NC401"
    name = "contradicts-earlier-report"
    severity = "warning"

    def _run(self, ctx: Context, store: HistoryStore) -> Iterator[Finding]:
        from ...history.keys import cues, vocabulary
        from ...history.store import shift

        time_cues, change_cues, ongoing_cues = vocabulary().time, vocabulary().change, vocabulary().still
        news, dig, idf = prepared(ctx, store)
        for new in news:
            c = new.claim
            if new.converts:
                found_conv = list(self._conversion(ctx, store, new, dig))
                if found_conv:
                    yield from found_conv
                    continue
            if new.volatile and not new.record and c.kind in CHANGE_KINDS:
                yield from self._same_session(ctx, store, new, dig, idf)
                continue
            if (c.kind not in CHANGE_KINDS or new.t is None or new.cumulative or (new.volatile and not new.record)
                    or c.canonical is None or (not new.keys - {""} and year_like(c))):
                continue
            grain = grain_of(new.t)
            if grain is None:
                continue  # about a span longer than a year: too vague in time to compare
            rows = store.lookup(new.keys, c.canonical.unit, shift(new.t[0], -(WINDOW_DAYS + grain[1])),
                                shift(new.t[1], WINDOW_DAYS), exclude_digest=dig, limit=MAX_CANDIDATES,
                                ends_after=shift(new.t[0], -WINDOW_DAYS), kind=c.kind, change=c.change,
                                cumulative=False, span=grain)
            mine = new_interval(c)
            if vague(mine):
                continue

            def eligible(row: dict[str, Any], timed: bool = True) -> bool:
                # kind, change, running total and time overlap are already narrowed by the lookup (an age holds
                # whatever day its sentence names: ``timed`` False)
                if vague(old_interval(row)) or (timed and not dated_alike(new, row)) or stated_beside(new, row) \
                        or provisional(row) or other_person(new, row) or told_moved(row, new.lead) \
                        or grown_part(row, mine, c.kind, new.lead):
                    return False
                if new.changed and not new.changed <= cues(change_cues, row["sentence"]):
                    return False  # the text says the figure moved ("now", "revised to"), and the earlier one did not
                if new.ongoing and not new.ongoing <= cues(ongoing_cues, row["sentence"]):
                    return False  # a state still moving ("were still in shelters"), which the earlier one was not
                return not new.times or new.times <= cues(time_cues, row["sentence"])

            def conflicts(row: dict[str, Any]) -> bool:
                if c.kind == "age" and row["unit"] != c.unit:
                    return False  # "their 6-month-old son" and "his 6-year-old son" are two children
                theirs = old_interval(row)
                if c.kind == "age" and c.unit == "year" and c.value and c.canonical is not None:
                    year = c.canonical.value / c.value  # a birthday between two reports: "Thanou, 29" ... "30"
                    theirs = (theirs[0] - year, theirs[1] + year)
                if below(theirs, mine) and (new.running or told_mounting(row)
                                            or _grown(new, row, lambda: _telling(new, row, rows, same_fact()), ctx.published)):
                    return False  # a count of a span still running, or a toll, that grew since the earlier report
                return (below(mine, theirs) or below(theirs, mine)) and not apart(mine, theirs)

            def score(row: dict[str, Any]) -> tuple[float, frozenset[str]] | None:
                """_score, then (dearer, so last) whether the earlier sentence states the new figure itself."""
                matched = _score(new, row, idf, bool(new.changed))
                return None if matched is None or told_in_earlier(new, row) else matched

            @lru_cache(maxsize=1)
            def same_fact() -> list[dict[str, Any]]:
                """The earlier reports matched as the same fact (rows that pass _score), for _grown: read once, and
                only for a toll that has grown."""
                return [r for r in rows if eligible(r) and score(r) is not None]

            def agrees(row: dict[str, Any]) -> bool:
                return not conflicts(row) and not apart(mine, old_interval(row))

            # a change cue the earlier sentence has too ("now 45% of ...") marks no move, but only a sentence
            # restated nearly word for word is known to be the same statement
            found = best_match(new, rows, idf, eligible, conflicts, agrees, restated_only=bool(new.changed), score=score)
            aged = c.kind == "age" and c.unit == "year"
            if found is None and not new.changed and (new.settled or new.past or new.state or aged):
                # (a settled figure with no subject, or one told in the past: only a sentence told again matches)
                # (a standing state: not against a level a change left or reached, "down from 44": another time's)
                # (an age in years, which moves on by a birthday a year at most)
                only_state = not (new.settled or new.past)
                found = self._settled_match(new, store, dig, idf,
                                            (lambda r: eligible(r, timed=not aged) and not r["changed"]) if only_state
                                            else eligible,
                                            ctx.published_end or ctx.published,
                                            told_again=not (new.settled and new.keys - {""}),
                                            days=SETTLED_DAYS if not only_state else AGE_DAYS if aged else STATE_DAYS)
            if found is None and new.located and not new.changed:
                # (where a named place lies, told again years on: "Samawah, about 270 kilometers southeast of Baghdad")
                found = self._settled_match(new, store, dig, idf, eligible, ctx.published_end or ctx.published,
                                            told_again=True, days=PLACE_DAYS)
            if found is None and _carried_over(new):
                found = self._settled_match(new, store, dig, idf,
                                            lambda r: eligible(r) and not r["changed"] and _one_digit_apart(c, r),
                                            ctx.published_end or ctx.published, told_again=True, days=STATE_DAYS)
                if found is None and new.past and _two_digits(c):  # a short sentence of a finished happening told
                    # again whole within the month ("Police arrested 64 people in Lagos."): too few words to be known
                    # the same statement months on, but a digit changed in copy carried over weeks later is a slip (not
                    # a standing state, which moves: "The fund holds 2.4 billion dollars.")
                    found = self._settled_match(new, store, dig, idf,
                                                lambda r: eligible(r) and not r["changed"] and _one_digit_apart(c, r),
                                                ctx.published_end or ctx.published, told_again=True,
                                                days=SHORT_TOLD_DAYS, whole=True)
            if found is None:
                continue
            row, shared = found
            where, related, evidence = cite(row)
            theirs = old_interval(row)
            evidence["shared_entities"] = sorted(shared)
            yield ctx.finding(
                self, c.start, c.end,
                f"{c.text!r} ({span_text(mine, c)}) contradicts {row['text']!r} ({span_text(theirs, c)}) in an earlier report "
                f"({where}) about {about(row)}; the text marks no revision",
                related=[related], evidence=evidence)

    def _conversion(self, ctx: Context, store: HistoryStore, new: _New, digest: str) -> Iterator[Finding]:
        """A sum of money the text converts, against what a report of the fortnight either side (CONVERSION_DAYS)
        converted the same amount to: "200,000 yuan (95,000 U.S. dollars)" after "200,000 yuan (25,000 U.S.
        dollars)".  Whatever the two reports are about, the same amount converts alike, give or take two weeks'
        move of the rate and a stale rate (CONVERSION_SLACK beyond each figure's rounding)."""
        from ...history.keys import CONVERTED
        from ...history.store import shift
        from ..conversions._common import rate_vouches

        c = new.claim
        conv = new.conversion
        if new.t is None or c.canonical is None or new.changed or conv is None or rate_vouches(ctx, conv):
            return
        rows = store.lookup([new.converts], c.canonical.unit, shift(new.t[0], -CONVERSION_DAYS),
                            shift(new.t[1], CONVERSION_DAYS), exclude_digest=digest, limit=MAX_CANDIDATES,
                            kind="money", change=c.change, converted=True)
        mine = new_interval(c)
        lo, hi = mine[0] * (1 - CONVERSION_SLACK), mine[1] * (1 + CONVERSION_SLACK)
        for row in rows:
            theirs = old_interval(row)
            if theirs[1] < lo or theirs[0] > hi:
                where, related, evidence = cite(row)
                source = conv.src.text if conv.dst is c else conv.dst.text
                evidence["converted"] = new.converts[len(CONVERTED):]
                yield ctx.finding(
                    self, c.start, c.end,
                    f"{c.text!r} converts {source}, which an earlier report ({where}) converted to {row['text']!r} "
                    f"({span_text(theirs, c)}); the same amount two weeks apart converts within "
                    f"{CONVERSION_SLACK:.0%} of that", related=[related], evidence=evidence)
                return

    def _same_session(self, ctx: Context, store: HistoryStore, new: _New, digest: str,
                      idf: dict[str, float]) -> Iterator[Finding]:
        """A figure of the moment (a market's close, a level a change reached) against a report published the same day
        that tells its sentence again nearly word for word, with the same moment words ("closed", "in trading"): two
        reports of one day's session give its figures alike.  (Another day's, or the morning's against the close,
        may rightly differ.)"""
        from ...history.store import shift

        c = new.claim
        if ctx.published is None or new.t is None or c.canonical is None or new.changed or new.cumulative \
                or ctx.published_end not in (None, ctx.published):
            return
        day = ctx.published.isoformat()
        rows = store.lookup(new.keys, c.canonical.unit, shift(day, -1), shift(day, 1), exclude_digest=digest,
                            limit=MAX_CANDIDATES, kind=c.kind, change=c.change, cumulative=False)
        mine, moments = new_interval(c), moment_words(new.sentence)
        for row in rows:
            if (row["published"] or "")[:10] != day or (row["published_end"] or row["published"])[:10] != day \
                    or moment_words(row["sentence"]) != moments or stated_beside(new, row) or provisional(row):
                continue
            theirs = old_interval(row)
            if apart(mine, theirs) or not (below(mine, theirs) or below(theirs, mine)) \
                    or _score(new, row, idf, restated_only=True) is None or told_in_earlier(new, row):
                continue
            where, related, evidence = cite(row)
            yield ctx.finding(
                self, c.start, c.end,
                f"{c.text!r} ({span_text(mine, c)}) contradicts {row['text']!r} ({span_text(theirs, c)}) in a "
                f"report of the same day ({where}) telling the same session's figures; the text marks no revision",
                related=[related], evidence=evidence)
            return

    @staticmethod
    def _settled_match(new: _New, store: HistoryStore, digest: str, idf: dict[str, float],
                       eligible: Callable[[dict[str, Any]], bool], published: date | None,
                       told_again: bool = False, days: int = SETTLED_DAYS,
                       whole: bool = False) -> tuple[dict[str, Any], frozenset[str]] | None:
        """A finished event's toll, a length of time or a thing's fixed size ("the 30-share DAX") that an earlier
        report of the past weeks or months (SETTLED_DAYS) gave otherwise: background copy carries such facts
        unchanged, and the earlier report may have dated the event ("perished ... in late November").  A length
        of time may have grown by the time between the reports (and a unit of rounding); a toll may have grown as
        reports came in, so only a lower one contradicts, or a higher one than a toll that has stopped growing."""
        from ...history.store import shift

        c = new.claim
        assert new.t is not None and c.canonical is not None
        # an event its sentence dates ("killed 224 people ... on Aug. 7, 1998") was reported on from that day on
        last = max(new.t[1], published.isoformat()) if published is not None else new.t[1]
        rows = store.lookup(new.keys, c.canonical.unit, shift(new.t[0], -days),
                            last, exclude_digest=digest,
                            limit=SETTLED_CANDIDATES, kind=c.kind, change=c.change, cumulative=False)
        mine = new_interval(c)
        def told_again_of(r: dict[str, Any]) -> tuple[float, frozenset[str]] | None:
            if another_occasion(new, r) or (c.kind == "age" and not same_names(new, r)):
                return None  # (an age of no one named, past the week: a formula told of many, "The victim, a
                # 23-year-old man")
            return _score(new, r, idf, settled=True, told_again=told_again, whole=whole)

        scores = {r["id"]: told_again_of(r) or same_person(new, r) for r in rows if eligible(r)}  # (one person's age,
        # whatever the occasion)
        same = [r for r in rows if scores.get(r["id"]) is not None and not told_in_earlier(new, r)]

        def theirs(row: dict[str, Any]) -> tuple[float, float]:
            lo, hi = old_interval(row)
            if c.kind == "age" and c.value:
                year = c.canonical.value / c.value  # type: ignore[union-attr]
                return lo - year, hi + year  # a birthday between two reports: "a 37-year-old woman" ... "38-year-old"
            if c.kind != "duration" or not c.value:
                return lo, hi
            days = max(0, (date.fromisoformat(new.t[0]) - date.fromisoformat(row["t_end"])).days)  # type: ignore[index]
            return lo, hi + days * DAY_SECONDS + c.canonical.value / c.value  # type: ignore[union-attr]

        def conflicts(row: dict[str, Any]) -> bool:
            if c.kind == "age" and row["unit"] != c.unit:
                return False  # "their 6-month-old son" and "his 6-year-old son" are two children
            changed = bound_told_again(new, row) \
                if not (new.toll or new.running or new.ongoing or told_mounting(row)) and _weeks_apart(published, row) \
                else None
            if changed is not None:
                return changed  # "More than 3,000 small savers lost money" told again weeks on as "More than
                # 5,000 ...": bounds that overlap, but a settled figure changed (not a toll, nor a count of days
                # still unfolding: "More than 200 people were arrested in the protests" ... "More than 250")
            iv = theirs(row)
            lower = below(mine, iv)
            higher = below(iv, mine) and not told_mounting(row) and (not new.toll or _told_late(row)
                                          or _firm(old_interval(row), _telling(new, row, rows, same)))
            return (lower or higher) and not apart(mine, iv)

        return best_match(new, same, idf, lambda row: True, conflicts, settled=True, score=lambda row: scores[row["id"]])


def _grown(new: _New, row: dict[str, Any], telling: Callable[[], list[dict[str, Any]]], published: date | None) -> bool:
    """A toll higher than one a report gave more than a week before (the lookup reaches that far back only for
    an event the sentences date, "on Aug. 7"): it grew as reports came in, unless reports weeks apart had given
    the earlier figure alike (_firm, over ``telling()``, the reports that tell the toll: _telling)."""
    if not new.toll or published is None or not row["published"]:
        return False
    if (published - date.fromisoformat(row["published"])).days <= WINDOW_DAYS:
        return False
    return not _firm(old_interval(row), telling())


FIRM_WORDS = 2  # content words a report shares with the new sentence to be told of the same event (_telling)


def _telling(new: _New, row: dict[str, Any], rows: list[dict[str, Any]],
             same: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The earlier reports that tell the event of ``row``, for _firm: those matched as the same fact (``same``),
    and those giving its subject the same figure in FIRM_WORDS of the new sentence's words ("mother", "boat",
    "sank": "Elian's mother and 10 others perished when their boat sank" told in other words).  (A name in
    common is not enough: "a bus crash in Bangladesh killed 80" tells of another event than a ferry's.)"""
    from ...history.keys import context

    iv, seen = old_interval(row), {r["id"] for r in same}
    return same + [r for r in rows if r["id"] not in seen and r["subject_key"] == row["subject_key"]
                   and old_interval(r) == iv
                   and len(new.context & context(r["sentence"], r["entities"].split())) >= FIRM_WORDS]


def _told_late(row: dict[str, Any]) -> bool:
    """A toll the earlier report gave two months or more after the event its sentence dates ("Elian's mother and
    10 others perished ... in late November", told in April): it had stopped growing by then."""
    if not row["published"] or not row["t_end"]:
        return False
    return (date.fromisoformat(row["published"][:10]) - date.fromisoformat(row["t_end"][:10])).days >= TOLD_LATE_DAYS


def _firm(iv: tuple[float, float], rows: list[dict[str, Any]]) -> bool:
    """A toll that earlier reports a week or more apart gave alike has stopped growing ("the boat sank with his
    mother and 10 others", told in February and in April): a higher one contradicts it, as a lower one would."""
    days = sorted(r["published"] for r in rows if r["published"] and old_interval(r) == iv)
    return len(days) >= 2 and (date.fromisoformat(days[-1]) - date.fromisoformat(days[0])).days >= WINDOW_DAYS


def _carried_over(new: _New) -> bool:
    """A figure that background copy may carry over unchanged, so that a report of the past half year telling its
    sentence again nearly word for word states the same fact ("The managers are accused of defrauding some 3,400
    small investors of 86 million euros"): a level told in a sentence that names someone or somewhere; not a change ("Infosys shares rose 1.9 per cent ... after the results were announced": each
    quarter's), a rate ("Unemployment in Argentina is 21.3 percent"), a state in flux ("are holding 14 vessels"), a
    toll, a count of a span still running, or one the text says moved."""
    from ...history.keys import in_progress

    c = new.claim
    return c.change is None and c.kind not in ("percent", "fraction", "age") and bool(new.ents) \
        and not (new.changed or new.toll or new.running or new.ongoing or new.restated_only or in_progress(new.sentence))


BOUND_SETTLED_DAYS = 14  # reports this far apart, at least, tell a bound of a happening that has ended


def _weeks_apart(published: date | None, row: dict[str, Any]) -> bool:
    """Whether the new report comes BOUND_SETTLED_DAYS or more after the earlier one."""
    days = days_since(published, row)
    return days is not None and days >= BOUND_SETTLED_DAYS


def _two_digits(c: Claim) -> bool:
    """A figure written with two significant digits or more ("8,400"): one digit changed in "5" is any other figure
    ("Int 2 RSS", "Int 5 RSS": grades in a price table)."""
    figure = shown(c)
    return figure is not None and significant(figure[0]) >= 2


def _one_digit_apart(c: Claim, row: dict[str, Any]) -> bool:
    """Whether the new figure, as written, differs from the earlier one in one digit ("36 million euros" for "86
    million euros", "about 90 minutes" for "about 40 minutes"): carried-over copy mistyped, not updated ("420 million
    euros in bribes" grown to "1.3 billion" as an inquiry went on)."""
    figure = shown(c)
    if figure is None or c.canonical is None or not c.value or row["canon_value"] is None:
        return False
    digits, factor = figure
    return one_digit_changed(digits, row["canon_value"] / (c.canonical.value / c.value) / factor)


CHECK = ContradictsEarlierReport()
