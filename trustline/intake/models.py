"""The reporter's side of the data: reports, their messages, and the configuration
(agency profile, categories) that the public pages show.

There is no field for immigration or citizenship status, nationality, country of
birth, SSN or ID numbers, and there never will be (promise 1). Free text is a
SealedTextField: it passes the firewall, then is encrypted with the report's own
data key (promise 5; trustline/vault/).
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from trustline.remembered import forget, remembered
from trustline.vault.fields import SealedModel, SealedTextField

# Contact languages, named in their own language so nobody needs a translation to
# find theirs (DOMAIN.md: the most common home languages with limited English).
CONTACT_LANGUAGES = [
    ("en", "English"),
    ("es", "Español"),
    ("zh", "中文"),
    ("vi", "Tiếng Việt"),
    ("tl", "Tagalog"),
    ("ko", "한국어"),
    ("ar", "العربية"),
    ("ru", "Русский"),
    ("ht", "Kreyòl ayisyen"),
    ("pt", "Português"),
    ("fr", "Français"),
]


PROFILE_CACHE_KEY = "trustline:agency-profile"
CATEGORIES_CACHE_KEY = "trustline:categories"


def pick_label(labels: dict[str, str], lang: str) -> str:
    return labels.get(lang) or labels.get("en") or next(iter(labels.values()), "")


class AgencyProfile(models.Model):
    """One row: the agency's name, promise and how its case numbers look."""

    name = models.CharField(max_length=200, default="Your local police department")
    non_emergency_phone = models.CharField(max_length=40, blank=True)
    promise = models.JSONField(
        default=dict,
        blank=True,
        help_text="The promise on the front page, per language code. Empty: the default.",
    )
    advocate = models.JSONField(
        default=dict,
        blank=True,
        help_text="Where a victim advocate can be found, per language code.",
    )
    case_number_format = models.CharField(
        max_length=40,
        default="{year}-{seq:06d}",
        help_text="Python format with {year} and {seq}, e.g. PD{year}-{seq:05d}.",
    )
    interpreter_phone = models.CharField(
        max_length=40,
        blank=True,
        help_text="Where a caller reaches a telephone interpreter, shown on every public page"
        " in every language. Empty: the non-emergency number is shown instead; with neither,"
        " no interpreter line is shown.",
    )
    interpreter_hours = models.JSONField(
        default=dict,
        blank=True,
        help_text="When the interpreters answer, per language code (en, es, zh-hans, zh-hant,"
        " vi, tl, ko, ar, ru, ht, pt, fr), in that language. Empty: at any hour.",
    )

    class Meta:
        verbose_name = "agency profile"

    def __str__(self) -> str:
        return self.name

    def save(self, *args: Any, **kwargs: Any) -> None:
        super().save(*args, **kwargs)
        forget(PROFILE_CACHE_KEY)

    def interpreter_line(self) -> str:
        return self.interpreter_phone or self.non_emergency_phone

    def shown_name(self) -> str:
        """The agency's name; until an administrator sets one, a translated default."""
        return self.name if self.pk else gettext("Your local police department")

    @classmethod
    def current(cls) -> AgencyProfile:
        return remembered(PROFILE_CACHE_KEY, lambda: cls.objects.order_by("pk").first() or cls())


class CategoryGroup(models.Model):
    slug = models.SlugField(unique=True)
    labels = models.JSONField(default=dict)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "slug"]

    def __str__(self) -> str:
        return self.slug

    def label(self, lang: str) -> str:
        return pick_label(self.labels, lang)


class Category(models.Model):
    """A plain-language offense type, mapped underneath to a NIBRS code.

    The federal-only immigration offenses (30A–30D, 49C) are never offered.
    """

    slug = models.SlugField(unique=True)
    group = models.ForeignKey(CategoryGroup, on_delete=models.PROTECT, related_name="categories")
    nibrs_code = models.CharField(max_length=4)
    against_person = models.BooleanField(
        default=False, help_text="Show what happens next and where to find a victim advocate."
    )
    labels = models.JSONField(default=dict)
    position = models.PositiveSmallIntegerField(default=0)
    active = models.BooleanField(default=True)

    class Meta:
        ordering = ["group__position", "position", "slug"]
        verbose_name_plural = "categories"

    def __str__(self) -> str:
        return f"{self.slug} ({self.nibrs_code})"

    def save(self, *args: Any, **kwargs: Any) -> None:
        super().save(*args, **kwargs)
        forget(CATEGORIES_CACHE_KEY)

    def label(self, lang: str) -> str:
        return pick_label(self.labels, lang)


