"""Staff sign-ins and sign-outs land in the audit trail."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.signals import user_logged_in, user_logged_out
from django.dispatch import receiver

from trustline.accounts.two_factor import second_factor_name
from trustline.audit.services import record


@receiver(user_logged_in)
def on_login(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    # Which second factor was used: a recovery code spent is worth seeing in the trail.
    device = getattr(user, "otp_device", None)
    factor = {"second_factor": second_factor_name(device)} if device is not None else None
    record(action="staff.login", actor=user, detail=factor)


@receiver(user_logged_out)
def on_logout(sender: Any, request: Any, user: Any, **kwargs: Any) -> None:
    if user is not None:
        record(action="staff.logout", actor=user)
