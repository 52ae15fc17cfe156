"""The parsed catalog in one SQLite database: entries, search index and the filter/sort columns.

One database per set of catalog files, `$XDG_CACHE_HOME/certfind/<hash of their paths>.sqlite3`, used by
cold and warm runs alike. `open_or_build` is the whole protocol: it opens the stored catalog when it is
sound, ours, private (cachedir.py) and built from these very files in this FORMAT; otherwise it builds one
from the files, keeps it in the cache when that is safe and possible, and else in memory. A store found
damaged later is replaced the same way (`replace=True`). Deleting the directory is always safe.
"""

import json
import os
import sqlite3
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import Any, NamedTuple

from certfind.errors import Problem
from certfind.model import Entry
from certfind.store import queries
from certfind.store.cachedir import CacheDir, Key, Source, file_name, source_key
from certfind.store.codec import StoreDamaged, decode, item_bytes
from certfind.store.layout import FIELDS, FORMAT, Indexer, Merged, Sink

__all__ = [
    "FIELDS",
    "FORMAT",
    "Candidate",
    "Entry",
    "Fill",
    "Indexer",
    "Merged",
    "Sink",
    "Source",
    "Store",
    "StoreDamaged",
]

Fill = Callable[[Sink], Merged]
"""Streams the catalog's entries into a builder and says what it found (the catalog's merge)."""


class Candidate(NamedTuple):
    """An entry a search ranks, and its index keys per search field as the store holds them (its words and
    their families: search.lexicon), so that ranking never works them out again."""

    entry: Entry
    terms: list[set[str]]


class Store:
    """An open catalog database. Every read error surfaces as StoreDamaged. `notes` say why the cache
    was not used, when it was not, for the command to print."""

    def __init__(self, conn: sqlite3.Connection, sources: Sequence[Source], notes: Sequence[str] = ()) -> None:
        self.conn = conn
        self.sources = tuple(sources)
        self.notes = list(notes)
        meta = dict(self.query("SELECT key, value FROM meta"))
        try:
            self.size = int(meta["size"])
            self.flags = bytes(meta["flags"])
            self.vocabulary_text = str(meta["vocabulary"])
            self.warnings = [Problem(*p) for p in json.loads(meta["warnings"])]
            self.replaced = list(json.loads(meta["replaced"]))
            self.key = str(meta["key"])
            self.format = int(meta["format"])
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
    def entry(self, n: int) -> Entry:
        rows = self.query("SELECT item, crc FROM entry WHERE n = ?", (n,))
        if not rows:
            raise StoreDamaged(f"entry {n} is missing")
        return decode(n, *rows[0])

    def entries(self, numbers: Sequence[int]) -> Iterator[Entry]:
        """The entries in the order given, fetched in batches."""
        for start in range(0, len(numbers), 500):
            chunk = numbers[start : start + 500]
            rows = self.query(
                "SELECT n, item, crc FROM entry WHERE n IN (SELECT value FROM json_each(?))", [json.dumps(list(chunk))]
            )
            found = {n: (item, crc) for n, item, crc in rows}
            for n in chunk:
                if n not in found:
                    raise StoreDamaged(f"entry {n} is missing")
                yield decode(n, *found[n])

    def entry_rows(self, sql: str, args: Sequence[object] = ()) -> Iterator[Entry]:
        """The entries of a query selecting `n, item, crc`, streamed in its order."""
        for batch in self.batches(sql, args):
            for n, item, crc in batch:
                yield decode(n, item, crc)

    def item_batches(self, sql: str, args: Sequence[object] = ()) -> Iterator[list[bytes]]:
        """The items of a query selecting `item, crc`, as the UTF-8 JSON they are stored as, in its order, a
        batch at a time, each checked: the fast way to print a whole listing."""
        for batch in self.batches(sql, args):
            yield [item_bytes(item, crc) for item, crc in batch]

    # search index
    def vocabulary(self) -> list[str]:
        return self.vocabulary_text.split("\n") if self.vocabulary_text else []

    def entry_counts(self, keys: Iterable[str]) -> dict[str, int]:
        """How many entries use each of these index keys (keys no entry uses are left out)."""
        wanted = json.dumps(sorted(set(keys)))
        rows = self.query("SELECT word, entries FROM word WHERE word IN (SELECT value FROM json_each(?))", [wanted])
        return {str(word): int(count) for word, count in rows}

    def candidates(
        self,
        match: str,
        within: queries.Within | None,
        regions: Sequence[str],
        limit: int | None,
        *,
        unreal_only: bool = False,
    ) -> list[Candidate]:
        """The entries a search ranks, best first (queries.candidates), decoded, each with its index keys."""
        sql, args = queries.candidates(match, within, regions, limit, unreal_only=unreal_only)
        return _candidates(self.query(sql, args))

    def first_candidates(
        self,
        matches: Sequence[str],
        within: queries.Within | None,
        regions: Sequence[str],
        limit: int,
        *,
        unreal: bool = False,
    ) -> list[Candidate]:
        """Up to `limit` entries with the FTS5 queries `matches`, asked in turn until enough are found (the
        best query first), those that can be earned in `regions` before the rest: bounded work where
        ranking every match would not be (queries.first_matches)."""
        found: list[Candidate] = []
        for places in [regions, ()] if regions else [()]:
            for match in matches:
                if len(found) >= limit:
                    return found
                taken = [c.entry.n for c in found]
                sql, args = queries.first_matches(match, within, places, taken, limit - len(found), unreal=unreal)
                found += _candidates(self.query(sql, args))
        return found

    def within(self, numbers: Sequence[int], within: queries.Within) -> list[int]:
        """The entries of `numbers`, in their order, that `within` selects."""
        kept = {int(n) for (n,) in self.query(within[0], within[1])}
        return [n for n in numbers if n in kept]

    def named(self, key: str) -> list[tuple[int, int]]:
        """(field, entry) of every id, acronym, alias, name or claimed name that folds to `key`."""
        rows = self.query("SELECT field, n FROM name WHERE key = ? ORDER BY field, n", (key,))
        return [(int(f), self._number(n)) for f, n in rows]

    def name_keys(self, field: int, prefix: str, limit: int = 500) -> list[tuple[str, int]]:
        rows = self.query(
            "SELECT key, n FROM name WHERE field = ? AND key >= ? AND key < ? ORDER BY key LIMIT ?",
            (field, prefix, prefix + "\U0010ffff", limit),
        )
        return [(str(k), self._number(n)) for k, n in rows]

    def all_name_keys(self, fields: Sequence[int]) -> list[tuple[str, int]]:
        sql = "SELECT key, n FROM name WHERE field IN (SELECT value FROM json_each(?))"
        return [(str(k), self._number(n)) for k, n in self.query(sql, [json.dumps(list(fields))])]

    def _number(self, n: object) -> int:
        if not isinstance(n, int) or not 0 <= n < self.size:
            raise StoreDamaged(f"entry number {n!r} out of range")
        return n


