"""JSON-LD: every input is expanded with pyld against the CTDL context bundled with certfind, whose loader
refuses every other URL, so nothing is ever fetched; and pyld is imported only on the import path."""

from __future__ import annotations

import hashlib
import json
import socket
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from pyld import jsonld

from certfind.ctdl import jsonld as ctdl_jsonld
from certfind.ctdl.importer import import_documents
from tests.ctdl.support import RECORDS, in_form, raw, record_path
from tests.support import TODAY, cli

CONTEXT_SHA256 = "ddb6b4586c38df5fa43aa5f6a558de407dd7acdec9bc1329ce790e164bf40db5"
SHARED_CONTEXT = Path(__file__).resolve().parents[3] / "shared" / "fixtures" / "ctdl" / "vocab" / "context.json"


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Every attempt to open a connection or look up a host fails, and is recorded."""
    attempts: list[object] = []

    def refuse(*args: Any, **kwargs: Any) -> Any:
        attempts.append((args, kwargs))
        raise OSError("network use in a test")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    return attempts


def test_the_bundled_context_is_the_ctdl_context_with_its_provenance() -> None:
    data = ctdl_jsonld.CONTEXT_FILE.read_bytes()
    assert hashlib.sha256(data).hexdigest() == CONTEXT_SHA256
    note = (ctdl_jsonld.CONTEXT_FILE.parent / "CONTEXT.md").read_text(encoding="utf-8")
    assert CONTEXT_SHA256 in note
    assert "Apache License 2.0" in note
    assert (
        (ctdl_jsonld.CONTEXT_FILE.parent / "LICENSE-context")
        .read_text(encoding="utf-8")
        .lstrip()
        .startswith("Apache License")
    )
    if SHARED_CONTEXT.exists():  # the shared fixtures sit beside the repository on the developers' machines
        assert SHARED_CONTEXT.read_bytes() == data


@pytest.mark.parametrize(
    "url", ["https://credreg.net/ctdl/schema/context/json", "http://credreg.net/ctdl/schema/context/json/"]
)
def test_the_loader_serves_the_bundled_context_for_ctdls_address(url: str) -> None:
    served = ctdl_jsonld.document_loader()(url, {})
    assert served["document"] == json.loads(ctdl_jsonld.CONTEXT_FILE.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    "url",
    [
        "https://w3id.org/openbadges/v2",
        "https://credreg.net/ctdl/schema/encoding/json",
        "https://credreg.net/ctdl/schema/context/json?x=1",
        "https://example.org/credreg.net/ctdl/schema/context/json",
        "file:///etc/passwd",
        "http://127.0.0.1/context.json",
    ],
)
def test_the_loader_refuses_every_other_url(url: str, no_network: list[object]) -> None:
    refused: list[str] = []
    with pytest.raises(jsonld.JsonLdError):
        ctdl_jsonld.document_loader(refused)(url, {})
    assert refused == [url]
    assert no_network == []


def test_importing_every_record_in_every_form_uses_no_network(no_network: list[object]) -> None:
    for name in RECORDS:
        for document in (raw(name), in_form(raw(name), "expanded"), in_form(raw(name), "vocab")):
            assert import_documents([(name, document)], TODAY).records
    assert no_network == []


def test_a_context_at_another_address_is_refused_with_the_reason(tmp_path: Path, no_network: list[object]) -> None:
    record = {**raw("wgu-bs-accounting-resource.json"), "@context": "https://w3id.org/openbadges/v2"}
    path = tmp_path / "badge.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    run = cli("import", str(path))
    assert (run.code, run.out) == (3, "")
    assert run.err == (
        f"{path}: its @context names https://w3id.org/openbadges/v2; certfind reads CTDL's own context only\n"
    )
    assert no_network == []


def test_a_record_without_a_context_is_read_under_ctdls(tmp_path: Path) -> None:
    record = {k: v for k, v in raw("wgu-bs-accounting-resource.json").items() if k != "@context"}
    path = tmp_path / "bare.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    with_context = cli("import", str(record_path("wgu-bs-accounting-resource.json")), "--format", "json")
    without = cli("import", str(path), "--format", "json")
    assert (without.code, without.out, without.err) == (0, with_context.out, with_context.err)


def test_json_that_is_not_json_ld_is_refused_with_the_reason(tmp_path: Path) -> None:
    path = tmp_path / "bad.json"
    path.write_text(json.dumps({"@type": "ceterms:Certification", "@id": 5}), encoding="utf-8")
    run = cli("import", str(path))
    assert (run.code, run.out) == (3, "")
    assert run.err.startswith(f"{path}: not valid JSON-LD: ")


def test_a_record_that_is_not_json_ld_is_skipped_when_others_import(tmp_path: Path) -> None:
    good = raw("wgu-bs-accounting-resource.json")
    path = tmp_path / "two.json"
    path.write_text(json.dumps([{"@type": "ceterms:Certification", "@id": 5}, good]), encoding="utf-8")
    run = cli("import", str(path), "--format", "json")
    assert run.code == 0
    assert [r["id"] for r in json.loads(run.out)["certifications"]] == ["ce-b75970c9-d352-46a0-b67d-3256c9cdbb31"]
    assert run.err.splitlines()[0].startswith(f"certfind import: {path}: skipped a record: not valid JSON-LD: ")


def test_keys_that_are_no_terms_are_said_to_be_left_out(tmp_path: Path) -> None:
    record = {**raw("wgu-bs-accounting-resource.json"), "price": 12, "tuition": "yes"}
    path = tmp_path / "keys.json"
    path.write_text(json.dumps(record), encoding="utf-8")
    run = cli("import", str(path))
    assert run.code == 0
    assert run.err.splitlines()[0] == (
        f"certfind import: {path}: left out price, tuition: no term of CTDL's context or the record's"
    )


def importtime(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "certfind", *args],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode in (0, 1), done.stderr
    return done.stderr


@pytest.mark.parametrize("args", [["search", "cataloging"], ["list", "--format", "ctdl"], ["show", "lssc"]])
def test_pyld_is_imported_only_by_import(args: list[str]) -> None:
    modules = [line.split("|")[-1].strip() for line in importtime(*args).splitlines() if "|" in line]
    assert "pyld" not in modules
    assert "certfind.ctdl.jsonld" not in modules
    assert ("certfind.ctdl" in modules) is (args[-1] == "ctdl")
