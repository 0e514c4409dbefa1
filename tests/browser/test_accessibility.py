"""Every public page, in both languages, and the staff pages an officer lives in pass
axe-core's WCAG 2.1 A and AA rules.

The pages need no JavaScript, but axe does: they are opened in a JavaScript-enabled
context. axe.min.js comes from the axe-playwright-python package, not from this tree.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from tests.browser.conftest import NewContext, sign_in
from tests.browser.reporter import LANGUAGES, PUBLIC_PAGES, Reporter

WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": WCAG_21_AA},
    "resultTypes": ["violations"],
}


def violations_report(url: str, violations: list[dict[str, Any]]) -> str:
    lines = [f"{url}: {len(violations)} WCAG 2.1 A/AA violation(s)"]
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}\n"
            f"  {violation['helpUrl']}"
        )
        for node in violation["nodes"]:
            lines.append(f"    at {' '.join(map(str, node['target']))}: {node['html'][:200]}")
            summary = node.get("failureSummary") or ""
            lines.extend(f"      {line}" for line in summary.splitlines())
    return "\n".join(lines)


def assert_accessible(page: Page) -> None:
    results = Axe().run(page, options=AXE_OPTIONS)
    violations: list[dict[str, Any]] = results.response["violations"]
    assert not violations, violations_report(page.url, violations)


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("name", PUBLIC_PAGES)
def test_the_public_page_meets_wcag_2_1_aa(
    name: str, lang: str, js_page: Page, answered_report: Callable[[str], str]
) -> None:
    Reporter(js_page, lang, answered_report).visit(name)
    expect(js_page.locator("html")).to_have_attribute("lang", lang)
    assert_accessible(js_page)


@pytest.fixture
def officer_page(new_context: NewContext) -> Page:
    return new_context(javascript=True, locale="en-US").new_page()


@pytest.mark.browser
def test_the_staff_sign_in_page_meets_wcag_2_1_aa(officer_page: Page) -> None:
    officer_page.goto("/staff/login/")
    assert_accessible(officer_page)


@pytest.mark.browser
def test_the_inbox_and_the_case_page_meet_wcag_2_1_aa(
    officer_page: Page, staff: dict[str, User], answered_report: Callable[[str], str]
) -> None:
    answered_report("es")
    sign_in(officer_page, "sam")
    expect(officer_page.get_by_role("heading", level=1)).to_have_text("Inbox")
    assert_accessible(officer_page)

    officer_page.locator("table a").first.click()
    expect(officer_page.locator(".kept mark.withheld")).to_be_visible()
    assert_accessible(officer_page)


@pytest.mark.browser
def test_the_checker_itself_reports_a_field_without_a_label(js_page: Page) -> None:
    # Guards the tests above against passing because axe silently checked nothing.
    js_page.set_content('<html lang="en"><title>t</title><main><input type="text"></main></html>')
    violations = Axe().run(js_page, options=AXE_OPTIONS).response["violations"]
    assert "label" in {violation["id"] for violation in violations}
