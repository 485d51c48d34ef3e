"""A whole, then what it is made of (NC109): "The fleet of 120 aircraft includes 80 Airbus and 50 Boeing jets", a
breakdown after a bare comma ("9,215 people, 6,102 in Sindh and 3,113 in Punjab"), and seats then their houses."""
from __future__ import annotations

import re
from typing import Iterator

from ... import tolerance as tol
from ...datafiles import words
from ...model import Claim
from ...text import alternation, compound_noun, head_noun, singular
from .._common import OF_THEM, OPENS_ON_WHOLE, compared_before, gap, held_in, seat_nouns, subject_end
from ..base import Context
from ._lists import joined_text
from ._parallel import alike_told, own_clause, same_way
from ._parts import (ACROSS, CALENDAR_WORDS, GOES_ON, LEVEL_BEFORE, PART_OF, PLACE, PLACE_NOUNS, REST_PHRASE, REST_WORDS,
                     SHARE_NOUNS, SIZE_COMPOUND, WHERE_WORDS, Sum, a_people, bare_scaled, counted_in, counts_members, far_past, holds_parts,
                     in_a_partition, left_out_next, named_in_full, part_ok, person_wholes, phrases_alike, places_nested, places_of_people,
                     told_as_rest, told_at_place, told_at_times, told_of, whole_ok)


# the change of a whole, told between it and its parts: "469.47 million tonnes this year, up 9 percent, of which", "2.56
# trillion dollars in 2008, up 17.8 percent year-on-year, with"
_CHANGE_TOLD = (r"(?:\s*,\s*(?:up|down)\s+(?:by\s+)?\d[\d.]*\s*(?:percent|per\s+cent|pct|%)"
                r"(?:\s+(?:from|on|over)\s+[^,;:.()\d]{0,30}|\s+(?:year-on-year|year-over-year|from\s+a\s+year\s+(?:earlier|ago)))?)?")
# words before a part named ahead of its figure ("recurrent spending of") that name no part: a determiner ("and the
# demobilisation of"), a verb that adds a subset ("also includes grants of"), a balance ("and a surplus of")
_NOT_A_PART_NAME = (r"(?!(?:the|a|an|its|their)\s|[a-z]+ing\s)(?![a-z\s-]*\b(?:includ\w*|also|contains?|surplus|deficit"
                    r"|shortfall|gap|balance|total|sum)\b)")  # (nor a total: ", giving a total of")
# a whole, then what it is made of: "120 aircraft includes", "2,000 staff are split between", "30-member board has",
# "reached 469.47 million tonnes this year, up 9 percent, of which",
# "5.85 million vehicles in 2005 comprised",
# "1,000 tickets were sold:", "9.2 billion rand project will be funded by a", "4.4 million head of livestock during this
# winter's dzud of heavy snow and extreme cold, made up of" (ten words at most)
_WHOLE_THEN_PARTS = re.compile(
    r"^(?:-[a-z]+)?\s*(?:(?:[a-z][\w'\u2019-]*|(?:19|20)\d\d(?:/\d\d)?|" + SIZE_COMPOUND + r")(?:\s+|(?=,\s*(?:made|split|divided|broken|to\s+be)\b)"
    r"|(?=,\s+(?:its|their|the|an?)\s))){0,10}?(?:,\s+(?:its|their|the|an?)\s+[^,;:()\d]{1,40},\s+)?"  # "47 medals in Beijing, its best haul in a century, were"
    r"(?:(?P<include>includes?|included|including)|"
    r"(?P<made>comprises?|comprised|comprising|consists?\s+of|consisted\s+of|consisting\s+of|,?\s*(?:(?:is|are|was|were)\s+)?made\s+up\s+of|"
    r",?\s*(?:(?:is|are|was|were|will\s+be)\s+)?(?:split|splits|divided|broken\s+down|broke\s+down|breaks\s+down)(?:\s+(?:between"
    r"|into|among|as(?:\s+follows\s*:)?)|\s*,)?(?:\s+(?:an?|the))?|(?<=^\s)(?:are|were)|"
    r",?\s*(?:is|are|was|were|will\s+be|to\s+be)\s+(?:funded|financed|paid\s+for)\s+(?:by|through|with)(?:\s+an?)?)"
    r"(?:\s+" + _NOT_A_PART_NAME + r"(?:[a-z][\w-]*\s+){1,3}(?:of|at))?|"  # "made up of recurrent spending of",
    # "financed by domestic revenue of" (not "including 23,600 from UNITA and the demobilisation of some 100,000")
    r"(?P<has>has|have|had)|(?P<colon>(?:(?:[a-z]+\s+){0,2}[a-z]+\s*)?:))\s*$"
    r"|^(?:\s+(?:were|was|are|is|have\s+been|has\s+been|had\s+been)\s+[a-z]+ed)?"  # "were approved in the first quarter, of which"
    r"(?:\s+(?:on|in|last|this|during)\s+[^,;:.()]{0,25}|\s+(?:" + SIZE_COMPOUND + r"\s+)?(?![^,;:.()\d]*\b(?:and|or|but)\s+[a-z]+ed\b)[a-z](?:[^,;:.()\d]|\d+(?:st|nd|rd|th)\b|(?:19|20)\d\d(?:[-/]\d\d)?\b|(?<=[A-Z][a-z]\s)\d{1,3}\b){0,90}?)?"  # ("had registered to vote in
    + _CHANGE_TOLD +  # Sunday's elections, of whom": a clause of the whole's own, not a second verb's, "45 people and
    # seized weapons, including")
    r"\s*,\s*(?:of\s+(?:whom|which)(?P<label>(?:\s+[A-Za-z][\w'\u2019-]*){1,3}\s+(?:was|were|stood\s+at|totaled|totalled"
    r"|came\s+to|made\s+up|accounted\s+for|amounted\s+to))?|among\s+them|including"
    r"|(?P<comprising>comprising|consisting\s+of)(?:\s+" + _NOT_A_PART_NAME + r"(?:[a-z][\w-]*\s+){1,3}(?:of|at))?)\s*$"
    r"|^\s*(?:[a-z](?:[^,;:.()\d-]|(?<=\s)(?:19|20)\d\d(?:[-/]\d\d)?\b){0,100}?)?\s(?P<dash>--|-|\u2013|\u2014|\()\s*$"
    r"|^\s+[a-z](?:[^;:.()\d\u2013\u2014]|(?<=\s)(?:19|20)\d\d\b){0,100}?(?P<told_colon>:)\s*$", re.I)
