"""Filters for `list` and `search`: the values a user typed, checked against the values that exist.

A value a user types is checked against what exists: an unknown category, status, region or
occupation is a UsageError that names the nearest known value and lists the valid ones.
"""

import difflib
import math
from typing import NamedTuple

from certfind import occupations, places
from certfind.errors import UsageError
from certfind.model import NO_LONGER_AWARDED, STATUSES, VERIFICATIONS

STATUS_CHOICES = (*VERIFICATIONS, *STATUSES)
MAX_COST = 1_000_000_000


CHOSEN = ("category", "issuer", "status", "regions", "occupations", "max_cost")
"""The fields of Filters that choose entries (region_only only says how regions do)."""


class Filters(NamedTuple):
    category: tuple[str, ...] = ()  # any of them
    issuer: tuple[str, ...] = ()  # text the issuer's name contains; any of them
    status: tuple[str, ...] = ()  # verification statuses and credential statuses: any of each kind given
    regions: tuple[str, ...] = ()  # ISO codes: where a credential can be earned (see region_only)
    occupations: tuple[str, ...] = ()  # SOC codes; any of them
    max_cost: float | None = None  # the known non-member up-front cost, in the entry's own currency
    region_only: bool = False  # regions: only what is awarded there or in a part, not nationwide or anywhere

    @property
    def active(self) -> bool:
        return any(getattr(self, name) not in (None, ()) for name in CHOSEN)

    @property
    def only_unreal(self) -> bool:
        """`--status` asks only for credentials no one awards (not found, or no longer awarded)."""
        unreal = {"not-found", *NO_LONGER_AWARDED}
        return bool(self.status) and all(value in unreal for value in self.status)


# --- what a user typed -----------------------------------------------------------------------------


def _nearest(value: str, options: list[str], cutoff: float = 0.6) -> str:
    found = difflib.get_close_matches(value.casefold(), [o.casefold() for o in options], n=1, cutoff=cutoff)
    return next((o for o in options if found and o.casefold() == found[0]), "")


def _unknown(option: str, value: str, nearest: str, valid: list[str]) -> UsageError:
    listed = ", ".join(valid) if valid else "(none in this catalog)"
    hint = f"; did you mean {nearest!r}?" if nearest else "."
    return UsageError(f"unknown {option} value {value!r}{hint} Valid values: {listed}")


def categories(values: list[str], known: list[str]) -> tuple[str, ...]:
    """The categories typed, each one the catalog has; given twice, each is kept."""
    found: list[str] = []
    for value in values:
        wanted = value.strip().casefold()
        if wanted not in known:
            raise _unknown("--category", value, _nearest(value, known), known)
        found += [wanted] if wanted not in found else []
    return tuple(found)


def statuses(values: list[str]) -> tuple[str, ...]:
    """The statuses typed (verification statuses and credential statuses); given twice, each is kept."""
    found: list[str] = []
    for value in values:
        wanted = value.strip().casefold()
        if wanted not in STATUS_CHOICES:
            raise _unknown("--status", value, _nearest(value, list(STATUS_CHOICES)), list(STATUS_CHOICES))
        found += [wanted] if wanted not in found else []
    return tuple(found)


def currency(value: str, known: list[str]) -> str:
    """A currency code the catalog prices in (`gbp` is GBP); any other is refused."""
    wanted = value.strip().upper()
    if wanted in known:
        return wanted
    raise _unknown("--currency", value, _nearest(value, known), known)


def regions(values: list[str], known: list[str]) -> tuple[str, ...]:
    """Codes for the places typed (`TX`, `Texas`, `US-TX`, `Ontario`, `GB`); unknown places are refused."""
    codes: list[str] = []
    for value in values:
        meant = places.parse(value)
        if not meant:
            names = [places.name(code) for code in known]
            nearest = _nearest(value, [*known, *names], 0.75)  # only a place that is among the valid values
            valid = [f"{code} ({places.name(code)})" for code in known]
            raise _unknown("--region", value, nearest, valid)
        codes += [code for code in meant if code not in codes]
    return tuple(codes)


def ambiguous_regions(values: list[str]) -> list[tuple[str, tuple[str, ...]]]:
    """The places typed that mean more than one (`CA`: Canada and California), with what they mean."""
    return [(value, meant) for value in values if len(meant := places.parse(value)) > 1]


def occupation_codes(values: list[str], known: list[str]) -> tuple[str, ...]:
    codes: list[str] = []
    for value in values:
        meant = occupations.parse(value, known)
        if not meant:
            valid = [occupations.describe(code) for code in known]
            raise _unknown("--occupation", value, _nearest(value, known), valid)
        codes += [code for code in meant if code not in codes]
    return tuple(codes)


def max_cost(value: float | None) -> float | None:
    """A finite, non-negative amount: `nan`, `inf`, `1e309` and `-1` are usage errors."""
    if value is None:
        return None
    if not math.isfinite(value) or value < 0 or value > MAX_COST:
        raise UsageError(f"--max-cost must be an amount between 0 and {MAX_COST:,}; got {value!r}")
    return value
