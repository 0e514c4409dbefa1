"""STATUS said through deportation, immigration cases, "illegal" and slurs.

Threats ("he'll call ICE", "te van a deportar") are the crime's facts and stay: only a
deportation that happened, a case that exists or a person called illegal is withheld.
"""

from __future__ import annotations

import re

from .grammar import (
    HOLDING,
    POSS,
    SER_ESTAR,
    STATUS,
    Rule,
    alt,
    any_of,
    followed_by,
    preceded_by,
    rx,
)

WHEN = (
    r"(?: (?:once|twice|before|already|last year|years ago|(?:back )?in (?:19|20)\d\d"
    r"|\w+ times|una vez|dos veces|\w+ veces|en (?:19|20)\d\d|hace \w+ (?:anos|meses)"
    r"|el ano pasado|antes|(?:to|a) \w+(?: in (?:19|20)\d\d)?))?"
)
# "he'll make sure I get deported" is a threat, not a disclosure.
THREAT = preceded_by(
    r"(?:will|'ll|gonna|going to|could|can|might|would|make sure|have (?:me|you|her|him)"
    r"|afraid|scared|worried|risk|threat\w*|if|want\w*|try\w*|para que|si) [\w' ]{0,12}$",
    40,
)
DEPORTATION = alt("deportation", "removal", r"d[ei]portacion", "expulsion", "remocion")

REMOVAL_RULES = [
    Rule(
        "was deported",
        STATUS,
        rx(
            r"(?:was|were|got|been|gotten|get|gets) d[ei]port(?:ed|d|ad[oa]s?)"
            + WHEN
            + r"|(?:they|ice|immigration) d[ei]ported (?:him|her|me|them|us|my \w+)"
            + WHEN
        ),
        THREAT,
        needs=("was", "were", "got", "been", "gotten", "get", "they", "ice", "immigration"),
    ),
    Rule(
        "lo deportaron",
        STATUS,
        rx(
            alt(
                r"(?:me|lo|la|los|las|nos|le|les|te) d[ei]portaron",
                r"(?:me|lo|la|los|las|nos|le|les) (?:habian|habia|han|ha|hayan|hubieran)"
                r" d[ei]portado",
                r"(?:fue|fui|fueron|fuimos|ha sido|han sido|he sido|sido) d[ei]portad[oa]s?",
            )
            + WHEN
        ),
        needs=("portaron", "portad"),
    ),
    Rule(
        "removal proceedings",
        STATUS,
        rx(
            r"(?:(?:" + HOLDING + r"|in|en|under|bajo) )?(?:(?:a|an|the|una|la|el|his|her|my"
            r"|their|mi|su) )?(?:(?:final|old|pending) )?"
            + alt(
                f"{DEPORTATION} (?:orders?|proceedings?|case|hearing|process)",
                f"(?:ordenes|orden|proceso|procesos|caso|juicio|audiencia|corte) (?:de|en)"
                f" {DEPORTATION}",
                r"orders? of (?:deportation|removal)",
            )
        ),
        needs=(
            "order",
            "proceeding",
            "case",
            "hearing",
            "process",
            "orden",
            "proceso",
            "caso",
            "juicio",
            "audiencia",
            "corte",
        ),
    ),
]

