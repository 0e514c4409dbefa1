from __future__ import annotations

import pytest
from django.test import Client

from trustline.intake.models import AgencyProfile

pytestmark = pytest.mark.django_db


def test_before_the_agency_is_named_the_default_name_is_in_the_readers_language(
    client: Client,
) -> None:
    assert "Your local police department" in client.get("/en/").content.decode()
    assert "Su departamento de policía local" in client.get("/es/").content.decode()


def test_the_agency_name_and_promise_set_in_the_admin_appear_on_the_front_page(
    client: Client,
) -> None:
    AgencyProfile.objects.create(
        name="Riverside Police Department",
        promise={"es": "Aquí nadie le preguntará por su estatus migratorio."},
    )
    page = client.get("/es/").content.decode()
    assert "Riverside Police Department" in page
    assert "Aquí nadie le preguntará por su estatus migratorio." in page
    english = client.get("/en/").content.decode()
    assert "Nobody here will ask about your immigration status." in english


def test_a_case_number_format_without_a_sequence_is_refused(admin_client: Client) -> None:
    response = admin_client.post(
        "/staff/admin/intake/agencyprofile/add/",
        {"name": "PD", "promise": "{}", "advocate": "{}", "case_number_format": "{year}"},
    )
    assert "The format must contain {seq}." in response.content.decode()
    assert not AgencyProfile.objects.exists()
