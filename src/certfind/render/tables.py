"""Every Rich layout certfind prints for people (`--format table`), on consoles.py's consoles.

Catalog text is always wrapped in `Text`, never parsed as markup, and cleaned of control and invisible
characters first. The cost and verification columns of a listing are never cut: other columns wrap first,
and below STACKED columns each entry is a block of lines.
"""

from collections.abc import Sequence

from rich import box
from rich.console import Console
from rich.style import Style
from rich.table import Table
from rich.text import Text

from certfind import costs
from certfind import plan as plans
from certfind.eligibility import Result, Verdict
from certfind.model import Certification, Entry
from certfind.plan import Plan
from certfind.render import holding, words
from certfind.render.consoles import console
from certfind.text import clean
from certfind.trust import trust, trust_banner

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
    trusts = [trust(entry.cert) for entry, _ in rows]
    longest_id = max(len(entry.cert.id) for entry, _ in rows)
    whole = max(len("Verification"), *(len(t) for t in trusts))
    parts = max(len("Verification"), *(len(p) for t in trusts for p in _trust_lines(t)))

    def fixed_for(shares: tuple[int, ...], verification: int) -> list[tuple[str, int]]:
        """The columns that are never cut, as wide as their longest value: the score only beside the place."""
        fixed = [("Up front", max(len("Up front"), *(len(s) for s in costs_shown))), ("Verification", verification)]
        if scored and len(shares) == 4:
            fixed.append(("Score", len("Score")))
        if show_origin:
            fixed.append(("From", len("bundled")))
        return fixed

    def widths_for(shares: tuple[int, ...], fixed: list[tuple[str, int]]) -> list[int]:
        gaps = 3 * (len(fixed) + len(shares) - 1)  # padding on both sides of a boundary, and the box's separator
        room = out.width - gaps - sum(width for _, width in fixed)
        return [room * share // sum(shares) for share in shares]

    # the widest layout whose name column holds every id whole: with category and place, with the
    # issuer, or with the issuer under the id; in each, the verification on one line if it fits, else
    # broken after its comma; else one block per entry
    layouts = ([(3, 2, 1, 1)] if out.width >= WIDE else []) + ([(3, 2)] if out.width >= MEDIUM else []) + [(1,)]
    candidates = [(shares, fixed_for(shares, width)) for shares in layouts for width in dict.fromkeys((whole, parts))]
    chosen = next(
        ((shares, fixed) for shares, fixed in candidates if widths_for(shares, fixed)[0] >= max(longest_id, 12)),
        None,
    )
    if chosen is None:
        _stacked(out, rows, scored)
        return
    shares, fixed = chosen
    widths = widths_for(shares, fixed)
    wide, medium = len(shares) == 4, len(shares) == 1
    one_line = dict(fixed)["Verification"] >= whole
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, header_style="bold", pad_edge=False, padding=(0, 1))
    table.add_column("Certification", width=widths[0])
    if not medium:
        table.add_column("Issuer", width=widths[1])
    if wide:
        table.add_column("Category", width=widths[2])
        table.add_column("Where", width=widths[3])
    for header, width in fixed:
        table.add_column(header, width=width, no_wrap=True, justify="right" if header == "Score" else "left")
    for (entry, score), cost, trusted in zip(rows, costs_shown, trusts, strict=True):
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
        shown_trust = [trusted] if one_line else _trust_lines(trusted)
        cells += [text(cost), Text("\n").join(text(line, trust_style(c)) for line in shown_trust)]  # each part whole
        if scored and wide:
            cells.append(text(f"{score:g}" if score is not None else ""))
        if show_origin:
            cells.append(text(c.origin))
        table.add_row(*cells)
    out.print(table)


def _trust_lines(trusted: str) -> list[str]:
    """`confirmed, status unknown` on two lines, broken after the comma: each part whole."""
    head, comma, tail = trusted.partition(", ")
    return [head + ",", tail] if comma else [head]


def _narrow_trust(trusted: str, width: int) -> list[str]:
    """The verification on one line, or broken after its comma where the line is narrower."""
    return _trust_lines(trusted) if len(trusted) > width else [trusted]


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
            Text("\n").join(text(line, trust_style(c)) for line in _narrow_trust(trust(c), out.width)),
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


WORD_CAP = 20
"""A compare column is wide enough for every word of its cells up to this long (a longer one, a URL, may
fold); for every amount whatever its length. Narrower, each entry is a block of lines instead."""


