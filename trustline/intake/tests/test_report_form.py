from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client
from django.utils import timezone

from benchmarks.loadlib import TOKEN
from tests.forms import post_report, receipt_on_page, report_form_token
from trustline.audit.models import AuditEvent
from trustline.firewall import PLACEHOLDERS
from trustline.intake import receipts
from trustline.intake.models import Message, Report
from trustline.intake.reporter_session import RECEIPT_COOKIE

pytestmark = pytest.mark.django_db


def valid(**overrides: Any) -> dict[str, Any]:
    data = {
        "category": "theft",
        "when": "at",
        "date_from": "2026-03-27",
        "time_from": "14:30",
        "place": "Library bike rack",
        "narrative": "My blue bicycle was cut from the rack while I was inside.",
        "role": "victim",
        "contact_language": "en",
    }
    data.update(overrides)
    return data


def test_it_shows_the_form_in_plain_sections(client: Client) -> None:
    page = client.get("/en/report/").content.decode()
    assert "What happened" in page
    assert "Something was stolen" in page
    assert "How we can reach you (optional)" in page


def test_it_files_a_report_and_hands_over_the_receipt(client: Client) -> None:
    response = post_report(client, valid())
    assert response.status_code == 302
    assert response["Location"] == "/en/report/receipt/"
    report = Report.objects.get()
    assert report.status == Report.Status.NEW
    assert report.language == "en"
    assert report.occurred_from is not None
    assert timezone.localtime(report.occurred_from).strftime("%Y-%m-%d %H:%M") == "2026-03-27 14:30"
    assert RECEIPT_COOKIE in response.cookies

    page = client.get("/en/report/receipt/").content.decode()
    assert report.reference in page
    receipt = receipt_on_page(client)
    assert receipt in page
    assert receipts.digest(receipt) == report.receipt_digest


def test_it_records_the_submission_in_the_audit_trail(client: Client) -> None:
    post_report(client, valid())
    event = AuditEvent.objects.get(action="report.submit")
    assert event.actor_kind == "reporter"
    assert event.report_id == Report.objects.get().pk


def test_the_receipt_is_shown_only_until_it_is_confirmed(client: Client) -> None:
    post_report(client, valid())
    response = client.post("/en/report/receipt/", {"written_down": "on"})
    assert response.status_code == 302
    assert response["Location"] == "/en/report/sent/"
    again = client.get("/en/report/receipt/")
    assert again.status_code == 302


def test_it_asks_the_reporter_to_confirm_they_wrote_it_down(client: Client) -> None:
    post_report(client, valid())
    response = client.post("/en/report/receipt/", {})
    assert response.status_code == 200
    assert "Please write down your receipt first" in response.content.decode()


def test_it_offers_a_printable_receipt_card(client: Client) -> None:
    post_report(client, valid())
    page = client.get("/en/report/receipt/card/").content.decode()
    assert "Keep this card safe" in page


def test_it_rejects_an_empty_form_and_saves_nothing(client: Client) -> None:
    response = post_report(client, {})
    page = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in page
    assert "Tell us what happened." in page
    assert "Choose what happened." in page
    assert not Report.objects.exists()
    assert not Message.objects.exists()
    assert not AuditEvent.objects.exists()


def test_it_keeps_what_the_reporter_typed(client: Client) -> None:
    data = valid(date_from="2026-02-31", narrative="The van was parked on Elm Street.")
    page = post_report(client, data).content.decode()
    assert "Enter a real date" in page
    assert "The van was parked on Elm Street." in page
    assert 'value="theft" id="id_category_theft" checked' in page
    assert not Report.objects.exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"date_from": "2999-01-01"}, "The date cannot be in the future."),
        ({"date_from": "yesterday"}, "Enter a real date"),
        ({"when": "between", "date_to": ""}, "Enter the last day of the time range."),
        ({"when": "between", "date_to": "2026-03-01"}, "The last day must be after the first day."),
        ({"when": "at", "date_from": ""}, "Enter the date, or choose"),
        ({"time_from": "25:99"}, "Enter a time like 14:30."),
        ({"narrative": "Stolen\x00 bike"}, "Null characters are not allowed."),
        ({"narrative": "Stolen \x1b[31m bike"}, "unusual invisible characters"),
        ({"contact_phone": "call me maybe"}, "Enter a phone number"),
        ({"contact_email": "not-an-address"}, "Enter an e-mail address"),
        ({"category": "illegal-entry"}, "Select a valid choice"),
        ({"role": "citizen"}, "Select a valid choice"),
    ],
)
def test_it_rejects_bad_input_with_a_clear_message(
    client: Client, overrides: dict[str, str], message: str
) -> None:
    page = post_report(client, valid(**overrides)).content.decode()
    assert message in page
    assert not Report.objects.exists()


