"""django-axes, told to forget who is knocking.

Lock-outs are keyed by the username alone (settings.AXES_LOCKOUT_PARAMETERS), so
axes needs no client address: it is never read, and the user agent and Accept
header are blanked before axes writes its AccessAttempt row or its log lines. The
price of keeping no address is that anyone who knows a username can lock that
officer out for the cool-off period; an administrator can unlock at once
(`trustline unlock`, services.staff_unlock).

The username typed at a failed sign-in is kept only as an HMAC under the server's
secret key (`username_digest`): the lock-out table counts failures per name without
listing, in clear, the names someone tried.
"""

from __future__ import annotations

from typing import Any

from axes.handlers.database import AxesDatabaseHandler
from django.conf import settings
from django.contrib.auth.signals import user_login_failed
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.crypto import salted_hmac


def username_digest(username: str) -> str:
    """What the lock-out table keeps of a username (case-folded, as sign-in treats it)."""
    return salted_hmac("trustline.accounts.lockout", username.strip().casefold()).hexdigest()


def locked_username(request: HttpRequest | None, credentials: dict[str, Any] | None) -> str:
    """AXES_USERNAME_CALLABLE: the digest of the username tried."""
    typed = (credentials or {}).get("username")
    if typed is None and request is not None:
        typed = request.POST.get("username")
    return username_digest(str(typed or ""))


def no_client_address(request: HttpRequest) -> None:
    """AXES_CLIENT_IP_CALLABLE: there is no address to give."""
    return None


def forget_client(request: Any) -> None:
    request.axes_ip_address = None
    request.axes_user_agent = ""
    request.axes_http_accept = ""


class AddresslessHandler(AxesDatabaseHandler):  # type: ignore[misc]
    """axes' database handler, with nothing about the client's machine."""

    def user_login_failed(
        self, sender: Any, credentials: dict[str, Any], request: Any = None, **kwargs: Any
    ) -> None:
        if request is not None:
            forget_client(request)
        super().user_login_failed(sender, credentials, request, **kwargs)

    def user_logged_in(self, sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
        forget_client(request)
        super().user_logged_in(sender, request, user, **kwargs)


def count_failure(request: HttpRequest, username: str) -> None:
    """A right password with a wrong code is a failed sign-in too: axes counts it."""
    user_login_failed.send(sender=__name__, credentials={"username": username}, request=request)


def locked_out(
    request: HttpRequest, original_response: HttpResponse, credentials: Any
) -> HttpResponse:
    """AXES_LOCKOUT_CALLABLE: a plain, translated page that says what to do."""
    cool_off = settings.AXES_COOLOFF_TIME
    minutes = int(cool_off.total_seconds() // 60) if cool_off else 0
    return render(request, "accounts/locked_out.html", {"minutes": minutes}, status=429)


def is_locked_out(request: HttpRequest) -> bool:
    return bool(getattr(request, "axes_locked_out", False))
