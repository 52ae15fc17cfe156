"""How far to trust an entry, in words: the one place this wording is written.

Used by the store (the `warning` every JSON item carries) and by the renderer (columns, banners).
"""

from __future__ import annotations

from certfind.model import Certification


def trust(cert: Certification) -> str:
    """How far to trust an entry, in a word or two: the verification status, or `discontinued`."""
    if cert.status == "discontinued":
        return "discontinued"
    if cert.status == "unknown" and cert.verification.status in ("confirmed", "differs"):
        return f"{cert.verification.status}, status unknown"
    return cert.verification.status


def trust_banner(cert: Certification) -> tuple[str, str]:
    """A plain-language headline about how far to trust the entry, and its style."""
    status = cert.verification.status
    if status == "not-found":
        return (
            "No public source confirms that this credential exists. "
            "Do not pay for it before checking the alternatives below.",
            "bold red",
        )
    if cert.status == "discontinued":
        return ("No longer awarded: the issuer discontinued it. Look at the alternatives below.", "bold yellow")
    if status == "differs":
        return (
            "This credential is real, but public sources differ from what is commonly claimed about it: "
            "read the evidence.",
            "yellow",
        )
    if status == "unverified":
        return ("Not yet checked against public sources.", "magenta")
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
