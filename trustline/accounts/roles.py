"""Staff roles are Django groups with stable names; these functions are the only
place that asks which role a user has."""

from __future__ import annotations

from django.contrib.auth.base_user import AbstractBaseUser
from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _

INTAKE = "intake"
INVESTIGATOR = "investigator"
SUPERVISOR = "supervisor"
RECORDS = "records"
AUDITOR = "auditor"
ADMIN = "admin"

ROLES = {
    INTAKE: _("Intake officer"),
    INVESTIGATOR: _("Investigator"),
    SUPERVISOR: _("Supervisor"),
    RECORDS: _("Records custodian"),
    AUDITOR: _("Auditor"),
    ADMIN: _("Administrator"),
}

# Who may open reports at all; records custodians, auditors and IT do not.
CASE_ROLES = frozenset({INTAKE, INVESTIGATOR, SUPERVISOR})

User = AbstractBaseUser | AnonymousUser


def roles_of(user: User) -> frozenset[str]:
    if not user.is_authenticated or not user.is_active:
        return frozenset()
    cached: frozenset[str] | None = getattr(user, "_trustline_roles", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))  # type: ignore[union-attr]
        user._trustline_roles = cached  # type: ignore[union-attr]
    return cached


def has_role(user: User, *roles: str) -> bool:
    return bool(roles_of(user) & set(roles))
