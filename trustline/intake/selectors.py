"""Reads of the public side. A receipt is the only way in."""

from __future__ import annotations

from django.core.cache import cache
from django.db.models import QuerySet

from trustline.intake import receipts
from trustline.intake.models import (
    CATEGORIES_CACHE_KEY,
    CONFIG_CACHE_SECONDS,
    Category,
    Message,
    Report,
)


class ReceiptNotFound(Exception):
    """No report answers to this receipt (or it was malformed): one answer for both."""


def report_for_receipt(raw: str) -> Report:
    try:
        key = receipts.digest(raw)
    except receipts.ReceiptMalformed:
        raise ReceiptNotFound from None
    report = Report.objects.select_related("category").filter(receipt_digest=key).first()
    if report is None:
        raise ReceiptNotFound
    return report


def report_for_session(report_id: object) -> Report | None:
    if not isinstance(report_id, int):
        return None
    return Report.objects.select_related("category").filter(pk=report_id).first()


def thread_for_reporter(report: Report) -> QuerySet[Message]:
    return report.messages.order_by("created_at", "id")


def active_categories() -> list[Category]:
    """The categories offered on the form, read at most every 30 s by each process."""
    categories: list[Category] | None = cache.get(CATEGORIES_CACHE_KEY)
    if categories is None:
        categories = list(Category.objects.filter(active=True).select_related("group"))
        cache.set(CATEGORIES_CACHE_KEY, categories, CONFIG_CACHE_SECONDS)
    return categories
