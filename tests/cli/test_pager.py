"""Long output on a terminal goes through a pager, as in git and gh (review 3, finding 18): which pager, when
none, what survives it, and that quitting it early is no error. Also search's note of how many matches a
--limit left out."""

from __future__ import annotations

import re
import shlex
import shutil
import stat
from pathlib import Path

import pytest

from certfind.cli.pager import before_command, command
from tests.support import LIST_NOTE, SHOWN_NOTE, UNREAL_NOTE, cli, piped, run_certfind, run_on_terminal

PAGERS = ("CERTFIND_PAGER", "PAGER")
LESS_QUITS = "\x1b[?1l\x1b>"
"""What less writes to an xterm as it quits (keypad back to normal): all after it came after the pager."""
needs_less = pytest.mark.skipif(shutil.which("less") is None, reason="less is not installed")


def recording_pager(tmp_path: Path, name: str = "pager") -> tuple[str, Path]:
    """A pager that keeps what it is given (and the LESS it was run with) in files, and shows nothing."""
    got = tmp_path / f"{name}.got"
    script = tmp_path / f"{name}.sh"
    script.write_text(f'#!/bin/sh\nprintf "%s" "$LESS" > {shlex.quote(str(got))}.less\ncat > {shlex.quote(str(got))}\n')
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return str(script), got


# --- which pager -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("env", "expected"),
    [
        ({}, ["less", "-FRX"]),
        ({"PAGER": "more"}, ["more"]),
        ({"PAGER": "more", "CERTFIND_PAGER": "less -R"}, ["less", "-R"]),
        ({"PAGER": "more", "CERTFIND_PAGER": ""}, None),
        ({"PAGER": ""}, None),
        ({"CERTFIND_PAGER": "cat"}, None),
        ({"CERTFIND_PAGER": "/bin/cat"}, None),
        ({"CERTFIND_PAGER": "less 'unclosed"}, None),
        ({"TERM": "dumb"}, None),
        ({"TERM": "dumb", "PAGER": "more"}, ["more"]),
    ],
)
def test_the_pager_is_certfind_pager_then_pager_then_less(env: dict[str, str], expected: list[str] | None) -> None:
    assert command(env) == expected


def test_certfinds_own_options_are_those_before_the_command() -> None:
    assert before_command(["--catalog", "--no-pager", "list", "--no-pager"]) == ["--catalog"]
    assert before_command(["--no-pager", "list"]) == ["--no-pager"]
    assert before_command(["-V"]) == ["-V"]


def test_certfind_pager_is_used_on_a_terminal_with_colours_kept(tmp_path: Path) -> None:
    pager, got = recording_pager(tmp_path)
    screen = run_on_terminal(tmp_path, ["show", "lssc"], {"CERTFIND_PAGER": pager, "PAGER": "false"})
    assert (screen.code, screen.shown, screen.err) == (0, "", "")  # everything went to the pager
    paged = got.read_text(encoding="utf-8")
    assert paged.startswith("\x1b[1mLibrary Support Staff Certification (LSSC)")
    assert "\x1b]8;" in paged  # the sources are links
    assert (tmp_path / "pager.got.less").read_text(encoding="utf-8") == "FRX"


def test_pager_is_used_when_certfind_pager_is_unset_and_less_is_left_as_the_user_set_it(tmp_path: Path) -> None:
    pager, got = recording_pager(tmp_path)
    screen = run_on_terminal(tmp_path, ["list"], {"PAGER": pager, "LESS": "-S"}, unset=["CERTFIND_PAGER"])
    assert (screen.code, screen.shown, screen.err) == (0, "", LIST_NOTE)  # the note once the pager has quit
    assert "lssc" in got.read_text(encoding="utf-8")
    assert (tmp_path / "pager.got.less").read_text(encoding="utf-8") == "-S"


@pytest.mark.parametrize(
    ("args", "env"),
    [
        (["--no-pager", "show", "lssc"], {"PAGER": "PAGER"}),
        (["show", "lssc"], {"PAGER": "PAGER", "CERTFIND_PAGER": ""}),
        (["show", "lssc"], {"PAGER": "PAGER", "CERTFIND_PAGER": "cat"}),
        (["show", "lssc"], {"PAGER": "cat"}),
        (["show", "lssc"], {"TERM": "dumb"}),  # less cannot draw there: no pager unless one is named
    ],
    ids=["--no-pager", "empty", "cat", "PAGER=cat", "TERM=dumb"],
)
def test_no_pager_when_turned_off(tmp_path: Path, args: list[str], env: dict[str, str]) -> None:
    pager, got = recording_pager(tmp_path)
    environment = {name: pager if value == "PAGER" else value for name, value in env.items()}
    screen = run_on_terminal(tmp_path, args, environment, unset=[name for name in PAGERS if name not in env])
    assert (screen.code, screen.err) == (0, "")
    assert "Library Support Staff Certification (LSSC)" in screen.shown
    assert not got.exists()


def test_no_pager_option_goes_before_the_command_like_catalog() -> None:
    run = cli("show", "lssc", "--no-pager")
    assert (run.code, run.out) == (2, "")
    assert run.err == (
        "certfind: --no-pager is an option of certfind itself, so it goes before the command\n"
        "try: certfind --no-pager show lssc\n"
    )


