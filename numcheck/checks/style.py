"""NC5xx: house number style from a rule file's ``style`` section (opt-in: silent without one).

Presets live in rules/style/ (ap.yaml, guardian.yaml, economist.yaml); each
setting turns one check on.  These checks read the claim's own surface text,
so they judge how a number is written, never whether it is true.
"""
from __future__ import annotations

import math
import re
from functools import lru_cache
from typing import Any, Iterator

from .. import numfmt as nf
from ..model import Claim, Finding
from ..rules.units import claim_dimension
from .base import Check, ClaimsByStart, Context

_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")
_SCALE = re.compile(r"\b(?:thousand|million|billion|trillion|m|bn|k|tn)\b", re.I)
_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty")
_SENTENCE_OPENING_MARKS = "\"'“‘(["  # may stand before a sentence's first word
# what may stand between a figure and its conversion: "100 miles (160km)", "100 miles, or 160km,", "160km [100 miles]"
_CONVERSION = re.compile(r"\s*(?:[(\[]|,?\s*or|/|–|—)\s*(?:about|around|roughly|some|nearly|almost|c\.|ca\.)?\s*")
_PERCENT_FORMS = {"%": re.compile(r"%"), "per cent": re.compile(r"\bper\s+cent\b", re.I), "percent": re.compile(r"\bpercent\b", re.I)}

# units a metric house style wants converted (pint names as in Claim.unit)
IMPERIAL = frozenset({
    "mile", "yard", "foot", "inch", "nautical_mile", "square_mile", "square_foot", "square_yard", "square_inch",
    "acre", "cubic_foot", "cubic_mile", "gallon", "imperial_gallon", "pint", "imperial_pint", "fluid_ounce",
    "pound", "ounce", "stone", "ton", "long_ton", "mile / hour", "mile_per_hour", "degree_Fahrenheit",
})


def _style(ctx: Context) -> Any:
    rs = ctx.rules
    st = getattr(rs, "style", None)
    return st if st is not None and st.active else None


def _number_surface(claim: Claim) -> re.Match[str] | None:
    return _DIGITS.search(claim.text)


def significant_figures(digits: str) -> int:
    """Significant figures of a written number: "12,345" -> 5, "2,000" -> 1, "3.50" -> 3, "0.05" -> 1."""
    s = digits.replace(",", "")
    if "." in s:
        whole, frac = s.split(".", 1)
        all_digits = (whole + frac).lstrip("0")
        return max(len(all_digits), 1)
    s = s.lstrip("0")
    return max(len(s.rstrip("0")), 1)


def _at_sentence_start(ctx: Context, pos: int) -> bool:
    """Whether ``pos`` opens a sentence (``Context.sentences``), after any opening quotes or brackets."""
    text = ctx.text
    while pos > 0 and text[pos - 1] in _SENTENCE_OPENING_MARKS:
        pos -= 1
    return ctx.sentences.span(pos)[0] == pos


