"""STATUS said through form names and visa classes ("her I-485 is pending", "my H-1B")."""

from __future__ import annotations

from .grammar import POSS, STATUS, Rule, alt, any_of, followed_by, preceded_by, rx

FORM = alt(
    r"i-? ?20", r"i-?94", r"i-?797", r"i-?551", r"i-?766", r"i-?485", r"i-?130", r"i-?589",
    r"i-?765", r"i-?821d?", r"i-?131", r"i-?360", r"i-?918", r"ds-?2019", r"ds-?160",
)  # fmt: skip
VISA_CLASS = alt(r"[fjmklo]-?1", r"h-?1-?b", r"h-?2-?[ab]", r"e-?2", "tn", r"b-?[12]")
HIGHWAY = any_of(
    followed_by(
        r"eastbound|westbound|northbound|southbound|east|west|north|south|exit|freeway"
        r"|highway|hwy|interstate|near|between|ramp|corridor|traffic"
    ),
    preceded_by(r"(?:on|off|onto|take|took|via|from|toward|towards|along) $", 10),
)
FILED = alt(
    "filed", "file", "filing", "submitted", "sent in", "mailed", "presento", "presente",
    "meti", "metio", "mande", "mando", "metimos",
)  # fmt: skip
FORM_STATE = (
    r"(?: (?:is|was|has been|got|fue|esta|sigue)(?: still)? (?:pending|approved|denied|rejected"
    r"|processing|pendiente|aprobad[oa]|negad[oa]|en proceso))?"
)
FORM_RULES = [
    Rule(
        "form name",
        STATUS,
        rx(
            f"(?:{POSS} |\\w+'s |\\w+s' |{FILED} (?:an? |the |el |la |una |mi |su )?)(?:{FORM})"
            r"(?: (?:form|record|card|approval(?: notice)?|notice|petition|application))?"
            + FORM_STATE
        ),
        any_of(HIGHWAY, followed_by(r"number|#|no\.?|num|numero")),
    ),
    Rule(
        "visa class",
        STATUS,
        rx(
            f"(?:{VISA_CLASS}) (?:status|approval(?: notice)?|petition|holders?|workers?|program"
            r"|students?)"
        ),
        needs=("status", "approval", "petition", "holder", "worker", "program", "student"),
    ),
    Rule(
        "on a K-1",
        STATUS,
        rx(
            r"(?:(?:came|come|is|am|are|was|were|here|entered|arrived|living) (?:here )?)?"
            f"(?:on|with|con) (?:an?|una?) (?:{VISA_CLASS})"
        ),
    ),
    Rule(
        "my H-1B",
        STATUS,
        rx(f"{POSS} (?:{VISA_CLASS})"),
        any_of(HIGHWAY, followed_by(r"licen[sc]e|plates?|dl|id|address|form|tax")),
    ),
]

FAMILIES: dict[str, tuple[tuple[str, ...], list[Rule]]] = {
    "form": (
        (
            "i-9", "i9", "i-2", "i2", "i-7", "i7", "i-5", "i5", "i-4", "i4", "i-1", "i1", "i-8",
            "i8", "i-3", "i3", "i-6", "i6", "f-1", "f1", "j-1", "j1", "k-1", "k1", "h-1", "h1",
            "h-2", "h2", "ds-", "ds2", "l-1", "l1", "o-1", "o1", "m-1", "m1", "e-2", "e2", "b-1",
            "b-2", "=tn",
        ),
        FORM_RULES,
    ),
}  # fmt: skip
