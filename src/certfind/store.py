"""The parsed catalog in one SQLite database: records, search index and the filter/sort columns.

One database per set of catalog files, `$XDG_CACHE_HOME/certfind/<hash of their paths>.sqlite3`, used
by cold and warm runs alike: a cold run streams the YAML into a new database entry by entry, and a warm
run opens the existing one read-only. When the cache cannot be used, the database is built in memory.
A big catalog is written by a second process (ForkedBuilder) while this one reads and checks the YAML;
if that process fails, the catalog is read again and built in memory. Deleting the directory is always safe.

Trust, by construction rather than by checksum:
- the directory is created 0700 and files 0600 whatever the umask; a directory or file that is not
  owned by the user, is writable by others or is not what it should be (a symlink, a FIFO) is never
  read nor written, and certfind says so once on stderr;
- the directory is opened once with O_NOFOLLOW and every file is reached through that descriptor
  (`/proc/self/fd/N/...` for SQLite), so a path swapped meanwhile cannot redirect a read or a write;
- a database is built under a fresh unpredictable name (`tempfile.mkstemp`) and renamed into place;
  readers open it `immutable`, so a rename over it never changes what a running command reads;
- the key (path, size, times, inode of every catalog file) is taken before the parse and checked
  again after it: a file edited meanwhile is used for this run but never stored;
- a damaged or foreign database is ignored and rebuilt; leftover temporary files and the databases
  of catalogs that no longer exist are pruned when a new database is written.
"""

from __future__ import annotations

import contextlib
import json
import os
import sqlite3
import stat
import sys
import zlib
from array import array
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import cache
from itertools import chain, islice
from typing import Any, NamedTuple

from certfind import __version__, costs, paths, trust  # every command that reads entries needs both
from certfind.errors import Problem
from certfind.model import Certification, Record, from_record, to_item

FORMAT = 7
"""Bumped whenever the tables change; with the certfind version it decides when to rebuild.
2: a stem key whose postings would repeat its word's is left out of the word table (Indexer.alias).
5: the name order is a table of its own, written in one pass, rather than a column updated row by row.
6: catalog contract 1.2: items carry the new fields of routes, fees, renewals and sources.
7: items carry ctid, issuer_id, language, ctdl_type, a fee's type and a duration's hours."""
RACY_NS = 2_000_000_000
"""A catalog modified this recently is not stored: a second edit in the same clock tick could hide."""
STALE_TEMP_SECONDS = 3600
FIELDS = 5  # search fields: search.NAME, TOPIC, ISSUER, SUMMARY, REFUTED
TRUST_ORDER = ("confirmed", "differs", "unverified", "not-found")
"""Each entry's flags byte: its place in this order (between equal matches the better-verified entry
comes first), plus UNREAL_FLAG when no one awards it (not found, or discontinued)."""
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
    item BLOB NOT NULL              -- the entry's JSON item, zlib-compressed against ITEM_DICTIONARY
);
CREATE TABLE name_order(n INTEGER PRIMARY KEY, name_rank INTEGER NOT NULL);  -- entries by name, then id
CREATE TABLE name(key TEXT NOT NULL, field INTEGER NOT NULL, n INTEGER NOT NULL, PRIMARY KEY(key, field, n))
    WITHOUT ROWID;
