"""An officer lost the phone: an administrator removes the authenticator, and the
officer sets up a new one at the next sign-in. Both steps are in the audit trail.

Ivan (investigator) lost his phone; Ada (administrator) resets him.
"""

from __future__ import annotations

import io

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import Client
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import PASSWORD
from trustline.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def test_resetotp_removes_the_devices_and_the_officer_enrolls_again(
    staff: dict[str, User],
) -> None:
    StaticDevice.objects.create(user=staff["ivan"], name="recovery codes")
    out = io.StringIO()
    call_command("resetotp", "ivan", stdout=out)
    assert "reset for ivan" in out.getvalue()
    assert not TOTPDevice.objects.filter(user=staff["ivan"]).exists()
    assert not StaticDevice.objects.filter(user=staff["ivan"]).exists()
    assert TOTPDevice.objects.filter(user=staff["olga"]).exists()
    event = AuditEvent.objects.get(action="staff.otp.reset")
    assert event.detail == {"username": "ivan", "sessions_ended": 0}
    client = Client()
    response = client.post("/staff/login/", {"username": "ivan", "password": PASSWORD})
    assert response["Location"] == "/staff/account/two-factor/"


def test_resetotp_ends_the_sessions_left_open_on_the_lost_phone(
    client: Client, staff: dict[str, User]
) -> None:
    client.force_login(staff["ivan"])
    assert client.get("/staff/").status_code == 200
    call_command("resetotp", "ivan", stdout=io.StringIO())
    # Not sent to enroll a new authenticator: signed out, back to the password.
    response = client.get("/staff/account/two-factor/")
    assert response.status_code == 302
    assert response["Location"].startswith("/staff/login/")
    event = AuditEvent.objects.get(action="staff.otp.reset")
    assert event.detail["sessions_ended"] == 1


def test_resetotp_names_an_unknown_account(db: None) -> None:
    with pytest.raises(CommandError, match="nobody"):
        call_command("resetotp", "nobody")


def test_an_administrator_resets_from_the_admin_after_confirming(
    client: Client, staff: dict[str, User]
) -> None:
    client.force_login(staff["ada"])
    data = {"action": "reset_two_factor", "_selected_action": [staff["ivan"].pk]}
    response = client.post("/staff/admin/auth/user/", data)
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=staff["ivan"]).exists()
    assert AuditEvent.objects.filter(action="staff.otp.reset", actor=staff["ada"]).exists()


def test_the_admin_does_not_show_anyone_s_authenticator_secret(
    client: Client, staff: dict[str, User]
) -> None:
    client.force_login(staff["ada"])
    assert client.get("/staff/admin/otp_totp/totpdevice/").status_code == 404
    assert client.get("/staff/admin/otp_static/staticdevice/").status_code == 404
