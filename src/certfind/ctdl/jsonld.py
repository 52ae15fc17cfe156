"""JSON-LD for the import: expansion with pyld against the bundled CTDL context, and readers of the
expanded form.

Every document is expanded before anything in it is read, so a compact record (`ceterms:name`), its
expanded form (`https://purl.org/ctdl/terms/name`) and a `@vocab` form read the same. pyld's document
loader here serves only the CTDL context bundled with certfind (context.json beside this file; see
CONTEXT.md) and refuses every other URL: nothing is ever fetched. A document without `@context` is read
under CTDL's context, with certfind's own prefix.

Only the import path imports this module (it imports pyld).
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Callable
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from pyld import jsonld

from certfind.catalogfile.checker import is_web_url
from certfind.ctdl.vocab import CERTFIND_NS, CTDL_CONTEXT, OLD_TERMS, TERMS, language_tag

CONTEXT_FILE = Path(__file__).resolve().parent / "context.json"
CONTEXT_URLS = frozenset({CTDL_CONTEXT, "http://credreg.net/ctdl/schema/context/json"})
"""The addresses of CTDL's context that records name; the loader serves the bundled copy for them."""
DEFAULT_CONTEXT = [CTDL_CONTEXT, {"certfind": CERTFIND_NS}]
SCHEMA = ("https://schema.org/", "http://schema.org/")

Loader = Callable[[str, Any], dict[str, Any]]


class NotJsonLd(Exception):
    """A document pyld cannot expand, or one whose context names a URL other than CTDL's."""


@cache
def _context_text() -> str:
    return CONTEXT_FILE.read_text(encoding="utf-8")


def is_ctdl_context(url: str) -> bool:
    return url.strip().rstrip("/") in CONTEXT_URLS


def document_loader(refused: list[str] | None = None) -> Loader:
    """pyld's document loader: CTDL's context from the bundled copy; every other URL refused (and noted in
    `refused`), so that nothing is fetched."""

    def load(url: str, options: Any = None) -> dict[str, Any]:
        del options  # pyld's signature
        if is_ctdl_context(url):
            # "static": pyld keeps the processed context for the rest of the process
            return {"contextUrl": None, "documentUrl": url, "document": json.loads(_context_text()), "tag": "static"}
        if refused is not None:
            refused.append(url)
        raise jsonld.JsonLdError(
            f"certfind fetches nothing and reads CTDL's context only; refused {url}",
            "jsonld.LoadDocumentError",
            {"url": url},
            code="loading document failed",
        )

    return load


def expand(document: Any) -> tuple[list[dict[str, Any]], list[str]]:
    """The expanded nodes of a JSON-LD document (a graph's nodes unwrapped), and the keys expansion left
    out because they are no JSON-LD term. Raises NotJsonLd with the reason."""
    refused: list[str] = []
    dropped: list[str] = []
    options = {"documentLoader": document_loader(refused), "expandContext": DEFAULT_CONTEXT}
    try:
        expanded = jsonld.expand(document, options, on_property_dropped=lambda key: dropped.append(str(key)))
    except jsonld.JsonLdError as exc:
        if refused:
            raise NotJsonLd(f"its @context names {refused[0]}; certfind reads CTDL's own context only") from None
        raise NotJsonLd(f"not valid JSON-LD: {exc.args[0] if exc.args else exc.code}") from None
    except (TypeError, ValueError, KeyError, AttributeError, IndexError, RecursionError) as exc:
        raise NotJsonLd(f"not valid JSON-LD ({type(exc).__name__})") from None
    found: list[dict[str, Any]] = []
    for node in expanded:
        if not isinstance(node, dict):
            continue
        graph = node.get("@graph")
        if isinstance(graph, list):
            found.extend(n for n in graph if isinstance(n, dict))
        else:
            found.append(node)
    return found, list(dict.fromkeys(dropped))


# --- names of terms -----------------------------------------------------------------------------------


def iris(term: str) -> tuple[str, ...]:
    """The expanded IRIs a term may have: `name` is CTDL's (as written today or in 2016),
    `certfind:x` certfind's, `schema:x` schema.org's."""
    prefix, _, local = term.rpartition(":")
    if prefix == "certfind":
        return (CERTFIND_NS + local, term)
    if prefix == "schema":
        return tuple(base + local for base in SCHEMA)
    return (TERMS + term, OLD_TERMS + term)


@cache
def _prefixes() -> list[tuple[str, str]]:
    context = json.loads(_context_text())["@context"]
    found = [(iri, name) for name, iri in context.items() if isinstance(iri, str) and iri.endswith(("/", "#"))]
    found += [(OLD_TERMS, "ceterms"), (CERTFIND_NS, "certfind")]
    return sorted(found, key=lambda pair: -len(pair[0]))


def compact(iri: str) -> str:
    """An IRI as people read it in CTDL: `https://purl.org/ctdl/terms/naics` -> `ceterms:naics`."""
    for base, name in _prefixes():
        if iri.startswith(base) and len(iri) > len(base):
            return f"{name}:{iri[len(base) :]}"
    return iri


def types(node: dict[str, Any]) -> list[str]:
    """A node's classes, as local names of CTDL's terms (other vocabularies' classes compacted)."""
    found = []
    for iri in node.get("@type") or ():
        if isinstance(iri, str):
            found.append(iri[len(TERMS) :] if iri.startswith(TERMS) else iri.removeprefix(OLD_TERMS))
    return found


