"""Shared plumbing for the checks that relate claims (NC1xx): the numeric claims, the words between two, where a subject ends.

Every NC1xx check relates claims that the prose ties together ("1,000km (620
miles)", "X of Y (Z%)"), so the questions are always the same: what stands
between two claims, where a claim's subject ends, and which sentence holds it
(``Context.sentences``).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache
from typing import Iterable, Iterator, Sequence

from ..model import Claim
from ..datafiles import words
from ..text import DATELINE, alternation
from .base import Context

NUMERIC_KINDS = ("count", "measure", "money", "percent", "fraction", "age")
# what a party's count is a share of a house or a poll by: its seats and votes hold or win the members counted, and
# are no whole a list of people divides (NC109); a house's seats are another group than a party's (NC110)
SHARE_NOUNS = frozenset({"seat", "vote"})

def numeric(ctx: Context) -> list[Claim]:
    """Claims with a value (no dates or durations), in text order."""
    return [c for c in ctx.claims if c.kind in NUMERIC_KINDS and c.point is not None]


_OF_DET = re.compile(r"[-\s]*(?:of\s+(?:the\s+|its\s+|their\s+|his\s+|her\s+|our\s+|these\s+|those\s+)?)?", re.I)


# "ten times", "20-fold", or "ten" with " times" after it: a change told as a multiple, not as an amount
_TIMES_IN = re.compile(r"(?:times|fold)$", re.I)
_TIMES_AFTER = re.compile(r"[\s-]*(?:times|fold)\b", re.I)


def multiple_end(text: str, claim: Claim) -> int | None:
    """Where the words that make a count a multiple end ("almost twenty times", "fivefold"), else None."""
    if claim.kind != "count":
        return None
    if _TIMES_IN.search(claim.text):
        return claim.end
    m = _TIMES_AFTER.match(text, claim.end)
    return m.end() if m else None


@lru_cache(maxsize=16384)
def subject_end(text: str, claim: Claim) -> int:
    """The offset just after the claim's subject when it follows the claim ("10,000 troops|"), else ``claim.end``
    (kept per text and claim: the readings ask for it tens of times per figure)."""
    if not claim.subject:
        return claim.end
    m = _OF_DET.match(text, claim.end)
    pos = m.end() if m else claim.end
    if text.startswith(claim.subject, pos):
        return pos + len(claim.subject)
    if _told_before(text, claim):
        return claim.end  # "plan expenditure of Rs 3,25,149 crore and non-plan expenditure of": told before it
    i = text.find(claim.subject, claim.end, claim.end + 40 + len(claim.subject))
    j = i + len(claim.subject)
    if i == -1 or text[j:j + 1].isalpha() or _CLAUSE_MARK.search(text, claim.end, i):
        return claim.end  # not "fund" in "pension funds" for "The fund raised $840 million", nor a subject told
        # before the figure and again in the next clause ("a total expenditure of Rs 10,20,838 crore for 2009-10,
        # comprising plan expenditure of")
    return j


_CLAUSE_MARK = re.compile(r"[,;:]")


def _told_before(text: str, claim: Claim) -> bool:
    """Whether the claim's subject stands right before it, joined by "of", "at" or nothing ("expenditure of Rs 3,25,149
    crore", "exports at $5bn")."""
    before = text[max(0, claim.start - len(claim.subject) - 8):claim.start].rstrip()
    for joint in (" of", " at", ""):
        head = before[:len(before) - len(joint)].rstrip()
        if before.endswith(joint) and head.endswith(claim.subject) \
                and not head[len(head) - len(claim.subject) - 1:len(head) - len(claim.subject)].isalnum():
            return True  # the subject as a whole word: not "budget" in "subbudget"
    return False


def opens_paragraph(text: str, s0: int) -> bool:
    """Whether the sentence starting at ``s0`` opens the text or a paragraph (NC104, NC109: a whole told in the
    sentence before counts only within its paragraph)."""
    return s0 == 0 or "\n" in text[max(0, s0 - 2):s0]


