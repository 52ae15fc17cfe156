"""Shared fixtures: every test runs with a pinned terminal and an empty home, so output is deterministic
and nothing the user owns can be read or written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support import FixedDate, WriteCatalog, many_entries


@pytest.fixture(autouse=True)
def pinned_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("COLUMNS", "100")
    monkeypatch.setenv("TERM", "xterm-256color")
    names = ("CERTFIND_CATALOG", "NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "TTY_INTERACTIVE")
    for name in (*names, "LC_ALL", "LC_MONETARY", "LANG"):  # no locale: --sort cost puts USD first
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr("certfind.cli.options.today", FixedDate.today)


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


@pytest.fixture(scope="module")
def big_catalog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """3,000 valid entries: far more output than a pipe buffer holds."""
    path = tmp_path_factory.mktemp("big") / "big.yaml"
    path.write_text(many_entries(3000), encoding="utf-8")
    return path
