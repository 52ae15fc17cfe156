"""Helpers for the CTDL tests: the real records, their expanded and `@vocab` forms made with pyld, and a
reading of a credential's key fields written here, apart from certfind's own reader, to compare an
original with what certfind exports after importing it."""

from __future__ import annotations

import copy
import json
import re
from pathlib import Path
from typing import Any, NamedTuple

from pyld import jsonld

from certfind import ctdl
from certfind.ctdl import vocab
from certfind.ctdl.jsonld import document_loader

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "ctdl"
RECORDS = sorted(path.name for path in FIXTURES.glob("*.json"))
FORMS = ("compact", "expanded", "vocab")
TERMS = "https://purl.org/ctdl/terms/"
OPTIONS = {"documentLoader": document_loader()}


def record_path(name: str) -> Path:
    return FIXTURES / name


def raw(name: str) -> Any:
    return json.loads(record_path(name).read_text(encoding="utf-8-sig"))


def in_form(document: Any, form: str) -> Any:
    """The same document in another JSON-LD form, made with pyld (an envelope keeps its wrapping)."""
    if form == "compact":
        return document
    if isinstance(document, dict) and "decoded_resource" in document:
        return {**document, "decoded_resource": in_form(document["decoded_resource"], form)}
    expanded = jsonld.expand(copy.deepcopy(document), dict(OPTIONS))
    if form == "expanded":
        return expanded
    return jsonld.compact(expanded, {"@vocab": TERMS}, dict(OPTIONS))


def write_form(name: str, form: str, folder: Path) -> Path:
    path = folder / f"{form}-{name}"
    path.write_text(json.dumps(in_form(raw(name), form)), encoding="utf-8")
    return path


def expanded_nodes(document: Any) -> list[dict[str, Any]]:
    """Every node of a document, expanded (the JSON-LD inside an envelope)."""
    if isinstance(document, dict) and "decoded_resource" in document:
        document = document["decoded_resource"]
    found: list[dict[str, Any]] = []
    for node in jsonld.expand(copy.deepcopy(document), dict(OPTIONS)):
        found += node.get("@graph", [node])
    return found


# --- key fields, read here from expanded JSON-LD ----------------------------------------------------

LANGUAGE_NAMES = {"english": "en"}  # a record may give its language by name (nbcot: "English")


class Key(NamedTuple):
    name: str
    ctdl_class: str
    ctid: str | None
    owner: tuple[str | None, str | None]  # (name, URI)
    status: str | None
    web_page: str | None
    costs: tuple[tuple[float | None, str | None, str | None], ...]  # (price, currency, cost type)
    durations: tuple[float | None, float | None, float | None]  # (fewest days, most days, hours)
    occupations: tuple[str, ...]
    language: str | None


KEY_FIELDS = Key._fields


def values(node: dict[str, Any], term: str) -> list[Any]:
    return list(node.get(TERMS + term, []))


def literal(node: dict[str, Any], term: str) -> Any:
    found = [v["@value"] for v in values(node, term) if "@value" in v]
    return found[0] if found else None


def link(node: dict[str, Any], term: str) -> str | None:
    for value in values(node, term):
        if "@id" in value:
            return str(value["@id"])
        if "@value" in value:
            return str(value["@value"])
    return None


def english(node: dict[str, Any], term: str) -> tuple[str, str] | None:
    """(text, language) of a language-tagged property, English first."""
    found = [(v["@value"], v.get("@language", "").lower()) for v in values(node, term) if "@value" in v]
    for wanted in ("en-us", "en"):
        for text, language in found:
            if language == wanted:
                return text, language
    for text, language in found:
        if language.startswith("en-"):
            return text, language
    return found[0] if found else None


def local(iri: str | None) -> str | None:
    return None if iri is None else re.split(r"[:/#]", iri)[-1]


