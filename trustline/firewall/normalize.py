"""Fold text for matching without moving any offset.

Rules match a lowercased, accent-free copy of the text that has exactly the same
length as the original, so a match's offsets are the original text's offsets.
That is how "inmigracion", "INMIGRACIÓN" and "inmigración" meet one pattern.
"""

from __future__ import annotations

_ACCENTS: dict[str, str] = {
        "á": "a", "à": "a", "ä": "a", "â": "a", "ã": "a",
        "é": "e", "è": "e", "ë": "e", "ê": "e",
        "í": "i", "ì": "i", "ï": "i", "î": "i",
        "ó": "o", "ò": "o", "ö": "o", "ô": "o", "õ": "o",
        "ú": "u", "ù": "u", "ü": "u", "û": "u",
        "ñ": "n", "ç": "c",
        # Typographic apostrophes and quotes, so "doesn’t" reads as "doesn't".
        "\u2019": "'", "\u2018": "'", "\u02bc": "'", "\u00b4": "'",
}  # fmt: skip
_ACCENT_KEYS = frozenset(_ACCENTS)


def fold(text: str) -> str:
    """Lowercase and strip accents, keeping one output character per input character."""
    low = text.lower()
    if len(low) != len(text):
        # A few characters ("İ") lowercase to two; keep those as they were.
        low = "".join(c if len(c.lower()) != 1 else c.lower() for c in text)
    if low.isascii():
        return low
    # Replacing only the few characters present beats translate() over every character.
    for char in set(low).intersection(_ACCENT_KEYS):
        low = low.replace(char, _ACCENTS[char])
    return low
