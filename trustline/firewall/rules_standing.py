"""STATUS said through programs, residence, citizenship, removal and immigration cases."""

from __future__ import annotations

from .grammar import (
    CONTRAST,
    EXPIRED,
    HOLDING,
    NOT_TENER,
    POSS,
    SER_ESTAR,
    STATUS,
    TENER,
    Rule,
    alt,
    any_of,
    bare_and_followed_by,
    followed_by,
    preceded_by,
    rx,
)

# Verbs that put a person in a program: "has TPS", "estoy con el DACA", "applied for".
IN_PROGRAM = (
    r"(?:(?:(?:estoy|esta|estan|estamos|es|son|soy|somos|is|am|are|'m|'s|'re|was|were) )?"
    + alt(
        "con", "de", "on", "with", "under", "in", HOLDING, "renewed", "renew", "renewing",
        "renovar",
        r"appl(?:y|ied|ying) for", "got", "lost", "perdio", "perdi", "qualified for",
    )
    + r" )?"
)  # fmt: skip
PROGRAM_MORE = alt(
    "kids?", "recipients?", "status", "renewal", "application", "case", "card", "holders?",
    "students?", r"papers?", "permit", "approval", "beneficiar(?:y|ies)", "expired",
)  # fmt: skip

# "centro de ayuda para refugiados", "a shelter for refugees": whom a place serves.
SERVICE_FOR = preceded_by(
    r"(?:centers?|centros?|shelters?|albergues?|refugios?|camps?|campos?|campamentos?|casas?"
    r"|offices?|oficinas?|programs?|programas?|agenc\w+|ayuda|apoyo|help|aid|services?"
    r"|servicios?|organi[sz]a\w+|clinics?|clinicas?|ministr\w+)(?: \w+){0,2}"
    r" (?:for|of|de|para|a) (?:los |las |the )?$",
    50,
)

PROGRAM_RULES = [
    Rule(
        "DACA or TPS",
        STATUS,
        rx(
            IN_PROGRAM
            + f"(?:(?:el|la|{POSS}) )?"
            + alt(
                "daca",
                "tps",
                "temporary protected status",
                "estatus de proteccion temporal",
                r"dacamentad[oa]s?",
                "dacamented",
            )
            + f"(?: {PROGRAM_MORE})?(?: (?:is |has |was |already )*{EXPIRED})?"
        ),
    ),
    Rule(
        "dreamer",
        STATUS,
        rx(r"(?:(?:am|'m|is|are|'re|soy|es|somos|son) (?:a |an |un |una )?)dreamers?"),
    ),
    Rule(
        "humanitarian parole",
        STATUS,
        rx(
            alt(
                r"(?:humanitarian|immigration|advance|advanced|chnv|cuban|venezuelan|haitian"
                r"|nicaraguan|ukrainian|afghan|u4u) parole",
                r"parole (?:humanitari[oa]|in place)",
                r"paroled (?:in|into)",
                r"parole (?:from|through|by|de|por)"
                r" (?:cbp|ice|dhs|uscis|immigration|border patrol)",
                r"(?:cbp|ice|dhs|uscis) parole",
                r"permiso humanitario",
            )
        ),
    ),
    Rule(
        "asylum",
        STATUS,
        rx(
            r"(?:(?:applied|apply|applying|applies|filed|file|filing|seeking|seek|seeks|sought"
            r"|asked|asking|requested|request|requesting|granted|got|gets|get|has|have|had|won"
            r"|received|claimed|claiming|pending|denied|given) (?:for )?(?:political )?)?"
            f"(?:{POSS} )?"
            r"(?:asyl(?:um|em|lum|im)|asylee)s?"
            r"(?: (?:case|cases|application|applications|hearing|interview|claim|claims|seekers?"
            r"|petition|officer|status|process|court|date|paperwork|request))?"
        ),
        any_of(
            preceded_by(r"(?:insane|lunatic|mental|old) $", 12),
            followed_by(r"street|st|road|rd|avenue|ave|hill"),
        ),
    ),
    Rule(
        "asilo",
        STATUS,
        rx(
            alt(
                r"(?:solicit\w*|ped\w*|pid\w*|obtuv\w*|gan\w*|aplic\w*|otorg\w*|negaron|nego"
                r"|concedieron|esperando|"
                + NOT_TENER
                + "|"
                + TENER
                + r"|(?:le|me|nos|les) (?:dieron|dio|negaron|otorgaron)) (?:el |por |de )?asilo",
                f"(?:{POSS} )?(?:caso|audiencia|solicitud|peticion|entrevista|corte|proceso|tramite"
                r"|cita|solicitantes?|aplicacion|juicio|papeles|documentos) (?:de|del|por) asilo",
                r"asilad[oa]s?",
            )
            + r"(?: (?:politico|pendiente))?"
        ),
        any_of(
            followed_by(r"de ancianos|para ancianos|de la tercera edad|de adultos"), SERVICE_FOR
        ),
    ),
    Rule(
        "refugee",
        STATUS,
        rx(
            r"(?:(?:came|come|arrived|entered|resettled|admitted) (?:here |to the us |to \w+ )?"
            r"as (?:a |an )?)?refugees?"
            r"(?: (?:status|travel document|document|card|case|application|visa))?"
        ),
        any_of(
            followed_by(
                r"centers?|camps?|resettlement|services|agency|office|clinic|organization|program"
                r"|ministry|committee|council|support|rights|network|coalition|association"
            ),
            SERVICE_FOR,
        ),
    ),
    Rule(
        "refugiado",
        STATUS,
        rx(f"(?:{SER_ESTAR} (?:(?:un|una) )?)?" + r"(?:refugiad[oa]s?|asilad[oa]s?)"),
        any_of(
            followed_by(r"en|bajo|dentro|detras|con|de la lluvia|del frio|ahi|alli|aqui"),
            SERVICE_FOR,
        ),
    ),
]

