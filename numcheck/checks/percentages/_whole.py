"""Where the whole of a part and its percentage stands when it is not beside them (NC104): earlier in the sentence,
in the sentence before, after a list of such pairs, or after the percentage that puts the sentence's figure as a share."""
from __future__ import annotations

import re
from functools import lru_cache

from ... import tolerance as tol
from ...datafiles import words
from ...model import Claim
from ...text import after_dateline, alternation, compound_noun, head_noun, singular
from .._common import (HELD_IN, OF_THEM, compared_with, of_a_word_before, OPENS_ON_WHOLE, POINTS_BACK,
                       claims_between, gap, held_in, opens_paragraph, plain_gap, subject_end, where_held)
from ..base import Context
from ..totals._parts import bare_scaled, clause_ends, scaled
from ._common import (APPROX, CLAUSE_END, DET, GROUP_CLAUSE, MERELY_WORDS, OF, OR_PCT, RIVAL_BEFORE, WHOLE_OF_A_SHARE,
                      WIDER_OWNERS, alike, far_off, nouns_alike, ok_amount, ok_pct)
from ._typo import one_digit_away


# where the whole is said to be the whole ("Of the 1,200 patients": OPENS_ON_WHOLE): "a total of 123 million", "totaled 123 million"
_TOTAL = re.compile(r"\b(?:totall?ed|totall?ing|a\s+total\s+of|in\s+total|numbered|stood\s+at|reached|hit|amount(?:ed|ing)\s+to|came\s+to"
                    r"|rose\s+to|fell\s+to|grew\s+to)"
                    r"\s+(?:a\s+record\s+(?:high\s+of\s+)?)?" + APPROX + "$", re.I)  # "hit a record 1.1548 trillion"
# "600,000 voters, of whom 450,000, or 75 percent", "120.4 billion yuan, of which industry accounted for 48.2 billion":
# the part told as one of the figure before
_OF_WHOM = re.compile(r"\bof\s+(?:whom|which|them|those)\b[^.;\d]{0,40}$", re.I)
# the part told as one of the figure right before it, after its noun and a time at most: ", of whom about ",
# " tourists in 2004, of which "
_OF_WHOM_NEXT = re.compile(r"(?:\s+[a-z][\w-]*){0,3}?(?:\s+(?:in|on|last|this|during)\s+[^,;.\d]{0,20}(?:\d{4})?)?"
                           r"\s*,\s*of\s+(?:whom|which)\s+" + APPROX + r"$", re.I)
# between one part-and-percentage pair and the next: "1,234,567 votes, or 52.3 percent, against 1,100,000", "(36.4%),
# Andres Manuel Lopez Obrador 14.7 million", "), its coalition partner New Komeito 31", ") and the main opposition
# Democratic Party 113" (after a bare comma, only with a name)
_PEER_NAME = r"(?:(?:the|its|his|her|their)\s+)?(?:[a-z][\w-]*\s+){0,3}?(?:[A-Z][\w'\u2019.&-]*\s+(?:of\s+(?:the\s+)?)?){1,6}"
_PAIR_JOIN = re.compile(r"\s*\)?\s*(?:,?\s*(?:against|and|while|versus|compared\s+with)\s+(?:" + _PEER_NAME + r")?"
                        r"|,\s*" + _PEER_NAME + r")")
_OF_AFTER = re.compile(r"\s*\)?\s*,?\s+(?:out\s+)?of\s+" + DET)  # (or "out of": "(22.2%) out of 40.9 million ballots")
# the part told right after "of whom" or "of which" (after a comma), and no figure between it and the whole before
# (or told by what it is and a share verb: ", of which arabica accounted for 35.5 million bags")
_OF_WHOM_RIGHT_BEFORE = re.compile(r",\s*of\s+(?:whom|which)\s+(?:(?:[A-Za-z][\w'\u2019-]*\s+){1,5}?(?:accounted\s+for|made\s+up"
                                   r"|represented|contributed)\s+)?" + APPROX + r"$", re.I)
_LEVEL_COMPARED = re.compile(r"\b(?:against|compared\s+(?:with|to)|(?:up|down)\s+from|versus)\s+(?:about\s+|some\s+)?$",
                             re.I)
_FROM_BEFORE = re.compile(r"\b(?:from|than|by)\s+(?:about\s+|some\s+)?\Z", re.I)
# a base named after the bracket a percentage closes: "300 (20%) of the homes" are a share of the homes
_BASE_AFTER_BRACKET = re.compile(r"\s*\)\s+of\s")
_TO_BEFORE = re.compile(r"(?<!home\s)\bto\s+(?:about\s+|some\s+)?\Z", re.I)  # (not "home to 981,754": who lives there)
# a level moved from, told after "from" with no clause break before its figure: "rose to 120 million dollars from a
# year-earlier figure of 100 million dollars" (not "earned 12.6 billion shillings from tea exports in 2003")
_FROM = re.compile(r"\bfrom\b[^,;]{0,40}$", re.I)


def _moved_from(ctx: Context, whole: Claim, part: Claim) -> bool:
    """Whether a figure (no date) between the whole and the part is a level told after "from"."""
    return any(c.kind != "date" and _FROM.search(ctx.text, max(whole.end, c.start - 50), c.start)
               for c in claims_between(ctx.claims, whole.end, part.start))
