"""Withholding by hand destroys the old text, it does not hide it: after the commit, a
database dump (pg_dump on PostgreSQL, the sqlite3 dump otherwise) holds no old
ciphertext of the text, and every sealed value in it, opened with the report's own key,
reads without the words. What the database may keep outside its live rows (dead row
versions, WAL, backups) is docs/decisions/0003-withholding-destroys-the-old-text.md.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from django.contrib.auth.models import User

from tests.contracts.dump import dump, opened_in
from trustline.cases.models import Note
from trustline.cases.services import message_to_reporter, note_add
from trustline.cases.withholding import Text, text_withhold
from trustline.intake.models import Message, Report
from trustline.intake.services import Filed, message_from_reporter

# pg_dump reads from its own connection: the rows must be committed.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

SLIP = "CANARY-SLIP-5d0e"


def ciphertext(model: type[Report | Message | Note], pk: int, field: str) -> bytes:
    value: str = model.objects.filter(pk=pk).values_list(field, flat=True).get()
    return value.encode()


def test_after_withholding_a_dump_holds_no_old_ciphertext_and_no_word_of_it(
    staff: dict[str, User],
    file_report: Callable[..., Filed],
    unsealed: Callable[[Report], Report],
) -> None:
    sam = staff["sam"]
    report = file_report(narrative=f"Two men took my phone. {SLIP} saw them.").report
    received = message_from_reporter(report=report, body=f"{SLIP} can tell you more.")
    sent = message_to_reporter(actor=sam, report_id=report.pk, body=f"Is {SLIP} safe?")
    note = note_add(actor=sam, report_id=report.pk, body=f"Call {SLIP} on Tuesday.")
    texts: list[tuple[type[Report | Message | Note], int, str, Text, int | None]] = [
        (Report, report.pk, "narrative", Text.NARRATIVE, None),
        (Message, received.pk, "body", Text.MESSAGE, received.pk),
        (Message, sent.pk, "body", Text.MESSAGE, sent.pk),
        (Note, note.pk, "body", Text.NOTE, note.pk),
    ]
    old = [ciphertext(model, pk, field) for model, pk, field, _, _ in texts]
    opened = unsealed(Report.objects.get(pk=report.pk))
    assert any(SLIP in text for text in opened_in(dump(), opened))  # the check can see it

    for _, _, _, text, item_id in texts:
        text_withhold(actor=sam, report_id=report.pk, text=text, words=SLIP, item_id=item_id)

    dumped = dump()
    assert [sealed for sealed in old if sealed in dumped] == []
    readable = opened_in(dumped, opened)
    assert len(readable) >= len(texts) and not [t for t in readable if SLIP in t]
    assert SLIP.encode() not in dumped
