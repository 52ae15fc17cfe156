"""The user's own catalog file: forgiving, never hiding the bundled catalog, visible where it overrides,
created by `certfind init`, and flagged when a name only looks like a bundled one."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

import pytest

from certfind import catalog as catalog_module
from certfind import paths
from tests.support import LIST_NOTE, cli

BUNDLED = len(catalog_module.load(str(paths.bundled_catalog())))

MINIMAL = """\
schema_version: 1
certifications:
  - id: county-staff
    name: County Library Staff Certificate
    issuer: Example County Library
    category: library
    summary: Our county's certificate for library staff who finish its workshops.
"""


def user_file(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "config" / "certfind" / "certifications.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


# --- forgiving ---------------------------------------------------------------------------------------


def test_five_fields_make_an_entry(tmp_path: Path) -> None:
    user_file(tmp_path, MINIMAL)
    run = cli("show", "county-staff", "--format", "json")
    assert (run.code, run.err) == (0, "")
    item = json.loads(run.out)
    assert item["verification"] == {
        "status": "unverified",
        "checked": None,
        "note": None,
        "claimed": None,
        "claimed_names": [],
        "alternatives": [],
    }
    assert (item["origin"], item["sources"]) == ("user", [])
    listed = cli("list")
    assert listed.code == 0
    assert len(listed.out.splitlines()) == BUNDLED + 1
    assert (
        "county-staff\tCounty Library Staff Certificate [your own entry]\tExample County Library\tlibrary\tanywhere\tunknown\tunverified\n"
        in listed.out
    )


def test_a_note_or_a_file_url_is_a_source_in_a_users_file(tmp_path: Path) -> None:
    entry = (
        MINIMAL + '    sources: ["Our branch manager, 2026", {title: Handout, url: "file:///home/me/handout.pdf"}]\n'
    )
    user_file(tmp_path, entry)
    run = cli("show", "county-staff")
    assert (run.code, run.err) == (0, "")
    assert "source\t[1] Our branch manager, 2026\n" in run.out
    assert "source\t[2] Handout (a local file)\nurl\tfile:///home/me/handout.pdf\n" in run.out


BROKEN = (
    MINIMAL
    + """\
  - id: bad-fee
    name: Bad Fee
    issuer: X
    category: library
    summary: s
    costs: [{label: Fee, amount: -5}]
  - id: no-name
    issuer: X
    category: library
    summary: s
  - {id: future, name: F, issuer: X, category: library, summary: s, verification: {checked: 2999-01-01}}
  - {id: fourth, name: G, issuer: X, category: library, summary: s, colour: red}
"""
)


def test_a_broken_user_file_never_hides_the_bundled_catalog(tmp_path: Path) -> None:
    path = user_file(tmp_path, BROKEN)
    run = cli("list")
    assert run.code == 0
    ids = [line.split("\t")[0] for line in run.out.splitlines()]
    assert len(ids) == BUNDLED + 1
    assert "county-staff" in ids
    assert not {"bad-fee", "no-name", "future", "fourth"} & set(ids)
    assert run.err.splitlines() == [
        f"warning: {path}:13:34: bad-fee.costs[0].amount: must not be negative (found -5)",
        f"warning: {path}:14:5: no-name: missing required field 'name'",
        f"warning: {path}:18:93: future.verification.checked: 2999-01-01 is in the future (today is "
        + f"{__import__('datetime').date.today().isoformat()})",
        f"certfind: 4 problems in your catalog file; entries with problems are left out. See: certfind validate {path}",
        LIST_NOTE.rstrip("\n"),
    ]


def test_warnings_come_back_on_every_run_and_commands_keep_their_exit_codes(tmp_path: Path) -> None:
    user_file(tmp_path, BROKEN)
    first, second = cli("search", "zzqxjv"), cli("search", "zzqxjv")
    assert first == second
    assert first.code == 1
    assert first.err.count("warning: ") == 3
    assert cli("show", "lssc").code == 0


def test_a_user_file_that_is_not_yaml_is_one_warning(tmp_path: Path) -> None:
    path = user_file(tmp_path, "schema_version: 1\ncertifications: [\n")
    run = cli("show", "lssc", "--format", "plain")
    assert run.code == 0
    assert "id\tlssc\n" in run.out
    assert run.err.startswith(f"warning: {path}:3:1: ")
    assert run.err.endswith(
        f"certfind: 1 problem in your catalog file; entries with problems are left out. See: certfind validate {path}\n"
    )


def test_validate_is_strict_about_the_users_file(tmp_path: Path) -> None:
    path = user_file(tmp_path, BROKEN)
    run = cli("validate")
    assert (run.code, run.out) == (3, "")
    assert run.err.splitlines()[0] == f"{path}:13:34: bad-fee.costs[0].amount: must not be negative (found -5)"
    assert run.err.endswith("certfind: 4 problems in the catalog\n")


def test_an_explicit_catalog_stays_strict(tmp_path: Path) -> None:
    path = tmp_path / "mine.yaml"
    path.write_text(BROKEN, encoding="utf-8")
    run = cli("--catalog", str(path), "list")
    assert (run.code, run.out) == (3, "")
    assert run.err.endswith("certfind: 4 problems in the catalog\n")


# --- overrides are visible ---------------------------------------------------------------------------


OVERRIDE = """\
schema_version: 1
certifications:
  - id: lssc
    name: Library Support Staff Certification
    issuer: ALA-Allied Professional Association
    category: library
    summary: My own notes on LSSC.
