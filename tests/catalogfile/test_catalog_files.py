"""Catalog files: every problem located as file:line:col with exit 3, hostile shapes refused fast,
and a property: validate accepts a catalog or locates every problem in it."""

from __future__ import annotations

import json
import os
import re
import threading
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from certfind import catalogfile, paths
from certfind.catalogfile import checker, schema
from certfind.errors import CatalogError, Problem
from certfind.model import KINDS, Record
from certfind.text import visible
from tests.support import (
    LOCATED,
    VALID_ENTRY,
    WriteCatalog,
    catalog_text,
    cli,
    only_problem,
)

# ================================================================================================
# 1. Catalog input not yet covered
# ================================================================================================


def _before_topics(line: str) -> str:
    """VALID_ENTRY with one more field line inserted just before `topics:` (so on line 9 of the file)."""
    return VALID_ENTRY.replace("    topics:", f"    {line}\n    topics:")


_SOURCES = "    sources:\n      - {title: Demo, url: https://example.org/demo, accessed: 2026-11-24}\n"
_VERIFICATION = "    verification:\n      status: confirmed\n      checked: 2026-11-24\n"

# (entry text, line, col, start of the message)
WRONG_TYPES: dict[str, tuple[str, int, int, str]] = {
    "aliases as text": (_before_topics("aliases: just one"), 9, 14, "demo.aliases: expected a list, found text"),
    "aliases item a list": (_before_topics("aliases: [[a]]"), 9, 15, "demo.aliases[0]: expected text, found a list"),
    "topics as a mapping": (
        VALID_ENTRY.replace("topics: [cataloging]", "topics: {a: b}"),
        9,
        13,
        "demo.topics: expected a list, found a mapping",
    ),
    "topics item a mapping": (
        VALID_ENTRY.replace("topics: [cataloging]", "topics: [{a: b}]"),
        9,
        14,
        "demo.topics[0]: expected text, found a mapping",
    ),
    "eligibility as a mapping": (
        _before_topics("eligibility: {diploma: yes}"),
        9,
        18,
        "demo.eligibility: expected a list, found a mapping",
    ),
    "issuer as a mapping": (
        VALID_ENTRY.replace("issuer: Demo Society", "issuer: {name: Demo}"),
        6,
        13,
        "demo.issuer: expected text, found a mapping",
    ),
    "kind as a list": (_before_topics("kind: [certificate]"), 9, 11, "demo.kind: expected text, found a list"),
    "status as a boolean": (_before_topics("status: true"), 9, 13, "demo.status: expected text, found a boolean"),
    "currency lowercase": (_before_topics("currency: usd"), 9, 15, "demo.currency: expected a three-letter currency"),
    "exam as a list": (_before_topics("exam: [a, b]"), 9, 11, "demo.exam: expected a mapping, found a list"),
    "exam questions as text": (
        _before_topics("exam: {questions: many}"),
        9,
        23,
        "demo.exam.questions: expected a whole number, found text",
    ),
    "exam minutes negative": (
        _before_topics("exam: {minutes: -5}"),
        9,
        21,
        "demo.exam.minutes: must not be less than 1",
    ),
    "exam passing_score as a list": (
        _before_topics("exam: {passing_score: [70]}"),
        9,
        27,
        "demo.exam.passing_score: expected text, found a list",
    ),
    "duration as text": (
        _before_topics("duration: six months"),
        9,
        15,
        "demo.duration: expected a mapping, found text",
    ),
    "duration min_months as text": (
        _before_topics("duration: {min_months: soon}"),
        9,
        28,
        "demo.duration.min_months: expected a number, found text",
    ),
    "renewal as a number": (_before_topics("renewal: 3"), 9, 14, "demo.renewal: expected a mapping, found a number"),
    "renewal every_years as text": (
        _before_topics("renewal: {every_years: '3'}"),
        9,
        28,
        "demo.renewal.every_years: expected a whole number, found text",
    ),
    "costs as a mapping": (
        VALID_ENTRY.replace(
            "    costs:\n      - {label: Exam, amount: 100}\n", "    costs: {label: Exam, amount: 100}\n"
        ),
        10,
        12,
        "demo.costs: expected a list, found a mapping",
    ),
    "fee as a list": (
        VALID_ENTRY.replace("{label: Exam, amount: 100}", "[Exam, 100]"),
        11,
        9,
        "demo.costs[0]: expected a mapping, found a list",
    ),
    "fee count 0": (
        VALID_ENTRY.replace("amount: 100}", "amount: 100, count: 0}"),
        11,
        43,
        "demo.costs[0].count: must not be less than 1",
    ),
    "fee every_years 1.5": (
        VALID_ENTRY.replace("amount: 100}", "amount: 100, every_years: 1.5}"),
        11,
        49,
        "demo.costs[0].every_years: expected a whole number, found 1.5",
    ),
    "fee audience as a number": (
        VALID_ENTRY.replace("amount: 100}", "amount: 100, audience: 1}"),
        11,
        46,
        "demo.costs[0].audience: expected text, found a number",
    ),
    "fee note as a list": (
        VALID_ENTRY.replace("amount: 100}", "amount: 100, note: [a]}"),
        11,
        42,
        "demo.costs[0].note: expected text, found a list",
    ),
    "fee amount .inf": (
        VALID_ENTRY.replace("amount: 100", "amount: .inf"),
        11,
        31,
        "demo.costs[0].amount: expected a number",
    ),
    "fee amount 1e400 (overflows to infinity)": (
        VALID_ENTRY.replace("amount: 100", "amount: 1e400"),
        11,
        31,
        "demo.costs[0].amount: must be a finite number",
    ),
    "verification as text": (
        VALID_ENTRY.replace(_VERIFICATION, "    verification: confirmed\n"),
        12,
        19,
        "demo.verification: expected a mapping, found text",
    ),
    "verification checked as a number": (
        VALID_ENTRY.replace("checked: 2026-11-24", "checked: 20261124"),
        14,
        16,
        "demo.verification.checked: expected text, found a number",
    ),
    "verification alternatives as text": (
        VALID_ENTRY.replace("      checked: 2026-11-24\n", "      checked: 2026-11-24\n      alternatives: demo\n"),
        15,
        21,
        "demo.verification.alternatives: expected a list, found text",
    ),
    "sources as text": (
        VALID_ENTRY.replace(_SOURCES, "    sources: https://example.org/demo\n"),
        15,
        14,
        "demo.sources: expected a list, found text",
    ),
    "source as a list": (
        VALID_ENTRY.replace(_SOURCES, "    sources: [[https://example.org/demo]]\n"),
        15,
        15,
        "demo.sources[0]: expected a mapping, found a list",
    ),
    "source url as a number": (
        VALID_ENTRY.replace("url: https://example.org/demo", "url: 42"),
        16,
        28,
        "demo.sources[0].url: expected text, found a number",
    ),
    "source accessed as a number": (
        VALID_ENTRY.replace("accessed: 2026-11-24}", "accessed: 20261124}"),
        16,
        64,
        "demo.sources[0].accessed: expected text, found a number",
    ),
    "source without a title": (
        VALID_ENTRY.replace(_SOURCES, "    sources: [{url: https://example.org/demo}]\n"),
        15,
        15,
        "demo.sources[0]: missing required field 'title'",
    ),
}


