"""`trustline purge`: the shipped rules, what goes and what stays, and what the
audit trail says about it."""

from __future__ import annotations

from collections.abc import Callable
from io import StringIO

import pytest
from django.contrib.auth.models import User
from django.core.management import call_command
from django.test import Client

from tests.contracts.dump import database_text
from trustline.audit.models import AuditEvent
from trustline.cases.models import Note
from trustline.intake.models import Category, Message, Report
from trustline.intake.services import Filed
from trustline.retention.models import RetentionRule
from trustline.retention.services import purge
from trustline.retention.tests.conftest import Closer, contact_of, exists, url

pytestmark = pytest.mark.django_db

CONTACT = {"contact_name": "Rosa", "contact_phone": "555-0100", "contact_safe_times": "evenings"}
EMPTY = ("", "", "", "")


def dry_run() -> str:
    out = StringIO()
    call_command("purge", "--dry-run", stdout=out)
    return out.getvalue()


def test_a_dry_run_lists_what_would_go_and_deletes_nothing(
    not_police_matter: Closer, closed_case: Closer
) -> None:
    referred = not_police_matter(days=181)
    closed = closed_case(days=366, **CONTACT)
    before = (Report.objects.count(), Message.objects.count(), AuditEvent.objects.count())

    listing = dry_run()

    assert f"{referred.reference}  rule" in listing
    assert "Not a police matter, after 180 days" in listing
    assert "whole report" in listing
    assert f"{closed.reference}  rule" in listing
    assert "contact details" in listing
    assert "2 due; nothing was changed" in listing
    assert (Report.objects.count(), Message.objects.count(), AuditEvent.objects.count()) == before
    assert contact_of(closed) != EMPTY
    assert "Rosa" not in listing and "bicycle" not in listing


def test_it_purges_exactly_the_reports_that_are_due(
    not_police_matter: Closer, closed_case: Closer, file_report: Callable[..., Filed]
) -> None:
    due = not_police_matter(days=181)
    recent = not_police_matter(days=179)
    closed = closed_case(days=1000)  # an arrest: the tip rule does not cover it
    still_new = file_report().report

    call_command("purge", stdout=StringIO())

    assert not exists(due)
    assert all(exists(r) for r in (recent, closed, still_new))


def test_a_purged_report_goes_with_its_messages_and_notes(
    sam: Client, not_police_matter: Closer
) -> None:
    report = not_police_matter(days=200)
    sam.post(url(report, "notes"), {"body": "Referred by phone."})
    assert Message.objects.filter(report=report).exists()
    assert Note.objects.filter(report=report).exists()

    purge()

    assert not Message.objects.filter(report_id=report.pk).exists()
    assert not Note.objects.filter(report_id=report.pk).exists()


def test_contact_details_go_a_year_after_closing_and_the_report_stays(
    closed_case: Closer,
) -> None:
    old = closed_case(days=366, **CONTACT)
    young = closed_case(days=364, **CONTACT)

    purge()

    assert exists(old) and contact_of(old) == EMPTY
    assert Report.objects.get(pk=old.pk).contact_leave_message == ""
    assert contact_of(young) != EMPTY


def test_closed_tips_go_after_two_years_unless_someone_was_arrested_or_charged(
    closed_case: Closer,
) -> None:
    tip = closed_case(days=731, disposition="no_leads", role="informant")
    charged_tip = closed_case(days=731, disposition="charged", role="informant")
    young_tip = closed_case(days=700, disposition="unfounded", role="informant")
    victim = closed_case(days=731, disposition="no_leads", role="victim")

    purge()

    assert not exists(tip)
    assert all(exists(r) for r in (charged_tip, young_tip, victim))


def test_unfounded_cases_stay_until_the_agency_turns_that_rule_on(closed_case: Closer) -> None:
    unfounded = closed_case(days=400, disposition="unfounded")
    purge()
    assert exists(unfounded)

    RetentionRule.objects.filter(dispositions=["unfounded"], role="").update(active=True)
    purge()
    assert not exists(unfounded)


def test_a_rule_for_one_category_overrides_the_rule_for_all(not_police_matter: Closer) -> None:
    RetentionRule.objects.create(
        name="Keep trafficking reports",
        what="report",
        outcome="not_police_matter",
        category_id=_category("labor-trafficking"),
        days=None,
    )
    RetentionRule.objects.create(
        name="Vandalism sooner",
        what="report",
        outcome="not_police_matter",
        category_id=_category("vandalism"),
        days=30,
    )
    trafficking = not_police_matter(days=400, category="labor-trafficking")
    vandalism = not_police_matter(days=31, category="vandalism")
    theft = not_police_matter(days=31, category="theft")

    purge()

    assert exists(trafficking) and exists(theft)
    assert not exists(vandalism)


