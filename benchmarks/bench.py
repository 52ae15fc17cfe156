"""certfind's performance targets (issue 25), measured in one run of the installed tool, as ratios.

Run it with the Python of an environment where certfind is installed (the built wheel), from any directory:

    python benchmarks/bench.py [--entries 100000] [--rounds 21] [--cold-rounds 5] [--quick]

It writes a seeded synthetic catalog (synthetic.py), then times, each command as a fresh process and each
ratio round by round against its reference run in the same round (timing.py):
- start-up: `certfind search cataloging` over the bundled catalog against benchmarks/minimal_app.py;
- cold runs (empty cache) of search, list and show over the synthetic catalog against the floor, a fresh
  process that only walks libyaml's event stream over the same file; each also with the second process
  that writes the store switched off, to give that process's share;
- the peak memory of a cold run, both processes together, sampled from /proc;
- warm searches over the synthetic catalog against the same searches over the bundled catalog.

Standard library only, apart from certfind itself. The report is Markdown on stdout; progress goes to stderr.
Exits 1 when a certfind command fails (its stderr is printed), not when a target is missed.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.metadata
import os
import platform
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from synthetic import cataloging_id, write_catalog
from timing import (
    Job,
    Ratio,
    Series,
    Spawner,
    TreeMemory,
    can_sample_memory,
    paired_ratio,
    run_rounds,
    tree_memory,
)

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
CERTFIND = str(Path(sys.executable).with_name("certfind"))
MINIMAL_APP = str(HERE / "minimal_app.py")

TARGET_ENTRIES = 100_000
STARTUP_X_MINIMAL = 1.0
"""`certfind search cataloging` over the bundled catalog, as a multiple of the minimal Typer + Rich app."""
COLD_X_FLOOR = 3.5
"""A cold run (empty cache) over TARGET_ENTRIES entries, as a multiple of the floor."""
COLD_PEAK_MIB = 400.0
"""A cold run's peak memory over TARGET_ENTRIES entries, every process of the run together (PSS)."""
WARM_X_BUNDLED = 1.3
"""A warm search over TARGET_ENTRIES entries, as a multiple of the same search over the bundled catalog."""

QUERIES = (
    "cataloging",
    "library",
    "certification",
    "library technician",
    "what certification do I need to work in a library",
)
"""Warm searches: `cataloging` matches a few percent of the synthetic entries, the others most of them."""

FLOOR_CODE = """
import sys, yaml
with open(sys.argv[1], "rb") as handle:
    for _ in yaml.parse(handle, Loader=yaml.CSafeLoader):
        pass
"""
"""The floor: a fresh process that walks libyaml's events over the file, as PyYAML hands them out."""

SINGLE_PROCESS_CODE = """
import sys
import certfind.store.forked as forked
forked.PARALLEL_BYTES = 1 << 62
from certfind.__main__ import main
sys.argv[0] = "certfind"
main()
"""
"""certfind with the second process that writes the store switched off: one process reads and writes."""

