from __future__ import annotations

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import gettext as _

from trustline.firewall import split_placeholders
from trustline.intake.models import Report
from trustline.intake.status_text import status_sentence

register = template.Library()


@register.filter
def withheld_marked(text: str | None) -> SafeString:
    """Escape text and wrap each firewall placeholder in a visible marker."""
    pieces = split_placeholders(text or "")
    return format_html_join(
        "",
        "{}",
        (
            (format_html('<mark class="withheld">{}</mark>', piece) if held else piece,)
            for held, piece in pieces
        ),
    )


@register.filter
def has_withheld(text: str | None) -> bool:
    return any(held for held, _piece in split_placeholders(text or ""))


@register.simple_tag
def status_for(report: Report, status: str) -> str:
    return status_sentence(report, status)


@register.simple_tag
def label_in(obj: object, lang: str) -> str:
    label = getattr(obj, "label", None)
    return str(label(lang)) if callable(label) else str(obj)


@register.simple_tag
def promise_text(labels: dict[str, str], lang: str) -> str:
    return labels.get(lang) or _(
        "Nobody here will ask about your immigration status. "
        "You can report without giving your name."
    )
