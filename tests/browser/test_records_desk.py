"""The records desk in a real browser with JavaScript off, under the California
profile: Rick (records custodian) logs an I-247A detainer asking for a release date,
sees the policy decline it with the rule and its citation, carries the decision out;
the notice to the person appears as a task, and the public figures for this month
rise by one.
"""

from __future__ import annotations

import calendar
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.utils import timezone
from playwright.sync_api import Page, expect

from tests.browser.conftest import NewContext, sign_in

CALIFORNIA = Path(__file__).resolve().parents[2] / "policies" / "california.toml"


def this_months_count(page: Page) -> int:
    """The total of this month's row in the public table of requests by type."""
    page.goto("/en/figures/")
    month = calendar.month_abbr[timezone.localdate().month]
    row = page.locator("#table-1 tbody tr").filter(has=page.get_by_role("rowheader", name=month))
    return int(row.locator("td").last.inner_text())


def log_a_detainer(page: Page) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text("Records desk")
    expect(page.get_by_role("link", name="Records desk", exact=True)).to_be_visible()
    page.get_by_role("link", name="Log an outside request").click()
    page.get_by_label("Requesting agency").fill("ICE ERO San Francisco")
    page.get_by_label("Kind of agency").select_option(label="Federal immigration agency")
    page.get_by_label("How it arrived").select_option(label="Fax")
    page.get_by_label("Document (required)", exact=True).select_option(value="detainer_i247a")
    page.get_by_label("Request type").select_option(value="R1")
    page.get_by_label("Release date", exact=True).check()
    page.get_by_label("Language of the person").select_option(value="es")
    page.get_by_role("button", name="Log and decide", exact=True).click()


@pytest.mark.browser
def test_a_custodian_declines_a_detainer_and_the_public_count_rises(
    new_context: NewContext, staff: dict[str, User], settings: Any
) -> None:
    settings.TRUSTLINE_POLICY_FILE = CALIFORNIA
    settings.TRUSTLINE_SMALL_COUNT = 1
    public = new_context(locale="en-US").new_page()
    before = this_months_count(public)

    page = new_context(locale="en-US").new_page()
    # The staff inbox is for case staff only: the desk's people sign in to the desk.
    sign_in(page, "rick", next_page="/staff/desk/")
    log_a_detainer(page)

    expect(page.get_by_role("heading", level=1)).to_contain_text("R1 – hold / detainer")
    decision = page.locator("table.decisions tbody tr")
    expect(decision).to_have_count(1)
    expect(decision).to_contain_text("Release date")
    expect(decision.locator(".outcome")).to_have_text("decline")
    expect(decision).to_contain_text("R1.hold")
    expect(decision).to_contain_text("Cal. Gov. Code § 7284.6(a)(1)(B)")

    page.get_by_role("button", name="Carry out this decision", exact=True).click()
    expect(page.locator("dl.facts")).to_contain_text("Carried out")
    tasks = page.locator("ul.tasks")
    expect(tasks).to_contain_text("Written notice to the person")
    expect(tasks.locator("pre.notice")).to_have_attribute("lang", "es")
    expect(page.get_by_role("button", name="Carry out this decision")).to_have_count(0)

    assert this_months_count(public) == before + 1
