"""How a site is broken: one change a sub-editor would call wrong at a glance, keeping the way the text writes it.

    digit     the first significant digit, so the value moves by at least a fifth ("£481.5m" -> "£681.5m")
    weekday   another weekday, capitalised as written ("Tuesday" -> "Friday")
    day       the day of the month moved by one to three ("March 9" -> "March 11"), so the weekday is wrong
    count     an elapsed count moved out of the range the dates allow, by at least a fifth, as digits
              or words as written ("six months" -> "nine months", "60th" -> "64th")
"""
from __future__ import annotations

import calendar
import random
import re

from .sites import Target
from .timing import value_word, word_value

MIN_MOVE = 1.2  # a broken value differs from the original by at least this factor either way
_DIGITS = re.compile(r"\d[\d,]*(?:\.\d+)?")


def break_number(surface: str, rng: random.Random) -> str | None:
    """The surface with its first significant digit changed so the value moves >= MIN_MOVE; None if impossible."""
    m = _DIGITS.search(surface)
    if not m:
        return None
    num = m.group(0)
    first = next((i for i, ch in enumerate(num) if ch.isdigit() and ch != "0"), None)
    if first is None:
        return None
    old = float(num.replace(",", ""))
    choices = []
    for d in "123456789":
        if d == num[first]:
            continue
        new_num = num[:first] + d + num[first + 1:]
        new = float(new_num.replace(",", ""))
        if old > 0 and (new / old >= MIN_MOVE or old / new >= MIN_MOVE):
            choices.append(new_num)
    if not choices:
        return None
    return surface[:m.start()] + rng.choice(choices) + surface[m.end():]


def break_weekday(word: str, rng: random.Random) -> str:
    """Another weekday, written in the same case."""
    new = rng.choice([d for d in calendar.day_name if d.lower() != word.lower()])
    return new.upper() if word.isupper() else new


def break_day(day: str, rng: random.Random) -> str:
    """The day of the month moved by one to three, staying a day every month has (1-28)."""
    d = int(day)
    options = [d + k for k in (-3, -2, -1, 1, 2, 3) if 1 <= d + k <= 28]
    return str(rng.choice(options))


def break_count(token: str, low: float, high: float, rng: random.Random) -> str | None:
    """A count outside [low, high] and a fifth or more from the written one, written as the original is ("60th" -> "64th")."""
    is_digits = token[0].isdigit()
    ordinal = is_digits and not token.isdigit()
    old = word_value(token)
    if old is None:
        return None
    top = max(2 * old + 3, 6)
    options = [n for n in range(1, top + 1)
               if not low <= n <= high and abs(n - old) >= max(1, 0.2 * old) and (is_digits or value_word(n))]
    if not options:
        return None
    new = rng.choice(options)
    if is_digits:
        return str(new) + (_suffix(new) if ordinal else "")
    word = value_word(new) or str(new)
    return word.capitalize() if token[0].isupper() else word


def _suffix(n: int) -> str:
    if n % 100 in (11, 12, 13):
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


def apply(text: str, target: Target, rng: random.Random) -> str | None:
    """The replacement for ``text[target.start:target.end]``, or None when this target cannot be broken."""
    surface = text[target.start:target.end]
    if target.how == "digit":
        return break_number(surface, rng)
    if target.how == "weekday":
        return break_weekday(surface, rng)
    if target.how == "day":
        return break_day(surface, rng)
    if target.how == "count":
        return break_count(surface, target.low, target.high, rng)
    raise ValueError(f"unknown break {target.how!r}")
