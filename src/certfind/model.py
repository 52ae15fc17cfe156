"""The catalog's data as frozen, typed objects: the one representation of an entry above the store.

Pure: no I/O, no third-party imports. A *record* is the plain-dict form of an entry as the validator
produces it (the catalog's own field names, only the fields present). `from_record` builds a
`Certification` from it, stating every default once; `to_item` turns a `Certification` back into the
stable JSON shape that every command prints (every field present, `null` or `[]` when missing).
"""

from datetime import date
from typing import Any, NamedTuple

Record = dict[str, Any]

KINDS = (
    *("certification", "certificate", "endorsement", "diploma", "degree", "license", "registration", "badge"),
    "assessment",
)
STATUSES = ("active", "ceasing", "suspended", "teach-out", "probationary", "deprecated", "discontinued", "unknown")
"""CTDL's credential statuses, plus `discontinued` (certfind's word for CTDL's deprecated) and `unknown`."""
NO_LONGER_AWARDED = frozenset({"discontinued", "deprecated"})
QUALIFICATIONS = {
    "ala-accredited-master": "an ALA-accredited master's, MLS or MLIS",
    "postgraduate-library": "a postgraduate library and information qualification",
}
"""Qualifications a requirement route can name, beyond education levels, in the words `eligible` uses."""
QUALIFICATION_NAMES = {
    "ala-accredited-master": "ala-accredited-master",
    "mls": "ala-accredited-master",
    "mlis": "ala-accredited-master",
    "msls": "ala-accredited-master",
    "ala-mls": "ala-accredited-master",
    "ala-accredited-mls": "ala-accredited-master",
    "postgraduate-library": "postgraduate-library",
    "postgraduate-library-qualification": "postgraduate-library",
}
"""What `--holds` takes for a qualification: its key, or the names people use for it."""
YEAR_PARITIES = ("even", "odd")
CTDL_TYPES = (
    *("AcademicCertificate", "ApprenticeshipCertificate", "AssociateDegree", "AssociateOfAppliedArtsDegree"),
    *("AssociateOfAppliedScienceDegree", "AssociateOfArtsDegree", "AssociateOfScienceDegree", "BachelorDegree"),
    *("BachelorOfArtsDegree", "BachelorOfScienceDegree", "Badge", "BasicTechnicalCertificate", "Certificate"),
    *("CertificateOfCompletion", "CertificateOfParticipation", "Certification", "Degree", "DigitalBadge", "Diploma"),
    *("DoctoralDegree", "GeneralEducationDevelopment", "GeneralEducationLevel1Certificate"),
    *("GeneralEducationLevel2Certificate", "HigherEducationLevel1Certificate", "HigherEducationLevel2Certificate"),
    *("JourneymanCertificate", "License", "MasterCertificate", "MasterDegree", "MasterOfArtsDegree"),
    *("MasterOfScienceDegree", "MicroCredential", "OpenBadge", "PostBaccalaureateCertificate", "PostMasterCertificate"),
    *("PreApprenticeshipCertificate", "ProfessionalCertificate", "ProfessionalDoctorate", "ProficiencyCertificate"),
    *("QualityAssuranceCredential", "ResearchDoctorate", "SecondaryEducationCertificate", "SecondarySchoolDiploma"),
    *("SpecialistDegree", "TechnicalLevel1Certificate", "TechnicalLevel2Certificate", "TechnicalLevel3Certificate"),
    "WorkBasedLearningCertificate",
)
"""CTDL's credential classes (the subclasses of ceterms:Credential), for `ctdl_type`."""
COST_TYPES = (
    *("AggregateCost", "Application", "BackgroundCheck", "Childcare", "Consumables", "EnrollmentFee", "Equipment"),
    *("GraduationFee", "LearningResource", "Meals", "MixedFees", "OptionalCharges", "PersonalExpenses"),
    *("ProcessingFee", "ProgramSpecificFee", "ReexaminationFee", "RenewalFee", "ReschedulingFee", "RoomOrResidency"),
    *("ScoringFee", "SpecialHardship", "SpecialNeeds", "StandaloneAssessment", "StudentServicesFee", "TechnologyFee"),
    *("Travel", "Tuition"),
)
"""CTDL's cost types (costType: concepts), for a fee's `type`."""
VERIFICATIONS = ("confirmed", "differs", "not-found", "unverified")
AUDIENCES = ("all", "member", "non-member")
EDUCATION = ("none", "high-school", "associate", "bachelor", "master", "doctorate")


