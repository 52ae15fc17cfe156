"""Ranked, typo-tolerant search and name resolution over a store. Pure apart from rapidfuzz.

A query costs one rapidfuzz pass over the catalog's vocabulary per query word, one look-up of the
postings of the words it matched, and a few exact look-ups, never a pass over every entry.

Ranking, in order of precedence:
1. Trust first: credentials no one awards (verification `not-found`, or discontinued) come after
   every other match, unless the query names that entry exactly.
2. Score: each query word is matched (exactly, with typos, or by word family) and counts by where it
   is found (name 1.0, topics 0.9, issuer 0.75, summary 0.6, refuted names 0.35), weighted by how
   rare it is; near-synonyms of the field can stand in; a query whose words stand in order in a name,
   or cover more of it, gains a little; an exact id, acronym, alias or name scores 100.
3. Between equal scores, the better-verified entry.
A place name in the query (`Texas`, `Ontario`, `New South Wales`) restricts the results to that place.
"""

from __future__ import annotations

import math
import re
import unicodedata
from array import array
from bisect import bisect_left
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, NamedTuple

from certfind.model import Certification
from certfind.store.build import FIELDS, UNREAL_FLAG, Indexer

if TYPE_CHECKING:
    from certfind.store import Store

# Search fields, in the order of their weight: where a query word is found says how much it counts.
NAME, TOPIC, ISSUER, SUMMARY, REFUTED = range(FIELDS)
WEIGHTS = (1.0, 0.9, 0.75, 0.6, 0.35)

# Exact-name kinds, in the order `resolve` tries them.
ID, ACRONYM, ALIAS, NAMED, CLAIMED = range(5)
RESOLVE_ORDER = (ID, ACRONYM, ALIAS, NAMED, CLAIMED)

FLOOR = 55.0
"""Results scoring below this are not shown: nonsense finds nothing."""
EXACT = 100.0


STOPWORDS = frozenset(["a", "an", "and", "the", "of", "for", "in", "on", "to", "with", "by", "or", "at", "as", "from"])
"""Words too small to mean anything. Common but meaningful words (`library`, `certified`) are not
dropped: inverse document frequency makes them count less."""

PHRASE_BONUS = 6.0
"""Added when the query's words stand together, in order, in an entry's name (half in an alias)."""
SYNONYM_WEIGHT = 0.9
SYNONYM_LIFT = 15.0
"""A near-synonym counts a little less than the user's own word, and can lift a score only so far."""
NAME_COVERAGE_BONUS = 4.0
"""Up to this much more for covering more of the entry's name: a short name the query fills wins."""
RERANK = 20

# British and variant spellings folded to one form, per word.
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
}

# Near-synonyms and abbreviations of the field: a query phrase also searches for these words.
SYNONYMS: dict[str, str] = {
    "access services": "circulation",
    "lending": "circulation",
    "checkout": "circulation",
    "circ": "circulation",
    "records management": "records",
    "information management": "records information",
    "information governance": "records governance",
    "recordkeeping": "records",
    "record keeping": "records",
    "school librarian": "school library media",
    "teacher librarian": "school library media",
    "media specialist": "school library media",
    "metadata": "cataloging",
    "classification": "cataloging",
    "helpdesk": "it support hardware",
    "help desk": "it support hardware",
    "pc repair": "hardware",
    "computer repair": "hardware",
    "computers": "hardware it",
    "excel": "office",
    "word processing": "office",
    "spreadsheets": "office",
    "programmable logic": "automation control",
    "instrumentation": "automation control",
    "preservation": "archives preservation",
    "digital preservation": "archives digital",
    "library assistant": "library support staff",
    "library paraprofessional": "library support staff",
    "paraprofessional": "library support staff",
    "paralibrarian": "library support staff",
    "soldering": "electronics technician",
    "circuits": "electronics",
    "multimeter": "electronics",
    "director": "administrator",
    "mlis": "mls librarian master",
    "mls": "mls librarian master",
    "mlsi": "mls librarian master",
    "lis": "library information science",
}

