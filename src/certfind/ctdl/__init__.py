"""CTDL, Credential Engine's JSON-LD for credentials: read it into catalog records, write entries as it.

The public functions the rest of certfind calls:

- `read_files(paths, today)`: `certfind import`; every credential of every file as a catalog record,
  what could not be mapped, and warnings (importer.py; reading expands JSON-LD with pyld, imported
  only then).
- `output(records, fmt, ...)`: those records as the catalog YAML (or JSON) import prints (yamlout.py).
- `describe_unmapped(counts)`: the one stderr line that lists what was not mapped.
- `export(certs, registry=False)`: entries as a CTDL `@graph`; `registry_gaps(certs)`: what the
  Registry's minimum data still lacks, per entry (writer.py; no pyld).

The modules: files.py (files and the Registry's shapes), jsonld.py (expansion against the bundled
context, context.json, and readers of expanded values), vocab.py (classes, statuses, cost types,
durations, currencies, places), prose.py (what free text says), reader.py (one credential), importer.py
(a whole import), yamlout.py and writer.py.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from datetime import date

from certfind.ctdl.files import Imported, read_document
from certfind.ctdl.vocab import CERTFIND_NS, CTDL_CONTEXT, Span, currency_code, iso_duration, parse_duration
from certfind.ctdl.writer import export, registry_gaps
from certfind.ctdl.yamlout import output, to_json, to_yaml


def read_files(paths: Sequence[str], today: date | None = None, *, reserved: Collection[str] | None = None) -> Imported:
    """Import every credential of every file (see importer.read_files)."""
    from certfind.ctdl import importer  # noqa: PLC0415 - pyld loads only for an import

    return importer.read_files(paths, today, reserved=reserved)


def describe_unmapped(counts: Mapping[str, int]) -> str:
    """`not mapped: ceterms:accreditedBy (2 records), ceterms:naics (1 record)`."""
    parts = [f"{prop} ({n} record{'' if n == 1 else 's'})" for prop, n in sorted(counts.items())]
    return "not mapped: " + ", ".join(parts)


__all__ = [
    "CERTFIND_NS",
    "CTDL_CONTEXT",
    "Imported",
    "Span",
    "currency_code",
    "describe_unmapped",
    "export",
    "iso_duration",
    "output",
    "parse_duration",
    "read_document",
    "read_files",
    "registry_gaps",
    "to_json",
    "to_yaml",
]