# (or a colon after what the whole is, where and when, and who says so: "killed 275 Iraqis in October, according to
# figures compiled by the interior, defence and health ministries: 185 civilians, ...")
# (a year or a season before the dash: "rose to 163 million tonnes in 2006-07 -- 95 million tonnes of ..."; or a bracket
# opened as a dash is: "left 127 people dead (83 in Leyte, 31 in Samar and 13 in Bohol)")
# a whole said to be a total, then its parts after "with": "Total trade reached 9,949.0 billion yen, with exports of",
# "Deaths from the heatwave climbed to 96, with 54 recorded in ..."
# (or who contributed the first part: ", with Europe contributing", ", with black tea accounting for")
_TOTAL_WITH = re.compile(r"^(?:\s+(?:on|in|at|as\s+of|by|last|this|during)\s+[^,;:.()]{0,25}(?:,\s*(?:19|20)\d\d)?)?" + _CHANGE_TOLD
                         + r"\s*,\s*with\s+(?:(?:[a-z][\w-]*\s+){1,3}?(?:of|at)\s+"
                         r"|(?P<teller>(?:[A-Za-z][\w'\u2019-]*\s+){1,4}?" + alternation(words("teller_verbs.txt")) + r"\s+))?$", re.I)
# what a sum is told net of, after its parts: "less 200 million in rebates", "net of 0.2 billion of returns"
_DEDUCTED = re.compile(r"\b(?:less|minus|net\s+of|before|after|offset|deducting|excluding|eliminated|stripped)\b", re.I)
# a change's base, which the parts after it are not of: "rose to 18.9 billion euros from 17.6 billion, with"
_FROM_A_LEVEL = re.compile(r"\bfrom\s+$", re.I)
# a level a change left: "cut from 500 seats", "up from 1,200" (not "70 points from 34 matches")
_LEVEL_LEFT = re.compile(r"\b(?:cut|reduced|raised|increased|decreased|expanded|shrunk|up|down|rose|risen|fell|fallen|grew|grown"
                         r"|dropped|climbed|jumped|slipped)\s+(?:[a-z]+\s+){0,2}?from\s+$", re.I)
# a figure net of costs, which its contributors' gross figures may exceed
NET = re.compile(r"\b(?:profits?|earnings|income|losses|ebitda|cash\s+flow|returns|surplus)\b[^.;\d]*$", re.I)
_SAID_TOTAL = re.compile(r"\b(?:total|combined|overall|totall?ed|totall?ing|amounted\s+to)\b[^.;,\d]{0,30}$", re.I)
# a toll, or a count just reached: "The toll rose to 96, with", "Deaths climbed to 96, with"
_REACHED = re.compile(r"\btoll\b[^.;,\d]{0,30}$|\b(?:climbed|rose|risen|jumped|reached|hit|stood\s+at|stands\s+at"
                      r"|(?:was|is)\s+put\s+at)\s+(?:to\s+)?$", re.I)
# months and weekdays: a time, not a place of the whole's own ("6.8 million passengers in August, 5.9 million on ...")
_CALENDAR = alternation(sorted(CALENDAR_WORDS))
# a whole, then a comma and its parts each told with a place or time: "displaced 14,806 people in the past month,
# 9,311 in North Kivu and 5,495 in South Kivu"
# (not a whole told of a place of its own, "59 litres in France, 12 litres in the US and three in Japan": peers)
# (or a whole that a passive verb tells, with "of them" parts: "Forty-one people were killed in the blast, 29 of them
# miners and 12 rescue workers": _OF_THEM_BREAKDOWN)
_BREAKDOWN = re.compile(r"(?!\s+(?:in|at|from)\s+(?:the\s+)?(?!(?:" + _CALENDAR + r")\b)[A-Z])"
                        r"(?:\s+(?:on|in|of|from|for|last|this|during|over|without|across|under)\s+[^,;:.()]{0,30}?){0,2}\s*,\s*")
# (two phrases at most: "412,600 passengers across the strait during the festival period, 298,450 on fast ferries")
_OF_THEM_BREAKDOWN = re.compile(r"\s+(?:were|was|have\s+been|had\s+been)\s+[a-z]+(?:ed|en)(?:\s+(?:on|in|at|during|by)\s+"
                                r"[^,;:.()\d]{1,30}|\s+(?:after|when|as)\s+[^,;:.()\d]{1,70})?\s*,\s*", re.I)  # (or when:
# "54 people were treated after a gas cylinder exploded at a wedding party, 38 of them for minor injuries and 16 ...")
# where and when the whole was told, in a few phrases, before a first part told "of them": " jobs at its mobile phone
# division by the end of next year, " (1,450 of them in Germany)
_PHRASES_THEN_COMMA = re.compile(r"(?:\s+[a-z]+)?(?:\s+(?:at|in|on|of|by|for|from|over|during|across|within)\s+[^\d,;:.()]{1,40}?){1,3}"
                                 r"\s*,\s*", re.I)
# what a group is, told between the whole a sentence opens on and its first part: "Of the 16 outbreaks confirmed
# this week, 9 were in the south"
_OPENING_TOLD = re.compile(r"(?:\s+[a-z][^,;:.()\d]{0,60})?(?:\s*,[^,;:.()\d]{1,50}?){0,2}\s*,\s*"
                           r"(?:(?:collecting|winning|taking|earning|with)\s+)?")  # (with a clause or two: "Of the 3,215
# new HIV cases reported in the first half, broken down by route of transmission, 1,480 ..."; or a participle the
# partition is told by: "a record 221 medals, collecting 84 gold, 69 silver and 68 bronze")
# the last part said to be what is left: "1,944 for speeding and the remaining 836 for drink-driving" (all of it)
_REST = r"(?P<rest>\s+" + REST_WORDS + r"(?:\s+of\s+the)?)"
# between parts said one by one: "300 were men and 250", "1,500 in London and 800", "700 to adults and 400"
# (a clause with its own verb, "800 were women, and 900 were over 60", may count the same people twice: only a
# place or time closes a part with a comma, "830 in the north, 312 in the south")
# the next of a ranked list, told after the first: "at 1.76 million, followed by Britons at 620,000" (peers, neither the
# other's whole)
FOLLOWED_BY = r"^\s*,?\s+followed\s+by\s+(?:the\s+)?(?:(?-i:[A-Z])[\w'\u2019.-]*\s+){1,4}(?:(?:at|with|on)\s+)?$"
FOLLOWED = re.compile(FOLLOWED_BY, re.I)
_LOOSE_JOIN = re.compile(r"^\s*(?:(?:[A-Za-z][\w.'\u2019-]*\s+){0,4}?(?:,|,?\s*and)(?:\s+" + _NOT_A_PART_NAME +
                         r"(?:[a-z][\w-]*\s+){1,3}(?:of|at)|\s+an?|\s+(?:(?:those|the\s+ones)\s+)?(?:in|at|on|from|to|for)"
                         r"(?:\s+[A-Za-z][\w'\u2019-]*){1,4})?|" + PLACE + r")"
                         + _REST + r"?\s+$|" + FOLLOWED_BY, re.I)  # "exports of 5,521.4 billion yen and imports of
