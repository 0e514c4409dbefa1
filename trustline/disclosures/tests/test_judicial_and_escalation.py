"""A court document opens records only after a supervisor verified it; the desk may
escalate to counsel instead of carrying out, with a written reason."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from trustline.audit.models import AuditEvent
from trustline.disclosures.models import OutsideRequest
from trustline.disclosures.tests.conftest import LogRequest

pytestmark = pytest.mark.django_db

DETAILS = {
    "court": "Superior Court of California, County of Alameda",
    "judge": "Hon. M. Rivera",
    "signature_date": "2026-03-01",
    "statute": "Penal Code 211",
}


@pytest.fixture
def warrant(client: Client, staff: dict[str, User], log_request: LogRequest) -> OutsideRequest:
    client.force_login(staff["rick"])
    return log_request(
        agency_name="Alameda County Sheriff",
        agency_type="local",
        request_type="R8",
        document_kind="judicial_warrant",
        categories=["records"],
    )


def outcome(outside: OutsideRequest) -> str:
    return str(outside.decisions.get(current=True).outcome)


def test_an_unverified_judicial_warrant_is_declined_and_says_why(
    client: Client, warrant: OutsideRequest
) -> None:
    assert outcome(warrant) == "decline"
    page = client.get(f"/staff/desk/{warrant.pk}/").content.decode()
    assert "not verified as judicial by a supervisor" in page


def test_a_warrant_verified_by_a_supervisor_is_honored(
    client: Client, staff: dict[str, User], warrant: OutsideRequest
) -> None:
    assert client.post(f"/staff/desk/{warrant.pk}/judicial/", DETAILS).status_code == 302
    assert outcome(warrant) == "decline"
    client.force_login(staff["sam"])
    assert client.post(f"/staff/desk/{warrant.pk}/verify/").status_code == 302
    warrant.refresh_from_db()
    assert warrant.verified_by == staff["sam"]
    assert outcome(warrant) == "release"
    assert warrant.decisions.filter(current=False).count() == 1
    assert AuditEvent.objects.filter(action="disclosure.judicial_verify").exists()


def test_a_custodian_cannot_verify(
    client: Client, staff: dict[str, User], warrant: OutsideRequest
) -> None:
    client.post(f"/staff/desk/{warrant.pk}/judicial/", DETAILS)
    assert client.post(f"/staff/desk/{warrant.pk}/verify/").status_code == 403
    assert outcome(warrant) == "decline"


def test_a_supervisor_cannot_verify_details_they_entered(
    client: Client, staff: dict[str, User], warrant: OutsideRequest
) -> None:
    client.force_login(staff["sam"])
    client.post(f"/staff/desk/{warrant.pk}/judicial/", DETAILS)
    assert client.post(f"/staff/desk/{warrant.pk}/verify/").status_code == 403
    assert outcome(warrant) == "decline"


def test_details_must_be_complete_before_verification(
    client: Client, staff: dict[str, User], warrant: OutsideRequest
) -> None:
    response = client.post(f"/staff/desk/{warrant.pk}/judicial/", {**DETAILS, "statute": ""})
    assert response.status_code == 400
    assert "This field is required." in response.content.decode()
    assert DETAILS["court"] in response.content.decode()  # the form keeps what was typed
    client.force_login(staff["sam"])
    assert client.post(f"/staff/desk/{warrant.pk}/verify/").status_code == 409
    assert outcome(warrant) == "decline"


def test_changing_verified_details_needs_a_new_verification(
    client: Client, staff: dict[str, User], warrant: OutsideRequest
) -> None:
    client.post(f"/staff/desk/{warrant.pk}/judicial/", DETAILS)
    client.force_login(staff["sam"])
    client.post(f"/staff/desk/{warrant.pk}/verify/")
    client.force_login(staff["rick"])
    client.post(f"/staff/desk/{warrant.pk}/judicial/", {**DETAILS, "judge": "Hon. Other"})
    warrant.refresh_from_db()
    assert warrant.verified_at is None
    assert outcome(warrant) == "decline"


def test_escalating_needs_a_written_reason(client: Client, warrant: OutsideRequest) -> None:
    response = client.post(f"/staff/desk/{warrant.pk}/escalate/", {"reason": "  "})
    assert response.status_code == 400
    assert "Write why you escalate." in response.content.decode()
    warrant.refresh_from_db()
    assert warrant.status == OutsideRequest.Status.DECIDED


def test_escalating_to_counsel_is_an_override_in_the_audit_trail(
    client: Client, warrant: OutsideRequest
) -> None:
    reason = "The warrant names a different person; counsel should read it."
    assert client.post(f"/staff/desk/{warrant.pk}/escalate/", {"reason": reason}).status_code == 302
    warrant.refresh_from_db()
    assert warrant.status == OutsideRequest.Status.ESCALATED
    decision = warrant.decisions.get(current=True)
    assert decision.escalation_reason == reason
    event = AuditEvent.objects.get(action="disclosure.escalate")
    assert event.detail["override"] is True
    assert reason not in str(event.detail)
    assert reason in client.get(f"/staff/desk/{warrant.pk}/").content.decode()


def test_a_decision_cannot_be_carried_out_twice_or_after_escalation(
    client: Client, warrant: OutsideRequest
) -> None:
    client.post(f"/staff/desk/{warrant.pk}/escalate/", {"reason": "Counsel first."})
    response = client.post(f"/staff/desk/{warrant.pk}/carry-out/")
    assert response.status_code == 409
    assert "nothing was changed" in response.content.decode()
    warrant.refresh_from_db()
    assert warrant.status == OutsideRequest.Status.ESCALATED
