"""Filters for `list` and `search`: only known values, turned into SQL over the store; and the facets.

A value a user types is checked against what exists: an unknown category, status, region or
occupation is a UsageError that names the nearest known value and lists the valid ones.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import TYPE_CHECKING, NamedTuple

from certfind.errors import UsageError
from certfind.model import STATUSES, VERIFICATIONS

if TYPE_CHECKING:
    from certfind.store import Store

STATUS_CHOICES = (*VERIFICATIONS, *STATUSES)
MAX_COST = 1_000_000_000


class Filters(NamedTuple):
    category: str | None = None
    issuer: str | None = None
    status: str | None = None  # a verification status or a credential status
    regions: tuple[str, ...] = ()  # ISO codes: an entry matches when awarded there, in a part, or nationwide
    occupations: tuple[str, ...] = ()  # SOC codes; any of them
    max_cost: float | None = None  # the known non-member up-front cost, in the entry's own currency

    @property
    def active(self) -> bool:
        return any(v not in (None, ()) for v in self)


_ORDER = {
    "name": "name_rank",
    # amounts known in full first, then known in part, each cheapest first within its currency; unknown last
    "cost": "up_state = 2, currency, up_state, up_min, up_max, name_rank",
    "duration": "duration_low IS NULL, duration_low, name_rank",
    "issuer": "issuer_key, name_rank",
}


def select_sql(filters: Filters, sort: str, columns: str = "n") -> tuple[str, list[object]]:
    where: list[str] = []
    args: list[object] = []
    if filters.category is not None:
        where.append("category = ?")
        args.append(filters.category)
    if filters.issuer:
        where.append("instr(issuer_key, ?) > 0")
        args.append(filters.issuer.casefold())
    if filters.status is not None:
        where.append("(verification = ? OR status = ?)")
        args += [filters.status, filters.status]
    if filters.regions:
        sql, codes = places_sql(filters.regions, nationwide=True)
        where.append(f"n IN ({sql})")
        args += codes
    if filters.occupations:
        where.append(f"n IN (SELECT n FROM occupation WHERE code IN ({','.join('?' * len(filters.occupations))}))")
        args += list(filters.occupations)
    if filters.max_cost is not None:
        where.append("up_state = 0 AND up_max <= ?")
        args.append(round(filters.max_cost * 100))
    condition = " AND ".join(where) or "1"
    return f"SELECT {columns} FROM entry JOIN name_order USING (n) WHERE {condition} ORDER BY {_ORDER[sort]}", args


def places_sql(regions: Sequence[str], *, nationwide: bool) -> tuple[str, list[object]]:
    """Entries awarded in these places: there or in one of their parts, and with `nationwide` also the
    entries awarded across the country a state or province belongs to (what a Texan can earn)."""
    within = " OR ".join("code = ? OR code = ? OR (code > ? AND code < ?)" for _ in regions)
    args: list[object] = []
    for code in regions:
        country = code.partition("-")[0] if nationwide else code
        args += [code, country, code + "-", code + "."]  # '.' sorts right after '-': every subdivision
    return f"SELECT n FROM place WHERE {within}", args


def present_values(store: Store, kind: str) -> list[str]:
    sql = {
        "category": "SELECT DISTINCT category FROM entry ORDER BY 1",
        "region": "SELECT DISTINCT code FROM place ORDER BY 1",
        "occupation": "SELECT DISTINCT code FROM occupation ORDER BY 1",
    }[kind]
    return [str(value) for (value,) in store.query(sql)]


def facets(store: Store) -> dict[str, list[tuple[str, int]]]:
    """How many entries there are per category, verification, credential status, kind, region and issuer."""

    def counted(sql: str) -> list[tuple[str, int]]:
        return [(str(value), int(count)) for value, count in store.query(sql)]

    out = {
        "category": counted("SELECT category, count(*) FROM entry GROUP BY 1 ORDER BY 2 DESC, 1"),
        "verification": counted("SELECT verification, count(*) FROM entry GROUP BY 1 ORDER BY 2 DESC, 1"),
        "status": counted("SELECT status, count(*) FROM entry GROUP BY 1 ORDER BY 2 DESC, 1"),
    }
    out["kind"] = counted("SELECT kind, count(*) FROM entry GROUP BY 1 ORDER BY 2 DESC, 1")
    regions: dict[str, set[int]] = {}
    for code, n in store.query("SELECT code, n FROM place"):
        regions.setdefault(str(code), set()).add(int(n))
        country = str(code).partition("-")[0]
        if country != code:
            regions.setdefault(country, set()).add(int(n))
    out["region"] = sorted(((code, len(ns)) for code, ns in regions.items()), key=lambda kv: (-kv[1], kv[0]))
    out["occupation"] = counted("SELECT code, count(*) FROM occupation GROUP BY 1 ORDER BY 2 DESC, 1")
    out["issuer"] = counted("SELECT min(issuer), count(*) FROM entry GROUP BY issuer_key ORDER BY 2 DESC, issuer_key")
    return out


# --- what a user typed -----------------------------------------------------------------------------


def _nearest(value: str, options: list[str], cutoff: float = 0.6) -> str:
    import difflib

    found = difflib.get_close_matches(value.casefold(), [o.casefold() for o in options], n=1, cutoff=cutoff)
    return next((o for o in options if found and o.casefold() == found[0]), "")


def _unknown(option: str, value: str, nearest: str, valid: list[str]) -> UsageError:
    listed = ", ".join(valid) if valid else "(none in this catalog)"
    hint = f"; did you mean {nearest!r}?" if nearest else "."
    return UsageError(f"unknown {option} value {value!r}{hint} Valid values: {listed}")


def category(value: str | None, known: list[str]) -> str | None:
    if value is None:
        return None
    wanted = value.strip().casefold()
    if wanted in known:
        return wanted
    raise _unknown("--category", value, _nearest(value, known), known)


def status(value: str | None) -> str | None:
    if value is None:
        return None
    wanted = value.strip().casefold()
    if wanted in STATUS_CHOICES:
        return wanted
    raise _unknown("--status", value, _nearest(value, list(STATUS_CHOICES)), list(STATUS_CHOICES))


def regions(values: list[str], known: list[str]) -> tuple[str, ...]:
    """Codes for the places typed (`TX`, `Texas`, `US-TX`, `Ontario`, `GB`); unknown places are refused."""
    from certfind import places

    codes: list[str] = []
    for value in values:
        meant = places.parse(value)
        if not meant:
            names = [places.name(code) for code in known]
            nearest = _nearest(value, [*known, *names], 0.75) or _nearest(value, list(places.names().values()), 0.75)
            valid = [f"{code} ({places.name(code)})" for code in known]
            raise _unknown("--region", value, nearest, valid)
        codes += [code for code in meant if code not in codes]
    return tuple(codes)


def occupation_codes(values: list[str], known: list[str]) -> tuple[str, ...]:
    from certfind import occupations

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
