"""Paths and small helpers shared by the policy tests (no Django here)."""

from __future__ import annotations

import csv
from functools import cache
from pathlib import Path

from trustline.policy import Policy, load_policy

REPO = Path(__file__).resolve().parents[3]
POLICIES = REPO / "policies"
TABLES = Path(__file__).resolve().parent / "tables"
PROFILES = ("strict", "california", "illinois", "oregon", "washington")

Cell = tuple[str, str, str]


@cache
def profile(name: str) -> Policy:
    return load_policy(POLICIES / f"{name}.toml")


def expected_table(name: str) -> dict[Cell, tuple[str, str]]:
    """The reviewed decision table of a shipped profile: cell -> (decision, rule id)."""
    with (TABLES / f"{name}.csv").open(newline="") as handle:
        return {
            (row["type"], row["category"], row["document"]): (row["decision"], row["rule"])
            for row in csv.DictReader(handle)
        }
