"""Matching keys for the history store: subject head nouns, entity words and cue words (sentences: numcheck.text).

These are what make two claims from different reports "about the same thing":
the subject's head noun in lower-case singular (``Russian civilians`` ->
``civilian``), the capitalised words around the claim (``Kursk``, ``North``,
``Korean``), and the cue words that say a figure is a running total or that it
changed.  The vocabularies live in ``numcheck/data/history_*``.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from typing import Any, Iterable

from ..datafiles import DataFileError, table
from ..model import Claim
from ..text import COMPASS, DEADLINE, compound_noun, in_dateline, singular

# a capitalised word: "Kursk", "North", "Korean", "BBC", "Zelenskyy's" (possessive dropped)
# (and a name with digits: "G8", "A380", "F1"; "US$" names a currency)
_CAPWORD = re.compile(r"\b([A-Z][A-Za-z\-]*[a-z][A-Za-z\-]*|[A-Z]{2,}|[A-Z]{1,3}\d{1,4}[a-z]?)(?:'s|’s)?\b(?!\$)")
_WORD = re.compile(r"[A-Za-z][A-Za-z\-']*")
_POSSESSIVE = re.compile(r"(?:'s|’s|')$")
_PREPOSITIONS = frozenset("of in at for from on with to by among across per than over under".split())


@dataclass(frozen=True)
class Vocabulary:
    """The history vocabularies: non-entity words, event nouns and cue phrases (plurals: ``numcheck.text``)."""

    stop: frozenset[str]
    common: frozenset[str]
    generic: frozenset[str]
    events: frozenset[str]
    change: "CueSet"
    time: "CueSet"
    cumulative: "CueSet"
    moved: "CueSet"
    toll: "CueSet"
    past: "CueSet"
    present: "CueSet"
    reporting: "CueSet"
    level: "CueSet"
    moving: "CueSet"
    ongoing: "CueSet"
    close: "CueSet"
    session: "CueSet"
    session_time: "CueSet"
    stake: "CueSet"
    still: "CueSet"


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    """Load the data files once."""
    data = resources.files("numcheck") / "data"
    stop: set[str] = set()
    events: set[str] = set()
    common: set[str] = set()
    generic: set[str] = set()
    for kind, word in table("history_words.tsv", ("kind", "word")):
        word = word.lower()
        if kind == "stop":
            stop.add(word)
        elif kind == "event":
            events.add(word)
        elif kind == "common":
            common.update(word.split())
        elif kind == "generic":
            generic.update(word.split())
        else:
            raise DataFileError(f"numcheck/data/history_words.tsv: unknown kind {kind!r}")
    sections: dict[str, list[str]] = {"change": [], "time": [], "cumulative": [], "moved": [], "toll": [], "past": [],
                                      "present": [], "reporting": [], "level": [], "moving": [],
                                      "ongoing": [], "close": [], "session": [], "session time": [], "stake": [], "still": []}
    current = None
    for line in (data / "history_cues.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if not line:
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            if current not in sections:
                raise ValueError(f"history_cues.txt: unknown section {line}")
            continue
        if current is None:
            raise ValueError("history_cues.txt: cue before the first [section]")
        sections[current].append(" ".join(line.split()))
    return Vocabulary(frozenset(stop), frozenset(common), frozenset(generic), frozenset(events),
                      CueSet(sections["change"]), CueSet(sections["time"]), CueSet(sections["cumulative"]),
                      CueSet(sections["moved"]), CueSet(sections["toll"]), CueSet(sections["past"]),
                      CueSet(sections["present"]), CueSet(sections["reporting"]), CueSet(sections["level"]),
                      CueSet(sections["moving"]), CueSet(sections["ongoing"]), CueSet(sections["close"]),
                      CueSet(sections["session"]), CueSet(sections["session time"]), CueSet(sections["stake"]),
                      CueSet(sections["still"]))


class CueSet:
    """Cue phrases matched as whole lower-case words: one tokenisation per text, then set and substring tests.

    (A regex alternation of ~50 phrases costs tens of microseconds a sentence;
    this costs one ``findall``.)
    """

    def __init__(self, phrases: Iterable[str]) -> None:
        self.phrases = tuple(phrases)
        self.single = frozenset(p for p in self.phrases if " " not in p)
        self.multi = tuple(p for p in self.phrases if " " in p)

    def found(self, text: str) -> frozenset[str]:
        words = _CUE_WORD.findall(text.lower())
        hits = set(self.single.intersection(words))
        if self.multi:
            joined = " " + " ".join(words) + " "
            hits.update(p for p in self.multi if f" {p} " in joined)
        return frozenset(hits)

    def search(self, text: str) -> bool:
        words = _CUE_WORD.findall(text.lower())
        if not self.single.isdisjoint(words):
            return True
        if self.multi:
            joined = " " + " ".join(words) + " "
            return any(f" {p} " in joined for p in self.multi)
        return False


_CUE_WORD = re.compile(r"[a-z]+")


def head_noun(subject: str) -> str:
    """The subject's head noun: the last word before any preposition ("members of staff" -> member)."""
    words = [_POSSESSIVE.sub("", w) for w in _WORD.findall(subject or "")]
    head: list[str] = []
    for w in words:
        if w.lower() in _PREPOSITIONS and head:
            break
        head.append(w)
    # a name after the noun is not the head: "burglar Fred Barras" -> burglar; "UK's" stays uk
    common = [w for w in head if not w[:1].isupper()]
    return singular(common[-1] if common else head[-1]) if head else ""


