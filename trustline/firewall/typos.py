"""One-letter typos of long terms: "undocumneted", "overstaid", "deportacoin".

Only long words: a one-letter change turns a short word into another real word
("deport" / "depart"), but rarely a word of eight letters or more. Candidates come
from a deletion index (each term, and each term with one letter dropped, points to
the term; a token is looked up the same way) and are confirmed with rapidfuzz's
Damerau–Levenshtein distance (a swap of two letters is one edit). Real words a
linguist lists under @notypo are never read as typos.
"""

from __future__ import annotations

import re

from rapidfuzz.distance import DamerauLevenshtein

from .lexicon import Lexicon, Term

MIN_LETTERS = 8
_CACHE_LIMIT = 200_000


def _deletions(word: str) -> set[str]:
    return {word, *(word[:i] + word[i + 1 :] for i in range(len(word)))}


def _eligible(term: Term) -> bool:
    key = term.key
    return (
        not term.needs
        and term.exact_case is None
        and " " not in key
        and key.isalpha()
        and len(key) >= (MIN_LETTERS + 1 if term.prefix else MIN_LETTERS)
        and all(c.isascii() or "\u0400" <= c <= "\u04ff" for c in key)
    )


class TypoIndex:
    def __init__(self, lexicon: Lexicon) -> None:
        self.terms = lexicon.terms
        self.keys = {t.key for t in lexicon.terms}
        self.notypo = lexicon.special["notypo"]
        self.whole: dict[str, list[int]] = {}
        self.stems: dict[int, dict[str, list[int]]] = {}
        for index, term in enumerate(lexicon.terms):
            if not _eligible(term):
                continue
            table = self.stems.setdefault(len(term.key), {}) if term.prefix else self.whole
            for variant in _deletions(term.key):
                table.setdefault(variant, []).append(index)
        self.cache: dict[str, int | None] = {}

    def _lookup(self, token: str) -> int | None:
        for variant in _deletions(token):
            for index in self.whole.get(variant, ()):
                key = self.terms[index].key
                if key != token and DamerauLevenshtein.distance(token, key) <= 1:
                    return index
        for length, table in self.stems.items():
            for cut in (length - 1, length, length + 1):
                head = token[:cut]
                for variant in _deletions(head):
                    for index in table.get(variant, ()):
                        key = self.terms[index].key
                        if (
                            not token.startswith(key)
                            and DamerauLevenshtein.distance(head, key) <= 1
                        ):
                            return index
        return None

    def term_for(self, token: str) -> Term | None:
        if token not in self.cache:
            if len(self.cache) > _CACHE_LIMIT:
                self.cache.clear()
            plain = len(token) >= MIN_LETTERS and token.isalpha() and token not in self.notypo
            self.cache[token] = self._lookup(token) if plain and token not in self.keys else None
        index = self.cache[token]
        return None if index is None else self.terms[index]

    def find(self, text: str) -> list[tuple[int, int, Term]]:
        """(start, end, term) of every typo of a long term in squeezed text."""
        found: list[tuple[int, int, Term]] = []
        for token in set(text.split(" ")):
            term = self.term_for(token)
            if term is None:
                continue
            for match in re.finditer(f"(?<!\\S){re.escape(token)}(?!\\S)", text):
                found.append((match.start(), match.end(), term))
        return found
