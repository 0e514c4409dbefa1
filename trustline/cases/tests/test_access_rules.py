"""The access rule is written twice, of necessity: as a query (`visible_reports`, what
the inbox lists) and in memory (`may_see`, who holds a copy of a report's key). They
must never disagree, or someone would see a report they cannot open, or hold a key to
one they may not see."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from trustline.cases.services import case_transition
from trustline.intake.models import Report
from trustline.intake.services import Filed
from trustline.intake.visibility import INTAKE_QUEUE, may_see, visible_reports
from trustline.vault.models import KeyWrap

pytestmark = pytest.mark.django_db


def test_the_query_and_the_in_memory_rule_agree(
    staff: dict[str, User], file_report: Callable[..., Filed]
) -> None:
    report = file_report().report
    compared = 0
    for status in Report.Status.values:
        for assignee in (None, staff["ivan"], staff["olga"]):
            Report.objects.filter(pk=report.pk).update(status=status, assignee=assignee)
            report.refresh_from_db()
            for user in staff.values():
                listed = visible_reports(user).filter(pk=report.pk).exists()
                assert may_see(user, report) == listed, (user, status, assignee)
                compared += 1
    assert compared == len(Report.Status.values) * 3 * len(staff)


def test_intake_sees_a_report_only_while_it_is_in_the_intake_queue(
    client: Client, staff: dict[str, User], file_report: Callable[..., Filed]
) -> None:
    # Security sweep, finding 1: an accepted or closed report with no assignee stayed
    # open to intake officers, key copy and messages included.
    report = file_report().report
    ines = staff["ines"]
    client.force_login(ines)
    for status in Report.Status.values:
        for assignee in (None, staff["ivan"]):
            Report.objects.filter(pk=report.pk).update(status=status, assignee=assignee)
            answer = client.get(f"/staff/reports/{report.pk}/")
            expected = 200 if status in INTAKE_QUEUE else 404
            assert answer.status_code == expected, (status, assignee)


def test_a_report_accepted_and_closed_without_an_assignee_takes_intakes_key_copy(
    staff: dict[str, User], file_report: Callable[..., Filed]
) -> None:
    sam, ines = staff["sam"], staff["ines"]
    report_id = file_report().report.pk
    case_transition(actor=sam, report_id=report_id, to_status=Report.Status.ACCEPTED)
    case_transition(actor=sam, report_id=report_id, to_status=Report.Status.CLOSED)
    holders = KeyWrap.objects.filter(report_id=report_id, key__user=ines)
    assert not holders.exists()
