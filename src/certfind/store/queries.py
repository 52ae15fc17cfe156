"""SQL over a stored catalog: the entries filters select, in an order; the places; the facets.

Values are always bound, and a filter with many values binds them as one JSON array read with
`json_each`, so a query's size never grows with the number of values asked for.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING

from certfind.model import VERIFICATIONS
from certfind.store.layout import FIELDS, WEIGHTS

if TYPE_CHECKING:
    from certfind.filters import Filters
    from certfind.store import Store

Within = tuple[str, list[object]]
"""A query that selects entry numbers (`SELECT n FROM entry WHERE ...`), and its arguments."""

COLUMNS = ("name", "topics", "issuer", "summary", "refuted", "context")
"""entry_text's columns, in the order of WEIGHTS."""
TERMS = ", ".join(f"entry_text.{column}" for column in COLUMNS)

ORDERS = {
    "name": "name_rank",  # which ranks every real entry first (store.build)
    # amounts known in full or in part first, the user's currency (the bound value) first, then by currency;
    # within one, known in full before known in part, each cheapest first; unknown last, by name
    # (costs.cost_order is the same order)
    "cost": (
        "unreal, up_state = 2, CASE WHEN up_state = 2 THEN 0 ELSE currency != ? END,"
        " CASE WHEN up_state = 2 THEN '' ELSE currency END, up_state, up_min, up_max, name_rank"
    ),
    "duration": "unreal, duration_low IS NULL, duration_low, name_rank",
    "issuer": "unreal, issuer_key, name_rank",
}
"""Every order puts the entries no one awards (not found, or no longer awarded) after every real one."""


def select(
    filters: Filters, sort: str, columns: str = "n", currency: str = "USD", limit: int | None = None
) -> tuple[str, list[object]]:
    """The query for the entries `filters` select, sorted, the first `limit` of them (all with None); it
    selects `columns` of the entry table. `currency` comes first in the cost order."""
    condition, args = _condition(filters)
    order_args: list[object] = [currency] if sort == "cost" else []
    sql = f"SELECT {columns} FROM entry JOIN name_order USING (n) WHERE {condition} ORDER BY {ORDERS[sort]}"
    if limit is not None:
        return sql + " LIMIT ?", [*args, *order_args, limit]
    return sql, [*args, *order_args]


def count(filters: Filters) -> tuple[str, list[object]]:
    """The query for how many entries `filters` select."""
    condition, args = _condition(filters)
    return f"SELECT count(*) FROM entry WHERE {condition}", args


def within(filters: Filters) -> Within:
    """The entries `filters` select, as a query a search can be kept within."""
    condition, args = _condition(filters)
    return f"SELECT n FROM entry WHERE {condition}", args


def _condition(filters: Filters) -> tuple[str, list[object]]:
    where: list[str] = []
    args: list[object] = []
    if filters.category:
        where.append("category IN (SELECT value FROM json_each(?))")
        args.append(json.dumps(list(filters.category)))
    if filters.issuer:
        where.append("EXISTS (SELECT 1 FROM json_each(?) WHERE instr(issuer_key, value) > 0)")
        args.append(json.dumps([text.casefold() for text in filters.issuer]))
    verifications = [s for s in filters.status if s in VERIFICATIONS]
    statuses = [s for s in filters.status if s not in VERIFICATIONS]
    if verifications:  # any of the verifications given, and any of the credential statuses given
        where.append("verification IN (SELECT value FROM json_each(?))")
        args.append(json.dumps(verifications))
    if statuses:
        where.append("status IN (SELECT value FROM json_each(?))")
        args.append(json.dumps(statuses))
    if filters.regions:
        sql, codes = places(filters.regions, only=filters.region_only)
        where.append(f"(n IN ({sql}){'' if filters.region_only else ' OR placeless'})")
        args += codes
    if filters.occupations:
        where.append("n IN (SELECT n FROM occupation WHERE code IN (SELECT value FROM json_each(?)))")
        args.append(json.dumps(list(filters.occupations)))
    if filters.max_cost is not None:
        where.append("up_state = 0 AND up_max <= ?")
        args.append(round(filters.max_cost * 100))
    return " AND ".join(where) or "1", args


