"""Every validation error kind, located as file:line:col, with exit code 3 and no traceback."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from tests.conftest import VALID_ENTRY, WriteCatalog, catalog_text, cli

HEAD = "schema_version: 1\ncertifications:\n"


def problems(path: str) -> list[str]:
    run = cli("validate", path)
    assert run.code == 3, run
    assert run.out == ""
    assert "Traceback" not in run.err
    return [line.removeprefix(path) for line in run.err.splitlines() if line.startswith(path)]


CASES = [
    ("syntax", HEAD + "  - id: [demo\n", [":4:1: while parsing a flow sequence did not find expected ',' or ']'"]),
    (
        "unsupported version",
        VALID_ENTRY and catalog_text().replace("schema_version: 1", "schema_version: 2"),
        [":1:17: schema_version: unsupported version 2; this certfind reads version 1"],
    ),
    (
        "missing version",
        catalog_text().replace("schema_version: 1\n", ""),
        [":1:1: missing required field 'schema_version' (this certfind reads version 1)"],
    ),
    (
        "unknown field",
        catalog_text(VALID_ENTRY.replace("    topics:", "    colour: red\n    topics:")),
        [
            ":9:5: demo.colour: unknown field (expected one of: id, name, acronym, aliases, issuer, issuer_url, kind, "
            "category, region, occupations, summary, topics, eligibility, requirements, exam, duration, currency, "
            "costs, renewal, status, verification, sources)"
        ],
    ),
    (
        "missing required",
        catalog_text(VALID_ENTRY.replace("    issuer: Demo Society\n", "")),
        [":3:5: demo: missing required field 'issuer'"],
    ),
    (
        "wrong type: list for text",
        catalog_text(VALID_ENTRY.replace("name: Demo Certification", "name: [a, b]")),
        [":4:11: demo.name: expected text, found a list"],
    ),
    (
        "wrong type: number for text",
        catalog_text(VALID_ENTRY.replace("acronym: DEMO", "acronym: 1001")),
        [":5:14: demo.acronym: expected text, found a number (1001); put it in quotes"],
    ),
    (
        "wrong type: boolean",
        catalog_text(VALID_ENTRY.replace("acronym: DEMO", "acronym: true")),
        [":5:14: demo.acronym: expected text, found a boolean (true); put it in quotes"],
    ),
    (
        "wrong type: text for number",
        catalog_text(VALID_ENTRY.replace("amount: 100", "amount: lots")),
        [":11:31: demo.costs[0].amount: expected a number, found text"],
    ),
    (
        "bad id",
        catalog_text(VALID_ENTRY.replace("id: demo", "id: Demo_1")),
        [
            ":3:9: certifications[0].id: 'Demo_1' is not a valid id (lowercase letters, digits and single '-' between them)"
        ],
    ),
    ("duplicate id", catalog_text(VALID_ENTRY, VALID_ENTRY), [":17:9: demo: duplicate id (first at line 3)"]),
    (
        "duplicate key",
        catalog_text(VALID_ENTRY.replace("    topics:", "    name: Again\n    topics:")),
        [":9:5: duplicate key 'name' (first at line 4)"],
    ),
    (
        "negative amount",
        catalog_text(VALID_ENTRY.replace("amount: 100", "amount: -1")),
        [":11:31: demo.costs[0].amount: must not be negative (found -1)"],
    ),
    (
        "min greater than max",
        catalog_text(VALID_ENTRY.replace("amount: 100", "min: 200, max: 100")),
        [":11:23: demo.costs[0]: min (200) is greater than max (100)"],
    ),
    (
        "range missing max",
        catalog_text(VALID_ENTRY.replace("amount: 100", "min: 200")),
        [":11:9: demo.costs[0]: a range needs both min and max; 'max' is missing"],
    ),
    (
        "alternatives name no entry",
        catalog_text(
            VALID_ENTRY.replace(
                "      checked: 2026-11-24\n", "      checked: 2026-11-24\n      alternatives: [nope]\n"
            )
        ),
        [":15:22: demo: verification.alternatives[0]: no entry has the id 'nope'"],
    ),
    (
        "bad date",
        catalog_text(VALID_ENTRY.replace("checked: 2026-11-24", "checked: 24/11/2026")),
        [":14:16: demo.verification.checked: expected a date as YYYY-MM-DD, found '24/11/2026'"],
    ),
    (
        "bad enum",
        catalog_text(VALID_ENTRY.replace("category: library", "category: library\n    kind: diploma-mill")),
        [
            ":8:11: demo.kind: must be one of certification, certificate, endorsement, diploma, degree, license, "
            "registration, badge; found 'diploma-mill'"
        ],
    ),
    ("alias", HEAD + "  - &a {id: x}\n  - *a\n", [":4:5: aliases (*a) are not allowed in a catalog"]),
    (
        "tag",
        HEAD + "  - !!python/object/apply:os.system [echo hi]\n",
        [":3:5: YAML tags (tag:yaml.org,2002:python/object/apply:os.system) are not allowed; quote the value instead"],
    ),
    ("empty file", "", [":1:1: the catalog is empty; expected 'schema_version: 1' and 'certifications:'"]),
    (
        "a list instead of a mapping",
        "- a\n- b\n",
        [":1:1: expected a mapping with schema_version and certifications, found a list"],
    ),
    ("entry not a mapping", HEAD + "  - just text\n", [":3:5: certifications[0]: expected a mapping, found text"]),
    (
        "tab indentation",
        HEAD + "\t- id: x\n",
        [
            ":3:1: while scanning for the next token found character that cannot start any token (a tab: YAML indents with spaces)"
        ],
    ),
    (
        "two decimals",
        catalog_text(VALID_ENTRY.replace("amount: 100", "amount: 1.005")),
        [":11:31: demo.costs[0].amount: at most two decimal places, found 1.005"],
    ),
]


@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in CASES], ids=[c[0] for c in CASES])
def test_each_error_kind_is_located(write_catalog: WriteCatalog, text: str, expected: list[str]) -> None:
    assert problems(write_catalog(text)) == expected


def test_every_problem_is_reported_not_just_the_first(write_catalog: WriteCatalog) -> None:
    entry = (
        VALID_ENTRY.replace("amount: 100", "amount: -1")
        .replace("id: demo", "id: BAD")
        .replace("checked: 2026-11-24", "checked: soon")
    )
    found = problems(write_catalog(catalog_text(entry, VALID_ENTRY, VALID_ENTRY)))
    assert len(found) == 4  # bad id, negative amount, bad date, duplicate id


def test_not_utf8_is_located(write_catalog: WriteCatalog) -> None:
    path = write_catalog(catalog_text().encode() + b"  - id: caf\xe9\n")
    assert problems(path) == [":17:12: not UTF-8 text (byte 0xe9); save the file as UTF-8"]


def test_a_directory_is_not_a_catalog(tmp_path: Path) -> None:
    assert problems(str(tmp_path)) == [": is a directory, not a catalog file"]


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_file(write_catalog: WriteCatalog) -> None:
    path = write_catalog(catalog_text())
    os.chmod(path, 0)
    assert problems(path) == [": permission denied"]


def test_alias_bomb_fails_fast(write_catalog: WriteCatalog) -> None:
    lines = ['a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    lines += [f"a{i}: &a{i} [{','.join(f'*a{i - 1}' for _ in range(9))}]" for i in range(1, 10)]
    path = write_catalog("\n".join(lines) + "\n")
    start = time.perf_counter()
    assert problems(path) == [":2:10: aliases (*a0) are not allowed in a catalog"]
    assert time.perf_counter() - start < 2.0


def test_file_over_the_size_cap_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "huge.yaml"
    with open(path, "wb") as handle:
        handle.truncate(65 * 1024 * 1024)  # sparse: costs no disk
    start = time.perf_counter()
    assert problems(str(path)) == [": the file is larger than the 64 MiB limit"]
    assert time.perf_counter() - start < 2.0
