"""`trustline resetotp <username>`: an officer lost the phone with the authenticator."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.core.management.base import BaseCommand, CommandError, CommandParser

from trustline.accounts.services import otp_reset


class Command(BaseCommand):
    help = (
        "Remove a staff member's authenticator and recovery codes; they set up a new "
        "authenticator at their next sign-in."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            otp_reset(username=options["username"])
        except User.DoesNotExist:
            raise CommandError(f"No staff account named {options['username']!r}.") from None
        self.stdout.write(
            f"Two-factor sign-in reset for {options['username']}: "
            "they enroll a new authenticator at their next sign-in."
        )
