"""The active catalog: which files make it up, how they are merged, and the questions it answers.

Every catalog file is streamed into a store (store/) entry by entry. The bundled catalog and a file named
with `--catalog` are strict: one problem and the catalog cannot be used (exit 3). The user's own file is
forgiving: each problem becomes a warning, the entries that have problems are left out, and the bundled
catalog is used with the rest. Commands ask the `Catalog` (resolve, search, complete, select, facets) and
get `Entry` views, each decoded once; nothing above this module sees a table.
"""

from __future__ import annotations

import os
import stat
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from typing import TYPE_CHECKING, TypeVar

from certfind import paths
from certfind.errors import CatalogError, NoMatchError, Problem, UntrustedFile
from certfind.filters import CHOSEN, Filters
from certfind.model import Certification, Entry, Record
from certfind.search import ACRONYM, ID, INDEXER, Found, Searcher, fold, resolve
from certfind.store import Store, StoreDamaged, open_or_build, queries
from certfind.store.cachedir import Source, untrusted
from certfind.store.layout import Lookalike, Merged, Sink
from certfind.text import skeleton

if TYPE_CHECKING:
    from certfind.catalogfile.schema import Located

T = TypeVar("T")


def catalog_paths(explicit: str | None, notes: list[str]) -> list[Source]:
    """The files making up the active catalog, lowest precedence first: exactly `explicit` when given
    (`--catalog` or CERTFIND_CATALOG), else the bundled catalog and the user's own file when it exists.
    The user's file is trusted only when nobody else could have written it (UntrustedFile otherwise); a
    named file that others can write is used with a note, since the user chose it."""
    if explicit is not None:
        if reason := _writable_by_others(explicit):
            notes.append(f"warning: {explicit} {reason}; anyone who can change it can change what certfind says")
        return [Source(explicit, "file")]
    sources = [Source(str(paths.bundled_catalog()), "bundled")]
    user = paths.user_catalog()
    if user is not None and _usable_user_file(str(user), notes):
        sources.append(Source(str(user), "user"))
    return sources


def _writable_by_others(path: str) -> str | None:
    try:
        st = os.stat(path)
    except OSError:
        return None  # reading it says what is wrong
    if stat.S_ISREG(st.st_mode) and st.st_mode & 0o022:
        return "is writable by others"
    return None


def _usable_user_file(path: str, notes: list[str]) -> bool:
    """Whether the user's own catalog is there to read: a regular file that is theirs alone, in a directory
    that is theirs alone (the store's rule). Raises UntrustedFile when someone else could have written it."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if os.path.islink(path):
            notes.append(f"your catalog {path} is a symbolic link to nothing; it is ignored")
        return False
    except OSError as err:
        notes.append(f"your catalog {path} cannot be read ({err.strerror or err}); it is ignored")
        return False
    if not stat.S_ISREG(st.st_mode):
        notes.append(f"your catalog {path} is not a regular file; it is ignored")
        return False
    _refuse_if_others_could_write(path, st, directory=False)
    check_folder(os.path.dirname(path))
    return True


def check_folder(folder: str) -> None:
    """Refuse the directory of the user's catalog when someone else could write it (UntrustedFile)."""
    try:
        st = os.stat(folder)
    except OSError:
        return
    _refuse_if_others_could_write(folder, st, directory=True)


def _refuse_if_others_could_write(where: str, st: os.stat_result, *, directory: bool) -> None:
    found = untrusted(st, directory=directory)
    if found == "is owned by another user":
        raise UntrustedFile(
            f"refusing your catalog: {where} is owned by another user, who could change what certfind says",
            "move it away, or copy it to a file of your own",
        )
    if found:
        raise UntrustedFile(
            f"refusing your catalog: {where} {found}, so anyone could change what certfind says",
            f"make it yours alone: chmod go-w {where}",
        )


# --- merging the files into a store ------------------------------------------------------------------


