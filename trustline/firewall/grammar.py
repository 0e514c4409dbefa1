"""Building blocks shared by the rule modules.

Patterns are written with plain spaces for readability; `rx` turns each space into
"one or more whitespace characters", so extra spaces and line breaks inside a
phrase never hide it. Everything matches folded text (see normalize.py).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, replace

STATUS = "STATUS"
DOCUMENT_ID = "DOCUMENT_ID"

# A veto looks at the folded text around a match and says "this is not a disclosure".
Veto = Callable[[str, int, int], bool]


@dataclass(frozen=True)
class Rule:
    """One way of saying something the firewall withholds.

    The span withheld is the named group `s` when the pattern has one (so context
    like "I'm" can be required without being withheld), otherwise the whole match.
    """

    name: str
    category: str
    pattern: re.Pattern[str]
    veto: Veto | None = None
    # The rule is skipped when the text holds none of these (cheap substring checks
    # before a regex whose leading alternatives are costly to try at every word).
    needs: tuple[str, ...] = ()


def rx(pattern: str) -> re.Pattern[str]:
    """Compile a readable pattern: word-bounded, " " is any whitespace run, " ?" is optional."""
    spaced = pattern.replace(" ?", r"\s*").replace(" ", r"\s+")
    # Start at a word's start, or at a contraction's apostrophe ("'m" in "I'm"), never
    # inside a word or after that apostrophe ("s" of "he's").
    return re.compile(r"(?:(?<!\w)(?<!\w')|(?<=\w)(?='))" + spaced + r"(?!\w)")


def alt(*words: str) -> str:
    return "(?:" + "|".join(words) + ")"


# --- English -------------------------------------------------------------------------
POSS_EN = alt("my", "his", "her", "their", "our", "your")
HAVE_EN = alt("has", "have", "had", "having", "got", "gets", "get", "getting", "holds?", "with")
NOT_HAVE_EN = alt(
    r"(?:does|do|did)(?:n'?t| not) (?:even )?have",
    r"(?:has|have|had)(?:n'?t| not)(?: got)?",
    r"(?:has|have|had) no",
    "with no",
    "without",
    "never had",
    "no",
)

# --- Spanish -------------------------------------------------------------------------
POSS_ES = alt("mi", "mis", "su", "sus", "tu", "tus", r"nuestr[oa]s?")
TENER = alt(
    "tiene", "tienen", "tengo", "tenemos", "tenia", "tenian", "teniamos", "tuvo", "tuve",
    "tener", "tenga", "tengan", "tine", "tiene",
)  # fmt: skip
NOT_TENER = alt(r"(?:no|tampoco|nunca|ni)(?: \w+)? " + TENER, "sin")
SER_ESTAR = alt(
    "es", "soy", "somos", "son", "eres", "era", "eran", "fue", "fui", "sea",
    "estoy", "esta", "estan", "estamos", "estaba", "estaban", "anda", "ando", "andan",
)  # fmt: skip

POSS = alt(POSS_EN, POSS_ES)
# A verb of having (or lacking) in either language: "has", "doesn't have", "no tengo".
HOLDING = alt(NOT_HAVE_EN, HAVE_EN, NOT_TENER, TENER)
# "tiene papeles y ella no", "he's a citizen and she isn't": the contrast is the disclosure.
CONTRAST = (
    r"(?: (?:y|pero|and|but)"
    r" (?:el|ella|yo|ellos|ellas|nosotros|tu|he|she|i|they|we|his \w+|her \w+|mi \w+|su \w+)"
    r" (?:no|si|tampoco|not|doesn't|don't|does|do|isn't|is not|aren't|wasn't|ain't|'s not"
    r"|no es|no lo es|no esta))?"
)
# A document that ran out: "se le venció", "ya se venció", "expired", "lapsed".
VENCER = alt(
    r"(?:se )?(?:me |le |les |nos |te )?[bv]en[cs]i(?:o|eron)", r"[bv]en[cs]e", r"[bv]en[cs]ia",
    r"[bv]en[cs]i", "acabo", "acabaron", "termino", "expiro", "caduco", r"va a [bv]en[cs]er",
    r"[bv]en[cs]era", r"van a [bv]en[cs]er",
)  # fmt: skip
EXPIRED = alt(
    "expired", "expires", "expiring", "ran out", "runs out", "lapsed", "is up", "was up",
    r"(?:ya )?(?:se )?(?:me |le |les |nos )?[bv]en[cs]io", r"(?:ya )?[bv]en[cs]id[oa]s?",
    r"(?:ya )?(?:se )?expiro", r"(?:ya )?(?:esta )?expirad[oa]",
)  # fmt: skip
DET = alt("a", "an", "the", "un", "una", "el", "la", "los", "las", POSS_EN, POSS_ES)


def preceded_by(pattern: str, window: int = 40) -> Veto:
    """Veto when `pattern` occurs in the `window` characters before the match."""
    compiled = re.compile(pattern)
    return lambda text, start, _end: bool(compiled.search(text, max(0, start - window), start))


def followed_by(pattern: str) -> Veto:
    """Veto when the words right after the match fit `pattern`."""
    compiled = re.compile(r"\s*(?:" + pattern + r")(?!\w)")
    return lambda text, _start, end: bool(compiled.match(text, end))


def bare_and_followed_by(head: str, after: str) -> Veto:
    """Veto a match that is the bare noun (no verb or possessive) before `after`:
    "citizenship classes", "centro para refugiados" name a service, not anyone's status."""
    starts, follows = re.compile(head), followed_by(after)
    return lambda text, start, end: bool(starts.match(text, start)) and follows(text, start, end)


def any_of(*vetoes: Veto) -> Veto:
    return lambda text, start, end: any(v(text, start, end) for v in vetoes)


def inside_phrase(*patterns: re.Pattern[str]) -> Veto:
    """Veto when the match overlaps one of these look-alike phrases ("Visa debit card")."""

    def veto(text: str, start: int, end: int) -> bool:
        low, high = max(0, start - 40), min(len(text), end + 40)
        return any(
            found.start() < end and start < found.end()
            for pattern in patterns
            for found in pattern.finditer(text, low, high)
        )

    return veto


def vetoed(rules: list[Rule], veto: Veto) -> list[Rule]:
    """The same rules, each also vetoed by `veto`."""
    return [replace(rule, veto=any_of(rule.veto, veto) if rule.veto else veto) for rule in rules]
