"""`--format ctdl` (ctdl.export): CTDL JSON-LD that says what it is and invents nothing, a registry mode with
CTDL's terms only, what the Registry's minimum data still lacks, and export then import of the bundled
catalog giving back the same entries on the key fields."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pyld import jsonld

from certfind import catalog, ctdl, paths
from certfind.ctdl.importer import import_documents
from certfind.ctdl.jsonld import document_loader
from certfind.ctdl.writer import subject_page
from certfind.model import Certification, Duration, Fee, Renewal, Source, Verification, from_record
from certfind.text import visible
from tests.ctdl.support import record_path
from tests.support import TODAY, cli

TERMS = "https://purl.org/ctdl/terms/"


def bundled() -> list[Certification]:
    return list(catalog.load(str(paths.bundled_catalog()), use_cache=False))


def exported() -> list[Certification]:
    return [c for c in bundled() if c.verification.status != "not-found"]


def expand(document: dict[str, Any]) -> tuple[list[dict[str, Any]], list[str]]:
    dropped: list[str] = []
    expanded = jsonld.expand(
        json.loads(json.dumps(document)), {"documentLoader": document_loader()}, on_property_dropped=dropped.append
    )
    return expanded, dropped


def credentials(document: dict[str, Any]) -> list[dict[str, Any]]:
    return [node for node in document["@graph"] if node["@type"] != "ceterms:CredentialOrganization"]


def demo(**fields: Any) -> Certification:
    base: dict[str, Any] = {
        "id": "demo",
        "name": "Demo",
        "issuer": "Demo Society",
        "category": "library",
        "summary": "A demonstration credential.",
    }
    return Certification(**{**base, **fields})


# --- what the export says ----------------------------------------------------------------------------


def test_list_format_ctdl_is_json_ld_whose_every_property_expands() -> None:
    run = cli("list", "--format", "ctdl")
    assert (run.code, run.err) == (0, "")
    document = json.loads(run.out)
    assert document["@context"] == ["https://credreg.net/ctdl/schema/context/json", {"certfind": ctdl.CERTFIND_NS}]
    expanded, dropped = expand(document)
    assert dropped == []
    nodes = {node["@id"]: node for node in expanded}
    assert {f"urn:certfind:{c.id}" for c in exported()} <= set(nodes)
    cpla = nodes["urn:certfind:cpla"]
    prices = {
        (p[TERMS + "name"][0]["@value"], p.get(TERMS + "price", [{"@value": None}])[0]["@value"])
        for p in cpla[TERMS + "estimatedCost"]
    }
    assert ("Application", 350) in prices  # the corrected non-member fee
    assert not any(node.get(ctdl.CERTFIND_NS + "verificationStatus") == [{"@value": "not-found"}] for node in expanded)


def test_every_credential_says_its_language() -> None:
    assert all(node["ceterms:inLanguage"] == ["en-US"] for node in credentials(ctdl.export(exported())))
    french = demo(language="fr-CA", name="Technicien en documentation")
    [node] = credentials(ctdl.export([french]))
    assert node["ceterms:inLanguage"] == ["fr-CA"]
    assert node["ceterms:name"] == {"fr-CA": "Technicien en documentation"}


def test_countries_are_iso_3166_alpha_2_codes() -> None:
    [node] = credentials(ctdl.export([demo(region=("US-TX", "CA"))]))
    places = node["ceterms:jurisdiction"][0]["ceterms:mainJurisdiction"]
    assert [(p["ceterms:addressCountry"], p.get("ceterms:addressRegion")) for p in places] == [
        ({"en-US": "US"}, {"en-US": "Texas"}),
        ({"en-US": "CA"}, None),
    ]
    for node in credentials(ctdl.export(exported())):
        for profile in node.get("ceterms:jurisdiction", []):
            for place in profile["ceterms:mainJurisdiction"]:
                assert len(place["ceterms:addressCountry"]["en-US"]) == 2


def test_organisation_ids_do_not_depend_on_the_order_of_the_output() -> None:
    def owners(*args: str) -> dict[str, str]:
        run = cli(*args, "--format", "ctdl")
        assert run.code == 0
        return {node["@id"]: node["ceterms:ownedBy"][0] for node in credentials(json.loads(run.out))}

    by_name = owners("list")
    by_cost = owners("list", "--sort", "cost")
    assert by_name == by_cost
    searched = owners("search", "cataloging")
    assert all(by_name[ident] == owner for ident, owner in searched.items())
    lssc = by_name["urn:certfind:lssc"]
    assert lssc.startswith("_:org-ala-allied-professional-association-")


def test_an_owner_known_only_by_its_uri_is_referred_to_and_never_described() -> None:
    owner = "https://credentialengineregistry.org/resources/ce-036d082d-d80e-41a7-99a0-2d63a4ad3a4a"
    document = ctdl.export([demo(issuer="", issuer_id=owner)])
    assert document["@graph"][0]["ceterms:ownedBy"] == [owner]
    assert len(document["@graph"]) == 1  # no organisation node
    named = ctdl.export([demo(issuer_id=owner)])
    assert named["@graph"][1] == {
        "@id": owner,
        "@type": "ceterms:CredentialOrganization",
        "ceterms:name": {"en-US": "Demo Society"},
    }


def test_an_import_of_a_record_that_names_no_owner_exports_no_organisation() -> None:
    [record] = ctdl.read_files([str(record_path("nbcot-cota-import.json"))], TODAY).records
    document = ctdl.export([from_record(record)])
    [node] = document["@graph"]
    assert "ceterms:ownedBy" not in node
    assert "Not named in the record" not in json.dumps(document)


def test_no_cost_type_is_guessed_from_a_label() -> None:
    fees = (
        Fee("Tuition (example: TAFE Queensland full fee)", 349000, 349000),
        Fee("Exam", 10000, 10000, type="StandaloneAssessment"),
    )
    [node] = credentials(ctdl.export([demo(costs=fees)]))
    profiles = node["ceterms:estimatedCost"]
    assert "ceterms:directCostType" not in profiles[0]
    assert profiles[1]["ceterms:directCostType"]["ceterms:targetNode"] == "costType:StandaloneAssessment"


def test_nothing_is_made_up_for_an_imported_record() -> None:
    """No registry address, CTID or web page the record did not give."""
    record = json.loads(record_path("wgu-bs-accounting-resource.json").read_text(encoding="utf-8"))
    publisher = {
        **{k: v for k, v in record.items() if k not in ("ceterms:subjectWebpage", "ceterms:ctid")},
        "@id": "https://www.wgu.edu/ctdl/bs-accounting.json",
    }
    [imported] = import_documents([("p.json", publisher)], TODAY).records
    [node] = credentials(ctdl.export([from_record(imported)]))
    assert node["@id"] == "https://www.wgu.edu/ctdl/bs-accounting.json"
    assert "ceterms:ctid" not in node
    assert "ceterms:subjectWebpage" not in node
    assert "credentialengineregistry.org/resources/ce-b759" not in json.dumps(node)


def test_a_record_whose_id_is_no_web_address_gets_no_made_up_one() -> None:
    record = json.loads(record_path("wgu-bs-accounting-resource.json").read_text(encoding="utf-8"))
    record["@id"] = "urn:ctid:b75970c9-d352-46a0-b67d-3256c9cdbb31"
    [imported] = import_documents([("r.json", record)], TODAY).records
    [node] = credentials(ctdl.export([from_record(imported)]))
    assert node["@id"] == "_:ce-b75970c9-d352-46a0-b67d-3256c9cdbb31"  # a blank node: no address is claimed
    assert node["ceterms:ctid"] == "ce-b75970c9-d352-46a0-b67d-3256c9cdbb31"


def test_an_imported_record_keeps_its_own_address_and_ctid() -> None:
    [record] = ctdl.read_files([str(record_path("nbcot-cota-import.json"))], TODAY).records
    [node] = credentials(ctdl.export([from_record(record)]))
    assert node["ceterms:ctid"] == "ce-1a4ab486-8212-4708-b7d5-c5167fdd2b47"
    assert node["@id"] == "http://lr-staging.learningtapestry.com/resources/ce-1A4AB486-8212-4708-B7D5-C5167FDD2B47"
    assert node["ceterms:subjectWebpage"] == "http://www.nbcot.org/certificants"


@pytest.mark.parametrize(
    ("status", "term", "own"),
    [
        ("active", "Active", None),
        ("teach-out", "TeachOut", None),
        ("deprecated", "Deprecated", None),
        ("discontinued", "Deprecated", "discontinued"),
        ("unknown", None, None),
    ],
)
def test_statuses_export_as_ctdls_and_import_back(status: str, term: str | None, own: str | None) -> None:
    document = ctdl.export([demo(status=status)])
    [node] = credentials(document)
    given = node.get("ceterms:credentialStatusType", {}).get("ceterms:targetNode")
    assert (given, node.get("certfind:status")) == (None if term is None else f"credentialStat:{term}", own)
    [again] = import_documents([("x.json", document)], TODAY).records
    assert again["status"] == status


def test_hours_of_effort_and_elapsed_time_export_apart() -> None:

    [node] = credentials(ctdl.export([demo(duration=Duration(1.84, 2.76, hours=50))]))
    assert node["ceterms:estimatedDuration"] == [
        {
            "@type": "ceterms:DurationProfile",
            "ceterms:minimumDuration": "P8W",
            "ceterms:maximumDuration": "P12W",
            "ceterms:timeRequired": "PT50H",
        }
    ]


# --- the registry export -----------------------------------------------------------------------------


def test_the_registry_export_has_ctdls_terms_only() -> None:
    document = ctdl.export(bundled(), registry=True)
    assert document["@context"] == "https://credreg.net/ctdl/schema/context/json"
    assert not [key for key in keys(document) if not key.startswith(("@", "ceterms:"))]
    expanded, dropped = expand(document)
    assert dropped == []
    text = json.dumps(expanded)
    assert ctdl.CERTFIND_NS not in text
    assert len(credentials(document)) == len(exported())


def test_the_registry_export_refers_to_a_known_owner_by_its_uri() -> None:
    owner = "https://credentialengineregistry.org/resources/ce-036d082d-d80e-41a7-99a0-2d63a4ad3a4a"
    document = ctdl.export([demo(issuer_id=owner)], registry=True)
    assert [node["@id"] for node in document["@graph"]] == ["urn:certfind:demo"]
    assert document["@graph"][0]["ceterms:ownedBy"] == [owner]


def test_registry_gaps_say_per_entry_what_the_minimum_data_lacks() -> None:
    gaps = dict(ctdl.registry_gaps(bundled()))
    assert set(gaps) == {c.id for c in exported()}
    assert gaps["lssc"] == [
        "ceterms:ctid (certfind makes none up)",
        "ceterms:credentialStatusType (the status is unknown)",
    ]
    unknown = {c.id for c in exported() if c.status == "unknown"}
    assert {
        i for i, found in gaps.items() if "ceterms:credentialStatusType (the status is unknown)" in found
    } == unknown
    assert all("ceterms:ctid (certfind makes none up)" in found for found in gaps.values())
    complete = demo(
        ctid="ce-b75970c9-d352-46a0-b67d-3256c9cdbb31",
        issuer_url="https://demo.example.org/",
        sources=(ctdl_source("https://demo.example.org/credential"),),
        ctdl_type="Certification",
    )
    assert ctdl.registry_gaps([complete]) == [("demo", [])]
    generic = demo(kind="degree", summary="Short.")
    assert ctdl.registry_gaps([generic]) == [
        (
            "demo",
            [
                "a specific credential class (the Registry does not publish ceterms:Degree)",
                "ceterms:ctid (certfind makes none up)",
                "ceterms:description of at least 15 characters",
                "the owner's ceterms:subjectWebpage or its CTID (a reference needs one)",
                "ceterms:subjectWebpage (the credential's own page)",
            ],
        )
    ]


def keys(value: Any) -> set[str]:
    """Every key of a JSON value, at any depth (language tags aside)."""
    if isinstance(value, list):
        return set().union(*map(keys, value)) if value else set()
    if not isinstance(value, dict):
        return set()
    found = {k for k in value if ":" in k or k.startswith("@")}
    return found.union(*map(keys, value.values()))


def ctdl_source(url: str) -> Any:

    return Source("Demo: the credential's web page, as the record gives it", url)


# --- export, then import: the same entries ---------------------------------------------------------------


def money(cert: Certification) -> list[tuple[object, ...]]:
    return [(f.min_cents, f.max_cents, f.ranged, f.audience, f.units, f.every_years, f.type) for f in cert.costs]


KEY: dict[str, Callable[[Certification], object]] = {
    "name": lambda c: c.name,
    "class": lambda c: (c.kind, c.ctdl_type),
    "ctid": lambda c: c.ctid,
    "owner": lambda c: (c.issuer, c.issuer_url, c.issuer_id),
    "status": lambda c: c.status,
    "web page": subject_page,
    "costs": lambda c: (c.currency, money(c)),
    "durations": lambda c: None if c.duration is None else c.duration._replace(note=""),
    "occupations": lambda c: c.occupations,
    "language": lambda c: c.language or "en-US",  # certfind's own text is US English
    "more": lambda c: (c.category, c.acronym, c.region, c.renewal.every_years if c.renewal else None),
}


def round_trip() -> list[tuple[Certification, Certification]]:
    certs = exported()
    found = import_documents([("catalog.jsonld", ctdl.export(certs))], TODAY, reserved={c.id for c in certs})
    assert len(found.records) == len(certs)
    return list(zip(certs, (from_record(r) for r in found.records), strict=True))


@pytest.mark.parametrize("field", KEY)
def test_export_then_import_of_the_bundled_catalog_keeps_the_key_field(field: str) -> None:
    changed = [(a.id, KEY[field](a), KEY[field](b)) for a, b in round_trip() if KEY[field](a) != KEY[field](b)]
    assert changed == []


def test_export_then_import_with_the_command_gives_entries_validate_accepts(tmp_path: Path) -> None:
    path = tmp_path / "catalog.jsonld"
    path.write_text(cli("list", "--format", "ctdl").out, encoding="utf-8")
    run = cli("import", str(path))
    assert run.code == 0
    saved = tmp_path / "again.yaml"
    saved.write_text(run.out, encoding="utf-8")
    check = cli("validate", str(saved))
    assert (check.code, check.out, check.err) == (0, f"ok: {len(exported())} certifications in {saved}\n", "")
    records = json.loads(cli("import", str(path), "--format", "json").out)["certifications"]
    assert all(r["verification"] == {"status": "unverified", "note": r["verification"]["note"]} for r in records)
    assert not {r["id"] for r in records} & {c.id for c in bundled()}  # no bundled entry's id is taken


FEES = st.builds(
    lambda label, cents, spread, ranged, audience, units, every, kind: Fee(
        label,
        cents,
        None if cents is None else cents + (spread if ranged else 0),
        audience,
        units,
        every,
        ranged=ranged,
        type=kind,
    ),
    label=st.text(min_size=1, max_size=20).filter(lambda t: visible(t).strip() != ""),
    cents=st.none() | st.integers(0, 10**9),
    spread=st.integers(0, 10**6),
    ranged=st.booleans(),
    audience=st.sampled_from(["all", "member", "non-member"]),
    units=st.integers(1, 50),
    every=st.none() | st.integers(1, 100),
    kind=st.sampled_from(["", "Tuition", "Application", "RenewalFee"]),
)


@settings(max_examples=150, deadline=None)
@given(
    costs=st.lists(FEES, max_size=6),
    currency=st.sampled_from(["USD", "CAD", "GBP", "NZD"]),
    every=st.none() | st.integers(1, 20),
    months=st.none() | st.integers(1, 600).map(lambda n: n / 100),
)
def test_any_fees_and_durations_survive_export_and_import(
    costs: list[Fee], currency: str, every: int | None, months: float | None
) -> None:

    costs = [f._replace(ranged=f.ranged and f.min_cents is not None) for f in costs]
    cert = demo(
        verification=Verification("confirmed", date(2026, 11, 24)),
        currency=currency,
        costs=tuple(costs),
        renewal=None if every is None else Renewal(every),
        duration=None if months is None else Duration(months, months),
    )
    [record] = import_documents([("x.json", ctdl.export([cert]))], TODAY).records
    again = from_record(record)
    assert money(again) == money(cert)
    assert (again.renewal.every_years if again.renewal else None) == every
    assert (again.duration and again.duration._replace(note="")) == cert.duration  # months as given
    if any(f.known for f in costs):
        assert again.currency == currency
