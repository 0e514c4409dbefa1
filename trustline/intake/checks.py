"""Start-up checks for the public side: a language is offered only with its catalog."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.checks import Error, register
from django.utils.translation import to_locale

SOURCE_LANGUAGE = "en"


@register()
def offered_languages_have_catalogs(**kwargs: Any) -> list[Error]:
    """An offered language without a compiled catalog would show English pages under
    its own name; refuse to start instead."""
    errors = []
    for code, name in settings.LANGUAGES:
        if code == SOURCE_LANGUAGE:
            continue
        found = any(
            (path / to_locale(code) / "LC_MESSAGES" / "django.mo").is_file()
            for path in map(Path, settings.LOCALE_PATHS)
        )
        if not found:
            errors.append(
                Error(
                    f"{name} ({code}) is offered (TRUSTLINE_LANGUAGES) but has no compiled"
                    " catalog: run `make messages`, or translate it first (docs/translating.md).",
                    id="trustline.E001",
                )
            )
    return errors
