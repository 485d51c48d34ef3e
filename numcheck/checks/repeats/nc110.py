"""NC110 repeated-figure-mismatch: the same group given contradictory sizes in one text ("around 2,000 civilians" ... "the 1,400 civilians").

Most texts give one subject many sizes legitimately (2,000 people died, 500
people were hurt), so a shared subject alone proves nothing.  The check fires
only on a back-reference: a later "the/its/these N <subject>" or "all N" that
points at a group named before (under the same noun first, else another noun
for it or a wider or narrower word of its kind: numcheck/data/group_names.tsv),
a bare "the N were" (or "all N" with a verb in the past, "All 27 signed")
pointing at the one group the sentence before counts, or
the first sentence (a headline, a lede) restated in the next one with the very
same subject, when the mention referred to gives a size its interval cannot
hold.  It keeps quiet when either sentence marks a change or another time
(revised, now, rose to, last year, a different date), when the earlier mention
is a part ("10 of the directors"), when a clause or place picks a part out,
for "the two" (usually a pair named, not counted), and for names of events
("the 1500m final").  Prefer silence to a guess.
"""
from __future__ import annotations

import re
from functools import lru_cache
from itertools import combinations
from typing import Iterator, Literal

from ... import numfmt as nf
from ... import tolerance as tol
from ...datafiles import words
from ...extract.lexicon import lexicon
from ...model import Claim, Finding
from ...text import alternation, head_noun
from .._common import SHARE_NOUNS, subject_end
from ..base import Check, ClaimsByStart, Context
from ._names import group_names, kinds_of
from ._times import NEAR, dates_in, marked, near, places, same_time


# "the 1,400 civilians", "his planned £35bn savings", "all 83 miners": a determiner, at most one plain word, the
# number ("the agency ordered 30" is no back-reference)
_DEFINITE = re.compile(r"\b(?i:the|its|their|these|those|all\s+the|(?P<all>all)|our|his|her)\s+(?:(?P<adj>[a-z]+)\s+)?$")
# a bare number told as a group already named: "The 49 were charged", "Of the 78, 11 were kept in hospital" (not
# "the 147, 156 and 166": names in a list)
_BARE_VERB = re.compile(r"\b(?P<det>(?i:the|all\s+the|all))\s+(?P<n>\S+)\s+"
                        r"(?:were|are|had|have|will|would|could|remain(?:ed)?|include[sd]?|(?:said|say|told)(?!\s+to\b)"
                        r"|(?P<past>[a-z]{3,}ed))\b")
# (a verb in the past only after "all": "All 77 signed the statement"; "the 49 arrested" may be a group of its own)
_BARE_NONE = re.compile(r"\b(?i:none|each|neither|one|most|many|some|several)\s+of\s+the\s+(?P<n>[\d,.]*\d|[a-z]+(?:-[a-z]+)?)"
                        r"(?:\s+(?:was|is|has|were|are|had|have|will|would|could|did|alive|dead)\b|[,.;])")
# (not a participle after the number, which picks a group out: "Some of the 15 banned last season")
_BARE_OF = re.compile(r"\b(?i:of)\s+the\s+(?P<n>\S+?),\s*(?:[^\d\s]|\S+\s+(?:were|was|are|is|had|have|has)\b)")
# a place told after the group, which picks a part out where the first mention told none ("the 12 ministers from
# the euro zone", "the 12 fires near Los Angeles")
# a group placed by "there" after its noun, and the place its sentence names before it as where someone goes or is
_THERE = re.compile(r"\s+there\b")
_WENT_TO = re.compile(r"\b(?:to|into|visit(?:s|ed|ing)?)\s+(?:the\s+)?(?=[A-Z])")
_PLACE_AFTER = re.compile(r"\s+(?:at|in|from|near|inside|outside)\s+", re.I)
# after a group named anew (by another noun, a wider or narrower one, or "all N"), the clause goes on with its verb or
# ends: "the 22 peacekeepers were evacuated", "the 1.3 million birds."; anything else may pick a part out ("the 900
# inmates still held", "the 44 nations most at risk", "the 300,000 birds kept by smallholders", "the 17,000
# peacekeepers the UN wants to send", "all 300 people at the plant")
_THEN_VERB = re.compile(
    r"\s*(?:[,.;:)]|--|\u2013|\u2014|\Z)|\s+(?:were|was|are|is|have|had|has|will|would|could|can|may|might|must|should"
    r"|remain(?:ed|s)?|include[sd]?)\b|\s+[a-z]+ed\s+(?:a|an|the|their|its|his|her)\s+(?!(?:next|following|same"
    r"|previous|first|last|day|morning|night|week|weekend)\b)", re.I)
# words that mark another group than the one named before ("the other 300", "the first 20")
_CONTRAST = frozenset("other first last next new remaining additional extra further previous original top best "
                      "bottom latest earlier later final initial current former same following another only "
                      "total overall combined number no rank ranked".split())
# a number with a superlative picks its group by rank: "the 10 largest banks" and "the 30 biggest banks" are two
# groups, whatever was said before
_RANKED = frozenset("largest biggest smallest richest poorest oldest youngest highest lowest busiest fastest "
                    "leading best worst top most least".split())
