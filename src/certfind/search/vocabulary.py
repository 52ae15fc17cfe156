"""The field's vocabulary, as data: how people say things, and what the catalog calls them.

Every phrase is written folded (lowercase, no accents, British spellings folded to US ones, `non-mls` as
`nonmls`), as `lexicon.fold` gives it. A query phrase found in TERMS also searches for the catalog words it
maps to (they count a little less than the user's own words, `SYNONYM_WEIGHT` in rank.py); a word the
vocabulary knows is never read as a typo of another word.
"""

from __future__ import annotations

TERMS: dict[str, str] = {
    # --- job titles and roles of library support staff -------------------------------------------
    # front-desk and circulation work: what LSSC and the state staff programmes cover
    "library clerk": "library support staff circulation",
    "circulation clerk": "library support staff circulation",
    "circ clerk": "library support staff circulation",
    "clerk": "library support staff circulation",
    "circ": "circulation",
    "circulation desk": "circulation library support staff",
    "circ desk": "circulation library support staff",
    "front desk": "circulation customer service",
    "desk staff": "circulation library support staff",
    "access services": "circulation access services",
    "interlibrary loan": "interlibrary loan circulation access services",
    "interlibrary loans": "interlibrary loan circulation access services",
    "ill": "interlibrary loan circulation",
    "lending": "circulation",
    "checkout": "circulation",
    "shelver": "library support staff circulation",
    "shelving": "library support staff circulation",
    "library page": "library support staff circulation",
    "page": "library support staff",
    "library aide": "library support staff paraprofessional",
    "aide": "paraprofessional library support staff",
    "library assistant": "library assistant library support staff technician",
    "library associate": "library associate library support staff",
    "library worker": "library staff library support staff",
    "library staff": "library staff library support staff",
    "support staff": "library support staff",
    "paraprofessional": "paraprofessional library support staff",
    "para": "paraprofessional",
    "paralibrarian": "paralibrarian paraprofessional library support staff",
    "library paraprofessional": "paraprofessional library support staff",
    # technicians: the diplomas and LSSC
    "lib tech": "library technician",
    "techo": "technician",  # Australian
    "library tech": "library technician",
    "technical assistant": "library technician technical services",
    "library technical assistant": "library technician",
    "lta": "library technician",
    "lit": "library information technician",
    "technical services": "technical services cataloging acquisitions",
    "tech services": "technical services cataloging",
    "acquisitions": "acquisitions technical services",
    # school libraries
    "media center assistant": "school library paraprofessional library media",
    "media center": "school library library media",
    "media specialist": "school library media specialist",
    "school library aide": "school library aide paraprofessional",
    "school librarian": "school librarian school library media",
    "teacher librarian": "teacher librarian school library media",
    "teaching assistant": "paraprofessional teaching assistant",
    "teacher aide": "paraprofessional teaching assistant",
    "teachers aide": "paraprofessional teaching assistant",
    # running a library
    "branch manager": "branch manager library director library management",
    "library director": "library director public library director",
    "director": "library director administrator",
    "library manager": "library management library director",
    "head librarian": "head librarian library director",
    "small library": "small libraries library director",
    "rural library": "rural libraries small libraries",
    "uni": "university academic",
    "uni library": "academic library university library",
    "admin": "administration administrator",
    # work with children and teens: youth services
    "storytime": "youth services children",
    "story time": "youth services children",
    "storytimes": "youth services children",
    "children's librarian": "youth services children",
    "childrens": "youth services children",
    "kids": "youth services children",
    "teen": "youth services teens",
    "teens": "youth services teens",
    "young adult": "youth services teens",
    "youth": "youth services",
    # records, archives, IT
    "records clerk": "records management records information",
    "records manager": "records management records manager",
    "records management": "records management records information",
    "information management": "records information management",
    "information governance": "information governance records",
    "recordkeeping": "records management",
    "record keeping": "records management",
    "retention": "records retention retention schedules",
    "retention schedule": "retention schedules records retention",
    "rim": "records information management",
    "archives assistant": "archives archive assistant",
    "archive assistant": "archive assistant archives",
    "archivist": "archivist archives",
    # the records of local government: land, court and vital records are records management
    "deeds": "records management records",
    "land records": "records management records",
    "probate": "records management records",
    "court records": "records management records",
    "vital records": "records management records",
    "public records": "records management records",
    "help desk": "help desk it support",
    "helpdesk": "help desk it support",
    "helpdesk support": "help desk it support",
    "help desk support": "help desk it support",
    "service desk": "service desk help desk",
    "desktop support": "desktop support hardware",
    "it support": "it help desk hardware",
    "networking": "networking network+",
    "subnetting": "networking network+",
    "wifi": "wireless networking network+",
    "wi fi": "wireless networking network+",
    "tech support": "technical support help desk",
    "computer repair": "hardware computer repair",
    "pc repair": "hardware computer repair",
    "fixing computers": "hardware computer repair",
    "fix computers": "hardware computer repair",
    "fixing": "repair troubleshooting",
    "fix": "repair troubleshooting",
    "fixes": "repair troubleshooting",
    "repairs": "repair troubleshooting",
    "computers": "computer hardware it support",
    "computer": "computer hardware it support",
    "pc": "computer hardware it support",
    "pcs": "computer hardware it support",
    "laptops": "computer hardware it support",
    "printers": "hardware it support",
    # --- standards, tools and skills ------------------------------------------------------------
    # cataloging standards and metadata lead to cataloging
    "marc": "cataloging metadata",
    "marc records": "cataloging",
    "marc21": "cataloging",
    "rda": "cataloging",
    "aacr2": "cataloging",
    "dublin core": "metadata cataloging digital curation",
    "metadata": "metadata cataloging",
    "dewey": "classification cataloging",
    "lcsh": "cataloging classification",
    "subject headings": "cataloging classification",
    "authority control": "cataloging",
    "classification": "classification cataloging",
    "copy cataloging": "copy cataloging cataloging",
    # library systems
    "ils": "library technology library systems",
    "integrated library system": "library technology library systems",
    "library system": "library systems library technology",
    "library software": "library technology library systems",
    # preservation and digital work
    "preservation": "preservation archives",
    "digital preservation": "digital preservation archives",
    "born digital": "born-digital digital archives electronic records",
    "email archives": "electronic records digital archives born-digital",
    "hard drives": "born-digital electronic records digital archives",
    "digital records": "electronic records digital archives",
    "digitization": "digitization digital collections",
    "digitizing": "digitization digital collections",
    "scanning": "digitization digital collections",
    "long term": "digital preservation",
    "finding aids": "finding aids arrangement and description",
    "ead": "finding aids archival description",
    # office, electronics, automation
    "excel": "excel office",
    "word processing": "word processing office",
    "spreadsheets": "spreadsheets office",
    "powerpoint": "powerpoint office",
    "soldering": "soldering electronics technician",
    "circuits": "circuits electronics",
    "multimeter": "electronics",
    "electronics repair": "electronics repair electronics technician",
    "tv": "consumer electronics electronics repair",
    "stereo": "consumer electronics electronics repair",
    # CompTIA's certifications as people spell them out (`A+` is a word the index keeps)
    "a plus": "a+",
    "network plus": "network+",
    "net plus": "network+",
    "programmable logic": "automation control systems",
    "plc programming": "automation control systems instrumentation",
    "instrumentation": "instrumentation automation control",
    "scada": "automation control systems",
    # --- abbreviations people use loosely --------------------------------------------------------
    # PLC: in library work a public librarian certification; with programming or controls, a programmable
    # logic controller
    "plc": "public librarian certification",
    "plcp": "public librarian certification",
    "plcs": "automation control systems",
    "plc controls": "automation control systems instrumentation",
    # a library master's degree
    "mls": "mls librarian",
    "mlis": "mls librarian",
    "mlsi": "mls librarian",
    "msls": "mls librarian",
    "ala accredited": "mls librarian ala",
    "library degree": "mls librarian",
    "library science degree": "mls librarian",
    "lis": "library information science",
    # the field's words in French (Quebec, New Brunswick, Ontario's francophones)
    "bibliotheque": "library",
    "bibliotheques": "library",
    "bibliothecaire": "librarian library",
    "bibliothecaires": "librarian library",
    "aide bibliothecaire": "library support staff library assistant",
    "bibliotechnicien": "library technician documentation",
    "bibliotechnicienne": "library technician documentation",
    "technicien en documentation": "documentation library technician",
    "technicienne en documentation": "documentation library technician",
    "archiviste": "archivist archives",
    "gestion documentaire": "records management documentation",
    # words shortened as people type them on a phone
    "asst": "assistant",
    "assts": "assistant",
    "mgr": "manager",
    "mgmt": "management",
    "dept": "department",
    # Australian qualifications by their level, as people shorten them
    "cert iv": "certificate iv",
    "cert 4": "certificate iv",
    "cert iii": "certificate iii",
    "cert 3": "certificate iii",
    # staff without that degree
    "non degreed": "nonmls library support staff",
    "dont have a library degree": "nonmls library support staff",
    "without a library degree": "nonmls library support staff",
    "no library degree": "nonmls library support staff",
    # where to start
    "entry level": "entry level",
    "beginner": "entry level",
    "beginners": "entry level",
    "no experience": "entry level",
    "starting out": "entry level",
    # running things
    "manage": "management administration",
    "managing": "management administration",
    # continuing education
    "ce": "continuing education",
    "ceu": "continuing education",
    "ceus": "continuing education",
    "cpd": "continuing professional development cpd",
    # letters after one's name: the credentials that give post-nominals
    "letters after my name": "post nominals",
    "letters after your name": "post nominals",
    "letters after name": "post nominals",
    "postnominals": "post nominals",
    "post nominals": "post nominals",
    "professional development": "continuing education professional development",
    # the American Library Association awards none itself; ALA-APA, its allied body, does
    "american library association": "ala apa",
    "ala": "ala apa",
}
"""A phrase people type (folded) and the catalog's words it also searches for."""

