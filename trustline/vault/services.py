"""Every write of the vault: staff keys, report keys and their wraps.

Who holds a wrap of a report's key follows who may see the report
(trustline/intake/visibility.py): the supervisors, the intake queue while the report is
in it, the assigned investigator — and always the agency recovery key. `reconcile`
brings the wraps in line after every change of status or assignment. The vault sits
below intake: its callers pass that rule in (`may_see`, `reports`), so it seals and
opens without knowing what a report is beyond its reference and key.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from typing import Any, Protocol, TypeVar

from django.conf import settings
from django.contrib.auth.models import User as StaffUser
from django.db import connection, transaction
from django.db.models import QuerySet
from django.utils import timezone

from trustline.audit.services import record
from trustline.remembered import forget, remembered
from trustline.roles import INTAKE, SUPERVISOR, load_roles
from trustline.screening.screen import Screened
from trustline.vault import crypto
from trustline.vault.fields import SealedModel, VaultLocked
from trustline.vault.keyring import Keyring, hold, keyring_of
from trustline.vault.models import KeyWrap, StaffKey

RECIPIENTS_CACHE_KEY = "trustline:vault-recipients"
RECIPIENTS_CACHE_SECONDS = 5
K = StaffKey.State
LIVE = (K.ACTIVE, K.PENDING)


class Report(Protocol):
    """A report as the vault sees it (intake.models.Report)."""

    pk: Any
    reference: str
    reporter_wrap: Any

    def vault_key(self) -> bytes | None: ...


R = TypeVar("R", bound=Report)


class NoRecoveryKey(Exception):
    """The line cannot take reports until `trustline keys init-recovery` has run."""


def kdf_cost() -> crypto.KdfCost:
    return crypto.KdfCost(
        memory_kib=settings.VAULT_KDF_MEMORY_KIB, iterations=settings.VAULT_KDF_ITERATIONS
    )


def _key_ad(user_id: int) -> str:
    return f"staff private key|{user_id}"


def _wrap_ad(report: Report) -> str:
    return wrap_ad(report.reference)


def wrap_ad(reference: str) -> str:
    return f"report key|{reference}"


def _changed() -> None:
    forget(RECIPIENTS_CACHE_KEY)


# --- staff keys -----------------------------------------------------------------


def _new_staff_key(user: StaffUser, password: str, state: str = K.ACTIVE) -> Keyring:
    private, public = crypto.new_key_pair()
    cost = kdf_cost()
    key = StaffKey.objects.create(
        kind=StaffKey.Kind.STAFF,
        user=user,
        state=state,
        public=public,
        protected_private=crypto.protect_private(private, password, cost, _key_ad(user.pk)),
        kdf_memory_kib=cost.memory_kib,
        kdf_iterations=cost.iterations,
        created_at=timezone.now(),
    )
    _changed()
    return Keyring(key_id=key.pk, private=private)


def _open_staff_key(key: StaffKey, password: str) -> Keyring:
    if key.user_id is None or key.protected_private is None:
        raise crypto.CannotOpen("not a staff key")
    cost = crypto.KdfCost(memory_kib=key.kdf_memory_kib, iterations=key.kdf_iterations)
    private = crypto.unprotect_private(
        bytes(key.protected_private), password, cost, _key_ad(key.user_id)
    )
    return Keyring(key_id=key.pk, private=private)


def active_key(user: StaffUser) -> StaffKey | None:
    return StaffKey.objects.filter(user=user, state=K.ACTIVE).first()


def unlock(*, user: StaffUser, password: str) -> Keyring:
    """Open a staff member's key with the password they just signed in with.

    A first sign-in creates the key pair. After an administrator reset a forgotten
    password the old key cannot be opened: it is retired and a new pair made; the
    reports come back through a supervisor or the recovery key (`restore_access`).
    """
    with transaction.atomic():
        key = StaffKey.objects.select_for_update().filter(user=user, state=K.ACTIVE).first()
        if key is not None:
            try:
                keyring = _open_staff_key(key, password)
            except crypto.CannotOpen:
                _retire(key)
                keyring = _new_staff_key(user, password)
                record(action="vault.key.replaced", actor=user, detail={"retired": key.pk})
        else:
            keyring = _new_staff_key(user, password)
            record(action="vault.key.created", actor=user, detail={"key": keyring.key_id})
    hold(user, keyring)
    return keyring


def change_password(*, user: StaffUser, old_password: str, new_password: str) -> Keyring:
    """Set a new password and re-protect the private key under it: the key pair, and
    every copy made to it, stay. (If the old password no longer opens the key — an
    administrator reset it meanwhile — a new pair is made, as at sign-in.)"""
    with transaction.atomic():
        key = StaffKey.objects.select_for_update().filter(user=user, state=K.ACTIVE).first()
        user.set_password(new_password)
        user.save(update_fields=["password"])
        try:
            keyring = _open_staff_key(key, old_password) if key else None
        except crypto.CannotOpen:
            keyring = None
        if key is not None and keyring is not None:
            key.protected_private = crypto.protect_private(
                keyring.private, new_password, kdf_cost(), _key_ad(user.pk)
            )
            key.save(update_fields=["protected_private"])
            record(action="vault.key.password_changed", actor=user, detail={"key": key.pk})
        else:
            if key is not None:
                _retire(key)
            keyring = _new_staff_key(user, new_password)
            record(action="vault.key.created", actor=user, detail={"key": keyring.key_id})
    hold(user, keyring)
    return keyring


def _retire(key: StaffKey) -> None:
    key.state = K.RETIRED
    key.retired_at = timezone.now()
    key.save(update_fields=["state", "retired_at"])
    KeyWrap.objects.filter(key=key).delete()
    _changed()


# --- reports --------------------------------------------------------------------


def _recipients() -> list[tuple[int, bytes]]:
    """The live keys that every new report is wrapped to: recovery, intake, supervisors."""

    def load() -> list[tuple[int, bytes]]:
        keys = StaffKey.objects.filter(state__in=LIVE).filter(
            kind=StaffKey.Kind.RECOVERY
        ) | StaffKey.objects.filter(
            state__in=LIVE,
            user__is_active=True,
            user__groups__name__in=[INTAKE, SUPERVISOR],
        )
        rows = keys.distinct().values_list("pk", "kind", "public")
        if not any(kind == StaffKey.Kind.RECOVERY for _, kind, _ in rows):
            raise NoRecoveryKey
        return [(pk, bytes(public)) for pk, _, public in rows]

    return remembered(RECIPIENTS_CACHE_KEY, load, RECIPIENTS_CACHE_SECONDS)


def seal_new_report(report: Report, receipt: str) -> list[KeyWrap]:
    """Draw the report's data key, keep the reporter's copy on the report, and return
    the staff and recovery wraps for `store_wraps` once the report has its id."""
    recipients = _recipients()
    data_key = crypto.new_data_key()
    attach(report, data_key)
    reporter_key = _reporter_key(report, receipt)
    report.reporter_wrap = crypto.wrap_for_reporter(data_key, reporter_key, report.reference)
    ad = _wrap_ad(report)
    return [
        KeyWrap(key_id=pk, wrapped=crypto.wrap(data_key, public, ad)) for pk, public in recipients
    ]


def store_wraps(report: Report, wraps: list[KeyWrap]) -> None:
    for wrap in wraps:
        wrap.report_id = report.pk
    KeyWrap.objects.bulk_create(wraps)


def attach(report: Report, data_key: bytes | None) -> None:
    report._vault_data_key = data_key  # type: ignore[attr-defined]


def carry_key(source: Report, target: R) -> R:
    attach(target, source.vault_key())
    return target


def _reporter_key(report: Report, receipt: str) -> bytes:
    return crypto.receipt_key(receipt, settings.RECEIPT_PEPPER.encode(), report.reference)


def open_for_reporter(report: Report, receipt: str) -> bytes:
    reporter_key = _reporter_key(report, receipt)
    data_key = crypto.unwrap_for_reporter(
        bytes(report.reporter_wrap), reporter_key, report.reference
    )
    attach(report, data_key)
    return data_key


def open_with(report: Report, keyring: Keyring | None) -> bool:
    """Attach the report's data key if this keyring holds a wrap of it."""
    if keyring is None:
        return False
    wrapped = (
        KeyWrap.objects.filter(report_id=report.pk, key_id=keyring.key_id)
        .values_list("wrapped", flat=True)
        .first()
    )
    if wrapped is None:
        return False
    attach(report, crypto.unwrap(bytes(wrapped), keyring.private, _wrap_ad(report)))
    return True


