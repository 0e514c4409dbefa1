"""Reporter journey under load against `trustline serve` on PostgreSQL, beside the
anchor (the smallest Django app doing the same three requests) in the same run; then
the staff inbox and case page with 100,000 reports. Loopback only, bounded in
journeys and in time.

    python benchmarks/load.py [--journeys 600] [--seconds 60] [--levels 1,8,32]
                              [--workers 4] [--reports 100000] [--rounds 25]
                              [--no-anchor] [--no-staff]

A short run to see that it works end to end (not for figures):

    python benchmarks/load.py --journeys 40 --seconds 5 --levels 1,8 --reports 2000 \
        --rounds 2 --no-anchor
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.agency import STAFF
from benchmarks.loadlib import (
    JourneyError,
    Server,
    Visitor,
    percentile,
    report_journey,
    sealed_count,
    sign_in,
)


@dataclass
class Run:
    completed: int = 0
    errors: int = 0
    journeys: list[float] = field(default_factory=list)
    requests: list[float] = field(default_factory=list)
    seconds: float = 0.0
    lock: threading.Lock = field(default_factory=threading.Lock)


def reporter_load(server: Server, concurrency: int, journeys: int, seconds: float) -> Run:
    run, counter = Run(), itertools.count()
    deadline = time.monotonic() + seconds

    def user() -> None:
        visitor = Visitor(server.port)
        while next(counter) < journeys and time.monotonic() < deadline:
            started = time.perf_counter()
            try:
                report_journey(visitor, marker=f"{threading.get_ident()}-{time.time_ns()}")
            except (JourneyError, OSError):
                with run.lock:
                    run.errors += 1
                continue
            with run.lock:
                run.completed += 1
                run.journeys.append((time.perf_counter() - started) * 1000)
        with run.lock:
            run.requests.extend(visitor.latencies)

    threads = [threading.Thread(target=user) for _ in range(concurrency)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    run.seconds = time.perf_counter() - started
    return run


def print_reporter_table(rows: list[tuple[str, int, Run]]) -> None:
    print(
        f"\n{'server':<12}{'conc':>5}{'reports':>9}{'errors':>7}{'rep/s':>8}"
        f"{'req p50':>9}{'req p95':>9}{'req p99':>9}{'jour p99':>10}"
    )
    for name, concurrency, run in rows:
        print(
            f"{name:<12}{concurrency:>5}{run.completed:>9}{run.errors:>7}"
            f"{run.completed / run.seconds:>8.1f}"
            f"{percentile(run.requests, 0.50):>9.1f}{percentile(run.requests, 0.95):>9.1f}"
            f"{percentile(run.requests, 0.99):>9.1f}{percentile(run.journeys, 0.99):>10.1f}"
        )
    print("(latencies in ms; a journey is GET form + POST report + GET receipt page)")
    print(
        f"trustline: firewall and encryption on; each report gets its own data key, "
        f"wrapped to the recovery key and {len(STAFF)} staff ("
        + ", ".join(f"{n} {r}" for r, n in Counter(STAFF.values()).items())
        + "); flood budgets raised (benchmarks/loadlib.py UNBUDGETED)"
    )


def fill_reports(server: Server, count: int) -> int:
    """Synthetic reports straight into the server's database; returns one report id."""
    os.environ.update(
        {
            k: server.env[k]
            for k in ("DATABASE_URL", "TRUSTLINE_SECRET_KEY", "TRUSTLINE_RECEIPT_PEPPER")
        }
    )
    os.environ["DJANGO_SETTINGS_MODULE"] = "trustline.settings"
    import django

    django.setup()
    from benchmarks.inbox import fill
    from trustline.intake.models import Report

    fill(count)
    return int(Report.objects.order_by("id")[count // 2].pk)


def staff_visitor(server: Server) -> Visitor:
    """A supervisor signed in through the form, with password and authenticator code."""
    visitor = Visitor(server.port)
    sign_in(visitor, "sam", server.totp_key)
    return visitor


def officers(
    server: Server, cookies: dict[str, str], path: str, rounds: int, count: int
) -> tuple[list[float], int]:
    """`count` signed-in officers asking for the same page `rounds` times each."""
    samples: list[float] = []
    errors = [0]
    lock = threading.Lock()

    def officer() -> None:
        visitor = Visitor(server.port)
        visitor.cookies = dict(cookies)
        failed = sum(visitor.request("GET", path)[0] != 200 for _ in range(rounds))
        with lock:
            samples.extend(visitor.latencies)
            errors[0] += failed

    threads = [threading.Thread(target=officer) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return samples, errors[0]


def check_sealed(server: Server) -> None:
    stored, sealed = sealed_count(server)
    print(f"\nstored reports: {stored:,}; narratives stored encrypted: {sealed:,}")
    assert stored == sealed, "a narrative was stored in the clear"


def staff_load(server: Server, report_id: int, rounds: int) -> None:
    cookies = staff_visitor(server).cookies
    pages = {
        "inbox": "/staff/",
        "inbox, status filter": "/staff/?status=in_review",
        "inbox, language+category": "/staff/?language=en&category=theft",
        "case page": f"/staff/reports/{report_id}/",
    }
    print(f"\n{'staff page':<28}{'officers':>9}{'requests':>9}{'errors':>7}{'p50':>8}{'p95':>8}")
    for count in (1, 4, 8):
        for name, path in pages.items():
            officers(server, cookies, path, 2, count)  # warm-up
            samples, errors = officers(server, cookies, path, rounds * 8 // count, count)
            print(
                f"{name:<28}{count:>9}{len(samples):>9}{errors:>7}"
                f"{percentile(samples, 0.5):>8.1f}{percentile(samples, 0.95):>8.1f}"
            )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--journeys", type=int, default=600, help="per concurrency level")
    parser.add_argument("--seconds", type=float, default=60, help="per concurrency level")
    parser.add_argument("--levels", default="1,8,32")
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) + 1)
    parser.add_argument("--reports", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=25, help="8 x this many per staff page")
    parser.add_argument("--no-anchor", action="store_true")
    parser.add_argument("--no-staff", action="store_true")
    args = parser.parse_args()
    levels = [int(level) for level in args.levels.split(",")]

    print(
        f"machine: {os.cpu_count()} cores; server and load client share them; "
        f"gunicorn sync workers: {args.workers}; PostgreSQL on 127.0.0.1"
    )
    rows: list[tuple[str, int, Run]] = []
    targets = [("trustline", False)] + ([] if args.no_anchor else [("anchor", True)])
    memory: list[float] = []
    for name, anchor in targets:
        server = Server(anchor=anchor, workers=args.workers).start()
        try:
            reporter_load(server, 4, 40, 20)  # warm-up: imports, connections, caches
            for level in levels:
                rows.append(
                    (name, level, reporter_load(server, level, args.journeys, args.seconds))
                )
            if not anchor:
                check_sealed(server)
                memory = server.worker_rss_mb()
                if not args.no_staff:
                    report_id = fill_reports(server, args.reports)
                    print(f"\nfilled {args.reports:,} reports for the staff pages")
                    staff_load(server, report_id, rounds=args.rounds)
                    memory = server.worker_rss_mb()
        finally:
            server.stop()
    print_reporter_table(rows)
    print("\ntrustline worker RSS after the run (MB): " + ", ".join(f"{mb:.0f}" for mb in memory))


if __name__ == "__main__":
    main()