def _merge(sources: Sequence[Source], strict_user: bool, builder: Sink) -> Merged:
    """Stream the main file into the builder, then the user's entries over it. The user's file is read
    twice from the same text, so that memory follows one entry: first for its ids (which bundled entries
    it replaces), then, once the main file is in, for its entries."""
    # PyYAML loads only when a store is built: a warm run never reads YAML (docs/performance.md)
    from certfind.catalogfile import Checked, parse_file, parse_text, read_text  # noqa: PLC0415

    main, rest = sources[0], sources[1:]
    user_text = ""
    user_ids: set[str] = set()
    warnings: list[Problem] = []
    if rest:
        try:
            user_text = read_text(rest[0].path)
            checked = parse_text(rest[0].path, user_text, lambda found: user_ids.add(found.record["id"]))
        except CatalogError as err:  # unreadable or not YAML at all: nothing of it can be used
            checked = Checked(list(err.problems), err.more)
        if strict_user and checked.problems:
            raise CatalogError(checked.problems, checked.more)
        warnings = checked.problems
    reserved: dict[str, int] = {}
    ids: set[str] = set()
    looks: dict[str, str] = {}  # skeleton of a bundled name or acronym -> its id
    pointing: list[tuple[Located, str]] = []

    def add(found: Located) -> None:
        rec = found.record
        ids.add(rec["id"])
        if found.references:
            pointing.append((found, main.path))
        if user_ids:
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

    def add_user(found: Located) -> None:
        rec = found.record
        bad = _unknown_references([(found, rest[0].path)], known)
        if bad:
            warnings.extend(bad)
            rec = _without_unknown(rec, known)
        builder.add(rec, "user", at=reserved.get(rec["id"]), lookalike=_lookalike(rec, looks))

    if user_ids:
        parse_text(rest[0].path, user_text, add_user)
    return Merged(sorted(warnings, key=lambda p: (p.line, p.col)), sorted(reserved))