@pytest.mark.parametrize(
    ("entry", "line", "col", "message"),
    [pytest.param(*case, id=name) for name, case in WRONG_TYPES.items()],
)
def test_wrong_type_in_a_field_is_located(
    write_catalog: WriteCatalog, entry: str, line: int, col: int, message: str
) -> None:
    path = write_catalog(catalog_text(entry))
    found = only_problem(cli("validate", path), path)
    assert found[:2] == (line, col), found
    assert found[2].startswith(message), found


def test_wrong_top_level_types_are_located(write_catalog: WriteCatalog) -> None:
    path = write_catalog(catalog_text().replace("schema_version: 1", "schema_version: '1'"))
    assert only_problem(cli("validate", path), path) == (
        1,
        17,
        "schema_version: unsupported version '1'; this certfind reads version 1",
    )
    path = write_catalog("schema_version: 1\ncertifications: {demo: x}\n")
    assert only_problem(cli("validate", path), path) == (
        2,
        17,
        "certifications: expected a list of entries, found a mapping",
    )


HUGE_NUMBERS = {
    "amount with 400 digits": (
        VALID_ENTRY.replace("amount: 100", "amount: " + "9" * 400),
        11,
        "OverflowError: int too large to convert to float (checker.Checker.number: math.isfinite)",
    ),
    "amount 1e307 (finite, but x100 is not)": (
        VALID_ENTRY.replace("amount: 100", "amount: 1e307"),
        11,
        "OverflowError: cannot convert float infinity to integer (checker.Checker.money: round(value * 100))",
    ),
    "duration min_months with 400 digits": (
        _before_topics("duration: {min_months: " + "9" * 400 + "}"),
        9,
        "OverflowError: int too large to convert to float (checker.Checker.number: math.isfinite)",
    ),
    "exam questions with 5,000 digits": (
        _before_topics("exam: {questions: " + "9" * 5000 + "}"),
        9,
        "ValueError: Exceeds the limit (4300 digits) for integer string conversion (yamlread.typed_scalar: int(text))",
    ),
}


