"""One expanded CTDL credential -> a draft catalog record, and the index that names what records point at.

What a record points at (its owner, the assessments and courses its conditions name) may be described
in the same graph, in another file of the same import, or nowhere: so a draft keeps the references,
and the import resolves them against one `Index` of every file once all are read.

Nothing is invented: no status when the record gives none (`unknown`), no checked date, no web page the
record did not give, no CTID it did not give. Values are kept as given where the catalog has a field for
them (the class, the cost types, hours of effort, CTDL's statuses, occupation codes, the language).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Any, NamedTuple

from certfind.catalogfile.checker import ID_RE, LANGUAGE_RE, MAX_NUMBER, PAGE_DATE_RE, is_web_url
from certfind.ctdl import fees, prose, vocab
from certfind.ctdl import jsonld as ld
from certfind.ctdl.index import Index
from certfind.ctdl.jsonld import Props, Reader
from certfind.model import CTDL_TYPES, KINDS, STATUSES, Record
from certfind.text import visible

VERIFICATION_NOTE = "Imported from a CTDL record; not checked by certfind."
NO_DESCRIPTION = "No description in the record."
_SURROGATES = re.compile("[\ud800-\udfff]")
_BREAKS = re.compile("[\t\n\r\x0b\x0c\x85\u2028\u2029]")
_SOC = re.compile(r"(?<![\d-])(\d{2}-\d{4})(?:\.\d{2})?(?![\d-])")


class Targets(NamedTuple):
    """What one condition profile names (assessments, courses, credentials), resolved when the import ends."""

    prefix: str  # "" or "Recommended: "
    label: str  # the profile's own name, put before its first line
    keys: tuple[tuple[str, str], ...]  # (what: "an assessment", index key)


class Draft(NamedTuple):
    record: Record  # the catalog fields, but not yet id, issuer, issuer_url, issuer_id; eligibility may hold Targets
    ctid: str
    node_id: str
    owners: tuple[str, ...]  # index keys of the owners (ownedBy, else offeredBy)
    unmapped: set[str]
    warnings: list[str]


def _name(text: str) -> str:
    """A name as given (its ends trimmed); line breaks, tabs and lone surrogates tidied away."""
    name = _SURROGATES.sub("\ufffd", text).strip()
    if _BREAKS.search(name):
        name = " ".join(name.split())
    return name if visible(name).strip() else ""


class Mapper:
    def __init__(self, node: dict[str, Any], index: Index, scope: int, today: date, dated: str) -> None:
        self.index, self.scope, self.today, self.dated = index, scope, today, dated
        self.unmapped: set[str] = set()
        self.props = Props(node, "", self.unmapped)
        self.notes: list[str] = []
        self.currency: str | None = None
        self.cost_groups: list[tuple[list[Any], str, bool]] = []  # (profiles, path, at renewal)
        declared = [
            tag for tag in (vocab.declared_language(t.text) for t in ld.strings(self.props["inLanguage"])) if tag
        ]
        names = ld.strings([*self.props.peek("name"), *self.props.peek("schema:name")])
        chosen = ld.preferred([t.language for t in names], declared)
        self.read = Reader(chosen)
        # the entry's language: the one the record declares for the text read, else that text's own tag
        same = [tag for tag in declared if chosen and tag.split("-")[0] == chosen.split("-")[0]]
        if chosen:
            self.language = (same or [chosen])[0]
        else:
            self.language = declared[0] if declared else ""
        self.declared = declared

    def draft(self) -> Draft:
        p, read = self.props, self.read
        ident = p.node.get("@id")
        node_id = ident if isinstance(ident, str) else ""
        given = ld.literal(p["ctid"])
        ctid = vocab.normal_ctid(given) if isinstance(given, str) else ""
        if given is not None and not ctid:
            self.notes.append(f"Its CTID ({prose.tidy(given)}) is not a CTID; left out.")
        name = _name(read.text(p["name"]) or read.text(p["schema:name"]))
        name = name or f"Unnamed credential ({ctid or prose.tidy(node_id) or 'no identifier'})"
        rec: Record = {"name": name}
        acronym = prose.tidy(read.text(p["certfind:acronym"]))
        if acronym:
            rec["acronym"] = acronym
        aliases = [a for a in dict.fromkeys(map(prose.tidy, read.texts(p["alternateName"]))) if a not in ("", name)]
        if [a for a in aliases if a != acronym]:
            rec["aliases"] = [a for a in aliases if a != acronym]
        rec["kind"], ctdl_type = self.kind()
        region = self.region()
        if region:
            rec["region"] = region
        codes, occupation_names = self.occupations()
        if codes:
            rec["occupations"] = codes
        keywords = [t for t in map(prose.tidy, read.texts(p["keyword"])) if t]
        subjects = self.alignment_names(p["subject"])
        topics = list(dict.fromkeys([*keywords, *subjects, *occupation_names]))
        own = prose.tidy(read.text(p["certfind:category"])).lower()
        rec["category"] = own if ID_RE.match(own) else vocab.category(codes, name, keywords)
        description = prose.tidy(read.text(p["description"]) or read.text(p["schema:description"]), lines=True)
        rec["summary"] = (prose.sentences(description) if prose.real_text(description) else "") or NO_DESCRIPTION
        if topics:
            rec["topics"] = topics
        eligibility, route = self.conditions(name)
        if eligibility:
            rec["eligibility"] = eligibility
        if route:
            rec["requirements"] = [route]
        duration = self.duration()
        if duration:
            rec["duration"] = duration
        renewal, renewal_years, renewal_costs = self.renewal(name)
        costs = self.costs(renewal_costs, renewal_years)
        if self.currency:
            rec["currency"] = self.currency
        if costs:
            rec["costs"] = costs
        if renewal:
            rec["renewal"] = renewal
        rec["status"] = self.status()
        page = ld.web_url(p["subjectWebpage"])
        if ctid:
            rec["ctid"] = ctid
        if LANGUAGE_RE.match(self.language):
            rec["language"] = self.language
        if ctdl_type:
            rec["ctdl_type"] = ctdl_type
        owners = self.owners()
        rec["verification"] = {"status": "unverified", "note": " ".join([VERIFICATION_NOTE, *self.notes])}
        rec["sources"] = self.sources(name, ctid, node_id, page)
        p.done()
        dropped = sorted(self.read.dropped | {tag for tag in self.declared if tag != self.language})
        label = ctid or prose.tidy(node_id) or name
        warnings = [f"{label}: text in {', '.join(dropped)} left out (kept {self.language or 'untagged'})"]
        return Draft(rec, ctid, node_id, owners, self.unmapped, warnings if dropped else [])

    # --- who and what --------------------------------------------------------------------------------
    def owners(self) -> tuple[str, ...]:
        """Index keys of the owners; of the offering bodies only when the record names no owner."""
        p = self.props
        owners = tuple(self._key(ref) for ref in ld.references(p["ownedBy"]))
        if len(owners) > 1:
            self.unmapped.add("ceterms:ownedBy (a second owner)")
        offerers = ld.references(p.peek("offeredBy"))
        if not owners or all(isinstance(ref, str) and Index.key(ref, self.scope) in owners for ref in offerers):
            offerers = ld.references(p["offeredBy"])  # read: it names the owner again, or it stands for one
        return owners or tuple(self._key(ref) for ref in offerers)

    def _key(self, ref: str | dict[str, Any]) -> str:
        return self.index.add(ref, self.scope) if isinstance(ref, dict) else Index.key(ref, self.scope)

    def kind(self) -> tuple[str, str]:
        """certfind's kind, and the CTDL class when the kind's own class would not say it."""
        p = self.props
        classes = [t for t in ld.types(p.node) if vocab.is_credential_class(t)]
        known = [t for t in classes if t in CTDL_TYPES]
        cls = (known or classes or [""])[0]
        own = prose.tidy(self.read.text(p["certfind:kind"]))
        kind = own if own in KINDS else (vocab.kind_of_class(cls) or "certificate")
        if own not in KINDS and vocab.kind_of_class(cls) is None:
            self.notes.append(
                f"Its CTDL class (ceterms:{cls}) says no more than credential; imported as a certificate."
            )
        elif cls and cls not in CTDL_TYPES:
            self.notes.append(f"Its CTDL class (ceterms:{cls}) is not one certfind knows; imported as a {kind}.")
        return kind, (cls if cls in CTDL_TYPES and cls != vocab.DEFAULT_CLASS[kind] else "")

    def status(self) -> str:
        own = prose.tidy(self.read.text(self.props["certfind:status"]))
        given = [
            vocab.local_name(term) or label
            for term, label in ld.concepts(self.props["credentialStatusType"], self.read)
        ]
        given = [term for term in given if term]
        found = next((s for s in map(vocab.status_of, given) if s), None)
        if own in STATUSES and (found is None or vocab.TERM_OF_STATUS[own] == vocab.TERM_OF_STATUS.get(found)):
            return own
        if found is None and given:
            self.notes.append(f"Its status ({prose.tidy(given[0])}) is none of CTDL's; imported as unknown.")
        return found or "unknown"

    def region(self) -> list[str]:
        """ISO 3166 codes where it counts (the jurisdiction), else where it is offered (availableAt)."""
        p = self.props
        codes: list[str] = []
        for profile in ld.nodes(p["jurisdiction"]):
            sub = p.sub(profile, "jurisdiction")
            if ld.literal(sub["globalJurisdiction"]) is True:
                sub.done()
                return []
            for place in ld.nodes(sub["mainJurisdiction"]):
                codes.extend(self.place(place))
            sub.done()
        if not codes:
            for place in ld.nodes(p["availableAt"]):
                codes.extend(self.place(place))
        return list(dict.fromkeys(codes))

    def place(self, node: dict[str, Any]) -> list[str]:
        place = Props(node, "", set())
        for address in ld.nodes(place["address"]):
            codes = self.place(address)
            if codes:
                return codes
        return vocab.place_codes(
            self.read.text(place["addressCountry"]),
            self.read.text(place["addressRegion"]),
            self.read.text(place["name"]),
            ld.link(place["geoURI"]),
        )

    def occupations(self) -> tuple[list[str], list[str]]:
        """SOC codes (from a code, an O*NET code or a link to one); names of occupations given without."""
        codes, names = [], []
        for item in ld.references(self.props["occupationType"]):
            alignment = Props(item, "", set()) if isinstance(item, dict) else None
            coded = item if isinstance(item, str) else ""
            if alignment:
                coded = " ".join(
                    [*(t.text for t in ld.strings(alignment["codedNotation"])), ld.link(alignment["targetNode"])]
                )
            match = _SOC.search(coded)
            if match:
                codes.append(match.group(1))
            elif alignment:
                name = prose.tidy(self.read.text(alignment["targetNodeName"]))
                if name:
                    names.append(name)
        return list(dict.fromkeys(codes)), names

    def alignment_names(self, values: list[Any]) -> list[str]:
        names = []
        for item in ld.references(values):
            if isinstance(item, dict):
                names.append(prose.tidy(self.read.text(Props(item, "", set())["targetNodeName"])))
        names += [prose.tidy(t) for t in self.read.texts(values)]
        return [n for n in names if n]

    # --- conditions ------------------------------------------------------------------------------------
    def conditions(self, own_name: str) -> tuple[list[str | Targets], Record | None]:
        """Eligibility lines from `requires` and `recommends`, and a requirement route only where the
        required ones state one education level or one number of years plainly."""
        p, read = self.props, self.read
        lines: list[str | Targets] = []
        required: list[str] = []
        years: set[float] = set()
        for term, prefix in (("requires", ""), ("recommends", "Recommended: ")):
            for profile in ld.nodes(p[term]):
                sub = p.sub(profile, term)
                label = prose.tidy(read.text(sub["name"]))
                texts = [prose.tidy(read.text(sub[key]), lines=True) for key in ("description", "experience")]
                texts = [t for t in texts if prose.real_text(t)]
                conditions = [t for t in map(prose.tidy, read.texts(sub["condition"])) if prose.real_text(t)]
                items: list[str | Targets] = [s for s in (prose.sentences(t) for t in texts) if s]
                items += conditions
                experience = ld.number(sub["yearsOfExperience"])
                if experience is not None and 0 < experience <= 100:
                    items.append(f"At least {vocab.plain_number(experience)} years of experience")
                    if not prefix:
                        years.add(experience)
                named = label and not prose.same_name(label, own_name) and prose.real_text(label)
                targets = self.targets(sub)
                if targets:
                    items.append(Targets(prefix, label if named and not items else "", targets))
                if named and items and isinstance(items[0], str):
                    items[0] = f"{label}: {items[0]}"
                lines += [prefix + item if isinstance(item, str) else item for item in items]
                if not prefix:
                    required += [*texts, *conditions]
                    self.cost_groups.append((sub["estimatedCost"], f"{sub.path}ceterms:estimatedCost/", False))
                elif ld.nodes(sub.peek("estimatedCost")):
                    sub.used.update(ld.iris("estimatedCost"))  # optional (a study guide): reported once, whole
                    self.unmapped.add(f"{sub.path}ceterms:estimatedCost")
                sub.done()
        if own_name:  # "Requirements for Master of ..." names the credential, not what it requires
            required = [t.replace(own_name, "") for t in required]
        unique = list(dict.fromkeys(line for line in lines if isinstance(line, str)))
        kept = [line for line in lines if not isinstance(line, str)]
        return [*unique, *kept], self.route(required, years)

    def targets(self, sub: Props) -> tuple[tuple[str, str], ...]:
        found = []
        for term, what in (
            ("targetAssessment", "assessment"),
            ("targetLearningOpportunity", "learning opportunity"),
            ("targetCredential", "credential"),
        ):
            found += [(what, self._key(ref)) for ref in ld.references(sub[term])]
        return tuple(found)

    @staticmethod
    def route(texts: list[str], years: set[float]) -> Record | None:
        levels = prose.education_levels(texts)
        years = years | prose.experience_years(texts)
        route: Record = {}
        if len(levels) == 1:
            route["education"] = levels.pop()
        if len(years) == 1:
            route["experience_years"] = vocab.plain_number(years.pop())
        if not route:
            return None
        route["note"] = "Read from the record's condition text; check it."
        return route

    # --- time ----------------------------------------------------------------------------------------
    def duration(self) -> Record | None:
        """Elapsed time in months (weeks and days converted); hours (PTnH, timeRequired) as hours of effort."""
        lows: list[float] = []
        highs: list[float] = []
        hours: list[float] = []
        notes: list[str] = []
        for profile in ld.nodes(self.props["estimatedDuration"]):
            sub = self.props.sub(profile, "estimatedDuration")
            spans = {
                t: vocab.parse_duration(ld.literal(sub[t]))
                for t in ("exactDuration", "minimumDuration", "maximumDuration")
            }
            effort = vocab.parse_duration(ld.literal(sub["timeRequired"]))
            for term, span in spans.items():
                if span is None:
                    continue
                if span.hours is not None:
                    hours.append(span.hours)
                    continue
                if term != "maximumDuration":
                    lows.append(span.months)
                if term != "minimumDuration":
                    highs.append(span.months)
            inexact = [s.words for s in spans.values() if s is not None and s.hours is None and not s.exact]
            if inexact:
                notes.append(f"The record gives {' to '.join(dict.fromkeys(inexact))}.")
            if effort is not None and effort.hours is not None:
                hours.append(effort.hours)
            elif effort is not None:
                notes.append(f"The record gives {effort.words} of time required.")
            text = prose.tidy(self.read.text(sub["description"]), lines=True)
            if prose.real_text(text):
                notes.append(prose.sentences(text, 2, 300))
            sub.done()
        out: Record = {}
        if lows:
            out["min_months"] = vocab.months_value(min(lows))
        if highs:
            out["max_months"] = vocab.months_value(max(highs))
        if any(v > MAX_NUMBER for v in out.values()):
            out = {}
        distinct = sorted(set(hours))
        if len(distinct) == 1 and 0 < distinct[0] <= MAX_NUMBER:
            out["hours"] = vocab.plain_number(round(distinct[0], 2))
        elif distinct:
            notes.append(f"The record gives {' to '.join(str(vocab.plain_number(h)) for h in distinct)} hours.")
        if notes:
            out["note"] = prose.notes(notes)
        return out or None

    def renewal(self, own_name: str) -> tuple[Record | None, int | None, list[Any]]:
        """The renewal period and requirement, and the cost profiles found in renewal conditions."""
        p = self.props
        out: Record = {}
        notes = []
        years: int | None = None
        frequency = vocab.parse_duration(ld.literal(p["renewalFrequency"]))
        if frequency is not None and (frequency.months > 0 or frequency.hours):
            if frequency.exact and frequency.months % 12 == 0 and frequency.months <= 12 * 100:
                years = int(frequency.months // 12)
            else:
                notes.append(f"The record gives a renewal every {frequency.words}.")
        texts: list[str] = []
        costs: list[Any] = []
        for profile in ld.nodes(p["renewal"]):
            sub = p.sub(profile, "renewal")
            texts += [prose.tidy(self.read.text(sub[key]), lines=True) for key in ("description", "experience")]
            texts += [prose.tidy(t) for t in self.read.texts(sub["condition"])]
            if prose.same_name(self.read.text(sub.peek("name")), own_name):
                sub.used.update(ld.iris("name"))  # it only repeats the credential's name
            costs += sub["estimatedCost"]
            sub.done()
        texts = [t for t in texts if prose.real_text(t)]  # a period stated only in prose is left there, unread
        if years is not None:
            out["every_years"] = years
        requirement = prose.sentences(texts[0], 2, 300) if texts else ""
        if requirement:
            out["requirement"] = requirement
        if notes:
            out["note"] = " ".join(notes)
        return (out or None), years, costs

    # --- money -------------------------------------------------------------------------------------------
    def costs(self, renewal_costs: list[Any], renewal_years: int | None) -> list[Record]:
        groups = [(self.props["estimatedCost"], "ceterms:estimatedCost/", False), *self.cost_groups]
        groups.append((renewal_costs, "ceterms:renewal/ceterms:estimatedCost/", True))
        found = [
            (Props(node, path, self.unmapped), renewal) for values, path, renewal in groups for node in ld.nodes(values)
        ]
        self.currency = fees.currency([profile for profile, _ in found])
        return [fees.fee(profile, self.read, self.currency, renewal, renewal_years) for profile, renewal in found]

    # --- where it came from ------------------------------------------------------------------------------
    def sources(self, name: str, ctid: str, node_id: str, page: str) -> list[Record]:
        first: Record = {"title": f"{vocab.RECORD_TITLE}: {name}" + (f" ({ctid})" if ctid else "")}
        if is_web_url(node_id):
            first["url"] = node_id
        first["accessed"] = self.today.isoformat()
        dated = self.dated or str(ld.literal(self.props.peek("dateEffective")) or "")
        found = PAGE_DATE_RE.match(dated)
        if found and found.group(3) and dated <= self.today.isoformat():
            first["dated"] = dated
            if not self.dated:  # read: it dates the record
                self.props.used.update(ld.iris("dateEffective"))
        out = [first]
        if page:
            out.append({"title": f"{name}: {vocab.PAGE_TITLE}", "url": page})
        return out
