"""Hardening: hostile and odd input, terminals and pipes, interruption, and that nothing the user owns is
touched. Every check looks at stdout, stderr and the exit code together, as a user or a script would."""

from __future__ import annotations

import csv
import errno
import fcntl
import io
import json
import os
import pty
import re
import select
import shlex
import signal
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import certfind
from certfind import catalog as catalog_module
from certfind import schema
from certfind.model import KINDS
from certfind.text import visible
from tests.conftest import VALID_ENTRY, Run, WriteCatalog, catalog_text, cli

# A second valid entry, for commands that need two.
OTHER_ENTRY = (
    VALID_ENTRY.replace("id: demo", "id: other")
    .replace("name: Demo Certification", "name: Second Credential")
    .replace("acronym: DEMO", "acronym: OTH")
)

# The path:line:col: prefix of a located problem (or path: for a whole-file problem).
LOCATED = r"(\d+):(\d+): "


def only_problem(run: Run, path: str) -> tuple[int, int, str]:
    """The single located problem of a failed run, as (line, col, message)."""
    assert (run.code, run.out) == (3, ""), run
    assert "Traceback" not in run.err
    lines = run.err.splitlines()
    assert len(lines) == 1, lines
    match = re.match(re.escape(path) + ":" + LOCATED + "(.*)", lines[0])
    assert match, lines[0]
    return int(match[1]), int(match[2]), match[3]


def age(path: str | Path) -> None:
    """Make a file an hour old: past the cache's two-second racy window, and a rewrite would show."""
    old = time.time_ns() - 3_600 * 10**9
    os.utime(path, ns=(old, old))


