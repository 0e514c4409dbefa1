"""The shipped retention rules (docs/retention.md explains each default and why).
An administrator changes them in the Django admin; nothing else is purged by default."""

from django.db import migrations

DEFAULTS = [
    {
        "name": "Reporter contact details, a year after a case closes",
        "what": "contact",
        "outcome": "closed",
        "days": 365,
    },
    {
        "name": "Closed tips that led to no arrest or charge, after two years",
        "what": "report",
        "outcome": "closed",
        "role": "informant",
        "dispositions": ["no_leads", "unfounded", "referred"],
        "days": 730,
    },
    {
        "name": "Not a police matter, after 180 days",
        "what": "report",
        "outcome": "not_police_matter",
        "days": 180,
    },
    {
        # An example for agencies that want it; off until an administrator turns it on.
        "name": "Unfounded cases, a year after closing (off)",
        "what": "report",
        "outcome": "closed",
        "dispositions": ["unfounded"],
        "days": 365,
        "active": False,
    },
]


def create_defaults(apps, schema_editor):
    RetentionRule = apps.get_model("retention", "RetentionRule")
    for fields in DEFAULTS:
        RetentionRule.objects.create(**fields)


def remove_defaults(apps, schema_editor):
    RetentionRule = apps.get_model("retention", "RetentionRule")
    RetentionRule.objects.filter(name__in=[d["name"] for d in DEFAULTS]).delete()


class Migration(migrations.Migration):
    dependencies = [("retention", "0001_initial")]

    operations = [migrations.RunPython(create_defaults, remove_defaults)]
