"""Holding one credential over the years: each due date, what it asks, its fee and the running total;
and the same dates as an RFC 5545 calendar. Pure: no I/O, no third-party imports.

The arithmetic is costs.py's: a recurring fee every E years is due on each anniversary k x E years
after the credential was earned with k x E < N, so a renewal due exactly N years after is outside the
N years, and the plan's final total is `costs.total(cert, N, member)`. An anniversary of 29 February
falls on 28 February in a year that has none. A renewal on a calendar date (`renewal.on`) falls on those
dates instead (`renewal_dates`); then the number of renewals within N years can differ by one from
compare's count of periods, which knows no earned date.
"""

import re
from datetime import date, datetime, timedelta
from typing import NamedTuple

from certfind import __version__, costs
from certfind.errors import UsageError
from certfind.model import Certification, Fee, Money, Record, Renewal
from certfind.trust import warning_of

KINDS = ("earned", "renewal", "dues", "fee")
"""`earned`: the up-front fees; `renewal`: the credential's renewal, with the recurring fees of the same
period; `dues`: a recurring membership fee; `fee`: any other recurring fee."""

MAX_AHEAD_YEARS = 10
"""An earned date further than this after today is refused as a likely typo."""
EARLIEST_YEAR = 1900
"""An earned date before this year is refused as a likely typo too."""

ALARM_DAYS = 90

_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
_DUES = re.compile(r"\b(dues|membership)\b", re.IGNORECASE)


class Event(NamedTuple):
    """One dated line of a plan. `fee` is None when no fee is listed for it; `total` is the running
    total after it, None only when no fee at all applies to the credential."""

    when: date
    kind: str
    label: str
    requirement: str
    fee: Money | None
    total: Money | None


class Plan(NamedTuple):
    cert: Certification
    earned: date
    years: int
    member: bool
    events: tuple[Event, ...]  # the `earned` event first, then the due dates in order
    total: Money | None
    note: str  # says plainly when the catalog gives no renewal period

    @property
    def until(self) -> date:
        return anniversary(self.earned, self.years)

    @property
    def due(self) -> tuple[Event, ...]:
        """The events that fall due after the credential is earned: what a calendar holds."""
        return tuple(e for e in self.events if e.kind != "earned")


def anniversary(start: date, years: int) -> date:
    """The same day `years` years later; 29 February becomes 28 February in a common year."""
    try:
        return start.replace(year=start.year + years)
    except ValueError:
        return start.replace(year=start.year + years, day=28)


def parse_earned(text: str, today: date) -> date:
    """The `--earned` date: ISO YYYY-MM-DD, a real day, at most MAX_AHEAD_YEARS after today."""
    if not _ISO_DAY.fullmatch(text):
        raise UsageError(f"--earned takes a date as YYYY-MM-DD, e.g. 2025-03-01; got {text!r}")
    try:
        day = date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--earned {text} is not a real date") from None
    if day.year < EARLIEST_YEAR:
        raise UsageError(f"--earned {text} is before {EARLIEST_YEAR}; is it a typo?")
    latest = anniversary(today, MAX_AHEAD_YEARS)
    if day > latest:
        raise UsageError(
            f"--earned {text} is more than {MAX_AHEAD_YEARS} years after today ({today.isoformat()}); is it a typo?"
        )
    return day


NOTHING = Money("USD", 0, 0, complete=True, known=False)
"""The sum of no fees: nothing paid, and no amount known."""


def _add(a: Money, b: Money | None) -> Money:
    if b is None:
        return a
    return Money(
        a.currency, a.min_cents + b.min_cents, a.max_cents + b.max_cents, a.complete and b.complete, a.known or b.known
    )


def _fees_sum(currency: str, fees: list[Fee]) -> Money | None:
    """What a set of fees due together costs; None when there are none."""
    if not fees:
        return None
    money = NOTHING._replace(currency=currency)
    for fee in fees:
        if fee.min_cents is None or fee.max_cents is None:
            money = money._replace(complete=False)
        else:
            money = _add(money, Money(currency, fee.min_cents * fee.units, fee.max_cents * fee.units))
    return money


def is_dues(fee: Fee) -> bool:
    """A membership's fee: marked so, or (in a file written before contract 1.2) named so."""
    return fee.membership or bool(_DUES.search(fee.label))


def _on(year: int, month_day: str) -> date:
    """`MM-DD` in a year; 29 February is 28 February in a common year."""
    month, day = (int(part) for part in month_day.split("-"))
    try:
        return date(year, month, day)
    except ValueError:
        return date(year, month, 28)


