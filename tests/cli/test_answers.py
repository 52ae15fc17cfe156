"""Answers that don't mislead (contract 1.1): real credentials first, filters that take only known values,
costs a user can act on, trust wording that means one thing, empty results, safe exports and links."""

from __future__ import annotations

import csv
import io
import itertools
import json
import os
import re
import stat
from pathlib import Path

import pytest

from certfind import catalog as catalog_module
from certfind import costs, paths
from certfind.cli import command_names
from certfind.cli.options import ListFormat
from tests.search.sets import TECHNICIAN
from tests.support import VALID_ENTRY, WriteCatalog, catalog_text, cli, run_in_pty, without_note

CAT = catalog_module.load(str(paths.bundled_catalog()))
UNREAL = {c.id for c in CAT if c.unreal}


def plain_rows(out: str) -> list[list[str]]:
    return [line.split("\t") for line in out.splitlines()]


# --- trust first -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "query", ["library technician", "library technican", "school library", "public library", "library director"]
)
def test_real_credentials_come_before_every_unreal_match(query: str) -> None:
    run = cli("search", *query.split(), "--limit", "50")
    assert run.code == 0
    ids = [row[0] for row in plain_rows(run.out)]
    real = [i for i in ids if i not in UNREAL]
    assert ids[: len(real)] == real
    assert ids[0] not in UNREAL


def test_library_technician_puts_real_credentials_first_and_says_which_matches_are_not_real() -> None:
    run = cli("search", "library", "technician")
    assert run.code == 0
    assert plain_rows(run.out)[0][0] in TECHNICIAN
    unreal, shown = run.err.splitlines()
    assert unreal == (
        "note: also matched, but no one awards them (not found, or discontinued): clt, calt, cplt, cslt, ctst;"
        " see the evidence with: certfind show clt"
    )
    assert re.fullmatch(r"note: showing 10 of (\d+) matches; use --limit \1 to see them all", shown)


def test_the_help_example_returns_real_credentials() -> None:
    run = cli("search", "library technican", "--limit", "3")
    assert run.code == 0
    assert [row[0] for row in plain_rows(run.out)] == [row[0] for row in plain_rows(run.out) if row[0] in TECHNICIAN]
    assert len(plain_rows(run.out)) == 3


@pytest.mark.parametrize(
    ("query", "entry"), [("CLT", "clt"), ("Certified Library Technician", "clt"), ("CPTL", "cplt")]
)
def test_naming_an_unreal_entry_exactly_still_finds_it_first(query: str, entry: str) -> None:
    run = cli("search", query)
    assert run.code == 0
    assert plain_rows(run.out)[0][0] == entry


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_json_and_csv_keep_the_same_order_and_say_nothing_on_stderr(fmt: str) -> None:
    run = cli("search", "library", "technician", "--format", fmt, "--limit", "50")
    assert (run.code, run.err) == (0, "")
    ids = (
        [item["id"] for item in json.loads(run.out)]
        if fmt == "json"
        else [r["id"] for r in csv.DictReader(io.StringIO(run.out))]
    )
    real = [i for i in ids if i not in UNREAL]
    assert ids[: len(real)] == real


def test_a_claimed_name_resolves_but_is_not_shown_as_an_alias() -> None:
    run = cli("show", "American Library Association's Academy of Certified Archivists", "--format", "plain")
    assert run.code == 0
    assert "id\tca\n" in run.out
    assert "American Library Association" not in next(
        line for line in run.out.splitlines() if line.startswith("also called")
    )
    assert "claimed names\tAmerican Library Association's Academy of Certified Archivists\n" in run.out


# --- filters everywhere, only known values -----------------------------------------------------------


def test_search_takes_the_filters_list_takes() -> None:
    run = cli("search", "library", "technician", "--region", "Ontario", "--status", "confirmed")
    assert run.code == 0
    assert {row[0] for row in plain_rows(run.out)} == {  # in Ontario, or open anywhere (LSSC)
        *("seneca-lit", "algonquin-lit", "confederation-lit", "conestoga-lit", "durham-lit", "lssc")
    }
    priced = cli("search", "library", "technician", "--region", "CA", "--max-cost", "12000", "--format", "json")
    # not Mohawk (over the limit); LSSC is open anywhere and its $350 is its whole up-front cost
    assert {item["id"] for item in json.loads(priced.out)} == {"ufv-libit", "sait-lit", "nscc-lit", "lssc"}
    by_category = cli("search", "certification", "--category", "archives", "--format", "json")
    assert {item["category"] for item in json.loads(by_category.out)} == {"archives"}