CREATE TABLE word(word TEXT PRIMARY KEY, postings BLOB NOT NULL) WITHOUT ROWID;
CREATE TABLE place(code TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY(code, n)) WITHOUT ROWID;
CREATE TABLE occupation(code TEXT NOT NULL, n INTEGER NOT NULL, PRIMARY KEY(code, n)) WITHOUT ROWID;
"""


class StoreDamaged(Exception):
    """The database cannot be read as it should; the catalog is rebuilt from its files."""


class Source(NamedTuple):
    """One catalog file of the active catalog and where it comes from (`bundled`, `user`, `file`)."""

    path: str
    origin: str


# --- the item codec ------------------------------------------------------------------------------


@cache
def _dictionary() -> bytes:
    """What items share, as a preset dictionary so that small items compress well: every key in order
    (an entry with every field empty), then the values most entries have (a typical entry). Derived from
    the model, so it always has the item's shape; the store's certfind version says which one built it."""
    from datetime import date

    from certfind.costs import Money, as_json
    from certfind.model import Duration, Exam, Fee, Renewal, Route, Verification
    from certfind.model import Source as Src

    empty = Certification(
        "id",
        "name",
        "issuer",
        "library",
        "summary",
        Verification(checked=None),
        (Src("title", "https://"),),
        exam=Exam(),
        duration=Duration(),
        renewal=Renewal(),
        costs=(Fee("Application", 0, 0),),
        requirements=(Route(),),
    )
    typical = Certification(
        "library-certification",
        "Library Certification",
        "State Library",
        "library",
        "A certification for library staff.",
        Verification("confirmed", date(2026, 1, 1)),
        (Src("Certification", "https://www.example.org/", date(2026, 1, 1)),),
        kind="certificate",
        exam=Exam("multiple choice", 100, "", 120),
        duration=Duration(6, 24),
        renewal=Renewal(3, "30 contact hours"),
        costs=(Fee("Application", 10000, 10000, "non-member"), Fee("Renewal", 5000, 5000, every_years=3)),
        status="active",
    )
    return b"".join(
        encode_item(to_item(cert) | {"upfront": as_json(Money("USD", 10000, 10000)), "warning": None})
        for cert in (empty, typical)
    )


def encode_item(item: Record) -> bytes:
    """Compact JSON in which no control, bidi or invisible character is left raw."""
    from certfind.text import json_safe

    return json_safe(_encoder().encode(item)).encode("utf-8")


@cache
def _encoder() -> json.JSONEncoder:
    """One encoder for every item: `json.dumps` with options sets up a new one for each call. An item is made
    afresh from its record and holds no container twice, so the encoder need not look for cycles (a tenth
    less time: 11.5 us an item rather than 12.5)."""
    return json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)


ITEM_WBITS = 12
"""A 4 KiB window holds the dictionary (about 1 KiB) and an item (about 1 KiB), so items compress as well as
with zlib's 32 KiB default, and the state to set up for each item is an eighth the size. Items use deflate's
fixed Huffman codes: no code tables to build and read for each small item, which halves the time to inflate
one (about 3 us instead of 6.5) for items about 10% larger; zlib's checksum still guards each item."""


@cache
def _deflater() -> Any:
    """A compressor set up for items and never fed: each item is compressed by a copy of it, which skips
    loading the dictionary. Its memory level of 4 (zlib's default is 8) makes its tables small enough to
    copy cheaply: about 20 us an item instead of 30. Level 3 rather than zlib's default of 6 takes a fifth
    less time again (17.5 us) for items 4% larger (333 bytes on average against 319)."""
    return zlib.compressobj(3, zlib.DEFLATED, ITEM_WBITS, 4, zlib.Z_FIXED, _dictionary())


def _compress(data: bytes) -> bytes:
    packer = _deflater().copy()
    return packer.compress(data) + packer.flush()  # type: ignore[no-any-return]


@cache
def _inflater() -> Any:
    """A decompressor set up for items and never fed: each item is inflated by a copy of it, which is
    cheaper than setting one up (about 4 us an item instead of 6.5)."""
    return zlib.decompressobj(ITEM_WBITS, zdict=_dictionary())


def _decompress(blob: bytes) -> bytes:
    unpacker = _inflater().copy()
    data: bytes = unpacker.decompress(blob)  # without max_length, everything comes out at once
    if not unpacker.eof:
        raise zlib.error("truncated item")
    if unpacker.unused_data:
        raise zlib.error("data after the item")
    return data


# --- the database ---------------------------------------------------------------------------------


