"""The catalog YAML import prints: certfind reads it back as the same records, whatever the text, and no
control, bidi or invisible character is ever written raw (they travel as escapes, as in JSON)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from certfind import ctdl, paths
from certfind.catalogfile import schema, yamlread
from certfind.ctdl.importer import import_documents
from certfind.errors import CatalogError
from certfind.model import Record
from certfind.text import visible
from tests.ctdl.support import record_path
from tests.support import TODAY


def parse_catalog(text: str, path: str = "imported.yaml") -> tuple[list[Record], list[str]]:
    """What certfind's own reader makes of a catalog text: its records and its problems."""
    records: list[Record] = []
    doc = schema.DocumentChecker(path, lambda found: records.append(found.record))
    root, duplicates = yamlread.parse(text, path, doc.entry)
    return records, [str(p) for p in [*duplicates, *doc.finish(root)]]


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
    assert parse_catalog(text) == (records, [])


TRICKY = [
    *("yes", "No", "on", "null", "~", "true", "1e3", "0x1F", ".inf", "2024-01-01", "12:30", "- item", "a: b"),
    *("x #y", "#x", "[a]", "{a}", "'q'", '"q"', "\\", "tab\there", "line\nbreak", "\u2028", "\ufeff", "\x85"),
    *("trailing ", " leading", "&anchor", "*alias", "!tag", "%", "@", "`", "|", ">", "?", ":", "-", "=", "<<"),
    *("evil\u202etxt.exe", "zero\u200bwidth", "joiner\u200d", "\u2066isolate\u2069", "tag\U000e0041"),
]


@settings(max_examples=200, deadline=None)
@given(
    text=st.sampled_from(TRICKY) | st.text(st.characters(codec="utf-8", exclude_characters="\x00"), min_size=1),
    ascii_only=st.booleans(),
)
def test_to_yaml_keeps_any_text_exactly(text: str, ascii_only: bool) -> None:
    record: Record = {"id": "demo", "name": "Demo", "issuer": "Someone", "category": "library", "summary": text}
    read_back, problems = parse_catalog(ctdl.to_yaml([record], ascii_only=ascii_only))
    if visible(text).strip():
        assert (read_back, problems) == ([record], [])
    else:  # the validator refuses a summary of only invisible characters; the text still parses
        assert read_back == []
        assert len(problems) == 1


@pytest.mark.parametrize("ascii_only", [False, True])
def test_a_lone_surrogate_is_written_as_the_replacement_character(ascii_only: bool) -> None:
    record: Record = {"id": "demo", "name": "Demo", "issuer": "Someone", "category": "library", "summary": "A \ud800 B"}
    read_back, problems = parse_catalog(ctdl.to_yaml([record], ascii_only=ascii_only))
    assert (read_back, problems) == ([{**record, "summary": "A \ufffd B"}], [])


@pytest.mark.parametrize(
    ("text", "escape"),
    [
        ("evil\u202etxt.exe", "\\u202e"),
        ("zero\u200bwidth", "\\u200b"),
        ("\u2066isolate\u2069", "\\u2066"),
        ("bom\ufeffinside", "\\ufeff"),
        ("soft\u00adhyphen", "\\xad"),
        ("tag\U000e0041", "\\U000e0041"),
    ],
)
def test_bidi_controls_and_invisible_characters_are_escaped_as_json_escapes_them(text: str, escape: str) -> None:
    record: Record = {"id": "demo", "name": text, "issuer": "Someone", "category": "library", "summary": "A demo."}
    yaml_text = ctdl.to_yaml([record])
    line = next(line for line in yaml_text.splitlines() if line.startswith("    name: "))
    assert escape in line
    assert visible(line) == line  # nothing invisible written raw
    assert visible(ctdl.to_json([record])) == ctdl.to_json([record])  # as in JSON
    assert parse_catalog(yaml_text) == ([record], [])


def test_an_imported_name_with_a_bidi_override_is_escaped_in_the_printed_catalog() -> None:
    record = json.loads(record_path("wgu-bs-accounting-resource.json").read_text(encoding="utf-8"))
    record["ceterms:name"] = {"en-US": "Accounting\u202e etalpmet"}
    found = import_documents([("x.json", record)], TODAY)
    text = ctdl.output(found.records, "yaml", files=["x.json"], today=TODAY, encoding="utf-8")
    assert '    name: "Accounting\\u202e etalpmet"\n' in text
    assert "\u202e" not in text
    assert parse_catalog(text) == (found.records, [])


