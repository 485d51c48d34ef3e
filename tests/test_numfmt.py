"""numcheck.numfmt: numbers in messages and suggestions as the text writes them, one value for a degenerate interval,
evidence rounded to meaningful digits."""
from __future__ import annotations

from datetime import date

import json
import math

import pytest

import numcheck
from numcheck import extract
from numcheck import numfmt as nf
from numcheck.tolerance import Interval


def claim(text: str, surface: str | None = None):
    """The claim of ``text`` whose surface is ``surface`` (the first claim when None)."""
    found = extract(text)
    return found[0] if surface is None else next(c for c in found if c.text == surface)


def test_computed_numbers() -> None:
    assert nf.fmt(7_380_000_000) == "7.38bn"
    assert nf.fmt(621.37) == "621"
    assert nf.fmt(12_575) == "12,575"
    assert nf.number(0.18976) == "0.19" and nf.number(12.0) == "12" and nf.number(1e-7) == "0.0000001"
    assert nf.number(math.inf) == "∞" and nf.signed(-12.34) == "-12.3" and nf.signed(20) == "+20"
    assert nf.rel_diff(11.8, 7.38) == "+60%"
    assert nf.rel_diff(1_083_500, 1_082.68) == "x1,000"  # never "x1e+03"
    assert nf.rel_diff(3.35e6, 3.5) == "x957,000"


@pytest.mark.parametrize("text,surface,lead,sign,figure,scale,tail", [
    ("The tower is 330 metres (1,083,500 feet) tall.", "1,083,500 feet", "", "", "1,083,500", "", " feet"),
    ("It has about 1,000km of front.", "about 1,000km", "about ", "", "1,000", "", "km"),
    ("It holds £12m in cash.", "£12m", "", "£", "12", "m", ""),
    ("Profits were 5.65bn euros.", "5.65bn euros", "", "", "5.65", "bn", " euros"),
    ("They paid US$5m for it.", "US$5m", "", "US$", "5", "m", ""),
    ("It fell 64 pence.", "64 pence", "", "", "64", "", " pence"),
    ("It grew 2 per cent.", "2 per cent", "", "", "2", "", " per cent"),
    ("Five people died.", "Five", "", "", "Five", "", ""),
    ("The 1 083 500 feet were climbed.", "1 083 500 feet", "", "", "1 083 500", "", " feet"),
])
def test_layout_reads_the_number_as_written(text, surface, lead, sign, figure, scale, tail) -> None:
    lay = nf.layout(claim(text, surface))
    assert (lay.lead, lay.sign, lay.figure, lay.scale, lay.tail) == (lead, sign, figure, scale, tail)
    assert lay.lead + lay.sign + lay.figure + lay.scale + lay.tail == surface


def test_display_unit_is_the_unit_as_written() -> None:
    """The regression: a unit read off the text after a thousands separator gave ",083,500 feet"."""
    assert nf.display_unit(claim("The tower is 330 metres (1,083,500 feet) tall.", "1,083,500 feet")) == "feet"
    assert nf.display_unit(claim("The lifts move at 61km/h.")) == "km/h"
    assert nf.display_unit(claim("A 1,000-kilometre front.")) == "kilometres"


def test_amount_copies_the_claims_style() -> None:
    feet = claim("The tower is 330 metres (1,083,500 feet) tall.", "1,083,500 feet")
    assert nf.amount(1082.68, like=feet) == "1,083 feet"
    money = claim("It holds £12m in cash.")
    assert nf.amount(47e6, like=money) == "£47m" and nf.amount(8.4e6, like=money) == "£8.4m"
    assert nf.amount(-2e6, like=money, signed=True) == "-£2m"
    assert nf.amount(3.5, like=money) == "£3.5"  # no "£0.0000035m"
    euros = claim("Profits were 5.65bn euros.")
    assert nf.amount(7.351e9, like=euros) == "7.35bn euros"
    assert nf.amounts(24.1e9, 25.1e9, like=euros) == "24.1bn-25.1bn euros"
    pct = claim("It grew 25 per cent.")
    assert nf.amount(12.34, like=pct, signed=True) == "+12.3 per cent"
    spent = claim("Salaries take $1.4 billion.")
    assert nf.amount(1.4e9, like=spent, step=100000000.00000001) == "$1.4 billion"  # a step with float noise
    adjective = claim("A 1,000-kilometre front.")
    assert nf.amount(621.4, like=adjective) == "621 kilometres"
    assert nf.amount(3, like=claim("Five people died.")) == "3"  # figures in messages, never words
    assert nf.amount(1_951_650, like=claim("It cost $3,000,000.")) == "$1,952,000"


