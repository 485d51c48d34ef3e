"""What the NC109 readings share: a figure that can be a part or total, how a part is told with its place, and the sum
they read (parts and the total they should add up to)."""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Iterator

from ... import numfmt as nf
from ... import tolerance as tol
from ...datafiles import words
from ...model import Claim
from ..base import ClaimsByStart, Context
from ...text import alternation, head_noun
from .._common import OF_THEM, SHARE_NOUNS, claims_between, gap, subject_end


@dataclass(frozen=True)
class Sum:
    """Parts read with the total they should add up to; ``including``: they may fall short of it, never exceed it;
    ``loose``: read from the words around them alone (totals/_told), so only a sum one mistyped digit off the total,
    short of it or past it, is said."""

    parts: tuple[Claim, ...]
    total: Claim
    including: bool
    loose: bool = False
    past_only: bool = False  # with ``including``: a breakdown that may be told in part, so only a sum past it is said


# the verb and noun of a running total moved: "bringing the total", "taking the national tally", "raising its death
# toll", "pushing the number of cases" (totals/_lists and totals/_running)
RUNNING_VERBS = r"bringing|taking|pushing|raising|lifting"
RUNNING_TOTAL = (r"(?:" + RUNNING_VERBS + r")\s+(?:the|its|their)\s+(?:[\w'\u2019-]+\s+){0,3}?"
                 r"(?:total|toll|tally|number|count)\b")

# a level a figure is compared with or left, right before it: "up from ", "against ", "than " (no whole of parts after
# it: "3.25 million bales by Dec 1, against 2.96 million bales a year earlier, were split between")
LEVEL_BEFORE = re.compile(r"\b(?:from|against|than|versus|compared\s+(?:with|to))\s+(?:about\s+|some\s+)?$", re.I)

AND = re.compile(r"\band\b", re.I)  # the word that joins a list's last part, or two takers

# an average, a rate or a measure of each, which its parts may pass and which no sum makes: "Average class size",
# "35 per 1,000 births", "averaged 38,000 fans a game"
A_RATE = re.compile(r"\b(?:averag\w*|mean|median|rate|ratio|per\s+(?!cent)|scor\w*|size|age|density|speed)\b", re.I)
RATE_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?(?:a|an|per|each)\s+[a-z]", re.I)  # "18 pesos a kilo", "35 per 1,000"

# a part told with its place or time, then the next part: "1,500 in London and 800", "830 in the north, 312"
VERB_FORMS = (r"(?:[a-z]+ed|found|held|kept|left|caught|sold|built|born|taken|seen|shot|hurt|lost|sent|spent|bound|fell|went"
              r"|came|won|drawn|drew|given|paid|made|beaten|stolen|broken|chosen|struck)")
_PARTICIPLE = r"(?:" + VERB_FORMS + r"|died)\s+"
# a part a plan sends somewhere: "6.5 million will go to Guangdong and", "1.2 billion is to be spent on schools,"
_BOUND_FOR = r"(?:(?:will|would|is\s+to|are\s+to|was\s+to|were\s+to)\s+(?:go|come|be\s+" + VERB_FORMS + r")|goes|comes)\s+"
PLACE = (r"(?:(?:were|was|are|is)\s+)?(?:" + _PARTICIPLE + r"|" + _BOUND_FOR + r")?(?:in|at|on|off|from|to|for|near)\s+"
         r"(?:[A-Za-z][\w'\u2019-]*\s+){0,5}[A-Za-z][\w'\u2019-]*(?:,(?:\s*and)?|\s+and)")
# the place or thing a part is told of: "3,000 in the United States", "2,500 in sales", "9 were in the south"
# (after a participle, "54 recorded in Uttar Pradesh"; or an adverb of place, "900,000 tonnes abroad")
# (a named place may follow a word that places it: "in neighbouring Thane", "on the island of Nias")
_PLACED = (r"(?:(?:neighbouring|neighboring|nearby|northern|southern|eastern|western|central|coastal|remote)\s+(?=[A-Z])"
           r"|(?:island|province|state|city|town|region|district|county|village)\s+of\s+(?=[A-Z]))?")
WHERE_WORDS = ("abroad", "overseas", "domestically", "locally", "elsewhere", "nationwide")  # where a part is, in a word
_PART_PHRASE = re.compile(r"\s+(?:(?:were|was|are|is)\s+)?(?:" + _PARTICIPLE + r")?(?:(?:in|at|on|off|from|to|for|near)\s+"
                          r"(?:(?:the|a|an|its|their|his|her)\s+)?" + _PLACED + r"(?P<word>[A-Za-z])"
                          r"|(?:" + "|".join(WHERE_WORDS) + r")\b)")
