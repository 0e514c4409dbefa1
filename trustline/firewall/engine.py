"""The scanner: fold, find the triggered families, run their rules at the triggers, merge."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .gate import FAMILIES, family_hits
from .grammar import DOCUMENT_ID, Rule
from .normalize import fold
from .placeholders import PLACEHOLDER_RE


@dataclass(frozen=True)
class Finding:
    """A span to withhold. Offsets are Python str indices into the scanned text."""

    start: int
    end: int
    category: str  # "STATUS" | "DOCUMENT_ID"


# A rule's match must start at most LEAD characters before a stem of its family and
# end at most TAIL characters after it. Every start position up to the stem is tried,
# so families whose phrases have short leads get short reaches: it is most of the cost.
LEAD, TAIL = 32, 35
REACH = {
    "visa": (45, 55),  # "came here on an expired tourist visa"
    "se quedo": (15, 70),  # "me quedé después de que se me acabó la visa"
    "residence": (55, 45),  # "in the process of getting her residency"
    "immigration": (60, 35),  # "tengo una audiencia en la corte de inmigración"
    "removal": (45, 50),
    "daca": (32, 50),
    "naturalized": (30, 50),
    "ids": (6, 25),  # "a# 123456789", "eac 2190012345"
    "labelled ids": (40, 25),  # "alien registration number: 123456789"
    "spaced ids": (6, 20),
    "labelled spaced ids": (40, 20),
    "i-94 number": (5, 15),
    "visa number": (15, 50),
    "undocumented": (5, 35),  # the word itself
    "overstay": (10, 45),
    "slur": (16, 20),
    "form": (20, 45),
    "mica": (20, 20),
    "illegal": (26, 35),
    "ciudadano": (26, 40),
    # rules_entry.py: short leads, the negation or verb sits right before the stem
    "lacks a visa": (28, 20),  # "doesn't even have a valid visa"
    "visit": (24, 45),  # "vinieron aqui como turistas y se quedaron"
    "inspection": (40, 12),  # "entered the united states without inspection"
    "not legal": (16, 12),  # "they are not legal"
    "lpr": (2, 6),
    "border": (30, 40),  # "se brinco la frontera", "crossed the border without papers"
    "smuggler": (45, 30),  # "vinimos a estados unidos con un coyote", "... para cruzar"
    "no ssn": (36, 20),  # "no tenemos numero de seguro social", "doesn't have a social"
}


@dataclass(frozen=True)
class Runner:
    """A rule ready to run at a stem: `near` tries it at each start up to the stem.

    `[\\s\\S]{0,lead}?` before the rule makes one `match` call try every start position
    between the window's start and the stem, nearest first, and stop there: positions
    after the stem, which cannot start a match holding it, are never tried.
    """

    rule: Rule
    near: re.Pattern[str]
    group: str


def _runner(rule: Rule, lead: int) -> Runner:
    near = re.compile(f"[\\s\\S]{{0,{lead}}}?(?P<match_>{rule.pattern.pattern})")
    return Runner(rule, near, "s" if "s" in rule.pattern.groupindex else "match_")


RUNNERS = {
    name: [_runner(rule, REACH.get(name, (LEAD, TAIL))[0]) for rule in rules]
    for name, (_, rules) in FAMILIES.items()
}


def _has_any(folded: str, words: tuple[str, ...]) -> bool:
    for word in words:  # noqa: SIM110 -- a plain loop is cheaper than any() over a generator
        if word in folded:
            return True
    return False


def _windows(folded: str, hits: list[int], lead: int, tail: int) -> list[tuple[int, int, int]]:
    """(stem, first start to try, end) per hit; the end is the next space after the tail,
    so a window never cuts a word ("visa|s")."""
    size, windows = len(folded), []
    for hit in hits:
        space = folded.find(" ", min(size, hit + tail))
        windows.append((hit, hit - lead if hit > lead else 0, size if space < 0 else space))
    return windows


def _candidates(folded: str) -> list[Finding]:
    found: list[Finding] = []
    for name, hits in family_hits(folded).items():
        windows = _windows(folded, hits, *REACH.get(name, (LEAD, TAIL)))
        for runner in RUNNERS[name]:
            rule = runner.rule
            if rule.needs and not _has_any(folded, rule.needs):
                continue
            for hit, at, end in windows:
                while at <= hit:
                    match = runner.near.match(folded, at, end)
                    if not match:
                        break
                    start, stop = match.span(runner.group)
                    if start < stop and not (rule.veto and rule.veto(folded, start, stop)):
                        found.append(Finding(start, stop, rule.category))
                    at = max(match.end(), at + 1)
    return found


def _mask_placeholders(folded: str) -> str:
    """Blank out our own placeholders so a second scan never flags them."""
    if "[" not in folded:
        return folded
    return PLACEHOLDER_RE.sub(lambda m: "\x00" * len(m.group()), folded)


def _merge(found: list[Finding]) -> list[Finding]:
    """Union overlapping spans; an identifier inside a merged span makes it DOCUMENT_ID."""
    merged: list[Finding] = []
    for finding in sorted(found, key=lambda f: (f.start, f.end)):
        if merged and finding.start < merged[-1].end:
            last = merged[-1]
            kind = (
                DOCUMENT_ID if DOCUMENT_ID in (last.category, finding.category) else last.category
            )
            merged[-1] = Finding(last.start, max(last.end, finding.end), kind)
        else:
            merged.append(finding)
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
    found = _candidates(_mask_placeholders(fold(text)))
    if not found:
        return []
    trimmed = (_trim(text, f) for f in _merge(found))
    return [f for f in trimmed if f.start < f.end]
