"""The commands that look things up: list, show, search, compare. Each parses, asks the catalog, renders."""

import os
import shlex
import webbrowser
from collections.abc import Iterable, Iterator, Sequence
from enum import StrEnum
from typing import Annotated

import typer

from certfind import costs, filters, render
from certfind.catalog import Catalog
from certfind.cli import completion, options, usage, values
from certfind.cli.app import command
from certfind.cli.options import (
    CategoryOption,
    FormatOption,
    IssuerOption,
    ListFormatOption,
    MaxCostOption,
    MemberOption,
    NameArgument,
    OccupationOption,
    RegionOnlyOption,
    RegionOption,
    RegistryOption,
    Sort,
    SortOption,
    StatusOption,
    YearsOption,
    chosen_filters,
    json_option,
    load,
    nothing_found,
    output,
)
from certfind.cli.terminal import say
from certfind.errors import EXIT_NO_MATCH, CertfindError, UsageError
from certfind.model import Certification, Entry
from certfind.render import words
from certfind.search import Found, Hit

CurrencyOption = Annotated[
    str | None,
    typer.Option(
        metavar="CODE",
        help="With --sort cost: amounts in this currency first (USD, CAD, GBP...)."
        " Default: your locale's, when the catalog prices in it; else USD.",
    ),
]


class SearchSort(StrEnum):
    relevance = "relevance"
    cost = "cost"


def sort_currency(cat: Catalog, currency: str | None, by_cost: bool) -> str:
    """The currency `--sort cost` puts first: the one given, else the locale's (costs.locale_currency).
    Without --sort cost no order needs one, and the catalog's currencies (a full scan) are not read."""
    if not by_cost:
        if currency is not None:
            raise UsageError("--currency orders amounts for --sort cost; add --sort cost")
        return costs.DEFAULT_CURRENCY
    known = cat.values("currency")
    if currency is None:
        return costs.locale_currency(os.environ, known)
    return filters.currency(currency, known)


def unreal_note(ids: Sequence[str], count: int, only: bool) -> None:
    """The entries no one awards, named on stderr after the real ones so that they stay findable."""
    if not count:
        return
    more = f" and {count - len(ids)} more" if count > len(ids) else ""
    head = "only matches, and no one awards them" if only else "also matched, but no one awards them"
    say(
        f"note: {head} (not found, or discontinued): {', '.join(ids)}{more}; "
        f"see the evidence with: certfind show {ids[0]}"
    )


UNREAL_NAMED = 6
"""How many of the entries no one awards the stderr note names."""


@command("list")
def list_(
    ctx: typer.Context,
    category: CategoryOption = None,
    issuer: IssuerOption = None,
    status: StatusOption = None,
    region: RegionOption = None,
    occupation: OccupationOption = None,
    max_cost: MaxCostOption = None,
    region_only: RegionOnlyOption = False,
    sort: SortOption = Sort.name,
    currency: CurrencyOption = None,
    origin: Annotated[
        bool, typer.Option("--origin", help="Add where each entry comes from: bundled, user or file.")
    ] = False,
    facets: Annotated[
        bool, typer.Option("--facets", help="Count what exists per category, status, kind, region and issuer.")
    ] = False,
    registry: RegistryOption = False,
    limit: Annotated[
        int | None,
        typer.Option(metavar="N", parser=values.whole("--limit", 1), help="List at most this many. Default: all."),
    ] = None,
    json_spec: Annotated[str | None, json_option(render.ENTRY_FIELDS)] = None,
    fmt: ListFormatOption = None,
) -> None:
    """List the catalog, filtered and sorted.

    Examples:
      certfind list --region Texas
      certfind list --status confirmed --sort cost --limit 10
      certfind list --region CA --sort cost --currency CAD
      certfind list --region CA --category library --format csv
      certfind list --occupation 25-4031 --json id,name,upfront
      certfind list --facets
      certfind list --registry > catalog.jsonld
    """
    out = output(fmt, json_spec, render.ENTRY_FIELDS, registry=registry)
    cat = load(ctx)
    if facets:
        if out.fmt not in render.Facets.formats:
            raise UsageError(f"--facets prints {', '.join(render.Facets.formats)}; not {out.fmt}")
        render.emit(render.Facets(cat.facets()), out.fmt)
        return
    chosen = chosen_filters(cat, category, status, region, occupation, max_cost, issuer, region_only=region_only)
    first = sort_currency(cat, currency, sort == Sort.cost)
    if out.fmt == "json" and out.fields is None:  # the stored items as they are, a batch at a time
        items = render.JsonItems(cat.listing_items(chosen, sort.value, first, limit))
        items.json()
        listed = items.count
    else:
        listed = 0
        unreal: list[str] = []
        shown: list[Entry] = []

        def rows() -> Iterator[render.Row]:
            nonlocal listed
            for entry in cat.listing(chosen, sort.value, first, limit):
                listed += 1
                if entry.cert.unreal:
                    unreal.append(entry.cert.id)
                if registry:
                    shown.append(entry)
                yield entry, None

        render.emit(render.Listing(rows(), show_origin=origin, fields=out.fields, registry=registry), out.fmt)
        if registry:
            _registry_gaps([entry.cert for entry in shown])
        if out.fmt in ("table", "plain") and not chosen.only_unreal:  # scripts get the order, not a note
            unreal_note(unreal[:UNREAL_NAMED], len(unreal), only=len(unreal) == listed)
    if not listed:
        nothing_found(cat, chosen, "no entries")
        raise typer.Exit(EXIT_NO_MATCH)
    if limit is not None and listed == limit and (total := cat.count(chosen)) > listed:
        say(f"note: showing the first {listed} of {total} entries; use --limit {total} to see them all")


