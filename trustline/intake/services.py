"""Every write of the public side: one function, one transaction, its audit row."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from django.contrib.auth.models import User
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from trustline.audit.services import record
from trustline.intake import receipts
from trustline.intake.models import Category, Message, Report
from trustline.screening.screen import screen
from trustline.screening.services import count_withheld
from trustline.vault import services as vault

REPORTER = "reporter"


@dataclass(frozen=True)
class Filed:
    report: Report
    receipt: str


def report_submit(
    *,
    submission: str,
    category: Category,
    when: str,
    occurred_from: datetime | None,
    occurred_to: datetime | None,
    place: str,
    narrative: str,
    role: str,
    contact_name: str = "",
    contact_phone: str = "",
    contact_email: str = "",
    contact_safe_times: str = "",
    contact_leave_message: str = "",
    language: str,
    contact_language: str,
    interpreter: bool = False,
    quarantine_reason: str = "",
    taken_by: User | None = None,
    taken: str = "",
) -> Filed:
    """File a report once per form; the receipt is returned and never stored.

    The report's text is encrypted with a new data key, wrapped to the reporter's
    receipt, the intake queue, the supervisors and the agency recovery key.

    Sending the same form again (a retry after a lost connection) files nothing new
    and returns the same report and receipt.

    `taken_by`: the staff member who filed it for a caller (`taken`: "phone" or
    "counter"); the audit event names them instead of the reporter.
    """
    now = timezone.now()
    receipt = receipts.receipt_for(submission)
    key = receipts.submission_digest(submission)
    for _attempt in range(5):
        report = Report(
            reference=receipts.new_reference(),
            receipt_digest=receipts.digest(receipt),
            submission_digest=key,
            category=category,
            when=when,
            occurred_from=occurred_from,
            occurred_to=occurred_to,
            place=screen(place, language),
            narrative=screen(narrative, language),
            role=role,
            contact_name=screen(contact_name, language),
            contact_phone=contact_phone,
            contact_email=contact_email,
            contact_safe_times=screen(contact_safe_times, language),
            contact_leave_message=contact_leave_message,
            language=language,
            contact_language=contact_language,
            interpreter=interpreter,
            quarantined=bool(quarantine_reason),
            quarantine_reason=quarantine_reason,
            created_at=now,
            updated_at=now,
        )
        wraps = vault.seal_new_report(report, receipts.normalize(receipt))
        try:
            with transaction.atomic():
                count_withheld(report)
                report.save(force_insert=True)
                vault.store_wraps(report, wraps)
                record(
                    action="report.submit",
                    actor=taken_by,
                    actor_kind=None if taken_by else REPORTER,
                    report_id=report.pk,
                    detail={"taken": taken} if taken_by else None,
                )
        except IntegrityError:
            # The same form sent again (a retry), or a reference collision (30 bits).
            existing = Report.objects.filter(submission_digest=key).first()
            if existing is not None:
                vault.open_for_reporter(existing, receipts.normalize(receipt))
                return Filed(report=existing, receipt=receipt)
            continue
        return Filed(report=report, receipt=receipt)
    raise RuntimeError("could not draw a unique reference")


def end_reporter_sessions(*, report_id: int) -> None:
    """The reporter left: every public session opened on this report before now opens
    nothing more, copies of its cookie included. They come back with the receipt."""
    with transaction.atomic():
        Report.objects.filter(pk=report_id).update(session_epoch=F("session_epoch") + 1)
        record(action="report.reporter_left", actor_kind=REPORTER, report_id=report_id)


def message_from_reporter(*, report: Report, body: str) -> Message:
    now = timezone.now()
    screened = screen(body, report.language)
    with transaction.atomic():
        count_withheld(screened)
        message = Message.objects.create(
            report=report,
            kind=Message.Kind.REPORTER,
            body=screened,
            created_at=now,
        )
        Report.objects.filter(pk=report.pk).update(unread_by_staff=True, updated_at=now)
        record(
            action="message.from_reporter",
            actor_kind=REPORTER,
            report_id=report.pk,
            detail={"message_id": message.pk},
        )
    return message
