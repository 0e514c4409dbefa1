"""Saved replies: the agency's replies, written once and translated; an officer picks
one on a case, reads it in the reporter's language in the message box, and sends it
like any message (through the firewall)."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Callable
from html import unescape
from pathlib import Path

import pytest
from django.contrib.auth.models import User
from django.test import Client

from trustline.cases.models import SavedReply
from trustline.intake.models import Message
from trustline.intake.services import Filed

pytestmark = pytest.mark.django_db

STARTER = Path(__file__).resolve().parents[1] / "saved_replies.toml"
LANGUAGES = ["en", "es", "zh-hans", "vi", "tl", "ko", "ar", "ru", "ht", "pt", "fr"]


def message_box(page: str) -> str:
    found = re.search(r'<textarea name="body"[^>]*>(.*?)</textarea>', page, re.S)
    assert found, "no message box"
    return unescape(found.group(1)).strip()


def test_the_starter_replies_are_loaded_in_every_language() -> None:
    starter = tomllib.loads(STARTER.read_text(encoding="utf-8"))["reply"]
    assert [r.slug for r in SavedReply.objects.all()] == [r["slug"] for r in starter]
    for reply in SavedReply.objects.all():
        assert sorted(reply.texts) == sorted(LANGUAGES), reply.slug
        assert all(text.strip() for text in reply.texts.values()), reply.slug


def test_an_officer_fills_the_message_box_in_the_reporters_language_and_sends_it(
    client: Client,
    staff: dict[str, User],
    file_report: Callable[..., Filed],
    unsealed: Callable[[Message], Message],
) -> None:
    report = file_report(contact_language="vi").report
    client.force_login(staff["sam"])
    case = client.get(f"/staff/reports/{report.pk}/").content.decode()
    assert '<a href="?reply=more-details#reply">Please tell us more</a>' in case
    page = client.get(f"/staff/reports/{report.pk}/", {"reply": "more-details"}).content.decode()
    vietnamese = SavedReply.objects.get(slug="more-details").texts["vi"]
    assert message_box(page) == vietnamese
    assert "no version in the reporter’s language" not in page
    client.post(f"/staff/reports/{report.pk}/messages/", {"body": message_box(page)})
    sent = unsealed(Message.objects.get(report=report, kind=Message.Kind.STAFF))
    assert sent.body == vietnamese


def test_a_reply_not_yet_translated_shows_the_english_and_says_so(
    client: Client, staff: dict[str, User], file_report: Callable[..., Filed]
) -> None:
    SavedReply.objects.create(slug="hours", title="Opening hours", texts={"en": "We are open 9-5."})
    report = file_report(contact_language="ko").report
    client.force_login(staff["sam"])
    page = client.get(f"/staff/reports/{report.pk}/", {"reply": "hours"}).content.decode()
    assert message_box(page) == "We are open 9-5."
    assert "no version in the reporter’s language yet" in page


def test_an_unknown_reply_leaves_the_message_box_empty(
    client: Client, staff: dict[str, User], file_report: Callable[..., Filed]
) -> None:
    report = file_report().report
    client.force_login(staff["sam"])
    page = client.get(f"/staff/reports/{report.pk}/", {"reply": "no-such"}).content.decode()
    assert message_box(page) == ""