# a sentence that opens on a whole named by its noun alone: "Of the job cuts, 1,538, or 63.6 percent, ..."
_OPENS_ON_NOUN = re.compile(r"\s*(?:Of|Among)\s+the\s+(?P<noun>[a-z]+(?:\s+[a-z]+)?)\s*,\s*")
# a share verb right before the part: "International routes accounted for 3,421,106, or 37.2 percent"
SHARE_BEFORE = re.compile(r"\b(?:accounted\s+for|made\s+up|represented)\s+" + APPROX + r"\Z", re.I)


@lru_cache(maxsize=1)
def whole_intro() -> re.Pattern[str]:
    """A whole named by its noun, which may stand in the sentence before its share: "a workforce of 31 million"
    (numcheck/data/whole_nouns.txt), or by a verb that samples it: "interviewed 7,248 men"
    (numcheck/data/sampling_verbs.txt)."""
    return re.compile(r"\b(?:" + alternation(words("whole_nouns.txt")) + r"\s+of|" + alternation(words("sampling_verbs.txt"))
                      + r")\s+" + APPROX + "$", re.I)


def whole_after_pairs(text: str, cl: list[Claim], i: int) -> Claim | None:
    """The whole after a list of parts each with its percentage: "Smith won 1,234,567 votes, or 52.3 percent,
    against 1,100,000, or 46.6 percent, of the 2,360,000 votes cast" (the percentage at ``cl[i]``)."""
    j = i
    while j + 2 < len(cl) and _PAIR_JOIN.fullmatch(gap(text, cl[j], cl[j + 1])) and ok_amount(cl[j + 1]) \
            and ok_pct(cl[j + 2]) and OR_PCT.match(gap(text, cl[j + 1], cl[j + 2])):
        j += 2
    if j + 1 >= len(cl):
        return None
    g, whole, part = gap(text, cl[j], cl[j + 1]), cl[j + 1], cl[i - 1]
    if _HELD_AFTER.fullmatch(g) and held_in(text, part, whole, near=False):
        return whole  # "won 186 seats, or 41.3 percent, in the 450-seat Verkhovna Rada": the body that holds them
    if not _OF_AFTER.fullmatch(g):
        return None
    return whole if ok_amount(whole) and alike(whole, part) else None  # (said to be the whole: even where a part
    # exceeds it)


_HELD_AFTER = re.compile(r"\s*\)?\s*,?" + HELD_IN.pattern)  # ", in the 450-seat ..." after the last pair


def whole_of_the_first_pair(text: str, cl: list[Claim], i: int) -> Claim | None:
    """The whole of the first of a list of parts each with its percentage, told with it as "X of Y (Z%)": "won 296 of
    the 480 seats (61.7 percent), its coalition partner New Komeito 31 (6.5 percent) and the main opposition
    Democratic Party 113 (23.5 percent)" (the percentage at ``cl[i]``, its part before it)."""
    part, j = cl[i - 1], i - 1  # the part of the pair read back from
    while j >= 3 and ok_pct(cl[j - 1]) and _PAIR_JOIN.fullmatch(gap(text, cl[j - 1], cl[j])):
        before, pct = cl[j - 2], cl[j - 1]
        first = cl[j - 3]
        if ok_amount(before) and ok_amount(first) and alike(first, part) and alike(before, part) \
                and OF.match(gap(text, first, before)) \
                and OR_PCT.match(GROUP_CLAUSE.sub("", gap(text, before, pct), count=1)):
            return before if tol.point(before) > tol.point(part) else None  # the first pair: its whole
        if not (ok_amount(before) and alike(before, part) and OR_PCT.match(gap(text, before, pct))):
            return None
        j -= 2
    return None


def subject_figure(ctx: Context, claims: list[Claim], k: int, whole: Claim, since: int | None = None) -> Claim | None:
    """The figure a sentence is about, which "amounting to 32% of the 5.8 million" puts as a share: the nearest count
    of the sentence, not a level a change moves from ("700,000 people ... up from 440,000 ... amounting to 32% of
    the 5.8 million"), in the whole's kind and unit.  (One larger than the whole is read too: a part mistyped past it,
    as the readings of figures side by side flag one.)  ``since``: where to read back to, if not the sentence's
    start."""
    s0 = ctx.sentences.span(claims[k].start)[0] if since is None else since
    for i in range(k - 1, -1, -1):
        c = claims[i]
        if c.start < s0:
            return None
        if i == k - 1 and ok_amount(c) and (c.unit, c.kind) != (whole.unit, whole.kind) \
                and _APPOSED.search(gap(ctx.text, c, claims[k])):
            return None  # the share's own figure, told in another form than the whole ("a total of 9 billion, or 40
            # percent of the 22.5-billion-dollar budget", "some 5 million in all, or 25 percent of"): no figure further
            # back is what it is a share of
        if not ok_amount(c) or c.unit != whole.unit or c.kind != whole.kind \
                or _FROM_BEFORE.search(ctx.text, max(s0, c.start - 12), c.start) \
                or WHOLE_OF_A_SHARE.search(ctx.text, max(s0, c.start - 60), c.start) \
                or COMPARED_AFTER.match(ctx.text, c.end) or _own_share(ctx.text, claims, i, claims[k]) \
                or RIVAL_BEFORE.search(ctx.text, max(s0, c.start - 50), c.start):
            continue  # nor the whole of a share told before ("is 6 percent of the 20 billion dollar target, or"), a
            # difference ("310,000 more than last winter") or a figure put as a share of its own ("3.2 billion
            # dollars, or 14.5 percent of the total, from 2.6 billion, or 12.9 percent of ..."), nor a rival's count
            # ("won 365 electoral votes to McCain's 173, or 67.8 percent of the 538")
        return c
    return None


