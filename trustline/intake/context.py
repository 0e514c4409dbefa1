from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest
from django.urls import translate_url
from django.utils.translation import get_language

from trustline.intake.language_help import page_help
from trustline.intake.models import AgencyProfile


def agency(request: HttpRequest) -> dict[str, object]:
    """The agency profile and the language switch, on every page."""
    current = get_language()
    switch = [
        {"code": code, "name": name, "url": in_language(request.path, current, code)}
        for code, name in settings.LANGUAGES
        if code != current
    ]
    profile = AgencyProfile.current()
    return {
        "agency": profile,
        "language_switch": switch,
        "language_help": page_help(profile, current),
    }


def in_language(path: str, current: str, code: str) -> str:
    """The same page in another language: public paths start with /<lang>/."""
    prefix = f"/{current}/"
    if path.startswith(prefix):
        return f"/{code}/{path[len(prefix) :]}"
    return translate_url(path, code)
