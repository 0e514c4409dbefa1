"""The records-desk policy engine: pure Python, no Django.

    policy = load_policy("policies/california.toml")
    request = Request(type="R2", category="release_date", document="detainer_i247a")
    decision = decide(request, policy)

Laws are configuration (the TOML files in `policies/`), never code; see
docs/policy-guide.md.
"""

from __future__ import annotations

from .deciding import decide, decide_each, rule_for
from .errors import PolicyError, PolicyFileInvalid
from .loader import check, load_policy
from .model import Decision, Policy, Request, Rule
from .table import CellDecision, Change, decision_table, diff

__all__ = [
    "CellDecision",
    "Change",
    "Decision",
    "Policy",
    "PolicyError",
    "PolicyFileInvalid",
    "Request",
    "Rule",
    "check",
    "decide",
    "decide_each",
    "decision_table",
    "diff",
    "load_policy",
    "rule_for",
]
