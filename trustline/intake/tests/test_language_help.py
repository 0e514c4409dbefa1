"""Every public page says how to reach a telephone interpreter: in the page's language
in full, and in every other language by the word a reader looks for, next to the
number and linked to the page that says it in full in all of them. The receipt card
carries the page's line."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.test import Client

from tests.forms import post_report
from trustline.intake.language_help import sentences
from trustline.intake.models import AgencyProfile
from trustline.intake.tests.test_report_form import valid

pytestmark = pytest.mark.django_db

PUBLIC_PAGES = ["/en/", "/en/report/", "/en/follow-up/", "/es/", "/es/report/"]
STYLESHEET = Path(__file__).resolve().parents[2] / "static" / "trustline" / "site.css"


def set_profile(**fields: object) -> AgencyProfile:
    return AgencyProfile.objects.create(name="Riverside Police", **fields)


def text_of(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", "", html)).strip()


def help_section(page: str) -> str:
    section = re.search(r'<section class="language-help".*?</section>', page, re.S)
    assert section, "no interpreter section"
    return section.group()


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_each_public_page_says_how_to_reach_an_interpreter_in_its_language(
    client: Client, path: str
) -> None:
    set_profile(interpreter_phone="(555) 010-4477")
    section = help_section(client.get(path).content.decode())
    own = sentences()[path.split("/")[1]]
    first = text_of(re.findall(r"<p>(.*?)</p>", section, re.S)[0])
    assert first.startswith(own["line"].split("{phone}")[0].strip())
    assert "(555) 010-4477" in first and first.endswith(own["all_hours"])


@pytest.mark.parametrize("path", PUBLIC_PAGES)
def test_each_public_page_names_an_interpreter_in_every_other_language(
    client: Client, path: str
) -> None:
    set_profile(interpreter_phone="(555) 010-4477")
    section = help_section(client.get(path).content.decode())
    words = re.findall(
        r'<a href="/\w+/interpreters/#([\w-]+)" lang="([\w-]+)"[^>]*>(.*?)</a>', section
    )
    page_lang = path.split("/")[1]
    assert [lang for lang, _, _ in words] == [lang for lang in sentences() if lang != page_lang]
    assert all(anchor == lang for anchor, lang, _ in words)
    assert ("vi", "vi", "Thông dịch viên") in words
    assert 'lang="ar" dir="rtl">مترجم</a>' in section


def test_the_interpreters_page_says_it_in_full_in_every_language(client: Client) -> None:
    set_profile(interpreter_phone="+1 555 010 4477")
    page = client.get("/es/interpreters/").content.decode()
    items = re.findall(r'<li id="([\w-]+)" lang="([\w-]+)"( dir="rtl")?>(.*?)</li>', page, re.S)
    assert [lang for lang, _, _, _ in items] == list(sentences())
    arabic = next(body for lang, _, rtl, body in items if lang == "ar" and rtl)
    assert "مترجم" in arabic and "في أي وقت" in arabic
    assert '<bdi dir="ltr"><a href="tel:+15550104477">+1 555 010 4477</a></bdi>' in arabic


def test_the_agencys_hours_replace_any_hour_in_their_language(client: Client) -> None:
    hours = {"vi": "Thứ Hai–Thứ Sáu, 8–17 giờ"}
    set_profile(interpreter_phone="555-0100", interpreter_hours=hours)
    page = client.get("/en/interpreters/").content.decode()
    lines = {
        lang: text_of(body)
        for lang, body in re.findall(r'<li id="[\w-]+" lang="([\w-]+)"[^>]*>(.*?)</li>', page, re.S)
    }
    assert lines["vi"].endswith("Thứ Hai–Thứ Sáu, 8–17 giờ")
    assert lines["es"].endswith("A cualquier hora, de día o de noche.")


def test_without_an_interpreter_number_the_non_emergency_number_is_given(
    client: Client,
) -> None:
    set_profile(non_emergency_phone="555-0199")
    assert "555-0199" in text_of(help_section(client.get("/en/").content.decode()))


def test_with_no_number_at_all_no_interpreter_line_is_promised(client: Client) -> None:
    set_profile()
    assert 'class="language-help"' not in client.get("/en/").content.decode()
    assert client.get("/en/interpreters/").status_code == 404


def test_the_receipt_card_carries_the_interpreter_line_in_the_pages_language(
    client: Client,
) -> None:
    set_profile(interpreter_phone="555-0100")
    post_report(client, valid(), "es")
    card = client.get("/es/report/receipt/card/").content.decode()
    line = re.search(r'<p class="interpreter">(.*?)</p>', card, re.S)
    assert line and text_of(line.group(1)).startswith("¿Necesita un intérprete? Llame al 555-0100")


@pytest.mark.parametrize("path", [*PUBLIC_PAGES, "/en/interpreters/"])
def test_a_public_page_with_its_stylesheet_stays_under_20_kb(client: Client, path: str) -> None:
    """Issue 14's page weight, with the interpreter section on the page."""
    set_profile(interpreter_phone="(555) 010-4477")
    html = client.get(path).content
    assert len(html) + len(STYLESHEET.read_bytes()) <= 20 * 1024, len(html)
