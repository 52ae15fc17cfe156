"""The catalog text an import prints: YAML or JSON that certfind reads back as the same records.

Written by hand (block style, no anchors or tags), so that every string YAML could read as something
else is quoted, and so that no control, bidi or invisible character is ever written raw: as in JSON
output, they travel as escapes (`\\u202e`), the same text, never a hidden one.

Pure; standard library and certfind.text only.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from datetime import date
from typing import Any

from certfind.errors import TooLarge
from certfind.model import Record
from certfind.reading import MAX_BYTES
from certfind.text import INVISIBLE, clean, json_safe

_PLAIN_FIRST = re.compile(r"[^\W\d]|[($/_]")
_PLAIN_UNSAFE = re.compile(
    rf"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff{INVISIBLE}]|: |\s#|:\Z|\s\Z"
)
_INVISIBLE = re.compile(f"[{INVISIBLE}]")
_RESERVED = frozenset({"null", "true", "false", "yes", "no", "on", "off", "y", "n"})


def _number(value: float) -> int | float:
    return int(value) if value == int(value) else value


def _scalar(value: Any, ascii_only: bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"a catalog holds finite numbers only, not {value}")
        return repr(_number(value))
    text = str(value)
    plain = text and _PLAIN_FIRST.match(text) and not _PLAIN_UNSAFE.search(text) and text.lower() not in _RESERVED
    if plain and (text.isascii() or not ascii_only):
        return text
    return quoted(text, ascii_only)


def _printable(c: str) -> bool:
    """Characters written raw in a double-quoted scalar: printable, no line break to any reader, and
    nothing invisible (bidi controls, zero-width characters, the BOM are escaped)."""
    code = ord(c)
    if code in (0x2028, 0x2029) or _INVISIBLE.match(c):
        return False
    return 0x20 <= code < 0x7F or 0xA0 <= code < 0xD800 or 0xE000 <= code < 0xFFFE or code >= 0x10000


LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def quoted(text: str, ascii_only: bool = False) -> str:
    """A double-quoted YAML scalar: printable characters raw (only ASCII ones with `ascii_only`),
    everything else as an escape; a lone surrogate, which YAML cannot hold, as U+FFFD."""
    out = ['"']
    for c in LONE_SURROGATE.sub("\ufffd", text):  # no YAML (nor UTF-8) can hold one
        code = ord(c)
        if c in '"\\':
            out.append("\\" + c)
        elif (code < 0x7F or not ascii_only) and _printable(c):
            out.append(c)
        elif code < 0x100:
            out.append(f"\\x{code:02x}")
        elif code < 0x10000:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    out.append('"')
    return "".join(out)


def _block(value: Any, indent: int, ascii_only: bool) -> list[str]:
    """A mapping's fields or a list's items as block lines at this indent."""
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            head = f"{pad}{_scalar(key, ascii_only)}:"
            if isinstance(item, (dict, list)) and item:
                lines.append(head)
                lines += _block(item, indent + 2, ascii_only)
            else:
                lines.append(f"{head} {_inline(item, ascii_only)}")
        return lines
    for item in value:
        if isinstance(item, (dict, list)) and item:
            nested = _block(item, indent + 2, ascii_only)
            lines.append(f"{pad}- {nested[0].lstrip()}")
            lines += nested[1:]
        else:
            lines.append(f"{pad}- {_inline(item, ascii_only)}")
    return lines


def _inline(value: Any, ascii_only: bool) -> str:
    if isinstance(value, dict):
        return "{}"
    if isinstance(value, list):
        return "[]"
    return _scalar(value, ascii_only)


def to_yaml(
    records: Sequence[Record], *, files: Sequence[str] = (), today: date | None = None, ascii_only: bool = False
) -> str:
    """A complete catalog document that certfind reads back as the same records. `ascii_only` escapes
    every other character (the same text, for a terminal that cannot show it)."""
    day = (today or date.today()).isoformat()
    origin = quoted(", ".join(clean(f) for f in files), ascii_only)[1:-1] or "CTDL records"
    lines = [
        f"# Imported from {origin} on {day}; review before use.",
        "# Every entry is unverified: check it against the issuer's own pages before you rely on it.",
        "# Summaries and notes are the record's own first sentences: put them in your own words.",
        "schema_version: 1",
    ]
    if not records:
        lines.append("certifications: []")
    else:
        lines.append("certifications:")
        for i, record in enumerate(records):
            if i:
                lines.append("")
            lines += _block([record], 2, ascii_only)
    return "\n".join(lines) + "\n"


def to_json(records: Sequence[Record], *, ascii_only: bool = False) -> str:
    """The records as a catalog in JSON (`{"schema_version": 1, "certifications": [...]}`), which certfind
    reads as it reads YAML; no control, bidi or invisible character survives raw."""
    catalog = {"schema_version": 1, "certifications": list(records)}
    return json_safe(json.dumps(catalog, ensure_ascii=ascii_only, indent=2)) + "\n"


def output(
    records: Sequence[Record], fmt: str, *, files: Sequence[str] = (), today: date | None = None, encoding: str = ""
) -> str:
    """The import as `yaml` or `json` text, in ASCII escapes when `encoding` cannot carry the text
    (the records stay the same; only their spelling changes)."""

    def render(ascii_only: bool) -> str:
        if fmt == "json":
            return to_json(records, ascii_only=ascii_only)
        return to_yaml(records, files=files, today=today, ascii_only=ascii_only)

    text = render(False)
    try:
        text.encode(encoding or "utf-8")
    except (UnicodeEncodeError, LookupError):
        text = render(True)
    size = len(text.encode("utf-8"))
    if size > MAX_BYTES:  # printed, it would be a catalog that no certfind reads
        many = f"{len(records):,} credential makes" if len(records) == 1 else f"{len(records):,} credentials make"
        raise TooLarge(
            f"{many} a catalog of {_size(size)}, more than the {_size(MAX_BYTES)} a catalog may hold;"
            " nothing was printed",
            "import fewer files at a time, into catalogs of their own",
        )
    return text


def _size(count: int) -> str:
    return f"{count / 2**20:,.1f} MiB" if count >= 2**20 else f"{count / 2**10:,.1f} KiB"