def places(regions: Sequence[str], *, only: bool = False) -> tuple[str, list[object]]:
    """Entries awarded in these places: there or in one of their parts, and unless `only` also the entries
    awarded across the country a state or province belongs to (what a Texan can earn)."""
    wanted = list(dict.fromkeys(regions))
    countries = [] if only else list(dict.fromkeys(code.partition("-")[0] for code in wanted))
    sql = (
        "SELECT n FROM place WHERE code IN (SELECT value FROM json_each(?)) "
        "OR code IN (SELECT value FROM json_each(?)) "
        "OR EXISTS (SELECT 1 FROM json_each(?) w WHERE code > w.value || '-' AND code < w.value || '.')"
    )  # '.' sorts right after '-': every subdivision of a wanted place
    return sql, [json.dumps(wanted), json.dumps(countries), json.dumps(wanted)]


def candidates(
    match: str, within: Within | None, regions: Sequence[str], limit: int | None, *, unreal_only: bool = False
) -> tuple[str, list[object]]:
    """The entries a search ranks, best first: those with any of the keys of `match` (an FTS5 query) by bm25
    over the weighted fields, what can be earned in `regions` before what cannot, every real one before any
    no one awards; without `match`, every entry that can be earned in `regions`, those awarded there first.
    Each row: n, item, crc, then the index keys of each search field as stored (empty without `match`)."""
    where: list[str] = []
    where_args: list[object] = []
    order = ["e.unreal"]
    order_args: list[object] = []
    if match:
        head = f"SELECT e.n, e.item, e.crc, {TERMS} FROM entry_text JOIN entry e ON e.n = entry_text.rowid"
        where.append("entry_text MATCH ?")
        where_args.append(match)
    else:
        head = "SELECT e.n, e.item, e.crc, " + ", ".join(["''"] * FIELDS) + " FROM entry e"
    if within is not None:
        where.append(f"e.n IN ({within[0]})")
        where_args += within[1]
    if unreal_only:
        where.append("e.unreal")
    if regions:
        available, available_args = places(regions)
        can = f"(e.placeless OR e.n IN ({available}))"
        if match:  # what can be earned there first; among it, bm25 decides
            order.append(f"NOT {can}")
            order_args += available_args
        else:  # only places: what can be earned there, what is awarded there first
            tied, tied_args = places(regions, only=True)
            where.append(can)
            where_args += available_args
            order.append(f"e.n NOT IN ({tied})")
            order_args += tied_args
    if match:
        order.append(f"bm25(entry_text, {', '.join(str(w) for w in WEIGHTS)})")
    else:
        order.append("(SELECT name_rank FROM name_order o WHERE o.n = e.n)")
    order.append("e.n")
    sql = head + (" WHERE " + " AND ".join(where) if where else "") + " ORDER BY " + ", ".join(order)
    args = [*where_args, *order_args]
    if limit is not None:
        sql += " LIMIT ?"
        args.append(limit)
    return sql, args


def first_matches(
    match: str, within: Within | None, regions: Sequence[str], taken: Sequence[int], limit: int, *, unreal: bool
) -> tuple[str, list[object]]:
    """Up to `limit` entries with `match` (an FTS5 query), in the order FTS5 finds them, none of `taken`:
    real ones, or with `unreal` those no one awards; with `regions`, only those that can be earned there.
    No ranking, so the work is bounded by `limit` however many entries match (the caller orders the
    queries it asks from best to worst). Rows as `candidates` gives them."""
    where = ["entry_text MATCH ?", "e.unreal" if unreal else "NOT e.unreal"]
    args: list[object] = [match]
    if taken:
        where.append("e.n NOT IN (SELECT value FROM json_each(?))")
        args.append(json.dumps(list(taken)))
    if within is not None:
        where.append(f"e.n IN ({within[0]})")
        args += within[1]
    if regions:
        available, available_args = places(regions)
        where.append(f"(e.placeless OR e.n IN ({available}))")
        args += available_args
    sql = (
        f"SELECT e.n, e.item, e.crc, {TERMS} FROM entry_text JOIN entry e ON e.n = entry_text.rowid "
        f"WHERE {' AND '.join(where)} LIMIT ?"
    )
    return sql, [*args, limit]


def present_values(store: Store, kind: str) -> list[str]:
    """The values present for a filter (`category`, `region`, `occupation`, `currency`)."""
    sql = {
        "category": "SELECT DISTINCT category FROM entry ORDER BY 1",
        "region": "SELECT DISTINCT code FROM place ORDER BY 1",
        "occupation": "SELECT DISTINCT code FROM occupation ORDER BY 1",
        "currency": "SELECT DISTINCT currency FROM entry ORDER BY 1",
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