"""


def test_an_override_says_so_in_every_format(tmp_path: Path) -> None:
    user_file(tmp_path, OVERRIDE)
    plain = cli("show", "lssc", "--format", "plain")
    assert "name\tLibrary Support Staff Certification\n" in plain.out
    assert "from\tyour own catalog file\n" in plain.out
    assert json.loads(cli("show", "lssc", "--format", "json").out)["origin"] == "user"
    listed = cli("list", "--format", "csv")
    (row,) = [line for line in listed.out.splitlines() if line.startswith("lssc,")]
    assert row.endswith(",user")
    assert "lssc\tLibrary Support Staff Certification [your own entry]\t" in cli("list").out
    table = cli("list", "--format", "table", env={"COLUMNS": "120"})
    assert "[your own entry]" in table.out


def test_validate_lists_the_bundled_entries_a_user_file_replaces(tmp_path: Path) -> None:
    user_file(tmp_path, OVERRIDE)
    run = cli("validate")
    assert run.code == 0
    assert run.err == "note: your own entries replace these bundled ones: lssc\n"
    assert run.out.startswith(f"ok: {BUNDLED} certifications in ")


def test_an_alternative_that_points_at_a_replaced_entry_says_so(tmp_path: Path) -> None:
    user_file(tmp_path, OVERRIDE)
    run = cli("show", "clt", "--format", "plain")
    assert (
        "look instead at\tlssc: Library Support Staff Certification (ALA-Allied Professional Association)"
        " - replaced by your own entry\n" in run.out
    )


LOOKALIKE = """\
schema_version: 1
certifications:
  - id: not-lssc
    name: Library Support Staff Certification
    acronym: "L\u0405SC"
    issuer: Someone Else
    category: library
    summary: Looks like the bundled LSSC.
