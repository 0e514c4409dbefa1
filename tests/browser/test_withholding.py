"""Withholding by hand in a real browser with JavaScript off: Sam (supervisor) finds
words in a report's narrative that the firewall let through, mistypes them once (the
page says so and keeps what he typed), then withholds them. The case page no longer
shows them, a database dump holds neither them nor the ciphertext they were in, and
the audit event names the kind of text, not the words.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from tests.browser.conftest import NewContext, sign_in
from tests.contracts.dump import dump, opened_in
from trustline.audit.models import AuditEvent
from trustline.intake.models import Report
from trustline.intake.services import Filed

SLIP = "my cousin Marisol"
NARRATIVE = f"Two men took my phone at the bus stop. I was with {SLIP}, she saw it all."


def withhold_in_the_narrative(page: Page, report: Report, words: str) -> None:
    action = f"/staff/reports/{report.pk}/withhold/"
    details = page.locator("details.withhold", has=page.locator(f'form[action="{action}"]'))
    if details.get_attribute("open") is None:
        details.locator("summary").click()
    details.get_by_label("Words to withhold").fill(words)
    details.get_by_role("button", name="Withhold these words", exact=True).click()


@pytest.mark.browser
def test_an_officer_withholds_words_the_firewall_missed(
    new_context: NewContext,
    staff: dict[str, User],
    file_report: Callable[..., Filed],
    unsealed: Callable[[Report], Report],
) -> None:
    report = file_report(narrative=NARRATIVE).report
    old = Report.objects.filter(pk=report.pk).values_list("narrative", flat=True).get()

    page = new_context(locale="en-US").new_page()
    sign_in(page, "sam")
    page.get_by_role("link", name=report.reference, exact=True).click()
    narrative = page.locator("#narrative")
    expect(narrative).to_contain_text(SLIP)

    withhold_in_the_narrative(page, report, "my cousin Marisela")
    expect(page.locator(".error-summary")).to_contain_text("These words are not in this text")
    expect(page.get_by_label("Words to withhold").first).to_have_value("my cousin Marisela")
    expect(narrative).to_contain_text(SLIP)

    withhold_in_the_narrative(page, report, SLIP)
    expect(narrative.locator("mark.withheld")).to_be_visible()
    expect(narrative).not_to_contain_text("Marisol")
    expect(narrative).to_contain_text("Two men took my phone at the bus stop.")
    assert "Marisol" not in page.content()

    dumped = dump()
    assert old.encode() not in dumped and b"Marisol" not in dumped
    readable = opened_in(dumped, unsealed(Report.objects.get(pk=report.pk)))
    assert readable and not [text for text in readable if "Marisol" in text]

    event = AuditEvent.objects.get(action="content.withhold")
    assert (event.actor, event.report_id, event.detail) == (
        staff["sam"],
        report.pk,
        {"text": "narrative"},
    )
    assert "Marisol" not in json.dumps(event.payload()) and "cousin" not in json.dumps(
        event.payload()
    )