RESIDENCIA_LEAD = alt(
    NOT_TENER, TENER, "has", "have", "had", "got", "get", "getting", "esperando", "espera",
    "esperar", "tramitando", "tramitar", "tramite",
    "tramito", "sacando", "sacar", "saco", "saque", "solicitando", "solicito", "solicitar",
    "pidiendo", "pidio", "pedir", "arreglando", "arreglar", "obtuve", "obtuvo", "obtener",
    "consegui", "consiguio", "conseguir", r"(?:me|le|les|nos) (?:dieron|dio|negaron|aprobaron)",
    "perder", "perdio", "perdi", "renovar", "renovando", "proceso de", "en proceso de",
    "peticion de", "solicitud de", "carta de", "tramite de", "caso de", "cita de",
    "entrevista de", "examen de", "papeles de",
)  # fmt: skip
RESIDENCY_LEAD = alt(
    "in the process of getting", "in the process of", r"waiting (?:for|on)", "applying for",
    "applied for", "apply for", "getting", "get", "got", "gets", "lost", "losing", "renew",
    "renewing", "has", "have", "had", "obtained", "received", "granted",
)  # fmt: skip
RESIDENCE_RULES = [
    Rule(
        "permanent resident",
        STATUS,
        rx(
            alt(
                r"(?:(?:lawful|legal|conditional) )?perma\w{0,3}nt residents?",
                r"(?:lawful|legal) residents?",
                r"residentes? (?:perma\w{0,4}tes?|legal(?:es)?|temporal(?:es)?|condicional(?:es)?)",
                r"permanent residen(?:ce|cy)",
                r"residen(?:ce|cy) (?:permit|status|application|papers|interview|petition)",
            )
        ),
        followed_by(r"of|de la ciudad|del condado|del edificio"),
        needs=(
            "perma",
            "lawful",
            "legal",
            "temporal",
            "condicional",
            "permit",
            "status",
            "application",
            "papers",
            "interview",
            "petition",
        ),
    ),
    Rule(
        "residency",
        STATUS,
        rx(f"(?:{RESIDENCY_LEAD} )?(?:{POSS} )?residency"),
        any_of(
            preceded_by(r"medical |surgical |artist |pediatric |hospital ", 12),
            followed_by(r"program|at|in (?:surgery|medicine|pediatrics)"),
        ),
        needs=("residency",),
    ),
    Rule(
        "residencia",
        STATUS,
        rx(
            f"{RESIDENCIA_LEAD} (?:(?:la|{POSS}) )?re[sc]iden[cs]ia"
            r"(?: (?:permanente|legal|americana|condicional|temporal))?"
        ),
        followed_by(r"de (?:la|el|los|mis|sus|mi|su)|del|ubicada|en la|en el|donde"),
        needs=("iden",),
    ),
]

