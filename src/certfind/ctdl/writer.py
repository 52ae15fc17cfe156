"""Catalog entries as CTDL JSON-LD (`--format ctdl`), and what the Registry's minimum data still lacks.

The export is an `@graph` under CTDL's context, https://credreg.net/ctdl/schema/context/json, plus one
prefix of certfind's own:

    certfind:  https://certfind.example/ns#

(`.example` never resolves: the terms are certfind's and nobody else's.) They carry what CTDL has no
property for. On a credential: `verificationStatus`, `checked` (xsd:date), `evidence` (the verification
note), `source` (each source URL), `category`, `acronym`, `kind` where the class does not say it
(endorsement, registration), and `status` for `discontinued` (CTDL says Deprecated). On a cost profile:
`minPrice` and `maxPrice` (a range), `count` and `everyYears`. The registry export
(`export(certs, registry=True)`) leaves all of them out; `registry_gaps` says, per entry, what the
Registry's minimum data for a credential still lacks.

Nothing is made up: no CTID or registry address certfind was not given, no cost type the catalog does
not state, no web page that is not the credential's own, no organisation for an owner whose name is not
known (`ownedBy` is then the owner's URI). Every credential says its language (`inLanguage`); countries
are ISO 3166-1 alpha-2 codes; organisations have ids that do not depend on the order of the output.
Entries whose verification is `not-found` are left out: no one awards them.

Pure; standard library and certfind's own modules only (no pyld).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Iterator
from typing import Any

from certfind import occupations, places
from certfind.catalogfile.checker import is_web_url
from certfind.ctdl import prose, vocab
from certfind.model import Certification, Fee, cents_to_number
from certfind.text import visible

Node = dict[str, Any]
DEFAULT_LANGUAGE = "en-US"
"""The language of certfind's own text, for an entry that does not say its own."""
_EDUCATION_WORDS = {
    "none": "No formal education required",
    "high-school": "A high-school diploma or equivalent",
    "associate": "An associate degree",
    "bachelor": "A bachelor's degree",
    "master": "A master's degree",
    "doctorate": "A doctoral degree",
}


def export(certs: Iterable[Certification], *, registry: bool = False) -> dict[str, Any]:
    """A CTDL JSON-LD `@graph` document of the entries (not-found ones left out), with a node for each
    owning organisation whose name is known. `registry`: CTDL's own terms only."""
    graph: list[Node] = []
    organizations: dict[str, Node] = {}
    for cert in _exported(certs):
        graph.append(_credential(cert, _owner(cert, organizations, registry), registry))
    context: Any = vocab.CTDL_CONTEXT if registry else [vocab.CTDL_CONTEXT, {"certfind": vocab.CERTFIND_NS}]
    return {"@context": context, "@graph": [*graph, *organizations.values()]}


def registry_gaps(certs: Iterable[Certification]) -> list[tuple[str, list[str]]]:
    """For each exported entry, what the Registry's minimum data for a credential still lacks (an empty
    list when nothing): a specific class, a CTID, a description of 15 characters or more, an owner the
    Registry can identify, a status, the credential's web page."""
    found = []
    for cert in _exported(certs):
        gaps = []
        cls = _class(cert)
        if cert.kind == "assessment":
            gaps.append("a credential class (CTDL describes an assessment as an AssessmentProfile)")
        elif cls in vocab.GENERIC_CLASSES:
            gaps.append(f"a specific credential class (the Registry does not publish ceterms:{cls})")
        if not cert.ctid:
            gaps.append("ceterms:ctid (certfind makes none up)")
        if len(visible(cert.summary).strip()) < 15:
            gaps.append("ceterms:description of at least 15 characters")
        if not cert.issuer_id and not _owner_name(cert):
            gaps.append("ceterms:ownedBy or ceterms:offeredBy")
        elif not cert.issuer_id and not cert.issuer_url:
            gaps.append("the owner's ceterms:subjectWebpage or its CTID (a reference needs one)")
        if cert.status not in vocab.TERM_OF_STATUS:
            gaps.append(f"ceterms:credentialStatusType (the status is {cert.status})")
        if not subject_page(cert):
            gaps.append("ceterms:subjectWebpage (the credential's own page)")
        found.append((cert.id, gaps))
    return found


def _exported(certs: Iterable[Certification]) -> Iterator[Certification]:
    return (cert for cert in certs if cert.verification.status != "not-found")


def _class(cert: Certification) -> str:
    return cert.ctdl_type or vocab.DEFAULT_CLASS[cert.kind]


def _owner_name(cert: Certification) -> str:
    return "" if cert.issuer == vocab.NO_OWNER else cert.issuer


