"""Typed errors raised by the domain code; the CLI boundary maps each to a message and an exit code."""

from collections.abc import Sequence
from typing import NamedTuple

EXIT_OK = 0
EXIT_NO_MATCH = 1
EXIT_USAGE = 2
EXIT_CATALOG = 3
EXIT_INTERRUPTED = 130


class Problem(NamedTuple):
    """One located problem in a catalog file. `line` and `col` are 1-based; 0 means unknown."""

    path: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        if self.line <= 0:
            return f"{self.path}: {self.message}"
        return f"{self.path}:{self.line}:{self.col}: {self.message}"


class CertfindError(Exception):
    """Base class: every error a user can cause. Carries its message and its exit code: the command line's
    one boundary prints `lines()` on stderr and exits with `exit_code`."""

    exit_code = EXIT_NO_MATCH

    def __init__(self, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.hint = hint  # at most one line of what to do

    def lines(self) -> list[str]:
        """The lines printed on stderr, as they are printed: `certfind: what went wrong`, then the hint."""
        return [f"certfind: {self}", *([self.hint] if self.hint else [])]


class CatalogError(CertfindError):
    """The catalog cannot be used: missing, unreadable, malformed or invalid."""

    exit_code = EXIT_CATALOG

    def __init__(self, problems: Sequence[Problem], more: int = 0) -> None:
        self.problems = tuple(problems)
        self.more = more  # problems found past the listing limit, counted only
        super().__init__("\n".join(str(p) for p in self.problems))

    def lines(self) -> list[str]:
        """Each problem as `file:line:col: message`, then how many there were when that is more than one."""
        located = [str(p) for p in self.problems]
        count = len(located) + self.more
        if count > 1:
            shown = f" (first {len(located)} shown)" if self.more else ""
            located.append(f"certfind: {count} problems in the catalog{shown}")
        return located


class UntrustedFile(CertfindError):
    """A file certfind would trust as the user's own that someone else could have written."""

    exit_code = EXIT_CATALOG


class TooLarge(CertfindError):
    """What certfind would read or write is larger than a catalog may be."""

    exit_code = EXIT_CATALOG


class NoMatchError(CertfindError):
    """Nothing matched a query; `candidates` are near misses worth suggesting."""

    exit_code = EXIT_NO_MATCH

    def __init__(self, query: str, candidates: Sequence[tuple[str, str]] = (), ambiguous: bool = False) -> None:
        self.query = query
        self.candidates = tuple(candidates)  # (id, display name)
        self.ambiguous = ambiguous
        super().__init__(query)

    def lines(self) -> list[str]:
        if self.ambiguous:
            head = f"{self.query!r} matches more than one certification; say which:"
        elif self.candidates:
            head = f"no certification matches {self.query!r}. Did you mean:"
        else:
            head = f"no certification matches {self.query!r}"
        return [f"certfind: {head}", *(f"  {cid:<28} {name}" for cid, name in self.candidates)]


class UsageError(CertfindError):
    """A bad option value that the argument parser cannot catch by itself."""

    exit_code = EXIT_USAGE
