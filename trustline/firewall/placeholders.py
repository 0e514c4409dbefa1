"""The text that replaces a withheld span, in the reader's language."""

from __future__ import annotations

import re

PLACEHOLDERS: dict[tuple[str, str], str] = {
    ("STATUS", "en"): "[withheld: immigration status]",
    ("STATUS", "es"): "[retenido: estatus migratorio]",
    ("DOCUMENT_ID", "en"): "[withheld: immigration document number]",
    ("DOCUMENT_ID", "es"): "[retenido: número de documento migratorio]",
}

# Matches each placeholder in the original and in folded text ("numero" without accent).
PLACEHOLDER_RE = re.compile(
    "|".join(
        re.escape(p).replace("ú", "[úu]")
        for p in sorted(PLACEHOLDERS.values(), key=len, reverse=True)
    ),
    re.IGNORECASE,
)


def split_placeholders(text: str) -> list[tuple[bool, str]]:
    """Split stored text into (is_placeholder, piece) so a template can mark withheld parts."""
    pieces: list[tuple[bool, str]] = []
    last = 0
    for match in PLACEHOLDER_RE.finditer(text):
        if match.start() > last:
            pieces.append((False, text[last : match.start()]))
        pieces.append((True, match.group()))
        last = match.end()
    if last < len(text):
        pieces.append((False, text[last:]))
    return pieces