# a percentage put beside the figure before it, a few words between at most: ", or", "in all, or", "("
_APPOSED = re.compile(r"^(?:\s+[a-z]+){0,3}\s*(?:,\s*or|\(|--|\u2014)\s*$", re.I)
# a figure told as a difference: "310,000 more than last winter"
COMPARED_AFTER = re.compile(r"\s+(?:[a-z]+\s+)?(?:more|fewer|less|higher|lower)\b", re.I)


def _own_share(text: str, claims: list[Claim], i: int, pct: Claim) -> bool:
    """Whether a percentage other than ``pct`` follows ``claims[i]`` as its own ("3.2 billion dollars, or 14.5
    percent")."""
    return i + 1 < len(claims) and claims[i + 1] is not pct and ok_pct(claims[i + 1]) \
        and bool(OR_PCT.match(gap(text, claims[i], claims[i + 1])))


def whole_before(ctx: Context, claims: list[Claim], k: int, pct: Claim) -> Claim | None:
    """The whole a part (``claims[k]``) is a percentage of, stated earlier in its sentence, when the text says which.

    "Of the 1,200 patients, 300 (20%)": the sentence opens on the whole;
    "700 of them, or 45%": the nearest larger figure before; "a workforce of 31
    million ... 4.1 million of them"; "the 120-seat parliament ... 48 seats, or
    30 percent": a compound of the part's own noun; "totaled 123 million ...
    18.3 million, accounting for 14.9 percent of the total".
    """
    text, part = ctx.text, claims[k]
    s0 = ctx.sentences.span(part.start)[0]
    same = [c for c in claims[:k] if c.start >= s0 and (alike(c, part) or _currency_elided(claims, s0, c, part))
            and ok_amount(c) and not _LEVEL_COMPARED.search(text, max(s0, c.start - 24), c.start)
            and not where_held(text, c)]  # (nor where they are: "147 goals in 64
    # matches, ... and 23 of them")
    # (not a level compared with: "4.5 million registered voters in 2008, against 3.9 million in 2003, of whom")
    earlier = [c for c in same if tol.point(c) > tol.point(part)]
    bracketed = THEM_AFTER_BRACKET.match(text, pct.end)  # "219 (15 percent) of them university students"
    if earlier and (OF_THEM.match(text, pct.end) or OF_THEM.match(text, subject_end(text, pct)) or bracketed):
        return earlier[-1]  # "300 were in Beijing and 60, or 20 percent of those": of the figure just before
    if same and (OF_THEM.match(text, part.end) or bracketed) and not earlier:
        return _larger_before(same, part)  # "recorded 495,297 offences, and thefts made up 529,000 of them": the
        # figure they are "of", even when the part exceeds it
    if same and OPENS_ON_WHOLE.fullmatch(text, s0, same[0].start):
        return same[0]  # "Of the 1,847 candidates ..., 5,312, or 71 percent": the whole, even when a part exceeds it
    if same and _OF_WHOM_NEXT.match(text, subject_end(text, same[-1]), part.start):
        return _larger_before(same, part)  # "3.15 million overseas tourists in 2004, of whom about 1.1 million": even
        # when it exceeds
    if same and _OF_WHOM_RIGHT_BEFORE.search(text, max(same[-1].end, part.start - 80), part.start) \
            and not any(same[-1].end <= c.start < part.start and (alike(c, part) or c.kind == "percent") for c in claims):
        return _larger_before(same, part)  # "About 33.2 million people were living with HIV worldwide at the end of
        # 2007, of whom 22.5 million": the figure before "of whom", its clause however long, even when the part exceeds
    if same and not earlier and (_SOME_OF_IT.search(text, max(same[-1].end, part.start - 40), part.start)
                                 or _WITH_NO_TELLER.search(text, max(same[-1].end, part.start - 40), part.start)
                                 and CLAUSE_END.match(text, pct.end)):
        return same[-1]  # "seized 197 tonnes of narcotics in 2004, including 252 tonnes of opium, 77.2 percent of the
        # total", "sold 3.6 million head of cattle, with 1.08 million head, or 30 percent, going to export": the figure
        # it is said to be some of, even when the part exceeds it
    if not earlier:
        return _whole_in_sentence_before(ctx, claims, k, s0, pct)
    if _OF_WHOM.search(text, max(s0, earlier[-1].end), part.start):
        return earlier[-1]
    return _said_whole(ctx, earlier, part, pct, s0)


THEM_AFTER_BRACKET = re.compile(r"\s*\)" + OF_THEM.pattern, re.I)


def _larger_before(same: list[Claim], part: Claim) -> Claim:
    """The whole "of whom" or "of which" points back to: the figure right before, unless the part exceeds it and a
    figure before that does not ("20,000 employees at 40 plants, of whom 4,000": the employees)."""
    if tol.point(same[-1]) < tol.point(part):
        for c in reversed(same[:-1]):
            if tol.point(c) > tol.point(part):
                return c
    return same[-1]


