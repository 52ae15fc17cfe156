"""What people type: every query word counts but none is mandatory, places are places, questions are not
content, the field's vocabulary leads to the right credentials, and what certfind has nothing for is said.

Each query quoted in issue 21 (docs/relevance.md lists them) is checked here as a user sees it: stdout,
stderr and the exit code.
"""

from __future__ import annotations

import json

import pytest

from certfind.search.query import parse
from tests.support import UNREAL_NOTE, VALID_ENTRY, WriteCatalog, catalog_text, cli, many_entries


def ids(query: str, limit: int = 3, *options: str) -> tuple[list[str], str, int]:
    run = cli("search", *query.split(), "--limit", str(limit), *options, "--json", "id")
    found = [item["id"] for item in json.loads(run.out)] if run.out else []
    notes = "".join(line + "\n" for line in run.err.splitlines() if not line.startswith(UNREAL_NOTE))
    return found, notes, run.code


@pytest.mark.parametrize(
    ("query", "expected", "place"),
    [
        ("library clerk", {"lssc", "saskpolytech-library-clerk"}, ""),
        ("circulation clerk", {"lssc"}, ""),
        ("MARC records", {"lssc"}, ""),
        ("RDA cataloging", {"lssc"}, ""),
        ("lssc renewal", {"lssc"}, ""),
        ("how to become a certified archivist", {"ca"}, ""),
        ("American Library Association certification", {"lssc", "cpla"}, ""),
        ("PLC programming", {"isa-ccst", "isa-cap"}, ""),
        ("shelver", {"lssc"}, ""),
        ("texas school library paraprofessional", {"ets-parapro"}, "Texas, United States (US-TX)"),
        ("records manager ohio", {"icrm-crm"}, "Ohio, United States (US-OH)"),
    ],
)
def test_the_issues_queries_find_the_right_first_entry(query: str, expected: set[str], place: str) -> None:
    found, notes, code = ids(query)
    assert code == 0
    assert found[0] in expected, found
    if place:  # a place in the query with no entry of its own there: what can be earned there, said so
        assert notes == f"certfind: nothing is awarded in {place} itself; showing what can be earned there\n"
    else:
        assert notes == ""


def test_a_place_with_its_own_credential_comes_first() -> None:
    found, notes, code = ids("kentucky library certification")
    assert (code, notes) == (0, "")
    assert found[0] in {"ky-public-librarian-cert", "ky-part-time-staff-cert"}


def test_a_weak_match_in_the_place_named_is_kept_before_strong_ones_elsewhere() -> None:
    """Ireland's own credential matches only `librarian`; CILIP's match more words but are British. What can
    be earned in Ireland is measured against the best match there, so the far stronger British ones
    neither hide it nor come first."""
    found, notes, code = ids("irish librarian chartered status")
    assert (code, notes) == (0, "")
    assert found == ["lai-associateship", "cilip-chartership", "cilip-fellowship"]


def test_library_technician_usa_shows_lssc_and_no_credential_of_another_country() -> None:
    found, notes, code = ids("library technician usa", 10)
    assert (code, notes) == (0, "")
    assert "lssc" in found[:3]
    assert not {"seneca-lit", "algonquin-lit", "au-diploma-lis", "alia-technician"} & set(found)


def test_american_library_association_certification_shows_real_credentials_before_the_unreal() -> None:
    run = cli("search", "American", "Library", "Association", "certification", "--limit", "4")
    assert run.code == 0
    assert [line.split("\t")[0] for line in run.out.splitlines()][:2] == ["lssc", "cpla"]
    assert run.err.startswith(f"{UNREAL_NOTE} (not found, or discontinued): clt, ")


def test_the_same_query_with_region_finds_the_same_credential() -> None:
    found, _, code = ids("school library paraprofessional", 3, "--region", "TX")
    assert code == 0
    assert found[0] == "ets-parapro"


