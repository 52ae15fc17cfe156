"""The active catalog: which files make it up, how they are read and merged, and the questions it answers.

Every catalog file is streamed into a store (store.py) entry by entry. The bundled catalog and a file
named with `--catalog` are strict: one problem and the catalog cannot be used (exit 3). The user's own
file is forgiving: each problem becomes a warning, the entries that have problems are left out, and
the bundled catalog is used with the rest. Commands ask the `Catalog` (resolve, search, complete,
select, facets); nothing above this module sees a table.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TYPE_CHECKING, NamedTuple, TypeVar

from certfind import paths
from certfind import store as store_module
from certfind.errors import CatalogError, NoMatchError, Problem
from certfind.model import Certification, Record
from certfind.store import ForkedBuilder, Source, Store, StoreDamaged

if TYPE_CHECKING:
    from certfind.filters import Filters
    from certfind.schema import Located
    from certfind.search import Hit, Searcher

MAX_BYTES = 64 * 1024 * 1024
"""Refuse catalog files larger than this (64 MiB holds well over 100,000 entries)."""

T = TypeVar("T")


def catalog_paths(explicit: str | None) -> list[Source]:
    """The files making up the active catalog, lowest precedence first: exactly `explicit` when given
    (`--catalog` or CERTFIND_CATALOG), else the bundled catalog and the user's own file when it exists."""
    if explicit is not None:
        return [Source(explicit, "file")]
    sources = [Source(str(paths.bundled_catalog()), "bundled")]
    user = paths.user_catalog()
    if user is not None and user.exists():
        sources.append(Source(str(user), "user"))
    return sources


def read_text(path: str) -> str:
    """Read a catalog file as UTF-8 text, turning every failure into a located CatalogError."""

    def too_large() -> CatalogError:
        return CatalogError([Problem(path, 0, 0, f"the file is larger than the {MAX_BYTES // 2**20} MiB limit")])

    try:
        with open(path, "rb") as handle:
            if os.fstat(handle.fileno()).st_size > MAX_BYTES:
                raise too_large()
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise CatalogError([Problem(path, 0, 0, "no such file")]) from None
    except IsADirectoryError:
        raise CatalogError([Problem(path, 0, 0, "is a directory, not a catalog file")]) from None
    except PermissionError:
        raise CatalogError([Problem(path, 0, 0, "permission denied")]) from None
    except OSError as exc:
        raise CatalogError([Problem(path, 0, 0, f"cannot read: {exc.strerror or exc}")]) from None
    if len(data) > MAX_BYTES:  # a special file whose size fstat does not know
        raise too_large()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise CatalogError(
            [Problem(path, line, col, f"not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file as UTF-8")]
        ) from None


class Checked(NamedTuple):
    """What reading one file found besides its entries: its problems, and how many more were only counted."""

    problems: list[Problem]
    more: int


def parse_file(path: str, on_entry: Callable[[Located], None]) -> Checked:
    """Read and check one file on its own, handing over each valid entry as soon as it is read."""
    from certfind import schema, yamlnodes

    text = read_text(path)
    if "\x00" in text:
        at = text.index("\x00")
        line = text.count("\n", 0, at) + 1
        raise CatalogError(
            [Problem(path, line, at - (text.rfind("\n", 0, at) + 1) + 1, "NUL byte: this is not a text file")]
        )
    seen: dict[str, int] = {}
    duplicates: list[Problem] = []

    def unique(found: Located) -> None:
        ident = found.record["id"]
        if ident in seen:  # inside one file, the first entry with an id counts
            message = f"{ident}: duplicate id (first at line {seen[ident]})"
            duplicates.append(Problem(path, found.line, found.col, message))
            return
        seen[ident] = found.line
        on_entry(found)

    doc = schema.DocumentChecker(path, unique)
    try:
        root, repeated_keys = yamlnodes.parse(text, path, doc.entry)
    except yamlnodes.YamlProblem as exc:
        raise CatalogError([Problem(path, exc.line, exc.col, exc.message)]) from None
    problems = sorted([*repeated_keys, *doc.finish(root), *duplicates], key=lambda p: (p.line, p.col))
    kept = problems[: schema.MAX_PROBLEMS]
    return Checked(kept, doc.ck.more + len(problems) - len(kept))


# --- merging the files into a store ------------------------------------------------------------------


