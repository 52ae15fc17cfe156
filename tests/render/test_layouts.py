"""Tables at every width: the values that must stay whole do (costs, verification, scores, ids, amounts),
and a layout that cannot hold them gives way to a block per entry. Views built here, rendered directly."""

from __future__ import annotations

import itertools
import re

import pytest

from certfind import costs
from certfind.eligibility import Missing, Profile, Result, Verdict
from certfind.model import Route, Verification
from certfind.render import Compared, Listing
from certfind.render.holding import Eligibility
from tests.support import TODAY, entry_of, fee, make_cert, rendered

WIDTHS = range(20, 241, 3)

# The values that are hardest to keep whole: a long range with an unknown part, a two-part verification.
LISTED = [
    make_cert(
        "lssc-like",
        name="Library Support Staff Certification",
        acronym="LSSC",
        status="unknown",
        costs=(fee(12850, 13890), fee(None, label="Dues")),
        currency="AUD",
    ),
    make_cert("mohawk-library-technician", name="Library and Information Technician Diploma", currency="CAD"),
    make_cert("plain", name="A Plain Certificate", costs=(fee(350),)),
]
SCORES = [91.5, 77.0, 64.2]


def listing(columns: int, scored: bool = True) -> str:
    pairs = enumerate(zip(LISTED, SCORES, strict=True))
    rows = [(entry_of(cert, n), score if scored else None) for n, (cert, score) in pairs]
    return rendered(Listing(rows, scored=scored), "table", columns)


def verification_is_whole(out: str) -> bool:
    """`confirmed, status unknown` on one line, or broken after its comma with both parts in one column."""
    if "confirmed, status unknown" in out:
        return True
    lines = out.splitlines()
    for above, below in itertools.pairwise(lines):
        at = above.find("confirmed,")
        if at >= 0 and below[at:].startswith("status unknown"):
            return True
    return False


@pytest.mark.parametrize("columns", WIDTHS)
def test_a_listing_never_cuts_a_cost_or_a_verification(columns: int) -> None:
    out = listing(columns)
    if columns >= 40:  # "up front: A$12,850-A$13,890 + unknown" fits on one line
        assert "A$12,850-A$13,890 + unknown" in out, columns
    assert "A$12,850-A$13,890" in out.split(), columns  # never split, even where the line must wrap
    assert "$350" in out
    assert verification_is_whole(out), out
    assert "confirmed sta" not in out.replace("confirmed, status", "")  # never "confirmed sta…"
    for cert in LISTED:
        if len(cert.id) <= columns:  # each id whole, on a line of its own words
            assert cert.id in out.split(), (columns, cert.id)


@pytest.mark.parametrize("columns", WIDTHS)
def test_the_score_column_is_shown_with_every_score_or_not_at_all(columns: int) -> None:
    out = listing(columns)
    lines = out.splitlines()
    header = lines[0].split()
    shown = [f"{score:g}" for score in SCORES if re.search(rf"(^|\s){re.escape(f'{score:g}')}$", out, re.MULTILINE)]
    if "Score" in header:
        assert shown == ["91.5", "77", "64.2"], (columns, out)
        assert header[-1] == "Score"
    elif "Verification" in header:  # a table without the column: no score anywhere
        assert shown == [], (columns, out)
    else:  # a block per entry says each score after the id
        flat = " ".join(out.split())
        assert all(f"(score {s:g})" in flat for s in SCORES), (columns, out)


def test_a_listing_between_119_and_130_columns_never_has_a_blank_score_column() -> None:
    for columns in range(115, 135):
        out = listing(columns)
        if "Score" in out.splitlines()[0]:
            assert "91.5" in out, (columns, out)
            assert "64.2" in out, (columns, out)


def test_a_wide_listing_shows_the_verification_on_one_line() -> None:
    out = listing(200)
    assert "confirmed, status unknown" in out
    assert out.splitlines()[0].split() == [
        "Certification",
        "Issuer",
        "Category",
        "Where",
        "Up",
        "front",
        "Verification",
        "Score",
    ]


# --- compare -----------------------------------------------------------------------------------

AMOUNTS = [(5740, 13300), (12850, 13890), (10716, 11787), (11030.17, None), (350, None), (200, 3775), (80, 310)]


def compared_view(count: int) -> tuple[Compared, list[str]]:
    certs = [
        make_cert(
            f"credential-{i}",
            name=f"Library and Information Technician Diploma number {i}",
            currency="CAD" if i < 4 else "USD",
            costs=(fee(low, high),),
        )
        for i, (low, high) in enumerate(AMOUNTS[:count])
    ]
    cmp = costs.compare(certs, 5, False)
    return Compared([entry_of(c, n) for n, c in enumerate(certs)], cmp), [costs.format_money(m) for m in cmp.upfront]


@pytest.mark.parametrize("count", range(2, 8))
@pytest.mark.parametrize("columns", range(40, 241, 10))
def test_compare_never_splits_an_amount(count: int, columns: int) -> None:
    view, amounts = compared_view(count)
    out = rendered(view, "table", columns)
    for amount in amounts:
        assert amount in out, (count, columns, amount, out)
    boxed = "┃" in out
    if not boxed:  # a block per entry: each amount on its own "up front:" line
        assert all(f"up front: {amount}" in out for amount in amounts), out
    assert all(len(line) <= columns for line in out.splitlines()), (count, columns)


def test_compare_with_many_entries_at_80_columns_is_a_block_per_entry() -> None:
    view, _ = compared_view(4)
    out = rendered(view, "table", 80)
    assert "┃" not in out
    assert "up front: C$5,740-C$13,300\n" in out
    assert "up front: A$12,850" not in out  # CAD here: the amounts as given, in their currency
    assert out.endswith("is not recorded.\n")
    assert "Rows that differ are highlighted" not in out  # nothing is highlighted in blocks


def test_compare_side_by_side_says_rows_that_differ_are_highlighted() -> None:
    view, _ = compared_view(2)
    out = rendered(view, "table", 160)
    assert "┃" in out
    assert "Rows that differ are highlighted." in " ".join(out.split())


# --- eligible -----------------------------------------------------------------------------------


def test_eligible_tables_never_fold_an_id() -> None:
    long_ids = ["uk-archivist-records-manager-l7", "mohawk-library-technician", "lja-digital-curation"]
    certs = [
        make_cert(ident, name=f"Credential {i} with a long enough name", requirements=(Route(education="none"),))
        for i, ident in enumerate(long_ids)
    ]
    route = Route(education="none", note="Employer-set entry requirements apply here")
    verdicts = tuple(Verdict(entry_of(c, n), route, ()) for n, c in enumerate(certs))
    nearly = tuple(v._replace(missing=(Missing("education", "needs a bachelor's degree", None),)) for v in verdicts)
    view = Eligibility(Result(Profile(), verdicts, nearly, (), 0))
    for columns in range(20, 241, 4):
        out = rendered(view, "table", columns)
        words = out.split()
        for ident in (i for i in long_ids if len(i) < columns):  # an id wider than the screen must fold
            assert ident in words or f"{ident}:" in words, (columns, ident, out)
        assert all(len(line) <= columns for line in out.splitlines()), columns


def test_a_lone_entry_at_60_columns_keeps_its_verification_whole() -> None:
    old = make_cert("old", verification=Verification("confirmed", TODAY), status="unknown")
    out = rendered(Listing([(entry_of(old), None)]), "table", 60)
    assert verification_is_whole(out)