class Source(NamedTuple):
    """Where a fact was seen. A user's own source may be a plain note (no url) or a `file:` URL."""

    title: str
    url: str = ""
    accessed: date | None = None
    dated: str = ""  # the date the page itself shows (YYYY, YYYY-MM or YYYY-MM-DD), "undated", or "" (not said)
    issuer: bool = False  # the issuer's own page, or the official rule of the body that awards it

    @property
    def web(self) -> bool:
        return self.url.startswith(("http://", "https://"))


class Fee(NamedTuple):
    """One fee line. Amounts are in cents; both None when the amount is not known."""

    label: str
    min_cents: int | None
    max_cents: int | None
    audience: str = "all"
    units: int = 1  # the catalog's `count`: how many of this fee
    every_years: int | None = None
    note: str = ""
    source: str = ""
    ranged: bool = False  # given as min/max rather than one amount
    optional: bool = False  # an upgrade or extra the holder may choose
    applies_to: str = ""  # a conditional fee: who pays it
    membership: bool = False  # the fee of a membership (dues)
    type: str = ""  # a CTDL cost type (COST_TYPES), when known

    @property
    def counted(self) -> bool:
        """Whether every holder pays it: optional and conditional fees stay out of totals."""
        return not self.optional and not self.applies_to

    @property
    def recurring(self) -> bool:
        return self.every_years is not None

    @property
    def known(self) -> bool:
        return self.min_cents is not None


class Exam(NamedTuple):
    format: str = ""
    questions: int | None = None
    passing_score: str = ""
    minutes: int | None = None
    delivery: str = ""
    codes: tuple[str, ...] = ()


class Duration(NamedTuple):
    """How long earning it takes: elapsed months, and apart from them the hours of effort it asks."""

    min_months: float | None = None
    max_months: float | None = None
    note: str = ""
    hours: float | None = None


class Renewal(NamedTuple):
    every_years: int | None = None
    requirement: str = ""
    note: str = ""
    on: str = ""  # "MM-DD": renewals fall on this calendar date rather than on anniversaries
    years: str = ""  # with `on`: "even" or "odd" years only
    optional: bool = False  # voluntary (a revalidation): nothing falls due


class Route(NamedTuple):
    """One way to qualify: every stated condition must hold. None / False means not required."""

    education: str | None = None
    library_hours: int | None = None
    experience_years: float | None = None
    teaching_license: bool = False
    membership: bool = False
    note: str = ""
    holds: tuple[str, ...] = ()  # ids of credentials the candidate must already hold
    qualification: str | None = None  # a key of QUALIFICATIONS

    @property
    def stated(self) -> bool:
        """Whether the route states a condition a profile can be checked against (`education: none` is one:
        it says there is no prerequisite). A route with only a note records nothing checkable."""
        return (
            self.education is not None
            or self.library_hours is not None
            or self.experience_years is not None
            or self.teaching_license
            or self.membership
            or bool(self.holds)
            or self.qualification is not None
        )


class Verification(NamedTuple):
    status: str = "unverified"
    checked: date | None = None
    note: str = ""
    claimed: str = ""
    alternatives: tuple[str, ...] = ()
    claimed_names: tuple[str, ...] = ()  # names the evidence refutes: they resolve, but are not aliases


