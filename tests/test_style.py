"""NC5xx house style: each check's passing and failing cases, presets, and silence without a style file."""
from __future__ import annotations

from pathlib import Path

import pytest

from numcheck.checks.base import Context
from numcheck.checks.style import (
    FalsePrecision, ImperialWithoutMetric, NumeralStyle, PercentStyle, UnitSpelling, significant_figures,
)
from numcheck.model import Canonical, Claim
from numcheck.rules import load_rules

REPO = Path(__file__).resolve().parents[1]
STYLE = REPO / "rules" / "style"
PRESETS = sorted(STYLE.glob("*.yaml"))


@pytest.fixture(autouse=True)
def _private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("NUMCHECK_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture(scope="module")
def ap():
    return load_rules([STYLE / "ap.yaml"])


@pytest.fixture(scope="module")
def guardian():
    return load_rules([STYLE / "guardian.yaml"])


@pytest.fixture(scope="module")
def economist():
    return load_rules([STYLE / "economist.yaml"])


def at(text: str, surface: str, nth: int = 0, **kw) -> Claim:
    i = -1
    for _ in range(nth + 1):
        i = text.index(surface, i + 1)
    return Claim(text=surface, start=i, end=i + len(surface), **kw)


def n(text, surface, value, kind="count", **kw):
    kw.setdefault("low", value)
    kw.setdefault("high", value)
    return at(text, surface, kind=kind, value=value, **kw)


def m(text, surface, value, unit, dim="length", factor=1.0, **kw):
    return at(text, surface, kind="measure", value=value, low=value, high=value, unit=unit,
              canonical=Canonical(value * factor, "meter"), dimension=dim, **kw)


def run(check, text, claims, rules):
    return list(check.run(Context(text=text, claims=tuple(claims), rules=rules)))


def spans(text, findings):
    return [text[f.start:f.end] for f in findings]


# ---------------------------------------------------------------- opt-in


def test_style_is_off_by_default():
    core = load_rules()
    text = "Troops took 3 villages; inflation was 5 per cent; about 12,345 people; a 600-mile front."
    claims = [n(text, "3", 3), n(text, "5 per cent", 5, kind="percent", unit="percent"),
              n(text, "about 12,345", 12345, qualifier="~", low=11110, high=13580), m(text, "600-mile", 600, "mile")]
    for check in (NumeralStyle(), PercentStyle(), UnitSpelling(), ImperialWithoutMetric(), FalsePrecision()):
        assert run(check, text, claims, core) == []


@pytest.mark.parametrize("path", PRESETS, ids=lambda p: p.stem)
def test_presets_load_active(path):
    st = load_rules([path]).style
    assert st.active and st.preset == path.stem and st.file == str(path)


# ---------------------------------------------------------------- NC501 numerals


def test_numerals_small_in_words(ap):
    text = "Troops took 3 villages and three towns."
    (f,) = run(NumeralStyle(), text, [n(text, "3", 3, subject="villages"), n(text, "three", 3, subject="towns")], ap)
    assert (f.code, f.name, spans(text, [f]), f.suggestion) == ("NC501", "numeral-style", ["3"], "three")
    assert f.evidence["rule"] == "style.words_below" and f.evidence["file"].endswith("ap.yaml")


def test_numerals_large_in_figures(ap):
    text = "He saw fifteen soldiers. Fifteen more came, and 15 left."
    claims = [n(text, "fifteen", 15), n(text, "Fifteen", 15), n(text, "15", 15)]
    (f,) = run(NumeralStyle(), text, claims, ap)
    assert spans(text, [f]) == ["fifteen"] and f.suggestion == "15"  # sentence-initial words are fine


def test_numeral_suggestions_replace_the_whole_number(ap):
    """A figure opening a sentence is spelt with a capital; a spelled-out number is replaced whole, not "120 and twenty"."""
    text = "3 villages fell. They saw one hundred and twenty tanks."
    claims = [n(text, "3", 3, subject="villages"), n(text, "one hundred and twenty", 120, subject="tanks")]
    found = run(NumeralStyle(), text, claims, ap)
    assert [(t, f.suggestion) for t, f in zip(spans(text, found), found)] == [("3", "Three"), ("one hundred and twenty", "120")]


def test_numerals_economist_counts_ten_in_words(ap, economist):
    text = "a list of 10 names"
    c = n(text, "10", 10)
    assert run(NumeralStyle(), text, [c], ap) == []
    assert run(NumeralStyle(), text, [c], economist)[0].suggestion == "ten"


def test_numerals_exemptions(ap):
    text = "a 5km run, 3% of voters, $4, aged 7, 2 million people, between 5 and 12 people, 2.5 children, 4 and 15 pupils"
    claims = [
        m(text, "5km", 5, "kilometer", factor=1000),
        n(text, "3%", 3, kind="percent", unit="percent"),
        n(text, "$4", 4, kind="money", unit="USD"),
        n(text, "7", 7, kind="age", unit="year"),
        n(text, "2 million", 2_000_000),
        at(text, "between 5 and 12", kind="count", low=5, high=12, range=True),
        n(text, "2.5", 2.5),
        n(text, "4", 4, low=4, high=4), n(text, "15 pupils", 15),
    ]
    assert run(NumeralStyle(), text, claims, ap) == []


# ---------------------------------------------------------------- NC502 percent


@pytest.mark.parametrize("surface,ap_flag,economist_flag", [
    ("5%", False, True),
    ("5 per cent", True, False),
    ("5 percent", True, True),
    ("5 percentage points", False, False),
])
def test_percent_style(ap, economist, surface, ap_flag, economist_flag):
    text = f"Inflation rose {surface} in March."
    c = n(text, surface, 5, kind="percent", unit="percent")
    assert bool(run(PercentStyle(), text, [c], ap)) == ap_flag
    found = run(PercentStyle(), text, [c], economist)
    assert bool(found) == economist_flag
    if found:  # the suggestion replaces the span exactly, spacing included: "5%" -> "5 per cent"
        f = found[0]
        assert f.code == "NC502" and text[:f.start] + f.suggestion + text[f.end:] == "Inflation rose 5 per cent in March."
    for f in run(PercentStyle(), text, [c], ap):  # and back: "5 per cent" -> "5%", not "5 %"
        assert text[:f.start] + f.suggestion + text[f.end:] == "Inflation rose 5% in March."


# ---------------------------------------------------------------- NC503 unit spelling


def test_unit_spelling_form(ap):
    text = "a 1,000km front, 20 kilometres from the border, 30km away"
    claims = [m(text, "1,000km", 1000, "kilometer", factor=1000, subject="front"),
              m(text, "20 kilometres", 20, "kilometer", factor=1000),
              m(text, "30km", 30, "kilometer", factor=1000)]
    (f,) = run(UnitSpelling(), text, claims, ap)
    assert spans(text, [f]) == ["20 kilometres"] and f.related[0].text == "1,000km"


def test_unit_spelling_variety(ap):
    text = "a 5-metre wall, 20 kilometers of road, 6 metres high"
    claims = [m(text, "5-metre", 5, "meter"), m(text, "20 kilometers", 20, "kilometer", factor=1000), m(text, "6 metres", 6, "meter")]
    (f,) = run(UnitSpelling(), text, claims, ap)
    assert spans(text, [f]) == ["20 kilometers"] and "-er" in f.message


def test_unit_surface_in_words(ap):
    text = "5MB of data; one megabyte more"
    claims = [at(text, "5MB", kind="measure", value=5, unit="megabyte", dimension="information"),
              at(text, "one megabyte", kind="measure", value=1, unit="megabyte", dimension="information")]
    (f,) = run(UnitSpelling(), text, claims, ap)
    assert "'megabyte' here but 'mb' earlier" in f.message


def test_unit_spelling_consistent_text_passes(ap):
    text = "a 5km run, 10km walk and 3m wall"
    claims = [m(text, "5km", 5, "kilometer", 1000), m(text, "10km", 10, "kilometer", 1000), m(text, "3m", 3, "meter")]
    assert run(UnitSpelling(), text, claims, ap) == []


# ---------------------------------------------------------------- NC504 imperial


def test_imperial_without_metric(guardian, ap):
    text = "a 600-mile front; a 100-mile (160km) road; 5km (3 miles) of track; 10 miles, or 16km, away"
    claims = [m(text, "600-mile", 600, "mile", factor=1609.344), m(text, "100-mile", 100, "mile", factor=1609.344),
              m(text, "160km", 160, "kilometer", factor=1000), m(text, "5km", 5, "kilometer", factor=1000),
              m(text, "3 miles", 3, "mile", factor=1609.344), m(text, "10 miles", 10, "mile", factor=1609.344),
              m(text, "16km", 16, "kilometer", factor=1000)]
    found = run(ImperialWithoutMetric(), text, claims, guardian)
    assert spans(text, found) == ["600-mile"] and found[0].code == "NC504"
    assert run(ImperialWithoutMetric(), text, claims, ap) == []  # AP preset leaves imperial alone


# ---------------------------------------------------------------- NC505 false precision


@pytest.mark.parametrize("digits,sig", [("12,345", 5), ("2,000", 1), ("3.50", 3), ("0.05", 1), ("1,200", 2), ("7", 1)])
def test_significant_figures(digits, sig):
    assert significant_figures(digits) == sig


def test_false_precision(ap):
    text = "about 12,345 people; about 12,000 people; 12,345 people; 100 miles (160.934km); 100 miles (160km)"
    claims = [
        n(text, "about 12,345", 12345, qualifier="~", low=11110, high=13580),
        n(text, "about 12,000", 12000, qualifier="~", low=10800, high=13200),
        at(text, "12,345 people", 1, kind="count", value=12345, low=12345, high=12345),
        m(text, "100 miles", 100, "mile", factor=1609.344),
        m(text, "160.934km", 160.934, "kilometer", factor=1000),
        at(text, "100 miles", 1, kind="measure", value=100, low=100, high=100, unit="mile", dimension="length"),
        m(text, "160km", 160, "kilometer", factor=1000),
    ]
    claims.sort(key=lambda c: c.start)
    found = run(FalsePrecision(), text, claims, ap)
    assert spans(text, found) == ["about 12,345", "160.934km"]
    assert all(f.code == "NC505" and f.severity == "info" for f in found)
    assert [f.suggestion for f in found] == ["about 12,300", "160km"]  # rounded to what the figure can carry


# ---------------------------------------------------------------- end to end


def test_style_end_to_end_with_extract():
    import numcheck

    text = "Troops took 3 villages and fifteen soldiers. Inflation rose 5 per cent. About 12,345 people fled."
    codes = [f.code for f in numcheck.check(text, published="2025-02-01", rules=[STYLE / "ap.yaml"])]
    assert codes == ["NC501", "NC501", "NC502", "NC505"]
    assert numcheck.check(text, published="2025-02-01") == []


def test_example_article_meets_every_preset():
    import numcheck

    text = (REPO / "examples" / "kursk-2025-02-01.txt").read_text(encoding="utf-8")
    for path in PRESETS:
        assert [f.to_dict() for f in numcheck.check(text, rules=[path])] == [], path.name


# ---------------------------------------------------------------- noise found on news copy (bbc train/val)


def test_figures_inside_names_are_left_alone(ap):
    text = ("He told BBC 1 viewers that the RBS 6 Nations starts as Robocop 2 airs. In 3 days they took 4 Russian towns. "
            "Burnout 3 won. Federer won 7-5 6-4.")
    claims = [n(text, "1", 1, subject="viewers"), n(text, "6", 6, subject="Nations"), n(text, "2", 2), n(text, "3", 3, subject="days"),
              n(text, "4", 4, subject="Russian towns"), n(text, "3", 3, nth=1), n(text, "5", 5), n(text, "6", 6, nth=1)]
    assert spans(text, run(NumeralStyle(), text, claims, ap)) == ["3", "4"]
    text = "under section 6, OS/2 users, at 7:30, a balance of plus 3, (US) 3 Lleyton Hewitt, and 3 dogs"
    claims = [n(text, "6", 6), n(text, "2", 2), n(text, "7", 7), n(text, "3", 3), n(text, "3", 3, nth=1, subject="Lleyton Hewitt"),
              n(text, "3", 3, nth=2, subject="dogs")]
    assert [f.start for f in run(NumeralStyle(), text, claims, ap)] == [claims[-1].start]


def test_unit_spelt_out_first_then_abbreviated_is_fine(ap):
    text = "capacity of 1,700 megawatts (MW); the dam makes 12,600 MW"
    claims = [at(text, "1,700 megawatts", kind="measure", value=1700, unit="megawatt", dimension="power"),
              at(text, "12,600 MW", kind="measure", value=12600, unit="megawatt", dimension="power")]
    assert run(UnitSpelling(), text, claims, ap) == []


def test_price_per_imperial_unit_needs_no_conversion(guardian):
    text = "petrol at $1.49 a gallon; a 10-gallon tank"
    claims = [at(text, "a gallon", kind="measure", value=1, unit="gallon", dimension="volume"),
              at(text, "10-gallon", kind="measure", value=10, unit="gallon", dimension="volume")]
    found = run(ImperialWithoutMetric(), text, claims, guardian)
    assert spans(text, found) == ["10-gallon"] and "imperial units (gallon)" in found[0].message


def test_unit_variety_house_spelling(guardian, ap):
    text = "a 5-meter wall and 20 liters of water; a 6-metre fence"
    claims = [m(text, "5-meter", 5, "meter"), at(text, "20 liters", kind="measure", value=20, unit="liter", dimension="volume"),
              m(text, "6-metre", 6, "meter")]
    found = run(UnitSpelling(), text, claims, guardian)
    assert spans(text, found) == ["5-meter", "20 liters"] and "'liters'" in found[1].message and "'litres'" in found[1].message
    assert [f.suggestion for f in found] == ["5-metre", "20 litres"]
    # AP has no house variety: only the switch from -er to -re is flagged
    assert spans(text, run(UnitSpelling(), text, claims, ap)) == ["6-metre"]
