"""Two `trustline serve` processes on one database behave as one reporting line:
a report filed through one is followed up through the other, and the receipt
throttle holds across both."""

from __future__ import annotations

import http.cookiejar
import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

BIN = Path(sys.executable).parent / "trustline"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
TOKEN = re.compile(r'name="submission" value="([^"]+)"')
RECEIPT = re.compile(r'<p class="receipt" id="receipt">([0-9-]+)</p>')


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


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
def two_servers() -> Iterator[tuple[str, str]]:
    tmp = Path(tempfile.mkdtemp())
    env = {
        **os.environ,
        "DATABASE_URL": shared_database(tmp),
        "TRUSTLINE_SECRET_KEY": secrets.token_urlsafe(48),
        "TRUSTLINE_RECEIPT_PEPPER": secrets.token_urlsafe(48),
        "TRUSTLINE_SECURE_COOKIES": "0",
        "TRUSTLINE_STATIC_ROOT": str(tmp / "static"),
        "TRUSTLINE_DEBUG": "0",
    }
    subprocess.run([BIN, "migrate", "-v0"], env=env, check=True)  # noqa: S603
    subprocess.run([BIN, "collectstatic", "--noinput", "-v0"], env=env, check=True)  # noqa: S603
    servers, urls = [], []
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
        urls.append(f"http://127.0.0.1:{port}")
    try:
        for url in urls:
            wait_until_ready(url)
        yield urls[0], urls[1]
    finally:
        for server in servers:
            server.terminate()
            server.wait(timeout=20)


def wait_until_ready(url: str) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url + "/readyz", timeout=2) as response:  # noqa: S310
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError):
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not start")


class Browser:
    """A cookie jar and a form poster, like a browser without JavaScript. Both servers
    are 127.0.0.1, so the jar sends the same cookies to either port."""

    def __init__(self) -> None:
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def get(self, url: str) -> tuple[int, str]:
        try:
            with self.opener.open(url, timeout=10) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()

    def post(self, url: str, page: str, fields: dict[str, str]) -> tuple[int, str]:
        csrf = CSRF.search(page)
        assert csrf, "the page has no form"
        body = urllib.parse.urlencode({"csrfmiddlewaretoken": csrf.group(1), **fields}).encode()
        request = urllib.request.Request(url, data=body, headers={"Referer": url})  # noqa: S310
        try:
            with self.opener.open(request, timeout=10) as response:
                return response.status, response.read().decode()
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode()


def file_report(browser: Browser, base: str) -> str:
    _, form = browser.get(base + "/en/report/")
    token = TOKEN.search(form)
    assert token
    fields = {
        "submission": token.group(1),
        "category": "theft",
        "when": "unsure",
        "narrative": "My scooter was taken from outside the laundromat.",
        "role": "victim",
        "contact_language": "en",
    }
    status, page = browser.post(base + "/en/report/", form, fields)
    assert status == 200, page[:300]
    receipt = RECEIPT.search(page)
    assert receipt, page[:500]
    return receipt.group(1)


def test_a_report_filed_through_one_process_is_followed_up_through_the_other(
    two_servers: tuple[str, str],
) -> None:
    first, second = two_servers
    receipt = file_report(Browser(), first)
    returning = Browser()
    _, form = returning.get(second + "/en/follow-up/")
    status, thread = returning.post(second + "/en/follow-up/", form, {"receipt": receipt})
    assert status == 200
    assert "We received your report." in thread
    status, sent = returning.post(
        first + "/en/follow-up/case/", thread, {"body": "It was a green scooter."}
    )
    assert status == 200
    assert "It was a green scooter." in sent


def test_the_receipt_throttle_holds_across_both_processes(
    two_servers: tuple[str, str],
) -> None:
    first, second = two_servers
    receipt = file_report(Browser(), first)
    guesser = Browser()
    _, form = guesser.get(first + "/en/follow-up/")
    for attempt in range(5):
        base = (first, second)[attempt % 2]
        status, form = guesser.post(
            base + "/en/follow-up/", form, {"receipt": "0000-0000-0000-0000-0000"}
        )
        assert status == 200
    for base in (first, second):
        status, page = guesser.post(base + "/en/follow-up/", form, {"receipt": receipt})
        assert status == 429
        assert "Too many tries" in page
