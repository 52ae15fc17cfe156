"""The command line: parse, call the domain, render. The only module that imports Typer.

Errors raised by the domain are `CertfindError`s; `_Boundary.invoke` is the one place that turns
them into a message on stderr and an exit code.
"""

import os
import sys
from collections.abc import Callable, Iterator, Sequence
from datetime import date
from enum import StrEnum
from typing import TYPE_CHECKING, Annotated, Any

import typer
from typer.core import TyperGroup

from certfind import __version__, paths
from certfind.errors import (
    EXIT_CATALOG,
    EXIT_INTERRUPTED,
    EXIT_NO_MATCH,
    EXIT_OK,
    CertfindError,
    NoMatchError,
    UsageError,
)

if TYPE_CHECKING:  # without the import cost at run time
    from certfind.catalog import Catalog
    from certfind.filters import Filters
    from certfind.search import Hit


class Format(StrEnum):
    table = "table"
    plain = "plain"
    json = "json"
    csv = "csv"


class ListFormat(StrEnum):
    """list, search and show also speak CTDL, the Credential Registry's JSON-LD."""

    table = "table"
    plain = "plain"
    json = "json"
    csv = "csv"
    ctdl = "ctdl"


class Sort(StrEnum):
    name = "name"
    cost = "cost"
    duration = "duration"
    issuer = "issuer"


WARNING_LINES = 3
"""A broken user file: this many of its problems are shown, then a count and how to see them all."""


class _Forgiving:
    """stderr that never fails: with it closed or full, the exit code still says what happened."""

    def __init__(self, stream: Any) -> None:
        self._stream = stream

    def write(self, data: str) -> int:
        try:
            return int(self._stream.write(data)) if self._stream is not None else len(data)
        except (OSError, ValueError):
            return len(data)

    def flush(self) -> None:
        try:
            if self._stream is not None:
                self._stream.flush()
        except (OSError, ValueError):
            pass

    def isatty(self) -> bool:
        try:
            return bool(self._stream is not None and self._stream.isatty())
        except (OSError, ValueError):
            return False

    def __getattr__(self, name: str) -> Any:
        return getattr(self._stream, name)


def _say(line: str) -> None:
    from certfind.text import clean

    sys.stderr.write(clean(line) + "\n")


class _Boundary(TyperGroup):
    """Maps domain errors, Ctrl-C and a closed pipe to a short message and an exit code."""

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        # `--json` alone (last, or before another option) lists the fields, as in `gh`
        fixed = [
            "--json=" if arg == "--json" and (i + 1 == len(args) or args[i + 1].startswith("-")) else arg
            for i, arg in enumerate(args)
        ]
        return list(super().parse_args(ctx, fixed))

    def invoke(self, ctx: Any) -> Any:
        try:
            return super().invoke(ctx)
        except CertfindError as err:
            lines = err.lines()
            for line in lines:
                _say(line if ":" in line.split(" ")[0] or line.startswith(" ") else f"certfind: {line}")
            more = getattr(err, "more", 0)
            if err.exit_code == EXIT_CATALOG and (len(lines) > 1 or more):
                _say(f"certfind: {len(lines) + more} problems in the catalog" + (" (first 100 shown)" if more else ""))
            raise typer.Exit(err.exit_code) from None
        except KeyboardInterrupt:
            _say("certfind: interrupted")
            raise typer.Exit(EXIT_INTERRUPTED) from None
        except BrokenPipeError:
            _silence_stdout()
            raise typer.Exit(EXIT_OK) from None
        except OSError as err:  # a full disk, a closed or unwritable stdout
            raise typer.Exit(_output_failed(err)) from None


