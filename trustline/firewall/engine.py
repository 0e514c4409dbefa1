"""The scanner: fold, prefilter, run the triggered rule families, drop look-alikes, merge."""

from __future__ import annotations

import re
from dataclasses import dataclass

from . import rules_ids, rules_papers, rules_removal, rules_standing
from .blockers import BLOCKERS
from .grammar import DOCUMENT_ID, Rule
from .normalize import fold
from .placeholders import PLACEHOLDER_RE


@dataclass(frozen=True)
class Finding:
    """A span to withhold. Offsets are Python str indices into the scanned text."""

    start: int
    end: int
    category: str  # "STATUS" | "DOCUMENT_ID"


FAMILIES: dict[str, tuple[str, list[Rule]]] = {
    **rules_papers.FAMILIES,
    **rules_standing.FAMILIES,
    **rules_removal.FAMILIES,
    **rules_ids.FAMILIES,
}
# One pass of this regex tells which families could match; text with no trigger at
# all (most narratives) costs one regex scan and nothing more.
PREFILTER = re.compile("|".join(f"(?:{stem})" for stem, _ in FAMILIES.values()))
STEMS = {name: re.compile(stem) for name, (stem, _) in FAMILIES.items()}


def _triggered(folded: str) -> list[str]:
    """The families whose stems occur in the text (stems may share a hit: "residen")."""
    seen: list[str] = []
    for hit in PREFILTER.finditer(folded):
        for name, stem in STEMS.items():
            if name not in seen and stem.match(folded, hit.start()):
                seen.append(name)
        if len(seen) == len(FAMILIES):
            break
    return seen


def _mask_placeholders(folded: str) -> str:
    """Blank out our own placeholders so a second scan never flags them."""
    if "[" not in folded:
        return folded
    return PLACEHOLDER_RE.sub(lambda m: "\x00" * len(m.group()), folded)


def _candidates(folded: str, families: list[str]) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    for family in families:
        for rule in FAMILIES[family][1]:
            for match in rule.pattern.finditer(folded):
                group = "s" if "s" in rule.pattern.groupindex else 0
                start, end = match.span(group)
                if start == end or (rule.veto and rule.veto(folded, start, end)):
                    continue
                found.append((start, end, rule.category))
    return found


def _blocked(folded: str, found: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    spans = [m.span() for blocker in BLOCKERS for m in blocker.finditer(folded)]
    if not spans:
        return found
    return [f for f in found if not any(f[0] < e and s < f[1] for s, e in spans)]


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
    while start < end and not text[start].isalnum() and text[start] not in "#'":
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
    families = _triggered(folded)
    if not families:
        return []
    found = _blocked(folded, _candidates(folded, families))
    trimmed = (_trim(text, f) for f in _merge(found))
    return [f for f in trimmed if f.start < f.end]
