"""What compare says: which fees are unknown, where to read more, which amount is lowest (and only when it
is lowest at both ends), in every format; the same rows in plain and CSV that a script can reuse."""

from __future__ import annotations

import csv
import io
import json

from hypothesis import given, settings
from hypothesis import strategies as st

from certfind import costs
from certfind.model import Certification, Renewal, Route, Verification
from certfind.render import Compared
from tests.support import TODAY, entry_of, fee, make_cert, rendered


def view(*certs: Certification, years: int = 5, member: bool = False, user: tuple[str, ...] = ()) -> Compared:
    """compare of these entries; those whose id is in `user` are the user's own."""
    certs = tuple(c._replace(origin="user") if c.id in user else c for c in certs)
    return Compared([entry_of(c, n) for n, c in enumerate(certs)], costs.compare(certs, years, member))


def plain_fields(out: str) -> dict[str, dict[str, str]]:
    """compare's plain output by id and row label (id, name, then each row of the table)."""
    labels = ["name", "issuer", "verification", "issuer page", "up front", "total", "currency", "unknown"]
    labels += ["duration", "prerequisites", "exam", "renewal"]
    rows = [line.split("\t") for line in out.splitlines()]
    assert {len(row) for row in rows} == {len(labels) + 1}, rows
    return {row[0]: dict(zip(labels, row[1:], strict=True)) for row in rows}


EXAM_UNKNOWN = make_cert(
    "cip-like",
    name="Certified Information Professional",
    costs=(fee(None, label="Exam voucher", units=2), fee(150, label="Renewal", every_years=3)),
    renewal=Renewal(every_years=3),
)
RENEWAL_UNPRICED = make_cert("lssc-like", costs=(fee(350),), renewal=Renewal(every_years=4))
DUES_UNPRICED = make_cert(
    "dues", costs=(fee(90, label="Application"),), requirements=(Route(membership=True, education="none"),)
)
NO_FEES = make_cert("nofees")
UNREAL = make_cert(
    "clt-like",
    name="Certified Library Technician",
    verification=Verification("not-found", TODAY, alternatives=("lssc", "cpla")),
    status="unknown",
)


def test_each_entry_says_which_fees_have_no_known_amount() -> None:
    out = rendered(view(EXAM_UNKNOWN, RENEWAL_UNPRICED, DUES_UNPRICED, NO_FEES, years=6), "plain")
    fields = plain_fields(out)
    assert fields["cip-like"]["unknown"] == "exam voucher x 2"
    assert fields["cip-like"]["total"] == "$150 + unknown"
    assert fields["lssc-like"]["unknown"] == "renewal fee (every 4 years)"
    assert fields["lssc-like"]["total"] == "$350 + unknown"
    assert fields["dues"]["unknown"] == "membership dues (required)"
    assert fields["nofees"]["unknown"] == "all fees: none is recorded"
    assert fields["nofees"]["up front"] == "unknown"


def test_a_renewal_not_yet_due_is_not_unknown() -> None:
    fields = plain_fields(rendered(view(RENEWAL_UNPRICED, NO_FEES, years=4), "plain"))
    assert fields["lssc-like"]["unknown"] == "none"
    assert fields["lssc-like"]["total"] == "$350"


def test_the_table_names_the_unknown_fees_and_where_to_read_more() -> None:
    differs = EXAM_UNKNOWN._replace(verification=Verification("differs", TODAY))
    out = rendered(view(differs, RENEWAL_UNPRICED, years=6), "table", 240)
    lines = out.splitlines()
    assert lines[0] == (
        "Certified Information Professional: This credential is real, but public sources differ from what is "
        "commonly claimed about it: read the evidence. See: certfind show cip-like"
    )
    row = next(line for line in lines if line.startswith("│ unknown"))
    assert row.split("│")[2].strip() == "exam voucher x 2"
    assert row.split("│")[3].strip() == "renewal fee (every 4 years)"