# 4,427.6 billion yen"; "Workers in the Gulf states sent home 8.6 billion dollars, those in Europe 3.1 billion"; a
# word may hold a point ("389.7 billion to the U.S. and 317.8 billion")
# between parts told after a first one with its verb, the next ones without ("198,300 were petrol models, 61,500
# hybrids and 24,800 electric vehicles", "1,106 of them homes, 302 shops"): the verb holds for the list; a part
# with a verb of its own ("800 were women, 900 were over 60") may count the same people again (_OWN_VERB)
_ELLIPTIC_JOIN = re.compile(r"^\s*(?:(?:were|was|are|is)\s+)?(?:[A-Za-z][\w'\u2019-]*\s+){0,3}[A-Za-z][\w'\u2019-]*,\s+"
                            + _REST + r"?$", re.I)
_OWN_VERB = re.compile(r"\s+(?:were|was|are|is|had|have|has|will|would)\b", re.I)
MAX_PARTS = 8  # a list of parts told one by one is read this far: longer runs are tables, not one whole's parts
# from the seats to the first house: "58 deputies to the bicameral parliament -- the "
_HOUSES_OPEN = re.compile(r"^[^.;\d]{0,60}(?:--|-|\u2013|\u2014|:)\s*(?:the\s+)?$", re.I)
# from one house to the next: "-seat Republican Council (upper house) and the "
_HOUSE_JOIN = re.compile(r"-[a-z]+\s+[^.;\d]{0,60}?(?:,|\band\b)\s*(?:the\s+)?", re.I)


# the parts told as some of the whole: "including", "among them", "such as" (not all of a place-by-place count: "17
# hostages in two provinces, officials said, including nine foreigners in Basilan and three in Sulu")
_SOME_TOLD = re.compile(r"\b(?:includ\w*|among\s+them|such\s+as)\b", re.I)
_WHOM = re.compile(r"\bof\s+whom\b", re.I)  # parts that are people, of a whole that counts them
# a whole shared among takers counted right after: "were divided between the ", "split among its "
_SHARED_AMONG = re.compile(r"\b(?:between|among|across)\s+(?:the\s+|its\s+|their\s+)?$", re.I)
_EACH_AFTER = re.compile(r"\s*(?:[a-z]+\s+)?each\b", re.I)  # a part paid to each taker: "500 each"


def wholes_with_parts(ctx: Context, cl: list[Claim], read: set[int]) -> Iterator[Sum]:
    """Every whole followed by what it is made of (the parts may fall short of it, never exceed it, unless the text
    says they are all of it); a first part in ``read`` is read already, with a run's total."""
    taken: set[int] = set()  # the parts of a whole read here: none is the whole of the ones after it ("28,460 people
    # ..., of whom 9,120 were children, 10,870 women and 8,470 men")
    for k in range(1, len(cl)):
        if id(cl[k]) not in read and id(cl[k - 1]) not in taken and whole_ok(cl[k - 1]) and part_ok(cl[k]):
            found = _whole_then_parts(ctx, cl, k)
            if found is not None:
                taken.update(id(p) for p in found.parts)
                yield found


_SHARE_OF_ANOTHER = re.compile(r"\s*,\s*or\s+(?:about\s+|some\s+)?[\d.]+\s*(?:percent|per\s+cent|%)\s+of\s+"
                               r"(?!(?:the|its|their)\s+total\b)", re.I)
_OPENS_BRACKET = re.compile(r"\(\s*$")
_PEERS_TOLD_ALIKE = re.compile(r"\s+(?:were|are|was|is)\s+(?!(?:among|of|in|at|from|on|killed|injured|wounded|dead)\b)[a-z]", re.I)


