"""An unlocked private key, held for the length of one request.

The sign-in unlocks it with the password; between requests it lives in the staff
session encrypted under a secret that only the officer's cookie carries
(trustline/vault/keyring_session.py). Services find it on the acting user.
"""

from __future__ import annotations

from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey

ATTRIBUTE = "vault_keyring"


@dataclass(frozen=True)
class Keyring:
    key_id: int
    private: X25519PrivateKey


def keyring_of(user: object) -> Keyring | None:
    keyring = getattr(user, ATTRIBUTE, None)
    return keyring if isinstance(keyring, Keyring) else None


def hold(user: object, keyring: Keyring | None) -> None:
    setattr(user, ATTRIBUTE, keyring)
