"""Every write of the records desk: one function, keyword-only arguments, one
transaction, and its audit event inside that transaction.

The custodian never chooses an outcome: the policy file decides (request_decide),
and the desk may only carry the decision out or escalate it to counsel with a
written reason, which is recorded as an override.
"""

from __future__ import annotations

import datetime
from typing import Any

from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils import timezone

from trustline.audit.services import record
from trustline.disclosures.desk_access import (
    NotAllowed,
    RequestNotFound,
    get_request_for_user,
    get_request_to_act_on,
    may_act,
    may_verify,
)
from trustline.disclosures.desk_policy import current_policy, decide_request, policy_text
from trustline.disclosures.models import Decision, OutsideRequest, Release, Task
from trustline.disclosures.release import build_package
from trustline.disclosures.side_effects import tasks_for
from trustline.policy import Decision as Answer
from trustline.policy import Policy
from trustline.policy.vocabulary import IMMIGRATION_STATUS
from trustline.roles import Actor, as_staff
from trustline.screening.services import count_withheld

S = OutsideRequest.Status


class WrongState(Exception):
    """The request is not at a step where this can be done (e.g. carried out already)."""


def request_log(
    *, actor: Actor, fields: dict[str, Any], document: UploadedFile | None
) -> OutsideRequest:
    """Log an incoming request and let the policy decide it, in one transaction."""
    if not may_act(actor):
        raise NotAllowed("records desk")
    policy = current_policy()
    with transaction.atomic():
        outside = OutsideRequest(**fields, logged_by=as_staff(actor))
        if document is not None:
            outside.document = document
        count_withheld(outside)
        outside.save()
        event = record(action="disclosure.log", actor=actor, detail=_summary(outside))
        OutsideRequest.objects.filter(pk=outside.pk).update(audit_event_id=event.id)
        _decide(actor, outside, policy)
    return outside


def request_open(*, actor: Actor, request_id: int) -> OutsideRequest:
    """Load a request for a reader and record that they read it."""
    with transaction.atomic():
        outside = get_request_for_user(actor, request_id)
        record(action="disclosure.view", actor=actor, detail={"request_id": outside.pk})
    return outside


def request_decide(*, actor: Actor, request_id: int) -> list[Decision]:
    """Decide again under the current policy file (e.g. after it changed)."""
    policy = current_policy()
    with transaction.atomic():
        outside = _open_request(actor, request_id)
        return _decide(actor, outside, policy)


def judicial_details_enter(
    *,
    actor: Actor,
    request_id: int,
    court: str,
    judge: str,
    signature_date: datetime.date,
    statute: str,
) -> OutsideRequest:
    """New details need a new verification: the document counts as judicial only then."""
    with transaction.atomic():
        outside = _open_request(actor, request_id)
        outside.court, outside.judge, outside.statute = court, judge, statute
        outside.signature_date = signature_date
        outside.judicial_entered_by = as_staff(actor)
        was_verified = outside.verified_at is not None
        outside.verified_by, outside.verified_at = None, None
        count_withheld(outside)
        outside.save()
        record(
            action="disclosure.judicial_details",
            actor=actor,
            detail={"request_id": outside.pk, "verification_cleared": was_verified},
        )
        if was_verified:
            _decide(actor, outside, current_policy())
    return outside


def judicial_verify(*, actor: Actor, request_id: int) -> list[Decision]:
    """A supervisor other than the one who entered the details confirms them."""
    policy = current_policy()
    with transaction.atomic():
        outside = _open_request(actor, request_id)
        if not may_verify(actor) or outside.judicial_entered_by_id == as_staff(actor).pk:
            raise NotAllowed("verify")
        if not outside.judicial_details_complete:
            raise WrongState("judicial details incomplete")
        outside.verified_by, outside.verified_at = as_staff(actor), timezone.now()
        outside.save(update_fields=["verified_by", "verified_at"])
        record(action="disclosure.judicial_verify", actor=actor, detail={"request_id": outside.pk})
        return _decide(actor, outside, policy)


def decision_carry_out(*, actor: Actor, request_id: int) -> OutsideRequest:
    with transaction.atomic():
        outside = _open_request(actor, request_id)
        now, staff = timezone.now(), as_staff(actor)
        decisions = outside.decisions.filter(current=True)
        decisions.update(carried_out_by=staff, carried_out_at=now)
        _set_status(outside, S.CARRIED_OUT)
        record(
            action="disclosure.carry_out",
            actor=actor,
            detail={
                "request_id": outside.pk,
                "decisions": list(decisions.values_list("pk", flat=True)),
            },
        )
    return outside


def decision_escalate(*, actor: Actor, request_id: int, reason: str) -> OutsideRequest:
    """Send to counsel instead of carrying out: an override, counted in the reports."""
    if not reason.strip():
        raise WrongState("an escalation needs a written reason")
    with transaction.atomic():
        outside = _open_request(actor, request_id)
        decisions = list(outside.decisions.filter(current=True))
        now, staff = timezone.now(), as_staff(actor)
        for decision in decisions:
            decision.escalated_by, decision.escalated_at = staff, now
            decision.escalation_reason = reason
            count_withheld(decision)
            decision.save(update_fields=["escalated_by", "escalated_at", "escalation_reason"])
        _set_status(outside, S.ESCALATED)
        record(
            action="disclosure.escalate",
            actor=actor,
            detail={
                "request_id": outside.pk,
                "override": True,
                "decisions": [d.pk for d in decisions],
            },
        )
    return outside


