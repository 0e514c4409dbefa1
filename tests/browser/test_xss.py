"""The attacker's tests, part two: an XSS corpus (tests/payloads/xss.txt) goes through
every field a reporter or a staff member can fill in, and every page that shows it
is opened in Chromium with JavaScript on. No payload may run, and each shows as the
text that was typed.

The pages are served without their Content-Security-Policy header here: the policy is
a second wall (tests/test_headers.py, tests/browser/test_content_security_policy.py);
this test holds the first one, escaping, on its own. A payload that runs calls
`__xss(n)`, a function the test exposes to every frame, or opens a dialog; both are
recorded.

Content is filed the way people file it: reports and follow-ups through the public
forms (Django's test client, one reporter each), staff writes through the staff
forms, signed in with `force_login`; the browser then carries each person's cookies.

Personas: sam (supervisor) works the cases, rick (records custodian) the desk,
aude (auditor) reads the trail.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import User
from django.test import Client
from playwright.sync_api import BrowserContext, Dialog, Page, Route
from pytest_django.live_server_helper import LiveServer

from tests.browser.conftest import NewContext
from tests.forms import post_report
from trustline.disclosures.models import OutsideRequest
from trustline.disclosures.tests.conftest import request_fields, use_profile
from trustline.intake.models import Report

CORPUS = Path(__file__).resolve().parents[1] / "payloads" / "xss.txt"
SEPARATOR = " | "
# Every staff and reporter text field holds 190 characters, but the desk's
# subject reference (40), which takes the payloads of each batch that fit.
BATCH = 190
SUBJECT_REFERENCE = 40

# In the page: every element an injected payload would have made active.
ACTIVE_MARKUP = """() => {
  const found = [];
  for (const el of document.querySelectorAll('*')) {
    for (const a of el.attributes) {
      const name = a.name.toLowerCase();
      if (name.startsWith('on')) found.push(`${el.tagName} ${name}`);
      if (/^(href|src|action|formaction|data|srcdoc|content)$/.test(name)
          && /__xss|javascript:/i.test(a.value)) found.push(`${el.tagName} ${name}=${a.value}`);
    }
    if (el.tagName === 'SCRIPT' && /__xss/.test(el.textContent)) found.push('SCRIPT');
  }
  return found;
}"""
SHOWN_TEXT = """() => [document.body.innerText,
  ...[...document.querySelectorAll('input, textarea')].map((f) => f.value)].join(' ')"""


def corpus() -> list[str]:
    lines = CORPUS.read_text(encoding="utf-8").splitlines()
    payloads = [line for line in lines if line and not line.startswith("#")]
    return [line.replace("{N}", str(n)) for n, line in enumerate(payloads, 1)]


def batches(payloads: list[str], limit: int = BATCH) -> list[list[str]]:
    """The corpus cut into runs that fit a field: each run goes into every field once."""
    runs: list[list[str]] = [[]]
    for payload in payloads:
        if runs[-1] and len(SEPARATOR.join([*runs[-1], payload])) > limit:
            runs.append([])
        runs[-1].append(payload)
    return runs


def fit(batch: list[str], limit: int) -> str:
    return SEPARATOR.join(payload for payload in batch if len(payload) <= limit)[:limit]


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


@dataclass
class Browser:
    """One person's browser: their cookies, JavaScript on, every firing recorded."""

    page: Page
    fired: list[str] = field(default_factory=list)

    def payload_ran(self, _source: object, number: object) -> None:
        self.fired.append(f"__xss({number})")

    def dialog_opened(self, dialog: Dialog) -> None:
        self.fired.append(f"dialog {dialog.message!r}")
        dialog.dismiss()

    def open(self, path: str, *shown: str) -> None:
        response = self.page.goto(path)
        assert response is not None and response.status < 500, path
        self.check(path, *shown)

    def check(self, where: str, *shown: str) -> None:
        # Event handlers (onerror, onload, ontoggle, onfocus) fire just after load.
        self.page.wait_for_load_state("load")
        self.page.wait_for_timeout(150)
        assert self.fired == [], f"{where}: payloads ran: {self.fired}"
        active = self.page.evaluate(ACTIVE_MARKUP)
        assert active == [], f"{where}: injected markup {active}"
        text = flat(self.page.evaluate(SHOWN_TEXT))
        for typed in shown:
            assert flat(typed) in text, f"{where} does not show, as text: {typed!r}"


