"""A staff member changes their own password: the key that opens their reports
follows it, so nothing becomes unreadable (unlike a reset by an administrator)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from conftest import PASSWORD
from trustline.audit.models import AuditEvent
from trustline.intake.models import Report
from trustline.intake.services import Filed
from trustline.vault import services as vault
from trustline.vault.models import StaffKey

pytestmark = pytest.mark.django_db

NEW = "a much longer new passphrase"


def change(client: Client, old: str, new: str, again: str | None = None) -> str:
    response = client.post(
        "/staff/account/password/",
        {"old_password": old, "new_password1": new, "new_password2": again or new},
    )
    return response.content.decode()


def test_a_changed_password_keeps_every_report_readable(
    client: Client, staff: dict[str, User], file_report: Callable[..., Filed]
) -> None:
    ines = staff["ines"]
    report_id = file_report().report.pk
    key = StaffKey.objects.get(user=ines, state="active")
    client.force_login(ines)
    assert "Your password was changed." in change(client, PASSWORD, NEW)
    assert StaffKey.objects.get(user=ines, state="active").pk == key.pk
    ines.refresh_from_db()
    assert ines.check_password(NEW)
    keyring = vault.unlock(user=ines, password=NEW)
    assert keyring.key_id == key.pk
    report = Report.objects.get(pk=report_id)
    assert vault.open_with(report, keyring) and "bicycle" in report.narrative
    assert AuditEvent.objects.filter(action="vault.key.password_changed", actor=ines).exists()
    # Still signed in, with the key at hand, after the change.
    assert "bicycle" in client.get(f"/staff/reports/{report_id}/").content.decode()


def test_a_wrong_current_password_changes_nothing(client: Client, staff: dict[str, User]) -> None:
    client.force_login(staff["ivan"])
    page = change(client, "not my password", NEW)
    assert "Your old password was entered incorrectly" in page
    staff["ivan"].refresh_from_db()
    assert staff["ivan"].check_password(PASSWORD)
    assert not AuditEvent.objects.filter(action="vault.key.password_changed").exists()


def test_the_new_password_must_be_typed_twice_alike(client: Client, staff: dict[str, User]) -> None:
    client.force_login(staff["ivan"])
    page = change(client, PASSWORD, NEW, again=NEW + "!")
    assert "The two password fields didn" in page
    staff["ivan"].refresh_from_db()
    assert staff["ivan"].check_password(PASSWORD)