UNCOVERED: frozenset[str] = frozenset(
    (
        # kinds of libraries and work the catalog holds no credential for (yet): their words appear in it
        # in other senses (`library law`, an occupation title's `Medical`), so a match would only pretend
        *("law library", "law libraries", "law librarian", "law librarians", "legal librarian"),
        *("medical library", "medical libraries", "medical librarian", "medical librarians", "health sciences library"),
        *("health sciences librarian", "hospital library", "hospital librarian", "ahip"),
        *("music library", "music librarian", "art library", "art librarian", "map librarian"),
        *("book conservator", "conservator", "conservation", "bookbinding", "genealogist", "genealogy"),
        *("museum registrar", "registrar", "notary", "paralegal"),
        # a library system's own product and its administration: no vendor or systems credential is in the
        # catalog (`ils` alone still leads to the library-technology competencies)
        *("koha", "sirsi", "sirsidynix", "symphony", "polaris", "alma", "evergreen ils", "ex libris"),
        *("ils administrator", "ils admin", "ils administration", "systems librarian", "library systems administrator"),
    )
)
"""Phrases of specialties the catalog has nothing for: a query that names one is told so."""

FILLER_PHRASES: tuple[str, ...] = (
    "how long",  # how long it takes, how much it costs: `show` tells
    "how much",
    "how many",
    "how do i become",
    "how to become",
    "how do i get",
    "how can i get",
    "how do i",
    "how can i",
    "what do i need",
    "what certification do i need",
    "what certifications do i need",
    "what qualifications do i need",
    "what test do",
    "what exam do",
    "do i need",
    "next year",
    "this year",
    "i work at",
    "i work in",
    "i want to",
    "i would like to",
    "looking for",
    "is there",
    "are there",
    "which certification",
    "which certifications",
    "best certification",
    "where can i",
    # questions whether a degree is needed: what the person has is not said
    "do i need a degree",
    "need a degree",
    "need a college degree",
    "need a masters",
    "need an mls",
    "need an mlis",
    "require a degree",
    "requires a degree",
)
"""Words of questions and requests: they neither block nor steer a match."""