# --- values ---------------------------------------------------------------------------------------------


def flat(values: list[Any]) -> list[Any]:
    """Values with `@list` and `@set` objects opened."""
    out = []
    for value in values:
        if isinstance(value, dict) and ("@list" in value or "@set" in value):
            out.extend(flat(value.get("@list") or value.get("@set") or []))
        else:
            out.append(value)
    return out


class Text(NamedTuple):
    text: str
    language: str  # as tagged ("" when not)


def strings(values: list[Any]) -> list[Text]:
    """The literal values, as text with their language (numbers as their text)."""
    out = []
    for value in flat(values):
        if isinstance(value, dict) and "@value" in value:
            literal = value["@value"]
            if isinstance(literal, (str, int, float)) and not isinstance(literal, bool):
                out.append(Text(str(literal), language_tag(value.get("@language") or "")))
    return out


def literal(values: list[Any]) -> Any:
    """The first literal value as given (a number stays a number); None when there is none."""
    return next((v["@value"] for v in flat(values) if isinstance(v, dict) and "@value" in v), None)


def references(values: list[Any]) -> list[str | dict[str, Any]]:
    """What a property points at: the @id of a reference, or an embedded node (a dict)."""
    out: list[str | dict[str, Any]] = []
    for value in flat(values):
        if not isinstance(value, dict) or "@value" in value:
            continue
        ident = value.get("@id")
        if len(value) == 1 and isinstance(ident, str):
            out.append(ident)
        else:
            out.append(value)
    return out


def link(values: list[Any]) -> str:
    """The first IRI given, as a reference or as text."""
    for value in references(values):
        if isinstance(value, str):
            return value
    return next((t.text.strip() for t in strings(values)), "")


_NUMERIC = re.compile(r"[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?\Z")
"""Numeric text: digits with a decimal point, commas only as thousands separators (`1,234.50`). A
decimal comma (`1,50`, `1.234,56`) is not read as a number: which one it means is a guess."""


def number(values: list[Any]) -> float | None:
    """The first literal as a finite number (a JSON number or numeric text); None otherwise."""
    value = literal(values)
    if isinstance(value, str):
        if not _NUMERIC.match(value.strip()):
            return None
        value = float(value.strip().replace(",", ""))
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    try:
        found = float(value)
    except OverflowError:  # an integer too large for a float
        return None
    return found if math.isfinite(found) else None


def web_url(values: list[Any]) -> str:
    """The first IRI given, when it is a web address; "" otherwise."""
    found = link(values)
    return found if is_web_url(found) else ""


def nodes(values: list[Any]) -> list[dict[str, Any]]:
    """The embedded nodes among the values."""
    return [v for v in references(values) if isinstance(v, dict)]


class Props:
    """An expanded node's properties by term, remembering which were read, so that the rest can be reported
    as not mapped (under `path`)."""

    def __init__(self, node: dict[str, Any], path: str, unmapped: set[str]) -> None:
        self.node, self.path, self.unmapped = node, path, unmapped
        self.used: set[str] = set()

    def __getitem__(self, term: str) -> list[Any]:
        found: list[Any] = []
        for iri in iris(term):
            if iri in self.node:
                self.used.add(iri)
                value = self.node[iri]
                found.extend(value if isinstance(value, list) else [value])
        return found

    def peek(self, term: str) -> list[Any]:
        """A property's values, not counted as read."""
        return [v for iri in iris(term) for v in (self.node.get(iri) or ())]

    def sub(self, node: dict[str, Any], term: str) -> Props:
        return Props(node, f"{self.path}{compact(iris(term)[0])}/", self.unmapped)

    def done(self) -> None:
        for key, value in self.node.items():
            if key not in self.used and not key.startswith("@") and value not in (None, "", [], {}):
                self.unmapped.add(self.path + compact(key))


_PREFERRED = ("en-US", "en")


def preferred(languages: list[str], declared: list[str]) -> str:
    """The language to read a record in: US English, English, any English, one the record declares
    (`inLanguage`), else the first given; "" for untagged text."""
    tagged = [lang for lang in dict.fromkeys(languages) if lang]
    if not tagged:
        return ""
    for wanted in _PREFERRED:
        if wanted in tagged:
            return wanted
    for lang in tagged:
        if lang.startswith("en-"):
            return lang
    return next((lang for lang in declared if lang in tagged), tagged[0])


class Reader:
    """Reads a record's texts in one language; the languages it leaves out are kept in `dropped`."""

    def __init__(self, language: str) -> None:
        self.language = language
        self.dropped: set[str] = set()

    def texts(self, values: list[Any]) -> list[str]:
        found = strings(values)
        if not found:
            return []
        languages = {t.language for t in found}
        chosen = self.language if self.language in languages else ("" if "" in languages else None)
        if chosen is None:
            chosen = preferred(sorted(languages), [])
        self.dropped |= languages - {chosen, ""}
        return [t.text for t in found if t.language == chosen]

    def text(self, values: list[Any]) -> str:
        return next(iter(self.texts(values)), "")


def concepts(values: list[Any], read: Reader) -> list[tuple[str, str]]:
    """(term, label) of each concept given: an alignment's targetNode and targetNodeName, or a bare IRI."""
    found = []
    for item in references(values):
        if isinstance(item, str):
            found.append((item, ""))
        else:
            alignment = Props(item, "", set())
            found.append((link(alignment["targetNode"]), read.text(alignment["targetNodeName"]).strip()))
    return found
