"""What a query says: its content words, the places it names, the education it mentions, and the words of
questions and requests, which say nothing about the credential. Pure: no I/O."""

import re
from typing import NamedTuple

from certfind import places
from certfind.model import EDUCATION
from certfind.search import vocabulary
from certfind.search.lexicon import fold

MAX_PHRASE = 6
"""The longest phrase, in words, looked for in the vocabulary and among place names."""


class Concept(NamedTuple):
    """One thing the query asks for: a word, or a phrase of the field's vocabulary, as the user wrote it,
    and the catalog words the vocabulary says it stands for."""

    words: tuple[str, ...]
    stands_for: tuple[str, ...] = ()
    uncovered: bool = False  # a specialty the catalog knows it has nothing for

    @property
    def text(self) -> str:
        return " ".join(self.words)


class Query(NamedTuple):
    text: str  # as typed
    folded: str
    concepts: tuple[Concept, ...]
    places: tuple[str, ...]  # ISO codes the query names
    place_words: tuple[str, ...]  # the words that named them, as typed
    education: str | None  # the education the query says the person has, or the most they may have
    education_lacked: bool  # the query says what the person lacks: `education` is only the most they have
    filler: tuple[str, ...]  # the words left out as questions and requests

    @property
    def asks_cost(self) -> bool:
        """It asks what costs least (`cheapest`, `free`): those words are left out, but search says how."""
        return any(phrase in vocabulary.COST_WORDS for phrase in self.filler)

    @property
    def asks_instead(self) -> bool:
        """It asks what to get in place of a credential it names (`instead`, `alternatives`)."""
        return any(word in vocabulary.INSTEAD_WORDS for word in self.filler)

    @property
    def cities(self) -> tuple[str, ...]:
        """The cities it names, folded: read as their state or province, and looked for in the text too."""
        return tuple(typed for typed in self.place_words if typed in vocabulary.CITIES)


_CONTRACTION = re.compile(r"n['’]t\b", re.IGNORECASE)
"""`don't` is read as `dont` (the word people type without the apostrophe), not as `don` and `t`."""

_POSSESSIVE = re.compile(r"(?<=\w)['’]s\b", re.IGNORECASE)
"""`teacher's aide` is read as `teacher aide`, not `teacher`, `s` and `aide`."""

_CODE = re.compile(r"\b[A-Z]{2}(?:-[A-Z0-9]{1,3})?\b")


def _typed_codes(text: str) -> dict[str, tuple[str, tuple[str, ...]]]:
    """ISO codes typed in capitals (`US`, `TX`, `US-TX`, `BC`), by their folded form, with the code as typed:
    a code in lowercase is a word (`in`, `me`, `it`), and a few in capitals are words too
    (vocabulary.NOT_PLACE_CODES)."""
    found: dict[str, tuple[str, tuple[str, ...]]] = {}
    for code in _CODE.findall(text):
        if code in vocabulary.NOT_PLACE_CODES:
            continue
        meant = places.parse(code)
        if meant:
            found[fold(code)] = (code, meant)
    return found


