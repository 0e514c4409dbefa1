"""Look-alikes the guide says to leave alone.

A candidate finding that overlaps one of these phrases is dropped. Most look-alikes
never match a rule in the first place (rules need a status context); these are the
ones that share the rule's own words: a Visa card, a case's "status".
"""

from __future__ import annotations

from .grammar import rx

BLOCKERS = [
    # Visa the card brand: "my Visa debit card", "tarjeta de débito Visa", "Visa y Mastercard".
    rx(r"visa(?: \w+)? (?:cards?|debit|credit|gift|prepaid|check ?card|signature|rewards)"),
    rx(r"visa (?:and|or|y|o|&) (?:master ?card|amex|american express|discover)"),
    rx(r"(?:master ?card|amex|discover) (?:and|or|y|o|&) visa"),
    rx(
        r"(?:tarjetas?|debit|credit|gift|prepaid|capital one|chase|citi|wells fargo|vanilla)"
        r"(?: de)?(?: (?:debito|credito|regalo))? visa"
    ),
    # The status of a case or a report, not of a person.
    rx(
        r"(?:status|estatus|estado) (?:of|on|update|de|del) (?:(?:my|the|his|her|this|our|mi|su"
        r"|el|la|this) )?(?:case|report|claim|complaint|investigation|caso|reporte|denuncia)"
    ),
]
