from __future__ import annotations

from collections.abc import Callable

import pytest
from django.db import transaction

from trustline.intake.models import Message
from trustline.intake.services import Filed
from trustline.screening.models import WithheldTally
from trustline.screening.screen import screen
from trustline.screening.services import Uncounted, count_withheld

pytestmark = pytest.mark.django_db


def test_withheld_spans_are_counted_by_category_without_content(
    file_report: Callable[..., Filed],
) -> None:
    file_report(narrative="They robbed me. I am undocumented and my A-number is A123456789.")
    file_report(narrative="Nothing about status here, just a stolen bike.")
    counts = {t.category: t.count for t in WithheldTally.objects.all()}
    assert counts == {"STATUS": 1, "DOCUMENT_ID": 1}
    assert all(t.month.day == 1 for t in WithheldTally.objects.all())


def test_resaving_a_report_does_not_count_twice(file_report: Callable[..., Filed]) -> None:
    report = file_report(narrative="Me robaron y no tengo papeles.").report
    report.save()
    report.refresh_from_db()
    report.save()
    assert WithheldTally.objects.get(category="STATUS").count == 1


def test_a_write_path_that_forgets_to_count_stores_nothing(
    file_report: Callable[..., Filed],
) -> None:
    report = file_report(narrative="Someone broke my window.").report
    with pytest.raises(Uncounted), transaction.atomic():
        Message.objects.create(
            report=report, kind=Message.Kind.REPORTER, body=screen("I have no papers.")
        )
    assert not Message.objects.filter(report=report, kind=Message.Kind.REPORTER).exists()
    assert not WithheldTally.objects.exists()


def test_a_text_is_counted_once_however_often_it_is_passed() -> None:
    text = screen("She overstayed her visa; her A-number is A123456789.")
    assert count_withheld(text, text) == {"STATUS": 1, "DOCUMENT_ID": 1}
    assert count_withheld(text) == {}
    assert sum(WithheldTally.objects.values_list("count", flat=True)) == 2