class Store:
    """An open catalog database. Every read error surfaces as StoreDamaged."""

    def __init__(self, conn: sqlite3.Connection, sources: Sequence[Source]) -> None:
        self.conn = conn
        self.sources = tuple(sources)
        meta = dict(self.query("SELECT key, value FROM meta"))
        try:
            self.size = int(meta["size"])
            self.flags = bytes(meta["flags"])
            self.vocabulary_text = str(meta["vocabulary"])
            self.warnings = [Problem(*p) for p in json.loads(meta["warnings"])]
            self.replaced = list(json.loads(meta["replaced"]))
            self.key = str(meta["key"])
            self.version = (int(meta["format"]), str(meta["certfind"]))
        except (KeyError, ValueError, TypeError) as exc:
            raise StoreDamaged(f"meta: {exc}") from None
        if len(self.flags) != self.size:
            raise StoreDamaged("flags do not match the entry count")

    def query(self, sql: str, args: Sequence[object] = ()) -> list[Any]:
        try:
            return self.conn.execute(sql, args).fetchall()
        except sqlite3.Error as exc:
            raise StoreDamaged(str(exc)) from None

    def batches(self, sql: str, args: Sequence[object] = ()) -> Iterator[list[Any]]:
        """The rows of a query a batch at a time, for output that streams."""
        try:
            cursor = self.conn.execute(sql, args)
            while batch := cursor.fetchmany(1024):
                yield batch
        except sqlite3.Error as exc:
            raise StoreDamaged(str(exc)) from None

    # entries
    def item_text(self, n: int) -> str:
        rows = self.query("SELECT item FROM entry WHERE n = ?", (n,))
        if not rows:
            raise StoreDamaged(f"entry {n} is missing")
        return decode(rows[0][0])

    def cert(self, n: int) -> Certification:
        return cert_of(self.item_text(n))

    def items(self, entries: Sequence[int]) -> Iterator[tuple[int, str]]:
        """(entry, JSON item) in the order given, fetched in batches."""
        for start in range(0, len(entries), 500):
            chunk = entries[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found = dict(self.query(f"SELECT n, item FROM entry WHERE n IN ({marks})", chunk))
            for n in chunk:
                if n not in found:
                    raise StoreDamaged(f"entry {n} is missing")
                yield n, decode(found[n])

    def item_batches(self, sql: str, args: Sequence[object] = ()) -> Iterator[list[bytes]]:
        """The items of a query selecting `item`, as the UTF-8 JSON they are stored as, in its order, a batch
        at a time, each checked as `inflate` does: the fast way to print a whole listing."""
        for batch in self.batches(sql, args):
            yield [inflate(blob) for (blob,) in batch]

    def item_rows(self, sql: str, args: Sequence[object] = ()) -> Iterator[tuple[int, str]]:
        """(entry, JSON item) of every row of a query selecting `n, item`, streamed in its order."""
        for batch in self.batches(sql, args):
            for n, blob in batch:
                yield n, decode(blob)

    # search index
    def vocabulary(self) -> list[str]:
        return self.vocabulary_text.split("\n") if self.vocabulary_text else []

    def postings(self, words: Iterable[str]) -> dict[str, array[int]]:
        wanted = list(dict.fromkeys(words))
        found: dict[str, array[int]] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for word, blob in self.query(f"SELECT word, postings FROM word WHERE word IN ({marks})", chunk):
                values = array("I")
                try:
                    values.frombytes(blob)
                except (TypeError, ValueError):
                    raise StoreDamaged(f"postings of {word!r}") from None
                if values and max(values) >= self.size * FIELDS:
                    raise StoreDamaged(f"postings of {word!r} out of range")
                found[word] = values
        return found

    def named(self, key: str) -> list[tuple[int, int]]:
        """(field, entry) of every id, acronym, alias, name or claimed name that folds to `key`."""
        rows = self.query("SELECT field, n FROM name WHERE key = ? ORDER BY field, n", (key,))
        return [(int(f), self._entry(n)) for f, n in rows]

    def name_keys(self, field: int, prefix: str, limit: int = 500) -> list[tuple[str, int]]:
        rows = self.query(
            "SELECT key, n FROM name WHERE field = ? AND key >= ? AND key < ? ORDER BY key LIMIT ?",
            (field, prefix, prefix + "\U0010ffff", limit),
        )
        return [(str(k), self._entry(n)) for k, n in rows]

    def all_name_keys(self, fields: Sequence[int]) -> list[tuple[str, int]]:
        marks = ",".join("?" * len(fields))
        rows = self.query(f"SELECT key, n FROM name WHERE field IN ({marks})", fields)
        return [(str(k), self._entry(n)) for k, n in rows]

    def _entry(self, n: object) -> int:
        if not isinstance(n, int) or not 0 <= n < self.size:
            raise StoreDamaged(f"entry number {n!r} out of range")
        return n


def inflate(blob: object) -> bytes:
    """A stored item as its UTF-8 JSON, checked: zlib's checksum catches damage to the bytes, and a cheap
    look that it is the object of an entry catches a blob that is not an item at all."""
    try:
        if not isinstance(blob, bytes):
            raise TypeError("not a blob")
        data = _decompress(blob)
    except (zlib.error, TypeError) as exc:
        raise StoreDamaged(f"item: {exc}") from None
    if not (data.startswith(b'{"id":"') and data.endswith(b"}")):
        raise StoreDamaged("item: not an entry")
    return data


def decode(blob: object) -> str:
    """A stored item as JSON text, checked as `inflate` does."""
    try:
        return inflate(blob).decode("utf-8")
    except UnicodeDecodeError as exc:
        raise StoreDamaged(f"item: {exc}") from None


def cert_of(text: str) -> Certification:
    return entry_of(text)[0]


def entry_of(text: str) -> tuple[Certification, Record]:
    """A stored item as a Certification and as the JSON object it is, parsed once."""
    try:
        record = json.loads(text)
        cert = from_record(record)
        if not isinstance(cert.id, str) or not isinstance(cert.name, str):
            raise TypeError("id and name must be text")
        return cert, record
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise StoreDamaged(f"record: {exc}") from None


# --- building ---------------------------------------------------------------------------------------


class Indexer(NamedTuple):
    """What the search module contributes to a build: the words and names of an entry."""

    entry: Callable[[Certification], tuple[list[set[str]], list[tuple[str, int]]]]
    """Per search field, the words of an entry; and (folded key, field) pairs for exact lookups."""
    stem: Callable[[str], str]  # the index key of a word's family: it holds the postings of all its words
    fuzzy: Callable[[str], bool]  # whether a word belongs in the fuzzy-matched vocabulary
    alias: Callable[[str], str | None]  # the key whose postings a key may share; a reader falls back to it


class Prepared(NamedTuple):
    """What storing one entry takes that follows from its record alone, so that either process of a
    ForkedBuilder can work it out: its columns, compressed item, flags, words and names."""

    row: tuple[object, ...]  # the entry table's columns after n
    flags: int
    name: str  # folded, for the name order
    ident: str
    words: list[set[str]]  # per search field
    names: list[tuple[str, int]]  # (folded key, field) for exact lookups
    region: tuple[str, ...]
    occupations: tuple[str, ...]


def prepare(rec: Record, origin: str, warning: str | None, indexer: Indexer) -> Prepared:
    """Everything about a checked record that the store keeps, computed without the store."""
    cert = from_record(rec, origin)
    up = costs.upfront(cert)
    item = to_item(cert)  # a new dict: completed in place
    item["upfront"], item["warning"] = costs.as_json(up), trust.warning_of(cert, warning)
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
        _compress(encode_item(item)),
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

    def add(self, rec: Record, origin: str, at: int | None = None, warning: str | None = None) -> int:
        """Store a checked record as an entry of `origin`, in the place kept for it or the next one."""
        return self.put(prepare(rec, origin, warning, self.indexer), at)

    def put(self, entry: Prepared, at: int | None = None) -> int:
        """Store a prepared entry in the place kept for it or the next one."""
        n = self.reserve() if at is None else at
        self.pending.append((n, *entry.row))
        if len(self.pending) >= 1000:
            self._flush()
        self.flags[n] = entry.flags
        self.names[n] = f"{entry.name}\0{entry.ident}"  # no catalog text holds a NUL (catalog.parse_file)
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

    def finish(
        self, key: str, sources: Sequence[Source], warnings: Sequence[Problem], replaced: Sequence[str]
    ) -> sqlite3.Connection:
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
            "certfind": __version__,
            "key": key,
            "paths": json.dumps([list(s) for s in sources]),
            "size": self.size,
            "flags": bytes(self.flags),
            "vocabulary": vocabulary,
            "warnings": json.dumps([list(p) for p in warnings]),
            "replaced": json.dumps(list(replaced)),
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


class WorkerFailed(Exception):
    """The process building a store in parallel stopped before it finished; the catalog is read again."""


PARALLEL_BYTES = 1024 * 1024
"""Catalog files this large together (about 1,500 entries) are stored by a second process while this one
reads them. Below it the gain is a few milliseconds (300 entries: 99 ms against 108 ms; 1,700: 0.46 s
against 0.52 s), not worth a second process for the catalogs almost everyone has."""


def can_fork() -> bool:
    """Whether a second process can run beside this one: on Linux (where fork without exec is safe and
    tested), when this process may use two CPUs."""
    if not sys.platform.startswith("linux"):
        return False
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
    return cpus > 1


_ADD, _RESERVE, _FINISH, _PUT = 0, 1, 2, 3


class ForkedBuilder:
    """A Builder in a child process, with the same calls, fed through a pipe: while this process reads and
    checks the YAML, the child indexes, compresses and writes the entries it has been handed. When the child
    falls behind, this process prepares part of the entries itself (`_balance`), and the child only stores
    those. The child only ever writes the new database at `path`; this process decides, as for any build,
    whether it is kept."""

    BATCH = 256
    """Calls sent at a time: enough to make each pipe write worth it, few enough to keep the child busy."""
    SHARE_STEP = 1 / 32
    """How much the share of entries this process prepares moves at each batch (over 100,000 entries it
    settles between a tenth and two thirds, as the two processes' speeds go)."""
    PIPE_BYTES = 1 << 20
    """Room for a few frames, so that one still unread shows the child is behind (Linux's default, 64 KiB,
    holds less than one)."""

    def __init__(self, path: str, indexer: Indexer) -> None:
        try:
            read_fd, write_fd = os.pipe()
        except OSError as exc:
            raise WorkerFailed(f"no pipe for the store's builder: {exc}") from None
        try:
            pid = os.fork()
        except OSError as exc:  # out of processes or memory: the caller builds in this process
            os.close(read_fd)
            os.close(write_fd)
            raise WorkerFailed(f"cannot start the store's builder: {exc}") from None
        if pid == 0:  # the child: build, and leave without running anything this process set up
            code = 1
            try:
                os.close(write_fd)
                code = _serve(path, indexer, read_fd)
            finally:
                os._exit(code)
        os.close(read_fd)
        with contextlib.suppress(OSError, AttributeError):  # where it cannot grow, the pipe holds less
            import fcntl

            fcntl.fcntl(write_fd, fcntl.F_SETPIPE_SZ, self.PIPE_BYTES)
        self.path, self.pid = path, pid
        self.pipe = os.fdopen(write_fd, "wb", buffering=1 << 16)
        self.calls: list[tuple[object, ...]] = []
        self.size = 0
        self.indexer = indexer
        self.share = 0.0  # of each batch's entries, the part this process prepares (`_balance`)

    def reserve(self) -> int:
        self._call(_RESERVE)
        self.size += 1
        return self.size - 1

    def add(self, rec: Record, origin: str, at: int | None = None, warning: str | None = None) -> int:
        self._call(_ADD, rec, origin, at, warning)
        if at is not None:
            return at
        self.size += 1
        return self.size - 1

    def finish(
        self, key: str, sources: Sequence[Source], warnings: Sequence[Problem], replaced: Sequence[str]
    ) -> sqlite3.Connection:
        """Hand over the last calls and wait for the child to write everything (WorkerFailed if it could not);
        returns a read-only connection to what it wrote."""
        self._call(_FINISH, key, [tuple(s) for s in sources], [tuple(p) for p in warnings], list(replaced))
        self._send()
        with contextlib.suppress(OSError):
            self.pipe.close()
        _, status = os.waitpid(self.pid, 0)
        self.pid = 0
        if os.waitstatus_to_exitcode(status) != 0:
            raise WorkerFailed(f"the store's builder exited with status {os.waitstatus_to_exitcode(status)}")
        return sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)

    def abort(self) -> None:
        """Stop the child, whatever it is doing (the database it was writing is discarded by the caller)."""
        if self.pid:
            import signal

            with contextlib.suppress(OSError):
                os.kill(self.pid, signal.SIGKILL)
            with contextlib.suppress(OSError):
                self.pipe.close()
            with contextlib.suppress(ChildProcessError):
                os.waitpid(self.pid, 0)
            self.pid = 0

    def _call(self, *call: object) -> None:
        self.calls.append(call)
        if len(self.calls) >= self.BATCH:
            self._send()

    def _send(self) -> None:
        """One frame: its length, then the calls in `marshal`'s format. They are plain data, read by the same
        Python, and the child reads them twice as fast as pickle's (at 100,000 entries, 0.5 s instead of 1.1).
        Version 4 sends an object that recurs in a frame once: records share their keys' string objects (the
        schema's own), so a record takes 5.7 us to send and read rather than 9.5 with version 2."""
        import marshal

        self._balance()
        frame = marshal.dumps(self.calls, 4)
        try:
            self.pipe.write(len(frame).to_bytes(8, "little"))
            self.pipe.write(frame)
            self.pipe.flush()  # all of it: the child can only begin on calls once it has the last byte
        except OSError as exc:  # the child is gone (a broken pipe): it says why when it is waited for
            raise WorkerFailed(f"the store's builder went away: {exc}") from None
        self.calls = []

    def _balance(self) -> None:
        """Share the work: a frame still unread in the pipe means the child is behind, so this process
        prepares a larger part of each batch's entries itself (the child then only stores them); an empty
        pipe means it keeps up, so a smaller part. The share settles where both processes are busy."""
        unread = self._unread()
        step = self.SHARE_STEP
        self.share = min(1.0, self.share + step) if unread else max(0.0, self.share - step)
        count = round(self.share * len(self.calls))
        for i, call in enumerate(self.calls):
            if count <= 0:
                break
            if call[0] == _ADD:
                _, rec, origin, at, warning = call
                entry = prepare(rec, origin, warning, self.indexer)  # type: ignore[arg-type]
                self.calls[i] = (_PUT, tuple(entry), at)
                count -= 1

    def _unread(self) -> int:
        """Bytes written to the pipe that the child has not read yet (0 where that cannot be asked)."""
        import fcntl
        import termios

        count = array("i", [0])
        try:
            fcntl.ioctl(self.pipe.fileno(), termios.FIONREAD, count, True)
        except OSError:
            return 0
        return count[0]


