"""Promise 5: stored report content is encrypted; a database dump alone — even with
every server-side secret beside it — reveals none of it.

Canary strings are planted in every kind of content (narrative, place, each contact
detail, messages both ways, notes, the referral), then the whole database is dumped
(pg_dump on PostgreSQL, the sqlite3 dump otherwise) and searched, together with the
server's secrets, in plain, hex and base64 form. A staff password and the recovery
shares are what the attacker lacks; with them the canaries are readable (checked, so
the test cannot pass by storing nothing).
"""

from __future__ import annotations

import base64
from collections.abc import Callable

import pytest
from django.conf import settings
from django.contrib.auth.models import User

from tests.contracts.dump import dump
from trustline.cases.services import case_transition, message_to_reporter, note_add
from trustline.intake.models import Report
from trustline.intake.selectors import report_for_receipt, thread_of
from trustline.intake.services import Filed, message_from_reporter

# pg_dump reads from its own connection: the rows must be committed. Serialized
# rollback puts back the roles and categories of the data migrations afterwards.
pytestmark = pytest.mark.django_db(transaction=True, serialized_rollback=True)

CANARIES = {
    "narrative": "CANARY-NARRATIVE-7f3a kicked the door in",
    "place": "CANARY-PLACE-19be Alder street",
    "contact_name": "CANARY-NAME-c0de",
    "contact_phone": "+1 555 0199 CANARY",
    "contact_email": "canary-email-5e1f@example.org",
    "contact_safe_times": "CANARY-TIMES-aa01 after six",
    "reporter message": "CANARY-FROM-REPORTER-42d1",
    "staff message": "CANARY-TO-REPORTER-9c2b",
    "note": "CANARY-NOTE-77e0",
    "referral": "CANARY-REFERRAL-3141",
}


def server_secrets() -> bytes:
    return "\n".join([settings.SECRET_KEY, settings.RECEIPT_PEPPER]).encode()


def forms_of(text: str) -> list[bytes]:
    plain = text.encode()
    return [plain, plain.hex().encode(), base64.b64encode(plain), text.lower().encode()]


@pytest.fixture
def planted(staff: dict[str, User], file_report: Callable[..., Filed]) -> Filed:
    c = CANARIES
    filed = file_report(
        narrative=c["narrative"],
        place=c["place"],
        contact_name=c["contact_name"],
        contact_phone=c["contact_phone"],
        contact_email=c["contact_email"],
        contact_safe_times=c["contact_safe_times"],
    )
    message_from_reporter(report=filed.report, body=c["reporter message"])
    sam = staff["sam"]
    message_to_reporter(actor=sam, report_id=filed.report.pk, body=c["staff message"])
    note_add(actor=sam, report_id=filed.report.pk, body=c["note"])
    case_transition(
        actor=sam,
        report_id=filed.report.pk,
        to_status=Report.Status.NOT_POLICE_MATTER,
        referral=c["referral"],
    )
    return filed


def test_promise_5_a_dump_with_every_server_secret_reveals_no_report_content(
    planted: Filed,
) -> None:
    haystack = dump() + server_secrets()
    assert b"v1:" in haystack  # the content is there, sealed
    found = [name for name, text in CANARIES.items() if any(f in haystack for f in forms_of(text))]
    assert found == []
    # The receipt (which, with the pepper, opens the reporter's copy) is not stored either.
    digits = planted.receipt.replace("-", "")
    assert digits.encode() not in haystack and planted.receipt.encode() not in haystack


def test_promise_5_the_canaries_are_readable_with_a_key(
    planted: Filed, staff: dict[str, User]
) -> None:
    report = report_for_receipt(planted.receipt)  # the reporter's way in
    texts = [report.narrative, report.place, report.contact_name, report.contact_phone]
    texts += [report.contact_email, report.contact_safe_times, report.referral]
    texts += [m.body for m in thread_of(report)]
    seen = "\n".join(texts)
    for name in ["narrative", "place", "contact_email", "reporter message", "staff message"]:
        assert CANARIES[name] in seen, name
