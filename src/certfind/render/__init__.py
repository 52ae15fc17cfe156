"""Results on stdout, as table, plain, JSON, CSV or CTDL. The renderer renders: it neither computes nor decodes.

views.py holds what each command prints and which formats it has (holding.py, what `plan` and
`eligible` print); words.py puts domain values into English; streams.py writes JSON, CSV and plain
text safely; tables.py holds every Rich layout.
"""

from certfind.model import ITEM_FIELDS
from certfind.render.streams import JsonItems, write_json
from certfind.render.views import (
    ALL_FORMATS,
    BASIC_FORMATS,
    Compared,
    Facets,
    Listing,
    Row,
    Shown,
    View,
)

__all__ = [
    "ALL_FORMATS",
    "BASIC_FORMATS",
    "ENTRY_FIELDS",
    "SEARCH_FIELDS",
    "Compared",
    "Facets",
    "JsonItems",
    "Listing",
    "Row",
    "Shown",
    "View",
    "emit",
    "write_json",
]

ENTRY_FIELDS = (*ITEM_FIELDS, "upfront", "warning", "lookalike", "evidence")
"""What `--json` can pick for an entry (list, show): the catalog's fields, `origin`, and what certfind works out."""
SEARCH_FIELDS = (*ENTRY_FIELDS, "score")
"""What `--json` can pick in a search: an entry's fields and its score."""


def emit(view: View, fmt: str) -> None:
    view.write(fmt)
