from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("intake", "0002_categories"),
    ]

    operations = [
        migrations.AddField(
            model_name="report",
            name="quarantined",
            field=models.BooleanField(default=False),
        ),
        migrations.AddIndex(
            model_name="report",
            index=models.Index(
                condition=models.Q(("quarantined", False)),
                fields=["status"],
                name="report_queue_status",
            ),
        ),
        migrations.CreateModel(
            name="SubmissionMinute",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("minute", models.BigIntegerField(unique=True)),
                ("submissions", models.PositiveIntegerField(default=0)),
            ],
        ),
    ]