def test_amount_puts_a_singular_currency_name_in_the_plural() -> None:
    one = claim("Entry costs less than one US dollar.")
    assert nf.amount(6.35, like=one) == "6.35 US dollars" and nf.amount(1, like=one) == "1 US dollar"
    assert nf.amount(2, like=claim("It costs 1 euro.")) == "2 euros"
    assert nf.amount(2, like=claim("It costs 1 yen.")) == "2 yen"  # no plural listed: the name stays


@pytest.mark.parametrize("text,surface,value,allowed,expected", [
    ("The tower is 330 metres (1,083,500 feet) tall.", "1,083,500 feet", 1082.68, None, "1,083 feet"),
    ("It runs 1,000km (900 miles).", "900 miles", 621.37, None, "620 miles"),  # "900" states two figures at most
    ("It earned $11.8bn.", "$11.8bn", 7.351e9, None, "$7.4bn"),
    ("It earned £481.5m.", "£481.5m", 336.62e6, None, "£336.6m"),
    ("It cost $3,000,000.", "$3,000,000", 1_951_650, None, "$2,000,000"),
    ("Five people died.", "Five", 6, None, "Six"),
    ("Twenty-one people died.", "Twenty-one", 22, None, "Twenty-two"),
    ("It grew 2% in a year.", "2%", 0.19, Interval(0.14, 0.24), "0.2%"),  # 0% would undo the fix: a digit more
    ("The 58-year-old spoke.", "58-year-old", 64, None, "64-year-old"),
    ("It fell 64 pence.", "64 pence", 0.45, None, "45 pence"),
    ("It has about 1,000km of front.", "about 1,000km", 621.4, None, "about 620km"),
])
def test_restate_keeps_the_writers_style_and_precision(text, surface, value, allowed, expected) -> None:
    assert nf.restate(claim(text, surface), value, allowed) == expected


def test_restate_declines_when_no_text_fits() -> None:
    c = claim("Five people died.")
    assert nf.restate(c, 5) is None  # the text already says so
    assert nf.restate(c, 6, Interval(6.2, 6.4)) is None  # people come whole: no 6.3 people
    assert nf.restate(claim("between 5 and 7 km"), 6) is None  # a range has no one number to replace
    assert nf.restate(claim("It earned $11.8bn."), math.nan) is None


def test_between_never_prints_a_degenerate_range() -> None:
    assert nf.between(9.43, 9.43, render=lambda x: f"{x:.1f}") == "9.4"
    assert nf.between(9.41, 9.44, render=lambda x: f"{x:.1f}") == "9.4"
    assert nf.between(8.9, 10.0, render=lambda x: f"{x:.1f}") == "8.9-10.0"
    assert nf.days(date(2024, 6, 2), date(2024, 6, 2)) == "2024-06-02"
    assert nf.days(date(2024, 8, 1), date(2024, 8, 31)) == "2024-08-01 to 2024-08-31"


def test_evidence_is_rounded_and_json_honest() -> None:
    assert nf.evidence(1066.2729658792653, step=1.0) == 1066.27  # two digits beyond the stated unit
    assert nf.evidence(45_512_345.0, step=1e6) == 45_510_000.0
    assert nf.evidence(3.280839895013124) == 3.28084
    assert nf.rate(1.2967432) == 1.2967 and nf.rate(138.2344) == 138.23
    tidy = nf.tidy({"a": [0.5999999999999996, math.inf], "b": (1, 2), "c": "x", "d": True, "e": {"f": 14.000000000000002}})
    assert tidy == {"a": [0.6, None], "b": [1, 2], "c": "x", "d": True, "e": {"f": 14.0}}
    json.loads(json.dumps(tidy, allow_nan=False))


def test_rounding_to_a_step_that_underflows_leaves_the_value():
    """Hypothesis found a count of 5e-324: its rounding step, 10 ** -330, is 0.0 as a float (DivisionByZero)."""
    from numcheck.numfmt import _round

    assert _round(5e-324, 0.0) == 5e-324
    assert _round(7.35, 0.1) == 7.4


def test_a_figure_grouped_in_lakhs_is_written_so() -> None:
    """"Rs 10,20,838 crore" groups in lakhs: a message and a suggestion write sums in its units the same way, not as
    "1,021bn" (the layout once read no figure there)."""
    text = "The budget of Rs 10,20,838 crore comprises plan expenditure of Rs 3,25,149 crore and non-plan expenditure of Rs 7,95,689 crore."
    [f] = [f for f in numcheck.check(text) if f.code == "NC109"]
    assert "Rs 3,25,149 crore + Rs 7,95,689 crore = Rs 11,20,838 crore" in f.message
    assert f.suggestion == "Rs 11,20,838 crore"
