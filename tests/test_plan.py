"""`certfind plan`: due dates over N years, what each asks, its fee and the running total; the
iCalendar file; and the refusals (bad dates, existing files). CLI tests check stdout, stderr and the
exit code together."""

from __future__ import annotations

import csv
import io
import itertools
import json
import os
import re
import resource
import subprocess
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import NamedTuple

import icalendar
import pytest
from hypothesis import given
from hypothesis import strategies as st
from typer.testing import CliRunner

from certfind import catalog as catalog_module
from certfind import costs, plan
from certfind.cli import app
from certfind.model import Certification, Fee, Money, Renewal
from tests.support import CERTFIND, TODAY, WriteCatalog, catalog_text, cli, proc_env

BUNDLED = list(catalog_module.load())
STAMP = datetime(2026, 11, 24, 12, 0, tzinfo=UTC)


def entry(ident: str, *lines: str) -> str:
    """A minimal catalog entry (a file given with --catalog needs no sources) plus extra lines."""
    head = f"  - id: {ident}\n    name: {ident.title()} Credential\n    issuer: Demo Society\n"
    head += "    category: library\n    summary: An entry for tests.\n"
    return head + "".join(f"    {line}\n" for line in lines)


DUES = entry(
    "dues",
    "costs:",
    "  - {label: Application, amount: 100}",
    "  - {label: Membership dues, amount: 50, every_years: 1, audience: member}",
    "  - {label: Renewal, amount: 80, every_years: 2}",
    'renewal: {every_years: 2, requirement: "20 contact hours"}',
)
UNKNOWN_FEE = entry(
    "unknownfee",
    "costs:",
    "  - {label: Application, amount: 100}",
    "  - {label: Renewal, every_years: 3, note: not published}",
    "renewal: {every_years: 3, requirement: 30 credits}",
)
NO_RENEWAL = entry("norenewal", "costs:", "  - {label: Application, amount: 60}")


def cert(*fees: Fee, renewal: Renewal | None = None, ident: str = "x") -> Certification:
    return Certification(ident, "X", "I", "library", "s", costs=fees, renewal=renewal)


class RawRun(NamedTuple):
    code: int
    out: bytes  # exactly as written: CliRunner's text form turns CRLF into LF
    err: str


def raw_cli(*args: str) -> RawRun:
    result = CliRunner().invoke(app, list(args), catch_exceptions=False)
    return RawRun(result.exit_code, result.stdout_bytes, result.stderr)


def ics_of(run: RawRun) -> icalendar.Calendar:
    return icalendar.Calendar.from_ical(run.out)


def events_of(calendar: icalendar.Calendar) -> list[icalendar.Event]:
    return [c for c in calendar.walk("VEVENT") if isinstance(c, icalendar.Event)]


# --- the done-when cases -----------------------------------------------------------------------


@pytest.mark.parametrize(("member", "fee", "pricing"), [(False, 150, "non-member"), (True, 135, "member")])
def test_cip_over_nine_years_has_the_2028_and_2031_renewals(member: bool, fee: int, pricing: str) -> None:
    run = cli("plan", "cip", "--earned", "2025-03-01", "--years", "9", "--format", "json", *(["--member"] * member))
    assert (run.code, run.err) == (0, "")
    doc = json.loads(run.out)
    assert (doc["id"], doc["earned"], doc["years"], doc["until"], doc["pricing"]) == (
        "cip",
        "2025-03-01",
        9,
        "2034-03-01",
        pricing,
    )
    renewals = [e for e in doc["events"] if e["kind"] == "renewal"]
    assert [e["date"] for e in renewals] == ["2028-03-01", "2031-03-01"]  # 2034 is not within the 9 years
    assert {e["requirement"] for e in renewals} == {"60 CEUs"}
    assert [e["fee"] for e in renewals] == [{"currency": "USD", "min": fee, "max": fee, "complete": True}] * 2
    # the exam fee is unknown, so every total is "at least"
    assert [e["total"]["min"] for e in renewals] == [fee, 2 * fee]
    assert doc["total"] == {"currency": "USD", "min": 2 * fee, "max": 2 * fee, "complete": False}
    assert doc["note"] is None