def _whole_then_parts(ctx: Context, cl: list[Claim], k: int) -> Sum | None:
    """The whole ``cl[k - 1]`` with the parts from ``cl[k]`` on, when the words between lead from one to the other."""
    text, whole, first = ctx.text, cl[k - 1], cl[k]
    s0, s1 = ctx.sentences.span(whole.start)
    if _LEVEL_LEFT.search(text, max(s0, whole.start - 40), whole.start):
        return None  # "a 480-seat house, cut from 500 seats. The chamber now comprises ...": a level left, not the whole
    g = gap(text, whole, first)
    if _PEERS_TOLD_ALIKE.match(text, whole.end) and _PEERS_TOLD_ALIKE.match(text, first.end):
        return None  # "38 were children, nine were women and six were men": peers, each told by its own verb
    then = _WHOLE_THEN_PARTS.match(g)
    if then and _WHOM.search(g) and whole.subject and head_noun(whole.subject) == "seat":
        return None  # "1,240 candidates are contesting the 240 seats, of whom 210 are women": of the candidates
    with_total = _total_with(ctx, s0, s1, whole, g)
    opens = opens_on(text, s0, whole, g)
    only_comma = not (opens or then or with_total)
    if only_comma and _OPENS_BRACKET.search(text, max(0, whole.start - 3), whole.start):
        return None  # "620 mm of rain in October (280 mm in the first week, 210 mm in the second and 130 mm in the
        # rest of the month)": the first entry of the bracket's list, whose whole stands before the bracket
    of_them = bool(OF_THEM.match(text, first.end))
    if only_comma and not ((_BREAKDOWN.fullmatch(g) and (told_of(text, first) or of_them))
                           or (of_them and (_OF_THEM_BREAKDOWN.fullmatch(g) or _PHRASES_THEN_COMMA.fullmatch(g)))):
        return _in_full(ctx, cl, k, g)
    teller = _TOTAL_WITH.match(g)
    named = bool(teller and teller.group("teller") and _NAMED.search(teller.group("teller")))
    by_place = (only_comma and not of_them) or (with_total == "reached" and not _a_partition_next(text, cl, k))
    parts, rest = _parts_from(text, cl, k, s1, by_place,
                              tellers=("named" if named else "plain") if with_total == "contributed"
                              else _teller_of(then.group("label")) if then and then.group("label") else "",  # "of which
                              # summer grain was", "of which Robusta made up 2.6 million bags and Arabica 0.6 million"
                              alike=of_them or bool(then and then.group("include")),  # (kinds told alike)
                              made=bool(then and (then.group("made") or then.group("comprising"))))
    if any(_SHARE_OF_ANOTHER.match(text, p.end) for p in parts[1:]):
        return None  # "Of the 451,792 registered voters, 446,953 cast ballots, and 344,580, or 78.5 percent of valid
        # votes, rejected autonomy": a part of another base, its share says
    if _SHARED_AMONG.search(g) and (_one_each(first, parts[1:]) or _EACH_AFTER.match(text, parts[-1].end)):
        return None  # "The 120 seats were divided between the two blocs, 67 for the right and 53 for the centre-left",
        # "between the two clubs, 500 each": the first counts who share the whole, one part each after it
    if ((only_comma and not of_them) or with_total == "reached") and not _broken_down(text, whole, parts, s0) \
            and not (with_total == "reached" and named_in_full(text, parts)):
        return None  # (a count reached may be broken down in full: "reached 1.328 billion, with 686.52 million males
        # and 641.50 million females")
    across = _counted_across(ctx, cl, k - 1, parts)
    held = _held_by(ctx, cl, k - 1, parts)
    if not (held or across) and g.rstrip().endswith(":") and _another_whole(cl[:k - 1], s0, whole, parts):
        return None  # "36 candidates are contesting the 12 seats on the council: 14 from ...": which is the whole?
    whole = held or (across and cl[k - 2]) or counted_in(text, cl, k, g) or whole
    if whole is cl[k - 1] and compared_before(text, whole, s0):
        return None  # a level moved from or compared with: "rose to 2.3 billion dollars from 1.7 billion dollars a year
        # earlier, of which", "more than double the 6.3 billion dollars of 2004, with 5.9 billion dollars going to"
    if of_them and not (held or across):
        whole = _them_further_back(text, cl, k - 1, s0, parts) or whole  # "1,284 candidates ... are contesting the 225
        # seats, 846 of them fielded by parties and 438 by independent groups": "them" are the candidates
    if not (held or across) and (_places_counted(text, whole, parts) or _a_part_itself(text, cl, k - 1)
                                 or places_nested(text, parts)
                                 or places_of_people(whole, parts) or holds_parts(whole, parts)):
        return None  # "Hospitals in two cities - 14 in Lagos and 9 in Abuja", "38 people: 22 in the capital, 9 in
        # ...": not the whole of these parts
    rest_told = told_as_rest(text, cl, k + len(parts) - 1)  # "2,000 in Germany and 1,500 in the rest of Europe"
    if rest_told == "after" and told_at_place(text, whole):
        rest_told = ""  # "120 people in Vietnam, 40 of them children, and 25 elsewhere": outside that whole
    rest = (rest or bool(rest_told)) and _rest_of_the_whole(text, parts[-1], whole)
    loose = not (then or opens or of_them or with_total) or bool(then and then.group("has"))  # "Of the 528 companies, 347 ...": of the whole
    # a breakdown by place with one part mistyped past its whole ("killed 40 people, 42 in Ojiya and 18 in ..."); not
    # a whole that is a part itself ("30,000 of them conscripts, 20,000 in the south and 40,000 in the capital"), nor
    # one that several parts pass ("12,000 people at 300 stores, 2,000 at its head office and 1,500 at depots")
    placed = only_comma and all(told_of(text, p) for p in parts) and not OF_THEM.match(text, whole.end) \
        and sum(tol.point(p) >= tol.point(whole) for p in parts) == 1
    if len(parts) < 2 or (loose and not rest and not placed and any(tol.point(p) >= tol.point(whole) for p in parts)):
        return None  # "The 30-member board has 18 elected members and 120 staff": other things (but a breakdown
        # by place past its whole is a mistyped figure)
    if k >= 2 and PART_OF.fullmatch(text, cl[k - 2].end, cl[k - 1].start) \
            and tol.summed(parts).overlaps(tol.interval(cl[k - 2])):
        return None  # "took 89 of the 120 seats in the National Assembly, made up of 62 won in constituencies and 27
        # from the national list": the breakdown of the part before, which it adds up to
    if then and then.group("dash") and told_at_times(ctx, parts):
        return None  # "96 million pills since February 2003 -- 31 million in February, 24 million in March and 11
        # million in April --": some of the whole's time
    colon = bool(then and (then.group("colon") or then.group("told_colon")))
    bracket = bool(then and then.group("dash") == "(")  # (a list in brackets is read, as some of the whole unless
    # said to be all of it: "90 new clinics next year (60 rural and 25 urban)")
    dash = bool(then and then.group("dash")) and not bracket or colon  # (a colon sets a list off as a dash does, of
    # parts told alike)
    made = bool(then and (then.group("made") or then.group("comprising")))
    if not (phrases_alike(text, parts if not rest else parts[:-1]) or (dash and not colon) or bracket or made):
        return None  # "3,000 in the United States and 2,500 in sales" may count some twice, unless said to make it up
    # "26, made up of 10 gold, 8 silver and 8 bronze", "212 seats -- 154 for X and 58 for Y", "86 tonnes - 54 tonnes
    # of tuna and 32 tonnes of mackerel", "... and the remaining 836", "in two operations - 860 kg at ... and 540 kg
    # at ...": all of it
    exhaustive = (made or rest or not bracket and (across == "each" and not _SOME_TOLD.search(g)
                                                   or named_in_full(text, parts)
                                                   or (dash and (_colon_all(text, whole, parts) if colon
                                                                 else _dash_all(text, whole, parts))))) \
        and not (_figure_follows(text, cl, parts[-1], whole, s1) if rest_told else _list_goes_on(text, cl, parts[-1], whole, s1))
    # ("in the rest of Europe" is the end, unless a part follows: "1.9 billion to the rest of the EU, and 2.6 billion
    # to markets outside Europe")
    if _SOME_OF_THEM.match(text, parts[-1].end, s1):
        return None  # "300 went to key workers, ... and 180 to families in Slough, some of them key workers"
    if exhaustive and _counts_holders(whole, parts):
        return None  # "9,000 staff, divided between 14 offices and 3 factories": what holds them, not parts of them
    return Sum(tuple(parts), whole, including=not exhaustive)


def _rest_of_the_whole(text: str, rest: Claim, whole: Claim) -> bool:
    """Whether the rest is told of what the whole counts, by no noun of its own or by the whole's ("Of the 148 people
    killed, 133 were French tourists and the other two passengers ...": the passengers' rest; the crew are told after;
    not a noun carried over from the part before, "1.7 million Arabs and 1.5 million from other countries")."""
    if not rest.subject or not whole.subject or rest.kind != "count" \
            or not text[rest.end:rest.end + 40].lstrip().lower().startswith(rest.subject.split()[0].lower()):
        return True
    heads = {singular(head_noun(rest.subject)), singular(head_noun(whole.subject))}
    return len(heads) == 1 or "person" in heads and heads <= person_wholes()  # ("26,740 migrants ..., and 6,435 people
    # of other nationalities": persons, of the whole's)


