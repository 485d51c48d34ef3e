"""A whole and its parts, the last said to be what is left (NC109): "handled 6.8 million passengers, 5.9 million on
international routes and the remaining 900,000 on domestic flights", "with forest accounting for 410 hectares and the
rest, 130 hectares, farmland", "India supplying 312,400, ... and all other countries 285,500".  A last part told
as the rest makes a list of parts all of the whole it breaks down; the parts must be told as a list (joined one to
the next, no clause of their own between them), set off from the whole, and each a part: not a change ("2,000 more
than last year"), nor a part of a part ("40 of them children")."""
from __future__ import annotations

import re
from typing import Iterator

from ... import tolerance as tol
from ...datafiles import words
from ...model import Claim
from ...text import alternation, head_noun, singular
from .._common import (OF_THEM, OPENS_ON_WHOLE, POINTS_BACK, claims_between, claims_by_sentence, compared_before,
                       gap, held_in, of_a_word_before, opens_paragraph, subject_end)
from ..base import Context
from ._parts import AND, LEVEL_BEFORE, PART_OF, REST_BEFORE, Sum, alike_figure, part_ok, told_as_rest, told_at_place
from ._lists import told_in_parallel, toll_nouns
from ._wholes import CONTRAST, FOLLOWED, MAX_PARTS, list_joined
from ._of_whole import WON_BEFORE

# the first two figures told alike, a name before the second: "won 140 seats, the Greens 75": peers, not a whole
# and its part
_PEER = re.compile(r",\s*(?:and\s+)?(?:the\s+)?(?:[A-Z][\w'\u2019.-]*\s+){1,3}(?:(?:at|on|with|took|won)\s+)?$")
# the whole after the rest: "taking the remaining 17 of the 300", "the remaining 15 of the 225 seats"
_OF_THE_WHOLE = re.compile(r"\s+(?:of|in)\s+(?:the|its)\s+", re.I)
# a level or a change a figure is compared with, not a part: "up from 3.1 billion", "more than", "by 5,000" (not
# "roses made up 4.1 billion stems", "fishing boats picked up 189 of them": a part)
_NOT_PHRASAL = "".join(r"(?<!" + verb + r"\s)" for verb in ("picked", "took", "taken", "set", "signed", "rounded",
                                                             "snapped", "locked", "called", "scooped", "mopped"))
NOT_A_PART = re.compile(r"\b(?:from|than|(?<!made\s)(?<!make\s)(?<!makes\s)(?<!making\s)" + _NOT_PHRASAL + r"up|down|by|versus|vs\.?|against"
                         r"|compared\s+with)\s+(?:about\s+|some\s+)?$",
                         re.I)
MORE = re.compile(r"\s+(?:more|fewer|less)\b", re.I)  # "2,000 more than last year", "47 fewer": a change
# what sets a breakdown off from its whole: a comma, colon, dash or bracket ("6.8 million passengers in August, 5.9
# million on ..."); an "and" makes the two figures peers ("45 people on Saturday and 12 on Sunday")
_SET_OFF = re.compile(r"[,:(]|\s-\s|--|\u2013|\u2014|\b(?:split|divided|broken\s+down|comprising|made\s+up\s+of|"
                      r"consisting\s+of|of\s+which|of\s+whom|with)\b", re.I)
# a clause of its own before the rest, which is then the rest of something else: "and said the remaining 8", "and
# will put the remaining 4,000 seats", "and cancelled the other 40" (a verb; "with minor parties taking the
# remaining 17" is the list's)
_FINITE = re.compile(r"\b(?:[a-z]+ed|" + alternation(words("irregular_past.txt")) + r"|says|is|are|was|were|will|would|has|have"
                     r"|had|can|could|may|might|must|should|plans?|expects?|wants?)\b", re.I)
NEAR = 40  # characters before a figure in which a word that makes it a level or a change is read
_OTHER_HOLDERS = re.compile(r"\s+other\b", re.I)  # a count right before "other": how many hold the rest
_WHILE = re.compile(r"\s*,?\s*(?:and\s+)?while\s+(?:[\w'\u2019-]+\s+){0,8}", re.I)  # (", while guests from ", ", while
# African and Middle Eastern markets accounted for ")


