"""The command line: parse, call the domain, render. The only module that imports Typer.

Errors raised by the domain are `CertfindError`s; `_Boundary.invoke` is the one place that turns
them into a message on stderr and an exit code.
"""

import os
import sys
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from certfind import __version__
from certfind.errors import EXIT_CATALOG, EXIT_INTERRUPTED, EXIT_NO_MATCH, CertfindError, NoMatchError, UsageError

if TYPE_CHECKING:  # without the import cost at run time
    from certfind.catalog import Catalog
    from certfind.search import Searcher


class Format(StrEnum):
    table = "table"
    plain = "plain"
    json = "json"
    csv = "csv"


class Sort(StrEnum):
    name = "name"
    cost = "cost"
    duration = "duration"
    issuer = "issuer"


STATUS_CHOICES = ("confirmed", "differs", "not-found", "unverified", "active", "discontinued", "unknown")


def _say(line: str) -> None:
    from certfind.render import clean

    sys.stderr.write(clean(line) + "\n")


class _Boundary(TyperGroup):
    """Maps domain errors, Ctrl-C and a closed pipe to a short message and an exit code."""

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except CertfindError as err:
            lines = err.lines()
            for line in lines:
                _say(line if ":" in line.split(" ")[0] or line.startswith(" ") else f"certfind: {line}")
            if err.exit_code == EXIT_CATALOG and len(lines) > 1:
                _say(f"certfind: {len(lines)} problems in the catalog")
            raise typer.Exit(err.exit_code) from None
        except KeyboardInterrupt:
            _say("certfind: interrupted")
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except BrokenPipeError:
            _silence_stdout()
            raise typer.Exit(0) from None
        except OSError as err:  # a full disk, a closed or unwritable stdout
            raise typer.Exit(_output_failed(err.strerror or str(err))) from None


def _output_failed(reason: str) -> int:
    """Say why the output could not be written, drop what is left of it, and give the exit code."""
    _silence_stdout()
    _say(f"certfind: cannot write the output: {reason}")
    return EXIT_NO_MATCH


def _silence_stdout() -> None:
    """The reader went away (`certfind list | head -1`): drop the rest of the output quietly."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):  # AttributeError: started with no stdout at all
        pass


app = typer.Typer(
    cls=_Boundary,
    name="certfind",
    help="Find library and support-staff certifications: who really awards them, what they cost, "
    "how long they take, and how far to trust what you read.",
    context_settings={"help_option_names": ["-h", "--help"]},
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    rich_markup_mode="rich",
)


def _version(value: bool) -> None:
    if value:
        sys.stdout.write(f"certfind {__version__}\n")
        raise typer.Exit()


@app.callback()
def _root(
    ctx: typer.Context,
    catalog: Annotated[
        str | None,
        typer.Option(
            "--catalog", envvar="CERTFIND_CATALOG", metavar="PATH", help="Use exactly this catalog file for this run."
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    del version  # handled by its eager callback
    ctx.obj = {"catalog": catalog}


FormatOption = Annotated[
    Format | None,
    typer.Option("--format", "-f", help="table, plain, json or csv. Default: table on a terminal, plain otherwise."),
]


def _format(fmt: Format | None) -> str:
    if fmt is not None:
        return fmt.value
    return "table" if sys.stdout.isatty() else "plain"


def _complete_names(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion for NAME_OR_ID: ids and acronyms that start with what was typed."""
    from certfind import catalog

    try:
        cat = catalog.load((ctx.obj or {}).get("catalog") or ctx.find_root().params.get("catalog"))
    except CertfindError:
        return []
    wanted = incomplete.casefold()
    index = cat.index
    found = [key for key in index.fields["id"].keys if key.startswith(wanted)]
    for key in index.fields["acronym"].keys:
        if key.startswith(wanted):
            found += [cat.cert(e).acronym for e in index.fields["acronym"].get(key)]
    return list(dict.fromkeys(found))


def _load(ctx: typer.Context) -> "Catalog":
    from certfind import catalog

    return catalog.load(ctx.obj["catalog"] if ctx.obj else None)


