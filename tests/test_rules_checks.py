"""NC3xx: facts, bounds, dimensions and event durations, with hand-built claims and end to end."""
from __future__ import annotations

import textwrap
from datetime import date
from pathlib import Path

import pytest

from numcheck.checks.base import Context
from numcheck.checks.rules import BoundViolation, DimensionMismatch, EventDuration, FactMismatch
from numcheck.model import Canonical, Claim
from numcheck.rules import load_rules

REPO = Path(__file__).resolve().parents[1]
EXAMPLE = REPO / "rules" / "examples" / "russia-ukraine-war.yaml"
ARTICLE = REPO / "examples" / "kursk-2025-02-01.txt"
PUB = date(2025, 2, 1)


@pytest.fixture(autouse=True)
def _private_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("NUMCHECK_CACHE_DIR", str(tmp_path / "cache"))


@pytest.fixture(scope="module")
def war():
    return load_rules([EXAMPLE])


def claim(text: str, surface: str, **kw) -> Claim:
    i = text.index(surface)
    return Claim(text=surface, start=i, end=i + len(surface), **kw)


def run(check, text, claims, rules, published=PUB):
    ctx = Context(text=text, claims=tuple(claims), published=published, published_end=published, rules=rules)
    return list(check.run(ctx))


def count(text, surface, value=None, low=None, high=None, q="=", subject="", **kw):
    if value is not None and low is None and high is None and q == "=":
        low = high = value
    return claim(text, surface, kind="count", value=value, low=low, high=high, qualifier=q, subject=subject, **kw)


def km(text, surface, value, subject="front", unit="kilometer", factor=1000.0):
    return claim(text, surface, kind="measure", value=value, low=value, high=value, unit=unit,
                 canonical=Canonical(value * factor, "meter"), subject=subject, dimension="length")


def years(text, surface, n, subject="conflict", q="=", low=None, high=None, unit="Y"):
    low = n if low is None and q == "=" else low
    high = n if high is None and q in ("=", "<", "<=") else high
    word = {"Y": "year", "M": "month"}[unit]
    return claim(text, surface, kind="duration", value=n, low=low, high=high, qualifier=q, unit=word,
                 timex=f"P{n:g}{unit}", subject=subject)


# ---------------------------------------------------------------- NC301 facts

TROOPS = "Pyongyang deployed {} to Kursk."


@pytest.mark.parametrize("surface,value,low,high,q,flagged", [
    ("more than 10,000 troops", 10000, 10000, None, ">", False),
    ("11,000 troops", 11000, None, None, "=", False),
    ("about 13,000 troops", 13000, 11700, 14300, "~", False),  # tolerance 10%: up to 13,200
    ("more than 100,000 troops", 100000, 100000, None, ">", True),
    ("15,000 troops", 15000, None, None, "=", True),
    ("500 troops", 500, None, None, "=", False),  # flag: above; smaller counts are parts of the force
])
def test_fact_troops(war, surface, value, low, high, q, flagged):
    text = TROOPS.format(surface)
    c = count(text, surface, value, low, high, q, subject="troops")
    found = run(FactMismatch(), text, [c], war)
    assert bool(found) == flagged
    if flagged:
        (f,) = found
        assert f.code == "NC301" and f.name == "fact-mismatch" and f.severity == "warning"
        assert f.evidence["rule"] == "nk-troops-kursk" and f.evidence["file"] == str(EXAMPLE)
        assert f.evidence["line"] > 0 and "intelligence" in f.evidence["source"]
        assert "expected 10,000-12,000" in f.message and "rule nk-troops-kursk" in f.message
        assert (f.start, f.end) == (c.start, c.end)


def test_fact_aliases_and_head_noun(war):
    text = "Pyongyang sent 90,000 North Korean soldiers."
    c = count(text, "90,000", 90000, subject="North Korean soldiers")
    assert run(FactMismatch(), text, [c], war)
    text2 = "Pyongyang sent 90,000 servicemen."  # core alias servicemen -> troops
    assert run(FactMismatch(), text2, [count(text2, "90,000", 90000, subject="servicemen")], war)


def test_fact_needs_context_words(war):
    text = "Russia has 600,000 troops in Ukraine."  # no North Korea in the sentence: not that fact
    assert run(FactMismatch(), text, [count(text, "600,000", 600000, subject="troops")], war) == []


