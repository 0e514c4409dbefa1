from __future__ import annotations

import io
import sys
from typing import Any

import pytest
from django.contrib.auth.models import Group, User
from django.core.management import call_command
from django.core.management.base import CommandError

from trustline import settings as production_settings
from trustline.audit.models import AuditEvent

pytestmark = pytest.mark.django_db


def create(*args: str, password: str) -> str:
    out = io.StringIO()
    stdin = io.StringIO(password + "\n")
    real, sys.stdin = sys.stdin, stdin
    try:
        call_command("createstaff", *args, "--password-stdin", stdout=out)
    finally:
        sys.stdin = real
    return out.getvalue()


def test_the_roles_exist_after_migrating() -> None:
    names = set(Group.objects.values_list("name", flat=True))
    assert {"intake", "investigator", "supervisor", "records", "auditor", "admin"} <= names


def test_it_creates_a_staff_member_with_a_role(settings: Any) -> None:
    settings.PASSWORD_HASHERS = production_settings.PASSWORD_HASHERS
    output = create("maria", "--role", "investigator", password="a long and unusual passphrase")
    assert "Created maria (investigator)" in output
    user = User.objects.get(username="maria")
    assert list(user.groups.values_list("name", flat=True)) == ["investigator"]
    assert not user.is_staff  # only IT administrators reach the configuration admin
    assert user.password.startswith("argon2")
    assert AuditEvent.objects.filter(action="staff.create").exists()


def test_an_administrator_reaches_the_configuration_admin() -> None:
    create("it", "--role", "admin", password="a long and unusual passphrase")
    assert User.objects.get(username="it").is_staff


def test_it_refuses_a_weak_password() -> None:
    with pytest.raises(CommandError, match=r"too short|too common"):
        create("weak", "--role", "intake", password="password")
    assert not User.objects.filter(username="weak").exists()


def test_it_refuses_an_unknown_role() -> None:
    with pytest.raises(CommandError):
        create("x", "--role", "immigration-liaison", password="a long and unusual passphrase")