COLD = (
    ("search cataloging", ["search", "cataloging"]),
    ("list --format json", ["list", "--format", "json"]),
    ("show synthetic-000001", ["show", "synthetic-000001"]),
)
STARTUP = (
    ("python -c pass", [PYTHON, "-c", "pass"]),
    ("minimal Typer+Rich app", [PYTHON, MINIMAL_APP]),
    ("certfind search cataloging", [CERTFIND, "search", "cataloging"]),
    ("certfind show lssc", [CERTFIND, "show", "lssc"]),
    ("certfind list --format json", [CERTFIND, "list", "--format", "json"]),
)
MINIMAL, STARTUP_SEARCH = STARTUP[1][0], STARTUP[2][0]
WARM_OTHERS = (
    ("show synthetic-000001", ["show", "synthetic-000001"], ["show", "lssc"]),
    ("list --format json", ["list", "--format", "json"], ["list", "--format", "json"]),
)
"""Warm runs with no target, for the record: (label, arguments over the synthetic catalog, over the bundled one)."""


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def base_env(config_home: Path, cache_home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("CERTFIND_CATALOG", None)  # the bundled catalog, unless --catalog says otherwise
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # time what an install has: compiled bytecode
    env["XDG_CONFIG_HOME"] = str(config_home)  # empty: no user catalog merged in
    env["XDG_CACHE_HOME"] = str(cache_home)
    env["COLUMNS"] = "100"
    return env


def emptied(path: Path) -> Callable[[], None]:
    def empty() -> None:
        shutil.rmtree(path, ignore_errors=True)
        path.mkdir(parents=True)

    return empty


@dataclass(frozen=True, slots=True)
class Setup:
    tmp: Path
    catalog: Path
    entries: int
    catalog_bytes: int
    bundled_env: dict[str, str]
    big_cache: Path
    big_env: dict[str, str]

    def certfind(self, args: Sequence[str]) -> list[str]:
        return [CERTFIND, "--catalog", str(self.catalog), *args]

    def single_process(self, args: Sequence[str]) -> list[str]:
        return [PYTHON, "-c", SINGLE_PROCESS_CODE, "--catalog", str(self.catalog), *args]

    def floor(self) -> list[str]:
        return [PYTHON, "-c", FLOOR_CODE, str(self.catalog)]


# --- what is measured ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Cold:
    label: str
    floor: Series
    forked: Series
    single: Series


@dataclass(frozen=True, slots=True)
class Memory:
    label: str
    forked: TreeMemory
    single: TreeMemory


@dataclass(frozen=True, slots=True)
class Warm:
    label: str
    big: Series
    bundled: Series
    target: bool


@dataclass(frozen=True, slots=True)
class Results:
    setup: Setup
    rounds: int
    cold_rounds: int
    startup: dict[str, Series]
    cold: list[Cold]
    memory: list[Memory]
    warm: list[Warm]
    store_bytes: int
    first_found: str
    load: list[tuple[str, tuple[float, float, float]]]
    started: str
    certfind_file: str


def measure_startup(spawner: Spawner, setup: Setup, rounds: int) -> dict[str, Series]:
    progress(f"start-up: {len(STARTUP)} commands in turn, 2 warm-up rounds + {rounds}")
    jobs = [Job(label, cmd, setup.bundled_env) for label, cmd in STARTUP]
    return run_rounds(spawner, jobs, rounds, warmups=2)


def measure_cold(spawner: Spawner, setup: Setup, rounds: int) -> list[Cold]:
    """Per round and command: the floor, then the command with an empty cache, then the same with one process."""
    empty = emptied(setup.big_cache)
    jobs: list[Job] = []
    for label, args in COLD:
        jobs += [
            Job(f"floor before {label}", setup.floor(), setup.big_env),
            Job(f"{label} (cold)", setup.certfind(args), setup.big_env, empty),
            Job(f"{label} (cold, one process)", setup.single_process(args), setup.big_env, empty),
        ]
    progress(f"cold, {setup.entries:,} entries: {len(jobs)} runs a round, {rounds} rounds")
    found = run_rounds(spawner, jobs, rounds, progress=lambda s: progress(f"cold: {s}"))
    return [
        Cold(label, found[f"floor before {label}"], found[f"{label} (cold)"], found[f"{label} (cold, one process)"])
        for label, _ in COLD
    ]


def measure_memory(setup: Setup) -> list[Memory]:
    empty = emptied(setup.big_cache)
    found = []
    for label, args in COLD:
        progress(f"memory, {setup.entries:,} entries: {label}, cold, both ways")
        empty()
        forked = tree_memory(setup.certfind(args), setup.big_env)
        empty()
        single = tree_memory(setup.single_process(args), setup.big_env)
        found.append(Memory(label, forked, single))
    return found


def measure_warm(spawner: Spawner, setup: Setup, rounds: int) -> list[Warm]:
    """Each warm command over the synthetic catalog in turn with the same over the bundled catalog."""
    pairs = [(f"search {q}", ["search", q], ["search", q], True) for q in QUERIES]
    pairs += [(label, big, bundled, False) for label, big, bundled in WARM_OTHERS]
    found = []
    for label, big, bundled, target in pairs:
        progress(f"warm, {setup.entries:,} entries: {label}, 2 warm-up rounds + {rounds}")
        jobs = [
            Job("big", setup.certfind(big), setup.big_env),
            Job("bundled", [CERTFIND, *bundled], setup.bundled_env),
        ]
        got = run_rounds(spawner, jobs, rounds, warmups=2)
        found.append(Warm(label, got["big"], got["bundled"], target))
    return found


def first_found(setup: Setup) -> str:
    done = subprocess.run(
        setup.certfind(["search", "cataloging", "--format", "plain"]),
        capture_output=True,
        text=True,
        env=setup.big_env,
        check=False,
    )
    return done.stdout.split("\t", 1)[0] if done.stdout else ""


def installed_from() -> str:
    done = subprocess.run(
        [PYTHON, "-c", "import certfind; print(certfind.__file__)"], capture_output=True, text=True, check=False
    )
    return done.stdout.strip() or "(certfind cannot be imported)"


# --- the report ---------------------------------------------------------------------------------


def fmt_ratio(r: Ratio | None) -> str:
    return "n/a" if r is None else f"{r.median:.2f}x ({r.low:.2f}-{r.high:.2f})"


def fmt_s(series: Series) -> str:
    return f"{series.median_seconds():.2f}" if series.ok else "FAILED"


def fmt_ms(series: Series) -> str:
    return f"{series.median_seconds() * 1000:.1f}" if series.ok else "FAILED"


def verdict(value: float | None, limit: float, applies: bool = True) -> str:
    if not applies:
        return f"n/a (the targets are at {TARGET_ENTRIES:,} entries)"
    if value is None:
        return "n/a (not measured)"
    return "met" if value <= limit else f"**MISSED** by {value / limit - 1:.0%}"


def targets(results: Results) -> list[str]:
    at_target = results.setup.entries == TARGET_ENTRIES
    n = f"{results.setup.entries:,}"
    out = ["| target | limit | measured: median (range) | verdict |", "|---|--:|--:|---|"]
    startup = paired_ratio(results.startup[STARTUP_SEARCH], results.startup[MINIMAL])
    out.append(
        f"| start-up: `certfind search cataloging` (bundled catalog) x the minimal Typer+Rich app | "
        f"{STARTUP_X_MINIMAL:.1f}x | {fmt_ratio(startup)} | "
        f"{verdict(None if startup is None else startup.median, STARTUP_X_MINIMAL)} |"
    )
    for cold in results.cold:
        r = paired_ratio(cold.forked, cold.floor)
        out.append(
            f"| cold `{cold.label}`, {n} entries, x the floor | {COLD_X_FLOOR:.1f}x | {fmt_ratio(r)} | "
            f"{verdict(None if r is None else r.median, COLD_X_FLOOR, at_target)} |"
        )
    if results.memory:
        peak = max(m.forked.pss_mib for m in results.memory)
        worst = max(results.memory, key=lambda m: m.forked.pss_mib)
        out.append(
            f"| cold peak memory, {n} entries, both processes together (PSS) | {COLD_PEAK_MIB:.0f} MiB | "
            f"{peak:.1f} MiB (`{worst.label}`) | {verdict(peak, COLD_PEAK_MIB, at_target)} |"
        )
    for warm in results.warm:
        if warm.target:
            r = paired_ratio(warm.big, warm.bundled)
            out.append(
                f"| warm `{warm.label}`, {n} entries, x the same over the bundled catalog | {WARM_X_BUNDLED:.1f}x | "
                f"{fmt_ratio(r)} | {verdict(None if r is None else r.median, WARM_X_BUNDLED, at_target)} |"
            )
    return out


def report(results: Results) -> str:
    setup = results.setup
    n = f"{setup.entries:,}"
    load = "; ".join(f"{when} {a:.2f} / {b:.2f} / {c:.2f}" for when, (a, b, c) in results.load)
    out = ["## certfind benchmark\n"]
    out.append(
        f"{results.started}. Python {platform.python_version()} ({platform.python_implementation()}) on "
        f"{platform.platform()}, {os.cpu_count()} CPUs; {versions()}; certfind imported from "
        f"`{results.certfind_file}`. Load average (1 / 5 / 15 min): {load}. {results.rounds} timed rounds for "
        f"start-up and each warm comparison (2 warm-up rounds first), {results.cold_rounds} for the cold runs.\n"
    )
    out.append("### Targets\n")
    out.extend(targets(results))
    out.append("")
    out.append(
        "Every ratio is taken round by round: in each round the command runs just after (or before) its "
        "reference, and the ratio shown is the median of the rounds' ratios, with their range in brackets.\n"
    )
    if results.first_found != cataloging_id(setup.entries):
        out.append(
            f"Note: over {n} entries `search cataloging` put {results.first_found or 'nothing'!r} first, not the "
            f"cataloging entry {cataloging_id(setup.entries)}.\n"
        )

    out.append(f"### Cold runs, {n} entries, and the second process's share\n")
    out.append(
        f"The catalog: {setup.catalog_bytes / 2**20:.1f} MiB of YAML, {setup.catalog_bytes / setup.entries:.0f} bytes "
        f"an entry; the store certfind wrote from it: {results.store_bytes / 2**20:.1f} MiB "
        f"({results.store_bytes / setup.catalog_bytes:.2f}x the YAML).\n"
    )
    out.append(
        "| command | floor s | cold s | cold x floor | one process s | one process x floor | "
        "cold / one process | CPU s, cold | CPU s, one process | peak of one process MiB, cold |"
    )
    out.append("|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|")
    for cold in results.cold:
        both = cold.forked.ok and cold.single.ok
        out.append(
            f"| `{cold.label}` | {fmt_s(cold.floor)} | {fmt_s(cold.forked)} | "
            f"{fmt_ratio(paired_ratio(cold.forked, cold.floor))} | {fmt_s(cold.single)} | "
            f"{fmt_ratio(paired_ratio(cold.single, cold.floor))} | "
            f"{fmt_ratio(paired_ratio(cold.forked, cold.single))} | "
            f"{f'{cold.forked.median_cpu_seconds():.1f}' if both else 'n/a'} | "
            f"{f'{cold.single.median_cpu_seconds():.1f}' if both else 'n/a'} | "
            f"{f'{cold.forked.peak_mib():.1f}' if cold.forked.ok else 'n/a'} |"
        )
    out.append("")
    out.append(
        "floor: a fresh process that iterates `yaml.parse(file, Loader=yaml.CSafeLoader)` over the catalog file "
        "and does nothing with the events. cold: `certfind --catalog FILE ...` with an emptied `XDG_CACHE_HOME`: "
        "it reads and checks the catalog while a second process it forks writes the store. one process: the "
        "same with that second process switched off (`certfind.store.forked.PARALLEL_BYTES = 1 << 62` set before "
        "certfind's `main()`, in `python -c`): one process reads, checks and writes. Each round runs the floor, "
        "the cold run and the one-process run of a command in turn. CPU s: user + system time of the run's "
        "processes together (the forked one included), median. The last column is `ru_maxrss`: the larger of the "
        "two processes, not their sum.\n"
    )
    if results.memory:
        out.append(f"### Peak memory of a cold run, {n} entries\n")
        out.append(
            "| command | processes | both together, PSS MiB | both together, RSS MiB | largest process, RSS MiB | "
            "one process (switched off), PSS MiB |"
        )
        out.append("|---|--:|--:|--:|--:|--:|")
        for m in results.memory:
            out.append(
                f"| `{m.label}` | {m.forked.processes} | {m.forked.pss_mib:.1f} | {m.forked.rss_mib:.1f} | "
                f"{m.forked.largest_mib:.1f} | {m.single.pss_mib:.1f} ({m.single.processes} process"
                f"{'es' if m.single.processes != 1 else ''}) |"
            )
        out.append("")
        out.append(
            "One cold run of each, apart from the timed ones: this process read `/proc/PID/smaps_rollup` of the "
            "command and of every process it forked every 20 ms and kept the largest sums. PSS counts a page the "
            "two processes share half to each (what they take together); RSS counts it twice (an upper bound). "
            "processes: how many were seen.\n"
        )

    out.append("### Start-up (bundled catalog)\n")
    out.append("| command | median ms | x `python -c pass` | x the minimal app | peak MiB |")
    out.append("|---|--:|--:|--:|--:|")
    for label, _ in STARTUP:
        s = results.startup[label]
        out.append(
            f"| `{label}` | {fmt_ms(s)} | {fmt_ratio(paired_ratio(s, results.startup['python -c pass']))} | "
            f"{fmt_ratio(paired_ratio(s, results.startup[MINIMAL]))} | "
            f"{f'{s.peak_mib():.1f}' if s.ok else 'n/a'} |"
        )
    out.append("")
    out.append(
        "The minimal app is benchmarks/minimal_app.py: a Typer command that prints a one-row Rich table. Every "
        "command with stdout on /dev/null (certfind then prints plain text), `COLUMNS=100`, an empty "
        "`XDG_CONFIG_HOME`, a warm store for the bundled catalog. Peak: the largest `ru_maxrss`.\n"
    )

    out.append(f"### Warm runs, {n} entries against the bundled catalog\n")
    out.append(f"| command | {n} entries, median ms | bundled, median ms | ratio | target |")
    out.append("|---|--:|--:|--:|---|")
    for warm in results.warm:
        out.append(
            f"| `{warm.label}` | {fmt_ms(warm.big)} | {fmt_ms(warm.bundled)} | "
            f"{fmt_ratio(paired_ratio(warm.big, warm.bundled))} | {'<= 1.3x' if warm.target else 'none'} |"
        )
    out.append("")
    out.append(
        "Each round runs the command over the synthetic catalog's store and then over the bundled catalog's, both "
        "warm. `show` reads one entry on either side (`synthetic-000001`, `lssc`).\n"
    )
    return "\n".join(out)


def versions() -> str:
    found = []
    for dist in ("certfind", "typer", "rich", "rapidfuzz", "PyYAML"):
        try:
            found.append(f"{dist} {importlib.metadata.version(dist)}")
        except importlib.metadata.PackageNotFoundError:
            found.append(f"{dist} (not installed)")
    return ", ".join(found)


def failed(results: Results) -> bool:
    series = [s for label, cmd in STARTUP if cmd[0] == CERTFIND for s in [results.startup[label]]]
    series += [s for c in results.cold for s in (c.forked, c.single)]
    series += [s for w in results.warm for s in (w.big, w.bundled)]
    bad_memory = any(t.exit_code != 0 for m in results.memory for t in (m.forked, m.single))
    return bad_memory or any(not s.ok for s in series)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--entries", type=int, default=None, help=f"synthetic entries (default {TARGET_ENTRIES:,})")
    parser.add_argument("--rounds", type=int, default=None, help="rounds for start-up and warm runs (default 21)")
    parser.add_argument("--cold-rounds", type=int, default=None, help="rounds of cold runs (default 5)")
    parser.add_argument("--no-memory", action="store_true", help="skip the peak memory runs")
    parser.add_argument("--quick", action="store_true", help="10,000 entries, 5 rounds, 1 cold round: a smoke test")
    args = parser.parse_args(argv)
    entries: int = args.entries or (10_000 if args.quick else TARGET_ENTRIES)
    rounds: int = args.rounds or (5 if args.quick else 21)
    cold_rounds: int = args.cold_rounds or (1 if args.quick else 5)
    if min(entries, rounds, cold_rounds) < 1:
        parser.error("--entries, --rounds and --cold-rounds must be at least 1")
    if not Path(CERTFIND).is_file():
        print(f"bench: no certfind console script next to {PYTHON} (looked for {CERTFIND})", file=sys.stderr)
        return 2

    load = [("start", os.getloadavg())]
    started = datetime.datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z")
    with tempfile.TemporaryDirectory(prefix="certfind-bench-") as tmpdir:
        tmp = Path(tmpdir)
        config_home = tmp / "config"
        config_home.mkdir()
        catalog = tmp / f"catalog-{entries}.yaml"
        progress(f"writing {entries:,} synthetic entries")
        size = write_catalog(catalog, entries)
        big_cache = tmp / "cache-big"
        setup = Setup(
            tmp,
            catalog,
            entries,
            size,
            base_env(config_home, tmp / "cache-bundled"),
            big_cache,
            base_env(config_home, big_cache),
        )
        spawner = Spawner(PYTHON, tmp)
        try:
            startup = measure_startup(spawner, setup, rounds)
            cold = measure_cold(spawner, setup, cold_rounds)
            load.append(("after the cold runs", os.getloadavg()))
            memory = measure_memory(setup) if can_sample_memory() and not args.no_memory else []
            warm = measure_warm(spawner, setup, rounds)
        finally:
            spawner.close()
        store_bytes = sum(p.stat().st_size for p in (big_cache / "certfind").glob("*.sqlite3"))
        load.append(("end", os.getloadavg()))
        results = Results(
            setup,
            rounds,
            cold_rounds,
            startup,
            cold,
            memory,
            warm,
            store_bytes,
            first_found(setup),
            load,
            started,
            installed_from(),
        )
        print(report(results))
    if failed(results):
        print("bench: a certfind command failed (its stderr is above)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