def open_for(report: Report, user: object) -> bool:
    return open_with(report, keyring_of(user))


def _wrap_to(report: Report, keys: Iterable[StaffKey]) -> int:
    keys = list(keys)
    if not keys:
        return 0
    data_key = report.vault_key()
    if data_key is None:
        # Giving someone access takes a key that opens the report: refuse, never
        # leave a colleague without a copy.
        raise VaultLocked(f"{report}: the acting officer holds no copy of its key")
    ad = _wrap_ad(report)
    wraps = [
        KeyWrap(report_id=report.pk, key=k, wrapped=crypto.wrap(data_key, bytes(k.public), ad))
        for k in keys
    ]
    KeyWrap.objects.bulk_create(wraps, ignore_conflicts=True)
    return len(wraps)


def reconcile(report: Report, may_see: Callable[[StaffUser], bool]) -> None:
    """Make the report's staff wraps match who may see it now.

    Adds what is missing (with the acting officer's opened copy of the key) and
    removes the wraps of staff who no longer may see the report. The recovery key
    is never removed.
    """

    held = {
        w.key_id: w.key
        for w in KeyWrap.objects.filter(report_id=report.pk).select_related("key", "key__user")
    }
    candidates = StaffKey.objects.filter(
        kind=StaffKey.Kind.STAFF, state__in=LIVE, user__is_active=True
    ).select_related("user")
    load_roles([k.user for k in candidates if k.user is not None])
    should = {k.pk: k for k in candidates if k.user is not None and may_see(k.user)}
    missing = [k for pk, k in should.items() if pk not in held]
    _wrap_to(report, missing)
    stale = [pk for pk, k in held.items() if k.kind == StaffKey.Kind.STAFF and pk not in should]
    if stale:
        KeyWrap.objects.filter(report_id=report.pk, key_id__in=stale).delete()


