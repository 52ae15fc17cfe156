"""`certfind eligible`: which credentials a profile meets by any one route, which it nearly meets and
what is missing, and what cannot be checked. CLI tests check stdout, stderr and the exit code together."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable

import pytest
from hypothesis import given
from hypothesis import strategies as st

from certfind import catalog as catalog_module
from certfind import eligibility, paths
from certfind.eligibility import Profile
from certfind.model import EDUCATION, QUALIFICATIONS, Certification, Entry, Route, Verification
from tests.support import BUNDLED_LEFT_OUT, WriteCatalog, catalog_text, cli

BUNDLED = list(catalog_module.load())


CAT_LSSC = next(c for c in catalog_module.load(str(paths.bundled_catalog())) if c.id == "lssc")


def entry(ident: str, *lines: str, status: str = "confirmed") -> str:
    """A minimal entry for a file given with --catalog, plus extra lines (requirements etc.)."""
    head = f"  - id: {ident}\n    name: {ident.title()} Credential\n    issuer: {ident.title()} Society\n"
    head += f"    category: library\n    summary: An entry for tests.\n    verification: {{status: {status}}}\n"
    return head + "".join(f"    {line}\n" for line in lines)


TEST_CATALOG = catalog_text(
    entry("tech", "requirements: {education: high-school, library_hours: 1820, note: hours in the last five years}"),
    entry(
        "routes",
        "requirements:",
        "  - {education: master, note: the master's must be ALA-accredited}",
        "  - {education: bachelor, experience_years: 4}",
    ),
    entry("teach", "requirements: {education: bachelor, teaching_license: true}"),
    entry("club", "requirements: {membership: true}"),
    entry("fake", "requirements: {education: none}", status="not-found"),
    entry("old", "requirements: {education: none}", "status: discontinued"),
    entry("unknown1"),
    entry("unknown2"),
)


LEFT_OUT = (
    "certfind: 2 credentials have no recorded requirements and were not checked (list them with --all); "
    "2 that no one awards (not found, or discontinued) are left out\n"
)
"""What eligible says on stderr about TEST_CATALOG in every format: what it did not check."""


def run_on(write_catalog: WriteCatalog, *args: str) -> tuple[int, str, str]:
    run = cli("--catalog", write_catalog(TEST_CATALOG), "eligible", *args)
    return run.code, run.out, run.err


def cert(*routes: Route, ident: str = "x", status: str = "confirmed") -> Certification:
    return Certification(ident, "X", "Issuer", "library", "s", Verification(status), requirements=routes)


def as_entry(c: Certification) -> Entry:
    return Entry(0, c, "{}", {}, None, None, None)


def verdict(c: Certification, profile: Profile) -> eligibility.Verdict | None:
    return eligibility.verdict(as_entry(c), profile, {})


def check(certs: Iterable[Certification], profile: Profile) -> eligibility.Result:
    return eligibility.check([as_entry(c) for c in certs], profile, {})


# --- the done-when cases on the bundled catalog ------------------------------------------------


def test_high_school_and_2000_hours_is_eligible_for_lssc_not_cpla() -> None:
    run = cli("eligible", "--education", "high-school", "--library-hours", "2000")
    assert (run.code, run.err) == (0, BUNDLED_LEFT_OUT)
    rows = [line.split("\t") for line in run.out.splitlines()]
    eligible = [r[1] for r in rows if r[0] == "eligible"]
    assert "lssc" in eligible
    assert "cpla" not in eligible
    assert "cpla" not in [r[1] for r in rows if r[0] == "nearly"]  # misses a degree and the experience
    lssc = next(r for r in rows if r[1] == "lssc")
    assert lssc[5] == "$325-$350" or lssc[5].startswith("$")  # what it costs up front
    assert lssc[7] == CAT_LSSC.requirements[0].note  # the note beside it


def test_a_master_with_three_years_is_eligible_for_cpla() -> None:
    run = cli("eligible", "--education", "master", "--experience-years", "3", "--holds", "mlis", "--format", "json")
    assert run.code == 0
    doc = json.loads(run.out)
    assert [e["id"] for e in doc["eligible"] if e["id"] == "cpla"] == ["cpla"]
    assert {"id": "lssc", "missing": ["needs 1,820 library hours"]}.items() <= next(
        e for e in doc["nearly"] if e["id"] == "lssc"
    ).items()


def test_holding_a_credential_no_one_awards_is_said_and_changes_nothing() -> None:
    """Someone may have paid for a "CLT": certfind takes them at their word, but says no one is known to
    award it, and no answer changes."""
    base = ("eligible", "--education", "high-school", "--library-hours", "2000")
    plain = cli(*base)
    run = cli(*base, "--holds", "clt")
    assert (run.code, run.out) == (plain.code, plain.out)
    assert run.err == (
        "certfind: --holds clt: no one is known to award Certified Library Technician (CLT); see certfind show clt\n"
        + plain.err
    )
    real = cli(*base, "--holds", "lssc")
    assert real.err == plain.err  # a credential someone awards needs no word


# --- the rules (pure) --------------------------------------------------------------------------


def test_education_levels_are_ordered() -> None:
    route = Route(education="bachelor")
    for level in EDUCATION:
        misses = eligibility.missing(route, Profile(level), "I", {})
        assert (misses == ()) == (EDUCATION.index(level) >= EDUCATION.index("bachelor")), level


@pytest.mark.parametrize(
    ("route", "profile", "text"),
    [
        (Route(library_hours=1820), Profile(library_hours=1000), "needs 820 more library hours"),
        (Route(library_hours=1820), Profile(), "needs 1,820 library hours"),
        (Route(library_hours=100), Profile(library_hours=99), "needs 1 more library hour"),
        (Route(experience_years=3), Profile(experience_years=2), "needs 1 more year of experience"),
        (Route(experience_years=3), Profile(experience_years=2.7), "needs 0.3 more years of experience"),
        (Route(experience_years=3), Profile(experience_years=2.999), "needs 0.01 more years of experience"),
        (Route(experience_years=1.5), Profile(experience_years=0.5), "needs 1 more year of experience"),
        (Route(experience_years=2), Profile(), "needs 2 years of experience"),
        (Route(education="master"), Profile("bachelor"), "needs a master's degree"),
        (Route(education="high-school"), Profile(), "needs a high-school diploma"),
        (Route(education="associate"), Profile(), "needs an associate degree"),
        (Route(education="bachelor"), Profile(), "needs a bachelor's degree"),
        (Route(education="doctorate"), Profile("master"), "needs a doctorate"),
        (Route(teaching_license=True), Profile(), "needs a teaching license"),
        (Route(membership=True), Profile(), "needs membership of Issuer Society"),
    ],
)
def test_what_is_missing_in_words(route: Route, profile: Profile, text: str) -> None:
    assert [m.text for m in eligibility.missing(route, profile, "Issuer Society", {})] == [text]


def test_any_one_route_qualifies() -> None:
    c = cert(Route(education="master"), Route(education="bachelor", experience_years=4))
    assert verdict(c, Profile("master")).eligible  # type: ignore[union-attr]
    found = verdict(c, Profile("bachelor", experience_years=5))
    assert found is not None
    assert found.eligible
    assert found.route == Route(education="bachelor", experience_years=4)


@pytest.mark.parametrize(
    ("profile", "nearly"),
    [
        (Profile("bachelor", library_hours=0, experience_years=3), True),  # one condition missing, however far
        (Profile("none", library_hours=1000, experience_years=3), True),  # one yes/no missing
        (Profile("none", library_hours=1000, experience_years=2), False),  # a yes/no and a quantity
        (Profile("bachelor", library_hours=500, experience_years=1.5), True),  # two quantities, both half met
        (Profile("bachelor", library_hours=499, experience_years=1.5), False),  # one quantity below half
        (Profile("none", library_hours=1000, experience_years=0), False),  # a degree and a quantity
    ],
)
def test_nearly_is_one_condition_or_quantities_half_met(profile: Profile, nearly: bool) -> None:
    c = cert(Route(education="bachelor", library_hours=1000, experience_years=3))
    found = verdict(c, profile)
    assert found is not None
    assert not found.eligible
    assert found.nearly == nearly


def test_the_closest_route_is_the_one_reported() -> None:
    c = cert(Route(education="doctorate", teaching_license=True), Route(library_hours=1000, membership=True))
    found = verdict(c, Profile(library_hours=1000))
    assert found is not None
    assert [m.text for m in found.missing] == ["needs membership of Issuer"]


def test_unreal_credentials_are_never_listed_or_counted() -> None:
    result = check(
        [cert(Route(), ident="fake", status="not-found"), cert(ident="unrecorded", status="not-found")], Profile()
    )
    assert (result.eligible, result.nearly, result.not_recorded, result.unreal) == ((), (), (), 2)


def test_an_entry_without_requirements_is_counted_never_eligible() -> None:
    assert verdict(cert(), Profile("doctorate")) is None
    result = check([cert(), cert(Route(education="none"), ident="y"), cert(Route(), ident="z")], Profile())
    assert [v.cert.id for v in result.eligible] == ["y"]
    assert len(result.not_recorded) == 2  # no requirements, and a route that states nothing checkable


levels = st.sampled_from(EDUCATION)
routes = st.builds(
    Route,
    education=st.one_of(st.none(), levels),
    library_hours=st.one_of(st.none(), st.integers(0, 5000)),
    experience_years=st.one_of(st.none(), st.floats(0, 20, allow_nan=False)),
    teaching_license=st.booleans(),
    membership=st.booleans(),
    note=st.just(""),
    holds=st.lists(st.sampled_from(["a", "b"]), max_size=2, unique=True).map(tuple),
    qualification=st.one_of(st.none(), st.sampled_from(sorted(QUALIFICATIONS))),
)
held = st.frozensets(st.sampled_from(["a", "b", *sorted(QUALIFICATIONS)]), max_size=3)
profiles = st.builds(
    Profile,
    education=levels,
    library_hours=st.integers(0, 5000),
    experience_years=st.floats(0, 20, allow_nan=False),
    teaching_license=st.booleans(),
    member=st.booleans(),
    holds=held,
)


@st.composite
def better(draw: st.DrawFn, base: Profile) -> Profile:
    return Profile(
        EDUCATION[draw(st.integers(EDUCATION.index(base.education), len(EDUCATION) - 1))],
        base.library_hours + draw(st.integers(0, 3000)),
        base.experience_years + draw(st.floats(0, 10, allow_nan=False)),
        base.teaching_license or draw(st.booleans()),
        base.member or draw(st.booleans()),
        base.holds | draw(held),
    )


@given(st.lists(st.lists(routes, min_size=0, max_size=3), max_size=6), profiles, st.data())
def test_a_better_profile_never_loses_an_eligible_entry(
    route_lists: list[list[Route]], profile: Profile, data: st.DataObject
) -> None:
    certs = [cert(*rs, ident=f"c{i}") for i, rs in enumerate(route_lists)]
    improved = data.draw(better(profile))
    before = {v.cert.id for v in check(certs, profile).eligible}
    after = {v.cert.id for v in check(certs, improved).eligible}
    assert before <= after


@given(st.lists(routes, min_size=1, max_size=3), profiles)
def test_eligible_means_some_route_has_nothing_missing(rs: list[Route], profile: Profile) -> None:
    found = verdict(cert(*rs), profile)
    stated = [r for r in rs if r.stated]
    assert (found is None) == (not stated)
    if found is None:
        return
    met = [r for r in stated if not eligibility.missing(r, profile, "I", {})]
    assert found.eligible == bool(met)
    assert not (found.eligible and found.nearly)
    if not found.eligible:
        assert found.missing
        assert all(m.met is None or 0 <= m.met < 1 for m in found.missing)


# --- the command on small catalogs -------------------------------------------------------------


def test_plain_lists_eligible_then_nearly_then_the_count(write_catalog: WriteCatalog) -> None:
    code, out, err = run_on(
        write_catalog, "--education", "bachelor", "--library-hours", "2000", "--experience-years", "3"
    )
    assert (code, err) == (0, LEFT_OUT)
    assert out == (
        "eligible\ttech\tTech Credential\tTech Society\tconfirmed\tunknown\t\thours in the last five years\n"
        "nearly\tclub\tClub Credential\tClub Society\tconfirmed\tunknown\tneeds membership of Club Society\t\n"
        "nearly\troutes\tRoutes Credential\tRoutes Society\tconfirmed\tunknown\tneeds 1 more year of experience\t\n"
        "nearly\tteach\tTeach Credential\tTeach Society\tconfirmed\tunknown\tneeds a teaching license\t\n"
    )
    code, out, err = run_on(write_catalog, "--education", "bachelor", "--library-hours", "2000", "--all")
    assert err == LEFT_OUT.replace("list them with --all", "listed last")
    assert out.endswith(
        "not-recorded\tunknown1\tUnknown1 Credential\tUnknown1 Society\tconfirmed\tunknown\t\t\n"
        "not-recorded\tunknown2\tUnknown2 Credential\tUnknown2 Society\tconfirmed\tunknown\t\t\n"
    )


def test_routes_and_their_notes(write_catalog: WriteCatalog) -> None:
    code, out, err = run_on(write_catalog, "--education", "master", "--format", "json")
    assert (code, err) == (0, LEFT_OUT)
    doc = json.loads(out)
    [routes] = [e for e in doc["eligible"] if e["id"] == "routes"]
    assert routes["note"] == "the master's must be ALA-accredited"
    assert routes["route"]["education"] == "master"
    assert routes["missing"] == []


def test_json_has_a_stable_shape(write_catalog: WriteCatalog) -> None:
    code, out, err = run_on(write_catalog, "--education", "high-school", "--library-hours", "1000", "-f", "json")
    assert (code, err) == (
        1,
        LEFT_OUT + "certfind: this profile meets the recorded requirements of no credential yet\n",
    )
    doc = json.loads(out)
    assert list(doc) == ["profile", "eligible", "nearly", "not_recorded"]
    assert doc["profile"] == {
        "education": "high-school",
        "library_hours": 1000,
        "experience_years": 0.0,
        "teaching_license": False,
        "member": False,
        "holds": [],
    }
    assert doc["eligible"] == []
    assert [(e["id"], e["missing"]) for e in doc["nearly"]] == [
        ("club", ["needs membership of Club Society"]),
        ("routes", ["needs a master's degree"]),  # the other route misses a degree and 4 years
        ("tech", ["needs 820 more library hours"]),
    ]
    fields = ["id", "name", "issuer", "verification", "upfront", "route", "note", "missing"]
    assert all(list(e) == fields for e in doc["nearly"])
    assert doc["not_recorded"] == 2


def test_not_found_and_discontinued_never_appear(write_catalog: WriteCatalog) -> None:
    code, out, err = run_on(
        write_catalog, "--education", "doctorate", "--library-hours", "9999", "--experience-years", "40", "--member"
    )
    assert (code, err) == (0, LEFT_OUT)
    assert "fake" not in out
    assert "old" not in out
    rows = [line.split("\t") for line in out.splitlines()]
    assert [r[1] for r in rows if r[0] == "eligible"] == ["club", "routes", "tech"]
    assert [r[1] for r in rows if r[0] == "nearly"] == ["teach"]  # needs a license


def test_membership_counts_with_member(write_catalog: WriteCatalog) -> None:
    without = run_on(write_catalog, "-f", "json")
    with_member = run_on(write_catalog, "--member", "-f", "json")
    assert "club" not in [e["id"] for e in json.loads(without[1])["eligible"]]
    assert "club" in [e["id"] for e in json.loads(with_member[1])["eligible"]]


def test_csv_rows_and_the_count_on_stderr(write_catalog: WriteCatalog) -> None:
    code, out, err = run_on(write_catalog, "--education", "bachelor", "--teaching-license", "-f", "csv")
    assert (code, err) == (0, LEFT_OUT)
    rows = list(csv.reader(io.StringIO(out)))
    assert rows[0] == ["group", "id", "name", "issuer", "verification", "upfront", "missing", "note"]
    assert rows[1:] == [
        ["eligible", "teach", "Teach Credential", "Teach Society", "confirmed", "unknown", "", ""],
        [
            "nearly",
            "club",
            "Club Credential",
            "Club Society",
            "confirmed",
            "unknown",
            "needs membership of Club Society",
            "",
        ],
        [
            "nearly",
            "routes",
            "Routes Credential",
            "Routes Society",
            "confirmed",
            "unknown",
            "needs a master's degree",  # as close as the other route (4 years missing): the first one wins
            "the master's must be ALA-accredited",
        ],
        [
            "nearly",
            "tech",
            "Tech Credential",
            "Tech Society",
            "confirmed",
            "unknown",
            "needs 1,820 library hours",
            "hours in the last five years",
        ],
    ]


def test_table_has_both_groups_and_explains_nearly(write_catalog: WriteCatalog) -> None:
    args = ["--catalog", write_catalog(TEST_CATALOG), "eligible", "--education", "bachelor", "--teaching-license"]
    run = cli(*args, "-f", "table", env={"COLUMNS": "160"})
    code, out, err = run.code, run.out, run.err
    assert (code, err) == (0, LEFT_OUT)
    assert out.splitlines()[0] == "Eligible now: 1"
    assert "Nearly: 3" in out
    assert "needs membership of Club Society" in out
    assert "Nearly: the closest route misses one condition" in out


def test_narrow_table_stacks_each_entry(write_catalog: WriteCatalog) -> None:
    run = cli(
        "--catalog",
        write_catalog(TEST_CATALOG),
        "eligible",
        "--education",
        "bachelor",
        "--teaching-license",
        "-f",
        "table",
        env={"COLUMNS": "40"},
    )
    assert (run.code, run.err) == (0, LEFT_OUT)
    assert "club: Club Credential (confirmed)\n  up front: unknown\n  needs membership of Club Society\n" in run.out
    assert "┃" not in run.out


def test_nothing_eligible_exits_1_but_still_shows_what_is_near(write_catalog: WriteCatalog) -> None:
    code, out, err = run_on(write_catalog)
    assert code == 1
    assert err == LEFT_OUT + "certfind: this profile meets the recorded requirements of no credential yet\n"
    assert out.startswith("nearly\tclub\t")


def test_catalog_text_is_never_markup(write_catalog: WriteCatalog) -> None:
    text = catalog_text(entry("mark", 'requirements: {education: none, note: "[bold]x[/] :smile:"}'))
    run = cli("--catalog", write_catalog(text), "eligible", "-f", "table")
    assert run.code == 0
    assert "[bold]x[/] :smile:" in run.out


# --- refused input -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("level", "hint"),
    [("phd", ""), ("mastr", " (did you mean 'master'?)"), ("", ""), ("highschool", " (did you mean 'high-school'?)")],
)
def test_an_unknown_level_is_a_usage_error_listing_the_valid_ones(level: str, hint: str) -> None:
    run = cli("eligible", "--education", level)
    assert (run.code, run.out) == (2, "")
    assert run.err == (
        "certfind: --education must be one of none, high-school, associate, bachelor, master, doctorate;"
        f" got {level!r}{hint}\n"
    )


def test_levels_ignore_case() -> None:
    run = cli("eligible", "--education", "Master", "--experience-years", "3", "-f", "json")
    assert run.code == 0
    assert json.loads(run.out)["profile"]["education"] == "master"


@pytest.mark.parametrize(
    "args",
    [
        ["--library-hours", "-1"],
        ["--library-hours", "many"],
        ["--experience-years", "-0.5"],
        ["--experience-years", "nan"],
        ["--experience-years", "inf"],
    ],
)
def test_bad_numbers_are_usage_errors(args: list[str]) -> None:
    run = cli("eligible", *args)
    assert (run.code, run.out) == (2, "")
    assert args[0] in run.err
    assert "Traceback" not in run.err


def test_help_explains_by_example() -> None:
    short, long = cli("eligible", "-h"), cli("eligible", "--help")
    assert short == long
    assert (short.code, short.err) == (0, "")
    assert "Examples" in short.out
    assert short.out.count("certfind eligible ") >= 3
    assert "at least half" in short.out  # what "nearly" means
    assert " eligible " in cli().out  # listed by bare certfind


def test_a_route_with_only_a_note_records_nothing_checkable() -> None:
    noted = Route(note="for staff of Example County libraries")
    assert not noted.stated
    assert Route(education="none").stated  # says: no prerequisite
    cert = Certification("x", "X", "Issuer", "library", "s", Verification("confirmed"), requirements=(noted,))
    assert verdict(cert, Profile("doctorate", 10_000, 40.0, True, True)) is None
