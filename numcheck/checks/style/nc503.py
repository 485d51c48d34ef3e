"""NC503 unit-spelling: one spelling per unit in a text."""
from __future__ import annotations

import re
from typing import Iterator

from ...model import Claim, Finding
from ..base import Check, Context
from ._common import DIGITS, house_style


_NUMBER_WORDS = re.compile(
    r"^(?:(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|"
    r"sixty|seventy|eighty|ninety|hundred|thousand|million|half|quarter|and|about|around|some|nearly|almost)[\s-]+)+",
    re.I,
)


def _unit_surface(claim: Claim) -> str:
    """How the unit is written in a measure claim: the letters after the number ("km", "kilometres")."""
    m = None
    for m in DIGITS.finditer(claim.text):
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

    What it flags:
    With ``unit_consistency``, a unit written as a word after it was
    abbreviated ("a 1,000km front ... 20 kilometres"), or "-re" and "-er"
    spellings mixed; spelling a unit out on first use and abbreviating it after
    ("1,700 megawatts (MW) ... 12,600 MW") is fine.  With ``unit_variety`` the
    house spelling wins outright ("re": metre, kilometre, litre), and the
    suggestion respells it.

    Why it matters:
    Consistent units are house style, and a unit spelled two ways in one
    story is often two sources pasted together.

    Anti-pattern:
        (rules style/ap.yaml) The 1,000km front runs through the region, and the town lies 20 kilometres from the border.

    Best practice:
        (rules style/ap.yaml) The 1,000km front runs through the region, and the town lies 20km from the border.

    Options:
    The ``style`` section's ``unit_consistency`` and ``unit_variety``; silent without a style.
    """

    code = "NC503"
    name = "unit-spelling"
    severity = "warning"
    fix = "safe"  # only the house variety ("meter" -> "metre") is suggested; which form a text keeps is the writer's call

    def run(self, ctx: Context) -> Iterator[Finding]:
        st = house_style(ctx)
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


CHECK = UnitSpelling()
