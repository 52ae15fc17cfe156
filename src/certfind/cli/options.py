"""What the commands share: their options, written once; `--format`/`--json` resolved into one Output;
loading the catalog and saying what is wrong with the user's file.

Every option that takes a value names it with a word (`--years N`, `--region PLACE`), and its value is
checked by values.py, so that a bad one is one line saying what the option takes."""

import sys
from collections.abc import Sequence
from datetime import date
from enum import StrEnum
from typing import Annotated, NamedTuple

import typer

from certfind import catalog as catalog_module
from certfind import filters, places
from certfind.catalog import Catalog
from certfind.cli import completion, values
from certfind.cli.app import explicit_catalog
from certfind.cli.terminal import is_terminal, say
from certfind.errors import EXIT_OK, UsageError
from certfind.filters import Filters


def today() -> date:
    """Today's date: the one place the commands ask for it (the tests pin it here)."""
    return date.today()


WARNING_LINES = 3
"""A broken user file: this many of its problems are shown, then a count and how to see them all."""


class Format(StrEnum):
    """The formats of every view (render.BASIC_FORMATS)."""

    table = "table"
    plain = "plain"
    json = "json"
    csv = "csv"


class ListFormat(StrEnum):
    """list, search and show also speak CTDL, the Credential Registry's JSON-LD (render.ALL_FORMATS)."""

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


class Output(NamedTuple):
    """How a command writes its result: the format, and the fields `--json` picked (None: every field)."""

    fmt: str
    fields: list[str] | None = None


def output(
    fmt: StrEnum | None, json_spec: str | None = None, valid: Sequence[str] = (), *, registry: bool = False
) -> Output:
    """--format, --json and --registry resolved once: `--json` alone lists the fields (exit 0); `--json`
    with another format is a usage error, and so is `--registry` with a format other than ctdl (it implies
    ctdl); without any, table on a terminal and plain otherwise."""
    if registry:
        if json_spec is not None or (fmt is not None and fmt.value != "ctdl"):
            raise UsageError("--registry writes CTDL for the Credential Registry; it goes with --format ctdl only")
        return Output("ctdl")
    fields = json_fields(json_spec, valid)
    if fields is not None:
        if fmt is not None and fmt.value != "json":
            raise UsageError(f"--json prints JSON; it cannot be used with --format {fmt.value}")
        return Output("json", fields)
    if fmt is not None:
        return Output(fmt.value)
    return Output("table" if is_terminal() else "plain")


def json_fields(spec: str | None, valid: Sequence[str]) -> list[str] | None:
    """The fields `--json` asked for; `--json` alone lists them (exit 0)."""
    if spec is None:
        return None
    wanted = [name.strip() for name in spec.split(",") if name.strip()]
    if not wanted:
        sys.stdout.write("Fields for --json:\n" + "".join(f"  {name}\n" for name in valid))
        raise typer.Exit(EXIT_OK)
    unknown = [name for name in wanted if name not in valid]
    if unknown:
        meant = values.did_you_mean(unknown[0], valid)
        listed = f"{meant} The fields are" if meant else "; the fields are"
        raise UsageError(f"unknown --json field {unknown[0]!r}{listed}: {', '.join(valid)}")
    return wanted


def json_option(valid: Sequence[str]) -> typer.models.OptionInfo:
    """The --json option, with the fields it can pick listed in --help."""
    option: typer.models.OptionInfo = typer.Option(
        "--json",
        metavar="FIELDS",
        help="Print JSON with only these comma-separated fields; alone, list them. Fields: " + ", ".join(valid) + ".",
    )
    return option


RegistryOption = Annotated[
    bool,
    typer.Option(
        "--registry",
        help="CTDL for the Credential Registry: only CTDL's terms (none of certfind's), and on stderr what each"
        " record still lacks before it could be published.",
    ),
]
FormatOption = Annotated[
    Format | None,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        click_type=values.Choices("--format", Format),
        help="table, plain, json or csv. Default: table on a terminal, plain otherwise.",
    ),
]
ListFormatOption = Annotated[
    ListFormat | None,
    typer.Option(
        "--format",
        "-f",
        metavar="FORMAT",
        click_type=values.Choices("--format", ListFormat),
        help="table, plain, json, csv or ctdl (CTDL JSON-LD). Default: table on a terminal, plain otherwise.",
    ),
]
SortOption = Annotated[
    Sort,
    typer.Option(
        metavar="ORDER",
        click_type=values.Choices("--sort", Sort),
        help="Order by name, cost (your currency first; amounts known in full, cheapest first), duration or"
        " issuer. Credentials no one awards come last in every order.",
    ),
]


# --- loading the catalog and saying what is wrong with the user's file ---------------------------


def load(ctx: typer.Context) -> Catalog:
    cat = catalog_module.load(explicit_catalog(ctx))
    for note in cat.notes:
        say(f"certfind: {note}")
    warn_user_file(cat)
    return cat


