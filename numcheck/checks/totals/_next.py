"""A sentence of parts after the sentence that tells their whole (NC109): "Colombia's cocaine seizures totalled 127
tonnes in 2007. The navy accounted for 71 tonnes, the police for 38 tonnes and the army for 18."  The parts, told as
a list that opens the sentence's figures, may fall short of the whole (others may hold the rest), never exceed it;
they are all of it when they name a partition in full ("... 2,548 candidates. 1,912 were men and 636 were women").
The whole must be told as one (_told_as_whole), the parts told as its parts (TOLD_AS_PART: "accounted for", "made
up", "Hebei province produced") and not as its peers (peers: "Toyota sold 8.9 million vehicles. GM sold 8.4 million
and Volkswagen 6.3 million"; "Nigeria's oil output averaged 2.1 million barrels a day. Angola pumped 1.9 million"),
nor as more of it or another state ("The toll rose to 52. Another 30 people were injured and 25 remain missing")."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from ... import tolerance as tol
from ...datafiles import table, words
from ...model import Claim
from ...text import alternation, head_noun, singular
from .._common import OF_THEM, POINTS_BACK, claims_by_sentence, gap, subject_end, where_held
from ..base import Context
from ._holders import holders_counted
from ._parts import SHARE_NOUNS, SUBJECT_VERBS, Sum, alike_figure, named_in_full, named_words, part_ok, told_as_rest
from ._rest import CLAUSE_JOIN, MORE, NEAR, NOT_A_PART, floor_like, held_before, whole_pointed_at, whole_told_before
from ._wholes import MAX_PARTS, list_joined

# a figure an aggregate noun tells in its clause: "Brazil's exports reached", "China's crude steel output rose to",
# "The death toll climbed to" (numcheck/data/aggregate_nouns.txt)
_AGGREGATE = re.compile(r"\b" + alternation(words("aggregate_nouns.txt")) + r"\b[^.;:,\d]{0,60}$", re.I)
# a sum told as spent, a budget's verb: "The interim government will spend F$1.59 billion next year"
_SPENT = re.compile(r"\b(?:spend|spends|spending|spent|allocate[sd]?|earmark(?:s|ed)?)\s+(?:a\s+total\s+of\s+)?$", re.I)
# a toll told by its verb: "Cyclone Sidr killed at least 3,113 people", "The fires claimed 64 lives"
_TOLL_VERB = re.compile(r"\b(?:killed|killing|kills|claimed|died|dead)\b[^.;:,\d]{0,25}$", re.I)
# a body sized by its members: "Nepal's interim parliament has 330 members"
_SIZED = re.compile(r"\b(?:has|have|had|comprises|comprised|numbers|numbered)\s+(?:some\s+|about\s+)?$", re.I)
# the word a figure is told by, past what qualifies or places it: "sold 8.4 million" -> "sold"
_VERB_BEFORE = re.compile(r"([a-z]+)\s+(?:(?:to|at|of|for|by|in|about|some|nearly|almost|around|roughly|over|only"
                          r"|just|an?|the|its|their|a\s+record|more\s+than|at\s+least|up)\s+)*$", re.I)
# an owner named before the first part: "Germany's exports", "Airbus's deliveries": a peer's figure
_OWNER = re.compile(r"\b[A-Z][\w.&-]*['\u2019]s?\s", re.U)
# words that tell the figures of a sentence as parts of a whole: "accounted for", "made up", "the rest came from",
# "Operating expenditure will take", "Hebei province produced", "Some 17,000 died in Pakistani Kashmir" (not
# "Angola pumped 1.9 million", "Japan made 120 million tonnes": another producer's)
TOLD_AS_PART = re.compile(r"\b(?:account(?:s|ed)?\s+for|made\s+up|makes?\s+up|contribut\w+|c[ao]me\s+from|comes\s+from"
                           r"|took|takes?|will\s+take|went\s+to|go(?:es)?\s+to|will\s+go\s+to|got|gets?|received?|receives"
                           r"|(?-i:provinces?|states?|regions?|districts?|count(?:y|ies)|prefectures?|divisions?)"
                           r"|died|were\s+killed)\b", re.I)  # (a place's noun in lower case: "Hebei province", not "the
# United States")
# a sentence that tells more of the whole, or another state than its own: "Another 30 people were injured", "25 remain
# missing"
_MORE_OF_IT = re.compile(r"\s*(?:Another|A\s+further|Further|More)\b")
_OTHER_STATE = re.compile(r"[^.;,\d]{0,25}?\b(?:injured|wounded|hurt|missing)\b", re.I)


def parts_in_next_sentence(ctx: Context, cl: list[Claim], read: set[int]) -> Iterator[Sum]:
    """Every list of parts opening a sentence with their whole in the sentence before (parts in ``read`` are read
    already by another reading).  Each sentence's claims are read once (linear in the text)."""
    by_sentence = claims_by_sentence(ctx, cl)
    text = ctx.text
    for i, group in by_sentence.items():
        before = by_sentence.get(i - 1)
        if not before:
            continue
        s0 = ctx.sentences.span(group[0].start)[0]
        back = bool(POINTS_BACK.match(text, s0)
                    or OF_THEM.match(text, group[0].end) and sum(alike_figure(c, group[0]) for c in before) == 1)
        # "Of them, 168,500 live in camps ... and 44,500 in sites ...", "Legazpi City took in 12,430 of them, Daraga
        # 9,870": the sentence says its figures are parts of the whole before, whatever their clauses (of the one
        # figure there: not "8,600 shipments in 2004 and 5,200 in 2003. Shanghai intercepted 3,100 of them")
        parts = _listed(text, group)
        parts = parts if len(parts) > 1 else _clauses_listed(text, group) if back else _partition_pair(text, group)
        if len(parts) < 2 or any(id(p) in read for p in parts):
            continue
        rest = _rest_closing(ctx, group, parts) if sum(alike_figure(c, parts[0]) for c in before) == 1 else None
        # ("Twenty people ..., but only six will be present. Of those five are in jail and one out on bail, and the
        # remaining 14 ...": of which?)
        parts = parts + [rest] if rest is not None else parts
        rest = rest or (parts[-1] if told_as_rest(text, group, len(parts) - 1) == "before"
                        and not any(alike_figure(c, parts[0]) for c in group[len(parts):]) else None)  # ("... and the
        # other six makers for 433,063": the list is all of it; not "..., with the remaining 180,000 being ...")
        wholes = [c for c in before if not where_held(text, c)]
        whole = whole_pointed_at(ctx, wholes, s0, group[0], parts[0]) if back \
            else whole_told_before(ctx, before, s0, parts[0])
        if whole is None and not back and rest is None and named_in_full(text, parts) \
                and _THE_DEAD_WERE.match(text, s0) and len(group) == len(parts):
            whole = _floor_before(before, parts)  # "Typhoon Zeb killed at least 74 people ... The dead were 29 men, 24
            # women and 21 children": a floor broken down in full (not "The dead recovered so far were ...", "..., while
            # rescuers searched for five more bodies": some of them)
        parts = [*held_before(ctx, before, whole, parts[0]), *parts] if whole is not None and not back else parts  # (a
        # part the whole's sentence held: "won 359 seats ... in the 577-seat National Assembly")
        sure = sum(alike_figure(c, parts[0]) or c is whole for c in wholes) == 1  # the one whole there is may be
        # passed by a mistyped part (not "84 people on Friday, more than the 52 held on Thursday ... Of them": which?)
        full = rest is not None or whole is not None and holders_counted(ctx, whole, parts) \
            or named_in_full(text, parts) and _parted_whole(ctx, whole, parts) \
            and whole is not None and not _SEVERAL_STATES.search(text, *ctx.sentences.span(whole.start))  # ("... stood at 6,864,300. Males
        # numbered 3,285,800 and females 3,578,500")
        if whole is None or not (full or back or _told_as_whole(ctx, whole)) or peers(text, whole, parts[0], s0) \
                or not (full or back or TOLD_AS_PART.search(text, s0, parts[-1].start)) or _MORE_OF_IT.match(text, s0) \
                or any(_OTHER_STATE.match(text, subject_end(text, p)) for p in parts) \
                or not (sure or rest is not None) and any(tol.point(p) >= tol.point(whole) for p in parts):
            continue
        yield Sum(tuple(parts), whole, including=not full)


