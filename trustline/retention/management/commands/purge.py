"""`trustline purge [--dry-run]`: apply the retention rules (docs/retention.md).

Run it daily (cron or a systemd timer). --dry-run lists what would go, by reference,
and changes nothing; a real run prints counts only, as its audit events do.
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime
from typing import Any

from django.core.management.base import BaseCommand, CommandParser
from django.utils import timezone

from trustline.retention.schedule import PURGE, WAIT, WARN, Step
from trustline.retention.selectors import purge_plan
from trustline.retention.services import purge

WHAT = {"contact": "contact details", "report": "whole report"}


class Command(BaseCommand):
    help = "Purge what the retention rules say is due; --dry-run lists it instead."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--dry-run", action="store_true", help="list, change nothing")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["dry_run"]:
            self._list(purge_plan(timezone.now()))
        else:
            self._summarise(purge())

    def _list(self, steps: list[Step]) -> None:
        for step in steps:
            self.stdout.write(
                f"{step.reference}  rule {step.rule.id} ({step.rule.name})  "
                f"{WHAT[step.what]}  due {_day(step.due_at)}  {_fate(step)}"
            )
        self.stdout.write(f"{len(steps)} due; nothing was changed (dry run).")

    def _summarise(self, steps: list[Step]) -> None:
        per_rule: dict[tuple[int, str], Counter[str]] = {}
        for step in steps:
            per_rule.setdefault((step.rule.id, step.rule.name), Counter())[step.action] += 1
        for (rule_id, name), counts in sorted(per_rule.items()):
            self.stdout.write(
                f"rule {rule_id} ({name}): {counts[PURGE]} purged, {counts[WARN]} warned, "
                f"{counts[WAIT]} waiting for their warning period"
            )
        self.stdout.write(f"{sum(c[PURGE] for c in per_rule.values())} purged in all.")


def _fate(step: Step) -> str:
    if step.action == PURGE:
        return "goes now"
    if step.action == WARN:
        return f"unread: supervisors warned first, goes from {_day(step.goes_at)}"
    return f"unread: warned, goes from {_day(step.goes_at)}"


def _day(moment: datetime) -> str:
    return f"{timezone.localtime(moment):%Y-%m-%d}"
