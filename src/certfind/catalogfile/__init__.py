"""The catalog file format, read: a file's bytes to checked records, every problem located.

`read_text` turns every way a file can fail to be read into a located CatalogError (the CTDL import reads
its files through it too); `parse_file` (or `parse_text`, for text already read) reads one catalog file
with `yamlread` and checks it with `schema`, handing over each valid entry as soon as it is read.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Callable
from typing import NamedTuple

from certfind.catalogfile import schema, yamlread
from certfind.catalogfile.checker import MAX_PROBLEMS
from certfind.catalogfile.schema import Located
from certfind.errors import CatalogError, Problem

MAX_BYTES = 64 * 1024 * 1024
"""Refuse catalog files larger than this (64 MiB holds well over 100,000 entries)."""


def read_text(path: str) -> str:
    """Read a catalog file as UTF-8 text, turning every failure into a located CatalogError."""

    def too_large() -> CatalogError:
        return CatalogError([Problem(path, 0, 0, f"the file is larger than the {MAX_BYTES // 2**20} MiB limit")])

    try:
        # a named pipe nobody writes to opens at once and reads as empty, instead of waiting forever;
        # reads then wait for a writer as usual (`--catalog <(...)`)
        with os.fdopen(os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)), "rb") as handle:
            os.set_blocking(handle.fileno(), True)
            info = os.fstat(handle.fileno())
            if info.st_size > MAX_BYTES:
                raise too_large()
            data = handle.read(MAX_BYTES + 1)
        if not data and stat.S_ISFIFO(info.st_mode):
            raise CatalogError([Problem(path, 0, 0, "is a pipe that nothing was written to")])
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
    return parse_text(path, read_text(path), on_entry)


def parse_text(path: str, text: str, on_entry: Callable[[Located], None]) -> Checked:
    """Check the text of the file `path` (read by `read_text`), handing over each valid entry as soon as it
    is read; the same text gives the same entries however often it is parsed."""
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
        root, repeated_keys = yamlread.parse(text, path, doc.entry)
    except yamlread.YamlProblem as exc:
        raise CatalogError([Problem(path, exc.line, exc.col, exc.message)]) from None
    problems = sorted([*repeated_keys, *doc.finish(root), *duplicates], key=lambda p: (p.line, p.col))
    kept = problems[:MAX_PROBLEMS]
    return Checked(kept, doc.ck.more + len(problems) - len(kept))