def _currency_elided(claims: list[Claim], s0: int, whole: Claim, part: Claim) -> bool:
    """A bare scaled part of a sum of money, its currency left out ("spending of 288.4 billion euros, of which 123.9
    billion"), unless the sentence counts something else in scaled figures ("sold 40 million shares for 12 million
    dollars, of which 2 million": the shares)."""
    return whole.kind == "money" and bare_scaled(part) \
        and not any(c.kind == "count" and c.subject and scaled(c) for c in claims if s0 <= c.start < part.start)


def _said_whole(ctx: Context, earlier: list[Claim], part: Claim, pct: Claim, s0: int) -> Claim | None:
    """The last of the larger figures before a part that the text says is its whole: the sentence opens on it, it is a
    compound of the part's noun, a noun names it as a whole, it is the total, or the part is "of them"."""
    text = ctx.text
    of_them = bool(OF_THEM.match(text, part.end) or OF_THEM.match(text, subject_end(text, part)))
    of_total = base_named(text, pct)  # "of the total", "of the group total", "of the harvest"
    head = singular(part.subject.split()[-1].lower()) if part.subject else ""
    for w in reversed(earlier):
        nearest = w is earlier[-1]  # a whole named only by its kind ("a survey of", "the 25-member") is the
        # nearest larger figure: "a survey of 2,000 households found 1,500 owned a car, and 600, or 40 percent,
        # owned two" is a share of the 1,500
        opens = bool(OPENS_ON_WHOLE.fullmatch(text, s0, w.start))
        noun = singular((compound_noun(text, w.end) or _joined_noun(w)).lower())
        compound = bool(head) and noun == head or (nearest and part.kind == "count" and noun in words("member_nouns.txt"))
        introduced = nearest and bool(whole_intro().search(text, max(s0, w.start - 30), w.start)) and counts_alike(part, w)
        total = bool(_TOTAL.search(text, max(s0, w.start - 30), w.start))
        includes = nearest and bool(_INCLUDES.fullmatch(text, subject_end(text, w), part.start))
        if opens or compound or introduced or includes or (of_total and total) or (of_them and nearest):
            return w
    return earlier[0] if _lone_larger(ctx, earlier, part, pct) else None


def counts_alike(part: Claim, whole: Claim) -> bool:
    """A part that counts what its whole counts, or names nothing, or both count people (numcheck/data/toll_nouns.txt:
    "5,318 people were killed ... 1,520 deaths"; or persons, _persons: "a poll of 1,012 adults ... 387 respondents"),
    or its whole is one by its noun (numcheck/data/whole_nouns.txt: "population"); not "a study of 900 twins found 27
    pairs"."""
    return nouns_alike(part.subject, whole.subject)


def _lone_larger(ctx: Context, earlier: list[Claim], part: Claim, pct: Claim) -> bool:
    """Whether the part's whole is the one larger figure like it told before it in the sentence, told as a whole (a
    total, _TOTAL: "exports totalled 17 billion Swiss francs in 2008, with Hong Kong taking 2.9 billion francs, or 17.1
    percent,"; a noun of a whole, "a workforce of") or with the part told as some of it (_SOME_OF_IT: "among them",
    "setting aside"), not a peer ("Airbus delivered 483 jets, with Boeing delivering 441, or 48 percent").  Only where
    the percentage is the part's plain share (the clause ends after it, or it is "of the total": not "or 20 percent
    more", "of its workforce") and the sentence's one percentage, no figure like the part follows in the sentence (a
    whole told after it, or another part), no change lies between them, and a mistyped digit could make the share."""
    text, whole = ctx.text, earlier[0]
    s0, s1 = ctx.sentences.span(part.start)
    plain = CLAUSE_END.match(text, pct.end) and not _BASE_AFTER_BRACKET.match(text, pct.end)
    if len(earlier) != 1 or not (plain or base_named(text, pct)) or far_off(part, whole, pct) \
            or any(_FROM_BEFORE.search(text, max(0, c.start - 12), c.start) for c in (whole, part)) \
            or _TO_BEFORE.search(text, max(0, part.start - 12), part.start) \
            or _TO_BEFORE.search(text, max(0, whole.start - 12), whole.start) and _a_level_left(ctx, whole, s0, s1) \
            or _moved_from(ctx, whole, part):
        return False  # nor the levels a change moves between: "fell from 7,613 to 6,630, or 12.9%" (the fall), "rose to
        # 120 million dollars from a year-earlier figure of 100 million dollars, or 20 percent" (but "has grown to
        # 34,569,232, ..., with Zanzibar home to 981,754 people, or 2.8 percent": the level reached, the whole)
    told_whole = bool(_TOTAL.search(text, max(s0, whole.start - 30), whole.start)
                      or whole_intro().search(text, max(s0, whole.start - 30), whole.start) and counts_alike(part, whole)
                      or _SOME_OF_IT.search(text, max(whole.end, part.start - 40), part.start)
                      or _NO_TELLER.search(plain_gap(ctx, max(whole.end, part.start - 80), part.start)[-20:])  # (an
                      # aside blanked out takes no room: "banks, the central bank said, with")
                      or _TOLD_AS_SHARE.search(text, max(whole.end, part.start - 30), part.start)
                      or _COLON_THEN.search(text, max(whole.end, part.start - 30), part.start))
    return told_whole and not any(s0 <= c.start < s1 and c is not pct
                                  and (c.kind == "percent" and c.change is None or c.start > part.end and alike(c, part))
                                  for c in ctx.claims)  # (a change may be told beside: "up 2.1 percent on the previous
    # season")


