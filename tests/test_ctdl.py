"""CTDL (Credential Engine's JSON-LD): `certfind import` turns real registry records into catalog entries
that certfind accepts, and `ctdl.export` writes the catalog as CTDL that imports back with the same
names, issuers and money. The records under tests/fixtures/ctdl are Credential Engine's own (README there)."""

from __future__ import annotations

import json
import math
import os
import subprocess
import sys
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from certfind import catalog, ctdl, paths
from certfind.catalogfile import schema, yamlread
from certfind.errors import CatalogError
from certfind.model import Certification, Fee, Record, Renewal, Verification, from_record
from certfind.text import visible
from tests.conftest import cli
from tests.readme import TODAY

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "ctdl"
DETAILED = FIXTURES / "detailed-record-graph.json"
NBCOT = FIXTURES / "nbcot-cota-import.json"
NOCTI = FIXTURES / "nocti-registry-envelope.json"
SEED = FIXTURES / "registry-seed-credential-graph.json"
ALL = (DETAILED, NBCOT, NOCTI, SEED)


def parse_catalog(text: str, path: str = "imported.yaml") -> tuple[list[Record], list[str]]:
    """What certfind's own reader makes of a catalog text: its records and its problems."""
    records: list[Record] = []
    doc = schema.DocumentChecker(path, lambda found: records.append(found.record))
    root, duplicates = yamlread.parse(text, path, doc.entry)
    return records, [str(p) for p in [*duplicates, *doc.finish(root)]]


def imported(*paths: Path | str) -> list[Record]:
    """`certfind import --format json` of these files, checked to succeed: exit 0, a JSON array on
    stdout, and on stderr nothing or the one line listing what was not mapped."""
    run = cli("import", *map(str, paths), "--format", "json")
    assert run.code == 0, run.err
    assert run.err == "" or (run.err.startswith("certfind import: not mapped: ") and run.err.count("\n") == 1)
    records: list[Record] = json.loads(run.out)
    assert isinstance(records, list)
    return records


def write_json(tmp_path: Path, value: Any, name: str = "record.json") -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(value), encoding="utf-8")
    return path


def credential(**props: Any) -> dict[str, Any]:
    """A minimal CTDL credential record with these properties (`ceterms_x` -> `ceterms:x`)."""
    node: dict[str, Any] = {
        "@context": ctdl.CTDL_CONTEXT,
        "@id": "https://credentialengineregistry.org/resources/ce-00000000-0000-4000-8000-000000000001",
        "@type": "ceterms:Certification",
        "ceterms:ctid": "ce-00000000-0000-4000-8000-000000000001",
        "ceterms:name": "Test Credential",
    }
    node.update({key.replace("_", ":", 1): value for key, value in props.items()})
    return node


def fees(record: Record) -> list[tuple[object, ...]]:
    return [(f["label"], f.get("amount"), f.get("audience"), f.get("every_years")) for f in record.get("costs", [])]


# --- every real record becomes a catalog certfind accepts -----------------------------------------


@pytest.mark.parametrize("path", ALL, ids=lambda p: p.stem)
def test_each_registry_record_imports_into_a_catalog_that_validate_accepts(path: Path, tmp_path: Path) -> None:
    run = cli("import", str(path))
    assert run.code == 0, run.err
    assert run.out.startswith(f"# Imported from {path} on {TODAY.isoformat()}; review before use.\n")
    assert "schema_version: 1\ncertifications:\n  - id: ce-" in run.out
    assert run.err.startswith("certfind import: not mapped: ceterms:")
    assert run.err.count("\n") == 1
    saved = tmp_path / "imported.yaml"
    saved.write_text(run.out, encoding="utf-8")
    check = cli("validate", str(saved))
    assert (check.code, check.out, check.err) == (0, f"ok: 1 certifications in {saved}\n", "")


def test_the_detailed_graph_record_keeps_its_names_fees_occupations_and_source() -> None:
    [rec] = imported(DETAILED)
    ctid = "ce-509682bb-658e-4eb6-87f2-ebff5d5e0aec"
    assert rec["id"] == ctid
    assert rec["name"] == "My Certification Name"  # from {"en-US": ...}
    assert rec["kind"] == "certification"
    assert rec["currency"] == "USD"
    assert fees(rec) == [("Application", 100, None, None), ("Tuition", 12999, None, None)]
    assert rec["costs"][0]["source"] == "https://example.com/t=loppCostProfile"  # ceterms:costDetails
    assert rec["occupations"] == ["15-1122", "15-1152", "13-2099", "13-2052", "13-2061", "13-2051"]  # .00 dropped
    assert rec["category"] == "it"
    assert {"Credentials", "Technical Information", "Credential Registry", "Cybersecurity"} <= set(rec["topics"])
    assert "region" not in rec  # Oregon is a jurisdiction *exception*, not where it counts
    assert rec["requirements"] == [
        {"education": "high-school", "note": "Read from the record's condition text; check it."}
    ]
    assert "Complete High School" in rec["eligibility"]
    # a learning opportunity the graph describes is named; one it only links to is linked
    assert "Complete a learning opportunity: Another required learning opportunity (external)" in rec["eligibility"]
    assert rec["status"] == "active"
    assert rec["verification"] == {
        "status": "unverified",
        "checked": TODAY.isoformat(),
        "note": "Imported from the Credential Registry; not checked by certfind. The record names its owner only"
        " by a link (https://sandbox.credentialengineregistry.org/resources/ce-a588a18b-2616-4c74-bdcd-6507c0693d0e),"
        " not by name.",
    }
    assert rec["issuer"] == "Not named in the record"
    assert rec["sources"][0] == {
        "title": f"Credential Registry record: My Certification Name ({ctid})",
        "url": f"https://sandbox.credentialengineregistry.org/resources/{ctid}",
        "accessed": TODAY.isoformat(),
    }
    assert rec["sources"][1]["url"] == "http://example.com/credential/1234"  # ceterms:subjectWebpage