# a size hyphened to its unit before the noun it sizes ("60-kg bags", "20-foot containers"): each thing's size, no
# part or total (NC109 leaves such figures out and reads past them)
SIZE_COMPOUND = r"\d+(?:\.\d+)?-[A-Za-z]+"
_COLLECTIVE = frozenset(words("collective_nouns.txt"))  # people, seats, votes: a dash may break them down in full


@lru_cache(maxsize=1)
def _scaled() -> re.Pattern[str]:
    """A figure with its scale word (the extractor's scales: numcheck/data/scale_abbrevs.tsv; not "m" or "mm",
    which may be metres or millimetres)."""
    from ...extract.lexicon import lexicon
    from ...text import alternation

    scales = [w for w in lexicon().scales if w not in ("m", "mm")]
    return re.compile(r"\d\s*(?:" + alternation(scales) + r")\b", re.I)


def measured_alike(ctx: Context, counts: ClaimsByStart, parts: tuple[Claim, ...], total: Claim) -> bool:
    """Parts in the total's kind and unit; in a list whose total is a sum of money, a bare scaled figure keeps the
    currency by ellipsis ("9.08 billion dollars in claims: 1.3 billion for property damage, 520 million for
    vehicles", "including 7.36 billion of electronics"), unless no part is money and the sentence counts something else in scaled figures ("sold 40 million
    shares for $12 million: 25 million to institutions": the shares)."""
    alike = [p.kind == total.kind and p.unit == total.unit for p in parts]
    if all(alike):
        return True
    if total.kind == "measure" and any(alike) and all(same or elided(p) or bare_scaled(p) or _scaled_of(ctx.text, p)
                                                      for p, same in zip(parts, alike)):
        return True  # "Industry used 5,410 gigawatt-hours, households 2,630 and commerce 1,184", "91.8 million tonnes
        # of rice, 72.1 million of wheat": the unit elided
    if total.kind == "measure" and all(elided(p) or bare_scaled(p) for p in parts) and _told_before(ctx, total, parts):
        return True  # "imports of 4.6 million barrels were split between Russia at 1.9 million, ...": every one elided
    if bare_scaled(total) and total.start > parts[-1].start and parts[0].kind in ("money", "measure") \
            and all(p.kind == parts[0].kind and p.unit == parts[0].unit or bare_scaled(p) for p in parts):
        return True  # "net profits of 8.1 billion and 5.6 billion Swiss francs, a combined 13.7 billion": the total's
        # unit elided after its parts'
    text = ctx.text
    if total.kind != "money" or not all(same or bare_scaled(p) or _money_of(text, p) for p, same in zip(parts, alike)):
        return False
    return any(alike) or not any(c.subject and _scaled().search(c.text) and not _money_of(text, c)
                                 for c in counts.between(*ctx.sentences.span(total.start)))


def far_past(parts: tuple[Claim, ...], total: Claim) -> bool:
    """Whether every part is ten times the total or more, their sum is, or the total is ten times their sum: the
    "total" counts something else ("obtained credits in five subjects including English and mathematics, 418,633
    passed ...", "drew 84,000 spectators. Brazil scored 11 goals, ...", "applied for the 150 posts, 1,912 men and
    1,134 women"), as no mistyped digit makes it (a first digit moved changes a figure less than tenfold, and a part
    of the total made ten times itself leaves the sum short of ten totals)."""
    t = tol.point(total)
    added = sum(tol.point(p) for p in parts)
    return t > 0 and (all(tol.point(p) >= 10 * t for p in parts) or added >= 10 * t or t >= 10 * added)


_OF = re.compile(r"\s+of\s+")


def _money_of(text: str, c: Claim) -> bool:
    """A bare scaled sum told with what it is of: "including 7.36 billion of electronics" (dollars, by ellipsis)."""
    return c.kind == "count" and not c.unit and bool(_scaled().search(c.text)) and bool(_OF.match(text, c.end))


def _told_before(ctx: Context, total: Claim, parts: tuple[Claim, ...]) -> bool:
    """The measured whole told first in the sentence, its bare parts after it: they take its unit."""
    return total.start < parts[0].start and ctx.sentences.index(total.start) == ctx.sentences.index(parts[-1].start)


def _scaled_of(text: str, c: Claim) -> bool:
    """A scaled count right before "of" ("72.1 million of wheat"): its unit left out before what it measures."""
    return c.kind == "count" and not c.unit and scaled(c) and text.startswith(" of ", c.end)


def elided(c: Claim) -> bool:
    """A bare count after a measured part, its unit elided: "5,410 gigawatt-hours, households 2,630"."""
    return c.kind == "count" and not c.subject and not c.unit and not bare_scaled(c)


def bare_scaled(c: Claim) -> bool:
    """A count with a scale word and no noun or unit ("1.3 billion"), which may be a sum of money by ellipsis (not a
    rate, "2.1 million a year")."""
    return c.kind == "count" and not c.subject and not c.unit and scaled(c)


def scaled(c: Claim) -> bool:
    """A figure told with its scale word: "1.3 billion", "$5m"."""
    return bool(_scaled().search(c.text))


