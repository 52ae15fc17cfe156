"""`certfind import`: every file of a run read, expanded and indexed, then each credential resolved and
given its id.

One index spans every file of a run and every shape a file may have (see files.py), so an owner named
only by its CTID takes its name from any of them; an owner named nowhere keeps its URI (`issuer_id`).
The same credential given twice (by CTID) is merged, not given a second id. No record takes the id of a
bundled entry: a saved import would replace that entry.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Iterable, Sequence
from datetime import date
from typing import Any

from certfind import paths
from certfind.catalogfile import parse_file
from certfind.catalogfile.checker import ID_RE, URI_RE, is_web_url
from certfind.ctdl import jsonld, vocab
from certfind.ctdl.files import Imported, items, read_document
from certfind.ctdl.index import Index
from certfind.ctdl.reader import Draft, Mapper, Targets
from certfind.ctdl.vocab import NO_OWNER
from certfind.errors import CatalogError, Problem
from certfind.model import ITEM_FIELDS, Record
from certfind.text import clean

_PLURALS = {"learning opportunity": "learning opportunities"}
NO_CREDENTIAL = "no CTDL credential found (expected a credential record, an @graph document or a registry envelope)"


def read_files(paths: Sequence[str], today: date | None = None, *, reserved: Collection[str] | None = None) -> Imported:
    """Import every credential of every file. Raises CatalogError for a file that cannot be read or is not
    JSON, and when no file holds a credential. `reserved`: ids no record may take (by default the bundled
    catalog's)."""
    run = Run(today or date.today(), bundled_ids() if reserved is None else reserved)
    for path in paths:
        try:
            run.read(path, read_document(path))
        except RecursionError:  # JSON deep enough to parse but not to walk
            raise CatalogError([Problem(path, 0, 0, "invalid JSON: nested too deeply")]) from None
    return run.finish()


def import_documents(documents: Iterable[tuple[str, Any]], today: date, *, reserved: Collection[str] = ()) -> Imported:
    """`read_files` for documents already parsed, as (name, JSON value). A document is consumed."""
    run = Run(today, reserved)
    for name, document in documents:
        run.read(name, document)
    return run.finish()


def _nul_free(value: Any) -> Any:
    """A JSON value with the NULs (`\\u0000`) taken out of its text: no catalog text holds one."""
    if isinstance(value, str):
        return value.replace("\x00", "")
    if isinstance(value, list):
        return [_nul_free(item) for item in value]
    if isinstance(value, dict):
        return {_nul_free(key): _nul_free(item) for key, item in value.items()}
    return value


def bundled_ids() -> frozenset[str]:
    ids: set[str] = set()
    parse_file(str(paths.bundled_catalog()), lambda found: ids.add(found.record["id"]))
    return frozenset(ids)


class Run:
    def __init__(self, today: date, reserved: Collection[str]) -> None:
        self.today, self.reserved = today, frozenset(reserved)
        self.index = Index()
        self.drafts: list[Draft] = []
        self.warnings: list[str] = []
        self.empty: list[Problem] = []
        self.files = 0
        self.suffix: dict[str, int] = {}  # the last number a name's id was given in this run

    def read(self, path: str, document: Any) -> None:
        """Expand and index every document of a file; map its credentials to drafts."""
        document = _nul_free(document)
        self.files += 1
        scope = self.files
        found = 0
        failures: list[str] = []
        graph: list[Draft] = []
        current = 0
        for item in items(document):
            if item.graph != current:
                found += self._close(graph)
                graph, current = [], item.graph
            try:
                nodes, dropped = jsonld.expand(item.document)
            except jsonld.NotJsonLd as exc:
                failures.append(str(exc))
                continue
            if dropped:
                keys = ", ".join(clean(key) for key in dropped)
                self.warnings.append(f"{clean(path)}: left out {keys}: no term of CTDL's context or the record's")
            for node in nodes:
                self.index.add(node, scope)
            if item.imports:
                for node in nodes:
                    if any(vocab.is_credential_class(t) for t in jsonld.types(node)):
                        graph.append(Mapper(node, self.index, scope, self.today, item.dated).draft())
        found += self._close(graph)
        if not found:
            self.empty.append(Problem(path, 0, 0, failures[0] if failures else NO_CREDENTIAL))
        else:
            self.warnings += [f"{clean(path)}: skipped a record: {reason}" for reason in dict.fromkeys(failures)]

    def _close(self, graph: list[Draft]) -> int:
        """A graph's own credentials have CTIDs; its other credentials are what they point at."""
        if any(draft.ctid for draft in graph):
            graph = [draft for draft in graph if draft.ctid]
        self.drafts += graph
        return len(graph)

    def finish(self) -> Imported:
        if not self.drafts:
            raise CatalogError(self.empty)
        warnings = [f"{clean(p.path)}: {p.message}; skipped" for p in self.empty] + self.warnings
        records: list[Record] = []
        unmapped: list[set[str]] = []
        by_ctid: dict[str, int] = {}
        taken: set[str] = set()  # the ids given in this run
        for draft in self.drafts:
            warnings += draft.warnings
            record = self.resolve(draft)
            if draft.ctid in by_ctid:
                n = by_ctid[draft.ctid]
                _merge(records[n], record)
                unmapped[n] |= draft.unmapped
                warnings.append(f"{draft.ctid}: given more than once; merged into one entry")
                continue
            record["id"] = self.new_id(draft, record, taken, warnings)
            if draft.ctid:
                by_ctid[draft.ctid] = len(records)
            records.append(record)
            unmapped.append(set(draft.unmapped))
        counts: dict[str, int] = {}
        for props in unmapped:
            for prop in props:
                counts[prop] = counts.get(prop, 0) + 1
        ordered = [{key: rec[key] for key in ITEM_FIELDS if key in rec} for rec in records]
        return Imported(ordered, dict(sorted(counts.items())), list(dict.fromkeys(warnings)))

    # --- references ----------------------------------------------------------------------------------
    def resolve(self, draft: Draft) -> Record:
        """The draft with its owner and the targets of its conditions named from the index."""
        record = dict(draft.record)
        owner = self.owner(draft.owners)
        record.update(owner)
        if "eligibility" in record:
            lines: list[str] = []
            for line in record["eligibility"]:
                lines += [line] if isinstance(line, str) else self.target_lines(line)
            record["eligibility"] = list(dict.fromkeys(lines))
        return record

    def owner(self, keys: tuple[str, ...]) -> Record:
        """issuer (its name), issuer_url (its page) and issuer_id (its URI) of the first owner named."""
        for key in keys:
            found = self.index.get(key)
            if found is not None:
                out: Record = {"issuer": found.name}
                if found.page:
                    out["issuer_url"] = found.page
                if URI_RE.match(key):
                    out["issuer_id"] = key
                return out
        uri = next((key for key in keys if URI_RE.match(key)), "")  # a blank node or a broken IRI is no URI
        return {"issuer_id": uri} if uri else {"issuer": NO_OWNER}

    def target_lines(self, targets: Targets) -> list[str]:
        lines: list[str] = []
        unnamed: dict[str, list[str]] = {}
        for what, key in targets.keys:
            found = self.index.get(key)
            if found is not None:
                lines.append(f"{targets.prefix}Complete the {what} {found.name}")
            else:
                unnamed.setdefault(what, []).append(key)
        for what, keys in unnamed.items():
            links = [key for key in keys if is_web_url(key)]
            if len(keys) == 1 and links:
                lines.append(f"{targets.prefix}Complete the {what} the record links to: {links[0]}")
            else:
                many = _PLURALS.get(what, what + "s")
                lines.append(
                    f"{targets.prefix}Complete the {len(keys)} {many} the record lists (named in no file read)"
                )
        if targets.label and lines:
            lines[0] = f"{targets.prefix}{targets.label}: {lines[0].removeprefix(targets.prefix)}"
        return lines

    # --- ids ------------------------------------------------------------------------------------------
    def new_id(self, draft: Draft, record: Record, taken: set[str], warnings: list[str]) -> str:
        """The CTID; an entry certfind exported keeps its id (urn:certfind:ID); else one from the name.
        None of them may be a bundled entry's id."""
        own = draft.node_id.removeprefix("urn:certfind:") if draft.node_id.startswith("urn:certfind:") else ""
        for given in (draft.ctid, own):
            if not given or not ID_RE.match(given):
                continue
            if given not in self.reserved and given not in taken:
                taken.add(given)
                return given
            if given in self.reserved:
                label = draft.ctid or draft.node_id
                warnings.append(f"{label}: {given} is the id of a bundled entry; imported under another id")
        folded = unicodedata.normalize("NFKD", record["name"]).encode("ascii", "ignore").decode().lower()
        base = "-".join(re.findall(r"[a-z0-9]+", folded))[:60].strip("-") or "imported"
        n = self.suffix.get(base, 1)
        ident = base if n == 1 else f"{base}-{n}"
        while ident in taken or ident in self.reserved:
            n += 1
            ident = f"{base}-{n}"
        self.suffix[base] = n
        taken.add(ident)
        return ident


def _merge(first: Record, second: Record) -> None:
    """The same credential read twice: what the first lacks is taken from the second, and its sources added."""
    for key, value in second.items():
        if key not in first:
            first[key] = value
    if first.get("issuer") == NO_OWNER and "issuer_id" in first:
        del first["issuer"]
    urls = {source.get("url") for source in first["sources"]}
    first["sources"] = first["sources"] + [s for s in second["sources"] if s.get("url") not in urls]
