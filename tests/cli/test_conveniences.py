"""The pleasant parts: completion, help, the user's own entries, a clearer compare."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from certfind import costs
from certfind.cli import command_names
from certfind.model import Money
from tests.support import VALID_ENTRY, WriteCatalog, catalog_text, cli


def complete(tmp_path: Path, words: str) -> list[str]:
    env = {
        **os.environ,
        "_CERTFIND_COMPLETE": "complete_bash",
        "COMP_WORDS": words,
        "COMP_CWORD": str(len(words.split()) - (0 if words.endswith(" ") else 1)),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
    }
    code = "import sys; from certfind.cli import main; sys.argv[0] = 'certfind'; main()"
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    return done.stdout.split()


def test_completion_offers_ids_and_acronyms_for_show(tmp_path: Path) -> None:
    assert complete(tmp_path, "certfind show ls") == ["lssc"]
    assert set(complete(tmp_path, "certfind show cp")) == {"cpla", "cplt"}
    assert "CPTL" not in complete(tmp_path, "certfind show CP")  # aliases are not offered, acronyms are
    assert {"CPLA", "CPLT"} <= set(complete(tmp_path, "certfind show CP"))


def test_completion_for_compare_and_an_empty_word(tmp_path: Path) -> None:
    offered = complete(tmp_path, "certfind compare cip ")
    assert {"lssc", "ca", "mos"} <= set(offered)
    assert "cip" not in offered  # already on the command line


def test_show_completion_script_is_available(monkeypatch: pytest.MonkeyPatch) -> None:
    # Typer takes the shell from the process tree when it can, which depends on how the tests were
    # started; this asks for the form where the shell is named, as where none can be detected
    monkeypatch.setenv("_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION", "1")
    run = cli("--show-completion", "bash")
    assert (run.code, run.err) == (0, "")
    assert "_CERTFIND_COMPLETE=complete_bash" in run.out


@pytest.mark.parametrize("command", command_names())
def test_h_works_everywhere_and_help_teaches_by_example(command: str) -> None:
    short, long = cli(command, "-h"), cli(command, "--help")
    assert short == long
    assert short.code == 0
    assert "Examples" in short.out
    assert short.out.count(f"certfind {command}") >= 2


def test_bare_certfind_lists_the_commands_with_a_line_each() -> None:
    run = cli()
    assert (run.code, run.err) == (0, "")
    for command in command_names():
        assert f" {command} " in run.out


@pytest.mark.parametrize("command", command_names())
def test_help_command_explains_each_command(command: str) -> None:
    run = cli("help", command)
    assert (run.code, run.err) == (0, "")
    assert run.out == cli(command, "--help").out


def test_help_of_an_unknown_command_is_a_usage_error() -> None:
    run = cli("help", "nope")
    assert (run.code, run.out) == (2, "")
    assert run.err == f"certfind: no command 'nope'; the commands are: {', '.join(command_names())}\n"


def test_list_origin_tells_bundled_from_user_entries(tmp_path: Path) -> None:
    user = tmp_path / "config" / "certfind" / "certifications.yaml"
    user.parent.mkdir(parents=True)
    user.write_text(catalog_text(VALID_ENTRY), encoding="utf-8")
    run = cli("list", "--origin")
    assert run.code == 0, run.err
    origins = {line.split("\t")[0]: line.split("\t")[-1] for line in run.out.splitlines()}
    assert origins["demo"] == "user"
    assert origins["lssc"] == "bundled"
    as_json = json.loads(cli("list", "--origin", "-f", "json").out)
    assert {i["id"]: i["origin"] for i in as_json}["demo"] == "user"


def test_compare_marks_the_lowest_complete_amounts() -> None:
    run = cli("compare", "ca", "isa-cap", "lssc", "-f", "json")
    assert (run.code, run.err) == (0, "")
    marks = {c["id"]: c["lowest"] for c in json.loads(run.out)["certifications"]}
    assert marks["ca"] == {"upfront": True, "total": False}  # $500 in 5 years; LSSC's "$350 + unknown" may be less
    assert marks["isa-cap"] == {"upfront": False, "total": False}
    assert marks["lssc"] == {"upfront": False, "total": False}  # '+ unknown' is never called cheapest


def test_compare_never_compares_across_currencies(write_catalog: WriteCatalog) -> None:
    cad = (
        VALID_ENTRY.replace("id: demo", "id: cad")
        .replace("DEMO", "CAD1")
        .replace("topics:", "currency: CAD\n    topics:")
    )
    usd = VALID_ENTRY.replace("amount: 100", "amount: 500")
    path = write_catalog(catalog_text(cad, usd))
    doc = json.loads(cli("--catalog", path, "compare", "cad", "demo", "-f", "json").out)
    assert [c["total"]["currency"] for c in doc["certifications"]] == ["CAD", "USD"]
    assert [c["lowest"]["upfront"] for c in doc["certifications"]] == [False, False]


def test_lowest_is_per_currency_and_ignores_incomplete() -> None:
    usd, cad = Money("USD", 100, 100), Money("CAD", 50, 50)
    assert costs.lowest([usd, cad, Money("USD", 200, 200)]) == {0}
    assert costs.lowest([usd, Money("USD", 10, 10, complete=False)]) == set()  # "$10 + unknown" may be less
    assert costs.lowest([None, usd]) == set()


def test_compare_table_footer_says_how_totals_were_computed() -> None:
    run = cli("compare", "ca", "isa-cap", "--years", "7", "--member", "-f", "table")
    assert run.code == 0, run.err
    flat = " ".join(run.out.split())
    assert "(lowest)" in flat
    assert "holding each credential 7 years at member prices and dues" in flat
    assert "Each in its own currency, never converted." in flat
