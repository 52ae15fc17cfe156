"""Domain values in English: fees, durations, renewals, the facts of `show`, a search's notes.

Pure: no Rich, no I/O; every format that prints words (table, plain, csv, stderr) takes them from here.
"""

from collections.abc import Sequence
from datetime import date

from certfind import occupations, places
from certfind.costs import Unknown, format_money
from certfind.model import NO_LONGER_AWARDED, Certification, Entry, Fee, Money
from certfind.search import Found
from certfind.trust import STALE_YEARS, evidence_text, stale, trust_banner

STALE_DAYS = 365
"""An entry checked longer ago than this gets a warning on stderr when it is shown."""

STATUS_WORDS = {
    "active": "awarded today",
    "ceasing": "CEASING: still awarded, but being wound down",
    "suspended": "SUSPENDED: not awarded for now",
    "teach-out": "TEACH-OUT: only current candidates can finish it",
    "probationary": "probationary: awarded, on probation with its accreditor",
    "deprecated": "DEPRECATED: no longer awarded",
    "discontinued": "DISCONTINUED: no longer awarded",
    "unknown": "unknown whether it is awarded today",
}


def status_text(cert: Certification) -> str:
    """Whether it is awarded today, in words; for one no source confirms, that no one is known to."""
    if cert.verification.status == "not-found" and cert.status == "unknown":
        return "no one is known to award it"
    return STATUS_WORDS[cert.status]


def unreal_cost_text(cert: Certification) -> str:
    """What a credential no one awards costs: nothing to pay, and why (never "unknown", as if a price)."""
    if cert.status in NO_LONGER_AWARDED:
        return "none: it is no longer awarded"
    return "none: no one is known to award it"


def amount_text(cert: Certification, money: Money | None) -> str:
    """An amount of compare: `$350 + unknown`; for a credential no one awards, that there is none."""
    return unreal_cost_text(cert) if cert.unreal else format_money(money)


def unknown_text(cert: Certification, unknown: Sequence[Unknown]) -> str:
    """Which costs have no known amount: `exam x 2; renewal fee (every 4 years)`, `none`."""
    if cert.unreal:  # nothing to pay: the amounts say why
        return "none"
    return "; ".join(unknown_items(unknown)) or "none"


def unknown_items(unknown: Sequence[Unknown]) -> list[str]:
    """Each cost with no known amount, in words (compare's JSON lists them so)."""
    return [_unknown_item(item) for item in unknown]


def _unknown_item(item: Unknown) -> str:
    if item.kind == "none":
        return "all fees: none is recorded"
    if item.kind == "membership":
        return "membership dues (required)"
    if item.kind == "renewal":
        return "renewal fee" + (f" (every {item.every_years} years)" if item.every_years else "")
    label = item.label
    if len(label) > 1 and label[1].islower():  # `Exam` reads `exam`; `CE fee` and `ALIA dues` stay
        label = label[0].lower() + label[1:]
    if item.units > 1:
        label += f" x {item.units}"
    if item.every_years:
        label += " every year" if item.every_years == 1 else f" every {item.every_years} years"
    return label


def compare_trust(cert: Certification) -> tuple[str, str]:
    """What compare says above its figures about an entry that is not simply confirmed and awarded, and its
    style: the trust headline, where to read more, and for one no one awards, what to look at instead."""
    headline, style = trust_banner(cert)
    return f"{cert.label}: {headline} See: certfind show {cert.id}", style


def origin_mark(entry: Entry) -> str:
    """What table and plain add to the name of an entry that is not from the bundled catalog."""
    if entry.cert.origin != "user":
        return ""
    if entry.lookalike:
        return " [your own entry, NOT the bundled one it looks like]"
    return " [your own entry]"


def marked_label(entry: Entry) -> str:
    return entry.cert.label + origin_mark(entry)


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
    """One fee line: its amount (or that it is unknown, or that there is none), how often, for whom."""
    if fee.min_cents is None or fee.max_cents is None:
        amount = "amount unknown"
    elif fee.max_cents == 0:
        amount = "no fee"
    else:
        amount = format_money(Money(currency, fee.min_cents, fee.max_cents))
    parts = [f"{fee.label}: {amount}"]
    if fee.units > 1:
        parts.append(f"x {fee.units}")
    if fee.every_years:
        parts.append("every year" if fee.every_years == 1 else f"every {fee.every_years} years")
    if fee.audience != "all":
        parts.append("(members)" if fee.audience == "member" else "(non-members)")
    if fee.optional:
        parts.append("(optional: not in the totals)")
    if fee.applies_to:
        parts.append(f"[only for {fee.applies_to}; not in the totals]")
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
        recurring = sorted({f.every_years for f in cert.costs if f.every_years and f.counted and not f.membership})
        if recurring:  # a fee that recurs says there is a renewal, though its rules are not recorded
            years = " or ".join("every year" if n == 1 else f"every {n} years" for n in recurring)
            return f"rules not listed; a fee recurs {years} (see costs)"
        return "none listed"
    bits = []
    if r.optional:
        bits.append("optional")
    if r.every_years:
        period = "every year" if r.every_years == 1 else f"every {r.every_years} years"
        if r.on:
            period += f" on {day_of_year(r.on)}" + (f" of {r.years} years" if r.years else "")
        bits.append(period)
    if r.requirement:
        bits.append(r.requirement)
    if r.note:
        bits.append(r.note)
    return "; ".join(bits) or "details not listed"


MONTHS = (
    *("January", "February", "March", "April", "May", "June", "July"),
    *("August", "September", "October", "November", "December"),
)