class Certification(NamedTuple):
    id: str
    name: str
    issuer: str
    category: str
    summary: str
    verification: Verification = Verification()
    sources: tuple[Source, ...] = ()
    acronym: str = ""
    aliases: tuple[str, ...] = ()
    issuer_url: str = ""
    kind: str = "certification"
    region: tuple[str, ...] = ()  # ISO 3166 codes
    occupations: tuple[str, ...] = ()  # SOC codes
    topics: tuple[str, ...] = ()
    eligibility: tuple[str, ...] = ()
    requirements: tuple[Route, ...] = ()  # any one route qualifies; () = not recorded
    exam: Exam | None = None
    duration: Duration | None = None
    currency: str = "USD"
    costs: tuple[Fee, ...] = ()
    renewal: Renewal | None = None
    status: str = "active"
    origin: str = "bundled"
    ctid: str = ""  # the Credential Registry's identifier, when the credential is published there
    issuer_id: str = ""  # the owner's URI, when known (an issuer may be named only by it)
    language: str = ""  # BCP 47 tag of the entry's text ("" = not said)
    ctdl_type: str = ""  # the CTDL credential class, when more specific than `kind`

    @property
    def issued_by(self) -> str:
        """The issuer as people read it; an owner known only by its URI says so."""
        return self.issuer or f"not named (owner {self.issuer_id})"

    @property
    def label(self) -> str:
        """Name with acronym, as people read it."""
        if self.acronym and self.acronym not in self.name.split():
            return f"{self.name} ({self.acronym})"
        return self.name

    @property
    def unreal(self) -> bool:
        """No one awards it: not found by any source, or no longer awarded. Ranked after every real match."""
        return self.verification.status == "not-found" or self.status in NO_LONGER_AWARDED


class Money(NamedTuple):
    """A range of money in one currency. `complete` is False when some fee's amount is unknown,
    so the true cost is at least `min_cents`; `known` is False when no fee's amount is known at all."""

    currency: str
    min_cents: int
    max_cents: int
    complete: bool = True
    known: bool = True

    def as_json(self) -> dict[str, object]:
        return {
            "currency": self.currency,
            "min": cents_to_number(self.min_cents),
            "max": cents_to_number(self.max_cents),
            "complete": self.complete,
        }

    @classmethod
    def from_json(cls, value: Record | None) -> "Money | None":
        """The amount `as_json` wrote (None stays None: no amount known)."""
        if value is None:
            return None
        return cls(value["currency"], to_cents(value["min"]), to_cents(value["max"]), bool(value["complete"]))


class Entry(NamedTuple):
    """One entry of the active catalog as commands see it, decoded once from the store: its place, its
    Certification, its stable JSON item, and what certfind worked out when it stored it."""

    n: int
    cert: Certification
    item: str  # the JSON item, as every command prints it
    record: Record  # the same item, decoded
    upfront: Money | None  # the non-member up-front cost; None when no fee applies
    warning: str | None  # what every format says about it: no one awards it, or a look-alike
    lookalike: str | None  # for a user's entry named like a bundled one it is not: that entry's id


ITEM_FIELDS = (
    "id",
    "name",
    "acronym",
    "aliases",
    "issuer",
    "issuer_url",
    "kind",
    "region",
    "occupations",
    "category",
    "summary",
    "topics",
    "eligibility",
    "requirements",
    "exam",
    "duration",
    "currency",
    "costs",
    "renewal",
    "status",
    "verification",
    "sources",
    "origin",
    "ctid",
    "issuer_id",
    "language",
    "ctdl_type",
)
"""The keys of an entry's JSON item, in order (`to_item`); the store adds `upfront`, `warning`, `lookalike` and
`evidence`."""


def to_cents(amount: float | int) -> int:
    return round(amount * 100)


def cents_to_number(cents: int) -> int | float:
    return cents // 100 if cents % 100 == 0 else cents / 100


def _day(text: str | None) -> date | None:
    return None if text is None else date.fromisoformat(text)


