"""`user|counts_withholdings`: whether the staff menu links the monthly count."""

from __future__ import annotations

from django import template

from trustline.cases.access import User, may_count_withholdings

register = template.Library()


@register.filter
def counts_withholdings(user: User) -> bool:
    return may_count_withholdings(user)
