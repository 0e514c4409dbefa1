"""Who among the case officers is missing copies of the reports they may see."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import User as StaffUser

from trustline.intake.visibility import visible_reports
from trustline.roles import CASE_ROLES, load_roles
from trustline.vault.models import StaffKey


@dataclass(frozen=True)
class Holder:
    user: StaffUser
    has_key: bool
    missing: int


def holders() -> list[Holder]:
    """Every active case officer, with how many reports they may see but cannot open."""
    users = StaffUser.objects.filter(is_active=True, groups__name__in=CASE_ROLES).distinct()
    keys = dict(
        StaffKey.objects.filter(state=StaffKey.State.ACTIVE, user__in=users).values_list(
            "user_id", "pk"
        )
    )
    rows = []
    ordered = list(users.order_by("username"))
    load_roles(ordered)
    for user in ordered:
        key = keys.get(user.pk)
        missing = visible_reports(user).exclude(key_wraps__key_id=key).count() if key else 0
        rows.append(Holder(user=user, has_key=key is not None, missing=missing))
    return rows
