"""Search relevance: realistic queries and the entry each should put first.

`python -m tests.search_eval` prints top-1 and top-3 accuracy for the tuning set and for the
held-out set (written after tuning, never tuned on). tests/test_search.py holds both to floors.

The sets of the first version (TUNING, HELD_OUT, UNSEEN) were written for the 28-entry catalog; where the
catalog's growth or the trust-first rule changed the right answer, the expectation says what it was.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence

from certfind import catalog, paths
from certfind.search import Searcher

# Contract 1.1 (2026-11-25): written against the 92-entry catalog before any tuning on it. An expected
# value is the tuple of ids that are a right first answer (several when the query is honestly
# ambiguous); () means the query should find nothing. Credentials no one awards are never a right
# answer unless the query names them exactly.
TECHNICIAN = (
    "lssc",
    "alia-technician",
    "seneca-lit",
    "algonquin-lit",
    "confederation-lit",
    "mohawk-library-technician",
    "langara-lit",
    "ufv-libit",
    "sait-lit",
    "saskpolytech-lit",
    "au-diploma-lis",
    "au-cert-iv-lis",
)
SCHOOL = ("nbpts-library-media", "az-library-media-endorsement", "nmped-library-media-endorsement")
PUBLIC_LIBRARIAN = (
    "oh-public-librarian-cert",
    "ny-public-librarian-cert",
    "ok-public-librarian-cert",
    "nc-public-librarian-cert",
    "nv-public-librarian-cert",
    "sc-public-librarian-cert",
    "ky-public-librarian-cert",
    "ne-public-librarian-cert",
    "wv-public-librarian-cert",
    "me-public-librarian-cert",
    "in-public-librarian-cert",
    "vt-public-librarianship",
)
PUBLIC_LIBRARY = (
    *PUBLIC_LIBRARIAN,
    "oh-library-staff-cert",
    "cpla",
    "tn-library-management",
    "ky-part-time-staff-cert",
    "md-library-associate",
    "md-librarian-director",
    "la-director-cert",
    "wi-director-cert",
    "alia-proficiency",
)
DIRECTOR = (
    "wi-director-cert",
    "la-director-cert",
    "md-librarian-director",
    "ia-director-endorsement",
    "sd-library-director-cert",
    "cpla",
    "tn-library-management",
)
MLS = (
    "oh-public-librarian-cert",
    "ny-public-librarian-cert",
    "wa-librarian-cert",
    "nj-librarian-cert",
    "va-librarian-cert",
    "pa-librarian-cert",
    "ga-librarian-certificate",
    "ma-librarianship-cert",
    "md-librarian-director",
    "cpla",
    *PUBLIC_LIBRARIAN,
)
CANADA_DIPLOMA = (
    "seneca-lit",
    "algonquin-lit",
    "confederation-lit",
    "mohawk-library-technician",
    "langara-lit",
    "ufv-libit",
    "sait-lit",
    "saskpolytech-lit",
)


# Written before tuning: what library staff type, with typos, acronyms, British spellings and topics.
TUNING: list[tuple[str, str | tuple[str, ...]]] = [
    ("cataloging", "lssc"),
    ("catalogng", "lssc"),
    ("cataloguing", "lssc"),
    ("circulation", "lssc"),
    ("access services", "lssc"),
    ("reference services", "lssc"),
    ("youth services", ("lssc", "ia-staff-endorsement")),
    ("library support staff", "lssc"),
    ("LSSC", "lssc"),
    ("library technican", TECHNICIAN),  # was clt: real credentials now come first
    ("academic library technician", ("lssc", "sd-library-staff-cert", *TECHNICIAN)),  # was calt
    ("public library technician", (*TECHNICIAN, "oh-library-staff-cert", "md-library-associate")),  # was cplt
    ("CPTL", "cplt"),
    ("school library technician", (*SCHOOL, "ets-parapro", *TECHNICIAN)),  # was cslt
    ("technical services technician", (*TECHNICIAN, "iscet-cet", "eta-cet")),  # was ctst
    ("CPLA", "cpla"),
    ("public library administrator", "cpla"),
    ("archivist", "ca"),
    ("certified archivist exam", "ca"),
    ("digital archives", "saa-das"),
    ("DAS", "saa-das"),
    ("records manager", "icrm-crm"),
    ("CRM", "icrm-crm"),
    ("information governance", "arma-igp"),
    ("IGP", "arma-igp"),
    ("information professional", "cip"),
    ("AIIM", "cip"),
    ("ISCET", "iscet-cet"),
    ("ETA electronics", "eta-cet"),
    ("A+", "comptia-a-plus"),
    ("comptia", ("comptia-a-plus", "comptia-network-plus")),
    ("computer hardware repair", "comptia-a-plus"),
    ("help desk", ("comptia-a-plus", "hdi-sca", "hdi-dst", "hdi-csr")),
    ("MOS", "mos"),
    ("microsoft excel", "mos"),
    ("office software", "mos"),
    ("control systems technician", "isa-ccst"),
    ("CCST", "isa-ccst"),
    ("automation professional", "isa-cap"),
    ("National Board library media", "nbpts-library-media"),
    ("Arizona library media endorsement", "az-library-media-endorsement"),
    ("New Mexico school library", "nmped-library-media-endorsement"),
    ("Montana", "montana-library-cert"),
    ("Minnesota library certification", "minnesota-library-cert"),
    ("Michigan library staff", "library-of-michigan-staff-cert"),
    ("library technician diploma Ontario", "mohawk-library-technician"),
    ("digital curation", "lja-digital-curation"),
    ("Library Juice", "lja-digital-curation"),
    ("library practitioner", ("alia-cpd-certified",)),  # was western-council-lpc (discontinued)
    (
        "IMLS",
        ("western-council-lpc", "mls-p"),
    ),  # no real credential is about IMLS: only unreal ones match, last and named on stderr
    ("museum library services", "mls-p"),
]

# Written after tuning. First measured at 83.3% top-1; its two misses exposed general defects
# (word families, unmatched words weighed as the rarest, status not searchable) that were fixed.
HELD_OUT: list[tuple[str, str]] = [
    ("records and information management", "icrm-crm"),
    ("electronic records exam parts", "icrm-crm"),
    ("archvist certification", "ca"),
    ("collection management competency", "lssc"),
    ("teaching certificate school librarian national board", "nbpts-library-media"),
    ("Praxis 5312", "nmped-library-media-endorsement"),
    ("instrumentation technician", "isa-ccst"),
    ("powerpoint", "mos"),
    ("Mohawk College", "mohawk-library-technician"),
    ("ALA-APA administrator", "cpla"),
    ("discontinued practitioner certificate", "western-council-lpc"),
    ("comptia a plus 220-1201", "comptia-a-plus"),
]


# Written after those fixes and measured once, untouched: the figure for queries never tuned on.
UNSEEN: list[tuple[str, str]] = [
    ("certified records analyst", "icrm-crm"),
    ("support staff certification ALA", "lssc"),
    ("archives certificate SAA", "saa-das"),
    ("electronics technician associate", "iscet-cet"),
    ("Certiport", "mos"),
    ("school library endorsement arizona", "az-library-media-endorsement"),
    ("public library directors montana", "montana-library-cert"),
    ("readers advisory", "lssc"),
    ("cataloguer certification", "lssc"),
    ("ISA automation certification exam", "isa-cap"),
]


TUNING_1_1: list[tuple[str, tuple[str, ...]]] = [
    # the review's failures
    ("library technician", TECHNICIAN),
    ("library technican", TECHNICIAN),
    ("school library", SCHOOL),
    ("public library", PUBLIC_LIBRARY),
    ("archivest", ("ca",)),
    ("soldering", ("iscet-cet", "eta-cet")),
    ("library director", DIRECTOR),
    ("Florida", ()),
    ("library certification Florida", ()),
    ("LTA", ("lssc", *TECHNICIAN)),
    ("PLC", PUBLIC_LIBRARIAN),
    ("MLIS", MLS),
    # places
    ("Texas", ("tx-slm-certificates",)),
    ("Ontario library technician", ("seneca-lit", "algonquin-lit", "confederation-lit", "mohawk-library-technician")),
    ("library technician diploma british columbia", ("langara-lit", "ufv-libit")),
    ("Ohio library staff", ("oh-library-staff-cert",)),
    ("Kentucky librarian", ("ky-public-librarian-cert",)),
    ("Nebraska librarian", ("ne-public-librarian-cert",)),
    ("Georgia librarian license", ("ga-librarian-certificate",)),
    ("New Hampshire", ("nh-paralibrarian-cert",)),
    ("Vermont", ("vt-public-librarianship",)),
    ("Maine library certification", ("me-public-librarian-cert",)),
    ("Pennsylvania library assistant", ("pa-library-assistant",)),
    ("wisconsin director certification", ("wi-director-cert",)),
    ("Iowa youth services", ("ia-staff-endorsement",)),
    ("Ireland", ("lai-associateship",)),
    ("New Zealand library registration", ("lianza-registration",)),
    ("australia library technician", ("alia-technician", "au-diploma-lis", "au-cert-iv-lis")),
    ("Massachusetts paralibrarian", ("ma-para-certification",)),
    # issuers and names
    ("CILIP", ("cilip-certification", "cilip-chartership", "cilip-fellowship")),
    ("chartership", ("cilip-chartership",)),
    ("ALIA", ("alia-technician", "alia-cpd-certified", "alia-proficiency")),
    ("Seneca", ("seneca-lit",)),
    ("SAIT", ("sait-lit",)),
    ("Langara", ("langara-lit",)),
    ("UFV", ("ufv-libit",)),
    ("ParaPro", ("ets-parapro",)),
    ("certificate IV library", ("au-cert-iv-lis",)),
    ("diploma of library and information services", ("au-diploma-lis",)),
    ("arrangement and description", ("saa-arrangement",)),
    ("federal records manager", ("icrm-crm-fed",)),
    ("records analyst", ("icrm-crm",)),
    # topics and skills
    ("library assistant apprenticeship", ("uk-library-assistant-l3",)),
    ("help desk", ("hdi-sca", "hdi-dst", "hdi-csr", "comptia-a-plus")),
    ("network+", ("comptia-network-plus",)),
    ("customer service representative", ("hdi-csr",)),
    ("digital preservation", ("loc-dpoe-topical-trainer", "saa-das", "lja-digital-curation")),
    ("paraprofessional", ("lssc", "ets-parapro", "nh-paralibrarian-cert", "ma-para-certification")),
    ("ALA library technician certification", ("lssc",)),
    # the article's names still reach their entries when typed exactly
    ("MLS-P", ("mls-p",)),
    ("CPTL", ("cplt",)),
]


# Contract 1.1: written blind on 2026-11-25 by someone who read only the catalog (never the search code,
# never a search result), then measured once before any tuning and never tuned on.
HELD_OUT_BLIND: list[tuple[str, tuple[str, ...]]] = [
    # US places: a state name plus a loose description. Where a state has several
    # credentials that fit the words, any of them is accepted.
    ("kentucky library certification", ("ky-public-librarian-cert", "ky-part-time-staff-cert")),
    ("massachusetts library certificate", ("ma-librarianship-cert", "ma-library-techniques", "ma-para-certification")),
    ("small library management texas", ("tx-slm-certificates",)),
    ("new york library assistant certificate", ("ny-nyslaa-certificate",)),
    ("iowa library director", ("ia-director-endorsement",)),
    # Places and credentials outside the US (Canada, UK, New Zealand, Ireland).
    (
        "library technician diploma canada",
        (
            "mohawk-library-technician",
            "seneca-lit",
            "algonquin-lit",
            "langara-lit",
            "ufv-libit",
            "sait-lit",
            "saskpolytech-lit",
            "confederation-lit",
        ),
    ),
    ("library tech program british columbia", ("langara-lit", "ufv-libit")),
    ("library assistant qualification uk", ("cilip-certification", "uk-library-assistant-l3")),
    ("librarian professional registration new zealand", ("lianza-registration",)),
    ("ireland librarian professional award", ("lai-associateship",)),
    # Typos of one or two letters in half-remembered names.
    ("libary support staff certification", ("lssc",)),
    ("certifed archivist exam", ("ca",)),
    ("certified recrods manager", ("icrm-crm",)),
    ("digital archives specalist", ("saa-das",)),
    ("paralibrarain certification new hampshire", ("nh-paralibrarian-cert",)),
    ("cilip charteship", ("cilip-chartership",)),
    # Acronyms, post-nominals and field abbreviations (LIS, non-MLS, CE, NBCT).
    ("mclip", ("cilip-chartership",)),
    ("lis diploma australia", ("au-diploma-lis",)),
    ("non-mls library staff certification ohio", ("oh-library-staff-cert",)),
    ("ce certification montana library", ("montana-library-cert",)),
    ("nbct library media", ("nbpts-library-media",)),
    # Topics of the work, with no credential name (one uses British spelling).
    (
        "digitisation and digital preservation certificate",
        ("lja-digital-curation", "saa-das", "loc-dpoe-topical-trainer"),
    ),
    ("records management certification", ("icrm-crm", "cip", "arma-igp")),
    ("processing archives finding aids course", ("saa-arrangement",)),
    ("school library aide test", ("ets-parapro",)),
    (
        "paraprofessional library certification",
        (
            "lssc",
            "cilip-certification",
            "ma-para-certification",
            "nh-paralibrarian-cert",
            "minnesota-library-cert",
            "oh-library-staff-cert",
        ),
    ),
    ("privacy and e-discovery records governance", ("arma-igp",)),
    # Issuers' names only: any credential of that issuer is a correct first result.
    ("society of american archivists certificate", ("saa-das", "saa-arrangement")),
    (
        "chartered institute of library and information professionals",
        ("cilip-certification", "cilip-chartership", "cilip-fellowship"),
    ),
    ("ohio library council", ("oh-library-staff-cert", "oh-public-librarian-cert")),
    ("australian library and information association", ("alia-technician", "alia-cpd-certified", "alia-proficiency")),
    # IT and office skills useful to library staff.
    ("excel certification", ("mos",)),
    ("help desk certification", ("hdi-csr", "hdi-sca", "hdi-dst", "comptia-a-plus")),
    # Half-remembered names: changed word order, and a credential that was not found
    # (named exactly, so it is accepted, as is the real alternative the catalog points to).
    ("certification public library administrator", ("cpla",)),
    ("ala certified library technician", ("clt", "lssc")),
]


# Contract 1.1: a second blind set, written on 2026-11-25 after the general fixes that HELD_OUT_BLIND's misses
# led to, by someone who read only the catalog. Measured once; never tuned on.
UNSEEN_BLIND: list[tuple[str, tuple[str, ...]]] = [
    # US states: place plus role or kind of credential (one typo in a state name, one British spelling)
    ("ohio certification for library staff without an MLS", ("oh-library-staff-cert",)),
    ("Iowa Library Director Certification", ("ia-director-endorsement",)),
    ("kentucky part time library staff training", ("ky-part-time-staff-cert",)),
    ("georgia librarian licence", ("ga-librarian-certificate",)),
    ("pensylvania library assistant certificate", ("pa-library-assistant",)),
    # Abroad: Canadian provinces, England/UK, Ireland, New Zealand, Australia (one typo, one word-order change)
    ("library technician program British Columbia", ("langara-lit", "ufv-libit")),
    ("library tech diploma calgary alberta", ("sait-lit",)),
    ("saskatchewan polytech libary technology", ("saskpolytech-lit",)),
    ("library apprenticeship england level 3", ("uk-library-assistant-l3",)),
    ("professional registration for library assistants uk", ("cilip-certification",)),
    ("Ireland librarian associateship", ("lai-associateship",)),
    ("new zealand librarian registration", ("lianza-registration",)),
    ("Certificate IV Library TAFE", ("au-cert-iv-lis",)),
    # Half-remembered names and acronyms, mostly with one- or two-letter typos
    ("cilip chartrship", ("cilip-chartership",)),
    ("microsoft ofice specialist", ("mos",)),
    ("certified records manger", ("icrm-crm",)),
    ("digital archives specalist certificate", ("saa-das",)),
    ("minnesota voluntary certifcation program", ("minnesota-library-cert",)),
    ("public library administator certification", ("cpla",)),
    # Exact names of a discontinued and a not-found entry: the named entry itself is the right answer
    ("Western Council Library Practitioner Certificate", ("western-council-lpc",)),
    ("certified public library technician", ("cplt",)),
    # Issuers' names (several credentials from one issuer are all acceptable)
    ("Society of American Archivists Certificate", ("saa-das", "saa-arrangement")),
    ("International Society of Automation certification", ("isa-ccst", "isa-cap")),
    ("Institute of Certified Records Managers", ("icrm-crm", "icrm-crm-fed")),
    ("comptia certification for help desk", ("comptia-a-plus",)),
    # Topics of the work (one typo, one word-order change)
    ("Finding Aids Processing Certificate", ("saa-arrangement",)),
    ("records management certification federal government", ("icrm-crm-fed",)),
    ("instrumentaion technician certification", ("isa-ccst",)),
    # Plain-word questions (one typo)
    ("what test do school libary aides take", ("ets-parapro",)),
    ("how do library assistants in new york get certified", ("ny-nyslaa-certificate",)),
]


Expected = str | tuple[str, ...]


def rank(searcher: Searcher, ids: list[str], query: str) -> list[str]:
    return [ids[h.entry] for h in searcher.search(query, limit=3)]


def accuracy(pairs: Sequence[tuple[str, Expected]]) -> tuple[float, float, list[tuple[str, Expected, list[str]]]]:
    """Top-1 and top-3 accuracy; a query expecting () is right when it finds nothing."""
    cat = catalog.load(str(paths.bundled_catalog()))
    ids = [cert.id for cert in cat]
    searcher = cat.searcher
    top1 = top3 = 0
    misses = []
    for query, expected in pairs:
        right = (expected,) if isinstance(expected, str) else expected
        got = rank(searcher, ids, query)
        if not right:
            hit1 = hit3 = not got
        else:
            hit1 = bool(got) and got[0] in right
            hit3 = any(g in right for g in got)
        top1 += hit1
        top3 += hit3
        if not hit1:
            misses.append((query, expected, got))
    n = max(len(pairs), 1)
    return top1 / n, top3 / n, misses


SETS: dict[str, Sequence[tuple[str, Expected]]] = {
    "tuning": TUNING,
    "tuning 1.1": TUNING_1_1,
    "held-out": HELD_OUT,
    "unseen": UNSEEN,
    "held-out 1.1": HELD_OUT_BLIND,
    "unseen 1.1": UNSEEN_BLIND,
}


def main() -> None:
    for label, pairs in SETS.items():
        if not pairs:
            continue
        t1, t3, misses = accuracy(pairs)
        sys.stdout.write(f"{label:11} {len(pairs):3} queries  top-1 {t1:6.1%}  top-3 {t3:6.1%}\n")
        for query, expected, got in misses:
            want = expected if isinstance(expected, str) else "|".join(expected[:3]) or "(nothing)"
            sys.stdout.write(f"  miss: {query!r:40} want {want:36} got {', '.join(got) or '-'}\n")


if __name__ == "__main__":
    main()
