"""Two `trustline serve` processes on one database behave as one reporting line:
a report filed through one is followed up through the other, and the receipt
throttle holds across both. The reporter is the load benchmarks' visitor
(benchmarks/loadlib.py): one browser without JavaScript, one cookie jar."""

from __future__ import annotations

import http.client
import os
import secrets
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from benchmarks.loadlib import CSRF, Visitor, free_port, report_journey

BIN = Path(sys.executable).parent / "trustline"


def shared_database(tmp: Path) -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith("postgres"):
        return f"sqlite:///{tmp / 'line.sqlite3'}"
    import psycopg

    admin = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute("DROP DATABASE IF EXISTS trustline_two_processes")
        conn.execute("CREATE DATABASE trustline_two_processes")
    return url.rsplit("/", 1)[0] + "/trustline_two_processes"


@pytest.fixture(scope="module")
def two_servers() -> Iterator[tuple[int, int]]:
    tmp = Path(tempfile.mkdtemp())
    env = {
        **os.environ,
        "DATABASE_URL": shared_database(tmp),
        "TRUSTLINE_SECRET_KEY": secrets.token_urlsafe(48),
        "TRUSTLINE_RECEIPT_PEPPER": secrets.token_urlsafe(48),
        "TRUSTLINE_SECURE_COOKIES": "0",
        "TRUSTLINE_STATIC_ROOT": str(tmp / "static"),
        "TRUSTLINE_DEBUG": "0",
        "HOME": str(tmp / "home"),
    }
    subprocess.run([BIN, "migrate", "-v0"], env=env, check=True)  # noqa: S603
    # A line takes reports once its recovery key exists (the shares are not needed here).
    subprocess.run(  # noqa: S603
        [BIN, "keys", "init-recovery"], env=env, check=True, capture_output=True
    )
    subprocess.run([BIN, "collectstatic", "--noinput", "-v0"], env=env, check=True)  # noqa: S603
    servers, ports = [], []
    for _ in range(2):
        port = free_port()
        servers.append(
            subprocess.Popen(  # noqa: S603 - our own console command
                [
                    BIN,
                    "serve",
                    "--bind",
                    f"127.0.0.1:{port}",
                    "--workers",
                    "1",
                    "--no-collectstatic",
                ],
                env=env,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        )
        ports.append(port)
    try:
        for port in ports:
            wait_until_ready(port)
        # Two servers on one machine share nothing in the home folder (issue 13).
        assert not (tmp / "home" / ".gunicorn").exists()
        yield ports[0], ports[1]
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=20)


def wait_until_ready(port: int) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if Visitor(port, timeout=2).request("GET", "/readyz")[0] == 200:
                return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"port {port} did not start")


def one_browser(ports: tuple[int, int]) -> tuple[Visitor, Visitor]:
    """One browser's cookies, sent to the first process or to the second."""
    first, second = Visitor(ports[0]), Visitor(ports[1])
    second.cookies = first.cookies
    return first, second


def post_form(
    visitor: Visitor, path: str, page: str, fields: dict[str, str]
) -> tuple[int, str, str]:
    """Send the form on `page` with its CSRF token: status, Location and the answer."""
    csrf = CSRF.search(page)
    assert csrf, "the page has no form"
    return visitor.request("POST", path, {"csrfmiddlewaretoken": csrf.group(1), **fields})


def test_a_report_filed_through_one_process_is_followed_up_through_the_other(
    two_servers: tuple[int, int],
) -> None:
    filed = report_journey(Visitor(two_servers[0]), marker="two-processes")
    first, second = one_browser(two_servers)
    _, _, form = second.request("GET", "/en/follow-up/")
    status, location, _ = post_form(second, "/en/follow-up/", form, {"receipt": filed.receipt})
    assert status == 302
    _, _, thread = first.request("GET", location)
    assert "We received your report." in thread
    assert "Report two-processes: my bicycle was taken" in thread
    status, location, _ = post_form(
        second, "/en/follow-up/case/", thread, {"body": "It was green."}
    )
    assert status == 302
    assert "It was green." in first.request("GET", location)[2]


def test_the_receipt_throttle_holds_across_both_processes(
    two_servers: tuple[int, int],
) -> None:
    filed = report_journey(Visitor(two_servers[0]), marker="throttle")
    browsers = one_browser(two_servers)
    _, _, form = browsers[0].request("GET", "/en/follow-up/")
    for attempt in range(5):
        status, _, _ = post_form(
            browsers[attempt % 2], "/en/follow-up/", form, {"receipt": "0000-0000-0000-0000-0000"}
        )
        assert status == 200
    for browser in browsers:
        status, _, page = post_form(browser, "/en/follow-up/", form, {"receipt": filed.receipt})
        assert status == 429
        assert "Too many tries" in page


def test_a_local_request_claiming_https_is_not_taken_for_a_secure_one(
    two_servers: tuple[int, int],
) -> None:
    # Security sweep, note 7: gunicorn believed X-Forwarded-Proto from loopback even
    # with TRUSTLINE_BEHIND_PROXY off. A request believed secure gets HSTS back.
    connection = http.client.HTTPConnection("127.0.0.1", two_servers[0], timeout=10)
    connection.request("GET", "/en/", headers={"X-Forwarded-Proto": "https"})
    answer = connection.getresponse()
    answer.read()
    connection.close()
    assert answer.status == 200
    assert answer.getheader("Strict-Transport-Security") is None
