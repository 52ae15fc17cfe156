"""Time certfind's start-up against bare Python and a minimal Typer + Rich app, and its scaling on big catalogs.

Run with the Python of the environment where certfind is installed:

    python benchmarks/bench.py [--runs N] [--sizes 1000,10000,100000] [--cold-runs N] [--quick]

Standard library only. The report is Markdown on stdout (paste it into the README); progress goes to
stderr. Exits non-zero only when a certfind command fails (its stderr is printed).
"""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import platform
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
PYTHON = sys.executable
CERTFIND = str(Path(sys.executable).with_name("certfind"))
MINIMAL_APP = str(HERE / "minimal_app.py")

WARMUPS = 2
DEFAULT_RUNS = 15
DEFAULT_SIZES = (1_000, 10_000, 100_000)
QUICK_RUNS = 5
QUICK_SIZES = (1_000, 10_000)
DEFAULT_COLD_RUNS = 1
SEED = 20261124
TARGETS = {10_000: 1.5, 100_000: 3.0}
"""Headline targets: warm `search` over a synthetic catalog of this size, as a multiple of the bundled catalog's."""
PEAK_TARGET_MIB = 400.0

# Startup section: (label, command, catalog column, baseline?)
PASS = "python -c pass"
MINIMAL = "python benchmarks/minimal_app.py"
STARTUP: tuple[tuple[str, list[str], str], ...] = (
    (PASS, [PYTHON, "-c", "pass"], "-"),
    (MINIMAL, [PYTHON, MINIMAL_APP], "-"),
    ("certfind search cataloging --format plain", [CERTFIND, "search", "cataloging", "--format", "plain"], "bundled"),
    ("certfind list --format plain", [CERTFIND, "list", "--format", "plain"], "bundled"),
    ("certfind list --format json", [CERTFIND, "list", "--format", "json"], "bundled"),
    ("certfind show lssc --format plain", [CERTFIND, "show", "lssc", "--format", "plain"], "bundled"),
    ("certfind list --format table", [CERTFIND, "list", "--format", "table"], "bundled"),
)
BUNDLED_SEARCH = "certfind search cataloging --format plain"

# Scale section: (label, arguments after `--catalog PATH`, bundled reference label)
SCALE: tuple[tuple[str, list[str], str], ...] = (
    ("search cataloging --format plain", ["search", "cataloging", "--format", "plain"], BUNDLED_SEARCH),
    ("list --format json", ["list", "--format", "json"], "certfind list --format json"),
    (
        "show synthetic-000001 --format plain",
        ["show", "synthetic-000001", "--format", "plain"],
        "certfind show lssc --format plain",
    ),
)


# --- measuring ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Run:
    seconds: float
    maxrss_kib: int
    exit_code: int
    stderr: str


@dataclass(slots=True)
class Series:
    """The runs of one command; `failure` holds the first failed run, after which it is not run again."""

    runs: list[Run] = field(default_factory=list)
    failure: Run | None = None

    @property
    def ok(self) -> bool:
        return self.failure is None and bool(self.runs)

    def median_ms(self) -> float:
        return statistics.median(r.seconds for r in self.runs) * 1000

    def peak_mib(self) -> float:
        return max(r.maxrss_kib for r in self.runs) / 1024


# Linux carries a parent's peak RSS into its child across fork/vfork + exec (the old mm's high-water mark
# lands in the child's ru_maxrss), so a child of this script would never read below this script's own
# peak (about 18 MiB with its imports, more while it writes a big catalog). Every measured command is
# therefore started by a tiny helper (`python -I -S`, os/sys/time only, about 8.5 MiB, below
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
        reply = "ran %r %d %d\\n" % (elapsed, usage.ru_maxrss, os.waitstatus_to_exitcode(status))
    except OSError as exc:
        reply = "error cannot start %s: %s\\n" % (os.fsdecode(argv[0]), exc)
    write.write(reply.encode())
    write.flush()
