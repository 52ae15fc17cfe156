"""`certfind import` as a user meets it: stdout, stderr and exit code together, for good files and bad."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from certfind import ctdl
from certfind.errors import CatalogError
from tests.ctdl.support import FIXTURES, record_path
from tests.ctdl.test_yaml import parse_catalog
from tests.support import TODAY, cli

NBCOT = record_path("nbcot-cota-import.json")
DETAILED = record_path("detailed-record-graph.json")
SEED = record_path("registry-seed-credential-graph.json")
NO_CREDENTIAL = "no CTDL credential found (expected a credential record, an @graph document or a registry envelope)"


def test_the_yaml_is_a_catalog_with_a_header_that_says_what_it_is() -> None:
    run = cli("import", str(NBCOT))
    assert run.code == 0
    assert run.out.startswith(
        f"# Imported from {NBCOT} on {TODAY.isoformat()}; review before use.\n"
        "# Every entry is unverified: check it against the issuer's own pages before you rely on it.\n"
        "# Summaries and notes are the record's own first sentences: put them in your own words.\n"
        "schema_version: 1\ncertifications:\n  - id: ce-1a4ab486-8212-4708-b7d5-c5167fdd2b47\n"
    )
    assert run.err.splitlines()[-1].startswith("certfind import: not mapped: ceterms:audienceLevelType (1 record), ")


def test_unmapped_properties_are_reported_once_each_across_files() -> None:
    run = cli("import", str(DETAILED), str(SEED), str(NBCOT))
    assert run.code == 0, run.err
    line = run.err.splitlines()[-1]
    assert line.startswith("certfind import: not mapped: ")
    reported = line.removeprefix("certfind import: not mapped: ").split(", ")
    names = [item.split(" (")[0] for item in reported]
    assert len(names) == len(set(names))
    assert "ceterms:accreditedBy (2 records)" in reported  # in the detailed record and the seed graph
    assert "ceterms:regulatedBy (1 record)" in reported
    assert not any(name.startswith("ceterms:inLanguage") for name in names)  # read now


def test_json_output_is_the_same_records_as_the_yaml() -> None:
    paths = [str(p) for p in sorted(FIXTURES.glob("*.json"))]
    as_json = cli("import", *paths, "--format", "json")
    as_yaml = cli("import", *paths)
    assert (as_json.code, as_yaml.code) == (0, 0)
    assert as_json.err == as_yaml.err != ""
    records = json.loads(as_json.out)["certifications"]
    assert len(records) == 8  # nine files; two give the same credential (merged by CTID)

    assert parse_catalog(as_yaml.out) == (records, [])


def test_a_file_without_a_credential_is_skipped_with_a_warning_when_others_have_one(tmp_path: Path) -> None:
    org = tmp_path / "org.json"
    org.write_text(json.dumps({"@type": "ceterms:CredentialOrganization", "ceterms:name": "A body"}), encoding="utf-8")
    run = cli("import", str(org), str(NBCOT), "--format", "json")
    assert run.code == 0
    assert [r["name"] for r in json.loads(run.out)["certifications"]] == [
        "Certified Occupational Therapy Assistant (COTA®)"
    ]
    assert run.err.splitlines()[0] == f"certfind import: {org}: {NO_CREDENTIAL}; skipped"


def test_bad_json_is_reported_at_its_line_and_column(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{\n  "@type": "ceterms:Certification",\n  "ceterms:name": "x",,\n}\n', encoding="utf-8")
    run = cli("import", str(path))
    assert (run.code, run.out, run.err) == (
        3,
        "",
        f"{path}:3:23: invalid JSON: Expecting property name enclosed in double quotes\n",
    )


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"", "the file is empty; expected CTDL JSON-LD"),
        (b"\xef\xbb\xbf \n", "the file is empty; expected CTDL JSON-LD"),
        (b'{"@type": "ceterms:CredentialOrganization", "ceterms:name": "A body"}', NO_CREDENTIAL),
        (b'{"@graph": []}', NO_CREDENTIAL),
        (b"[1, 2, 3]", NO_CREDENTIAL),
        (b'{"data": [], "total": 0}', NO_CREDENTIAL),
        (b'{"https://purl.org/ctdl/terms/name": "expanded, but no class"}', NO_CREDENTIAL),
    ],
    ids=["empty", "bom-only", "organization", "empty-graph", "numbers", "empty-search", "no-class"],
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
    assert (run.code, run.out, run.err) == (3, "", f"{path}:2:22: not UTF-8 text (byte 0xe9); save the file as UTF-8\n")


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
    assert run.err == "certfind: unknown --format value 'csv'. Valid values: yaml, json\n"


def test_read_files_raises_a_catalog_error_with_the_file() -> None:
    with pytest.raises(CatalogError) as caught:
        ctdl.read_files([str(FIXTURES / "README.md")], TODAY)
    assert caught.value.lines() == [f"{FIXTURES / 'README.md'}:1:1: invalid JSON: Expecting value"]


def test_import_on_an_ascii_terminal_prints_escapes_not_a_traceback() -> None:
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    done = subprocess.run(
        [sys.executable, "-m", "certfind", "import", str(NBCOT)], capture_output=True, env=env, timeout=60, check=False
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.isascii()
    assert b"certificant\\u2019s" in done.stdout
    assert b"COTA\\xae" in done.stdout
    assert done.stderr.splitlines()[-1].startswith(b"certfind import: not mapped: ")


def test_a_large_dump_imports_every_record(tmp_path: Path) -> None:
    """A bulk file of envelopes: each record is expanded on its own and let go of once read."""
    wgu = json.loads(record_path("wgu-bs-accounting-resource.json").read_text(encoding="utf-8"))
    ctids = [f"ce-00000000-0000-4000-8000-{n:012d}" for n in range(300)]
    dump = [
        {
            "envelope_type": "resource_data",
            "decoded_resource": {**wgu, "@id": f"urn:ctid:{ctid[3:]}", "ceterms:ctid": ctid},
        }
        for ctid in ctids
    ]
    path = tmp_path / "dump.json"
    path.write_text(json.dumps(dump), encoding="utf-8")
    found = ctdl.read_files([str(path)], TODAY)
    assert [r["id"] for r in found.records] == ctids


def test_a_registry_export_has_only_ctdls_terms_and_says_what_each_record_lacks() -> None:
    run = cli("show", "lssc", "--registry")
    assert run.code == 0
    document = json.loads(run.out)

    def keys(value: object) -> set[str]:
        if isinstance(value, dict):
            return set(value) | {k for v in value.values() for k in keys(v)}
        return {k for v in value for k in keys(v)} if isinstance(value, list) else set()

    assert not {key for key in keys(document) if key.startswith("certfind:")}
    assert json.loads(run.out)["@graph"][0]["ceterms:name"] == {"en-US": "Library Support Staff Certification"}
    assert run.err == (
        "registry: lssc lacks ceterms:ctid (certfind makes none up); "
        "ceterms:credentialStatusType (the status is unknown)\n"
        "certfind: 1 of 1 records lack what the Registry requires: as they are, they cannot be published to it\n"
    )
    listed = cli("list", "--registry")
    assert listed.code == 0
    assert len(json.loads(listed.out)["@graph"]) > 100
    assert listed.err.endswith("records lack what the Registry requires: as they are, they cannot be published to it\n")


@pytest.mark.parametrize("other", [["--format", "json"], ["--json", "id"], ["--format", "table"]])
def test_a_registry_export_with_another_format_is_a_usage_error(other: list[str]) -> None:
    run = cli("list", "--registry", *other)
    assert (run.code, run.out) == (2, "")
    assert run.err == "certfind: --registry writes CTDL for the Credential Registry; it goes with --format ctdl only\n"


def test_import_prints_bidi_and_invisible_characters_as_escapes(tmp_path: Path) -> None:
    name = "Fee waived \u202e0001$ :eef \u2066x\u2069 \u200b"
    record = {
        "@context": "https://credreg.net/ctdl/schema/context/json",
        "@type": "ceterms:Certification",
        "ceterms:ctid": "ce-00000000-0000-0000-0000-000000000001",
        "ceterms:name": name,
        "ceterms:description": "A credential.",
    }
    path = tmp_path / "bidi.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    for fmt in ("yaml", "json"):
        run = cli("import", str(path), "--format", fmt)
        assert run.code == 0, run
        assert not any(ch in run.out + run.err for ch in "\u202e\u2066\u2069\u200b")
        assert "\\u202e0001$ :eef \\u2066x\\u2069 \\u200b" in run.out


def test_an_import_too_big_to_be_a_catalog_prints_nothing_and_says_what_to_do(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("certfind.ctdl.yamlout.MAX_BYTES", 2048)  # as if a catalog could hold no more than 2 KiB
    run = cli("import", str(NBCOT))
    assert (run.code, run.out) == (3, "")
    said, todo = run.err.splitlines()[-2:]  # after the record's own warnings
    assert said.startswith("certfind: 1 credential makes a catalog of ")
    assert said.endswith(" KiB, more than the 2.0 KiB a catalog may hold; nothing was printed")
    assert todo == "import fewer files at a time, into catalogs of their own"
