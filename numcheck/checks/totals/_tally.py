"""Results told one by one after a first share of the whole (NC109): "won 114 of the 193 seats in parliament, the
commission said, with the Malawi Congress Party winning 26, the United Democratic Front 17, independents 32 and smaller
parties four"; "won 114 of the 230 seats, against 107 for the ruling party, with the remaining nine shared between
smaller parties".  The first share and the results after it are some of the whole each: they may fall short of it (a party
may be left out), never exceed it, unless the last is told as the rest ("the remaining nine").  Results that may
break the first share down instead ("with his Liberal Democratic Party taking 296 and its partner New Komeito 31")
are not read (tallies)."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from ... import tolerance as tol
from ...datafiles import words
from ...model import Claim
from ...text import alternation, compound_noun, head_noun, singular
from .._common import of_its_whole, seat_nouns, subject_end
from ..base import Context
from ._lists import toll_nouns
from ._parts import ANOTHER_TIME, REST_BEFORE, Sum, clause_ends

# a word of who a result is told of: not a clause word, nor a verb in -ing other than a result's ("with Ronaldo
# scoring 15" counts goals, "with women making up 30" another tally)
_WORD = r"(?!(?:while|whereas|but|although|after|before|who|which|that)\b)(?!(?-i:(?!remaining\b)[a-z]+ing)\b)[A-Za-z][A-Za-z'\u2019.&/-]*\s+"
_RESULT_VERB = r"(?:taking|winning|getting|securing|gaining|capturing)\s+"
# who a result is told of, before its figure: "the Malawi Congress Party winning ", "independents ", "Renamo taking "
_LABEL = r"(?:(?:" + _WORD + r"){1,8}?(?:" + _RESULT_VERB + r"|(?:with|on|at)\s+)?|" + _RESULT_VERB + r")"
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
# who a result is told of, after its figure: " for the ruling New Patriotic Party" (not a place, " with 6,000 in
# Padang", which may break the first share down, nor another term's, "against 170 in the outgoing parliament")
_OF_AFTER = r"(?:\s+seats?)?\s+for\s+(?:[A-Za-z][A-Za-z'\u2019.&-]*\s+){0,6}?[A-Za-z][A-Za-z'\u2019.&-]*"
_TOLD_OF_AFTER = re.compile(_OF_AFTER, re.I)
# from one result to the next: who the first is of, when told after it (" between them"), then the joint and who the
# next is of
_NEXT = re.compile(r"(?:\s+between\s+them|" + _OF_AFTER + r")?\s*(?:,\s*(?:and\s+|with\s+)?|,?\s+and\s+)"
                   r"(?P<who>" + _LABEL + r")?", re.I)
# a count that names who a result is of, not a result: "ten smaller parties 21 between them"
_COUNT_IN_LABEL = re.compile(r"\s+[a-z][a-z\s-]{0,30}\s", re.I)
_FROM = re.compile(r"\b(?:from|since|than|in\s+(?:19|20)\d\d|last\s+time|previously)\s*$", re.I)  # another time's result
# the nouns a tally's whole counts: a house's seats or members, or the votes
_TALLIED = frozenset("seat member deputy lawmaker mp representative councillor vote".split())
_ALLIANCE = re.compile(r"\b(?:coalition|alliance|bloc|grouping|partnership)\b", re.I)
# a sentence that opens on a plural common noun as the holder: "Clerics won", "Independents took"
_COMMON_OPENING = re.compile(r"\s*(?-i:[A-Z][a-z]+s)\s+(?-i:[a-z]+)")
# a count told in figures or words: what a rest may not be followed by ("..., with two independents")
_COUNTED = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?)\b", re.I)
_OWNED = re.compile(r"(?-i:his|her|its|their)\b")  # who a result is of, owned by the first share's holder
MAX_RESULTS = 10


def tallies(ctx: Context, cl: list[Claim]) -> Iterator[Sum]:
    """Every first share of a house's seats or of the votes ("114 of the 193 seats") with the results told after it:
    some of the whole with it, or all of it with the rest told last.  Not where the results may break the first
    share down instead: they add up to it, the first is told of someone's own ("with his Liberal Democratic Party
    taking 296", "with its allies ..."), or the holder is a coalition or a group by who its members are ("Women
    won 45 of the 120 seats": data/cross_groups.txt); nor where the sentence tells another time's results too
    ("against 103 for the party last time")."""
    text = ctx.text
    for k in range(len(cl) - 2):
        first, whole = cl[k], cl[k + 1]
        if not (first.kind == "count" and whole.kind == "count" and first.unit == whole.unit
                and _tallied(text, whole) and of_its_whole(text, first, whole)) \
                or _cross_group(ctx, first):
            continue
        s1 = ctx.sentences.span(whole.start)[1]
        if ANOTHER_TIME.search(text, whole.end, s1):
            continue
        results, own = _results(text, cl, k + 2, whole, s1)
        if not results:
            results, own = _results(text, cl, k + 2, whole, s1, _GAPPED)
            results, own = (results, own) if len(results) >= 2 else ([], False)  # ("the Popular Party 154 and ... 27")
        if not results or own or _adds_up(results, first):
            continue  # "the ruling coalition won 300 of the 480 seats, with the Liberal Democrats winning 250 and New
            # Komeito 50": the first share told party by party
        rest = bool(REST_BEFORE.search(text, max(0, results[-1].start - 40), results[-1].start)) \
            and not _COUNTED.search(text, subject_end(text, results[-1]), s1)  # ("the remaining nine shared between
        # smaller parties": all the rest, with no count after it)
        yield Sum((first, *results), whole, including=not rest)


def breakdowns(ctx: Context, cl: list[Claim]) -> Iterator[Sum]:
    """Every whole said to be broken down "as follows", with the results told after it by name ("The 622 seats in the
    new Bundestag are divided as follows: CDU/CSU 239, SPD 146, ..."): all of it, when nothing else follows them
    ("..., with two independents")."""
    for k, whole in enumerate(cl[:-1]):
        if whole.kind in ("count", "money") and _AS_FOLLOWS.match(ctx.text, subject_end(ctx.text, whole)):
            s1 = ctx.sentences.span(whole.start)[1]
            results, _ = _results(ctx.text, cl, k + 1, whole, s1, _AS_FOLLOWS)
            if len(results) >= 2 and clause_ends(ctx.text, subject_end(ctx.text, results[-1]), s1):
                yield Sum(tuple(results), whole, including=False)


def _adds_up(results: list[Claim], first: Claim) -> bool:
    """Whether the results, each read to its precision, may add up to the first share."""
    return tol.summed(results).overlaps(tol.interval(first))


def _tallied(text: str, whole: Claim) -> bool:
    """Whether the whole counts a house's seats or the votes: "the 193 seats", "Mozambique's 250-seat parliament"."""
    if head_noun(whole.subject) in _TALLIED or singular(compound_noun(text, whole.end).lower()) in _TALLIED:
        return True
    m = _WORDS_AFTER.match(text, whole.end)  # "the 53 directly elected seats": a noun the extractor left out
    return m is not None and any(singular(w.lower()) in _TALLIED for w in m.group(0).split())


_WORDS_AFTER = re.compile(r"(?:\s+[a-z][\w-]*){1,3}")


def _cross_group(ctx: Context, first: Claim) -> bool:
    """Whether the first share's holder, told before it in its clause, may hold members of the results: a group by
    who its members are ("Women won 45 of the 120 seats": numcheck/data/cross_groups.txt), a coalition ("the ruling
    Barisan Nasional coalition"), or a common noun that opens the sentence ("Clerics won 44 of the 290 seats"), not
    a party's name ("The Liberals", "Frelimo")."""
    s0 = ctx.sentences.span(first.start)[0]
    clause = re.split(r"[,;:]", ctx.text[s0:first.start])[-1]
    return bool(_cross_groups().search(clause) or _ALLIANCE.search(clause) or _COMMON_OPENING.match(clause))


@lru_cache(maxsize=1)
def _cross_groups() -> re.Pattern[str]:
    return re.compile(r"\b" + alternation(words("cross_groups.txt")) + r"\b", re.I)


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
        own = own or (len(out) == 1 and bool(m.group("who") and _OWNED.match(m.group("who"))))  # (the first result's)
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
