"""DOCUMENT_ID: immigration identifiers, in every layout, with and without labels.

Shapes nothing else has (a USCIS receipt "EAC2190012345", a SEVIS ID "N0027841930", an
A-number written with its A) are withheld wherever they stand. Shapes that are ordinary
numbers (nine digits, eleven digits, a card number) only when a label in any of the
line's languages names them as an immigration document: "alien registration no.",
"I-94", "EAD card #", "número de visa", "номер визы".

Patterns run on folded text (normalize.py), where punctuation reads as a space: so
"A-123-456-789", "A#123456789" and "A 123 456 789" are all "a 123 456 789" or
"a123456789" here.
"""

from __future__ import annotations

import re

# Identifiers start where no Latin or Cyrillic letter or digit stands before them: a
# Chinese label runs straight into the number ("收据号码MSC2190733518").

_S = r"[ ]{0,2}"  # what folded "-", "#", ".", ": " and spaces between groups look like
A_DIGITS = rf"(?:\d{{8,9}}|\d{{3}}{_S}\d{{3}}{_S}\d{{3}}|\d{{2}}{_S}\d{{3}}{_S}\d{{3}})"
RECEIPT = r"(?:eac|wac|lin|src|nbc|msc|ioe|ysc)"

# Labels, folded. Each is followed by the number, a few words at most apart.
A_LABEL = (
    r"(?:alien (?:registration )?(?:number|no|num|#|file)|a ?number|a ?file|uscis ?(?:number|no|#)"
    r"|(?:numero|num|no) (?:de )?(?:extranjero|registro de extranjero|a|uscis|alien)"
    r"|numero a|a numero|numero de registro de extranjero|numero d etranger|numero a"
    r"|so a|ma so a|numero alien|alien ?#|номер a|регистрационный номер|номер иностранца"
    r"|رقم الاجنبي|رقم a|a 번호|외국인 등록 번호 a|a号码|a号|外国人登记号|移民号码)"
)
ID_LABEL = (
    r"(?:i ?94(?: (?:number|no|num|record))?|admission (?:number|no|record)|numero (?:de )?admision"
    r"|sevis(?: id| number| no)?|ead(?: card)?(?: number| no| #)?"
    r"|work permit (?:card )?(?:number|no|#)"
    r"|employment authori[sz]ation (?:card )?(?:number|no|#)?|permiso de trabajo (?:numero|no)"
    r"|numero (?:de )?(?:permiso de trabajo|ead|sevis|i 94|tarjeta de residente|green card|mica)"
    r"|green card (?:number|no|#)|card number on (?:my|his|her) green card"
    r"|numero de (?:la )?residencia"
    r"|visa (?:foil |control )?(?:number|no|#|num)|numero (?:de )?(?:la |mi |su )?visa|num visa"
    r"|receipt (?:number|no|#)|numero de recibo|case (?:number|no|#) (?:with|from|at) uscis"
    r"|matricula consular(?: (?:numero|no|number))?|consular id(?: number| no)?"
    r"|номер визы|номер грин ?карты|номер разрешения на работу|رقم التاشيرة|رقم الاقامة"
    r"|비자 번호|영주권 번호|签证号码?|绿卡号码?|工卡号码?|so visa|so the xanh"
    r"|numero (?:do|de) (?:visto|cartao verde|green card)|numero de (?:la )?carte de sejour"
    r"|nimewo (?:viza|kat vet|a|green card)|numero ng visa)"
)
# Between a label and its number: spaces, and up to four short words ("the I-94 # from
# my phone: 69301847215", "A-number es el").
_GAP = r"(?:[ ]+[^\d ]{1,10}){0,4}?[ ]*"

# Shapes nothing else has: an A-number with its A ("A123456789", "A-123-456-789",
# "A# 12345678"), a USCIS receipt (three letters, ten digits), a SEVIS ID.
UNLABELLED = [
    re.compile(rf"(?<![a-z0-9\u0430-\u044f])a{_S}{A_DIGITS}(?![\d])"),
    re.compile(rf"(?<![a-z0-9\u0430-\u044f]){RECEIPT}{_S}\d(?:{_S}\d){{9}}(?![\d])"),
    re.compile(r"(?<![a-z0-9\u0430-\u044f])n ?\d{10}(?![\d])"),
]
# Numbers named by their label: "alien number 123456789", "I-94 #: 69301847215".
LABELLED = [
    re.compile(rf"(?<![a-z0-9\u0430-\u044f]){A_LABEL}{_GAP}(?P<id>(?:a{_S})?{A_DIGITS})(?!\d)"),
    re.compile(
        rf"(?<![a-z0-9\u0430-\u044f]){ID_LABEL}{_GAP}"
        # A letter prefix joins the digits, or stands alone a space before them ("R 739"):
        # "es 41928375" is a word before the number, not part of it.
        rf"\b(?P<id>(?:[a-z]{{1,3}}|[a-z][ ]{{1,2}})?\d(?:[0-9a-z]|[ ]{{1,2}}\d){{5,14}})"
        r"(?![0-9a-z])"
    ),
]
_NUMBER = re.compile(r"\d(?:[ ]{0,2}\d){5,}")
_LABEL_REACH = 70  # characters between a label's start and its number
# A passport number can look like an A-number ("A12345678"); a stolen passport's stays.
_PASSPORT = re.compile(
    r"passport|pasaporte|passeport|passaporte|паспорт|جواز|여권|护照|ho chieu|paspo"
)


def _span(match: re.Match[str]) -> tuple[int, int]:
    return match.span("id") if "id" in match.re.groupindex else match.span()


def find(folded: str) -> list[tuple[int, int]]:
    """(start, end) of each identifier in folded text.

    Only the neighbourhood of a run of six or more digits is read, so text without
    numbers costs one regex search.
    """
    spans: list[tuple[int, int]] = []
    for number in _NUMBER.finditer(folded):
        low = max(0, number.start() - _LABEL_REACH)
        high = min(len(folded), number.end() + 16)  # a trailing letter and digit (I-94)
        for pattern in (*UNLABELLED, *LABELLED):
            for match in pattern.finditer(
                folded, low if pattern in LABELLED else max(0, number.start() - 4), high
            ):
                start, end = _span(match)
                if end <= number.start() or start >= number.end():
                    continue
                # A label names its own number: only a passport named between the two
                # makes it the passport's ("visa number on my passport"), while an
                # unlabelled shape near a passport is read as the passport's.
                labelled = pattern in LABELLED
                since = match.start() if labelled else max(0, start - 40)
                if _PASSPORT.search(folded, since, start):
                    continue
                spans.append((start, end))
    return spans
