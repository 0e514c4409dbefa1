"""The staff side of a report: internal notes and the case-number counter."""

from __future__ import annotations

from django.conf import settings
from django.db import models

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
