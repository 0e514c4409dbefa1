"""The audit trail: append-only and hash-chained.

Each event carries the hash of the one before it, so an edited, deleted or
reordered row breaks the chain (`trustline audit verify`). Events name who, what,
when and which report; they never hold report content.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

from django.conf import settings
from django.db import models

GENESIS = "0" * 64


class AppendOnlyError(Exception):
    """The audit trail cannot be edited or deleted through the application."""


class AuditEventQuerySet(models.QuerySet["AuditEvent"]):
    def update(self, **kwargs: Any) -> int:
        raise AppendOnlyError("audit events cannot be changed")

    def delete(self) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("audit events cannot be deleted")


class AuditEvent(models.Model):
    class Actor(models.TextChoices):
        STAFF = "staff", "staff"
        REPORTER = "reporter", "reporter"
        SYSTEM = "system", "system"

    created_at = models.DateTimeField()
    actor_kind = models.CharField(max_length=16, choices=Actor.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT
    )
    # Kept beside the key so the trail still reads after an account is renamed.
    actor_name = models.CharField(max_length=150, blank=True)
    action = models.CharField(max_length=64, db_index=True)
    # Plain ids, not foreign keys: the trail outlives purged reports.
    report_id = models.BigIntegerField(null=True, blank=True, db_index=True)
    detail = models.JSONField(default=dict, blank=True)
    prev_hash = models.CharField(max_length=64)
    hash = models.CharField(max_length=64, unique=True)

    objects = AuditEventQuerySet.as_manager()

    class Meta:
        ordering = ["-id"]
        indexes = [models.Index(fields=["actor", "-id"]), models.Index(fields=["created_at"])]

    def __str__(self) -> str:
        return f"{self.id} {self.action}"

    def save(self, *args: Any, **kwargs: Any) -> None:
        if not self._state.adding:
            raise AppendOnlyError("audit events cannot be changed")
        super().save(*args, **kwargs)

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        raise AppendOnlyError("audit events cannot be deleted")

    def payload(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "created_at": self.created_at.isoformat(),
            "actor_kind": self.actor_kind,
            "actor_id": self.actor_id,
            "actor_name": self.actor_name,
            "action": self.action,
            "report_id": self.report_id,
            "detail": self.detail,
        }

    def compute_hash(self) -> str:
        body = json.dumps(self.payload(), sort_keys=True, separators=(",", ":"))
        return hashlib.sha256((self.prev_hash + body).encode()).hexdigest()


class AuditHead(models.Model):
    """One row holding the chain's tip; locking it serialises writers.

    The tip is sealed with an HMAC under a key derived from the server's secret key, so
    someone with the database alone who deletes the newest events and points the head
    at the event before cannot write a seal that verifies (docs/threat-model.md).
    """

    last_id = models.BigIntegerField(default=0)
    last_hash = models.CharField(max_length=64, default=GENESIS)
    seal = models.CharField(max_length=64, default="")

    def __str__(self) -> str:
        return f"audit head at {self.last_id}"
