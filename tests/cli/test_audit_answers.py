"""The twelve answers catalog audit 3 (section 4a) found wrong, each against the issuer page it cites.

Every test runs the command as a user would and checks stdout, stderr and the exit code together. The
profiles are the audit's: P2 `--education associate`, P3 `--education bachelor --experience-years 2`,
P4 P3 with `--member`, P8 `--education none --experience-years 5`, P9 `--education high-school
--experience-years 7 --library-hours 12000`.
"""

from __future__ import annotations

import json
from typing import Any

from tests.support import BUNDLED_LEFT_OUT, cli

P2 = ["--education", "associate"]
P3 = ["--education", "bachelor", "--experience-years", "2"]
P4 = [*P3, "--member"]
P8 = ["--education", "none", "--experience-years", "5"]
P9 = ["--education", "high-school", "--experience-years", "7", "--library-hours", "12000"]


def standing(profile: list[str], ident: str) -> tuple[str, list[str]]:
    """Where `ident` stands for a profile (eligible, nearly, or neither) and what it lacks."""
    run = cli("eligible", *profile, "--format", "json")
    assert (run.code, run.err) == (0, BUNDLED_LEFT_OUT)
    doc = json.loads(run.out)
    for group in ("eligible", "nearly"):
        for verdict in doc[group]:
            if verdict["id"] == ident:
                return group, verdict["missing"]
    return "neither", []


def plan(ident: str, *args: str) -> dict[str, Any]:
    run = cli("plan", ident, "--earned", "2026-01-15", *args, "--format", "json")
    assert (run.code, run.err) == (0, "")
    doc: dict[str, Any] = json.loads(run.out)
    return doc


def usd(amount: float, complete: bool = True, currency: str = "USD") -> dict[str, object]:
    return {"currency": currency, "min": amount, "max": amount, "complete": complete}


def test_c1_aliatec_needs_the_recognised_technician_diploma_not_a_degree() -> None:
    """ALIA: "Members in this category hold an ALIA-recognised library technician qualification"
    (http://www.alia.org.au/membership.benefits/membership.cat.fees.html)."""
    assert standing(P2, "alia-technician")[0] == "neither"  # a degree does not count, and membership is missing
    group, missing = standing(P4, "alia-technician")
    assert group == "nearly"
    assert missing == ["needs Diploma of Library and Information Services (--holds au-diploma-lis if you have it)"]
    assert standing([*P4, "--holds", "au-diploma-lis"], "alia-technician") == ("eligible", [])


def test_c2_ohio_county_certificate_needs_library_school() -> None:
    """OAC 3376-1-01 (C), (D): every certificate needs a course in an accredited library school
    (http://codes.ohio.gov/oac/3376-1)."""
    wants = "needs an ALA-accredited master's, MLS or MLIS (--holds mlis if you have one)"
    for profile in (P3, P8, P9):
        assert standing(profile, "oh-county-librarian-cert") == ("nearly", [wants])
    assert standing([*P3, "--holds", "mlis"], "oh-county-librarian-cert")[0] == "eligible"


def test_c3_crm_fed_needs_a_crm_in_good_standing() -> None:
    """ICRM's CRM-FED application: "Be recognized by the ICRM as a Certified Records Manager (CRM) in good
    standing" (https://www.icrm.org/crm-fedapplication)."""
    wants = "needs Certified Records Manager (CRM) in good standing (--holds icrm-crm if you have it)"
    for profile in (P8, P9):
        assert standing(profile, "icrm-crm-fed") == ("nearly", [wants])
    assert standing([*P9, "--holds", "CRM"], "icrm-crm-fed") == ("eligible", [])


def test_c4_lianza_registration_needs_membership() -> None:
    """LIANZA: applicants must "Be an personal member of one of the following ... associations"
    (https://www.lianza.org.nz/new-registrations/)."""
    group, missing = standing(P3, "lianza-registration")
    assert group == "nearly"
    assert missing == [
        "needs membership of Library and Information Association of New Zealand Aotearoa "
        "(LIANZA, Te Rau Herenga o Aotearoa)"
    ]
    assert standing(P4, "lianza-registration") == ("eligible", [])


def test_c5_lai_associateship_needs_a_postgraduate_library_qualification() -> None:
    """LAI's guidelines ask for "A scan of your post-graduate library qualification award"
    (https://www.libraryassociation.ie/award-of-associateship-candidate-guidelines/)."""
    wants = "needs a postgraduate library and information qualification (--holds postgraduate-library if you have one)"
    assert standing(P4, "lai-associateship") == ("nearly", [wants])
    assert standing([*P4, "--holds", "postgraduate-library"], "lai-associateship") == ("eligible", [])
    assert standing([*P4, "--holds", "mlis"], "lai-associateship") == ("eligible", [])  # an MLIS is one


