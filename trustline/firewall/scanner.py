"""The scanner: every concept of the lexicon withheld unless an exception proves otherwise.

Recall first. A mention of an immigration-status concept is withheld wherever it
stands; a weak term (a word with an ordinary sense too: "papers", "visa") only when a
cue stands near it; and a finding is dropped only when a tested exception covers it
(a Visa card, a threat to call ICE, a business named "Refugee Cafe"). One pass of an
Aho–Corasick automaton finds every term of every language at once.

The text is read in three forms that share offsets or map onto each other:
- the original, which findings index;
- folded (normalize.py): same length, lowercase, accents off, punctuation as spaces;
- squeezed: folded with each run of spaces made one, which is what the lexicon's keys
  are compared with ("U.S.  citizen" and "US citizen" both read "u s citizen" / "us
  citizen" as written in the lexicon). `_Squeezed.original()` maps a squeezed offset
  back.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from functools import cached_property, lru_cache

import ahocorasick
import regex

from . import growth, identifiers
from .lexicon import Lexicon, Term, alternation, is_edge, load, unspaced_script
from .normalize import ARABIC_MARKS, OPTIONAL_MARKS, fold
from .placeholders import DOCUMENT_ID, PLACEHOLDER_RE, STATUS
from .typos import TypoIndex


@dataclass(frozen=True)
class Finding:
    """A span to withhold. Offsets are Python str indices into the scanned text."""

    start: int
    end: int
    category: str  # "STATUS" | "DOCUMENT_ID"


# What the squeezed text leaves out: every space of a run but its first, and the
# Arabic marks a writer may add or not (normalize.OPTIONAL_MARKS).
_CUT = re.compile(f"(?<= ) +|[{OPTIONAL_MARKS}]+")
_MARKS = re.compile(f"[{ARABIC_MARKS}]+")
# What stops a withheld span from growing over a neighbouring word: the end of a
# sentence or clause in the original text.
# Quotes and single line breaks do not end a clause (phone messages break lines
# anywhere); a period ends one only before a space and a capital or the end, so
# "U.S. citizen" and "approx. 3 pm" do not.
_STOP = re.compile(r"[,;:!?()\[\]。，；：！？、؟،]|\n\s*\n|\.(?=\s*$|\s+[^\s\da-z\u0430-\u044f])")


class _Squeezed:
    """Folded text with runs of spaces made one and optional Arabic marks left out, and
    the way back to folded offsets."""

    __slots__ = ("cuts", "originals", "removed", "text")

    def __init__(self, folded: str) -> None:
        self.cuts: list[int] = []  # squeezed offsets where spaces were removed
        self.removed: list[int] = []  # how many, in total, up to that cut
        pieces: list[str] = []
        last, total = 0, 0
        for cut in _CUT.finditer(folded):
            pieces.append(folded[last : cut.start()])
            self.cuts.append(cut.start() - total)
            total += cut.end() - cut.start()
            self.removed.append(total)
            last = cut.end()
        pieces.append(folded[last:])
        self.text = "".join(pieces)
        self.originals = [
            cut + removed for cut, removed in zip(self.cuts, self.removed, strict=True)
        ]

    def squeezed_of(self, original: int) -> int:
        """The squeezed offset of an original one (inside a squeezed run: its end)."""
        index = bisect.bisect_right(self.originals, original) - 1
        return max(0, original - (self.removed[index] if index >= 0 else 0))

    def original(self, position: int) -> int:
        index = bisect.bisect_right(self.cuts, position) - 1
        return position + (self.removed[index] if index >= 0 else 0)


@dataclass(frozen=True)
class _Cue:
    """A cue set: plain words are looked up in a set (most cues are one word); phrases,
    stems and unspaced-script cues go through one regular expression."""

    words: frozenset[str]
    rest: str  # the phrases that are not plain words, as a regular expression ("" if none)
    phrases: str  # all phrases, for windows where words touch other scripts
    # Words a phrase has beyond its first: "the Immigration and Customs Enforcement"
    # is a cue three words after "detained by" when it begins there, wherever it ends.
    overhang: int
    # The first words of those phrases: only a window holding one can hold the start of
    # a phrase that runs past it (None: some phrase can start inside a word, so look).
    openers: frozenset[str] | None

    def may_open(self, window: str) -> bool:
        return self.openers is None or not self.openers.isdisjoint(window.split(" "))

    # Compiled when first needed, like the exceptions (lexicon.Exception_.regex): a
    # fresh process does not wait for the hundreds of cue sets no text has used yet.
    @cached_property
    def pattern(self) -> regex.Pattern[str] | None:
        return regex.compile(self.rest) if self.rest else None

    @cached_property
    def every(self) -> regex.Pattern[str]:
        return regex.compile(self.phrases)

    def found_in(self, window: str) -> bool:
        if not window.isascii():
            return self.every.search(window) is not None
        if not self.words.isdisjoint(window.split(" ")):
            return True
        return self.pattern is not None and self.pattern.search(window) is not None

    def reach(self, window: str, side: str) -> int:
        """How much of a window that holds the cue is needed to take it in: up to the
        nearest match's start before the term (<), its end after (>)."""
        matches = list(self.every.finditer(window))
        if not matches:
            return len(window.strip(" "))
        return len(window) - matches[-1].start() if side == "<" else matches[0].end()

    def overhanging(self, wide: str, reach: int, side: str) -> int | None:
        """Where a phrase that begins within `reach` characters of the term (counted
        from the term's side of the wider window `wide`) ends: the length of `wide`
        needed to take it in, or None."""
        if side == ">":
            match = next((m for m in self.every.finditer(wide) if m.start() < reach), None)
            return None if match is None else match.end()
        edge = len(wide) - reach
        matches = [m for m in self.every.finditer(wide) if m.end() > edge]
        return None if not matches else len(wide) - matches[-1].start()

    @classmethod
    def of(cls, phrases: tuple[str, ...]) -> _Cue:
        plain = {p for p in phrases if " " not in p and "*" not in p and p.isascii()}
        rest = sorted(set(phrases) - plain, key=len, reverse=True)
        long = [p for p in phrases if " " in p]
        overhang = max((p.count(" ") for p in long), default=0)
        firsts = [p.split(" ")[0] for p in long]
        inside = any(w.endswith("*") or unspaced_script(w[0]) for w in firsts)
        openers = None if inside else frozenset(firsts)
        return cls(
            frozenset(plain),
            alternation(rest) if rest else "",
            alternation(phrases),
            overhang,
            openers,
        )


