"""The quarantine queue: reports the abuse controls suspected of being spam
(trustline/intake/abuse.py). They stay out of the inbox until a supervisor reads one
and releases it into the normal queue. Nothing here deletes a report."""

from __future__ import annotations

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db import transaction
from django.utils import timezone

from trustline.audit.services import record
from trustline.cases.access import User, get_case_for_user, may_review_quarantine
from trustline.intake.models import Report
from trustline.intake.visibility import visible_reports


def quarantine_page(user: User, page: str | int | None) -> Page[Report]:
    """Oldest first: the report that has waited longest is read first."""
    reports = visible_reports(user).filter(quarantined=True)
    if not may_review_quarantine(user):
        reports = reports.none()
    reports = reports.select_related("category").order_by("created_at", "id")
    return Paginator(reports, settings.INBOX_PAGE_SIZE).get_page(page)


def quarantine_open(*, actor: User, report_id: int) -> Report:
    """Load a report in quarantine for a supervisor and record that they read it."""
    with transaction.atomic():
        report = get_case_for_user(actor, report_id, quarantined=True)
        record(action="quarantine.view", actor=actor, report_id=report.pk)
    return report


def quarantine_release(*, actor: User, report_id: int) -> Report:
    """Move a report from quarantine into the normal queue, as if it had just arrived."""
    with transaction.atomic():
        report = get_case_for_user(actor, report_id, quarantined=True)
        Report.objects.filter(pk=report.pk).update(
            quarantined=False, unread_by_staff=True, updated_at=timezone.now()
        )
        record(action="quarantine.release", actor=actor, report_id=report.pk)
    report.quarantined = False
    return report
