"""A new staff member signs in with the password once, sets up an authenticator app,
and sees ten recovery codes once. Until then no staff page opens but enrollment.

Maria is a new investigator created like `trustline createstaff` does; she has no
authenticator yet.
"""

from __future__ import annotations

import re
from base64 import b32decode

import pytest
from django.contrib.admin.sites import site
from django.contrib.auth.models import User
from django.test import Client, RequestFactory
from django_otp.plugins.otp_static.models import StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from conftest import PASSWORD, code_for
from tests.test_authorization_matrix import application_urls
from trustline.accounts.services import staff_create
from trustline.audit.models import AuditEvent

pytestmark = pytest.mark.django_db

ENROLL = "/staff/account/two-factor/"


@pytest.fixture
def maria(db: None) -> User:
    return staff_create(username="maria", password=PASSWORD, roles=["investigator"])


@pytest.fixture
def maria_signed_in(maria: User) -> Client:
    client = Client()
    response = client.post("/staff/login/", {"username": "maria", "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == ENROLL
    return client


def secret_on_page(page: str) -> str:
    found = re.search(r'id="otp-key">([A-Z2-7 ]+)<', page)
    assert found, page
    text = found.group(1).replace(" ", "")
    return b32decode(text + "=" * (-len(text) % 8)).hex()


def test_the_first_sign_in_takes_the_password_alone_and_leads_to_enrollment(
    maria_signed_in: Client,
) -> None:
    page = maria_signed_in.get(ENROLL).content.decode()
    assert "Set up two-factor sign-in" in page
    assert "<svg" in page  # the QR code, drawn on the server
    assert "<script" not in page
    assert "<img" not in page


def test_the_key_stays_the_same_until_it_is_confirmed(maria_signed_in: Client) -> None:
    first = secret_on_page(maria_signed_in.get(ENROLL).content.decode())
    again = secret_on_page(maria_signed_in.get(ENROLL).content.decode())
    assert first == again
    assert TOTPDevice.objects.get(user__username="maria").key == first


def test_a_wrong_code_does_not_confirm_the_authenticator(maria_signed_in: Client) -> None:
    page = maria_signed_in.get(ENROLL).content.decode()
    wrong = f"{(int(code_for(secret_on_page(page))) + 5) % 1_000_000:06d}"
    response = maria_signed_in.post(ENROLL, {"code": wrong})
    assert "That code is not right" in response.content.decode()
    assert not TOTPDevice.objects.filter(user__username="maria", confirmed=True).exists()


def test_confirming_shows_ten_recovery_codes_once_and_opens_the_console(
    maria_signed_in: Client, maria: User
) -> None:
    key = secret_on_page(maria_signed_in.get(ENROLL).content.decode())
    response = maria_signed_in.post(ENROLL, {"code": code_for(key)})
    page = response.content.decode()
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    codes = re.findall(r"<li><code>([a-z2-7]+)</code></li>", page)
    assert len(codes) == 10
    assert sorted(codes) == sorted(StaticToken.objects.values_list("token", flat=True))
    assert maria_signed_in.get("/staff/").status_code == 200
    assert maria_signed_in.get(ENROLL).status_code == 302  # nothing shown twice
    actions = AuditEvent.objects.filter(actor=maria).values_list("action", flat=True)
    assert {"staff.otp.begin", "staff.otp.enroll"} <= set(actions)


def test_after_enrolling_the_next_sign_in_needs_a_code(maria_signed_in: Client) -> None:
    key = secret_on_page(maria_signed_in.get(ENROLL).content.decode())
    maria_signed_in.post(ENROLL, {"code": code_for(key)})
    client = Client()
    client.post("/staff/login/", {"username": "maria", "password": PASSWORD})
    assert client.get("/staff/").status_code == 302
    client.post(
        "/staff/login/", {"username": "maria", "password": PASSWORD, "code": code_for(key, 1)}
    )
    assert client.get("/staff/").status_code == 200


def staff_paths() -> list[str]:
    paths = [
        "/" + re.sub(r"<int:\w+>", "1", route)
        for name, route in application_urls().items()
        if name.startswith("staff:") and name not in {"staff:login", "staff:logout", "staff:enroll"}
    ]
    return [*paths, "/staff/admin/", "/staff/admin/auth/user/"]


@pytest.mark.parametrize("path", staff_paths())
def test_every_staff_page_sends_an_unenrolled_member_to_enrollment(
    maria_signed_in: Client, path: str
) -> None:
    for response in (maria_signed_in.get(path), maria_signed_in.post(path, {})):
        assert response.status_code == 302, path
        assert response["Location"] == ENROLL, path


def test_an_administrator_reaches_the_admin_only_after_enrolling(db: None) -> None:
    staff_create(username="it", password=PASSWORD, roles=["admin"])
    client = Client()
    client.post("/staff/login/", {"username": "it", "password": PASSWORD})
    assert client.get("/staff/admin/")["Location"] == ENROLL
    key = secret_on_page(client.get(ENROLL).content.decode())
    client.post(ENROLL, {"code": code_for(key)})
    assert client.get("/staff/admin/").status_code == 200


def test_the_admin_sign_in_page_is_the_staff_sign_in(client: Client) -> None:
    response = client.get("/staff/admin/login/?next=/staff/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/staff/login/?next=/staff/admin/")


def test_the_admin_refuses_a_session_that_skipped_the_second_factor(
    staff: dict[str, User], rf: RequestFactory
) -> None:
    skipped = Client()  # signed in without a code: not a StaffClient
    skipped.force_login(staff["ada"])
    response = skipped.get("/staff/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/staff/login/")
    request = rf.get("/staff/admin/")
    request.user = staff["ada"]
    assert not site.has_permission(request)
