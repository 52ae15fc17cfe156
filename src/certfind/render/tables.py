"""Every Rich layout certfind prints for people (`--format table`), on consoles.py's consoles.

Catalog text is always wrapped in `Text`, never parsed as markup, and cleaned of control and invisible
characters first. The cost and verification columns of a listing are never cut: other columns wrap first,
and below STACKED columns each entry is a block of lines.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich import box
from rich.console import Console
from rich.style import Style
from rich.table import Table
from rich.text import Text

from certfind import costs
from certfind import plan as plans
from certfind.costs import Comparison
from certfind.eligibility import Result
from certfind.model import Certification, Entry
from certfind.plan import Plan
from certfind.render import words
from certfind.render.consoles import console
from certfind.text import clean
from certfind.trust import stale, trust, trust_banner

TRUST_STYLE = {"confirmed": "green", "differs": "yellow", "not-found": "bold red", "unverified": "magenta"}
STACKED = 60
"""Below this many columns each entry is a short block of lines (name, id, issuer, cost, trust)."""
MEDIUM = 80
"""Below this many columns a listing has no issuer column: the issuer is a line under the id."""
WIDE = 120
"""From this many columns on, a listing also shows each entry's category and where it is awarded."""
ROW_LINES = 3
"""A row of a listing takes at most this many lines: the name (with the id under it) and the issuer are
cut to fit with an ellipsis; `show` has them whole. The cost and the verification are never cut."""


def text(value: str, style: str = "") -> Text:
    return Text(clean(value), style=style)


def trust_style(cert: Certification) -> str:
    return TRUST_STYLE.get(cert.verification.status, "")


def _link(out: Console, url: str) -> Text:
    """A URL printed whole, as an OSC 8 hyperlink where the terminal shows colour."""
    shown = clean(url)
    safe = shown == url and url.isascii() and url.isprintable()
    link = Style(link=url) if safe and out.color_system is not None else Style()
    return Text(shown, style=link + Style(color="blue" if out.color_system else None))


# --- list and search ---------------------------------------------------------------------------


def listing(rows: list[tuple[Entry, float | None]], scored: bool, show_origin: bool) -> None:
    out = console()
    if not rows:
        return
    if out.width < STACKED:
        _stacked(out, rows, scored)
        return
    costs_shown = [costs.format_money(entry.upfront) for entry, _ in rows]
    trusts = [trust(entry.cert).split(", ") for entry, _ in rows]
    longest_id = max(len(entry.cert.id) for entry, _ in rows)
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
    for (entry, score), cost, parts in zip(rows, costs_shown, trusts, strict=True):
        c = entry.cert
        mark = words.origin_mark(entry).strip()
        # below the name: the id, in the narrow layout the issuer, and an origin mark, which is never cut
        name_lines = ROW_LINES - (2 if medium else 1) - (1 if mark else 0)
        name = _fit(out, text(c.label), widths[0], max(name_lines, 1))
        if mark:
            name.append("\n")
            name.append_text(text(mark, "bold yellow" if entry.lookalike else "bold"))
        name.append("\n")
        name.append_text(text(c.id, "dim"))
        cells: list[Text] = [name]
        if medium:  # the issuer under the id, and where it is awarded after it: never cut
            place = f" · {words.where(c)}"
            name.append("\n")
            name.append_text(_fit(out, text(c.issued_by), widths[0] - len(place), 1))
            name.append_text(text(place, "dim"))
        elif wide:
            cells.append(_fit(out, text(c.issued_by), widths[1], ROW_LINES))
        else:  # where it is awarded, on the issuer's last line
            issuer = _fit(out, text(c.issued_by), widths[1], ROW_LINES - 1)
            issuer.append("\n")
            issuer.append_text(text(words.where(c), "dim"))
            cells.append(issuer)
        if wide:
            cells += [
                _fit(out, text(c.category), widths[2], ROW_LINES),
                _fit(out, text(words.region_text(c)), widths[3], 3),
            ]
        cells += [text(cost), Text("\n").join(text(part, trust_style(c)) for part in parts)]  # each part whole
        if scored and wide:
            cells.append(text(f"{score:g}" if score is not None else ""))
        if show_origin:
            cells.append(text(c.origin))
        table.add_row(*cells)
    out.print(table)


