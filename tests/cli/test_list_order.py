"""The order of a listing as a user asks for it: credentials no one awards after every real one in every
order, named on stderr; `--sort cost` with the user's currency first; no note about rows a filter asked for."""

from __future__ import annotations

import csv
import io
import json

import pytest

from certfind import catalog as catalog_module
from certfind import paths
from tests.support import LIST_NOTE, VALID_ENTRY, WriteCatalog, catalog_text, cli

CAT = catalog_module.load(str(paths.bundled_catalog()))
UNREAL = {c.id for c in CAT if c.unreal}
CURRENCIES = "AUD, CAD, EUR, GBP, NZD, USD"


def ids(out: str) -> list[str]:
    return [line.split("\t")[0] for line in out.splitlines()]


def real_first(listed: list[str]) -> bool:
    flags = [i in UNREAL for i in listed]
    return flags == sorted(flags) and any(flags) and not all(flags)


@pytest.mark.parametrize("sort", ["name", "cost", "duration", "issuer"])
def test_list_puts_every_credential_no_one_awards_after_the_real_ones(sort: str) -> None:
    run = cli("list", "--sort", sort)
    listed = ids(run.out)
    named = [i for i in listed if i in UNREAL][:6]
    note = f"note: also matched, but no one awards them (not found, or discontinued): {', '.join(named)} and 2 more;"
    assert (run.code, run.err) == (0, f"{note} see the evidence with: certfind show {named[0]}\n")
    if sort == "name":
        assert run.err == LIST_NOTE
    assert len(listed) == len(CAT)
    assert real_first(listed), listed
    assert set(listed[-len(UNREAL) :]) == UNREAL
    table = cli("list", "--sort", sort, "--format", "table", env={"COLUMNS": "160"})
    assert (table.code, table.err) == (0, run.err)
    assert table.out.index("western-council-lpc") > table.out.index("wi-director-cert")


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_scripts_get_the_order_without_a_note(fmt: str) -> None:
    run = cli("list", "--format", fmt)
    assert (run.code, run.err) == (0, "")
    listed = (
        [i["id"] for i in json.loads(run.out)]
        if fmt == "json"
        else [r["id"] for r in csv.DictReader(io.StringIO(run.out))]
    )
    assert real_first(listed)
    picked = cli("list", "--json", "id,name")
    assert (picked.code, picked.err) == (0, "")
    assert [i["id"] for i in json.loads(picked.out)] == listed


def test_a_listing_of_only_credentials_no_one_awards_has_no_note_about_them() -> None:
    run = cli("list", "--status", "not-found")
    assert (run.code, run.err) == (0, "")
    assert set(ids(run.out)) == {c.id for c in CAT if c.verification.status == "not-found"}
    gone = cli("list", "--status", "discontinued")
    assert (gone.code, gone.err) == (0, "")
    assert ids(gone.out) == ["western-council-lpc", "tx-county-librarian-cert"]


def test_search_for_status_not_found_prints_no_note_about_the_rows_it_printed() -> None:
    run = cli("search", "library", "--status", "not-found")
    assert (run.code, run.err) == (0, "")
    assert ids(run.out) == ["clt", "calt", "cplt", "cslt", "mls-p"]
    table = cli("search", "library", "--status", "not-found", "--format", "table")
    assert (table.code, table.err) == (0, "")
    found = cli("search", "library", "--status", "not-found", "--format", "json")
    assert [i["id"] for i in json.loads(found.out)] == ids(run.out)


def test_a_listing_that_mixes_them_names_those_no_one_awards() -> None:
    run = cli("list", "--region", "Texas")
    assert run.code == 0
    listed = ids(run.out)
    assert real_first(listed)
    unreal_here = [i for i in listed if i in UNREAL]
    assert run.err == (
        "note: also matched, but no one awards them (not found, or discontinued): "
        f"{', '.join(unreal_here[:6])} and {len(unreal_here) - 6} more; see the evidence with: certfind show calt\n"
    )


# --- --sort cost and the user's currency ---------------------------------------------------------


def currencies_in_order(out: str) -> list[str]:
    """The currency of each run of known amounts in a `list --sort cost --format json` output."""
    order: list[str] = []
    for item in json.loads(out):
        if item["upfront"] is not None and item["warning"] is None:
            currency = item["upfront"]["currency"]
            if not order or order[-1] != currency:
                order.append(currency)
    return order


def test_sort_cost_puts_usd_first_without_a_locale() -> None:
    run = cli("list", "--sort", "cost", "--format", "json")
    assert (run.code, run.err) == (0, "")
    assert currencies_in_order(run.out) == ["USD", "AUD", "CAD", "GBP", "NZD"]  # no euro amount is known


