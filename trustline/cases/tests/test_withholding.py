"""Withholding by hand (cases/withholding.py): an officer takes out of the narrative, a
message or a note what the firewall let through. The placeholder is whatever the
firewall's redact() writes for a STATUS span, so these tests never spell it out.

Personas as in conftest.py: Sam supervises, Ines works the intake queue, Ivan
investigates, Olga is an officer of another case.
"""

from __future__ import annotations

import json
from collections.abc import Callable

import pytest
from django.contrib.auth.models import User
from django.db import connection

from trustline.audit.models import AuditEvent
from trustline.cases.access import CaseNotFound
from trustline.cases.models import Note
from trustline.cases.services import message_to_reporter, note_add
from trustline.cases.withholding import Text, WordsNotFound, spans_of, text_withhold
from trustline.firewall import Finding, redact, split_placeholders
from trustline.intake.models import Message, Report
from trustline.intake.services import Filed, message_from_reporter
from trustline.screening.models import WithheldTally

pytestmark = pytest.mark.django_db

NARRATIVE = "Two men took my phone at the bus stop. My cousin Marisol saw it from the bakery."
SLIP = "My cousin Marisol"


@pytest.fixture
def report(file_report: Callable[..., Filed]) -> Report:
    return file_report(narrative=NARRATIVE).report


def stored(model: type[Report | Message | Note], pk: int, field: str) -> str:
    """The column as it sits in the database: ciphertext."""
    value: str = model.objects.filter(pk=pk).values_list(field, flat=True).get()
    return value


def withheld(text: str, words: str, lang: str | None) -> str:
    """What the text must read after withholding `words`: the firewall's own output."""
    start = text.index(words)
    return redact(text, lang, findings=[Finding(start, start + len(words), "STATUS")])


def test_an_officer_withholds_words_of_the_narrative(
    staff: dict[str, User], report: Report, unsealed: Callable[[Report], Report]
) -> None:
    before = stored(Report, report.pk, "narrative")
    text_withhold(actor=staff["sam"], report_id=report.pk, text=Text.NARRATIVE, words=SLIP)

    after = unsealed(Report.objects.get(pk=report.pk)).narrative
    assert after == withheld(NARRATIVE, SLIP, "en")
    assert "Marisol" not in after
    assert any(held for held, _ in split_placeholders(after))
    ciphertext = stored(Report, report.pk, "narrative")
    assert ciphertext != before and ciphertext.startswith("v1:")
    assert "Marisol" not in ciphertext


def test_the_audit_event_says_who_and_where_never_what(
    staff: dict[str, User], report: Report
) -> None:
    text_withhold(actor=staff["ines"], report_id=report.pk, text=Text.NARRATIVE, words=SLIP)
    event = AuditEvent.objects.get(action="content.withhold")
    assert (event.actor, event.report_id) == (staff["ines"], report.pk)
    assert event.detail == {"text": "narrative"}
    written = json.dumps(event.payload())
    assert "Marisol" not in written and "cousin" not in written


@pytest.mark.parametrize("direction", ["from the reporter", "to the reporter"])
def test_an_officer_withholds_words_of_a_message_either_way(
    direction: str,
    staff: dict[str, User],
    report: Report,
    unsealed: Callable[[Message], Message],
) -> None:
    body = "She is the one who called me, Marisol Reyes, last night."
    if direction == "from the reporter":
        message = message_from_reporter(report=report, body=body)
    else:
        message = message_to_reporter(actor=staff["sam"], report_id=report.pk, body=body)
    before = stored(Message, message.pk, "body")

    text_withhold(
        actor=staff["sam"],
        report_id=report.pk,
        text=Text.MESSAGE,
        words="Marisol Reyes",
        item_id=message.pk,
    )
    after = unsealed(Message.objects.get(pk=message.pk)).body
    assert after == withheld(body, "Marisol Reyes", "en")
    assert stored(Message, message.pk, "body") != before
    event = AuditEvent.objects.get(action="content.withhold")
    assert event.detail == {"text": "message", "message_id": message.pk}


def test_an_officer_withholds_words_of_a_note_in_the_notes_language(
    staff: dict[str, User], report: Report, unsealed: Callable[[Note], Note]
) -> None:
    body = "Llamé a la prima. Marisol dijo que vio todo desde la panadería de la esquina."
    note = note_add(actor=staff["sam"], report_id=report.pk, body=body)
    before = stored(Note, note.pk, "body")

    text_withhold(
        actor=staff["sam"],
        report_id=report.pk,
        text=Text.NOTE,
        words="Marisol dijo",
        item_id=note.pk,
    )
    after = unsealed(Note.objects.get(pk=note.pk)).body
    # A note's placeholders are in the note's own language, as when it was written.
    assert after == withheld(body, "Marisol dijo", "es")
    assert stored(Note, note.pk, "body") != before
    assert AuditEvent.objects.get(action="content.withhold").detail == {
        "text": "note",
        "note_id": note.pk,
    }