def reseal(stored: SealedModel, *, field: str, text: Screened) -> None:
    """Write a new text over a sealed field: a fresh seal under the report's key, in
    the same row and column, so the table keeps no old ciphertext beside the new one.

    What is left of the old ciphertext outside the table's live rows is the database's:
    docs/decisions/0003-withholding-destroys-the-old-text.md.
    """
    setattr(stored, field, text)
    with _freed_space_zeroed():
        stored.save(update_fields=[field])


@contextmanager
def _freed_space_zeroed() -> Iterator[None]:
    """On SQLite, have the write zero the space the old value leaves (secure_delete),
    or the database file would keep its bytes in a free cell until reused. PostgreSQL
    has no such switch: the old row version stays until VACUUM (see reseal)."""
    if connection.vendor != "sqlite":
        yield
        return
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA secure_delete")
        (before,) = cursor.fetchone()
        cursor.execute("PRAGMA secure_delete = ON")
        try:
            yield
        finally:
            # The connection is reused by later requests: put its setting back.
            cursor.execute(f"PRAGMA secure_delete = {int(before)}")


# Reports restored per request: each costs two X25519 operations (~0.2 ms), and a
# web request must end well inside the worker timeout. The page says what is left.
RESTORE_PER_REQUEST = 2000


def restore_access(
    *,
    actor: StaffUser,
    user: StaffUser,
    reports: QuerySet[Any],
    limit: int = RESTORE_PER_REQUEST,
) -> int:
    """Give a colleague (back) the copies of `reports` (the ones they may see), from
    the ones the acting supervisor can open: at most `limit` at a time. Returns how many."""

    keyring = keyring_of(actor)
    key = active_key(user)
    if keyring is None or key is None:
        return 0
    with transaction.atomic():
        restored = _rewrap_missing(reports, keyring, key, limit)
        record(
            action="vault.access.restored",
            actor=actor,
            detail={"user": user.get_username(), "reports": restored},
        )
    return restored


def _rewrap_missing(
    reports: QuerySet[Any] | None, via: Keyring, to: StaffKey, limit: int = 0
) -> int:
    """Wrap to `to` every report in `reports` (None: every one) that `via` opens and
    `to` lacks."""
    opened = KeyWrap.objects.filter(key_id=via.key_id)
    if reports is not None:
        opened = opened.filter(report__in=reports)
    todo = (
        opened.exclude(report__key_wraps__key_id=to.pk)
        .order_by("report_id")
        .values_list("report_id", "report__reference", "wrapped")
    )
    rows = todo[:limit] if limit else todo
    public = bytes(to.public)
    wraps = []
    for report_id, reference, wrapped in rows:
        ad = wrap_ad(reference)
        data_key = crypto.unwrap(bytes(wrapped), via.private, ad)
        wraps.append(
            KeyWrap(report_id=report_id, key=to, wrapped=crypto.wrap(data_key, public, ad))
        )
    KeyWrap.objects.bulk_create(wraps, ignore_conflicts=True)
    return len(wraps)
