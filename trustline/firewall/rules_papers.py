"""STATUS said through papers, documents, status words, visas and permits.

Each family is (trigger stems, rules). The engine runs a family's rules only when one
of its stems occurs in the text, which keeps the common case cheap.
"""

from __future__ import annotations

from .grammar import (
    CONTRAST,
    DET,
    EXPIRED,
    HOLDING,
    NOT_HAVE_EN,
    NOT_TENER,
    POSS,
    STATUS,
    TENER,
    VENCER,
    Rule,
    alt,
    any_of,
    followed_by,
    inside_phrase,
    preceded_by,
    rx,
    vetoed,
)

PAPERS = alt(r"pap[ea]rs", r"paperz", r"pap[ea]l[ea]?s", r"documents", r"documentos")
# "papers from the court", "los papeles del carro": papers of something else.
PAPERS_OF_SOMETHING = followed_by(
    r"from|of|about|del|de|(?:for|to|para) (?:the|a|my|his|her|la|el|su|mi|los|las)"
    r"|were|was|are|is|estaban|estan|said|says|dicen|decian|signed|firmad\w+|that|que"
    r"|\w+ing|to prove|para (?:probar|demostrar)|with (?:me|him|her|them|us)"
    r"|on (?:me|him|her|them)|conmigo|encima|ahi|there"
)
LEGAL_ADJ = alt("any", "legal", "proper", "immigration", "valid", "legales", "migratorios")

PAPERS_RULES = [
    Rule(
        "lacks papers",
        STATUS,
        rx(
            r"(?:(?:crossed|came|come|entered|arrived|living|lives|live|working|works|work|here"
            r"|vive|viven|vivo|vivimos|llego|llegue|llegaron|llegamos|entro|entre|entraron|cruzo"
            r"|cruce|cruzaron|cruzamos|vino|vine|vinieron|vinimos|paso|pasaron|trabaja|trabajan"
            r"|trabajo|esta|estan|estoy|estamos|son|somos|es|soy) )?"
            + alt(NOT_HAVE_EN, NOT_TENER, "w/o", "sin")
            + f" (?:{LEGAL_ADJ} )?(?:(?:los|sus|mis|his|her|their|my) )?{PAPERS}"
            + r"(?: (?:en regla|legales|in order))?"
        ),
        PAPERS_OF_SOMETHING,
    ),
    Rule(
        "holds papers",
        STATUS,
        rx(
            alt("has", "have", "got", "gets", TENER, "ya " + TENER)
            + r" (?:(?:his|her|their|my|our|sus|mis) )?(?:papers|pap[ea]l[ea]?s)"
            + r"(?: (?:now|already|ya|en regla|in order|arreglados|fixed))?"
            + CONTRAST
        ),
        PAPERS_OF_SOMETHING,
    ),
    Rule(
        "fixing papers",
        STATUS,
        rx(
            r"(?:(?:never|nunca|no|ni|tampoco|todavia no|aun no|still (?:haven't|hasn't)"
            r"|(?:did|have|has|had|could|can)(?:n'?t| not)) (?:\w+ )?)?"
            r"(?:arregl\w*|fix\w*|sac\w*|tramit\w*|consegu\w*|consigu\w*|obten\w*|obtuv\w*)"
            r" (?:(?:sus|mis|los|tus|their|his|her|my|the) )?(?:papers|pap[ea]l[ea]?s)"
        ),
        PAPERS_OF_SOMETHING,
        needs=("arregl", "fix", "sac", "tramit", "consegu", "consigu", "obten", "obtuv"),
    ),
    Rule(
        "papers in order",
        STATUS,
        rx(
            f"(?:{POSS} )?(?:papers|pap[ea]l[ea]?s) (?:(?:are|is|estan|esta|andan) )?"
            r"(?:en regla|in order|in process|pending|being processed|en tramite|en proceso)"
        ),
        needs=("regla", "order", "process", "pending", "tramite", "proceso"),
    ),
    Rule(
        "immigration papers",
        STATUS,
        rx(f"(?:{POSS} )?(?:immigration|inmigracion|migratorios) (?:papers|paperwork|documents)"),
        needs=("migra",),
    ),
    Rule(
        "undocumented",
        STATUS,
        rx(r"(?:un|in) ?d?ocu?m[ea]?n?[ea]?t(?:ed|d|ad[oa]s?|d[oa]s?)"),
        followed_by(
            r"cash|payments?|income|expenses?|overtime|hours|injur\w+|damages?|transactions?"
            r"|funds|wages|sales|evidence|changes|complaints?|incidents?|calls?|visits?|work"
            r"|time|pay|losses|repairs?"
        ),
    ),
]