def test_words_that_are_not_there_change_nothing(staff: dict[str, User], report: Report) -> None:
    before = stored(Report, report.pk, "narrative")
    with pytest.raises(WordsNotFound):
        text_withhold(
            actor=staff["sam"], report_id=report.pk, text=Text.NARRATIVE, words="Marisela"
        )
    assert stored(Report, report.pk, "narrative") == before
    assert not AuditEvent.objects.filter(action="content.withhold").exists()


def test_an_officer_of_another_case_finds_nothing_to_withhold(
    staff: dict[str, User], report: Report, put_case: Callable[..., Report]
) -> None:
    put_case(report, status="accepted", assignee=staff["ivan"])
    before = stored(Report, report.pk, "narrative")
    for officer in ("olga", "ines"):
        with pytest.raises(CaseNotFound):
            text_withhold(
                actor=staff[officer], report_id=report.pk, text=Text.NARRATIVE, words=SLIP
            )
    assert stored(Report, report.pk, "narrative") == before
    assert not AuditEvent.objects.filter(action="content.withhold").exists()


def test_a_message_of_another_report_is_not_found_through_this_one(
    staff: dict[str, User], report: Report, file_report: Callable[..., Filed]
) -> None:
    other = file_report().report
    message = message_from_reporter(report=other, body="Marisol was there too.")
    with pytest.raises(CaseNotFound):
        text_withhold(
            actor=staff["sam"],
            report_id=report.pk,
            text=Text.MESSAGE,
            words="Marisol",
            item_id=message.pk,
        )


def test_withholding_by_hand_is_not_counted_as_the_firewalls(
    staff: dict[str, User], report: Report
) -> None:
    tallied = sum(WithheldTally.objects.values_list("count", flat=True))
    text_withhold(actor=staff["sam"], report_id=report.pk, text=Text.NARRATIVE, words=SLIP)
    assert sum(WithheldTally.objects.values_list("count", flat=True)) == tallied


def secure_delete() -> int:
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA secure_delete")
        value: int = cursor.fetchone()[0]
    return value


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's own file image")
def test_the_sqlite_database_image_no_longer_holds_the_old_ciphertext(
    staff: dict[str, User], file_report: Callable[..., Filed]
) -> None:
    # Some builds zero freed space anyway (Debian's does); this one must not need to.
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA secure_delete = OFF")
    # A long slip, much longer than what replaces it: the new row cannot cover the old.
    slip = " ".join(f"Marisol{n}" for n in range(400))
    report = file_report(narrative=f"Two men took my phone. {slip}").report
    before = stored(Report, report.pk, "narrative")
    text_withhold(actor=staff["sam"], report_id=report.pk, text=Text.NARRATIVE, words=slip)
    image: bytes = connection.connection.serialize()
    pieces = [before[at : at + 40].encode() for at in range(3, len(before) - 40, 400)]
    assert len(pieces) > 5 and not [piece for piece in pieces if piece in image]
    assert secure_delete() == 0  # the connection is as it was


@pytest.mark.parametrize(
    ("words", "text", "found"),
    [
        ("marisol", "Marisol saw it. Then marisol left.", ["Marisol", "marisol"]),
        ("my  cousin\nMarisol", "my cousin  Marisol", ["my cousin  Marisol"]),
        ("visa", "We drove to Visalia.", []),
        ("Visalia.", "We drove to Visalia.", ["Visalia."]),
        ("  ", "anything", []),
    ],
)
def test_the_words_are_found_whole_in_any_case_and_spacing(
    words: str, text: str, found: list[str]
) -> None:
    try:
        spans = spans_of(words, text)
    except WordsNotFound:
        spans = []
    assert [text[s.start : s.end] for s in spans] == found


def test_words_inside_a_placeholder_are_withheld_already() -> None:
    text = withheld("I saw Marisol there.", "Marisol", "en")
    placeholder = next(piece for held, piece in split_placeholders(text) if held)
    with pytest.raises(WordsNotFound):
        spans_of(placeholder, text)
    with pytest.raises(WordsNotFound):
        spans_of(placeholder.split()[0], text)
