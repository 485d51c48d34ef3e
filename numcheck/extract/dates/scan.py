"""The scan: one pass over the text that finds where date forms match and reads each with its resolver.

A trie-shaped regex finds trigger words (digits, month, weekday, season,
relative and unit words); only the word starts just before each trigger are
tried, and only against the forms that can begin with that word and whose
cheap necessary conditions hold there (forms.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterator

from .form import Groups, Reading, Spanned
from .forms import BY_NAME, _DIGITS, _dispatch, _form, _keyed_start, _LOOKBACK, _possible, _small_number_gate, _trigger
from .form import Skip


@dataclass(frozen=True)
class Hit:
    """A date found: its span, how it resolves, and the name of the form that read it."""

    start: int
    end: int
    resolve: Reading
    form: str = ""


def _read(name: str, m: re.Match[str], text: str, dayfirst: bool) -> Hit:
    """Run a form's resolver on its match; raises Skip (or a calendar error) when it is no date after all."""
    read = BY_NAME[name].resolve(Groups(m, name, text, dayfirst))
    if isinstance(read, Spanned):
        return Hit(read.start, read.end, read.reading, name)
    return Hit(m.start(name), m.end(name), read, name)


def hits(text: str, dayfirst: bool = True) -> Iterator[Hit]:
    """Every date hit, left to right.  At each candidate start the forms are tried in order; one
    whose resolver says "not a date" (a count, a name) hands over to the next."""
    table = _dispatch()
    low = text.lower()
    if len(low) != len(text):  # a few non-ASCII capitals change length when lowered
        low = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in text)
    done = 0  # end of the last hit: nothing before it is looked at again
    tried = -1  # candidate starts up to here have been tried
    keyed = _keyed_start()
    for t in _trigger().finditer(low):
        tpos = t.start()
        if tpos < done:
            continue
        for w in keyed.finditer(low, max(done, tried + 1, tpos - _LOOKBACK), t.end()):
            pos = w.start()
            tried = pos
            key = w.group()
            if key.isdigit():
                digits = _DIGITS.match(low, pos)
                n = digits.end() - pos if digits else 0
                key = "#dd" if n <= 2 else "#y" if n == 4 else "#ddd" if n == 3 else ""
                if n <= 3 and not _small_number_gate().match(low, pos):
                    continue
            if key not in table:
                continue
            hit = None
            for name in _possible(key, low, pos):
                m = _form(name).match(text, pos)
                if m is None:
                    continue
                try:
                    hit = _read(name, m, text, dayfirst)
                except (Skip, ValueError, KeyError, OverflowError):
                    continue  # not a date after all (a count, a name): the later forms get their try
                break
            if hit is None or m is None:
                continue
            while hit.end > hit.start and text[hit.end - 1] in " \t\n,":
                hit = Hit(hit.start, hit.end - 1, hit.resolve, hit.form)
            yield hit
            done = max(m.end(), hit.end)
            break