class NumeralStyle(Check):
    """Small whole numbers in words, larger ones in figures, as the house style says.

    ``words_below: 10`` (AP, Guardian): one to nine in words, 10 and up in
    figures; ``exempt`` kinds (ages, money, measures, percentages) always take
    figures; a number opening a sentence may stay in words; "3 million" is fine.

    Anti-pattern: "3 villages were captured"; "fifteen soldiers".
    Best practice: "three villages were captured"; "15 soldiers".
    """

    code = "NC501"
    name = "numeral-style"
    severity = "warning"
    fix = "safe"

    def run(self, ctx: Context) -> Iterator[Finding]:
        st = _style(ctx)
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
            digits = _number_surface(claim)
            if digits and 0 < value < limit and digits.group() == str(value):
                named = bool(claim.subject) and all(w[:1].isupper() for w in claim.subject.split())
                if _in_name(ctx, claim.start, claim.end, not claim.subject or named):
                    continue  # "BBC 1", "Robocop 2", "the RBS 6 Nations": part of a name
                if _neighbour_is_figure(ctx, claim, limit, nearby):
                    continue  # "between 5 and 12": keep a series in one form
                word = _WORDS[value] if value < len(_WORDS) else None
                if word and _at_sentence_start(ctx, claim.start + digits.start()):
                    word = word.capitalize()
                yield ctx.finding(
                    self, claim.start + digits.start(), claim.start + digits.end(),
                    f"{digits.group()} is below {limit}: {st.preset or 'house'} style spells it out" + (f" ({word!r})" if word else ""),
                    evidence={"rule": "style.words_below", "file": st.file, "line": st.line, "source": st.preset},
                    suggestion=word,
                )
            elif digits is None and value >= limit and not _at_sentence_start(ctx, claim.start):
                word = _first_number_word(claim.text)
                if word is None:
                    continue
                start, end = claim.start + word.start(), claim.start + _number_run_end(claim.text, word.end())
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
    cap = lambda m: bool(m) and m.group(1)[0].isupper()  # noqa: E731
    if cap(before):
        opener = _at_sentence_start(ctx, start - len(before.group(0)))
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
    from ..extract.lexicon import lexicon

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
        if other is not claim and other.value >= limit and _DIGITS.search(other.text):
            return True
    return False


class PercentStyle(Check):
    """One way of writing percent, the house's: "%", "per cent" or "percent".

    Anti-pattern: "inflation rose 5 per cent" (house style "%").
    Best practice: "inflation rose 5%".
    """

    code = "NC502"
    name = "percent-style"
    severity = "warning"
    fix = "safe"

    def run(self, ctx: Context) -> Iterator[Finding]:
        st = _style(ctx)
        if st is None or not st.percent:
            return
        for claim in ctx.claims:
            if claim.kind != "percent":
                continue
            for form, rx in _PERCENT_FORMS.items():
                if form == st.percent:
                    continue
                m = rx.search(claim.text)
                if m is None or (form == "percent" and _PERCENT_FORMS["per cent"].search(claim.text)):
                    continue
                if form == "percent" and re.search(r"\bpercentage\b", claim.text, re.I):
                    continue
                start, suggestion = _percent_edit(claim.text, m, st.percent)
                yield ctx.finding(
                    self, claim.start + start, claim.start + m.end(),
                    f"{m.group()!r}: {st.preset or 'house'} style writes percent as {st.percent!r}",
                    evidence={"rule": "style.percent", "file": st.file, "line": st.line, "source": st.preset},
                    suggestion=suggestion,
                )
                break


def _percent_edit(text: str, m: re.Match[str], want: str) -> tuple[int, str]:
    """Where the percent edit starts and what it writes: "5 per cent" -> "5%" takes the space too, "5%" -> "5 per cent" adds one."""
    if want == "%":
        return len(text[:m.start()].rstrip()), want
    return m.start(), want if text[:m.start()].endswith((" ", "\u00a0")) else " " + want


_NUMBER_WORDS = re.compile(
    r"^(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety|hundred|thousand|million|half|quarter|and|about|around|some|nearly|almost)[\s-]+)+",
    re.I,
)


def _unit_surface(claim: Claim) -> str:
    """How the unit is written in a measure claim: the letters after the number ("km", "kilometres")."""
    m = None
    for m in _DIGITS.finditer(claim.text):
        pass
    tail = claim.text[m.end():] if m else _NUMBER_WORDS.sub("", claim.text)
    tail = tail.lstrip(" -\u00a0")
    words = re.findall(r"[^\W\d_]+(?:[²³])?", tail)
    subject = set(claim.subject.lower().split())
    words = [w for w in words if w.lower() not in subject]
    return " ".join(words[:3]).lower()


def _spelling(surface: str) -> tuple[str, str]:
    """(form, variety): form "abbrev" or "word"; variety "re" (metre), "er" (meter) or ""."""
    variety = "re" if re.search(r"(?:metre|litre)", surface) else "er" if re.search(r"(?:meter|liter)", surface) else ""
    form = "word" if len(surface) > 3 and re.search(r"[aeiou]", surface) else "abbrev"
    return form, variety