@dataclass
class _Compiled:
    lexicon: Lexicon
    automaton: ahocorasick.Automaton
    cues: dict[str, _Cue]
    typos: TypoIndex
    # Exceptions by the literal each must contain, found in one automaton pass over a
    # candidate's neighbourhood; those with no literal are always tried.
    anchors: ahocorasick.Automaton
    unanchored: tuple[int, ...]
    reach: growth.Reach


def _anchors(lexicon: Lexicon) -> tuple[ahocorasick.Automaton, tuple[int, ...]]:
    automaton = ahocorasick.Automaton()
    by_anchor: dict[str, list[int]] = {}
    unanchored = []
    for index, exception in enumerate(lexicon.exceptions):
        if exception.anchor:
            by_anchor.setdefault(exception.anchor, []).append(index)
        else:
            unanchored.append(index)
    for anchor, indexes in by_anchor.items():
        automaton.add_word(anchor, tuple(indexes))
    if by_anchor:
        automaton.make_automaton()
    return automaton, tuple(unanchored)


@lru_cache(maxsize=1)
def compiled() -> _Compiled:
    lexicon = load()
    automaton = ahocorasick.Automaton()
    keys: dict[str, list[int]] = {}
    for index, term in enumerate(lexicon.terms):
        keys.setdefault(term.key, []).append(index)
    for key, indexes in keys.items():
        automaton.add_word(key, (len(key), tuple(indexes)))
    automaton.make_automaton()
    cues = {name: _Cue.of(phrases) for name, phrases in lexicon.cues.items() if phrases}
    reach = growth.Reach.of(lexicon.special["lead"], lexicon.special["tail"])
    return _Compiled(lexicon, automaton, cues, TypoIndex(lexicon), *_anchors(lexicon), reach)


def _bounded(text: str, start: int, end: int, term: Term) -> bool:
    if term.bounded_left and start > 0 and not is_edge(text[start - 1]):
        return False
    return not (term.bounded_right and end < len(text) and not is_edge(text[end]))


def _word_end(text: str, end: int) -> int:
    """A stem's match ends where its word does ("deport*" in "deported"), except in an
    unspaced script, where the next word is not a space away."""
    if unspaced_script(text[end - 1]):
        return end
    space = text.find(" ", end)
    return len(text) if space < 0 else space