def compared(
    entries: Sequence[Entry],
    rows: Sequence[tuple[str, list[str]]],
    lowest: dict[str, set[int]],
    trust_lines: Sequence[tuple[str, str]],
    years: int,
    member: bool,
) -> None:
    out = console()
    for line, style in trust_lines:  # what is confirmed and what is not, said before the figures
        out.print(text(line, style))
    names = [words.marked_label(entry) for entry in entries]
    label_width = max(len(label) for label, _ in rows)
    n = len(entries)
    column = (out.width - label_width - 2 * (n + 1) - (n + 2)) // n  # padding, and the box's n + 2 rules
    lowest_mark = " (lowest)"
    amounts = [v + lowest_mark for label, values in rows if label in lowest for v in values]
    cells = [value for _, values in rows for value in values]
    needed = max(_longest_word(amounts), min(WORD_CAP, _longest_word([*names, *cells])))
    if out.width < STACKED or column < needed:  # too narrow for side by side: one block per certification
        _compared_stacked(out, entries, rows, lowest, years, member)
        return
    table = Table(
        show_lines=True,
        header_style="bold",
        caption=clean(words.method_text(years, member, highlighted=True)),
        caption_justify="left",
    )
    table.add_column("", no_wrap=True, width=label_width)
    for entry in entries:
        header = text(entry.cert.label, "bold")
        mark = words.origin_mark(entry).strip()
        if mark:
            header.append("\n")
            header.append_text(text(mark, "bold yellow" if entry.lookalike else "bold"))
        table.add_column(header, width=column, overflow="fold")
    for label, values in rows:
        differs = len(set(values)) > 1
        row: list[Text] = []
        for i, value in enumerate(values):
            style = trust_style(entries[i].cert) if label == "verification" else ""
            shown_value = value
            if i in lowest.get(label, ()):
                shown_value, style = value + lowest_mark, "bold green"
            row.append(text(shown_value, style or ("" if differs else "dim")))
        table.add_row(text(label, "bold yellow" if differs else "dim"), *row)
    out.print(table)


def _longest_word(values: Sequence[str]) -> int:
    return max((len(word) for value in values for word in value.split()), default=0)


def _compared_stacked(
    out: Console,
    entries: Sequence[Entry],
    rows: Sequence[tuple[str, list[str]]],
    lowest: dict[str, set[int]],
    years: int,
    member: bool,
) -> None:
    for i, entry in enumerate(entries):
        out.print(text(words.marked_label(entry), "bold"))
        for label, values in rows:
            marked = " (lowest)" if i in lowest.get(label, ()) else ""
            out.print(text(f"{label}: {values[i]}{marked}"))
        out.print()
    out.print(text(words.method_text(years, member), "dim"))


# --- plan --------------------------------------------------------------------------------------


def planned(p: Plan) -> None:
    out = console()
    out.print(text(p.cert.label, "bold"))
    if p.cert.unreal:
        headline, style = trust_banner(p.cert)
        out.print(text(headline, style))
    out.print(text(f"Held {holding.held_text(p)}."))
    out.print(text(f"Renewal: {words.renewal_text(p.cert)}"))
    if p.note:
        out.print(text(p.note, "yellow"))
    if out.width < STACKED:  # one line per date instead of columns
        for label, value in holding.plan_fields(p):
            if label[:1].isdigit():
                out.print(text(f"{label} {value}"))
    else:
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, header_style="bold", pad_edge=False, expand=True)
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


ELIGIBLE_TEXT = 12
"""The narrowest an `eligible` table's Missing and Note columns may be; narrower, a block per entry."""


def _verdicts_stacked(out: Console, verdicts: Sequence[Verdict]) -> None:
    for v in verdicts:
        out.print(text(f"{v.cert.id}: {v.cert.label} ({v.cert.verification.status})"))
        out.print(text(f"  up front: {costs.format_money(v.entry.upfront)}"))
        for m in v.missing:
            out.print(text(f"  {m.text}"))
        if v.route.note:
            out.print(text(f"  note: {v.route.note}", "dim"))


def eligibility(result: Result, listed: bool) -> None:
    out = console()
    titles = {"eligible": ("Eligible now", "bold green"), "nearly": ("Nearly", "bold yellow")}
    for group, verdicts in (("eligible", result.eligible), ("nearly", result.nearly)):
        title, style = titles[group]
        out.print(text(f"{title}: {len(verdicts) or 'none'}", style))
        if not verdicts:
            continue
        ups = [costs.format_money(v.entry.upfront) for v in verdicts]
        fixed = [
            max(len("Verification"), *(len(v.cert.verification.status) for v in verdicts)),
            max(len("Up front"), *(len(up) for up in ups)),
        ]
        shares = (3, 4, 3) if group == "nearly" else (3, 3)  # certification, (missing,) note
        room = out.width - 3 * (len(fixed) + len(shares) - 1) - sum(fixed)  # a rule and a space either side
        name = max(*(len(v.cert.id) for v in verdicts), room * shares[0] // sum(shares))
        rest = [(room - name) * share // sum(shares[1:]) for share in shares[1:]]
        if out.width < STACKED or min(rest) < ELIGIBLE_TEXT:  # ids are never folded: a block per entry
            _verdicts_stacked(out, verdicts)
            continue
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, header_style="bold", pad_edge=False)
        table.add_column("Certification", width=name)
        table.add_column("Verification", no_wrap=True, width=fixed[0])
        table.add_column("Up front", no_wrap=True, width=fixed[1])
        if group == "nearly":
            table.add_column("Missing", width=rest[0])
        table.add_column("Note", width=rest[-1])
        for v, up in zip(verdicts, ups, strict=True):
            label = text(v.cert.label)
            label.append("\n")
            label.append_text(text(v.cert.id, "dim"))  # whole, on its own line
            cells = [label, text(v.cert.verification.status, trust_style(v.cert)), text(up)]
            if group == "nearly":
                cells.append(text(holding.missing_text(v)))
            cells.append(text(v.route.note))
            table.add_row(*cells)
        out.print(table)
    if listed and result.not_recorded:
        out.print(text(f"Requirements not recorded: {len(result.not_recorded)}", "bold"))
        for e in result.not_recorded:
            out.print(text(f"{e.cert.id}: {e.cert.label} (up front {costs.format_money(e.upfront)})"))
    out.print(text(holding.NEARLY_TEXT, "dim"))