def test_us_dollar_placeholders_and_a_url_for_a_description_in_the_nbcot_record() -> None:
    [rec] = imported(NBCOT)
    assert rec["name"] == "Certified Occupational Therapy Assistant (COTA)"  # the ® mark left out
    assert rec["currency"] == "USD"  # "US Dollar"
    assert fees(rec) == [("Certified occupational Therapy Assistant Online Renewal Application", 65, None, None)]
    assert "every_years" not in rec["renewal"]  # the record states its period only in prose: nothing is guessed
    assert rec["renewal"]["requirement"].startswith("Upon initial NBCOT certification,")  # not the bare URL
    assert rec["duration"] == {"min_months": 24, "max_months": 24}  # P2Y
    assert rec["occupations"] == ["29-1122", "31-2011"]
    assert rec["region"] == ["US"]  # GeoNames 6252001
    assert rec["summary"] == (
        "To be deemed eligible to sit for the NBCOT COTA certification examination, candidates must graduate with an"
        " accredited/approved associates degree in occupational therapy. Once certified, NBCOT certificants maintain"
        " their practice competency by satisfying a certification renewal requirement every three years."
    )
    text = json.dumps(rec)
    assert "MISSING" not in text
    assert "***" not in text
    assert "®" not in text
    assert (
        rec["sources"][0]["url"]
        == "http://lr-staging.learningtapestry.com/resources/ce-1A4AB486-8212-4708-B7D5-C5167FDD2B47"
    )


def test_the_registry_envelope_with_a_bom_yields_its_decoded_record() -> None:
    assert NOCTI.read_bytes().startswith(b"\xef\xbb\xbf")
    [rec] = imported(NOCTI)
    assert rec["id"] == "ce-14525aea-57c5-4f5a-8f1c-bdc95c7f8b9b"
    assert rec["name"] == "21st Century Skills for Workplace Success"
    assert rec["aliases"] == ["Test Code 1437"]
    assert rec["currency"] == "USD"  # "US Dollar", though no profile gives a price
    assert [(f["label"], "amount" in f) for f in rec["costs"]] == [
        ("Assessment Cost", False),
        ("Assessment Cost (renewal)", False),
    ]
    assert rec["costs"][0]["source"] == "http://www.nocti.org/Pricing.cfm?ptab=EmployabilitySkillsAssessments"
    assert "Paid at each renewal; the record does not say how often." in rec["costs"][1]["note"]
    assert "Workplace Skills" in rec["topics"]
    assert "Attendance" in rec["topics"]
    assert any(line.startswith("Recommended: Study Guide: ") for line in rec["eligibility"])
    assert "region" not in rec  # North America is no ISO 3166 place


def test_the_yaml_quotes_a_name_that_starts_with_a_number() -> None:
    run = cli("import", str(NOCTI))
    assert run.code == 0, run.err
    assert '    name: "21st Century Skills for Workplace Success"\n' in run.out
    assert f'    checked: "{TODAY.isoformat()}"\n' in run.out


def test_the_seed_graph_degree_with_english_language_maps() -> None:
    [rec] = imported(SEED)
    assert rec["name"] == "Master of Business Administration (MBA) - self-designed"  # {"en": ...}
    assert rec["kind"] == "degree"  # ceterms:MasterDegree
    assert "requirements" not in rec  # "Requirements for Master of ..." names the degree, it does not require one
    assert rec["summary"].startswith("The MBA Self-Designed specialization provides an introduction")
    assert rec["summary"].count(". ") == 1  # two sentences of the record's description


def test_a_blank_node_credential_the_record_points_at_is_not_imported() -> None:
    names = [rec["name"] for rec in imported(DETAILED)]
    assert "Cybersecurity Technology Master's Degree" not in names


def test_an_envelope_without_decoded_resource_is_read_from_its_signed_resource(tmp_path: Path) -> None:
    envelope = json.loads(NOCTI.read_text(encoding="utf-8-sig"))
    del envelope["decoded_resource"]
    path = write_json(tmp_path, [envelope])  # a list of envelopes
    assert imported(path) == imported(NOCTI)


# --- mapping rules, one at a time ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ({"fr": "Nom", "en": "Name", "en-US": "US Name"}, "US Name"),
        ({"fr": "Nom", "en": "Name"}, "Name"),
        ({"fr": "Nom", "en-gb": "UK Name"}, "UK Name"),
        ({"fr": "Nom"}, "Nom"),
        ("Plain Name", "Plain Name"),
    ],
)
def test_a_language_map_gives_the_english_name(tmp_path: Path, name: Any, expected: str) -> None:
    [rec] = imported(write_json(tmp_path, credential(ceterms_name=name)))
    assert rec["name"] == expected


