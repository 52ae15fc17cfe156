"""What each command prints, in each format it can be written in.

A view holds what the domain worked out (entries decoded once, costs, a plan, a verdict) and writes it;
it neither decodes nor computes. `formats` says which formats a view has; the command line offers those.
The table layouts are tables.py's, loaded only for `--format table` (Rich is the slowest import).
"""

import itertools
import json
from collections.abc import Iterable, Sequence
from datetime import date

from certfind import costs, occupations, places
from certfind.costs import Comparison
from certfind.model import Entry, Money, cents_to_number
from certfind.render import words
from certfind.render.streams import write_csv, write_json, write_json_lines_array, write_plain
from certfind.text import json_safe
from certfind.trust import stale, trust, trust_banner

BASIC_FORMATS = ("table", "plain", "json", "csv")
ALL_FORMATS = (*BASIC_FORMATS, "ctdl")


class View:
    """Something a command prints: one method per format in `formats`."""

    formats: tuple[str, ...] = BASIC_FORMATS

    def write(self, fmt: str) -> None:
        if fmt not in self.formats:
            raise ValueError(f"{type(self).__name__} has no {fmt} format")
        getattr(self, fmt)()


# --- list and search ---------------------------------------------------------------------------

Row = tuple[Entry, float | None]
"""An entry of a listing, and its score in a search."""


def json_line(row: Row, fields: Sequence[str] | None = None) -> str:
    """A row as one line of JSON; the stored item as it is unless fields are picked or a score added."""
    entry, score = row
    if fields is None and score is None:
        return entry.item
    item = dict(entry.record)
    if score is not None:
        item["score"] = score
    if fields is not None:
        item = {name: item.get(name) for name in fields}
    return json_safe(json.dumps(item, ensure_ascii=False, separators=(",", ":")))


CSV_HEAD = (
    *("id", "name", "acronym", "issuer", "category", "kind", "region", "upfront_min", "upfront_max"),
    *("upfront_complete", "currency", "verification", "status", "origin"),
)


def _amount_cells(up: Money | None) -> list[object]:
    if up is None or not up.known:
        return ["", "", ""]
    return [cents_to_number(up.min_cents), cents_to_number(up.max_cents), str(up.complete).lower()]


def _csv_line(row: Row) -> list[object]:
    entry, score = row
    c = entry.cert
    line: list[object] = [c.id, c.name, c.acronym, c.issuer, c.category, c.kind, " ".join(c.region)]
    line += _amount_cells(entry.upfront)
    line += [c.currency, c.verification.status, c.status, c.origin]
    return line + ([score] if score is not None else [])


def _plain_line(row: Row, show_origin: bool) -> list[object]:
    entry, score = row
    c = entry.cert
    line: list[object] = [c.id, words.marked_label(entry), c.issued_by, c.category, words.where(c)]
    line += [costs.format_money(entry.upfront), trust(c)]
    return line + ([f"{score:g}"] if score is not None else []) + ([c.origin] if show_origin else [])


class Listing(View):
    """Entries of list or search. Plain, csv and json stream row by row, so output starts at once and
    memory does not grow with the catalog; only a table needs them all."""

    formats = ALL_FORMATS

    def __init__(
        self,
        rows: Iterable[Row],
        *,
        scored: bool = False,
        show_origin: bool = False,
        fields: Sequence[str] | None = None,
        registry: bool = False,
    ) -> None:
        self.rows, self.scored, self.show_origin, self.fields = rows, scored, show_origin, fields
        self.registry = registry  # CTDL as the Registry takes it: without certfind's own terms

    def json(self) -> None:
        write_json_lines_array(json_line(row, self.fields) for row in self.rows)

    def csv(self) -> None:
        head = [*CSV_HEAD, *(["score"] if self.scored else [])]
        write_csv(itertools.chain([head], (_csv_line(row) for row in self.rows)))

    def plain(self) -> None:
        write_plain(_plain_line(row, self.show_origin) for row in self.rows)

    def ctdl(self) -> None:
        from certfind import ctdl  # noqa: PLC0415 - pyld and the CTDL mapping load only for CTDL work

        write_json(ctdl.export((entry.cert for entry, _ in self.rows), registry=self.registry))

    def table(self) -> None:
        from certfind.render import tables  # noqa: PLC0415 - Rich loads only for table output

        tables.listing(list(self.rows), self.scored, self.show_origin)


class Facets(View):
    """What exists: the count of entries per category, verification, status, kind, region, issuer."""

    def __init__(self, facets: dict[str, list[tuple[str, int]]]) -> None:
        self.facets = facets

    @staticmethod
    def _shown(kind: str, value: str) -> str:
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
        from certfind.render import tables  # noqa: PLC0415 - Rich loads only for table output

        tables.facets({k: [(v, self._shown(k, v), n) for v, n in pairs] for k, pairs in self.facets.items()})


# --- show --------------------------------------------------------------------------------------


