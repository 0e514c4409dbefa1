from __future__ import annotations

from django import template

from trustline.accounts.roles import Actor
from trustline.vault.views import may_restore_access

register = template.Library()


@register.filter
def restores_access(user: Actor) -> bool:
    """`{% if user|restores_access %}`: the staff menu's link to the staff keys."""
    return may_restore_access(user)
