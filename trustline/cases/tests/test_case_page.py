from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from trustline.audit.models import AuditEvent
from trustline.cases.models import Note
from trustline.intake.models import AgencyProfile, Message, Report
from trustline.intake.services import Filed
from trustline.reauth import REAUTH_AT, mark_reauthenticated

pytestmark = pytest.mark.django_db


@pytest.fixture
def report(file_report: Callable[..., Filed]) -> Report:
    return file_report(
        narrative="Two men took my phone. I never called before because I have no papers.",
        contact_name="Rosa",
        language="es",
        contact_language="es",
        interpreter=True,
    ).report


def url(report: Report, action: str = "") -> str:
    return f"/staff/reports/{report.pk}/{action + '/' if action else ''}"


def test_it_shows_every_field_and_marks_what_was_withheld(
    client: Client, staff: dict[str, User], report: Report
) -> None:
    client.force_login(staff["sam"])
    page = client.get(url(report)).content.decode()
    assert "Two men took my phone." in page
    assert '<mark class="withheld">' in page
    assert "no papers" not in page
    assert "needs an interpreter" in page
    assert "Español" in page
    # Contact details wait for a stated reason (test_revealing_contact_details_...).
    assert "Rosa" not in page
    assert "The reporter left contact details." in page


def reveal(client: Client, report: Report, reason: str = "To arrange an interview") -> str:
    session = client.session
    mark_reauthenticated(session)
    session.save()
    response = client.post(url(report, "contact"), {"reason": reason})
    return response.content.decode()


def test_revealing_contact_details_needs_a_reason_and_is_audited(
    client: Client, staff: dict[str, User], report: Report
) -> None:
    client.force_login(staff["ines"])
    assert "Give the reason you need the contact details." in reveal(client, report, reason="")
    assert not AuditEvent.objects.filter(action="contact.reveal").exists()
    page = reveal(client, report)
    assert "Rosa" in page
    event = AuditEvent.objects.get(action="contact.reveal")
    assert (event.actor, event.report_id) == (staff["ines"], report.pk)
    assert event.detail == {"reason": "To arrange an interview"}
    # Shown once: the next visit asks again.
    assert "Rosa" not in client.get(url(report)).content.decode()


def test_revealing_contact_details_asks_for_the_password_and_code_again(
    client: Client, staff: dict[str, User], report: Report
) -> None:
    client.force_login(staff["sam"])
    session = client.session
    session[REAUTH_AT] = 0  # signed in long ago
    session.save()
    response = client.post(url(report, "contact"), {"reason": "To arrange an interview"})
    assert response.status_code == 302
    assert response["Location"].startswith("/staff/account/confirm/")
    assert not AuditEvent.objects.filter(action="contact.reveal").exists()


def test_an_investigator_reveals_contact_details_only_on_their_own_case(
    client: Client, staff: dict[str, User], report: Report, put_case: Callable[..., Report]
) -> None:
    put_case(report, assignee=staff["ivan"], status="accepted")
    client.force_login(staff["olga"])
    assert client.post(
        url(report, "contact"), {"reason": "Just curious, honestly"}
    ).status_code in (
        302,
        404,
    )
    assert "Rosa" not in reveal(client, report)
    client.force_login(staff["ivan"])
    assert "Rosa" in reveal(client, report)


def test_opening_a_case_is_recorded(client: Client, staff: dict[str, User], report: Report) -> None:
    client.force_login(staff["ines"])
    client.get(url(report))
    event = AuditEvent.objects.get(action="case.view")
    assert (event.actor, event.report_id) == (staff["ines"], report.pk)
    assert not Report.objects.get().unread_by_staff


def test_an_officer_of_another_case_cannot_open_it(
    client: Client, staff: dict[str, User], report: Report
) -> None:
    Report.objects.filter(pk=report.pk).update(assignee=staff["ivan"], status="accepted")
    client.force_login(staff["olga"])
    assert client.get(url(report)).status_code == 404
    assert client.post(url(report, "messages"), {"body": "hi"}).status_code == 404
    assert not AuditEvent.objects.filter(action="case.view").exists()


def test_a_missing_case_and_a_hidden_case_look_the_same(
    client: Client, staff: dict[str, User], report: Report
) -> None:
    Report.objects.filter(pk=report.pk).update(assignee=staff["ivan"], status="accepted")
    client.force_login(staff["olga"])
    hidden = client.get(url(report))
    missing = client.get("/staff/reports/999999/")
    assert hidden.status_code == missing.status_code == 404
    assert hidden.content.replace(url(report).encode(), b"") == missing.content.replace(
        b"/staff/reports/999999/", b""
    )


def test_a_supervisor_accepts_and_a_case_number_is_issued(
    client: Client, staff: dict[str, User], report: Report
) -> None:
    AgencyProfile.objects.create(case_number_format="PD{year}-{seq:05d}")
    client.force_login(staff["sam"])
    response = client.post(url(report, "status"), {"to_status": "accepted"})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "accepted"
    assert report.case_number is not None
    assert report.case_number.startswith("PD20") and report.case_number.endswith("-00001")
    assert Message.objects.filter(report=report, kind="status", status="accepted").exists()
    event = AuditEvent.objects.get(action="case.status")
    assert event.detail == {"from": "new", "to": "accepted", "case_number": report.case_number}


