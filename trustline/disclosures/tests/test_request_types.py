"""Each request type of DOMAIN.md, logged through the form and decided by the policy
file, under the strict baseline and the California profile."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from trustline.audit.models import AuditEvent
from trustline.disclosures.models import Decision, OutsideRequest
from trustline.disclosures.tests.conftest import LogRequest, use_profile

pytestmark = pytest.mark.django_db

# (type, document, category) -> {profile: (outcome, rule, task kinds)}
CASES: list[tuple[str, str, str, dict[str, tuple[str, str, set[str]]]]] = [
    ("R1", "detainer_i247a", "release_date", {
        "strict": ("decline", "R1.hold", set()),
        "california": ("decline", "R1.hold", {"notice_person"}),
    }),
    ("R2", "detainer_i247a", "release_date", {
        "strict": ("decline", "R2.notify.immigration-document", set()),
        "california": ("decline", "CA.R2.release-info.listed-conviction", {"notice_person"}),
    }),
    ("R3", "detainer_i247a", "transfer", {
        "strict": ("decline", "R3.transfer", set()),
        "california": ("decline", "CA.R3.transfer.listed-conviction", {"notice_person"}),
    }),
    ("R4", "admin_warrant_i200", "custody_status", {
        "strict": ("decline", "R4.civil-warrant", set()),
        "california": ("decline", "R4.civil-warrant", set()),
    }),
    ("R5", "none", "interview_access", {
        "strict": ("decline", "R5.interview", set()),
        "california": ("decline", "CA.R5.interview.consent", set()),
    }),
    ("R6", "email", "immigration_status", {
        "strict": ("not_collected", "status.not-collected", set()),
        "california": ("not_collected", "status.not-collected", set()),
    }),
    ("R6", "email", "address", {
        "strict": ("decline", "R6b.personal.no-document", set()),
        "california": ("decline", "R6b.personal.no-document", set()),
    }),
    ("R6", "phone_call", "custody_status", {
        "strict": ("decline", "R6c.custody.no-document", set()),
        "california": ("decline", "CA.R6c.release-info", {"notice_person"}),
    }),
    ("R6", "none", "criminal_history", {
        "strict": ("decline", "R6d.criminal-history.no-document", set()),
        "california": ("release", "CA.R6d.criminal-history", set()),
    }),
    ("R7", "admin_subpoena", "records", {
        "strict": ("route_to_counsel", "R7.subpoena", {"legal_hold"}),
        "california": ("route_to_counsel", "R7.subpoena", {"legal_hold"}),
    }),
    ("R8", "judicial_warrant", "records", {
        "strict": ("decline", "R8.not-judicial", set()),
        "california": ("decline", "R8.not-judicial", set()),
    }),
    ("R9", "none", "operational_help", {
        "strict": ("decline", "R9.operational-help", set()),
        "california": ("route_to_counsel", "R9.operational-help", {"state_report"}),
    }),
    ("R10", "none", "database_access", {
        "strict": ("decline", "R10.database", set()),
        "california": ("decline", "R10.database", set()),
    }),
    ("R11", "none", "criminal_history", {
        "strict": ("decline", "R11.no-document", set()),
        "california": ("decline", "R11.no-document", set()),
    }),
]  # fmt: skip

PARAMS = [
    pytest.param(
        profile, rtype, document, category, *expected[profile], id=f"{profile}-{rtype}-{category}"
    )
    for rtype, document, category, expected in CASES
    for profile in ("strict", "california")
]


@pytest.mark.parametrize(
    ("profile", "rtype", "document", "category", "outcome", "rule", "tasks"), PARAMS
)
def test_each_request_type_is_decided_by_the_policy_and_carried_out(
    client: Client,
    staff: dict[str, User],
    log_request: LogRequest,
    settings: Any,
    profile: str,
    rtype: str,
    document: str,
    category: str,
    outcome: str,
    rule: str,
    tasks: set[str],
) -> None:
    use_profile(settings, profile)
    client.force_login(staff["rick"])
    outside = log_request(
        request_type=rtype,
        document_kind=document,
        categories=[category],
        stated_purpose="Robbery investigation, case 26-114",
        subject_reference="PD2026-00042",
    )
    decision = Decision.objects.get(request=outside, current=True)
    assert (decision.outcome, decision.rule_id) == (outcome, rule)
    assert decision.policy_name == profile
    assert {t.kind for t in outside.tasks.all()} == tasks

    page = client.get(f"/staff/desk/{outside.pk}/").content.decode()
    assert rule in page and decision.citation in page

    assert client.post(f"/staff/desk/{outside.pk}/carry-out/").status_code == 302
    outside.refresh_from_db()
    assert outside.status == OutsideRequest.Status.CARRIED_OUT
    assert Decision.objects.get(request=outside, current=True).carried_out_by == staff["rick"]
    actions = set(AuditEvent.objects.values_list("action", flat=True))
    assert {"disclosure.log", "disclosure.decide", "disclosure.carry_out"} <= actions


def test_each_category_is_decided_on_its_own(
    client: Client, staff: dict[str, User], log_request: LogRequest
) -> None:
    client.force_login(staff["rick"])
    outside = log_request(
        request_type="R6", document_kind="email", categories=["immigration_status", "address"]
    )
    outcomes = dict(outside.decisions.values_list("category", "outcome"))
    assert outcomes == {"immigration_status": "not_collected", "address": "decline"}


def test_a_decision_names_the_policy_version_and_its_audit_event(
    client: Client, staff: dict[str, User], log_request: LogRequest
) -> None:
    client.force_login(staff["rick"])
    outside = log_request()
    decision = outside.decisions.get()
    event = AuditEvent.objects.get(pk=decision.audit_event_id)
    assert event.action == "disclosure.decide"
    assert event.detail["policy_version"] == decision.policy_version
    assert len(decision.policy_version) == 64
    assert decision.policy_version[:12] in client.get(f"/staff/desk/{outside.pk}/").content.decode()