def subject_key(subject: str, rules: Any = None) -> str:
    """The lookup key of a subject: its head noun, singular, after the rule files' aliases."""
    canonical = getattr(rules, "canonical_subject", None) if rules is not None else None
    if callable(canonical):
        try:
            mapped = canonical(subject)
        except Exception:  # a rules bug must not stop history checks
            mapped = None
        if mapped:
            subject = str(mapped)
    key = head_noun(subject)
    aliases = getattr(rules, "aliases", None) if rules is not None else None
    if isinstance(aliases, dict) and key:
        for syn in (subject.lower().strip(), key):
            if syn in aliases:
                return head_noun(str(aliases[syn]))
    return key


def alias_keys(subject: str, rules: Any = None) -> set[str]:
    """Every stored key that may mean the same subject: its own key and each alias of its canonical form.

    Stored claims keep their plain head noun, so aliases added to the rules later
    still match old reports.
    """
    own = head_noun(subject)
    canon = subject_key(subject, rules)
    keys = {k for k in (own, canon) if k}
    aliases = getattr(rules, "aliases", None) if rules is not None else None
    if isinstance(aliases, dict) and canon:
        for syn, target in aliases.items():
            if head_noun(str(target)) == canon:
                k = head_noun(str(syn))
                if k:
                    keys.add(k)
    return keys


def entities(sentence: str, extra: str = "") -> frozenset[str]:
    """Lower-cased capitalised words of a sentence (and of ``extra``, e.g. the subject) that are not stop words.

    The sentence's first word counts only when it is not a stop word
    ("Kyiv captured ..." keeps kyiv; "But ..." does not); a word that names a
    currency ("Canadian dollars", "US$") is money, not who or where.
    """
    stop = vocabulary().stop
    money = _currency_word()
    out = set()
    for text in (sentence, extra):
        for m in _CAPWORD.finditer(text):
            w = m.group(1).lower()
            if w not in stop and len(w) > 1 and not money.match(text, m.end()):
                out.add(w)
    return frozenset(out)


def identity(ents: Iterable[str]) -> frozenset[str]:
    """The entity words that tell one company, person or place from another: "Valley Federal Savings" and
    "Benjamin Franklin Federal Savings" are two banks, told apart by valley and benjamin, not by federal or savings."""
    return frozenset(ents) - vocabulary().generic