"""


class Spawner:
    """Runs commands one at a time through the helper process; see SPAWNER_CODE."""

    def __init__(self, workdir: Path) -> None:
        self.stderr_path = workdir / "stderr.txt"
        self.proc = subprocess.Popen(
            [PYTHON, "-I", "-S", "-c", SPAWNER_CODE], stdin=subprocess.PIPE, stdout=subprocess.PIPE
        )

    def run(self, cmd: Sequence[str], env: Mapping[str, str]) -> Run:
        """Wall time from spawn to reap, peak RSS (KiB), exit code and stderr of one run of `cmd`."""
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
            return Run(0.0, 0, 127, reply.removeprefix("error ").rstrip("\n"))
        _, seconds, maxrss, code = reply.split()
        stderr = self.stderr_path.read_bytes().decode("utf-8", "replace")
        rss_kib = int(maxrss) // 1024 if sys.platform == "darwin" else int(maxrss)  # bytes on macOS
        return Run(float(seconds), rss_kib, int(code), stderr)

    def close(self) -> None:
        if self.proc.stdin is not None:
            self.proc.stdin.close()
        self.proc.wait()


def run_series(
    spawner: Spawner, label: str, cmd: Sequence[str], env: Mapping[str, str], runs: int, warmups: int = 0
) -> Series:
    series = Series()
    for i in range(warmups + runs):
        run = spawner.run(cmd, env)
        if run.exit_code != 0:
            series.failure = run
            report_failure(label, cmd, run)
            return series
        if i >= warmups:
            series.runs.append(run)
    return series


def report_failure(label: str, cmd: Sequence[str], run: Run) -> None:
    how = f"killed by signal {-run.exit_code}" if run.exit_code < 0 else f"exit code {run.exit_code}"
    print(f"\nFAILED ({how}): {label}\n  command: {' '.join(cmd)}", file=sys.stderr)
    print("  stderr:\n" + "\n".join("    " + line for line in run.stderr.rstrip().splitlines()), file=sys.stderr)


def progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


def base_env(config_home: Path, cache_home: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.pop("CERTFIND_CATALOG", None)  # the bundled catalog, unless --catalog says otherwise
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # time what an install has: compiled bytecode, not recompiles
    env["XDG_CONFIG_HOME"] = str(config_home)  # empty: no user catalog merged in
    env["XDG_CACHE_HOME"] = str(cache_home)
    env["COLUMNS"] = "100"
    return env


def empty_dir(path: Path) -> None:
    shutil.rmtree(path, ignore_errors=True)
    path.mkdir(parents=True)


def dir_kib(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file()) / 1024


# --- synthetic catalogs -------------------------------------------------------------------------

PREFIXES = [
    "Certified",
    "Registered",
    "Professional",
    "Associate",
    "Advanced",
    "Senior",
    "Master",
    "Accredited",
    "Chartered",
    "Licensed",
    "Qualified",
    "Recognized",
    "Foundation",
    "Intermediate",
    "Applied",
    "Practical",
    "Graduate",
    "Provisional",
    "Distinguished",
    "Fellow",
]
SUBJECTS = [
    "Library",
    "Archives",
    "Records",
    "Information",
    "Digital",
    "Collection",
    "Metadata",
    "Preservation",
    "Conservation",
    "Circulation",
    "Reference",
    "Acquisitions",
    "Serials",
    "Periodicals",
    "Indexing",
    "Abstracting",
    "Classification",
    "Bibliographic",
    "Curation",
    "Museum",
    "Heritage",
    "Documentation",
    "Knowledge",
    "Research",
    "Literacy",
    "Media",
    "Technology",
    "Network",
    "Systems",
    "Database",
    "Security",
    "Cloud",
    "Software",
    "Hardware",
    "Electronics",
    "Automation",
    "Robotics",
    "Control",
    "Instrumentation",
    "Office",
    "Spreadsheet",
    "Presentation",
    "Publishing",
    "Typography",
    "Imaging",
    "Scanning",
    "Microfilm",
    "Photography",
    "Audiovisual",
    "Sound",
    "Film",
    "Manuscripts",
    "Genealogy",
    "Government",
    "Legal",
    "Medical",
    "Health",
    "School",
    "Youth",
    "Children",
    "Teen",
    "Adult",
    "Outreach",
    "Programming",
    "Community",
    "Public",
    "Academic",
    "Special",
    "Corporate",
    "Rural",
    "Branch",
    "Mobile",
    "Accessibility",
    "Privacy",
    "Compliance",
    "Retention",
    "Governance",
    "Risk",
    "Audit",
    "Quality",
    "Project",
    "Supervision",
    "Leadership",
    "Budget",
    "Facilities",
    "Procurement",
    "Licensing",
    "Copyright",
    "Data",
    "Analytics",
    "Statistics",
    "Visualization",
    "Web",
    "Cybersecurity",
    "Telecommunications",
    "Wiring",
    "Circuits",
    "Soldering",
    "Microcontrollers",
    "Sensors",
    "Drives",
    "Motors",
    "Hydraulics",
    "Pneumatics",
    "Welding",
    "Maintenance",
    "Installation",
    "Repair",
    "Inventory",
    "Logistics",
    "Scheduling",
    "Payroll",
    "Bookkeeping",
    "Accounting",
    "Transcription",
    "Translation",
    "Interpreting",
    "Storytelling",
    "Reading",
    "Writing",
    "Tutoring",
    "Instruction",
    "Training",
    "Assessment",
    "Evaluation",
    "Discovery",
    "Search",
    "Retrieval",
    "Taxonomy",
    "Ontology",
    "Thesaurus",
    "Vocabulary",
    "Catalogs",
    "Encoding",
    "Digitization",
    "Restoration",
    "Binding",
    "Bookbinding",
    "Shelving",
    "Processing",
    "Interlibrary",
    "Lending",
    "Exhibits",
    "Events",
    "Marketing",
    "Fundraising",
    "Grants",
    "Volunteers",
    "Customer",
    "Service",
    "Helpdesk",
    "Support",
]
ROLES = [
    "Specialist",
    "Technician",
    "Assistant",
    "Associate",
    "Administrator",
    "Manager",
    "Professional",
    "Analyst",
    "Coordinator",
    "Practitioner",
    "Officer",
    "Expert",
    "Consultant",
    "Steward",
    "Librarian",
    "Archivist",
    "Curator",
    "Clerk",
    "Aide",
    "Paraprofessional",
    "Engineer",
    "Operator",
    "Installer",
    "Developer",
    "Designer",
    "Auditor",
    "Supervisor",
    "Director",
    "Trainer",
    "Educator",
]
ORG_ADJECTIVES = [
    "National",
    "International",
    "American",
    "Canadian",
    "British",
    "Regional",
    "State",
    "Northern",
    "Southern",
    "Eastern",
    "Western",
    "Pacific",
    "Atlantic",
    "Central",
    "Midwest",
    "Global",
    "United",
    "Allied",
    "Independent",
    "Federal",
    "Provincial",
    "Metropolitan",
]
ORG_NOUNS = [
    "Association",
    "Society",
    "Institute",
    "Council",
    "Board",
    "Guild",
    "Federation",
    "Alliance",
    "Consortium",
    "Academy",
    "College",
    "University",
    "Foundation",
    "Network",
    "League",
    "Center",
    "Commission",
    "Agency",
    "Department",
    "Union",
    "Chamber",
]
PLACES = [
    "Ohio",
    "Texas",
    "Ontario",
    "Oregon",
    "Maine",
    "Iowa",
    "Utah",
    "Vermont",
    "Alberta",
    "Quebec",
    "Wales",
    "Scotland",
    "Ireland",
    "Victoria",
    "Queensland",
    "Kansas",
    "Nevada",
    "Georgia",
    "Carolina",
    "Virginia",
    "Montana",
    "Dakota",
    "Arizona",
    "Colorado",
    "Florida",
    "Illinois",
    "Indiana",
    "Michigan",
    "Minnesota",
    "Missouri",
    "Nebraska",
    "Oklahoma",
    "Kentucky",
    "Tennessee",
    "Alabama",
    "Louisiana",
    "Arkansas",
    "Wisconsin",
    "Manitoba",
    "Saskatchewan",
    "Yukon",
    "Tasmania",
    "Auckland",
    "Wellington",
    "Dublin",
    "Glasgow",
    "Cardiff",
    "Leeds",
]
STAFF = [
    "support staff",
    "paraprofessionals",
    "technicians",
    "new hires",
    "volunteers",
    "supervisors",
    "managers",
    "clerks",
    "assistants",
    "students",
    "career changers",
    "branch staff",
    "team leads",
    "contractors",
    "apprentices",
]
SETTINGS = [
    "public libraries",
    "school libraries",
    "academic libraries",
    "county archives",
    "records centers",
    "museums",
    "hospitals",
    "law firms",
    "city offices",
    "state agencies",
    "small businesses",
    "factories",
    "data centers",
    "tribal libraries",
    "special libraries",
    "corporate archives",
    "historical societies",
    "community colleges",
    "repair shops",
    "call centers",
]
KINDS = ("credential", "certificate", "certification", "diploma", "program", "endorsement")
EXAM_FORMATS = ("multiple choice", "portfolio", "practical", "online proctored", "written and oral", "case study")
ELIGIBILITY = (
    "High-school diploma",
    "Associate degree",
    "Bachelor's degree",
    "Two years of library work",
    "Current employment in the field",
    "Master's degree",
    "Completion of an approved course",
    "None stated",
)
REQUIREMENTS = ("contact hours", "continuing education units", "professional development points", "credit hours")
CATEGORIES = (
    "library",
    "archives",
    "records-information",
    "school-library",
    "it",
    "office-software",
    "automation",
    "electronics",
)
STATUSES = ("active", "active", "active", "active", "discontinued", "unknown")
VERIFICATIONS = ("confirmed", "confirmed", "differs", "unverified", "not-found")
FEE_LABELS = ("Application", "Exam", "Course", "Retake", "Membership")
AUDIENCES = ("all", "member", "non-member")


def synthetic_entry(rng: random.Random, number: int) -> str:
    """One valid catalog entry of about 600-700 bytes; optional fields are left out now and then, as in real data.

    The average stays near 630 bytes so that 100,000 entries fit under certfind's 64 MiB file limit.
    """
    words = rng.sample(SUBJECTS, 6)
    role = rng.choice(ROLES)
    name = f"{rng.choice(PREFIXES)} {words[0]} {words[1]} {role}"
    kind = rng.choice(KINDS)
    summary = (
        f"{'An' if kind[0] in 'aeiou' else 'A'} {kind} in {words[0].lower()} and {words[3].lower()} "
        f"for {rng.choice(STAFF)} in {rng.choice(SETTINGS)}."
    )
    checked = f"20{rng.randint(24, 26)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    lines = [
        f"  - id: synthetic-{number:06d}",
        f"    name: {name}",
        f"    acronym: {''.join(w[0] for w in name.split())}{number % 100}",
    ]
    if rng.random() < 0.5:
        lines.append(f"    aliases: [{words[0]} {words[1]} {role}]")
    lines += [
        f"    issuer: {rng.choice(ORG_ADJECTIVES)} {rng.choice(ORG_NOUNS)} of {rng.choice(PLACES)} {words[2]}",
        f"    category: {rng.choice(CATEGORIES)}",
        f'    summary: "{summary}"',
        f"    topics: [{', '.join(w.lower() for w in words[: rng.randint(3, 4)])}]",
    ]
    if rng.random() < 0.5:
        lines.append(f"    eligibility: [{rng.choice(ELIGIBILITY)}]")
    if rng.random() < 0.4:
        lines.append(
            f"    exam: {{format: {rng.choice(EXAM_FORMATS)}, questions: {rng.randint(4, 30) * 5}, "
            f"minutes: {rng.randint(4, 24) * 10}}}"
        )
    if rng.random() < 0.5:
        low = rng.randint(1, 18)
        lines.append(f"    duration: {{min_months: {low}, max_months: {low + rng.randint(0, 24)}}}")
    if rng.random() < 0.85:
        lines.append("    costs:")
        lines.append(f"      - {{label: Application, amount: {rng.randint(5, 90) * 5}}}")
        if rng.random() < 0.3:
            lines.append(
                f"      - {{label: {rng.choice(FEE_LABELS)}, amount: {rng.randint(5, 60) * 5}, "
                f"audience: {rng.choice(AUDIENCES)}}}"
            )
    if rng.random() < 0.4:
        lines.append(
            f"    renewal: {{every_years: {rng.randint(1, 5)}, "
            f"requirement: {rng.randint(1, 12) * 5} {rng.choice(REQUIREMENTS)}}}"
        )
    lines += [
        f"    status: {rng.choice(STATUSES)}",
        f"    verification: {{status: {rng.choice(VERIFICATIONS)}, checked: {checked}}}",
        f'    sources: [{{title: "Source", url: "https://example.org/{number}", accessed: {checked}}}]',
        "",
    ]
    return "\n".join(lines)


def cataloging_entry(number: int) -> str:
    """The one entry `search cataloging` must find first: cataloging in its name, aliases, topics and summary."""
    url = f"https://example.org/c{number}"
    return (
        f"  - id: synthetic-{number:06d}\n"
        '    name: "Certified Library Cataloging Specialist"\n'
        '    acronym: "CLCS"\n'
        '    aliases: ["Library Cataloging Specialist", "Cataloging Specialist"]\n'
        '    issuer: "National Association of Library Staff"\n'
        "    category: library\n"
        '    summary: "A credential in cataloging and classification for cataloging staff in public libraries."\n'
        '    topics: ["cataloging", "descriptive cataloging", "subject cataloging", "copy cataloging", "metadata"]\n'
        '    eligibility: ["High-school diploma"]\n'
        "    exam: {format: multiple choice, questions: 100, minutes: 120}\n"
        "    duration: {min_months: 6, max_months: 24}\n"
        "    costs:\n"
        f'      - {{label: Application, amount: 250, audience: non-member, source: "{url}"}}\n'
        f'      - {{label: Application, amount: 200, audience: member, source: "{url}"}}\n'
        "    renewal: {every_years: 3, requirement: 30 contact hours}\n"
        "    status: active\n"
        "    verification: {status: confirmed, checked: 2026-11-24}\n"
        f'    sources: [{{title: "Synthetic source", url: "{url}", accessed: 2026-11-24}}]\n'
    )


def cataloging_id(size: int) -> str:
    return f"synthetic-{size // 2 + 1:06d}"


def write_catalog(path: Path, size: int, seed: int) -> int:
    """Write a catalog of `size` entries; returns its size in bytes. Its mtime is set a minute in the past."""
    rng = random.Random(seed)
    special = size // 2 + 1
    parts = ["# Synthetic catalog for benchmarks/bench.py\nschema_version: 1\ncertifications:\n"]
    for number in range(1, size + 1):
        parts.append(cataloging_entry(number) if number == special else synthetic_entry(rng, number))
    data = "".join(parts).encode("utf-8")
    path.write_bytes(data)
    past = time.time() - 60  # older than any racy-timestamp window, so certfind may cache it
    os.utime(path, (past, past))
    return len(data)


# --- report -------------------------------------------------------------------------------------


def fmt_ms(series: Series) -> str:
    return f"{series.median_ms():.1f}" if series.ok else "FAILED"


def fmt_ratio(num: Series, den: Series | None) -> str:
    if not num.ok or den is None or not den.ok:
        return "n/a"
    return f"{num.median_ms() / den.median_ms():.2f}"


def fmt_mib(series: Series) -> str:
    return f"{series.peak_mib():.1f}" if series.ok else "n/a"


def versions() -> str:
    found = []
    for dist in ("certfind", "typer", "rich", "rapidfuzz", "PyYAML"):
        try:
            found.append(f"{dist} {importlib.metadata.version(dist)}")
        except importlib.metadata.PackageNotFoundError:
            found.append(f"{dist} (not installed)")
    return ", ".join(found)


@dataclass(slots=True)
class ScaleRow:
    size: int
    file_bytes: int
    label: str
    reference: str
    cold: Series
    warm: Series
    cache_kib: float


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--runs", type=int, default=None, help=f"timed runs per command (default {DEFAULT_RUNS})")
    parser.add_argument(
        "--sizes",
        default=None,
        help="comma-separated synthetic catalog sizes (default 1000,10000,100000)",
    )
    parser.add_argument(
        "--cold-runs",
        type=int,
        default=None,
        help=f"cold runs per scale command, each with an emptied cache (default {DEFAULT_COLD_RUNS})",
    )
    parser.add_argument("--quick", action="store_true", help="runs=5 and sizes 1000,10000: a fast check")
    args = parser.parse_args(argv)

    runs: int = args.runs if args.runs is not None else (QUICK_RUNS if args.quick else DEFAULT_RUNS)
    cold_runs: int = args.cold_runs if args.cold_runs is not None else DEFAULT_COLD_RUNS
    if args.sizes is not None:
        try:
            sizes = tuple(int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip())
        except ValueError:
            parser.error(f"--sizes: expected comma-separated whole numbers, got {args.sizes!r}")
    else:
        sizes = QUICK_SIZES if args.quick else DEFAULT_SIZES
    if runs < 1 or cold_runs < 1 or any(s < 1 for s in sizes):
        parser.error("--runs, --cold-runs and every size must be at least 1")
    if not Path(CERTFIND).is_file():
        print(f"bench: no certfind console script next to {PYTHON} (looked for {CERTFIND})", file=sys.stderr)
        return 2

    certfind_failed = False
    with tempfile.TemporaryDirectory(prefix="certfind-bench-") as tmpdir:
        tmp = Path(tmpdir)
        config_home = tmp / "config"
        config_home.mkdir()
        spawner = Spawner(tmp)

        # --- startup --------------------------------------------------------------------------
        env = base_env(config_home, tmp / "cache-bundled")
        startup: dict[str, Series] = {}
        for label, cmd, _ in STARTUP:
            progress(f"startup: {label} ({WARMUPS} warm-up + {runs} runs)")
            startup[label] = run_series(spawner, label, cmd, env, runs, WARMUPS)
            if not startup[label].ok and cmd[0] == CERTFIND:
                certfind_failed = True

        # --- scale ----------------------------------------------------------------------------
        rows: list[ScaleRow] = []
        notes: list[str] = []
        for size in sizes:
            catalog = tmp / f"catalog-{size}.yaml"
            started = time.perf_counter()
            file_bytes = write_catalog(catalog, size, SEED)
            progress(
                f"scale {size:,}: wrote {file_bytes / 2**20:.1f} MiB ({file_bytes / size:.0f} B/entry) "
                f"in {time.perf_counter() - started:.1f} s"
            )
            cache_home = tmp / f"cache-{size}"
            env = base_env(config_home, cache_home)
            for label, extra, reference in SCALE:
                cmd = [CERTFIND, "--catalog", str(catalog), *extra]
                cold = Series()
                for _ in range(cold_runs):
                    empty_dir(cache_home)
                    progress(f"scale {size:,}: {label} cold")
                    one = run_series(spawner, f"{label} (cold, {size:,} entries)", cmd, env, 1)
                    cold.runs.extend(one.runs)
                    if one.failure is not None:
                        cold.failure = one.failure
                        break
                warm = Series()
                if cold.ok:
                    progress(f"scale {size:,}: {label} warm x {runs}")
                    warm = run_series(spawner, f"{label} (warm, {size:,} entries)", cmd, env, runs)
                if not (cold.ok and warm.ok):
                    certfind_failed = True
                rows.append(ScaleRow(size, file_bytes, label, reference, cold, warm, dir_kib(cache_home)))
                if label.startswith("search") and warm.ok:
                    found = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
                    first = found.stdout.split("\t", 1)[0] if found.stdout else ""
                    if first != cataloging_id(size):
                        notes.append(
                            f"{size:,}: `search cataloging` put {first or 'nothing'!r} first, "
                            f"not the cataloging entry {cataloging_id(size)}"
                        )
            catalog.unlink()
        spawner.close()

    # --- Markdown report ----------------------------------------------------------------------
    out: list[str] = []
    out.append("## certfind benchmark\n")
    out.append(
        f"Python {platform.python_version()} ({platform.python_implementation()}) on {platform.platform()}, "
        f"{os.cpu_count()} CPUs; {versions()}. "
        f"{runs} timed runs per command ({WARMUPS} warm-ups first for start-up; "
        f"{cold_runs} cold run{'s' if cold_runs != 1 else ''} per command for scale).\n"
    )
    out.append("### Start-up (bundled catalog)\n")
    out.append("| command | catalog | median ms | x pass | x typer+rich | peak MiB |")
    out.append("|---|---|--:|--:|--:|--:|")
    for label, _, catalog_name in STARTUP:
        s = startup[label]
        out.append(
            f"| `{label}` | {catalog_name} | {fmt_ms(s)} | {fmt_ratio(s, startup[PASS])} | "
            f"{fmt_ratio(s, startup[MINIMAL])} | {fmt_mib(s)} |"
        )
    out.append("")
    out.append(
        "Each run a fresh process, started by a small helper process: median wall time from `posix_spawn` to "
        "`os.wait4`, stdout to /dev/null, `COLUMNS=100`, an empty `XDG_CONFIG_HOME`; peak MiB is the largest "
        "`ru_maxrss` (from `os.wait4`) of the timed runs.\n"
    )
    if sizes:
        out.append("### Scale (synthetic catalogs, `certfind --catalog PATH ...`)\n")
        out.append(
            "| size | file MiB | command | cold ms | warm median ms | warm x bundled | "
            "cold peak MiB | warm peak MiB | cache KiB |"
        )
        out.append("|--:|--:|---|--:|--:|--:|--:|--:|--:|")
        for row in rows:
            ref = startup.get(row.reference) if row.reference else None
            out.append(
                f"| {row.size:,} | {row.file_bytes / 2**20:.1f} | `{row.label}` | {fmt_ms(row.cold)} | "
                f"{fmt_ms(row.warm)} | {fmt_ratio(row.warm, ref)} | {fmt_mib(row.cold)} | {fmt_mib(row.warm)} | "
                f"{row.cache_kib:,.0f} |"
            )
        out.append("")
        out.append(
            "cold: the median of runs each started with an emptied `XDG_CACHE_HOME`; warm: the runs after. "
            "warm x bundled: against the same command over the bundled catalog (start-up table). "
            "cache KiB: what `XDG_CACHE_HOME` holds after the warm runs.\n"
        )
        out.append("### Headline: warm `search cataloging` over N entries vs the bundled catalog\n")
        bundled = startup[BUNDLED_SEARCH]
        for row in rows:
            if not row.label.startswith("search"):
                continue
            ratio = fmt_ratio(row.warm, bundled)
            target = TARGETS.get(row.size)
            if target is None or ratio == "n/a":
                verdict = ""
            else:
                verdict = f" (target <= {target:g}x: {'met' if float(ratio) <= target else 'MISSED'})"
            out.append(f"- {row.size:,} entries: {ratio}x{verdict}")
        for kind in ("warm", "cold"):
            measured = [(row.warm if kind == "warm" else row.cold, row) for row in rows]
            measured = [(series, row) for series, row in measured if series.ok]
            if not measured:
                continue
            series, where = max(measured, key=lambda pair: pair[0].peak_mib())
            peak = series.peak_mib()
            out.append(
                f"- peak memory, {kind} runs: {peak:.1f} MiB, `{where.label}` over {where.size:,} entries "
                f"(target < {PEAK_TARGET_MIB:g} MiB: {'met' if peak < PEAK_TARGET_MIB else 'MISSED'})"
            )
        checked = [row.size for row in rows if row.label.startswith("search") and row.warm.ok]
        if checked and not notes:
            out.append("- `search cataloging` put the synthetic cataloging entry first at every size")
        out.extend(f"- note: {note}" for note in notes)
        out.append("")
    print("\n".join(out))
    if certfind_failed:
        print("bench: a certfind command failed (its stderr is above)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
