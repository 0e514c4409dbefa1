"""Pieces shared by the load and fault benchmarks: a server under test on a fresh
PostgreSQL database, and a reporter that walks the journey like a browser without
JavaScript (form, POST with its CSRF token, receipt page); staff who sign in with a
password and an authenticator code. Loopback only.

The line under test is set up as an agency would: the recovery key made (its shares
kept only by the benchmark, to count what was stored) and the staff who receive every
new report created with their keys (benchmarks/agency.py), so each report is
encrypted and wrapped as in service."""

from __future__ import annotations

import http.client
import os
import re
import secrets
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.agency import PASSWORD, code_now

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PG = "postgres://postgres@127.0.0.1:5432"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
TOKEN = re.compile(r'name="submission" value="([^"]+)"')
RECEIPT = re.compile(r'id="receipt">([^<]+)<')
SHARE = re.compile(r"^share \d+: (.+)$", re.MULTILINE)
# The flood budgets (trustline/intake/abuse.py) exist to hold off many reports from
# few browsers, which is what a load generator is; they still count every report, but
# high enough that the journeys measured are the ones people take.
UNBUDGETED = {
    name: "1000000"
    for name in (
        "TRUSTLINE_ABUSE_SESSION_REPORTS_PER_HOUR",
        "TRUSTLINE_ABUSE_SESSION_REPORTS_PER_HOUR_WITHOUT_STAMP",
        "TRUSTLINE_ABUSE_LINE_REPORTS_PER_MINUTE",
        "TRUSTLINE_ABUSE_LINE_BUSY_PER_MINUTE",
    )
}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def fresh_database(name: str) -> str:
    import psycopg

    with psycopg.connect(f"{PG}/postgres", autocommit=True) as conn:
        conn.execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        conn.execute(f"CREATE DATABASE {name}")
    return f"{PG}/{name}"


@dataclass
class Server:
    """`trustline serve` (or the anchor app under gunicorn) on a fresh database."""

    anchor: bool = False
    workers: int = 4
    timeout: int = 30
    port: int = field(default_factory=free_port)
    env: dict[str, str] = field(default_factory=dict)
    process: subprocess.Popen[bytes] | None = None
    # The staff's authenticator secret (hex) and the recovery shares of this run.
    totp_key: str = field(default_factory=lambda: secrets.token_hex(20))
    recovery_shares: list[str] = field(default_factory=list)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> Server:
        name = "trustline_anchor" if self.anchor else "trustline_load"
        url = fresh_database(name)
        self.env = {
            **os.environ,
            "DATABASE_URL": url,
            "ANCHOR_DB": name,
            "TRUSTLINE_SECRET_KEY": secrets.token_urlsafe(48),
            "TRUSTLINE_RECEIPT_PEPPER": secrets.token_urlsafe(48),
            "TRUSTLINE_SECURE_COOKIES": "0",
            "TRUSTLINE_STATIC_ROOT": tempfile.mkdtemp(),
            "TRUSTLINE_LOG_LEVEL": "WARNING",
            "PYTHONPATH": str(ROOT),
            **UNBUDGETED,
        }
        if self.anchor:
            import psycopg

            with psycopg.connect(url, autocommit=True) as conn:
                conn.execute(
                    "CREATE TABLE anchor_report (id serial primary key, narrative text,"
                    " receipt text)"
                )
            self.run("trustline", "migrate", "-v0")  # the session table
            command = [
                str(BIN / "gunicorn"),
                "benchmarks.anchor_app:application",
                "--workers",
                str(self.workers),
                "--bind",
                f"127.0.0.1:{self.port}",
                "--timeout",
                str(self.timeout),
            ]
        else:
            self.run("trustline", "migrate", "-v0")
            self.run("trustline", "collectstatic", "--noinput", "-v0")
            self.set_up_agency()
            command = [
                str(BIN / "trustline"),
                "serve",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.workers),
                "--timeout",
                str(self.timeout),
                "--no-collectstatic",
            ]
        self.process = subprocess.Popen(
            command, env=self.env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
        )
        self.wait_until_up()
        return self

    def set_up_agency(self) -> None:
        """No report is taken before the recovery key exists; the staff keys decide
        how many wraps each report gets (benchmarks/agency.py)."""
        shown = self.run("trustline", "keys", "init-recovery")
        self.recovery_shares = SHARE.findall(shown)
        assert self.recovery_shares, "init-recovery printed no shares"
        self.run("python", "-m", "benchmarks.agency", "staff", self.totp_key, stdin=PASSWORD)

    def run(self, *args: str, stdin: str | None = None) -> str:
        return subprocess.run(
            [str(BIN / args[0]), *args[1:]],
            env=self.env,
            cwd=ROOT,
            check=True,
            input=stdin,
            text=True,
            capture_output=True,
        ).stdout

    def wait_until_up(self) -> None:
        path = "/en/report/" if self.anchor else "/readyz"
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=2)
                conn.request("GET", path)
                if conn.getresponse().status == 200:
                    return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError("server did not start")

    def worker_pids(self) -> list[int]:
        assert self.process is not None
        pids = []
        for entry in Path("/proc").iterdir():
            if entry.name.isdigit():
                try:
                    stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
                except OSError:
                    continue
                if int(stat[1]) == self.process.pid:
                    pids.append(int(entry.name))
        return pids

    def worker_rss_mb(self) -> list[float]:
        sizes = []
        for pid in self.worker_pids():
            for line in Path(f"/proc/{pid}/status").read_text().splitlines():
                if line.startswith("VmRSS:"):
                    sizes.append(int(line.split()[1]) / 1024)
        return sizes

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=30)


