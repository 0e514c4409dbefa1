"""Receipts: the reporter's only key.

Twenty random decimal digits (log2(10**20) ≈ 66.4 bits) in five groups of four,
so they can be written down and read aloud in any language. The database holds
only HMAC-SHA256(pepper, digits): a lookup key that nobody can confirm without the
pepper, which lives outside the database (docs/threat-model.md explains why a
keyed hash and not a slow KDF).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import unicodedata

from django.conf import settings

DIGITS = 20
GROUP = 4
# Crockford's alphabet: no I, L, O or U to misread on the phone.
REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


class ReceiptMalformed(ValueError):
    """The text entered cannot be a receipt (wrong number of digits)."""


def new_receipt() -> str:
    digits = f"{secrets.randbelow(10**DIGITS):0{DIGITS}d}"
    return "-".join(digits[i : i + GROUP] for i in range(0, DIGITS, GROUP))


def new_reference() -> str:
    return "TL-" + "".join(secrets.choice(REFERENCE_ALPHABET) for _ in range(6))


def normalize(raw: str) -> str:
    """Keep the digits of any script (Arabic-Indic, full-width...), drop separators."""
    digits = []
    for ch in raw:
        value = unicodedata.decimal(ch, None)
        if value is not None:
            digits.append(str(value))
        elif not (ch.isspace() or ch in "-–—._/"):
            raise ReceiptMalformed(raw)
    if len(digits) != DIGITS:
        raise ReceiptMalformed(raw)
    return "".join(digits)


def digest(receipt: str) -> str:
    key = settings.RECEIPT_PEPPER.encode()
    return hmac.new(key, normalize(receipt).encode(), hashlib.sha256).hexdigest()