def topic(text: str) -> frozenset[str]:
    """What an article is about: its most frequent name word (ties: the first named), or nothing when it names none.

    "The company earned $461 million" is about the company the article is about
    (Du Pont), not about every company that earned something.  A capitalised
    word the text also writes in lower case ("Sales rose ...") is no name.
    """
    stop, generic, money = vocabulary().stop, vocabulary().generic, _currency_word()
    lower = frozenset(_LOWER_WORD.findall(text))
    counts: dict[str, int] = {}
    for m in _CAPWORD.finditer(text):
        w = m.group(1).lower()
        if w in stop or w in generic or len(w) < 2 or w in lower or money.match(text, m.end()):
            continue
        counts[w] = counts.get(w, 0) + 1
    if not counts:
        return frozenset()
    return frozenset([max(counts, key=counts.__getitem__)])  # the first of the most frequent (dicts keep order)


def who(ents: frozenset[str], about: frozenset[str]) -> frozenset[str]:
    """A claim's entity words, with the article's topic when its sentence names nobody who tells it apart
    ("the company", "it", "the St. Louis company" names a place and keeps it)."""
    return ents if identity(ents) else ents | about


_LOWER_WORD = re.compile(r"\b[a-z][a-z\-]*\b")


@lru_cache(maxsize=1)
def _currency_word() -> re.Pattern[str]:
    """A currency's name right after a word: "Canadian dollars", "Swiss francs" name money, not who or where."""
    from ..datafiles import table
    from ..text import alternation

    names = {n.split()[-1] for _, _, ns in table("currencies.tsv", ("code", "symbols", "names")) for n in ns.split("|")}
    return re.compile(r"\s+(?:[A-Z][a-z]+\s+)?" + alternation(n for n in names if n.isalpha() and len(n) > 2) + r"\b", re.I)


def own_date(c: Any, sentence_claims: Iterable[Any], text: str) -> Any:
    """The date of its sentence a claim is about (None: the report's own time), from the sentence's claims.

    The nearest date, but a date right after another figure of the claim's sentence is that figure's:
    in "36% of users ..., up from 7% in 2003" the 36% is not of 2003 (while "$52.2 million, or 48 cents
    a share, in the year-ago period" is).  A date before the figures ("In 2004, sales were $5bn and
    profits $1bn") covers them all.  A deadline ("extended its $18-a-share offer until 5 p.m. Nov. 9")
    dates no figure, nor a date of a later clause with its own subject or of a comparison (_DATE_ELSEWHERE), nor a
    wire dateline's ("KUALA LUMPUR, Oct 14 (AFP) -", the report's own).
    """
    claims = list(sentence_claims)
    taken = [f.end for f in claims if f.kind != "date" and f is not c and f.start > c.start]

    def owns(d: Any) -> bool:
        if d.start > c.end and _DATE_ELSEWHERE.search(text, c.end, d.start):
            return False  # "2,400 police were deployed ..., and the army said it had sent two more companies on
            # Friday", "612,000 registered voters, ..., higher than in the last polls three years ago"
        return d.start < c.start or not any(end <= d.start and _ATTACHED.match(text, end, d.start) for end in taken)

    dates = [d for d in claims if d.kind == "date" and d.date_start and d.date_end and d is not c and owns(d)
             and not DEADLINE.search(text, max(0, d.start - 30), d.start) and not in_dateline(text, d.start)]
    return min(dates, key=lambda d: abs(d.start - c.start), default=None)


# between a figure and a later date of its sentence, what makes the date another clause's: a clause with a subject of
# its own after ", and", ", but", ", while" or a semicolon, or a comparison ("higher than in the last polls")
CLAUSE_JOIN = r",\s+(?:and|but|while|whereas)\s+"  # where a clause of its own may begin
_DATE_ELSEWHERE = re.compile(CLAUSE_JOIN + r"(?:the|a|an|he|she|it|they|we|its|their|(?-i:[A-Z][a-z]+))\s"
                             r"|;|\bthan\b", re.I)
