"""The schedule as a table: which rule governs a report, and what a run does."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from trustline.retention.schedule import (
    CONTACT,
    PURGE,
    REPORT,
    WAIT,
    WARN,
    Case,
    Rule,
    due,
    governing,
    plan,
)

NOW = datetime(2026, 6, 1, tzinfo=UTC)
WEEK = timedelta(days=7)
THEFT, TRAFFICKING = 1, 2

CONTACT_YEAR = Rule(1, "contact", CONTACT, "closed", days=365)
TIPS = Rule(
    2, "tips", REPORT, "closed", role="informant", dispositions=frozenset({"no_leads"}), days=730
)
NPM = Rule(3, "npm", REPORT, "not_police_matter", days=180)
NPM_KEEP_TRAFFICKING = Rule(4, "keep", REPORT, "not_police_matter", category_id=TRAFFICKING)
NPM_THEFT_LONGER = Rule(5, "longer", REPORT, "not_police_matter", category_id=THEFT, days=365)
NPM_THEFT_SHORTER = Rule(6, "shorter", REPORT, "not_police_matter", category_id=THEFT, days=30)
RULES = [CONTACT_YEAR, TIPS, NPM]


def case(days_ago: int, status: str = "closed", **fields: object) -> Case:
    values: dict[str, object] = {
        "report_id": 1,
        "reference": "TL-AAAAAA",
        "status": status,
        "category_id": THEFT,
        "role": "victim",
        "disposition": "no_leads" if status == "closed" else "",
        "ended_at": NOW - timedelta(days=days_ago),
        "has_contact": True,
        "unread": False,
    }
    values.update(fields)
    return Case(**values)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("rules", "the_case", "what", "expected"),
    [
        (RULES, case(1), CONTACT, CONTACT_YEAR),
        (RULES, case(1), REPORT, None),
        (RULES, case(1, role="informant"), REPORT, TIPS),
        (RULES, case(1, role="informant", disposition="charged"), REPORT, None),
        (RULES, case(1, "not_police_matter"), REPORT, NPM),
        (RULES, case(1, "not_police_matter"), CONTACT, None),
        (
            [*RULES, NPM_KEEP_TRAFFICKING],
            case(1, "not_police_matter", category_id=TRAFFICKING),
            REPORT,
            NPM_KEEP_TRAFFICKING,
        ),
        ([*RULES, NPM_KEEP_TRAFFICKING], case(1, "not_police_matter"), REPORT, NPM),
        ([*RULES, NPM_THEFT_SHORTER], case(1, "not_police_matter"), REPORT, NPM_THEFT_SHORTER),
        (
            [*RULES, NPM_THEFT_SHORTER, NPM_THEFT_LONGER],
            case(1, "not_police_matter"),
            REPORT,
            NPM_THEFT_LONGER,
        ),
    ],
)
def test_the_governing_rule(
    rules: list[Rule], the_case: Case, what: str, expected: Rule | None
) -> None:
    assert governing(rules, the_case, what) == expected


@pytest.mark.parametrize(
    ("the_case", "expected"),
    [
        (case(364), None),
        (case(365), (CONTACT_YEAR, CONTACT)),
        (case(365, has_contact=False), None),
        (case(730, role="informant"), (TIPS, REPORT)),
        (case(500, role="informant"), (CONTACT_YEAR, CONTACT)),
        (case(179, "not_police_matter"), None),
        (case(180, "not_police_matter"), (NPM, REPORT)),
        (case(9999, "in_review"), None),
    ],
)
def test_what_is_due(the_case: Case, expected: tuple[Rule, str] | None) -> None:
    found = due(RULES, the_case, NOW)
    assert (found[:2] if found else None) == expected


@pytest.mark.parametrize(
    ("unread", "warned_days_ago", "action", "goes_in_days"),
    [
        (False, None, PURGE, -185),
        (True, None, WARN, 7),
        (True, 3, WAIT, 4),
        (True, 7, PURGE, -185),
    ],
)
def test_what_a_run_does(
    unread: bool, warned_days_ago: int | None, action: str, goes_in_days: int
) -> None:
    the_case = case(365, "not_police_matter", unread=unread)
    warned = {} if warned_days_ago is None else {(1, REPORT): NOW - timedelta(days=warned_days_ago)}
    [step] = plan(RULES, [the_case], warned, NOW, WEEK)
    assert (step.action, step.goes_at) == (action, NOW + timedelta(days=goes_in_days))