def _output_failed(err: OSError | str) -> int:
    """Say why the output could not be written, drop what is left of it, and give the exit code."""
    import errno

    if isinstance(err, OSError) and err.errno == errno.EPIPE:
        _silence_stdout()
        return EXIT_OK
    reason = err if isinstance(err, str) else (err.strerror or str(err))
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
    invoke_without_command=True,
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
            "--catalog", envvar=paths.ENV_CATALOG, metavar="PATH", help="Use exactly this catalog file for this run."
        ),
    ] = None,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Print the version and exit.")
    ] = False,
) -> None:
    del version  # handled by its eager callback
    ctx.obj = {"catalog": catalog}
    if ctx.invoked_subcommand is None:  # a bare `certfind`: what it can do, and success
        sys.stdout.write(ctx.get_help() + "\n")
        raise typer.Exit(EXIT_OK)


FormatOption = Annotated[
    Format | None,
    typer.Option("--format", "-f", help="table, plain, json or csv. Default: table on a terminal, plain otherwise."),
]
ListFormatOption = Annotated[
    ListFormat | None,
    typer.Option(
        "--format",
        "-f",
        help="table, plain, json, csv or ctdl (CTDL JSON-LD). Default: table on a terminal, plain otherwise.",
    ),
]
JsonOption = Annotated[
    str | None,
    typer.Option(
        "--json",
        metavar="FIELDS",
        help="Print JSON with only these comma-separated fields (e.g. id,name,upfront); alone, list the fields.",
    ),
]


def _format(fmt: Format | ListFormat | None) -> str:
    if fmt is not None:
        return fmt.value
    return "table" if sys.stdout.isatty() else "plain"


def _fields(spec: str | None) -> list[str] | None:
    """The fields `--json` asked for; `--json` alone lists them (exit 0)."""
    from certfind.render import JSON_FIELDS

    if spec is None:
        return None
    wanted = [name.strip() for name in spec.split(",") if name.strip()]
    if not wanted:
        sys.stdout.write("Fields for --json:\n" + "".join(f"  {name}\n" for name in JSON_FIELDS))
        raise typer.Exit(EXIT_OK)
    unknown = [name for name in wanted if name not in JSON_FIELDS]
    if unknown:
        raise UsageError(f"unknown --json field {unknown[0]!r}; the fields are: {', '.join(JSON_FIELDS)}")
    return wanted


# --- loading the catalog and saying what is wrong with the user's file ---------------------------


def _load(ctx: typer.Context) -> "Catalog":
    from certfind import catalog

    cat = catalog.load(ctx.find_root().obj["catalog"] if ctx.find_root().obj else None)
    _warn_user_file(cat)
    return cat


def _warn_user_file(cat: "Catalog") -> None:
    """Each problem of the user's own file is a warning; the bundled catalog is used all the same."""
    problems = cat.warnings
    if not problems:
        return
    for problem in problems[:WARNING_LINES]:
        _say(f"warning: {problem}")
    path = problems[0].path
    shown = f"{len(problems)} problems" if len(problems) != 1 else "1 problem"
    _say(f"certfind: {shown} in your catalog file; entries with problems are left out. See: certfind validate {path}")


def _completion_catalog(ctx: typer.Context) -> "Catalog | None":
    from certfind import catalog

    try:
        root = ctx.find_root()
        return catalog.load((root.obj or {}).get("catalog") or root.params.get("catalog"))
    except CertfindError:
        return None


def _complete_names(ctx: typer.Context, incomplete: str) -> list[str]:
    """Shell completion for NAME_OR_ID: ids and acronyms that start with what was typed."""
    cat = _completion_catalog(ctx)
    return [] if cat is None else cat.complete(incomplete)


def _completer(kind: str) -> Callable[[typer.Context, str], list[str]]:
    def complete(ctx: typer.Context, incomplete: str) -> list[str]:
        from certfind.filters import STATUS_CHOICES

        if kind == "status":
            values = list(STATUS_CHOICES)
        else:
            cat = _completion_catalog(ctx)
            values = [] if cat is None else cat.values(kind)
        return [v for v in values if v.casefold().startswith(incomplete.casefold())]

    return complete


