"""decide(): scenarios a records clerk meets, one row each."""

from __future__ import annotations

from dataclasses import replace

import pytest

from trustline.policy import Request, decide, decide_each

from .support import profile

DETAINER = Request(type="R2", category="release_date", document="detainer_i247a")


@pytest.mark.parametrize(
    ("name", "req", "outcome", "rule_id"),
    [
        ("strict", DETAINER, "decline", "R2.notify.immigration-document"),
        ("strict", replace(DETAINER, public=True), "decline", "R2.notify.immigration-document"),
        ("california", DETAINER, "decline", "CA.R2.release-info.listed-conviction"),
        (
            "california",
            replace(DETAINER, listed_conviction=True),
            "release",
            "CA.R2.release-info.listed-conviction",
        ),
        (
            "california",
            Request("R2", "address", "detainer_i247a", listed_conviction=True),
            "decline",
            "R2.notify.immigration-document",
        ),
        ("strict", Request("R1", "hold", "detainer_i247a"), "decline", "R1.hold"),
        ("strict", Request("R4", "hold", "admin_warrant_i200"), "decline", "R4.civil-warrant"),
        ("strict", Request("R6", "address", "phone_call"), "decline", "R6b.personal.no-document"),
        (
            "strict",
            Request("R6", "address", "phone_call", public=True),
            "release",
            "R6b.personal.no-document",
        ),
        (
            "strict",
            Request("R6", "address", "admin_subpoena"),
            "route_to_counsel",
            "subpoena.counsel",
        ),
        ("strict", Request("R7", "records", "admin_subpoena"), "route_to_counsel", "R7.subpoena"),
        (
            "strict",
            Request("R7", "records", "court_order", verified_judicial=True),
            "release",
            "R7.enforcing-order",
        ),
        (
            "strict",
            Request("R8", "address", "judicial_warrant", verified_judicial=True),
            "release",
            "R8.judicial-warrant",
        ),
        ("strict", Request("R8", "address", "detainer_i247a"), "decline", "R8.not-judicial"),
        (
            "strict",
            Request("R5", "interview_access", "none", consent=True),
            "decline",
            "R5.interview",
        ),
        (
            "california",
            Request("R5", "interview_access", "none", consent=True),
            "release",
            "CA.R5.interview.consent",
        ),
        (
            "washington",
            Request("R5", "interview_access", "none", consent=True),
            "release",
            "WA.R5.interview.consent",
        ),
        (
            "washington",
            Request("R5", "interview_access", "none"),
            "decline",
            "WA.R5.interview.consent",
        ),
        (
            "california",
            Request("R9", "operational_help"),
            "route_to_counsel",
            "R9.operational-help",
        ),
        ("illinois", Request("R9", "operational_help"), "decline", "R9.operational-help"),
    ],
)
def test_it_decides_each_scenario(name: str, req: Request, outcome: str, rule_id: str) -> None:
    decision = decide(req, profile(name))
    assert (decision.outcome, decision.rule_id) == (outcome, rule_id)


def test_an_unverified_judicial_warrant_counts_as_no_document() -> None:
    decision = decide(Request("R6", "address", "judicial_warrant"), profile("strict"))
    assert decision.outcome == "decline"
    assert decision.rule_id == "R6b.personal.no-document"
    assert any("not verified" in note for note in decision.notes)


def test_a_verified_judicial_warrant_opens_what_the_policy_otherwise_withholds() -> None:
    request = Request("R6", "release_date", "judicial_warrant", verified_judicial=True)
    decision = decide(request, profile("strict"))
    assert decision.outcome == "release"
    assert decision.side_effects == ("separate_queue",)


@pytest.mark.parametrize(
    ("req", "says"),
    [
        (Request("R12", "records"), "separate, confidential workflow"),
        (Request("R99", "records"), "unknown request type 'R99'"),
        (Request("R6", "shoe_size"), "unknown information category 'shoe_size'"),
        (Request("R6", "address", "fax"), "unknown document kind 'fax'"),
    ],
)
def test_anything_not_covered_is_declined_and_says_so(req: Request, says: str) -> None:
    decision = decide(req, profile("strict"))
    assert (decision.outcome, decision.rule_id) == ("decline", "not-covered")
    assert "does not cover" in decision.reason and says in decision.reason


@pytest.mark.parametrize("request_type", ["R1", "R6", "R8", "R11", "R12", "nonsense"])
def test_immigration_status_is_always_not_collected(request_type: str) -> None:
    request = Request(
        request_type, "immigration_status", "judicial_warrant", verified_judicial=True
    )
    decision = decide(request, profile("california"))
    assert decision.outcome == decision.decision == "not_collected"


def test_the_not_collected_answer_cites_the_profile_when_it_agrees() -> None:
    decision = decide(Request("R6", "immigration_status"), profile("washington"))
    assert decision.rule_id == "status.not-collected"
    assert "RCW 43.17.425" in decision.citation


@pytest.mark.parametrize(
    ("purpose", "immigration", "outcome", "says"),
    [
        ("", False, "decline", "must state a purpose"),
        ("bank fraud case 22-118", False, "release", "already public"),
        ("re-entry after removal", True, "decline", "immigration enforcement"),
    ],
)
def test_a_federal_agency_must_state_a_purpose_that_is_not_immigration(
    purpose: str, immigration: bool, outcome: str, says: str
) -> None:
    request = Request(
        "R11",
        "address",
        "email",
        public=True,
        stated_purpose=purpose,
        immigration_purpose=immigration,
    )
    decision = decide(request, profile("strict"))
    assert decision.outcome == outcome
    assert any(says in note for note in decision.notes)


def test_side_effects_for_a_release_are_added_only_when_released() -> None:
    declined = decide(DETAINER, profile("california"))
    released = decide(replace(DETAINER, listed_conviction=True), profile("california"))
    assert declined.side_effects == ("log_only", "serve_copy_on_person")
    assert released.side_effects == (
        "log_only",
        "serve_copy_on_person",
        "notify_person",
        "notify_attorney",
    )


def test_every_decision_carries_the_policy_version() -> None:
    decision = decide(DETAINER, profile("strict"))
    assert decision.policy_version == profile("strict").version
    assert len(decision.policy_version) == 64


def test_a_request_for_several_categories_is_decided_per_category() -> None:
    request = Request("R6", "address", "phone_call", public=True)
    decisions = decide_each(
        request, ["address", "immigration_status", "release_date"], profile("strict")
    )
    assert [(d.category, d.outcome) for d in decisions] == [
        ("address", "release"),
        ("immigration_status", "not_collected"),
        ("release_date", "decline"),
    ]
