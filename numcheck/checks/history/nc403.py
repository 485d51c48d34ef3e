"""NC403 event-date-moved: a dated event with another date than in an earlier report, unmarked."""
from __future__ import annotations

import calendar
import re
from typing import Any, Iterator

from ...model import Finding
from ...text import in_dateline
from ..base import Context, HistoryStore
from ._common import (EVENT_DAYS, MAX_CANDIDATES, OTHER_INSTANCE, WINDOW_DAYS, HistoryCheck, best_match, cite,
                      days_since, prepared)


class EventDateMoved(HistoryCheck):
    """A dated event has a different date than in an earlier report, and the text does not say it moved.

    What it flags:
    The same event (the same event noun next to the date: offensive, election,
    summit, and telling entity words in common) dated to another month or day
    than in a report of the half-year before or after.  Where both sentences
    tell a verb in the past beside the date, it must be the same one: "an
    explosion trapped nine men Monday evening" and "were brought out alive
    Thursday, 50 hours after an explosion" date two happenings.  A wire
    dateline's date ("HARBIN, Nov. 21 (Xinhua) --") dates the report, a date
    right after "said" dates the saying, two dates told of different names
    ("the final in Istanbul in May", "the final in Monaco on Friday") date
    two events, and a weekday dates a happening of its report's week (an
    earlier report more than a week before told of another).  Only dates of month or
    day precision are compared, and "postponed", "rescheduled", "last",
    "next" keep it silent.

    Why it matters:
    Key dates are restated in every follow-up; a date that drifts between
    reports is wrong in one of them.

    Anti-pattern:
        (earlier report, published 2025-01-27) Ukraine launched its Kursk offensive in August, officials in Kyiv said.
        (published 2025-02-03) Ukraine launched its Kursk offensive in September, officials in Kyiv said.

    Best practice:
        (earlier report, published 2025-01-27) Ukraine launched its Kursk offensive in August, officials in Kyiv said.
        (published 2025-02-03) Ukraine launched its Kursk offensive in August, officials in Kyiv said.

    Options:
    A history store and a publication date; silent without either.
    """

    code = "NC403"
    name = "event-date-moved"
    severity = "warning"

    def _run(self, ctx: Context, store: HistoryStore) -> Iterator[Finding]:
        from ...history.keys import event_nouns, has_cue, names_differ, verb_near, vocabulary
        from ...history.store import event_key, shift

        news, dig, idf = prepared(ctx, store)
        moved = vocabulary().moved
        for new in news:
            c = new.claim
            if (c.kind != "date" or new.t is None or not c.date_start or not c.date_end or not c.timex
                    or c.timex.startswith("X") or len(c.timex) < 7):
                continue
            if has_cue(moved, new.sentence) or re.search(OTHER_INSTANCE, new.sentence, re.I) or in_dateline(ctx.text, c.start) \
                    or _SAID_ON.search(ctx.text, max(0, c.start - 40), c.start) \
                    or _UPDATED_ON.search(ctx.text, max(0, c.start - 60), c.start):
                continue  # (a date after "said" dates the saying: "... tsunami victims, an official said on Monday";
                # one after a count moved dates the update: "The death toll ... rose to 187 on Friday")
            events = event_nouns(new.sentence)
            offset = new.sentence.find(c.text)
            key = event_key(new.sentence, max(offset, 0), events)
            if not key:
                continue
            rows = store.lookup([key], "date", shift(new.t[0], -EVENT_DAYS), shift(new.t[1], EVENT_DAYS),
                                exclude_digest=dig, limit=MAX_CANDIDATES)

            verb = verb_near(new.sentence, max(offset, 0))

            def eligible(row: dict[str, Any]) -> bool:
                if not row["date_start"] or not row["timex"] or row["timex"].startswith("X") or len(row["timex"]) < 7:
                    return False
                at = max(row["sentence"].find(row["text"]), 0)
                if in_dateline(row["sentence"], at):
                    return False  # "HARBIN, Nov. 18 (Xinhua) -- A gas explosion ...": the report's date
                theirs = verb_near(row["sentence"], at)
                if verb and theirs and verb != theirs:
                    return False  # "an explosion trapped nine men Monday evening", "were brought out alive Thursday"
                if names_differ(new.sentence, max(offset, 0), row["sentence"], at):
                    return False  # "the Champions League final in Istanbul in May", "the Super Cup final in Monaco"
                if _WEEKDAY.search(c.text + " " + row["text"]) and _days_apart(ctx, row) > WINDOW_DAYS:
                    return False  # a weekday dates a happening of its report's week: months on, another summit
                return not (re.search(OTHER_INSTANCE, row["sentence"], re.I) or has_cue(moved, row["sentence"]))

            first, last = c.date_start, c.date_end  # ISO days: compared as strings

            def conflicts(row: dict[str, Any]) -> bool:
                return last < row["date_start"] or row["date_end"] < first

            found = best_match(new, rows, idf, eligible, conflicts)
            if found is None:
                continue
            row, shared = found
            where, related, evidence = cite(row)
            evidence["shared_entities"] = sorted(shared)
            yield ctx.finding(
                self, c.start, c.end,
                f"the {key} is dated {c.text!r} ({c.date_start}..{c.date_end}) but an earlier report ({where}) "
                f"dated it {row['text']!r} ({row['date_start']}..{row['date_end']}); the text does not say it moved",
                related=[related], evidence=evidence)


# a date right after a reporting verb dates the saying, not the event: "an official said on Monday"
_SAID_ON = re.compile(r"\b(?:said|says|told\s+[a-z]+|announced|reported|added|stated|confirmed)\s+(?:late\s+|early\s+)?(?:on\s+)?$",
                      re.I)
# a count moved to a level, then the day it moved: the date of an update, not of the event
_UPDATED_ON = re.compile(r"\b(?:rose|risen|rising|climbed|jumped|reached|increased|grew|hit|stood|stands)\s+(?:to\s+|at\s+)?"
                         r"(?:about\s+|around\s+|some\s+|nearly\s+|more\s+than\s+)?\d[\d,.]*(?:\s+[a-z]+){0,2}"
                         r"\s+(?:on\s+|by\s+|as\s+of\s+)?$", re.I)
_WEEKDAY = re.compile(r"\b(?:" + "|".join(calendar.day_name) + r")\b")


def _days_apart(ctx: Context, row: dict[str, Any]) -> int:
    """Days between the text's publication and an earlier report's (0 when either is unknown)."""
    return abs(days_since(ctx.published, row) or 0)


CHECK = EventDateMoved()
