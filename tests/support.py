"""Helpers shared by the tests: the pinned day, sample catalogs, certfind run in-process and as a real
process, located problems, pseudo-terminals."""

from __future__ import annotations

import contextlib
import errno
import fcntl
import io
import json
import os
import pty
import re
import select
import shlex
import struct
import subprocess
import sys
import termios
import time
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Protocol
from unittest import mock

import pytest
import typer
from typer.testing import CliRunner

from certfind import costs, trust
from certfind.cli import app
from certfind.model import Certification, Entry, Fee, Source, Verification, to_item
from certfind.render import View

TODAY = date(2026, 11, 25)
"""The day every test runs on (README's examples included)."""


class FixedDate(date):
    @classmethod
    def today(cls) -> FixedDate:
        return cls(TODAY.year, TODAY.month, TODAY.day)


VALID_ENTRY = """\
  - id: demo
    name: Demo Certification
    acronym: DEMO
    issuer: Demo Society
    category: library
    summary: A small entry for tests.
    topics: [cataloging]
    costs:
      - {label: Exam, amount: 100}
    verification:
      status: confirmed
      checked: 2026-11-24
    sources:
      - {title: Demo, url: https://example.org/demo, accessed: 2026-11-24}
"""


def catalog_text(*entries: str) -> str:
    return "schema_version: 1\ncertifications:\n" + "".join(entries or (VALID_ENTRY,))


@dataclass(frozen=True)
class Run:
    code: int
    out: str
    err: str


def cli(*args: str, env: dict[str, str] | None = None) -> Run:
    """Run certfind in-process; stdout and stderr kept apart, exceptions never swallowed."""
    result = CliRunner().invoke(app, list(args), env=env, catch_exceptions=False)
    return Run(result.exit_code, result.stdout, result.stderr)


class WriteCatalog(Protocol):
    def __call__(self, text: str | bytes, name: str = ...) -> str: ...


def click_command(name: str) -> Any:
    """The Click command the app builds for `certfind NAME`, as a run that names it would get it."""
    group = typer.main.get_command(app)
    with group.make_context("certfind", [], resilient_parsing=True) as ctx:
        return group.get_command(ctx, name)  # type: ignore[attr-defined]


def many_entries(count: int) -> str:
    return catalog_text(
        *(
            VALID_ENTRY.replace("id: demo", f"id: demo-{i}").replace("acronym: DEMO", f"acronym: D{i}")
            for i in range(count)
        )
    )


BUNDLED_LEFT_OUT = (
    "certfind: 29 credentials have no recorded requirements and were not checked (list them with --all); "
    "8 that no one awards (not found, or discontinued) are left out\n"
)
"""What `eligible` says on stderr about the bundled catalog, whatever the profile."""


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
# Views rendered directly: entries built in the test, written as a command would write them
# ================================================================================================


def make_cert(ident: str = "demo", **fields: Any) -> Certification:
    """A confirmed, active entry checked on TODAY with one source; `fields` replace any of its fields."""
    base = Certification(
        id=ident,
        name=f"Demo {ident}",
        issuer="Demo Society",
        category="library",
        summary="A small entry for tests.",
        verification=Verification("confirmed", TODAY),
        sources=(Source("Demo page", f"https://example.org/{ident}", TODAY, issuer=True),),
    )
    return base._replace(**fields)


def fee(amount: float | None, high: float | None = None, **fields: Any) -> Fee:
    """A fee of `amount` (to `high`), or of an unknown amount; `fields` as Fee's."""
    low = None if amount is None else round(amount * 100)
    top = low if high is None else round(high * 100)
    return Fee(fields.pop("label", "Exam"), low, top, ranged=high is not None, **fields)


def entry_of(cert: Certification, n: int = 0, lookalike: str | None = None) -> Entry:
    """The entry a store would give for `cert`: its item, non-member up-front cost and warning."""

    record = to_item(cert)
    upfront = costs.upfront(cert)
    record["upfront"] = costs.as_json(upfront)
    record["warning"] = trust.warning_of(cert)
    record["lookalike"] = lookalike
    record["evidence"] = trust.evidence_json(cert)
    return Entry(n, cert, json.dumps(record), record, upfront, record["warning"], lookalike)


