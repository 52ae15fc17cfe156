"""Every real CTDL record in tests/fixtures/ctdl, in its own form and in its expanded and `@vocab` forms
(made here with pyld): `certfind import` takes it (exit 0), `certfind validate` accepts what import
printed, the three forms import as the same records, and importing then exporting
(`certfind --catalog IMPORTED list --format ctdl`) keeps each key field of the original."""

from __future__ import annotations

import json
import tempfile
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

import pytest

from tests.ctdl.support import (
    FORMS,
    KEY_FIELDS,
    RECORDS,
    Key,
    credentials,
    expanded_nodes,
    key_fields,
    raw,
    same,
    write_form,
)
from tests.support import cli


class Imported(NamedTuple):
    code: int
    err: str
    yaml: str
    validate: tuple[int, str, str]
    records: list[dict[str, Any]]
    exported: dict[str, Any]


@cache
def imported(name: str, form: str) -> Imported:
    """What a user gets: import (YAML and JSON), validate, then the import listed as CTDL."""
    with tempfile.TemporaryDirectory() as folder:
        path = write_form(name, form, Path(folder))
        run = cli("import", str(path))
        saved = Path(folder) / "imported.yaml"
        saved.write_text(run.out, encoding="utf-8")
        check = cli("validate", str(saved))
        as_json = cli("import", str(path), "--format", "json")
        listing = cli("--catalog", str(saved), "list", "--format", "ctdl")
        assert (as_json.code, listing.code, listing.err) == (0, 0, ""), (as_json.err, listing.err)
        validated = (check.code, check.out.replace(str(saved), "IMPORTED"), check.err)
        return Imported(
            run.code, run.err, run.out, validated, json.loads(as_json.out)["certifications"], json.loads(listing.out)
        )


@cache
def original_keys(name: str) -> list[Key]:
    nodes = expanded_nodes(raw(name))
    return [key_fields(nodes, node) for node in credentials(nodes)]


def exported_keys(name: str, form: str) -> list[Key]:
    nodes = expanded_nodes(imported(name, form).exported)
    return [key_fields(nodes, node) for node in credentials(nodes)]


@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("name", RECORDS)
def test_the_record_imports_into_a_catalog_validate_accepts(name: str, form: str) -> None:
    done = imported(name, form)
    assert done.code == 0, done.err
    assert "Traceback" not in done.err
    assert all(line.startswith("certfind import: ") for line in done.err.splitlines())
    assert done.yaml.startswith("# Imported from ")
    assert "\nschema_version: 1\ncertifications:\n  - id: " in done.yaml
    count = len(original_keys(name))
    counted = f"{count} certification{'s' if count != 1 else ''}"
    assert done.validate == (0, f"ok: {counted} in IMPORTED\n", "")


@pytest.mark.parametrize("form", FORMS[1:])
@pytest.mark.parametrize("name", RECORDS)
def test_the_expanded_and_vocab_forms_import_as_the_same_records(name: str, form: str) -> None:
    assert imported(name, form).records == imported(name, "compact").records


@pytest.mark.parametrize("field", KEY_FIELDS)
@pytest.mark.parametrize("form", FORMS)
@pytest.mark.parametrize("name", RECORDS)
def test_import_then_export_keeps_the_key_field(name: str, form: str, field: str) -> None:
    before = [getattr(key, field) for key in original_keys(name)]
    after = [getattr(key, field) for key in exported_keys(name, form)]
    assert len(before) == len(after) == 1
    assert same(field, before[0], after[0]), (before, after)