def warn_user_file(cat: Catalog) -> None:
    """Each problem of the user's own file is a warning; the bundled catalog is used all the same."""
    problems = cat.warnings
    if not problems:
        return
    for problem in problems[:WARNING_LINES]:
        say(f"warning: {problem}")
    path = problems[0].path
    shown = f"{len(problems)} problems" if len(problems) != 1 else "1 problem"
    say(f"certfind: {shown} in your catalog file; entries with problems are left out. See: certfind validate {path}")


# --- the options of list, search and eligible ----------------------------------------------------

NameArgument = Annotated[
    str,
    typer.Argument(metavar="NAME_OR_ID", help="An id, acronym, alias or name.", autocompletion=completion.names),
]
CategoryOption = Annotated[
    list[str] | None,
    typer.Option(
        metavar="CATEGORY",
        help="Only this category, e.g. library, archives, it. Repeat for several.",
        autocompletion=completion.categories,
    ),
]
IssuerOption = Annotated[
    list[str] | None,
    typer.Option(metavar="TEXT", help="Only issuers whose name contains this text. Repeat for several."),
]
StatusOption = Annotated[
    list[str] | None,
    typer.Option(
        metavar="STATUS",
        help="Only this verification status (confirmed, differs, not-found, unverified) or credential status"
        " (active, ceasing, suspended, teach-out, deprecated, discontinued, unknown). Repeat for several: any"
        " of the verifications given, and any of the credential statuses given.",
        autocompletion=completion.statuses,
    ),
]
RegionOption = Annotated[
    list[str] | None,
    typer.Option(
        metavar="PLACE",
        help="Only what can be earned in this place: awarded there or in a part of it, nationwide in its country,"
        " or open anywhere. An ISO 3166 code or a name (US, US-TX, TX, Texas, Ontario, GB); repeat for several.",
        autocompletion=completion.regions,
    ),
]
RegionOnlyOption = Annotated[
    bool,
    typer.Option("--region-only", help="With --region: only what is awarded in the place itself or its parts."),
]
OccupationOption = Annotated[
    list[str] | None,
    typer.Option(
        metavar="SOC",
        help="Only credentials tied to this occupation: a SOC code (25-4031) or words of its title."
        " Repeat for several.",
        autocompletion=completion.occupation_codes,
    ),
]
MaxCostOption = Annotated[
    float | None,
    typer.Option(
        metavar="AMOUNT",
        parser=values.number("--max-cost", "150", low=None),
        help="Only entries whose known up-front cost (non-member, in their own currency) is at most this much.",
    ),
]
YearsOption = Annotated[
    int,
    typer.Option(
        metavar="N",
        parser=values.whole("--years", 1, 100),
        help="Price holding each credential this many years (1 to 100).",
    ),
]
MemberOption = Annotated[bool, typer.Option("--member", help="Use member prices and membership dues where listed.")]


def chosen_filters(
    cat: Catalog,
    category: list[str] | None,
    status: list[str] | None,
    region: list[str] | None,
    occupation: list[str] | None,
    max_cost: float | None,
    issuer: list[str] | None = None,
    *,
    region_only: bool = False,
) -> Filters:
    """The filters a user gave, checked against the values the catalog has; a place that may mean more
    than one is read as all of them, and a line on stderr says so."""
    if region_only and not region:
        raise UsageError("--region-only needs --region: which place?")
    for value, codes in filters.ambiguous_regions(region or []):
        read = " and ".join(places.describe(code) for code in codes)
        say(f"certfind: read --region {value} as {read}; write {' or '.join(codes)} to choose one")
    return Filters(  # the values present are looked up only for a filter that was given
        category=filters.categories(category, cat.values("category")) if category else (),
        issuer=tuple(issuer or ()),
        status=filters.statuses(status or []),
        regions=filters.regions(region, cat.values("region")) if region else (),
        occupations=filters.occupation_codes(occupation, cat.values("occupation")) if occupation else (),
        max_cost=filters.max_cost(max_cost),
        region_only=region_only,
    )


OPTION_NAMES = {"regions": "--region", "occupations": "--occupation", "max_cost": "--max-cost"}


def nothing_found(cat: Catalog, chosen: Filters, what: str) -> None:
    """Why a listing is empty, and what would give results: which filter empties it, the nearest values."""
    if not chosen.active:
        say(f"certfind: {what}")
        return
    say(f"certfind: {what} with these filters")
    for name, count in cat.without_each(chosen):
        option = OPTION_NAMES.get(name, f"--{name}")
        say(f"  without {option}: {count} entr{'y' if count == 1 else 'ies'}")
    if chosen.regions:
        named = ", ".join(f"{places.name(c)} ({c})" for c in chosen.regions)
        say(f"  places asked for: {named}; see what exists with: certfind list --facets")
