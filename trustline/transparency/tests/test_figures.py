"""The public figures page and the annual report: counts only, small counts suppressed,
a "none received" statement when no detainer came."""

from __future__ import annotations

import csv
import datetime
import io
import os
import sys
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from pypdf import PdfReader

from trustline.disclosures.services import decision_escalate, request_log
from trustline.intake.models import AgencyProfile
from trustline.screening.models import WithheldTally
from trustline.transparency.pdf import unicode_fonts

pytestmark = pytest.mark.django_db

POLICIES = Path(__file__).resolve().parents[3] / "policies"
YEAR = 2026


@pytest.fixture(autouse=True)
def _strict_policy(settings: Any, tmp_path: Path) -> None:
    settings.TRUSTLINE_POLICY_FILE = POLICIES / "strict.toml"
    settings.TRUSTLINE_DOCUMENTS_DIR = tmp_path
    settings.TRUSTLINE_SMALL_COUNT = 3


def log(actor: User, month: int = 3, **overrides: Any) -> int:
    fields: dict[str, Any] = {
        "received_at": datetime.datetime(
            YEAR, month, 4, 9, 30, tzinfo=timezone.get_current_timezone()
        ),
        "agency_name": "ICE ERO",
        "agency_type": "immigration_federal",
        "arrival": "fax",
        "document_kind": "detainer_i247a",
        "request_type": "R1",
        "categories": ["release_date"],
    }
    fields.update(overrides)
    return request_log(actor=actor, fields=fields, document=None).pk


def figures_page(client: Client, year: int = YEAR) -> str:
    response = client.get(f"/en/figures/?year={year}")
    assert response.status_code == 200
    return response.content.decode()


def report(fmt: str, year: int = YEAR) -> bytes:
    out = io.BytesIO()
    real = sys.stdout
    buffer = io.TextIOWrapper(out, encoding="utf-8")
    sys.stdout = buffer
    try:
        call_command("report", "transparency", "--year", str(year), "--format", fmt)
        buffer.flush()
    finally:
        sys.stdout = real
    return out.getvalue()


def test_the_public_page_suppresses_small_counts(client: Client, staff: dict[str, User]) -> None:
    for _ in range(4):
        log(staff["rick"], month=3)
    log(staff["rick"], month=5)
    page = figures_page(client)
    assert "fewer than 3" in page
    assert '<span id="total">5</span>' in page
    assert "<script" not in page
    assert "<svg" in page


def test_the_page_counts_requests_by_type_agency_and_decision_with_overrides(
    client: Client, staff: dict[str, User], settings: Any
) -> None:
    settings.TRUSTLINE_SMALL_COUNT = 1
    log(staff["rick"])
    pk = log(
        staff["rick"], request_type="R7", document_kind="admin_subpoena", categories=["records"]
    )
    decision_escalate(
        actor=staff["rick"], request_id=pk, reason="Counsel asked to see every subpoena."
    )
    rows = list(csv.reader(io.StringIO(report("csv").decode())))
    march = {(table, column): value for table, row, column, value in rows if row == "Mar"}
    assert march[("Requests by type", "R1 hold / detainer")] == "1"
    assert march[("Requests by type", "R7 administrative subpoena")] == "1"
    assert march[("Requests by requesting agency", "Federal immigration agency")] == "2"
    assert march[("Requests by decision", "decline")] == "1"
    assert march[("Requests by decision", "route to counsel")] == "1"
    assert march[("Requests by decision", "of which escalated to counsel (override)")] == "1"


def test_the_count_for_a_month_rises_with_each_request(
    client: Client, staff: dict[str, User], settings: Any
) -> None:
    settings.TRUSTLINE_SMALL_COUNT = 1
    before = figures_page(client)
    assert '<span id="total">0</span>' in before
    log(staff["rick"])
    assert '<span id="total">1</span>' in figures_page(client)


def test_the_firewall_withheld_counts_are_shown_per_month(client: Client, settings: Any) -> None:
    settings.TRUSTLINE_SMALL_COUNT = 1
    WithheldTally.objects.create(month=datetime.date(YEAR, 2, 1), category="STATUS", count=7)
    page = figures_page(client)
    assert "STATUS" in page and ">7<" in page


def test_a_year_without_detainers_says_none_were_received(client: Client) -> None:
    statement = f"No immigration detainer (hold) requests were received in {YEAR}."
    assert statement in figures_page(client)
    assert statement.encode() in report("html")
    assert statement.encode() in report("csv")


def test_the_detainer_table_counts_received_declined_and_honored(
    staff: dict[str, User], settings: Any
) -> None:
    settings.TRUSTLINE_SMALL_COUNT = 1
    log(staff["rick"])
    log(staff["rick"], month=4)
    rows = list(csv.reader(io.StringIO(report("csv").decode())))
    detainers = {
        row: value for table, row, _c, value in rows if table.startswith("Immigration detainers")
    }
    assert detainers == {
        "Received": "2",
        "Declined": "2",
        "Honored": "0",
        "Other (sent to counsel)": "0",
    }
    assert b"No immigration detainer" not in report("csv")


def test_the_html_report_draws_its_chart_in_svg(staff: dict[str, User]) -> None:
    log(staff["rick"])
    html = report("html").decode()
    assert html.startswith("<!doctype html>")
    assert "<svg" in html and "<rect" in html and "<script" not in html


def test_the_pdf_report_is_a_pdf(staff: dict[str, User]) -> None:
    log(staff["rick"])
    assert report("pdf").startswith(b"%PDF")


# Each offered language's own name and a place name in its script.
NAMES_AND_PLACES = [
    ("English", "Springfield"),
    ("Español", "Mayagüez"),
    ("简体中文", "北京"),
    ("繁體中文", "臺北"),
    ("Tiếng Việt", "Đà Nẵng"),
    ("Tagalog", "Lungsod ng Quezon"),
    ("한국어", "서울"),
    ("العربية", "القاهرة"),
    ("Русский", "Москва"),
    ("Kreyòl ayisyen", "Pòtoprens"),
    ("Português", "São Paulo"),
    ("Français", "Montréal"),
]


def test_the_pdf_report_carries_every_script() -> None:
    if not unicode_fonts() and not os.environ.get("TRUSTLINE_REQUIRE_FONTS"):
        pytest.skip("fonts-dejavu-core and fonts-wqy-microhei are not installed")
    # Six to a title, so that each title fits on its line.
    profile = AgencyProfile.objects.create(
        name=" / ".join(f"{n} {p}" for n, p in NAMES_AND_PLACES[:6])
    )
    first = PdfReader(io.BytesIO(report("pdf"))).pages[0].extract_text()
    profile.name = " / ".join(f"{n} {p}" for n, p in NAMES_AND_PLACES[6:])
    profile.save()
    second = PdfReader(io.BytesIO(report("pdf"))).pages[0].extract_text()
    for language, place in NAMES_AND_PLACES:
        assert any(language in text and place in text for text in (first, second)), language


def test_the_report_can_be_written_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "report.csv"
    call_command(
        "report", "transparency", "--year", str(YEAR), "--format", "csv", "--output", str(target)
    )
    assert target.read_text(encoding="utf-8").startswith("table,row,column,value")


def test_the_page_names_no_agency_and_no_person(client: Client, staff: dict[str, User]) -> None:
    log(staff["rick"], agency_name="ICE ERO Unique Office 77", subject_reference="PD2026-00042")
    page = figures_page(client)
    assert "Unique Office 77" not in page and "PD2026-00042" not in page