def test_plan_json_has_a_stable_shape() -> None:
    doc = json.loads(cli("plan", "lssc", "--earned", "2024-06-15", "-f", "json").out)
    keys = ["id", "name", "earned", "years", "until", "pricing", "renewal", "upfront", "events", "total", "note"]
    keys.append("warning")
    assert list(doc) == keys
    assert all(list(e) == ["date", "kind", "label", "requirement", "fee", "total"] for e in doc["events"])
    assert doc["events"][0]["kind"] == "earned"
    assert doc["events"][0]["fee"] == doc["upfront"]


def test_lssc_calendar_is_written_and_parses(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    run = cli("plan", "lssc", "--earned", "2024-06-15", "--ics", "out.ics")
    assert run.code == 0, run.err
    assert run.err == "certfind: wrote 2 due dates to out.ics\n"
    assert run.out.startswith("certification\tLibrary Support Staff Certification (LSSC)\n")  # the plan as usual
    calendar = icalendar.Calendar.from_ical((tmp_path / "out.ics").read_bytes())
    events = events_of(calendar)
    assert [e.decoded("DTSTART") for e in events] == [date(2028, 6, 15), date(2032, 6, 15)]
    alarms = list(events[0].walk("VALARM"))
    assert len(alarms) == 1
    assert alarms[0].decoded("TRIGGER") == timedelta(days=-90)
    assert str(alarms[0]["ACTION"]) == "DISPLAY"


# --- due dates and totals (pure) ---------------------------------------------------------------


def test_a_renewal_due_exactly_n_years_after_is_outside_the_plan() -> None:
    c = cert(Fee("Renewal", 1000, 1000, every_years=3), renewal=Renewal(3, "CE"))
    for years, dates in [
        (3, []),
        (4, [date(2023, 1, 1)]),
        (6, [date(2023, 1, 1)]),
        (7, [date(2023, 1, 1), date(2026, 1, 1)]),
    ]:
        p = plan.build(c, date(2020, 1, 1), years)
        assert [e.when for e in p.due] == dates, years


def test_a_29_february_anniversary_falls_on_28_february_in_a_common_year() -> None:
    assert plan.anniversary(date(2024, 2, 29), 1) == date(2025, 2, 28)
    assert plan.anniversary(date(2024, 2, 29), 4) == date(2028, 2, 29)
    assert plan.anniversary(date(2025, 3, 1), 3) == date(2028, 3, 1)


def test_recurring_fees_of_the_renewal_period_are_the_renewal_fee() -> None:
    c = cert(
        Fee("Maintenance", 49500, 49500, every_years=5),
        Fee("Maintenance registration", 7500, 7500, every_years=5),
        Fee("Membership dues", 1000, 1000, every_years=5),
        renewal=Renewal(5, "Maintenance of Certification"),
    )
    p = plan.build(c, date(2020, 1, 1), 10)
    assert [(e.kind, e.label, e.fee) for e in p.due] == [
        ("renewal", "Renewal", Money("USD", 57000, 57000)),
        ("dues", "Membership dues", Money("USD", 1000, 1000)),
    ]


def test_other_recurring_fees_fall_due_on_their_own_dates() -> None:
    c = cert(Fee("Newsletter", 500, 500, every_years=2), renewal=None)
    p = plan.build(c, date(2020, 5, 5), 5)
    assert [(e.when, e.kind, e.label) for e in p.due] == [
        (date(2022, 5, 5), "fee", "Newsletter"),
        (date(2024, 5, 5), "fee", "Newsletter"),
    ]
    assert p.note == "The catalog lists no renewal for this credential. Only its recurring fees fall due."


def test_an_unknown_fee_is_unknown_and_makes_the_total_at_least() -> None:
    c = cert(Fee("Application", 10000, 10000), Fee("Renewal", None, None, every_years=2), renewal=Renewal(2, "CE"))
    p = plan.build(c, date(2020, 1, 1), 5)
    assert [plan.money_text(e.fee) for e in p.due] == ["unknown", "unknown"]
    assert [plan.money_text(e.total) for e in p.events] == ["$100", "at least $100", "at least $100"]
    assert p.total == Money("USD", 10000, 10000, complete=False)


def test_money_text() -> None:
    assert plan.money_text(None) == "no fee listed"
    assert plan.money_text(None, "unknown") == "unknown"
    assert plan.money_text(Money("USD", 15000, 20000)) == "$150-$200"
    assert plan.money_text(Money("USD", 15000, 20000, complete=False)) == "at least $150"
    assert plan.money_text(Money("USD", 0, 0, complete=False, known=False)) == "unknown"
    assert plan.money_text(Money("USD", 0, 0, complete=False)) == "at least $0"  # a known $0 and an unknown fee


def test_no_fee_at_all_leaves_the_total_unknown_not_free() -> None:
    p = plan.build(cert(renewal=Renewal(2, "CE")), date(2020, 1, 1), 5)
    assert p.total is None
    unknown = Money("USD", 0, 0, complete=False, known=False)
    assert [e.fee for e in p.due] == [unknown, unknown]  # a renewal with no fee listed: its fee is unknown


amounts = st.one_of(st.none(), st.integers(0, 10**7))


@st.composite
def fees(draw: st.DrawFn) -> Fee:
    lo = draw(amounts)
    return Fee(
        draw(st.sampled_from(["Renewal", "Membership dues", "Maintenance", "Exam"])),
        lo,
        None if lo is None else lo + draw(st.integers(0, 10**6)),
        audience=draw(st.sampled_from(["all", "member", "non-member"])),
        units=draw(st.integers(1, 5)),
        every_years=draw(st.one_of(st.none(), st.integers(1, 6))),
    )


periods = st.one_of(st.none(), st.integers(1, 6))
renewals = st.one_of(
    st.none(),
    st.builds(Renewal, periods, st.text(max_size=5), on=st.just(""), years=st.just(""), optional=st.booleans()),
)
days = st.dates(date(1990, 1, 1), date(2036, 11, 24))


@given(st.lists(fees(), max_size=6), renewals, days, st.integers(1, 100), st.booleans())
def test_the_final_total_is_costs_total(
    fee_list: list[Fee], renewal: Renewal | None, earned: date, years: int, member: bool
) -> None:
    p = plan.build(cert(*fee_list, renewal=renewal), earned, years, member)
    assert p.total == costs.total(cert(*fee_list, renewal=renewal), years, member)
    assert p.events[0].kind == "earned"
    assert [e.when for e in p.events] == sorted(e.when for e in p.events)
    assert all(earned < e.when < p.until for e in p.due)
    totals = [e.total for e in p.events if e.total is not None]
    assert [t.min_cents for t in totals] == sorted(t.min_cents for t in totals)  # the running total never falls


@given(st.sampled_from(BUNDLED), days, st.integers(1, 100), st.booleans())
def test_every_catalog_entry_plans_to_its_costs_total(c: Certification, earned: date, years: int, member: bool) -> None:
    p = plan.build(c, earned, years, member)
    if c.renewal is None or not c.renewal.on:  # a calendar renewal's count depends on the earned date
        assert p.total == costs.total(c, years, member)
    assert p.events[-1].total == p.total
    if c.renewal is None or c.renewal.every_years is None:
        assert p.note
        assert not [e for e in p.due if e.kind == "renewal"]


def test_years_below_one_are_refused_by_the_pure_function() -> None:
    with pytest.raises(ValueError, match="years must be at least 1"):
        plan.build(cert(), date(2020, 1, 1), 0)


# --- what the command prints -------------------------------------------------------------------


def test_plain_output_is_label_and_value_lines() -> None:
    run = cli("plan", "cip", "--earned", "2025-03-01", "--years", "9")
    assert (run.code, run.err) == (0, "")
    assert run.out == (
        "certification\tCertified Information Professional (CIP)\n"
        "id\tcip\n"
        "held\t9 years, 2025-03-01 to 2034-03-01, at non-member prices\n"
        "renewal\tevery 3 years; 60 CEUs; Alternatively retake the then-current exam at its then-current price\n"
        "2025-03-01\tearned; up front unknown; total so far unknown\n"
        "2028-03-01\trenewal: 60 CEUs; fee $150; total so far at least $150\n"
        "2031-03-01\trenewal: 60 CEUs; fee $150; total so far at least $300\n"
        "total\tat least $300\n"
    )


def test_member_dues_count_only_with_member(write_catalog: WriteCatalog) -> None:
    path = write_catalog(catalog_text(DUES))
    member = cli("--catalog", path, "plan", "dues", "--earned", "2024-01-01", "--years", "3", "--member")
    assert (member.code, member.err) == (0, "")
    assert member.out.splitlines()[2:] == [
        "held\t3 years, 2024-01-01 to 2027-01-01, at member prices",
        "renewal\tevery 2 years; 20 contact hours",
        "2024-01-01\tearned; up front $100; total so far $100",
        "2025-01-01\tMembership dues; fee $50; total so far $150",
        "2026-01-01\trenewal: 20 contact hours; fee $80; total so far $230",
        "2026-01-01\tMembership dues; fee $50; total so far $280",
        "total\t$280",
    ]
    other = cli("--catalog", path, "plan", "dues", "--earned", "2024-01-01", "--years", "3")
    assert (other.code, other.err) == (0, "")
    assert "dues" not in other.out.replace("id\tdues", "")
    assert other.out.endswith("total\t$180\n")


def test_a_credential_without_renewal_says_so(write_catalog: WriteCatalog) -> None:
    path = write_catalog(catalog_text(NO_RENEWAL))
    run = cli("--catalog", path, "plan", "norenewal", "--earned", "2024-01-01")
    assert (run.code, run.err) == (0, "")
    assert "renewal\tnone listed\n" in run.out
    assert "note\tThe catalog lists no renewal for this credential. Nothing falls due to keep it.\n" in run.out
    assert run.out.endswith("2024-01-01\tearned; up front $60; total so far $60\ntotal\t$60\n")
    doc = json.loads(cli("--catalog", path, "plan", "norenewal", "--earned", "2024-01-01", "-f", "json").out)
    assert doc["renewal"] is None
    assert [e["kind"] for e in doc["events"]] == ["earned"]
    assert doc["note"].startswith("The catalog lists no renewal")


def test_a_renewal_without_a_period_is_explained() -> None:
    run = cli("plan", "az-library-media-endorsement", "--earned", "2024-01-01", "-f", "json")
    assert (run.code, run.err) == (0, "")
    doc = json.loads(run.out)
    assert doc["note"].startswith(
        "The catalog gives no renewal period for this credential, so no renewal date can be planned. "
        "Renews automatically with the teaching certificate it is attached to. Nothing falls due to keep it. "
        "Not in the totals: NES NT502 exam, only for applicants who "
    )


def test_unknown_renewal_fee_shows_unknown_and_at_least(write_catalog: WriteCatalog) -> None:
    path = write_catalog(catalog_text(UNKNOWN_FEE))
    run = cli("--catalog", path, "plan", "unknownfee", "--earned", "2020-01-01", "--years", "7")
    assert (run.code, run.err) == (0, "")
    assert run.out.splitlines()[4:] == [
        "2020-01-01\tearned; up front $100; total so far $100",
        "2023-01-01\trenewal: 30 credits; fee unknown; total so far at least $100",
        "2026-01-01\trenewal: 30 credits; fee unknown; total so far at least $100",
        "total\tat least $100",
    ]


def test_csv_has_one_row_per_date_and_the_note_goes_to_stderr(write_catalog: WriteCatalog) -> None:
    run = cli("plan", "cip", "--earned", "2025-03-01", "--years", "9", "-f", "csv")
    assert (run.code, run.err) == (0, "")
    rows = list(csv.DictReader(io.StringIO(run.out)))
    assert [
        (r["date"], r["kind"], r["requirement"], r["fee_min"], r["total_min"], r["total_complete"]) for r in rows
    ] == [
        ("2025-03-01", "earned", "", "0", "0", "false"),
        ("2028-03-01", "renewal", "60 CEUs", "150", "150", "false"),
        ("2031-03-01", "renewal", "60 CEUs", "150", "300", "false"),
    ]
    path = write_catalog(catalog_text(NO_RENEWAL))
    none = cli("--catalog", path, "plan", "norenewal", "--earned", "2024-01-01", "-f", "csv")
    assert none.code == 0
    assert none.out.count("\n") == 2
    assert none.err == "certfind: The catalog lists no renewal for this credential. Nothing falls due to keep it.\n"


def test_table_shows_dates_fees_and_the_total() -> None:
    run = cli("plan", "cip", "--earned", "2025-03-01", "--years", "9", "-f", "table")
    assert (run.code, run.err) == (0, "")
    lines = run.out.splitlines()
    assert lines[0] == "Certified Information Professional (CIP)"
    assert "Held 9 years, 2025-03-01 to 2034-03-01, at non-member prices." in lines
    assert any(re.match(r"2028-03-01 .*renewal .*60 CEUs .*\$150 .*at least \$150", line) for line in lines)
    assert lines[-1] == "Total for 9 years: at least $300"


def test_narrow_table_puts_each_date_on_its_own_line() -> None:
    run = cli("plan", "cip", "--earned", "2025-03-01", "--years", "9", "-f", "table", env={"COLUMNS": "50"})
    assert (run.code, run.err) == (0, "")
    assert "2028-03-01 renewal: 60 CEUs; fee $150; total so \nfar at least $150" in run.out
    assert "┃" not in run.out


def test_catalog_text_is_never_markup(write_catalog: WriteCatalog) -> None:
    path = write_catalog(catalog_text(entry("markup", 'renewal: {every_years: 1, requirement: "[bold]x[/] :smile:"}')))
    run = cli("--catalog", path, "plan", "markup", "--earned", "2024-01-01", "--years", "2", "-f", "table")
    assert (run.code, run.err) == (0, "")
    assert "[bold]x[/] :smile:" in run.out


def test_an_unknown_name_exits_1_with_candidates() -> None:
    run = cli("plan", "zzqxjv", "--earned", "2024-01-01")
    assert (run.code, run.out) == (1, "")
    assert run.err == "certfind: no certification matches 'zzqxjv'\n"


def test_names_resolve_like_show() -> None:
    by_acronym = cli("plan", "CIP", "--earned", "2025-03-01", "-f", "json")
    by_name = cli("plan", "Certified Information Professional", "--earned", "2025-03-01", "-f", "json")
    assert by_acronym.code == by_name.code == 0
    assert by_acronym.out == by_name.out


# --- dates and numbers that are refused --------------------------------------------------------


TOO_FAR = (TODAY.replace(year=TODAY.year + 10) + timedelta(days=1)).isoformat()


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("03/01/2025", "--earned takes a date as YYYY-MM-DD, e.g. 2025-03-01; got '03/01/2025'"),
        ("20250301", "--earned takes a date as YYYY-MM-DD, e.g. 2025-03-01; got '20250301'"),
        ("2025-3-1", "--earned takes a date as YYYY-MM-DD, e.g. 2025-03-01; got '2025-3-1'"),
        ("", "--earned takes a date as YYYY-MM-DD, e.g. 2025-03-01; got ''"),
        ("2025-02-30", "--earned 2025-02-30 is not a real date"),
        ("2025-13-01", "--earned 2025-13-01 is not a real date"),
        ("0000-01-01", "--earned 0000-01-01 is not a real date"),
        ("0001-01-01", "--earned 0001-01-01 is before 1900; is it a typo?"),
        ("1899-12-31", "--earned 1899-12-31 is before 1900; is it a typo?"),
        (TOO_FAR, f"--earned {TOO_FAR} is more than 10 years after today ({TODAY.isoformat()}); is it a typo?"),
        ("2206-11-25", f"--earned 2206-11-25 is more than 10 years after today ({TODAY.isoformat()}); is it a typo?"),
    ],
)
def test_bad_earned_dates_are_usage_errors(value: str, message: str) -> None:
    run = cli("plan", "cip", "--earned", value)
    assert (run.code, run.out) == (2, "")
    assert run.err == f"certfind: {message}\n"


