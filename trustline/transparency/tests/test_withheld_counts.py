from __future__ import annotations

from collections.abc import Callable

import pytest

from trustline.intake.services import Filed
from trustline.transparency.models import WithheldTally

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
