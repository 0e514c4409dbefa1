"""Spam and floods without captchas and without addresses (intake/abuse.py): a
honeypot, a budget per session and one for the whole line, and an optional
proof-of-work stamp. Suspected reports go to quarantine, never away."""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, Any

import pytest
from django.test import Client

from tests.forms import receipt_on_page, report_form_token
from trustline.intake import abuse
from trustline.intake.models import Report, SubmissionMinute
from trustline.intake.selectors import report_for_receipt

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as Response

pytestmark = pytest.mark.django_db

ANSWERS = {
    "category": "theft",
    "when": "unsure",
    "narrative": "My bicycle was taken from the rack outside the library.",
    "role": "victim",
    "contact_language": "en",
}


@pytest.fixture(autouse=True)
def _quick_stamps(settings: Any) -> None:
    # A 16-bit stamp takes a phone a second or two; tests need not wait for one.
    settings.ABUSE_POW_BITS = 8


def send(client: Client, *, stamped: bool = False, **extra: str) -> Response:
    """Fill in the form as a browser does; with a stamp, as one with JavaScript."""
    token = report_form_token(client)
    data = {**ANSWERS, "submission": token, **extra}
    if stamped:
        data["stamp"] = abuse.solve(token)
    return client.post("/en/report/", data)


def newest() -> Report:
    return Report.objects.latest("id")


def test_the_form_carries_a_hidden_honeypot_and_a_puzzle_for_javascript(client: Client) -> None:
    page = client.get("/en/report/").content.decode()
    assert '<div class="trap" aria-hidden="true">' in page
    assert 'name="website" id="id_website" value="" tabindex="-1" autocomplete="off"' in page
    assert "data-challenge=" in page and 'data-bits="8"' in page
    assert "trustline/stamp.js" in page


def test_without_javascript_a_report_is_filed_as_usual(client: Client) -> None:
    response = send(client)
    assert response.status_code == 302
    assert receipt_on_page(client)
    assert not newest().quarantined


def test_a_filled_honeypot_files_the_report_in_quarantine_with_a_receipt(client: Client) -> None:
    response = send(client, website="https://cheap-pills.example")
    assert response.status_code == 302
    receipt = receipt_on_page(client)
    report = newest()
    assert report.quarantined and report.quarantine_reason == "honeypot"
    # Nothing tells the sender; the receipt opens the report like any other.
    assert report_for_receipt(receipt).pk == report.pk


def test_a_session_over_its_budget_files_in_quarantine(client: Client, settings: Any) -> None:
    settings.ABUSE_SESSION_REPORTS_PER_HOUR_WITHOUT_STAMP = 2
    for _ in range(2):
        assert send(client).status_code == 302
        assert not newest().quarantined
    assert send(client).status_code == 302
    assert newest().quarantine_reason == "session"
    # A new browser (or one that dropped its cookie) has its own budget.
    assert send(Client()).status_code == 302
    assert not newest().quarantined


def test_a_stamp_buys_a_larger_session_budget(client: Client, settings: Any) -> None:
    settings.ABUSE_SESSION_REPORTS_PER_HOUR_WITHOUT_STAMP = 1
    settings.ABUSE_SESSION_REPORTS_PER_HOUR = 3
    for _ in range(3):
        send(client, stamped=True)
        assert not newest().quarantined
    send(client, stamped=True)
    assert newest().quarantine_reason == "session"


def test_over_the_line_budget_reports_without_a_stamp_go_to_quarantine(
    settings: Any,
) -> None:
    settings.ABUSE_LINE_REPORTS_PER_MINUTE = 2
    for _ in range(2):
        send(Client())
        assert not newest().quarantined
    send(Client())
    assert newest().quarantine_reason == "line"
    send(Client(), stamped=True)
    assert not newest().quarantined


def test_a_flooded_line_asks_senders_without_a_stamp_to_come_back_keeping_their_words(
    client: Client, settings: Any
) -> None:
    settings.ABUSE_LINE_BUSY_PER_MINUTE = 0
    before = Report.objects.count()
    response = send(client, narrative="Someone is breaking into cars on Elm Street.")
    page = response.content.decode()
    assert response.status_code == 503
    assert response["Retry-After"] == "180"
    assert "The reporting line is very busy" in page
    assert "Someone is breaking into cars on Elm Street." in page
    assert Report.objects.count() == before


def test_the_busy_page_is_in_the_readers_language(settings: Any) -> None:
    settings.ABUSE_LINE_BUSY_PER_MINUTE = 0
    client = Client()
    token = report_form_token(client, "es")
    page = client.post("/es/report/", {**ANSWERS, "submission": token}).content.decode()
    assert "La línea de reportes está muy ocupada" in page


def test_a_flooded_line_still_files_stamped_reports_in_quarantine(
    client: Client, settings: Any
) -> None:
    settings.ABUSE_LINE_BUSY_PER_MINUTE = 0
    assert send(client, stamped=True).status_code == 302
    assert newest().quarantine_reason == "flood"


def test_the_line_budget_is_counted_in_the_database_that_every_process_shares(
    settings: Any,
) -> None:
    # Another process has counted 5 forms this minute: this one sees them.
    settings.ABUSE_LINE_REPORTS_PER_MINUTE = 5
    SubmissionMinute.objects.create(minute=int(time.time() // 60), submissions=5)
    send(Client())
    assert newest().quarantined


def test_the_line_count_slides_over_the_minute_boundary() -> None:
    start = 1_800_000_000.0 - 1_800_000_000.0 % 60
    for _ in range(10):
        abuse.count_submission(start + 50)
    # 15 s into the next minute, 45 of the last minute's 60 s still count.
    assert abuse.count_submission(start + 75) == pytest.approx(1 + 10 * 0.75)
    # Minutes that no longer count are forgotten.
    abuse.count_submission(start + 200)
    assert not SubmissionMinute.objects.filter(minute__lt=int((start + 200) // 60) - 1).exists()


def test_a_valid_stamp_is_accepted_and_a_wrong_one_is_not(settings: Any) -> None:
    settings.ABUSE_POW_BITS = 16  # the default: one chance in 65,536 to fit another form
    token, other = "form-token-one", "form-token-two"
    stamp = abuse.solve(token)
    assert abuse.stamp_is_valid(token, stamp)
    assert abuse.leading_zero_bits(bytes([0, 0x0F]) + bytes(30)) == 12
    # Bound to its form: worthless on another one.
    assert not abuse.stamp_is_valid(other, stamp)
    for bad in ("", "abc", "-1", "1" * 21):
        assert not abuse.stamp_is_valid(token, bad)
    settings.ABUSE_POW_BITS = 30
    assert not abuse.stamp_is_valid(token, stamp)
