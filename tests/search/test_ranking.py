"""The ranking core: folding, word families, typos, trust first, scores in order, and name resolution."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from certfind import catalog, paths
from certfind.search import fold, resolve, stem
from tests.search.sets import TECHNICIAN
from tests.support import RAW_CONTROLS, cli, without_note

CAT = catalog.load(str(paths.bundled_catalog()))
SEARCHER = CAT.searcher
IDS = [cert.id for cert in CAT]


def first(query: str) -> str:
    hits = SEARCHER.search(query, limit=1).hits
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
    assert fold("non-MLS staff") == "nonmls staff"  # never `mls`: the opposite of what it says
    assert stem("management") == stem("manager") == "manag"
    assert stem("archivist") == stem("archives") == "archiv"
    assert stem("certified") == stem("certificate") == stem("certification") == "certif"
    assert stem("library") == stem("libraries") == "librar"


def test_the_fields_vocabulary_finds_the_field_term() -> None:
    assert first("access services") == "lssc"
    assert first("records management") in {"icrm-crm", "arma-igp", "cip"}
    assert first("Dublin Core metadata") in {"lja-digital-curation", "saa-das"}
    assert first("lib tech") in TECHNICIAN


def test_a_word_the_catalog_does_not_know_names_it_and_others_still_count() -> None:
    found = SEARCHER.search("library zzqxjv")
    assert found.unmatched == ("zzqxjv",)
    assert found.hits


@pytest.mark.parametrize("query", ["zzqxjv", "qwertyuiop asdfgh", "", "   ", "!!!", "how do i"])
def test_nonsense_finds_nothing(query: str) -> None:
    assert SEARCHER.search(query).hits == []


def test_real_matches_come_first_then_scores_in_order_within_0_to_100() -> None:
    hits = SEARCHER.search("library", limit=None).hits
    unreal = [h.unreal for h in hits]
    assert unreal == sorted(unreal)  # every real match before any unreal one
    for group in (False, True):
        scores = [h.score for h in hits if h.unreal is group]
        assert scores == sorted(scores, reverse=True)
    assert all(0 <= h.score <= 100 for h in hits)


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
    for hit in SEARCHER.search(query, limit=5).hits:
        assert 0 <= hit.entry < len(IDS)
        assert 0 <= hit.score <= 100
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