_THE_DEAD_WERE = re.compile(r"\s*(?:The\s+(?:dead|victims|casualties)|Those\s+killed|They)\s+were\b", re.I)


def _floor_before(before: list[Claim], parts: list[Claim]) -> Claim | None:
    """The one figure of the sentence before, told as a floor of the parts' kind ("at least 74")."""
    floors = [c for c in before if floor_like(c, parts[0])]
    return floors[0] if len(floors) == 1 and sum(c.kind == parts[0].kind for c in before) == 1 else None


# a whole of several states, whose next sentence may break down one: "210 people were killed or wounded ... The dead
# were 14 men, nine women and five children"
_SEVERAL_STATES = re.compile(r"\b(?:killed|dead|died)\s+(?:or|and)\s+(?:wounded|injured|hurt|missing)\b|\bcasualties\b", re.I)


def _rest_closing(ctx: Context, group: list[Claim], parts: list[Claim]) -> Claim | None:
    """The figure after the parts that closes their sentence told as the rest of the whole (", with 600,000 transit
    passengers making up the rest", ", with the remaining 850,000 coming from other countries"): the parts are then all
    of it."""
    text = ctx.text
    if len(parts) < 2 or len(group) <= len(parts) or not alike_figure(group[len(parts)], parts[0]) \
            or not all(_AMONG_HOLDERS.search(text, max(0, c.start - 20), c.start) for c in group[len(parts) + 1:]):
        return None  # (none after it but who holds it: "with the remaining 1,650 from 70 other countries")
    rest = group[len(parts)]
    lead = _REST_LEAD.fullmatch(text, subject_end(text, parts[-1]), rest.start)
    return rest if lead and (lead.group("rest") or _MAKING_UP_REST.match(text, subject_end(text, rest))) else None


