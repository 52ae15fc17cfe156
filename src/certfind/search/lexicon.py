"""Words as search sees them, the same for the index and for a query: folding, spellings, word families,
and the words and names an entry is found by. Pure: no I/O."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from functools import lru_cache

from certfind import occupations, places
from certfind.model import Certification
from certfind.store.layout import Indexer

# Search fields, in the order of their weight: where a query word is found says how much it counts.
# CONTEXT holds the names of an entry's places and the titles of its occupations: what it is near, not
# what it is about.
NAME, TOPIC, ISSUER, SUMMARY, REFUTED, CONTEXT = range(6)  # weighed by store.layout.WEIGHTS

# Exact-name kinds, in the order `resolve` tries them.
ID, ACRONYM, ALIAS, NAMED, CLAIMED = range(5)

# British and variant spellings folded to one form, per word; plurals people type of the field's nouns.
SPELLINGS = {
    "cataloguing": "cataloging",
    "catalogue": "catalog",
    "catalogues": "catalogs",
    "catalogued": "cataloged",
    "cataloguer": "cataloger",
    "organisation": "organization",
    "organisational": "organizational",
    "licence": "license",
    "licences": "licenses",
    "programme": "program",
    "programmes": "programs",
    "centre": "center",
    "analyse": "analyze",
    "digitisation": "digitization",
    "digitise": "digitize",
    "behaviour": "behavior",
    "colour": "color",
    "labour": "labor",
    "practise": "practice",
    "specialisation": "specialization",
    "archivists": "archivist",
    "technicians": "technician",
    "librarians": "librarian",
    "librarys": "library",  # the possessive typed without its apostrophe
    "techs": "technicians",
    "lib": "library",  # lib tech, lib assistant
}

STOPWORDS = frozenset(["a", "an", "and", "the", "of", "for", "in", "on", "to", "with", "by", "or", "at", "as", "from"])
"""Words too small to mean anything in a name. Common but meaningful words (`library`, `certified`) are
not dropped: their rarity makes them count less."""

GENERIC = frozenset(
    (
        *("program", "programs", "certification", "certifications", "certificate", "certificates", "credential"),
        *("credentials", "course", "courses", "training", "qualification", "qualifications", "award", "scheme"),
        *("certified", "certify", "certifying", "license", "licensed", "licensure", "cert", "certs"),
    )
)
"""Words every entry is about: they count a fraction of their rarity, so a missing one cannot sink a match."""

_WORD = re.compile(r"[^\W_]+(?:\+)*|\+")
_NON = re.compile(r"\bnon[\s-]+(?=[a-z])")


def fold(text: str) -> str:
    """Lowercase, strip accents, fold spellings; keep letters, digits and '+'; `non-mls` is one word."""
    return " ".join(folded_words(text))


def folded_words(text: str) -> Iterator[str]:
    """The words of `fold(text)`, without joining them (for the index, which wants them apart)."""
    if text.isascii():  # the usual case: NFKD changes nothing, there are no accents, casefold is lower
        text = text.lower()
    else:
        text = unicodedata.normalize("NFKD", text.casefold())
        text = "".join(c for c in text if not unicodedata.combining(c))
    if "non" in text:
        text = _NON.sub("non", text)
    words = _WORD.findall(text)
    return map(SPELLINGS.get, words, words)


_SUFFIXES = (
    *("ications", "ication", "icates", "icate", "ations", "ation", "ments", "ment", "ings", "ing", "ists", "ist"),
    *("ers", "er", "ied", "ies", "es", "ed", "s", "y"),
)
"""Longest first: `certified`, `certificate` and `certification` all end up `certif`; `library` and
`libraries` both `librar`."""

STEM = "~"
"""Prefix of the index keys that hold word families, beside the words themselves."""


@lru_cache(maxsize=1 << 16)  # a catalog repeats its words: each is stemmed once
def stem(word: str) -> str:
    """A light suffix stripper, so word families meet: manager/management, archivist/archives."""
    if word.endswith(_SUFFIXES):  # one C call rules out most words (codes, numbers, many names)
        for suffix in _SUFFIXES:
            if word.endswith(suffix) and len(word) - len(suffix) >= 4:
                word = word[: -len(suffix)]
                break
    return word[:-1] if word.endswith("e") and len(word) >= 5 else word


def stem_key(word: str) -> str:
    """The index key of a word's family: `~` and its stem."""
    return STEM + stem(word)


_DIGITS = frozenset("0123456789")


def fuzzy_word(word: str) -> bool:
    """Words typos are forgiven in; codes and numbers (`220-1201`, `25-4031`) must be typed as they are."""
    return not word.startswith(STEM) and _DIGITS.isdisjoint(word)


def entry_index(cert: Certification) -> tuple[list[set[str]], list[tuple[str, int]]]:
    """Per search field, the words of an entry; and (folded name, kind) of everything that names the entry
    exactly. Each name is folded once for both: folding text joined by spaces gives the folds of its parts
    joined by spaces."""
    ident, name, acronym = fold(cert.id), fold(cert.name), fold(cert.acronym)
    aliases = [fold(alias) for alias in cert.aliases]
    claimed = [fold(text) for text in cert.verification.claimed_names]
    label = " ".join(part for part in (name, acronym) if part) if cert.label != cert.name else name
    topics = ["" if cert.status == "active" else cert.status, *cert.topics, cert.category.replace("-", " "), cert.kind]
    if cert.exam:
        topics += cert.exam.codes
    context = [word for code in cert.region for word in places.search_words(code)]
    context += [occupations.title(code).partition(", Except")[0] for code in cert.occupations]
    words = [
        set(" ".join([ident, name, acronym, *aliases]).split()),
        set(folded_words(" ".join(topics))),  # one fold per field: a space never joins two words
        set(folded_words(cert.issuer)),
        set(folded_words(" ".join([cert.summary, *cert.eligibility, *(route.note for route in cert.requirements)]))),
        set(" ".join(claimed).split()) | set(folded_words(cert.verification.claimed)),  # what the article claims
        set(folded_words(" ".join(context))),
    ]
    named = [
        (ident, ID),
        (acronym, ACRONYM),
        *((alias, ALIAS) for alias in aliases),
        (name, NAMED),
        (label, NAMED),
        *((text, CLAIMED) for text in claimed),
    ]
    return words, list(dict.fromkeys((key, kind) for key, kind in named if key))


INDEXER = Indexer(entry_index, stem_key, fuzzy_word)
