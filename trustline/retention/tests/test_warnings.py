"""Nothing unread is purged before supervisors were warned: the first run records a
warning and the inbox shows it; only a run after the warning period purges."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from trustline.audit.models import AuditEvent
from trustline.intake.models import Report
from trustline.intake.services import Filed
from trustline.retention.checks import warning_period_check
from trustline.retention.models import PurgeWarning
from trustline.retention.services import purge
from trustline.retention.tests.conftest import Closer, close, exists, refer, reporter_writes, url

pytestmark = pytest.mark.django_db

WEEK = timedelta(days=7)


@pytest.fixture
def unread(sam: Client, file_report: Callable[..., Filed]) -> Report:
    """Due for purge, and the reporter wrote after staff last read it."""
    filed = file_report()
    report = refer(sam, filed.report, days=200)
    reporter_writes(filed.receipt, "I remembered the licence plate.")
    return report


def test_an_unread_report_is_not_purged_on_the_first_run_but_warned_about(unread: Report) -> None:
    purge()

    assert exists(unread)
    warning = PurgeWarning.objects.get()
    assert (warning.report_id, warning.what) == (unread.pk, "report")
    run = AuditEvent.objects.get(action="retention.run")
    assert run.detail["warned"] == 1 and run.detail["purged"] == 0


def test_it_goes_only_at_a_run_after_the_warning_period(unread: Report) -> None:
    now = timezone.now()
    purge(now=now)
    purge(now=now + WEEK - timedelta(minutes=1))
    assert exists(unread)

    purge(now=now + WEEK)
    assert not exists(unread)
    assert not PurgeWarning.objects.exists()


def test_the_warning_period_is_a_setting(unread: Report, settings: Any) -> None:
    settings.TRUSTLINE_PURGE_WARNING_DAYS = 30
    now = timezone.now()
    purge(now=now)
    purge(now=now + WEEK)
    assert exists(unread)
    purge(now=now + timedelta(days=30))
    assert not exists(unread)


def test_a_report_flagged_unread_counts_as_unread(not_police_matter: Closer) -> None:
    report = not_police_matter(days=200)
    Report.objects.filter(pk=report.pk).update(unread_by_staff=True)
    purge()
    assert exists(report)
    assert PurgeWarning.objects.filter(report=report).exists()


def test_read_after_the_warning_it_is_an_ordinary_due_report(unread: Report, sam: Client) -> None:
    purge()
    assert sam.get(url(unread)).status_code == 200
    purge()
    assert not exists(unread)


def test_reopened_after_the_warning_it_is_no_longer_due(unread: Report, sam: Client) -> None:
    purge()
    response = sam.post(url(unread, "status"), {"to_status": "in_review"})
    assert response.status_code == 302
    purge(now=timezone.now() + WEEK)
    assert exists(unread)
    assert not PurgeWarning.objects.exists()


def test_unread_contact_details_are_warned_about_too(
    sam: Client, file_report: Callable[..., Filed]
) -> None:
    filed = file_report(contact_name="Rosa")
    report = close(sam, filed.report, days=400)
    reporter_writes(filed.receipt, "New number: call after six.")
    now = timezone.now()
    purge(now=now)
    assert Report.objects.filter(pk=report.pk).exclude(contact_name="").exists()
    purge(now=now + WEEK)
    assert not Report.objects.filter(pk=report.pk).exclude(contact_name="").exists()


def test_supervisors_see_the_banner_with_the_count_and_the_date(
    unread: Report, client: Client, staff: dict[str, User]
) -> None:
    purge()
    client.force_login(staff["sam"])
    page = client.get("/staff/").content.decode()
    assert "1 unread report is due for purge" in page
    goes = timezone.localtime(PurgeWarning.objects.get().warned_at + WEEK)
    assert f"{goes:%Y-%m-%d}" in page
    assert unread.reference in page
    assert url(unread) in page


def test_other_staff_see_no_banner(unread: Report, client: Client, staff: dict[str, User]) -> None:
    purge()
    client.force_login(staff["ines"])
    page = client.get("/staff/").content.decode()
    assert "due for purge" not in page


def test_no_banner_when_nothing_is_waiting(client: Client, staff: dict[str, User]) -> None:
    client.force_login(staff["sam"])
    assert "due for purge" not in client.get("/staff/").content.decode()


@pytest.mark.parametrize(("days", "errors"), [(7, []), (1, []), (0, ["trustline.retention.E001"])])
def test_the_warning_period_cannot_be_switched_off(
    days: int, errors: list[str], settings: Any
) -> None:
    settings.TRUSTLINE_PURGE_WARNING_DAYS = days
    assert [message.id for message in warning_period_check()] == errors
