"""Building a stored catalog: the tables, and a Builder that fills them one entry at a time.

A build streams checked records in (`add`), or records another process prepared (`put`), and writes the
index in one transaction at the end (`finish`). FORMAT names the shape of what is stored: any change to the
tables, the item's shape or the index keys bumps it, and a store of another format is rebuilt (a test
holds FORMAT to a fingerprint of that shape).
"""

from __future__ import annotations

import json
import sqlite3
from array import array
from collections.abc import Callable, Iterable, Sequence
from itertools import chain, islice
from typing import NamedTuple

from certfind import costs, trust
from certfind.errors import Problem
from certfind.model import Certification, Record, from_record, to_item
from certfind.store.cachedir import Source
from certfind.store.codec import checksum, encode_item

FORMAT = 8
"""The stored shape's version (see the module docstring); a store of any other is rebuilt.
8: items are JSON with a CRC-32 (no compression); they carry `lookalike`; the build is `open_or_build`'s."""
FIELDS = 5  # search fields: search.NAME, TOPIC, ISSUER, SUMMARY, REFUTED
TRUST_ORDER = ("confirmed", "differs", "unverified", "not-found")
"""Each entry's flags byte: its place in this order (between equal matches the better-verified entry
comes first), plus UNREAL_FLAG when no one awards it (not found, or no longer awarded)."""
UNREAL_FLAG = 0x10