def gap(text: str, a: Claim, b: Claim, after_subject: bool = True) -> str:
    """The text between claim ``a`` (after its subject, if asked) and claim ``b``."""
    start = subject_end(text, a) if after_subject else a.end
    if start > b.start:
        start = a.end
    return text[start:b.start]


def plain_gap(ctx: Context, start: int, end: int) -> str:
    """The words between two figures with the digits of the dates among them made letters and each run of spaces one
    space (a clause of who gave the figures is blanked to spaces): "76,323,173 on April 1, 1999, according to the
    census, of whom" reads " on April x, xxxx, of whom"."""
    chars = list(ctx.text[start:end])
    for c in claims_between(ctx.claims, start, end):
        if c.kind == "date":
            for i in range(c.start - start, min(c.end, end) - start):
                chars[i] = "x" if chars[i].isdigit() else chars[i]
    return _SPACES.sub(" ", "".join(chars))


_SPACES = re.compile(r"\s{2,}")


# a count of the places a group is in or at, told right before it, no part or whole of the group (NC104, NC109):
# "sheltered in 12 camps", "live in the country's 12 official camps", "147 goals in 64 matches", "at its 40 plants"
# (not "stood at 5,103,639": a level)
_WHERE_HELD = re.compile(r"\b(?:(?:in|across|into)\s+(?:(?:the|its|their|(?:the\s+)?[A-Za-z][\w.-]*['\u2019]s)\s+)?"
                         r"|at\s+(?:the|its|their|(?:the\s+)?[A-Za-z][\w.-]*['\u2019]s)\s+)$", re.I)


def where_held(text: str, c: Claim) -> bool:
    """Whether ``c`` counts the places a group is in or at (_WHERE_HELD), not the size of a body told in a compound
    ("In the 120-seat parliament the party won 48 seats": the whole)."""
    return bool(_WHERE_HELD.search(text, max(0, c.start - 40), c.start)) and not text.startswith("-", c.end)


def past_where_held(text: str, cl: list[Claim], i: int) -> int:
    """The index of the figure ``cl[i]`` tells of: the one before it where ``cl[i]`` counts the places that figure is
    held in ("killed 42 children in eight camps", "210,952 live in the country's 12 official camps"), else ``i``."""
    return i - 1 if i and where_held(text, cl[i]) else i


# a figure told as a difference from another, no part or whole of anything: "one more than in the outgoing assembly",
# "2,000 fewer than last year" (not "9 more bodies": more of them)
DIFFERENCE_AFTER = re.compile(r"\s+(?:more|fewer|less)\s+than\b", re.I)
# a part told of the whole before it: "47,900 of them", "5,296 of whom" (matched at the part's end; NC104, NC109)
# (or "of that" closed by punctuation: "Defence gets 11.3 billion dollars of that, or 23.1 percent", not "of that year")
OF_THEM = re.compile(r"\s+of\s+(?:them|(?:those|these)(?:\s+(?!(?:who|which|that)\b)[a-z]+(?=\s*[,(]))?|whom|which|it"
                     r"|that(?=\s*[,.;:()\u2013\u2014-]))\b", re.I)  # (or "of those deaths, or 91 percent": their noun again)
# a sentence that opens pointing back at the figure before: "Of those, 5,296 ...", "Among them, ..." (NC104, NC109)
POINTS_BACK = re.compile(r"\s*(?:Of|Among)\s+(?:them\b\s*,?|(?:those|these|that|this)"
                         r"(?:\s+(?:sum|amount|figure|number|total)|\s+(?-i:[a-z]+)(?<!ed))?\s*,)\s*", re.I)  # ("Of that sum, 33.9 billion
