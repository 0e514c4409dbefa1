"""Who sees the desk, and a log form that explains itself and saves nothing half-way."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import User
from django.test import Client

from trustline.disclosures.models import OutsideRequest, Task
from trustline.disclosures.tests.conftest import LogRequest, request_fields

pytestmark = pytest.mark.django_db

READ_URLS = ["/staff/desk/", "/staff/desk/{pk}/"]
WRITE_URLS = [
    "/staff/desk/{pk}/carry-out/",
    "/staff/desk/{pk}/escalate/",
    "/staff/desk/{pk}/judicial/",
    "/staff/desk/{pk}/verify/",
    "/staff/desk/{pk}/release/",
]


@pytest.fixture
def outside(client: Client, staff: dict[str, User], log_request: LogRequest) -> OutsideRequest:
    client.force_login(staff["rick"])
    found = log_request()
    client.logout()
    return found


def test_anonymous_visitors_are_sent_to_sign_in(client: Client, outside: OutsideRequest) -> None:
    for url in [*READ_URLS, "/staff/desk/new/"]:
        response = client.get(url.format(pk=outside.pk))
        assert response.status_code == 302
        assert "/staff/login/" in response["Location"]


@pytest.mark.parametrize("persona", ["ines", "ivan", "olga", "ada"])
def test_case_staff_and_it_see_nothing_of_the_desk(
    client: Client, staff: dict[str, User], outside: OutsideRequest, persona: str
) -> None:
    client.force_login(staff[persona])
    for url in [*READ_URLS, "/staff/desk/new/"]:
        assert client.get(url.format(pk=outside.pk)).status_code == 404
    for url in WRITE_URLS:
        assert client.post(url.format(pk=outside.pk)).status_code == 404


@pytest.mark.parametrize("persona", ["rick", "sam"])
def test_the_custodian_and_the_supervisor_work_the_desk(
    client: Client, staff: dict[str, User], outside: OutsideRequest, persona: str
) -> None:
    client.force_login(staff[persona])
    assert client.get("/staff/desk/new/").status_code == 200
    page = client.get(f"/staff/desk/{outside.pk}/").content.decode()
    assert "Carry out this decision" in page


def test_the_auditor_reads_the_desk_and_changes_nothing(
    client: Client, staff: dict[str, User], outside: OutsideRequest
) -> None:
    client.force_login(staff["aude"])
    assert client.get("/staff/desk/").status_code == 200
    page = client.get(f"/staff/desk/{outside.pk}/").content.decode()
    assert "R1.hold" in page and "Carry out this decision" not in page
    assert client.get("/staff/desk/new/").status_code == 403
    assert client.post(f"/staff/desk/{outside.pk}/carry-out/").status_code == 403
    outside.refresh_from_db()
    assert outside.status == OutsideRequest.Status.DECIDED


def test_a_missing_request_and_a_hidden_one_look_the_same(
    client: Client, staff: dict[str, User], outside: OutsideRequest
) -> None:
    client.force_login(staff["ivan"])
    assert client.get(f"/staff/desk/{outside.pk}/").status_code == 404
    assert client.get("/staff/desk/999999/").status_code == 404


def test_the_log_form_lists_every_problem_and_keeps_what_was_typed(
    client: Client, staff: dict[str, User]
) -> None:
    client.force_login(staff["rick"])
    data = request_fields(agency_name="", categories=[], received_at="2999-01-01T00:00")
    response = client.post("/staff/desk/new/", data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "There is a problem" in page
    assert "Name the requesting agency." in page
    assert "Tick at least one category of information." in page
    assert "The time received cannot be in the future." in page
    assert "Deportation Officer J. Smith" in page
    assert not OutsideRequest.objects.exists()


def test_a_broken_policy_file_saves_nothing(
    client: Client, staff: dict[str, User], settings: object, tmp_path: object
) -> None:
    from pathlib import Path

    broken = Path(str(tmp_path)) / "broken.toml"
    broken.write_text("name = [", encoding="utf-8")
    settings.TRUSTLINE_POLICY_FILE = broken  # type: ignore[attr-defined]
    client.force_login(staff["rick"])
    response = client.post("/staff/desk/new/", request_fields())
    assert response.status_code == 400
    assert "The policy file is invalid" in response.content.decode()
    assert not OutsideRequest.objects.exists() and not Task.objects.exists()


def test_the_uploaded_document_is_kept(client: Client, staff: dict[str, User]) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    client.force_login(staff["rick"])
    upload = SimpleUploadedFile("i247a.pdf", b"%PDF-1.4 detainer", content_type="application/pdf")
    response = client.post("/staff/desk/new/", {**request_fields(), "document": upload})
    assert response.status_code == 302
    stored = OutsideRequest.objects.get().document
    assert stored.read() == b"%PDF-1.4 detainer"


def test_the_filters_narrow_the_queue(
    client: Client, staff: dict[str, User], log_request: LogRequest
) -> None:
    client.force_login(staff["rick"])
    log_request(agency_name="ICE Office A")
    log_request(agency_name="County Probation", agency_type="local", request_type="R6",
                document_kind="email", categories=["address"])  # fmt: skip
    page = client.get("/staff/desk/?agency_type=local").content.decode()
    assert "County Probation" in page and "ICE Office A" not in page