@pytest.mark.parametrize(
    ("option", "value", "message"),
    [
        (
            "--category",
            "archivez",
            "certfind: unknown --category value 'archivez'; did you mean 'archives'? Valid values: archives, ",
        ),
        (
            "--status",
            "confimed",
            "certfind: unknown --status value 'confimed'; did you mean 'confirmed'? Valid values: confirmed, ",
        ),
        (
            "--status",
            "maybe",
            "certfind: unknown --status value 'maybe'. Valid values: confirmed, differs, not-found, ",
        ),
        (
            "--region",
            "Texs",
            "certfind: unknown --region value 'Texs'; did you mean 'Texas'? Valid values: AU (Australia), ",
        ),
        ("--region", "Atlantis", "certfind: unknown --region value 'Atlantis'. Valid values: AU (Australia), "),
        (
            "--occupation",
            "99-9999",
            "certfind: unknown --occupation value '99-9999'. Valid values: 11-3012 Administrative Services Managers",
        ),
    ],
)
@pytest.mark.parametrize("command", ["list", "search library"])
def test_an_unknown_filter_value_is_a_usage_error_with_the_nearest_and_the_valid_ones(
    command: str, option: str, value: str, message: str
) -> None:
    run = cli(*command.split(), option, value)
    assert (run.code, run.out) == (2, "")
    assert run.err.startswith(message)
    assert run.err.count("\n") == 1


@pytest.mark.parametrize(
    ("value", "must_include"),
    [
        ("Texas", "tx-slm-certificates"),
        ("TX", "tx-slm-certificates"),
        ("US-TX", "tx-slm-certificates"),
        ("Ontario", "seneca-lit"),
        ("GB", "cilip-certification"),
        ("AU", "alia-technician"),
        ("NZ", "lianza-registration"),
    ],
)
def test_region_takes_a_code_or_a_place_name_and_lists_real_entries(value: str, must_include: str) -> None:
    run = cli("list", "--region", value, "--format", "json")
    assert (run.code, run.err) == (0, "")
    items = json.loads(run.out)
    ids = {item["id"] for item in items}
    assert must_include in ids
    assert any(item["verification"]["status"] in ("confirmed", "differs") for item in items)


def test_a_country_matches_its_subdivisions_and_a_state_its_nationwide_credentials() -> None:
    us = {i["id"] for i in json.loads(cli("list", "--region", "US", "--format", "json").out)}
    texas = {i["id"] for i in json.loads(cli("list", "--region", "Texas", "--format", "json").out)}
    assert {"tx-slm-certificates", "ny-public-librarian-cert", "nbpts-library-media"} <= us
    assert "nbpts-library-media" in texas  # awarded across the US
    assert "ny-public-librarian-cert" not in texas


def test_occupation_filters_by_soc_code_or_title() -> None:
    by_code = {i["id"] for i in json.loads(cli("list", "--occupation", "25-4031", "--format", "json").out)}
    by_title = {i["id"] for i in json.loads(cli("list", "--occupation", "library technicians", "--format", "json").out)}
    assert by_code == by_title
    assert by_code
    assert all("25-4031" in CAT.get(i).cert.occupations for i in by_code)  # type: ignore[union-attr]


def test_a_place_named_in_a_query_ranks_what_can_be_earned_there_first_and_says_when_nothing_is_its_own() -> None:
    assert next(row[0] for row in plain_rows(cli("search", "Texas").out)) == "tx-slm-certificates"
    run = cli("search", "library", "certification", "Florida")
    assert run.code == 0
    here = [row[4] in ("US", "anywhere") for row in plain_rows(run.out)]
    assert here[0]
    assert here == sorted(here, reverse=True)  # what a Floridian can earn, before what is awarded elsewhere
    assert run.err.startswith(
        "certfind: nothing is awarded in Florida, United States (US-FL) itself; showing what can be earned there\n"
    )


def test_facets_count_what_exists() -> None:
    run = cli("list", "--facets", "--format", "json")
    assert (run.code, run.err) == (0, "")
    facets = json.loads(run.out)
    assert set(facets) == {"category", "verification", "status", "kind", "region", "occupation", "issuer"}
    assert sum(f["count"] for f in facets["category"]) == len(CAT)
    assert sum(f["count"] for f in facets["verification"]) == len(CAT)
    regions = {f["value"]: f["count"] for f in facets["region"]}
    assert regions["US"] > regions["US-TX"] >= 1
    plain = cli("list", "--facets")
    assert "region\tUS-TX Texas\t" in plain.out


