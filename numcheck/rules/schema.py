"""The rule file schema: sections, their fields, what each field accepts, and the text of its hint.

One table drives validation (loader.py) and documentation (rules/README.md
lists the same fields); a test checks the two agree.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, Callable

from ..model import KINDS, QUALIFIERS
from ..units import Unit
from .units import dimensions as known_dimensions, normalise_dimension, resolve

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.:-]*$")
_NUMBER = re.compile(r"^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?(?:e[+-]?\d+)?$", re.I)


class Bad(Exception):
    """A value that does not fit its field: message and hint (the loader adds file:line:col)."""

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.message, self.hint = message, hint


def type_name(v: Any) -> str:
    kind = type(v).__name__
    if kind == "SequenceNode":  # a YAML node left unbuilt (nested in a list)
        return "a list"
    if kind == "MappingNode":
        return "a mapping"
    if v is None:
        return "nothing"
    if isinstance(v, bool):
        return "true/false"
    if isinstance(v, (int, float)):
        return "a number"
    if isinstance(v, (date, datetime)):
        return "a date"
    if isinstance(v, str):
        return "text"
    if isinstance(v, list):
        return "a list"
    return "a mapping"


# ---------------------------------------------------------------- converters: raw YAML value -> field value


def as_text(v: Any) -> str:
    if not isinstance(v, str) or not v.strip():
        raise Bad(f"expected text, got {type_name(v)}", "quote the value")
    return v.strip()


def as_id(v: Any) -> str:
    if isinstance(v, int) and not isinstance(v, bool):
        v = str(v)
    v = as_text(v)
    if not _ID.match(v):
        raise Bad(f"bad id {v!r}", "use letters, digits, '-', '_', '.' or ':' and no spaces")
    return v


def as_texts(v: Any) -> tuple[str, ...]:
    if isinstance(v, str):
        v = [v]
    if not isinstance(v, list):
        raise Bad(f"expected a list of text, got {type_name(v)}", "[a, b, c]")
    out = []
    for item in v:
        if not isinstance(item, str) or not item.strip():
            raise Bad(f"expected a list of text, found {type_name(item)} in it", "quote each item")
        out.append(item.strip())
    return tuple(out)


def as_number(v: Any) -> float:
    if isinstance(v, bool):
        raise Bad("expected a number, got true/false", "write a number such as 1000")
    if isinstance(v, (int, float)):
        return float(v)
    if isinstance(v, str) and _NUMBER.match(v.strip().replace("_", "")):
        return float(v.strip().replace(",", "").replace("_", ""))
    raise Bad(f"expected a number, got {type_name(v)}" + (f" {v!r}" if isinstance(v, str) else ""), "write a number such as 10000 or 10,000 (no units or words)")


def as_value(v: Any) -> float | tuple[float, float]:
    """A number, or a [low, high] pair for an interval."""
    if isinstance(v, list):
        if len(v) != 2:
            raise Bad(f"an interval needs two numbers, got {len(v)}", "[10000, 12000]")
        lo, hi = as_number(v[0]), as_number(v[1])
        if lo > hi:
            raise Bad(f"interval low {lo:,g} is above high {hi:,g}", "write [low, high]")
        return lo, hi
    return as_number(v)


def as_date(v: Any) -> date:
    if isinstance(v, datetime):
        return v.date()
    if isinstance(v, date):
        return v
    if isinstance(v, str):
        try:
            return date.fromisoformat(v.strip())
        except ValueError:
            pass
    raise Bad(f"bad date {v!r}" if isinstance(v, str) else f"expected a date, got {type_name(v)}", "write YYYY-MM-DD, e.g. 2022-02-24")


def as_date_or_interval(v: Any) -> date | tuple[date, date]:
    if isinstance(v, list):
        if len(v) != 2:
            raise Bad(f"a date interval needs two dates, got {len(v)}", "[2014-02-20, 2014-03-18]")
        a, b = as_date(v[0]), as_date(v[1])
        if b < a:
            raise Bad(f"interval end {b} is before start {a}", "write [start, end]")
        return a, b
    return as_date(v)


def as_bool(v: Any) -> bool:
    if not isinstance(v, bool):
        raise Bad(f"expected true or false, got {type_name(v)}", "true or false")
    return v


def as_tolerance(v: Any) -> float:
    """A fraction (0.1) or a percentage ("10%")."""
    if isinstance(v, str) and v.strip().endswith("%"):
        x = as_number(v.strip()[:-1].strip()) / 100
    else:
        x = as_number(v)
    if not 0 <= x <= 10:
        raise Bad(f"tolerance {x:g} out of range", "a fraction such as 0.1 or a percentage such as '10%'")
    return x


def as_unit(v: Any) -> Unit:
    if v is None:
        return resolve("")
    if not isinstance(v, str):
        raise Bad(f"expected a unit name, got {type_name(v)}", "kilometer, USD, percent")
    try:
        return resolve(v)
    except ValueError as exc:
        msg, hint = exc.args if len(exc.args) == 2 else (str(exc), "")
        raise Bad(msg, hint) from None


def as_kinds(v: Any) -> tuple[str, ...]:
    kinds = as_texts(v)
    for k in kinds:
        if k not in KINDS:
            raise Bad(f"unknown claim kind {k!r}", f"one of: {', '.join(KINDS)}")
    return kinds


def as_dimension(v: Any) -> str:
    d = normalise_dimension(as_text(v))
    if d is None:
        raise Bad(f"unknown dimension {v!r}", f"one of: {', '.join(known_dimensions())}")
    return d


def as_qualifier(v: Any) -> str | None:
    if v is None:
        return None
    if v not in QUALIFIERS:
        raise Bad(f"unknown qualifier {v!r}", f"one of: {' '.join(QUALIFIERS)} (quote it: '~')")
    return v


def as_positive_int(v: Any) -> int:
    if isinstance(v, bool) or not isinstance(v, int) or v < 1:
        raise Bad(f"expected a whole number above 0, got {v!r}", "e.g. 10")
    return v


def as_percent_style(v: Any) -> str:
    if v not in ("%", "per cent", "percent"):
        raise Bad(f"unknown percent style {v!r}", "one of: '%', 'per cent', 'percent'")
    return v


def as_flag(v: Any) -> str:
    if v not in ("outside", "above", "below"):
        raise Bad(f"unknown flag {v!r}", "one of: outside, above, below")
    return v


def as_variety(v: Any) -> str:
    if v not in ("re", "er"):
        raise Bad(f"unknown unit spelling {v!r}", "'re' for metre/litre, 'er' for meter/liter")
    return v


def as_context(v: Any) -> tuple[str, ...]:
    return as_texts(v)


def as_exempt(v: Any) -> tuple[str, ...]:
    return as_kinds(v)



@dataclass(frozen=True)
class FieldSpec:
    """One field of a section entry: how to read it, whether it must be there, and what it means."""

    convert: Callable[[Any], Any]
    doc: str
    required: bool = False
    hint: str = ""


def _f(convert: Callable[[Any], Any], doc: str, required: bool = False, hint: str = "") -> FieldSpec:
    return FieldSpec(convert, doc, required, hint)


TOP_LEVEL = ("version", "description", "events", "facts", "bounds", "dimensions", "aliases", "vocabulary", "style")

SECTIONS: dict[str, dict[str, FieldSpec]] = {
    "events": {
        "id": _f(as_id, "unique name of the event", True, "id: full-scale-invasion"),
        "date": _f(as_date_or_interval, "the day (YYYY-MM-DD) or [start, end] it happened"),
        "start": _f(as_date, "first day, instead of date"),
        "end": _f(as_date, "last day, with start"),
        "ongoing": _f(as_bool, "true when what began on start still goes on (default: true with start and no end)"),
        "aliases": _f(as_texts, "names a text may use for it: the war, the conflict"),
        "source": _f(as_text, "where the date comes from"),
        "note": _f(as_text, "free text for editors"),
    },
    "facts": {
        "id": _f(as_id, "unique name of the fact", True, "id: nk-troops-kursk"),
        "subject": _f(as_text, "what is counted or measured: troops, front", True, "subject: troops"),
        "aliases": _f(as_texts, "other names of the subject in this fact: soldiers"),
        "value": _f(as_value, "a number or [low, high]"),
        "min": _f(as_number, "low end, instead of value (open above when alone)"),
        "max": _f(as_number, "high end, instead of value (open below when alone)"),
        "unit": _f(as_unit, "unit name (kilometer), ISO currency (USD), percent, or count (default)"),
        "tolerance": _f(as_tolerance, "how far outside the value a claim may be: 0.1 or '10%'"),
        "valid_from": _f(as_date, "first day the fact holds"),
        "valid_to": _f(as_date, "last day the fact holds"),
        "context": _f(as_texts, "words one of which must be in the claim's sentence: North Korea, Pyongyang"),
        "flag": _f(as_flag, "which claims to flag: outside (default), above or below the interval"),
        "source": _f(as_text, "who says so: cited in findings"),
        "note": _f(as_text, "free text for editors"),
    },
    "bounds": {
        "id": _f(as_id, "unique name of the bound", True, "id: percent-of-whole"),
        "kind": _f(as_kinds, "claim kinds it applies to: count, percent, measure, money, age, duration"),
        "subject": _f(as_texts, "subjects it applies to (one or a list)"),
        "dimension": _f(as_dimension, "unit dimension it applies to: length, mass, temperature"),
        "min": _f(as_number, "lowest possible value (in unit)"),
        "max": _f(as_number, "highest possible value (in unit)"),
        "integer": _f(as_bool, "values must be whole numbers"),
        "unit": _f(as_unit, "unit of min and max (needed for measures)"),
        "after": _f(as_texts, "phrases one of which must follow the claim: of the population"),
        "message": _f(as_text, "why it is impossible, shown in findings"),
        "source": _f(as_text, "where the limit comes from"),
    },
    "vocabulary": {
        "phrase": _f(as_text, "the words: about, nearly, dozens", True, "phrase: about"),
        "qualifier": _f(as_qualifier, "~ = > >= < <= (needed unless absolute)"),
        "low": _f(as_number, "low factor (or number when absolute)", True, "low: 0.9"),
        "high": _f(as_number, "high factor (or number when absolute)", True, "high: 1.1"),
        "absolute": _f(as_bool, "true when low/high are the numbers themselves (dozens: 24-99)"),
    },
    "style": {
        "preset": _f(as_text, "name of the house style"),
        "words_below": _f(as_positive_int, "spell out whole numbers below this (10: one to nine in words)"),
        "exempt": _f(as_kinds, "claim kinds that always take numerals"),
        "percent": _f(as_percent_style, "'%', 'per cent' or 'percent'"),
        "unit_consistency": _f(as_bool, "one spelling per unit within a text"),
        "unit_variety": _f(as_variety, "the house spelling of metric units: 're' (metre, litre) or 'er' (meter, liter)"),
        "imperial_needs_metric": _f(as_bool, "imperial measures need a metric conversion nearby"),
        "max_significant": _f(as_positive_int, "most significant figures an approximate number may have"),
    },
}