@pytest.mark.parametrize(
    ("entry", "line"),
    [
        pytest.param(
            entry,
            line,
            id=name,
        )
        for name, (entry, line, bug) in HUGE_NUMBERS.items()
    ],
)
def test_huge_numbers_are_a_located_error_not_a_traceback(write_catalog: WriteCatalog, entry: str, line: int) -> None:
    path = write_catalog(catalog_text(entry))
    for args in (["validate", path], ["--catalog", path, "list"]):
        run = cli(*args)
        assert (run.code, run.out) == (3, ""), run
        assert re.match(re.escape(path) + f":{line}:\\d+: ", run.err), run.err


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        pytest.param(
            catalog_text("  - null\n"),
            3,
            "certifications[0]: expected a mapping, found nothing (null)",
            id="entry null",
        ),
        pytest.param(
            catalog_text("  - ~\n", VALID_ENTRY),
            3,
            "certifications[0]: expected a mapping, found nothing (null)",
            id="entry tilde",
        ),
        pytest.param(
            catalog_text(VALID_ENTRY, "  -\n"),
            17,
            "certifications[1]: expected a mapping, found nothing (null)",
            id="entry empty",
        ),
        pytest.param(
            "schema_version: 1\ncertifications: null\n",
            2,
            "certifications: expected a list of entries, found nothing (null)",
            id="certifications null",
        ),
        pytest.param(
            "schema_version: 1\ncertifications:\n",
            2,
            "certifications: expected a list of entries, found nothing (null)",
            id="certifications empty",
        ),
        pytest.param(
            "# a catalog\n# with nothing but comments\n",
            1,
            "the catalog is empty; expected 'schema_version: 1' and 'certifications:'",
            id="only comments",
        ),
        pytest.param(
            "\n   \n\n",
            1,
            "the catalog is empty; expected 'schema_version: 1' and 'certifications:'",
            id="only blank lines",
        ),
    ],
)
def test_null_and_empty_catalog_shapes(write_catalog: WriteCatalog, text: str, line: int, message: str) -> None:
    path = write_catalog(text)
    for args in (["validate", path], ["--catalog", path, "list"], ["--catalog", path, "search", "demo"]):
        found = only_problem(cli(*args), path)
        assert (found[0], found[2]) == (line, message), args


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(b"\xef\xbb\xbf" + catalog_text().encode(), id="bom"),
        pytest.param(catalog_text().replace("\n", "\r\n").encode(), id="crlf"),
        pytest.param(b"\xef\xbb\xbf" + catalog_text().replace("\n", "\r\n").encode(), id="bom+crlf"),
    ],
)
def test_bom_and_crlf_catalogs_work(write_catalog: WriteCatalog, data: bytes) -> None:
    path = write_catalog(data)
    run = cli("validate", path)
    assert (run.code, run.out, run.err) == (0, f"ok: 1 certification in {path}\n", "")
    run = cli("--catalog", path, "show", "demo", "--format", "json")
    assert (run.code, run.err) == (0, "")
    shown = json.loads(run.out)
    assert shown["name"] == "Demo Certification"  # no \r left on values
    assert shown["sources"][0]["accessed"] == "2026-11-24"
    run = cli("--catalog", path, "list")
    assert (run.code, run.err) == (0, "")
    assert run.out.startswith(
        "demo\tDemo Certification (DEMO)\tDemo Society\tlibrary\tanywhere\t$100\tconfirmed, status unknown\n"
    )


def test_a_json_catalog_with_characters_beyond_u_ffff_as_surrogate_pairs_is_read(write_catalog: WriteCatalog) -> None:
    """`json.dumps` writes 📚 as "\\ud83d\\udcda" by default, which YAML readers refuse: certfind reads it as the
    character, and an escaped backslash before `u` stays text."""
    entry = yaml.safe_load(catalog_text())["certifications"][0]
    entry["name"] = "Book Club 📚 Certificate"
    entry["summary"] = r"A path C:\ud83d\udcda stays as typed."
    entry["verification"]["checked"] = "2026-11-24"
    entry["sources"][0]["accessed"] = "2026-11-24"
    text = json.dumps({"schema_version": 1, "certifications": [entry]})
    assert "\\ud83d\\udcda" in text  # as JSON writes it
    path = write_catalog(text, "catalog.json")
    run = cli("validate", path)
    assert (run.code, run.out, run.err) == (0, f"ok: 1 certification in {path}\n", "")
    run = cli("--catalog", path, "show", "demo", "--format", "json")
    assert (run.code, run.err) == (0, "")
    shown = json.loads(run.out)
    assert shown["name"] == "Book Club 📚 Certificate"
    assert shown["summary"] == r"A path C:\ud83d\udcda stays as typed."


@pytest.mark.parametrize("data", [b"\xef\xbb\xbf", b""], ids=["bom", "no-bom"])
def test_crlf_errors_keep_their_line_and_column(write_catalog: WriteCatalog, data: bytes) -> None:
    text = catalog_text(VALID_ENTRY.replace("amount: 100", "amount: -1")).replace("\n", "\r\n")
    path = write_catalog(data + text.encode())
    assert only_problem(cli("validate", path), path) == (
        11,
        31,
        "demo.costs[0].amount: must not be negative (found -1)",
    )


@pytest.mark.parametrize(
    ("text", "line"),
    [
        pytest.param("[" * 10_000 + "]" * 10_000 + "\n", 1, id="flow sequences"),
        pytest.param("{a: " * 10_000 + "}" * 10_000 + "\n", 1, id="flow mappings"),
        pytest.param("- " * 10_000 + "x\n", 1, id="block sequences"),
        pytest.param(catalog_text("  - id: " + "[" * 10_000 + "]" * 10_000 + "\n"), 3, id="inside an entry"),
        pytest.param(
            catalog_text(VALID_ENTRY.replace("name: Demo Certification", "name: " + "[" * 999 + "]" * 999)),
            4,
            id="999 deep",
        ),
    ],
)
def test_deep_nesting_bomb_fails_fast(write_catalog: WriteCatalog, text: str, line: int) -> None:
    path = write_catalog(text)
    start = time.perf_counter()
    for args in (["validate", path], ["--catalog", path, "list", "--format", "json"]):
        run = cli(*args)
        assert (run.code, run.out) == (3, ""), args
        assert "Traceback" not in run.err
        assert "RecursionError" not in run.err
        assert re.match(re.escape(path) + f":{line}:\\d+: ", run.err), run.err
    assert time.perf_counter() - start < 3.0


