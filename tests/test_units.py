"""The unit table (numcheck/data/units.tsv): its relations give pint's factors, its plurals pint's rule.

numcheck never builds pint's registry at run time; this test does, and checks
every factor, offset and base unit the table's relations produce against pint.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Any

import pytest

from numcheck.rules import units as rule_units
from numcheck.units import _Table, base_text, convert, load_units, plural

UNITS = load_units()

# Names pint reads differently from news ("decade" is pint's logarithmic unit).
PINT_EXPRESSIONS = {"decade": "10 * year", "barrel / day": "oil_barrel / day", "ppb": "1e-3 * ppm"}


@lru_cache(maxsize=1)
def registry() -> Any:
    import pint

    ureg = pint.UnitRegistry(autoconvert_offset_to_baseunit=True)
    ureg.define("index_point = [index]")  # the dev set's guideline's unit for a stock index's points
    return ureg


def pint_row(name: str) -> tuple[float, float, str]:
    """(factor, offset, base) for a unit, computed by pint."""
    ureg = registry()
    expr = PINT_EXPRESSIONS.get(name)
    if expr is not None:
        one, zero = ureg(expr).to_base_units(), (0 * ureg(expr)).to_base_units()
    else:
        one, zero = ureg.Quantity(1, name).to_base_units(), ureg.Quantity(0, name).to_base_units()
    offset = float(zero.magnitude)
    return float(one.magnitude) - offset, offset, str(one.units)


@pytest.mark.parametrize("name", sorted(n for n, u in UNITS.items() if u.dimension != "loudness"))
def test_row_agrees_with_pint(name: str) -> None:
    unit = UNITS[name]
    factor, offset, base = pint_row(name)
    assert unit.factor == pytest.approx(factor, rel=1e-9)
    assert unit.offset == pytest.approx(offset, rel=1e-9, abs=1e-9)
    assert unit.base == base


def test_every_surface_is_unique_within_its_case_rule() -> None:
    seen: dict[str, str] = {}
    for unit in UNITS.values():
        for s in unit.surfaces:
            key = s[1:] if s.startswith("=") else s.lower()
            assert seen.setdefault(key, unit.name) == unit.name or s.startswith("="), f"{s!r} names {seen[key]} and {unit.name}"


def test_convert_through_base_units() -> None:
    assert convert(1000, "kilometer", "mile") == pytest.approx(621.371, rel=1e-5)
    assert convert(100, "degree_Celsius", "degree_Fahrenheit") == pytest.approx(212)
    with pytest.raises(ValueError):
        convert(1, "kilometer", "kilogram")


@pytest.mark.parametrize("written, want", [
    ("mile", "miles"), ("kilometre", "kilometres"), ("square metre", "square metres"), ("light year", "light years"),
    ("day", "days"), ("inch", None), ("century", None), ("celsius", None), ("km", None), ("box", None),
])
def test_plurals_follow_pints_rule(written: str, want: str | None) -> None:
    assert plural(written) == want


def test_generated_plurals_are_surfaces() -> None:
    assert "miles" in UNITS["mile"].surfaces and "square kilometres" in UNITS["kilometer ** 2"].surfaces
    assert "hectares" in UNITS["hectare"].surfaces and "inches" in UNITS["inch"].surfaces  # written out


@pytest.mark.parametrize("bases, want", [
    ({"meter": 1}, "meter"), ({"second": -1}, "1 / second"), ({"meter": 2, "second": -2}, "meter ** 2 / second ** 2"),
    ({"kilogram": 1, "meter": 2, "ampere": -1, "second": -3}, "kilogram * meter ** 2 / ampere / second ** 3"),
])
def test_base_units_print_as_pint_prints_them(bases: dict[str, int], want: str) -> None:
    assert base_text(bases) == want


TABLE = """kilo-\t1e3
[velocity]\t[length] / [time]
meter\t[length]\tmetre\t=m
second\t[time]
minute\t60 * second
kilometer\t\tkilometre\tkm
kilometer / minute
"""


def test_relations_prefixes_and_expressions_multiply_out() -> None:
    t = _Table(TABLE)
    units = {name: t.unit(row) for name, row in t.rows.items()}
    assert units["kilometer"].factor == 1000 and units["kilometer"].dimension == "length"
    assert units["kilometer / minute"].factor == pytest.approx(1000 / 60)
    assert units["kilometer / minute"].dimension == "velocity" and units["kilometer / minute"].base == "meter / second"
    assert units["minute"].kind == "duration"
    assert set(units["meter"].surfaces) == {"metre", "metres", "=m"}


@pytest.mark.parametrize("table, message", [
    ("meter\t[length]\nfoo\t2 * bar\n", "no definition"),
    ("a\t2 * b\nb\t2 * a\n", "in terms of itself"),
    ("meter\t[length]\nsecond\t[time]\nspeed\tmeter / second\n", r"no \[dimension\] row"),
    ("meter\t[length]\nmeter\t[length]\n", "defined twice"),
])
def test_a_broken_table_says_what_is_wrong(table: str, message: str) -> None:
    with pytest.raises(ValueError, match=message):
        t = _Table(table)
        for row in t.rows.values():
            t.unit(row)


def test_rules_and_extraction_share_the_units() -> None:
    """A rule file's "km" is the very unit extraction attaches to "5 km"."""
    from numcheck.extract.lexicon import lexicon

    assert rule_units.resolve("km") is UNITS["kilometer"] is lexicon().units_ci["km"]
    assert rule_units.resolve("newton").dimension == "force"
    assert rule_units.to_base(2.0, "kilometer") == 2000.0