_AMONG_HOLDERS = re.compile(r"\b(?:from|among|between|across|by)\s+(?:some\s+|about\s+|more\s+than\s+)?$", re.I)
# from the last part to the rest, in one clause: ", with ", ", and the remaining "
_REST_LEAD = re.compile(r"[^\d;:()]{0,40}?,\s*(?:with|and)\s+(?P<rest>the\s+(?:remaining|rest\s+of\s+the|balance\s+of)\s+)?", re.I)
# the rest said after its figure: " making up the rest.", " accounting for the remainder"
_MAKING_UP_REST = re.compile(r"(?:\s+[a-z-]+){0,3}?\s+(?:making\s+up|accounting\s+for|taking|being|forming)\s+the\s+"
                             r"(?:rest|remainder|balance)\s*[.,;]", re.I)


def _parted_whole(ctx: Context, whole: Claim | None, parts: list[Claim]) -> bool:
    """Whether the whole is one the partition its parts name may break down: told in its kind and unit, by a noun
    numcheck/data/partition_wholes_told.tsv gives the partition (the head of what it counts, or in its clause before
    it), or by the noun the parts are told by ("housing starts ... Urban starts")."""
    if whole is None or any(p.kind != whole.kind or p.unit != whole.unit for p in parts):
        return False  # (not "tourism revenue came to 489 billion yuan. Domestic tourists numbered 870 million")
    text = ctx.text
    lead = text[max(ctx.sentences.span(whole.start)[0], whole.start - 80):whole.start].lower()
    told = {singular(w) for w in re.findall(r"[a-z]+", lead)} | ({head_noun(whole.subject)} if whole.subject else set())
    wholes = _partition_wholes().get(frozenset(named_words(text, parts)))
    if wholes is not None:
        return bool(told & wholes)
    noun = _NOUN_AFTER_NAME.match(text, parts[0].start - 40 if parts[0].start >= 40 else 0, parts[0].start)
    return noun is not None and singular(noun.group(1).lower()) in told


# the noun a part is told by after its partition's word, before its verb: "Urban starts were "
_NOUN_AFTER_NAME = re.compile(r".*?\b[A-Za-z]+\s+([a-z]+)\s+(?:" + SUBJECT_VERBS + r")\s+$", re.S)


@lru_cache(maxsize=1)
def _partition_wholes() -> dict[frozenset[str], frozenset[str]]:
    """numcheck/data/partition_wholes_told.tsv: each partition's words, with the nouns its whole may be told by."""
    return {frozenset(p.split()): frozenset(w.split()) for p, w in table("partition_wholes_told.tsv", ("partition", "wholes"))}


# the second of two parts told after "and" by the noun of the first's partition, its verb left out: " and rural starts "
_AND_NAMED = re.compile(r"\s+and\s+(?:[a-z]+\s+){1,2}$", re.I)


def _partition_pair(text: str, group: list[Claim]) -> list[Claim]:
    """The sentence's first two figures, where they name a partition in full and the second is told after "and" by
    its noun alone ("Urban starts were 206,100 and rural starts 27,300"): the parts of the whole before."""
    pair = group[:2]
    if len(pair) == 2 and part_ok(pair[0]) and part_ok(pair[1]) and alike_figure(pair[1], pair[0]) \
            and _AND_NAMED.fullmatch(text, pair[0].end, pair[1].start) and named_in_full(text, pair):
        return pair
    return []


