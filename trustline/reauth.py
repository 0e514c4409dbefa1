"""Ask again before a sensitive action.

`recent_auth_required` guards a view that reveals or exports what a borrowed, still
signed-in session should not get at (a reporter's contact details, an export, a change
of roles): unless the staff member typed their password and a current code within the
last TRUSTLINE_REAUTH_MINUTES, they are sent to /staff/account/confirm/ and come back
afterwards. Use it under `login_required`:

    @login_required
    @recent_auth_required
    def reveal_contact(request, report_id): ...

A POST cannot be replayed after a redirect, so a guarded POST sends the staff member
back to the page that holds its form (the Referer, when it is one of ours).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any, TypeVar
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme

from trustline.roles import home_for

REAUTH_AT = "tl_reauth_at"

ViewFunction = TypeVar("ViewFunction", bound=Callable[..., HttpResponse])


def mark_reauthenticated(session: Any) -> None:
    session[REAUTH_AT] = int(timezone.now().timestamp())


def is_recent(session: Any) -> bool:
    at = session.get(REAUTH_AT)
    window = settings.TRUSTLINE_REAUTH_MINUTES * 60
    return at is not None and timezone.now().timestamp() - int(at) <= window


def safe_next(request: HttpRequest, candidate: str | None) -> str | None:
    """`candidate` as a local path, if it points into this site; otherwise None."""
    if not candidate or not url_has_allowed_host_and_scheme(
        candidate, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return None
    parts = urlsplit(candidate)
    return parts.path + (f"?{parts.query}" if parts.query else "")


def come_back_to(request: HttpRequest) -> str:
    if request.method in ("GET", "HEAD"):
        return request.get_full_path()
    page = safe_next(request, request.headers.get("Referer"))
    return page or home_for(request.user)


def confirm_url(request: HttpRequest) -> str:
    return f"{reverse('staff:reauth')}?{urlencode({'next': come_back_to(request)})}"


def recent_auth_required(view: ViewFunction) -> ViewFunction:
    @wraps(view)
    def guarded(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not is_recent(request.session):
            return HttpResponseRedirect(confirm_url(request))
        return view(request, *args, **kwargs)

    return guarded  # type: ignore[return-value]
