"""The one choke point between free text and storage.

Every stored free-text field is a ProtectedTextField; whatever string is assigned
to one passes the immigration-status firewall first, so a field added later cannot
forget it. Services call `screen()` themselves to choose the placeholder language
and to tell the reporter what was withheld.
"""

from __future__ import annotations

from collections import Counter

from trustline.firewall import Finding, redact, scan


class Screened(str):
    """A string that has passed the firewall; `withheld` counts spans per category."""

    withheld: Counter[str]
    tallied: bool

    def __new__(cls, text: str, withheld: Counter[str] | None = None) -> Screened:
        obj = super().__new__(cls, text)
        obj.withheld = withheld if withheld is not None else Counter()
        obj.tallied = False
        return obj


def screen(text: str, lang: str | None = None) -> Screened:
    if isinstance(text, Screened):
        return text
    findings: list[Finding] = scan(text, lang)
    if not findings:
        return Screened(text)
    redacted = redact(text, lang=lang, findings=findings)
    return Screened(redacted, Counter(f.category for f in findings))


def withheld_in(*texts: str | None) -> Counter[str]:
    total: Counter[str] = Counter()
    for text in texts:
        if isinstance(text, Screened):
            total.update(text.withheld)
    return total