CategoryOption = Annotated[
    str | None,
    typer.Option(help="Only this category, e.g. library, archives, it.", autocompletion=_completer("category")),
]
StatusOption = Annotated[
    str | None,
    typer.Option(
        help="Only this verification status (confirmed, differs, not-found, unverified)"
        " or credential status (active, discontinued, unknown).",
        autocompletion=_completer("status"),
    ),
]
RegionOption = Annotated[
    list[str] | None,
    typer.Option(
        help="Only what is awarded in this place: an ISO 3166 code or a name (US, US-TX, TX, Texas, Ontario, GB);"
        " a country includes its states and provinces. Repeat for several.",
        autocompletion=_completer("region"),
    ),
]
OccupationOption = Annotated[
    list[str] | None,
    typer.Option(
        help="Only credentials tied to this occupation: a SOC code (25-4031) or words of its title.",
        autocompletion=_completer("occupation"),
    ),
]
MaxCostOption = Annotated[
    float | None,
    typer.Option(
        metavar="AMOUNT",
        help="Only entries whose known up-front cost (non-member, in their own currency) is at most this much.",
    ),
]


def _filters(
    cat: "Catalog",
    category: str | None,
    status: str | None,
    region: list[str] | None,
    occupation: list[str] | None,
    max_cost: float | None,
    issuer: str | None = None,
) -> "Filters":
    from certfind import filters

    return filters.Filters(  # the values present are looked up only for a filter that was given
        category=filters.category(category, cat.values("category")) if category is not None else None,
        issuer=issuer,
        status=filters.status(status),
        regions=filters.regions(region, cat.values("region")) if region else (),
        occupations=filters.occupation_codes(occupation, cat.values("occupation")) if occupation else (),
        max_cost=filters.max_cost(max_cost),
    )


def _nothing_found(cat: "Catalog", chosen: "Filters", what: str) -> None:
    """Why a listing is empty, and what would give results: which filter empties it, the nearest values."""
    from certfind import places

    if not chosen.active:
        _say(f"certfind: {what}")
        return
    _say(f"certfind: {what} with these filters")
    for name in chosen._fields:
        if getattr(chosen, name) in (None, ()):
            continue
        loose = chosen._replace(**{name: chosen._field_defaults[name]})
        if loose.active or name != "max_cost":
            count = len(cat.select(loose))
            if count:
                option = {"regions": "--region", "occupations": "--occupation", "max_cost": "--max-cost"}.get(
                    name, f"--{name}"
                )
                _say(f"  without {option}: {count} entr{'y' if count == 1 else 'ies'}")
    if chosen.regions:
        named = ", ".join(f"{places.name(c)} ({c})" for c in chosen.regions)
        _say(f"  places asked for: {named}; see what exists with: certfind list --facets")


# --- commands -------------------------------------------------------------------------------------


@app.command("list")
def list_(
    ctx: typer.Context,
    category: CategoryOption = None,
    issuer: Annotated[str | None, typer.Option(help="Only issuers whose name contains this text.")] = None,
    status: StatusOption = None,
    region: RegionOption = None,
    occupation: OccupationOption = None,
    max_cost: MaxCostOption = None,
    sort: Annotated[
        Sort,
        typer.Option(help="Order by name, cost (known amounts first, cheapest first, per currency), duration, issuer."),
    ] = Sort.name,
    origin: Annotated[
        bool, typer.Option("--origin", help="Add where each entry comes from: bundled, user or file.")
    ] = False,
    facets: Annotated[
        bool, typer.Option("--facets", help="Count what exists per category, status, kind, region and issuer.")
    ] = False,
    json_fields: JsonOption = None,
    fmt: ListFormatOption = None,
) -> None:
    """List the catalog, filtered and sorted.

    [b]Examples[/b]

      certfind list --region Texas
      certfind list --status confirmed --sort cost
      certfind list --region CA --category library --format csv
      certfind list --occupation 25-4031 --json id,name,upfront
      certfind list --facets
    """
    from certfind import render

    fields = _fields(json_fields)
    cat = _load(ctx)
    if facets:
        render.emit(render.Facets(cat.facets()), _format(fmt))
        return
    chosen = _filters(cat, category, status, region, occupation, max_cost, issuer)
    shown = _format(fmt)
    if shown == "json" and fields is None:  # the stored items as they are, a batch at a time
        items = render.JsonItems(cat.listing_items(chosen, sort.value))
        items.json()
        if not items.count:
            _nothing_found(cat, chosen, "no entries")
            raise typer.Exit(EXIT_NO_MATCH)
        return
    raw = fields is not None  # picked fields come from the stored items: no record is rebuilt
    listed = 0

    def rows() -> Iterator[render.Row]:
        nonlocal listed
        for _, text, cert in cat.listing(chosen, sort.value, full=not raw):
            listed += 1
            yield render.Row(text, None, cert)

    render.emit(render.Listing(rows(), show_origin=origin, fields=fields), "json" if raw else shown)
    if not listed:
        _nothing_found(cat, chosen, "no entries")
        raise typer.Exit(EXIT_NO_MATCH)