def test_a_text_value_is_at_most_100000_characters(write_catalog: WriteCatalog) -> None:
    longest = "x" * checker.MAX_TEXT
    path = write_catalog(catalog_text(VALID_ENTRY.replace("summary: A small entry for tests.", f"summary: {longest}")))
    run = cli("--catalog", path, "show", "demo", "--format", "plain")
    assert (run.code, run.err) == (0, "")
    assert f"summary\t{longest}\n" in run.out
    summary = "x" * (5 * 1024 * 1024)
    path = write_catalog(catalog_text(VALID_ENTRY.replace("summary: A small entry for tests.", f"summary: {summary}")))
    start = time.perf_counter()
    for args in (["validate", path], ["--catalog", path, "list", "--format", "json"]):
        assert only_problem(cli(*args), path) == (8, 14, "demo.summary: is 5,242,880 characters long; at most 100,000")
    assert time.perf_counter() - start < 10.0


def test_a_list_inside_an_entry_holds_at_most_1000_items(write_catalog: WriteCatalog) -> None:
    fits = VALID_ENTRY.replace("topics: [cataloging]", "topics: [" + ",".join(["a"] * 1000) + "]")
    assert cli("validate", write_catalog(catalog_text(fits))).code == 0
    huge = VALID_ENTRY.replace("topics: [cataloging]", "topics: [" + ",".join(["a"] * 2_000_000) + "]")
    path = write_catalog(catalog_text(huge))
    start = time.perf_counter()
    message = "this list holds more than 1,000 items; no entry needs so many"
    for args in (["validate", path], ["--catalog", path, "list"]):
        assert only_problem(cli(*args), path) == (9, 13, message)
    assert time.perf_counter() - start < 5.0  # stopped at item 1,001, not after reading two million
    many_keys = VALID_ENTRY.replace(
        "    costs:", "    exam: {" + ", ".join(f"k{i}: 1" for i in range(1001)) + "}\n    costs:"
    )
    assert only_problem(cli("validate", write_catalog(catalog_text(many_keys))), path)[2] == (
        "this mapping holds more than 1,000 items; no entry needs so many"
    )


def test_five_megabyte_line_that_is_not_valid_fails_fast(write_catalog: WriteCatalog) -> None:
    path = write_catalog(catalog_text(VALID_ENTRY.replace("amount: 100", "amount: " + "1" * 100 + "x" * 5_000_000)))
    start = time.perf_counter()
    assert only_problem(cli("validate", path), path)[:2] == (11, 31)
    assert time.perf_counter() - start < 5.0


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_unreadable_catalog_for_a_command(write_catalog: WriteCatalog) -> None:
    path = write_catalog(catalog_text())
    os.chmod(path, 0)
    for args in (["list"], ["show", "demo"], ["search", "demo"]):
        run = cli("--catalog", path, *args)
        assert (run.code, run.out, run.err) == (3, "", f"{path}: permission denied\n"), args


def _special_path(tmp_path: Path, kind: str) -> str:
    if kind in ("/dev/null", "/dev/zero"):
        return kind
    link = tmp_path / kind
    if kind == "dangling-symlink":
        link.symlink_to(tmp_path / "nowhere.yaml")
    elif kind == "symlink-loop":
        (tmp_path / "loop-b").symlink_to(link)
        link.symlink_to(tmp_path / "loop-b")
    else:  # a path that goes through a file
        (tmp_path / "file.yaml").write_text(catalog_text(), encoding="utf-8")
        return str(tmp_path / "file.yaml" / "catalog.yaml")
    return str(link)


@pytest.mark.parametrize(
    ("kind", "located", "message"),
    [
        ("/dev/null", ":1:1: ", "the catalog is empty"),
        ("/dev/zero", ": ", "the file is larger than the 64 MiB limit"),
        ("dangling-symlink", ": ", "no such file"),
        ("symlink-loop", ": ", "cannot read: "),
        ("through-a-file", ": ", "cannot read: "),
    ],
)
def test_catalog_paths_that_are_not_plain_files(tmp_path: Path, kind: str, located: str, message: str) -> None:
    path = _special_path(tmp_path, kind)
    for args in (["validate", path], ["--catalog", path, "list"]):
        run = cli(*args)
        assert (run.code, run.out) == (3, ""), run
        assert len(run.err.splitlines()) == 1, run.err
        assert run.err.startswith(path + located + message), run.err


# ================================================================================================
# 6. Property: validate either accepts a catalog or locates every problem
# ================================================================================================

IDS = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)
TEXT = st.text(
    st.characters(codec="utf-8", exclude_categories=["Cc"], include_characters="\t\n"), min_size=1, max_size=24
).filter(lambda s: visible(s).strip() != "")
"""Valid text: anything but control characters (tab and line breaks aside), with something visible."""
DATES = st.dates(min_value=date(2000, 1, 1), max_value=date(2026, 11, 24))  # a date in the future is an error
CENTS = st.integers(min_value=0, max_value=10**8)
WRONG = st.one_of(
    st.lists(st.integers(-3, 3), max_size=2),
    st.dictionaries(st.sampled_from(["a", "label", "id"]), st.integers(0, 9), max_size=2),
    st.integers(-(10**6), 10**6),
    st.floats(min_value=-1e6, max_value=1e6, allow_nan=False),
    st.booleans(),
    st.none(),
    st.just(""),
    st.just("   "),
    TEXT,
    DATES.map(lambda d: d.isoformat()),
)
REQUIRED = schema.REQUIRED