def _listed(text: str, group: list[Claim]) -> list[Claim]:
    """The parts told as a list from the sentence's first figure: each joined to the next (list_joined, or clauses
    "1,912 were men and 636 were women"), none a level or a change, none a part of a part ("40 of them children")."""
    first = group[0]
    if not part_ok(first) or MORE.match(text, subject_end(text, first)):
        return []
    parts = [first]
    them = OF_THEM.match(text, first.end)  # ("Australians made up 1.01 million of them, Britons 300,000 and ...")
    for c in group[1:MAX_PARTS]:
        prev = parts[-1]
        g = text[them.end():c.start] if them and prev is first else gap(text, prev, c)
        if not alike_figure(c, first) or NOT_A_PART.search(text, max(0, c.start - NEAR), c.start) \
                or MORE.match(text, subject_end(text, c)) or OF_THEM.match(text, c.end) \
                or not (list_joined(text, prev, c, g) or CLAUSE_JOIN.match(g)):
            break
        parts.append(c)
    return parts


# the words between two parts told as clauses, each with its own verb or the first's left out: " live in camps run
# directly by UNHCR and ", " belonged to the Mara Salvatrucha, "
_CLAUSE_GAP = re.compile(r"[^\d;:()]{0,80}?(?:,\s*(?:and\s+)?|\s+and\s+)", re.I)


def _clauses_listed(text: str, group: list[Claim]) -> list[Claim]:
    """The parts told as clauses from the sentence's first figure, after "Of them," (POINTS_BACK): each like the first
    and set off from the one before by a comma or "and" with no figure between, none a level, a change or a part of a
    part."""
    first = group[0]
    if not part_ok(first) or MORE.match(text, subject_end(text, first)) or OF_THEM.match(text, first.end):
        return []
    parts = [first]
    for c in group[1:MAX_PARTS]:
        if not alike_figure(c, first) or not _CLAUSE_GAP.fullmatch(text, parts[-1].end, c.start) \
                or NOT_A_PART.search(text, max(0, c.start - NEAR), c.start) or MORE.match(text, subject_end(text, c)) \
                or OF_THEM.match(text, c.end):
            break
        parts.append(c)
    return parts


def _told_as_whole(ctx: Context, whole: Claim) -> bool:
    """A whole the next sentence may divide: told by an aggregate noun in its clause (_AGGREGATE), a toll told by its
    verb, a body told by its size ("has 330 members") or a sum told as spent; not a party's seats or votes."""
    text = ctx.text
    lead = text[max(ctx.sentences.span(whole.start)[0], whole.start - 80):whole.start]
    noun = head_noun(whole.subject) if whole.subject else ""
    if noun in SHARE_NOUNS:
        return bool(_SIZED.search(lead))  # a party's seats are its share, not a whole the next sentence divides
    return bool(_AGGREGATE.search(lead) or _TOLL_VERB.search(lead) or _SIZED.search(lead)
                or whole.kind == "money" and _SPENT.search(lead) or noun in _aggregate_nouns())  # (or its own noun:
    # "approved an 82.18 trillion yen budget")


@lru_cache(maxsize=1)
def _aggregate_nouns() -> frozenset[str]:
    """numcheck/data/aggregate_nouns.txt, the one-word nouns."""
    return frozenset(w for w in words("aggregate_nouns.txt") if " " not in w)


def peers(text: str, whole: Claim, first: Claim, s0: int) -> bool:
    """Parts told as the whole's peers: by the whole's own verb ("Toyota sold 8.9 million ... GM sold 8.4 million")
    or of an owner named before the first ("Germany's exports reached ...")."""
    told = _VERB_BEFORE.search(text, max(0, whole.start - 40), whole.start)
    again = _VERB_BEFORE.search(text, max(s0, first.start - 40), first.start)
    same_verb = bool(told and again and told.group(1).lower() == again.group(1).lower()
                     and told.group(1).lower() not in _saying())  # (not "Iran said 30,189 ... It said 28,652": who told)
    return same_verb or bool(_OWNER.search(text, s0, first.start))


@lru_cache(maxsize=1)
def _saying() -> frozenset[str]:
    """The verbs that tell who gave a figure (numcheck/data/attribution_verbs.txt), no verb of the figure itself."""
    return frozenset(w.lower() for w in words("attribution_verbs.txt"))
