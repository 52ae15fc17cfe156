"""Turn results into table / plain / json / csv on stdout. The only module that imports Rich,
and only for `table`. Catalog text is data: control, escape and bidi characters are shown as
visible escapes, and Rich markup and emoji codes are never interpreted."""

from __future__ import annotations

import itertools
import json
import re
import sys
from collections.abc import Iterable, Sequence
from datetime import date
from typing import TYPE_CHECKING, Any, NamedTuple

from certfind import costs
from certfind.model import Certification, Fee, Record

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text

FORMATS = ("table", "plain", "json", "csv")

# C0 and C1 controls, DEL, and the invisible bidirectional / direction marks.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
# What json.dumps leaves raw (it escapes C0 itself): DEL, C1 and the bidi characters.
_UNSAFE_IN_JSON = re.compile("[\x7f-\x9f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_TRUST_STYLE = {"confirmed": "green", "differs": "yellow", "not-found": "bold red", "unverified": "magenta"}
STALE_DAYS = 365


def clean(text: str) -> str:
    """One line of harmless text: whitespace controls become spaces, others visible escapes."""

    def sub(m: re.Match[str]) -> str:
        c = m.group()
        if c in "\t\n\r\u2028\u2029":
            return " "
        return f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}"

    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates, e.g. a file name that is not UTF-8
        text = text.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    return _UNSAFE.sub(sub, text)


def to_json(value: Any) -> str:
    """JSON text in which no control or bidi character survives raw."""
    text = json.dumps(value, ensure_ascii=False, indent=2)
    return _UNSAFE_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text)


def write(text: str) -> None:
    sys.stdout.write(text if text.endswith("\n") else text + "\n")


def write_csv(rows: Iterable[Sequence[object]]) -> None:
    import csv

    writer = csv.writer(sys.stdout, lineterminator="\n")
    for row in rows:
        writer.writerow([clean(str(v)) for v in row])


def write_plain(rows: Iterable[Sequence[object]]) -> None:
    for row in rows:
        sys.stdout.write("\t".join(clean(str(v)) for v in row) + "\n")


def write_json_array(items: Iterable[Any]) -> None:
    """A JSON array written item by item, formatted as `json.dumps(list, indent=2)` would."""
    first = True
    for item in items:
        sys.stdout.write("[\n  " if first else ",\n  ")
        sys.stdout.write(to_json(item).replace("\n", "\n  "))
        first = False
    sys.stdout.write("[]\n" if first else "\n]\n")


def console() -> Console:
    from rich.console import Console

    out = Console(file=sys.stdout, highlight=False, emoji=False, markup=False, soft_wrap=False)
    if out.width < 10:  # COLUMNS=0 or nonsense: Rich would print nothing at all
        out.width = 80
    return out


def text(value: str, style: str = "") -> Text:
    from rich.text import Text

    return Text(clean(value), style=style)


# --- shared wording --------------------------------------------------------------------------


def trust(cert: Certification) -> str:
    """The verification status, plus the credential's status when it is not simply active."""
    label = cert.verification.status
    if cert.status == "discontinued":
        label += ", discontinued"
    return label


def months(cert: Certification) -> str:
    d = cert.duration
    if d is None or (d.min_months is None and d.max_months is None):
        return "unknown"
    lo, hi = d.min_months, d.max_months
    if lo is not None and hi is not None and lo != hi:
        return f"{lo:g}-{hi:g} months"
    return f"{(lo if lo is not None else hi):g} months"


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
        parts.append(f"({fee.audience}s)" if fee.audience == "member" else "(non-members)")
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


# --- list and search ---------------------------------------------------------------------------


class Row(NamedTuple):
    cert: Certification
    record: Record
    score: float | None = None


def render_rows(rows: Iterable[Row], fmt: str, *, scored: bool = False, show_origin: bool = False) -> None:
    """Rows are consumed one at a time for plain, csv and json, so output starts at once and memory
    does not grow with the catalog; only a table needs them all."""
    if fmt == "json":
        write_json_array(_json_item(r, scored, show_origin) for r in rows)
    elif fmt == "csv":
        head = ["id", "name", "acronym", "issuer", "category", "kind", "upfront_min", "upfront_max", "currency"]
        head += ["verification", "status", *(["score"] if scored else []), *(["origin"] if show_origin else [])]
        write_csv(itertools.chain([head], (_csv_line(r, scored, show_origin) for r in rows)))
    elif fmt == "plain":
        write_plain(_plain_line(r, scored, show_origin) for r in rows)
    else:
        _table(list(rows), scored, show_origin)


