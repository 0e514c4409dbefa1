"""The immigration-status firewall: find and withhold status disclosures in free text.

Pure Python: no Django, no network, no model download. See docs/firewall.md and
docs/firewall-guide.md for what is withheld and why; the concepts themselves are data,
one file a language, in lexicon/.
"""

from __future__ import annotations

from .language import detect_language, identify, sentence_bounds
from .placeholders import PLACEHOLDER_LANGUAGES, PLACEHOLDERS, split_placeholders
from .scanner import Finding, scan

__all__ = [
    "PLACEHOLDERS",
    "Finding",
    "detect_language",
    "placeholder_language",
    "redact",
    "scan",
    "split_placeholders",
]

# A second pass only matters where withholding one span exposes another's context;
# a few rounds reach the fixed point.
_MAX_ROUNDS = 4
# A sentence shorter than this says too little for the identifier; the report's own
# language (when the caller knows it) is the better guess.
_SHORT = 24


def placeholder_language(text: str, lang: str | None, position: int = 0) -> str:
    """The language of the sentence holding `position`, one of the line's languages."""
    start, end = sentence_bounds(text, position)
    sentence = text[start:end]
    hint = lang if lang in PLACEHOLDER_LANGUAGES else None
    if hint and sum(ch.isalpha() for ch in sentence) < _SHORT:
        return hint
    found = identify(sentence)
    return found if found in PLACEHOLDER_LANGUAGES else (hint or "en")


def _replace(text: str, lang: str | None, findings: list[Finding]) -> str:
    pieces: list[str] = []
    last = 0
    for finding in sorted(findings, key=lambda f: f.start):
        if finding.start < last:
            continue  # overlapping findings from a caller: the first one wins
        language = placeholder_language(text, lang, finding.start)
        pieces.append(text[last : finding.start])
        pieces.append(PLACEHOLDERS[(finding.category, language)])
        last = finding.end
    pieces.append(text[last:])
    return "".join(pieces)


def redact(text: str, lang: str | None = None, findings: list[Finding] | None = None) -> str:
    """Replace each finding with a placeholder in its sentence's language.

    With `findings` given, exactly those spans are replaced. Without, the text is
    scanned until nothing is left to withhold, so redact(redact(x)) == redact(x).
    """
    if findings is not None:
        return _replace(text, lang, findings)
    for _ in range(_MAX_ROUNDS):
        found = scan(text)
        if not found:
            break
        text = _replace(text, lang, found)
    return text