@st.composite
def fees(draw: st.DrawFn) -> dict[str, Any]:
    fee: dict[str, Any] = {"label": draw(TEXT)}
    shape = draw(st.sampled_from(["amount", "range", "unknown"]))
    if shape == "amount":
        fee["amount"] = draw(CENTS) / 100
    elif shape == "range":
        low, high = sorted((draw(CENTS), draw(CENTS)))
        fee["min"], fee["max"] = low, high
    if draw(st.booleans()):
        fee["audience"] = draw(st.sampled_from(["all", "member", "non-member"]))
    if draw(st.booleans()):
        fee["count"] = draw(st.integers(1, 9))
    if draw(st.booleans()):
        fee["every_years"] = draw(st.integers(1, 9))
    if draw(st.booleans()):
        fee["note"] = draw(TEXT)
    return fee


@st.composite
def entries(draw: st.DrawFn, ident: str) -> dict[str, Any]:
    entry: dict[str, Any] = {
        "id": ident,
        "name": draw(TEXT),
        "issuer": draw(TEXT),
        "category": draw(IDS),
        "summary": draw(TEXT),
    }
    if draw(st.booleans()):
        entry["acronym"] = draw(TEXT)
    if draw(st.booleans()):
        entry["aliases"] = draw(st.lists(TEXT, max_size=3))
    if draw(st.booleans()):
        entry["kind"] = draw(st.sampled_from(KINDS))
    if draw(st.booleans()):
        entry["topics"] = draw(st.lists(TEXT, max_size=3))
    if draw(st.booleans()):
        entry["exam"] = {"questions": draw(st.integers(1, 500)), "minutes": draw(st.integers(1, 600))}
    if draw(st.booleans()):
        low, high = sorted((draw(st.integers(0, 60)), draw(st.integers(0, 60))))
        entry["duration"] = {"min_months": low, "max_months": high}
    if draw(st.booleans()):
        entry["currency"] = draw(st.sampled_from(["USD", "CAD", "EUR"]))
    entry["costs"] = draw(st.lists(fees(), max_size=3))
    if draw(st.booleans()):
        entry["renewal"] = {"every_years": draw(st.integers(1, 10)), "requirement": draw(TEXT)}
    entry["status"] = draw(st.sampled_from(["active", "discontinued", "unknown"]))
    entry["verification"] = {
        "status": draw(st.sampled_from(["confirmed", "differs", "not-found", "unverified"])),
        "checked": draw(DATES).isoformat(),
    }
    entry["sources"] = [
        {"title": draw(TEXT), "url": f"https://example.org/{ident}", "accessed": draw(DATES).isoformat()}
        for _ in range(draw(st.integers(1, 2)))
    ]
    return entry


def _containers(entry: dict[str, Any]) -> list[dict[str, Any]]:
    """The mappings inside an entry (itself included) that a mutation may touch."""
    found = [entry]
    for value in entry.values():
        if isinstance(value, dict):
            found.append(value)
        elif isinstance(value, list):
            found.extend(item for item in value if isinstance(item, dict))
    return found


# What the YAML 1.2 core schema reads as null, a boolean or a number (PyYAML writes YAML 1.1, where `0e0` is text).
_YAML12_NOT_TEXT = re.compile(
    r"~|null|Null|NULL|true|True|TRUE|false|False|FALSE|[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+"
    r"|[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)"
)


class _Yaml12Dumper(yaml.SafeDumper):
    """Writes text that YAML 1.2 would read as something else in quotes, as a careful catalog author would."""


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = '"' if _YAML12_NOT_TEXT.fullmatch(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_Yaml12Dumper.add_representer(str, _represent_text)


@st.composite
def catalogs(draw: st.DrawFn) -> tuple[str, bool]:
    """YAML text of a catalog built from valid parts, then mutated; and whether it was mutated."""
    idents = draw(st.lists(IDS, min_size=1, max_size=4, unique=True))
    items: list[Any] = [draw(entries(ident)) for ident in idents]
    top: dict[str, Any] = {"schema_version": 1, "certifications": items}
    mutations = draw(st.lists(st.sampled_from(["drop", "wrong type", "unknown key", "duplicate id"]), max_size=3))
    for mutation in mutations:
        i = draw(st.integers(0, len(items) - 1))
        entry = items[i]
        if not isinstance(entry, dict):
            continue
        if mutation == "drop":
            entry.pop(draw(st.sampled_from(REQUIRED)), None)
        elif mutation == "wrong type":
            target = draw(st.sampled_from([top, *_containers(entry)]))
            if target:
                target[draw(st.sampled_from(sorted(target)))] = draw(WRONG)
        elif mutation == "unknown key":
            target = draw(st.sampled_from([top, *_containers(entry)]))
            target["x_" + draw(st.from_regex(r"[a-z_]{1,8}", fullmatch=True))] = draw(WRONG)
        elif draw(st.booleans()):
            items.append(dict(entry))
        else:
            items[draw(st.integers(0, len(items) - 1))] = {**entry}
    text = yaml.dump(top, Dumper=_Yaml12Dumper, sort_keys=False, allow_unicode=True, default_flow_style=False, width=80)
    return text, bool(mutations)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=catalogs())