def _json_item(r: Row, scored: bool, show_origin: bool) -> Record:
    item = dict(r.record)
    if scored:
        item["score"] = r.score
    if show_origin:
        item["origin"] = r.cert.origin
    return item


def _csv_line(r: Row, scored: bool, show_origin: bool) -> list[object]:
    c = r.cert
    up = costs.upfront(c)
    line: list[object] = [c.id, c.name, c.acronym, c.issuer, c.category, c.kind]
    if up is None or not up.complete:
        line += ["", ""]
    else:
        line += [costs.cents_to_number(up.min_cents), costs.cents_to_number(up.max_cents)]
    line += [c.currency, c.verification.status, c.status]
    return line + ([r.score] if scored else []) + ([c.origin] if show_origin else [])


def _plain_line(r: Row, scored: bool, show_origin: bool) -> list[object]:
    c = r.cert
    line: list[object] = [c.id, c.label, c.issuer, c.category, costs.format_money(costs.upfront(c)), trust(c)]
    return line + ([f"{r.score:g}"] if scored else []) + ([c.origin] if show_origin else [])


NARROW = 60
"""Below this many columns a list keeps only what identifies an entry and how far to trust it."""
STACKED = 40
"""Below this many, each entry is a short block of lines instead of a table row."""


def _table(rows: list[Row], scored: bool, show_origin: bool) -> None:
    from rich.table import Table

    out = console()
    if out.width < STACKED:
        for r in rows:  # too narrow for columns: one short block per entry
            extra = f" ({r.score:g})" if scored else ""
            out.print(text(r.cert.id + extra, "bold"))
            out.print(text(r.cert.label))
            out.print(text(trust(r.cert), _TRUST_STYLE.get(r.cert.verification.status, "")))
            if show_origin:
                out.print(text(f"from {r.cert.origin}"))
            out.print()
        return
    narrow = out.width < NARROW
    columns: list[tuple[str, dict[str, Any]]] = [
        ("ID", {"ratio": 2, "min_width": 8, "overflow": "fold"}),
        ("Certification", {"ratio": 4, "min_width": 12}),
    ]
    if not narrow:
        columns += [
            ("Issuer", {"ratio": 3, "min_width": 10}),
            ("Category", {"ratio": 2, "min_width": 8, "overflow": "fold"}),
            ("Up front", {"ratio": 2, "min_width": 8}),
        ]
    columns.append(("Verification", {"min_width": 9, "overflow": "fold"}))
    if scored:
        columns.append(("Score", {"justify": "right", "no_wrap": True}))
    if show_origin:
        columns.append(("From", {"no_wrap": True}))
    table = Table(show_edge=False, header_style="bold", pad_edge=False, expand=True)
    for name, options in columns:
        table.add_column(name, **options)
    for r in rows:
        c = r.cert
        cells = [text(c.id), text(c.label)]
        if not narrow:
            cells += [text(c.issuer), text(c.category), text(costs.format_money(costs.upfront(c)))]
        cells.append(text(trust(c), _TRUST_STYLE.get(c.verification.status, "")))
        if scored:
            cells.append(text(f"{r.score:g}"))
        if show_origin:
            cells.append(text(c.origin))
        table.add_row(*cells)
    out.print(table)


# --- show --------------------------------------------------------------------------------------