def _category(slug: str) -> int:
    return Category.objects.get(slug=slug).pk


def test_an_inactive_or_deleted_rule_purges_nothing(not_police_matter: Closer) -> None:
    report = not_police_matter(days=181)
    RetentionRule.objects.filter(outcome="not_police_matter").update(active=False)
    purge()
    assert exists(report)


def test_audit_events_carry_counts_per_rule_and_no_reference(
    not_police_matter: Closer, closed_case: Closer
) -> None:
    gone = [not_police_matter(days=200), not_police_matter(days=190)]
    erased = closed_case(days=400, **CONTACT)
    first_purge_event = AuditEvent.objects.count() + 1

    purge()

    events = AuditEvent.objects.filter(id__gte=first_purge_event).order_by("id")
    per_rule = {e.detail["rule"]: e.detail for e in events if e.action == "retention.purge"}
    npm = RetentionRule.objects.get(outcome="not_police_matter").pk
    contact = RetentionRule.objects.get(what="contact").pk
    assert per_rule[npm] == {"rule": npm, "what": "report", "purged": 2, "warned": 0, "waiting": 0}
    assert per_rule[contact]["purged"] == 1
    run = events.get(action="retention.run")
    assert run.detail == {"rules": 2, "purged": 3, "warned": 0, "waiting": 0}
    for event in events:
        assert event.report_id is None and event.actor is None
        text = repr(event.detail)
        assert all(r.reference not in text for r in [*gone, erased])


def test_the_audit_chain_verifies_after_a_purge(not_police_matter: Closer) -> None:
    not_police_matter(days=200)
    purge()
    out = StringIO()
    call_command("audit", "verify", stdout=out)
    assert "chain intact" in out.getvalue()


def test_a_real_run_prints_counts_and_no_reference(not_police_matter: Closer) -> None:
    report = not_police_matter(days=200)
    out = StringIO()
    call_command("purge", stdout=out)
    assert "1 purged in all." in out.getvalue()
    assert report.reference not in out.getvalue()


def test_an_administrators_rule_change_is_audited(client: Client, staff: dict[str, User]) -> None:
    client.force_login(staff["ada"])
    rule = RetentionRule.objects.get(outcome="not_police_matter")
    form = {
        "name": rule.name,
        "active": "on",
        "what": "report",
        "outcome": "not_police_matter",
        "category": "",
        "role": "",
        "days": "90",
    }
    response = client.post(f"/staff/admin/retention/retentionrule/{rule.pk}/change/", form)
    assert response.status_code == 302, response.content.decode()[:2000]
    event = AuditEvent.objects.get(action="retention.rule_save")
    assert (event.actor, event.detail["days"], event.detail["rule"]) == (staff["ada"], 90, rule.pk)


def stored(report: Report, *fields: str) -> list[str]:
    """The columns as the database holds them (ciphertext once content is sealed)."""
    row = Report.objects.filter(pk=report.pk).values_list(*fields).get()
    return [str(value) for value in row if value]


def test_after_a_purge_the_database_holds_nothing_of_what_went(
    sam: Client, not_police_matter: Closer, closed_case: Closer
) -> None:
    gone = not_police_matter(
        days=200, narrative="My landlord kept the deposit.", place="Elm St 12", **CONTACT
    )
    sam.post(url(gone, "messages"), {"body": "Here is the number of the tenants' union."})
    erased = closed_case(days=400, **CONTACT)
    traces = [
        *stored(gone, "narrative", "place", "contact_name", "referral"),
        *(str(body) for body in Message.objects.filter(report=gone).values_list("body", flat=True)),
        *stored(erased, "contact_name", "contact_phone", "contact_safe_times"),
    ]
    assert len([t for t in traces if t]) >= 7

    purge()

    dump = database_text()
    assert [trace for trace in traces if trace and trace in dump] == []
    assert erased.reference in dump


def test_a_report_in_quarantine_is_never_purged(not_police_matter: Closer) -> None:
    report = not_police_matter(days=400)
    Report.objects.filter(pk=report.pk).update(quarantined=True)
    purge()
    assert exists(report)