def wholes_with_rest(ctx: Context, cl: list[Claim], read: set[int]) -> Iterator[Sum]:
    """Every last part told as the rest, with the whole and the parts before it in its sentence; parts in ``read``
    are read already by another reading.  Each sentence's claims are read once (linear in the text)."""
    by_sentence = claims_by_sentence(ctx, cl)
    for i, group in by_sentence.items():
        figures = 0  # the figures before ``rest`` in its sentence that could be parts: past MAX_PARTS + 2, no list
        for k, rest in enumerate(group):
            told = told_as_rest(ctx.text, group, k) if id(rest) not in read and part_ok(rest) else ""
            found = _with_whole(ctx, group, k, by_sentence.get(i - 1, []), told, figures) if told else None
            figures += part_ok(rest)
            if found is not None and not any(id(p) in read for p in found.parts):
                yield found


def _with_whole(ctx: Context, group: list[Claim], k: int, before: list[Claim], told: str, figures: int) -> Sum | None:
    """The rest ``group[k]`` with its whole and the parts told as a list before it: the whole is the figure after the
    rest ("the remaining 17 of the 300"; the parts then the list ending in it, _chain), the one the sentence points
    back at ("Of these, 903 were ..."), the one the first part is told of ("172 of the 300 seats"), or the first
    like figure of the sentence, the list set off from it ("6.8 million passengers in August, 5.9 million on ...")."""
    text, rest = ctx.text, group[k]
    s0, s1 = ctx.sentences.span(rest.start)
    if told != "after" and _REST_AGAIN.search(text, subject_end(text, rest), s1):
        return None  # "..., and other parties 12, with independents taking the rest": the rest is told after
    if any(alike_figure(c, rest) and _FURTHER.search(text, max(s0, c.start - 24), c.start) for c in group[k + 1:]):
        return None  # "..., and applicants from other countries 12,300, while a further 3,135 claims were made by
        # ...": more of the whole told after the rest
    if told == "after" and k + 1 < len(group) and list_joined(text, rest, group[k + 1]):
        return None  # "1,500 from the rest of Europe and 1,000 from the United States": the list goes on
    alike = [] if figures > MAX_PARTS + 2 else \
        [c for c in group[:k] if (alike_figure(c, rest) and not NOT_A_PART.search(text, max(s0, c.start - NEAR), c.start)
                                  or c is group[0] and floor_like(c, rest))
         and not _OTHER_HOLDERS.match(text, c.end)]  # (not "the kingdom's nine other governorates": who hold the rest)
    after = group[k + 1] if k + 1 < len(group) else None
    whole: Claim | None
    held: list[Claim] = []
    if after is not None and alike_figure(after, rest) and _OF_THE_WHOLE.fullmatch(text, rest.end, after.start):
        whole, parts = after, _chain(text, group, k)
        if _list_before(text, group, k + 1 - len(parts)):
            return None  # "won 140 seats, the Kurdish alliance 75, Iyad Allawi's list 40 and ... the remaining 20 in
            # the 275-seat assembly": the list goes back further than it can be read
    elif alike and (POINTS_BACK.match(text, s0) or OF_THEM.match(text, alike[0].end)
                    or of_a_word_before(ctx, alike[0])):  # ("Lusaka province accounted for 8,920 of the cases")
        whole, parts = whole_pointed_at(ctx, before, s0, alike[0], rest), [*alike, rest]
    elif alike and alike[0] is group[0] and not _total_after(text, group, k) \
            and not OPENS_ON_WHOLE.fullmatch(text, s0, group[0].start) \
            and not (_OF_A_NAMED_WHOLE.match(text, alike[0].end) and sum(alike_figure(c, rest) for c in before) > 1) \
            and (told_before := whole_told_before(ctx, before, s0, rest)) is not None:  # (not "... slashed to 66. With
        # all 646 seats declared, Labour had 356, ...": the sentence opens on its own whole)
        # a sentence of parts after the one that tells their whole: "India's sugar output is forecast at 18.5 million
        # tonnes. Maharashtra is expected to produce 6.1 million tonnes, Uttar Pradesh 5.2 million and the other
        # states 7.2 million"; with a part that sentence held ("... won 359 seats ... in the 577-seat National
        # Assembly. The Socialists took 140 and other parties 78")
        whole, parts = told_before, [*alike, rest]
        held = held_before(ctx, before, told_before, rest)
    elif len(alike) >= 2 and PART_OF.fullmatch(text, alike[0].end, alike[1].start):
        whole, parts = alike[1], [alike[0], *alike[2:], rest]
    elif len(alike) == 2 and _ONE_PART_FOR.fullmatch(gap(text, alike[0], alike[1])) \
            and _WITH_THE_REST.fullmatch(REST_BEFORE.sub("", gap(text, alike[1], rest), count=1)) \
            and ";" not in text[rest.end:s1]:  # (not "...; the remaining 10 million is salary arrears": more told after)
        whole, parts = alike[0], [alike[1], rest]  # "a budget of 3.3 trillion shillings relies on donors for 1.4 trillion
        # shillings, with domestic revenue covering the other 1.9 trillion": one part in the whole's clause, the rest
    elif len(alike) >= 2 and _set_off(gap(text, alike[0], alike[1])) and not CONTRAST.search(gap(text, alike[0], alike[1])) \
            and not FOLLOWED.match(gap(text, alike[0], alike[1])) \
            and not told_in_parallel(text, alike[0], alike[1]) and not _total_after(text, group, k) \
            and not _after_colon(text, group, alike[0]) and not _like_before(group, alike[0], rest) \
            and not _TABLE_ENTRY.search(text, s0, alike[0].start) and not _labelled_alike(text, s0, alike[0], alike[1]):
        whole, parts = alike[0], [*alike[1:], rest]  # (not "30 countries: 120 were British, 80 German and the rest")
        # (nor "177 seats, while the Olive Tree won 125": a peer; nor "55.0 billion euros for agriculture, 44.6 billion
        # euros for cohesion": told alike, a part; nor where the sentence tells its own whole after the rest: "won 296
        # seats ..., its coalition partner New Komeito 31, ... and other parties and independents 40, together making up
        # all 480 seats")
    else:
        return None  # "won 140 seats, the Kurdish alliance 75, ...", "45 people on Saturday and 12 on Sunday": peers
    if whole is None or not 2 <= len(parts) <= MAX_PARTS or tol.point(rest) >= tol.point(whole) \
            or _chain(text, parts, len(parts) - 1) != parts \
            or (told == "after" and whole.start < rest.start and told_at_place(text, whole)):
        return None  # "cut 300 jobs and the remaining 1,000 staff": the rest of something else; "and said the
        # remaining 8": not a list; "120 people in Vietnam ... and 25 elsewhere": outside the whole
    return Sum((*held, *parts), whole, including=False)


