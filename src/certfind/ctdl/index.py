"""The index of one import: the named nodes of every file read, so that a record's references (its owner,
the assessments and courses its conditions name) are named wherever the import found them."""

from __future__ import annotations

from typing import Any, NamedTuple

from certfind.ctdl import jsonld as ld
from certfind.ctdl import vocab
from certfind.ctdl.jsonld import Props


class Summary(NamedTuple):
    """What the index keeps of a node others point at."""

    name: str
    page: str


class Index:
    """Named nodes of every file of an import, by @id (blank nodes within their file) and by CTID."""

    def __init__(self) -> None:
        self.found: dict[str, Summary] = {}
        self._anonymous = 0

    @staticmethod
    def key(ref: str, scope: int) -> str:
        return f"_:{scope}:{ref[2:]}" if ref.startswith("_:") else ref

    def add(self, node: dict[str, Any], scope: int) -> str:
        """Index a node and the nodes embedded in it; returns the node's key."""
        ident = node.get("@id")
        if isinstance(ident, str):
            key = self.key(ident, scope)
        else:
            self._anonymous += 1
            key = f"_:{scope}:embedded-{self._anonymous}"
        props = Props(node, "", set())
        names = ld.strings([*props["name"], *props["schema:name"]])
        language = ld.preferred([t.language for t in names], [])
        name = next((t.text.strip() for t in names if t.language == language), "")
        if name:
            summary = Summary(name, ld.web_url(props["subjectWebpage"]))
            self.found.setdefault(key, summary)
            given = ld.literal(props["ctid"])
            ctid = vocab.normal_ctid(given) if isinstance(given, str) else ""
            for other in (ctid, *vocab.CTID.findall(key)):
                if other:
                    self.found.setdefault(other.lower(), summary)
        for value in node.values():
            for item in value if isinstance(value, list) else ():
                if isinstance(item, dict) and "@value" not in item and len(item) > 1:
                    self.add(item, scope)
        return key

    def get(self, key: str) -> Summary | None:
        found = self.found.get(key)
        if found is None:
            ctid = vocab.CTID.search(key)
            found = self.found.get(ctid.group().lower()) if ctid else None
        return found
