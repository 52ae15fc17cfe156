"""The seeded synthetic catalog: as many valid entries as asked, about 650 bytes each, one of them about cataloging.

The same seed and size give the same file, byte for byte. The words come from fixed lists, so every size
has the same vocabulary (about 200 distinct name words): a real catalog of that size would have more.
"""

from __future__ import annotations

import os
import random
import time
from pathlib import Path

SEED = 20261124


def _words(text: str) -> tuple[str, ...]:
    return tuple(text.split())


def _phrases(text: str) -> tuple[str, ...]:
    return tuple(phrase.strip() for phrase in " ".join(text.split()).split(","))


PREFIXES = _words(
    """
    Certified Registered Professional Associate Advanced Senior Master Accredited Chartered Licensed Qualified
    Recognized Foundation Intermediate Applied Practical Graduate Provisional Distinguished Fellow
    """
)
SUBJECTS = _words(
    """
    Library Archives Records Information Digital Collection Metadata Preservation Conservation Circulation Reference
    Acquisitions Serials Periodicals Indexing Abstracting Classification Bibliographic Curation Museum Heritage
    Documentation Knowledge Research Literacy Media Technology Network Systems Database Security Cloud Software
    Hardware Electronics Automation Robotics Control Instrumentation Office Spreadsheet Presentation Publishing
    Typography Imaging Scanning Microfilm Photography Audiovisual Sound Film Manuscripts Genealogy Government Legal
    Medical Health School Youth Children Teen Adult Outreach Programming Community Public Academic Special Corporate
    Rural Branch Mobile Accessibility Privacy Compliance Retention Governance Risk Audit Quality Project Supervision
    Leadership Budget Facilities Procurement Licensing Copyright Data Analytics Statistics Visualization Web
    Cybersecurity Telecommunications Wiring Circuits Soldering Microcontrollers Sensors Drives Motors Hydraulics
    Pneumatics Welding Maintenance Installation Repair Inventory Logistics Scheduling Payroll Bookkeeping Accounting
    Transcription Translation Interpreting Storytelling Reading Writing Tutoring Instruction Training Assessment
    Evaluation Discovery Search Retrieval Taxonomy Ontology Thesaurus Vocabulary Catalogs Encoding Digitization
    Restoration Binding Bookbinding Shelving Processing Interlibrary Lending Exhibits Events Marketing Fundraising
    Grants Volunteers Customer Service Helpdesk Support
    """
)
ROLES = _words(
    """
    Specialist Technician Assistant Associate Administrator Manager Professional Analyst Coordinator Practitioner
    Officer Expert Consultant Steward Librarian Archivist Curator Clerk Aide Paraprofessional Engineer Operator
    Installer Developer Designer Auditor Supervisor Director Trainer Educator
    """
)
ORG_ADJECTIVES = _words(
    """
    National International American Canadian British Regional State Northern Southern Eastern Western Pacific
    Atlantic Central Midwest Global United Allied Independent Federal Provincial Metropolitan
    """
)
ORG_NOUNS = _words(
    """
    Association Society Institute Council Board Guild Federation Alliance Consortium Academy College University
    Foundation Network League Center Commission Agency Department Union Chamber
    """
)
PLACES = _words(
    """
    Ohio Texas Ontario Oregon Maine Iowa Utah Vermont Alberta Quebec Wales Scotland Ireland Victoria Queensland
    Kansas Nevada Georgia Carolina Virginia Montana Dakota Arizona Colorado Florida Illinois Indiana Michigan
    Minnesota Missouri Nebraska Oklahoma Kentucky Tennessee Alabama Louisiana Arkansas Wisconsin Manitoba
    Saskatchewan Yukon Tasmania Auckland Wellington Dublin Glasgow Cardiff Leeds
    """
)
STAFF = _phrases(
    """
    support staff, paraprofessionals, technicians, new hires, volunteers, supervisors, managers, clerks, assistants,
    students, career changers, branch staff, team leads, contractors, apprentices
    """
)
SETTINGS = _phrases(
    """
    public libraries, school libraries, academic libraries, county archives, records centers, museums, hospitals,
    law firms, city offices, state agencies, small businesses, factories, data centers, tribal libraries, special
    libraries, corporate archives, historical societies, community colleges, repair shops, call centers
    """
)
EXAM_FORMATS = _phrases(
    """
    multiple choice, portfolio, practical, online proctored, written and oral, case study
    """
)
ELIGIBILITY = _phrases(
    """
    High-school diploma, Associate degree, Bachelor's degree, Two years of library work, Current employment in the
    field, Master's degree, Completion of an approved course, None stated
    """
)
REQUIREMENTS = _phrases(
    """
    contact hours, continuing education units, professional development points, credit hours
    """
)
KINDS = ("credential", "certificate", "certification", "diploma", "program", "endorsement")
CATEGORIES = (
    "library",
    "archives",
    "records-information",
    "school-library",
    "it",
    "office-software",
    "automation",
    "electronics",
)
STATUSES = ("active", "active", "active", "active", "discontinued", "unknown")
VERIFICATIONS = ("confirmed", "confirmed", "differs", "unverified", "not-found")
FEE_LABELS = ("Application", "Exam", "Course", "Retake", "Membership")
AUDIENCES = ("all", "member", "non-member")