def _them_further_back(text: str, cl: list[Claim], k: int, s0: int, parts: list[Claim]) -> Claim | None:
    """The figure further back in the sentence (from ``s0``) that parts told "of them" point to when they exceed the
    figure right before them (``cl[k]``): the nearest one like it that they do not exceed, not a level left or
    compared with ("up from 1,102")."""
    total = sum(tol.point(p) for p in parts)
    if total <= tol.point(cl[k]):
        return None
    for c in reversed(cl[:k]):
        if c.start < s0:
            break
        if c.kind == cl[k].kind and c.unit == cl[k].unit and c.point is not None \
                and (tol.point(c) >= total or far_past(tuple(parts), cl[k]) and max(map(tol.point, parts)) < tol.point(c)) \
                and not LEVEL_BEFORE.search(text, max(s0, c.start - 24), c.start):
            return c  # (or one each part is within, where they are far past the figure before them: "2,950 officers
            # ... guarding the 96 stations, 1,620 of them from the capital and 1,430 from the provinces", its sum wrong)
    return None


def _teller_of(label: str) -> str:
    """How the parts after a first one labelled "of which <label> was" are told: "named" after a capitalised label
    ("of which Robusta made up"), else "plain"."""
    return "named" if _NAMED.search(label) else "plain"


def _counts_holders(whole: Claim, parts: list[Claim]) -> bool:
    """Parts that count something else than their whole, by an order of magnitude less: the places or groups it is
    divided between ("9,000 staff, split into 40 teams and 12 divisions"), not its members."""
    first = parts[0]
    return whole.kind == "count" and bool(first.subject) and head_noun(first.subject) != head_noun(whole.subject) \
        and 10 * sum(tol.point(p) for p in parts) < tol.point(whole)


def _places_counted(text: str, whole: Claim, parts: list[Claim]) -> bool:
    """A count of the places the parts are told of, one part each ("in two cities - 14 in Lagos and 9 in Abuja")."""
    return _one_each(whole, parts) and all(told_of(text, p) for p in parts)


def _one_each(places: Claim, parts: list[Claim]) -> bool:
    """A count with one part told for each thing it counts ("two operations - 860 kg at ... and 540 kg at ...")."""
    return places.kind == "count" and tol.point(places) == len(parts)


def _a_part_itself(text: str, cl: list[Claim], i: int) -> bool:
    """Whether ``cl[i]`` opens a list after a colon, a dash or "including" that a larger figure like it stands before
    ("arrested 38 people: 22 in the capital, 9 in Lyon", "8,437 people worldwide, including 5,327 in mainland China,
    1,755 in Hong Kong, ... and 684 elsewhere"), or is told in a list after a figure like it ("4.9 million came from
    East Asia, 2.76 million from other ASEAN countries, 2.13 million from Europe and ..."): a part itself, not a whole
    of the ones after it."""
    if OF_THEM.match(text, cl[i].end):
        return True  # "killed 2,304 people, 1,165 of whom died in Nantou county, 1,029 in ...": of the 2,304
    if i == 0 or not part_ok(cl[i - 1]) or cl[i - 1].kind != cl[i].kind:
        return False
    g = gap(text, cl[i - 1], cl[i])
    return tol.point(cl[i - 1]) > tol.point(cl[i]) and bool(_OPENS_LIST.search(g)) \
        or cl[i - 1].unit == cl[i].unit and _LISTED.fullmatch(g) is not None and list_joined(text, cl[i - 1], cl[i], g)


_OPENS_LIST = re.compile(r"(?::|\s-|--|\u2013|\u2014|,\s*(?:including|of\s+which|of\s+whom|among\s+them))\s*$", re.I)
# a comma between two parts of one list, the first told with its own words: " came from East Asia, "
_LISTED = re.compile(r"[^,;:.()\d]{1,60},\s*")


def _another_whole(before: list[Claim], s0: int, whole: Claim, parts: list[Claim]) -> bool:
    """A figure earlier in the sentence that could be the parts' whole as well: alike, and as large as each part."""
    largest = max(tol.point(p) for p in parts)
    return any(c.start >= s0 and c.kind == whole.kind and part_ok(c) and tol.point(c) >= largest for c in before)


def _held_by(ctx: Context, cl: list[Claim], i: int, parts: list[Claim]) -> Claim | None:
    """The count a sized body's parts are of, when the parts are told as its holders: "The coalition holds 87 seats
    in the 150-seat chamber, made up of 52 from the Liberal Party, 23 from ...": the parts make up the 87 seats, not
    the chamber's 150 (which "100 elected members and 50 appointed ones" would)."""
    held = i > 0 and held_in(ctx.text, cl[i - 1], cl[i]) and all(told_of(ctx.text, p) for p in parts)
    return cl[i - 1] if held else None


def _in_full(ctx: Context, cl: list[Claim], k: int, g: str) -> Sum | None:
    """A whole, a comma (perhaps after what it does) and parts that name a partition in full: "26 medals, five gold,
    four silver and seven bronze", "A total of 913 athletes will represent the country, 118 men and 95 women"."""
    whole = cl[k - 1]
    if not _OPENING_TOLD.fullmatch(g) or compared_before(ctx.text, whole, ctx.sentences.span(whole.start)[0]):
        return None  # (nor a level moved from: "rose 11.6 percent to 28.9 million from 25.9 million, with 28.6 million
        # international and 0.3 million domestic travellers")
    s1 = ctx.sentences.span(cl[k].start)[1]
    parts, _ = _parts_from(ctx.text, cl, k, s1, False)
    if len(parts) < 2 or not named_in_full(ctx.text, parts) or in_a_partition(cl[k - 1]) or _holds_them(cl[k - 1]) \
            or _list_goes_on(ctx.text, cl, parts[-1], cl[k - 1], s1) or _more_told(ctx, s1):
        return None
    return Sum(tuple(parts), cl[k - 1], including=False)


def _holds_them(c: Claim) -> bool:
    """A count of seats, votes or places, which hold the partition's members rather than count them ("1,371
    candidates are in the fray for the 80 seats, 1,283 men and 88 women": of the candidates; not "2,000 members, 1,300
    men and 700 women")."""
    noun = head_noun(c.subject) if c.subject else ""
    return noun in SHARE_NOUNS or noun in PLACE_NOUNS


# the next sentence tells more of the whole: "The other 12 victims were children", "A further 100 were children"
_MORE = re.compile(r"\s*(?:the\s+|a\s+)?(?:other|further|another|remaining|rest)\b", re.I)


def _more_told(ctx: Context, s1: int) -> bool:
    """Whether the sentence after the one ending at ``s1``, in the same paragraph, opens on more of the whole."""
    return "\n\n" not in ctx.text[s1 - 2:s1 + 2] and bool(_MORE.match(ctx.text, s1))