def release_record(
    *, actor: Actor, request_id: int, categories: list[str], recipient: str, content: str
) -> Release:
    """Record what left the agency; only categories the policy released may go."""
    with transaction.atomic():
        outside = get_request_to_act_on(actor, request_id)
        if outside.status != S.CARRIED_OUT:
            raise WrongState("carry the decision out first")
        released = {
            d.category: d for d in outside.decisions.filter(current=True, outcome="release")
        }
        wanted = [c for c in categories if c != IMMIGRATION_STATUS]
        if not wanted or any(c not in released for c in wanted):
            raise NotAllowed("release of a category the policy did not release")
        rules = sorted({released[c].rule_id for c in wanted})
        release = Release(
            request=outside,
            categories=wanted,
            rule_ids=rules,
            recipient=recipient,
            package=build_package(outside, [released[c] for c in wanted], content),
            released_by=as_staff(actor),
            released_at=timezone.now(),
        )
        event = record(
            action="disclosure.release",
            actor=actor,
            detail={"request_id": outside.pk, "categories": wanted, "rules": rules},
        )
        release.audit_event_id = event.id
        count_withheld(release)
        release.save()
    return release


def task_complete(*, actor: Actor, task_id: int) -> Task:
    with transaction.atomic():
        task = Task.objects.select_for_update().filter(pk=task_id).first()
        if task is None:
            raise RequestNotFound
        get_request_to_act_on(actor, task.request_id)
        if not task.open:
            raise WrongState("task already done")
        _mark_done(actor, task)
    return task


def _mark_done(actor: Actor, task: Task) -> None:
    task.done_at, task.done_by = timezone.now(), as_staff(actor)
    task.save(update_fields=["done_at", "done_by"])
    record(
        action="disclosure.task_done",
        actor=actor,
        detail={"request_id": task.request_id, "task_id": task.pk, "kind": task.kind},
    )


def _open_request(actor: Actor, request_id: int) -> OutsideRequest:
    """Locked, for the desk, and only while its decision has not been acted on."""
    outside = get_request_to_act_on(actor, request_id)
    if outside.status != S.DECIDED:
        raise WrongState(outside.status)
    return outside


def _set_status(outside: OutsideRequest, status: str) -> None:
    outside.status = status
    outside.save(update_fields=["status"])


def _decide(actor: Actor, outside: OutsideRequest, policy: Policy) -> list[Decision]:
    """Replace the current decisions with the engine's, and their open tasks."""
    now = timezone.now()
    outside.decisions.filter(current=True).update(current=False)
    Task.objects.filter(request=outside, done_at__isnull=True, cancelled_at__isnull=True).update(
        cancelled_at=now
    )
    answers = decide_request(outside, policy)
    event = record(
        action="disclosure.decide",
        actor=actor,
        detail={
            "request_id": outside.pk,
            "policy": policy.name,
            "policy_version": policy.version,
            "outcomes": {a.category: [a.outcome, a.rule_id] for a in answers},
        },
    )
    decisions = [_decision_row(outside, answer, policy.name, now, event.id) for answer in answers]
    tasks = tasks_for(outside, decisions, timezone.localdate(now))
    count_withheld(*decisions, *tasks)
    Decision.objects.bulk_create(decisions)
    tasks = Task.objects.bulk_create(tasks)
    _place_legal_holds(actor, outside, [t for t in tasks if t.kind == Task.Kind.LEGAL_HOLD])
    return decisions


def _place_legal_holds(actor: Actor, outside: OutsideRequest, tasks: list[Task]) -> None:
    """The hold a subpoena calls for is placed at once when the request names a report
    on this line; otherwise its task waits for a person (a supervisor's hold page)."""
    from trustline.retention.services import hold_for_outside_request

    for task in tasks:
        if hold_for_outside_request(actor=actor, request_id=outside.pk, named=task.records):
            _mark_done(actor, task)


def _decision_row(
    outside: OutsideRequest, answer: Answer, policy_name: str, now: datetime.datetime, event_id: int
) -> Decision:
    return Decision(
        request=outside,
        category=answer.category,
        decision=answer.decision,
        outcome=answer.outcome,
        rule_id=answer.rule_id,
        citation=policy_text(answer.citation),
        effective=answer.effective,
        reason=policy_text(answer.reason),
        notes=policy_text("\n".join(answer.notes)),
        side_effects=list(answer.side_effects),
        policy_name=policy_name,
        policy_version=answer.policy_version,
        decided_at=now,
        audit_event_id=event_id,
    )


def _summary(outside: OutsideRequest) -> dict[str, Any]:
    """What the audit trail says about a logged request: codes, never free text."""
    return {
        "request_id": outside.pk,
        "type": outside.request_type,
        "agency_type": outside.agency_type,
        "document": outside.document_kind,
        "categories": list(outside.categories),
    }


__all__ = [
    "NotAllowed",
    "RequestNotFound",
    "WrongState",
    "decision_carry_out",
    "decision_escalate",
    "judicial_details_enter",
    "judicial_verify",
    "release_record",
    "request_decide",
    "request_log",
    "request_open",
    "task_complete",
]
