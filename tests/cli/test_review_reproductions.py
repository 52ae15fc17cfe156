"""The new-user and reliability reviews' reproductions of what the output said wrong, run as a user runs
them: compare's unknowns, lowest marks, layouts and own entries; show's wording and --web; import's JSON
that certfind can read; CSV cells a trimming spreadsheet would run; eligible's ids."""

from __future__ import annotations

import csv
import io
import json
import stat
from pathlib import Path

import pytest

from tests.support import VALID_ENTRY, WriteCatalog, catalog_text, cli, run_certfind

FIXTURE = Path(__file__).resolve().parents[1] / "fixtures" / "ctdl" / "nbcot-cota-import.json"


def plain(out: str) -> dict[str, list[str]]:
    return {line.split("\t")[0]: line.split("\t") for line in out.splitlines()}


# --- compare (findings 11, 17, 21, 34; R14) --------------------------------------------------------


def test_compare_says_which_fee_is_unknown_and_points_at_show() -> None:
    run = cli("compare", "CIP", "CompTIA A+", "LSSC", "--years", "6", "--format", "plain")
    assert (run.code, run.err) == (0, "")
    rows = plain(run.out)
    assert [rows[i][5:9] for i in ("cip", "comptia-a-plus", "lssc")] == [
        ["unknown", "$150 + unknown", "USD", "exam"],
        ["$492", "$492 + unknown", "USD", "renewal fee (every 3 years)"],
        ["$350 (lowest)", "$350 + unknown", "USD", "renewal fee (every 4 years)"],
    ]
    table = cli("compare", "CIP", "CompTIA A+", "LSSC", "--years", "6", "--format", "table", env={"COLUMNS": "240"})
    assert (table.code, table.err) == (0, "")
    trust_lines = table.out.split("\n┏")[0].splitlines()
    assert [line.rsplit("See: ", 1)[1] for line in trust_lines] == [
        "certfind show cip",
        "certfind show comptia-a-plus",
        "certfind show lssc",
    ]


def test_compare_of_a_credential_no_one_awards_names_what_to_look_at_instead() -> None:
    run = cli("compare", "clt", "lssc", "--format", "table", env={"COLUMNS": "240"})
    assert (run.code, run.err) == (0, "")
    assert run.out.startswith(
        "Certified Library Technician (CLT): No public source confirms that this credential exists. "
        "Do not pay for it; look instead at: lssc. See: certfind show clt\n"
    )
    rows = plain(cli("compare", "clt", "lssc", "--format", "plain").out)
    assert rows["clt"][5:9] == [
        "none: no one is known to award it",
        "none: no one is known to award it",
        "USD",
        "none",
    ]


def test_compare_marks_nothing_lowest_when_one_range_starts_lower_and_another_ends_lower() -> None:
    run = cli("compare", "mohawk", "sait-lit", "ufv-libit", "--format", "plain")
    assert (run.code, run.err) == (0, "")
    assert "(lowest)" not in run.out
    assert plain(run.out)["ufv-libit"][5] == "C$11,030.17"
    csv_run = cli("compare", "mohawk", "sait-lit", "ufv-libit", "--format", "csv")
    assert (csv_run.code, csv_run.err) == (0, "")
    rows = list(csv.DictReader(io.StringIO(csv_run.out)))
    assert [(r["id"], r["upfront_min"], r["upfront_max"], r["upfront_lowest"]) for r in rows] == [
        ("mohawk-library-technician", "5740", "13300", "false"),
        ("sait-lit", "10716", "11787", "false"),
        ("ufv-libit", "11030.17", "11030.17", "false"),
    ]


def test_compare_plain_and_csv_carry_the_lowest_marks() -> None:
    run = cli("compare", "ca", "isa-cap", "lssc", "--format", "plain")
    assert (run.code, run.err) == (0, "")
    rows = plain(run.out)
    assert [rows[i][5:7] for i in ("ca", "isa-cap", "lssc")] == [
        ["$200 (lowest)", "$500"],  # LSSC's "$350 + unknown" over 5 years may cost less than $500
        ["$467", "$807"],
        ["$350", "$350 + unknown"],
    ]
    data = cli("compare", "ca", "isa-cap", "lssc", "--format", "csv")
    marks = [
        (r["upfront_min"], r["upfront_lowest"], r["total_min"], r["total_lowest"])
        for r in csv.DictReader(io.StringIO(data.out))
    ]
    assert (data.code, data.err) == (0, "")
    assert marks == [
        ("200", "true", "500", "false"),
        ("467", "false", "807", "false"),
        ("350", "false", "350", "false"),
    ]


