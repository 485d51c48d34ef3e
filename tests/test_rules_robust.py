"""NC3xx and NC5xx never crash: any well-formed claim, any rules, any publication date."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from numcheck.checks import family
from numcheck.checks.base import Context
from numcheck.model import KINDS, QUALIFIERS, Canonical, Claim
from numcheck.rules import load_rules

RULE_CHECKS = family("rules")
STYLE_CHECKS = family("style")

REPO = Path(__file__).resolve().parents[1]
TEXT = ("Pyongyang sent more than 10,000 North Korean troops to the 1,000-kilometre front in the three-year "
        "conflict; 3 villages, fifteen soldiers, 5 per cent of voters, about 12,345 people, a 600-mile (965.6km) road.")
UNITS = ["", "kilometer", "mile", "year", "month", "percent", "USD", "degree_Celsius", "megawatt", "nonsense_unit"]
SUBJECTS = ["", "troops", "North Korean soldiers", "front", "conflict", "war", "people", "man", "height", "the", "???"]
TIMEX = [None, "P3Y", "P6M", "P2W", "P10D", "P1DE", "PT5H", "XXXX", "P0Y"]
_num = st.one_of(st.none(), st.floats(-1e12, 1e12, allow_nan=False), st.integers(-5, 200).map(float))


@st.composite
def claims(draw):
    a = draw(st.integers(0, len(TEXT)))
    b = draw(st.integers(a, min(len(TEXT), a + 30)))
    low, high = draw(_num), draw(_num)
    if low is not None and high is not None and low > high:
        low, high = high, low
    value = draw(_num)
    canon = draw(st.one_of(st.none(), st.builds(Canonical, _num.filter(lambda v: v is not None), st.sampled_from(["", "meter", "second", "kelvin", "USD"]))))
    return Claim(
        text=TEXT[a:b], start=a, end=b, kind=draw(st.sampled_from(KINDS)), value=value, low=low, high=high,
        range=draw(st.booleans()), qualifier=draw(st.sampled_from(QUALIFIERS)), change=draw(st.sampled_from([None, None, "up"])),
        unit=draw(st.sampled_from(UNITS)), canonical=canon, subject=draw(st.sampled_from(SUBJECTS)),
        timex=draw(st.sampled_from(TIMEX)), step=draw(st.sampled_from([None, 1.0, 0.1, 1e8])),
        dimension=draw(st.sampled_from(["", "length", "[length]", "time", "temperature", "mass"])),
    )


@pytest.fixture(scope="module")
def everything():
    return load_rules([REPO / "rules" / "examples" / "russia-ukraine-war.yaml", REPO / "rules" / "style" / "guardian.yaml"])


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cs=st.lists(claims(), max_size=8), pub=st.one_of(st.none(), st.dates(date(1900, 1, 1), date(2100, 1, 1))))
def test_checks_never_crash(everything, cs, pub):
    cs.sort(key=lambda c: (c.start, c.end))
    ctx = Context(text=TEXT, claims=tuple(cs), published=pub, published_end=pub, rules=everything)
    for check in (*RULE_CHECKS, *STYLE_CHECKS):
        for f in check.run(ctx):
            assert 0 <= f.start <= f.end <= len(TEXT) and f.message and "\n" not in f.message
            if f.code.startswith("NC3"):
                assert {"rule", "file", "line", "source"} <= set(f.evidence)
