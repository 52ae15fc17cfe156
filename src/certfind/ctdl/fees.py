"""A credential's cost profiles -> the catalog's fee lines.

Kept as given: the price, its currency (as an ISO 4217 code: "US Dollar" is USD), the cost type
(`directCostType`, a costType: concept), member and non-member prices. A placeholder name ("Cost
Profile") is no label: the cost type names the fee then. A price in a currency other than the entry's,
or in one certfind does not know, stays in the fee's note rather than becoming an amount.
"""

from __future__ import annotations

import re

from certfind.catalogfile.checker import MAX_NUMBER
from certfind.ctdl import jsonld as ld
from certfind.ctdl import prose, vocab
from certfind.ctdl.jsonld import Props, Reader
from certfind.model import Record


def currency(profiles: list[Props]) -> str | None:
    """The entry's currency: the first one a priced fee is given in, else the first given at all."""
    priced = [p for p in profiles if ld.number(p.peek("price")) is not None]
    codes = (vocab.currency_code(ld.literal(p.peek("currency"))) for p in [*priced, *profiles])
    return next((code for code in codes if code), None)


def fee(sub: Props, read: Reader, entry_currency: str | None, renewal: bool, renewal_years: int | None) -> Record:
    """One fee line from a CostProfile (one met in a renewal condition when `renewal`)."""
    types = [
        t
        for t in (
            vocab.cost_type_of(term) or vocab.cost_type_of(label)
            for term, label in ld.concepts(sub["directCostType"], read)
        )
        if t
    ]
    name = prose.tidy(read.text(sub["name"]))
    if vocab.placeholder_cost_name(name) or not prose.real_text(name):
        name = ""
    label = name or (vocab.camel_words(types[0]) if types else "Cost")
    if renewal and not re.search(r"renew|recert|maint", label, re.I):
        label += " (renewal)"
    out: Record = {"label": label}
    notes = _amounts(sub, entry_currency, out)
    audience = _audience(ld.concepts(sub["audienceType"], read), notes)
    if audience:
        out["audience"] = audience
    count = ld.number(sub["certfind:count"])
    if count is not None and count == int(count) and 1 < count <= MAX_NUMBER:
        out["count"] = int(count)
    every = ld.number(sub["certfind:everyYears"])
    pattern = prose.tidy(read.text(sub["paymentPattern"]))
    if every is None and pattern:
        every = prose.payment_years(pattern)
        if every is None and prose.real_text(pattern):
            notes.append(f"Payment: {pattern}")
    if every is None and renewal:
        every = renewal_years
        if every is None:
            notes.append("Paid at each renewal; the record does not say how often.")
    if every is not None and every == int(every) and 1 <= every <= 100:
        out["every_years"] = int(every)
    description = prose.tidy(read.text(sub["description"]), lines=True)
    if prose.real_text(description) and not prose.same_name(description, label):
        notes.insert(0, prose.sentences(description, 3, 300))
    notes += [t for t in map(prose.tidy, read.texts(sub["condition"])) if prose.real_text(t)]
    if len(types) > 1:
        notes.append(f"The record also gives the cost type {', '.join(map(vocab.camel_words, types[1:]))}.")
    if notes:
        out["note"] = prose.notes(notes)
    source = ld.web_url(sub["costDetails"])
    if source:
        out["source"] = source
    if types:
        out["type"] = types[0]
    sub.done()
    return out


def _amounts(sub: Props, entry_currency: str | None, out: Record) -> list[str]:
    """The price (or certfind's range) into `out` when its currency is the entry's; else a note."""
    raw_currency = prose.tidy(ld.literal(sub["currency"]))
    code = vocab.currency_code(raw_currency)
    price = ld.number(sub["price"])
    low, high = ld.number(sub["certfind:minPrice"]), ld.number(sub["certfind:maxPrice"])
    amounts: Record = {}
    if price is not None:
        amounts["amount"] = price
    elif low is not None and high is not None and low <= high:
        amounts["min"], amounts["max"] = low, high
    if not amounts:
        raw = ld.literal(sub["price"])
        if isinstance(raw, str) and raw.strip():
            return [f"The record gives the price {prose.tidy(raw)[:40]!r}, which is not a number certfind can read."]
        return []
    given = " to ".join(_shown(v) for v in amounts.values())
    if any(v < 0 or v > MAX_NUMBER for v in amounts.values()):
        return [f"The record gives {given}, which is not a usable amount."]
    if any(round(v, 2) != v for v in amounts.values()):
        return [f"The record gives {given}, which is not a whole number of cents."]
    if code is None and raw_currency:
        return [f"The record gives {given} in {raw_currency!r}, a currency certfind does not know."]
    if code is None:
        return [f"The record gives {given} without a currency."]
    if code != entry_currency:
        return [f"The record gives {code} {given}; this entry's fees are in {entry_currency}."]
    out.update({k: vocab.plain_number(v) for k, v in amounts.items()})
    return []


def _shown(value: float) -> str:
    """A number as a note says it: `12.5`, `1e+308` (never hundreds of digits)."""
    return f"{vocab.plain_number(value)}" if abs(value) < 1e12 else f"{value:g}"


def _audience(given: list[tuple[str, str]], notes: list[str]) -> str:
    found = set()
    others = []
    for term, label in given:
        key = re.sub(r"[^a-z]", "", (vocab.local_name(term) if term else label).lower())
        if key == "member":
            found.add("member")
        elif key == "nonmember":
            found.add("non-member")
        elif key:
            others.append(label or vocab.camel_words(vocab.local_name(term)))
    if others:
        notes.append(f"For: {', '.join(dict.fromkeys(others))}.")
    return found.pop() if len(found) == 1 else ""