def test_a_date_up_to_ten_years_ahead_is_planning_ahead() -> None:
    limit = TODAY.replace(year=TODAY.year + 10).isoformat()
    run = cli("plan", "cip", "--earned", limit, "--years", "4", "-f", "json")
    assert (run.code, run.err) == (0, "")
    assert json.loads(run.out)["earned"] == limit


@pytest.mark.parametrize(("day", "text"), [(date(5, 1, 1), "00050101"), (date(999, 12, 31), "09991231")])
def test_calendar_dates_always_have_eight_digits(day: date, text: str) -> None:
    assert plan.ics_date(day) == text


def test_earned_is_required() -> None:
    run = cli("plan", "cip")
    assert (run.code, run.out) == (2, "")
    assert run.err == "certfind: plan needs --earned DATE\ntry: certfind plan cip --earned 2025-03-01 --years 9\n"


@pytest.mark.parametrize("years", ["0", "101", "-1", "ten"])
def test_years_must_be_1_to_100(years: str) -> None:
    run = cli("plan", "cip", "--earned", "2025-03-01", "--years", years)
    assert (run.code, run.out) == (2, "")
    assert "--years" in run.err
    assert "Traceback" not in run.err


# --- the calendar ------------------------------------------------------------------------------


def test_ics_to_stdout_replaces_the_plan() -> None:
    run = raw_cli("plan", "cip", "--earned", "2025-03-01", "--years", "9", "--ics", "-")
    assert (run.code, run.err) == (0, "")
    assert run.out.startswith(b"BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//certfind//certfind ")
    assert b"certification\t" not in run.out
    events = events_of(ics_of(run))
    assert [e.decoded("DTSTART") for e in events] == [date(2028, 3, 1), date(2031, 3, 1)]
    assert [str(e["UID"]) for e in events] == ["cip-2028-03-01@certfind", "cip-2031-03-01@certfind"]
    description = str(events[0]["DESCRIPTION"])
    assert "Renewal: 60 CEUs. Fee: $150." in description
    assert "Total so far: at least $150." in description
    assert "Alternatively retake the then-current exam" in description
    assert str(events[0]["SUMMARY"]) == "Certified Information Professional (CIP): renewal due"
    for e in events:
        assert e.decoded("DTEND") - e.decoded("DTSTART") == timedelta(days=1)
        assert isinstance(e.decoded("DTSTAMP"), datetime)
        [alarm] = e.walk("VALARM")
        assert alarm.decoded("TRIGGER") == timedelta(days=-90)
        assert str(alarm["ACTION"]) == "DISPLAY"
        assert str(alarm["DESCRIPTION"])


