"""Catalog format v1: checks a located YAML tree and turns it into records, reporting every problem.

Pure: takes nodes from `yamlread`, returns records and `Problem`s; reads no files.
"""

from __future__ import annotations

import ipaddress
import math
import re
from collections.abc import Callable
from datetime import date
from functools import partial
from typing import NamedTuple
from urllib.parse import urlsplit

from certfind import occupations, places
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
from certfind.text import visible

SCHEMA_VERSION = 1
ID_RE = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*\Z")
WEB_URL = re.compile(r"https?://[^\s/\x00-\x1f\x7f-\x9f]+\.[^\s\x00-\x1f\x7f-\x9f]+\Z", re.IGNORECASE)
FILE_URL = re.compile(r"file:/[^\s]*\Z")
DATE_RE = re.compile(r"\d{4}-\d{2}-\d{2}\Z")
PAGE_DATE_RE = re.compile(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?\Z")
CTID_RE = re.compile(r"ce-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\Z")
URI_RE = re.compile(r"[a-z][a-z0-9+.-]*:[^\s]+\Z", re.IGNORECASE)
LANGUAGE_RE = re.compile(r"[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*\Z")
MONTH_DAY_RE = re.compile(r"(\d{2})-(\d{2})\Z")
CURRENCY_RE = re.compile(r"[A-Z]{3}\Z")

_MISSING = object()
MAX_NUMBER = 1_000_000_000
"""No fee, count, period or duration in a catalog is larger; bigger numbers are typos or attacks."""
MAX_TEXT = 100_000
"""Characters in one text value at most: a summary or a note, not a book."""
MAX_PROBLEMS = 100
"""Problems kept per file; past this they are only counted (a file of a million empty entries)."""


def web_url_problem(value: str) -> str | None:
    """None when `value` is a web page's address; else what is wrong with it, as a clause (may be empty).
    The host must be a domain name: no user name before `@` (which hides where a link leads), no IP
    address and no `localhost` (no credential's page lives on this computer or at a bare address)."""
    try:
        parts = urlsplit(value)
        host = parts.hostname or ""
    except ValueError:
        return ""
    if parts.scheme.lower() in ("http", "https"):
        if "@" in parts.netloc:
            return " (a user name before @ hides where the link leads)"
        if host == "localhost" or host.endswith(".localhost") or _is_ip_address(host):
            return " (a page on this computer or at a bare IP address)"
    return None if WEB_URL.match(value) else ""


def is_web_url(value: str) -> bool:
    return web_url_problem(value) is None


def _is_ip_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


class Checker:
    """Collects problems for one file while converting nodes to plain values."""

    def __init__(self, path: str, today: date | None = None) -> None:
        self.path = path
        self.today = today or date.today()
        self.problems: list[Problem] = []
        self.more = 0  # problems past MAX_PROBLEMS, counted only

    @property
    def count(self) -> int:
        return len(self.problems) + self.more

    def fail(self, node: Node, where: str, message: str) -> object:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(Problem(self.path, node.line, node.col, f"{where}: {message}" if where else message))
        else:
            self.more += 1
        return _MISSING

    # --- scalar kinds --------------------------------------------------------------------------
    def text(self, node: Node, where: str) -> object:
        value = node.value
        if type(value) is str and len(value) > MAX_TEXT:
            return self.fail(node, where, f"is {len(value):,} characters long; at most {MAX_TEXT:,}")
        if type(value) is str and value.isascii() and value.strip():  # most text, and has nothing to hide
            return value
        if node.kind != "scalar" or not isinstance(node.value, str):
            hint = "; put it in quotes" if node.kind == "scalar" and node.value is not None else ""
            return self.fail(node, where, f"expected text, found {node.type_name()}{hint}")
        if not visible(node.value).strip():
            what = "only invisible characters" if node.value.strip() else "empty"
            return self.fail(node, where, f"must not be empty (found {what})")
        return node.value

    def boolean(self, node: Node, where: str) -> object:
        if node.kind != "scalar" or not isinstance(node.value, bool):
            return self.fail(node, where, f"expected true or false, found {node.type_name()}")
        return node.value

    def text_or_number(self, node: Node, where: str) -> object:
        if node.kind == "scalar" and isinstance(node.value, (int, float)) and not isinstance(node.value, bool):
            return str(node.value)
        return self.text(node, where)

    def number(self, node: Node, where: str, *, whole: bool = False, minimum: float = 0) -> object:
        value = node.value
        if node.kind != "scalar" or isinstance(value, bool) or not isinstance(value, (int, float)):
            return self.fail(node, where, f"expected a {'whole ' if whole else ''}number, found {node.type_name()}")
        if isinstance(value, float) and not math.isfinite(value):
            return self.fail(node, where, f"must be a finite number, found {value}")
        if abs(value) > MAX_NUMBER:
            return self.fail(node, where, f"is too large (at most {MAX_NUMBER:,})")
        if whole and not isinstance(value, int):
            return self.fail(node, where, f"expected a whole number, found {value}")
        if value < minimum:
            qualifier = "negative" if minimum == 0 else f"less than {minimum:g}"
            return self.fail(node, where, f"must not be {qualifier} (found {value})")
        return value

    def money(self, node: Node, where: str) -> object:
        value = self.number(node, where)
        if value is not _MISSING and isinstance(value, float) and round(value, 2) != value:
            return self.fail(node, where, f"at most two decimal places (whole cents), found {value!r}")
        return value

    def date(self, node: Node, where: str) -> object:
        value = self.text(node, where)
        if value is _MISSING:
            return value
        assert isinstance(value, str)
        try:
            if not DATE_RE.match(value):
                raise ValueError
            day = date.fromisoformat(value)
        except ValueError:
            return self.fail(node, where, f"expected a date as YYYY-MM-DD, found {value!r}")
        if day > self.today:
            return self.fail(node, where, f"{value} is in the future (today is {self.today.isoformat()})")
        return value

    def page_date(self, node: Node, where: str) -> object:
        """The date a page shows: YYYY, YYYY-MM, YYYY-MM-DD, or `undated`; never in the future."""
        value = node.value
        if node.kind == "scalar" and type(value) is int and 1000 <= value <= 9999:  # a bare year
            value = str(value)
        else:
            value = self.text(node, where)
            if value is _MISSING:
                return value
        assert isinstance(value, str)
        if value == "undated":
            return value
        found = PAGE_DATE_RE.match(value)
        try:
            if found is None:
                raise ValueError
            year, month, day = (int(part) if part else 1 for part in found.groups())
            earliest = date(year, month, day)
        except ValueError:
            expected = "expected the page's date as YYYY, YYYY-MM or YYYY-MM-DD, or 'undated'"
            return self.fail(node, where, f"{expected}; found {value!r}")
        if earliest > self.today:
            return self.fail(node, where, f"{value} is in the future (today is {self.today.isoformat()})")
        return value

    def month_day(self, node: Node, where: str) -> object:
        """A day of the year as MM-DD (`06-30`), for renewals that fall on a calendar date."""
        value = self.text(node, where)
        if not isinstance(value, str):
            return value
        found = MONTH_DAY_RE.match(value)
        try:
            if found is None:
                raise ValueError
            date(2000, int(found[1]), int(found[2]))  # a leap year: 02-29 is a day of the year
        except ValueError:
            return self.fail(node, where, f"expected a day of the year as MM-DD (such as 06-30), found {value!r}")
        return value

    def url(self, node: Node, where: str, *, local: bool = False) -> object:
        value = self.text(node, where)
        if not isinstance(value, str) or (local and FILE_URL.match(value)):
            return value
        wrong = web_url_problem(value)
        if wrong is None:
            return value
        kinds = "an http(s) or file: URL" if local else "an http(s) URL"
        return self.fail(node, where, f"expected {kinds}, found {value!r}{wrong}")

    def region(self, node: Node, where: str) -> object:
        value = self.text(node, where)
        if not isinstance(value, str) or places.is_code(value):
            return value
        meant = places.parse(value)
        hint = f"; write {' or '.join(meant)}" if meant else " such as US, US-TX, CA-ON, GB, AU or NZ"
        return self.fail(node, where, f"{value!r} is not an ISO 3166 code{hint}")

    def occupation(self, node: Node, where: str) -> object:
        value = self.text(node, where)
        if isinstance(value, str) and not occupations.CODE.match(value):
            return self.fail(node, where, f"expected a SOC code such as 25-4031, found {value!r}")
        return value

    def pattern(self, expected: str, regex: re.Pattern[str]) -> Callable[[Node, str], object]:
        """Text that must match `regex`, described as `expected` when it does not."""

        def check(node: Node, where: str) -> object:
            value = self.text(node, where)
            if isinstance(value, str) and not regex.match(value):
                return self.fail(node, where, f"expected {expected}, found {value!r}")
            return value

        return check

    def ident(self, node: Node, where: str) -> object:
        value = self.text(node, where)
        if isinstance(value, str) and not ID_RE.match(value):
            return self.fail(
                node, where, f"{value!r} is not a valid id (lowercase letters, digits and single '-' between them)"
            )
        return value

    def choice(self, options: tuple[str, ...]) -> Callable[[Node, str], object]:
        own = {option: option for option in options}  # see `mapping`: one string object for every record

        def check(node: Node, where: str) -> object:
            value = self.text(node, where)
            if isinstance(value, str):
                option = own.get(value)
                if option is None:
                    return self.fail(node, where, f"must be one of {', '.join(options)}; found {value!r}")
                return option
            return value

        return check

    def currency(self, node: Node, where: str) -> object:
        value = self.text(node, where)
        if isinstance(value, str) and not CURRENCY_RE.match(value):
            return self.fail(node, where, f"expected a three-letter currency code such as USD, found {value!r}")
        return value

    # --- containers ----------------------------------------------------------------------------
    def list_of(self, item: Callable[[Node, str], object], *, at_least: int = 0) -> Callable[[Node, str], object]:
        plain = item == self.text

        def check(node: Node, where: str) -> object:
            if node.kind != "seq":
                return self.fail(node, where, f"expected a list, found {node.type_name()}")
            if len(node.items) < at_least:
                return self.fail(node, where, f"needs at least {at_least} item{'s' if at_least > 1 else ''}")
            if plain:  # a list of text: most are plain ASCII words, which `text` would return as they are
                # (the test of `text`'s first line, written out: as a shared function it costs 2% of parsing)
                texts = [child.value for child in node.items]
                if all(type(v) is str and v.isascii() and v.strip() for v in texts):
                    return texts
            values = [item(child, f"{where}[{i}]") for i, child in enumerate(node.items)]
            return [v for v in values if v is not _MISSING]

        return check

    def one_or_many(self, item: Callable[[Node, str], object]) -> Callable[[Node, str], object]:
        """A single value or a list of them (`region: US` or `region: [US-TX, US-OK]`)."""
        many = self.list_of(item)

        def check(node: Node, where: str) -> object:
            if node.kind == "seq":
                return many(node, where)
            value = item(node, where)
            return value if value is _MISSING else [value]

        return check

    def mapping(
        self, fields: dict[str, Callable[[Node, str], object]], required: tuple[str, ...] = ()
    ) -> Callable[[Node, str], object]:
        # Each field under the schema's own name: all records then share one string object per key, so the
        # store's builder reads them faster (marshal sends an object once per frame; a dict finds a key by
        # identity first).
        own = {name: (name, field) for name, field in fields.items()}
        needed = frozenset(required)

        def check(node: Node, where: str) -> object:
            if node.kind != "map":
                return self.fail(node, where, f"expected a mapping, found {node.type_name()}")
            out: Record = {}
            for key, value in node.pairs:
                spec = own.get(key.value)
                if spec is None or spec[0] in out or (value.value is None and value.kind == "scalar"):
                    name = key.value
                    if not isinstance(name, str):
                        self.fail(key, where, f"a field name must be text, found {key.type_name()}")
                    elif spec is None:
                        where_field = f"{where}.{name}" if where else name
                        self.fail(key, where_field, f"unknown field (expected one of: {', '.join(fields)})")
                    # else a repeated key (reported by the reader), or an empty value: as if left out
                    continue
                name, field = spec
                converted = field(value, f"{where}.{name}" if where else name)
                if converted is not _MISSING:
                    out[name] = converted
            if required and not out.keys() >= needed:  # else: all present
                present = {k.value for k, v in node.pairs if not (v.kind == "scalar" and v.value is None)}
                for name in required:
                    if name not in present:
                        self.fail(node, where, f"missing required field {name!r}")
            return out

        return check


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
