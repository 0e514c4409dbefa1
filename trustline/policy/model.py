"""Plain data the engine takes and returns: Request, Rule, Policy, Decision."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Request:
    """One outside-agency request for one category of information.

    A request naming several categories is decided once per category
    (`decide_each`), because each category may be answered differently and a
    release package carries only the released ones.
    """

    type: str
    category: str
    document: str = "none"
    # True only when court, judge or magistrate, signature date and criminal statute
    # were entered and a supervisor verified them; the document's name alone is not enough.
    verified_judicial: bool = False
    public: bool = False
    consent: bool = False
    listed_conviction: bool = False
    stated_purpose: str = ""
    # The custodian's reading of the stated purpose. Immigration enforcement includes
    # criminal laws on entry, re-entry, presence and employment.
    immigration_purpose: bool = False
    # immigration_federal | other_federal | state | local. Kept for the desk's records and
    # public totals; no rule matches on it, because the request type already says who asks.
    requester: str = ""


@dataclass(frozen=True)
class Rule:
    id: str
    types: tuple[str, ...]
    categories: tuple[str, ...]
    documents: tuple[str, ...]
    decision: str
    citation: str
    effective: str
    reason: str
    side_effects: tuple[str, ...] = ()
    # Only when the outcome is a release (e.g. CA: notice to the person and attorney).
    side_effects_if_released: tuple[str, ...] = ()
    requires_purpose: bool = False
    decline_if_immigration_purpose: bool = False
    source: str = ""  # the file that defined the rule, for error messages
    line: int = 0
    # 0 in a file that extends nothing, one more per `extends` step. A profile's new
    # rules win over the rules it inherits; a rule replaced by id keeps its layer.
    layer: int = 0

    @property
    def size(self) -> int:
        """How many cells the rule covers; the narrowest matching rule decides."""
        return len(self.types) * len(self.categories) * len(self.documents)

    @property
    def precedence(self) -> tuple[int, int]:
        """Smaller wins: the newest layer first, then the narrowest rule."""
        return -self.layer, self.size

    def matches(self, request_type: str, category: str, document: str) -> bool:
        in_types = request_type in self.types
        return in_types and category in self.categories and document in self.documents


@dataclass(frozen=True)
class Policy:
    name: str
    version: str  # sha256 of the file's bytes (and of its base's, when it extends one)
    rules: tuple[Rule, ...]
    source: str = ""
    extends: str | None = None


@dataclass(frozen=True)
class Decision:
    """The answer to one request for one category, with everything needed to explain it."""

    category: str
    decision: str  # what the rule says, e.g. release_if_public
    outcome: str  # what happens given the facts: decline | release | route_to_counsel | ...
    rule_id: str
    citation: str
    effective: str
    reason: str
    side_effects: tuple[str, ...]
    policy_version: str
    notes: tuple[str, ...] = field(default=())

    @property
    def released(self) -> bool:
        return self.outcome == "release"
