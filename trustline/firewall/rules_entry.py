"""STATUS said through how someone entered or stays: no visa, a visit that became a stay,
entry without inspection, jumping the border, coming with a smuggler, having no social
security number, "no soy legal", and the officers' abbreviation LPR."""

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

# Jumping the border is the entry itself; crossing it is travel unless the way is said.
ENTRY_WITHOUT_PAPERS = alt(
    "illegally", "without papers", "without documents", "undocumented", "ilegalmente",
    "sin papeles", "sin documentos", "de mojados?", "a escondidas",
)  # fmt: skip
BORDER_RULES = [
    Rule(
        "jumped the border",
        STATUS,
        rx(
            alt(
                r"(?:jump\w*|hopp\w*|hop|snuck|sneak\w*) (?:across |over )?the border",
                r"(?:se )?(?:brinc\w+|salt\w+) (?:la )?frontera",
            )
        ),
    ),
    Rule(
        "crossed the border without papers",
        STATUS,
        rx(
            r"(?:cross\w*|came|come|entered|cruz\w+|pas\w+|entr\w+) (?:over )?"
            r"(?:the border|la frontera)(?: (?:por el rio|por el desierto|through the desert))?"
            f" {ENTRY_WITHOUT_PAPERS}"
        ),
    ),
]

CAME = alt(
    "vine", "vino", "vinimos", "vinieron", "cruce", "cruzo", "cruzamos", "cruzaron", "pase",
    "paso", "pasamos", "pasaron", "entre", "entro", "entramos", "entraron", "llegue", "llego",
    "llegamos", "llegaron", r"(?:me|nos|lo|la|los|las) (?:trajo|trajeron|paso|pasaron|cruzo)",
    "came", "crossed", "entered", "got here", "was brought", "were brought",
)  # fmt: skip
SMUGGLER_RULES = [
    Rule(
        "came with a smuggler",
        STATUS,
        rx(
            CAME + r" (?:(?:over|in|here|aqui|aca|para aca|a este pais|a estados unidos"
            r"|to this country|to the us) )?(?:con|with) (?:un |una |el |la |los |a |the )?"
            r"(?:coyotes?|polleros?|smugglers?)"
        ),
    ),
    # Paying one to be brought over is the entry. A debt to a smuggler, or threats from
    # one, is the crime being reported (extortion, trafficking) and stays.
    Rule(
        "paid a smuggler to cross",
        STATUS,
        rx(
            r"(?:(?:le )?(?:pague|pago|pagamos|pagaron) (?:a |al )?(?:un |el |los )?"
            r"(?:coyotes?|polleros?) (?:para|pa) (?:cruzar|pasar|venir|entrar|llegar|que nos"
            r" (?:cruzara|pasara|trajera))"
            r"|paid (?:a |the )?(?:coyotes?|smugglers?) to (?:cross|bring|get|take|smuggle))"
        ),
    ),
]

SSN_RULES = [
    Rule(
        "has no social security number",
        STATUS,
        rx(
            alt(
                r"(?:no|sin) (?:(?:tengo|tiene|tenemos|tienen|tenia|tenian|cuento con"
                r"|cuenta con) )?(?:(?:un|el|mi|su) )?(?:numero (?:de )?)?seguro social",
                r"(?:(?:don't|doesn't|didn't|do not|does not|did not|never) (?:have|had)"
                r"|(?:has|have|had) no|without) (?:a |an |any )?"
                r"(?:social security(?: number| card)?|ssn)",
            )
        ),
    ),
]

FAMILIES: dict[str, tuple[tuple[str, ...], list[Rule]]] = {
    "lacks a visa": (("visa", "bisa"), LACKS_VISA),
    "visit": (("turist", "tourist", "visit", "paseo", "vacacion", "vacation"), VISIT_RULES[:1]),
    "inspection": (
        ("inspect", "inspecc", "admission", "admitted", "admision", "=ewi"),
        VISIT_RULES[1:],
    ),
    "not legal": (("legal",), NOT_LEGAL),
    "lpr": (("=lpr", "=lprs", "l.p.r"), LPR),
    "border": (("frontera", "border"), BORDER_RULES),
    "smuggler": (("coyote", "pollero", "smuggler"), SMUGGLER_RULES),
    "no ssn": (("social", "=ssn"), SSN_RULES),
}