def _searcher(cat: "Catalog") -> "Searcher":
    from certfind.search import Searcher

    return Searcher(cat.index)


def _resolve(cat: "Catalog", searcher: "Searcher", query: str) -> int:
    from certfind.search import resolve

    found = resolve(searcher, query)
    if found.entry is not None:
        return found.entry
    listed = [(cat.cert(i).id, cat.cert(i).label) for i in found.candidates]
    raise NoMatchError(query, listed, ambiguous=found.ambiguous)


@app.command("list")
def list_(
    ctx: typer.Context,
    category: Annotated[str | None, typer.Option(help="Only this category, e.g. library, archives, it.")] = None,
    issuer: Annotated[str | None, typer.Option(help="Only issuers whose name contains this text.")] = None,
    status: Annotated[
        str | None,
        typer.Option(
            help="Only this verification status (confirmed, differs, not-found, unverified)"
            " or credential status (active, discontinued, unknown)."
        ),
    ] = None,
    max_cost: Annotated[
        float | None,
        typer.Option(min=0, help="Only entries whose known up-front cost (non-member) is at most this much."),
    ] = None,
    sort: Annotated[Sort, typer.Option(help="Order by name, cost, duration or issuer.")] = Sort.name,
    origin: Annotated[
        bool, typer.Option("--origin", help="Add where each entry comes from: bundled, user or file.")
    ] = False,
    fmt: FormatOption = None,
) -> None:
    """List the catalog, filtered and sorted.

    [b]Examples[/b]

      certfind list --category archives
      certfind list --status confirmed --sort cost
      certfind list --max-cost 300 --format json
      certfind list --origin --status confirmed
    """
    from certfind import listing, render

    if status is not None and status not in STATUS_CHOICES:
        raise UsageError(f"--status must be one of {', '.join(STATUS_CHOICES)}; got {status!r}")
    cat = _load(ctx)
    chosen = listing.select(cat, category=category, issuer=issuer, status=status, max_cost=max_cost, sort=sort.value)
    rows = (render.Row(*cat.entry(i)) for i in chosen)
    render.render_rows(rows, _format(fmt), show_origin=origin)


@app.command()
def show(
    ctx: typer.Context,
    name_or_id: Annotated[
        str,
        typer.Argument(metavar="NAME_OR_ID", help="An id, acronym, alias or name.", autocompletion=_complete_names),
    ],
    fmt: FormatOption = None,
) -> None:
    """Show every fact of one certification, its sources, and how far to trust it.

    [b]Examples[/b]

      certfind show CLT
      certfind show "Certified Archivist"
      certfind show lssc --format json
    """
    from certfind import render

    cat = _load(ctx)
    entry = _resolve(cat, _searcher(cat), name_or_id)
    cert = cat.cert(entry)
    alternatives = [alt for alt in (cat.get(a) for a in cert.verification.alternatives) if alt is not None]
    today = date.today()
    render.render_show(cert, cat.record(entry), alternatives, _format(fmt), today)
    warning = render.stale_warning(cert, today)
    if warning:
        _say(warning)


@app.command()
def search(
    ctx: typer.Context,
    query: Annotated[
        list[str], typer.Argument(metavar="QUERY...", help="Words to look for; several words are one query.")
    ],
    limit: Annotated[int, typer.Option(min=1, help="Show at most this many results.")] = 10,
    fmt: FormatOption = None,
) -> None:
    """Search names, acronyms, topics, issuers and summaries; typos and word order are forgiven.

    [b]Examples[/b]

      certfind search cataloging
      certfind search records management
      certfind search "library technican" --limit 3
    """
    from certfind import render

    text = " ".join(query)
    cat = _load(ctx)
    hits = _searcher(cat).search(text, limit=limit)
    if not hits:
        raise NoMatchError(text)
    rows = (render.Row(*cat.entry(h.entry), h.score) for h in hits)
    render.render_rows(rows, _format(fmt), scored=True)


