"""Shipped profiles and how a profile builds on another (extends, replace by id, remove)."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from trustline.policy import Request, decide, load_policy

from .support import POLICIES, PROFILES, profile


@pytest.mark.parametrize("name", PROFILES)
def test_every_shipped_rule_has_a_citation_an_effective_date_and_a_plain_reason(name: str) -> None:
    for rule in profile(name).rules:
        assert rule.citation and rule.effective and rule.reason, rule.id
        # Plain language: full sentences a clerk reads aloud, no rule-engine words.
        assert rule.reason.endswith(".") and "release_if" not in rule.reason, rule.id


@pytest.mark.parametrize("name", PROFILES[1:])
def test_each_state_profile_extends_strict_and_cites_its_own_law(name: str) -> None:
    policy = profile(name)
    assert policy.extends == "strict"
    own = [rule for rule in policy.rules if rule.source.endswith(f"{name}.toml")]
    marks = {"california": "Cal. Gov. Code", "illinois": "5 ILCS 805", "oregon": "ORS 181A",
             "washington": "RCW 10.93.160"}  # fmt: skip
    assert own and all(marks[name] in rule.citation for rule in own)


def test_a_base_policy_version_is_the_sha256_of_its_bytes() -> None:
    expected = hashlib.sha256((POLICIES / "strict.toml").read_bytes()).hexdigest()
    assert profile("strict").version == expected


def test_a_profile_version_changes_when_its_base_changes(tmp_path: Path) -> None:
    shutil.copy(POLICIES / "strict.toml", tmp_path / "strict.toml")
    shutil.copy(POLICIES / "oregon.toml", tmp_path / "oregon.toml")
    before = load_policy(tmp_path / "oregon.toml").version
    with (tmp_path / "strict.toml").open("a") as handle:
        handle.write("\n# amended\n")
    assert load_policy(tmp_path / "oregon.toml").version != before


AGENCY = """
name = "our-agency"
extends = "strict"
remove = ["R6b.personal.no-document"]

[[rule]]
id = "R1.hold"
types = ["R1"]
categories = "*"
documents = "*"
decision = "decline"
citation = "City Ordinance 12-3"
effective = "2026-06-01"
reason = "The city forbids holds for immigration authorities."
side_effects = ["log_only", "report_to_state"]

[[rule]]
id = "agency.R6.vehicle"
types = ["R6"]
categories = ["vehicle"]
documents = ["phone_call"]
decision = "decline"
citation = "City Ordinance 12-4"
effective = "2026-06-01"
reason = "We do not give vehicle details over the phone."
"""


@pytest.fixture
def agency(tmp_path: Path) -> Path:
    path = tmp_path / "agency.toml"
    path.write_text(AGENCY)
    return path


def test_an_agency_file_extends_a_shipped_profile_from_anywhere(agency: Path) -> None:
    assert load_policy(agency).extends == "strict"


def test_a_rule_with_an_inherited_id_replaces_it(agency: Path) -> None:
    decision = decide(Request("R1", "hold", "detainer_i247a"), load_policy(agency))
    assert (decision.rule_id, decision.citation) == ("R1.hold", "City Ordinance 12-3")
    assert decision.side_effects == ("log_only", "report_to_state")


def test_a_new_rule_in_a_profile_wins_over_inherited_ones(agency: Path) -> None:
    decision = decide(Request("R6", "vehicle", "phone_call", public=True), load_policy(agency))
    assert (decision.rule_id, decision.outcome) == ("agency.R6.vehicle", "decline")


def test_a_removed_rule_falls_back_to_the_next_one(agency: Path) -> None:
    decision = decide(Request("R6", "address", "email", public=True), load_policy(agency))
    assert (decision.rule_id, decision.outcome) == ("R6.catch-all", "decline")
