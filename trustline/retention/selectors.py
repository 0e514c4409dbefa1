"""Reads of retention: the schedule's inputs (metadata only), holds, warnings."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import BooleanField, ExpressionWrapper, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from trustline.audit.models import AuditEvent
from trustline.cases.access import CaseNotFound
from trustline.intake.models import Message, Report
from trustline.intake.selectors import named_by
from trustline.intake.visibility import visible_reports
from trustline.retention.models import LegalHold, Outcome, PurgeWarning, RetentionRule, What
from trustline.retention.schedule import Case, Rule, Step, plan
from trustline.roles import Actor

# Blank, these say nothing about the reporter. "" is stored as "" even in an encrypted
# column, so testing for it reads no content.
CONTACT_FIELDS = (
    "contact_name",
    "contact_phone",
    "contact_email",
    "contact_safe_times",
    "contact_leave_message",
)
NO_CONTACT = Q(**{field: "" for field in CONTACT_FIELDS})


def warning_period() -> timedelta:
    return timedelta(days=settings.TRUSTLINE_PURGE_WARNING_DAYS)


def active_rules() -> list[Rule]:
    return [
        Rule(
            id=rule.pk,
            name=rule.name,
            what=rule.what,
            outcome=rule.outcome,
            category_id=rule.category_id,
            role=rule.role,
            dispositions=frozenset(rule.dispositions),
            days=rule.days,
        )
        for rule in RetentionRule.objects.filter(active=True)
    ]


def held_report_ids() -> QuerySet[LegalHold, int]:
    return LegalHold.objects.filter(lifted_at__isnull=True).values_list("report_id", flat=True)


def _latest(queryset: QuerySet[Message] | QuerySet[AuditEvent]) -> Subquery:
    return Subquery(queryset.order_by("-created_at").values("created_at")[:1])


def closed_cases() -> list[Case]:
    """Every closed or not-a-police-matter report without a legal hold, as metadata.
    Reports in quarantine are never purged: suspected spam is not silently deleted."""
    ended = _latest(
        Message.objects.filter(
            report=OuterRef("pk"), kind=Message.Kind.STATUS, status=OuterRef("status")
        )
    )
    rows = (
        Report.objects.filter(status__in=Outcome.values, quarantined=False)
        .exclude(pk__in=held_report_ids())
        .annotate(
            # A report without its status entry counts from its last change: later, never sooner.
            ended_at=Coalesce(ended, "updated_at"),
            last_from_reporter=_latest(
                Message.objects.filter(report=OuterRef("pk"), kind=Message.Kind.REPORTER)
            ),
            last_read=_latest(
                AuditEvent.objects.filter(report_id=OuterRef("pk"), action="case.view")
            ),
            with_contact=ExpressionWrapper(~NO_CONTACT, output_field=BooleanField()),
        )
        .values(
            "pk",
            "reference",
            "status",
            "category_id",
            "role",
            "disposition",
            "ended_at",
            "with_contact",
            "unread_by_staff",
            "last_from_reporter",
            "last_read",
        )
        .order_by("pk")
    )
    return [_case(row) for row in rows.iterator(chunk_size=2000)]


def _case(row: dict[str, object]) -> Case:
    return Case(
        report_id=int(row["pk"]),  # type: ignore[call-overload]
        reference=str(row["reference"]),
        status=str(row["status"]),
        category_id=int(row["category_id"]),  # type: ignore[call-overload]
        role=str(row["role"]),
        disposition=str(row["disposition"]),
        ended_at=row["ended_at"],  # type: ignore[arg-type]
        has_contact=bool(row["with_contact"]),
        unread=_unread(row),
    )


def _unread(row: dict[str, object]) -> bool:
    """Flagged unread, or the reporter wrote after the last time staff opened it."""
    written, read = row["last_from_reporter"], row["last_read"]
    if row["unread_by_staff"]:
        return True
    if not isinstance(written, datetime):
        return False
    return not isinstance(read, datetime) or written > read


def warnings() -> dict[tuple[int, str], datetime]:
    rows = PurgeWarning.objects.values_list("report_id", "what", "warned_at")
    return {(report_id, what): warned_at for report_id, what, warned_at in rows}


@dataclass(frozen=True)
class Upcoming:
    reference: str
    report_id: int
    what: str
    goes_at: datetime


def upcoming_purges(limit: int = 20) -> tuple[int, list[Upcoming]]:
    """What supervisors were warned about and is still not held: the count, and the
    first `limit` in the order they will go."""
    pending = PurgeWarning.objects.exclude(report_id__in=held_report_ids())
    period = warning_period()
    rows = pending.order_by("warned_at", "report_id").values_list(
        "report__reference", "report_id", "what", "warned_at"
    )
    first = [
        Upcoming(reference, report_id, str(What(what).label), warned_at + period)
        for reference, report_id, what, warned_at in rows[:limit]
    ]
    return pending.count(), first


def report_id_for(user: Actor, reference_or_case_number: str) -> int:
    """The report a staff member named by reference or case number, if they may see it."""
    found = (
        named_by(visible_reports(user), reference_or_case_number)
        .values_list("pk", flat=True)
        .first()
    )
    if found is None:
        raise CaseNotFound
    return found


def active_holds() -> QuerySet[LegalHold]:
    return LegalHold.objects.filter(lifted_at__isnull=True).select_related("report", "placed_by")


def lifted_holds(limit: int = 50) -> QuerySet[LegalHold]:
    lifted = LegalHold.objects.filter(lifted_at__isnull=False).order_by("-lifted_at")
    return lifted.select_related("report", "placed_by", "lifted_by")[:limit]


def purge_plan(now: datetime) -> list[Step]:
    """What a purge run at `now` does: read only, metadata only."""
    return plan(active_rules(), closed_cases(), warnings(), now, warning_period())