def test_validate_accepts_or_locates_every_problem(
    tmp_path_factory: pytest.TempPathFactory, case: tuple[str, bool]
) -> None:
    text, mutated = case
    path = tmp_path_factory.mktemp("prop") / "catalog.yaml"
    path.write_text(text, encoding="utf-8")
    name = str(path)
    run = cli("validate", name)
    assert "Traceback" not in run.err
    assert run.code in (0, 3), run
    if run.code == 0:
        assert run.err == ""
        assert run.out.startswith("ok: ")
        return
    assert mutated, f"a catalog built only from valid parts was refused:\n{run.err}\n{text}"
    assert run.out == ""
    lines = run.err.splitlines()
    assert lines
    if len(lines) > 1:
        assert lines[-1] == f"certfind: {len(lines) - 1} problems in the catalog"
        lines = lines[:-1]
    total = text.count("\n") + 1
    for line in lines:
        located = re.match(re.escape(name) + ":" + LOCATED, line)
        assert located or line.startswith(f"{name}: "), line
        if located:
            assert 1 <= int(located[1]) <= total, line


# --- every validation error kind -----------------------------------------------------------------


HEAD = "schema_version: 1\ncertifications:\n"


def problems(path: str) -> list[str]:
    run = cli("validate", path)
    assert run.code == 3, run
    assert run.out == ""
    assert "Traceback" not in run.err
    return [line.removeprefix(path) for line in run.err.splitlines() if line.startswith(path)]


ENTRY_FIELDS_LISTED = (
    "id, name, acronym, aliases, issuer, issuer_url, kind, category, region, occupations, summary, topics, "
    "eligibility, requirements, exam, duration, currency, costs, renewal, status, verification, sources, ctid, "
    "issuer_id, language, ctdl_type"
)
"""An entry's fields as an unknown field's message lists them, in the format's order."""

CASES = [
    (
        "syntax",
        HEAD + "  - id: [demo\n",
        [
            ":3:9: this '[' list is never closed (YAML gave up at line 4, column 1); to write it as text, quote the whole value"
        ],
    ),
    (
        "unclosed quote",
        catalog_text(VALID_ENTRY.replace("name: Demo Certification", 'name: "Demo Certification')),
        [
            ":4:11: this quoted text is never closed (YAML gave up at line 17, column 1); end it with the quote mark it starts with"
        ],
    ),
    (
        "unknown field near a known one",
        catalog_text(VALID_ENTRY.replace("    costs:", "    cost:")),
        [f":10:5: demo.cost: unknown field; did you mean 'costs'? (expected one of: {ENTRY_FIELDS_LISTED})"],
    ),
    (
        "amount with its currency",
        catalog_text(VALID_ENTRY.replace("amount: 100}", "amount: $100}")),
        [":11:31: demo.costs[0].amount: expected a number, found text; write 100 (the currency goes in `currency`)"],
    ),
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
        [f":9:5: demo.colour: unknown field (expected one of: {ENTRY_FIELDS_LISTED})"],
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
        [":15:22: demo.verification.alternatives[0]: no entry has the id 'nope'"],
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
            "registration, badge, assessment; found 'diploma-mill'"
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
        [":11:31: demo.costs[0].amount: at most two decimal places (whole cents), found 1.005"],
    ),
    # contract 1.2: each new field's mistakes, located
    (
        "page date not a date",
        catalog_text(VALID_ENTRY.replace("accessed: 2026-11-24}", "accessed: 2026-11-24, dated: last spring}")),
        [
            ":16:83: demo.sources[0].dated: expected the page's date as YYYY, YYYY-MM or YYYY-MM-DD, or 'undated'; "
            "found 'last spring'"
        ],
    ),
    (
        "page date in the future",
        catalog_text(VALID_ENTRY.replace("accessed: 2026-11-24}", "accessed: 2026-11-24, dated: 2999-01}")),
        [":16:83: demo.sources[0].dated: 2999-01 is in the future (today is " + date.today().isoformat() + ")"],
    ),
    (
        "issuer flag not a boolean",
        catalog_text(VALID_ENTRY.replace("accessed: 2026-11-24}", "accessed: 2026-11-24, issuer: yes}")),
        [":16:84: demo.sources[0].issuer: expected true or false, found text"],
    ),
    (
        "renewal day not a day",
        catalog_text(
            VALID_ENTRY.replace("    verification:", "    renewal: {every_years: 2, on: 06-31}\n    verification:")
        ),
        [":12:35: demo.renewal.on: expected a day of the year as MM-DD (such as 06-30), found '06-31'"],
    ),
    (
        "renewal years without a day",
        catalog_text(
            VALID_ENTRY.replace("    verification:", "    renewal: {every_years: 2, years: even}\n    verification:")
        ),
        [":12:31: demo.renewal.years: needs 'on' (the day of the year renewals fall on)"],
    ),
    (
        "renewal day without a period",
        catalog_text(VALID_ENTRY.replace("    verification:", "    renewal: {on: 08-31}\n    verification:")),
        [":12:15: demo.renewal.on: needs 'every_years' (how often that day falls due)"],
    ),
    (
        "even years every three years",
        catalog_text(
            VALID_ENTRY.replace(
                "    verification:", "    renewal: {every_years: 3, on: 06-30, years: even}\n    verification:"
            )
        ),
        [":12:42: demo.renewal.years: even years only fit a period of 2, 4, ... years; every_years is 3"],
    ),
    (
        "unknown qualification",
        catalog_text(VALID_ENTRY.replace("    costs:", "    requirements: {qualification: mba}\n    costs:")),
        [
            ":10:35: demo.requirements.qualification: must be one of ala-accredited-master, postgraduate-library; "
            "found 'mba'"
        ],
    ),
    (
        "a route holds an unknown credential",
        catalog_text(
            VALID_ENTRY.replace(
                "    costs:", "    requirements: [{education: none}, {holds: [demo, nope]}]\n    costs:"
            )
        ),
        [":10:54: demo.requirements[1].holds[1]: no entry has the id 'nope'"],
    ),
    (
        "one route holds an unknown credential",
        catalog_text(
            VALID_ENTRY.replace("    costs:", "    requirements: {holds: nope, experience_years: 4}\n    costs:")
        ),
        [":10:27: demo.requirements.holds[0]: no entry has the id 'nope'"],
    ),
    (
        "optional fee flag not a boolean",
        catalog_text(VALID_ENTRY.replace("amount: 100}", "amount: 100, optional: maybe}")),
        [":11:46: demo.costs[0].optional: expected true or false, found text"],
    ),
    (
        "conditional fee with no one named",
        catalog_text(VALID_ENTRY.replace("amount: 100}", "amount: 100, applies_to: ''}")),
        [":11:48: demo.costs[0].applies_to: must not be empty (found empty)"],
    ),
]


