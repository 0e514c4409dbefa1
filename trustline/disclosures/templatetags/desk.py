"""`{% load desk %}{% if user|works_the_desk %}`: the staff menu's records-desk link."""

from __future__ import annotations

from django import template

from trustline.disclosures.desk_access import may_act
from trustline.roles import Actor

register = template.Library()


@register.filter
def works_the_desk(user: Actor) -> bool:
    return may_act(user)