class Merged(NamedTuple):
    warnings: list[Problem]  # the user's file's problems: its entries with problems were left out
    replaced: list[str]  # bundled ids that the user's file replaces


def _merge(sources: Sequence[Source], builder: store_module.Builder | ForkedBuilder, strict_user: bool) -> Merged:
    """Stream the main file into the builder, then the user's entries over it."""
    from certfind.text import skeleton

    main, rest = sources[0], sources[1:]
    user: list[Located] = []
    warnings: list[Problem] = []
    if rest:
        checked = _read_user(rest[0].path, user.append)
        if strict_user and checked.problems:
            raise CatalogError(checked.problems, checked.more)
        warnings = checked.problems
    user_ids = {found.record["id"] for found in user}
    reserved: dict[str, int] = {}
    ids: set[str] = set()
    looks: dict[str, str] = {}  # skeleton of a bundled name or acronym -> its id
    pointing: list[tuple[Located, str]] = []

    def add(found: Located) -> None:
        rec = found.record
        ids.add(rec["id"])
        if found.references:
            pointing.append((found, main.path))
        if user:
            for text in (rec["name"], rec.get("acronym")):
                if text:
                    looks.setdefault(skeleton(text), rec["id"])
        if rec["id"] in user_ids:
            reserved[rec["id"]] = builder.reserve()  # the user's entry takes this place
        else:
            builder.add(rec, main.origin)

    checked = parse_file(main.path, add)
    problems = list(checked.problems)
    known = ids | user_ids
    problems += _unknown_references(pointing, known)
    if problems:
        raise CatalogError(problems, checked.more)
    for found in user:
        rec = found.record
        bad = _unknown_references([(found, rest[0].path)], known)
        if bad:
            warnings += bad
            rec = _without_unknown(rec, known)
        builder.add(rec, "user", at=reserved.get(rec["id"]), warning=_lookalike(rec, looks))
    return Merged(sorted(warnings, key=lambda p: (p.line, p.col)), sorted(reserved))


def _read_user(path: str, on_entry: Callable[[Located], None]) -> Checked:
    try:
        return parse_file(path, on_entry)
    except CatalogError as err:  # unreadable or not YAML at all: nothing of it can be used
        return Checked(list(err.problems), err.more)


def _unknown_references(pointing: Sequence[tuple[Located, str]], known: set[str]) -> list[Problem]:
    return [
        Problem(path, ref.line, ref.col, f"{found.record['id']}: {ref.where}: no entry has the id {ref.ident!r}")
        for found, path in pointing
        for ref in found.references
        if ref.ident not in known
    ]


def _without_unknown(rec: Record, known: set[str]) -> Record:
    """A user's entry without the ids it names that no entry has: unknown alternatives are dropped, and so
    is a route that holds an unknown credential (it could never be checked, so it must not be met)."""
    if rec.get("verification", {}).get("alternatives"):
        alternatives = [a for a in rec["verification"]["alternatives"] if a in known]
        rec = rec | {"verification": rec["verification"] | {"alternatives": alternatives}}
    routes = rec.get("requirements")
    if routes is not None:
        kept = [route for route in routes if set(route.get("holds", ())) <= known]
        rec = rec | {"requirements": kept}
    return rec


def _lookalike(rec: Record, looks: dict[str, str]) -> str | None:
    """A user's entry named like a bundled one it is not: worth a mark wherever it is shown."""
    from certfind.text import skeleton

    for text in (rec["name"], rec.get("acronym")):
        other = looks.get(skeleton(text)) if text else None
        if other is not None and other != rec["id"]:
            return f"{text!r} looks like the bundled entry {other}, but this is your own entry {rec['id']}"
    return None


# --- loading -----------------------------------------------------------------------------------------


def build(sources: Sequence[Source], *, persist: bool = True, strict_user: bool = False) -> Store:
    """Read the catalog files into a new store, kept in the cache when that is safe, else in memory.

    Python's cycle collector is paused meanwhile (and so in a forked child): a build makes millions of
    objects (nodes, records, index entries), none of which refer back to each other, so the collector's
    passes over them find nothing. At 100,000 entries they cost about a tenth of a cold run."""
    import gc

    collecting = gc.isenabled()
    gc.disable()
    try:
        return _build(sources, persist, strict_user)
    finally:
        if collecting:
            gc.enable()


