"""STATUS said through how someone entered or stays: no visa, a visit that became a stay,
entry without inspection, "no soy legal", and the officers' abbreviation LPR."""

from __future__ import annotations

from .grammar import HAVE_EN, NOT_HAVE_EN, NOT_TENER, STATUS, TENER, Rule, alt, followed_by, rx
from .rules_papers import VISA_CARD
from .rules_removal import said_of_a_thing

VISA_VALID = alt("vigente", "valida", "valid", "current", "activa", "al dia", "in force")
LACKS_VISA = [
    Rule(
        "lacks a visa",
        STATUS,
        rx(
            alt(
                alt(NOT_HAVE_EN, NOT_TENER, "ya no " + TENER)
                + r" (?:(?:a|an|any|una|la|mi|su|his|her|my|valid|current) )*[bv]isas?"
                + f"(?: {VISA_VALID})?",
                alt(HAVE_EN, TENER)
                + r" (?:(?:a|an|una|la|mi|su|his|her|my) )?[bv]isas? "
                + VISA_VALID,
            )
        ),
        VISA_CARD,
    ),
]

ARRIVED = alt(
    "came", "come", "arrived", "entered", "was here", "were here", "vino", "vine", "vinieron",
    "vinimos", "llego", "llegue", "llegaron", "llegamos", "entro", "entre", "entraron",
)  # fmt: skip
STAYED = (
    r" (?:y|and) (?:ya |just |then |luego |despues )?(?:se quedo|se quedaron|me quede"
    r"|nos quedamos|stayed|overstayed|never left|never went back|nunca se fue|nunca regreso"
    r"|no regreso|no se fue|ya no se fue|ya no regreso|se quedo a vivir)"
)
VISIT_RULES = [
    Rule(
        "came as a tourist and stayed",
        STATUS,
        rx(
            f"{ARRIVED} (?:here |aqui |aca )?(?:as (?:an? )?|de |como )"
            r"(?:tourists?|turistas?|visitors?|visitantes?|paseo|visita|vacaciones|vacation)"
            + STAYED
        ),
    ),
    Rule(
        "entered without inspection",
        STATUS,
        rx(
            alt(
                r"(?:(?:entered|entering|enters|came|come|crossed|crossing|entry)"
                r"(?: (?:into |in )?(?:the )?(?:u\.? ?s\.?|us|united states|country|states"
                r"|border))?"
                r" )?(?:without|w/o) (?:being )?(?:inspection|inspected|admission|admitted)",
                r"(?:(?:entr\w+|cruz\w+|entrada)"
                r"(?: (?:a |al )?(?:los )?(?:estados unidos|pais))? )?"
                r"sin (?:inspeccion|ser inspeccionad[oa]s?|admision)",
                r"ewi",
            )
        ),
    ),
]

NOT_LEGAL = [
    Rule(
        "no soy legal",
        STATUS,
        rx(
            r"(?:no (?:soy|somos|estoy|estamos)|(?:i'm|i am|im|we're|we are) not"
            r"|(?:i|we) (?:ain't|aren't)) legal(?:es)?"
            r"(?: (?:here|aqui|en este pais|in this country))?"
        ),
        followed_by(
            r"to|para|age|drinking|de edad|guardians?|tutor|representatives?|owners?|duen\w+"
        ),
    ),
    Rule(
        "he is not legal",
        STATUS,
        rx(
            r"(?:(?:he's|she's|he is|she is|they're|they are) not|(?:he|she|they) (?:isn't|aren't"
            r"|ain't)|no (?:es|esta|son|estan)) legal(?:es)?"
        ),
        said_of_a_thing,
    ),
]

LPR = [Rule("LPR", STATUS, rx(r"l\.? ?p\.? ?r\.?s?|lprs?"))]

FAMILIES: dict[str, tuple[tuple[str, ...], list[Rule]]] = {
    "lacks a visa": (("visa", "bisa"), LACKS_VISA),
    "visit": (("turist", "tourist", "visit", "paseo", "vacacion", "vacation"), VISIT_RULES[:1]),
    "inspection": (
        ("inspect", "inspecc", "admission", "admitted", "admision", "=ewi"),
        VISIT_RULES[1:],
    ),
    "not legal": (("legal",), NOT_LEGAL),
    "lpr": (("=lpr", "=lprs", "l.p.r"), LPR),
}
