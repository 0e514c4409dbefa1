from __future__ import annotations

from typing import Any

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet

from trustline.audit.models import AuditEvent
from trustline.roles import AUDITOR, Actor, has_role


def trail(filters: dict[str, Any], page: str | int | None) -> Page[AuditEvent]:
    return Paginator(trail_events(filters), 100).get_page(page)


def trail_events(filters: dict[str, Any]) -> QuerySet[AuditEvent]:
    events = AuditEvent.objects.select_related("actor").order_by("-id")
    if filters.get("action"):
        events = events.filter(action=filters["action"])
    if filters.get("actor"):
        events = events.filter(actor_name=filters["actor"])
    if filters.get("report_id"):
        events = events.filter(report_id=filters["report_id"])
    if filters.get("since"):
        events = events.filter(created_at__date__gte=filters["since"])
    if filters.get("until"):
        events = events.filter(created_at__date__lte=filters["until"])
    return events


def known_actions() -> list[str]:
    return list(AuditEvent.objects.order_by().values_list("action", flat=True).distinct())


def may_read_trail(user: Actor) -> bool:
    """Auditors read the trail; nobody else, and nobody changes it."""
    return has_role(user, AUDITOR)