@lru_cache(maxsize=1)
def _partitions() -> tuple[frozenset[str], ...]:
    """numcheck/data/partitions.txt: the nouns that, named together, are all of a whole."""
    return tuple(frozenset(line.split()) for line in words("partitions.txt"))


def named_in_full(text: str, parts: list[Claim]) -> bool:
    """Parts that name every noun of one partition, each once: "five gold, four silver and seven bronze", "207 were
    women and 111 men"."""
    return a_partition(named_words(text, parts))


def named_words(text: str, parts: list[Claim]) -> list[str]:
    """The noun of a partition each part counts (_named), or ""."""
    return [_named(text, p) for p in parts]


def sorts_of_several(text: str, parts: list[Claim]) -> bool:
    """Parts each named by a noun of some partition, with no partition named in full among them ("2,105 of them women
    and 1,007 children": women and children, of two partitions, leave the men out; not "3.12 million women, 1.15
    million men and 0.27 million children", nor "165 of them gold, against 150 gold in Busan": one noun twice, no
    sorts): some of a whole, never all of it."""
    names = named_words(text, parts)
    return all(n in _partition_words() for n in names) and len(set(names)) == len(names) \
        and not any(whole <= set(names) for whole in _partitions())


def _named(text: str, part: Claim) -> str:
    """The noun of a partition a part counts: its subject's head, or as it is told (_told_as: "Urban starts were
    206,100" -> "urban"), else its subject's head."""
    head = head_noun(part.subject) if part.subject else ""
    return head if head in _partition_words() else _told_as(text, part) or head


def a_partition(names: list[str]) -> bool:
    """Whether the names are every word of one partition, each once (numcheck/data/partitions.txt)."""
    return all(names) and frozenset(names) in _partitions() and len(set(names)) == len(names)


_TOLD_AS = re.compile(r"\s+(?:were|are|was|is|of\s+them)\s+([a-z]+)\b", re.I)  # ("2,105 of them women")
_TOLD_BY = re.compile(r"\s+([a-z]+)\b")  # "780 passed and 470 failed": the verb a bare part is told by


def _told_as(text: str, part: Claim) -> str:
    """The noun a bare part is told as ("207 were women", "2,105 of them women" -> "woman"), the verb of a partition it is told by ("780
    passed and 470 failed" -> "passed": numcheck/data/partitions.txt), the partition's word its label opens on after
    it ("on domestic flights" -> "domestic"), or the partition's noun it is named by before it ("and imports of 5.9
    billion dollars" -> "import")."""
    m = _TOLD_AS.match(text, part.end)
    if m:
        return head_noun(m.group(1))
    v = _TOLD_BY.match(text, part.end)
    if v and v.group(1).lower() in _partition_words():
        return v.group(1).lower()
    a = _LABEL_AFTER.match(text, subject_end(text, part))
    if a and a.group(1).lower() in _partition_words():
        return a.group(1).lower()  # "1.06 million on international routes and 460,000 on domestic flights"
    b = _NAMED_BEFORE.search(text, max(0, part.start - 60), part.start)
    noun = head_noun((b.group(1) or b.group(2)).lower()) if b else ""
    return noun if noun in _partition_words() else ""


# the word a part's label opens on after its figure: " on international routes", " in rural areas"
_LABEL_AFTER = re.compile(r"\s+(?:on|in|at|for|from|to|by|via|through)\s+(?:the\s+)?([a-z]+)\b", re.I)


# a part named before its figure: "and imports of ", "exports worth " (not "imports from China of": some of them), or as
# its clause's subject, perhaps by a word before its noun ("Males numbered ", "Urban starts were "), or after "and"
# with the verb left out ("and females ", "and rural starts ")
# the verbs a part's clause tells it by after its subject: "Males numbered ", "Urban starts were "
SUBJECT_VERBS = r"numbered|totall?ed|were|was|stood\s+at|came\s+to|amounted\s+to|reached"
_NAMED_BEFORE = re.compile(r"\b([a-z]+)\s+(?:of|at|worth)\s+$|(?:^|[.;]\s+|\b(?i:and)\s+)(?i:(?!and\b)([a-z]+)(?:\s+[a-z]+)?\s+"
                           r"(?:(?:" + SUBJECT_VERBS + r")\s+)?)$")


@lru_cache(maxsize=1)
def _partition_words() -> frozenset[str]:
    return frozenset(w for p in _partitions() for w in p)


def in_a_partition(c: Claim) -> bool:
    """A figure counting one noun of a partition ("12 men"): a part beside others, not their whole."""
    return bool(c.subject) and any(head_noun(c.subject) in p for p in _partitions())


def part_ok(c: Claim) -> bool:
    """A figure that can be a part or a total: one count, sum or measure, not a change or a range, stated or about."""
    return c.kind in ("count", "money", "measure") and c.change is None and c.point is not None and not c.range \
        and c.qualifier in ("=", "~")


