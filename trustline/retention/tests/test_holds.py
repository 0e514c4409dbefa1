"""Legal holds: a supervisor places one by reference or case number with a reason,
and lifts it with a reason; while it is on, nothing of the report is purged."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.db.models import ProtectedError
from django.test import Client
from django.utils import timezone

from trustline.audit.models import AuditEvent
from trustline.intake.models import Report
from trustline.intake.services import Filed
from trustline.retention.models import LegalHold, PurgeWarning
from trustline.retention.services import purge
from trustline.retention.tests.conftest import Closer, contact_of, exists, refer, reporter_writes

pytestmark = pytest.mark.django_db

REASON = "Subpoena from the county court, case 26-CR-1182"


def place(sam: Client, report: str, reason: str = REASON) -> int:
    return sam.post("/staff/holds/place/", {"report": report, "reason": reason}).status_code


def test_a_hold_stops_the_purge_of_a_report(sam: Client, not_police_matter: Closer) -> None:
    report = not_police_matter(days=400)
    assert place(sam, report.reference.lower()) == 302
    purge()
    assert exists(report)


def test_a_hold_stops_the_purge_of_contact_details(sam: Client, closed_case: Closer) -> None:
    report = closed_case(days=400, contact_name="Rosa")
    assert report.case_number
    assert place(sam, report.case_number) == 302
    purge()
    assert contact_of(report)[0] != ""


def test_once_lifted_the_report_goes_at_the_next_run(
    sam: Client, not_police_matter: Closer
) -> None:
    report = not_police_matter(days=400)
    place(sam, report.reference)
    hold = LegalHold.objects.get()
    response = sam.post(f"/staff/holds/{hold.pk}/lift/", {f"hold{hold.pk}-reason": "Case settled"})
    assert response.status_code == 302
    purge()
    assert not exists(report)


def test_a_held_report_is_not_in_the_banner(sam: Client, file_report: Callable[..., Filed]) -> None:
    filed = file_report()
    report = refer(sam, filed.report, days=400)
    reporter_writes(filed.receipt, "One more thing.")
    purge()
    assert "due for purge" in sam.get("/staff/").content.decode()
    place(sam, report.reference)
    assert "due for purge" not in sam.get("/staff/").content.decode()
    purge(now=timezone.now() + timedelta(days=30))
    assert exists(report)
    assert not PurgeWarning.objects.exists()


def test_the_database_refuses_to_delete_a_held_report(
    sam: Client, not_police_matter: Closer
) -> None:
    report = not_police_matter(days=1)
    place(sam, report.reference)
    with pytest.raises(ProtectedError):
        Report.objects.filter(pk=report.pk).delete()


def test_placing_and_lifting_are_audited_with_the_report_and_no_reason(
    sam: Client, staff: dict[str, User], not_police_matter: Closer
) -> None:
    report = not_police_matter(days=1)
    place(sam, report.reference)
    hold = LegalHold.objects.get()
    sam.post(f"/staff/holds/{hold.pk}/lift/", {f"hold{hold.pk}-reason": "Settled"})
    events = AuditEvent.objects.filter(action__startswith="hold.").order_by("id")
    assert [(e.action, e.actor, e.report_id) for e in events] == [
        ("hold.place", staff["sam"], report.pk),
        ("hold.lift", staff["sam"], report.pk),
    ]
    assert all("Subpoena" not in repr(e.detail) for e in events)


def test_the_holds_page_lists_holds_in_force_and_lifted(
    sam: Client, not_police_matter: Closer
) -> None:
    kept, released = not_police_matter(days=1), not_police_matter(days=1)
    place(sam, kept.reference)
    place(sam, released.reference, "Litigation hold from counsel")
    hold = LegalHold.objects.get(report=released)
    sam.post(f"/staff/holds/{hold.pk}/lift/", {f"hold{hold.pk}-reason": "Counsel released it"})
    page = sam.get("/staff/holds/").content.decode()
    in_force, _, lifted = page.partition("Recently lifted")
    assert kept.reference in in_force and REASON in in_force
    assert released.reference in lifted and "Counsel released it" in lifted


def test_an_unknown_reference_is_refused_and_nothing_is_held(sam: Client) -> None:
    response = sam.post("/staff/holds/place/", {"report": "TL-NOPE00", "reason": REASON})
    assert response.status_code == 400
    assert "No report has that reference or case number." in response.content.decode()
    assert not LegalHold.objects.exists()


def test_a_hold_needs_a_reason(sam: Client, not_police_matter: Closer) -> None:
    report = not_police_matter(days=1)
    assert place(sam, report.reference, reason="") == 400
    assert not LegalHold.objects.exists()


def test_a_lifted_hold_cannot_be_lifted_again(sam: Client, not_police_matter: Closer) -> None:
    report = not_police_matter(days=1)
    place(sam, report.reference)
    hold = LegalHold.objects.get()
    lift = {f"hold{hold.pk}-reason": "Done"}
    assert sam.post(f"/staff/holds/{hold.pk}/lift/", lift).status_code == 302
    assert sam.post(f"/staff/holds/{hold.pk}/lift/", lift).status_code == 404


@pytest.mark.parametrize("who", ["ines", "ivan", "aude", "rick", "ada"])
def test_only_supervisors_place_holds(
    who: str, client: Client, staff: dict[str, User], not_police_matter: Closer
) -> None:
    report = not_police_matter(days=1)
    client.logout()
    client.force_login(staff[who])
    assert client.get("/staff/holds/").status_code == 404
    assert place(client, report.reference) == 404
    assert not LegalHold.objects.exists()


def test_the_staff_menu_links_supervisors_to_the_holds(
    client: Client, staff: dict[str, User]
) -> None:
    client.force_login(staff["sam"])
    assert 'href="/staff/holds/"' in client.get("/staff/").content.decode()
    client.force_login(staff["ines"])
    assert 'href="/staff/holds/"' not in client.get("/staff/").content.decode()
