"""The unit table (numcheck/data/units.tsv) is a cache of pint: every row must agree with pint."""
from __future__ import annotations

import pytest

from numcheck.units import convert, load_units, pint_row

UNITS = load_units()


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
