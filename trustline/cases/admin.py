from __future__ import annotations

from django.contrib import admin

from trustline.audit.admin_log import AuditedAdmin
from trustline.cases.models import SavedReply


@admin.register(SavedReply)
class SavedReplyAdmin(AuditedAdmin, admin.ModelAdmin):  # type: ignore[type-arg]
    list_display = ["title", "slug", "position"]
    ordering = ["position", "slug"]
