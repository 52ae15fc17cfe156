"""What `certfind import` keeps of a record, rule by rule, on real records changed one property at a time:
nothing invented (no status, checked date, page, CTID or owner the record did not give), values kept as
given (class, cost types, hours of effort, statuses, occupation codes, language), owners resolved across
files and the Registry's shapes, and the same credential merged by CTID."""

from __future__ import annotations

import base64
import json
from pathlib import Path
from typing import Any

import pytest

from certfind import ctdl
from certfind.ctdl.importer import import_documents
from tests.ctdl.support import raw
from tests.support import TODAY, cli

WGU_CTID = "ce-b75970c9-d352-46a0-b67d-3256c9cdbb31"
WGU_OWNER = "https://credentialengineregistry.org/resources/ce-036d082d-d80e-41a7-99a0-2d63a4ad3a4a"
T = "ceterms:"


def wgu(**changes: Any) -> dict[str, Any]:
    """WGU's B.S. in Accounting as the Registry serves it, with properties changed (`ceterms_x` is
    `ceterms:x`; None leaves the property out)."""
    record: dict[str, Any] = raw("wgu-bs-accounting-resource.json")
    for key, value in changes.items():
        name = key.replace("_", ":", 1)
        if value is None:
            record.pop(name, None)
        else:
            record[name] = value
    return record


def write(tmp_path: Path, value: Any, name: str = "record.json") -> str:
    path = tmp_path / name
    path.write_text(json.dumps(value), encoding="utf-8")
    return str(path)


def imported(*paths: str) -> tuple[list[dict[str, Any]], list[str]]:
    """`certfind import --format json`: the records, and the stderr lines (all `certfind import: ...`)."""
    run = cli("import", *paths, "--format", "json")
    assert run.code == 0, run.err
    lines = run.err.splitlines()
    assert all(line.startswith("certfind import: ") for line in lines), lines
    return json.loads(run.out)["certifications"], [line.removeprefix("certfind import: ") for line in lines]


def one(tmp_path: Path, record: Any) -> dict[str, Any]:
    [found], _ = imported(write(tmp_path, record))
    return found


def status_node(term: str) -> dict[str, Any]:
    return {"@type": "ceterms:CredentialAlignmentObject", "ceterms:targetNode": f"credentialStat:{term}"}


# --- nothing invented -----------------------------------------------------------------------------------


def test_a_record_that_gives_no_status_imports_as_unknown(tmp_path: Path) -> None:
    record = one(tmp_path, wgu(ceterms_credentialStatusType=None))
    assert record["status"] == "unknown"
    saved = tmp_path / "imported.yaml"
    saved.write_text(cli("import", write(tmp_path, wgu(ceterms_credentialStatusType=None))).out, encoding="utf-8")
    shown = cli("--catalog", str(saved), "show", WGU_CTID, "--format", "plain")
    assert shown.code == 0
    assert "status\tunknown whether it is awarded today\n" in shown.out


@pytest.mark.parametrize(
    ("term", "status"),
    [
        ("Active", "active"),
        ("Ceasing", "ceasing"),
        ("Suspended", "suspended"),
        ("TeachOut", "teach-out"),
        ("Probationary", "probationary"),
        ("Deprecated", "deprecated"),
    ],
)
def test_every_ctdl_status_is_kept(tmp_path: Path, term: str, status: str) -> None:
    assert one(tmp_path, wgu(ceterms_credentialStatusType=status_node(term)))["status"] == status


def test_a_status_ctdl_does_not_have_is_unknown_and_said_so(tmp_path: Path) -> None:
    record = one(tmp_path, wgu(ceterms_credentialStatusType={"ceterms:targetNodeName": {"en": "Superseded"}}))
    assert record["status"] == "unknown"
    assert record["verification"]["note"].endswith("Its status (Superseded) is none of CTDL's; imported as unknown.")


def test_an_import_is_unverified_and_never_checked_and_dated_by_the_record(tmp_path: Path) -> None:
    record = one(tmp_path, wgu())
    assert record["verification"] == {
        "status": "unverified",
        "note": "Imported from a CTDL record; not checked by certfind.",
    }
    assert record["sources"][0] == {
        "title": f"CTDL record: Bachelor of Science, Accounting (BSACC_202503) ({WGU_CTID})",
        "url": f"https://credentialengineregistry.org/resources/{WGU_CTID}",
        "accessed": TODAY.isoformat(),
        "dated": "2025-03-01",  # ceterms:dateEffective
    }