@pytest.mark.parametrize(
    ("env", "first"),
    [
        ({"LANG": "en_GB.UTF-8"}, "GBP"),
        ({"LANG": "en_US.UTF-8", "LC_MONETARY": "en_AU.UTF-8"}, "AUD"),
        ({"LANG": "fr_CA.UTF-8", "LC_ALL": "en_NZ.UTF-8"}, "NZD"),
        ({"LANG": "fr_CA"}, "CAD"),
        ({"LANG": "ja_JP.UTF-8"}, "USD"),  # no entry is priced in yen
        ({"LC_ALL": "C.UTF-8", "LANG": "en_GB.UTF-8"}, "USD"),
    ],
)
def test_sort_cost_puts_the_locales_currency_first(env: dict[str, str], first: str) -> None:
    run = cli("list", "--sort", "cost", "--format", "json", env=env)
    assert (run.code, run.err) == (0, "")
    order = currencies_in_order(run.out)
    assert order[0] == first
    assert order[1:] == sorted(order[1:])


def test_currency_option_wins_over_the_locale_and_orders_within_a_currency() -> None:
    run = cli("list", "--sort", "cost", "--currency", "cad", "--region", "CA-ON", env={"LANG": "en_GB.UTF-8"})
    assert run.code == 0
    assert run.err.startswith("note: also matched, but no one awards them (not found, or discontinued): ")
    rows = [line.split("\t") for line in run.out.splitlines()]
    costs = [row[5] for row in rows]
    assert costs[:8] == ["C$5,740-C$13,300", "$200", "$350", "$358", "$467", "$492", "$3,775", "$300 + unknown"]
    assert set(costs[8:]) == {"unknown"}  # CAD first, then USD: in full, cheapest first, then in part


def test_amounts_known_in_full_come_before_those_known_in_part_in_each_currency() -> None:
    run = cli("list", "--sort", "cost", "--currency", "CAD", "--region", "CA")
    assert run.code == 0
    cad = [line.split("\t")[5] for line in run.out.splitlines() if line.split("\t")[5].startswith("C$")]
    assert cad == [
        "C$5,740-C$13,300",
        "C$7,030",
        "C$10,716-C$11,787",
        "C$11,030.17",
        "C$0 + unknown",
        "C$40 + unknown",
        "C$75 + unknown",
    ]


def test_an_unknown_currency_is_a_usage_error_naming_the_valid_ones() -> None:
    run = cli("list", "--sort", "cost", "--currency", "JPY")
    assert (run.code, run.out) == (2, "")
    assert run.err == f"certfind: unknown --currency value 'JPY'. Valid values: {CURRENCIES}\n"


def test_currency_without_sort_cost_is_a_usage_error() -> None:
    run = cli("list", "--currency", "GBP")
    assert (run.code, run.out) == (2, "")
    assert run.err == "certfind: --currency orders amounts for --sort cost; add --sort cost\n"


def test_search_sort_cost_orders_the_same_results_by_cost() -> None:
    by_score = cli("search", "library", "technician", "--limit", "12")
    by_cost = cli("search", "library", "technician", "--limit", "12", "--sort", "cost", "--currency", "CAD")
    assert (by_score.code, by_cost.code) == (0, 0)
    assert by_cost.err == by_score.err
    rows = [line.split("\t") for line in by_cost.out.splitlines()]
    assert sorted(ids(by_cost.out)) == sorted(ids(by_score.out))
    known = [row[5] for row in rows if row[5] != "unknown" and row[0] not in UNREAL]
    assert known[0].startswith("C$")
    assert [row[0] in UNREAL for row in rows] == sorted(row[0] in UNREAL for row in rows)
    unknown_at = [row[5] == "unknown" for row in rows if row[0] not in UNREAL]
    assert unknown_at == sorted(unknown_at)  # unknown after every known amount


def test_a_eurozone_locale_puts_euro_amounts_first(write_catalog: WriteCatalog) -> None:
    euro = VALID_ENTRY.replace("id: demo", "id: euro").replace("acronym: DEMO", "acronym: EUR1")
    euro = euro.replace("topics:", "currency: EUR\n    topics:").replace("amount: 100", "amount: 900")
    path = write_catalog(catalog_text(VALID_ENTRY, euro))
    for env, first in (({"LANG": "de_DE.UTF-8"}, "euro"), ({"LANG": "en_US.UTF-8"}, "demo"), ({}, "demo")):
        run = cli("--catalog", path, "list", "--sort", "cost", env=env)
        assert (run.code, run.err) == (0, ""), env
        assert ids(run.out)[0] == first, env
        assert len(ids(run.out)) == 2


def test_list_limit_lists_the_first_few_and_says_how_many_there_are() -> None:
    everything = cli("list")
    first = cli("list", "--limit", "3")
    assert first.code == 0
    assert first.out.splitlines() == everything.out.splitlines()[:3]
    total = len(everything.out.splitlines())
    assert first.err == f"note: showing the first 3 of {total} entries; use --limit {total} to see them all\n"
    as_json = cli("list", "--limit", "3", "--format", "json")
    assert [item["id"] for item in json.loads(as_json.out)] == [line.split("\t")[0] for line in first.out.splitlines()]
    enough = cli("list", "--limit", str(total))
    assert (enough.code, enough.out, enough.err) == (0, everything.out, everything.err)
