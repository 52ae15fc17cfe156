"""Search relevance held to floors: each query set's top-1 and top-3, as docs/relevance.md reports them."""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from certfind.search import rank
from tests.search.sets import (
    BLIND,
    HELD_OUT,
    HELD_OUT_BLIND,
    NATURAL_EIGHTH,
    NATURAL_ELEVENTH,
    NATURAL_FIFTEENTH,
    NATURAL_FIFTH,
    NATURAL_FOURTEENTH,
    NATURAL_FOURTH,
    NATURAL_HELD_OUT,
    NATURAL_NINTH,
    NATURAL_SEVENTH,
    NATURAL_SIXTEENTH,
    NATURAL_SIXTH,
    NATURAL_TENTH,
    NATURAL_THIRD,
    NATURAL_THIRTEENTH,
    NATURAL_TUNING,
    NATURAL_TWELFTH,
    TUNING,
    TUNING_1_1,
    UNSEEN,
    UNSEEN_BLIND,
    Expected,
    accuracy,
)

# (top-1, top-3) each set must hold. The held-out sets were never tuned on: their floors are what they
# measured, so a change that makes them worse fails here.
FLOORS: dict[str, tuple[Sequence[tuple[str, Expected]], float, float]] = {
    "tuning": (TUNING, 0.95, 1.0),
    "tuning 1.1": (TUNING_1_1, 0.95, 1.0),
    "held-out 1.1": (HELD_OUT_BLIND, 0.95, 1.0),
    "held-out": (HELD_OUT, 0.90, 1.0),
    "unseen": (UNSEEN, 0.90, 1.0),
    "unseen 1.1": (UNSEEN_BLIND, 0.90, 1.0),
    "natural tuning": (NATURAL_TUNING, 0.90, 0.95),
    "natural held-out": (NATURAL_HELD_OUT, 0.88, 0.94),
    "natural third": (NATURAL_THIRD, 0.94, 0.97),
    "natural fourth": (NATURAL_FOURTH, 0.90, 0.95),
    "natural fifth": (NATURAL_FIFTH, 0.95, 0.98),
    "natural sixth": (NATURAL_SIXTH, 0.90, 0.95),
    "natural seventh": (NATURAL_SEVENTH, 0.95, 0.95),
    "natural eighth": (NATURAL_EIGHTH, 0.95, 0.95),
    "natural ninth": (NATURAL_NINTH, 0.95, 0.95),
    "natural tenth": (NATURAL_TENTH, 0.95, 0.95),
    "natural eleventh": (NATURAL_ELEVENTH, 0.90, 0.95),
    "natural twelfth": (NATURAL_TWELFTH, 0.89, 0.95),
    "natural thirteenth": (NATURAL_THIRTEENTH, 0.90, 0.95),
    "natural fourteenth": (NATURAL_FOURTEENTH, 0.90, 0.98),
    "natural fifteenth": (NATURAL_FIFTEENTH, 0.95, 0.95),
    "natural sixteenth": (NATURAL_SIXTEENTH, 0.92, 0.95),
}


BOUNDED_FLOORS = {"natural held-out": (0.87, 0.92)}
"""Where bounded retrieval keeps less: a query of the held-out set whose right answer is among the first three
only when every match is scored (docs/relevance.md)."""


@pytest.mark.parametrize("name", list(FLOORS))
def test_relevance_floors(name: str) -> None:
    pairs, top1_floor, top3_floor = FLOORS[name]
    top1, top3, misses = accuracy(pairs)
    shown = [] if name in BLIND else misses  # a blind set's misses are never printed
    assert top1 >= top1_floor, shown
    assert top3 >= top3_floor, shown


def test_the_natural_sets_are_big_enough() -> None:
    blind = [NATURAL_HELD_OUT, NATURAL_FIFTH, NATURAL_FOURTEENTH]
    tuned = [NATURAL_TUNING, NATURAL_THIRD, NATURAL_FOURTH, NATURAL_SIXTH, NATURAL_SEVENTH, NATURAL_EIGHTH]
    tuned += [NATURAL_NINTH, NATURAL_TENTH, NATURAL_ELEVENTH, NATURAL_TWELFTH, NATURAL_THIRTEENTH]
    tuned += [NATURAL_FIFTEENTH, NATURAL_SIXTEENTH]
    assert all(len(pairs) >= 60 for pairs in (NATURAL_HELD_OUT, NATURAL_FIFTH, NATURAL_TUNING))  # issue 21's two
    assert all(len(pairs) >= 50 for pairs in (*blind, *tuned))  # less what they shared with older sets
    tuned_on = {query for pairs in tuned for query, _ in pairs}
    for pairs in blind:  # a never-tuned set shares no query with a set tuned on (the tuned sets share a few
        assert not {query for query, _ in pairs} & tuned_on  # that people type alike: Dublin Core)


@pytest.mark.parametrize(
    "name",
    [
        "natural tuning",
        "natural held-out",
        "natural third",
        "natural fourth",
        "natural fifth",
        "natural sixth",
        "natural seventh",
        "natural eighth",
        "natural ninth",
        "natural tenth",
        "natural eleventh",
        "natural twelfth",
        "natural thirteenth",
        "natural fourteenth",
        "natural fifteenth",
        "natural sixteenth",
        "held-out",
    ],
)
def test_bounded_retrieval_keeps_the_floors(name: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A big catalog takes its candidates field by field with bounded work instead of ranking every match
    with bm25 (search.rank.RANKED_UP_TO): forced on the bundled catalog, the sets still hold their floors."""
    monkeypatch.setattr(rank, "EXHAUSTIVE_UP_TO", 0)
    monkeypatch.setattr(rank, "RANKED_UP_TO", 0)
    pairs, top1_floor, top3_floor = FLOORS[name]
    top1_floor, top3_floor = BOUNDED_FLOORS.get(name, (top1_floor, top3_floor))
    top1, top3, misses = accuracy(pairs)
    shown = [] if name in BLIND else misses
    assert top1 >= top1_floor, shown
    assert top3 >= top3_floor, shown
