"""A vote told by its parts and by how many took part (NC109): "by 476 votes to 99, with one abstention, in a vote in
which 576 lawmakers took part", "Of the 640 members who took part in the vote, 522 backed the directive, 81 voted
against and 37 abstained", "by 13 votes in favour and two abstentions from the 15-member body".  The votes for,
against and abstaining are all of those who took part, once the abstentions are told; with the spoiled ballots, all
the votes cast; those present, or the body's size, may hold some who did not vote (numcheck/data/vote_words.tsv),
unless those who stayed away are told too ("Of the 450 deputies, 251 voted for, 123 against and five abstained,
while 71 did not take part").
Not a group of them ("with all 178 Republican lawmakers voting against it"), nor a whole with a rest told after it."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from ...datafiles import table, words
from ...model import Claim
from ...text import alternation, compound_noun, head_noun, singular
from .._common import pairs_in_sentence, seat_nouns, subject_end
from ..base import Context
from ._parts import Sum

PARTS = ("for", "against", "abstain", "spoiled", "absent")
# the second figure of "by 476 votes to 99", "voted 74 to 25": the votes against
_TO = re.compile(r"\s+to\s+$", re.I)
# a whole the sentence opens on, who voted told after it: "Of the 153 deputies who voted in the Dail"
_OF_THE = re.compile(r"\b(?:Of|Among)\s+(?:the|all)\s+$")
_WHO_VOTED = re.compile(r"[^,;.]{0,40}?\b(?:who|that)\s+(?:voted|took\s+part|cast\s+(?:their\s+)?(?:votes|ballots))\b", re.I)
# a whole told with no noun after "out of": "and 10 in favour, out of 21 present"
_OUT_OF = re.compile(r"\bout\s+of\s+(?:the\s+)?$", re.I)
# a total said as one: "for a total of 2,843,000"
_TOTAL_OF = re.compile(r"\b(?:for\s+)?a\s+total\s+of\s+$", re.I)
# after a bare "for" or "against" that tells a vote, not whose votes they are: "41 against and eight abstentions"
_CLAUSE_ENDS = re.compile(r"\s*(?:[,.;:)]|\Z|(?:and|with|in|on|from)\b)", re.I)
# those who took part in something else than the vote: "after 380 deputies took part in the debate"
_NOT_THE_VOTE = re.compile(r"\s+in\s+(?:the|a)\s+(?!vote|ballot|poll|voting|election|referendum)\w", re.I)
# words after "voting" or "cast" that make the figure some of the voters or votes: "with all 178 Republican
# lawmakers voting against it", "with 280 Labour MPs voting with the government", "350,000 votes were cast abroad"
_SOME_OF_THEM = re.compile(r"\s+(?:against|for|in\s+favou?r|in\s+(?:his|her|its|their)\b|with|yes|no|to|abroad|overseas"
                           r"|early|by\s+post|by\s+mail|in\s+(?!the\s+(?:vote|ballot|poll|election|referendum)\b)"
                           r"(?-i:[A-Z])|at)\b", re.I)
# what a whole leaves to others after it: "with 300 deputies present in the chamber and the rest voting remotely"
_REST_AFTER = re.compile(r"\b(?:the\s+rest|the\s+remaining|the\s+others)\b", re.I)
# who took part: what a whole "voted" or "present" counts
_VOTERS = frozenset(words("voter_nouns.txt"))


def vote_tallies(ctx: Context, cl: list[Claim]) -> Iterator[Sum]:
    """Every sentence's vote with its parts and its whole, when each part is told once and the whole once."""
    counts = [c for c in cl if c.kind == "count" and c.point is not None and not c.range and c.qualifier in ("=", "~")]
    for group in pairs_in_sentence(ctx, counts):  # (with a change: "lost the vote by 161 votes to 156")
        roles = _roles(ctx.text, group)
        parts = [c for c, r in roles if r in PARTS]
        told = [r for _, r in roles if r in PARTS]
        wholes = [(c, r) for c, r in roles if r in ("voted", "cast")] or [(c, r) for c, r in roles if r in ("present", "body")]
        if len(wholes) != 1 or len(parts) < 2 or "for" not in told or len(set(told)) != len(told):
            continue
        whole, role = wholes[0]  # (who took part, rather than the body they sit in: "192 members of the 200-seat
        # chamber took part")
        if _one_vote(ctx.text, group, roles, whole, parts) \
                and not _REST_AFTER.search(ctx.text, whole.end, ctx.sentences.span(whole.start)[1]):
            exact = (role == "voted" and "abstain" in told) or (role == "cast" and "spoiled" in told) \
                or (role == "body" and {"abstain", "absent"} <= set(told))
            yield Sum(tuple(parts), whole, including=not exact)  # (abstentions, spoiled ballots, or abstentions and
            # those who stayed away from a body's vote told: all of it)


