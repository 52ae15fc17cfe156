"""Which credentials a profile can apply for now, and which it nearly can. Pure: no I/O.

A credential's structured requirements are routes (`Certification.requirements`): any one route
qualifies, and a route holds when every condition it states holds. Education levels are ordered as in
`model.EDUCATION`. A route is *nearly* met when it misses exactly one condition, or when everything it
misses is a quantity (library hours, years of experience) of which at least half is already there.
Credentials that no source confirms, and discontinued ones, are never listed; entries without
structured requirements are only counted.
"""

from __future__ import annotations

import difflib
import math
from collections.abc import Iterable
from typing import NamedTuple

from certfind.errors import UsageError
from certfind.model import EDUCATION, Certification, Record, Route, route_item

NEARLY_SHARE = 0.5
"""A quantity at least this much met counts as nearly met (see the module docstring)."""

_DEGREE = {
    "high-school": "a high-school diploma",
    "associate": "an associate degree",
    "bachelor": "a bachelor's degree",
    "master": "a master's degree",
    "doctorate": "a doctorate",
}


class Profile(NamedTuple):
    education: str = "none"
    library_hours: int = 0
    experience_years: float = 0.0
    teaching_license: bool = False
    member: bool = False  # of the issuing body


class Missing(NamedTuple):
    condition: str  # a Route field name: education, library_hours, experience_years, teaching_license, membership
    text: str  # in words: "needs 820 more library hours"
    met: float | None  # share of a quantity already there (0 <= met < 1); None for a yes/no condition


class Verdict(NamedTuple):
    """How a profile stands with one credential, by its closest route."""

    cert: Certification
    route: Route
    missing: tuple[Missing, ...]

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
    not_recorded: int  # listable credentials whose requirements the catalog does not record


def parse_level(text: str) -> str:
    """An education level as given on the command line (case is ignored)."""
    level = text.strip().casefold()
    if level in EDUCATION:
        return level
    close = difflib.get_close_matches(level, EDUCATION, n=1)
    hint = f" (did you mean {close[0]!r}?)" if close else ""
    raise UsageError(f"--education must be one of {', '.join(EDUCATION)}; got {text!r}{hint}")


def _number(value: float) -> str:
    """At most two decimals, rounded up so that a shortfall never reads as 0."""
    return f"{math.ceil(round(value * 100, 6)) / 100:,g}"


def missing(route: Route, profile: Profile, issuer: str) -> tuple[Missing, ...]:
    """What the profile lacks for one route, in the route's field order; () when the route holds."""
    out: list[Missing] = []
    if route.education is not None and EDUCATION.index(profile.education) < EDUCATION.index(route.education):
        out.append(Missing("education", f"needs {_DEGREE[route.education]}", None))
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
        out.append(
            Missing(
                "experience_years",
                f"needs {_number(short_years)}{more} {unit} of experience",
                profile.experience_years / need_years,
            )
        )
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
    """Sort key: met routes first, then nearly met ones, then by how little is missing."""
    least = min((m.met or 0.0 for m in misses), default=1.0)
    return (bool(misses) and not is_near(misses), len(misses), -least)


def verdict(cert: Certification, profile: Profile) -> Verdict | None:
    """The profile against the credential's closest route; None when no requirements are recorded."""
    routes = [route for route in cert.requirements if route.stated]
    if not routes:
        return None
    scored = [(route, missing(route, profile, cert.issuer)) for route in routes]
    route, misses = min(scored, key=lambda pair: _closeness(pair[1]))  # min keeps the first of equals
    return Verdict(cert, route, misses)


def check(certs: Iterable[Certification], profile: Profile) -> Result:
    eligible: list[Verdict] = []
    nearly: list[Verdict] = []
    not_recorded = 0
    for cert in certs:
        if cert.unreal:
            continue
        found = verdict(cert, profile)
        if found is None:
            not_recorded += 1
        elif found.eligible:
            eligible.append(found)
        elif found.nearly:
            nearly.append(found)
    eligible.sort(key=lambda v: (v.cert.label.casefold(), v.cert.id))
    nearly.sort(key=lambda v: (len(v.missing), v.cert.label.casefold(), v.cert.id))
    return Result(profile, tuple(eligible), tuple(nearly), not_recorded)


def _item(v: Verdict) -> Record:
    return {
        "id": v.cert.id,
        "name": v.cert.name,
        "issuer": v.cert.issuer,
        "verification": v.cert.verification.status,
        "route": route_item(v.route),
        "note": v.route.note or None,
        "missing": [m.text for m in v.missing],
    }


def to_json(result: Result) -> Record:
    """The stable JSON shape: every key always present; eligible items have `missing: []`."""
    return {
        "profile": result.profile._asdict(),
        "eligible": [_item(v) for v in result.eligible],
        "nearly": [_item(v) for v in result.nearly],
        "not_recorded": result.not_recorded,
    }