CITIZEN = r"c?[cs]it[iey]?[sz]ens?"
QUALIFIED = alt(
    r"u\.? ?s\.?", "us", "american", "united states", r"naturali[sz]ed", "dual", "legal"
)
CITIZEN_ES = r"[cs]iuda?dan[oa]s?"
CITIZEN_ES_MORE = (
    r"(?: (?:americano|americana|americanos|americanas|estadounidenses?|naturalizad[oa]s?"
    r"|de (?:los )?(?:estados unidos|ee\.? ?uu\.?|eeuu|usa|este pais)))?"
)
CITIZEN_RULES = [
    Rule(
        "is a citizen",
        STATUS,
        rx(
            r"(?:(?:is|am|are|'m|'re|'s|was|were|be|been|became|become|becomes|becoming|isn't"
            r"|aren't|wasn't|ain't|never|not)(?: not| never| even| also)* )+"
            f"(?:a |an )?(?:{QUALIFIED}[ -])*{CITIZEN}(?!'s|s')" + CONTRAST
        ),
        # "a citizen of this neighborhood"; a citizen of another country is nationality.
        followed_by(r"of(?! (?:the )?(?:u\.? ?s|united states|this country|america)\b)"),
    ),
    Rule(
        "us citizen",
        STATUS,
        rx(f"(?:{QUALIFIED}[ -])+{CITIZEN}(?!'s|s')|non-?{CITIZEN}"),
        needs=("us", "u.", "american", "united", "natural", "dual", "legal", "non"),
    ),
    Rule(
        "citizenship",
        STATUS,
        rx(
            r"(?:(?:got|get|getting|gets|has|have|had|received|obtained|applied for|applying for"
            r"|apply for|took|passed|lost|revoked|waiting for|granted|my|his|her|their|our|your"
            r"|us|u\.s\.|american|dual) )*"
            r"c?[cs]it[iey]?[sz]en?ship"
            r"(?: (?:application|interview|test|exam|ceremony|oath|papers|certificate|case"
            r"|process|status|petition|hearing))?"
        ),
        any_of(
            preceded_by(r"(?:good|digital|corporate) $", 12),
            bare_and_followed_by(
                r"c?[cs]it", r"class(?:es)?|workshops?|fairs?|drives?|clinics?|events?|courses?"
            ),
        ),
        needs=("ship",),
    ),
    Rule(
        "naturalization",
        STATUS,
        rx(
            f"(?:{POSS} )?(?:naturali[sz](?:ation|ed)|naturalizacion|naturalizad[oa]s?)"
            r"(?: (?:certificate|interview|application|ceremony|papers|case|oath|test|process))?"
        ),
        any_of(
            preceded_by(r"immigration and $", 16),
            followed_by(r"law|service|services|center|office|clinic|attorney"),
        ),
    ),
    Rule(
        "es ciudadano",
        STATUS,
        rx(
            r"(?:(?:es|soy|somos|son|eres|era|eran|fue|fui|sea|sean|se hizo|me hice|se hicieron"
            r"|nos hicimos|hacerse|hacerme)(?: tambien)? )(?:un |una )?"
            + CITIZEN_ES
            + CITIZEN_ES_MORE
            + CONTRAST
        ),
        followed_by(
            r"ejemplar|modelo|respetable|honrad[oa]|honest[oa]|trabajador[a]?|de bien|comun"
            r"|normal|preocupad[oa]|cualquiera|responsable|que|de la tercera edad|mayor|de edad"
            r"|jubilad[oa]|retirad[oa]"
        ),
    ),
    Rule(
        "ciudadano americano",
        STATUS,
        rx(
            CITIZEN_ES
            + r" (?:americano|americana|americanos|americanas|estadounidenses?|naturalizad[oa]s?"
            r"|de (?:los )?(?:estados unidos|ee\.? ?uu\.?|eeuu|usa))"
        ),
    ),
    Rule(
        "ciudadania",
        STATUS,
        rx(r"(?:(?:la|su|mi|tu|sus) )?[cs]iuda?dania(?: (?:americana|estadounidense))?"),
    ),
]


FAMILIES: dict[str, tuple[tuple[str, ...], list[Rule]]] = {
    "daca": (("daca", "tps", "protected", "proteccion", "dreamer"), PROGRAM_RULES[:2]),
    "parole": (("parole", "humanitari"), PROGRAM_RULES[2:3]),
    "asylum": (("asyl",), PROGRAM_RULES[3:4]),
    "asilo": (("asil",), PROGRAM_RULES[4:5]),
    "refugee": (("refugee",), PROGRAM_RULES[5:6]),
    "refugiado": (("refugiad", "asilad"), PROGRAM_RULES[6:7]),
    "residence": (("residen", "reciden"), RESIDENCE_RULES),
    "citizen": (("itizen", "itzen", "itisen", "itezen", "ityzen"), CITIZEN_RULES[:3]),
    "naturalized": (("natural",), CITIZEN_RULES[3:4]),
    "ciudadano": (("iudadan", "iudan"), CITIZEN_RULES[4:]),
}
