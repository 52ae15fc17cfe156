"""The catalog's data as frozen, typed objects. Pure: no I/O, no third-party imports.

A *record* is the plain-dict form of an entry, using the catalog's own field names; it is what the
validator produces, what the cache stores and what `--format json` prints.
"""

from __future__ import annotations

from datetime import date
from typing import Any, NamedTuple

Record = dict[str, Any]

KINDS = ("certification", "certificate", "endorsement", "diploma", "license")
STATUSES = ("active", "discontinued", "unknown")
VERIFICATIONS = ("confirmed", "differs", "not-found", "unverified")
AUDIENCES = ("all", "member", "non-member")


class Source(NamedTuple):
    title: str
    url: str
    accessed: date


class Fee(NamedTuple):
    """One fee line. Amounts are in cents; both None when the amount is not known."""

    label: str
    min_cents: int | None
    max_cents: int | None
    audience: str = "all"
    units: int = 1  # the catalog's `count`: how many of this fee
    every_years: int | None = None
    note: str = ""
    source: str = ""

    @property
    def recurring(self) -> bool:
        return self.every_years is not None

    @property
    def known(self) -> bool:
        return self.min_cents is not None


class Exam(NamedTuple):
    format: str = ""
    questions: int | None = None
    passing_score: str = ""
    minutes: int | None = None
    delivery: str = ""
    codes: tuple[str, ...] = ()


class Duration(NamedTuple):
    min_months: float | None = None
    max_months: float | None = None
    note: str = ""


class Renewal(NamedTuple):
    every_years: int | None = None
    requirement: str = ""
    note: str = ""


class Verification(NamedTuple):
    status: str
    checked: date
    note: str = ""
    claimed: str = ""
    alternatives: tuple[str, ...] = ()


class Certification(NamedTuple):
    id: str
    name: str
    issuer: str
    category: str
    summary: str
    verification: Verification
    sources: tuple[Source, ...]
    acronym: str = ""
    aliases: tuple[str, ...] = ()
    issuer_url: str = ""
    kind: str = "certification"
    region: str = ""
    topics: tuple[str, ...] = ()
    eligibility: tuple[str, ...] = ()
    exam: Exam | None = None
    duration: Duration | None = None
    currency: str = "USD"
    costs: tuple[Fee, ...] = ()
    renewal: Renewal | None = None
    status: str = "active"
    origin: str = "bundled"

    @property
    def label(self) -> str:
        """Name with acronym, as people read it."""
        if self.acronym and self.acronym not in self.name.split():
            return f"{self.name} ({self.acronym})"
        return self.name


def to_cents(amount: float | int) -> int:
    return round(amount * 100)


def _fee(rec: Record) -> Fee:
    lo: int | None
    hi: int | None
    if "amount" in rec:
        lo = hi = to_cents(rec["amount"])
    elif "min" in rec:
        lo, hi = to_cents(rec["min"]), to_cents(rec["max"])
    else:
        lo = hi = None
    return Fee(
        label=rec["label"],
        min_cents=lo,
        max_cents=hi,
        audience=rec.get("audience", "all"),
        units=rec.get("count", 1),
        every_years=rec.get("every_years"),
        note=rec.get("note", ""),
        source=rec.get("source", ""),
    )


def from_record(rec: Record, origin: str = "bundled") -> Certification:
    """Build a Certification from a validated record."""
    ver = rec["verification"]
    exam = rec.get("exam")
    dur = rec.get("duration")
    ren = rec.get("renewal")
    return Certification(
        id=rec["id"],
        name=rec["name"],
        issuer=rec["issuer"],
        category=rec["category"],
        summary=rec["summary"],
        verification=Verification(
            status=ver["status"],
            checked=date.fromisoformat(ver["checked"]),
            note=ver.get("note", ""),
            claimed=ver.get("claimed", ""),
            alternatives=tuple(ver.get("alternatives", ())),
        ),
        sources=tuple(Source(s["title"], s["url"], date.fromisoformat(s["accessed"])) for s in rec["sources"]),
        acronym=rec.get("acronym", ""),
        aliases=tuple(rec.get("aliases", ())),
        issuer_url=rec.get("issuer_url", ""),
        kind=rec.get("kind", "certification"),
        region=rec.get("region", ""),
        topics=tuple(rec.get("topics", ())),
        eligibility=tuple(rec.get("eligibility", ())),
        exam=None if exam is None else Exam(**{**exam, "codes": tuple(exam.get("codes", ()))}),
        duration=None if dur is None else Duration(**dur),
        currency=rec.get("currency", "USD"),
        costs=tuple(_fee(f) for f in rec.get("costs", ())),
        renewal=None if ren is None else Renewal(**ren),
        status=rec.get("status", "active"),
        origin=origin,
    )
