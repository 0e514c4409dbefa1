"""The quarantine queue: suspected spam stays out of the inbox until a supervisor
(Sam) reads it and releases it; nobody else sees it, and nothing is deleted."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from conftest import StaffClient
from trustline.audit.models import AuditEvent
from trustline.intake.models import Report
from trustline.intake.services import Filed

pytestmark = pytest.mark.django_db

SPAM = "Cheap watches, best prices, visit our shop today."


def signed_in(user: User) -> Client:
    client = StaffClient()
    client.force_login(user)
    return client


@pytest.fixture
def suspected(file_report: Callable[..., Filed], staff: dict[str, User]) -> Report:
    # Filed once the staff exist, as in service: their keys receive the report's key.
    return file_report(narrative=SPAM, quarantine_reason="honeypot").report


def test_a_report_in_quarantine_is_not_in_the_inbox(
    suspected: Report, staff: dict[str, User]
) -> None:
    for persona in ("sam", "ines"):
        page = signed_in(staff[persona]).get("/staff/").content.decode()
        assert suspected.reference not in page
        assert "0 reports" in page


def test_a_supervisor_reads_the_queue_and_the_report_and_it_is_audited(
    suspected: Report, staff: dict[str, User]
) -> None:
    sam = signed_in(staff["sam"])
    queue = sam.get("/staff/quarantine/").content.decode()
    assert suspected.reference in queue
    reason = "A hidden field that only robots fill in was filled in"
    assert reason in queue
    assert 'href="/staff/quarantine/"' in sam.get("/staff/").content.decode()
    page = sam.get(f"/staff/quarantine/{suspected.pk}/").content.decode()
    assert SPAM in page and reason in page
    event = AuditEvent.objects.latest("id")
    assert (event.action, event.actor, event.report_id) == (
        "quarantine.view",
        staff["sam"],
        suspected.pk,
    )


def test_a_supervisor_releases_a_report_into_the_inbox(
    suspected: Report, staff: dict[str, User]
) -> None:
    sam = signed_in(staff["sam"])
    response = sam.post(f"/staff/quarantine/{suspected.pk}/release/")
    assert response.status_code == 302
    assert response["Location"] == f"/staff/reports/{suspected.pk}/"
    suspected.refresh_from_db()
    assert not suspected.quarantined
    assert suspected.reference in sam.get("/staff/").content.decode()
    assert suspected.reference not in sam.get("/staff/quarantine/").content.decode()
    assert AuditEvent.objects.filter(action="quarantine.release", report_id=suspected.pk).exists()


@pytest.mark.parametrize("persona", ["ines", "ivan", "aude", "rick", "ada"])
def test_nobody_else_sees_or_releases_the_quarantine(
    persona: str, suspected: Report, staff: dict[str, User]
) -> None:
    client = signed_in(staff[persona])
    assert client.get("/staff/quarantine/").status_code == 404
    assert client.get(f"/staff/quarantine/{suspected.pk}/").status_code == 404
    assert client.post(f"/staff/quarantine/{suspected.pk}/release/").status_code == 404
    suspected.refresh_from_db()
    assert suspected.quarantined
    assert 'href="/staff/quarantine/"' not in client.get("/staff/").content.decode()


def test_a_report_in_quarantine_does_not_open_as_a_case(
    suspected: Report, staff: dict[str, User]
) -> None:
    for persona in ("sam", "ines"):
        client = signed_in(staff[persona])
        assert client.get(f"/staff/reports/{suspected.pk}/").status_code == 404


def test_an_ordinary_report_is_not_in_the_quarantine(
    file_report: Callable[..., Filed], staff: dict[str, User]
) -> None:
    report = file_report().report
    sam = signed_in(staff["sam"])
    assert sam.get(f"/staff/quarantine/{report.pk}/").status_code == 404
    assert sam.post(f"/staff/quarantine/{report.pk}/release/").status_code == 404