# what may stand between a figure and the date it is of: "7% in 2003", "$5bn for the year to March"
_ATTACHED = re.compile(r"\s*(?:(?:in|of|for|during|at|on|by|since)\s+)?(?:the\s+)?$", re.I)


def attribute_key(text: str, c: Any) -> str:
    """The noun a count is joined to by a hyphen, the fixed size of a thing ("the 30-share DAX index" -> share,
    "the 120-seat parliament" -> seat), or "": such a figure is keyed by that noun, is no figure of a market's
    session even in a market sentence, and is as true next year."""
    if c.kind != "count" or c.unit:
        return ""
    return attribute_noun(text[c.end:c.end + 40])


def attribute_noun(after: str) -> str:
    """The noun a hyphen joins to the figure the text ``after`` follows ("-share DAX index" -> share), or "";
    lower case only ("10-K" is a form's name)."""
    noun = compound_noun(after, 0)
    return singular(noun) if noun.islower() else ""


# where a place lies: "480 kilometres (300 miles) southwest of Kabul", "about 220 km away", "5,072 meters above sea
# level" (matched after the figure)
_PLACED_AT = re.compile(r"(?:\s*\([^()]{0,30}\))?\s+(?:" + COMPASS + r"(?:ern)?\s+of|from|away"
                        r"|outside|off|above\s+sea\s+level)\b", re.I)
_TOKEN = re.compile(r"[A-Za-z][\w'\u2019-]*")
_MONTHS_DAYS = frozenset(w.lower() for w in (*calendar.day_name, *calendar.month_name[1:], *calendar.month_abbr[1:], "Sept"))
NAME_REACH = 8  # words before a figure in which the name it is told of is read


def name_before(sentence: str, offset: int) -> frozenset[str]:
    """The capitalised name nearest before ``offset`` in its sentence, within NAME_REACH words, as lower-case words
    ("the Kunlun Pass, 4,767 metres" -> kunlun, pass); not the sentence's first word, a dateline's capitals, a
    month or a weekday."""
    tokens = list(_TOKEN.finditer(sentence, 0, offset))[-NAME_REACH:]
    words: list[str] = []
    for m in reversed(tokens):
        w = m.group()
        named = w[0].isupper() and not (len(w) > 1 and w.isupper()) and w.lower() not in _MONTHS_DAYS \
            and sentence[:m.start()].strip() != ""
        if named:
            words.append(w.lower().removesuffix("'s").removesuffix("\u2019s"))
        elif words:
            break
    return frozenset(words)


def names_differ(new: str, new_at: int, old: str, old_at: int) -> bool:
    """Whether two sentences tell their figures (or dates) of different names: neither figure's nearest name
    (name_before) holds the other's ("Nasiriyah, 375 km southeast of Baghdad" and "Samawah, 270 km southeast of
    Baghdad"; "the Kunlun Pass" and "the Tanggula Pass")."""
    a, b = name_before(new, new_at), name_before(old, old_at)
    return bool(a and b) and not (a <= b or b <= a)


def place_distance(text: str, c: Claim, sentence: str) -> str:
    """Whether a length tells where something lies: "place" where a place's name stands right before it, or its
    clause says it lies there ("Samawah, about 270 kilometers southeast of Baghdad", "the town lies 40 km from"): a
    fact later reports restate unchanged; "moving" where the clause before it tells of something that moves or of
    where something was (numcheck/data/history_cues.txt [moving]: "the typhoon was 250 km east of Manila", "Rebel
    columns were about 50 km east of"): of the moment; else ""."""
    if not (c.kind == "measure" and c.dimension == "length" and _PLACED_AT.match(text, c.end)):
        return ""
    before = sentence[:max(sentence.find(c.text), 0)]
    clause = re.split(r"[,;:(]", before)[-1]  # "Samawah, about 270 km": the place
    if vocabulary().moving.search(clause) or _WAS.search(clause):
        return "moving"
    if _LIES.search(clause):
        return "place"
    named = _name_then_comma().search(before[:len(before) - len(clause)])  # "in Samawah, 270 km", not "drowning six, 5 km"
    return "place" if named and not clause.strip(" about some around nearly roughly just") else ""