def test_a_word_no_entry_uses_never_empties_the_result_and_is_named() -> None:
    found, notes, code = ids("library zzqxjv")
    assert code == 0
    assert found
    assert notes == "certfind: no entry mentions 'zzqxjv'; showing matches for the other words\n"


def test_a_query_whose_words_all_match_nothing_exits_1_with_the_nearest_suggestion() -> None:
    run = cli("search", "qataloging")
    assert (run.code, run.out) == (1, "")
    assert run.err == "certfind: no certification matches 'qataloging'\n  did you mean: certfind search cataloging\n"


@pytest.mark.parametrize("query", ["medical library", "law library", "law librarian certification"])
def test_what_the_catalog_honestly_has_nothing_for_is_said_not_pretended(query: str) -> None:
    run = cli("search", *query.split())
    gap = next(phrase for phrase in ("medical library", "law library", "law librarian") if phrase in query)
    if run.code == 1:
        assert run.out == ""
        assert (
            run.err
            == f"certfind: no certification matches {query!r}\n  certfind's catalog has no credential for {gap!r} yet\n"
        )
    else:  # other words still match: the gap is named first
        assert run.err.startswith(f"certfind: no entry mentions {gap!r}; showing matches for the other words\n")


def test_shelver_is_not_silver_and_medical_is_not_media() -> None:
    found, _, _ = ids("shelver", 10)
    assert "ia-director-endorsement" not in found  # "Silver" is one of its levels
    assert cli("search", "medical").code == 1  # no "media" credentials for "medical"


@pytest.mark.parametrize(
    ("query", "places"),
    [
        ("texas", ("US-TX",)),
        ("ohio records", ("US-OH",)),
        ("library technician usa", ("US",)),
        ("US library", ("US",)),
        ("british librarian", ("GB",)),
        ("england apprenticeship", ("GB-ENG",)),
        ("wales library", ("GB-WLS",)),
        ("BC library tech", ("CA-BC",)),
        ("ontario library", ("CA-ON",)),
        ("aussie library technician", ("AU",)),
        ("library hoosier", ("US-IN",)),
        ("halifax library technician course", ("CA-NS",)),  # a capital or big city is its province
        ("library jobs in salt lake city", ("US-UT",)),
        ("cardiff library assistant", ("GB-WLS",)),
        ("cert iv vs diploma for library work in aus", ("AU",)),
        ("philly library assistant certification", ("US-PA",)),
        ("librarian from ireland", ("IE",)),  # a place after `from` is still the place when it is the only one
        ("library assistant from england moving to halifax", ("CA-NS",)),  # where to, not where from
        ("tar heel state public librarian", ("US-NC",)),  # a state's nickname
        ("NYS public librarian certificate", ("US-NY",)),  # a short form people write
        ("sask poly library clerk", ("CA-SK",)),
        ("sooner or later a library cert", ()),  # a nickname's word that is also English counts only in it
        ("new england paralibrarian", ("US-ME", "US-NH", "US-VT", "US-MA", "US-RI", "US-CT")),  # a region
        ("library assistant in NI", ("GB-NIR",)),  # not Nicaragua's code
        ("american MLIS moving to London", ("GB-ENG",)),  # someone moving: where to is the place
        ("aussie lib tech relocating to the states", ("US",)),
    ],
)
def test_words_that_name_a_place_are_places(query: str, places: tuple[str, ...]) -> None:
    assert parse(query).places == places


def test_a_city_is_a_place_but_a_phrase_of_the_field_comes_first() -> None:
    assert parse("dublin core metadata").places == ()  # the metadata standard, not Ireland
    assert parse("dublin library jobs").places == ("IE",)
    assert parse("portland library").places == ()  # two states share it: not read as either


def test_a_swapped_pair_of_letters_is_one_typo() -> None:
    found, notes, code = ids("recrods management certification")
    assert (code, notes) == (0, "")
    assert found[0] in {"icrm-crm", "arma-igp"}


