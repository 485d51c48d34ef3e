"""Times of day: "8am", "10:30 GMT", "1600 GMT", "noon", "at night", "this morning" -> date claims with a TIMEX3 time.

A time of day is not a quantity (the quantity reader skips it); it is a point
in time, so it is a date claim whose timex carries the time: "XXXX-XX-XXT08:00"
when no day is given, "2005-03-15TMO" for "this morning" published that day.
"""
from __future__ import annotations

import re
from datetime import date, timedelta

from ..model import Claim

# 8am | 8.30pm | 8:30 p.m. | 10:30 | 10:30 GMT | 1600 GMT | noon | midnight
# (the lookahead in front rules out most positions with one character test)
_CLOCK = re.compile(
    r"(?=[\dnm])(?<![\w.:])(?:"
    r"(?P<h12>1[0-2]|0?[1-9])(?:[:.](?P<m12>[0-5]\d))?\s*(?P<ampm>[ap]\.m\.|[ap]m)(?![\w])"
    r"|(?P<h24>[01]?\d|2[0-3]):(?P<m24>[0-5]\d)(?::[0-5]\d)?(?:\s*(?P<zone>GMT|BST|UTC|CET|EST|PST|EDT|PDT))?(?![\d])"
    r"|(?P<hhmm>[01]\d|2[0-3])(?P<mm>[0-5]\d)\s*(?:GMT|BST|UTC|CET|EST|PST|hrs)(?![\w])"
    r"|(?P<named>noon|midday|midnight)(?![\w])"
    r")",
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
_CUE = re.compile(r"(?<![\w])(?P<rel>this|yesterday|tomorrow|last|in\s+the|at|during\s+the|on\s+the)\s+\Z", re.I)
_PART_CODE = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI"}


def find_times(text: str, published: tuple[date, date] | None) -> list[Claim]:
    """Time-of-day claims; a part of day needs a cue ("this", "at", "in the") so "Night of the Proms" stays a name."""
    out: list[Claim] = []
    day = published[0] if published and published[0] == published[1] else None
    for m in _CLOCK.finditer(text):
        if m.group("named"):
            w = m.group("named").lower()
            hh, mm = (24, 0) if w == "midnight" else (12, 0)
        elif m.group("ampm"):
            hh = int(m.group("h12")) % 12 + (12 if m.group("ampm").lower().startswith("p") else 0)
            mm = int(m.group("m12") or 0)
        elif m.group("h24") is not None:
            hh, mm = int(m.group("h24")), int(m.group("m24"))
        else:
            hh, mm = int(m.group("hhmm")), int(m.group("mm"))
        out.append(_claim(text, m.start(), m.end(), f"XXXX-XX-XXT{hh:02d}:{mm:02d}", None))
    for m in _PART.finditer(text):
        cue = None
        if m.group("tonight"):
            rel, code = "this", "NI"
        else:
            cue = _CUE.search(text, max(0, m.start() - 24), m.start())
            if cue is None:
                continue
            rel = cue.group("rel").lower().split()[0]
            code = _PART_CODE[m.lastgroup]
        anchor = None
        if day is not None and rel in ("this", "yesterday", "tomorrow", "last"):
            anchor = day + timedelta(days={"this": 0, "yesterday": -1, "tomorrow": 1, "last": -1}[rel])
        start = cue.start() if cue is not None and rel in ("this", "yesterday", "tomorrow", "last") else m.start()
        if rel in ("this", "yesterday", "tomorrow", "last") and day is None:
            timex = f"XXXX-XX-XXT{code}"
        else:
            timex = f"{anchor.isoformat()}T{code}" if anchor else f"XXXX-XX-XXT{code}"
        out.append(_claim(text, start, m.end(), timex, anchor))
    out.sort(key=lambda c: c.start)
    return out


def _claim(text: str, start: int, end: int, timex: str, anchor: date | None) -> Claim:
    iso = anchor.isoformat() if anchor else None
    return Claim(text=text[start:end], start=start, end=end, kind="date", timex=timex,
                 date_start=iso, date_end=iso)