def _a_level_left(ctx: Context, whole: Claim, s0: int, s1: int) -> bool:
    """Whether the sentence tells a level like ``whole`` left "from" (or the whole's change), so "to" it is a move
    ("rose to 120 million dollars from a year-earlier figure of 100 million dollars")."""
    return whole.change is not None or bool(_FROM_AFTER.match(ctx.text, whole.end)) \
        or any(s0 <= c.start < s1 and c is not whole and alike(c, whole)
               and _FROM_BEFORE.search(ctx.text, max(0, c.start - 12), c.start) for c in ctx.claims)


_FROM_AFTER = re.compile(r"[^,;:.\d]{0,30}?\bfrom\b", re.I)  # " dollars from a year-earlier figure of"


def told_as_whole(ctx: Context, whole: Claim, part: Claim) -> bool:
    """Whether the sentence tells ``whole`` as the whole of ``part`` told after it: opening on it ("Of the 2.1
    million refugees"), as a total (_TOTAL: "totalled",
    "reached"), by a noun of a whole or a sampling verb (whole_intro), with the part "of which" it or some of it
    (_OF_WHOM, _SOME_OF_IT: "among them", "including"), or as what includes it (_INCLUDES)."""
    text = ctx.text
    s0 = ctx.sentences.span(whole.start)[0]
    lead = text[max(s0, whole.start - 30):whole.start]
    return bool(OPENS_ON_WHOLE.fullmatch(text, s0, whole.start)
                or _TOTAL.search(lead) or whole_intro().search(lead) and counts_alike(part, whole)
                or _OF_WHOM.search(text, whole.end, part.start) or _SOME_OF_IT.search(text, max(whole.end, part.start - 40), part.start)
                or _INCLUDES.match(text, subject_end(text, whole)))


# the part told as some of the figure before it: ", among them 720,000", ", setting aside Rs 3,850 crore"
_SOME_OF_IT = re.compile(r",\s*(?:among\s+them|including|setting\s+aside|earmarking|allocating)\s+" + APPROX + r"\Z", re.I)
# the part right after a colon that closes its whole's clause: "The breakdown of the 2.3 billion dollar aid package was
# announced on Friday: 920 million dollars, or 40 percent, will go to roads"
_COLON_THEN = re.compile(r":\s*" + APPROX + r"\Z")
# the part told with no one of its own, after "and" or "with": "A record 10.5 million students sat the exam, and about
# 5.99 million, or 57 percent,", "imported 110.9 million tonnes, with about 72 million tonnes, or 65 pct, coming from"
# (not a peer told with its own teller: "with Boeing delivering 441, or 48 percent"); after ", with" alone, the part
# may even exceed its whole (a digit mistyped)
_NO_TELLER = re.compile(r"(?:,?\s+and|,\s*with)\s+(?:(?:" + MERELY_WORDS + r")\s+)?" + APPROX + r"\Z", re.I)
_WITH_NO_TELLER = re.compile(r",\s*with\s+(?:(?:" + MERELY_WORDS + r")\s+)?" + APPROX + r"\Z", re.I)


# the part told by the verb of a share, the whole it is of left unsaid: "earned 12.6 billion shillings from tea exports,
# and sales to Pakistan accounted for 3.15 billion shillings, or 25 percent"
_TOLD_AS_SHARE = re.compile(r"\b(?:account(?:ed|s)?\s+for|made\s+up|makes?\s+up|contribut(?:ed|es|ing)|home\s+to)\s+" + APPROX
                            + r"\Z",
                            re.I)  # ("with its petroleum unit contributing 1.46 billion, or 22.8 percent"; "with the islands of
# Zanzibar home to 981,754 people, or 2.8 percent")


# the whole's noun, then the verb that says the part is in it: "The district's 48,000 residents include 9,600"
_INCLUDES = re.compile(r"\s*,?\s*(?:include[sd]?|including|comprise[sd]?)\s+", re.I)


def _joined_noun(c: Claim) -> str:
    """The noun a claim's own text joins to its figure: "300-strong" -> strong."""
    head, _, noun = c.text.rpartition("-")
    return noun if head and noun.isalpha() else ""


