"""The Django admin, for verified staff only.

The admin has its own sign-in page that asks for a password alone; it is never shown:
its URL sends people to the staff sign-in, which asks for the code too. Even a session
that got in some other way is refused unless it passed the second factor.
"""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.urls import reverse

from trustline.accounts.two_factor import is_verified


class StaffAdminSite(admin.AdminSite):
    def has_permission(self, request: HttpRequest) -> bool:
        return super().has_permission(request) and is_verified(request.user)

    def login(self, request: HttpRequest, extra_context: Any = None) -> HttpResponse:
        if request.user.is_authenticated:
            # Signed in and verified, but not an administrator (the middleware has
            # already sent the unverified away): the staff sign-in would only send
            # them back here.
            raise PermissionDenied
        back_to = request.GET.get("next") or reverse("admin:index")
        return redirect_to_login(back_to, reverse("staff:login"))
