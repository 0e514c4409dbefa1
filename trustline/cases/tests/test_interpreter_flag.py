"""An officer marks that talking with the reporter needs an interpreter (the reporter
may have asked on the form already); the inbox shows it, with the reporter's language
in its own name, and counts the open reports that need one."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from trustline.audit.models import AuditEvent
from trustline.intake.models import Report
from trustline.intake.services import Filed

pytestmark = pytest.mark.django_db

COUNT = 'interpreter=on">Open, needing an interpreter</a>: <strong>{}</strong>'


def test_an_officer_flags_that_a_reporter_needs_an_interpreter(
    client: Client, staff: dict[str, User], file_report: Callable[..., Filed]
) -> None:
    report = file_report(contact_language="vi").report
    client.force_login(staff["sam"])
    assert COUNT.format(0) in client.get("/staff/").content.decode()
    response = client.post(f"/staff/reports/{report.pk}/interpreter/", {"needed": "yes"})
    assert response.status_code == 302
    assert Report.objects.get(pk=report.pk).interpreter
    event = AuditEvent.objects.get(action="case.interpreter")
    assert (event.report_id, event.detail) == (report.pk, {"needed": True})
    inbox = client.get("/staff/").content.decode()
    assert COUNT.format(1) in inbox
    assert '<span lang="vi">Tiếng Việt</span> <span class="badge">interpreter</span>' in inbox
    case = client.get(f"/staff/reports/{report.pk}/").content.decode()
    assert "needs an interpreter" in case and "No interpreter needed" in case


def test_the_flag_comes_off_and_a_closed_report_is_not_counted(
    client: Client, staff: dict[str, User], file_report: Callable[..., Filed]
) -> None:
    asked = file_report(interpreter=True).report
    closed = file_report(interpreter=True).report
    Report.objects.filter(pk=closed.pk).update(status=Report.Status.CLOSED)
    client.force_login(staff["sam"])
    assert COUNT.format(1) in client.get("/staff/").content.decode()
    client.post(f"/staff/reports/{asked.pk}/interpreter/", {"needed": "no"})
    assert not Report.objects.get(pk=asked.pk).interpreter
    assert COUNT.format(0) in client.get("/staff/").content.decode()


def test_the_inbox_filters_the_reports_that_need_an_interpreter(
    client: Client, staff: dict[str, User], file_report: Callable[..., Filed]
) -> None:
    needs = file_report(interpreter=True).report
    other = file_report().report
    client.force_login(staff["sam"])
    page = client.get("/staff/", {"interpreter": "on"}).content.decode()
    assert needs.reference in page and other.reference not in page


def test_only_someone_who_may_write_on_the_case_flags_it(
    client: Client,
    staff: dict[str, User],
    file_report: Callable[..., Filed],
    put_case: Callable[..., Report],
) -> None:
    report = put_case(file_report().report, status="accepted", assignee=staff["ivan"])
    client.force_login(staff["olga"])
    assert (
        client.post(f"/staff/reports/{report.pk}/interpreter/", {"needed": "yes"}).status_code
        == 404
    )
    assert not Report.objects.get(pk=report.pk).interpreter
    assert not AuditEvent.objects.filter(action="case.interpreter").exists()
