from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.contrib.admin.sites import site
from django.test import Client

from trustline.intake.models import Category

DATA = Path(__file__).resolve().parents[1] / "categories.json"
FEDERAL_IMMIGRATION_OFFENSES = {"30A", "30B", "30C", "30D", "49C"}


def test_every_category_maps_to_a_nibrs_code_that_is_not_an_immigration_offense() -> None:
    rows = json.loads(DATA.read_text(encoding="utf-8"))["categories"]
    codes = {row["nibrs"] for row in rows}
    assert codes
    assert not codes & FEDERAL_IMMIGRATION_OFFENSES
    assert all(row["labels"].get("en") and row["labels"].get("es") for row in rows)


@pytest.mark.django_db
def test_the_migration_loads_the_categories_in_both_languages() -> None:
    theft = Category.objects.get(slug="theft")
    assert theft.nibrs_code == "23H"
    assert theft.label("es") == "Le robaron algo"
    assert theft.label("vi") == theft.label("en")


@pytest.mark.django_db
def test_the_admin_refuses_an_immigration_offense_code(admin_client: Client) -> None:
    category = Category.objects.get(slug="other")
    response = admin_client.post(
        f"/staff/admin/intake/category/{category.pk}/change/",
        {
            "slug": "other",
            "group": category.group_id,
            "nibrs_code": "30C",
            "labels": json.dumps(category.labels),
            "position": 0,
            "active": "on",
        },
    )
    assert response.status_code == 200
    assert "Federal immigration offenses are not offered." in response.content.decode()
    category.refresh_from_db()
    assert category.nibrs_code == "90Z"


def test_reports_are_not_administered_through_django_admin() -> None:
    registered = {model._meta.label for model in site._registry}
    assert "intake.Report" not in registered
    assert "intake.AgencyProfile" in registered
