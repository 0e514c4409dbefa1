# The tallies belong to the screening app now (same table); this app only reads them.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("transparency", "0001_initial"),
        ("screening", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="WithheldTally")],
            database_operations=[],
        ),
    ]
