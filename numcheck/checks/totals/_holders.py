"""A whole whose holders are counted, as many as the parts told of it (NC109): "Ethiopia earned 3.63 billion dollars
from its five main export products. Coffee brought in 1.43 billion dollars, gold 1.08 billion, ...", "Cocoa arrivals
at Ivory Coast's two ports reached 842,000 tonnes, with 503,000 tonnes at Abidjan and 339,000 tonnes at San Pedro",
"... killed 58 people. The death tolls in the two cities were 41 and 17 respectively": each part is one holder's,
and together they hold it all.  (totals/_parts.holders_named reads such a count in the words of a total told after
its parts, for the readings of totals/_lists and totals/_told.)"""
from __future__ import annotations

import re
from typing import Sequence

from ...datafiles import words
from ...model import Claim
from ...text import alternation, head_noun, is_plural
from ..base import Context

HOLDER_REACH = 60  # characters between a holders' count and the whole (or the first part) it sizes
# the parts told as some of the whole, or of a part of it: not all of it, however many holders
SOME_SAID = re.compile(r"\b(?:includ\w*|among\s+(?:them|whom|which)|such\s+as|notably|mainly|mostly|of\s+(?:which|whom))\b",
                       re.I)
_RANKED = re.compile(r"(?:" + alternation(words("ranking_words.txt")) + r")\b", re.I)
_CLAUSE_MARK = re.compile(r"[,;:()]|\s(?:--|-|\u2013|\u2014)\s")


def holders_counted(ctx: Context, whole: Claim, parts: Sequence[Claim]) -> bool:
    """Whether a count in words of as many holders as there are parts (a plural noun other than the whole's) stands
    before the parts, in the whole's clause next to it or in the parts' sentence right before the first part, with no
    mark of a clause between, and nothing says the parts are some of the whole."""
    text, n = ctx.text, len(parts)
    if n < 2 or SOME_SAID.search(text, min(whole.end, parts[0].start), parts[0].start) \
            or any(p.point == whole.point for p in parts):
        return False  # (nor where a part is the whole again: "Twin blasts in the two cities killed 58 people. The
        # numbers of dead and wounded were 58 and 217 respectively")
    return any(_a_holders_count(c, whole, parts, n) and c.end <= parts[0].start
               and (_next_to(text, c, whole) or _opens_the_parts(ctx, c, parts[0])) for c in ctx.claims)  # (counted
    # before the parts: not "Brazil accounted for 410, Peru for 220 and Chile for 90 of the 900 cases reported in the
    # three countries", where the parts come first and may be told of some of them)


def _a_holders_count(c: Claim, whole: Claim, parts: Sequence[Claim], n: int) -> bool:
    """A count in words ("five", "two"), exactly ``n``, of a plural noun that is not the whole's, nor a part."""
    if c.kind != "count" or c.qualifier != "=" or c.point != n or not c.text.isalpha() or not c.subject \
            or not is_plural(c.subject.split()[-1]) or c is whole or any(c is p for p in parts) \
            or _RANKED.match(c.subject) and c.start < whole.end:
        return False  # (the foremost of more holders, numcheck/data/ranking_words.txt, only where they say what the
        # whole is of, after it: "3.63 billion dollars from its five main export products"; not "The two leading
        # candidates won ... votes out of 5,612,000 valid ballots")
    return not whole.subject or head_noun(c.subject) != head_noun(whole.subject)


def _next_to(text: str, c: Claim, whole: Claim) -> bool:
    """The count right before or after the whole, in its clause ("at Ivory Coast's two ports reached 842,000 tonnes",
    "3.63 billion dollars from its five main export products")."""
    lo, hi = (c.end, whole.start) if c.end <= whole.start else (whole.end, c.start)
    return 0 <= hi - lo <= HOLDER_REACH and not _CLAUSE_MARK.search(text, lo, hi)


def _opens_the_parts(ctx: Context, c: Claim, first: Claim) -> bool:
    """The count in the parts' sentence, in their clause before the first ("The death tolls in the two cities were
    41 and 17 respectively")."""
    return ctx.sentences.span(c.start) == ctx.sentences.span(first.start) and 0 <= first.start - c.end <= HOLDER_REACH \
        and not _CLAUSE_MARK.search(ctx.text, c.end, first.start)


# a list of names told with the whole, before it: "China's exports to the European Union, the United States and Japan
# totalled" (each name one to four capitalised words, perhaps after "the")
_NAME = r"(?:the\s+)?(?-i:[A-Z])[\w.'\u2019-]*(?:\s+(?:of\s+)?(?-i:[A-Z])[\w.'\u2019-]*){0,3}"
_NAMES = re.compile(r"\b(?:to|from|in|of|between|by|for|with)\s+(" + _NAME + r"(?:\s*,\s*" + _NAME + r")*,?\s+and\s+" + _NAME
                    + r")\b")


def holders_listed(ctx: Context, whole: Claim, parts: Sequence[Claim]) -> bool:
    """Whether the whole's clause names, before it, as many holders as there are parts, in a list ("exports to the
    European Union, the United States and Japan totalled 1.12 trillion dollars"), and the parts are told of those
    names, each once, after it, in full or by initials ("of which 412.5 billion went to the EU, 389.7 billion to the
    United States and 317.8 billion to Japan")."""
    text = ctx.text
    s0 = ctx.sentences.span(whole.start)[0]
    m = None
    for m in _NAMES.finditer(text, s0, whole.start):
        pass
    if m is None or _CLAUSE_MARK.search(text, m.end(), whole.start):
        return False
    names = [re.sub(r"^the\s+", "", n.strip()) for n in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", m.group(1)) if n.strip()]
    if len(names) != len(parts) or len(set(names)) != len(names):
        return False
    told = text[whole.end:ctx.sentences.span(parts[-1].start)[1]]
    return all(len(_as_told(n).findall(told)) == 1 for n in names)


def _as_told(name: str) -> re.Pattern[str]:
    """A name as the parts may tell it again: in full, or by its initials ("the European Union" -> "EU", "U.S.")."""
    initials = "".join(w[0] for w in name.split() if w[0].isupper())
    forms = [re.escape(name)]
    if len(initials) > 1:
        forms += [initials, r"\.".join(initials) + r"\."]
    return re.compile(r"\b(?:" + "|".join(forms) + r")(?![\w])")
