"""Who may see which report: the rule the case pages enforce and the vault follows
when it decides who holds a copy of a report's key. It lives below both (cases and
vault import it; it imports neither), so neither has to reach up to the other.
"""

from __future__ import annotations

from django.db.models import Q, QuerySet

from trustline.intake.models import Report
from trustline.roles import INTAKE, INVESTIGATOR, SUPERVISOR, Actor, has_role

S = Report.Status
INTAKE_QUEUE = (S.NEW, S.IN_REVIEW, S.NOT_POLICE_MATTER)


def visible_reports(user: Actor) -> QuerySet[Report]:
    reports = Report.objects.all()
    if has_role(user, SUPERVISOR):
        return reports
    rules = Q(pk__in=[])
    if has_role(user, INTAKE):
        # Intake's access ends when a report leaves the intake queue, assigned or not
        # (docs/threat-model.md): an accepted or closed report nobody holds is a
        # supervisor's to route.
        rules |= Q(status__in=INTAKE_QUEUE)
    if has_role(user, INVESTIGATOR):
        rules |= Q(assignee_id=user.pk)
    return reports.filter(rules)


def may_see(user: Actor, report: Report) -> bool:
    """visible_reports for one report in memory (who holds a copy of its key)."""
    if has_role(user, SUPERVISOR):
        return True
    if has_role(user, INTAKE) and report.status in INTAKE_QUEUE:
        return True
    return has_role(user, INVESTIGATOR) and is_own_case(user, report)


def is_own_case(user: Actor, report: Report) -> bool:
    return report.assignee_id is not None and report.assignee_id == user.pk
