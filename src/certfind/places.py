"""ISO 3166 places: the codes a catalog's `region` holds, their names, and what `--region` accepts.

Pure and small: the table is parsed on first use. Countries are all of ISO 3166-1; subdivisions
(ISO 3166-2) are listed for the countries whose credentials the catalog covers by state or province.
A value given by a user resolves to one or more codes: `US-TX`, `TX` and `Texas` mean the same;
a two-letter value that is both a country and a US state (`IN`: India, Indiana) means both.
"""

from __future__ import annotations

import unicodedata
from functools import cache

_TABLE = """\
AD Andorra
AE United Arab Emirates
AF Afghanistan
AG Antigua and Barbuda
AI Anguilla
AL Albania
AM Armenia
AO Angola
AQ Antarctica
AR Argentina
AS American Samoa
AT Austria
AU Australia
AW Aruba
AX Åland Islands
AZ Azerbaijan
BA Bosnia and Herzegovina
BB Barbados
BD Bangladesh
BE Belgium
BF Burkina Faso
BG Bulgaria
BH Bahrain
BI Burundi
BJ Benin
BL Saint Barthélemy
BM Bermuda
BN Brunei Darussalam
BO Bolivia
BQ Bonaire, Sint Eustatius and Saba
BR Brazil
BS Bahamas
BT Bhutan
BV Bouvet Island
BW Botswana
BY Belarus
BZ Belize
CA Canada
CC Cocos (Keeling) Islands
CD Democratic Republic of the Congo
CF Central African Republic
CG Congo
CH Switzerland
CI Côte d'Ivoire
CK Cook Islands
CL Chile
CM Cameroon
CN China
CO Colombia
CR Costa Rica
CU Cuba
CV Cabo Verde
CW Curaçao
CX Christmas Island
CY Cyprus
CZ Czechia
DE Germany
DJ Djibouti
DK Denmark
DM Dominica
DO Dominican Republic
DZ Algeria
EC Ecuador
EE Estonia
EG Egypt
EH Western Sahara
ER Eritrea
ES Spain
ET Ethiopia
FI Finland
FJ Fiji
FK Falkland Islands
FM Micronesia
FO Faroe Islands
FR France
GA Gabon
GB United Kingdom
GD Grenada
GE Georgia
GF French Guiana
GG Guernsey
GH Ghana
GI Gibraltar
GL Greenland
GM Gambia
GN Guinea
GP Guadeloupe
GQ Equatorial Guinea
GR Greece
GS South Georgia and the South Sandwich Islands
GT Guatemala
GU Guam
GW Guinea-Bissau
GY Guyana
HK Hong Kong
HM Heard Island and McDonald Islands
HN Honduras
HR Croatia
HT Haiti
HU Hungary
ID Indonesia
IE Ireland
IL Israel
IM Isle of Man
IN India
IO British Indian Ocean Territory
IQ Iraq
IR Iran
IS Iceland
IT Italy
JE Jersey
JM Jamaica
JO Jordan
JP Japan
KE Kenya
KG Kyrgyzstan
KH Cambodia
KI Kiribati
KM Comoros
KN Saint Kitts and Nevis
KP North Korea
KR South Korea
KW Kuwait
KY Cayman Islands
KZ Kazakhstan
LA Laos
LB Lebanon
LC Saint Lucia
LI Liechtenstein
LK Sri Lanka
LR Liberia
LS Lesotho
LT Lithuania
LU Luxembourg
LV Latvia
LY Libya
MA Morocco
MC Monaco
MD Moldova
ME Montenegro
MF Saint Martin
MG Madagascar
MH Marshall Islands
MK North Macedonia
ML Mali
MM Myanmar
MN Mongolia
MO Macao
MP Northern Mariana Islands
MQ Martinique
MR Mauritania
MS Montserrat
MT Malta
MU Mauritius
MV Maldives
MW Malawi
MX Mexico
MY Malaysia
MZ Mozambique
NA Namibia
NC New Caledonia
NE Niger
NF Norfolk Island
NG Nigeria
NI Nicaragua
NL Netherlands
NO Norway
NP Nepal
NR Nauru
NU Niue
NZ New Zealand
OM Oman
PA Panama
PE Peru
PF French Polynesia
PG Papua New Guinea
PH Philippines
PK Pakistan
PL Poland
PM Saint Pierre and Miquelon
PN Pitcairn
PR Puerto Rico
PS Palestine
PT Portugal
PW Palau
PY Paraguay
QA Qatar
RE Réunion
RO Romania
RS Serbia
RU Russia
RW Rwanda
SA Saudi Arabia
SB Solomon Islands
SC Seychelles
SD Sudan
SE Sweden
SG Singapore
SH Saint Helena, Ascension and Tristan da Cunha
SI Slovenia
SJ Svalbard and Jan Mayen
SK Slovakia
SL Sierra Leone
SM San Marino
SN Senegal
SO Somalia
SR Suriname
SS South Sudan
ST Sao Tome and Principe
SV El Salvador
SX Sint Maarten
SY Syria
SZ Eswatini
TC Turks and Caicos Islands
TD Chad
TF French Southern Territories
TG Togo
TH Thailand
TJ Tajikistan
TK Tokelau
TL Timor-Leste
TM Turkmenistan
TN Tunisia
TO Tonga
TR Türkiye
TT Trinidad and Tobago
TV Tuvalu
TW Taiwan
TZ Tanzania
UA Ukraine
UG Uganda
UM United States Minor Outlying Islands
US United States
UY Uruguay
UZ Uzbekistan
VA Holy See
VC Saint Vincent and the Grenadines
VE Venezuela
VG British Virgin Islands
VI United States Virgin Islands
VN Viet Nam
VU Vanuatu
WF Wallis and Futuna
WS Samoa
YE Yemen
YT Mayotte
ZA South Africa
ZM Zambia
ZW Zimbabwe
US-AL Alabama
US-AK Alaska
US-AZ Arizona
US-AR Arkansas
US-CA California
US-CO Colorado
US-CT Connecticut
US-DE Delaware
US-DC District of Columbia
US-FL Florida
US-GA Georgia
US-HI Hawaii
US-ID Idaho
US-IL Illinois
US-IN Indiana
US-IA Iowa
US-KS Kansas
US-KY Kentucky
US-LA Louisiana
US-ME Maine
US-MD Maryland
US-MA Massachusetts
US-MI Michigan
US-MN Minnesota
US-MS Mississippi
US-MO Missouri
US-MT Montana
US-NE Nebraska
US-NV Nevada
US-NH New Hampshire
US-NJ New Jersey
US-NM New Mexico
US-NY New York
US-NC North Carolina
US-ND North Dakota
US-OH Ohio
US-OK Oklahoma
US-OR Oregon
US-PA Pennsylvania
US-RI Rhode Island
US-SC South Carolina
US-SD South Dakota
US-TN Tennessee
US-TX Texas
US-UT Utah
US-VT Vermont
US-VA Virginia
US-WA Washington
US-WV West Virginia
US-WI Wisconsin
US-WY Wyoming
US-AS American Samoa
US-GU Guam
US-MP Northern Mariana Islands
US-PR Puerto Rico
US-UM United States Minor Outlying Islands
US-VI United States Virgin Islands
CA-AB Alberta
CA-BC British Columbia
CA-MB Manitoba
CA-NB New Brunswick
CA-NL Newfoundland and Labrador
CA-NS Nova Scotia
CA-NT Northwest Territories
CA-NU Nunavut
CA-ON Ontario
CA-PE Prince Edward Island
CA-QC Quebec
CA-SK Saskatchewan
CA-YT Yukon
AU-ACT Australian Capital Territory
AU-NSW New South Wales
AU-NT Northern Territory
AU-QLD Queensland
AU-SA South Australia
AU-TAS Tasmania
AU-VIC Victoria
AU-WA Western Australia
GB-ENG England
GB-NIR Northern Ireland
GB-SCT Scotland
GB-WLS Wales
NZ-AUK Auckland
NZ-BOP Bay of Plenty
NZ-CAN Canterbury
NZ-CIT Chatham Islands Territory
NZ-GIS Gisborne
NZ-HKB Hawke's Bay
NZ-MBH Marlborough
NZ-MWT Manawatū-Whanganui
NZ-NSN Nelson
NZ-NTL Northland
NZ-OTA Otago
NZ-STL Southland
NZ-TAS Tasman
NZ-TKI Taranaki
NZ-WGN Wellington
NZ-WKO Waikato
NZ-WTC West Coast
"""

