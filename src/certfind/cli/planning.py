"""The commands about holding and earning a credential: plan and eligible."""

from datetime import UTC, datetime
from typing import Annotated

import typer

from certfind import eligibility, render
from certfind import plan as plans
from certfind.catalog import Catalog
from certfind.cli import completion, options, values
from certfind.cli.app import command
from certfind.cli.options import (
    FormatOption,
    MemberOption,
    NameArgument,
    RegionOnlyOption,
    RegionOption,
    chosen_filters,
    load,
    output,
)
from certfind.cli.terminal import say, write_bytes
from certfind.errors import EXIT_NO_MATCH, CertfindError, NoMatchError, UsageError
from certfind.files import write_new
from certfind.model import QUALIFICATION_NAMES
from certfind.render.holding import Eligibility, Planned, left_out_text
from certfind.trust import trust_banner


@command("plan")
def plan(
    ctx: typer.Context,
    name_or_id: NameArgument,
    earned: Annotated[
        str,
        typer.Option(
            "--earned",
            metavar="DATE",
            help="The day you earned it, or expect to, as YYYY-MM-DD (at most 10 years from today).",
        ),
    ],
    years: Annotated[
        int,
        typer.Option(
            metavar="N", parser=values.whole("--years", 1, 100), help="Plan this many years of holding it (1 to 100)."
        ),
    ] = 10,
    member: MemberOption = False,
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

    Due dates fall on anniversaries of --earned, or on the calendar dates the issuer
    sets; one due exactly --years after it is outside the plan, as in compare's totals.
    A fee whose amount no source gives is shown as unknown and makes the total 'at least'.

    Examples:
      certfind plan cip --earned 2025-03-01 --years 9
      certfind plan CIP --earned 2025-03-01 --member --format json
      certfind plan lssc --earned 2024-06-15 --ics lssc.ics
    """
    day = plans.parse_earned(earned, options.today())
    out = output(fmt)
    cat = load(ctx)
    cert = cat.resolve(name_or_id).cert
    if cert.unreal and out.fmt in ("json", "csv"):  # table and plain say it with the plan
        say(f"warning: {cert.id}: {trust_banner(cert)[0]}")
    laid_out = plans.build(cert, day, years, member)
    if ics is not None:
        if not laid_out.due:
            raise CertfindError(
                f"nothing falls due for {cert.id} within {years} years of {day.isoformat()}, so there is no "
                "calendar to write; run without --ics to see the plan"
            )
        calendar = plans.ics(laid_out, datetime.now(UTC).replace(microsecond=0))
        if ics == "-":  # as bytes: CRLF and UTF-8 whatever the stream's newline and encoding settings
            write_bytes(calendar.encode("utf-8"))
            return
        write_new(ics, calendar)
    render.emit(Planned(laid_out), out.fmt)
    if out.fmt == "csv" and laid_out.note:  # a sentence is not a row: the other formats print it with the rows
        say(f"certfind: {laid_out.note}")
    if ics is not None:
        dates = len({e.when for e in laid_out.due})
        say(f"certfind: wrote {dates} due date{'s' if dates != 1 else ''} to {ics}")


@command("eligible")
def eligible(
    ctx: typer.Context,
    education: Annotated[
        str,
        typer.Option(
            metavar="LEVEL",
            help="Your highest education: none, high-school, associate, bachelor, master, doctorate.",
            autocompletion=completion.education,
        ),
    ] = "none",
    library_hours: Annotated[
        int,
        typer.Option(
            metavar="N",
            parser=values.whole("--library-hours", 0, example=2000),
            help="Hours of library work, paid or not.",
        ),
    ] = 0,
    experience_years: Annotated[
        float,
        typer.Option(
            metavar="N", parser=values.number("--experience-years", "3"), help="Years of relevant work experience."
        ),
    ] = 0.0,
    teaching_license: Annotated[bool, typer.Option("--teaching-license", help="You hold a teaching license.")] = False,
    member: Annotated[
        bool, typer.Option("--member", help="You are a member of the body that awards the credential.")
    ] = False,
    holds: Annotated[
        list[str] | None,
        typer.Option(
            "--holds",
            metavar="ID",
            help="A credential you hold (an id or name) or a qualification (mlis: a master's from an"
            " ALA-accredited program; postgraduate-library). Repeat for several.",
            autocompletion=completion.held,
        ),
    ] = None,
    region: RegionOption = None,
    region_only: RegionOnlyOption = False,
    show_all: Annotated[
        bool, typer.Option("--all", help="Also list the credentials whose requirements are not recorded.")
    ] = False,
    fmt: FormatOption = None,
) -> None:
    """List the credentials you can apply for now, then the ones you nearly can, with what is missing.

    A credential may have several routes; any one qualifies, and every condition of
    a route must hold. Nearly means its closest route misses just one condition,
    or misses only library hours or years of experience of which you have at least half.

    Credentials no one awards (not found, or discontinued) are never listed. Those
    whose requirements the catalog does not record yet are counted on stderr, never
    called eligible; --all lists them. A route's note (an accreditation, say) is shown
    beside it, since certfind cannot check it. Exits 1 when nothing is eligible.

    Examples:
      certfind eligible --education high-school --library-hours 2000
      certfind eligible --education master --experience-years 3 --holds mlis
      certfind eligible --experience-years 4 --holds icrm-crm
      certfind eligible --education bachelor --teaching-license --region TX --format json
    """
    level = eligibility.parse_level(education)
    out = output(fmt)
    cat = load(ctx)
    held = frozenset(_held(cat, value) for value in holds or [])
    profile = eligibility.Profile(level, library_hours, experience_years, teaching_license, member, held)
    chosen = chosen_filters(cat, None, None, region, None, None, region_only=region_only)
    entries = list(cat.listing(chosen)) if chosen.active else list(cat.entries(range(len(cat))))
    names = {e.cert.id: (e.cert.label, e.cert.renewal is not None) for e in cat.entries(range(len(cat)))}
    result = eligibility.check(entries, profile, names)
    render.emit(Eligibility(result, listed=show_all), out.fmt)
    if left_out := left_out_text(result, listed=show_all):
        say(f"certfind: {left_out}")
    if not result.eligible:
        say("certfind: this profile meets the recorded requirements of no credential yet")
        raise typer.Exit(EXIT_NO_MATCH)


def _held(cat: Catalog, value: str) -> str:
    """What a --holds value names: a qualification's key, or the id of the credential it names."""
    key = eligibility.qualification_key(value)
    if key is not None:
        return key
    try:
        cert = cat.resolve(value).cert
    except NoMatchError as err:
        known = ", ".join(sorted(set(QUALIFICATION_NAMES.values())))
        raise UsageError(
            f"--holds {value!r} names no credential of the catalog and no qualification ({known})",
            f"try: certfind search {value}",
        ) from err
    if cert.verification.status == "not-found":  # held, the user says; but no source knows who awards it
        say(f"certfind: --holds {value}: no one is known to award {cert.label}; see certfind show {cert.id}")
    return cert.id