def test_an_envelope_dates_its_record_by_its_last_update(tmp_path: Path) -> None:
    envelope = raw("nocti-registry-envelope.json")
    [record], _ = imported(write(tmp_path, envelope))
    assert record["sources"][0]["dated"] == "2019-02-19"  # node_headers.updated_at


def test_a_date_after_today_is_no_date_of_the_record(tmp_path: Path) -> None:
    record = one(tmp_path, wgu(ceterms_dateEffective="2099-01-01"))
    assert "dated" not in record["sources"][0]


def test_no_web_page_and_no_issuer_page_the_record_did_not_give(tmp_path: Path) -> None:
    record = one(tmp_path, wgu(ceterms_subjectWebpage=None))
    assert [s.get("url") for s in record["sources"]] == [f"https://credentialengineregistry.org/resources/{WGU_CTID}"]
    assert "issuer_url" not in record


def test_an_owner_known_only_by_its_uri_keeps_the_uri_and_gets_no_name(tmp_path: Path) -> None:
    record = one(tmp_path, wgu())
    assert record["issuer_id"] == WGU_OWNER
    assert "issuer" not in record
    assert "ceterms:offeredBy" not in json.dumps(imported(write(tmp_path, wgu()))[1])  # the same body: read


def test_a_record_that_names_no_owner_says_so_and_mints_nothing(tmp_path: Path) -> None:
    record = one(tmp_path, wgu(ceterms_ownedBy=None, ceterms_offeredBy=None, ceterms_ctid=None))
    assert record["issuer"] == "Not named in the record"
    assert "issuer_id" not in record
    assert "ctid" not in record
    assert record["id"] == "bachelor-of-science-accounting-bsacc-202503"


# --- owners resolved ------------------------------------------------------------------------------------

WGU_ORG = {
    "@context": "https://credreg.net/ctdl/schema/context/json",
    "@id": WGU_OWNER,
    "@type": "ceterms:CredentialOrganization",
    "ceterms:ctid": "ce-036d082d-d80e-41a7-99a0-2d63a4ad3a4a",
    "ceterms:name": {"en-US": "Western Governors University"},
    "ceterms:subjectWebpage": "https://www.wgu.edu",
}
NAMED = {"issuer": "Western Governors University", "issuer_url": "https://www.wgu.edu", "issuer_id": WGU_OWNER}


def owner_of(record: dict[str, Any]) -> dict[str, Any]:
    return {key: record[key] for key in ("issuer", "issuer_url", "issuer_id") if key in record}


def test_an_owner_named_in_another_file_of_the_same_import_is_named(tmp_path: Path) -> None:
    [record], _ = imported(write(tmp_path, wgu()), write(tmp_path, WGU_ORG, "org.json"))
    assert owner_of(record) == NAMED


def test_an_owner_in_the_same_graph_is_named_by_its_graph_address(tmp_path: Path) -> None:
    graph = {
        "@context": "https://credreg.net/ctdl/schema/context/json",
        "@graph": [wgu(ceterms_ownedBy=[WGU_OWNER.replace("/resources/", "/graph/")]), WGU_ORG],
    }
    record = one(tmp_path, graph)
    assert (record["issuer"], record["issuer_url"]) == ("Western Governors University", "https://www.wgu.edu")


def test_a_saved_search_response_names_owners_from_its_related_resources(tmp_path: Path) -> None:
    response = {"data": [wgu()], "total": 1, "description_set_resources": [WGU_ORG]}
    [record], _ = imported(write(tmp_path, response))
    assert owner_of(record) == NAMED


def test_an_embedded_owner_is_read_where_it_is(tmp_path: Path) -> None:
    embedded = {k: v for k, v in WGU_ORG.items() if k != "@context"}
    record = one(tmp_path, wgu(ceterms_ownedBy=[embedded], ceterms_offeredBy=None))
    assert owner_of(record) == NAMED


def test_a_list_of_envelopes_and_an_envelope_without_decoded_resource(tmp_path: Path) -> None:
    envelope = raw("nocti-registry-envelope.json")
    decoded = json.loads(json.dumps(envelope))
    del envelope["decoded_resource"]  # the record is still the payload of the signed `resource`
    assert envelope["resource"].count(".") == 2
    assert imported(write(tmp_path, [envelope]))[0] == imported(write(tmp_path, decoded, "decoded.json"))[0]
    payload = envelope["resource"].split(".")[1]
    assert json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


