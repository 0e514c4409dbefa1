"""Each catalog in the repository works on the public pages, offered or not yet: the
pages come out in that language, with its direction, and a form sent empty answers
with its errors in that language (a broken placeholder would fail the rendering)."""

from __future__ import annotations

import pytest
from django.conf import settings
from django.test import Client, override_settings
from django.utils import translation

from trustline.intake.models import AgencyProfile

pytestmark = pytest.mark.django_db

EVERY = list(settings.SITE_LANGUAGES.items())
DRAFTED = [code for code in settings.SITE_LANGUAGES if code not in ("en", "es")]
PAGES = ["", "report/", "follow-up/", "interpreters/"]


def said(lang: str, english: str) -> str:
    with translation.override(lang):
        return translation.gettext(english)


@override_settings(LANGUAGES=EVERY)
@pytest.mark.parametrize("lang", DRAFTED)
def test_the_public_pages_come_out_in_each_drafted_language(client: Client, lang: str) -> None:
    AgencyProfile.objects.create(name="Riverside Police", interpreter_phone="555-0100")
    direction = "rtl" if lang in settings.LANGUAGES_BIDI else "ltr"
    emergency = said(lang, "In an emergency call 911.")
    assert emergency != "In an emergency call 911."
    for page in PAGES:
        response = client.get(f"/{lang}/{page}")
        html = response.content.decode()
        assert response.status_code == 200, page
        assert f'<html lang="{lang}" dir="{direction}">' in html, page
        assert emergency in html, page
    sent = client.post(f"/{lang}/report/", {}).content.decode()
    assert said(lang, "Tell us what happened.") in sent
