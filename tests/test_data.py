"""The bundled catalog is trustworthy: sourced, dated, cross-linked, in our own words."""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest

from certfind import catalog, occupations, paths, places
from certfind import trust as trust_module
from certfind.model import Certification
from tests.support import cli

CAT = catalog.load(str(paths.bundled_catalog()))
CERTS = list(CAT)
SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "top-11-library-technician-certifications.txt"

# The article's names (and spellings) for its eleven certifications, and the entry each must reach.
ARTICLE_NAMES = {
    "CLT": "clt",
    "Certified Library Technician": "clt",
    "CALT": "calt",
    "Certified Academic Library Technician": "calt",
    "CPLT": "cplt",
    "CPTL": "cplt",
    "Certified Public Library Technician": "cplt",
    "CSLT": "cslt",
    "Certified School Library Technician": "cslt",
    "CTST": "ctst",
    "Certified Technical Services Technician": "ctst",
    "Academy of Certified Archivists": "ca",
    "ACA": "ca",
    "CIP": "cip",
    "Certified Information Professional": "cip",
    "MLS-P": "mls-p",
    "Museum and Library Services Professional Certification": "mls-p",
    "Automation and Control Systems Technicians Certification Program": "isa-ccst",
    "Microsoft Office Specialist": "mos",
    "MOS": "mos",
    "CompTIA A+": "comptia-a-plus",
    "A+": "comptia-a-plus",
}
UNVERIFIABLE = {"clt", "calt", "cplt", "cslt", "ctst", "mls-p"}


def test_size_and_trust_mix() -> None:
    assert len(CERTS) >= 110
    real = [c for c in CERTS if c.verification.status in ("confirmed", "differs") and c.sources]
    assert len(real) >= 100
    assert {c.id for c in CERTS if c.verification.status == "not-found"} == UNVERIFIABLE


def test_nothing_is_plainly_confirmed_on_issuer_evidence_over_five_years_old() -> None:
    listed = {row[0]: row[6] for row in (line.split("\t") for line in cli("list").out.splitlines())}
    stale = {c.id for c in CERTS if trust_module.stale(c) and not c.unreal}
    assert stale  # the check below has something to bite on
    for ident in stale:
        assert listed[ident].startswith("last confirmed ") or listed[ident].startswith("differs"), ident
    shown = cli("show", "mos")
    assert (shown.code, shown.err) == (0, "")
    assert "\nissuer page\tthe issuer's page of 2012-09-03 (more than 5 years before it was checked)\n" in shown.out


def issuer_sources(cert: Certification) -> list[str]:
    """Sources that are not marked as secondary: the issuer's own pages (or the official code)."""
    return [s.url for s in cert.sources if "secondary" not in s.title.casefold()]


@pytest.mark.parametrize("cert", CERTS, ids=[c.id for c in CERTS])
def test_real_entries_rest_on_an_issuer_page(cert: Certification) -> None:
    if cert.verification.status in ("confirmed", "differs"):
        assert issuer_sources(cert), f"{cert.id}: only secondary sources"


def test_no_two_entries_share_a_name_and_issuer() -> None:
    pairs = Counter((c.name.casefold(), c.issuer.casefold()) for c in CERTS)
    assert [pair for pair, count in pairs.items() if count > 1] == []


@pytest.mark.parametrize("cert", CERTS, ids=[c.id for c in CERTS])
def test_regions_and_occupations_are_real_codes(cert: Certification) -> None:
    assert all(places.is_code(code) for code in cert.region), cert.region
    assert all(occupations.CODE.match(code) for code in cert.occupations), cert.occupations


def test_the_catalog_covers_the_places_library_staff_work() -> None:
    def real_in(code: str) -> list[str]:
        return [
            c.id
            for c in CERTS
            if c.verification.status in ("confirmed", "differs") and any(places.within(r, code) for r in c.region)
        ]

    for code in ("US-TX", "CA-ON", "GB", "AU", "NZ"):
        assert real_in(code), code
    assert len({r for c in CERTS for r in c.region if r.startswith("US-")}) >= 20


