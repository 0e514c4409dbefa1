from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language

from trustline.intake.models import AgencyProfile


def agency(request: HttpRequest) -> dict[str, object]:
    """The agency profile and the language switch, on every page."""
    current = get_language()
    switch = [
        {"code": code, "name": name, "url": translate_url(request.path, code)}
        for code, name in settings.LANGUAGES
        if code != current
    ]
    return {"agency": AgencyProfile.current(), "language_switch": switch}