IMMIGRATION = r"(?:i[nm]{1,2}|i)?m?igra(?:tion|cion|sion)|uscis|ice"
CASE_EN = alt(
    "case", "hearing", r"court(?: date| hearing)?", "interview", "appointment", "lawyer",
    "attorney", "paperwork", "process", "petition", "application", r"check-? ?in", "date",
    "judge", "officer", "bond", "file", "biometrics", "appt",
)  # fmt: skip
CASE_ES = alt(
    "cita", "caso", "audiencia", "corte", "entrevista", r"abogad[oa]", "tramites?", "proceso",
    "juicio", "fecha", "expediente", r"juez[a]?", "reporte",
)  # fmt: skip
IMMIGRATION_CASE_RULES = [
    Rule(
        "my immigration case",
        STATUS,
        rx(
            f"(?:(?:{POSS}|(?:{HOLDING}) (?:an?|una?)) )(?:{IMMIGRATION}) {CASE_EN}" + r"(?: date)?"
        ),
        needs=(
            "case",
            "hearing",
            "court",
            "interview",
            "appointment",
            "lawyer",
            "attorney",
            "paperwork",
            "process",
            "petition",
            "application",
            "check",
            "date",
            "judge",
            "officer",
            "bond",
            "file",
            "biometric",
            "appt",
        ),
    ),
    Rule(
        "my check-in with ICE",
        STATUS,
        rx(
            f"(?:{POSS} )?(?:check-? ?in|appointment|cita|audiencia|hearing)"
            r" (?:with|con|at|en|ante) (?:la )?(?:ice|immigration|i[nm]migracion|migracion"
            r"|la migra|uscis)"
        ),
        needs=("check", "appointment", "cita", "audiencia", "hearing"),
    ),
    Rule(
        "held by ICE",
        STATUS,
        rx(
            alt(
                r"(?:in|en) (?:ice|immigration|inmigracion) (?:detention|custody|detencion)",
                r"(?:detained|arrested|picked up|taken|held) by (?:ice|immigration)",
                r"(?:ice|immigration) (?:detained|arrested|picked up|took) (?:him|her|me|them|us"
                r"|my \w+|his \w+|her \w+)",
                r"(?:detenid[oa]s?|arrestad[oa]s?|agarrad[oa]s?) (?:por|en) (?:ice|la migra|migra"
                r"|i[nm]migracion|migracion)",
                r"(?:la migra|inmigracion|ice) (?:se lo|se la|lo|la|los|me|nos)"
                r" (?:llevo|detuvo|agarro)",
                r"(?:se (?:lo|la|los|las|me|nos) |lo |la |los |las |me |nos |le |les )"
                r"(?:llevo|llevaron|detuvo|detuvieron|agarro|agarraron|levanto|levantaron"
                r"|arresto|arrestaron|deporto) (?:la migra|ice|inmigracion|migracion"
                r"|los de (?:la migra|inmigracion|migracion|ice))",
            )
        ),
        needs=(
            "detain",
            "arrest",
            "picked up",
            "taken",
            "held",
            "custody",
            "detention",
            "detenid",
            "arrestad",
            "agarrad",
            "llevo",
            "detuvo",
            "agarro",
            "agarraron",
            "llevaron",
            "detuvieron",
            "levant",
            "arrest",
            "took",
        ),
    ),
    Rule(
        "monitored by ICE",
        STATUS,
        rx(
            r"(?:ankle monitor|ankle bracelet|grillete(?: electronico)?|brazalete(?: electronico)?)"
            r" (?:from|by|de|del|de la) (?:ice|immigration|inmigracion|migracion|la migra)"
        ),
        needs=("monitor", "bracelet", "grillete", "brazalete"),
    ),
    Rule(
        "hearing in immigration court",
        STATUS,
        rx(
            f"(?:(?:{POSS}|(?:{HOLDING})(?: (?:an?|una?|la|el))?) )(?:{CASE_EN}|{CASE_ES}) "
            + alt(
                r"(?:in|at|before|with) (?:the )?immigration (?:court|office|judge)",
                r"(?:en|ante|con) (?:la |el )?(?:corte|oficina|juez|jueza) de (?:i[nm]migracion"
                r"|migracion)",
            )
            # "está en la corte de inmigración": someone in that court has a case there
            + f"|(?:{SER_ESTAR}|is|am|are|'s|'m|'re|was) "
            + r"(?:in (?:the )?immigration court|en (?:la )?corte de (?:i[nm]migracion|migracion))"
        ),
        needs=("court", "office", "judge", "corte", "oficina", "juez"),
    ),
    Rule(
        "mi cita de inmigracion",
        STATUS,
        rx(
            f"(?:(?:{POSS}|(?:{HOLDING})(?: (?:una?|la|el))?) ){CASE_ES}"
            r" (?:de|en|con|ante) (?:la )?(?:" + IMMIGRATION + r"|la migra)"
        ),
        needs=(
            "cita",
            "caso",
            "audiencia",
            "corte",
            "entrevista",
            "abogad",
            "tramite",
            "proceso",
            "juicio",
            "fecha",
            "expediente",
            "juez",
            "reporte",
        ),
    ),
]

# Words that, after "illegal", show it is said of an act or thing ("illegal dumping").
# After a person-"illegal" the next word is a pause, a conjunction or "here".
PERSON_NEXT = re.compile(
    r"\s*(?:[^\w\s]|$|(?:here|aqui|and|y|or|o|but|pero|so|now|too|since|because|pq|porque"
    r"|like|anyway|no|i|he|she|they|we|desde|como|ni|tambien|also|either|immigrants?"
    r"|aliens?|inmigrantes?|in this country|en este pais|segun|according|supposedly"
    r"|apparently|supuestamente|creo|dicen|i think|i guess)(?!\w))"
)
NEUTER = {
    "that", "it", "this", "which", "what", "eso", "esto", "lo", "que", "hace", "hacen",
    "hizo", "cosa", "totalmente", "muy", "completely", "totally", "very", "also", "tambien",
    "they're", "activity", "thing", "something", "algo",
}  # fmt: skip


# "la gente dice que es ilegal": a verb of saying or knowing before "que es".
SAYING = {
    "dice", "dicen", "dijo", "dijeron", "creo", "cree", "creen", "parece", "sabe", "saben",
    "se", "sabemos", "comentan", "cuentan", "contaron", "oi", "escuche",
}  # fmt: skip