def _serve(path: str, indexer: Indexer, read_fd: int) -> int:
    """The child's side of ForkedBuilder: carry out the calls as they come; 0 once the store is written."""
    import marshal

    conn = sqlite3.connect(path)
    try:
        builder = Builder(conn, indexer)
        with os.fdopen(read_fd, "rb", buffering=1 << 16) as pipe:
            while True:
                size = int.from_bytes(pipe.read(8), "little")
                frame = pipe.read(size)
                if not size or len(frame) != size:
                    return 1  # the reader went away mid-way: there is nothing to finish
                for call in marshal.loads(frame):
                    if call[0] == _ADD:
                        builder.add(*call[1:])
                    elif call[0] == _PUT:
                        builder.put(Prepared(*call[1]), call[2])
                    elif call[0] == _RESERVE:
                        builder.reserve()
                    else:
                        key, sources, warnings, replaced = call[1:]
                        builder.finish(key, [Source(*s) for s in sources], [Problem(*p) for p in warnings], replaced)
                        return 0
    finally:
        conn.close()


# --- where the database lives, and whether to trust it ----------------------------------------------


class Place(NamedTuple):
    """The cache directory, opened and checked: `fd` pins it; `path` reaches it through the descriptor."""

    fd: int
    path: str


_warned: set[str] = set()