@pytest.mark.parametrize(
    ("query", "level", "lacked"),
    [
        ("library jobs for someone with an mls", "master", False),
        ("library director without an mls", "bachelor", True),
        ("non-MLS library staff", "bachelor", True),
        ("library certification high school diploma", "high-school", False),
        ("can u get certified as a library tech with only a hs diploma", "high-school", False),
        ("ohio cert for library staff w/o mls", "bachelor", True),
    ],
)
def test_education_said_as_held_or_as_lacked(query: str, level: str, lacked: bool) -> None:
    read = parse(query)
    assert (read.education, read.education_lacked) == (level, lacked)


def test_what_an_education_just_opens_comes_before_what_asks_less() -> None:
    """Someone who has an MLS asks what it opens: the credential that needs one comes first."""
    found, notes, code = ids("is there a cert for library managers who already have an mls")
    assert (code, notes) == (0, "")
    assert found[0] == "cpla"


def test_asking_for_the_cheapest_says_how_to_order_by_cost() -> None:
    run = cli("search", "cheapest", "library", "certification", "--limit", "2")
    assert run.code == 0
    assert len(run.out.splitlines()) == 2
    assert (
        "note: to see the cheapest first, add --sort cost; --max-cost 0 keeps what is known to cost nothing\n"
        in run.err
    )
    assert "no entry mentions" not in run.err  # `cheapest` is not a word to look for
    by_cost = cli("search", "cheapest", "library", "certification", "--sort", "cost", "--limit", "2")
    assert by_cost.code == 0
    assert "--sort cost" not in by_cost.err
    alone = cli("search", "free")
    assert (alone.code, alone.out) == (1, "")
    assert alone.err == (
        "certfind: no certification matches 'free'\n"
        "note: to see every credential, the cheapest first: certfind list --sort cost\n"
    )


def test_a_place_where_nothing_that_matches_can_be_earned_says_so() -> None:
    found, notes, code = ids("teacher librarian ontario")
    assert code == 0
    assert found  # shown, for what they are, but none can be earned in Ontario
    assert (
        notes
        == "certfind: none of the matches can be earned in Ontario, Canada (CA-ON); showing where they are awarded\n"
    )


@pytest.mark.parametrize("query", ["it support", "IT help desk", "in library", "me", "or"])
def test_words_that_only_look_like_codes_are_words(query: str) -> None:
    assert parse(query).places == ()


@pytest.mark.parametrize(
    ("query", "education"),
    [
        ("library job without a degree", "high-school"),
        ("certificate for high school graduates", "high-school"),
        ("archives certificate no masters required", "bachelor"),
        ("library director already have an mls", "master"),
        ("circ clerk, what could get me a raise without a college degree", "high-school"),
        ("certified as support staff if i never went to college", "high-school"),
        ("i don't have a degree", "high-school"),
        ("cataloging w/o an MLS", "bachelor"),
        ("non-MLS staff certification", "bachelor"),
        ("without a masters degree", "bachelor"),
        ("branch manager with an mlis who wants a management credential", "master"),
        ("i have my mls", "master"),
    ],
)
def test_what_a_person_has_is_a_requirement_not_a_word_to_find(query: str, education: str) -> None:
    assert parse(query).education == education


@pytest.mark.parametrize(
    ("question", "plain"),
    [
        ("how to become a certified archivist", "certified archivist"),
        ("what certification do I need to be a library technician", "library technician"),
        ("I work at a public library, what can I get", "public library"),
    ],
)
def test_questions_and_requests_neither_block_nor_steer(question: str, plain: str) -> None:
    asked, bare = ids(question, 3), ids(plain, 3)
    assert asked[2] == bare[2] == 0
    assert asked[0][0] == bare[0][0]


