"""Writing results to stdout as JSON, CSV and plain text, whatever the stream can carry.

Catalog text is data: in CSV and plain output, control, escape, bidi and invisible characters are shown as
visible escapes, and a CSV cell a spreadsheet would run as a formula is prefixed with `'`; JSON keeps the
text exactly (as \\u escapes where needed) and is never wrapped.
"""

import codecs
import csv
import functools
import json
import os
import sys
from collections.abc import Iterable, Sequence
from typing import Any

from certfind.text import clean, escape_non_ascii, json_safe

MAX_WIDTH = 240
"""A COLUMNS wider than this is taken as this: nobody reads a table 99,999 characters wide."""


def to_json(value: Any) -> str:
    """JSON text in which no control, bidi or invisible character survives raw."""
    return json_safe(json.dumps(value, ensure_ascii=False, indent=2))


def write(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def write_json(value: Any) -> None:
    write(for_stream(to_json(value)))


def for_stream(json_text: str) -> str:
    """JSON text the stream can carry: where stdout's encoding cannot hold a character (`PYTHONIOENCODING=
    ascii`, a latin-1 terminal), it is written as a JSON escape (the same data), never as the stream's
    own backslash escape, which would not be JSON."""
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    if json_text.isascii() or _codec(encoding).startswith(("utf-8", "utf-16", "utf-32")):
        return json_text
    try:
        json_text.encode(encoding)
        return json_text
    except UnicodeEncodeError:
        return escape_non_ascii(json_text)


@functools.cache
def _codec(encoding: str) -> str:
    """An encoding's canonical name (`utf-8` for `UTF8`), or "" when Python knows no such encoding."""
    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return ""


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    """One CSV cell: no raw control character, and nothing a spreadsheet would run as a formula, even one
    that trims the spaces and line breaks in front of it."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START) or text.lstrip(" \t\r\n\u2028\u2029").startswith(_FORMULA_START):
        text = "'" + text
    return clean(text)


def write_csv(rows: Iterable[Sequence[object]]) -> None:
    writer = csv.writer(sys.stdout, lineterminator="\n")
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])


def write_plain(rows: Iterable[Sequence[object]]) -> None:
    for row in rows:
        sys.stdout.write("\t".join(clean("" if v is None else str(v)) for v in row) + "\n")


def write_json_lines_array(lines: Iterable[str]) -> None:
    """A JSON array with one compact item per line: valid JSON that `grep` and `head` can read too."""
    first = True
    for line in lines:
        sys.stdout.write("[\n" if first else ",\n")
        sys.stdout.write(for_stream(line))
        first = False
    sys.stdout.write("[]\n" if first else "\n]\n")


class JsonItems:
    """Stored items (UTF-8 JSON), a batch at a time, written as `write_json_lines_array` would but a batch per
    write: a listing of 100,000 entries is printed without making an object, or even a string, of any of
    them. Where stdout is UTF-8 the bytes go out as they are; elsewhere as `for_stream` makes them."""

    def __init__(self, batches: Iterable[list[bytes]]) -> None:
        self.batches = batches
        self.count = 0

    def json(self) -> None:
        out = sys.stdout
        binary = _utf8_bytes(out)
        for batch in self.batches:
            chunk = (b"[\n" if not self.count else b",\n") + b",\n".join(batch)
            if binary is not None:
                binary.write(chunk)
            else:
                out.write(for_stream(chunk.decode("utf-8")))
            self.count += len(batch)
        tail = "[]\n" if not self.count else "\n]\n"
        if binary is not None:
            binary.write(tail.encode("ascii"))
        else:
            out.write(tail)


def _utf8_bytes(out: Any) -> Any:
    """The byte stream under a text stdout that writes UTF-8 and translates no newline, flushed so that
    bytes written to it follow what was written as text; None when text must go through the stream."""
    binary = getattr(out, "buffer", None)
    if binary is None or _codec(getattr(out, "encoding", None) or "") != "utf-8" or os.linesep != "\n":
        return None
    out.flush()
    return binary


def terminal_size() -> tuple[int, int]:
    """The terminal's columns and lines: COLUMNS and LINES when set, else the size of the terminal that
    standard output (as the process started with it, not a pager's pipe), stdin or stderr is; 80 x 25
    without one. A width below 10 (`COLUMNS=0`) is taken as 80, one above MAX_WIDTH as MAX_WIDTH."""
    columns = lines = 0
    for stream in (sys.__stdout__, sys.__stdin__, sys.__stderr__):
        try:
            columns, lines = os.get_terminal_size(stream.fileno())  # type: ignore[union-attr]
            break
        except (AttributeError, ValueError, OSError):
            continue
    columns = _positive(os.environ.get("COLUMNS")) or columns
    lines = _positive(os.environ.get("LINES")) or lines or 25
    width = 80 if columns < 10 else min(columns, MAX_WIDTH)
    return width, lines


def _positive(value: str | None) -> int:
    return int(value) if value is not None and value.isdigit() and len(value) < 12 else 0


def dumb_terminal() -> bool:
    """TERM=dumb: a terminal that shows text and nothing else (no colour, no box drawing, no cursor moves)."""
    return os.environ.get("TERM", "").strip().casefold() in ("dumb", "unknown")
