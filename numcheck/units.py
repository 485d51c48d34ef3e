"""The unit table: pint's facts about the units news text uses, cached in data/units.tsv.

Reading the table costs a millisecond; building pint's registry costs half a
second, so the runtime only reads.  ``python -m numcheck.units --rebuild``
refills the numeric columns from pint, and the tests compare every row with
pint so the cache cannot drift.
"""
from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Unit:
    name: str          # pint unit name, e.g. "kilometer"
    kind: str          # measure | duration | temperature
    dimension: str     # length, area, mass, time, ...
    factor: float      # base units per unit
    offset: float      # added after scaling (temperatures)
    base: str          # pint base units of the canonical value
    surfaces: tuple[str, ...]  # how it is written; "=" prefix: case-sensitive

    def to_base(self, value: float) -> float:
        return value * self.factor + self.offset


def _data_path():
    return resources.files("numcheck") / "data" / "units.tsv"


@lru_cache(maxsize=1)
def load_units() -> dict[str, Unit]:
    """All units by pint name, in file order."""
    units: dict[str, Unit] = {}
    header = None
    for line in _data_path().read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = line.split("\t")
        if header is None:
            header = cols
            continue
        row = dict(zip(header, cols))
        units[row["name"]] = Unit(
            name=row["name"], kind=row["kind"], dimension=row["dimension"],
            factor=float(row["factor"]), offset=float(row["offset"]), base=row["base"],
            surfaces=tuple(s for s in row["surfaces"].split("|") if s),
        )
    return units


def convert(value: float, from_unit: str, to_unit: str) -> float:
    """Convert between two units of the table (same dimension), through base units."""
    units = load_units()
    a, b = units[from_unit], units[to_unit]
    if a.dimension != b.dimension:
        raise ValueError(f"cannot convert {from_unit} ({a.dimension}) to {to_unit} ({b.dimension})")
    return (a.to_base(value) - b.offset) / b.factor


# Names pint reads differently from news ("decade" is pint's logarithmic unit).
PINT_EXPRESSIONS = {"decade": "10 * year", "barrel / day": "oil_barrel / day"}


def pint_row(name: str) -> tuple[float, float, str]:
    """(factor, offset, base) for a unit, computed by pint.  Slow: maintenance and tests only."""
    ureg = _registry()
    expr = PINT_EXPRESSIONS.get(name, name)
    zero = (0 * ureg(expr)).to_base_units() if name in PINT_EXPRESSIONS else ureg.Quantity(0, name).to_base_units()
    one = ureg(expr).to_base_units() if name in PINT_EXPRESSIONS else ureg.Quantity(1, name).to_base_units()
    offset = float(zero.magnitude)
    return float(one.magnitude) - offset, offset, str(one.units)


@lru_cache(maxsize=1)
def _registry():
    import pint

    ureg = pint.UnitRegistry(autoconvert_offset_to_baseunit=True)
    ureg.define("teraelectron_volt = 1e12 * electron_volt")
    return ureg


def rebuild() -> None:
    """Refill factor/offset/base in data/units.tsv from pint (keeps names, kinds and surfaces)."""
    path = _data_path()
    out = []
    header = None
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            out.append(line)
            continue
        cols = line.split("\t")
        if header is None:
            header = cols
            out.append(line)
            continue
        row = dict(zip(header, cols))
        if row["dimension"] not in ("loudness",):
            factor, offset, base = pint_row(row["name"])
            row.update(factor=repr(factor).rstrip("0").rstrip(".") if "e" not in repr(factor) else repr(factor),
                       offset=f"{offset:g}" if offset == 0 else repr(offset), base=base)
        out.append("\t".join(row[h] for h in header))
    with open(str(path), "w", encoding="utf-8") as fh:
        fh.write("\n".join(out) + "\n")


if __name__ == "__main__":  # pragma: no cover
    if sys.argv[1:] == ["--rebuild"]:
        rebuild()
    else:
        print("usage: python -m numcheck.units --rebuild", file=sys.stderr)
        sys.exit(2)
