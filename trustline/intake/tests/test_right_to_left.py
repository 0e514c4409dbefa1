"""Right to left: a page in a right-to-left language says so on the document, and the
one stylesheet mirrors itself (logical properties only, no second stylesheet)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client, override_settings

pytestmark = pytest.mark.django_db

STYLESHEET = Path(__file__).resolve().parents[2] / "static" / "trustline" / "site.css"
WITH_ARABIC = [("en", "English"), ("es", "Español"), ("ar", "العربية")]
# left: 0, margin-left, border-right, text-align: left, float: right ...
PHYSICAL = re.compile(r"(?<![\w-])(?:left|right)\s*:|-(?:left|right)\s*:|:\s*(?:left|right)\b")


def test_the_stylesheet_names_no_physical_side() -> None:
    css = STYLESHEET.read_text(encoding="utf-8")
    assert PHYSICAL.findall(css) == []


def test_the_check_would_catch_a_physical_side() -> None:
    for rule in ["a{margin-left:1px}", "a{left:0}", "a{text-align:right}", "a{float: left}"]:
        assert PHYSICAL.search(rule), rule
    assert not PHYSICAL.search("a{margin-inline-start:1px;text-align:start}")


@override_settings(LANGUAGES=WITH_ARABIC)
def test_a_page_in_arabic_runs_right_to_left(client: Client) -> None:
    assert '<html lang="ar" dir="rtl">' in client.get("/ar/").content.decode()
    assert '<html lang="en" dir="ltr">' in client.get("/en/").content.decode()