def test_ics_member_prices_in_the_description() -> None:
    run = raw_cli("plan", "cip", "--earned", "2025-03-01", "--years", "9", "--member", "--ics", "-")
    assert run.code == 0
    assert "Fee: $135." in str(events_of(ics_of(run))[0]["DESCRIPTION"])


def test_uids_are_the_same_in_two_runs(tmp_path: Path) -> None:
    first, second = tmp_path / "a.ics", tmp_path / "b.ics"
    for path in (first, second):
        run = cli("plan", "ca", "--earned", "2024-02-29", "--years", "6", "--ics", str(path))
        assert run.code == 0, run.err
    uids = [[str(e["UID"]) for e in events_of(icalendar.Calendar.from_ical(p.read_bytes()))] for p in (first, second)]
    assert uids[0] == uids[1]
    assert len(set(uids[0])) == len(uids[0]) == 5  # one event per due date: dues in years 1-5, renewal in year 5
    assert uids[0][0] == "ca-2025-02-28@certfind"


def test_one_event_per_due_date_holds_everything_due_that_day(write_catalog: WriteCatalog) -> None:
    path = write_catalog(catalog_text(DUES))
    run = raw_cli("--catalog", path, "plan", "dues", "--earned", "2024-01-01", "--years", "3", "--member", "--ics", "-")
    assert (run.code, run.err) == (0, "")
    events = events_of(ics_of(run))
    assert [e.decoded("DTSTART") for e in events] == [date(2025, 1, 1), date(2026, 1, 1)]
    assert str(events[1]["SUMMARY"]) == "Dues Credential: renewal, Membership dues due"
    description = str(events[1]["DESCRIPTION"])
    assert "Renewal: 20 contact hours. Fee: $80.\nMembership dues. Fee: $50.\nTotal so far: $280." in description