def _fee(rec: Record) -> Fee:
    lo: int | None
    hi: int | None
    if rec.get("amount") is not None:
        lo = hi = to_cents(rec["amount"])
    elif rec.get("min") is not None:
        lo, hi = to_cents(rec["min"]), to_cents(rec["max"])
    else:
        lo = hi = None
    return Fee(
        label=rec["label"],
        min_cents=lo,
        max_cents=hi,
        audience=rec.get("audience") or "all",
        units=rec.get("count") or 1,
        every_years=rec.get("every_years"),
        note=rec.get("note") or "",
        source=rec.get("source") or "",
        ranged=rec.get("amount") is None and rec.get("min") is not None,
        optional=bool(rec.get("optional")),
        applies_to=rec.get("applies_to") or "",
        membership=bool(rec.get("membership")),
        type=rec.get("type") or "",
    )


def _source(rec: Record | str) -> Source:
    if isinstance(rec, str):  # a plain note in a user's own file
        return Source(rec)
    dated = rec.get("dated")
    return Source(
        rec.get("title") or rec.get("url") or "",
        rec.get("url") or "",
        _day(rec.get("accessed")),
        "" if dated is None else str(dated),
        bool(rec.get("issuer")),
    )


def _route(rec: Record) -> Route:
    return Route(
        education=rec.get("education"),
        library_hours=rec.get("library_hours"),
        experience_years=rec.get("experience_years"),
        teaching_license=bool(rec.get("teaching_license")),
        membership=bool(rec.get("membership")),
        note=rec.get("note") or "",
        holds=_texts(rec.get("holds")),
        qualification=rec.get("qualification"),
    )


