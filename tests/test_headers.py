"""Every kind of page carries the security headers: public pages, staff pages, the
Django admin, and the error pages of both sides (docs/threat-model.md, "Abuse and
headers"). Requests are made over HTTPS, where HSTS is sent."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client

from conftest import StaffClient
from tests.forms import post_report
from trustline.intake.services import Filed

pytestmark = pytest.mark.django_db

TEMPLATES = Path(__file__).resolve().parents[1] / "trustline"
# The transparency report is a file handed to the oversight board, opened without a
# server: it carries its own style, and its own CSP that forbids every script.
STANDALONE = {"transparency/templates/transparency/report.html"}

PUBLIC = ["/en/", "/es/report/", "/en/follow-up/", "/en/figures/"]
# Each page as the persona whose work it is.
STAFF = [("sam", "/staff/"), ("aude", "/staff/audit/"), ("rick", "/staff/desk/")]
ERRORS = ["/en/no-such-page/", "/staff/no-such-page/", "/no-such-page"]


def csp_directives(response: object) -> dict[str, str]:
    header = response["Content-Security-Policy"]  # type: ignore[index]
    parts = (part.strip().split(" ", 1) for part in header.split(";") if part.strip())
    return {name: value for name, value in parts}


def assert_security_headers(response: object) -> None:
    headers = response.headers  # type: ignore[attr-defined]
    csp = csp_directives(response)
    assert csp["default-src"] == "'none'"
    assert csp["script-src"] == "'self'"
    assert csp["style-src"] == "'self'"
    assert csp["form-action"] == "'self'"
    assert csp["frame-ancestors"] == "'none'"
    assert csp["base-uri"] == "'none'"
    assert "unsafe-inline" not in headers["Content-Security-Policy"]
    assert headers["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["X-Frame-Options"] == "DENY"
    assert headers["Cross-Origin-Opener-Policy"] == "same-origin"
    assert headers["Referrer-Policy"] == "same-origin"
    policy = headers["Permissions-Policy"]
    for feature in ("camera", "microphone", "geolocation", "payment", "usb", "interest-cohort"):
        assert f"{feature}=()" in policy


@pytest.mark.parametrize("path", PUBLIC)
def test_public_pages_carry_the_security_headers(path: str) -> None:
    response = Client().get(path, secure=True)
    assert response.status_code == 200
    assert_security_headers(response)


@pytest.mark.parametrize(("persona", "path"), STAFF)
def test_staff_pages_carry_the_security_headers(
    persona: str, path: str, staff: dict[str, User]
) -> None:
    client = StaffClient()
    client.force_login(staff[persona])
    response = client.get(path, secure=True)
    assert response.status_code == 200
    assert_security_headers(response)


def test_no_staff_page_that_shows_decrypted_content_may_be_cached(
    staff: dict[str, User], file_report: Callable[..., Filed]
) -> None:
    report = file_report().report
    client = StaffClient()
    client.force_login(staff["sam"])
    pages = [
        "/staff/",
        f"/staff/reports/{report.pk}/",
        "/staff/quarantine/",
        "/staff/keys/",
        "/staff/no-such-page/",
    ]
    for path in pages:
        response = client.get(path, secure=True)
        assert "no-store" in response["Cache-Control"], path
    revealed = client.post(f"/staff/reports/{report.pk}/contact/", secure=True)
    assert "no-store" in revealed["Cache-Control"]
    auditor = StaffClient()
    auditor.force_login(staff["aude"])
    export = auditor.get("/staff/audit/export.csv", secure=True)
    assert export.status_code == 200 and "no-store" in export["Cache-Control"]


def test_the_sign_in_page_and_the_admin_carry_the_security_headers(
    staff: dict[str, User],
) -> None:
    assert_security_headers(Client().get("/staff/login/", secure=True))
    client = StaffClient()
    client.force_login(staff["ada"])
    response = client.get("/staff/admin/", secure=True)
    assert response.status_code == 200
    assert_security_headers(response)


@pytest.mark.parametrize("path", ERRORS)
def test_error_pages_carry_the_security_headers(path: str) -> None:
    response = Client().get(path, secure=True)
    assert response.status_code == 404
    assert_security_headers(response)


def test_a_refused_form_and_a_crash_carry_the_security_headers(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    refused = Client(enforce_csrf_checks=True).post("/en/follow-up/", {}, secure=True)
    assert refused.status_code == 403
    assert_security_headers(refused)

    def broken() -> None:
        raise RuntimeError("crash")

    monkeypatch.setattr("trustline.intake.forms.active_categories", broken)
    crashed = Client(raise_request_exception=False).get("/en/report/", secure=True)
    assert crashed.status_code == 500
    assert_security_headers(crashed)


def test_cookies_are_secure_http_only_and_same_site() -> None:
    client = Client()
    response = post_report(
        client,
        {
            "category": "theft",
            "when": "unsure",
            "narrative": "My bicycle was taken.",
            "role": "victim",
            "contact_language": "en",
        },
    )
    assert response.status_code == 302
    for name in ("tl_public", "tl_receipt"):
        cookie = response.cookies[name]
        assert cookie["secure"], name
        assert cookie["httponly"], name
        assert cookie["samesite"] == "Strict", name
    assert "csrftoken" not in response.cookies  # the CSRF token lives in the session


INLINE = {
    "a <style> element": re.compile(r"<style\b"),
    "a style attribute": re.compile(r"<[^>]*\sstyle\s*="),
    "an inline script": re.compile(r"<script(?![^>]*\ssrc=)[^>]*>"),
    "an event handler": re.compile(r"<[^>]*\son[a-z]+\s*="),
    "a javascript: link": re.compile(r"javascript:"),
}


def test_no_template_has_inline_script_style_or_event_handlers() -> None:
    found = []
    for template in TEMPLATES.rglob("templates/**/*.html"):
        name = str(template.relative_to(TEMPLATES))
        text = template.read_text(encoding="utf-8").lower()
        if name not in STANDALONE:
            found += [f"{name}: {what}" for what, pattern in INLINE.items() if pattern.search(text)]
    assert found == []
