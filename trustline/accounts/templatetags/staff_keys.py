from __future__ import annotations

from django import template

from trustline.accounts.staff_keys_views import may_restore_access
from trustline.roles import Actor

register = template.Library()


@register.filter
def restores_access(user: Actor) -> bool:
    """`{% if user|restores_access %}`: the staff menu's link to the staff keys."""
    return may_restore_access(user)
