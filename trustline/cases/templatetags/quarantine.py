"""`user|reviews_quarantine`: whether the staff menu shows the quarantine queue."""

from __future__ import annotations

from django import template

from trustline.cases.access import User, may_review_quarantine

register = template.Library()


@register.filter
def reviews_quarantine(user: User) -> bool:
    return may_review_quarantine(user)
