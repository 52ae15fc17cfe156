"""certfind as a real process: pipes, terminals, Ctrl-C, unwritable output, odd file names, and
nothing of the user's is ever written."""

from __future__ import annotations

import json
import os
import shlex
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

import certfind
from certfind import catalog as catalog_module
from certfind import paths
from tests.support import (
    CERTFIND,
    OTHER_ENTRY,
    VALID_ENTRY,
    age,
    catalog_text,
    cli,
    many_entries,
    piped,
    proc_env,
    run_certfind,
    without_note,
)


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


def _reached_the_catalog(pid: int) -> bool:
    """True once the process has loaded the YAML reader, i.e. it is past start-up and inside the command."""
    try:
        return "_yaml." in Path(f"/proc/{pid}/maps").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return False


def _ctrl_c_as_at_a_terminal() -> None:
    """Ctrl-C acts in the child as at a terminal, even when the tests were started in the background (a
    shell starts background jobs with SIGINT ignored, and the child would inherit that)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


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
            preexec_fn=_ctrl_c_as_at_a_terminal,  # noqa: PLW1509 - the tests start processes from one thread
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


@pytest.mark.parametrize("how", ["--catalog", "CERTFIND_CATALOG", "import"])
def test_a_named_pipe_nobody_writes_to_is_an_error_not_a_wait(tmp_path: Path, how: str) -> None:
    fifo = tmp_path / "catalog.fifo"
    os.mkfifo(fifo)
    args, extra = {
        "--catalog": (["--catalog", str(fifo), "list"], {}),
        "CERTFIND_CATALOG": (["list"], {how: str(fifo)}),
        "import": (["import", str(fifo)], {}),
    }[how]
    run = run_certfind(tmp_path, *args, timeout=20, **extra)
    assert (run.returncode, run.stdout) == (3, "")
    assert run.stderr == f"{fifo}: is a pipe that nothing was written to\n"


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
        assert done.stdout.startswith(b"ok: 1 certification in " if command == "validate" else b"demo\t")


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
        preexec_fn=_ctrl_c_as_at_a_terminal,
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
    bundled = paths.bundled_catalog()
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
                assert (run.code, without_note(run.err)) == (0, ""), (prefix, args, run)
        assert cli("list", env={"CERTFIND_CATALOG": str(explicit)}).code == 0
        assert cli("show", "nothing-like-this").code == 1
        assert cli("--catalog", str(catalog_dir / "missing.yaml"), "list").code == 3

    assert {path: file_state(path) for path in files} == files
    assert {path: snapshot_dir(path) for path in dirs} == dirs


# --- the process edges of contract 1.1 ----------------------------------------------------------------


def shell(tmp_path: Path, command: str, **extra: str) -> tuple[int, bytes, bytes]:
    """Run `certfind COMMAND` through bash (for redirections); stdout and stderr captured where still open."""
    done = subprocess.run(
        ["bash", "-c", f"{shlex.join(CERTFIND)} {command}"],
        capture_output=True,
        env=proc_env(tmp_path, **extra),
        cwd=tmp_path,
        timeout=60,
        check=False,
    )
    return done.returncode, done.stdout, done.stderr


@pytest.mark.parametrize("args", ["--version", "--help", "list --help", "help"])
def test_version_and_help_to_a_full_disk_are_one_line(tmp_path: Path, args: str) -> None:
    if not Path("/dev/full").exists():
        pytest.skip("no /dev/full here")
    code, out, err = shell(tmp_path, f"{args} >/dev/full")
    assert (code, out) == (1, b"")
    assert err == b"certfind: cannot write the output: No space left on device\n"


@pytest.mark.parametrize("fmt", ["table", "plain", "json", "csv"])
@pytest.mark.parametrize("command", ["list", "show lssc", "search library", "compare lssc cpla"])
def test_a_reader_that_reads_nothing_is_no_error(tmp_path: Path, fmt: str, command: str) -> None:
    out, err, code = piped(tmp_path, f"{command} --format {fmt}", "head -c 0")
    assert (code, out) == (0, "")
    assert without_note(err) == ""


@pytest.mark.parametrize(
    ("args", "expected"),
    [("list --bogus", 2), ("search", 2), ("--catalog /nonexistent list", 3), ("list --region Atlantis", 2)],
)
@pytest.mark.parametrize("redirect", ["2>&-", "2>/dev/full"])
def test_exit_codes_survive_an_unwritable_stderr(tmp_path: Path, args: str, expected: int, redirect: str) -> None:
    code, _, _ = shell(tmp_path, f"{args} {redirect}")
    assert code == expected


def test_a_bare_certfind_prints_help_and_succeeds(tmp_path: Path) -> None:
    code, out, err = shell(tmp_path, "")
    assert (code, err) == (0, b"")
    assert b"Usage: certfind" in out
    assert b"search" in out


@pytest.mark.parametrize("encoding", ["PYTHONIOENCODING=ascii", "PYTHONIOENCODING=latin-1", "LC_ALL=C"])
@pytest.mark.parametrize(
    "command",
    ["show cilip-certification", "show cilip-certification --format table", "list --region GB", "search café"],
)
def test_output_never_fails_on_the_streams_encoding(tmp_path: Path, encoding: str, command: str) -> None:
    name, _, value = encoding.partition("=")
    extra = {name: value}
    if name == "LC_ALL":
        extra["PYTHONIOENCODING"] = ""
    code, out, err = shell(tmp_path, command, **extra)
    assert code == (1 if "café" in command else 0), err
    assert b"Traceback" not in err
    if name == "PYTHONIOENCODING" and value == "ascii" and "café" not in command:
        assert b"\\xa3" in out  # the pound sign, written as an escape
        assert out.isascii()
    if "café" in command:
        assert err.startswith(b"certfind: no certification matches 'caf")


@pytest.mark.parametrize("encoding", ["ascii", "latin-1"])
@pytest.mark.parametrize(
    "command",
    [
        "list --format json",
        "list --format ctdl",
        "search cilip --format json",
        "show cilip-certification --format json",
        "compare cilip-certification lianza-registration --format json",
        "plan lianza-registration --earned 2025-01-01 --format json",
        "list --region NZ --json id,name,summary",
    ],
)
def test_json_stays_json_whatever_the_streams_encoding(tmp_path: Path, encoding: str, command: str) -> None:
    code, out, err = shell(tmp_path, command, PYTHONIOENCODING=encoding)
    assert (code, err) == (0, b"")
    assert out.isascii() or encoding != "ascii"
    utf8_code, utf8_out, _ = shell(tmp_path, command)
    assert utf8_code == 0
    assert json.loads(out.decode(encoding)) == json.loads(utf8_out.decode("utf-8"))  # the same data, escaped


WARM_PROBE = """
import sys
from certfind.__main__ import main
try:
    main()
