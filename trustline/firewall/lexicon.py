"""Read the concept lexicon: one file a language under lexicon/, one line an entry.

The files are for a linguist or a lawyer to review, so their format is plain:

    # a comment
    @lack: no, not, without, doesn't have       a cue set: phrases, comma-separated
    @lead: has, is, was, my, his                 words a withheld span takes in before it
    @tail: card, holder, case                    ... and after it
    @venue: cafe, lounge, bank                   words after a capitalised term that make
                                                 it a business or place's name
    @notypo: departed                            real words never read as a typo
    ## undocumented                              a concept: the lines below belong to it
    undocumented | My neighbour is undocumented.            withheld wherever it stands
    indocumentad* | Mi vecina es indocumentada.             * : any ending
    papers [@lack<3] | He has no papers.                    only with a cue 3 words before
    visa [@immig~4 @lack<3] | ...                           ~ either side, > after
    ^ICE | ICE took my husband.                             ^ : only in these capitals
    ! visa card | My Visa card was stolen. | She came on a student visa.

A line starting with "!" is an exception: wherever its pattern matches, a finding that
lies inside the match is something else (the look-alike), and is not withheld. Its
pattern may use cue sets (@threat) and "…" (up to four words). Every line carries its
examples after "|": a term line, a text in which the term must be withheld; an
exception line, the look-alike it keeps and a disclosure it must not keep.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from importlib import resources

import regex

from .normalize import fold, without_optional_marks

LANGUAGES = ("en", "es", "zh", "vi", "tl", "ko", "ar", "ru", "ht", "pt", "fr")
SPECIAL_SETS = ("lead", "tail", "venue", "notypo")
_NEED = re.compile(r"^@(?P<set>[\w-]+)(?P<side>[<>~])(?P<reach>\d)$")
_SPACES = re.compile(r" {2,}")


class LexiconError(ValueError):
    """A line the loader cannot read; the message names the file and line."""


def squeeze(text: str) -> str:
    """A folded phrase with single spaces and no edge spaces: how keys are compared."""
    return _SPACES.sub(" ", without_optional_marks(fold(text))).strip()


def unspaced_script(char: str) -> bool:
    """Chinese, Japanese kana, Korean and Arabic: words take particles or clitics
    without a space, so their terms match inside longer words."""
    code = ord(char)
    return (
        0x0600 <= code <= 0x06FF
        or 0x1100 <= code <= 0x11FF
        or 0x3040 <= code <= 0x30FF
        or 0x3400 <= code <= 0x9FFF
        or 0xAC00 <= code <= 0xD7AF
        or 0xF900 <= code <= 0xFAFF
    )


def cue_phrase(value: str) -> str:
    """A cue set's phrase, squeezed; a trailing * (any ending) is kept."""
    value = value.strip()
    word = squeeze(value.rstrip("*"))
    return word + "*" if word and value.endswith("*") else word


def alternation(phrases: list[str] | tuple[str, ...]) -> str:
    """Any of the cue phrases, longest first, each bounded by spaces except on a side
    in an unspaced script; "threaten*" takes any ending.

    Phrases that share their edges share one copy of them: an edge is a character class
    over most of Unicode, and compiling it once per phrase made loading the lexicon take
    seconds (re's charset optimiser walks every code point of each copy).
    """
    groups: dict[tuple[bool, bool], list[str]] = {}
    for phrase in sorted(set(phrases), key=len, reverse=True):
        star = phrase.endswith("*")
        body = phrase.rstrip("*")
        if not body:
            continue
        key = (not unspaced_script(body[0]), not (star or unspaced_script(body[-1])))
        groups.setdefault(key, []).append(re.escape(body) + (r"\S*" if star else ""))
    return "|".join(
        (LEFT_EDGE if left else "") + "(?:" + "|".join(bodies) + ")" + (RIGHT_EDGE if right else "")
        for (left, right), bodies in groups.items()
    )


# A word of a spaced script ends at a space or where an unspaced script begins:
# "DACA" in "我的室友DACA過期了" stands as a word of its own.
_UNSPACED = "\u0600-\u06ff\u1100-\u11ff\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af\uf900-\ufaff"
LEFT_EDGE = f"(?<![^\\s{_UNSPACED}])"
RIGHT_EDGE = f"(?![^\\s{_UNSPACED}])"


