"""`trustline report transparency --year 2026 --format html|pdf|csv [--output FILE]`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from trustline.transparency.reports import FORMATS, render


class Command(BaseCommand):
    help = "Write the annual transparency report (suppressed counts, SVG/PDF charts)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("kind", choices=["transparency"])
        parser.add_argument("--year", type=int, default=timezone.localdate().year)
        parser.add_argument("--format", choices=FORMATS, default="html")
        parser.add_argument("--output", type=Path, help="file to write; standard output if absent")

    def handle(self, *args: Any, **options: Any) -> None:
        content = render(options["year"], options["format"])
        if options["output"]:
            options["output"].write_bytes(content)
            self.stderr.write(f"wrote {options['output']}")
        else:
            sys.stdout.buffer.write(content)