STATUS_WORD = alt("status", "estatus", r"estado legal", r"estatus legal")
STATUS_RULES = [
    Rule(
        "lacks status",
        STATUS,
        rx(
            alt(NOT_HAVE_EN, NOT_TENER, "out of", r"(?:lost|losing|lose|perdio|perdi|perder) \w+")
            + f" (?:(?:any|legal|immigration|lawful|su|mi|his|her|my|their) )*{STATUS_WORD}"
            + r"(?: (?:legal|migratorio|migratoria|here|aqui))?"
        ),
        followed_by(r"of|on|update|updates|report|de|del|check"),
    ),
    Rule(
        "immigration status",
        STATUS,
        rx(
            f"(?:{POSS} )?"
            + alt(
                r"(?:immigration|legal|lawful|migratory|citizenship|residency) status",
                r"(?:estatus|situacion|estado|status) (?:migratori[oa]|legal|de inmigracion"
                r"|inmigratori[oa])",
            )
        ),
        any_of(
            preceded_by(r"ask|inquir|regardless|irrespective|pregunt|independientemente", 30),
            followed_by(r"of (?:the|this|my|his|her) (?:case|car|vehicle|report)"),
        ),
    ),
]

VISA = r"[bv]isas?"
VISA_KIND = alt(
    "students?", "student's", "tourist", "turist", "tourism", "work", "worker", "working",
    "travel", "visitors?", "fianc[eé]{1,2}", "spous(?:e|al)", "marriage", "investor", "family",
    "humanitarian", "immigrant", "non-?immigrant", "temporary", "employment", "exchange",
    "religious", "business", "expired", "valid", "diversity", "lottery", "sponsored",
    r"[fjmklore]-?1", r"h-?1-?b", r"h-?2-?[ab]", r"b-?[12]", r"b-?1/b-?2", "e-?2", "tn", "u", "t",
    "r-?1", "p-?1",
)  # fmt: skip
VISA_KIND_ES = alt(
    "turista", "turismo", "estudiantes?", "trabajo", "trabajador[a]?", "paseo", "visitante",
    r"prometid[oa]", r"novi[oa]", "espos[oa]", "inversionista", "intercambio", "residente",
    "negocios", "humanitaria", "ven[cs]idas?", "expiradas?", "caducadas?", "temporal",
    r"h-?2-?[ab]", r"h-?1-?b", r"[ufjkt]-?1", "u", "t", r"b-?[12]",
)  # fmt: skip
VISA_MORE = alt(
    "application", "applications", "petition", "case", "interview", "holder", "holders",
    "status", r"approval(?: notice)?", "paperwork", "sponsor", "extension", "renewal",
    "appointment", "program", "workers?",
)  # fmt: skip
# What ended the visa: "...y ya se les vencieron", "...and never left".
VISA_END = (
    r"(?: (?:y|and) (?:ya )?(?:se (?:le |les |me |nos )?)?"
    r"(?:vencieron|vencio|acabo|acabaron|expired|expire|never left|overstayed|stayed"
    r"|se quedaron|se quedo|me quede|nos quedamos|nunca se fue|nunca regreso|never went back))?"
)
VISA_LEAD_EN = (
    r"(?:(?:(?:is|am|are|was|were|came|come|comes|entered|arrived|living|staying|got|has|have"
    r"|had|holds?|held) )?(?:here )?(?:on|with|under) |(?:has|have|had|got|holds?|held) )?"
    r"(?:(?:a|an|the|his|her|my|their|our|your|expired|valid) )?"
)
VISA_LEAD_ES = (
    r"(?:(?:vino|vine|vinieron|vinimos|llego|llegue|llegaron|llegamos|entro|entre|entraron"
    r"|estoy|esta|estan|estamos|anda|ando|(?:se|me|nos|te|les?) qued\w+|" + TENER + r") )?"
    r"(?:(?:con|en) )?"
    r"(?:(?:una|la|su|mi|sus|mis|tu) )?"
)
VISA_EXPIRY = alt(
    "expired", "expires", "expire", "expiring", "ran out", "run out", "runs out",
    "running out", r"cancel+ed", "revoked", "denied", "rejected", "lapsed", "terminated",
    "is up", "was up",
)  # fmt: skip
VISA_EXPIRY_ES = alt(
    r"[bv]en[cs]id[oa]s?", r"expirad[oa]s?", r"caducad[oa]s?",
    r"se (?:le |me |les |nos )?[bv]en[cs]io", r"se [bv]en[cs]e", r"[bv]en[cs]e", r"[bv]en[cs]io",
    "se acabo", "acabo", "termino",
)  # fmt: skip

