"""Plain, translated error pages (never a stack trace) and health endpoints that
reveal nothing."""

from __future__ import annotations

import re

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.debug import SafeExceptionReporterFilter
from django.views.decorators.cache import never_cache


class SecretsFilter(SafeExceptionReporterFilter):
    """Django masks settings named like KEY, SECRET or TOKEN on its debug page and in
    error mails; the receipt pepper is a secret under another name, so mask it too."""

    hidden_settings = re.compile(
        "API|TOKEN|KEY|SECRET|PASS|SIGNATURE|HTTP_COOKIE|PEPPER", flags=re.IGNORECASE
    )


def _page(request: HttpRequest, template: str, status: int) -> HttpResponse:
    return render(request, template, status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, "errors/400.html", 400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, "errors/403.html", 403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return _page(request, "errors/404.html", 404)


def csrf_failure(request: HttpRequest, reason: str = "") -> HttpResponse:
    return _page(request, "errors/csrf.html", 403)


def server_error(request: HttpRequest) -> HttpResponse:
    # No context processors: the database may be what failed.
    from django.template import loader

    template = loader.get_template("errors/500.html")
    return HttpResponse(template.render({}), status=500)


@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    return HttpResponse("ok", content_type="text/plain")


@never_cache
def readyz(request: HttpRequest) -> HttpResponse:
    """Ready when the database answers and the line can take reports: a recovery key
    exists (`trustline keys init-recovery`), without which no report is filed."""
    from trustline.vault.models import StaffKey

    try:
        ready = StaffKey.objects.filter(
            kind=StaffKey.Kind.RECOVERY, state=StaffKey.State.ACTIVE
        ).exists()
    except Exception:
        ready = False
    if not ready:
        return HttpResponse("unavailable", status=503, content_type="text/plain")
    return HttpResponse("ok", content_type="text/plain")
