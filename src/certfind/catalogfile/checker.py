"""The checks of single values in a catalog file: text, numbers, dates, links, codes and choices, each
turning a located node into a plain value or a located `Problem`. Pure: reads no files.

`schema` composes these into the catalog format's entries.
"""

from __future__ import annotations

import difflib
import ipaddress
import math
import re
import unicodedata
from collections.abc import Callable
from datetime import date
from urllib.parse import urlsplit

from certfind import occupations, places
from certfind.catalogfile.yamlread import Node
from certfind.errors import Problem
from certfind.model import (
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
PRICED_RE = re.compile(
    r"\s*(?:[A-Z]{0,3}[$€£¥]|[A-Z]{3}\s)\s*(\d+(?:\.\d{1,2})?)\s*\Z|\s*(\d+(?:\.\d{1,2})?)\s*[A-Z]{3}\s*\Z"
)
"""An amount written with its currency (`$25`, `C$ 40`, `25 USD`): the number, in one of two groups."""

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
        scripts = _scripts(host)
        if len(scripts) > 1:
            return f" (its host mixes {' and '.join(sorted(scripts))} letters, as look-alike sites do)"
    return None if WEB_URL.match(value) else ""


def _scripts(host: str) -> set[str]:
    """The alphabets of a host's letters (LATIN, CYRILLIC, GREEK ...); an ASCII host is all Latin."""
    if host.isascii():
        return {"Latin"}
    return {unicodedata.name(c, "UNKNOWN").split()[0].title() for c in host if c.isalpha()}


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
        priced = PRICED_RE.match(node.value) if node.kind == "scalar" and isinstance(node.value, str) else None
        if priced:
            number = priced.group(1) or priced.group(2)
            return self.fail(
                node, where, f"expected a number, found text; write {number} (the currency goes in `currency`)"
            )
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
                # (the test of `text`'s first line, written out here rather than called: this is the hot path)
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
                        near = difflib.get_close_matches(name, fields, n=1, cutoff=0.8)
                        meant = f"; did you mean {near[0]!r}?" if near else ""
                        self.fail(key, where_field, f"unknown field{meant} (expected one of: {', '.join(fields)})")
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
