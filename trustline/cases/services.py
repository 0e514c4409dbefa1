"""Every write of the staff side: one function, keyword-only arguments, one
transaction, and its audit event inside that transaction."""

from __future__ import annotations

from django.contrib.auth.models import User as StaffUser
from django.db import transaction
from django.utils import timezone

from trustline.audit.services import record
from trustline.cases.access import (
    TRANSITIONS,
    CaseNotFound,
    NotAllowed,
    get_case_for_user,
    may_assign,
    may_reveal_contact,
    may_write,
    next_statuses,
)
from trustline.cases.models import CaseNumberCounter, Note
from trustline.intake.models import AgencyProfile, Message, Report
from trustline.intake.visibility import may_see
from trustline.roles import Actor, as_staff
from trustline.screening.screen import screen
from trustline.screening.services import count_withheld
from trustline.vault import services as vault

User = Actor


def case_open(*, actor: User, report_id: int) -> Report:
    """Load a case for a staff member and record that they read it."""
    with transaction.atomic():
        report = get_case_for_user(actor, report_id)
        if report.unread_by_staff:
            Report.objects.filter(pk=report.pk).update(unread_by_staff=False)
        record(action="case.view", actor=actor, report_id=report.pk)
    return report


def _issue_case_number(now_year: int) -> str:
    counter, _ = CaseNumberCounter.objects.select_for_update().get_or_create(year=now_year)
    counter.last += 1
    counter.save(update_fields=["last"])
    fmt = AgencyProfile.current().case_number_format
    return fmt.format(year=now_year, seq=counter.last)


def case_transition(
    *,
    actor: User,
    report_id: int,
    to_status: str,
    referral: str = "",
    disposition: str = "",
) -> Report:
    now = timezone.now()
    with transaction.atomic():
        opened = get_case_for_user(actor, report_id)
        report = vault.carry_key(opened, Report.objects.select_for_update().get(pk=opened.pk))
        if (report.status, to_status) not in TRANSITIONS or to_status not in next_statuses(
            actor, report
        ):
            raise NotAllowed(f"{report.status} -> {to_status}")
        detail: dict[str, str] = {"from": report.status, "to": to_status}
        report.status = to_status
        if to_status == Report.Status.ACCEPTED and not report.case_number:
            report.case_number = _issue_case_number(timezone.localdate(now).year)
            detail["case_number"] = report.case_number
        if to_status == Report.Status.NOT_POLICE_MATTER:
            report.referral = screen(referral, report.language)
        if to_status == Report.Status.CLOSED:
            report.disposition = disposition
            detail["disposition"] = disposition
        report.updated_at = now
        count_withheld(report.referral)
        report.save()
        Message.objects.create(
            report=report,
            kind=Message.Kind.STATUS,
            status=to_status,
            author=as_staff(actor),
            created_at=now,
        )
        vault.reconcile(report, lambda user: may_see(user, report))
        record(action="case.status", actor=actor, report_id=report.pk, detail=detail)
    return report


def case_assign(*, actor: User, report_id: int, assignee: StaffUser | None) -> Report:
    with transaction.atomic():
        if not may_assign(actor):
            raise NotAllowed("assign")
        report = get_case_for_user(actor, report_id)
        report.assignee = assignee
        report.updated_at = timezone.now()
        report.save(update_fields=["assignee", "updated_at"])
        vault.reconcile(report, lambda user: may_see(user, report))
        record(
            action="case.assign",
            actor=actor,
            report_id=report.pk,
            detail={"assignee": assignee.get_username() if assignee else None},
        )
    return report


def message_to_reporter(*, actor: User, report_id: int, body: str) -> Message:
    now = timezone.now()
    with transaction.atomic():
        report = get_case_for_user(actor, report_id)
        if not may_write(actor, report):
            raise NotAllowed("message")
        screened = screen(body, report.language)
        count_withheld(screened)
        message = Message.objects.create(
            report=report,
            kind=Message.Kind.STAFF,
            author=as_staff(actor),
            body=screened,
            created_at=now,
        )
        Report.objects.filter(pk=report.pk).update(updated_at=now)
        record(
            action="message.to_reporter",
            actor=actor,
            report_id=report.pk,
            detail={"message_id": message.pk},
        )
    return message


def contact_reveal(*, actor: User, report_id: int, reason: str) -> Report:
    """Show a reporter's contact details to this officer, once, for a stated reason."""
    with transaction.atomic():
        report = get_case_for_user(actor, report_id)
        if not may_reveal_contact(actor, report):
            raise NotAllowed("contact")
        # Staff-typed, so it passes the firewall too; it is the oversight board's to read.
        screened = screen(reason)
        count_withheld(screened)
        record(
            action="contact.reveal",
            actor=actor,
            report_id=report.pk,
            detail={"reason": str(screened)},
        )
    return report


def interpreter_flag(*, actor: User, report_id: int, needed: bool) -> Report:
    """Mark that talking with the reporter needs an interpreter (or no longer does): it
    shows on the inbox, where such reports are counted."""
    with transaction.atomic():
        report = get_case_for_user(actor, report_id)
        if not may_write(actor, report):
            raise NotAllowed("interpreter")
        Report.objects.filter(pk=report.pk).update(interpreter=needed, updated_at=timezone.now())
        report.interpreter = needed
        record(
            action="case.interpreter", actor=actor, report_id=report.pk, detail={"needed": needed}
        )
    return report


def note_add(*, actor: User, report_id: int, body: str) -> Note:
    with transaction.atomic():
        report = get_case_for_user(actor, report_id)
        if not may_write(actor, report):
            raise NotAllowed("note")
        screened = screen(body)
        count_withheld(screened)
        note = Note.objects.create(
            report=report, author=as_staff(actor), body=screened, created_at=timezone.now()
        )
        record(action="note.add", actor=actor, report_id=report.pk, detail={"note_id": note.pk})
    return note


__all__ = [
    "CaseNotFound",
    "NotAllowed",
    "case_assign",
    "case_open",
    "case_transition",
    "contact_reveal",
    "message_to_reporter",
    "note_add",
]