def test_fact_skips_changes_other_subjects_and_kinds(war):
    text = "Pyongyang deployed 100,000 more troops and 90,000 tanks."
    up = count(text, "100,000", 100000, subject="troops", change="up")
    tanks = count(text, "90,000", 90000, subject="tanks")
    pct = claim(text, "100,000", kind="percent", value=100000, low=100000, high=100000, unit="percent", subject="troops")
    assert run(FactMismatch(), text, [up, tanks, pct], war) == []


def test_fact_validity_period(war):
    text = TROOPS.format("100,000 troops")
    c = count(text, "100,000", 100000, subject="troops")
    assert run(FactMismatch(), text, [c], war, published=date(2023, 1, 1)) == []  # before valid_from
    assert run(FactMismatch(), text, [c], war, published=None)  # no end: applies undated


@pytest.mark.parametrize("surface,value,unit,factor,flagged", [
    ("1,000-kilometre", 1000, "kilometer", 1000.0, False),
    ("1,200km", 1200, "kilometer", 1000.0, False),
    ("3,000-kilometre", 3000, "kilometer", 1000.0, True),
    ("200km", 200, "kilometer", 1000.0, True),  # flag: outside (the default) flags low values too
    ("700-mile", 700, "mile", 1609.344, False),  # 1,127 km: other units compare in base units
    ("2,000-mile", 2000, "mile", 1609.344, True),
])
def test_fact_front_line_units(war, surface, value, unit, factor, flagged):
    text = f"Russia has been advancing across the {surface} front."
    c = km(text, surface, value, unit=unit, factor=factor)
    found = run(FactMismatch(), text, [c], war)
    assert bool(found) == flagged
    if flagged:
        assert found[0].evidence["rule"] == "front-line-length"


def test_fact_in_other_currency_or_dimension_is_silent(tmp_path):
    p = tmp_path / "m.yaml"
    p.write_text("facts:\n  - {id: budget, subject: budget, value: 100, unit: USD}\n", encoding="utf-8")
    rs = load_rules([p])
    text = "a budget of 500 euros and $500"
    eur = claim(text, "500 euros", kind="money", value=500, low=500, high=500, unit="EUR", subject="budget")
    usd = claim(text, "$500", kind="money", value=500, low=500, high=500, unit="USD", subject="budget")
    found = run(FactMismatch(), text, [eur, usd], rs)
    assert [f.start for f in found] == [usd.start]


# ---------------------------------------------------------------- NC302 bounds


@pytest.fixture(scope="module")
def core():
    return load_rules()


def pct(text, surface, value, **kw):
    return claim(text, surface, kind="percent", value=value, low=value, high=value, unit="percent", **kw)


@pytest.mark.parametrize("text,surface,value,flagged", [
    ("115% of voters backed the plan.", "115%", 115, True),
    ("Some 120 per cent of the population was vaccinated.", "120 per cent", 120, True),
    ("Debt reached 120% of GDP.", "120%", 120, False),  # not a share of a whole
    ("Shares rose 150% on Friday.", "150%", 150, False),
    ("Turnout was 65% of voters.", "65%", 65, False),
])
def test_bound_share_of_whole(core, text, surface, value, flagged):
    found = run(BoundViolation(), text, [pct(text, surface, value)], core)
    assert bool(found) == flagged
    if flagged:
        (f,) = found
        assert f.code == "NC302" and f.severity == "error" and f.evidence["rule"] == "share-of-whole"
        assert "100" in f.message and f.evidence["file"].endswith("bounds.yaml")


def test_bound_skips_changes(core):
    text = "Prices rose 300% of the population"  # nonsense, but a change is never a share
    c = claim(text, "300%", kind="percent", value=300, low=300, high=300, unit="percent", change="up")
    assert run(BoundViolation(), text, [c], core) == []


def test_bound_negative_count_and_age(core):
    text = "-5 people, a 135-year-old man, a 99-year-old woman, a 300-year-old tree"
    neg = count(text, "-5", -5, subject="people")
    old = claim(text, "135-year-old", kind="age", value=135, low=135, high=135, unit="year", subject="man")
    fine = claim(text, "99-year-old", kind="age", value=99, low=99, high=99, unit="year", subject="woman")
    tree = claim(text, "300-year-old", kind="age", value=300, low=300, high=300, unit="year", subject="tree")
    found = run(BoundViolation(), text, [neg, old, fine, tree], core)
    assert [(f.text if hasattr(f, "text") else text[f.start:f.end], f.evidence["rule"]) for f in found] == [
        ("-5", "count-not-negative"), ("135-year-old", "human-age")]