class Report(SealedModel):
    class Status(models.TextChoices):
        NEW = "new", _("New")
        IN_REVIEW = "in_review", _("In review")
        ACCEPTED = "accepted", _("Accepted")
        NOT_POLICE_MATTER = "not_police_matter", _("Not a police matter")
        INVESTIGATING = "investigating", _("Investigating")
        CLOSED = "closed", _("Closed")

    class When(models.TextChoices):
        AT = "at", _("At a specific time")
        BETWEEN = "between", _("Some time between two dates")
        UNSURE = "unsure", _("I am not sure")

    class Role(models.TextChoices):
        VICTIM = "victim", _("It happened to me")
        WITNESS = "witness", _("I saw it happen")
        INFORMANT = "informant", _("I have information about it")

    class LeaveMessage(models.TextChoices):
        YES = "yes", _("Yes")
        NO = "no", _("No")

    class QuarantineReason(models.TextChoices):
        HONEYPOT = "honeypot", _("A hidden field that only robots fill in was filled in")
        SESSION = "session", _("One browser sent more reports in an hour than its budget")
        LINE = (
            "line",
            _("The line received more reports in a minute than usual, without proof of work"),
        )
        FLOOD = "flood", _("The line was flooded; this report carried proof of work")

    class Disposition(models.TextChoices):
        ARREST = "arrest", _("Someone was arrested")
        CHARGED = "charged", _("Sent to the prosecutor")
        NO_LEADS = "no_leads", _("No more leads for now; it can be reopened")
        UNFOUNDED = "unfounded", _("No crime was found")
        REFERRED = "referred", _("Passed to another agency")

    reference = models.CharField(max_length=12, unique=True)
    receipt_digest = models.CharField(max_length=64, unique=True)
    # Keyed hash of the form's one-time token: a retried POST finds its report.
    submission_digest = models.CharField(max_length=64, unique=True)
    category = models.ForeignKey(Category, on_delete=models.PROTECT)
    when = models.CharField(max_length=8, choices=When.choices)
    occurred_from = models.DateTimeField(null=True, blank=True)
    occurred_to = models.DateTimeField(null=True, blank=True)
    place = SealedTextField(blank=True)
    narrative = SealedTextField()
    role = models.CharField(max_length=10, choices=Role.choices)
    contact_name = SealedTextField(blank=True)
    contact_phone = SealedTextField(blank=True)
    contact_email = SealedTextField(blank=True)
    contact_safe_times = SealedTextField(blank=True)
    contact_leave_message = models.CharField(max_length=3, choices=LeaveMessage.choices, blank=True)
    # The language of the pages the reporter used, in which they read every update.
    language = models.CharField(max_length=8, choices=settings.LANGUAGES)
    contact_language = models.CharField(max_length=8, choices=CONTACT_LANGUAGES)
    interpreter = models.BooleanField(default=False)

    status = models.CharField(max_length=20, choices=Status.choices, default=Status.NEW)
    case_number = models.CharField(max_length=40, null=True, blank=True, unique=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    disposition = models.CharField(max_length=12, choices=Disposition.choices, blank=True)
    referral = SealedTextField(blank=True)
    unread_by_staff = models.BooleanField(default=True)
    # Raised when the reporter leaves: a public session remembers the value it opened
    # with, and a copy of its cookie taken before leaving opens nothing afterwards
    # (the session itself is a signed cookie the server never stores).
    session_epoch = models.PositiveIntegerField(default=0)
    # Suspected spam (trustline/intake/abuse.py): kept out of the inbox until a
    # supervisor releases it from the quarantine queue; never deleted for it.
    quarantined = models.BooleanField(default=False)
    # Why it was suspected, for the supervisor deciding whether to release it.
    quarantine_reason = models.CharField(
        max_length=10, choices=QuarantineReason.choices, blank=True
    )
    # The data key sealed under a key derived from the receipt: the reporter's copy.
    reporter_wrap = models.BinaryField(default=b"")
    created_at = models.DateTimeField(db_index=True)
    updated_at = models.DateTimeField()

    class Meta:
        indexes = [
            models.Index(fields=["status", "-created_at"]),
            models.Index(fields=["assignee", "-created_at"]),
            models.Index(fields=["category", "-created_at"]),
            models.Index(fields=["language", "-created_at"]),
            # The inbox counts by status among reports not in quarantine, from this index.
            models.Index(
                fields=["status"], condition=models.Q(quarantined=False), name="report_queue_status"
            ),
        ]

    def __str__(self) -> str:
        return self.reference

    def vault_key(self) -> bytes | None:
        key: bytes | None = getattr(self, "_vault_data_key", None)
        return key

    def vault_context(self, field: str) -> str:
        return f"intake.report.{field}|{self.reference}"

    def has_contact(self) -> bool:
        return bool(self.contact_name or self.contact_phone or self.contact_email)


class Message(SealedModel):
    """One entry of the thread the reporter sees: their words, an officer's, or a
    change of status (rendered in plain words in the reporter's language)."""

    class Kind(models.TextChoices):
        REPORTER = "reporter", _("You")
        STAFF = "staff", _("Officer")
        STATUS = "status", _("Update")

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="messages")
    kind = models.CharField(max_length=10, choices=Kind.choices)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL
    )
    body = SealedTextField(blank=True)
    status = models.CharField(max_length=20, choices=Report.Status.choices, blank=True)
    created_at = models.DateTimeField()

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self) -> str:
        return f"{self.report_id} {self.kind}"

    def vault_key(self) -> bytes | None:
        return self.report.vault_key()

    def vault_context(self, field: str) -> str:
        return f"intake.message.{field}|{self.report.reference}"


class SubmissionMinute(models.Model):
    """How many reports the whole line received in one minute: the global budget
    (trustline/intake/abuse.py). Shared by every process through the database; it
    counts forms, never who sent them."""

    minute = models.BigIntegerField(unique=True)  # minutes since the epoch, UTC
    submissions = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.minute}: {self.submissions}"


class FailedReceiptMinute(models.Model):
    """How many receipts that open nothing the whole line was given in one minute: the
    line-wide guessing budget (trustline/intake/throttle.py). Like SubmissionMinute,
    it counts attempts, never who made them."""

    minute = models.BigIntegerField(unique=True)  # minutes since the epoch, UTC
    failures = models.PositiveIntegerField(default=0)

    def __str__(self) -> str:
        return f"{self.minute}: {self.failures}"
