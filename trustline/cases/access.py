"""Who may see and do what with a report. Views never decide this themselves; who
may see which report at all is intake/visibility.py, which the vault follows too.

Not found and not allowed look the same to the caller (CaseNotFound), so a probe
cannot tell a hidden case from a missing one.
"""

from __future__ import annotations

from trustline.intake.models import Report
from trustline.intake.visibility import is_own_case, may_see, visible_reports
from trustline.roles import INTAKE, INVESTIGATOR, SUPERVISOR, Actor, has_role
from trustline.vault import services as vault

User = Actor
S = Report.Status

# (from, to) -> roles that may move a report along that edge.
TRANSITIONS: dict[tuple[str, str], frozenset[str]] = {
    (S.NEW, S.IN_REVIEW): frozenset({INTAKE, SUPERVISOR}),
    (S.NEW, S.ACCEPTED): frozenset({SUPERVISOR}),
    (S.NEW, S.NOT_POLICE_MATTER): frozenset({INTAKE, SUPERVISOR}),
    (S.IN_REVIEW, S.ACCEPTED): frozenset({SUPERVISOR}),
    (S.IN_REVIEW, S.NOT_POLICE_MATTER): frozenset({INTAKE, SUPERVISOR}),
    (S.NOT_POLICE_MATTER, S.IN_REVIEW): frozenset({SUPERVISOR}),
    (S.ACCEPTED, S.INVESTIGATING): frozenset({INVESTIGATOR, SUPERVISOR}),
    (S.INVESTIGATING, S.CLOSED): frozenset({INVESTIGATOR, SUPERVISOR}),
    (S.ACCEPTED, S.CLOSED): frozenset({SUPERVISOR}),
    (S.CLOSED, S.INVESTIGATING): frozenset({SUPERVISOR}),
}


class CaseNotFound(Exception):
    """No such report, or not one this user may open."""


class NotAllowed(Exception):
    """The user may see the report but not do this to it."""


def get_case_for_user(user: User, report_id: int, *, quarantined: bool = False) -> Report:
    """The only way a staff view loads a report; opened with the user's key if they
    hold a copy of the report's key (else its text stays locked: VaultLocked)."""
    if quarantined and not may_review_quarantine(user):
        raise CaseNotFound
    # A report in quarantine opens only from the quarantine queue (cases/quarantine.py).
    reports = visible_reports(user).filter(quarantined=quarantined)
    report = reports.select_related("category", "assignee").filter(pk=report_id).first()
    if report is None:
        raise CaseNotFound
    vault.open_for(report, user)
    return report


def next_statuses(user: User, report: Report) -> list[str]:
    allowed = []
    for (current, target), roles in TRANSITIONS.items():
        if current != report.status or not has_role(user, *roles):
            continue
        if has_role(user, SUPERVISOR, INTAKE) or is_own_case(user, report):
            allowed.append(target)
    return allowed


def may_assign(user: User) -> bool:
    return has_role(user, SUPERVISOR)


def may_take_report(user: User) -> bool:
    """Intake officers and supervisors file reports for people who call or walk in."""
    return has_role(user, INTAKE, SUPERVISOR)


def may_review_quarantine(user: User) -> bool:
    """Suspected spam (intake/abuse.py) is for supervisors to read and release."""
    return has_role(user, SUPERVISOR)


def may_write(user: User, report: Report) -> bool:
    """Messages and notes: supervisors, the intake queue, the assigned investigator."""
    return may_see(user, report)


def may_withhold(user: User, report: Report) -> bool:
    """Withholding what the firewall missed: anyone who may see the case, so whoever
    reads a slip can take it out at once (the audit trail says who did)."""
    return may_see(user, report)


def may_count_withholdings(user: User) -> bool:
    """The monthly count of withholdings by hand is the supervisors' measure."""
    return has_role(user, SUPERVISOR)


def may_reveal_contact(user: User, report: Report) -> bool:
    """Investigators see a reporter's contact details only on their own cases."""
    if has_role(user, SUPERVISOR, INTAKE) and may_see(user, report):
        return True
    return is_own_case(user, report)
