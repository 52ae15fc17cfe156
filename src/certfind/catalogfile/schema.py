"""Catalog format v1: checks a located YAML tree and turns it into records, reporting every problem.

Pure: takes nodes from `yamlread`, checks each value with `checker`, and returns records and `Problem`s;
reads no files.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial
from typing import NamedTuple

from certfind.catalogfile.checker import (
    CTID_RE,
    ID_RE,
    LANGUAGE_RE,
    SCHEMA_VERSION,
    URI_RE,
    Checker,
)
from certfind.catalogfile.yamlread import Node
from certfind.errors import Problem
from certfind.model import (
    AUDIENCES,
    COST_TYPES,
    CTDL_TYPES,
    EDUCATION,
    KINDS,
    QUALIFICATIONS,
    STATUSES,
    VERIFICATIONS,
    YEAR_PARITIES,
    Record,
)


def _fee(ck: Checker) -> Callable[[Node, str], object]:
    base = ck.mapping(
        {
            "label": ck.text,
            "amount": ck.money,
            "min": ck.money,
            "max": ck.money,
            "audience": ck.choice(AUDIENCES),
            "count": partial(ck.number, whole=True, minimum=1),
            "every_years": partial(ck.number, whole=True, minimum=1),
            "note": ck.text,
            "source": ck.url,
            "type": ck.choice(COST_TYPES),
            "optional": ck.boolean,
            "applies_to": ck.text,
            "membership": ck.boolean,
        },
        required=("label",),
    )

    def check(node: Node, where: str) -> object:
        fee = base(node, where)
        if not isinstance(fee, dict):
            return fee
        keys = {k.value: k for k, _ in node.pairs}
        if "amount" in keys and ("min" in keys or "max" in keys):
            return ck.fail(keys["amount"], where, "give either amount or min and max, not both")
        if ("min" in fee) != ("max" in fee):  # a key given as null is missing too
            missing = "max" if "min" in fee else "min"
            return ck.fail(node, where, f"a range needs both min and max; {missing!r} is missing")
        if "min" in fee and "max" in fee and fee["min"] > fee["max"]:
            return ck.fail(keys["min"], where, f"min ({fee['min']}) is greater than max ({fee['max']})")
        return fee

    return check


def _range_check(ck: Checker, inner: Callable[[Node, str], object], lo: str, hi: str) -> Callable[[Node, str], object]:
    def check(node: Node, where: str) -> object:
        value = inner(node, where)
        if isinstance(value, dict) and lo in value and hi in value and value[lo] > value[hi]:
            return ck.fail(node, where, f"{lo} ({value[lo]}) is greater than {hi} ({value[hi]})")
        return value

    return check


def _source(ck: Checker) -> Callable[[Node, str], object]:
    """A source: {title, url, accessed}, or a plain note (a user's own file may say where they heard)."""
    full = ck.mapping(
        {
            "title": ck.text,
            "url": partial(ck.url, local=True),
            "accessed": ck.date,
            "dated": ck.page_date,
            "issuer": ck.boolean,
        },
        required=("title",),
    )

    def check(node: Node, where: str) -> object:
        return ck.text(node, where) if node.kind == "scalar" else full(node, where)

    return check


def _routes(ck: Checker) -> Callable[[Node, str], object]:
    """Structured requirements: one route, or a list of routes of which any one qualifies."""
    route = ck.mapping(
        {
            "education": ck.choice(EDUCATION),
            "library_hours": partial(ck.number, whole=True),
            "experience_years": ck.number,
            "teaching_license": ck.boolean,
            "membership": ck.boolean,
            "holds": ck.one_or_many(ck.ident),
            "qualification": ck.choice(tuple(QUALIFICATIONS)),
            "note": ck.text,
        }
    )
    return ck.one_or_many(route)


def _renewal(ck: Checker) -> Callable[[Node, str], object]:
    """A renewal: every N years, on anniversaries of the day it was earned or on a calendar date."""
    base = ck.mapping(
        {
            "every_years": partial(ck.number, whole=True, minimum=1),
            "requirement": ck.text,
            "note": ck.text,
            "on": ck.month_day,
            "years": ck.choice(YEAR_PARITIES),
            "optional": ck.boolean,
        }
    )

    def check(node: Node, where: str) -> object:
        renewal = base(node, where)
        if not isinstance(renewal, dict):
            return renewal
        keys = {k.value: k for k, _ in node.pairs}
        if "years" in renewal and "on" not in renewal:
            return ck.fail(keys["years"], f"{where}.years", "needs 'on' (the day of the year renewals fall on)")
        if "on" in renewal and "every_years" not in renewal:
            return ck.fail(keys["on"], f"{where}.on", "needs 'every_years' (how often that day falls due)")
        if "years" in renewal and renewal["every_years"] % 2:
            period = renewal["every_years"]
            message = f"{renewal['years']} years only fit a period of 2, 4, ... years; every_years is {period}"
            return ck.fail(keys["years"], f"{where}.years", message)
        return renewal

    return check


def entry_checker(ck: Checker) -> Callable[[Node, str], object]:
    """An entry: REQUIRED, and an issuer (its name, or at least `issuer_id`, the owner's URI)."""
    texts = ck.list_of(ck.text)
    fields = ck.mapping(
        {
            "id": ck.ident,
            "name": ck.text,
            "acronym": ck.text,
            "aliases": texts,
            "issuer": ck.text,
            "issuer_url": ck.url,
            "kind": ck.choice(KINDS),
            "category": ck.ident,
            "region": ck.one_or_many(ck.region),
            "occupations": ck.one_or_many(ck.occupation),
            "summary": ck.text,
            "topics": texts,
            "eligibility": texts,
            "requirements": _routes(ck),
            "exam": ck.mapping(
                {
                    "format": ck.text,
                    "questions": partial(ck.number, whole=True, minimum=1),
                    "passing_score": ck.text_or_number,
                    "minutes": partial(ck.number, whole=True, minimum=1),
                    "delivery": ck.text,
                    "codes": texts,
                }
            ),
            "duration": _range_check(
                ck,
                ck.mapping({"min_months": ck.number, "max_months": ck.number, "note": ck.text, "hours": ck.number}),
                "min_months",
                "max_months",
            ),
            "currency": ck.currency,
            "costs": ck.list_of(_fee(ck)),
            "renewal": _renewal(ck),
            "status": ck.choice(STATUSES),
            "verification": ck.mapping(
                {
                    "status": ck.choice(VERIFICATIONS),
                    "checked": ck.date,
                    "note": ck.text,
                    "claimed": ck.text,
                    "claimed_names": texts,
                    "alternatives": ck.list_of(ck.ident),
                },
            ),
            "sources": ck.list_of(_source(ck)),
            "ctid": ck.pattern("a CTID such as ce-8f8d2c5e-1b9c-4e6e-9f3a-2a4b6c8d0e1f", CTID_RE),
            "issuer_id": ck.pattern("the owner's URI", URI_RE),
            "language": ck.pattern("a language tag such as en or en-US", LANGUAGE_RE),
            "ctdl_type": ck.choice(CTDL_TYPES),
        },
        required=REQUIRED,
    )

    def check(node: Node, where: str) -> object:
        entry = fields(node, where)
        if isinstance(entry, dict) and "issuer" not in entry and "issuer_id" not in entry:
            named = {k.value for k, v in node.pairs if not (v.kind == "scalar" and v.value is None)}
            if "issuer" not in named:  # else the issuer's own problem is reported
                return ck.fail(node, where, "missing required field 'issuer'")
        return entry

    return check


REQUIRED = ("id", "name", "category", "summary")
"""What every entry of any catalog file needs, with an issuer or its URI (`entry_checker`). The bundled catalog
holds itself to more in its data tests."""


class Reference(NamedTuple):
    """An id an entry names (an alternative, a credential a route holds), and where: for checking it exists."""

    where: str  # `verification.alternatives[0]`, `requirements[1].holds[0]`
    ident: str
    line: int
    col: int


class Located(NamedTuple):
    """A valid entry and where its parts are, for the checks that need the whole catalog."""

    record: Record
    line: int  # of its id
    col: int
    references: tuple[Reference, ...]  # the ids it names, which must be entries of the catalog


def references(rec: Record, node: Node) -> tuple[Reference, ...]:
    """Every id a valid entry names, located: its alternatives, and the credentials its routes hold."""
    found: list[Reference] = []
    alternatives = rec.get("verification", {}).get("alternatives")
    if alternatives:
        items = field_node(node, "verification", "alternatives").items
        found += [
            Reference(f"verification.alternatives[{i}]", alt, item.line, item.col)
            for i, (alt, item) in enumerate(zip(alternatives, items, strict=True))
        ]
    routes = rec.get("requirements")
    if routes is not None:
        route_nodes = field_node(node, "requirements")
        many = route_nodes.kind == "seq"
        for r, route in enumerate(routes):  # one route or several, a list either way
            held = route.get("holds")
            if not held:
                continue
            route_node = route_nodes.items[r] if many else route_nodes
            holds_node = field_node(route_node, "holds")
            places = holds_node.items if holds_node.kind == "seq" else [holds_node]
            prefix = f"requirements[{r}]" if many else "requirements"
            found += [
                Reference(f"{prefix}.holds[{i}]", ident, place.line, place.col)
                for i, (ident, place) in enumerate(zip(held, places, strict=True))
            ]
    return tuple(found)


class DocumentChecker:
    """Checks a catalog document entry by entry (as the reader hands them over), then its top level.

    Each valid entry goes to `on_entry` at once and is not kept here, so memory follows one entry.
    """

    def __init__(self, path: str, on_entry: Callable[[Located], None], today: date | None = None) -> None:
        self.path = path
        self.ck = Checker(path, today)
        self._check_entry = entry_checker(self.ck)
        self.on_entry = on_entry

    def entry(self, i: int, node: Node) -> None:
        before = self.ck.count
        id_node = _peek_id(node)
        rec = self._check_entry(node, id_node.value if id_node else f"certifications[{i}]")
        if isinstance(rec, dict) and id_node and self.ck.count == before:  # valid: its id is the one peeked
            named = references(rec, node) if "verification" in rec or "requirements" in rec else ()
            self.on_entry(Located(rec, id_node.line, id_node.col, named))

    def finish(self, root: Node | None) -> list[Problem]:
        """Top-level checks; returns every problem found, entries included."""
        ck, path = self.ck, self.path
        if root is None:
            ck.problems.append(
                Problem(path, 1, 1, "the catalog is empty; expected 'schema_version: 1' and 'certifications:'")
            )
            return ck.problems
        if root.kind != "map":
            ck.fail(root, "", f"expected a mapping with schema_version and certifications, found {root.type_name()}")
            return ck.problems
        fields = {k.value: (k, v) for k, v in root.pairs}
        for key, _ in root.pairs:
            if key.value not in ("schema_version", "certifications"):
                ck.fail(key, str(key.value), "unknown top-level field (expected schema_version and certifications)")
        if "schema_version" not in fields:
            ck.fail(root, "", "missing required field 'schema_version' (this certfind reads version 1)")
        else:
            vnode = fields["schema_version"][1]
            if vnode.value != SCHEMA_VERSION or isinstance(vnode.value, bool):
                ck.fail(vnode, "schema_version", f"unsupported version {vnode.value!r}; this certfind reads version 1")
        if "certifications" not in fields:
            ck.fail(root, "", "missing required field 'certifications'")
        elif fields["certifications"][1].kind != "seq":
            seq = fields["certifications"][1]
            ck.fail(seq, "certifications", f"expected a list of entries, found {seq.type_name()}")
        return ck.problems


def _peek_id(node: Node) -> Node | None:
    """The node of an entry's id, when it is a valid one (the first `id` key's, as the checks take it)."""
    if node.kind != "map":
        return None
    for key, value in node.pairs:
        if key.value == "id" and value.kind == "scalar" and isinstance(value.value, str) and ID_RE.match(value.value):
            return value
    return None


def field_node(node: Node, *path: str) -> Node:
    """The node at a key path inside an entry, or the closest existing ancestor (for locating problems)."""
    current = node
    for name in path:
        if current.kind != "map":
            return current
        for key, value in current.pairs:
            if key.value == name:
                current = value
                break
        else:
            return current
    return current