# a figure's whole right after a part: "31 of the 646 seats", "two out of the 16 dancers"
_WHOLE_OF_PART = re.compile(r"\d[\d,.]*\s+(?:[a-z]+\s+)?(?:of|out\s+of)\s+(?:the|its|their)\s+$", re.I)
_OF_THE = re.compile(r"\bof\s+(?:the|its|their)\s+$", re.I)
# a holder named between "the" and its seats or votes: "giving the coalition 198", "the ruling bloc 327"
_HOLDER_BEFORE = re.compile(r"\bthe\s+(?:[a-z]+\s+)?(?:coalition|bloc|alliance|party|government|opposition|camp|front|union)\s+$",
                            re.I)
_WHOLE_OF_SHARE = re.compile(r"(?:percent|per\s+cent|%|pct)\s+of\s+(?:the|its|their)\s+$", re.I)
_DET_IN_CLAIM = re.compile(r"^(?:the|its|their|these|those)\s", re.I)
_PARTITIVE_AFTER = re.compile(r"\s+(?:of|out\s+of)\b", re.I)  # matched at the claim's end
_RESTRICTIVE = re.compile(r"\s+(?:where|that|which|who|whose|whom|in\s+which|for\s+which|with|without|on\s+which"
                         r"|due\s+to|set\s+to|about\s+to|to\s+be|still|yet|already|most|least|[a-z]+er\s+than"
                         r"|(?:we|they|he|she|I|you)\s+[a-z]+|(?:this|that|the|its|their|his|her)\s+(?:[a-z]+\s+)?[a-z]+'s\s"
                         r"|(?:its|their|his|her|our)\s+[a-z]+\s+(?:won|took|got|held|had|made|gave|lost|bought|sold|built"
                         r"|sent|[a-z]+ed)\b"
                         r"|(?:won|held|taken|given|lost|sold|built|bought|kept|left|brought|caught|sent)\s+(?:on|in|at|by|from|under)\b"
                         r"|[a-z]+ing\b|[a-z]+ed\b(?!\s+(?:(?:a|an|the|their|its|his|her)\s+(?!(?:next|following|same|previous|first|last|"
                         r"day|morning|night|week|weekend)\b)|\d)))", re.I)
# ("the 120 aircraft already in its fleet" beside 50 ordered: the ones there before;
# "the 35 miners they pulled out", "the 40 hostages the army's commandos freed", "the three seats their candidates
# won": a contact clause, its own subject; "the three seats won on a joint list": a participle of its own;
# "the 16 films competing in ...", "the 3,000 schools invited to take part", "the seven people killed and 12
# injured": a clause that picks a group out; "the 44 nations adopted a ..." is the verb, with its object, but "the 45
# passengers rescued the next morning" is a clause)
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_MORE_BETWEEN = re.compile(r"\d[\d,]*\s+more\b|\b(?:another|a\s+further|an\s+additional)\s+\d", re.I)


def _key(text: str, c: Claim) -> tuple[str, str, str] | None:
    """The group a figure sizes (kind, unit, head noun), or None when it sizes none: a compound modifier ("the
    18-seat council": the council), a coordinated group ("nine brothers and sisters"), an amount or an event."""
    if not c.subject or c.kind not in ("count", "money", "measure") or c.change is not None or c.range:
        return None
    if text[c.end:c.end + 1] in ("-", "\u2010", "\u2011") or _AND_MORE.match(text, subject_end(text, c)):
        return None
    head = head_noun(c.subject)
    last = c.subject.split()[-1].lower()
    if head in not_groups() or last in not_groups() or len(head) < 3:
        return None
    return (c.kind, c.dimension or c.unit, group_names().same.get(head, head))


_ED_THEN_WORD = re.compile(r"\s+[a-z]+ed\s+([a-z]+)\b")


def _verb_with_object(text: str, after: int) -> bool:
    """An -ed verb right after a group's noun with an object after it, a pronoun or a noun in the plural ("the 75
    rockets caused injuries", "the 712 turtles showed them"): the group's own verb; a participle that picks a part
    out is followed by a preposition or an adverb ("the 16 films selected for", "the 20 people arrested further
    north")."""
    m = _ED_THEN_WORD.match(text, after)
    if m is None:
        return False
    word = m.group(1)
    if word in ("them", "it", "him", "her", "us"):
        return True
    return word.endswith("s") and not word.endswith("ss") and word not in lexicon().stopwords  # "caused injuries"


# a verb that gives its object something "with": "provided the 9,100 refugees with temporary shelter"
_GIVES_WITH = re.compile(r"\b(?:provided|provides|provide|supplied|supplies|supply|equipped|equips|equip|presented|"
                         r"furnished|fed|feeds|armed|helped|helps|issued)\s+(?:all\s+)?(?:the|its|their)\s+$", re.I)