"""


def test_a_name_that_looks_like_a_bundled_one_is_flagged(tmp_path: Path) -> None:
    user_file(tmp_path, LOOKALIKE)
    run = cli("validate")
    assert run.code == 0
    assert run.err.startswith(
        "warning: 'Library Support Staff Certification' looks like the bundled entry lssc, but this is your own entry not-lssc"
    )
    listed = cli("list")
    assert (
        "not-lssc\tLibrary Support Staff Certification (L\u0405SC) [your own entry, NOT the bundled one it looks like]"
        in listed.out
    )
    item = json.loads(cli("show", "not-lssc", "--format", "json").out)
    assert "looks like the bundled entry lssc" in item["warning"]


@pytest.mark.parametrize("acronym", ["\u13dfIP", "\ua4daIP"], ids=["Cherokee", "Lisu"])
def test_letters_of_other_scripts_drawn_like_latin_ones_are_flagged(tmp_path: Path, acronym: str) -> None:
    user_file(tmp_path, MINIMAL.replace("id: county-staff", "id: my-cip") + f"    acronym: {acronym}\n")
    run = cli("validate")
    assert run.code == 0
    assert run.err.startswith(
        f"warning: '{acronym}' looks like the bundled entry cip, but this is your own entry my-cip"
    )


@pytest.mark.parametrize(
    "name",
    ["\u200b\u200d", "\u2066\u2069 ", "\u00ad", "\U000e0041\U000e0042"],
    ids=["zero-width", "bidi", "soft-hyphen", "tags"],
)
def test_a_name_that_is_empty_once_invisible_characters_go_is_an_error(tmp_path: Path, name: str) -> None:
    path = tmp_path / "c.yaml"
    path.write_text(MINIMAL.replace("County Library Staff Certificate", f'"{name}"'), encoding="utf-8")
    run = cli("validate", str(path))
    assert (run.code, run.out) == (3, "")
    assert run.err == f"{path}:4:11: county-staff.name: must not be empty (found only invisible characters)\n"


# --- init --------------------------------------------------------------------------------------------


def test_init_creates_a_file_that_adds_nothing_until_edited_and_never_overwrites(tmp_path: Path) -> None:
    path = tmp_path / "config" / "certfind" / "certifications.yaml"
    before = cli("list").out
    run = cli("init")
    next_step = f"next: add your entries to it (it holds none yet), then run: certfind validate {path}\n"
    assert (run.code, run.out, run.err) == (0, f"created {path}\n", next_step)
    text = path.read_text(encoding="utf-8")
    assert "# Check it with: certfind validate" in text
    assert cli("validate", str(path)).out == f"ok: 0 certifications in {path}\n"
    assert cli("list").out == before  # the example entry is not listed
    example = text.replace("certifications: []", "certifications:").replace("\n#  ", "\n  ")
    path.write_text(example, encoding="utf-8")
    assert cli("validate", str(path)).out == f"ok: 1 certification in {path}\n"  # the example, uncommented
    assert "my-county-staff-certificate" in cli("list").out
    path.write_text(text + "# mine\n", encoding="utf-8")
    again = cli("init")
    assert (again.code, again.out) == (1, "")
    assert again.err == f"certfind: {path} already exists; certfind never overwrites it\n"
    assert path.read_text(encoding="utf-8").endswith("# mine\n")


def test_init_makes_the_catalog_private_whatever_the_umask(tmp_path: Path) -> None:
    path = tmp_path / "config" / "certfind" / "certifications.yaml"
    old = os.umask(0)
    try:
        run = cli("init")
    finally:
        os.umask(old)
    assert (run.code, run.out) == (0, f"created {path}\n")
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(path.parent.parent.stat().st_mode) == 0o700


@pytest.mark.parametrize("home", ["", "relative/home", "/nonexistent/home"], ids=["empty", "relative", "missing"])
def test_init_without_a_usable_home_writes_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, home: str) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("XDG_CONFIG_HOME")
    monkeypatch.setenv("HOME", home)
    run = cli("init")
    assert (run.code, run.out) == (1, "")
    assert run.err == (
        "certfind: there is no home directory to keep your catalog in\n"
        "set HOME (or XDG_CONFIG_HOME) to the absolute path of an existing directory\n"
    )
    assert [p.name for p in tmp_path.iterdir()] == ["home"]  # nothing new, here or anywhere


def test_init_never_prints_a_terminal_escape_from_the_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    config = tmp_path / "conf\x1b]0;pwned\x07"
    config.mkdir()
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    run = cli("init")
    assert run.code == 0
    assert run.out.startswith("created ")
    assert run.err.startswith("next: add your entries to it")
    assert "\\x1b]0;pwned\\x07" in run.out + run.err  # shown as escapes
    assert not {"\x1b", "\x07"} & set(run.out + run.err)
    assert (config / "certfind" / "certifications.yaml").exists()


# --- whose file it is --------------------------------------------------------------------------------


def users_file(tmp_path: Path, text: str = MINIMAL) -> Path:
    path = tmp_path / "config" / "certfind" / "certifications.yaml"
    path.parent.mkdir(parents=True, mode=0o700)
    path.write_text(text, encoding="utf-8")
    path.chmod(0o600)
    return path


@pytest.mark.parametrize("writable", ["file", "directory"])
def test_a_user_catalog_others_can_write_is_refused(tmp_path: Path, writable: str) -> None:
    path = users_file(tmp_path, MINIMAL.replace("id: county-staff", "id: lssc"))
    target = path if writable == "file" else path.parent
    target.chmod(0o666 if writable == "file" else 0o777)
    for args in (["show", "lssc"], ["list"], ["validate"]):
        run = cli(*args)
        assert (run.code, run.out) == (3, ""), args
        assert run.err == (
            f"certfind: refusing your catalog: {target} is writable by others, so anyone could change what "
            "certfind says\n"
            f"make it yours alone: chmod go-w {target}\n"
        )
    target.chmod(0o600 if writable == "file" else 0o700)
    assert cli("show", "lssc").code == 0


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another user needs root")
def test_a_user_catalog_another_user_owns_is_refused(tmp_path: Path) -> None:
    path = users_file(tmp_path)
    os.chown(path, 65534, 65534)
    run = cli("list")
    assert (run.code, run.out) == (3, "")
    assert run.err == (
        f"certfind: refusing your catalog: {path} is owned by another user, who could change what certfind says\n"
        "move it away, or copy it to a file of your own\n"
    )


def test_a_named_catalog_others_can_write_is_read_with_a_warning(tmp_path: Path) -> None:
    path = tmp_path / "shared.yaml"
    path.write_text(MINIMAL, encoding="utf-8")
    path.chmod(0o666)
    run = cli("--catalog", str(path), "list", "--format", "plain")
    assert run.code == 0
    assert run.out.startswith("county-staff\t")
    assert run.err == (
        f"certfind: warning: {path} is writable by others; anyone who can change it can change what certfind says\n"
    )


def test_a_user_catalog_that_is_a_dangling_link_or_a_fifo_is_ignored_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "config" / "certfind" / "certifications.yaml"
    path.parent.mkdir(parents=True, mode=0o700)
    path.symlink_to(tmp_path / "gone.yaml")
    run = cli("show", "lssc", "--format", "plain")
    assert run.code == 0
    assert run.err == f"certfind: your catalog {path} is a symbolic link to nothing; it is ignored\n"
    path.unlink()
    os.mkfifo(path, 0o600)
    run = cli("show", "lssc", "--format", "plain")  # a FIFO would block every command: never opened
    assert run.code == 0
    assert run.err == f"certfind: your catalog {path} is not a regular file; it is ignored\n"


def test_init_refuses_a_symlink_planted_at_the_file(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious", encoding="utf-8")
    path = tmp_path / "config" / "certfind" / "certifications.yaml"
    path.parent.mkdir(parents=True)
    path.symlink_to(victim)
    run = cli("init")
    assert run.code == 1
    assert victim.read_text(encoding="utf-8") == "precious"
