"""Find, read, check and merge catalog files into a `Catalog`. Every failure is a located `CatalogError`."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from certfind.errors import CatalogError, Problem
from certfind.model import Certification, Record, from_record

if TYPE_CHECKING:
    from certfind.index import Index

MAX_BYTES = 64 * 1024 * 1024
"""Refuse catalog files larger than this (64 MiB holds well over 100,000 entries)."""

ENV_CATALOG = "CERTFIND_CATALOG"


class CatalogFile(NamedTuple):
    """The records one file holds, checked on their own (cross-file checks come at merge time)."""

    path: str
    records: tuple[Record, ...]
    alternative_positions: tuple[tuple[tuple[int, int], ...], ...]  # of each verification.alternatives item
    problems: tuple[Problem, ...]


class CacheDamaged(Exception):
    """A cached record failed its check after loading; the catalog re-reads its files."""


class Catalog:
    """The active catalog: records by number, materialised into Certifications on demand.

    `records` is a list of dicts (just parsed) or a view over the cache file that decodes one
    record at a time; `index` is built on first use unless the cache supplied it. Nothing is
    memoised per entry, so memory stays proportional to what a command keeps.
    """

    def __init__(
        self,
        records: Sequence[Record],
        origins: Sequence[str],
        paths: tuple[str, ...],
        index: Index | None = None,
        reload: Callable[[], Catalog] | None = None,
    ) -> None:
        self.records = records
        self.origins = origins
        self.paths = paths
        self._index = index
        self._reload = reload

    def __len__(self) -> int:
        return len(self.records)

    @property
    def index(self) -> Index:
        if self._index is None:
            from certfind.search import build_index

            self._index = build_index(self.records)
        return self._index

    def record(self, i: int) -> Record:
        try:
            return self.records[i]
        except CacheDamaged:
            if self._reload is None:
                raise
            fresh = self._reload()  # same files, same order: entry numbers stay valid
            self.records, self.origins, self._index, self._reload = fresh.records, fresh.origins, fresh.index, None
            return self.records[i]

    def entry(self, i: int) -> tuple[Certification, Record]:
        """Built afresh each time, not kept: listing 100,000 entries must not hold them all."""
        record = self.record(i)
        return from_record(record, self.origins[i]), record

    def cert(self, i: int) -> Certification:
        return self.entry(i)[0]

    def get(self, ident: str) -> Certification | None:
        at = self.index.fields["id"].get(ident)
        return self.cert(at[0]) if at else None

    def __iter__(self) -> Iterator[Certification]:
        return (self.cert(i) for i in range(len(self)))


def bundled_path() -> Path:
    """The catalog shipped with certfind: inside the wheel, or `data/` of a source checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "data" / "certifications.yaml"
    if packaged.is_file():
        return packaged
    return here.parent.parent / "data" / "certifications.yaml"


def xdg_dir(variable: str, fallback: str) -> Path:
    """certfind's directory under an XDG base directory; relative values are ignored, as the spec says."""
    base = os.environ.get(variable) or ""
    return (Path(base) if os.path.isabs(base) else Path.home() / fallback) / "certfind"


def user_path() -> Path:
    """The user's own catalog, merged over the bundled one when it exists."""
    return xdg_dir("XDG_CONFIG_HOME", ".config") / "certifications.yaml"


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


def parse_file(path: str) -> CatalogFile:
    """Read and check one file on its own."""
    from certfind import schema, yamlnodes

    text = read_text(path)
    if "\x00" in text:
        at = text.index("\x00")
        line = text.count("\n", 0, at) + 1
        raise CatalogError(
            [Problem(path, line, at - (text.rfind("\n", 0, at) + 1) + 1, "NUL byte: this is not a text file")]
        )
    doc = schema.DocumentChecker(path)
    try:
        root, duplicates = yamlnodes.parse(text, path, doc.entry)
    except yamlnodes.YamlProblem as exc:
        raise CatalogError([Problem(path, exc.line, exc.col, exc.message)]) from None
    problems = sorted([*duplicates, *doc.finish(root)], key=lambda p: (p.line, p.col))
    records = doc.records
    # duplicate ids inside one file
    seen: dict[str, int] = {}
    for rec, (line, col) in zip(records, doc.id_positions, strict=True):
        if rec["id"] in seen:
            problems.append(Problem(path, line, col, f"{rec['id']}: duplicate id (first at line {seen[rec['id']]})"))
        else:
            seen[rec["id"]] = line
    return CatalogFile(path, tuple(records), tuple(doc.alternative_positions), tuple(problems))


def check_alternatives(files: list[CatalogFile], known: set[str]) -> list[Problem]:
    """Every `verification.alternatives` id must name an entry of the active catalog."""
    problems = []
    for cf in files:
        for rec, places in zip(cf.records, cf.alternative_positions, strict=True):
            for i, alt in enumerate((rec.get("verification") or {}).get("alternatives", ())):
                if alt not in known:
                    line, col = places[i]
                    problems.append(
                        Problem(
                            cf.path,
                            line,
                            col,
                            f"{rec['id']}: verification.alternatives[{i}]: no entry has the id {alt!r}",
                        )
                    )
    return problems


def catalog_paths(explicit: str | None) -> list[tuple[str, str]]:
    """(path, origin) of each file making up the active catalog, lowest precedence first."""
    if explicit is None:
        explicit = os.environ.get(ENV_CATALOG) or None
    if explicit is not None:
        return [(explicit, "file")]
    paths = [(str(bundled_path()), "bundled")]
    user = user_path()
    if user.exists():
        paths.append((str(user), "user"))
    return paths


def load(explicit: str | None = None, *, use_cache: bool = True) -> Catalog:
    """The active catalog. Raises CatalogError listing every problem found.

    With `use_cache`, a fresh parsed copy under the user's cache directory is used when its
    sources are unchanged, and written after a parse; `validate` always reads the files.
    """
    sources = catalog_paths(explicit)
    if use_cache:
        from certfind import cache

        cached = cache.read(sources, reload=lambda: _parse_and_cache(sources))
        if cached is not None:
            return cached
        return _parse_and_cache(sources)
    return _parse(sources)


def _parse(sources: list[tuple[str, str]]) -> Catalog:
    return merge([parse_file(path) for path, _ in sources], [origin for _, origin in sources])


def _parse_and_cache(sources: list[tuple[str, str]]) -> Catalog:
    from certfind import cache

    result = _parse(sources)
    cache.write(sources, result)
    return result


def merge(files: list[CatalogFile], origins: list[str]) -> Catalog:
    problems = [p for cf in files for p in cf.problems]
    index: dict[str, int] = {}
    records: list[Record] = []
    rec_origins: list[str] = []
    for cf, origin in zip(files, origins, strict=True):
        for rec in cf.records:
            at = index.get(rec["id"])
            if at is None:
                index[rec["id"]] = len(records)
                records.append(rec)
                rec_origins.append(origin)
            elif rec_origins[at] != origin:  # a later file replaces an entry of an earlier one
                records[at] = rec
                rec_origins[at] = origin
    problems.extend(check_alternatives(files, set(index)))
    if problems:
        raise CatalogError(problems)
    return Catalog(records, rec_origins, tuple(cf.path for cf in files))
