"""The console examples of README.md and docs/*.md are real runs. `python -m tests.docs.readme` rewrites
their output from the program; `tests/docs/test_readme.py` fails when a document and the program disagree.

An example is a ```console block whose lines starting with `$ certfind` are run in-process with a
pinned terminal (100 columns, no colour, not a TTY unless `--format table` is given) and a fixed date.
"""

from __future__ import annotations

import os
import re
import shlex
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from unittest import mock

from typer.testing import CliRunner

from certfind.cli import app
from tests.support import FixedDate

README = Path(__file__).resolve().parents[2] / "README.md"
DOCUMENTS = [README, *sorted((README.parent / "docs").glob("*.md"))]
"""Every document whose examples are kept true: each runs in a fresh configuration of its own."""
BLOCK = re.compile(r"```console\n(.*?)```", re.DOTALL)


@contextmanager
def pinned(tmp: Path) -> Iterator[None]:
    env = {
        "COLUMNS": "100",
        "TERM": "xterm-256color",
        "XDG_CONFIG_HOME": str(tmp / "config"),
        "XDG_CACHE_HOME": str(tmp / "cache"),
    }
    with mock.patch.dict(os.environ, env), mock.patch("certfind.cli.options.today", FixedDate.today):
        for name in ("CERTFIND_CATALOG", "NO_COLOR", "FORCE_COLOR", "LC_ALL", "LC_MONETARY", "LANG"):
            os.environ.pop(name, None)
        yield


def run_example(command: str, tmp: Path | None = None) -> str:

    args = shlex.split(command)[1:]
    result = CliRunner().invoke(app, args, catch_exceptions=False)
    out = (result.stdout + result.stderr).replace(str(README.parent) + os.sep, "")  # same in every checkout
    if tmp is not None:  # the pinned configuration directory, as a reader's own would read
        out = out.replace(str(tmp / "config"), "~/.config")
    if result.exit_code:
        out += f"[exit {result.exit_code}]\n"
    return "\n".join(line.rstrip() for line in out.splitlines()) + "\n"


def render(text: str, tmp: Path) -> str:
    """A document's text with every example's output replaced by what the program prints now."""

    def block(match: re.Match[str]) -> str:
        out = []
        for line in match.group(1).splitlines():
            if line.startswith("$ certfind"):
                out.append(line + "\n" + run_example(line[2:], tmp))
            elif line.startswith("$ "):
                out.append(line + "\n")
        return "```console\n" + "".join(out) + "```"

    with pinned(tmp):
        return BLOCK.sub(block, text)


if __name__ == "__main__":
    for document in DOCUMENTS:
        with tempfile.TemporaryDirectory() as tmp:
            new = render(document.read_text(encoding="utf-8"), Path(tmp))
        if new != document.read_text(encoding="utf-8"):
            document.write_text(new, encoding="utf-8")
            sys.stdout.write(f"updated {document}\n")