def _window(text: str, start: int, end: int, words: int, side: str) -> str:
    """Up to `words` words before (<) or after (>) the span [start, end)."""
    if side == "<":
        low = start - 1
        for _ in range(words):
            low = text.rfind(" ", 0, max(low, 0))
            if low < 0:
                break
        return text[max(low, 0) : start]
    high = end
    for _ in range(words):
        high = text.find(" ", high + 1)
        if high < 0:
            high = len(text)
            break
    return text[end:high]


class _Scan:
    """One text being scanned."""

    def __init__(self, text: str, engine: _Compiled) -> None:
        self.text = text
        self.engine = engine
        folded = fold(text)
        if "[" in text:
            for match in PLACEHOLDER_RE.finditer(text):
                folded = folded[: match.start()] + " " * len(match.group()) + folded[match.end() :]
        self.folded = folded
        self.squeezed = _Squeezed(folded)
        self._covered: dict[tuple[str, bool, int, int], bool] = {}

    # --- finding candidates -------------------------------------------------------
    def candidates(self) -> list[tuple[int, int, Term, tuple[int, int]]]:
        """Each term found with the cue it needs: where the term stands (exceptions
        are tried on that) and the span to withhold (the term with its cue)."""
        text = self.squeezed.text
        terms = self.engine.lexicon.terms
        found: list[tuple[int, int, Term, tuple[int, int]]] = []
        for last, (length, indexes) in self.engine.automaton.iter(text):
            start, end = last + 1 - length, last + 1
            for index in indexes:
                term = terms[index]
                if not _bounded(text, start, end, term):
                    continue
                stop = _word_end(text, end) if term.prefix else end
                span = self._wanted(start, stop, term)
                if span:
                    found.append((start, stop, term, span))
        for start, end, term in self.engine.typos.find(text):
            span = self._wanted(start, end, term)
            if span:
                found.append((start, end, term, span))
        return found

    def _wanted(self, start: int, end: int, term: Term) -> tuple[int, int] | None:
        """The span to withhold if the term stands here with a cue it needs: the term
        and the words up to its cue ("vinimos a Estados Unidos con un pollero"), since
        the cue is part of what is said. Reaches are written shortest first, so the
        first window that holds the cue is the nearest."""
        if term.exact_case is not None:
            low, high = self.squeezed.original(start), self.squeezed.original(end - 1) + 1
            if " ".join(self.text[low:high].split()) != term.exact_case:
                return None
        if not term.needs:
            return start, end
        for need in term.needs:
            cue = self.engine.cues.get(need.cue)
            if cue is None:
                continue
            sides = "<>" if need.side == "~" else need.side
            for side in sides:
                window = self._clause_window(start, end, need.reach, side)
                if cue.found_in(window):
                    if side == "<":
                        return start - cue.reach(window, side), end
                    return start, end + cue.reach(window, side)
                if cue.overhang and window.strip(" ") and cue.may_open(window):
                    wide = self._clause_window(start, end, need.reach + cue.overhang, side)
                    taken = cue.overhanging(wide, len(window), side)
                    if taken is not None:
                        return (start - taken, end) if side == "<" else (start, end + taken)
        return None

    def _clause_window(self, start: int, end: int, words: int, side: str) -> str:
        """Up to `words` words before (<) or after (>) a span, cut at the clause's edge:
        a cue counts only in the same clause ("Me pegaron. No tengo papeles" has the
        cue "no" for "papeles", not "pegaron")."""
        text = self.squeezed.text
        window = _window(text, start, end, words, side)
        if side == "<":
            low = start - len(window)
            a, b = self.squeezed.original(max(low, 0)), self.squeezed.original(start)
            stops = list(_STOP.finditer(self.text, a, b))
            if stops:
                return text[max(low, self.squeezed.squeezed_of(stops[-1].end())) : start]
            return window
        high = end + len(window)
        a, b = (
            self.squeezed.original(max(end - 1, 0)) + 1,
            self.squeezed.original(max(high - 1, 0)) + 1,
        )
        stop = _STOP.search(self.text, a, b)
        if stop:
            return text[end : min(high, self.squeezed.squeezed_of(stop.start()))]
        return window

    # --- exceptions ---------------------------------------------------------------
    def excepted(self, start: int, end: int, term: Term) -> bool:
        text = self.squeezed.text
        low, high = max(0, start - 90), min(len(text), end + 90)
        # Whether an exception covers the term depends only on the window and the one
        # character before it (every lookbehind of an exception is one character wide):
        # text that repeats itself (a form pasted many times, a page's header on every
        # page) is tried once per distinct neighbourhood, not once per occurrence.
        key = (text[max(0, low - 1) : high], low > 0, start - low, end - low)
        covered = self._covered.get(key)
        if covered is None:
            covered = self._covered[key] = self._exception_covers(text, low, high, start, end)
        return covered or self._named_place(start, end)

    def _exception_covers(self, text: str, low: int, high: int, start: int, end: int) -> bool:
        exceptions = self.engine.lexicon.exceptions
        tried: set[int] = set()
        candidates = list(self.engine.unanchored)
        if self.engine.anchors.kind == ahocorasick.AHOCORASICK:
            # A slice, not (text, low, high): the automaton copies the string it is
            # given, and a 1 MB report copied once per candidate took seconds.
            for _, indexes in self.engine.anchors.iter(text[low:high]):
                candidates.extend(indexes)
        for index in candidates:
            if index in tried:
                continue
            tried.add(index)
            for match in exceptions[index].regex.finditer(text, low, high):
                if match.start() > start:
                    break  # later matches cannot cover the term
                if end <= match.end():
                    return True
        return False

    def _named_place(self, start: int, end: int) -> bool:
        """'Visa Lounge', 'Refugee Cafe', 'Citizen Bank': a capitalised term followed by
        capitalised words ending in a venue word is a name, not a disclosure."""
        venues = self.engine.lexicon.special["venue"]
        low = self.squeezed.original(start)
        high = self.squeezed.original(end - 1) + 1
        if not self.text[low:high][:1].isupper():
            return False
        words = self.squeezed.text[end : end + 80].split(" ", 4)[1:4]
        originals = self.text[high : high + 80].split()[:3]
        for word, original in zip(words, originals, strict=False):
            if not original[:1].isupper():
                break
            if word in venues:
                return True
        return self._named_after_venue(low, venues)

    def _named_after_venue(self, low: int, venues: set[str]) -> bool:
        """'the bar Los Mojados', 'restaurante El Refugio': a venue word, then capitalised
        words up to the term, with nothing but spaces between them."""
        before = self.text[max(0, low - 60) : low].split(" ")[-4:-1] if low else []
        for word in reversed(before):
            if not word.isalpha():
                return False
            if fold(word) in venues:
                return True
            if not word[:1].isupper():
                return False
        return False

    # --- spans --------------------------------------------------------------------
    def grow(self, start: int, end: int) -> tuple[int, int]:
        return growth.grow(self.squeezed.text, start, end, self.engine.reach, self._stop_between)

    def _stop_between(self, low: int, high: int) -> bool:
        a, b = self.squeezed.original(low), self.squeezed.original(high)
        return bool(_STOP.search(self.text, a, b + 1))

    def findings(self) -> list[Finding]:
        spans: list[tuple[int, int, str]] = []
        for start, end, term, with_cue in self.candidates():
            if self.excepted(start, end, term):
                continue
            low, high = self.grow(*with_cue)
            spans.append(
                (self.squeezed.original(low), self.squeezed.original(high - 1) + 1, STATUS)
            )
        for start, end in identifiers.find(self.folded):
            spans.append((start, end, DOCUMENT_ID))
        return [
            f for f in (_trim(self.text, f) for f in _merge(self.text, spans)) if f.start < f.end
        ]


