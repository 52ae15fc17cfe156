"""Standard Occupational Classification (SOC 2018) codes that a catalog's `occupations` holds.

The titles of the detailed occupations near library, archives, records, IT-support and school work,
for showing and for `--occupation`, which takes a code or a title. Other well-formed codes are
valid in a catalog and shown as the bare code.
"""

from __future__ import annotations

import re

CODE = re.compile(r"\d{2}-\d{4}\Z")

TITLES = {
    "11-3012": "Administrative Services Managers",
    "11-9032": "Education Administrators, Kindergarten through Secondary",
    "11-9033": "Education Administrators, Postsecondary",
    "11-9199": "Managers, All Other",
    "13-1199": "Business Operations Specialists, All Other",
    "15-1211": "Computer Systems Analysts",
    "15-1231": "Computer Network Support Specialists",
    "15-1232": "Computer User Support Specialists",
    "15-1241": "Computer Network Architects",
    "15-1244": "Network and Computer Systems Administrators",
    "15-1299": "Computer Occupations, All Other",
    "17-2061": "Computer Hardware Engineers",
    "17-3023": "Electrical and Electronic Engineering Technologists and Technicians",
    "17-3024": "Electro-Mechanical and Mechatronics Technologists and Technicians",
    "25-2021": "Elementary School Teachers, Except Special Education",
    "25-2031": "Secondary School Teachers, Except Special and Career/Technical Education",
    "25-4011": "Archivists",
    "25-4012": "Curators",
    "25-4013": "Museum Technicians and Conservators",
    "25-4022": "Librarians and Media Collections Specialists",
    "25-4031": "Library Technicians",
    "25-9042": "Teaching Assistants, Preschool, Elementary, Middle, and Secondary School, Except Special Education",
    "25-9043": "Teaching Assistants, Special Education",
    "43-4071": "File Clerks",
    "43-4121": "Library Assistants, Clerical",
    "43-4199": "Information and Record Clerks, All Other",
    "43-6014": "Secretaries and Administrative Assistants, Except Legal, Medical, and Executive",
    "43-9022": "Word Processors and Typists",
    "43-9061": "Office Clerks, General",
    "49-2011": "Computer, Automated Teller, and Office Machine Repairers",
    "49-2094": "Electrical and Electronics Repairers, Commercial and Industrial Equipment",
    "49-2097": "Audiovisual Equipment Installers and Repairers",
}


def title(code: str) -> str:
    return TITLES.get(code, "")


def describe(code: str) -> str:
    """`25-4031 Library Technicians`, or the bare code when its title is not listed here."""
    name = TITLES.get(code)
    return f"{code} {name}" if name else code


def parse(value: str, known: list[str]) -> list[str]:
    """The codes a user's value means: a code, or words found in a title (`library technicians`)."""
    value = value.strip()
    if CODE.match(value):
        return [value] if value in TITLES or value in known else []
    wanted = value.casefold().split()
    if not wanted:
        return []
    return [code for code in sorted({*TITLES, *known}) if all(w in title(code).casefold() for w in wanted)]
