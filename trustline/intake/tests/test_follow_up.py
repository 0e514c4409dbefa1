from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from trustline.audit.models import AuditEvent
from trustline.firewall import PLACEHOLDERS
from trustline.intake.models import FailedReceiptMinute, Message, Report
from trustline.intake.services import Filed

pytestmark = pytest.mark.django_db

WRONG = "0000-0000-0000-0000-0000"
NOT_FOUND = "We could not find a report with this receipt."


def open_with(client: Client, receipt: str, lang: str = "en") -> object:
    return client.post(f"/{lang}/follow-up/", {"receipt": receipt})


def test_it_opens_a_report_with_its_receipt(
    client: Client, file_report: Callable[..., Filed]
) -> None:
    filed = file_report()
    response = open_with(client, filed.receipt)
    assert response.status_code == 302  # type: ignore[attr-defined]
    page = client.get("/en/follow-up/case/").content.decode()
    assert filed.report.reference in page
    assert "We received your report." in page
    assert "My bicycle was taken from the rack outside the library." in page


def test_it_accepts_the_receipt_without_dashes(
    client: Client, file_report: Callable[..., Filed]
) -> None:
    filed = file_report()
    open_with(client, filed.receipt.replace("-", " "))
    assert filed.report.reference in client.get("/en/follow-up/case/").content.decode()


@pytest.mark.parametrize("typed", [WRONG, "12", "not a receipt at all"])
def test_it_gives_one_generic_message_for_any_wrong_receipt(client: Client, typed: str) -> None:
    page = open_with(client, typed).content.decode()  # type: ignore[attr-defined]
    assert NOT_FOUND in page
    assert f'value="{typed}"' in page


def test_it_asks_for_the_receipt_when_none_is_given(client: Client) -> None:
    page = open_with(client, "").content.decode()  # type: ignore[attr-defined]
    assert "Enter your receipt." in page


def test_it_throttles_a_session_that_keeps_guessing(
    client: Client, file_report: Callable[..., Filed]
) -> None:
    filed = file_report()
    for _ in range(5):
        open_with(client, WRONG)
    response = open_with(client, filed.receipt)
    assert response.status_code == 429  # type: ignore[attr-defined]
    assert "Too many tries" in response.content.decode()  # type: ignore[attr-defined]


def test_one_guessing_session_locks_nobody_else_out(file_report: Callable[..., Filed]) -> None:
    filed = file_report()
    abuser, reporter = Client(), Client()
    for _ in range(20):
        open_with(abuser, WRONG)
    assert open_with(reporter, filed.receipt).status_code == 302  # type: ignore[attr-defined]


def test_many_sessions_guessing_together_meet_the_line_wide_budget(
    file_report: Callable[..., Filed], settings: Any
) -> None:
    # Security sweep, note 7: dropping the cookie gave a new session its own budget,
    # about 3,700 guesses a minute from one client. The line counts misses, not senders.
    settings.RECEIPT_LINE_FAILURES_PER_MINUTE = 6
    filed = file_report()
    for _ in range(6):
        assert open_with(Client(), WRONG).status_code == 200  # type: ignore[attr-defined]
    waiting = open_with(Client(), filed.receipt)
    assert waiting.status_code == 429  # type: ignore[attr-defined]
    assert "Please wait 1 minute" in waiting.content.decode()  # type: ignore[attr-defined]
    assert FailedReceiptMinute.objects.get().failures == 6  # counted, nothing about who


def test_the_thread_needs_a_receipt_first(client: Client) -> None:
    response = client.get("/en/follow-up/case/")
    assert response.status_code == 302
    assert response["Location"] == "/en/follow-up/"


def test_the_reporter_adds_information(client: Client, file_report: Callable[..., Filed]) -> None:
    filed = file_report()
    open_with(client, filed.receipt)
    Report.objects.filter(pk=filed.report.pk).update(unread_by_staff=False)
    response = client.post("/en/follow-up/case/", {"body": "I remembered: the thief wore red."})
    assert response.status_code == 302
    page = client.get(response["Location"]).content.decode()
    assert "Your message was sent." in page
    assert "the thief wore red" in page
    assert Report.objects.get().unread_by_staff
    assert AuditEvent.objects.filter(action="message.from_reporter").count() == 1


def test_an_empty_message_is_refused_and_nothing_is_saved(
    client: Client, file_report: Callable[..., Filed]
) -> None:
    filed = file_report()
    open_with(client, filed.receipt)
    page = client.post("/en/follow-up/case/", {"body": "   "}).content.decode()
    assert "Write your message before sending it." in page
    assert not Message.objects.filter(kind=Message.Kind.REPORTER).exists()


def test_a_status_in_the_reporters_message_is_withheld(
    client: Client, file_report: Callable[..., Filed], unsealed: Callable[[Message], Message]
) -> None:
    filed = file_report(language="es")
    open_with(client, filed.receipt, "es")
    client.post("/es/follow-up/case/", {"body": "No fui a la policía porque no tengo papeles."})
    stored = unsealed(Message.objects.get(kind=Message.Kind.REPORTER)).body
    assert "papeles" not in stored
    assert PLACEHOLDERS[("STATUS", "es")] in stored


def test_closing_the_report_on_this_device_forgets_it(
    client: Client, file_report: Callable[..., Filed]
) -> None:
    filed = file_report()
    open_with(client, filed.receipt)
    client.post("/en/follow-up/leave/")
    assert client.get("/en/follow-up/case/").status_code == 302


def test_a_copy_of_the_session_cookie_taken_before_leaving_opens_nothing_after(
    client: Client, file_report: Callable[..., Filed]
) -> None:
    # Security sweep, finding 6: the public session is a signed cookie, so flushing it
    # on this device left a copy (which carries the report's key) valid for an hour.
    filed = file_report()
    open_with(client, filed.receipt)
    copied = client.cookies["tl_public"].value
    client.post("/en/follow-up/leave/")
    thief = Client()
    thief.cookies["tl_public"] = copied
    assert thief.get("/en/follow-up/case/").status_code == 302
    assert thief.post("/en/follow-up/case/", {"body": "still here?"}).status_code == 302
    assert not Message.objects.filter(kind=Message.Kind.REPORTER).exists()
    # The receipt still opens the report afresh, on any device.
    open_with(thief, filed.receipt)
    assert filed.report.reference in thief.get("/en/follow-up/case/").content.decode()
    assert AuditEvent.objects.filter(action="report.reporter_left").count() == 1


def test_a_receipt_opens_a_fresh_session(client: Client, file_report: Callable[..., Filed]) -> None:
    filed = file_report()
    client.get("/en/follow-up/")
    before = client.cookies.get("tl_public")
    open_with(client, filed.receipt)
    after = client.cookies["tl_public"].value
    assert before is None or before.value != after
