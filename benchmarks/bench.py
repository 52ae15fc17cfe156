"""Time certfind's start-up against bare Python and a minimal Typer + Rich app, and its scaling on big catalogs.

Run with the Python of the environment where certfind is installed:

    python benchmarks/bench.py [--runs N] [--sizes 1000,10000,100000] [--cold-runs N] [--quick] [--no-fts5]

It measures the installed tool, in one run, and computes every ratio from medians of that run:
- start-up over the bundled catalog, against `python -c pass` and benchmarks/minimal_app.py;
- for each synthetic catalog size: the floor (a fresh process that only walks libyaml's events over the
  file), cold runs of each command (empty cache) against it, warm runs against the bundled catalog,
  peak memory, and the size of the store certfind writes;
- over the largest size's store, search candidates from certfind's word table against FTS5
  (benchmarks/fts5_vs_words.py, run as its own process);
- the issue 12 targets at 100,000 entries, each reported as met or MISSED.

Standard library only, apart from certfind itself. The report is Markdown on stdout (paste it into the
README); progress goes to stderr. Exits non-zero only when a certfind command fails (its stderr is printed).
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
from typing import NamedTuple

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

# Headline targets (issue 12), checked at TARGET_SIZE entries and reported as met or MISSED.
TARGET_SIZE = 100_000
COLD_X_FLOOR = 3.0
"""A cold run (empty cache) of each command, as a multiple of the floor: libyaml's bare event stream."""
COLD_PEAK_MIB = 400.0
WARM_SEARCH_X_BUNDLED = 1.3
"""Warm `search cataloging` over TARGET_SIZE entries, as a multiple of the same search over the bundled catalog."""
WARM_LIST_JSON_SECONDS = 1.0
STARTUP_X_MINIMAL = 0.95
"""`search cataloging` over the bundled catalog, as a multiple of the minimal Typer + Rich app."""
STORE_X_YAML = 1.5
"""The store (.sqlite3) as a multiple of the catalog file it was built from."""

# The floor: a fresh process that reads the file and walks libyaml's events, doing nothing else.
FLOOR = "libyaml events (floor)"
FLOOR_CODE = """
import sys, yaml
with open(sys.argv[1], encoding="utf-8-sig") as handle:
    text = handle.read()
for _ in yaml.parse(text, Loader=yaml.CSafeLoader):
    pass
"""
FTS5_SCRIPT = str(HERE / "fts5_vs_words.py")

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
STARTUP_CMDS = {label: cmd for label, cmd, _ in STARTUP}
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


class Job(NamedTuple):
    label: str
    cmd: Sequence[str]
    env: Mapping[str, str]


def run_series(
    spawner: Spawner, label: str, cmd: Sequence[str], env: Mapping[str, str], runs: int, warmups: int = 0
) -> Series:
    return run_rounds(spawner, [Job(label, cmd, env)], runs, warmups)[label]


def run_rounds(spawner: Spawner, jobs: Sequence[Job], runs: int, warmups: int = 0) -> dict[str, Series]:
    """Run every job once per round, round after round, so that the commands compared share the machine's
    slow and fast moments (on a shared VM, medians taken minutes apart drift by 10-20%). A job that fails
    is reported and left out of the later rounds."""
    found = {job.label: Series() for job in jobs}
    for i in range(warmups + runs):
        for job in jobs:
            series = found[job.label]
            if series.failure is not None:
                continue
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
    checked = f"20{rng.randint(23, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
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
        "    verification: {status: confirmed, checked: 2025-11-24}\n"
        f'    sources: [{{title: "Synthetic source", url: "{url}", accessed: 2025-11-24}}]\n'
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


def ratio(num: Series, den: Series | None) -> float | None:
    if not num.ok or den is None or not den.ok:
        return None
    return num.median_ms() / den.median_ms()


