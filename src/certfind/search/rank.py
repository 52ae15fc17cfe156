"""Ranked, typo-tolerant search over a store: what a query finds, best first, with bounded work.

A query is read into concepts, places and an education level (query.py). Each concept's words become index
keys: the word, its typos (one edit up to seven letters, two beyond, a swapped pair of letters being one;
never the first letter, never a word the catalog or the vocabulary already knows), unfinished words, and
its word family. SQLite's FTS5 then ranks every entry that has any of those keys by bm25 over the fields,
weighted by field, and hands back only the best few (CANDIDATES per result asked for): a query that matches
more costs no more in Python.

Those candidates are scored 0-100 here, in order of precedence:
1. Trust first: credentials no one awards (verification `not-found`, or no longer awarded) come after every
   other match, unless the query names that entry exactly, alone or among other words (NAMED_BONUS).
2. Place: when the query names a place, what can be earned there (awarded there, nationwide in its country,
   or open anywhere) comes before what is awarded elsewhere; among it, a good match awarded in the very
   place named (HOME_SHARE) comes before what is open more widely.
3. Score: each concept counts by how rare its words are (IDF, capped) and where they are found (name 1.0,
   topics 0.9, issuer 0.75, summary and eligibility 0.6, refuted names 0.35, places and occupations 0.3); the
   vocabulary's words for a concept can stand in for the user's own; a concept no entry mentions is left
   out and named on stderr (`non` before such a word asks for what is not it); when only words every
   entry is about (`certification`) are left, nothing matched. A name the query's words
   fill, or stand in order in, gains a little; so do entries awarded in the very place named, or naming
   the city named, and entries whose recorded requirements the education the query mentions meets (most,
   those it just meets: what that education opens), and an entry whose acronym or one-word alias stands
   in the query. An exact id, acronym, alias or name scores 100.
   Matches far below the best are not shown; what can be earned in a place the query names is measured
   against the best match there.
4. Between equal scores, the better-verified entry, then the catalog's order.
"""

import math
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from typing import NamedTuple

from certfind.model import EDUCATION, Certification, Entry
from certfind.search.lexicon import (
    GENERIC,
    ID,
    NAME,
    STEM,
    STOPWORDS,
    fold,
    fuzzy_word,
    stem,
    stem_key,
)
from certfind.search.query import Concept, Query, parse
from certfind.search.vocabulary import REALITY_WORDS, STATUS_WORDS, TERMS
from certfind.store import Candidate, Store
from certfind.store.layout import UNREAL_FLAG, WEIGHTS
from certfind.store.queries import COLUMNS, Within

