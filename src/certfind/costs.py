"""Up-front and N-year costs as ranges, member or not. Pure arithmetic in whole cents.

Cost to hold for N years = every one-time fee + each recurring fee x (ceil(N / every_years) - 1):
a recurring fee is paid at the end of each period, to keep the credential through year N.

Only what every holder pays counts: an optional fee (an upgrade) and a conditional one (paid only by some
holders, `applies_to`) stay out of the totals; `show` lists them. A membership every route requires is a
cost too: when no fee line prices it, the totals are "at least" (incomplete), never complete. So is a
renewal due within the years when no recurring fee at all is listed: its fee is not known, not nil (a
renewal the issuer says is free is a recurring fee line of 0).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from certfind.model import Certification, Fee, Money


def applies(fee: Fee, member: bool) -> bool:
    """Whether every holder pays the fee at these prices: member prices count only with --member, non-member
    prices only without it; optional and conditional fees never."""
    if not fee.counted:
        return False
    if fee.audience == "all":
        return True
    return (fee.audience == "member") == member


def membership_required(cert: Certification) -> bool:
    """Every route that states a condition requires membership of the issuing body."""
    stated = [route for route in cert.requirements if route.stated]
    return bool(stated) and all(route.membership for route in stated)


def membership_unpriced(cert: Certification) -> bool:
    """A required membership that no counted fee line prices: what it costs is not known."""
    return membership_required(cert) and not any(f.membership and f.counted for f in cert.costs)


def renewal_unpriced(cert: Certification, member: bool = False) -> bool:
    """A renewal that falls due, with no recurring fee listed that applies: what it costs is not known."""
    renewal = cert.renewal
    if renewal is None or renewal.optional or renewal.every_years is None:
        return False
    return not any(f.recurring and applies(f, member) for f in cert.costs)


def times_paid(fee: Fee, years: int) -> int:
    """How many times a fee is paid to hold the credential for `years` years."""
    if fee.every_years is None:
        return 1
    return -(-years // fee.every_years) - 1


def _sum(cert: Certification, fees: list[tuple[Fee, int]], unpriced: bool) -> Money | None:
    if not fees:
        return None
    lo = hi = 0
    complete = not unpriced
    known = False
    for fee, times in fees:
        if times == 0:  # not due within the years asked: its amount, known or not, changes nothing
            continue
        if fee.min_cents is None or fee.max_cents is None:
            complete = False
            continue
        known = True
        lo += fee.min_cents * fee.units * times
        hi += fee.max_cents * fee.units * times
    return Money(cert.currency, lo, hi, complete, known)


def upfront(cert: Certification, member: bool = False) -> Money | None:
    """The one-time fees. None when the catalog lists no fee that applies."""
    fees = [(f, 1) for f in cert.costs if applies(f, member) and not f.recurring]
    return _sum(cert, fees, membership_unpriced(cert))


def total(cert: Certification, years: int, member: bool = False) -> Money | None:
    """Everything paid to hold the credential for `years` years (years >= 1)."""
    if years < 1:
        raise ValueError("years must be at least 1")
    fees = [(f, times_paid(f, years)) for f in cert.costs if applies(f, member)]
    renewals = cert.renewal is not None and cert.renewal.every_years is not None and years > cert.renewal.every_years
    return _sum(cert, fees, membership_unpriced(cert) or (renewals and renewal_unpriced(cert, member)))


def has_member_pricing(cert: Certification) -> bool:
    return any(f.audience == "member" for f in cert.costs)


def format_money(money: Money | None) -> str:
    """Human form: `$125`, `$150-$200`, `C$205`, `$135 + unknown`, `unknown`."""
    if money is None or not money.known:
        return "unknown"
    symbol = SYMBOLS.get(money.currency)

    def one(cents: int) -> str:
        whole, part = divmod(cents, 100)
        number = f"{whole:,}" if part == 0 else f"{whole:,}.{part:02d}"
        return f"{symbol}{number}" if symbol else f"{number} {money.currency}"

    text = (
        one(money.min_cents) if money.min_cents == money.max_cents else f"{one(money.min_cents)}-{one(money.max_cents)}"
    )
    return text if money.complete else f"{text} + unknown"


SYMBOLS = {"USD": "$", "CAD": "C$", "EUR": "€", "GBP": "£", "AUD": "A$", "NZD": "NZ$"}


def lowest(amounts: Sequence[Money | None]) -> set[int]:
    """Positions of the cheapest amounts, compared only within one currency and only when complete
    (a total with an unknown fee cannot be called cheapest). A lone amount in its currency is not
    marked: there is nothing to compare it with."""
    by_currency: dict[str, list[tuple[int, Money]]] = {}
    for i, money in enumerate(amounts):
        if money is not None and money.complete:
            by_currency.setdefault(money.currency, []).append((i, money))
    marked: set[int] = set()
    for group in by_currency.values():
        if len(group) > 1:
            best = min(money.max_cents for _, money in group)
            marked.update(i for i, money in group if money.max_cents == best)
    return marked


class Comparison(NamedTuple):
    """Costs of several credentials side by side: what compare shows, computed here, not in the renderer."""

    years: int
    member: bool
    upfront: list[Money | None]
    totals: list[Money | None]
    lowest_upfront: set[int]
    lowest_total: set[int]


def compare(certs: Sequence[Certification], years: int, member: bool) -> Comparison:
    ups = [upfront(c, member) for c in certs]
    totals = [total(c, years, member) for c in certs]
    return Comparison(years, member, ups, totals, lowest(ups), lowest(totals))


def as_json(money: Money | None) -> dict[str, object] | None:
    """The JSON form of an amount: null when no fee's amount is known (never shown as free)."""
    return None if money is None or not money.known else money.as_json()
