"""Building a stored catalog: a Builder that fills the tables (layout.py) one entry at a time.

A build streams checked records in (`add`), or records another process prepared (`put`), and writes the
index in one transaction at the end (`finish`).
"""

from __future__ import annotations

import json
import os
import sqlite3
from array import array
from collections.abc import Iterable, Sequence
from itertools import chain
from typing import NamedTuple

from certfind import costs, trust
from certfind.model import Record, from_record, to_item
from certfind.store.cachedir import Source
from certfind.store.codec import checksum, encode_item
from certfind.store.layout import FORMAT, SCHEMA, TRUST_ORDER, UNREAL_FLAG, Indexer, Lookalike, Merged


class Prepared(NamedTuple):
    """What storing one entry takes that follows from its record alone, so that either process of a
    ForkedBuilder can work it out: its columns, encoded item, flags, words and names."""

    row: tuple[object, ...]  # the entry table's columns after n
    flags: int
    name: str  # folded, for the name order, after "0" (a real entry) or "1" (one no one awards): real ones first
    ident: str
    words: list[list[str]]  # per search field, its words and their families' keys
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
    item["evidence"] = trust.evidence_json(cert)
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
        int(cert.unreal),
        int(not cert.region),
        data,
        checksum(data),
    )
    flags = TRUST_ORDER.index(cert.verification.status) | (UNREAL_FLAG if cert.unreal else 0)
    words, names = indexer.entry(cert)
    terms = [sorted(field | {indexer.stem(word) for word in field}) for field in words]
    name = ("1" if cert.unreal else "0") + cert.name.casefold()
    return Prepared(row, flags, name, cert.id, terms, names, cert.region, cert.occupations)


class Builder:
    """Fills a new database one entry at a time, then writes what needs every entry in one transaction."""

    def __init__(self, conn: sqlite3.Connection, indexer: Indexer) -> None:
        self.conn = conn
        self.indexer = indexer
        conn.executescript(
            "PRAGMA journal_mode=OFF; PRAGMA synchronous=OFF; PRAGMA temp_store=MEMORY; PRAGMA page_size=8192;" + SCHEMA
        )
        conn.execute("BEGIN")
        self.entries_of: dict[str, int] = {}  # per index key, how many entries use it
        self.flags = bytearray()
        self.names: list[str] = []  # per entry, its Prepared.name, NUL and its id: what the name order sorts
        self.pending: list[tuple[object, ...]] = []
        self.text_rows: list[tuple[object, ...]] = []
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
        self.text_rows.append((n, *(" ".join(field) for field in entry.words)))
        self.name_rows.extend((key, field, n) for key, field in entry.names)
        if len(self.pending) >= 1000:
            self._flush()
        self.flags[n] = entry.flags
        self.names[n] = f"{entry.name}\0{entry.ident}"  # no catalog text holds a NUL (catalogfile.parse_file)
        counts = self.entries_of
        for term in set().union(*entry.words):
            counts[term] = counts.get(term, 0) + 1
        if entry.region:
            self.conn.executemany("INSERT OR IGNORE INTO place VALUES (?, ?)", [(c, n) for c in entry.region])
        if entry.occupations:
            rows = [(c, n) for c in entry.occupations]
            self.conn.executemany("INSERT OR IGNORE INTO occupation VALUES (?, ?)", rows)
        return n

    def _flush(self) -> None:
        _insert(self.conn, "INSERT INTO entry VALUES", self.pending)
        self.pending.clear()
        columns = "rowid, name, topics, issuer, summary, refuted, context"
        _insert(self.conn, f"INSERT INTO entry_text({columns}) VALUES", self.text_rows)
        self.text_rows.clear()
        _insert(self.conn, "INSERT OR IGNORE INTO name VALUES", self.name_rows)
        self.name_rows.clear()

    def finish(self, key: str, sources: Sequence[Source], merged: Merged) -> sqlite3.Connection:
        """Write the name order, the word counts and the meta, and commit; returns the connection to read the
        store through."""
        self._flush()
        ranks = array("I", bytes(4 * self.size))
        for rank, n in enumerate(sorted(range(self.size), key=self.names.__getitem__)):  # real first; name, id
            ranks[n] = rank
        _insert(self.conn, "INSERT INTO name_order VALUES", enumerate(ranks))  # appended in order
        self.conn.execute("CREATE INDEX name_order_rank ON name_order(name_rank)")  # a listing by name: no sort
        words = sorted(self.entries_of)
        _insert(self.conn, "INSERT INTO word VALUES", ((w, self.entries_of[w]) for w in words))
        vocabulary = "\n".join(filter(self.indexer.fuzzy, words))
        meta = {
            "format": FORMAT,
            "key": key,
            "paths": json.dumps([[os.path.abspath(s.path), s.origin] for s in sources]),  # pruning runs elsewhere
            "size": self.size,
            "flags": bytes(self.flags),
            "vocabulary": vocabulary,
            "warnings": json.dumps([list(p) for p in merged.warnings]),
            "replaced": json.dumps(list(merged.replaced)),
        }
        self.conn.executemany("INSERT INTO meta VALUES (?, ?)", meta.items())
        self.conn.execute(f"PRAGMA user_version = {FORMAT}")
        self.conn.commit()
        self.entries_of.clear()
        return self.conn

    def abort(self) -> None:
        """Nothing runs beside this process: the caller closes the connection and discards the file."""


def _insert(conn: sqlite3.Connection, head: str, rows: Iterable[tuple[object, ...]]) -> None:
    """`head` (`INSERT ... VALUES`) for each of `rows`, all of the same width; rows from a generator are
    written as they come, never held whole."""
    pending = iter(rows)
    first = next(pending, None)
    if first is not None:
        conn.executemany(f"{head} ({','.join('?' * len(first))})", chain([first], pending))
