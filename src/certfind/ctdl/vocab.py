"""CTDL's vocabularies as certfind reads and writes them: credential classes and kinds, statuses, cost
types, ISO 8601 durations, currencies, places and categories.

Pure tables and small functions; standard library and certfind's own modules only (no pyld).
"""

from __future__ import annotations

import math
import re
from functools import cache
from typing import NamedTuple

from certfind import places
from certfind.model import COST_TYPES, CTDL_TYPES, KINDS

TERMS = "https://purl.org/ctdl/terms/"
"""CTDL's terms (`ceterms:`), as every CTDL IRI is written today."""
OLD_TERMS = "http://purl.org/ctdl/terms/"
"""The same terms as 2016 records wrote them."""
VOCABS = "https://purl.org/ctdl/vocabs/"
CERTFIND_NS = "https://certfind.example/ns#"
"""certfind's own terms (`.example` never resolves: the names are certfind's and nobody else's)."""
CTDL_CONTEXT = "https://credreg.net/ctdl/schema/context/json"
SOC_FRAMEWORK = "https://www.bls.gov/soc/"
REGISTRY_HOST = "credentialengineregistry.org"

CTID = re.compile(r"ce-[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.IGNORECASE)
_URN_CTID = re.compile(r"urn:ctid:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\Z", re.IGNORECASE)

# Titles of the two sources an import writes. The export finds the record's own @id and the credential's
# page by them, so that neither is ever made up.
RECORD_TITLE = "CTDL record"
PAGE_TITLE = "the credential's web page, as the record gives it"
NO_OWNER = "Not named in the record"
"""The issuer of a record that names no owner at all: the export writes no organisation for it."""


def normal_ctid(text: str) -> str:
    """A CTID as the Registry writes it (`ce-` and a lower-case UUID), from `ce-...` or `urn:ctid:...`; ""
    when the text is neither."""
    text = text.strip()
    old = _URN_CTID.match(text)
    if old:
        return "ce-" + old.group(1).lower()
    return text.lower() if CTID.fullmatch(text) else ""


def local_name(iri: str) -> str:
    """`https://purl.org/ctdl/terms/Certification`, `ceterms:Certification` -> `Certification`."""
    return re.split(r"[:/#]", iri.strip())[-1]


def camel_words(name: str) -> str:
    """`ProgramSpecificFee` -> `Program Specific Fee`."""
    return re.sub(r"(?<=[a-z])(?=[A-Z])", " ", name)


# --- classes and kinds ----------------------------------------------------------------------------

DEFAULT_CLASS = {
    "certification": "Certification",
    "certificate": "Certificate",
    "license": "License",
    "badge": "DigitalBadge",
    "degree": "Degree",
    "diploma": "Diploma",
    "endorsement": "License",  # CTDL has no class for these three: certfind:kind keeps the kind
    "registration": "Certification",
    "assessment": "Certification",
}
"""The class a kind exports as when the entry names no more specific one (`ctdl_type`)."""
assert set(DEFAULT_CLASS) == set(KINDS)

GENERIC_CLASSES = frozenset({"Credential", "Degree"})
"""Classes the Registry does not publish: a credential must be of a more specific class."""
_SUFFIXES = ("Certification", "Certificate", "License", "Badge", "Degree", "Doctorate", "Diploma", "Credential")


def is_credential_class(name: str) -> bool:
    return name in CTDL_TYPES or name.endswith(_SUFFIXES)


def kind_of_class(name: str) -> str | None:
    """certfind's kind for a CTDL credential class; None for the generic `Credential`."""
    if name in ("Certification", "QualityAssuranceCredential"):
        return "certification"
    if name == "License":
        return "license"
    if name in ("Badge", "DigitalBadge", "OpenBadge"):
        return "badge"
    if name in ("Diploma", "SecondarySchoolDiploma", "GeneralEducationDevelopment"):
        return "diploma"
    if name.endswith(("Degree", "Doctorate")):
        return "degree"
    if name.endswith("Certificate") or name == "MicroCredential":
        return "certificate"
    return None


# --- statuses ---------------------------------------------------------------------------------------

STATUS_OF_TERM = {
    "Active": "active",
    "Ceasing": "ceasing",
    "Suspended": "suspended",
    "TeachOut": "teach-out",
    "Probationary": "probationary",
    "Deprecated": "deprecated",
}
"""CTDL's credential statuses (credentialStat:) and certfind's words for them."""
TERM_OF_STATUS = {**{status: term for term, status in STATUS_OF_TERM.items()}, "discontinued": "Deprecated"}
"""certfind's statuses in CTDL; `unknown` has no term (the export then says nothing)."""
STATUS_FRAMEWORK = "https://credreg.net/ctdl/terms/CredentialStatus"


def status_of(term: str) -> str | None:
    """certfind's status for a credentialStat: term or its label (`Teach Out`); None if it is none of them."""
    key = re.sub(r"[^a-z]", "", term.lower())
    return next((status for name, status in STATUS_OF_TERM.items() if name.lower() == key), None)


# --- cost types ---------------------------------------------------------------------------------------

_COST_TYPE_KEYS = {re.sub(r"[^a-z]", "", name.lower()): name for name in COST_TYPES}
_PLACEHOLDER_COST = re.compile(r"(?:estimated\s+)?(?:costs?|fees?)(?:\s+profiles?)?(?:\s*#?\d+)?\Z", re.IGNORECASE)


def cost_type_of(term: str) -> str | None:
    """The costType: concept a term or its label names (`costType:Tuition`, `Program Specific Fee`)."""
    return _COST_TYPE_KEYS.get(re.sub(r"[^a-z]", "", local_name(term).lower()))


def placeholder_cost_name(name: str) -> bool:
    """A cost profile's name that says nothing of the cost: `Cost Profile`, `Costs`, `Fee 2`."""
    return bool(_PLACEHOLDER_COST.match(" ".join(name.split())))


# --- ISO 8601 durations ---------------------------------------------------------------------------------

_DURATION = re.compile(
    r"P(?!\Z)(?:(?P<Y>\d+(?:[.,]\d+)?)Y)?(?:(?P<M>\d+(?:[.,]\d+)?)M)?(?:(?P<W>\d+(?:[.,]\d+)?)W)?"
    r"(?:(?P<D>\d+(?:[.,]\d+)?)D)?(?:T(?=\d)(?:(?P<h>\d+(?:[.,]\d+)?)H)?(?:(?P<m>\d+(?:[.,]\d+)?)M)?"
    r"(?:(?P<s>\d+(?:[.,]\d+)?)S)?)?\Z"
)
DAYS_PER_MONTH = 365.25 / 12
_UNIT_WORDS = {"Y": "year", "M": "month", "W": "week", "D": "day", "h": "hour", "m": "minute", "s": "second"}


class Span(NamedTuple):
    """An ISO 8601 duration: elapsed time in months, or, when it has only a time part (PT40H), hours."""

    months: float  # elapsed, at 30.4375 days a month; 0 for hours of effort
    hours: float | None  # PTnH / PTnM: hours of effort, never read as calendar time
    exact: bool  # years and months only: nothing was rounded into months
    words: str  # "40 hours", "1 year 6 months"


def plain_number(value: float) -> int | float:
    return int(value) if value == int(value) else value


def parse_duration(text: object) -> Span | None:
    """An ISO 8601 duration (P6M, P1Y, P8W, PT40H, P2Y6M); None if the text is not one."""
    match = _DURATION.match(text.strip()) if isinstance(text, str) else None
    if match is None:
        return None
    parts = {unit: float(value.replace(",", ".")) for unit, value in match.groupdict().items() if value is not None}
    words = " ".join(f"{plain_number(n)} {_UNIT_WORDS[unit]}{'' if n == 1 else 's'}" for unit, n in parts.items() if n)
    words = words or "0 months"
    time = parts.get("h", 0) + parts.get("m", 0) / 60 + parts.get("s", 0) / 3600
    if not any(unit in parts for unit in "YMWD") and time:
        return Span(0, time, False, words)
    days = parts.get("W", 0) * 7 + parts.get("D", 0) + time / 24
    months = parts.get("Y", 0) * 12 + parts.get("M", 0) + days / DAYS_PER_MONTH
    return Span(months, None, not days, words)


def months_value(months: float) -> int | float:
    """Months as a catalog writes them: two decimals, enough to give back whole days (`iso_duration`)."""
    return plain_number(round(months, 2) if months >= 0.01 or months == 0 else 0.01)


def iso_duration(months: float) -> str:
    """Months as ISO 8601, so that reading it back gives the same months to two decimals: whole years and
    months; a whole number of days (P8W was read as 1.84 months) in weeks or days; else whole months,
    days and hours."""
    if math.isclose(months, round(months), abs_tol=1e-9):
        years, rest = divmod(round(months), 12)
        text = "P" + (f"{years}Y" if years else "") + (f"{rest}M" if rest else "")
        return text if text != "P" else "P0M"
    days = months * DAYS_PER_MONTH
    if abs(days - round(days)) <= 0.15:  # within 0.005 of a month of a whole number of days
        whole = round(days)
        return f"P{whole // 7}W" if whole % 7 == 0 else f"P{whole}D"
    whole_months = int(months)
    hours = round((months - whole_months) * DAYS_PER_MONTH * 24)
    day, hour = divmod(hours, 24)
    years, rest = divmod(whole_months, 12)
    text = "P" + (f"{years}Y" if years else "") + (f"{rest}M" if rest else "")
    text += f"{day}D" if day or text == "P" else ""
    return text + (f"T{hour}H" if hour else "")


def iso_hours(hours: float) -> str:
    """Hours of effort as ISO 8601: PT40H, PT1H30M."""
    minutes = round(hours * 60)
    whole, rest = divmod(minutes, 60)
    return "PT" + (f"{whole}H" if whole else "") + (f"{rest}M" if rest or not whole else "")


# --- currencies --------------------------------------------------------------------------------------------

_CURRENCY_NAMES = {
    **dict.fromkeys(["$", "us$", "us dollar", "us dollars", "u.s. dollar", "u.s. dollars"], "USD"),
    **dict.fromkeys(["united states dollar", "american dollar", "dollar", "dollars"], "USD"),
    **dict.fromkeys(["c$", "ca$", "can$", "canadian dollar", "canadian dollars"], "CAD"),
    **dict.fromkeys(["a$", "au$", "australian dollar", "australian dollars"], "AUD"),
    **dict.fromkeys(["nz$", "new zealand dollar", "new zealand dollars"], "NZD"),
    **dict.fromkeys(["£", "pound", "pounds", "pound sterling", "british pound", "british pounds"], "GBP"),
    **dict.fromkeys(["€", "euro", "euros"], "EUR"),
    **dict.fromkeys(["mexican peso", "mexican pesos"], "MXN"),
    **dict.fromkeys(["¥", "japanese yen", "yen"], "JPY"),
    **dict.fromkeys(["₹", "indian rupee", "indian rupees"], "INR"),
    **dict.fromkeys(["swiss franc", "swiss francs"], "CHF"),
}


def currency_code(text: object) -> str | None:
    """An ISO 4217 code from what records write: `USD`, `usd`, `US Dollar`, `$`, `C$`..."""
    if not isinstance(text, str):
        return None
    text = " ".join(text.split())
    named = _CURRENCY_NAMES.get(text.lower())
    return named or (text.upper() if re.fullmatch(r"[A-Za-z]{3}", text) else None)


# --- places ---------------------------------------------------------------------------------------------

_GEONAMES = {"6252001": "US", "6251999": "CA", "2635167": "GB", "2077456": "AU", "2186224": "NZ", "2963597": "IE"}
"""GeoNames ids of the countries whose credentials the catalog covers (a jurisdiction's geoURI)."""


def place_codes(country: str, region: str, name: str, geo_uri: str) -> list[str]:
    """ISO 3166 codes of a place from its country (a code or a name), region, name or GeoNames URI."""
    found = [c for c in places.parse(country) if "-" not in c]
    if not found:
        geo = re.search(r"geonames\.org/(\d+)", geo_uri)
        if geo and geo.group(1) in _GEONAMES:
            found = [_GEONAMES[geo.group(1)]]
    regions = list(places.parse(region))
    if found:
        within = [code for code in regions if "-" in code and places.within(code, found[0])]
        return within or found[:1]
    subdivisions = [code for code in regions if "-" in code]
    if len(subdivisions) == 1:
        return subdivisions
    named = list(places.parse(name))
    return named if len(named) == 1 else []


# --- categories -------------------------------------------------------------------------------------------

_CATEGORY_OF_SOC = {
    **dict.fromkeys(["25-4011", "25-4012", "25-4013"], "archives"),
    **dict.fromkeys(["25-4022", "25-4031", "43-4121"], "library"),
    "43-4071": "records-information",
}
_CATEGORY_WORDS = (
    ("school-library", re.compile(r"school librar|library media", re.I)),
    ("library", re.compile(r"\blibrar", re.I)),
    ("archives", re.compile(r"\barchiv", re.I)),
    ("records-information", re.compile(r"records management|information governance", re.I)),
    ("it", re.compile(r"\b(?:information technology|cyber ?security|computer|network)", re.I)),
)


def category(codes: list[str], name: str, keywords: list[str]) -> str:
    """A catalog category from the occupations, else the name, else the keywords; `imported` if none fits."""
    for code in codes:
        if code in _CATEGORY_OF_SOC:
            return _CATEGORY_OF_SOC[code]
    if any(code.startswith("15-1") for code in codes):  # computer occupations
        return "it"
    for words in ([name], keywords):
        for found, pattern in _CATEGORY_WORDS:
            if any(pattern.search(word) for word in words):
                return found
    return "imported"


_LANGUAGE_NAMES = {
    **{"english": "en", "spanish": "es", "french": "fr", "german": "de", "arabic": "ar", "chinese": "zh"},
    **{"portuguese": "pt", "italian": "it", "japanese": "ja", "korean": "ko", "russian": "ru", "vietnamese": "vi"},
}
_TAG = re.compile(r"[A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*\Z")


def declared_language(text: str) -> str:
    """A language a record declares (`inLanguage`): a BCP 47 tag, or a common language's English name
    (`English`, as some records write it); "" when it is neither."""
    text = text.strip()
    if _TAG.match(text):
        return language_tag(text)
    return _LANGUAGE_NAMES.get(text.lower(), "")


@cache
def language_tag(tag: str) -> str:
    """A BCP 47 tag in its usual case (`en-us` -> `en-US`, `zh-hant-tw` -> `zh-Hant-TW`)."""
    parts = tag.strip().split("-")
    out = [parts[0].lower()]
    for part in parts[1:]:
        if len(part) == 2:
            out.append(part.upper())
        elif len(part) == 4:
            out.append(part.title())
        else:
            out.append(part.lower())
    return "-".join(out)
