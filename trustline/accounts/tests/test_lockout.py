"""After repeated failures an account is locked, keyed by the username alone, and
nothing about the machine that tried is kept.

Sam is the officer whose password someone is guessing; Ivan is a colleague.
"""

from __future__ import annotations

import io
from typing import Any

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client

from conftest import PASSWORD, code_for
from trustline.accounts.lockout import username_digest
from trustline.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

ADDRESS, AGENT = "203.0.113.9", "Mozilla/5.0 (Guesser)"


def attempt(username: str, password: str, code: str = "") -> Any:
    data = {"username": username, "password": password, "code": code}
    return Client(REMOTE_ADDR=ADDRESS, HTTP_USER_AGENT=AGENT).post("/staff/login/", data)


def lock(username: str = "sam") -> None:
    """Five wrong passwords: four refused on the form, the fifth locks."""
    for _ in range(4):
        assert attempt(username, "not the password").status_code == 200
    assert attempt(username, "not the password").status_code == 429


@pytest.fixture(autouse=True)
def _five_tries(settings: Any) -> None:
    settings.AXES_FAILURE_LIMIT = 5


def test_it_locks_out_after_five_failures(staff: dict[str, User]) -> None:
    for _ in range(4):
        assert attempt("sam", "not the password").status_code == 200
    response = attempt("sam", "not the password")
    assert response.status_code == 429
    assert "Sign-in locked" in response.content.decode()
    # Now even the right password and code are refused.
    assert attempt("sam", PASSWORD, code_for()).status_code == 429


def test_the_lock_out_is_by_username_whatever_machine_tries(staff: dict[str, User]) -> None:
    lock()
    elsewhere = Client(REMOTE_ADDR="198.51.100.1", HTTP_USER_AGENT="Other")
    data = {"username": "sam", "password": PASSWORD, "code": code_for()}
    assert elsewhere.post("/staff/login/", data).status_code == 429
    colleague = attempt("ivan", PASSWORD, code_for())
    assert colleague.status_code == 302


def test_wrong_codes_count_like_wrong_passwords(staff: dict[str, User], settings: Any) -> None:
    settings.OTP_TOTP_THROTTLE_FACTOR = 0  # the device's own slow-down aside
    for _ in range(4):
        assert attempt("sam", PASSWORD, "000000").status_code == 200
    assert attempt("sam", PASSWORD, "000000").status_code == 429


def test_no_address_or_user_agent_is_stored(staff: dict[str, User]) -> None:
    lock()
    attempt("ivan", PASSWORD, code_for())
    row = AccessAttempt.objects.get(username=username_digest("sam"))
    # The name tried is counted, not listed (security sweep, note 7).
    assert not AccessAttempt.objects.filter(username="sam").exists()
    assert row.ip_address is None
    assert row.user_agent == ""
    assert row.http_accept == ""
    assert ADDRESS not in row.get_data + row.post_data
    assert "not the password" not in row.post_data
    assert not AccessLog.objects.exists()
    assert not AccessFailureLog.objects.exists()


def test_the_locked_out_page_is_translated(staff: dict[str, User]) -> None:
    lock()
    client = Client(HTTP_ACCEPT_LANGUAGE="es")
    response = client.post("/staff/login/", {"username": "sam", "password": "x", "code": ""})
    assert response.status_code == 429
    assert "Inicio de sesión bloqueado" in response.content.decode()


def test_an_administrator_unlocks_the_account(staff: dict[str, User]) -> None:
    lock()
    out = io.StringIO()
    call_command("unlock", "sam", stdout=out)
    assert "Unlocked sam" in out.getvalue()
    assert attempt("sam", PASSWORD, code_for()).status_code == 302
    assert AuditEvent.objects.filter(action="staff.unlock", detail={"username": "sam"}).exists()