# Abbreviations as library staff use them: the query means the words they stand for.
ABBREVIATIONS: dict[str, str] = {
    "lta": "library technician",  # library technical assistant: the US name of the same job
    "lit": "library information technician",
    "plc": "public librarian certification",
    "ce": "continuing education",
    "ceu": "continuing education",
    "ceus": "continuing education",
}

GENERIC = frozenset(
    (
        *("program", "programs", "certification", "certifications", "certificate", "certificates", "credential"),
        *("credentials", "course", "courses", "training", "qualification", "qualifications", "award", "scheme"),
    )
)
"""Words every entry is about: they count this much of their rarity, so a missing one cannot sink a match."""
GENERIC_WEIGHT = 0.35


def expand(folded: str) -> str:
    """The query with the field's abbreviations written out."""
    return " ".join(ABBREVIATIONS.get(word, word) for word in folded.split())


_WORD = re.compile(r"[a-z0-9]+(?:\+)*|\+")


def fold(text: str) -> str:
    """Lowercase, strip accents, fold spellings; keep letters, digits and '+'."""
    return " ".join(folded_words(text))


def folded_words(text: str) -> Iterator[str]:
    """The words of `fold(text)`, without joining them (for the index, which wants them apart)."""
    if text.isascii():  # the usual case: NFKD changes nothing, there are no accents, casefold is lower
        text = text.lower()
    else:
        text = unicodedata.normalize("NFKD", text.casefold())
        text = "".join(c for c in text if not unicodedata.combining(c))
    words = _WORD.findall(text)
    return map(SPELLINGS.get, words, words)


_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ists", "ist", "ers", "er", "ies", "es", "ed", "s")

STEM_SIMILARITY = 92.0
"""A word of the same family (manager for management) counts a little less than the word itself."""
STEM = "~"
"""Prefix of the index keys that hold stems, beside the words themselves."""


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


def synonyms(folded: str) -> list[str]:
    """The words of the near-synonyms of any phrase in an already folded query."""
    padded = f" {folded} "  # whole words only: fold() leaves single spaces between words
    return [word for phrase, syn in SYNONYMS.items() if f" {phrase} " in padded for word in syn.split()]


# --- what the store keeps for search -----------------------------------------------------------------


