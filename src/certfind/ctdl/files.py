"""Reading CTDL files: the JSON of one file, and the shapes the Credential Registry wraps records in.

`items` walks a parsed document and hands over, one at a time, the JSON-LD documents it holds: a
single resource, an `@graph` document (a large graph in chunks), the record inside a registry envelope
(`decoded_resource`, or the payload of its signed `resource`), a list of any of these, or a saved search
API response (`{"data": [...], "description_set_resources": [...]}`, whose second list is read only
to name what the records point at). What it has handed over it lets go of, so a large dump is held
once, as parsed JSON, and never again in expanded form.

Pure apart from reading the file (with `certfind.reading`); standard library only.
"""

from __future__ import annotations

import base64
import json
import re
from collections.abc import Iterator
from typing import Any, NamedTuple

from certfind import reading
from certfind.errors import CatalogError, Problem
from certfind.model import Record

GRAPH_CHUNK = 500
"""Nodes of a large `@graph` expanded at a time."""
MAX_DEPTH = 8


class Imported(NamedTuple):
    """What an import found: the records; each unmapped property with the number of records that had
    it; and warnings (a file with no credential, text left out in other languages, records merged)."""

    records: list[Record]
    unmapped: dict[str, int]
    warnings: list[str]


class Item(NamedTuple):
    """One JSON-LD document to expand, and what it is to the import."""

    document: Any
    graph: int  # the chunks of one @graph share this number
    imports: bool  # False: read only to name what records point at (a search response's related resources)
    dated: str  # the record's last update as its envelope gives it (YYYY-MM-DD), or ""


def read_document(path: str) -> Any:
    """The JSON value of one file (UTF-8, a BOM allowed); every failure is a located CatalogError."""

    def fail(message: str, line: int = 0, col: int = 0) -> CatalogError:
        return CatalogError([Problem(path, line, col, message)])

    text = reading.read_text(path, "CTDL")
    if not text.strip():
        raise fail("the file is empty; expected CTDL JSON-LD")
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        raise fail(f"invalid JSON: {exc.msg}", exc.lineno, exc.colno) from None
    except RecursionError:
        raise fail("invalid JSON: nested too deeply") from None
    except ValueError as exc:  # e.g. an integer with more digits than Python converts
        raise fail(f"invalid JSON: {exc}") from None


class _Walk:
    def __init__(self) -> None:
        self.graphs = 0

    def items(self, value: Any, depth: int, imports: bool, dated: str, graph: int = 0) -> Iterator[Item]:
        """`graph`: the number of the list this value is a node of (a list of nodes is one graph)."""
        if depth > MAX_DEPTH:
            return
        if isinstance(value, list):
            self.graphs += 1
            shared = self.graphs
            for i, item in enumerate(value):
                value[i] = None  # handed over: the list no longer holds it
                yield from self.items(item, depth + 1, imports, dated, shared)
        elif not isinstance(value, dict):
            return
        elif "decoded_resource" in value or "envelope_type" in value or "resource_encoding" in value:
            inner = value.pop("decoded_resource", None)
            if inner is None:
                inner = _jwt_payload(value.get("resource"))
            yield from self.items(inner, depth + 1, imports, _updated(value) or dated)
        elif isinstance(value.get("data"), list) and not any(key.startswith("@") for key in value):
            data, related = value.pop("data"), value.pop("description_set_resources", None)
            yield from self.items(data, depth + 1, imports, dated)
            yield from self.items(related, depth + 1, False, dated)
        elif isinstance(value.get("@graph"), list):
            self.graphs += 1
            nodes = value["@graph"]
            context = {"@context": value["@context"]} if "@context" in value else {}
            for start in range(0, len(nodes), GRAPH_CHUNK):
                chunk = nodes[start : start + GRAPH_CHUNK]
                nodes[start : start + GRAPH_CHUNK] = [None] * len(chunk)
                yield Item({**context, "@graph": chunk}, self.graphs, imports, dated)
        else:
            if not graph:
                self.graphs += 1
            yield Item(value, graph or self.graphs, imports, dated)


def items(document: Any) -> Iterator[Item]:
    """The JSON-LD documents a parsed file holds, in order (see the module's description)."""
    yield from _Walk().items(document, 0, True, "")


def _jwt_payload(token: Any) -> Any:
    """An envelope without `decoded_resource` still carries the record as a signed JWT's payload."""
    if not isinstance(token, str) or token.count(".") != 2:
        return None
    payload = token.split(".")[1]
    try:
        text = base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)).decode("utf-8-sig")
        return json.loads(text)
    except (ValueError, RecursionError):
        return None


def _updated(envelope: dict[str, Any]) -> str:
    """The day an envelope's record was last updated (`node_headers.updated_at`), as YYYY-MM-DD."""
    headers = envelope.get("node_headers")
    stamp = headers.get("updated_at") if isinstance(headers, dict) else None
    found = re.match(r"(\d{4}-\d{2}-\d{2})", stamp) if isinstance(stamp, str) else None
    return found.group(1) if found else ""
