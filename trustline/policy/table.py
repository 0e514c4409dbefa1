"""The whole decision table of a policy, and the cells where two policies differ."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .engine import NOT_COLLECTED_RULE, rule_for
from .model import Policy
from .vocabulary import CATEGORIES, DOCUMENTS, IMMIGRATION_STATUS, NOT_COLLECTED, REQUEST_TYPES

Cell = tuple[str, str, str]


@dataclass(frozen=True)
class CellDecision:
    decision: str
    rule_id: str


@dataclass(frozen=True)
class Change:
    cell: Cell
    old: CellDecision
    new: CellDecision


def cells() -> Iterator[Cell]:
    for request_type in REQUEST_TYPES:
        for category in CATEGORIES:
            for document in DOCUMENTS:
                yield request_type, category, document


def cell_decision(policy: Policy, cell: Cell) -> CellDecision:
    """What a cell decides before the facts of a request are known."""
    request_type, category, document = cell
    rule = rule_for(policy, request_type, category, document)
    if category == IMMIGRATION_STATUS:
        agrees = rule is not None and rule.decision == NOT_COLLECTED
        return CellDecision(NOT_COLLECTED, rule.id if rule and agrees else NOT_COLLECTED_RULE.id)
    if rule is None:
        return CellDecision("decline", "not-covered")
    return CellDecision(rule.decision, rule.id)


def decision_table(policy: Policy) -> dict[Cell, CellDecision]:
    return {cell: cell_decision(policy, cell) for cell in cells()}


def diff(old: Policy, new: Policy) -> list[Change]:
    """Cells whose decision changes; a change of rule id alone is not a change of outcome."""
    changes = []
    for cell in cells():
        before, after = cell_decision(old, cell), cell_decision(new, cell)
        if before.decision != after.decision:
            changes.append(Change(cell, before, after))
    return changes
