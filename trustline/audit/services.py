"""`record()` is the only writer of the audit trail."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.contrib.auth.models import AnonymousUser, User
from django.db import transaction
from django.utils import timezone
from django.utils.crypto import constant_time_compare, salted_hmac

from trustline.audit.models import GENESIS, AuditEvent, AuditHead


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
        head.seal = head_seal(event.id, event.hash)
        head.save(update_fields=["last_id", "last_hash", "seal"])
    return event


_SEAL_SALT = "trustline.audit.head"


def head_seal(last_id: int, last_hash: str, secret: str | None = None) -> str:
    """HMAC of the chain's tip under a key derived from the secret key."""
    value = f"{last_id}:{last_hash}"
    return salted_hmac(_SEAL_SALT, value, secret=secret, algorithm="sha256").hexdigest()


def _sealed(last_id: int, last_hash: str, seal: str) -> bool:
    # A rotated secret key stays valid through SECRET_KEY_FALLBACKS until the next event
    # seals the head under the new key.
    secrets = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return any(constant_time_compare(seal, head_seal(last_id, last_hash, s)) for s in secrets)


class ChainBroken(Exception):
    def __init__(self, event_id: int, reason: str) -> None:
        super().__init__(f"audit event {event_id}: {reason}")
        self.event_id = event_id
        self.reason = reason


@dataclass(frozen=True)
class ChainTip:
    """Where an intact chain ends: what a checkpoint signs."""

    last_id: int
    last_hash: str
    count: int


def verify() -> ChainTip:
    """Walk the chain in id order; raise ChainBroken at the first bad event."""
    head_id, head_hash, seal = _head()
    if head_id and not _sealed(head_id, head_hash, seal):
        raise ChainBroken(head_id, "the chain's head was rewritten (its seal does not verify)")
    tip = ChainTip(last_id=0, last_hash=GENESIS, count=0)
    for event in AuditEvent.objects.order_by("id").iterator(chunk_size=2000):
        _check_link(event, tip)
        if event.id == head_id and event.hash != head_hash:
            raise ChainBroken(event.id, "is not the event the chain's head points to")
        tip = ChainTip(event.id, event.hash, tip.count + 1)
    # Events written while we walked lie beyond the head we read first: not a break.
    if tip.last_id < head_id:
        raise ChainBroken(tip.last_id + 1, "missing: the newest events were removed")
    return tip


def _head() -> tuple[int, str, str]:
    head = AuditHead.objects.filter(pk=1).values_list("last_id", "last_hash", "seal").first()
    return head or (0, GENESIS, "")


def _check_link(event: AuditEvent, tip: ChainTip) -> None:
    if event.id != tip.last_id + 1:
        raise ChainBroken(tip.last_id + 1, "missing (deleted or reordered)")
    if event.compute_hash() != event.hash:
        raise ChainBroken(event.id, "was edited")
    if event.prev_hash != tip.last_hash:
        # Both events hash to themselves, yet this one chained to another hash: the
        # event before was edited and its hash computed again to hide the edit.
        culprit = tip.last_id or event.id
        raise ChainBroken(culprit, "was edited and re-hashed (the next event no longer follows it)")