@app.command()
def show(
    ctx: typer.Context,
    name_or_id: Annotated[
        str,
        typer.Argument(metavar="NAME_OR_ID", help="An id, acronym, alias or name.", autocompletion=_complete_names),
    ],
    web: Annotated[bool, typer.Option("--web", help="Open the issuer's page in your web browser.")] = False,
    json_fields: JsonOption = None,
    fmt: ListFormatOption = None,
) -> None:
    """Show every fact of one certification, its sources, and how far to trust it.

    [b]Examples[/b]

      certfind show CLT
      certfind show "Certified Archivist"
      certfind show lssc --format json
      certfind show cpla --web
    """
    from certfind import render

    fields = _fields(json_fields)
    cat = _load(ctx)
    cert, item = cat.entry(cat.resolve(name_or_id))
    if web:
        _open_in_browser(cert)
        return
    alternatives = [alt for alt in (cat.get(a) for a in cert.verification.alternatives) if alt is not None]
    today = date.today()
    shown = "json" if fields is not None else _format(fmt)
    render.emit(render.Shown(cert, item, alternatives, today, fields), shown)
    if shown == "ctdl" and cert.verification.status == "not-found":
        _say(f"note: {cert.id} is left out of CTDL output: no public source confirms that it exists")
    warning = render.stale_warning(cert, today)
    if warning:
        _say(warning)


def _open_in_browser(cert: Any) -> None:
    import webbrowser

    url = cert.issuer_url or next((s.url for s in cert.sources if s.web), "")
    if not url:
        raise NoMatchError(f"{cert.id} has no web page to open")
    _say(f"opening {url}")
    try:
        opened = webbrowser.open(url)
    except webbrowser.Error:
        opened = False
    if not opened:
        raise NoMatchError(f"no web browser could be opened; the page is {url}")


@app.command()
def search(
    ctx: typer.Context,
    query: Annotated[
        list[str], typer.Argument(metavar="QUERY...", help="Words to look for; several words are one query.")
    ],
    limit: Annotated[int, typer.Option(min=1, help="Show at most this many results.")] = 10,
    category: CategoryOption = None,
    status: StatusOption = None,
    region: RegionOption = None,
    occupation: OccupationOption = None,
    max_cost: MaxCostOption = None,
    json_fields: JsonOption = None,
    fmt: ListFormatOption = None,
) -> None:
    """Search names, acronyms, topics, issuers, places and summaries; typos and word order are forgiven.

    Real credentials come first: those no one awards (not found, or discontinued) follow every other
    match unless you name them exactly, and a line on stderr says which they are.

    [b]Examples[/b]

      certfind search cataloging
      certfind search library technician --region Ontario
      certfind search "library technican" --limit 3
      certfind search records management --max-cost 300 --format json
    """
    from certfind import render

    fields = _fields(json_fields)
    text = " ".join(query)
    cat = _load(ctx)
    chosen = _filters(cat, category, status, region, occupation, max_cost)
    hits = cat.search(text, limit=None, filters=chosen)
    shown = hits[:limit]
    fmt_name = _format(fmt)
    found = cat.items([h.entry for h in shown], full=True)
    rows = (render.Row(item, h.score, cert) for h, (_, item, cert) in zip(shown, found, strict=True))
    render.emit(render.Listing(rows, scored=True, fields=fields), "json" if fields is not None else fmt_name)
    if not hits:
        _nothing_found(cat, chosen, f"no certification matches {text!r}")
        raise typer.Exit(EXIT_NO_MATCH)
    if fmt_name in ("table", "plain") and fields is None:  # scripts reading JSON get the order, not a note
        _name_the_unreal(cat, hits)


