"""The shape of a stored catalog: its tables, what each entry's flags byte holds, and what a build is
given (the search module's Indexer) and told (a user entry's Lookalike, the catalog's Merged facts).

FORMAT names this shape: any change to the tables, the item's shape or the index keys bumps it, and a store
of another format is rebuilt (a test holds FORMAT to a fingerprint of that shape). Warm runs read only this
module of the store's build side.
"""

from collections.abc import Callable
from typing import NamedTuple, Protocol

from certfind.errors import Problem
from certfind.model import Certification, Record

FORMAT = 16
"""The stored shape's version (see the module docstring); a store of any other is rebuilt.
8: items are JSON with a CRC-32 (no compression); they carry `lookalike`; the build is `open_or_build`'s.
9: search ranks in an FTS5 table of each field's words and their families; `word` counts their entries.
10: items carry `evidence`, the age of the issuer's newest page.
11: words of every script are indexed (Cyrillic, Arabic, CJK ...), not only Latin letters and digits.
12: an unreal entry's `warning` names its alternatives, so that it stands on its own in every command.
13: the name order ranks every real entry before those no one awards.
14: an entry whose file gives no status is `unknown`, not `active`; the index folds `librarys` and `techs`.
15: the index folds `lib` to `library`.
16: the refuted field holds what an entry was said to be (its claim), not only the names it was given; the
    summary field holds the notes of its requirements too."""
FIELDS = 6  # search fields: search.lexicon.NAME, TOPIC, ISSUER, SUMMARY, REFUTED, CONTEXT
WEIGHTS = (1.0, 0.9, 0.75, 0.6, 0.35, 0.3)
"""How much a word found in each search field counts, in that order: in FTS5's bm25 and in search's own
score alike (the two must agree)."""
TRUST_ORDER = ("confirmed", "differs", "unverified", "not-found")
"""Each entry's flags byte: its place in this order (between equal matches the better-verified entry
comes first), plus UNREAL_FLAG when no one awards it (not found, or no longer awarded)."""
UNREAL_FLAG = 0x10

SCHEMA = """
CREATE TABLE meta(key TEXT PRIMARY KEY, value) WITHOUT ROWID;
CREATE TABLE entry(
    n INTEGER PRIMARY KEY,
    id TEXT NOT NULL,
    origin TEXT NOT NULL,
    issuer TEXT NOT NULL,
    issuer_key TEXT NOT NULL,
    kind TEXT NOT NULL,
    category TEXT NOT NULL,
    verification TEXT NOT NULL,
    status TEXT NOT NULL,
    currency TEXT NOT NULL,
    up_state INTEGER NOT NULL,      -- 0 every one-time amount known, 1 some known, 2 none known
    up_min INTEGER,
    up_max INTEGER,
    duration_low REAL,
    unreal INTEGER NOT NULL,        -- no one awards it: not found, or no longer awarded
    placeless INTEGER NOT NULL,     -- no region: open anywhere
    item BLOB NOT NULL,             -- the entry's JSON item (codec.py)
    crc INTEGER NOT NULL            -- its CRC-32
);
CREATE TABLE name_order(n INTEGER PRIMARY KEY, name_rank INTEGER NOT NULL);  -- real first; by name, id
CREATE TABLE name(key TEXT NOT NULL, field INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY(key, field, n))
    WITHOUT ROWID;
CREATE VIRTUAL TABLE entry_text USING fts5(                          -- rowid: the entry's n
    name, topics, issuer, summary, refuted, context, tokenize = "unicode61 tokenchars '~+'", detail = column
);
CREATE TABLE word(word TEXT PRIMARY KEY, entries INTEGER NOT NULL) WITHOUT ROWID;  -- how many entries use it
CREATE TABLE place(code TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY(code, n)) WITHOUT ROWID;
CREATE TABLE occupation(code TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY(code, n)) WITHOUT ROWID;
"""


class Lookalike(NamedTuple):
    """A user's entry named like a bundled entry it is not: the name or acronym, and the bundled entry's id."""

    text: str
    bundled_id: str


class Merged(NamedTuple):
    """What a build knows once every file is read: the user's file's problems (its entries with problems
    were left out) and the bundled ids the user's file replaces."""

    warnings: list[Problem]
    replaced: list[str]


class Indexer(NamedTuple):
    """What the search module contributes to a build: the words and names of an entry."""

    entry: Callable[[Certification], tuple[list[set[str]], list[tuple[str, int]]]]
    """Per search field, the words of an entry; and (folded key, field) pairs for exact lookups."""
    stem: Callable[[str], str]  # the index key of a word's family, indexed beside the word
    fuzzy: Callable[[str], bool]  # whether a word belongs in the fuzzy-matched vocabulary


class Sink(Protocol):
    """What a catalog's entries stream into while a store is built: build.Builder, or forked.ForkedBuilder
    when a second process writes."""

    def reserve(self) -> int:
        """A place for an entry that comes later (a user's entry that replaces a bundled one)."""
        ...

    def add(self, rec: Record, origin: str, at: int | None = None, lookalike: Lookalike | None = None) -> int:
        """Store one checked record, at a reserved place when `at` is given."""
        ...
