"""Signed checkpoints: an oversight board keeps one outside the system and later
checks that the trail still holds it, even after someone re-hashed the whole chain."""

from __future__ import annotations

import json
import stat
from io import StringIO
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from trustline.audit.models import AuditEvent
from trustline.audit.services import record, verify
from trustline.audit.tests.tampering import raw, rehash_from, reseal_head

pytestmark = pytest.mark.django_db


def run(*args: str) -> str:
    out = StringIO()
    call_command("audit", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def public_key(tmp_path: Path, settings: Any) -> str:
    """Make the agency's signing key, configure it, return the printed public key."""
    key_file = tmp_path / "audit-signing.pem"
    printed = run("keygen", str(key_file))
    settings.TRUSTLINE_AUDIT_SIGNING_KEY_FILE = str(key_file)
    return printed.strip().splitlines()[-1]


def take_checkpoint(tmp_path: Path) -> Path:
    """Three officers' reads, then the checkpoint (event 4)."""
    for n in range(3):
        record(action="case.view", report_id=n)
    path = tmp_path / "checkpoint.json"
    run("checkpoint", "--output", str(path))
    return path


def verify_against(path: Path, public_key: str) -> str:
    return run("verify", "--checkpoint", str(path), "--public-key", public_key)


def test_keygen_writes_a_private_key_only_its_owner_can_read(tmp_path: Path) -> None:
    key_file = tmp_path / "key.pem"
    printed = run("keygen", str(key_file))
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    assert b"PRIVATE KEY" in key_file.read_bytes()
    assert printed.strip().splitlines()[-1].startswith("ed25519:")
    with pytest.raises(CommandError, match="Cannot write"):
        run("keygen", str(key_file))


def test_there_is_no_checkpoint_without_a_configured_key(settings: Any) -> None:
    settings.TRUSTLINE_AUDIT_SIGNING_KEY_FILE = ""
    with pytest.raises(CommandError, match="TRUSTLINE_AUDIT_SIGNING_KEY_FILE"):
        run("checkpoint")


def test_a_key_open_to_other_users_is_refused(
    public_key: str, settings: Any, tmp_path: Path
) -> None:
    Path(settings.TRUSTLINE_AUDIT_SIGNING_KEY_FILE).chmod(0o644)
    with pytest.raises(CommandError, match="chmod 600"):
        run("checkpoint")


def test_a_checkpoint_names_the_last_event_its_hash_and_the_count(public_key: str) -> None:
    for n in range(3):
        record(action="test.event", report_id=n)
    document = json.loads(run("checkpoint"))
    newest = AuditEvent.objects.order_by("-id").first()
    assert newest is not None and newest.action == "audit.checkpoint"
    assert document["last_event_id"] == newest.id == 4
    assert document["last_event_hash"] == newest.hash
    assert document["event_count"] == 4
    assert document["taken_at"].endswith("+00:00")
    assert document["signature"]


def test_a_checkpoint_holds_while_the_trail_only_grows(public_key: str, tmp_path: Path) -> None:
    path = take_checkpoint(tmp_path)
    record(action="test.later")
    out = verify_against(path, public_key)
    assert "events 1 to 4 are unchanged. Chain intact: 5 events now, 1 written since" in out


def test_a_checkpoint_is_never_overwritten(public_key: str, tmp_path: Path) -> None:
    path = take_checkpoint(tmp_path)
    with pytest.raises(CommandError, match="Cannot write"):
        run("checkpoint", "--output", str(path))


def test_an_altered_checkpoint_fails_its_signature(public_key: str, tmp_path: Path) -> None:
    path = take_checkpoint(tmp_path)
    document = json.loads(path.read_text())
    document["event_count"] += 1
    path.write_text(json.dumps(document))
    with pytest.raises(CommandError, match="signature does not hold"):
        verify_against(path, public_key)


def test_another_key_does_not_verify_the_checkpoint(public_key: str, tmp_path: Path) -> None:
    path = take_checkpoint(tmp_path)
    other = run("keygen", str(tmp_path / "other.pem")).strip().splitlines()[-1]
    with pytest.raises(CommandError, match="signature does not hold"):
        verify_against(path, other)


def test_the_public_key_can_be_given_as_a_file(public_key: str, tmp_path: Path) -> None:
    path = take_checkpoint(tmp_path)
    key_file = tmp_path / "board.pub"
    key_file.write_text(public_key + "\n")
    assert "Chain intact" in verify_against(path, str(key_file))


def test_a_rewritten_and_re_hashed_trail_passes_the_chain_but_not_the_checkpoint(
    public_key: str, tmp_path: Path
) -> None:
    path = take_checkpoint(tmp_path)
    raw("UPDATE audit_auditevent SET report_id = 99 WHERE id = 2")
    rehash_from(2)
    assert verify().count == 4  # the chain alone cannot tell
    with pytest.raises(CommandError, match="audit event 4: no longer has the checkpoint's hash"):
        verify_against(path, public_key)


def test_a_trail_cut_back_before_the_checkpoint_is_caught(public_key: str, tmp_path: Path) -> None:
    path = take_checkpoint(tmp_path)
    raw("DELETE FROM audit_auditevent WHERE id >= 3")
    second = AuditEvent.objects.get(id=2)
    raw("UPDATE audit_audithead SET last_id = 2, last_hash = %s", second.hash)
    reseal_head()  # an insider who holds the server too: only the checkpoint tells
    with pytest.raises(CommandError, match="audit event 4: is gone"):
        verify_against(path, public_key)


def test_verify_with_a_checkpoint_still_names_the_first_broken_event(
    public_key: str, tmp_path: Path
) -> None:
    path = take_checkpoint(tmp_path)
    raw("DELETE FROM audit_auditevent WHERE id = 2")
    with pytest.raises(CommandError, match="audit event 2: missing"):
        verify_against(path, public_key)


def test_verify_wants_the_checkpoint_and_the_key_together(tmp_path: Path) -> None:
    with pytest.raises(CommandError, match="go together"):
        run("verify", "--checkpoint", str(tmp_path / "x.json"))
