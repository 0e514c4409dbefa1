# The model moved from the transparency app; its table stays where it is.

from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("transparency", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="WithheldTally",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("month", models.DateField()),
                        ("category", models.CharField(max_length=32)),
                        ("count", models.PositiveIntegerField(default=0)),
                    ],
                    options={
                        "db_table": "transparency_withheldtally",
                        "constraints": [
                            models.UniqueConstraint(
                                fields=("month", "category"), name="one_tally_per_month"
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
