"""Promise 1, the firewall half: every stored free-text field passes the firewall.

The development corpus's reports that contain a status disclosure are posted
through every public form and every staff form that stores free text (a report taken
by phone or at the counter among them); none of their gold spans may reach the
database or a log line. The form that withholds part
of a text by hand takes free text too: the words typed are matched, never stored, and
the text it stores again passes the firewall like any other.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from conftest import StaffClient
from tests.contracts.dump import database_text
from tests.forms import post_report
from trustline.firewall import split_placeholders
from trustline.intake.models import Report

pytestmark = pytest.mark.django_db

CORPUS = Path(__file__).resolve().parents[2] / "corpora" / "dev" / "dev500.jsonl"


def positive_reports() -> list[dict[str, Any]]:
    rows = [json.loads(line) for line in CORPUS.read_text(encoding="utf-8").splitlines() if line]
    return [row for row in rows if row["spans"]]


def gold_in_context(row: dict[str, Any]) -> list[str]:
    """Each gold span with a little of the text before it, and after it: short spans
    ("illegal") also occur harmlessly elsewhere, their context does not."""
    text = row["text"]
    needles = []
    for span in row["spans"]:
        start, end = span["start"], span["end"]
        needles.append(text[max(0, start - 12) : end])
        needles.append(text[start : end + 12])
    return needles


def answers(text: str, lang: str) -> dict[str, str]:
    """The text in every free-text answer of the report form (the short ones take the
    first 200 characters)."""
    short = text[:200]
    return {
        "category": "threats",
        "when": "unsure",
        "narrative": text,
        "place": short,
        "contact_name": short,
        "contact_safe_times": short,
        "role": "witness",
        "contact_language": lang,
    }


def file_through_the_form(client: Client, text: str, lang: str) -> Report:
    response = post_report(client, answers(text, lang), lang)
    assert response.status_code == 302, response.content.decode()[:500]
    return Report.objects.order_by("-id")[0]


def a_word_kept_in(text: str) -> str:
    """A word of the stored text outside what the firewall withheld."""
    return next(
        word for held, piece in split_placeholders(text) if not held for word in piece.split()
    )


# The reports go through in three parts (every third one each) so that parallel
# workers share them; together the parts post every report of the corpus.
PARTS = 3


@pytest.mark.parametrize("part", range(PARTS))
def test_no_gold_span_of_the_corpus_reaches_storage_or_logs(
    staff: dict[str, User],
    caplog: pytest.LogCaptureFixture,
    settings: Any,
    unsealed: Callable[[Report], Report],
    part: int,
) -> None:
    caplog.set_level(logging.DEBUG)
    officer = StaffClient()
    officer.force_login(staff["sam"])
    every = positive_reports()
    assert len(every) > 200
    rows = every[part::PARTS]
    # Hundreds of reports in a few seconds would be a flood: the line's budget is
    # raised so that none goes to quarantine (where the case pages do not open it).
    settings.ABUSE_LINE_REPORTS_PER_MINUTE = len(rows)
    for row in rows:
        lang = "es" if row["lang"] == "es" else "en"
        reporter = Client()
        report = file_through_the_form(reporter, row["text"], lang)
        assert reporter.post(f"/{lang}/follow-up/case/", {"body": row["text"]}).status_code == 302
        base = f"/staff/reports/{report.pk}/"
        assert officer.post(base + "messages/", {"body": row["text"]}).status_code == 302
        assert officer.post(base + "notes/", {"body": row["text"]}).status_code == 302
        referral = {"to_status": "not_police_matter", "referral": row["text"][:2000]}
        assert officer.post(base + "status/", referral).status_code == 302
        # Words to withhold that are not in the text: shown back to the officer, not kept.
        absent = {"narrative-words": row["text"] + " (not in the report)"}
        assert officer.post(base + "withhold/", absent).status_code == 400
        kept = a_word_kept_in(unsealed(Report.objects.get(pk=report.pk)).narrative)
        assert officer.post(base + "withhold/", {"narrative-words": kept}).status_code == 302
        # A report taken by phone or at the counter, typed in by the officer.
        taken = officer.post(
            "/staff/reports/new/", {**answers(row["text"], lang), "taken": "phone"}
        )
        assert taken.status_code == 200, taken.content.decode()[:500]

    stored = database_text() + "\n".join(r.getMessage() for r in caplog.records)
    leaked = [
        (row["id"], needle) for row in rows for needle in gold_in_context(row) if needle in stored
    ]
    assert leaked == []