def _counted_across(ctx: Context, cl: list[Claim], i: int, parts: list[Claim]) -> str:
    """Whether ``cl[i]`` counts the places or occasions the figure before it is told across, when the parts are told
    place by place: "each" when there is one part for each ("seized 1,400 kilograms of cocaine in two operations -
    860 kilograms at Santos and 540 kilograms at Guarulhos": all of it), "places" when it counts places ("The
    storms killed 25 people in three states: 14 in Mississippi, ..."), else "" (the parts are of ``cl[i]``)."""
    text, places = ctx.text, cl[i]
    if i == 0 or places.kind != "count" or not places.subject or not all(told_of(text, p) for p in parts):
        return ""
    counted = cl[i - 1]
    if counted.kind not in ("count", "money", "measure") or not ACROSS.fullmatch(gap(text, counted, places)):
        return ""
    if _one_each(places, parts):
        return "each"
    return "places" if counted.kind == "count" and head_noun(places.subject) in PLACE_NOUNS else ""


def opens_on(text: str, s0: int, whole: Claim, g: str) -> bool:
    """The sentence opens on the whole, then says what the group is: "Of the 16 outbreaks confirmed this week, 9"."""
    return bool(OPENS_ON_WHOLE.fullmatch(text, s0, whole.start) and _OPENING_TOLD.fullmatch(g))


def _total_with(ctx: Context, s0: int, s1: int, whole: Claim, g: str) -> str:
    """A whole said to be a total, then its parts after "with": "Total trade reached 9,949.0 billion yen, with"
    ("said"), or a count just reached ("Deaths climbed to 96, with": "reached", whose parts must each be told with
    a place or time, "54 in Uttar Pradesh and 42 in Bihar", not "54 in hospital and 60 recovered"); a first part
    said to be contributed ("Sales rose to 18.9 billion euros, with Europe contributing 8.4 billion, the Americas
    ...": "contributed", whose next parts may be told by who gave them); else "".  Parts told "coming from" are not
    read so: where they come from may overlap ("from Britain and 1.1 billion from stores opened since 2000")."""
    text = ctx.text
    m = _TOTAL_WITH.match(g)
    if not m:
        return ""
    lead = text[max(s0, whole.start - 40):whole.start]
    if NET.search(lead) or _DEDUCTED.search(text, whole.end, s1) or _FROM_A_LEVEL.search(lead) \
            or (m.group("teller") and left_out_next(ctx, s1)):
        return ""  # a profit, which costs and losses offset: "with mining contributing 1.5 billion ..., offset by a
        # 0.7 billion loss"; a sum told before what it is net of: "..., less 200 million in volume rebates"
    if m.group("teller"):
        return "contributed"
    return "said" if _SAID_TOTAL.search(lead) else "reached" if _REACHED.search(lead) else ""


def _elliptic(text: str, g: str, part: Claim) -> bool:
    """A part told without the verb of the part before (``g``: the words between them) and like it ("61,500
    hybrids", "6.3 billion will go to infrastructure, 5.1 billion to health"): no verb of its own ("900 were over
    60"), and a place or thing only after one told so ("1,500 were British, 900 from London": a part of that part)."""
    return not _OWN_VERB.match(text, subject_end(text, part)) and (not told_of(text, part) or bool(_PREP.search(g)))


_PREP = re.compile(r"\b(?:in|at|on|from|to|for|near)\s+[a-z]", re.I)


def list_joined(text: str, a: Claim, b: Claim, g: str | None = None) -> bool:
    """Two parts told one after the other in a list (_LOOSE_JOIN, _ELLIPTIC_JOIN, or a teller's join:
    totals/_lists.joined_text); ``g``: the words between them, if not all of them count."""
    g = gap(text, a, b) if g is None else g
    if CONTRAST.search(g):
        return False  # ", while 2,500 Thai residents stayed elsewhere": another group
    return bool(_LOOSE_JOIN.match(g) or joined_text(g) or (_ELLIPTIC_JOIN.match(g) and _elliptic(text, g, b)))


def _a_partition_next(text: str, cl: list[Claim], k: int) -> bool:
    """Whether the first two parts from ``cl[k]`` name the nouns of a partition ("686.52 million males and 641.50
    million females") and end their clause: a count reached may be broken down so in full (not "6.4 million men and
    5.9 million women registered as permanent residents", some of them)."""
    return k + 1 < len(cl) and named_in_full(text, cl[k:k + 2]) \
        and bool(_CLAUSE_ENDS.match(text, subject_end(text, cl[k + 1])))


_CLAUSE_ENDS = re.compile(r"\s*(?:[,.;:)]|$)")


def _parts_from(text: str, cl: list[Claim], k: int, s1: int, only_comma: bool,
                tellers: str = "", alike: bool = False, made: bool = False) -> tuple[list[Claim], bool]:
    """The parts from ``cl[k]`` on, loosely joined in the sentence ending at ``s1``, at most MAX_PARTS of them (after
    only a comma, each told with a place or time; with ``tellers``, perhaps each told by who gave it, named as the
    first teller is ("named": ", the Americas 6.2 billion and Asia 7.3 billion", not "and the consumer division 5.2
    billion" after regions; or "plain"); with ``alike``, each told as the first is), and whether the last is
    said to be the rest.  A part told after a comma with a verb the first lacks starts a clause of its own and ends
    the list.  ``made``: the whole is said to be made of them ("comprises"), so parts told by other prepositions
    are still its parts ("80 billion euros in loans from euro zone countries and 30 billion from the IMF")."""
    parts, rest = [cl[k]], False
    if _AMONG.match(text, subject_end(text, cl[k])):
        return parts, rest  # "3,118 were among heterosexuals and 1,450 among people under 25": groups that may overlap
    anded = False  # a list has one "and", before its last part: one after it begins another list ("of whom 260
    # were Filipinos and 152 Indonesians, and 38 crew, 30 South Koreans and eight Chinese")
    for c in cl[k + 1:k + MAX_PARTS]:
        g = gap(text, parts[-1], c)
        if anded and _LIST_AND.search(g):
            break
        anded = anded or bool(_LIST_AND.search(g))
        join = _LOOSE_JOIN.match(OF_THEM.sub("", g, count=1) if parts[-1] is cl[k] else g) \
            or (_ELLIPTIC_JOIN.match(g) if _elliptic(text, g, c) else None)
        told = bool(tellers) and not join and (
            joined_text(g) and (_NAMED.search(g) is not None) == (tellers == "named") and not _NOUN_VERB.search(g)
            or bool(_TOLD_REST.fullmatch(g)))
        if c.start >= s1 or not part_ok(c) or not (join or told) or (only_comma and not told_of(text, c)) \
                or _OF_WHOM_BETWEEN.search(g) \
                or OF_THEM.match(text, c.end) or _OF_THE_WHOLE_AGAIN.match(text, c.end) or _another_group(text, cl[k], c, g, made) \
                or (only_comma and bool(c.subject) and c.subject.lower() not in WHERE_WORDS and not cl[k].subject) \
                or (alike and not (join and join.group("rest"))
                    and (not alike_told(text, cl[k], c) or _COMMA_AND.search(g))):  # (", and 650 million on roads":
                # a whole of its own after "800 million on the railway, 300 million of it on track renewal")
            break  # "350 women and 250 men, and 420 of them come from ...": a count of the whole again, by another measure
        parts.append(c)
        rest = bool(join.group("rest")) if join else bool(_TOLD_REST.fullmatch(g))
    return parts, rest


