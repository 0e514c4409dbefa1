"""No acknowledged report lost, none filed twice, no request left hanging — while
PostgreSQL restarts and a worker is killed in the middle of the load.

    python benchmarks/faults.py [--seconds 40] [--concurrency 8] [--workers 4] [--timeout 10]
                               [--faults postgres,worker]

Reporters behave like people on a bad connection: when sending the report fails they
send the same form again (up to five times). Afterwards every receipt a reporter was
shown is opened through the follow-up page and must show its full narrative, and the
database must hold each report once (counted by opening every stored report with the
recovery shares, since the narratives are stored encrypted).

A short run to see that it works end to end (not for figures):

    python benchmarks/faults.py --seconds 6 --concurrency 4 [--faults worker]
"""

from __future__ import annotations

import argparse
import http.client
import itertools
import os
import signal
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.agency import STAFF
from benchmarks.loadlib import (
    CSRF,
    Filed,
    JourneyError,
    Server,
    Visitor,
    report_journey,
    sealed_count,
)

CLEAR_ERROR = ("Sorry, there is a problem", "Lo sentimos, hay un problema")


@dataclass
class Outcome:
    filed: list[Filed] = field(default_factory=list)
    error_pages: int = 0
    dropped: int = 0
    hung: int = 0
    lock: threading.Lock = field(default_factory=threading.Lock)


def reporters(server: Server, concurrency: int, seconds: float, timeout: float) -> Outcome:
    outcome, numbers = Outcome(), itertools.count()
    deadline = time.monotonic() + seconds

    def person() -> None:
        visitor = Visitor(server.port, timeout=timeout)
        while time.monotonic() < deadline:
            marker = f"F{next(numbers):06d}"
            try:
                filed = report_journey(visitor, marker, retries=5)
            except JourneyError as error:
                clear = any(text in error.page for text in CLEAR_ERROR)
                if os.environ.get("FAULTS_DEBUG"):
                    print("journey error:", error, repr(error.page[:120]), file=sys.stderr)
                with outcome.lock:
                    outcome.error_pages += clear
                    outcome.dropped += not clear
                time.sleep(0.2)
                continue
            except TimeoutError:
                with outcome.lock:
                    outcome.hung += 1
                continue
            except (OSError, http.client.HTTPException) as error:
                if os.environ.get("FAULTS_DEBUG"):
                    print("connection error:", repr(error), file=sys.stderr)
                with outcome.lock:
                    outcome.dropped += 1
                time.sleep(0.2)
                continue
            with outcome.lock:
                outcome.filed.append(filed)

    threads = [threading.Thread(target=person) for _ in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return outcome


def restart_postgresql() -> None:
    version = sorted(os.listdir("/etc/postgresql"))[-1]
    subprocess.run(
        ["pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart"],
        check=True,
        capture_output=True,
    )


def kill_a_worker(server: Server) -> None:
    pids = server.worker_pids()
    if pids:
        os.kill(pids[0], signal.SIGKILL)


def opens_with_narrative(server: Server, filed: Filed) -> bool:
    """As the reporter: the receipt typed into the follow-up page opens the thread,
    whose narrative is decrypted with the key the receipt unwraps."""
    visitor = Visitor(server.port)
    _, _, form = visitor.request("GET", "/en/follow-up/")
    csrf = CSRF.search(form)
    assert csrf
    status, location, _ = visitor.request(
        "POST", "/en/follow-up/", {"csrfmiddlewaretoken": csrf.group(1), "receipt": filed.receipt}
    )
    if status != 302:
        return False
    status, _, page = visitor.request("GET", location)
    return status == 200 and f"Report {filed.marker}: my bicycle was taken" in page


def stored_markers(server: Server) -> list[str]:
    """The marker of every stored report: the narratives are encrypted, so they are
    read as a commander would, with the recovery shares (benchmarks/agency.py)."""
    shares = "\n".join(server.recovery_shares)
    return server.run("python", "-m", "benchmarks.agency", "markers", stdin=shares).split()


def scenario(name: str, args: argparse.Namespace, fault: str) -> None:
    server = Server(workers=args.workers, timeout=args.timeout).start()
    try:
        timer = threading.Timer(
            args.seconds / 2,
            restart_postgresql if fault == "postgres" else lambda: kill_a_worker(server),
        )
        timer.start()
        outcome = reporters(server, args.concurrency, args.seconds, args.timeout + 5)
        timer.join()
        time.sleep(1)
        server.wait_until_up()
        lost = sum(not opens_with_narrative(server, filed) for filed in outcome.filed)
        markers = stored_markers(server)
        duplicates = len(markers) - len(set(markers))
        stored, sealed = sealed_count(server)
    finally:
        server.stop()
    print(
        f"{name:<34}{len(outcome.filed):>9}{lost:>6}{duplicates:>6}{outcome.error_pages:>8}"
        f"{outcome.dropped:>9}{outcome.hung:>6}{stored - sealed:>7}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=40)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=(os.cpu_count() or 1) + 1)
    parser.add_argument("--timeout", type=int, default=10, help="gunicorn worker timeout (s)")
    parser.add_argument(
        "--faults",
        default="postgres,worker",
        help="which to run; restarting PostgreSQL cuts every other user of the server",
    )
    args = parser.parse_args()
    print(
        f"{args.concurrency} reporters for {args.seconds:.0f} s, fault at half time; "
        f"gunicorn timeout {args.timeout} s; each failed POST resent up to 5 times"
    )
    print(
        f"\n{'fault':<34}{'receipts':>9}{'lost':>6}{'dupl':>6}{'err pg':>8}"
        f"{'dropped':>9}{'hung':>6}{'clear':>7}"
    )
    faults = args.faults.split(",")
    if "postgres" in faults:
        scenario("PostgreSQL restarted mid-run", args, "postgres")
    if "worker" in faults:
        scenario("a worker killed with SIGKILL", args, "worker")
    print(
        "\nreceipts: journeys that showed a receipt; lost: receipts that did not open their "
        "report with its narrative; dupl: reports stored twice; err pg: journeys that "
        "ended on a clear error page; dropped: journeys whose connection failed on every "
        "try; hung: requests past the timeout; clear: reports whose narrative was stored "
        "unencrypted. Firewall and encryption on; each report is wrapped to the recovery "
        f"key and {len(STAFF)} staff (benchmarks/agency.py); flood budgets raised "
        "(benchmarks/loadlib.py UNBUDGETED)"
    )


if __name__ == "__main__":
    main()
