"""`user|reviews_quarantine`, `user|takes_reports`: what the staff menu links to."""

from __future__ import annotations

from django import template

from trustline.cases.access import User, may_review_quarantine, may_take_report

register = template.Library()


@register.filter
def reviews_quarantine(user: User) -> bool:
    return may_review_quarantine(user)


@register.filter
def takes_reports(user: User) -> bool:
    """`user|takes_reports`: the menu's link to taking a report for a caller."""
    return may_take_report(user)
