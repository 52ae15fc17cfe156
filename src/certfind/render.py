"""Turn results into table / plain / json / csv / ctdl on stdout. The only module that imports Rich, and
only for `table`. It renders and does not compute: costs, comparisons and rankings come ready-made.

Catalog text is data: control, escape, bidi and invisible characters are shown as visible escapes in
table, plain and csv (JSON keeps the text exactly, as \\u escapes), Rich markup and emoji codes are
never interpreted, and a CSV cell a spreadsheet would run as a formula is prefixed with `'`.
"""

from __future__ import annotations

import functools
import itertools
import json
import sys
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any

from certfind import costs
from certfind.model import ITEM_FIELDS, Certification, Fee, Record, cents_to_number
from certfind.text import clean, escape_non_ascii, json_safe
from certfind.trust import trust, trust_banner

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

JSON_FIELDS = (*ITEM_FIELDS, "upfront", "warning", "score")
"""What `--json` can pick: the catalog's fields, `origin`, and what certfind works out (`upfront`,
`warning`; `score` in search)."""
_TRUST_STYLE = {"confirmed": "green", "differs": "yellow", "not-found": "bold red", "unverified": "magenta"}
STALE_DAYS = 365
MAX_WIDTH = 240
"""A COLUMNS wider than this is taken as this: nobody reads a table 99,999 characters wide."""


def to_json(value: Any) -> str:
    """JSON text in which no control, bidi or invisible character survives raw."""
    return json_safe(json.dumps(value, ensure_ascii=False, indent=2))


