from __future__ import annotations

from typing import Any

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from trustline.audit.models import AppendOnlyError, AuditEvent
from trustline.audit.services import ChainBroken, record, verify
from trustline.audit.tests.tampering import raw

pytestmark = pytest.mark.django_db


def three_events() -> list[AuditEvent]:
    return [record(action=f"test.{n}", report_id=n) for n in (1, 2, 3)]


def test_each_event_carries_the_hash_of_the_one_before() -> None:
    first, second, third = three_events()
    assert second.prev_hash == first.hash
    assert third.prev_hash == second.hash
    assert verify().count == 3


def test_the_application_cannot_edit_or_delete_an_event() -> None:
    event = three_events()[0]
    event.action = "rewritten"
    with pytest.raises(AppendOnlyError):
        event.save()
    with pytest.raises(AppendOnlyError):
        event.delete()
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.filter(pk=event.pk).update(action="x")
    with pytest.raises(AppendOnlyError):
        AuditEvent.objects.all().delete()


def test_verify_names_an_edited_event() -> None:
    three_events()
    raw("UPDATE audit_auditevent SET action = %s WHERE id = 2", "case.view")
    with pytest.raises(ChainBroken) as broken:
        verify()
    assert broken.value.event_id == 2


def test_verify_names_a_deleted_event() -> None:
    three_events()
    raw("DELETE FROM audit_auditevent WHERE id = 2")
    with pytest.raises(ChainBroken) as broken:
        verify()
    assert broken.value.event_id == 2


def test_verify_notices_the_newest_event_removed() -> None:
    three_events()
    raw("DELETE FROM audit_auditevent WHERE id = 3")
    with pytest.raises(ChainBroken) as broken:
        verify()
    assert broken.value.event_id == 3


def test_verify_notices_the_newest_events_removed_and_the_head_pointed_back() -> None:
    # Security sweep, finding 5: with the database alone, deleting the newest events and
    # pointing the head at the one before passed `verify`. The head's seal needs the
    # server's secret key.
    second = three_events()[1]
    raw("DELETE FROM audit_auditevent WHERE id = 3")
    raw("UPDATE audit_audithead SET last_id = 2, last_hash = %s", second.hash)
    with pytest.raises(ChainBroken) as broken:
        verify()
    assert broken.value.event_id == 2
    assert "head" in broken.value.reason


def test_a_head_sealed_under_a_rotated_secret_key_still_verifies(
    settings: Any,
) -> None:
    three_events()
    old = settings.SECRET_KEY
    settings.SECRET_KEY = "n" * 50
    settings.SECRET_KEY_FALLBACKS = [old]
    assert verify().count == 3
    settings.SECRET_KEY_FALLBACKS = []
    with pytest.raises(ChainBroken):
        verify()


def test_verify_names_reordered_events() -> None:
    three_events()
    raw("UPDATE audit_auditevent SET report_id = 9 WHERE id = 2")
    raw("UPDATE audit_auditevent SET report_id = 2 WHERE id = 3")
    with pytest.raises(ChainBroken) as broken:
        verify()
    assert broken.value.event_id == 2


def test_verify_names_two_rows_whose_ids_were_swapped() -> None:
    [record(action=f"test.{n}") for n in range(1, 6)]
    # Through a free id, because the primary key stays unique on every statement.
    raw("UPDATE audit_auditevent SET id = 0 WHERE id = 2")
    raw("UPDATE audit_auditevent SET id = 2 WHERE id = 4")
    raw("UPDATE audit_auditevent SET id = 4 WHERE id = 0")
    with pytest.raises(ChainBroken) as broken:
        verify()
    assert broken.value.event_id == 2


def test_verify_names_two_rows_whose_contents_were_swapped() -> None:
    three_events()
    columns = "created_at, actor_kind, actor_name, action, report_id, detail, prev_hash, hash"
    raw(f"CREATE TEMPORARY TABLE swap AS SELECT id, {columns} FROM audit_auditevent")  # noqa: S608
    raw("UPDATE audit_auditevent SET hash = 'x' || id WHERE id IN (2, 3)")  # unique meanwhile
    for target, source in ((2, 3), (3, 2)):
        raw(
            f"UPDATE audit_auditevent SET ({columns}) = "  # noqa: S608
            f"(SELECT {columns} FROM swap WHERE swap.id = %s) WHERE id = %s",
            str(source),
            str(target),
        )
    raw("DROP TABLE swap")
    with pytest.raises(ChainBroken) as broken:
        verify()
    assert broken.value.event_id == 2


def test_verify_names_an_event_edited_and_re_hashed() -> None:
    three_events()
    raw("UPDATE audit_auditevent SET action = %s WHERE id = 2", "case.view")
    edited = AuditEvent.objects.get(id=2)
    raw("UPDATE audit_auditevent SET hash = %s WHERE id = 2", edited.compute_hash())
    with pytest.raises(ChainBroken) as broken:
        verify()
    assert broken.value.event_id == 2
    assert "re-hashed" in broken.value.reason


def test_the_verify_command_reports_the_first_bad_event(capsys: pytest.CaptureFixture[str]) -> None:
    three_events()
    call_command("audit", "verify")
    assert "3 events, chain intact" in capsys.readouterr().out
    raw("UPDATE audit_auditevent SET detail = %s WHERE id = 1", '{"x": 1}')
    with pytest.raises(CommandError, match="audit event 1: was edited"):
        call_command("audit", "verify")