def _given_with(text: str, c: Claim, after: int) -> bool:
    """Whether the "with" after a group belongs to the verb before it ("provided the 9,100 refugees with shelter")."""
    return text[after:after + 6].lower().startswith(" with ") and bool(_GIVES_WITH.search(text, max(0, c.start - 30), c.start))


def _then_verb(text: str, after: int) -> bool:
    """Whether a group named anew goes on with its verb or ends its clause (_THEN_VERB, a verb in the present:
    numcheck/data/present_verbs.txt, "the 58 schemes cover roads", an -ed verb that takes no object, "the 687
    children waited", or one with its object, "the 75 rockets caused injuries")."""
    return bool(_THEN_VERB.match(text, after)) or _own_verb(text, after)


def _own_verb(text: str, after: int) -> bool:
    """Whether the word after a group's noun is the group's own verb: a verb in the present, an -ed verb that takes no
    object, or one with its object."""
    return bool(_present_verbs().match(text, after) or _intransitive().match(text, after)) \
        or _verb_with_object(text, after)


@lru_cache(maxsize=1)
def _present_verbs() -> re.Pattern[str]:
    """numcheck/data/present_verbs.txt, as a match for the word after a group's noun."""
    return re.compile(r"\s+(?:" + alternation(words("present_verbs.txt")) + r")\b", re.I)


@lru_cache(maxsize=1)
def _intransitive() -> re.Pattern[str]:
    """numcheck/data/intransitive_verbs.txt, as a match for the word after a group's noun."""
    return re.compile(r"\s+(?:" + alternation(words("intransitive_verbs.txt")) + r")\b", re.I)


def _named(c: Claim) -> str:
    """A mention as the message quotes it: its figure and its subject ("2,000 civilians", or "49" for a bare one)."""
    return f"{c.text} {c.subject}".strip()


Bound = Literal["", "below", "above"]  # which sizes contradict a mention: any, only smaller, only larger


def _referent(ctx: Context, names: "_NamesBySentence", earlier: "_Mentions", wider: "_Mentions",
              key: tuple[str, str, str], c: Claim) -> tuple[Claim | None, Bound]:
    """The earlier mention ``c`` may refer back to, and which sizes contradict it.  A mention under the same name
    comes first (any other size contradicts it); failing that, the nearest one named by a narrower word ("2.3
    million chickens ... the birds", which may count more: only a smaller size, "below") or a wider one ("12
    soldiers ... the peacekeepers", which may be a part: only a larger size, "above"), counted in a sentence that
    counts no other group of the kind ("chickens and ducks")."""
    mods = _mods(c)
    prev = earlier.nearest(key, mods) or _told_before(ctx, earlier, key, c)
    bound: Bound = ""
    if prev is None:
        found: list[tuple[Claim, Bound, str]] = [(m, "below", key[2]) for m in (wider.nearest(key, mods),) if m]
        found += [(m, "above", w) for w in sorted(kinds_of(key[2]))
                  for m in (earlier.nearest((key[0], key[1], w), mods),) if m]
        if not found:
            return None, ""
        prev, bound, kind = max(found, key=lambda f: f[0].start)
        if not names.alone(prev, kind):
            return None, ""
    if prev.qualifier in (">", ">=", "<", "<="):
        return None, ""  # "more than 40,000 patents" ... "the 500 patents": a part, or a bound, not a size
    return prev, bound


class _NamesBySentence:
    """For each sentence, the head nouns of the groups it counts that name each kind (the kind itself or a noun of
    it), so that "is this the one group of the kind its sentence counts" is a lookup (checks stay linear)."""

    def __init__(self, ctx: Context, keys: dict[int, tuple[str, str, str] | None]) -> None:
        self.ctx = ctx
        self.heads: dict[tuple[int, str], set[str]] = {}
        for c in ctx.claims:
            key = keys[id(c)]
            if key is not None:
                i = ctx.sentences.index(c.start)
                for kind in (key[2], *kinds_of(key[2])):
                    self.heads.setdefault((i, kind), set()).add(key[2])
        self.keys = keys

    def alone(self, c: Claim, kind: str) -> bool:
        """Whether ``c`` is the only group its sentence counts that ``kind`` names."""
        key = self.keys[id(c)]
        return key is not None and self.heads.get((self.ctx.sentences.index(c.start), kind), set()) == {key[2]}


class _ToldInParagraph:
    """The counts told so far in the current paragraph, by value: a bare "the 12" may refer back to any of them."""

    def __init__(self) -> None:
        self.values: set[float] = set()
        self.last_end = 0

    def add(self, ctx: Context, c: Claim) -> None:
        if "\n\n" in ctx.text[self.last_end:c.start]:
            self.values = set()
        self.last_end = c.end
        if c.kind == "count" and c.point is not None:
            self.values.add(c.point)

    def has(self, ctx: Context, c: Claim) -> bool:
        return "\n\n" not in ctx.text[self.last_end:c.start] and c.point in self.values


