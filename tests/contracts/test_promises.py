"""Contract tests: one per promise of docs/promises.md (promises 5 and 6 belong to later
capabilities: encryption at rest and the records desk)."""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path

import pytest
from django.contrib import admin
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.test import Client

from conftest import PASSWORD, code_for
from tests.contracts.dump import column_names, database_text
from tests.forms import post_report, receipt_on_page
from trustline.accounts.management.commands.serve import ACCESS_LOG_FORMAT
from trustline.audit.models import AuditEvent
from trustline.cases.models import Note
from trustline.intake.models import Message, Report
from trustline.intake.services import Filed

pytestmark = pytest.mark.django_db

FORBIDDEN_COLUMN = re.compile(
    r"immigra|citizen|nationalit|national_origin|country_of_birth|birth_?country|birth_?place|"
    r"place_of_birth|visa|alien|a_?number|ssn|social_security|passport|green_?card|legal_status|"
    r"documented|ip_?addr|remote_addr|user_?agent",
    re.IGNORECASE,
)

REPORT = {
    "category": "theft",
    "when": "unsure",
    "narrative": "Someone took the tip jar from the counter of my taco truck.",
    "role": "victim",
    "contact_language": "es",
}


# django-axes' lock-out tables come with ip_address and user_agent columns; Trustline
# never fills them (accounts/lockout.py), as the staff sign-in contract below checks.
LOCKOUT_CLIENT_COLUMNS = {
    (table, column)
    for table in ("axes_accessattempt", "axes_accesslog", "axes_accessfailurelog")
    for column in ("ip_address", "user_agent")
}


def test_promise_1_no_column_can_hold_status_nationality_or_birthplace() -> None:
    offending = [
        (t, c)
        for t, c in column_names()
        if FORBIDDEN_COLUMN.search(c) and (t, c) not in LOCKOUT_CLIENT_COLUMNS
    ]
    assert offending == []


def test_promise_1_extra_posted_fields_about_status_are_ignored(client: Client) -> None:
    extra = {
        "immigration_status": "CANARY-STATUS-undocumented",
        "citizenship": "CANARY-CITIZENSHIP",
        "nationality": "CANARY-NATIONALITY",
        "country_of_birth": "CANARY-BIRTHPLACE",
        "ssn": "CANARY-SSN-078-05-1120",
        "a_number": "CANARY-A123456789",
    }
    response = post_report(client, {**REPORT, **extra}, "es")
    assert response.status_code == 302
    assert Report.objects.count() == 1
    stored = database_text()
    assert "CANARY" not in stored


def test_promise_2_no_public_request_leaves_its_address_or_user_agent(
    file_report: Callable[..., Filed], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    client = Client(
        REMOTE_ADDR="198.51.100.23",
        HTTP_USER_AGENT="CanaryBrowser/9.9",
        HTTP_X_FORWARDED_FOR="203.0.113.99",
    )
    client.get("/")
    client.get("/es/")
    client.get("/es/report/")
    post_report(client, {}, "es")
    post_report(client, REPORT, "es")
    client.get("/es/report/receipt/")
    client.post("/es/report/receipt/", {"written_down": "on"})
    client.get("/es/report/sent/")
    client.post("/es/follow-up/", {"receipt": "0000-0000-0000-0000-0000"})
    client.post("/es/follow-up/", {"receipt": file_report().receipt})
    client.post("/es/follow-up/case/", {"body": "Otra cosa: era un carro rojo."})
    client.get("/es/no-such-page/")
    stored = database_text() + "\n".join(r.getMessage() for r in caplog.records)
    for canary in ("198.51.100.23", "CanaryBrowser", "203.0.113.99"):
        assert canary not in stored


def test_promise_2_staff_sign_ins_and_lock_outs_keep_no_address_or_user_agent(
    staff: dict[str, User], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    client = Client(REMOTE_ADDR="198.51.100.23", HTTP_USER_AGENT="CanaryBrowser/9.9")
    for _ in range(6):  # past the lock-out
        client.post("/staff/login/", {"username": "ivan", "password": "guess", "code": ""})
    data = {"username": "sam", "password": PASSWORD, "code": code_for()}
    assert client.post("/staff/login/", data).status_code == 302
    stored = database_text() + "\n".join(r.getMessage() for r in caplog.records)
    for canary in ("198.51.100.23", "CanaryBrowser"):
        assert canary not in stored


def test_promise_2_the_server_keeps_no_session_for_a_reporter(client: Client) -> None:
    post_report(client, REPORT)
    client.post("/en/report/receipt/", {"written_down": "on"})
    client.post("/en/follow-up/", {"receipt": "0000-0000-0000-0000-0000"})
    assert "tl_public" in client.cookies
    assert not Session.objects.exists()


def test_promise_2_the_access_log_format_names_no_client() -> None:
    for token in ("%(h)s", "%(a)s", "%(f)s", "%(l)s", "%(u)s", "{user-agent}i", "{referer}i"):
        assert token not in ACCESS_LOG_FORMAT


def test_promise_3_a_reporter_needs_no_name_account_or_email(client: Client) -> None:
    post_report(client, REPORT)
    report = Report.objects.get()
    assert not report.has_contact()
    assert not User.objects.exists()
    receipt = receipt_on_page(client)
    reporter = Client()
    reporter.post("/en/follow-up/", {"receipt": receipt})
    assert report.reference in reporter.get("/en/follow-up/case/").content.decode()


def test_promise_3_the_receipt_is_not_stored(client: Client) -> None:
    post_report(client, REPORT)
    receipt = receipt_on_page(client)
    stored = database_text()
    assert receipt not in stored
    assert receipt.replace("-", "") not in stored


def test_promise_4_every_staff_read_and_change_is_audited(
    client: Client, staff: dict[str, User], file_report: Callable[..., Filed]
) -> None:
    report = file_report().report
    base = f"/staff/reports/{report.pk}/"
    client.force_login(staff["sam"])
    steps: list[tuple[str, Callable[[], object]]] = [
        ("case.view", lambda: client.get(base)),
        ("case.status", lambda: client.post(base + "status/", {"to_status": "accepted"})),
        ("case.assign", lambda: client.post(base + "assign/", {"assignee": staff["ivan"].pk})),
        ("message.to_reporter", lambda: client.post(base + "messages/", {"body": "Gracias."})),
        ("note.add", lambda: client.post(base + "notes/", {"body": "Call back Friday."})),
    ]
    for action, step in steps:
        before = AuditEvent.objects.count()
        step()
        event = AuditEvent.objects.order_by("-id").first()
        assert event is not None
        assert AuditEvent.objects.count() == before + 1, action
        assert (event.action, event.actor, event.report_id) == (action, staff["sam"], report.pk)


def test_promise_4_reports_and_the_trail_are_not_in_the_admin() -> None:
    for model in (Report, Message, Note, AuditEvent):
        assert model not in admin.site._registry


TEMPLATES = Path(__file__).resolve().parents[2] / "trustline"


# The one script: the report form's optional proof-of-work (intake/abuse.py), served
# from the line itself. Every page works with it off (tests/browser/ run without JS).
OPTIONAL_SCRIPT = "<script src=\"{% static 'trustline/stamp.js' %}\" defer></script>"


def test_promise_7_public_pages_need_no_javascript_and_no_third_party_asset() -> None:
    for template in TEMPLATES.rglob("*.html"):
        text = template.read_text(encoding="utf-8").replace(OPTIONAL_SCRIPT, "")
        assert "<script" not in text, template
        assert not re.search(r"(src|href)=\"(https?:)?//", text), template
        assert " style=" not in text, template
