"""An entry's stored form and back: its JSON item as UTF-8 bytes, guarded by a CRC-32.

The item is the JSON every command prints for the entry (model.to_item) plus what certfind works out when
it stores it (`upfront`, `warning`, `lookalike`), so a listing prints stored bytes as they are and a
command decodes an entry once. A CRC-32 per item catches damage to its bytes; a damaged item raises
StoreDamaged, and the store is replaced by the next run that can build one.
"""

from __future__ import annotations

import json
import zlib
from functools import cache

from certfind.model import Entry, Money, Record, from_record
from certfind.text import json_safe


class StoreDamaged(Exception):
    """The database cannot be read as it should; the catalog is rebuilt from its files."""


@cache
def _encoder() -> json.JSONEncoder:
    """One encoder for every item (`json.dumps` with options sets up a new one for each call); an item is
    made afresh from its record and holds no container twice, so it needs no check for cycles."""
    return json.JSONEncoder(ensure_ascii=False, separators=(",", ":"), check_circular=False)


def encode_item(item: Record) -> bytes:
    """Compact JSON in which no control, bidi or invisible character is left raw."""
    return json_safe(_encoder().encode(item)).encode("utf-8")


def checksum(data: bytes) -> int:
    return zlib.crc32(data)


def item_bytes(blob: object, crc: object) -> bytes:
    """A stored item as its UTF-8 JSON, checked against its CRC and for the shape of an entry."""
    if not isinstance(blob, bytes) or not isinstance(crc, int) or zlib.crc32(blob) != crc:
        raise StoreDamaged("item: its checksum does not match")
    if not (blob.startswith(b'{"id":"') and blob.endswith(b"}")):
        raise StoreDamaged("item: not an entry")
    return blob


def decode(n: int, blob: object, crc: object) -> Entry:
    """A stored item as the Entry commands use, checked as `item_bytes` does."""
    data = item_bytes(blob, crc)
    try:
        text = data.decode("utf-8")
        record = json.loads(text)
        cert = from_record(record)
        if not isinstance(cert.id, str) or not isinstance(cert.name, str):
            raise TypeError("id and name must be text")
        upfront = Money.from_json(record["upfront"])
        return Entry(n, cert, text, record, upfront, record["warning"], record["lookalike"])
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise StoreDamaged(f"item: {exc}") from None
