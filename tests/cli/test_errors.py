"""Usage errors in one style (review 3, findings 15, 23, 25, 26, 27): one line `certfind: what went wrong`, at
most one line of what to do, exit 2, nothing on stdout; a suggestion only ever a valid value, an option of
that command, or the command line put right. Also: repeated filters keep every value (finding 24), and
`validate` counts in English (finding 29)."""

from __future__ import annotations

import json
import re

import pytest

from certfind import catalog as catalog_module
from certfind.cli import command_names
from certfind.render import ENTRY_FIELDS, SEARCH_FIELDS
from tests.support import OTHER_ENTRY, VALID_ENTRY, WriteCatalog, catalog_text, cli

COMMANDS = ", ".join(command_names())

ERRORS = [
    # an option of another command, or a typo of one of this command's
    (
        "eligible --reigon US",
        "certfind: eligible has no option --reigon; did you mean --region?\ntry: certfind eligible --region US",
    ),
    (
        "eligible --regio US",
        "certfind: eligible has no option --regio; did you mean --region?\ntry: certfind eligible --region US",
    ),
    (
        "search cataloging --sort price",
        "certfind: unknown --sort value 'price'; did you mean 'cost'? Valid values: relevance, cost",
    ),
    ("list --bogus", "certfind: list has no option --bogus\ntry: certfind list --help"),
    ("list -x", "certfind: list has no option -x\ntry: certfind list --help"),
    # certfind's own options go before the command, a command's after it
    (
        "list --catalog x.yaml --region TX",
        "certfind: --catalog is an option of certfind itself, so it goes before the command\n"
        "try: certfind --catalog x.yaml list --region TX",
    ),
    (
        "list --catalog=x.yaml",
        "certfind: --catalog is an option of certfind itself, so it goes before the command\n"
        "try: certfind --catalog=x.yaml list",
    ),
    (
        "show lssc --version",
        "certfind: --version is an option of certfind itself, so it goes before the command\ntry: certfind --version show lssc",
    ),
    (
        "--region TX list --sort cost",
        "certfind: --region is an option of list, so it goes after the command\ntry: certfind list --region TX --sort cost",
    ),
    (
        "--catalgo x.yaml list",
        "certfind: no option --catalgo; did you mean --catalog?\ntry: certfind --catalog x.yaml list",
    ),
    ("--bogus", "certfind: no option --bogus\ntry: certfind --help"),
    # values: a number, a word from the list
    (
        "list --sort price",
        "certfind: unknown --sort value 'price'; did you mean 'cost'? Valid values: name, cost, duration, issuer",
    ),
    (
        "list --sort isuer",
        "certfind: unknown --sort value 'isuer'; did you mean 'issuer'? Valid values: name, cost, duration, issuer",
    ),
    ("list --format yml", "certfind: unknown --format value 'yml'. Valid values: table, plain, json, csv, ctdl"),
    ("compare lssc cpla -f ctdl", "certfind: unknown --format value 'ctdl'. Valid values: table, plain, json, csv"),
    ("list --max-cost abc", "certfind: --max-cost needs a number, like 150; got 'abc'"),
    ("search library --limit ten", "certfind: --limit needs a whole number 1 or more, like 5; got 'ten'"),
    ("search library --limit 0", "certfind: --limit must be 1 or more; got 0"),
    ("compare lssc cpla --years 101", "certfind: --years must be from 1 to 100; got 101"),
    (
        "plan lssc --earned 2025-01-01 --years 1.5",
        "certfind: --years needs a whole number from 1 to 100, like 5; got '1.5'",
    ),
    ("eligible --library-hours -1", "certfind: --library-hours must be 0 or more; got -1"),
    ("eligible --experience-years nan", "certfind: --experience-years needs a number of 0 or more, like 3; got 'nan'"),
    ("import --format csv x.json", "certfind: unknown --format value 'csv'. Valid values: yaml, json"),
    # missing and extra words
    ("show", "certfind: show needs NAME_OR_ID\ntry: certfind show CLT"),
    ("search", "certfind: search needs QUERY\ntry: certfind search cataloging"),
    ("plan lssc", "certfind: plan needs --earned DATE\ntry: certfind plan cip --earned 2025-03-01 --years 9"),
    (
        "search library --limit",
        'certfind: --limit needs a value: --limit N\ntry: certfind search "library technican" --limit 3',
    ),
    (
        "compare lssc cpla --member=yes",
        "certfind: --member takes no value\nwrite --member on its own; see: certfind compare --help",
    ),
    (
        "show mohawk library technician",
        "certfind: show takes one NAME_OR_ID; got 3 words\n"
        "quote a name with spaces: certfind show 'mohawk library technician'",
    ),
    ("list archives", "certfind: list takes no arguments; got archives\ntry: certfind list --help"),
    # commands
    ("lst --region TX", "certfind: no command 'lst'; did you mean 'list'?\ntry: certfind list --region TX"),
    (
        "library technician",
        f"certfind: no command 'library'; the commands are: {COMMANDS}\nto look it up: certfind search library technician",
    ),
    ("help lst", f"certfind: no command 'lst'; did you mean 'list'? The commands are: {COMMANDS}"),
    # compare needs different certifications (finding 25)
    (
        "compare lssc lssc",
        "certfind: 'lssc' is given twice; compare needs different certifications\ne.g. certfind compare LSSC CPLA",
    ),
    (
        "compare lssc cpla LSSC --years 6",
        "certfind: 'lssc' and 'LSSC' name the same certification (lssc); compare needs different certifications\n"
        "try: certfind compare lssc cpla --years 6",
    ),
    # --json (finding 26)
    ("list --json id,name --format csv", "certfind: --json prints JSON; it cannot be used with --format csv"),
    (
        "list --json id,nme",
        f"certfind: unknown --json field 'nme'; did you mean 'name'? The fields are: {', '.join(ENTRY_FIELDS)}",
    ),
    (
        "search x --json sore",
        f"certfind: unknown --json field 'sore'; did you mean 'score'? The fields are: {', '.join(SEARCH_FIELDS)}",
    ),
    ("show lssc --json zzz", f"certfind: unknown --json field 'zzz'; the fields are: {', '.join(ENTRY_FIELDS)}"),
    # a place only ever suggests one of the valid places
    ("list --region Narnia", "certfind: unknown --region value 'Narnia'. Valid values: "),
    ("list --region Ontaro", "certfind: unknown --region value 'Ontaro'; did you mean 'Ontario'? Valid values: "),
]