@pytest.mark.parametrize(
    "description",
    ["https://example.org/credential", "www.example.org/credential", "*** DESCRIPTION MISSING ***", "  ", "TBD"],
)
def test_a_description_that_is_only_a_url_or_placeholder_is_no_summary(tmp_path: Path, description: str) -> None:
    [rec] = imported(write_json(tmp_path, credential(ceterms_description=description)))
    assert rec["summary"] == "No description in the record."


def test_a_long_description_is_cut_to_its_first_two_sentences(tmp_path: Path) -> None:
    text = "First sentence here. Second one follows! Third is left out. Fourth too."
    [rec] = imported(write_json(tmp_path, credential(ceterms_description={"en": text})))
    assert rec["summary"] == "First sentence here. Second one follows!"


@pytest.mark.parametrize(
    ("written", "code"),
    [("US Dollar", "USD"), ("USD", "USD"), ("usd", "USD"), ("$", "USD"), ("Canadian Dollar", "CAD"), ("£", "GBP")],
)
def test_currency_names_become_iso_codes(written: str, code: str) -> None:
    assert ctdl.currency_code(written) == code


def test_an_unknown_currency_keeps_the_price_in_a_note_not_as_an_amount(tmp_path: Path) -> None:
    cost = {"@type": "ceterms:CostProfile", "ceterms:price": 40, "ceterms:currency": "Zorkmid", "ceterms:name": "Exam"}
    [rec] = imported(write_json(tmp_path, credential(ceterms_estimatedCost=[cost])))
    assert rec["costs"] == [
        {"label": "Exam", "note": "The record gives 40 in 'Zorkmid', a currency certfind does not know."}
    ]
    assert "currency" not in rec


def test_member_and_non_member_prices_and_recurring_fees(tmp_path: Path) -> None:
    def cost(price: float, audience: str, **more: Any) -> dict[str, Any]:
        return {
            "@type": "ceterms:CostProfile",
            "ceterms:price": price,
            "ceterms:currency": "USD",
            "ceterms:directCostType": {"ceterms:targetNode": "costType:Application"},
            "ceterms:audienceType": [{"ceterms:targetNode": f"audience:{audience}"}],
            **more,
        }

    dues = {"ceterms:name": "Dues", "ceterms:paymentPattern": {"en": "Annually"}}
    record = credential(
        ceterms_estimatedCost=[cost(350, "NonMember"), cost(325.5, "Member"), cost(70, "Member", **dues)]
    )
    [rec] = imported(write_json(tmp_path, record))
    assert fees(rec) == [
        ("Application", 350, "non-member", None),
        ("Application", 325.5, "member", None),
        ("Dues", 70, "member", 1),
    ]


@pytest.mark.parametrize(
    ("profile", "expected"),
    [
        ({"ceterms:exactDuration": "P6M"}, {"min_months": 6, "max_months": 6}),
        ({"ceterms:exactDuration": "P1Y"}, {"min_months": 12, "max_months": 12}),
        ({"ceterms:minimumDuration": "P1Y", "ceterms:maximumDuration": "P2Y6M"}, {"min_months": 12, "max_months": 30}),
        (
            {"ceterms:exactDuration": "PT40H"},
            {"min_months": 0.05, "max_months": 0.05, "note": "The record gives 40 hours."},
        ),
    ],
)
def test_iso_durations_become_months(tmp_path: Path, profile: dict[str, Any], expected: Record) -> None:
    [rec] = imported(write_json(tmp_path, credential(ceterms_estimatedDuration=[profile])))
    assert rec["duration"] == expected


@pytest.mark.parametrize(
    ("text", "months", "exact"),
    [("P6M", 6, True), ("P1Y", 12, True), ("P2Y6M", 30, True), ("P3W", 21 / (365.25 / 12), False), ("P0D", 0, True)],
)
def test_parse_duration(text: str, months: float, exact: bool) -> None:
    span = ctdl.parse_duration(text)
    assert span is not None
    assert math.isclose(span.months, months)
    assert span.exact is exact


@pytest.mark.parametrize("text", ["", "P", "PT", "6 months", "P1.5.2Y", "P1Y2"])
def test_what_is_not_a_duration(text: str) -> None:
    assert ctdl.parse_duration(text) is None


@pytest.mark.parametrize(("months", "text"), [(24, "P2Y"), (30, "P2Y6M"), (1.5, "P1M15D"), (0, "P0M"), (7, "P7M")])
def test_months_as_iso_durations(months: float, text: str) -> None:
    assert ctdl.iso_duration(months) == text


def test_renewal_frequency_and_experience_in_years(tmp_path: Path) -> None:
    requires = {
        "@type": "ceterms:ConditionProfile",
        "ceterms:yearsOfExperience": 2,
        "ceterms:description": "Hold a bachelor's degree.",
    }
    record = credential(ceterms_renewalFrequency="P3Y", ceterms_requires=[requires])
    [rec] = imported(write_json(tmp_path, record))
    assert rec["renewal"] == {"every_years": 3}
    assert rec["requirements"] == [
        {"education": "bachelor", "experience_years": 2, "note": "Read from the record's condition text; check it."}
    ]
    assert rec["eligibility"] == ["Hold a bachelor's degree.", "At least 2 years of experience"]


