"""The two rules every /staff/ request passes, in one place each.

IdleTimeoutMiddleware ends a staff session left alone for TRUSTLINE_STAFF_IDLE_MINUTES:
an unattended screen at a front desk should not stay signed in. TwoFactorRequiredMiddleware
keeps a signed-in staff member who has not passed the second factor away from every
staff page (the Django admin included) until they enroll an authenticator.

Public pages are never touched: their session is the reporter's, not a staff one.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone

from trustline.accounts.two_factor import is_enrolled, is_verified
from trustline.roles import as_staff
from trustline.sessions import is_staff_path

LAST_SEEN = "tl_last_seen"
SIGNED_OUT_IDLE = "tl_signed_out_idle"
# Writing the session on every click would cost a database write per page; a minute's
# precision on a quarter of an hour is enough.
LAST_SEEN_PRECISION = 60

View = Callable[[HttpRequest], HttpResponse]


def now_seconds() -> int:
    return int(timezone.now().timestamp())


def signed_in_staff(request: HttpRequest) -> bool:
    return is_staff_path(request.path) and request.user.is_authenticated


class IdleTimeoutMiddleware:
    def __init__(self, get_response: View) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if signed_in_staff(request):
            now = now_seconds()
            last_seen = request.session.get(LAST_SEEN)
            idle = settings.TRUSTLINE_STAFF_IDLE_MINUTES * 60
            if last_seen is not None and now - int(last_seen) > idle:
                logout(request)
                # The new, empty session tells the sign-in page why it is shown.
                request.session[SIGNED_OUT_IDLE] = True
                return redirect_to_login(request.get_full_path())
            if last_seen is None or now - int(last_seen) >= LAST_SEEN_PRECISION:
                request.session[LAST_SEEN] = now
        return self.get_response(request)


def open_before_verification() -> frozenset[str]:
    return frozenset(reverse(name) for name in ("staff:login", "staff:logout", "staff:enroll"))


class TwoFactorRequiredMiddleware:
    def __init__(self, get_response: View) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if (
            signed_in_staff(request)
            and not is_verified(request.user)
            and request.path not in open_before_verification()
        ):
            return self.unverified(request)
        return self.get_response(request)

    @staticmethod
    def unverified(request: HttpRequest) -> HttpResponse:
        if is_enrolled(as_staff(request.user)):
            # Enrolled but never gave a code in this session: no way in but the sign-in.
            logout(request)
            return redirect_to_login(request.get_full_path())
        return redirect("staff:enroll")