def test_bound_temperature_in_base_units(core):
    text = "It was -300C at night, and -40C by day."
    cold = claim(text, "-300C", kind="measure", value=-300, low=-300, high=-300, unit="degree_Celsius",
                 canonical=Canonical(-26.85, "kelvin"), dimension="temperature")
    ok = claim(text, "-40C", kind="measure", value=-40, low=-40, high=-40, unit="degree_Celsius",
               canonical=Canonical(233.15, "kelvin"), dimension="temperature")
    found = run(BoundViolation(), text, [cold, ok], core)
    assert [f.evidence["rule"] for f in found] == ["above-absolute-zero"]
    assert "kelvin" in found[0].message


def test_bound_integer(tmp_path):
    p = tmp_path / "i.yaml"
    p.write_text("bounds:\n  - {id: whole-people, subject: people, integer: true}\n", encoding="utf-8")
    rs = load_rules([p])
    text = "2.5 people and 3 people"
    half = count(text, "2.5", 2.5, subject="people")
    whole = count(text, "3 people", 3, subject="people")
    assert [f.evidence["rule"] for f in run(BoundViolation(), text, [half, whole], rs)] == ["whole-people"]


# ---------------------------------------------------------------- NC303 dimensions


def test_dimension_mismatch(war):
    text = "across the 1,000-hour front and the 1,000km front"
    bad = claim(text, "1,000-hour", kind="duration", value=1000, low=1000, high=1000, unit="hour",
                timex="PT1000H", subject="front")
    good = km(text, "1,000km", 1000)
    (f,) = run(DimensionMismatch(), text, [bad, good], war)
    assert f.code == "NC303" and (f.start, f.end) == (bad.start, bad.end)
    assert f.evidence["rule"] == "dimensions:front" and f.evidence["expected"] == "length" and f.evidence["found"] == "time"


def test_dimension_core_and_unknown_subjects(core):
    text = "a height of 30kg and a 30kg parcel"
    bad = claim(text, "30kg", kind="measure", value=30, low=30, high=30, unit="kilogram",
                canonical=Canonical(30, "kilogram"), subject="height", dimension="mass")
    other = claim(text, "30kg parcel", kind="measure", value=30, low=30, high=30, unit="kilogram",
                  canonical=Canonical(30, "kilogram"), subject="parcel", dimension="mass")
    found = run(DimensionMismatch(), text, [bad, other], core)
    assert [f.start for f in found] == [bad.start]


def test_dimension_ignores_counts_and_percent(war):
    text = "a 5% front"
    assert run(DimensionMismatch(), text, [pct(text, "5%", 5, subject="front")], war) == []


# ---------------------------------------------------------------- NC304 event durations


@pytest.mark.parametrize("published,n,flagged", [
    (date(2025, 2, 1), 3, False),   # 2.94 years rounds to 3
    (date(2025, 2, 1), 5, True),
    (date(2025, 2, 1), 2, True),    # 2.94 is not 2 (and 10.9 years since 2014 is not either)
    (date(2025, 2, 1), 11, False),  # fits the war dated from 2014
    (date(2024, 9, 1), 3, False),   # 2.52 years: still "three-year" within rounding
    (date(2024, 6, 1), 3, True),    # 2.27 years
])
def test_event_duration(war, published, n, flagged):
    words = {2: "two", 3: "three", 5: "five", 11: "11"}[n]
    text = f"a major escalation in the {words}-year conflict."
    c = years(text, f"{words}-year", n)
    found = run(EventDuration(), text, [c], war, published=published)
    assert bool(found) == flagged
    if flagged:
        (f,) = found
        assert f.code == "NC304" and f.evidence["rule"] == "full-scale-invasion"
        assert f.evidence["start"] == "2022-02-24" and "2022-02-24" in f.message
        assert f.suggestion is None  # two events go by "the conflict": which one is meant is not certain


def test_event_duration_qualifiers(war):
    text = "the nearly five-year war, the nearly three-year war"
    far = years(text, "nearly five-year", 5, subject="war", q="<", low=4.5, high=5)
    near = years(text, "nearly three-year", 3, subject="war", q="<", low=2.7, high=3)
    found = run(EventDuration(), text, [far, near], war)
    assert [f.start for f in found] == [far.start]