def test_region_us_shows_lssc_and_what_is_open_anywhere() -> None:
    run = cli("list", "--region", "US", "--json", "id")
    listed = [item["id"] for item in json.loads(run.out)]
    assert "lssc" in listed
    assert "comptia-a-plus" in listed  # open anywhere
    assert "seneca-lit" not in listed


def test_region_only_is_the_strict_reading() -> None:
    strict = [item["id"] for item in json.loads(cli("list", "--region", "US-TX", "--region-only", "--json", "id").out)]
    assert sorted(strict) == ["tx-county-librarian-cert", "tx-slm-certificates"]


def test_region_only_needs_a_region() -> None:
    run = cli("list", "--region-only")
    assert (run.code, run.out) == (2, "")
    assert run.err == "certfind: --region-only needs --region: which place?\n"


@pytest.mark.parametrize(
    ("value", "read"),
    [
        ("CA", "Canada (CA) and California, United States (US-CA); write CA or US-CA to choose one"),
        ("IN", "India (IN) and Indiana, United States (US-IN); write IN or US-IN to choose one"),
        ("GA", "Gabon (GA) and Georgia, United States (US-GA); write GA or US-GA to choose one"),
    ],
)
def test_an_ambiguous_code_says_how_it_was_read(value: str, read: str) -> None:
    run = cli("list", "--region", value, "--json", "id")
    assert run.err.startswith(f"certfind: read --region {value} as {read}\n")


def test_an_ambiguous_place_in_the_query_says_how_it_was_read() -> None:
    run = cli("search", "CA", "library", "technician", "--limit", "1")
    assert run.code == 0
    assert run.err.startswith(
        "certfind: read 'CA' as Canada (CA) and California, United States (US-CA); use --region to choose\n"
    )


def test_plain_output_says_where_each_credential_is_awarded() -> None:
    run = cli("search", "library", "technician", "--limit", "20")
    rows = [line.split("\t") for line in run.out.splitlines()]
    where = {row[0]: row[4] for row in rows}
    assert where["algonquin-lit"] == "CA-ON"
    assert where["lssc"] == "anywhere"


def test_a_table_at_80_columns_says_where_each_credential_is_awarded() -> None:
    run = cli("search", "library", "technician", "--limit", "3", "--format", "table", env={"COLUMNS": "80"})
    assert run.code == 0
    assert "CA-ON" in run.out


NON_LATIN = catalog_text(
    VALID_ENTRY.replace("id: demo", "id: ar")
    .replace("name: Demo Certification", "name: أمين مكتبة معتمد")
    .replace("acronym: DEMO", "acronym: أمم"),
    VALID_ENTRY.replace("id: demo", "id: ru")
    .replace("name: Demo Certification", "name: Библиотекарь")
    .replace("acronym: DEMO", "acronym: БИБ"),
)


@pytest.mark.parametrize(
    ("query", "ident"),
    [("Библиотекарь", "ru"), ("БИБ", "ru"), ("библиотекарь", "ru"), ("أمين مكتبة معتمد", "ar"), ("أمم", "ar")],
)
def test_names_in_any_script_resolve(write_catalog: WriteCatalog, query: str, ident: str) -> None:
    run = cli("--catalog", write_catalog(NON_LATIN), "show", query, "--format", "plain")
    assert (run.code, run.err) == (0, "")
    assert f"\nid\t{ident}\n" in run.out


def test_words_in_any_script_are_searched(write_catalog: WriteCatalog) -> None:
    path = write_catalog(NON_LATIN)
    run = cli("--catalog", path, "search", "مكتبة", "--format", "plain")
    assert (run.code, run.err) == (0, "")
    assert [line.split("\t")[0] for line in run.out.splitlines()] == ["ar"]
    run = cli("--catalog", path, "search", "библиотекар", "--format", "plain")  # a typo, as in Latin words
    assert (run.code, run.err) == (0, "")
    assert [line.split("\t")[0] for line in run.out.splitlines()] == ["ru"]