def write(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def write_json(value: Any) -> None:
    write(for_stream(to_json(value)))


def for_stream(json_text: str) -> str:
    """JSON text the stream can carry: where stdout's encoding cannot hold a character (`PYTHONIOENCODING=
    ascii`, a latin-1 terminal), it is written as a JSON escape (the same data), never as the stream's
    own backslash escape, which would not be JSON."""
    encoding = getattr(sys.stdout, "encoding", None) or "utf-8"
    if json_text.isascii() or _codec(encoding).startswith(("utf-8", "utf-16", "utf-32")):
        return json_text
    try:
        json_text.encode(encoding)
        return json_text
    except UnicodeEncodeError:
        return escape_non_ascii(json_text)


@functools.cache
def _codec(encoding: str) -> str:
    """An encoding's canonical name (`utf-8` for `UTF8`), or "" when Python knows no such encoding."""
    import codecs

    try:
        return codecs.lookup(encoding).name
    except LookupError:
        return ""


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(value: object) -> str:
    """One CSV cell: no raw control character, and nothing a spreadsheet would run as a formula."""
    text = "" if value is None else str(value)
    if text.startswith(_FORMULA_START):
        text = "'" + text
    return clean(text)


def write_csv(rows: Iterable[Sequence[object]]) -> None:
    import csv

    writer = csv.writer(sys.stdout, lineterminator="\n")
    for row in rows:
        writer.writerow([csv_cell(v) for v in row])


def write_plain(rows: Iterable[Sequence[object]]) -> None:
    for row in rows:
        sys.stdout.write("\t".join(clean("" if v is None else str(v)) for v in row) + "\n")


def write_json_lines_array(lines: Iterable[str]) -> None:
    """A JSON array with one compact item per line: valid JSON that `grep` and `head` can read too."""
    first = True
    for line in lines:
        sys.stdout.write("[\n" if first else ",\n")
        sys.stdout.write(for_stream(line))
        first = False
    sys.stdout.write("[]\n" if first else "\n]\n")


class JsonItems:
    """Stored items (UTF-8 JSON), a batch at a time, written as `write_json_lines_array` would but a batch per
    write: a listing of 100,000 entries is printed without making an object, or even a string, of any of
    them. Where stdout is UTF-8 the bytes go out as they are; elsewhere as `for_stream` makes them."""

    def __init__(self, batches: Iterable[list[bytes]]) -> None:
        self.batches = batches
        self.count = 0

    def json(self) -> None:
        out = sys.stdout
        binary = _utf8_bytes(out)
        for batch in self.batches:
            chunk = (b"[\n" if not self.count else b",\n") + b",\n".join(batch)
            if binary is not None:
                binary.write(chunk)
            else:
                out.write(for_stream(chunk.decode("utf-8")))
            self.count += len(batch)
        tail = "[]\n" if not self.count else "\n]\n"
        if binary is not None:
            binary.write(tail.encode("ascii"))
        else:
            out.write(tail)


def _utf8_bytes(out: Any) -> Any:
    """The byte stream under a text stdout that writes UTF-8 and translates no newline, flushed so that
    bytes written to it follow what was written as text; None when text must go through the stream."""
    import os

    binary = getattr(out, "buffer", None)
    if binary is None or _codec(getattr(out, "encoding", None) or "") != "utf-8" or os.linesep != "\n":
        return None
    out.flush()
    return binary


def console(stderr: bool = False) -> Console:
    from rich.console import Console

    out = Console(
        file=sys.stderr if stderr else sys.stdout, highlight=False, emoji=False, markup=False, soft_wrap=False
    )
    out.on_broken_pipe = _reader_went_away  # type: ignore[method-assign]
    if out.width < 10:  # COLUMNS=0 or nonsense: Rich would print nothing at all
        out.width = 80
    elif out.width > MAX_WIDTH:
        out.width = MAX_WIDTH
    return out


def _reader_went_away() -> None:
    """Rich would exit 1 when the reader goes away; the CLI's boundary makes that a quiet exit 0."""
    raise BrokenPipeError


def text(value: str, style: str = "") -> Text:
    from rich.text import Text

    return Text(clean(value), style=style)


def _link(out: Console, url: str) -> Text:
    """A URL printed whole, as an OSC 8 hyperlink where the terminal shows colour."""
    from rich.style import Style
    from rich.text import Text

    shown = clean(url)
    safe = shown == url and url.isascii() and url.isprintable()
    link = Style(link=url) if safe and out.color_system is not None else Style()
    return Text(shown, style=link + Style(color="blue" if out.color_system else None))


class View:
    """Something a command prints, with one method per format it can be written in. `emit` is the one
    place a format name becomes a way of writing; a view without a format simply has no such method."""

    def table(self) -> None:
        raise NotImplementedError

    def plain(self) -> None:
        raise NotImplementedError

    def json(self) -> None:
        raise NotImplementedError

    def csv(self) -> None:
        raise NotImplementedError

    def ctdl(self) -> None:
        raise NotImplementedError


def emit(view: View, fmt: str) -> None:
    {"table": view.table, "plain": view.plain, "json": view.json, "csv": view.csv, "ctdl": view.ctdl}[fmt]()


# --- shared wording --------------------------------------------------------------------------


def origin_mark(cert: Certification, warning: str | None = None) -> str:
    """What table and plain add to the name of an entry that is not from the bundled catalog."""
    if cert.origin != "user":
        return ""
    if warning and "looks like" in warning:
        return " [your own entry, NOT the bundled one it looks like]"
    return " [your own entry]"


def marked_label(row: Row) -> str:
    """An entry's label with its origin mark; the stored item is read for the warning only for a user's entry."""
    cert = row.cert
    return cert.label + (origin_mark(cert, row.item.get("warning")) if cert.origin == "user" else "")


def months(cert: Certification) -> str:
    """How long earning it takes: `6-48 months`, `within 48 months`, `at least 18 months`."""
    d = cert.duration
    if d is None or (d.min_months is None and d.max_months is None):
        return "unknown"
    lo, hi = d.min_months, d.max_months
    if lo is not None and hi is not None:
        return f"{lo:g} months" if lo == hi else f"{lo:g}-{hi:g} months"
    if hi is not None:
        return f"within {hi:g} months"
    return f"at least {lo:g} months"


def fee_text(fee: Fee, currency: str) -> str:
    if fee.min_cents is None or fee.max_cents is None:
        amount = "amount unknown"
    else:
        amount = costs.format_money(costs.Money(currency, fee.min_cents, fee.max_cents))
    parts = [f"{fee.label}: {amount}"]
    if fee.units > 1:
        parts.append(f"x {fee.units}")
    if fee.every_years:
        parts.append("every year" if fee.every_years == 1 else f"every {fee.every_years} years")
    if fee.audience != "all":
        parts.append("(members)" if fee.audience == "member" else "(non-members)")
    if fee.note:
        parts.append(f"- {fee.note}")
    return " ".join(parts)


def exam_text(cert: Certification) -> str:
    e = cert.exam
    if e is None:
        return "none listed"
    bits = [e.format] if e.format else []
    if e.codes:
        bits.append("codes " + ", ".join(e.codes))
    if e.questions:
        bits.append(f"{e.questions} questions")
    if e.minutes:
        bits.append(f"{e.minutes} min")
    if e.passing_score:
        bits.append(f"pass {e.passing_score}")
    if e.delivery:
        bits.append(e.delivery)
    return "; ".join(bits) or "details not listed"


def renewal_text(cert: Certification) -> str:
    r = cert.renewal
    if r is None:
        return "none listed"
    bits = []
    if r.every_years:
        bits.append("every year" if r.every_years == 1 else f"every {r.every_years} years")
    if r.requirement:
        bits.append(r.requirement)
    if r.note:
        bits.append(r.note)
    return "; ".join(bits) or "details not listed"


def age_text(checked: date | None, today: date) -> str:
    if checked is None:
        return "never checked"
    days = (today - checked).days
    if days < 0:
        return f"checked {checked.isoformat()}"
    if days == 0:
        return f"checked {checked.isoformat()} (today)"
    return f"checked {checked.isoformat()} ({days} day{'s' if days != 1 else ''} ago)"


def region_text(cert: Certification) -> str:
    from certfind import places

    return ", ".join(places.name(code) for code in cert.region) or "-"


# --- list and search ---------------------------------------------------------------------------


class Row:
    """One entry of a listing: its stored JSON item, its Certification built only when needed."""

    __slots__ = ("_cert", "item_text", "score")

    def __init__(self, item_text: str, score: float | None = None, cert: Certification | None = None) -> None:
        self.item_text = item_text
        self.score = score
        self._cert = cert

    @property
    def cert(self) -> Certification:
        if self._cert is None:
            from certfind.store import cert_of

            self._cert = cert_of(self.item_text)
        return self._cert

    @property
    def item(self) -> Record:
        record: Record = json.loads(self.item_text)
        return record


def json_line(row: Row, fields: Sequence[str] | None = None) -> str:
    """A row as one line of JSON; the stored item as it is unless fields are picked or a score added."""
    if fields is None and row.score is None:
        return row.item_text
    item = row.item
    if row.score is not None:
        item["score"] = row.score
    if fields is not None:
        item = {name: item.get(name) for name in fields}
    return json_safe(json.dumps(item, ensure_ascii=False, separators=(",", ":")))


def _upfront_cells(cert: Certification) -> list[object]:
    up = costs.upfront(cert)
    if up is None or not up.known:
        return ["", "", ""]
    return [cents_to_number(up.min_cents), cents_to_number(up.max_cents), str(up.complete).lower()]


CSV_HEAD = (
    "id",
    "name",
    "acronym",
    "issuer",
    "category",
    "kind",
    "region",
    "upfront_min",
    "upfront_max",
    "upfront_complete",
    "currency",
    "verification",
    "status",
    "origin",
)


def _csv_line(r: Row) -> list[object]:
    c = r.cert
    line: list[object] = [c.id, c.name, c.acronym, c.issuer, c.category, c.kind, " ".join(c.region)]
    line += _upfront_cells(c)
    line += [c.currency, c.verification.status, c.status, c.origin]
    return line + ([r.score] if r.score is not None else [])


def _plain_line(r: Row, show_origin: bool) -> list[object]:
    c = r.cert
    line: list[object] = [c.id, marked_label(r), c.issuer, c.category]
    line += [costs.format_money(costs.upfront(c)), trust(c)]
    return line + ([f"{r.score:g}"] if r.score is not None else []) + ([c.origin] if show_origin else [])


class Listing(View):
    """Entries of list or search. Plain, csv and json stream row by row, so output starts at once and
    memory does not grow with the catalog; only a table needs them all."""

    def __init__(
        self,
        rows: Iterable[Row],
        *,
        scored: bool = False,
        show_origin: bool = False,
        fields: Sequence[str] | None = None,
    ) -> None:
        self.rows, self.scored, self.show_origin, self.fields = rows, scored, show_origin, fields

    def json(self) -> None:
        write_json_lines_array(json_line(r, self.fields) for r in self.rows)

    def csv(self) -> None:
        head = [*CSV_HEAD, *(["score"] if self.scored else [])]
        write_csv(itertools.chain([head], (_csv_line(r) for r in self.rows)))

    def plain(self) -> None:
        write_plain(_plain_line(r, self.show_origin) for r in self.rows)

    def ctdl(self) -> None:
        from certfind import ctdl

        write_json(ctdl.export(r.cert for r in self.rows))

    def table(self) -> None:
        _table(list(self.rows), self.scored, self.show_origin)


STACKED = 60
"""Below this many columns each entry is a short block of lines (name, id, issuer, cost, trust)."""
MEDIUM = 80
"""Below this many columns a listing has no issuer column: the issuer is a line under the id."""
WIDE = 120
"""From this many columns on, a listing also shows each entry's category and where it is awarded."""


def _table(rows: list[Row], scored: bool, show_origin: bool) -> None:
    from rich import box
    from rich.table import Table

    out = console()
    if not rows:
        return
    if out.width < STACKED:
        _stacked(out, rows, scored)
        return
    costs_shown = [costs.format_money(costs.upfront(r.cert)) for r in rows]
    trusts = [trust(r.cert).split(", ") for r in rows]
    longest_id = max(len(r.cert.id) for r in rows)
    wide = out.width >= WIDE
    fixed: list[tuple[str, int]] = [
        ("Up front", max(len("Up front"), *(len(s) for s in costs_shown))),
        ("Verification", max(len("Verification"), *(len(p) for t in trusts for p in t))),
    ]
    if scored and wide:
        fixed.append(("Score", len("Score")))
    if show_origin:
        fixed.append(("From", len("bundled")))

    def widths_for(shares: tuple[int, ...]) -> list[int]:
        gaps = 3 * (len(fixed) + len(shares) - 1)  # padding on both sides of a boundary, and the box's separator
        room = out.width - gaps - sum(width for _, width in fixed)
        return [room * share // sum(shares) for share in shares]

    # the widest layout whose name column holds every id whole: with category and place, with the
    # issuer, or with the issuer under the id; else one block per entry
    layouts = ([(3, 2, 1, 1)] if wide else []) + ([(3, 2)] if out.width >= MEDIUM else []) + [(1,)]
    chosen = next((shares for shares in layouts if widths_for(shares)[0] >= max(longest_id, 12)), None)
    if chosen is None:
        _stacked(out, rows, scored)
        return
    widths = widths_for(chosen)
    wide, medium = len(chosen) == 4, len(chosen) == 1
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, header_style="bold", pad_edge=False, padding=(0, 1))
    table.add_column("Certification", width=widths[0])
    if not medium:
        table.add_column("Issuer", width=widths[1])
    if wide:
        table.add_column("Category", width=widths[2])
        table.add_column("Where", width=widths[3])
    for header, width in fixed:
        table.add_column(header, width=width, no_wrap=True, justify="right" if header == "Score" else "left")
    for r, cost, parts in zip(rows, costs_shown, trusts, strict=True):
        c = r.cert
        name_lines = ROW_LINES - (2 if medium else 1)  # the id, and in the narrow layout the issuer, below it
        name = _fit(out, text(marked_label(r)), widths[0], name_lines)
        name.append("\n")
        name.append_text(text(c.id, "dim"))
        cells: list[Text] = [name]
        if medium:
            name.append("\n")
            name.append_text(_fit(out, text(c.issuer), widths[0], 1))
        else:
            cells.append(_fit(out, text(c.issuer), widths[1], ROW_LINES))
        if wide:
            cells += [_fit(out, text(c.category), widths[2], ROW_LINES), _fit(out, text(region_text(c)), widths[3], 3)]
        cells += [text(cost), text("\n".join(parts), _TRUST_STYLE.get(c.verification.status, ""))]
        if scored and wide:
            cells.append(text(f"{r.score:g}"))
        if show_origin:
            cells.append(text(c.origin))
        table.add_row(*cells)
    out.print(table)


def _stacked(out: Console, rows: list[Row], scored: bool) -> None:
    """Too narrow for columns: one block per entry, issuer, cost and trust included (printed at once)."""
    from rich.text import Text

    blocks = Text()
    for r in rows:
        c = r.cert
        score = f"  (score {r.score:g})" if scored and r.score is not None else ""
        for line in (
            text(marked_label(r), "bold"),
            text(c.id + score, "dim"),
            text(c.issuer),
            text("up front: " + costs.format_money(costs.upfront(c))),
            text(trust(c), _TRUST_STYLE.get(c.verification.status, "")),
            Text(),
        ):
            blocks.append_text(line)
            blocks.append("\n")
    out.print(blocks, end="")


ROW_LINES = 3
"""A row of a listing takes at most this many lines: the name (with the id under it) and the issuer are
cut to fit with an ellipsis; `show` has them whole. The cost and the verification are never cut."""


def _fit(out: Console, value: Text, width: int, lines: int) -> Text:
    """The text wrapped to `width`, kept to `lines` lines, ending in an ellipsis when cut."""
    if value.cell_len <= width:  # one line: nothing to measure
        return value
    wrapped = value.wrap(out, width)
    if len(wrapped) <= lines:
        return value
    from rich.text import Text

    kept = Text("\n").join(wrapped[:lines])
    kept.rstrip()
    last = wrapped[lines - 1]
    room = width - 1
    if last.cell_len > room:
        kept.right_crop(last.cell_len - room)
    kept.append("…")
    return kept


class Facets(View):
    """What exists: the count of entries per category, verification, status, kind, region, issuer."""

    def __init__(self, facets: dict[str, list[tuple[str, int]]]) -> None:
        self.facets = facets

    @staticmethod
    def _shown(kind: str, value: str) -> str:
        from certfind import occupations, places

        if kind == "region":
            return f"{value} {places.name(value)}"
        if kind == "occupation":
            return occupations.describe(value)
        return value

    def json(self) -> None:
        write_json({kind: [{"value": v, "count": n} for v, n in pairs] for kind, pairs in self.facets.items()})

    def csv(self) -> None:
        write_csv([("facet", "value", "count"), *((k, v, n) for k, pairs in self.facets.items() for v, n in pairs)])

    def plain(self) -> None:
        write_plain((k, self._shown(k, v), n) for k, pairs in self.facets.items() for v, n in pairs)

    def table(self) -> None:
        from rich.table import Table

        out = console()
        for kind, pairs in self.facets.items():
            grid = Table(title=text(kind, "bold"), title_justify="left", show_header=False, box=None, pad_edge=False)
            grid.add_column(justify="right", no_wrap=True)
            grid.add_column()
            for value, count in pairs:
                grid.add_row(text(str(count)), text(self._shown(kind, value)))
            out.print(grid)
            out.print()


# --- show --------------------------------------------------------------------------------------


def show_fields(
    cert: Certification, alternatives: Sequence[Certification], today: date, warning: str | None = None
) -> list[tuple[str, str]]:
    """Every fact of an entry as (label, value) lines, in reading order; sources come last, one line each."""
    from certfind import occupations, places

    v = cert.verification
    out: list[tuple[str, str]] = [("name", cert.label), ("id", cert.id)]
    out.append(("warning", warning) if warning else ("trust", trust_banner(cert)[0]))
    out += [("issuer", cert.issuer)]
    if cert.issuer_url:
        out.append(("issuer url", cert.issuer_url))
    out += [("kind", cert.kind), ("category", cert.category)]
    if cert.region:
        out.append(("region", "; ".join(places.describe(code) for code in cert.region)))
    if cert.occupations:
        out.append(("occupations", "; ".join(occupations.describe(code) for code in cert.occupations)))
    if cert.aliases:
        out.append(("also called", ", ".join(cert.aliases)))
    out.append(
        (
            "status",
            {
                "active": "awarded today",
                "discontinued": "DISCONTINUED: no longer awarded",
                "unknown": "unknown whether it is awarded today",
            }[cert.status],
        )
    )
    out.append(("verification", f"{v.status}, {age_text(v.checked, today)}"))
    if v.note:
        out.append(("evidence", v.note))
    if v.claimed:
        out.append(("claimed", v.claimed))
    if v.claimed_names:
        out.append(("claimed names", ", ".join(v.claimed_names)))
    label = "look instead at" if cert.unreal else "related"
    for alt in alternatives:
        yours = " - replaced by your own entry" if alt.origin == "user" else ""
        out.append((label, f"{alt.id}: {alt.label} ({alt.issuer}){yours}"))
    out.append(("summary", cert.summary))
    for item in cert.eligibility:
        out.append(("prerequisite", item))
    out.append(("exam", exam_text(cert)))
    out.append(
        ("duration", months(cert) + (f" ({cert.duration.note})" if cert.duration and cert.duration.note else ""))
    )
    numbers = {src.url: i for i, src in enumerate(cert.sources, 1) if src.url}
    for fee in cert.costs:  # each amount cites the source it was seen in, by its number below
        cited = f" [{numbers[fee.source]}]" if fee.source in numbers else f" [{fee.source}]" if fee.source else ""
        out.append(("fee", fee_text(fee, cert.currency) + cited))
    out.append(("up front", costs.format_money(costs.upfront(cert)) + " (non-member)"))
    if costs.has_member_pricing(cert):
        out.append(("up front", costs.format_money(costs.upfront(cert, member=True)) + " (member)"))
    out.append(("renewal", renewal_text(cert)))
    if cert.topics:
        out.append(("topics", ", ".join(cert.topics)))
    if cert.origin != "bundled":
        out.append(("from", "your own catalog file" if cert.origin == "user" else "the --catalog file"))
    for i, src in enumerate(cert.sources, 1):
        seen = f" (seen {src.accessed.isoformat()})" if src.accessed else ""
        kind = "" if src.web or not src.url else " (a local file)" if src.url.startswith("file:") else ""
        out.append(("source", f"[{i}] {src.title}{kind}{seen}"))
        if src.url:
            out.append(("url", src.url))
    return out


def stale_warning(cert: Certification, today: date) -> str | None:
    if cert.verification.checked is None:
        return None
    days = (today - cert.verification.checked).days
    if days > STALE_DAYS:
        return f"warning: {cert.id} was last checked {days} days ago; fees and rules may have changed"
    return None


class Shown(View):
    """Every fact of one entry."""

    def __init__(
        self,
        cert: Certification,
        item: Record,
        alternatives: Sequence[Certification],
        today: date,
        fields: Sequence[str] | None = None,
    ) -> None:
        self.cert, self.item, self.fields = cert, item, fields
        self.alternatives, self.today = alternatives, today
        self.warning = item.get("warning")

    @functools.cached_property
    def facts(self) -> list[tuple[str, str]]:
        """The labelled facts table, csv and plain print (json and ctdl print the item, or CTDL)."""
        return show_fields(self.cert, self.alternatives, self.today, self.warning)

    def json(self) -> None:
        item = self.item if self.fields is None else {name: self.item.get(name) for name in self.fields}
        write_json(item)

    def ctdl(self) -> None:
        from certfind import ctdl

        write_json(ctdl.export([self.cert]))

    def csv(self) -> None:
        write_csv([("field", "value"), *self.facts])

    def plain(self) -> None:
        write_plain(self.facts)

    def table(self) -> None:
        from rich.table import Table

        cert, warning = self.cert, self.warning
        out = console()
        headline, style = trust_banner(cert)
        out.print(text(cert.label + origin_mark(cert, warning), "bold"))
        out.print(text(headline, style))
        if warning and "looks like" in warning:
            out.print(text(warning, "bold yellow"))
        grid = Table.grid(padding=(0, 2))
        grid.add_column(style="bold", no_wrap=True)
        grid.add_column(overflow="fold")
        previous = None
        hidden = ("warning", "trust", "source", "url")
        for label, value in ((label, value) for label, value in self.facts[1:] if label not in hidden):
            value_style = _TRUST_STYLE.get(cert.verification.status, "") if label == "verification" else ""
            grid.add_row(text("" if label == previous else label), text(value, value_style))
            previous = label
        out.print(grid)
        sources = [(label, value) for label, value in self.facts if label in ("source", "url")]
        if sources:
            out.print(text("sources", "bold"))
            for label, value in sources:  # each URL whole on its own line, never folded
                if label == "url":
                    out.print(_link(out, value), soft_wrap=True)
                else:
                    out.print(text("  " + value))


# --- compare -----------------------------------------------------------------------------------


def method_text(years: int, member: bool) -> str:
    pricing = "member prices and dues" if member else "non-member prices"
    return (
        "Rows that differ are highlighted; '(lowest)' marks the cheapest complete amount per currency. "
        f"Totals for holding each credential {years} year{'s' if years != 1 else ''} at {pricing}: "
        "one-time fees plus each "
        f"recurring fee x (ceil({years} / its period) - 1). Each in its own currency, never converted. "
        "'+ unknown' means a fee whose amount no source gives."
    )


class Compared(View):
    """Several entries side by side, with costs from costs.compare."""

    def __init__(self, certs: Sequence[Certification], items: Sequence[Record], cmp: costs.Comparison) -> None:
        self.certs, self.items, self.cmp = certs, items, cmp
        years = cmp.years
        self.rows = [
            ("issuer", [c.issuer for c in certs]),
            ("verification", [trust(c) for c in certs]),
            ("up front", [costs.format_money(m) for m in cmp.upfront]),
            (f"total {years}y", [costs.format_money(m) for m in cmp.totals]),
            ("currency", [c.currency for c in certs]),
            ("duration", [months(c) for c in certs]),
            ("prerequisites", ["; ".join(c.eligibility) or "none listed" for c in certs]),
            ("exam", [exam_text(c) for c in certs]),
            ("renewal", [renewal_text(c) for c in certs]),
        ]

    def json(self) -> None:
        cmp = self.cmp
        items = [
            {
                **item,
                "upfront": costs.as_json(up),
                "total": costs.as_json(tot),
                "lowest": {"upfront": i in cmp.lowest_upfront, "total": i in cmp.lowest_total},
                "trust": trust_banner(cert)[0],
            }
            for i, (cert, item, up, tot) in enumerate(zip(self.certs, self.items, cmp.upfront, cmp.totals, strict=True))
        ]
        pricing = "member" if cmp.member else "non-member"
        method = method_text(cmp.years, cmp.member)
        write_json({"years": cmp.years, "pricing": pricing, "method": method, "certifications": items})

    def _body(self) -> list[list[object]]:
        return [[c.id, c.label, *(values[i] for _, values in self.rows)] for i, c in enumerate(self.certs)]

    def csv(self) -> None:
        write_csv([["id", "name", *(label for label, _ in self.rows)], *self._body()])

    def plain(self) -> None:
        write_plain(self._body())

    def table(self) -> None:
        certs, cmp, rows = self.certs, self.cmp, self.rows
        years, member = cmp.years, cmp.member
        from rich.table import Table

        out = console()
        marks = {"up front": cmp.lowest_upfront, f"total {years}y": cmp.lowest_total}
        for c in certs:  # what is confirmed and what is not, said before the figures
            headline, style = trust_banner(c)
            if c.verification.status != "confirmed" or c.status != "active":
                out.print(text(f"{c.label}: {headline}", style))
        if out.width < STACKED:  # too narrow for side by side: one block per certification
            for i, c in enumerate(certs):
                out.print(text(c.label, "bold"))
                for label, values in rows:
                    lowest = " (lowest)" if i in marks.get(label, ()) else ""
                    out.print(text(f"{label}: {values[i]}{lowest}"))
                out.print()
            out.print(text(method_text(years, member), "dim"))
            return
        table = Table(
            show_lines=True, header_style="bold", caption=clean(method_text(years, member)), caption_justify="left"
        )
        table.add_column("", no_wrap=True)
        for c in certs:
            table.add_column(text(c.label, "bold"), ratio=1, overflow="fold")
        for label, values in rows:
            differs = len(set(values)) > 1
            cells = []
            for i, value in enumerate(values):
                style = _TRUST_STYLE.get(certs[i].verification.status, "") if label == "verification" else ""
                shown = value
                if i in marks.get(label, ()):
                    shown, style = f"{value} (lowest)", "bold green"
                cells.append(text(shown, style or ("" if differs else "dim")))
            table.add_row(text(label, "bold yellow" if differs else "dim"), *cells)
        out.print(table)


# --- plan --------------------------------------------------------------------------------------

if TYPE_CHECKING:
    from certfind.eligibility import Result, Verdict
    from certfind.plan import Event, Plan


def held_text(p: Plan) -> str:
    from certfind import plan as plans

    span = f"{p.years} year{'s' if p.years != 1 else ''}"
    return f"{span}, {p.earned.isoformat()} to {p.until.isoformat()}, at {plans.pricing(p.member)} prices"


def _fee_part(e: Event) -> str:
    from certfind import plan as plans

    if e.kind == "earned":
        return "no up-front fee listed" if e.fee is None else f"up front {plans.money_text(e.fee)}"
    return "no fee listed" if e.fee is None else f"fee {plans.money_text(e.fee)}"


def plan_fields(p: Plan) -> list[tuple[str, str]]:
    """The plan as (label, value) lines: what it covers, then one line per date, then the total."""
    from certfind import plan as plans

    out = [("certification", p.cert.label), ("id", p.cert.id), ("held", held_text(p))]
    out.append(("renewal", renewal_text(p.cert)))
    if p.note:
        out.append(("note", p.note))
    for e in p.events:
        what = "earned" if e.kind == "earned" else plans.event_text(e)
        out.append((e.when.isoformat(), f"{what}; {_fee_part(e)}; total so far {plans.money_text(e.total, 'unknown')}"))
    out.append(("total", plans.money_text(p.total, "unknown")))
    return out


class Planned(View):
    """Holding one credential over the years: each due date, what it asks, the running total."""

    def __init__(self, p: Plan) -> None:
        self.p = p

    def json(self) -> None:
        from certfind import plan as plans

        write_json(plans.to_json(self.p))

    def csv(self) -> None:
        p = self.p
        head = ["date", "kind", "label", "requirement", "fee_min", "fee_max", "fee_complete"]
        head += ["total_min", "total_max", "total_complete", "currency"]

        def money_cells(money: costs.Money | None) -> list[object]:
            if money is None:
                return ["", "", ""]
            complete = "true" if money.complete else "false"
            return [cents_to_number(money.min_cents), cents_to_number(money.max_cents), complete]

        currency = p.cert.currency
        body = [
            [e.when.isoformat(), e.kind, e.label, e.requirement, *money_cells(e.fee), *money_cells(e.total), currency]
            for e in p.events
        ]
        write_csv([head, *body])

    def plain(self) -> None:
        write_plain(plan_fields(self.p))

    def table(self) -> None:
        from certfind import plan as plans

        p = self.p
        fields = plan_fields(p)
        from rich.table import Table

        out = console()
        out.print(text(p.cert.label, "bold"))
        out.print(text(f"Held {held_text(p)}."))
        out.print(text(f"Renewal: {renewal_text(p.cert)}"))
        if p.note:
            out.print(text(p.note, "yellow"))
        if out.width < STACKED:  # one line per date instead of columns
            for label, value in fields:
                if label[:1].isdigit():
                    out.print(text(f"{label} {value}"))
        else:
            table = Table(show_edge=False, header_style="bold", pad_edge=False, expand=True)
            table.add_column("Date", no_wrap=True)
            table.add_column("Due", ratio=2, min_width=17)
            table.add_column("Requirement", ratio=3)
            table.add_column("Fee", no_wrap=True)
            table.add_column("Total so far", no_wrap=True)
            for e in p.events:
                due = {"earned": "earned (up front)", "renewal": "renewal"}.get(e.kind, e.label)
                requirement = e.requirement or ("not listed" if e.kind == "renewal" else "")
                fee = plans.money_text(e.fee, "none listed")
                table.add_row(
                    text(e.when.isoformat()),
                    text(due),
                    text(requirement),
                    text(fee),
                    text(plans.money_text(e.total, "unknown")),
                )
            out.print(table)
        span = f"{p.years} year{'s' if p.years != 1 else ''}"
        out.print(text(f"Total for {span}: {plans.money_text(p.total, 'unknown')}", "bold"))


# --- eligible ----------------------------------------------------------------------------------


def not_recorded_text(count: int) -> str:
    which = "credential has" if count == 1 else "credentials have"
    return f"{count} {which} no recorded requirements, so they were not checked: see certfind show ID"


NEARLY_TEXT = "Nearly: the closest route misses one condition, or only hours or years of which at least half are there."


def _missing_text(v: Verdict) -> str:
    return "; ".join(m.text for m in v.missing)


def _eligible_line(group: str, v: Verdict) -> list[object]:
    return [group, v.cert.id, v.cert.label, v.cert.verification.status, _missing_text(v), v.route.note]


class Eligibility(View):
    """What a profile meets, nearly meets, and how much was not checked."""

    def __init__(self, result: Result) -> None:
        self.result = result
        self.groups = [("eligible", result.eligible), ("nearly", result.nearly)]

    def json(self) -> None:
        from certfind import eligibility

        write_json(eligibility.to_json(self.result))

    def csv(self) -> None:
        groups = self.groups
        head = ["group", "id", "name", "issuer", "verification", "missing", "note"]
        body = [
            [group, v.cert.id, v.cert.name, v.cert.issuer, v.cert.verification.status, _missing_text(v), v.route.note]
            for group, verdicts in groups
            for v in verdicts
        ]
        write_csv([head, *body])

    def plain(self) -> None:
        groups, result = self.groups, self.result
        rows: list[list[object]] = [_eligible_line(group, v) for group, verdicts in groups for v in verdicts]
        if result.not_recorded:
            rows.append(["not-recorded", not_recorded_text(result.not_recorded)])
        write_plain(rows)

    def table(self) -> None:
        groups, result = self.groups, self.result
        from rich.table import Table

        out = console()
        titles = {"eligible": ("Eligible now", "bold green"), "nearly": ("Nearly", "bold yellow")}
        for group, verdicts in groups:
            title, style = titles[group]
            out.print(text(f"{title}: {len(verdicts) or 'none'}", style))
            if not verdicts:
                continue
            if out.width < STACKED:
                for v in verdicts:
                    out.print(text(f"{v.cert.id}: {v.cert.label} ({v.cert.verification.status})"))
                    for m in v.missing:
                        out.print(text(f"  {m.text}"))
                    if v.route.note:
                        out.print(text(f"  note: {v.route.note}", "dim"))
                continue
            table = Table(show_edge=False, header_style="bold", pad_edge=False, expand=True)
            table.add_column("ID", ratio=2, overflow="fold")
            table.add_column("Certification", ratio=4)
            table.add_column("Verification", min_width=9, overflow="fold")
            if group == "nearly":
                table.add_column("Missing", ratio=3)
            table.add_column("Note", ratio=3)
            for v in verdicts:
                cells = [text(v.cert.id), text(v.cert.label)]
                cells.append(text(v.cert.verification.status, _TRUST_STYLE.get(v.cert.verification.status, "")))
                if group == "nearly":
                    cells.append(text(_missing_text(v)))
                cells.append(text(v.route.note))
                table.add_row(*cells)
            out.print(table)
        if result.not_recorded:
            out.print(text(not_recorded_text(result.not_recorded), "dim"))
        out.print(text(NEARLY_TEXT, "dim"))