# --- kept as given --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("ctdl_class", "kind", "ctdl_type"),
    [
        ("ceterms:BachelorOfScienceDegree", "degree", "BachelorOfScienceDegree"),
        ("ceterms:MasterDegree", "degree", "MasterDegree"),
        ("ceterms:AssociateDegree", "degree", "AssociateDegree"),
        ("ceterms:Badge", "badge", "Badge"),
        ("ceterms:OpenBadge", "badge", "OpenBadge"),
        ("ceterms:DigitalBadge", "badge", None),
        ("ceterms:Certification", "certification", None),
        ("ceterms:License", "license", None),
        ("ceterms:ProfessionalCertificate", "certificate", "ProfessionalCertificate"),
        ("ceterms:GeneralEducationDevelopment", "diploma", "GeneralEducationDevelopment"),
    ],
)
def test_the_credential_class_is_kept(tmp_path: Path, ctdl_class: str, kind: str, ctdl_type: str | None) -> None:
    record = one(tmp_path, wgu(**{"@type": ctdl_class}))
    assert (record["kind"], record.get("ctdl_type")) == (kind, ctdl_type)


def test_the_generic_credential_class_is_said_to_be_one(tmp_path: Path) -> None:
    record = one(tmp_path, wgu(**{"@type": "ceterms:Credential"}))
    assert (record["kind"], record.get("ctdl_type")) == ("certificate", None)
    assert "Its CTDL class (ceterms:Credential) says no more than credential" in record["verification"]["note"]


def cost(name: str | None, price: object, cost_type: str) -> dict[str, Any]:
    profile: dict[str, Any] = {
        "@type": "ceterms:CostProfile",
        "ceterms:price": price,
        "ceterms:currency": "US Dollar",
        "ceterms:directCostType": [
            {"@type": "ceterms:CredentialAlignmentObject", "ceterms:targetNode": f"costType:{cost_type}"}
        ],
    }
    if name is not None:
        profile["ceterms:name"] = {"en-US": name}
    return profile


def test_cost_types_are_kept_and_placeholder_names_ignored(tmp_path: Path) -> None:
    costs = [
        cost("Cost Profile", 3533.68, "Tuition"),
        cost("Cost Profile", 97.12, "ProgramSpecificFee"),
        cost("Clinical placement fee", 120, "ProgramSpecificFee"),
        cost(None, 100, "Application"),
    ]
    record = one(tmp_path, wgu(ceterms_estimatedCost=costs))
    assert record["currency"] == "USD"
    assert [(f["label"], f["amount"], f["type"]) for f in record["costs"]] == [
        ("Tuition", 3533.68, "Tuition"),
        ("Program Specific Fee", 97.12, "ProgramSpecificFee"),
        ("Clinical placement fee", 120, "ProgramSpecificFee"),
        ("Application", 100, "Application"),
    ]


@pytest.mark.parametrize(
    ("price", "kept"),
    [
        ("1,234.50", {"amount": 1234.5}),
        (19.99, {"amount": 19.99}),
        ("1,50", {"note": "The record gives the price '1,50', which is not a number certfind can read."}),
        ("1.234,56", {"note": "The record gives the price '1.234,56', which is not a number certfind can read."}),
        (0.004, {"note": "The record gives 0.004, which is not a whole number of cents."}),
        (1e-7, {"note": "The record gives 1e-07, which is not a whole number of cents."}),
        (1e308, {"note": "The record gives 1e+308, which is not a usable amount."}),
    ],
    ids=str,
)
def test_a_price_is_kept_only_when_it_is_a_sure_amount(tmp_path: Path, price: object, kept: dict[str, object]) -> None:
    record = one(tmp_path, wgu(ceterms_estimatedCost=[cost("Exam", price, "Application")]))
    [fee] = record["costs"]
    assert {k: fee[k] for k in ("amount", "note") if fee.get(k) is not None} == kept  # never a decimal comma misread


def duration(**terms: str) -> list[dict[str, Any]]:
    return [{"@type": "ceterms:DurationProfile", **{f"ceterms:{k}": v for k, v in terms.items()}}]