def _build(sources: Sequence[Source], persist: bool, strict_user: bool) -> Store:
    from certfind.search import INDEXER

    key = store_module.source_key(sources)
    place = store_module.open_place(create=True) if persist and key is not None else None
    if place is not None and key is not None and key[1] > store_module.now_ns() - store_module.RACY_NS:
        place = None  # modified within the clock's tick: do not store what a second edit could hide
    conn, temp = store_module.new_database(place)
    built = os.path.join(place.path, temp) if place is not None and temp is not None else None
    builder: store_module.Builder | ForkedBuilder
    try:
        if built is not None and _parallel(sources):
            conn.close()  # the child opens its own: a connection must not cross a fork
            builder = ForkedBuilder(built, INDEXER)
        else:
            builder = store_module.Builder(conn, INDEXER)
        try:
            merged = _merge(sources, builder, strict_user)
            conn = builder.finish(key[0] if key else "", sources, merged.warnings, merged.replaced)
        finally:
            builder.abort()  # stops a child still running (a problem, an interrupt); nothing once finished
    except store_module.WorkerFailed:
        if place is not None and temp is not None:
            store_module.discard(place, temp)
        return _build(sources, False, strict_user)  # in this process, in memory
    except BaseException:
        conn.close()
        if place is not None and temp is not None:
            store_module.discard(place, temp)
        raise
    if place is not None and temp is not None:
        name = store_module.file_name(sources)
        after = store_module.source_key(sources)
        if key is not None and after is not None and after[0] == key[0]:
            if store_module.publish(place, temp, name):
                store_module.prune(place, name)
        else:  # a file changed while it was read: use what was read, store nothing
            store_module.discard(place, temp)
    return Store(conn, sources)


def _parallel(sources: Sequence[Source]) -> bool:
    """Whether to store the catalog from a second process while this one reads it."""
    try:
        size = sum(os.stat(src.path).st_size for src in sources)
    except OSError:
        return False
    return size >= store_module.PARALLEL_BYTES and store_module.can_fork()


def load(explicit: str | None = None, *, use_cache: bool = True, strict_user: bool = False) -> Catalog:
    """The active catalog. Raises CatalogError listing the problems of a file that must be valid."""
    sources = catalog_paths(explicit)
    key = store_module.source_key(sources)
    if use_cache and key is not None and not strict_user:
        place = store_module.open_place(create=False)
        if place is not None:
            found = store_module.open_existing(place, store_module.file_name(sources), key[0], sources)
            if found is not None:
                return Catalog(found, lambda: build(sources, persist=False))
    fresh = build(sources, persist=use_cache, strict_user=strict_user)
    return Catalog(fresh, lambda: build(sources, persist=False))


# --- the questions a catalog answers ---------------------------------------------------------------