def test_an_entry_no_one_awards_names_what_to_look_at_instead_and_is_not_priced() -> None:
    out = rendered(view(UNREAL, RENEWAL_UNPRICED), "table", 240)
    assert out.splitlines()[0] == (
        "Certified Library Technician: No public source confirms that this credential exists. "
        "Do not pay for it; look instead at: lssc, cpla. See: certfind show clt-like"
    )
    assert "alternatives below" not in out
    fields = plain_fields(rendered(view(UNREAL, RENEWAL_UNPRICED), "plain"))
    assert fields["clt-like"]["up front"] == "none: no one is known to award it"
    assert fields["clt-like"]["total"] == "none: no one is known to award it"
    assert fields["clt-like"]["unknown"] == "none"
    doc = json.loads(rendered(view(UNREAL, RENEWAL_UNPRICED), "json"))
    assert doc["certifications"][0]["trust"] == (
        "No public source confirms that this credential exists. Do not pay for it; look instead at: lssc, cpla."
    )


def test_a_credential_no_longer_awarded_is_never_the_lowest() -> None:
    gone = make_cert("gone", status="discontinued", costs=(fee(10),))
    fields = plain_fields(
        rendered(view(gone, make_cert("b", costs=(fee(100),)), make_cert("c", costs=(fee(200),))), "plain")
    )
    assert fields["gone"]["up front"] == "none: it is no longer awarded"
    assert fields["b"]["up front"] == "$100 (lowest)"
    assert fields["c"]["up front"] == "$200"


# --- (lowest) ----------------------------------------------------------------------------------


def amounts_view(*amounts: tuple[float | None, float | None], currency: str = "CAD") -> Compared:
    certs = [
        make_cert(f"c{i}", currency=currency, costs=(fee(low, high),) if low is not None else (fee(None),))
        for i, (low, high) in enumerate(amounts)
    ]
    return view(*certs)


def test_lowest_is_never_given_while_another_range_starts_lower() -> None:
    out = rendered(amounts_view((5740, 13300), (10716, 11787), (11030.17, None)), "plain")
    assert "(lowest)" not in out
    fields = plain_fields(out)
    assert [fields[i]["up front"] for i in ("c0", "c1", "c2")] == [
        "C$5,740-C$13,300",
        "C$10,716-C$11,787",
        "C$11,030.17",
    ]


def test_lowest_at_both_ends_is_marked_in_plain_csv_and_json() -> None:
    compared = amounts_view((100, 200), (150, 300), (100, None))
    fields = plain_fields(rendered(compared, "plain"))
    assert [fields[i]["up front"] for i in ("c0", "c1", "c2")] == ["C$100-C$200", "C$150-C$300", "C$100 (lowest)"]
    rows = list(csv.DictReader(io.StringIO(rendered(compared, "csv"))))
    assert [(r["upfront_min"], r["upfront_max"], r["upfront_lowest"]) for r in rows] == [
        ("100", "200", "false"),
        ("150", "300", "false"),
        ("100", "100", "true"),
    ]
    assert [c["lowest"]["upfront"] for c in json.loads(rendered(compared, "json"))["certifications"]] == [
        False,
        False,
        True,
    ]


def test_an_amount_known_only_in_part_keeps_a_higher_one_from_being_lowest() -> None:
    partly = make_cert("partly", costs=(fee(40), fee(None, label="Tuition")))
    whole = make_cert("whole", costs=(fee(100),))
    dearer = make_cert("dearer", costs=(fee(300), fee(None, label="Tuition")))
    fields = plain_fields(rendered(view(partly, whole), "plain"))
    assert (fields["partly"]["up front"], fields["whole"]["up front"]) == ("$40 + unknown", "$100")
    fields = plain_fields(rendered(view(dearer, whole), "plain"))
    assert (fields["dearer"]["up front"], fields["whole"]["up front"]) == ("$300 + unknown", "$100 (lowest)")


AMOUNT = st.integers(min_value=0, max_value=5000)