def alike_figure(c: Claim, rest: Claim) -> bool:
    """A figure that may be the rest's whole or a part beside it: a part or total of its kind, or a bare scaled
    figure beside a sum of money ("700 billion roubles ... the remaining 500 billion"); the units are compared
    after, by measured_alike."""
    if not part_ok(c):
        return False
    if c.kind == rest.kind:
        return True
    count = c if c.kind == "count" else rest
    if {c.kind, rest.kind} == {"money", "count"}:
        return bare_scaled(count)
    return {c.kind, rest.kind} == {"measure", "count"} and (bare_scaled(count) or elided(count))  # "4.6 million
    # barrels ... Russia at 1.9 million, ... all other suppliers at 0.9 million": the unit elided


def whole_ok(c: Claim) -> bool:
    """A figure that can be a whole its parts are told after: as part_ok, or a change in a count or sum that they
    break down ("The carmaker will cut 3,500 jobs, 2,000 in Germany and 1,500 in the rest of Europe")."""
    return part_ok(c) or c.kind in ("count", "money") and c.change is not None and c.point is not None \
        and not c.range and c.qualifier in ("=", "~")


def told_of(text: str, part: Claim) -> bool:
    """A part told with its place or time: "9,311 in North Kivu", "14 on Saturday"."""
    return bool(_PART_PHRASE.match(text, subject_end(text, part))) or part.subject.lower() in WHERE_WORDS  # ("0.85
    # million overseas": the word read as its noun)


def told_at_place(text: str, c: Claim) -> bool:
    """A figure told with a named place of its own ("120 people in Vietnam"), not a time ("in the quarter")."""
    m = _PART_PHRASE.match(text, subject_end(text, c))
    if m is None or not m.group("word") or not m.group("word").isupper():
        return False
    word = re.match(r"[A-Za-z]+", text[m.start("word"):])
    return word is not None and word.group() not in CALENDAR_WORDS


# a part right at a named place, after its figure: " in Thailand", " near Qaim", " through Torkham"
_AT_PLACE = re.compile(r"\s+(?:in|at|near|from|through|via)\s+(?:the\s+)?"
                       r"((?-i:[A-Z])[\w'\u2019-]*(?:\s+(?-i:[A-Z])[\w'\u2019-]*)*)")
# a place said to lie within another, or to stand alone of the rest: ", the capital of", ", its largest city", " alone"
_WITHIN = re.compile(r"(?:\s+(?:province|district|county|state|region|city|town))?(?:\s*,\s+(?:the|its|a)\s+(?:[a-z-]+\s+){0,2}"
                     r"(?:capital|city|town|district|province|county|port|resort|suburb|part)\b|\s+alone\b)")


def places_nested(text: str, parts: list[Claim] | tuple[Claim, ...]) -> bool:
    """Whether the named places parts are told at may lie one within another: a name's word told again at another
    part or later in the list ("6,065 in Nagapattinam district of Tamil Nadu", "in Banda Aceh ... in Aceh Besar"), or
    a place said to be within one ("6,000 in Izmit, the capital of Kocaeli", "800,000 in Peshawar alone")."""
    found = [(p, _AT_PLACE.match(text, p.end) or _AT_PLACE.match(text, subject_end(text, p))) for p in parts]
    names = [m for _, m in found if m is not None]
    if any(_WITHIN.match(text, m.end()) for m in names):
        return True
    words = [set(m.group(1).split()) for m in names]
    region = text[parts[0].start:min(len(text), parts[-1].end + 80)]
    return any(w & v for i, w in enumerate(words) for v in words[i + 1:]) \
        or any(region.count(m.group(1)) > 1 for m in names)


# months and weekdays: times, capitalised but no places (NC109)
CALENDAR_WORDS = frozenset(calendar.month_name[1:]) | frozenset(calendar.day_name)


def phrases_alike(text: str, parts: list[Claim]) -> bool:
    """Parts told with a place or thing each tell the same sort: all named places ("in Haiti ... in Jamaica") or
    none ("in the north ... in the south"); "3,000 in the United States and 2,500 in sales" counts some twice."""
    sorts: set[object] = set()
    for p in parts:
        them = OF_THEM.match(text, p.end)  # "600 of them from Africa and 550 from non-governmental groups"
        m = _PART_PHRASE.match(text, them.end() if them else subject_end(text, p))
        if m and m.group("word"):
            sorts.add(_sort_of_phrase(text, m))
    return len(sorts) <= 1


def _sort_of_phrase(text: str, m: re.Match[str]) -> object:
    """The sort of a part's phrase (_PART_PHRASE ``m``): a named place or thing (True), an unnamed one (False), or a
    time ("time"), unless another phrase follows the time: "1.9 billion dollars in the fourth quarter from services"
    is of the sort of "from services"."""
    period = _PERIOD.match(text, m.start("word"))
    if period is None:
        return m.group("word").isupper()
    after = _PART_PHRASE.match(text, period.end())
    return after.group("word").isupper() if after and after.group("word") else "time"


