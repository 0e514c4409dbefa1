"""Staff roles are Django groups with stable names; these functions are the only
place that asks which role a user has."""

from __future__ import annotations

from collections.abc import Iterable

from django.contrib.auth.models import AnonymousUser
from django.contrib.auth.models import User as StaffUser
from django.core.exceptions import PermissionDenied
from django.urls import reverse
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

# Who a request or a service acts for: a staff account, or nobody.
Actor = StaffUser | AnonymousUser


def roles_of(user: Actor) -> frozenset[str]:
    if not isinstance(user, StaffUser) or not user.is_active:
        return frozenset()
    cached: frozenset[str] | None = getattr(user, "_trustline_roles", None)
    if cached is None:
        cached = frozenset(user.groups.values_list("name", flat=True))
        setattr(user, "_trustline_roles", cached)  # noqa: B010 - a per-request cache
    return cached


def load_roles(users: Iterable[StaffUser]) -> None:
    """Fill the role cache of many users with one query (instead of one each)."""
    by_id = {user.pk: user for user in users}
    names: dict[int, set[str]] = {pk: set() for pk in by_id}
    memberships = StaffUser.groups.through.objects.filter(user_id__in=by_id)
    for user_id, name in memberships.values_list("user_id", "group__name"):
        names[user_id].add(name)
    for pk, user in by_id.items():
        setattr(user, "_trustline_roles", frozenset(names[pk]))  # noqa: B010 - see roles_of


def has_role(user: Actor, *roles: str) -> bool:
    return bool(roles_of(user) & set(roles))


def as_staff(user: Actor) -> StaffUser:
    """The signed-in staff account behind a request, or PermissionDenied."""
    if isinstance(user, StaffUser) and user.is_active:
        return user
    raise PermissionDenied


def home_for(user: Actor) -> str:
    """Where a staff member lands after signing in: the first page their role opens."""
    if has_role(user, *CASE_ROLES):
        return reverse("staff:inbox")
    if has_role(user, RECORDS):
        return reverse("staff:desk")
    if has_role(user, AUDITOR):
        return reverse("staff:audit")
    if has_role(user, ADMIN):
        return reverse("admin:index")
    return reverse("staff:inbox")
