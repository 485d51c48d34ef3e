"""Results told one by one after a first share of the whole (NC109): "won 114 of the 193 seats in parliament, the
commission said, with the Malawi Congress Party winning 26, the United Democratic Front 17, independents 32 and smaller
parties four"; "won 114 of the 230 seats, against 107 for the ruling party, with the remaining nine shared between
smaller parties"; "accounted for 8,009 of the 10,749 people killed, with 1,874 deaths in the Andaman Islands, 177 in
Kerala".  The first share and the results after it are some of the whole each: they may fall short of it (a party
may be left out), never exceed it, unless the last is told as the rest ("the remaining nine").  Results told of
those the first share's holder owns ("with his Liberal Democratic Party taking 296 and its partner New Komeito 31")
break that share down instead."""
from __future__ import annotations

import re
from typing import Iterator

from ...model import Claim
from ...text import head_noun
from .._common import seat_nouns, subject_end
from ..base import Context
from ._of_whole import of_its_whole
from ._lists import toll_nouns
from ._parts import REST_BEFORE, Sum

# who a result is told of, before its figure: "the Malawi Congress Party winning ", "independents ", "Renamo taking "
_LABEL = (r"(?:(?:[A-Za-z][A-Za-z'\u2019.&/-]*\s+){1,8}?(?:(?:taking|winning|getting|securing|gaining|capturing|with|on|at)\s+)?"
          r"|(?:taking|winning|getting|securing|gaining|capturing)\s+)")
# from the whole to the first result after it, within its sentence: " seats in parliament in last week's elections,
# the Malawi Electoral Commission said, with the Malawi Congress Party winning ", " seats, against "
_OPENING = re.compile(r"[^;:()\u2013\u2014]{0,160}?,\s*(?:with|against)\s+(?P<who>" + _LABEL + r")?", re.I)
# a result whose verb is left out, right after the first share's clause: " seats in the House of Commons, the
# Conservatives ", " seats in the 350-member Congress, the Popular Party " (a name, or a group of the rest)
_NAMED = r"(?:(?:the\s+)?(?-i:[A-Z])[A-Za-z'\u2019.&/-]*(?:\s+[A-Za-z'\u2019.&/-]+){0,6}?|(?:independents|(?:smaller|other|minor)\s+parties))\s+"
_GAPPED = re.compile(r"[^,;:()\u2013\u2014]{0,60}?,\s+(?P<who>" + _NAMED + r")", re.I)
# a whole said to be broken down, then its results: " seats in the new Bundestag are divided as follows: "
_AS_FOLLOWS = re.compile(r"[^.;:\d]{0,60}?\b(?:as\s+follows|broken\s+down|divided|split)\b[^.;:\d]{0,20}:\s*(?P<who>"
                         + _NAMED + r")", re.I)
# who a result is told of, after its figure: " for the ruling New Patriotic Party", " deaths in Kerala"
_OF_AFTER = r"(?:\s+(?:seats?|deaths|between\s+them|each))?\s+(?:for|in|to)\s+(?:[A-Za-z][A-Za-z'\u2019.&-]*\s+){0,6}?[A-Za-z][A-Za-z'\u2019.&-]*"
_TOLD_OF_AFTER = re.compile(_OF_AFTER, re.I)
# from one result to the next: who the first is of, when told after it (" between them"), then the joint and who the
# next is of
_NEXT = re.compile(r"(?:\s+between\s+them|" + _OF_AFTER + r")?\s*(?:,\s*(?:and\s+|with\s+)?|,?\s+and\s+)"
                   r"(?P<who>" + _LABEL + r")?", re.I)
# a count that names who a result is of, not a result: "ten smaller parties 21 between them"
_COUNT_IN_LABEL = re.compile(r"\s+[a-z][a-z\s-]{0,30}\s", re.I)
_FROM = re.compile(r"\b(?:from|since|than|in\s+(?:19|20)\d\d|last\s+time|previously)\s*$", re.I)  # another time's result
_OWNED = re.compile(r"(?:his|her|its|their)\b", re.I)  # who a result is of, owned by the first share's holder
_DIGIT = re.compile(r"\d")
MAX_RESULTS = 10