def warn_once(message: str) -> None:
    """Say why the cache is not used, once per run."""
    if message not in _warned:
        _warned.add(message)
        from certfind.text import clean

        sys.stderr.write(clean(f"certfind: {message}") + "\n")


def now_ns() -> int:
    import time

    return time.time_ns()


def _trusted(st: os.stat_result, *, directory: bool) -> str | None:
    """Why a cache directory or file must not be used, or None when it may."""
    if directory and not stat.S_ISDIR(st.st_mode):
        return "is not a directory"
    if not directory and not stat.S_ISREG(st.st_mode):
        return "is not a regular file"
    if st.st_uid != os.geteuid():
        return "is owned by another user"
    if st.st_mode & 0o022:
        return "is writable by others"
    return None


def open_place(create: bool) -> Place | None:
    """The cache directory, created private if asked; None (after saying why, if it is unsafe) otherwise."""
    where = paths.cache_dir()
    if where is None:
        return None
    if create:
        try:
            if not where.parent.exists() and where.parent.parent.is_dir():
                os.mkdir(where.parent, 0o700)
            os.mkdir(where, 0o700)
        except FileExistsError:
            pass
        except OSError:
            return None
    flags = os.O_RDONLY | os.O_DIRECTORY | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(where, flags)
    except OSError:
        try:  # a symlink or a file where the directory should be: worth saying; no directory at all is not
            planted = not stat.S_ISDIR(os.lstat(where).st_mode)
        except OSError:
            planted = False
        if planted:
            warn_once(f"not using the cache {where}: it is not a directory")
        return None
    reason = _trusted(os.fstat(fd), directory=True)
    if reason:
        os.close(fd)
        warn_once(f"not using the cache {where}: it {reason}")
        return None
    pinned = f"/proc/self/fd/{fd}"
    return Place(fd, pinned if os.path.isdir(pinned) else str(where))