# ...", "Of those members, 3.73 million"; not a group a participle names, "Among those killed,") (no comma needed after
# "them", which cannot be a determiner: "Of them 34,440 were cured of cataract")
# a sentence that opens on the whole its figures are parts of: "Of the 1,200 patients, 300 ...", "Out of 254
# passengers, 51 ...", "Among the 1,236 injured, 309 ...", "Of the total 5,128 cases, 1,282 ...", "Of the total plan
# outlay of 1,443 billion rupees, 420 billion" (NC104, NC109):
# matched whole (fullmatch) from the sentence's start to the whole's figure
# (after a dateline: "NAIROBI, March 3 (Xinhua) -- Of the 2,318 candidates", "NEW DELHI, Jan 12 (PTI) Of the 543 seats")
OPENS_ON_WHOLE = re.compile(r"\s*(?:(?:" + DATELINE.pattern + r")\s*(?:--|[-\u2013\u2014])?\s*)?"
                            r"[\"'\u201c]?(?:Of|Out\s+of|Among|With(?=\s+all\s))\s+"
                            r"(?:the\s+(?:total\s+)?|its\s+|their\s+|all\s+(?:the\s+)?)?"
                            r"(?:(?:last|this|next)\s+)?(?:[A-Za-z]+['\u2019]s?\s+)?"  # "Of the country's 11,352 primary
                            # schools", "Of last year's 1,512 road deaths"
                            r"(?:(?:[a-z]+\s+){1,3}of\s+)?")  # "Of the total plan outlay of 1,443 billion rupees"; "With
# all 646 seats declared, Labour had 356, ..."


def claims_between(claims: Sequence[Claim], lo: int, hi: int) -> Sequence[Claim]:
    """The claims (in text order) that start in [lo, hi), found in log time, so a reading that looks at a sentence's
    or its neighbour's figures stays linear in a long text."""
    return claims[bisect_left(claims, lo, key=lambda c: c.start):bisect_left(claims, hi, key=lambda c: c.start)]


def claims_by_sentence(ctx: Context, claims: Iterable[Claim]) -> dict[int, list[Claim]]:
    """The claims grouped by the number of their sentence, each group in text order: a reading that pairs a sentence
    with the one before looks the other up by number (NC109)."""
    groups: dict[int, list[Claim]] = {}
    for c in claims:
        groups.setdefault(ctx.sentences.index(c.start), []).append(c)
    return groups


def pairs_in_sentence(ctx: Context, claims: list[Claim]) -> Iterator[list[Claim]]:
    """The numeric claims grouped by sentence."""
    group: list[Claim] = []
    current = -1
    sentences = ctx.sentences
    for c in claims:
        i = sentences.index(c.start)
        if i != current and group:
            yield group
            group = []
        current = i
        group.append(c)
    if group:
        yield group


# a count of what a body holds, just before the body's size: "87 seats in the 150-seat chamber"
HELD_IN = re.compile(r"\s+(?:in|of|on)\s+(?:the|its|their|a|an)\s+(?:(?:new|outgoing|incoming|current|present|next|expanded"
                      r"|enlarged|old)\s+)?$", re.I)  # ("86 seats in the new 450-seat parliament")


def held_in(text: str, held: Claim, body: Claim, last: Claim | None = None, near: bool = True) -> bool:
    """Whether ``held`` counts what the body sized by ``body`` (a hyphen compound) holds: "87 seats in the 150-seat
    chamber", "163 seats in the 245-member lower house" (NC104, NC109): a part of that size, not a group beside it.
    ``last``: the last of a tally that ``held`` opens, when the body follows it ("won 143 seats, the opposition 87
    and independents 22 in the 252-seat assembly"); ``near=False``: whatever words stand between them."""
    from ..text import compound_noun, head_noun, singular

    if text[body.end:body.end + 1] != "-" or held.kind != "count" or not held.subject \
            or near and not HELD_IN.fullmatch(gap(text, last or held, body)):
        return False
    noun, counted = singular(compound_noun(text, body.end).lower()), head_noun(held.subject)
    return counted == noun or (counted in seat_nouns() and noun in seat_nouns())


