"""Response headers that Django and django-csp do not set themselves.

Every staff page may show decrypted content (a narrative, a revealed contact, an audit
export), so none may be kept by the browser's or a proxy's cache: "Back" after sign-out
or a shared machine's disk must not hold them. The reporter's pages set the same
header in their views.

Permissions-Policy switches off every powerful browser feature: no page of the
reporting line needs a camera, a microphone or the reader's location, and a page
that cannot ask for them cannot be made to ask.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils.cache import add_never_cache_headers

PERMISSIONS_POLICY_HEADER = "Permissions-Policy"


def permissions_policy(features: list[str]) -> str:
    """`camera=(), microphone=()…`: the empty allow-list denies a feature to every origin."""
    return ", ".join(f"{feature}=()" for feature in features)


class PermissionsPolicyMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.value = permissions_policy(settings.PERMISSIONS_POLICY_DENIED)

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        response.headers.setdefault(PERMISSIONS_POLICY_HEADER, self.value)
        return response


class StaffNoStoreMiddleware:
    """Cache-Control: no-store on every answer under /staff/, whatever view made it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.path.startswith("/staff/"):
            add_never_cache_headers(response)
        return response