def renewal_dates(renewal: Renewal, earned: date, until: date) -> list[date]:
    """When renewals fall due after `earned`, before `until`: on anniversaries of `earned`, or on the
    calendar date the issuer sets (`on`, in even or odd `years` only when it says so). A calendar renewal
    falls on the last such date by the anniversary one period on (the credential is valid that long), or
    on the first such date after `earned` when there is none in between."""
    period = renewal.every_years
    if period is None or renewal.optional:
        return []
    if not renewal.on:
        dates = []
        k = 1
        while (when := anniversary(earned, k * period)) < until:
            dates.append(when)
            k += 1
        return dates
    parity = {"even": 0, "odd": 1}.get(renewal.years)
    fits = [
        day
        for year in range(earned.year, anniversary(earned, period).year + 2)
        if parity is None or year % 2 == parity
        if (day := _on(year, renewal.on)) > earned
    ]
    by_then = [day for day in fits if day <= anniversary(earned, period)]
    first = by_then[-1] if by_then else fits[0]
    dates = []
    k = 0
    while (when := _on(first.year + k * period, renewal.on)) < until:
        dates.append(when)
        k += 1
    return dates


def build(cert: Certification, earned: date, years: int, member: bool = False) -> Plan:
    """The plan for holding `cert`, earned on `earned`, for `years` years (1 or more)."""
    if years < 1:
        raise ValueError("years must be at least 1")
    until = anniversary(earned, years)
    fees = [f for f in cert.costs if costs.applies(f, member)]
    recurring = [f for f in fees if f.every_years is not None]
    renewal = cert.renewal
    period = renewal.every_years if renewal is not None and not renewal.optional else None
    with_renewal: list[Fee] = []  # paid as part of the renewal: same period, not membership dues
    apart: list[Fee] = []  # due on their own dates
    for fee in recurring:
        (with_renewal if fee.every_years == period and not is_dues(fee) else apart).append(fee)

    due: list[tuple[date, int, str, str, Money | None]] = []  # (when, kind order, label, requirement, fee)
    if renewal is not None:
        unknown = Money(cert.currency, 0, 0, complete=False, known=False)
        paid = unknown if costs.renewal_unpriced(cert, member) else _fees_sum(cert.currency, with_renewal)
        for when in renewal_dates(renewal, earned, until):
            due.append((when, 1, "Renewal", renewal.requirement, paid))
    for fee in apart:
        every = fee.every_years or 1
        for k in range(1, -(-years // every)):
            kind = 2 if is_dues(fee) else 3
            due.append((anniversary(earned, k * every), kind, fee.label, "", _fees_sum(cert.currency, [fee])))
    due.sort(key=lambda d: (d[0], d[1], d[2]))

    upfront = costs.upfront(cert, member)
    running: Money | None = None
    if fees or upfront is not None:
        running = upfront if upfront is not None else NOTHING._replace(currency=cert.currency)
    events = [Event(earned, "earned", "Up-front fees", "", upfront, running)]
    for when, order, label, requirement, amount in due:
        if running is not None:
            running = _add(running, amount)
        events.append(Event(when, KINDS[order], label, requirement, amount, running))
    return Plan(cert, earned, years, member, tuple(events), running, _note(cert, bool(apart)))


def _note(cert: Certification, dues_apart: bool) -> str:
    """What the plan says in words: a renewal it cannot plan or need not, and the fees it leaves out."""
    renewal = cert.renewal
    note = ""
    if renewal is None:
        note = "The catalog lists no renewal for this credential."
    elif renewal.optional:
        note = "Renewal is optional for this credential, so none falls due."
    elif renewal.every_years is None:
        note = "The catalog gives no renewal period for this credential, so no renewal date can be planned."
        if renewal.note:
            note += f" {renewal.note}"
    if note:
        note += " Only its recurring fees fall due." if dues_apart else " Nothing falls due to keep it."
    left_out = [
        f"{fee.label} (optional)" if fee.optional else f"{fee.label}, only for {fee.applies_to}"
        for fee in cert.costs
        if not fee.counted
    ]
    if left_out:
        note = f"{note} Not in the totals: {'; '.join(left_out)}.".strip()
    if costs.membership_unpriced(cert):
        note = f"{note} Membership is required and its price is not known, so the totals are at least.".strip()
    return note


# --- words -------------------------------------------------------------------------------------


def money_text(money: Money | None, none: str = "no fee listed") -> str:
    """`$150`, `$150-$200`, `unknown` (no amount known), `at least $150` (some amount unknown)."""
    if money is None:
        return none
    if not money.known:
        return "unknown"
    if not money.complete:
        return "at least " + costs.format_money(money._replace(max_cents=money.min_cents, complete=True))
    return costs.format_money(money)


def pricing(member: bool) -> str:
    return "member" if member else "non-member"


def event_text(event: Event) -> str:
    """What falls due, in words: `renewal: 60 CEUs`, `Membership dues`."""
    if event.kind == "earned":
        return "earned: up-front fees"
    if event.kind == "renewal":
        return f"renewal: {event.requirement or 'requirement not listed'}"
    return event.label


# --- JSON --------------------------------------------------------------------------------------


def to_json(plan: Plan) -> Record:
    """The stable JSON shape of a plan: every key always present."""
    r = plan.cert.renewal
    return {
        "id": plan.cert.id,
        "name": plan.cert.name,
        "earned": plan.earned.isoformat(),
        "years": plan.years,
        "until": plan.until.isoformat(),
        "pricing": pricing(plan.member),
        "renewal": None
        if r is None
        else {"every_years": r.every_years, "requirement": r.requirement or None, "note": r.note or None},
        "upfront": costs.as_json(plan.events[0].fee),
        "events": [
            {
                "date": e.when.isoformat(),
                "kind": e.kind,
                "label": e.label,
                "requirement": e.requirement or None,
                "fee": costs.as_json(e.fee),
                "total": costs.as_json(e.total),
            }
            for e in plan.events
        ],
        "total": costs.as_json(plan.total),
        "note": plan.note or None,
        "warning": warning_of(plan.cert),
    }


# --- iCalendar (RFC 5545) ----------------------------------------------------------------------

_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f]")
_SURROGATES = re.compile("[\ud800-\udfff]")


def ics_text(value: str) -> str:
    """A TEXT value escaped: backslash, semicolon, comma and newlines; other controls become spaces
    and lone surrogates U+FFFD, so that the value is always valid UTF-8."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    value = _SURROGATES.sub("\ufffd", _CONTROLS.sub(" ", value))
    return value.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\n", "\\n")


def fold(line: str, limit: int = 75) -> str:
    """A content line folded into CRLF-separated pieces of at most `limit` octets, never inside a
    UTF-8 sequence; each continuation starts with one space (which counts toward its limit)."""
    pieces: list[str] = []
    current, size = "", 0
    for char in line:
        width = len(char.encode("utf-8"))
        room = limit if not pieces else limit - 1
        if size + width > room:
            pieces.append(current)
            current, size = "", 0
        current += char
        size += width
    pieces.append(current)
    return "\r\n ".join(pieces) + "\r\n"


def ics_date(day: date) -> str:
    """An RFC 5545 DATE: always eight digits (strftime does not pad years before 1000 everywhere)."""
    return f"{day.year:04d}{day.month:02d}{day.day:02d}"


def uid(cert_id: str, when: date) -> str:
    """Stable: the same credential and due date always give the same UID."""
    return f"{cert_id}-{when.isoformat()}@certfind"


def _description(plan: Plan, events: list[Event]) -> str:
    lines = [f"{plan.cert.label}, earned {plan.earned.isoformat()} ({pricing(plan.member)} prices)."]
    for e in events:
        what = event_text(e)
        fee = "No fee listed." if e.fee is None else f"Fee: {money_text(e.fee)}."
        lines.append(f"{what[0].upper()}{what[1:]}. {fee}")
        if e.kind == "renewal" and plan.cert.renewal is not None and plan.cert.renewal.note:
            lines.append(plan.cert.renewal.note)
    last = events[-1].total
    if last is not None:
        lines.append(f"Total so far: {money_text(last)}.")
    return "\n".join(lines)


def ics(plan: Plan, stamp: datetime) -> str:
    """The plan's due dates as an iCalendar document: one all-day event per date, each with a display
    alarm ALARM_DAYS days before. `stamp` (UTC) is the DTSTAMP."""
    stamp_text = stamp.strftime("%Y%m%dT%H%M%SZ")
    by_day: dict[date, list[Event]] = {}
    for e in plan.due:
        by_day.setdefault(e.when, []).append(e)
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        f"PRODID:-//certfind//certfind {__version__}//EN",
        "CALSCALE:GREGORIAN",
    ]
    for when, events in by_day.items():
        what = ", ".join("renewal" if e.kind == "renewal" else e.label for e in events)
        summary = f"{plan.cert.label}: {what} due"
        lines += [
            "BEGIN:VEVENT",
            f"UID:{uid(plan.cert.id, when)}",
            f"DTSTAMP:{stamp_text}",
            f"DTSTART;VALUE=DATE:{ics_date(when)}",
            f"DTEND;VALUE=DATE:{ics_date(when + timedelta(days=1))}",
            f"SUMMARY:{ics_text(summary)}",
            f"DESCRIPTION:{ics_text(_description(plan, events))}",
            "TRANSP:TRANSPARENT",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            f"DESCRIPTION:{ics_text(f'In {ALARM_DAYS} days: {summary}')}",
            f"TRIGGER:-P{ALARM_DAYS}D",
            "END:VALARM",
            "END:VEVENT",
        ]
    lines.append("END:VCALENDAR")
    return "".join(fold(line) for line in lines)
