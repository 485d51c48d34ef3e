"""What every date form shares: a named pattern beside the small function that reads its match.

A form is declared where its resolver is written::

    @form("iso", r"(?P<y>[12]\\d{3})-(?P<m>\\d\\d)-(?P<d>\\d\\d)", first="#y", needs=(r"^\\d{4}-",))
    def iso(g: Groups) -> Read:
        return fixed(_make_day(int(g.req("y")), int(g.req("m")), int(g.req("d"))))

The resolver gets the match (``Groups``) and returns a ``Reading``: how the
date resolves as a function of the ``Anchor`` (the publication day and the
narrative's focus), or a ``Spanned`` reading when the claim's span is not the
match's.  It raises ``Skip`` when the match is not a date after all ("2005
people", "Theresa May"), and the next form gets its try.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date
from typing import Callable

from .arith import When


class Skip(Exception):
    """Raised by a resolver when a match is not a date after all (a count, a name)."""


@dataclass(frozen=True)
class Focus:
    """The narrative's reference time: what the text has last named, by granularity.

    ``day`` is the latest single day named, ``quarter`` the latest quarter,
    ``last`` the latest date of any granularity and ``last_end`` where it was
    named (an offset into the text).  Anaphoric forms ("that day", "the
    quarter", "a year earlier") resolve against it.
    """

    day: When | None = None
    quarter: When | None = None
    last: When | None = None
    last_end: int = -1

    def moved(self, w: When, ref: date, end: int = -1) -> "Focus":
        """The focus after the text names ``w`` (only resolved, single dates move it).

        Only a quarter completed by publication (``ref``) becomes the quarter in focus: results are told of
        the quarter just ended, and "the current quarter" or "the third quarter of 1990" are forecasts; nor
        does an earlier quarter named in passing ("after a flat second quarter") take the reported one's place."""
        if w.start is None or w.end is None or "/" in w.timex or w.timex.startswith("P") or w.kind != "date" \
                or w.timex.endswith("_REF"):
            return self
        if w.start == w.end:
            return replace(self, day=w, last=w, last_end=end)
        if "-Q" in w.timex:
            if w.end >= ref or self.quarter is not None and self.quarter.start is not None and w.start < self.quarter.start:
                return self
            return replace(self, quarter=w, last=w, last_end=end)
        return replace(self, last=w, last_end=end)


@dataclass(frozen=True)
class Anchor:
    """What a relative date is resolved against: the publication day (None when unknown) and the focus.

    ``exact`` is False when ``ref`` is one end of a partial publication date (2005, 2005-02): how near a day
    lies to publication then says little ("rose in January" in a paper of 2005 is January 2005 from either end).
    """

    ref: date | None
    focus: Focus = field(default_factory=Focus)
    exact: bool = True

    def at(self, ref: date | None) -> "Anchor":
        return replace(self, ref=ref)


@dataclass(frozen=True)
class Reading:
    """How a found date resolves.  ``yearless`` marks a date that lacks only its year ("3 March", "August"):
    in a range it takes the year of the other end ("between May and July 2004"); ``absolute`` one that needs
    no anchor at all; ``moves`` whether the narrative's focus moves to it ("a year earlier" compares, it
    does not move the story to last year)."""

    fn: Callable[[Anchor], When]
    yearless: bool = False
    absolute: bool = False
    moves: bool = True

    def __call__(self, anchor: Anchor) -> When:
        return self.fn(anchor)


@dataclass(frozen=True)
class Spanned:
    """A reading whose claim span differs from the form's match ("in recent years" claims "recent years")."""

    start: int
    end: int
    reading: Reading


Read = Reading | Spanned


def fixed(w: When) -> Reading:
    """An absolute date: the anchor does not matter."""
    return Reading(lambda anchor: w, absolute=True)


def relative(fn: Callable[[date], When], unanchored: str, yearless: bool = False) -> Reading:
    """A date relative to the publication day: ``fn(ref)`` when anchored, else the unanchored timex."""
    def resolve(anchor: Anchor) -> When:
        return fn(anchor.ref) if anchor.ref is not None else When(unanchored)
    return Reading(resolve, yearless=yearless)


def yearless(fn: Callable[[date, "Anchor"], When], unanchored: str) -> Reading:
    """A date that lacks only its year ("3 March", "in August"): ``fn(ref, anchor)`` reads it against the
    publication day, the focus and whether that day is exact; in a range it takes the other end's year."""
    def resolve(anchor: Anchor) -> When:
        return fn(anchor.ref, anchor) if anchor.ref is not None else When(unanchored)
    return Reading(resolve, yearless=True)


def anaphoric(fn: Callable[[date, Focus], When], unanchored: str, moves: bool = True, yearless: bool = False) -> Reading:
    """A date relative to what the text last named ("that day", "the quarter"), falling back on publication."""
    def resolve(anchor: Anchor) -> When:
        return fn(anchor.ref, anchor.focus) if anchor.ref is not None else When(unanchored)
    return Reading(resolve, yearless=yearless, moves=moves)


@dataclass(frozen=True)
class Groups:
    """A form's match, read by group name (the compiled pattern prefixes each group with the form's name)."""

    m: re.Match[str]
    form: str
    text: str
    dayfirst: bool = True

    def __call__(self, name: str) -> str | None:
        return self.m.group(f"{self.form}__{name}")

    def req(self, name: str) -> str:
        """A group the resolver cannot do without: absent means not this form's date."""
        v = self(name)
        if v is None:
            raise Skip
        return v

    def low(self, name: str) -> str:
        """A group lower-cased, "" when absent."""
        return (self(name) or "").lower()

    def begin(self, name: str) -> int:
        """Where a group starts in the text."""
        return self.m.start(f"{self.form}__{name}")

    @property
    def start(self) -> int:
        return self.m.start(self.form)

    @property
    def end(self) -> int:
        return self.m.end(self.form)

    @property
    def whole(self) -> str:
        return self.m.group(self.form)


Resolve = Callable[[Groups], Read]


@dataclass(frozen=True)
class Form:
    """One date form: its name, its pattern template (pieces in braces, see pieces.py), the first words it can
    start with (``#y`` four digits, ``#dd`` one or two, ``#month``..., or literal words), cheap necessary
    conditions on the lower-cased text near the start (``^`` anchors one there), and its resolver."""

    name: str
    template: str
    first: str
    needs: tuple[str, ...]
    resolve: Resolve


def form(name: str, template: str, first: str, needs: tuple[str, ...] = ()) -> Callable[[Resolve], Form]:
    """Declare a form on its resolver."""
    def wrap(fn: Resolve) -> Form:
        return Form(name, template, first, needs, fn)
    return wrap