def _whole_in_sentence_before(ctx: Context, claims: list[Claim], k: int, s0: int, pct: Claim) -> Claim | None:
    """A whole in the sentence before, in the same paragraph, when the part's sentence has no figure like it before
    the part and says the part is of it: a noun names it as a whole ("The country has a workforce of 31 million.
    Some 4.1 million, or 13 percent, ..."), the part's sentence points back ("Of those, 5,296, or 63 percent",
    "Only 38 of them, or 8.4 percent", "International routes accounted for 3,421,106, or 37.2 percent"), or the
    percentage names its base as the whole ("India took 412,000 tonnes, or 29.9 per cent of the total", "of output":
    numcheck/data/share_bases.txt).  The whole is the last figure of that sentence in the part's kind and unit that
    is larger, not a level moved from ("1.38 million tonnes, down from 1.52 million tonnes a month earlier")."""
    part, text = claims[k], ctx.text
    if opens_paragraph(text, s0) or any(c.start >= s0 and (alike(c, part) or ok_pct(c)) for c in claims[:k]):
        return None
    p0 = ctx.sentences.span(s0 - 1)[0]
    like = [c for c in claims[:k] if p0 <= c.start < s0 and alike(c, part) and ok_amount(c)
            and not _FROM_BEFORE.search(text, max(p0, c.start - 12), c.start)
            and not compared_with(text, c, p0)]  # (nor one compared
    # with: "1.06 million tonnes ..., well short of annual consumption of around 1.8 million tonnes. Of that, ...")
    larger = [c for c in like if tol.point(c) > tol.point(part)]
    pointed = bool(POINTS_BACK.match(text, s0, part.start) or OF_THEM.match(text, part.end)
                   or of_a_word_before(ctx, part))
    if not larger:
        return like[0] if len(like) == 1 and pointed and not far_off(part, like[0], pct) else None  # (a part past
        # the one figure before, where the sentence points back and a mistyped digit could make the share: "...
        # totaled 19,165 last year. Of those, 41,499, or 60 percent", "Floods have displaced 86,500 people ... Some
        # 92,870 of the displaced, or 38 percent"; not "About 300 Iraqi refugees arrived in Jordan on Monday. Syria
        # has taken in 450,000 of them, or 30 percent of the total": of refugees at large)
    opening = _OPENS_ON_NOUN.match(text, s0, part.start)
    if opening:  # "Of the job cuts, 1,538, or 63.6 percent": the figure before that counts those (a cut is one)
        nouns = {singular(w.lower()) for w in opening.group("noun").split()}
        counted = [c for c in claims[:k] if p0 <= c.start < s0 and alike(c, part) and c.subject and tol.is_exactish(c)
                   and head_noun(c.subject) in nouns and tol.point(c) > tol.point(part)]
        return counted[-1] if counted else None
    w = larger[-1]
    named = bool(whole_intro().search(text, max(p0, w.start - 30), w.start))
    points_back = pointed or bool(SHARE_BEFORE.search(text, s0, part.start))
    if named or points_back:
        return w
    if base_named(text, pct):  # (not a base narrowed after its noun: "48.5 percent of the volume shipped", of tonnes)
        found = _base_before(ctx, larger, p0, s0, part)
        return None if found is None or peers(ctx, found, part) or not base_told_of(ctx, pct, found) else found
    return w if like == [w] and _plain_share_of_one(ctx, claims[k], w, p0, s0, pct) else None


def _plain_share_of_one(ctx: Context, part: Claim, whole: Claim, p0: int, s0: int, pct: Claim) -> bool:
    """Whether the part and its percentage are put as a plain share of the one figure like it in the sentence before
    (``whole``: "Malaysia's 2000 census counted 23.27 million people. Malays numbered 11.68 million, or 50.2 per
    cent"): nothing but who said so follows the percentage (not ", of gateway traffic alone", ", counting only
    arrivals by land"), it is its sentence's only one, no other figure like the part or time follows, the sentence
    before compares no level, no other base is told (_another_base_told), and one digit mistyped beyond the rounding
    would make the share (percentages/_typo: a share of some other base is seldom that near)."""
    text = ctx.text
    s1 = ctx.sentences.span(s0)[1]
    after = pct.end + (text[pct.end:pct.end + 1] == ")")
    compared = _SHARE_COMPARED.match(text, after)
    return bool(clause_ends(text, compared.end() if compared else after, s1)) \
        and one_digit_away(part, whole, pct, far=MISTYPED) and told_of_the_one_before(ctx, part, whole, p0, s0, pct)


# the share set against another time's or a target, after it: ", against 28.4 percent the year before", ", below the
# city's target of 50 pct" (its figures are no other base)
_SHARE_COMPARED = re.compile(r",\s*(?:well\s+|just\s+|slightly\s+)?(?:against|below|above|compared\s+(?:with|to)|up\s+from"
                             r"|down\s+from|versus|followed\s+by)\b(?:[^,;.()]|\.\d)*", re.I)  # (or the next in rank:
# ", followed by Japanese with 1.21 million")


def told_of_the_one_before(ctx: Context, part: Claim, whole: Claim, p0: int, s0: int, pct: Claim) -> bool:
    """Whether the part's sentence (from ``s0``) may tell a share of the whole in the sentence before (from ``p0``):
    that sentence compares no level, the part's tells no other base (_another_base_told) and no other figure like the
    part, no other percentage and no time (but a figure joined to a noun, "two-wheelers", which names a kind)."""
    text = ctx.text
    s1 = ctx.sentences.span(s0)[1]
    if _COMPARED.search(text, p0, s0) or _another_base_told(ctx, part, whole, p0, s0) or peers(ctx, whole, part):
        return False
    compared = _SHARE_COMPARED.match(text, pct.end + (text[pct.end:pct.end + 1] == ")"))
    return not any(s0 <= c.start < s1 and c is not pct and c is not part and text[c.end:c.end + 1] not in HYPHENS
                   and not (compared and compared.start() <= c.start < compared.end())
                   and (c.kind in ("percent", "date", "duration") or alike(c, part)) for c in ctx.claims)


def peers(ctx: Context, whole: Claim, part: Claim) -> bool:
    """Whether the two figures are told by the same verb, the part's of a subject that is a name alone ("Ivory Coast
    produced 1.3 million tonnes. Ghana produced 740,000 tonnes"): peers, not a whole and its part (not "Hong Kong's
    port handled 22.6 million TEUs. The Kwai Chung terminals handled 16.3 million": a part named by its noun)."""
    text = ctx.text
    a, b = _VERB_BEFORE.search(text, max(0, whole.start - 40), whole.start), _VERB_BEFORE.search(text, max(0, part.start - 40), part.start)
    if a is None or b is None or a.group(1).lower() != b.group(1).lower():
        return False
    opens = ctx.sentences.span(part.start)[0]
    return bool(_A_NAME.fullmatch(text, after_dateline(text, opens), b.start()))