@pytest.mark.parametrize(
    ("profile", "expected"),
    [
        ({"timeRequired": "PT1656H"}, {"hours": 1656}),
        ({"exactDuration": "PT96H"}, {"hours": 96}),
        ({"exactDuration": "P6M", "timeRequired": "PT50H"}, {"min_months": 6, "max_months": 6, "hours": 50}),
        ({"exactDuration": "P2Y"}, {"min_months": 24, "max_months": 24}),
        (
            {"minimumDuration": "P8W", "maximumDuration": "P12W"},
            {"min_months": 1.84, "max_months": 2.76, "note": "The record gives 8 weeks to 12 weeks."},
        ),
        ({"minimumDuration": "PT80H", "maximumDuration": "PT96H"}, {"note": "The record gives 80 to 96 hours."}),
    ],
)
def test_hours_are_hours_of_effort_never_calendar_months(
    tmp_path: Path, profile: dict[str, str], expected: dict[str, Any]
) -> None:
    record = one(tmp_path, wgu(ceterms_estimatedDuration=duration(**profile)))
    assert record["duration"] == expected


def test_an_occupation_given_as_a_link_keeps_its_code(tmp_path: Path) -> None:
    onet = {
        "@type": "ceterms:CredentialAlignmentObject",
        "ceterms:targetNode": {"@id": "http://www.onetonline.org/link/summary/11-9199.07"},
        "ceterms:targetNodeName": "Security Managers",
    }
    assert one(tmp_path, wgu(ceterms_occupationType=[onet]))["occupations"] == ["11-9199"]


def test_other_languages_are_left_out_and_said_so(tmp_path: Path) -> None:
    record = wgu(
        ceterms_name={"ar-SA": "بكالوريوس المحاسبة", "en": "Bachelor of Science, Accounting"},
        ceterms_description={"ar-SA": "وصف", "en": "A degree in accounting for working adults."},
        ceterms_inLanguage=["ar-SA", "en"],
    )
    [found], stderr = imported(write(tmp_path, record))
    assert (found["name"], found["language"]) == ("Bachelor of Science, Accounting", "en")
    assert found["summary"] == "A degree in accounting for working adults."
    assert f"{WGU_CTID}: text in ar-SA left out (kept en)" in stderr


@pytest.mark.parametrize(("given", "language"), [("English", "en"), ("EN-us", "en-US"), ("Klingon", "en-US")])
def test_a_language_given_by_name_becomes_its_tag(tmp_path: Path, given: str, language: str) -> None:
    # WGU's text is tagged en-US; a declared language that is no tag nor a known name is left aside
    assert one(tmp_path, wgu(ceterms_inLanguage=given))["language"] == language


def test_a_language_tag_the_catalog_cannot_hold_is_left_out(tmp_path: Path) -> None:
    record = one(tmp_path, wgu(ceterms_name={"i-klingon": "Qapla"}, ceterms_inLanguage=None))
    assert (record["name"], "language" in record) == ("Qapla", False)


@pytest.mark.parametrize(
    ("given", "ctid"),
    [
        ("CE-B75970C9-D352-46A0-B67D-3256C9CDBB31", WGU_CTID),
        ("urn:ctid:b75970c9-d352-46a0-b67d-3256c9cdbb31", WGU_CTID),
        ("not-a-ctid", None),
    ],
)
def test_ctids_in_the_registrys_own_spelling(tmp_path: Path, given: str, ctid: str | None) -> None:
    assert one(tmp_path, wgu(ceterms_ctid=given)).get("ctid") == ctid


def test_marks_and_double_spaces_in_a_name_are_kept(tmp_path: Path) -> None:
    assert one(tmp_path, wgu(ceterms_name={"en": "NBCOT®  Certified"}))["name"] == "NBCOT®  Certified"


# --- one record, one entry ------------------------------------------------------------------------------


def test_the_same_credential_twice_is_merged_by_ctid(tmp_path: Path) -> None:
    path = write(tmp_path, wgu())
    records, stderr = imported(path, path)
    assert [r["id"] for r in records] == [WGU_CTID]
    assert f"{WGU_CTID}: given more than once; merged into one entry" in stderr


def test_two_shapes_of_one_credential_are_one_entry() -> None:
    here = Path(__file__).resolve().parent.parent / "fixtures" / "ctdl"
    records, _ = imported(str(here / "provisional-mba-graph.json"), str(here / "registry-seed-credential-graph.json"))
    assert [r["id"] for r in records] == ["ce-53bc7e5d-d39c-4687-ac89-0474f691055d"]