finally:
    heavy = ("yaml", "rapidfuzz", "rich", "certfind.catalogfile", "certfind.store.build", "certfind.store.forked",
             "certfind.cli.commands", "certfind.cli.planning", "certfind.cli.catalogs", "certfind.render.holding")
    sys.stderr.write("loaded:" + "".join(" " + m for m in heavy if m in sys.modules) + "\\n")
"""


@pytest.mark.parametrize(
    ("args", "loaded"),
    [
        (["search", "cataloging"], "certfind.cli.commands"),  # a word the catalog uses: no typo to look for
        (["show", "lssc"], "certfind.cli.commands"),
        (["list", "--format", "json"], "certfind.cli.commands"),
        (["search", "catalogign"], "rapidfuzz certfind.cli.commands"),  # a typo: only now is rapidfuzz loaded
        (["plan", "lssc", "--earned", "2024-06-15"], "certfind.cli.planning certfind.render.holding"),  # its own
    ],
)
def test_a_warm_run_loads_no_yaml_and_no_builder(tmp_path: Path, args: list[str], loaded: str) -> None:
    """Start-up is Typer's and the store's: PyYAML, the store's build side and Rich (for piped output) are
    loaded only when needed, and of the command modules only the one that defines the command run
    (docs/performance.md)."""
    env = proc_env(tmp_path)
    probe = [sys.executable, "-c", WARM_PROBE, *args]
    cold = subprocess.run(probe, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60, check=False)
    assert cold.returncode == 0, cold.stderr
    assert "yaml" in cold.stderr.splitlines()[-1]  # the first run built the store
    warm = subprocess.run(probe, capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60, check=False)
    assert (warm.returncode, warm.stderr.splitlines()[-1]) == (0, f"loaded: {loaded}".rstrip())
    assert warm.stdout == cold.stdout
