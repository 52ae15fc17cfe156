"""Cost arithmetic: ranges, counts, recurring fees, member pricing, currencies; with properties."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given
from hypothesis import strategies as st

from certfind import costs
from certfind.model import Certification, Fee, Money, Renewal, Route, Source, Verification


def cert(
    *fees: Fee, currency: str = "USD", renewal: Renewal | None = None, requirements: tuple[Route, ...] = ()
) -> Certification:
    return Certification(
        id="x",
        name="X",
        issuer="I",
        category="library",
        summary="s",
        verification=Verification("confirmed", date(2026, 11, 24)),
        sources=(Source("t", "https://example.org", date(2026, 11, 24)),),
        currency=currency,
        costs=fees,
        renewal=renewal,
        requirements=requirements,
    )


def fee(lo: int | None, hi: int | None = None, **kw: object) -> Fee:
    return Fee("f", lo, lo if hi is None else hi, **kw)  # type: ignore[arg-type]


def test_ranges_add_as_ranges() -> None:
    c = cert(fee(15000, 20000), fee(5000))
    assert costs.upfront(c) == Money("USD", 20000, 25000)
    assert costs.format_money(costs.upfront(c)) == "$200-$250"


def test_count_multiplies_a_per_unit_fee() -> None:
    assert costs.upfront(cert(fee(6000, units=7))) == Money("USD", 42000, 42000)


@pytest.mark.parametrize(("years", "renewals"), [(1, 0), (3, 0), (4, 1), (6, 1), (7, 2), (10, 3)])
def test_recurring_fee_is_paid_ceil_n_over_period_minus_one_times(years: int, renewals: int) -> None:
    c = cert(fee(10000), fee(15000, every_years=3))
    assert costs.upfront(c) == Money("USD", 10000, 10000)
    assert costs.total(c, years) == Money("USD", 10000 + 15000 * renewals, 10000 + 15000 * renewals)


def test_member_pricing_picks_member_fees_and_dues() -> None:
    c = cert(
        fee(35000, audience="non-member"),
        fee(32500, audience="member"),
        fee(7000, audience="member"),  # first-year dues
        fee(7000, audience="member", every_years=1),  # yearly dues after that
    )
    assert costs.upfront(c) == Money("USD", 35000, 35000)
    assert costs.upfront(c, member=True) == Money("USD", 39500, 39500)
    assert costs.total(c, 5, member=True) == Money("USD", 39500 + 4 * 7000, 39500 + 4 * 7000)


def test_members_can_pay_more_once_dues_count() -> None:
    """Why the member <= non-member property needs paired fees: ISCET-like pricing."""
    c = cert(fee(5000, audience="non-member", every_years=2), fee(7000, audience="member", every_years=1))
    member_total = costs.total(c, 5, member=True)
    other_total = costs.total(c, 5)
    assert member_total is not None
    assert other_total is not None
    assert member_total.min_cents > other_total.min_cents


def test_unknown_amount_makes_the_total_incomplete() -> None:
    c = cert(fee(None), fee(15000, every_years=3))
    assert costs.total(c, 5) == Money("USD", 15000, 15000, complete=False)
    assert costs.format_money(costs.total(c, 5)) == "$150 + unknown"
    assert costs.format_money(costs.upfront(c)) == "unknown"


def test_an_unknown_fee_not_yet_due_leaves_the_total_complete() -> None:
    c = cert(fee(10000), fee(None, every_years=3))
    assert costs.total(c, 3) == Money("USD", 10000, 10000)  # first paid at year 3, not within 3 years
    assert costs.total(c, 4) == Money("USD", 10000, 10000, complete=False)


def test_no_fees_is_unknown_not_free() -> None:
    assert costs.upfront(cert()) is None
    assert costs.format_money(None) == "unknown"
    assert costs.format_money(costs.upfront(cert(fee(0)))) == "$0"


def test_currency_is_kept_and_never_converted() -> None:
    c = cert(fee(20500, 47500, units=28), currency="CAD")
    up = costs.upfront(c)
    assert up == Money("CAD", 20500 * 28, 47500 * 28)
    assert costs.format_money(up) == "C$5,740-C$13,300"
    assert costs.format_money(Money("JPY", 500000, 500000)) == "5,000 JPY"
    assert up.as_json() == {"currency": "CAD", "min": 5740, "max": 13300, "complete": True}


def test_cents_survive_into_json() -> None:
    assert Money("USD", 4999, 4999).as_json()["min"] == 49.99


def test_optional_and_conditional_fees_stay_out_of_every_total() -> None:
    c = cert(fee(10000), fee(5500, optional=True), fee(1000, every_years=1, applies_to="temporary-permit holders"))
    assert costs.upfront(c) == Money("USD", 10000, 10000)
    assert costs.total(c, 10) == Money("USD", 10000, 10000)


def test_a_sourced_nil_fee_is_free_and_complete_not_unknown() -> None:
    free = cert(fee(0))
    assert costs.upfront(free) == Money("USD", 0, 0)
    assert costs.format_money(costs.upfront(free)) == "$0"
    assert costs.format_money(costs.upfront(cert(fee(None)))) == "unknown"


def test_a_required_membership_with_no_price_makes_totals_at_least() -> None:
    members_only = (Route(membership=True),)
    c = cert(fee(5750), requirements=members_only)
    assert costs.upfront(c) == Money("USD", 5750, 5750, complete=False)
    assert costs.format_money(costs.total(c, 3)) == "$57.50 + unknown"
    priced = cert(fee(5750), fee(9000, membership=True), requirements=members_only)
    assert costs.upfront(priced) == Money("USD", 14750, 14750)
    either = cert(fee(5750), requirements=(Route(membership=True), Route(education="master")))
    assert costs.upfront(either) == Money("USD", 5750, 5750)  # a route without membership: not required


def test_a_renewal_due_with_no_fee_listed_makes_the_total_at_least() -> None:
    c = cert(fee(35000), renewal=Renewal(4, "32 contact hours"))
    assert costs.total(c, 4) == Money("USD", 35000, 35000)  # the first renewal falls after four years
    assert costs.total(c, 5) == Money("USD", 35000, 35000, complete=False)
    free_renewal = cert(fee(35000), fee(0, every_years=4), renewal=Renewal(4, "32 contact hours"))
    assert costs.total(free_renewal, 5) == Money("USD", 35000, 35000)
    optional = cert(fee(35000), renewal=Renewal(1, "CPD", optional=True))
    assert costs.total(optional, 5) == Money("USD", 35000, 35000)


def test_years_below_one_are_refused() -> None:
    with pytest.raises(ValueError, match="years must be at least 1"):
        costs.total(cert(fee(1)), 0)


amounts = st.integers(min_value=0, max_value=10**8)
audiences = st.sampled_from(["all", "member", "non-member"])


@st.composite
def fees(draw: st.DrawFn) -> Fee:
    lo = draw(st.one_of(st.none(), amounts))
    hi = None if lo is None else lo + draw(amounts)
    return Fee(
        "f",
        lo,
        hi,
        audience=draw(audiences),
        units=draw(st.integers(1, 50)),
        every_years=draw(st.one_of(st.none(), st.integers(1, 10))),
    )


@given(st.lists(fees(), max_size=8), st.integers(1, 60), st.booleans())
def test_totals_never_shrink_as_years_grow(fee_list: list[Fee], years: int, member: bool) -> None:
    c = cert(*fee_list)
    now, later = costs.total(c, years, member), costs.total(c, years + 1, member)
    up = costs.upfront(c, member)
    if now is None:
        assert later is None
        return
    assert later is not None
    assert later.min_cents >= now.min_cents
    assert later.max_cents >= now.max_cents
    assert now.min_cents <= now.max_cents
    if up is not None:
        assert now.min_cents >= up.min_cents


@st.composite
def paired_pricing(draw: st.DrawFn) -> list[Fee]:
    """Fees where every member price has a non-member twin at least as high (no member-only dues)."""
    out: list[Fee] = []
    for _ in range(draw(st.integers(0, 6))):
        every = draw(st.one_of(st.none(), st.integers(1, 10)))
        count = draw(st.integers(1, 20))
        if draw(st.booleans()):
            out.append(Fee("shared", draw(amounts), None, units=count, every_years=every))
            out[-1] = Fee("shared", out[-1].min_cents, out[-1].min_cents, units=count, every_years=every)
            continue
        member_lo = draw(amounts)
        member_hi = member_lo + draw(amounts)
        out.append(Fee("m", member_lo, member_hi, audience="member", units=count, every_years=every))
        extra_lo, extra_hi = draw(amounts), draw(amounts)
        out.append(
            Fee(
                "n",
                member_lo + extra_lo,
                member_hi + extra_lo + extra_hi,
                audience="non-member",
                units=count,
                every_years=every,
            )
        )
    return out


@given(paired_pricing(), st.integers(1, 60))
def test_member_totals_never_exceed_non_member_totals_when_prices_pair(fee_list: list[Fee], years: int) -> None:
    c = cert(*fee_list)
    member, other = costs.total(c, years, True), costs.total(c, years, False)
    if member is None or other is None:
        assert member is None
        assert other is None
        return
    assert member.min_cents <= other.min_cents
    assert member.max_cents <= other.max_cents