def _bare_referent(ctx: Context, counts: ClaimsByStart, keys: dict[int, tuple[str, str, str] | None], c: Claim,
                   told: _ToldInParagraph) -> Claim | None:
    """The group a bare number refers back to ("Police arrested 29 activists. The 49 were charged", "Of the 78,"):
    the one group the sentence before counts, in the same paragraph, when no count told so far in the paragraph
    has that value ("arrested 40 people, 12 of them minors. The 12 were released").  Not after "these", "those" or
    "among" ("These 40 were ...", which as often count a list of their own)."""
    text = ctx.text
    if c.kind != "count" or c.subject or c.unit or c.point in (1, 2) or told.has(ctx, c) or not _bare_told(text, c):
        return None
    i = ctx.sentences.index(c.start)
    s0 = ctx.sentences.span_at(i)[0]
    here = [g for g in counts.between(s0, c.start) if keys[id(g)] is not None]
    if i == 0 and not here:
        return None
    # the group counted earlier in the same sentence ("The hotel's 270 guests were moved ..., and police said all 270
    # were safe"), or else in the sentence before
    before = here if here else counts.between(*ctx.sentences.span_at(i - 1))
    if any(RepeatedFigure._partitive(text, g) for g in before):
        return None  # "convicted five of the 12 defendants. The seven were cleared": the rest of them
    groups = [g for g in before if keys[id(g)] is not None]
    if len(groups) != 1 or "\n\n" in text[groups[0].end:c.start] or groups[0].qualifier in (">", ">=", "<", "<="):
        return None
    return groups[0]


def _measure_referent(ctx: Context, measures: ClaimsByStart, c: Claim) -> Claim | None:
    """The measure a definite one with no noun refers back to ("seized 260 tonnes of chicken wings ... the 460
    tonnes were destroyed", "on 850 hectares ... Farmers on the 550 hectares"): the one measure of its dimension
    counted in the sentence before, in the same paragraph, none of it in its own, the later one going on with
    its verb or ending its clause (not "the 400 tonnes of rice": a part by what it holds), its
    unit written out (not an event: "won the 100m final ... bronze in the 200m"), not a length ("second in the 10,000
    metres": a race)."""
    text = ctx.text
    if c.kind != "measure" or c.subject or not c.dimension or c.range or c.change is not None \
            or c.dimension == _LENGTH or not _UNIT_SPELT.search(c.text) \
            or not _THE_OR_ALL.search(text, max(0, c.start - 10), c.start) \
            or _PARTITIVE_AFTER.match(text, c.end) or not _then_verb(text, c.end):
        return None  # (as a group named anew: "the 430 tonnes were burned", not "the 1.5 million tonnes set aside for
        # export" nor "the 45 kilometres through the mountains", which pick a part out)
    i = ctx.sentences.index(c.start)
    if i == 0 or any(m.dimension == c.dimension for m in measures.between(ctx.sentences.span_at(i)[0], c.start)):
        return None  # "7,680 gigawatt-hours, or 25.3 percent of the 30,350 gigawatt-hours": the whole of a share
    before = [m for m in measures.between(*ctx.sentences.span_at(i - 1)) if m.dimension == c.dimension]
    if len(before) != 1 or "\n\n" in text[before[0].end:c.start] \
            or before[0].subject and head_noun(before[0].subject) in not_groups() \
            or before[0].qualifier in (">", ">=", "<", "<=") \
            or _OF_A_WHOLE.match(text, before[0].end):
        return None  # "260 tonnes of the 1,000 tonnes": a part ("260 tonnes of chicken wings" is what they hold)
    return before[0]


# a length told again is as often a race or a stretch of its own: "in the 10,000 metres", "the 45 kilometres through
# the mountains"
_LENGTH = "length"
# a unit written out after its number ("the 430 tonnes"), not glued to it as a race is named ("the 200m")
_UNIT_SPELT = re.compile(r"\d\s+[a-z]{3,}")
_OF_A_WHOLE = re.compile(r"\s+(?:of|out\s+of)\s+(?:the\s+|its\s+|their\s+)?\d", re.I)


BARE_REACH = 20  # characters either side of a bare number in which its determiner and verb are read
# a bare number set off by an apposition before its verb ("The 52, mostly Afghans, were handed over"): matched at
# the number's end, with _THE_OR_ALL before it (not "all N" ending a clause: "Smith has scored in all 14" may count
# the games played, not the 10 won)
_BARE_APPOSED = re.compile(r",\s+[^,.;:\d]{1,40},\s+(?:were|are|had|have|will|would|could|remain(?:ed)?)\b")
_THE_OR_ALL = re.compile(r"\b(?:all\s+(?:the\s+)?|the\s+)$", re.I)


def _bare_told(text: str, c: Claim) -> bool:
    """Whether a bare number is told as a group named before: "the/all N" with a verb, "none/each of the N", "Of
    the N,", "The N, mostly Afghans, were"."""
    if any(m.end("n") == c.end and not (m.groupdict().get("past") and not m.group("det").lower().startswith("all"))
           for bare in (_BARE_VERB, _BARE_NONE, _BARE_OF)
           for m in bare.finditer(text, max(0, c.start - BARE_REACH), c.end + BARE_REACH)):
        return True
    det = _THE_OR_ALL.search(text, max(0, c.start - 10), c.start)
    return det is not None and bool(_BARE_APPOSED.match(text, c.end))