def test_event_duration_needs_date_and_named_event(war):
    text = "the five-year conflict; a five-year plan; the five-year Syrian conflict"
    c1 = years(text, "five-year", 5)
    assert run(EventDuration(), text, [c1], war, published=None) == []
    plan = claim(text, "five-year plan", kind="duration", value=5, low=5, high=5, unit="year", timex="P5Y", subject="plan")
    syria = claim(text, "five-year Syrian", kind="duration", value=5, low=5, high=5, unit="year", timex="P5Y", subject="Syrian conflict")
    assert run(EventDuration(), text, [plan, syria], war) == []
    text2 = "families separated by nearly 30 years of war"  # another war: no "the war" written here
    bare = claim(text2, "nearly 30 years", kind="duration", value=30, low=27, high=30, qualifier="<", unit="year", timex="P30Y", subject="war")
    assert run(EventDuration(), text2, [bare], war) == []


def test_event_duration_months_and_ended_events(tmp_path):
    p = tmp_path / "e.yaml"
    p.write_text(textwrap.dedent("""
        events:
          - {id: siege, date: [2022-02-24, 2022-05-20], aliases: [the siege]}
          - {id: incursion, date: 2024-08-06, ongoing: true, aliases: [the incursion]}
    """), encoding="utf-8")
    rs = load_rules([p])
    text = "the three-month siege; the six-month incursion; the 12-month siege"
    siege = years(text, "three-month", 3, subject="siege", unit="M")
    inc = years(text, "six-month", 6, subject="incursion", unit="M")
    long = years(text, "12-month", 12, subject="siege", unit="M")
    found = run(EventDuration(), text, [siege, inc, long], rs, published=date(2025, 2, 1))
    assert [f.start for f in found] == [long.start]
    assert "2022-05-20" in found[0].message
    assert found[0].suggestion == "3-month"  # one event is "the siege": its length, as the text writes one


# ---------------------------------------------------------------- end to end with extract()


def _article() -> str:
    return ARTICLE.read_text(encoding="utf-8")


def _e2e(text, rules):
    import numcheck

    return numcheck.check(text, rules=rules)


def test_example_article_passes_with_example_rules():
    findings = _e2e(_article(), [EXAMPLE])
    assert [f.to_dict() for f in findings] == []


def test_example_article_passes_with_core_rules():
    assert [f.to_dict() for f in _e2e(_article(), None)] == []


@pytest.mark.parametrize("old,new,code,rule,line", [
    ("three-year conflict", "five-year conflict", "NC304", "full-scale-invasion", 12),
    ("1,000-kilometre front", "3,000-kilometre front", "NC301", "front-line-length", 14),
    ("more than 10,000 troops", "more than 100,000 troops", "NC301", "nk-troops-kursk", 1),
])
def test_changed_article_fails_with_rule_cited(old, new, code, rule, line):
    text = _article()
    assert old in text
    findings = _e2e(text.replace(old, new), [EXAMPLE])
    ours = [f for f in findings if f.code.startswith("NC3")]
    assert [(f.code, f.evidence["rule"], f.line) for f in ours] == [(code, rule, line)]
    f = ours[0]
    assert f.evidence["file"] == str(EXAMPLE) and f.evidence["line"] > 0 and f.evidence["source"]
    assert f"rule {rule}" in f.message and f.message.startswith("found ")
    assert [f for f in findings if f.severity in ("warning", "error") and not f.code.startswith("NC3")] == []


def test_rules_accept_ruleset_and_paths():
    import numcheck

    rs = numcheck.load_rules([EXAMPLE])
    text = _article().replace("three-year conflict", "five-year conflict")
    assert [f.code for f in numcheck.check(text, rules=rs)] == ["NC304"]
    assert [f.code for f in numcheck.check(text, rules=str(EXAMPLE))] == ["NC304"]
    assert numcheck.check(text) == []  # core rules only: no events, no finding


@pytest.mark.parametrize("new,code,rule,text", [
    ("1,000-hour front", "NC303", "dimensions:front", "expected a length"),
    ("1,000-kilogram front", "NC303", "dimensions:front", "found a mass"),
    ("front, where more than 120% of the population live", "NC302", "share-of-whole", "expected at most 100%"),
    ("front, home to a 135-year-old man", "NC302", "human-age", "found 135"),
    ("front at -300C", "NC302", "above-absolute-zero", "found -300C (-26.85 kelvin)"),
])
def test_changed_article_bounds_and_dimensions(new, code, rule, text):
    findings = _e2e(_article().replace("1,000-kilometre front", new), [EXAMPLE])
    assert [(f.code, f.evidence["rule"]) for f in findings] == [(code, rule)], [f.message for f in findings]
    assert text in findings[0].message