def test_a_big_catalog_ranks_with_bounded_work_and_still_finds_the_rare_word(write_catalog: WriteCatalog) -> None:
    """Over 5,000 entries a word every entry has is not ranked across all of them: the candidates come field by
    field (search.rank.RANKED_UP_TO), the entry with the rare word still comes first, and the note says more
    matched without counting them."""
    rare = VALID_ENTRY.replace("id: demo", "id: rare").replace("Demo Certification", "Stewardship Award")
    rare = rare.replace("acronym: DEMO", "acronym: STEW")
    path = write_catalog(many_entries(5_100) + rare)
    run = cli("--catalog", path, "search", "cataloging", "stewardship", "--limit", "3")
    assert (run.code, run.err) == (0, "")
    assert [line.split("\t", 1)[0] for line in run.out.splitlines()] == ["rare"]  # the rest lack the rare word
    broad = cli("--catalog", path, "search", "cataloging", "--limit", "2")
    assert (broad.code, broad.err) == (0, "note: showing the best 2; more matched: use --limit to see more\n")
    assert len(broad.out.splitlines()) == 2


def test_a_good_match_in_the_very_country_named_comes_before_what_is_open_anywhere() -> None:
    """Who names New Zealand wants its own diploma first, though LSSC (open anywhere) matches more words."""
    found, notes, code = ids("library technician new zealand")
    assert (code, notes) == (0, "")
    assert found[:2] == ["nz-diploma-lis-l5", "lssc"]


def test_a_city_named_puts_what_is_in_that_city_first() -> None:
    found, notes, code = ids("toronto library tech program")
    assert (code, notes) == (0, "")
    assert found[0] == "seneca-lit"  # in Toronto; the other Ontario diplomas follow
    assert cli("search", "ottawa", "library", "technician", "--limit", "1", "--json", "id").out == (
        '[\n{"id":"algonquin-lit"}\n]\n'
    )


def test_asking_whether_a_credential_is_real_shows_it_with_its_verdict() -> None:
    run = cli("search", "is", "certified", "library", "technician", "a", "real", "thing", "--limit", "1")
    assert (run.code, run.err) == (0, "note: showing 1 of 25 matches; use --limit 25 to see them all\n")
    assert run.out.split("\t")[0] == "clt"
    assert run.out.rstrip("\n").split("\t")[-2] == "not-found"


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("do i need a degree to get certified as library support staff", "lssc"),  # not the associate degree
        ("ohio cert for library staff w/o mls", "oh-library-staff-cert"),
        ("whats the difference between aclip and mclip", "cilip-certification"),
    ],
)
def test_question_words_neither_block_nor_steer(query: str, expected: str) -> None:
    found, notes, code = ids(query)
    assert (code, notes) == (0, "")
    assert found[0] == expected


def test_someone_moving_is_shown_what_is_awarded_where_they_go() -> None:
    found, notes, code = ids("library assistant from england moving to halifax, need a canadian qualification?")
    assert (code, notes) == (0, "")
    assert found[0] == "nscc-lit"  # Halifax's own diploma, not England's apprenticeship


def test_lib_is_library() -> None:
    found, notes, code = ids("ottawa lib and info technician program")
    assert (code, notes) == (0, "")
    assert found[0] == "algonquin-lit"


def test_non_before_a_word_no_entry_has_asks_for_what_is_not_that() -> None:
    """`non director` folds to `nondirector`, which no entry says: it is read as "not a director's", is not
    reported as a missing word the user never typed, and the director's endorsement comes second."""
    run = cli("search", "can", "a", "non", "director", "get", "the", "iowa", "library", "endorsement", "--json", "id")
    assert run.code == 0
    assert [item["id"] for item in json.loads(run.out)][:2] == ["ia-staff-endorsement", "ia-director-endorsement"]
    assert "nondirector" not in run.err
    assert "no entry mentions" not in run.err


