"""How far a withheld span reaches beyond the term that was found.

A disclosure is said with more words than its concept: "has a green card", "will be
deported", "申请到绿卡", "영주권이". Labellers (and readers) take the whole phrase, and
what is left beside a withheld term can still tell it ("has a [withheld] holder"). So a
span grows over:
- the lexicon's @lead words before it and @tail words after it (spaced scripts), never
  across the end of a clause;
- in Chinese, which has no spaces, the @lead and @tail entries written in Han
  characters, matched as the characters right before or after the span; a side that
  took none takes one character: nothing marks where the phrase's first and last words
  end, a word is most often two characters, and the one beside the span is most often
  the other half of a word the disclosure is said with (办绿卡, 过期了);
- in Korean and Arabic, the rest of the word the term stands in: particles and clitics
  attach to it (영주권이, والإقامة), and a word half withheld is no use to anyone; for
  the same reason a Korean @lead or @tail entry is a stem that takes any ending
  (수속 reaches 수속을, 수속이).

Offsets here are into the squeezed text (scanner.py), where every run of spaces is one
space and punctuation is a space.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import dataclass

LEAD_WORDS, TAIL_WORDS, HAN_STEPS, HAN_NEIGHBOURS = 4, 3, 3, 1


def _han(char: str) -> bool:
    return 0x3400 <= ord(char) <= 0x9FFF


def _hangul(char: str) -> bool:
    return 0xAC00 <= ord(char) <= 0xD7AF


def _glued(char: str) -> bool:
    """Hangul syllables and Arabic letters: scripts that attach particles to words."""
    code = ord(char)
    return 0xAC00 <= code <= 0xD7AF or 0x0620 <= code <= 0x064A or 0x066E <= code <= 0x06D3


@dataclass(frozen=True)
class Reach:
    """The lead and tail words of every language, split by how they are matched."""

    lead: frozenset[str]
    tail: frozenset[str]
    han_lead: tuple[str, ...]  # longest first, so 申请到 is tried before 到
    han_tail: tuple[str, ...]
    hangul_lead: tuple[str, ...]
    hangul_tail: tuple[str, ...]

    @classmethod
    def of(cls, lead: Collection[str], tail: Collection[str]) -> Reach:
        def script(words: Collection[str], test: Callable[[str], bool]) -> tuple[str, ...]:
            chosen = {w for w in words if w and all(test(c) for c in w)}
            return tuple(sorted(chosen, key=len, reverse=True))

        return cls(
            frozenset(lead),
            frozenset(tail),
            script(lead, _han),
            script(tail, _han),
            script(lead, _hangul),
            script(tail, _hangul),
        )

    def leads(self, word: str) -> bool:
        return word in self.lead or (
            _hangul(word[:1] or " ") and any(word.startswith(w) for w in self.hangul_lead)
        )

    def tails(self, word: str) -> bool:
        return word in self.tail or (
            _hangul(word[:1] or " ") and any(word.startswith(w) for w in self.hangul_tail)
        )


def grow(
    text: str, start: int, end: int, reach: Reach, stopped: Callable[[int, int], bool]
) -> tuple[int, int]:
    """The span [start, end) of `text` with the words it is said with.

    `stopped(low, high)` tells whether a clause ends between two squeezed offsets.
    """
    start, end = _glued_word(text, start, end)
    start, end = _han_reach(text, start, end, reach)
    for _ in range(LEAD_WORDS):
        if start < 2 or text[start - 1] != " ":
            break
        before = text.rfind(" ", 0, start - 1) + 1
        if not reach.leads(text[before : start - 1]) or stopped(before, start):
            break
        start = before
    for _ in range(TAIL_WORDS):
        if end >= len(text) - 1 or text[end] != " ":
            break
        after = text.find(" ", end + 1)
        after = len(text) if after < 0 else after
        word = text[end + 1 : after]
        if not (reach.tails(word) or word.isdigit()) or stopped(end, end + 1):
            break
        end = after
    return start, end


def _glued_word(text: str, start: int, end: int) -> tuple[int, int]:
    if start < end and _glued(text[start]):
        while start > 0 and _glued(text[start - 1]):
            start -= 1
    if start < end and _glued(text[end - 1]):
        while end < len(text) and _glued(text[end]):
            end += 1
    return start, end


def _han_reach(text: str, start: int, end: int, reach: Reach) -> tuple[int, int]:
    bare = (start, end)
    for _ in range(HAN_STEPS):
        if start == 0 or not _han(text[start - 1]):
            break
        lead = next((w for w in reach.han_lead if text.endswith(w, 0, start)), None)
        if lead is None:
            break
        start -= len(lead)
    for _ in range(HAN_STEPS):
        if end >= len(text) or not _han(text[end]):
            break
        tail = next((w for w in reach.han_tail if text.startswith(w, end)), None)
        if tail is None:
            break
        end += len(tail)
    # A side that took an @lead or @tail entry ends at a known word already.
    for _ in range(HAN_NEIGHBOURS):
        if start == bare[0] and start > 0 and _han(text[start - 1]):
            start -= 1
        if end == bare[1] and end < len(text) and _han(text[end]):
            end += 1
    return start, end