@pytest.mark.parametrize(("command", "expected"), ERRORS, ids=[command for command, _ in ERRORS])
def test_a_usage_error_is_one_line_and_what_to_do(command: str, expected: str) -> None:
    run = cli(*command.split())
    assert (run.code, run.out) == (2, ""), run
    if expected.endswith("Valid values: "):  # the list itself is the catalog's
        assert run.err.startswith(expected), run.err
        assert run.err.count("\n") == 1
    else:
        assert run.err == expected + "\n"


@pytest.mark.parametrize(("command", "_expected"), ERRORS, ids=[command for command, _ in ERRORS])
def test_no_box_and_no_parser_words_in_any_usage_error(command: str, _expected: str) -> None:
    err = cli(*command.split()).err
    assert not re.search("[\u2500-\u257f]", err)  # Typer's boxed panels
    for words in ("Usage:", "Try '", "Error", "Invalid value", "No such option", "Possible options", "Missing"):
        assert words not in err
    lines = err.splitlines()
    assert 1 <= len(lines) <= 2
    assert lines[0].startswith("certfind: ")


@pytest.mark.parametrize(
    ("command", "name"),
    [
        ("compare lssc cpla --region US", "--region"),
        ("show lssc --education bachelor", "--education"),
        ("eligible --zzz", "--zzz"),
        ("plan lssc --earned 2025-01-01 --limit 3", "--limit"),
    ],
)
def test_no_suggestion_when_no_option_of_that_command_is_near(command: str, name: str) -> None:
    """`eligible --region` once suggested --education: an option of another command suggests nothing."""
    run = cli(*command.split())
    verb = command.split(maxsplit=1)[0]
    assert (run.code, run.out) == (2, "")
    assert run.err == f"certfind: {verb} has no option {name}\ntry: certfind {verb} --help\n"


