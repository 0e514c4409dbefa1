"""Before a sensitive action (changing staff accounts and roles, exporting, revealing
contact details) the password and a current code are asked again, unless they were
typed in the last TRUSTLINE_REAUTH_MINUTES.

Ada is the administrator (IT) who manages staff accounts in the admin.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from conftest import PASSWORD, code_for
from trustline.accounts.tests.session_clock import minutes_ago
from trustline.reauth import REAUTH_AT
from trustline.vault.keyring_session import COOKIE as VAULT_COOKIE
from trustline.vault.keyring_session import SESSION_KEY as VAULT_SESSION_KEY

pytestmark = pytest.mark.django_db

CONFIRM = "/staff/account/confirm/"


def minutes_since_confirmed(client: Client, minutes: int) -> None:
    minutes_ago(client, REAUTH_AT, minutes)


@pytest.fixture
def ada(client: Client, staff: dict[str, User]) -> Client:
    client.force_login(staff["ada"])
    return client


def change_page(user: User) -> str:
    return f"/staff/admin/auth/user/{user.pk}/change/"


def test_a_fresh_sign_in_counts_as_confirmed(staff: dict[str, User]) -> None:
    client = Client()
    client.post("/staff/login/", {"username": "ada", "password": PASSWORD, "code": code_for()})
    assert client.get(change_page(staff["ivan"])).status_code == 200


def test_changing_a_staff_account_asks_again_after_five_minutes(
    ada: Client, staff: dict[str, User]
) -> None:
    minutes_since_confirmed(ada, 6)
    page = change_page(staff["ivan"])
    response = ada.get(page)
    assert response.status_code == 302
    assert response["Location"] == f"{CONFIRM}?next={page.replace('/', '%2F')}"


@pytest.mark.parametrize(
    "page",
    [
        "/staff/admin/auth/user/",
        "/staff/admin/auth/user/add/",
        "/staff/admin/auth/group/",
        "/staff/admin/auth/group/{group}/change/",
        "/staff/admin/auth/user/{user}/password/",
        "/staff/admin/auth/user/{user}/delete/",
    ],
)
def test_every_page_that_changes_accounts_or_roles_is_guarded(
    ada: Client, staff: dict[str, User], page: str
) -> None:
    minutes_since_confirmed(ada, 6)
    path = page.format(group=Group.objects.get(name="supervisor").pk, user=staff["ivan"].pk)
    response = ada.get(path)
    assert response.status_code == 302, path
    assert response["Location"].startswith(CONFIRM), path


def test_the_password_and_a_code_bring_the_staff_member_back(
    ada: Client, staff: dict[str, User]
) -> None:
    minutes_since_confirmed(ada, 6)
    page = change_page(staff["ivan"])
    form = ada.get(f"{CONFIRM}?next={page}")
    assert 'name="password"' in form.content.decode()
    assert 'name="code"' in form.content.decode()
    response = ada.post(CONFIRM, {"password": PASSWORD, "code": code_for(), "next": page})
    assert response.status_code == 302
    assert response["Location"] == page
    assert ada.get(page).status_code == 200


def test_confirming_reopens_the_officer_s_keys(ada: Client) -> None:
    session = ada.session
    del session[VAULT_SESSION_KEY]
    session.save()
    response = ada.post(CONFIRM, {"password": PASSWORD, "code": code_for()})
    assert response.status_code == 302
    assert VAULT_SESSION_KEY in ada.session
    assert VAULT_COOKIE in response.cookies


def test_a_wrong_password_is_refused(ada: Client) -> None:
    minutes_since_confirmed(ada, 6)
    response = ada.post(CONFIRM, {"password": "not it", "code": code_for()})
    assert response.status_code == 200
    assert "That password is not right" in response.content.decode()
    assert ada.get("/staff/admin/auth/user/").status_code == 302


def test_a_wrong_code_is_refused(ada: Client) -> None:
    minutes_since_confirmed(ada, 6)
    response = ada.post(CONFIRM, {"password": PASSWORD, "code": "000000"})
    assert "That code is not right" in response.content.decode()
    assert ada.get("/staff/admin/auth/user/").status_code == 302


def test_it_never_sends_anyone_to_another_site(ada: Client) -> None:
    data = {"password": PASSWORD, "code": code_for(), "next": "https://evil.example/x"}
    response = ada.post(CONFIRM, data)
    assert response["Location"] == "/staff/admin/"


def test_a_guarded_post_returns_to_the_page_that_holds_the_form(
    ada: Client, staff: dict[str, User]
) -> None:
    minutes_since_confirmed(ada, 6)
    page = change_page(staff["ivan"])
    response = ada.post(page, {}, HTTP_REFERER=f"http://testserver{page}")
    assert response["Location"] == f"{CONFIRM}?next={page.replace('/', '%2F')}"


def test_the_window_comes_from_the_settings(ada: Client, settings: Any) -> None:
    settings.TRUSTLINE_REAUTH_MINUTES = 30
    minutes_since_confirmed(ada, 20)
    assert ada.get("/staff/admin/auth/user/").status_code == 200