COST_WORDS = frozenset(
    (
        *("cheap", "cheaper", "cheapest", "affordable", "inexpensive", "low cost", "lowest cost"),
        *("least expensive", "free", "no cost", "free of charge"),
    )
)
"""Words that ask which costs least: no entry's text says it, so they are left out of the match, and search
says how to order by cost instead (--sort cost, --max-cost)."""

INSTEAD_WORDS = frozenset(("instead", "alternative", "alternatives", "rather"))
"""Words that ask what to get in place of the credential the query names: what the evidence points to
instead comes first, not the credential named."""
MOVE_WORDS = frozenset(("moving", "move", "moved", "relocating", "relocate", "relocated"))
"""Words of someone moving: a place after `to` is where they go, and the one that counts."""

STATUS_WORDS = frozenset(("discontinued", "deprecated", "defunct", "retired", "unconfirmed", "fake", "scam"))
REALITY_WORDS = frozenset(
    ("real", "legit", "legitimate", "exist", "exists", "still", "anymore", "nowadays", "actually")
)
"""Words that ask for credentials no one awards (any longer), or whether one is real: a query with one does
not put those no one awards last. The second are filler too (they are not looked for)."""

FILLER_WORDS = frozenset(
    (
        *("a", "an", "the", "of", "for", "in", "on", "to", "with", "by", "or", "and", "at", "as", "from"),
        *("how", "what", "which", "where", "who", "why", "when", "do", "does", "did", "i", "im", "my", "me"),
        *("can", "could", "should", "would", "will", "need", "needs", "want", "wants", "get", "getting", "become"),
        *("becoming", "is", "are", "be", "there", "any", "some", "best", "good", "find", "looking", "take"),
        *("takes", "have", "has", "pass", "earn", "doing", "work", "working", "job", "jobs", "career"),
        *("careers", "someone", "people", "person", "if", "dont", "don", "t", "s", "your", "you", "it's"),
        *("that", "this", "prove", "show", "am", "m", "toward", "towards", "count", "counts", "already"),
        *("employers", "employer", "first", "also", "just", "only", "really", "about", "into", "start"),
        *("usually", "typically", "normally", "generally", "commonly", "mostly", "currently"),
        *("whats", "difference", "between", "vs", "versus", "compare", "comparison", "better", "thing", "things"),
        *("go", "goes", "going", "guy", "gal", "folks", "someone's", "somebody", "our", "we", "they", "their"),
        *("says", "say", "said", "mentions", "preferred", "ad", "ads", "posting", "worth", "worthwhile"),
        *("here", "now", "raise", "promotion", "promoted", "salary", "resume", "cv"),  # where one stands,
        *("something", "anything", "much", "helps", "helping", "out"),  # what one hopes for; `how much`
        # what every entry says something about: `show` tells it for the credential found
        *("renewal", "renew", "renewing", "recertification", "cost", "costs", "fee", "fees", "price", "prices"),
        *("requirements", "requirement", "eligibility", "eligible", "info", "details", "nonmember", "nonmembers"),
        *("member", "members"),  # who pays which price: `compare --member` tells it
        *("required", "needed", "necessary"),  # `no masters required`: the education is the requirement
        *("qualify", "qualifies", "yrs", "yr"),  # `which do i qualify for with 5 yrs`: `eligible` tells
        *("prerequisite", "prerequisites", "prereq", "prereqs", "before", "apply", "applying"),  # `show` tells
        *("u", "ur", "pls", "plz", "thx", "im", "ive", "id"),  # text-speak
        *("so", "doesnt", "isnt", "arent", "wasnt", "didnt", "cant", "wont", "then", "like"),
        *REALITY_WORDS,  # they ask whether a credential is real, not which
        *MOVE_WORDS,  # where someone goes is the place named
        *INSTEAD_WORDS,  # what to get in place of the one named
    )
)
"""Single words that say nothing about which credential is meant (IT support is `it`: dropped only where it
is a pronoun, IT_PRONOUN_AFTER)."""