class UnitSpelling(Check):
    """One spelling per unit in a text: not "km" in one paragraph and "kilometres" in the next, nor "metre" with "meter".

    With ``unit_variety`` the house spelling wins outright ("re": metre,
    kilometre, litre).  Spelling a unit out on first use and abbreviating it after ("1,700
    megawatts (MW) ... 12,600 MW") is fine; going back to the full word after
    the abbreviation is not.

    Anti-pattern: "a 1,000km front ... 20 kilometres from the border".
    Best practice: "a 1,000km front ... 20km from the border".
    """

    code = "NC503"
    name = "unit-spelling"
    severity = "warning"
    fix = "safe"  # only the house variety ("meter" -> "metre") is suggested; which form a text keeps is the writer's call

    def run(self, ctx: Context) -> Iterator[Finding]:
        st = _style(ctx)
        if st is None or not (st.unit_consistency or st.unit_variety):
            return
        first_form: dict[str, tuple[str, Claim]] = {}
        first_variety: tuple[str, Claim] | None = None
        for claim in ctx.claims:
            if claim.kind != "measure" or not claim.unit:
                continue
            surface = _unit_surface(claim)
            if not surface:
                continue
            form, variety = _spelling(surface)
            ev = {"rule": "style.unit_consistency", "file": st.file, "line": st.line, "source": st.preset}
            if variety and st.unit_variety:
                if variety != st.unit_variety:
                    want = surface.replace("metre", "meter").replace("litre", "liter") if st.unit_variety == "er" else surface.replace("meter", "metre").replace("liter", "litre")
                    yield ctx.finding(
                        self, claim.start, claim.end,
                        f"{surface!r} is spelt -{variety}; {st.preset or 'house'} style spells it {want!r}", evidence=ev,
                        suggestion=_respelled(claim.text, st.unit_variety),
                    )
                continue
            if not st.unit_consistency:
                continue
            if variety:
                if first_variety is None:
                    first_variety = (variety, claim)
                elif first_variety[0] != variety:
                    other = first_variety[1]
                    yield ctx.finding(
                        self, claim.start, claim.end,
                        f"{surface!r} is spelt -{variety} but {_unit_surface(other)!r} earlier is spelt -{first_variety[0]}: use one spelling",
                        related=[ctx.related(other, "first spelling")], evidence=ev,
                    )
                    continue
            if claim.unit not in first_form:
                first_form[claim.unit] = (form, claim)
            elif first_form[claim.unit][0] == "abbrev" and form == "word":  # spelt out on first use, then abbreviated, is house style
                other = first_form[claim.unit][1]
                yield ctx.finding(
                    self, claim.start, claim.end,
                    f"{claim.unit} is written {surface!r} here but {_unit_surface(other)!r} earlier: use one form in a text",
                    related=[ctx.related(other, "first form")], evidence=ev,
                )


def _respelled(text: str, variety: str) -> str | None:
    """``text`` with metre/litre spelt the house's way ("3 meters", "re" -> "3 metres"), case kept."""
    def swap(m: re.Match[str]) -> str:
        end = variety if m.group(2).islower() else variety.upper()
        return m.group(1) + end
    out = re.sub(r"(met|lit)(re|er)(?=s?\b)", swap, text, flags=re.I)
    return out if out != text else None


