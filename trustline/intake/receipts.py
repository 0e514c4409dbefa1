"""Receipts: the reporter's only key.

Twenty decimal digits (log2(10**20) ≈ 66.4 bits) in five groups of four,
so they can be written down and read aloud in any language. They are drawn from a
random 192-bit token that the report form carries (see receipt_for). The database holds
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
from django.utils.crypto import salted_hmac

DIGITS = 20
GROUP = 4
# Crockford's alphabet: no I, L, O or U to misread on the phone.
REFERENCE_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


class ReceiptMalformed(ValueError):
    """The text entered cannot be a receipt (wrong number of digits)."""


def new_submission() -> str:
    """A one-time token for one report form (192 bits)."""
    return secrets.token_urlsafe(24)


def receipt_for(submission: str) -> str:
    """The receipt of the report sent with this form.

    Derived with the secret key, so that a POST retried after a lost connection
    files nothing twice and shows the same receipt again; the token alone gives
    nothing, and the server keeps only a keyed hash of it.
    """
    mac = salted_hmac("trustline.intake.receipt", submission, algorithm="sha256").digest()
    return group(f"{int.from_bytes(mac, 'big') % 10**DIGITS:0{DIGITS}d}")


def group(digits: str) -> str:
    return "-".join(digits[i : i + GROUP] for i in range(0, DIGITS, GROUP))


def _keyed(label: str, value: str) -> str:
    key = settings.RECEIPT_PEPPER.encode()
    return hmac.new(key, f"{label}:{value}".encode(), hashlib.sha256).hexdigest()


def submission_digest(submission: str) -> str:
    return _keyed("submission", submission)


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
