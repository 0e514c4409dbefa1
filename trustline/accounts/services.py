from __future__ import annotations

from django.contrib.auth.models import Group, User
from django.contrib.auth.password_validation import validate_password
from django.db import transaction

from trustline.accounts.roles import ADMIN, ROLES
from trustline.audit.services import record


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
        record(
            action="staff.create",
            actor=actor,
            actor_kind=None,
            detail={"username": username, "roles": sorted(roles)},
        )
    return user