def test_one_matching_fact_that_holds_is_enough(tmp_path):
    p = tmp_path / "two.yaml"
    p.write_text(textwrap.dedent("""
        facts:
          - {id: nk-total, subject: troops, value: 1200000, tolerance: 10%, context: [North Korea]}
          - {id: nk-kursk, subject: troops, value: [10000, 12000], tolerance: 10%, context: [North Korea]}
    """), encoding="utf-8")
    rs = load_rules([p])
    text = "North Korea has 1.2 million troops; North Korea sent 500,000 troops."
    total = count(text, "1.2 million", 1_200_000, subject="troops")
    odd = count(text, "500,000", 500_000, subject="troops")
    found = run(FactMismatch(), text, [total, odd], rs)
    assert [(f.start, f.evidence["rule"]) for f in found] == [(odd.start, "nk-total")]


def test_dimension_from_unit_table_or_silence(core):
    text = "the 17m per second speed; a 9 widget/hour speed"
    fast = claim(text, "17m per second", kind="measure", value=17, low=17, high=17, unit="meter / second",
                 subject="speed", dimension="compound")
    odd = claim(text, "9 widget/hour", kind="measure", value=9, low=9, high=9, unit="widget / hour",
                subject="speed", dimension="compound")
    assert run(DimensionMismatch(), text, [fast, odd], core) == []


# ---------------------------------------------------------------- NC305 event dates

from numcheck.checks.rules import EventDate  # noqa: E402


def day(text, surface, start, end, nth=0):
    i = -1
    for _ in range(nth + 1):
        i = text.index(surface, i + 1)
    return Claim(text=surface, start=i, end=i + len(surface), kind="date", timex=start[:7], date_start=start, date_end=end)


@pytest.mark.parametrize("sentence,surface,start,end,flagged", [
    ("Russia launched its full-scale invasion in February 2023.", "February 2023", "2023-02-01", "2023-02-28", True),
    ("Russia launched its full-scale invasion in February 2022.", "February 2022", "2022-02-01", "2022-02-28", False),
    ("The full-scale invasion began on 24 February 2022.", "24 February 2022", "2022-02-24", "2022-02-24", False),
    ("The full-scale invasion began on 23 February 2022.", "23 February 2022", "2022-02-23", "2022-02-23", True),
    ("Russia's February 2023 full-scale invasion shocked Europe.", "February 2023", "2023-02-01", "2023-02-28", True),
    ("Since the full-scale invasion in 2021, many fled.", "2021", "2021-01-01", "2021-12-31", True),
    ("During the full-scale invasion in 2023, many fled.", "2023", "2023-01-01", "2023-12-31", False),  # ongoing
    ("The annexation of Crimea in March 2014 was condemned.", "March 2014", "2014-03-01", "2014-03-31", False),
    ("The annexation of Crimea was signed in March 2015.", "March 2015", "2015-03-01", "2015-03-31", True),
    ("The war began in 2021.", "2021", "2021-01-01", "2021-12-31", False),  # "the war": too common a name
    ("The 2014 invasion of Crimea.", "2014", "2014-01-01", "2014-12-31", False),
    ("Ukraine launched a shock cross-border offensive in August.", "August", "2024-08-01", "2024-08-31", False),
])
def test_event_date(war, sentence, surface, start, end, flagged):
    c = day(sentence, surface, start, end)
    found = run(EventDate(), sentence, [c], war)
    assert bool(found) == flagged, [f.message for f in found]
    if flagged:
        (f,) = found
        assert f.code == "NC305" and f.name == "event-date-mismatch" and f.evidence["rule"] in ("full-scale-invasion", "crimea-annexation")
        assert f.evidence["file"] == str(EXAMPLE) and f"rule {f.evidence['rule']}" in f.message


def test_event_date_end_to_end():
    text = _article().replace("Russia in 2022 said", "Russia, which launched its full-scale invasion in February 2023, in 2022 said")
    findings = _e2e(text, [EXAMPLE])
    assert [(f.code, f.evidence["rule"], text[f.start:f.end]) for f in findings] == [("NC305", "full-scale-invasion", "February 2023")]
