"""Shell completion (review 3, finding 9): whole ids, names as descriptions for zsh and fish, places by name
as well as code, education levels, commands after `help`, no id twice in `compare`, no ambiguous acronym.

The shells' own protocols are spoken to certfind as each shell's completion script does."""

from __future__ import annotations

import re

import pytest

from certfind import catalog as catalog_module
from certfind.cli import command_names
from certfind.model import EDUCATION
from tests.support import WriteCatalog, catalog_text, cli

CAT = catalog_module.load()


def bash(line: str, env: dict[str, str] | None = None) -> list[str]:
    """What bash's completion function gets for `line` (the word being completed is the last one)."""
    words = line.split(" ")
    run = cli(
        env={
            "_CERTFIND_COMPLETE": "complete_bash",
            "COMP_WORDS": line,
            "COMP_CWORD": str(len(words) - 1),
            **(env or {}),
        }
    )
    assert (run.code, run.err) == (0, "")
    return [value for value in run.out.splitlines() if value]


def zsh(line: str) -> list[tuple[str, str]]:
    """(value, description) pairs as zsh's completion function gets them."""
    run = cli(env={"_CERTFIND_COMPLETE": "complete_zsh", "_TYPER_COMPLETE_ARGS": line})
    assert (run.code, run.err) == (0, "")
    return re.findall(r'"((?:[^"]|"")*)":"((?:[^"]|"")*)"', run.out)


def fish(line: str) -> list[tuple[str, str]]:
    run = cli(
        env={
            "_CERTFIND_COMPLETE": "complete_fish",
            "_TYPER_COMPLETE_FISH_ACTION": "get-args",
            "_TYPER_COMPLETE_ARGS": line,
        }
    )
    assert (run.code, run.err) == (0, "")
    return [tuple(line.split("\t", 1)) if "\t" in line else (line, "") for line in run.out.splitlines()]  # type: ignore[misc]


def test_an_id_completes_whole_and_a_hyphen_keeps_matching() -> None:
    assert bash("certfind show mohawk") == ["mohawk-library-technician"]
    assert bash("certfind show mohawk-lib") == ["mohawk-library-technician"]
    assert bash("certfind show la-") == ["la-director-cert"]
    assert bash("certfind show cilip-c") == ["cilip-certification", "cilip-chartership"]
    assert bash("certfind plan ci") == [cert.id for cert in sorted(CAT, key=lambda c: c.id) if cert.id.startswith("ci")]
    for value in bash("certfind show "):
        assert " " not in value


def test_zsh_and_fish_get_the_name_as_the_description() -> None:
    assert zsh("certfind show mohawk") == [("mohawk-library-technician", "Library and Information Technician Diploma")]
    assert fish("certfind show mohawk") == [("mohawk-library-technician", "Library and Information Technician Diploma")]
    lssc = dict(zsh("certfind show ls"))
    assert lssc["lssc"] == "Library Support Staff Certification"


def test_compare_never_offers_an_id_already_on_the_line() -> None:
    offered = bash("certfind compare lssc ")
    assert "lssc" not in offered
    assert {"cpla", "ca", "cip"} <= set(offered)
    assert bash("certfind compare lssc cpla c") == [v for v in bash("certfind compare lssc c") if v != "cpla"]
    assert "LSSC" not in bash("certfind compare lssc LS")  # its acronym is the same certification


def test_an_ambiguous_acronym_is_not_offered_as_if_it_were_unique(write_catalog: WriteCatalog) -> None:
    def entry(ident: str, acronym: str) -> str:
        return (
            f"  - id: {ident}\n    name: {ident} certificate\n    acronym: {acronym}\n    issuer: Somebody\n"
            "    category: library\n    summary: A test entry.\n"
        )

    path = write_catalog(catalog_text(entry("one", "TWIN"), entry("two", "TWIN"), entry("three", "TWINE")))
    offered = bash(f"certfind --catalog {path} show TW")
    assert offered == ["TWINE"]
    assert cli("--catalog", path, "show", "TWIN").code == 1  # it is ambiguous: show asks which
    assert bash(f"certfind --catalog {path} show t") == ["three", "two"]


def test_acronyms_complete_in_capitals_and_ids_in_lower_case() -> None:
    assert set(bash("certfind show cp")) == {"cpla", "cplt"}
    capitals = bash("certfind show CP")
    assert {"CPLA", "CPLT"} <= set(capitals)
    assert all(value.isupper() for value in capitals)


def test_regions_complete_by_name_and_by_code() -> None:
    assert bash("certfind list --region Ont") == ["Ontario"]
    assert bash("certfind list --region ont") == ["ontario"]  # as typed: the filter ignores case
    assert bash("certfind list --region US-T") == ["US-TN", "US-TX"]
    assert dict(zsh("certfind list --region Tex")) == {"Texas": "US-TX"}
    assert dict(zsh("certfind list --region CA-O")) == {"CA-ON": "Ontario"}


def test_a_place_name_with_spaces_is_escaped_for_bash_and_whole_for_zsh_and_fish() -> None:
    assert "New\\ Zealand" in bash("certfind list --region New")
    assert ("New Zealand", "NZ") in zsh("certfind list --region New")
    assert ("New Zealand", "NZ") in fish("certfind list --region New")
    region = cli("list", "--region", "New Zealand", "--json", "id")
    assert region.code == 0  # what is completed is accepted


def test_education_levels_statuses_sorts_and_formats_complete() -> None:
    assert bash("certfind eligible --education ") == list(EDUCATION)
    assert bash("certfind eligible --education b") == ["bachelor"]
    assert bash("certfind list --status c") == ["confirmed", "ceasing"]
    assert bash("certfind list --sort c") == ["cost"]
    assert bash("certfind compare lssc cpla --format ") == ["table", "plain", "json", "csv"]
    assert bash("certfind list -f c") == ["csv", "ctdl"]
    assert {"mlis", "mls"} <= set(bash("certfind eligible --holds ml"))


def test_help_completes_command_names_with_their_summaries() -> None:
    assert bash("certfind help ") == command_names()
    assert bash("certfind help se") == ["search"]
    described = dict(zsh("certfind help li"))
    assert described == {"list": "List the catalog, filtered and sorted."}


def test_a_description_is_never_markup(write_catalog: WriteCatalog) -> None:
    hostile = (
        '  - id: odd\n    name: "[bold]Odd[/] :smile: \\u001b[31m"\n    issuer: Somebody\n    category: library\n'
        "    summary: A test entry.\n"
    )
    path = write_catalog(catalog_text(hostile))
    # brackets as parentheses, the escape made visible; zsh's protocol escapes the colons itself
    assert zsh(f"certfind --catalog {path} show o") == [("odd", r"(bold)Odd(/) \\:smile\\: \x1b(31m")]


@pytest.mark.parametrize("line", ["certfind show ", "certfind compare lssc ", "certfind list --region "])
def test_a_catalog_that_cannot_be_read_completes_nothing_and_says_nothing(line: str) -> None:
    assert bash(line, {"CERTFIND_CATALOG": "/nonexistent.yaml"}) == []
