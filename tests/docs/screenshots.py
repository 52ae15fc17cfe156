"""README's screenshots are the program's real output. `python -m tests.docs.screenshots` rewrites
docs/*.svg; tests/test_screenshots.py fails when they differ from what the program prints now.

Each command runs in-process with `--format table`, colour forced and 100 columns. Its ANSI output
is replayed into a recording Rich console and exported as SVG.
"""

from __future__ import annotations

import os
import shlex
import sys
import tempfile
from pathlib import Path
from unittest import mock

from rich.console import Console
from rich.text import Text
from typer.testing import CliRunner

from certfind.cli import app
from tests.docs.readme import README, pinned

DOCS = README.parent / "docs"
SHOTS = {
    "search.svg": "certfind search library technician --limit 6 --format table",
    "show.svg": "certfind show CLT --format table",
    "compare.svg": "certfind compare LSSC CPLA 'Certified Archivist' --member --format table",
}
WIDTH = 100


def svg(command: str) -> str:

    with tempfile.TemporaryDirectory() as tmp, pinned(Path(tmp)), mock.patch.dict(os.environ, {"FORCE_COLOR": "1"}):
        result = CliRunner().invoke(app, shlex.split(command)[1:], catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    console = Console(record=True, width=WIDTH, file=open(os.devnull, "w"), force_terminal=True)  # noqa: SIM115
    console.print(Text("$ " + command, style="bold"))
    console.print(Text.from_ansi(result.stdout), end="")
    return console.export_svg(title=command.split(" --format", maxsplit=1)[0])


def main() -> None:
    DOCS.mkdir(exist_ok=True)
    for name, command in SHOTS.items():
        (DOCS / name).write_text(svg(command), encoding="utf-8")
        sys.stdout.write(f"wrote {DOCS / name}\n")


if __name__ == "__main__":
    main()
