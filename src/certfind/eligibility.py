"""Which credentials a profile can apply for now, and which it nearly can. Pure: no I/O.

A credential's structured requirements are routes (`Certification.requirements`): any one route
qualifies, and a route holds when every condition it states holds: an education level (ordered as in
`model.EDUCATION`), library hours, years of experience, a teaching license, membership of the issuer,
credentials the candidate must already hold (`holds`), a specific qualification (`qualification`). A
qualification implies the education it is (an ALA-accredited master's is a master's). A route is *nearly*
met when it misses exactly one condition, or when everything it misses is a quantity (library hours,
years of experience) of which at least half is already there. Credentials that no source confirms, and
discontinued ones, are never listed; entries without structured requirements are only counted.
"""

import difflib
import math
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from certfind.errors import UsageError
from certfind.model import (
    EDUCATION,
    QUALIFICATION_NAMES,
    QUALIFICATIONS,
    Certification,
    Entry,
    Record,
    Route,
    route_item,
)

NEARLY_SHARE = 0.5
"""A quantity at least this much met counts as nearly met (see the module docstring)."""

_DEGREE = {
    "high-school": "a high-school diploma",
    "associate": "an associate degree",
    "bachelor": "a bachelor's degree",
    "master": "a master's degree",
    "doctorate": "a doctorate",
}

HOLDS_HINT = {"ala-accredited-master": "mlis", "postgraduate-library": "postgraduate-library"}
"""What to type after --holds for a qualification (any of QUALIFICATION_NAMES works)."""

IMPLIES = {"ala-accredited-master": ("postgraduate-library",)}
"""Qualifications that count as others: an ALA-accredited master's is a postgraduate library qualification."""

EDUCATION_OF = {"ala-accredited-master": "master", "postgraduate-library": "bachelor"}
"""The education a qualification is at least."""


class Profile(NamedTuple):
    education: str = "none"
    library_hours: int = 0
    experience_years: float = 0.0
    teaching_license: bool = False
    member: bool = False  # of the issuing body
    holds: frozenset[str] = frozenset()  # ids of credentials held, and qualification keys

    @property
    def level(self) -> str:
        """The education to check: the one given, or what a qualification held implies, whichever is higher."""
        implied = [EDUCATION_OF[q] for q in self.holds if q in EDUCATION_OF]
        return max([self.education, *implied], key=EDUCATION.index)

    def qualified(self, qualification: str) -> bool:
        return qualification in self.holds or any(qualification in IMPLIES.get(q, ()) for q in self.holds)


class Missing(NamedTuple):
    condition: str  # a Route field name: education, library_hours, experience_years, teaching_license, ...
    text: str  # in words: "needs 820 more library hours"
    met: float | None  # share of a quantity already there (0 <= met < 1); None for a yes/no condition


class Verdict(NamedTuple):
    """How a profile stands with one credential, by its closest route."""

    entry: Entry
    route: Route
    missing: tuple[Missing, ...]

    @property
    def cert(self) -> Certification:
        return self.entry.cert

    @property
    def eligible(self) -> bool:
        return not self.missing

    @property
    def nearly(self) -> bool:
        return bool(self.missing) and is_near(self.missing)


class Result(NamedTuple):
    profile: Profile
    eligible: tuple[Verdict, ...]
    nearly: tuple[Verdict, ...]
    not_recorded: tuple[Entry, ...]  # listable credentials whose requirements the catalog does not record
    unreal: int  # credentials left out because no one awards them