@app.command()
def compare(
    ctx: typer.Context,
    names: Annotated[
        list[str],
        typer.Argument(
            metavar="NAME_OR_ID...", help="Two or more ids, acronyms or names.", autocompletion=_complete_names
        ),
    ],
    years: Annotated[int, typer.Option(min=1, max=100, help="Price holding each credential this many years.")] = 5,
    member: Annotated[
        bool, typer.Option("--member", help="Use member prices and membership dues where listed.")
    ] = False,
    fmt: FormatOption = None,
) -> None:
    """Compare certifications side by side: cost up front and over N years, duration, prerequisites.

    [b]Examples[/b]

      certfind compare LSSC CPLA "Certified Archivist"
      certfind compare CIP "CompTIA A+" --years 10
      certfind compare ca cip --member --format json
    """
    from certfind import render

    if len(names) < 2:
        raise UsageError("compare needs at least two certifications, e.g. certfind compare LSSC CPLA")
    cat = _load(ctx)
    searcher = _searcher(cat)
    entries = list(dict.fromkeys(_resolve(cat, searcher, n) for n in names))
    render.render_compare([cat.cert(e) for e in entries], [cat.record(e) for e in entries], years, member, _format(fmt))


@app.command()
def validate(
    ctx: typer.Context,
    path: Annotated[
        str | None, typer.Argument(metavar="[PATH]", help="A catalog file. Default: the active catalog.")
    ] = None,
) -> None:
    """Check a catalog file and report every problem as file:line:col.

    [b]Examples[/b]

      certfind validate
      certfind validate ~/.config/certfind/certifications.yaml
    """
    from certfind import catalog

    cat = catalog.load(path if path is not None else (ctx.obj["catalog"] if ctx.obj else None), use_cache=False)
    from certfind.render import clean

    files = ", ".join(cat.paths)
    sys.stdout.write(clean(f"ok: {len(cat)} certifications in {files}") + "\n")


# --- plan and eligible -------------------------------------------------------------------------


def _write_new_file(path: str, text: str) -> None:
    """Write `text` to a file that must not exist yet. Exclusive create also refuses a symlink
    planted at `path`, so nothing the user already has is ever overwritten."""
    import contextlib

    try:
        handle = open(path, "x", encoding="utf-8", newline="")  # noqa: SIM115 - closed below, unlinked on failure
    except FileExistsError:
        raise UsageError(f"{path} already exists; certfind never overwrites a file: choose another name") from None
    except OSError as err:
        raise CertfindError(f"cannot write {path}: {err.strerror or err}") from None
    try:
        with handle:
            handle.write(text)
    except OSError as err:
        with contextlib.suppress(OSError):
            os.unlink(path)  # ours: created exclusively a moment ago
        raise CertfindError(f"cannot write {path}: {err.strerror or err}") from None


@app.command()
def plan(
    ctx: typer.Context,
    name_or_id: Annotated[
        str,
        typer.Argument(metavar="NAME_OR_ID", help="An id, acronym, alias or name.", autocompletion=_complete_names),
    ],
    earned: Annotated[
        str,
        typer.Option(
            "--earned",
            metavar="DATE",
            help="The day you earned it, or expect to, as YYYY-MM-DD (at most 10 years from today).",
        ),
    ],
    years: Annotated[int, typer.Option(min=1, max=100, help="Plan this many years of holding it.")] = 10,
    member: Annotated[
        bool, typer.Option("--member", help="Use member prices and membership dues where listed.")
    ] = False,
    ics: Annotated[
        str | None,
        typer.Option(
            "--ics",
            metavar="FILE",
            help="Also write the due dates as an iCalendar file, with a reminder 90 days before each; "
            "'-' writes it to stdout instead of the plan. An existing FILE is never overwritten.",
        ),
    ] = None,
    fmt: FormatOption = None,
) -> None:
    """Plan holding one credential: when each renewal and fee falls due, what it asks, the running total.

    Due dates fall on anniversaries of --earned; one due exactly --years after it
    is outside the plan, as in compare's totals. A fee whose amount no source gives
    is shown as unknown and makes the total 'at least'.

    [b]Examples[/b]

      certfind plan cip --earned 2025-03-01 --years 9
      certfind plan CIP --earned 2025-03-01 --member --format json
      certfind plan lssc --earned 2024-06-15 --ics lssc.ics
    """
    from certfind import plan as plans
    from certfind import render

    day = plans.parse_earned(earned, date.today())
    cat = _load(ctx)
    cert = cat.cert(_resolve(cat, _searcher(cat), name_or_id))
    laid_out = plans.build(cert, day, years, member)
    if ics is not None:
        from datetime import UTC, datetime

        if not laid_out.due:
            raise CertfindError(
                f"nothing falls due for {cert.id} within {years} years of {day.isoformat()}, so there is no "
                "calendar to write; run without --ics to see the plan"
            )
        calendar = plans.ics(laid_out, datetime.now(UTC).replace(microsecond=0))
        if ics == "-":  # as bytes: CRLF and UTF-8 whatever the stream's newline and encoding settings
            sys.stdout.flush()
            raw = getattr(sys.stdout, "buffer", None)
            if raw is None:
                sys.stdout.write(calendar)
            else:
                raw.write(calendar.encode("utf-8"))
            return
        _write_new_file(ics, calendar)
    shown = _format(fmt)
    render.render_plan(laid_out, shown)
    if shown == "csv" and laid_out.note:  # a sentence is not a row: the other formats print it with the rows
        _say(f"certfind: {laid_out.note}")
    if ics is not None:
        dates = len({e.when for e in laid_out.due})
        _say(f"certfind: wrote {dates} due date{'s' if dates != 1 else ''} to {ics}")