def _labelled_alike(text: str, s0: int, first: Claim, second: Claim) -> bool:
    """Whether the first two figures are labelled by one preposition ("Those from Jakarta numbered 4,100, from Surabaya
    2,300"): entries of one list, not a whole and its first part."""
    m = _LABEL_NEXT.match(text, first.end, second.start)
    return m is not None and re.search(r"\b" + m.group(1) + r"\b", text[s0:first.start], re.I) is not None


_LABEL_NEXT = re.compile(r"[^,\d]{0,30},\s*(?:(?:those|the\s+ones)\s+)?(from|in|at|for|to|by)\s+", re.I)  # (or "Workers in
# the Gulf states sent home 8.6 billion dollars, those in Europe 3.1 billion")
# a figure that opens a table after a colon, named by a few words ("as follows: the capital 2,310, the coast 1,640"):
# an entry, a peer of the next, not their whole
_TABLE_ENTRY = re.compile(r":\s*(?:the\s+)?(?:[\w'\u2019.-]+\s+){1,3}$")
_AND_THE_REST = re.compile(r"(?:\s+[\w'\u2019-]+){0,10}?\s*,?\s+and\s+", re.I)  # the part's clause, then "and" the rest
_FURTHER = re.compile(r"\b(?:a\s+further|another|an\s+additional|an\s+extra)\s+(?:about\s+|some\s+)?$", re.I)
_REST_AGAIN = re.compile(r"\b(?:the\s+rest|the\s+remainder|the\s+balance|the\s+remaining)\b", re.I)
# a first part told of a whole named by its noun, no figure: "420 of the foreign contingent"
_OF_A_NAMED_WHOLE = re.compile(r"\s+of\s+(?:the|its|their)\s+(?!(?:total|whole)\b)[a-z]", re.I)