# the "and" that joins a list's last part: none with a comma after it in the gap, which is inside the label before
# ("29 traders and shoppers, five members ... and three soldiers")
_LIST_AND = re.compile(r"\band\b[^,]*$", re.I)
_OF_WHOM_BETWEEN = re.compile(r",\s*of\s+(?:whom|which)\s+(?:[a-z]+\s+){0,2}$", re.I)  # "139 were on board, of whom 88": a
# part of the part (not "1,165 of whom died in Nantou county, 1,029 in ...": the first part's own "of whom")


def _another_group(text: str, first: Claim, c: Claim, g: str, made: bool = False) -> bool:
    """Whether ``c``, after the words ``g``, is told as another group than the list begun by ``first``: a clause of
    its own after a comma ("..., and 1,900 arrived on time"), told another way ("600 tonnes came from Australia"
    after "went to"), after "while", restricted by a clause, or told as more than a part or in a state ("as a whole",
    "alone", "in hospital")."""
    return ("," in g and own_clause(text, first, c)) or not (made or same_way(text, first, c)) or bool(CONTRAST.search(g)) \
        or bool(_RESTRICTED.match(text, c.end)) or bool(_WIDER.match(text, subject_end(text, c)))


# a part told as more than a part, or as a part of the one before: "6.2 million tonnes to Asia as a whole", "3,200 in
# Munich alone"
# (or a state, not a place: "and 140 in hospital")
_WIDER = re.compile(r"[^,;.\d]{0,40}?\b(?:as\s+a\s+whole|alone|overall)\b"
                    r"|\s+(?:still\s+)?in\s+(?:hospital|custody|a\s+critical|critical|a\s+serious|serious|intensive)\b", re.I)
CONTRAST = re.compile(r"\b(?:while|whereas|but|although)\b", re.I)  # ", while 2,500 Thai residents stayed": no part
# a part a clause restricts to a group of its own: "942 elsewhere who had since returned home"
_RESTRICTED = re.compile(r"[^,;.\d]{0,30}?\b(?:who|which|that)\s+(?:had|have|has|were|was|are|is)\b", re.I)
_COMMA_AND = re.compile(r",\s+and\b", re.I)
_NAMED = re.compile(r"\b(?-i:[A-Z])")
# a part of the whole told by its figure: "and 11 of the 46 are uncapped"
_OF_THE_WHOLE_AGAIN = re.compile(r"\s+of\s+(?:the|its|their)\s+\d", re.I)
_AMONG = re.compile(r"\s+(?:(?:were|was|are|is)\s+)?among\b", re.I)
# the overlap of the parts told after them: ", some of them key workers"
_SOME_OF_THEM = re.compile(r"[^.;]*?,\s*(?:some|many|most|several)\s+of\s+(?:them|whom)\b", re.I)
# a noun and its verb before a figure: a clause of its own, not who gave a part (", and the central bank expects 14
# billion next year")
_NOUN_VERB = re.compile(r"\b(?!(?:and|or|but|the|an?|its|their)\s)(?-i:[a-z]+)\s+(?-i:[a-z]+s)\s*$")  # (not "and soybeans")
# the last part said to be the rest, told by who gave it: " and all other nationalities "
_TOLD_REST = re.compile(r"\s*(?:,|,?\s+and)\s+" + REST_PHRASE, re.I)


def _dash_all(text: str, whole: Claim, parts: list[Claim]) -> bool:
    """Parts after a dash that are all of their whole: of a whole that counts people or seats ("130 prisoners -- 80
    Iraqis and 50 Iranians"), each naming the whole's noun with its kind, each told with its place, or sums and
    measures ("86 tonnes - 54 tonnes of tuna and 32 tonnes of mackerel"); not "240 films - 120 premieres and 40
    documentaries", which may overlap and fall short, nor parts each told at a named place (the biggest, perhaps)."""
    if all(told_at_place(text, p) for p in parts):
        return False  # "75.8 million tonnes in 2006-07 -- 25.3 million tonnes from Uttar Pradesh and 15.5 million
        # tonnes from Punjab": named places may be only the biggest
    return counts_members(whole) or _kinds_of(whole, parts) or all(told_of(text, p) for p in parts) \
        or whole.kind in ("money", "measure")


def _colon_all(text: str, whole: Claim, parts: list[Claim]) -> bool:
    """Parts after a colon that are all of their whole: of a whole that counts people, seats or votes, told by who
    they are ("4,700 asylum seekers arrived: 2,300 Eritreans, 1,500 Somalis and 900 Sudanese", "killed 275 Iraqis: 185
    civilians, ...": numcheck/data/demonyms.txt); not told place by
    place, nor sums ("cut 3,200 jobs: 1,200 in Britain and 900 in the United States", "investment reached 42 billion
    dollars: 12 billion from Hong Kong, ...": the biggest, some of it)."""
    return (counts_members(whole) or a_people(whole)) and not any(told_of(text, p) for p in parts)




def _kinds_of(whole: Claim, parts: list[Claim]) -> bool:
    """Parts that each name the whole's noun again, with what kind they are: "1,200 beds -- 940 general ward beds,
    190 intensive care beds and 70 isolation beds"."""
    noun = head_noun(whole.subject)
    return bool(noun) and all(p.subject and head_noun(p.subject) == noun and len(p.subject.split()) > 1 for p in parts)


def _list_goes_on(text: str, cl: list[Claim], last: Claim, whole: Claim, end: int) -> bool:
    """A figure like the parts just after the last one read, in the sentence: the list went on in words the joins
    do not read ("200 elected members, 72 appointed by the king and 40 seats reserved"), or it goes on with no
    figure ("..., as well as isolation units", "with the rest held in reserve"), so it is not known whole."""
    at = subject_end(text, last)
    if _NEW_CLAUSE.match(text, at, end):
        return False  # "with 10 medals, five gold, three silver and two bronze, and were greeted by thousands of fans":
        # the subject goes on to do something else; the list is closed
    without_figure = _PART_WITHOUT_FIGURE.match(text, at, end) and not _OF_AFTER.match(text, last.end)  # (not "0.13
    # million tons of corn and rice": the noun of its "of" goes on)
    shares = _SHARES_TOLD.match(text, at, end)  # (past the parts' shares: "3,910 passed and 1,207 failed outright,
    # 57.1 percent and 17.6 percent respectively, while the rest were referred for a resit")
    return bool(GOES_ON.match(text, at, end) or _REST_LATER.match(text, at, end) or without_figure
                or shares and GOES_ON.match(text, shares.end(), end) or _OTHERS_AFTER_A_BREAK.search(text, at, end)) \
        or _figure_follows(text, cl, last, whole, end)


