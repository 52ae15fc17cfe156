"""Running commands as fresh processes: wall and CPU time, medians and paired ratios, peak memory of a process
tree.

Timed runs go through a small helper process (`Spawner`), so that what is measured is the command alone.
Memory runs (`tree_memory`) are separate runs, started from this process, that sample /proc while the command
and every process it forks run: the sampling costs CPU, so those runs are not timed.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple


@dataclass(frozen=True, slots=True)
class Run:
    """One run of a command: wall seconds from spawn to reap, CPU seconds (user + system, its own and those of
    the children it waited for), peak RSS in KiB (`ru_maxrss`: the largest single process, not their sum),
    exit code and stderr."""

    seconds: float
    cpu_seconds: float
    maxrss_kib: int
    exit_code: int
    stderr: str


@dataclass(slots=True)
class Series:
    """The runs of one command, one per round; `failure` holds the first failed run, after which it is not run
    again."""

    runs: list[Run] = field(default_factory=list)
    failure: Run | None = None

    @property
    def ok(self) -> bool:
        return self.failure is None and bool(self.runs)

    def median_seconds(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    def median_cpu_seconds(self) -> float:
        return statistics.median(r.cpu_seconds for r in self.runs)

    def peak_mib(self) -> float:
        return max(r.maxrss_kib for r in self.runs) / 1024


class Ratio(NamedTuple):
    """A command against its reference, round by round: the median of the per-round ratios, and their range."""

    median: float
    low: float
    high: float
    rounds: int


def paired_ratio(num: Series, den: Series, measure: Callable[[Run], float] | None = None) -> Ratio | None:
    """The ratio of two series run in turn (one run of each per round), taken round by round, so that a slow
    moment of the machine weighs on both sides of each ratio; None when either side failed."""
    if not (num.ok and den.ok) or len(num.runs) != len(den.runs):
        return None
    of = measure or (lambda run: run.seconds)
    each = [of(a) / of(b) for a, b in zip(num.runs, den.runs, strict=True)]
    return Ratio(statistics.median(each), min(each), max(each), len(each))


# Linux carries a parent's peak RSS into its child across fork/vfork + exec (the old mm's high-water mark
# lands in the child's ru_maxrss), so a child of the benchmark would never read below the benchmark's own
# peak. Every timed command is therefore started by a tiny helper (`python -I -S`, os/sys/time only, below
# `python -c pass` itself), which times posix_spawn..os.wait4 and sends back the child's own rusage.
SPAWNER_CODE = """
import os, sys, time
read, write = sys.stdin.buffer, sys.stdout.buffer
while True:
    header = read.readline()
    if not header:
        break
    fields = read.read(int(header)).split(b"\\0")
    stderr_path, argc = fields[0], int(fields[1])
    argv = fields[2 : 2 + argc]
    env = dict(item.split(b"=", 1) for item in fields[2 + argc :])
    actions = [
        (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
        (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
        (os.POSIX_SPAWN_OPEN, 2, stderr_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600),
    ]
    try:
        start = time.perf_counter()
        pid = os.posix_spawn(argv[0], argv, env, file_actions=actions)
        _, status, usage = os.wait4(pid, 0)
        elapsed = time.perf_counter() - start
        cpu = usage.ru_utime + usage.ru_stime
        reply = "ran %r %r %d %d\\n" % (elapsed, cpu, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
    except OSError as exc:
        reply = "error cannot start %s: %s\\n" % (os.fsdecode(argv[0]), exc)
    write.write(reply.encode())
    write.flush()
"""


class Spawner:
    """Runs commands one at a time through the helper process; see SPAWNER_CODE."""

    def __init__(self, python: str, workdir: Path) -> None:
        self.stderr_path = workdir / "stderr.txt"
        self.proc = subprocess.Popen(
            [python, "-I", "-S", "-c", SPAWNER_CODE], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )

    def run(self, cmd: Sequence[str], env: Mapping[str, str]) -> Run:
        """One run of `cmd`, stdin and stdout on /dev/null."""
        assert self.proc.stdin is not None
        assert self.proc.stdout is not None
        fields = [str(self.stderr_path), str(len(cmd)), *cmd, *(f"{k}={v}" for k, v in env.items())]
        payload = b"\0".join(os.fsencode(f) for f in fields)
        self.proc.stdin.write(b"%d\n" % len(payload) + payload)
        self.proc.stdin.flush()
        reply = self.proc.stdout.readline().decode()
        if not reply:
            raise RuntimeError("the spawner helper process died")
        if reply.startswith("error "):
            return Run(0.0, 0.0, 0, 127, reply.removeprefix("error ").rstrip("\n"))
        _, seconds, cpu, maxrss, code = reply.split()
        stderr = self.stderr_path.read_bytes().decode("utf-8", "replace")
        rss_kib = int(maxrss) // 1024 if sys.platform == "darwin" else int(maxrss)  # bytes on macOS
        return Run(float(seconds), float(cpu), rss_kib, int(code), stderr)

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait()


class Job(NamedTuple):
    label: str
    cmd: Sequence[str]
    env: Mapping[str, str]
    before: Callable[[], None] | None = None
    """Called before each run, untimed (to empty a cache, say)."""


def run_rounds(
    spawner: Spawner,
    jobs: Sequence[Job],
    rounds: int,
    warmups: int = 0,
    progress: Callable[[str], None] | None = None,
) -> dict[str, Series]:
    """Run every job once per round, round after round, so that the commands compared share the machine's slow
    and fast moments. A job that fails is reported on stderr and left out of the later rounds."""
    found = {job.label: Series() for job in jobs}
    for i in range(warmups + rounds):
        if progress is not None and i >= warmups:
            progress(f"round {i - warmups + 1}/{rounds}")
        for job in jobs:
            series = found[job.label]
            if series.failure is not None:
                continue
            if job.before is not None:
                job.before()
            run = spawner.run(job.cmd, job.env)
            if run.exit_code != 0:
                series.failure = run
                report_failure(job.label, job.cmd, run)
            elif i >= warmups:
                series.runs.append(run)
    return found


def report_failure(label: str, cmd: Sequence[str], run: Run) -> None:
    how = f"killed by signal {-run.exit_code}" if run.exit_code < 0 else f"exit code {run.exit_code}"
    print(f"\nFAILED ({how}): {label}\n  command: {' '.join(cmd)}", file=sys.stderr)
    print("  stderr:\n" + "\n".join("    " + line for line in run.stderr.rstrip().splitlines()), file=sys.stderr)


# --- peak memory of a process tree, sampled from /proc (Linux) ----------------------------------


@dataclass(frozen=True, slots=True)
class TreeMemory:
    """Peaks of one run of a command and every process it started, sampled from /proc every `interval` s.

    pss_mib: the largest sum of the processes' proportional set sizes seen at one sample (a page two processes
    share counts half to each: what they use together); rss_mib: the largest sum of their resident sets (shared
    pages counted twice: an upper bound); largest_mib: the largest single process's resident set seen."""

    pss_mib: float
    rss_mib: float
    largest_mib: float
    processes: int
    samples: int
    exit_code: int


def _parent_pids() -> dict[int, int]:
    """Every process's parent, from /proc/PID/stat (the field after the name, which may hold spaces)."""
    parents: dict[int, int] = {}
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/stat", "rb") as handle:
                stat = handle.read()
        except OSError:
            continue
        fields = stat[stat.rfind(b")") + 2 :].split()
        parents[int(name)] = int(fields[1])
    return parents


def _tree(root: int) -> set[int]:
    parents = _parent_pids()
    found = {root}
    grew = True
    while grew:
        more = {pid for pid, parent in parents.items() if parent in found} - found
        found |= more
        grew = bool(more)
    return found


def _rss_pss_kib(pid: int) -> tuple[int, int] | None:
    try:
        with open(f"/proc/{pid}/smaps_rollup", "rb") as handle:
            text = handle.read()
    except OSError:
        return None
    values: dict[bytes, int] = {}
    for line in text.splitlines():
        key, _, rest = line.partition(b":")
        if key in (b"Rss", b"Pss"):
            values[key] = int(rest.split()[0])
    if len(values) != 2:
        return None  # gone (or a zombie) between the listing and the read
    return values[b"Rss"], values[b"Pss"]


def tree_memory(cmd: Sequence[str], env: Mapping[str, str], interval: float = 0.02) -> TreeMemory:
    """Run `cmd` once (stdout and stderr on /dev/null) and sample the memory of it and its descendants."""
    proc = subprocess.Popen(
        list(cmd), env=dict(env), stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    pss_peak = rss_peak = largest = 0
    seen: set[int] = set()
    samples = 0
    while proc.poll() is None:
        rss_sum = pss_sum = 0
        for pid in _tree(proc.pid):
            got = _rss_pss_kib(pid)
            if got is None:
                continue
            seen.add(pid)
            rss_sum += got[0]
            pss_sum += got[1]
            largest = max(largest, got[0])
        samples += 1
        rss_peak, pss_peak = max(rss_peak, rss_sum), max(pss_peak, pss_sum)
        time.sleep(interval)
    return TreeMemory(pss_peak / 1024, rss_peak / 1024, largest / 1024, len(seen), samples, proc.returncode)


def can_sample_memory() -> bool:
    return os.path.exists(f"/proc/{os.getpid()}/smaps_rollup")