IT_PRONOUN_AFTER = frozenset(
    ("does", "do", "did", "is", "was", "get", "getting", "worth", "take", "takes", "pass", "renew", "need", "afford")
)
"""`it` after these words (`does it cost`, `is it worth it`), or last, is a pronoun, not information technology."""

EDUCATION_HELD: dict[str, str] = {
    # what a person has: credentials that education just opens come first, then those asking less
    "high school diploma": "high-school",
    "high school graduates": "high-school",
    "high school graduate": "high-school",
    "only a high school diploma": "high-school",
    "high school": "high-school",
    "ged": "high-school",
    "hs diploma": "high-school",
    "only a hs diploma": "high-school",
    "highschool": "high-school",
    "highschool diploma": "high-school",
    "with an associate degree": "associate",
    "associate degree": "associate",
    "bachelors degree": "bachelor",
}
"""Phrases that say what education the person has, and that level: a requirement the catalog can check."""

LACKING_WORDS = frozenset(("without", "no", "non", "never", "dont", "didnt", "havent", "hasnt", "lack", "lacking"))
"""Words that say the person lacks the education named after them (and `w/o`, which folds to two words)."""

MLS_WORDS = ("mls", "mlis")
"""What people call the graduate library degree: lacking it also looks for NON_MLS."""

