from __future__ import annotations

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from trustline.audit.models import AppendOnlyError, AuditEvent
from trustline.audit.services import ChainBroken, record, verify

pytestmark = pytest.mark.django_db


def three_events() -> list[AuditEvent]:
    return [record(action=f"test.{n}", report_id=n) for n in (1, 2, 3)]


def test_each_event_carries_the_hash_of_the_one_before() -> None:
    first, second, third = three_events()
    assert second.prev_hash == first.hash
    assert third.prev_hash == second.hash
    assert verify() == 3


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


def raw(sql: str, *params: str) -> None:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)


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


def test_verify_names_reordered_events() -> None:
    three_events()
    raw("UPDATE audit_auditevent SET report_id = 9 WHERE id = 2")
    raw("UPDATE audit_auditevent SET report_id = 2 WHERE id = 3")
    with pytest.raises(ChainBroken) as broken:
        verify()
    assert broken.value.event_id == 2


def test_the_verify_command_reports_the_first_bad_event(capsys: pytest.CaptureFixture[str]) -> None:
    three_events()
    call_command("audit", "verify")
    assert "3 events, chain intact" in capsys.readouterr().out
    raw("UPDATE audit_auditevent SET detail = %s WHERE id = 1", '{"x": 1}')
    with pytest.raises(CommandError, match="audit event 1: was edited"):
        call_command("audit", "verify")
