"""`{% purge_warnings user as due %}`: what supervisors must know before it is purged
(the inbox banner, templates/retention/inbox_banner.html)."""

from __future__ import annotations

from django import template

from trustline.retention.selectors import Upcoming, upcoming_purges
from trustline.retention.services import may_hold
from trustline.roles import Actor

register = template.Library()


@register.simple_tag
def purge_warnings(user: Actor) -> tuple[int, list[Upcoming]] | None:
    """None for anyone but a supervisor, or when nothing unread is about to go."""
    if not may_hold(user):
        return None
    count, first = upcoming_purges()
    return (count, first) if count else None


@register.filter
def places_holds(user: Actor) -> bool:
    """`{% if user|places_holds %}`: the staff menu's link to the legal holds."""
    return may_hold(user)