EXACT = 100.0
FLOOR = 30.0
"""Candidates scoring below this are not shown: a weak match of one word among several is noise."""
RELATIVE_FLOOR = 0.6
"""Nor are those scoring below this share of the best one: what the query asks for is where the best are."""
CANDIDATES = 4
"""FTS5 hands over this many candidates per result asked for (at least MIN_CANDIDATES) for scoring here."""
MIN_CANDIDATES = 40
RANKED_UP_TO = 2_000
"""FTS5 ranks the matches with bm25 (which reads every one) only when the query's keys have at most this
many entries between them; beyond, candidates are taken field by field, best query first, with bounded
work (Store.first_candidates), and scored here as always."""
EXHAUSTIVE_UP_TO = 5_000
"""In a catalog up to this size every match is scored and counted; in a bigger one only FTS5's best
candidates are (CANDIDATES per result asked for), and how many matched in all is not known."""
UNREAL_NAMED = 7
"""At most this many matches no one awards are looked for, to name them after the real ones."""
GENERIC_WEIGHT = 0.2
"""Words every entry is about count this much of their rarity, so a missing one cannot sink a match."""
MAX_WEIGHT = 2.5
"""A word's weight is its rarity (IDF), up to this: a rare word that only qualifies what the query asks
for (`student`, `volunteer`) cannot outweigh the rest of it."""
EDIT_SIMILARITY = (100.0, 90.0, 80.0)
"""How much a word a given number of edits away counts: every one-letter typo alike."""
PREFIX_SIMILARITY = 90.0
STEM_SIMILARITY = 92.0
"""A word of the same family (manager for management) counts a little less than the word itself."""
PHRASE_BONUS = 6.0
"""Added when the query's words stand together, in order, in an entry's name or are one of its topics
(half when they stand in an alias or a topic)."""
NAME_COVERAGE_BONUS = 4.0
"""Up to this much more for covering more of the entry's name: a short name the query fills wins."""
PLACE_BONUS = 15.0
"""Awarded in the very place the query names (not only nationwide or anywhere)."""
CITY_BONUS = 20.0
"""Added when an entry names the city the query names (a college in it), beside the state it stands for."""
HOME_SHARE = 0.6
"""A match awarded in the very place the query names comes before those open more widely when it scores at
least this share of the best of them: who names New Zealand wants New Zealand's own credential first."""
PLACE_ONLY = 60.0
"""A query that is only a place: what can be earned there but is not awarded there itself scores this."""
EDUCATION_FIT = 5.0
"""Up or down by this much when the education the query mentions meets, or cannot meet, the requirements."""
LOCAL_PENALTY = 3.0
"""A query that names no place: credentials awarded in one state or province come a little after those
open anywhere or across a country, for the same words."""
NEGATED_PENALTY = 10.0
"""A credential whose name has what the query says it is not (`non director`) comes after those that do not."""
SPECIALTY_PENALTY = 5.0
"""A credential that can only be earned by holding another one (a specialty) comes after it for the same words."""
NAME_TYPO_RATIO = 95.0
"""How alike (rapidfuzz's ratio) a run of the query's words and a name of several words must be to name it:
one typo in a name of twenty letters or more (`certifed academic library technician`)."""
NAMED_BONUS = 15.0
"""A credential the query names within other words is what it asks about, and gains this: by its acronym or a
one-word alias (`job ad says LSSC preferred`), or, when no one awards it, by any of its names or the names
the evidence refutes (`is the ALA certified library technician real`), which also keeps it from being put
last. A query that asks what to get instead (`CLT doesn't exist, what instead`) lifts what the evidence
points to in its place, and not the credential named."""


class Hit(NamedTuple):
    entry: int
    score: float  # 0-100, as shown
    unreal: bool = False  # no one awards it: listed after every real match
    elsewhere: bool = False  # awarded only outside the places the query names
    rank: float = 0.0  # the score before it is capped at 100: bonuses still tell apart full matches
    local: bool = False  # awarded in the very place the query names


class Found(NamedTuple):
    """What a search found: the hits, best first, and what the query's words turned out to be."""

    hits: list[Hit]
    query: Query
    unmatched: tuple[str, ...] = ()  # concepts no entry mentions: left out of the scores
    unreal: tuple[int, ...] = ()  # every match no one awards (for a note), not only those among the hits
    place_tied: bool = False  # some match is awarded in a place the query names (not only nationwide)
    total: int | None = None  # how many matched in all, when every match was scored (EXHAUSTIVE_UP_TO)
    decoded: tuple[Entry, ...] = ()  # the entries the search read: the hits among them need no second read

    @property
    def gaps(self) -> tuple[str, ...]:
        """The specialties the query names that the catalog knows it has nothing for."""
        return tuple(c.text for c in self.query.concepts if c.uncovered)


def max_edits(word: str) -> int:
    """Short words must match exactly (one letter off, `cafe` is `care`); words up to seven letters may
    carry one typo, longer ones two."""
    if len(word) <= 4:
        return 0
    return 1 if len(word) <= 7 else 2


class _Word(NamedTuple):
    """A word of a concept: the index keys it matches, with their similarity, and how rare it is."""

    keys: dict[str, float]
    weight: float  # its IDF, a fraction of it for generic words; 0 when no entry has it


class _Concept(NamedTuple):
    concept: Concept
    own: list[_Word]
    stands_for: list[_Word]

    @property
    def matched(self) -> bool:
        return not self.concept.uncovered and any(w.weight > 0 for w in (*self.own, *self.stands_for))

    @property
    def weight(self) -> float:
        """The average rarity of its words; for a phrase of the vocabulary, halfway from that to its rarest
        word: the phrase names what the query is about (`circ clerk`), and the common words it stands for
        (`library`) should not make it count for less than a rare word beside it (`small`)."""
        known = [w.weight for w in (*self.own, *self.stands_for) if w.weight > 0]
        if self.stands_for and known:
            return (max(known) + sum(known) / len(known)) / 2
        return sum(known) / len(known) if known else 0.0