@settings(max_examples=60, deadline=None)
@given(st.lists(st.tuples(AMOUNT, AMOUNT, st.booleans()), min_size=2, max_size=5))
def test_a_marked_amount_is_lowest_at_both_ends(ranges: list[tuple[int, int, bool]]) -> None:
    certs = [
        make_cert(f"c{i}", costs=(fee(min(a, b), max(a, b)),) + ((fee(None, label="Dues"),) if partial else ()))
        for i, (a, b, partial) in enumerate(ranges)
    ]
    fields = plain_fields(rendered(view(*certs), "plain"))
    lows = [(min(a, b), max(a, b), partial) for a, b, partial in ranges]
    for i, (low, high, partial) in enumerate(lows):
        marked = fields[f"c{i}"]["up front"].endswith(" (lowest)")
        lowest = not partial and all(low <= lo and high <= hi for j, (lo, hi, _) in enumerate(lows) if j != i)
        assert marked == lowest, (ranges, fields)


# --- reusable plain and CSV ------------------------------------------------------------------------


def test_csv_amounts_are_numbers_with_completeness_and_lowest_like_lists() -> None:
    compared = view(EXAM_UNKNOWN, RENEWAL_UNPRICED, make_cert("free", costs=(fee(0),)), years=6)
    rows = list(csv.reader(io.StringIO(rendered(compared, "csv"))))
    assert rows[0] == [
        *("id", "name", "origin", "issuer", "verification", "issuer_page"),
        *("upfront_min", "upfront_max", "upfront_complete", "upfront_lowest"),
        *("total_min", "total_max", "total_complete", "total_lowest"),
        *("currency", "unknown", "duration", "prerequisites", "exam", "renewal"),
    ]
    by_id = {row[0]: dict(zip(rows[0], row, strict=True)) for row in rows[1:]}
    cip, lssc, free = by_id["cip-like"], by_id["lssc-like"], by_id["free"]
    assert [cip[k] for k in ("upfront_min", "upfront_complete", "total_min", "total_max", "total_complete")] == [
        "",
        "",
        "150",
        "150",
        "false",
    ]
    assert [lssc[k] for k in ("upfront_min", "upfront_max", "upfront_complete", "upfront_lowest")] == [
        "350",
        "350",
        "true",
        "false",
    ]
    assert (free["upfront_min"], free["upfront_lowest"], free["total_lowest"]) == ("0", "true", "true")
    assert cip["unknown"] == "exam voucher x 2"


def test_nothing_but_the_side_by_side_table_says_rows_are_highlighted() -> None:
    compared = view(EXAM_UNKNOWN, RENEWAL_UNPRICED)
    assert "highlighted" not in json.loads(rendered(compared, "json"))["method"]
    assert "highlighted" not in rendered(compared, "table", 50)  # a block per entry
    assert "highlighted" not in rendered(compared, "plain") + rendered(compared, "csv")
    assert "Rows that differ are highlighted." in " ".join(rendered(compared, "table", 160).split())


def test_json_lists_the_unknown_fees_of_each_entry() -> None:
    doc = json.loads(rendered(view(EXAM_UNKNOWN, RENEWAL_UNPRICED, years=6), "json"))
    assert [c["unknown"] for c in doc["certifications"]] == [["exam voucher x 2"], ["renewal fee (every 4 years)"]]


# --- your own entries ----------------------------------------------------------------------------


def test_your_own_entry_is_marked_in_table_plain_and_csv() -> None:
    mine = make_cert("lssc", name="Library Support Staff Certification", acronym="LSSC", costs=(fee(350),))
    compared = view(mine, make_cert("cpla", costs=(fee(3775),)), user=("lssc",))
    table = rendered(compared, "table", 160)
    header = [line for line in table.splitlines() if line.startswith("┃")]
    assert any("[your own entry]" in line for line in header), table
    assert table.count("[your own entry]") == 1
    fields = plain_fields(rendered(compared, "plain"))
    assert fields["lssc"]["name"] == "Library Support Staff Certification (LSSC) [your own entry]"
    assert fields["cpla"]["name"] == "Demo cpla"
    rows = {r["id"]: r for r in csv.DictReader(io.StringIO(rendered(compared, "csv")))}
    assert (rows["lssc"]["origin"], rows["cpla"]["origin"]) == ("user", "bundled")
    stacked = rendered(compared, "table", 50)
    assert "Library Support Staff Certification (LSSC) [your own entry] issuer:" in " ".join(stacked.split())
