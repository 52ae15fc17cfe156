"""Ranked, typo-tolerant search and name resolution. Pure apart from rapidfuzz.

The index is plain data (dicts and lists of str/int), built once per catalog and cacheable:
- `phrases`: each normalised id / acronym / alias / name -> entry numbers (exact tier),
- `postings`: each token -> [entry * FIELDS + field] (where the token occurs),
so a query costs one rapidfuzz pass over the vocabulary per query word, plus its postings,
not a pass over every entry.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Sequence
from typing import NamedTuple

from certfind.index import Index, Table, key_of
from certfind.model import Record

# Fields, in the order of their weight: where a query word is found says how much it counts.
NAME, TOPIC, ISSUER, SUMMARY = range(4)
FIELDS = 4
WEIGHTS = (1.0, 0.9, 0.75, 0.6)

FLOOR = 55.0
"""Results scoring below this are not shown: nonsense finds nothing."""

EXACT = 100.0

RESOLVE_ORDER = ("id", "acronym", "aliases", "name", "claimed_names")
TRUST_ORDER = ("confirmed", "differs", "unverified", "not-found")
"""Between equally good matches, the better-verified entry comes first."""

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
    "programme": "program",
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
}

# Near-synonyms of the field: a query phrase also searches for these words.
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
    "plc": "automation control",
    "instrumentation": "automation control",
    "preservation": "archives preservation",
    "digital preservation": "archives digital",
    "library assistant": "library support staff",
    "library paraprofessional": "library support staff",
    "paraprofessional": "library support staff",
}

_WORD = re.compile(r"[a-z0-9]+(?:\+)*|\+")


def fold(text: str) -> str:
    """Lowercase, strip accents, fold spellings; keep letters, digits and '+'."""
    text = unicodedata.normalize("NFKD", text.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(SPELLINGS.get(w, w) for w in _WORD.findall(text))


_SUFFIXES = ("ations", "ation", "ments", "ment", "ings", "ing", "ists", "ist", "ers", "er", "ies", "es", "ed", "s")


STEM_SIMILARITY = 92.0
"""A word of the same family (manager for management) counts a little less than the word itself."""
STEM = "~"
"""Prefix of the index keys that hold stems, beside the words themselves."""


def stem(word: str) -> str:
    """A light suffix stripper, so word families meet: manager/management, archivist/archives."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith("e") and len(word) >= 5 else word


def tokens(text: str) -> list[str]:
    return fold(text).split()


def synonyms(folded: str) -> list[str]:
    """The words of the near-synonyms of any phrase in an already folded query."""
    padded = f" {folded} "  # whole words only: fold() leaves single spaces between words
    return [word for phrase, syn in SYNONYMS.items() if f" {phrase} " in padded for word in syn.split()]


def entry_fields(rec: Record) -> tuple[list[str], list[str], list[str], list[str]]:
    """The text of one record, grouped by search field."""
    from certfind import places

    name = [rec["id"].replace("-", " "), rec["name"], rec.get("acronym", ""), *rec.get("aliases", ())]
    exam = rec.get("exam") or {}
    topic = [
        "" if rec.get("status", "active") == "active" else rec["status"],
        *rec.get("topics", ()),
        rec["category"].replace("-", " "),
        rec.get("kind", ""),
        *(word for code in rec.get("region", ()) for word in places.search_words(code)),
        *exam.get("codes", ()),
    ]
    issuer = [rec["issuer"]]
    summary = [rec["summary"], *(rec.get("verification") or {}).get("claimed_names", ())]
    return name, topic, issuer, summary


def names_of(rec: Record) -> list[str]:
    claimed = (rec.get("verification") or {}).get("claimed_names", ())
    return [rec["id"], rec["name"], rec.get("acronym", ""), *rec.get("aliases", ()), *claimed]


def build_index(records: Sequence[Record]) -> Index:
    """The search and resolution index of a catalog."""
    phrases: dict[str, list[int]] = {}
    words: dict[str, list[int]] = {}
    fields: dict[str, dict[str, list[int]]] = {field: {} for field in RESOLVE_ORDER}

    def add(mapping: dict[str, list[int]], key: str, value: int) -> None:
        at = mapping.setdefault(key, [])
        if not at or at[-1] != value:
            at.append(value)

    for e, rec in enumerate(records):
        for field in RESOLVE_ORDER:
            value = (rec.get("verification") or {}).get(field) if field == "claimed_names" else rec.get(field)
            value = value or ()
            for text in (value,) if isinstance(value, str) else value:
                add(fields[field], key_of(text), e)
        for name in names_of(rec):
            if key := fold(name):
                add(phrases, key, e)
        for f, texts in enumerate(entry_fields(rec)):
            seen = {tok for text in texts for tok in tokens(text)}
            seen.update([STEM + stem(tok) for tok in seen])
            for tok in sorted(seen):
                add(words, tok, e * FIELDS + f)
    table = Table.build(words)
    return Index(
        size=len(records),
        words=table,
        surface_words=bisect_left(table.keys, STEM),
        phrases=Table.build(phrases),
        fields={field: Table.build(mapping) for field, mapping in fields.items()},
        trust=bytes(TRUST_ORDER.index((rec.get("verification") or {}).get("status", "unverified")) for rec in records),
        names=[fold(rec["name"]) + "\n" + " | ".join(fold(n) for n in rec.get("aliases", ())) for rec in records],
    )


class Hit(NamedTuple):
    entry: int
    score: float


def _cutoff(token: str) -> float:
    """Short words must match exactly; longer ones may carry a typo or two."""
    if len(token) <= 3:
        return 100.0
    if len(token) <= 5:
        return 79.0
    return 74.0


