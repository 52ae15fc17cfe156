"""README stays true: its examples are the program's current output, and every command is shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from certfind.cli import command_names
from tests.docs.readme import README, render
from tests.support import cli

pytestmark = pytest.mark.skipif(not README.exists(), reason="README is not shipped with the wheel tests")


def test_readme_examples_are_the_programs_current_output(tmp_path: Path) -> None:
    text = README.read_text(encoding="utf-8")
    assert render(text, tmp_path) == text, "README examples are stale: run `python -m tests.docs.readme`"


def test_every_command_has_an_example() -> None:
    text = README.read_text(encoding="utf-8")
    for command in command_names():
        assert f"$ certfind {command}" in text, command
    assert "certfind search cataloging" in text


def test_the_minimal_user_entry_works_as_printed(tmp_path: Path) -> None:

    text = README.read_text(encoding="utf-8")
    start = text.index("An entry needs five fields. This one works as printed:")
    block = text[
        text.index("```yaml\n", start) + len("```yaml\n") : text.index("```", text.index("```yaml\n", start) + 7)
    ]
    path = tmp_path / "config" / "certfind" / "certifications.yaml"
    path.parent.mkdir(parents=True)
    path.write_text(block, encoding="utf-8")
    run = cli("show", "county-staff", "--format", "plain")
    assert (run.code, run.err) == (0, "")
    assert "verification\tunverified, never checked\n" in run.out
    assert cli("validate").code == 0