def _texts(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def from_record(rec: Record, origin: str | None = None) -> Certification:
    """Build a Certification from a validated record or a stable-shape item (whose origin it keeps)."""
    ver = rec.get("verification") or {}
    exam = rec.get("exam")
    dur = rec.get("duration")
    ren = rec.get("renewal")
    req = rec.get("requirements")
    routes = () if req is None else tuple(_route(r) for r in ([req] if isinstance(req, dict) else req))
    return Certification(
        id=rec["id"],
        name=rec["name"],
        issuer=rec.get("issuer") or "",
        category=rec["category"],
        summary=rec["summary"],
        verification=Verification(
            status=ver.get("status") or "unverified",
            checked=_day(ver.get("checked")),
            note=ver.get("note") or "",
            claimed=ver.get("claimed") or "",
            alternatives=_texts(ver.get("alternatives")),
            claimed_names=_texts(ver.get("claimed_names")),
        ),
        sources=tuple(_source(s) for s in rec.get("sources") or ()),
        acronym=rec.get("acronym") or "",
        aliases=_texts(rec.get("aliases")),
        issuer_url=rec.get("issuer_url") or "",
        kind=rec.get("kind") or "certification",
        region=_texts(rec.get("region")),
        occupations=_texts(rec.get("occupations")),
        topics=_texts(rec.get("topics")),
        eligibility=_texts(rec.get("eligibility")),
        requirements=routes,
        exam=None
        if exam is None
        else Exam(
            format=exam.get("format") or "",
            questions=exam.get("questions"),
            passing_score=exam.get("passing_score") or "",
            minutes=exam.get("minutes"),
            delivery=exam.get("delivery") or "",
            codes=_texts(exam.get("codes")),
        ),
        duration=None
        if dur is None
        else Duration(dur.get("min_months"), dur.get("max_months"), dur.get("note") or "", dur.get("hours")),
        currency=rec.get("currency") or "USD",
        costs=tuple(_fee(f) for f in rec.get("costs") or ()),
        renewal=None
        if ren is None
        else Renewal(
            ren.get("every_years"),
            ren.get("requirement") or "",
            ren.get("note") or "",
            ren.get("on") or "",
            ren.get("years") or "",
            bool(ren.get("optional")),
        ),
        status=rec.get("status") or "unknown",  # nothing invented: a file that does not say, does not know
        origin=origin or rec.get("origin") or "bundled",
        ctid=rec.get("ctid") or "",
        issuer_id=rec.get("issuer_id") or "",
        language=rec.get("language") or "",
        ctdl_type=rec.get("ctdl_type") or "",
    )


def _or_none(text: str) -> str | None:
    return text or None


def fee_item(fee: Fee) -> Record:
    single = fee.min_cents is not None and not fee.ranged
    return {
        "label": fee.label,
        "amount": cents_to_number(fee.min_cents) if single and fee.min_cents is not None else None,
        "min": cents_to_number(fee.min_cents) if fee.ranged and fee.min_cents is not None else None,
        "max": cents_to_number(fee.max_cents) if fee.ranged and fee.max_cents is not None else None,
        "audience": fee.audience,
        "count": fee.units,
        "every_years": fee.every_years,
        "note": _or_none(fee.note),
        "source": _or_none(fee.source),
        "optional": fee.optional,
        "applies_to": _or_none(fee.applies_to),
        "membership": fee.membership,
        "type": _or_none(fee.type),
    }


def route_item(route: Route) -> Record:
    return {
        "education": route.education,
        "library_hours": route.library_hours,
        "experience_years": route.experience_years,
        "teaching_license": route.teaching_license,
        "membership": route.membership,
        "holds": list(route.holds),
        "qualification": route.qualification,
        "note": _or_none(route.note),
    }


def to_item(cert: Certification) -> Record:
    """The stable JSON shape of an entry: every field of the format, in its order, plus `origin`."""
    v = cert.verification
    e, d, r = cert.exam, cert.duration, cert.renewal
    return {
        "id": cert.id,
        "name": cert.name,
        "acronym": _or_none(cert.acronym),
        "aliases": list(cert.aliases),
        "issuer": _or_none(cert.issuer),
        "issuer_url": _or_none(cert.issuer_url),
        "kind": cert.kind,
        "region": list(cert.region),
        "occupations": list(cert.occupations),
        "category": cert.category,
        "summary": cert.summary,
        "topics": list(cert.topics),
        "eligibility": list(cert.eligibility),
        "requirements": [route_item(route) for route in cert.requirements],
        "exam": None
        if e is None
        else {
            "format": _or_none(e.format),
            "questions": e.questions,
            "passing_score": _or_none(e.passing_score),
            "minutes": e.minutes,
            "delivery": _or_none(e.delivery),
            "codes": list(e.codes),
        },
        "duration": None
        if d is None
        else {"min_months": d.min_months, "max_months": d.max_months, "note": _or_none(d.note), "hours": d.hours},
        "currency": cert.currency,
        "costs": [fee_item(fee) for fee in cert.costs],
        "renewal": None
        if r is None
        else {
            "every_years": r.every_years,
            "requirement": _or_none(r.requirement),
            "note": _or_none(r.note),
            "on": _or_none(r.on),
            "years": _or_none(r.years),
            "optional": r.optional,
        },
        "status": cert.status,
        "verification": {
            "status": v.status,
            "checked": None if v.checked is None else v.checked.isoformat(),
            "note": _or_none(v.note),
            "claimed": _or_none(v.claimed),
            "claimed_names": list(v.claimed_names),
            "alternatives": list(v.alternatives),
        },
        "sources": [
            {
                "title": s.title,
                "url": _or_none(s.url),
                "accessed": None if s.accessed is None else s.accessed.isoformat(),
                "dated": _or_none(s.dated),
                "issuer": s.issuer,
            }
            for s in cert.sources
        ],
        "origin": cert.origin,
        "ctid": _or_none(cert.ctid),
        "issuer_id": _or_none(cert.issuer_id),
        "language": _or_none(cert.language),
        "ctdl_type": _or_none(cert.ctdl_type),
    }