def day_of_year(month_day: str) -> str:
    """`06-30` as people read it: `30 June`."""
    month, day = (int(part) for part in month_day.split("-"))
    return f"{day} {MONTHS[month - 1]}"


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
    """Where it is awarded, by name: `Ontario`, `United States`; `anywhere` when no region is recorded."""
    return ", ".join(places.name(code) for code in cert.region) or "anywhere"


def where(cert: Certification) -> str:
    """Where it is awarded, short: `CA-ON`, `US`, `GB, IE`; `anywhere` when no region is recorded."""
    return ", ".join(cert.region) or "anywhere"


def show_fields(
    entry: Entry, alternatives: Sequence[Entry], today: date, member_upfront: Money | None = None
) -> list[tuple[str, str]]:
    """Every fact of an entry as (label, value) lines, in reading order; sources come last, one line each.
    `member_upfront` is the up-front cost at member prices, when the entry has any."""
    cert = entry.cert
    v = cert.verification
    out: list[tuple[str, str]] = [("name", cert.label), ("id", cert.id)]
    out.append(("warning", entry.warning) if entry.warning else ("trust", trust_banner(cert)[0]))
    out += [("issuer", cert.issued_by)]
    if cert.issuer_url:
        out.append(("issuer url", cert.issuer_url))
    out += [("kind", cert.kind), ("category", cert.category)]
    if cert.region:
        out.append(("region", "; ".join(places.describe(code) for code in cert.region)))
    if cert.occupations:
        out.append(("occupations", "; ".join(occupations.describe(code) for code in cert.occupations)))
    if cert.aliases:
        out.append(("also called", ", ".join(cert.aliases)))
    out.append(("status", status_text(cert)))
    out.append(("verification", f"{v.status}, {age_text(v.checked, today)}"))
    out.append(("issuer page", evidence_line(cert)))
    if v.note:
        out.append(("evidence", v.note))
    if v.claimed:
        out.append(("claimed", v.claimed))
    if v.claimed_names:
        out.append(("claimed names", ", ".join(v.claimed_names)))
    label = "look instead at" if cert.unreal else "related"
    for alt in alternatives:
        yours = " - replaced by your own entry" if alt.cert.origin == "user" else ""
        out.append((label, f"{alt.cert.id}: {alt.cert.label} ({alt.cert.issued_by}){yours}"))
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
    if cert.unreal:  # not a price question
        out.append(("up front", unreal_cost_text(cert)))
    else:
        out.append(("up front", format_money(entry.upfront) + " (non-member)"))
        if member_upfront is not None:
            out.append(("up front", format_money(member_upfront) + " (member)"))
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


def evidence_line(cert: Certification) -> str:
    """How old the issuer evidence is: `the issuer's page of 2013 (more than 5 years before it was checked)`."""
    line = evidence_text(cert)
    return f"{line} (more than {STALE_YEARS} years before it was checked)" if stale(cert) else line


def stale_warning(cert: Certification, today: date) -> str | None:
    if cert.verification.checked is None:
        return None
    days = (today - cert.verification.checked).days
    if days > STALE_DAYS:
        return f"warning: {cert.id} was last checked {days} days ago; fees and rules may have changed"
    return None


def method_text(years: int, member: bool, highlighted: bool = False) -> str:
    """How compare worked out its figures; `highlighted` for the side-by-side table, the one layout that
    highlights the rows whose values differ."""
    pricing = "member prices and dues" if member else "non-member prices"
    return (
        ("Rows that differ are highlighted. " if highlighted else "")
        + "'(lowest)' marks an amount that is lowest at both ends of its range among the amounts known in its "
        "currency (one with an unknown fee counts by its known part and is never marked itself). "
        f"Totals for holding each credential {years} year{'s' if years != 1 else ''} at {pricing}: "
        "one-time fees plus each "
        f"recurring fee x (ceil({years} / its period) - 1). Each in its own currency, never converted. "
        "Optional fees and fees only some holders pay are left out (show lists them). "
        "'+ unknown' means a fee whose amount no source gives (the 'unknown' row names it): a renewal with no "
        "fee listed, or a required membership whose price is not recorded."
    )


COST_HINT = "note: to see the cheapest first, add --sort cost; --max-cost 0 keeps what is known to cost nothing"
LIST_COST_HINT = "note: to see every credential, the cheapest first: certfind list --sort cost"
"""Said when a query asks what costs least (`cheapest`, `free`): words no entry's text holds; the second
when nothing else in it matched."""


def search_notes(found: Found) -> list[str]:
    """What a search says on stderr about how it read the query: words no entry mentions, the places it
    named and how they were read, and that nothing is awarded in the very place, or can be earned there at all
    (when that is so)."""
    notes = []
    if found.unmatched and found.hits:
        quoted = ", ".join(repr(text) for text in found.unmatched)
        notes.append(f"certfind: no entry mentions {quoted}; showing matches for the other words")
    query = found.query
    if query.places:
        read = " and ".join(places.describe(code) for code in query.places)
        ambiguous = len(query.places) > len(query.place_words)
        if ambiguous:
            notes.append(f"certfind: read {' '.join(query.place_words)!r} as {read}; use --region to choose")
        real = [hit for hit in found.hits if not hit.unreal]
        if real and all(hit.elsewhere for hit in real):
            notes.append(f"certfind: none of the matches can be earned in {read}; showing where they are awarded")
        elif not found.place_tied:
            notes.append(f"certfind: nothing is awarded in {read} itself; showing what can be earned there")
    return notes
