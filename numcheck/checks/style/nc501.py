"""NC501 numeral-style: small whole numbers in words, larger ones in figures, as the house style says."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Iterator

from ...model import Claim, Finding
from ..base import Check, ClaimsByStart, Context
from ._common import DIGITS, at_sentence_start, house_style, number_surface


_SCALE = re.compile(r"\b(?:thousand|million|billion|trillion|m|bn|k|tn)\b", re.I)

_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty")


class NumeralStyle(Check):
    """Small whole numbers in words, larger ones in figures, as the house style says.

    What it flags:
    With ``words_below: 10`` (AP, Guardian): one to nine written in figures,
    10 and up written in words.  ``exempt`` kinds (ages, money, measures,
    percentages) always take figures; a number opening a sentence may stay in
    words; "3 million" is fine; a figure in a name, a score or a series with
    larger figures ("between 5 and 12") is left alone.  The suggestion is the
    number in the house's form.

    Why it matters:
    House style is what makes a paper read as one voice; numbers are its
    most frequent test.

    Anti-pattern:
        (rules style/ap.yaml) Rebels said 3 villages were captured.

        (rules style/ap.yaml) The rebels said fifteen soldiers were captured.

    Best practice:
        (rules style/ap.yaml) Rebels said three villages were captured.

        (rules style/ap.yaml) The rebels said 15 soldiers were captured.

    Options:
    The ``style`` section's ``words_below`` and ``exempt`` (presets in
    rules/style/); silent without a style.
    """

    code = "NC501"
    name = "numeral-style"
    severity = "warning"
    fix = "safe"

    def run(self, ctx: Context) -> Iterator[Finding]:
        st = house_style(ctx)
        if st is None or st.words_below is None:
            return
        limit = st.words_below
        nearby = ClaimsByStart(c for c in ctx.claims if c.kind != "date" and c.value is not None)
        for claim in ctx.claims:
            if claim.kind in st.exempt or claim.kind == "date" or claim.range or claim.value is None:
                continue
            if not float(claim.value).is_integer() or _SCALE.search(claim.text):
                continue
            value = int(claim.value)
            digits = number_surface(claim)
            if digits and 0 < value < limit and digits.group() == str(value):
                named = bool(claim.subject) and all(w[:1].isupper() for w in claim.subject.split())
                if _in_name(ctx, claim.start, claim.end, not claim.subject or named):
                    continue  # "BBC 1", "Robocop 2", "the RBS 6 Nations": part of a name
                if _neighbour_is_figure(ctx, claim, limit, nearby):
                    continue  # "between 5 and 12": keep a series in one form
                word = _WORDS[value] if value < len(_WORDS) else None
                if word and at_sentence_start(ctx, claim.start + digits.start()):
                    word = word.capitalize()
                yield ctx.finding(
                    self, claim.start + digits.start(), claim.start + digits.end(),
                    f"{digits.group()} is below {limit}: {st.preset or 'house'} style spells it out" + (f" ({word!r})" if word else ""),
                    evidence={"rule": "style.words_below", "file": st.file, "line": st.line, "source": st.preset},
                    suggestion=word,
                )
            elif digits is None and value >= limit and not at_sentence_start(ctx, claim.start):
                spelled = _first_number_word(claim.text)
                if spelled is None:
                    continue
                start, end = claim.start + spelled.start(), claim.start + _number_run_end(claim.text, spelled.end())
                yield ctx.finding(
                    self, start, end,
                    f"{ctx.text[start:end]!r} is {value}, at or above {limit}: {st.preset or 'house'} style uses figures ({value:,})",
                    evidence={"rule": "style.words_below", "file": st.file, "line": st.line, "source": st.preset},
                    suggestion=f"{value:,}",
                )


# capitalised only because they open a sentence: "In 3 days" is not a name like "Burnout 3"
_OPENERS = frozenset("""in on at for by with about after before some only all the a an over under nearly almost
just around another its their his her our and but so when while since until during""".split())

# words after which a figure names or signs rather than counts (AP and Guardian keep these in figures)
_LABELS = frozenset("""section article clause chapter page room number no level grade platform round stage row seat gate
channel series season episode volume phase category zone step exit route floor table figure line bus flight
plus minus version tier division class""".split())


def _in_name(ctx: Context, start: int, end: int, check_after: bool = True) -> bool:
    """Whether a figure sits inside a proper name ("BBC 1", "Burnout 3") or a score ("7-5 6-4")."""
    text = ctx.text
    if re.search(r"\d\s?[-–]\s?$", text[max(0, start - 3):start]) or re.match(r"\s?[-–]\s?\d", text[end:end + 3]):
        return True  # one side of a score or a hyphenated pair
    if re.search(r"[/:A-Za-z]$", text[max(0, start - 1):start]) or re.match(r"[/:]\d", text[end:end + 2]):
        return True  # "OS/2", "G7", "7:30"
    label = re.search(r"([A-Za-z.]+)\s+$", text[max(0, start - 20):start])
    if label and label.group(1).lower().rstrip(".") in _LABELS:
        return True  # "section 6", "page 3", "plus 3": a label or a signed balance, not a count
    before = re.search(r"([A-Za-z][\w'’]*)\s*$", text[max(0, start - 30):start])
    after = re.match(r"\s*([A-Za-z][\w'’]*)", text[end:end + 30])
    def cap(m: re.Match[str] | None) -> bool:
        return m is not None and m.group(1)[0].isupper()

    if before is not None and cap(before):
        opener = at_sentence_start(ctx, start - len(before.group(0)))
        if not opener or before.group(1).lower() not in _OPENERS:
            return True
    return check_after and cap(after)


def _first_number_word(text: str) -> re.Match[str] | None:
    return re.search(
        r"\b(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?"
        r"|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|ten|(?:a |one )?hundred)\b",
        text, re.I,
    )


@lru_cache(maxsize=1)
def _more_number_words() -> re.Pattern[str]:
    """The next word of a spelled-out number: " and twenty", "-five", " hundred" (number_words.tsv)."""
    from ...extract.lexicon import lexicon

    ws = sorted((w for w, (_, role) in lexicon().number_words.items() if role in ("unit", "teen", "ten", "hundred")),
                key=len, reverse=True)
    return re.compile(r"(?:[\s-]+and)?[\s-]+(?:" + "|".join(map(re.escape, ws)) + r")\b", re.I)


def _number_run_end(text: str, end: int) -> int:
    """Where a spelled-out number that has begun before ``end`` ends ("one hundred| and twenty" -> after "twenty")."""
    more = _more_number_words()
    while (m := more.match(text, end)) is not None:
        end = m.end()
    return end


def _neighbour_is_figure(ctx: Context, claim: Claim, limit: int, nearby: ClaimsByStart) -> bool:
    """Whether a claim within 80 characters in the same sentence is a figure at or above the limit (a series stays uniform)."""
    s0, s1 = ctx.sentences.span(claim.start)
    for other in nearby.between(max(s0, claim.start - 79), min(s1, claim.start + 80)):
        if other is not claim and (other.value or 0.0) >= limit and DIGITS.search(other.text):
            return True
    return False


CHECK = NumeralStyle()
