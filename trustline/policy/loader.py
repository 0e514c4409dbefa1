"""Load and validate a policy file: `load_policy(path)` or `check(path)`.

A profile may say `extends = "strict"`: it starts from that file's rules, replaces
the ones whose id it repeats, drops the ones listed in `remove`, and adds the rest.
"""

from __future__ import annotations

import datetime
import hashlib
import itertools
import re
import tomllib
from dataclasses import replace
from pathlib import Path
from typing import Any

from .errors import PolicyError, PolicyFileInvalid
from .lines import LineIndex
from .model import Policy, Rule
from .rules import RuleReader
from .vocabulary import CATEGORIES, DOCUMENTS, REQUEST_TYPES

# Shipped profiles, so an agency file elsewhere can still say `extends = "strict"`.
SHIPPED = Path(__file__).resolve().parents[2] / "policies"
TOP_LEVEL = ("name", "description", "extends", "effective", "remove", "rule")
_TOML_POSITION = re.compile(r"\(at line (\d+), column (\d+)\)")


def load_policy(path: str | Path) -> Policy:
    """The policy in `path`, or PolicyFileInvalid listing every problem with its line."""
    return _load(Path(path), seen=())


def check(path: str | Path) -> list[PolicyError]:
    """Every problem in the file; an empty list means it may be used."""
    try:
        load_policy(path)
    except PolicyFileInvalid as invalid:
        return invalid.errors
    return []


def _load(path: Path, seen: tuple[Path, ...]) -> Policy:
    where = str(path)
    try:
        raw = path.read_bytes()
        text = raw.decode("utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise PolicyFileInvalid([PolicyError(where, 1, f"cannot read the file: {exc}")]) from None
    data = _parse(where, text)
    index = LineIndex(text)
    errors = _check_top_level(where, data, index)
    base = _base(path, data, index, seen, errors)
    rules = _read_rules(where, data, index, errors)
    merged = _merge(where, base, rules, data, index, errors)
    errors.extend(_ambiguities(merged))
    if errors:
        raise PolicyFileInvalid(errors)
    own = hashlib.sha256(raw).hexdigest()
    # An extending profile's meaning depends on its base too, so both go into the version.
    version = own if base is None else hashlib.sha256((own + base.version).encode()).hexdigest()
    name = data.get("name", path.stem)
    return Policy(str(name), version, merged, where, None if base is None else base.name)


def _parse(where: str, text: str) -> dict[str, Any]:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        found = _TOML_POSITION.search(message)
        line = int(found.group(1)) if found else 1
        plain = _TOML_POSITION.sub("", message).strip()
        column = f", column {found.group(2)}" if found else ""
        raise PolicyFileInvalid(
            [PolicyError(where, line, f"not valid TOML{column}: {plain}")]
        ) from None


def _check_top_level(where: str, data: dict[str, Any], index: LineIndex) -> list[PolicyError]:
    errors = [
        PolicyError(where, index.top_line(key), f"unknown top-level field {key!r}")
        for key in data
        if key not in TOP_LEVEL
    ]
    if not isinstance(data.get("rule", []), list):
        errors.append(PolicyError(where, index.top_line("rule"), "rule must be [[rule]] tables"))
    effective = data.get("effective")
    if effective is not None and not _is_date(effective):
        errors.append(PolicyError(where, index.top_line("effective"), "effective must be a date"))
    return errors


def _is_date(value: object) -> bool:
    if isinstance(value, datetime.date):
        return True
    try:
        datetime.date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


def _base(
    path: Path,
    data: dict[str, Any],
    index: LineIndex,
    seen: tuple[Path, ...],
    errors: list[PolicyError],
) -> Policy | None:
    name = data.get("extends")
    if name is None:
        return None
    line = index.top_line("extends")
    found = _find_base(path, str(name))
    if found is None:
        errors.append(PolicyError(str(path), line, f"extends {name!r}: no such policy file"))
        return None
    if found in seen or found == path.resolve():
        message = f"extends {name!r}: a file cannot extend itself"
        errors.append(PolicyError(str(path), line, message))
        return None
    try:
        return _load(found, (*seen, path.resolve()))
    except PolicyFileInvalid as invalid:
        errors.append(PolicyError(str(path), line, f"extends {name!r}, which is invalid:"))
        errors.extend(invalid.errors)
        return None


def _find_base(path: Path, name: str) -> Path | None:
    filename = name if name.endswith(".toml") else f"{name}.toml"
    for folder in (path.resolve().parent, SHIPPED):
        candidate = (folder / filename).resolve()
        if candidate.is_file():
            return candidate
    return None


def _read_rules(
    where: str, data: dict[str, Any], index: LineIndex, errors: list[PolicyError]
) -> list[Rule]:
    tables = data.get("rule", [])
    if not isinstance(tables, list):
        return []
    effective = data.get("effective")
    default = effective.isoformat() if isinstance(effective, datetime.date) else effective
    reader = RuleReader(where, index, None if default is None else str(default))
    read = (reader.read(position, table) for position, table in enumerate(tables))
    rules = [rule for rule in read if rule is not None]
    errors.extend(reader.errors)
    first: dict[str, Rule] = {}
    for rule in rules:
        if rule.id in first:
            message = f"duplicate rule id {rule.id!r} (first at line {first[rule.id].line})"
            errors.append(PolicyError(where, rule.line, message))
        else:
            first[rule.id] = rule
    return list(first.values())


def _merge(
    where: str,
    base: Policy | None,
    rules: list[Rule],
    data: dict[str, Any],
    index: LineIndex,
    errors: list[PolicyError],
) -> tuple[Rule, ...]:
    inherited = base.rules if base else ()
    layer = 1 + max((rule.layer for rule in inherited), default=0) if base else 0
    merged = {rule.id: rule for rule in inherited}
    removed = data.get("remove", [])
    if not isinstance(removed, list):
        removed = [removed]
    for rule_id in removed:
        if merged.pop(str(rule_id), None) is None:
            line = index.top_line("remove")
            errors.append(PolicyError(where, line, f"remove: no inherited rule {rule_id!r}"))
    for rule in rules:
        replaced = merged.get(rule.id)
        # Same id: the profile's rule replaces the base's and keeps its place.
        merged[rule.id] = replace(rule, layer=replaced.layer if replaced else layer)
    return tuple(merged.values())


def _ambiguities(rules: tuple[Rule, ...]) -> list[PolicyError]:
    """Two rules of equal precedence deciding the same cell: neither may silently win."""
    errors: list[PolicyError] = []
    reported: set[tuple[str, str]] = set()
    for first, second in itertools.combinations(rules, 2):
        if first.precedence != second.precedence or (first.id, second.id) in reported:
            continue
        cell = _shared_cell(first, second)
        if cell is None:
            continue
        reported.add((first.id, second.id))
        message = (
            f"rules {first.id!r} and {second.id!r} (line {second.line} of {second.source}) "
            f"both decide {'/'.join(cell)} with equal precedence; narrow one of them"
        )
        errors.append(PolicyError(first.source, first.line, message))
    return errors


def _shared_cell(first: Rule, second: Rule) -> tuple[str, str, str] | None:
    for request_type in REQUEST_TYPES:
        if request_type not in first.types or request_type not in second.types:
            continue
        for category in CATEGORIES:
            if category not in first.categories or category not in second.categories:
                continue
            for document in DOCUMENTS:
                if document in first.documents and document in second.documents:
                    return request_type, category, document
    return None