@pytest.mark.parametrize("fmt", ["yaml", "json"])
def test_output_for_a_terminal_that_cannot_show_the_text_is_escaped_not_changed(fmt: str) -> None:
    records = ctdl.read_files([str(record_path("nbcot-cota-import.json"))], TODAY).records
    wide = ctdl.output(records, fmt, encoding="utf-8")
    narrow = ctdl.output(records, fmt, encoding="ascii")
    assert not wide.isascii()
    assert narrow.isascii()
    if fmt == "json":
        assert json.loads(narrow) == json.loads(wide) == {"schema_version": 1, "certifications": records}
    assert parse_catalog(narrow) == parse_catalog(wide) == (records, [])  # a catalog, in either format


def test_an_empty_import_is_still_a_catalog() -> None:
    assert parse_catalog(ctdl.to_yaml([])) == ([], [])


def test_the_header_comment_cannot_be_broken_by_a_file_name() -> None:
    text = ctdl.to_yaml([], files=["evil\nschema_version: 2.json"], today=date(2026, 1, 2))
    assert text.splitlines()[0] == "# Imported from evil schema_version: 2.json on 2026-01-02; review before use."
    assert parse_catalog(text) == ([], [])


# --- any record, however odd, gives entries certfind accepts -------------------------------------------

JSON_SCALARS = st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=30)
PROFILE_KEYS = st.sampled_from(
    [
        *("@id", "@type", "en", "en-US", "@value", "@language", "ceterms:name", "ceterms:description"),
        *("ceterms:price", "ceterms:currency", "ceterms:targetNode", "ceterms:targetNodeName"),
        *("ceterms:codedNotation", "ceterms:exactDuration", "ceterms:timeRequired", "ceterms:addressRegion"),
        *("ceterms:addressCountry", "ceterms:mainJurisdiction", "ceterms:audienceType", "ceterms:condition"),
        *("ceterms:yearsOfExperience", "ceterms:paymentPattern", "certfind:count", "certfind:everyYears"),
        "ceterms:directCostType",
    ]
)
CTDL_VALUES = st.recursive(
    JSON_SCALARS
    | st.sampled_from(["P1Y", "PT40H", "P8W", "US Dollar", "audience:Member", "costType:Tuition", "15-1232.00", "$"]),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(PROFILE_KEYS, inner, max_size=4),
    max_leaves=10,
)
TOP_KEYS = st.sampled_from(
    [
        *("ceterms:name", "ceterms:ctid", "ceterms:description", "ceterms:ownedBy", "ceterms:offeredBy"),
        *("ceterms:subjectWebpage", "ceterms:estimatedCost", "ceterms:estimatedDuration", "ceterms:renewal"),
        *("ceterms:renewalFrequency", "ceterms:requires", "ceterms:recommends", "ceterms:occupationType"),
        *("ceterms:keyword", "ceterms:subject", "ceterms:jurisdiction", "ceterms:availableAt", "ceterms:inLanguage"),
        *("ceterms:alternateName", "ceterms:credentialStatusType", "certfind:acronym", "certfind:kind", "@id"),
    ]
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    props=st.dictionaries(TOP_KEYS, CTDL_VALUES, max_size=8),
    ctdl_type=st.sampled_from(["ceterms:Badge", "ceterms:Credential", "ceterms:Certification", "ceterms:MasterDegree"]),
)
@example(props={"ceterms:name": "0\U000e0000"}, ctdl_type="ceterms:Badge")  # JSON's surrogate pair, read back
def test_any_credential_record_maps_to_entries_the_validator_accepts(props: dict[str, object], ctdl_type: str) -> None:
    node = {"@type": ctdl_type, **props}
    documents = [(f"{n}.json", json.loads(json.dumps(node))) for n in range(2)]
    try:
        records = import_documents(documents, TODAY).records
    except CatalogError as exc:  # not JSON-LD: refused with the reason
        refused = [p.message for p in exc.problems]
        records = []
    else:
        refused = []
    if refused:
        assert all(message.startswith(("not valid JSON-LD", "its @context")) for message in refused), refused
        return
    assert 1 <= len(records) <= 2  # two with one CTID are merged
    assert len({r["id"] for r in records}) == len(records)
    assert parse_catalog(ctdl.to_yaml(records, files=["x.json"], today=TODAY)) == (records, [])
    assert json.loads(ctdl.to_json(records))["certifications"] == records
    assert parse_catalog(ctdl.to_json(records), "imported.json") == (records, [])
