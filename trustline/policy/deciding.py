"""`decide(request, policy) -> Decision`: the narrowest matching rule decides.

Three things hold whatever the policy file says, because they are promises of the
system rather than choices of a jurisdiction:
- immigration status is always answered "not collected" (the system holds none);
- a request the policy does not cover is declined, and the reason says so;
- a judicial document counts only once a supervisor verified it.
"""

from __future__ import annotations

from dataclasses import replace

from .model import Decision, Policy, Request, Rule
from .vocabulary import (
    CATEGORIES,
    DECLINE,
    DOCUMENTS,
    IMMIGRATION_STATUS,
    JUDICIAL_DOCUMENTS,
    NOT_COLLECTED,
    RELEASE,
    REQUEST_TYPES,
    SATISFYING_DOCUMENTS,
)

NOT_COLLECTED_RULE = Rule(
    id="invariant.not-collected",
    types=tuple(REQUEST_TYPES),
    categories=(IMMIGRATION_STATUS,),
    documents=DOCUMENTS,
    decision=NOT_COLLECTED,
    citation="8 U.S.C. 1373, 1644 (no duty to collect status)",
    effective="1996-09-30",
    reason="We do not collect immigration or citizenship status, so there is nothing to give.",
    side_effects=("log_only",),
)


def rule_for(policy: Policy, request_type: str, category: str, document: str) -> Rule | None:
    """The rule deciding one cell (see Rule.precedence; the loader rejects ties)."""
    matching = [rule for rule in policy.rules if rule.matches(request_type, category, document)]
    return min(matching, key=lambda rule: rule.precedence, default=None)


def decide(request: Request, policy: Policy) -> Decision:
    if request.category == IMMIGRATION_STATUS:
        return _not_collected(request, policy)
    uncovered = _uncovered(request)
    if uncovered:
        return _decline_uncovered(request, policy, uncovered)
    document, notes = _effective_document(request)
    rule = rule_for(policy, request.type, request.category, document)
    if rule is None:
        cell = f"{request.type} / {request.category} / {document}"
        return _decline_uncovered(request, policy, f"no rule of this policy covers {cell}")
    outcome, why = _outcome(rule, request, document)
    effects = rule.side_effects + (rule.side_effects_if_released if outcome == RELEASE else ())
    return _decision(request, policy, rule, outcome, effects, (*notes, *why))


def decide_each(request: Request, categories: list[str], policy: Policy) -> list[Decision]:
    """One decision per requested category; only the released ones may be sent."""
    return [decide(replace(request, category=category), policy) for category in categories]


def _not_collected(request: Request, policy: Policy) -> Decision:
    # Use the file's own rule when it agrees, so its state citation is shown.
    rule = rule_for(policy, request.type, IMMIGRATION_STATUS, request.document)
    if rule is None or rule.decision != NOT_COLLECTED:
        rule = NOT_COLLECTED_RULE
    return _decision(request, policy, rule, NOT_COLLECTED, rule.side_effects, ())


def _uncovered(request: Request) -> str:
    if request.type not in REQUEST_TYPES:
        if request.type == "R12":
            return "U/T visa certification requests (R12) are a separate, confidential workflow"
        return f"unknown request type {request.type!r}"
    if request.category not in CATEGORIES:
        return f"unknown information category {request.category!r}"
    if request.document not in DOCUMENTS:
        return f"unknown document kind {request.document!r}"
    return ""


def _decline_uncovered(request: Request, policy: Policy, what: str) -> Decision:
    return Decision(
        category=request.category,
        decision=DECLINE,
        outcome=DECLINE,
        rule_id="not-covered",
        citation="Agency policy: anything the policy does not cover is declined",
        effective="",
        reason=f"Declined because the policy does not cover this request: {what}.",
        side_effects=("log_only",),
        policy_version=policy.version,
    )


def _effective_document(request: Request) -> tuple[str, tuple[str, ...]]:
    if request.document in JUDICIAL_DOCUMENTS and not request.verified_judicial:
        note = (
            "The document is not verified as judicial by a supervisor (court, judge, "
            "signature date, criminal statute), so it is treated as a request with no document."
        )
        return "none", (note,)
    return request.document, ()


def _outcome(rule: Rule, request: Request, document: str) -> tuple[str, tuple[str, ...]]:
    if rule.requires_purpose and not request.stated_purpose.strip():
        return DECLINE, ("Declined: the requester must state a purpose and has not.",)
    if rule.decline_if_immigration_purpose and request.immigration_purpose:
        return DECLINE, ("Declined: the stated purpose is immigration enforcement.",)
    if not rule.decision.startswith("release_if_"):
        return rule.decision, ()
    met, fact, missing = _condition(rule.decision, request, document)
    if met:
        return RELEASE, (f"Released because {fact}.",)
    return DECLINE, (f"Declined because {missing}.",)


def _condition(decision: str, request: Request, document: str) -> tuple[bool, str, str]:
    """Whether the rule's fact holds, with the sentence for either answer."""
    if decision in SATISFYING_DOCUMENTS:
        kinds = " or ".join(kind.replace("_", " ") for kind in SATISFYING_DOCUMENTS[decision])
        return (
            document in SATISFYING_DOCUMENTS[decision],
            f"a supervisor verified a {kinds}",
            f"there is no {kinds} verified by a supervisor",
        )
    facts = {
        "release_if_public": (
            request.public,
            "the information is already public",
            "the information is not already public",
        ),
        "release_if_consent": (
            request.consent,
            "the person's written consent is on file",
            "there is no written consent from the person on file",
        ),
        "release_if_listed_conviction": (
            request.listed_conviction,
            "the person has a conviction the law lists",
            "the person has no conviction the law lists",
        ),
    }
    return facts[decision]


def _decision(
    request: Request,
    policy: Policy,
    rule: Rule,
    outcome: str,
    effects: tuple[str, ...],
    notes: tuple[str, ...],
) -> Decision:
    return Decision(
        category=request.category,
        decision=rule.decision,
        outcome=outcome,
        rule_id=rule.id,
        citation=rule.citation,
        effective=rule.effective,
        reason=rule.reason,
        side_effects=tuple(dict.fromkeys(effects)),
        policy_version=policy.version,
        notes=notes,
    )