def _total_after(text: str, group: list[Claim], k: int) -> bool:
    """Whether a figure like the rest ``group[k]`` and larger follows it in its sentence: the sentence tells its own
    whole ("DSS took 53 and G17 Plus 34, and the other 44 went to two smaller blocs, for the full 250"), not the
    sentence before; not a level the rest is compared with ("the rest, 226,000 feddans, down from 310,000")."""
    rest = group[k]
    return any(alike_figure(c, rest) and tol.point(c) > tol.point(rest)
               and not LEVEL_BEFORE.search(text, max(0, c.start - 20), c.start) for c in group[k + 1:])


def _like_before(group: list[Claim], first: Claim, rest: Claim) -> bool:
    """Whether a figure like the rest, not read as a part (a change, a level), stands before the first part: the list
    may be of it ("Germany added 14.1 gigawatts ..., with rooftop systems accounting for 7.2 gigawatts, ... and
    balcony units the remaining 0.6 gigawatts"), so the first part is no whole."""
    return any(c.kind == rest.kind and c.unit == rest.unit for c in group[:group.index(first)])


# parts told as clauses of a list ending in the rest: "of whom 4,870 are nurses, 1,930 are doctors and 5,840 work in
# other roles", "1,204 had set off from Tunisia, 687 from Libya and the other 427"
CLAUSE_JOIN = re.compile(r"^\s*(?:are|were|is|was|have|has|had)\s+(?:[\w'\u2019-]+\s+){0,4}?[\w'\u2019-]+\s*(?:,|,?\s+and)\s+$",
                          re.I)
_LIST_MARK = re.compile(r",|\band\b", re.I)


def _list_before(text: str, group: list[Claim], i: int) -> bool:
    """Whether a figure like the list's first (``group[i]``) stands just before it, joined by a comma or "and": a
    part not read."""
    first = group[i]
    return i > 0 and alike_figure(group[i - 1], first) and bool(_LIST_MARK.search(gap(text, group[i - 1], first)))


def floor_like(c: Claim, rest: Claim) -> bool:
    """A sentence's first figure told as a floor, of the rest's kind ("At least 27 people were killed, 16 of them in
    clashes and the other 11 in police firing"): the whole of parts told with their rest (nc109 reads how far past
    it they may go)."""
    return c.qualifier in (">", ">=") and c.kind == rest.kind and c.change is None and c.point is not None \
        and not c.range


def _chain(text: str, group: list[Claim], k: int) -> list[Claim]:
    """The parts told as a list that ends in the rest ``group[k]``: each joined to the next (list_joined; before
    the rest, words with no verb of their own: "with minor parties taking the remaining 17"), none a level or a
    change, none but the first a part of a part ("40 of them children")."""
    rest = group[k]
    chain = [rest]
    for c in reversed(group[max(0, k - MAX_PARTS):k]):
        nxt = chain[0]
        s0 = max(0, c.start - NEAR)
        if not alike_figure(c, rest) or NOT_A_PART.search(text, s0, c.start) or MORE.match(text, subject_end(text, c)) \
                or OF_THEM.match(text, nxt.end) and nxt is not rest:
            break
        if nxt is rest:
            lead = REST_BEFORE.sub("", gap(text, c, rest), count=1)  # the words before the rest, its mark left out
            lead = lead[m.end():] if (m := OF_THEM.match(lead)) else lead  # (and the first's "of them")
            closed = lead != gap(text, c, rest) and bool(_WHILE.fullmatch(lead))  # (", while the kingdom's nine
            # other governorates were home to": the rest said so closes the list)
            closed = closed or lead != gap(text, c, rest) and bool(_AND_THE_REST.fullmatch(lead)) \
                and not CONTRAST.search(lead)  # ("6,835 were sent home by ferry and the remaining 2,577 flown out")
            ok = list_joined(text, c, rest, lead) or closed \
                or not (_FINITE.search(lead) or CONTRAST.search(lead)) and len(lead.split()) <= 8
        else:
            g = gap(text, c, nxt)
            told_of_them = OF_THEM.match(g)  # the first told of the whole: "Iraqis lodged 10,242 of them, Turks 9,575"
            ok = list_joined(text, c, nxt, g[told_of_them.end():] if told_of_them else g) or bool(CLAUSE_JOIN.match(g))
        if not ok:
            break
        chain.insert(0, c)
    return chain