def file_name(sources: Sequence[Source]) -> str:
    """One database per set of catalog paths; a collision is harmless, since the stored key decides."""
    names = "\n".join(f"{s.origin}:{os.path.realpath(s.path)}" for s in sources).encode("utf-8", "surrogateescape")
    return f"{zlib.crc32(names):08x}{zlib.adler32(names):08x}.sqlite3"


def source_key(sources: Sequence[Source]) -> tuple[str, int] | None:
    """The identity of every catalog file and the newest mtime, or None when one cannot be looked at."""
    parts = []
    newest = 0
    for src in sources:
        try:
            st = os.stat(src.path)
        except OSError:
            return None
        identity = f"{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}:{st.st_dev}"
        parts.append(f"{src.origin}:{os.path.realpath(src.path)}:{identity}")
        newest = max(newest, st.st_mtime_ns)
    key = "\n".join(parts).encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return key, newest  # a path that is not UTF-8 is kept as escapes


def open_existing(place: Place, name: str, key: str, sources: Sequence[Source]) -> Store | None:
    """The stored catalog when it is sound, ours, private and fresh; None otherwise."""
    flags = os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(name, flags, dir_fd=place.fd)
    except FileNotFoundError:
        return None
    except OSError:
        return None  # a symlink (ELOOP) or unreadable: rebuilt and renamed over
    try:
        st = os.fstat(fd)
        reason = _trusted(st, directory=False)
        if reason:
            if reason != "is not a regular file":
                warn_once(f"not using the cache file {name}: it {reason}")
            return None
        pinned = f"/proc/self/fd/{fd}"
        target = pinned if os.path.exists(pinned) else os.path.join(place.path, name)
        conn = sqlite3.connect(f"file:{target}?mode=ro&immutable=1", uri=True, check_same_thread=False)
        try:
            # Read through a memory map: a listing that visits items in name order reads pages in no
            # order, and a system call for each page costs more than the read (100,000 items: 0.35 s
            # less). Safe to map: the file is the user's own and private, and it is never changed in
            # place (a new database is renamed over it), so nothing can shrink it under the map.
            conn.execute(f"PRAGMA mmap_size = {st.st_size}")
            store = Store(conn, sources)
            if store.version != (FORMAT, __version__) or store.key != key:
                conn.close()
                return None
            conn.execute("SELECT 1 FROM entry LIMIT 1").fetchall()
        except (StoreDamaged, sqlite3.Error):
            conn.close()
            return None
        return store
    finally:
        os.close(fd)  # SQLite holds its own descriptor of the same file


