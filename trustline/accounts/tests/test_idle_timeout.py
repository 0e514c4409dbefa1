"""A staff session left alone for TRUSTLINE_STAFF_IDLE_MINUTES ends; a reporter's
session is none of its business.

Sam (supervisor) walks away from the front-desk screen.
"""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from trustline.accounts.middleware import LAST_SEEN
from trustline.accounts.tests.session_clock import minutes_ago
from trustline.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def away_for(client: Client, minutes: int) -> None:
    minutes_ago(client, LAST_SEEN, minutes)


@pytest.fixture
def sam(client: Client, staff: dict[str, User]) -> Client:
    client.force_login(staff["sam"])
    assert client.get("/staff/").status_code == 200
    return client


def test_an_idle_session_is_signed_out_and_sent_to_sign_in_with_a_message(sam: Client) -> None:
    away_for(sam, 16)
    response = sam.get("/staff/?status=new")
    assert response.status_code == 302
    assert response["Location"] == "/staff/login/?next=/staff/%3Fstatus%3Dnew"
    page = sam.get(response["Location"]).content.decode()
    assert "You were signed out because the session was left idle for 15 minutes" in page
    assert sam.get("/staff/").status_code == 302


def test_a_session_in_use_stays_signed_in(sam: Client) -> None:
    away_for(sam, 14)
    assert sam.get("/staff/").status_code == 200
    away_for(sam, 0)
    assert sam.get("/staff/").status_code == 200


def test_the_idle_time_comes_from_the_settings(sam: Client, settings: Any) -> None:
    settings.TRUSTLINE_STAFF_IDLE_MINUTES = 60
    away_for(sam, 30)
    assert sam.get("/staff/").status_code == 200


def test_a_signed_out_session_is_recorded(sam: Client, staff: dict[str, User]) -> None:
    away_for(sam, 16)
    sam.get("/staff/")
    assert AuditEvent.objects.filter(action="staff.logout", actor=staff["sam"]).exists()


def test_the_public_side_is_untouched(sam: Client) -> None:
    away_for(sam, 16)
    response = sam.get("/en/")
    assert response.status_code == 200
    assert "tl_staff" not in response.cookies
