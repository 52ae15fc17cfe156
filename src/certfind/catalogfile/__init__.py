"""The catalog file format, read: a file's bytes to checked records, every problem located.

`read_text` turns every way a file can fail to be read into a located CatalogError; `parse_file` (or
`parse_text`, for text already read) reads one catalog file with `yamlread` and checks it with `schema`,
handing over each valid entry as soon as it is read.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from certfind import reading
from certfind.catalogfile import schema, yamlread
from certfind.catalogfile.checker import MAX_PROBLEMS
from certfind.catalogfile.schema import Located
from certfind.errors import CatalogError, Problem


def read_text(path: str) -> str:
    """Read a catalog file as UTF-8 text, turning every failure into a located CatalogError."""
    return reading.read_text(path, "catalog")


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