def is_edge(char: str) -> bool:
    """Can a spaced-script word end next to this character?"""
    return char == " " or unspaced_script(char)


@dataclass(frozen=True)
class Need:
    """A cue that must stand near a weak term: `reach` words before (<), after (>) or
    on either side (~)."""

    cue: str  # the cue set's name, qualified by language ("en:lack")
    side: str
    reach: int


@dataclass(frozen=True)
class Term:
    lang: str
    concept: str
    surface: str  # as written in the file
    key: str  # folded and squeezed, without * and ^
    prefix: bool  # "deport*": any ending
    exact_case: str | None  # "^ICE": the original text must read exactly so
    needs: tuple[Need, ...]
    example: str
    line: int

    @cached_property
    def bounded_left(self) -> bool:
        return not unspaced_script(self.key[0])

    @cached_property
    def bounded_right(self) -> bool:
        return not self.prefix and not unspaced_script(self.key[-1])


@dataclass(frozen=True)
class Exception_:
    lang: str
    pattern: str  # as written
    source: str  # the regular expression it reads as
    anchor: str  # a literal the text must hold for the pattern to be tried
    look_alike: str
    disclosure: str
    line: int

    @cached_property
    def regex(self) -> regex.Pattern[str]:
        """Compiled when first tried: most exceptions are never needed by one text, and
        compiling all of them (their word edges are large character classes) made a
        fresh process wait seconds before its first scan. `regex`, not `re`: re builds
        those classes code point by code point, about 7 ms a pattern."""
        return regex.compile(self.source)


@dataclass
class Lexicon:
    terms: list[Term] = field(default_factory=list)
    exceptions: list[Exception_] = field(default_factory=list)
    cues: dict[str, tuple[str, ...]] = field(default_factory=dict)
    special: dict[str, set[str]] = field(default_factory=lambda: {s: set() for s in SPECIAL_SETS})


def _split_examples(body: str, where: str) -> tuple[str, list[str]]:
    pattern, *examples = (part.strip() for part in body.split("|"))
    if not examples or not all(examples):
        raise LexiconError(f"{where}: every line needs its example after '|'")
    return pattern, examples


def _parse_needs(text: str, lang: str, where: str) -> tuple[str, tuple[Need, ...]]:
    if not text.endswith("]"):
        return text, ()
    term, _, spec = text[:-1].rpartition("[")
    needs = []
    for part in spec.split():
        match = _NEED.match(part)
        if not match:
            raise LexiconError(f"{where}: cannot read the cue {part!r}")
        needs.append(Need(f"{lang}:{match['set']}", match["side"], int(match["reach"])))
    return term.strip(), tuple(needs)