def parse_level(text: str) -> str:
    """An education level as given on the command line (case is ignored)."""
    level = text.strip().casefold()
    if level in EDUCATION:
        return level
    close = difflib.get_close_matches(level, EDUCATION, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    raise UsageError(f"--education must be one of {', '.join(EDUCATION)}; got {text!r}{hint}")


def qualification_key(text: str) -> str | None:
    """The qualification a `--holds` value names, or None when it names none (it may name a credential)."""
    return QUALIFICATION_NAMES.get(text.strip().casefold().replace(" ", "-"))


def _number(value: float) -> str:
    """At most two decimals, rounded up so that a shortfall never reads as 0."""
    return f"{math.ceil(round(value * 100, 6)) / 100:,g}"


def missing(route: Route, profile: Profile, issuer: str, names: Mapping[str, tuple[str, bool]]) -> tuple[Missing, ...]:
    """What the profile lacks for one route, in the route's field order; () when the route holds. `names`
    gives, for a credential a route holds, its label and whether it is kept in good standing (renewed)."""
    out: list[Missing] = []
    qualification = route.qualification
    covered = (
        qualification is not None
        and route.education is not None
        and (EDUCATION.index(EDUCATION_OF[qualification]) >= EDUCATION.index(route.education))
    )  # the qualification's own line says it
    level = profile.level
    if route.education is not None and not covered and EDUCATION.index(level) < EDUCATION.index(route.education):
        out.append(Missing("education", f"needs {_DEGREE[route.education]}", None))
    if qualification is not None and not profile.qualified(qualification):
        text = f"needs {QUALIFICATIONS[qualification]} (--holds {HOLDS_HINT[qualification]} if you have one)"
        out.append(Missing("qualification", text, None))
    for ident in route.holds:
        if ident not in profile.holds:
            label, standing = names.get(ident, (ident, False))
            text = f"needs {label}" + (" in good standing" if standing else "") + f" (--holds {ident} if you have it)"
            out.append(Missing("holds", text, None))
    need_hours = route.library_hours or 0
    if profile.library_hours < need_hours:
        short = need_hours - profile.library_hours
        more = " more" if profile.library_hours > 0 else ""
        unit = "library hour" if short == 1 else "library hours"
        out.append(Missing("library_hours", f"needs {short:,}{more} {unit}", profile.library_hours / need_hours))
    need_years = route.experience_years or 0.0
    if profile.experience_years < need_years:
        short_years = need_years - profile.experience_years
        more = " more" if profile.experience_years > 0 else ""
        unit = "year" if _number(short_years) == "1" else "years"
        text = f"needs {_number(short_years)}{more} {unit} of experience"
        out.append(Missing("experience_years", text, profile.experience_years / need_years))
    if route.teaching_license and not profile.teaching_license:
        out.append(Missing("teaching_license", "needs a teaching license", None))
    if route.membership and not profile.member:
        out.append(Missing("membership", f"needs membership of {issuer}", None))
    return tuple(out)


def is_near(misses: tuple[Missing, ...]) -> bool:
    """One condition missing, or only quantities missing and each at least NEARLY_SHARE met."""
    if len(misses) == 1:
        return True
    return bool(misses) and all(m.met is not None and m.met >= NEARLY_SHARE for m in misses)


def _closeness(misses: tuple[Missing, ...]) -> tuple[bool, int, float]:
    """Sort key: met routes first, then nearly met ones, then by how little is missing (fewer conditions,
    more of a quantity already there); between equals, the route listed first."""
    least = min((m.met or 0.0 for m in misses), default=1.0)
    return (bool(misses) and not is_near(misses), len(misses), -least)


def verdict(entry: Entry, profile: Profile, names: Mapping[str, tuple[str, bool]]) -> Verdict | None:
    """The profile against the credential's closest route; None when no requirements are recorded."""
    cert = entry.cert
    routes = [route for route in cert.requirements if route.stated]
    if not routes:
        return None
    scored = [(route, missing(route, profile, cert.issued_by, names)) for route in routes]
    route, misses = min(scored, key=lambda pair: _closeness(pair[1]))  # min keeps the first of equals
    return Verdict(entry, route, misses)


def check(entries: Iterable[Entry], profile: Profile, names: Mapping[str, tuple[str, bool]]) -> Result:
    """Every listable entry against the profile. `names` gives, per credential id, its label and whether it
    is kept in good standing (for what a route holds)."""
    eligible: list[Verdict] = []
    nearly: list[Verdict] = []
    not_recorded: list[Entry] = []
    unreal = 0
    for entry in entries:
        if entry.cert.unreal:
            unreal += 1
            continue
        found = verdict(entry, profile, names)
        if found is None:
            not_recorded.append(entry)
        elif found.eligible:
            eligible.append(found)
        elif found.nearly:
            nearly.append(found)
    eligible.sort(key=lambda v: (v.cert.label.casefold(), v.cert.id))
    nearly.sort(key=lambda v: (len(v.missing), v.cert.label.casefold(), v.cert.id))
    return Result(profile, tuple(eligible), tuple(nearly), tuple(not_recorded), unreal)


def _item(v: Verdict) -> Record:
    up = v.entry.upfront
    return {
        "id": v.cert.id,
        "name": v.cert.name,
        "issuer": v.cert.issuer or None,
        "verification": v.cert.verification.status,
        "upfront": None if up is None or not up.known else up.as_json(),
        "route": route_item(v.route),
        "note": v.route.note or None,
        "missing": [m.text for m in v.missing],
    }


def to_json(result: Result, *, listed: bool = False) -> Record:
    """The stable JSON shape: every key always present; eligible items have `missing: []`; with `listed`,
    the credentials whose requirements are not recorded are named too."""
    profile = result.profile._asdict() | {"holds": sorted(result.profile.holds)}
    out: Record = {
        "profile": profile,
        "eligible": [_item(v) for v in result.eligible],
        "nearly": [_item(v) for v in result.nearly],
        "not_recorded": len(result.not_recorded),
    }
    if listed:
        out["not_recorded_entries"] = [{"id": e.cert.id, "name": e.cert.name} for e in result.not_recorded]
    return out