# a part's phrase that tells a time, named or not: "in July", "in the first half", "on Sunday" ("8,400 in the first
# half, 2,340 in July and 1,870 in August": no named place beside an unnamed one)
_PERIOD = re.compile(r"(?:" + alternation(CALENDAR_WORDS) + r"|(?:first|second|third|fourth|final|last)\s+"
                     r"(?:half|quarter|week|month|year|day|six\s+months|nine\s+months)s?)\b")


def counts_members(whole: Claim) -> bool:
    """A whole that counts people, seats or the like (_COLLECTIVE), which a dash may break down in full."""
    return bool(whole.subject) and whole.subject.split()[-1].lower() in _COLLECTIVE


def collective(total: Claim, parts: list[Claim]) -> bool:
    """A dash or bracket makes a total only when the total names a whole the parts divide."""
    return counts_members(total) and all(p.subject for p in parts) \
        and len({p.subject.lower() for p in parts}) == len(parts)


# what is left, right before the last part: "and the remaining 900,000", "and the rest, 128,", "the other six",
# "and all other countries and regions combined 436,000", "the balance of" (not "all other Asian markets": a part)
REST_WORDS = r"the\s+(?:remaining|other|rest|balance)"
_HOW_MANY = r"(?:two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\d{1,3})"  # how many the rest's holders are
REST_PHRASE = (r"(?:" + REST_WORDS + r"|the\s+rest\s+of\s+(?:the\s+)?(?:[A-Za-z]+\s+)?[A-Za-z]+|the\s+others(?:\s+(?:for|with|on|at|to))?|(?<=,\s)others|(?:those\s+|and\s+)(?:from\s+)?elsewhere"
               r"|(?:all\s+(?:the\s+)?|the\s+|\band\s+|(?<=[a-z]\s)from\s+|the\s+(?:[a-z]+['\u2019]s\s+)?" + _HOW_MANY + r"\s+)other"
               r"(?:\s+(?-i:[a-z]+)){1,4}?(?:\s+combined)?)\s*,?\s*(?:of\s+)?")
# ("the eight other regions 345", "the kingdom's nine other governorates were home to 1,458,712")
# ("the other states 7.2 million", "the south and other regions 24.6 million", "those (from) elsewhere 1.6 billion", "to
# the rest of the world 2.4 billion", ",
# others 0.43 million", "applicants from other countries 51,310":
# not "2,373 from other backward classes", the label of the figure before)
REST_BEFORE = re.compile(r"\b" + REST_PHRASE + "$", re.I)
# what is left outside the parts told, right after the last part: "3.2 million tonnes to all other markets
# combined", "1,500 in the rest of Europe", "5,840 work in other roles", "9.1 million in the other provinces", "and 300
# elsewhere", "6,435 people of other nationalities", "and 147 other weapons" (its clause ends there), "239.3 million
# tonnes of corn and other crops", "246 through mother-to-child transmission or unknown routes" (its sentence ending, or
# only who told it following: not "39 by machetes or unknown weapons, while 16 died in the fire")
_REST_AFTER = re.compile(r"\s+other(?=\s+(?-i:[a-z]+)\s*(?:[,.;)]|$))|(?:\s+[a-z][\w-]*){0,5}?\s+(?:and|or)\s+(?:other|unknown)\s+(?-i:[a-z]+)\s*(?:[.;)]|$|,\s+(?:[A-Za-z'.-]+\s+){1,6}"
                         r"(?:said|says|told|reported|showed|added))|"
                         r"\s+(?:(?!(?:and|or|while|but)\s)[a-z]+\s+){0,2}?(?:(?:to|for|from|in|by|on|of)\s+(?:(?:all\s+)?(?:the\s+)?other(?=\s+(?-i:[a-z]))"
                         r"|the\s+rest\s+of)|elsewhere)\b(?!\s+(?:who|which|that)\b)", re.I)  # (not "942 elsewhere who had
# since returned home": a group of its own; nor "9,575 and applicants from other countries 51,310": the next part's label)


_PART_OF_REST = re.compile(r"\d\s+(?:[a-z]+\s+)?(?:out\s+)?of\s+$", re.I)


def told_as_rest(text: str, cl: list[Claim], k: int) -> str:
    """How ``cl[k]`` is told as what is left, after the figure before it: "before" ("the remaining 836"), "after"
    ("300 elsewhere", "1,500 in the rest of Europe": what lies outside a whole told with a place of its own), or
    ""."""
    start = subject_end(text, cl[k - 1]) if k else 0
    m = REST_BEFORE.search(text, max(start, cl[k].start - 60), cl[k].start)
    if m and not _PART_OF_REST.search(text, max(0, m.start() - 30), m.start()) \
            and not (k and _LABEL_BEFORE.fullmatch(text, cl[k - 1].end, m.start())):
        return "before"  # (not "80 of the remaining 150 seats": the whole of a part; nor "2,373 from the other backward
        # classes, 1,520": the label of the part before)
    return "after" if _REST_AFTER.match(text, subject_end(text, cl[k])) else ""


