"""`trustline policy check|explain|diff|table`, driven through cli.main()."""

from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest

from tests.bare import run_python
from trustline.policy.cli import main
from trustline.policy.vocabulary import (
    CATEGORIES,
    DECISIONS,
    DOCUMENTS,
    REQUEST_TYPES,
    REQUESTER_AGENCIES,
    SIDE_EFFECTS,
)

from .support import POLICIES

STRICT = str(POLICIES / "strict.toml")
CALIFORNIA = str(POLICIES / "california.toml")


def run(*argv: str) -> tuple[int, str, str]:
    stdout, stderr = io.StringIO(), io.StringIO()
    status = main(list(argv), stdout, stderr)
    return status, stdout.getvalue(), stderr.getvalue()


def test_check_accepts_every_shipped_profile() -> None:
    files = sorted(str(path) for path in POLICIES.glob("*.toml"))
    status, out, err = run("check", *files)
    assert (status, err) == (0, "")
    assert out.count(": ok,") == len(files) == 5


def test_check_help_lists_every_value_a_policy_file_may_use() -> None:
    status, out, _ = run("check", "--help")
    listed = set(out.split())
    assert status == 0
    values = [*REQUEST_TYPES, *CATEGORIES, *DOCUMENTS, *DECISIONS, *REQUESTER_AGENCIES]
    missing = [value for value in [*values, *SIDE_EFFECTS] if value not in listed]
    assert missing == []


def test_check_prints_each_error_with_file_and_line_and_exits_2(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('name = "bad"\nextends = "strict"\n\n[[rule]]\nid = "x"\ndecision = "yes"\n')
    status, out, err = run("check", STRICT, str(bad))
    assert status == 2
    assert "strict.toml: ok" in out
    assert f"{bad}:6: rule 'x': unknown decision 'yes'" in err
    assert f"{bad}:4: rule 'x': missing citation" in err


def test_explain_prints_the_decision_and_why() -> None:
    status, out, _ = run(
        "explain", STRICT, "--type", "R2", "--category", "release_date",
        "--document", "detainer_i247a",
    )  # fmt: skip
    assert status == 0
    lines = dict(line.split(":", 1) for line in out.splitlines())
    assert lines["outcome"].strip() == "decline"
    assert lines["rule"].strip() == "R2.notify.immigration-document"
    assert "8 CFR 287.7" in lines["citation"]
    assert lines["effective"].strip() == "2026-01-01"
    assert "immigration" in lines["reason"]
    assert lines["side effects"].strip().startswith("log_only")
    assert lines["policy"].split()[1] == sha256_of(STRICT)


@pytest.mark.parametrize(
    ("flags", "outcome"),
    [
        ([], "decline"),
        (["--verified"], "release"),
    ],
)
def test_explain_applies_the_facts_given_as_flags(flags: list[str], outcome: str) -> None:
    argv = ["explain", CALIFORNIA, "--type", "R3", "--category", "transfer"]
    status, out, _ = run(*argv, "--document", "judicial_warrant", *flags)
    assert status == 0
    assert f"outcome:      {outcome}" in out


def test_explain_on_an_invalid_file_prints_its_errors(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text("name = \n")
    status, out, err = run("explain", str(bad), "--type", "R1", "--category", "hold")
    assert (status, out) == (2, "")
    assert f"{bad}:1: not valid TOML" in err


def test_diff_lists_every_changed_cell() -> None:
    status, out, _ = run("diff", STRICT, CALIFORNIA)
    assert status == 0
    header, *cells = out.splitlines()
    assert header.endswith(f": {len(cells)} cells change")
    assert (
        "R2 release_date detainer_i247a: decline [R2.notify.immigration-document] -> "
        "release_if_listed_conviction [CA.R2.release-info.listed-conviction]"
    ) in cells


def test_table_prints_one_csv_row_per_cell() -> None:
    status, out, _ = run("table", STRICT)
    assert status == 0
    assert out.splitlines()[0] == "type,category,document,decision,rule"
    assert len(out.splitlines()) == 1 + 11 * 18 * 10


@pytest.mark.parametrize(
    "argv", [[], ["explain", STRICT], ["frobnicate"], ["explain", STRICT, "--type"]]
)
def test_usage_errors_exit_2_with_usage_on_stderr(argv: list[str]) -> None:
    status, out, err = run(*argv)
    assert (status, out) == (2, "")
    assert "usage: trustline policy" in err


def test_help_goes_to_stdout() -> None:
    status, out, _ = run("--help")
    assert status == 0 and "check" in out and "explain" in out and "diff" in out


def test_python_dash_m_runs_the_same_cli() -> None:
    done = run_python("-m", "trustline.policy", "check", STRICT)
    assert done.returncode == 0, done.stderr
    assert "ok, 26 rules" in done.stdout


def test_the_trustline_command_runs_the_same_cli() -> None:
    argv = ["explain", STRICT, "--type", "R6", "--category", "immigration_status"]
    done = run_python("-m", "trustline", "policy", *argv)
    assert done.returncode == 0, done.stderr
    assert "outcome:      not_collected" in done.stdout


def test_the_trustline_command_checks_a_policy_offline_without_any_secret() -> None:
    # Issue 13: on a counsel's laptop there is no server secret; the check crashed.
    done = run_python("-m", "trustline", "policy", "check", STRICT)
    assert done.returncode == 0, done.stderr
    assert "ok, 26 rules" in done.stdout
    assert "Traceback" not in done.stderr


def sha256_of(path: str) -> str:
    return hashlib.sha256(Path(path).read_bytes()).hexdigest()


def test_diff_with_side_effects_lists_cells_whose_tasks_change() -> None:
    oregon = str(POLICIES / "oregon.toml")
    assert run("diff", STRICT, oregon)[1].endswith(": 0 cells change\n")
    status, out, _ = run("diff", STRICT, oregon, "--side-effects")
    assert status == 0
    assert (
        "R3 transfer none: decline [R3.transfer] -> decline [R3.transfer]; "
        "side effects log_only -> log_only, report_to_state"
    ) in out.splitlines()