PARSER_WORDED = [text for name, text, _ in CASES if name in ("syntax", "unclosed quote", "tab indentation")]
"""The cases whose message is the YAML parser's own (their place is the same whoever parses)."""
READINGS = ("libyaml", "pure-Python parser")
"""Which parser the reader walks: libyaml's (the usual one) or PyYAML's own (where libyaml is missing)."""


def read_by(how: str, monkeypatch: pytest.MonkeyPatch) -> None:
    if how == "pure-Python parser":
        monkeypatch.delattr(yaml, "CSafeLoader")


@pytest.mark.parametrize("reading", READINGS)
@pytest.mark.parametrize(("text", "expected"), [(t, e) for _, t, e in CASES], ids=[c[0] for c in CASES])
def test_each_error_kind_is_located(
    write_catalog: WriteCatalog, monkeypatch: pytest.MonkeyPatch, text: str, expected: list[str], reading: str
) -> None:
    read_by(reading, monkeypatch)
    found = problems(write_catalog(text))
    if reading == "pure-Python parser" and text in PARSER_WORDED:  # its parser words them its own way
        assert [line.split(":")[1:3] for line in found] == [line.split(":")[1:3] for line in expected]
    else:
        assert found == expected


def _read(path: str) -> tuple[list[Record], catalogfile.Checked | list[Problem]]:
    """The entries read from a file, and its problems (or the one that stopped the reading)."""
    records: list[Record] = []
    try:
        return records, catalogfile.parse_file(path, lambda found: records.append(found.record))
    except CatalogError as exc:
        return records, list(exc.problems)


@pytest.mark.parametrize("reading", READINGS[1:])
def test_every_reading_gives_the_bundled_catalog_the_same_records(
    monkeypatch: pytest.MonkeyPatch, reading: str
) -> None:
    path = str(paths.bundled_catalog())
    usual = _read(path)
    read_by(reading, monkeypatch)
    assert _read(path) == usual
    assert len(usual[0]) > 60
    assert usual[1] == catalogfile.Checked([], 0)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(case=catalogs())
def test_libyaml_and_pure_python_parsers_read_every_catalog_alike(
    tmp_path_factory: pytest.TempPathFactory, case: tuple[str, bool]
) -> None:
    path = tmp_path_factory.mktemp("read") / "catalog.yaml"
    path.write_text(case[0], encoding="utf-8")
    usual = _read(str(path))
    with pytest.MonkeyPatch.context() as monkeypatch:
        read_by("pure-Python parser", monkeypatch)
        assert _read(str(path)) == usual


@pytest.mark.skipif(not hasattr(yaml, "CSafeLoader"), reason="PyYAML without libyaml")
def test_reading_catalogs_leaves_yaml_alone_in_other_threads() -> None:
    """certfind changes nothing of PyYAML's: other threads parsing, loading and emitting with the C loader
    and dumper while catalogs are read (in two threads at once) all get what PyYAML alone gives them."""
    document = "a: [1, {b: c}]\n"
    expected_events = [type(e) for e in yaml.parse(document, Loader=yaml.CSafeLoader)]
    bundled = str(paths.bundled_catalog())
    alone = _read(bundled)
    stop = threading.Event()
    wrong: list[str] = []
    reads: list[tuple[list[Record], catalogfile.Checked | list[Problem]]] = []

    def use_yaml() -> None:
        while not stop.is_set():
            parsed = list(yaml.parse(document, Loader=yaml.CSafeLoader))
            if [type(e) for e in parsed] != expected_events:
                wrong.append("parse")
            if yaml.emit(parsed, Dumper=yaml.CDumper) != yaml.emit(parsed):
                wrong.append("emit")
            if yaml.load(document, Loader=yaml.CSafeLoader) != {"a": [1, {"b": "c"}]}:
                wrong.append("load")

    def read_catalogs() -> None:
        reads.extend(_read(bundled) for _ in range(5))

    others = [threading.Thread(target=use_yaml) for _ in range(2)]
    readers = [threading.Thread(target=read_catalogs) for _ in range(2)]
    for thread in [*others, *readers]:
        thread.start()
    for thread in readers:
        thread.join()
    stop.set()
    for thread in others:
        thread.join()
    assert wrong == []
    assert reads == [alone] * 10


def test_no_module_of_another_library_is_changed() -> None:
    source = Path(catalogfile.__file__).resolve().parent.parent
    found = [
        f"{path.name}:{n}"
        for path in sorted(source.rglob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"\b_yaml\b|setattr\(", line)
    ]
    assert found == []


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