def test_c6_crm_without_a_diploma_is_told_the_diploma_not_a_bachelors() -> None:
    """ICRM: "High School Diploma or GED PLUS five years professional level RIM experience"
    (https://www.icrm.org/applicant-faq): with five years, the diploma is all that is missing."""
    assert standing(P8, "icrm-crm") == ("nearly", ["needs a high-school diploma"])


def test_c7_indiana_charges_the_five_year_renewal_not_the_permit_fee() -> None:
    """Indiana State Library renewals page: the five-year certificate costs $50 to renew; a temporary permit
    can be renewed at most twice (https://continuinged.isl.in.gov/certification/renewals-audits-leu-participation/)."""
    doc = plan("in-public-librarian-cert")
    due = [(e["date"], e["kind"], e["fee"]) for e in doc["events"] if e["kind"] != "earned"]
    assert due == [("2031-01-15", "renewal", usd(50))]
    assert doc["total"] == usd(50, complete=False)  # the application fee is not known
    assert "Not in the totals: Temporary permit renewal, only for temporary-permit holders" in doc["note"]


def test_c8_iscet_renewal_is_fifty_dollars_for_one_certification() -> None:
    """ISCET's renewal page: $50 for the first certification, $10 for each additional one
    (https://certifiedelectronicstechnician.org/certification-renewal/)."""
    doc = plan("iscet-cet")
    renewals = [e["fee"] for e in doc["events"] if e["kind"] == "renewal"]
    assert renewals == [usd(50)] * 4
    assert doc["total"] == usd(200, complete=False)


def test_c9_eta_upgrade_is_not_an_upfront_cost() -> None:
    """ETA's Senior and Master CET page: the upgrade is optional (https://www.etai.org/senior_master.html)."""
    doc = plan("eta-cet")
    assert doc["upfront"] is None  # no required up-front fee has a known amount: not "$55"
    assert doc["note"].endswith("Not in the totals: Upgrade to Senior CET (optional).")
    shown = cli("show", "eta-cet")
    assert (shown.code, shown.err) == (0, "")
    assert "\nfee\tUpgrade to Senior CET: $55 (optional: not in the totals) [1]\n" in shown.out


def test_c10_cilip_revalidation_is_optional_so_nothing_renews() -> None:
    """CILIP: registered members "can" revalidate every year; chartered ones are "recommended" to
    (https://www.cilip.org.uk/page/ProfessionalRegistrationApplyNow)."""
    for ident in ("cilip-certification", "cilip-chartership"):
        doc = plan(ident)
        assert [e for e in doc["events"] if e["kind"] == "renewal"] == []
        assert doc["note"].startswith("Renewal is optional for this credential, so none falls due.")


def test_c11_georgia_certificates_expire_on_30_june_of_even_years() -> None:
    """Georgia board rule 320-5: "Certificates will expire every two (2) years on the 30th day of June"
    (http://rules.sos.state.ga.us/gac/320-5)."""
    run = cli("plan", "ga-librarian-certificate", "--earned", "2026-01-15", "--years", "5")
    assert (run.code, run.err) == (0, "")
    due = [line.split("\t")[0] for line in run.out.splitlines() if "\trenewal: " in line]
    assert due == ["2026-06-30", "2028-06-30", "2030-06-30"]
    assert "renewal\tevery 2 years on 30 June of even years; " in run.out


def test_sd_staff_certification_runs_through_31_august() -> None:
    """South Dakota State Library: holders are certified through 31 August
    (https://libguides.library.sd.gov/services/cert_accred), same cause as C11."""
    doc = plan("sd-library-staff-cert")
    assert [e["date"] for e in doc["events"] if e["kind"] == "renewal"] == ["2028-08-31", "2031-08-31", "2034-08-31"]


def test_c12_lianza_totals_are_at_least_because_membership_is_required() -> None:
    """LIANZA: the registration fee "will coincide with your LIANZA membership invoice"
    (https://lianza.org.nz/professional-registration); the membership's price is not recorded."""
    assert plan("lianza-registration")["total"] == usd(1092.5, complete=False, currency="NZD")
    run = cli("compare", "lianza-registration", "cilip-chartership")
    assert (run.code, run.err) == (0, "")
    row = next(line for line in run.out.splitlines() if line.startswith("lianza-registration\t"))
    assert "\tNZ$57.50 + unknown\tNZ$517.50 + unknown\t" in row