# an owner named before what a figure counts: "South Korea's", "Britain's" (up to three words)
OWNER = r"(?:[A-Z][\w.-]*\s+){0,2}[A-Z][\w.-]*['\u2019]s\s+"
# an owner named by a common noun: "255 of the airport's 340", "32 per cent of the country's 3 million"
OWNER_NAMED_BY_NOUN = r"the\s+[a-z]+['\u2019]s\s+"
# between the part and its whole: "114 of the", "72 of the", "8,009 out of", "3 of Britain's" (not "among", which
# shares out: "distributed 1,500 among the 30 districts")
_OF_THE = re.compile(r"\s+(?:of|out\s+of)\s+(?:(?:the|its|their|his|her|our|these|those|all)\s+"
                     r"|" + OWNER + r"|" + OWNER_NAMED_BY_NOUN + r")?")
# after a whole, what makes it the owner of what a part counts: "5,000 of the 300 companies' workers" (its own words
# only, not "seats in Kenya's parliament") (NC105, NC109)
OWNS_AFTER = re.compile(r"(?:\s+(?!(?:in|of|at|on|for|to)\b)[\w-]+){0,2}?['\u2019](?:s\b|\s)")
# a count held in a body a name owns: "591 seats in Mozambique's 250-seat parliament"
_IN_OWNED = re.compile(r"\s+in\s+" + OWNER)


_SENTENCE_BREAK = re.compile(r"[.!?][\"'\u201d]?\s+[\"'\u201c]?[A-Z]")
# a word that sets one figure against the next: "far exceeding", "more than", "outnumbering"
_COMPARING = re.compile(r"\b(?:exceed\w*|outnumber\w*|surpass\w*|outstrip\w*|more\s+than|less\s+than|fewer\s+than)\b", re.I)


def of_its_whole(text: str, part: Claim, whole: Claim) -> bool:
    """Whether ``part`` is told as some of ``whole`` right after it (NC105, NC109): "114 of the 230 seats" (the whole
    counting what the part counts, when both are named), or a count held in a body sized by a hyphen ("87 seats in
    the 150-seat chamber", "591 seats in Mozambique's 250-seat parliament")."""
    from ..text import head_noun

    if held_in(text, part, whole):
        return True
    if _COMPARING.search(text, part.end, whole.start) or _SENTENCE_BREAK.search(text, part.end, whole.start):
        return False  # "exports of $7.1 billion far exceeding imports of $2.7 billion": set against it, not of it;
        # nor in the next sentence ("285.2 billion dollars in 2005. Costco posted sales of 47.1 billion dollars")
    counted = "" if part.subject.endswith(("'s", "\u2019s")) else part.subject  # not "Bihar's" in "19 of Bihar's 38"
    after = subject_end(text, part) if counted else part.end
    between = text[after if after <= whole.start else part.end:whole.start]  # "814 of the 230 seats": not its noun
    if _IN_OWNED.fullmatch(between):
        return _counts_compound(text, part, whole)
    if not _OF_THE.fullmatch(between):
        return False
    if text[whole.end:whole.end + 1] == "-":  # "200 of the 100-seat aircraft": the seats are not what is counted
        return _counts_compound(text, part, whole)
    return not (counted and whole.subject and head_noun(counted) != head_noun(whole.subject))


def _counts_compound(text: str, part: Claim, whole: Claim) -> bool:
    """Whether the part counts the noun of the whole's hyphen compound ("591 seats ... 250-seat")."""
    from ..text import compound_noun, head_noun, singular

    return bool(part.subject) and head_noun(part.subject) == singular(compound_noun(text, whole.end).lower())


@lru_cache(maxsize=1)
def seat_nouns() -> frozenset[str]:
    """numcheck/data/seat_holders.txt: the nouns that count a house's seats ("seat", "member", "deputy")."""
    from ..datafiles import words

    return frozenset(words("seat_holders.txt"))


