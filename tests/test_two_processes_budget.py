"""The line's submission budget (intake/abuse.py) is one budget for the whole line:
two `trustline serve` processes count into the same database row, so reports sent in
turn through either process fill it, and past the busy level both answer "very busy".
Each report comes from a new browser (no cookie), as a flood that drops its cookies
would: only the line's budget can hold it."""

from __future__ import annotations

import os
from collections.abc import Iterator
from unittest import mock

import pytest

from benchmarks.loadlib import CSRF, TOKEN, Visitor
from tests import test_two_processes as harness

BUSY = 4

# The two-process harness's servers, started for this module with a low busy level.
two_servers = harness.two_servers


@pytest.fixture(scope="module", autouse=True)
def _low_busy_level() -> Iterator[None]:
    with mock.patch.dict(os.environ, {"TRUSTLINE_ABUSE_LINE_BUSY_PER_MINUTE": str(BUSY)}):
        yield


def send_report(port: int) -> int:
    """A new browser without JavaScript fills in the form: the POST's status."""
    visitor = Visitor(port)
    _, _, form = visitor.request("GET", "/en/report/")
    csrf, token = CSRF.search(form), TOKEN.search(form)
    assert csrf and token, "the report form carries its tokens"
    fields = {
        "csrfmiddlewaretoken": csrf.group(1),
        "submission": token.group(1),
        "category": "theft",
        "when": "unsure",
        "narrative": "Somebody took the bicycle from the library rack.",
        "role": "witness",
        "contact_language": "en",
    }
    status, _, page = visitor.request("POST", "/en/report/", fields)
    if status == 503:
        assert "The reporting line is very busy" in page
    return status


def test_the_line_budget_holds_across_both_processes(two_servers: tuple[int, int]) -> None:
    statuses = [send_report(two_servers[n % 2]) for n in range(BUSY)]
    assert statuses == [302] * BUSY
    assert [send_report(port) for port in two_servers] == [503, 503]