def test_the_owner_named_in_the_graph_is_the_issuer(tmp_path: Path) -> None:
    org_id = "https://credentialengineregistry.org/resources/ce-00000000-0000-4000-8000-0000000000aa"
    graph = {
        "@context": ctdl.CTDL_CONTEXT,
        "@graph": [
            credential(ceterms_ownedBy=[org_id.replace("/resources/", "/graph/")]),
            {
                "@id": org_id,
                "@type": "ceterms:CredentialOrganization",
                "ceterms:name": {"en-US": "Library Society®"},
                "ceterms:subjectWebpage": "https://library.example.org/",
            },
        ],
    }
    [rec] = imported(write_json(tmp_path, graph))
    assert (rec["issuer"], rec["issuer_url"]) == ("Library Society", "https://library.example.org/")
    assert rec["verification"]["note"] == ctdl.VERIFICATION_NOTE


@pytest.mark.parametrize(
    ("ctdl_type", "kind"),
    [
        ("ceterms:Certificate", "certificate"),
        ("ceterms:License", "license"),
        ("ceterms:OpenBadge", "badge"),
        ("ceterms:AssociateDegree", "degree"),
        ("ceterms:GeneralEducationDevelopment", "diploma"),
        ("ceterms:MicroCredential", "certificate"),
    ],
)
def test_ctdl_types_become_kinds(tmp_path: Path, ctdl_type: str, kind: str) -> None:
    [rec] = imported(write_json(tmp_path, credential(**{"@type": ctdl_type})))
    assert rec["kind"] == kind
    unknown = "Its CTDL type (ceterms:MicroCredential) has no certfind kind; imported as a certificate."
    assert rec["verification"]["note"].endswith(unknown) is (ctdl_type == "ceterms:MicroCredential")


def test_a_region_comes_from_the_jurisdiction_or_else_the_address(tmp_path: Path) -> None:
    texas = {
        "@type": "ceterms:Place",
        "ceterms:addressRegion": {"en-US": "Texas"},
        "ceterms:addressCountry": "United States",
    }
    office = {
        "@type": "ceterms:PostalAddress",
        "ceterms:addressRegion": "MD",
        "ceterms:addressCountry": "United States",
    }
    jurisdiction = [{"@type": "ceterms:JurisdictionProfile", "ceterms:mainJurisdiction": [texas]}]
    [both] = imported(write_json(tmp_path, credential(ceterms_jurisdiction=jurisdiction, ceterms_availableAt=[office])))
    [address] = imported(write_json(tmp_path, credential(ceterms_availableAt=[office]), "other.json"))
    assert (both["region"], address["region"]) == (["US-TX"], ["US-MD"])


def test_the_same_credential_twice_gets_two_ids() -> None:
    records = imported(NBCOT, NBCOT)
    assert [r["id"] for r in records] == [
        "ce-1a4ab486-8212-4708-b7d5-c5167fdd2b47",
        "ce-1a4ab486-8212-4708-b7d5-c5167fdd2b47-2",
    ]


# --- what the command prints -----------------------------------------------------------------------


def test_unmapped_properties_are_reported_once_each_across_files() -> None:
    run = cli("import", str(DETAILED), str(SEED), str(NBCOT))
    assert run.code == 0, run.err
    [line] = run.err.splitlines()
    assert line.startswith("certfind import: not mapped: ")
    reported = line.removeprefix("certfind import: not mapped: ").split(", ")
    names = [item.split(" (")[0] for item in reported]
    assert len(names) == len(set(names))
    assert "ceterms:accreditedBy (2 records)" in reported  # in the detailed record and the seed graph
    assert "ceterms:regulatedBy (1 record)" in reported
    assert "ceterms:inLanguage (3 records)" in reported


def test_a_record_whose_properties_all_map_prints_no_warning(tmp_path: Path) -> None:
    path = write_json(tmp_path, credential(ceterms_keyword={"en": ["cataloging"]}, ceterms_renewalFrequency="P2Y"))
    run = cli("import", str(path))
    assert (run.code, run.err) == (0, "")
    assert "    topics:\n      - cataloging\n" in run.out
    assert "    renewal:\n      every_years: 2\n" in run.out


def test_json_output_is_the_same_records_as_the_yaml() -> None:
    paths = [str(p) for p in ALL]
    as_json = cli("import", *paths, "--format", "json")
    as_yaml = cli("import", *paths)
    assert (as_json.code, as_yaml.code) == (0, 0)
    assert as_json.err == as_yaml.err != ""
    records = json.loads(as_json.out)
    assert as_json.out == json.dumps(records, indent=2, ensure_ascii=False) + "\n"
    assert [r["id"] for r in records] == [
        "ce-509682bb-658e-4eb6-87f2-ebff5d5e0aec",
        "ce-1a4ab486-8212-4708-b7d5-c5167fdd2b47",
        "ce-14525aea-57c5-4f5a-8f1c-bdc95c7f8b9b",
        "ce-53bc7e5d-d39c-4687-ac89-0474f691055d",
    ]
    read_back, problems = parse_catalog(as_yaml.out)
    assert (read_back, problems) == (records, [])


