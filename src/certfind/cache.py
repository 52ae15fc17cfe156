"""A parsed-catalog cache under the user's cache directory, so warm runs skip YAML entirely.

One file per set of catalog paths, `$XDG_CACHE_HOME/certfind/<hash of the paths>.idx`:

    MAGIC | header length (8 bytes) | header (JSON) | body: sections, each 8-byte aligned

The header names the certfind version, the key of the sources (path, size, mtime, ctime, inode of
each file: any edit changes it) and each section's place and CRC-32. Sections are the search index
as flat arrays (memory-mapped, decoded only where a query looks) and the records as one JSON blob
each with its own CRC, decoded only when shown.

Nothing here is trusted or fatal: a missing, stale, corrupt or unreadable cache is ignored and
rebuilt; a cache directory that cannot be written is left alone. Files are written to a temporary
name and renamed, so concurrent runs never see half a file. A catalog modified in the last two
seconds is not cached (its mtime could hide a second edit within the same tick; ctime is in the key).
"""

from __future__ import annotations

import json
import os
import zlib
from array import array
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any, Literal, TypeVar, overload

from certfind import __version__
from certfind.catalog import CacheDamaged, Catalog, xdg_dir
from certfind.index import Index, Table
from certfind.model import Record

MAGIC = b"certfind-cache\x00\x01"
FORMAT = 2
RACY_NS = 2_000_000_000
ORIGINS = ("bundled", "user", "file")
TABLES = ("words", "phrases", "id", "acronym", "aliases", "name", "claimed_names")


T = TypeVar("T")


class CacheInvalid(CacheDamaged):
    """The cache file cannot be used; it is ignored and rebuilt."""


def directory() -> Path:
    return xdg_dir("XDG_CACHE_HOME", ".cache")


def _file_for(sources: Sequence[tuple[str, str]]) -> Path:
    """One file per set of catalog paths. A name collision is harmless: the header's key decides."""
    names = "\n".join(f"{origin}:{os.path.realpath(path)}" for path, origin in sources).encode(
        "utf-8", "surrogateescape"
    )
    return directory() / f"{zlib.crc32(names):08x}{zlib.adler32(names):08x}.idx"


def _key(sources: Sequence[tuple[str, str]]) -> tuple[str, int] | None:
    """The sources' identity and the newest mtime, or None when a file cannot be looked at."""
    parts = []
    newest = 0
    for path, origin in sources:
        try:
            st = os.stat(path)
        except OSError:
            return None
        parts.append(
            f"{origin}:{os.path.realpath(path)}:{st.st_size}:{st.st_mtime_ns}:{st.st_ctime_ns}:{st.st_ino}:{st.st_dev}"
        )
        newest = max(newest, st.st_mtime_ns)
    return "\n".join(parts), newest


# --- reading -----------------------------------------------------------------------------------


class _Lazy(Sequence[T]):
    """Items of a mapped section, decoded one at a time when asked for."""

    def __len__(self) -> int:
        raise NotImplementedError

    def _one(self, i: int) -> T:
        raise NotImplementedError

    def _many(self, start: int, stop: int) -> list[T]:
        return [self._one(j) for j in range(start, stop)]

    @overload
    def __getitem__(self, i: int) -> T: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[T]: ...
    def __getitem__(self, i: int | slice) -> T | Sequence[T]:
        if isinstance(i, slice):
            start, stop, step = i.indices(len(self))
            if step == 1:
                return self._many(start, stop) if start < stop else []
            return [self._one(j) for j in range(start, stop, step)]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        return self._one(i)


class _Blobs(_Lazy[str]):
    """Strings stored end to end, with byte offsets."""

    def __init__(self, data: memoryview, offsets: Sequence[int]) -> None:
        self.data, self.offsets = data, offsets

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def _one(self, i: int) -> str:
        return bytes(self.data[self.offsets[i] : self.offsets[i + 1]]).decode("utf-8")


class _Keys(_Blobs):
    """A table's sorted keys, each followed by a newline: bisect decodes only the keys it compares
    (about 17 of 100,000); a slice decodes its range in one go."""

    def _one(self, i: int) -> str:
        return super()._one(i)[:-1]

    def _many(self, start: int, stop: int) -> list[str]:
        return bytes(self.data[self.offsets[start] : self.offsets[stop]]).decode("utf-8").split("\n")[:-1]


class _Records(_Lazy[Record]):
    """Records decoded on demand; each checked against its own CRC-32."""

    def __init__(self, data: memoryview, offsets: Sequence[int], crcs: Sequence[int]) -> None:
        self.data, self.offsets, self.crcs = data, offsets, crcs

    def __len__(self) -> int:
        return len(self.crcs)

    def _one(self, i: int) -> Record:
        raw = self.data[self.offsets[i] : self.offsets[i + 1]]
        if zlib.crc32(raw) != self.crcs[i]:
            raise CacheInvalid(f"record {i} is damaged")
        record: Record = json.loads(bytes(raw))
        return record


class _Origins(_Lazy[str]):
    def __init__(self, codes: memoryview) -> None:
        self.codes = codes

    def __len__(self) -> int:
        return len(self.codes)

    def _one(self, i: int) -> str:
        return ORIGINS[self.codes[i]]


