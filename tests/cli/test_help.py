"""Help as a user reads it: words for every value (review 3, finding 36), text that re-flows at any width
(finding 23), `-V` (finding 27), and help and the version that exit 0 when the reader goes away (reliability
review 3, R20)."""

from __future__ import annotations

import importlib
import itertools
import re
from pathlib import Path

import pytest

from certfind import __version__
from certfind.cli import command_names
from tests.support import cli, click_command, piped

METAVAR = re.compile(r"[A-Z][A-Z_]*(\.\.\.)?|\[[A-Z][A-Z_]*\]")
"""A value's name in help: a word in capitals (`N`, `PLACE`, `NAME_OR_ID...`, `[PATH]`)."""
MACHINE_WORDS = ("<str>", "<int", "<float", "range>", "[x>=", "x<=", "{NAME", "TEXT RANGE", "INTEGER", "FLOAT")


def helps() -> list[tuple[str, list[str]]]:
    """Every help there is: the app's, and each command's."""
    return [("certfind", ["--help"]), *((name, [name, "--help"]) for name in command_names())]


def test_every_value_an_option_or_argument_takes_is_named_with_a_word() -> None:
    for name in command_names():
        for param in click_command(name).params:
            if getattr(param, "is_flag", False):
                continue
            assert param.metavar is not None, (name, param.name)
            assert METAVAR.fullmatch(param.metavar), (name, param.metavar)


@pytest.mark.parametrize(("name", "args"), helps(), ids=[name for name, _ in helps()])
@pytest.mark.parametrize("columns", [80, 100, 40])
def test_help_reflows_to_the_width_and_speaks_words(name: str, args: list[str], columns: int) -> None:
    run = cli(*args, env={"COLUMNS": str(columns)})
    assert (run.code, run.err) == (0, ""), name
    lines = run.out.splitlines()
    assert lines[0].startswith(("Usage: certfind", "Find library")), lines[0]
    for word in MACHINE_WORDS:
        assert word not in run.out, (name, word)
    assert not re.search("[\u2500-\u257f]", run.out)  # no boxes: plain text
    prose = _prose(lines)
    for line in prose:
        assert len(line) <= columns or " " not in line.strip(), (name, line)
    for previous, line in itertools.pairwise(prose):
        if previous.strip() and line.strip() and _indent(previous) <= _indent(line) and _continues(previous, line):
            first = line.split()[0]
            assert len(previous) + 1 + len(first) > min(columns, 100), (name, columns, previous, line)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip())


def _continues(previous: str, line: str) -> bool:
    """Whether `line` goes on with the text of `previous` (a wrapped line, not a new row or paragraph)."""
    if line.lstrip().startswith("-") and _indent(line) == 2:
        return False  # the next option
    row = re.match(r"(\s+\S+(?:, \S+)?(?: [A-Z_.\[\]]+)?\s{2,})", previous)
    return _indent(line) == (len(row.group(1)) if row and _indent(previous) == 2 else _indent(previous))


def _prose(lines: list[str]) -> list[str]:
    """The lines of help that are re-flowed text: not the usage line, not the examples."""
    out: list[str] = []
    in_examples = False
    for line in lines:
        if line.startswith("Examples:"):
            in_examples = True
        elif line and not line.startswith(" "):
            in_examples = False
        if not in_examples and not line.startswith("Usage:"):
            out.append(line)
    return out


def test_help_at_40_columns_never_cuts_an_option() -> None:
    run = cli("list", "--help", env={"COLUMNS": "40"})
    assert run.code == 0
    assert "\n  --category CATEGORY\n      Only this category" in run.out
    assert "…" not in run.out


def test_the_app_help_lists_commands_in_a_useful_order_with_examples() -> None:
    run = cli("--help")
    assert (run.code, run.err) == (0, "")
    commands = re.findall(r"^  ([a-z]+)  ", run.out.split("Commands:\n")[1].split("\n\n")[0], re.MULTILINE)
    assert commands == ["search", "show", "list", "compare", "plan", "eligible", "import", "init", "validate", "help"]
    assert commands == command_names()
    assert "\nExamples:\n  certfind search library technician --region Ontario\n" in run.out
    assert run.out.endswith("Learn more: certfind help COMMAND (or certfind COMMAND --help).\n")
    assert "  -V, --version  " in run.out
    assert "  --no-pager  " in run.out


def test_each_command_is_defined_by_the_module_the_app_imports_for_it() -> None:
    app_module = importlib.import_module("certfind.cli.app")
    for name, module in app_module.COMMANDS.items():
        assert click_command(name).callback.__module__ == f"certfind.cli.{module}", name
    for module in ("commands", "planning", "catalogs"):
        importlib.import_module(f"certfind.cli.{module}")
    assert set(app_module._DEFINED) == set(app_module.COMMANDS)  # none defined that the app cannot reach


def test_usage_lines_name_arguments_and_required_options() -> None:
    assert cli("plan", "-h").out.startswith("Usage: certfind plan NAME_OR_ID --earned DATE [OPTIONS]\n")
    assert cli("compare", "-h").out.startswith("Usage: certfind compare NAME_OR_ID... [OPTIONS]\n")
    assert cli("validate", "-h").out.startswith("Usage: certfind validate [PATH] [OPTIONS]\n")


@pytest.mark.parametrize("flag", ["-V", "--version"])
def test_v_is_the_version(flag: str) -> None:
    assert cli(flag) == cli("--version")
    run = cli(flag)
    assert (run.code, run.out, run.err) == (0, f"certfind {__version__}\n", "")


@pytest.mark.parametrize("command", ["", "--help", "-h", "help", "help list", "list --help", "--version", "-V"])
def test_help_and_version_into_a_reader_that_went_away_exit_0(tmp_path: Path, command: str) -> None:
    for _ in range(2):  # the reader may go before or after certfind writes: both are fine
        out, err, code = piped(tmp_path, command, "head -c 0")
        assert (code, out, err) == (0, "", "")
