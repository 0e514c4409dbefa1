"""`trustline unlock <username>`: lift a lock-out after repeated failed sign-ins."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from trustline.accounts.services import staff_unlock


class Command(BaseCommand):
    help = "Unlock a staff account locked after too many failed sign-in attempts."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        cleared = staff_unlock(username=options["username"])
        self.stdout.write(f"Unlocked {options['username']} ({cleared} failure records cleared).")