def complete(tmp_path: Path, line: str) -> list[str]:
    env = {
        "_CERTFIND_COMPLETE": "complete_bash",
        "COMP_WORDS": line,
        "COMP_CWORD": str(len(line.split()) - (0 if line.endswith(" ") else 1)),
    }
    run = cli(*line.split()[1:], env=env)
    del tmp_path
    return run.out.split()


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("certfind list --category arc", ["archives"]),
        ("certfind list --status not", ["not-found"]),
        ("certfind search x --region CA-", ["CA-AB", "CA-BC", "CA-MB", "CA-NS", "CA-ON", "CA-QC", "CA-SK"]),
    ],
)
def test_completion_offers_the_known_values(tmp_path: Path, line: str, expected: list[str]) -> None:
    assert complete(tmp_path, line) == expected


# --- costs a user can act on ---------------------------------------------------------------------------


def lines_of_each_row(out: str) -> list[int]:
    """How many lines each row of a listing table takes (a row starts where its first column does)."""
    counts: list[int] = []
    for line in out.splitlines()[2:]:
        if line[:1].strip():
            counts.append(1)
        elif counts:
            counts[-1] += 1
    return counts


@pytest.mark.parametrize("columns", ["60", "80", "100", "120", "200"])
@pytest.mark.parametrize(
    "args", [["list"], ["search", "library", "technician"], ["list", "--region", "CA", "--sort", "cost"]]
)
def test_costs_and_verification_are_never_cut(columns: str, args: list[str]) -> None:
    run = cli(*args, "--format", "table", env={"COLUMNS": columns})
    assert run.code == 0
    assert "…" not in "".join(line[-40:] for line in run.out.splitlines()[:1])  # headers are whole
    assert "Verification" in run.out.splitlines()[0] or "up front:" in run.out  # table or stacked
    for entry in (CAT.get(i) for i in ("mohawk-library-technician", "sait-lit")):
        assert entry is not None

        shown = costs.format_money(entry.upfront)
        if entry.cert.id in run.out:
            assert shown in run.out, (columns, shown)


def test_at_80_columns_a_row_takes_at_most_three_lines() -> None:
    for query in (
        ["library", "technician"],
        ["cataloging"],
        ["records"],
        ["public", "library"],
        ["australia"],
        ["school", "library"],
    ):
        run = cli("search", *query, "--format", "table", "--limit", "20", env={"COLUMNS": "80"})
        assert run.code == 0
        assert max(lines_of_each_row(run.out)) <= 3, query
    listed = cli("list", "--format", "table", env={"COLUMNS": "80"})  # with the longest ids: the narrow layout
    assert listed.out.startswith("Certification ")
    assert max(lines_of_each_row(listed.out)) <= 3


def test_ids_are_never_folded_and_below_60_columns_each_entry_keeps_its_issuer_and_cost() -> None:
    wide = cli("list", "--format", "table", env={"COLUMNS": "100"})
    for cert in CAT:
        assert cert.id in wide.out
    narrow = cli("search", "cataloging", "--format", "table", env={"COLUMNS": "50"})
    assert "ALA-Allied Professional Association · anywhere\n" in narrow.out
    assert "up front: $350\n" in narrow.out
    partly_known = cli("search", "records", "manager", "--format", "table", env={"COLUMNS": "50"})
    assert "up front: $300 + unknown\n" in partly_known.out


def test_list_and_search_json_carry_upfront_whenever_an_amount_is_known() -> None:
    items = json.loads(cli("list", "--format", "json").out)
    by_id = {item["id"]: item for item in items}
    assert by_id["lssc"]["upfront"] == {"currency": "USD", "min": 350, "max": 350, "complete": True}
    assert by_id["icrm-crm"]["upfront"] == {"currency": "USD", "min": 300, "max": 300, "complete": False}
    assert by_id["ca"]["upfront"]["complete"] is True
    assert by_id["clt"]["upfront"] is None  # no amount known: never shown as free
    searched = json.loads(cli("search", "lssc", "--format", "json").out)
    assert searched[0]["upfront"] == by_id["lssc"]["upfront"]
    assert searched[0]["score"] == 100


def test_csv_has_the_upfront_columns_whenever_an_amount_is_known() -> None:
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(cli("list", "--format", "csv").out))}
    upfront = ("upfront_min", "upfront_max", "upfront_complete")
    assert tuple(rows["lssc"][k] for k in upfront) == ("350", "350", "true")
    assert tuple(rows["icrm-crm"][k] for k in upfront) == ("300", "300", "false")
    assert (rows["clt"]["upfront_min"], rows["clt"]["upfront_complete"]) == ("", "")
    assert rows["mohawk-library-technician"]["currency"] == "CAD"


