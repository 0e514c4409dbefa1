"""The attacker's sweep, repeatable: what an outside security review tried, as one
bounded run that prints how many probes it tried and how many passed.

Five parts, each against the application in this process (Django's test client: no
socket, nothing leaves the machine):
- matrix: every URL by every kind of visitor against tests/test_authorization_matrix.py's
  table, and each URL by the other method, which must tell no more than the right one;
- xss: the payload corpus (tests/payloads/xss.txt) through every text field a reporter
  or an officer fills in, then every page that shows it: no payload in the HTML as
  markup, each shown as the text that was typed;
- sql: SQL-injection payloads through every filter and the receipt: no server error,
  no row added or lost, the audit chain intact;
- malformed: broken bodies (bad encodings, wrong content types, a broken multipart,
  too many or too large fields, lists for scalars, NUL bytes) to every URL by POST,
  and ids too large for the database: never a server error;
- canaries: a report, messages and a note with planted strings, filed from a client
  address and user agent of their own: none of them in a database dump or the logs,
  and no status phrase the firewall withholds in what the report's key opens.

`make sweep` runs it fully (tests/test_sweep.py with TRUSTLINE_SWEEP=full); the normal
suite runs it with a short budget. POST probes run inside a transaction that is rolled
back, so every probe meets the same world.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from django.db import transaction
from django.test import Client
from django.utils.html import escape

if TYPE_CHECKING:
    from django.test.client import _MonkeyPatchedWSGIResponse as Response

FULL = os.environ.get("TRUSTLINE_SWEEP", "short") == "full"
# Short: a sample of every part, for CI. Full: everything, still bounded.
SECONDS_PER_PART = float(os.environ.get("TRUSTLINE_SWEEP_SECONDS", "900" if FULL else "20"))


@dataclass
class Part:
    """One part's tally; a failure keeps a line saying what was tried, never content
    of a report."""

    name: str
    seconds: float = SECONDS_PER_PART
    tried: int = 0
    failures: list[str] = field(default_factory=list)
    started: float = field(default_factory=time.monotonic)

    def check(self, ok: bool, what: str) -> None:
        self.tried += 1
        if not ok:
            self.failures.append(what)

    @property
    def passed(self) -> int:
        return self.tried - len(self.failures)

    def time_left(self) -> bool:
        return time.monotonic() - self.started < self.seconds


def sample(items: list[Any], short: int) -> list[Any]:
    """All of them in a full sweep; an even spread of `short` of them otherwise."""
    if FULL or len(items) <= short:
        return items
    step = len(items) / short
    return [items[int(i * step)] for i in range(short)]


@contextmanager
def rolled_back() -> Iterator[None]:
    """Whatever a probe writes is undone: the next probe meets the same world."""
    with transaction.atomic():
        yield
        transaction.set_rollback(True)


def post_undone(client: Client, path: str, **kwargs: Any) -> Response:
    with rolled_back():
        return client.post(path, **kwargs)


def table(parts: list[Part]) -> str:
    lines = [f"{'part':<10} {'tried':>7} {'passed':>7} {'failed':>7}"]
    for part in parts:
        lines.append(f"{part.name:<10} {part.tried:>7} {part.passed:>7} {len(part.failures):>7}")
    total = sum(p.tried for p in parts), sum(p.passed for p in parts)
    lines.append(f"{'all':<10} {total[0]:>7} {total[1]:>7} {total[0] - total[1]:>7}")
    return "\n".join(lines)


# What a page shows of a payload -------------------------------------------------


def shown_as_text(html: str, typed: str) -> bool:
    """The payload is in the page only escaped: as text a person reads."""
    live = any(c in typed for c in "<>\"'") and typed in html
    return not live and escape(typed) in html


def unshown(html: str, typed: str) -> bool:
    """For pages that may leave the text out: if it is there, it is only text."""
    return not (any(c in typed for c in "<>\"'") and typed in html)


# Malformed bodies ---------------------------------------------------------------

FORM = "application/x-www-form-urlencoded"
# Every field name a form of the application reads, so each probe reaches a parser.
FIELDS = [
    "body",
    "to_status",
    "referral",
    "assignee",
    "receipt",
    "submission",
    "category",
    "when",
    "narrative",
    "place",
    "role",
    "contact_language",
    "reason",
    "start",
    "end",
    "text",
    "decision",
    "notes",
    "password",
    "otp_token",
    "username",
    "language",
    "next",
    "received_at",
    "agency_name",
    "agency_type",
    "request_type",
    "categories",
    "confirm",
]
MALFORMED: list[tuple[str, Callable[[], dict[str, Any]]]] = [
    ("empty body", lambda: {"data": b"", "content_type": FORM}),
    ("bytes that are not UTF-8", lambda: {"data": b"body=\xff\xfe\xc3(", "content_type": FORM}),
    ("a broken percent escape", lambda: {"data": b"body=%zz%&&==&%", "content_type": FORM}),
    ("a lone surrogate escaped", lambda: {"data": b"body=%ed%a0%80", "content_type": FORM}),
    (
        "JSON instead of a form",
        lambda: {"data": b'{"body": [1, {}]}', "content_type": "application/json"},
    ),
    (
        "XML instead of a form",
        lambda: {"data": b"<?xml version='1.0'?><a/>", "content_type": "text/xml"},
    ),
    (
        "a multipart body without its boundary",
        lambda: {"data": b"--x\r\nbroken", "content_type": "multipart/form-data; boundary=y"},
    ),
    (
        "a multipart type without a boundary",
        lambda: {"data": b"a", "content_type": "multipart/form-data"},
    ),
    ("NUL bytes in every value", lambda: {"data": {k: "a\x00b" for k in FIELDS}}),
    ("lists where one value is expected", lambda: {"data": {k: ["1", "2"] for k in FIELDS}}),
    ("numbers too large for the database", lambda: {"data": {k: "9" * 40 for k in FIELDS}}),
    ("a field of two megabytes", lambda: {"data": {"body": "x" * 2_000_000}}),
    (
        "ten thousand fields",
        lambda: {"data": b"&".join(b"f%d=1" % i for i in range(10_000)), "content_type": FORM},
    ),
]