def test_a_credential_no_one_awards_named_among_other_words_is_what_the_query_asks_about() -> None:
    """`CPTL` is a name the article gives the CPLT, which no one awards: named inside a question it comes
    first, with its verdict, instead of after every real match, and what its evidence points to (LSSC,
    CPLA) right after it. The article's claim (an exam) is searched too."""
    run = cli("search", "is", "the", "cptl", "exam", "worth", "it", "--limit", "2")
    assert (run.code, run.err) == (0, "note: showing 2 of 3 matches; use --limit 3 to see them all\n")
    rows = [line.split("\t") for line in run.out.splitlines()]
    assert [(row[0], row[-2]) for row in rows] == [("cplt", "not-found"), ("lssc", "confirmed, status unknown")]


def test_a_credential_no_one_awards_is_never_shown_alone() -> None:
    """Named exactly, the CPLT is what search shows first; what its evidence points to follows it, scored
    below it, though neither shares a word with `cplt`."""
    run = cli("search", "cplt")
    assert (run.code, run.err) == (0, "")
    rows = [line.split("\t") for line in run.out.splitlines()]
    assert [(row[0], row[-2], row[-1]) for row in rows] == [
        ("cplt", "not-found", "100"),
        ("lssc", "confirmed, status unknown", "85"),
        ("cpla", "confirmed, status unknown", "85"),
    ]


def test_asking_what_to_get_instead_finds_what_shares_no_word_with_the_query() -> None:
    run = cli("search", "what can i get instead of the cplt")
    assert (run.code, run.err) == (
        0,
        "note: also matched, but no one awards them (not found, or discontinued): cplt; see the evidence with:"
        " certfind show cplt\n",
    )
    assert [line.split("\t")[0] for line in run.out.splitlines()] == ["lssc", "cpla", "cplt"]


def test_what_the_article_claimed_is_searched_with_the_credential_it_claimed() -> None:
    """The article says the ALA runs an exam for its `Certified Library Technician`: the claim is searched
    (where the evidence refutes it), so the query that repeats it finds the CLT and its verdict first."""
    found, notes, code = ids("ALA Certified Library Technician exam")
    assert (found[:2], notes, code) == (["clt", "lssc"], "", 0)


def test_what_a_requirement_note_says_is_searched() -> None:
    """LSSC's 1,820 hours may be volunteer work: its requirement's note says so, and search reads it."""
    found, notes, code = ids("can volunteer hours count toward a library support staff certificate")
    assert (found[0], notes, code) == ("lssc", "", 0)


def test_who_pays_the_member_price_says_nothing_about_which_credential() -> None:
    assert ids("support staff cert member price ala")[0][0] == ids("support staff cert ala")[0][0] == "lssc"


def test_an_acronym_among_other_words_lifts_what_it_names() -> None:
    found, notes, code = ids("job ad for LTA II says LSSC preferred, what is that")
    assert (code, notes) == (0, "")
    assert found[0] == "lssc"  # not the diploma that mentions LSSC beside LTA


def test_words_every_entry_is_about_are_not_a_match_on_their_own() -> None:
    """`koha` names a product no credential in the catalog is for; `certification` alone would list every
    entry, so the query finds nothing and says what the catalog lacks."""
    run = cli("search", "koha", "certification")
    assert (run.code, run.out) == (1, "")
    assert run.err == (
        "certfind: no certification matches 'koha certification'\n"
        "  certfind's catalog has no credential for 'koha' yet\n"
    )
    assert cli("search", "certification", "--limit", "1").code == 0  # a broad query still lists the best


def test_a_phrase_of_the_vocabulary_matches_in_the_plural() -> None:
    assert [c.stands_for for c in parse("library managers").concepts] == [
        ("library", "management", "library", "director")
    ]
    assert [c.stands_for for c in parse("circulation clerks").concepts] == [
        ("library", "support", "staff", "circulation")
    ]