def subject_page(cert: Certification) -> str:
    """The credential's own page: the one its CTDL record gave; for certfind's own entries, the issuer's
    page a source marks, else a source on the issuer's site; else none."""
    for source in cert.sources:
        if source.web and source.title.endswith(vocab.PAGE_TITLE):
            return source.url
    if any(source.title.startswith(vocab.RECORD_TITLE + ":") for source in cert.sources):
        return ""  # imported: the record gave no page, and none is taken from elsewhere
    issuers = [source.url for source in cert.sources if source.issuer and source.web]
    if issuers:
        return issuers[0]
    host = _host(cert.issuer_url)
    return next((s.url for s in cert.sources if s.web and host and _host(s.url) == host), "")


def record_id(cert: Certification) -> str:
    """The @id of the CTDL record the entry was imported from; a blank node when that record's @id was no
    web address (none is made up for it); "" for certfind's own entries (`urn:certfind:ID`)."""
    for source in cert.sources:
        if source.title.startswith(vocab.RECORD_TITLE + ":"):
            return source.url if source.web else f"_:{cert.id}"
    return ""


def _host(url: str) -> str:
    return re.sub(r"^https?://(www\.)?", "", url).split("/")[0].lower()


def _text(cert: Certification, text: str) -> dict[str, str]:
    return {cert.language or DEFAULT_LANGUAGE: text}


def _alignment(target: str, name: str, language: str, framework: str = "") -> Node:
    node: Node = {"@type": "ceterms:CredentialAlignmentObject"}
    if framework:
        node["ceterms:framework"] = framework
    node["ceterms:targetNode"] = target
    node["ceterms:targetNodeName"] = {language: name}
    return node


def _owner(cert: Certification, organizations: dict[str, Node], registry: bool) -> str:
    """What `ownedBy` points at: the owner's node (made once per owner), or its URI alone; "" for none."""
    name, uri = _owner_name(cert), cert.issuer_id
    if not name or (registry and uri):
        return uri  # an owner known only by its URI is referred to, never described
    slug = "-".join(re.findall(r"[a-z0-9]+", name.lower()))[:40] or "owner"
    digest = hashlib.sha256(f"{name}\n{cert.issuer_url}".encode()).hexdigest()[:8]  # one node per name and page
    ident = uri or f"_:org-{slug}-{digest}"
    org = organizations.get(ident)
    if org is None:
        org = {"@id": ident, "@type": "ceterms:CredentialOrganization", "ceterms:name": _text(cert, name)}
        organizations[ident] = org
    if cert.issuer_url and "ceterms:subjectWebpage" not in org:
        org["ceterms:subjectWebpage"] = cert.issuer_url
    return ident


def _credential(cert: Certification, owner: str, registry: bool) -> Node:
    language = cert.language or DEFAULT_LANGUAGE
    cls = _class(cert)
    node: Node = {"@id": record_id(cert) or f"urn:certfind:{cert.id}", "@type": f"ceterms:{cls}"}
    if not registry and vocab.kind_of_class(cls) != cert.kind:
        node["certfind:kind"] = cert.kind
    if cert.ctid:
        node["ceterms:ctid"] = cert.ctid
    node["ceterms:name"] = _text(cert, cert.name)
    node["ceterms:description"] = _text(cert, cert.summary)
    if cert.acronym and not registry:
        node["certfind:acronym"] = cert.acronym
    names = list(dict.fromkeys([*cert.aliases, *([cert.acronym] if cert.acronym else [])]))
    if names:
        node["ceterms:alternateName"] = {language: names}
    if owner:
        node["ceterms:ownedBy"] = [owner]
    node["ceterms:inLanguage"] = [language]
    if not registry:
        node["certfind:category"] = cert.category
    page = subject_page(cert)
    if page:
        node["ceterms:subjectWebpage"] = page
    term = vocab.TERM_OF_STATUS.get(cert.status)
    if term:
        target = f"credentialStat:{term}"
        words = vocab.camel_words(term)
        node["ceterms:credentialStatusType"] = _alignment(target, words, language, vocab.STATUS_FRAMEWORK)
    if term and vocab.STATUS_OF_TERM[term] != cert.status and not registry:
        node["certfind:status"] = cert.status  # discontinued: CTDL says Deprecated
    if cert.topics:
        node["ceterms:keyword"] = {language: list(cert.topics)}
    if cert.occupations:
        node["ceterms:occupationType"] = [_occupation(code, language) for code in cert.occupations]
    if cert.region:
        places_ = [_place(code, language) for code in cert.region]
        node["ceterms:jurisdiction"] = [{"@type": "ceterms:JurisdictionProfile", "ceterms:mainJurisdiction": places_}]
    if cert.eligibility or cert.requirements:
        node["ceterms:requires"] = [_requires(cert, language)]
    duration = _duration(cert, language)
    if duration:
        node["ceterms:estimatedDuration"] = [duration]
    if cert.costs:
        node["ceterms:estimatedCost"] = [_cost(fee, cert.currency, language, registry) for fee in cert.costs]
    r = cert.renewal
    if r is not None and r.every_years:
        node["ceterms:renewalFrequency"] = f"P{r.every_years}Y"
    if r is not None and (r.requirement or r.note):
        words = prose.notes([r.requirement, r.note])
        node["ceterms:renewal"] = [{"@type": "ceterms:ConditionProfile", "ceterms:description": {language: words}}]
    if not registry:
        _verification(cert, node)
    return node


