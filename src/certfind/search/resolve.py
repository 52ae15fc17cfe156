"""Which entry a name means: exactly by id, acronym, alias, name or claimed name, else by a search whose
best hit is strong and clearly ahead; otherwise the candidates, so that nothing is guessed."""

from typing import NamedTuple

from certfind.search.lexicon import ACRONYM, ALIAS, CLAIMED, ID, NAMED, fold
from certfind.search.rank import EXACT, Searcher

RESOLVE_ORDER = (ID, ACRONYM, ALIAS, NAMED, CLAIMED)
SURE_SCORE = 85.0
SURE_MARGIN = 8.0


class Resolution(NamedTuple):
    """The entry a name means, or else candidates: `ambiguous` (several fit equally) or near misses."""

    entry: int | None
    candidates: tuple[int, ...] = ()
    ambiguous: bool = False


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
    ranked = searcher.search(query, limit=6).hits
    if not ranked:
        return Resolution(None, tuple(_near_codes(searcher, fold(query).replace(" ", ""))))
    top = ranked[0]
    runner_up = ranked[1].rank if len(ranked) > 1 else 0.0
    if top.score >= SURE_SCORE and top.rank - runner_up >= SURE_MARGIN:
        return Resolution(top.entry)
    # every word found as typed, by several entries alike: ambiguous; otherwise the user mistyped
    tied = top.score >= EXACT and top.rank - runner_up < SURE_MARGIN
    return Resolution(None, tuple(h.entry for h in ranked[:5]), ambiguous=tied)


def _near_codes(searcher: Searcher, wanted: str) -> list[int]:
    """Ids and acronyms one or two letters away (`lsc` -> LSSC), for a did-you-mean."""
    if not wanted:
        return []
    from rapidfuzz import fuzz, process  # noqa: PLC0415 - rapidfuzz loads only when a word may be a typo (docs/performance.md)

    keys: dict[str, list[int]] = {}
    for key, n in searcher.store.all_name_keys([ID, ACRONYM]):
        keys.setdefault(key.replace(" ", ""), []).append(n)
    found = process.extract(wanted, list(keys), scorer=fuzz.ratio, score_cutoff=70, limit=5)
    found.sort(key=lambda match: -match[1])
    return list(dict.fromkeys(e for code, _, _ in found for e in keys[code]))[:5]