LACKED_EDUCATION: dict[str, str] = {
    # an education named after a lacking word, and the most someone without it may have: a bound, not a
    # level held, so every credential that asks no more comes first alike
    **dict.fromkeys(("degree", "degrees", "college", "university", "uni", "bachelors", "bachelor"), "high-school"),
    **dict.fromkeys((*MLS_WORDS, "masters", "master", "graduate", "postgraduate"), "bachelor"),
}
"""`without a college degree`, `never went to college`, `dont have mls`: the lacking word, at most
LACKING_GAP words between, then the education (a graduate one says more than `degree` beside it)."""

HOLDING_WORDS = frozenset(("with", "have", "has", "hold", "holding", "got", "earned", "completed", "finished"))
"""Words that say the person has the education named after them (`with an MLIS`, `i have my mls`)."""

HELD_EDUCATION: dict[str, str] = {
    # an education named after a holding word, and its level: what it opens comes first
    **dict.fromkeys((*MLS_WORDS, "masters", "master"), "master"),
    **dict.fromkeys(("bachelors", "bachelor"), "bachelor"),
}
"""`with an MLIS`, `have my masters`: a holding word, at most HOLDING_GAP words between, then the education."""

HOLDING_GAP = frozenset(("a", "an", "my", "the", "already"))
"""Words that may stand between a holding word and the education it names."""

NON_MLS = "nonmls"
"""What the catalog calls staff without a graduate library degree (its topic `non-mls`): a query that says
the person lacks one looks for it too."""

LACKING_GAP = frozenset(
    ("a", "an", "any", "have", "had", "got", "get", "went", "go", "gone", "to", "finish", "finished")
)
"""Words that may stand between a lacking word and the education it names."""

_CITIES = """\
CA-ON: toronto, ottawa, hamilton, mississauga
CA-QC: montreal, quebec city
CA-BC: vancouver
CA-AB: calgary, edmonton
CA-MB: winnipeg
CA-SK: regina, saskatoon
CA-NS: halifax
CA-NB: fredericton, moncton
CA-PE: charlottetown
CA-NL: st johns, st john s
CA-YT: whitehorse
CA-NT: yellowknife
CA-NU: iqaluit
GB-WLS: cardiff, swansea
GB-SCT: edinburgh, glasgow
GB-NIR: belfast
GB-ENG: london, manchester, leeds, liverpool
IE: dublin, galway, limerick
AU-NSW: sydney
AU-VIC: melbourne
AU-QLD: brisbane
AU-WA: perth
AU-SA: adelaide
AU-TAS: hobart
AU-NT: darwin
AU-ACT: canberra
NZ: auckland, wellington, christchurch
US-NY: nyc, new york city
US-CA: los angeles, san francisco, san diego
US-IL: chicago, chicagoland
US-TX: houston, dallas, austin, san antonio
US-AZ: phoenix
US-PA: philadelphia, philly, pittsburgh
US-OH: columbus, cleveland, cincinnati
US-IN: indianapolis
US-MA: boston
US-WA: seattle
US-CO: denver
US-GA: atlanta
US-TN: nashville, memphis
US-MI: detroit
US-MN: minneapolis
US-NV: las vegas, vegas
US-NM: albuquerque, santa fe
US-KY: louisville
US-MD: baltimore
US-NC: raleigh
US-UT: salt lake city
US-ID: boise
US-NE: omaha
US-IA: des moines
US-WI: milwaukee
US-MO: st louis
US-LA: new orleans
US-FL: miami
US-SD: sioux falls
US-ND: fargo
US-AK: anchorage
US-HI: honolulu
US-NJ: newark
US-WY: cheyenne
US-MT: billings
US-OK: oklahoma city, tulsa
US-VT: montpelier
"""
"""Capitals and big cities, read as their state or province. A name two places share is left out
(portland, richmond, charleston, columbia, kansas city, birmingham, victoria), unless one is far the
better known (london is England's, sydney Australia's)."""

