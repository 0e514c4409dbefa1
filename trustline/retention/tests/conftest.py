"""Reports closed the way staff close them (through the case page), then aged: the
clock of a retention rule starts at the status entry that closed the case."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django.utils import timezone

from trustline.intake.models import Category, Message, Report
from trustline.intake.services import Filed

Closer = Callable[..., Report]


def url(report: Report, action: str = "") -> str:
    return f"/staff/reports/{report.pk}/{action + '/' if action else ''}"


@pytest.fixture
def sam(client: Client, staff: dict[str, User]) -> Client:
    client.force_login(staff["sam"])
    return client


def move(sam: Client, report: Report, to_status: str, **fields: str) -> None:
    response = sam.post(url(report, "status"), {"to_status": to_status, **fields})
    assert response.status_code == 302, response.content.decode()[:500]


def aged(report: Report, days: int) -> Report:
    """Pretend the case closed `days` ago."""
    then = timezone.now() - timedelta(days=days)
    Message.objects.filter(report=report, kind=Message.Kind.STATUS).update(created_at=then)
    return Report.objects.get(pk=report.pk)


def close(sam: Client, report: Report, days: int, disposition: str = "arrest") -> Report:
    """Read, accepted and closed `days` ago, as a supervisor does it."""
    assert sam.get(url(report)).status_code == 200
    move(sam, report, "accepted")
    move(sam, report, "closed", disposition=disposition)
    return aged(report, days)


def refer(sam: Client, report: Report, days: int) -> Report:
    """Read and found not a police matter `days` ago."""
    assert sam.get(url(report)).status_code == 200
    move(sam, report, "not_police_matter", referral="Call the tenants' union.")
    return aged(report, days)


def reporter_writes(receipt: str, body: str) -> None:
    reporter = Client()
    assert reporter.post("/en/follow-up/", {"receipt": receipt}).status_code == 302
    assert reporter.post("/en/follow-up/case/", {"body": body}).status_code == 302


@pytest.fixture
def closed_case(sam: Client, file_report: Callable[..., Filed]) -> Closer:
    def _close(
        days: int, disposition: str = "arrest", category: str = "theft", **fields: str
    ) -> Report:
        report = file_report(category=Category.objects.get(slug=category), **fields).report
        return close(sam, report, days, disposition)

    return _close


@pytest.fixture
def not_police_matter(sam: Client, file_report: Callable[..., Filed]) -> Closer:
    def _refer(days: int, category: str = "theft", **fields: str) -> Report:
        report = file_report(category=Category.objects.get(slug=category), **fields).report
        return refer(sam, report, days)

    return _refer


def exists(report: Report) -> bool:
    return Report.objects.filter(pk=report.pk).exists()


def contact_of(report: Report) -> tuple[str, ...]:
    row = Report.objects.filter(pk=report.pk).values_list(
        "contact_name", "contact_phone", "contact_email", "contact_safe_times"
    )
    return tuple(str(value) for value in row.get())