def _after_colon(text: str, group: list[Claim], first: Claim) -> bool:
    """Whether the list's first figure follows a colon after another figure ("came from 30 countries: 120 were
    British, ..."): the list is that figure's breakdown, by another measure, not ``first``'s."""
    i = group.index(first)
    return i > 0 and text[group[i - 1].end:first.start].rstrip().endswith(":")


def _set_off(g: str) -> bool:
    """A breakdown set off from its whole, not a peer joined to it by "and" or told like it by name."""
    return bool(_SET_OFF.search(g)) and not AND.search(g) and not _PEER.search(g)


def last_alike_before(ctx: Context, before: list[Claim], s0: int, rest: Claim) -> Claim | None:
    """The last figure like ``rest`` in the sentence before (its claims ``before``), in the same paragraph ("...
    1,482 road deaths in the first half. Of these, ..."), not one it is compared with ("below the 60,000 estimated
    by aid agencies", "short of the government's target of 78 million", "from 484 million tonnes in 2005")."""
    if opens_paragraph(ctx.text, s0):
        return None
    alike = [c for c in before if alike_figure(c, rest)
             and not compared_before(ctx.text, c)]
    named = [c for c in alike if c.subject and _noun_told(ctx.text, head_noun(c.subject), rest, s0)]
    return named[-1] if named else alike[-1] if alike else None  # (the one that counts the part's noun, where one
    # does: "Of the 1.95 million candidates who sat the examination, 1.47 million ... scored below 200. Female
    # candidates numbered 1.02 million and male candidates 930,000")


def _noun_told(text: str, noun: str, part: Claim, s0: int) -> bool:
    """Whether the part counts ``noun``: its subject's, or said in its sentence before it ("Female candidates
    numbered 1.02 million")."""
    if part.subject:
        return singular(head_noun(part.subject)) == singular(noun)
    return singular(noun.lower()) in {singular(w) for w in re.findall(r"[a-z]+", text[s0:part.start].lower())}


def whole_pointed_at(ctx: Context, before: list[Claim], s0: int, first: Claim, rest: Claim) -> Claim | None:
    """The whole in the sentence before that a sentence of parts points back at ("Of them,", "Legazpi took in 12,430
    of them"): the last like figure there, or the one told with the verb it names ("Police arrested 57 suspects ...
    and seized 14 firearms. ... 31 of those arrested"); none where that one is itself the whole of a part told
    before it ("filed 88,000 of the 342,000 applications. Americans lodged 30,400 of them": of which?)."""
    text = ctx.text
    named = _THOSE_NAMED.match(text, first.end) or of_a_word_before(ctx, first)  # ("of those arrested", "of the cases")
    wholes = [c for c in before if _told_with(ctx, before, c, named.group(1))] if named else before
    whole = last_alike_before(ctx, wholes, s0, rest)
    return None if whole is None or PART_OF.search(text, max(0, whole.start - 12), whole.start) else whole


_THOSE_NAMED = re.compile(r"\s+of\s+(?:those|these)\s+(?!(?:who|which|that)\b)([a-z]{4,})\b", re.I)


def _told_with(ctx: Context, before: list[Claim], c: Claim, word: str) -> bool:
    """Whether ``word`` (or a form of it: "arrested", "arrests") tells ``c`` in its clause: between the figure before
    it and it ("Police arrested 57"), or right after it ("57 people were arrested"), not another's ("killed 18 people
    and wounded 64")."""
    text, stem = ctx.text, word.lower()[:5]
    k = before.index(c)
    start = max(before[k - 1].end if k else ctx.sentences.span(c.start)[0], c.start - 40)
    end = min(before[k + 1].start if k + 1 < len(before) else len(text), c.end + 40, ctx.sentences.span(c.start)[1])
    lead = _CLAUSE_BREAK.split(text[start:c.start])[-1]
    tail = _CLAUSE_BREAK.split(text[c.end:end])[0]
    return stem in lead.lower() or stem in tail.lower()


