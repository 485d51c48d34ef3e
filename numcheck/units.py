"""The one unit table: data/units.tsv, pint-style relations read into units with their factors to base units.

Each row defines a unit from others ("mile = 1760 * yard", "kilometer" = kilo- x
meter) and the factors are multiplied out here, once per process, in about a
millisecond; building pint's own registry would cost half a second, so the
runtime never imports pint.  tests/test_units.py checks every unit against pint.
Extraction (``extract.lexicon``) reads the surfaces, rule files
(``rules.units``) the names; both get the same ``Unit`` objects.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources


@dataclass(frozen=True)
class Unit:
    """A unit with what it takes to put a value in base units: ``value * factor + offset``."""

    name: str          # pint unit name, e.g. "kilometer"; an ISO 4217 code for money in rule files
    kind: str          # measure | duration | temperature (count, money, percent in rule files)
    dimension: str     # length, area, mass, time, ...
    factor: float      # base units per unit
    offset: float      # added after scaling (temperatures)
    base: str          # pint base units of the canonical value
    surfaces: tuple[str, ...] = ()  # how it is written after a number; "=" prefix: case-sensitive

    def to_base(self, value: float) -> float:
        return value * self.factor + self.offset


# a unit's factor and its base units with exponents: (1000.0, {"meter": 1}) for kilometer
_Quantity = tuple[float, dict[str, int]]
_TOKEN = re.compile(r"\*\*|[*/]|[^\s*/]+")
_VOWELS = frozenset("aeiouy")


def plural(phrase: str) -> str | None:
    """The plural pint's rule gives a written name (+"s" on its last word), or None where that rule would
    make a wrong word (inch, century) or the name is an abbreviation (km): those plurals are written out."""
    head, _, word = phrase.rpartition(" ")
    if not _VOWELS.intersection(word) or word.endswith(("s", "x", "z", "ch", "sh")) \
            or (word.endswith("y") and word[-2:-1] not in "aeiou"):
        return None
    return f"{head} {word}s" if head else word + "s"


@dataclass(frozen=True)
class _Row:
    name: str
    definition: str
    names: tuple[str, ...]
    written: tuple[str, ...]
    dimension: str


class _Table:
    """The parsed file: prefixes, named dimensions and unit rows, with the relations evaluated on demand."""

    def __init__(self, text: str) -> None:
        self.prefixes: dict[str, float] = {}
        self.dimensions: dict[str, dict[str, int]] = {}   # "area" -> {"length": 2}
        self.rows: dict[str, _Row] = {}
        self.base_dimension: dict[str, str] = {}          # base unit -> its dimension: meter -> length
        self._memo: dict[str, _Quantity] = {}
        for line in text.splitlines():
            if line.strip() and not line.startswith("#") and not line.startswith("name\t"):
                self._read_line(line.rstrip("\n").split("\t"))

    def _read_line(self, cols: list[str]) -> None:
        key = cols[0].strip()
        if key.endswith("-"):
            self.prefixes[key[:-1]] = float(cols[1])
        elif key.startswith("["):
            self.dimensions[key.strip("[]")] = self._dimensions_of(cols[1])
        else:
            cols += [""] * (5 - len(cols))
            row = _Row(key, cols[1].strip(), _split(cols[2]), _split(cols[3]), cols[4].strip())
            if key in self.rows:
                raise ValueError(f"units.tsv: {key!r} is defined twice")
            self.rows[key] = row
            if row.definition.startswith("["):
                self.base_dimension[key] = row.definition.strip("[]")
                self.dimensions.setdefault(row.definition.strip("[]"), {row.definition.strip("[]"): 1})

    def _dimensions_of(self, expr: str) -> dict[str, int]:
        """ "[length] ** 2 / [time]" -> {"length": 2, "time": -1}."""
        out: dict[str, int] = {}
        for sign, name, power in _terms(expr):
            if name != "1":
                out[name.strip("[]")] = out.get(name.strip("[]"), 0) + sign * power
        return {k: v for k, v in out.items() if v}

    def quantity(self, name: str, seen: tuple[str, ...] = ()) -> _Quantity:
        """The factor and base units of a unit name, a prefixed name or an expression of units."""
        if name in self._memo:
            return self._memo[name]
        if name in seen:
            raise ValueError(f"units.tsv: {name!r} is defined in terms of itself")
        row = self.rows.get(name)
        if row is not None and row.definition.startswith("["):
            got: _Quantity = (1.0, {name: 1})
        elif row is not None and row.definition:
            got = self._expression(row.definition.split(";")[0], (*seen, name))
        elif any(c in name for c in " */"):
            got = self._expression(name, (*seen, name))
        else:
            got = self._prefixed(name, (*seen, name))
        self._memo[name] = got
        return got

    def _prefixed(self, name: str, seen: tuple[str, ...]) -> _Quantity:
        """ "kilometer" -> kilo- x meter; "megawatt_hour" -> mega- x watt_hour."""
        for prefix, mult in self.prefixes.items():
            rest = name[len(prefix):]
            if name.startswith(prefix) and rest in self.rows:
                factor, bases = self.quantity(rest, seen)
                return factor * mult, bases
        raise ValueError(f"units.tsv: {name!r} has no definition, and is no prefix of a unit in the table")

    def _expression(self, expr: str, seen: tuple[str, ...]) -> _Quantity:
        """ "1760 * yard", "pi / 180 * radian", "kilogram * meter / second ** 2", read left to right."""
        factor = 1.0
        bases: dict[str, int] = {}
        for sign, name, power in _terms(expr):
            f, b = self._term(name, seen)
            factor *= f ** (sign * power)
            for unit, e in b.items():
                bases[unit] = bases.get(unit, 0) + sign * power * e
        return factor, {k: v for k, v in bases.items() if v}

    def _term(self, name: str, seen: tuple[str, ...]) -> _Quantity:
        if name == "pi":
            return math.pi, {}
        try:
            return float(name), {}
        except ValueError:
            return self.quantity(name, seen)

    def unit(self, row: _Row) -> Unit:
        """The row as a Unit: factor, offset and base computed, dimension and kind named, plurals made."""
        factor, bases = self.quantity(row.name)
        dims: dict[str, int] = {}
        for base, e in bases.items():
            dims[self.base_dimension[base]] = dims.get(self.base_dimension[base], 0) + e
        dimension = row.dimension or next((n for n, d in self.dimensions.items() if d == dims), "")
        if not dimension:
            raise ValueError(f"units.tsv: {row.name!r} has dimensions {dims} that no [dimension] row names")
        kind = "duration" if dimension == "time" else "temperature" if dimension == "temperature" else "measure"
        surfaces = [*row.names, *(p for p in map(plural, row.names) if p), *row.written]
        return Unit(name=row.name, kind=kind, dimension=dimension, factor=factor, offset=_offset(row.definition),
                    base=base_text(bases), surfaces=tuple(dict.fromkeys(surfaces)))


def _split(cell: str) -> tuple[str, ...]:
    return tuple(s for s in cell.strip().split("|") if s)


def _terms(expr: str) -> list[tuple[int, str, int]]:
    """(sign, name, power) for each term of "a * b ** 2 / c": (1, a, 1), (1, b, 2), (-1, c, 1)."""
    tokens = _TOKEN.findall(expr)
    out: list[tuple[int, str, int]] = []
    sign, i = 1, 0
    while i < len(tokens):
        tok = tokens[i]
        if tok in ("*", "/"):
            sign = 1 if tok == "*" else -1
            i += 1
            continue
        power = 1
        if tokens[i + 1:i + 2] == ["**"]:
            power = int(tokens[i + 2])
            i += 2
        out.append((sign, tok, power))
        i += 1
    return out


def _offset(definition: str) -> float:
    """ "kelvin; offset: 273.15" -> 273.15."""
    _, _, rest = definition.partition(";")
    return float(rest.split(":", 1)[1]) if rest.strip() else 0.0


def base_text(bases: dict[str, int]) -> str:
    """Base units as pint prints them: numerator terms sorted, then each denominator term: "kilogram / meter / second ** 2"."""
    def term(name: str, e: int) -> str:
        return name if abs(e) == 1 else f"{name} ** {abs(e)}"
    up = [term(n, e) for n, e in sorted(bases.items()) if e > 0]
    down = [term(n, e) for n, e in sorted(bases.items()) if e < 0]
    return " / ".join([" * ".join(up) or "1", *down]) if down else " * ".join(up) or "dimensionless"


def _data_text() -> str:
    return (resources.files("numcheck") / "data" / "units.tsv").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def _table() -> _Table:
    """The units file, parsed once for every reader of it."""
    return _Table(_data_text())


@lru_cache(maxsize=1)
def load_units() -> dict[str, Unit]:
    """All units by pint name, in file order."""
    table = _table()
    return {name: table.unit(row) for name, row in table.rows.items()}


@lru_cache(maxsize=1)
def named_compounds() -> dict[str, str]:
    """A compound the table names, by the units it is made of: "oil_barrel / day" -> "barrel / day", so that
    "340,000-barrel-per-day", read unit by unit, is the unit "340,000 barrels per day" is."""
    return {row.definition: name for name, row in _table().rows.items()
            if " / " in name and row.definition and not any(ch.isdigit() for ch in row.definition)}


@lru_cache(maxsize=1)
def dimension_names() -> tuple[str, ...]:
    """Every dimension the table names, base and derived."""
    return tuple(sorted(_table().dimensions))


def convert(value: float, from_unit: str, to_unit: str) -> float:
    """Convert between two units of the table (same dimension), through base units."""
    units = load_units()
    a, b = units[from_unit], units[to_unit]
    if a.dimension != b.dimension:
        raise ValueError(f"cannot convert {from_unit} ({a.dimension}) to {to_unit} ({b.dimension})")
    return (a.to_base(value) - b.offset) / b.factor