def _similar(token: str, vocabulary: list[str]) -> list[tuple[str, float]]:
    from rapidfuzz import fuzz, process

    cutoff = _cutoff(token)
    found = {m: s for m, s, _ in process.extract(token, vocabulary, scorer=fuzz.ratio, score_cutoff=cutoff, limit=None)}
    if len(token) >= 4:  # a word the user has not finished: `catalog` finds `cataloging`
        i = bisect_left(vocabulary, token)
        while i < len(vocabulary) and vocabulary[i].startswith(token):
            if found.get(vocabulary[i], 0) < 90:
                found[vocabulary[i]] = 90.0
            i += 1
    return list(found.items())


class Searcher:
    """Ranks the entries of one catalog against queries."""

    def __init__(self, index: Index) -> None:
        self.index = index
        self.vocabulary = list(index.words.keys[: index.surface_words])

    def exact(self, query: str) -> list[int]:
        """Entries whose id, acronym, alias or name is the query (ignoring case and punctuation)."""
        return list(self.index.phrases.get(fold(query)))

    def search(self, query: str, limit: int | None = None) -> list[Hit]:
        import math

        folded = fold(query)
        # a lone letter or a stopword says nothing; `a+` and `it` do
        own = [w for w in dict.fromkeys(folded.split()) if w not in STOPWORDS and len(w) > 1]
        if not own:
            return []
        words = own + [w for w in dict.fromkeys(synonyms(folded)) if w not in own]
        best: dict[int, list[float]] = {}
        weight = []
        for q, word in enumerate(words):
            matched: set[int] = set()
            family = [(STEM + stem(word), STEM_SIMILARITY)]
            for token, similarity in _similar(word, self.vocabulary) + family:
                for posting in self.index.words.get(token):
                    entry, field = divmod(posting, FIELDS)
                    matched.add(entry)
                    value = similarity * WEIGHTS[field]
                    row = best.get(entry)
                    if row is None:
                        row = best[entry] = [0.0] * len(words)
                    row[q] = max(row[q], value)
            # rarer words say more about what the user wants (inverse document frequency);
            # a word found nowhere is weighed like an average word below, not as the rarest
            weight.append(math.log(1.0 + self.index.size / (1.0 + len(matched))) if matched else -1.0)
        n = len(own)
        found = [w for w in weight[:n] if w >= 0] or [1.0]
        weight = [w if w >= 0 else sum(found) / len(found) for w in weight]
        total_weight = sum(weight[:n])
        scores: dict[int, float] = {}
        for entry, row in best.items():
            base = sum(w * v for w, v in zip(weight[:n], row[:n], strict=True)) / total_weight
            bonus = SYNONYM_WEIGHT * max(row[n:], default=0.0)  # a near-synonym can stand in for the user's words
            scores[entry] = max(base, min(bonus, base + SYNONYM_LIFT))
        if n > 1:
            from rapidfuzz import fuzz

            phrase = " ".join(own)
            query_stems = {stem(w) for w in own}
            for entry in sorted(scores, key=scores.__getitem__, reverse=True)[:RERANK]:
                canonical, aliases = self.index.canonical(entry), self.index.aliases(entry)
                name_stems = {stem(w) for w in canonical.split() if w not in STOPWORDS}
                if name_stems:
                    scores[entry] += NAME_COVERAGE_BONUS * len(query_stems & name_stems) / len(name_stems)
                if fuzz.partial_ratio(phrase, canonical) >= 90:
                    scores[entry] += PHRASE_BONUS
                elif aliases and fuzz.partial_ratio(phrase, aliases) >= 90:
                    scores[entry] += PHRASE_BONUS / 2
        for entry in self.exact(query):
            scores[entry] = EXACT + 10.0
        order = sorted((e for e, s in scores.items() if s >= FLOOR), key=lambda e: (-scores[e], self.index.trust[e], e))
        return [Hit(e, round(min(scores[e], EXACT), 1)) for e in (order[:limit] if limit else order)]


class Resolution(NamedTuple):
    """The entry a name means, or else candidates: `ambiguous` (several fit equally) or near misses."""

    entry: int | None
    candidates: tuple[int, ...] = ()
    ambiguous: bool = False


SURE_SCORE = 85.0
SURE_MARGIN = 8.0


def resolve(searcher: Searcher, query: str) -> Resolution:
    """SPEC order: id, acronym, alias, name (case-insensitively), then a fuzzy match.

    A fuzzy match is taken only when it is strong and clearly ahead of the next one.
    """
    wanted = key_of(query)
    for field in RESOLVE_ORDER:
        hits = searcher.index.fields[field].get(wanted)
        if len(hits) == 1:
            return Resolution(hits[0])
        if len(hits) > 1:
            return Resolution(None, tuple(hits), ambiguous=True)
    exact = searcher.exact(query)
    if len(exact) == 1:
        return Resolution(exact[0])
    if len(exact) > 1:
        return Resolution(None, tuple(exact), ambiguous=True)
    ranked = searcher.search(query, limit=6)
    if not ranked:
        return Resolution(None, tuple(_near_codes(searcher, wanted)))
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

    tables = (searcher.index.fields["id"], searcher.index.fields["acronym"])
    found = []
    for table in tables:
        found += process.extract(wanted, list(table.keys), scorer=fuzz.ratio, score_cutoff=70, limit=5)
    found.sort(key=lambda match: -match[1])
    entries = [e for code, _, _ in found for table in tables for e in table.get(code)]
    return list(dict.fromkeys(entries))[:5]