_CLAUSE_BREAK = re.compile(r"[,;.]|\band\b", re.I)  # (" workers were laid off in March, and 430": not the 430's)


def whole_told_before(ctx: Context, before: list[Claim], s0: int, rest: Claim) -> Claim | None:
    """The whole of a sentence of parts in the sentence before (_before), unless that sentence told a part of it
    already ("losing only one of their 38 games. ... won 29 and drew the other eight": the rest of the 37; "327 seats
    in the 547-member parliament"), or the
    parts' sentence tells a time of its own ("This year", "In 2007")."""
    whole = last_alike_before(ctx, before, s0, rest)
    if whole is None or _NARROWED.match(ctx.text, s0) or PART_OF.search(ctx.text, max(0, whole.start - 12), whole.start) \
            or _PART_TOLD.search(ctx.text, max(0, whole.start - 16), whole.start) or OF_THEM.match(ctx.text, whole.end) \
            or len(held_before(ctx, before, whole, rest)) > 1:
        return None  # (nor a part of a figure before it: "8,098 people were infected ..., 774 of whom died. The cases
        # broke down as follows"; nor a sentence that opens on a narrower whole, place or time: "For cotton,", "In the
        # north,", "Last season,")
    if any(c.start > whole.end and (OF_THEM.match(ctx.text, c.end) or _PART_TOLD.search(ctx.text, max(0, c.start - 16),
                                                                                       c.start)) for c in before):
        return None  # "1.56 million guests last year, 40 percent of them Vietnamese. Chinese were the largest foreign
        # group ...": a part told already, the list may be of the rest
    s1 = ctx.sentences.span(rest.start)[1]
    if any(c.kind == "date" and s0 <= c.start < s1 and not _LEVEL_THEN.search(ctx.text, max(0, c.start - 40), c.start)
           for c in ctx.claims):
        return None  # "... fell to 18.5 million tonnes last year. This year Maharashtra is expected to produce ...":
        # the parts' own time, another than the whole's (not the time of a level compared: "down from 310,000 a year
        # earlier")
    return whole


def held_before(ctx: Context, before: list[Claim], whole: Claim, rest: Claim) -> list[Claim]:
    """The figures of the whole's sentence, before it, that count what the body it sizes holds ("the ruling coalition
    327 seats in the 547-member parliament", "Chirac's UMP won 359 seats in Sunday's run-off, giving it an outright
    majority in the 577-seat National Assembly"): parts of it, beside those the sentence after tells."""
    text = ctx.text
    return [c for c in before if c.end <= whole.start and alike_figure(c, rest)
            and (held_in(text, c, whole) or WON_BEFORE.search(text, max(0, c.start - 30), c.start) is not None
                 and held_in(text, c, whole, near=False))]


# the one part told in the whole's clause, by what it comes from or goes to: " relies on donors for ", " comes from "
_ONE_PART_FOR = re.compile(r"\s+(?!(?:and|or)\b)(?:[a-z]+\s+){1,4}(?:for|from|by)\s+(?:about\s+|some\s+)?", re.I)
# then the rest in a clause after "with": ", with domestic revenue covering "
_WITH_THE_REST = re.compile(r"\s*,\s*with\s+(?:[a-z-]+\s+){1,4}", re.I)
# a sentence of parts that opens on what narrows them, set off by a comma: "Of the new crop, ", "For cotton, ", "In the
# north, ", "Last season, when output totalled ...", "In the worst incident, " (not "Of them,": POINTS_BACK)
_NARROWED = re.compile(r"\s*(?:(?:Of|For|In|At|Among|Within|During)\s+(?!(?:them|those|these|that|this|all)\b)(?:(?:the|a|an)\s+)?"
                       r"(?-i:[a-z])|(?:Last|This|Next)\s+)[^,.;:\d]{0,40},")  # (not a named place, the first part's:
# "In Masvingo and Matabeleland South, 0.61 million people face shortages")
_LEVEL_THEN = re.compile(r"\b(?:from|against|than|compared\s+with)\s+[\d,.]+(?:\s+[a-z]+)?\s+$", re.I)
_PART_TOLD = re.compile(r"\b(?:including|among\s+them)\s+$", re.I)  # a part told of the whole before it


