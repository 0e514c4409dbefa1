"""The access rule is written twice, of necessity: as a query (`visible_reports`, what
the inbox lists) and in memory (`may_see`, who holds a copy of a report's key). They
must never disagree, or someone would see a report they cannot open, or hold a key to
one they may not see."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User

from trustline.cases.access import may_see, visible_reports
from trustline.intake.models import Report
from trustline.intake.services import Filed

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
