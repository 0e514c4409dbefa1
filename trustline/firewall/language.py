"""Which of the line's languages a sentence is in, so a placeholder reads in it.

py3langid (a naive Bayes identifier over byte n-grams, trained on 97 languages; its
model ships in the package) restricted to the eleven languages the line offers. It
covers Haitian Creole, which lingua does not. The model loads on first use (about a
second): `scan` never needs it, only `redact` does.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

LINE_LANGUAGES = ("en", "es", "zh", "vi", "tl", "ko", "ar", "ru", "ht", "pt", "fr")
# A sentence ends at . ! ? (and their CJK and Arabic forms) followed by a space, or
# at a line break.
_SENTENCE_END = re.compile(r"[.!?。！？؟]+(?:\s+|$)|\n+")
_SAMPLE = 600  # characters of a sentence read by the identifier: enough, and cheap


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from pathlib import Path

    import py3langid
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    model = Path(py3langid.__file__).parent / MODEL_FILE
    identifier = LanguageIdentifier.from_modelpath(model, norm_probs=True)
    identifier.set_languages(list(LINE_LANGUAGES))
    # The full 97-language tables are kept only to undo set_languages; letting them go
    # frees most of the model's memory.
    identifier._full_model = identifier.nb_ptc, identifier.nb_pc, identifier.nb_classes
    return identifier


def sentence_bounds(text: str, position: int) -> tuple[int, int]:
    """The (start, end) of the sentence holding `position`."""
    start = 0
    for match in _SENTENCE_END.finditer(text, 0, position):
        start = match.end()
    after = _SENTENCE_END.search(text, position)
    return start, after.start() if after else len(text)


def identify(text: str) -> str:
    """The most likely of the line's languages for `text` (English for empty text)."""
    sample = text[:_SAMPLE]
    if not any(ch.isalpha() for ch in sample):
        return "en"
    lang, _ = _identifier().classify(sample)
    return str(lang)


def detect_language(text: str) -> str:
    """The language of a whole text, read from its start."""
    return identify(text)