def entry_index(cert: Certification) -> tuple[list[set[str]], list[tuple[str, int]]]:
    """Per search field, the words of an entry (their stems are the store's to add); and (folded name,
    kind) of everything that names the entry exactly. Each name is folded once for both: folding text
    joined by spaces gives the folds of its parts joined by spaces."""
    ident, name, acronym = fold(cert.id), fold(cert.name), fold(cert.acronym)
    aliases = [fold(alias) for alias in cert.aliases]
    claimed = [fold(text) for text in cert.verification.claimed_names]
    label = " ".join(part for part in (name, acronym) if part) if cert.label != cert.name else name
    topics = ["" if cert.status == "active" else cert.status, *cert.topics, cert.category.replace("-", " "), cert.kind]
    if cert.exam:
        topics += cert.exam.codes
    if cert.region or cert.occupations:  # imported here: an import statement run for every entry costs
        from certfind import occupations, places

        topics += [word for code in cert.region for word in places.search_words(code)]
        topics += [occupations.title(code) for code in cert.occupations]
    words = [
        set(" ".join([ident, name, acronym, *aliases]).split()),
        set(folded_words(" ".join(topics))),  # one fold per field: a space never joins two words
        set(folded_words(cert.issuer)),
        set(folded_words(cert.summary)),
        set(" ".join(claimed).split()),
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


def entry_terms(cert: Certification) -> list[set[str]]:
    """Per search field, the index keys of an entry as the store holds them: its words and their stems."""
    words, _ = entry_index(cert)
    return [field | {stem_key(word) for word in field} for field in words]


def fuzzy_word(word: str) -> bool:
    """Words typos are forgiven in; codes and numbers (`220-1201`, `25-4031`) must be typed as they are."""
    return not word.startswith(STEM) and _DIGITS.isdisjoint(word)


_DIGITS = frozenset("0123456789")


def stem_alias(key: str) -> str | None:
    """For a stem key `~w` where w is its own stem, w: the word is then in the key's family, so when the store
    holds the word but not the key, the key was left out because its postings were the word's."""
    if key.startswith(STEM):
        word = key[len(STEM) :]
        if stem(word) == word:
            return word
    return None


INDEXER = Indexer(entry_index, stem_key, fuzzy_word, stem_alias)


# --- searching ------------------------------------------------------------------------------------------


class Hit(NamedTuple):
    entry: int
    score: float
    unreal: bool = False  # no one awards it: listed after every real match


def max_edits(token: str) -> int:
    """Short words must match exactly; longer ones may carry one typo, long ones two."""
    if len(token) <= 3:
        return 0
    return 1 if len(token) <= 5 else 2


EDIT_SIMILARITY = (100.0, 90.0, 80.0)
"""How much a word a given number of edits away counts: every one-letter typo alike, so that which
entry wins is decided by the rest of the query and the names, not by the kind of typo."""
PREFIX_SIMILARITY = 90.0


class Searcher:
    """Ranks the entries of one store against queries."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.vocabulary = store.vocabulary()
        self.flags = store.flags

    def _similar(self, token: str) -> list[tuple[str, float]]:
        vocabulary = self.vocabulary
        found = {token: 100.0}
        i = bisect_left(vocabulary, token)
        known = i < len(vocabulary) and vocabulary[i] == token
        edits = 0 if known else max_edits(token)  # a word the catalog uses is no typo
        if edits:  # rapidfuzz is loaded only when a word may be a typo
            from rapidfuzz import process
            from rapidfuzz.distance import Levenshtein

            for match, distance, _ in process.extract(
                token, vocabulary, scorer=Levenshtein.distance, score_cutoff=edits, limit=None
            ):
                if match[0] == token[0]:  # people rarely mistype the first letter: `mlis` is no typo of `lis`
                    found[match] = max(found.get(match, 0.0), EDIT_SIMILARITY[int(distance)])
        if len(token) >= 4:  # a word the user has not finished: `catalog` finds `cataloging`
            while i < len(vocabulary) and vocabulary[i].startswith(token):
                found[vocabulary[i]] = max(found.get(vocabulary[i], 0.0), PREFIX_SIMILARITY)
                i += 1
        return list(found.items())

    def postings(self, keys: Iterable[str]) -> dict[str, array[int]]:
        """The postings of index keys; a stem key the store left out reads its word's (see stem_alias)."""
        wanted = list(dict.fromkeys(keys))
        aliases = {key: word for key in wanted if (word := stem_alias(key)) is not None}
        found = self.store.postings([*wanted, *aliases.values()])
        for key, word in aliases.items():
            if key not in found and word in found:
                found[key] = found[word]
        return found

    def exact(self, query: str) -> list[int]:
        """Entries whose id, acronym, alias, name or a claimed name is the query (ignoring case and punctuation)."""
        key = fold(query)
        return list(dict.fromkeys(n for _, n in self.store.named(key))) if key else []

    def places(self, folded: str) -> tuple[list[str], str]:
        """The places a query names (whole names, longest first) and the query without them."""
        from certfind import places

        words = folded.split()
        codes: list[str] = []
        kept: list[str] = []
        i = 0
        while i < len(words):
            for size in range(min(4, len(words) - i), 0, -1):
                phrase = " ".join(words[i : i + size])
                meant = places.parse(phrase) if places.is_place_name(phrase) else ()
                if meant:
                    codes += meant
                    i += size
                    break
            else:
                kept.append(words[i])
                i += 1
        return codes, " ".join(kept)

    def search(self, query: str, limit: int | None = None, allowed: set[int] | None = None) -> list[Hit]:
        folded = fold(query)
        exact = self.exact(query)
        codes, rest = self.places(folded) if not exact else ([], folded)
        if codes:  # a place named in the query: what is awarded there, not nationwide
            from certfind.store.queries import places as places_sql

            sql, args = places_sql(codes, nationwide=False)
            inside = {int(n) for (n,) in self.store.query(sql, args)}
            allowed = inside if allowed is None else allowed & inside
            if not rest.split():  # only a place: everything there
                scores = dict.fromkeys(sorted(allowed), EXACT)
                return self._ranked(scores, set(), limit)
        scores, own, covered = self._scores(rest)
        if allowed is not None:
            scores = {e: s for e, s in scores.items() if e in allowed}
        self._rerank(scores, own, covered)
        for entry in exact:
            if allowed is None or entry in allowed:
                scores[entry] = EXACT + 10.0
        return self._ranked(scores, set(exact), limit)

    def _ranked(self, scores: dict[int, float], named: set[int], limit: int | None) -> list[Hit]:
        flags = self.flags

        def unreal(e: int) -> bool:
            return bool(flags[e] & UNREAL_FLAG) and e not in named

        order = sorted(
            (e for e, s in scores.items() if s >= FLOOR),
            key=lambda e: (unreal(e), -scores[e], flags[e] & ~UNREAL_FLAG, e),
        )
        chosen = order[:limit] if limit else order
        return [Hit(e, round(min(scores[e], EXACT), 1), unreal(e)) for e in chosen]

    def _scores(self, folded: str) -> tuple[dict[int, float], list[str], set[str]]:
        """Each matching entry's score before the rerank, the words that scored, and what they matched."""
        # a lone letter or a stopword says nothing; `a+` and `it` do
        own = [w for w in dict.fromkeys(expand(folded).split()) if w not in STOPWORDS and len(w) > 1]
        if not own:
            return {}, [], set()
        near = [w for w in dict.fromkeys(synonyms(folded)) if w not in own]
        scores, covered, real = self._score_words(own, near)
        if not real and near:  # the user's words name nothing real: the field's own words stand in
            scores, covered, _ = self._score_words(near, [])
            scores = {e: SYNONYM_WEIGHT * v for e, v in scores.items()}
            own = near
        return scores, own, covered

    def _score_words(self, own: list[str], near: list[str]) -> tuple[dict[int, float], set[str], bool]:
        """Scores of the entries the words match; the index keys they matched well (typos of one letter,
        unfinished words, word families), for the rerank; and whether any own word matched a real entry."""
        words = own + near
        candidates = [
            [*self._similar(word), (STEM + stem(word), STEM_SIMILARITY)] if fuzzy_word(word) else [(word, 100.0)]
            for word in words
        ]
        postings = self.postings(token for found in candidates for token, _ in found)
        best: dict[int, list[float]] = {}
        weight = []
        covered = {token for found in candidates[: len(own)] for token, sim in found if sim >= EDIT_SIMILARITY[1]}
        real = False
        for q, found in enumerate(candidates):
            matched: set[int] = set()
            for token, similarity in found:
                for posting in postings.get(token, ()):
                    entry, field = divmod(posting, FIELDS)
                    matched.add(entry)
                    value = similarity * WEIGHTS[field]
                    row = best.get(entry)
                    if row is None:
                        row = best[entry] = [0.0] * len(words)
                    row[q] = max(row[q], value)
            if q < len(own) and any(not self.flags[e] & UNREAL_FLAG for e in matched):
                real = True
            # rarer words say more about what the user wants (inverse document frequency);
            # a word found nowhere is weighed like an average word below, not as the rarest
            rarity = math.log(1.0 + self.store.size / (1.0 + len(matched))) if matched else -1.0
            weight.append(rarity * GENERIC_WEIGHT if matched and words[q] in GENERIC else rarity)
        n = len(own)
        found_weights = [w for w in weight[:n] if w >= 0] or [1.0]
        weight = [w if w >= 0 else sum(found_weights) / len(found_weights) for w in weight]
        total_weight = sum(weight[:n])
        scores: dict[int, float] = {}
        for entry, row in best.items():
            base = sum(w * v for w, v in zip(weight[:n], row[:n], strict=True)) / total_weight
            bonus = SYNONYM_WEIGHT * max(row[n:], default=0.0)  # a near-synonym can stand in for the user's words
            scores[entry] = max(base, min(bonus, base + SYNONYM_LIFT))
        return scores, covered, real

    def _rerank(self, scores: dict[int, float], own: list[str], covered: set[str]) -> None:
        """Among the best, a name the query's words fill (typos forgiven), or stand in order in, gains a little."""
        phrase = " ".join(own)
        top = sorted(scores, key=scores.__getitem__, reverse=True)[:RERANK]
        for found in self.store.entries(top):
            entry, cert = found.n, found.cert
            canonical = fold(cert.name)
            aliases = " | ".join(fold(a) for a in cert.aliases)
            name_words = [w for w in canonical.split() if w not in STOPWORDS]
            if name_words:
                filled = sum(1 for w in name_words if w in covered or STEM + stem(w) in covered)
                scores[entry] += NAME_COVERAGE_BONUS * filled / len(name_words)
            if len(own) < 2:
                continue
            from rapidfuzz import fuzz

            if fuzz.partial_ratio(phrase, canonical) >= 90:
                scores[entry] += PHRASE_BONUS
            elif aliases and fuzz.partial_ratio(phrase, aliases) >= 90:
                scores[entry] += PHRASE_BONUS / 2


# --- resolving a name ------------------------------------------------------------------------------------


class Resolution(NamedTuple):
    """The entry a name means, or else candidates: `ambiguous` (several fit equally) or near misses."""

    entry: int | None
    candidates: tuple[int, ...] = ()
    ambiguous: bool = False


SURE_SCORE = 85.0
SURE_MARGIN = 8.0


def resolve(searcher: Searcher, query: str) -> Resolution:
    """SPEC order: id, acronym, alias, name, claimed name (ignoring case and punctuation), then a fuzzy
    match, taken only when it is strong and clearly ahead of the next one."""
    named = searcher.store.named(fold(query)) if fold(query) else []
    for kind in RESOLVE_ORDER:
        hits = list(dict.fromkeys(n for k, n in named if k == kind))
        if len(hits) == 1:
            return Resolution(hits[0])
        if len(hits) > 1:
            return Resolution(None, tuple(hits), ambiguous=True)
    ranked = searcher.search(query, limit=6)
    if not ranked:
        return Resolution(None, tuple(_near_codes(searcher, fold(query).replace(" ", ""))))
    top = ranked[0]
    runner_up = ranked[1].score if len(ranked) > 1 else 0.0
    if top.score >= SURE_SCORE and top.score - runner_up >= SURE_MARGIN:
        return Resolution(top.entry)
    # every word found as typed, by several entries alike: ambiguous; otherwise the user mistyped
    tied = top.score >= EXACT and top.score - runner_up < SURE_MARGIN
    return Resolution(None, tuple(h.entry for h in ranked[:5]), ambiguous=tied)


def _near_codes(searcher: Searcher, wanted: str) -> list[int]:
    """Ids and acronyms one or two letters away (`lsc` -> LSSC), for a did-you-mean."""
    from rapidfuzz import fuzz, process

    if not wanted:
        return []
    keys: dict[str, list[int]] = {}
    for key, n in searcher.store.all_name_keys([ID, ACRONYM]):
        keys.setdefault(key.replace(" ", ""), []).append(n)
    found = process.extract(wanted, list(keys), scorer=fuzz.ratio, score_cutoff=70, limit=5)
    found.sort(key=lambda match: -match[1])
    return list(dict.fromkeys(e for code, _, _ in found for e in keys[code]))[:5]
