"""Up-front and N-year costs as ranges, member or not. Pure arithmetic in whole cents.

Cost to hold for N years = every one-time fee + each recurring fee x (ceil(N / every_years) - 1):
a recurring fee is paid at the end of each period, to keep the credential through year N.

Only what every holder pays counts: an optional fee (an upgrade) and a conditional one (paid only by some
holders, `applies_to`) stay out of the totals; `show` lists them. A membership every route requires is a
cost too: when no fee line prices it, the totals are "at least" (incomplete), never complete. So is a
renewal due within the years when no recurring fee at all is listed: its fee is not known, not nil (a
renewal the issuer says is free is a recurring fee line of 0).
"""

from collections.abc import Collection, Mapping, Sequence
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
    return _sum(cert, fees, membership_unpriced(cert) or (renewal_due(cert, years) and renewal_unpriced(cert, member)))


def renewal_due(cert: Certification, years: int) -> bool:
    """A renewal falls due within `years` years of earning it."""
    every = None if cert.renewal is None else cert.renewal.every_years
    return every is not None and years > every


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
    """Positions of the amounts that are lowest at both ends of their range, compared only within one
    currency. Only a complete amount is marked (a total with an unknown fee cannot be called cheapest),
    but an amount known in part still counts by its known part: `$40 + unknown` may cost less than `$100`,
    so `$100` is not marked. When one range starts lowest and another ends lowest, nothing is; a lone
    amount in its currency is not marked either: there is nothing to compare it with. An amount no fee of
    which is known says nothing and is left out."""
    by_currency: dict[str, list[tuple[int, Money]]] = {}
    for i, money in enumerate(amounts):
        if money is not None and money.known:
            by_currency.setdefault(money.currency, []).append((i, money))
    marked: set[int] = set()
    for group in by_currency.values():
        if len(group) < 2:
            continue
        for i, money in group:
            if money.complete and all(
                money.min_cents <= other.min_cents and money.max_cents <= other.max_cents
                for j, other in group
                if j != i
            ):
                marked.add(i)
    return marked


class Unknown(NamedTuple):
    """A cost within the years asked whose amount no source gives: a fee line (`fee`: its label, how many,
    how often), a required membership no fee line prices (`membership`), a renewal that falls due with no
    fee listed (`renewal`), or no fee recorded at all (`none`)."""

    kind: str
    label: str = ""
    units: int = 1
    every_years: int | None = None


def unknown_costs(cert: Certification, years: int, member: bool = False) -> list[Unknown]:
    """What makes `total(cert, years, member)` unknown or only a lower bound, one item per cost."""
    applying = [f for f in cert.costs if applies(f, member)]
    found = [] if applying else [Unknown("none")]
    found += [
        Unknown("fee", f.label, f.units, f.every_years) for f in applying if not f.known and times_paid(f, years) > 0
    ]
    if membership_unpriced(cert):
        found.append(Unknown("membership"))
    if renewal_due(cert, years) and renewal_unpriced(cert, member) and cert.renewal is not None:
        found.append(Unknown("renewal", every_years=cert.renewal.every_years))
    return found


class Comparison(NamedTuple):
    """Costs of several credentials side by side: what compare shows, computed here, not in the renderer.
    A credential no one awards has no amounts to compare: it is never marked lowest."""

    years: int
    member: bool
    upfront: list[Money | None]
    totals: list[Money | None]
    lowest_upfront: set[int]
    lowest_total: set[int]
    unknown: list[list[Unknown]]
    """Per credential, the costs within the years whose amount is not known."""


def compare(certs: Sequence[Certification], years: int, member: bool) -> Comparison:
    ups = [upfront(c, member) for c in certs]
    totals = [total(c, years, member) for c in certs]
    real_ups = [None if c.unreal else money for c, money in zip(certs, ups, strict=True)]
    real_totals = [None if c.unreal else money for c, money in zip(certs, totals, strict=True)]
    unknown = [unknown_costs(c, years, member) for c in certs]
    return Comparison(years, member, ups, totals, lowest(real_ups), lowest(real_totals), unknown)


# --- the order of `--sort cost` ------------------------------------------------------------------

DEFAULT_CURRENCY = "USD"

_EURO = "AT BE CY DE EE ES FI FR GR HR IE IT LT LU LV MT NL PT SI SK"
TERRITORY_CURRENCY = {
    **dict.fromkeys(("US", "PR", "GU", "VI", "AS", "MP", "UM"), "USD"),
    "CA": "CAD",
    "GB": "GBP",
    "AU": "AUD",
    "NZ": "NZD",
    **dict.fromkeys(_EURO.split(), "EUR"),
}
"""The currency of each territory a locale can name, for the currencies a catalog prices in (ISO 4217)."""


def locale_territory(environ: Mapping[str, str]) -> str:
    """The territory of the user's monetary locale: `GB` for `en_GB.UTF-8`; "" for `C`, `POSIX` or none.
    As POSIX orders them: LC_ALL, else LC_MONETARY, else LANG."""
    value = next((environ[name] for name in ("LC_ALL", "LC_MONETARY", "LANG") if environ.get(name)), "")
    _, _, rest = value.partition("_")
    territory = rest.split(".")[0].split("@")[0]
    return territory.upper() if len(territory) == 2 and territory.isalpha() else ""


def locale_currency(environ: Mapping[str, str], known: Collection[str]) -> str:
    """The currency `--sort cost` puts first when none is given: the locale territory's, when it is one of
    `known` (those the catalog prices in), else USD."""
    currency = TERRITORY_CURRENCY.get(locale_territory(environ), "")
    return currency if currency in known else DEFAULT_CURRENCY


def cost_order(money: Money | None, currency: str) -> tuple[int, int, str, int, int, int]:
    """Where an up-front amount goes in `--sort cost`: every known amount before the unknown ones; `currency`
    first, then the others by code; within a currency amounts known in full before those known in part,
    each cheapest first. (The store orders a listing the same way in SQL: store/queries.py.)"""
    if money is None or not money.known:
        return (1, 0, "", 0, 0, 0)
    return (
        0,
        int(money.currency != currency),
        money.currency,
        int(not money.complete),
        money.min_cents,
        money.max_cents,
    )


def as_json(money: Money | None) -> dict[str, object] | None:
    """The JSON form of an amount: null when no fee's amount is known (never shown as free)."""
    return None if money is None or not money.known else money.as_json()