def _exception_regex(
    pattern: str,
    lang: str,
    cues: dict[str, tuple[str, ...]],
    where: str,
    special: dict[str, set[str]],
) -> tuple[str, str]:
    """An exception as a regular expression over squeezed text: words joined by one
    space (or none, for unspaced scripts), "…" for up to four words, @set for any of its
    phrases."""
    parts: list[str] = []
    literals: list[str] = []
    tokens = pattern.split()
    for position, token in enumerate(tokens):
        if token in ("…", "...") and position == len(tokens) - 1:
            parts.append(r"(?:\S+(?: \S+){0,3})?")  # at the end: up to four more words
        elif token in ("…", "...") and unspaced_script(squeeze(tokens[position + 1])[:1] or "a"):
            # Before a word of a script that glues its particles ("询问 … 身份",
            # "신분을 … 묻지"): up to twelve characters, since words cannot be counted.
            parts.append(r".{0,12}?")
        elif token in ("…", "..."):
            parts.append(r"(?:\S+ ){0,4}")
        elif token.startswith("@"):
            name = f"{lang}:{token[1:]}"
            if name not in cues and token[1:] not in special:
                raise LexiconError(f"{where}: no cue set {token}")
            phrases = sorted(cues.get(name, special.get(token[1:], ())), key=len, reverse=True)
            parts.append("(?:" + alternation(phrases) + ")")
            # alternation() bounds each alternative on its own sides
        elif word := squeeze(token.rstrip("*")):
            literals.append(word)
            # A word of a spaced script is a whole word ("migra" is not the start of
            # "migratoria", nor the end of "inmigra"); a stem may take any ending.
            whole = not token.endswith("*") and not unspaced_script(word[-1])
            parts.append(
                ("" if unspaced_script(word[0]) else LEFT_EDGE)
                + re.escape(word)
                + (r"\S*" if token.endswith("*") else "")
                + (RIGHT_EDGE if whole else "")
            )
    if not parts:
        raise LexiconError(f"{where}: an empty exception")
    # At an edge that is a cue set or a gap, the pattern's own alternatives bound it.
    first, last = tokens[0], tokens[-1]
    plain_first = not first.startswith("@") and first not in ("…", "...")
    plain_last = not last.startswith("@") and last not in ("…", "...")
    left = LEFT_EDGE if plain_first and not unspaced_script(squeeze(first)[:1] or "a") else ""
    right = (
        RIGHT_EDGE
        if plain_last and not last.endswith("*") and not unspaced_script(squeeze(last)[-1:] or "a")
        else ""
    )
    # The anchor, a literal the window must hold before the pattern is tried, saves time;
    # a pattern of cue sets alone has none and is always tried.
    return left + " ?".join(parts) + right, max(literals, key=len, default="")


def parse(text: str, lang: str, lexicon: Lexicon | None = None) -> Lexicon:
    """Add one language file's entries to `lexicon` (a new one if none is given)."""
    lexicon = lexicon if lexicon is not None else Lexicon()
    lines = [(number, raw.strip()) for number, raw in enumerate(text.splitlines(), 1)]
    # Sets first, wherever they stand in the file, so an entry may use one defined below.
    for number, line in lines:
        if line.startswith("@"):
            name, sep, values = line[1:].partition(":")
            if not sep:
                raise LexiconError(f"lexicon/{lang}.txt:{number}: a cue set is '@name: a, b, c'")
            phrases = tuple(p for p in (cue_phrase(v) for v in values.split(",")) if p)
            if name.strip() in SPECIAL_SETS:
                lexicon.special[name.strip()].update(phrases)
            else:
                lexicon.cues[f"{lang}:{name.strip()}"] = phrases
    concept = ""
    for number, line in lines:
        where = f"lexicon/{lang}.txt:{number}"
        if not line or line.startswith("@") or (line.startswith("#") and not line.startswith("##")):
            continue
        if line.startswith("##"):
            concept = line.lstrip("#").strip()
            continue
        if line.startswith("!"):
            pattern, examples = _split_examples(line[1:], where)
            if len(examples) != 2:
                raise LexiconError(f"{where}: an exception has a look-alike and a disclosure")
            source, anchor = _exception_regex(pattern, lang, lexicon.cues, where, lexicon.special)
            lexicon.exceptions.append(
                Exception_(lang, pattern, source, anchor, examples[0], examples[1], number)
            )
            continue
        body, examples = _split_examples(line, where)
        body, needs = _parse_needs(body, lang, where)
        for need in needs:
            if need.cue not in lexicon.cues:
                raise LexiconError(f"{where}: no cue set @{need.cue.split(':')[1]} in this file")
        exact = body.startswith("^")
        surface = body.lstrip("^")
        key = squeeze(surface.rstrip("*"))
        if not key:
            raise LexiconError(f"{where}: an empty term")
        lexicon.terms.append(
            Term(
                lang,
                concept,
                surface,
                key,
                surface.endswith("*"),
                surface if exact else None,
                needs,
                examples[0],
                number,
            )
        )
    return lexicon


@lru_cache(maxsize=1)
def load() -> Lexicon:
    """Every language's file, in one lexicon: reports switch language mid-sentence."""
    lexicon = Lexicon()
    folder = resources.files(__package__) / "lexicon"
    for lang in LANGUAGES:
        parse((folder / f"{lang}.txt").read_text(encoding="utf-8"), lang, lexicon)
    return lexicon
