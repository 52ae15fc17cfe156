"""How far to trust an entry, in words: the one place this wording is written.

Used by the store (the `warning` and `evidence` every JSON item carries) and by the renderer (columns,
banners). An entry's issuer evidence is its newest source marked as the issuer's own page (or official
rule), dated by the date the page shows (an undated page counts as of the day it was read). When that is
more than STALE_YEARS older than the day the entry was checked, a confirmed entry is not called plainly
confirmed: it is "last confirmed" in that year.
"""

from datetime import date, timedelta
from typing import NamedTuple

from certfind.model import NO_LONGER_AWARDED, Certification, Record, Source

STALE_YEARS = 5

_STATUS_HEADLINES = {
    "ceasing": "It is being wound down: ask the issuer whether you can still finish it.",
    "suspended": "It is suspended: nobody can earn it for now.",
    "teach-out": "It is in teach-out: only candidates already enrolled can finish it.",
    "probationary": "Its accreditor has put it on probation.",
}


class Evidence(NamedTuple):
    """The newest issuer page an entry rests on: the date the page shows (or `undated`), when it was read,
    and the day it stands for (the end of the month or year it shows, or the day it was read)."""

    dated: str
    seen: date | None
    as_of: date | None


def _as_of(source: Source) -> date | None:
    dated = source.dated
    if not dated or dated == "undated":
        return source.accessed
    parts = [int(part) for part in dated.split("-")]
    if len(parts) == 3:
        return date(*parts)
    year, month = parts[0], parts[1] if len(parts) == 2 else 12
    if month == 12:
        return date(year, 12, 31)
    return date(year, month + 1, 1) - timedelta(days=1)  # the month's last day


def issuer_evidence(cert: Certification) -> Evidence | None:
    """The newest of the entry's issuer pages, or None when it records none (or no issuer is known)."""
    if cert.verification.status == "not-found":
        return None
    pages = [(_as_of(s), s) for s in cert.sources if s.issuer]
    dated = [(day, s) for day, s in pages if day is not None]
    if not dated:
        return Evidence(pages[0][1].dated or "undated", None, None) if pages else None
    day, source = max(dated, key=lambda pair: pair[0])
    return Evidence(source.dated or "undated", source.accessed, day)


def stale(cert: Certification) -> bool:
    """Its newest issuer evidence is more than STALE_YEARS older than the day the entry was checked."""
    found = issuer_evidence(cert)
    checked = cert.verification.checked
    if found is None or found.as_of is None or checked is None:
        return False
    try:
        limit = checked.replace(year=checked.year - STALE_YEARS)
    except ValueError:  # 29 February
        limit = checked.replace(year=checked.year - STALE_YEARS, day=28)
    return found.as_of < limit


def evidence_text(cert: Certification) -> str:
    """`the issuer's page of 2013`, `the issuer's page (undated; seen 2026-12-02)`, or that there is none."""
    found = issuer_evidence(cert)
    if cert.verification.status == "not-found":
        return "none: no one is known to award it"
    if found is None:
        return "no page of the issuer's is recorded"
    if found.dated == "undated" or not found.dated:
        seen = f"; seen {found.seen.isoformat()}" if found.seen else ""
        return f"the issuer's page (undated{seen})"
    return f"the issuer's page of {found.dated}"


def evidence_json(cert: Certification) -> Record:
    """What the JSON item says of the evidence's age."""
    found = issuer_evidence(cert)
    return {
        "issuer_page": None if found is None else found.dated,
        "seen": None if found is None or found.seen is None else found.seen.isoformat(),
        "stale": stale(cert),
        "text": evidence_text(cert),
    }


def _year(cert: Certification) -> str:
    found = issuer_evidence(cert)
    return found.dated[:4] if found is not None and found.dated[:4].isdigit() else "long ago"


def trust(cert: Certification) -> str:
    """How far to trust an entry, in a word or two: the verification status (`last confirmed 2013` when the
    issuer's newest page is old), the credential's status when it is not simply active, or `discontinued`."""
    if cert.status in NO_LONGER_AWARDED:
        return cert.status
    word = cert.verification.status
    if word == "confirmed" and stale(cert):
        word = f"last confirmed {_year(cert)}"
    if cert.status != "active" and cert.verification.status in ("confirmed", "differs"):
        return f"{word}, status {cert.status}" if cert.status == "unknown" else f"{word}, {cert.status}"
    return word


def trust_banner(cert: Certification) -> tuple[str, str]:
    """A plain-language headline about how far to trust the entry, and its style. For an entry no one
    awards, it names what to look at instead, so that it stands on its own wherever it is shown."""
    status = cert.verification.status
    alternatives = ", ".join(cert.verification.alternatives)
    pointer = f"look instead at: {alternatives}" if alternatives else f"read the evidence: certfind show {cert.id}"
    if status == "not-found":
        return (f"No public source confirms that this credential exists. Do not pay for it; {pointer}.", "bold red")
    if cert.status in NO_LONGER_AWARDED:
        return (f"No longer awarded: the issuer discontinued it; {pointer}.", "bold yellow")
    if status == "differs":
        return (
            "This credential is real, but public sources differ from what is commonly claimed about it: "
            "read the evidence.",
            "yellow",
        )
    if status == "unverified":
        return ("Not yet checked against public sources.", "magenta")
    if stale(cert):
        return (
            f"Last confirmed in {_year(cert)}: the issuer's newest page found is that old, so fees and rules may "
            "have changed; ask the issuer before you pay.",
            "yellow",
        )
    if cert.status in _STATUS_HEADLINES:
        return (f"Confirmed against the issuer's own pages. {_STATUS_HEADLINES[cert.status]}", "yellow")
    if cert.status == "unknown":
        return (
            "Confirmed: the issuer's own pages describe this credential. Not confirmed: whether it is "
            "still awarded today; ask the issuer before you pay.",
            "yellow",
        )
    return ("Confirmed against the issuer's own pages.", "green")


def lookalike_text(cert: Certification, text: str, bundled_id: str) -> str:
    """What is said of a user's entry named like a bundled entry it is not."""
    return f"{text!r} looks like the bundled entry {bundled_id}, but this is your own entry {cert.id}"


def warning_of(cert: Certification, extra: str | None = None) -> str | None:
    """The warning every format carries for an entry no one awards (and for a look-alike user entry)."""
    found = []
    if cert.unreal:
        found.append(trust_banner(cert)[0])
    if extra:
        found.append(extra)
    return " ".join(found) or None
