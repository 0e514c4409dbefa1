"""Seal the chain's head (AuditHead.seal); an existing head is sealed as it stands."""

from typing import Any

from django.db import migrations, models
from django.utils.crypto import salted_hmac


def seal_existing_head(apps: Any, schema_editor: Any) -> None:
    # The same HMAC as trustline.audit.services.head_seal, written out here because a
    # migration must not change when the application's code does.
    head_model = apps.get_model("audit", "AuditHead")
    for head in head_model.objects.all():
        value = f"{head.last_id}:{head.last_hash}"
        head.seal = salted_hmac("trustline.audit.head", value, algorithm="sha256").hexdigest()
        head.save(update_fields=["seal"])


class Migration(migrations.Migration):
    dependencies = [
        ("audit", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="audithead",
            name="seal",
            field=models.CharField(default="", max_length=64),
        ),
        migrations.RunPython(seal_existing_head, migrations.RunPython.noop),
    ]
