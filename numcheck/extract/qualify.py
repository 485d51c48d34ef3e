"""Stage 7, qualifiers and change: "more than 10,000", "10,000 or more", "2,000-strong", "20-odd"; "rose 5%",
"fell by 2,000", "a 5% rise".
"""
from __future__ import annotations

import re

from .lexicon import Qualifier
from .parts import Draft, Scan

_COUNT_SUFFIX = re.compile(r"-(?P<s>strong|odd|plus)(?![\w])", re.I)  # "2,000-strong", "20-odd"
# "raised £20m", "lost $100m": an amount raised or lost, not a change in a level ("shed 36 cents" is one)
_AMOUNT_VERBS = frozenset("raised lost".split())
_SPACES = re.compile(r"\s+")


def qualifier(scan: Scan, d: Draft) -> Draft:
    """The qualifier stage: a phrase before or after the quantity sets its qualifier and interval."""
    text, end = scan.text, d.end
    suffix = _COUNT_SUFFIX.match(text, end) if d.unit is None and d.percent is None else None
    if suffix:
        end = suffix.end()
    qb, qstart = _before(scan, d)
    qa = scan.P.qualifier_after.match(text, end) if not d.is_range else None
    if qa:
        q = scan.lx.qualifiers_after.get(_SPACES.sub(" ", qa.group("q").lower()))
        if q is not None and q.qualifier == "=" and qb is not None and qb.qualifier in (">", "<"):
            qb = Qualifier(qb.phrase, qb.qualifier + "=", qb.low, qb.high, "before")  # "more than 5 or equal"
            end = qa.end()
        elif q is not None and q.qualifier != "=":
            if qb is not None and qb.qualifier == "~":
                qstart = d.start
            if qb is None or qb.qualifier in ("~", "="):
                qb = q
                end = qa.end()
    if suffix and suffix.group("s").lower() in ("odd", "plus") and qb is None:
        qb = scan.qualifiers.get("about") if suffix.group("s").lower() == "odd" else scan.lx.qualifiers_after.get("plus")
    if qb is not None and d.value is not None:
        low = d.value * qb.low if qb.low is not None else None
        high = d.value * qb.high if qb.high is not None else None
        if low is not None and high is not None and low > high:
            low, high = high, low
        return d.evolve(qualifier=qb.qualifier, low=low, high=high, start=qstart, end=end)
    if d.between and d.is_range and not d.num.vague:
        return d.evolve(start=d.start - len(d.between.group(0)), end=end)
    return d.evolve(end=end)


def _before(scan: Scan, d: Draft) -> tuple[Qualifier | None, int]:
    """The qualifier phrase ending right before the quantity ("more than", "about", "<"), and where it starts."""
    start = d.start
    lead = scan.text[max(0, start - 40):start]
    words = lead.split()
    if not words or not (words[-1].lower() in scan.lx.qualifier_tails or lead.rstrip()[-1:] in "<>=≤≥"):
        return None, start
    qm = scan.P.qualifier_before.search(lead)
    if not qm or d.num.vague or start - (len(lead) - qm.start()) < d.floor:
        return None, start
    phrase = _SPACES.sub(" ", qm.group("q").lower())
    if phrase == "up to" and _MOVED_UP.search(lead, 0, qm.start()):
        return None, start  # "edged up to 4.0 per cent": a level reached, not a bound
    q = scan.qualifiers.get(phrase)
    return (q, start - (len(lead) - qm.start())) if q is not None else (None, start)


# a verb of movement before "up to", which makes it the level a figure moved to ("edged up to 4.0 per cent", "ticked
# up to 5.1%"), not "at most" ("up to 300 jobs")
_MOVED_UP = re.compile(r"\b(?:edged|edges|edging|ticked|ticks|inched|inches|crept|creeps|shot|shoots|jumped|jumps|"
                       r"climbed|climbs|crawled|revised)\s+$", re.I)  # not "went up to 40 days", "moved up to 30 staff"


def change(scan: Scan, d: Draft) -> Draft:
    """The change stage: a verb before ("rose 5%", "fell by 2,000") or a noun after ("a 5% rise")."""
    text, lx = scan.text, scan.lx
    before = text[max(0, d.start - 30):d.start]
    words = before.split()
    cm = scan.P.change_before.search(before) if words and words[-1].lower() in lx.change_tails else None
    if cm and (_PHRASAL_UP.search(before) or _TOOK_UP.search(before) and not (d.percent or d.currency or d.unit)
               or _UP_OF_A_WHOLE.match(text, d.end) and before.rstrip().lower().endswith(" up")):
        cm = None  # "made up 33.1 percent of world output": a share; "picked up 31 fishermen": a count taken;
        # "Fishing boats picked up 189 of them": a part of a whole taken
    if cm:
        verb = _SPACES.sub(" ", cm.group("c").lower())
        if d.currency and verb in _AMOUNT_VERBS and not cm.group(0).rstrip().lower().endswith(" by"):
            return d  # "raised £20m", "lost $100m": an amount raised or lost, not a change in a level
        return d.evolve(change=lx.changes_before[verb])
    cam = scan.P.change_after.match(text, d.end)
    if cam and (d.percent or d.currency or d.unit):
        return d.evolve(change=lx.changes_after[cam.group("c").lower()])
    if words and words[-1].lower() == "by":
        return _change_by(scan, d)
    return d


# "up" that belongs to the verb before it, which puts the figure as a share, not a change: "made up 33 percent"
# (or that uses it up: "debt service will eat up 301.7 billion pesos", "takes up 40 percent")
_PHRASAL_UP = re.compile(r"\b(?:make|makes|made|making|eat|eats|ate|eaten|eating|use|uses|used|using|take|takes|took|taken"
                         r"|taking|soak|soaks|soaked|gobble|gobbles|gobbled)\s+up\s+(?:about\s+|around\s+|nearly\s+|some\s+|roughly\s+)?$",
                         re.I)
# "up" of a verb that takes a count of things, not a rise: "rounded up 40 suspects", "racked up 30 points", "set up 12
# clinics" (read only for a bare count; not "picked up": "Democrats picked up 5 seats" is a gain)
_TOOK_UP = re.compile(r"\b(?:round|rounds|rounded|rounding|rack|racks|racked|racking|set|sets|"
                      r"setting|snap|snaps|snapped|snapping|sign|signs|signed|signing|scoop|scoops|scooped|chalk|chalked|"
                      r"line|lined|build|built|open|opened|took|take|takes|taken)\s+up\s+(?:about\s+|around\s+|some\s+)?$",
                      re.I)
_UP_OF_A_WHOLE = re.compile(r"\s+of\s+(?:them|those|these|the)\b", re.I)  # after a count "up": its whole
_CLAUSE_BREAK = re.compile(r"[.;:!?,(]")
_WORD_RUN = re.compile(r"[A-Za-z]+")


def _change_by(scan: Scan, d: Draft) -> Draft:
    """ "raised the price of its premium plan by $3", "cut the price in China by 29,000 yuan": a change verb
    earlier in the clause, its amount after "by"."""
    window = scan.text[max(0, d.start - 80):d.start]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    clause = window[breaks[-1].end():] if breaks else window
    for w in reversed(_WORD_RUN.findall(clause)[:-1]):
        direction = scan.lx.changes_before.get(w.lower())
        if direction is not None:
            return d.evolve(change=direction)
    return d
