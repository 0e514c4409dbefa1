from __future__ import annotations

from django import template

from trustline.audit.selectors import may_read_trail
from trustline.roles import Actor

register = template.Library()


@register.filter
def reads_the_trail(user: Actor) -> bool:
    """`{% if user|reads_the_trail %}`: the staff menu's link to the audit trail."""
    return may_read_trail(user)