class ImperialWithoutMetric(Check):
    """An imperial measure with no metric conversion next to it, where the house style is metric.

    Anti-pattern: "a 600-mile front".
    Best practice: "a 600-mile (965km) front".
    """

    code = "NC504"
    name = "imperial-without-metric"
    severity = "warning"

    def run(self, ctx: Context) -> Iterator[Finding]:
        st = _style(ctx)
        if st is None or not st.imperial_needs_metric:
            return
        claims = [c for c in ctx.claims if c.kind == "measure" and c.unit]
        for i, claim in enumerate(claims):
            if claim.unit not in IMPERIAL or re.match(r"(?:a|an|per|each)\s", claim.text, re.I):
                continue  # "$1.49 a gallon" prices a unit; it measures nothing
            dim = claim_dimension(claim.kind, claim.unit, claim.dimension)
            pairs = [(claims[i - 1], claim)] if i > 0 else []
            pairs += [(claim, claims[i + 1])] if i + 1 < len(claims) else []
            if any(
                _CONVERSION.fullmatch(ctx.text[a.end:b.start])
                and (b if a is claim else a).unit not in IMPERIAL
                and claim_dimension((b if a is claim else a).kind, (b if a is claim else a).unit, (b if a is claim else a).dimension) == dim
                for a, b in pairs
            ):
                continue
            yield ctx.finding(
                self, claim.start, claim.end,
                f"{claim.text!r} is in imperial units ({claim.unit.replace('_', ' ')}) with no metric conversion beside it",
                evidence={"rule": "style.imperial_needs_metric", "file": st.file, "line": st.line, "source": st.preset},
            )


class FalsePrecision(Check):
    """More significant figures than an approximate figure or a conversion can carry.

    "about 12,345 people" claims five-figure precision while saying it is a
    guess; "100 miles (160.934km)" converts a round figure into a precise one.

    Anti-pattern: "about 12,345 people"; "100 miles (160.934km)".
    Best practice: "about 12,000 people"; "100 miles (160km)".
    """

    code = "NC505"
    name = "false-precision"
    severity = "info"
    fix = "unsafe"  # rounding changes the figure's digits

    def run(self, ctx: Context) -> Iterator[Finding]:
        st = _style(ctx)
        if st is None or st.max_significant is None:
            return
        ev = {"rule": "style.max_significant", "file": st.file, "line": st.line, "source": st.preset}
        prev: Claim | None = None
        for claim in ctx.claims:
            digits = _number_surface(claim)
            if claim.kind == "date" or digits is None:
                prev = claim
                continue
            sig = significant_figures(digits.group())
            if claim.qualifier == "~" and sig > st.max_significant:
                yield ctx.finding(
                    self, claim.start, claim.end,
                    f"{claim.text!r} is approximate but has {_figures(sig)} (most {st.max_significant})",
                    evidence=ev, suggestion=_rounded_to(claim, st.max_significant),
                )
            elif prev is not None and prev.kind == "measure" and claim.kind == "measure" and _is_conversion(ctx.text, prev, claim):
                pd = _number_surface(prev)
                if pd is not None:
                    psig = significant_figures(pd.group())
                    if sig > max(psig + 1, st.max_significant):
                        yield ctx.finding(
                            self, claim.start, claim.end,
                            f"{claim.text!r} converts {prev.text!r} ({_figures(psig)}) into {sig}: round it",
                            related=[ctx.related(prev, "original figure")], evidence=ev,
                            suggestion=_rounded_to(claim, min(psig + 1, st.max_significant)),
                        )
            prev = claim


def _rounded_to(claim: Claim, sig: int) -> str | None:
    """The claim rewritten with its figure rounded to ``sig`` significant figures ("about 12,345" -> "about 12,300")."""
    if claim.value is None or claim.value == 0:
        return None
    return nf.restate(claim, claim.value, step=10.0 ** (math.floor(math.log10(abs(claim.value))) - sig + 1))


def _figures(n: int) -> str:
    return f"{n} significant figure{'s' * (n != 1)}"


def _is_conversion(text: str, a: Claim, b: Claim) -> bool:
    """Whether ``b`` is a bracketed conversion of ``a``: "100 miles (160km)" with one dimension."""
    if not _CONVERSION.fullmatch(text[a.end:b.start]):
        return False
    da = claim_dimension(a.kind, a.unit, a.dimension)
    return bool(da) and da == claim_dimension(b.kind, b.unit, b.dimension) and a.unit != b.unit and not math.isclose(a.value or 0, b.value or 0)


CHECKS = (NumeralStyle(), PercentStyle(), UnitSpelling(), ImperialWithoutMetric(), FalsePrecision())
