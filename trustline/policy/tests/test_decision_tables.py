"""Every request type x category x document kind of every shipped profile has an
expected decision, reviewed in tests/tables/<profile>.csv.

When a profile changes on purpose, regenerate its table with
`python -m trustline.policy table policies/<profile>.toml > .../tables/<profile>.csv`
and review the diff of the CSV in the same commit.
"""

from __future__ import annotations

import pytest

from trustline.policy import decision_table, diff
from trustline.policy.table import cells
from trustline.policy.vocabulary import CATEGORIES, DOCUMENTS, REQUEST_TYPES

from .support import PROFILES, expected_table, profile


@pytest.mark.parametrize("name", PROFILES)
def test_each_profile_decides_every_cell_as_its_reviewed_table_says(name: str) -> None:
    actual = {
        cell: (decided.decision, decided.rule_id)
        for cell, decided in decision_table(profile(name)).items()
    }
    expected = expected_table(name)
    changed = sorted(
        cell for cell in expected.keys() | actual.keys() if expected.get(cell) != actual.get(cell)
    )
    assert changed == [], f"{name}: {len(changed)} cells differ from the table, e.g. {changed[:5]}"


@pytest.mark.parametrize("name", PROFILES)
def test_each_table_covers_all_types_categories_and_documents(name: str) -> None:
    assert len(expected_table(name)) == len(REQUEST_TYPES) * len(CATEGORIES) * len(DOCUMENTS)
    assert set(expected_table(name)) == set(cells())


@pytest.mark.parametrize("name", PROFILES)
def test_no_table_cell_is_left_to_the_not_covered_default(name: str) -> None:
    # Shipped profiles say something about every cell; "not covered" is for agency typos.
    uncovered = [cell for cell, (_, rule) in expected_table(name).items() if rule == "not-covered"]
    assert uncovered == []


@pytest.mark.parametrize("name", PROFILES)
def test_policy_diff_lists_exactly_the_cells_whose_tables_differ(name: str) -> None:
    strict, other = expected_table("strict"), expected_table(name)
    differing = {cell for cell in strict if strict[cell][0] != other[cell][0]}
    listed = {change.cell for change in diff(profile("strict"), profile(name))}
    assert listed == differing


@pytest.mark.parametrize(
    ("cell", "strict_decision", "california_decision"),
    [
        (("R2", "release_date", "detainer_i247a"), "decline", "release_if_listed_conviction"),
        (("R3", "transfer", "judicial_warrant"), "decline", "release_if_judicial_warrant"),
        (("R3", "transfer", "detainer_i247a"), "decline", "release_if_listed_conviction"),
        (("R5", "interview_access", "phone_call"), "decline", "release_if_consent"),
        (("R6", "release_date", "email"), "decline", "release_if_listed_conviction"),
        (("R6", "criminal_history", "detainer_i247a"), "decline", "release"),
        (("R9", "operational_help", "none"), "decline", "route_to_counsel"),
    ],
)
def test_policy_diff_strict_to_california_shows_what_california_changes(
    cell: tuple[str, str, str], strict_decision: str, california_decision: str
) -> None:
    changes = {change.cell: change for change in diff(profile("strict"), profile("california"))}
    assert changes[cell].old.decision == strict_decision
    assert changes[cell].new.decision == california_decision


def test_policy_diff_strict_to_california_leaves_status_and_addresses_alone() -> None:
    changed = {change.cell for change in diff(profile("strict"), profile("california"))}
    assert not any(category == "immigration_status" for _, category, _ in changed)
    assert ("R6", "address", "detainer_i247a") not in changed


def test_a_policy_has_no_diff_with_itself() -> None:
    assert diff(profile("california"), profile("california")) == []


def test_illinois_changes_no_decision_but_diff_can_show_its_state_reports() -> None:
    assert diff(profile("strict"), profile("illinois")) == []
    changes = diff(profile("strict"), profile("illinois"), side_effects=True)
    hold = next(change for change in changes if change.cell == ("R1", "hold", "detainer_i247a"))
    assert not hold.decision_changed
    assert (hold.old.effects, hold.new.effects) == ("log_only", "log_only, report_to_state")


def test_diff_shows_side_effects_that_apply_only_on_release() -> None:
    changes = diff(profile("strict"), profile("california"), side_effects=True)
    cell = ("R5", "interview_access", "none")
    (change,) = [change for change in changes if change.cell == cell]
    assert change.new.effects == "log_only; if released: consent_form"