def _one_vote(text: str, group: list[Claim], roles: list[tuple[Claim, str]], whole: Claim, parts: list[Claim]) -> bool:
    """Whether the parts and the whole are told of one vote, counted one way: no semicolon between the parts ("230
    votes in favour; in a separate vote, 180 against"), no figure of the sentence left without a part that may be one ("52 for
    the measure ..., a year after 60 senators backed it"; not "a majority of seven"), and not votes weighted or
    counted in millions against a headcount ("by 3.2 million votes to 1.1 million, with 1,200 delegates present")."""
    told = [c for c, _ in roles]
    if ";" in text[parts[0].start:parts[-1].end]:
        return False  # (the whole may follow one: "...; 99 senators voted")
    if any(c not in told and (c.point or 0) <= (whole.point or 0) and not _MARGIN.search(text, max(0, c.start - 20), c.start)
           for c in group):
        return False
    return sum(p.point or 0 for p in parts) <= WEIGHTED * (whole.point or 0)


WEIGHTED = 5  # parts adding up to more than this many times the whole count another thing: card or weighted votes
_MARGIN = re.compile(r"\b(?:majority|margin)\s+of\s+$", re.I)  # "giving the government a majority of seven"


def _roles(text: str, group: list[Claim]) -> list[tuple[Claim, str]]:
    """Each figure of a sentence with its part in a vote, where the words about it tell one."""
    out: list[tuple[Claim, str]] = []
    for i, c in enumerate(group):
        role = _role(text, c)
        if not role and i and _TO.fullmatch(text, subject_end(text, group[i - 1]), c.start) and out and out[-1][0] is group[i - 1]:
            out[-1] = (group[i - 1], "for")  # "by 476 votes to 99", "voted 74 to 25"
            role = "against"
        elif not role and i + 1 < len(group) and _TO.fullmatch(text, subject_end(text, c), group[i + 1].start) \
                and re.search(r"\b(?:by|voted)\s+$", text[max(0, c.start - 8):c.start], re.I):
            role = "for"
        if role:
            out.append((c, role))
    return out


def _role(text: str, c: Claim) -> str:
    """The part a figure plays in a vote by its noun or the words after it, or ""."""
    noun = head_noun(c.subject) if c.subject else ""
    if noun in ("abstention", "ayes"):
        return "abstain" if noun == "abstention" else "for"
    out_of = bool(_OUT_OF.search(text, max(0, c.start - 12), c.start))
    if noun == "present" and out_of:
        return "present"  # "out of 21 present": the word read as the figure's noun
    m = _after().match(text, subject_end(text, c))
    if m and _fold(m.group(1)) in ("for", "against") and not _CLAUSE_ENDS.match(text, m.end()):
        m = None  # "4,584,721 votes against 4,352,993 for opposition leader Raila Odinga": two candidates' votes
    if m is not None:
        role = _roles_of()[_fold(m.group(1))]
        if role not in ("voted", "cast", "present"):
            return role
        elsewhere = "part" in m.group(1).lower() and _NOT_THE_VOTE.match(text, m.end())
        voters = noun in _VOTERS or (not noun and out_of)
        return role if voters and not elsewhere and not _SOME_OF_THEM.match(text, m.end()) else ""
    if text[c.end:c.end + 1] == "-" and singular(compound_noun(text, c.end).lower()) in seat_nouns():
        return "present"  # "from the 15-member body": its size, which may hold some who did not vote
    if _OF_THE.search(text, max(0, c.start - 12), c.start) and noun in _VOTERS:
        return "voted" if _WHO_VOTED.match(text, subject_end(text, c)) else "body"  # ("Of the 450 deputies in the
        # State Duma, 251 voted for": the body, which some may have stayed away from)
    return "voted" if _TOTAL_OF.search(text, max(0, c.start - 20), c.start) else ""


def _fold(phrase: str) -> str:
    return re.sub(r"\s+", " ", phrase.lower())


@lru_cache(maxsize=1)
def _roles_of() -> dict[str, str]:
    """numcheck/data/vote_words.tsv: each phrase (folded) with the part it tells."""
    return {_fold(p): r for r, p in table("vote_words.tsv", ("role", "phrase"))}


@lru_cache(maxsize=1)
def _after() -> re.Pattern[str]:
    """The words right after a figure (and its noun) that tell its part: " votes in favour", " backed", " abstained"."""
    return re.compile(r"(?:\s+of\s+the\s+[\w-]+(?:\s+[a-z]+)?)?\s+(?:votes?\s+)?(" + alternation(_roles_of()) + r")\b", re.I)
