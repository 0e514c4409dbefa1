"""Fold text for matching without moving any offset.

The lexicon matches a folded copy of the text that has exactly the same length as the
original, so a match's offsets are the original text's offsets. Folding is one
character for one:
- lower case, and accents and tone marks dropped from Latin letters ("inmigración",
  "INMIGRACION" and "inmigracion" meet; Vietnamese typed without diacritics, as phone
  messages often are, meets the lexicon's "giấy tờ");
- Traditional Chinese characters read as Simplified (OpenCC's character table), so one
  lexicon line serves both scripts;
- Arabic letter variants a phone keyboard mixes up read as one (أ إ آ → ا, ى → ي);
  Russian yo (ё) reads as ye;
- every character that is not a letter or digit reads as a space, so "U.S. citizen",
  "H-1B", "doesn't" and "green-card" meet their lexicon lines folded the same way.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from importlib import resources

_SPECIAL = {
    "ß": "s", "đ": "d", "ł": "l", "ø": "o", "æ": "a", "œ": "o", "\u0131": "i",
    "\u0451": "\u0435", "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ۀ": "ه",
    # Arabic-Indic and Persian digits read as ASCII digits.
    **{chr(0x0660 + d): str(d) for d in range(10)},
    **{chr(0x06F0 + d): str(d) for d in range(10)},
    # Full-width Latin letters and digits, which Chinese and Korean keyboards produce.
    **{chr(0xFF10 + d): str(d) for d in range(10)},
    **{chr(0xFF21 + i): chr(ord("a") + i) for i in range(26)},
    **{chr(0xFF41 + i): chr(ord("a") + i) for i in range(26)},
}  # fmt: skip
# Combining marks (Arabic short vowels, a decomposed accent) stay as they are: dropping
# one would shift every offset after it, and reports rarely hold them.


def _fold_char(char: str) -> str:
    if char in _SPECIAL:
        return _SPECIAL[char]
    if not (char.isalnum() or unicodedata.category(char) == "Mn"):
        return " "
    low = char.lower()
    if len(low) != 1:
        return char
    base = unicodedata.normalize("NFD", low)[0]
    if base.isascii() or "\u0400" <= base <= "\u04ff":
        return base  # Latin (and Cyrillic й→и) letters lose their marks
    return low


def _chinese_simplified() -> dict[str, str]:
    """Traditional → Simplified, character for character, from OpenCC's data file."""
    table: dict[str, str] = {}
    path = resources.files("opencc") / "dictionary" / "TSCharacters.txt"
    for line in path.read_text(encoding="utf-8").splitlines():
        source, _, targets = line.partition("\t")
        target = targets.split(" ")[0]
        if len(source) == 1 and len(target) == 1:
            table[source] = target
    return table


@lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    table: dict[int, str] = {}
    # Every character of the scripts the line offers, plus ASCII punctuation and the
    # general punctuation block; other code points are left as they are.
    ranges = [
        (0x0000, 0x024F),  # ASCII, Latin-1, Latin Extended A/B
        (0x0370, 0x052F),  # Greek, Cyrillic
        (0x0600, 0x06FF),  # Arabic
        (0x1E00, 0x1EFF),  # Latin Extended Additional (Vietnamese)
        (0x2000, 0x206F),  # General punctuation (’ “ ” – —)
        (0x3000, 0x303F),  # CJK punctuation (、。「」)
        (0xFF00, 0xFF65),  # full-width forms (，！？ and letters)
    ]
    for low, high in ranges:
        for code in range(low, high + 1):
            char = chr(code)
            folded = _fold_char(char)
            if folded != char:
                table[code] = folded
    for source, target in _chinese_simplified().items():
        table[ord(source)] = target
    return table


def fold(text: str) -> str:
    """Lowercase, drop accents, read Traditional as Simplified, punctuation as spaces.

    One output character per input character, always.
    """
    folded = text.translate(_table())
    if len(folded) != len(text):  # pragma: no cover - the table maps one to one
        raise AssertionError("fold changed the text's length")
    return folded


# Arabic marks that writers add or leave out at will: tanween, shadda, sukun, the dagger
# alef and tatweel. They are left out of what is matched (the scanner keeps the offsets;
# lexicon keys are read the same way), so "لاجئاً", "قدّمنا" and "قدمنا" meet. Fatha,
# damma and kasra stay: the lexicon tells the vowelled passive "رُحل" (was deported)
# from "رحل" (left) by them.
OPTIONAL_MARKS = "\u0640\u064b-\u064d\u0651\u0652\u0670"
# Every Arabic mark that sits on a letter: a withheld word takes its marks with it.
ARABIC_MARKS = "\u0640\u064b-\u065f\u0670"
_OPTIONAL = re.compile(f"[{OPTIONAL_MARKS}]+")


def without_optional_marks(text: str) -> str:
    return _OPTIONAL.sub("", text)
