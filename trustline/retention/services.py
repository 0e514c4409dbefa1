"""Every write of retention: one function, keyword-only arguments, one transaction,
its audit events inside it. Audit events of a purge carry counts, never content and
never the references of what went."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator
from datetime import datetime
from typing import Any

from django.db import transaction
from django.utils import timezone

from trustline.audit.services import record
from trustline.cases.access import NotAllowed, get_case_for_user
from trustline.intake.models import Report
from trustline.intake.selectors import named_by
from trustline.retention.models import LegalHold, PurgeWarning, RetentionRule
from trustline.retention.schedule import CONTACT, PURGE, REPORT, WAIT, WARN, Step
from trustline.retention.selectors import CONTACT_FIELDS, purge_plan
from trustline.roles import SUPERVISOR, Actor, as_staff, has_role
from trustline.screening.screen import screen
from trustline.screening.services import count_withheld

BLANK_CONTACT = dict.fromkeys(CONTACT_FIELDS, "")
# Deleted in batches: SQLite refuses statements with too many parameters.
BATCH = 500


class HoldNotFound(Exception):
    """No such hold, or it was already lifted."""


def may_hold(user: Actor) -> bool:
    return has_role(user, SUPERVISOR)


def purge(*, now: datetime | None = None) -> list[Step]:
    """Run the schedule: delete due reports, erase due contact details, warn about
    unread ones. One transaction: a run happens entirely or not at all."""
    now = now or timezone.now()
    with transaction.atomic():
        steps = purge_plan(now)
        going = [s for s in steps if s.action == PURGE]
        _delete_reports([s.report_id for s in going if s.what == REPORT])
        _erase_contacts([s.report_id for s in going if s.what == CONTACT])
        _keep_warnings(steps, now)
        _record_counts(steps)
    return steps


def _batches(ids: list[int]) -> Iterator[list[int]]:
    for start in range(0, len(ids), BATCH):
        yield ids[start : start + BATCH]


def _delete_reports(ids: list[int]) -> None:
    """A report goes with its messages, notes, key wraps and warnings (CASCADE). Its
    lifted holds go first; an active hold makes the database refuse (PROTECT)."""
    for batch in _batches(ids):
        LegalHold.objects.filter(report_id__in=batch, lifted_at__isnull=False).delete()
        Report.objects.filter(pk__in=batch).delete()


def _erase_contacts(ids: list[int]) -> None:
    """Blank every contact field; an empty value needs no key and reads no content."""
    for batch in _batches(ids):
        Report.objects.filter(pk__in=batch).update(**BLANK_CONTACT)


def _keep_warnings(steps: list[Step], now: datetime) -> None:
    """New warnings for unread reports newly due; none left for what is no longer
    due, was read, held, or has gone."""
    waiting = {(s.report_id, s.what) for s in steps if s.action == WAIT}
    PurgeWarning.objects.bulk_create(
        PurgeWarning(report_id=s.report_id, what=s.what, rule_id=s.rule.id, warned_at=now)
        for s in steps
        if s.action == WARN
    )
    warned = {(s.report_id, s.what) for s in steps if s.action == WARN}
    stale = [
        pk
        for pk, report_id, what in PurgeWarning.objects.values_list("pk", "report_id", "what")
        if (report_id, what) not in waiting | warned
    ]
    for batch in _batches(stale):
        PurgeWarning.objects.filter(pk__in=batch).delete()


def _record_counts(steps: Iterable[Step]) -> None:
    per_rule: dict[int, Counter[str]] = {}
    whats: dict[int, str] = {}
    for step in steps:
        per_rule.setdefault(step.rule.id, Counter())[step.action] += 1
        whats[step.rule.id] = step.what
    totals: Counter[str] = Counter()
    for rule_id, counts in sorted(per_rule.items()):
        record(action="retention.purge", detail=_counts(counts, rule=rule_id, what=whats[rule_id]))
        totals.update(counts)
    record(action="retention.run", detail=_counts(totals, rules=len(per_rule)))


def _counts(counts: Counter[str], **extra: Any) -> dict[str, Any]:
    return {**extra, "purged": counts[PURGE], "warned": counts[WARN], "waiting": counts[WAIT]}


def hold_place(*, actor: Actor, report_id: int, reason: str) -> LegalHold:
    with transaction.atomic():
        if not may_hold(actor):
            raise NotAllowed("hold")
        report = get_case_for_user(actor, report_id)
        return _place_hold(actor, report.pk, reason)


def _place_hold(actor: Actor, report_id: int, reason: str, **detail: Any) -> LegalHold:
    # Locked: a purge deleting this report waits for the hold, then the database
    # refuses it (the hold PROTECTs the report).
    Report.objects.select_for_update().values_list("pk", flat=True).get(pk=report_id)
    screened = screen(reason)
    count_withheld(screened)
    hold = LegalHold.objects.create(
        report_id=report_id,
        reason=screened,
        placed_by=as_staff(actor),
        placed_at=timezone.now(),
    )
    record(
        action="hold.place", actor=actor, report_id=report_id, detail={"hold": hold.pk, **detail}
    )
    return hold


def hold_for_outside_request(*, actor: Actor, request_id: int, named: str) -> bool:
    """R7: an administrative subpoena puts a legal hold on the records it names.

    The records custodian sees no report, so the report is found by the reference or
    case number on the request, and nothing about it is shown back. A report already
    under a hold keeps that one. Returns whether the named report is now held.
    """
    if not named.strip():
        return False
    report_id = named_by(Report.objects.all(), named).values_list("pk", flat=True).first()
    if report_id is None:
        return False
    if not LegalHold.objects.filter(report_id=report_id, lifted_at__isnull=True).exists():
        reason = f"Administrative subpoena: outside request {request_id} (policy rule R7)"
        _place_hold(actor, report_id, reason, outside_request=request_id)
    return True


def hold_lift(*, actor: Actor, hold_id: int, reason: str) -> LegalHold:
    with transaction.atomic():
        if not may_hold(actor):
            raise NotAllowed("hold")
        hold = LegalHold.objects.select_for_update().filter(pk=hold_id).first()
        if hold is None or not hold.active:
            raise HoldNotFound
        hold.lifted_by = as_staff(actor)
        hold.lifted_at = timezone.now()
        hold.lift_reason = screen(reason)
        count_withheld(hold.lift_reason)
        hold.save(update_fields=["lifted_by", "lifted_at", "lift_reason"])
        record(action="hold.lift", actor=actor, report_id=hold.report_id, detail={"hold": hold.pk})
    return hold


def rule_save(*, actor: Actor, rule: RetentionRule) -> RetentionRule:
    """An administrator's change to a rule, with the whole rule in the audit trail."""
    with transaction.atomic():
        rule.save()
        record(action="retention.rule_save", actor=actor, detail=_rule_detail(rule))
    return rule


def rule_delete(*, actor: Actor, rule: RetentionRule) -> None:
    with transaction.atomic():
        detail = _rule_detail(rule)
        rule.delete()
        record(action="retention.rule_delete", actor=actor, detail=detail)


def _rule_detail(rule: RetentionRule) -> dict[str, Any]:
    return {
        "rule": rule.pk,
        "name": rule.name,
        "what": rule.what,
        "outcome": rule.outcome,
        "category": rule.category.slug if rule.category else None,
        "role": rule.role,
        "dispositions": list(rule.dispositions),
        "days": rule.days,
        "active": rule.active,
    }
