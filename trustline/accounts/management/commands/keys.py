"""`trustline keys init-recovery | status | restore | rotate | revoke`.

Shares and passwords are read from files (or `-` for standard input), never from
the command line, where other users of the machine could read them in `ps`.
"""

from __future__ import annotations

import getpass
import sys
from pathlib import Path
from typing import Any

from django.contrib.auth.models import User as StaffUser
from django.core.management.base import BaseCommand, CommandError, CommandParser

from trustline.intake.visibility import visible_reports
from trustline.vault import crypto, recovery
from trustline.vault.models import KeyWrap, StaffKey


def _read_lines(source: str) -> list[str]:
    text = sys.stdin.read() if source == "-" else Path(source).read_text()
    return [line.strip() for line in text.splitlines() if line.strip()]


class Command(BaseCommand):
    help = "Manage the agency recovery key and the staff keys that open reports."

    def add_arguments(self, parser: CommandParser) -> None:
        actions = parser.add_subparsers(dest="action", required=True)
        init = actions.add_parser("init-recovery", help="make the recovery key; print shares")
        init.add_argument("--threshold", type=int, default=2)
        init.add_argument("--shares", type=int, default=3)
        actions.add_parser("status", help="keys and how many reports each opens")
        restore = actions.add_parser("restore", help="give a staff member back their reports")
        restore.add_argument("username")
        restore.add_argument("--shares-file", required=True, help="one share per line, or -")
        rotate = actions.add_parser("rotate", help="replace a staff key or the recovery key")
        who = rotate.add_mutually_exclusive_group(required=True)
        who.add_argument("--user", help="the staff member whose key pair to replace")
        who.add_argument("--recovery", action="store_true")
        rotate.add_argument("--password-file", help="the staff member's password, or -")
        rotate.add_argument("--shares-file", help="the current recovery shares, or -")
        rotate.add_argument("--threshold", type=int, default=2)
        rotate.add_argument("--shares", type=int, default=3)
        revoke = actions.add_parser("revoke", help="someone left: remove every copy made to them")
        revoke.add_argument("username")

    def handle(self, *args: Any, **options: Any) -> None:
        action = options["action"].replace("-", "_")
        try:
            getattr(self, action)(options)
        except (recovery.RecoveryError, crypto.CannotOpen) as failure:
            raise CommandError(str(failure) or "the password does not open this key") from None

    def _user(self, username: str) -> StaffUser:
        try:
            return StaffUser.objects.get(username=username)
        except StaffUser.DoesNotExist:
            raise CommandError(f"no staff member {username!r}") from None

    def _show(self, shares: recovery.Shares) -> None:
        self.stdout.write(
            f"Recovery key shares: any {shares.threshold} of these {len(shares.words)} open "
            "every report. Give each to a different commander, on paper. They are shown "
            "now and never again; the server keeps none of them.\n"
        )
        for number, words in enumerate(shares.words, start=1):
            self.stdout.write(f"share {number}: {words}\n")

    def init_recovery(self, options: dict[str, Any]) -> None:
        self._show(recovery.init_recovery(threshold=options["threshold"], count=options["shares"]))

    def status(self, options: dict[str, Any]) -> None:
        for key in StaffKey.objects.select_related("user").order_by("kind", "pk"):
            wraps = KeyWrap.objects.filter(key=key).count()
            self.stdout.write(f"{key}: opens {wraps} reports\n")

    def restore(self, options: dict[str, Any]) -> None:
        user = self._user(options["username"])
        words = _read_lines(options["shares_file"])
        count = recovery.restore_with_recovery(
            words=words, user=user, reports=visible_reports(user)
        )
        self.stdout.write(f"{user.get_username()}: access restored to {count} reports.\n")

    def rotate(self, options: dict[str, Any]) -> None:
        def progress(n: int) -> None:
            self.stdout.write(f"re-wrapped {n} reports\n")

        if options["recovery"]:
            if not options["shares_file"]:
                raise CommandError("--shares-file: the current recovery shares are needed")
            recovery.rotate_recovery(
                words=_read_lines(options["shares_file"]),
                threshold=options["threshold"],
                count=options["shares"],
                show=self._show,
                progress=progress,
            )
            self.stdout.write("The old recovery key is retired; its shares open nothing now.\n")
            return
        user = self._user(options["user"])
        source = options["password_file"]
        password = _read_lines(source)[0] if source else getpass.getpass("Password: ")
        recovery.rotate_staff_key(user=user, password=password, progress=progress)
        self.stdout.write(f"{user.get_username()}: new key pair in use.\n")

    def revoke(self, options: dict[str, Any]) -> None:
        user = self._user(options["username"])
        removed = recovery.revoke_staff(user=user)
        self.stdout.write(f"{user.get_username()}: {removed} copies removed; keys retired.\n")