class Visitor:
    """One browser: a keep-alive connection and a cookie jar, no JavaScript."""

    def __init__(self, port: int, timeout: float = 40.0) -> None:
        self.port, self.timeout = port, timeout
        self.cookies: dict[str, str] = {}
        self.conn: http.client.HTTPConnection | None = None
        self.latencies: list[float] = []

    def request(
        self, method: str, path: str, fields: dict[str, str] | None = None
    ) -> tuple[int, str, str]:
        body = urllib.parse.urlencode(fields).encode() if fields is not None else None
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        if body is not None:
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        started = time.perf_counter()
        try:
            if self.conn is None:
                self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
            self.conn.request(method, path, body=body, headers=headers)
            response = self.conn.getresponse()
            text = response.read().decode("utf-8", "replace")
        except (OSError, http.client.HTTPException):
            self.close()
            raise
        finally:
            self.latencies.append((time.perf_counter() - started) * 1000)
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name] = rest.split(";", 1)[0]
        return response.status, response.getheader("Location") or "", text

    def close(self) -> None:
        if self.conn is not None:
            self.conn.close()
        self.conn = None


@dataclass
class Filed:
    receipt: str
    marker: str


def report_fields(form: str, marker: str) -> dict[str, str]:
    """The answers a reporter sends with the form page they were given."""
    csrf, token = CSRF.search(form), TOKEN.search(form)
    if not (csrf and token):
        raise JourneyError("form without tokens")
    return {
        "csrfmiddlewaretoken": csrf.group(1),
        "submission": token.group(1),
        "category": "theft",
        "when": "unsure",
        "narrative": f"Report {marker}: my bicycle was taken from the rack by the library.",
        "role": "witness",
        "contact_language": "en",
    }


def report_journey(visitor: Visitor, marker: str, retries: int = 0) -> Filed:
    """GET the form, POST it, GET the receipt page. With retries, a failed request is
    sent again after half a second — the POST with the same form — as a person
    pressing reload would."""
    _, form = persist(visitor, "GET", "/en/report/", None, 200, retries)
    fields = report_fields(form, marker)
    location, _ = persist(visitor, "POST", "/en/report/", fields, 302, retries)
    _, page = persist(visitor, "GET", location, None, 200, retries)
    found = RECEIPT.search(page)
    if not found:
        raise JourneyError("receipt page without a receipt", page)
    return Filed(receipt=found.group(1), marker=marker)


def sign_in(visitor: Visitor, username: str, totp_key: str) -> None:
    """Through the staff sign-in form: username, password and the code the officer's
    authenticator shows now (a code is taken once: one sign-in per officer and
    30-second step, or the lock-out counts a failure)."""
    _, _, page = visitor.request("GET", "/staff/login/")
    csrf = CSRF.search(page)
    if not csrf:
        raise JourneyError("sign-in form without a CSRF token", page)
    fields = {
        "csrfmiddlewaretoken": csrf.group(1),
        "username": username,
        "password": PASSWORD,
        "code": code_now(totp_key),
    }
    status, location, page = visitor.request("POST", "/staff/login/", fields)
    if status != 302 or "two-factor" in location:
        raise JourneyError(f"sign-in answered {status} {location}", page)


def sealed_count(server: Server) -> tuple[int, int]:
    """How many reports are stored, and how many of their narratives are ciphertext."""
    import psycopg

    with psycopg.connect(server.env["DATABASE_URL"]) as conn:
        row = conn.execute(
            "SELECT count(*), count(*) FILTER (WHERE narrative LIKE 'v1:%') FROM intake_report"
        ).fetchone()
    assert row is not None
    return int(row[0]), int(row[1])


def persist(
    visitor: Visitor,
    method: str,
    path: str,
    fields: dict[str, str] | None,
    expected: int,
    retries: int,
) -> tuple[str, str]:
    """One request, sent again on a dropped connection or a server error; returns the
    Location header and the page."""
    for attempt in range(retries + 1):
        last = attempt == retries
        try:
            status, location, page = visitor.request(method, path, fields)
        except (OSError, http.client.HTTPException):
            if last:
                raise
            time.sleep(0.5)
            continue
        if status == expected:
            return location, page
        if status < 500 or last:
            raise JourneyError(f"{method} {path} answered {status}", page)
        time.sleep(0.5)
    raise AssertionError("unreachable")


class JourneyError(Exception):
    def __init__(self, message: str, page: str = "") -> None:
        super().__init__(message)
        self.page = page


def percentile(samples: list[float], share: float) -> float:
    if not samples:
        return float("nan")
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]
