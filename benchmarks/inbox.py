"""Staff inbox and case page with 100,000 reports: prints a latency table.

    python benchmarks/inbox.py [--reports 100000] [--postgres] [--rounds 40]

A short run to see that it works end to end (not for figures):

    python benchmarks/inbox.py --reports 2000 --rounds 3 --postgres

Builds a fresh database (a temporary SQLite file, or the database `trustline_bench`
on the local PostgreSQL server with --postgres), sets up the recovery key and the
staff who receive new reports (benchmarks/agency.py), fills it with synthetic reports
encrypted as the report form encrypts them, signs a supervisor in with password and
authenticator code, then times the staff pages in-process through Django's test
client (no network, no gunicorn: the HTTP-level load test is benchmarks/load.py's job).
"""

from __future__ import annotations

import argparse
import os
import secrets
import statistics
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from trustline.intake.models import Report
    from trustline.vault.models import KeyWrap

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def configure(postgres: bool) -> None:
    os.environ.setdefault("TRUSTLINE_SECRET_KEY", secrets.token_urlsafe(48))
    os.environ.setdefault("TRUSTLINE_RECEIPT_PEPPER", secrets.token_urlsafe(48))
    os.environ["DJANGO_SETTINGS_MODULE"] = "trustline.settings"
    os.environ.setdefault("TRUSTLINE_LOG_LEVEL", "WARNING")
    os.environ["TRUSTLINE_STATIC_ROOT"] = tempfile.mkdtemp()
    if postgres:
        import psycopg

        with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as c:
            c.execute("DROP DATABASE IF EXISTS trustline_bench")
            c.execute("CREATE DATABASE trustline_bench")
        os.environ["DATABASE_URL"] = "postgres://postgres@127.0.0.1:5432/trustline_bench"
    else:
        path = Path(tempfile.mkdtemp()) / "bench.sqlite3"
        os.environ["DATABASE_URL"] = f"sqlite:///{path}"


def fill(count: int) -> None:
    """Synthetic reports, each sealed as the report form seals one: its own data key,
    narrative and place encrypted with it, the key wrapped to the reporter's (thrown
    away) receipt and to every recipient of a new report (the recovery key, the intake
    officers and supervisors). Only the writes are bulk: no audit row, no firewall."""
    from django.db import connection
    from django.utils import timezone

    from trustline.intake.models import Category, Report
    from trustline.screening.screen import Screened
    from trustline.vault import services as vault

    categories = list(Category.objects.all())
    statuses = [s for s, _ in Report.Status.choices]
    now = timezone.now()
    narrative = Screened("Someone broke the window of my car and took a bag. " * 8)
    reports: list[Report] = []
    wraps: list[KeyWrap] = []
    for n in range(count):
        created = now - timedelta(minutes=n)
        report = Report(
            reference=f"TB-{n:07X}",  # never a real reference (those start TL-)
            receipt_digest=secrets.token_hex(32),
            submission_digest=secrets.token_hex(32),
            category=categories[n % len(categories)],
            when="unsure",
            place=Screened("Main St"),
            narrative=narrative,
            role="victim",
            language="es" if n % 3 else "en",
            contact_language="es",
            status=statuses[n % len(statuses)],
            created_at=created,
            updated_at=created,
        )
        wraps += vault.seal_new_report(report, secrets.token_urlsafe(16))
        reports.append(report)
        if len(reports) == 2000:
            _insert(reports, wraps)
            reports, wraps = [], []
    _insert(reports, wraps)
    # A live database has planner statistics and a visibility map (autovacuum keeps both);
    # a freshly bulk-loaded one needs them now.
    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def _insert(reports: list[Report], wraps: list[KeyWrap]) -> None:
    from django.db import connection, transaction

    from trustline.intake.models import Report
    from trustline.vault.models import KeyWrap

    with transaction.atomic():
        Report.objects.bulk_create(reports)  # encrypted in pre_save, with each one's key
        if connection.vendor != "postgresql":
            KeyWrap.objects.bulk_create(wraps)  # the reports' ids are known by now
            return
        # COPY: six wraps a report made bulk_create's parameter binding the slowest
        # part of the fill; the rows are the same.
        sql = f"COPY {KeyWrap._meta.db_table} (report_id, key_id, wrapped) FROM STDIN"
        with connection.cursor() as cursor, cursor.cursor.copy(sql) as copy:
            for wrap in wraps:
                copy.write_row((wrap.report.pk, wrap.key_id, bytes(wrap.wrapped)))


def timed(client: object, url: str, rounds: int) -> list[float]:
    samples = []
    for _ in range(rounds):
        start = time.perf_counter()
        response = client.get(url)  # type: ignore[attr-defined]
        samples.append((time.perf_counter() - start) * 1000)
        assert response.status_code == 200, (url, response.status_code)
    return samples


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=40)
    parser.add_argument("--postgres", action="store_true")
    args = parser.parse_args()
    configure(args.postgres)

    import django

    django.setup()
    from django.conf import settings
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    from benchmarks.agency import PASSWORD, WRAPS_PER_REPORT, code_now, create_staff
    from trustline.vault.recovery import init_recovery

    setup_test_environment()
    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    # As an agency sets up its line: the recovery key (shares thrown away here), then
    # the staff whose keys every new report is wrapped to.
    init_recovery(threshold=2, count=3)
    totp_key = secrets.token_hex(20)
    create_staff(totp_key)
    started = time.perf_counter()
    fill(args.reports)
    seconds = time.perf_counter() - started
    print(
        f"filled {args.reports:,} reports in {seconds:.1f} s ({seconds / args.reports * 1000:.2f}"
        f" ms each: one data key, {WRAPS_PER_REPORT} X25519 wraps, sealed narrative and place)"
    )
    client = Client()
    signed_in = client.post(
        "/staff/login/", {"username": "sam", "password": PASSWORD, "code": code_now(totp_key)}
    )
    assert signed_in.status_code == 302 and "two-factor" not in signed_in["Location"]
    from trustline.intake.models import Report

    some = Report.objects.order_by("id")[args.reports // 2].pk
    stored = Report.objects.filter(pk=some).values_list("narrative", flat=True).get()
    assert stored.startswith("v1:"), "the narrative was stored in the clear"
    pages = {
        "inbox, first page": "/staff/",
        "inbox, status filter": "/staff/?status=in_review",
        "inbox, language + category": "/staff/?language=en&category=theft",
        "inbox, page 1,000": "/staff/?page=1000",
        "inbox, reference search": f"/staff/?q={Report.objects.get(pk=some).reference}",
        "case page": f"/staff/reports/{some}/",
    }
    engine = settings.DATABASES["default"]["ENGINE"].rsplit(".", 1)[1]
    print(f"\n{engine}, {args.reports:,} reports, {args.rounds} requests each (in-process)")
    print(f"{'page':<30}{'p50 ms':>10}{'p95 ms':>10}{'max ms':>10}")
    for name, url in pages.items():
        timed(client, url, 3)  # warm up
        samples = sorted(timed(client, url, args.rounds))
        p95 = samples[int(len(samples) * 0.95) - 1]
        print(f"{name:<30}{statistics.median(samples):>10.1f}{p95:>10.1f}{samples[-1]:>10.1f}")


if __name__ == "__main__":
    main()
