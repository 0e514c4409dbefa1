"""Which rule families a text can trigger, and where: the cheap first look at a text.

Each family has stems ("visa", "papel", "itizen"; "=ice" for a whole word; a regex for
the shape of an identifier token). A text's distinct whitespace tokens are checked once;
tokens seen before are remembered, so a report made of ordinary words costs a split and
a set difference.
"""

from __future__ import annotations

import re

from . import rules_entry, rules_forms, rules_ids, rules_papers, rules_removal, rules_standing
from .grammar import Rule

Stems = tuple[str, ...] | re.Pattern[str]
FAMILIES: dict[str, tuple[Stems, list[Rule]]] = {
    **rules_papers.FAMILIES,
    **rules_standing.FAMILIES,
    **rules_removal.FAMILIES,
    **rules_forms.FAMILIES,
    **rules_entry.FAMILIES,
    **rules_ids.FAMILIES,
}
WORD = re.compile(r"\w+")
# Identifier families are found by the shape of a token ("a-123-456-789", "eac2190012345").
TOKEN_SHAPES = [
    (stems, name) for name, (stems, _) in FAMILIES.items() if isinstance(stems, re.Pattern)
]
SUBSTRING_STEMS = [
    (stem, name)
    for name, (stems, _) in FAMILIES.items()
    if isinstance(stems, tuple)
    for stem in stems
    if not stem.startswith("=")
]
WORD_STEMS: dict[str, list[str]] = {}
for _name, (_stems, _) in FAMILIES.items():
    for _stem in _stems if isinstance(_stems, tuple) else ():
        if _stem.startswith("="):
            WORD_STEMS.setdefault(_stem[1:], []).append(_name)


def _families_of(token: str) -> tuple[str, ...]:
    """Families a token triggers ("(ice)," holds the word "ice")."""
    found = {name for stem, name in SUBSTRING_STEMS if stem in token}
    for word in WORD.findall(token):
        found.update(WORD_STEMS.get(word, ()))
    found.update(name for shape, name in TOKEN_SHAPES if shape.search(token))
    return tuple(sorted(found))


# Tokens seen before: those that trigger nothing, and those that do with their families.
# Bounded so that a stream of random tokens cannot grow them without limit.
_INERT: set[str] = set()
_TRIGGERS: dict[str, tuple[str, ...]] = {}
_CACHE_LIMIT = 200_000


def _triggering_tokens(folded: str) -> dict[str, list[str]]:
    """Family -> the tokens of this text that trigger it."""
    tokens: dict[str, list[str]] = {}
    for token in set(folded.split()) - _INERT:
        families = _TRIGGERS.get(token)
        if families is None:
            families = _families_of(token)
            if len(_INERT) + len(_TRIGGERS) < _CACHE_LIMIT:
                if families:
                    _TRIGGERS[token] = families
                else:
                    _INERT.add(token)
        for name in families:
            tokens.setdefault(name, []).append(token)
    return tokens


def family_hits(folded: str) -> dict[str, list[int]]:
    """Family -> where its stems occur in the folded text."""
    tokens = _triggering_tokens(folded)
    return {name: _positions(folded, found) for name, found in tokens.items()}


def _positions(folded: str, tokens: list[str]) -> list[int]:
    """Where the tokens' words start (past any quote or bracket stuck to the token)."""
    found: list[int] = []
    for token in tokens:
        word = WORD.search(token)
        skip = word.start() if word else 0
        at = folded.find(token)
        while at != -1:
            found.append(at + skip)
            at = folded.find(token, at + len(token))
    return found
