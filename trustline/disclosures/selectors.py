"""Reads of the records desk, always through the access rules in desk_access.py."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.paginator import Page, Paginator
from django.db.models import QuerySet

from trustline.disclosures.desk_access import visible_requests
from trustline.disclosures.models import Decision, OutsideRequest, Task
from trustline.roles import Actor


def queue(user: Actor, filters: dict[str, Any], page: str | int | None) -> Page[OutsideRequest]:
    requests = visible_requests(user)
    for name in ("status", "request_type", "agency_type"):
        if filters.get(name):
            requests = requests.filter(**{name: filters[name]})
    return Paginator(requests.order_by("-received_at", "-id"), settings.INBOX_PAGE_SIZE).get_page(
        page
    )


def current_decisions(outside: OutsideRequest) -> QuerySet[Decision]:
    return outside.decisions.filter(current=True).select_related("carried_out_by", "escalated_by")


def released_categories(outside: OutsideRequest) -> list[str]:
    return list(
        current_decisions(outside).filter(outcome="release").values_list("category", flat=True)
    )


def open_tasks(user: Actor) -> QuerySet[Task]:
    return (
        Task.objects.filter(request__in=visible_requests(user), done_at__isnull=True)
        .filter(cancelled_at__isnull=True)
        .select_related("request")
    )