@command("show")
def show(
    ctx: typer.Context,
    name_or_id: NameArgument,
    web: Annotated[bool, typer.Option("--web", help="Open the credential's page in your web browser.")] = False,
    registry: RegistryOption = False,
    json_spec: Annotated[str | None, json_option(render.ENTRY_FIELDS)] = None,
    fmt: ListFormatOption = None,
) -> None:
    """Show every fact of one certification, its sources, and how far to trust it.

    Examples:
      certfind show CLT
      certfind show "Certified Archivist"
      certfind show lssc --format json
      certfind show cpla --web
    """
    out = output(fmt, json_spec, render.ENTRY_FIELDS, registry=registry)
    cat = load(ctx)
    entry = cat.resolve(name_or_id)
    cert = entry.cert
    if web:
        _open_in_browser(cert)
        return
    alternatives = [alt for alt in (cat.get(a) for a in cert.verification.alternatives) if alt is not None]
    today = options.today()
    member = costs.upfront(cert, member=True) if costs.has_member_pricing(cert) else None
    render.emit(render.Shown(entry, alternatives, today, member, out.fields, registry), out.fmt)
    if out.fmt == "ctdl" and cert.verification.status == "not-found":
        say(f"note: {cert.id} is left out of CTDL output: no public source confirms that it exists")
    elif registry:
        _registry_gaps([cert])
    warning = words.stale_warning(cert, today)
    if warning:
        say(warning)


def _registry_gaps(certs: list[Certification]) -> None:
    """Per record, what the Credential Registry's minimum data still lacks: it is not publishable as it is."""
    from certfind import ctdl  # noqa: PLC0415 - pyld and the CTDL mapping load only for CTDL work

    exported = ctdl.registry_gaps(certs)
    lacking = [(ident, gaps) for ident, gaps in exported if gaps]
    for ident, gaps in lacking:
        say(f"registry: {ident} lacks {'; '.join(gaps)}")
    if lacking:
        say(
            f"certfind: {len(lacking)} of {len(exported)} records lack what the Registry requires: "
            "as they are, they cannot be published to it"
        )


def web_page(cert: Certification) -> str:
    """The page `show --web` opens: the credential's own (its first source on the issuer's site), else the
    issuer's home page, else its first web source; "" when it has none."""
    own = next((s.url for s in cert.sources if s.web and s.issuer), "")
    return own or cert.issuer_url or next((s.url for s in cert.sources if s.web), "")


def _open_in_browser(cert: Certification) -> None:
    url = web_page(cert)
    if not url:
        raise CertfindError(f"{cert.id} has no web page to open")
    say(f"opening {url}")
    try:
        opened = webbrowser.open(url)
    except webbrowser.Error:
        opened = False
    if not opened:
        raise CertfindError(f"no web browser could be opened; the page is {url}")


