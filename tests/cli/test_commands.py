"""Each command as a user sees it: stdout, stderr and the exit code, for success, no match,
usage errors and an unusable catalog."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path

import pytest

from certfind import catalog as catalog_module
from tests.support import LIST_NOTE, OTHER_ENTRY, VALID_ENTRY, WriteCatalog, catalog_text, cli

BUNDLED = len(catalog_module.load())


# --- search ------------------------------------------------------------------------------------


def test_search_finds_cataloging_credentials_best_first_and_names_the_unreal_ones_on_stderr() -> None:
    run = cli("search", "cataloging")
    assert run.code == 0, run.err
    rows = [line.split("\t") for line in run.out.splitlines()]
    assert rows[0][0] == "lssc"
    assert rows[0][6].startswith("confirmed")
    trusts = [row[6] for row in rows]
    real = [t for t in trusts if t not in ("not-found", "discontinued")]
    assert trusts[: len(real)] == real  # every real match before any unreal one
    unreal, shown = run.err.splitlines()
    assert unreal.startswith("note: also matched, but no one awards them (not found, or discontinued): ")
    assert unreal.endswith("; see the evidence with: certfind show clt")
    assert re.fullmatch(r"note: showing 10 of (\d+) matches; use --limit \1 to see them all", shown)


def test_search_with_no_result_prints_nothing_and_exits_1() -> None:
    run = cli("search", "zzqxjv")
    assert (run.code, run.out) == (1, "")
    assert run.err == "certfind: no certification matches 'zzqxjv'\n"


def test_search_json_adds_a_score_to_catalog_records() -> None:
    run = cli("search", "archives", "--format", "json", "--limit", "3")
    assert (run.code, run.err) == (0, "")
    items = json.loads(run.out)
    lines = run.out.splitlines()
    assert (lines[0], lines[-1], len(lines)) == ("[", "]", 5)  # one item per line: grep and head can read it
    assert len(items) == 3
    assert {"id", "name", "issuer", "verification", "sources", "score"} <= set(items[0])
    assert items[0]["score"] >= items[-1]["score"]


def test_search_without_a_query_is_a_usage_error() -> None:
    run = cli("search")
    assert (run.code, run.out) == (2, "")
    assert run.err == "certfind: search needs QUERY\ntry: certfind search cataloging\n"


def test_search_limit_must_be_positive() -> None:
    run = cli("search", "library", "--limit", "0")
    assert (run.code, run.out) == (2, "")
    assert "--limit" in run.err


# --- list --------------------------------------------------------------------------------------


def test_list_plain_is_one_tab_separated_record_per_line() -> None:
    run = cli("list")
    assert run.code == 0, run.err
    assert run.err == LIST_NOTE
    lines = run.out.splitlines()
    assert len(lines) == BUNDLED
    assert all(len(line.split("\t")) == 7 for line in lines)
    assert not any(ch in run.out for ch in "┏━│")


def test_list_filters_by_category_and_status() -> None:
    run = cli("list", "--category", "archives", "--status", "confirmed")
    assert run.code == 0, run.err
    rows = [line.split("\t") for line in run.out.splitlines()]
    assert rows
    assert all(r[3] == "archives" and r[6].startswith("confirmed") for r in rows)


def test_list_max_cost_json_only_known_costs_within_limit() -> None:
    run = cli("list", "--max-cost", "300", "--format", "json")
    assert run.code == 0, run.err
    items = json.loads(run.out)
    assert items
    ids = {i["id"] for i in items}
    assert "ca" in ids  # $125 application + $75 first-year dues
    assert "clt" not in ids  # no known cost


def test_list_sort_cost_puts_unknown_costs_last() -> None:
    run = cli("list", "--sort", "cost")
    assert run.code == 0, run.err
    costs = [line.split("\t")[5] for line in run.out.splitlines()]
    first_unknown = costs.index("unknown")
    assert all(c == "unknown" or "unknown" in c for c in costs[first_unknown:])


def test_list_csv_has_a_header_and_parses() -> None:
    run = cli("list", "-f", "csv")
    assert run.code == 0, run.err
    rows = list(csv.reader(io.StringIO(run.out)))
    assert rows[0][:3] == ["id", "name", "acronym"]
    assert len(rows) == BUNDLED + 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["list", "--sort", "price"], "certfind: unknown --sort value 'price'; did you mean 'cost'?"),
        (["list", "--status", "maybe"], "unknown --status value 'maybe'"),
        (["list", "--max-cost", "-5"], "--max-cost must be an amount between 0 and"),
        (["list", "--format", "yaml"], "certfind: unknown --format value 'yaml'. Valid values:"),
        (["list", "--bogus"], "certfind: list has no option --bogus\ntry: certfind list --help\n"),
    ],
)
def test_list_usage_errors_exit_2(args: list[str], message: str) -> None:
    run = cli(*args)
    assert (run.code, run.out) == (2, "")
    assert message in run.err


# --- show --------------------------------------------------------------------------------------


def test_show_clt_says_plainly_it_is_unconfirmed_and_what_to_look_at() -> None:
    run = cli("show", "CLT")
    assert run.code == 0, run.err
    assert run.err == ""
    fields = [line.split("\t", 1) for line in run.out.splitlines()]
    assert ["id", "clt"] in fields
    verification = dict(fields)["verification"]
    assert verification.startswith("not-found, checked 2026-12-02")
    assert any(k == "look instead at" and v.startswith("lssc: ") for k, v in fields)


def test_show_resolves_the_article_spelling_cptl() -> None:
    run = cli("show", "cptl", "-f", "json")
    assert run.code == 0, run.err
    assert json.loads(run.out)["id"] == "cplt"


def test_show_unknown_name_exits_1_with_nothing_on_stdout() -> None:
    run = cli("show", "qqqqqq")
    assert (run.code, run.out) == (1, "")
    assert run.err == "certfind: no certification matches 'qqqqqq'\n"


def test_show_ambiguous_name_lists_candidates_and_exits_1() -> None:
    run = cli("show", "Certified")
    assert (run.code, run.out) == (1, "")
    lines = run.err.splitlines()
    assert lines[0] == "certfind: 'Certified' matches more than one certification; say which:"
    assert len(lines) >= 3
    assert all(line.startswith("  ") for line in lines[1:])


def test_show_shared_acronym_is_ambiguous() -> None:
    run = cli("show", "CET")
    assert (run.code, run.out) == (1, "")
    assert "iscet-cet" in run.err
    assert "eta-cet" in run.err


# --- compare -----------------------------------------------------------------------------------


def test_compare_json_carries_pricing_and_ranges() -> None:
    run = cli("compare", "CIP", "CompTIA A+", "--format", "json")
    assert run.code == 0, run.err
    assert run.err == ""
    doc = json.loads(run.out)
    assert doc["years"] == 5
    assert doc["pricing"] == "non-member"
    assert "ceil(5 / its period) - 1" in doc["method"]
    ids = [c["id"] for c in doc["certifications"]]
    assert ids == ["cip", "comptia-a-plus"]
    cip = doc["certifications"][0]
    assert cip["total"]["currency"] == "USD"
    assert cip["total"]["min"] == 150  # one renewal at $150 within 5 years; exam fee unknown
    assert cip["total"]["complete"] is False


def test_compare_member_pricing_uses_member_fees() -> None:
    run = cli("compare", "CIP", "CA", "--member", "--years", "6", "-f", "json")
    assert run.code == 0, run.err
    doc = json.loads(run.out)
    assert doc["pricing"] == "member"
    cip = doc["certifications"][0]
    assert cip["total"]["min"] == 135  # one renewal within 6 years at the member price


def test_compare_needs_two_names() -> None:
    run = cli("compare", "CIP")
    assert (run.code, run.out) == (2, "")
    assert run.err.startswith("certfind: compare needs at least two certifications")


def test_compare_with_an_unknown_name_exits_1() -> None:
    run = cli("compare", "CIP", "zzqxjv")
    assert (run.code, run.out) == (1, "")
    assert "no certification matches 'zzqxjv'" in run.err


def test_compare_years_must_be_at_least_one() -> None:
    run = cli("compare", "CIP", "CA", "--years", "0")
    assert (run.code, run.out) == (2, "")
    assert run.err == "certfind: --years must be from 1 to 100; got 0\n"


# --- validate, catalogs ------------------------------------------------------------------------


def test_validate_bundled_catalog() -> None:
    run = cli("validate")
    assert run.code == 0, run.err
    assert run.err == ""
    assert run.out.startswith(f"ok: {BUNDLED} certifications in ")


def test_validate_reports_every_problem_on_stderr_and_exits_3(write_catalog: WriteCatalog) -> None:
    bad = VALID_ENTRY.replace("amount: 100", "amount: -1").replace("status: confirmed", "status: sure")
    path = write_catalog(catalog_text(bad))
    run = cli("validate", path)
    assert (run.code, run.out) == (3, "")
    assert run.err.splitlines() == [
        f"{path}:11:31: demo.costs[0].amount: must not be negative (found -1)",
        f"{path}:13:15: demo.verification.status: must be one of confirmed, differs, not-found, unverified; found 'sure'",
        "certfind: 2 problems in the catalog",
    ]


def test_catalog_option_and_environment_variable(write_catalog: WriteCatalog) -> None:
    path = write_catalog(catalog_text())
    by_option = cli("--catalog", path, "list")
    by_env = cli("list", env={"CERTFIND_CATALOG": path})
    assert by_option == by_env
    assert by_option.code == 0
    assert by_option.out.startswith("demo\tDemo Certification (DEMO)\tDemo Society\tlibrary\tanywhere\t$100\tconfirmed")


def test_missing_catalog_exits_3_without_traceback(tmp_path: Path) -> None:
    path = str(tmp_path / "nope.yaml")
    run = cli("--catalog", path, "search", "x")
    assert (run.code, run.out) == (3, "")
    assert run.err == f"{path}: no such file\n"


def test_invalid_catalog_exits_3_for_every_command(write_catalog: WriteCatalog) -> None:
    path = write_catalog("schema_version: 1\ncertifications: [\n")
    for args in (["list"], ["show", "x"], ["search", "x"], ["compare", "a", "b"], ["validate"]):
        run = cli("--catalog", path, *args)
        assert (run.code, run.out) == (3, ""), args
        assert run.err.startswith(f"{path}:3:1: "), args


def test_user_catalog_replaces_and_adds_entries(tmp_path: Path) -> None:
    user = tmp_path / "config" / "certfind" / "certifications.yaml"
    user.parent.mkdir(parents=True)
    replaced = VALID_ENTRY.replace("id: demo", "id: lssc").replace("acronym: DEMO", "acronym: LSSC")
    user.write_text(catalog_text(replaced, VALID_ENTRY), encoding="utf-8")
    listed = cli("list")
    assert listed.code == 0, listed.err
    assert len(listed.out.splitlines()) == BUNDLED + 1
    shown = cli("show", "lssc", "-f", "json")
    assert json.loads(shown.out)["name"] == "Demo Certification"
    assert cli("validate").out.startswith(f"ok: {BUNDLED + 1} certifications in ")
    assert user.read_text(encoding="utf-8") == catalog_text(replaced, VALID_ENTRY)


def test_version() -> None:
    run = cli("--version")
    assert run.code == 0
    assert run.out.startswith("certfind ")
    assert run.err == ""


def test_bare_certfind_shows_the_commands() -> None:
    run = cli()
    assert run.code in (0, 2)
    for command in ("list", "show", "search", "compare", "validate"):
        assert command in run.out + run.err


# --- catalog text is data --------------------------------------------------------------------

HOSTILE = (
    "[bold]loud[/] [/] [link=https://evil.example]x[/link] :smile: \x1b[31mred\x1b]8;;https://evil\x07 \u202egnp.exe"
)


@pytest.mark.parametrize("fmt", ["table", "plain", "json", "csv"])
def test_catalog_text_is_never_markup_or_escapes(write_catalog: WriteCatalog, fmt: str) -> None:
    quoted = json.dumps(HOSTILE)  # a YAML double-quoted string
    entry = VALID_ENTRY.replace("name: Demo Certification", f"name: {quoted}")
    path = write_catalog(catalog_text(entry, OTHER_ENTRY))
    for args in (["list"], ["show", "demo"], ["search", "demo"], ["compare", "demo", "other"]):
        run = cli("--catalog", path, *args, "--format", fmt)
        assert run.code == 0, (args, run.err)
        for raw in ("\x1b", "\u202e", "\x07"):
            assert raw not in run.out
        assert "😄" not in run.out
        if fmt == "json":
            json.loads(run.out)
            assert "[bold]loud[/]" in run.out
        elif fmt != "table" or args[0] == "show":
            assert "[bold]loud[/]" in run.out
            assert ":smile:" in run.out
            assert "\\x1b[31mred" in run.out


def test_show_warns_on_stderr_when_an_entry_was_checked_over_a_year_ago(write_catalog: WriteCatalog) -> None:
    old = VALID_ENTRY.replace("checked: 2026-11-24", "checked: 2025-06-01")
    path = write_catalog(catalog_text(old))
    run = cli("--catalog", path, "show", "demo")
    assert run.code == 0
    assert "verification\tconfirmed, checked 2025-06-01 (542 days ago)\n" in run.out
    assert run.err == "warning: demo was last checked 542 days ago; fees and rules may have changed\n"


def test_discontinued_credentials_say_so() -> None:
    listed = cli("list", "--status", "discontinued")
    assert listed.code == 0
    assert (
        "western-council-lpc\tLibrary Practitioner Certificate\tWestern Council of State Libraries\tlibrary\tUS\tunknown\tdiscontinued\n"
        in listed.out
    )
    assert all(line.endswith("\tdiscontinued") for line in listed.out.splitlines())
    shown = cli("show", "western-council-lpc")
    assert "status\tDISCONTINUED: no longer awarded\n" in shown.out
