"""Shared fixtures: every test runs with a pinned terminal and an empty home, so output is deterministic
and nothing the user owns can be read or written."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import pytest
from typer.testing import CliRunner

from certfind.cli import app
from tests.readme import FixedDate

VALID_ENTRY = """\
  - id: demo
    name: Demo Certification
    acronym: DEMO
    issuer: Demo Society
    category: library
    summary: A small entry for tests.
    topics: [cataloging]
    costs:
      - {label: Exam, amount: 100}
    verification:
      status: confirmed
      checked: 2026-11-24
    sources:
      - {title: Demo, url: https://example.org/demo, accessed: 2026-11-24}
"""


def catalog_text(*entries: str) -> str:
    return "schema_version: 1\ncertifications:\n" + "".join(entries or (VALID_ENTRY,))


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


@pytest.fixture(autouse=True)
def pinned_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("TERM", "xterm-256color")
    for name in ("CERTFIND_CATALOG", "NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("certfind.cli.options.today", FixedDate.today)


def cli(*args: str, env: dict[str, str] | None = None) -> Run:
    """Run certfind in-process; stdout and stderr kept apart, exceptions never swallowed."""
    result = CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)
    return Run(result.exit_code, result.stdout, result.stderr)


class WriteCatalog(Protocol):
    def __call__(self, text: str | bytes, name: str = ...) -> str: ...


@pytest.fixture
def write_catalog(tmp_path: Path) -> WriteCatalog:
    def write(text: str | bytes, name: str = "catalog.yaml") -> str:
        path = tmp_path / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return str(path)

    return write


def many_entries(count: int) -> str:
    return catalog_text(
        *(
            VALID_ENTRY.replace("id: demo", f"id: demo-{i}").replace("acronym: DEMO", f"acronym: D{i}")
            for i in range(count)
        )
    )


@pytest.fixture(scope="module")
def big_catalog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """3,000 valid entries: far more output than a pipe buffer holds."""
    path = tmp_path_factory.mktemp("big") / "big.yaml"
    path.write_text(many_entries(3000), encoding="utf-8")
    return path
