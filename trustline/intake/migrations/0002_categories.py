"""Loads the plain-language categories and their NIBRS codes from categories.json."""

import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "categories.json"


def load(apps, schema_editor):
    Group = apps.get_model("intake", "CategoryGroup")
    Category = apps.get_model("intake", "Category")
    data = json.loads(DATA.read_text(encoding="utf-8"))
    groups = {}
    for position, row in enumerate(data["groups"]):
        groups[row["slug"]], _ = Group.objects.update_or_create(
            slug=row["slug"], defaults={"labels": row["labels"], "position": position}
        )
    for position, row in enumerate(data["categories"]):
        Category.objects.update_or_create(
            slug=row["slug"],
            defaults={
                "group": groups[row["group"]],
                "nibrs_code": row["nibrs"],
                "against_person": row["against_person"],
                "labels": row["labels"],
                "position": position,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("intake", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
