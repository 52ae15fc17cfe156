"""CTDL, Credential Engine's JSON-LD for credentials: read it into catalog records, write entries as it.

Reading (`read_files`) takes the three shapes the Credential Registry publishes: a single credential
record, an `@graph` document (credentials among organizations and other nodes), and a registry
envelope (or a list of them) whose `decoded_resource` holds the record or graph. Each credential
becomes a catalog record, a plain dict with the catalog's field names and only the fields that
have a value, which the format-1.1 validator accepts. Every imported entry is `unverified`, and
its sources name the record it came from. What could not be mapped is returned per property.

Writing (`export`) gives a JSON-LD document under CTDL's context,
https://credreg.net/ctdl/schema/context/json, plus one prefix of ours:

    certfind:  https://certfind.example/ns#

(`.example` is reserved for documentation and never resolves: the terms are certfind's own and
nobody else's.) They carry what CTDL has no property for. On a credential: `verificationStatus`,
`checked` (xsd:date), `evidence` (the verification note), `source` (each source URL), `category`,
`acronym`, and `kind` where CTDL has no class for it (endorsement, registration). On a cost
profile: `minPrice` and `maxPrice` (a range), `count` (how many of the fee) and `everyYears` (a
recurring fee's period). Entries whose verification is `not-found` are left out: no one awards them.
Importing reads certfind's terms back, except the verification ones: an import is always unverified.

Pure apart from reading the input files; standard library only.
"""

from __future__ import annotations

import base64
import json
import math
import os
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from datetime import date
from typing import Any, NamedTuple

from certfind import occupations, places
from certfind.catalogfile.schema import ID_RE, MAX_NUMBER, WEB_URL
from certfind.errors import CatalogError, Problem
from certfind.model import Certification, Fee, Record, cents_to_number
from certfind.text import clean, json_safe, visible

CTDL_CONTEXT = "https://credreg.net/ctdl/schema/context/json"
CERTFIND_NS = "https://certfind.example/ns#"
REGISTRY_RESOURCES = "https://credentialengineregistry.org/resources/"
VERIFICATION_NOTE = "Imported from the Credential Registry; not checked by certfind."
NO_DESCRIPTION = "No description in the record."
NO_ISSUER = "Not named in the record"
MAX_BYTES = 64 * 1024 * 1024
"""Refuse input files larger than this: a registry record is a few hundred kilobytes."""

SOC_FRAMEWORK = "https://www.bls.gov/soc/"

# --- reading files -----------------------------------------------------------------------------

_NO_CREDENTIAL = "no CTDL credential found (expected a credential record, an @graph document or a registry envelope)"


class Imported(NamedTuple):
    """What `read_files` found: the records, each unmapped property with the number of records
    that had it, and one warning per file that held no credential (when other files did)."""

    records: list[Record]
    unmapped: dict[str, int]
    warnings: list[str]


def read_files(paths: Sequence[str], today: date | None = None) -> Imported:
    """Import every credential of every file. Raises CatalogError for a file that cannot be read or
    is not JSON, and when no file holds a credential."""
    day = today or date.today()
    taken: set[str] = set()
    records: list[Record] = []
    unmapped: dict[str, int] = {}
    empty: list[str] = []
    for path in paths:
        try:
            found = records_from(read_document(path), day, taken)
        except RecursionError:  # JSON deep enough to parse but not to walk
            raise CatalogError([Problem(path, 0, 0, "invalid JSON: nested too deeply")]) from None
        if not found:
            empty.append(path)
        for record, missing in found:
            records.append(record)
            for prop in missing:
                unmapped[prop] = unmapped.get(prop, 0) + 1
    if not records:
        raise CatalogError([Problem(path, 0, 0, _NO_CREDENTIAL) for path in empty])
    warnings = [f"{clean(path)}: {_NO_CREDENTIAL}; skipped" for path in empty]
    return Imported(records, dict(sorted(unmapped.items())), warnings)


def read_document(path: str) -> Any:
    """The JSON value of one file (UTF-8, a BOM allowed); every failure is a located CatalogError."""

    def fail(message: str, line: int = 0, col: int = 0) -> CatalogError:
        return CatalogError([Problem(path, line, col, message)])

    try:
        with open(path, "rb") as handle:
            if os.fstat(handle.fileno()).st_size > MAX_BYTES:
                raise fail(f"the file is larger than the {MAX_BYTES // 2**20} MiB limit")
            data = handle.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise fail("no such file") from None
    except IsADirectoryError:
        raise fail("is a directory, not a CTDL file") from None
    except PermissionError:
        raise fail("permission denied") from None
    except OSError as exc:
        raise fail(f"cannot read: {exc.strerror or exc}") from None
    if len(data) > MAX_BYTES:
        raise fail(f"the file is larger than the {MAX_BYTES // 2**20} MiB limit")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise fail(f"not UTF-8 text (byte 0x{data[exc.start]:02x}); CTDL JSON-LD is UTF-8", line, col) from None
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


def records_from(document: Any, today: date, taken: set[str] | None = None) -> list[tuple[Record, set[str]]]:
    """Each credential of a parsed document as (record, its unmapped properties). `taken` holds the
    ids already given in this run; new ids are added to it."""
    taken = set() if taken is None else taken
    out = []
    for graph in _graphs(document, 0):
        index = _Index(graph)
        credentials = [node for node in graph if _is_credential(node)]
        if any(_text(node.get("ceterms:ctid")) for node in credentials):
            # A graph's own credentials have CTIDs; others (blank nodes) are what they point at.
            credentials = [node for node in credentials if _text(node.get("ceterms:ctid"))]
        for node in credentials:
            out.append(_Mapper(node, index, today).record(taken))
    return out


def _graphs(value: Any, depth: int) -> Iterator[list[dict[str, Any]]]:
    """The node lists of a document: a record, an @graph document, envelopes, or lists of these."""
    if depth > 8:
        return
    if isinstance(value, list):
        for item in value:
            yield from _graphs(item, depth + 1)
    elif isinstance(value, dict):
        if "decoded_resource" in value or "envelope_type" in value or "resource_encoding" in value:
            inner = value.get("decoded_resource")
            if inner is None:
                inner = _jwt_payload(value.get("resource"))
            yield from _graphs(inner, depth + 1)
        elif isinstance(value.get("@graph"), list):
            yield [node for node in value["@graph"] if isinstance(node, dict)]
        else:
            yield [value]


def _jwt_payload(token: Any) -> Any:
    """An envelope without `decoded_resource` still carries the record as a signed JWT's payload."""
    if not isinstance(token, str) or token.count(".") != 2:
        return None
    payload = token.split(".")[1]
    try:
        return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)).decode("utf-8-sig"))
    except (ValueError, RecursionError):
        return None


# --- small readers for JSON-LD values ----------------------------------------------------------