# a preposition that makes the words after it the label of the figure before them: "2,373 from the other backward
# classes", "300 in the other provinces"
# (right after the figure: not "with other buyers accounting for the remaining 17 million", a rest told as one)
_LABEL_BEFORE = re.compile(r"\s+(?:from|in|at|for|to|by|among|on)\s+", re.I)
# words after the last part that carry the list on without a figure ("..., as well as isolation units", "with the
# rest on hard courts", "12,000 marines and 9,000 paratroopers among them", ", while 300 were disputed")
GOES_ON = re.compile(r"[^.;:\d]{0,40}?\b(?:as\s+well\s+as|along\s+with|besides|in\s+addition\s+to|plus|the\s+rest|the\s+remainder|the\s+balance|the\s+others"
                     r"|and\s+others?|among\s+(?:others|them)|while)\b", re.I)


# a first part told of its whole: "convicted him on 11 of the 17 counts and acquitted him on the other six" (its
# share in brackets between: "won 26 (68.4%) of their 38 matches")
PART_OF = re.compile(r"(?:\s*\([^()]{1,20}\))?\s+(?:out\s+)?of\s+(?:the|its|their|his|her)\s+", re.I)


def told_at_times(ctx: Context, parts: list[Claim]) -> bool:
    """Whether each part is told at a time of its own right after it ("1,140 in 2002 and 1,280 in 2003", "31 million
    in February, 24 million in March"): some of a whole told over a longer time, or of other times (not "910,000
    tonnes were from the October-March main crop": a crop named by its months)."""
    text = ctx.text
    for p in parts:
        m = _AT_TIME.match(text, subject_end(text, p))
        if m is None or not any(c.kind in ("date", "duration") for c in claims_between(ctx.claims, m.end(), m.end() + 1)):
            return False
    return True


_AT_TIME = re.compile(r"\s+(?:in|on|during|by|for)\s+(?:the\s+)?", re.I)


def each_reading(ctx: Context, cl: list[Claim], reading: Callable[[Context, list[Claim], int], Sum | None]) -> Iterator[Sum]:
    """Every sum ``reading`` finds with its whole at ``cl[k - 1]`` and its first part at ``cl[k]``."""
    for k in range(1, len(cl)):
        found = reading(ctx, cl, k)
        if found is not None:
            yield found


# the end of a list's clause after its last part: the sentence ends, or only who said it follows
_CLAUSE_ENDS = re.compile(r"\s*(?:[.;:!?]|\Z|,\s*(?:according\b|(?:[A-Za-z'\u2019.-]+\s+){1,6}"
                          r"(?:said|says|announced|reported|showed|estimated|added)\b))")


def clause_ends(text: str, pos: int, end: int) -> bool:
    """Whether the list's clause ends at ``pos`` (its sentence ending at ``end``): nothing but who said it follows,
    not "..., with the rest going to a reserve", "and smaller counties", "with some still awaiting a second test",
    nor a clause after a semicolon that tells what was left out ("; results for the rest are still awaited")."""
    if pos >= end:
        return True
    m = _CLAUSE_ENDS.match(text[:end], pos)
    if m is None:
        return False
    return not (m.group(0).strip() == ";" and _LEFT_OUT_NEXT.match(text[:end], m.end()))


# the next sentence telling what a list left out, or what a sum was net of: "The rest were waved through", "Twenty
# tests were abandoned", "Corporate costs absorbed 0.5 billion", "Sales between the group's companies are eliminated",
# "Sales between the two divisions, 0.7 billion euros, are netted out"
_LEFT_OUT_NEXT = re.compile(r"(?:[^.!?]|\.\d)*?\b(?:the\s+rest|the\s+remaining|the\s+others?|remainder|abandoned|postponed|awarded|"
                            r"withdr[ae]w\w*|no\s+contest|awaited|incomplete|void|costs?|eliminated|removed|absorbed|"
                            r"consolidation|lost|deducted|netted)\b", re.I)


def left_out_next(ctx: Context, s1: int) -> bool:
    """Whether the sentence after the one ending at ``s1``, in the same paragraph, tells what the list left out or
    what its whole is net of: then the parts are not known to be all of it."""
    return "\n\n" not in ctx.text[s1 - 2:s1 + 2] and bool(_LEFT_OUT_NEXT.match(ctx.text, s1))


PLACE_NOUNS = frozenset(words("place_nouns.txt"))  # numcheck/data/place_nouns.txt


