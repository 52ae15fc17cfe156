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