class _Asked(NamedTuple):
    """What a query asks for, worked out once per search for scoring each candidate."""

    concepts: list[_Concept]
    total: float  # the concepts' weights together
    negated: tuple[str, ...]  # what the query says the credential is not (`non director`)
    cities: list[list[str]]  # the words of each city it names


class Searcher:
    """Ranks the entries of one store against queries."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.vocabulary = store.vocabulary()
        self.known = frozenset(self.vocabulary) | frozenset(w for phrase in TERMS for w in phrase.split())

    # --- words to index keys -------------------------------------------------------------------------

    def keys(self, word: str, *, loose: bool = True) -> dict[str, float]:
        """The index keys a query word matches, and how similar each is: the word itself, its word family,
        and when `loose` its typos and the words it may be the start of."""
        found = {word: 100.0}
        if not fuzzy_word(word):
            return found
        if not loose:
            found[stem_key(word)] = STEM_SIMILARITY
            return found
        vocabulary = self.vocabulary
        i = bisect_left(vocabulary, word)
        edits = 0 if word in self.known else max_edits(word)  # a word the catalog uses is no typo
        if edits:
            from rapidfuzz import process  # noqa: PLC0415 - rapidfuzz loads only when a word may be a typo (docs/performance.md)
            from rapidfuzz.distance import OSA  # noqa: PLC0415 - as above

            for match, distance, _ in process.extract(
                word, vocabulary, scorer=OSA.distance, score_cutoff=edits, limit=None
            ):
                if match[0] == word[0]:  # people rarely mistype the first letter: `mlis` is no typo of `lis`
                    found[match] = max(found.get(match, 0.0), EDIT_SIMILARITY[int(distance)])
        if len(word) >= 4:  # a word the user has not finished: `catalog` finds `cataloging`
            while i < len(vocabulary) and vocabulary[i].startswith(word):
                found[vocabulary[i]] = max(found.get(vocabulary[i], 0.0), PREFIX_SIMILARITY)
                i += 1
        family = stem_key(word)
        found[family] = max(found.get(family, 0.0), STEM_SIMILARITY)
        return found

    def split(self, word: str) -> tuple[str, ...]:
        """A word typed without its space (`nationalboard`): the two words the catalog knows it is made of,
        each of three letters or more; else the word itself (`non` joined to a word is a negation)."""
        if len(word) < 6 or word in self.known or word.startswith("non") or not fuzzy_word(word):
            return (word,)
        for i in range(3, len(word) - 2):
            if word[:i] in self.known and word[i:] in self.known:
                return (word[:i], word[i:])
        return (word,)

    def _concepts(self, query: Query) -> list[_Concept]:
        concepts = [
            c if c.stands_for or c.uncovered or len(c.words) > 1 else c._replace(words=self.split(c.words[0]))
            for c in query.concepts
        ]
        wanted = {
            # the user's own words of a vocabulary phrase count as typed (the phrase says what they mean)
            c: ([self.keys(w, loose=not c.stands_for) for w in c.words], [self.keys(w) for w in c.stands_for])
            for c in concepts
        }
        every_key = {key for own, other in wanted.values() for keys in (*own, *other) for key in keys}
        entries_of = self.store.entry_counts(every_key)
        size = max(self.store.size, 1)

        def word(keys: dict[str, float], text: str) -> _Word:
            present = {key: sim for key, sim in keys.items() if entries_of.get(key)}
            if not present:
                return _Word({}, 0.0)
            best = max(present, key=lambda key: (present[key], -entries_of[key]))
            rarity = min(MAX_WEIGHT, math.log(1.0 + size / (1.0 + entries_of[best])))
            return _Word(present, rarity * (GENERIC_WEIGHT if text in GENERIC else 1.0))

        return [
            _Concept(
                c,
                [word(keys, w) for keys, w in zip(own, c.words, strict=True)],
                [word(keys, w) for keys, w in zip(other, c.stands_for, strict=True)],
            )
            for c, (own, other) in wanted.items()
        ]

    # --- searching -----------------------------------------------------------------------------------

    def search(self, text: str, limit: int | None = 10, within: Within | None = None) -> Found:
        """The best `limit` entries for a query (all of them, with None), among those `within` selects."""
        query = parse(text)
        exact = self._exact(text, within)
        every = self._concepts(query)
        concepts = [c for c in every if c.matched]
        missing = [c for c in every if not c.matched]
        if missing and all(_generic(c.concept) for c in concepts):  # `koha certification`: not a match for
            concepts = []  # every certification, but a query whose words match nothing
        negated = _negated(missing)
        unmatched = tuple(c.concept.text for c in missing if c.concept.text[3:] not in negated) if concepts else ()
        if not concepts and not query.places:
            hits = [Hit(n, EXACT, rank=2 * EXACT) for n in exact]
            return Found(hits[:limit] if limit else hits, query, total=len(hits))
        keys = {key for c in concepts for w in (*c.own, *c.stands_for) for key in w.keys}
        match = _any_of(keys)
        wanted = max(limit * CANDIDATES, MIN_CANDIDATES) if limit else None
        counted = wanted is None or self.store.size <= EXHAUSTIVE_UP_TO
        if match and wanted is not None and not counted and sum(self.store.entry_counts(keys).values()) > RANKED_UP_TO:
            matches = _bounded_matches(concepts)
            candidates = self.store.first_candidates(matches, within, query.places, wanted)
            unreal_ones = self.store.first_candidates(matches, within, (), UNREAL_NAMED, unreal=True)
        else:
            candidates = self.store.candidates(match, within, query.places, None if counted else wanted)
            unreal_ones = self.store.candidates(match, within, (), UNREAL_NAMED, unreal_only=True) if match else []
        ranked = {c.entry.n for c in candidates[:wanted]}  # FTS5's best: the hits come from these alone
        if match:  # every match no one awards, for the note that names them, even past the best few
            ranked.update(c.entry.n for c in unreal_ones)
            seen = {c.entry.n for c in candidates}
            candidates += [c for c in unreal_ones if c.entry.n not in seen]
        named = set(exact)
        named_in = self._named_within(candidates, query, named)
        every_named = named_in | named
        pointed = _pointed_to([c.entry for c in candidates if c.entry.n in every_named], query, self.store.flags)
        if pointed:  # what stands in for a credential named may share no word with the query: fetched by id
            alternatives = self._alternatives(pointed, candidates, within)
            ranked.update(c.entry.n for c in alternatives)
            candidates += alternatives
        scores = self._scores(candidates, concepts, query, named, negated, named_in, set(pointed))
        scored = self._kept([sh for sh in scores if sh[1].entry in ranked], named)
        tied = {c.entry.n for c in candidates if _tied(c.entry.cert, query.places)} if query.places else set()
        place_tied = any(h.entry in tied for h in scored)
        hits = [*(Hit(n, EXACT, rank=2 * EXACT) for n in exact), *(h for h in scored if h.entry not in exact)]
        unreal = tuple(h.entry for h in hits if h.unreal)
        total = None
        if counted:  # every match was scored: how many there are in all, for a note when the limit cut them
            total = len(exact) + sum(1 for h in self._kept(scores, named) if h.entry not in named)
        decoded = tuple(c.entry for c in candidates)
        return Found(hits[:limit] if limit else hits, query, unmatched, unreal, place_tied, total, decoded)

    def _named_within(self, candidates: Sequence[Candidate], query: Query, exact: set[int]) -> set[int]:
        """The candidates the query names within other words: by any of their names when no one awards them,
        else by their acronym (`_named_in`)."""
        flags = self.store.flags
        return {
            c.entry.n
            for c in candidates
            if _named_in(c.entry.cert, query.folded, bool(flags[c.entry.n] & UNREAL_FLAG) and c.entry.n not in exact)
        }

    def _alternatives(
        self, pointed: list[str], candidates: Sequence[Candidate], within: Within | None
    ) -> list[Candidate]:
        """The credentials of `pointed` (ids the evidence points to: `_pointed_to`) that are not candidates
        already."""
        have = {c.entry.cert.id for c in candidates}
        wanted = [alt for alt in pointed if alt not in have]
        numbers = [n for alt in wanted for field, n in self.store.named(fold(alt)) if field == ID]
        if within is not None:
            numbers = self.store.within(numbers, within)
        return [Candidate(entry, [set() for _ in COLUMNS]) for entry in self.store.entries(numbers)]

    def _exact(self, text: str, within: Within | None) -> list[int]:
        """Entries whose id, acronym, alias, name or a claimed name is the whole query."""
        key = fold(text)
        if not key:
            return []
        named = list(dict.fromkeys(n for _, n in self.store.named(key)))
        return self.store.within(named, within) if within is not None else named

    def _scores(
        self,
        candidates: Sequence[Candidate],
        concepts: list[_Concept],
        query: Query,
        named: set[int],
        negated: tuple[str, ...],
        within: set[int],
        pointed: set[str],
    ) -> list[tuple[float, Hit]]:
        """Each candidate's score and hit, but those below FLOOR (unless named exactly: `named`; `within`: named
        within the query's words; `pointed`: the ids the evidence points to in place of those named)."""
        flags = self.store.flags
        asks_unreal = any(word in STATUS_WORDS for c in concepts for word in c.concept.words) or any(
            word in REALITY_WORDS for word in query.filler
        )
        asked = _Asked(concepts, sum(c.weight for c in concepts), negated, [city.split() for city in query.cities])
        # each candidate, whether it is awarded in the very place named, and its score
        scored: list[tuple[Entry, bool, float]] = []
        for c in candidates:
            local = bool(query.places) and _awarded_in(c.entry.cert, query.places)
            scored.append((c.entry, local, self._score(c.entry, c.terms, query, asked, local)))
        unreal_ones = {entry.n for entry, _, _ in scored if flags[entry.n] & UNREAL_FLAG and entry.n not in named}
        # what the evidence points to for the credentials named: above them when the query asks what to get
        # instead, else just below one no one awards (so that it is not shown alone)
        instead = query.asks_instead and bool(pointed)
        pointed_from = [  # the named credential's score before the bonus it gains for being named
            EXACT - (0.0 if instead else NAMED_BONUS) if entry.n in named else score
            for entry, _, score in scored
            if (entry.n in within or entry.n in named) and (instead or flags[entry.n] & UNREAL_FLAG)
        ]
        replaced = max(pointed_from, default=0.0) + (NAMED_BONUS if instead else 0.0)
        ranked: list[tuple[float, Hit]] = []
        for entry, local, base in scored:
            score, unreal = base, entry.n in unreal_ones
            if entry.cert.id in pointed:  # it stands in for what the query names
                score = max(base, replaced)
            elif entry.n in within and not instead:
                score += NAMED_BONUS
                unreal = False
            if score < FLOOR and entry.n not in named:
                continue
            unreal = unreal and not asks_unreal
            elsewhere = bool(query.places) and not _available(entry.cert, query.places)
            shown = round(max(0.0, min(score, EXACT)), 1)
            ranked.append((score, Hit(entry.n, shown, unreal, elsewhere, round(score, 1), local)))
        return ranked

    def _score(self, entry: Entry, fields: list[set[str]], query: Query, asked: _Asked, local: bool) -> float:
        """A candidate's score by its words, its places (`local`: awarded in the very place named), the city
        named and what the query says it is not."""
        if asked.concepts:
            score = sum(c.weight * _concept_match(c, fields) for c in asked.concepts) / asked.total
            score += self._bonus(entry.cert, asked.concepts, query)
        else:  # only a place: what is awarded there, then what can be earned there
            score = EXACT if _tied(entry.cert, query.places) else PLACE_ONLY
        if local:
            score += PLACE_BONUS
        if any(all(word in terms for word in city) for city in asked.cities for terms in fields):
            score += CITY_BONUS
        if not query.places and any("-" in code for code in entry.cert.region):
            score -= LOCAL_PENALTY
        if any(word in fields[NAME] or stem_key(word) in fields[NAME] for word in asked.negated):
            score -= NEGATED_PENALTY
        return score

    def _kept(self, scores: list[tuple[float, Hit]], named: set[int]) -> list[Hit]:
        """The hits best first, without those far below the best (unless named)."""
        flags = self.store.flags
        best = max((score for score, _ in scores), default=0.0)
        # what can be earned in the places named is measured against the best of its own kind: a weaker
        # match there still comes before a stronger one awarded elsewhere, so it is not cut by it
        best_here = max((score for score, hit in scores if not hit.elsewhere), default=0.0)

        def order(sh: tuple[float, Hit]) -> tuple[bool, bool, bool, float, int, int]:
            score, hit = sh
            home = hit.local and score >= HOME_SHARE * best_here  # a good match in the very place named
            # by the score before it is capped at 100 for showing: bonuses still tell apart full matches
            return (hit.unreal, hit.elsewhere, not home, -score, flags[hit.entry] & ~UNREAL_FLAG, hit.entry)

        ranked = sorted(scores, key=order)
        return [
            hit
            for score, hit in ranked
            if score >= RELATIVE_FLOOR * (best if hit.elsewhere else best_here) or hit.entry in named
        ]

    def _bonus(self, cert: Certification, concepts: list[_Concept], query: Query) -> float:
        """What lifts or lowers a candidate beyond its words: a name the query fills or follows, the
        education the query mentions, a credential that needs another one first."""
        bonus = 0.0
        covered = {key for c in concepts for w in c.own for key, sim in w.keys.items() if sim >= EDIT_SIMILARITY[1]}
        name_words = [w for w in fold(cert.name).split() if w not in STOPWORDS]
        if name_words:
            filled = sum(1 for w in name_words if w in covered or STEM + stem(w) in covered)
            bonus += NAME_COVERAGE_BONUS * filled / len(name_words)
        own = " ".join(w for c in concepts for w in c.concept.words)
        if len(own.split()) >= 2:
            from rapidfuzz import fuzz  # noqa: PLC0415 - rapidfuzz loads only for phrases (docs/performance.md)

            topics = [" ".join(w for w in fold(text).split() if w not in STOPWORDS) for text in cert.topics]
            if own in topics or fuzz.partial_ratio(own, fold(cert.name)) >= 90:
                bonus += PHRASE_BONUS
            elif any(fuzz.partial_ratio(own, text) >= 90 for text in (*map(fold, cert.aliases), *topics)):
                bonus += PHRASE_BONUS / 2
        if cert.requirements and all(route.holds for route in cert.requirements):
            bonus -= SPECIALTY_PENALTY
        if query.education is not None:
            bonus += EDUCATION_FIT * _education_fit(cert, query.education, query.education_lacked)
        return bonus

    def suggestion(self, text: str) -> str | None:
        """A query one step closer to the catalog's words, for a search that found nothing: each word the
        catalog does not have replaced by the nearest one it has (a known gap is never replaced)."""
        concepts = parse(text).concepts
        if any(c.uncovered for c in concepts):
            return None
        words = [w for c in concepts for w in c.words]
        from rapidfuzz import fuzz, process  # noqa: PLC0415 - rapidfuzz loads only when a word may be a typo (docs/performance.md)

        better = []
        for word in words:
            close = (
                None
                if word in self.known
                else process.extractOne(word, self.vocabulary, scorer=fuzz.ratio, score_cutoff=75)
            )
            better.append(close[0] if close else word)
        return " ".join(better) if better != words else None


