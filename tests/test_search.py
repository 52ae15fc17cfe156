"""Search relevance held to floors, and the pure ranking core's behaviour."""

from __future__ import annotations

from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from certfind import catalog, paths
from certfind.search import fold, resolve, stem
from tests.conftest import cli
from tests.search_eval import (
    HELD_OUT,
    HELD_OUT_BLIND,
    TECHNICIAN,
    TUNING,
    TUNING_1_1,
    UNSEEN,
    UNSEEN_BLIND,
    Expected,
    accuracy,
)
from tests.support import RAW_CONTROLS, without_note

CAT = catalog.load(str(paths.bundled_catalog()))
SEARCHER = CAT.searcher
IDS = [cert.id for cert in CAT]

# Floors recorded in README ("Search relevance"): (top-1, top-3) each set must hold.
FLOORS: dict[str, tuple[Sequence[tuple[str, Expected]], float, float]] = {
    "tuning": (TUNING, 0.95, 1.0),
    "tuning 1.1": (TUNING_1_1, 0.95, 1.0),
    "held-out 1.1": (HELD_OUT_BLIND, 0.95, 1.0),
    "held-out": (HELD_OUT, 0.90, 1.0),
    "unseen": (UNSEEN, 0.90, 1.0),
    "unseen 1.1": (UNSEEN_BLIND, 0.90, 0.90),  # never tuned on: its measured figure, held as a floor
}


@pytest.mark.parametrize("name", list(FLOORS))
def test_relevance_floors(name: str) -> None:
    pairs, top1_floor, top3_floor = FLOORS[name]
    assert len(pairs) >= 10
    top1, top3, misses = accuracy(pairs)
    assert top1 >= top1_floor, misses
    assert top3 >= top3_floor, misses


def test_the_contract_1_1_sets_are_big_enough() -> None:
    assert len(TUNING_1_1) >= 40
    assert len(HELD_OUT_BLIND) >= 30


def first(query: str) -> str:
    hits = SEARCHER.search(query, limit=1)
    return IDS[hits[0].entry] if hits else ""


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("A+", "comptia-a-plus"),
        ("a+", "comptia-a-plus"),
        ("MOS", "mos"),
        ("catalogng", "lssc"),
        ("cataloguing", "lssc"),
        ("ARCHIVIST", "ca"),
        ("Académie archivist", "ca"),
    ],
)
def test_short_queries_typos_case_accents_and_word_order(query: str, expected: str) -> None:
    assert first(query) == expected


def test_word_order_is_forgiven_and_real_credentials_come_first() -> None:
    assert first("technician library") in TECHNICIAN
    assert first("library technician") in TECHNICIAN


def test_spelling_variants_fold_to_one_form() -> None:
    assert fold("Cataloguing, Organisation & Licence") == "cataloging organization license"
    assert stem("management") == stem("manager") == "manag"
    assert stem("archivist") == stem("archives") == "archiv"


def test_near_synonyms_find_the_field_term() -> None:
    assert first("access services") == "lssc"
    assert first("records management") in {"icrm-crm", "arma-igp", "cip"}


@pytest.mark.parametrize("query", ["zzqxjv", "qwertyuiop asdfgh", "library zzqxjv", "", "   ", "!!!"])
def test_nonsense_finds_nothing(query: str) -> None:
    assert SEARCHER.search(query) == []


def test_real_matches_come_first_then_scores_in_order_within_0_to_100() -> None:
    hits = SEARCHER.search("library")
    unreal = [h.unreal for h in hits]
    assert unreal == sorted(unreal)  # every real match before any unreal one
    for group in (False, True):
        scores = [h.score for h in hits if h.unreal is group]
        assert scores == sorted(scores, reverse=True)
    assert all(55 <= h.score <= 100 for h in hits)


def test_resolution_is_exact_before_fuzzy() -> None:
    assert IDS[resolve(SEARCHER, "cptl").entry or 0] == "cplt"
    found = resolve(SEARCHER, "CET")
    assert found.entry is None
    assert found.ambiguous
    assert {IDS[i] for i in found.candidates} == {"iscet-cet", "eta-cet"}


def test_resolution_of_a_near_miss_suggests_without_guessing() -> None:
    run = cli("show", "lsc")
    assert (run.code, run.out) == (1, "")
    assert run.err.splitlines() == [
        "certfind: no certification matches 'lsc'. Did you mean:",
        "  lssc                         Library Support Staff Certification (LSSC)",
    ]


def test_resolution_of_a_clear_typo_is_confident() -> None:
    run = cli("show", "Certifed Archivist", "-f", "json")
    assert run.code == 0, run.err
    assert '"id": "ca"' in run.out


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60))
def test_random_queries_never_crash_and_stay_in_range(query: str) -> None:
    for hit in SEARCHER.search(query, limit=5):
        assert 0 <= hit.entry < len(IDS)
        assert 55 <= hit.score <= 100
    resolve(SEARCHER, query)


# ================================================================================================
# 3. Queries
# ================================================================================================

QUERIES = {
    "empty": [""],
    "whitespace": ["   "],
    "5000 characters": ["x" * 5000],
    "5000 characters of words": ["library " * 625],
    "emoji": ["😄"],
    "emoji and a word": ["📚", "cataloging"],
    "rich markup": ["[bold]"],
    "rich markup around a word": ["[bold]cataloging[/]"],
    "escape sequence": ["\x1b[31m"],
    "escape sequence and a word": ["\x1b]8;;https://evil\x07cataloging"],
    "bidi override": ["\u202ecataloging"],
    "leading dash": ["--", "-x"],
    "leading dashes and a word": ["--", "--cataloging"],
    "only stopwords": ["the of and"],
    "only stopwords as words": ["the", "of", "and"],
    "punctuation": ["%s{}\\'\""],
    "nul": ["\x00"],
}


@pytest.mark.parametrize("command", ["search", "show", "compare"])
@pytest.mark.parametrize("query", list(QUERIES.values()), ids=list(QUERIES))
def test_odd_queries_never_crash(command: str, query: list[str]) -> None:
    words = [word for word in query if word != "--"]
    if command != "search":  # show and compare take a name as one argument
        words = [" ".join(words)]
    dashes = ["--"] if "--" in query else []
    args = [command, *dashes, *words] if command != "compare" else ["compare", "lssc", *dashes, *words]
    run = cli(*args)
    assert "Traceback" not in run.err
    assert run.code in (0, 1), run
    for raw in RAW_CONTROLS:
        assert raw not in run.out + run.err, raw
    if run.code == 0:
        assert run.out != ""
        assert without_note(run.err) == ""
    else:
        assert run.out == ""
        assert run.err.startswith("certfind: "), run.err