def test_ics_lines_are_crlf_folded_at_75_octets_and_text_is_escaped(write_catalog: WriteCatalog) -> None:
    requirement = "a; b, c \\\\ d\\nline two " + "ünïcödé " * 20
    path = write_catalog(catalog_text(entry("long", f'renewal: {{every_years: 1, requirement: "{requirement}"}}')))
    run = raw_cli("--catalog", path, "plan", "long", "--earned", "2024-01-01", "--years", "2", "--ics", "-")
    assert (run.code, run.err) == (0, "")
    raw = run.out
    assert raw.endswith(b"END:VCALENDAR\r\n")
    assert b"\n" not in raw.replace(b"\r\n", b"")
    lines = raw.split(b"\r\n")[:-1]
    assert max(len(line) for line in lines) <= 75
    assert any(line.startswith(b" ") for line in lines)  # the description was folded
    for line in lines:
        line.decode("utf-8")  # never split inside a character
    assert b"a\\; b\\, c \\\\ d\\nline two" in raw.replace(b"\r\n ", b"")
    [event] = events_of(ics_of(run))
    assert "Renewal: a; b, c \\ d\nline two ünïcödé" in str(event["DESCRIPTION"])


def test_fold_and_escape() -> None:
    assert plan.fold("x" * 75) == "x" * 75 + "\r\n"
    assert plan.fold("x" * 76) == "x" * 75 + "\r\n x\r\n"
    assert plan.fold("é" * 40) == "é" * 37 + "\r\n " + "é" * 3 + "\r\n"  # 74 octets, then 6
    assert plan.ics_text("a\\b;c,d\r\ne\x07f") == "a\\\\b\\;c\\,d\\ne f"
    assert plan.ics_text("x\ud800y") == "x\ufffdy"  # a lone surrogate cannot be written as UTF-8