# the words of a bound that tells who a part is: "children under five", "people aged 60 or above" (also read between a
# part and its percentage: percentages/_pairs._TOLD)
BOUND_WORDS = ("under", "over", "below", "above")


def tells_who(text: str, prev: Claim | None, c: Claim) -> bool:
    """Whether a figure tells who a part is, not being a part, a whole, a total or a share itself (NC104, NC109): an
    age ("2.66 million people aged 60 or above, or nearly 20 percent"), or a bound right after the part's noun
    ("9,600 children under five, or 20 percent")."""
    if c.kind == "age":
        return True
    return (prev is not None and bool(prev.subject) and c.qualifier != "="
            and c.text.lower().startswith((*BOUND_WORDS, "aged")) and not text[subject_end(text, prev):c.start].strip())


# a figure that another is compared with or measured against, not a whole told for its own sake, read over
# COMPARED_REACH characters before it (NC104, NC109): "short of annual consumption of around", "below the", "against";
# COMPARED_BEFORE also a level moved from ("from" a level right before it: not "The toll from Saturday's earthquake rose
# to 23,000")
_COMPARED = (r"\b(?:than|below|above|under|over|short\s+of|ahead\s+of|against|versus|compared\s+(?:with|to)"
             r"|(?:double|triple|twice|treble)\s+the"
             r"|targets?|goals?|aim(?:s|ed|ing)?\s+(?:for|at))\b[^,;.\d]{0,40}$")
# ... of them, the words that compare and do nothing else (not "charges against 83,391 defendants", "over 1,200")
COMPARED_WITH = re.compile(r"\b(?:than|below|above|short\s+of|ahead\s+of|versus|compared\s+(?:with|to))\b[^,;.\d]{0,40}$",
                           re.I)  # ("58 medals, ... well ahead of the 35 won at Melbourne")
COMPARED_BEFORE = re.compile(r"\bfrom\s+(?:(?!(?:" + alternation(words("level_verbs.txt")) + r")\b)[^\s,;.\d]+\s+){0,2}$|"
                             + _COMPARED, re.I)  # (not a whole's own verb after "from": "Remittances from abroad
# totalled 14.3 billion dollars")
COMPARED_REACH = 45


def compared_before(text: str, c: Claim, lo: int = 0) -> bool:
    """Whether ``c`` is a level moved from or a figure compared with (COMPARED_BEFORE), read over the COMPARED_REACH
    characters before it, from ``lo`` on (its sentence's start, where given)."""
    return COMPARED_BEFORE.search(text, max(lo, c.start - COMPARED_REACH), c.start) is not None


def compared_with(text: str, c: Claim, lo: int = 0) -> bool:
    """Whether ``c`` is a figure set against, by the words that compare and do nothing else (COMPARED_WITH)."""
    return COMPARED_WITH.search(text, max(lo, c.start - COMPARED_REACH), c.start) is not None


def of_a_word_before(ctx: Context, part: Claim) -> re.Match[str] | None:
    """The words "of the displaced" right after a part, where the sentence before, in its paragraph, says the word
    ("Floods have displaced 86,500 people ... Some 32,870 of the displaced, or 38 percent"; "12,458 suspected cholera
    cases ... Lusaka province accounted for 8,920 of the cases, ..."): the part is of what that sentence counts
    (NC104, NC109); else None."""
    s0 = ctx.sentences.span(part.start)[0]
    m = _OF_THE_WORD.match(ctx.text, part.end)
    if m is None or s0 == 0 or opens_paragraph(ctx.text, s0):
        return None
    p0 = ctx.sentences.span(s0 - 1)[0]
    return m if re.search(r"\b" + re.escape(m.group(1)) + r"\b", ctx.text[p0:s0], re.I) else None


_OF_THE_WORD = re.compile(r"\s+of\s+the\s+([a-z]{4,})(?=\s*[,(]|\s+(?:--|-|\u2013|\u2014))")
