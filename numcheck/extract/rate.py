"""Stage 5, the compound unit: a unit or currency extended by "/ unit" and "per unit" parts (km/s2, J/m^2 per
year, $15.4/hour).

A compound unit is built as pint writes it ("kilometer / second ** 2") with
its factor to base units multiplied out from the parts' factors; ``per`` uses
the same builder for the per parts written in words ("£1,200 a month").
"""
from __future__ import annotations

import re

from ..units import Unit, load_units, named_compounds
from .lexicon import Lexicon, Patterns, unit_term
from .parts import After, Draft, Scan

# "1 fb−1", "5 m^2", "3 km²": an exponent right after the first unit
_BASE_EXPONENT = re.compile(r"\^\s*(?P<e>[-−+]?\d)|(?P<d>[-−][123])(?![\d\w.,])|(?P<sup>[²³])")
_SUPERSCRIPT = {"²": 2, "³": 3}


def _exponent(m: re.Match[str]) -> int:
    """The exponent a unit term or a base exponent match holds: "^2" -> 2, "−1" -> -1, "³" -> 3."""
    if m.group("sup"):
        return _SUPERSCRIPT[m.group("sup")]
    return int((m.group("e") or m.group("d") or "1").replace("−", "-").replace("+", ""))


def term(m: re.Match[str], lx: Lexicon) -> tuple[Unit, int] | None:
    """A unit term of a compound and its exponent: "s2" -> (second, 2), "fb−1" -> (femtobarn, -1)."""
    unit = lx.units_cs.get(m.group("cs") or m.group("ci")) or (None if m.group("cs") else lx.units_ci.get(m.group("ci").lower()))
    if unit is None or unit.kind == "temperature":
        return None
    return unit, _exponent(m)


def compound(text: str, after: After, P: Patterns, lx: Lexicon, first: re.Match[str] | None = None) -> After:
    """Extend a unit (or a currency) with "/ unit" and "per unit" parts: km/s2, J/m^2 per year, $15.4/hour."""
    parts: list[tuple[Unit, int]] = []
    end = after.end
    be = _BASE_EXPONENT.match(text, end) if after.unit is not None and first is None else None
    if be and after.unit is not None:  # "1 fb−1", "5 m^2"
        parts.append((after.unit, _exponent(be)))
        after = After(be.end(), unit=None)
        end = be.end()
    if first is not None:
        t = term(first, lx)
        if t is None:
            return after
        parts.append(t)
        end = first.end()
    end = _per_parts(text, end, P, lx, parts)
    if not parts:
        return after
    if after.unit is not None and after.unit.kind == "temperature":
        return after
    if parts[0][1] > 0 and after.unit is None and not after.currency:
        unit0, exp0 = parts.pop(0)  # "5 m^2": the first part is the numerator
        after = After(after.end, unit=_power(unit0, exp0))
        if not parts:
            return After(end, unit=after.unit)
    return combine(after, parts, end)


def _per_parts(text: str, end: int, P: Patterns, lx: Lexicon, parts: list[tuple[Unit, int]]) -> int:
    """Read "/ s2", "per year" parts into ``parts`` (as negative exponents); the end of the last one."""
    while True:
        pm = P.per.match(text, end)
        if not pm:
            return end
        tm = unit_term().match(text, pm.end())
        if not tm:
            return end
        t = term(tm, lx)
        if t is None or (len(tm.group(0)) == 1 and tm.group(0) in "aA"):
            return end
        parts.append((t[0], -t[1]))
        end = tm.end()


def _power(unit: Unit, exp: int) -> Unit:
    """ "meter ** 2" from meter and 2."""
    if exp == 1:
        return Unit(name=unit.name, kind="measure", dimension="compound", factor=unit.factor, offset=0.0,
                    base=unit.base, surfaces=())
    return Unit(name=f"{unit.name} ** {exp}", kind="measure", dimension="compound", factor=unit.factor ** exp,
                offset=0.0, base=f"({unit.base}) ** {exp}", surfaces=())


_SIMPLE_TERM = re.compile(r"\((\w+(?: \*\* \d+)?)\)")  # "(second)", "(meter ** 2)": one base unit in brackets


def combine(after: After, parts: list[tuple[Unit, int]], end: int) -> After:
    """The numerator (a unit, a currency or nothing) times the parts: "USD / hour", "joule / meter ** 2 / year"."""
    name = after.currency or (after.unit.name if after.unit else "1")
    factor = after.unit.factor if after.unit else 1.0
    base = after.currency or (after.unit.base if after.unit else "")
    for unit, exp in parts:
        factor *= unit.factor ** exp
        op = " / " if exp < 0 else " * "
        power = f" ** {abs(exp)}" if abs(exp) != 1 else ""
        name += f"{op}{unit.name}{power}"
        base += f"{op}({unit.base}){power}"
    if name.startswith("1 * "):
        name = name[4:]
    name = named_compounds().get(name, name)
    named = load_units().get(name)
    # one spelling of a base whichever way it was read: "kilometres (118 miles) per hour", read unit by unit, has the
    # base "km/h" has, "meter / second"; "USD / (second)" is "USD / second"
    base = named.base if named is not None else _SIMPLE_TERM.sub(r"\1", base)
    if not base.strip(" *"):
        base = "1"
    elif base.startswith(" / "):
        base = "1" + base  # "1 / minute": times per minute
    rate = Unit(name=name, kind="measure", dimension="compound", factor=factor, offset=0.0,
                base=base.strip(" *"), surfaces=())
    if after.currency:
        return After(end, currency=after.currency, factor=after.factor, per=rate)
    return After(end, unit=rate)


def money_rate(scan: Scan, d: Draft) -> Draft:
    """ "$15.4/hour", "$350 per kg": money per a unit, when nothing else follows the amount."""
    if d.after is not None or not d.currency:
        return d
    rate = compound(scan.text, After(d.end, currency=d.currency, factor=d.factor), scan.P, scan.lx)
    return d.evolve(after=rate) if rate.end > d.end else d
