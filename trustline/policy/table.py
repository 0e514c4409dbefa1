"""The whole decision table of a policy, and the cells where two policies differ."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from .deciding import NOT_COLLECTED_RULE, rule_for
from .model import Policy
from .vocabulary import CATEGORIES, DOCUMENTS, IMMIGRATION_STATUS, NOT_COLLECTED, REQUEST_TYPES

Cell = tuple[str, str, str]


@dataclass(frozen=True)
class CellDecision:
    decision: str
    rule_id: str
    side_effects: tuple[str, ...] = ()
    side_effects_if_released: tuple[str, ...] = ()

    @property
    def effects(self) -> str:
        """Side effects as one line, e.g. "log_only; if released: notify_person"."""
        text = ", ".join(self.side_effects) or "none"
        if self.side_effects_if_released:
            text += "; if released: " + ", ".join(self.side_effects_if_released)
        return text


@dataclass(frozen=True)
class Change:
    cell: Cell
    old: CellDecision
    new: CellDecision

    @property
    def decision_changed(self) -> bool:
        return self.old.decision != self.new.decision


def cells() -> Iterator[Cell]:
    for request_type in REQUEST_TYPES:
        for category in CATEGORIES:
            for document in DOCUMENTS:
                yield request_type, category, document


def cell_decision(policy: Policy, cell: Cell) -> CellDecision:
    """What a cell decides before the facts of a request are known."""
    request_type, category, document = cell
    rule = rule_for(policy, request_type, category, document)
    if category == IMMIGRATION_STATUS and (rule is None or rule.decision != NOT_COLLECTED):
        rule = NOT_COLLECTED_RULE
    if rule is None:
        return CellDecision("decline", "not-covered", ("log_only",))
    return CellDecision(rule.decision, rule.id, rule.side_effects, rule.side_effects_if_released)


def decision_table(policy: Policy) -> dict[Cell, CellDecision]:
    return {cell: cell_decision(policy, cell) for cell in cells()}


def diff(old: Policy, new: Policy, *, side_effects: bool = False) -> list[Change]:
    """Cells whose decision changes (and, if asked, whose side effects change).

    A change of rule id or citation alone is not listed: it changes no outcome.
    """
    changes = []
    for cell in cells():
        change = Change(cell, cell_decision(old, cell), cell_decision(new, cell))
        effects_changed = change.old.effects != change.new.effects
        if change.decision_changed or (side_effects and effects_changed):
            changes.append(change)
    return changes
