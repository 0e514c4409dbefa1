"""The case page's forms to withhold part of a text, without JavaScript.

Personas as in conftest.py: Sam supervises, Ivan investigates (the case is his),
Olga is an officer of another case.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from conftest import StaffClient
from trustline.audit.models import AuditEvent
from trustline.cases.services import note_add
from trustline.intake.models import Message, Report
from trustline.intake.services import Filed, message_from_reporter

pytestmark = pytest.mark.django_db

NARRATIVE = "Two men took my phone at the bus stop. My cousin Marisol saw it from the bakery."


@pytest.fixture
def report(file_report: Callable[..., Filed], staff: dict[str, User]) -> Report:
    report = file_report(narrative=NARRATIVE).report
    message_from_reporter(report=report, body="Marisol Reyes can tell you more.")
    note_add(actor=staff["sam"], report_id=report.pk, body="Call Marisol on Tuesday.")
    return report


def case_url(report: Report) -> str:
    return f"/staff/reports/{report.pk}/"


def narrative_in(page: str) -> str:
    match = re.search(r'<div class="kept" id="narrative">(.*?)</div>', page, re.S)
    assert match is not None
    return match.group(1)


def test_every_text_has_its_own_form(
    client: Client, staff: dict[str, User], report: Report
) -> None:
    client.force_login(staff["sam"])
    page = client.get(case_url(report)).content.decode()
    message = Message.objects.get(kind="reporter")
    note = report.notes.get()
    assert page.count("Withhold part of this text") == 3  # the narrative, a message, a note
    assert f'action="{case_url(report)}withhold/"' in page
    assert f'action="{case_url(report)}messages/{message.pk}/withhold/"' in page
    assert f'action="{case_url(report)}notes/{note.pk}/withhold/"' in page
    assert 'name="narrative-words"' in page and f'name="note-{note.pk}-words"' in page
    assert "to withhold only one, include the words around it" in page


def test_an_officer_withholds_words_and_the_page_no_longer_shows_them(
    client: Client, staff: dict[str, User], report: Report
) -> None:
    client.force_login(staff["sam"])
    response = client.post(case_url(report) + "withhold/", {"narrative-words": "cousin Marisol"})
    assert response.status_code == 302
    assert response["Location"] == case_url(report) + "#narrative"
    shown = client.get(case_url(report))
    narrative = narrative_in(shown.content.decode())
    assert "Marisol" not in narrative and '<mark class="withheld">' in narrative
    assert "no-store" in shown["Cache-Control"]
    assert AuditEvent.objects.get(action="content.withhold").detail == {"text": "narrative"}


def test_a_message_and_a_note_are_withheld_through_their_own_forms(
    client: Client, staff: dict[str, User], report: Report
) -> None:
    message = Message.objects.get(kind="reporter")
    note = report.notes.get()
    client.force_login(staff["sam"])
    posted = client.post(
        f"{case_url(report)}messages/{message.pk}/withhold/",
        {f"message-{message.pk}-words": "Marisol Reyes"},
    )
    assert posted.status_code == 302 and posted["Location"].endswith(f"#message-{message.pk}")
    posted = client.post(
        f"{case_url(report)}notes/{note.pk}/withhold/", {f"note-{note.pk}-words": "Marisol"}
    )
    assert posted.status_code == 302
    page = client.get(case_url(report)).content.decode()
    assert "Marisol" in narrative_in(page)  # only the texts chosen
    assert "Marisol Reyes" not in page and "Call Marisol" not in page
    actions = AuditEvent.objects.filter(action="content.withhold").values_list("detail", flat=True)
    assert sorted(d["text"] for d in actions) == ["message", "note"]


def test_words_not_found_are_kept_with_an_error_in_the_officers_language(
    client: Client, staff: dict[str, User], report: Report
) -> None:
    client.force_login(staff["sam"])
    response = client.post(
        case_url(report) + "withhold/",
        {"narrative-words": "Marisela Ruiz"},
        HTTP_ACCEPT_LANGUAGE="es",
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert "Estas palabras no están en este texto" in page
    assert "Marisela Ruiz</textarea>" in page  # what they typed, to correct
    assert '<details class="withhold" open>' in page
    assert "Marisol" in narrative_in(page)
    assert not AuditEvent.objects.filter(action="content.withhold").exists()


def test_an_empty_form_asks_for_the_words(
    client: Client, staff: dict[str, User], report: Report
) -> None:
    client.force_login(staff["sam"])
    response = client.post(case_url(report) + "withhold/", {"narrative-words": "  "})
    assert response.status_code == 400
    assert "Type or paste the words to withhold first." in response.content.decode()


def test_an_officer_of_another_case_cannot_withhold(
    client: Client, staff: dict[str, User], report: Report, put_case: Callable[..., Report]
) -> None:
    put_case(report, status="accepted", assignee=staff["ivan"])
    client.force_login(staff["olga"])
    response = client.post(case_url(report) + "withhold/", {"narrative-words": "Marisol"})
    assert response.status_code == 404
    client.force_login(staff["ivan"])
    response = client.post(case_url(report) + "withhold/", {"narrative-words": "Marisol"})
    assert response.status_code == 302
    assert AuditEvent.objects.get(action="content.withhold").actor == staff["ivan"]


def test_withholding_needs_the_csrf_token(staff: dict[str, User], report: Report) -> None:
    client = StaffClient(enforce_csrf_checks=True)
    client.force_login(staff["sam"])
    response = client.post(case_url(report) + "withhold/", {"narrative-words": "Marisol"})
    assert response.status_code == 403
    assert not AuditEvent.objects.filter(action="content.withhold").exists()
