"""Reading a file the user names (a catalog, a CTDL record): its text, bounded in size, every way it can
fail to be read turned into a located CatalogError.

Standard library only.
"""

from __future__ import annotations

import os
import stat

from certfind.errors import CatalogError, Problem

MAX_BYTES = 64 * 1024 * 1024
"""Refuse files larger than this: 64 MiB holds a catalog of well over 100,000 entries, and a Credential
Registry record is a few hundred kilobytes."""


def read_text(path: str, kind: str) -> str:
    """The UTF-8 text of the file `path` (a BOM allowed); `kind` names what it should be ("catalog",
    "CTDL") in the messages."""

    def fail(message: str, line: int = 0, col: int = 0) -> CatalogError:
        return CatalogError([Problem(path, line, col, message)])

    too_large = f"the file is larger than the {MAX_BYTES // 2**20} MiB limit"
    try:
        # a named pipe nobody writes to opens at once and reads as empty, instead of waiting forever;
        # reads then wait for a writer as usual (`--catalog <(...)`)
        with os.fdopen(os.open(path, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_CLOEXEC", 0)), "rb") as handle:
            os.set_blocking(handle.fileno(), True)
            info = os.fstat(handle.fileno())
            if info.st_size > MAX_BYTES:
                raise fail(too_large)
            data = handle.read(MAX_BYTES + 1)
        if not data and stat.S_ISFIFO(info.st_mode):
            raise fail("is a pipe that nothing was written to")
    except FileNotFoundError:
        raise fail("no such file") from None
    except IsADirectoryError:
        raise fail(f"is a directory, not a {kind} file") from None
    except PermissionError:
        raise fail("permission denied") from None
    except OSError as exc:
        raise fail(f"cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:  # a special file whose size fstat does not know
        raise fail(too_large)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise fail(f"not UTF-8 text (byte 0x{data[exc.start]:02x}); save the file as UTF-8", line, col) from None