_WAS = re.compile(r"\b(?:was|were)\b", re.I)
@lru_cache(maxsize=1)
def _name_then_comma() -> re.Pattern[str]:
    """A place's name, perhaps with its kind, then a comma: "in Samawah, 270 km", "in Qazvin province, some 225 km"
    (numcheck/data/place_nouns.txt)."""
    from ..datafiles import words
    from ..text import alternation

    return re.compile(r"\b[A-Z][\w'\u2019-]*(?:\s+" + alternation(words("place_nouns.txt")) + r")?,\s*$")
_LIES = re.compile(r"\b(?:lies|lie|lying|located|situated|sits|stands)\b", re.I)


def settled(near: str, sentence: str) -> bool:
    """Whether a toll is told as a finished event, in the simple past near its figure ("the bombings killed 224
    people", "his mother and 10 others drowned when their boat sank"): later background copy restates it unchanged
    for months.  A present or perfect tense ("are fighting", "have been killed so far") is a state the next
    report may rightly give anew; a reporting verb ("officials said") tells no tense of the figure.  (A past
    tense alone says little: "turnover totaled 1.8 billion shares" is the day's.)"""
    return vocabulary().toll.search(sentence) and told_in_past(near)


def told_again_later(near: str) -> bool:
    """Whether a figure is told as a finished happening that later reports restate unchanged ("suspended payments on
    its debt of 132 billion dollars", "later provided 31.2 billion yen"): in the simple past, and not as a period's
    level ("turnovers totaled 1.8 billion shares", "exports reached 12 billion dollars"), which each period gives
    anew."""
    return told_in_past(near) and not vocabulary().level.search(near)


# a verb in the progressive: a state in flux ("are fighting in Kursk", "is building"), not one that stands
_PROGRESSIVE = re.compile(r"\b(?:is|are|am|was|were|been|being)\s+(?:[a-z]+ly\s+)?"
                          r"(?!(?:no|some|any|every)?thing\b|during\b)[a-z]{2,}ing\b", re.I)


def told_as_state(near: str) -> bool:
    """Whether a figure is told as a standing state that background copy restates unchanged ("has an annual capacity
    of 4.2 million tonnes", "holds 264 of the 400 seats"): not as a period's level ("totaled") nor as a state still
    moving ("now", "so far", "stands at", "are fighting"), which the next report may rightly give anew."""
    v = vocabulary()
    return not (v.level.search(near) or v.ongoing.search(near) or in_progress(near))


_HAVE = re.compile(r"\b(?:has|have)\s+(?:already\s+|so\s+far\s+)?([a-z]+)\b", re.I)
_NUMBER_IN_EN = re.compile(r"(?:seven|eleven|teen|ten)$")  # "have seven", "has fifteen": no participle


def told_in_perfect(near: str) -> bool:
    """Whether the words near a figure tell it in the present perfect ("have been hijacked", "has driven", "has had"),
    a span up to now; not "has about", "has not", "have ten"."""
    past = vocabulary().past.single
    for m in _HAVE.finditer(near):
        w = m.group(1).lower()
        if w in ("been", "gone", "done") or w in past or (len(w) > 4 and w.endswith("ed")) \
                or (len(w) > 4 and w.endswith(("en", "wn")) and not _NUMBER_IN_EN.search(w)):
            return True
    return False


def in_progress(near: str) -> bool:
    """Whether the words near a figure tell it in the progressive, a state in flux ("pirates are holding 14 vessels")."""
    return bool(_PROGRESSIVE.search(near))


