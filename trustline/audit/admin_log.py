"""Changes made in the Django admin (staff accounts, roles, configuration) go into the
audit trail too, not only into Django's own admin log, which an administrator could
edit: who, which object, which fields — never the values."""

from __future__ import annotations

import json
from typing import Any

from django.db import models
from django.http import HttpRequest

from trustline.audit.services import record


def changed_fields(message: Any) -> list[str]:
    """The field names in the admin's change message (a list, its JSON, or plain text)."""
    entries = message
    if isinstance(message, str):
        try:
            entries = json.loads(message) if message else []
        except ValueError:
            return []
    names: list[str] = []
    for entry in entries if isinstance(entries, list) else []:
        for change in entry.values() if isinstance(entry, dict) else []:
            if isinstance(change, dict):
                names += [str(name) for name in change.get("fields", [])]
    return names


def _record(request: HttpRequest, action: str, obj: models.Model, message: Any = "") -> None:
    detail: dict[str, Any] = {"model": obj._meta.label, "object": str(obj.pk)}
    fields = changed_fields(message)
    if fields:
        detail["fields"] = fields
    record(action=action, actor=request.user, detail=detail)


class AuditedAdmin:
    def log_addition(self, request: HttpRequest, obj: models.Model, message: Any) -> Any:
        _record(request, "admin.add", obj, message)
        return super().log_addition(request, obj, message)  # type: ignore[misc]

    def log_change(self, request: HttpRequest, obj: models.Model, message: Any) -> Any:
        _record(request, "admin.change", obj, message)
        return super().log_change(request, obj, message)  # type: ignore[misc]

    def log_deletions(self, request: HttpRequest, queryset: Any) -> Any:
        for obj in queryset:
            _record(request, "admin.delete", obj)
        return super().log_deletions(request, queryset)  # type: ignore[misc]
