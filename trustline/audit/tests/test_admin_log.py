"""Changes made in the Django admin are in the audit trail: who changed which staff
account, role or setting, and which fields — never the values."""

from __future__ import annotations

import pytest
from django.contrib.auth.models import Group, User
from django.test import Client

from trustline.audit.models import AuditEvent
from trustline.audit.services import verify
from trustline.intake.models import Category

pytestmark = pytest.mark.django_db


def test_giving_someone_a_role_is_audited(client: Client, staff: dict[str, User]) -> None:
    ivan = staff["ivan"]
    client.force_login(staff["ada"])
    supervisor = Group.objects.get(name="supervisor")
    response = client.post(
        f"/staff/admin/auth/user/{ivan.pk}/change/",
        {
            "username": "ivan",
            "is_active": "on",
            "groups": [g.pk for g in ivan.groups.all()] + [supervisor.pk],
            "date_joined_0": "2026-01-01",
            "date_joined_1": "09:00:00",
            "initial-date_joined_0": "2026-01-01",
            "initial-date_joined_1": "09:00:00",
        },
    )
    assert response.status_code == 302, response.content.decode()[:800]
    event = AuditEvent.objects.get(action="admin.change")
    assert event.actor == staff["ada"]
    assert event.detail["model"] == "auth.User"
    assert event.detail["object"] == str(ivan.pk)
    assert "Groups" in event.detail["fields"]
    assert verify().count == AuditEvent.objects.count()


def test_deleting_a_category_is_audited(client: Client, staff: dict[str, User]) -> None:
    theft = Category.objects.get(slug="theft")
    category = Category.objects.create(
        slug="test-only", group=theft.group, nibrs_code="90Z", labels={}
    )
    client.force_login(staff["ada"])
    response = client.post(f"/staff/admin/intake/category/{category.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302
    event = AuditEvent.objects.get(action="admin.delete")
    assert event.detail == {"model": "intake.Category", "object": str(category.pk)}