VISA_RULES = [
    Rule(
        "visa of a kind",
        STATUS,
        rx(
            VISA_LEAD_EN
            + f"{VISA_KIND} {VISA}(?: {VISA_MORE})?(?: (?:pending|approved|denied))?"
            + VISA_END,
        ),
    ),
    Rule(
        "visa de un tipo",
        STATUS,
        rx(VISA_LEAD_ES + f"{VISA} (?:de |para )?{VISA_KIND_ES}" + VISA_END),
    ),
    Rule(
        "visa expired",
        STATUS,
        rx(
            f"(?:{POSS}|a|an|\\w+'s|\\w+s') (?:\\w+ )?{VISA} "
            r"(?:(?:is|was|has|had|will|would|could|got|just"
            r"|already|is about to|are|were|have|be|been|going to|gonna) )*" + VISA_EXPIRY
        ),
        needs=(
            "expir",
            "ran out",
            "run out",
            "runs out",
            "running out",
            "cancel",
            "revok",
            "denied",
            "reject",
            "laps",
            "termin",
            "is up",
            "was up",
        ),
    ),
    Rule(
        "se le vencio la visa",
        STATUS,
        rx(VENCER + f" (?:(?:la|su|mi|sus|las|mis) )?{VISA}"),
        needs=("venc", "vens", "benc", "bens", "acab", "termin", "expir", "caduc"),
    ),
    Rule(
        "la visa vencida",
        STATUS,
        rx(
            f"(?:(?:la|su|mi|sus|las|mis) )?{VISA} (?:ya )?"
            r"(?:(?:esta|estaba|estan|estaban|es|era) )?(?:ya )?" + VISA_EXPIRY_ES
        ),
        needs=("venc", "vens", "benc", "bens", "expir", "caduc", "acab", "termin"),
    ),
    Rule(
        "overstayed",
        STATUS,
        rx(r"over[- ]?stay(?:ed|ing|s)?(?: (?:his|her|my|their|our|the|a) (?:\w+ )?visas?)?"),
    ),
    Rule(
        "stayed past the visa",
        STATUS,
        rx(
            r"(?:stay(?:ed|ing)?|remained) (?:here )?(?:after|past|beyond) "
            f"(?:{POSS} )?{VISA}(?: (?:expired|ran out))?"
        ),
        needs=("stay", "remain"),
    ),
    Rule(
        "se quedo despues de la visa",
        STATUS,
        rx(
            r"(?:me|se|nos|te|les?) qued\w* (?:aqui |aca )?(?:despues|mas tiempo|de mas|sin visa"
            r"|con (?:la )?visa)[^.;!?]{0,45}?visas?(?: vencidas?)?"
        ),
        needs=("qued",),
    ),
]

GREEN_CARD = r"gr[eia]{1,2}n(?:-|\s*)[ck]ards?"
CARD_ADJ = alt(
    "fake", "real", "new", "valid", "expired", "conditional", "permanent", "temporary", "falsa",
    "nueva", "vencida", "pending", "approved", "denied", "renewed", "stolen", "lost", "old",
    "robada", "perdida", "pendiente",
)  # fmt: skip
CARD_MORE = alt(
    "holders?", "interview", "petition", "application", "renewal", "process", "case",
    "appointment", "status", "lottery",
)  # fmt: skip
LEAD = alt(
    HOLDING, "applied for", "apply for", "applying for", r"waiting (?:for|on)", "sacar",
    "saco", "saque", "tramitando", "esperando", "renew", "renewing", "renovar",
)  # fmt: skip

# "se le venció el permiso de trabajo", "my work permit ran out", "tiene mica y él no".
CARD_END = f"(?: (?:{CARD_MORE}))?(?: (?:is |has |had |was |just |already )*{EXPIRED})?{CONTRAST}"
CARD_LEAD = f"(?:(?:{LEAD}|{VENCER}) )?(?:{DET} )?(?:{CARD_ADJ} )?"
# "green card wallet": the card is a thing's colour or kind, not a status.
CARD_AS_THING = followed_by(r"wallets?|tables?|stock|games?|decks?|envelopes?|readers?|slots?")