def _unknown_references(pointing: Sequence[tuple[Located, str]], known: set[str]) -> list[Problem]:
    return [
        Problem(path, ref.line, ref.col, f"{found.record['id']}.{ref.where}: no entry has the id {ref.ident!r}")
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


def _lookalike(rec: Record, looks: dict[str, str]) -> Lookalike | None:
    """A user's entry named like a bundled one it is not: worth a mark wherever it is shown."""
    for text in (rec["name"], rec.get("acronym")):
        if not text:
            continue
        other = looks.get(skeleton(text))
        if other is not None and other != rec["id"]:
            return Lookalike(text, other)
    return None


# --- loading -----------------------------------------------------------------------------------------


def load(explicit: str | None = None, *, use_cache: bool = True, strict_user: bool = False) -> Catalog:
    """The active catalog. Raises CatalogError listing the problems of a file that must be valid."""
    notes: list[str] = []
    sources = catalog_paths(explicit, notes)
    fill = partial(_merge, sources, strict_user)
    cached = use_cache and not strict_user

    def build(replace: bool) -> Store:
        return open_or_build(sources, fill, INDEXER, use_cache=cached, replace=replace)

    return Catalog(build(False), lambda: build(True), notes)


# --- the questions a catalog answers ---------------------------------------------------------------


class Catalog:
    """The active catalog, over a store. A store found damaged is replaced, once, and the question asked again."""

    def __init__(self, store: Store, replace: Callable[[], Store], notes: Sequence[str] = ()) -> None:
        self.store = store
        self._notes = list(notes)
        self._replace: Callable[[], Store] | None = replace
        self._searcher: Searcher | None = None

    def _safe(self, ask: Callable[[], T]) -> T:
        try:
            return ask()
        except StoreDamaged as damage:
            self._recover(damage)
            return ask()

    def _recover(self, damage: StoreDamaged) -> None:
        """Replace a damaged store, once (damage to the new one is raised), and forget what was derived
        from the old one."""
        if self._replace is None:
            raise damage
        self.store, self._replace, self._searcher = self._replace(), None, None

    def __len__(self) -> int:
        return self.store.size

    @property
    def paths(self) -> tuple[str, ...]:
        return tuple(s.path for s in self.store.sources)

    @property
    def warnings(self) -> list[Problem]:
        return self.store.warnings

    @property
    def notes(self) -> list[str]:
        """What is worth saying about the files: a named file others can write, a user file left out, and
        why the cache could not be used."""
        return self._notes + self.store.notes

    @property
    def replaced(self) -> list[str]:
        return self.store.replaced

    def entry(self, n: int) -> Entry:
        return self._safe(lambda: self.store.entry(n))

    def entries(self, numbers: Sequence[int]) -> Iterator[Entry]:
        """The entries in the order given."""
        return self._streamed(lambda store: store.entries(numbers))

    def __iter__(self) -> Iterator[Certification]:
        return (entry.cert for entry in self.entries(range(len(self))))

    def listing(
        self, filters: Filters, sort: str = "name", currency: str = "USD", limit: int | None = None
    ) -> Iterator[Entry]:
        """The entries `select` would give, in its order, the first `limit` of them, from one query that
        streams; by cost, amounts in `currency` first."""
        sql, args = queries.select(filters, sort, "n, item, crc", currency, limit)
        return self._streamed(lambda store: store.entry_rows(sql, args))

    def listing_items(
        self, filters: Filters, sort: str = "name", currency: str = "USD", limit: int | None = None
    ) -> Iterator[list[bytes]]:
        """The stored JSON items `listing` would give, in batches, for printing a listing as JSON fast."""
        sql, args = queries.select(filters, sort, "item, crc", currency, limit)
        return self._streamed(lambda store: store.item_batches(sql, args))

    def count(self, filters: Filters) -> int:
        """How many entries `filters` select."""
        sql, args = queries.count(filters)
        return int(self._safe(lambda: self.store.query(sql, args))[0][0])

    def _streamed(self, fetch: Callable[[Store], Iterable[T]]) -> Iterator[T]:
        """What `fetch` yields, each checked as it is read; a store found damaged midway is replaced and
        the stream goes on where it stopped, so nothing is given twice."""
        done = 0
        while True:
            try:
                for i, value in enumerate(fetch(self.store)):
                    if i < done:
                        continue
                    yield value
                    done += 1
                return
            except StoreDamaged as damage:
                self._recover(damage)

    def get(self, ident: str) -> Entry | None:
        """The entry whose id is exactly `ident`."""
        for field, n in self._safe(lambda: self.store.named(fold(ident))):
            if field == ID and ident == ident.strip():
                entry = self.entry(n)
                if entry.cert.id == ident:
                    return entry
        return None

    @property
    def searcher(self) -> Searcher:
        if self._searcher is None:
            self._searcher = Searcher(self.store)
        return self._searcher

    def search(self, query: str, limit: int | None = 10, filters: Filters | None = None) -> Found:
        """The best `limit` entries for a query, among those `filters` select."""
        within = None if filters is None or not filters.active else queries.within(filters)
        return self._safe(lambda: self.searcher.search(query, limit, within))

    def found_entries(self, found: Found, numbers: Sequence[int]) -> list[Entry]:
        """The entries of a search's hits, in the order given: those the search read already, the rest
        (names matched whole) from the store."""
        known = {entry.n: entry for entry in found.decoded}
        missing = [n for n in numbers if n not in known]
        known.update((entry.n, entry) for entry in self.entries(missing))
        return [known[n] for n in numbers]

    def resolve(self, query: str) -> Entry:
        """The entry a name means; NoMatchError with candidates when it is unknown or ambiguous."""
        found = self._safe(lambda: resolve(self.searcher, query))
        if found.entry is not None:
            return self.entry(found.entry)
        listed = [(e.cert.id, e.cert.label) for e in self.entries(list(found.candidates))]
        raise NoMatchError(query, listed, ambiguous=found.ambiguous)

    def complete(self, prefix: str) -> list[tuple[str, Entry]]:
        """For shell completion: the ids that start with what was typed (hyphens and all), then the acronyms
        that do and name one entry only (`CET` names two: it is not offered), each with its entry."""
        wanted, typed = fold(prefix), prefix.casefold()
        by_id = [n for _, n in self._safe(lambda: self.store.name_keys(ID, wanted))]
        by_acronym = self._safe(lambda: self.store.name_keys(ACRONYM, wanted))
        owners = Counter(key for key, _ in by_acronym)
        found = [(e.cert.id, e) for e in self.entries(by_id) if e.cert.id.startswith(typed)]
        unique = [n for key, n in by_acronym if owners[key] == 1]
        found += [(e.cert.acronym, e) for e in self.entries(unique) if e.cert.acronym.casefold().startswith(typed)]
        return found

    def select(self, filters: Filters, sort: str = "name") -> list[int]:
        sql, args = queries.select(filters, sort)
        return self._safe(lambda: [int(n) for (n,) in self.store.query(sql, args)])

    def facets(self) -> dict[str, list[tuple[str, int]]]:
        return self._safe(lambda: queries.facets(self.store))

    def values(self, kind: str) -> list[str]:
        """The values present for a filter (`category`, `region`, `occupation`), for checking and completion."""
        return self._safe(lambda: queries.present_values(self.store, kind))

    def without_each(self, filters: Filters) -> list[tuple[str, int]]:
        """For a listing that filters empty: how many entries each filter alone leaves out, by the field
        of Filters it is (only those whose removal gives some entries)."""
        found = []
        for name in CHOSEN:
            if getattr(filters, name) in (None, ()):
                continue
            loose = filters._replace(**{name: filters._field_defaults[name]})
            if loose.active or name != "max_cost":
                count = len(self.select(loose))
                if count:
                    found.append((name, count))
        return found