def test_a_suggested_fix_runs() -> None:
    """The `try:` line of an error is a command line that works."""
    for command in ("eligible --reigon US", "lst --region TX", "compare lssc cpla LSSC --years 6"):
        hint = cli(*command.split()).err.splitlines()[1]
        assert hint.startswith("try: certfind ")
        run = cli(*hint.removeprefix("try: certfind ").split())
        assert run.code == 0, (hint, run.err)


def test_global_option_put_before_the_command_works(write_catalog: WriteCatalog) -> None:
    path = write_catalog(catalog_text(VALID_ENTRY))
    run = cli("list", "--catalog", path)
    assert run.code == 2
    hint = run.err.splitlines()[1].removeprefix("try: certfind ")
    assert hint == f"--catalog {path} list"
    fixed = cli(*hint.split())
    assert (fixed.code, fixed.err) == (0, "")
    assert fixed.out.startswith("demo\t")


def test_json_alone_lists_only_the_fields_that_command_prints() -> None:
    listed = {
        command: cli(command, *args, "--json")
        for command, args in (("list", []), ("show", ["lssc"]), ("search", ["x"]))
    }
    for run in listed.values():
        assert (run.code, run.err) == (0, "")
        assert run.out.startswith("Fields for --json:\n")
    fields = {command: [line.strip() for line in run.out.splitlines()[1:]] for command, run in listed.items()}
    assert fields["list"] == fields["show"] == list(ENTRY_FIELDS)
    assert "score" not in fields["list"]
    assert fields["search"] == [*ENTRY_FIELDS, "score"]
    shown = json.loads(cli("show", "lssc", "--format", "json").out)
    assert set(fields["show"]) <= set(shown)


# --- repeated filters (finding 24) -----------------------------------------------------------------


def _ids(*args: str) -> set[str]:
    run = cli("list", *args, "--json", "id")
    assert run.code in (0, 1), run.err
    return {item["id"] for item in json.loads(run.out)}


def test_status_given_twice_keeps_both_values() -> None:
    confirmed, active = _ids("--status", "confirmed"), _ids("--status", "active")
    both = _ids("--status", "active", "--status", "confirmed")
    assert both == confirmed & active  # a verification and a credential status: what is both
    assert both == _ids("--status", "confirmed", "--status", "active")  # in either order
    assert confirmed - active  # each value did narrow it
    assert active - confirmed
    either = _ids("--status", "confirmed", "--status", "differs")
    assert either == confirmed | _ids("--status", "differs")  # two verifications: either one


def test_category_and_issuer_given_twice_keep_both_values() -> None:
    archives, it = _ids("--category", "archives"), _ids("--category", "it")
    assert archives
    assert it
    assert _ids("--category", "archives", "--category", "it") == archives | it
    ala, cilip = _ids("--issuer", "ALA-Allied"), _ids("--issuer", "CILIP")
    assert ala
    assert cilip
    assert _ids("--issuer", "ALA-Allied", "--issuer", "CILIP") == ala | cilip


def test_search_keeps_every_status_too() -> None:
    run = cli(
        "search",
        "library",
        "--limit",
        "100",
        "--status",
        "confirmed",
        "--status",
        "active",
        "--json",
        "id,status,verification",
    )
    assert run.code == 0, run.err
    items = json.loads(run.out)
    assert items
    assert {(item["status"], item["verification"]["status"]) for item in items} == {("active", "confirmed")}


# --- validate counts in English --------------------------------------------------------------------


@pytest.mark.parametrize("entries", [1, 2])
def test_validate_says_one_certification_or_many(write_catalog: WriteCatalog, entries: int) -> None:
    path = write_catalog(catalog_text(*[VALID_ENTRY, OTHER_ENTRY][:entries]))
    run = cli("validate", path)
    noun = "certification" if entries == 1 else "certifications"
    assert (run.code, run.out, run.err) == (0, f"ok: {entries} {noun} in {path}\n", "")


def test_the_bundled_catalog_validates_in_the_plural() -> None:
    run = cli("validate")
    count = len(catalog_module.load())
    assert (run.code, run.err) == (0, "")
    assert re.fullmatch(rf"ok: {count} certifications in \S+\n", run.out)