def test_case_numbers_count_up(
    client: Client, staff: dict[str, User], file_report: Callable[..., Filed]
) -> None:
    client.force_login(staff["sam"])
    numbers = []
    for _ in range(3):
        report = file_report().report
        client.post(url(report, "status"), {"to_status": "accepted"})
        report.refresh_from_db()
        numbers.append(report.case_number)
    assert [n.rsplit("-", 1)[1] for n in numbers if n] == ["000001", "000002", "000003"]


def test_intake_cannot_accept_a_report(
    client: Client, staff: dict[str, User], report: Report
) -> None:
    client.force_login(staff["ines"])
    response = client.post(url(report, "status"), {"to_status": "accepted"})
    assert response.status_code == 403
    assert Report.objects.get().status == "new"


def test_a_report_cannot_skip_the_workflow(
    client: Client, staff: dict[str, User], report: Report
) -> None:
    client.force_login(staff["sam"])
    closing = {"to_status": "closed", "disposition": "arrest"}
    assert client.post(url(report, "status"), closing).status_code == 403
    assert Report.objects.get().status == "new"


def test_not_a_police_matter_needs_a_referral_for_the_reporter(
    client: Client, staff: dict[str, User], report: Report
) -> None:
    client.force_login(staff["ines"])
    response = client.post(url(report, "status"), {"to_status": "not_police_matter"})
    assert response.status_code == 400
    assert "Tell the reporter where they can get help." in response.content.decode()
    client.post(
        url(report, "status"),
        {"to_status": "not_police_matter", "referral": "Call the tenants' union at 555-0100."},
    )
    report.refresh_from_db()
    assert report.status == "not_police_matter"
    assert report.referral == "Call the tenants' union at 555-0100."


def test_the_assigned_investigator_works_and_closes_the_case(
    client: Client, staff: dict[str, User], report: Report
) -> None:
    client.force_login(staff["sam"])
    client.post(url(report, "status"), {"to_status": "accepted"})
    client.post(url(report, "assign"), {"assignee": staff["ivan"].pk})
    client.force_login(staff["ivan"])
    client.post(url(report, "status"), {"to_status": "investigating"})
    response = client.post(url(report, "status"), {"to_status": "closed"})
    assert "Choose the outcome." in response.content.decode()
    client.post(url(report, "status"), {"to_status": "closed", "disposition": "arrest"})
    report.refresh_from_db()
    assert (report.status, report.disposition) == ("closed", "arrest")


def test_only_a_supervisor_assigns(client: Client, staff: dict[str, User], report: Report) -> None:
    client.force_login(staff["ines"])
    assert client.post(url(report, "assign"), {"assignee": staff["ivan"].pk}).status_code == 403
    client.force_login(staff["sam"])
    client.post(url(report, "assign"), {"assignee": staff["ivan"].pk})
    assert Report.objects.get().assignee == staff["ivan"]
    assert AuditEvent.objects.get(action="case.assign").detail == {"assignee": "ivan"}


def test_a_reply_reaches_the_reporter_and_passes_the_firewall(
    client: Client, staff: dict[str, User], report: Report, unsealed: Callable[[Message], Message]
) -> None:
    client.force_login(staff["sam"])
    client.post(url(report, "messages"), {"body": "Gracias. ¿Tiene residencia permanente?"})
    message = unsealed(Message.objects.get(kind="staff"))
    assert "residencia permanente" not in message.body
    assert message.author == staff["sam"]
    assert AuditEvent.objects.filter(action="message.to_reporter").count() == 1


def test_an_empty_reply_is_refused(client: Client, staff: dict[str, User], report: Report) -> None:
    client.force_login(staff["sam"])
    response = client.post(url(report, "messages"), {"body": ""})
    assert response.status_code == 400
    assert "Write the message first." in response.content.decode()
    assert not Message.objects.filter(kind="staff").exists()


def test_notes_stay_internal(
    client: Client,
    staff: dict[str, User],
    file_report: Callable[..., Filed],
    unsealed: Callable[[Note], Note],
) -> None:
    filed = file_report()
    client.force_login(staff["ines"])
    client.post(url(filed.report, "notes"), {"body": "Check the library camera."})
    assert unsealed(Note.objects.get()).body == "Check the library camera."
    reporter = Client()
    reporter.post("/en/follow-up/", {"receipt": filed.receipt})
    assert "library camera" not in reporter.get("/en/follow-up/case/").content.decode()


def test_the_reporter_reads_status_changes_in_their_language(
    client: Client, staff: dict[str, User], file_report: Callable[..., Filed]
) -> None:
    filed = file_report(language="es")
    client.force_login(staff["sam"])
    client.post(url(filed.report, "status"), {"to_status": "accepted"})
    reporter = Client()
    reporter.post("/en/follow-up/", {"receipt": filed.receipt})
    page = reporter.get("/en/follow-up/case/").content.decode()
    filed.report.refresh_from_db()
    assert f"Your case number is {filed.report.case_number}" in page