def new_database(place: Place | None) -> tuple[sqlite3.Connection, str | None]:
    """A connection to a fresh database: a private temporary file in the cache, or memory."""
    if place is not None:
        import tempfile

        try:
            fd, path = tempfile.mkstemp(prefix=".build-", suffix=".tmp", dir=place.path)
            os.close(fd)
            return sqlite3.connect(path, check_same_thread=False), os.path.basename(path)
        except (OSError, sqlite3.Error):
            pass
    return sqlite3.connect(":memory:", check_same_thread=False), None


def publish(place: Place, temp: str, name: str) -> bool:
    try:
        os.replace(temp, name, src_dir_fd=place.fd, dst_dir_fd=place.fd)
        return True
    except OSError:
        discard(place, temp)
        return False


def discard(place: Place, temp: str) -> None:
    with contextlib.suppress(OSError):
        os.unlink(temp, dir_fd=place.fd)


def prune(place: Place, keep: str) -> None:
    """Remove leftover temporary files and the databases of catalogs that no longer exist."""
    import time

    try:
        names = os.listdir(place.fd)
    except OSError:
        return
    now = time.time()
    for name in names:
        if name == keep:
            continue
        try:
            st = os.stat(name, dir_fd=place.fd, follow_symlinks=False)
        except OSError:
            continue
        if name.startswith(".build-") and name.endswith(".tmp"):
            if now - st.st_mtime > STALE_TEMP_SECONDS:
                discard(place, name)
        elif _trusted(st, directory=False) is None and (
            name.endswith(".idx")  # the first version's cache
            or (name.endswith(".sqlite3") and _orphaned(place, name))
        ):
            discard(place, name)


def _orphaned(place: Place, name: str) -> bool:
    """A stored catalog whose files are gone (or that cannot be read at all)."""
    try:
        conn = sqlite3.connect(f"file:{os.path.join(place.path, name)}?mode=ro&immutable=1", uri=True)
        try:
            row = conn.execute("SELECT value FROM meta WHERE key = 'paths'").fetchone()
        finally:
            conn.close()
        paths = json.loads(row[0]) if row else []
        return not all(os.path.exists(path) for path, _ in paths)
    except (sqlite3.Error, ValueError, TypeError):
        return True
