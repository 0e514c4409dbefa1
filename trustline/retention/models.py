"""Retention: the agency's rules for how long closed reports and reporters' contact
details are kept, legal holds that stop any purge, and the warnings supervisors get
before anything unread goes (docs/retention.md).

Nothing here holds report content. A hold's reason is staff-written free text and
passes the firewall like every other stored text.
"""

from __future__ import annotations

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _

from trustline.intake.models import Category, Report
from trustline.vault.fields import ProtectedTextField


class What(models.TextChoices):
    CONTACT = "contact", _("reporter's contact details")
    REPORT = "report", _("the whole report")


class Outcome(models.TextChoices):
    CLOSED = Report.Status.CLOSED.value, _("Closed")
    NOT_POLICE_MATTER = Report.Status.NOT_POLICE_MATTER.value, _("Not a police matter")


class RetentionRule(models.Model):
    """What goes, for which reports, how many days after they closed.

    When several active rules fit one report, the one for its own category wins over
    one for all categories, then the one with more conditions (role, dispositions),
    then the longer period; an empty period means "keep" and is the longest.
    """

    name = models.CharField(max_length=100)
    what = models.CharField(max_length=10, choices=What.choices)
    outcome = models.CharField(max_length=20, choices=Outcome.choices)
    category = models.ForeignKey(
        Category,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        help_text="Empty: every category.",
    )
    role = models.CharField(
        max_length=10,
        choices=Report.Role.choices,
        blank=True,
        help_text="Empty: any role. A tip is a report whose reporter has information about it.",
    )
    dispositions = models.JSONField(
        default=list,
        blank=True,
        help_text="Closed cases only: the dispositions this rule covers. Empty: any.",
    )
    days = models.PositiveIntegerField(
        null=True,
        blank=True,
        validators=[MinValueValidator(1)],
        help_text="Days after the case closed (or was found not a police matter). "
        "Empty: keep, overriding broader rules.",
    )
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["what", "outcome", "id"]

    def __str__(self) -> str:
        return f"#{self.pk} {self.name}"


class LegalHold(models.Model):
    """While a hold is on (not lifted), its report and contact details are never purged.

    PROTECT: the database itself refuses to delete a report that a hold names, even
    one placed while a purge was running; the purge removes lifted holds first.
    """

    report = models.ForeignKey(Report, on_delete=models.PROTECT, related_name="legal_holds")
    reason = ProtectedTextField()
    placed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    placed_at = models.DateTimeField()
    lifted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    lifted_at = models.DateTimeField(null=True, blank=True)
    lift_reason = ProtectedTextField(blank=True)

    class Meta:
        ordering = ["-placed_at", "-id"]
        indexes = [models.Index(fields=["lifted_at", "report"])]

    def __str__(self) -> str:
        return f"hold {self.pk} on {self.report_id}"

    @property
    def active(self) -> bool:
        return self.lifted_at is None


class PurgeWarning(models.Model):
    """An unread report that was due under a rule: supervisors were told on
    `warned_at`, and it may go only TRUSTLINE_PURGE_WARNING_DAYS later."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="purge_warnings")
    what = models.CharField(max_length=10, choices=What.choices)
    rule = models.ForeignKey(RetentionRule, on_delete=models.CASCADE, related_name="+")
    warned_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["report", "what"], name="one_warning_per_report_and_what"
            )
        ]

    def __str__(self) -> str:
        return f"warning on {self.report_id} ({self.what})"
