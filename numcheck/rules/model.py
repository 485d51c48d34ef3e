"""Rule objects: frozen, validated records of what a newsroom says is true, possible or house style.

The loader (``loader.py``) builds these from YAML; checks only read them.  Every
record keeps the file and line it came from so findings can cite it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from .subjects import fold, fold_words, mentions, mentions_modified

DIMENSIONS = (
    "length", "area", "volume", "mass", "time", "speed", "temperature",
    "energy", "power", "currency", "percent", "count",
)
"""Dimension names a ``dimensions`` rule may name (pint's names, plus currency/percent/count)."""


@dataclass(frozen=True)
class Event:
    """Something that happened on a day or over an interval, with the names a text may use for it.

    ``ongoing`` is true for a point event whose consequence continues (a war
    that began on ``start``): its duration runs to the publication date.
    """

    id: str
    start: date
    end: date
    aliases: tuple[str, ...] = ()
    source: str = ""
    file: str = ""
    line: int = 0
    ongoing: bool = False

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError(f"event {self.id}: end {self.end} is before start {self.start}")

    def elapsed_until(self, day: date) -> tuple[date, date] | None:
        """The (from, to) days a duration of this event covers when read on ``day``; None if not begun."""
        if day < self.start:
            return None
        if self.ongoing or self.end == self.start:
            return self.start, day
        return self.start, min(self.end, day)


@dataclass(frozen=True)
class Fact:
    """A reference value or interval for a subject, in a unit, for a period, with its source.

    ``low``/``high`` are in ``unit``; ``scale`` converts them to ``base_unit``
    (pint base units, the currency itself for money) so they compare with a
    claim's canonical value.  ``tolerance`` is a fraction that widens the
    interval both ways.  ``context``: words one of which must appear in the
    claim's sentence before the fact applies (silence beats a guess).
    ``flag``: "above" flags only claims above the interval (a total of which
    smaller counts are parts), "below" only those below, "outside" both.
    """

    id: str
    subject: str
    aliases: tuple[str, ...] = ()
    low: float | None = None
    high: float | None = None
    unit: str = ""
    tolerance: float = 0.0
    valid_from: date | None = None
    valid_to: date | None = None
    source: str = ""
    file: str = ""
    line: int = 0
    context: tuple[str, ...] = ()
    scale: float = 1.0
    base_unit: str = ""
    dimension: str = ""
    note: str = ""
    flag: str = "outside"

    def __post_init__(self) -> None:
        if self.flag not in ("outside", "above", "below"):
            raise ValueError(f"fact {self.id}: flag must be outside, above or below")
        if self.low is None and self.high is None:
            raise ValueError(f"fact {self.id}: needs a value, min or max")
        if self.low is not None and self.high is not None and self.low > self.high:
            raise ValueError(f"fact {self.id}: min {self.low} is above max {self.high}")
        if self.tolerance < 0:
            raise ValueError(f"fact {self.id}: tolerance must be >= 0")

    def window(self) -> tuple[float, float]:
        """The interval claims may fall in, tolerance applied, in ``unit``."""
        lo = -float("inf") if self.low is None else self.low - abs(self.low) * self.tolerance
        hi = float("inf") if self.high is None else self.high + abs(self.high) * self.tolerance
        return lo, hi

    def holds_on(self, day: date | None) -> bool:
        """Whether the fact is in force on ``day``; with no date, only facts with no end apply."""
        if day is None:
            return self.valid_to is None
        if self.valid_from is not None and day < self.valid_from:
            return False
        return self.valid_to is None or day <= self.valid_to


@dataclass(frozen=True)
class Bound:
    """A possible range for claims of a kind, subject or dimension; outside it is impossible.

    ``after``: phrases one of which must follow the claim for the bound to
    apply ("of the population" makes a percentage a share of a whole).
    ``min``/``max`` are in ``unit`` and ``scale`` takes them to base units.
    """

    id: str
    kinds: tuple[str, ...] = ()
    subjects: tuple[str, ...] = ()
    dimension: str = ""
    min: float | None = None
    max: float | None = None
    integer: bool = False
    unit: str = ""
    after: tuple[str, ...] = ()
    message: str = ""
    source: str = ""
    file: str = ""
    line: int = 0
    scale: float = 1.0
    base_unit: str = ""

    def __post_init__(self) -> None:
        if self.min is None and self.max is None and not self.integer:
            raise ValueError(f"bound {self.id}: needs min, max or integer")
        if self.min is not None and self.max is not None and self.min > self.max:
            raise ValueError(f"bound {self.id}: min {self.min} is above max {self.max}")


@dataclass(frozen=True)
class Dimension:
    """The dimension a subject's measures must have: a front is a length, a conflict lasts a time."""

    subject: str
    dimension: str               # the one messages name
    file: str = ""
    line: int = 0
    also: tuple[str, ...] = ()   # other dimensions the subject may have ("speed": a velocity, a bitrate, a clock rate)

    @property
    def allowed(self) -> tuple[str, ...]:
        return (self.dimension, *self.also)


@dataclass(frozen=True)
class VocabEntry:
    """How wide an approximator or vague quantity is.

    ``absolute``: low/high are the numbers themselves ("dozens" 24..99);
    otherwise they are factors of the stated value ("about" 0.9..1.1).
    """

    phrase: str
    qualifier: str | None
    low: float
    high: float
    absolute: bool = False
    file: str = ""
    line: int = 0

    def __post_init__(self) -> None:
        if self.low > self.high:
            raise ValueError(f"vocabulary {self.phrase!r}: low {self.low} is above high {self.high}")


@dataclass(frozen=True)
class Style:
    """House number style; every field None/False means that check is off (style is opt-in).

    ``words_below``: spell out whole numbers under this value (10 in AP and
    Guardian style, 11 in The Economist's) and use numerals from it up.
    ``percent``: the one accepted spelling, "%", "per cent" or "percent".
    ``exempt``: claim kinds that always take numerals (ages, money, measures).
    ``unit_variety``: "re" (metre, litre) or "er" (meter, liter).
    """

    preset: str = ""
    words_below: int | None = None
    exempt: tuple[str, ...] = ("percent", "money", "measure", "age", "date", "fraction")
    percent: str | None = None
    unit_consistency: bool = False
    unit_variety: str | None = None
    imperial_needs_metric: bool = False
    max_significant: int | None = None
    file: str = ""
    line: int = 0

    @property
    def active(self) -> bool:
        return bool(
            self.words_below is not None or self.percent or self.unit_consistency or self.unit_variety
            or self.imperial_needs_metric or self.max_significant is not None
        )


@dataclass(frozen=True)
class RuleSet:
    """Everything loaded from rule files, merged in order (later files override earlier ones by id).

    ``aliases`` maps each synonym (lower case, as written) to its canonical
    subject (``alias_sources``: synonym -> (file, line)); ``dimensions`` maps
    subject -> dimension name (``dimension_rules`` keeps where each came from).
    """

    events: tuple[Event, ...] = ()
    facts: tuple[Fact, ...] = ()
    bounds: tuple[Bound, ...] = ()
    dimensions: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    aliases: dict[str, str] = field(default_factory=dict, hash=False, compare=False)
    style: Style = field(default_factory=Style)
    vocabulary: tuple[VocabEntry, ...] = ()
    files: tuple[str, ...] = ()
    dimension_rules: tuple[Dimension, ...] = ()
    alias_sources: dict[str, tuple[str, int]] = field(default_factory=dict, hash=False, compare=False)
    _index: dict[str, Any] = field(default_factory=dict, hash=False, compare=False, repr=False)

    def __post_init__(self) -> None:
        folded = {fold(k): fold(v) for k, v in self.aliases.items()}
        rules = {fold(d.subject): d for d in self.dimension_rules}
        rules.update({fold(k): Dimension(k, v) for k, v in self.dimensions.items() if fold(k) not in rules})
        object.__setattr__(self, "_index", {"aliases": folded, "dimension_rules": rules})

    def __getstate__(self) -> dict[str, Any]:
        return {k: v for k, v in self.__dict__.items() if k != "_index"}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self.__post_init__()

    def canonical_subject(self, text: str) -> str:
        """The canonical subject for a phrase: article, case and plural folded, aliases followed.

        "the North Korean soldiers" -> "troop" when "soldiers" is an alias of
        "troops"; the head noun is tried when the whole phrase is unknown.
        Returns the folded phrase itself when no alias applies.
        """
        key = fold(text)
        if not key:
            return ""
        aliases = self._index["aliases"]
        if key in aliases:
            return aliases[key]
        head = key.rsplit(" ", 1)[-1]
        if head != key and head in aliases:
            return aliases[head]
        return key

    def subject_keys(self, text: str) -> tuple[str, ...]:
        """The folded phrase, its alias target, and its head noun's: what a rule subject may match."""
        key = fold(text)
        if not key:
            return ()
        out = [key, self.canonical_subject(text)]
        head = key.rsplit(" ", 1)[-1]
        out += [head, self._index["aliases"].get(head, head)]
        return tuple(dict.fromkeys(out))

    def dimension_of(self, subject: str) -> str | None:
        """The dimension rule for a subject (via its canonical form and head noun), if any."""
        rule = self.dimension_rule(subject)
        return rule.dimension if rule else None

    def dimension_rule(self, subject: str) -> Dimension | None:
        """The rule (with where it came from and every dimension it allows) for a subject, if any."""
        rules = self._index["dimension_rules"]
        for key in self.subject_keys(subject):
            if key in rules:
                return rules[key]
        return None

    def event_for(self, text: str) -> Event | None:
        """The event one of whose aliases (or id) is mentioned in ``text``; the longest alias wins."""
        found = self.events_in(text)
        return found[0] if found else None

    def events_in(self, text: str) -> tuple[Event, ...]:
        """Every event an alias (or id) of which ``text`` mentions, longest alias first, then file order.

        "the three-year conflict" mentions "the conflict" (number and time
        words may sit after "the"); "30 years of war" mentions no "the war".
        """
        words = fold_words(text)
        hits: list[tuple[int, int, Event]] = []
        for i, ev in enumerate(self.events):
            best = max((len(a) for a in (*ev.aliases, ev.id.replace("-", " "))
                        if mentions(words, a) or mentions_modified(words, a)), default=0)
            if best:
                hits.append((-best, i, ev))
        return tuple(ev for _, _, ev in sorted(hits, key=lambda h: (h[0], h[1])))

    def events_for_subject(self, subject: str) -> tuple[Event, ...]:
        """Events that a claim's subject names exactly (after folding): "conflict" -> the invasion.

        No head-noun fallback: "Syrian conflict" must not match "the conflict".
        """
        key = fold(subject)
        if not key:
            return ()
        keys = {key, self._index["aliases"].get(key, key)}
        out = []
        for ev in self.events:
            if any(fold(a) in keys for a in ev.aliases):
                out.append(ev)
        return tuple(out)