# the sentence after a list, opening on more of its whole: "The rest, 7,985, spoiled their ballots", "Another 12 ..."
_MORE_NEXT = re.compile(r"\s*(?:The\s+(?:rest|remaining|remainder|other|others)|Another|A\s+further"
                        r"|(?:[A-Z][a-z]+|\d[\d,]*)\s+(?:others|more)\b)\b")  # ("Ten others died in Masbate")


# the sentence after a list that opens on the rest of its whole: "The remaining 278 deaths were spread across eight
# other provinces", "Other goods made up the remaining 94.6 billion"
_REST_NEXT = re.compile(r"\s*(?:The\s+(?:remaining|rest|other|balance)\b|(?:All\s+)?Other\s+[a-z]+(?:\s+[a-z]+){0,2}\s+"
                        r"(?:made\s+up|accounted\s+for|took|brought\s+in|contributed|came\s+to|numbered)\s+the\s+"
                        r"(?:remaining|rest|other|balance)\b)")


def with_rest_told_next(ctx: Context, cl: list[Claim], s: Sum) -> Sum:
    """A sum that may be some of its whole, told as all of it where the sentence after its last part, in its paragraph,
    opens on the rest, its one figure like the parts ("... with crude oil accounting for 83.8 billion, oil products
    33.8 billion and natural gas 31.4 billion. Other goods made up the remaining 94.6 billion"): the list and the rest
    are the whole."""
    last = max((s.total, *s.parts), key=lambda c: c.start)
    if not s.including or last is s.total:
        return s
    s1 = ctx.sentences.span(last.start)[1]
    rest = _rest_opening(ctx, cl, s1, s.parts[-1], s.total)
    if rest is None or tol.point(rest) >= tol.point(s.total) and not _REST_APPOSED.fullmatch(ctx.text, s1, rest.start):
        return s  # (its one rest; "were spread across eight other provinces" counts where it lies; but "The rest,
        # 1,383, have yet to be identified" is the rest, past the whole or not)
    return Sum((*s.parts, rest), s.total, including=False)


def wholes_opened_with_rest_next(ctx: Context, cl: list[Claim], read: set[int]) -> Iterator[Sum]:
    """A sentence that opens on its whole and tells one part of it, and the sentence after, in its paragraph, that
    opens on the rest ("Of the 118,643 young Mexicans who took the exam, only 12,320 won places. The other 106,323 were
    turned away"): the part and the rest are all of it.  A part of the part ("85,830 of them with the exemption") is
    not counted."""
    text = ctx.text
    for k, whole in enumerate(cl):
        s0, s1 = ctx.sentences.span(whole.start)
        if k and cl[k - 1].start >= s0 or id(whole) in read or not part_ok(whole) \
                or not OPENS_ON_WHOLE.fullmatch(text, s0, whole.start):
            continue
        after = [c for c in cl[k + 1:] if c.start < s1 and alike_figure(c, whole) and not OF_THEM.match(text, c.end)]
        if len(after) != 1 or id(after[0]) in read:
            continue
        rest = _rest_opening(ctx, cl, s1, after[0], whole, elliptic=True)
        if rest is not None and tol.point(rest) < tol.point(whole):  # (not "Of the 120 prisoners released on Monday,
            # 85 were political detainees. The remaining 240 are to be freed ...": others)
            yield Sum((after[0], rest), whole, including=False)


def _rest_opening(ctx: Context, cl: list[Claim], s1: int, like: Claim, whole: Claim,
                  elliptic: bool = False) -> Claim | None:
    """The one figure like ``like`` of the sentence starting at ``s1``, in the same paragraph, that opens on the rest
    (_REST_NEXT) and tells it right after a rest's words, its verb right after it and no noun of its own but the
    whole's (with ``elliptic``, none at all); None if there is none, or a percentage is told there too.  (Not "The
    other 212 candidates, who sat the exam in the provinces", "The other 64 schools in the district", "The remaining
    1.5 billion pesos allocated for 2001", "The other four victims": the rest of another group; and after "Of the 35
    members who spoke, 12 ...", "The other 180 members" are the rest of all members.)"""
    text = ctx.text
    if s1 >= len(text) or opens_paragraph(text, s1) or not _REST_NEXT.match(text, s1):
        return None
    told = claims_between(cl, s1, ctx.sentences.span(min(len(text) - 1, s1 + 1))[1])
    rests = [c for c in told if alike_figure(c, like) and REST_BEFORE.search(text, max(s1, c.start - 40), c.start)]
    if len(rests) != 1 or any(c.kind == "percent" for c in told):
        return None
    rest = rests[0]
    own, its = (head_noun(c.subject) if c.subject else "" for c in (rest, whole))
    if own and (elliptic or own != its and not {own, its} <= toll_nouns()):
        return None
    return rest if _VERB_NEXT.match(text, subject_end(text, rest)) else None