def _merge(text: str, spans: list[tuple[int, int, str]]) -> list[Finding]:
    """Union spans that overlap or stand a space apart ("H-2B" and "visa" are one
    finding); an identifier inside a merged span makes it DOCUMENT_ID."""
    merged: list[Finding] = []
    for start, end, category in sorted(spans):
        if merged and (start <= merged[-1].end or text[merged[-1].end : start].isspace()):
            last = merged[-1]
            kind = DOCUMENT_ID if DOCUMENT_ID in (last.category, category) else last.category
            merged[-1] = Finding(last.start, max(last.end, end), kind)
        else:
            merged.append(Finding(start, end, category))
    return merged


def _trim(text: str, finding: Finding) -> Finding:
    start, end = finding.start, finding.end
    while start < end and not (text[start].isalnum() or text[start] == "#"):
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    if end > start and (marks := _MARKS.match(text, end)):
        end = marks.end()  # the marks on the last letter go with it
    return Finding(start, end, finding.category)


def scan(text: str, lang: str | None = None) -> list[Finding]:
    """Find what discloses immigration status or an immigration identifier.

    `lang` is accepted as a hint and not needed: every language's lexicon runs on every
    text, since reports switch language inside a sentence.
    """
    del lang
    if not text or text.isspace():
        return []
    return _Scan(text, compiled()).findings()


__all__ = ["Finding", "scan", "unspaced_script"]