_SCHEMA = """
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
    item BLOB NOT NULL,             -- the entry's JSON item (codec.py)
    crc INTEGER NOT NULL            -- its CRC-32
);
CREATE TABLE name_order(n INTEGER PRIMARY KEY, name_rank INTEGER NOT NULL);  -- entries by name, then id
CREATE TABLE name(key TEXT NOT NULL, field INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY(key, field, n))
    WITHOUT ROWID;
CREATE TABLE word(word TEXT PRIMARY KEY, postings BLOB NOT NULL) WITHOUT ROWID;
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
    stem: Callable[[str], str]  # the index key of a word's family: it holds the postings of all its words
    fuzzy: Callable[[str], bool]  # whether a word belongs in the fuzzy-matched vocabulary
    alias: Callable[[str], str | None]  # the key whose postings a key may share; a reader falls back to it


class Prepared(NamedTuple):
    """What storing one entry takes that follows from its record alone, so that either process of a
    ForkedBuilder can work it out: its columns, encoded item, flags, words and names."""

    row: tuple[object, ...]  # the entry table's columns after n
    flags: int
    name: str  # folded, for the name order
    ident: str
    words: list[set[str]]  # per search field
    names: list[tuple[str, int]]  # (folded key, field) for exact lookups
    region: tuple[str, ...]
    occupations: tuple[str, ...]


def prepare(rec: Record, origin: str, indexer: Indexer, lookalike: Lookalike | None = None) -> Prepared:
    """Everything about a checked record that the store keeps, computed without the store."""
    cert = from_record(rec, origin)
    up = costs.upfront(cert)
    item = to_item(cert)  # a new dict: completed in place
    item["upfront"] = costs.as_json(up)
    item["warning"] = trust.warning_of(cert, None if lookalike is None else trust.lookalike_text(cert, *lookalike))
    item["lookalike"] = None if lookalike is None else lookalike.bundled_id
    data = encode_item(item)
    state = 2 if up is None or not up.known else (0 if up.complete else 1)
    d = cert.duration
    low = None if d is None else (d.min_months if d.min_months is not None else d.max_months)
    row = (
        cert.id,
        cert.origin,
        cert.issuer,
        cert.issuer.casefold(),
        cert.kind,
        cert.category,
        cert.verification.status,
        cert.status,
        cert.currency,
        state,
        None if state == 2 else up.min_cents if up else None,
        None if state == 2 else up.max_cents if up else None,
        low,
        data,
        checksum(data),
    )
    flags = TRUST_ORDER.index(cert.verification.status) | (UNREAL_FLAG if cert.unreal else 0)
    words, names = indexer.entry(cert)
    return Prepared(row, flags, cert.name.casefold(), cert.id, words, names, cert.region, cert.occupations)


class Builder:
    """Fills a new database one entry at a time, then writes the index in one transaction."""

    def __init__(self, conn: sqlite3.Connection, indexer: Indexer) -> None:
        self.conn = conn
        self.indexer = indexer
        conn.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA temp_store=MEMORY; "
            "PRAGMA page_size=8192;" + _SCHEMA
        )
        conn.execute("BEGIN")
        self.postings: dict[str, array[int]] = {}  # of words; their families' are made by finish
        self.families: dict[str, tuple[str | None, list[str]]] = {}  # family key -> its alias, its words
        self.late: dict[int, int] = {}  # n -> turn of each entry added from the first one out of place on
        self.flags = bytearray()
        self.names: list[str] = []  # per entry, its folded name, NUL and its id: what the name order sorts
        self.pending: list[tuple[object, ...]] = []
        self.name_rows: list[tuple[str, int, int]] = []

    @property
    def size(self) -> int:
        return len(self.flags)

    def reserve(self) -> int:
        """Keep a place for an entry that comes later (a user's entry replacing a bundled one)."""
        self.flags.append(0)
        self.names.append("")
        return len(self.flags) - 1

    def add(self, rec: Record, origin: str, at: int | None = None, lookalike: Lookalike | None = None) -> int:
        """Store a checked record as an entry of `origin`, in the place kept for it or the next one."""
        return self.put(prepare(rec, origin, self.indexer, lookalike), at)

    def put(self, entry: Prepared, at: int | None = None) -> int:
        """Store a prepared entry in the place kept for it or the next one."""
        n = self.reserve() if at is None else at
        self.pending.append((n, *entry.row))
        if len(self.pending) >= 1000:
            self._flush()
        self.flags[n] = entry.flags
        self.names[n] = f"{entry.name}\0{entry.ident}"  # no catalog text holds a NUL (catalogfile.parse_file)
        if at is not None or self.late:  # from the first entry added out of order, every turn is kept
            self.late[n] = len(self.late)
        postings = self.postings
        for field, terms in enumerate(entry.words):
            posting = n * FIELDS + field
            for term in terms:
                values = postings.get(term)
                if values is None:
                    values = postings[term] = array("I")
                    self._new_word(term)
                values.append(posting)
        self.name_rows.extend((key, field, n) for key, field in entry.names)
        if entry.region:
            self.conn.executemany("INSERT OR IGNORE INTO place VALUES (?, ?)", [(c, n) for c in entry.region])
        if entry.occupations:
            rows = [(c, n) for c in entry.occupations]
            self.conn.executemany("INSERT OR IGNORE INTO occupation VALUES (?, ?)", rows)
        return n

    def _new_word(self, word: str) -> None:
        key = self.indexer.stem(word)
        family = self.families.get(key)
        if family is None:
            self.families[key] = (self.indexer.alias(key), [word])
        else:
            family[1].append(word)

    def _flush(self) -> None:
        _insert(self.conn, "INSERT INTO entry VALUES", self.pending)
        self.pending.clear()
        _insert(self.conn, "INSERT OR IGNORE INTO name VALUES", self.name_rows)
        self.name_rows.clear()

    def _families(self) -> None:
        """Add the postings of each word family (`~stem`): its words' postings, each (entry, field) once, in
        the order entries were added. Made once here rather than entry by entry: half the appends. A family
        whose postings are those of its alias (the word that is its own stem, alone or not) is left out:
        readers then use the word's (at 100,000 synthetic entries, half the families). Which family a word
        is in, and each family's alias, were worked out by `put` as each word first came: the work of this
        step, done last while nothing else runs, is only the families' postings."""
        late = self.late

        def turn(posting: int) -> tuple[int, int, int]:
            n, field = divmod(posting, FIELDS)
            k = late.get(n)
            return (0, n, field) if k is None else (1, k, field)

        postings = self.postings
        for key, (alias, words) in self.families.items():
            if len(words) == 1:
                if alias == words[0]:
                    continue  # its postings are the word's own: it is the alias
                merged = postings[words[0]]
            else:
                union = set().union(*(postings[word] for word in words))
                merged = array("I", sorted(union, key=turn) if late else sorted(union))
            if alias is None or postings.get(alias) != merged:
                postings[key] = merged
        self.families.clear()

    def finish(self, key: str, sources: Sequence[Source], merged: Merged) -> sqlite3.Connection:
        """Write the index and the meta, and commit; returns the connection to read the store through."""
        self._flush()
        ranks = array("I", bytes(4 * self.size))
        # By name, then id (NUL sorts before every character), then place: a sort of plain strings is six
        # times as fast as one of (name, id, n) tuples (0.03 s against 0.19 at 100,000 entries).
        for rank, n in enumerate(sorted(range(self.size), key=self.names.__getitem__)):
            ranks[n] = rank
        _insert(self.conn, "INSERT INTO name_order VALUES", enumerate(ranks))  # appended in order
        self.conn.execute("CREATE INDEX name_order_rank ON name_order(name_rank)")  # a listing by name: no sort
        self._families()
        words = sorted(self.postings)
        _insert(self.conn, "INSERT INTO word VALUES", ((w, self.postings[w].tobytes()) for w in words))
        vocabulary = "\n".join(filter(self.indexer.fuzzy, words))
        meta = {
            "format": FORMAT,
            "key": key,
            "paths": json.dumps([list(s) for s in sources]),
            "size": self.size,
            "flags": bytes(self.flags),
            "vocabulary": vocabulary,
            "warnings": json.dumps([list(p) for p in merged.warnings]),
            "replaced": json.dumps(list(merged.replaced)),
        }
        self.conn.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        self.conn.execute(f"PRAGMA user_version = {FORMAT}")
        self.conn.commit()
        self.postings.clear()
        return self.conn

    def abort(self) -> None:
        """Nothing runs beside this process: the caller closes the connection and discards the file."""


ROWS_PER_INSERT = 32
"""Rows a build writes with one statement: a third less time for the name table than one row a statement
(30,000 entries: 0.20 s against 0.29), and a tenth to a quarter less for the other tables."""


def _insert(conn: sqlite3.Connection, head: str, rows: Iterable[tuple[object, ...]]) -> None:
    """`head` (`INSERT ... VALUES`) for each of `rows`, all of the same width, ROWS_PER_INSERT at a time;
    the rows are taken a few thousand at a time, so a generator of them is never held whole."""
    pending = iter(rows)
    while chunk := list(islice(pending, 128 * ROWS_PER_INSERT)):
        width = len(chunk[0])
        one = "(" + ",".join("?" * width) + ")"
        whole = len(chunk) - len(chunk) % ROWS_PER_INSERT
        if whole:
            values = list(chain.from_iterable(chunk[:whole]))
            step = ROWS_PER_INSERT * width
            many = [values[i : i + step] for i in range(0, len(values), step)]
            conn.executemany(f"{head} {','.join([one] * ROWS_PER_INSERT)}", many)
        if whole < len(chunk):
            conn.executemany(f"{head} {one}", chunk[whole:])
