"""Validators shared by the public and staff forms."""

from __future__ import annotations

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

ALLOWED_CONTROLS = {"\n", "\r", "\t"}


def no_control_characters(value: str) -> None:
    """Refuse invisible control characters (NUL, escape codes...) in free text."""
    for ch in value:
        category = unicodedata.category(ch)
        if (category == "Cc" and ch not in ALLOWED_CONTROLS) or category == "Cs":
            raise ValidationError(
                _("Please remove the unusual invisible characters from this text."),
                code="control_characters",
            )