# a subject that is a name alone: "Ghana ", "Ivory Coast ", "Saudi Arabia " (not "The terminals ", "Flights to ...")
_A_NAME = re.compile(r"(?!The\b)(?:[A-Z][\w'\u2019.-]*\s+)+")


# the word before a figure, past a word that qualifies it: "produced about 740,000" -> produced (not a little word)
_VERB_BEFORE = re.compile(r"\b(?!(?:of|to|for|in|at|on|by|with|from|and|or|the|a|an|its|their|was|were|is|are)\b)"
                          r"([a-z]{3,})\s+(?:(?:about|some|nearly|almost|around|roughly|over|under|only|just|a|an|the|"
                          r"a\s+record|more\s+than|less\s+than)\s+)*\Z", re.I)


HYPHENS = frozenset("-\u2010\u2011")  # after a figure, joining it to a noun it names a kind by ("two-wheelers")


def _another_base_told(ctx: Context, part: Claim, whole: Claim, p0: int, s0: int) -> bool:
    """Whether the part's sentence (from ``s0``; the whole's from ``p0``) tells another base than the whole: the part
    as a change ("Sales rose 2 billion, or 12 percent": of last year's), a scope of its own ("In the run-off, ...",
    "Among those killed, ..."), another noun, votes (whose shares are a constituency's or a region's: "The Ashanti
    region gave the ruling party 1,042,611 votes, or 61.9 percent"), the jobless (of the labour force), an owner the
    whole's sentence does not name ("Macau's mainland Chinese visitors" after Hong Kong's), the part "of" a group
    named ("24.2 million of the GSM subscribers"); or the whole is itself a part of a larger figure in the sentence
    before it ("Australia received 5.50 million visitors. New Zealanders were the largest group at 1.06 million.
    Japanese visitors numbered 656,000, or 11.9 percent")."""
    text = ctx.text
    s1 = ctx.sentences.span(s0)[1]
    if CHANGED_BEFORE.search(text, s0, part.start) or _OWN_SCOPE.match(text, s0) or not counts_alike(part, whole) \
            or _VOTES.search(f"{part.subject} {whole.subject}") or _JOBLESS.search(text, s0, s1) \
            or of_a_group(text, part, whole) or set(_OWNER.findall(text, s0, s1)) - set(_OWNER.findall(text, p0, s0)):
        return True
    if p0 == 0 or opens_paragraph(text, p0):
        return False
    pp0 = ctx.sentences.span(p0 - 1)[0]
    return any(pp0 <= c.start < p0 and alike(c, whole) and c.point is not None and tol.point(c) > tol.point(whole)
               for c in ctx.claims)


_JOBLESS = re.compile(r"\b(?:unemploy\w*|jobless\w*|out\s+of\s+work)\b", re.I)
_OWNER = re.compile(r"\b([A-Z][\w.-]*)['\u2019]s\b")
# the part told of a group named, not pointed back at: " of the GSM subscribers", " of arrivals in the first half"
_OF_A_GROUP = re.compile(r"\s+of\s+(?!(?:them|those|these|it|that|which|whom)\b)(?:(?:the|its|their)\s+)?[a-z]", re.I)
# the part told of the whole by its noun alone, the clause then ending: " of the deaths,", " of the deaths ("
OF_THE_NOUN = re.compile(r"\s+of\s+the\s+(?P<noun>[a-z]+)\s*(?:[,(]|--|\u2013|\u2014)")


def of_a_group(text: str, part: Claim, whole: Claim) -> bool:
    """Whether the part is told "of" a group named (_OF_A_GROUP: "24.2 million of the GSM subscribers", "of the
    passengers on domestic routes"), not the whole by its noun alone ("4,212 of the deaths, or 12.4 percent" after
    "claimed 33,957 lives": counts_alike)."""
    if not _OF_A_GROUP.match(text, part.end):
        return False
    m = OF_THE_NOUN.match(text, part.end)
    return m is None or not bool(whole.subject) or not nouns_alike(m.group("noun"), whole.subject)


# a sentence that opens on a scope of its own: "In the run-off, ", "Among those killed, ", "Of those who died, "
_OWN_SCOPE = re.compile(r"\s*(?:In|Among|Of|For|At|On|During|Across|Outside|Within|Under)\s+[^,;.]{1,50},")
MISTYPED = 2  # a digit changed moves its figure this many times the comparison's width, at least: no rounding slip
_VOTES = re.compile(r"\b(?:votes?|ballots?)\b", re.I)
# a part told as a change, not a share: "Sales rose 2 billion dollars", "up 4.39 billion", "added 3,000"
CHANGED_BEFORE = re.compile(r"\b(?:rose|rise[sn]?|rising|fell|fall(?:en|s|ing)?|grew|grown|grow(?:s|ing)?|increas\w*|increment\w*|decreas\w*"
                             r"|declin\w*|drop\w*|jump\w*|climb\w*|gain\w*|up|down|added|more|less|higher|lower)\b", re.I)