@pytest.mark.parametrize(
    ("columns", "names"),
    [
        ("80", ["mohawk", "au-diploma-lis", "sait-lit", "ufv-libit"]),
        ("100", ["lssc", "cpla", "ca", "cip", "icrm-crm", "arma-igp", "comptia-a-plus"]),
    ],
)
def test_compare_too_many_for_the_width_is_a_block_per_entry_with_whole_amounts(columns: str, names: list[str]) -> None:
    run = cli("compare", *names, "--format", "table", env={"COLUMNS": columns})
    assert (run.code, run.err) == (0, "")
    assert "┃" not in run.out
    for amount in ("C$5,740-C$13,300", "A$12,850-A$13,890", "C$10,716-C$11,787") if columns == "80" else ("$3,775",):
        assert f"up front: {amount}\n" in run.out
    assert max(len(line) for line in run.out.splitlines()) <= int(columns)


def test_compare_marks_your_own_entry_that_replaces_a_bundled_one(tmp_path: Path) -> None:
    user = tmp_path / "config" / "certfind" / "certifications.yaml"
    user.parent.mkdir(parents=True)
    mine = VALID_ENTRY.replace("id: demo", "id: lssc").replace("name: Demo Certification", "name: My LSSC notes")
    user.write_text(catalog_text(mine.replace("acronym: DEMO", "acronym: MYL")), encoding="utf-8")
    listed = plain(cli("compare", "lssc", "cpla", "--format", "plain").out)
    assert listed["lssc"][1] == "My LSSC notes (MYL) [your own entry]"
    assert listed["cpla"][1] == "Certified Public Library Administrator (CPLA)"
    table = cli("compare", "lssc", "cpla", "--format", "table", env={"COLUMNS": "150"})
    assert (table.code, table.err) == (0, "")
    assert table.out.count("[your own entry]") == 1
    data = cli("compare", "lssc", "cpla", "--format", "csv")
    origins = [(r["id"], r["origin"]) for r in csv.DictReader(io.StringIO(data.out))]
    assert (data.code, data.err, origins) == (0, "", [("lssc", "user"), ("cpla", "bundled")])


# --- show (findings 35, 39) --------------------------------------------------------------------------


def test_show_of_a_credential_no_one_awards_does_not_ask_a_price_question() -> None:
    run = cli("show", "clt", "--format", "plain")
    assert (run.code, run.err) == (0, "")
    lines = run.out.splitlines()
    assert "up front\tnone: no one is known to award it" in lines
    assert "status\tno one is known to award it" in lines
    assert not any(line.startswith("up front\tunknown") for line in lines)
    gone = cli("show", "western-council-lpc", "--format", "plain")
    assert (gone.code, gone.err) == (0, "")
    assert "up front\tnone: it is no longer awarded" in gone.out.splitlines()
    assert "up front\t$350 (non-member)" in cli("show", "lssc", "--format", "plain").out.splitlines()


def browser(tmp_path: Path) -> tuple[Path, Path]:
    record = tmp_path / "opened.txt"
    script = tmp_path / "browser.sh"
    script.write_text(f'#!/bin/sh\nprintf "%s\\n" "$1" >> {record}\n', encoding="utf-8")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return script, record


def test_show_web_opens_the_credentials_page_else_the_issuers(tmp_path: Path, write_catalog: WriteCatalog) -> None:
    own = VALID_ENTRY.replace("    sources:\n", "    issuer_url: https://example.org/\n    sources:\n").replace(
        "      - {title: Demo, url: https://example.org/demo, accessed: 2026-11-24}\n",
        "      - {title: News, url: https://news.example/demo, accessed: 2026-11-24}\n"
        "      - {title: Demo, url: https://example.org/demo-cert, accessed: 2026-11-24, issuer: true}\n",
    )
    home = own.replace("id: demo", "id: other").replace("acronym: DEMO", "acronym: OTH").replace(", issuer: true", "")
    path = write_catalog(catalog_text(own, home))
    script, record = browser(tmp_path)
    # a process of its own: Python's webbrowser reads BROWSER once per process
    first = run_certfind(tmp_path, "--catalog", path, "show", "demo", "--web", BROWSER=str(script))
    second = run_certfind(tmp_path, "--catalog", path, "show", "other", "--web", BROWSER=str(script))
    assert (first.returncode, first.stdout, first.stderr) == (0, "", "opening https://example.org/demo-cert\n")
    assert (second.returncode, second.stdout, second.stderr) == (0, "", "opening https://example.org/\n")
    assert record.read_text(encoding="utf-8") == "https://example.org/demo-cert\nhttps://example.org/\n"


