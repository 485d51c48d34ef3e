"""The text a check of figures in one sentence reads: who gave the figures, in a clause set off by commas ("2,135
schools, the ministry said, of which 1,488 were flattened"), stands between a whole and its parts, or a part and its
share, and says nothing of how they are related; the checks read the sentence with it blanked out (offsets kept).  A
sentence that opens by pointing back at the whole of the sentence before ("... 33,263 cases in 2005. The figure
comprised 21,418 property crimes and 11,845 other offences") is read joined to it, as the clause it stands for
(", comprising 21,418 ...")."""
from __future__ import annotations

import dataclasses
import re

from ..datafiles import words
from ..text import alternation
from .base import Context

# who gave the figures, between commas or before a colon or dash: ", the ministry said,", ", Finance Minister David
# Mwiraria told parliament,", ", the company said in Seoul on Tuesday:", ", according to the Red Cross,"; no figure in it
# (a word of it may be an initialism, "U.S. officials", but no full stop ends a word: the sentence does not go on)
_WORD = r"(?:[A-Za-z][\w'\u2019&-]*|(?:[A-Z]\.)+)"
_SAYING = alternation(words("attribution_verbs.txt"))
_ATTRIBUTION = re.compile(
    r"(?P<open>,)\s+(?:according\s+to\s+[^,;:.()\d\u2013\u2014-]{1,60}?|(?:" + _WORD + r"\s+){1,7}?"
    + _SAYING + r"\b(?:\s+[A-Za-z][\w'\u2019-]*){0,8}?)"
    r"(?P<close>\s*,|(?=\s*(?::|--|\u2013|\u2014|\s-\s)))")


def without_asides(ctx: Context) -> Context:
    """``ctx`` with each clause of who gave the figures blanked to spaces (_ATTRIBUTION): its opening comma is kept
    where a comma closes it ("province,                  of which 1,488") and dropped where a colon or dash does
    ("this year                          : 5.3 trillion won") or "and" follows ("5,128 were convicted
    and 1,586 acquitted"), so the words left read as the sentence would without it."""
    text = ctx.text
    if "," not in text:
        return ctx
    spans = []
    for m in _ATTRIBUTION.finditer(text):
        if any(ch.isdigit() or ch == "\n" for ch in m.group()):
            continue
        keep = m.group("close") and not _AND_AFTER.match(text, m.end())
        spans.append((m.end("open") if keep else m.start(), m.end()))
    return blanked(ctx, spans) if spans else ctx

_AND_AFTER = re.compile(r"\s+and\b")


# how a figure has changed, set off by commas right after it: ", up 11 percent since 1991,", ", down 3.1 percent from
# this year,", ", up 310 from Tuesday's figure," (what it changed from, a few words, may follow)
_CHANGE_ASIDE = re.compile(
    r"(?<=\d|[a-z])(?P<open>,)\s+(?:up|down)\s+(?:by\s+)?\d[\d.,]*(?:\s*(?:%|percent|per\s+cent|(?:percentage\s+)?points?))?"
    r"(?:\s+(?:from|on|since|over|against|compared\s+with)\s+[^,;:.()\d]{0,30}?(?:(?:19|20)\d\d)?)?\s*,", re.I)


def without_changes(ctx: Context) -> Context:
    """``ctx`` with each change told as an aside after a figure blanked to spaces, its opening comma kept (_CHANGE_ASIDE:
    "2.48 million residents, up 11 percent since 1991, of whom 1.27 million were women" reads "2.48 million residents,
    of whom ..."): a whole's change says nothing of what it is made of."""
    text = ctx.text
    if "," not in text:
        return ctx
    spans = [(m.end("open"), m.end()) for m in _CHANGE_ASIDE.finditer(text)
             if not _CHANGE_TOLD_AFTER.match(text, m.end())]
    return blanked(ctx, spans) if spans else ctx


# the rest of the sentence tells the change's own parts: "up 8 percent, with 125,000 more visitors from China"
_CHANGE_TOLD_AFTER = re.compile(r"[^.;]*?\b(?:more|fewer|additional|extra|increase|rise|growth|decline|drop|fall)\b", re.I)