def told_in_past(near: str) -> bool:
    """Whether the words near a figure tell it in the simple past and in no present or perfect tense ("suspended
    payments on its debt of 132 billion dollars", not "has suspended", "stands at"); a reporting verb ("officials
    said") tells no tense of the figure."""
    v = vocabulary()
    if v.present.search(near):
        return False
    words = frozenset(_LOWER_WORD.findall(near)) - v.reporting.single  # lower case only: "No. 1 Air Dried Sheet"
    return not words.isdisjoint(v.past.single) or any(len(w) > 4 and w.endswith("ed") for w in words)


_AUXILIARIES = frozenset("was were had been did".split())
VERB_REACH = 100  # characters either side of a date in which the verb it dates is read
# a clause of another time between a date and a verb after it: "on Thursday, days after an explosion trapped them"
_OTHER_CLAUSE = re.compile(r"\b(?:after|before|when|since|while|as|because|where|which|who|until|but)\b", re.I)


def verb_near(sentence: str, offset: int) -> str:
    """The stem of the past-tense verb a date in its sentence dates: the nearest before it ("trapped" in "an
    explosion trapped nine men Monday evening", "brought" in "were brought out alive Thursday, days after an explosion
    trapped them"), else the nearest after it in its clause.  Reporting verbs and auxiliaries are not it; "" when
    none stands within VERB_REACH characters."""
    v = vocabulary()
    before, after = "", ""
    for m in _LOWER_WORD.finditer(sentence, max(0, offset - VERB_REACH), offset + VERB_REACH):
        w = m.group()
        if w in v.reporting.single or w in _AUXILIARIES or not (w in v.past.single or (len(w) > 4 and w.endswith("ed"))):
            continue
        if m.end() <= offset:
            before = stem(w)  # the last one before the date is the nearest
        elif not after and not _OTHER_CLAUSE.search(sentence, offset, m.start()):
            after = stem(w)
    return before or after


def has_cue(cueset: CueSet, text: str) -> bool:
    """Whether any cue of the set occurs in ``text`` as whole words."""
    return cueset.search(text)


def cues(cueset: CueSet, text: str) -> frozenset[str]:
    """Which cue phrases occur in ``text``, to compare two sentences' cues."""
    return cueset.found(text)


def event_nouns(text: str) -> frozenset[str]:
    """The event nouns of a sentence ("election", "offensive"), singular."""
    events = vocabulary().events
    return frozenset(singular(w) for w in _WORD.findall(text.lower()) if w in events)


_SUFFIX = re.compile(r"(?:ing|ed|es|s|ly)$")
_TALLY = re.compile(r"\b(toll|total|tally|count)\b[^.;:]*$", re.I)


def stem(word: str) -> str:
    """A crude stem, enough to see that "fighting" and "fight" are the same context word."""
    w = word.lower().replace("'s", "").replace("’s", "")
    return _SUFFIX.sub("", w) if len(w) > 5 else w


_BRACKET = re.compile(r"\s*\([^()]{0,40}\)")


def follows(sentence: str, figure: str) -> frozenset[str]:
    """What a figure with no subject is of: the content words (stems) among the three words after it, past a
    conversion in brackets ("$11bn (£6bn) accounting fraud" -> {account, fraud}; "£35bn in government
    spending" -> {government, spend}).  Empty when the figure is not in the sentence."""
    at = sentence.find(figure)
    if at < 0 or not figure:
        return frozenset()
    rest = sentence[at + len(figure):]
    m = _BRACKET.match(rest)
    if m:
        rest = rest[m.end():]
    rest = re.split(r"[.;:!?,]", rest, maxsplit=1)[0]
    v = vocabulary()
    words = [w.lower() for w in _WORD.findall(rest)[:3]]
    return frozenset(stem(w) for w in words if len(w) >= 3 and w not in v.common and w not in v.stop)