def rendered(view: View, fmt: str, columns: int = 100) -> str:
    """What `view` writes on stdout in `fmt` at a width of `columns` (piped: no colour)."""
    out = io.StringIO()
    with mock.patch.dict(os.environ, {"COLUMNS": str(columns)}), contextlib.redirect_stdout(out):
        view.write(fmt)
    return out.getvalue()


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
        "CERTFIND_PAGER": "",  # a terminal's output is paged only in the tests of the pager
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


# Raw terminal controls that must never reach the screen from catalog text or queries.
RAW_CONTROLS = ("\x1b", "\x07", "\x9b", "\u202e")

UNREAL_NOTE = "note: also matched, but no one awards them"

LIST_NOTE = (
    f"{UNREAL_NOTE} (not found, or discontinued): calt, clt, cplt, cslt, ctst, western-council-lpc and 2 more; "
    "see the evidence with: certfind show calt\n"
)
"""What `list` of the whole bundled catalog says on stderr in table and plain: the entries no one awards,
listed last."""


UNMATCHED_NOTE = "certfind: no entry mentions "

SHOWN_NOTE = "note: showing "
"""How a search that --limit cut says how many it shows of how many matched."""


def without_note(err: str) -> str:
    """stderr without the notes search adds: matches no one awards, query words no entry mentions, and how
    many of the matches are shown."""
    notes = (UNREAL_NOTE, UNMATCHED_NOTE, SHOWN_NOTE)
    return "".join(line for line in err.splitlines(keepends=True) if not line.startswith(notes))


@dataclass(frozen=True)
class Screen:
    """What a run on a terminal showed: its exit code, and everything written to the terminal (stdout, the
    pager's drawing, and stderr when it is on the terminal too), escape sequences and all."""

    code: int
    shown: str
    err: str  # stderr when it was a pipe; "" when it was the terminal


def run_on_terminal(
    tmp_path: Path,
    args: Sequence[str],
    env: dict[str, str] | None = None,
    *,
    unset: Sequence[str] = (),
    cols: int = 100,
    rows: int = 40,
    keys: str = "",
    stderr_on_terminal: bool = False,
    timeout: float = 30.0,
) -> Screen:
    """Run certfind as a user at a terminal does: stdin, stdout (and with `stderr_on_terminal`, stderr) on a
    pseudo-terminal of `cols` x `rows` that is the process's controlling terminal, so a pager reads its keys
    from it. `keys` are typed once the terminal has been quiet for a moment (a pager waiting for them).
    COLUMNS and LINES say the terminal's size; `unset` removes variables proc_env pins (COLUMNS,
    CERTFIND_PAGER)."""
    environment = proc_env(tmp_path, COLUMNS=str(cols), LINES=str(rows), **(env or {}))
    for name in unset:
        environment.pop(name, None)
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))

    def controlling_terminal() -> None:
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    chunks: list[bytes] = []
    with subprocess.Popen(
        [*CERTFIND, *args],
        stdin=slave,
        stdout=slave,
        stderr=slave if stderr_on_terminal else subprocess.PIPE,
        env=environment,
        cwd=tmp_path,
        start_new_session=True,
        preexec_fn=controlling_terminal,  # noqa: PLW1509 (the test's own process has no threads to race)
    ) as proc:
        os.close(slave)
        deadline = time.monotonic() + timeout
        typed = not keys
        try:
            while True:
                if time.monotonic() > deadline:
                    proc.kill()
                    pytest.fail(f"certfind {' '.join(args)} did not finish on a terminal")
                ready, _, _ = select.select([master], [], [], 0.3)
                if not ready:
                    if not typed and chunks:
                        os.write(master, keys.encode())
                        typed = True
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
    return Screen(proc.returncode, b"".join(chunks).decode("utf-8", "replace"), (err or b"").decode("utf-8", "replace"))