@command("search")
def search(
    ctx: typer.Context,
    query: Annotated[
        list[str], typer.Argument(metavar="QUERY...", help="Words to look for; several words are one query.")
    ],
    limit: Annotated[
        int, typer.Option(metavar="N", parser=values.whole("--limit", 1), help="Show at most this many results.")
    ] = 10,
    category: CategoryOption = None,
    status: StatusOption = None,
    region: RegionOption = None,
    occupation: OccupationOption = None,
    max_cost: MaxCostOption = None,
    region_only: RegionOnlyOption = False,
    sort: Annotated[
        SearchSort,
        typer.Option(
            metavar="ORDER",
            click_type=values.Choices("--sort", SearchSort),
            help="Order the results found by relevance, or by cost as list --sort cost does.",
        ),
    ] = SearchSort.relevance,
    currency: CurrencyOption = None,
    json_spec: Annotated[str | None, json_option(render.SEARCH_FIELDS)] = None,
    fmt: ListFormatOption = None,
) -> None:
    """Search names, acronyms, topics, issuers, places and summaries; typos and word order are forgiven.

    Real credentials come first: those no one awards (not found, or discontinued) follow every other
    match unless you name them exactly, and a line on stderr says which they are.

    Examples:
      certfind search cataloging
      certfind search library technician --region Ontario
      certfind search "library technican" --limit 3
      certfind search records management --max-cost 300 --format json
      certfind search library technician --sort cost
    """
    out = output(fmt, json_spec, render.SEARCH_FIELDS)
    text = " ".join(query)
    cat = load(ctx)
    chosen = chosen_filters(cat, category, status, region, occupation, max_cost, region_only=region_only)
    first = sort_currency(cat, currency, sort == SearchSort.cost)
    found = cat.search(text, limit=limit, filters=chosen)
    entries = cat.found_entries(found, [h.entry for h in found.hits])
    pairs: Iterable[tuple[Hit, Entry]] = zip(found.hits, entries, strict=True)
    if sort == SearchSort.cost:  # the same results, real ones first, then as list --sort cost orders them
        pairs = sorted(pairs, key=lambda pair: (pair[0].unreal, costs.cost_order(pair[1].upfront, first)))
    rows = ((entry, hit.score) for hit, entry in pairs)
    render.emit(render.Listing(rows, scored=True, fields=out.fields), out.fmt)
    if not found.hits:
        nothing_found(cat, chosen, f"no certification matches {text!r}")
        for gap in found.gaps:
            say(f"  certfind's catalog has no credential for {gap!r} yet")
        suggestion = cat.searcher.suggestion(text)
        if suggestion:
            say(f"  did you mean: certfind search {suggestion}")
        if found.query.asks_cost:
            say(words.LIST_COST_HINT)
        raise typer.Exit(EXIT_NO_MATCH)
    for note in words.search_notes(found):
        say(note)
    if found.query.asks_cost and sort != SearchSort.cost:
        say(words.COST_HINT)
    if out.fmt in ("table", "plain"):  # scripts reading JSON get the order, not a note
        if not chosen.only_unreal:
            unreal = list(found.unreal)
            ids = [entry.cert.id for entry in cat.found_entries(found, unreal[:UNREAL_NAMED])]
            unreal_note(ids, len(unreal), only=all(hit.unreal for hit in found.hits))
        _how_many(found, limit)


def _how_many(found: Found, limit: int) -> None:
    """`note: showing 10 of 77 matches; ...` when --limit cut the results."""
    shown = len(found.hits)
    if shown < limit:
        return
    if found.total is None:  # a big catalog: only the best candidates were scored
        say(f"note: showing the best {shown}; more matched: use --limit to see more")
    elif found.total > shown:
        say(f"note: showing {shown} of {found.total} matches; use --limit {found.total} to see them all")


@command("compare")
def compare(
    ctx: typer.Context,
    names: Annotated[
        list[str],
        typer.Argument(
            metavar="NAME_OR_ID...", help="Two or more ids, acronyms or names.", autocompletion=completion.names
        ),
    ],
    years: YearsOption = 5,
    member: MemberOption = False,
    fmt: FormatOption = None,
) -> None:
    """Compare certifications side by side: cost up front and over N years, duration, prerequisites.

    Examples:
      certfind compare LSSC CPLA "Certified Archivist"
      certfind compare CIP "CompTIA A+" --years 10
      certfind compare ca cip --member --format json
    """
    if len(names) < 2:
        raise UsageError("compare needs at least two certifications, e.g. certfind compare LSSC CPLA")
    out = output(fmt)
    cat = load(ctx)
    entries = _different(ctx, [(name, cat.resolve(name)) for name in names])
    comparison = costs.compare([entry.cert for entry in entries], years, member)
    render.emit(render.Compared(entries, comparison), out.fmt)


def _different(ctx: typer.Context, resolved: list[tuple[str, Entry]]) -> list[Entry]:
    """The entries compared: a certification named twice (`lssc lssc`, `lssc LSSC`) is a usage error."""
    seen: dict[int, str] = {}
    for name, entry in resolved:
        if entry.n in seen:
            first = seen[entry.n]
            same = f"{first!r} and {name!r} name the same certification ({entry.cert.id})"
            what = f"{name!r} is given twice" if first == name else same
            args = list(ctx.find_root().meta.get(usage.ARGS, []))
            at = len(args) - 1 - args[::-1].index(name) if name in args else None
            kept = [] if at is None else [*args[:at], *args[at + 1 :]]
            enough = len({e.n for _, e in resolved}) >= 2
            hint = f"try: {shlex.join(['certfind', *kept])}" if kept and enough else "e.g. certfind compare LSSC CPLA"
            raise UsageError(f"{what}; compare needs different certifications", hint)
        seen[entry.n] = name
    return [entry for _, entry in resolved]