def fmt_ratio(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def fmt_mib(series: Series) -> str:
    return f"{series.peak_mib():.1f}" if series.ok else "n/a"


def verdict(value: float | None, target: float, unit: str = "x") -> str:
    """`(target <= 3.0x: met)`; n/a when the value could not be measured."""
    shown = f"{target:g}" if "." in f"{target:g}" else f"{target:g}.0"
    if value is None:
        return f"(target <= {shown}{unit}: n/a)"
    return f"(target <= {shown}{unit}: {'met' if value <= target else 'MISSED'})"


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
    label: str
    reference: str
    cold: Series
    floor: Series  # libyaml's events over the same file, one run just before each cold run
    warm: Series
    paired: Series  # the reference command over the bundled catalog, run in turn with the warm runs


@dataclass(slots=True)
class SizeInfo:
    size: int
    file_bytes: int
    floor: Series
    store_bytes: int = 0  # the .sqlite3 file(s) in XDG_CACHE_HOME after the warm runs
    rows: list[ScaleRow] = field(default_factory=list)
    first_found: str = ""  # what `search cataloging` put first


def store_files(cache_home: Path) -> list[Path]:
    return sorted((cache_home / "certfind").glob("*.sqlite3"))


@dataclass(slots=True)
class Results:
    runs: int
    cold_runs: int
    startup: dict[str, Series]
    sizes: list[SizeInfo]
    fts5: list[str]  # the Markdown of fts5_vs_words.py, or why it is missing


def measure_scale(
    spawner: Spawner, tmp: Path, config_home: Path, bundled_env: Mapping[str, str], size: int, runs: int, cold_runs: int
) -> SizeInfo:
    catalog = tmp / f"catalog-{size}.yaml"
    started = time.perf_counter()
    file_bytes = write_catalog(catalog, size, SEED)
    progress(
        f"scale {size:,}: wrote {file_bytes / 2**20:.1f} MiB ({file_bytes / size:.0f} B/entry) "
        f"in {time.perf_counter() - started:.1f} s"
    )
    cache_home = tmp / f"cache-{size}"
    env = base_env(config_home, cache_home)
    floor_cmd = [PYTHON, "-c", FLOOR_CODE, str(catalog)]
    progress(f"scale {size:,}: {FLOOR} x {runs}")
    floor = run_series(spawner, f"{FLOOR} ({size:,} entries)", floor_cmd, env, runs)
    info = SizeInfo(size, file_bytes, floor)
    for label, extra, reference in SCALE:
        cmd = [CERTFIND, "--catalog", str(catalog), *extra]
        cold, cold_floor = Series(), Series()
        for _ in range(cold_runs):  # each cold run just after a floor run: a slow minute weighs on both
            empty_dir(cache_home)
            progress(f"scale {size:,}: {label} cold, in turn with the floor")
            cold_floor.runs.extend(run_series(spawner, f"{FLOOR} ({size:,} entries)", floor_cmd, env, 1).runs)
            one = run_series(spawner, f"{label} (cold, {size:,} entries)", cmd, env, 1)
            cold.runs.extend(one.runs)
            if one.failure is not None:
                cold.failure = one.failure
                break
        warm, paired = Series(), Series()
        if cold.ok:
            progress(f"scale {size:,}: {label} warm x {runs}, in turn with the bundled catalog's")
            name = f"{label} (warm, {size:,} entries)"
            jobs = [Job(name, cmd, env), Job(reference, STARTUP_CMDS[reference], bundled_env)]
            rounds = run_rounds(spawner, jobs, runs)
            warm, paired = rounds[name], rounds[reference]
        info.rows.append(ScaleRow(size, label, reference, cold, cold_floor, warm, paired))
        if warm.ok:
            info.store_bytes = sum(p.stat().st_size for p in store_files(cache_home))
        if label.startswith("search") and warm.ok:
            found = subprocess.run(cmd, capture_output=True, text=True, env=env, check=False)
            info.first_found = found.stdout.split("\t", 1)[0] if found.stdout else ""
    catalog.unlink()
    return info


def run_fts5(cache_home: Path, repeats: int) -> list[str]:
    stores = store_files(cache_home)
    if len(stores) != 1:
        return [f"Not measured: expected one store in {cache_home}, found {len(stores)}.\n"]
    progress(f"fts5: {FTS5_SCRIPT} {stores[0].name}")
    done = subprocess.run(
        [PYTHON, FTS5_SCRIPT, str(stores[0]), "--repeats", str(repeats)],
        stdout=subprocess.PIPE,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        return [f"Not measured: {FTS5_SCRIPT} exited with {done.returncode} (its stderr is above).\n"]
    return [*done.stdout.rstrip("\n").split("\n"), ""]


def report(results: Results) -> str:
    startup, sizes = results.startup, results.sizes
    out: list[str] = ["## certfind benchmark\n"]
    out.append(
        f"Python {platform.python_version()} ({platform.python_implementation()}) on {platform.platform()}, "
        f"{os.cpu_count()} CPUs; {versions()}. {results.runs} timed runs per command ({WARMUPS} warm-ups first "
        f"for start-up; {results.cold_runs} cold run{'s' if results.cold_runs != 1 else ''} per command "
        "for scale). All ratios are of medians measured in this same run.\n"
    )

    # headline
    out.append("### Targets\n")
    out.extend(headlines(results))
    out.append("")

    out.append("### Start-up (bundled catalog)\n")
    out.append("| command | catalog | median ms | x pass | x typer+rich | peak MiB |")
    out.append("|---|---|--:|--:|--:|--:|")
    for label, _, catalog_name in STARTUP:
        s = startup[label]
        out.append(
            f"| `{label}` | {catalog_name} | {fmt_ms(s)} | {fmt_ratio(ratio(s, startup[PASS]))} | "
            f"{fmt_ratio(ratio(s, startup[MINIMAL]))} | {fmt_mib(s)} |"
        )
    out.append("")
    out.append(
        "Each run a fresh process, started by a small helper process: median wall time from `posix_spawn` to "
        "`os.wait4`, stdout to /dev/null, `COLUMNS=100`, an empty `XDG_CONFIG_HOME`; peak MiB is the largest "
        "`ru_maxrss` (from `os.wait4`) of the timed runs. The commands run in turn, one run of each per round, so "
        "that a slow moment of the machine weighs on all of them alike.\n"
    )
    if not sizes:
        return "\n".join(out)

    out.append("### Scale (synthetic catalogs, `certfind --catalog PATH ...`)\n")
    out.append(
        "| size | command | floor ms | cold ms | cold x floor | cold peak MiB | warm median ms | bundled ms | "
        "warm x bundled | warm peak MiB |"
    )
    out.append("|--:|---|--:|--:|--:|--:|--:|--:|--:|--:|")
    for info in sizes:
        for row in info.rows:
            out.append(
                f"| {row.size:,} | `{row.label}` | {fmt_ms(row.floor)} | {fmt_ms(row.cold)} | "
                f"{fmt_ratio(ratio(row.cold, row.floor))} | {fmt_mib(row.cold)} | {fmt_ms(row.warm)} | "
                f"{fmt_ms(row.paired)} | {fmt_ratio(ratio(row.warm, row.paired))} | {fmt_mib(row.warm)} |"
            )
    out.append("")
    out.append(
        "floor: a fresh process that reads the catalog file and iterates "
        "`yaml.parse(text, Loader=yaml.CSafeLoader)`, doing nothing with the events: libyaml's parse with "
        "PyYAML's event objects (certfind has libyaml make its own, lighter nodes instead). In this table, one "
        "floor run just before each cold run, and the median of those; in the next, the median of its own "
        "series. cold: each run started with an emptied "
        "`XDG_CACHE_HOME`, so it parses, checks and stores the catalog; warm: the runs after, which read the "
        "store. bundled ms: the same command over the bundled catalog, run in turn with the warm runs (one of each per "
        "round), and warm x bundled the ratio of the two medians.\n"
    )
    out.append("| size | YAML MiB | floor ms | floor peak MiB | store MiB | store x YAML |")
    out.append("|--:|--:|--:|--:|--:|--:|")
    for info in sizes:
        store = f"{info.store_bytes / 2**20:.1f}" if info.store_bytes else "n/a"
        times = f"{info.store_bytes / info.file_bytes:.2f}" if info.store_bytes else "n/a"
        out.append(
            f"| {info.size:,} | {info.file_bytes / 2**20:.1f} | {fmt_ms(info.floor)} | {fmt_mib(info.floor)} | "
            f"{store} | {times} |"
        )
    out.append("")
    out.append("store: the `.sqlite3` file certfind wrote under `XDG_CACHE_HOME` for that catalog.\n")

    out.append(f"### Search candidates: certfind's word table vs FTS5 ({sizes[-1].size:,} entries)\n")
    out.extend(results.fts5)
    return "\n".join(out)


def headlines(results: Results) -> list[str]:
    startup = results.startup
    lines: list[str] = []
    search = startup[BUNDLED_SEARCH]
    to_minimal = ratio(search, startup[MINIMAL])
    lines.append(
        f"- start-up, `search cataloging --format plain` (bundled): {fmt_ratio(to_minimal)}x the minimal Typer+Rich "
        f"app {verdict(to_minimal, STARTUP_X_MINIMAL)}; {fmt_ratio(ratio(search, startup[PASS]))}x "
        "`python -c pass`"
    )
    info = next((i for i in results.sizes if i.size == TARGET_SIZE), None)
    if info is None:
        lines.append(f"- the other targets are for {TARGET_SIZE:,} entries, not measured in this run (see --sizes)")
        return lines
    n = f"{TARGET_SIZE:,} entries"
    colds = [(row, ratio(row.cold, row.floor)) for row in info.rows]
    known = [(row, r) for row, r in colds if r is not None]
    worst = max((r for _, r in known), default=None) if len(known) == len(colds) else None
    each = ", ".join(f"`{row.label.split(' --')[0]}` {fmt_ratio(r)}x" for row, r in colds)
    lines.append(f"- cold, {n}: {each} the floor {verdict(worst, COLD_X_FLOOR)}")
    peaks = [row.cold.peak_mib() for row in info.rows if row.cold.ok]
    peak = max(peaks) if len(peaks) == len(info.rows) else None
    peak_text = "n/a" if peak is None else f"{peak:.1f} MiB"
    lines.append(
        f"- cold peak memory, {n}: {peak_text} (largest of the commands) {verdict(peak, COLD_PEAK_MIB, ' MiB')}"
    )
    for row in info.rows:
        if row.label.startswith("search"):
            r = ratio(row.warm, row.paired)
            lines.append(
                f"- warm `search cataloging`, {n}: {fmt_ms(row.warm)} ms, {fmt_ratio(r)}x the bundled "
                f"catalog's {verdict(r, WARM_SEARCH_X_BUNDLED)}"
            )
        elif row.label.startswith("list --format json"):
            seconds = row.warm.median_ms() / 1000 if row.warm.ok else None
            shown = "n/a" if seconds is None else f"{seconds:.2f} s"
            r = ratio(row.warm, row.paired)
            lines.append(
                f"- warm `list --format json`, {n}: {shown} {verdict(seconds, WARM_LIST_JSON_SECONDS, ' s')}; "
                f"{fmt_ratio(r)}x the bundled catalog's"
            )
    store_x = info.store_bytes / info.file_bytes if info.store_bytes else None
    lines.append(
        f"- store size, {n}: {info.store_bytes / 2**20:.1f} MiB for {info.file_bytes / 2**20:.1f} MiB of YAML, "
        f"{fmt_ratio(store_x)}x {verdict(store_x, STORE_X_YAML)}"
    )
    wrong = [i for i in results.sizes if i.first_found != cataloging_id(i.size)]
    if wrong:
        lines.extend(
            f"- note: at {i.size:,} entries `search cataloging` put {i.first_found or 'nothing'!r} first, not the "
            f"cataloging entry {cataloging_id(i.size)}"
            for i in wrong
        )
    else:
        lines.append("- `search cataloging` put the synthetic cataloging entry first at every size")
    return lines


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
    parser.add_argument("--no-fts5", action="store_true", help="skip the FTS5 vs word table comparison")
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
    sizes = tuple(sorted(set(sizes)))
    if not Path(CERTFIND).is_file():
        print(f"bench: no certfind console script next to {PYTHON} (looked for {CERTFIND})", file=sys.stderr)
        return 2

    with tempfile.TemporaryDirectory(prefix="certfind-bench-") as tmpdir:
        tmp = Path(tmpdir)
        config_home = tmp / "config"
        config_home.mkdir()
        spawner = Spawner(tmp)

        bundled_env = base_env(config_home, tmp / "cache-bundled")
        progress(f"startup: {len(STARTUP)} commands in turn, {WARMUPS} warm-up + {runs} rounds")
        startup = run_rounds(spawner, [Job(label, cmd, bundled_env) for label, cmd, _ in STARTUP], runs, WARMUPS)

        measured: list[SizeInfo] = []
        for size in sizes:
            measured.append(measure_scale(spawner, tmp, config_home, bundled_env, size, runs, cold_runs))
            if size != sizes[-1]:
                shutil.rmtree(tmp / f"cache-{size}", ignore_errors=True)
        spawner.close()

        fts5 = ["Not measured (--no-fts5).\n"]
        if sizes and not args.no_fts5:
            fts5 = run_fts5(tmp / f"cache-{sizes[-1]}", max(runs, 5))
        results = Results(runs, cold_runs, startup, measured, fts5)

    print(report(results))
    certfind_failed = any(not startup[label].ok for label, cmd, _ in STARTUP if cmd[0] == CERTFIND) or any(
        not (row.cold.ok and row.warm.ok) for info in measured for row in info.rows
    )
    if certfind_failed:
        print("bench: a certfind command failed (its stderr is above)", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