def _generic(concept: Concept) -> bool:
    """A word every entry is about (`certification`, `course`): alone, it says nothing of which is meant."""
    return not concept.stands_for and all(word in GENERIC for word in concept.words)


def _pointed_to(named: Iterable[Entry], query: Query, flags: bytes) -> list[str]:
    """The ids the evidence points to in place of the credentials a query names: for any of them when it asks
    what to get instead, else for those no one awards (so that one is never shown alone)."""
    return list(
        dict.fromkeys(
            alt
            for entry in named
            if query.asks_instead or flags[entry.n] & UNREAL_FLAG
            for alt in entry.cert.verification.alternatives
        )
    )


def _named_in(cert: Certification, folded: str, every_name: bool) -> bool:
    """Whether the query names the entry within other words: its acronym or a one-word alias stands whole in
    it (at least three letters, and not a word the vocabulary reads otherwise, such as `lit` or `para`), or,
    with `every_name`, any of its names, aliases or claimed names, a name of several words with a typo too
    (NAME_TYPO_RATIO)."""
    padded = f" {folded} "
    if not every_name:
        codes = (fold(name) for name in (cert.acronym, *cert.aliases) if name and " " not in name.strip())
        return any(f" {code} " in padded for code in codes if len(code) >= 3 and code not in TERMS)
    names = [
        name for name in map(fold, (cert.name, cert.acronym, *cert.aliases, *cert.verification.claimed_names)) if name
    ]
    if any(f" {name} " in padded for name in names):
        return True
    words = folded.split()
    long_names = [(name, len(name.split())) for name in names if 2 <= len(name.split()) <= len(words)]
    if not long_names:  # a query shorter than every long name: rapidfuzz need not load
        return False
    from rapidfuzz import fuzz  # noqa: PLC0415 - rapidfuzz loads only when a word may be a typo (docs/performance.md)

    return any(
        fuzz.ratio(name, " ".join(words[i : i + size])) >= NAME_TYPO_RATIO
        for name, size in long_names
        for i in range(len(words) - size + 1)
    )