def test_never_a_pager_when_stdout_is_not_a_terminal(tmp_path: Path) -> None:
    pager, got = recording_pager(tmp_path)
    done = run_certfind(tmp_path, "show", "lssc", CERTFIND_PAGER=pager)
    assert (done.returncode, done.stderr) == (0, "")
    assert done.stdout.startswith("name\tLibrary Support Staff Certification (LSSC)\nid\tlssc\n")
    assert not got.exists()


def test_a_run_that_prints_nothing_starts_no_pager(tmp_path: Path) -> None:
    pager, got = recording_pager(tmp_path)
    screen = run_on_terminal(tmp_path, ["list", "--bogus"], {"CERTFIND_PAGER": pager})
    assert (screen.code, screen.shown) == (2, "")
    assert screen.err == "certfind: list has no option --bogus\ntry: certfind list --help\n"
    assert not got.exists()


def test_a_pager_that_cannot_start_is_said_once_and_the_output_still_shown(tmp_path: Path) -> None:
    screen = run_on_terminal(tmp_path, ["show", "lssc"], {"CERTFIND_PAGER": str(tmp_path / "no-such-pager")})
    assert screen.code == 0
    assert "Library Support Staff Certification (LSSC)" in screen.shown
    assert screen.err == (
        f"certfind: cannot start the pager '{tmp_path / 'no-such-pager'}' (No such file or directory); "
        "set CERTFIND_PAGER to another pager, or to nothing for none\n"
    )


def test_a_pager_that_quits_early_is_not_an_error(tmp_path: Path, big_catalog: Path) -> None:
    args = ["--catalog", str(big_catalog), "list", "--format", "plain"]
    screen = run_on_terminal(tmp_path, args, {"CERTFIND_PAGER": "head -c 100"})
    assert (screen.code, screen.err) == (0, "")
    assert screen.shown.replace("\r\n", "\n") == run_certfind(tmp_path, *args).stdout[:100]


# --- less -FRX, the default ------------------------------------------------------------------------


@needs_less
def test_less_shows_short_output_with_its_colours_and_links_and_quits(tmp_path: Path) -> None:
    screen = run_on_terminal(tmp_path, ["show", "lssc"], rows=300, unset=["CERTFIND_PAGER"])
    assert (screen.code, screen.err) == (0, "")
    assert "\x1b[1mLibrary Support Staff Certification (LSSC)" in screen.shown
    assert re.search(r"\x1b\]8;[^\x1b]*;https://ala-apa\.org/lssc/[^\x1b]*\x1b\\", screen.shown)  # OSC 8, whole


@needs_less
def test_q_in_less_ends_a_long_listing_with_exit_0(tmp_path: Path, big_catalog: Path) -> None:
    args = ["--catalog", str(big_catalog), "list"]
    screen = run_on_terminal(tmp_path, args, rows=20, keys="q", unset=["CERTFIND_PAGER"])
    assert (screen.code, screen.err) == (0, "")
    assert "demo-0" in screen.shown
    assert "demo-2999" not in screen.shown  # the rest was never shown: the reader went away


@needs_less
def test_notes_on_the_terminal_come_after_the_pager_quits(tmp_path: Path) -> None:
    screen = run_on_terminal(
        tmp_path, ["search", "cataloging"], rows=20, keys="q", stderr_on_terminal=True, unset=["CERTFIND_PAGER"]
    )
    assert screen.code == 0
    pager, _, after = screen.shown.rpartition(LESS_QUITS)
    assert "lssc" in pager
    assert UNREAL_NOTE not in pager  # nothing written over the pager's screen
    notes = after.splitlines()
    assert [note.split(":")[0] for note in notes] == ["note", "note"]
    assert notes[0].startswith(UNREAL_NOTE)
    assert re.fullmatch(r"note: showing 10 of (\d+) matches; use --limit \1 to see them all", notes[1])


# --- how many a search shows ---------------------------------------------------------------------


def test_search_says_how_many_it_shows_when_the_limit_cut_them() -> None:
    everything = cli("search", "library", "--limit", "1000")
    total = len(everything.out.splitlines())
    run = cli("search", "library")
    assert run.code == 0
    assert len(run.out.splitlines()) == 10
    assert run.err.splitlines()[-1] == f"note: showing 10 of {total} matches; use --limit {total} to see them all"
    assert SHOWN_NOTE not in everything.err


def test_no_count_note_when_every_match_is_shown_or_for_json() -> None:
    run = cli("search", "cataloging", "--limit", "3", "--format", "json")
    assert (run.code, run.err) == (0, "")
    exact = cli("search", "lssc")
    assert exact.code == 0
    assert SHOWN_NOTE not in exact.err


def test_the_count_note_goes_to_stderr_not_into_a_pipe(tmp_path: Path) -> None:
    out, err, code = piped(tmp_path, "search cataloging", "cat")
    assert code == 0
    assert len(out.splitlines()) == 10
    assert SHOWN_NOTE not in out
    assert re.search(r"^note: showing 10 of \d+ matches; use --limit \d+ to see them all$", err, re.MULTILINE)


@pytest.mark.parametrize("args", [["--help"], ["list", "--help"], ["help", "search"], []], ids=" ".join)
def test_help_goes_through_the_pager_too(tmp_path: Path, args: list[str]) -> None:
    pager, got = recording_pager(tmp_path)
    screen = run_on_terminal(tmp_path, args, {"CERTFIND_PAGER": pager})
    assert (screen.code, screen.shown, screen.err) == (0, "", "")
    assert got.read_text(encoding="utf-8") == cli(*args).out