def without_csp(route: Route) -> None:
    response = route.fetch(max_redirects=0)
    headers = {
        name: value
        for name, value in response.headers.items()
        if name.lower() != "content-security-policy"
    }
    route.fulfill(response=response, headers=headers)


@pytest.fixture
def browser_of(new_context: NewContext, live_server: LiveServer) -> Callable[[Client], Browser]:
    host = urlsplit(live_server.url).hostname

    def open_browser(client: Client) -> Browser:
        context: BrowserContext = new_context(javascript=True, locale="en-US")
        watched = Browser(page=context.new_page())
        context.expose_binding("__xss", watched.payload_ran)
        watched.page.on("dialog", watched.dialog_opened)
        context.route("**/*", without_csp)
        cookies: list[Any] = [
            {"name": name, "value": morsel.value, "domain": host, "path": morsel["path"] or "/"}
            for name, morsel in client.cookies.items()
        ]
        context.add_cookies(cookies)
        return watched

    return open_browser


@pytest.fixture
def signed_in(client: Client, staff: dict[str, User]) -> Callable[[str], Client]:
    """A test client signed in as a persona (conftest's client does what sign-in does)."""

    def sign_in(name: str) -> Client:
        person = type(client)()
        person.force_login(staff[name])
        return person

    return sign_in


# Filing the corpus --------------------------------------------------------------


@dataclass
class Filed:
    report: Report
    reporter: Client
    texts: dict[str, str]


def file_a_report(batch: list[str], sam: Client) -> Filed:
    """A reporter files the batch in every field and writes once more; Sam notes,
    answers, and refers the report elsewhere (not a police matter)."""
    text = fit(batch, BATCH)
    email_payload = next((p for p in batch if " " not in p and '"' not in p), "<b>")
    texts = {
        "place": text,
        "narrative": text,
        "contact_name": text,
        "contact_email": f'"{email_payload[:60]}"@example.com',
        "contact_safe_times": text,
    }
    reporter = Client()
    data = {"category": "theft", "when": "unsure", "role": "witness", "contact_language": "en"}
    response = post_report(reporter, {**data, **texts})
    assert response.status_code == 302, response.content.decode()[:3000]
    report = Report.objects.order_by("-id").first()
    assert report is not None
    assert reporter.post("/en/follow-up/case/", {"body": text}).status_code == 302
    case = f"/staff/reports/{report.pk}"
    for path, body in ((f"{case}/notes/", text), (f"{case}/messages/", text)):
        assert sam.post(path, {"body": body}).status_code == 302, path
    moved = sam.post(f"{case}/status/", {"to_status": "not_police_matter", "referral": text})
    assert moved.status_code == 302
    return Filed(report=report, reporter=reporter, texts=texts)