def read(sources: Sequence[tuple[str, str]], reload: Callable[[], Catalog] | None = None) -> Catalog | None:
    """The cached catalog for these sources, or None when there is no fresh, sound one."""
    key = _key(sources)
    if key is None:
        return None
    try:
        return _read(_file_for(sources), key[0], sources, reload)
    except (OSError, ValueError, KeyError, TypeError, IndexError, OverflowError, CacheInvalid):
        return None


def _read(path: Path, key: str, sources: Sequence[tuple[str, str]], reload: Callable[[], Catalog] | None) -> Catalog:
    import mmap

    with open(path, "rb") as handle:
        mapped = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    data = memoryview(mapped)
    if bytes(data[: len(MAGIC)]) != MAGIC:
        raise CacheInvalid("not a certfind cache")
    start = len(MAGIC) + 8
    size = int.from_bytes(data[len(MAGIC) : start], "little")
    header: dict[str, Any] = json.loads(bytes(data[start : start + size]))
    if header["format"] != FORMAT or header["certfind"] != __version__ or header["key"] != key:
        raise CacheInvalid("stale")
    count = int(header["count"])

    body = _align(start + size)

    def section(name: str, *, check: bool = True) -> memoryview:
        relative, length, crc = header["sections"][name]
        offset = body + relative
        if relative < 0 or length < 0 or offset + length > len(data):
            raise CacheInvalid(f"section {name} out of range")
        view = data[offset : offset + length]
        if check and zlib.crc32(view) != crc:
            raise CacheInvalid(f"section {name} is damaged")
        return view

    def ints(name: str, fmt: Literal["I", "Q"] = "I") -> memoryview[int]:
        return section(name).cast(fmt)

    def table(name: str) -> Table:
        keys = _Keys(section(f"{name}.keys"), ints(f"{name}.keyoffsets", "Q"))
        offsets = ints(f"{name}.offsets")
        if len(offsets) != len(keys) + 1 or keys.offsets[-1] != len(keys.data):
            raise CacheInvalid(f"table {name} is inconsistent")
        return Table(keys, offsets, ints(f"{name}.values"))

    words = table("words")
    index = Index(
        size=count,
        words=words,
        surface_words=int(header["surface_words"]),
        phrases=table("phrases"),
        fields={name: table(name) for name in TABLES[2:]},
        trust=bytes(section("trust")),
        names=_Blobs(section("names"), ints("names.offsets", "Q")),
    )
    records = _Records(section("records", check=False), ints("records.offsets", "Q"), ints("records.crcs"))
    origins = _Origins(section("origins"))
    if not (len(records) == len(origins) == len(index.trust) == len(index.names) == count):
        raise CacheInvalid("sections disagree")
    return Catalog(records, origins, tuple(path for path, _ in sources), index, reload)


# --- writing -----------------------------------------------------------------------------------


def write(sources: Sequence[tuple[str, str]], catalog: Catalog) -> None:
    """Best effort: store the catalog for the next run. Never raises."""
    key = _key(sources)
    if key is None or key[1] > _now_ns() - RACY_NS:
        return
    try:
        _write(_file_for(sources), key[0], catalog)
    except (OSError, ValueError, OverflowError):
        return


def _now_ns() -> int:
    import time

    return time.time_ns()


def _write(path: Path, key: str, catalog: Catalog) -> None:
    index = catalog.index
    sections: list[tuple[str, bytes]] = []
    for name, tab in zip(TABLES, (index.words, index.phrases, *(index.fields[f] for f in TABLES[2:])), strict=True):
        blob, key_offsets = _pack([f"{k}\n".encode() for k in tab.keys])
        sections.append((f"{name}.keys", blob))
        sections.append((f"{name}.keyoffsets", key_offsets))
        sections.append((f"{name}.offsets", array("I", tab.offsets).tobytes()))
        sections.append((f"{name}.values", array("I", tab.values).tobytes()))
    sections.append(("trust", bytes(index.trust)))
    blob, offsets = _pack([name.encode("utf-8") for name in index.names])
    sections += [("names", blob), ("names.offsets", offsets)]
    encoded = [json.dumps(rec, ensure_ascii=False, separators=(",", ":")).encode("utf-8") for rec in catalog.records]
    blob, offsets = _pack(encoded)
    sections += [
        ("records", blob),
        ("records.offsets", offsets),
        ("records.crcs", array("I", [zlib.crc32(r) for r in encoded]).tobytes()),
        ("origins", bytes(ORIGINS.index(o) for o in catalog.origins)),
    ]
    placed: dict[str, list[int]] = {}
    place = 0
    for name, data in sections:
        placed[name] = [place, len(data), zlib.crc32(data)]
        place = _align(place + len(data))
    header = {
        "format": FORMAT,
        "certfind": __version__,
        "key": key,
        "count": len(catalog),
        "surface_words": index.surface_words,
        "sections": placed,
    }
    head = json.dumps(header).encode()
    prefix = MAGIC + len(head).to_bytes(8, "little") + head
    body = _align(len(prefix))
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temp, "wb") as out:
            out.write(prefix)
            for name, data in sections:
                out.write(b"\0" * (body + placed[name][0] - out.tell()))
                out.write(data)
        os.replace(temp, path)
    finally:
        if temp.exists():
            temp.unlink()


def _align(n: int) -> int:
    return (n + 7) & ~7


def _pack(items: list[bytes]) -> tuple[bytes, bytes]:
    offsets = array("Q", [0])
    total = 0
    for item in items:
        total += len(item)
        offsets.append(total)
    return b"".join(items), offsets.tobytes()