def context(sentence: str, exclude: Iterable[str] = ()) -> frozenset[str]:
    """The stems of a sentence's content words: not common words, not ``exclude`` (entities, the subject)."""
    return _content(sentence) - {stem(w) for w in exclude}


@lru_cache(maxsize=4096)
def _content(sentence: str) -> frozenset[str]:
    v = vocabulary()
    out = set()
    for w in _WORD.findall(sentence):
        lw = w.lower()
        if len(lw) >= 3 and lw not in v.common and lw not in v.stop:
            out.add(stem(lw))
    return frozenset(out)


_APPOSITIVE = re.compile(r"\b([A-Z][a-z]+(?:-[A-Z][a-z]+)?),\s*$")


_DIRECTION_OF = re.compile(r"(?:\s*\([^()]{0,30}\))?\s+(" + COMPASS + r")(?:ern)?\s+of\b", re.I)


def bare_key(text: str, sentence_start: int, c: Any) -> str:
    """The key of a figure with no subject: the direction a length lies in ("225 kilometres (140 miles) west of
    Tehran" -> west), else its tally's implicit subject (tally_subject)."""
    if c.kind == "measure":
        m = _DIRECTION_OF.match(text, c.end)
        if m:
            return m.group(1).lower().replace("-", "")
    return tally_subject(text[sentence_start:c.start], text[c.end:c.end + 2])


def tally_subject(before: str, after: str = "") -> str:
    """The implicit subject of a figure that has none: a running total or a person's age.

    "the death toll has reached 120" -> toll; "Mr Ebbers, 63, denies ..." -> ebbers
    (an age given in apposition to a name).
    """
    m = _TALLY.search(before[-80:])
    if m:
        return m.group(1).lower()
    m = _APPOSITIVE.search(before[-40:])
    if m and after[:1] in (",", ")") and m.group(1).lower() not in vocabulary().stop:
        return m.group(1).lower()
    return ""


CONVERTED = "="  # the prefix of a conversion's key: "=CNY 200000", what the figure converts


def conversion_keys(ctx: Any) -> dict[int, str]:
    """Each sum of money a text converts, by start offset, keyed by the amount on the other side of the
    conversion ("200,000 yuan (25,000 U.S. dollars)": 25,000 dollars -> "=CNY 200000", and back): the same
    amount converted in two reports a fortnight apart gives about the same figure, whatever each is about.
    The pairs are the ones NC102 checks (checks.conversions); a pair whose currencies are not certain is none."""
    from ..checks.conversions._common import codes, conversions

    found: dict[int, set[str]] = {}
    for conv in conversions(ctx):
        a, b = conv.src, conv.dst
        if a.kind != "money" or conv.same_currency or conv.unchecked or a.canonical is None or b.canonical is None:
            continue
        src, dst = codes(conv)  # bare "dollars" beside a currency that is no dollar: US dollars
        found.setdefault(b.start, set()).add(f"{CONVERTED}{src} {a.canonical.value:.6g}")
        found.setdefault(a.start, set()).add(f"{CONVERTED}{dst} {b.canonical.value:.6g}")
    # a figure converted into two currencies ("3.1bn Australian dollars ($2.3bn; £1.8bn)") has no one partner
    return {start: keys.pop() for start, keys in found.items() if len(keys) == 1}


CUE_BEFORE, CUE_AFTER = 50, 25  # a change or running total's cue counts this near its figure (characters)


def told_cumulative(text: str, c: Claim, span: tuple[int, int]) -> bool:
    """Whether a figure is told as a running total, which may grow between reports (history_cues.txt [cumulative]):
    by a cue near it in its sentence ``span``, or its subject ("the death toll"); not by one told of another figure of
    its sentence ("A total of 16 people went on trial over the fire ... that killed 155 people": the 155 is no
    running total)."""
    near = text[max(span[0], c.start - CUE_BEFORE):min(span[1], c.end + CUE_AFTER)]
    return c.kind != "age" and has_cue(vocabulary().cumulative, near + " " + (c.subject or ""))