def places_of_people(whole: Claim, parts: list[Claim]) -> bool:
    """A count of places with larger counts after it ("Passengers came from 30 countries: 120 were British, 80 ..."):
    the parts count something else."""
    return bool(whole.subject) and head_noun(whole.subject) in PLACE_NOUNS \
        and all(tol.point(p) > tol.point(whole) for p in parts)


def holders_named(lead: str) -> int:
    """How many holders a total's words name, one for each part ("in the two states", "at the two majors", "both",
    "reported in the three countries"), 0 for none."""
    words = lead.lower().split()
    for i, w in enumerate(words):
        if w == "both":
            return 2
        n = nf.word_value(w)
        if n and n >= 2 and {"the", "its", "their"} & set(words[max(0, i - 2):i]):
            return n
    return 0


HOLDERS_SHARE = 0.01  # a count in words this much smaller than every figure in digits beside it counts holders
NAMED_HOLDERS_SHARE = 0.1  # or this much smaller, where it names another noun than the first part's


def holds_parts(whole: Claim, parts: list[Claim]) -> bool:
    """A count in words far smaller than every part in digits, the more so where it names no noun of theirs ("A
    total of 1,247 tourists arrived on three charter flights, among them 612 Germans, 380 Britons and 255 Dutch",
    "while two minor candidates shared 211,744"): how many hold the parts, not their total."""
    other = bool(whole.subject and parts[0].subject) and head_noun(whole.subject) != head_noun(parts[0].subject)
    share = NAMED_HOLDERS_SHARE if other else HOLDERS_SHARE
    return whole.kind == "count" and not whole.text[:1].isdigit() \
        and all(p.text[:1].isdigit() and tol.point(whole) < share * tol.point(p) for p in parts)


# words that tell parts may count some of the same ones twice: "28 Americans and five Britons, two of whom held dual
# citizenship"
OVERLAP_TOLD = re.compile(r"\b(?:dual|overlap\w*|double-counted|counted\s+twice|(?:are|were|is|was)\s+(?:also\s+)?(?:counted|included)"
                          r"\s+(?:among|in|with)|both(?=\s*[.,;])"
                          r"|the\s+same\s+(?:ones|people|buildings|places)\b)", re.I)  # ("as
# many backed both.", not "both sides said")


# another time than the figure's, told in its sentence: "against 103 for the party last time", "compared with 140 in
# 2004", "450 million for crop insurance approved at a previous meeting", "to be sanctioned later" (not "last week's
# elections": the figure's own)
ANOTHER_TIME = re.compile(r"\b(?:last\s+(?:time|year)|next\s+year|previous(?:ly)?|earlier|later|ago|former"
                          r"|prior|outgoing|compared\s+(?:with|to)|(?:up|down)\s+from|(?:in|since)\s+(?:19|20)\d\d)\b", re.I)
# a part told by what it has: "5,000 owned a television", "800 had diabetes", "300 use the internet" (not "has been
# recovered": a tense)
_HAVING = re.compile(r"\s+(?:(?:also|already|now|still)\s+)?(?!(?:had|have|has)\s+(?:been|not|to|[a-z]+(?:ed|en|wn))\b)"
                     + alternation(words("having_verbs.txt")) + r"\b", re.I)


def may_overlap(text: str, parts: tuple[Claim, ...], sentence_end: int) -> bool:
    """Parts that may count some of the same ones twice, so that with "including" they may pass their whole: told as
    groups of different sorts (_told_sort, _sort_of_group: one by a name, "41 Britons", "25 were Iraqis", "pilgrims from Gujarat",
    another by a common noun, "15 women", or one told by a noun and another by what it did or is, "800 were women and
    700 were under 30"), the sentence says some are counted twice (OVERLAP_TOLD: "dual citizenship", "both"), or
    each is told by what it has (_HAVING: "5,000 owned a television and 6,000 a mobile phone").  Parts of one sort
    ("30 were passengers and 26 were pedestrians") are not read as overlapping."""
    told = [_told_sort(text, p) for p in parts]
    if "sex or age" in told and len(set(told)) > 1:
        return True  # "180 were women and 210 had worked there for more than ten years": a sex beside anything else
    across = [bool(p.subject and _ACROSS_GROUPS.fullmatch(p.subject.split()[-1])) for p in parts]
    if any(across) and not all(across):
        return True  # "including 2,120 women and 2,330 university graduates": a sex or an age named beside another sort
    sorts = set(told) - {""} or {_sort_of_group(p.subject) for p in parts if p.subject}  # (parts told by a verb
    # of their own are sorted by what it tells; the rest of a list after them shares it: "6,100 were approved, 4,000
    # rejected")
    return len(sorts - {""}) > 1 or bool(OVERLAP_TOLD.search(text, parts[-1].end, sentence_end)) \
        or any(_HAVING.match(text, at) for at in (parts[0].end, subject_end(text, parts[0])))  # ("5,000 owned a
    # television and 6,000 a mobile phone", "800 had diabetes and 700 high blood pressure": what each has, which
    # one may have both; the verb may be read as the figure's noun, "600 use")