def said_of_a_thing(text: str, start: int, end: int) -> bool:
    """'that's illegal', 'illegal fireworks': illegal said of an act or a thing."""
    if not PERSON_NEXT.match(text, end):
        return True
    before = re.findall(r"[\w']+", text[max(0, start - 30) : start])
    if not before:
        return False
    copula = before[-1] in {"is", "es", "was", "'s", "are"}
    subject = before[-2] if copula and len(before) > 1 else ""
    if subject == "que" and len(before) > 2 and before[-3] in SAYING:
        return False  # "dicen que es ilegal": reported of someone, not of an act
    head = before[-1].split("'")[0]
    return subject in NEUTER or head in NEUTER


WRITTEN = preceded_by(r"writ|wrote|paint|spray|graffiti|sign|letrero|escrib|pint|tag", 50)
ILLEGAL = r"il+egal"
ILLEGAL_RULES = [
    Rule(
        "is illegal",
        STATUS,
        rx(
            r"(?:i'm|i am|im|he's|she's|they're|we're|you're|ur|u r|is|are|am|was|were|be|being"
            r"|been|estoy|esta|estan|estamos|estas|soy|es|son|somos|eres|era|eran|estaba"
            r"|estaban|andan|ando|anda|vive|vivo|viven|sea|ser|estar)(?: not| no)? "
            f"(?P<s>(?:an? )?{ILLEGAL}(?:es|s)?(?: (?:here|aqui))?)"
        ),
        said_of_a_thing,
    ),
    Rule(
        "illegal immigrant",
        STATUS,
        rx(
            f"(?:{ILLEGAL}|undocumented) (?:immigrants?|aliens?|migrants?|workers?|people|person"
            r"|man|woman|guy|guys|kids?|family|families)"
            f"|(?:inmigrantes?|trabajador[ae]?s?|personas?) (?:{ILLEGAL}(?:es)?|indocumentad[oa]s?)"
        ),
        WRITTEN,
        needs=(
            "immigrant",
            "alien",
            "migrant",
            "worker",
            "people",
            "person",
            "man",
            "woman",
            "guy",
            "kid",
            "famil",
            "inmigrante",
            "trabajador",
            "persona",
        ),
    ),
    Rule(
        "an illegal",
        STATUS,
        rx(
            r"(?:an|the|those|these|you|dirty|fucking|stupid|bunch of|los|las|unos|esos|pinches?)"
            f" {ILLEGAL}(?:s|es)?"
        ),
        any_of(said_of_a_thing, WRITTEN),
    ),
    Rule(
        "here illegally",
        STATUS,
        rx(
            alt(
                r"(?:here|aqui|in this country|en este pais|in the (?:us|u\.s\.|country|states))"
                f" {ILLEGAL}(?:ly|mente)?",
                f"{ILLEGAL}(?:ly|mente) (?:here|aqui|in this country|en este pais"
                r"|in the (?:us|country))",
                r"(?:entered|crossed|came|come|living|lives|live|staying|stays|working|works"
                r"|entro|entre|entraron|cruzo|cruce|cruzaron|vive|vivo|viven|vivimos|esta|estoy"
                r"|estan|estamos) (?:in |into |over |the border |la frontera |al pais |here "
                r"|the country "
                r"|this country |the us |el pais |a este pais |a (?:los )?estados unidos "
                f" |aqui )?{ILLEGAL}(?:ly|mente)",
                r"(?:not|isn't|aren't|no (?:esta|estoy|estan|estamos)) (?:here )?legal(?:ly|mente)?"
                r" (?:here|aqui|en este pais|in this country)",
            )
        ),
    ),
]

SLUR_LEAD = alt(
    "soy", "es", "eres", "son", "somos", "era", "eran", "fue", "un", "una", "unos", "unas",
    "los", "las", r"pinches?", r"viej[oa]s?", r"pur[oa]s?", r"es[oa]s?", "ese", "de", r"otr[oa]s?",
    "bola de", "como", r"est[oa]s?", "este", r"maldit[oa]s?", "llama", "you", "like",
    # Said to someone: "le gritaron mojado", "called him mojado".
    r"gritar\w*", r"grit[oó]", r"dij\w+", r"dec[ií]\w+", r"llam\w+", r"insult\w+", "called",
    "yelled", "calls", "call", "dicen",
)  # fmt: skip
SLUR_RULES = [
    Rule("wetback", STATUS, rx(r"wet ?backs?")),
    Rule(
        "mojado",
        STATUS,
        re.compile(
            r"(?:(?<!\w)" + SLUR_LEAD.replace(" ", r"\s+") + r"\s*,?\s+|[\"'“”«,]\s*|^)"
            r"(?P<s>mojad[oa]s?)(?!\w)"
        ),
        followed_by(r"por|con|de (?:la|el|agua|lluvia)"),
    ),
]


FAMILIES: dict[str, tuple[tuple[str, ...], list[Rule]]] = {
    "removal": (("deport", "diport", "removal", "remocion", "expulsion"), REMOVAL_RULES),
    "immigration": (("migra", "uscis", "=ice"), IMMIGRATION_CASE_RULES),
    "illegal": (("legal",), ILLEGAL_RULES),
    "slur": (("wetback", "=wet", "mojad"), SLUR_RULES),
}  # fmt: skip
