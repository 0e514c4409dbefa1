"""The scanner: fold, find the triggered rule families, run their rules near the triggers, merge."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import rules_ids, rules_papers, rules_removal, rules_standing
from .grammar import DOCUMENT_ID, Rule
from .normalize import fold
from .placeholders import PLACEHOLDER_RE


@dataclass(frozen=True)
class Finding:
    """A span to withhold. Offsets are Python str indices into the scanned text."""

    start: int
    end: int
    category: str  # "STATUS" | "DOCUMENT_ID"


Stems = tuple[str, ...] | re.Pattern[str]
FAMILIES: dict[str, tuple[Stems, list[Rule]]] = {
    **rules_papers.FAMILIES,
    **rules_standing.FAMILIES,
    **rules_removal.FAMILIES,
    **rules_ids.FAMILIES,
}
LEAD = 40
TAIL = 45
Window = tuple[int, int]
WORD = re.compile(r"\w+")
PATTERN_STEMS = [
    (name, stems) for name, (stems, _) in FAMILIES.items() if isinstance(stems, re.Pattern)
]
# Each family's rules with the group that holds the span ("s" when the rule has
# context) and the words it needs.
RULES = {
    name: [
        (
            rule,
            "s" if "s" in rule.pattern.groupindex else 0,
            rule.needs,
        )
        for rule in rules
    ]
    for name, (_, rules) in FAMILIES.items()
}
# Stems are substrings of a word, or whole words when written "=ice" (not "police").
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
    """Families a whitespace-separated token triggers ("(ice)," holds the word "ice")."""
    found = {name for stem, name in SUBSTRING_STEMS if stem in token}
    for word in WORD.findall(token):
        found.update(WORD_STEMS.get(word, ()))
    return tuple(sorted(found))


# Words seen before that trigger nothing. Narratives reuse the same few thousand
# words, so after a warm-up a report's words are checked with one set difference.
# Bounded so that a stream of random tokens cannot grow it without limit.
_INERT: set[str] = set()
_TRIGGERS: dict[str, tuple[str, ...]] = {}
_CACHE_LIMIT = 200_000


def _triggering_words(folded: str) -> dict[str, list[str]]:
    """Family -> the tokens of this text that trigger it.

    Tokens are split on whitespace, far cheaper than a word regex; punctuation stuck to
    a token only makes it a different cache entry.
    """
    words: dict[str, list[str]] = {}
    for word in set(folded.split()) - _INERT:
        families = _TRIGGERS.get(word)
        if families is None:
            families = _families_of(word)
            if len(_INERT) + len(_TRIGGERS) < _CACHE_LIMIT:
                (_TRIGGERS.__setitem__(word, families) if families else _INERT.add(word))
        for name in families:
            words.setdefault(name, []).append(word)
    return words


# Rules run in windows of LEAD characters before a stem and TAIL after it; most rules
# need little room, these families' phrases reach further from their stem.
WINDOW_SIZES = {
    "visa": (70, 55),  # "se quedó después de que se le acabó la visa"
    "residence": (55, 45),  # "in the process of getting her residency"
    "i-94 number": (15, 70),  # "I-94 # from my phone: 69301847215"
    "visa number": (15, 50),
    "ids": (40, 25),
    "removal": (45, 50),
    "daca": (45, 50),
    "naturalized": (30, 50),
}


def _family_hits(folded: str) -> dict[str, list[int]]:
    """Where each triggered family's stems occur. Looks at each distinct token once."""
    words = _triggering_words(folded)
    hits = {name: _positions(folded, found) for name, found in words.items()}
    for name, stems in PATTERN_STEMS:
        found = [hit.start() for hit in stems.finditer(folded)]
        if found:
            hits[name] = found
    return hits


def _positions(folded: str, words: list[str]) -> list[int]:
    found: list[int] = []
    for word in words:
        at = folded.find(word)
        while at != -1:
            found.append(at)
            at = folded.find(word, at + len(word))
    return found


def _windows(folded: str, hits: list[int], lead: int, tail: int) -> list[Window]:
    """Merged stretches around the hits, ending on a word end (lookahead stops at endpos)."""
    merged: list[Window] = []
    for hit in sorted(hits):
        start, end = max(0, hit - lead), hit + tail
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    size = len(folded)
    return [(start, _word_end(folded, min(end, size))) for start, end in merged]


def _word_end(folded: str, at: int) -> int:
    while at < len(folded) and folded[at].isalnum():
        at += 1
    return at


def _mask_placeholders(folded: str) -> str:
    """Blank out our own placeholders so a second scan never flags them."""
    if "[" not in folded:
        return folded
    return PLACEHOLDER_RE.sub(lambda m: "\x00" * len(m.group()), folded)


def _has_any(folded: str, words: tuple[str, ...]) -> bool:
    for word in words:  # noqa: SIM110 -- a plain loop is cheaper than any() over a generator
        if word in folded:
            return True
    return False


def _candidates(folded: str) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    for name, hits in _family_hits(folded).items():
        windows = _windows(folded, hits, *WINDOW_SIZES.get(name, (LEAD, TAIL)))
        for rule, group, needs in RULES[name]:
            if needs and not _has_any(folded, needs):
                continue
            for start_at, end_at in windows:
                for match in rule.pattern.finditer(folded, start_at, end_at):
                    start, end = match.span(group)
                    if start == end or (rule.veto and rule.veto(folded, start, end)):
                        continue
                    found.append((start, end, rule.category))
    return found


def _merge(found: list[tuple[int, int, str]]) -> list[Finding]:
    """Union overlapping spans; an identifier inside a merged span makes it DOCUMENT_ID."""
    merged: list[Finding] = []
    for start, end, category in sorted(found):
        if merged and start < merged[-1].end:
            last = merged[-1]
            kind = DOCUMENT_ID if DOCUMENT_ID in (last.category, category) else last.category
            merged[-1] = Finding(last.start, max(last.end, end), kind)
        else:
            merged.append(Finding(start, end, category))
    return merged


def _trim(text: str, finding: Finding) -> Finding:
    start, end = finding.start, finding.end
    if text[start] == "'":  # a contraction's tail ("'m here on a visa"): not withheld
        while start < end and not text[start].isspace():
            start += 1
    while start < end and not text[start].isalnum() and text[start] != "#":
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    return Finding(start, end, finding.category)


def scan(text: str, lang: str | None = None) -> list[Finding]:
    """Find what discloses immigration status or an immigration identifier.

    `lang` is accepted as a hint but every rule runs on every text: reports mix
    English and Spanish within a sentence, and a rule never fires on the other
    language's ordinary words.
    """
    del lang
    if not text:
        return []
    folded = _mask_placeholders(fold(text))
    found = _candidates(folded)
    if not found:
        return []
    trimmed = (_trim(text, f) for f in _merge(found))
    return [f for f in trimmed if f.start < f.end]
