"""Turn one `[[rule]]` table into a Rule, collecting every problem with its line."""

from __future__ import annotations

import datetime
import functools
from collections.abc import Callable
from typing import Any

from .errors import PolicyError
from .lines import LineIndex
from .model import Rule
from .vocabulary import (
    CATEGORIES,
    DECISIONS,
    DOCUMENTS,
    IMMIGRATION_STATUS,
    NOT_COLLECTED,
    REQUEST_TYPES,
    SIDE_EFFECTS,
)

REQUIRED = ("id", "types", "categories", "documents", "decision", "citation", "reason")
OPTIONAL = (
    "effective",
    "side_effects",
    "side_effects_if_released",
    "requires_purpose",
    "decline_if_immigration_purpose",
)
_AXES: dict[str, tuple[str, tuple[str, ...]]] = {
    "types": ("request type", tuple(REQUEST_TYPES)),
    "categories": ("category", CATEGORIES),
    "documents": ("document kind", DOCUMENTS),
}


class RuleReader:
    """Reads the rules of one file; `errors` fills up as problems are found."""

    def __init__(self, path: str, index: LineIndex, default_effective: str | None) -> None:
        self.path = path
        self.index = index
        self.default_effective = default_effective
        self.errors: list[PolicyError] = []

    def read(self, position: int, table: object) -> Rule | None:
        if not isinstance(table, dict):
            self._error(self.index.rule_line(position, None), "a rule must be a table")
            return None
        before = len(self.errors)
        at: Callable[[str], int] = functools.partial(self.index.field_line, position)
        rule_id = table.get("id")
        label = f"rule {rule_id!r}" if isinstance(rule_id, str) else f"rule #{position + 1}"
        self._check_keys(table, label, position, at)
        header = self.index.rule_line(position, rule_id)
        axes = {key: self._axis(table, key, label, at) for key in _AXES}
        decision = self._choice(table, "decision", DECISIONS, "decision", label, at)
        text = {key: self._text(table, key, label, at) for key in ("id", "citation", "reason")}
        effective = self._effective(table, label, at, header)
        effects = {
            key: self._list(table, key, tuple(SIDE_EFFECTS), "side effect", label, at)
            for key in ("side_effects", "side_effects_if_released")
        }
        flags = {key: self._flag(table, key, label, at) for key in OPTIONAL[3:]}
        if IMMIGRATION_STATUS in table.get("categories", ()) and decision not in (
            None,
            NOT_COLLECTED,
        ):
            self._error(
                at("decision"),
                f"{label}: {IMMIGRATION_STATUS} can only be answered {NOT_COLLECTED!r}; "
                "the system holds no immigration status",
            )
        if len(self.errors) > before:
            return None
        return Rule(
            id=text["id"],
            types=axes["types"],
            categories=axes["categories"],
            documents=axes["documents"],
            decision=str(decision),
            citation=text["citation"],
            effective=str(effective),
            reason=text["reason"],
            side_effects=effects["side_effects"],
            side_effects_if_released=effects["side_effects_if_released"],
            requires_purpose=flags["requires_purpose"],
            decline_if_immigration_purpose=flags["decline_if_immigration_purpose"],
            source=self.path,
            line=header,
        )

    def _error(self, line: int, message: str) -> None:
        self.errors.append(PolicyError(self.path, line, message))

    def _check_keys(
        self, table: dict[str, Any], label: str, position: int, at: Callable[[str], int]
    ) -> None:
        for key in REQUIRED:
            if key not in table:
                line = self.index.rule_line(position, table.get("id"))
                self._error(line, f"{label}: missing {key}")
        for key in table:
            if key not in REQUIRED and key not in OPTIONAL:
                self._error(at(key), f"{label}: unknown field {key!r}")

    def _axis(
        self, table: dict[str, Any], key: str, label: str, at: Callable[[str], int]
    ) -> tuple[str, ...]:
        noun, known = _AXES[key]
        if table.get(key) == "*":  # "*" means every known value on this axis
            return known
        values = self._list(table, key, known, noun, label, at)
        if key in table and not values:
            self._error(at(key), f'{label}: {key} is empty; list values or use "*"')
        return values

    def _list(
        self,
        table: dict[str, Any],
        key: str,
        known: tuple[str, ...],
        noun: str,
        label: str,
        at: Callable[[str], int],
    ) -> tuple[str, ...]:
        value = table.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
            self._error(at(key), f"{label}: {key} must be a list of strings")
            return ()
        for item in value:
            if item not in known:
                self._error(at(key), f"{label}: unknown {noun} {item!r}")
        return tuple(dict.fromkeys(value))

    def _choice(
        self,
        table: dict[str, Any],
        key: str,
        known: tuple[str, ...],
        noun: str,
        label: str,
        at: Callable[[str], int],
    ) -> str | None:
        value = table.get(key)
        if value is None:
            return None
        if value not in known:
            self._error(at(key), f"{label}: unknown {noun} {value!r} (one of {', '.join(known)})")
            return None
        return str(value)

    def _text(self, table: dict[str, Any], key: str, label: str, at: Callable[[str], int]) -> str:
        value = table.get(key)
        if key in table and (not isinstance(value, str) or not value.strip()):
            self._error(at(key), f"{label}: {key} must be non-empty text")
            return ""
        return " ".join(str(value or "").split())

    def _effective(
        self, table: dict[str, Any], label: str, at: Callable[[str], int], header: int
    ) -> str:
        value = table.get("effective", self.default_effective)
        if value is None:
            self._error(header, f"{label}: missing effective date (here or at the top)")
            return ""
        if isinstance(value, datetime.date):
            return value.isoformat()
        try:
            return datetime.date.fromisoformat(str(value)).isoformat()
        except ValueError:
            self._error(at("effective"), f"{label}: effective must be a date like 2018-01-01")
            return ""

    def _flag(self, table: dict[str, Any], key: str, label: str, at: Callable[[str], int]) -> bool:
        value = table.get(key, False)
        if not isinstance(value, bool):
            self._error(at(key), f"{label}: {key} must be true or false")
            return False
        return value