class Shown(View):
    """Every fact of one entry."""

    formats = ALL_FORMATS

    def __init__(
        self,
        entry: Entry,
        alternatives: Sequence[Entry],
        today: date,
        member_upfront: Money | None = None,
        fields: Sequence[str] | None = None,
        registry: bool = False,
    ) -> None:
        self.entry, self.fields, self.registry = entry, fields, registry
        self.facts = words.show_fields(entry, alternatives, today, member_upfront)

    def json(self) -> None:
        item = self.entry.record
        write_json(item if self.fields is None else {name: item.get(name) for name in self.fields})

    def ctdl(self) -> None:
        from certfind import ctdl  # noqa: PLC0415 - pyld and the CTDL mapping load only for CTDL work

        write_json(ctdl.export([self.entry.cert], registry=self.registry))

    def csv(self) -> None:
        write_csv([("field", "value"), *self.facts])

    def plain(self) -> None:
        write_plain(self.facts)

    def table(self) -> None:
        from certfind.render import tables  # noqa: PLC0415 - Rich loads only for table output

        tables.shown(self.entry, self.facts)


# --- compare -----------------------------------------------------------------------------------


class Compared(View):
    """Several entries side by side, with costs from costs.compare: the same rows in every format, the
    amounts marked `(lowest)` where costs.compare found them lowest."""

    def __init__(self, entries: Sequence[Entry], cmp: Comparison) -> None:
        self.entries, self.cmp = entries, cmp
        certs = [entry.cert for entry in entries]
        self.total_label = f"total {cmp.years}y"
        self.rows = [
            ("issuer", [c.issued_by for c in certs]),
            ("verification", [trust(c) for c in certs]),
            ("issuer page", [words.evidence_line(c) for c in certs]),
            ("up front", [words.amount_text(c, m) for c, m in zip(certs, cmp.upfront, strict=True)]),
            (self.total_label, [words.amount_text(c, m) for c, m in zip(certs, cmp.totals, strict=True)]),
            ("currency", [c.currency for c in certs]),
            ("unknown", [words.unknown_text(c, u) for c, u in zip(certs, cmp.unknown, strict=True)]),
            ("duration", [words.months(c) for c in certs]),
            ("prerequisites", ["; ".join(c.eligibility) or "none listed" for c in certs]),
            ("exam", [words.exam_text(c) for c in certs]),
            ("renewal", [words.renewal_text(c) for c in certs]),
        ]
        self.lowest = {"up front": cmp.lowest_upfront, self.total_label: cmp.lowest_total}
        """Per row of amounts, the positions marked `(lowest)`."""

    def _marked(self) -> list[tuple[str, list[str]]]:
        """The rows with `(lowest)` after each amount found lowest."""
        return [
            (label, [f"{v} (lowest)" if i in self.lowest.get(label, ()) else v for i, v in enumerate(values)])
            for label, values in self.rows
        ]

    def json(self) -> None:
        cmp = self.cmp
        items = [
            {
                **entry.record,
                "upfront": costs.as_json(up),
                "total": costs.as_json(total),
                "lowest": {"upfront": i in cmp.lowest_upfront, "total": i in cmp.lowest_total},
                "unknown": words.unknown_items(unknown),
                "trust": trust_banner(entry.cert)[0],
            }
            for i, (entry, up, total, unknown) in enumerate(
                zip(self.entries, cmp.upfront, cmp.totals, cmp.unknown, strict=True)
            )
        ]
        pricing = "member" if cmp.member else "non-member"
        method = words.method_text(cmp.years, cmp.member)
        write_json({"years": cmp.years, "pricing": pricing, "method": method, "certifications": items})

    def csv(self) -> None:
        cmp = self.cmp
        head = ["id", "name", "origin", "issuer", "verification", "issuer_page"]
        head += ["upfront_min", "upfront_max", "upfront_complete", "upfront_lowest"]
        head += ["total_min", "total_max", "total_complete", "total_lowest"]
        head += ["currency", "unknown", "duration", "prerequisites", "exam", "renewal"]
        values = dict(self.rows)
        body = []
        for i, entry in enumerate(self.entries):
            c = entry.cert
            line: list[object] = [c.id, c.label, c.origin, *(values[k][i] for k in ("issuer", "verification"))]
            line.append(values["issuer page"][i])
            line += [*_amount_cells(cmp.upfront[i]), str(i in cmp.lowest_upfront).lower()]
            line += [*_amount_cells(cmp.totals[i]), str(i in cmp.lowest_total).lower()]
            line += [values[k][i] for k in ("currency", "unknown", "duration", "prerequisites", "exam", "renewal")]
            body.append(line)
        write_csv([head, *body])

    def plain(self) -> None:
        """One line per entry: id, name (with the mark of an entry of your own), then each row's value."""
        rows = self._marked()
        write_plain(
            [entry.cert.id, words.marked_label(entry), *(values[i] for _, values in rows)]
            for i, entry in enumerate(self.entries)
        )

    def table(self) -> None:
        from certfind.render import tables  # noqa: PLC0415 - Rich loads only for table output

        trust_lines = [
            words.compare_trust(entry.cert)
            for entry in self.entries
            if entry.cert.verification.status != "confirmed" or entry.cert.status != "active" or stale(entry.cert)
        ]
        tables.compared(self.entries, self.rows, self.lowest, trust_lines, self.cmp.years, self.cmp.member)