def test_a_file_without_a_credential_is_skipped_with_a_warning_when_others_have_one(tmp_path: Path) -> None:
    org = write_json(tmp_path, {"@type": "ceterms:CredentialOrganization", "ceterms:name": "A body"}, "org.json")
    run = cli("import", str(org), str(NBCOT), "--format", "json")
    assert run.code == 0
    assert [r["name"] for r in json.loads(run.out)] == ["Certified Occupational Therapy Assistant (COTA)"]
    assert run.err.splitlines()[0] == (
        f"certfind import: {org}: no CTDL credential found (expected a credential record, an @graph document"
        " or a registry envelope); skipped"
    )


def test_bad_json_is_reported_at_its_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{\n  "@type": "ceterms:Certification",\n  "ceterms:name": "x",,\n}\n', encoding="utf-8")
    run = cli("import", str(path))
    assert (run.code, run.out) == (3, "")
    assert run.err == f"{path}:3:23: invalid JSON: Expecting property name enclosed in double quotes\n"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty; expected CTDL JSON-LD"),
        (b"\xef\xbb\xbf \n", "the file is empty; expected CTDL JSON-LD"),
        (
            b'{"@type": "ceterms:CredentialOrganization", "ceterms:name": "A body"}',
            "no CTDL credential found (expected a credential record, an @graph document or a registry envelope)",
        ),
        (
            b'{"@graph": []}',
            "no CTDL credential found (expected a credential record, an @graph document or a registry envelope)",
        ),
        (
            b"[1, 2, 3]",
            "no CTDL credential found (expected a credential record, an @graph document or a registry envelope)",
        ),
    ],
    ids=["empty", "bom-only", "organization", "empty-graph", "numbers"],
)
def test_a_file_with_nothing_to_import_exits_3(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "input.json"
    path.write_bytes(content)
    run = cli("import", str(path))
    assert (run.code, run.out, run.err) == (3, "", f"{path}: {message}\n")


def test_text_that_is_not_utf8_is_located(tmp_path: Path) -> None:
    path = tmp_path / "latin1.json"
    path.write_bytes(b'{\n "ceterms:name": "caf\xe9"}')
    run = cli("import", str(path))
    assert (run.code, run.out) == (3, "")
    assert run.err == f"{path}:2:22: not UTF-8 text (byte 0xe9); CTDL JSON-LD is UTF-8\n"


def test_a_directory_or_a_missing_file_exits_3(tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    for path, message in ((tmp_path, "is a directory, not a CTDL file"), (missing, "no such file")):
        run = cli("import", str(path))
        assert (run.code, run.out, run.err) == (3, "", f"{path}: {message}\n")


def test_json_nested_too_deeply_is_an_error_not_a_crash(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    run = cli("import", str(path))
    assert (run.code, run.out, run.err) == (3, "", f"{path}: invalid JSON: nested too deeply\n")


def test_import_needs_a_file_and_knows_its_formats() -> None:
    assert cli("import").code == 2
    run = cli("import", str(NBCOT), "--format", "csv")
    assert (run.code, run.out) == (2, "")
    assert "'csv' is not one of 'yaml', 'json'" in run.err


def test_read_files_raises_a_catalog_error_with_the_file() -> None:
    with pytest.raises(CatalogError) as caught:
        ctdl.read_files([str(FIXTURES / "README.md")], TODAY)
    assert caught.value.lines() == [f"{FIXTURES / 'README.md'}:1:1: invalid JSON: Expecting value"]


# --- any record, however odd, gives entries certfind accepts ---------------------------------------

JSON_SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)


def ctdl_keys() -> list[str]:
    return [
        "ceterms:name",
        "ceterms:description",
        "ceterms:price",
        "ceterms:currency",
        "ceterms:targetNode",
        "ceterms:targetNodeName",
        "ceterms:codedNotation",
        "ceterms:exactDuration",
        "ceterms:addressRegion",
        "ceterms:addressCountry",
        "ceterms:mainJurisdiction",
        "ceterms:audienceType",
        "ceterms:condition",
        "ceterms:yearsOfExperience",
        "ceterms:paymentPattern",
        "certfind:count",
        "certfind:everyYears",
    ]


PROFILE_KEYS = st.sampled_from(["@id", "@type", "en", "en-US", "@value", *ctdl_keys()])
CTDL_VALUES = st.recursive(
    JSON_SCALARS | st.sampled_from(["P1Y", "PT40H", "US Dollar", "audience:Member", "15-1232.00", "Texas", "$"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(PROFILE_KEYS, inner, max_size=4),
    max_leaves=10,
)
TOP_KEYS = st.sampled_from(
    [
        "ceterms:name",
        "ceterms:ctid",
        "ceterms:description",
        "ceterms:ownedBy",
        "ceterms:offeredBy",
        "ceterms:subjectWebpage",
        "ceterms:estimatedCost",
        "ceterms:estimatedDuration",
        "ceterms:renewal",
        "ceterms:renewalFrequency",
        "ceterms:requires",
        "ceterms:recommends",
        "ceterms:occupationType",
        "ceterms:keyword",
        "ceterms:subject",
        "ceterms:jurisdiction",
        "ceterms:availableAt",
        "ceterms:alternateName",
        "ceterms:credentialStatusType",
        "certfind:acronym",
        "certfind:kind",
        "@id",
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    props=st.dictionaries(TOP_KEYS, CTDL_VALUES, max_size=8),
    ctdl_type=st.sampled_from(["ceterms:Badge", "ceterms:Credential", "ceterms:Certification"]),
)
def test_any_credential_record_maps_to_entries_the_validator_accepts(props: dict[str, Any], ctdl_type: str) -> None:
    node = {"@type": ctdl_type, **props}
    found = ctdl.records_from({"@graph": [node, node]}, TODAY)
    records = [record for record, _ in found]
    assert len(records) == 2
    assert records[0]["id"] != records[1]["id"]
    read_back, problems = parse_catalog(ctdl.to_yaml(records, files=["x.json"], today=TODAY))
    assert problems == []
    assert read_back == records
    assert json.loads(ctdl.to_json(records)) == records


# --- the catalog writer -----------------------------------------------------------------------------


def bundled_records() -> list[Record]:
    path = paths.bundled_catalog()
    records, problems = parse_catalog(path.read_text(encoding="utf-8"), str(path))
    assert problems == []
    return records


@pytest.mark.parametrize("ascii_only", [False, True])
def test_the_whole_bundled_catalog_reads_back_the_same_through_to_yaml(ascii_only: bool) -> None:
    records = bundled_records()
    text = ctdl.to_yaml(records, ascii_only=ascii_only)
    assert text.isascii() or not ascii_only
    read_back, problems = parse_catalog(text)
    assert (read_back, problems) == (records, [])


TRICKY = [
    "yes",
    "No",
    "on",
    "null",
    "~",
    "true",
    "1e3",
    "0x1F",
    ".inf",
    "2024-01-01",
    "12:30",
    "- item",
    "a: b",
    "x #y",
    "#x",
    "[a]",
    "{a}",
    "'q'",
    '"q"',
    "\\",
    "tab\there",
    "line\nbreak",
    "\u2028",
    "\ufeff",
    "\x85",
    "trailing ",
    " leading",
    "&anchor",
    "*alias",
    "!tag",
    "%",
    "@",
    "`",
    "|",
    ">",
    "?",
    ":",
    "-",
    "=",
    "<<",
]


@settings(max_examples=200, deadline=None)
@given(text=st.sampled_from(TRICKY) | st.text(min_size=1), ascii_only=st.booleans())
def test_to_yaml_keeps_any_text_exactly(text: str, ascii_only: bool) -> None:
    record: Record = {"id": "demo", "name": "Demo", "issuer": "Someone", "category": "library", "summary": text}
    read_back, problems = parse_catalog(ctdl.to_yaml([record], ascii_only=ascii_only))
    if visible(text).strip():
        assert (read_back, problems) == ([record], [])
    else:  # the validator refuses a summary of only invisible characters; the text still parses
        assert read_back == []
        assert len(problems) == 1


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_output_for_a_terminal_that_cannot_show_the_text_is_escaped_not_changed(fmt: str) -> None:
    records = ctdl.read_files([str(NBCOT)], TODAY).records
    assert "\u2019" in json.dumps(records, ensure_ascii=False)  # "certificant\u2019s"
    wide = ctdl.output(records, fmt, encoding="utf-8")
    narrow = ctdl.output(records, fmt, encoding="ascii")
    assert not wide.isascii()
    assert narrow.isascii()
    if fmt == "json":
        assert json.loads(narrow) == json.loads(wide) == records
    else:
        assert parse_catalog(narrow) == parse_catalog(wide) == (records, [])


def test_import_on_an_ascii_terminal_prints_escapes_not_a_traceback() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    done = subprocess.run(
        [sys.executable, "-m", "certfind", "import", str(NBCOT)], capture_output=True, env=env, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.isascii()
    assert b"certificant\\u2019s" in done.stdout
    assert done.stderr.startswith(b"certfind import: not mapped: ")


def test_an_empty_import_is_still_a_catalog() -> None:
    assert parse_catalog(ctdl.to_yaml([])) == ([], [])


def test_the_header_comment_cannot_be_broken_by_a_file_name() -> None:
    text = ctdl.to_yaml([], files=["evil\nschema_version: 2.json"], today=date(2026, 1, 2))
    assert text.splitlines()[0] == "# Imported from evil schema_version: 2.json on 2026-01-02; review before use."
    assert parse_catalog(text) == ([], [])


# --- export to CTDL and back -----------------------------------------------------------------------


def bundled() -> list[Certification]:
    return list(catalog.load(str(paths.bundled_catalog()), use_cache=False))


def money(cert: Certification) -> list[tuple[object, ...]]:
    return [(f.min_cents, f.max_cents, f.ranged, f.audience, f.units, f.every_years) for f in cert.costs]


def test_export_then_import_keeps_names_issuers_money_and_renewal_for_every_bundled_entry(tmp_path: Path) -> None:
    certs = bundled()
    document = ctdl.export(certs)
    path = write_json(tmp_path, document, "catalog.jsonld")
    run = cli("import", str(path), "--format", "json")
    assert run.code == 0, run.err
    back = {rec["id"]: from_record(rec) for rec in json.loads(run.out)}
    exported = [c for c in certs if c.verification.status != "not-found"]
    assert sorted(back) == sorted(c.id for c in exported)
    for cert in exported:
        again = back[cert.id]
        assert (again.name, again.issuer, again.currency) == (cert.name, cert.issuer, cert.currency), cert.id
        assert money(again) == money(cert), cert.id
        assert [f.label for f in again.costs] == [f.label for f in cert.costs], cert.id
        assert (again.renewal.every_years if again.renewal else None) == (
            cert.renewal.every_years if cert.renewal else None
        ), cert.id
        assert (again.kind, again.category, again.acronym, again.region, again.occupations) == (
            cert.kind,
            cert.category,
            cert.acronym,
            cert.region,
            cert.occupations,
        ), cert.id
        assert again.verification.status == "unverified"
    saved = tmp_path / "again.yaml"
    saved.write_text(cli("import", str(path)).out, encoding="utf-8")
    assert cli("validate", str(saved)).code == 0


def test_export_leaves_out_entries_that_no_one_awards() -> None:
    certs = bundled()
    graph = ctdl.export(certs)["@graph"]
    names = {node["ceterms:name"]["en-US"] for node in graph if node["@type"] != "ceterms:CredentialOrganization"}
    assert names == {c.name for c in certs if c.verification.status != "not-found"}
    assert any(c.verification.status == "not-found" for c in certs)


def test_export_is_a_ctdl_graph_with_certfind_verification() -> None:
    document = ctdl.export(bundled())
    assert document["@context"] == ["https://credreg.net/ctdl/schema/context/json", {"certfind": ctdl.CERTFIND_NS}]
    lssc = next(node for node in document["@graph"] if node.get("@id") == "urn:certfind:lssc")
    assert lssc["@type"] == "ceterms:Certification"
    assert "ceterms:ctid" not in lssc  # certfind's own ids are no CTIDs
    assert lssc["ceterms:name"] == {"en-US": "Library Support Staff Certification"}
    assert lssc["certfind:verificationStatus"] == "confirmed"
    checked = next(c for c in bundled() if c.id == "lssc").verification.checked
    assert checked is not None
    assert lssc["certfind:checked"]["@value"] == checked.isoformat()
    assert lssc["ceterms:renewalFrequency"] == "P4Y"
    owner = next(node for node in document["@graph"] if node["@id"] == lssc["ceterms:ownedBy"][0])
    assert owner["ceterms:name"] == {"en-US": "ALA-Allied Professional Association"}
    assert owner["@type"] == "ceterms:CredentialOrganization"
    non_member = next(p for p in lssc["ceterms:estimatedCost"] if p.get("ceterms:price") == 350)
    assert non_member["ceterms:currency"] == "USD"
    assert non_member["ceterms:audienceType"][0]["ceterms:targetNode"] == "audience:NonMember"
    assert non_member["ceterms:directCostType"]["ceterms:targetNode"] == "costType:Application"
    assert json.loads(json.dumps(document, indent=2)) == document


def test_an_imported_entry_exports_with_its_ctid_and_record_id() -> None:
    [rec] = imported(NBCOT)
    [node] = [n for n in ctdl.export([from_record(rec)])["@graph"] if n["@type"] == "ceterms:Certification"]
    assert node["ceterms:ctid"] == "ce-1a4ab486-8212-4708-b7d5-c5167fdd2b47"
    assert node["@id"] == "http://lr-staging.learningtapestry.com/resources/ce-1A4AB486-8212-4708-B7D5-C5167FDD2B47"
    rec["sources"] = []  # with no registry source left, the id is the registry's address for the CTID
    [node] = [n for n in ctdl.export([from_record(rec)])["@graph"] if n["@type"] == "ceterms:Certification"]
    assert node["@id"] == "https://credentialengineregistry.org/resources/ce-1a4ab486-8212-4708-b7d5-c5167fdd2b47"


FEES = st.builds(
    lambda label, cents, spread, ranged, audience, units, every: Fee(
        label,
        cents,
        None if cents is None else cents + (spread if ranged else 0),
        audience,
        units,
        every,
        ranged=ranged,
    ),
    label=st.text(min_size=1, max_size=20).filter(lambda t: visible(t).strip() != ""),
    cents=st.none() | st.integers(0, 10**9),
    spread=st.integers(0, 10**6),
    ranged=st.booleans(),
    audience=st.sampled_from(["all", "member", "non-member"]),
    units=st.integers(1, 50),
    every=st.none() | st.integers(1, 100),
)


@settings(max_examples=150, deadline=None)
@given(
    costs=st.lists(FEES, max_size=6),
    currency=st.sampled_from(["USD", "CAD", "GBP", "NZD"]),
    every=st.none() | st.integers(1, 20),
)
def test_any_fees_survive_export_and_import(costs: list[Fee], currency: str, every: int | None) -> None:
    costs = [f._replace(ranged=f.ranged and f.min_cents is not None) for f in costs]
    cert = Certification(
        id="demo",
        name="Demo",
        issuer="Demo Society",
        category="library",
        summary="A demo.",
        verification=Verification("confirmed", date(2026, 11, 24)),
        currency=currency,
        costs=tuple(costs),
        renewal=None if every is None else Renewal(every),
    )
    [(record, _)] = ctdl.records_from(json.loads(json.dumps(ctdl.export([cert]))), TODAY)
    again = from_record(record)
    assert money(again) == money(cert)
    assert (again.renewal.every_years if again.renewal else None) == every
    if any(f.known for f in costs):
        assert again.currency == currency


def local_context_loader() -> Callable[[str, dict[str, Any]], dict[str, Any]]:
    """Serves CTDL's context from here (tests have no network): CTDL's prefixes, and its language
    maps and links declared as CTDL's context declares them."""
    languages = [
        "name",
        "description",
        "keyword",
        "alternateName",
        "condition",
        "paymentPattern",
        "targetNodeName",
        "frameworkName",
        "addressCountry",
        "addressRegion",
    ]
    links = ["ownedBy", "targetNode", "subjectWebpage", "costDetails", "framework"]
    context: dict[str, Any] = {
        "ceterms": "https://purl.org/ctdl/terms/",
        "audience": "https://purl.org/ctdl/vocabs/audience/",
        "costType": "https://purl.org/ctdl/vocabs/costType/",
        "credentialStat": "https://purl.org/ctdl/vocabs/credentialStat/",
        "xsd": "http://www.w3.org/2001/XMLSchema#",
        **{f"ceterms:{term}": {"@container": "@language"} for term in languages},
        **{f"ceterms:{term}": {"@type": "@id"} for term in links},
    }

    def load(url: str, options: dict[str, Any]) -> dict[str, Any]:
        del options  # pyld's loader signature
        assert url.rstrip("/") == ctdl.CTDL_CONTEXT, url
        return {"contextUrl": None, "documentUrl": url, "document": {"@context": context}}

    return load


def test_the_export_is_json_ld_whose_expansion_carries_the_catalogs_costs() -> None:
    jsonld = pytest.importorskip("pyld.jsonld")
    dropped: list[str | None] = []
    expanded = jsonld.expand(
        ctdl.export(bundled()), {"documentLoader": local_context_loader()}, on_property_dropped=dropped.append
    )
    assert dropped == []  # every property expands to an IRI
    terms, ns = "https://purl.org/ctdl/terms/", ctdl.CERTFIND_NS
    nodes = {node["@id"]: node for node in expanded}
    lssc = nodes["urn:certfind:lssc"]
    assert lssc["@type"] == [terms + "Certification"]
    assert lssc[terms + "name"] == [{"@value": "Library Support Staff Certification", "@language": "en-us"}]
    assert lssc[ns + "verificationStatus"] == [{"@value": "confirmed"}]
    assert {"@id": "https://ala-apa.org/lssc/for-candidates/eligibility-and-cost/"} in lssc[ns + "source"]
    owner = nodes[lssc[terms + "ownedBy"][0]["@id"]]
    assert owner[terms + "name"] == [{"@value": "ALA-Allied Professional Association", "@language": "en-us"}]

    def cost(profile: dict[str, Any]) -> tuple[object, ...]:
        audience = [a[terms + "targetNode"][0]["@id"] for a in profile.get(terms + "audienceType", [])]
        price = profile.get(terms + "price", [{"@value": None}])[0]["@value"]
        return (profile[terms + "name"][0]["@value"], price, profile[terms + "currency"][0]["@value"], audience)

    costs = [cost(p) for p in lssc[terms + "estimatedCost"]]
    assert ("Application", 350, "USD", ["https://purl.org/ctdl/vocabs/audience/NonMember"]) in costs
    assert ("Application", 325, "USD", ["https://purl.org/ctdl/vocabs/audience/Member"]) in costs
    assert not any(node.get(ns + "verificationStatus") == [{"@value": "not-found"}] for node in expanded)


def test_list_format_ctdl_is_json_ld_that_expands_with_the_catalogs_costs() -> None:
    jsonld = pytest.importorskip("pyld.jsonld")
    run = cli("list", "--format", "ctdl")
    assert (run.code, run.err) == (0, "")
    dropped: list[str | None] = []
    expanded = jsonld.expand(
        json.loads(run.out), {"documentLoader": local_context_loader()}, on_property_dropped=dropped.append
    )
    assert dropped == []
    terms = "https://purl.org/ctdl/terms/"
    nodes = {node["@id"]: node for node in expanded}
    real = [c for c in bundled() if c.verification.status != "not-found"]
    assert {f"urn:certfind:{c.id}" for c in real} <= set(nodes)
    cpla = nodes["urn:certfind:cpla"]
    prices = {
        (p[terms + "name"][0]["@value"], p.get(terms + "price", [{"@value": None}])[0]["@value"])
        for p in cpla[terms + "estimatedCost"]
    }
    assert ("Application", 350) in prices  # the corrected non-member fee
    assert ("Final review", 100) in prices