CARD_RULES = [
    Rule(
        "green card",
        STATUS,
        rx(
            CARD_LEAD
            + alt(
                GREEN_CARD,
                "tarjeta verde",
                r"tarjeta (?:de )?re[sc]iden(?:te|cia)s?",
                r"(?:permanent )?resident card",
                r"residen(?:cy|ce) card",
            )
            + CARD_END
        ),
        CARD_AS_THING,
        needs=("card", "kard", "verde", "residen", "reciden"),
    ),
    Rule(
        "mica",
        STATUS,
        rx(f"(?:(?:{LEAD}) (?:(?:la|una|{POSS}) )?|{POSS} )mica" + CARD_END),
        # "la mica del celular" is a phone's screen protector.
        any_of(
            followed_by(r"del|de|para|protectora|de vidrio|de cristal|rota|quebrada|estrellada"),
            preceded_by(r"cel\w*|telefono|phone|pantalla|tablet|lentes|anteojos", 30),
        ),
    ),
    Rule(
        "work permit",
        STATUS,
        rx(
            CARD_LEAD
            + alt(
                r"(?:work(?:ing)?|employment) (?:permit|authori[sz]ation)s?",
                r"(?:tarjeta (?:de )?)?(?:permiso|autorizacion) (?:de|para)"
                r" (?:trabajo|trabajar|empleo)",
                r"permiso de trabajo",
                r"ead",
            )
            + r"(?: (?:card|cards|document|application|renewal|tarjeta))?"
            + CARD_END
        ),
    ),
]

# Look-alikes that share a rule's own words. Visa the card brand: "my Visa debit card",
# "tarjeta de débito Visa", "Visa y Mastercard".
VISA_CARD = inside_phrase(
    rx(r"visa(?: \w+)? (?:cards?|debit|credit|gift|prepaid|check ?card|signature|rewards)"),
    rx(r"visa (?:and|or|y|o|&) (?:master ?card|amex|american express|discover)"),
    rx(r"(?:master ?card|amex|discover) (?:and|or|y|o|&) visa"),
    rx(
        r"(?:tarjetas?|debit|credit|gift|prepaid|capital one|chase|citi|wells fargo|vanilla)"
        r"(?: de)?(?: (?:debito|credito|regalo))? visa"
    ),
)
# The status of a case or a report, not of a person.
CASE_STATUS = inside_phrase(
    rx(
        r"(?:status|estatus|estado) (?:of|on|update|de|del) (?:(?:my|the|his|her|this|our|mi|su"
        r"|el|la|this) )?(?:case|report|claim|complaint|investigation|caso|reporte|denuncia)"
    ),
)

ON_VISA = ("visa of a kind", "visa de un tipo", "visa expired", "se le vencio la visa",
           "la visa vencida")  # fmt: skip

# Family -> (stems, rules): the rules run only near one of the stems (engine.py).
# A stem is a piece of a word, or a whole word when written "=ead".
FAMILIES: dict[str, tuple[tuple[str, ...], list[Rule]]] = {
    "papers": (("paper", "papar", "papel", "papal", "document"), PAPERS_RULES[:-1]),
    "undocumented": (("ndocu", "ndocm", "ndocum"), PAPERS_RULES[-1:]),
    "status": (("status", "migratori", "estado", "situacion"), vetoed(STATUS_RULES, CASE_STATUS)),
    "visa": (("visa", "bisa"), vetoed([r for r in VISA_RULES if r.name in ON_VISA], VISA_CARD)),
    # Overstays are found from the staying verb, which comes first.
    "overstay": (
        ("stay", "remain"),
        [r for r in VISA_RULES if r.name in ("overstayed", "stayed past the visa")],
    ),
    "se quedo": (("qued",), [r for r in VISA_RULES if r.name == "se quedo despues de la visa"]),
    "green card": (
        ("green", "gren", "grin", "grean", "grien", "verde", "residen", "reciden"),
        CARD_RULES[:1],
    ),
    "mica": (("mica",), [r for r in CARD_RULES if r.name == "mica"]),
    "permit": (
        ("permit", "permiso", "authori", "autori", "=ead"),
        [r for r in CARD_RULES if r.name == "work permit"],
    ),
}