def _where_told(text: str, c: Claim, sentence: tuple[int, int]) -> str:
    """The words that may place a group referred back to: before it in its sentence ("In Germany, the 200 people")
    and a place right after its noun ("the 200 people in Germany"), not where it goes or what it does next ("The 54
    will train at a camp in Nyahururu")."""
    end = subject_end(text, c)
    if _THERE.match(text, end):
        return _WENT_TO.sub("in ", text[sentence[0]:c.end])  # "fly on to South Korea where he will meet the
        # commander of the 35,000 US troops there": the place its sentence named before it
    after = _PLACE_AFTER.match(text, end)
    return text[max(sentence[0], c.start - NEAR):c.end] + (text[end:min(sentence[1], end + NEAR)] if after else "")


def _renamed(prev: Claim, c: Claim) -> bool:
    """Whether the later mention names the group by another noun than the first ("troops ... the soldiers")."""
    return head_noun(prev.subject) != head_noun(c.subject)


@lru_cache(maxsize=1)
def not_groups() -> frozenset[str]:
    """numcheck/data/not_groups.txt: nouns after a number that name an amount or an event, not a group."""
    return frozenset(w.lower() for w in words("not_groups.txt"))


# "the nine brothers and sisters": the group goes on past the noun the extractor took
_AND_MORE = re.compile(r"\s+and\s+[a-z]+s\b")
# "its eight counties": a possessive binds the group to its own sentence's owner
_OWNED = re.compile(r"\b(?:its|their)\s+(?:[a-z]+\s+)?$", re.I)


def _owned_elsewhere(ctx: Context, prev: Claim, c: Claim) -> bool:
    """ "Bird flu broke out in two counties of Xinjiang. Guangxi has set up stations in its eight counties": the
    later group is owned by a name its sentence gives and the earlier sentence does not."""
    from ...history.keys import entities

    s0 = ctx.sentences.span(c.start)[0]
    if not _OWNED.search(ctx.text, max(s0, c.start - 30), c.start):
        return False
    owners = entities(ctx.text[s0:c.start])
    a0, a1 = ctx.sentences.span(prev.start)
    return bool(owners) and not owners & entities(ctx.text[a0:a1])


def _told_before(ctx: Context, earlier: "_Mentions", key: tuple[str, str, str], c: Claim) -> Claim | None:
    """The mention in an earlier sentence that ``c`` refers to with a modifier told beside it ("33 miners trapped
    by the flood ... the 23 trapped miners"): the word describes the group, it picks out no part of it (as "the
    7,100 eligible employees" after "1,100 employees" would, or "86 income flights" beside "92 outgoing flights")."""
    mods = _mods(c)
    for m in sorted(mods - _CONTRAST):
        prev = earlier.nearest(key, mods - {m})
        if prev is not None and ctx.sentences.index(prev.start) < ctx.sentences.index(c.start):
            s0, s1 = ctx.sentences.span(prev.start)
            near = ctx.text[max(s0, prev.start - TOLD_NEAR):min(s1, subject_end(ctx.text, prev) + TOLD_NEAR)]
            if m in (w.lower() for w in _WORD.findall(near)):
                return prev
    return None


TOLD_NEAR = 25  # characters either side of the earlier mention in which its sentence tells the modifier


def _mods(c: Claim) -> frozenset[str]:
    """The subject's modifiers, lower case: "Russian civilians" -> {"russian"}."""
    return frozenset(w.lower() for w in c.subject.split()[:-1])


class _Mentions:
    """The mentions of each group so far, for the nearest earlier one whose modifiers fit, in constant time.

    A fitting mention has the same modifiers, or failing that more of them
    ("Russian civilians" -> "the civilians"); a later mention may drop
    modifiers, not add them ("the 14 Liberal MPs" is a part of "301 MPs").  So
    each mention is filed under its own modifier set and under every proper
    subset of it (subjects are at most four words: at most seven subsets).
    """

    MAX_MODIFIERS = 8  # a longer modifier set is filed under itself only

    def __init__(self) -> None:
        self.same: dict[tuple[tuple[str, str, str], frozenset[str]], Claim] = {}
        self.wider: dict[tuple[tuple[str, str, str], frozenset[str]], Claim] = {}

    def nearest(self, key: tuple[str, str, str], mods: frozenset[str]) -> Claim | None:
        return self.same.get((key, mods)) or self.wider.get((key, mods))

    def add(self, key: tuple[str, str, str], mods: frozenset[str], c: Claim) -> None:
        self.same[key, mods] = c
        if len(mods) <= self.MAX_MODIFIERS:
            for k in range(len(mods)):
                for subset in combinations(sorted(mods), k):
                    self.wider[key, frozenset(subset)] = c