# the rest of the whole told in the clause after a semicolon or a dash: "12 of them seriously and 30 lightly; the
# condition of the others was not immediately known"
_OTHERS_AFTER_A_BREAK = re.compile(r"(?:;|\s(?:--|\u2013|\u2014)\s)[^.]*?\b(?:the\s+(?:others|rest|remainder)|remaining)\b", re.I)


# the parts' shares told after the list: ", 57.1 percent and 17.6 percent respectively"
_SHARES_TOLD = re.compile(r"[^.;:\d]{0,30}?\d[\d.]*\s*(?:percent|per\s+cent|%)(?:\s*(?:,|and|,\s*and)\s*\d[\d.]*\s*"
                          r"(?:percent|per\s+cent|%))*(?:\s+respectively)?", re.I)


_OF_AFTER = re.compile(r"\s+of\s+[a-z]")


# right after the last part, the sentence's subject goes on with a verb of its own: ", and were greeted", ", and has"
_NEW_CLAUSE = re.compile(r"\s*,\s+and\s+(?:then\s+)?(?:(?:were|was|is|are|has|have|had|will|would|could|can|did)\s"
                         r"|[a-z]+ed\s+(?:the|a|an|its|their|his|her|by|to|on|in|at|with|from)\s)", re.I)  # (not an
# adjective, "and armed police")


# one more part told with no figure, ending the sentence: "... and local funds of 20 billion yuan and bank loans."
_PART_WITHOUT_FIGURE = re.compile(r"\s*,?\s+and\s+(?:[a-z][\w-]*\s+){0,3}[a-z][\w-]*\s*[.;]", re.I)


# a rest told later in the sentence, past who said so: "2.1 trillion in foreign aid, the finance minister said, with
# the remainder coming from domestic borrowing", "..., the board said; the results of the rest were withheld"
_REST_LATER = re.compile(r"[^.:\d]{0,90}?\b(?:the\s+rest|the\s+remainder|the\s+balance(?!\s+of\s+payments)|the\s+gap"
                         r"|the\s+shortfall|the\s+difference)\b", re.I)  # ("with borrowing covering the gap")


def _figure_follows(text: str, cl: list[Claim], last: Claim, whole: Claim, end: int) -> bool:
    """A figure like the whole among the next two after the last part read, before ``end`` (a sum perhaps with its
    currency elided: "..., 1.9 billion in the rest of the EU and 2.4 billion in markets outside Europe")."""
    after = cl.index(last) + 1
    return any(c.start < end and (c.kind == whole.kind and c.unit == whole.unit or bare_scaled(c))
               and not _RIVAL_BEFORE.search(text, max(0, c.start - 40), c.start) and not _holders_of(text, c, whole)
               for c in cl[after:after + 2])


def _holders_of(text: str, c: Claim, whole: Claim) -> bool:
    """A count of where the last part comes from or is shared among, by a noun other than the whole's ("the other
    49 came from 16 countries"): who holds it, no part."""
    return bool(c.subject) and bool(_HOLDERS_BEFORE.search(text, max(0, c.start - 20), c.start)) \
        and (not whole.subject or head_noun(c.subject) != head_noun(whole.subject))


_HOLDERS_BEFORE = re.compile(r"\b(?:from|among|between|across|in|by)\s+(?:some\s+|about\s+|more\s+than\s+)?$", re.I)


# a rival's figure set against the list, no part of it: "well clear of England on 110", "ahead of Japan with 37",
# "leaving South Africa second on 143"
_RIVAL_BEFORE = re.compile(r"\b(?:(?:clear\s+of|ahead\s+of|behind|trailing)\s+[^,;:.()\d]{0,30}"
                           r"|(?:second|third|fourth|fifth|runners?-up)\s+(?:on|with|at)\s+)$", re.I)


def _broken_down(text: str, whole: Claim, parts: list[Claim], s0: int) -> bool:
    """A bare comma after a whole makes a breakdown only of parts each told with a place or time, and of a whole
    not told with one of the same sort: "13,214 in the east, 10,936 in the south and 6,807 in the north" are peers,
    and so are "Arrivals from China reached 1.1 million, 900,000 from Japan and 700,000 from South Korea"."""
    if not all(told_of(text, p) for p in parts) or told_of(text, whole) and phrases_alike(text, [whole, *parts]):
        return False
    word = _FROM_OR_TO.match(text, subject_end(text, parts[0]))
    return word is None or not re.search(r"\b" + word.group(1) + r"\s+(?:the\s+)?(?-i:[A-Z])", text[s0:whole.start], re.I)


# the little word a part is told by where it comes from or goes to: "900,000 from Japan" (not "in", which may tell a
# place within the whole's: "Total unemployment in Germany ..., with 2,894,100 jobless in the western states")
_FROM_OR_TO = re.compile(r"\s+(from|to)\s", re.I)


def houses_with_seats(ctx: Context, cl: list[Claim]) -> Iterator[Sum]:
    """Seats, then the houses that hold them sized by a hyphen, set off by a dash or colon: "will elect 58
    deputies to the bicameral parliament -- the 18-seat Republican Council (upper house) and the 40-seat
    People's Assembly" (numcheck/data/seat_holders.txt).  The houses are all the seats: their sizes add up."""
    text = ctx.text
    holders = seat_nouns()
    for k, whole in enumerate(cl):
        if whole.kind != "count" or not whole.subject or head_noun(whole.subject) not in holders:
            continue
        s1 = ctx.sentences.span(whole.start)[1]
        parts = [c for c in cl[k + 1:] if c.start < s1 and c.kind == "count" and _house_size(text, c, holders)]
        if len(parts) < 2 or not _HOUSES_OPEN.match(gap(text, whole, parts[0])) \
                or not all(_HOUSE_JOIN.fullmatch(text, a.end, b.start) for a, b in zip(parts, parts[1:])):
            continue
        yield Sum(tuple(parts), whole, including=False)


def _house_size(text: str, c: Claim, holders: frozenset[str]) -> bool:
    """A house sized by a hyphen in a noun that counts seats: "18-seat", "40-member"."""
    return singular(compound_noun(text, c.end).lower()) in holders
