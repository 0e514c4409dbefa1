"""Signing in takes a password and a code from an authenticator app, on one page.

Personas of conftest.py; every one is enrolled with the authenticator secret TOTP_KEY,
so code_for() gives the code their phone shows now.
"""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken

from conftest import PASSWORD, code_for
from trustline.accounts.two_factor import RECOVERY_NAME
from trustline.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def sign_in(client: Client, username: str, code: str) -> Client:
    client.post("/staff/login/", {"username": username, "password": PASSWORD, "code": code})
    return client


def recovery_codes_for(user: User, *codes: str) -> None:
    device = StaticDevice.objects.create(user=user, name=RECOVERY_NAME)
    StaticToken.objects.bulk_create(StaticToken(device=device, token=c) for c in codes)


def test_it_signs_in_with_the_password_and_a_current_code(staff: dict[str, User]) -> None:
    client = Client()
    response = client.post(
        "/staff/login/", {"username": "sam", "password": PASSWORD, "code": code_for()}
    )
    assert response.status_code == 302
    assert response["Location"] == "/staff/"
    assert client.get("/staff/").status_code == 200


def test_the_sign_in_page_asks_for_the_code_on_the_same_page(client: Client) -> None:
    page = client.get("/staff/login/").content.decode()
    assert 'name="username"' in page
    assert 'name="password"' in page
    assert 'name="code"' in page
    assert 'autocomplete="one-time-code"' in page


def test_a_password_alone_is_refused_once_enrolled(staff: dict[str, User]) -> None:
    client = Client()
    response = client.post("/staff/login/", {"username": "sam", "password": PASSWORD})
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "Enter the 6-digit code from your authenticator app" in page
    assert client.get("/staff/").status_code == 302


def test_a_wrong_code_is_refused_with_a_clear_message_keeping_the_username(
    staff: dict[str, User],
) -> None:
    wrong = f"{(int(code_for()) + 1) % 1_000_000:06d}"
    client = Client()
    response = client.post(
        "/staff/login/", {"username": "ivan", "password": PASSWORD, "code": wrong}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "That code is not right" in page
    assert 'value="ivan"' in page
    assert client.get("/staff/").status_code == 302


def test_a_code_is_accepted_only_once(staff: dict[str, User]) -> None:
    code = code_for()
    sign_in(Client(), "sam", code)
    replayed = sign_in(Client(), "sam", code)
    assert replayed.get("/staff/").status_code == 302


def test_a_recovery_code_signs_in_once(staff: dict[str, User]) -> None:
    recovery_codes_for(staff["ines"], "k3hn5xpa", "q7rt2mzd")
    first = sign_in(Client(), "ines", "K3HN 5XPA")  # as copied from a printout
    assert first.get("/staff/").status_code == 200
    again = sign_in(Client(), "ines", "k3hn5xpa")
    assert again.get("/staff/").status_code == 302
    assert list(StaticToken.objects.values_list("token", flat=True)) == ["q7rt2mzd"]
    event = AuditEvent.objects.filter(action="staff.login", actor=staff["ines"]).get()
    assert event.detail == {"second_factor": "recovery code"}


def test_the_sign_in_page_is_translated(client: Client) -> None:
    page = client.get("/staff/login/", HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Código" in page
