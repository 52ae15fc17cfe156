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
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from certfind.model import Record

# Fields, in the order of their weight: where a query word is found says how much it counts.
NAME, TOPIC, ISSUER, SUMMARY = range(4)
FIELDS = 4
WEIGHTS = (1.0, 0.9, 0.75, 0.6)

FLOOR = 55.0
"""Results scoring below this are not shown: nonsense finds nothing."""

EXACT = 100.0

RESOLVE_ORDER = ("id", "acronym", "aliases", "name")
TRUST_ORDER = ("confirmed", "differs", "unverified", "not-found")
"""Between equally good matches, the better-verified entry comes first."""

STOPWORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "the",
        "of",
        "for",
        "in",
        "on",
        "to",
        "with",
        "by",
        "or",
        "at",
        "as",
        "from",
        "is",
        "are",
        "be",
        "certified",
        "certification",
        "certifications",
        "certificate",
        "program",
        "programme",
        "professional",
        "credential",
        "credentials",
    ]
)

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


def tokens(text: str) -> list[str]:
    return fold(text).split()


def expand(query: str) -> str:
    """The folded query plus the near-synonyms of any phrase it contains."""
    folded = fold(query)
    extra = [
        syn for phrase, syn in SYNONYMS.items() if re.search(rf"(?<![a-z0-9]){re.escape(phrase)}(?![a-z0-9])", folded)
    ]
    return " ".join([folded, *extra])


def entry_fields(rec: Record) -> tuple[list[str], list[str], list[str], list[str]]:
    """The text of one record, grouped by search field."""
    name = [rec["id"].replace("-", " "), rec["name"], rec.get("acronym", ""), *rec.get("aliases", ())]
    exam = rec.get("exam") or {}
    topic = [
        *rec.get("topics", ()),
        rec["category"].replace("-", " "),
        rec.get("kind", ""),
        rec.get("region", ""),
        *exam.get("codes", ()),
    ]
    issuer = [rec["issuer"]]
    summary = [rec["summary"]]
    return name, topic, issuer, summary


def names_of(rec: Record) -> list[str]:
    return [rec["id"], rec["name"], rec.get("acronym", ""), *rec.get("aliases", ())]


def build_index(records: Sequence[Record]) -> dict[str, Any]:
    """The search index of a catalog, as plain data."""
    phrases: dict[str, list[int]] = {}
    postings: dict[str, list[int]] = {}
    by_field: dict[str, dict[str, list[int]]] = {field: {} for field in RESOLVE_ORDER}
    for e, rec in enumerate(records):
        for field in RESOLVE_ORDER:
            value = rec.get(field) or ()
            for text in (value,) if isinstance(value, str) else value:
                at = by_field[field].setdefault(text.casefold().strip(), [])
                if not at or at[-1] != e:
                    at.append(e)
        for name in names_of(rec):
            key = fold(name)
            if key and (not phrases.get(key) or phrases[key][-1] != e):
                phrases.setdefault(key, []).append(e)
        for f, texts in enumerate(entry_fields(rec)):
            seen: set[str] = set()
            for text in texts:
                seen.update(tokens(text))
            for tok in seen:
                postings.setdefault(tok, []).append(e * FIELDS + f)
    trust = [TRUST_ORDER.index(rec["verification"]["status"]) for rec in records]
    return {"phrases": phrases, "postings": postings, "by_field": by_field, "trust": trust}


@dataclass(frozen=True, slots=True)
class Hit:
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
        for word in vocabulary:
            if word.startswith(token) and found.get(word, 0) < 90:
                found[word] = 90.0
    return list(found.items())


class Searcher:
    """Ranks the entries of one catalog against queries."""

    def __init__(self, index: dict[str, Any], size: int) -> None:
        self.phrases: dict[str, list[int]] = index["phrases"]
        self.postings: dict[str, list[int]] = index["postings"]
        self.by_field: dict[str, dict[str, list[int]]] = index["by_field"]
        self.trust: list[int] = index["trust"]
        self.vocabulary = list(self.postings)
        self.size = size

    def exact(self, query: str) -> list[int]:
        """Entries whose id, acronym, alias or name is the query (ignoring case and punctuation)."""
        return list(self.phrases.get(fold(query), ()))

    def search(self, query: str, limit: int | None = None) -> list[Hit]:
        words = expand(query).split()
        if not words:
            return []
        content = [w for w in dict.fromkeys(words) if w not in STOPWORDS] or list(dict.fromkeys(words))
        n_original = len([w for w in fold(query).split() if w not in STOPWORDS]) or len(content)
        best: dict[int, list[float]] = {}
        for q, word in enumerate(content):
            for token, similarity in _similar(word, self.vocabulary):
                for posting in self.postings[token]:
                    entry, field = divmod(posting, FIELDS)
                    value = similarity * WEIGHTS[field]
                    row = best.get(entry)
                    if row is None:
                        row = best[entry] = [0.0] * len(content)
                    row[q] = max(row[q], value)
        scores: dict[int, float] = {}
        for entry, row in best.items():
            # the user's own words must be covered; synonym words can only add
            own = sorted(row[:n_original], reverse=True)
            base = sum(own) / max(n_original, 1)
            bonus = max(row[n_original:], default=0.0)
            scores[entry] = max(base, min(bonus, base + 25.0) if n_original else bonus) if bonus else base
        for entry in self.exact(query):
            scores[entry] = EXACT + 10.0
        ranked = sorted(
            (Hit(e, round(min(s, EXACT), 1)) for e, s in scores.items() if s >= FLOOR),
            key=lambda h: (-h.score, self.trust[h.entry], h.entry),
        )
        return ranked[:limit] if limit else ranked


def resolve(searcher: Searcher, query: str) -> tuple[int | None, list[int]]:
    """SPEC order: id, acronym, alias, name (case-insensitively), then a fuzzy match.

    Returns (entry, []) when sure, else (None, candidates): ambiguous or near misses.
    """
    wanted = query.casefold().strip()
    for field in RESOLVE_ORDER:
        hits = searcher.by_field[field].get(wanted, [])
        if len(hits) == 1:
            return hits[0], []
        if len(hits) > 1:
            return None, hits
    exact = searcher.exact(query)
    if len(exact) == 1:
        return exact[0], []
    if len(exact) > 1:
        return None, exact
    ranked = searcher.search(query, limit=6)
    if not ranked:
        return None, []
    top = ranked[0]
    runner_up = ranked[1].score if len(ranked) > 1 else 0.0
    if top.score >= 85.0 and top.score - runner_up >= 8.0:
        return top.entry, []
    return None, [h.entry for h in ranked[:5]]