def show_fields(cert: Certification, alternatives: Sequence[Certification], today: date) -> list[tuple[str, str]]:
    """Every fact of an entry as (label, value) lines, in reading order."""
    v = cert.verification
    out: list[tuple[str, str]] = [("name", cert.label), ("id", cert.id), ("issuer", cert.issuer)]
    if cert.issuer_url:
        out.append(("issuer url", cert.issuer_url))
    out += [("kind", cert.kind), ("category", cert.category)]
    if cert.region:
        from certfind import places

        out.append(("region", "; ".join(places.describe(code) for code in cert.region)))
    if cert.occupations:
        from certfind import occupations

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
    for alt in alternatives:
        out.append(("look instead at", f"{alt.id}: {alt.label} ({alt.issuer})"))
    out.append(("summary", cert.summary))
    for item in cert.eligibility:
        out.append(("prerequisite", item))
    out.append(("exam", exam_text(cert)))
    out.append(
        ("duration", months(cert) + (f" ({cert.duration.note})" if cert.duration and cert.duration.note else ""))
    )
    for fee in cert.costs:
        out.append(("fee", fee_text(fee, cert.currency)))
    out.append(("up front", costs.format_money(costs.upfront(cert)) + " (non-member)"))
    if costs.has_member_pricing(cert):
        out.append(("up front", costs.format_money(costs.upfront(cert, member=True)) + " (member)"))
    out.append(("renewal", renewal_text(cert)))
    if cert.topics:
        out.append(("topics", ", ".join(cert.topics)))
    for src in cert.sources:
        seen = f" (seen {src.accessed.isoformat()})" if src.accessed else ""
        where = f" <{src.url}>" if src.url else ""
        out.append(("source", f"{src.title}{where}{seen}"))
    if cert.origin != "bundled":
        out.append(("from", cert.origin))
    return out


def stale_warning(cert: Certification, today: date) -> str | None:
    if cert.verification.checked is None:
        return None
    days = (today - cert.verification.checked).days
    if days > STALE_DAYS:
        return f"warning: {cert.id} was last checked {days} days ago; fees and rules may have changed"
    return None


def trust_banner(cert: Certification) -> tuple[str, str]:
    """A plain-language headline about how far to trust the entry, and its style."""
    status = cert.verification.status
    if status == "not-found":
        return (
            "No public source confirms that this credential exists. "
            "Do not pay for it before checking the alternatives below.",
            "bold red",
        )
    if status == "differs":
        return (
            "This credential is real, but public sources differ from what is commonly claimed about it: "
            "read the evidence.",
            "yellow",
        )
    if status == "unverified":
        return ("Not yet checked against public sources.", "magenta")
    if cert.status == "discontinued":
        return ("Confirmed, but no longer awarded.", "yellow")
    return ("Confirmed against the issuer's own pages.", "green")


def render_show(
    cert: Certification, record: Record, alternatives: Sequence[Certification], fmt: str, today: date
) -> None:
    if fmt == "json":
        write(to_json(record))
        return
    fields = show_fields(cert, alternatives, today)
    if fmt == "csv":
        write_csv([("field", "value"), *fields])
        return
    if fmt == "plain":
        write_plain(fields)
        return
    from rich.table import Table

    out = console()
    headline, style = trust_banner(cert)
    out.print(text(cert.label, "bold"))
    out.print(text(headline, style))
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    previous = None
    for label, value in fields[1:]:
        value_style = _TRUST_STYLE.get(cert.verification.status, "") if label == "verification" else ""
        grid.add_row(text("" if label == previous else label), text(value, value_style))
        previous = label
    out.print(grid)


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


def render_compare(
    certs: Sequence[Certification], records: Sequence[Record], years: int, member: bool, fmt: str
) -> None:
    ups = [costs.upfront(c, member) for c in certs]
    totals = [costs.total(c, years, member) for c in certs]
    low_up, low_total = costs.lowest(ups), costs.lowest(totals)
    if fmt == "json":
        items = [
            {
                **rec,
                "upfront": None if up is None else up.as_json(),
                "total": None if tot is None else tot.as_json(),
                "lowest": {"upfront": i in low_up, "total": i in low_total},
            }
            for i, (rec, up, tot) in enumerate(zip(records, ups, totals, strict=True))
        ]
        pricing = "member" if member else "non-member"
        doc = {"years": years, "pricing": pricing, "method": method_text(years, member), "certifications": items}
        write(to_json(doc))
        return
    rows = [
        ("issuer", [c.issuer for c in certs]),
        ("verification", [trust(c) for c in certs]),
        ("up front", [costs.format_money(m) for m in ups]),
        (f"total {years}y", [costs.format_money(m) for m in totals]),
        ("currency", [c.currency for c in certs]),
        ("duration", [months(c) for c in certs]),
        ("prerequisites", ["; ".join(c.eligibility) or "none listed" for c in certs]),
        ("exam", [exam_text(c) for c in certs]),
        ("renewal", [renewal_text(c) for c in certs]),
    ]
    if fmt in ("plain", "csv"):
        head = ["id", "name", *(label for label, _ in rows)]
        body = [[c.id, c.label, *(values[i] for _, values in rows)] for i, c in enumerate(certs)]
        if fmt == "csv":
            write_csv([head, *body])
        else:
            write_plain(body)
        return
    from rich.table import Table

    out = console()
    marks = {"up front": low_up, f"total {years}y": low_total}
    if out.width < NARROW:  # too narrow for side by side: one block per certification
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
    table.add_column("")
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