def _negated(unmatched: Iterable[_Concept]) -> tuple[str, ...]:
    """What the query says it does not want: `non director` (folded `nondirector`) is not a word any entry
    has, so it is read as "not director"; `non-MLS`, which entries do say, is a word like any other."""
    return tuple(
        c.concept.text[3:]
        for c in unmatched
        if len(c.concept.words) == 1 and re.fullmatch(r"non[a-z]{4,}", c.concept.text)
    )


def _bounded_matches(concepts: list[_Concept]) -> list[str]:
    """FTS5 queries for a bounded search, best first: every concept in the name, every concept anywhere,
    then each concept (the rarest first) field by field in the order of their weights, in each field the
    words as typed before their families, typos and longer forms."""
    found: list[tuple[float, str, str]] = []  # (rarity, the words as typed, every key), per concept
    for c in concepts:
        words = [w for w in (*c.own, *c.stands_for) if w.keys]
        if words:
            typed = _any_of({key for w in words for key, sim in w.keys.items() if sim == EXACT})
            found.append((max(w.weight for w in words), typed, _any_of({key for w in words for key in w.keys})))
    found.sort(key=lambda concept: -concept[0])
    matches = []
    if len(found) > 1:
        matches.append(" AND ".join(f"{{name}} : ({every})" for _, _, every in found))
        matches.append(" AND ".join(f"({every})" for _, _, every in found))
    for _, typed, every in found:
        tiers = [typed, every] if typed and typed != every else [every]
        matches += [f"{{{column}}} : ({tier})" for column in COLUMNS for tier in tiers]
    return matches


