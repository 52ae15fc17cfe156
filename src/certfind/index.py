"""Compact, immutable lookup tables for search and name resolution.

A `Table` maps sorted string keys to lists of ints, stored as one flat array of values and an
array of offsets. Built from records in memory, or read straight from the cache file's bytes
without decoding anything but the keys, so a warm run touches only what a query needs.
"""

from __future__ import annotations

from array import array
from bisect import bisect_left
from collections.abc import Sequence
from typing import NamedTuple


def key_of(text: str) -> str:
    """How exact lookups compare names: case-insensitive, whitespace folded."""
    return " ".join(text.casefold().split())


class Table(NamedTuple):
    """Sorted keys -> int lists. `keys` never contain a newline (see `key_of` and `search.fold`)."""

    keys: Sequence[str]
    offsets: Sequence[int]  # len(keys) + 1
    values: Sequence[int]

    @classmethod
    def build(cls, mapping: dict[str, list[int]]) -> Table:
        keys = sorted(mapping)
        offsets = array("I", [0])
        values = array("I")
        for key in keys:
            values.extend(mapping[key])
            offsets.append(len(values))
        return cls(keys, offsets, values)

    def position(self, key: str) -> int:
        """Where `key` is, or -1."""
        i = bisect_left(self.keys, key)
        return i if i < len(self.keys) and self.keys[i] == key else -1

    def get(self, key: str) -> Sequence[int]:
        i = self.position(key)
        return () if i < 0 else self.values[self.offsets[i] : self.offsets[i + 1]]

    def at(self, i: int) -> Sequence[int]:
        return self.values[self.offsets[i] : self.offsets[i + 1]]

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.position(key) >= 0


class Index(NamedTuple):
    """Everything search and resolution need, apart from the records themselves."""

    size: int
    words: Table  # folded word -> entry * FIELDS + field; stems under a '~' prefix
    surface_words: int  # words.keys[:surface_words] are the words themselves (stems sort after them)
    phrases: Table  # folded id / name / acronym / alias -> entries
    fields: dict[str, Table]  # "id" / "acronym" / "aliases" / "name" -> entries, by key_of
    trust: bytes  # per entry, position of its verification status in TRUST_ORDER
    names: Sequence[str]  # per entry: folded canonical name, then a newline, then folded aliases

    def canonical(self, entry: int) -> str:
        return self.names[entry].partition("\n")[0]

    def aliases(self, entry: int) -> str:
        return self.names[entry].partition("\n")[2]