_NICKNAMES = """\
US-AL: yellowhammer state, heart of dixie
US-AK: last frontier
US-AZ: grand canyon state
US-AR: natural state
US-CA: golden state, cali, calif, socal, norcal
US-CO: centennial state
US-CT: constitution state, nutmeg state, conn
US-DE: first state
US-FL: sunshine state
US-GA: peach state
US-HI: aloha state
US-ID: gem state
US-IL: prairie state, land of lincoln
US-IN: hoosier state, hoosier
US-IA: hawkeye state, hawkeye
US-KS: sunflower state
US-KY: bluegrass state
US-LA: pelican state, nola
US-ME: pine tree state
US-MD: old line state
US-MA: bay state, mass
US-MI: great lakes state, wolverine state, mich
US-MN: north star state, gopher state, minn
US-MS: magnolia state
US-MO: show me state
US-MT: treasure state, big sky country
US-NE: cornhusker state, cornhusker
US-NV: silver state
US-NH: granite state
US-NJ: garden state, jersey
US-NM: land of enchantment
US-NY: empire state, nys
US-NC: tar heel state, tar heel, tarheel
US-ND: peace garden state
US-OH: buckeye state, buckeye
US-OK: sooner state
US-OR: beaver state
US-PA: keystone state, penna
US-RI: ocean state
US-SC: palmetto state
US-SD: mount rushmore state
US-TN: volunteer state
US-TX: lone star state
US-UT: beehive state
US-VT: green mountain state
US-VA: old dominion
US-WA: evergreen state
US-WV: mountain state
US-WI: badger state
US-WY: equality state, cowboy state
CA-SK: sask
GB-NIR: ni, northern irish
IE: republic of ireland, eire
US: the states, stateside
CA-NL: nfld
CA-PE: pei
CA-ON: ont
AU: down under
US-ME US-NH US-VT US-MA US-RI US-CT: new england
US-OH US-IN US-IL US-MI US-WI US-MN US-IA US-MO US-ND US-SD US-NE US-KS: midwest, the midwest
US-WA US-OR US-ID: pacific northwest
CA-NS CA-NB CA-PE CA-NL: atlantic canada, maritimes, the maritimes
CA-AB CA-SK CA-MB: prairies, the prairies
"""
"""States' nicknames, the short forms people write for places, and regions (several codes), read as the
place. A word that is also common English on its own (`sooner`, `badger`, `ill`, `miss`) counts only in
its phrase."""


def _table(text: str) -> dict[str, str]:
    """Each name of a table of `CODE: name, name` lines, and its code."""
    rows = (line.split(": ") for line in text.splitlines())
    return {name: code for code, names in rows for name in names.split(", ")}


CITIES: dict[str, str] = _table(_CITIES)
"""Each city and its state or province. A city is looked for in the entries' text too (a college names
its city), but never said to be missing from it."""

PLACE_WORDS: dict[str, str] = {
    # demonyms and common names of places: read like --region
    "american": "US",
    "usa": "US",
    "united states": "US",
    "us": "US",
    "u s": "US",
    "canadian": "CA",
    "british": "GB",
    "uk": "GB",
    "english": "GB-ENG",
    "welsh": "GB-WLS",
    "scottish": "GB-SCT",
    "irish": "IE",
    "australian": "AU",
    "aussie": "AU",
    "aus": "AU",
    "oz": "AU",
    "kiwi": "NZ",
    "new zealander": "NZ",
    "texan": "US-TX",
    "ohioan": "US-OH",
    "hoosier": "US-IN",
    "californian": "US-CA",
    "new yorker": "US-NY",
    "floridian": "US-FL",
    **_table(_NICKNAMES),
    **CITIES,
}
"""Words for places beyond their names and codes (places.py knows those)."""

NOT_PLACE_CODES = frozenset({"IT", "AI", "CE", "MS", "OR", "AS"})
"""ISO codes that, typed in capitals in a query, are more likely words (IT support, MS Office, CE credits):
a state or country written this way is not read as a place; its name is."""
