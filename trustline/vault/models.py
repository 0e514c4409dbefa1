"""Keys: each staff member's key pair, the agency recovery key, and the per-report
copies ("wraps") of each report's data key.

No column here opens a report by itself: private keys are stored only under the
staff member's password, the recovery key's private half is never stored, and each
wrap needs one of those private keys.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models


class StaffKey(models.Model):
    class Kind(models.TextChoices):
        STAFF = "staff", "staff"
        RECOVERY = "recovery", "recovery"

    class State(models.TextChoices):
        ACTIVE = "active", "active"
        # A replacement being wrapped in (rotation); receives new reports' wraps too.
        PENDING = "pending", "pending"
        RETIRED = "retired", "retired"

    kind = models.CharField(max_length=10, choices=Kind.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="vault_keys",
    )
    state = models.CharField(max_length=10, choices=State.choices, default=State.ACTIVE)
    public = models.BinaryField()
    # Staff only: salt + AES-GCM(Argon2id(password)) of the private key.
    protected_private = models.BinaryField(null=True, blank=True)
    kdf_memory_kib = models.PositiveIntegerField(default=0)
    kdf_iterations = models.PositiveSmallIntegerField(default=0)
    created_at = models.DateTimeField()
    retired_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["kind", "state"])]
        constraints = [
            models.UniqueConstraint(
                fields=["user"],
                condition=models.Q(state="active"),
                name="one_active_key_per_staff_member",
            )
        ]

    def __str__(self) -> str:
        owner = self.user.get_username() if self.user else "recovery"
        return f"{owner} key {self.pk} ({self.state})"


class KeyWrap(models.Model):
    """One report's data key, sealed to one key pair."""

    # Named, not imported: the vault sits below intake, which seals its text with it.
    report = models.ForeignKey("intake.Report", on_delete=models.CASCADE, related_name="key_wraps")
    key = models.ForeignKey(StaffKey, on_delete=models.CASCADE, related_name="wraps")
    wrapped = models.BinaryField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["report", "key"], name="one_wrap_per_key_and_report")
        ]

    def __str__(self) -> str:
        return f"wrap of {self.report_id} for key {self.key_id}"