def tallies(ctx: Context, cl: list[Claim]) -> Iterator[Sum]:
    """Every first share of a whole ("114 of the 193 seats") with the results told after it."""
    text = ctx.text
    for k in range(len(cl) - 2):
        first, whole = cl[k], cl[k + 1]
        if first.kind == "count" and whole.kind == "count" and first.unit == whole.unit \
                and of_its_whole(text, first, whole):
            s1 = ctx.sentences.span(whole.start)[1]
            results, own = _results(text, cl, k + 2, whole, s1)
            if not results:
                results, own = _results(text, cl, k + 2, whole, s1, _GAPPED)
                results = results if len(results) >= 2 else []  # (two at least: "the Popular Party 154 and ... 27")
            if own:  # "the ruling coalition won 327 of the 480 seats, with his Liberal Democratic Party taking 296
                yield Sum(tuple(results), first, including=True)  # and its partner New Komeito 31": the first's
            elif results:
                rest = bool(REST_BEFORE.search(text, max(0, results[-1].start - 40), results[-1].start)) \
                    and not _DIGIT.search(text, subject_end(text, results[-1]), s1)
                yield Sum((first, *results), whole, including=not rest)


def breakdowns(ctx: Context, cl: list[Claim]) -> Iterator[Sum]:
    """Every whole said to be broken down "as follows", with the results told after it by name ("The 622 seats in the
    new Bundestag are divided as follows: CDU/CSU 239, SPD 146, ..."): all of it."""
    for k, whole in enumerate(cl[:-1]):
        if whole.kind in ("count", "money") and _AS_FOLLOWS.match(ctx.text, subject_end(ctx.text, whole)):
            s1 = ctx.sentences.span(whole.start)[1]
            results, _ = _results(ctx.text, cl, k + 1, whole, s1, _AS_FOLLOWS)
            if len(results) >= 2 and not _DIGIT.search(ctx.text, subject_end(ctx.text, results[-1]), s1):
                yield Sum(tuple(results), whole, including=False)  # (all of it: no figure left unread after them)


def _results(text: str, cl: list[Claim], i: int, whole: Claim, s1: int,
             opening: re.Pattern[str] = _OPENING) -> tuple[list[Claim], bool]:
    """The results told after the whole (``cl[i]`` on), each of the whole's kind and noun, and whether one is told
    of someone the first share's holder owns ("his Liberal Democratic Party", "its partner"): those break the first
    share down."""
    out: list[Claim] = []
    own = False
    pos, pattern = subject_end(text, whole), opening
    while i < len(cl) and len(out) < MAX_RESULTS and cl[i].start < s1:
        c = cl[i]
        if i + 1 < len(cl) and cl[i + 1].start < s1 and c.kind == "count" and c.subject \
                and _COUNT_IN_LABEL.fullmatch(text, subject_end(text, c), cl[i + 1].start):
            i += 1  # "ten smaller parties 21": who the 21 are
            continue
        m = pattern.fullmatch(text, pos, c.start)
        if not (m and (m.group("who") or _TOLD_OF_AFTER.match(text, c.end)) and _a_result(text, c, whole)):
            break  # (each told of someone: not "39 nations out of 65 questioned were ..., with 29 cutting back")
        out.append(c)
        own = own or bool(m.group("who") and _OWNED.match(m.group("who")))
        pos, pattern, i = c.end, _NEXT, i + 1
    return out, own


def _a_result(text: str, c: Claim, whole: Claim) -> bool:
    """A figure of the whole's kind, counting what the whole counts (or nothing named), not another time's."""
    if c.kind != whole.kind or c.unit != whole.unit or c.value is None or _FROM.search(text, max(0, c.start - 20), c.start):
        return False
    if not c.subject or not whole.subject:
        return True
    mine, theirs = head_noun(c.subject), head_noun(whole.subject)
    return mine == theirs or {mine, theirs} <= seat_nouns() or {mine, theirs} <= toll_nouns()
