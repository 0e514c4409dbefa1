"""The starter set of saved replies (cases/saved_replies.toml), loaded once; the agency
edits them in the admin afterwards, so a later change to the file does not overwrite
its own wording."""

import tomllib
from pathlib import Path

from django.db import migrations

STARTER = Path(__file__).resolve().parents[1] / "saved_replies.toml"
NOT_TEXTS = {"slug", "title"}


def load(apps, schema_editor):
    SavedReply = apps.get_model("cases", "SavedReply")
    replies = tomllib.loads(STARTER.read_text(encoding="utf-8"))["reply"]
    for position, reply in enumerate(replies):
        texts = {lang: text for lang, text in reply.items() if lang not in NOT_TEXTS}
        SavedReply.objects.get_or_create(
            slug=reply["slug"],
            defaults={"title": reply["title"], "texts": texts, "position": position},
        )


def unload(apps, schema_editor):
    apps.get_model("cases", "SavedReply").objects.all().delete()


class Migration(migrations.Migration):
    dependencies = [("cases", "0003_saved_replies")]

    operations = [migrations.RunPython(load, unload)]
