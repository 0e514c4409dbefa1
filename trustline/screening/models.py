"""Aggregates only: counts, never content, never a link to a report."""

from __future__ import annotations

from django.db import models


class WithheldTally(models.Model):
    """How many firewall spans were withheld in a month, per category.

    Monthly, not per report or per day, so a count cannot be tied to one report. The
    table keeps the name it had when the transparency app owned the model.
    """

    month = models.DateField()
    category = models.CharField(max_length=32)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        db_table = "transparency_withheldtally"
        constraints = [
            models.UniqueConstraint(fields=["month", "category"], name="one_tally_per_month")
        ]

    def __str__(self) -> str:
        return f"{self.month:%Y-%m} {self.category}: {self.count}"