def parse(text: str) -> Query:
    """Read a query: phrases of the vocabulary and place names first (longest first), then single words."""
    folded = fold(_POSSESSIVE.sub("", _CONTRACTION.sub("nt", text)))
    words = folded.split()
    codes = _typed_codes(text)
    concepts: list[Concept] = []
    named: list[tuple[tuple[str, ...], str, str]] = []  # each place: its codes, its words, the word before it
    education: str | None = None
    lacked = False
    filler: list[str] = []
    i = 0
    while i < len(words):
        lacking = _education(words, i, lacks=True)
        found = lacking or _education(words, i, lacks=False)
        if found:  # the education the person has or lacks is a requirement, before any phrase it may also be
            size, education = found
            lacked = lacking is not None
            filler.append(" ".join(words[i : i + size]))
            if lacking and any(word in vocabulary.MLS_WORDS for word in words[i : i + size]):
                concepts.append(Concept((vocabulary.NON_MLS,)))  # and what is meant for staff without an MLS
            i += size
            continue
        for size in range(min(MAX_PHRASE, len(words) - i), 0, -1):
            phrase = " ".join(words[i : i + size])
            meant = _place(phrase, codes)
            if meant:
                named.append((meant, codes[phrase][0] if phrase in codes else phrase, words[i - 1] if i else ""))
                break
            if phrase in vocabulary.EDUCATION_HELD:
                education, lacked = vocabulary.EDUCATION_HELD[phrase], False
                filler.append(phrase)
                break
            if phrase in vocabulary.FILLER_PHRASES or phrase in vocabulary.COST_WORDS:
                filler.append(phrase)
                break
            if phrase in vocabulary.UNCOVERED:
                concepts.append(Concept(tuple(words[i : i + size]), (), uncovered=True))
                break
            term = _term(phrase)
            if term is not None:
                concepts.append(Concept(tuple(words[i : i + size]), tuple(vocabulary.TERMS[term].split())))
                break
            if size == 1:
                if phrase in vocabulary.FILLER_WORDS or len(phrase) == 1 or _pronoun(words, i):
                    filler.append(phrase)
                else:
                    concepts.append(Concept((phrase,)))
        i += size
    named = _where_to(named, moving=any(word in vocabulary.MOVE_WORDS for word in words))
    found_places = list(dict.fromkeys(code for meant, _, _ in named for code in meant))
    place_words = tuple(typed for _, typed, _ in named)
    return Query(text, folded, tuple(concepts), tuple(found_places), place_words, education, lacked, tuple(filler))


def _education(words: list[str], i: int, *, lacks: bool) -> tuple[int, str] | None:
    """The education the words from `i` say the person lacks (`without a college degree`, `never went to
    college`, `w/o mls`) or, with `lacks` false, has (`with an MLIS`): how many words say it, and the level
    (for what is lacked, the most the person may have)."""
    levels = vocabulary.LACKED_EDUCATION if lacks else vocabulary.HELD_EDUCATION
    if lacks and words[i].startswith("non") and words[i][3:] in levels:  # `non-MLS` is one word
        return 1, levels[words[i][3:]]
    if lacks:
        start = i + 2 if words[i : i + 2] == ["w", "o"] else i + 1 if words[i] in vocabulary.LACKING_WORDS else i
    else:
        start = i + 1 if words[i] in vocabulary.HOLDING_WORDS else i
    if start == i:
        return None
    gap = vocabulary.LACKING_GAP if lacks else vocabulary.HOLDING_GAP
    level, end = None, start
    for j in range(start, min(start + MAX_PHRASE, len(words))):
        word = words[j]
        if word in levels:
            if level is None or EDUCATION.index(levels[word]) > EDUCATION.index(level):
                level = levels[word]  # a graduate degree says more than `degree` beside it
            end = j + 1
        elif word not in gap:
            break
    return (end - i, level) if level else None


def _pronoun(words: list[str], i: int) -> bool:
    """`it` as a pronoun (`how much does it cost`, `worth it`), not IT, the field."""
    return words[i] == "it" and (i == len(words) - 1 or (i > 0 and words[i - 1] in vocabulary.IT_PRONOUN_AFTER))


def _where_to(named: list[tuple[tuple[str, ...], str, str]], moving: bool) -> list[tuple[tuple[str, ...], str, str]]:
    """The places that count when a query names several: someone moving goes to the place after `to`; a
    place after `from` is where someone comes from, unless it is the only kind of place named."""
    going = [place for place in named if moving and place[2] == "to"]
    if going:
        return going
    staying = [place for place in named if place[2] != "from"]
    return staying or named


def _term(phrase: str) -> str | None:
    """The vocabulary's phrase the query's phrase is, in the singular too (`library managers`, `clerks`)."""
    if phrase in vocabulary.TERMS:
        return phrase
    if phrase.endswith("s") and not phrase.endswith("ss") and len(phrase.rsplit(" ", 1)[-1]) > 3:
        singular = phrase[:-1]
        return singular if singular in vocabulary.TERMS else None
    return None


def _place(phrase: str, codes: dict[str, tuple[str, tuple[str, ...]]]) -> tuple[str, ...]:
    """The codes a phrase names as a place: a place's name, a common word for it, or a code typed in capitals."""
    if phrase in vocabulary.PLACE_WORDS:
        return tuple(vocabulary.PLACE_WORDS[phrase].split())
    if places.is_place_name(phrase):
        return places.parse(phrase)
    return codes[phrase][1] if phrase in codes else ()