def test_sort_cost_puts_known_amounts_first_cheapest_first_by_currency_unknown_last() -> None:
    items = json.loads(cli("list", "--sort", "cost", "--format", "json").out)
    real = [i for i in items if i["warning"] is None]
    assert items[: len(real)] == real  # those no one awards come last
    states = [0 if i["upfront"] and i["upfront"]["complete"] else 1 if i["upfront"] else 2 for i in real]
    assert states.index(2) > 0
    assert all(s == 2 for s in states[states.index(2) :])  # unknown last
    known = [i for i, s in zip(real, states, strict=True) if s < 2]
    currencies = [i["upfront"]["currency"] for i in known]
    assert currencies == sorted(currencies, key=lambda code: (code != "USD", code))  # USD (no locale), then by code
    for currency in set(currencies):
        group = [
            (s, i["upfront"]["min"])
            for i, s in zip(real, states, strict=True)
            if s < 2 and i["upfront"]["currency"] == currency
        ]
        assert group == sorted(group)  # known in full first, each cheapest first


@pytest.mark.parametrize(
    ("duration", "shown"),
    [
        ("{max_months: 48}", "within 48 months"),
        ("{min_months: 18}", "at least 18 months"),
        ("{min_months: 6, max_months: 48}", "6-48 months"),
        ("{min_months: 12, max_months: 12}", "12 months"),
    ],
)
def test_durations_say_what_they_are(write_catalog: WriteCatalog, duration: str, shown: str) -> None:
    path = write_catalog(catalog_text(VALID_ENTRY + f"    duration: {duration}\n"))
    run = cli("--catalog", path, "show", "demo", "--format", "plain")
    assert f"duration\t{shown}\n" in run.out


# --- trust wording that means one thing ------------------------------------------------------------------


def test_look_instead_at_only_for_unreal_entries_related_for_real_ones() -> None:
    unreal = cli("show", "clt", "--format", "plain").out
    real = cli("show", "cpla", "--format", "plain").out
    assert "look instead at\tlssc: " in unreal
    assert "related\t" not in unreal
    for label in ("look instead at", "related"):
        for cert in CAT:
            out = cli("show", cert.id, "--format", "plain").out
            if f"\n{label}\t" in out:
                assert (label == "look instead at") == cert.unreal, cert.id
    del real


def test_confirmed_with_an_unknown_status_says_what_is_and_is_not_confirmed() -> None:
    expected = (
        "Confirmed: the issuer's own pages describe this credential. Not confirmed: whether it is still awarded"
        " today; ask the issuer before you pay."
    )
    assert f"trust\t{expected}\n" in cli("show", "lssc", "--format", "plain").out
    table = cli("compare", "lssc", "ca", "--format", "table", env={"COLUMNS": "240"})
    assert table.out.startswith(f"Library Support Staff Certification (LSSC): {expected} See: certfind show lssc\n")
    assert json.loads(cli("compare", "lssc", "ca", "--format", "json").out)["certifications"][0]["trust"] == expected


@pytest.mark.parametrize("fmt", ["plain", "json", "csv", "table"])
def test_the_not_found_warning_appears_in_every_format(fmt: str) -> None:
    run = cli("show", "clt", "--format", fmt, env={"COLUMNS": "200"})
    assert run.code == 0
    warning = "No public source confirms that this credential exists."
    if fmt == "json":
        assert json.loads(run.out)["warning"].startswith(warning)
    elif fmt == "plain":
        assert f"warning\t{warning}" in run.out
    else:
        assert warning in run.out


# --- empty results are results ---------------------------------------------------------------------------


@pytest.mark.parametrize(("fmt", "out"), [("json", "[]\n"), ("csv", None), ("plain", ""), ("table", "")])
@pytest.mark.parametrize(
    "command", [["list", "--category", "archives", "--region", "NZ", "--region-only"], ["search", "zzqxjv"]]
)
def test_nothing_found_prints_the_empty_result_exits_1_with_a_hint(
    command: list[str], fmt: str, out: str | None
) -> None:
    run = cli(*command, "--format", fmt)
    assert run.code == 1
    if out is None:
        assert run.out.startswith("id,name,acronym,issuer,")
        assert run.out.count("\n") == 1
    else:
        assert run.out == out
    assert run.err.startswith("certfind: no ")
    if command[0] == "list":
        assert "  without --region: 4 entries\n" in run.err


# --- safe exports ---------------------------------------------------------------------------------------------


# What a spreadsheet would run, written as YAML double-quoted text (\\t and \\r become a tab and a CR).
FORMULAS = ["=1+1", "+1+1", "-2+3", "@SUM(A1)", "\\tTAB", "\\rCR"]


