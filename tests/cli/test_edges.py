"""Edges the adversarial and new-user reviews hit that belong to no one command: credentials no one awards
warned about wherever they appear, and options given nothing."""

from __future__ import annotations

import json

import pytest

from tests.support import BUNDLED_LEFT_OUT, cli

CLT_WARNING = "No public source confirms that this credential exists. Do not pay for it; look instead at: lssc."


@pytest.mark.parametrize("fmt", ["plain", "table"])
def test_plan_warns_about_a_credential_no_one_awards_on_stdout(fmt: str) -> None:
    run = cli("plan", "clt", "--earned", "2026-01-01", "--format", fmt, env={"COLUMNS": "160"})
    assert (run.code, run.err) == (0, "")
    assert CLT_WARNING in " ".join(run.out.split())


@pytest.mark.parametrize("fmt", ["json", "csv"])
def test_plan_warns_about_a_credential_no_one_awards_on_stderr_where_stdout_is_data(fmt: str) -> None:
    run = cli("plan", "clt", "--earned", "2026-01-01", "--format", fmt)
    assert run.code == 0
    assert run.err.startswith(f"warning: clt: {CLT_WARNING}\n")
    if fmt == "json":
        assert json.loads(run.out)["warning"] == CLT_WARNING


def test_a_discontinued_credential_points_at_what_replaces_it() -> None:
    run = cli("show", "western-council-lpc", "--format", "plain")
    assert (run.code, run.err) == (0, "")
    assert (
        "\nwarning\tNo longer awarded: the issuer discontinued it; look instead at: lssc, montana-library-cert.\n"
        in run.out
    )


def test_eligible_takes_a_region_as_list_does() -> None:
    run = cli("eligible", "--education", "high-school", "--library-hours", "6000", "--region", "Ontario")
    assert (run.code, run.err) == (
        0,
        BUNDLED_LEFT_OUT.replace("29 credentials", "8 credentials").replace("8 that", "6 that"),
    )
    places = {line.split("\t")[1] for line in run.out.splitlines()}
    assert "lssc" in places  # open anywhere
    assert "seneca-lit" in places  # in Ontario
    assert "au-cert-iii-lis" not in places  # in Australia
    only = cli("eligible", "--education", "high-school", "--library-hours", "6000", "--region-only", "Ontario")
    assert "lssc" not in {line.split("\t")[1] for line in only.out.splitlines()}


def test_an_empty_catalog_option_is_a_usage_error() -> None:
    run = cli("--catalog", "", "list")
    assert (run.code, run.out) == (2, "")
    assert (
        run.err == "certfind: --catalog names no file\nname a catalog file, such as: certfind --catalog my.yaml list\n"
    )