@given(st.text(st.characters(codec="utf-8", exclude_characters="\r\n"), max_size=300))  # a content line
def test_folding_keeps_every_character_and_the_octet_limit(value: str) -> None:
    folded = plan.fold(value)
    pieces = folded.split("\r\n")
    assert pieces[-1] == ""
    assert all(len(p.encode("utf-8")) <= 75 for p in pieces)
    assert all(p.startswith(" ") for p in pieces[1:-1])
    assert "".join([pieces[0], *(p[1:] for p in pieces[1:-1])]) == value


def test_ics_is_deterministic_but_for_dtstamp() -> None:
    c = BUNDLED[[b.id for b in BUNDLED].index("cip")]
    p = plan.build(c, date(2025, 3, 1), 9)
    one = plan.ics(p, STAMP)
    other = plan.ics(p, STAMP + timedelta(hours=5))
    assert one.replace("T120000Z", "T170000Z") == other
    assert one.count("BEGIN:VEVENT") == 2


def test_an_existing_file_is_never_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "out.ics"
    target.write_text("mine\n", encoding="utf-8")
    run = cli("plan", "lssc", "--earned", "2024-06-15", "--ics", str(target))
    assert (run.code, run.out) == (2, "")
    assert run.err == f"certfind: {target} already exists; certfind never overwrites a file: choose another name\n"
    assert target.read_text(encoding="utf-8") == "mine\n"


