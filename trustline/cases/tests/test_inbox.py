from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.test import Client

from trustline.audit.models import AuditEvent
from trustline.intake.models import Category, Report
from trustline.intake.services import Filed

pytestmark = pytest.mark.django_db


def test_it_sends_anonymous_visitors_to_the_login_page(client: Client) -> None:
    response = client.get("/staff/")
    assert response.status_code == 302
    assert response["Location"].startswith("/staff/login/")


def test_it_lists_the_newest_reports_first_with_counts(
    client: Client, staff: dict[str, User], file_report: Callable[..., Filed]
) -> None:
    older = file_report()
    newer = file_report()
    Report.objects.filter(pk=older.report.pk).update(status="in_review")
    client.force_login(staff["sam"])
    page = client.get("/staff/").content.decode()
    assert page.index(newer.report.reference) < page.index(older.report.reference)
    assert 'status=new">New</a>: <strong>1</strong>' in page
    assert 'status=in_review">In review</a>: <strong>1</strong>' in page
    assert "2 reports" in page


@pytest.mark.parametrize(
    ("query", "shown", "hidden"),
    [
        ("status=in_review", "B", "A"),
        ("category=burglary", "B", "A"),
        ("language=es", "B", "A"),
        ("assignee=none", "A", "B"),
    ],
)
def test_it_filters_the_inbox(
    client: Client,
    staff: dict[str, User],
    file_report: Callable[..., Filed],
    query: str,
    shown: str,
    hidden: str,
) -> None:
    reports = {
        "A": file_report().report,
        "B": file_report(category=Category.objects.get(slug="burglary"), language="es").report,
    }
    Report.objects.filter(pk=reports["B"].pk).update(status="in_review", assignee=staff["ivan"])
    client.force_login(staff["sam"])
    page = client.get(f"/staff/?{query}").content.decode()
    assert reports[shown].reference in page
    assert reports[hidden].reference not in page


def test_it_finds_a_report_by_reference(
    client: Client, staff: dict[str, User], file_report: Callable[..., Filed]
) -> None:
    wanted, other = file_report(), file_report()
    client.force_login(staff["sam"])
    page = client.get(f"/staff/?q={wanted.report.reference.lower()}").content.decode()
    assert wanted.report.reference in page
    assert other.report.reference not in page


def test_it_paginates(
    client: Client, staff: dict[str, User], file_report: Callable[..., Filed], settings: object
) -> None:
    for _ in range(3):
        file_report()
    settings.INBOX_PAGE_SIZE = 2  # type: ignore[attr-defined]
    client.force_login(staff["sam"])
    page = client.get("/staff/?page=2").content.decode()
    assert "Page 2 of 2" in page


@pytest.mark.parametrize("query", ["undocumented", "green card", "ILEGALES", "A-123-456-789"])
def test_it_refuses_a_search_for_immigration_status_and_records_it(
    client: Client, staff: dict[str, User], query: str
) -> None:
    client.force_login(staff["sam"])
    page = client.get("/staff/", {"q": query}).content.decode()
    assert "Search refused" in page
    event = AuditEvent.objects.get(action="search.refused")
    assert event.actor == staff["sam"]
    assert query not in str(event.detail)


def test_an_investigator_sees_only_their_own_cases(
    client: Client, staff: dict[str, User], file_report: Callable[..., Filed]
) -> None:
    mine, theirs = file_report().report, file_report().report
    Report.objects.filter(pk=mine.pk).update(assignee=staff["ivan"], status="accepted")
    Report.objects.filter(pk=theirs.pk).update(assignee=staff["olga"], status="accepted")
    client.force_login(staff["ivan"])
    page = client.get("/staff/").content.decode()
    assert mine.reference in page
    assert theirs.reference not in page


@pytest.mark.parametrize("name", ["aude", "rick", "ada"])
def test_roles_without_case_access_get_no_inbox(
    client: Client, staff: dict[str, User], name: str
) -> None:
    client.force_login(staff[name])
    assert client.get("/staff/").status_code == 404


def test_the_page_total_follows_the_status_filter(
    client: Client, staff: dict[str, User], file_report: Callable[..., Filed]
) -> None:
    reports = [file_report().report for _ in range(3)]
    Report.objects.filter(pk=reports[0].pk).update(status="in_review")
    client.force_login(staff["sam"])
    assert "1 report" in client.get("/staff/?status=in_review").content.decode()
    assert "2 reports" in client.get("/staff/?status=new").content.decode()
    assert "0 reports" in client.get("/staff/?status=closed").content.decode()
    assert "3 reports" in client.get("/staff/?language=en").content.decode()
