"""What reaches the screen: catalog text is inert in every command and format, colour only on a
terminal, tables that fit any width."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import pytest

from certfind.cli import command_names
from tests.support import (
    LIST_NOTE,
    OTHER_ENTRY,
    RAW_CONTROLS,
    VALID_ENTRY,
    Run,
    WriteCatalog,
    age,
    catalog_text,
    cli,
    click_command,
    dig,
    run_certfind,
    run_in_pty,
    without_note,
)

# ================================================================================================
# 2. Catalog text is data, never code
# ================================================================================================

HOSTILE = "[bold]x[/] [/] [link=https://e.x]y[/link] :smile: \x1b[31mred\x1b]8;;https://evil\x07 \u202eabc \x9b2J"
# A URL cannot hold spaces nor control characters (validation refuses them); the rest, as one word.
HOSTILE_URL = "https://e.x/[bold]x[/]:smile:[link=https://evil]\u202eabc[/link]"

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
        assert {len(row) for row in rows} == {7}
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
    assert (code, err) == (0, LIST_NOTE if args[0] == "list" else "")
    assert colour_codes(out), out[:500]
    if args[0] == "list":
        assert "─" in out  # the default on a terminal is a table


@pytest.mark.parametrize(
    ("extra", "no_escapes_at_all"),
    [({"NO_COLOR": "1"}, False), ({"TERM": "dumb"}, True), ({"NO_COLOR": "1", "TERM": "dumb"}, True)],
    ids=["NO_COLOR", "TERM=dumb", "both"],
)
@pytest.mark.parametrize("args", [["list", "--format", "table"], ["show", "lssc"]], ids=" ".join)
def test_no_colour_when_asked(tmp_path: Path, args: list[str], extra: dict[str, str], no_escapes_at_all: bool) -> None:
    code, out, err = run_in_pty(tmp_path, args, extra)
    assert (code, err) == (0, LIST_NOTE if args[0] == "list" else "")
    assert "lssc" in out
    assert colour_codes(out) == []
    if no_escapes_at_all:
        assert "\x1b" not in out


@pytest.mark.parametrize(
    "args", [["list"], ["show", "lssc"], ["search", "cataloging"], ["compare", "lssc", "cpla", "ca"]], ids=" ".join
)
def test_piped_table_has_no_escapes(tmp_path: Path, args: list[str]) -> None:
    done = run_certfind(tmp_path, *args, "--format", "table")
    assert (done.returncode, without_note(done.stderr)) == (0, "")
    assert "\x1b" not in done.stdout
    assert "lssc" in done.stdout or "LSSC" in done.stdout


@pytest.mark.parametrize(
    "args",
    [["list"], ["show", "lssc"], ["compare", "lssc", "cpla", "ca"], ["search", "cataloging"]],
    ids=" ".join,
)
def test_narrow_terminal_fits_20_columns(tmp_path: Path, args: list[str]) -> None:
    done = run_certfind(tmp_path, *args, "--format", "table", COLUMNS="20")
    assert (done.returncode, without_note(done.stderr)) == (0, "")
    assert done.stdout
    lines = done.stdout.splitlines()
    too_wide = [line for line in lines if len(line.rstrip()) > 20 and not line.startswith("http")]
    assert too_wide == []
    if args[0] == "show":  # a source's URL is printed whole on its own line, never folded
        assert "https://ala-apa.org/lssc/for-candidates/eligibility-and-cost/" in lines


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
        assert (run.code, without_note(run.err)) == (0, ""), (args, run)
        assert run.out.strip(), (args, "no output")


def test_a_huge_columns_is_capped_at_a_readable_width() -> None:
    run = cli("list", "--format", "table", env={"COLUMNS": "99999"})
    assert run.code == 0
    assert max(len(line) for line in run.out.splitlines()) <= 240


# Arguments that make each command print something; every command of the app must be here.
SAMPLE_ARGS = {
    "list": ["--region", "GB"],
    "show": ["lssc"],
    "search": ["cataloging"],
    "compare": ["lssc", "cpla"],
    "plan": ["cip", "--earned", "2025-03-01"],
    "eligible": ["--education", "master", "--experience-years", "3"],
    "import": ["tests/fixtures/ctdl/nbcot-cota-import.json"],
    "init": [],
    "validate": [],
    "help": ["list"],
}


def formats_of(command: str) -> list[str]:
    """The values the command's --format option declares, read from the app itself."""

    for param in click_command(command).params:
        if "--format" in getattr(param, "opts", ()):
            return list(param.type.choices)
    return []


def test_every_command_has_sample_arguments() -> None:
    assert set(SAMPLE_ARGS) == set(command_names())


@pytest.mark.parametrize(("command", "fmt"), [(c, f) for c in command_names() for f in formats_of(c)], ids=str)
def test_every_command_writes_every_format_it_declares(command: str, fmt: str) -> None:
    tests_dir = Path(__file__).resolve().parents[1]
    args = [str(tests_dir.parent / a) if a.startswith("tests/") else a for a in SAMPLE_ARGS[command]]
    run = cli(command, *args, "--format", fmt, env={"COLUMNS": "100"})
    assert run.code == 0, (command, fmt, run.err)
    assert run.out
    if fmt in ("json", "ctdl"):
        json.loads(run.out)
    if fmt == "csv":
        rows = list(csv.reader(io.StringIO(run.out)))
        assert len({len(row) for row in rows}) == 1
