"""System checks with stable ids: retention refuses to start misconfigured."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Error, register


@register()
def warning_period_check(**kwargs: Any) -> list[CheckMessage]:
    days = settings.TRUSTLINE_PURGE_WARNING_DAYS
    if days < 1:
        return [
            Error(
                f"TRUSTLINE_PURGE_WARNING_DAYS must be at least 1, not {days}: supervisors "
                "are warned before anything unread is purged.",
                id="trustline.retention.E001",
            )
        ]
    return []