def test_a_planted_symlink_is_refused_and_its_target_untouched(tmp_path: Path) -> None:
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n", encoding="utf-8")
    link = tmp_path / "out.ics"
    link.symlink_to(victim)
    dangling = tmp_path / "dangling.ics"
    dangling.symlink_to(tmp_path / "nowhere.txt")
    for path in (link, dangling):
        run = cli("plan", "lssc", "--earned", "2024-06-15", "--ics", str(path))
        assert (run.code, run.out) == (2, "")
        assert run.err == f"certfind: {path} already exists; certfind never overwrites a file: choose another name\n"
    assert victim.read_text(encoding="utf-8") == "precious\n"
    assert not (tmp_path / "nowhere.txt").exists()


def test_a_file_that_cannot_be_written_is_a_one_line_error(tmp_path: Path) -> None:
    missing_dir = tmp_path / "no" / "such" / "dir" / "out.ics"
    run = cli("plan", "lssc", "--earned", "2024-06-15", "--ics", str(missing_dir))
    assert (run.code, run.out) == (1, "")
    assert run.err == f"certfind: cannot write {missing_dir}: No such file or directory\n"


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes anywhere")
def test_a_read_only_directory_is_a_one_line_error(tmp_path: Path) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        run = cli("plan", "lssc", "--earned", "2024-06-15", "--ics", str(locked / "out.ics"))
    finally:
        locked.chmod(0o700)
    assert (run.code, run.out) == (1, "")
    assert run.err == f"certfind: cannot write {locked / 'out.ics'}: Permission denied\n"


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_leaves_no_partial_file(tmp_path: Path) -> None:
    target = tmp_path / "out.ics"

    def small_files() -> None:  # as `ulimit -f`: a write past 100 bytes fails (EFBIG), as on a full disk
        resource.setrlimit(resource.RLIMIT_FSIZE, (100, 100))

    run = subprocess.run(
        [*CERTFIND, "plan", "lssc", "--earned", "2024-06-15", "--ics", str(target)],
        capture_output=True,
        text=True,
        env=proc_env(tmp_path, HOME="", XDG_CACHE_HOME=""),  # no cache: only the calendar is written
        preexec_fn=small_files,
        timeout=60,
        check=False,
    )
    assert (run.returncode, run.stdout) == (1, "")
    assert run.stderr == f"certfind: cannot write {target}: File too large\n"
    assert not target.exists()


