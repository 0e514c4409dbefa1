"""The staff side of a report: internal notes, the case-number counter, saved replies."""

from __future__ import annotations

from django.conf import settings
from django.db import models

from trustline.intake.language_help import by_script
from trustline.intake.models import Report
from trustline.vault.fields import SealedModel, SealedTextField


class Note(SealedModel):
    """Staff only; never shown to the reporter."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="notes")
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    body = SealedTextField()
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"note {self.pk} on {self.report_id}"

    def vault_key(self) -> bytes | None:
        return self.report.vault_key()

    def vault_context(self, field: str) -> str:
        return f"cases.note.{field}|{self.report.reference}"


class CaseNumberCounter(models.Model):
    """The last sequence number issued in a year; locked while a number is drawn."""

    year = models.PositiveSmallIntegerField(unique=True)
    last = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.year}: {self.last}"


class SavedReply(models.Model):
    """A reply an officer sends often, written and translated by the agency: one text
    per language code. The starter set comes from saved_replies.toml."""

    slug = models.SlugField(unique=True)
    title = models.CharField(max_length=120, help_text="What officers see in the list.")
    texts = models.JSONField(
        default=dict,
        help_text="The reply per language code (en, es, zh-hans, vi, tl, ko, ar, ru, ht, pt,"
        " fr). A language without one gets the English, with a note to the officer.",
    )
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "slug"]
        verbose_name_plural = "saved replies"

    def __str__(self) -> str:
        return self.title

    def text_in(self, lang: str) -> tuple[str, bool]:
        """The reply in a language, and whether it is that language (not the English)."""
        key = by_script(lang)
        if self.texts.get(key):
            return str(self.texts[key]), True
        return str(self.texts.get("en", "")), False
