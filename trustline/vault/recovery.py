"""The agency recovery key and key rotation.

The recovery key's private half exists only as Shamir shares (SLIP-39 words, so
they can be written down and read back without error), printed once and split among
command staff. Any `threshold` of them open every report; fewer reveal nothing.

Rotation re-wraps in batches, each committed on its own: if it is interrupted, the
old key still opens everything and running it again carries on where it stopped.
New reports filed meanwhile are wrapped to both keys (services._recipients).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

import shamir_mnemonic
from django.contrib.auth.models import User as StaffUser
from django.db import transaction
from django.db.models import QuerySet
from django.utils import timezone
from shamir_mnemonic.share import Share

from trustline.audit.services import record
from trustline.vault import crypto
from trustline.vault.keyring import Keyring
from trustline.vault.models import KeyWrap, StaffKey
from trustline.vault.services import (
    K,
    _changed,
    _new_staff_key,
    _open_staff_key,
    _retire,
    _rewrap_missing,
)

BATCH = 500
Progress = Callable[[int], None]


class RecoveryError(Exception):
    """Shares that do not combine, or do not belong to this line's recovery key."""


@dataclass(frozen=True)
class Shares:
    threshold: int
    words: list[str]


def _new_recovery_key(threshold: int, count: int, state: str) -> tuple[StaffKey, Shares]:
    if not 1 <= threshold <= count <= 16:
        raise RecoveryError("need 1 <= threshold <= shares <= 16")
    private, public = crypto.new_key_pair()
    groups = shamir_mnemonic.generate_mnemonics(
        group_threshold=1, groups=[(threshold, count)], master_secret=crypto.private_bytes(private)
    )
    key = StaffKey.objects.create(
        kind=StaffKey.Kind.RECOVERY, state=state, public=public, created_at=timezone.now()
    )
    _changed()
    return key, Shares(threshold=threshold, words=groups[0])


def init_recovery(*, threshold: int, count: int) -> Shares:
    with transaction.atomic():
        if StaffKey.objects.filter(kind=StaffKey.Kind.RECOVERY, state__in=(K.ACTIVE, K.PENDING)):
            raise RecoveryError("a recovery key exists: use `trustline keys rotate --recovery`")
        key, shares = _new_recovery_key(threshold, count, K.ACTIVE)
        record(action="vault.recovery.created", detail={"key": key.pk, "threshold": threshold})
    return shares


def open_recovery(words: Sequence[str], state: str = K.ACTIVE) -> Keyring:
    given = [w.strip() for w in words if w.strip()]
    try:
        # SLIP-39 wants exactly `threshold` shares: more than enough is fine here.
        needed = Share.from_mnemonic(given[0]).member_threshold if given else 0
        secret = shamir_mnemonic.combine_mnemonics(given[:needed] if needed else given)
        private = crypto.private_from_bytes(secret)
    except (shamir_mnemonic.MnemonicError, ValueError) as exc:
        raise RecoveryError(str(exc)) from exc
    public = crypto.public_bytes(private)
    for key in StaffKey.objects.filter(kind=StaffKey.Kind.RECOVERY, state=state):
        if bytes(key.public) == public:
            return Keyring(key_id=key.pk, private=private)
    raise RecoveryError("these shares do not open this line's recovery key")


def restore_with_recovery(*, words: Sequence[str], user: StaffUser, reports: QuerySet[Any]) -> int:
    """Give a staff member back `reports`, every one they may see (forgotten password)."""

    recovery = open_recovery(words)
    key = StaffKey.objects.filter(user=user, state=K.ACTIVE).first()
    if key is None:
        raise RecoveryError(f"{user.get_username()} has no key yet: they must sign in once")
    restored = _in_batches(lambda: _rewrap_missing(reports, recovery, key, BATCH))
    with transaction.atomic():
        record(
            action="vault.access.restored_by_recovery",
            detail={"user": user.get_username(), "reports": restored},
        )
    return restored


def _in_batches(step: Callable[[], int], progress: Progress | None = None) -> int:
    total = 0
    while True:
        with transaction.atomic():
            done = step()
        total += done
        if progress:
            progress(total)
        if done < BATCH:
            return total


def _finish(old: StaffKey, new: StaffKey, action: str, actor: StaffUser | None) -> None:
    """Swap the keys once the new one holds a copy of every report the old one did."""
    with transaction.atomic():
        left = KeyWrap.objects.filter(key=old).exclude(report__key_wraps__key=new).count()
        if left:
            raise RecoveryError(f"{left} reports not yet re-wrapped; run again")
        _retire(old)
        new.state = K.ACTIVE
        new.save(update_fields=["state"])
        _changed()
        record(action=action, actor=actor, detail={"retired": old.pk, "key": new.pk})


def rotate_staff_key(
    *, user: StaffUser, password: str, progress: Progress | None = None
) -> Keyring:
    old = StaffKey.objects.get(user=user, state=K.ACTIVE)
    old_keyring = _open_staff_key(old, password)
    pending = StaffKey.objects.filter(user=user, state=K.PENDING).first()
    if pending is None:
        new_keyring = _new_staff_key(user, password, state=K.PENDING)
        pending = StaffKey.objects.get(pk=new_keyring.key_id)
    else:
        new_keyring = _open_staff_key(pending, password)
    target = pending
    _in_batches(lambda: _rewrap_missing(None, old_keyring, target, BATCH), progress)
    _finish(old, pending, "vault.key.rotated", user)
    return new_keyring


def rotate_recovery(
    *,
    words: Sequence[str],
    threshold: int,
    count: int,
    show: Callable[[Shares], None],
    progress: Progress | None = None,
) -> None:
    """Replace the recovery key. The new shares are shown before any re-wrapping, so
    an interrupted run can be resumed with the same old shares."""
    old_keyring = open_recovery(words)
    old = StaffKey.objects.get(pk=old_keyring.key_id)
    pending = StaffKey.objects.filter(kind=StaffKey.Kind.RECOVERY, state=K.PENDING).first()
    if pending is None:
        pending, shares = _new_recovery_key(threshold, count, K.PENDING)
        show(shares)
    target = pending
    _in_batches(lambda: _rewrap_missing(None, old_keyring, target, BATCH), progress)
    _finish(old, pending, "vault.recovery.rotated", None)


def revoke_staff(*, user: StaffUser) -> int:
    """Someone leaves: retire their keys and remove every wrap made to them."""
    with transaction.atomic():
        removed = KeyWrap.objects.filter(key__user=user).count()
        for key in StaffKey.objects.filter(user=user).exclude(state=K.RETIRED):
            _retire(key)
        record(
            action="vault.access.revoked",
            detail={"user": user.get_username(), "reports": removed},
        )
    return removed