def _name_the_unreal(cat: "Catalog", hits: "Sequence[Hit]") -> None:
    """The matches no one awards, named after the real results so that they stay findable."""
    unreal = [h.entry for h in hits if h.unreal]
    if not unreal:
        return
    ids = [cert.id for _, cert in cat.certs(unreal[:6])]
    more = f" and {len(unreal) - 6} more" if len(unreal) > 6 else ""
    _say(
        f"note: also matched, but no one awards them (not found, or discontinued): {', '.join(ids)}{more}; "
        f"see the evidence with: certfind show {ids[0]}"
    )


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
    from certfind import costs, render

    if len(names) < 2:
        raise UsageError("compare needs at least two certifications, e.g. certfind compare LSSC CPLA")
    cat = _load(ctx)
    found = [cat.entry(e) for e in dict.fromkeys(cat.resolve(n) for n in names)]
    certs = [cert for cert, _ in found]
    comparison = costs.compare(certs, years, member)
    render.emit(render.Compared(certs, [item for _, item in found], comparison), _format(fmt))


# --- plan and eligible -------------------------------------------------------------------------


def _write_new_file(path: str, text: str, exists: Callable[[str], CertfindError] | None = None) -> None:
    """Write `text` to a file that must not exist yet. Exclusive create also refuses a symlink
    planted at `path`, so nothing the user already has is ever overwritten."""
    import contextlib

    try:
        handle = open(path, "x", encoding="utf-8", newline="")  # noqa: SIM115 - closed below, unlinked on failure
    except FileExistsError:
        if exists is not None:
            raise exists(path) from None
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
    cert = cat.cert(cat.resolve(name_or_id))
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
    render.emit(render.Planned(laid_out), shown)
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
    render.emit(render.Eligibility(result), shown)
    if shown == "csv" and result.not_recorded:  # a count is not a row: the other formats print it with the rows
        _say(f"certfind: {render.not_recorded_text(result.not_recorded)}")
    if not result.eligible:
        _say("certfind: this profile meets the recorded requirements of no credential yet")
        raise typer.Exit(EXIT_NO_MATCH)


# --- import -----------------------------------------------------------------------------------


class ImportFormat(StrEnum):
    yaml = "yaml"
    json = "json"


@app.command("import")
def import_(
    files: Annotated[
        list[str], typer.Argument(metavar="FILE...", help="CTDL JSON-LD: a record, an @graph document or an envelope.")
    ],
    fmt: Annotated[
        ImportFormat, typer.Option("--format", "-f", help="yaml (a catalog to review and save) or json.")
    ] = ImportFormat.yaml,
) -> None:
    """Print Credential Engine (CTDL JSON-LD) credentials as catalog entries to review; writes no file.

    Entries are unverified and cite their registry record. What could not be mapped goes to stderr.

    [b]Examples[/b]

      certfind import credential.json > imported.yaml
      certfind import envelope.json graph.json --format json
    """
    from certfind import ctdl

    today = date.today()
    found = ctdl.read_files(files, today)
    for warning in found.warnings:
        _say(f"certfind import: {warning}")
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    sys.stdout.write(ctdl.output(found.records, fmt.value, files=files, today=today, encoding=encoding))
    if found.unmapped:
        _say(f"certfind import: {ctdl.describe_unmapped(found.unmapped)}")


