"""Withholding by hand: what the firewall missed, an officer takes out of a stored text.

The officer types the exact words; every place they appear in that one text becomes the
firewall's placeholder, in the text's language. The text is sealed again under the
report's key over the old ciphertext (vault.services.reseal), and the audit event says
that it happened, to which kind of text and by whom — never what, nor how much.

What may survive of the old ciphertext outside the table's live rows is said in
docs/decisions/0003-withholding-destroys-the-old-text.md.

The monthly count of these events is the honest measure of what the engine misses in
production; it is counted from the audit trail, so it cannot drift from it.
"""

from __future__ import annotations

import datetime
import re
from enum import StrEnum

from django.db import transaction
from django.db.models import Count, Sum
from django.db.models.functions import TruncMonth

from trustline.audit.models import AuditEvent
from trustline.audit.services import record
from trustline.cases.access import CaseNotFound, NotAllowed, User, get_case_for_user, may_withhold
from trustline.cases.models import Note
from trustline.firewall import Finding, redact, split_placeholders
from trustline.intake.models import Message, Report
from trustline.screening.models import WithheldTally
from trustline.screening.screen import screen
from trustline.screening.services import count_withheld
from trustline.vault import services as vault
from trustline.vault.fields import SealedModel

ACTION = "content.withhold"
# What an officer withholds is what the firewall exists to withhold: status.
CATEGORY = "STATUS"


class Text(StrEnum):
    """The kinds of stored text an officer can withhold part of."""

    NARRATIVE = "narrative"
    MESSAGE = "message"
    NOTE = "note"


class WordsNotFound(Exception):
    """The words are not in the text, outside what is withheld already."""


def spans_of(words: str, text: str) -> list[Finding]:
    """Every place `words` appears in `text`, as findings to withhold.

    Case and runs of white space are ignored, as an officer copying from the page
    cannot see them; a word is matched whole ("visa" is not the start of "Visalia").
    A span inside a placeholder is not a match: it is withheld already.
    """
    pieces = words.split()
    if not pieces:
        raise WordsNotFound
    pattern = r"\s+".join(re.escape(piece) for piece in pieces)
    if re.match(r"\w", pieces[0]):
        pattern = r"\b" + pattern
    if re.search(r"\w$", pieces[-1]):
        pattern += r"\b"
    held = _placeholder_spans(text)
    found = [
        Finding(m.start(), m.end(), CATEGORY)
        for m in re.finditer(pattern, text, re.IGNORECASE)
        if not any(m.start() < end and start < m.end() for start, end in held)
    ]
    if not found:
        raise WordsNotFound
    return found


def _placeholder_spans(text: str) -> list[tuple[int, int]]:
    spans, at = [], 0
    for is_placeholder, piece in split_placeholders(text):
        if is_placeholder:
            spans.append((at, at + len(piece)))
        at += len(piece)
    return spans


def text_withhold(
    *, actor: User, report_id: int, text: Text, words: str, item_id: int | None = None
) -> None:
    """Withhold `words` from the report's narrative, or from one of its messages or
    notes (`item_id`). Raises WordsNotFound with nothing changed."""
    with transaction.atomic():
        report = get_case_for_user(actor, report_id)
        if not may_withhold(actor, report):
            raise NotAllowed("withhold")
        stored, field, lang = _locked(report, text, item_id)
        old = getattr(stored, field)
        new = redact(old, lang, findings=spans_of(words, old))
        # The firewall reads the new text too, like every text that is stored.
        screened = screen(new, lang)
        count_withheld(screened)
        vault.reseal(stored, field=field, text=screened)
        detail: dict[str, str | int] = {"text": str(text)}
        if item_id is not None:
            detail[f"{text}_id"] = item_id
        record(action=ACTION, actor=actor, report_id=report.pk, detail=detail)


def _locked(report: Report, text: Text, item_id: int | None) -> tuple[SealedModel, str, str | None]:
    """The row holding the text, locked against a concurrent write, opened with the
    report's key; the field; and the language its placeholders are written in (as
    when it was stored: the report's language, or for a note the note's own)."""
    if text == Text.NARRATIVE:
        locked = Report.objects.select_for_update().get(pk=report.pk)
        return vault.carry_key(report, locked), "narrative", report.language
    model = Message if text == Text.MESSAGE else Note
    row = None
    if item_id is not None:
        row = model.objects.select_for_update().filter(pk=item_id, report=report).first()
    if row is None:
        raise CaseNotFound
    row.report = report  # the opened report: its key opens the row
    return row, "body", report.language if text == Text.MESSAGE else None


def withholdings_by_month() -> list[tuple[datetime.date, int, int]]:
    """(month, withheld by hand, withheld by the firewall), newest month first.

    Months are UTC calendar months, as the firewall's own tallies are kept
    (transparency.services.count_withheld), so the two columns compare.
    """
    by_hand = (
        AuditEvent.objects.filter(action=ACTION)
        .annotate(month=TruncMonth("created_at", tzinfo=datetime.UTC))
        .order_by()
        .values("month")
        .annotate(n=Count("*"))
        .values_list("month", "n")
    )
    hand = {month.date(): n for month, n in by_hand}
    engine = dict(
        WithheldTally.objects.order_by()
        .values("month")
        .annotate(n=Sum("count"))
        .values_list("month", "n")
    )
    months = sorted(hand.keys() | engine.keys(), reverse=True)
    return [(month, hand.get(month, 0), engine.get(month, 0)) for month in months]
