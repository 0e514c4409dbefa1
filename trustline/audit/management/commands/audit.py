"""`trustline audit verify`: walk the hash chain and name the first bad event."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from trustline.audit.services import ChainBroken, verify


class Command(BaseCommand):
    help = "Check the audit trail's hash chain."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("action", choices=["verify"])

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            count = verify()
        except ChainBroken as broken:
            raise CommandError(str(broken)) from None
        self.stdout.write(f"{count} events, chain intact.")