def test_no_calendar_when_nothing_falls_due(write_catalog: WriteCatalog, tmp_path: Path) -> None:
    path = write_catalog(catalog_text(NO_RENEWAL))
    target = tmp_path / "out.ics"
    run = cli("--catalog", path, "plan", "norenewal", "--earned", "2024-01-01", "--ics", str(target))
    assert (run.code, run.out) == (1, "")
    assert run.err == (
        "certfind: nothing falls due for norenewal within 10 years of 2024-01-01, so there is no calendar to write;"
        " run without --ics to see the plan\n"
    )
    assert not target.exists()


def test_help_explains_by_example() -> None:
    short, long = cli("plan", "-h"), cli("plan", "--help")
    assert short == long
    assert (short.code, short.err) == (0, "")
    assert "Examples" in short.out
    assert short.out.count("certfind plan ") >= 3
    assert " plan " in cli().out  # listed by bare certfind


# --- renewals on a calendar date ---------------------------------------------------------------


def test_a_calendar_renewal_falls_on_the_last_such_date_within_one_period() -> None:
    georgia = Renewal(2, "10 hours", on="06-30", years="even")
    until = date(2036, 1, 15)
    assert plan.renewal_dates(georgia, date(2026, 1, 15), until)[:2] == [date(2026, 6, 30), date(2028, 6, 30)]
    assert plan.renewal_dates(georgia, date(2026, 7, 1), until)[0] == date(2028, 6, 30)
    assert plan.renewal_dates(georgia, date(2027, 3, 1), until)[0] == date(2028, 6, 30)
    odd = Renewal(2, "", on="06-30", years="odd")
    assert plan.renewal_dates(odd, date(2026, 1, 15), until)[0] == date(2027, 6, 30)
    south_dakota = Renewal(3, "30 hours", on="08-31")
    assert plan.renewal_dates(south_dakota, date(2026, 1, 15), until) == [
        date(2028, 8, 31),
        date(2031, 8, 31),
        date(2034, 8, 31),
    ]


def test_a_calendar_renewal_on_29_february_falls_on_the_28th_in_common_years() -> None:
    leap = Renewal(1, "", on="02-29")
    assert plan.renewal_dates(leap, date(2027, 3, 1), date(2030, 3, 2)) == [
        date(2028, 2, 29),
        date(2029, 2, 28),
        date(2030, 2, 28),
    ]


@given(
    st.integers(1, 6),
    st.dates(date(1990, 1, 1), date(2036, 11, 24)),
    st.sampled_from(["01-01", "02-29", "06-30", "08-31", "12-31"]),
    st.sampled_from(["", "even", "odd"]),
    st.integers(1, 30),
)
def test_calendar_renewals_keep_their_day_parity_and_spacing(
    every: int, earned: date, on: str, years: str, held: int
) -> None:
    parity_fits = not years or every % 2 == 0
    renewal = Renewal(every, "", on=on, years=years if parity_fits else "")
    until = plan.anniversary(earned, held)
    dates = plan.renewal_dates(renewal, earned, until)
    assert all(earned < d < until for d in dates)
    assert all(d.strftime("%m-%d") == on or (on == "02-29" and d.strftime("%m-%d") == "02-28") for d in dates)
    assert all(b.year - a.year == every for a, b in itertools.pairwise(dates))
    if renewal.years:
        assert all(d.year % 2 == (0 if renewal.years == "even" else 1) for d in dates)
    if dates:
        assert dates[0] <= plan.anniversary(earned, every) or dates[0].year <= earned.year + 2
