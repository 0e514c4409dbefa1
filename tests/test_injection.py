"""The attacker's tests, part one: SQL injection through every search and filter
parameter, and header injection through every value that can reach a header.

An SQL payload must change nothing: the same rows in every table, the audit chain
intact with its earlier events untouched, no server error, and nobody sees a report
they could not see before. A header payload (CR/LF, or a URL that leaves the site)
must produce no extra header and no redirect away from Trustline.

Personas (conftest.py): sam (supervisor) searches the inbox, ivan (investigator)
sees only his own cases, rick (records custodian) filters the desk, aude (auditor)
filters the trail; the public follows up with a receipt.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING
from urllib.parse import urlencode, urlsplit

import pytest
from django.apps import apps
from django.contrib.auth.models import User
from django.contrib.sessions.models import Session
from django.test import Client

from trustline.audit.models import AuditEvent, AuditHead
from trustline.audit.services import verify
from trustline.cases.services import case_assign
from trustline.intake.models import FailedReceiptMinute, Report
from trustline.intake.services import Filed

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as Response

pytestmark = pytest.mark.django_db

SQL_PAYLOADS = [
    "' OR '1'='1",
    "' OR 1=1 --",
    '" OR ""="',
    "') OR ('a'='a",
    "1' OR '1'='1' /*",
    "1; DROP TABLE intake_report; --",
    "'; DELETE FROM audit_auditevent; --",
    "1 UNION SELECT username, password FROM auth_user --",
    "' UNION SELECT NULL, NULL, NULL --",
    "%' OR '%'='",
    "1 AND (SELECT COUNT(*) FROM auth_user) > 0",
    "'; SELECT pg_sleep(5); --",
    "1' AND randomblob(500000000) --",
    "\\'; UPDATE auth_user SET is_superuser = true; --",
    "\u02bc OR 1=1 --",  # a modifier apostrophe that some databases fold into '
    "\x00' OR 1=1 --",
    "-1",
    "99999999999999999999999999",
    "1e308",
    "[]",
]

STAFF_FILTERS = {
    "/staff/": ["q", "status", "category", "language", "assignee", "page"],
    "/staff/desk/": ["status", "request_type", "agency_type", "page"],
    "/staff/audit/": ["action", "actor", "report_id", "since", "until", "page"],
}
WHO_FILTERS = {"/staff/": "sam", "/staff/desk/": "rick", "/staff/audit/": "aude"}

CRLF_PAYLOADS = [
    "/x\r\nSet-Cookie: injected=1",
    "/x\rSet-Cookie: injected=1",
    "/x\nX-Injected: 1",
    "/x%0d%0aSet-Cookie:%20injected=1",
    "/x\u560a\u560dSet-Cookie: injected=1",  # bytes E5 98 8A/8D: CR/LF to a careless encoder
]
OFFSITE_PAYLOADS = [
    "//evil.example/",
    "https://evil.example/",
    "http:/evil.example/",
    "/\\evil.example/",
    "\\\\evil.example/",
    "/%2F%2Fevil.example/",
    " //evil.example/",
    "\t//evil.example/",
    "javascript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
]
NEXT_PAYLOADS = CRLF_PAYLOADS + OFFSITE_PAYLOADS


# Helpers ------------------------------------------------------------------------


def row_counts() -> dict[str, int]:
    """Rows in every table but the audit trail (checked on its own), the sessions
    (each request may refresh its own) and the line's count of receipts that opened
    nothing (a wrong receipt is counted there, as it should be)."""
    skipped = {AuditEvent, AuditHead, Session, FailedReceiptMinute}
    return {
        model._meta.label: model._base_manager.count()
        for model in apps.get_models()
        if model not in skipped
    }


@pytest.fixture
def nothing_changes() -> Iterator[None]:
    """Around a test: the same rows, and an audit trail that only grew."""
    rows = row_counts()
    trail = list(AuditEvent.objects.order_by("id").values_list("id", "hash"))
    yield
    assert row_counts() == rows
    verify()
    after = AuditEvent.objects.order_by("id").values_list("id", "hash")[: len(trail)]
    assert list(after) == trail


def assert_no_server_error(response: Response, what: str) -> None:
    assert response.status_code < 500, f"{what} answered {response.status_code}"


def assert_stays_home(response: Response, what: str) -> None:
    """No header of the attacker's making, and no redirect that leaves the site."""
    assert_no_server_error(response, what)
    for name, value in response.headers.items():
        assert "\r" not in value and "\n" not in value, f"{what}: {name} holds a line break"
        assert name.lower() != "x-injected", what
    assert "injected" not in response.cookies, what
    location = response.headers.get("Location")
    if location is not None:
        assert_local(location, what)


def assert_local(url: str, what: str) -> None:
    """A path on this site, however a lenient browser reads it."""
    parts = urlsplit(url)
    assert not parts.scheme and not parts.netloc, f"{what} leads to {url!r}"
    assert url.startswith("/") and not url.startswith(("//", "/\\")), f"{what}: {url!r}"
    # Browsers drop tabs and line breaks in URLs and read a backslash as a slash.
    assert not re.search(r"[\\\r\n\t]", url), f"{what}: {url!r}"


