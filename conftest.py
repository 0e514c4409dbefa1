"""Shared fixtures: the people of DESIGN.md as staff accounts, and a way to file a
report the way the public form does.

Personas and their rights:
- sam: supervisor — sees every report, accepts, assigns.
- ines: intake officer — sees the intake queue (new, in review, not a police matter,
  unassigned), triages, writes to reporters.
- ivan: investigator — sees the cases assigned to him.
- olga: investigator — an officer of another case; sees none of Ivan's.
- aude: auditor — reads the audit trail, opens no report.
- rick: records custodian — outside requests; opens no report.
- ada: administrator (IT) — configuration; opens no report.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest
from django.contrib.auth.models import Group, User
from django.core.cache import cache

from trustline.intake import receipts
from trustline.intake.models import Category
from trustline.intake.remembered import forget
from trustline.intake.services import Filed, report_submit

PASSWORD = "correct horse battery staple"
PERSONAS = {
    "sam": "supervisor",
    "ines": "intake",
    "ivan": "investigator",
    "olga": "investigator",
    "aude": "auditor",
    "rick": "records",
    "ada": "admin",
}


@pytest.fixture(autouse=True)
def _fast_password_hashing(settings: Any) -> None:
    # Argon2 is the production hasher; tests that log in by form need not pay for it.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture(autouse=True)
def _fresh_cache() -> None:
    # Configuration and the empty report form are cached per process; tests start clean.
    cache.clear()
    forget()


@pytest.fixture(autouse=True)
def _static_without_manifest(settings: Any) -> None:
    # Production serves hashed names from `collectstatic`; tests read the source files.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }


@pytest.fixture
def staff(db: None) -> dict[str, User]:
    people = {}
    for name, role in PERSONAS.items():
        user = User.objects.create_user(username=name, password=PASSWORD)
        user.groups.add(Group.objects.get(name=role))
        if role == "admin":
            user.is_staff = user.is_superuser = True
            user.save()
        people[name] = user
    return people


@pytest.fixture
def file_report(db: None) -> Callable[..., Filed]:
    def _file(**overrides: Any) -> Filed:
        fields: dict[str, Any] = {
            "submission": receipts.new_submission(),
            "category": Category.objects.get(slug="theft"),
            "when": "unsure",
            "occurred_from": None,
            "occurred_to": None,
            "place": "Corner of 5th and Alder",
            "narrative": "My bicycle was taken from the rack outside the library.",
            "role": "victim",
            "language": "en",
            "contact_language": "en",
        }
        fields.update(overrides)
        return report_submit(**fields)

    return _file
