"""Filtering and ordering for `list`. Pure."""

from __future__ import annotations

from certfind import costs
from certfind.catalog import Catalog
from certfind.model import Certification

_MISSING_LAST = float("inf")


def _key(sort: str, cert: Certification) -> tuple[object, ...]:
    name = cert.name.casefold()
    if sort == "cost":
        up = costs.upfront(cert)
        return (up is None or not up.complete, up.min_cents if up else _MISSING_LAST, name)
    if sort == "duration":
        d = cert.duration
        low = None if d is None else (d.min_months if d.min_months is not None else d.max_months)
        return (low is None, low if low is not None else _MISSING_LAST, name)
    if sort == "issuer":
        return (cert.issuer.casefold(), name)
    return (name, cert.id)


def select(
    cat: Catalog,
    *,
    category: str | None = None,
    issuer: str | None = None,
    status: str | None = None,
    max_cost: float | None = None,
    sort: str = "name",
) -> list[int]:
    """Entry numbers matching every filter, in the requested order."""
    wanted_issuer = issuer.casefold() if issuer else None
    limit = None if max_cost is None else round(max_cost * 100)
    keyed: list[tuple[tuple[object, ...], int]] = []
    for i in range(len(cat)):
        cert = cat.cert(i)
        if category is not None and cert.category != category.casefold():
            continue
        if wanted_issuer is not None and wanted_issuer not in cert.issuer.casefold():
            continue
        if status is not None and status not in (cert.verification.status, cert.status):
            continue
        if limit is not None:
            up = costs.upfront(cert)
            if up is None or not up.complete or up.max_cents > limit:
                continue
        keyed.append((_key(sort, cert), i))
    keyed.sort()
    return [i for _, i in keyed]
