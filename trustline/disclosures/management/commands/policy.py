"""`trustline policy check|explain|diff|table ...`: the policy engine's own CLI.

Thin on purpose: the arguments and the work belong to trustline.policy.cli, which
also runs as `python -m trustline.policy` without Django.
"""

from __future__ import annotations

import argparse
import io
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from trustline.policy.cli import main


class Command(BaseCommand):
    help = "Check, explain, diff or tabulate a records-desk policy file (docs/policy-guide.md)."

    def run_from_argv(self, argv: list[str]) -> None:
        # From the shell, the policy CLI parses its own options (--type, --document, ...).
        sys.exit(main(argv[2:], sys.stdout, sys.stderr))

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("argv", nargs=argparse.REMAINDER, help="policy CLI arguments")

    def handle(self, *args: Any, **options: Any) -> None:
        # call_command() path: buffer, because print() to an OutputWrapper doubles newlines.
        out, err = io.StringIO(), io.StringIO()
        status = main(list(options["argv"]), out, err)
        self.stdout.write(out.getvalue(), ending="")
        self.stderr.write(err.getvalue(), ending="")
        if status:
            raise CommandError(f"policy exited with status {status}", returncode=status)