_CTID = re.compile(r"ce-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)
_SURROGATES = re.compile("[\ud800-\udfff]")
_MARKS = re.compile("[\u00ae\u2122\u00a9\u2120]")  # ® ™ © ℠: the issuer's marks, not part of a name


def _text(value: Any, *, lines: bool = False) -> str:
    """Clean text from a string or a language map ({"en-US": ...}); "" when there is none. One line,
    unless `lines` keeps the line breaks (where paragraphs and lists tell sentences apart)."""
    if isinstance(value, dict):
        value = _pick_language(value)
    if isinstance(value, list):
        value = next((v for v in (_text(item, lines=lines) for item in value) if v), "")
    if isinstance(value, bool) or not isinstance(value, (str, int, float)):
        return ""
    if isinstance(value, float) and not math.isfinite(value):
        return ""
    text = _SURROGATES.sub("\ufffd", str(value))
    text = "\n".join(" ".join(line.split()) for line in text.splitlines()) if lines else " ".join(text.split())
    return text.strip() if visible(text).strip() else ""


def _texts(value: Any) -> list[str]:
    """Every text of a string, a list, a value object, or a language map whose values may be lists."""
    if isinstance(value, dict):
        if "@value" in value:
            value = value["@value"]
        elif any(str(key).startswith("@") for key in value):
            return []  # a node, not text
        else:
            value = _pick_language(value)
    found = []
    for item in value if isinstance(value, list) else [value]:
        text = _text(item)
        if text:
            found.append(text)
    return found


def _pick_language(values: dict[str, Any]) -> Any:
    """English first: en-US, then en, then any en-*, then whatever language is given."""
    if "@value" in values:
        return values["@value"]
    if any(str(key).startswith("@") for key in values):
        return None  # a node, not text
    keys = {str(k).lower(): k for k in values}
    for wanted in ("en-us", "en"):
        if wanted in keys:
            return values[keys[wanted]]
    for low, key in keys.items():
        if low.startswith("en-"):
            return values[key]
    return next(iter(values.values()), None)


def _list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def _nodes(value: Any) -> list[dict[str, Any]]:
    return [item for item in _list(value) if isinstance(item, dict)]


def _local_name(term: Any) -> str:
    """`ceterms:Certification`, its full IRI, or a vocabulary term like `audience:Member` -> the name."""
    if not isinstance(term, str):
        return ""
    return re.split(r"[:/#]", term.strip())[-1]


def _types(node: dict[str, Any]) -> list[str]:
    return [_local_name(t) for t in _list(node.get("@type")) if isinstance(t, str)]


def _web_url(value: Any) -> str:
    text = _text(value) if not isinstance(value, dict) else _text(value.get("@id"))
    return text if WEB_URL.match(text) else ""


def _number(value: Any) -> float | None:
    """A finite number from a JSON number or numeric text; None otherwise."""
    if isinstance(value, dict) and "@value" in value:
        value = value["@value"]
    if isinstance(value, bool):
        return None
    if isinstance(value, str):
        try:
            value = float(value.strip().replace(",", ""))
        except ValueError:
            return None
    try:
        return float(value) if isinstance(value, (int, float)) and math.isfinite(value) else None
    except OverflowError:  # an integer too large for a float
        return None


def _plain_number(value: float) -> int | float:
    return int(value) if value == int(value) else value


class _Index:
    """The nodes of one graph by @id, and by the CTID in the @id (`/graph/ce-...` and `/resources/ce-...`)."""

    def __init__(self, graph: list[dict[str, Any]]) -> None:
        self.by_id: dict[str, dict[str, Any]] = {}
        for node in graph:
            ident = node.get("@id")
            if isinstance(ident, str):
                self.by_id.setdefault(ident, node)
                ctid = _CTID.search(ident)
                if ctid:
                    self.by_id.setdefault(ctid.group().lower(), node)

    def get(self, ref: Any) -> dict[str, Any] | None:
        if isinstance(ref, dict):
            inner = ref.get("@id")
            return ref if len(ref) > 1 or not isinstance(inner, str) else self.get(inner)
        if not isinstance(ref, str):
            return None
        if ref in self.by_id:
            return self.by_id[ref]
        ctid = _CTID.search(ref)
        return self.by_id.get(ctid.group().lower()) if ctid else None


# --- what a text says --------------------------------------------------------------------------

_PLACEHOLDER = re.compile(
    r"\*{3}|\b(?:description|text|profile)\s+missing\b|\bmissing\s+description\b|lorem ipsum|\bplaceholder\b"
    r"|\bto be (?:added|determined|provided)\b"
    r"|^(?:tbd|tba|n/?a|none|null|todo|test|description|-+|\.+|\?+)$",
    re.IGNORECASE,
)
_URL_ONLY = re.compile(r"(?:https?://|www\.)\S+|[\w-]+(?:\.[\w-]+)+(?:/\S*)?", re.IGNORECASE)
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")
# Where a text breaks without a full stop: a line break before a capital, a list item or a digit, or
# after a heading ending in ':'. (A line break before a lower-case word is a hard-wrapped sentence.)
_HARD_BREAK = re.compile(r"\n\s*(?=[-*\u2022]\s|[A-Z0-9])|(?<=:)\s*\n")


def _real_text(text: str) -> bool:
    """Text worth reading: not placeholder text, and not only a web address."""
    return bool(text) and not _PLACEHOLDER.search(text) and not _URL_ONLY.fullmatch(text)


def _sentences(text: str, count: int = 2, limit: int = 400) -> str:
    """The first `count` sentences, at most about `limit` characters (cut at a word, with an ellipsis).
    Headings that only introduce a list ("Key requirements:") are left out."""
    found: list[str] = []
    for part in _HARD_BREAK.split(_MARKS.sub("", text)):
        for piece in _SENTENCE_END.split(" ".join(part.split())):
            sentence = piece.lstrip("-*\u2022 ")
            if visible(sentence).strip() and not sentence.endswith(":"):
                found.append(sentence)
    short = "".join(found[:1])
    for n in range(2, count + 1):  # a further sentence only if it fits whole
        longer = _notes(found[:n])
        if n > len(found) or len(longer) > limit:
            break
        short = longer
    if len(short) > limit:
        short = short[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "\u2026"
    return short


def _same_name(a: str, b: str) -> bool:
    """One name repeats the other (marks, case and a trailing part left aside)."""
    a, b = (" ".join(_MARKS.sub("", n).casefold().split()) for n in (a, b))
    return bool(a and b) and (a.startswith(b) or b.startswith(a))


def _notes(parts: Iterable[str]) -> str:
    """Sentences joined into one note, each ending with a full stop."""
    done = [p if p.endswith((".", "!", "?", "\u2026")) else p + "." for p in dict.fromkeys(parts) if p]
    return " ".join(done)


_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "twelve": 12,
}
_COUNT = r"(\d+|" + "|".join(_NUMBER_WORDS) + r")(?:\s*\(\d+\))?"
_EVERY_YEARS = re.compile(
    rf"\bevery\s+{_COUNT}\s+years?\b|\bvalid\s+for\s+(?:a\s+period\s+of\s+)?{_COUNT}\s+years?\b", re.IGNORECASE
)
_EXPERIENCE_YEARS = re.compile(rf"\b{_COUNT}\s+years?\s+of\s+(?:[\w-]+\s+){{0,3}}experience\b", re.IGNORECASE)
_EDUCATION = (
    (
        "high-school",
        re.compile(r"high[\s-]school|secondary school diploma|\bGED\b|general education development", re.I),
    ),
    ("associate", re.compile(r"associate'?s?\s+degree|\bassociate of\b", re.I)),
    ("bachelor", re.compile(r"bachelor'?s?\s+degree|\bbachelor of\b|baccalaureate", re.I)),
    ("master", re.compile(r"master'?s?\s+degree|\bmaster of\b", re.I)),
    ("doctorate", re.compile(r"doctoral|doctorate|\bph\.?\s?d\b", re.I)),
)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


def _years_stated(texts: Iterable[str]) -> int | None:
    """A period in whole years that the texts state plainly ("every three years", "valid for 3 years")."""
    found = set()
    for text in texts:
        for match in _EVERY_YEARS.finditer(text):
            found.add(_count(next(g for g in match.groups() if g)))
    return found.pop() if len(found) == 1 else None


# --- ISO 8601 durations ------------------------------------------------------------------------

_DURATION = re.compile(
    r"P(?!\Z)(?:(?P<Y>\d+(?:[.,]\d+)?)Y)?(?:(?P<M>\d+(?:[.,]\d+)?)M)?(?:(?P<W>\d+(?:[.,]\d+)?)W)?"
    r"(?:(?P<D>\d+(?:[.,]\d+)?)D)?(?:T(?=\d)(?:(?P<h>\d+(?:[.,]\d+)?)H)?(?:(?P<m>\d+(?:[.,]\d+)?)M)?"
    r"(?:(?P<s>\d+(?:[.,]\d+)?)S)?)?\Z"
)
_DAYS_PER_MONTH = 365.25 / 12
_UNIT_WORDS = {"Y": "year", "M": "month", "W": "week", "D": "day", "h": "hour", "m": "minute", "s": "second"}


class Span(NamedTuple):
    months: float
    exact: bool  # only years and months: no rounding of weeks, days or hours into months
    words: str  # "40 hours", "1 year 6 months"


def parse_duration(text: str) -> Span | None:
    """An ISO 8601 duration (P6M, P1Y, PT40H, P2Y6M) in months; None if it is not one."""
    match = _DURATION.match(text.strip()) if isinstance(text, str) else None
    if match is None:
        return None
    parts = {unit: float(value.replace(",", ".")) for unit, value in match.groupdict().items() if value is not None}
    days = parts.get("W", 0) * 7 + parts.get("D", 0) + parts.get("h", 0) / 24 + parts.get("m", 0) / 1440
    days += parts.get("s", 0) / 86400
    months = parts.get("Y", 0) * 12 + parts.get("M", 0) + days / _DAYS_PER_MONTH
    words = " ".join(f"{_plain_number(n)} {_UNIT_WORDS[unit]}{'' if n == 1 else 's'}" for unit, n in parts.items() if n)
    return Span(months, not days, words or "0 months")


def _months_value(months: float) -> int | float:
    return _plain_number(round(months, 2) if months >= 0.01 or months == 0 else 0.01)


def iso_duration(months: float) -> str:
    """Months as an ISO 8601 duration: whole years and months, then days for a fraction of a month."""
    whole = int(months)
    days = round((months - whole) * _DAYS_PER_MONTH)
    years, rest = divmod(whole, 12)
    text = "P" + (f"{years}Y" if years else "") + (f"{rest}M" if rest else "") + (f"{days}D" if days else "")
    return text if text != "P" else "P0M"


# --- currencies and places ---------------------------------------------------------------------

_CURRENCY_NAMES = {
    "$": "USD",
    "us$": "USD",
    "us dollar": "USD",
    "us dollars": "USD",
    "u.s. dollar": "USD",
    "u.s. dollars": "USD",
    "united states dollar": "USD",
    "american dollar": "USD",
    "dollar": "USD",
    "dollars": "USD",
    "c$": "CAD",
    "ca$": "CAD",
    "can$": "CAD",
    "canadian dollar": "CAD",
    "canadian dollars": "CAD",
    "a$": "AUD",
    "au$": "AUD",
    "australian dollar": "AUD",
    "australian dollars": "AUD",
    "nz$": "NZD",
    "new zealand dollar": "NZD",
    "new zealand dollars": "NZD",
    "£": "GBP",
    "pound": "GBP",
    "pounds": "GBP",
    "pound sterling": "GBP",
    "british pound": "GBP",
    "british pounds": "GBP",
    "€": "EUR",
    "euro": "EUR",
    "euros": "EUR",
    "mexican peso": "MXN",
    "mexican pesos": "MXN",
    "¥": "JPY",
    "japanese yen": "JPY",
    "yen": "JPY",
    "₹": "INR",
    "indian rupee": "INR",
    "indian rupees": "INR",
    "swiss franc": "CHF",
    "swiss francs": "CHF",
}


def currency_code(value: Any) -> str | None:
    """An ISO 4217 code from what records write: `USD`, `usd`, `US Dollar`, `$`, `C$`..."""
    text = _text(value)
    named = _CURRENCY_NAMES.get(" ".join(text.lower().split()))
    return named or (text.upper() if re.fullmatch(r"[A-Za-z]{3}", text) else None)


# GeoNames ids of the countries whose credentials the catalog covers (a jurisdiction's geoURI).
_GEONAMES = {
    "6252001": "US",
    "6251999": "CA",
    "2635167": "GB",
    "2077456": "AU",
    "2186224": "NZ",
    "2963597": "IE",
}


def _place_codes(place: dict[str, Any]) -> list[str]:
    """ISO 3166 codes of a Place / PostalAddress / GeoCoordinates (its country and region, or a GeoNames id)."""
    for address in _nodes(place.get("ceterms:address")):
        codes = _place_codes(address)
        if codes:
            return codes
    country = [c for c in places.parse(_text(place.get("ceterms:addressCountry"))) if "-" not in c]
    if not country:
        geo = re.search(r"geonames\.org/(\d+)", _text(place.get("ceterms:geoURI")))
        if geo and geo.group(1) in _GEONAMES:
            country = [_GEONAMES[geo.group(1)]]
    region = list(places.parse(_text(place.get("ceterms:addressRegion"))))
    if country:
        within = [code for code in region if "-" in code and places.within(code, country[0])]
        return within or country[:1]
    named = list(places.parse(_text(place.get("ceterms:name"))))
    subdivisions = [code for code in region if "-" in code]
    if len(subdivisions) == 1:
        return subdivisions
    return named if len(named) == 1 else []


# --- kinds and categories ----------------------------------------------------------------------

_KIND_OF_TYPE = {
    "Certification": "certification",
    "Certificate": "certificate",
    "CertificateOfCompletion": "certificate",
    "AcademicCertificate": "certificate",
    "ApprenticeshipCertificate": "certificate",
    "JourneymanCertificate": "certificate",
    "MasterCertificate": "certificate",
    "ProfessionalCertificate": "certificate",
    "License": "license",
    "Badge": "badge",
    "DigitalBadge": "badge",
    "OpenBadge": "badge",
    "Degree": "degree",
    "AssociateDegree": "degree",
    "BachelorDegree": "degree",
    "MasterDegree": "degree",
    "DoctoralDegree": "degree",
    "ProfessionalDoctorate": "degree",
    "ResearchDoctorate": "degree",
    "Diploma": "diploma",
    "GeneralEducationDevelopment": "diploma",
    "SecondarySchoolDiploma": "diploma",
}
_CREDENTIAL_SUFFIXES = (
    "Certification",
    "Certificate",
    "License",
    "Badge",
    "Degree",
    "Doctorate",
    "Diploma",
    "Credential",
)
# What an exported kind becomes in CTDL; kinds CTDL has no class for also travel as certfind:kind.
_TYPE_OF_KIND = {
    "certification": "Certification",
    "certificate": "Certificate",
    "license": "License",
    "badge": "DigitalBadge",
    "degree": "Degree",
    "diploma": "Diploma",
    "endorsement": "License",
    "registration": "Certification",
    "assessment": "Certification",
}


def _is_credential(node: dict[str, Any]) -> bool:
    return any(t in _KIND_OF_TYPE or t.endswith(_CREDENTIAL_SUFFIXES) for t in _types(node))


# Occupations (SOC) -> a catalog category, for the categories the catalog already uses.
_CATEGORY_OF_SOC = {
    "25-4011": "archives",
    "25-4012": "archives",
    "25-4013": "archives",
    "25-4022": "library",
    "25-4031": "library",
    "43-4121": "library",
    "43-4071": "records-information",
}
_CATEGORY_WORDS = (
    ("school-library", re.compile(r"school librar|library media", re.I)),
    ("library", re.compile(r"\blibrar", re.I)),
    ("archives", re.compile(r"\barchiv", re.I)),
    ("records-information", re.compile(r"records management|information governance", re.I)),
    ("it", re.compile(r"\b(?:information technology|cyber ?security|computer|network)", re.I)),
)


def _category(codes: list[str], name: str, keywords: list[str]) -> str:
    """A catalog category from the occupations, else the name, else the keywords; `imported` if none fits."""
    for code in codes:
        if code in _CATEGORY_OF_SOC:
            return _CATEGORY_OF_SOC[code]
    if any(code.startswith("15-1") for code in codes):  # computer occupations
        return "it"
    for words in ([name], keywords):
        for category, pattern in _CATEGORY_WORDS:
            if any(pattern.search(word) for word in words):
                return category
    return "imported"


# --- one credential ----------------------------------------------------------------------------


class _Props:
    """A CTDL node's properties, remembering which were read, so that the rest can be reported."""

    def __init__(self, node: dict[str, Any], path: str, unmapped: set[str]) -> None:
        self.node, self.path, self.unmapped = node, path, unmapped
        self.used: set[str] = set()

    def __getitem__(self, key: str) -> Any:
        self.used.add(key)
        return self.node.get(key)

    def done(self) -> None:
        for key, value in self.node.items():
            if key not in self.used and not key.startswith("@") and value not in (None, "", [], {}):
                self.unmapped.add(self.path + key)


_COST_TYPE_LABEL = re.compile(r"(?<=[a-z])(?=[A-Z])")


class _Mapper:
    def __init__(self, node: dict[str, Any], index: _Index, today: date) -> None:
        self.index = index
        self.today = today
        self.unmapped: set[str] = set()
        self.props = _Props(node, "", self.unmapped)
        self.notes: list[str] = []
        self.currency: str | None = None
        # Cost profiles met on the way (in `requires` conditions): (value, property path, at renewal).
        self.cost_profiles: list[tuple[Any, str, bool]] = []

    def record(self, taken: set[str]) -> tuple[Record, set[str]]:
        p = self.props
        node = p.node
        ctid = _text(p["ceterms:ctid"])
        name = _MARKS.sub("", _text(p["ceterms:name"])).strip() or (f"Unnamed credential {ctid}".strip())
        acronym = _text(p["certfind:acronym"])
        rec: Record = {"id": _new_id(ctid, _text(node.get("@id")), name, taken), "name": name}
        if acronym:
            rec["acronym"] = acronym
        aliases = [a for a in dict.fromkeys(_texts(p["ceterms:alternateName"])) if a not in (name, acronym)]
        if aliases:
            rec["aliases"] = aliases
        issuer, issuer_url = self.issuer()
        rec["issuer"] = issuer
        page = _web_url(p["ceterms:subjectWebpage"])
        if issuer_url or page:
            rec["issuer_url"] = issuer_url or page
        rec["kind"] = self.kind()
        region = self.region()
        if region:
            rec["region"] = region
        codes, occupation_names = self.occupations()
        if codes:
            rec["occupations"] = codes
        keywords = _texts(p["ceterms:keyword"])
        topics = list(dict.fromkeys([*keywords, *self.alignment_names(p["ceterms:subject"]), *occupation_names]))
        own = _text(p["certfind:category"]).lower()
        rec["category"] = own if ID_RE.match(own) else _category(codes, name, keywords)
        description = _text(p["ceterms:description"], lines=True)
        rec["summary"] = (_sentences(description) if _real_text(description) else "") or NO_DESCRIPTION
        if topics:
            rec["topics"] = topics
        eligibility, requirements = self.conditions()
        if eligibility:
            rec["eligibility"] = eligibility
        if requirements:
            rec["requirements"] = [requirements]
        duration = self.duration()
        if duration:
            rec["duration"] = duration
        renewal, renewal_years, renewal_costs = self.renewal()
        costs = self.costs(renewal_costs, renewal_years)
        if self.currency:
            rec["currency"] = self.currency
        if costs:
            rec["costs"] = costs
        if renewal:
            rec["renewal"] = renewal
        status = self.status()
        if status:
            rec["status"] = status
        rec["verification"] = {
            "status": "unverified",
            "checked": self.today.isoformat(),
            "note": " ".join([VERIFICATION_NOTE, *self.notes]),
        }
        rec["sources"] = self.sources(name, ctid, page)
        p.done()
        return rec, self.unmapped

    # --- who and what --------------------------------------------------------------------------
    def issuer(self) -> tuple[str, str]:
        """The owner's name (else the offering body's) where the graph or the record gives it."""
        p = self.props
        owners, offerers = _list(p["ceterms:ownedBy"]), _list(p["ceterms:offeredBy"])
        for refs in (owners, offerers):
            named = self.organizations(refs)
            if named:
                if refs is owners and any(self.organizations([r]) and r not in owners for r in offerers):
                    self.unmapped.add("ceterms:offeredBy")  # another body offers it: not kept
                return " and ".join(dict.fromkeys(n for n, _ in named)), next((u for _, u in named if u), "")
        links = [_text(r.get("@id")) if isinstance(r, dict) else _text(r) for r in owners]
        links = [link for link in links if link]
        if links:
            self.notes.append(f"The record names its owner only by a link ({links[0]}), not by name.")
        return NO_ISSUER, ""

    def organizations(self, refs: list[Any]) -> list[tuple[str, str]]:
        """(name, web page) of each organization the references lead to, where it has a name."""
        named = []
        for ref in refs:
            org = self.index.get(ref)
            name = _MARKS.sub("", _text(org.get("ceterms:name"))).strip() if org else ""
            if org and name:
                named.append((name, _web_url(org.get("ceterms:subjectWebpage"))))
        return named

    def kind(self) -> str:
        p = self.props
        override = _text(p["certfind:kind"])
        if override in _TYPE_OF_KIND:
            return override
        types = _types(p.node)
        for ctdl_type in types:
            if ctdl_type in _KIND_OF_TYPE:
                return _KIND_OF_TYPE[ctdl_type]
        for ctdl_type in types:
            for suffix, kind in (("Degree", "degree"), ("Doctorate", "degree"), ("Certificate", "certificate")):
                if ctdl_type.endswith(suffix):
                    return kind
        shown = ", ".join(f"ceterms:{t}" for t in types) or "none"
        self.notes.append(f"Its CTDL type ({shown}) has no certfind kind; imported as a certificate.")
        return "certificate"

    def status(self) -> str:
        for alignment in _nodes(self.props["ceterms:credentialStatusType"]):
            term = _local_name(alignment.get("ceterms:targetNode")) or _text(alignment.get("ceterms:targetNodeName"))
            term = term.replace(" ", "").lower()
            if term in ("active", "probationary"):
                return "active"
            if term in ("deprecated", "ceased", "discontinued", "retired"):
                return "discontinued"
            if term:
                return "unknown"
        return ""

    def region(self) -> list[str]:
        """ISO 3166 codes where it counts (the jurisdiction), else where it is offered (availableAt)."""
        p = self.props
        codes: list[str] = []
        for profile in _nodes(p["ceterms:jurisdiction"]):
            sub = _Props(profile, "ceterms:jurisdiction/", self.unmapped)
            if sub["ceterms:globalJurisdiction"] is True:
                sub.done()
                return []
            for place in _nodes(sub["ceterms:mainJurisdiction"]):
                codes.extend(_place_codes(place))
            sub.done()
        if not codes:
            for place in _nodes(p["ceterms:availableAt"]):
                codes.extend(_place_codes(place))
        return list(dict.fromkeys(codes))

    def occupations(self) -> tuple[list[str], list[str]]:
        codes, names = [], []
        for alignment in _nodes(self.props["ceterms:occupationType"]):
            coded = f"{_text(alignment.get('ceterms:codedNotation'))} {_text(alignment.get('ceterms:targetNode'))}"
            match = re.search(r"(?<![\d-])(\d{2}-\d{4})(?:\.\d{2})?(?![\d-])", coded)
            if match:
                codes.append(match.group(1))
            else:
                name = _text(alignment.get("ceterms:targetNodeName"))
                if name:
                    names.append(name)
        return list(dict.fromkeys(codes)), names

    def alignment_names(self, value: Any) -> list[str]:
        names = []
        for item in _list(value):
            name = _text(item.get("ceterms:targetNodeName")) if isinstance(item, dict) else _text(item)
            if name:
                names.append(name)
        return names

    def target_names(self, profile: _Props) -> list[str]:
        """What a condition profile points at (an assessment, a course, another credential), by name."""
        lines = []
        for prop, what in (
            ("ceterms:targetAssessment", "an assessment"),
            ("ceterms:targetLearningOpportunity", "a learning opportunity"),
            ("ceterms:targetCredential", "a credential"),
        ):
            for ref in _list(profile[prop]):
                target = self.index.get(ref)
                name = _text(target.get("ceterms:name")) if target else ""
                url = _web_url(ref)
                if name:
                    lines.append(f"Complete {what}: {name}")
                elif url:
                    lines.append(f"Complete {what} listed in the record: {url}")
        return lines

    # --- conditions ----------------------------------------------------------------------------
    def conditions(self) -> tuple[list[str], Record | None]:
        """Eligibility lines from `requires` and `recommends` condition profiles, and structured
        requirements where the required ones state them plainly. Costs met here are kept for `costs`."""
        p = self.props
        own_name = _text(p.node.get("ceterms:name"))
        lines: list[str] = []
        required_texts: list[str] = []
        years: set[float] = set()
        for prop, prefix in (("ceterms:requires", ""), ("ceterms:recommends", "Recommended: ")):
            for profile in _nodes(p[prop]):
                sub = _Props(profile, f"{prop}/", self.unmapped)
                label = _text(sub["ceterms:name"])
                texts = [_text(sub[key], lines=True) for key in ("ceterms:description", "ceterms:experience")]
                texts = [t for t in texts if _real_text(t)]
                conditions = [t for t in _texts(sub["ceterms:condition"]) if _real_text(t)]
                items = [s for s in (_sentences(t) for t in texts) if s] + conditions
                experience = _number(sub["ceterms:yearsOfExperience"])
                if experience is not None and 0 < experience <= 100:
                    items.append(f"At least {_plain_number(experience)} years of experience")
                    if not prefix:
                        years.add(experience)
                items += self.target_names(sub)
                if label and not _same_name(label, own_name) and _real_text(label) and items:
                    items = [f"{label}: {items[0]}", *items[1:]]
                lines += [prefix + item for item in items]
                if not prefix:
                    required_texts += [*texts, *conditions]
                    self.cost_profiles.append((sub["ceterms:estimatedCost"], f"{prop}/ceterms:estimatedCost/", False))
                elif _nodes(profile.get("ceterms:estimatedCost")):
                    sub.used.add("ceterms:estimatedCost")  # optional (a study guide): reported whole, once
                    self.unmapped.add(f"{prop}/ceterms:estimatedCost")
                sub.done()
        if own_name:  # "Requirements for Master of ..." names the credential, not what it requires
            required_texts = [t.replace(own_name, "") for t in required_texts]
        return list(dict.fromkeys(lines)), self.requirements(required_texts, years)

    def requirements(self, texts: list[str], years: set[float]) -> Record | None:
        """Structured requirements, only where the record states them plainly (one education level,
        one number of years of experience)."""
        levels = {level for level, pattern in _EDUCATION for text in texts if pattern.search(text)}
        for text in texts:
            for match in _EXPERIENCE_YEARS.finditer(text):
                years.add(_count(match.group(1)))
        route: Record = {}
        if len(levels) == 1:
            route["education"] = levels.pop()
        if len(years) == 1:
            route["experience_years"] = _plain_number(years.pop())
        if not route:
            return None
        route["note"] = "Read from the record's condition text; check it."
        return route

    # --- time ----------------------------------------------------------------------------------
    def duration(self) -> Record | None:
        lows: list[float] = []
        highs: list[float] = []
        notes: list[str] = []
        for profile in _nodes(self.props["ceterms:estimatedDuration"]):
            sub = _Props(profile, "ceterms:estimatedDuration/", self.unmapped)
            exact = parse_duration(_text(sub["ceterms:exactDuration"]))
            low = parse_duration(_text(sub["ceterms:minimumDuration"]))
            high = parse_duration(_text(sub["ceterms:maximumDuration"]))
            for span, bucket in ((exact, lows), (exact, highs), (low, lows), (high, highs)):
                if span is not None:
                    bucket.append(span.months)
            inexact = [s.words for s in (exact, low, high) if s is not None and not s.exact]
            if inexact:
                notes.append(f"The record gives {' to '.join(dict.fromkeys(inexact))}.")
            text = _text(sub["ceterms:description"], lines=True)
            if _real_text(text):
                notes.append(_sentences(text, 2, 300))
            sub.done()
        if not lows and not highs:
            return None
        out: Record = {}
        if lows:
            out["min_months"] = _months_value(min(lows))
        if highs:
            out["max_months"] = _months_value(max(highs))
        if "min_months" in out and "max_months" in out and out["min_months"] > out["max_months"]:
            out["min_months"], out["max_months"] = out["max_months"], out["min_months"]
        if any(v > MAX_NUMBER for k, v in out.items()):
            return None
        if notes:
            out["note"] = _notes(notes)
        return out

    def renewal(self) -> tuple[Record | None, int | None, list[Any]]:
        """The renewal period and requirement, and the cost profiles found in renewal conditions."""
        p = self.props
        out: Record = {}
        notes = []
        years: int | None = None
        frequency = parse_duration(_text(p["ceterms:renewalFrequency"]))
        if frequency is not None and frequency.months > 0:
            if frequency.exact and frequency.months % 12 == 0 and frequency.months <= 12 * 100:
                years = int(frequency.months // 12)
            else:
                notes.append(f"The record gives a renewal every {frequency.words}.")
        texts: list[str] = []
        costs: list[Any] = []
        for profile in _nodes(p["ceterms:renewal"]):
            sub = _Props(profile, "ceterms:renewal/", self.unmapped)
            texts += [_text(sub[key], lines=True) for key in ("ceterms:description", "ceterms:experience")]
            texts += _texts(sub["ceterms:condition"])
            if _same_name(_text(profile.get("ceterms:name")), _text(p.node.get("ceterms:name"))):
                sub.used.add("ceterms:name")  # it only repeats the credential's name
            costs += _nodes(sub["ceterms:estimatedCost"])
            sub.done()
        texts = [t for t in texts if _real_text(t)]
        if years is not None:
            out["every_years"] = years
        requirement = _sentences(texts[0], 2, 300) if texts else ""
        if requirement:
            out["requirement"] = requirement
        if notes:
            out["note"] = " ".join(notes)
        return (out or None), years, costs

    # --- money ---------------------------------------------------------------------------------
    def costs(self, renewal_costs: list[Any], renewal_years: int | None) -> list[Record]:
        groups = [(self.props["ceterms:estimatedCost"], "ceterms:estimatedCost/", False), *self.cost_profiles]
        groups.append((renewal_costs, "ceterms:renewal/ceterms:estimatedCost/", True))
        profiles = [(node, path, renewal) for value, path, renewal in groups for node in _nodes(value)]
        for node, _, _ in profiles:  # the entry's currency: the first one a priced fee is given in
            code = currency_code(node.get("ceterms:currency"))
            if code and _number(node.get("ceterms:price")) is not None:
                self.currency = code
                break
        else:
            self.currency = next(
                (c for c in (currency_code(n.get("ceterms:currency")) for n, _, _ in profiles) if c), None
            )
        return [self.fee(node, path, renewal, renewal_years) for node, path, renewal in profiles]

    def fee(self, node: dict[str, Any], path: str, renewal: bool, renewal_years: int | None) -> Record:
        sub = _Props(node, path, self.unmapped)
        cost_type = _nodes(sub["ceterms:directCostType"])
        type_name = ""
        if cost_type:
            type_name = _text(cost_type[0].get("ceterms:targetNodeName")) or _COST_TYPE_LABEL.sub(
                " ", _local_name(cost_type[0].get("ceterms:targetNode"))
            )
        label = _MARKS.sub("", _text(sub["ceterms:name"])).strip() or type_name or "Cost"
        if renewal and not re.search(r"renew|recert|maint", label, re.I):
            label += " (renewal)"
        fee: Record = {"label": label}
        notes: list[str] = []
        currency = currency_code(sub["ceterms:currency"])
        raw_currency = _text(node.get("ceterms:currency"))
        price = _number(sub["ceterms:price"])
        low, high = _number(sub["certfind:minPrice"]), _number(sub["certfind:maxPrice"])
        amounts: Record = {}
        if price is not None:
            amounts["amount"] = price
        elif low is not None and high is not None and low <= high:
            amounts["min"], amounts["max"] = low, high
        if amounts:
            given = " to ".join(f"{_plain_number(v)}" for v in amounts.values())
            if any(v < 0 or v > MAX_NUMBER for v in amounts.values()):
                notes.append(f"The record gives {given}, which is not a usable amount.")
            elif currency is None and raw_currency:
                notes.append(f"The record gives {given} in {raw_currency!r}, a currency certfind does not know.")
            elif currency is None:
                notes.append(f"The record gives {given} without a currency.")
            elif currency != self.currency:
                notes.append(f"The record gives {currency} {given}; this entry's fees are in {self.currency}.")
            else:
                fee.update({k: _plain_number(round(v, 2)) for k, v in amounts.items()})
        audience = self.audience(sub["ceterms:audienceType"], notes)
        if audience:
            fee["audience"] = audience
        count = _number(sub["certfind:count"])
        if count is not None and count == int(count) and 1 < count <= MAX_NUMBER:
            fee["count"] = int(count)
        every = _number(sub["certfind:everyYears"])
        pattern = _text(sub["ceterms:paymentPattern"])
        if every is None and pattern:
            every = _payment_years(pattern)
            if every is None and _real_text(pattern):
                notes.append(f"Payment: {pattern}")
        if every is None and renewal:
            every = renewal_years
            if every is None:
                notes.append("Paid at each renewal; the record does not say how often.")
        if every is not None and every == int(every) and 1 <= every <= 100:
            fee["every_years"] = int(every)
        description = _text(sub["ceterms:description"], lines=True)
        if _real_text(description) and not _same_name(description, label):
            notes.insert(0, _sentences(description, 1, 200))
        notes += [t for t in _texts(sub["ceterms:condition"]) if _real_text(t)]
        if notes:
            fee["note"] = _notes(notes)
        source = _web_url(sub["ceterms:costDetails"])
        if source:
            fee["source"] = source
        sub.done()
        return fee

    def audience(self, value: Any, notes: list[str]) -> str:
        found = set()
        others = []
        for item in _list(value):
            alignment = item if isinstance(item, dict) else {"ceterms:targetNode": item}
            term = _local_name(alignment.get("ceterms:targetNode")) or _text(alignment.get("ceterms:targetNodeName"))
            key = re.sub(r"[^a-z]", "", term.lower())
            if key == "member":
                found.add("member")
            elif key == "nonmember":
                found.add("non-member")
            elif term:
                others.append(_text(alignment.get("ceterms:targetNodeName")) or term)
        if others:
            notes.append(f"For: {', '.join(dict.fromkeys(others))}.")
        return found.pop() if len(found) == 1 else ""

    # --- where it came from --------------------------------------------------------------------
    def sources(self, name: str, ctid: str, page: str) -> list[Record]:
        record_url = _web_url(self.props.node.get("@id"))
        title = f"Credential Registry record: {name} ({ctid})" if ctid else f"CTDL record: {name}"
        first: Record = {"title": title}
        if record_url:
            first["url"] = record_url
        first["accessed"] = self.today.isoformat()
        out = [first]
        if page:
            out.append({"title": f"{name}: the credential's web page, as the record gives it", "url": page})
        return out


def _payment_years(text: str) -> int | None:
    if re.search(r"\b(?:annual(?:ly)?|yearly|per year|each year|every year|a year)\b", text, re.I):
        return 1
    return _years_stated([text])


def _new_id(ctid: str, node_id: str, name: str, taken: set[str]) -> str:
    """The CTID lowercased; an entry certfind exported keeps its id (urn:certfind:ID); else the name."""
    base = ctid.lower() if ID_RE.match(ctid.lower()) else ""
    if not base and node_id.startswith("urn:certfind:") and ID_RE.match(node_id[len("urn:certfind:") :]):
        base = node_id[len("urn:certfind:") :]
    if not base:
        folded = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
        base = "-".join(re.findall(r"[a-z0-9]+", folded))[:60].strip("-") or "imported"
    ident, n = base, 1
    while ident in taken:
        n += 1
        ident = f"{base}-{n}"
    taken.add(ident)
    return ident


def describe_unmapped(counts: Mapping[str, int]) -> str:
    """`not mapped: ceterms:accreditedBy (2 records), ceterms:naics (1 record)`."""
    parts = [f"{prop} ({n} record{'' if n == 1 else 's'})" for prop, n in sorted(counts.items())]
    return "not mapped: " + ", ".join(parts)


# --- writing a catalog -------------------------------------------------------------------------

_PLAIN_FIRST = re.compile(r"[^\W\d]|[($/_]")
_PLAIN_UNSAFE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029\ud800-\udfff\ufeff\ufffe\uffff]|: |\s#|:\Z|\s\Z")
_RESERVED = frozenset({"null", "true", "false", "yes", "no", "on", "off", "y", "n"})


def _yaml_scalar(value: Any, ascii_only: bool) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise ValueError(f"a catalog holds finite numbers only, not {value}")
        return repr(_plain_number(value))
    text = str(value)
    plain = text and _PLAIN_FIRST.match(text) and not _PLAIN_UNSAFE.search(text) and text.lower() not in _RESERVED
    if plain and (text.isascii() or not ascii_only):
        return text
    return _yaml_quoted(text, ascii_only)


def _printable(code: int) -> bool:
    """Characters YAML takes raw in a double-quoted scalar (and no reader takes for a line break)."""
    if code in (0x2028, 0x2029, 0xFEFF):
        return False
    return 0x20 <= code < 0x7F or 0xA0 <= code < 0xD800 or 0xE000 <= code < 0xFFFE or code >= 0x10000


def _yaml_quoted(text: str, ascii_only: bool = False) -> str:
    """A double-quoted YAML scalar: printable characters raw (only ASCII ones with `ascii_only`),
    everything else as an escape."""
    out = ['"']
    for c in text:
        code = ord(c)
        if c in '"\\':
            out.append("\\" + c)
        elif _printable(code) and (code < 0x7F or not ascii_only):
            out.append(c)
        elif code < 0x100:
            out.append(f"\\x{code:02x}")
        elif code < 0x10000:
            out.append(f"\\u{code:04x}")
        else:
            out.append(f"\\U{code:08x}")
    out.append('"')
    return "".join(out)


def _yaml_block(value: Any, indent: int, ascii_only: bool) -> list[str]:
    """A mapping's fields or a list's items as block lines at this indent."""
    pad = " " * indent
    lines: list[str] = []
    if isinstance(value, dict):
        for key, item in value.items():
            head = f"{pad}{_yaml_scalar(key, ascii_only)}:"
            if isinstance(item, (dict, list)) and item:
                lines.append(head)
                lines += _yaml_block(item, indent + 2, ascii_only)
            else:
                lines.append(f"{head} {_yaml_inline(item, ascii_only)}")
        return lines
    for item in value:
        if isinstance(item, (dict, list)) and item:
            nested = _yaml_block(item, indent + 2, ascii_only)
            lines.append(f"{pad}- {nested[0].lstrip()}")
            lines += nested[1:]
        else:
            lines.append(f"{pad}- {_yaml_inline(item, ascii_only)}")
    return lines


def _yaml_inline(value: Any, ascii_only: bool) -> str:
    if isinstance(value, dict):
        return "{}"
    if isinstance(value, list):
        return "[]"
    return _yaml_scalar(value, ascii_only)


def to_yaml(
    records: Sequence[Record], *, files: Sequence[str] = (), today: date | None = None, ascii_only: bool = False
) -> str:
    """A complete catalog document that certfind reads back as the same records: block style, every
    string YAML could read as something else quoted, no anchors or tags. `ascii_only` escapes every
    other character (the same text, for a terminal that cannot show it)."""
    day = (today or date.today()).isoformat()
    origin = _yaml_quoted(", ".join(clean(f) for f in files), ascii_only)[1:-1] or "CTDL records"
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
            lines += _yaml_block([record], 2, ascii_only)
    return "\n".join(lines) + "\n"


def to_json(records: Sequence[Record], *, ascii_only: bool = False) -> str:
    """The records as a JSON array; no control, bidi or invisible character survives raw."""
    return json_safe(json.dumps(list(records), ensure_ascii=ascii_only, indent=2)) + "\n"


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
        return render(True)
    return text


# --- export ------------------------------------------------------------------------------------


def export(certs: Iterable[Certification]) -> dict[str, Any]:
    """A CTDL JSON-LD `@graph` document of the entries (not-found ones left out), their issuers
    included as organization nodes."""
    graph: list[dict[str, Any]] = []
    organizations: dict[str, dict[str, Any]] = {}
    for cert in certs:
        if cert.verification.status == "not-found":
            continue
        org = organizations.get(cert.issuer)
        if org is None:
            org = _organization(cert, len(organizations) + 1)
            organizations[cert.issuer] = org
        elif cert.issuer_url and "ceterms:subjectWebpage" not in org:
            org["ceterms:subjectWebpage"] = cert.issuer_url
        graph.append(_credential_node(cert, org["@id"]))
    return {
        "@context": [CTDL_CONTEXT, {"certfind": CERTFIND_NS}],
        "@graph": [*graph, *organizations.values()],
    }


def _lang_map(text: str) -> dict[str, str]:
    return {"en-US": text}


def _alignment(target: str, name: str) -> dict[str, Any]:
    return {
        "@type": "ceterms:CredentialAlignmentObject",
        "ceterms:targetNode": target,
        "ceterms:targetNodeName": _lang_map(name),
    }


def _organization(cert: Certification, number: int) -> dict[str, Any]:
    slug = "-".join(re.findall(r"[a-z0-9]+", cert.issuer.lower()))[:40] or "issuer"
    org: dict[str, Any] = {
        "@id": f"_:org-{number}-{slug}",
        "@type": "ceterms:CredentialOrganization",
        "ceterms:name": _lang_map(cert.issuer),
    }
    if cert.issuer_url:
        org["ceterms:subjectWebpage"] = cert.issuer_url
    return org


def _credential_node(cert: Certification, org_id: str) -> dict[str, Any]:
    ctid = cert.id if _CTID.fullmatch(cert.id) else ""
    web = [s.url for s in cert.sources if s.web]
    node: dict[str, Any] = {}
    if ctid:
        node["@id"] = next(
            (url for url in web if ctid in url.lower() and "/resources/" in url), REGISTRY_RESOURCES + ctid
        )
    else:
        node["@id"] = f"urn:certfind:{cert.id}"
    node["@type"] = f"ceterms:{_TYPE_OF_KIND.get(cert.kind, 'Certification')}"
    if _KIND_OF_TYPE.get(_TYPE_OF_KIND.get(cert.kind, "")) != cert.kind:
        node["certfind:kind"] = cert.kind
    if ctid:
        node["ceterms:ctid"] = ctid
    node["ceterms:name"] = _lang_map(cert.name)
    node["ceterms:description"] = _lang_map(cert.summary)
    if cert.acronym:
        node["certfind:acronym"] = cert.acronym
    names = list(dict.fromkeys([*cert.aliases, *([cert.acronym] if cert.acronym else [])]))
    if names:
        node["ceterms:alternateName"] = {"en-US": names}
    node["ceterms:ownedBy"] = [org_id]
    node["certfind:category"] = cert.category
    page = _subject_page(cert, web)
    if page:
        node["ceterms:subjectWebpage"] = page
    if cert.status in ("active", "discontinued"):
        active = cert.status == "active"
        node["ceterms:credentialStatusType"] = _alignment(
            "credentialStat:Active" if active else "credentialStat:Deprecated", "Active" if active else "Deprecated"
        )
    if cert.topics:
        node["ceterms:keyword"] = {"en-US": list(cert.topics)}
    if cert.occupations:
        node["ceterms:occupationType"] = [_occupation(code) for code in cert.occupations]
    if cert.region:
        node["ceterms:jurisdiction"] = [
            {"@type": "ceterms:JurisdictionProfile", "ceterms:mainJurisdiction": [_place(code) for code in cert.region]}
        ]
    if cert.eligibility or cert.requirements:
        node["ceterms:requires"] = [_requires(cert)]
    d = cert.duration
    if d is not None and (d.min_months is not None or d.max_months is not None):
        profile: dict[str, Any] = {"@type": "ceterms:DurationProfile"}
        if d.min_months == d.max_months and d.min_months is not None:
            profile["ceterms:exactDuration"] = iso_duration(d.min_months)
        else:
            if d.min_months is not None:
                profile["ceterms:minimumDuration"] = iso_duration(d.min_months)
            if d.max_months is not None:
                profile["ceterms:maximumDuration"] = iso_duration(d.max_months)
        if d.note:
            profile["ceterms:description"] = _lang_map(d.note)
        node["ceterms:estimatedDuration"] = [profile]
    if cert.costs:
        node["ceterms:estimatedCost"] = [_cost_profile(fee, cert.currency) for fee in cert.costs]
    r = cert.renewal
    if r is not None and r.every_years:
        node["ceterms:renewalFrequency"] = f"P{r.every_years}Y"
    if r is not None and (r.requirement or r.note):
        node["ceterms:renewal"] = [
            {
                "@type": "ceterms:ConditionProfile",
                "ceterms:description": _lang_map(" ".join(t for t in (r.requirement, r.note) if t)),
            }
        ]
    v = cert.verification
    node["certfind:verificationStatus"] = v.status
    if v.checked is not None:
        node["certfind:checked"] = {"@value": v.checked.isoformat(), "@type": "http://www.w3.org/2001/XMLSchema#date"}
    if v.note:
        node["certfind:evidence"] = v.note
    if web:
        node["certfind:source"] = [{"@id": url} for url in dict.fromkeys(web)]
    return node


def _subject_page(cert: Certification, web: list[str]) -> str:
    """The credential's own page: a source on the issuer's site if there is one, else the issuer's site."""
    host = re.sub(r"^https?://(www\.)?", "", cert.issuer_url).split("/")[0].lower()
    if host:
        for url in web:
            if re.sub(r"^https?://(www\.)?", "", url).split("/")[0].lower() == host:
                return url
    return cert.issuer_url or (web[0] if web else "")


def _occupation(code: str) -> dict[str, Any]:
    alignment: dict[str, Any] = {
        "@type": "ceterms:CredentialAlignmentObject",
        "ceterms:codedNotation": code,
        "ceterms:framework": SOC_FRAMEWORK,
        "ceterms:frameworkName": _lang_map("Standard Occupational Classification"),
    }
    title = occupations.title(code)
    if title:
        alignment["ceterms:targetNodeName"] = _lang_map(title)
    return alignment


def _place(code: str) -> dict[str, Any]:
    country, _, local = code.partition("-")
    place: dict[str, Any] = {"@type": "ceterms:Place", "ceterms:addressCountry": _lang_map(places.name(country))}
    if local:
        place["ceterms:addressRegion"] = _lang_map(places.name(code))
    return place


_EDUCATION_WORDS = {
    "none": "No formal education required",
    "high-school": "A high-school diploma or equivalent",
    "associate": "An associate degree",
    "bachelor": "A bachelor's degree",
    "master": "A master's degree",
    "doctorate": "A doctoral degree",
}


def _requires(cert: Certification) -> dict[str, Any]:
    conditions = list(cert.eligibility)
    profile: dict[str, Any] = {"@type": "ceterms:ConditionProfile"}
    if len(cert.requirements) == 1:
        route = cert.requirements[0]
        if route.education:
            conditions.append(_EDUCATION_WORDS[route.education])
        if route.experience_years is not None:
            profile["ceterms:yearsOfExperience"] = route.experience_years
    if conditions:
        profile["ceterms:condition"] = {"en-US": list(dict.fromkeys(conditions))}
    return profile


_DIRECT_COST_TYPES = (
    (re.compile(r"re-?exam", re.I), "ReexaminationFee"),
    (re.compile(r"renew|recert|maint", re.I), "RenewalFee"),
    (re.compile(r"applica", re.I), "Application"),
    (re.compile(r"exam|assessment|test", re.I), "StandaloneAssessment"),
    (re.compile(r"tuition|course", re.I), "Tuition"),
    (re.compile(r"enrol|registration", re.I), "EnrollmentFee"),
)


def _cost_profile(fee: Fee, currency: str) -> dict[str, Any]:
    profile: dict[str, Any] = {"@type": "ceterms:CostProfile", "ceterms:name": _lang_map(fee.label)}
    if fee.note or fee.ranged or fee.units > 1:  # what ceterms:price alone cannot say
        profile["ceterms:description"] = _lang_map(fee.note or _fee_words(fee, currency))
    if fee.known and not fee.ranged and fee.min_cents is not None:
        profile["ceterms:price"] = cents_to_number(fee.min_cents)
    profile["ceterms:currency"] = currency
    if fee.ranged and fee.min_cents is not None and fee.max_cents is not None:
        profile["certfind:minPrice"] = cents_to_number(fee.min_cents)
        profile["certfind:maxPrice"] = cents_to_number(fee.max_cents)
    for pattern, cost_type in _DIRECT_COST_TYPES:
        if pattern.search(fee.label):
            words = _COST_TYPE_LABEL.sub(" ", cost_type)
            profile["ceterms:directCostType"] = _alignment(f"costType:{cost_type}", words)
            break
    if fee.audience in ("member", "non-member"):
        member = fee.audience == "member"
        profile["ceterms:audienceType"] = [
            _alignment("audience:Member" if member else "audience:NonMember", "Member" if member else "Non-Member")
        ]
    if fee.units > 1:
        profile["certfind:count"] = fee.units
    if fee.every_years is not None:
        every = "Every year" if fee.every_years == 1 else f"Every {fee.every_years} years"
        profile["ceterms:paymentPattern"] = _lang_map(every)
        profile["certfind:everyYears"] = fee.every_years
    if fee.source and WEB_URL.match(fee.source):
        profile["ceterms:costDetails"] = fee.source
    return profile


def _fee_words(fee: Fee, currency: str) -> str:
    if fee.min_cents is None or fee.max_cents is None:
        amount = "amount not known"
    elif fee.ranged:
        amount = f"{currency} {cents_to_number(fee.min_cents)} to {cents_to_number(fee.max_cents)}"
    else:
        amount = f"{currency} {cents_to_number(fee.min_cents)}"
    times = f" x {fee.units}" if fee.units > 1 else ""
    who = {"member": " for members", "non-member": " for non-members"}.get(fee.audience, "")
    return f"{fee.label}: {amount}{times}{who}."


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
    "records_from",
    "to_json",
    "to_yaml",
]
