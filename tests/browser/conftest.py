"""One headless Chromium for the whole session, driven through Playwright's sync API
against pytest-django's live server.

The browser is Debian's /usr/bin/chromium (`make install-browser`; another path in
TRUSTLINE_CHROMIUM); nothing here runs `playwright install`. Where it cannot start, the
browser tests skip and say why, so a laptop without Chromium can still run the rest;
in CI (`CI` or TRUSTLINE_REQUIRE_BROWSER=1, which .ci/run sets) they fail instead,
because promise 7 (no JavaScript, a 360-px phone, no third-party asset) is checked
only here.

Contexts: a reporter's browser has JavaScript off (Tor Browser "Safest"); axe-core
needs JavaScript, so the accessibility checks open the same pages in a context with
it on.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.db import DEFAULT_DB_ALIAS, connections
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright
from playwright.sync_api import Error as PlaywrightError
from pytest_django import DjangoDbBlocker
from pytest_django.live_server_helper import LiveServer

from conftest import PASSWORD, code_for
from tests.browser.reporter import NARRATIVE
from trustline.cases.services import case_assign, case_transition, message_to_reporter
from trustline.intake.models import AgencyProfile, Report
from trustline.intake.services import Filed

CHROMIUM = os.environ.get("TRUSTLINE_CHROMIUM", "/usr/bin/chromium")
REQUIRED = bool(os.environ.get("CI")) or os.environ.get("TRUSTLINE_REQUIRE_BROWSER") == "1"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
PHONE = {"width": 360, "height": 740}
# Long enough for a slow CI runner, short enough that a missing element fails fast.
TIMEOUT_MS = 10_000

NewContext = Callable[..., BrowserContext]


def migrated_rows(django_db_blocker: DjangoDbBlocker) -> str:
    """The rows the data migrations wrote (roles, categories), as pytest-django
    serialized them when it created the test database (or as they are now)."""
    connection = connections[DEFAULT_DB_ALIAS]
    with django_db_blocker.unblock():
        rows = getattr(connection, "_test_serialized_contents", None)
        return str(rows) if rows else connection.creation.serialize_db_to_string()


@pytest.fixture(scope="session")
def chromium(django_db_setup: None, django_db_blocker: DjangoDbBlocker) -> Iterator[Browser]:
    rows = migrated_rows(django_db_blocker)
    # Playwright's sync API keeps an event loop running in this thread; Django refuses
    # ORM calls from such a thread unless told the calling code is really synchronous.
    before = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    playwright = sync_playwright().start()
    # Under a running loop Django keeps this thread's connections per context, so the
    # thread now gets a new connection object, without the snapshot that serialized
    # rollback restores after each flush: hand it over.
    connections[DEFAULT_DB_ALIAS]._test_serialized_contents = rows  # type: ignore[attr-defined]
    try:
        try:
            browser = playwright.chromium.launch(
                executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True
            )
        except PlaywrightError as error:
            reason = (
                f"Chromium did not start from {CHROMIUM}: {str(error).splitlines()[0]} "
                "Install it with `make install-browser` (Debian's chromium package)."
            )
            if REQUIRED:
                pytest.fail(reason, pytrace=False)
            pytest.skip(reason)
        yield browser
        browser.close()
    finally:
        playwright.stop()
        if before is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = before


@pytest.fixture(autouse=True)
def _rows_from_migrations(django_db_serialized_rollback: None) -> None:
    """The live server's tests flush the database after each test, and with it the
    roles and categories of the data migrations: serialized rollback puts them back
    (and asking for it makes pytest-django snapshot them when it creates the database)."""


@pytest.fixture(autouse=True)
def _an_agency_with_an_interpreter_line(transactional_db: None) -> None:
    """Every page then carries its interpreter lines in twelve languages, Arabic right to
    left, so the layout and accessibility checks read them too."""
    AgencyProfile.objects.create(name="Riverside Police", interpreter_phone="(555) 010-4477")


@pytest.fixture
def new_context(chromium: Browser, live_server: LiveServer) -> Iterator[NewContext]:
    """Open a fresh browser profile: no cookies, JavaScript off unless asked for."""
    opened: list[BrowserContext] = []

    def open_context(
        *, javascript: bool = False, phone: bool = False, locale: str = "es-US"
    ) -> BrowserContext:
        options: dict[str, Any] = {
            "base_url": live_server.url,
            "java_script_enabled": javascript,
            "locale": locale,
        }
        if phone:
            options.update(viewport=PHONE, is_mobile=True, has_touch=True)
        context = chromium.new_context(**options)
        context.set_default_timeout(TIMEOUT_MS)
        opened.append(context)
        return context

    yield open_context
    for context in opened:
        context.close()


def sign_in(page: Page, username: str, next_page: str = "") -> None:
    """Sign a persona in through the form: password, and the code their authenticator
    app (conftest.TOTP_KEY) shows now."""
    page.goto(f"/staff/login/?next={next_page}" if next_page else "/staff/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_label("Code", exact=True).fill(code_for())
    page.get_by_role("button", name="Sign in", exact=True).click()


@pytest.fixture
def js_page(new_context: NewContext) -> Page:
    return new_context(javascript=True).new_page()


@pytest.fixture
def answered_report(
    file_report: Callable[..., Filed], staff: dict[str, User]
) -> Callable[[str], str]:
    """File a report in a language, have Sam accept it, assign it to Ivan and answer;
    return its receipt. The narrative mentions papers, so a part of it is withheld."""

    def file_and_answer(lang: str) -> str:
        filed = file_report(narrative=NARRATIVE, language=lang, contact_language=lang)
        sam, report_id = staff["sam"], filed.report.pk
        case_transition(actor=sam, report_id=report_id, to_status=Report.Status.ACCEPTED)
        case_assign(actor=sam, report_id=report_id, assignee=staff["ivan"])
        message_to_reporter(
            actor=sam,
            report_id=report_id,
            body="Gracias. ¿Recuerda de qué color era la bicicleta?",
        )
        return filed.receipt

    return file_and_answer
