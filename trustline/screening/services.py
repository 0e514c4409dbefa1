"""The one writer of the withheld tallies: the services that store screened text call
`count_withheld` in the same transaction, so a reader of a service sees the count.

A stored field refuses a screened text that withheld something nobody counted
(`Uncounted`, raised by vault.fields), so a new write path cannot forget the count.
"""

from __future__ import annotations

from collections import Counter

from django.db import models, transaction
from django.db.models import F
from django.utils import timezone

from trustline.screening.models import WithheldTally
from trustline.screening.screen import Screened


class Uncounted(Exception):
    """A screened text that withheld something reached storage without count_withheld."""


def _screened_values(record: models.Model) -> list[object]:
    # Read past the descriptors: a sealed value nobody opened has nothing to count.
    return [record.__dict__.get(field.attname) for field in record._meta.concrete_fields]


def count_withheld(*stored: str | models.Model | None) -> Counter[str]:
    """Add what the firewall withheld from these texts (or from every field of these
    records) to this month's tallies, each text once. Returns what was added."""
    counts: Counter[str] = Counter()
    texts = [
        v
        for item in stored
        for v in (_screened_values(item) if isinstance(item, models.Model) else [item])
    ]
    for text in texts:
        if isinstance(text, Screened) and text.withheld and not text.tallied:
            counts.update(text.withheld)
            text.tallied = True
    if counts:
        _add(counts)
    return counts


def _add(counts: Counter[str]) -> None:
    month = timezone.now().date().replace(day=1)
    with transaction.atomic(savepoint=False):
        for category, n in sorted(counts.items()):
            tally, _ = WithheldTally.objects.get_or_create(month=month, category=category)
            WithheldTally.objects.filter(pk=tally.pk).update(count=F("count") + n)


def require_counted(value: object, where: str) -> None:
    if isinstance(value, Screened) and value.withheld and not value.tallied:
        raise Uncounted(f"{where}: call screening.services.count_withheld before saving")