def render_plan(p: Plan, fmt: str) -> None:
    from certfind import plan as plans

    if fmt == "json":
        write(to_json(plans.to_json(p)))
        return
    if fmt == "csv":
        head = ["date", "kind", "label", "requirement", "fee_min", "fee_max", "fee_complete"]
        head += ["total_min", "total_max", "total_complete", "currency"]

        def money_cells(money: costs.Money | None) -> list[object]:
            if money is None:
                return ["", "", ""]
            complete = "true" if money.complete else "false"
            return [costs.cents_to_number(money.min_cents), costs.cents_to_number(money.max_cents), complete]

        currency = p.cert.currency
        body = [
            [e.when.isoformat(), e.kind, e.label, e.requirement, *money_cells(e.fee), *money_cells(e.total), currency]
            for e in p.events
        ]
        write_csv([head, *body])
        return
    fields = plan_fields(p)
    if fmt == "plain":
        write_plain(fields)
        return
    from rich.table import Table

    out = console()
    out.print(text(p.cert.label, "bold"))
    out.print(text(f"Held {held_text(p)}."))
    out.print(text(f"Renewal: {renewal_text(p.cert)}"))
    if p.note:
        out.print(text(p.note, "yellow"))
    if out.width < NARROW:  # one line per date instead of columns
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
    out.print(
        text(f"Total for {p.years} year{'s' if p.years != 1 else ''}: {plans.money_text(p.total, 'unknown')}", "bold")
    )


# --- eligible ----------------------------------------------------------------------------------


def not_recorded_text(count: int) -> str:
    which = "credential has" if count == 1 else "credentials have"
    return f"{count} {which} no recorded requirements, so they were not checked: see certfind show ID"


NEARLY_TEXT = "Nearly: the closest route misses one condition, or only hours or years of which at least half are there."


def _missing_text(v: Verdict) -> str:
    return "; ".join(m.text for m in v.missing)


def _eligible_line(group: str, v: Verdict) -> list[object]:
    return [group, v.cert.id, v.cert.label, v.cert.verification.status, _missing_text(v), v.route.note]


def render_eligible(result: Result, fmt: str) -> None:
    from certfind import eligibility

    groups = [("eligible", result.eligible), ("nearly", result.nearly)]
    if fmt == "json":
        write(to_json(eligibility.to_json(result)))
        return
    if fmt == "csv":
        head = ["group", "id", "name", "issuer", "verification", "missing", "note"]
        body = [
            [group, v.cert.id, v.cert.name, v.cert.issuer, v.cert.verification.status, _missing_text(v), v.route.note]
            for group, verdicts in groups
            for v in verdicts
        ]
        write_csv([head, *body])
        return
    if fmt == "plain":
        rows: list[list[object]] = [_eligible_line(group, v) for group, verdicts in groups for v in verdicts]
        if result.not_recorded:
            rows.append(["not-recorded", not_recorded_text(result.not_recorded)])
        write_plain(rows)
        return
    from rich.table import Table

    out = console()
    titles = {"eligible": ("Eligible now", "bold green"), "nearly": ("Nearly", "bold yellow")}
    for group, verdicts in groups:
        title, style = titles[group]
        out.print(text(f"{title}: {len(verdicts) or 'none'}", style))
        if not verdicts:
            continue
        if out.width < NARROW:
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