INIT_TEMPLATE = """\
# Your own certfind catalog. certfind merges it over the catalog it ships with:
# an entry with a new id adds a credential, an entry with a bundled id replaces that one.
# Each entry needs id, name, issuer, category and summary; everything else is optional.
# Check it with: certfind validate {path}
schema_version: 1
certifications:
  - id: my-county-staff-certificate
    name: Example County Library Staff Certificate
    issuer: Example County Library
    category: library
    summary: The certificate our county library gives staff who finish its training workshops.
    # region: [US-TX]            # ISO 3166 codes: US, US-TX, CA-ON, GB, AU, NZ ...
    # topics: [circulation, cataloging]
    # costs:
    #   - {{label: Application, amount: 25}}
    # sources:
    #   - "Told by our branch manager"   # a note, a file: URL or a web page
"""


@app.command()
def init() -> None:
    """Create your own catalog file with a commented example entry (never overwrites one).

    [b]Examples[/b]

      certfind init
    """
    from certfind import paths

    path = paths.user_catalog()
    if path is None:
        raise CertfindError(
            "there is no home directory to keep your catalog in: set HOME (or XDG_CONFIG_HOME) to an existing "
            "directory's absolute path"
        )
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise CertfindError(f"cannot create {path.parent}: {exc.strerror or exc}") from None
    _write_new_file(
        str(path),
        INIT_TEMPLATE.format(path=path),
        lambda existing: CertfindError(f"{existing} already exists; certfind never overwrites it"),
    )
    sys.stdout.write(f"created {path}\n")


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
    from certfind.text import clean

    explicit = path if path is not None else (ctx.find_root().obj or {}).get("catalog")
    cat = catalog.load(explicit, use_cache=False, strict_user=True)
    for n in range(len(cat)):
        cert, item = cat.entry(n)
        warning = item.get("warning")
        if cert.origin == "user" and warning and "looks like" in warning:
            _say(f"warning: {warning}")
    if cat.replaced:
        _say(f"note: your own entries replace these bundled ones: {', '.join(cat.replaced)}")
    files = ", ".join(cat.paths)
    sys.stdout.write(clean(f"ok: {len(cat)} certifications in {files}") + "\n")


@app.command("help")
def help_(
    ctx: typer.Context,
    command: Annotated[str | None, typer.Argument(metavar="[COMMAND]", help="The command to explain.")] = None,
) -> None:
    """Show help for certfind or for one of its commands.

    [b]Examples[/b]

      certfind help
      certfind help search
    """
    root = ctx.find_root()
    group = root.command
    if command is None:
        sys.stdout.write(root.get_help() + "\n")
        return
    sub = group.get_command(root, command) if hasattr(group, "get_command") else None
    if sub is None:
        raise UsageError(f"no command {command!r}; the commands are: {', '.join(command_names())}")
    with sub.make_context(command, ["--help"], parent=root, resilient_parsing=True) as sub_ctx:
        sys.stdout.write(sub.get_help(sub_ctx) + "\n")


def command_names() -> list[str]:
    """Every command of the app, as users type them (tests walk this list)."""
    return [info.name or (info.callback.__name__ if info.callback else "") for info in app.registered_commands]


def _safe_streams() -> None:
    """Output never fails on the stream's encoding: what cannot be encoded is written as an escape."""
    import contextlib

    for stream in (sys.stdout, sys.stderr):
        with contextlib.suppress(AttributeError, ValueError, OSError):
            stream.reconfigure(errors="backslashreplace")  # type: ignore[union-attr]
    forgiving: Any = _Forgiving(sys.stderr)
    sys.stderr = forgiving


def main() -> None:
    """Runs the app; what is still buffered is flushed here, where a failure can be reported."""
    _safe_streams()
    if sys.stdout is None:  # started with stdout closed (`certfind list >&-`)
        raise SystemExit(_output_failed("standard output is closed"))
    try:
        app(prog_name="certfind")
    except SystemExit as done:
        try:
            sys.stdout.flush()
        except OSError as err:
            raise SystemExit(_output_failed(err)) from None
        raise done
    except OSError as err:  # output that failed while Typer itself wrote it (help, usage errors)
        raise SystemExit(_output_failed(err)) from None