class Catalog:
    """The active catalog, over a store. A damaged store is rebuilt in memory and the question asked again."""

    def __init__(self, store: Store, rebuild: Callable[[], Store]) -> None:
        self.store = store
        self._rebuild: Callable[[], Store] | None = rebuild
        self._searcher: Searcher | None = None

    def _safe(self, ask: Callable[[], T]) -> T:
        try:
            return ask()
        except StoreDamaged as damage:
            self._recover(damage)
            return ask()

    def _recover(self, damage: StoreDamaged) -> None:
        """Rebuild a damaged store in memory, once (damage to the rebuilt one is raised), and forget what
        was derived from the old one."""
        if self._rebuild is None:
            raise damage
        self.store, self._rebuild, self._searcher = self._rebuild(), None, None

    def __len__(self) -> int:
        return self.store.size

    @property
    def paths(self) -> tuple[str, ...]:
        return tuple(s.path for s in self.store.sources)

    @property
    def warnings(self) -> list[Problem]:
        return self.store.warnings

    @property
    def replaced(self) -> list[str]:
        return self.store.replaced

    def cert(self, n: int) -> Certification:
        return self._safe(lambda: self.store.cert(n))

    def entry(self, n: int) -> tuple[Certification, Record]:
        """An entry as a Certification and as its stable JSON item, from one read."""
        from certfind.store import entry_of

        return self._safe(lambda: entry_of(self.store.item_text(n)))

    def __iter__(self) -> Iterator[Certification]:
        return (cert for _, cert in self.certs(range(len(self))))

    def items(self, entries: Sequence[int], *, full: bool = False) -> Iterator[tuple[int, str, Certification | None]]:
        """(entry, JSON item text, Certification when `full`) in the order given."""
        return self._checked(lambda store: store.items(entries), full)

    def listing(
        self, filters: Filters, sort: str = "name", *, full: bool = False
    ) -> Iterator[tuple[int, str, Certification | None]]:
        """What `items` gives for the entries `select` would, in its order, from one query that streams."""
        from certfind.filters import select_sql

        sql, args = select_sql(filters, sort, "n, item")
        return self._checked(lambda store: store.item_rows(sql, args), full)

    def listing_items(self, filters: Filters, sort: str = "name") -> Iterator[list[bytes]]:
        """The stored JSON items `listing` would give, in batches, for printing a listing as JSON fast;
        a store found damaged midway is rebuilt and the listing goes on where it stopped."""
        from certfind.filters import select_sql

        sql, args = select_sql(filters, sort, "item")
        done = 0
        while True:
            try:
                seen = 0
                for batch in self.store.item_batches(sql, args):
                    skip = max(0, done - seen)
                    seen += len(batch)
                    if skip < len(batch):
                        fresh = batch[skip:]
                        yield fresh
                        done += len(fresh)
                return
            except StoreDamaged as damage:
                self._recover(damage)

    def _checked(
        self, fetch: Callable[[Store], Iterable[tuple[int, str]]], full: bool
    ) -> Iterator[tuple[int, str, Certification | None]]:
        """Each record checked as it is read (fully when a Certification is built, structurally for raw
        JSON, as the store decodes it); a store found damaged midway is rebuilt and the listing goes on
        where it stopped, so nothing is printed twice."""
        from certfind.store import cert_of

        done = 0
        while True:
            try:
                for i, (n, text) in enumerate(fetch(self.store)):
                    if i < done:
                        continue
                    yield n, text, cert_of(text) if full else None
                    done += 1
                return
            except StoreDamaged as damage:
                self._recover(damage)

    def certs(self, entries: Sequence[int]) -> Iterator[tuple[int, Certification]]:
        for n, _, cert in self.items(entries, full=True):
            assert cert is not None
            yield n, cert

    def get(self, ident: str) -> Certification | None:
        from certfind.search import ID, fold

        for field, n in self._safe(lambda: self.store.named(fold(ident))):
            if field == ID and ident == ident.strip():
                cert = self.cert(n)
                if cert.id == ident:
                    return cert
        return None

    @property
    def searcher(self) -> Searcher:
        from certfind.search import Searcher

        if self._searcher is None:
            self._searcher = Searcher(self.store)
        return self._searcher

    def search(self, query: str, limit: int | None = None, filters: Filters | None = None) -> list[Hit]:
        allowed = None if filters is None or not filters.active else set(self.select(filters))
        return self._safe(lambda: self.searcher.search(query, limit, allowed))

    def resolve(self, query: str) -> int:
        """The entry a name means; NoMatchError with candidates when it is unknown or ambiguous."""
        from certfind.search import resolve

        found = self._safe(lambda: resolve(self.searcher, query))
        if found.entry is not None:
            return found.entry
        listed = [(cert.id, cert.label) for _, cert in self.certs(list(found.candidates))]
        raise NoMatchError(query, listed, ambiguous=found.ambiguous)

    def complete(self, prefix: str) -> list[str]:
        """Ids and acronyms that start with what was typed, for shell completion."""
        from certfind.search import ACRONYM, ID, fold

        wanted = fold(prefix)
        ids = [key for key, _ in self._safe(lambda: self.store.name_keys(ID, wanted))]
        entries = [n for _, n in self._safe(lambda: self.store.name_keys(ACRONYM, wanted))]
        acronyms = [cert.acronym for _, cert in self.certs(entries)]
        return list(dict.fromkeys([*ids, *acronyms]))

    def select(self, filters: Filters, sort: str = "name") -> list[int]:
        from certfind.filters import select_sql

        sql, args = select_sql(filters, sort)
        return self._safe(lambda: [int(n) for (n,) in self.store.query(sql, args)])

    def facets(self) -> dict[str, list[tuple[str, int]]]:
        from certfind.filters import facets

        return self._safe(lambda: facets(self.store))

    def values(self, kind: str) -> list[str]:
        """The values present for a filter (`category`, `region`, `occupation`), for checking and completion."""
        from certfind.filters import present_values

        return self._safe(lambda: present_values(self.store, kind))