def _stacked(out: Console, rows: list[tuple[Entry, float | None]], scored: bool) -> None:
    """Too narrow for columns: one block per entry, issuer, cost and trust included (printed at once)."""
    blocks = Text()
    for entry, score in rows:
        c = entry.cert
        shown_score = f"  (score {score:g})" if scored and score is not None else ""
        for line in (
            text(words.marked_label(entry), "bold"),
            text(c.id + shown_score, "dim"),
            text(f"{c.issued_by} · {words.where(c)}"),
            text("up front: " + costs.format_money(entry.upfront)),
            text(trust(c), trust_style(c)),
            Text(),
        ):
            blocks.append_text(line)
            blocks.append("\n")
    out.print(blocks, end="")


def _fit(out: Console, value: Text, width: int, lines: int) -> Text:
    """The text wrapped to `width`, kept to `lines` lines, ending in an ellipsis when cut."""
    if value.cell_len <= width:  # one line: nothing to measure
        return value
    wrapped = value.wrap(out, width)
    if len(wrapped) <= lines:
        return value
    kept = Text("\n").join(wrapped[:lines])
    kept.rstrip()
    last = wrapped[lines - 1]
    room = width - 1
    if last.cell_len > room:
        kept.right_crop(last.cell_len - room)
    kept.append("…")
    return kept


def facets(found: dict[str, list[tuple[str, str, int]]]) -> None:
    """Each facet as a titled list of counts, with each value as people read it."""
    out = console()
    for kind, counted in found.items():
        grid = Table(title=text(kind, "bold"), title_justify="left", show_header=False, box=None, pad_edge=False)
        grid.add_column(justify="right", no_wrap=True)
        grid.add_column()
        for _, shown, count in counted:
            grid.add_row(text(str(count)), text(shown))
        out.print(grid)
        out.print()


# --- show --------------------------------------------------------------------------------------


def shown(entry: Entry, facts: Sequence[tuple[str, str]]) -> None:
    cert = entry.cert
    out = console()
    headline, style = trust_banner(cert)
    out.print(text(words.marked_label(entry), "bold"))
    out.print(text(headline, style))
    if entry.lookalike and entry.warning:
        out.print(text(entry.warning, "bold yellow"))
    grid = Table.grid(padding=(0, 2))
    grid.add_column(style="bold", no_wrap=True)
    grid.add_column(overflow="fold")
    previous = None
    hidden = ("warning", "trust", "source", "url")
    for label, value in ((label, value) for label, value in facts[1:] if label not in hidden):
        value_style = trust_style(cert) if label == "verification" else ""
        grid.add_row(text("" if label == previous else label), text(value, value_style))
        previous = label
    out.print(grid)
    sources = [(label, value) for label, value in facts if label in ("source", "url")]
    if sources:
        out.print(text("sources", "bold"))
        for label, value in sources:  # each URL whole on its own line, never folded
            if label == "url":
                out.print(_link(out, value), soft_wrap=True)
            else:
                out.print(text("  " + value))


# --- compare -----------------------------------------------------------------------------------