@pytest.mark.parametrize("cert", [c for c in CERTS if c.requirements], ids=[c.id for c in CERTS if c.requirements])
def test_structured_requirements_agree_with_the_readable_eligibility(cert: Certification) -> None:
    assert cert.eligibility, f"{cert.id}: requirements without readable eligibility"
    assert any(route.stated for route in cert.requirements), f"{cert.id}: no route states a checkable condition"
    for route in cert.requirements:
        assert route.library_hours is None or route.library_hours > 0
        assert route.experience_years is None or 0 < route.experience_years <= 20


@pytest.mark.parametrize("cert", CERTS, ids=[c.id for c in CERTS])
def test_every_entry_is_sourced_and_dated(cert: Certification) -> None:
    assert cert.sources
    for src in cert.sources:
        assert re.match(r"https?://", src.url)
        assert src.title.strip()
        assert src.accessed is not None
        assert src.accessed.year >= 2026
    assert cert.verification.checked is not None
    assert cert.verification.checked.year >= 2026
    assert cert.verification.note, "say what the evidence shows"


@pytest.mark.parametrize("cert", CERTS, ids=[c.id for c in CERTS])
def test_every_figure_names_one_of_the_entrys_sources(cert: Certification) -> None:
    urls = {s.url for s in cert.sources}
    for fee in cert.costs:
        if fee.known:
            assert fee.source in urls, f"{cert.id}: {fee.label} has no source among the entry's sources"
        else:
            assert fee.note, f"{cert.id}: {fee.label} has an unknown amount and no note saying why"


@pytest.mark.parametrize("cert", [c for c in CERTS if c.id in UNVERIFIABLE], ids=sorted(UNVERIFIABLE))
def test_unverifiable_entries_point_at_real_alternatives_and_price_nothing(cert: Certification) -> None:
    assert not cert.costs, "the article's prices belong in verification.claimed, not in costs"
    assert cert.verification.claimed
    assert cert.verification.alternatives
    for alt in cert.verification.alternatives:
        target = CAT.get(alt)
        assert target is not None
        assert target.cert.verification.status in ("confirmed", "differs")


def test_shared_acronyms_have_issuers_that_tell_them_apart() -> None:
    by_acronym = Counter(c.acronym.casefold() for c in CERTS if c.acronym)
    for acronym, count in by_acronym.items():
        if count > 1:
            issuers = [c.issuer for c in CERTS if c.acronym.casefold() == acronym]
            assert len(set(issuers)) == count, f"{acronym}: {issuers}"


@pytest.mark.parametrize(("name", "ident"), ARTICLE_NAMES.items())
def test_each_article_name_resolves_to_its_entry(name: str, ident: str) -> None:
    run = cli("show", name, "--format", "plain")
    assert run.code == 0, run.err
    assert f"id\t{ident}\n" in run.out


@pytest.mark.skipif(not SEED.exists(), reason="the seed article is not beside the repository")
def test_no_sentence_is_copied_from_the_article() -> None:
    def words(text: str) -> list[str]:
        return re.findall(r"[a-z0-9']+", text.casefold().replace("\u2019", "'"))

    article = words(SEED.read_text(encoding="utf-8"))
    shingles = {tuple(article[i : i + 8]) for i in range(len(article) - 7)}
    # Names are kept on purpose (people search by the article's names); prose must be our own.
    prose = []
    for c in CERTS:
        prose += [c.summary, c.verification.note, c.verification.claimed, *c.eligibility, *(f.note for f in c.costs)]
        prose += [c.renewal.requirement, c.renewal.note] if c.renewal else []
        prose += [c.duration.note] if c.duration else []
    ours = words(" | ".join(prose))
    copied = [" ".join(ours[i : i + 8]) for i in range(len(ours) - 7) if tuple(ours[i : i + 8]) in shingles]
    assert copied == []
