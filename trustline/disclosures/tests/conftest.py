"""Helpers for the records-desk tests: a policy profile, and logging a request
through the form the way a custodian does.

Rick (records custodian) and Sam (supervisor) work the desk; Aude (auditor) reads
it; Ines, Ivan and Ada see nothing of it.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.test import Client

from trustline.disclosures.models import OutsideRequest

POLICIES = Path(__file__).resolve().parents[3] / "policies"
LogRequest = Callable[..., OutsideRequest]


def use_profile(settings: Any, name: str) -> None:
    settings.TRUSTLINE_POLICY_FILE = POLICIES / f"{name}.toml"


@pytest.fixture(autouse=True)
def _strict_policy_and_private_uploads(settings: Any, tmp_path: Path) -> None:
    use_profile(settings, "strict")
    settings.TRUSTLINE_DOCUMENTS_DIR = tmp_path / "documents"


def request_fields(**overrides: Any) -> dict[str, Any]:
    fields: dict[str, Any] = {
        "received_at": "2026-03-04T09:30",
        "agency_name": "ICE ERO San Francisco",
        "agency_type": "immigration_federal",
        "officer": "Deportation Officer J. Smith",
        "arrival": "fax",
        "document_kind": "detainer_i247a",
        "request_type": "R1",
        "stated_purpose": "",
        "categories": ["release_date"],
        "subject_reference": "",
        "person_language": "es",
    }
    fields.update(overrides)
    return fields


@pytest.fixture
def log_request(client: Client) -> LogRequest:
    """Post the log form as whoever is signed in to `client`; return the new request."""

    def _log(**overrides: Any) -> OutsideRequest:
        response = client.post("/staff/desk/new/", request_fields(**overrides))
        assert response.status_code == 302, response.content.decode()[:2000]
        return OutsideRequest.objects.order_by("-id").first()  # type: ignore[return-value]

    return _log