def dig(value: Any, path: Sequence[str | int]) -> Any:
    for step in path:
        value = value[step]
    return value


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
        "OverflowError: int too large to convert to float (schema.Checker.number: math.isfinite)",
    ),
    "amount 1e307 (finite, but x100 is not)": (
        VALID_ENTRY.replace("amount: 100", "amount: 1e307"),
        11,
        "OverflowError: cannot convert float infinity to integer (schema.Checker.money: round(value * 100))",
    ),
    "duration min_months with 400 digits": (
        _before_topics("duration: {min_months: " + "9" * 400 + "}"),
        9,
        "OverflowError: int too large to convert to float (schema.Checker.number: math.isfinite)",
    ),
    "exam questions with 5,000 digits": (
        _before_topics("exam: {questions: " + "9" * 5000 + "}"),
        9,
        "ValueError: Exceeds the limit (4300 digits) for integer string conversion (yamlnodes.typed_scalar: int(text))",
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
    assert (run.code, run.out, run.err) == (0, f"ok: 1 certifications in {path}\n", "")
    run = cli("--catalog", path, "show", "demo", "--format", "json")
    assert (run.code, run.err) == (0, "")
    shown = json.loads(run.out)
    assert shown["name"] == "Demo Certification"  # no \r left on values
    assert shown["sources"][0]["accessed"] == "2026-11-24"
    run = cli("--catalog", path, "list")
    assert (run.code, run.err) == (0, "")
    assert run.out.startswith("demo\tDemo Certification (DEMO)\tDemo Society\tlibrary\t$100\tconfirmed\n")


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


def test_five_megabyte_single_line_value(write_catalog: WriteCatalog) -> None:
    summary = "x" * (5 * 1024 * 1024)
    path = write_catalog(catalog_text(VALID_ENTRY.replace("summary: A small entry for tests.", f"summary: {summary}")))
    start = time.perf_counter()
    run = cli("validate", path)
    assert (run.code, run.out, run.err) == (0, f"ok: 1 certifications in {path}\n", "")
    run = cli("--catalog", path, "list", "--format", "json")
    assert (run.code, run.err) == (0, "")
    assert json.loads(run.out)[0]["summary"] == summary
    run = cli("--catalog", path, "show", "demo", "--format", "plain")
    assert (run.code, run.err) == (0, "")
    assert f"summary\t{summary}\n" in run.out
    assert time.perf_counter() - start < 10.0


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
# 2. Catalog text is data, never code
# ================================================================================================

HOSTILE = "[bold]x[/] [/] [link=https://e.x]y[/link] :smile: \x1b[31mred\x1b]8;;https://evil\x07 \u202eabc \x9b2J"
# A URL cannot hold spaces; the same hostile parts, as one word.
HOSTILE_URL = "https://e.x/[bold]x[/]:smile:\x1b[31mred\x1b]8;;https://evil\x07\u202eabc\x9b2J"
RAW_CONTROLS = ("\x1b", "\x07", "\x9b", "\u202e")

FULL_ENTRY = """\
  - id: demo
    name: {name}
    acronym: {acronym}
    aliases: [{alias}]
    issuer: {issuer}
    issuer_url: {issuer_url}
    category: library
    region: [US-TX]
    summary: {summary}
    topics: [cataloging, {topic}]
    eligibility: [{eligibility}]
    exam: {{format: {exam_format}, questions: 50}}
    duration: {{min_months: 6, max_months: 12, note: {duration_note}}}
    costs:
      - {{label: {fee_label}, amount: 100, note: {fee_note}}}
    renewal: {{every_years: 3, requirement: {renewal_requirement}}}
    verification:
      status: confirmed
      checked: 2026-11-24
      note: {verification_note}
      claimed: {claimed}
    sources:
      - {{title: {source_title}, url: {source_url}, accessed: 2026-11-24}}
"""

FULL_DEFAULTS = {
    "name": "Demo Certification",
    "acronym": "DEMO",
    "alias": "Demo Cert",
    "issuer": "Demo Society",
    "issuer_url": "https://example.org/",
    "summary": "A small entry for tests.",
    "topic": "reference",
    "eligibility": "A diploma",
    "exam_format": "multiple choice",
    "duration_note": "self-paced",
    "fee_label": "Exam",
    "fee_note": "per attempt",
    "renewal_requirement": "30 hours",
    "verification_note": "Seen on the issuer's page.",
    "claimed": "Said to be free.",
    "source_title": "Demo page",
    "source_url": "https://example.org/demo",
}

# field -> (where the value sits in a JSON record, commands whose plain/csv output shows it)
ALL_COMMANDS = frozenset({"list", "search", "show", "compare"})
POSITIONS: dict[str, tuple[tuple[str | int, ...], frozenset[str]]] = {
    "name": (("name",), ALL_COMMANDS),
    "acronym": (("acronym",), ALL_COMMANDS),
    "issuer": (("issuer",), ALL_COMMANDS),
    "alias": (("aliases", 0), frozenset({"show"})),
    "issuer_url": (("issuer_url",), frozenset({"show"})),
    "summary": (("summary",), frozenset({"show"})),
    "topic": (("topics", 1), frozenset({"show"})),
    "eligibility": (("eligibility", 0), frozenset({"show", "compare"})),
    "exam_format": (("exam", "format"), frozenset({"show", "compare"})),
    "duration_note": (("duration", "note"), frozenset({"show"})),
    "fee_label": (("costs", 0, "label"), frozenset({"show"})),
    "fee_note": (("costs", 0, "note"), frozenset({"show"})),
    "renewal_requirement": (("renewal", "requirement"), frozenset({"show", "compare"})),
    "verification_note": (("verification", "note"), frozenset({"show"})),
    "claimed": (("verification", "claimed"), frozenset({"show"})),
    "source_title": (("sources", 0, "title"), frozenset({"show"})),
    "source_url": (("sources", 0, "url"), frozenset({"show"})),
}
URL_FIELDS = frozenset({"issuer_url", "source_url"})


def hostile_catalog(field: str) -> tuple[str, str]:
    """Catalog text with the hostile value in one field (every other field plain), and that value."""
    value = HOSTILE_URL if field in URL_FIELDS else HOSTILE
    values = {name: json.dumps(plain) for name, plain in FULL_DEFAULTS.items()}
    values[field] = json.dumps(value)  # a YAML double-quoted string, escapes and all
    return catalog_text(FULL_ENTRY.format(**values), OTHER_ENTRY), value


def json_record(command: str, doc: Any) -> Any:
    if command == "show":
        return doc
    items = doc["certifications"] if command == "compare" else doc
    return next(item for item in items if item["id"] == "demo")


@pytest.mark.parametrize("field", list(POSITIONS))
def test_hostile_catalog_text_is_inert_everywhere(write_catalog: WriteCatalog, field: str) -> None:
    text, value = hostile_catalog(field)
    path = write_catalog(text)
    assert cli("validate", path) == Run(0, f"ok: 2 certifications in {path}\n", "")
    age(path)  # so that warm runs read the parsed copy in the cache
    uncached = {"XDG_CACHE_HOME": str(path)}  # a file: no cache can be read or written under it
    json_path, shown_in = POSITIONS[field]
    for args in (["list"], ["show", "demo"], ["search", "demo"], ["compare", "demo", "other"]):
        command = args[0]
        for fmt in ("table", "plain", "json", "csv"):
            where = (field, command, fmt)
            run = cli("--catalog", path, *args, "--format", fmt, env=uncached)
            assert (run.code, run.err) == (0, ""), (where, run)
            assert cli("--catalog", path, *args, "--format", fmt) == run, where  # the same from the cache
            for raw in RAW_CONTROLS:
                assert raw not in run.out, (where, raw)
            assert "😄" not in run.out, where
            if fmt == "json":
                assert dig(json_record(command, json.loads(run.out)), json_path) == value, where
            if fmt == "json" or (command in shown_in and (fmt in ("plain", "csv") or command == "show")):
                assert "[bold]x[/]" in run.out, where
            if fmt == "csv":
                rows = list(csv.reader(io.StringIO(run.out)))
                assert len({len(row) for row in rows}) == 1, where  # the value did not break a row


def test_line_breaks_and_tabs_in_catalog_text_keep_one_record_per_line(write_catalog: WriteCatalog) -> None:
    broken = "Line one\nline two\tcolumn\r\nthree\u2028four"
    entry = VALID_ENTRY.replace("name: Demo Certification", f"name: {json.dumps(broken)}")
    entry = entry.replace("summary: A small entry for tests.", f"summary: {json.dumps(broken)}")
    path = write_catalog(catalog_text(entry, OTHER_ENTRY))
    age(path)
    for _ in range(2):  # parsed, then from the cache
        run = cli("--catalog", path, "list", "--format", "plain")
        assert (run.code, run.err) == (0, "")
        rows = [line.split("\t") for line in run.out.removesuffix("\n").split("\n")]  # POSIX lines
        assert [row[0] for row in rows] == ["demo", "other"]
        assert {len(row) for row in rows} == {6}
        run = cli("--catalog", path, "show", "demo", "--format", "plain")
        assert (run.code, run.err) == (0, "")
        assert all(len(line.split("\t")) == 2 for line in run.out.removesuffix("\n").split("\n")), run.out
        run = cli("--catalog", path, "list", "--format", "csv")
        assert (run.code, run.err) == (0, "")
        assert [row[0] for row in csv.reader(io.StringIO(run.out))] == ["id", "demo", "other"]
        run = cli("--catalog", path, "show", "demo", "--format", "json")
        assert (run.code, run.err) == (0, "")
        assert json.loads(run.out)["name"] == broken


def test_hostile_names_in_candidate_lists_on_stderr(write_catalog: WriteCatalog) -> None:
    alpha = VALID_ENTRY.replace("name: Demo Certification", f"name: {json.dumps('Demo Alpha ' + HOSTILE)}")
    beta = OTHER_ENTRY.replace("name: Second Credential", f"name: {json.dumps('Demo Beta ' + HOSTILE)}")
    path = write_catalog(catalog_text(alpha.replace("acronym: DEMO", "acronym: DA"), beta))
    listed = 0
    for args in (["show", "Demo"], ["show", "Demo B"], ["compare", "Demo", "other"], ["compare", "other", "Demo B"]):
        run = cli("--catalog", path, *args)
        assert run.code in (0, 1), (args, run)
        for raw in RAW_CONTROLS:
            assert raw not in run.out + run.err, (args, raw)
        assert "😄" not in run.out + run.err
        if run.code == 1:
            assert run.out == ""
            assert run.err.startswith("certfind: "), run.err
            if len(run.err.splitlines()) > 1:  # candidates, one a line
                listed += 1
                assert "[bold]x[/] [/] [link=https://e.x]y[/link] :smile: \\x1b[31mred" in run.err
    assert listed, "no query led to a list of candidates"


# ================================================================================================
# 3. Queries
# ================================================================================================

QUERIES = {
    "empty": [""],
    "whitespace": ["   "],
    "5000 characters": ["x" * 5000],
    "5000 characters of words": ["library " * 625],
    "emoji": ["😄"],
    "emoji and a word": ["📚", "cataloging"],
    "rich markup": ["[bold]"],
    "rich markup around a word": ["[bold]cataloging[/]"],
    "escape sequence": ["\x1b[31m"],
    "escape sequence and a word": ["\x1b]8;;https://evil\x07cataloging"],
    "bidi override": ["\u202ecataloging"],
    "leading dash": ["--", "-x"],
    "leading dashes and a word": ["--", "--cataloging"],
    "only stopwords": ["the of and"],
    "only stopwords as words": ["the", "of", "and"],
    "punctuation": ["%s{}\\'\""],
    "nul": ["\x00"],
}


@pytest.mark.parametrize("command", ["search", "show", "compare"])
@pytest.mark.parametrize("query", list(QUERIES.values()), ids=list(QUERIES))
def test_odd_queries_never_crash(command: str, query: list[str]) -> None:
    words = [word for word in query if word != "--"]
    if command != "search":  # show and compare take a name as one argument
        words = [" ".join(words)]
    dashes = ["--"] if "--" in query else []
    args = [command, *dashes, *words] if command != "compare" else ["compare", "lssc", *dashes, *words]
    run = cli(*args)
    assert "Traceback" not in run.err
    assert run.code in (0, 1), run
    for raw in RAW_CONTROLS:
        assert raw not in run.out + run.err, raw
    if run.code == 0:
        assert run.out != ""
        assert run.err == ""
    else:
        assert run.out == ""
        assert run.err.startswith("certfind: "), run.err


# ================================================================================================
# 4. Terminals and pipes, in real processes
# ================================================================================================


def proc_env(tmp_path: Path, **extra: str) -> dict[str, str]:
    """A pinned environment for a real certfind process: nothing of the user's is read."""
    env = {
        "PATH": os.environ.get("PATH", os.defpath),
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_CACHE_HOME": str(tmp_path / "cache"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "COLUMNS": "100",
        "LINES": "40",
        "TERM": "xterm-256color",
        "LC_ALL": "C.UTF-8",
        "PYTHONIOENCODING": "utf-8",
        "PYTHONDONTWRITEBYTECODE": "1",
    }
    if "PYTHONPATH" in os.environ:  # run the same certfind as this test session
        env["PYTHONPATH"] = os.environ["PYTHONPATH"]
    env.update(extra)
    return env


CERTFIND = [sys.executable, "-m", "certfind"]


def run_certfind(tmp_path: Path, *args: str, timeout: float = 60, **extra: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*CERTFIND, *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=proc_env(tmp_path, **extra),
        cwd=tmp_path,
        timeout=timeout,
        check=False,
    )


def many_entries(count: int) -> str:
    return catalog_text(
        *(
            VALID_ENTRY.replace("id: demo", f"id: demo-{i}").replace("acronym: DEMO", f"acronym: D{i}")
            for i in range(count)
        )
    )


@pytest.fixture(scope="module")
def big_catalog(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """3,000 valid entries: far more output than a pipe buffer holds."""
    path = tmp_path_factory.mktemp("big") / "big.yaml"
    path.write_text(many_entries(3000), encoding="utf-8")
    return path


def piped(tmp_path: Path, command: str, reader: str) -> tuple[str, str, int]:
    """`certfind ... 2>err | reader` in bash without pipefail: (reader's output, certfind's stderr, its exit code)."""
    err, status = tmp_path / "certfind.err", tmp_path / "certfind.status"
    script = (
        f"{shlex.join(CERTFIND)} {command} 2>{shlex.quote(str(err))} | {reader}; "
        f'echo "${{PIPESTATUS[0]}}" >{shlex.quote(str(status))}'
    )
    done = subprocess.run(
        ["bash", "-c", script],
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=proc_env(tmp_path),
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done
    return done.stdout, err.read_text(encoding="utf-8"), int(status.read_text(encoding="utf-8"))


def test_list_piped_into_head_prints_no_error(tmp_path: Path) -> None:
    out, err, code = piped(tmp_path, "list", "head -1")
    assert (code, err) == (0, "")
    assert len(out.splitlines()) == 1
    assert out.split("\t")[0] in {cert.id for cert in catalog_module.load()}


@pytest.mark.parametrize(
    ("fmt", "reader"), [("json", "head -c 100"), ("plain", "head -1"), ("csv", "head -1"), ("json", "true")]
)
def test_big_output_into_a_closed_pipe_is_quiet(tmp_path: Path, big_catalog: Path, fmt: str, reader: str) -> None:
    out, err, code = piped(tmp_path, f"--catalog {shlex.quote(str(big_catalog))} list --format {fmt}", reader)
    assert (code, err) == (0, "")
    if reader == "head -c 100":
        assert len(out) == 100
        assert out.startswith("[\n")


def run_in_pty(tmp_path: Path, args: Sequence[str], extra: dict[str, str] | None = None) -> tuple[int, str, str]:
    timeout = 30.0
    """Run certfind with stdin and stdout on a pseudo-terminal 100 columns wide; stderr piped."""
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 100, 0, 0))
    chunks: list[bytes] = []
    with subprocess.Popen(
        [*CERTFIND, *args],
        stdin=slave,
        stdout=slave,
        stderr=subprocess.PIPE,
        env=proc_env(tmp_path, **(extra or {})),
        cwd=tmp_path,
    ) as proc:
        os.close(slave)
        deadline = time.monotonic() + timeout
        try:
            while True:
                if time.monotonic() > deadline:
                    proc.kill()
                    pytest.fail(f"certfind {' '.join(args)} did not finish on a terminal")
                ready, _, _ = select.select([master], [], [], 0.1)
                if not ready:
                    continue
                try:
                    data = os.read(master, 65536)
                except OSError as exc:  # EIO: every writer closed the terminal
                    if exc.errno != errno.EIO:
                        raise
                    break
                if not data:
                    break
                chunks.append(data)
        finally:
            os.close(master)
        _, err = proc.communicate(timeout=timeout)
    return proc.returncode, b"".join(chunks).decode("utf-8", "replace"), err.decode("utf-8", "replace")


SGR = re.compile(r"\x1b\[([0-9;:]*)m")
COLOUR_PARAMS = frozenset({*range(30, 39), *range(40, 49), *range(90, 98), *range(100, 108)})


def colour_codes(text: str) -> list[str]:
    """The SGR sequences in text that set a foreground or background colour."""
    return [
        m.group()
        for m in SGR.finditer(text)
        if any(p.isdigit() and int(p) in COLOUR_PARAMS for p in re.split("[;:]", m.group(1)))
    ]


@pytest.mark.parametrize("args", [["list", "--format", "table"], ["list"], ["show", "lssc"]], ids=" ".join)
def test_colour_on_a_terminal(tmp_path: Path, args: list[str]) -> None:
    code, out, err = run_in_pty(tmp_path, args)
    assert (code, err) == (0, "")
    assert colour_codes(out), out[:500]
    if args[0] == "list":
        assert "┃" in out  # the default on a terminal is a table


@pytest.mark.parametrize(
    ("extra", "no_escapes_at_all"),
    [({"NO_COLOR": "1"}, False), ({"TERM": "dumb"}, True), ({"NO_COLOR": "1", "TERM": "dumb"}, True)],
    ids=["NO_COLOR", "TERM=dumb", "both"],
)
@pytest.mark.parametrize("args", [["list", "--format", "table"], ["show", "lssc"]], ids=" ".join)
def test_no_colour_when_asked(tmp_path: Path, args: list[str], extra: dict[str, str], no_escapes_at_all: bool) -> None:
    code, out, err = run_in_pty(tmp_path, args, extra)
    assert (code, err) == (0, "")
    assert "lssc" in out
    assert colour_codes(out) == []
    if no_escapes_at_all:
        assert "\x1b" not in out


@pytest.mark.parametrize(
    "args", [["list"], ["show", "lssc"], ["search", "cataloging"], ["compare", "lssc", "cpla", "ca"]], ids=" ".join
)
def test_piped_table_has_no_escapes(tmp_path: Path, args: list[str]) -> None:
    done = run_certfind(tmp_path, *args, "--format", "table")
    assert (done.returncode, done.stderr) == (0, "")
    assert "\x1b" not in done.stdout
    assert "lssc" in done.stdout or "LSSC" in done.stdout


@pytest.mark.parametrize(
    "args",
    [["list"], ["show", "lssc"], ["compare", "lssc", "cpla", "ca"], ["search", "cataloging"]],
    ids=" ".join,
)
def test_narrow_terminal_fits_20_columns(tmp_path: Path, args: list[str]) -> None:
    done = run_certfind(tmp_path, *args, "--format", "table", COLUMNS="20")
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout
    too_wide = [line for line in done.stdout.splitlines() if len(line.rstrip()) > 20]
    assert too_wide == []


def test_json_with_a_20000_character_summary_at_40_columns(tmp_path: Path) -> None:
    summary = "wrap me " * 2500 + "and end"
    assert len(summary) > 20_000
    path = tmp_path / "long.yaml"
    path.write_text(
        catalog_text(VALID_ENTRY.replace("A small entry for tests.", summary), OTHER_ENTRY), encoding="utf-8"
    )
    for args in (["list"], ["show", "demo"], ["search", "demo"], ["compare", "demo", "other"]):
        done = run_certfind(tmp_path, "--catalog", str(path), *args, "--format", "json", COLUMNS="40")
        assert (done.returncode, done.stderr) == (0, ""), args
        assert json_record(args[0], json.loads(done.stdout))["summary"] == summary, args


def _reached_the_catalog(pid: int) -> bool:
    """True once the process has loaded the YAML reader, i.e. it is past start-up and inside the command."""
    try:
        return "_yaml." in Path(f"/proc/{pid}/maps").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False


def test_ctrl_c_exits_130_with_a_short_message(tmp_path: Path) -> None:
    for count in (20_000, 80_000):
        path = tmp_path / f"big{count}.yaml"
        path.write_text(many_entries(count), encoding="utf-8")
        with subprocess.Popen(
            [*CERTFIND, "--catalog", str(path), "list", "--format", "json"],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=proc_env(tmp_path),
            cwd=tmp_path,
        ) as proc:
            start = time.monotonic()
            while proc.poll() is None:
                elapsed = time.monotonic() - start
                if elapsed >= 0.3 and (_reached_the_catalog(proc.pid) or elapsed >= 3.0):
                    break
                time.sleep(0.02)
            if proc.poll() is not None:  # finished before we could interrupt it: try a bigger catalog
                proc.communicate()
                continue
            proc.send_signal(signal.SIGINT)
            _, err = proc.communicate(timeout=30)
        text = err.decode("utf-8", "replace")
        assert proc.returncode == 130, text
        assert "interrupted" in text
        assert "Traceback" not in text
        assert "KeyboardInterrupt" not in text
        return
    pytest.fail("certfind finished before it could be interrupted, even with 80,000 entries")


def test_catalog_from_process_substitution(tmp_path: Path) -> None:
    path = tmp_path / "catalog.yaml"
    path.write_text(catalog_text(), encoding="utf-8")
    out, err, code = piped(tmp_path, f"--catalog <(cat {shlex.quote(str(path))}) list", "cat")
    assert (code, err) == (0, "")
    assert out.startswith("demo\tDemo Certification (DEMO)\t")


@pytest.mark.parametrize(
    "command",
    [
        pytest.param(
            "validate",
        ),
        "list",
        "missing",
    ],
)
def test_a_file_name_that_is_not_utf8(tmp_path: Path, command: str) -> None:
    path = tmp_path / os.fsdecode(b"caf\xe9.yaml")
    try:
        path.write_text(catalog_text(), encoding="utf-8")
    except (OSError, UnicodeError):
        pytest.skip("this file system wants UTF-8 file names")
    args = {
        "validate": ["validate", str(path)],
        "list": ["--catalog", str(path), "list"],
        "missing": ["--catalog", str(path) + ".missing", "list"],
    }[command]
    env = proc_env(tmp_path, PYTHONIOENCODING="utf-8")  # strict, as in a UTF-8 locale such as en_US.UTF-8
    done = subprocess.run([*CERTFIND, *args], capture_output=True, env=env, cwd=tmp_path, timeout=60, check=False)
    err = done.stderr.decode("utf-8", "replace")
    assert "Traceback" not in err
    if command == "missing":
        assert (done.returncode, done.stdout) == (3, b"")
        assert err.endswith(".yaml.missing: no such file\n"), err
    else:
        assert (done.returncode, err) == (0, "")
        assert done.stdout.startswith(b"ok: 1 certifications in " if command == "validate" else b"demo\t")


@pytest.mark.parametrize(
    "columns",
    [
        pytest.param(
            "0",
        ),
        "1",
        "-5",
        "abc",
        "",
        "99999",
    ],
)
def test_table_survives_odd_COLUMNS(columns: str) -> None:
    for args in (["list"], ["show", "lssc"], ["search", "cataloging"], ["compare", "lssc", "cpla"]):
        run = cli(*args, "--format", "table", env={"COLUMNS": columns})
        assert (run.code, run.err) == (0, ""), (args, run)
        assert run.out.strip(), (args, "no output")


@pytest.mark.parametrize(
    ("redirect", "message"),
    [
        pytest.param(">/dev/full", "a full disk", id="full-disk"),
        pytest.param(">&-", "a closed stdout", id="closed-stdout"),
    ],
)
@pytest.mark.parametrize("args", ["list", "list --format json", "show lssc"])
def test_output_that_cannot_be_written_is_a_short_error(tmp_path: Path, redirect: str, message: str, args: str) -> None:
    if "/dev/full" in redirect and not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    err = tmp_path / "certfind.err"
    done = subprocess.run(
        ["bash", "-c", f"{shlex.join(CERTFIND)} {args} {redirect} 2>{shlex.quote(str(err))}"],
        capture_output=True,
        env=proc_env(tmp_path),
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    text = err.read_text(encoding="utf-8")
    assert "Traceback" not in text, message
    assert done.returncode != 0, message
    assert len(text.splitlines()) == 1, text
    assert text.startswith("certfind: "), text


# Simulates Ctrl-C pressed in the first ~0.1 s, while the command line module is still being imported:
# SIGINT is sent to the process the moment it imports Typer.
CTRL_C_WHILE_STARTING = """
import os, runpy, signal, sys

class CtrlCWhileStarting:
    def find_spec(self, name, path=None, target=None):
        if name == "typer":
            sys.meta_path.remove(self)
            open(os.environ["FIRED"], "w").close()
            os.kill(os.getpid(), signal.SIGINT)
        return None

sys.meta_path.insert(0, CtrlCWhileStarting())
sys.argv[0] = "certfind"
runpy.run_module("certfind", run_name="__main__", alter_sys=True)
"""


def test_ctrl_c_while_starting_up(tmp_path: Path) -> None:
    fired = tmp_path / "fired"
    done = subprocess.run(
        [sys.executable, "-c", CTRL_C_WHILE_STARTING, "list"],
        capture_output=True,
        text=True,
        env=proc_env(tmp_path, FIRED=str(fired)),
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    if not fired.exists():
        pytest.skip("certfind no longer imports Typer at start-up")
    assert "Traceback" not in done.stderr, done.stderr[-300:]
    assert (done.returncode, done.stdout) == (130, "")
    assert "interrupted" in done.stderr


# ================================================================================================
# 5. Nothing lost
# ================================================================================================


def snapshot_dir(root: Path) -> set[str]:
    """Every path under root, relative; Python's own bytecode caches left out."""
    return {str(p.relative_to(root)) for p in root.rglob("*") if "__pycache__" not in p.parts}


def file_state(path: Path) -> tuple[bytes, int]:
    return path.read_bytes(), path.stat().st_mtime_ns


def test_no_command_writes_to_catalogs_or_the_package(tmp_path: Path) -> None:
    catalog_dir = tmp_path / "catalogs"
    catalog_dir.mkdir()
    explicit = catalog_dir / "catalog.yaml"
    explicit.write_text(catalog_text(VALID_ENTRY, OTHER_ENTRY), encoding="utf-8")
    user = tmp_path / "config" / "certfind" / "certifications.yaml"
    user.parent.mkdir(parents=True)
    user.write_text(catalog_text(VALID_ENTRY, OTHER_ENTRY), encoding="utf-8")
    age(explicit)
    age(user)
    package = Path(certfind.__file__).resolve().parent
    bundled = catalog_module.bundled_path()
    files = {path: file_state(path) for path in (explicit, user, bundled)}
    dirs = {path: snapshot_dir(path) for path in (catalog_dir, user.parent, package, bundled.parent)}

    commands: list[list[str]] = [["validate"], ["validate", str(explicit)], ["validate", str(user)], ["--version"]]
    for fmt in ("table", "plain", "json", "csv"):
        for args in (
            ["list"],
            ["list", "--sort", "cost", "--max-cost", "500"],
            ["show", "demo"],
            ["search", "demo"],
            ["compare", "demo", "other", "--member"],
        ):
            commands.append([*args, "--format", fmt])
    for _ in range(2):  # twice: a second run may take another path (a cache, for one)
        for args in commands:
            for prefix in ([], ["--catalog", str(explicit)]):
                run = cli(*prefix, *args)
                assert (run.code, run.err) == (0, ""), (prefix, args, run)
        assert cli("list", env={"CERTFIND_CATALOG": str(explicit)}).code == 0
        assert cli("show", "nothing-like-this").code == 1
        assert cli("--catalog", str(catalog_dir / "missing.yaml"), "list").code == 3

    assert {path: file_state(path) for path in files} == files
    assert {path: snapshot_dir(path) for path in dirs} == dirs


# ================================================================================================
# 6. Property: validate either accepts a catalog or locates every problem
# ================================================================================================

IDS = st.from_regex(r"[a-z0-9]{1,6}(-[a-z0-9]{1,6}){0,2}", fullmatch=True)
TEXT = st.text(st.characters(codec="utf-8"), min_size=1, max_size=24).filter(lambda s: visible(s).strip() != "")
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
