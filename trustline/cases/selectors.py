"""Reads of the staff side, always through the access rules in access.py."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import Count, QuerySet

from trustline.cases.access import User
from trustline.intake.models import Message, Report
from trustline.intake.selectors import named_by, thread_of
from trustline.intake.visibility import visible_reports


def in_queue(user: User) -> QuerySet[Report]:
    """The reports this user may see, less suspected spam (the quarantine queue's)."""
    return visible_reports(user).filter(quarantined=False)


def inbox(
    user: User,
    filters: dict[str, Any],
    page: str | int | None,
    counts: dict[str, int] | None = None,
) -> Page[Report]:
    """One page of the reports this user may see, newest first.

    With the per-status counts at hand, the total of an inbox filtered by status alone
    (or not at all) is known: no second count over the whole table.
    """
    reports = in_queue(user)
    if filters.get("q"):
        reports = named_by(reports, filters["q"])
    if filters.get("status"):
        reports = reports.filter(status=filters["status"])
    if filters.get("category"):
        reports = reports.filter(category=filters["category"])
    if filters.get("language"):
        reports = reports.filter(language=filters["language"])
    if filters.get("interpreter"):
        reports = reports.filter(interpreter=True)
    if filters.get("assignee") == "none":
        reports = reports.filter(assignee__isnull=True)
    elif filters.get("assignee"):
        reports = reports.filter(assignee_id=filters["assignee"])
    # Newest first, in the order of the (status, -created_at) and created_at indexes.
    reports = (
        reports.select_related("category", "assignee")
        .only(
            "reference",
            "status",
            "language",
            "contact_language",
            "interpreter",
            "created_at",
            "unread_by_staff",
            "case_number",
            "category__slug",
            "category__labels",
            "category__nibrs_code",
            "assignee__username",
        )
        .order_by("-created_at", "-id")
    )
    paginator = Paginator(reports, settings.INBOX_PAGE_SIZE)
    if counts is not None and not any(v for k, v in filters.items() if k != "status"):
        status = filters.get("status")
        paginator.count = counts.get(status, 0) if status else sum(counts.values())
    return paginator.get_page(page)


def needing_an_interpreter(user: User) -> int:
    """Open reports (not closed) whose reporter needs an interpreter."""
    return in_queue(user).filter(interpreter=True).exclude(status=Report.Status.CLOSED).count()


def status_counts(user: User) -> dict[str, int]:
    # COUNT(*), not COUNT(id): PostgreSQL answers it from the status index alone.
    rows = in_queue(user).order_by().values("status").annotate(n=Count("*"))
    counts = {status: 0 for status in Report.Status.values}
    counts.update({row["status"]: row["n"] for row in rows})
    return counts


def thread_for_staff(report: Report) -> list[Message]:
    return thread_of(report, with_authors=True)