def _verification(cert: Certification, node: Node) -> None:
    v = cert.verification
    node["certfind:verificationStatus"] = v.status
    if v.checked is not None:
        node["certfind:checked"] = {"@value": v.checked.isoformat(), "@type": "http://www.w3.org/2001/XMLSchema#date"}
    if v.note:
        node["certfind:evidence"] = v.note
    web = list(dict.fromkeys(s.url for s in cert.sources if s.web))
    if web:
        node["certfind:source"] = [{"@id": url} for url in web]


def _occupation(code: str, language: str) -> Node:
    alignment: Node = {
        "@type": "ceterms:CredentialAlignmentObject",
        "ceterms:codedNotation": code,
        "ceterms:framework": vocab.SOC_FRAMEWORK,
        "ceterms:frameworkName": {language: "Standard Occupational Classification"},
    }
    title = occupations.title(code)
    if title:
        alignment["ceterms:targetNodeName"] = {language: title}
    return alignment


def _place(code: str, language: str) -> Node:
    country, _, local = code.partition("-")
    place: Node = {"@type": "ceterms:Place", "ceterms:addressCountry": {language: country}}  # ISO 3166-1 alpha-2
    if local:
        place["ceterms:addressRegion"] = {language: places.name(code)}
    return place


def _requires(cert: Certification, language: str) -> Node:
    conditions = list(cert.eligibility)
    profile: Node = {"@type": "ceterms:ConditionProfile"}
    if len(cert.requirements) == 1:
        route = cert.requirements[0]
        if route.education and route.education not in prose.education_levels(conditions):
            conditions.append(_EDUCATION_WORDS[route.education])
        if route.experience_years is not None:
            profile["ceterms:yearsOfExperience"] = route.experience_years
    if conditions:
        profile["ceterms:condition"] = {language: list(dict.fromkeys(conditions))}
    return profile


def _duration(cert: Certification, language: str) -> Node | None:
    d = cert.duration
    if d is None:
        return None
    profile: Node = {"@type": "ceterms:DurationProfile"}
    if d.min_months == d.max_months and d.min_months is not None:
        profile["ceterms:exactDuration"] = vocab.iso_duration(d.min_months)
    else:
        if d.min_months is not None:
            profile["ceterms:minimumDuration"] = vocab.iso_duration(d.min_months)
        if d.max_months is not None:
            profile["ceterms:maximumDuration"] = vocab.iso_duration(d.max_months)
    if d.hours is not None:
        profile["ceterms:timeRequired"] = vocab.iso_hours(d.hours)
    if d.note:
        profile["ceterms:description"] = {language: d.note}
    return profile if len(profile) > 1 else None


def _cost(fee: Fee, currency: str, language: str, registry: bool) -> Node:
    profile: Node = {"@type": "ceterms:CostProfile", "ceterms:name": {language: fee.label}}
    if fee.note or fee.ranged or fee.units > 1:  # what ceterms:price alone cannot say
        profile["ceterms:description"] = {language: fee.note or _fee_words(fee, currency)}
    if fee.known and not fee.ranged and fee.min_cents is not None:
        profile["ceterms:price"] = cents_to_number(fee.min_cents)
    profile["ceterms:currency"] = currency
    if fee.ranged and fee.min_cents is not None and fee.max_cents is not None and not registry:
        profile["certfind:minPrice"] = cents_to_number(fee.min_cents)
        profile["certfind:maxPrice"] = cents_to_number(fee.max_cents)
    if fee.type:  # only a type the catalog states; none is guessed from the label
        profile["ceterms:directCostType"] = _alignment(f"costType:{fee.type}", vocab.camel_words(fee.type), language)
    if fee.audience in ("member", "non-member"):
        member = fee.audience == "member"
        target = "audience:Member" if member else "audience:NonMember"
        profile["ceterms:audienceType"] = [_alignment(target, "Member" if member else "Non-Member", language)]
    if fee.units > 1 and not registry:
        profile["certfind:count"] = fee.units
    if fee.every_years is not None:
        every = "Every year" if fee.every_years == 1 else f"Every {fee.every_years} years"
        profile["ceterms:paymentPattern"] = {language: every}
        if not registry:
            profile["certfind:everyYears"] = fee.every_years
    if fee.source and is_web_url(fee.source):
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