def synthetic_entry(rng: random.Random, number: int) -> str:
    """One valid entry of about 600-700 bytes; optional fields are left out now and then, as in real data.

    The average stays near 650 bytes, so that 100,000 entries fit under certfind's 64 MiB file limit.
    """
    words = rng.sample(SUBJECTS, 6)
    role = rng.choice(ROLES)
    name = f"{rng.choice(PREFIXES)} {words[0]} {words[1]} {role}"
    kind = rng.choice(KINDS)
    summary = (
        f"{'An' if kind[0] in 'aeiou' else 'A'} {kind} in {words[0].lower()} and {words[3].lower()} "
        f"for {rng.choice(STAFF)} in {rng.choice(SETTINGS)}."
    )
    checked = f"20{rng.randint(23, 25)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    lines = [
        f"  - id: synthetic-{number:06d}",
        f"    name: {name}",
        f"    acronym: {''.join(w[0] for w in name.split())}{number % 100}",
    ]
    if rng.random() < 0.5:
        lines.append(f"    aliases: [{words[0]} {words[1]} {role}]")
    lines += [
        f"    issuer: {rng.choice(ORG_ADJECTIVES)} {rng.choice(ORG_NOUNS)} of {rng.choice(PLACES)} {words[2]}",
        f"    category: {rng.choice(CATEGORIES)}",
        f'    summary: "{summary}"',
        f"    topics: [{', '.join(w.lower() for w in words[: rng.randint(3, 4)])}]",
    ]
    if rng.random() < 0.5:
        lines.append(f"    eligibility: [{rng.choice(ELIGIBILITY)}]")
    if rng.random() < 0.4:
        lines.append(
            f"    exam: {{format: {rng.choice(EXAM_FORMATS)}, questions: {rng.randint(4, 30) * 5}, "
            f"minutes: {rng.randint(4, 24) * 10}}}"
        )
    if rng.random() < 0.5:
        low = rng.randint(1, 18)
        lines.append(f"    duration: {{min_months: {low}, max_months: {low + rng.randint(0, 24)}}}")
    if rng.random() < 0.85:
        lines.append("    costs:")
        lines.append(f"      - {{label: Application, amount: {rng.randint(5, 90) * 5}}}")
        if rng.random() < 0.3:
            lines.append(
                f"      - {{label: {rng.choice(FEE_LABELS)}, amount: {rng.randint(5, 60) * 5}, "
                f"audience: {rng.choice(AUDIENCES)}}}"
            )
    if rng.random() < 0.4:
        lines.append(
            f"    renewal: {{every_years: {rng.randint(1, 5)}, "
            f"requirement: {rng.randint(1, 12) * 5} {rng.choice(REQUIREMENTS)}}}"
        )
    lines += [
        f"    status: {rng.choice(STATUSES)}",
        f"    verification: {{status: {rng.choice(VERIFICATIONS)}, checked: {checked}}}",
        f'    sources: [{{title: "Source", url: "https://example.org/{number}", accessed: {checked}}}]',
        "",
    ]
    return "\n".join(lines)


def cataloging_entry(number: int) -> str:
    """The one entry `search cataloging` must put first: cataloging in its name, aliases, topics and summary."""
    url = f"https://example.org/c{number}"
    return (
        f"  - id: synthetic-{number:06d}\n"
        '    name: "Certified Library Cataloging Specialist"\n'
        '    acronym: "CLCS"\n'
        '    aliases: ["Library Cataloging Specialist", "Cataloging Specialist"]\n'
        '    issuer: "National Association of Library Staff"\n'
        "    category: library\n"
        '    summary: "A credential in cataloging and classification for cataloging staff in public libraries."\n'
        '    topics: ["cataloging", "descriptive cataloging", "subject cataloging", "copy cataloging", "metadata"]\n'
        '    eligibility: ["High-school diploma"]\n'
        "    exam: {format: multiple choice, questions: 100, minutes: 120}\n"
        "    duration: {min_months: 6, max_months: 24}\n"
        "    costs:\n"
        f'      - {{label: Application, amount: 250, audience: non-member, source: "{url}"}}\n'
        f'      - {{label: Application, amount: 200, audience: member, source: "{url}"}}\n'
        "    renewal: {every_years: 3, requirement: 30 contact hours}\n"
        "    status: active\n"
        "    verification: {status: confirmed, checked: 2025-11-24}\n"
        f'    sources: [{{title: "Synthetic source", url: "{url}", accessed: 2025-11-24}}]\n'
    )


def cataloging_id(size: int) -> str:
    """The id of the cataloging entry in a catalog of `size` entries: the one in the middle."""
    return f"synthetic-{size // 2 + 1:06d}"


def write_catalog(path: Path, size: int, seed: int = SEED) -> int:
    """Write a catalog of `size` entries; returns its size in bytes. Its mtime is set a minute in the past,
    older than any window in which certfind refuses to store a file that may still be changing."""
    rng = random.Random(seed)
    special = size // 2 + 1
    parts = ["# Synthetic catalog for benchmarks/bench.py\nschema_version: 1\ncertifications:\n"]
    for number in range(1, size + 1):
        parts.append(cataloging_entry(number) if number == special else synthetic_entry(rng, number))
    data = "".join(parts).encode("utf-8")
    path.write_bytes(data)
    past = time.time() - 60
    os.utime(path, (past, past))
    return len(data)