# a level compared with, after which a sentence's figures are other times' or things': "up from 2.8 million tonnes in
# 2007 and 2.5 million tonnes in 2006", "compared with 17.3 million tonnes", "out of a harvest of 36 million tonnes"
_COMPARED = re.compile(r"\b(?:(?:up|down)\s+from|from\s+(?=(?:about\s+|some\s+|nearly\s+)?[\d$\u00a3\u20ac])|compared\s+(?:with|to)"
                       r"|against|versus|than|out\s+of)\b", re.I)  # (not "exports from Vietnam")


_BASE_ENDS = re.compile(r"\s*(?:[,.;:)]|--|\u2013|\u2014|\Z)")


def _base_before(ctx: Context, larger: list[Claim], p0: int, s0: int, part: Claim) -> Claim | None:
    """The whole of a share of "the total" (or "output") in the sentence before: the one larger figure of the part's
    kind told before any level it is compared with, when the part's sentence tells no time of its own ("In the first
    15 days of March, India took 212,000 tonnes, or 30 per cent of the total" is of another period, and so is "..., in
    the first half of March")."""
    text = ctx.text
    s1 = ctx.sentences.span(s0)[1]
    if any(c.kind in ("date", "duration") and s0 <= c.start < s1 for c in ctx.claims):
        return None  # (before the part or after it: "..., or 30 per cent of the total, in the first half of March")
    cue = _COMPARED.search(text, p0, s0)
    before = [c for c in larger if cue is None or c.start < cue.start()]
    if len(before) != 1 or alike_further_back(ctx, before[0], p0):
        return None  # (nor where the sentence before that tells one like it too: "China's exports rose to 762 billion
        # dollars in 2005. In 2004 exports had totalled 593.4 billion dollars. ..., making up 18.9 percent of exports")
    return before[0]


def alike_further_back(ctx: Context, whole: Claim, p0: int) -> bool:
    """Whether the sentence before the whole's (from ``p0``), in its paragraph, tells a figure like it: which of the
    two a base names is unsaid."""
    if p0 == 0 or opens_paragraph(ctx.text, p0):
        return False
    q0 = ctx.sentences.span(p0 - 1)[0]
    return any(alike(c, whole) and ok_amount(c) for c in claims_between(ctx.claims, q0, p0))


def base_named(text: str, pct: Claim) -> bool:
    """A percentage of "the total" ("the group total"), "output" or "the harvest" (numcheck/data/share_bases.txt,
    the noun alone: "world output", "the world total", "the global total" are other wholes, and so are "export
    earnings", "toll revenue": the noun ends its phrase): of a whole told before."""
    words_ = pct.subject.lower().split()
    owned = _owned_base(text, pct)
    if owned is not None:
        return bool(_BASE_ENDS.match(text, owned.end()))  # ("of the state's toll": a told base, see base_told_of)
    return (words_ == ["total"] or words_[-1:] == ["total"] and words_[0] in _OWN_TOTALS
            or len(words_) == 1 and head_noun(words_[0]) in share_bases()) and bool(_BASE_ENDS.match(text, subject_end(text, pct)))


# the base after an owner the percentage's subject ends on: "of the state's toll" (subject "state's") -> "toll"
_OWNED = re.compile(r"\s+([a-z]+)")


def _owned_base(text: str, pct: Claim) -> re.Match[str] | None:
    """The noun after an owner that ends the percentage's subject ("the state's toll", "the island's shipments"), or
    None: a base of numcheck/data/share_bases_told.txt that base_told_of then asks the whole to be told by."""
    if not pct.subject.endswith(("'s", "\u2019s")) or (pct.subject[:-2].lower().split() or [""])[-1] in WIDER_OWNERS:
        return None  # (not "of the country's exports" after a province's: a wider base)
    m = _OWNED.match(text, subject_end(text, pct))
    return m if m is not None and head_noun(m.group(1).lower()) in told_bases() else None


_OWN_TOTALS = frozenset({"group", "overall", "combined", "grand"})  # a total of what was told: "the group total"


@lru_cache(maxsize=1)
def share_bases() -> frozenset[str]:
    """numcheck/data/share_bases.txt and share_bases_told.txt: the nouns a percentage may name its base by."""
    return frozenset(words("share_bases.txt")) | told_bases()


@lru_cache(maxsize=1)
def told_bases() -> frozenset[str]:
    """numcheck/data/share_bases_told.txt: bases that name the whole only where it is told by the same noun."""
    return frozenset(words("share_bases_told.txt"))


def base_told_of(ctx: Context, pct: Claim, whole: Claim) -> bool:
    """Whether the base a percentage names may be the whole: a plain base ("the total", "output"), or one of
    told_bases that the whole's sentence names before it, or that the whole counts ("The death toll rose to 73,276.
    ... or 63.6 percent of the toll"; not "The number of injured stood at 69,260")."""
    told = pct.subject.lower().split()
    owned = _owned_base(ctx.text, pct)
    noun = head_noun(owned.group(1).lower()) if owned else head_noun(told[-1]) if told else ""
    if noun not in told_bases():
        return True
    s0 = ctx.sentences.span(whole.start)[0]
    if s0 != ctx.sentences.span(pct.start)[0] and alike_further_back(ctx, whole, s0):
        return False  # (a whole in a sentence before whose own sentence before tells one like it: "Gujarat's toll rose
        # to 18,602. In Kutch district the toll reached 12,940. ..., or 30.2 percent of the state's toll")
    named = {head_noun(w) for w in re.findall(r"[a-z]+", ctx.text[s0:whole.end].lower())}
    return noun in named or bool(whole.subject) and head_noun(whole.subject) == noun
