"""Response headers that Django and django-csp do not set themselves.

Permissions-Policy switches off every powerful browser feature: no page of the
reporting line needs a camera, a microphone or the reader's location, and a page
that cannot ask for them cannot be made to ask.
"""

from __future__ import annotations

from collections.abc import Callable

from django.conf import settings
from django.http import HttpRequest, HttpResponse

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