def test_show_web_says_when_no_browser_opened_and_gives_the_page(tmp_path: Path, write_catalog: WriteCatalog) -> None:
    path = write_catalog(catalog_text(VALID_ENTRY))
    run = run_certfind(tmp_path, "--catalog", path, "show", "demo", "--web", BROWSER="false")
    assert (run.returncode, run.stdout) == (1, "")
    assert run.stderr == (
        "opening https://example.org/demo\ncertfind: no web browser could be opened; the page is https://example.org/demo\n"
    )


def test_an_entry_whose_file_gives_no_status_is_not_said_to_be_awarded_today(write_catalog: WriteCatalog) -> None:
    path = write_catalog(catalog_text(VALID_ENTRY))
    run = cli("--catalog", path, "show", "demo")
    assert (run.code, run.err) == (0, "")
    assert "status\tunknown whether it is awarded today\n" in run.out
    stated = write_catalog(catalog_text(VALID_ENTRY.replace("    topics:", "    status: active\n    topics:")))
    assert "status\tawarded today\n" in cli("--catalog", stated, "show", "demo").out


def test_show_names_a_recurring_fee_where_no_renewal_rules_are_listed(write_catalog: WriteCatalog) -> None:
    fees = "      - {label: Exam, amount: 100}\n      - {label: Renewal, amount: 10, every_years: 3}\n"
    path = write_catalog(catalog_text(VALID_ENTRY.replace("      - {label: Exam, amount: 100}\n", fees)))
    run = cli("--catalog", path, "show", "demo")
    assert (run.code, run.err) == (0, "")
    assert "renewal\trules not listed; a fee recurs every 3 years (see costs)\n" in run.out


# --- import --format json (finding 22) ---------------------------------------------------------------


def test_import_json_is_a_catalog_that_validate_accepts_and_list_reads(tmp_path: Path) -> None:
    run = cli("import", str(FIXTURE), "--format", "json")
    assert run.code == 0
    assert run.err.startswith("certfind import: ")
    doc = json.loads(run.out)
    assert list(doc) == ["schema_version", "certifications"]
    assert doc["schema_version"] == 1
    saved = tmp_path / "imported.json"
    saved.write_text(run.out, encoding="utf-8")
    check = cli("validate", str(saved))
    assert (check.code, check.out, check.err) == (0, f"ok: 1 certification in {saved}\n", "")
    listed = cli("--catalog", str(saved), "list", "--format", "json", "--json", "id")
    assert (listed.code, listed.err) == (0, "")
    assert json.loads(listed.out) == [{"id": doc["certifications"][0]["id"]}]


# --- CSV that a trimming spreadsheet reads (R23) -----------------------------------------------------


@pytest.mark.parametrize("payload", ["\\n=1+1", " =1+1", "  +1+1", "\\n -2+3", " @SUM(A1)", "\\t=1"])
def test_csv_cells_that_start_with_spaces_or_a_line_break_before_a_formula_are_guarded(
    write_catalog: WriteCatalog, payload: str
) -> None:
    entry = VALID_ENTRY.replace("name: Demo Certification", f'name: "Demo{payload}"').replace(
        "issuer: Demo Society", f'issuer: "{payload}"'
    )
    other = entry.replace("id: demo", "id: other").replace("acronym: DEMO", "acronym: OTH")
    path = write_catalog(catalog_text(entry, other))
    for args in (["list"], ["show", "demo"], ["compare", "demo", "other"], ["search", "demo"]):
        run = cli("--catalog", path, *args, "--format", "csv")
        assert (run.code, run.err) == (0, ""), args
        cells = [cell for row in csv.reader(io.StringIO(run.out)) for cell in row]
        assert not [c for c in cells if c.lstrip().startswith(("=", "+", "-", "@"))], (args, cells)
        assert any(c.startswith("'") and c.lstrip("' ").startswith(("=", "+", "-", "@")) for c in cells), args


# --- eligible (finding 31) ---------------------------------------------------------------------------


@pytest.mark.parametrize("columns", ["60", "80", "100", "120", "200"])
def test_eligible_never_folds_an_id(columns: str) -> None:
    args = ["--education", "high-school", "--library-hours", "6000", "--experience-years", "3"]
    run = cli("eligible", *args, "--format", "table", env={"COLUMNS": columns})
    assert run.code == 0
    assert run.err.startswith("certfind: 29 credentials have no recorded requirements")
    words = {word.rstrip(":") for word in run.out.split()}
    for ident in ("uk-archivist-records-manager-l7", "mohawk-library-technician", "lja-digital-curation"):
        assert ident in words, (columns, ident)
    assert max(len(line) for line in run.out.splitlines()) <= int(columns)