def _candidates(rows: Iterable[Sequence[Any]]) -> list[Candidate]:
    return [
        Candidate(decode(n, item, crc), [set(str(text).split()) for text in terms]) for n, item, crc, *terms in rows
    ]


def open_or_build(
    sources: Sequence[Source], fill: Fill, indexer: Indexer, *, use_cache: bool = True, replace: bool = False
) -> Store:
    """The stored catalog of these files, built by `fill` when none is usable; `replace` discards the
    stored one first (it was found damaged)."""
    notes: list[str] = []
    key = source_key(sources)
    cache = CacheDir.open(notes, create=True) if use_cache and key is not None else None
    try:
        name = file_name(sources)
        if cache is not None and key is not None:
            if replace:
                cache.discard(name)
            else:
                found = _stored(cache, name, key, sources, notes)
                if found is not None:
                    cache.prune_temporary()
                    return found
        return _build(sources, fill, indexer, key, cache if key is not None and not key.racy else None, notes)
    finally:
        if cache is not None:
            cache.close()


def _stored(cache: CacheDir, name: str, key: Key, sources: Sequence[Source], notes: list[str]) -> Store | None:
    """The stored catalog when it is sound and was built from these files in this format."""
    conn = cache.connect_existing(name, notes)
    if conn is None:
        return None
    try:
        store = Store(conn, sources, notes)
        if store.format != FORMAT or store.key != key.text:
            conn.close()
            return None
        conn.execute("SELECT 1 FROM entry LIMIT 1").fetchall()
    except (StoreDamaged, sqlite3.Error):
        conn.close()
        return None
    return store


def _build(
    sources: Sequence[Source],
    fill: Fill,
    indexer: Indexer,
    key: Key | None,
    cache: CacheDir | None,
    notes: list[str],
    fork: bool = True,
) -> Store:
    """A new store of the files: written to the cache and published when `cache` is given and everything
    goes well, else (or when writing fails) in memory. A big catalog is written by a second process
    (`forked`) while this one reads it; if that process fails, the catalog is read again in this one."""
    from certfind.store import forked  # noqa: PLC0415 - the build side loads only when a store is built
    from certfind.store.build import Builder  # noqa: PLC0415 - as above (docs/performance.md)

    made = cache.new_database() if cache is not None else None
    conn, temp = made if made is not None else (sqlite3.connect(":memory:", check_same_thread=False), None)
    builder: Builder | forked.ForkedBuilder
    try:
        if fork and cache is not None and temp is not None and forked.wanted(sources):
            conn.close()  # the child opens its own: a connection must not cross a fork
            builder = forked.ForkedBuilder(os.path.join(cache.path, temp), indexer)
        else:
            builder = Builder(conn, indexer)
        try:
            merged = fill(builder)
            conn = builder.finish("" if key is None else key.text, sources, merged)
        finally:
            builder.abort()  # stops a child still running (a problem, an interrupt); nothing once finished
    except forked.WorkerFailed:
        conn.close()
        if cache is not None and temp is not None:
            cache.discard(temp)
        return _build(sources, fill, indexer, key, cache, notes, fork=False)
    except (sqlite3.Error, OSError) as exc:
        conn.close()
        if cache is None or temp is None:
            raise  # nothing was being written: the failure is the catalog's, or memory's
        cache.discard(temp)
        notes.append(f"the catalog could not be cached ({_reason(exc)}); it is read from its file on each run")
        return _build(sources, fill, indexer, key, None, notes)
    except BaseException:
        conn.close()
        if cache is not None and temp is not None:
            cache.discard(temp)
        raise
    if cache is not None and temp is not None:
        after = source_key(sources)
        if key is not None and after is not None and after.text == key.text:
            if cache.publish(temp, file_name(sources)):
                cache.prune(file_name(sources))
        else:  # a file changed while it was read: use what was read, store nothing
            cache.discard(temp)
    return Store(conn, sources, notes)


def _reason(exc: BaseException) -> str:
    if isinstance(exc, OSError):
        return exc.strerror or str(exc)
    return str(exc)
