"""Units in rule files: "km", "kilometre" or "USD" -> the unit (its name, factor to base units and dimension).

Rules and extraction read the one unit table (``numcheck.units``, from
numcheck/data/units.tsv) and the currency table, so a rule's unit and a
claim's unit are spelled the same way; nothing here imports pint.
"""
from __future__ import annotations

import difflib
from functools import lru_cache
from pathlib import Path

from ..units import Unit, load_units

DATA = Path(__file__).resolve().parent.parent / "data"
UNITS_TSV = DATA / "units.tsv"
CURRENCIES_TSV = DATA / "currencies.tsv"
QUALIFIERS_TSV = DATA / "qualifiers.tsv"

# extra dimension names a rule may use besides the table's; "speed" reads as pint's "velocity"
EXTRA_DIMENSIONS = ("currency", "percent", "count")
DIMENSION_SYNONYMS = {"speed": "velocity", "duration": "time", "distance": "length", "weight": "mass"}

COUNT = Unit("", "count", "count", 1.0, 0.0, "")
PERCENT = Unit("percent", "percent", "percent", 1.0, 0.0, "percent")
_PERCENT_WORDS = {"percent", "per cent", "%", "pct", "percentage", "percentage points"}
_COUNT_WORDS = {"", "count", "none"}


def currency(code: str) -> Unit:
    """An ISO 4217 code as a unit of money: its own base, factor 1."""
    return Unit(code, "money", "currency", 1.0, 0.0, code)


@lru_cache(maxsize=1)
def _tables() -> tuple[dict[str, Unit], dict[str, Unit], frozenset[str]]:
    """(by name, by lower-case surface, currency codes) from the data tables."""
    by_name = load_units()
    by_surface: dict[str, Unit] = {}
    for name, unit in by_name.items():
        by_surface.setdefault(name.lower(), unit)
        by_surface.setdefault(name.lower().replace("_", " "), unit)
        for s in unit.surfaces:
            by_surface.setdefault((s[1:] if s.startswith("=") else s).lower(), unit)
    codes: set[str] = set()
    try:
        for line in CURRENCIES_TSV.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                code = line.split("\t", 1)[0].strip()
                if len(code) == 3 and code.isalpha() and code.isupper():
                    codes.add(code)
    except OSError:
        pass
    return by_name, by_surface, frozenset(codes)


def dimensions() -> tuple[str, ...]:
    """Every dimension name a rule may use."""
    by_name, _, _ = _tables()
    return tuple(sorted({u.dimension for u in by_name.values()} | set(EXTRA_DIMENSIONS)))


def normalise_dimension(name: str) -> str | None:
    """A dimension name as rules store it ("speed" -> "velocity"), or None if unknown."""
    key = name.strip().lower().replace(" ", "_")
    key = DIMENSION_SYNONYMS.get(key, key)
    return key if key in dimensions() else None


def resolve(text: str) -> Unit:
    """The unit a rule file names; raises ValueError with a close match as hint when unknown."""
    raw = str(text).strip()
    low = raw.lower()
    if low in _COUNT_WORDS:
        return COUNT
    if low in _PERCENT_WORDS:
        return PERCENT
    by_name, by_surface, codes = _tables()
    if raw in by_name:
        return by_name[raw]
    if raw.upper() in codes and (raw.isupper() or len(raw) == 3):
        return currency(raw.upper())
    if low in by_surface:
        return by_surface[low]
    choices = list(by_name) + sorted(codes) + ["percent", "count"]
    close = difflib.get_close_matches(raw, choices, n=1) or difflib.get_close_matches(low, list(by_surface), n=1)
    hint = f"did you mean {close[0]!r}?" if close else "use a unit name from numcheck/data/units.tsv, an ISO 4217 code, percent or count"
    raise ValueError(f"unknown unit {raw!r}", hint)


def claim_dimension(kind: str, unit: str, dimension: str = "") -> str:
    """A claim's dimension name in the same vocabulary as rules ("" when it has none)."""
    if kind == "duration":
        return "time"
    if kind == "money":
        return "currency"
    if kind == "percent":
        return "percent"
    if kind == "count":
        return "count"
    info = _tables()[0].get(unit)
    if info is not None:  # the table is the authority for a unit it knows
        return info.dimension
    d = dimension.strip("[]").lower()
    d = DIMENSION_SYNONYMS.get(d, d)
    return d if d in dimensions() else ""  # "compound" and other unknowns: no dimension, so no finding


def to_base(value: float, unit: str) -> float | None:
    """``value`` in ``unit`` converted to base units with the table, or None for an unknown unit."""
    if unit in ("", "percent"):
        return value
    info = _tables()[0].get(unit)
    if info is None:
        return value if len(unit) == 3 and unit.isupper() else None
    return info.to_base(value)


@lru_cache(maxsize=1)
def known_qualifiers() -> frozenset[str]:
    """Qualifier phrases extraction knows ("about", "nearly"): the ones vocabulary entries may re-size."""
    try:
        lines = QUALIFIERS_TSV.read_text(encoding="utf-8").splitlines()
    except OSError:
        return frozenset()
    return frozenset(line.split("\t", 1)[0].strip().lower() for line in lines if line.strip() and not line.startswith("#"))
