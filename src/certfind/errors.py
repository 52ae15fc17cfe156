"""Typed errors raised by the domain code; the CLI boundary maps each to a message and an exit code."""

from __future__ import annotations

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
    """Base class: every error a user can cause. Carries its exit code."""

    exit_code = EXIT_NO_MATCH

    def lines(self) -> list[str]:
        """The message lines printed on stderr."""
        return [str(self)]


class CatalogError(CertfindError):
    """The catalog cannot be used: missing, unreadable, malformed or invalid."""

    exit_code = EXIT_CATALOG

    def __init__(self, problems: Sequence[Problem], more: int = 0) -> None:
        self.problems = tuple(problems)
        self.more = more  # problems found past the listing limit, counted only
        super().__init__("\n".join(str(p) for p in self.problems))

    def lines(self) -> list[str]:
        return [str(p) for p in self.problems]


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
        return [head, *(f"  {cid:<28} {name}" for cid, name in self.candidates)]


class UsageError(CertfindError):
    """A bad option value that the argument parser cannot catch by itself."""

    exit_code = EXIT_USAGE