@pytest.mark.parametrize("payload", FORMULAS)
def test_no_csv_cell_can_run_as_a_formula(write_catalog: WriteCatalog, payload: str) -> None:
    entry = VALID_ENTRY.replace("name: Demo Certification", f'name: "{payload}"').replace(
        "issuer: Demo Society", f'issuer: "{payload}"'
    )
    entry = entry.replace("    topics: [cataloging]\n", f'    topics: [cataloging]\n    eligibility: ["{payload}"]\n')
    other = entry.replace("id: demo", "id: other").replace("acronym: DEMO", "acronym: OTH")
    path = write_catalog(catalog_text(entry, other))
    for args in (["list"], ["search", "demo"], ["show", "demo"], ["compare", "demo", "other"], ["list", "--facets"]):
        run = cli("--catalog", path, *args, "--format", "csv")
        assert run.code == 0, (args, run.err)
        cells = [cell for row in csv.reader(io.StringIO(run.out)) for cell in row]
        assert not [c for c in cells if c.startswith(("=", "+", "-", "@", "\t", "\r"))], args
        assert any(c.startswith("'") for c in cells), args  # the payload is there, made inert


def test_every_command_that_writes_csv_guards_it() -> None:
    writers = {"list", "show", "search", "compare", "plan", "eligible"}
    assert writers <= set(command_names())


# --- links ---------------------------------------------------------------------------------------------------


def test_show_prints_each_source_url_whole_on_its_own_line() -> None:
    run = cli("show", "lssc", "--format", "table", env={"COLUMNS": "40"})
    assert run.code == 0
    for source in CAT.get("lssc").cert.sources:  # type: ignore[union-attr]
        assert f"\n{source.url}\n" in run.out


def test_source_links_are_osc8_hyperlinks_on_a_colour_terminal(tmp_path: Path) -> None:
    code, out, err = run_in_pty(tmp_path, ["show", "lssc"])
    assert (code, err) == (0, "")
    assert "\x1b]8;" in out
    assert "https://ala-apa.org/lssc/for-candidates/eligibility-and-cost/\x1b]8;;\x1b\\" in out or (
        "\x1b]8;id=" in out and "https://ala-apa.org/lssc/for-candidates/eligibility-and-cost/" in out
    )
    code, plain, _ = run_in_pty(tmp_path, ["show", "lssc"], {"NO_COLOR": "1", "TERM": "dumb"})
    assert code == 0
    assert "\x1b]8;" not in plain


def test_show_web_opens_the_credentials_own_page_with_the_browser_from_BROWSER(tmp_path: Path) -> None:
    record = tmp_path / "opened.txt"
    browser = tmp_path / "browser.sh"
    browser.write_text(f'#!/bin/sh\nprintf "%s\\n" "$1" >> {record}\n', encoding="utf-8")
    browser.chmod(browser.stat().st_mode | stat.S_IXUSR)
    run = cli("show", "lssc", "--web", env={"BROWSER": str(browser)})
    page = "https://ala-apa.org/lssc/for-candidates/eligibility-and-cost/"  # LSSC's own, not ALA-APA's home page
    assert (run.code, run.out) == (0, "")
    assert run.err == f"opening {page}\n"
    assert record.read_text(encoding="utf-8") == f"{page}\n"


def test_the_formats_of_list_search_and_show_include_ctdl() -> None:
    assert [f.value for f in ListFormat] == ["table", "plain", "json", "csv", "ctdl"]
    for args in (["list"], ["search", "cataloging"], ["show", "lssc"]):
        run = cli(*args, "--format", "ctdl")
        assert run.code == 0, args
        assert without_note(run.err) == ""
        doc = json.loads(run.out)
        assert doc["@context"][0] == "https://credreg.net/ctdl/schema/context/json"
        assert all(node.get("certfind:verificationStatus") != "not-found" for node in doc["@graph"])
    assert os.environ.get("CERTFIND_CATALOG") is None


def test_show_cpla_gives_the_corrected_fees_each_citing_its_source() -> None:
    run = cli("show", "cpla", "--format", "plain")
    assert run.code == 0
    lines = run.out.splitlines()
    fees_page = "https://ala-apa.org/certification/for-cpla-candidates/fees/"
    number = next(
        line.split("\t")[1][1 : line.split("\t")[1].index("]")]
        for line, after in itertools.pairwise(lines)
        if line.startswith("source\t") and after == f"url\t{fees_page}"
    )
    assert f"fee\tApplication: $350 (non-members) [{number}]" in lines
    assert f"fee\tCourse completion review (per course): $75 x 7 (non-members) [{number}]" in lines
    assert f"fee\tFinal review: $100 (non-members) [{number}]" in lines
