"""`record()` is the only writer of the audit trail."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AnonymousUser, User
from django.db import transaction
from django.utils import timezone

from trustline.audit.models import AuditEvent, AuditHead


def record(
    *,
    action: str,
    actor: User | AnonymousUser | None = None,
    actor_kind: str | None = None,
    report_id: int | None = None,
    detail: dict[str, Any] | None = None,
) -> AuditEvent:
    """Append one event, chained to the one before, inside the caller's transaction."""
    staff = actor if isinstance(actor, User) else None
    kind = actor_kind or (AuditEvent.Actor.STAFF if staff else AuditEvent.Actor.SYSTEM)
    # No savepoint: the event stands or falls with the caller's transaction.
    with transaction.atomic(savepoint=False):
        head, _ = AuditHead.objects.select_for_update().get_or_create(pk=1)
        event = AuditEvent(
            id=head.last_id + 1,
            created_at=timezone.now(),
            actor_kind=kind,
            actor=staff,
            actor_name=staff.get_username() if staff else "",
            action=action,
            report_id=report_id,
            detail=detail or {},
            prev_hash=head.last_hash,
        )
        event.hash = event.compute_hash()
        event.save(force_insert=True)
        head.last_id, head.last_hash = event.id, event.hash
        head.save(update_fields=["last_id", "last_hash"])
    return event


class ChainBroken(Exception):
    def __init__(self, event_id: int, reason: str) -> None:
        super().__init__(f"audit event {event_id}: {reason}")
        self.event_id = event_id
        self.reason = reason


def verify() -> int:
    """Walk the chain in id order; raise ChainBroken at the first bad event."""
    expected_prev = AuditHead.objects.values_list("last_hash", flat=True).first()
    prev, expected_id, count = "0" * 64, 1, 0
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        if event.id != expected_id:
            raise ChainBroken(expected_id, "missing (deleted or reordered)")
        if event.prev_hash != prev:
            raise ChainBroken(event.id, "does not follow the event before it")
        if event.compute_hash() != event.hash:
            raise ChainBroken(event.id, "was edited")
        prev, expected_id, count = event.hash, expected_id + 1, count + 1
    if expected_prev is not None and expected_prev != prev:
        raise ChainBroken(expected_id, "the newest events were removed")
    return count
