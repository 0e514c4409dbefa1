"""One small reporting line with something behind every URL: the world the
authorization matrix and the sweep (tests/sweep.py) visit.

The personas are those of conftest.py. The report is accepted and assigned to Ivan, so
Olga is an officer of another case and the intake queue no longer holds it.
"""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User

from conftest import StaffClient
from trustline.cases.services import note_add
from trustline.disclosures.models import OutsideRequest, Task
from trustline.intake.models import AgencyProfile
from trustline.intake.services import message_from_reporter
from trustline.retention.services import hold_place

DETAINER = {
    "received_at": "2026-03-04T09:30",
    "agency_name": "ICE ERO",
    "agency_type": "immigration_federal",
    "officer": "Officer J. Smith",
    "arrival": "fax",
    "document_kind": "detainer_i247a",
    "request_type": "R1",
    "categories": ["release_date"],
    "person_language": "es",
}


def build_world(
    staff: dict[str, User], file_report: Any, put_case: Any, settings: Any
) -> dict[str, int]:
    """The ids each URL pattern takes, for `concrete`."""
    # California's detainer rule serves a notice on the person: a task to complete.
    settings.TRUSTLINE_POLICY_FILE = settings.BASE_DIR.parent / "policies" / "california.toml"
    # An interpreter number: every public page carries its lines, and the page with all
    # of them exists.
    AgencyProfile.objects.create(name="Riverside Police", interpreter_phone="555-0100")
    report = file_report().report
    suspected = file_report(quarantine_reason="session").report
    put_case(report, status="accepted", assignee=staff["ivan"])
    rick = StaffClient()
    rick.force_login(staff["rick"])
    response = rick.post("/staff/desk/new/", DETAINER)
    assert response.status_code == 302, response.content.decode()[:500]
    outside = OutsideRequest.objects.get()
    task = Task.objects.filter(request=outside).first()
    hold = hold_place(actor=staff["sam"], report_id=report.pk, reason="Subpoena duces tecum")
    message = message_from_reporter(report=report, body="One more thing I remembered.")
    note = note_add(actor=staff["sam"], report_id=report.pk, body="Call back on Tuesday.")
    return {
        "report_id": report.pk,
        "request_id": outside.pk,
        "task_id": task.pk if task else 0,
        "hold_id": hold.pk,
        "quarantined_id": suspected.pk,
        "user_id": staff["ivan"].pk,
        "message_id": message.pk,
        "note_id": note.pk,
    }


def concrete(route: str, ids: dict[str, int]) -> str:
    """A route of the URLconf with the world's ids in it."""
    path = "/" + route
    for name, value in ids.items():
        path = path.replace(f"<int:{name}>", str(value))
    return path