def days(text: Any) -> tuple[float | None, float | None]:
    """(elapsed days, hours) of an ISO 8601 duration; hours when it has only a time part."""
    match = re.fullmatch(r"P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?)?", str(text))
    if match is None:
        return None, None
    y, m, w, d, h, mi = (int(g) if g else 0 for g in match.groups())
    if not (y or m or w or d):
        return None, h + mi / 60
    return y * 365.25 + m * 365.25 / 12 + w * 7 + d + (h + mi / 60) / 24, None


def key_fields(nodes: list[dict[str, Any]], credential: dict[str, Any]) -> Key:
    by_id = {node["@id"]: node for node in nodes if "@id" in node}
    name = english(credential, "name")
    classes = [t[len(TERMS) :] for t in credential.get("@type", []) if t.startswith(TERMS)]
    ctid = literal(credential, "ctid")
    owners = values(credential, "ownedBy") or values(credential, "offeredBy")
    owner: tuple[str | None, str | None] = (None, None)
    if owners:
        ident = owners[0].get("@id")
        org = by_id.get(ident) if ident else owners[0]
        org_name = english(org, "name") if org else None
        uri = ident if ident and not ident.startswith("_:") else None
        owner = (org_name[0].strip() if org_name else None, uri)
    status = [link(v, "targetNode") for v in values(credential, "credentialStatusType")]
    costs = []
    for holder in [credential, *(v for t in ("requires", "renewal") for v in values(credential, t))]:
        for profile in values(holder, "estimatedCost"):
            price = literal(profile, "price")
            currency = literal(profile, "currency")
            cost_type = [local(link(v, "targetNode")) for v in values(profile, "directCostType")]
            costs.append(
                (
                    None if price is None else float(price),
                    None if currency is None else ctdl.currency_code(currency),
                    cost_type[0] if cost_type else None,
                )
            )
    spans: list[float] = []
    lows: list[float] = []
    highs: list[float] = []
    hours: list[float] = []
    for profile in values(credential, "estimatedDuration"):
        for term, bucket in (("exactDuration", spans), ("minimumDuration", lows), ("maximumDuration", highs)):
            elapsed, effort = days(literal(profile, term))
            if elapsed is not None:
                bucket.append(elapsed)
            if effort is not None:
                hours.append(effort)
        effort = days(literal(profile, "timeRequired"))[1]
        if effort is not None:
            hours.append(effort)
    low = min([*spans, *lows], default=None)
    high = max([*spans, *highs], default=None)
    codes = set()
    for alignment in values(credential, "occupationType"):
        coded = " ".join(str(v) for v in (literal(alignment, "codedNotation"), link(alignment, "targetNode")) if v)
        found = re.search(r"\d{2}-\d{4}", coded)
        if found:
            codes.add(found.group())
    declared = [str(v["@value"]) for v in values(credential, "inLanguage") if "@value" in v]
    language = LANGUAGE_NAMES.get(declared[0].lower(), declared[0]) if declared else (name[1] if name else None)
    return Key(
        name=name[0].strip() if name else "",
        ctdl_class=classes[0] if classes else "",
        ctid=str(ctid).lower() if ctid else None,
        owner=owner,
        status=local(status[0]) if status else None,
        web_page=link(credential, "subjectWebpage"),
        costs=tuple(sorted(costs, key=repr)),
        durations=(low, high, max(hours) if hours else None),
        occupations=tuple(sorted(codes)),
        language=language.lower() if language else None,
    )


def credentials(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The credentials a document is about: those with a CTID, or failing that every credential."""
    found = [n for n in nodes if any(vocab.is_credential_class(local(t) or "") for t in n.get("@type", []))]
    with_ctid = [n for n in found if literal(n, "ctid")]
    return with_ctid or found


def same(field: str, before: Any, after: Any) -> bool:
    """Equal, durations within half a day (a month is 30.4375 days either way)."""
    if field == "durations":
        return all(
            (a is None and b is None) or (a is not None and b is not None and abs(a - b) < 0.5)
            for a, b in zip(before, after, strict=True)
        )
    return bool(before == after)