def _any_of(keys: set[str]) -> str:
    return " OR ".join(f'"{key}"' for key in sorted(keys))  # keys hold only letters, digits, '+' and '~'


def _concept_match(concept: _Concept, fields: list[set[str]]) -> float:
    """How well an entry's fields match a concept, 0-100: its own words, or the vocabulary's for it."""

    def best(word: _Word) -> float:
        return max(
            (sim * WEIGHTS[f] for f, words in enumerate(fields) for key, sim in word.keys.items() if key in words),
            default=0.0,
        )

    def covered(words: list[_Word]) -> float:
        known = [w for w in words if w.weight > 0]
        if not known:
            return 0.0
        # words no entry has still count, as an average word: half a phrase is not the phrase
        average = sum(w.weight for w in known) / len(known)
        total = sum(w.weight for w in known) + average * (len(words) - len(known))
        return sum(w.weight * best(w) for w in known) / total

    return max(covered(concept.own), covered(concept.stands_for))


def _tied(cert: Certification, codes: Sequence[str]) -> bool:
    """Awarded in one of these places or in one of their parts."""
    return any(r == code or r.startswith(code + "-") for r in cert.region for code in codes)


def _awarded_in(cert: Certification, codes: Sequence[str]) -> bool:
    """Awarded in one of these very places (for a country: nationwide, not in one of its states)."""
    return any(r in codes for r in cert.region)


def _available(cert: Certification, codes: Sequence[str]) -> bool:
    """Can be earned there: awarded there or in a part of it, nationwide in its country, or anywhere."""
    if not cert.region:
        return True
    countries = {code.partition("-")[0] for code in codes}
    return _tied(cert, codes) or any(r in countries for r in cert.region)


def _education_fit(cert: Certification, level: str, lacked: bool) -> float:
    """+1 when the least education any recorded route asks is just `level` (what it opens), +1/2 when the
    person meets a route asking less (+1 too when `level` is only the most the person has), -1 when every
    route asks more; 0 when the catalog records no education for it."""
    stated = [EDUCATION.index(route.education) for route in cert.requirements if route.education is not None]
    if not stated:
        return 0.0
    rank = EDUCATION.index(level)
    if min(stated) > rank:
        return -1.0
    return 1.0 if lacked or min(stated) == rank else 0.5
