"""The proof-of-work stamp (intake/abuse.py, static/trustline/stamp.js) in a real
Chromium: with JavaScript on, the page solves its form's puzzle while the person types
and the report is filed normally even when the line is over its budget; with it off,
the same report is still filed, in quarantine."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from playwright.sync_api import expect

from tests.browser.conftest import NewContext
from tests.browser.reporter import Reporter
from trustline.intake import abuse
from trustline.intake.models import Report

pytestmark = pytest.mark.browser


@pytest.fixture(autouse=True)
def _line_over_budget(settings: Any) -> None:
    # Every report without a stamp is beyond the line's budget.
    settings.ABUSE_LINE_REPORTS_PER_MINUTE = 0


def test_a_browser_with_javascript_stamps_its_report(new_context: NewContext) -> None:
    page = new_context(javascript=True).new_page()
    page.goto("/en/report/")
    stamp = page.locator("input[name=stamp]")
    expect(stamp).not_to_have_value("", timeout=30_000)
    submission = page.locator("input[name=submission]").input_value()
    assert abuse.stamp_is_valid(submission, stamp.input_value())
    form = page.locator("main form")
    form.locator("input[name=category][value=theft]").check()
    form.locator("input[name=when][value=unsure]").check()
    form.locator("textarea[name=narrative]").fill("Someone took my bicycle.")
    form.locator("input[name=role][value=witness]").check()
    form.locator("button[type=submit]").first.click()  # the first: Send, not a language
    expect(page).to_have_url(re.compile(r"/report/receipt/$"))
    assert not Report.objects.latest("id").quarantined


def test_a_browser_without_javascript_still_files_its_report(
    new_context: NewContext, answered_report: Callable[[str], str]
) -> None:
    page = new_context().new_page()
    receipt = Reporter(page, "en", answered_report).receipt()
    report = Report.objects.latest("id")
    assert report.reference == receipt.reference
    assert report.quarantined