# --- numbers, dates and sizes (contract 1.1) ----------------------------------------------------------


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "1e309", "-1"])
@pytest.mark.parametrize("command", ["list", "search library"])
def test_max_cost_must_be_a_real_amount(value: str, command: str) -> None:
    run = cli(*command.split(), "--max-cost", value)
    assert (run.code, run.out) == (2, "")
    assert run.err.startswith("certfind: --max-cost must be an amount between 0 and 1,000,000,000; got ")


@pytest.mark.parametrize("field", ["checked", "accessed"])
def test_a_date_in_the_future_is_a_located_error(write_catalog: WriteCatalog, field: str) -> None:
    path = write_catalog(catalog_text(VALID_ENTRY.replace(f"{field}: 2026-11-24", f"{field}: 2999-12-31")))
    run = cli("validate", path)
    assert (run.code, run.out) == (3, "")
    where = "verification.checked" if field == "checked" else "sources[0].accessed"
    assert run.err.startswith(f"{path}:")
    assert f": demo.{where}: 2999-12-31 is in the future (today is " in run.err


def test_an_amount_finer_than_a_cent_is_refused_not_printed_as_zero(write_catalog: WriteCatalog) -> None:
    path = write_catalog(catalog_text(VALID_ENTRY.replace("amount: 100", "amount: 0.000000001")))
    run = cli("validate", path)
    assert (run.code, run.out) == (3, "")
    assert run.err == f"{path}:11:31: demo.costs[0].amount: at most two decimal places (whole cents), found 1e-09\n"


def test_validate_lists_at_most_100_problems_then_counts_the_rest(write_catalog: WriteCatalog) -> None:
    text = "schema_version: 1\ncertifications:\n" + "  - {}\n" * 250_000  # 1.5 MB of empty entries
    assert len(text) > 1_500_000
    path = write_catalog(text)
    run = cli("validate", path)
    assert (run.code, run.out) == (3, "")
    lines = run.err.splitlines()
    assert len(lines) == 101
    assert lines[0] == f"{path}:3:5: certifications[0]: missing required field 'id'"
    assert lines[-1] == "certfind: 1250000 problems in the catalog (first 100 shown)"


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("https://ala-apa.org@evil.example/pay", " (a user name before @ hides where the link leads)"),
        ("http://127.0.0.1:8080/", " (a page on this computer or at a bare IP address)"),
        ("http://[::1]/", " (a page on this computer or at a bare IP address)"),
        ("http://localhost/", " (a page on this computer or at a bare IP address)"),
        ("https://\u0430la-apa.org/", " (its host mixes Cyrillic and Latin letters, as look-alike sites do)"),
        ("ftp://example.org/x", ""),
    ],
)
def test_a_link_must_lead_where_it_says(write_catalog: WriteCatalog, url: str, why: str) -> None:
    path = write_catalog(catalog_text(VALID_ENTRY.replace("url: https://example.org/demo", f"url: '{url}'")))
    message = only_problem(cli("validate", path), path)[2]
    assert message == f"demo.sources[0].url: expected an http(s) or file: URL, found {url!r}{why}"


@pytest.mark.parametrize(
    "url", ["https://b\u00fccher.example/", "https://\u043f\u0440\u0438\u043c\u0435\u0440.\u0440\u0444/"]
)
def test_a_host_in_one_alphabet_is_a_web_address(write_catalog: WriteCatalog, url: str) -> None:
    path = write_catalog(catalog_text(VALID_ENTRY.replace("url: https://example.org/demo", f"url: '{url}'")))
    run = cli("validate", path)
    assert (run.code, run.err) == (0, "")


def test_an_upper_case_scheme_is_a_web_address(write_catalog: WriteCatalog) -> None:
    path = write_catalog(
        catalog_text(VALID_ENTRY.replace("url: https://example.org/demo", "url: HTTPS://EXAMPLE.ORG/demo"))
    )
    assert cli("validate", path).code == 0


@pytest.mark.parametrize("escape", ["\\0", "\\x00", "\\u0000"])
def test_quoted_text_cannot_hold_a_nul(write_catalog: WriteCatalog, escape: str) -> None:
    path = write_catalog(catalog_text(VALID_ENTRY.replace("name: Demo Certification", f'name: "Demo{escape}x"')))
    assert only_problem(cli("validate", path), path) == (4, 11, "a NUL character (\\0) in quoted text")


@pytest.mark.parametrize("escape", ["\\e", "\\a", "\\x7f", "\\x9b"])
def test_a_link_cannot_hold_a_control_character(write_catalog: WriteCatalog, escape: str) -> None:
    path = write_catalog(
        catalog_text(VALID_ENTRY.replace("url: https://example.org/demo", f'url: "https://example.org/{escape}x"'))
    )
    message = only_problem(cli("validate", path), path)[2]
    assert message.startswith("demo.sources[0].url: expected an http(s) or file: URL, found ")


@pytest.mark.parametrize("name", ["\\u2800\\u2800", "\\u3164"])
def test_a_name_of_blank_letters_is_empty(write_catalog: WriteCatalog, name: str) -> None:
    path = write_catalog(catalog_text(VALID_ENTRY.replace("name: Demo Certification", f'name: "{name}"')))
    assert (
        only_problem(cli("validate", path), path)[2] == "demo.name: must not be empty (found only invisible characters)"
    )
