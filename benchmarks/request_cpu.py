"""Where the reporter journey's time goes: worker CPU per request, page by page.

One gunicorn worker of `trustline serve` (and of the anchor app) on a fresh PostgreSQL
database; the same visitor sends each kind of request N times in a row, and the
worker's CPU time (utime + stime from /proc/<pid>/stat) is read before and after.
Sequential on purpose: no queueing, no contention, only the cost of each page. The
POSTs use the forms fetched just before, so each one files a report.

    .venv/bin/python -W ignore benchmarks/request_cpu.py [--requests 300]
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.loadlib import Server, Visitor, report_fields

TICKS = os.sysconf("SC_CLK_TCK")


def cpu_ms(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
        total += int(fields[11]) + int(fields[12])  # utime, stime
    return total * 1000 / TICKS


def per_request(pids: list[int], count: int, send: Callable[[int], object]) -> float:
    before = cpu_ms(pids)
    for n in range(count):
        send(n)
    return (cpu_ms(pids) - before) / count


def measure(anchor: bool, count: int) -> dict[str, float]:
    server = Server(anchor=anchor, workers=1).start()
    try:
        pids, visitor = server.worker_pids(), Visitor(server.port)
        for _ in range(20):  # warm-up: imports, connections, caches
            visitor.request("GET", "/en/report/")
        healthz = per_request(pids, count, lambda _: visitor.request("GET", "/healthz"))
        # A session keeps its last few open forms only: fetch each form just before
        # its POST, and time the two apart.
        form_ms = post_ms = 0.0
        receipt = ""
        for n in range(count):
            before = cpu_ms(pids)
            page = visitor.request("GET", "/en/report/")[2]
            middle = cpu_ms(pids)
            status, receipt, _ = visitor.request("POST", "/en/report/", report_fields(page, str(n)))
            if status != 302:
                raise RuntimeError(f"POST answered {status}: the report was not filed")
            form_ms, post_ms = form_ms + middle - before, post_ms + cpu_ms(pids) - middle
        receipt_ms = per_request(pids, count, lambda _: visitor.request("GET", receipt))
        return {
            "healthz": healthz,
            "report form": form_ms / count,
            "POST report": post_ms / count,
            "receipt page": receipt_ms,
        }
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--requests", type=int, default=300, help="of each kind")
    args = parser.parse_args()
    servers = [("trustline", False), ("anchor", True)]
    rows = {name: measure(anchor, args.requests) for name, anchor in servers}
    pages = list(rows["trustline"])
    print(f"worker CPU per request (ms), {args.requests} sequential requests of each kind")
    print(f"{'page':<14}" + "".join(f"{name:>11}" for name in rows))
    for page in pages:
        print(f"{page:<14}" + "".join(f"{rows[name][page]:>11.2f}" for name in rows))
    journey = {name: sum(v for k, v in r.items() if k != "healthz") for name, r in rows.items()}
    print(f"{'journey':<14}" + "".join(f"{journey[name]:>11.2f}" for name in rows))
    print("(journey = form + POST + receipt page; trustline with firewall, encryption,")
    print(" the abuse checks and the audit row; the anchor: one INSERT, benchmarks/anchor_app.py)")


if __name__ == "__main__":
    main()