def log_requests(batch: list[str], rick: Client, sam: Client) -> list[OutsideRequest]:
    """Rick logs a request with the batch in every free-text field and releases what
    the policy allows; a warrant gets the batch as court details and an escalation."""
    text = fit(batch, BATCH)
    words = {"agency_name": text, "officer": text, "stated_purpose": text}
    history = log(
        rick,
        agency_type="local",
        request_type="R6",
        document_kind="none",
        categories=["criminal_history"],
        subject_reference=fit(batch, SUBJECT_REFERENCE),
        **words,
    )
    assert rick.post(f"/staff/desk/{history.pk}/carry-out/").status_code == 302
    released = {"categories": ["criminal_history"], "recipient": text, "content": text}
    assert rick.post(f"/staff/desk/{history.pk}/release/", released).status_code == 302
    warrant = log(
        rick,
        agency_type="local",
        request_type="R8",
        document_kind="judicial_warrant",
        categories=["records"],
        **words,
    )
    details = {"court": text, "judge": text, "statute": text, "signature_date": "2026-03-01"}
    assert rick.post(f"/staff/desk/{warrant.pk}/judicial/", details).status_code == 302
    escalated = sam.post(f"/staff/desk/{warrant.pk}/escalate/", {"reason": text})
    assert escalated.status_code == 302
    return [history, warrant]


def log(rick: Client, **fields: Any) -> OutsideRequest:
    response = rick.post("/staff/desk/new/", request_fields(**fields))
    assert response.status_code == 302, response.content.decode()[:3000]
    logged = OutsideRequest.objects.order_by("-id").first()
    assert logged is not None
    return logged


# The test -----------------------------------------------------------------------


@pytest.fixture
def runs(settings: Any, tmp_path: Path) -> Iterator[list[list[str]]]:
    use_profile(settings, "california")  # California releases criminal history
    settings.TRUSTLINE_DOCUMENTS_DIR = tmp_path / "documents"
    # Every report of the test is filed; none goes to quarantine for the budget.
    settings.ABUSE_SESSION_REPORTS_PER_HOUR_WITHOUT_STAMP = 1000
    settings.ABUSE_LINE_REPORTS_PER_MINUTE = 1000
    yield batches(corpus())


@pytest.mark.browser
def test_no_payload_runs_on_any_page_that_shows_what_people_typed(
    runs: list[list[str]],
    signed_in: Callable[[str], Client],
    browser_of: Callable[[Client], Browser],
) -> None:
    sam, rick = signed_in("sam"), signed_in("rick")
    filed = [file_a_report(batch, sam) for batch in runs]
    requests = [outside for batch in runs for outside in log_requests(batch, rick, sam)]

    for one in filed:
        thread = browser_of(one.reporter)
        thread.open("/en/follow-up/case/", one.texts["narrative"])

    officer = browser_of(sam)
    officer.open("/staff/")
    for one in filed:
        officer.open(f"/staff/reports/{one.report.pk}/", one.texts["place"], one.texts["narrative"])
        reveal = officer.page.locator('form[action$="/contact/"]')
        reveal.locator("[name=reason]").fill(one.texts["place"][:300])
        reveal.locator("button[type=submit]").click()
        officer.check(f"contact of report {one.report.pk}", *one.texts.values())

    desk = browser_of(rick)
    desk.open("/staff/desk/")
    for outside in requests:
        desk.open(f"/staff/desk/{outside.pk}/", outside.agency_name)

    browser_of(signed_in("aude")).open("/staff/audit/")


@pytest.mark.browser
def test_a_refused_report_form_gives_back_what_was_typed_only_as_text(
    runs: list[list[str]], browser_of: Callable[[Client], Browser]
) -> None:
    reporter = browser_of(Client())
    for batch in runs:
        text = fit(batch, BATCH)
        reporter.open("/en/report/")
        form = reporter.page.locator("main form")
        form.locator("input[name=category][value=theft]").check()
        form.locator("input[name=when][value=unsure]").check()
        form.locator("input[name=role][value=witness]").check()
        for name in ("place", "narrative", "contact_name", "contact_safe_times"):
            form.locator(f"[name={name}]").fill(text)
        # Neither is a phone number or an e-mail address: the form comes back.
        form.locator("[name=contact_phone]").fill(batch[0][:40])
        form.locator("[name=contact_email]").fill(batch[-1][:254])
        form.locator("button[type=submit]").first.click()
        reporter.check("the refused report form", text)
        assert reporter.page.locator(".error-summary").count() == 1
