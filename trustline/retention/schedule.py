"""Which rule governs a closed report, when it falls due, and what a purge run does
with it. Pure Python over plain data: no Django import, no report content.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

CONTACT = "contact"
REPORT = "report"

PURGE = "purge"
WARN = "warn"
WAIT = "wait"


@dataclass(frozen=True)
class Rule:
    id: int
    name: str
    what: str
    outcome: str
    category_id: int | None = None
    role: str = ""
    dispositions: frozenset[str] = frozenset()
    days: int | None = None  # None: keep

    def fits(self, case: Case) -> bool:
        return (
            self.outcome == case.status
            and self.category_id in (None, case.category_id)
            and self.role in ("", case.role)
            and (not self.dispositions or case.disposition in self.dispositions)
        )

    def precedence(self) -> tuple[bool, int, bool, int]:
        """Own category first, then more conditions, then "keep", then the longer period."""
        conditions = bool(self.role) + bool(self.dispositions)
        keep = self.days is None
        return (self.category_id is not None, conditions, keep, self.days or 0)


@dataclass(frozen=True)
class Case:
    """What the schedule knows of a closed report: metadata, never content."""

    report_id: int
    reference: str
    status: str
    category_id: int
    role: str
    disposition: str
    ended_at: datetime
    has_contact: bool
    unread: bool


@dataclass(frozen=True)
class Step:
    """One thing a run does (or would do) to one report."""

    report_id: int
    reference: str
    rule: Rule
    what: str
    due_at: datetime
    action: str
    # When it goes: the due date, or for an unread report the end of its warning.
    goes_at: datetime


def governing(rules: Iterable[Rule], case: Case, what: str) -> Rule | None:
    fitting = [rule for rule in rules if rule.what == what and rule.fits(case)]
    return max(fitting, key=Rule.precedence, default=None)


def due(rules: list[Rule], case: Case, now: datetime) -> tuple[Rule, str, datetime] | None:
    """The rule under which something of this report is due now, if any. The whole
    report first: once it goes, its contact details go with it."""
    for what in (REPORT, CONTACT):
        if what == CONTACT and not case.has_contact:
            continue
        rule = governing(rules, case, what)
        if rule is None or rule.days is None:
            continue
        due_at = case.ended_at + timedelta(days=rule.days)
        if due_at <= now:
            return rule, what, due_at
    return None


def plan(
    rules: list[Rule],
    cases: Iterable[Case],
    warned: Mapping[tuple[int, str], datetime],
    now: datetime,
    warning: timedelta,
) -> list[Step]:
    """Every due report and what happens to it now. An unread one is never purged
    before supervisors have been warned and the warning period has passed."""
    steps = []
    for case in cases:
        found = due(rules, case, now)
        if found is None:
            continue
        rule, what, due_at = found
        action, goes_at = PURGE, due_at
        if case.unread:
            warned_at = warned.get((case.report_id, what))
            if warned_at is None:
                action, goes_at = WARN, now + warning
            elif warned_at + warning > now:
                action, goes_at = WAIT, warned_at + warning
        steps.append(Step(case.report_id, case.reference, rule, what, due_at, action, goes_at))
    return steps
