"""A report taken by phone or at the counter: an intake officer files it for the
caller through the same firewall and vault, the receipt is shown once, and the caller
follows the case online with it. The audit trail says staff filed it."""

from __future__ import annotations

import re
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from conftest import StaffClient
from trustline.audit.models import AuditEvent
from trustline.intake.models import AgencyProfile, Report
from trustline.intake.tests.test_report_form import valid

pytestmark = pytest.mark.django_db

RECEIPT = re.compile(r'<p class="receipt">([^<]+)</p>')


def officer(user: User) -> StaffClient:
    client = StaffClient()
    client.force_login(user)
    return client


def take(client: Client, **overrides: Any) -> Any:
    form = client.get("/staff/reports/new/").content.decode()
    token = re.search(r'name="submission" value="([^"]+)"', form)
    assert token, "no one-time token on the form"
    data = valid(**{"taken": "phone", "contact_language": "vi", **overrides})
    return client.post("/staff/reports/new/", {**data, "submission": token.group(1)})


def test_an_intake_officer_files_a_callers_report_and_sees_the_receipt_once(
    staff: dict[str, User], unsealed: Any
) -> None:
    AgencyProfile.objects.create(name="Riverside Police", interpreter_phone="555-0100")
    ines = officer(staff["ines"])
    response = take(ines, narrative="Someone broke my car window. I have no papers.")
    page = response.content.decode()
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    receipt = RECEIPT.search(page)
    assert receipt, "no receipt shown"
    # The caller's language: the interpreter line on the card is in Vietnamese.
    assert "Cần thông dịch viên? Hãy gọi" in page
    report = unsealed(Report.objects.get())
    assert "no papers" not in report.narrative
    assert report.contact_language == "vi"
    # Nowhere to see it again: the inbox and the case page never show a receipt.
    assert receipt.group(1) not in ines.get("/staff/").content.decode()
    assert receipt.group(1) not in ines.get(f"/staff/reports/{report.pk}/").content.decode()


def test_the_caller_follows_the_case_online_with_that_receipt(staff: dict[str, User]) -> None:
    page = take(officer(staff["ines"])).content.decode()
    receipt = RECEIPT.search(page)
    assert receipt
    caller = Client()
    response = caller.post("/en/follow-up/", {"receipt": receipt.group(1)})
    assert response.status_code == 302 and response["Location"] == "/en/follow-up/case/"
    assert "My blue bicycle" in caller.get("/en/follow-up/case/").content.decode()


def test_the_audit_trail_says_which_officer_took_it_and_how(staff: dict[str, User]) -> None:
    take(officer(staff["sam"]), taken="counter")
    event = AuditEvent.objects.get(action="report.submit")
    assert event.actor_kind == AuditEvent.Actor.STAFF
    assert event.actor_name == "sam"
    assert event.detail == {"taken": "counter"}


def test_a_double_click_files_one_report(staff: dict[str, User]) -> None:
    ines = officer(staff["ines"])
    form = ines.get("/staff/reports/new/").content.decode()
    token = re.search(r'name="submission" value="([^"]+)"', form)
    assert token
    data = {**valid(taken="phone"), "submission": token.group(1)}
    first = RECEIPT.search(ines.post("/staff/reports/new/", data).content.decode())
    second = RECEIPT.search(ines.post("/staff/reports/new/", data).content.decode())
    assert first and second and first.group(1) == second.group(1)
    assert Report.objects.count() == 1


def test_a_missing_answer_is_named_keeps_what_was_typed_and_files_nothing(
    staff: dict[str, User],
) -> None:
    response = take(officer(staff["ines"]), narrative="", taken="", place="Corner of 5th")
    page = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in page
    assert "Tell us what happened." in page and "Choose how the report came in." in page
    assert 'value="Corner of 5th"' in page
    assert not Report.objects.exists()


@pytest.mark.parametrize("who", ["ivan", "aude", "rick"])
def test_only_intake_and_supervisors_take_reports(staff: dict[str, User], who: str) -> None:
    client = officer(staff[who])
    assert client.get("/staff/reports/new/").status_code == 404
    assert client.post("/staff/reports/new/", valid(taken="phone")).status_code == 404
    assert "Take a report" not in client.get("/staff/").content.decode()
