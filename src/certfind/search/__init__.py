"""Search and name resolution over a store.

vocabulary.py holds the field's words as data; lexicon.py folds words and says what an entry is found by
(the index and the query share it); query.py reads a query into concepts, places and an education level;
rank.py ranks entries for a query (rank.py's docstring states the rule); resolve.py says which entry a
name means.
"""

from __future__ import annotations

from certfind.search.lexicon import ACRONYM, ALIAS, CLAIMED, ID, INDEXER, NAMED, fold, stem
from certfind.search.rank import Found, Hit, Searcher
from certfind.search.resolve import Resolution, resolve

__all__ = [
    "ACRONYM",
    "ALIAS",
    "CLAIMED",
    "ID",
    "INDEXER",
    "NAMED",
    "Found",
    "Hit",
    "Resolution",
    "Searcher",
    "fold",
    "resolve",
    "stem",
]
