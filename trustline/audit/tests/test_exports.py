"""The oversight board's exports: the trail as CSV and a signed checkpoint, downloaded
by an auditor who has just confirmed their password and code."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from trustline.audit import checkpoints
from trustline.audit.models import AuditEvent
from trustline.audit.services import record
from trustline.reauth import REAUTH_AT

pytestmark = pytest.mark.django_db


def long_ago(client: Client) -> None:
    session = client.session
    session[REAUTH_AT] = 0
    session.save()


def test_an_auditor_exports_the_filtered_trail_as_csv(
    client: Client, staff: dict[str, User]
) -> None:
    record(action="case.view", actor=staff["ivan"], report_id=7)
    record(action="note.add", actor=staff["ivan"], report_id=7)
    client.force_login(staff["aude"])
    response = client.get("/staff/audit/export.csv?action=case.view")
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    rows = list(csv.reader(io.StringIO(response.content.decode())))
    assert rows[0][:5] == ["id", "time", "who", "actor kind", "action"]
    assert [(r[2], r[4], r[5]) for r in rows[1:]] == [("ivan", "case.view", "7")]
    export = AuditEvent.objects.get(action="audit.export")
    assert (export.actor, export.detail) == (staff["aude"], {"events": 1})


def test_exporting_asks_for_the_password_and_code_again(
    client: Client, staff: dict[str, User]
) -> None:
    client.force_login(staff["aude"])
    long_ago(client)
    response = client.get("/staff/audit/export.csv")
    assert response.status_code == 302
    assert response["Location"].startswith("/staff/account/confirm/")
    assert not AuditEvent.objects.filter(action="audit.export").exists()


@pytest.mark.parametrize("name", ["sam", "ines", "rick", "ada"])
def test_only_auditors_export(client: Client, staff: dict[str, User], name: str) -> None:
    client.force_login(staff[name])
    assert client.get("/staff/audit/export.csv").status_code == 404
    assert client.post("/staff/audit/checkpoint/").status_code == 404


def test_an_auditor_downloads_a_checkpoint_that_verifies(
    client: Client, staff: dict[str, User], tmp_path: Path, settings: Any
) -> None:
    key_file = tmp_path / "signing.pem"
    public = checkpoints.read_public_key(checkpoints.keygen(key_file))
    settings.TRUSTLINE_AUDIT_SIGNING_KEY_FILE = str(key_file)
    client.force_login(staff["aude"])
    assert "Download a signed checkpoint" in client.get("/staff/audit/").content.decode()
    response = client.post("/staff/audit/checkpoint/")
    assert response.status_code == 200
    document = json.loads(response.content)
    checked = checkpoints.checkpoint_check(document=document, public_key=public)
    assert checked.last_event_id == document["last_event_id"]
    taken = AuditEvent.objects.get(action="audit.checkpoint")
    assert taken.actor == staff["aude"]


def test_without_a_signing_key_the_checkpoint_is_refused_plainly(
    client: Client, staff: dict[str, User], settings: Any
) -> None:
    settings.TRUSTLINE_AUDIT_SIGNING_KEY_FILE = ""
    client.force_login(staff["aude"])
    response = client.post("/staff/audit/checkpoint/")
    assert response.status_code == 503
    assert "No checkpoint signing key is configured" in response.content.decode()
    assert not AuditEvent.objects.filter(action="audit.checkpoint").exists()


@pytest.mark.parametrize(
    ("name", "sees_trail", "sees_keys"),
    [("aude", True, False), ("sam", False, True), ("ines", False, False)],
)
def test_the_staff_menu_offers_only_what_the_role_opens(
    client: Client, staff: dict[str, User], name: str, sees_trail: bool, sees_keys: bool
) -> None:
    client.force_login(staff[name])
    home = client.get("/staff/account/password/").content.decode()
    assert ('href="/staff/audit/"' in home) is sees_trail
    assert ('href="/staff/keys/"' in home) is sees_keys
    assert 'href="/staff/account/password/"' in home
