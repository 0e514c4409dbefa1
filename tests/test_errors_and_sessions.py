"""Error pages are plain and translated; the two sides never share a session."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from conftest import PASSWORD, code_for
from trustline.intake import selectors

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("lang", "title"), [("en", "Page not found"), ("es", "No se encontró la página")]
)
def test_a_missing_page_is_plain_and_translated(client: Client, lang: str, title: str) -> None:
    response = client.get(f"/{lang}/no-such-page/")
    assert response.status_code == 404
    assert title in response.content.decode()


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_crash_shows_a_plain_page_without_a_stack_trace(
    lang: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken() -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr(selectors, "active_categories", broken)
    monkeypatch.setattr("trustline.intake.forms.active_categories", broken)
    client = Client(raise_request_exception=False)
    response = client.get(f"/{lang}/report/")
    page = response.content.decode()
    assert response.status_code == 500
    assert "911" in page
    assert "Traceback" not in page
    assert "secret internals" not in page


def test_a_staff_login_cookie_is_kept_to_the_staff_pages(staff: dict[str, User]) -> None:
    client = Client()
    client.get("/staff/login/")
    response = client.post(
        "/staff/login/", {"username": "sam", "password": PASSWORD, "code": code_for()}
    )
    assert response.status_code == 302
    cookie = response.cookies["tl_staff"]
    assert cookie["path"] == "/staff/"
    assert cookie["httponly"]
    assert "tl_public" not in response.cookies


def test_a_reporter_session_is_not_a_staff_session(staff: dict[str, User]) -> None:
    client = Client()
    client.post("/en/follow-up/", {"receipt": "1"})
    public = client.cookies["tl_public"].value
    staff_client = Client()
    staff_client.cookies["tl_staff"] = public
    response = staff_client.get("/staff/")
    assert response.status_code == 302
    assert response["Location"].startswith("/staff/login/")


def test_staff_sign_in_is_recorded(staff: dict[str, User]) -> None:
    from trustline.audit.models import AuditEvent

    client = Client()
    client.post("/staff/login/", {"username": "sam", "password": PASSWORD, "code": code_for()})
    assert AuditEvent.objects.filter(action="staff.login", actor=staff["sam"]).exists()


def test_a_wrong_password_is_refused_with_a_message(staff: dict[str, User]) -> None:
    response = Client().post("/staff/login/", {"username": "sam", "password": "wrong"})
    assert response.status_code == 200
    assert "There is a problem" in response.content.decode()


@pytest.mark.parametrize(
    ("name", "home"),
    [
        ("sam", "/staff/"),
        ("ines", "/staff/"),
        ("ivan", "/staff/"),
        ("rick", "/staff/desk/"),
        ("aude", "/staff/audit/"),
        ("ada", "/staff/admin/"),
    ],
)
def test_each_role_lands_on_its_own_page_after_signing_in(
    staff: dict[str, User], name: str, home: str
) -> None:
    response = Client().post(
        "/staff/login/", {"username": name, "password": PASSWORD, "code": code_for()}
    )
    assert response.status_code == 302
    assert response["Location"] == home
