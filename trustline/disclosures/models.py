"""The records desk's data: outside requests, the engine's decisions, releases, tasks.

There is no field for immigration or citizenship status, nationality or country of
birth (promise 1): a request *asking* for status is answered "not collected", and
nothing here could hold the answer. Free text is a ProtectedTextField. U/T-visa
certification requests (R12) are a separate, confidential workflow and never
appear here.
"""

from __future__ import annotations

from django.conf import settings
from django.core.files.storage import FileSystemStorage, Storage
from django.db import models
from django.utils.translation import gettext_lazy as _

from trustline.intake.models import CONTACT_LANGUAGES
from trustline.policy.vocabulary import DOCUMENTS, REQUEST_TYPES
from trustline.vault.fields import ProtectedTextField


def document_storage() -> Storage:
    # Not yet encrypted: the vault's file encryption does not exist (docs/records-desk.md).
    return FileSystemStorage(location=settings.TRUSTLINE_DOCUMENTS_DIR)


REQUEST_TYPE_CHOICES = [(code, f"{code} – {label}") for code, label in REQUEST_TYPES.items()]
DOCUMENT_CHOICES = [(kind, kind.replace("_", " ")) for kind in DOCUMENTS]


class OutsideRequest(models.Model):
    class AgencyType(models.TextChoices):
        IMMIGRATION_FEDERAL = "immigration_federal", _("Federal immigration agency")
        OTHER_FEDERAL = "other_federal", _("Other federal agency")
        STATE = "state", _("State agency")
        LOCAL = "local", _("Local agency")
        COURT = "court", _("Court")
        OTHER = "other", _("Other")

    class Arrival(models.TextChoices):
        MAIL = "mail", _("Mail")
        FAX = "fax", _("Fax")
        EMAIL = "email", _("E-mail")
        IN_PERSON = "in_person", _("In person")
        PHONE = "phone", _("Phone")
        SYSTEM = "system", _("Database or system message")

    class Status(models.TextChoices):
        DECIDED = "decided", _("Decided, waiting to be carried out")
        CARRIED_OUT = "carried_out", _("Carried out")
        ESCALATED = "escalated", _("Escalated to counsel")

    received_at = models.DateTimeField()
    agency_name = models.CharField(max_length=200)
    agency_type = models.CharField(max_length=24, choices=AgencyType.choices)
    officer = ProtectedTextField(blank=True)
    arrival = models.CharField(max_length=16, choices=Arrival.choices)
    document_kind = models.CharField(max_length=24, choices=DOCUMENT_CHOICES)
    request_type = models.CharField(max_length=4, choices=REQUEST_TYPE_CHOICES)
    stated_purpose = ProtectedTextField(blank=True)
    # The custodian's reading of the purpose: immigration enforcement, including the
    # criminal laws on entry, re-entry, presence and employment.
    enforcement_purpose = models.BooleanField(default=False)
    categories = models.JSONField(default=list)
    subject_reference = models.CharField(max_length=40, blank=True)
    # The language the person reads, for the notices the policy asks us to give them.
    person_language = models.CharField(max_length=8, choices=CONTACT_LANGUAGES, default="en")
    already_public = models.BooleanField(default=False)
    consent_on_file = models.BooleanField(default=False)
    listed_conviction = models.BooleanField(default=False)
    document = models.FileField(storage=document_storage, upload_to="%Y/%m/", blank=True)

    court = ProtectedTextField(blank=True)
    judge = ProtectedTextField(blank=True)
    signature_date = models.DateField(null=True, blank=True)
    statute = ProtectedTextField(blank=True)
    judicial_entered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    verified_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    verified_at = models.DateTimeField(null=True, blank=True)

    status = models.CharField(max_length=16, choices=Status.choices, default=Status.DECIDED)
    logged_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+"
    )
    audit_event_id = models.BigIntegerField(null=True)

    class Meta:
        ordering = ["-received_at", "-id"]
        indexes = [models.Index(fields=["status", "-received_at"])]

    def __str__(self) -> str:
        return f"outside request {self.pk} ({self.request_type})"

    @property
    def judicial_details_complete(self) -> bool:
        return bool(self.court and self.judge and self.signature_date and self.statute)

    @property
    def verified_judicial(self) -> bool:
        return self.judicial_details_complete and self.verified_at is not None


class Decision(models.Model):
    """The engine's answer for one requested category, as the policy file said it."""

    request = models.ForeignKey(OutsideRequest, on_delete=models.CASCADE, related_name="decisions")
    category = models.CharField(max_length=32)
    decision = models.CharField(max_length=40)
    outcome = models.CharField(max_length=24)
    rule_id = models.CharField(max_length=120)
    citation = ProtectedTextField()
    effective = models.CharField(max_length=10, blank=True)
    reason = ProtectedTextField()
    notes = ProtectedTextField(blank=True)
    side_effects = models.JSONField(default=list)
    policy_name = models.CharField(max_length=80)
    policy_version = models.CharField(max_length=64)
    decided_at = models.DateTimeField()
    # False once a later decision (e.g. after a judicial verification) replaced it.
    current = models.BooleanField(default=True)
    carried_out_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    carried_out_at = models.DateTimeField(null=True, blank=True)
    escalated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    escalated_at = models.DateTimeField(null=True, blank=True)
    escalation_reason = ProtectedTextField(blank=True)
    audit_event_id = models.BigIntegerField()

    class Meta:
        ordering = ["request", "id"]

    def __str__(self) -> str:
        return f"{self.category}: {self.outcome} ({self.rule_id})"

    @property
    def released(self) -> bool:
        return self.outcome == "release"


class Release(models.Model):
    """What left the agency, to whom, under which rules."""

    request = models.ForeignKey(OutsideRequest, on_delete=models.CASCADE, related_name="releases")
    categories = models.JSONField(default=list)
    rule_ids = models.JSONField(default=list)
    recipient = ProtectedTextField()
    package = ProtectedTextField()
    released_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT)
    released_at = models.DateTimeField()
    audit_event_id = models.BigIntegerField()

    class Meta:
        ordering = ["released_at", "id"]

    def __str__(self) -> str:
        return f"release {self.pk} of request {self.request_id}"


class Task(models.Model):
    """A side effect of a decision that someone must do by a date."""

    class Kind(models.TextChoices):
        NOTICE_PERSON = "notice_person", _("Written notice to the person")
        NOTICE_ATTORNEY = "notice_attorney", _("Written notice to the person's attorney")
        LEGAL_HOLD = "legal_hold", _("Legal hold on the records named")
        STATE_REPORT = "state_report", _("Include in the report to the state")
        CONSENT_FORM = "consent_form", _("Keep the signed consent form")

    request = models.ForeignKey(OutsideRequest, on_delete=models.CASCADE, related_name="tasks")
    decision = models.ForeignKey(Decision, on_delete=models.CASCADE, related_name="tasks")
    kind = models.CharField(max_length=24, choices=Kind.choices)
    side_effect = models.CharField(max_length=40)
    due_date = models.DateField()
    language = models.CharField(max_length=8, choices=CONTACT_LANGUAGES, default="en")
    notice = ProtectedTextField(blank=True)
    records = ProtectedTextField(blank=True)
    done_at = models.DateTimeField(null=True, blank=True)
    done_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.PROTECT, related_name="+"
    )
    cancelled_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["due_date", "id"]

    def __str__(self) -> str:
        return f"{self.kind} due {self.due_date}"

    @property
    def open(self) -> bool:
        return self.done_at is None and self.cancelled_at is None
