"""SQL over a stored catalog: the entries filters select, in an order; the places; the facets.

Values are always bound, and a filter with many values binds them as one JSON array read with
`json_each`, so a query's size never grows with the number of values asked for.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from certfind.filters import Filters
    from certfind.store import Store

ORDERS = {
    "name": "name_rank",
    # amounts known in full first, then known in part, each cheapest first within its currency; unknown last
    "cost": "up_state = 2, currency, up_state, up_min, up_max, name_rank",
    "duration": "duration_low IS NULL, duration_low, name_rank",
    "issuer": "issuer_key, name_rank",
}


def select(filters: Filters, sort: str, columns: str = "n") -> tuple[str, list[object]]:
    """The query for the entries `filters` select, sorted; it selects `columns` of the entry table."""
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
        sql, codes = places(filters.regions, nationwide=True)
        where.append(f"n IN ({sql})")
        args += codes
    if filters.occupations:
        where.append("n IN (SELECT n FROM occupation WHERE code IN (SELECT value FROM json_each(?)))")
        args.append(json.dumps(list(filters.occupations)))
    if filters.max_cost is not None:
        where.append("up_state = 0 AND up_max <= ?")
        args.append(round(filters.max_cost * 100))
    condition = " AND ".join(where) or "1"
    return f"SELECT {columns} FROM entry JOIN name_order USING (n) WHERE {condition} ORDER BY {ORDERS[sort]}", args


def places(regions: Sequence[str], *, nationwide: bool) -> tuple[str, list[object]]:
    """Entries awarded in these places: there or in one of their parts, and with `nationwide` also the
    entries awarded across the country a state or province belongs to (what a Texan can earn)."""
    wanted = list(dict.fromkeys(regions))
    countries = list(dict.fromkeys(code.partition("-")[0] for code in wanted)) if nationwide else []
    sql = (
        "SELECT n FROM place WHERE code IN (SELECT value FROM json_each(?)) "
        "OR code IN (SELECT value FROM json_each(?)) "
        "OR EXISTS (SELECT 1 FROM json_each(?) w WHERE code > w.value || '-' AND code < w.value || '.')"
    )  # '.' sorts right after '-': every subdivision of a wanted place
    return sql, [json.dumps(wanted), json.dumps(countries), json.dumps(wanted)]


def present_values(store: Store, kind: str) -> list[str]:
    """The values present for a filter (`category`, `region`, `occupation`)."""
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
        "kind": counted("SELECT kind, count(*) FROM entry GROUP BY 1 ORDER BY 2 DESC, 1"),
    }
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
