"""The strict Content-Security-Policy (no inline script or style; settings.py) breaks
nothing: in a Chromium with JavaScript on, the main public and staff pages cause no
violation. A canary shows that the listener hears one when a page does break a rule."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from tests.browser.conftest import NewContext, sign_in
from tests.browser.reporter import PUBLIC_PAGES, Reporter
from trustline.intake.models import Report

pytestmark = pytest.mark.browser

# Runs in every document before the page's own code (Playwright, not the page: the
# policy does not apply to it), and keeps what the browser refused.
LISTEN = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(e.violatedDirective + " " + e.blockedURI);
});
"""


class Watched:
    def __init__(self, page: Page) -> None:
        self.page = page
        self.console: list[str] = []
        page.on("console", self._hear)

    def _hear(self, message: object) -> None:
        text = str(getattr(message, "text", ""))
        if "Content Security Policy" in text:
            self.console.append(text)

    def violations(self) -> list[str]:
        seen: list[str] = self.page.evaluate("window.__violations || []")
        return [*seen, *self.console]


@pytest.fixture
def watched(new_context: NewContext) -> Watched:
    context = new_context(javascript=True, locale="en-US")
    context.add_init_script(LISTEN)
    return Watched(context.new_page())


@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_the_public_page_breaks_no_rule_of_the_policy(
    name: str, watched: Watched, answered_report: Callable[[str], str]
) -> None:
    Reporter(watched.page, "en", answered_report).visit(name)
    assert watched.violations() == []


def test_the_staff_pages_break_no_rule_of_the_policy(
    watched: Watched, staff: dict[str, User], answered_report: Callable[[str], str]
) -> None:
    answered_report("es")
    Report.objects.update(quarantined=False)
    page = watched.page
    page.goto("/staff/login/")
    assert watched.violations() == []
    sign_in(page, "sam")
    assert watched.violations() == []
    page.locator("table a").first.click()
    expect(page.locator(".kept")).to_be_visible()
    assert watched.violations() == []
    page.goto("/staff/quarantine/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Quarantine")
    assert watched.violations() == []


def test_the_listener_hears_a_style_the_policy_refuses(watched: Watched) -> None:
    watched.page.goto("/en/")
    watched.page.evaluate("document.body.setAttribute('style', 'color: red')")
    watched.page.wait_for_function("window.__violations.length > 0")
    assert any(v.startswith("style-src") for v in watched.violations())