def test_a_record_does_not_take_a_bundled_entrys_id(tmp_path: Path) -> None:
    exported = {**wgu(ceterms_ctid=None), "@id": "urn:certfind:lssc"}
    records, stderr = imported(write(tmp_path, exported))
    assert records[0]["id"] == "bachelor-of-science-accounting-bsacc-202503"
    assert "urn:certfind:lssc: lssc is the id of a bundled entry; imported under another id" in stderr


def test_a_ctid_that_is_a_reserved_id_is_not_taken() -> None:
    found = import_documents([("a.json", wgu())], TODAY, reserved={WGU_CTID})
    assert [r["id"] for r in found.records] == ["bachelor-of-science-accounting-bsacc-202503"]
    assert found.records[0]["ctid"] == WGU_CTID


def test_a_credential_a_graph_only_points_at_is_not_imported() -> None:
    here = Path(__file__).resolve().parent.parent / "fixtures" / "ctdl"
    records, _ = imported(str(here / "detailed-record-graph.json"))
    assert [r["name"] for r in records] == ["My Certification Name"]
    assert records[0]["eligibility"][-2:] == [
        "Complete the learning opportunity Another required learning opportunity (external)",  # named in the graph
        "Complete the learning opportunity the record links to:"
        " https://sandbox.credentialengineregistry.org/resources/ce-ccd00a32-d5ad-41e7-b14c-5c096bc9eea0",
    ]


def test_links_to_unnamed_courses_are_one_line(tmp_path: Path) -> None:
    record = one(tmp_path, wgu())
    assert record["eligibility"] == [
        "Requires: The learner must have satisfied the indicated learning opportunities, or an approved"
        " equivalent, in order to be awarded the credential.",
        "Complete the 40 learning opportunities the record lists (named in no file read)",
    ]


def test_the_old_vocabulary_address_and_schema_name_are_read(tmp_path: Path) -> None:
    old = {
        "@context": {"ceterms": "http://purl.org/ctdl/terms/", "schema": "http://schema.org/"},
        "@type": "ceterms:Certificate",
        "@id": "urn:ctid:14525AEA-57C5-4F5A-8F1C-BDC95C7F8B9B",
        "ceterms:ctid": "urn:ctid:14525AEA-57C5-4F5A-8F1C-BDC95C7F8B9B",
        "schema:name": "Pre-CTDL Certificate",
    }
    record = one(tmp_path, old)
    assert (record["id"], record["name"], record["kind"]) == (
        "ce-14525aea-57c5-4f5a-8f1c-bdc95c7f8b9b",
        "Pre-CTDL Certificate",
        "certificate",
    )


def test_a_region_comes_from_the_jurisdiction_or_else_the_address(tmp_path: Path) -> None:
    texas = {"@type": "ceterms:Place", "ceterms:addressRegion": {"en-US": "Texas"}, "ceterms:addressCountry": "US"}
    office = {"@type": "ceterms:Place", "ceterms:addressRegion": "MD", "ceterms:addressCountry": "United States"}
    jurisdiction = [{"@type": "ceterms:JurisdictionProfile", "ceterms:mainJurisdiction": [texas]}]
    both = one(tmp_path, wgu(ceterms_jurisdiction=jurisdiction, ceterms_availableAt=[office]))
    address = one(tmp_path, wgu(ceterms_availableAt=[office]))
    assert (both["region"], address["region"]) == (["US-TX"], ["US-MD"])


def test_read_files_is_the_library_call_of_the_command(tmp_path: Path) -> None:
    path = write(tmp_path, wgu())
    found = ctdl.read_files([path], TODAY)
    assert [r["id"] for r in found.records] == [WGU_CTID]
    assert ctdl.describe_unmapped({"ceterms:naics": 1, "ceterms:accreditedBy": 2}) == (
        "not mapped: ceterms:accreditedBy (2 records), ceterms:naics (1 record)"
    )


def test_a_nul_in_a_record_is_dropped_so_the_import_stays_a_catalog(tmp_path: Path) -> None:
    record = one(tmp_path, wgu(ceterms_name={"en-US": "Bachelor\u0000 of Science"}))
    assert record["name"] == "Bachelor of Science"
