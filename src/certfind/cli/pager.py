"""Long output on a terminal goes through a pager, as git and gh do it.

The pager is CERTFIND_PAGER, else PAGER, else `less -FRX` (which prints output that fits on the screen and
quits); an empty value or `cat` means none. It runs only when standard output is a terminal, never for a
pipe or a file, and `certfind --no-pager` turns it off. It starts at the first write, so a run that prints
nothing (a usage error, say) starts none. What certfind says on a terminal's stderr while a pager runs is
held until the pager has quit, so that it neither scribbles over the pager's screen nor comes before the
results. Quitting the pager early (q) is not an error: the rest of the output is dropped and the exit code
is the command's.
"""

import contextlib
import io
import os
import shlex
import subprocess
import sys
from collections.abc import Iterator, Mapping
from typing import Any, TextIO

from certfind.cli.terminal import say

DEFAULT = "less -FRX"
LESS_DEFAULTS = {"LESS": "FRX", "LV": "-c"}
"""Set for the pager when the user has not set them (as git does): `less` alone then keeps colours and
links (R), quits on short output (F) and leaves the screen as it was (X)."""
NO_PAGER = "--no-pager"


def command(env: Mapping[str, str]) -> list[str] | None:
    """The pager to run, as words: CERTFIND_PAGER, else PAGER, else `less -FRX` (none by default on a dumb
    terminal, where less cannot draw); None for an empty value, `cat`, or a value that cannot be split."""
    for name in ("CERTFIND_PAGER", "PAGER"):
        if name in env:
            value = env[name]
            break
    else:
        value = "" if env.get("TERM", "").strip().casefold() in ("dumb", "unknown") else DEFAULT
    try:
        words = shlex.split(value)
    except ValueError:  # an unclosed quote
        return None
    if not words or (len(words) == 1 and os.path.basename(words[0]) == "cat"):
        return None
    return words


class Paged:
    """Standard output while paging: a terminal to whoever writes (Rich keeps its colours and links), and a
    pipe into the pager, which starts at the first write."""

    def __init__(self, words: list[str], terminal: TextIO) -> None:
        self._words = words
        self._terminal = terminal
        self._pipe: TextIO | None = None
        self._proc: subprocess.Popen[bytes] | None = None

    @property
    def running(self) -> bool:
        return self._proc is not None

    def _stream(self) -> TextIO:
        if self._pipe is None:
            self._pipe = self._start()
        return self._pipe

    def _start(self) -> TextIO:
        env = {**LESS_DEFAULTS, **os.environ}
        try:
            self._proc = subprocess.Popen(self._words, stdin=subprocess.PIPE, env=env)
        except OSError as err:
            say(
                f"certfind: cannot start the pager {self._words[0]!r} ({err.strerror or err}); "
                "set CERTFIND_PAGER to another pager, or to nothing for none"
            )
            return self._terminal
        assert self._proc.stdin is not None
        encoding = getattr(self._terminal, "encoding", None) or "utf-8"
        errors = getattr(self._terminal, "errors", None) or "backslashreplace"
        return io.TextIOWrapper(self._proc.stdin, encoding=encoding, errors=errors)

    def write(self, text: str) -> int:
        return self._stream().write(text)

    def writelines(self, lines: list[str]) -> None:
        for line in lines:
            self.write(line)

    def flush(self) -> None:
        if self._pipe is not None:
            self._pipe.flush()

    def isatty(self) -> bool:
        return True

    def fileno(self) -> int:
        return self._stream().fileno()

    @property
    def buffer(self) -> Any:
        return self._stream().buffer

    @property
    def encoding(self) -> str:
        return getattr(self._terminal, "encoding", None) or "utf-8"

    @property
    def errors(self) -> str:
        return getattr(self._terminal, "errors", None) or "strict"

    def writable(self) -> bool:
        return True

    def finish(self) -> None:
        """Close the pipe and wait for the pager to quit; a pager that quit early is no error. Ctrl-C while
        the rest is still going in drops the rest; Ctrl-C while the pager shows it is the pager's."""
        if self._proc is None or self._pipe is None:
            return
        try:
            self._close()
        except KeyboardInterrupt:
            with contextlib.suppress(OSError, ValueError):
                devnull = os.open(os.devnull, os.O_WRONLY)
                os.dup2(devnull, self._pipe.fileno())
                os.close(devnull)
            self._close()
        while True:
            try:
                self._proc.wait()
                return
            except KeyboardInterrupt:  # less keeps running on Ctrl-C: keep waiting for it
                continue

    def _close(self) -> None:
        """What is still buffered into the pager, then the end of its input."""
        for stream in (self._pipe, self._proc.stdin if self._proc else None):
            if stream is not None:
                with contextlib.suppress(OSError, ValueError):
                    stream.close()


class Held:
    """stderr on a terminal while the pager runs: what is said then is held and written once the pager has
    quit; before the pager starts it goes straight through."""

    def __init__(self, stream: TextIO, paged: Paged) -> None:
        self._stream = stream
        self._paged = paged
        self._held: list[str] = []

    def write(self, text: str) -> int:
        if self._paged.running:
            self._held.append(text)
            return len(text)
        return self._stream.write(text)

    def flush(self) -> None:
        if not self._paged.running:
            self._stream.flush()

    def isatty(self) -> bool:
        return self._stream.isatty()

    def release(self) -> None:
        self._stream.write("".join(self._held))
        self._held.clear()
        with contextlib.suppress(OSError, ValueError):
            self._stream.flush()

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def wanted(args: list[str], env: Mapping[str, str]) -> list[str] | None:
    """The pager to page this run through, or None: standard output must be a terminal, the run no shell
    completion, and `--no-pager` not among certfind's own options (those before the command)."""
    if "_CERTFIND_COMPLETE" in env:  # the shell is asking for completions
        return None
    if NO_PAGER in before_command(args):
        return None
    try:
        if not sys.stdout.isatty():
            return None
    except (AttributeError, ValueError):
        return None
    return command(env)


def before_command(args: list[str]) -> list[str]:
    """The arguments before the command: certfind's own options (`--catalog` takes a value)."""
    found: list[str] = []
    skip = False
    for arg in args:
        if skip:
            skip = False
            continue
        if arg == "--" or not arg.startswith("-") or arg == "-":
            break
        found.append(arg)
        skip = arg == "--catalog"
    return found


@contextlib.contextmanager
def paging(args: list[str]) -> Iterator[None]:
    """Page standard output for the run inside, when `wanted`; stdout and stderr are restored afterwards."""
    words = wanted(args, os.environ)
    if words is None:
        yield
        return
    terminal, errors = sys.stdout, sys.stderr
    paged = Paged(words, terminal)
    held = Held(errors, paged) if _isatty(errors) else None
    sys.stdout = paged
    if held is not None:
        sys.stderr = held
    try:
        yield
    finally:
        try:
            paged.finish()
        finally:
            sys.stdout, sys.stderr = terminal, errors
            if held is not None:
                held.release()


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError, OSError):
        return False
