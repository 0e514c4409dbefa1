"""Reads of the public side. A receipt is the only way in."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from trustline.intake import receipts
from trustline.intake.models import CATEGORIES_CACHE_KEY, Category, Message, Report
from trustline.remembered import remembered
from trustline.vault import services as vault


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
    vault.open_for_reporter(report, receipts.normalize(raw))
    return report


def report_for_session(
    report_id: object, data_key: bytes | None, epoch: object = None
) -> Report | None:
    """The report a reporter's session opened, with its key (kept in their cookie),
    unless the reporter has left since that session opened it."""
    if not isinstance(report_id, int) or not isinstance(epoch, int) or data_key is None:
        return None
    report = (
        Report.objects.select_related("category").filter(pk=report_id, session_epoch=epoch).first()
    )
    if report is not None:
        vault.attach(report, data_key)
    return report


def thread_of(report: Report, with_authors: bool = False) -> list[Message]:
    """The thread as both sides read it: the report's arrival, then every message and
    change of status. The arrival is not stored: it is the report's own timestamp."""
    arrival = Message(
        report=report,
        kind=Message.Kind.STATUS,
        status=Report.Status.NEW,
        created_at=report.created_at,
    )
    messages = report.messages.order_by("created_at", "id")
    if with_authors:
        messages = messages.select_related("author")
    return [arrival, *messages]


def active_categories() -> list[Category]:
    """The categories offered on the form (kept in the process for a few seconds)."""
    return remembered(
        CATEGORIES_CACHE_KEY,
        lambda: list(Category.objects.filter(active=True).select_related("group")),
    )


def named_by(reports: QuerySet[Report], text: str) -> QuerySet[Report]:
    """The report a person named by reference or case number, as staff type them.

    Exact matches, so the unique indexes answer; references are upper case, case
    numbers are matched as typed and in upper case."""
    name = text.strip()
    return reports.filter(
        Q(reference=name.upper()) | Q(case_number=name) | Q(case_number=name.upper())
    )