# a part told as what it is: "25 were Iraqis", "21 were pilgrims from Gujarat", "700 were under 30"
_TOLD_AS_WHAT = re.compile(r"\s+(?:were|are)\s+(?P<what>(?:(?!\band\b)[^,;.\d]){1,40})")
_PLURAL = re.compile(r"(?:[a-z]+\s+)?(?:[a-z]+s|children|women|men|people)\b")
_FROM_NAME = re.compile(r"\bfrom\s+[A-Z]")


def _told_sort(text: str, part: Claim) -> str:
    """The sort of group a part is told as by its verb: "name" (by a name: "25 were Iraqis", "pilgrims from
    Gujarat"), a sex or an age ("were women", "were children": _ACROSS_GROUPS), "common" (by another common noun:
    "were passengers"), "other" (by no noun: "were under 30", or by what it does: "live in the capital"), or ""
    (no verb)."""
    told = _TOLD_AS_WHAT.match(text, part.end)
    if told is None:
        return "other" if _DOES.match(text, part.end) else ""  # "95 live in the capital": what it does, no group
    what = told.group("what")
    if what[:1].isupper() or _FROM_NAME.search(what):
        return "name"
    if _ACROSS_GROUPS.match(what):
        return "sex or age"  # cuts across any other sort of group: "were women" beside "were pilgrims"
    return "common" if _PLURAL.match(what) else "other"


# a part told by a verb of its own and where or what it does it: "95 live in the capital", "40 work for the state", "75
# belong to the ruling party"
_DOES = re.compile(r"\s+(?!(?:were|are|was|is|of|in|to|and|or|from|had|have|has)\b)(?-i:[a-z]+)\s+(?:in|at|on|from|for|with|outside|to)"
                   r"\s", re.I)


# groups by sex or age, which cut across groups of any other sort ("21 were pilgrims and 19 were women", "45 were
# children and 50 were migrants"): each its own sort
_ACROSS_GROUPS = re.compile(r"(?:women|men|girls|boys|females|males|children|adults|minors|teenagers|elderly)\b", re.I)


def _sort_of_group(subject: str) -> str:
    """ "name" for a group named by its nationality ("Britons", "U.S. citizens", "French nationals":
    numcheck/data/nationality_heads.txt), "common" for one named in lower case ("women"), else "" ("Iraqi soldiers",
    "Boeing jets": a kind of a common noun)."""
    words_ = subject.split()
    if words_[0][:1].isupper() and (len(words_) == 1 or " ".join(words_[1:]).lower() in _nationality_heads()):
        return "name"
    return "common" if subject.islower() else ""


@lru_cache(maxsize=1)
def _nationality_heads() -> frozenset[str]:
    return frozenset(words("nationality_heads.txt"))


# the places a count is told across: "killed 25 people in three states: 14 in Mississippi, 8 in Alabama and 3 ...",
# "The 311 deaths were spread across five provinces:", "seized 1,400 kilograms of cocaine in two operations - "
ACROSS = re.compile(r"(?:\s+[a-z]+){0,3}?\s+(?:in|at|on|across|from|to|between|among)\s+(?:the\s+|its\s+)?$", re.I)
_OF_WHOM_OR_WHICH = re.compile(r"\bof\s+(?:whom|which)\b", re.I)


def counted_in(text: str, cl: list[Claim], k: int, g: str) -> Claim | None:
    """The figure before the places it is counted in, when "of which" or "of whom" parts exceed the count of places
    right before them (``g``: the words between the places and the first part ``cl[k]``): "employs 353,000 workers
    in 292 factories, ..., of which 317,000 are women" (as NC104 reads "of whom")."""
    if k < 2 or not _OF_WHOM_OR_WHICH.search(g):
        return None
    counted, places, first = cl[k - 2], cl[k - 1], cl[k]
    if counted.kind == places.kind == "count" and ACROSS.fullmatch(gap(text, counted, places)) \
            and tol.point(places) < tol.point(first) < tol.point(counted):
        return counted
    return None


@lru_cache(maxsize=1)
def person_wholes() -> frozenset[str]:
    """Head nouns of a count of persons (numcheck/data/person_wholes.txt)."""
    return frozenset(words("person_wholes.txt"))


def a_people(c: Claim) -> bool:
    """A count of a people named by its country ("275 Iraqis", "300 South Koreans": numcheck/data/demonyms.txt)."""
    named = c.subject.lower().split()
    return bool(named) and (named[-1] in _demonyms() or " ".join(named[-2:]) in _demonyms())


@lru_cache(maxsize=1)
def _demonyms() -> frozenset[str]:
    return frozenset(words("demonyms.txt"))