@app.command()
def eligible(
    ctx: typer.Context,
    education: Annotated[
        str,
        typer.Option(
            metavar="LEVEL", help="Your highest education: none, high-school, associate, bachelor, master, doctorate."
        ),
    ] = "none",
    library_hours: Annotated[int, typer.Option(min=0, metavar="N", help="Hours of library work, paid or not.")] = 0,
    experience_years: Annotated[
        float, typer.Option(min=0, metavar="N", help="Years of relevant work experience.")
    ] = 0.0,
    teaching_license: Annotated[bool, typer.Option("--teaching-license", help="You hold a teaching license.")] = False,
    member: Annotated[
        bool, typer.Option("--member", help="You are a member of the body that awards the credential.")
    ] = False,
    fmt: FormatOption = None,
) -> None:
    """List the credentials you can apply for now, then the ones you nearly can, with what is missing.

    A credential may have several routes; any one qualifies, and every condition of
    a route must hold. [b]Nearly[/b] means its closest route misses just one condition,
    or misses only library hours or years of experience of which you have at least half.

    Credentials no source confirms, and discontinued ones, are never listed. Those
    whose requirements the catalog does not record yet are counted (on stderr for csv),
    never called eligible: check them with show. A route's note (an accreditation, say)
    is shown beside it, since certfind cannot check it. Exits 1 when nothing is eligible.

    [b]Examples[/b]

      certfind eligible --education high-school --library-hours 2000
      certfind eligible --education master --experience-years 3
      certfind eligible --education bachelor --teaching-license --format json
    """
    import math

    from certfind import eligibility, render

    level = eligibility.parse_level(education)
    if not math.isfinite(experience_years):
        raise UsageError(f"--experience-years must be a finite number; got {experience_years}")
    profile = eligibility.Profile(level, library_hours, experience_years, teaching_license, member)
    cat = _load(ctx)
    result = eligibility.check(cat, profile)
    shown = _format(fmt)
    render.render_eligible(result, shown)
    if shown == "csv" and result.not_recorded:  # a count is not a row: the other formats print it with the rows
        _say(f"certfind: {render.not_recorded_text(result.not_recorded)}")
    if not result.eligible:
        _say("certfind: this profile meets the recorded requirements of no credential yet")
        raise typer.Exit(EXIT_NO_MATCH)


def main() -> None:
    """Runs the app; what is still buffered is flushed here, where a failure can be reported."""
    if sys.stdout is None:  # started with stdout closed (`certfind list >&-`)
        raise SystemExit(_output_failed("standard output is closed"))
    try:
        app(prog_name="certfind")
    except SystemExit as done:
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            _silence_stdout()
        except OSError as err:
            raise SystemExit(_output_failed(err.strerror or str(err))) from None
        raise done
