"""The names one group goes by (NC110): nouns for the same group and the kinds a noun belongs to, from
numcheck/data/group_names.tsv ("troops" ... "the soldiers", "chickens" ... "the birds")."""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from types import MappingProxyType
from typing import Mapping

from ...datafiles import DataFileError, table


@dataclass(frozen=True)
class GroupNames:
    """numcheck/data/group_names.tsv: nouns that name one group (each to the row's name), and the kinds a noun belongs to."""

    same: Mapping[str, str]                # "troop" -> "soldier"
    kinds: Mapping[str, frozenset[str]]    # "chicken" -> {"bird", "animal"}


@lru_cache(maxsize=1)
def group_names() -> GroupNames:
    same: dict[str, str] = {}
    kinds: dict[str, set[str]] = {}
    rows = table("group_names.tsv", ("name", "relation", "names"))
    for name, relation, names in rows:
        if relation not in ("same", "kind"):
            raise DataFileError(f"numcheck/data/group_names.tsv: {name!r} has relation {relation!r}, not same or kind")
        if relation == "same":
            same.update((n, name) for n in names.split())
    for name, relation, names in rows:
        if relation == "kind":
            for n in names.split():  # keyed as groups are, by the row name of a noun's synonyms ("apartment": "flat")
                kinds.setdefault(same.get(n, n), set()).add(name)
    for ks in kinds.values():  # a kind of a kind is a kind too: a parrot is a bird, so an animal
        todo = list(ks)
        while todo:
            for wider in kinds.get(todo.pop(), ()):
                if wider not in ks:
                    ks.add(wider)
                    todo.append(wider)
    return GroupNames(MappingProxyType(same),
                      MappingProxyType({n: frozenset(same.get(k, k) for k in ks) for n, ks in kinds.items()}))


def kinds_of(head: str) -> frozenset[str]:
    """The wider names a group's head noun belongs to, as groups are keyed ("chicken" -> {"bird", "animal"})."""
    return group_names().kinds.get(head, frozenset())
