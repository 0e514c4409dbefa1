"""Staff inbox and case page with 100,000 reports: prints a latency table.

    python benchmarks/inbox.py [--reports 100000] [--postgres] [--rounds 40]

Builds a fresh database (a temporary SQLite file, or the database `trustline_bench`
on the local PostgreSQL server with --postgres), fills it with synthetic reports,
then times the staff pages in-process through Django's test client (no network, no
gunicorn: the HTTP-level load test is benchmarks/load.py's job).
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

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))


def configure(postgres: bool) -> None:
    os.environ.setdefault("TRUSTLINE_SECRET_KEY", secrets.token_urlsafe(48))
    os.environ.setdefault("TRUSTLINE_RECEIPT_PEPPER", secrets.token_urlsafe(48))
    os.environ["DJANGO_SETTINGS_MODULE"] = "trustline.settings"
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
    from django.utils import timezone

    from trustline.intake.models import Category, Report
    from trustline.vault.screen import Screened

    categories = list(Category.objects.all())
    statuses = [s for s, _ in Report.Status.choices]
    now = timezone.now()
    narrative = Screened("Someone broke the window of my car and took a bag. " * 8)
    batch: list[Report] = []
    for n in range(count):
        created = now - timedelta(minutes=n)
        batch.append(
            Report(
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
        )
        if len(batch) == 5000:
            Report.objects.bulk_create(batch)
            batch = []
    Report.objects.bulk_create(batch)
    # A live database has planner statistics and a visibility map (autovacuum keeps both);
    # a freshly bulk-loaded one needs them now.
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


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
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command
    from django.test import Client
    from django.test.utils import setup_test_environment

    setup_test_environment()
    settings.ALLOWED_HOSTS = ["testserver"]
    call_command("migrate", verbosity=0)
    call_command("collectstatic", interactive=False, verbosity=0)
    started = time.perf_counter()
    fill(args.reports)
    print(f"filled {args.reports:,} reports in {time.perf_counter() - started:.1f} s")

    sam = User.objects.create_user("sam")
    sam.groups.add(Group.objects.get(name="supervisor"))
    client = Client()
    client.force_login(sam)
    from trustline.intake.models import Report

    some = Report.objects.order_by("id")[args.reports // 2].pk
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