@pytest.fixture
def reports(file_report: Callable[..., Filed], staff: dict[str, User]) -> list[Report]:
    """One report in the intake queue and one assigned to Olga."""
    queued = file_report().report
    olgas = file_report(place="Pine Street").report
    case_assign(actor=staff["sam"], report_id=olgas.pk, assignee=staff["olga"])
    return [queued, olgas]


# SQL injection ------------------------------------------------------------------


@pytest.mark.parametrize("path", list(STAFF_FILTERS))
def test_sql_payloads_in_staff_filters_change_nothing(
    path: str,
    client: Client,
    staff: dict[str, User],
    reports: list[Report],
    nothing_changes: None,
) -> None:
    client.force_login(staff[WHO_FILTERS[path]])
    for parameter in STAFF_FILTERS[path]:
        for payload in SQL_PAYLOADS:
            response = client.get(path, {parameter: payload})
            assert_no_server_error(response, f"{path}?{parameter}={payload!r}")


def test_sql_payloads_show_an_investigator_no_case_of_another_officer(
    client: Client, staff: dict[str, User], reports: list[Report], nothing_changes: None
) -> None:
    client.force_login(staff["ivan"])
    for parameter in STAFF_FILTERS["/staff/"]:
        for payload in SQL_PAYLOADS:
            page = client.get("/staff/", {parameter: payload}).content.decode()
            for report in reports:
                assert report.reference not in page, f"{parameter}={payload!r}"


def test_sql_payloads_as_a_receipt_open_nothing(
    reports: list[Report], nothing_changes: None
) -> None:
    for payload in SQL_PAYLOADS:
        # A new visitor each time: the guessing throttle is not what is tested here.
        response = Client().post("/en/follow-up/", {"receipt": payload})
        assert_no_server_error(response, f"receipt {payload!r}")
        assert response.status_code != 302, f"receipt {payload!r} opened a thread"


def test_sql_payloads_in_the_public_figures_change_nothing(nothing_changes: None) -> None:
    for payload in SQL_PAYLOADS:
        response = Client().get("/en/figures/", {"year": payload})
        assert_no_server_error(response, f"figures?year={payload!r}")


# Header injection ---------------------------------------------------------------


# Where a signed-in officer's `next` is read: sign-in (already signed in, it redirects
# at once), the confirmation before a sensitive action, and signing out.
OFFICER_NEXT = [
    ("get", "/staff/login/"),
    ("get", "/staff/account/confirm/"),
    ("post", "/staff/logout/"),
]


@pytest.mark.parametrize(("method", "path"), OFFICER_NEXT)
@pytest.mark.parametrize("payload", NEXT_PAYLOADS)
def test_next_sends_a_signed_in_officer_nowhere_else(
    method: str, path: str, payload: str, client: Client, staff: dict[str, User]
) -> None:
    client.force_login(staff["sam"])
    what = f"{method} {path}?next={payload!r}"
    response = getattr(client, method)(f"{path}?{urlencode({'next': payload})}")
    assert_stays_home(response, what)
    # The confirmation page keeps `next` in its form for after the password.
    kept = re.search(r'name="next" value="([^"]*)"', response.content.decode())
    if kept and kept.group(1):
        assert_local(kept.group(1), what)


@pytest.mark.parametrize("payload", NEXT_PAYLOADS)
def test_the_admin_sign_in_passes_next_along_only_as_data(payload: str) -> None:
    response = Client().get("/staff/admin/login/", {"next": payload})
    assert_stays_home(response, f"admin login?next={payload!r}")


@pytest.mark.parametrize("payload", CRLF_PAYLOADS + OFFSITE_PAYLOADS)
def test_a_path_without_language_is_redirected_only_within_the_site(payload: str) -> None:
    # LocaleMiddleware puts the path into the Location of its redirect.
    response = Client().get(payload if payload.startswith("/") else f"/{payload}")
    assert_stays_home(response, f"GET {payload!r}")


@pytest.mark.parametrize(
    "accept_language",
    ["es\r\nSet-Cookie: injected=1", "en\nX-Injected: 1", "es;q=1\r\n\r\n<script>"],
)
def test_the_language_a_browser_asks_for_reaches_no_header(accept_language: str) -> None:
    response = Client().get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert_stays_home(response, f"Accept-Language {accept_language!r}")
    assert response.headers["Location"] in ("/en/", "/es/")


@pytest.mark.parametrize("payload", ['x"onmouseover="alert(1)', "x'><script>alert(1)</script>"])
def test_the_language_switch_shows_a_strange_path_only_escaped(payload: str) -> None:
    # The switch links to the same path in the other language.
    response = Client().get(f"/en/{payload}/")
    assert_stays_home(response, f"/en/{payload!r}/")
    page = response.content.decode()
    assert "<script>alert(1)" not in page
    assert 'x"onmouseover' not in page
