"""Every catalog is complete and safe, and the pages really come out in Spanish.

Many reporters read only Spanish: an untranslated or fuzzy entry shows them English,
and a placeholder lost in translation breaks a page (KeyError) or hides a reference
or case number. The rendering tests need the compiled catalog (`make messages`).
"""

from __future__ import annotations

import datetime
import re
from pathlib import Path
from types import SimpleNamespace

import pytest
from babel.messages.catalog import Catalog, Message
from babel.messages.pofile import read_po
from django.conf import settings
from django.template.loader import render_to_string
from django.test import Client
from django.utils import translation

from trustline.intake.models import Report
from trustline.intake.status_text import status_sentence

LOCALE = Path(settings.BASE_DIR) / "locale"
PO_PATH = LOCALE / "es" / "LC_MESSAGES" / "django.po"
# Every catalog in the repository, offered or not yet: none may ship half done.
CATALOGS = sorted(LOCALE.glob("*/LC_MESSAGES/django.po"))
MO_HINT = "is the catalog compiled? Run `make messages`."

# %(name)s / %(n)d style, bare %s / %d, and {name} / {name:fmt} (python-brace-format).
PERCENT = re.compile(r"%(?:\((\w+)\))?[-#0 +]*\d*(?:\.\d+)?[sdifr]")
BRACE = re.compile(r"\{(\w*)(?:[:!][^{}]*)?\}")


def placeholders(text: str, brace: bool) -> list[str]:
    found = [m.group(0) for m in PERCENT.finditer(text)]
    if brace:
        found += ["{" + m.group(1) + "}" for m in BRACE.finditer(text)]
    return sorted(found)


def read(path: Path) -> Catalog:
    with path.open("rb") as po:
        return read_po(po, locale=path.parts[-3])


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    return read(PO_PATH)


@pytest.fixture(scope="module", params=CATALOGS, ids=lambda path: path.parts[-3])
def each_catalog(request: pytest.FixtureRequest) -> Catalog:
    return read(request.param)


def entries(catalog: Catalog) -> list[Message]:
    return [m for m in catalog if m.id]


def msgid_text(message: Message) -> str:
    return str(message.id[0] if isinstance(message.id, tuple) else message.id)


def msgstr_text(message: Message) -> str:
    """The translation; for a plural entry, its forms joined by a space."""
    string = message.string
    return " ".join(string) if isinstance(string, tuple | list) else str(string or "")


def test_the_catalog_header_is_spanish_with_two_plural_forms(catalog: Catalog) -> None:
    assert not catalog.fuzzy, "the header is marked fuzzy: pybabel compile would skip it"
    assert str(catalog.locale) == "es"
    assert catalog.num_plurals == 2
    assert catalog.plural_expr.replace(" ", "") in {"(n!=1)", "n!=1"}
    assert len(entries(catalog)) > 100


def test_every_entry_is_translated_and_none_is_fuzzy(each_catalog: Catalog) -> None:
    catalog = each_catalog
    assert not catalog.fuzzy, "the header is marked fuzzy: pybabel compile would skip it"
    fuzzy = [msgid_text(m) for m in entries(catalog) if m.fuzzy]
    forms = catalog.num_plurals
    untranslated = [
        msgid_text(m)
        for m in entries(catalog)
        if not m.string
        or (isinstance(m.string, tuple) and (len(m.string) != forms or not all(m.string)))
    ]
    # A "#| msgid" line is msgmerge's guess from a similar string: dropping the fuzzy
    # flag without retranslating would leave it. Translate, then delete the line.
    # (Babel reads such a line as a translator comment "| msgid ...".)
    guessed = [
        msgid_text(m)
        for m in entries(catalog)
        if m.previous_id or any(c.startswith("| msgid") for c in m.user_comments)
    ]
    assert fuzzy == [], f"fuzzy entries: {fuzzy}"
    assert guessed == [], f"entries still carrying a guessed previous msgid: {guessed}"
    assert untranslated == [], f"untranslated entries: {untranslated}"


def test_every_catalog_has_every_sentence_of_the_reference(
    each_catalog: Catalog, catalog: Catalog
) -> None:
    """Spanish is kept complete with the templates and code (makemessages); a catalog
    without one of its sentences would show that one in English."""
    missing = {msgid_text(m) for m in entries(catalog)} - {
        msgid_text(m) for m in entries(each_catalog)
    }
    assert sorted(missing) == []


def test_no_obsolete_entries_linger(each_catalog: Catalog) -> None:
    assert list(each_catalog.obsolete) == []


def test_every_placeholder_survives_translation(each_catalog: Catalog) -> None:
    broken = []
    for message in entries(each_catalog):
        brace = "python-brace-format" in message.flags
        ids = [str(i) for i in message.id] if isinstance(message.id, tuple) else [str(message.id)]
        string = message.string
        strings = [str(s) for s in string] if isinstance(string, tuple) else [str(string)]
        # Each plural form says what the singular or the plural English says (a
        # language's forms do not line up one to one with English's two).
        expected = [placeholders(source, brace) for source in ids]
        for text in strings:
            if placeholders(text, brace) not in expected:
                broken.append((ids[-1], text))
    assert broken == [], f"placeholders differ: {broken}"


