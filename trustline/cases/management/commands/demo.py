"""Demo data for `make demo`: one staff account per role and a few reports."""

from __future__ import annotations

import secrets
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from trustline.accounts.services import staff_create
from trustline.intake.models import Category, Report
from trustline.intake.receipts import new_submission
from trustline.intake.services import report_submit
from trustline.roles import ROLES
from trustline.vault.models import StaffKey
from trustline.vault.recovery import init_recovery
from trustline.vault.services import unlock

DEMO_REPORTS = [
    (
        "theft-from-vehicle",
        "en",
        "Someone broke the window of my van on Alder Street last night "
        "and took my tools. A neighbor saw two men in a grey pickup.",
    ),
    (
        "wage-theft",
        "es",
        "El patrón de la obra en la calle 5 no nos paga desde hace tres semanas "
        "y dice que si reclamamos va a llamar a inmigración.",
    ),
    (
        "threats",
        "es",
        "Un hombre me amenazó con un cuchillo en la parada del autobús. "
        "Tengo miedo porque no tengo papeles, pero quiero que lo detengan.",
    ),
]


class Command(BaseCommand):
    help = "Create demo staff accounts and demo reports (never in production)."

    def handle(self, *args: Any, **options: Any) -> None:
        password = "demo-" + secrets.token_urlsafe(9)
        User = get_user_model()
        if not StaffKey.objects.filter(kind=StaffKey.Kind.RECOVERY).exists():
            shares = init_recovery(threshold=2, count=3)
            self.stdout.write("Demo recovery key shares (any 2 of 3; kept nowhere else):")
            for number, words in enumerate(shares.words, start=1):
                self.stdout.write(f"  share {number}: {words}")
        for role in ROLES:
            user = User.objects.filter(username=role).first()
            if user is None:
                # staff_create makes the key pair too.
                staff_create(username=role, password=password, roles=[role])
            else:
                user.set_password(password)
                user.save(update_fields=["password"])
                # A new password: as at a sign-in after a reset, a new key pair.
                unlock(user=user, password=password)
        if not Report.objects.exists():
            for slug, lang, text in DEMO_REPORTS:
                report_submit(
                    submission=new_submission(),
                    category=Category.objects.get(slug=slug),
                    when="unsure",
                    occurred_from=None,
                    occurred_to=None,
                    place="",
                    narrative=text,
                    role="victim",
                    language=lang,
                    contact_language=lang,
                )
        self.stdout.write("Demo staff accounts (user names): " + ", ".join(ROLES))
        self.stdout.write(f"Demo password for all of them: {password}")
        self.stdout.write("Staff console: http://127.0.0.1:8000/staff/  (try 'supervisor')")
        self.stdout.write("Public side:   http://127.0.0.1:8000/")