def test_it_rejects_a_narrative_over_the_documented_limit(client: Client, settings: Any) -> None:
    page = post_report(client, valid(narrative="x" * 20001)).content.decode()
    assert "Ensure this value has at most 20000 characters" in page
    assert not Report.objects.exists()


def test_it_files_without_a_name_or_any_contact(client: Client) -> None:
    post_report(client, valid())
    report = Report.objects.get()
    assert not report.has_contact()


def test_it_remembers_the_language_the_reporter_used(client: Client) -> None:
    post_report(client, valid(contact_language="es"), "es")
    assert Report.objects.get().language == "es"


def test_a_crime_against_a_person_shows_where_to_find_an_advocate(client: Client) -> None:
    post_report(client, valid(category="domestic-violence"))
    client.post("/en/report/receipt/", {"written_down": "on"})
    page = client.get("/en/report/sent/").content.decode()
    assert "victim advocate" in page


def test_a_property_crime_does_not_show_the_advocate_section(client: Client) -> None:
    post_report(client, valid())
    page = client.get("/en/report/sent/").content.decode()
    assert "victim advocate" not in page


def test_the_reporter_sees_what_was_withheld(
    client: Client, unsealed: Callable[[Report], Report]
) -> None:
    narrative = "He stole my wallet. I did not call before because I am undocumented."
    post_report(client, valid(narrative=narrative))
    page = client.get("/en/report/sent/").content.decode()
    assert "We removed those parts before saving your report" in page
    assert f'<mark class="withheld">{PLACEHOLDERS[("STATUS", "en")]}</mark>' in page
    assert "undocumented" not in page
    assert "undocumented" not in unsealed(Report.objects.get()).narrative


def test_the_form_never_asks_about_status_or_identity_numbers(client: Client) -> None:
    page = client.get("/en/report/").content.decode().lower()
    for word in ("citizenship", "nationality", "country of birth", "social security", "passport"):
        assert word not in page


def test_sending_the_same_form_twice_files_one_report_with_one_receipt(client: Client) -> None:
    token = report_form_token(client)
    first = client.post("/en/report/", {**valid(), "submission": token})
    receipt = receipt_on_page(client)
    again = client.post("/en/report/", {**valid(), "submission": token})
    assert first.status_code == again.status_code == 302
    assert Report.objects.count() == 1
    # The cookie's signature carries a timestamp; the receipt inside is the same.
    assert receipt_on_page(client) == receipt
    assert AuditEvent.objects.filter(action="report.submit").count() == 1


def test_a_form_from_an_ended_session_keeps_the_answers_and_asks_again(client: Client) -> None:
    token = report_form_token(client)
    stale = Client()
    response = stale.post(
        "/en/report/", {**valid(narrative="A red car hit my fence."), "submission": token}
    )
    page = response.content.decode()
    assert response.status_code == 200
    assert "This form had expired." in page
    assert "A red car hit my fence." in page
    assert not Report.objects.exists()
    fresh = TOKEN.search(page)
    assert fresh is not None
    retry = stale.post("/en/report/", {**valid(), "submission": fresh.group(1)})
    assert retry.status_code == 302


def test_switching_language_keeps_what_was_typed_and_sends_nothing(client: Client) -> None:
    token = report_form_token(client, "en")
    half = {
        "submission": token,
        "category": "theft",
        "narrative": "Two men took my phone at the bus stop.",
        "place": "Elm and 3rd",
        "interpreter": "on",
        "switch": "es",
    }
    response = client.post("/es/report/", half)
    page = response.content.decode()
    assert response.status_code == 200
    assert '<html lang="es" dir="ltr">' in page and "Enviar reporte" in page
    assert "Two men took my phone at the bus stop." in page
    assert 'value="Elm and 3rd"' in page
    assert 'value="theft" id="id_category_theft" checked' in page
    assert 'name="interpreter" id="id_interpreter" checked' in page
    assert "There is a problem" not in page and "Hay un problema" not in page
    assert not Report.objects.exists()
    # The same form, now in Spanish, is sent as it is.
    kept = re.search(r'name="submission" value="([^"]+)"', page)
    assert kept and kept.group(1) == token
    sent = client.post("/es/report/", {**valid(), "submission": token})
    assert sent.status_code == 302 and Report.objects.count() == 1
