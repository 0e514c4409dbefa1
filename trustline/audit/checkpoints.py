"""Signed checkpoints of the audit chain, for an oversight board to keep outside.

A checkpoint names the chain's newest event, its chained hash and the event count,
signed with the agency's Ed25519 audit key. The hash chain alone catches a clumsy edit;
someone with the database can still edit an event and compute every later hash again.
A checkpoint kept off the system catches that too: later, the chain must still hold
that event with that hash, which no edit, deletion or reordering before it allows.

The signing key is an operator secret in a file (TRUSTLINE_AUDIT_SIGNING_KEY_FILE);
there is no default key, and the public key is all a verifier needs.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import json
import os
import stat
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from django.conf import settings
from django.contrib.auth.models import AnonymousUser, User
from django.utils import timezone

from trustline.audit.models import AuditEvent
from trustline.audit.services import ChainBroken, ChainTip, record, verify

FORMAT = "trustline-audit-checkpoint/1"
PUBLIC_PREFIX = "ed25519:"
SIGNED = {
    "format": str,
    "last_event_id": int,
    "last_event_hash": str,
    "event_count": int,
    "taken_at": str,
    "key_id": str,
}


class SigningKeyMissing(Exception):
    """No usable audit signing key is configured."""


class CheckpointInvalid(Exception):
    """The document is not a checkpoint, or its signature does not hold."""


@dataclass(frozen=True)
class Checked:
    """A checkpoint that holds, and how far the chain has grown since."""

    last_event_id: int
    taken_at: str
    tip: ChainTip


def keygen(path: Path) -> str:
    """Write a new private key readable by its owner only; return the public key."""
    key = Ed25519PrivateKey.generate()
    pem = key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    )
    # O_EXCL: never overwrite a key that earlier checkpoints were signed with.
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "wb") as out:
        out.write(pem)
    return public_key_text(key.public_key())


def load_signing_key() -> Ed25519PrivateKey:
    configured = settings.TRUSTLINE_AUDIT_SIGNING_KEY_FILE
    if not configured:
        raise SigningKeyMissing(
            "No audit signing key: set TRUSTLINE_AUDIT_SIGNING_KEY_FILE to the file "
            "that `trustline audit keygen` wrote. Trustline has no default key."
        )
    path = Path(configured)
    try:
        mode, pem = path.stat().st_mode, path.read_bytes()
    except OSError as error:
        raise SigningKeyMissing(f"Cannot read the audit signing key {path}: {error}") from None
    if mode & (stat.S_IRWXG | stat.S_IRWXO):
        raise SigningKeyMissing(f"The audit signing key {path} is open to other users: chmod 600.")
    try:
        key = serialization.load_pem_private_key(pem, password=None)
    except (ValueError, TypeError):
        key = None
    if not isinstance(key, Ed25519PrivateKey):
        raise SigningKeyMissing(f"{path} is not an Ed25519 private key.")
    return key


def public_key_text(public: Ed25519PublicKey) -> str:
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return PUBLIC_PREFIX + base64.b64encode(raw).decode()


def read_public_key(text: str) -> Ed25519PublicKey:
    """The key as `keygen` printed it, or a file holding that text."""
    candidate = Path(text)
    if not text.startswith(PUBLIC_PREFIX) and candidate.is_file():
        text = candidate.read_text(encoding="utf-8").strip()
    if not text.startswith(PUBLIC_PREFIX):
        raise CheckpointInvalid(f"A public key starts with {PUBLIC_PREFIX!r}.")
    try:
        raw = base64.b64decode(text.removeprefix(PUBLIC_PREFIX), validate=True)
        return Ed25519PublicKey.from_public_bytes(raw)
    except (binascii.Error, ValueError):
        raise CheckpointInvalid("That is not an Ed25519 public key.") from None


def key_id(public: Ed25519PublicKey) -> str:
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def checkpoint_take(
    *, signing_key: Ed25519PrivateKey, actor: User | AnonymousUser | None = None
) -> dict[str, Any]:
    """Sign where the chain ends now, after checking the whole chain up to there.

    The checkpoint is itself an audit event, so the trail shows when each was taken
    and the checkpoint covers its own event."""
    signer = key_id(signing_key.public_key())
    record(action="audit.checkpoint", actor=actor, detail={"key_id": signer})
    # Walked outside the event's transaction: writers wait for nobody while we read.
    tip = verify()
    body: dict[str, Any] = {
        "format": FORMAT,
        "last_event_id": tip.last_id,
        "last_event_hash": tip.last_hash,
        "event_count": tip.count,
        "taken_at": timezone.now().replace(microsecond=0).isoformat(),
        "key_id": signer,
    }
    signature = signing_key.sign(_canonical(body))
    return {**body, "signature": base64.b64encode(signature).decode()}


def checkpoint_check(*, document: dict[str, Any], public_key: Ed25519PublicKey) -> Checked:
    """Check the signature, then that the chain still holds the signed event."""
    body = _signed_part(document)
    try:
        signature = base64.b64decode(str(document.get("signature", "")), validate=True)
        public_key.verify(signature, _canonical(body))
    except (binascii.Error, InvalidSignature):
        raise CheckpointInvalid(
            "The checkpoint's signature does not hold with this public key: "
            "the checkpoint was altered, or another key signed it."
        ) from None
    tip = verify()
    event_id = body["last_event_id"]
    stored = AuditEvent.objects.filter(id=event_id).values_list("hash", flat=True).first()
    if stored is None:
        raise ChainBroken(event_id, "is gone: the trail is shorter than the checkpoint")
    if stored != body["last_event_hash"]:
        raise ChainBroken(
            event_id,
            "no longer has the checkpoint's hash: an event up to it was edited, deleted "
            "or reordered and every later hash computed again",
        )
    return Checked(last_event_id=event_id, taken_at=body["taken_at"], tip=tip)


def parse(text: str) -> dict[str, Any]:
    try:
        document = json.loads(text)
    except json.JSONDecodeError:
        raise CheckpointInvalid("The checkpoint is not JSON.") from None
    if not isinstance(document, dict):
        raise CheckpointInvalid("The checkpoint is not a JSON object.")
    return document


def to_json(document: dict[str, Any]) -> str:
    return json.dumps(document, indent=2, sort_keys=True) + "\n"


def _signed_part(document: dict[str, Any]) -> dict[str, Any]:
    body = {name: document.get(name) for name in SIGNED}
    for name, kind in SIGNED.items():
        # bool is an int in Python; a checkpoint never holds one.
        if not isinstance(body[name], kind) or isinstance(body[name], bool):
            raise CheckpointInvalid(f"Not a Trustline audit checkpoint: no valid {name!r}.")
    if body["format"] != FORMAT:
        raise CheckpointInvalid(f"Unknown checkpoint format {body['format']!r}.")
    return body


def _canonical(body: dict[str, Any]) -> bytes:
    return json.dumps(body, sort_keys=True, separators=(",", ":")).encode()