# Other names people use for a place.
_OTHER_NAMES = {
    "uk": "GB",
    "great britain": "GB",
    "britain": "GB",
    "usa": "US",
    "u.s.": "US",
    "u.s.a.": "US",
    "united states of america": "US",
    "america": "US",
    "aotearoa": "NZ",
    "washington dc": "US-DC",
    "washington d.c.": "US-DC",
    "newfoundland": "CA-NL",
    "pei": "CA-PE",
}


def fold(text: str) -> str:
    """Case, accents and spacing do not matter in a place name."""
    if text.isascii():
        return " ".join(text.casefold().split())
    text = unicodedata.normalize("NFKD", text.casefold())
    return " ".join("".join(c for c in text if not unicodedata.combining(c)).split())


@cache
def names() -> dict[str, str]:
    """Every code and its English name, countries first."""
    return dict(line.split(" ", 1) for line in _TABLE.splitlines())


@cache
def _lookup() -> dict[str, tuple[str, ...]]:
    """Folded code, short code or name -> the codes it may mean."""
    found: dict[str, list[str]] = {}

    def add(key: str, code: str) -> None:
        codes = found.setdefault(fold(key), [])
        if code not in codes:
            codes.append(code)

    for code, name in names().items():
        add(code, code)
        add(name, code)
        country, _, local = code.partition("-")
        if local and (country == "US" or len(local) == 2 or country in ("AU",)):
            add(local, code)  # TX, ON, NSW: the short forms people write
    for other, code in _OTHER_NAMES.items():
        add(other, code)
    return {key: tuple(codes) for key, codes in found.items()}


@cache
def _full_names() -> frozenset[str]:
    return frozenset([*(fold(name) for name in names().values()), *_OTHER_NAMES])


def is_place_name(phrase: str) -> bool:
    """Whether a folded phrase is a place's name (`texas`, `new south wales`, `uk`), not merely a code
    that is also a word (`in`, `me`, `or`)."""
    return phrase in _full_names()


def is_code(code: str) -> bool:
    return code in names()


def parse(value: str) -> tuple[str, ...]:
    """The codes a user's value means, or () when it names no known place."""
    return _lookup().get(fold(value), ())


def name(code: str) -> str:
    return names().get(code, code)


def describe(code: str) -> str:
    """`Texas, United States (US-TX)`, `Canada (CA)`."""
    country, _, local = code.partition("-")
    if local:
        return f"{name(code)}, {name(country)} ({code})"
    return f"{name(code)} ({code})"


def within(code: str, wanted: str) -> bool:
    """A place is within itself, and a subdivision within its country."""
    return code == wanted or code.startswith(wanted + "-")


def search_words(code: str) -> list[str]:
    """What search should find an entry of this place by: its name and, for a subdivision, its country."""
    country, _, local = code.partition("-")
    return [name(code), name(country)] if local else [name(code)]
