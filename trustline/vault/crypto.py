"""The cryptography of the vault, with no Django import.

- Content: AES-256-GCM under a per-report data key, with the field and the report
  bound as associated data, so a ciphertext moved to another field or report fails.
- Wraps: the data key sealed to a staff member's (or the recovery) X25519 public key
  with an ephemeral key, HKDF-SHA256 and AES-256-GCM (an ECIES "sealed box").
- Staff private keys at rest: AES-256-GCM under a key derived from the password with
  Argon2id; the server never holds the password, so it cannot open them alone.
- Reporter wrap: the data key sealed under a key derived from the receipt (HKDF with
  the server's pepper as salt), so the reporter reads the officers' answers.
"""

from __future__ import annotations

import os
from base64 import b64decode, b64encode
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

KEY_BYTES = 32
NONCE_BYTES = 12
SALT_BYTES = 16
VERSION = "v1"


class CannotOpen(Exception):
    """Wrong key, or the ciphertext (or its associated data) was altered."""


def new_data_key() -> bytes:
    return AESGCM.generate_key(bit_length=256)


def _seal(key: bytes, plaintext: bytes, ad: bytes) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    return nonce + AESGCM(key).encrypt(nonce, plaintext, ad)


def _open(key: bytes, blob: bytes, ad: bytes) -> bytes:
    try:
        return AESGCM(key).decrypt(blob[:NONCE_BYTES], blob[NONCE_BYTES:], ad)
    except (InvalidTag, ValueError) as exc:
        raise CannotOpen from exc


def _unbase64(text: str) -> bytes:
    """A stored value's bytes; text altered out of base64 is one more value that does
    not open, not a crash of whoever reads it."""
    try:
        return b64decode(text, validate=True)
    except ValueError as exc:  # binascii.Error
        raise CannotOpen("not base64") from exc


def seal_text(key: bytes, text: str, ad: str) -> str:
    """Encrypt a text field; the result is ASCII, fit for a text column."""
    blob = _seal(key, text.encode(), ad.encode())
    return f"{VERSION}:{b64encode(blob).decode()}"


def open_text(key: bytes, sealed: str, ad: str) -> str:
    version, _, body = sealed.partition(":")
    if version != VERSION:
        raise CannotOpen("unknown format")
    return _open(key, _unbase64(body), ad.encode()).decode()


def is_sealed_text(value: str) -> bool:
    return value.startswith(VERSION + ":")


# --- wrapping a data key to a public key -------------------------------------------


def new_key_pair() -> tuple[X25519PrivateKey, bytes]:
    private = X25519PrivateKey.generate()
    return private, public_bytes(private)


def public_bytes(private: X25519PrivateKey) -> bytes:
    return private.public_key().public_bytes_raw()


def private_bytes(private: X25519PrivateKey) -> bytes:
    return private.private_bytes_raw()


def private_from_bytes(raw: bytes) -> X25519PrivateKey:
    return X25519PrivateKey.from_private_bytes(raw)


def _wrap_key(shared: bytes, ephemeral: bytes, recipient: bytes) -> bytes:
    info = b"trustline wrap v1" + ephemeral + recipient
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=None, info=info).derive(shared)


def wrap(data_key: bytes, recipient_public: bytes, ad: str) -> bytes:
    ephemeral = X25519PrivateKey.generate()
    ephemeral_public = public_bytes(ephemeral)
    shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(recipient_public))
    kek = _wrap_key(shared, ephemeral_public, recipient_public)
    return ephemeral_public + _seal(kek, data_key, ad.encode())


def unwrap(wrapped: bytes, private: X25519PrivateKey, ad: str) -> bytes:
    ephemeral_public, sealed = wrapped[:KEY_BYTES], wrapped[KEY_BYTES:]
    try:
        shared = private.exchange(X25519PublicKey.from_public_bytes(ephemeral_public))
    except ValueError as exc:
        raise CannotOpen from exc
    kek = _wrap_key(shared, ephemeral_public, public_bytes(private))
    return _open(kek, sealed, ad.encode())


# --- a staff member's private key under their password --------------------------------


@dataclass(frozen=True)
class KdfCost:
    """Argon2id parameters; stored beside each protected key so they can be raised."""

    memory_kib: int
    iterations: int
    lanes: int = 4


def _password_key(password: str, salt: bytes, cost: KdfCost) -> bytes:
    kdf = Argon2id(
        salt=salt,
        length=KEY_BYTES,
        iterations=cost.iterations,
        lanes=cost.lanes,
        memory_cost=cost.memory_kib,
    )
    return kdf.derive(password.encode())


def protect_private(private: X25519PrivateKey, password: str, cost: KdfCost, ad: str) -> bytes:
    salt = os.urandom(SALT_BYTES)
    key = _password_key(password, salt, cost)
    return salt + _seal(key, private_bytes(private), ad.encode())


def unprotect_private(protected: bytes, password: str, cost: KdfCost, ad: str) -> X25519PrivateKey:
    salt, sealed = protected[:SALT_BYTES], protected[SALT_BYTES:]
    key = _password_key(password, salt, cost)
    return private_from_bytes(_open(key, sealed, ad.encode()))


# --- a session's copy of the private key, opened by a secret in the cookie ------------


def seal_for_session(private: X25519PrivateKey, cookie_secret: bytes, ad: str) -> str:
    return b64encode(_seal(cookie_secret, private_bytes(private), ad.encode())).decode()


def open_from_session(sealed: str, cookie_secret: bytes, ad: str) -> X25519PrivateKey:
    return private_from_bytes(_open(cookie_secret, _unbase64(sealed), ad.encode()))


# --- the reporter's wrap, keyed by the receipt ---------------------------------------


def receipt_key(receipt: str, pepper: bytes, reference: str) -> bytes:
    info = b"trustline reporter key v1|" + reference.encode()
    return HKDF(algorithm=hashes.SHA256(), length=KEY_BYTES, salt=pepper, info=info).derive(
        receipt.encode()
    )


def wrap_for_reporter(data_key: bytes, reporter_key: bytes, reference: str) -> bytes:
    return _seal(reporter_key, data_key, b"reporter wrap|" + reference.encode())


def unwrap_for_reporter(wrapped: bytes, reporter_key: bytes, reference: str) -> bytes:
    return _open(reporter_key, wrapped, b"reporter wrap|" + reference.encode())