def blanked(ctx: Context, spans: list[tuple[int, int]]) -> Context:
    """``ctx`` with the characters of ``spans`` made spaces, each inside a sentence (a clause, a bracket): line breaks
    are kept and the text's sentences, split once, are the view's."""
    chars = list(ctx.text)
    for s, e in spans:
        for i in range(s, e):
            if chars[i] != "\n":
                chars[i] = " "
    view = dataclasses.replace(ctx, text="".join(chars))
    vars(view)["sentences"] = ctx.sentences
    return view


# a sentence opening on the whole of the sentence before, then what it is made of: ". Of them, ", ". The figure
# comprised ", ". The burnt area is made up of ", ". They break down as follows: ", ". It allots "
_POINTS_BACK = re.compile(
    r"\.\s+(?:(?P<of>(?:Of|Among)\s+(?:them\b\s*,?|(?:these|those|the\s+total)\s*,))"
    r"|(?:(?:The|This|That|Its)\s+(?:(?!" + _SAYING + r"\b)[a-z][\w-]*\s+){0,3}?" + alternation(words("whole_names.txt"))
    + r"\s+(?:now\s+)?(?:(?P<comprising>compris(?:ed|es|e)|consist(?:ed|s)?\s+of)|(?P<made>(?:is|are|was|were)\s+made\s+up\s+of)"
    r"|(?P<including>includ(?:es|ed|e))|(?P<broken>(?:breaks?|broke)\s+down(?:\s+as\s+follows)?\s*:?)"
    r"|(?P<allotting>allot(?:s|ted)|allocat(?:es|ed)))"
    # (a pronoun only with a verb that says it breaks a figure down: "It comprises 12 projects" after "approved the
    # plan with 150 votes" is of the plan)
    r"|(?:They|It|These)\s+(?:(?P<broken_by>(?:breaks?|break|broke)\s+down(?:\s+as\s+follows)?\s*:?)"
    r"|(?P<allotting_by>allot(?:s|ted)|allocat(?:es|ed)))))\s")
_JOINED_AS = {"of": ", of which", "comprising": ", comprising", "made": ", made up of", "including": ", including",
              "broken": ", broken down as follows:", "allotting": ", allotting", "broken_by": ", broken down as follows:",
              "allotting_by": ", allotting"}


def joined_back(ctx: Context) -> Context:
    """``ctx`` with each sentence that opens by pointing back at the whole of the sentence before, in its paragraph,
    joined to it as the clause it stands for (_POINTS_BACK; offsets kept, the rest of the words blanked)."""
    text = ctx.text
    if ". " not in text:
        return ctx
    chars: list[str] | None = None
    joined: list[int] = []
    for m in _POINTS_BACK.finditer(text):
        if "\n" in m.group() or _figures_in_sentence_before(ctx, m.start()) != 1:
            continue  # (another paragraph; or a sentence of several figures, any of which it may point back at:
            # "arrested 84 people on Friday, more than the 52 held on Thursday. Of them, ...")
        said = _JOINED_AS[next(k for k, v in m.groupdict().items() if v)] + " "
        if len(said) > len(m.group()):
            said = said.replace(", ", ",", 1)  # ". Of them " is a character shorter than ", of which "
        if len(said) > len(m.group()):
            continue
        chars = chars if chars is not None else list(text)
        chars[m.start():m.end()] = list(said.ljust(len(m.group())))
        joined.append(m.start())
    return dataclasses.replace(ctx, text="".join(chars), joined=(*ctx.joined, *joined)) if chars is not None else ctx


def _figures_in_sentence_before(ctx: Context, end: int) -> int:
    """How many counts, sums and measures the sentence ending at ``end`` (its full stop) tells."""
    s0, s1 = ctx.sentences.span(end)
    return sum(1 for c in ctx.claims if s0 <= c.start < s1 and c.kind in ("count", "money", "measure"))
