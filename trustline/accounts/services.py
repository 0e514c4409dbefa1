from __future__ import annotations

from dataclasses import dataclass

from axes.utils import reset as axes_reset
from django.contrib.auth import SESSION_KEY
from django.contrib.auth.models import Group, User
from django.contrib.auth.password_validation import validate_password
from django.contrib.sessions.models import Session
from django.db import transaction
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from trustline.accounts.lockout import username_digest
from trustline.accounts.two_factor import (
    RECOVERY_CODES,
    RECOVERY_NAME,
    TOTP_NAME,
    CodeRefused,
    normalized,
)
from trustline.audit.services import record
from trustline.roles import ADMIN, ROLES
from trustline.vault import services as vault


class UnknownRole(ValueError):
    pass


def staff_create(
    *, username: str, password: str, roles: list[str], actor: User | None = None
) -> User:
    unknown = set(roles) - set(ROLES)
    if unknown or not roles:
        raise UnknownRole(", ".join(sorted(unknown)) or "no role given")
    validate_password(password, User(username=username))
    with transaction.atomic():
        user = User.objects.create_user(username=username, password=password)
        # Only IT administrators reach the configuration admin.
        user.is_staff = ADMIN in roles
        user.is_superuser = ADMIN in roles
        user.save(update_fields=["is_staff", "is_superuser"])
        user.groups.set(Group.objects.filter(name__in=roles))
        # The key pair now, so reports filed before the first sign-in reach them too.
        vault.unlock(user=user, password=password)
        record(
            action="staff.create",
            actor=actor,
            actor_kind=None,
            detail={"username": username, "roles": sorted(roles)},
        )
    return user


def otp_enrollment_begin(*, user: User) -> TOTPDevice:
    """The authenticator a staff member is setting up: a new secret the first time,
    the same one if they reload the page before confirming it."""
    with transaction.atomic():
        device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
        if device is None:
            device = TOTPDevice.objects.create(user=user, name=TOTP_NAME, confirmed=False)
            record(action="staff.otp.begin", actor=user)
    return device


@dataclass(frozen=True)
class Enrollment:
    device: TOTPDevice
    recovery_codes: list[str]


def otp_enrollment_confirm(*, user: User, code: str) -> Enrollment:
    """Confirm the authenticator with a code it shows; with it come fresh recovery
    codes, to be shown once."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().filter(user=user, confirmed=False).first()
        accepted = device is not None and device.verify_token(normalized(code))
    # Outside the transaction: the device's count of wrong codes must stay.
    if device is None or not accepted:
        raise CodeRefused
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        StaticDevice.objects.filter(user=user).delete()
        recovery = StaticDevice.objects.create(user=user, name=RECOVERY_NAME, confirmed=True)
        codes = [StaticToken.random_token() for _ in range(RECOVERY_CODES)]
        StaticToken.objects.bulk_create(StaticToken(device=recovery, token=c) for c in codes)
        record(action="staff.otp.enroll", actor=user)
    return Enrollment(device=device, recovery_codes=codes)


def otp_reset(*, username: str, actor: User | None = None) -> int:
    """Remove a staff member's authenticator and recovery codes (a lost phone): they
    sign in with the password once more and enroll a new one."""
    with transaction.atomic():
        user = User.objects.get(username=username)
        removed: int = TOTPDevice.objects.filter(user=user).delete()[0]
        removed += StaticDevice.objects.filter(user=user).delete()[0]
        # A session left open (on the lost phone, say) would otherwise be sent to
        # enroll a new authenticator of its holder's choosing, without the password.
        ended = end_sessions(user)
        record(
            action="staff.otp.reset",
            actor=actor,
            detail={"username": username, "sessions_ended": ended},
        )
    return removed


def end_sessions(user: User) -> int:
    """Sign a staff member out everywhere: delete their sessions on the server."""
    mine = [
        s.pk
        for s in Session.objects.filter(expire_date__gt=timezone.now())
        if s.get_decoded().get(SESSION_KEY) == str(user.pk)
    ]
    Session.objects.filter(pk__in=mine).delete()
    return len(mine)


def staff_unlock(*, username: str, actor: User | None = None) -> int:
    """Lift a lock-out after repeated failed sign-ins before its cool-off ends."""
    with transaction.atomic():
        cleared: int = axes_reset(username=username_digest(username))
        record(action="staff.unlock", actor=actor, detail={"username": username})
    return cleared
