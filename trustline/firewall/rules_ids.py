"""DOCUMENT_ID: immigration identifiers (A-numbers, USCIS receipts, I-94, SEVIS, visa foils).

Shapes that are unmistakable (EAC2190012345, N0027841930) are withheld wherever they
are; shapes that are ordinary numbers (eleven digits, eight digits) only when the text
labels them as an immigration number.
"""

from __future__ import annotations

import re

from .grammar import DOCUMENT_ID, Rule, preceded_by, rx

A_DIGITS = r"(?:\d{8,9}|\d{3}[- .]\d{3}[- .]\d{3}|\d{2}[- .]\d{3}[- .]\d{3})"
# A passport number can look like an A-number ("A12345678"); a stolen passport's stays.
PASSPORT = preceded_by(r"passport|pasaporte", 30)


def _not_labelled_i94(text: str, start: int, _end: int) -> bool:
    return not re.search(
        r"i-? ?94|admission (?:number|record|no)|numero de (?:admision|i-?94)|admision",
        text[max(0, start - 90) : start],
    )


ID_RULES = [
    Rule(
        "A-number",
        DOCUMENT_ID,
        rx(r"a(?:[-#.]|# ?|-# ?| #? ?)?" + A_DIGITS + r"(?![-\d])"),
        PASSPORT,
    ),
    Rule(
        "labelled A-number",
        DOCUMENT_ID,
        rx(
            r"(?:alien|a[- ]?number|a#|a-#|alien registration|registration|uscis|numero a|numero de"
            r" (?:extranjero|registro de extranjero|a|uscis)|a-?numero)"
            r"(?: (?:number|no\.?|#|num|numero))?(?: (?:is|es|was|era|de|en uscis es))?[\s:#]*"
            r"(?P<s>" + A_DIGITS + r")(?![-\d])"
        ),
        needs=(
            "alien",
            "a-number",
            "a number",
            "anumber",
            "a#",
            "a-#",
            "registration",
            "uscis",
            "numero a",
            "numero de",
            "a-numero",
            "anumero",
        ),
    ),
    Rule(
        "USCIS receipt",
        DOCUMENT_ID,
        rx(r"(?:eac|wac|lin|src|nbc|msc|ioe|ysc)[- ]?\d(?:[- ]?\d){9}(?![-\d])"),
        needs=("eac", "wac", "lin", "src", "nbc", "msc", "ioe", "ysc"),
    ),
    Rule("SEVIS ID", DOCUMENT_ID, rx(r"n[- ]?\d{10}(?![-\d])")),
    Rule(
        "I-94 number",
        DOCUMENT_ID,
        rx(r"[0-9]{9}[a-z0-9][0-9]"),
        _not_labelled_i94,
        needs=("94", "admission", "admision"),
    ),
    Rule(
        "visa foil number",
        DOCUMENT_ID,
        rx(
            r"(?:visa (?:number|no\.?|#|num|foil(?: number)?|control number)|(?:numero|num|no\.?)"
            r" de (?:(?:la|mi|su) )?visa)(?: (?:is|es|was|era))?[\s:#]*"
            r"(?P<s>[a-z]{0,2}\d{7,9})(?![-\d])"
        ),
        needs=("number", "numero", "num", "no.", "#", "foil"),
    ),
]

# Stems here are token shapes: A-numbers, receipts and SEVIS IDs hold seven digits in a
# row or a 3-3-3 group, or are spaced out in short digit tokens ("A 123 456 789").
COMPACT = re.compile(r"[0-9]{7}|[0-9][-.][0-9]{3}[-.][0-9]")  # "a123456789", "123-456-789"
SPACED = re.compile(r"^\W*[0-9]{3}\W*$")  # "A 123 456 789" comes as three tokens
A_NUMBER, LABELLED, RECEIPT, SEVIS, I94, VISA_NUMBER = ID_RULES
FAMILIES: dict[str, tuple[re.Pattern[str] | tuple[str, ...], list[Rule]]] = {
    # Each shape is found from its digits: the unlabelled ones sit right behind them,
    # the labelled ones a label's length before them (and only run if a label is there).
    "ids": (COMPACT, [A_NUMBER, RECEIPT, SEVIS]),
    "labelled ids": (COMPACT, [LABELLED]),
    "spaced ids": (SPACED, [A_NUMBER]),
    "labelled spaced ids": (SPACED, [LABELLED]),
    # Found by the number's shape; its rule then looks back for the I-94 label.
    "i-94 number": (re.compile(r"[0-9]{9}[a-z0-9][0-9]"), [I94]),
    "visa number": (("visa",), [VISA_NUMBER]),  # a Visa card's number has 16 digits
}
