"""Search relevance: realistic queries and the entry each should put first.

`python -m tests.search.sets` prints top-1 and top-3 accuracy for the tuning set and for the
held-out set (written after tuning, never tuned on). tests/search/test_relevance.py holds each set to a floor.

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
    # added with catalog audit 3's follow-up
    "conestoga-lit",
    "durham-lit",
    "nscc-lit",
    "rrc-lit",
    "cod-lit-aas",
    "nz-diploma-lis-l5",
    "au-cert-iii-lis",
)
SCHOOL = (
    *("nbpts-library-media", "az-library-media-endorsement", "nmped-library-media-endorsement"),
    *("nd-library-media-credentials", "ca-teacher-librarian-credential"),  # added with catalog audit 3's follow-up
)
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
    (
        "Ontario library technician",
        (
            *("seneca-lit", "algonquin-lit", "confederation-lit", "mohawk-library-technician"),
            *("conestoga-lit", "durham-lit"),  # added with catalog audit 3's follow-up
        ),
    ),
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
    (
        "paraprofessional",
        ("lssc", "ets-parapro", "nh-paralibrarian-cert", "ma-para-certification", "ula-paraprofessional-cert"),
    ),
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
    (
        "library assistant qualification uk",
        ("cilip-certification", "uk-library-assistant-l3", "wales-larims-apprenticeship-l3"),
    ),
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
            "ula-paraprofessional-cert",  # added with catalog audit 3's follow-up
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


# Issue 21 (2026-12-02): two sets of natural queries (questions, job titles, standards, places in the query,
# misspellings), written by someone who had read only the 92-entry catalog and the kinds of queries people
# type, before any tuning. Queries expecting () are right when certfind finds nothing or says on stderr that
# the catalog has nothing specific (`says_nothing_specific`).
# First measured, with the search of contract 1.1: tuning top-1 69.1% top-3 71.6%; held-out top-1 67.1%
# top-3 71.8%. With the new search before any tuning on it: held-out top-1 72.9%, top-3 88.2%.
# NATURAL_TUNING was then tuned on; NATURAL_HELD_OUT never was (its misses were never looked at).
# Where the catalog gained a right answer after the set was written, the expectation adds it, marked.
NATURAL_TUNING: list[tuple[str, tuple[str, ...]]] = [
    # --- Kind 1: questions in plain words ---
    (
        "how do i get certified as a library assistant if i dont have a library degree",
        ("lssc", "cilip-certification", "alia-proficiency"),
    ),
    ("what do i need to become a certified archivist", ("ca",)),
    (
        "is there a certificate for looking after born digital records",
        ("saa-das", "lja-digital-curation", "loc-dpoe-topical-trainer"),
    ),
    ("what test do school library aides have to pass", ("ets-parapro",)),
    ("how can i prove to employers that i'm good at excel", ("mos",)),
    ("which certification should i get first for a help desk job", ("comptia-a-plus", "hdi-csr", "hdi-sca")),
    ("can volunteer hours count toward a library support staff certificate", ("lssc",)),
    ("is there a certification for people who manage a public library and already have an mls", ("cpla",)),
    ("how do i learn to process archival collections and write finding aids", ("saa-arrangement",)),
    ("where can i get certified to repair electronics", ("iscet-cet", "eta-cet")),
    ("what certifications exist for records and information management", ("icrm-crm", "arma-igp", "cip")),
    # --- Kind 2: job titles and roles ---
    ("circ desk clerk certification", ("lssc",)),
    ("paralibrarian certification", ("ma-para-certification", "nh-paralibrarian-cert", "lssc")),
    ("technical services library assistant credential", ("lssc", "ny-nyslaa-certificate")),
    ("school library aide", ("ets-parapro",)),
    ("branch manager without mls", ("tn-library-management", "tx-slm-certificates")),
    ("records clerk certification", ("cip", "icrm-crm")),
    ("desktop support tech cert", ("hdi-dst", "comptia-a-plus")),
    (
        "teacher librarian certification",
        ("nbpts-library-media", "az-library-media-endorsement", "nmped-library-media-endorsement"),
    ),
    ("bookmobile librarian", ("ky-public-librarian-cert",)),
    ("library trustee training", ("montana-library-cert",)),
    ("library page shelving staff certificate", ("lssc",)),
    ("youth services library associate", ("ia-staff-endorsement", "lssc", "md-library-associate")),
    ("md library director cert", ("md-librarian-director",)),
    # --- Kind 3: standards, tools and skills of the field ---
    ("dublin core metadata certificate", ("lja-digital-curation", "saa-das", "saa-arrangement")),
    ("EAD finding aids course", ("saa-arrangement",)),
    ("records retention schedules certification", ("icrm-crm", "arma-igp")),
    ("ms office word excel powerpoint certification", ("mos",)),
    ("soldering and circuit troubleshooting certification", ("iscet-cet", "eta-cet")),
    ("instrumentation calibration technician cert", ("isa-ccst",)),
    ("wireless network troubleshooting cert", ("comptia-network-plus",)),
    ("readers advisory training certificate", ("ky-part-time-staff-cert", "lssc")),
    ("document capture digitization information management exam", ("cip",)),
    ("copy cataloging certification", ("in-public-librarian-cert", "lssc")),
    ("digital preservation train the trainer", ("loc-dpoe-topical-trainer",)),
    # --- Kind 4: places inside the query ---
    ("ohio non mls library staff certification", ("oh-library-staff-cert",)),
    (
        "library technician diploma ontario online",
        (
            *("mohawk-library-technician", "confederation-lit", "seneca-lit", "algonquin-lit"),
            *("conestoga-lit", "durham-lit"),  # added with catalog audit 3's follow-up
        ),
    ),
    ("library tech program vancouver bc", ("langara-lit", "ufv-libit")),
    (
        "uk library assistant qualification",
        (
            *("cilip-certification", "uk-library-assistant-l3"),
            "wales-larims-apprenticeship-l3",  # added with catalog audit 3's follow-up
        ),
    ),
    ("irish librarian professional award", ("lai-associateship",)),
    ("aussie library technician", ("alia-technician", "au-diploma-lis", "alia-cpd-certified")),
    ("TX small library management certificate", ("tx-slm-certificates",)),
    ("kentucky part time library staff", ("ky-part-time-staff-cert",)),
    ("georgia librarian license", ("ga-librarian-certificate",)),
    ("wisconsin library director certification", ("wi-director-cert",)),
    ("Hoosier public library certificate", ("in-public-librarian-cert",)),
    ("louisiana parish library director exam", ("la-director-cert",)),
    ("new zealand library registration", ("lianza-registration",)),
    ("washington state librarian certificate exam", ("wa-librarian-cert",)),
    ("certified librarian north carolina", ("nc-public-librarian-cert",)),
    ("texas county librarian certification", ("tx-county-librarian-cert", "tx-slm-certificates")),
    # --- Kind 5: misspellings, typos, abbreviations, British/US spellings ---
    ("libary tecnician certfication", ("lssc",)),
    ("arcivist certifcation exam", ("ca",)),
    ("ACA exam", ("ca",)),
    ("comptia a plus", ("comptia-a-plus",)),
    ("MCLIP chartership", ("cilip-chartership",)),
    ("NBCT library media", ("nbpts-library-media",)),
    ("certifed records manger", ("icrm-crm",)),
    ("CPTL certification", ("cplt", "cpla", "lssc")),
    ("lssc competencys", ("lssc",)),
    (
        "cataloguing and classification qualification",
        (
            "lssc",
            "au-diploma-lis",
            "au-cert-iv-lis",
            "mohawk-library-technician",
            "seneca-lit",
            "langara-lit",
            "saskpolytech-lit",
        ),
    ),
    ("digitisation certificate", ("lja-digital-curation", "cip")),
    ("CCST level 1", ("isa-ccst",)),
    ("FCLIP fellowship", ("cilip-fellowship",)),
    # --- Kind 6: requirement phrases combined with a role or topic ---
    (
        "library certification with only a high school diploma",
        (
            "lssc",
            "library-of-michigan-staff-cert",
            "ne-public-librarian-cert",
            "oh-library-staff-cert",
            "ia-director-endorsement",
            "sd-library-director-cert",
            "nv-public-librarian-cert",
        ),
    ),
    ("records management certification without a degree", ("icrm-crm", "cip", "arma-igp")),
    ("archives certificate no masters required", ("ca", "saa-das", "saa-arrangement")),
    ("part-time library worker certificate", ("ky-part-time-staff-cert",)),
    ("entry level electronics cert no experience", ("eta-cet", "iscet-cet")),
    (
        "library director certification without an mls",
        (
            "tn-library-management",
            "ma-library-techniques",
            "vt-public-librarianship",
            "tx-slm-certificates",
            "ia-director-endorsement",
            "sd-library-director-cert",
            "wi-director-cert",
            "montana-library-cert",
            "ma-librarianship-cert",
            "nv-public-librarian-cert",
        ),
    ),
    (
        "school librarian add-on endorsement for licensed teachers",
        ("az-library-media-endorsement", "nmped-library-media-endorsement", "nbpts-library-media"),
    ),
    ("help desk cert for beginners with no it experience", ("comptia-a-plus", "hdi-csr")),
    (
        "mature student library technician diploma",
        ("mohawk-library-technician", "seneca-lit", "langara-lit", "confederation-lit"),
    ),
    ("federal government records specialist certification", ("icrm-crm-fed",)),
    ("ohio certification for librarians who have an mlis", ("oh-public-librarian-cert",)),
    # --- Kind 7: nothing specific in the catalog ---
    ("law librarian certification", ()),
    ("medical librarian credential AHIP", ()),
    ("book conservator certification", ()),
    ("florida library assistant certification", ()),
    ("genealogist certification", ()),
    ("museum registrar certification", ()),
]

NATURAL_HELD_OUT: list[tuple[str, tuple[str, ...]]] = [
    # --- Kind 1: questions in plain words ---
    ("do i need a degree to get the ala support staff cert", ("lssc",)),
    ("whats the exam for getting into records management", ("icrm-crm", "cip", "arma-igp")),
    ("how long does it take to become a certified records analyst", ("icrm-crm",)),
    ("can a school librarian get national board certified", ("nbpts-library-media",)),
    ("what course teaches digitizing old photos and adding metadata", ("lja-digital-curation", "cip")),
    ("is there any certification for the person who fixes the computers at our library", ("comptia-a-plus", "hdi-dst")),
    ("what does it take to be a chartered librarian", ("cilip-chartership",)),
    ("where do i learn to work a service desk and troubleshoot tickets", ("hdi-sca", "hdi-csr")),
    ("how to get certified in industrial automation", ("isa-cap", "isa-ccst")),
    ("which cert shows i can handle word and outlook", ("mos",)),
    ("how do archivists keep their certification current", ("ca",)),
    # --- Kind 2: job titles and roles ---
    ("front desk library worker certificate", ("lssc",)),
    ("library aide cert", ("lssc", "ets-parapro")),
    ("para in the school library", ("ets-parapro",)),
    ("library associate", ("md-library-associate", "lssc")),
    (
        "one person library director training",
        (
            "vt-public-librarianship",
            "tx-slm-certificates",
            "ma-library-techniques",
            "tn-library-management",
            "montana-library-cert",
            "ok-public-librarian-cert",
            "ia-director-endorsement",
        ),
    ),
    ("archive assistant qualification", ("uk-library-assistant-l3", "ca", "saa-arrangement", "saa-das")),
    ("records and information manager", ("icrm-crm", "arma-igp", "cip")),
    ("information governance lead", ("arma-igp",)),
    ("service desk agent", ("hdi-csr", "hdi-sca")),
    (
        "library media specialist k-12",
        ("nbpts-library-media", "az-library-media-endorsement", "nmped-library-media-endorsement"),
    ),
    ("head librarian certificate", ("ct-head-librarian-cert", "cpla")),
    ("electronics bench tech", ("iscet-cet", "eta-cet")),
    ("county district librarian ohio", ("oh-county-librarian-cert",)),
    ("library staff south dakota", ("sd-library-staff-cert", "sd-library-director-cert")),
    # --- Kind 3: standards, tools and skills of the field ---
    ("MARC RDA cataloging cert", ("lssc",)),
    ("born digital forensics archives", ("saa-das",)),
    ("e-discovery privacy compliance certification", ("arma-igp",)),
    ("access database certification", ("mos",)),
    ("analog and digital electronics certification", ("iscet-cet", "eta-cet")),
    ("process control instrumentation cert", ("isa-ccst", "isa-cap")),
    ("routers switches subnetting certification", ("comptia-network-plus",)),
    ("pc hardware operating systems troubleshooting certification", ("comptia-a-plus", "hdi-dst")),
    ("vital records storage and disposition", ("icrm-crm",)),
    ("dealing with difficult patrons course", ("ky-part-time-staff-cert", "lssc")),
    ("trauma informed library practice", ("ia-staff-endorsement",)),
    ("information literacy instructional collaboration credential", ("nbpts-library-media",)),
    # --- Kind 4: places inside the query ---
    (
        "canadian library technician diploma",
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
    ("ottawa library tech", ("algonquin-lit",)),
    ("alberta library technician", ("sait-lit",)),
    ("toronto library technician accelerated", ("seneca-lit",)),
    ("scottish library assistant qualification", ("cilip-certification",)),
    ("england library apprenticeship level 3", ("uk-library-assistant-l3",)),
    ("cert iv library australia tafe", ("au-cert-iv-lis",)),
    ("michigan library staff cert", ("library-of-michigan-staff-cert",)),
    ("MN library certification non-mls", ("minnesota-library-cert",)),
    ("NJ professional librarian certificate", ("nj-librarian-cert",)),
    ("virginia public librarian certificate", ("va-librarian-cert",)),
    ("new mexico school librarian praxis", ("nmped-library-media-endorsement",)),
    ("pennsylvania library assistant certificate", ("pa-library-assistant",)),
    ("sc pre-professional librarian certificate", ("sc-public-librarian-cert",)),
    ("ny state librarian certificate mls", ("ny-public-librarian-cert",)),
    ("west virginia library basic certification", ("wv-public-librarian-cert",)),
    ("maine library certification online classes", ("me-public-librarian-cert",)),
    # --- Kind 5: misspellings, typos, abbreviations, British/US spellings ---
    ("ALA certified library technician", ("clt", "lssc")),
    ("IGP arma exam", ("arma-igp",)),
    ("net+ cert", ("comptia-network-plus",)),
    ("ACLIP", ("cilip-certification",)),
    ("ALIATec", ("alia-technician", "alia-cpd-certified")),
    ("RLIANZA revalidation", ("lianza-registration",)),
    ("CRM-FED", ("icrm-crm-fed",)),
    ("paraprofesional certifcation libary", ("lssc", "cilip-certification", "ets-parapro")),
    ("digital archvies specialist", ("saa-das",)),
    ("microsft office specialist", ("mos",)),
    ("CET journeyman", ("iscet-cet", "eta-cet")),
    ("cpla certifcation requirments", ("cpla",)),
    ("DPOE", ("loc-dpoe-topical-trainer",)),
    # --- Kind 6: requirement phrases combined with a role or topic ---
    (
        "GED only library certificate",
        (
            "lssc",
            "library-of-michigan-staff-cert",
            "ne-public-librarian-cert",
            "oh-library-staff-cert",
            "ia-director-endorsement",
            "sd-library-director-cert",
            "nv-public-librarian-cert",
            "confederation-lit",
        ),
    ),
    ("it cert no prerequisites", ("comptia-a-plus", "hdi-csr")),
    ("automation professional certification without a degree", ("isa-cap",)),
    ("library staff training for people working under 100 hours a month", ("ky-part-time-staff-cert",)),
    (
        "certification for non-mls library workers",
        (
            "lssc",
            "minnesota-library-cert",
            "oh-library-staff-cert",
            "ma-para-certification",
            "nh-paralibrarian-cert",
            "cilip-certification",
            "alia-proficiency",
            "library-of-michigan-staff-cert",
        ),
    ),
    (
        "becoming a school librarian with 3 years teaching experience",
        ("nbpts-library-media", "az-library-media-endorsement"),
    ),
    ("records manager cert with high school diploma and 5 years experience", ("icrm-crm",)),
    ("archivist exam without graduate degree", ("ca",)),
    ("digital curation course no experience needed", ("lja-digital-curation", "saa-das")),
    ("pennsylvania provisional librarian with 12 credits of library science", ("pa-librarian-cert",)),
    (
        "library tech diploma part time online",
        (
            "mohawk-library-technician",
            "confederation-lit",
            "langara-lit",
            "ufv-libit",
            "saskpolytech-lit",
            "au-diploma-lis",
        ),
    ),
    # --- Kind 7: nothing specific in the catalog ---
    ("certified law library specialist", ()),
    ("health sciences librarian certification", ()),
    ("colorado library staff certification", ()),
    ("fami ausbildung bibliothek", ()),
    ("notary public certification for records clerks", ()),
    ("south africa library assistant course", ()),
    ("technicien en documentation quebec", ()),
]


# Written on 2026-12-03, as the first natural sets were, by someone who had read only the catalog and
# the kinds of queries people type, before any tuning on it; a third natural set, to see what the
# held-out set (whose misses are never printed) may lack. It is tuned on from its first measurement.
NATURAL_THIRD: list[tuple[str, tuple[str, ...]]] = [
    # --- Kind 1: questions in plain words ---
    ("how do i get certified as a library assistant if i dont have a degree", ("lssc",)),
    ("is there any certification for people who work the circ desk", ("lssc", "saskpolytech-library-clerk")),
    ("is there a training cert on trauma informed service for library staff", ("ia-staff-endorsement",)),
    ("how do i get certified as an archivist", ("ca",)),
    ("what certification do records managers usually get", ("icrm-crm", "arma-igp", "cip")),
    ("how can i show im good at fixing the librarys computers", ("comptia-a-plus", "hdi-dst")),
    ("whats the national board thing for school librarians", ("nbpts-library-media",)),
    (
        "is there a course on scanning old photos and keeping the files safe long term",
        ("lja-digital-curation", "saa-das"),
    ),
    ("is there a cert for library managers who already have an mls", ("cpla",)),
    ("what proves i know excel and word for a front desk job", ("mos",)),
    ("how do i get credit for processing archive boxes and writing finding aids", ("saa-arrangement",)),
    ("is there an exam for electronics repair techs", ("iscet-cet", "eta-cet")),
    (
        "can i get into library work through an apprenticeship?",
        ("uk-library-assistant-l3", "wales-larims-apprenticeship-l3"),
    ),
    # --- Kind 2: job titles and roles ---
    ("circulation clerk", ("saskpolytech-library-clerk", "lssc")),
    ("library page", ("saskpolytech-library-clerk", "lssc")),
    ("shelver", ("saskpolytech-library-clerk", "lssc")),
    ("technical services assistant", ("lssc",)),
    ("media center aide elementary school", ("ets-parapro",)),
    ("archives assistant", ("uk-library-assistant-l3", "wales-larims-apprenticeship-l3")),
    ("records analyst", ("icrm-crm",)),
    ("it help desk at a library", ("hdi-csr", "hdi-sca", "comptia-a-plus")),
    ("branch manager no mls", ("tn-library-management", "ky-public-librarian-cert", "in-public-librarian-cert")),
    (
        "small town library director, no library degree",
        (
            "tn-library-management",
            "tx-slm-certificates",
            "vt-public-librarianship",
            "ma-library-techniques",
            "ma-librarianship-cert",
            "pa-library-assistant",
            "me-public-librarian-cert",
            "nm-public-librarian-cert",
            "wi-director-cert",
            "ia-director-endorsement",
            "montana-library-cert",
        ),
    ),
    (
        "teacher librarian",
        (
            "nbpts-library-media",
            "az-library-media-endorsement",
            "nmped-library-media-endorsement",
            "nd-library-media-credentials",
            "ca-teacher-librarian-credential",
        ),
    ),
    ("desktop support technician", ("hdi-dst", "comptia-a-plus")),
    ("bookmobile librarian", ("ky-public-librarian-cert",)),
    ("paralibrarian", ("nh-paralibrarian-cert", "ma-para-certification", "lssc")),
    # --- Kind 3: standards, tools and abbreviations ---
    ("marc cataloging certification", ("lssc",)),
    ("rda copy cataloging training", ("lssc", "csi-lis-aa")),
    ("dublin core metadata certificate", ("lja-digital-curation", "saa-das", "saa-arrangement")),
    ("digital preservation", ("lja-digital-curation", "saa-das", "loc-dpoe-topical-trainer")),
    ("records retention schedules", ("icrm-crm", "arma-igp")),
    ("post-mls public library admin credential", ("cpla",)),
    ("a+ ceus renewal", ("comptia-a-plus",)),
    ("network+ for library systems staff", ("comptia-network-plus",)),
    ("ala-apa lssc", ("lssc",)),
    ("aclip", ("cilip-certification",)),
    ("praxis 5312 school librarian", ("nmped-library-media-endorsement",)),
    ("BSB40720", ("au-cert-iv-lis",)),
    # --- Kind 4: places in the query ---
    (
        "online lib tech diploma from an ontario college",
        ("mohawk-library-technician", "confederation-lit", "conestoga-lit", "durham-lit"),
    ),
    ("library technician program british columbia", ("langara-lit", "ufv-libit")),
    ("calgary library tech", ("sait-lit",)),
    ("aussie library assistant qualification", ("au-cert-iii-lis", "au-cert-iv-lis")),
    ("nz library assistant diploma", ("nz-diploma-lis-l5",)),
    ("irish librarian chartered status", ("lai-associateship",)),
    ("wales library apprenticeship", ("wales-larims-apprenticeship-l3",)),
    ("oh library staff cert without an mls", ("oh-library-staff-cert",)),
    ("tx rural library director training", ("tx-slm-certificates",)),
    ("ma library director with no mls", ("ma-librarianship-cert", "ma-library-techniques")),
    ("school librarian requirements california", ("ca-teacher-librarian-credential",)),
    ("usa library support staff certificate", ("lssc",)),
    ("canadian library clerk course", ("saskpolytech-library-clerk", "rrc-library-training-certificate")),
    ("winnipeg library technician", ("rrc-lit",)),
    # --- Kind 5: misspellings and typos ---
    (
        "libary techincian diploma ontaro",
        (
            "mohawk-library-technician",
            "seneca-lit",
            "algonquin-lit",
            "confederation-lit",
            "conestoga-lit",
            "durham-lit",
        ),
    ),
    ("catloging certifcation", ("lssc",)),
    ("archivst certifcation exam", ("ca",)),
    ("paraprofessinal libary certificate", ("lssc", "ula-paraprofessional-cert")),
    ("recods managment certfication", ("icrm-crm", "arma-igp", "cip")),
    ("digitial preservaton course", ("lja-digital-curation", "saa-das", "loc-dpoe-topical-trainer")),
    ("libarian licence new jersy", ("nj-librarian-cert",)),
    ("techniques de la documentaion cegep", ("qc-dec-documentation",)),
    ("scool libary media endorsment arizona", ("az-library-media-endorsement",)),
    ("sasketchewan libary tech", ("saskpolytech-lit",)),
    ("wisconson library director certificat", ("wi-director-cert",)),
    ("austrailia library technican diploma", ("au-diploma-lis",)),
    ("library assistent apprentiship in englnd", ("uk-library-assistant-l3",)),
    # --- Kind 6: nothing in the catalog ---
    ("medical librarian certification", ()),
    ("law librarian cert", ()),
    ("library technician course south africa", ()),
    ("koha ils administrator certification", ()),
    ("museum registrar certification", ()),
    ("philippines librarian licensure exam", ()),
]


# Written 2026-12-03 by someone who had read only the catalog and the kinds of queries people type, before
# any tuning on it; first measured 93.3% / 97.3% (top-1 / top-3) on its 75 queries, then tuned on. The four
# it shared word for word with the blind sets were taken out, so that no blind query is tuned on.
NATURAL_FOURTH: list[tuple[str, tuple[str, ...]]] = [
    # --- questions ---
    (
        "what do i need to work front desk at ohio public library",
        ("oh-library-staff-cert",),
    ),  # non-MLS staff credential in Ohio
    ("can i get certified as a library assistant without a degree", ("lssc",)),  # national non-degree credential
    (
        "need a certificate to run a small town library in massachusetts",
        ("ma-librarianship-cert", "ma-library-techniques"),
    ),  # subprofessional cert + BLT for small towns
    ("how do i become a library tech in australia", ("au-diploma-lis", "alia-technician")),
    ("is there a test for school library aides", ("ets-parapro",)),
    (
        "can you become an archivist without a masters",
        ("ca", "uk-archivist-records-manager-l7"),
    ),  # ACA exam has no prereq; L7 apprenticeship replaces the master's
    ("what certificate do part time library workers in kentucky need", ("ky-part-time-staff-cert",)),
    ("do i have to be certified for copy cataloging in indiana", ("in-public-librarian-cert",)),
    ("how do i renew my library certification in montana", ("montana-library-cert",)),
    ("what exam do school librarians need in new mexico", ("nmped-library-media-endorsement",)),  # Praxis 5312
    ("im a library director in wisconsin what cert do i need", ("wi-director-cert",)),
    ("how many hours of training do new library associates need in maryland", ("md-library-associate",)),
    ("how do i get chartered as a librarian in the uk", ("cilip-chartership",)),
    ("is there a free online certificate for vermont library directors", ("vt-public-librarianship",)),
    (
        "what qualification do i need to be a library assistant in aotearoa",
        ("nz-diploma-lis-l5",),
    ),  # informal/Maori place name
    (
        "what cert should i get for a library computer help desk job",
        ("comptia-a-plus", "hdi-csr", "hdi-sca", "hdi-dst"),
    ),
    # --- job titles ---
    ("library page", ("saskpolytech-library-clerk", "lssc")),
    ("circulation desk assistant", ("lssc", "saskpolytech-library-clerk")),
    ("paralibrarian", ("ma-para-certification", "nh-paralibrarian-cert")),
    ("desktop support tech", ("hdi-dst", "comptia-a-plus")),
    ("processing archivist", ("saa-arrangement",)),
    ("digital archivist", ("saa-das",)),
    ("federal records officer", ("icrm-crm-fed",)),
    ("library officer traineeship", ("au-cert-iii-lis", "au-cert-iv-lis")),  # AU job title
    ("youth services library associate iowa", ("ia-staff-endorsement",)),
    ("school library clerk manitoba", ("rrc-library-training-certificate",)),
    ("bookmobile librarian kentucky", ("ky-public-librarian-cert",)),
    ("technicienne en documentation cegep", ("qc-dec-documentation",)),  # Quebec job title, feminine form
    ("library media specialist endorsement AZ", ("az-library-media-endorsement",)),
    # --- standards, tools, abbreviations ---
    ("non MLS library staff certification", ("lssc",)),
    ("dewey and marc21 cataloging for support staff", ("lssc",)),
    ("EAD finding aids course", ("saa-arrangement",)),
    ("born digital records preservation", ("saa-das",)),
    ("dpoe train the trainer", ("loc-dpoe-topical-trainer",)),
    ("ALIA CPD hours", ("alia-cpd-certified",)),
    ("pksb portfolio mentor", ("cilip-certification", "cilip-chartership")),
    ("BSB40720", ("au-cert-iv-lis",)),
    ("CEUs for library staff south dakota", ("sd-library-staff-cert",)),
    ("retention schedules and disposition exam", ("icrm-crm",)),
    ("excel and word certification for library job", ("mos",)),
    ("ALAI portfolio", ("lai-associateship",)),
    # --- places (codes, demonyms, informal names) ---
    ("lib tech program BC", ("langara-lit", "ufv-libit")),
    ("calgary library technician", ("sait-lit",)),
    ("winnipeg library tech diploma", ("rrc-lit",)),
    ("halifax library technician course", ("nscc-lit",)),  # Dartmouth campus, Nova Scotia
    ("welsh library apprenticeship", ("wales-larims-apprenticeship-l3",)),
    ("TAFE library course", ("au-cert-iii-lis", "au-cert-iv-lis", "au-diploma-lis")),
    ("level 4 library certification michigan", ("library-of-michigan-staff-cert",)),
    ("library assistant certificate new york", ("ny-nyslaa-certificate",)),
    ("utah library paraprofessional", ("ula-paraprofessional-cert",)),
    ("online library science associate degree idaho", ("csi-lis-aa",)),
    ("illinois library technical assistant degree", ("cod-lit-aas",)),
    ("north dakota school librarian credential", ("nd-library-media-credentials",)),
    ("louisiana parish library director exam", ("la-director-cert",)),
    ("texas small library director training", ("tx-slm-certificates",)),
    ("SC pre-professional librarian certificate", ("sc-public-librarian-cert",)),
    # --- misspellings / British vs American spelling ---
    (
        "libary technician diploma ontario",
        (
            "seneca-lit",
            "algonquin-lit",
            "conestoga-lit",
            "confederation-lit",
            "mohawk-library-technician",
            "durham-lit",
        ),
    ),
    ("certifed archivist exam", ("ca",)),
    ("archivist aprenticeship england", ("uk-archivist-records-manager-l7",)),
    ("paralibrarian certifcation massachusets", ("ma-para-certification",)),
    ("recrods management certification", ("icrm-crm", "arma-igp")),
    ("comptia a plus certfication", ("comptia-a-plus",)),
    ("saskatchewen library clerk course", ("saskpolytech-library-clerk",)),
    ("pensylvania library assistant certificate", ("pa-library-assistant",)),
    ("liberian certification georgia", ("ga-librarian-certificate",)),
    ("digitisation certificate", ("lja-digital-curation", "cip")),  # British spelling
    ("teacher librarian credental cali", ("ca-teacher-librarian-credential",)),
    # --- nothing specific in the catalog ---
    ("prison library worker certification", ()),
    ("braille transcriber certificate", ()),
    ("genealogist accreditation", ()),
    ("music librarian", ()),
]

# Written 2026-12-03 the same way, at the same time, by another writer; never tuned on: its misses are
# never printed. First measured 88.0% / 94.7% on its 75 queries. Three of them were word for word queries of
# the sets tuned on in earlier sessions (short ones people type alike): they were taken out, as a blind set
# holds no query that was tuned on.
NATURAL_FIFTH: list[tuple[str, tuple[str, ...]]] = [
    # rural / part-time US public library staff
    ("part time at a tiny library in montana, is there a certification", ("montana-library-cert",)),
    ("small town library nebraska do i have to be certified", ("ne-public-librarian-cert",)),
    ("non mls staff certification wyoming", ("lssc",)),  # no WY entry; national fallback
    ("free certificate for part time library staff kentucky", ("ky-part-time-staff-cert",)),
    ("do i need certification to work the circ desk in KY", ("ky-public-librarian-cert", "ky-part-time-staff-cert")),
    ("iowa endorsement for library assistants not the director", ("ia-staff-endorsement",)),
    ("small library management classes texas", ("tx-slm-certificates",)),
    ("OK public library academy certification classes", ("ok-public-librarian-cert",)),
    ("utah library paraprofesional certificate", ("ula-paraprofessional-cert",)),  # typo
    ("south dakota library staff certificaton", ("sd-library-staff-cert",)),  # typo
    ("michigan level 4 library certification high school diploma", ("library-of-michigan-staff-cert",)),
    ("minnesota certification for library workers without mls", ("minnesota-library-cert",)),
    ("NH paralibrarian", ("nh-paralibrarian-cert",)),
    ("massachusets paralibrarian points levels", ("ma-para-certification",)),  # typo
    ("basic library techniques course mass small town director", ("ma-library-techniques",)),
    ("new york library assistants association certificate program", ("ny-nyslaa-certificate",)),
    ("pa library assistant level certification 9 library science credits", ("pa-library-assistant",)),
    ("maryland library associate 90 hours training", ("md-library-associate",)),
    ("buckeye state library staff cert no mlis", ("oh-library-staff-cert",)),
    ("tennesee library director no mls management program", ("tn-library-management",)),  # typo
    ("vermont certificate of public librarianship", ("vt-public-librarianship",)),  # verbatim name
    ("hoosier librarian certificate LC4 renewal fee", ("in-public-librarian-cert",)),
    ("iowa director endorsment bronze", ("ia-director-endorsement",)),  # typo
    # school library staff
    ("school library aide certification", ("ets-parapro", "lssc")),
    ("how much is the praxis parapro test for library aides", ("ets-parapro",)),
    ("school librarian endorsement arizona", ("az-library-media-endorsement",)),
    ("teacher librarian credential california cost", ("ca-teacher-librarian-credential",)),
    ("praxis 5312 school librarian NM", ("nmped-library-media-endorsement",)),
    ("im a school library para in idaho, online library degree", ("csi-lis-aa",)),
    ("certified school library technician", ("cslt",)),  # not-found entry named exactly
    (
        "library media specialist certification",
        (
            "nbpts-library-media",
            "az-library-media-endorsement",
            "nd-library-media-credentials",
            "nmped-library-media-endorsement",
            "ca-teacher-librarian-credential",
        ),
    ),
    # Canada / newcomers
    (
        "newcomer to canada with library experience, which library technician diploma",
        (
            "langara-lit",
            "ufv-libit",
            "sait-lit",
            "saskpolytech-lit",
            "rrc-lit",
            "seneca-lit",
            "algonquin-lit",
            "conestoga-lit",
            "confederation-lit",
            "mohawk-library-technician",
            "durham-lit",
            "nscc-lit",
            "qc-dec-documentation",
        ),
    ),
    ("library technician program toronto", ("seneca-lit",)),
    (
        "part time online library tech diploma ontario",
        ("conestoga-lit", "durham-lit", "confederation-lit", "mohawk-library-technician"),
    ),
    ("techniques de la documentation cegep", ("qc-dec-documentation",)),
    ("library techician calgary", ("sait-lit",)),  # typo
    ("library technician diploma BC", ("langara-lit", "ufv-libit")),
    ("winnipeg course for library clerks in small school libraries", ("rrc-library-training-certificate",)),
    ("sask library clerk certificate online", ("saskpolytech-library-clerk",)),
    ("halifax library tech program", ("nscc-lit",)),
    ("library technician diploma newfoundland", ()),  # nothing in NL, nothing Canada-wide
    # UK / Ireland
    ("aclip or mclip for a library assistant", ("cilip-certification",)),
    ("cilip chartership cost", ("cilip-chartership",)),  # verbatim name
    ("level 3 library apprentiship uk", ("uk-library-assistant-l3", "wales-larims-apprenticeship-l3")),  # typo
    ("library apprenticeship cardiff", ("wales-larims-apprenticeship-l3",)),
    (
        "become an archivest through apprenticeship without masters england",
        ("uk-archivist-records-manager-l7",),
    ),  # typo
    ("professional registration for library assistant in scotland", ("cilip-certification",)),
    ("PKSB portfolio mentor", ("cilip-certification", "cilip-chartership", "cilip-fellowship")),
    ("irish librarian ALAI portfolio", ("lai-associateship",)),
    # Australia / New Zealand
    ("cert iv library tafe nsw", ("au-cert-iv-lis",)),
    ("BSB50520", ("au-diploma-lis",)),
    ("how do i get aliatec after my diploma", ("alia-technician",)),
    ("aussie library assistant no qualification recognition", ("alia-proficiency",)),
    ("open polytechnic library diploma fees", ("nz-diploma-lis-l5",)),
    ("RLIANZA revalidation", ("lianza-registration",)),
    ("kiwi library assistant qualification", ("nz-diploma-lis-l5",)),
    # records management / archives / digital preservation
    ("records managment certification for an admin assistant", ("icrm-crm", "cip", "arma-igp")),  # typo
    ("federal government records manager certification", ("icrm-crm-fed",)),
    ("aiim cip exam cost", ("cip",)),
    ("born digital records certificate saa", ("saa-das",)),
    ("OAIS PREMIS digital preservation training", ("saa-das", "lja-digital-curation", "loc-dpoe-topical-trainer")),
    ("EAD finding aids processing certificate", ("saa-arrangement",)),
    ("how much does the ACA archivist exam cost", ("ca",)),
    ("dublin core digitization course certificate online", ("lja-digital-curation",)),
    # IT-adjacent
    ("help desk cert for library IT person", ("comptia-a-plus", "hdi-csr", "hdi-sca", "hdi-dst")),
    ("comptia netowrk+ price", ("comptia-network-plus",)),  # typo
    ("excel word certification for library clerk job", ("mos",)),
    # cost comparison / generic support staff
    ("lssc vs cpla", ("lssc", "cpla")),
    ("how much does ala support staff certification cost", ("lssc",)),
    ("copy cataloging marc21 certificate for support staff", ("lssc", "csi-lis-aa", "cod-lit-aas")),
    # nothing specific in the catalog
    ("book conservation bookbinding certificate", ()),
    ("genealogist credential", ()),
]


# Written 2026-12-03, after the fourth and fifth, the same way by a third writer; first measured 82.7% /
# 93.3% on its 75 queries, then tuned on. The eight it shared word for word with the sets tuned on before
# were taken out.
NATURAL_SIXTH: list[tuple[str, tuple[str, ...]]] = [
    ("do i need a degree to get certified as library support staff", ("lssc",)),
    ("can u get certified as a library tech with only a hs diploma", ("lssc",)),
    ("whats the difference between aclip and mclip", ("cilip-certification", "cilip-chartership")),
    ("is certified library technician a real thing", ("clt", "lssc")),
    ("need a teaching license to be school librarian in north dakota?", ("nd-library-media-credentials",)),
    (
        "what cert do i need to run a small town library in massachusetts",
        ("ma-library-techniques", "ma-librarianship-cert"),
    ),
    ("do i need a license to be a librarian in georgia", ("ga-librarian-certificate",)),
    ("how do you get chartered as a librarian in the uk", ("cilip-chartership",)),
    ("can i get paid to train as an archivist in england", ("uk-archivist-records-manager-l7",)),
    ("whats required to be a library director in new mexico", ("nm-public-librarian-cert",)),
    ("what qualification do i need to be a library assistant in australia", ("au-cert-iv-lis", "au-cert-iii-lis")),
    ("is there an exam to be an archivist", ("ca",)),
    ("does indiana make copy catalogers get certified", ("in-public-librarian-cert",)),
    ("do i need an mls to be certified in nevada libraries", ("nv-public-librarian-cert",)),
    ("can a non director get the iowa library endorsement", ("ia-staff-endorsement",)),
    ("library associate maryland training", ("md-library-associate",)),
    ("branch manager without mls tennessee", ("tn-library-management",)),
    ("county records clerk certification", ("icrm-crm", "cip")),
    ("federal records officer credential", ("icrm-crm-fed",)),
    ("help desk job at the library which cert", ("comptia-a-plus", "hdi-csr", "hdi-sca")),
    ("library media specialist az", ("az-library-media-endorsement", "nbpts-library-media")),
    ("archives assistant apprenticeship", ("uk-library-assistant-l3", "wales-larims-apprenticeship-l3")),
    ("bookmobile librarian ky", ("ky-public-librarian-cert",)),
    ("senior library assistant nz qualification", ("nz-diploma-lis-l5",)),
    ("library officer traineeship nsw", ("au-cert-iii-lis", "au-cert-iv-lis")),
    ("teacher librarian credential california", ("ca-teacher-librarian-credential",)),
    ("processing archivist at a historical society any certificate", ("saa-arrangement", "ca")),
    ("ALIATec post nominals", ("alia-technician",)),
    ("bsb50520", ("au-diploma-lis",)),
    ("ST0664", ("uk-library-assistant-l3",)),
    ("excel certification for office job", ("mos",)),
    ("rlianza revalidation journal", ("lianza-registration",)),
    ("arma igp exam cost", ("arma-igp",)),
    ("aiim cip exam", ("cip",)),
    ("praxis 5312", ("nmped-library-media-endorsement",)),
    ("dewey and cataloging certificate for paraprofessionals", ("lssc",)),
    ("mass para certification points", ("ma-para-certification",)),
    ("vermont library director no library degree", ("vt-public-librarianship",)),
    ("michigan level 4 library certification", ("library-of-michigan-staff-cert",)),
    ("pa library assistant cert small library", ("pa-library-assistant",)),
    ("wv library staff basic certification", ("wv-public-librarian-cert",)),
    ("ohio cert for library staff w/o mls", ("oh-library-staff-cert",)),
    ("saskatoon library clerk course", ("saskpolytech-library-clerk",)),
    ("toronto library tech program", ("seneca-lit",)),
    ("cegep technique de la documentation", ("qc-dec-documentation",)),
    ("chicago area library technician degree", ("cod-lit-aas",)),
    ("aussie library tech membership", ("alia-technician",)),
    ("library assistant certification florida", ("lssc",)),
    ("library assistant qualification scotland", ("cilip-certification",)),
    ("library volunteer course manitoba", ("rrc-library-training-certificate",)),
    ("library tech diploma vancouver", ("langara-lit", "ufv-libit")),
    ("libary assistant certifcate", ("lssc",)),
    ("archivest certification", ("ca",)),
    ("recods manager exam", ("icrm-crm",)),
    ("paralibrarain nh", ("nh-paralibrarian-cert",)),
    ("comptia a pluss", ("comptia-a-plus",)),
    ("cilip chartrship portfolio", ("cilip-chartership",)),
    (
        "ontairo library tech diploma",
        (
            "seneca-lit",
            "algonquin-lit",
            "conestoga-lit",
            "confederation-lit",
            "mohawk-library-technician",
            "durham-lit",
        ),
    ),
    ("digitial preservation certificate", ("saa-das", "lja-digital-curation")),
    ("tafe libary course", ("au-cert-iv-lis", "au-cert-iii-lis", "au-diploma-lis")),
    ("minesota library certification", ("minnesota-library-cert",)),
    ("lscc certification", ("lssc",)),
    ("libray technician nova scotia", ("nscc-lit",)),
    ("national bord library media", ("nbpts-library-media",)),
    ("genealogy certification for historical society", ()),
    ("bookbinding and book repair certificate", ()),
    ("notary certification for records clerks", ()),
]


# Written 2026-12-03, after the sixth, the same way by a fourth writer; first measured 92.0% / 96.0% on
# its 75 queries, then tuned on. The six it shared word for word with the other natural sets (two of them
# blind) were taken out.
NATURAL_SEVENTH: list[tuple[str, tuple[str, ...]]] = [
    ("i work circ with no degree, any certification i can get", ("lssc",)),
    ("do i actually need a certificate to be library director in wisconsin", ("wi-director-cert",)),
    ("how do i become a school librarian in california", ("ca-teacher-librarian-credential",)),
    ("cert iv vs diploma for library work in aus", ("au-cert-iv-lis", "au-diploma-lis")),
    ("is lssc still a thing or did ala stop it", ("lssc",)),
    ("clerk certificate or full library diploma at sask poly?", ("saskpolytech-library-clerk", "saskpolytech-lit")),
    ("us library tech relocating to australia how do i get recognised", ("alia-technician", "au-diploma-lis")),
    ("library assistant from england moving to halifax, need a canadian qualification?", ("nscc-lit",)),
    ("canadian library tech moving to the uk, which registration", ("cilip-certification",)),
    ("job posting for library associates in maryland, required training?", ("md-library-associate",)),
    ("job ad says MCLIP preferred what is that", ("cilip-chartership",)),
    ("our union is comparing voluntary paralibrarian certs for members in massachusetts", ("ma-para-certification",)),
    ("rural branch manager 20 yrs no degree tennessee management cert", ("tn-library-management",)),
    ("i run a tiny library in texas, no mls, what training", ("tx-slm-certificates",)),
    ("av tech fixing projectors and sound gear at the library, cert?", ("eta-cet", "iscet-cet")),
    ("is there a national board thing for school librarians", ("nbpts-library-media",)),
    ("16 year old wants to do a library apprenticeship in wales", ("wales-larims-apprenticeship-l3",)),
    ("archivist apprenticeship in england without a masters", ("uk-archivist-records-manager-l7",)),
    ("technicienne en documentation cegep montreal", ("qc-dec-documentation",)),
    ("desktop support tech for the branch public computers", ("hdi-dst", "comptia-a-plus")),
    ("youth services assistant iowa public library", ("ia-staff-endorsement",)),
    ("nh paralibrarian levels", ("nh-paralibrarian-cert",)),
    ("parish library director louisiana exam", ("la-director-cert",)),
    ("school library aide test for paraprofessionals", ("ets-parapro",)),
    ("teacher librarian north dakota credential", ("nd-library-media-credentials",)),
    ("records clerk wanting to become a records manager", ("icrm-crm",)),
    ("non mls director small town mass", ("ma-library-techniques", "ma-librarianship-cert")),
    ("born digital records courses", ("saa-das",)),
    ("finding aids and processing certificate", ("saa-arrangement",)),
    ("retention schedules and disposition credential", ("icrm-crm", "arma-igp")),
    ("excel and word cert for front desk staff", ("mos",)),
    ("220-1201 exam", ("comptia-a-plus",)),
    ("n10-009 worth it for library systems staff", ("comptia-network-plus",)),
    ("PKSB portfolio", ("cilip-certification", "cilip-chartership")),
    ("train the trainer digital preservation library of congress", ("loc-dpoe-topical-trainer",)),
    ("nuclear records management certification", ("icrm-crm-ns",)),
    ("federal records CRM add-on", ("icrm-crm-fed",)),
    ("CETa exam", ("eta-cet",)),
    ("CLSS after my name", ("lssc",)),
    ("NZ3466", ("nz-diploma-lis-l5",)),
    ("winnipeg distance course for school library volunteers", ("rrc-library-training-certificate",)),
    ("thunder bay online library technician", ("confederation-lit",)),
    ("ottawa lib and info technician program", ("algonquin-lit",)),
    ("toronto lib tech accelerated if i already have a degree", ("seneca-lit",)),
    ("chicagoland community college library tech associate degree", ("cod-lit-aas",)),
    ("aussie library officer traineeship", ("au-cert-iii-lis", "au-cert-iv-lis")),
    ("kiwi librarian registration revalidation", ("lianza-registration",)),
    ("hoosier library cert for reference staff", ("in-public-librarian-cert",)),
    ("iowa library director bronze silver gold", ("ia-director-endorsement",)),
    ("WV library staff basic certification", ("wv-public-librarian-cert",)),
    ("OK public library academy certification", ("ok-public-librarian-cert",)),
    ("philly library assistant certification", ("pa-library-assistant",)),
    ("libary technician diploma calgary", ("sait-lit",)),
    ("paraprofesional certificate utah", ("ula-paraprofessional-cert",)),
    ("liberian license georgia grade 2", ("ga-librarian-certificate",)),
    ("digtal preservation certificate online", ("saa-das", "lja-digital-curation")),
    ("catalouging course tafe", ("au-cert-iv-lis", "au-diploma-lis")),
    ("electronis technician certification", ("eta-cet", "iscet-cet")),
    ("cilp chartership", ("cilip-chartership",)),
    ("minnestoa non mls library certification", ("minnesota-library-cert",)),
    ("techncial services library assistant certificate new york", ("ny-nyslaa-certificate",)),
    ("infromation governance professional", ("arma-igp",)),
    ("michgan library staff certification level 4", ("library-of-michigan-staff-cert",)),
    ("nebraksa library commission basic skills", ("ne-public-librarian-cert",)),
    ("helpdesk certfication", ("hdi-sca", "hdi-csr", "comptia-a-plus")),
    ("book conservation and repair certificate", ()),
    ("genealogy librarian credential", ()),
    ("union steward training for library workers", ()),
    ("koha or sirsi ils admin certification", ()),
]


Expected = str | tuple[str, ...]


def rank(searcher: Searcher, ids: list[str], query: str) -> list[str]:
    return [ids[h.entry] for h in searcher.search(query, limit=3).hits]


# Written 2026-12-03 (a third session), after the seventh, the same way by a fifth writer; first measured
# 89.3% / 94.7% on its 75 queries, then tuned on. The eighteen it shared word for word with the other
# natural sets were taken out (89.5% / 94.7% on the 57 left).
NATURAL_EIGHTH: list[tuple[str, tuple[str, ...]]] = [
    ("can i get certified as library support staff if i don't have a library degree", ("lssc",)),
    ("do i still need a masters to sit the certified archivist exam", ("ca",)),
    ("is there anything for part-time library workers in kentucky", ("ky-part-time-staff-cert",)),
    ("which test do school library aides take to count as paraprofessionals", ("ets-parapro",)),
    ("can i become a library assistant through an apprenticeship in england", ("uk-library-assistant-l3",)),
    (
        "what does a non-mls director of a small massachusetts town library need for state aid",
        ("ma-library-techniques", "ma-librarianship-cert"),
    ),
    ("is the ala certified library technician credential actually real", ("clt",)),
    ("what certificate do i need to run a public library in wisconsin", ("wi-director-cert",)),
    ("can a licensed teacher in north dakota add a school librarian credential", ("nd-library-media-credentials",)),
    ("i'm a uk library assistant relocating to new zealand, which qualification should i get", ("nz-diploma-lis-l5",)),
    (
        "moved to dublin from the states with my mls, any professional award i can work toward there",
        ("lai-associateship",),
    ),
    ("circulation desk clerk certificate", ("saskpolytech-library-clerk", "lssc")),
    ("service desk analyst", ("hdi-sca",)),
    ("library media specialist arizona", ("az-library-media-endorsement",)),
    ("electronics tech who fixes av gear", ("iscet-cet", "eta-cet")),
    ("chartered librarian", ("cilip-chartership",)),
    ("library technician australia", ("au-diploma-lis", "alia-technician")),
    ("marc copy cataloging course online", ("csi-lis-aa",)),
    ("digital preservation train the trainer library of congress", ("loc-dpoe-topical-trainer",)),
    ("nuclear records retention specialist", ("icrm-crm-ns",)),
    ("excel and word certification for circulation staff", ("mos",)),
    ("document capture and digitization information management exam", ("cip",)),
    ("wifi and lan troubleshooting cert for library it", ("comptia-network-plus",)),
    ("pksb portfolio for para-professionals", ("cilip-certification",)),
    ("hardware and os troubleshooting cert for public computer lab staff", ("comptia-a-plus",)),
    ("buckeye state library staff certification no mls", ("oh-library-staff-cert",)),
    ("hawkeye state library director endorsement", ("ia-director-endorsement",)),
    ("library tech program calgary", ("sait-lit",)),
    ("vancouver library technician diploma", ("langara-lit",)),
    ("montreal cegep techniques de la documentation", ("qc-dec-documentation",)),
    ("kiwi library professional registration", ("lianza-registration",)),
    ("tar heel public librarian certificate", ("nc-public-librarian-cert",)),
    ("beehive state library paraprofessional certificate", ("ula-paraprofessional-cert",)),
    ("lone star small library management certificate", ("tx-slm-certificates",)),
    ("evergreen state librarian certificate", ("wa-librarian-cert",)),
    ("dupage library technology degree", ("cod-lit-aas",)),
    ("manitoba small school library clerk distance course", ("rrc-library-training-certificate",)),
    ("certifed archivest exam", ("ca",)),
    ("libary support staff certfication", ("lssc",)),
    ("paralibrarain massachusets", ("ma-para-certification",)),
    ("pensylvania library asistant certificate", ("pa-library-assistant",)),
    ("nebraska libary comission certification", ("ne-public-librarian-cert",)),
    ("mishigan library staff cert level 4", ("library-of-michigan-staff-cert",)),
    ("certificat iv libary and infomation services", ("au-cert-iv-lis",)),
    ("nationl board certifcation library media", ("nbpts-library-media",)),
    ("certfied public libary adminstrator", ("cpla",)),
    ("saskatchewan polytecnic libary clerk", ("saskpolytech-library-clerk",)),
    ("oklahama public librarian certfication", ("ok-public-librarian-cert",)),
    ("mclip vs fclip", ("cilip-chartership", "cilip-fellowship")),
    ("cra records analyst exam", ("icrm-crm",)),
    ("lati maryland", ("md-library-associate",)),
    ("nyslaa", ("ny-nyslaa-certificate",)),
    ("mls-p imls certification", ("mls-p",)),
    ("cptl exam", ("cplt",)),
    ("sd staff 1 cert", ("sd-library-staff-cert",)),
    ("law librarian certificate", ()),
    ("how to become a certified librarian in germany", ()),
]


# Written 2026-12-03 (a third session) beside the eighth, the same way by a sixth writer; first measured
# 93.3% / 96.0% on its 75 queries, then tuned on. The four it shared word for word with the other natural
# sets were taken out (93.0% / 95.8% on the 71 left).
NATURAL_NINTH: list[tuple[str, tuple[str, ...]]] = [
    ("library page here, want a raise, any cert i can get without a degree?", ("lssc",)),
    ("libary support staff certfication cost", ("lssc",)),
    ("do volunteer hours count toward the ALA-APA support staff cert", ("lssc",)),
    ("hiring a school librarian, posting mentions NBCT - what is that exactly", ("nbpts-library-media",)),
    ("CPLA total cost", ("cpla",)),
    ("certifed archivst exam", ("ca",)),
    ("do you still need a masters to sit the ACA exam", ("ca",)),
    ("records clerk at city hall, which certification should i go for", ("icrm-crm", "cip")),
    ("CRM-FED exam fee", ("icrm-crm-fed",)),
    ("records management cert for nuclear plant", ("icrm-crm-ns",)),
    ("arma igp", ("arma-igp",)),
    ("CDL to drive the bookmobile", ()),
    ("SAA digital archives specialist how long to finish", ("saa-das",)),
    ("museum archives assistant wants a certificate in processing and finding aids", ("saa-arrangement",)),
    ("library juice digital curation certificate", ("lja-digital-curation",)),
    ("DPOE trainer", ("loc-dpoe-topical-trainer",)),
    ("cert for the guy who fixes the library's pcs", ("comptia-a-plus", "hdi-dst")),
    ("comptia netwrok+ price", ("comptia-network-plus",)),
    ("HDI-SCA exam", ("hdi-sca",)),
    ("word and excel certification certiport", ("mos",)),
    ("school secretary now running the library, parapro test fee?", ("ets-parapro",)),
    ("what does MCLIP stand for", ("cilip-chartership",)),
    ("ACLIP enrolment fee", ("cilip-certification",)),
    ("FCLIP", ("cilip-fellowship",)),
    ("library assistant apprenticeship england level 3", ("uk-library-assistant-l3",)),
    ("become an archivist in england without a masters degree", ("uk-archivist-records-manager-l7",)),
    ("aussie librarian moving to dublin, what professional award can i get", ("lai-associateship",)),
    ("library tech diploma TAFE how much", ("au-diploma-lis",)),
    ("pmp cert for library project manager", ()),
    ("BSB30420", ("au-cert-iii-lis",)),
    ("US librarian moving to NZ how do i get registered", ("lianza-registration",)),
    ("open polytechnic library diploma", ("nz-diploma-lis-l5",)),
    ("library tech program toronto", ("seneca-lit",)),
    ("ottawa library technician college", ("algonquin-lit",)),
    ("library tech diploma BC", ("langara-lit", "ufv-libit")),
    ("SAIT library tech tuition calgary", ("sait-lit",)),
    ("sask polytech library clerk", ("saskpolytech-library-clerk",)),
    ("library technician winnipeg distance ed", ("rrc-lit",)),
    (
        "online part-time library technician diploma ontario",
        ("mohawk-library-technician", "durham-lit", "conestoga-lit", "confederation-lit"),
    ),
    ("montana library director certification state aid", ("montana-library-cert",)),
    ("MN voluntary library certification", ("minnesota-library-cert",)),
    ("michigan level 4 library staff cert", ("library-of-michigan-staff-cert",)),
    ("ohio library council staff certification no mlis", ("oh-library-staff-cert",)),
    ("badger state library director certificate grade II", ("wi-director-cert",)),
    ("hoosier librarian certificate renewal LEUs", ("in-public-librarian-cert",)),
    ("iowa bronze director endorsement", ("ia-director-endorsement",)),
    ("KY part time library staff cert free?", ("ky-part-time-staff-cert",)),
    ("do bookmobile librarians need state certification in kentucky", ("ky-public-librarian-cert",)),
    ("is nebraska library certification free", ("ne-public-librarian-cert",)),
    ("texas smal library managment certificate", ("tx-slm-certificates",)),
    ("georgia librarian license renewal june 30", ("ga-librarian-certificate",)),
    ("NYS public librarian certificate 60 hours", ("ny-public-librarian-cert",)),
    ("PA library director serving 8,000 people which certification level", ("pa-library-assistant",)),
    ("south carolina pre-professional certificate library", ("sc-public-librarian-cert",)),
    ("small town library director no degree vermont", ("vt-public-librarianship",)),
    ("paralibarian certification new hampshire", ("nh-paralibrarian-cert",)),
    ("tar heel state public librarian certification", ("nc-public-librarian-cert",)),
    ("nevada librarian cert w/o MLS", ("nv-public-librarian-cert",)),
    ("union rep here: is LATI training free for maryland library associates", ("md-library-associate",)),
    ("mass BLT courses", ("ma-library-techniques",)),
    ("new mexico grade I librarian exam", ("nm-public-librarian-cert",)),
    ("utah paraprofessional certificate badges", ("ula-paraprofessional-cert",)),
    ("ND LM03 school librarian", ("nd-library-media-credentials",)),
    ("NT502 arizona", ("az-library-media-endorsement",)),
    ("california teacher librarian credential", ("ca-teacher-librarian-credential",)),
    ("college of dupage library tech degree", ("cod-lit-aas",)),
    ("twin falls online library degree", ("csi-lis-aa",)),
    ("tennessee PLMI", ("tn-library-management",)),
    ("CALT academic library technician ALA", ("calt",)),
    ("pharmacy tech certification", ()),
    ("how to become a librarian in germany", ()),
]


# Written 2026-12-03 (a third session) by a seventh writer, who was asked for long questions with several
# conditions, fragments, tired typing and other countries' terms; first measured 96.0% / 98.7% on its 75
# queries (after the changes the eighth, ninth and eleventh sets led to), then tuned on. The three it
# shared word for word with the other natural sets were taken out (95.8% / 98.6% on the 72 left).
NATURAL_TENTH: list[tuple[str, tuple[str, ...]]] = [
    (
        "drove a school bus for years, now i run the elementary library in twin falls, no college, what can i get",
        ("csi-lis-aa", "lssc"),
    ),
    (
        "retired and volunteering at our tiny rural library in vermont, is there a free certificate programme i could do",
        ("vt-public-librarianship",),
    ),
    ("correctional facility library asst no MLS any national certification for support staff", ("lssc",)),
    (
        "technicienne en documentation bilingue au Nouveau-Brunswick, formation collégiale en français",
        ("qc-dec-documentation",),
    ),
    (
        "records officer at a welsh county council, want an apprenticeship in records and information management",
        ("wales-larims-apprenticeship-l3",),
    ),
    (
        "helpdesk support at a uni library which certs are worth getting",
        ("comptia-a-plus", "hdi-sca", "hdi-dst", "hdi-csr"),
    ),
    ("year 11 in NSW want a paid library traineeship while doing my HSC", ("au-cert-iii-lis",)),
    ("hiring panel: candidate lists MCLIP on her CV, what is that", ("cilip-chartership",)),
    ("libary techician diploma toronto", ("seneca-lit",)),
    ("ottawa library and information techncian college program placements", ("algonquin-lit",)),
    ("thunderbay fully online library tech", ("confederation-lit",)),
    ("im 19, never finished grade 12, want to be a library technician in vancouver", ("langara-lit",)),
    ("fraser valley lib tech diploma youth services concentration", ("ufv-libit",)),
    ("library page in saskatchewan wanting an online clerk certificate", ("saskpolytech-library-clerk",)),
    ("winnipeg library technician diploma parttime distance", ("rrc-lit",)),
    (
        "clerk in a small manitoba school library, basically no training, distance courses?",
        ("rrc-library-training-certificate",),
    ),
    ("nova scotia library tech diploma with paid co-op", ("nscc-lit",)),
    ("cégep technique de la documentation frais de scolarité", ("qc-dec-documentation",)),
    (
        "ontario library technician diploma part time online paying per course",
        ("durham-lit", "conestoga-lit", "mohawk-library-technician"),
    ),
    ("TAFE diploma library and information services ALIA accredited online", ("au-diploma-lis",)),
    ("cert iv library info services traineeship", ("au-cert-iv-lis",)),
    (
        "aussie public library support staff with no LIS qual, recognition for logging 20 hrs of PD a year",
        ("alia-proficiency",),
    ),
    ("what does (CP) mean after someone's ALIA post nominals", ("alia-cpd-certified",)),
    ("open polytechnic library diploma, I'm 23 and never got university entrance", ("nz-diploma-lis-l5",)),
    ("library association of ireland associateship, 2 yrs since qualifying", ("lai-associateship",)),
    ("ACLIP para-professional registration mentor portfolio", ("cilip-certification",)),
    ("library assistant apprenticeship england level 3 end point assessment", ("uk-library-assistant-l3",)),
    (
        "trainee archivist apprenticeship in England, no degree, qualify on the job",
        ("uk-archivist-records-manager-l7",),
    ),
    ("certified archivist exam 2026 do i still need a masters", ("ca",)),
    ("born-digital records certificate from SAA", ("saa-das",)),
    ("digital curation online courses digitisation metadata, total beginner", ("lja-digital-curation",)),
    ("library of congress digital preservation train the trainer workshop", ("loc-dpoe-topical-trainer",)),
    ("certified records manager with only a high school diploma and 5 yrs RIM experience", ("icrm-crm",)),
    ("records manager specialty for US federal government work", ("icrm-crm-fed",)),
    ("information governance certification privacy ediscovery retention", ("arma-igp",)),
    ("AIIM information professional cert renewal CEUs", ("cip",)),
    ("school library aide paraprofessional test district passing score", ("ets-parapro",)),
    ("national board certified library media specialist how much does it cost", ("nbpts-library-media",)),
    ("praxis 5312 new mexico school librarian", ("nmped-library-media-endorsement",)),
    ("arizona school librarian endorsement fingerprint card NT502", ("az-library-media-endorsement",)),
    ("california teacher librarian credentail", ("ca-teacher-librarian-credential",)),
    ("north dakota LM02 school librarian", ("nd-library-media-credentials",)),
    ("certifying as library support staff - do volunteer hours count", ("lssc", "ula-paraprofessional-cert")),
    ("job ad for LTA II says LSSC preferred, what is that", ("lssc",)),
    ("post-MLS certificate in running a public library, budgets, personnel, buildings, 3 yrs supervising", ("cpla",)),
    ("michigan level 4 library staff certification beginning workshop", ("library-of-michigan-staff-cert",)),
    ("montana public library director must be certified for state aid", ("montana-library-cert",)),
    ("minnesota voluntery certification for library workers without an MLS", ("minnesota-library-cert",)),
    ("ohio circ clerk, no MLIS, 2 years on the job, high school diploma, certification?", ("oh-library-staff-cert",)),
    ("indiana copy cataloger do i need a state certificate", ("in-public-librarian-cert",)),
    ("iowa trauma informed library practices endorsement", ("ia-staff-endorsement",)),
    ("kentucky bookmobile librarian certification", ("ky-public-librarian-cert",)),
    ("small texas town library, no MLS, state library management certificates", ("tx-slm-certificates",)),
    ("georgia librarian licence grade 2 paraprofessional", ("ga-librarian-certificate",)),
    ("pennsylvania library director, town under 10,000 people, which certification level", ("pa-library-assistant",)),
    (
        "GED and 3 years working at the library in south dakota, board wants me as director, which grade",
        ("sd-library-director-cert",),
    ),
    ("paralibrarian certifications", ("nh-paralibrarian-cert", "ma-para-certification")),
    ("louisianna parish library director exam", ("la-director-cert",)),
    ("massachusetts non-mls director small town basic library techniques courses", ("ma-library-techniques",)),
    ("maryland library associate 90 hours training LATI", ("md-library-associate",)),
    ("utah library paraprofessional certificate, i only work 15 hrs a week", ("ula-paraprofessional-cert",)),
    ("hiring a new library director in wisconsin, do they have to be certified when hired", ("wi-director-cert",)),
    (
        "full time at a south carolina public library with a bachelors in history, can i get state certified without an MLIS",
        ("sc-public-librarian-cert",),
    ),
    (
        "new mexico village library ~4000 people, director has no library degree, is there an exam route",
        ("nm-public-librarian-cert",),
    ),
    (
        "job posting: must meet Virginia state library board qualifications for professional librarians",
        ("va-librarian-cert",),
    ),
    ("illinois community college library tech associate degree that preps for LSSC", ("cod-lit-aas",)),
    ("electronics technician certification journeyman", ("iscet-cet", "eta-cet")),
    ("CALT certified academic library technician exam", ("calt",)),
    ("AHIP medical librarian credential", ()),
    ("law librarian certification AALL", ()),
    ("rare book binding and paper conservation certificate", ()),
    ("shisho librarian qualification japan", ()),
]


# Written 2026-12-03 (a third session) by an eighth writer, who was asked for queries that describe the work
# or the goal rather than the credential; first measured 90.7% / 97.3% on its 75 queries (after the
# changes the eighth and ninth sets led to), then tuned on. The five it shared word for word with the other
# natural sets were taken out (90.0% / 97.1% on the 70 left).
NATURAL_ELEVENTH: list[tuple[str, tuple[str, ...]]] = [
    ("i catalog dvds and audiobooks at a little ohio library, no masters degree", ("oh-library-staff-cert",)),
    (
        "run storytime + teen crafts at an iowa public library, is there an endorsement for that",
        ("ia-staff-endorsement",),
    ),
    ("i do the interlibrary loans and shelving, no degree, want a national cert", ("lssc",)),
    ("i keep the county's old deeds and probate books, want to get certified", ("icrm-crm", "ca")),
    ("i set up the wifi and fix the printers at our branch", ("comptia-network-plus", "comptia-a-plus")),
    ("circ desk 6 yrs, boss says an ala-apa cert could get me a raise", ("lssc",)),
    ("part time page at a kentucky library, is there a certifcation for me", ("ky-part-time-staff-cert",)),
    ("getting promoted to branch manager in indiana, need state cert?", ("in-public-librarian-cert",)),
    ("ontario library tech moving to australia will my diploma be recognised", ("alia-technician", "au-diploma-lis")),
    ("nt502 school library media", ("az-library-media-endorsement",)),
    ("praxis 5312 school librarian albuquerque", ("nmped-library-media-endorsement",)),
    ("220-1202", ("comptia-a-plus",)),
    ("repair the projectors and sound gear at the library, electronics tech cert?", ("iscet-cet", "eta-cet")),
    ("CALT academic library technician fee", ("calt",)),
    ("mn library worker without an mls, voluntary program", ("minnesota-library-cert",)),
    ("mlis, 3 yrs supervising, want a public library admin credential for director jobs", ("cpla",)),
    ("just became director in a montana town, state aid says i have to be certified", ("montana-library-cert",)),
    ("new director of a village library in wisconsin which grade do i need", ("wi-director-cert",)),
    ("running a parish library in louisiana, board exam for directors", ("la-director-cert",)),
    ("nj librarian certificate after my mlis", ("nj-librarian-cert",)),
    ("va public library job posting says state librarain certificate required", ("va-librarian-cert",)),
    ("small library in nevada, no mls, can i still be called a librarian", ("nv-public-librarian-cert",)),
    ("library assistant in glasgow wanting cilip letters after my name", ("cilip-certification",)),
    ("just hired as a library associate in baltimore county, what training is mandatory", ("md-library-associate",)),
    (
        "director of a tiny mass. town library w/o mls, what do i need for state aid",
        ("ma-librarianship-cert", "ma-library-techniques"),
    ),
    ("new york library assistants group certificate points", ("ny-nyslaa-certificate",)),
    ("chief librarian certificate for a town of 5000 in new mexico", ("nm-public-librarian-cert",)),
    ("utah library association para program with mentor and badges", ("ula-paraprofessional-cert",)),
    ("LM02 north dakota", ("nd-library-media-credentials",)),
    ("teacher in fresno wants to take over the school library", ("ca-teacher-librarian-credential",)),
    ("elementary library aide, district says i have to pass a test", ("ets-parapro",)),
    ("nbct for school librarians, salary bump?", ("nbpts-library-media",)),
    ("ga librarian license expires in june?", ("ga-librarian-certificate",)),
    ("vancouver lib tech diploma with practicum", ("langara-lit",)),
    ("archivst cert exam, heard they dropped the masters requirement", ("ca",)),
    ("idaho online library degree for a school para", ("csi-lis-aa",)),
    ("online library clerk course sask", ("saskpolytech-library-clerk",)),
    ("wa state librarian cert, my mlis isnt ala accredited", ("wa-librarian-cert",)),
    ("i volunteer in a tiny manitoba school library, any training certificate", ("rrc-library-training-certificate",)),
    ("halifax library technician diploma", ("nscc-lit",)),
    ("technicien en documentation cegep", ("qc-dec-documentation",)),
    ("library tech diploma hamilton ontario", ("mohawk-library-technician",)),
    ("conastoga library tech part time", ("conestoga-lit",)),
    ("durham colege library technician online", ("durham-lit",)),
    ("welsh library apprenticeship level 3", ("wales-larims-apprenticeship-l3",)),
    ("18 and want a paid library assistant apprenticeship in leeds", ("uk-library-assistant-l3",)),
    (
        "become an archivist in england without doing a masters, earn while learning",
        ("uk-archivist-records-manager-l7",),
    ),
    ("dublin librarian, association portfolio award ALAI", ("lai-associateship",)),
    ("librarian registration aotearoa revalidate every 3 yrs", ("lianza-registration",)),
    ("open polytech library diploma", ("nz-diploma-lis-l5",)),
    ("cert 4 library tafe", ("au-cert-iv-lis",)),
    ("year 11 in nsw, school based traineeship at the library", ("au-cert-iii-lis",)),
    ("aussie public library assistant no LIS qual, any ALIA recognition", ("alia-proficiency",)),
    ("tennessee branch manager no mls, management program", ("tn-library-management",)),
    ("records manager exam not the salesforce crm", ("icrm-crm",)),
    ("i manage records at a nuclear power plant", ("icrm-crm-ns", "icrm-crm")),
    ("records officer at a federal agency, which cert", ("icrm-crm-fed", "icrm-crm")),
    ("info governance lead, privacy and retention, arma cert", ("arma-igp",)),
    ("scan and digitize county documents, heard of an AIIM cert", ("cip",)),
    ("processing donated hard drives and email archives", ("saa-das",)),
    ("writing finding aids, want a certificate", ("saa-arrangement",)),
    ("i direct a small pa library, about 6k people served, which cert", ("pa-library-assistant",)),
    ("library of congress train the trainer digital preservation", ("loc-dpoe-topical-trainer",)),
    ("desktop support hdi", ("hdi-dst",)),
    ("excel certification for our library office manager", ("mos",)),
    ("texas small town library director no mls courses", ("tx-slm-certificates",)),
    ("AHIP medical librarian", ()),
    ("rare book conservator bookbinding certification", ()),
    ("bibliothekar ausbildung germany", ()),
    ("i run the bookmobile for our county library in ky", ("ky-public-librarian-cert",)),
]


# Written 2026-12-03 (a third session) by a ninth writer, who was asked for queries from outside the United
# States; first measured 86.7% / 90.7% on its 75 queries, then tuned on. The six it shared word for word
# with the other natural sets were taken out (85.5% / 89.9% on the 69 left).
NATURAL_TWELFTH: list[tuple[str, tuple[str, ...]]] = [
    ("cilip chartershp how long does the portfolio take", ("cilip-chartership",)),
    ("post nominals for library assistants in the uk", ("cilip-certification",)),
    ("aclip do i need a mentor", ("cilip-certification",)),
    ("FCLIP fee", ("cilip-fellowship",)),
    ("highest level on the cilip register for senior librarians", ("cilip-fellowship",)),
    ("cilip revalidation is it free", ("cilip-chartership", "cilip-certification", "cilip-fellowship")),
    ("chartered librarian glasgow", ("cilip-chartership",)),
    ("library assistant in NI wanting letters after my name", ("cilip-certification",)),
    ("level 3 library apprenticeship england end-point assessment", ("uk-library-assistant-l3",)),
    ("council library apprentice 20% off the job training", ("uk-library-assistant-l3",)),
    ("nvq level 3 libraries", ("uk-library-assistant-l3", "wales-larims-apprenticeship-l3")),
    ("library apprenticeship Cymru essential skills", ("wales-larims-apprenticeship-l3",)),
    ("FR04185", ("wales-larims-apprenticeship-l3",)),
    ("cardiff archives and records apprenticeship no entry requirements", ("wales-larims-apprenticeship-l3",)),
    ("become an archivist without a masters uk apprenticeship", ("uk-archivist-records-manager-l7",)),
    ("level 7 records manager apprentiship", ("uk-archivist-records-manager-l7",)),
    ("local authority archive service trainee archivist england", ("uk-archivist-records-manager-l7",)),
    ("scottish modern apprenticeship in libraries", ()),
    ("library apprenticeship belfast", ()),
    (
        "library assistant qualification uk no degree",
        ("cilip-certification", "uk-library-assistant-l3", "wales-larims-apprenticeship-l3"),
    ),
    ("LAI associateship", ("lai-associateship",)),
    ("ALAI portfolio irish librarians cpd", ("lai-associateship",)),
    ("professional body registration for librarians ROI", ("lai-associateship",)),
    ("library tech course dublin", ()),
    ("diploma of library and information services online qld", ("au-diploma-lis",)),
    ("cert iv libary rto cost", ("au-cert-iv-lis",)),
    ("school based traineeship in a library while doing the HSC nsw", ("au-cert-iii-lis",)),
    ("is the cert 3 in library services alia accredited", ("au-cert-iii-lis",)),
    ("WA TAFE library technician", ("au-diploma-lis",)),
    ("letters after my name as a library tech in oz", ("alia-technician",)),
    ("ALIA (CP) cpd hours per year", ("alia-cpd-certified",)),
    ("public library proficiencies alia", ("alia-proficiency",)),
    ("aussie library assistant no LIS qual, recognition for PD", ("alia-proficiency",)),
    ("RLIANZA", ("lianza-registration",)),
    ("lianza revalidation journal every 3 yrs", ("lianza-registration",)),
    ("kiwi librarian registration", ("lianza-registration",)),
    ("open poly library diploma", ("nz-diploma-lis-l5",)),
    ("level 5 library and information studies aotearoa fees free", ("nz-diploma-lis-l5",)),
    (
        "lib tech diploma ontario",
        (
            "mohawk-library-technician",
            "seneca-lit",
            "algonquin-lit",
            "confederation-lit",
            "conestoga-lit",
            "durham-lit",
        ),
    ),
    ("seneca LIT accelerated 12 month", ("seneca-lit",)),
    ("library technician toronto", ("seneca-lit",)),
    ("algonquin library tech ottawa", ("algonquin-lit",)),
    ("thunder bay online library and info technician", ("confederation-lit",)),
    ("mohawk program 800 cost per course", ("mohawk-library-technician",)),
    ("conestoga part time lib tech ontariolearn", ("conestoga-lit",)),
    ("oshawa library technician vulnerable sector check for placement", ("durham-lit",)),
    ("langara LIT", ("langara-lit",)),
    ("vancouver library tech practicum", ("langara-lit",)),
    ("UFV LIBIT youth services", ("ufv-libit",)),
    ("BC library technician programs", ("langara-lit", "ufv-libit")),
    ("yyc library tech diploma", ("sait-lit",)),
    ("sask polytech library clerk certificate", ("saskpolytech-library-clerk",)),
    ("saskatoon library and information technology", ("saskpolytech-lit",)),
    ("library clerk course online canada", ("saskpolytech-library-clerk", "rrc-library-training-certificate")),
    ("winnipeg library techician diploma red river", ("rrc-lit",)),
    ("MB certificate for small school library volunteers", ("rrc-library-training-certificate",)),
    ("NSCC library tech co-op", ("nscc-lit",)),
    ("halifax library technician college", ("nscc-lit",)),
    ("bibliotechnicien DEC montréal", ("qc-dec-documentation",)),
    ("newfoundland library technician program", ()),
    ("moving from ontario to the US next year as a library tech, any american certification worth getting", ("lssc",)),
    ("aussie lib tech relocating to the states what credential", ("lssc",)),
    ("american MLIS moving to London, can i do chartership", ("cilip-chartership",)),
    ("from auckland to dublin librarian professional award", ("lai-associateship",)),
    ("moving from wellington to sydney library technician membership", ("alia-technician",)),
    ("brit teacher moving to california school librarian credential", ("ca-teacher-librarian-credential",)),
    ("ontario teacher librarian AQ", ()),
    ("records management cert canada", ("icrm-crm", "arma-igp", "cip")),
    ("can canadians sit the certified archivist exam online", ("ca",)),
]


# Written 2026-12-03 (a third session) beside the twelfth by a tenth writer, who was asked for queries
# about US state programs; first measured 90.7% / 97.3% on its 75 queries, then tuned on. The three it
# shared word for word with the other natural sets were taken out (90.3% / 97.2% on the 72 left).
NATURAL_THIRTEENTH: list[tuple[str, tuple[str, ...]]] = [
    ("hoosier librarian cert renewal how many LEUs for a branch head", ("in-public-librarian-cert",)),
    ("WI library director cert which grade for a village of 4,500", ("wi-director-cert",)),
    ("georgia library serving 4000 people, do we need a licensed librarian?", ("ga-librarian-certificate",)),
    ("ky part time library clerk certificate", ("ky-part-time-staff-cert",)),
    ("does a bookmobile librarian in kentucky have to be certified", ("ky-public-librarian-cert",)),
    ("cornhusker state library cert level 1 basic skills courses", ("ne-public-librarian-cert",)),
    ("omaha library staff certification 45 ce credits every 3 yrs", ("ne-public-librarian-cert",)),
    ("im a texan running a tiny town library, small library management certificate", ("tx-slm-certificates",)),
    ("do texas county librarians still need state certification", ("tx-county-librarian-cert",)),
    ("GA librarian license expires june 30 how many ce hrs", ("ga-librarian-certificate",)),
    ("atlanta grade 2 para professional librarian", ("ga-librarian-certificate",)),
    ("NYS public librarian certificate 60 hrs PD every 5 yrs", ("ny-public-librarian-cert",)),
    ("certificate for library assistants upstate ny", ("ny-nyslaa-certificate",)),
    ("pa library director certification town under 10,000", ("pa-library-assistant",)),
    ("keystone state provisional librarian 12 credits library science", ("pa-librarian-cert",)),
    ("pittsburgh area library serves 18000 ppl what cert does the director need", ("pa-librarian-cert",)),
    ("wv library commission basic certifcation courses", ("wv-public-librarian-cert",)),
    ("palmetto state pre-professional librarian certificate", ("sc-public-librarian-cert",)),
    ("south dakota director grade 3 with just a high school diploma", ("sd-library-director-cert",)),
    ("SD staff 1 library cert renwal", ("sd-library-staff-cert",)),
    ("vermont CPL 150 credits", ("vt-public-librarianship",)),
    ("granite state paralibrarian levels", ("nh-paralibrarian-cert",)),
    ("maine state library basic certification 20 courses plus electives", ("me-public-librarian-cert",)),
    ("parish library director exam baton rouge", ("la-director-cert",)),
    ("seattle librarian certificate without ala accredited degree, portfolio route", ("wa-librarian-cert",)),
    ("tennesee public library management institute for non mls directors", ("tn-library-management",)),
    ("tar heel public librarian certification commission transcripts", ("nc-public-librarian-cert",)),
    ("nj professional librarian certificate do i ever need to renew it", ("nj-librarian-cert",)),
    ("virginia librarian cert for a library serving over 15,000", ("va-librarian-cert",)),
    ("vegas library job no masters, can I get state certified as a public librarian", ("nv-public-librarian-cert",)),
    ("conneticut head librarian certificate grade IB", ("ct-head-librarian-cert",)),
    ("maryland library associate 90 hrs training first two years", ("md-library-associate",)),
    ("baltimore public library director certificate 5 yrs experience", ("md-librarian-director",)),
    ("bay state subprofessional certificate fee", ("ma-librarianship-cert",)),
    (
        "town of 7k in western mass, new director has no MLS, what certs for state aid",
        ("ma-librarianship-cert", "ma-library-techniques"),
    ),
    ("basic library techniques courses mass", ("ma-library-techniques",)),
    ("new england paralibrarian certification", ("nh-paralibrarian-cert", "ma-para-certification")),
    ("albuquerque library director grade I exam", ("nm-public-librarian-cert",)),
    ("nm school librarian praxis 5312", ("nmped-library-media-endorsement",)),
    ("beehive state library paraprofessional certificate with a mentor and badges", ("ula-paraprofessional-cert",)),
    ("az library media endorsement NT502", ("az-library-media-endorsement",)),
    ("teacher librarian credential cali", ("ca-teacher-librarian-credential",)),
    ("treasure state library director cert needed for state aid", ("montana-library-cert",)),
    (
        "explaining to staff: indiana cert required once 3/4 of your time is professional work?",
        ("in-public-librarian-cert",),
    ),
    ("gopher state non-mls library cert 60 hrs portfolio", ("minnesota-library-cert",)),
    ("great lakes state library staff cert level 4 beginning workshop", ("library-of-michigan-staff-cert",)),
    ("ohio library council staff cert for people without an mlis", ("oh-library-staff-cert",)),
    ("buckeye public librarian recertification 75 contact hours fee", ("oh-public-librarian-cert",)),
    ("ohio county district library director legal certificate", ("oh-county-librarian-cert",)),
    ("sooner state public library academy certification classes", ("ok-public-librarian-cert",)),
    ("IA director endorsement bronze vs silver", ("ia-director-endorsement",)),
    ("des moines library youth services endorsement", ("ia-staff-endorsement",)),
    ("library tech associate degree near chicago", ("cod-lit-aas",)),
    ("twin falls online libary science degree", ("csi-lis-aa",)),
    ("sunflower state cert for head of a regional library system", ("ks-regional-system-director-cert",)),
    ("nbct library media renewal fee", ("nbpts-library-media",)),
    ("school library aide test reading writing math", ("ets-parapro",)),
    ("cert for public library administrators w/ mls and 3 yrs supervising", ("cpla",)),
    ("western council library practitioner certificate still offered?", ("western-council-lpc",)),
    ("florida public library director certification requirements", ()),
    ("does colorado certify librarians", ()),
    ("oregon library staff cert", ()),
    ("alabama librarian ce hours renewal", ()),
    ("california public library director certification", ()),
    ("ALA Certified Library Technician exam", ("clt",)),
    (
        "moving from indiana to kentucky this summer for a branch manager job, does my cert transfer",
        ("ky-public-librarian-cert",),
    ),
    ("relocating from illinois to wisconsin as a library director", ("wi-director-cert",)),
    ("dakotas public library director certification", ("sd-library-director-cert",)),
    ("southwest school librarian endorsement", ("az-library-media-endorsement", "nmped-library-media-endorsement")),
    ("spokane do librarians need a state certificate", ("wa-librarian-cert",)),
    ("memphis branch manager certificate no MLS", ("tn-library-management",)),
    ("nm town of 2500 does the library director need a certificate", ("nm-public-librarian-cert",)),
]


# Written 2026-12-03 (a third session) beside the twelfth and thirteenth by an eleventh writer, the same
# way as the first natural sets, to be kept blind: never tuned on, its misses never printed, its queries
# never read by the developers. First measured 92.0% / 98.7% on its 75 queries, on the search as the
# eighth to eleventh sets had left it. The 21 it shared word for word with the other natural sets were taken out
# (88.9% / 98.1% on the 54 left).
NATURAL_FOURTEENTH: list[tuple[str, tuple[str, ...]]] = [
    ("is there any certification for library assistants who dont have a masters", ("lssc",)),
    ("how do i become a certified archivist", ("ca",)),
    ("do library directors in wisconsin need a state certificate?", ("wi-director-cert",)),
    ("what cert should the library help desk person get", ("hdi-csr", "hdi-sca", "comptia-a-plus")),
    ("can a high school grad get certified to work at a nebraska public library", ("ne-public-librarian-cert",)),
    (
        "do part timers at kentucky libraries have to be certified",
        ("ky-part-time-staff-cert", "ky-public-librarian-cert"),
    ),
    ("what credential do school librarians need in california", ("ca-teacher-librarian-credential",)),
    ("is the ALA certified library technician a real thing", ("clt",)),
    ("can i register as a librarian in new zealand with an overseas degree", ("lianza-registration",)),
    ("whats the easiest library qualification to start with in australia", ("au-cert-iii-lis",)),
    ("can you train as an archivist on the job in england", ("uk-archivist-records-manager-l7",)),
    ("library page shelving training", ("saskpolytech-library-clerk",)),
    ("library clerk certificate online part time", ("saskpolytech-library-clerk", "rrc-library-training-certificate")),
    ("records analyst certification", ("icrm-crm",)),
    ("library associate maryland training requirement", ("md-library-associate",)),
    ("teacher librarian credential", ("ca-teacher-librarian-credential", "nbpts-library-media")),
    ("archive assistant apprentice", ("uk-library-assistant-l3", "wales-larims-apprenticeship-l3")),
    ("electronics tech cert for fixing library av gear", ("eta-cet", "iscet-cet")),
    ("branch manager small public library no mls", ("tn-library-management", "tx-slm-certificates")),
    ("library trustee certification", ("montana-library-cert", "vt-public-librarianship")),
    ("MARC cataloging cert for paraprofessionals", ("lssc", "csi-lis-aa")),
    ("RDA toolkit certification", ()),
    ("metadata and digitization certificate online", ("lja-digital-curation",)),
    ("dublin core metadata course w/ certificate", ("lja-digital-curation", "saa-das")),
    ("born digital records certificate", ("saa-das",)),
    ("excel and word cert for circ desk staff", ("mos",)),
    ("network+ for library systems guy", ("comptia-network-plus",)),
    ("library of congress digital preservation trainer", ("loc-dpoe-topical-trainer",)),
    ("e-discovery privacy information governance cert", ("arma-igp",)),
    ("michigan library staff certification level 4", ("library-of-michigan-staff-cert",)),
    ("ohio cert for library staff without an mlis", ("oh-library-staff-cert",)),
    ("hoosier public library certificate LC2", ("in-public-librarian-cert",)),
    ("winnipeg library tech program", ("rrc-lit",)),
    ("library tech diploma in ottawa", ("algonquin-lit",)),
    ("irish library association associateship", ("lai-associateship",)),
    ("canadian library tech moving to australia, do i need alia", ("alia-technician", "au-diploma-lis")),
    ("vermont certificate for directors without a library degree", ("vt-public-librarianship",)),
    ("utah library paraprofessional certificate", ("ula-paraprofessional-cert",)),
    ("US-ND school librarian credential", ("nd-library-media-credentials",)),
    ("idaho online library associate degree", ("csi-lis-aa",)),
    ("libary assistent certifcation", ("lssc",)),
    ("recods manger certification", ("icrm-crm",)),
    ("pensylvania library certificate", ("pa-library-assistant", "pa-librarian-cert")),
    ("massachusets paralibrarian", ("ma-para-certification",)),
    ("tennesee library managment program", ("tn-library-management",)),
    ("conestogo library technition part time", ("conestoga-lit",)),
    ("louisianna library director certifcation", ("la-director-cert",)),
    ("comptia a plus for libary it", ("comptia-a-plus",)),
    ("minnesotta library certification", ("minnesota-library-cert",)),
    ("misouri librarian certification", ()),
    ("LSSC renewal hours", ("lssc",)),
    ("IGP or CRM which one", ("arma-igp", "icrm-crm")),
    ("CRM/FED exam", ("icrm-crm-fed",)),
    ("florida library certification", ()),
]


# Written 2026-12-03 (a third session) beside the fifteenth by a thirteenth writer, who was asked for what
# readers of the career article type next; first measured 90.7% / 96.0% on its 75 queries, then tuned on.
# The two it shared word for word with the other natural sets were taken out (90.4% / 95.9% on the 73 left).
NATURAL_SIXTEENTH: list[tuple[str, tuple[str, ...]]] = [
    ("is the ALA certified library technician thing even real", ("clt",)),
    ("clt library technician exam $150-200 legit?", ("clt",)),
    ("CALT", ("calt",)),
    ("CPTL certificaton public library tech two part exam", ("cplt",)),
    ("aasl certified school library technician requirements", ("cslt",)),
    ("ISCET technical services technician soldering course", ("ctst",)),
    ("does IMLS really certify museum and library staff", ("mls-p",)),
    ("academy of certified archivists is that an ALA program", ("ca",)),
    ("certified information professional awarded by NCCA or AIIM?", ("cip",)),
    ("isa control systems technician levels 1 2 3", ("isa-ccst",)),
    ("plc and instrumentation technician cert ISA", ("isa-ccst",)),
    ("microsoft office specialist exam price", ("mos",)),
    ("is comptia a+ 220-1001 still the current exam", ("comptia-a-plus",)),
    ("how many CEUs to renew A+", ("comptia-a-plus",)),
    ("so the CLT from that article doesnt exist, what should a library tech get instead", ("lssc",)),
    ("library support staff certification fee for non members", ("lssc",)),
    ("LSSC deadline to finish all competency sets", ("lssc",)),
    ("is there a test for lssc or just portfolios", ("lssc",)),
    ("LTA certification", ("lssc",)),
    ("national credential for library paraprofesional without a degree", ("lssc",)),
    ("circulation desk staff certification", ("lssc", "saskpolytech-library-clerk")),
    ("LSSC or CPLA whats the difference", ("lssc", "cpla")),
    ("do you need an MLIS for the certified public library administrator", ("cpla",)),
    ("how much does cpla cost all in for ala members", ("cpla",)),
    ("cilip certification vs chartership which first", ("cilip-certification", "cilip-chartership")),
    ("CILIP fellowship fee", ("cilip-fellowship",)),
    ("library assistant apprenticship england level 3", ("uk-library-assistant-l3",)),
    ("library and archives apprenticeship in wales", ("wales-larims-apprenticeship-l3",)),
    ("library association of ireland associateship how long does assessment take", ("lai-associateship",)),
    ("how do I become an ALIATec in australia", ("alia-technician",)),
    ("is the cert iv in library services alia accredited", ("au-cert-iv-lis",)),
    ("cert III vs cert IV library information services", ("au-cert-iii-lis", "au-cert-iv-lis")),
    ("tafe queensland library diploma fees", ("au-diploma-lis",)),
    ("ALIA proficiency program for library staff without LIS qualification", ("alia-proficiency",)),
    ("RLIANZA revalidation every 3 yrs", ("lianza-registration",)),
    ("open polytechnic nz library diploma how many weeks", ("nz-diploma-lis-l5",)),
    (
        "online part time library technician diploma ontario",
        ("mohawk-library-technician", "conestoga-lit", "durham-lit", "confederation-lit"),
    ),
    ("seneca library tech accelerated one year", ("seneca-lit",)),
    ("algonquin college library technician ottawa", ("algonquin-lit",)),
    ("langara LIT practicum", ("langara-lit",)),
    ("ufv libit records management concentration abbotsford", ("ufv-libit",)),
    ("library technician diploma calgary tuition", ("sait-lit",)),
    ("library clerk certificate saskatchewen online", ("saskpolytech-library-clerk",)),
    ("course for library pages and shelvers", ("saskpolytech-library-clerk",)),
    ("red river college library technician winnipeg distance", ("rrc-lit",)),
    ("nova scotia libary tech diploma with co-op", ("nscc-lit",)),
    ("college of dupage library technology associate degree", ("cod-lit-aas",)),
    ("online associate degree library science idaho copy cataloging", ("csi-lis-aa",)),
    ("kentuky part time library staff certification free?", ("ky-part-time-staff-cert",)),
    ("nebraska library commission certification levels", ("ne-public-librarian-cert",)),
    ("texas small library management certificate non mls", ("tx-slm-certificates",)),
    ("georgia para-professional librarian license grade 2", ("ga-librarian-certificate",)),
    ("pa library assistant level certification 9 credits", ("pa-library-assistant",)),
    ("ohio library council staff certification without MLS", ("oh-library-staff-cert",)),
    ("michigan level 4 library staff certification", ("library-of-michigan-staff-cert",)),
    ("montana state library certification CE credits", ("montana-library-cert",)),
    (
        "massachusets PARA vs new hampshire paralibrarian certification",
        ("ma-para-certification", "nh-paralibrarian-cert"),
    ),
    ("maryland library associate LATI 90 hours", ("md-library-associate",)),
    ("utah library paraprofessional certificate badges mentor", ("ula-paraprofessional-cert",)),
    ("indiana librarian cert renewal LEU", ("in-public-librarian-cert",)),
    ("WV PLCP", ("wv-public-librarian-cert",)),
    ("washington state librarian certificate if my degree isnt ALA-accredited", ("wa-librarian-cert",)),
    ("nevada certified public librarian no mls small library", ("nv-public-librarian-cert",)),
    ("school media center assistant test", ("ets-parapro",)),
    ("aasl doesnt certify so what national cert for school librarians", ("nbpts-library-media",)),
    ("praxis 5312 new mexico", ("nmped-library-media-endorsement",)),
    ("arizona NT502 library media endorsement fee", ("az-library-media-endorsement",)),
    ("metadata and digitization certificate online for library staff", ("lja-digital-curation", "saa-das")),
    ("iscet cet vs eta cet", ("iscet-cet", "eta-cet")),
    ("RDA cataloging certification exam", ()),
    ("koha ILS administrator certified", ()),
    ("library technician certification germany", ()),
    ("cheapest ALA accredited MLIS online", ()),
]


# Written 2026-12-03 (a third session) by a twelfth writer, who was asked for hurried typing on a phone
# (typos, run-together words, text-speak); first measured 93.3% / 94.7% on its 75 queries, then tuned on.
# The three it shared word for word with the other natural sets were taken out (93.1% / 94.4% on the 72
# left).
NATURAL_FIFTEENTH: list[tuple[str, tuple[str, ...]]] = [
    ("lsscc portfolio no exam?", ("lssc",)),
    ("alaapa suport staff certifcation cost", ("lssc",)),
    ("cataloging asst cert dont have mls", ("lssc",)),
    ("ala lib tech cert", ("lssc",)),
    ("cpla reqs mls + 3yrs supervisng", ("cpla",)),
    ("publiclibrary adminstrator credential", ("cpla",)),
    ("certifed archivist exam fee", ("ca",)),
    ("aca archvist test on zoom?", ("ca",)),
    ("saa DAS born-digtal records", ("saa-das",)),
    ("arrangment & description cert saa", ("saa-arrangement",)),
    ("certified records mgr exam parts", ("icrm-crm",)),
    ("icrm nuclear specialty nirma", ("icrm-crm-ns",)),
    ("amra igp infogov", ("arma-igp",)),
    ("dublin core metadata + digitizing cert online", ("lja-digital-curation",)),
    ("library juice acadmy digital curaton", ("lja-digital-curation",)),
    ("digital preservaton cert", ("saa-das", "lja-digital-curation", "loc-dpoe-topical-trainer")),
    ("dpoe train teh trainer LoC", ("loc-dpoe-topical-trainer",)),
    ("nationalboard cert school librarian", ("nbpts-library-media",)),
    ("AZ school libarian endorsement NT502", ("az-library-media-endorsement",)),
    ("praxis 5312 new mex", ("nmped-library-media-endorsement",)),
    ("teacher librarian credntial calif", ("ca-teacher-librarian-credential",)),
    ("N Dak school lib media LM02", ("nd-library-media-credentials",)),
    ("parapro tst for school lib aide", ("ets-parapro",)),
    ("montana st lib cert for directors", ("montana-library-cert",)),
    ("lib of mich level 4 staff", ("library-of-michigan-staff-cert",)),
    (
        "libtech diploma ont online part time",
        ("mohawk-library-technician", "durham-lit", "conestoga-lit", "confederation-lit"),
    ),
    ("library techncian program toronto", ("seneca-lit",)),
    ("ufv libit", ("ufv-libit",)),
    ("lib info tech calgary", ("sait-lit",)),
    ("saskatoon libray tech diploma", ("saskpolytech-lit",)),
    ("circ clerk cert sask online", ("saskpolytech-library-clerk",)),
    ("thunder bay lib tech fully online", ("confederation-lit",)),
    ("winnipeg library technician diplma", ("rrc-lit",)),
    ("MB small library volunteers training cert", ("rrc-library-training-certificate",)),
    ("NSCC lib tech coop dartmouth", ("nscc-lit",)),
    ("durham colege LBTN", ("durham-lit",)),
    ("cilip chartership mclip", ("cilip-chartership",)),
    ("aclip para-professional registration uk", ("cilip-certification",)),
    ("lvl 3 library asst apprenticeship england", ("uk-library-assistant-l3",)),
    ("archivist apprentiseship lvl7", ("uk-archivist-records-manager-l7",)),
    ("welsh libary apprenticeship", ("wales-larims-apprenticeship-l3",)),
    ("ALAI ireland librarians", ("lai-associateship",)),
    ("aliatec membership oz", ("alia-technician",)),
    ("tafe cert iv library", ("au-cert-iv-lis",)),
    ("cert III library traineeship nsw hsc", ("au-cert-iii-lis",)),
    ("BSB50520 lib tech dipl aus", ("au-diploma-lis",)),
    ("rlainza revalidation", ("lianza-registration",)),
    ("open polytech nz library diploma", ("nz-diploma-lis-l5",)),
    ("ohio lib staff cert no mlis", ("oh-library-staff-cert",)),
    ("boss says i need state cert as lib director in wisc, what grade", ("wi-director-cert",)),
    ("indiana dept head librarian cert", ("in-public-librarian-cert",)),
    ("iowa dir endorsement bronze", ("ia-director-endorsement",)),
    ("trauma informed library endorsment", ("ia-staff-endorsement",)),
    ("KY part-time lib staff cert", ("ky-part-time-staff-cert",)),
    ("bookmobile librarian cert kentucky", ("ky-public-librarian-cert",)),
    ("GA librarian licence grade 2 paraprofessional", ("ga-librarian-certificate",)),
    ("NYS public librarian certifcate", ("ny-public-librarian-cert",)),
    ("pls which cert do u need to run small town lib in mass", ("ma-librarianship-cert", "ma-library-techniques")),
    ("can u b a librarian in nevada w/o ur mls", ("nv-public-librarian-cert",)),
    ("louisiana parish lib director exam", ("la-director-cert",)),
    ("utah paraprofessional cert", ("ula-paraprofessional-cert",)),
    ("college of du page library tech AAS", ("cod-lit-aas",)),
    ("certifed academic library technician", ("calt",)),
    ("comptia a+ core 1", ("comptia-a-plus",)),
    ("mos excel cert", ("mos",)),
    ("electronics tech cert CET", ("iscet-cet", "eta-cet")),
    ("rda marc21 certifcation", ()),
    ("medical librarian AHIP", ()),
    ("librarian cert in germany", ()),
    ("museum staff cert imls", ()),
    ("koha ILS admin certification", ()),
    ("hdi desktop suport tech", ("hdi-dst",)),
]


def says_nothing_specific(searcher: Searcher, query: str) -> bool:
    """Right for a query expecting nothing specific: it finds nothing, or says on stderr that some of its
    words name nothing in the catalog, or that nothing is awarded in the place it names."""
    found = searcher.search(query, limit=3)
    return not found.hits or bool(found.unmatched) or (bool(found.query.places) and not found.place_tied)


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
            hit1 = hit3 = says_nothing_specific(searcher, query)
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
    "natural tuning": NATURAL_TUNING,
    "natural held-out": NATURAL_HELD_OUT,
    "natural third": NATURAL_THIRD,
    "natural fourth": NATURAL_FOURTH,
    "natural fifth": NATURAL_FIFTH,
    "natural sixth": NATURAL_SIXTH,
    "natural seventh": NATURAL_SEVENTH,
    "natural eighth": NATURAL_EIGHTH,
    "natural ninth": NATURAL_NINTH,
    "natural tenth": NATURAL_TENTH,
    "natural eleventh": NATURAL_ELEVENTH,
    "natural twelfth": NATURAL_TWELFTH,
    "natural thirteenth": NATURAL_THIRTEENTH,
    "natural fourteenth": NATURAL_FOURTEENTH,
    "natural fifteenth": NATURAL_FIFTEENTH,
    "natural sixteenth": NATURAL_SIXTEENTH,
}


BLIND = {"natural held-out", "natural fifth", "natural fourteenth"}
"""Sets whose misses are never printed: looking at them would be tuning on them."""


def main() -> None:
    for label, pairs in SETS.items():
        if not pairs:
            continue
        t1, t3, misses = accuracy(pairs)
        sys.stdout.write(f"{label:16} {len(pairs):3} queries  top-1 {t1:6.1%}  top-3 {t3:6.1%}\n")
        if label in BLIND:
            continue
        for query, expected, got in misses:
            want = expected if isinstance(expected, str) else "|".join(expected[:3]) or "(nothing)"
            sys.stdout.write(f"  miss: {query!r:40} want {want:36} got {', '.join(got) or '-'}\n")


if __name__ == "__main__":
    main()
