"""The supervisors' monthly count of withholdings by hand (/staff/withheld/): counts
from the audit trail beside the firewall's own tallies, and nothing else.

Personas as in conftest.py: Sam supervises; Ines (intake) and Aude (auditor) do not.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from types import SimpleNamespace

import pytest
from django.contrib.auth.models import User
from django.test import Client

from trustline.cases.withholding import Text, text_withhold
from trustline.intake.models import Report
from trustline.intake.services import Filed
from trustline.screening.models import WithheldTally

pytestmark = pytest.mark.django_db

PAGE = "/staff/withheld/"


@pytest.fixture
def report(file_report: Callable[..., Filed]) -> Report:
    return file_report(narrative="Marisol saw it. Marisol told Ana. Ana told Marisol.").report


def withhold_on(
    day: datetime.datetime,
    monkeypatch: pytest.MonkeyPatch,
    staff: dict[str, User],
    report: Report,
    words: str,
) -> None:
    """A withholding whose audit event is dated `day` (the trail takes its own time)."""
    with monkeypatch.context() as patch:
        patch.setattr("trustline.audit.services.timezone", SimpleNamespace(now=lambda: day))
        text_withhold(actor=staff["sam"], report_id=report.pk, text=Text.NARRATIVE, words=words)


def rows_of(page: str) -> list[str]:
    body = page.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    return [" ".join(row.split()) for row in body.split("</tr>") if row.strip()]


def test_a_supervisor_sees_the_count_per_month_beside_the_firewalls(
    client: Client,
    staff: dict[str, User],
    report: Report,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    utc = datetime.UTC
    withhold_on(
        datetime.datetime(2026, 1, 31, 23, 0, tzinfo=utc), monkeypatch, staff, report, "saw"
    )
    withhold_on(datetime.datetime(2026, 3, 1, 0, 30, tzinfo=utc), monkeypatch, staff, report, "Ana")
    withhold_on(
        datetime.datetime(2026, 3, 20, 12, 0, tzinfo=utc), monkeypatch, staff, report, "Marisol"
    )
    WithheldTally.objects.create(month=datetime.date(2026, 3, 1), category="STATUS", count=40)
    WithheldTally.objects.create(month=datetime.date(2026, 3, 1), category="DOCUMENT_ID", count=2)
    WithheldTally.objects.create(month=datetime.date(2026, 2, 1), category="STATUS", count=7)

    client.force_login(staff["sam"])
    response = client.get(PAGE, HTTP_ACCEPT_LANGUAGE="en")
    assert response.status_code == 200
    page = response.content.decode()
    # UTC months, newest first: two by hand in March beside 42 spans, none in February.
    assert [row.split("</time>")[1] for row in rows_of(page)] == [
        "</th><td>2</td><td>42</td>",
        "</th><td>0</td><td>7</td>",
        "</th><td>1</td><td>0</td>",
    ]
    assert "March 2026" in page and "January 2026" in page
    # Counts only: no report, no word of what was withheld.
    assert report.reference not in page and "Marisol" not in page and "saw" not in page
    assert f'href="{PAGE}"' in page  # the staff menu links it for supervisors


def test_the_page_is_in_spanish_for_a_spanish_browser(
    client: Client, staff: dict[str, User]
) -> None:
    client.force_login(staff["sam"])
    page = client.get(PAGE, HTTP_ACCEPT_LANGUAGE="es").content.decode()
    assert "Quitado a mano" in page and "Todavía no se ha quitado nada." in page


@pytest.mark.parametrize("name", ["ines", "ivan", "aude"])
def test_nobody_but_supervisors_sees_it(client: Client, staff: dict[str, User], name: str) -> None:
    client.force_login(staff[name])
    assert client.get(PAGE).status_code == 404
    if name != "aude":  # the auditor has no case pages, hence no staff menu to look in
        assert f'href="{PAGE}"' not in client.get("/staff/").content.decode()
