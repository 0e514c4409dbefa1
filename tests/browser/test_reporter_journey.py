"""The whole promise in one story, in three separate browsers with JavaScript off:
a reporter files in Spanish and writes down the receipt; Sam (supervisor) accepts the
report, assigns it to Ivan and answers; the reporter comes back with the receipt and
reads the answer — in Spanish, with what the firewall withheld never shown to anyone.
"""

from __future__ import annotations

import re

import pytest
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from tests.browser.conftest import NewContext, sign_in
from tests.browser.reporter import NARRATIVE, Receipt, spanish

WITHHELD = "no tengo papeles"
REPLY = "Gracias por avisarnos. ¿Recuerda de qué color era la bicicleta?"


def file_a_report_in_spanish(page: Page) -> Receipt:
    page.goto("/es/")
    expect(page.locator("html")).to_have_attribute("lang", "es")
    page.get_by_role("link", name=spanish("Start a report")).click()

    # The category labels come from the database, already in Spanish.
    page.get_by_label("Le robaron algo", exact=True).check()
    page.get_by_label(spanish("I am not sure")).check()
    page.get_by_label(spanish("What happened? Tell us in your own words.")).fill(NARRATIVE)
    page.get_by_label(spanish("I saw it happen")).check()
    page.get_by_role("button", name=spanish("Send report"), exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(spanish("Your report was sent"))
    receipt = Receipt(
        reference=page.locator(".reference").inner_text().strip(),
        secret=page.locator("#receipt").inner_text().strip(),
    )
    assert re.fullmatch(r"\d{4}(-\d{4}){4}", receipt.secret), receipt.secret

    page.get_by_label(spanish("I have written down or printed my receipt")).check()
    page.get_by_role("button", name=spanish("Continue"), exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(spanish("What happens next"))
    main = page.locator("main")
    expect(main).to_contain_text(receipt.reference)
    expect(main).to_contain_text(
        spanish(
            "Parts of what you wrote said something about someone’s immigration status or "
            "papers. We removed those parts before saving your report. This is what we kept:"
        )
    )
    expect(main.locator(".kept mark.withheld")).to_be_visible()
    assert WITHHELD not in page.content().lower()
    return receipt


def accept_assign_and_answer(page: Page, reference: str) -> str:
    """Sam's side, in English; returns the case number the acceptance issued."""
    sign_in(page, "sam")
    expect(page.get_by_role("heading", level=1)).to_have_text("Inbox")

    page.get_by_role("link", name=reference, exact=True).click()
    heading = page.get_by_role("heading", level=1)
    expect(heading).to_contain_text(reference)
    expect(page.locator(".kept mark.withheld")).to_be_visible()
    assert WITHHELD not in page.content().lower()

    page.get_by_role("button", name="Move to “Accepted”", exact=True).click()
    expect(heading).to_contain_text("Case ")
    issued = re.search(r"Case (\S+)", heading.inner_text())
    assert issued is not None
    case_number = issued.group(1)

    page.get_by_label("Assign to").select_option(label="ivan")
    page.get_by_role("button", name="Assign", exact=True).click()
    assignment = page.get_by_role("heading", name="Assignment").locator("xpath=following::p[1]")
    expect(assignment).to_have_text("ivan")

    page.get_by_label("Message to the reporter").fill(REPLY)
    page.get_by_role("button", name="Send to reporter", exact=True).click()
    expect(page.locator(".thread .entry-staff")).to_contain_text(REPLY)
    expect(page.locator(".kept mark.withheld")).to_be_visible()
    assert WITHHELD not in page.content().lower()
    return case_number


def come_back_and_read_the_reply(page: Page, receipt: Receipt, case_number: str) -> None:
    page.goto("/es/follow-up/")
    page.get_by_label(spanish("Your receipt")).fill(receipt.secret)
    page.get_by_role("button", name=spanish("Open my report"), exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(
        spanish("Your report %(reference)s") % {"reference": receipt.reference}
    )
    expect(page.locator(".status")).to_contain_text(
        spanish("Your report is now an official police case. Your case number is %(case)s.")
        % {"case": case_number}
    )
    answer = page.locator(".thread .entry-staff")
    expect(answer).to_contain_text(spanish("Officer"))
    expect(answer).to_contain_text(REPLY)
    assert WITHHELD not in page.content().lower()


@pytest.mark.browser
def test_a_reporter_files_in_spanish_and_reads_the_reply(
    new_context: NewContext, staff: dict[str, User]
) -> None:
    receipt = file_a_report_in_spanish(new_context().new_page())
    case_number = accept_assign_and_answer(
        new_context(locale="en-US").new_page(), receipt.reference
    )
    come_back_and_read_the_reply(new_context().new_page(), receipt, case_number)


@pytest.mark.browser
def test_a_half_filled_form_changes_language_without_losing_a_word(
    new_context: NewContext,
) -> None:
    """JavaScript off: the language buttons under the form are its own submit buttons."""
    page = new_context().new_page()
    page.goto("/en/report/")
    form = page.locator("main form")
    form.locator("input[name=category][value=theft]").check()
    form.locator("textarea[name=narrative]").fill("Two men took my phone at the bus stop.")
    form.locator("input[name=interpreter]").check()
    form.get_by_role("button", name="Español").click()
    expect(page).to_have_url(re.compile(r"/es/report/$"))
    expect(page.locator("html")).to_have_attribute("lang", "es")
    expect(form.locator("textarea[name=narrative]")).to_have_value(
        "Two men took my phone at the bus stop."
    )
    expect(form.locator("input[name=category][value=theft]")).to_be_checked()
    expect(form.locator("input[name=interpreter]")).to_be_checked()
    expect(page.locator(".error-summary")).to_have_count(0)


@pytest.mark.browser
def test_an_officer_takes_a_report_by_phone_and_the_caller_follows_it_online(
    new_context: NewContext, staff: dict[str, User]
) -> None:
    officer = new_context(locale="en-US").new_page()
    sign_in(officer, "ines")
    officer.get_by_role("link", name="Take a report", exact=True).click()
    form = officer.locator("main form")
    form.locator("input[name=taken][value=phone]").check()
    form.locator("input[name=category][value=theft]").check()
    form.locator("input[name=when][value=unsure]").check()
    form.locator("textarea[name=narrative]").fill(NARRATIVE)
    form.locator("input[name=role][value=victim]").check()
    form.get_by_label("Which language does the caller speak?").select_option("vi")
    form.get_by_role("button", name="File the report and show the receipt").click()

    expect(officer.get_by_role("heading", level=1)).to_have_text(
        "Report filed: give the caller the receipt"
    )
    secret = officer.locator(".card .receipt").inner_text().strip()
    reference = officer.locator(".card strong").first.inner_text().strip()
    assert WITHHELD not in officer.content().lower()
    # The receipt is not kept anywhere an officer can open it again.
    officer.goto("/staff/")
    officer.get_by_role("link", name=reference, exact=True).click()
    assert secret not in officer.content()

    caller = new_context(locale="en-US").new_page()
    caller.goto("/en/follow-up/")
    caller.get_by_label("Your receipt").fill(secret)
    caller.get_by_role("button", name="Open my report", exact=True).click()
    expect(caller.get_by_role("heading", level=1)).to_have_text(f"Your report {reference}")
