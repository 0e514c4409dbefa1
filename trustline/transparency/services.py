from __future__ import annotations

from collections import Counter

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from trustline.transparency.models import WithheldTally


def count_withheld(counts: Counter[str]) -> None:
    month = timezone.now().date().replace(day=1)
    with transaction.atomic(savepoint=False):
        for category, n in sorted(counts.items()):
            tally, _ = WithheldTally.objects.get_or_create(month=month, category=category)
            WithheldTally.objects.filter(pk=tally.pk).update(count=F("count") + n)
