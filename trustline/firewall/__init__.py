"""The immigration-status firewall: find and withhold status disclosures in free text.

Pure Python: no Django, no network, no model. See docs/firewall.md and
../shared/firewall/GUIDE.md for what is withheld and why.
"""

from __future__ import annotations

from .engine import Finding, scan
from .language import detect_language
from .placeholders import PLACEHOLDERS, split_placeholders

__all__ = ["PLACEHOLDERS", "Finding", "detect_language", "redact", "scan", "split_placeholders"]

# A second pass only matters in pathological text where withholding one span exposes
# another rule's context; a few rounds reach the fixed point.
_MAX_ROUNDS = 4


def placeholder_language(text: str, lang: str | None) -> str:
    """The placeholders' language: the given one, else the detected one.

    Mixed English/Spanish text gets English placeholders: staff read every report,
    and the reporter's confirmation page explains withheld parts in their language.
    """
    if lang in ("en", "es"):
        return lang
    detected = detect_language(text)
    return detected if detected == "es" else "en"


def _replace(text: str, lang: str, findings: list[Finding]) -> str:
    pieces: list[str] = []
    last = 0
    for finding in sorted(findings, key=lambda f: f.start):
        if finding.start < last:
            continue  # overlapping findings from a caller: the first one wins
        pieces.append(text[last : finding.start])
        pieces.append(PLACEHOLDERS[(finding.category, lang)])
        last = finding.end
    pieces.append(text[last:])
    return "".join(pieces)


def redact(text: str, lang: str | None = None, findings: list[Finding] | None = None) -> str:
    """Replace each finding with a placeholder in the text's language.

    With `findings` given, exactly those spans are replaced. Without, the text is
    scanned until nothing is left to withhold, so redact(redact(x)) == redact(x).
    """
    lang = placeholder_language(text, lang)
    if findings is not None:
        return _replace(text, lang, findings)
    for _ in range(_MAX_ROUNDS):
        found = scan(text)
        if not found:
            break
        text = _replace(text, lang, found)
    return text