class RepeatedFigure(Check):
    """A group referred back to ("the 1,400 civilians") with a size that contradicts its first mention.

    What it flags:
    A later "the/its/these N <subject>" that points back at a group named
    before, or a headline or first sentence restated in the next one, with a
    size the first mention's interval cannot hold.  The later mention may
    drop modifiers ("Russian civilians" ... "the civilians") or add one the
    earlier sentence told beside the group ("33 miners trapped by
    a flood ... the 23 trapped miners"), or name the group by another noun
    for it ("1,700 troops ... the 2,700 soldiers") or a wider one for its kind
    ("2.3 million chickens ... the 1.3 million birds": a wider word may count
    more, so only a smaller size contradicts it, and only when the earlier
    sentence counts no other group of the kind; numcheck/data/
    group_names.tsv), or a narrower one, which may name a part, so only a
    larger size contradicts it ("12 soldiers ... the 22 peacekeepers").  "All N" may name a larger whole ("in 30 states ... in
    all 50 states"), so it too contradicts only by being smaller.  A group
    named anew (by another noun, a wider or narrower one, or "all N") must
    go on with its verb or end its clause ("the 22 peacekeepers were
    evacuated", "the 58 schemes cover roads", "the 75 rockets caused
    injuries"; not "the 900 inmates still held").  A
    bare number after "the", "all" or "of the" refers back to the one group
    counted earlier in its sentence or in the sentence before ("Police
    arrested 29 activists. The 49 were charged", "Of the 78, 11 were kept",
    "The 92, mostly Afghans, were", "None of the 46 appeared", "Lawyers for
    the 72 said"), and a measure told by its unit alone ("the 430 tonnes
    were burned") to the one of its dimension the sentence before tells, unless the
    paragraph told that count before or the sentence before tells a part of
    the group ("convicted five of the 12 defendants. The seven were
    cleared").
    Any other added modifier picks out a
    part ("the 7,100 eligible employees"), and a superlative picks a group
    by rank ("the 30 biggest banks" after "the 10 largest banks").  Most texts give one subject
    many sizes legitimately (2,000 people died, 500 people were hurt), so a
    shared subject alone proves nothing.  It keeps quiet when either sentence
    marks a change (revised, now, rose to, last year: numcheck/data/
    repeat_quiet.tsv); when the two sentences set their figures in different
    times (a year, a month; a day an event is told on is narration, a time
    still to come says when something will happen to the group, and a
    time not known, "October to December" in copy dated to the year, may be
    any), or only one of them sets a time ("12,575 cafes were shut in the
    three months to June ... all the 100,000 cafes"); when a
    place or an owner differs ("in France" against "in Germany"; "Guangxi ...
    its eight counties"; a place the later group goes to or acts in, "will
    train at a camp in Iten", sets it apart from none); when the group was
    given that size before ("the 3,000
    centrifuges" after 3,000 and 164); when the earlier mention is a part ("10
    of the directors") or a bound ("more than 40,000"), the later one a part
    ("the 5 of them"; "the 12 floors of the archives" is no part) or a group
    picked out by a clause ("the 16 films competing in ...") or a coordinated
    group ("brothers and sisters"); for "the two" (usually a pair named, not
    counted); for compound modifiers ("the 30-storey hotel": a hotel); and for
    amounts and events, not groups ("108 points", "the 1500m final":
    numcheck/data/not_groups.txt).  No suggestion: either mention may be the
    wrong one.

    Why it matters:
    The same group given two sizes in one story is the error a sub-editor finds
    by reading top to bottom; one of the two figures was left behind by an edit.

    Anti-pattern:
        The attack killed around 2,000 civilians. Officials spoke. The families of the 1,400 civilians want answers.

    Best practice:
        The attack killed around 2,000 civilians. Officials spoke. The families of the 2,000 civilians want answers.

    Options:
    None: the words that mark a change or another time are in numcheck/data/repeat_quiet.tsv.
    """

    code = "NC110"
    name = "repeated-figure-mismatch"
    severity = "warning"
    # no suggestion: either mention may be the wrong one

    def run(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        dates = ClaimsByStart(c for c in ctx.claims if c.kind in ("date", "duration"))
        keys = {id(c): _key(text, c) for c in ctx.claims}
        counts = ClaimsByStart(c for c in ctx.claims if c.kind == "count")
        measures = ClaimsByStart(c for c in ctx.claims if c.kind == "measure" and c.point is not None)
        names = _NamesBySentence(ctx, keys)
        earlier, wider = _Mentions(), _Mentions()  # mentions under their own names; under the kinds they belong to
        sizes: dict[tuple[str, str, str], list[tol.Interval]] = {}  # every size each group was given so far
        told = _ToldInParagraph()
        for c in ctx.claims:
            key = keys[id(c)]
            if c.point is None:
                continue
            if key is None:
                prev = _bare_referent(ctx, counts, keys, c, told)
                bound: Bound = ""
                if prev is None:
                    prev, bound = _measure_referent(ctx, measures, c), "above"  # (a smaller amount may be the part
                    # handled: "800 tonnes of fuel ... The 300 tonnes were pumped out")
                if prev is not None and self._contradicts(ctx, dates, prev, c, (), bound=bound):
                    yield self._finding(ctx, prev, c)
                told.add(ctx, c)
                continue
            told.add(ctx, c)
            mods = _mods(c)
            how = self._back_reference(text, c)
            found = _referent(ctx, names, earlier, wider, key, c) \
                if how is not None or ctx.sentences.index(c.start) == 1 else (None, "")
            b_iv = _canon(c) if c.kind == "measure" else tol.rounded(c)
            given = sizes.setdefault(key, [])
            stated_before = tuple(given)
            if not self._partitive(text, c):
                earlier.add(key, mods, c)
                for kind in kinds_of(key[2]):
                    wider.add((key[0], key[1], kind), mods, c)
                if b_iv is not None:
                    given.append(b_iv)
            prev, bound = found
            if prev is None or b_iv is None:
                continue
            if how is None and (not self._lede_restatement(ctx, prev, c) or _listed_with_others(ctx, counts, c)):
                continue  # (not a list of groups: "Opponents included 27 Republicans, 187 Democrats and one
                # independent" after "202 Republicans and 15 Democrats voting in favor")
            if _WHOLE_OF_PART.search(text, max(0, c.start - 40), c.start) \
                    and (ctx.sentences.index(prev.start) == ctx.sentences.index(c.start) or head_noun(c.subject) in SHARE_NOUNS):
                continue  # "Labour won 355 seats, ... other parties taking 31 of the 646 seats": the whole of the list;
                # "Golkar ... with 128 seats. ... shared the remaining 198 of the 550 seats": the house's, not a party's
            if head_noun(c.subject) in SHARE_NOUNS and (_OF_THE.search(text, max(0, c.start - 12), c.start)
                                                        or _HOLDER_BEFORE.search(text, max(0, c.start - 40), c.start)):
                continue  # "still short of a majority of the 603 seats": the house's; "giving the coalition 198 of the
                # 386 seats": the coalition's, not a party's told before
            if _WHOLE_OF_SHARE.search(text, max(0, c.start - 40), c.start):
                continue  # "Labor won 83 seats. That is 55 percent of the 150 seats": the whole a share is of
            if how == "all" and bound == "above":
                continue  # "all 600 nurses" after "the 400 workers": a larger whole, or a part of it
            after = subject_end(text, c)
            if (how == "all" or bound or _renamed(prev, c)) and not _then_verb(text, after):
                continue  # "all 300 people at the plant", "the 900 inmates still held": a part picked out
            if _PLACE_AFTER.match(text, after) and not _PLACE_AFTER.match(text, subject_end(text, prev)):
                continue  # "The 25 ministers arrived ... The 12 ministers from the euro zone": a part by its place
            if self._contradicts(ctx, dates, prev, c, stated_before, "below" if how == "all" else bound):
                yield self._finding(ctx, prev, c)

    def _finding(self, ctx: Context, prev: Claim, c: Claim) -> Finding:
        return ctx.finding(
            self, c.start, c.end,
            f"'{_named(c)}' refers back to '{_named(prev)}' stated earlier; "
            f"{nf.amount(tol.point(c), like=c, step=c.step)} against {nf.amount(tol.point(prev), like=prev, step=prev.step)} "
            f"({nf.rel_diff(tol.point(c), tol.point(prev))}); either may be the wrong one",
            related=[ctx.related(prev, "first mention")],
            evidence={"subject": c.subject or prev.subject, "first": prev.point, "later": c.point})

    @staticmethod
    def _contradicts(ctx: Context, dates: ClaimsByStart, prev: Claim, c: Claim, stated_before: tuple[tol.Interval, ...],
                     bound: Bound) -> bool:
        """Whether ``c``, referring back to ``prev``, gives the group a size it cannot have: outside the first
        mention's interval (below it, when ``c`` is a wider word or "all N" that may name more; above it, when ``c``
        is a narrower word that may name a part: ``bound``), with no change, other time, place or owner told between
        them."""
        text = ctx.text
        if c.kind != "measure" and prev.unit != c.unit:
            return False
        a_iv = _canon(prev) if c.kind == "measure" else tol.rounded(prev)
        b_iv = _canon(c) if c.kind == "measure" else tol.rounded(c)
        if a_iv is None or b_iv is None or a_iv.overlaps(b_iv) or any(iv.overlaps(b_iv) for iv in stated_before):
            return False  # "the 3,000 centrifuges" refers back to the 3,000 stated before, not the nearest 164
        if bound == "below" and b_iv.hi >= a_iv.lo:
            return False  # "30 chickens ... the 50 birds", "in 30 states ... in all 50 states": a wider group
        if bound == "above" and b_iv.lo <= a_iv.hi:
            return False  # "77 birds ... the 17 parrots": a part of the group
        if _owned_elsewhere(ctx, prev, c) or _MORE_BETWEEN.search(text, prev.end, c.start):
            return False  # ("Some 1,500 journalists had registered ..., and 300 more have been accredited since ... of
            # the 1,800": the group grew between)
        sa, sb = ctx.sentences.span(prev.start), ctx.sentences.span(c.start)
        if marked(text, prev, sa) or marked(text, c, sb):
            return False
        if not same_time(dates_in(ctx, dates, sa, prev), dates_in(ctx, dates, sb, c)):
            return False  # "12,575 cafes were shut in the three months to December" ... "all the 100,000 cafes"
        pa, pb = places(near(text, prev, sa)), places(_where_told(text, c, sb))
        return not (pa and pb and not pa & pb)  # "in France" against "in Germany": two groups

    @staticmethod
    def _back_reference(text: str, c: Claim) -> str | None:
        """How ``c`` points back at a group: "the" (a determiner), "all" ("all 83 miners"), or None."""
        how = "the"
        if not _DET_IN_CLAIM.match(c.text):
            m = _DEFINITE.search(text[max(0, c.start - 40):c.start])
            if m is None:
                return None
            between = m.group(0).split()[1:]
            if any(w.lower() in _CONTRAST for w in between) or \
                    any(w.lower() in ("of", "to", "a", "an", "and", "or", "in", "on", "for", "than") for w in between):
                return None
            how = "all" if m.group("all") else "the"
        if c.kind == "count" and c.point in (1, 2):
            return None  # "the two men", "the two countries": a pair named earlier, not a count
        if _mods(c) & _RANKED:
            return None
        after = subject_end(text, c)
        # "the 14 seats where ...": the clause after defines a new group; "the 5 of them": a part (but "the 12
        # floors of the archives" is the floors, told whose)
        partitive = _PARTITIVE_AFTER.match(text, after) and not text[c.end:after].strip()
        restrictive = _RESTRICTIVE.match(text, after)
        if restrictive and (_own_verb(text, after) or _given_with(text, c, after)):
            restrictive = None  # "the 43 cattle belonged to three families", "the 11 aircraft need", "the 75 rockets
            # caused injuries", "provided the 9,100 refugees with shelter": the group's verb, or the verb before's
        return None if partitive or restrictive else how

    @classmethod
    def _lede_restatement(cls, ctx: Context, prev: Claim, c: Claim) -> bool:
        """A headline or first sentence restated in the next ("Parmalat sues 45 banks ... Parmalat has sued 45 banks"),
        by the same agent: one whose name's last word is in the other's (not "Allawi's Iraqi List won 40 seats ... The
        United Iraqi Alliance took 140 seats", which share a word only)."""
        if not (ctx.sentences.index(prev.start) == 0 and ctx.sentences.index(c.start) == 1
                and prev.subject.lower() == c.subject.lower() and not cls._partitive(ctx.text, c)):
            return False
        mine, theirs = _agent_words(ctx, prev), _agent_words(ctx, c)
        return bool(set(mine) & set(theirs)) and (mine[-1] in theirs or theirs[-1] in mine)

    @staticmethod
    def _partitive(text: str, c: Claim) -> bool:
        """A part of a group ("10 of the directors", "two out of 16 dancers"), not the group."""
        end = subject_end(text, c)
        return c.subject and text[c.end:end].lstrip(" -").lower().startswith(("of ", "out of ")) or \
            bool(_PARTITIVE_AFTER.match(text, c.end)) and not c.subject.lower().startswith("of")


_NOT_AGENTS = frozenset("The A An In On At But And However It He She They We This That Last Next Mr Mrs Ms Dr "
                        "If When While After Before Some About Around Only".split())


_LIST_JOIN = re.compile(r"\s*(?:,|,?\s+and)\s+$")


def _listed_with_others(ctx: Context, counts: ClaimsByStart, c: Claim) -> bool:
    """Whether ``c`` is told in a list with a count of another group right before or after it ("27 Republicans, 187
    Democrats and one independent"): a part of a breakdown, not the group told again."""
    text = ctx.text
    s0, s1 = ctx.sentences.span(c.start)
    near = [d for d in counts.between(s0, s1) if d is not c and d.subject and d.subject != c.subject]
    return any(_LIST_JOIN.match(text[subject_end(text, d):c.start]) for d in near if d.end <= c.start) \
        or any(_LIST_JOIN.match(text[subject_end(text, c):d.start]) for d in near if d.start >= c.end)


def _agent_words(ctx: Context, c: Claim) -> list[str]:
    """Names just before a number in its sentence, in order ("Parmalat has sued 55 banks" -> ["Parmalat"]; the last is
    the head of the nearest name: "Iraqi List won 40" -> [..., "Iraqi", "List"]): who does the counting (not a name
    of the sentence before: "Police arrested 30 people. The 20 people ...")."""
    s0 = ctx.sentences.span(c.start)[0]
    ws = _WORD.findall(ctx.text[max(s0, c.start - 60):c.start])[-6:]
    return [w for w in ws if w[0].isupper() and w not in _NOT_AGENTS]


def _canon(c: Claim) -> tol.Interval | None:
    from ...units import convert, load_units

    units = load_units()
    if c.unit not in units:
        return None
    iv = tol.rounded(c)
    base = next(iter(u.name for u in units.values() if u.dimension == units[c.unit].dimension))
    lo, hi = convert(iv.lo, c.unit, base), convert(iv.hi, c.unit, base)
    return tol.Interval(min(lo, hi), max(lo, hi))


CHECK = RepeatedFigure()
