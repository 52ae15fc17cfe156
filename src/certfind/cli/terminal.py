"""The streams certfind writes to: output that never fails on an encoding, a closed pipe or a closed
stderr, and messages on stderr that are one cleaned line each."""

import contextlib
import errno
import os
import sys
from typing import Any

from certfind.errors import EXIT_NO_MATCH, EXIT_OK
from certfind.text import clean


class Forgiving:
    """stderr that never fails: with it closed or full, the exit code still says what happened."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, data: str) -> int:
        try:
            return int(self._stream.write(data)) if self._stream is not None else len(data)
        except (OSError, ValueError):
            return len(data)

    def flush(self) -> None:
        try:
            if self._stream is not None:
                self._stream.flush()
        except (OSError, ValueError):
            pass

    def isatty(self) -> bool:
        try:
            return bool(self._stream is not None and self._stream.isatty())
        except (OSError, ValueError):
            return False

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def say(line: str) -> None:
    """One line on stderr, with nothing in it a terminal would act on."""
    sys.stderr.write(clean(line) + "\n")


def silence_stdout() -> None:
    """The reader went away (`certfind list | head -1`): drop the rest of the output quietly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # AttributeError: started with no stdout at all
        pass


def output_failed(err: OSError | str) -> int:
    """Say why the output could not be written, drop what is left of it, and give the exit code."""
    if isinstance(err, OSError) and err.errno == errno.EPIPE:
        silence_stdout()
        return EXIT_OK
    reason = err if isinstance(err, str) else (err.strerror or str(err))
    silence_stdout()
    say(f"certfind: cannot write the output: {reason}")
    return EXIT_NO_MATCH


def safe_streams() -> None:
    """Output never fails on the stream's encoding: what cannot be encoded is written as an escape."""
    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError, OSError):
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    forgiving: Any = Forgiving(sys.stderr)
    sys.stderr = forgiving


def write_bytes(data: bytes) -> None:
    """Bytes on stdout as they are (a calendar's CRLF and UTF-8), after what was written as text."""
    sys.stdout.flush()
    raw = getattr(sys.stdout, "buffer", None)
    if raw is None:
        sys.stdout.write(data.decode("utf-8"))
    else:
        raw.write(data)


def is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False
