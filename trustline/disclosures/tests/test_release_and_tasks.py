"""What leaves the agency passes the firewall again and answers status "not collected";
side effects become tasks with due dates and notices in the person's language."""

from __future__ import annotations

import datetime
from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from trustline.audit.models import AuditEvent
from trustline.disclosures.models import OutsideRequest, Release, Task
from trustline.disclosures.tests.conftest import LogRequest, use_profile
from trustline.intake.services import Filed
from trustline.retention.models import LegalHold

pytestmark = pytest.mark.django_db


@pytest.fixture
def history_request(
    client: Client, staff: dict[str, User], log_request: LogRequest, settings: Any
) -> OutsideRequest:
    """California releases criminal history; status is asked too."""
    use_profile(settings, "california")
    client.force_login(staff["rick"])
    outside = log_request(
        agency_name="Oakland Police Department",
        agency_type="local",
        request_type="R6",
        document_kind="none",
        categories=["criminal_history", "immigration_status", "address"],
        stated_purpose="Background for a robbery investigation",
    )
    client.post(f"/staff/desk/{outside.pk}/carry-out/")
    return outside


def release(client: Client, outside: OutsideRequest, **overrides: Any) -> Any:
    data = {
        "categories": ["criminal_history"],
        "recipient": "Det. Lee, Oakland PD",
        "content": "Two prior convictions: 2019 burglary, 2021 vandalism.",
    }
    data.update(overrides)
    return client.post(f"/staff/desk/{outside.pk}/release/", data)


def test_a_release_holds_only_released_categories_and_says_not_collected(
    client: Client, history_request: OutsideRequest
) -> None:
    assert release(client, history_request).status_code == 302
    item = Release.objects.get()
    assert item.categories == ["criminal_history"]
    assert item.rule_ids == ["CA.R6d.criminal-history"]
    assert "Immigration or citizenship status: not collected" in item.package
    assert "2019 burglary" in item.package
    event = AuditEvent.objects.get(pk=item.audit_event_id)
    assert event.detail["rules"] == ["CA.R6d.criminal-history"]


def test_a_release_passes_the_firewall_again(
    client: Client, history_request: OutsideRequest
) -> None:
    release(client, history_request, content="Convicted 2019. He told us he is undocumented.")
    package = Release.objects.get().package
    assert "undocumented" not in package
    assert "Convicted 2019." in package


def test_a_declined_category_cannot_be_released(
    client: Client, history_request: OutsideRequest
) -> None:
    response = release(client, history_request, categories=["address"])
    assert response.status_code == 400
    assert not Release.objects.exists()


def test_nothing_is_released_before_the_decision_is_carried_out(
    client: Client, staff: dict[str, User], log_request: LogRequest, settings: Any
) -> None:
    use_profile(settings, "california")
    client.force_login(staff["rick"])
    outside = log_request(
        request_type="R6", document_kind="none", categories=["criminal_history"],
        agency_type="local", stated_purpose="Robbery investigation",
    )  # fmt: skip
    assert release(client, outside).status_code == 409
    assert not Release.objects.exists()


def test_a_detainer_under_california_creates_a_notice_to_the_person_in_their_language(
    client: Client, staff: dict[str, User], log_request: LogRequest, settings: Any
) -> None:
    use_profile(settings, "california")
    client.force_login(staff["rick"])
    outside = log_request(person_language="es")
    task = Task.objects.get(request=outside)
    assert task.kind == Task.Kind.NOTICE_PERSON
    assert task.due_date == timezone.localdate() + datetime.timedelta(days=1)
    assert task.language == "es"
    assert "ICE ERO San Francisco" in task.notice
    assert "R1.hold" in task.notice
    # The person reads what was asked for and the answer in words, not codes.
    assert "- Fecha de liberación: rechazo (R1.hold;" in task.notice
    assert "release_date" not in task.notice
    page = client.get("/staff/desk/").content.decode()
    assert "Written notice to the person" in page


def test_an_administrative_subpoena_puts_a_legal_hold_on_the_named_records(
    client: Client, staff: dict[str, User], log_request: LogRequest
) -> None:
    client.force_login(staff["rick"])
    outside = log_request(
        request_type="R7", document_kind="admin_subpoena", categories=["records"],
        subject_reference="PD2026-00042",
    )  # fmt: skip
    task = Task.objects.get(request=outside)
    assert (task.kind, task.records) == (Task.Kind.LEGAL_HOLD, "PD2026-00042")
    # No report on this line has that number: the task waits for a person.
    assert task.open


def test_a_subpoena_naming_a_report_on_this_line_holds_it_at_once(
    client: Client,
    staff: dict[str, User],
    log_request: LogRequest,
    file_report: Callable[..., Filed],
) -> None:
    report = file_report().report
    client.force_login(staff["rick"])
    outside = log_request(
        request_type="R7", document_kind="admin_subpoena", categories=["records"],
        subject_reference=report.reference.lower(),
    )  # fmt: skip
    hold = LegalHold.objects.get(report=report)
    assert hold.active and hold.placed_by == staff["rick"]
    assert f"outside request {outside.pk}" in hold.reason
    task = Task.objects.get(request=outside)
    assert not task.open and task.done_by == staff["rick"]
    event = AuditEvent.objects.get(action="hold.place")
    assert event.detail == {"hold": hold.pk, "outside_request": outside.pk}


def test_marking_a_task_done_is_recorded(
    client: Client, staff: dict[str, User], log_request: LogRequest, settings: Any
) -> None:
    use_profile(settings, "california")
    client.force_login(staff["rick"])
    task = Task.objects.get(request=log_request())
    assert client.post(f"/staff/desk/tasks/{task.pk}/done/").status_code == 302
    task.refresh_from_db()
    assert task.done_by == staff["rick"]
    assert AuditEvent.objects.filter(action="disclosure.task_done").exists()
    assert "No open tasks." in client.get("/staff/desk/").content.decode()