_REST_APPOSED = re.compile(r"\s*The\s+(?:rest|remainder)\s*,\s*")  # "The rest, 1,383, ..."
# the verb right after the rest, nothing between to pick it out but an apposed rest's comma: "The other 106,323 were
# turned away", "The remaining 13.9 billion will be shared", "Other goods made up the remaining 94.6 billion.", "The
# rest, 1,383, have yet to be identified"
_VERB_NEXT = re.compile(r"\s*(?:[.;]|$)|\s*,?\s+(?:were|was|are|is|will|would|have|has|had|went|came|failed|did|could|may"
                        r"|remain(?:s|ed)?|stayed|lived|live)\b", re.I)


def more_told_next(ctx: Context, s: Sum) -> bool:
    """Whether the sentence after a sum's, in its paragraph, opens on more of the whole (_MORE_NEXT: "... 344,580
    rejected autonomy and 94,388 accepted it. The rest, 7,985, spoiled their ballots"): the parts are then some of
    it, however fully they seemed to be told."""
    last = max((s.total, *s.parts), key=lambda c: c.start)
    if last is s.total and (_THESE_TOGETHER.search(ctx.text, max(0, last.start - 30), last.start)
                            or _THESE_TOGETHER_AFTER.match(ctx.text, last.end)):
        return False  # "..., together 784,000. Another 64,000 had been flown to third countries": the sum of these
    s1 = ctx.sentences.span(last.start)[1]
    if s1 >= len(ctx.text) or opens_paragraph(ctx.text, s1):
        return False
    return bool(_MORE_NEXT.match(ctx.text, s1)) or _persons_counted_next(ctx, s.total, s1)


def _persons_counted_next(ctx: Context, total: Claim, s1: int) -> bool:
    """Whether a count of persons, after a total of persons, tells more of them in the next sentence ("Of the 48
    people killed, 31 were Indonesians and the other 14 came from six countries. Three bodies have yet to be
    identified"): who is left out or counted twice, so the parts are some of it."""
    if not total.subject or singular(head_noun(total.subject)) not in _PERSONS:
        return False
    n1 = ctx.sentences.span(min(len(ctx.text) - 1, s1 + 1))[1]
    if _COUNTED_TWICE.search(ctx.text, s1, n1):
        return True  # "The list counts a Swiss-Italian woman under both nationalities"
    return any(s1 <= c.start < n1 and c.kind == "count" and tol.point(c) < tol.point(total)
               and (c.subject and singular(head_noun(c.subject)) in _PERSONS | toll_nouns() or _OF_THE.match(ctx.text, c.end))
               for c in ctx.claims)  # (not a larger group: "Some 9.2 million refugees worldwide remain under its mandate")


_PERSONS = frozenset(words("person_wholes.txt")) | {"body", "victim", "passenger", "crew", "member", "bomber", "attacker"}
_OF_THE = re.compile(r"\s+of\s+(?:the|them)\b", re.I)  # "Two of the victims"
_COUNTED_TWICE = re.compile(r"\b(?:under|in)\s+both\b|\bcounted\s+twice\b|\bdouble[- ]counted\b|\bdual\s+(?:nationals?|nationality)\b",
                            re.I)


# a total told as the sum of the very parts before it: ", together 784,000", ", a combined 6.4 million"
_THESE_TOGETHER = re.compile(r"\b(?:together|combined|between\s+them)\s+(?:[a-z]+\s+){0,2}$", re.I)
_THESE_TOGETHER_AFTER = re.compile(r"\s+(?:[a-z]+\s+){0,2}?(?:together|combined|between\s+them)\b", re.I)  # ("4.7 million
# vehicles between them")