def test_the_catalog_says_the_same_thing_the_same_way(catalog: Catalog) -> None:
    """Words a frightened reporter must recognise from page to page."""
    text = {msgid_text(m): msgstr_text(m) for m in entries(catalog)}
    assert text["In an emergency call 911."] == "En caso de emergencia, llame al 911."
    assert (
        text["Come back with your receipt"]
        in text[
            "To read answers about your report, go to the reporting line website, choose "
            "“Come back with your receipt” and enter the digits above."
        ]
    )
    assert text["I am not sure"] in text["Enter the date, or choose “I am not sure”."]
    assert text["I am not sure"] in text["Say when it happened, or choose “I am not sure”."]
    assert (
        text["required"]
        in text["Answer what you can. Only the questions marked “required” must be answered."]
    )
    spanish = " ".join(text.values())
    assert "denuncia" not in spanish.lower(), "say “reporte”, as everywhere else"
    assert "estatus migratorio" in spanish


@pytest.mark.django_db
def test_the_landing_page_is_in_spanish(client: Client) -> None:
    response = client.get("/es/")
    page = response.content.decode()
    assert response.status_code == 200
    assert 'lang="es"' in page
    assert "En caso de emergencia" in page, MO_HINT
    assert "Reporte un delito o dé información" in page
    assert "Aquí nadie le va a preguntar por su estatus migratorio." in page
    assert "In an emergency call 911." not in page


@pytest.mark.django_db
def test_the_english_landing_page_stays_english(client: Client) -> None:
    page = client.get("/en/").content.decode()
    assert "In an emergency call 911." in page
    assert "En caso de emergencia" not in page


@pytest.mark.django_db
def test_the_report_form_is_in_spanish(client: Client) -> None:
    page = client.get("/es/report/").content.decode()
    for label in (
        "¿Qué pasó?",
        "¿Cuándo pasó?",
        "¿Dónde pasó?",
        "obligatorio",
        "No lo sé",
        "Cómo comunicarnos con usted (opcional)",
        "No le vamos a preguntar por su estatus migratorio.",
        "Enviar reporte",
        "Le robaron algo",  # a category, from the category data
    ):
        assert label in page, f"{label!r} missing: {MO_HINT}"
    assert "What happened?" not in page


@pytest.mark.django_db
def test_form_errors_are_in_spanish(client: Client) -> None:
    response = client.post("/es/report/", {})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Hay un problema" in page
    assert "Cuéntenos qué pasó." in page
    assert "Elija qué pasó." in page


@pytest.mark.django_db
def test_the_follow_up_page_is_in_spanish(client: Client) -> None:
    page = client.get("/es/follow-up/").content.decode()
    assert "Volver a su reporte" in page
    assert "Su recibo" in page
    assert "Abrir mi reporte" in page


@pytest.mark.django_db
def test_the_404_page_is_in_spanish(client: Client) -> None:
    response = client.get("/es/no-such-page/")
    page = response.content.decode()
    assert response.status_code == 404
    assert "No se encontró la página" in page, MO_HINT
    assert "Ir a la página de inicio" in page
    assert "Page not found" not in page


@pytest.mark.django_db
def test_the_public_figures_page_is_in_spanish(client: Client) -> None:
    response = client.get("/es/figures/")
    page = response.content.decode()
    assert response.status_code == 200
    assert "Solicitudes de otras agencias en" in page, MO_HINT
    assert "se muestra como “menos de" in page
    assert "Solicitudes de retención migratoria (detainers)" in page
    assert "Requests from other agencies" not in page


def test_the_notice_to_the_person_is_written_in_spanish() -> None:
    outside = SimpleNamespace(agency_name="County Sheriff", received_at=datetime.date(2026, 3, 27))
    context = {"agency": "Ciudad PD", "outside": outside, "decisions": [], "to": "person"}
    with translation.override("es"):
        text = render_to_string("disclosures/notices/notice.txt", context)
    assert "Para la persona nombrada en la solicitud:" in text
    assert "El 2026-03-27, Ciudad PD recibió una solicitud sobre usted de parte de County" in text
    assert "No vamos a cumplir con esta solicitud." in text
    assert "Puede hablar con un abogado sobre este aviso." in text


@pytest.mark.django_db
def test_the_staff_sign_in_page_follows_the_browser_language(client: Client) -> None:
    page = client.get("/staff/login/", headers={"accept-language": "es"}).content.decode()
    assert "Acceso del personal" in page
    assert "Iniciar sesión" in page


def test_status_sentences_keep_the_case_number_in_spanish() -> None:
    report = Report(case_number="2026-000123", disposition=Report.Disposition.ARREST)
    with translation.override("es"):
        accepted = status_sentence(report, Report.Status.ACCEPTED)
        closed = status_sentence(report, Report.Status.CLOSED)
    assert accepted == (
        "Su reporte ahora es un caso oficial de la policía. Su número de caso es 2026-000123."
    )
    assert closed == "Su caso está cerrado. Resultado: Se arrestó a alguien"
