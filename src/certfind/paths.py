"""Where certfind reads and writes: the one place that resolves paths from the environment.

The bundled catalog lives in the package (or in `data/` of a source checkout). The user's own catalog
lives under `$XDG_CONFIG_HOME/certfind/` and the store under `$XDG_CACHE_HOME/certfind/`. An XDG variable
counts only when it is an absolute path (as the XDG spec says); otherwise the directory is under HOME,
and only when HOME is an absolute path to an existing directory. An empty, relative or missing HOME
decides nothing: there is then no user catalog and no cache, and nothing is written.
"""

from __future__ import annotations

import os
from pathlib import Path

ENV_CATALOG = "CERTFIND_CATALOG"
"""Names the one catalog file to use instead of the bundled catalog and the user's own (like --catalog)."""

CATALOG_NAME = "certifications.yaml"


def bundled_catalog() -> Path:
    """The catalog shipped with certfind: inside the wheel, or `data/` of a source checkout."""
    here = Path(__file__).resolve().parent
    packaged = here / "data" / CATALOG_NAME
    if packaged.is_file():
        return packaged
    return here.parent.parent / "data" / CATALOG_NAME


def home() -> Path | None:
    """HOME when it is an absolute path to an existing directory; None otherwise."""
    value = os.environ.get("HOME") or ""
    return Path(value) if os.path.isabs(value) and os.path.isdir(value) else None


def xdg_dir(variable: str, fallback: str) -> Path | None:
    """certfind's directory under an XDG base directory, or None when neither it nor HOME can say where."""
    base = os.environ.get(variable) or ""
    if os.path.isabs(base):
        return Path(base) / "certfind"
    where = home()
    return None if where is None else where / fallback / "certfind"


def config_dir() -> Path | None:
    return xdg_dir("XDG_CONFIG_HOME", ".config")


def cache_dir() -> Path | None:
    return xdg_dir("XDG_CACHE_HOME", ".cache")


def user_catalog() -> Path | None:
    """The user's own catalog file (it may not exist); None when there is no home to put it in."""
    where = config_dir()
    return None if where is None else where / CATALOG_NAME