def compared(certs: Sequence[Certification], cmp: Comparison, rows: Sequence[tuple[str, list[str]]]) -> None:
    years, member = cmp.years, cmp.member
    out = console()
    marks = {"up front": cmp.lowest_upfront, f"total {years}y": cmp.lowest_total}
    for c in certs:  # what is confirmed and what is not, said before the figures
        headline, style = trust_banner(c)
        if c.verification.status != "confirmed" or c.status != "active" or stale(c):
            out.print(text(f"{c.label}: {headline}", style))
    if out.width < STACKED:  # too narrow for side by side: one block per certification
        for i, c in enumerate(certs):
            out.print(text(c.label, "bold"))
            for label, values in rows:
                lowest = " (lowest)" if i in marks.get(label, ()) else ""
                out.print(text(f"{label}: {values[i]}{lowest}"))
            out.print()
        out.print(text(words.method_text(years, member), "dim"))
        return
    table = Table(
        show_lines=True, header_style="bold", caption=clean(words.method_text(years, member)), caption_justify="left"
    )
    table.add_column("", no_wrap=True)
    for c in certs:
        table.add_column(text(c.label, "bold"), ratio=1, overflow="fold")
    for label, values in rows:
        differs = len(set(values)) > 1
        cells = []
        for i, value in enumerate(values):
            style = trust_style(certs[i]) if label == "verification" else ""
            shown_value = value
            if i in marks.get(label, ()):
                shown_value, style = f"{value} (lowest)", "bold green"
            cells.append(text(shown_value, style or ("" if differs else "dim")))
        table.add_row(text(label, "bold yellow" if differs else "dim"), *cells)
    out.print(table)


# --- plan --------------------------------------------------------------------------------------


def planned(p: Plan) -> None:
    out = console()
    out.print(text(p.cert.label, "bold"))
    if p.cert.unreal:
        headline, style = trust_banner(p.cert)
        out.print(text(headline, style))
    out.print(text(f"Held {words.held_text(p)}."))
    out.print(text(f"Renewal: {words.renewal_text(p.cert)}"))
    if p.note:
        out.print(text(p.note, "yellow"))
    if out.width < STACKED:  # one line per date instead of columns
        for label, value in words.plan_fields(p):
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
            table.add_row(
                text(e.when.isoformat()),
                text(due),
                text(requirement),
                text(plans.money_text(e.fee, "none listed")),
                text(plans.money_text(e.total, "unknown")),
            )
        out.print(table)
    span = f"{p.years} year{'s' if p.years != 1 else ''}"
    out.print(text(f"Total for {span}: {plans.money_text(p.total, 'unknown')}", "bold"))


# --- eligible ----------------------------------------------------------------------------------


def eligibility(result: Result, listed: bool) -> None:
    out = console()
    titles = {"eligible": ("Eligible now", "bold green"), "nearly": ("Nearly", "bold yellow")}
    for group, verdicts in (("eligible", result.eligible), ("nearly", result.nearly)):
        title, style = titles[group]
        out.print(text(f"{title}: {len(verdicts) or 'none'}", style))
        if not verdicts:
            continue
        if out.width < STACKED:
            for v in verdicts:
                out.print(text(f"{v.cert.id}: {v.cert.label} ({v.cert.verification.status})"))
                out.print(text(f"  up front: {costs.format_money(v.entry.upfront)}"))
                for m in v.missing:
                    out.print(text(f"  {m.text}"))
                if v.route.note:
                    out.print(text(f"  note: {v.route.note}", "dim"))
            continue
        table = Table(show_edge=False, header_style="bold", pad_edge=False, expand=True)
        table.add_column("ID", overflow="fold", max_width=24)
        table.add_column("Certification", ratio=3)
        table.add_column("Verification", no_wrap=True)
        table.add_column("Up front", no_wrap=True)
        if group == "nearly":
            table.add_column("Missing", ratio=4)
        table.add_column("Note", ratio=3)
        for v in verdicts:
            cells = [text(v.cert.id), text(v.cert.label), text(v.cert.verification.status, trust_style(v.cert))]
            cells.append(text(costs.format_money(v.entry.upfront)))
            if group == "nearly":
                cells.append(text(words.missing_text(v)))
            cells.append(text(v.route.note))
            table.add_row(*cells)
        out.print(table)
    if listed and result.not_recorded:
        out.print(text(f"Requirements not recorded: {len(result.not_recorded)}", "bold"))
        for e in result.not_recorded:
            out.print(text(f"{e.cert.id}: {e.cert.label} (up front {costs.format_money(e.upfront)})"))
    out.print(text(words.NEARLY_TEXT, "dim"))
