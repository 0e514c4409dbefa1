"""Staff accounts in the Django admin: every page that lists or changes accounts and
roles asks for the password and a code again (reauth.recent_auth_required).

The authenticator secrets and recovery codes are not in the admin at all: an
administrator could otherwise read an officer's second factor. A lost phone is
handled by the "reset two-factor" action or `trustline resetotp`.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group, User
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from trustline.accounts.services import otp_reset, staff_unlock
from trustline.audit.admin_log import AuditedAdmin
from trustline.reauth import recent_auth_required

guarded = method_decorator(recent_auth_required)

for model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(model):
        admin.site.unregister(model)


class ConfirmBeforeChanges:
    """Every admin page of these models waits for a recent password and code."""

    @guarded
    def changelist_view(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        return super().changelist_view(request, extra_context)  # type: ignore[misc,no-any-return]

    @guarded
    def add_view(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return super().add_view(request, *args, **kwargs)  # type: ignore[misc,no-any-return]

    @guarded
    def change_view(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return super().change_view(request, *args, **kwargs)  # type: ignore[misc,no-any-return]

    @guarded
    def delete_view(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        return super().delete_view(request, *args, **kwargs)  # type: ignore[misc,no-any-return]


admin.site.unregister(User)
admin.site.unregister(Group)


@admin.register(User)
class StaffUserAdmin(AuditedAdmin, ConfirmBeforeChanges, UserAdmin):  # type: ignore[type-arg]
    actions = ["unlock", "reset_two_factor"]

    @guarded
    def user_change_password(self, request: HttpRequest, *args: Any, **kwargs: Any) -> Any:
        return super().user_change_password(request, *args, **kwargs)

    @admin.action(description=_("Unlock sign-in after too many failed attempts"))
    def unlock(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        for user in queryset:
            staff_unlock(username=user.get_username(), actor=request.user)  # type: ignore[arg-type]
        self.message_user(request, _("Unlocked."), messages.SUCCESS)

    @admin.action(description=_("Reset two-factor sign-in (lost phone)"))
    def reset_two_factor(self, request: HttpRequest, queryset: QuerySet[User]) -> None:
        for user in queryset:
            otp_reset(username=user.get_username(), actor=request.user)  # type: ignore[arg-type]
        self.message_user(
            request, _("They will set up a new authenticator when they next sign in.")
        )


@admin.register(Group)
class RoleAdmin(AuditedAdmin, ConfirmBeforeChanges, GroupAdmin):
    pass
