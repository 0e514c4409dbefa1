"""Line-wide counts per minute, shared by every process through the database.

A budget of the whole line (reports received, receipts that opened nothing) needs no
address: it counts events, never who sent them. Each model has a unique `minute`
(minutes since the epoch, UTC) and one counter field; a count is read as a sliding
window of 60 seconds: this minute's count plus the share of the last minute's that is
still within 60 s.
"""

from __future__ import annotations

import time

from django.db import IntegrityError, models, transaction
from django.db.models import F


def add_one(model: type[models.Model], field: str, now: float | None = None) -> float:
    """Count one event; return the events of the last 60 seconds, this one included."""
    now = time.time() if now is None else now
    minute = int(now // 60)
    rows = model._default_manager.filter(minute=minute)
    if not rows.update(**{field: F(field) + 1}):
        _start_minute(model, field, minute)
    return last_60_seconds(model, field, now)


def last_60_seconds(model: type[models.Model], field: str, now: float | None = None) -> float:
    now = time.time() if now is None else now
    minute = int(now // 60)
    counts = dict(
        model._default_manager.filter(minute__in=(minute - 1, minute)).values_list("minute", field)
    )
    elapsed = (now % 60) / 60
    return float(counts.get(minute, 0) + counts.get(minute - 1, 0) * (1 - elapsed))


def _start_minute(model: type[models.Model], field: str, minute: int) -> None:
    manager = model._default_manager
    try:
        with transaction.atomic():
            manager.create(minute=minute, **{field: 1})
    except IntegrityError:
        # Another process started the same minute a moment ago.
        manager.filter(minute=minute).update(**{field: F(field) + 1})
        return
    # Once a minute, forget the minutes that no longer count.
    manager.filter(minute__lt=minute - 1).delete()
