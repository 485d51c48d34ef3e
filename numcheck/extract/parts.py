"""The data the quantity stages pass along: the scan, the number, what follows it, and the claim's parts.

``quantities._read`` runs the stages in order over one number; each stage reads
the text around the number and returns the ``Draft`` with the parts it found
(``Draft.evolve``), ``None`` when the number is not a quantity, or an offset to
skip to (a score like 3-0).  ``claims.build`` turns the last draft into a Claim.
"""
from __future__ import annotations

import re
from dataclasses import MISSING, dataclass, field, fields
from typing import Any, Callable

from ..units import Unit
from .lexicon import Lexicon, Patterns, Qualifier, Vague


@dataclass(frozen=True)
class Scan:
    """One text being read, with the vocabularies every stage consults."""

    text: str
    lx: Lexicon
    P: Patterns
    qualifiers: dict[str, Qualifier]   # qualifiers before a number, resized by a rule vocabulary
    vague: dict[str, Vague]           # vague amounts ("dozens"), likewise
    is_blocked: Callable[[int, int], bool]  # spans dates, phone numbers and links hold
    is_fixed: Callable[[int, int], bool]    # the same without the recurrences a per part may take ("annually")
    reach: list[int] = field(default_factory=lambda: [0])  # the furthest per part read beyond a claim's span


@dataclass(frozen=True)
class Number:
    """A number as written, before anything around it is read: "3.5" of "$3.5bn", "dozens"."""

    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    step: float
    vague: bool = False
    fraction: bool = False
    scaled: bool = False
    idiom: tuple[float, str] | None = None
    one_of: bool = False   # "a", "all", "another": one of the unit that follows, only with a unit
    multiplier: bool = False  # "fivefold", "three times", "an eight-time champion": nothing counted

    def negated(self) -> "Number":
        """The same number with a minus sign: "-1", "minus five"."""
        v = -self.value if self.value is not None else None
        return Number(self.start, self.end, v, v, v, self.step, self.vague, self.fraction, self.scaled)

    def scaled_by(self, mult: float, end: int, scaled: bool = True) -> "Number":
        """The number times a scale word ending at ``end``: "3.5" + "bn"."""
        def f(x: float | None) -> float | None:
            return None if x is None else x * mult
        return Number(self.start, end, f(self.value), f(self.low), f(self.high), self.step * mult,
                      self.vague, False, scaled)


@dataclass(frozen=True)
class After:
    """What follows a number: a percent sign, a unit, or a currency (with a factor for pence, MUSD)."""

    end: int
    percent: str | None = None
    unit: Unit | None = None
    currency: str | None = None
    factor: float = 1.0
    per: Unit | None = None   # money or a percentage per something: "$15.4/hour" -> "USD / hour"

    def same(self, other: "After | None") -> bool:
        return other is not None and (self.percent, self.unit, self.currency, self.factor) \
            == (other.percent, other.unit, other.currency, other.factor)  # "36 cents to 59.04 dollars": two


@dataclass(frozen=True)
class Draft:
    """The parts of one claim as the stages find them; ``claims.build`` makes the Claim.

    ``start``/``end`` grow as stages take in a currency, a unit or a qualifier;
    ``value``/``low``/``high``/``step`` are in the stated unit before ``factor``
    (pence -> pounds) is applied.
    """

    m: re.Match[str]            # the number pattern's match
    num: Number
    floor: int             # where the previous claim ended: nothing before it is this one's
    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    step: float
    is_range: bool = False
    signed: bool = False
    currency: str | None = None
    factor: float = 1.0
    after: After | None = None
    unit: Unit | None = None
    percent: str | None = None
    between: re.Match[str] | None = None   # "between" / "from" before a range
    age: bool = False
    timex: str | None = None          # a compound duration's TIMEX3 ("1 year 1 month" -> P1Y1M)
    qualifier: str = "="
    change: str | None = None
    multiplier: bool = False          # "fivefold", "three times as many": no subject

    @classmethod
    def of(cls, m: re.Match[str], num: Number, floor: int) -> "Draft":
        """The first draft of a number: its own span and values, nothing around it read yet."""
        new = object.__new__(cls)
        new.__dict__.update(_EMPTY, m=m, num=num, floor=floor, start=num.start, end=num.end, value=num.value,
                            low=num.low, high=num.high, step=num.step, is_range=num.vague, multiplier=num.multiplier)
        return new

    def evolve(self, **changes: Any) -> "Draft":
        """A copy with ``changes``: ``dataclasses.replace`` without its per-field checks, which the
        reader calls a dozen times per number."""
        new = object.__new__(Draft)
        new.__dict__.update(self.__dict__)
        new.__dict__.update(changes)
        return new

    def with_number(self, num: Number, **changes: Any) -> "Draft":
        """The draft re-read from a changed number (a sign, a scale word, "one in five")."""
        return self.evolve(num=num, end=num.end, value=num.value, low=num.low, high=num.high,
                           step=num.step, is_range=num.vague, **changes)

    @property
    def group(self) -> str:
        """The number pattern's alternative: numeral, words, fraction, vague, bare or idiom."""
        return self.m.lastgroup or ""

    @property
    def bare(self) -> bool:
        """No unit, percent or currency: a count so far."""
        return self.unit is None and self.percent is None and self.currency is None


# the defaults of every field of a Draft, so that ``Draft.of`` builds one without the dataclass's per-field
# frozen assignments (the reader makes one per number in the text)
_EMPTY = {f.name: f.default for f in fields(Draft) if f.default is not MISSING}
