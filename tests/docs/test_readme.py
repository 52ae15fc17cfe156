"""README and docs/ stay true: their examples are the program's current output, every command is shown,
and README stays short."""

from __future__ import annotations

from pathlib import Path

import pytest

from certfind.cli import command_names
from tests.docs.readme import DOCUMENTS, README, render
from tests.support import cli

pytestmark = pytest.mark.skipif(not README.exists(), reason="README is not shipped with the wheel tests")


@pytest.mark.parametrize("document", DOCUMENTS, ids=lambda p: p.name)
def test_examples_are_the_programs_current_output(tmp_path: Path, document: Path) -> None:
    text = document.read_text(encoding="utf-8")
    assert render(text, tmp_path) == text, f"{document.name} examples are stale: run `python -m tests.docs.readme`"


def test_every_command_has_an_example() -> None:
    text = "".join(document.read_text(encoding="utf-8") for document in DOCUMENTS)
    for command in command_names():
        assert f"$ certfind {command}" in text, command
    assert "certfind search cataloging" in README.read_text(encoding="utf-8")


def test_readme_is_for_users_and_short() -> None:
    text = README.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= 300
    assert "SPEC.md" not in text
    for link in (part.split(")")[0] for part in text.split("](docs/")[1:]):
        assert (README.parent / "docs" / link).exists(), link  # never a page that is not there


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
