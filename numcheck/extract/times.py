"""Times of day: "8am", "10:30 GMT", "1600 GMT", "noon", "at night", "this morning" -> date claims with a TIMEX3 time;
stopwatch times ("in 2:14:09", "a lap of 1:31.2") -> durations.

A time of day is not a quantity (the quantity reader skips it); it is a point
in time, so it is a date claim whose timex carries the time (TIMEX3 type
TIME): "2005-03-15T08:00" for "8am" in a text published on 15 March 2005,
"2005-03-15TMO" for "this morning".  A time takes its day from a day named
next to it ("10 p.m. Wednesday", "Tuesday evening": the date reader joins
those), else from the day its sentence or story names when it tells of a
particular time (dates.anchor_times); a habitual one ("open from 8am to 6pm")
stays "XXXX-XX-XXT08:00".
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from ..model import Canonical, Claim

# a preposition of time before an hour told in words: "at 4 in the morning", "until 9 o'clock"
_TIME_PREPOSITION = "(?:" + "|".join(f"(?<=\\b{w} )" for w in ("at", "by", "to", "from", "until", "till", "around", "about",
                                                              "after", "before")) + ")"
ZONES = "GMT|BST|UTC|CET|CEST|EST|EDT|CST|CDT|MST|MDT|PST|PDT|ET|PT"
# 8am | 8.30pm | 8:30 p.m. | 10:30 | 10:30 GMT | 1600 GMT | noon | midnight | 4 in the morning | 9 o'clock
# (the lookahead in front rules out most positions with one character test)
CLOCK = re.compile(
    r"(?=[\dnm])(?<![\w.:])(?:"
    r"(?P<h12>1[0-2]|0?[1-9])(?:[:.](?P<m12>[0-5]\d)(?::[0-5]\d)?)?\s*(?P<ampm>[ap]\.m\.?|[ap]m)(?![\w])"
    r"|(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?::[0-5]\d)?(?:\s*(?P<zone>" + ZONES + r"))?(?![\d])"
    r"|(?P<hhmm>[01]\d|2[0-3])(?P<mm>[0-5]\d)\s*(?:" + ZONES + r"|hrs)(?![\w])"
    r"|(?<!High )(?<!high )(?P<named>noon|midday|midnight)(?![\w])"
    r"|" + _TIME_PREPOSITION
    + r"(?P<hpart>1[0-2]|0?[1-9])(?:\s+(?-i:o)['’]clock)?\s+in\s+the\s+(?P<part>morning|afternoon|evening)\b"
    r"|(?P<hoc>1[0-2]|0?[1-9])\s+(?-i:o)['’]clock\b"  # not "the 10 O'clock News"
    r")"
    r"(?:\s*(?:" + ZONES + r")\b)?",
    re.I,
)
# morning | afternoon | evening | night | tonight: the pattern starts with a literal letter so the regex
# engine can skip to candidates by that letter; the cue before ("this", "at the") is read backwards
_PART = re.compile(
    r"[mMaAeEnNtT](?<![\w][mMaAeEnNtT])"
    r"(?:(?<=[mM])(?P<morning>orning)|(?<=[aA])(?P<afternoon>fternoon)|(?<=[eE])(?P<evening>vening)"
    r"|(?<=[nN])(?P<night>ight)|(?<=[tT])(?P<tonight>onight))(?![\w])",
    re.I,
)
# at night | this morning | yesterday afternoon | tomorrow evening | in the evening | during the night
_CUE = re.compile(r"(?<![\w])(?:(?P<rel>this|yesterday|tomorrow|last|in\s+the|at|during\s+the|on\s+the)\s+"
                  r"|(?P<mod>early|late|mid)[\s-]*)\Z", re.I)
PART_CODE = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI", "overnight": "NI"}
_DAY_OFFSET = {"this": 0, "yesterday": -1, "tomorrow": 1, "last": -1}
UNANCHORED = "XXXX-XX-XX"


# an elapsed time on a stopwatch: "in 2:14:09" (hours), "a lap of 1:31.2" (minutes, seconds and tenths); not a
# clock time "at 10:30:15" or "10:30:15 GMT"
_ELAPSED = re.compile(
    r"(?<![\w.:])(?:(?P<h>\d{1,2}):(?P<hm>[0-5]\d):(?P<hs>[0-5]\d(?:\.\d+)?)|(?P<m>\d{1,2}):(?P<ms>[0-5]\d\.\d+))"
    r"(?![\d:]|\s*(?:[ap]\.?m\b|" + ZONES + r"))")
_AT_BEFORE = re.compile(r"\b(?:at|by|until|from|after|before)\s+\Z", re.I)


def _elapsed(text: str, m: re.Match[str]) -> Claim:
    """A stopwatch time as a duration claim: hours or minutes as stated, seconds canonical, TIMEX3 PT2H14M9S."""
    if m.group("h"):
        h, mi, sec = int(m.group("h")), int(m.group("hm")), float(m.group("hs"))
        seconds, unit, size = h * 3600 + mi * 60 + sec, "hour", 3600.0
        timex = f"PT{h}H{mi}M{sec:g}S" if h else f"PT{mi}M{sec:g}S"
    else:
        mi, sec = int(m.group("m")), float(m.group("ms"))
        seconds, unit, size = mi * 60 + sec, "minute", 60.0
        timex = f"PT{mi}M{sec:g}S" if mi else f"PT{sec:g}S"
    digits = (m.group("hs") or m.group("ms") or "").partition(".")[2]
    value = seconds / size
    return Claim(text=m.group(0), start=m.start(), end=m.end(), kind="duration", value=value, low=value, high=value,
                 unit=unit, canonical=Canonical(seconds, "second"), timex=timex,
                 step=10.0 ** -len(digits) / size, dimension="time")


def clock_time(m: re.Match[str]) -> str:
    """The TIMEX3 time of a CLOCK match: "08:00", "12:00" for noon, "24:00" for midnight."""
    if m.group("named"):
        return "24:00" if m.group("named").lower() == "midnight" else "12:00"
    if m.group("ampm"):
        hh = int(m.group("h12")) % 12 + (12 if m.group("ampm").lower().startswith("p") else 0)
        return f"{hh:02d}:{int(m.group('m12') or 0):02d}"
    if m.group("h24") is not None:
        return f"{int(m.group('h24')):02d}:{m.group('m24')}"
    if m.group("hpart"):  # "4 in the morning", "7 in the evening"
        hh = int(m.group("hpart")) % 12 + (0 if m.group("part").lower() == "morning" else 12)
        return f"{hh:02d}:00"
    if m.group("hoc"):
        return f"{int(m.group('hoc')):02d}:00"
    return f"{m.group('hhmm')}:{m.group('mm')}"


def find_times(text: str, published: tuple[date, date] | None) -> list[Claim]:
    """Time-of-day claims; a part of day needs a cue ("this", "at", "in the") so "Night of the Proms" stays a name.

    "this morning", "last night" take the publication day; other times stay without a day here
    (``XXXX-XX-XXT08:00``) and dates.anchor_times gives them the day their sentence or story names.
    """
    out: list[Claim] = []
    day = published[0] if published and published[0] == published[1] else None
    for m in CLOCK.finditer(text):
        watch = _ELAPSED.match(text, m.start()) if m.group("h24") else None  # every stopwatch time reads as a clock
        if watch is not None and not _AT_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            out.append(_elapsed(text, watch))
        else:
            out.append(_claim(text, m.start(), m.end(), f"{UNANCHORED}T{clock_time(m)}", None))
    clocks = [(c.start, c.end) for c in out]
    for m in _PART.finditer(text):
        if any(a <= m.start() < b for a, b in clocks):
            continue  # the "morning" of "4 in the morning"
        cue = None
        if m.group("tonight"):
            rel, code = "this", "NI"
        else:
            cue = _CUE.search(text, max(0, m.start() - 24), m.start())
            if cue is None:
                continue
            rel = (cue.group("rel") or cue.group("mod")).lower().split()[0]
            code = PART_CODE[m.lastgroup or "night"]
        deictic = rel in _DAY_OFFSET
        anchor = day + timedelta(days=_DAY_OFFSET[rel]) if deictic and day is not None else None
        start = cue.start() if cue is not None and (deictic or cue.group("mod")) else m.start()
        timex = f"{anchor.isoformat()}T{code}" if anchor else f"{UNANCHORED}T{code}"
        out.append(_claim(text, start, m.end(), timex, anchor))
    out.sort(key=lambda c: c.start)
    return out


def _claim(text: str, start: int, end: int, timex: str, anchor: date | None) -> Claim:
    iso = anchor.isoformat() if anchor else None
    return Claim(text=text[start:end], start=start, end=end, kind="date", timex=timex,
                 date_start=iso, date_end=iso)