def test_the_fields_words_in_french_lead_to_quebecs_credential() -> None:
    found, notes, code = ids("bibliotechnicienne quebec")
    assert (code, notes) == (0, "")
    assert found[0] == "qc-dec-documentation"


def test_asking_whether_a_credential_is_still_required_shows_the_discontinued_one_with_its_verdict() -> None:
    run = cli(
        "search", "do", "texas", "county", "librarians", "still", "need", "state", "certification", "--limit", "1"
    )
    assert (run.code, run.err) == (0, "note: showing 1 of 7 matches; use --limit 7 to see them all\n")
    assert run.out.split("\t")[0] == "tx-county-librarian-cert"
    assert run.out.rstrip("\n").split("\t")[-2] == "discontinued"


def test_asking_what_to_get_instead_puts_what_the_evidence_points_to_first() -> None:
    """The CLT is a credential no one awards; its evidence points to LSSC. Asked what to get instead, LSSC
    comes first and the CLT after it, where a query that only names the CLT would put the CLT first."""
    query = "so the CLT from that article doesnt exist, what should a library tech get instead"
    run = cli("search", query)
    assert run.code == 0
    assert [line.split("\t")[0] for line in run.out.splitlines()] == ["lssc", "clt"]
    assert run.err == ""
    named, _, _ = ids("the CLT from that article, what should a library tech get")
    assert named[0] == "clt"


def test_two_words_typed_without_their_space_are_read_as_two() -> None:
    found, notes, code = ids("nationalboard cert school librarian")
    assert (code, notes) == (0, "")
    assert found[0] == "nbpts-library-media"


def test_a_name_of_several_words_with_a_typo_still_names_the_credential_no_one_awards() -> None:
    run = cli("search", "certifed", "academic", "library", "technician", "--limit", "1")
    assert (run.code, run.err) == (0, "note: showing 1 of 6 matches; use --limit 6 to see them all\n")
    assert run.out.split("\t")[0] == "calt"
    assert run.out.rstrip("\n").split("\t")[-2] == "not-found"


def test_words_shortened_as_on_a_phone_are_read() -> None:
    assert parse("cataloging asst cert dont have mls").education == "bachelor"
    assert [c.stands_for for c in parse("asst mgr").concepts] == [("assistant",), ("manager",)]
    found, notes, code = ids("cataloging asst cert dont have mls")
    assert (code, notes) == (0, "")
    assert found[0] == "lssc"


def test_contractions_and_possessives_are_read_as_people_mean_them() -> None:
    """`don't` is `dont` and `teacher's aide` a teacher aide, not stray letters between words."""
    assert [c.words for c in parse("i don't have a degree").concepts] == []
    assert [c.stands_for for c in parse("teacher's aide").concepts] == [("paraprofessional", "teaching", "assistant")]


def test_lacking_an_mls_also_looks_for_what_is_meant_for_staff_without_one() -> None:
    query = parse("library cert without mls")
    assert (query.education, query.education_lacked) == ("bachelor", True)
    assert [c.words for c in query.concepts] == [("library",), ("cert",), ("nonmls",)]
    assert ids("library cert without mls")[0][0] == "lssc"


@pytest.mark.parametrize("query", ["comptia a plus", "comptia a+", "A+ certification"])
def test_a_plus_spelled_out_is_the_a_plus(query: str) -> None:
    found, notes, code = ids(query)
    assert (found[0], notes, code) == ("comptia-a-plus", "", 0)


def test_it_as_a_pronoun_is_not_information_technology() -> None:
    """`does it cost` is a question about cost; `IT support` is the field."""
    asked = parse("how much does it cost to become a certified records manager")
    assert [c.words for c in asked.concepts] == [("certified",), ("records", "manager")]
    assert ids("how much does it cost to become a certified records manager")[0][0] == "icrm-crm"
    assert [c.words for c in parse("it support for a library").concepts] == [("it", "support"), ("library",)]
    assert [c.words for c in parse("is the cptl worth it").concepts] == [("cptl",)]
